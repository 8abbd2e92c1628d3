// Schemas shared by every domain: ids, dates, pagination and the problem document.
import { Type, type TSchema } from 'typebox';

export const Uuid = Type.String({ format: 'uuid' });
export const IsoDate = Type.String({ format: 'date' });
/** A timestamptz: a Date from pg, an ISO 8601 string on the wire. */
export const Timestamp = Type.Unsafe<Date>({ type: 'string', format: 'date-time' });
export const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
/** A jsonb column: typed Json by pgtyped, described precisely for the reply serializer. */
export const JsonColumn = <T extends TSchema>(schema: T) => Type.Unsafe<Json>(schema);

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

/** The error responses every authenticated route may give. */
export const problemResponses = {
  400: ProblemSchema,
  401: ProblemSchema,
  402: ProblemSchema,
  403: ProblemSchema,
  404: ProblemSchema,
  409: ProblemSchema,
  500: ProblemSchema,
  503: ProblemSchema,
};
