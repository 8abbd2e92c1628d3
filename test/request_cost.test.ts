// Bounded cost and problem+json for every answer (issue 9, findings 3, 5 and 7): asset details are
// checked before any other work at a cost linear in the keys, one spelling of each field; bodies
// are bounded in size and depth; each transaction has its time limits; Fastify's and Node's own
// refusals (bad URL, 404, 413, 415, 431, slow headers) are problem+json; two Authorization headers
// are refused; field errors name the request's fields, never a constraint, type or table.
import net from 'node:net';
import Fastify, { type InjectOptions, type RouteOptions } from 'fastify';
import t from 'tap';
import * as assets from '../generated/assets.queries.ts';
import * as identity from '../generated/identity.queries.ts';
import { buildApp } from '../server/app.ts';
import assetRoutes from '../server/routes/assets.ts';
import billingRoutes from '../server/routes/billing.ts';
import familyCircleRoutes from '../server/routes/family_circles.ts';
import identityRoutes from '../server/routes/identity.ts';
import netWorthRoutes from '../server/routes/net_worth.ts';
import stripeRoutes from '../server/routes/stripe.ts';
import { generateFieldKeys } from '../server/field_cipher.ts';
import { inContext } from '../server/plugins/db.ts';
import { toProblem } from '../server/plugins/errors.ts';
import { sharedSchemas } from '../server/openapi.ts';
import { API_JSON_MAX_DEPTH, jsonDeeperThan } from '../server/plugins/limits.ts';
import { DETAILS_MAX_FIELDS } from '../server/schemas/assets.ts';
import { signStripePayload } from '../scripts/lib/stripe_events.ts';
import { bearer, makePoolTenant, TEST_STRIPE_WEBHOOK_SECRET, testApp, registerThroughApi } from './helpers/app.ts';
import { makeTenant, makeUser, rejection, testDatabase } from './helpers/db.ts';

const db = await testDatabase(t);
const app = await testApp(t, db);
const home = await makePoolTenant(db, 'cost');

const registered = (firstName: string) => registerThroughApi(app, home, firstName, 'Cost');
const olive = await registered('Olive');
const pat = await registered('Pat'); // same tenant, no link to Olive: Olive may not name Pat's persona

const PROBLEM = /^application\/problem\+json/;
const lifeInsurance = (details: Record<string, unknown>) => ({
  assetType: 'life_insurance',
  categoryCode: 'term_life',
  name: 'Policy',
  currency: 'USD',
  ownerPersonaId: olive.personaId,
  initialValue: '0',
  valuedOn: '2026-01-15',
  details,
});
const policyDetails = { insurerName: 'Insurer', policyKind: 'whole', faceValue: '100000.00' };

/** How many times the API's pool handed out a connection while `fn` ran. */
async function connectionsDuring(fn: () => Promise<unknown>) {
  let acquired = 0;
  const count = () => acquired++;
  app.db.api.on('acquire', count);
  try {
    await fn();
  } finally {
    app.db.api.off('acquire', count);
  }
  return acquired;
}

