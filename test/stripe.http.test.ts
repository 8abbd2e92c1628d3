// The Stripe webhook over HTTP, from the attacker's side and from Stripe's: signatures (bad,
// stale, re-serialized bodies store nothing), exactly-once delivery (replays and concurrent
// duplicates), arrival in any order, routing to the one right tenant, and the ledger invariant
// after a randomized sequence of events.
import t from 'tap';
import * as billing from '../generated/billing.queries.ts';
import {
  activatePlan,
  chargeObject,
  invoiceObject,
  invoicePaymentObject,
  paymentIntentObject,
  signStripePayload,
  stripeEvent,
  stripeId,
  subscriptionObject,
  type StripeEvent,
} from '../scripts/lib/stripe_events.ts';
import { TEST_STRIPE_WEBHOOK_SECRET, testApp } from './helpers/app.ts';
import { makeTenant, makeUser, testDatabase } from './helpers/db.ts';

const db = await testDatabase(t);
const app = await testApp(t, db);
const tenantA = await makeTenant(db, 'webhook-a');
const tenantB = await makeTenant(db, 'webhook-b');
const anna = await makeUser(db, tenantA, 'Anna');
const boris = await makeUser(db, tenantB, 'Boris');
const annaStripe = await activatePlan(db.api, tenantA, anna.sub, 'family');
const borisStripe = await activatePlan(db.api, tenantB, boris.sub, 'family');

/** Posts an event as Stripe does: the exact body, signed (or as the options say). */
async function post(
  event: StripeEvent | string,
  options: { secret?: string; timestamp?: number; body?: string; signature?: string | null } = {},
) {
  const payload = typeof event === 'string' ? event : JSON.stringify(event);
  const signature =
    options.signature === undefined
      ? signStripePayload(payload, options.secret ?? TEST_STRIPE_WEBHOOK_SECRET, options.timestamp)
      : options.signature;
  const headers: Record<string, string> = { 'content-type': 'application/json; charset=utf-8' };
  if (signature !== null) headers['stripe-signature'] = signature;
  return app.inject({ method: 'POST', url: '/v1/webhooks/stripe', headers, payload: options.body ?? payload });
}

const storedEvents = async (eventId: string) =>
  Number(
    (await db.admin.query('select count(*) from app.stripe_webhook_events where stripe_event_id = $1', [eventId]))
      .rows[0].count,
  );
const subscriptionRow = async (stripeSubscriptionId: string) =>
  (
    await db.admin.query(
      'select status, plan_id, stripe_synced_at, updated_at from app.subscriptions where stripe_subscription_id = $1',
      [stripeSubscriptionId],
    )
  ).rows[0];
const ledger = async (tenantId: string) =>
  (
    await db.admin.query<{ entry_type: string; amount: string }>(
      'select entry_type, amount from app.general_ledger where tenant_id = $1 order by posted_at, entry_type, id',
      [tenantId],
    )
  ).rows;

const now = () => Math.floor(Date.now() / 1000);
const subscriptionEvent = (type: string, status: string, created: number, ids = annaStripe) =>
  stripeEvent(
    type,
    subscriptionObject({
      id: ids.subscription,
      customer: ids.customer,
      status,
      estateSubscriptionId: ids.subscriptionId,
    }),
    created,
  );

