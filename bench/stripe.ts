// `npm run bench:stripe`: sp_record_stripe_event as the webhook calls it (estate_api, the webhook's
// context, one transaction per event): payment events, one at a time and from 4 connections at
// once (the webhook's throughput), and redeliveries (duplicates).
// Runs on a throwaway database: embedded PostgreSQL, or DATABASE_URL's server.
import pg from 'pg';
import { loginRoleUrl } from '../server/config.ts';
import { inContext } from '../server/plugins/db.ts';
import { registerUser } from '../generated/identity.queries.ts';
import { createTenant } from '../generated/tenancy.queries.ts';
import {
  activatePlan,
  deliver,
  paymentIntentObject,
  stripeEvent,
  stripeId,
  type StripeEvent,
} from '../scripts/lib/stripe_events.ts';
import { createThrowawayDatabase } from '../scripts/lib/throwaway_database.ts';
import { migrate } from '../scripts/lib/migrate.ts';

const N = Number(process.env.BENCH_ITERATIONS ?? 300);
const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
const ms = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e6;

function report(label: string, times: number[], wallMs?: number) {
  const sorted = [...times].sort((a, b) => a - b);
  const rate = wallMs ? `   ${((times.length / wallMs) * 1000).toFixed(0).padStart(5)} /s` : '';
  console.log(
    `${label.padEnd(48)} median ${percentile(sorted, 50).toFixed(2).padStart(7)} ms   p95 ${percentile(sorted, 95).toFixed(2).padStart(7)} ms${rate}`,
  );
}

const db = await createThrowawayDatabase('estate_bench_stripe');
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
    (c) => createTenant.run({ slug: 'bench-stripe', name: 'Bench', branding: {}, settings: {} }, c),
  );
  const tenantId = tenant.tenantId;
  const sub = crypto.randomUUID();
  await inContext(
    api,
    { tenantId, actorKind: 'user', actorId: sub, requestId: 'bench', verifiedEmail: 'bench@example.com' },
    (c) => registerUser.run({ firstName: 'Bench', lastName: 'User' }, c),
  );
  const ids = await activatePlan(api, tenantId, sub, 'advisor_pro');

  const payment = (): StripeEvent =>
    stripeEvent(
      'payment_intent.succeeded',
      paymentIntentObject({ id: stripeId('pi'), customer: ids.customer, amount: 1900, succeeded: true }),
    );
  for (let i = 0; i < 20; i++) await deliver(api, payment());
  let times: number[] = [];
  let wall = process.hrtime.bigint();
  const sent: StripeEvent[] = [];
  for (let i = 0; i < N; i++) {
    const event = payment();
    sent.push(event);
    const start = process.hrtime.bigint();
    await deliver(api, event);
    times.push(ms(start));
  }
  report('stripe payment event, 1 connection', times, ms(wall));

  times = [];
  wall = process.hrtime.bigint();
  await Promise.all(
    Array.from({ length: 4 }, async () => {
      for (let i = 0; i < N / 4; i++) {
        const start = process.hrtime.bigint();
        await deliver(api, payment());
        times.push(ms(start));
      }
    }),
  );
  report('stripe payment event, 4 connections', times, ms(wall));

  times = [];
  wall = process.hrtime.bigint();
  for (const event of sent) {
    const start = process.hrtime.bigint();
    await deliver(api, event);
    times.push(ms(start));
  }
  report('stripe redelivery (duplicate), 1 connection', times, ms(wall));

  const {
    rows: [ledger],
  } = await admin.query<{ entries: string; balance: string }>(
    'select count(*) as entries, sum(amount) as balance from app.general_ledger where tenant_id = $1',
    [tenantId],
  );
  console.log(
    `ledger: ${ledger.entries} entries, balance ${ledger.balance} USD (expected ${(20 + N + N).toString()} x 19.00)`,
  );
  await Promise.all([api.end(), support.end()]);
} finally {
  await admin.end();
  await db.dispose();
}
