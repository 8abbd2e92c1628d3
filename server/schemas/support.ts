// Request and response schemas of the support door (/support/v1): what staff see of tenants and
// users is masked (emails a***@example.com, phones ***-***-1234, names as initials).
import { Type } from 'typebox';
import { IsoDate, JsonColumn, Nullable, PageWith, Timestamp, Uuid } from './common.ts';

export const Staff = Type.Object({
  staffId: Uuid,
  email: Type.String(),
  displayName: Type.String(),
  status: Type.String(),
  createdAt: Timestamp,
});

export const TenantStatus = Type.Union([Type.Literal('active'), Type.Literal('suspended')]);
export const UserStatus = Type.Union([Type.Literal('active'), Type.Literal('suspended')]);

export const TenantQuery = PageWith({
  q: Type.Optional(Type.String({ minLength: 1, maxLength: 200, description: 'slug start, name part or tenant id' })),
  status: Type.Optional(Type.Union([Type.Literal('active'), Type.Literal('suspended'), Type.Literal('closed')])),
});
export const Tenant = Type.Object({
  tenantId: Uuid,
  slug: Type.String(),
  name: Type.String(),
  status: Type.String(),
  createdAt: Timestamp,
});
export const TenantList = Type.Object({ items: Type.Array(Tenant) });
export const TenantParams = Type.Object({ tenantId: Uuid });
export const TenantStatusBody = Type.Object({ status: TenantStatus }, { additionalProperties: false });

export const UserQuery = PageWith({
  q: Type.Optional(
    Type.String({
      minLength: 1,
      maxLength: 320,
      description: 'a whole email, a name start, or a user, persona or Cognito id',
    }),
  ),
});
export const FoundUser = Type.Object({
  userId: Uuid,
  personaId: Nullable(Uuid),
  emailMasked: Type.String(),
  nameMasked: Nullable(Type.String()),
  status: Type.String(),
  lastLoginAt: Nullable(Timestamp),
  createdAt: Timestamp,
});
export const UserList = Type.Object({ items: Type.Array(FoundUser) });
export const UserParams = Type.Object({ tenantId: Uuid, userId: Uuid });
export const UserStatusBody = Type.Object({ status: UserStatus }, { additionalProperties: false });
export const UserStatusReply = Type.Object({ userId: Uuid, status: Type.String(), suspendedAt: Nullable(Timestamp) });

export const UserPersona = Type.Object({
  personaId: Uuid,
  linkKind: Type.String(),
  nameMasked: Type.String(),
  livingStatus: Type.String(),
  emailsMasked: Type.Array(Type.String()),
  phonesMasked: Type.Array(Type.String()),
  addressesMasked: Type.Array(Type.String()),
});
export const UserPersonaList = Type.Object({ items: Type.Array(UserPersona) });

export const UserCircle = Type.Object({
  ffcId: Uuid,
  nameMasked: Type.String(),
  personaId: Uuid,
  role: Type.String(),
  membershipStatus: Type.String(),
  activeMembers: Type.Integer(),
  joinedAt: Timestamp,
});
export const UserCircleList = Type.Object({ items: Type.Array(UserCircle) });

export const Session = Type.Object({
  sessionId: Uuid,
  startedAt: Timestamp,
  lastSeenAt: Timestamp,
  revokedAt: Nullable(Timestamp),
  revokedBy: Nullable(Type.String()),
  userAgent: Nullable(Type.String()),
  ipMasked: Nullable(Type.String()),
});
export const SessionList = Type.Object({ items: Type.Array(Session) });
export const RevokeBody = Type.Object(
  { sessionId: Type.Optional(Uuid) },
  { additionalProperties: false, description: 'one session, or (no sessionId) every session of the user' },
);
export const RevokeReply = Type.Object({ revoked: Type.Integer() });

export const AuditQuery = PageWith({
  userId: Type.Optional(Uuid),
  personaId: Type.Optional(Uuid),
  requestId: Type.Optional(Type.String({ pattern: '^[A-Za-z0-9._-]{1,64}$' })),
});
export const AuditEntry = Type.Object({
  auditId: Type.String({ description: 'the audit row id (a bigint, as a string)' }),
  occurredAt: Timestamp,
  actorKind: Type.String(),
  actorId: Nullable(Type.String()),
  requestId: Nullable(Type.String()),
  tableName: Type.String(),
  rowId: Nullable(Type.String()),
  operation: Type.String(),
  changedColumns: Nullable(Type.Array(Type.String())),
  changes: JsonColumn(Nullable(Type.Object({}, { additionalProperties: true }))),
});
export const AuditList = Type.Object({ items: Type.Array(AuditEntry) });

const Currency = Type.String({ pattern: '^[A-Z]{3}$' });
export const RateQuery = PageWith({ baseCurrency: Type.Optional(Currency), quoteCurrency: Type.Optional(Currency) });
export const StoredRate = Type.Object({
  baseCurrency: Type.String(),
  quoteCurrency: Type.String(),
  rateDate: IsoDate,
  rate: Type.String({ description: '1 baseCurrency = rate quoteCurrency, an exact decimal' }),
  updatedAt: Timestamp,
});
export const StoredRateList = Type.Object({ items: Type.Array(StoredRate) });
export const RateBody = Type.Object(
  {
    baseCurrency: Currency,
    quoteCurrency: Currency,
    rateDate: IsoDate,
    rate: Type.String({ pattern: '^[0-9]{1,14}(\\.[0-9]{1,10})?$', description: 'exact decimal, up to 10 places' }),
  },
  { additionalProperties: false },
);

export const UnmaskBody = Type.Object(
  {
    reason: Type.String({ minLength: 10, maxLength: 500, description: 'why support needs the data in clear' }),
    ticketRef: Type.String({ pattern: '^[A-Za-z0-9][A-Za-z0-9._#/-]{0,63}$', description: 'the support ticket' }),
    minutes: Type.Integer({ minimum: 1, maximum: 240, default: 30, description: 'how long the grant lasts' }),
  },
  { additionalProperties: false },
);
export const UnmaskGrant = Type.Object({
  grantId: Uuid,
  userId: Uuid,
  scope: Type.String(),
  reason: Type.String(),
  ticketRef: Type.String(),
  grantedAt: Timestamp,
  expiresAt: Timestamp,
});
export const UnmaskedPersona = Type.Object({
  personaId: Uuid,
  linkKind: Type.String(),
  firstName: Type.String(),
  lastName: Type.String(),
  emails: Type.Array(Type.String()),
  phones: Type.Array(Type.String()),
  addresses: Type.Array(Type.String()),
  grantExpiresAt: Timestamp,
});
export const UnmaskedPersonaList = Type.Object({ items: Type.Array(UnmaskedPersona) });
export const SupportAccess = Type.Object({
  grantId: Uuid,
  scope: Type.String(),
  reason: Type.String(),
  ticketRef: Type.String(),
  grantedAt: Timestamp,
  expiresAt: Timestamp,
  viewCount: Type.Integer(),
  lastViewedAt: Nullable(Timestamp),
});
export const SupportAccessList = Type.Object({ items: Type.Array(SupportAccess) });
