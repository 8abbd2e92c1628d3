// `npm run bench:stripe`: sp_record_stripe_event as the webhook calls it (estate_api, the webhook's
// context, one transaction per event): payment events, one at a time and from 4 connections at
// once (the webhook's throughput), and redeliveries (duplicates).
// Runs on a throwaway database: embedded PostgreSQL, or DATABASE_URL's server.
import { deliver, paymentIntentObject, stripeEvent, stripeId, type StripeEvent } from '../scripts/lib/stripe_events.ts';
import { ITERATIONS, ms, report, withBenchTenant } from './lib/harness.ts';

await withBenchTenant('stripe', async ({ admin, api, tenantId, stripeIds }) => {
  const payment = (): StripeEvent =>
    stripeEvent(
      'payment_intent.succeeded',
      paymentIntentObject({ id: stripeId('pi'), customer: stripeIds.customer, amount: 1900, succeeded: true }),
    );
  for (let i = 0; i < 20; i++) await deliver(api, payment());
  let times: number[] = [];
  let wall = process.hrtime.bigint();
  const sent: StripeEvent[] = [];
  for (let i = 0; i < ITERATIONS; i++) {
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
      for (let i = 0; i < ITERATIONS / 4; i++) {
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
    `ledger: ${ledger.entries} entries, balance ${ledger.balance} USD (expected ${(20 + 2 * ITERATIONS).toString()} x 19.00)`,
  );
});
