// The attacker suite's machinery: fast-check arbitraries of malformed inputs derived from a route's
// own JSON schema (params, querystring, body), the validators the app uses (to know whether an input
// is schema-invalid), the oracle every answer must satisfy, and a snapshot of every table's rows.
import { randomUUID } from 'node:crypto';
import { Ajv, type ValidateFunction } from 'ajv';
import formatsPlugin from 'ajv-formats';
import fc from 'fast-check';
import type pg from 'pg';
import { sharedSchemas } from '../../server/openapi.ts';

/** The subset of JSON Schema the routes' TypeBox schemas use. */
export interface JsonSchema {
  type?: string;
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  minProperties?: number;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  patternProperties?: Record<string, JsonSchema>;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  discriminator?: { propertyName: string };
  const?: unknown;
  items?: JsonSchema;
}

// The same two validators as server/app.ts: coercing for params and query strings, strict for bodies.
const addFormats = formatsPlugin as unknown as (ajv: Ajv) => Ajv;
const coercing = addFormats(new Ajv({ coerceTypes: 'array', useDefaults: true, removeAdditional: false }));
const strict = addFormats(
  new Ajv({ coerceTypes: false, useDefaults: true, removeAdditional: false, discriminator: true }),
);
for (const schema of sharedSchemas) strict.addSchema(schema);
const compiled = new WeakMap<object, ValidateFunction>();
/** Whether the app's validator accepts the value (a copy: defaults and coercion change it). */
export function schemaAccepts(schema: JsonSchema, value: unknown, part: 'params' | 'query' | 'body'): boolean {
  let validate = compiled.get(schema);
  if (!validate) {
    validate = (part === 'body' ? strict : coercing).compile(schema);
    compiled.set(schema, validate);
  }
  return validate(value === undefined ? undefined : structuredClone(value));
}

// ---------------------------------------------------------------- malformed values

/** Strings every field should survive: control characters, lone surrogates, bidi overrides, odd case folding. */
export const ODD_STRINGS = [
  '',
  ' ',
  'a\u0000b',
  '\u0000',
  '\ud800',
  '\udfff\ud800',
  '\u202eevil\u202c',
  '\ufeffbom',
  'İıſK',
  'e\u0301\u0301\u0301',
  '👨‍👩‍👧‍👦',
  '\\',
  "'; drop table app.assets; --",
  '%00',
  '../../etc/passwd',
  '${jndi:ldap://x}',
  '<script>alert(1)</script>',
  'null',
  'undefined',
  'NaN',
];
/** Almost-uuids, and one Postgres does not read although the format allows it. */
export const BAD_UUIDS = [
  'not-a-uuid',
  '00000000-0000-0000-0000-00000000000',
  '00000000-0000-0000-0000-0000000000000',
  'g0000000-0000-0000-0000-000000000000',
  '00000000000000000000000000000000',
  '{00000000-0000-0000-0000-000000000000}',
  `urn:uuid:${'0'.repeat(8)}-0000-4000-8000-${'0'.repeat(12)}`,
  '1',
  '-1',
  '0x10',
];
export const BAD_DATES = [
  '2026-02-30',
  '2026-13-01',
  '0000-00-00',
  '99999-01-01',
  '2026-1-1',
  '2026-01-01T00:00:00Z',
  'today',
  '-2026-01-01',
];
export const BAD_DECIMALS = [
  '1e5',
  '-1',
  '1.234',
  'NaN',
  'Infinity',
  '1,000.00',
  ' 1',
  '１２',
  '99999999999999999999999',
  '0x10',
  '.5',
  '5.',
];
export const PROTO_KEYS = ['__proto__', 'constructor', 'prototype', 'tenantId', 'userId', 'isAdmin', 'role', 'status'];

