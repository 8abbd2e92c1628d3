// Stripe events shaped like the real API's (the invoice's subscription under
// parent.subscription_details, periods on the subscription items), for the tests, the seed and
// the demo stack; and `activatePlan`, which takes a user to a paid plan the way production
// does: the user starts the subscription, then Stripe's events make it active.
import { randomBytes } from 'node:crypto';
import type pg from 'pg';
import Stripe from 'stripe';
import { inContext } from '../../server/plugins/db.ts';
import { createSubscription } from '../../generated/billing.queries.ts';
import { recordStripeEvent } from '../../generated/stripe.queries.ts';

const stripeId = (prefix: string) => `${prefix}_${randomBytes(12).toString('hex')}`;
const now = () => Math.floor(Date.now() / 1000);

export interface StripeEvent {
  id: string;
  object: 'event';
  api_version: string;
  created: number;
  livemode: false;
  pending_webhooks: number;
  request: { id: string | null; idempotency_key: string | null };
  type: string;
  data: { object: Record<string, unknown>; previous_attributes?: Record<string, unknown> };
}

export function stripeEvent(type: string, object: Record<string, unknown>, created = now()): StripeEvent {
  return {
    id: stripeId('evt'),
    object: 'event',
    api_version: '2025-10-29.clover',
    created,
    livemode: false,
    pending_webhooks: 1,
    request: { id: stripeId('req'), idempotency_key: null },
    type,
    data: { object },
  };
}

export interface StripeSubscriptionShape {
  id: string;
  customer: string;
  status: string;
  /** Our subscription id, as checkout puts it in metadata. */
  estateSubscriptionId?: string;
  priceId?: string;
  periodStart?: number;
  periodEnd?: number;
  cancelAtPeriodEnd?: boolean;
  canceledAt?: number | null;
  endedAt?: number | null;
}

export function subscriptionObject(s: StripeSubscriptionShape): Record<string, unknown> {
  const start = s.periodStart ?? now();
  const end = s.periodEnd ?? start + 30 * 86400;
  return {
    id: s.id,
    object: 'subscription',
    customer: s.customer,
    status: s.status,
    cancel_at_period_end: s.cancelAtPeriodEnd ?? false,
    canceled_at: s.canceledAt ?? null,
    ended_at: s.endedAt ?? null,
    created: start,
    currency: 'usd',
    collection_method: 'charge_automatically',
    livemode: false,
    metadata: s.estateSubscriptionId ? { estate_subscription_id: s.estateSubscriptionId } : {},
    items: {
      object: 'list',
      data: [
        {
          id: stripeId('si'),
          object: 'subscription_item',
          current_period_start: start,
          current_period_end: end,
          quantity: 1,
          price: {
            id: s.priceId ?? stripeId('price'),
            object: 'price',
            currency: 'usd',
            unit_amount: 1900,
            recurring: { interval: 'month' },
          },
        },
      ],
      has_more: false,
    },
  };
}

export interface StripeInvoiceShape {
  id: string;
  customer: string;
  subscription: string;
  estateSubscriptionId?: string;
  status: 'draft' | 'open' | 'paid' | 'void' | 'uncollectible';
  /** Minor units (cents). */
  amountDue: number;
  amountPaid?: number;
  attemptCount?: number;
  currency?: string;
}

export function invoiceObject(i: StripeInvoiceShape): Record<string, unknown> {
  const paid = i.amountPaid ?? (i.status === 'paid' ? i.amountDue : 0);
  const at = now();
  return {
    id: i.id,
    object: 'invoice',
    customer: i.customer,
    customer_email: 'payer@example.com',
    customer_name: 'Pat Payer',
    status: i.status,
    currency: i.currency ?? 'usd',
    amount_due: i.amountDue,
    amount_paid: paid,
    amount_remaining: i.amountDue - paid,
    attempt_count: i.attemptCount ?? 0,
    billing_reason: 'subscription_cycle',
    number: `INV-${i.id.slice(-6).toUpperCase()}`,
    hosted_invoice_url: `https://invoice.stripe.com/i/${i.id}`,
    period_start: at - 30 * 86400,
    period_end: at,
    livemode: false,
    parent: {
      type: 'subscription_details',
      quote_details: null,
      subscription_details: {
        subscription: i.subscription,
        metadata: i.estateSubscriptionId ? { estate_subscription_id: i.estateSubscriptionId } : {},
      },
    },
    status_transitions: {
      finalized_at: i.status === 'draft' ? null : at,
      paid_at: i.status === 'paid' ? at : null,
      voided_at: null,
      marked_uncollectible_at: null,
    },
  };
}

