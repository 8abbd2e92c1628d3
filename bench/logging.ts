// `npm run bench:logging`: what the access log costs. The API answers an authenticated GET in
// this process (inject) with LOG_LEVEL=info, as deployed, and the process's CPU time per request is
// read over rounds of requests. Then the access line alone: the same pino logger (the API's
// options, a child per request as Fastify makes, the line's fields) writes lines to a file at info
// and skips them at warn, in alternating rounds; the difference is one line's cost. Its share of
// the server's CPU per request bounds the logging's throughput cost from above (PostgreSQL's work
// on the same cores is not in the denominator). A whole-API A/B (one instance at info, one at
// warn) was tried first: its rounds differed by -32% to +46% on this machine, far more than the
// line costs. Runs on a throwaway database (embedded PostgreSQL, or DATABASE_URL's server) and a
// throwaway cognito-local.
//
//   BENCH_ROUNDS (default 10), BENCH_ITERATIONS (requests per round, default 1,000),
//   BENCH_CONCURRENCY (requests in flight, default 8), BENCH_LINES (log lines per round, default 50,000).
import { openSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import Fastify from 'fastify';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { createTenant } from '../generated/tenancy.queries.ts';
import { buildApp, loggerOptions } from '../server/app.ts';
import { loginRoleUrl, OPERATOR_ROLE } from '../server/config.ts';
import { generateFieldKeys } from '../server/field_cipher.ts';
import { logDestination } from '../server/log_destination.ts';
import { asSupport } from '../server/plugins/db.ts';
import {
  ensureAppClient,
  ensureUser,
  ensureUserPool,
  signIn,
  startCognitoLocal,
} from '../scripts/lib/cognito_local.ts';
import { migrate } from '../scripts/lib/migrate.ts';
import { createThrowawayDatabase } from '../scripts/lib/throwaway_database.ts';
import { trustUserPool } from './lib/harness.ts';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 10);
const ITERATIONS = Number(process.env.BENCH_ITERATIONS ?? 1_000);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 8);
const LINES = Number(process.env.BENCH_LINES ?? 50_000);

