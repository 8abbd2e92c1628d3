// A streaming replica (issue 15, docs/operations.md "Read replica"): a PostgreSQL 15 primary and a
// hot standby made from it with pg_basebackup -R (Debian's binaries, PG15_BIN), the API with
// DATABASE_REPLICA_URL. Writes go to the primary and answer X-Consistency-Token; GETs are served
// by the replica (seen in its pg_stat_activity and the router's counts), see what the primary
// committed when they carry the token (waiting for the replay, else the primary answers), and fall
// back to the primary when the replica is too far behind or stopped.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import t from 'tap';
import { migrate } from '../scripts/lib/migrate.ts';
import { missingBinaries, ownForPostgres, PG_BIN, startPrimary, startReplica } from '../scripts/lib/pg_cluster.ts';
import { withDatabase } from '../scripts/lib/throwaway_database.ts';
import { lsnValue } from '../server/replica.ts';
import { bearer, makePoolTenant, registerThroughApi, testApp } from './helpers/app.ts';
import { testDatabase } from './helpers/db.ts';

const missing = missingBinaries();
if (missing.length) {
  t.test(
    'a streaming replica',
    {
      skip: `no PostgreSQL server binaries with pg_basebackup in ${PG_BIN} (missing ${missing.join(', ')}; set PG15_BIN)`,
    },
    async () => {},
  );
} else {
  await main();
}

