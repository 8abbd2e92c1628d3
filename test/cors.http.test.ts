// CORS for the tenants' white-label apps: preflights answered for origins some tenant allows,
// actual requests refused when the browser Origin is not one of the token's tenant, changes
// applied within the routing bound, the origins set by support (validated, audited).
import t from 'tap';
import { bearer, makePoolTenant, testApp } from './helpers/app.ts';
import { rejection, testDatabase } from './helpers/db.ts';
import { registerUser } from '../generated/identity.queries.ts';
import { setTenantAllowedOrigins } from '../generated/tenancy.queries.ts';

const db = await testDatabase(t);
const acme = await makePoolTenant(db, 'cors-acme');
const bolt = await makePoolTenant(db, 'cors-bolt');
const ACME = 'https://app.acme.example';
const BOLT = 'https://bolt.example:8443';
const setOrigins = (tenantId: string, origins: string[]) =>
  db.asSupport((c) => setTenantAllowedOrigins.run({ tenantId, origins }, c));
await setOrigins(acme.tenantId, [ACME, 'http://localhost:5173']);
await setOrigins(bolt.tenantId, [BOLT]);

async function registered(tenant: typeof acme, firstName: string) {
  const user = await tenant.signUp();
  await db.withContext(
    { tenantId: tenant.tenantId, actorKind: 'user', actorId: user.sub, requestId: 't', verifiedEmail: user.email },
    (c) => registerUser.run({ firstName, lastName: 'Cors', dateOfBirth: null }, c),
  );
  return user;
}
const ann = await registered(acme, 'Ann');
const app = await testApp(t, db);

const preflight = (origin: string, url = '/v1/me', method = 'GET') =>
  app.inject({
    method: 'OPTIONS',
    url,
    headers: { origin, 'access-control-request-method': method, 'access-control-request-headers': 'authorization' },
  });

t.test('a preflight from an origin some tenant allows: 204 with the CORS headers', async (t) => {
  for (const [origin, url, method] of [
    [ACME, '/v1/me', 'GET'],
    [BOLT, '/v1/assets', 'POST'],
    ['http://localhost:5173', '/v1/personas/6f1c0c1e-0000-4000-8000-000000000000', 'PATCH'],
  ]) {
    const res = await preflight(origin, url, method);
    t.equal(res.statusCode, 204, `${origin} ${method} ${url}`);
    t.equal(res.headers['access-control-allow-origin'], origin, 'the origin is reflected, not *');
    t.match(String(res.headers['access-control-allow-methods']), /GET.*POST.*PATCH.*DELETE/);
    t.same(
      String(res.headers['access-control-allow-headers']).split(', '),
      [
        'Acting-For',
        'Authorization',
        'Content-Type',
        'Idempotency-Key',
        'If-Match',
        'If-None-Match',
        'X-Consistency-Token',
      ],
      'the request headers a browser app may send',
    );
    t.equal(res.headers['access-control-allow-credentials'], undefined, 'no credentials mode: bearer tokens only');
    t.equal(res.headers['access-control-max-age'], '600');
    t.match(String(res.headers.vary), /Origin/i, 'Vary: Origin');
  }
});

t.test('a preflight from an unknown origin, or a look-alike, gets no Access-Control-Allow-Origin', async (t) => {
  for (const origin of [
    'https://evil.example',
    'http://app.acme.example', // the allowed host over http
    'https://app.acme.example.evil.example',
    'https://app.acme.example:444',
    'https://APP.acme.example/',
    'null',
  ]) {
    const res = await preflight(origin);
    t.not(res.statusCode, 204, `${origin}: not answered as a preflight`);
    t.equal(res.headers['access-control-allow-origin'], undefined, `${origin}: no allow-origin header`);
    t.equal(res.headers['access-control-allow-methods'], undefined, `${origin}: no allow-methods header`);
  }
});

t.test('health and the Stripe webhook take no part in CORS', async (t) => {
  const health = await app.inject({ method: 'GET', url: '/health/live', headers: { origin: ACME } });
  t.equal(health.statusCode, 200);
  t.equal(health.headers['access-control-allow-origin'], undefined, 'health: no CORS headers');
  const webhook = await preflight(ACME, '/v1/webhooks/stripe', 'POST');
  t.not(webhook.statusCode, 204, 'the webhook answers no preflight');
  t.equal(webhook.headers['access-control-allow-origin'], undefined);
});

t.test("an actual request: the token's tenant decides which browser origins are served", async (t) => {
  const fromAcme = await app.inject({
    method: 'GET',
    url: '/v1/me',
    headers: { ...bearer(ann.accessToken), origin: ACME },
  });
  t.equal(fromAcme.statusCode, 200, "from acme's own origin");
  t.equal(fromAcme.headers['access-control-allow-origin'], ACME);
  t.same(
    String(fromAcme.headers['access-control-expose-headers']).split(', '),
    ['X-Request-Id', 'Location', 'ETag', 'Retry-After', 'Idempotency-Replayed', 'X-Consistency-Token'],
    'the response headers a browser app may read',
  );

  const fromBolt = await app.inject({
    method: 'GET',
    url: '/v1/me',
    headers: { ...bearer(ann.accessToken), origin: BOLT },
  });
  t.equal(fromBolt.statusCode, 403, "acme's token from bolt's origin is refused");
  t.equal(fromBolt.headers['content-type'], 'application/problem+json; charset=utf-8');
  t.equal(fromBolt.json().code, 'origin_not_allowed');
  t.notMatch(fromBolt.body, /Ann/, 'and shows nothing of the user');

  const write = await app.inject({
    method: 'POST',
    url: '/v1/personas',
    headers: { ...bearer(ann.accessToken), origin: BOLT },
    payload: { firstName: 'Kid', lastName: 'Cors' },
  });
  t.equal(write.statusCode, 403, 'a write from the wrong origin is refused too');
  const { rows } = await db.admin.query(`select 1 from app.personas where tenant_id = $1 and first_name = 'Kid'`, [
    acme.tenantId,
  ]);
  t.equal(rows.length, 0, 'and leaves no trace');

  const unknown = await app.inject({
    method: 'GET',
    url: '/v1/me',
    headers: { ...bearer(ann.accessToken), origin: 'https://evil.example' },
  });
  t.equal(unknown.statusCode, 403, 'an origin no tenant allows: refused');
  t.equal(unknown.headers['access-control-allow-origin'], undefined, 'and the browser may not even read why');

  const server = await app.inject({ method: 'GET', url: '/v1/me', headers: bearer(ann.accessToken) });
  t.equal(server.statusCode, 200, 'a request without Origin (a server) is unaffected');
  t.equal(server.headers['access-control-allow-origin'], undefined);

  const noToken = await app.inject({ method: 'GET', url: '/v1/me', headers: { origin: ACME } });
  t.equal(noToken.statusCode, 401, 'no token: 401 first');
  t.equal(noToken.headers['access-control-allow-origin'], ACME, 'readable by the allowed page');
});