t.test(
  'finding 3: details keys are refused before the database, and the database refuses in linear time',
  async (t) => {
    // Short keys: 16,000 of them fit in the 256 KiB body limit, as in the finding.
    const keys = (n: number) => Object.fromEntries(Array.from({ length: n }, (_, i) => [`f${i}`, 0]));
    // Past the schema's maximum: refused at validation, no connection taken.
    for (const n of [DETAILS_MAX_FIELDS + 1, 16_000]) {
      let res!: Awaited<ReturnType<typeof app.inject>>;
      const connections = await connectionsDuring(async () => {
        res = await app.inject({
          method: 'POST',
          url: '/v1/assets',
          headers: bearer(olive.accessToken),
          payload: { ...lifeInsurance(policyDetails), details: keys(n) },
        });
      });
      t.equal(res.statusCode, 400, `${n} keys: ${res.body.slice(0, 200)}`);
      t.match(res.headers['content-type'], PROBLEM);
      t.equal(res.json().code, 'invalid_details');
      t.equal(connections, 0, `${n} keys: refused without a database connection`);
    }
    // At the schema's maximum: refused by the type's own schema, each unknown field named as sent.
    let atMax!: Awaited<ReturnType<typeof app.inject>>;
    const atMaxConnections = await connectionsDuring(async () => {
      atMax = await app.inject({
        method: 'POST',
        url: '/v1/assets',
        headers: bearer(olive.accessToken),
        payload: { ...lifeInsurance(policyDetails), details: keys(DETAILS_MAX_FIELDS) },
      });
    });
    t.equal(atMax.statusCode, 400);
    t.equal(atMax.json().code, 'invalid_details');
    t.match(
      atMax.json().errors.find((e: { path: string }) => e.path === 'body.details.f0'),
      { message: 'unknown field f0' },
      'each unknown field named',
    );
    t.equal(atMaxConnections, 0, 'the type schema refuses them without a database connection');

    // The database alone (another client than the API): 20,000 unknown keys are refused well within a
    // 3 s statement timeout (before: 16,000 keys took 49 s, quadratic), with the same code.
    const user = await makeUser(db, await makeTenant(db, 'cost-db'), 'Dora');
    const call = () =>
      inContext(
        db.api,
        { tenantId: user.tenantId, actorKind: 'user', actorId: user.sub, requestId: 'cost-many-keys' },
        (c) =>
          assets.createAsset.run(
            {
              assetType: 'misc',
              categoryCode: 'other',
              name: 'Many keys',
              currency: 'USD',
              ownerPersonaId: user.personaId,
              initialValue: '1',
              valuedOn: '2026-01-15',
              details: keys(20_000),
              ownershipPercentage: '100',
              ownershipForm: 'sole',
              valuationSource: 'manual',
            },
            c,
          ),
        { statementMs: 3000, lockMs: 1000, idleInTransactionMs: 5000 },
      );
    t.match(await rejection(call()), { sqlState: 'PT400', code: 'invalid_details', message: /unknown misc details/ });
  },
);

t.test('finding 5: one spelling of each field; insured_persona_id is refused on create and update', async (t) => {
  const before = (await db.admin.query(`select count(*)::int as n from app.asset_life_insurance`)).rows[0].n;
  // Through the API: the schema refuses the spelling, naming the field as sent.
  const snake = await app.inject({
    method: 'POST',
    url: '/v1/assets',
    headers: bearer(olive.accessToken),
    payload: lifeInsurance({ ...policyDetails, insured_persona_id: pat.personaId }),
  });
  t.equal(snake.statusCode, 400, snake.body);
  t.match(snake.json(), { code: 'invalid_details' });
  t.ok(
    snake.json().errors.some((e: { path: string }) => e.path === 'body.details.insured_persona_id'),
    'the error names insured_persona_id as sent',
  );
  // The camelCase spelling gets the check: Pat's persona is not Olive's to name.
  const camel = await app.inject({
    method: 'POST',
    url: '/v1/assets',
    headers: bearer(olive.accessToken),
    payload: lifeInsurance({ ...policyDetails, insuredPersonaId: pat.personaId }),
  });
  t.equal(camel.statusCode, 404);
  t.equal(camel.json().code, 'persona_not_found');

  // The database says no too, to any caller that skips the schema.
  const callCreate = (details: Record<string, unknown>) =>
    db.asUser(home.tenantId, olive.sub, (c) =>
      assets.createAsset.run(
        {
          ...lifeInsurance(details),
          ownershipPercentage: '100',
          ownershipForm: 'sole',
          valuationSource: 'manual',
        } as Parameters<typeof assets.createAsset.run>[0],
        c,
      ),
    );
  t.match(
    await rejection(callCreate({ ...policyDetails, insured_persona_id: pat.personaId })),
    { sqlState: 'PT400', code: 'invalid_details', message: /unknown life_insurance details: insured_persona_id/ },
    'sp_create_asset refuses the snake_case spelling',
  );
  // Update: a policy insuring Olive herself, then an attempt to point it at Pat.
  const [policy] = await callCreate({ ...policyDetails, insuredPersonaId: olive.personaId });
  const respellings: Array<Record<string, string>> = [
    { insured_persona_id: pat.personaId },
    { InsuredPersonaId: pat.personaId },
  ];
  for (const details of respellings) {
    t.match(
      await rejection(
        db.asUser(home.tenantId, olive.sub, (c) =>
          assets.updateAsset.run({ assetId: policy.assetId, name: null, description: null, details }, c),
        ),
      ),
      { sqlState: 'PT400', code: 'invalid_details' },
      `sp_update_asset refuses ${Object.keys(details)[0]}`,
    );
    const res = await app.inject({
      method: 'PATCH',
      url: `/v1/assets/${policy.assetId}`,
      headers: bearer(olive.accessToken),
      payload: { details },
    });
    t.equal(res.statusCode, 400);
    t.equal(res.json().code, 'invalid_details');
  }
  const { rows } = await db.admin.query(`select insured_persona_id from app.asset_life_insurance where id = $1`, [
    policy.assetId,
  ]);
  t.equal(rows[0].insured_persona_id, olive.personaId, 'the policy still insures Olive');
  t.equal(
    (await db.admin.query(`select count(*)::int as n from app.asset_life_insurance`)).rows[0].n,
    before + 1,
    'only the well-spelled policy was created',
  );
});

