// Request and response schemas of support access beyond the masked view: staff ask (consent) or
// open break-glass, a user approves, denies or revokes, and reads what support looked at.
import { Type } from 'typebox';
import { IsoDate, Nullable, PageWith, Timestamp, Uuid } from './common.ts';

const reason = Type.String({ minLength: 10, maxLength: 500, description: 'why support needs the data' });
const ticketRef = Type.String({ pattern: '^[A-Za-z0-9][A-Za-z0-9._#/-]{0,63}$', description: 'the support ticket' });

export const AccessRequestBody = Type.Object(
  {
    reason,
    ticketRef,
    minutes: Type.Integer({
      minimum: 1,
      maximum: 1440,
      default: 60,
      description: 'how long the access lasts once the user approves it',
    }),
  },
  { additionalProperties: false },
);
export const BreakGlassBody = Type.Object(
  {
    reason,
    ticketRef,
    minutes: Type.Integer({
      minimum: 1,
      maximum: 120,
      default: 30,
      description: 'how long the access lasts once a second staff member approves it',
    }),
  },
  { additionalProperties: false },
);
export const AccessRequestParams = Type.Object({ tenantId: Uuid, requestId: Uuid });
export const UserAssetParams = Type.Object({ tenantId: Uuid, userId: Uuid, assetId: Uuid });

const State = Type.String({
  description:
    'pending, lapsed (unanswered in time), active, expired, denied, revoked (by the user) or closed (by staff)',
});
const Kind = Type.String({ description: 'consent (the user decides) or break_glass (a second staff member decides)' });

/** An access request as staff see it: who asked, who decided. */
export const StaffAccessRequest = Type.Object({
  requestId: Uuid,
  userId: Uuid,
  kind: Kind,
  state: State,
  reason: Type.String(),
  ticketRef: Type.String(),
  minutes: Type.Integer(),
  requestedBy: Type.String({ description: 'the staff member who asked (cognito:<sub>), who alone holds the access' }),
  requestedAt: Timestamp,
  respondBy: Timestamp,
  decidedBy: Nullable(Type.String()),
  decidedAt: Nullable(Timestamp),
  expiresAt: Nullable(Timestamp),
  endedBy: Nullable(Type.String()),
  endedAt: Nullable(Timestamp),
  viewCount: Type.Integer(),
  lastViewedAt: Nullable(Timestamp),
});
export const StaffAccessRequestList = Type.Object({ items: Type.Array(StaffAccessRequest) });

export const UnmaskedAsset = Type.Object({
  assetId: Uuid,
  assetType: Type.String(),
  categoryCode: Type.String(),
  name: Type.String(),
  description: Nullable(Type.String()),
  currency: Type.String(),
  isLiability: Type.Boolean(),
  status: Type.String(),
  ownershipPercentage: Type.String(),
  ownershipForm: Type.String(),
  latestValue: Nullable(Type.String()),
  valuedOn: Nullable(IsoDate),
  identifierLast4: Nullable(Type.String()),
  accessExpiresAt: Timestamp,
});
export const UnmaskedAssetList = Type.Object({ items: Type.Array(UnmaskedAsset) });
export const AccountNumber = Type.Object({
  assetId: Uuid,
  accountNumber: Type.String({ description: 'the account number in clear (recorded as an access the user sees)' }),
  identifierLast4: Type.String(),
  accessExpiresAt: Timestamp,
});

/** An access request as its user sees it: not which staff member. */
export const MyAccessRequest = Type.Object({
  requestId: Uuid,
  kind: Kind,
  state: State,
  reason: Type.String(),
  ticketRef: Type.String(),
  minutes: Type.Integer(),
  requestedAt: Timestamp,
  respondBy: Timestamp,
  decidedAt: Nullable(Timestamp),
  expiresAt: Nullable(Timestamp),
  endedAt: Nullable(Timestamp),
  viewCount: Type.Integer(),
  lastViewedAt: Nullable(Timestamp),
});
export const MyAccessRequestList = Type.Object({ items: Type.Array(MyAccessRequest) });
export const MyAccessRequestQuery = PageWith({
  state: Type.Optional(
    Type.Union(
      ['pending', 'lapsed', 'active', 'expired', 'denied', 'revoked', 'closed'].map((s) => Type.Literal(s)),
      { description: 'only requests in this state' },
    ),
  ),
});
export const MyAccessRequestParams = Type.Object({ requestId: Uuid });
export const MyAccessEvent = Type.Object({
  eventId: Uuid,
  occurredAt: Timestamp,
  what: Type.String({ description: 'assets (your assets read in clear) or account_number (one decrypted)' }),
  assetId: Nullable(Uuid),
  assetName: Nullable(Type.String()),
  requestId: Uuid,
  kind: Kind,
  reason: Type.String(),
  ticketRef: Type.String(),
});
export const MyAccessEventList = Type.Object({ items: Type.Array(MyAccessEvent) });
