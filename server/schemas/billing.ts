// Request and response schemas of the billing routes. Money is an exact decimal string.
import { Type } from 'typebox';
import { JsonColumn, Nullable, PageFields, PageWith, Sort, Timestamp, Uuid } from './common.ts';

const Money = Type.String({ description: "exact decimal in the currency's units, e.g. '19.00'" });
const Limit = Nullable(Type.Integer({ description: 'null: unlimited' }));
export const PlanCode = Type.String({ pattern: '^[a-z][a-z0-9_]{1,39}$' });

export const PlanList = Type.Object({
  items: Type.Array(
    Type.Object({
      planCode: Type.String(),
      name: Type.String(),
      description: Type.String(),
      priceAmount: Money,
      currency: Type.String(),
      billingInterval: Nullable(Type.String()),
      maxFfcs: Limit,
      maxSeats: Limit,
      maxAssets: Limit,
      maxStorageMb: Limit,
      isCurrent: Type.Boolean(),
    }),
  ),
});

export const Subscription = Type.Object({
  subscriptionId: Uuid,
  planCode: Type.String(),
  planName: Type.String(),
  status: Type.String({ description: 'incomplete until Stripe reports the first payment; then active, past_due, ...' }),
  effectivePlanCode: Type.String({ description: 'the plan whose limits apply now' }),
  pendingPlanCode: Nullable(Type.String({ description: 'an upgrade asked for, in force once Stripe bills it' })),
  priceAmount: Money,
  currency: Type.String(),
  billingInterval: Nullable(Type.String()),
  cancelAtPeriodEnd: Type.Boolean(),
  currentPeriodStart: Nullable(Timestamp),
  currentPeriodEnd: Nullable(Timestamp),
  canceledAt: Nullable(Timestamp),
  endedAt: Nullable(Timestamp),
  stripeLinked: Type.Boolean(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export const NewSubscription = Type.Object({
  ...Subscription.properties,
  checkoutMetadata: Type.Object(
    { estate_subscription_id: Uuid },
    { description: 'metadata the Stripe subscription must carry so that its events reach this subscription' },
  ),
});
export const PlanBody = Type.Object({ planCode: PlanCode }, { additionalProperties: false });
export const CancelBody = Type.Object(
  { atPeriodEnd: Type.Boolean({ default: true, description: 'false: end now and return to the free plan' }) },
  { additionalProperties: false },
);
export const ChangeList = Type.Object({
  items: Type.Array(
    Type.Object({
      changeId: Uuid,
      subscriptionId: Uuid,
      fromPlanCode: Nullable(Type.String()),
      toPlanCode: Type.String(),
      changeKind: Type.String(),
      source: Type.String(),
      changedAt: Timestamp,
    }),
  ),
  ...PageFields,
});
export const SeatList = Type.Object({
  items: Type.Array(
    Type.Object({
      seatId: Uuid,
      personaId: Uuid,
      firstName: Type.String(),
      lastName: Type.String(),
      firstFfcId: Uuid,
      ffcName: Type.String(),
      assignedAt: Timestamp,
    }),
  ),
});
export const Usage = Type.Object({
  planCode: Type.String({ description: 'the plan whose limits apply now' }),
  items: Type.Array(
    Type.Object({
      metric: Type.String({ description: 'ffcs, seats, assets or storage_bytes' }),
      used: Type.Integer(),
      limit: Limit,
      remaining: Limit,
    }),
  ),
});

export const AddPaymentMethodBody = Type.Object(
  {
    stripePaymentMethodId: Type.String({
      pattern: '^pm_[A-Za-z0-9]{6,100}$',
      description: 'the pm_ token from Stripe.js; never a card number',
    }),
    kind: Type.Union(['card', 'us_bank_account', 'sepa_debit'].map((k) => Type.Literal(k))),
    brand: Type.String({ pattern: '^[a-z_]{2,30}$' }),
    last4: Type.String({ pattern: '^[0-9]{4}$' }),
    expMonth: Type.Optional(Type.Integer({ minimum: 1, maximum: 12 })),
    expYear: Type.Optional(Type.Integer({ minimum: 2000, maximum: 2100 })),
    makeDefault: Type.Boolean({ default: false }),
  },
  { additionalProperties: false },
);
export const PaymentMethodParams = Type.Object({ paymentMethodId: Uuid });
export const PaymentMethodList = Type.Object({
  items: Type.Array(
    Type.Object({
      paymentMethodId: Uuid,
      kind: Type.String(),
      brand: Type.String(),
      last4: Type.String(),
      expMonth: Nullable(Type.Integer()),
      expYear: Nullable(Type.Integer()),
      isDefault: Type.Boolean(),
      createdAt: Timestamp,
    }),
  ),
});

const InvoiceFields = {
  invoiceId: Uuid,
  subscriptionId: Uuid,
  number: Nullable(Type.String()),
  status: Type.String(),
  currency: Type.String(),
  amountDue: Money,
  amountPaid: Money,
  amountRemaining: Money,
  periodStart: Nullable(Timestamp),
  periodEnd: Nullable(Timestamp),
  finalizedAt: Nullable(Timestamp),
  paidAt: Nullable(Timestamp),
  createdAt: Timestamp,
};
export const InvoiceParams = Type.Object({ invoiceId: Uuid });
export const InvoiceList = Type.Object({
  items: Type.Array(Type.Object(InvoiceFields)),
  ...PageFields,
});
export const Invoice = Type.Object({
  ...InvoiceFields,
  attemptCount: Type.Integer(),
  billingReason: Nullable(Type.String()),
  hostedInvoiceUrl: Nullable(Type.String()),
  payments: JsonColumn(
    Type.Array(
      Type.Object({
        paymentId: Uuid,
        status: Type.String(),
        amount: Money,
        currency: Type.String(),
        amountRefunded: Money,
        failureCode: Nullable(Type.String()),
        succeededAt: Nullable(Type.String()),
      }),
    ),
  ),
});

/** `GET /v1/invoices`: newest first, optionally of one status. */
export const InvoiceListQuery = PageWith({
  status: Type.Optional(
    Type.Unsafe<string>({ type: 'string', enum: ['draft', 'open', 'paid', 'uncollectible', 'void'] }),
  ),
  sort: Sort(['-createdAt', 'createdAt'], 'default -createdAt (newest first)'),
});
/** `GET /v1/subscription/changes`: newest first. */
export const ChangeListQuery = PageWith({
  sort: Sort(['-changedAt', 'changedAt'], 'default -changedAt (newest first)'),
});