/** Any JSON value, small. */
const anyJson = fc.jsonValue({ maxDepth: 3 });
/** A value of another JSON type than the schema's (the validator decides whether it is wrong). */
const wrongTyped = fc.oneof(
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.boolean(),
  fc.constant(null),
  fc.array(anyJson, { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 8 }), anyJson, { maxKeys: 3 }),
  fc.string({ maxLength: 12 }),
);

/** The bad strings a field of this schema invites, by format or pattern. */
function badStringsFor(schema: JsonSchema): fc.Arbitrary<string> {
  const odd = fc.constantFrom(...ODD_STRINGS);
  if (schema.format === 'uuid') return fc.oneof(fc.constantFrom(...BAD_UUIDS), odd);
  if (schema.format === 'date') return fc.oneof(fc.constantFrom(...BAD_DATES), odd);
  if (schema.pattern)
    return fc.oneof(fc.constantFrom(...BAD_DECIMALS), odd, fc.string({ maxLength: 40, unit: 'binary' }));
  return fc.oneof(odd, fc.string({ maxLength: 40, unit: 'binary' }));
}

/**
 * A string longer than the schema allows (up to past the 256 KiB body limit); in a path, at most
 * Fastify's maxParamLength (100): longer ones are the edge probe "long-param".
 */
const oversized = (schema: JsonSchema, part: 'params' | 'query' | 'body') =>
  fc
    .constantFrom(...(part === 'params' ? [37, 100] : [(schema.maxLength ?? 1000) + 1, 10_000, 300_000]))
    .chain((length) => fc.constantFrom('a', 'é', '1', '\u0000').map((c) => c.repeat(length)));

/** Placeholder replaced, after JSON.stringify, by `depth` nested arrays. */
export const DEEP = '\u0001deep\u0001';
export const deepJson = (depth: number) => '['.repeat(depth) + ']'.repeat(depth);
const deep = fc.integer({ min: 64, max: 5000 }).map((depth) => `${DEEP}${depth}${DEEP}`);

function leaves(schema: JsonSchema): Array<[string, JsonSchema]> {
  return Object.entries(schema.properties ?? {});
}

/** A string-valued property's schema, or undefined (union of literals counts as one). */
function stringSchema(schema: JsonSchema): JsonSchema | undefined {
  if (schema.type === 'string') return schema;
  if (schema.anyOf?.every((s) => typeof s.const === 'string')) return { type: 'string' };
  return undefined;
}

export interface Mutation {
  label: string;
  value: Record<string, unknown> | unknown;
}

/**
 * One malformed variant of an object-valued request part (a body, a query, path params), derived
 * from its schema and a valid baseline: not an object, a required key dropped, a wrong-typed,
 * badly formatted, oversized or deeply nested field, an unknown or prototype-polluting key.
 */
