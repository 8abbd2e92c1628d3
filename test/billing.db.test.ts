// Billing procedures: the free plan at registration, plan limits where circles, seats and assets
// are created (also under racing writers), paid plans that apply only once Stripe says so,
// downgrades and cancellations, per-tenant plan settings, payment methods kept as tokens, and
// invoices that only their owner sees.
import { randomBytes } from 'node:crypto';
import t from 'tap';
import * as assets from '../generated/assets.queries.ts';
import * as billing from '../generated/billing.queries.ts';
import * as ffc from '../generated/family_circles.queries.ts';
import * as identity from '../generated/identity.queries.ts';
import {
  activatePlan,
  deliver,
  invoiceObject,
  newStripeIds,
  stripeEvent,
  stripeId,
  subscriptionObject,
} from '../scripts/lib/stripe_events.ts';
import { inContext } from '../server/plugins/db.ts';
import { makeTenant, makeUser, rejection, testDatabase, type TestUser } from './helpers/db.ts';

const db = await testDatabase(t);
const tenant = await makeTenant(db, 'billing');
const otherTenant = await makeTenant(db, 'rival');
// Tenants whose plan settings support changes: the others keep the platform's defaults.
const raceTenant = await makeTenant(db, 'races');
const partnerTenant = await makeTenant(db, 'partner');

type Client = Parameters<typeof billing.listPlans.run>[1];
const { as } = db;

const mySubscription = async (user: TestUser) =>
  (await as(user, (c) => billing.getMySubscription.run(undefined, c)))[0];
const usage = async (user: TestUser) =>
  Object.fromEntries((await as(user, (c) => billing.calculateUsage.run(undefined, c))).map((row) => [row.metric, row]));
const changes = (user: TestUser) => as(user, (c) => billing.listSubscriptionChanges.run({ limit: 50, offset: 0 }, c));
const newPersona = async (user: TestUser, firstName: string) =>
  (await as(user, (c) => identity.createPersona.run({ firstName, lastName: 'Billing' }, c)))[0].personaId;
const newCircle = (user: TestUser, name: string) => as(user, (c) => ffc.createFfc.run({ name }, c));
const addMember = (user: TestUser, ffcId: string, personaId: string) =>
  as(user, (c) => ffc.addFfcMember.run({ ffcId, personaId, role: 'member' }, c));
const removeMember = (user: TestUser, ffcId: string, personaId: string) =>
  as(user, (c) => ffc.removeFfcMember.run({ ffcId, personaId }, c));
const newAsset = (user: TestUser, name = 'Thing', description?: string) =>
  as(user, (c) =>
    assets.createAsset.run(
      {
        assetType: 'misc',
        categoryCode: 'other',
        name,
        description,
        currency: 'USD',
        ownerPersonaId: user.personaId,
        initialValue: '100.00',
        valuedOn: '2026-01-15',
        details: {},
        ownershipPercentage: '100',
        ownershipForm: 'sole',
        valuationSource: 'manual',
      },
      c,
    ),
  );
const setPlan = (params: Parameters<typeof billing.setTenantPlan.run>[0]) =>
  db.asSupport((c) => billing.setTenantPlan.run(params, c));

/** A number from a query of the superuser pool (the query names it n). */
async function count(sql: string, params: unknown[] = []): Promise<number> {
  const { rows } = await db.admin.query(sql, params);
  return Number(rows[0].n);
}
const circlesOf = (user: TestUser) =>
  count(`select count(*) as n from app.fwd_family_circles where created_by_user_id = $1`, [user.userId]);
const assetsOf = (user: TestUser) =>
  count(`select count(*) as n from app.assets where created_by_user_id = $1`, [user.userId]);
const activeSeatsOf = (user: TestUser) =>
  count(`select count(*) as n from app.subscription_seats where subscriber_user_id = $1 and status = 'active'`, [
    user.userId,
  ]);
const counter = (user: TestUser, metric: string) =>
  count(`select coalesce((select quantity from app.usage_records where user_id = $1 and metric = $2), 0) as n`, [
    user.userId,
    metric,
  ]);

/** A processor token like Stripe's pm_ ids; letters only, so it never looks like a card number. */
const token = () => `pm_${Array.from(randomBytes(16), (b) => String.fromCharCode(97 + (b % 26))).join('')}`;

/** How many of the settled calls succeeded, and the codes of the refused ones. */
function outcomes(results: PromiseSettledResult<unknown>[]) {
  return {
    succeeded: results.filter((r) => r.status === 'fulfilled').length,
    refusals: results
      .filter((r): r is PromiseRejectedResult => r.status === 'rejected')
      .map((r) => `${r.reason.code} ${r.reason.hint}`),
  };
}

const mallory = await makeUser(db, otherTenant, 'Mallory');

// Registration: every user starts on a live free subscription, assigned exactly once.
t.test('registration gives the free plan, once', async (t) => {
  const ann = await makeUser(db, tenant, 'Ann');
  const mine = await mySubscription(ann);
  t.match(mine, {
    planCode: 'free',
    status: 'active',
    effectivePlanCode: 'free',
    stripeLinked: false,
    cancelAtPeriodEnd: false,
    endedAt: null,
  });

  const plans = await as(ann, (c) => billing.listPlans.run(undefined, c));
  t.same(
    plans.map((p) => [p.planCode, p.isCurrent]),
    [
      ['free', true],
      ['family', false],
      ['advisor', false],
      ['advisor_pro', false],
    ],
    'four plans, the free one current',
  );
  t.same(
    plans.map((p) => [p.maxFfcs, p.maxSeats, p.maxAssets]),
    [
      ['1', '1', '25'],
      ['3', '10', '500'],
      ['25', '50', '5000'],
      [null, '250', null],
    ],
    'the seeded limits (NULL = unlimited)',
  );
  t.match(plans[0], { priceAmount: '0.00', billingInterval: null, maxStorageMb: '10' });

  const history = await changes(ann);
  t.same(
    history.map((c) => [c.subscriptionId, c.fromPlanCode, c.toPlanCode, c.changeKind, c.source]),
    [[mine.subscriptionId, null, 'free', 'assigned', 'system']],
  );

  const [again] = await as(ann, (c) => billing.assignFreePlan.run(undefined, c));
  t.match(
    again,
    { subscriptionId: mine.subscriptionId, planCode: 'free', status: 'active' },
    'assigning again returns the same subscription',
  );
  t.equal(
    await count(`select count(*) as n from app.subscriptions where user_id = $1`, [ann.userId]),
    1,
    'no second subscription',
  );
  t.equal((await changes(ann)).length, 1, 'and no second history entry');
});

