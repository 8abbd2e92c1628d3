// Stripe events through sp_record_stripe_event: only the webhook may record them; and events in
// awkward orders, applied as the webhook does: a user's later request is not undone by an older
// event, a retried payment is not taken for a failure, racing first events of one subscription
// both apply, a backlog delivered children first is applied once its parent arrives, and a refund
// that came first still lets the payment pay its invoice.
import t from 'tap';
import * as billing from '../generated/billing.queries.ts';
import * as stripe from '../generated/stripe.queries.ts';
import {
  activatePlan,
  chargeObject,
  deliver,
  invoiceObject,
  invoicePaymentObject,
  paymentIntentObject,
  stripeEvent,
  stripeId,
  subscriptionObject,
  webhookContext,
} from '../scripts/lib/stripe_events.ts';
import { inContext } from '../server/plugins/db.ts';
import { makeTenant, makeUser, rejection, testDatabase } from './helpers/db.ts';

const db = await testDatabase(t);
const tenant = await makeTenant(db, 'ordering');
const setPlan = (params: Parameters<typeof billing.setTenantPlan.run>[0]) =>
  db.asSupport((c) => billing.setTenantPlan.run(params, c));
await setPlan({
  tenantId: tenant,
  planCode: 'family',
  isAvailable: true,
  stripePriceId: 'price_ordFamily',
  featureLimits: {},
});
await setPlan({
  tenantId: tenant,
  planCode: 'advisor',
  isAvailable: true,
  stripePriceId: 'price_ordAdvisor',
  featureLimits: {},
});
const now = () => Math.floor(Date.now() / 1000);

/** The outcome, or the code of the refusal (so that 503s can be asserted). */
const send = async (event: ReturnType<typeof stripeEvent>) => {
  try {
    return (await deliver(db.api, event)).outcome;
  } catch (error) {
    return `refused: ${(error as { hint?: string }).hint}`;
  }
};
const mine = async (sub: string) =>
  (await db.asUser(tenant, sub, (c) => billing.getMySubscription.run(undefined, c)))[0];
type Ids = { subscription: string; customer: string; subscriptionId: string };
const subscription = (ids: Ids, status: string, priceId = 'price_ordFamily', extra: Record<string, unknown> = {}) => ({
  ...subscriptionObject({
    id: ids.subscription,
    customer: ids.customer,
    status,
    estateSubscriptionId: ids.subscriptionId,
    priceId,
  }),
  ...extra,
});
const ledgerCount = async () =>
  Number(
    (await db.admin.query('select count(*) from app.general_ledger where tenant_id = $1', [tenant])).rows[0].count,
  );
const invoiceStatus = async (id: string) =>
  (await db.admin.query('select status from app.invoices where stripe_invoice_id = $1', [id])).rows[0]?.status;

// Only the webhook records Stripe events.
t.test("Stripe's events come only from the webhook", async (t) => {
  const ivy = await makeUser(db, tenant, 'Ivy');
  const ids = await activatePlan(db.api, tenant, ivy.sub, 'family');
  // A forged event through the user's own session (or any context but the webhook's) is refused and stores nothing.
  const forged = stripeEvent(
    'customer.subscription.deleted',
    subscriptionObject({ id: ids.subscription, customer: ids.customer, status: 'canceled' }),
  );
  const record = (c: Parameters<typeof stripe.recordStripeEvent.run>[1]) =>
    stripe.recordStripeEvent.run({ event: forged as never }, c);
  for (const [who, context] of [
    ['a user', { tenantId: tenant, actorKind: 'user', actorId: ivy.sub, requestId: 'r' }],
    ['a user without a tenant', { tenantId: null, actorKind: 'user', actorId: ivy.sub, requestId: 'r' }],
    [
      'the webhook actor inside a tenant',
      { tenantId: tenant, actorKind: 'system', actorId: 'stripe-webhook', requestId: 'r' },
    ],
    ['another system actor', { tenantId: null, actorKind: 'system', actorId: 'cron', requestId: 'r' }],
  ] as const) {
    t.match(
      await rejection(db.withContext(context, record)),
      { sqlState: '42501', code: 'webhook_context_missing' },
      `${who} cannot record a Stripe event`,
    );
  }
  const stored = await db.admin.query(
    'select count(*) as n from app.stripe_webhook_events where stripe_event_id = $1',
    [forged.id],
  );
  t.equal(Number(stored.rows[0].n), 0, 'nothing was stored');
  t.match(await mine(ivy.sub), { planCode: 'family', status: 'active' }, 'the subscription is untouched');
});