t.test('a bad signature, a stale timestamp or a re-serialized body gets 400 and stores nothing', async (t) => {
  const event = subscriptionEvent('customer.subscription.updated', 'past_due', now());
  const before = await subscriptionRow(annaStripe.subscription);
  const payload = JSON.stringify(event);
  const cases: Array<[string, Parameters<typeof post>[1]]> = [
    ['no Stripe-Signature header', { signature: null }],
    ['a garbage header', { signature: 't=1,v1=deadbeef' }],
    ["another endpoint's secret", { secret: 'whsec_not-this-endpoints-secret-at-all' }],
    ['a timestamp an hour old (a replay)', { timestamp: now() - 3600 }],
    ['a body changed after signing', { body: payload.replace('past_due', 'active') }],
    ['a parsed and re-serialized body', { body: JSON.stringify(JSON.parse(payload), null, 2) }],
  ];
  for (const [name, options] of cases) {
    const res = await post(event, options);
    t.equal(res.statusCode, 400, `${name}: 400`);
    t.equal(res.json().code, 'stripe_signature_invalid', `${name}: the code says why`);
    t.match(res.headers['content-type'], /application\/problem\+json/);
  }
  t.equal(await storedEvents(event.id), 0, 'nothing stored');
  t.same(await subscriptionRow(annaStripe.subscription), before, 'nothing changed');

  const unconfigured = await testApp(t, db, { stripeWebhookSecret: null });
  const res = await unconfigured.inject({
    method: 'POST',
    url: '/v1/webhooks/stripe',
    headers: {
      'stripe-signature': signStripePayload(payload, TEST_STRIPE_WEBHOOK_SECRET),
      'content-type': 'application/json',
    },
    payload,
  });
  t.equal(res.statusCode, 503, 'without a signing secret the endpoint refuses everything');
  t.equal(res.json().code, 'stripe_webhook_not_configured');
  t.equal(await storedEvents(event.id), 0);
});

t.test('a redelivered event is acknowledged and changes nothing', async (t) => {
  const event = subscriptionEvent('customer.subscription.updated', 'active', now());
  const first = await post(event);
  t.equal(first.statusCode, 200);
  t.same(first.json(), { received: true, eventId: event.id, outcome: 'applied' });
  const after = await subscriptionRow(annaStripe.subscription);
  // Stripe re-sends the same event (same id) with a fresh signature.
  const again = await post(event);
  t.equal(again.statusCode, 200, 'acknowledged, so Stripe stops retrying');
  t.equal(again.json().outcome, 'duplicate');
  t.equal(await storedEvents(event.id), 1, 'stored once');
  t.same(await subscriptionRow(annaStripe.subscription), after, 'the state is untouched');
});

t.test('two deliveries of the same payment at the same moment post it once', async (t) => {
  const pi = stripeId('pi');
  const event = stripeEvent(
    'payment_intent.succeeded',
    paymentIntentObject({
      id: pi,
      customer: annaStripe.customer,
      amount: 1900,
      succeeded: true,
      chargeId: stripeId('ch'),
    }),
  );
  const before = (await ledger(tenantA)).length;
  const results = await Promise.all(Array.from({ length: 6 }, () => post(event)));
  t.same(
    results.map((r) => r.statusCode),
    [200, 200, 200, 200, 200, 200],
  );
  t.same(
    results.map((r) => r.json().outcome).sort(),
    ['applied', 'duplicate', 'duplicate', 'duplicate', 'duplicate', 'duplicate'],
    'one applied, the rest duplicates',
  );
  t.equal((await ledger(tenantA)).length, before + 1, 'one ledger entry');
  t.equal(await storedEvents(event.id), 1);
});