// Limits are enforced where the work happens; a refused create leaves nothing behind.
t.test('the free plan refuses a second circle, a second seat and a 26th asset', async (t) => {
  const fay = await makeUser(db, tenant, 'Fay');
  const [circle] = await newCircle(fay, 'Fay family');
  t.match(await rejection(newCircle(fay, 'Second')), {
    sqlState: 'PT402',
    code: 'ffc_limit_reached',
    message: /allows 1 family circles/,
  });
  t.equal(await circlesOf(fay), 1, 'the refused circle was not created');
  t.equal(await count(`select count(*) as n from app.fwd_family_circles where name = 'Second'`), 0);

  const kid = await newPersona(fay, 'Kid');
  t.match(
    await rejection(addMember(fay, circle.ffcId, kid)),
    { sqlState: 'PT402', code: 'seat_limit_reached' },
    "the creator's own persona holds the one seat",
  );
  t.equal(
    await count(`select count(*) as n from app.ffc_memberships where ffc_id = $1`, [circle.ffcId]),
    1,
    'no membership was added',
  );
  t.equal(await activeSeatsOf(fay), 1, 'no seat was taken');

  for (let i = 1; i <= 25; i++) await newAsset(fay, `Fay asset ${i}`);
  t.match(await rejection(newAsset(fay, 'Fay asset 26')), { sqlState: 'PT402', code: 'asset_limit_reached' });
  t.equal(await assetsOf(fay), 25, 'the 26th asset was not created');
  t.equal(
    await count(
      `select count(*) as n from app.asset_ownerships o join app.assets a on a.id = o.asset_id where a.name = 'Fay asset 26'`,
    ),
    0,
  );

  const used = await usage(fay);
  for (const metric of ['ffcs', 'seats', 'assets']) {
    t.match(used[metric], { planCode: 'free', remaining: '0' }, `${metric}: nothing remains`);
    t.equal(used[metric].used, used[metric].limit, `${metric}: used equals the limit`);
  }
  t.equal(used.assets.used, '25');
});

// A paid subscription is incomplete (free limits) until Stripe reports it active.
t.test('a paid plan applies once Stripe reports the subscription active', async (t) => {
  const gus = await makeUser(db, tenant, 'Gus');
  const free = await mySubscription(gus);
  await newCircle(gus, 'Gus one');
  const [created] = await as(gus, (c) => billing.createSubscription.run({ planCode: 'family' }, c));
  t.match(created, {
    subscriptionId: free.subscriptionId,
    planCode: 'family',
    status: 'incomplete',
    effectivePlanCode: 'free',
    stripeLinked: false,
  });
  t.match(
    await rejection(newCircle(gus, 'Gus two')),
    { sqlState: 'PT402', code: 'ffc_limit_reached' },
    'incomplete: the free limits still apply',
  );
  t.equal((await usage(gus)).ffcs.planCode, 'free');

  const ids = newStripeIds();
  const event = stripeEvent(
    'customer.subscription.created',
    subscriptionObject({
      id: ids.subscription,
      customer: ids.customer,
      status: 'active',
      estateSubscriptionId: created.subscriptionId,
    }),
  );
  t.equal((await deliver(db.api, event)).outcome, 'applied');
  t.match(await mySubscription(gus), {
    subscriptionId: created.subscriptionId,
    planCode: 'family',
    status: 'active',
    effectivePlanCode: 'family',
    stripeLinked: true,
  });
  t.ok((await mySubscription(gus)).currentPeriodEnd instanceof Date, 'the period comes from Stripe');
  await newCircle(gus, 'Gus two');
  await newCircle(gus, 'Gus three');
  t.match(
    await rejection(newCircle(gus, 'Gus four')),
    { sqlState: 'PT402', code: 'ffc_limit_reached', message: /allows 3 family circles/ },
    "the family plan's limit of 3 applies",
  );
  t.match(await usage(gus), { ffcs: { used: '3', limit: '3', planCode: 'family' }, seats: { limit: '10' } });

  t.match(await rejection(as(gus, (c) => billing.createSubscription.run({ planCode: 'advisor' }, c))), {
    sqlState: 'PT409',
    code: 'already_subscribed',
  });
  t.match(await rejection(as(gus, (c) => billing.createSubscription.run({ planCode: 'free' }, c))), {
    sqlState: 'PT409',
    code: 'already_subscribed',
  });
  t.match(await rejection(as(gus, (c) => billing.upgradeSubscription.run({ planCode: 'family' }, c))), {
    sqlState: 'PT409',
    code: 'already_on_plan',
  });
  t.match(await rejection(as(gus, (c) => billing.upgradeSubscription.run({ planCode: 'free' }, c))), {
    sqlState: 'PT409',
    code: 'cancel_to_leave_paid_plan',
  });
  t.match(await rejection(as(gus, (c) => billing.upgradeSubscription.run({ planCode: 'platinum' }, c))), {
    sqlState: 'PT404',
    code: 'plan_not_found',
  });
  const hal = await makeUser(db, tenant, 'Hal');
  t.match(await rejection(as(hal, (c) => billing.createSubscription.run({ planCode: 'platinum' }, c))), {
    sqlState: 'PT404',
    code: 'plan_not_found',
  });
  t.match(
    await rejection(as(hal, (c) => billing.upgradeSubscription.run({ planCode: 'family' }, c))),
    { sqlState: 'PT409', code: 'no_paid_subscription' },
    'a free user creates a subscription rather than changing one',
  );
  t.equal((await mySubscription(gus)).planCode, 'family', 'the refusals changed nothing');
});

