// `npm run bench:net-worth`: sp_calculate_net_worth called as the tenant-traffic role the way the
// server calls it, for personas with 100, 1,000 and 10,000 assets, today and as of a past date:
// the backend's CPU time per call (which a busy machine inflates less than the wall time) and the
// wall time. Two databases on one server, side by side: one holding only the measured tenant, one
// holding it and 99 other tenants of 10,000 assets. The two are measured in alternating rounds,
// so that the ratio "with 99 others / alone" compares calls made minutes apart, not a run before
// and a run after a build (this machine's speed drifts by tens of percent within minutes).
// Runs on throwaway databases: embedded PostgreSQL, or DATABASE_URL's server.
//
//   BENCH_ROUNDS (default 5), BENCH_ITERATIONS (least calls per persona, date and round; default
//   20), BENCH_ROUND_MS (least wall time of those calls, default 500: the kernel counts a backend's
//   CPU in ticks of 10 ms, so 20 calls of 2 ms could not tell 1.0x from 1.25x),
//   BENCH_OTHER_TENANTS (default 99), BENCH_OTHER_TENANT_ASSETS (default 10,000).
import { existsSync, readFileSync } from 'node:fs';
import pg from 'pg';
import { loginRoleUrl } from '../server/config.ts';
import { inContext } from '../server/plugins/db.ts';
import { calculateNetWorth } from '../generated/net_worth.queries.ts';
import { createThrowawayDatabase, withDatabase, type ThrowawayDatabase } from '../scripts/lib/throwaway_database.ts';
import { migrate } from '../scripts/lib/migrate.ts';
import { buildScaleTenant, type ScaleTenant } from '../scripts/lib/scale.ts';
import { ms, percentile } from './lib/harness.ts';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const ITERATIONS = Number(process.env.BENCH_ITERATIONS ?? 20);
const ROUND_MS = Number(process.env.BENCH_ROUND_MS ?? 500);
const OTHER_TENANTS = Number(process.env.BENCH_OTHER_TENANTS ?? 99);
const OTHER_TENANT_ASSETS = Number(process.env.BENCH_OTHER_TENANT_ASSETS ?? 10_000);
const PASSWORD = 'bench-api';

/** Today's net worth (the current shares and latest valuations) and a past date's (the ownership
 *  history and the valuations then): the two paths of app.net_worth_of. */
const AS_OF = [
  { label: 'today', asOf: () => today },
  { label: '2026-09-30', asOf: () => '2026-09-30' },
];
/** The database's current_date (read once both databases are built). */
let today = '';

/** CPU milliseconds the database backend behind `api` (one connection) has used, when it runs on
 *  this machine. */
async function backendCpu(api: pg.Pool): Promise<() => number | undefined> {
  const { rows } = await api.query<{ pid: number }>('select pg_backend_pid() as pid');
  const stat = `/proc/${rows[0].pid}/stat`;
  return () => {
    if (!existsSync(stat)) return undefined;
    const fields = readFileSync(stat, 'utf8').split(') ')[1].split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100; // utime + stime, in clock ticks of 10 ms
  };
}

interface Side {
  label: string;
  db: ThrowawayDatabase;
  api: pg.Pool;
  subject: ScaleTenant;
  cpu: () => number | undefined;
}

/** One database: migrated with the API login's password, the measured tenant, then the others. */
async function prepare(label: string, db: ThrowawayDatabase, others: number): Promise<Side> {
  await migrate({ adminUrl: db.url, rolePasswords: { api: PASSWORD } });
  const admin = new pg.Client({ connectionString: db.url });
  await admin.connect();
  try {
    const started = Date.now();
    const subject = await buildScaleTenant(admin, 'bench-subject', [100, 1_000, 10_000]);
    for (let i = 0; i < others; i++) await buildScaleTenant(admin, `bench-other-${i}`, [OTHER_TENANT_ASSETS]);
    await admin.query('vacuum analyze');
    const { rows } = await admin.query<{ assets: string }>('select count(*) as assets from app.assets');
    console.log(
      `${label}: ${others + 1} tenant(s), ${Number(rows[0].assets).toLocaleString('en-US')} assets, built in ${((Date.now() - started) / 1000).toFixed(1)} s`,
    );
    // One connection: its backend's CPU time is read from /proc.
    const api = new pg.Pool({
      connectionString: loginRoleUrl(db.url, 'estate_api', PASSWORD),
      max: 1,
      idleTimeoutMillis: 0,
    });
    return { label, db, api, subject, cpu: await backendCpu(api) };
  } finally {
    await admin.end();
  }
}