t.test('what the user asks for after Stripe wrote an event survives that event arriving late', async (t) => {
  // Stripe's times have one-second resolution: each step waits for the clock to pass a second.
  const tick = () => new Promise((resolve) => setTimeout(resolve, 1100));
  const pat = await makeUser(db, tenant, 'Pat');
  const ids = await activatePlan(db.api, tenant, pat.sub, 'family');
  const cleo = await makeUser(db, tenant, 'Cleo');
  const cleoIds = await activatePlan(db.api, tenant, cleo.sub, 'family');
  await tick();

  const written = now() - 1; // after the activation, before the requests below
  await db.asUser(tenant, pat.sub, (c) => billing.upgradeSubscription.run({ planCode: 'advisor' }, c));
  t.equal(await send(stripeEvent('customer.subscription.updated', subscription(ids, 'active'), written)), 'applied');
  t.match(
    await mine(pat.sub),
    { planCode: 'family', pendingPlanCode: 'advisor' },
    'an event on the old price keeps the upgrade pending',
  );
  t.equal(
    await send(stripeEvent('customer.subscription.updated', subscription(ids, 'active', 'price_ordAdvisor'), now())),
    'applied',
  );
  t.match(await mine(pat.sub), { planCode: 'advisor', pendingPlanCode: null }, 'the new price puts it in force');

  await db.asUser(tenant, cleo.sub, (c) => billing.cancelSubscription.run({ atPeriodEnd: true }, c));
  t.equal(
    await send(stripeEvent('customer.subscription.updated', subscription(cleoIds, 'active'), written)),
    'applied',
  );
  t.match(
    await mine(cleo.sub),
    { cancelAtPeriodEnd: true },
    'the cancellation stands against an event written before it',
  );

  await tick();
  const beforeDowngrade = now() - 1;
  await db.asUser(tenant, pat.sub, (c) => billing.upgradeSubscription.run({ planCode: 'family' }, c));
  t.equal(
    await send(
      stripeEvent('customer.subscription.updated', subscription(ids, 'active', 'price_ordAdvisor'), beforeDowngrade),
    ),
    'applied',
  );
  t.match(
    await mine(pat.sub),
    { planCode: 'family', effectivePlanCode: 'family' },
    'the downgrade stands against an event written before it',
  );
  t.equal(
    await send(
      stripeEvent('customer.subscription.updated', subscription(ids, 'active', 'price_ordAdvisor'), now() + 5),
    ),
    'applied',
  );
  t.equal((await mine(pat.sub)).planCode, 'advisor', 'a later event from Stripe is the truth again');
});