t.test('an older event arriving after a newer one does not roll the state back', async (t) => {
  const base = now();
  // Subscription: past due at base+20 arrives first, active at base+10 arrives late.
  t.equal(
    (await post(subscriptionEvent('customer.subscription.updated', 'past_due', base + 20))).json().outcome,
    'applied',
  );
  t.equal(
    (await post(subscriptionEvent('customer.subscription.updated', 'active', base + 10))).json().outcome,
    'stale',
  );
  t.equal((await subscriptionRow(annaStripe.subscription)).status, 'past_due', 'still past due');
  // The older event is still stored (and marked stale): Stripe's redelivery of it is a duplicate.
  const late = subscriptionEvent('customer.subscription.updated', 'active', base + 5);
  await post(late);
  t.equal((await post(late)).json().outcome, 'duplicate');

  // Invoice: paid arrives before finalized (open); the invoice stays paid.
  const invoice = stripeId('in');
  const shape = { id: invoice, customer: annaStripe.customer, subscription: annaStripe.subscription, amountDue: 1900 };
  t.equal(
    (await post(stripeEvent('invoice.paid', invoiceObject({ ...shape, status: 'paid' }), base + 30))).json().outcome,
    'applied',
  );
  t.equal(
    (await post(stripeEvent('invoice.finalized', invoiceObject({ ...shape, status: 'open' }), base + 25))).json()
      .outcome,
    'stale',
  );
  const row = (
    await db.admin.query('select status, amount_paid from app.invoices where stripe_invoice_id = $1', [invoice])
  ).rows[0];
  t.same(row, { status: 'paid', amount_paid: '19.00' }, 'the invoice stays paid');
  t.equal(
    (await subscriptionRow(annaStripe.subscription)).status,
    'active',
    'a paid invoice (newer than the past-due event) makes the subscription active',
  );

  // Payment: success, then a late failure of the same PaymentIntent: still one payment entry.
  const pi = stripeId('pi');
  const before = (await ledger(tenantA)).length;
  await post(
    stripeEvent(
      'payment_intent.succeeded',
      paymentIntentObject({ id: pi, customer: annaStripe.customer, amount: 500, succeeded: true }),
      base + 40,
    ),
  );
  t.equal(
    (
      await post(
        stripeEvent(
          'payment_intent.payment_failed',
          paymentIntentObject({ id: pi, customer: annaStripe.customer, amount: 500, succeeded: false }),
          base + 35,
        ),
      )
    ).json().outcome,
    'stale',
  );
  const payment = (
    await db.admin.query('select status from app.payment_transactions where stripe_payment_intent_id = $1', [pi])
  ).rows[0];
  t.equal(payment.status, 'succeeded');
  t.equal((await ledger(tenantA)).length, before + 1);

  // Refunds report the charge's refunded total: a late smaller total changes nothing.
  const charge = stripeId('ch');
  await post(
    stripeEvent(
      'charge.refunded',
      chargeObject({ id: charge, paymentIntent: pi, customer: annaStripe.customer, amount: 500, amountRefunded: 500 }),
      base + 60,
    ),
  );
  t.equal(
    (
      await post(
        stripeEvent(
          'charge.refunded',
          chargeObject({
            id: charge,
            paymentIntent: pi,
            customer: annaStripe.customer,
            amount: 500,
            amountRefunded: 200,
          }),
          base + 50,
        ),
      )
    ).json().outcome,
    'stale',
  );
  const refunded = (
    await db.admin.query('select amount_refunded from app.payment_transactions where stripe_payment_intent_id = $1', [
      pi,
    ])
  ).rows[0];
  t.equal(refunded.amount_refunded, '5.00', 'refunded in full, once');
});

t.test('a refund that arrives before its payment still posts both, once', async (t) => {
  const pi = stripeId('pi');
  const charge = stripeId('ch');
  const base = now();
  const before = await ledger(tenantA);
  t.equal(
    (
      await post(
        stripeEvent(
          'charge.refunded',
          chargeObject({
            id: charge,
            paymentIntent: pi,
            customer: annaStripe.customer,
            amount: 1000,
            amountRefunded: 400,
          }),
          base + 5,
        ),
      )
    ).json().outcome,
    'applied',
  );
  t.equal(
    (
      await post(
        stripeEvent(
          'payment_intent.succeeded',
          paymentIntentObject({
            id: pi,
            customer: annaStripe.customer,
            amount: 1000,
            succeeded: true,
            chargeId: charge,
          }),
          base,
        ),
      )
    ).json().outcome,
    'stale',
  );
  const added = (await ledger(tenantA)).slice(before.length);
  t.same(
    added.map((e) => [e.entry_type, e.amount]),
    [
      ['payment', '10.00'],
      ['refund', '-4.00'],
    ],
  );
});