export function paymentIntentObject(p: {
  id: string;
  customer: string;
  amount: number;
  succeeded: boolean;
  currency?: string;
  chargeId?: string;
}) {
  return {
    id: p.id,
    object: 'payment_intent',
    customer: p.customer,
    amount: p.amount,
    amount_received: p.succeeded ? p.amount : 0,
    currency: p.currency ?? 'usd',
    status: p.succeeded ? 'succeeded' : 'requires_payment_method',
    latest_charge: p.chargeId ?? null,
    last_payment_error: p.succeeded
      ? null
      : { code: 'card_declined', decline_code: 'insufficient_funds', message: 'Your card has insufficient funds.' },
    livemode: false,
    metadata: {},
  };
}

export function chargeObject(c: {
  id: string;
  paymentIntent: string;
  customer: string;
  amount: number;
  amountRefunded: number;
  currency?: string;
}) {
  return {
    id: c.id,
    object: 'charge',
    customer: c.customer,
    payment_intent: c.paymentIntent,
    amount: c.amount,
    amount_captured: c.amount,
    amount_refunded: c.amountRefunded,
    refunded: c.amountRefunded === c.amount,
    currency: c.currency ?? 'usd',
    paid: true,
    status: 'succeeded',
    livemode: false,
  };
}

export function invoicePaymentObject(p: { invoice: string; paymentIntent: string; amount: number }) {
  return {
    id: stripeId('inpay'),
    object: 'invoice_payment',
    invoice: p.invoice,
    amount_paid: p.amount,
    amount_requested: p.amount,
    currency: 'usd',
    is_default: true,
    status: 'paid',
    payment: { type: 'payment_intent', payment_intent: p.paymentIntent },
    livemode: false,
  };
}

export const newStripeIds = () => ({ customer: stripeId('cus'), subscription: stripeId('sub') });
export { stripeId };

/** The context the webhook route uses: the system actor, no tenant. */
export const webhookContext = () => ({
  tenantId: null,
  actorKind: 'system' as const,
  actorId: 'stripe-webhook',
  requestId: stripeId('req'),
});

/** Applies an event as the webhook route does after verifying it (the tests of the route sign it). */
export async function deliver(pool: pg.Pool, event: StripeEvent) {
  const [row] = await inContext(pool, webhookContext(), (db) => recordStripeEvent.run({ event: event as never }, db));
  return row;
}

/** Signs a payload as Stripe does, for webhook tests and local demos. */
export function signStripePayload(payload: string, secret: string, timestamp?: number) {
  return Stripe.webhooks.generateTestHeaderString({ payload, secret, timestamp });
}

/**
 * Takes a registered user to a paid plan: the user starts the subscription, then Stripe's
 * customer.subscription.created (active) links and activates it. Returns the Stripe ids.
 */
export async function activatePlan(pool: pg.Pool, tenantId: string, sub: string, planCode: string) {
  const [subscription] = await inContext(
    pool,
    { tenantId, actorKind: 'user', actorId: sub, requestId: stripeId('req') },
    (db) => createSubscription.run({ planCode }, db),
  );
  const ids = newStripeIds();
  const outcome = await deliver(
    pool,
    stripeEvent(
      'customer.subscription.created',
      subscriptionObject({
        id: ids.subscription,
        customer: ids.customer,
        status: 'active',
        estateSubscriptionId: subscription.subscriptionId,
      }),
    ),
  );
  if (outcome.outcome !== 'applied') throw new Error(`activating ${planCode} was ${outcome.outcome}`);
  return { subscriptionId: subscription.subscriptionId, ...ids };
}
