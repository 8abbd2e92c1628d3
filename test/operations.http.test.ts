// Operations (issue 15, docs/operations.md): rate limits per user and per tenant answer 429
// rate_limited with Retry-After; a full pool wait queue or a lagging event loop sheds load with
// 503 server_busy while liveness still answers; the metrics listener shows requests by route
// pattern and status, the pool and database errors.
import { randomUUID } from 'node:crypto';
import t from 'tap';
import { loadServerConfig } from '../server/config.ts';
import { generateFieldKeys } from '../server/field_cipher.ts';
import { startMetricsServer } from '../server/plugins/metrics.ts';
import { bearer, makePoolTenant, registerThroughApi, testApp } from './helpers/app.ts';
import { testDatabase } from './helpers/db.ts';

const db = await testDatabase(t);
const unlimited = await testApp(t, db);
const home = await makePoolTenant(db, 'home');
const away = await makePoolTenant(db, 'away');
const ann = await registerThroughApi(unlimited, home, 'Ann');
const bob = await registerThroughApi(unlimited, home, 'Bob');
const cat = await registerThroughApi(unlimited, away, 'Cat');

/** Holds the event loop for two stretches of `ms`, yielding once between: whichever of
 *  under-pressure's sample and its histogram's tick comes first after the first stretch, the
 *  second one is in the sample that follows it (a single stretch is missed when the sample comes
 *  first). With samples every 50 ms, a stretch of 300 ms reads as a mean delay of 40 ms or more. */
async function holdEventLoop(ms: number) {
  for (let i = 0; i < 2; i++) {
    const until = performance.now() + ms;
    while (performance.now() < until);
    await new Promise((resolve) => setTimeout(resolve, 1));
  }
}

const me = (app: typeof unlimited, token: string) =>
  app.inject({ method: 'GET', url: '/v1/me', headers: bearer(token) });

t.test('rate limits count per user and per tenant after authentication: 429 rate_limited, Retry-After', async (t) => {
  const app = await testApp(t, db, { rateLimits: { perUser: 3, perTenant: 5, windowMs: 60_000 } });
  for (let i = 1; i <= 3; i++) t.equal((await me(app, ann.accessToken)).statusCode, 200, `Ann's request ${i} passes`);
  const refused = await me(app, ann.accessToken);
  t.equal(refused.statusCode, 429, "Ann's fourth request within the window is refused");
  t.match(refused.headers['content-type'], /^application\/problem\+json/);
  t.match(refused.json(), { status: 429, code: 'rate_limited', detail: /user/ });
  t.ok(Number(refused.headers['retry-after']) >= 1, `with Retry-After (${refused.headers['retry-after']} s)`);
  // The tenant has counted Ann's four: Bob's first passes (5), his second is over the tenant's limit.
  t.equal((await me(app, bob.accessToken)).statusCode, 200, 'another user of the tenant still passes');
  const tenantRefused = await me(app, bob.accessToken);
  t.match(tenantRefused.json(), { status: 429, code: 'rate_limited', detail: /tenant/ }, 'until the tenant limit');
  t.equal((await me(app, cat.accessToken)).statusCode, 200, "another tenant's user is not affected");
  const anonymous = await app.inject({ method: 'GET', url: '/v1/me' });
  t.equal(anonymous.statusCode, 401, 'a request without a token is refused by authentication, not counted');
});

t.test('a full pool wait queue sheds new requests with 503 server_busy; waiting ones are served', async (t) => {
  const app = await testApp(t, db, {
    poolSize: 1,
    loadShedding: { maxPoolWaiting: 2, maxEventLoopDelayMs: 0 },
  });
  const held = await app.db.api.connect();
  const waiting = [];
  for (let i = 1; i <= 2; i++) {
    waiting.push(me(app, ann.accessToken));
    while (app.db.api.waitingCount < i) await new Promise((resolve) => setTimeout(resolve, 5));
  }
  const started = performance.now();
  const shed = await me(app, ann.accessToken);
  const ms = performance.now() - started;
  t.equal(shed.statusCode, 503, 'the third request is refused');
  t.match(shed.json(), { code: 'server_busy' });
  t.equal(shed.headers['retry-after'], '1', 'with Retry-After');
  t.ok(ms < 500, `at once (${Math.round(ms)} ms), not after waiting`);
  t.equal((await app.inject({ method: 'GET', url: '/health/live' })).statusCode, 200, 'liveness still answers');
  held.release();
  const served = await Promise.all(waiting);
  t.same(
    served.map((res) => res.statusCode),
    [200, 200],
    'the requests that were waiting are served once a connection is free',
  );
  t.equal((await me(app, ann.accessToken)).statusCode, 200, 'and new ones pass again');
});