t.test('finding 7: field errors name the request fields, never a constraint, type or table', async (t) => {
  const cases: Array<[string, string, Record<string, unknown>, RegExp]> = [
    ['bank_account', 'checking', { institutionName: '  ', accountKind: 'checking' }, /details\.institutionName/],
    ['vehicle', 'car', { make: 'X', model: 'Y', modelYear: 'nineteen' }, /details\.modelYear/],
    ['vehicle', 'car', { make: 'X', model: 'Y', modelYear: 99999999999 }, /details\.modelYear/],
    ['debt', 'mortgage', { lenderName: 'L', debtKind: 'mortgage' }, /details\.interestRatePercent/],
    ['debt', 'mortgage', { lenderName: 'L', debtKind: 'mortgage', interestRatePercent: '1000' }, /interestRatePercent/],
    [
      'real_estate',
      'land',
      { propertyKind: 'land', addressLine1: 'A', city: 'C', countryCode: 'US', purchaseDate: '2026-13-45' },
      /details\.purchaseDate/,
    ],
  ];
  for (const [assetType, categoryCode, details, field] of cases) {
    const res = await app.inject({
      method: 'POST',
      url: '/v1/assets',
      headers: bearer(olive.accessToken),
      payload: { ...lifeInsurance({}), assetType, categoryCode, details },
    });
    t.equal(res.statusCode, 400, `${assetType} ${JSON.stringify(details)}`);
    const problem = res.json();
    t.equal(problem.code, 'invalid_details');
    // The type's schema (POST) or the database (what only it checks, e.g. a blank name) names the field.
    const named = `${problem.detail} ${(problem.errors ?? []).map((e: { path: string }) => e.path).join(' ')}`;
    t.match(named, field, `names the field: ${named}`);
    // JSON Schema's own words ("must be integer") are the published contract's; the database's never show.
    t.notMatch(res.body, /_check|asset_|numeric|syntax|_name\b|_kind\b|_percent\b/, 'no database internals');
  }
  // Text fields checked by app.require_text are named as the API names them, not as columns.
  t.match(
    await rejection(
      db.asUser(home.tenantId, olive.sub, (c) => identity.createPersona.run({ firstName: '   ', lastName: 'L' }, c)),
    ),
    { code: 'invalid_first_name', message: /^firstName must be 1 to \d+ characters$/ },
  );
  // A database error no procedure checked: the generic code, no database text.
  const raw = { code: '22P02', severity: 'ERROR', message: 'invalid input syntax for type integer: "x"' };
  const { problem } = toProblem(raw, 'r1');
  t.same([problem.status, problem.code, problem.detail], [400, 'invalid_input', undefined]);
  const check = {
    code: '23514',
    severity: 'ERROR',
    message: 'violates check constraint "asset_bank_accounts_x_check"',
  };
  t.same([toProblem(check, 'r2').problem.code, toProblem(check, 'r2').problem.detail], ['invalid_input', undefined]);
});

