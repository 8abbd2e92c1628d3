// Request and response schemas of the identity routes.
import { Type } from 'typebox';
import { IsoDate, JsonColumn, Nullable, PageFields, PageWith, Sort, TextFilter, Timestamp, Uuid } from './common.ts';

const Name = Type.String({ minLength: 1, maxLength: 100 });
const OptionalName = Type.String({ maxLength: 100 });
const LivingStatus = Type.Union([Type.Literal('living'), Type.Literal('incapacitated'), Type.Literal('deceased')]);
const Email = Type.String({ format: 'email', maxLength: 320 });

export const PersonaIdParams = Type.Object({ personaId: Uuid });
export const ContactParams = Type.Object({
  personaId: Uuid,
  contactKind: Type.Union([Type.Literal('emails'), Type.Literal('phones'), Type.Literal('addresses')]),
  contactId: Uuid,
});

// A compact JWS; the email is read from it once verified, never from the body.
const IdToken = Type.String({
  minLength: 20,
  maxLength: 8192,
  pattern: '^[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+$',
});

export const RegistrationBody = Type.Object(
  { idToken: IdToken, firstName: Name, lastName: Name, dateOfBirth: Type.Optional(IsoDate) },
  { additionalProperties: false },
);
export const EmailSyncBody = Type.Object({ idToken: IdToken }, { additionalProperties: false });
export const RegistrationReply = Type.Object({ userId: Uuid, personaId: Uuid });

export const UserProfile = Type.Object({
  userId: Uuid,
  email: Type.String(),
  status: Type.String(),
  lastLoginAt: Nullable(Timestamp),
  createdAt: Timestamp,
  personaId: Nullable(Uuid),
  firstName: Nullable(Type.String()),
  lastName: Nullable(Type.String()),
  preferredName: Nullable(Type.String()),
  tenantSlug: Type.String(),
  tenantName: Type.String(),
  tenantBranding: JsonColumn(Type.Object({}, { additionalProperties: true })),
});

export const DeactivationReply = Type.Object({ userId: Uuid, status: Type.String(), deactivatedAt: Timestamp });

/** `GET /v1/me/sessions`: the caller's own sign-ins, newest first. */
export const MySessionList = Type.Object({
  items: Type.Array(
    Type.Object({
      sessionId: Uuid,
      startedAt: Timestamp,
      lastSeenAt: Timestamp,
      revokedAt: Nullable(Timestamp),
      userAgent: Nullable(Type.String()),
      ipAddress: Nullable(Type.String({ description: "the address the sign-in came from (the user's own, in clear)" })),
      current: Type.Boolean({ description: 'the sign-in this request was made with' }),
    }),
  ),
  ...PageFields,
});
export const SessionIdParams = Type.Object({ sessionId: Uuid });

export const CreatePersonaBody = Type.Object(
  {
    firstName: Name,
    lastName: Name,
    middleName: Type.Optional(OptionalName),
    preferredName: Type.Optional(OptionalName),
    dateOfBirth: Type.Optional(IsoDate),
    livingStatus: Type.Optional(LivingStatus),
    dateOfDeath: Type.Optional(IsoDate),
  },
  { additionalProperties: false },
);

export const UpdatePersonaBody = Type.Object(
  {
    firstName: Type.Optional(Name),
    lastName: Type.Optional(Name),
    middleName: Type.Optional(OptionalName),
    preferredName: Type.Optional(OptionalName),
    dateOfBirth: Type.Optional(IsoDate),
    livingStatus: Type.Optional(LivingStatus),
    dateOfDeath: Type.Optional(IsoDate),
  },
  { additionalProperties: false, minProperties: 1 },
);

export const Persona = Type.Object({
  personaId: Uuid,
  firstName: Type.String(),
  middleName: Nullable(Type.String()),
  lastName: Type.String(),
  preferredName: Nullable(Type.String()),
  dateOfBirth: Nullable(IsoDate),
  isMinor: Type.Union([Type.Boolean(), Type.Null()]),
  livingStatus: Type.String(),
  dateOfDeath: Nullable(IsoDate),
  linkedUserId: Nullable(Uuid),
  emails: JsonColumn(
    Type.Array(Type.Object({ id: Uuid, email: Type.String(), label: Type.String(), isPrimary: Type.Boolean() })),
  ),
  phones: JsonColumn(
    Type.Array(Type.Object({ id: Uuid, phoneNumber: Type.String(), label: Type.String(), isPrimary: Type.Boolean() })),
  ),
  addresses: JsonColumn(
    Type.Array(
      Type.Object({
        id: Uuid,
        label: Type.String(),
        line1: Type.String(),
        line2: Nullable(Type.String()),
        city: Type.String(),
        region: Nullable(Type.String()),
        postalCode: Nullable(Type.String()),
        countryCode: Type.String(),
        isPrimary: Type.Boolean(),
      }),
    ),
  ),
  relationships: JsonColumn(
    Type.Array(
      Type.Object({
        id: Uuid,
        relatedPersonaId: Uuid,
        relationshipType: Type.String(),
        relatedPersonaName: Type.String(),
      }),
    ),
  ),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});