t.test('invoice_payment.paid of a payment whose first attempt failed waits for its success', async (t) => {
  const stu = await makeUser(db, tenant, 'Stu');
  const ids = await activatePlan(db.api, tenant, stu.sub, 'family');
  const base = now() + 100;
  const invoice = stripeId('in');
  const pi = stripeId('pi');
  const shape = { id: invoice, customer: ids.customer, subscription: ids.subscription, amountDue: 1900 };
  await send(stripeEvent('invoice.finalized', invoiceObject({ ...shape, status: 'open' }), base));
  await send(
    stripeEvent(
      'payment_intent.payment_failed',
      paymentIntentObject({ id: pi, customer: ids.customer, amount: 1900, succeeded: false }),
      base + 2,
    ),
  );
  await send(
    stripeEvent('invoice.payment_failed', invoiceObject({ ...shape, status: 'open', attemptCount: 1 }), base + 2),
  );
  t.equal((await mine(stu.sub)).status, 'past_due');
  // The retry of the same PaymentIntent succeeds at base+10; Stripe's events arrive in this order.
  t.equal(await send(stripeEvent('customer.subscription.updated', subscription(ids, 'active'), base + 10)), 'applied');
  t.equal(
    await send(
      stripeEvent(
        'invoice_payment.paid',
        invoicePaymentObject({ invoice, paymentIntent: pi, amount: 1900 }),
        base + 11,
      ),
    ),
    'applied',
  );
  t.equal((await mine(stu.sub)).status, 'active', 'a "paid" event is not taken for the earlier failure');
  t.equal(
    await send(
      stripeEvent(
        'payment_intent.succeeded',
        paymentIntentObject({ id: pi, customer: ids.customer, amount: 1900, succeeded: true }),
        base + 10,
      ),
    ),
    'applied',
  );
  t.same([(await mine(stu.sub)).status, await invoiceStatus(invoice)], ['active', 'paid']);
});

t.test('the first two events of one Stripe subscription, racing, both apply', async (t) => {
  const rae = await makeUser(db, tenant, 'Rae');
  const [started] = await db.asUser(tenant, rae.sub, (c) => billing.createSubscription.run({ planCode: 'family' }, c));
  const ids = { subscription: stripeId('sub'), customer: stripeId('cus'), subscriptionId: started.subscriptionId };
  const created = stripeEvent('customer.subscription.created', subscription(ids, 'incomplete'), now());
  const updated = stripeEvent('customer.subscription.updated', subscription(ids, 'active'), now() + 1);
  // The first holds its transaction open while the second arrives and waits for its lock.
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  const first = inContext(db.api, webhookContext(), async (c) => {
    const [row] = await stripe.recordStripeEvent.run({ event: created as never }, c);
    await held;
    return row.outcome;
  });
  await new Promise((resolve) => setTimeout(resolve, 200));
  const second = send(updated);
  await new Promise((resolve) => setTimeout(resolve, 300));
  release();
  t.same([await first, await second], ['applied', 'applied']);
  t.match(await mine(rae.sub), { status: 'active', effectivePlanCode: 'family' });
});

t.test('a backlog delivered children first waits for its parent, then applies in full', async (t) => {
  const bea = await makeUser(db, tenant, 'Bea');
  const [started] = await db.asUser(tenant, bea.sub, (c) => billing.createSubscription.run({ planCode: 'family' }, c));
  const ids = { subscription: stripeId('sub'), customer: stripeId('cus'), subscriptionId: started.subscriptionId };
  const base = now() - 2 * 3600; // written two hours ago, during an outage of the endpoint
  const invoice = stripeId('in');
  const pi = stripeId('pi');
  const backlog = [
    stripeEvent(
      'invoice.paid',
      invoiceObject({
        id: invoice,
        customer: ids.customer,
        subscription: ids.subscription,
        status: 'paid',
        amountDue: 1900,
      }),
      base + 1,
    ),
    stripeEvent(
      'payment_intent.succeeded',
      paymentIntentObject({ id: pi, customer: ids.customer, amount: 1900, succeeded: true }),
      base + 1,
    ),
    stripeEvent('invoice_payment.paid', invoicePaymentObject({ invoice, paymentIntent: pi, amount: 1900 }), base + 1),
  ];
  const before = await ledgerCount();
  for (const event of backlog)
    t.equal(await send(event), 'refused: stripe_event_not_ready', `${event.type}: Stripe will retry`);
  t.equal(await send(stripeEvent('customer.subscription.created', subscription(ids, 'active'), base)), 'applied');
  for (const event of backlog) t.equal(await send(event), 'applied', `${event.type} retried: applied`);
  t.equal(await ledgerCount(), before + 1, 'the payment is in the ledger once');
  t.equal(await invoiceStatus(invoice), 'paid');
});