// Moving to a smaller plan is refused while more is in use than it allows.
t.test('downgrades are refused above the smaller plan, accepted when everything fits', async (t) => {
  const ola = await makeUser(db, tenant, 'Ola', 'advisor');
  for (let i = 1; i <= 4; i++) await newCircle(ola, `Ola ${i}`);
  const refused = await rejection(as(ola, (c) => billing.upgradeSubscription.run({ planCode: 'family' }, c)));
  t.match(refused, {
    sqlState: 'PT409',
    code: 'downgrade_exceeds_limits',
    message: /4 family circles in use, the plan allows 3/,
  });
  t.match(await mySubscription(ola), { planCode: 'advisor', effectivePlanCode: 'advisor' }, 'the plan is unchanged');

  const pia = await makeUser(db, tenant, 'Pia');
  const piaStripe = await activatePlan(db.api, tenant, pia.sub, 'advisor');
  await newCircle(pia, 'Pia');
  t.match(
    (await as(pia, (c) => billing.upgradeSubscription.run({ planCode: 'family' }, c)))[0],
    { planCode: 'family', effectivePlanCode: 'family', status: 'active' },
    'a downgrade that fits is in force at once',
  );
  // An upgrade is in force once Stripe bills it: it needs the tenant's Stripe price for the plan.
  t.match(await rejection(as(pia, (c) => billing.upgradeSubscription.run({ planCode: 'advisor_pro' }, c))), {
    sqlState: 'PT409',
    code: 'plan_not_billable',
  });
  await setPlan({
    tenantId: tenant,
    planCode: 'advisor_pro',
    isAvailable: true,
    stripePriceId: 'price_billingAdvisorPro',
    featureLimits: {},
  });
  t.match(
    (await as(pia, (c) => billing.upgradeSubscription.run({ planCode: 'advisor_pro' }, c)))[0],
    { planCode: 'family', pendingPlanCode: 'advisor_pro', effectivePlanCode: 'family' },
    'asked for, not in force',
  );
  t.equal((await usage(pia)).ffcs.limit, '3', 'the family limits still apply');
  const billed = stripeEvent(
    'customer.subscription.updated',
    subscriptionObject({
      id: piaStripe.subscription,
      customer: piaStripe.customer,
      status: 'active',
      estateSubscriptionId: piaStripe.subscriptionId,
      priceId: 'price_billingAdvisorPro',
    }),
    Math.floor(Date.now() / 1000) + 1,
  );
  t.equal((await deliver(db.api, billed)).outcome, 'applied');
  t.match(
    await mySubscription(pia),
    { planCode: 'advisor_pro', pendingPlanCode: null, effectivePlanCode: 'advisor_pro' },
    'in force once Stripe bills it',
  );
  t.same(
    (await changes(pia)).map((c) => [c.fromPlanCode, c.toPlanCode, c.changeKind, c.source]),
    [
      ['family', 'advisor_pro', 'upgrade', 'stripe'],
      ['advisor', 'family', 'downgrade', 'user'],
      ['free', 'advisor', 'upgrade', 'user'],
      [null, 'free', 'assigned', 'system'],
    ],
    'the history, newest first',
  );
  t.equal((await usage(pia)).ffcs.limit, null, 'advisor_pro: unlimited circles');
});

// Canceling now reverts to free (data kept, free limits); at period end keeps the plan until then.
t.test('cancel now or at the period end; the free plan cannot be canceled', async (t) => {
  const cal = await makeUser(db, tenant, 'Cal');
  const calStripe = await activatePlan(db.api, tenant, cal.sub, 'family');
  const [calOne] = await newCircle(cal, 'Cal one');
  await newCircle(cal, 'Cal two');
  const paid = await mySubscription(cal);
  // Stripe bills it: ending it here first would leave Stripe charging for nothing.
  t.match(await rejection(as(cal, (c) => billing.cancelSubscription.run({ atPeriodEnd: false }, c))), {
    sqlState: 'PT409',
    code: 'stripe_cancellation_required',
  });
  t.match(
    await mySubscription(cal),
    { subscriptionId: paid.subscriptionId, planCode: 'family', status: 'active' },
    'unchanged',
  );
  // Canceled in Stripe: its deleted event ends it here.
  t.equal(
    (
      await deliver(
        db.api,
        stripeEvent(
          'customer.subscription.deleted',
          subscriptionObject({
            id: calStripe.subscription,
            customer: calStripe.customer,
            status: 'canceled',
            estateSubscriptionId: calStripe.subscriptionId,
            canceledAt: Math.floor(Date.now() / 1000),
          }),
          Math.floor(Date.now() / 1000) + 1,
        ),
      )
    ).outcome,
    'applied',
  );
  const now = await mySubscription(cal);
  t.match(now, { planCode: 'free', status: 'active', effectivePlanCode: 'free', stripeLinked: false });
  t.not(now.subscriptionId, paid.subscriptionId, 'a new free subscription is the live one');
  const {
    rows: [old],
  } = await db.admin.query(`select status, ended_at, canceled_at from app.subscriptions where id = $1`, [
    paid.subscriptionId,
  ]);
  t.ok(old.status === 'canceled' && old.ended_at && old.canceled_at, 'the paid subscription ended');
  t.equal(
    await count(`select count(*) as n from app.subscriptions where user_id = $1 and ended_at is null`, [cal.userId]),
    1,
    'one live subscription',
  );
  t.equal(await circlesOf(cal), 2, 'both circles are kept');
  t.match(
    await rejection(newCircle(cal, 'Cal three')),
    { sqlState: 'PT402', code: 'ffc_limit_reached' },
    'but no more than the free plan allows',
  );
  t.match(await rejection(addMember(cal, calOne.ffcId, await newPersona(cal, 'Cal kid'))), {
    sqlState: 'PT402',
    code: 'seat_limit_reached',
  });
  // Both recorded in the cancelling transaction, in order (the history's clock is the wall clock).
  t.same(
    (await changes(cal)).slice(0, 2).map((c) => [c.fromPlanCode, c.toPlanCode, c.changeKind, c.source]),
    [
      [null, 'free', 'reverted_to_free', 'stripe'],
      ['family', 'family', 'canceled', 'stripe'],
    ],
    'the history records the cancellation, then the return to free',
  );

  const dee = await makeUser(db, tenant, 'Dee');
  const stripe = await activatePlan(db.api, tenant, dee.sub, 'family');
  const [later] = await as(dee, (c) => billing.cancelSubscription.run({ atPeriodEnd: true }, c));
  t.match(later, {
    subscriptionId: stripe.subscriptionId,
    planCode: 'family',
    status: 'active',
    effectivePlanCode: 'family',
    cancelAtPeriodEnd: true,
    endedAt: null,
  });
  t.ok(later?.canceledAt instanceof Date, 'the cancellation is recorded');
  t.equal((await usage(dee)).ffcs.limit, '3', 'the family limits apply until the period ends');
  // When the period ends Stripe deletes the subscription: then the free plan applies.
  const deleted = stripeEvent(
    'customer.subscription.deleted',
    subscriptionObject({
      id: stripe.subscription,
      customer: stripe.customer,
      status: 'canceled',
      cancelAtPeriodEnd: true,
      estateSubscriptionId: stripe.subscriptionId,
    }),
    Math.floor(Date.now() / 1000) + 1,
  );
  t.equal((await deliver(db.api, deleted)).outcome, 'applied');
  t.match(await mySubscription(dee), { planCode: 'free', effectivePlanCode: 'free', stripeLinked: false });
  t.not((await mySubscription(dee)).subscriptionId, stripe.subscriptionId);

  // Not linked to Stripe (still incomplete): nothing to wait for, it ends now.
  const eve = await makeUser(db, tenant, 'Eve');
  const [incomplete] = await as(eve, (c) => billing.createSubscription.run({ planCode: 'advisor' }, c));
  const returned = await as(eve, (c) => billing.cancelSubscription.run({ atPeriodEnd: true }, c));
  const eveNow = await mySubscription(eve);
  t.match(eveNow, { planCode: 'free', cancelAtPeriodEnd: false });
  t.not(eveNow.subscriptionId, incomplete.subscriptionId);
  t.same(
    returned.map((r) => [r.subscriptionId, r.planCode, r.status]),
    [[eveNow.subscriptionId, 'free', 'active']],
    'the call returns the new free subscription',
  );

  for (const atPeriodEnd of [true, false]) {
    t.match(await rejection(as(eve, (c) => billing.cancelSubscription.run({ atPeriodEnd }, c))), {
      sqlState: 'PT409',
      code: 'no_paid_subscription',
    });
  }
});