t.test('events reach only the tenant whose objects they name', async (t) => {
  const invoice = stripeId('in');
  const event = stripeEvent(
    'invoice.finalized',
    invoiceObject({
      id: invoice,
      customer: borisStripe.customer,
      subscription: borisStripe.subscription,
      status: 'open',
      amountDue: 4900,
    }),
  );
  t.equal((await post(event)).json().outcome, 'applied');
  const row = (await db.admin.query('select tenant_id from app.invoices where stripe_invoice_id = $1', [invoice]))
    .rows[0];
  t.equal(row.tenant_id, tenantB, "Boris's invoice is in Boris's tenant");
  const stored = (
    await db.admin.query('select tenant_id, payload from app.stripe_webhook_events where stripe_event_id = $1', [
      event.id,
    ])
  ).rows[0];
  t.equal(stored.tenant_id, tenantB);
  t.equal(stored.payload.data.object.id, invoice, 'the event is kept');
  t.notMatch(JSON.stringify(stored.payload), /payer@example\.com|Pat Payer/, "without the customer's contact data");
  const audited = await db.admin.query(
    "select changes->>'payload' as payload from audit.audit_log where table_name = 'app.stripe_webhook_events' and row_id = (select id::text from app.stripe_webhook_events where stripe_event_id = $1)",
    [event.id],
  );
  t.same(audited.rows, [{ payload: '[redacted]' }], 'the audit log redacts the payload');

  // Anna's tenant sees none of it, even asking by id.
  const [invoiceRow] = (await db.admin.query('select id from app.invoices where stripe_invoice_id = $1', [invoice]))
    .rows;
  const seen = await db.asUser(tenantA, anna.sub, (c) => billing.listInvoices.run({ limit: 200, offset: 0 }, c));
  t.notOk(
    seen.some((i) => i.invoiceId === invoiceRow.id),
    "not in the other tenant's list",
  );

  // An event naming one tenant's customer and another tenant's subscription is refused whole.
  const mixed = stripeEvent(
    'invoice.finalized',
    invoiceObject({
      id: stripeId('in'),
      customer: annaStripe.customer,
      subscription: borisStripe.subscription,
      status: 'open',
      amountDue: 100,
    }),
  );
  const res = await post(mixed);
  t.equal(res.statusCode, 409);
  t.equal(res.json().code, 'stripe_route_conflict');
  t.equal(await storedEvents(mixed.id), 0, 'nothing stored');

  // An event naming nothing known (yet): 503 so that Stripe delivers it again later; nothing stored.
  const orphan = stripeEvent(
    'payment_intent.succeeded',
    paymentIntentObject({ id: stripeId('pi'), customer: stripeId('cus'), amount: 100, succeeded: true }),
  );
  const unroutable = await post(orphan);
  t.equal(unroutable.statusCode, 503);
  t.equal(unroutable.json().code, 'stripe_event_not_ready');
  t.equal(await storedEvents(orphan.id), 0);
  // Past Stripe's three days of retries it is not coming: acknowledged, still nothing stored.
  const stray = stripeEvent(
    'payment_intent.succeeded',
    paymentIntentObject({ id: stripeId('pi'), customer: stripeId('cus'), amount: 100, succeeded: true }),
    now() - 4 * 86400,
  );
  const strayRes = await post(stray);
  t.same([strayRes.statusCode, strayRes.json().outcome], [200, 'unroutable']);
  t.equal(await storedEvents(stray.id), 0);

  // An event type this system does not act on: acknowledged, nothing stored.
  const other = stripeEvent('customer.created', { id: annaStripe.customer, object: 'customer' });
  const ignored = await post(other);
  t.same([ignored.statusCode, ignored.json().outcome], [200, 'ignored']);
  t.equal(await storedEvents(other.id), 0);

  // A large event (an invoice with many lines) is read whole: past the API's 256 KiB body limit.
  const large = stripeEvent('invoice.upcoming', {
    id: stripeId('in'),
    object: 'invoice',
    lines: { data: Array.from({ length: 3000 }, (_, i) => ({ id: `il_${i}`, description: 'x'.repeat(90) })) },
  });
  const largeRes = await post(large);
  t.same(
    [largeRes.statusCode, largeRes.json().outcome],
    [200, 'ignored'],
    `a ${Math.round(JSON.stringify(large).length / 1024)} KiB event is verified and acknowledged`,
  );

  // A signed event that is not an event at all is refused with a clear code.
  const junk = await post(
    JSON.stringify({
      id: 'evt_x',
      object: 'event',
      type: 'invoice.paid',
      created: now(),
      livemode: false,
      data: { object: 'nope' },
    }),
  );
  t.equal(junk.statusCode, 400);
  t.equal(junk.json().code, 'invalid_stripe_event');
});

