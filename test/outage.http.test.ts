// Surviving the database going away (issue 15, docs/operations.md): under steady reads and writes,
// PostgreSQL (a server of this file's own, so no other file notices) is stopped for some seconds
// and started again. The API process lives on, answers 503 database_unavailable with Retry-After
// within a second during the outage, /health/ready fails, 200s come back within 5 s of the
// database, and every acknowledged write is there exactly once (retries with their
// Idempotency-Key applied once), none half-made.
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import t from 'tap';
import { startEmbeddedPostgres } from '../scripts/lib/embedded_postgres.ts';
import { migrate } from '../scripts/lib/migrate.ts';
import { withDatabase } from '../scripts/lib/throwaway_database.ts';
import { bearer, makePoolTenant, registerThroughApi, testApp } from './helpers/app.ts';
import { testDatabase } from './helpers/db.ts';

const OUTAGE_MS = 5000;

const scratch = await mkdtemp(path.join(os.tmpdir(), 'estate-outage-'));
// Persistent: stopping it keeps the data (a throwaway server deletes its folder on stop).
const server = await startEmbeddedPostgres({
  dataDir: path.join(scratch, 'pg'),
  superuserPassword: 'outage',
  persistent: true,
});
t.teardown(async () => {
  await server.stop();
  await rm(scratch, { recursive: true, force: true });
});
{
  const admin = new pg.Client({ connectionString: server.adminUrl });
  await admin.connect();
  await admin.query('create database outage_template');
  await admin.end();
}
await migrate({
  adminUrl: withDatabase(server.adminUrl, 'outage_template'),
  rolePasswords: {
    api: process.env.TEST_API_PASSWORD,
    support: process.env.TEST_SUPPORT_PASSWORD,
    operator: process.env.TEST_OPERATOR_PASSWORD,
  },
});
const db = await testDatabase(t, { serverUrl: server.adminUrl, template: 'outage_template' });
const app = await testApp(t, db);
const tenant = await makePoolTenant(db, 'outage');
const owner = await registerThroughApi(app, tenant, 'Otto', 'Outage');

const created = await app.inject({
  method: 'POST',
  url: '/v1/assets',
  headers: bearer(owner.accessToken),
  payload: {
    assetType: 'bank_account',
    categoryCode: 'checking',
    name: 'Everyday',
    currency: 'USD',
    ownerPersonaId: owner.personaId,
    initialValue: '100.00',
    valuedOn: '2026-01-01',
    details: { institutionName: 'First Bank', accountKind: 'checking' },
  },
});
t.equal(created.statusCode, 201, 'the asset written to is created');
const assetId = created.json().assetId as string;

type Phase = 'before' | 'down' | 'after';
let phase: Phase = 'before';
let running = true;
const acknowledged: string[] = [];
const unexpected: string[] = [];
const outageAnswers: Array<{ ms: number; status: number; code?: string; retryAfter?: string }> = [];
let writes = 0;

