// Schemas shared by every domain: ids, dates, pagination, the problem document, and the
// compile-time check that a reply schema has exactly the columns of the rows it carries.
import { Type, type Static, type TArray, type TObject, type TProperties, type TSchema } from 'typebox';

export const Uuid = Type.String({ format: 'uuid' });
export const IsoDate = Type.String({ format: 'date' });
/** A timestamptz: a Date from pg, an ISO 8601 string on the wire. */
export const Timestamp = Type.Unsafe<Date>({ type: 'string', format: 'date-time' });
export const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
/** A jsonb column: typed Json by pgtyped, described precisely for the reply serializer. */
export const JsonColumn = <T extends TSchema>(schema: T) => Type.Unsafe<Json>(schema);

/** The most rows a page holds, on every paged route; app.check_page (SQL) refuses more with the same maximum. */
export const PAGE_MAX = 500;
const pageProperties = {
  limit: Type.Integer({ minimum: 1, maximum: PAGE_MAX, default: 50, description: `rows per page, 1 to ${PAGE_MAX}` }),
  offset: Type.Integer({ minimum: 0, default: 0, description: 'rows to skip' }),
};
/** The query of every paged route without filters of its own: `?limit=&offset=`. */
export const Page = Type.Object(pageProperties, { additionalProperties: false });
/** A paged query with filters of its own. */
export const PageWith = <P extends TProperties>(properties: P) =>
  Type.Object({ ...properties, ...pageProperties }, { additionalProperties: false });

/** `sort=`: one key of the list's allow-list (its procedure refuses any other: invalid_sort); `-key` descends. */
export const Sort = <K extends string>(keys: readonly [K, ...K[]], description: string) =>
  Type.Optional(Type.Unsafe<K>({ type: 'string', enum: [...keys], description }));
/** `q=`: a text filter, 1 to 200 characters, case-insensitive. */
export const TextFilter = (description: string) =>
  Type.Optional(Type.String({ minLength: 1, maxLength: 200, description }));

/** The rows of a paged procedure: each carries the filtered total (a window count in SQL). */
type Counted = { total: number };

/** The fields of every paged reply beside `items`: the total the filters leave, and the page asked for. */
export const PageFields = {
  total: Type.Integer({ description: 'rows the filters leave, over every page (only rows the caller may see)' }),
  limit: Type.Integer({ description: 'the page size asked for' }),
  offset: Type.Integer({ description: 'the rows skipped' }),
};

/**
 * A page from a paged procedure: the rows without their total column, and the total. A page past
 * the end has no row to carry the count, so the first row is asked for (the same filters).
 */
export async function paged<Row extends Counted>(
  page: { limit: number; offset: number },
  fetch: (page: { limit: number; offset: number }) => Promise<Row[]>,
): Promise<{ items: Omit<Row, 'total'>[]; total: number; limit: number; offset: number }> {
  const rows = await fetch(page);
  const total = rows[0]?.total ?? (page.offset > 0 ? ((await fetch({ limit: 1, offset: 0 }))[0]?.total ?? 0) : 0);
  return { items: rows.map(({ total: _total, ...item }) => item), total, limit: page.limit, offset: page.offset };
}

export const ProblemSchema = Type.Object(
  {
    type: Type.String(),
    title: Type.String(),
    status: Type.Integer(),
    code: Type.String(),
    detail: Type.Optional(Type.String()),
    instance: Type.String(),
    errors: Type.Optional(Type.Array(Type.Object({ path: Type.String(), message: Type.String() }))),
  },
  { $id: 'Problem', description: 'RFC 9457 problem details with a stable code' },
);

/** A reference to the shared Problem schema (server/app.ts adds it): one component in the OpenAPI document. */
export const ProblemRef = Type.Unsafe<Static<typeof ProblemSchema>>({ $ref: 'Problem#' });
/** An error response: a problem document, served as application/problem+json. */
export const problemResponse = (description: string) => ({
  description,
  content: { 'application/problem+json': { schema: ProblemRef } },
});

/** The error responses every authenticated route may give. */
export const problemResponses = {
  400: problemResponse('The request is not valid: `errors` names the fields'),
  401: problemResponse('No valid access token'),
  402: problemResponse("The plan's limits do not allow it"),
  403: problemResponse('Not allowed for the caller'),
  404: problemResponse('No such resource, or not visible to the caller'),
  409: problemResponse('Conflicts with the current state'),
  500: problemResponse('An unexpected failure (details in the log under the request id)'),
  503: problemResponse('The database is busy or unreachable: retry after the Retry-After seconds'),
};

/**
 * `unknown` when a reply schema's properties are exactly the row's columns; otherwise an object
 * type naming the difference, which the schema (lacking that property) fails to satisfy in `tsc`.
 */
export type ExactKeys<Schema extends TObject, Row> = [Exclude<keyof Row, keyof Schema['properties']>] extends [never]
  ? [Exclude<keyof Schema['properties'], keyof Row>] extends [never]
    ? unknown
    : { 'properties that are no column of the row': Exclude<keyof Schema['properties'], keyof Row> }
  : { 'columns of the row missing from the schema': Exclude<keyof Row, keyof Schema['properties']> };

/** Where a reply's rows come from: a typed binding, or the function that reshapes its rows. */
export type RowSource<Row> = { run: (params: never, db: never) => Promise<Row[]> } | ((row: never) => Row);

/** The reply schema of a route answering with one row of `source` (the schema, checked by `tsc`). */
export const replyOf = <Schema extends TObject, Row>(
  schema: Schema & ExactKeys<Schema, Row>,
  _source: RowSource<Row>,
): Schema => schema;

/** The reply schema of a route answering `{ [key]: rows, ... }`: `key`'s items are checked against the rows
 *  (a paged procedure's `total` column is the list's, in PageFields, not an item's). */
export const listOf = <Schema extends TObject, Row, Key extends keyof Schema['properties'] = 'items'>(
  schema: Schema &
    (Schema['properties'][Key] extends TArray<infer Item extends TObject>
      ? { properties: { [K in NoInfer<Key>]: { items: ExactKeys<Item, Omit<Row, 'total'>> } } }
      : never),
  _source: RowSource<Row>,
  _key?: Key,
): Schema => schema;
