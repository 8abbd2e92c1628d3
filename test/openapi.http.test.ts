// The published contract as the API serves it: GET /openapi.json (OpenAPI 3.1) covers every route
// with a summary and a domain tag, puts the bearer scheme on /v1 but Stripe's webhook, refers every
// error to the one Problem component; /docs works offline; the problems the API really sends
// satisfy the published schema.
import { readFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import t from 'tap';
import { bearer, makePoolTenant, testApp } from './helpers/app.ts';
import { testDatabase } from './helpers/db.ts';

interface Operation {
  summary?: string;
  tags?: string[];
  security?: Array<Record<string, string[]>>;
  'x-api-key-scope'?: string;
  responses: Record<string, { content?: Record<string, { schema: { $ref?: string } }> }>;
}
interface Document {
  openapi: string;
  info: { title: string; version: string; description: string };
  tags: Array<{ name: string }>;
  components: { schemas: Record<string, object>; securitySchemes: Record<string, { type: string; scheme: string }> };
  paths: Record<string, Record<string, Operation>>;
}

const db = await testDatabase(t);
const app = await testApp(t, db);
const res = await app.inject({ method: 'GET', url: '/openapi.json' });
const document = res.json() as Document;
const operations = Object.entries(document.paths).flatMap(([path, methods]) =>
  Object.entries(methods).map(([method, operation]) => ({ path, method, operation })),
);

t.test('the document: OpenAPI 3.1, named and versioned as the package', async (t) => {
  t.equal(res.statusCode, 200);
  t.equal(document.openapi, '3.1.0');
  const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
  t.equal(document.info.version, pkg.version, 'the version is the package version');
  t.ok(document.info.title && document.info.description, 'a title and a description');
  t.same(document.components.securitySchemes.bearer, { ...document.components.securitySchemes.bearer, type: 'http' });
  t.equal(document.components.securitySchemes.bearer.scheme, 'bearer');
});

t.test('every route is in it, says in one line what it is for and has a domain tag', async (t) => {
  t.ok(operations.length >= 50, `${operations.length} operations`);
  for (const path of ['/v1/assets', '/v1/me', '/v1/webhooks/stripe', '/health/ready', '/v1/ffcs/{ffcId}/invitations'])
    t.ok(document.paths[path], `${path} is documented`);
  const tagNames = new Set(document.tags.map((tag) => tag.name));
  const untagged = operations.filter(({ operation }) => !operation.tags?.length || !tagNames.has(operation.tags[0]));
  const unsummarized = operations.filter(({ operation }) => !operation.summary?.trim());
  t.same(
    untagged.map(({ method, path }) => `${method} ${path}`),
    [],
    'every operation has a declared tag',
  );
  t.same(
    unsummarized.map(({ method, path }) => `${method} ${path}`),
    [],
    'every operation has a summary',
  );
  t.notOk(document.paths['/openapi.json'] || document.paths['/docs'], 'the contract does not describe itself');
});

t.test(
  'the bearer token is required on /v1 but the Stripe webhook, a staff token on /support/v1, and nowhere else',
  async (t) => {
    for (const { path, method, operation } of operations) {
      const expected =
        path.startsWith('/v1/') && !path.startsWith('/v1/webhooks/')
          ? // An API key too on the operations of a key's scope (docs/api_keys.md).
            operation['x-api-key-scope']
            ? [{ bearer: [] }, { apiKey: [] }]
            : [{ bearer: [] }]
          : path.startsWith('/support/v1/')
            ? [{ staffBearer: [] }]
            : undefined;
      if (JSON.stringify(operation.security) !== JSON.stringify(expected))
        t.fail(`${method} ${path}: security ${JSON.stringify(operation.security)}`);
    }
    t.same(document.paths['/v1/webhooks/stripe'].post.security, undefined, 'Stripe signs instead');
    t.same(document.paths['/v1/assets'].post.security, [{ bearer: [] }, { apiKey: [] }], 'a token or a key');
    t.equal(document.paths['/v1/assets'].post['x-api-key-scope'], 'assets:write', "the key's scope");
    t.same(document.paths['/v1/api-keys'].post.security, [{ bearer: [] }], 'keys manage no keys');
  },
);

t.test('errors: one Problem component, referred to as application/problem+json', async (t) => {
  const names = Object.keys(document.components.schemas);
  t.same(
    names.filter((name) => !name.endsWith('Details')),
    ['Problem'],
    'one problem schema, no def-N copies',
  );
  t.equal(res.body.match(/"instance":\{/g)?.length, 1, 'the problem schema is written once');
  let errors = 0;
  for (const { path, method, operation } of operations) {
    for (const [status, response] of Object.entries(operation.responses)) {
      if (Number(status) < 400) continue;
      errors++;
      t.same(
        response.content,
        { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
        `${method} ${path} ${status}`,
        { diagnostic: false },
      );
    }
  }
  t.ok(errors > 100, `${errors} error responses`);
  t.same(
    operations.filter(({ operation }) => !operation.responses.default).map(({ method, path }) => `${method} ${path}`),
    [],
    'every operation has a problem as its default response (413, 415, 429...)',
  );
});

t.test('the problems the API sends satisfy the published schema', async (t) => {
  const validate = new Ajv({ strict: false }).compile(document.components.schemas.Problem);
  const tenant = await makePoolTenant(db, 'openapi');
  const user = await tenant.signUp();
  const answers = [
    await app.inject({ method: 'GET', url: '/v1/me' }),
    await app.inject({ method: 'GET', url: '/v1/me', headers: bearer(user.accessToken) }),
    await app.inject({
      method: 'POST',
      url: '/v1/registrations',
      headers: bearer(user.accessToken),
      payload: { email: 'not an email', firstName: '', lastName: 'X', extra: 1 },
    }),
    await app.inject({ method: 'GET', url: '/v1/assets/not-a-uuid', headers: bearer(user.accessToken) }),
  ];
  t.equal(answers[0].statusCode, 401, 'no token');
  t.ok(answers[1].statusCode >= 400, 'signed in but not registered');
  t.equal(answers[2].statusCode, 400, 'an invalid body');
  t.equal(answers[3].statusCode, 400, 'an invalid id');
  for (const answer of answers) {
    t.match(answer.headers['content-type'], /^application\/problem\+json/);
    t.ok(validate(answer.json()), `${answer.statusCode} ${answer.body} ${JSON.stringify(validate.errors)}`);
  }
  t.ok(answers[2].json().errors?.length, 'a validation problem lists its errors');
});

t.test('/docs: the reference page, its assets served by the API itself (no CDN)', async (t) => {
  const page = await app.inject({ method: 'GET', url: '/docs' });
  t.equal(page.statusCode, 200);
  t.match(page.headers['content-type'], /^text\/html/);
  const assets = [...page.body.matchAll(/(?:src|href)="([^"]+)"/g)].map((match) => match[1]);
  t.ok(assets.length >= 3, `${assets.length} assets`);
  for (const asset of assets) {
    t.notMatch(asset, /^(https?:)?\/\//, `${asset} is local`);
    const served = await app.inject({ method: 'GET', url: asset });
    t.equal(served.statusCode, 200, `${asset} is served`);
  }
  const initializer = await app.inject({ method: 'GET', url: '/docs/static/swagger-initializer.js' });
  const code = initializer.body.replace(/(^|\s)\/\/.*$/gm, '');
  t.notMatch(code, /https?:\/\//, 'the page fetches nothing from elsewhere');
  t.match(code, /validatorUrl: null/, "not even swagger-ui's online validator");
  const same = await app.inject({ method: 'GET', url: '/docs/json' });
  t.same(same.json(), document, "the page's document is /openapi.json's");
});

t.test("the 13 asset types' details: one component each, exactly the columns of the type's table", async (t) => {
  const body = (
    document.paths['/v1/assets'].post as unknown as {
      requestBody: { content: { 'application/json': { schema: { oneOf: DetailsVariant[]; discriminator: object } } } };
    }
  ).requestBody.content['application/json'].schema;
  interface DetailsVariant {
    properties: { assetType: { enum: string[] }; details: { $ref: string } };
    required: string[];
  }
  t.same(body.discriminator, { propertyName: 'assetType' }, 'a union discriminated by assetType');
  const { rows: types } = await db.admin.query<{ asset_type: string }>(
    'select distinct asset_type from app.asset_categories order by 1',
  );
  t.equal(types.length, 13);
  t.same(
    body.oneOf.map((variant) => variant.properties.assetType.enum[0]).sort(),
    types.map((row) => row.asset_type),
  );
  for (const variant of body.oneOf) {
    const assetType = variant.properties.assetType.enum[0];
    const name = variant.properties.details.$ref.replace('#/components/schemas/', '');
    const schema = document.components.schemas[name] as {
      properties: Record<string, { description?: string }>;
      required?: string[];
      description?: string;
    };
    const { rows: columns } = await db.admin.query<{ name: string; required: boolean }>(
      `select a.attname as name, a.attnotnull and not a.atthasdef as required
         from pg_attribute a
        where a.attrelid = format('app.%I', app.asset_type_table($1))::regclass
          and a.attnum > 0 and not a.attisdropped and a.attname not in ('tenant_id', 'id')
        order by a.attnum`,
      [assetType],
    );
    const camel = (column: string) => column.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());
    t.same(
      Object.keys(schema.properties),
      columns.map((c) => camel(c.name)),
      `${assetType}: the table's columns`,
    );
    t.same(
      [...(schema.required ?? [])].sort(),
      columns
        .filter((c) => c.required)
        .map((c) => camel(c.name))
        .sort(),
      `${assetType}: required where the column is NOT NULL without a default`,
    );
    t.ok(schema.description, `${assetType} is described`);
    t.equal(
      variant.required.includes('details'),
      (schema.required ?? []).length > 0,
      `${assetType}: details required when it has required fields`,
    );
  }
});