// Racing writers cannot together pass a limit: seats, circles and assets are counted under a lock.
t.test('concurrent adds never pass the seat, circle or asset limit', async (t) => {
  const sam = await makeUser(db, tenant, 'Sam', 'family');
  const [a] = await newCircle(sam, 'Sam A');
  const [b] = await newCircle(sam, 'Sam B');
  for (let i = 0; i < 8; i++) await addMember(sam, (i % 2 ? a : b).ffcId, await newPersona(sam, `Seated${i}`));
  t.equal(await activeSeatsOf(sam), 9, 'nine of ten seats taken (Sam holds one)');
  const latecomers = await Promise.all([0, 1, 2, 3, 4, 5].map((i) => newPersona(sam, `Late${i}`)));
  // Across both circles: each circle's own lock does not serialise these, only the seat counter does.
  const seats = outcomes(await Promise.allSettled(latecomers.map((p, i) => addMember(sam, (i % 2 ? a : b).ffcId, p))));
  t.equal(seats.succeeded, 1, 'exactly one seat was left');
  t.same(seats.refusals, Array(5).fill('PT402 seat_limit_reached'), 'the others are refused');
  t.equal(await activeSeatsOf(sam), 10, 'ten active seats');
  t.equal(await counter(sam, 'seats'), 10, 'the seat counter agrees');
  t.equal(
    await count(
      `select count(distinct m.persona_id) as n from app.ffc_memberships m join app.fwd_family_circles c on c.id = m.ffc_id
                        where c.created_by_user_id = $1 and m.status = 'active'`,
      [sam.userId],
    ),
    10,
    'ten people are in his circles',
  );

  const circles = outcomes(await Promise.allSettled([1, 2, 3, 4, 5].map((i) => newCircle(sam, `Sam race ${i}`))));
  t.equal(circles.succeeded, 1, 'one circle fits beside the two (the family plan allows 3)');
  t.same(circles.refusals, Array(4).fill('PT402 ffc_limit_reached'));
  t.equal(await circlesOf(sam), 3);
  t.equal(await counter(sam, 'ffcs'), 3);

  // A new user has no counter row yet: the first circles race to create it.
  const newcomer = await makeUser(db, tenant, 'Newcomer');
  const first = outcomes(await Promise.allSettled([1, 2, 3, 4].map((i) => newCircle(newcomer, `Newcomer ${i}`))));
  t.equal(first.succeeded, 1, 'a free user gets one circle however many are asked for at once');
  t.same(first.refusals, Array(3).fill('PT402 ffc_limit_reached'));
  t.equal(await circlesOf(newcomer), 1);
  t.equal(await counter(newcomer, 'ffcs'), 1);

  await setPlan({ tenantId: raceTenant, planCode: 'free', isAvailable: true, featureLimits: { max_assets: 3 } });
  const rae = await makeUser(db, raceTenant, 'Rae');
  await newAsset(rae, 'Rae first');
  const created = outcomes(await Promise.allSettled([1, 2, 3, 4, 5, 6].map((i) => newAsset(rae, `Rae race ${i}`))));
  t.equal(created.succeeded, 2, 'two assets fit beside the first (the tenant allows 3)');
  t.same(created.refusals, Array(4).fill('PT402 asset_limit_reached'));
  t.equal(await assetsOf(rae), 3);
  t.equal(await counter(rae, 'assets'), 3);
});

// A downgrade and a new circle racing each other never leave a plan with more than it allows.
t.test('a downgrade racing a new circle never ends over the limit', async (t) => {
  const overLimit: string[] = [];
  for (let round = 0; round < 4; round++) {
    const user = await makeUser(db, tenant, `Racer${round}`, 'advisor');
    for (let i = 1; i <= 3; i++) await newCircle(user, `Racer${round} ${i}`);
    const [downgrade, circle] = await Promise.allSettled([
      as(user, (c) => billing.upgradeSubscription.run({ planCode: 'family' }, c)),
      newCircle(user, `Racer${round} 4`),
    ]);
    const plan = (await mySubscription(user)).planCode;
    const circles = await circlesOf(user);
    if (plan === 'family' && circles > 3) overLimit.push(`round ${round}: family plan with ${circles} circles`);
    t.ok(
      downgrade.status === 'fulfilled' || (downgrade.reason.hint === 'downgrade_exceeds_limits' && circles === 4),
      `round ${round}: a refused downgrade means the fourth circle came first`,
    );
    t.ok(
      circle.status === 'fulfilled' || (circle.reason.hint === 'ffc_limit_reached' && plan === 'family'),
      `round ${round}: a refused circle means the downgrade came first`,
    );
    t.equal(await counter(user, 'ffcs'), circles, `round ${round}: the counter is true`);
  }
  t.same(overLimit, [], 'no round ends with more circles than the plan allows');
});

// Seats are per person and subscriber: a second circle costs nothing, leaving the last frees it.
t.test("a person in two of the same subscriber's circles holds one seat", async (t) => {
  const tia = await makeUser(db, tenant, 'Tia', 'family');
  const [a] = await newCircle(tia, 'Tia A');
  const [b] = await newCircle(tia, 'Tia B');
  const gran = await newPersona(tia, 'Gran');
  await addMember(tia, a.ffcId, gran);
  await addMember(tia, b.ffcId, gran);
  t.equal(await counter(tia, 'seats'), 2, 'Tia and Gran');
  const listed = await as(tia, (c) => billing.listSubscriptionSeats.run(undefined, c));
  t.same(
    listed.map((s) => [s.personaId, s.firstFfcId]).sort(),
    [
      [tia.personaId, a.ffcId],
      [gran, a.ffcId],
    ].sort(),
    'Gran is listed once, from the first circle',
  );

  await removeMember(tia, a.ffcId, gran);
  t.equal(await counter(tia, 'seats'), 2, 'still in circle B: the seat is kept');
  t.equal(
    await count(`select count(*) as n from app.subscription_seats where persona_id = $1 and status = 'active'`, [gran]),
    1,
  );
  await removeMember(tia, b.ffcId, gran);
  t.equal(await counter(tia, 'seats'), 1, 'in none of her circles: the seat is freed');
  t.equal(
    await count(`select count(*) as n from app.subscription_seats where persona_id = $1 and status = 'active'`, [gran]),
    0,
  );
  t.equal((await usage(tia)).seats.used, '1');

  await addMember(tia, b.ffcId, gran);
  t.equal(await counter(tia, 'seats'), 2, 'coming back takes a seat again');
  t.equal(await activeSeatsOf(tia), 2);
});