t.test('a lagging event loop sheds load with 503 server_busy until it recovers', async (t) => {
  const app = await testApp(t, db, {
    loadShedding: { maxEventLoopDelayMs: 40, sampleIntervalMs: 50, maxPoolWaiting: 0 },
  });
  t.equal((await me(app, ann.accessToken)).statusCode, 200, 'the server is at work');
  await new Promise((resolve) => setTimeout(resolve, 150));
  await holdEventLoop(300);
  const shed = await me(app, ann.accessToken);
  t.equal(shed.statusCode, 503, 'a request right after the stall is refused');
  t.match(shed.json(), { code: 'server_busy' });
  t.equal(shed.headers['retry-after'], '1', 'with Retry-After');
  let recovered = false;
  for (let i = 0; i < 60 && !recovered; i++) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    recovered = (await me(app, ann.accessToken)).statusCode === 200;
  }
  t.ok(recovered, 'requests pass again once the loop keeps time');
});

t.test('a stall before the first request (a slow start-up) does not shed it', async (t) => {
  const app = await testApp(t, db, {
    loadShedding: { maxEventLoopDelayMs: 40, sampleIntervalMs: 50, maxPoolWaiting: 0 },
  });
  // As loading and compiling the routes do on a loaded host, before any request.
  await holdEventLoop(300);
  t.ok(app.isUnderPressure(), 'the sample taken after the stall reports it');
  t.equal((await app.inject({ method: 'GET', url: '/health/ready' })).statusCode, 200, 'the first request is served');
});

t.test('the metrics listener shows requests by route pattern and status, the pool, database errors', async (t) => {
  const app = await testApp(t, db);
  const metrics = await startMetricsServer(app.metrics, '127.0.0.1', 0);
  t.teardown(() => metrics.close());
  await me(app, ann.accessToken);
  const missing = randomUUID();
  const notFound = await app.inject({ method: 'GET', url: `/v1/assets/${missing}`, headers: bearer(ann.accessToken) });
  t.equal(notFound.statusCode, 404, 'an unknown asset is 404 (a database refusal)');
  const res = await fetch(`http://127.0.0.1:${metrics.port}/metrics`);
  t.equal(res.status, 200, 'GET /metrics answers');
  t.match(res.headers.get('content-type'), /^text\/plain/);
  const text = await res.text();
  t.match(
    text,
    /http_request_duration_seconds_bucket\{le="0\.\d+",method="GET",route="\/v1\/me",status="200"\} [1-9]/,
    'the latency histogram has GET /v1/me 200',
  );
  t.match(
    text,
    /http_requests_total\{method="GET",route="\/v1\/assets\/:assetId",status="404"\} 1/,
    'requests are counted by route pattern and status',
  );
  t.notOk(text.includes(missing), 'never by URL');
  t.match(text, /db_pool_connections_total \d+/, 'pool connections');
  t.match(text, /db_pool_connections_idle \d+/, 'idle connections');
  t.match(text, /db_pool_requests_waiting 0/, 'requests waiting for one');
  t.match(text, /log_lines_dropped_total 0/, 'log lines dropped (none)');
  t.match(text, /database_errors_total\{kind="statement",code="[0-9A-Z]{5}"\} [1-9]/, 'database errors by code');
  t.equal((await fetch(`http://127.0.0.1:${metrics.port}/other`)).status, 404, 'nothing else is served there');
});

t.test('the pool keeps DATABASE_POOL_MIN connections through a quiet spell (default: all of them)', async (t) => {
  const pool = (env: Record<string, string>) => {
    const { poolSize, poolMin } = loadServerConfig({
      DATABASE_API_URL: 'postgres://estate_api@127.0.0.1/estate',
      FIELD_ENCRYPTION_KEYS: generateFieldKeys('test'),
      ...env,
    }).app;
    return [poolSize, poolMin];
  };
  t.same(pool({}), [10, 10], 'unset: every connection of the pool is kept');
  t.same(pool({ DATABASE_POOL_SIZE: '20', DATABASE_POOL_MIN: '4' }), [20, 4]);
  t.same(pool({ DATABASE_POOL_SIZE: '5', DATABASE_POOL_MIN: '8' }), [5, 5], 'never more than the pool');
  t.same(pool({ DATABASE_POOL_MIN: '0' }), [10, 0], '0: idle connections close after 10 s, as pg does');
  t.throws(() => pool({ DATABASE_POOL_MIN: '-1' }), /DATABASE_POOL_MIN/);

  const app = await testApp(t, db, { poolSize: 3, poolMin: 2 });
  const answers = await Promise.all([1, 2, 3].map(() => me(app, ann.accessToken)));
  t.same(
    answers.map((a) => a.statusCode),
    [200, 200, 200],
  );
  t.equal((app.db.api as unknown as { options: { min: number } }).options.min, 2, "the API's pool is told to keep 2");
});
