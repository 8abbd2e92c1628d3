// Request and response schemas of the emergency-access routes: a grantor names a trusted user,
// the state machine's steps, and what an approved grant lets the trusted user read.
import { Type } from 'typebox';
import { IsoDate, Nullable, PageFields, PageWith, Timestamp, Uuid } from './common.ts';

export const GrantParams = Type.Object({ grantId: Uuid });

export const CreateGrantBody = Type.Object(
  {
    granteeUserId: Type.Optional(Uuid),
    granteeEmail: Type.Optional(Type.String({ minLength: 3, maxLength: 320 })),
    scope: Type.Union([Type.Literal('view'), Type.Literal('act_for')], {
      description: 'view: read the grantor’s assets once approved; act_for: reserved for acting as a delegate',
    }),
    waitDays: Type.Integer({
      minimum: 1,
      maximum: 90,
      description: 'days the grantor has to refuse a request (the tenant may narrow 1..90)',
    }),
  },
  { additionalProperties: false, minProperties: 3 },
);

export const GrantListQuery = PageWith({
  role: Type.Optional(
    Type.Union([Type.Literal('grantor'), Type.Literal('grantee')], {
      description: 'only the grants the caller gave (grantor) or holds (grantee); both when absent',
    }),
  ),
});

export const Grant = Type.Object({
  grantId: Uuid,
  role: Type.String({ description: 'the caller’s side of the grant: grantor or grantee' }),
  grantorUserId: Uuid,
  grantorPersonaId: Uuid,
  grantorName: Type.String(),
  granteeUserId: Nullable(Uuid),
  scope: Type.String(),
  waitDays: Type.Integer(),
  accessDays: Type.Integer(),
  state: Type.String({
    description: 'invited, accepted, confirmed, recovery_requested, approved, expired or revoked (computed from time)',
  }),
  recoveryRequestedAt: Nullable(Timestamp),
  waitEndsAt: Nullable(Timestamp),
  approvedAt: Nullable(Timestamp),
  approvedBy: Nullable(Type.String()),
  accessEndsAt: Nullable(Timestamp),
  revokedAt: Nullable(Timestamp),
  revokedBy: Nullable(Type.String()),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export const GrantList = Type.Object({ items: Type.Array(Grant), limit: Type.Integer(), offset: Type.Integer() });

export const GrantAssetsQuery = PageWith({});
export const GrantAssets = Type.Object({
  items: Type.Array(
    Type.Object({
      assetId: Uuid,
      assetType: Type.String(),
      categoryCode: Type.String(),
      name: Type.String(),
      currency: Type.String(),
      isLiability: Type.Boolean(),
      ownershipPercentage: Type.String(),
      currentValue: Nullable(Type.String({ description: 'the latest valuation, in currentValueCurrency' })),
      currentValueCurrency: Nullable(Type.String()),
      valuedOn: Nullable(IsoDate),
    }),
  ),
  ...PageFields,
});
