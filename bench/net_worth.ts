// `npm run bench:net-worth`: median and p95 of sp_calculate_net_worth, called as the tenant-traffic
// role the way the server calls it (and the backend's CPU time per call, which a busy machine does
// not inflate), today and as of a past date, for personas with 100, 1,000 and 10,000 assets; first with 1
// tenant in the database, then with 100 (the other 99 holding 10,000 assets each).
// Runs on a throwaway database: embedded PostgreSQL, or DATABASE_URL's server.
import { existsSync, readFileSync } from 'node:fs';
import pg from 'pg';
import { loginRoleUrl } from '../server/config.ts';
import { inContext } from '../server/plugins/db.ts';
import { calculateNetWorth } from '../generated/net_worth.queries.ts';
import { createThrowawayDatabase } from '../scripts/lib/throwaway_database.ts';
import { migrate } from '../scripts/lib/migrate.ts';
import { buildScaleTenant, type ScaleTenant } from '../scripts/lib/scale.ts';
import { percentile } from './lib/harness.ts';

const ITERATIONS = Number(process.env.BENCH_ITERATIONS ?? 40);
const OTHER_TENANTS = Number(process.env.BENCH_OTHER_TENANTS ?? 99);
const OTHER_TENANT_ASSETS = Number(process.env.BENCH_OTHER_TENANT_ASSETS ?? 10_000);

/** CPU milliseconds the database backend behind `api` (one connection) has used, when it runs on
 *  this machine (the wall time on a shared machine waits for other work too). */
async function backendCpu(api: pg.Pool): Promise<() => number | undefined> {
  const { rows } = await api.query<{ pid: number }>('select pg_backend_pid() as pid');
  const stat = `/proc/${rows[0].pid}/stat`;
  return () => {
    if (!existsSync(stat)) return undefined;
    const fields = readFileSync(stat, 'utf8').split(') ')[1].split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100; // utime + stime, in clock ticks of 10 ms
  };
}

/** Today's net worth (the current shares and latest valuations) and a past date's (the ownership
 *  history and the valuations then): the two paths of app.net_worth_of. */
const AS_OF = [
  { label: 'today', asOf: () => new Date().toISOString().slice(0, 10) },
  { label: '2026-09-30', asOf: () => '2026-09-30' },
];

async function measure(api: pg.Pool, tenant: ScaleTenant, label: string) {
  const cpu = await backendCpu(api);
  for (const date of AS_OF) {
    for (const persona of tenant.personas) {
      const call = () =>
        inContext(
          api,
          { tenantId: tenant.tenantId, actorKind: 'user', actorId: persona.userSub, requestId: 'bench' },
          (db) => calculateNetWorth.run({ personaId: persona.personaId, asOf: date.asOf(), currency: 'USD' }, db),
        );
      for (let i = 0; i < 3; i++) await call(); // warm the caches and plans
      const times: number[] = [];
      let result = '';
      const cpuBefore = cpu();
      for (let i = 0; i < ITERATIONS; i++) {
        const start = process.hrtime.bigint();
        const [row] = await call();
        times.push(Number(process.hrtime.bigint() - start) / 1e6);
        result = `${row.netWorth}, ${row.assetCount} assets`;
      }
      const cpuAfter = cpu();
      const cpuPerCall =
        cpuBefore === undefined || cpuAfter === undefined
          ? ''
          : `   backend CPU ${((cpuAfter - cpuBefore) / ITERATIONS).toFixed(1).padStart(6)} ms`;
      times.sort((a, b) => a - b);
      console.log(
        `${label.padEnd(12)} ${date.label.padEnd(10)} ${String(persona.assetCount).padStart(6)} assets   median ${percentile(times, 50).toFixed(2).padStart(8)} ms   p95 ${percentile(times, 95).toFixed(2).padStart(8)} ms${cpuPerCall}   (net worth ${result})`,
      );
    }
  }
}

const db = await createThrowawayDatabase('estate_bench');
const admin = new pg.Client({ connectionString: db.url });
await admin.connect();
try {
  const password = 'bench-api';
  await migrate({ adminUrl: db.url, rolePasswords: { api: password } });
  // One connection: its backend's CPU time is read from /proc.
  const api = new pg.Pool({
    connectionString: loginRoleUrl(db.url, 'estate_api', password),
    max: 1,
    idleTimeoutMillis: 0,
  });
  const { rows } = await admin.query<{ server_version: string }>('show server_version');
  console.log(
    `PostgreSQL ${rows[0].server_version}; ${ITERATIONS} calls per row, as estate_api with the request context, as of today and of 2026-09-30, in USD`,
  );
  let started = Date.now();
  const subject = await buildScaleTenant(admin, 'bench-subject', [100, 1_000, 10_000]);
  await admin.query('vacuum analyze');
  console.log(`built 1 tenant (11,100 assets) in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  await measure(api, subject, '1 tenant');

  started = Date.now();
  for (let i = 0; i < OTHER_TENANTS; i++) await buildScaleTenant(admin, `bench-other-${i}`, [OTHER_TENANT_ASSETS]);
  await admin.query('vacuum analyze');
  const { rows: counts } = await admin.query<{ assets: string; valuations: string }>(
    'select (select count(*) from app.assets) as assets, (select count(*) from app.asset_valuations) as valuations',
  );
  console.log(
    `built ${OTHER_TENANTS} more tenants in ${((Date.now() - started) / 1000).toFixed(1)} s: ${counts[0].assets} assets, ${counts[0].valuations} valuations in all`,
  );
  await measure(api, subject, `${OTHER_TENANTS + 1} tenants`);
  await api.end();
} finally {
  await admin.end();
  await db.dispose();
}