t.test(
  'a failed payment makes the subscription past due; the next success makes it active; invoices follow',
  async (t) => {
    const carla = await makeUser(db, tenantA, 'Carla');
    const ids = await activatePlan(db.api, tenantA, carla.sub, 'advisor');
    const base = now() + 100;
    const invoice = stripeId('in');
    const shape = { id: invoice, customer: ids.customer, subscription: ids.subscription, amountDue: 9900 };
    await post(stripeEvent('invoice.finalized', invoiceObject({ ...shape, status: 'open' }), base));
    const pi = stripeId('pi');
    await post(
      stripeEvent(
        'payment_intent.payment_failed',
        paymentIntentObject({ id: pi, customer: ids.customer, amount: 9900, succeeded: false }),
        base + 1,
      ),
    );
    await post(
      stripeEvent('invoice.payment_failed', invoiceObject({ ...shape, status: 'open', attemptCount: 1 }), base + 1),
    );
    let [sub] = await db.asUser(tenantA, carla.sub, (c) => billing.getMySubscription.run(undefined, c));
    t.same(
      [sub.status, sub.effectivePlanCode],
      ['past_due', 'advisor'],
      'past due keeps the plan while Stripe retries',
    );
    await post(
      stripeEvent(
        'payment_intent.succeeded',
        paymentIntentObject({ id: pi, customer: ids.customer, amount: 9900, succeeded: true }),
        base + 2,
      ),
    );
    await post(
      stripeEvent('invoice_payment.paid', invoicePaymentObject({ invoice, paymentIntent: pi, amount: 9900 }), base + 2),
    );
    [sub] = await db.asUser(tenantA, carla.sub, (c) => billing.getMySubscription.run(undefined, c));
    t.equal(sub.status, 'active');
    const [listed] = await db.asUser(tenantA, carla.sub, (c) => billing.listInvoices.run({ limit: 10, offset: 0 }, c));
    const [detail] = await db.asUser(tenantA, carla.sub, (c) =>
      billing.getInvoice.run({ invoiceId: listed.invoiceId }, c),
    );
    t.same(
      [detail.status, detail.amountPaid, detail.amountRemaining],
      ['paid', '99.00', '0.00'],
      'the payment paid the invoice',
    );
    t.match(detail.payments, [{ status: 'succeeded', amount: '99.00', amountRefunded: '0.00' }]);

    // Stripe ends the subscription: the user is back on the free plan, history says why.
    await post(
      stripeEvent(
        'customer.subscription.deleted',
        subscriptionObject({
          id: ids.subscription,
          customer: ids.customer,
          status: 'canceled',
          estateSubscriptionId: ids.subscriptionId,
          endedAt: base + 3,
        }),
        base + 3,
      ),
    );
    [sub] = await db.asUser(tenantA, carla.sub, (c) => billing.getMySubscription.run(undefined, c));
    t.same([sub.planCode, sub.status], ['free', 'active']);
    // A late "updated" for the ended subscription cannot bring it back.
    t.equal(
      (
        await post(
          stripeEvent(
            'customer.subscription.updated',
            subscriptionObject({ id: ids.subscription, customer: ids.customer, status: 'active' }),
            base + 10,
          ),
        )
      ).json().outcome,
      'stale',
    );
    const changes = await db.asUser(tenantA, carla.sub, (c) =>
      billing.listSubscriptionChanges.run({ limit: 10, offset: 0 }, c),
    );
    t.same(changes.map((c) => [c.changeKind, c.source]).slice(0, 2), [
      ['reverted_to_free', 'stripe'],
      ['canceled', 'stripe'],
    ]);
  },
);