t.test('every transaction has a statement, lock and idle timeout; a timeout is 503 with Retry-After', async (t) => {
  const settings = await app.db.inContext(
    { tenantId: home.tenantId, actorKind: 'user', actorId: olive.sub, requestId: 'cost-settings' },
    async (c) =>
      (
        await c.query(
          `select current_setting('statement_timeout') as s, current_setting('lock_timeout') as l,
                  current_setting('idle_in_transaction_session_timeout') as i`,
        )
      ).rows[0],
  );
  t.same(settings, { s: '5s', l: '2s', i: '10s' }, 'the defaults are set in the context statement');
  const outside = (await db.api.query(`select current_setting('statement_timeout') as s`)).rows[0].s;
  t.equal(outside, '0', 'transaction-local: the pooled connection keeps no limit after it');

  const error = await rejection(
    inContext(
      db.api,
      { tenantId: home.tenantId, actorKind: 'user', actorId: olive.sub, requestId: 'cost-slow' },
      (c) => c.query('select pg_sleep(5)'),
      { statementMs: 200, lockMs: 200, idleInTransactionMs: 1000 },
    ),
  );
  t.equal(error.sqlState, '57014', 'the statement was cancelled');
  const { problem, headers } = toProblem({ code: '57014', severity: 'ERROR', message: 'canceling statement' }, 'r');
  t.same([problem.status, problem.code, headers['retry-after']], [503, 'query_timeout', '1']);
  t.same([toProblem({ code: '55P03', severity: 'ERROR', message: 'lock' }, 'r').problem.status], [503]);
});

t.test('Fastify and the router answer problem+json with stable codes', async (t) => {
  const cases: Array<[string, InjectOptions, number, string]> = [
    [
      'bad URL encoding',
      { method: 'GET', url: '/v1/assets/%ZZ', headers: bearer(olive.accessToken) },
      400,
      'invalid_url',
    ],
    ['unknown route', { method: 'GET', url: '/v1/nowhere' }, 404, 'route_not_found'],
    [
      'a text body on a JSON route',
      {
        method: 'POST',
        url: '/v1/assets',
        headers: { ...bearer(olive.accessToken), 'content-type': 'text/plain' },
        payload: 'hello',
      },
      415,
      'unsupported_media_type',
    ],
    [
      'a body over 256 KiB',
      {
        method: 'POST',
        url: '/v1/assets',
        headers: { ...bearer(olive.accessToken), 'content-type': 'application/json' },
        payload: JSON.stringify({ name: 'x'.repeat(300 * 1024) }),
      },
      413,
      'body_too_large',
    ],
    [
      'malformed JSON',
      {
        method: 'POST',
        url: '/v1/assets',
        headers: { ...bearer(olive.accessToken), 'content-type': 'application/json' },
        payload: '{"name":',
      },
      400,
      'invalid_json',
    ],
    [
      'JSON nested 20,000 deep',
      {
        method: 'POST',
        url: '/v1/assets',
        headers: { ...bearer(olive.accessToken), 'content-type': 'application/json' },
        payload: '['.repeat(20_000) + ']'.repeat(20_000),
      },
      400,
      'json_too_deep',
    ],
  ];
  for (const [label, request, status, code] of cases) {
    const res = await app.inject(request);
    t.equal(res.statusCode, status, `${label}: ${res.body.slice(0, 200)}`);
    t.match(res.headers['content-type'], PROBLEM, label);
    t.equal(res.json().code, code, label);
  }
  t.ok(
    jsonDeeperThan('{"a":"[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[\\""}', API_JSON_MAX_DEPTH) === false,
    'brackets in strings do not count',
  );
  t.ok(jsonDeeperThan('['.repeat(API_JSON_MAX_DEPTH + 1), API_JSON_MAX_DEPTH), 'one level too deep');
});

