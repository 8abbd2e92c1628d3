// Billing over HTTP with real tokens: plans, starting a subscription that Stripe's signed events
// activate, changing and cancelling it, seats, usage, payment methods, invoices, the 402 of a
// plan limit, and another tenant's ids answered as not found.
import t from 'tap';
import {
  invoiceObject,
  paymentIntentObject,
  signStripePayload,
  stripeEvent,
  stripeId,
  subscriptionObject,
} from '../scripts/lib/stripe_events.ts';
import { setTenantPlan } from '../generated/billing.queries.ts';
import {
  bearer,
  makePoolTenant,
  TEST_STRIPE_WEBHOOK_SECRET,
  testApp,
  registerThroughApi,
  type PoolTenant,
} from './helpers/app.ts';
import { testDatabase } from './helpers/db.ts';

const db = await testDatabase(t);
const app = await testApp(t, db);
const home = await makePoolTenant(db, 'billing-home');
const away = await makePoolTenant(db, 'billing-away');

const registered = (tenant: PoolTenant, firstName: string) => registerThroughApi(app, tenant, firstName, 'Billing');
const paula = await registered(home, 'Paula');
const quinn = await registered(home, 'Quinn');
const rita = await registered(away, 'Rita');

const as = (user: { accessToken: string }) => bearer(user.accessToken);
async function webhook(event: ReturnType<typeof stripeEvent>) {
  const payload = JSON.stringify(event);
  const res = await app.inject({
    method: 'POST',
    url: '/v1/webhooks/stripe',
    payload,
    headers: {
      'content-type': 'application/json',
      'stripe-signature': signStripePayload(payload, TEST_STRIPE_WEBHOOK_SECRET),
    },
  });
  if (res.statusCode !== 200) throw new Error(`webhook refused: ${res.body}`);
  return res.json().outcome as string;
}

t.test('plans, usage and the free plan every new user has', async (t) => {
  const plans = await app.inject({ method: 'GET', url: '/v1/plans', headers: as(paula) });
  t.equal(plans.statusCode, 200);
  const items = plans.json().items;
  t.same(
    items.map((p: { planCode: string }) => p.planCode),
    ['free', 'family', 'advisor', 'advisor_pro'],
  );
  t.match(items[0], { planCode: 'free', priceAmount: '0.00', maxFfcs: 1, maxSeats: 1, maxAssets: 25, isCurrent: true });
  t.match(items[3], {
    planCode: 'advisor_pro',
    priceAmount: '299.00',
    maxFfcs: null,
    maxAssets: null,
    isCurrent: false,
  });

  const usage = await app.inject({ method: 'GET', url: '/v1/usage', headers: as(paula) });
  t.equal(usage.statusCode, 200);
  t.same(usage.json(), {
    planCode: 'free',
    items: [
      { metric: 'ffcs', used: 0, limit: 1, remaining: 1 },
      { metric: 'seats', used: 0, limit: 1, remaining: 1 },
      { metric: 'assets', used: 0, limit: 25, remaining: 25 },
      { metric: 'storage_bytes', used: 0, limit: 10 * 1048576, remaining: 10 * 1048576 },
    ],
  });
  const me = await app.inject({ method: 'GET', url: '/v1/subscription', headers: as(paula) });
  t.match(me.json(), { planCode: 'free', status: 'active', effectivePlanCode: 'free', stripeLinked: false });
  const none = await app.inject({ method: 'GET', url: '/v1/subscription' });
  t.equal(none.statusCode, 401, 'no token, no subscription');
});