t.test('the ledger balance is payments minus refunds after a randomized sequence of events', async (t) => {
  // A seeded generator: the sequence differs by seed, and a failure names its seed.
  const seed = Number(process.env.LEDGER_SEED ?? Date.now() % 100000);
  let state = seed;
  const random = () => (state = (state * 1103515245 + 12345) % 2147483648) / 2147483648;
  const pick = <T>(items: T[]) => items[Math.floor(random() * items.length)];

  const customers = [
    { tenantId: tenantA, ids: annaStripe },
    { tenantId: tenantB, ids: borisStripe },
  ];
  const expected = new Map<string, number>([
    [tenantA, 0],
    [tenantB, 0],
  ]);
  const start = Object.fromEntries(
    await Promise.all(
      customers.map(
        async (c) =>
          [
            c.tenantId,
            (await ledger(c.tenantId)).reduce((sum, e) => sum + Math.round(Number(e.amount) * 100), 0),
          ] as const,
      ),
    ),
  );
  const events: StripeEvent[] = [];
  let clock = now() + 1000;
  for (let i = 0; i < 25; i++) {
    const { tenantId, ids } = pick(customers);
    const pi = stripeId('pi');
    const charge = stripeId('ch');
    const amount = 100 + Math.floor(random() * 100000);
    const fails = random() < 0.3;
    const succeeds = !fails || random() < 0.5;
    if (fails)
      events.push(
        stripeEvent(
          'payment_intent.payment_failed',
          paymentIntentObject({ id: pi, customer: ids.customer, amount, succeeded: false }),
          clock++,
        ),
      );
    if (!succeeds) continue;
    events.push(
      stripeEvent(
        'payment_intent.succeeded',
        paymentIntentObject({ id: pi, customer: ids.customer, amount, succeeded: true, chargeId: charge }),
        clock++,
      ),
    );
    let refunded = 0;
    const refunds = random() < 0.5 ? Math.floor(random() * 3) + 1 : 0;
    for (let r = 0; r < refunds && refunded < amount; r++) {
      refunded = Math.min(amount, refunded + 1 + Math.floor(random() * amount * 0.6));
      events.push(
        stripeEvent(
          'charge.refunded',
          chargeObject({ id: charge, paymentIntent: pi, customer: ids.customer, amount, amountRefunded: refunded }),
          clock++,
        ),
      );
    }
    expected.set(tenantId, expected.get(tenantId)! + amount - refunded);
  }
  // Stripe may deliver in any order and more than once.
  const deliveries = [...events, ...events.filter(() => random() < 0.3)];
  for (let i = deliveries.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [deliveries[i], deliveries[j]] = [deliveries[j], deliveries[i]];
  }
  for (let i = 0; i < deliveries.length; i += 4) {
    const results = await Promise.all(deliveries.slice(i, i + 4).map((event) => post(event)));
    for (const res of results) if (res.statusCode !== 200) throw new Error(`seed ${seed}: delivery failed ${res.body}`);
  }

  for (const { tenantId } of customers) {
    const cents = (await ledger(tenantId)).reduce((sum, e) => sum + Math.round(Number(e.amount) * 100), 0);
    t.equal(
      cents - start[tenantId],
      expected.get(tenantId),
      `seed ${seed}: the ledger of ${tenantId === tenantA ? 'A' : 'B'} moved by payments minus refunds`,
    );
    const [summary] = await db.asSupport((c) => billing.getPaymentSummary.run({ tenantId }, c));
    // Exact decimals throughout: compared as PostgreSQL computes them, not as floats.
    const totals = (
      await db.admin.query(
        `select paid::text, refunded::text, (paid - refunded)::text as balance
         from (select (select coalesce(sum(amount), 0) from app.payment_transactions where tenant_id = $1 and status = 'succeeded') as paid,
                      (select coalesce(sum(amount), 0) from app.refunds where tenant_id = $1) as refunded) x`,
        [tenantId],
      )
    ).rows[0];
    t.equal(summary.balance, totals.balance, `seed ${seed}: balance = payments - refunds (${totals.balance})`);
    t.equal(summary.paymentsTotal, totals.paid, 'payments total');
    t.equal(summary.refundsTotal, totals.refunded, 'refunds total');
  }
});