export const PersonaListReply = Type.Object({
  items: Type.Array(
    Type.Object({
      personaId: Uuid,
      firstName: Type.String(),
      lastName: Type.String(),
      preferredName: Nullable(Type.String()),
      linkKind: Type.String(),
      livingStatus: Type.String(),
      createdAt: Timestamp,
    }),
  ),
  ...PageFields,
});
/** `GET /v1/personas`: own first, then managed ones (or sorted), optionally by name. */
export const PersonaListQuery = PageWith({
  q: TextFilter('part of a first, last or preferred name'),
  sort: Sort(['name', '-name', 'createdAt', '-createdAt'], 'default: own persona first, then by creation'),
});
/** `GET /v1/persona-link-invitations`. */
export const LinkInvitationListQuery = PageWith({
  sort: Sort(['createdAt', '-createdAt'], 'default createdAt (oldest first)'),
});

export const LinkBody = Type.Object(
  { userId: Uuid, linkKind: Type.Union([Type.Literal('self'), Type.Literal('delegate')], { default: 'delegate' }) },
  { additionalProperties: false },
);
export const LinkReply = Type.Object({
  linkId: Nullable(Uuid),
  userId: Uuid,
  personaId: Uuid,
  linkKind: Type.String(),
  status: Type.String(),
});
export const AcceptedLinkReply = Type.Object({
  linkId: Uuid,
  userId: Uuid,
  personaId: Uuid,
  linkKind: Type.String(),
  status: Type.String(),
});
export const LinkInvitationParams = Type.Object({ invitationId: Uuid });
export const LinkInvitationRevokeParams = Type.Object({ personaId: Uuid, userId: Uuid });
export const LinkInvitationListReply = Type.Object({
  items: Type.Array(
    Type.Object({
      invitationId: Uuid,
      personaId: Uuid,
      personaFirstName: Type.String(),
      personaLastName: Type.String(),
      invitedByFirstName: Nullable(Type.String()),
      invitedByLastName: Nullable(Type.String()),
      createdAt: Timestamp,
    }),
  ),
  ...PageFields,
});

export const EmailBody = Type.Object(
  {
    email: Email,
    label: Type.Union([Type.Literal('personal'), Type.Literal('work'), Type.Literal('other')], { default: 'personal' }),
    isPrimary: Type.Boolean({ default: false }),
  },
  { additionalProperties: false },
);
export const PhoneBody = Type.Object(
  {
    phoneNumber: Type.String({ minLength: 7, maxLength: 32 }),
    label: Type.Union([Type.Literal('mobile'), Type.Literal('home'), Type.Literal('work'), Type.Literal('other')], {
      default: 'mobile',
    }),
    isPrimary: Type.Boolean({ default: false }),
  },
  { additionalProperties: false },
);
export const AddressBody = Type.Object(
  {
    line1: Type.String({ minLength: 1, maxLength: 200 }),
    line2: Type.Optional(Type.String({ maxLength: 200 })),
    city: Type.String({ minLength: 1, maxLength: 100 }),
    region: Type.Optional(Type.String({ maxLength: 100 })),
    postalCode: Type.Optional(Type.String({ maxLength: 20 })),
    countryCode: Type.String({ pattern: '^[A-Za-z]{2}$' }),
    label: Type.Union([Type.Literal('home'), Type.Literal('mailing'), Type.Literal('work'), Type.Literal('other')], {
      default: 'home',
    }),
    isPrimary: Type.Boolean({ default: false }),
  },
  { additionalProperties: false },
);
export const ContactReply = Type.Object({ contactId: Uuid });

export const RelationshipBody = Type.Object(
  {
    relatedPersonaId: Uuid,
    relationshipType: Type.Union(
      [
        'spouse',
        'partner',
        'former_spouse',
        'child',
        'parent',
        'sibling',
        'grandchild',
        'grandparent',
        'guardian',
        'ward',
        'other',
      ].map((kind) => Type.Literal(kind)),
    ),
  },
  { additionalProperties: false },
);
export const RelationshipReply = Type.Object({ relationshipId: Uuid });