// The usage counters kept by triggers equal a recount from the tables after creates, edits and deletes.
t.test('usage counters match a recount from the tables', async (t) => {
  const uma = await makeUser(db, tenant, 'Uma', 'advisor');
  const [home] = await newCircle(uma, 'Uma home');
  await newCircle(uma, 'Uma work');
  const kid = await newPersona(uma, 'UmaKid');
  await addMember(uma, home.ffcId, kid);
  // Long descriptions make rows PostgreSQL compresses (repetitive) or stores at full size (varied).
  const repetitive = Array.from({ length: 400 }, (_, i) => `word${i % 37}`)
    .join(' ')
    .slice(0, 2000);
  const varied = Array.from({ length: 300 }, (_, i) => `w${(i * 7919) % 10007}x`)
    .join(' ')
    .slice(0, 2000);
  const created: string[] = [];
  for (const description of [undefined, repetitive, varied, undefined, repetitive, varied]) {
    created.push((await newAsset(uma, `Uma asset ${created.length}`, description))[0].assetId);
  }
  await as(uma, (c) => assets.deleteAsset.run({ assetId: created[0] }, c));
  await as(uma, (c) => assets.deleteAsset.run({ assetId: created[1] }, c));
  await as(uma, (c) => assets.updateAsset.run({ assetId: created[3], description: varied }, c));
  await as(uma, (c) => assets.updateAsset.run({ assetId: created[4], description: 'short now' }, c));
  await removeMember(uma, home.ffcId, kid);

  const {
    rows: [recount],
  } = await db.admin.query(
    `
    select (select count(*) from app.fwd_family_circles c where c.created_by_user_id = $1) as ffcs,
           (select count(distinct m.persona_id) from app.ffc_memberships m join app.fwd_family_circles c on c.id = m.ffc_id
             where c.created_by_user_id = $1 and m.status = 'active') as seats,
           (select count(*) from app.assets a where a.created_by_user_id = $1) as assets,
           (select coalesce(sum(pg_column_size(a.*)), 0) from app.assets a where a.created_by_user_id = $1) as storage_bytes`,
    [uma.userId],
  );
  const used = await usage(uma);
  t.same(
    Object.fromEntries(['ffcs', 'seats', 'assets'].map((m) => [m, used[m].used])),
    { ffcs: '2', seats: '1', assets: '4' },
    'what the user sees',
  );
  for (const metric of ['ffcs', 'seats', 'assets', 'storage_bytes']) {
    t.equal(String(await counter(uma, metric)), String(recount[metric]), `${metric}: the counter equals the recount`);
  }
  t.equal(await activeSeatsOf(uma), Number(recount.seats), 'the seat rows agree with the memberships');
  t.equal(used.storage_bytes.used, String(recount.storage_bytes), 'the user sees the true storage');
});