t.test(
  'a refund that came first still lets its payment pay the invoice it names (API before 2025-03-31)',
  async (t) => {
    const lee = await makeUser(db, tenant, 'Lee');
    const ids = await activatePlan(db.api, tenant, lee.sub, 'family');
    const base = now() + 2000;
    const invoice = stripeId('in');
    const pi = stripeId('pi');
    const charge = stripeId('ch');
    await send(
      stripeEvent(
        'invoice.finalized',
        invoiceObject({
          id: invoice,
          customer: ids.customer,
          subscription: ids.subscription,
          status: 'open',
          amountDue: 1900,
        }),
        base,
      ),
    );
    await send(
      stripeEvent(
        'invoice.payment_failed',
        invoiceObject({
          id: invoice,
          customer: ids.customer,
          subscription: ids.subscription,
          status: 'open',
          amountDue: 1900,
          attemptCount: 1,
        }),
        base + 1,
      ),
    );
    t.equal((await mine(lee.sub)).status, 'past_due');
    t.equal(
      await send(
        stripeEvent(
          'charge.refunded',
          chargeObject({ id: charge, paymentIntent: pi, customer: ids.customer, amount: 1900, amountRefunded: 100 }),
          base + 5,
        ),
      ),
      'applied',
    );
    const legacy = {
      ...paymentIntentObject({ id: pi, customer: ids.customer, amount: 1900, succeeded: true, chargeId: charge }),
      invoice,
    };
    t.equal(await send(stripeEvent('payment_intent.succeeded', legacy, base + 2)), 'applied');
    t.same([await invoiceStatus(invoice), (await mine(lee.sub)).status], ['paid', 'active']);
  },
);

t.test(
  'a checkout cancelled here before Stripe reported it still links, so its charges reach the ledger',
  async (t) => {
    const ned = await makeUser(db, tenant, 'Ned');
    const [started] = await db.asUser(tenant, ned.sub, (c) =>
      billing.createSubscription.run({ planCode: 'family' }, c),
    );
    await db.asUser(tenant, ned.sub, (c) => billing.cancelSubscription.run({ atPeriodEnd: false }, c));
    const ids = { subscription: stripeId('sub'), customer: stripeId('cus'), subscriptionId: started.subscriptionId };
    t.equal(
      await send(stripeEvent('customer.subscription.created', subscription(ids, 'active'))),
      'stale',
      'not revived',
    );
    t.match(await mine(ned.sub), { planCode: 'free' });
    const before = await ledgerCount();
    t.equal(
      await send(
        stripeEvent(
          'payment_intent.succeeded',
          paymentIntentObject({ id: stripeId('pi'), customer: ids.customer, amount: 1900, succeeded: true }),
        ),
      ),
      'applied',
    );
    t.equal(await ledgerCount(), before + 1, 'the money Stripe took is accounted for');
  },
);

t.test('valid but unusual payloads are acknowledged, not refused', async (t) => {
  const pam = await makeUser(db, tenant, 'Pam');
  const ids = await activatePlan(db.api, tenant, pam.sub, 'family');
  const charge = {
    ...chargeObject({
      id: stripeId('ch'),
      paymentIntent: 'x',
      customer: ids.customer,
      amount: 500,
      amountRefunded: 500,
    }),
    payment_intent: null,
  };
  t.equal(await send(stripeEvent('charge.refunded', charge)), 'ignored', 'a charge without a PaymentIntent');
  const byCharge = {
    ...invoicePaymentObject({ invoice: stripeId('in'), paymentIntent: 'x', amount: 100 }),
    payment: { type: 'charge', charge: stripeId('ch') },
  };
  t.equal(
    await send(stripeEvent('invoice_payment.paid', { ...byCharge, invoice: stripeId('in') })),
    'refused: stripe_event_not_ready',
    'routes nowhere yet',
  );
  const odd = subscription(ids, 'active', 'price_ordFamily', { items: null, metadata: null });
  t.equal(
    await send(stripeEvent('customer.subscription.updated', odd, now() + 3000)),
    'applied',
    'no items, no metadata',
  );
});