export function malformedObject(
  schema: JsonSchema,
  baseline: Record<string, unknown>,
  part: 'params' | 'query' | 'body',
) {
  // A discriminated union (POST /v1/assets): mutate the branch the baseline's tag picks.
  const tag = schema.discriminator?.propertyName;
  if (tag && schema.oneOf)
    schema = schema.oneOf.find((branch) => branch.properties?.[tag]?.const === baseline[tag]) ?? schema;
  const fields = leaves(schema);
  const options: Array<fc.Arbitrary<Mutation>> = [];
  const withField = (key: string, value: unknown) => ({ ...baseline, [key]: value });
  if (part === 'body') {
    options.push(
      wrongTyped
        .filter((v) => typeof v !== 'object' || v === null || Array.isArray(v))
        .map((value) => ({ label: 'not an object', value })),
    );
  }
  const required = schema.required ?? [];
  if (required.length > 0) {
    options.push(
      fc.constantFrom(...required).map((key) => {
        const value = { ...baseline };
        delete value[key];
        return { label: `without required ${key}`, value };
      }),
    );
  }
  if (fields.length > 0) {
    const field = fc.constantFrom(...fields);
    options.push(
      field.chain(([key]) =>
        (part === 'body' ? wrongTyped : fc.string({ maxLength: 12 })).map((v) => ({
          label: `${key} of another type`,
          value: withField(key, v),
        })),
      ),
    );
    const strings = fields.filter(([, s]) => stringSchema(s));
    if (strings.length > 0) {
      const stringField = fc.constantFrom(...strings);
      options.push(
        stringField.chain(([key, s]) =>
          badStringsFor(s).map((v) => ({ label: `${key} badly formed`, value: withField(key, v) })),
        ),
      );
      options.push(
        stringField.chain(([key, s]) =>
          oversized(s, part).map((v) => ({ label: `${key} oversized (${v.length})`, value: withField(key, v) })),
        ),
      );
    }
    const numbers = fields.filter(([, s]) => s.type === 'integer' || s.type === 'number');
    if (numbers.length > 0) {
      options.push(
        fc
          .constantFrom(...numbers)
          .chain(([key, s]) =>
            fc
              .constantFrom(
                (s.minimum ?? 0) - 1,
                (s.maximum ?? 2 ** 31) + 1,
                2 ** 53 + 2,
                -(2 ** 63),
                1.5,
                part === 'body' ? '1' : 'abc',
                part === 'body' ? 1e308 : '1e309',
              )
              .map((v) => ({ label: `${key} out of range`, value: withField(key, v) })),
          ),
      );
    }
  }
  if (part !== 'params') {
    options.push(
      fc
        .tuple(
          fc.oneof(fc.constantFrom(...PROTO_KEYS), fc.string({ minLength: 1, maxLength: 20 })),
          part === 'body' ? anyJson : fc.string({ maxLength: 10 }),
        )
        .map(([key, v]) => ({
          label: `unknown key ${JSON.stringify(key)}`,
          value: withField(key, v),
        })),
    );
  }
  if (part === 'body') {
    const target = fields.length > 0 ? fc.constantFrom(...fields.map(([key]) => key)) : fc.constant('x');
    options.push(
      fc.tuple(target, deep).map(([key, v]) => ({ label: `${key} deeply nested`, value: withField(key, v) })),
    );
    // Records (details): many unknown keys, snake-case spellings, nested values.
    for (const [key, s] of fields) {
      const record =
        s.patternProperties ??
        (s.anyOf?.find((a) => a.patternProperties)?.patternProperties as JsonSchema['patternProperties']);
      if (!record && !s.patternProperties) continue;
      options.push(
        fc
          .dictionary(
            fc.oneof(
              fc.constantFrom(...PROTO_KEYS, 'insured_persona_id', 'insuredPersonaId', 'institution_name'),
              fc.string({ maxLength: 30 }),
            ),
            fc.oneof(anyJson, fc.constantFrom(...ODD_STRINGS)),
            { minKeys: 1, maxKeys: 40 },
          )
          .map((v) => ({
            label: `${key} with odd keys`,
            value: withField(key, v),
          })),
      );
    }
  }
  if (part === 'query') {
    // Repeated keys arrive as arrays.
    if (fields.length > 0) {
      options.push(
        fc
          .constantFrom(...fields)
          .map(([key]) => ({ label: `${key} repeated`, value: withField(key, [String(baseline[key] ?? '1'), '2']) })),
      );
    }
  }
  return fc.oneof(...options);
}

/** JSON text of a body, with deep-nesting placeholders expanded. */
export function bodyText(value: unknown): string {
  return JSON.stringify(value).replace(new RegExp(`"${DEEP}(\\d+)${DEEP}"`, 'g'), (_m, depth: string) =>
    deepJson(Number(depth)),
  );
}
/** The value the app's parser sees for a body text (deep placeholders stand for a nested array). */
export function bodyValue(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value).replace(new RegExp(`"${DEEP}(\\d+)${DEEP}"`, 'g'), '[[]]'));
}

/** A query string from an object (arrays repeat their key). */
export function queryString(query: Record<string, unknown>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined) continue;
    for (const one of Array.isArray(value) ? value : [value])
      search.append(key, typeof one === 'string' ? one : JSON.stringify(one));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}
