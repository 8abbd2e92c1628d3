// Request and response schemas of the family circle routes.
import { Type } from 'typebox';
import { JsonColumn, Nullable, PageFields, PageWith, Sort, TextFilter, Timestamp, Uuid } from './common.ts';

export const Role = Type.Union(['owner', 'admin', 'member', 'advisor', 'viewer'].map((role) => Type.Literal(role)));
export const FfcParams = Type.Object({ ffcId: Uuid });
export const MemberParams = Type.Object({ ffcId: Uuid, personaId: Uuid });
export const InvitationParams = Type.Object({ ffcId: Uuid, invitationId: Uuid });

export const CreateFfcBody = Type.Object(
  { name: Type.String({ minLength: 1, maxLength: 120 }), description: Type.Optional(Type.String({ maxLength: 1000 })) },
  { additionalProperties: false },
);
export const Ffc = Type.Object({
  ffcId: Uuid,
  name: Type.String(),
  description: Nullable(Type.String()),
  myRole: Type.String(),
  createdAt: Timestamp,
});
export const FfcList = Type.Object({
  items: Type.Array(
    Type.Object({
      ffcId: Uuid,
      name: Type.String(),
      description: Nullable(Type.String()),
      myRole: Type.String(),
      memberCount: Type.Integer(),
      createdAt: Timestamp,
    }),
  ),
  ...PageFields,
});
export const AddMemberBody = Type.Object({ personaId: Uuid, role: Role }, { additionalProperties: false });
export const ChangeRoleBody = Type.Object({ role: Role }, { additionalProperties: false });
export const Membership = Type.Object({ membershipId: Uuid, ffcId: Uuid, personaId: Uuid, role: Type.String() });
export const Hierarchy = Type.Object({
  ffcId: Uuid,
  members: Type.Array(
    Type.Object({
      personaId: Uuid,
      firstName: Type.String(),
      lastName: Type.String(),
      livingStatus: Type.String(),
      role: Type.String(),
      parentPersonaId: Nullable(Uuid),
      depth: Type.Integer(),
      relationships: JsonColumn(Type.Array(Type.Object({ relatedPersonaId: Uuid, relationshipType: Type.String() }))),
    }),
  ),
});
export const InviteBody = Type.Object(
  {
    email: Type.String({ format: 'email', maxLength: 320 }),
    role: Type.Union(['admin', 'member', 'advisor', 'viewer'].map((role) => Type.Literal(role))),
    validHours: Type.Integer({ minimum: 1, maximum: 720, default: 168 }),
  },
  { additionalProperties: false },
);
export const Invitation = Type.Object({ invitationId: Uuid, token: Type.String(), expiresAt: Timestamp });
export const AcceptBody = Type.Object(
  { token: Type.String({ pattern: '^[0-9a-f]{64}$' }) },
  { additionalProperties: false },
);

/** One circle as a member sees it (GET, PATCH /v1/ffcs/{ffcId}). */
export const FfcDetail = Type.Object({
  ffcId: Uuid,
  name: Type.String(),
  description: Nullable(Type.String()),
  myRole: Type.String(),
  memberCount: Type.Integer(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export const UpdateFfcBody = Type.Object(
  {
    name: Type.Optional(Type.String({ minLength: 1, maxLength: 120 })),
    description: Type.Optional(Nullable(Type.String({ maxLength: 1000 }))),
  },
  { additionalProperties: false, minProperties: 1 },
);
export const SentInvitationList = Type.Object({
  items: Type.Array(
    Type.Object({
      invitationId: Uuid,
      email: Type.String(),
      role: Type.String(),
      status: Type.String({ description: 'pending, accepted, revoked or expired' }),
      expiresAt: Timestamp,
      invitedByUserId: Uuid,
      respondedAt: Nullable(Timestamp),
      createdAt: Timestamp,
    }),
  ),
  ...PageFields,
});
export const ReceivedInvitationList = Type.Object({
  items: Type.Array(
    Type.Object({
      invitationId: Uuid,
      ffcId: Uuid,
      ffcName: Type.String(),
      role: Type.String(),
      invitedByName: Type.String(),
      expiresAt: Timestamp,
      createdAt: Timestamp,
    }),
  ),
  ...PageFields,
});

/** `GET /v1/ffcs`: my circles, by name or sorted, optionally by name. */
export const FfcListQuery = PageWith({
  q: TextFilter('part of the circle name'),
  sort: Sort(['name', '-name', 'createdAt', '-createdAt'], 'default name'),
});
/** `GET /v1/ffcs/{ffcId}/invitations`: what a circle sent, newest first. */
export const SentInvitationListQuery = PageWith({
  status: Type.Optional(
    Type.Unsafe<string>({
      type: 'string',
      enum: ['pending', 'accepted', 'revoked', 'expired'],
      description: 'as shown',
    }),
  ),
  q: TextFilter('part of the invited email'),
  sort: Sort(['-createdAt', 'createdAt', 'email', '-email'], 'default -createdAt (newest first)'),
});
/** `GET /v1/ffc-invitations`: the pending ones to my verified email, newest first. */
export const ReceivedInvitationListQuery = PageWith({
  sort: Sort(['-createdAt', 'createdAt', 'expiresAt', '-expiresAt'], 'default -createdAt (newest first)'),
});