/** One write: a valuation with an amount of its own, retried with its key until acknowledged. */
async function write(amount: string) {
  const key = randomUUID();
  for (let attempt = 0; attempt < 200 && running; attempt++) {
    const started = performance.now();
    const res = await app.inject({
      method: 'POST',
      url: `/v1/assets/${assetId}/valuations`,
      headers: { ...bearer(owner.accessToken), 'idempotency-key': key },
      payload: { amount, valuedOn: '2026-02-01', currency: 'USD' },
    });
    const ms = performance.now() - started;
    if (res.statusCode === 201) {
      acknowledged.push(amount);
      return;
    }
    if (res.statusCode === 503) {
      if (phase === 'down') {
        outageAnswers.push({
          ms,
          status: 503,
          code: res.json().code,
          retryAfter: res.headers['retry-after'] as string,
        });
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
      continue;
    }
    unexpected.push(`${phase} write ${res.statusCode} ${res.body}`);
    return;
  }
}

async function writer(id: number) {
  while (running) await write(`${id}${String(++writes).padStart(6, '0')}.25`);
}

async function reader() {
  while (running) {
    const res = await app.inject({ method: 'GET', url: '/v1/me', headers: bearer(owner.accessToken) });
    if (res.statusCode !== 200 && res.statusCode !== 503)
      unexpected.push(`${phase} read ${res.statusCode} ${res.body}`);
    if (res.statusCode === 503) await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

t.test('stopping PostgreSQL under load: 503s within a second, back within 5 s, no write lost', async (t) => {
  const load = Promise.all([writer(1), writer(2), writer(3), reader(), reader()]);
  await new Promise((resolve) => setTimeout(resolve, 1500));
  t.ok(acknowledged.length > 0, `writes are acknowledged before the outage (${acknowledged.length})`);

  const probes: Array<{ ms: number; status: number; code: string; retryAfter?: string }> = [];
  const ready: Array<{ status: number; retryAfter?: string }> = [];
  const restart = server.restart(OUTAGE_MS, () => {
    phase = 'down';
  });
  // While it is down: a probe every 500 ms, each timed.
  while (phase !== 'down') await new Promise((resolve) => setTimeout(resolve, 20));
  const downSince = performance.now();
  while (performance.now() - downSince < OUTAGE_MS - 800) {
    const started = performance.now();
    const res = await app.inject({ method: 'GET', url: '/v1/me', headers: bearer(owner.accessToken) });
    probes.push({
      ms: performance.now() - started,
      status: res.statusCode,
      code: res.json().code,
      retryAfter: res.headers['retry-after'] as string,
    });
    const health = await app.inject({ method: 'GET', url: '/health/ready' });
    ready.push({ status: health.statusCode, retryAfter: health.headers['retry-after'] as string });
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  await restart;
  const restarted = performance.now();
  phase = 'after';

  // Back: the first 200 of GET /v1/me, timed from the moment PostgreSQL accepts connections again.
  let recoveredMs = Infinity;
  while (performance.now() - restarted < 10_000) {
    const res = await app.inject({ method: 'GET', url: '/v1/me', headers: bearer(owner.accessToken) });
    if (res.statusCode === 200) {
      recoveredMs = performance.now() - restarted;
      break;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const beforeAfter = acknowledged.length;
  await new Promise((resolve) => setTimeout(resolve, 1500));
  running = false;
  await load;

  t.ok(probes.length >= 3, `probed during the outage (${probes.length} probes)`);
  for (const probe of probes) {
    t.match(probe, { status: 503, code: 'database_unavailable', retryAfter: /^\d+$/ }, 'a 503 database_unavailable');
    t.ok(probe.ms < 1000, `answered within 1 s (${Math.round(probe.ms)} ms)`);
  }
  for (const answer of ready) t.match(answer, { status: 503, retryAfter: /^\d+$/ }, '/health/ready fails, Retry-After');
  const slowest = Math.max(0, ...outageAnswers.map((answer) => answer.ms));
  t.ok(
    outageAnswers.every((answer) => answer.code === 'database_unavailable' && answer.retryAfter),
    `every write refused during the outage was 503 database_unavailable with Retry-After (${outageAnswers.length}, slowest ${Math.round(slowest)} ms)`,
  );
  t.ok(recoveredMs < 5000, `200 again ${Math.round(recoveredMs)} ms after PostgreSQL is back`);
  t.ok(acknowledged.length > beforeAfter, 'writes are acknowledged again after the outage');
  t.same(unexpected, [], 'no answer other than 2xx or 503');
  t.ok((await app.inject({ method: 'GET', url: '/health/ready' })).statusCode === 200, 'ready again');

  // Every acknowledged write is stored exactly once; nothing unacknowledged was half-made.
  const { rows } = await db.admin.query<{ amount: string; n: string }>(
    `select amount::text as amount, count(*) as n from app.asset_valuations where asset_id = $1 group by amount`,
    [assetId],
  );
  const stored = new Map(rows.map((row) => [Number(row.amount).toFixed(2), Number(row.n)]));
  const missing = acknowledged.filter((amount) => stored.get(Number(amount).toFixed(2)) !== 1);
  t.same(missing, [], `all ${acknowledged.length} acknowledged writes stored exactly once`);
  t.ok(
    rows.every((row) => Number(row.n) === 1),
    'no valuation stored twice (each Idempotency-Key applied once)',
  );
});