/** What Fastify's query parser makes of queryString(query): strings, arrays for repeated keys. */
export function parsedQuery(query: Record<string, unknown>): Record<string, unknown> {
  const search = new URLSearchParams(queryString(query));
  const parsed: Record<string, unknown> = {};
  for (const key of new Set(search.keys())) {
    const all = search.getAll(key);
    parsed[key] = all.length === 1 ? all[0] : all;
  }
  return parsed;
}

/** A URL with each :param replaced (encoded). */
export function fillUrl(url: string, params: Record<string, unknown>): string {
  // A lone surrogate cannot be percent-encoded: it travels as U+FFFD, as a client's UTF-8 would send it.
  return url.replace(/:([A-Za-z]+)/g, (_m, name: string) =>
    encodeURIComponent(Buffer.from(String(params[name] ?? randomUUID()), 'utf8').toString('utf8')),
  );
}

// ---------------------------------------------------------------- the oracle

/** What must never reach a client: SQL, constraint or type names, stack frames, internal paths. */
export const LEAK =
  /violates|constraint|_check\b|_fkey\b|_pkey\b|_key\b|invalid input syntax|for type |relation "|column "|syntax error|sqlstate|pg_[a-z]|plpgsql|\bsp_[a-z]|app\.[a-z_]+|at [\w.<>]+ \(|\.ts:\d+|node:internal|TypeError|ReferenceError|Cannot read prop/i;

export interface Answer {
  statusCode: number;
  headers: Record<string, unknown>;
  body: string;
}

/** The problem's code of an answer ('' without one, '(not json)' when the body is not JSON). */
export function codeOf(res: Answer): string {
  try {
    return String((JSON.parse(res.body) as { code?: unknown }).code ?? '');
  } catch {
    return '(not json)';
  }
}

/** Why an error answer is not a proper problem document, or undefined when it is. */
export function problemFault(res: Answer): string | undefined {
  if (res.statusCode >= 500) return `status ${res.statusCode}`;
  if (res.statusCode < 400) return undefined;
  const type = String(res.headers['content-type'] ?? '');
  if (!type.startsWith('application/problem+json')) return `content-type ${type || '(none)'}`;
  let problem: { code?: unknown; status?: unknown };
  try {
    problem = JSON.parse(res.body) as typeof problem;
  } catch {
    return 'body is not JSON';
  }
  if (typeof problem.code !== 'string' || problem.code === '') return 'no code';
  if (problem.status !== res.statusCode) return `status field ${String(problem.status)}`;
  const leak = LEAK.exec(res.body);
  if (leak) return `leaks ${JSON.stringify(leak[0])}`;
  return undefined;
}

// ---------------------------------------------------------------- snapshots

/** md5 of every table's rows in the app and audit schemas (partitions through their parent). */
export async function snapshot(admin: pg.Pool, ignore: ReadonlySet<string>): Promise<Map<string, string>> {
  const { rows: tables } = await admin.query<{ name: string }>(
    `select format('%I.%I', n.nspname, c.relname) as name
       from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where n.nspname in ('app', 'audit') and c.relkind in ('r', 'p') and not c.relispartition
      order by 1`,
  );
  const wanted = tables.map((t) => t.name).filter((name) => !ignore.has(name));
  const sql = wanted
    .map(
      (name) =>
        `select '${name}' as name, md5(coalesce(string_agg(t::text, '|' order by t::text), '')) as hash from ${name} t`,
    )
    .join(' union all ');
  const { rows } = await admin.query<{ name: string; hash: string }>(sql);
  return new Map(rows.map((r) => [r.name, r.hash]));
}

/** The tables whose rows differ between two snapshots. */
export const changedTables = (before: Map<string, string>, after: Map<string, string>) =>
  [...after.keys()].filter((name) => before.get(name) !== after.get(name));