t.test('finding 7: a signed Stripe body nested 20,000 deep is a 400, not a 500', async (t) => {
  const payload = '{"id":"evt_deep","object":"event","data":' + '{"a":'.repeat(20_000) + '1' + '}'.repeat(20_001);
  const res = await app.inject({
    method: 'POST',
    url: '/v1/webhooks/stripe',
    headers: {
      'content-type': 'application/json',
      'stripe-signature': signStripePayload(payload, TEST_STRIPE_WEBHOOK_SECRET),
    },
    payload,
  });
  t.equal(res.statusCode, 400, res.body.slice(0, 200));
  t.match(res.headers['content-type'], PROBLEM);
  t.equal(res.json().code, 'json_too_deep');
});

/** Writes `chunks` to a listening app and resolves with what it answered and when it closed. */
function rawExchange(port: number, chunks: string[]) {
  return new Promise<{ response: string; closedAfterMs: number }>((resolve, reject) => {
    const started = Date.now();
    const socket = net.connect(port, '127.0.0.1', () => chunks.forEach((chunk) => socket.write(chunk)));
    let response = '';
    socket.on('data', (data) => (response += data.toString('utf8')));
    socket.on('error', () => {});
    socket.on('close', () => resolve({ response, closedAfterMs: Date.now() - started }));
    setTimeout(() => {
      socket.destroy();
      reject(new Error('the server kept the socket open for 10 s'));
    }, 10_000).unref();
  });
}

t.test('slow headers and oversized headers: closed within the bound, answered with problem+json', async (t) => {
  const timed = await buildApp({
    databaseApiUrl: db.apiUrl,
    allowDevelopmentIssuers: true,
    poolSize: 1,
    fieldEncryptionKeys: generateFieldKeys('test'),
    timeouts: { headersMs: 500, requestMs: 1000, checkIntervalMs: 100 },
    // As testApp: a loaded machine's event-loop lag must not shed these requests (503) first.
    loadShedding: { maxEventLoopDelayMs: 0 },
  });
  t.teardown(() => timed.close());
  await timed.listen({ host: '127.0.0.1', port: 0 });
  const port = (timed.server.address() as net.AddressInfo).port;

  // A client that never finishes its headers: closed after headersMs (+ one check interval).
  const slow = await rawExchange(port, ['GET /health/live HTTP/1.1\r\nHost: x\r\nX-Slow: ']);
  t.ok(slow.closedAfterMs < 3000, `closed after ${slow.closedAfterMs} ms (bound 500 ms + checks)`);
  t.match(slow.response, /^HTTP\/1\.1 408 /);
  t.match(slow.response, /content-type: application\/problem\+json/i);
  t.match(slow.response, /"code":"request_timeout"/);

  // A client that announces a body and never sends it (on a route without a token: the body is read):
  // closed after requestMs (+ one check interval).
  const slowBody = await rawExchange(port, [
    'POST /v1/webhooks/stripe HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"a":',
  ]);
  t.ok(slowBody.closedAfterMs < 4000, `slow body closed after ${slowBody.closedAfterMs} ms (bound 1000 ms + checks)`);
  t.match(slowBody.response, /^HTTP\/1\.1 408 /);
  t.match(slowBody.response, /"code":"request_timeout"/);

  // Headers over Node's 16 KiB: 431 from the HTTP parser, as problem+json.
  const big = await rawExchange(port, [`GET /health/live HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`]);
  t.match(big.response, /^HTTP\/1\.1 431 /);
  t.match(big.response, /content-type: application\/problem\+json/i);
  t.match(big.response, /"code":"headers_too_large"/);

  // Two Authorization headers (Node would serve the first): refused.
  const twice = await rawExchange(port, [
    'GET /v1/me HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer a.b.c\r\nAuthorization: Bearer d.e.f\r\nConnection: close\r\n\r\n',
  ]);
  t.match(twice.response, /^HTTP\/1\.1 400 /);
  t.match(twice.response, /content-type: application\/problem\+json/i);
  t.match(twice.response, /"code":"duplicate_header"/);

  // A URL the router cannot decode, over a real socket too.
  const badUrl = await rawExchange(port, ['GET /v1/assets/%ZZ HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n']);
  t.match(badUrl.response, /^HTTP\/1\.1 400 /);
  t.match(badUrl.response, /content-type: application\/problem\+json/i);
});