// Support sets a tenant's prices, Stripe prices, limits and offer; only that tenant sees them.
t.test('per-tenant plan settings: only support sets them, only that tenant sees them', async (t) => {
  const [family] = await setPlan({
    tenantId: partnerTenant,
    planCode: 'family',
    isAvailable: true,
    priceAmount: '9.00',
    currency: 'EUR',
    stripePriceId: 'price_partnerFamily',
    featureLimits: { max_assets: 100, max_ffcs: null },
  });
  t.match(family, {
    planCode: 'family',
    priceAmount: '9.00',
    currency: 'EUR',
    stripePriceId: 'price_partnerFamily',
    maxAssets: '100',
    maxFfcs: null,
    maxSeats: '10',
  });
  await setPlan({ tenantId: partnerTenant, planCode: 'advisor_pro', isAvailable: false, featureLimits: {} });

  const pat = await makeUser(db, partnerTenant, 'Pat');
  const theirs = await as(pat, (c) => billing.listPlans.run(undefined, c));
  t.same(
    theirs.map((p) => p.planCode),
    ['free', 'family', 'advisor'],
    'an unavailable plan is not listed',
  );
  t.match(theirs[1], { priceAmount: '9.00', currency: 'EUR', maxAssets: '100', maxFfcs: null });
  const ours = await as(await makeUser(db, tenant, 'Oz'), (c) => billing.listPlans.run(undefined, c));
  t.match(
    ours.find((p) => p.planCode === 'family'),
    { priceAmount: '19.00', currency: 'USD', maxAssets: '500', maxFfcs: '3' },
    'other tenants keep the defaults',
  );
  t.equal(ours.length, 4);
  t.equal(ours[0].maxAssets, '25', "another tenant's limit of 3 free assets is not ours");
  t.match(await rejection(as(pat, (c) => billing.createSubscription.run({ planCode: 'advisor_pro' }, c))), {
    sqlState: 'PT404',
    code: 'plan_not_found',
  });

  // The tenant's Stripe price leads Stripe's subscription to the plan.
  const [started] = await as(pat, (c) => billing.createSubscription.run({ planCode: 'advisor' }, c));
  const ids = newStripeIds();
  await deliver(
    db.api,
    stripeEvent(
      'customer.subscription.created',
      subscriptionObject({
        id: ids.subscription,
        customer: ids.customer,
        status: 'active',
        estateSubscriptionId: started.subscriptionId,
        priceId: 'price_partnerFamily',
      }),
    ),
  );
  t.match(await mySubscription(pat), { planCode: 'family', status: 'active', priceAmount: '9.00' });
  t.match((await changes(pat))[0], {
    fromPlanCode: 'advisor',
    toPlanCode: 'family',
    changeKind: 'downgrade',
    source: 'stripe',
  });
  for (let i = 1; i <= 4; i++) await newCircle(pat, `Pat ${i}`);
  t.equal(await circlesOf(pat), 4, "the tenant's family plan has no circle limit: enforced as listed");

  // Limits apply to every metric: no storage at all leaves no room for an asset.
  await setPlan({ tenantId: partnerTenant, planCode: 'free', isAvailable: true, featureLimits: { max_storage_mb: 0 } });
  const ray = await makeUser(db, partnerTenant, 'Ray');
  t.match(await rejection(newAsset(ray)), { sqlState: 'PT402', code: 'storage_limit_reached' });
  t.equal(await assetsOf(ray), 0);

  // One Stripe price leads to one plan of a tenant.
  const taken = await rejection(
    setPlan({
      tenantId: partnerTenant,
      planCode: 'advisor',
      isAvailable: true,
      stripePriceId: 'price_partnerFamily',
      featureLimits: {},
    }),
  );
  t.match(
    taken,
    { sqlState: 'PT409', code: 'stripe_price_taken' },
    'a Stripe price already used by another plan of the tenant is refused',
  );

  const invalid: Array<[Partial<Parameters<typeof setPlan>[0]>, string, string]> = [
    [{ stripePriceId: 'prod_123' }, 'PT400', 'invalid_stripe_price'],
    [{ featureLimits: { max_widgets: 1 } }, 'PT400', 'invalid_feature_limits'],
    [{ featureLimits: { max_assets: -1 } }, 'PT400', 'invalid_feature_limits'],
    [{ featureLimits: { max_assets: 1.5 } }, 'PT400', 'invalid_feature_limits'],
    [{ featureLimits: { max_assets: '10' } }, 'PT400', 'invalid_feature_limits'],
    // As JSON text: node-postgres would send a JavaScript array as a PostgreSQL array literal.
    [{ featureLimits: '[]' }, 'PT400', 'invalid_feature_limits'],
    [{ priceAmount: '-1.00', currency: 'USD' }, 'PT400', 'invalid_price'],
    [{ priceAmount: '5.00' }, 'PT400', 'invalid_price'],
    [{ priceAmount: '5.00', currency: 'usd' }, 'PT400', 'invalid_price'],
    // In the currency's own decimals, never rounded silently.
    [{ priceAmount: '9.995', currency: 'USD' }, 'PT400', 'invalid_price'],
    [{ priceAmount: '1900.5', currency: 'JPY' }, 'PT400', 'invalid_price'],
    [{ planCode: 'free', isAvailable: false }, 'PT400', 'invalid_plan_settings'],
    [{ planCode: 'free', priceAmount: '1.00', currency: 'USD' }, 'PT400', 'invalid_plan_settings'],
    [{ planCode: 'platinum' }, 'PT404', 'plan_not_found'],
    [{ tenantId: crypto.randomUUID() }, 'PT404', 'tenant_not_found'],
  ];
  for (const [change, sqlState, code] of invalid) {
    const params = { tenantId: partnerTenant, planCode: 'family', isAvailable: true, featureLimits: {}, ...change };
    t.match(await rejection(setPlan(params)), { sqlState, code }, `${JSON.stringify(change)} is refused`);
  }
  t.match(
    (await as(pat, (c) => billing.listPlans.run(undefined, c)))[1],
    { priceAmount: '9.00', maxAssets: '100' },
    'the refusals changed nothing',
  );

  const call = (c: Client) =>
    billing.setTenantPlan.run(
      {
        tenantId: partnerTenant,
        planCode: 'family',
        isAvailable: true,
        priceAmount: '0.00',
        currency: 'USD',
        featureLimits: {},
      },
      c,
    );
  t.equal((await rejection(as(pat, call))).sqlState, '42501', 'a user cannot call it');
  t.equal(
    (await rejection(db.withContext({ tenantId: null, actorKind: 'support', actorId: 'staff', requestId: 'r' }, call)))
      .sqlState,
    '42501',
    'the tenant-traffic role cannot, even claiming to be support',
  );
  t.match(
    await rejection(
      inContext(db.support, { tenantId: null, actorKind: 'user', actorId: 'someone', requestId: 'r' }, call),
    ),
    { sqlState: '42501', code: 'support_context_missing' },
    'a support login acting as a user cannot',
  );
  t.match(
    await rejection(inContext(db.support, { tenantId: null, actorKind: 'support', actorId: '', requestId: 'r' }, call)),
    { sqlState: '42501', code: 'support_context_missing' },
    'an unnamed operator cannot',
  );
  t.match(
    (await as(pat, (c) => billing.listPlans.run(undefined, c)))[1],
    { priceAmount: '9.00' },
    'the price is unchanged',
  );
});

// Payment methods are the processor's tokens with brand and last four, never a card number.
t.test('payment methods: tokens only, one default, owner only, at most ten', async (t) => {
  const pam = await makeUser(db, tenant, 'Pam');
  const quin = await makeUser(db, tenant, 'Quin');
  const year = new Date().getUTCFullYear() + 2;
  const card = { kind: 'card', brand: 'visa', last4: '4242', expMonth: 12, expYear: year, makeDefault: false };
  const add = (user: TestUser, overrides: Partial<Parameters<typeof billing.addPaymentMethod.run>[0]> = {}) =>
    as(user, (c) => billing.addPaymentMethod.run({ ...card, stripePaymentMethodId: token(), ...overrides }, c));
  const list = (user: TestUser) => as(user, (c) => billing.listPaymentMethods.run(undefined, c));
  const defaults = async (user: TestUser) =>
    (await list(user)).filter((m) => m.isDefault).map((m) => m.paymentMethodId);

  const firstToken = token();
  const [first] = await add(pam, { stripePaymentMethodId: firstToken });
  t.match(
    first,
    { kind: 'card', brand: 'visa', last4: '4242', expMonth: 12, expYear: year, isDefault: true },
    'the first is the default',
  );
  const second = (await add(pam, { last4: '1111', makeDefault: true })).find((m) => m.last4 === '1111')!;
  t.same(await defaults(pam), [second.paymentMethodId], 'made default, it is the only default');
  const third = (await add(pam, { last4: '2222', brand: 'mastercard' })).find((m) => m.last4 === '2222')!;
  t.same(await defaults(pam), [second.paymentMethodId], 'added without makeDefault, the default stays');

  const refused: Array<[Partial<Parameters<typeof billing.addPaymentMethod.run>[0]>, string, string]> = [
    [{ stripePaymentMethodId: '4242424242424242' }, 'PT400', 'invalid_payment_method_token'],
    [{ stripePaymentMethodId: 'pm_4242424242424242' }, 'PT400', 'invalid_payment_method_token'],
    [{ stripePaymentMethodId: 'pm_card4242 4242 4242 4242' }, 'PT400', 'invalid_payment_method_token'],
    [{ last4: '12345' }, 'PT400', 'invalid_last4'],
    [{ last4: '42a2' }, 'PT400', 'invalid_last4'],
    [{ expMonth: 1, expYear: 2020 }, 'PT400', 'card_expired'],
    [{ expMonth: 13 }, 'PT400', 'invalid_expiry'],
    [{ kind: 'iban' }, 'PT400', 'invalid_payment_method_kind'],
    [{ stripePaymentMethodId: 'pm_' }, 'PT400', 'invalid_payment_method_token'],
    [{ stripePaymentMethodId: firstToken }, 'PT409', 'payment_method_exists'],
  ];
  for (const [overrides, sqlState, code] of refused) {
    t.match(await rejection(add(pam, overrides)), { sqlState, code }, `${JSON.stringify(overrides)} is refused`);
  }
  t.equal((await list(pam)).length, 3, 'the refusals stored nothing');

  const after = await as(pam, (c) => billing.removePaymentMethod.run({ paymentMethodId: second.paymentMethodId }, c));
  t.same(
    after.map((m) => [m.paymentMethodId, m.isDefault]),
    [
      [third.paymentMethodId, true],
      [first.paymentMethodId, false],
    ],
    'removing the default makes the newest remaining one the default',
  );

  const [quins] = await add(quin);
  const [theirs] = await add(mallory);
  for (const [owner, id] of [
    ['a user of the same tenant', quins.paymentMethodId],
    ['another tenant', theirs.paymentMethodId],
  ]) {
    t.match(
      await rejection(as(pam, (c) => billing.removePaymentMethod.run({ paymentMethodId: id }, c))),
      { sqlState: 'PT404', code: 'payment_method_not_found' },
      `a method of ${owner} is not found`,
    );
    const {
      rows: [row],
    } = await db.admin.query(`select status, is_default from app.payment_methods where id = $1`, [id]);
    t.same(row, { status: 'active', is_default: true }, `the method of ${owner} is untouched`);
  }
  t.match(
    await rejection(as(pam, (c) => billing.removePaymentMethod.run({ paymentMethodId: second.paymentMethodId }, c))),
    { code: 'payment_method_not_found' },
    'a removed method cannot be removed again',
  );

  for (let i = 0; i < 8; i++) await add(pam);
  t.equal((await list(pam)).length, 10);
  t.match(await rejection(add(pam)), { sqlState: 'PT409', code: 'too_many_payment_methods' }, 'the 11th is refused');

  const { rows: columns } = await db.admin.query(
    `select column_name from information_schema.columns where table_schema = 'app' and table_name = 'payment_methods' order by column_name`,
  );
  t.same(
    columns.map((c) => c.column_name).sort(),
    [
      'brand',
      'created_at',
      'exp_month',
      'exp_year',
      'id',
      'is_default',
      'kind',
      'last4',
      'removed_at',
      'status',
      'stripe_payment_method_id',
      'tenant_id',
      'updated_at',
      'user_id',
    ].sort(),
    'no column for a card number or security code',
  );
  t.equal(
    await count(`select count(*) as n from information_schema.columns where table_schema = 'app'
                        and column_name ~ '(card_?number|^pan$|cvc|cvv|security_code|account_number|routing_number|iban)'`),
    0,
    'no table has a column for card or account numbers',
  );
  t.equal(
    await count(
      `select count(*) as n from app.payment_methods where length(last4) <> 4 or stripe_payment_method_id ~ '[0-9]{12}'`,
    ),
    0,
  );
});