async function main() {
  const started = Date.now();
  const work = await mkdtemp(path.join(os.tmpdir(), 'estate-replica-'));
  await ownForPostgres(work);
  const password = 'replica-test';
  const primary = await startPrimary(work, 'primary', password);
  t.teardown(async () => {
    await primary.stop('immediate').catch(() => undefined);
    await rm(work, { recursive: true, force: true });
  });
  {
    const admin = new pg.Client({ connectionString: primary.adminUrl });
    await admin.connect();
    await admin.query('create database replica_template');
    await admin.end();
  }
  await migrate({
    adminUrl: withDatabase(primary.adminUrl, 'replica_template'),
    rolePasswords: {
      api: process.env.TEST_API_PASSWORD,
      support: process.env.TEST_SUPPORT_PASSWORD,
      operator: process.env.TEST_OPERATOR_PASSWORD,
    },
  });
  const db = await testDatabase(t, { serverUrl: primary.adminUrl, template: 'replica_template' });
  // The standby is made after the data exists; everything later arrives by streaming.
  const replica = await startReplica(work, 'replica', primary, password);
  t.teardown(() => replica.stop('immediate').catch(() => undefined));
  const replicaAdmin = new pg.Pool({ connectionString: withDatabase(replica.adminUrl, db.name), max: 2 });
  replicaAdmin.on('error', () => {});
  t.teardown(() => replicaAdmin.end());
  const replicaUrl = new URL(db.apiUrl);
  replicaUrl.port = String(replica.port);

  const app = await testApp(t, db, {
    databaseReplicaUrl: replicaUrl.toString(),
    replica: { maxLagMs: 3000, waitMs: 300, checkIntervalMs: 100 },
  });
  const router = app.db.replica!;
  const reads = () => Object.fromEntries(router.counts);
  t.comment(`primary ${primary.port}, replica ${replica.port}, set up in ${Date.now() - started} ms`);

  const tenant = await makePoolTenant(db, 'replica');
  const owner = await registerThroughApi(app, tenant, 'Rita', 'Replica');

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
  t.equal(created.statusCode, 201, 'a write goes to the primary');
  const createdToken = created.headers['x-consistency-token'] as string;
  t.match(createdToken, /^[0-9A-F]+\/[0-9A-F]+$/, 'and answers its commit position as X-Consistency-Token');
  const assetId = created.json().assetId as string;

  const get = (url: string, token?: string) =>
    app.inject({
      method: 'GET',
      url,
      headers: { ...bearer(owner.accessToken), ...(token ? { 'x-consistency-token': token } : {}) },
    });

  t.test('a read carrying the token is served by the replica and sees the write', async (t) => {
    const before = router.counts.get('replica') ?? 0;
    const res = await get(`/v1/assets/${assetId}`, createdToken);
    t.equal(res.statusCode, 200);
    t.equal(res.json().name, 'Everyday', 'the asset committed on the primary is read');
    t.equal(router.counts.get('replica'), before + 1, `served by the replica (${JSON.stringify(reads())})`);
    const { rows } = await replicaAdmin.query<{ n: number }>(
      `select count(*)::int as n from pg_stat_activity where application_name = 'estate-api-replica' and usename = 'estate_api'`,
    );
    t.ok(rows[0].n >= 1, `the API holds ${rows[0].n} estate_api connection(s) on the replica`);
    const me = await get('/v1/me');
    t.equal(me.statusCode, 200, 'GET /v1/me without a token');
    t.equal(router.counts.get('replica'), before + 2, 'served by the replica too');
    t.equal(me.headers['x-consistency-token'], undefined, 'a read answers no token');
  });

  t.test('replay paused: a stale read without the token, the primary for one with it', async (t) => {
    await replicaAdmin.query('select pg_wal_replay_pause()');
    const valued = await app.inject({
      method: 'POST',
      url: `/v1/assets/${assetId}/valuations`,
      headers: bearer(owner.accessToken),
      payload: { amount: '250.00', valuedOn: '2026-02-01', currency: 'USD' },
    });
    t.equal(valued.statusCode, 201, 'a valuation written');
    const token = valued.headers['x-consistency-token'] as string;
    t.ok(lsnValue(token) > lsnValue(createdToken), `a later position (${createdToken} -> ${token})`);

    // Within the lag bound and without a token: the replica answers, without the new valuation.
    const stale = await get(`/v1/assets/${assetId}/valuations`);
    t.equal(stale.statusCode, 200);
    t.notOk(
      JSON.stringify(stale.json()).includes('250.00'),
      'the replica has not replayed the valuation: the read shows the replica',
    );

    // With the token: the replica has not replayed it within REPLICA_WAIT_MS, the primary answers.
    const waitedFrom = Date.now();
    const fresh = await get(`/v1/assets/${assetId}/valuations`, token);
    const waited = Date.now() - waitedFrom;
    t.equal(fresh.statusCode, 200);
    t.ok(JSON.stringify(fresh.json()).includes('250.00'), 'read-your-writes: the valuation is seen');
    t.ok((router.counts.get('token_not_replayed') ?? 0) >= 1, 'the primary answered it (token not replayed)');
    t.ok(waited >= 300 && waited < 3000, `after waiting the bound (${waited} ms)`);

    // Past the lag bound, a read without a token goes to the primary as well.
    const deadline = Date.now() + 10_000;
    while (router.availability() !== 'replica_lagging' && Date.now() < deadline) {
      // A transaction moves the primary's WAL on (an idle primary writes none).
      await db.admin.query('select txid_current()');
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    t.equal(router.availability(), 'replica_lagging', `the replica is seen lagging (${router.status().lagMs} ms)`);
    const lagging = await get(`/v1/assets/${assetId}/valuations`);
    t.ok(JSON.stringify(lagging.json()).includes('250.00'), 'a read without token, too far behind: the primary');
    t.ok((router.counts.get('replica_lagging') ?? 0) >= 1, 'counted as replica_lagging');

    await replicaAdmin.query('select pg_wal_replay_resume()');
    const replayedBy = Date.now() + 5000;
    let replayed = await get(`/v1/assets/${assetId}/valuations`, token);
    const before = router.counts.get('replica') ?? 0;
    while ((router.counts.get('replica') ?? 0) === before && Date.now() < replayedBy) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      replayed = await get(`/v1/assets/${assetId}/valuations`, token);
    }
    t.equal(router.counts.get('replica'), before + 1, 'replay resumed: the replica serves the token again');
    t.ok(JSON.stringify(replayed.json()).includes('250.00'), 'and sees the valuation');
  });

  t.test('the replica stopped: reads fall back to the primary, no error', async (t) => {
    await replica.stop('fast');
    const answers = [];
    for (let i = 0; i < 5; i++) {
      const from = Date.now();
      const res = await get(`/v1/assets/${assetId}`);
      answers.push({ status: res.statusCode, ms: Date.now() - from });
    }
    t.ok(
      answers.every((answer) => answer.status === 200),
      `every read answered 200 (${JSON.stringify(answers)})`,
    );
    t.ok(
      answers.every((answer) => answer.ms < 1000),
      'each within a second',
    );
    t.ok(
      (router.counts.get('replica_failed') ?? 0) + (router.counts.get('replica_down') ?? 0) >= 5,
      `served by the primary (${JSON.stringify(reads())})`,
    );
    const write = await app.inject({
      method: 'POST',
      url: `/v1/assets/${assetId}/valuations`,
      headers: { ...bearer(owner.accessToken), 'idempotency-key': 'replica-test-300' },
      payload: { amount: '300.00', valuedOn: '2026-03-01', currency: 'USD' },
    });
    t.equal(write.statusCode, 201, 'writes are unaffected');
    t.match(
      write.headers['x-consistency-token'],
      /\//,
      'a write committed by the Idempotency-Key hook answers its token too',
    );
    const read = await get(`/v1/assets/${assetId}/valuations`, write.headers['x-consistency-token'] as string);
    t.ok(JSON.stringify(read.json()).includes('300.00'), 'a read with its token is answered by the primary');
    t.comment(`reads: ${JSON.stringify(reads())}; ${Date.now() - started} ms in all`);
  });
}