const db = await createThrowawayDatabase('estate_bench_logging');
const scratch = await mkdtemp(path.join(os.tmpdir(), 'estate-bench-logging-'));
const cognito = await startCognitoLocal({ dataDir: path.join(scratch, 'cognito') });
const passwords = { api: 'bench-api', operator: 'bench-operator' };
await migrate({ adminUrl: db.url, rolePasswords: passwords });
const apiUrl = loginRoleUrl(db.url, 'estate_api', passwords.api);
const support = new pg.Pool({ connectionString: loginRoleUrl(db.url, OPERATOR_ROLE, passwords.operator), max: 1 });
const logFile = path.join(scratch, 'server.log');
const app = await buildApp({
  databaseApiUrl: apiUrl,
  allowDevelopmentIssuers: true,
  poolSize: 4,
  poolMin: 4,
  authReloadIntervalMs: 0,
  // A benchmark is what production's rate limits and load shedding refuse: both off.
  rateLimits: { perTenant: 0, perUser: 0 },
  loadShedding: { maxEventLoopDelayMs: 0, maxPoolWaiting: 0 },
  fieldEncryptionKeys: generateFieldKeys('bench'),
  // As deployed (server/main.ts: batched, server/log_destination.ts) but to a file rather than stdout.
  logger: { ...loggerOptions('info'), stream: logDestination(openSync(logFile, 'a')) },
});
try {
  await app.ready();
  const pool = await ensureUserPool(cognito.endpoint, 'bench-logging');
  const { clientId } = await ensureAppClient(cognito.endpoint, pool.userPoolId, 'bench-app');
  const [tenant] = await asSupport(support, 'bench', (c) =>
    createTenant.run({ slug: 'bench-logging', name: 'Bench', branding: {}, settings: {} }, c),
  );
  await trustUserPool(support, tenant.tenantId, pool, clientId);
  const email = 'bench-logging@example.com';
  await ensureUser(cognito.endpoint, pool.userPoolId, email, 'Bench-Passw0rd!');
  const { accessToken, idToken } = await signIn({
    endpoint: cognito.endpoint,
    userPoolId: pool.userPoolId,
    clientId,
    username: email,
    password: 'Bench-Passw0rd!',
  });
  const authorization = `Bearer ${accessToken}`;
  const registered = await app.inject({
    method: 'POST',
    url: '/v1/registrations',
    headers: { authorization },
    payload: { idToken, firstName: 'Bench', lastName: 'Logging' },
  });
  if (registered.statusCode !== 201) throw new Error(`registration failed: ${registered.body}`);
  const url = `/v1/personas/${registered.json().personaId}/net-worth?currency=USD`;

  /** ITERATIONS requests, CONCURRENCY at a time: this process's CPU microseconds per request. */
  async function requests() {
    let next = 0;
    const cpu = process.cpuUsage();
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (next++ < ITERATIONS) {
          const res = await app.inject({ method: 'GET', url, headers: { authorization } });
          if (res.statusCode !== 200) throw new Error(`${res.statusCode} ${res.body}`);
        }
      }),
    );
    const used = process.cpuUsage(cpu);
    return (used.user + used.system) / ITERATIONS;
  }

  // The access line as server/app.ts writes it, from a child logger per request as Fastify makes.
  const loggerAt = (level: string) =>
    Fastify({
      logger: { ...loggerOptions(level), stream: logDestination(openSync(path.join(scratch, 'lines.log'), 'a')) },
    }).log;
  const loggers = { info: loggerAt('info'), warn: loggerAt('warn') };

  const line = (level: keyof typeof loggers) => {
    const cpu = process.cpuUsage();
    for (let i = 0; i < LINES; i++) {
      const log = loggers[level].child({ reqId: `bench-${i}` });
      log.info(
        {
          method: 'GET',
          url: '/v1/personas/0b7c7a4e-2f4b-4a51-9d40-6b1a5c0e8f11/net-worth',
          status: 200,
          ms: 12.3,
          tenant: '5d0c2f8e-8a43-4b7e-9f55-0d6a1c2b3e4f',
          user: '8f14e45f-ceea-467f-a9a6-1c2b3e4f5d6a',
          staff: undefined,
          code: undefined,
        },
        'request',
      );
    }
    const used = process.cpuUsage(cpu);
    return (used.user + used.system) / LINES;
  };

  await requests(); // warm (V8 compiles the request path as it gets hot)
  line('info');
  line('warn');
  const perRequest: number[] = [];
  const perLine: number[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    perRequest.push(await requests());
    const [first, second] = r % 2 === 0 ? (['info', 'warn'] as const) : (['warn', 'info'] as const);
    const a = line(first);
    const b = line(second);
    perLine.push(first === 'info' ? a - b : b - a);
  }
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor((values.length - 1) / 2)];
  const request = median(perRequest);
  const cost = median(perLine);
  const lines = (await readFile(logFile, 'utf8')).split('\n').filter((l) => l.includes('"msg":"request"'));
  console.log(
    `GET ${url.replace(/[0-9a-f-]{36}/, '{id}')} in-process (inject), ${ROUNDS} rounds of ${ITERATIONS} requests (${CONCURRENCY} in flight) ` +
      `and of ${LINES.toLocaleString('en-US')} log lines at info and at warn, alternating`,
  );
  console.log(
    `server CPU per request at LOG_LEVEL=info: ${request.toFixed(0)} µs (median; rounds ${Math.min(...perRequest).toFixed(0)}-${Math.max(...perRequest).toFixed(0)})`,
  );
  console.log(
    `one access line (${(lines.reduce((n, l) => n + l.length + 1, 0) / lines.length).toFixed(0)} bytes): ${cost.toFixed(1)} µs of CPU ` +
      `(median; rounds ${Math.min(...perLine).toFixed(1)}-${Math.max(...perLine).toFixed(1)}), ` +
      `${((100 * cost) / request).toFixed(1)}% of the server's CPU per request`,
  );
} finally {
  await app.close();
  await support.end();
  await cognito.stop();
  await db.dispose();
  await rm(scratch, { recursive: true, force: true });
}