// Invoices reach only their subscriber: not another tenant, not a neighbour, not a call without context.
t.test('no one but the subscriber sees an invoice', async (t) => {
  const ivy = await makeUser(db, tenant, 'Ivy');
  const neighbour = await makeUser(db, tenant, 'Ned');
  const stripe = await activatePlan(db.api, tenant, ivy.sub, 'family');
  const finalized = stripeEvent(
    'invoice.finalized',
    invoiceObject({
      id: stripeId('in'),
      customer: stripe.customer,
      subscription: stripe.subscription,
      status: 'open',
      amountDue: 1900,
    }),
  );
  t.equal((await deliver(db.api, finalized)).outcome, 'applied');

  const listed = await as(ivy, (c) => billing.listInvoices.run({ limit: 50, offset: 0 }, c));
  t.same(
    listed.map((i) => [i.subscriptionId, i.status, i.currency, i.amountDue]),
    [[stripe.subscriptionId, 'open', 'USD', '19.00']],
  );
  const invoiceId = listed[0].invoiceId;
  t.match((await as(ivy, (c) => billing.getInvoice.run({ invoiceId }, c)))[0], {
    invoiceId,
    amountDue: '19.00',
    payments: [],
  });

  for (const [who, user] of [
    ['another tenant', mallory],
    ['a user of the same tenant', neighbour],
  ] as const) {
    t.match(
      await rejection(as(user, (c) => billing.getInvoice.run({ invoiceId }, c))),
      { sqlState: 'PT404', code: 'invoice_not_found' },
      `${who} cannot read it`,
    );
    t.same(await as(user, (c) => billing.listInvoices.run({ limit: 50, offset: 0 }, c)), [], `${who} lists no invoice`);
  }
  // Without a tenant in the context every user procedure refuses, before reading anything.
  const noTenant = { tenantId: null, actorKind: 'user' as const, actorId: ivy.sub, requestId: 'r' };
  const userCalls: Array<[string, (c: Client) => Promise<unknown>]> = [
    ['getInvoice', (c) => billing.getInvoice.run({ invoiceId }, c)],
    ['listInvoices', (c) => billing.listInvoices.run({ limit: 50, offset: 0 }, c)],
    ['getMySubscription', (c) => billing.getMySubscription.run(undefined, c)],
    ['listPlans', (c) => billing.listPlans.run(undefined, c)],
    ['assignFreePlan', (c) => billing.assignFreePlan.run(undefined, c)],
    ['createSubscription', (c) => billing.createSubscription.run({ planCode: 'advisor' }, c)],
    ['upgradeSubscription', (c) => billing.upgradeSubscription.run({ planCode: 'advisor' }, c)],
    ['cancelSubscription', (c) => billing.cancelSubscription.run({ atPeriodEnd: false }, c)],
    ['listSubscriptionChanges', (c) => billing.listSubscriptionChanges.run({ limit: 50, offset: 0 }, c)],
    ['listSubscriptionSeats', (c) => billing.listSubscriptionSeats.run(undefined, c)],
    ['calculateUsage', (c) => billing.calculateUsage.run(undefined, c)],
    ['listPaymentMethods', (c) => billing.listPaymentMethods.run(undefined, c)],
    [
      'addPaymentMethod',
      (c) =>
        billing.addPaymentMethod.run(
          {
            stripePaymentMethodId: token(),
            kind: 'card',
            brand: 'visa',
            last4: '4242',
            expMonth: 12,
            expYear: 2099,
            makeDefault: true,
          },
          c,
        ),
    ],
    ['removePaymentMethod', (c) => billing.removePaymentMethod.run({ paymentMethodId: invoiceId }, c)],
  ];
  for (const [name, call] of userCalls) {
    t.match(
      await rejection(db.withContext(noTenant, call)),
      { sqlState: '42501', code: 'tenant_context_missing' },
      `${name} without a tenant`,
    );
  }
  const noUser = { tenantId: tenant, actorKind: 'system' as const, actorId: 'stripe-webhook', requestId: 'r' };
  t.match(await rejection(db.withContext(noUser, (c) => billing.getInvoice.run({ invoiceId }, c))), {
    sqlState: '42501',
    code: 'user_context_missing',
  });
  t.match(await rejection(db.withContext(noUser, (c) => billing.cancelSubscription.run({ atPeriodEnd: false }, c))), {
    sqlState: '42501',
    code: 'user_context_missing',
  });
});