t.test('a plan limit is a 402 with its code, and nothing is created', async (t) => {
  const first = await app.inject({
    method: 'POST',
    url: '/v1/ffcs',
    headers: as(paula),
    payload: { name: 'Paula family' },
  });
  t.equal(first.statusCode, 201);
  const second = await app.inject({ method: 'POST', url: '/v1/ffcs', headers: as(paula), payload: { name: 'Second' } });
  t.equal(second.statusCode, 402);
  t.match(second.json(), { status: 402, title: 'Payment Required', code: 'ffc_limit_reached' });
  t.match(second.headers['content-type'], /application\/problem\+json/);
  t.notMatch(second.body, /track_usage|p_metric|select|insert/i, 'no SQL in the answer');
  const circles = await app.inject({ method: 'GET', url: '/v1/ffcs', headers: as(paula) });
  t.equal(circles.json().items.length, 1, 'the refused circle does not exist');
  const seats = await app.inject({ method: 'GET', url: '/v1/subscription/seats', headers: as(paula) });
  t.match(
    seats.json().items,
    [{ personaId: paula.personaId, firstName: 'Paula' }],
    'the owner holds the one free seat',
  );
});

t.test('start a paid plan, Stripe activates it, change it, see invoices, cancel it', async (t) => {
  const started = await app.inject({
    method: 'POST',
    url: '/v1/subscription',
    headers: as(paula),
    payload: { planCode: 'family' },
  });
  t.equal(started.statusCode, 201);
  const subscription = started.json();
  t.match(subscription, {
    planCode: 'family',
    status: 'incomplete',
    effectivePlanCode: 'free',
    checkoutMetadata: { estate_subscription_id: subscription.subscriptionId },
  });
  const again = await app.inject({
    method: 'POST',
    url: '/v1/subscription',
    headers: as(paula),
    payload: { planCode: 'advisor' },
  });
  t.same([again.statusCode, again.json().code], [409, 'already_subscribed']);
  const unknown = await app.inject({
    method: 'POST',
    url: '/v1/subscription',
    headers: as(quinn),
    payload: { planCode: 'platinum' },
  });
  t.same([unknown.statusCode, unknown.json().code], [404, 'plan_not_found']);

  // Checkout (outside this system) creates the Stripe subscription with checkoutMetadata.
  const customer = stripeId('cus');
  const stripeSubscription = stripeId('sub');
  t.equal(
    await webhook(
      stripeEvent(
        'customer.subscription.created',
        subscriptionObject({
          id: stripeSubscription,
          customer,
          status: 'active',
          estateSubscriptionId: subscription.subscriptionId,
        }),
      ),
    ),
    'applied',
  );
  const active = await app.inject({ method: 'GET', url: '/v1/subscription', headers: as(paula) });
  t.match(active.json(), { planCode: 'family', status: 'active', effectivePlanCode: 'family', stripeLinked: true });
  const second = await app.inject({ method: 'POST', url: '/v1/ffcs', headers: as(paula), payload: { name: 'Second' } });
  t.equal(second.statusCode, 201, 'the family plan allows more circles');

  // Paying more needs Stripe to bill it: the tenant's Stripe price for the plan, then Stripe's event.
  const unpriced = await app.inject({
    method: 'PATCH',
    url: '/v1/subscription',
    headers: as(paula),
    payload: { planCode: 'advisor' },
  });
  t.same([unpriced.statusCode, unpriced.json().code], [409, 'plan_not_billable']);
  await db.asSupport((c) =>
    setTenantPlan.run(
      {
        tenantId: home.tenantId,
        planCode: 'advisor',
        isAvailable: true,
        stripePriceId: 'price_homeAdvisor',
        featureLimits: {},
      },
      c,
    ),
  );
  const read = await app.inject({ method: 'GET', url: '/v1/subscription', headers: as(paula) });
  const etag = read.headers.etag as string;
  t.match(etag, /^W\//, 'the subscription carries an ETag (issue 10)');
  const upgraded = await app.inject({
    method: 'PATCH',
    url: '/v1/subscription',
    headers: { ...as(paula), 'if-match': etag },
    payload: { planCode: 'advisor' },
  });
  t.match(
    upgraded.json(),
    { planCode: 'family', pendingPlanCode: 'advisor', effectivePlanCode: 'family' },
    'asked for, not yet in force',
  );
  const stale = await app.inject({
    method: 'PATCH',
    url: '/v1/subscription',
    headers: { ...as(paula), 'if-match': etag },
    payload: { planCode: 'advisor' },
  });
  t.same([stale.statusCode, stale.json().code], [412, 'precondition_failed'], 'a stale If-Match: 412');
  t.equal(
    await webhook(
      stripeEvent('customer.subscription.updated', {
        ...subscriptionObject({
          id: stripeSubscription,
          customer,
          status: 'active',
          estateSubscriptionId: subscription.subscriptionId,
          priceId: 'price_homeAdvisor',
        }),
      }),
    ),
    'applied',
  );
  const billed = await app.inject({ method: 'GET', url: '/v1/subscription', headers: as(paula) });
  t.match(
    billed.json(),
    { planCode: 'advisor', pendingPlanCode: null, effectivePlanCode: 'advisor' },
    'in force once Stripe bills it',
  );
  const toFree = await app.inject({
    method: 'PATCH',
    url: '/v1/subscription',
    headers: as(paula),
    payload: { planCode: 'free' },
  });
  t.same([toFree.statusCode, toFree.json().code], [409, 'cancel_to_leave_paid_plan']);
  const changes = await app.inject({ method: 'GET', url: '/v1/subscription/changes', headers: as(paula) });
  t.same(
    changes
      .json()
      .items.map((c: { changeKind: string; toPlanCode: string; source: string }) => [
        c.changeKind,
        c.toPlanCode,
        c.source,
      ]),
    [
      ['upgrade', 'advisor', 'stripe'],
      ['upgrade', 'family', 'user'],
      ['assigned', 'free', 'system'],
    ],
  );

  const invoice = stripeId('in');
  await webhook(
    stripeEvent(
      'invoice.finalized',
      invoiceObject({ id: invoice, customer, subscription: stripeSubscription, status: 'open', amountDue: 9900 }),
    ),
  );
  await webhook(
    stripeEvent(
      'payment_intent.succeeded',
      paymentIntentObject({ id: stripeId('pi'), customer, amount: 9900, succeeded: true }),
    ),
  );
  const invoices = await app.inject({ method: 'GET', url: '/v1/invoices', headers: as(paula) });
  t.equal(invoices.statusCode, 200);
  const [listed] = invoices.json().items;
  t.match(listed, { status: 'open', currency: 'USD', amountDue: '99.00', amountPaid: '0.00' });
  const detail = await app.inject({ method: 'GET', url: `/v1/invoices/${listed.invoiceId}`, headers: as(paula) });
  t.match(detail.json(), { invoiceId: listed.invoiceId, hostedInvoiceUrl: /^https:\/\/invoice\.stripe\.com\// });

  // Another user of the same tenant, and a user of another tenant, get the same 404.
  for (const [who, user] of [
    ['a neighbour', quinn],
    ['another tenant', rita],
  ] as const) {
    const res = await app.inject({ method: 'GET', url: `/v1/invoices/${listed.invoiceId}`, headers: as(user) });
    t.same([res.statusCode, res.json().code], [404, 'invoice_not_found'], `${who} cannot read it`);
    t.notMatch(res.body, /99\.00|Paula/, `${who} learns nothing of it`);
    const list = await app.inject({ method: 'GET', url: '/v1/invoices', headers: as(user) });
    t.same(list.json().items, [], `${who} lists none`);
  }
  const malformed = await app.inject({ method: 'GET', url: '/v1/invoices/not-a-uuid', headers: as(paula) });
  t.equal(malformed.statusCode, 400);

  const atEnd = await app.inject({ method: 'POST', url: '/v1/subscription/cancel', headers: as(paula), payload: {} });
  t.match(
    atEnd.json(),
    { planCode: 'advisor', cancelAtPeriodEnd: true, status: 'active' },
    'by default: at the end of the period',
  );
  const now = await app.inject({
    method: 'POST',
    url: '/v1/subscription/cancel',
    headers: as(paula),
    payload: { atPeriodEnd: false },
  });
  t.same([now.statusCode, now.json().code], [409, 'stripe_cancellation_required'], 'Stripe bills it: Stripe ends it');
  t.equal(
    await webhook(
      stripeEvent(
        'customer.subscription.deleted',
        subscriptionObject({
          id: stripeSubscription,
          customer,
          status: 'canceled',
          estateSubscriptionId: subscription.subscriptionId,
          cancelAtPeriodEnd: true,
        }),
      ),
    ),
    'applied',
  );
  const ended = await app.inject({ method: 'GET', url: '/v1/subscription', headers: as(paula) });
  t.match(
    ended.json(),
    { planCode: 'free', status: 'active', effectivePlanCode: 'free' },
    'when it ends: back on the free plan',
  );
  const third = await app.inject({ method: 'POST', url: '/v1/ffcs', headers: as(paula), payload: { name: 'Third' } });
  t.same(
    [third.statusCode, third.json().code],
    [402, 'ffc_limit_reached'],
    'existing circles stay, new ones need a plan',
  );
  const freeCancel = await app.inject({
    method: 'POST',
    url: '/v1/subscription/cancel',
    headers: as(paula),
    payload: { atPeriodEnd: false },
  });
  t.same([freeCancel.statusCode, freeCancel.json().code], [409, 'no_paid_subscription']);
});

t.test('payment methods: tokens with brand and last four, never a card number', async (t) => {
  const card = {
    stripePaymentMethodId: 'pm_1QabcDEF234ghi',
    kind: 'card',
    brand: 'visa',
    last4: '4242',
    expMonth: 12,
    expYear: 2031,
  };
  const added = await app.inject({ method: 'POST', url: '/v1/payment-methods', headers: as(quinn), payload: card });
  t.equal(added.statusCode, 201);
  t.match(added.json().items, [{ brand: 'visa', last4: '4242', isDefault: true }]);
  t.notOk('stripePaymentMethodId' in added.json().items[0], 'the token is not echoed back');

  const refusals: Array<[string, Record<string, unknown>]> = [
    ['a card number as the token', { ...card, stripePaymentMethodId: '4242424242424242' }],
    ['a card number in a pm_ token', { ...card, stripePaymentMethodId: 'pm_4242424242424242' }],
    ['a card number field', { ...card, stripePaymentMethodId: 'pm_OtherToken1', number: '4242424242424242' }],
    ['five digits as last four', { ...card, stripePaymentMethodId: 'pm_OtherToken2', last4: '42424' }],
    ['a CVC', { ...card, stripePaymentMethodId: 'pm_OtherToken3', cvc: '123' }],
  ];
  for (const [name, payload] of refusals) {
    const res = await app.inject({ method: 'POST', url: '/v1/payment-methods', headers: as(quinn), payload });
    t.equal(res.statusCode, 400, `${name} is refused`);
    t.notMatch(res.body, /4242424242424242/, `${name} is not echoed`);
  }
  const expired = await app.inject({
    method: 'POST',
    url: '/v1/payment-methods',
    headers: as(quinn),
    payload: { ...card, stripePaymentMethodId: 'pm_Expired000', expYear: 2020 },
  });
  t.same([expired.statusCode, expired.json().code], [400, 'card_expired']);
  const stored = await db.admin.query(
    "select count(*)::int as n from app.payment_methods where stripe_payment_method_id ~ '[0-9]{12}' or last4 !~ '^[0-9]{4}$'",
  );
  t.equal(stored.rows[0].n, 0, 'no card number anywhere in the table');

  const id = added.json().items[0].paymentMethodId;
  const theirs = await app.inject({ method: 'DELETE', url: `/v1/payment-methods/${id}`, headers: as(rita) });
  t.same([theirs.statusCode, theirs.json().code], [404, 'payment_method_not_found'], 'another tenant cannot remove it');
  const neighbour = await app.inject({ method: 'DELETE', url: `/v1/payment-methods/${id}`, headers: as(paula) });
  t.equal(neighbour.statusCode, 404, 'nor can a neighbour');
  const removed = await app.inject({ method: 'DELETE', url: `/v1/payment-methods/${id}`, headers: as(quinn) });
  t.same([removed.statusCode, removed.json().items], [200, []]);
});