t.test(
  'events that arrive before their subscription is linked wait for it, and are then applied in full',
  async (t) => {
    const dora = await makeUser(db, tenantA, 'Dora');
    const [started] = await db.asUser(tenantA, dora.sub, (c) =>
      billing.createSubscription.run({ planCode: 'family' }, c),
    );
    const ids = { customer: stripeId('cus'), subscription: stripeId('sub') };
    const base = now();
    const invoice = stripeId('in');
    const pi = stripeId('pi');
    const early = [
      stripeEvent(
        'invoice.finalized',
        invoiceObject({
          id: invoice,
          customer: ids.customer,
          subscription: ids.subscription,
          estateSubscriptionId: started.subscriptionId,
          status: 'open',
          amountDue: 1900,
        }),
        base,
      ),
      stripeEvent(
        'payment_intent.succeeded',
        paymentIntentObject({ id: pi, customer: ids.customer, amount: 1900, succeeded: true }),
        base + 1,
      ),
      stripeEvent('invoice_payment.paid', invoicePaymentObject({ invoice, paymentIntent: pi, amount: 1900 }), base + 1),
    ];
    for (const event of early) {
      const res = await post(event);
      t.same(
        [res.statusCode, res.json().code],
        [503, 'stripe_event_not_ready'],
        `${event.type} before the subscription: Stripe will retry`,
      );
      t.equal(await storedEvents(event.id), 0, 'and nothing is stored');
    }
    const before = (await ledger(tenantA)).length;
    t.equal(
      (
        await post(
          subscriptionEvent('customer.subscription.created', 'incomplete', base - 5, {
            ...ids,
            subscriptionId: started.subscriptionId,
          }),
        )
      ).json().outcome,
      'applied',
    );
    for (const event of early)
      t.equal((await post(event)).json().outcome, 'applied', `${event.type} redelivered: applied`);
    t.equal((await ledger(tenantA)).length, before + 1, 'the payment is in the ledger once');
    const [sub] = await db.asUser(tenantA, dora.sub, (c) => billing.getMySubscription.run(undefined, c));
    t.same([sub.status, sub.effectivePlanCode], ['active', 'family'], "the invoice's payment made it active");
    const [listed] = await db.asUser(tenantA, dora.sub, (c) => billing.listInvoices.run({ limit: 5, offset: 0 }, c));
    t.same([listed.status, listed.amountPaid], ['paid', '19.00']);
  },
);

t.test("a payment not known to pay one of its invoices does not move the subscription's status", async (t) => {
  const emil = await makeUser(db, tenantA, 'Emil');
  const ids = await activatePlan(db.api, tenantA, emil.sub, 'family');
  const base = now() + 500;
  await post(
    stripeEvent(
      'customer.subscription.updated',
      subscriptionObject({
        id: ids.subscription,
        customer: ids.customer,
        status: 'past_due',
        estateSubscriptionId: ids.subscriptionId,
      }),
      base,
    ),
  );
  // A one-off payment by the same customer (no invoice of the subscription named).
  t.equal(
    (
      await post(
        stripeEvent(
          'payment_intent.succeeded',
          paymentIntentObject({ id: stripeId('pi'), customer: ids.customer, amount: 100, succeeded: true }),
          base + 1,
        ),
      )
    ).json().outcome,
    'applied',
  );
  const [sub] = await db.asUser(tenantA, emil.sub, (c) => billing.getMySubscription.run(undefined, c));
  t.equal(sub.status, 'past_due', 'still past due: that money paid something else');
});

t.test('a checkout reference cannot take over a subscription Stripe already bills', async (t) => {
  const fay = await makeUser(db, tenantB, 'Fay');
  const ids = await activatePlan(db.api, tenantB, fay.sub, 'family');
  const intruder = stripeEvent(
    'customer.subscription.created',
    subscriptionObject({
      id: stripeId('sub'),
      customer: stripeId('cus'),
      status: 'active',
      estateSubscriptionId: ids.subscriptionId,
    }),
  );
  t.equal((await post(intruder)).json().outcome, 'ignored', 'another Stripe subscription naming it is ignored');
  const row = (
    await db.admin.query('select stripe_subscription_id, stripe_customer_id from app.subscriptions where id = $1', [
      ids.subscriptionId,
    ])
  ).rows[0];
  t.same(row, { stripe_subscription_id: ids.subscription, stripe_customer_id: ids.customer }, 'the link is unchanged');
  // Nor can that foreign subscription end ours.
  const followUp = stripeEvent('customer.subscription.deleted', { ...intruder.data.object, status: 'canceled' });
  t.equal((await post(followUp)).json().outcome, 'ignored');
  const [sub] = await db.asUser(tenantB, fay.sub, (c) => billing.getMySubscription.run(undefined, c));
  t.same([sub.subscriptionId, sub.planCode, sub.status], [ids.subscriptionId, 'family', 'active']);
});