// The billing views apply the reader's row-level security, not their owner's.
t.test('the billing views are security_invoker', async (t) => {
  const { rows } = await db.admin
    .query(`select relname, reloptions from pg_class where relnamespace = 'app'::regnamespace
                                          and relname in ('v_active_subscriptions', 'v_payment_summary') order by relname`);
  t.same(
    rows.map((r) => [r.relname, (r.reloptions ?? []).includes('security_invoker=true')]),
    [
      ['v_active_subscriptions', true],
      ['v_payment_summary', true],
    ],
  );
});

// Support lists a tenant's subscriptions in force through v_active_subscriptions: that tenant's
// only, with emails masked.
t.test('support sees the subscriptions in force of one tenant, emails masked', async (t) => {
  const sam = await makeUser(db, otherTenant, 'Sam', 'family');
  const rows = await db.asSupport((c) =>
    billing.listActiveSubscriptions.run({ tenantId: otherTenant, limit: 500, offset: 0 }, c),
  );
  const mine = rows.find((r) => r.userId === sam.userId);
  t.match(mine, { planCode: 'family', status: 'active', emailMasked: `s***@example.com`, seatsUsed: '0' });
  t.notOk(
    rows.some((r) => r.emailMasked?.includes(sam.email.split('@')[0])),
    'no clear email',
  );
  const tenantUsers = await count(`select count(*) as n from app.users where tenant_id = $1`, [otherTenant]);
  t.equal(
    rows.length,
    tenantUsers,
    "one row per user of that tenant (each has a plan in force), none of another tenant's",
  );
  t.match(
    await rejection(
      db.asUser(sam.tenantId, sam.sub, (c) =>
        billing.listActiveSubscriptions.run({ tenantId: otherTenant, limit: 5, offset: 0 }, c),
      ),
    ),
    { sqlState: '42501' },
    'the API role cannot call it',
  );
  t.match(
    await rejection(
      db.asSupport((c) => billing.listActiveSubscriptions.run({ tenantId: otherTenant, limit: 0, offset: 0 }, c)),
    ),
    { sqlState: 'PT400', code: 'invalid_page' },
  );
});

// Issue 9, finding 7: a pm_ token stored by another user answered 409 payment_method_exists, an
// oracle on other users' cards. Now only the caller's own methods count.
t.test(
  "another user's payment-method token is answered like any new token, and nothing of theirs changes",
  async (t) => {
    const owner = await makeUser(db, tenant, 'Olive');
    const prober = await makeUser(db, tenant, 'Probe');
    const card = { kind: 'card', brand: 'visa', last4: '4242', expMonth: 12, expYear: 2099, makeDefault: false };
    const stored = token();
    await as(owner, (c) => billing.addPaymentMethod.run({ ...card, stripePaymentMethodId: stored }, c));
    const ownerBefore = await as(owner, (c) => billing.listPaymentMethods.run(undefined, c));

    const fresh = await as(prober, (c) => billing.addPaymentMethod.run({ ...card, stripePaymentMethodId: token() }, c));
    const known = await as(prober, (c) =>
      billing.addPaymentMethod.run({ ...card, last4: '1881', stripePaymentMethodId: stored }, c),
    );
    t.equal(fresh.length, 1, 'a new token is stored for the prober');
    t.equal(known.length, 2, "the other user's token is stored for the prober too, as any new token is");
    const mine = known.find((m) => m.last4 === '1881')!;
    t.match(mine, { kind: 'card', brand: 'visa', isDefault: false }, 'the same answer as for a new token');
    t.notOk(
      known.some((m) => ownerBefore.some((o) => o.paymentMethodId === m.paymentMethodId)),
      "the prober's list holds none of the owner's methods",
    );
    t.same(
      await as(owner, (c) => billing.listPaymentMethods.run(undefined, c)),
      ownerBefore,
      "the owner's methods are unchanged",
    );
    t.match(
      await rejection(
        as(prober, (c) => billing.addPaymentMethod.run({ ...card, last4: '1881', stripePaymentMethodId: stored }, c)),
      ),
      { sqlState: 'PT409', code: 'payment_method_exists' },
      'storing it a second time is refused to the user who stored it (their own data)',
    );
  },
);

// Issue 9, finding 7: the audit log kept Stripe payment-method ids (and customer ids) in clear.
t.test('the audit log keeps no Stripe payment-method or customer id', async (t) => {
  const tenantId = await makeTenant(db, 'audited');
  const user = await makeUser(db, tenantId, 'Audra');
  const pm = token();
  const [method] = await as(user, (c) =>
    billing.addPaymentMethod.run(
      {
        stripePaymentMethodId: pm,
        kind: 'card',
        brand: 'visa',
        last4: '4242',
        expMonth: 1,
        expYear: 2099,
        makeDefault: true,
      },
      c,
    ),
  );
  await as(user, (c) => billing.removePaymentMethod.run({ paymentMethodId: method.paymentMethodId }, c));
  const { customer } = await activatePlan(db.api, tenantId, user.sub, 'family');
  const {
    rows: [live],
  } = await db.admin.query(
    `select stripe_customer_id from app.subscriptions where tenant_id = $1 and ended_at is null`,
    [tenantId],
  );
  t.equal(live.stripe_customer_id, customer, 'the live subscription keeps its Stripe customer id');

  const { rows } = await db.admin.query<{ table_name: string; operation: string; changes: Record<string, unknown> }>(
    `select table_name, operation, changes from audit.audit_log where tenant_id = $1 order by occurred_at`,
    [tenantId],
  );
  const text = JSON.stringify(rows);
  t.notOk(text.includes(pm), 'the payment-method token is nowhere in the audit log');
  t.notMatch(text, /pm_[A-Za-z0-9]/, 'no pm_ id at all');
  t.notOk(text.includes(customer), 'the Stripe customer id is nowhere in the audit log');
  t.notMatch(text, /cus_[A-Za-z0-9]/, 'no cus_ id at all');
  const inserted = rows.find((r) => r.table_name === 'app.payment_methods' && r.operation === 'INSERT');
  t.equal(inserted?.changes.stripe_payment_method_id, '[redacted]', 'the payment method insert is audited, redacted');
  t.ok(
    rows.some((r) => r.table_name === 'app.subscriptions' && r.changes?.stripe_customer_id === '[redacted]'),
    "the subscription's customer id is audited, redacted",
  );
  t.ok(
    rows.some((r) => r.table_name === 'app.stripe_routes' && r.changes?.routing_key === '[redacted]'),
    'the Stripe routes are audited, their keys redacted',
  );
});
