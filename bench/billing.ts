// `npm run bench:billing`: what billing costs where the work happens, measured as the server
// calls procedures (estate_api, request context, one transaction per call): sp_create_asset with
// the usage trigger (limit check under the counter's row lock), and with that trigger disabled,
// to isolate its cost. The webhook's throughput: `npm run bench:stripe` (bench/stripe.ts).
// Runs on a throwaway database: embedded PostgreSQL, or DATABASE_URL's server.
import pg from 'pg';
import { loginRoleUrl } from '../server/config.ts';
import { inContext } from '../server/plugins/db.ts';
import { createAsset } from '../generated/assets.queries.ts';
import { registerUser } from '../generated/identity.queries.ts';
import { createTenant } from '../generated/tenancy.queries.ts';
import { activatePlan } from '../scripts/lib/stripe_events.ts';
import { createThrowawayDatabase } from '../scripts/lib/throwaway_database.ts';
import { migrate } from '../scripts/lib/migrate.ts';

const N = Number(process.env.BENCH_ITERATIONS ?? 300);
const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
const ms = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e6;

function report(label: string, times: number[]) {
  const sorted = [...times].sort((a, b) => a - b);
  console.log(
    `${label.padEnd(48)} median ${percentile(sorted, 50).toFixed(2).padStart(7)} ms   p95 ${percentile(sorted, 95).toFixed(2).padStart(7)} ms`,
  );
}

const db = await createThrowawayDatabase('estate_bench_billing');
const admin = new pg.Client({ connectionString: db.url });
await admin.connect();
try {
  const passwords = { api: 'bench-api', support: 'bench-support' };
  await migrate({ adminUrl: db.url, rolePasswords: passwords });
  const api = new pg.Pool({ connectionString: loginRoleUrl(db.url, 'estate_api', passwords.api), max: 4 });
  const support = new pg.Pool({ connectionString: loginRoleUrl(db.url, 'estate_support', passwords.support), max: 1 });
  const { rows } = await admin.query<{ server_version: string }>('show server_version');
  console.log(`PostgreSQL ${rows[0].server_version}; ${N} calls per row`);

  const [tenant] = await inContext(
    support,
    { tenantId: null, actorKind: 'support', actorId: 'bench', requestId: 'bench' },
    (c) => createTenant.run({ slug: 'bench-billing', name: 'Bench', branding: {}, settings: {} }, c),
  );
  const tenantId = tenant.tenantId;
  const sub = crypto.randomUUID();
  const as = <T>(fn: (c: pg.PoolClient) => Promise<T>) =>
    inContext(api, { tenantId, actorKind: 'user', actorId: sub, requestId: 'bench' }, fn);
  const [user] = await inContext(
    api,
    { tenantId, actorKind: 'user', actorId: sub, requestId: 'bench', verifiedEmail: 'bench@example.com' },
    (c) => registerUser.run({ firstName: 'Bench', lastName: 'User' }, c),
  );
  await activatePlan(api, tenantId, sub, 'advisor_pro'); // no asset limit

  const createOne = (i: number) =>
    as((c) =>
      createAsset.run(
        {
          assetType: 'misc',
          categoryCode: 'other',
          name: `Bench asset ${i}`,
          currency: 'USD',
          ownerPersonaId: user.personaId,
          initialValue: '1000.00',
          valuedOn: '2026-01-01',
          details: {},
          description: null,
          ownershipPercentage: '100',
          ownershipForm: 'sole',
          valuationSource: 'manual',
          identifierCiphertext: null,
          identifierLast4: null,
        },
        c,
      ),
    );
  for (let i = 0; i < 20; i++) await createOne(i); // warm up
  for (const [label, trigger] of [
    ['sp_create_asset, usage trigger on', 'enable'],
    ['sp_create_asset, usage trigger off (baseline)', 'disable'],
    ['sp_create_asset, usage trigger on (again)', 'enable'],
  ] as const) {
    await admin.query(`alter table app.assets ${trigger} trigger _300_usage`);
    const times: number[] = [];
    for (let i = 0; i < N; i++) {
      const start = process.hrtime.bigint();
      await createOne(i);
      times.push(ms(start));
    }
    report(label, times);
  }
  await admin.query('alter table app.assets enable trigger _300_usage');

  await Promise.all([api.end(), support.end()]);
} finally {
  await admin.end();
  await db.dispose();
}