t.test('a changed setting applies within the bound', async (t) => {
  const BOUND_MS = 1000;
  const SLACK_MS = 1000;
  const fast = await testApp(t, db, { authRoutingMaxAgeMs: BOUND_MS });
  const NEW = 'https://new.acme.example';
  const me = (origin: string) =>
    fast.inject({ method: 'GET', url: '/v1/me', headers: { ...bearer(ann.accessToken), origin } });
  t.equal((await me(ACME)).statusCode, 200, 'served before the change');
  t.equal((await me(NEW)).statusCode, 403, 'the new origin is refused before the change');

  await setOrigins(acme.tenantId, [NEW]);
  const changedAt = Date.now();
  let res = await me(ACME);
  while (res.statusCode === 200 && Date.now() - changedAt <= BOUND_MS + SLACK_MS) {
    await new Promise((resolve) => setTimeout(resolve, 25));
    res = await me(ACME);
  }
  const afterMs = Date.now() - changedAt;
  t.equal(res.statusCode, 403, 'the removed origin is refused');
  t.equal(res.json().code, 'origin_not_allowed');
  t.ok(afterMs <= BOUND_MS + SLACK_MS, `refused ${afterMs} ms after the change (bound ${BOUND_MS} ms)`);
  t.equal((await me(NEW)).statusCode, 200, 'the added origin is served');
  const pre = await fast.inject({
    method: 'OPTIONS',
    url: '/v1/me',
    headers: { origin: ACME, 'access-control-request-method': 'GET' },
  });
  t.equal(pre.headers['access-control-allow-origin'], undefined, 'and no longer answered as a preflight');
  await setOrigins(acme.tenantId, [ACME, 'http://localhost:5173']);
});

t.test('support sets the origins: validated strictly, normalized, audited', async (t) => {
  const set = await setOrigins(bolt.tenantId, [
    'https://bolt.example:8443',
    ' HTTPS://Shop.Bolt.Example ',
    'https://bolt.example:443',
    'http://127.0.0.1:3000',
    'http://localhost',
  ]);
  t.same(
    set.map((r) => r.origin),
    [
      'http://127.0.0.1:3000',
      'http://localhost',
      'https://bolt.example',
      'https://bolt.example:8443',
      'https://shop.bolt.example',
    ],
    'lower-cased, the default port left out as browsers do, sorted',
  );
  for (const bad of [
    'https://bolt.example/',
    'https://bolt.example/app',
    'https://*.bolt.example',
    '*',
    'http://bolt.example',
    'http://192.168.1.5',
    'ftp://bolt.example',
    'https://user@bolt.example',
    'https://bolt.example?x=1',
    'https://bolt.example:0',
    'https://bolt.example:70000',
    'https://-bolt.example',
    'bolt.example',
    '',
    'null',
  ]) {
    const error = await rejection(setOrigins(bolt.tenantId, [BOLT, bad]));
    t.equal(error.code, 'invalid_origin', `${JSON.stringify(bad)} is refused`);
  }
  const tooMany = Array.from({ length: 21 }, (_, i) => `https://o${i}.example`);
  t.equal((await rejection(setOrigins(bolt.tenantId, tooMany))).code, 'invalid_origin', 'at most 20 origins');
  const unchanged = await db.admin.query(
    'select origin from app.tenant_allowed_origins where tenant_id = $1 order by origin',
    [bolt.tenantId],
  );
  t.equal(unchanged.rows.length, 5, 'a refused list changes nothing');

  t.same(
    (await setOrigins(bolt.tenantId, [BOLT])).map((r) => r.origin),
    [BOLT],
    'the list replaces the previous one',
  );
  const { rows } = await db.admin.query<{ actor_kind: string; operation: string }>(
    `select a.actor_kind, a.operation from audit.audit_log a
      where a.table_name = 'app.tenant_allowed_origins' and a.tenant_id = $1`,
    [bolt.tenantId],
  );
  t.ok(rows.length >= 6, 'every origin added or removed is in the audit log');
  t.ok(
    rows.every((r) => r.actor_kind === 'support'),
    'as a support action',
  );
  t.ok(
    rows.some((r) => r.operation === 'DELETE'),
    'removals included',
  );

  const api = await rejection(
    db.api.query(`select * from support.sp_set_tenant_allowed_origins($1, array['https://x.example'])`, [
      acme.tenantId,
    ]),
  );
  t.equal(api.sqlState, '42501', 'the API login cannot set origins');
});