/** The parts of a request schema no bound limits: strings without a length (or a bounded pattern,
 *  format or list), objects open to any number of keys, arrays without a maximum. */
function unbounded(schema: unknown, at: string, out: string[], isParams = false) {
  if (!schema || typeof schema !== 'object') return;
  const s = schema as Record<string, unknown>;
  for (const key of ['anyOf', 'oneOf', 'allOf'])
    if (Array.isArray(s[key])) (s[key] as unknown[]).forEach((sub, n) => unbounded(sub, `${at}|${n}`, out));
  if (s.type === 'string') {
    const pattern = typeof s.pattern === 'string' ? s.pattern.replace(/\\./g, '') : undefined;
    const boundedPattern =
      pattern && pattern.startsWith('^') && pattern.endsWith('$') && !/[+*]|\{\d+,\}/.test(pattern);
    if (s.maxLength === undefined && !s.format && s.const === undefined && !s.enum && !boundedPattern)
      out.push(`${at}: a string of any length`);
  }
  if (s.type === 'object') {
    // Path parameters are the route's own names: only their values are the caller's.
    if (!isParams && s.additionalProperties !== false && s.maxProperties === undefined)
      out.push(`${at}: an object of any number of keys`);
    for (const [key, sub] of Object.entries((s.properties ?? {}) as Record<string, unknown>))
      unbounded(sub, `${at}.${key}`, out);
    if (typeof s.additionalProperties === 'object') unbounded(s.additionalProperties, `${at}.*`, out);
  }
  if (s.type === 'array') {
    if (s.maxItems === undefined) out.push(`${at}: an array of any length`);
    unbounded(s.items, `${at}[]`, out);
  }
}

t.test('every free-form field of every route is bounded (length, keys, items)', async (t) => {
  const bare = Fastify({ ajv: { customOptions: { discriminator: true } } });
  const routes: RouteOptions[] = [];
  bare.addHook('onRoute', (route) => void routes.push(route));
  for (const schema of sharedSchemas) bare.addSchema(schema);
  for (const plugin of [identityRoutes, familyCircleRoutes, assetRoutes, netWorthRoutes, billingRoutes])
    await bare.register(plugin, { prefix: '/v1' });
  await bare.register(stripeRoutes, { prefix: '/v1/webhooks', toleranceSeconds: 300 });
  await bare.ready();
  t.ok(routes.length >= 50, `${routes.length} routes`);
  const out: string[] = [];
  for (const route of routes) {
    const schema = (route.schema ?? {}) as Record<string, unknown>;
    const name = `${route.method} ${route.url}`;
    unbounded(schema.body, `${name} body`, out);
    unbounded(schema.querystring, `${name} query`, out);
    unbounded(schema.params, `${name} params`, out, true);
  }
  t.same(out, [], 'no unbounded field');
  await bare.close();
});
