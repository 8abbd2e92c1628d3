// Billing routes of the signed-in user: plans, their subscription (start, change, cancel,
// history), seats, usage against limits, payment methods and invoices.
import { tagRoutes, TAGS } from '../openapi.ts';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import * as billing from '../../generated/billing.queries.ts';
import { listOf, paged, problemResponses, replyOf } from '../schemas/common.ts';
import {
  AddPaymentMethodBody,
  CancelBody,
  ChangeList,
  ChangeListQuery,
  Invoice,
  InvoiceList,
  InvoiceListQuery,
  InvoiceParams,
  NewSubscription,
  PaymentMethodList,
  PaymentMethodParams,
  PlanBody,
  PlanList,
  SeatList,
  Subscription,
  Usage,
} from '../schemas/billing.ts';
import { requireIfMatch, withETag } from '../plugins/conditional.ts';

/** A count or limit from the database (int8 arrives as text); NULL stays null (unlimited). */
const count = (value: string | null) => (value === null ? null : Number(value));
const planOf = (p: billing.IListPlansResult) => ({
  ...p,
  maxFfcs: count(p.maxFfcs),
  maxSeats: count(p.maxSeats),
  maxAssets: count(p.maxAssets),
  maxStorageMb: count(p.maxStorageMb),
});
/** A new subscription with the metadata its Stripe checkout must carry. */
const newSubscriptionOf = (row: billing.ICreateSubscriptionResult) => ({
  ...row,
  checkoutMetadata: { estate_subscription_id: row.subscriptionId },
});
const usageOf = (r: billing.ICalculateUsageResult) => ({
  metric: r.metric,
  used: Number(r.used),
  limit: count(r.limit),
  remaining: count(r.remaining),
});

const billingRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.addHook('onRoute', tagRoutes(TAGS.billing));
  app.get(
    '/plans',
    {
      schema: {
        summary: 'The plans this tenant offers, with prices and limits',
        response: { 200: listOf(PlanList, planOf), ...problemResponses },
      },
    },
    async (request) => {
      const rows = await request.inTenant((db) => billing.listPlans.run(undefined, db));
      return { items: rows.map(planOf) };
    },
  );

  app.get(
    '/subscription',
    {
      schema: {
        summary: "The signed-in user's subscription and the plan whose limits apply now",
        response: { 200: replyOf(Subscription, billing.getMySubscription), ...problemResponses },
      },
    },
    async (request, reply) =>
      withETag(reply, (await request.inTenant((db) => billing.getMySubscription.run(undefined, db)))[0]),
  );

  app.post(
    '/subscription',
    {
      schema: {
        summary:
          'Starts a paid subscription: incomplete until Stripe reports it active (checkout carries checkoutMetadata)',
        body: PlanBody,
        response: { 201: replyOf(NewSubscription, newSubscriptionOf), ...problemResponses },
      },
    },
    async (request, reply) => {
      const [row] = await request.inTenant((db) =>
        billing.createSubscription.run({ planCode: request.body.planCode }, db),
      );
      return reply.code(201).send(newSubscriptionOf(row));
    },
  );

  app.patch(
    '/subscription',
    {
      schema: {
        summary: 'Moves the paid subscription to another paid plan; a downgrade below what is in use is refused',
        body: PlanBody,
        response: { 200: replyOf(Subscription, billing.upgradeSubscription), ...problemResponses },
      },
    },
    async (request) =>
      (
        await request.inTenant(async (db) => {
          await requireIfMatch(request, db, { kind: 'subscription' }, () =>
            billing.getMySubscription.run(undefined, db),
          );
          return billing.upgradeSubscription.run({ planCode: request.body.planCode }, db);
        })
      )[0],
  );

  app.post(
    '/subscription/cancel',
    {
      schema: {
        summary: "Cancels the paid subscription at the period's end (default) or now (then the free plan applies)",
        body: CancelBody,
        response: { 200: replyOf(Subscription, billing.cancelSubscription), ...problemResponses },
      },
    },
    async (request) =>
      (
        await request.inTenant((db) => billing.cancelSubscription.run({ atPeriodEnd: request.body.atPeriodEnd }, db))
      )[0],
  );

  app.get(
    '/subscription/changes',
    {
      schema: {
        summary: "The history of the user's plan changes, newest first, with the total",
        querystring: ChangeListQuery,
        response: { 200: listOf(ChangeList, billing.listSubscriptionChanges), ...problemResponses },
      },
    },
    async (request) => {
      const { sort, limit, offset } = request.query;
      return request.inTenant((db) =>
        paged({ limit, offset }, (page) => billing.listSubscriptionChanges.run({ sort: sort ?? null, ...page }, db)),
      );
    },
  );

  app.get(
    '/subscription/seats',
    {
      schema: {
        summary: "Who holds the user's seats: the people in the circles they created",
        response: { 200: listOf(SeatList, billing.listSubscriptionSeats), ...problemResponses },
      },
    },
    async (request) => ({ items: await request.inTenant((db) => billing.listSubscriptionSeats.run(undefined, db)) }),
  );

  app.get(
    '/usage',
    {
      schema: {
        summary: 'Circles, seats, assets and storage in use against the limits of the plan in force',
        response: { 200: listOf(Usage, usageOf), ...problemResponses },
      },
    },
    async (request) => {
      const rows = await request.inTenant((db) => billing.calculateUsage.run(undefined, db));
      return {
        planCode: rows[0].planCode,
        items: rows.map(usageOf),
      };
    },
  );

  app.get(
    '/payment-methods',
    {
      schema: {
        summary: "The user's payment methods (brand and last four), the default first",
        response: { 200: listOf(PaymentMethodList, billing.listPaymentMethods), ...problemResponses },
      },
    },
    async (request) => ({ items: await request.inTenant((db) => billing.listPaymentMethods.run(undefined, db)) }),
  );

  app.post(
    '/payment-methods',
    {
      schema: {
        summary: 'Stores a payment method collected by Stripe.js: its pm_ token, brand, last four and expiry',
        body: AddPaymentMethodBody,
        response: { 201: listOf(PaymentMethodList, billing.addPaymentMethod), ...problemResponses },
      },
    },
    async (request, reply) => {
      const { stripePaymentMethodId, kind, brand, last4, expMonth, expYear, makeDefault } = request.body;
      const items = await request.inTenant((db) =>
        billing.addPaymentMethod.run(
          {
            stripePaymentMethodId,
            kind,
            brand,
            last4,
            expMonth: expMonth ?? null,
            expYear: expYear ?? null,
            makeDefault,
          },
          db,
        ),
      );
      return reply.code(201).send({ items });
    },
  );

  app.delete(
    '/payment-methods/:paymentMethodId',
    {
      schema: {
        summary: 'Removes a payment method; the newest remaining one becomes the default',
        params: PaymentMethodParams,
        response: { 200: listOf(PaymentMethodList, billing.removePaymentMethod), ...problemResponses },
      },
    },
    async (request) => ({
      items: await request.inTenant((db) =>
        billing.removePaymentMethod.run({ paymentMethodId: request.params.paymentMethodId }, db),
      ),
    }),
  );

  app.get(
    '/invoices',
    {
      schema: {
        summary: "The user's invoices: by status, newest first, with the total",
        querystring: InvoiceListQuery,
        response: { 200: listOf(InvoiceList, billing.listInvoices), ...problemResponses },
      },
    },
    async (request) => {
      const { status, sort, limit, offset } = request.query;
      return request.inTenant((db) =>
        paged({ limit, offset }, (page) =>
          billing.listInvoices.run({ status: status ?? null, sort: sort ?? null, ...page }, db),
        ),
      );
    },
  );

  app.get(
    '/invoices/:invoiceId',
    {
      schema: {
        summary: "One of the user's invoices with the payments made against it",
        params: InvoiceParams,
        response: { 200: replyOf(Invoice, billing.getInvoice), ...problemResponses },
      },
    },
    async (request, reply) =>
      withETag(
        reply,
        (await request.inTenant((db) => billing.getInvoice.run({ invoiceId: request.params.invoiceId }, db)))[0],
      ),
  );
};

export default billingRoutes;