/** Per side, date and persona: each round's median wall time and mean CPU per call. */
type Samples = Map<string, { wall: number[]; cpu: number[]; result: string }>;

async function round(side: Side, samples: Samples) {
  for (const date of AS_OF) {
    for (const persona of side.subject.personas) {
      const call = () =>
        inContext(
          side.api,
          { tenantId: side.subject.tenantId, actorKind: 'user', actorId: persona.userSub, requestId: 'bench' },
          (db) => calculateNetWorth.run({ personaId: persona.personaId, asOf: date.asOf(), currency: 'USD' }, db),
        );
      await call(); // warm the caches and plans
      const warm = process.hrtime.bigint();
      await call();
      const calls = Math.max(ITERATIONS, Math.ceil(ROUND_MS / ms(warm)));
      const times: number[] = [];
      let result = '';
      const cpuBefore = side.cpu();
      for (let i = 0; i < calls; i++) {
        const start = process.hrtime.bigint();
        const [row] = await call();
        times.push(ms(start));
        result = `${row.netWorth}, ${row.assetCount} assets`;
      }
      const cpuAfter = side.cpu();
      const key = `${side.label}|${date.label}|${persona.assetCount}`;
      const entry = samples.get(key) ?? { wall: [], cpu: [], result };
      times.sort((a, b) => a - b);
      entry.wall.push(percentile(times, 50));
      if (cpuBefore !== undefined && cpuAfter !== undefined) entry.cpu.push((cpuAfter - cpuBefore) / calls);
      entry.result = result;
      samples.set(key, entry);
    }
  }
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length ? sorted[Math.floor((sorted.length - 1) / 2)] : NaN;
};

const aloneDb = await createThrowawayDatabase('estate_bench');
const crowdDb = await createThrowawayDatabase('estate_bench_crowd', withDatabase(aloneDb.url, 'postgres'));
const sides: Side[] = [];
try {
  sides.push(await prepare('alone', aloneDb, 0));
  sides.push(await prepare(`with ${OTHER_TENANTS} others`, crowdDb, OTHER_TENANTS));
  const { rows } = await sides[0].api.query<{ server_version: string; today: string }>(
    'select current_setting($1) as server_version, current_date::text as today',
    ['server_version'],
  );
  today = rows[0].today;
  console.log(
    `PostgreSQL ${rows[0].server_version}; ${ROUNDS} rounds alternating the two databases, at least ${ITERATIONS} calls ` +
      `and ${ROUND_MS} ms per persona, date and round, as estate_api with the request context, in USD`,
  );
  const samples: Samples = new Map();
  for (let r = 0; r < ROUNDS; r++) {
    const order = r % 2 === 0 ? sides : [...sides].reverse();
    for (const side of order) await round(side, samples);
  }

  console.log('');
  console.log(
    '| persona | as of | alone: CPU ms / call | alone: wall ms (median) | with others: CPU ms / call | with others: wall ms (median) | with others / alone (CPU, median of the rounds) | net worth |',
  );
  console.log('|---|---|---:|---:|---:|---:|---:|---|');
  const [alone, crowd] = sides;
  for (const date of AS_OF) {
    for (const persona of alone.subject.personas) {
      const a = samples.get(`${alone.label}|${date.label}|${persona.assetCount}`)!;
      const c = samples.get(`${crowd.label}|${date.label}|${persona.assetCount}`)!;
      const ratios = a.cpu.map((cpu, i) => c.cpu[i] / cpu).filter(Number.isFinite);
      if (a.result !== c.result) throw new Error(`the two databases disagree: ${a.result} against ${c.result}`);
      console.log(
        `| ${persona.assetCount.toLocaleString('en-US')} | ${date.label} | ${median(a.cpu).toFixed(1)} | ${median(a.wall).toFixed(1)} | ` +
          `${median(c.cpu).toFixed(1)} | ${median(c.wall).toFixed(1)} | ${median(ratios).toFixed(2)} | ${a.result} |`,
      );
    }
  }
} finally {
  for (const side of sides) await side.api.end();
  await crowdDb.dispose();
  await aloneDb.dispose();
}
