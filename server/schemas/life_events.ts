// Request and response schemas of the incapacity and death reports: reported by someone close,
// blocked by the person, evidence, and support's verification (docs/legacy.md).
import { Type } from 'typebox';
import { IsoDate, Nullable, Page, PageWith, Timestamp, Uuid } from './common.ts';

export const LifeEventParams = Type.Object({ eventId: Uuid });
export const PersonaLifeEventParams = Type.Object({ personaId: Uuid });
export const SupportLifeEventParams = Type.Object({ tenantId: Uuid, eventId: Uuid });

const LifeEventKind = Type.Union([Type.Literal('incapacity'), Type.Literal('death')]);
const LifeEventState = Type.Union(
  ['reported', 'blocked', 'withdrawn', 'rejected', 'verified', 'ended'].map((state) => Type.Literal(state)),
);

export const ReportLifeEventBody = Type.Object(
  {
    kind: LifeEventKind,
    occurredOn: IsoDate,
  },
  { additionalProperties: false },
);

export const EvidenceBody = Type.Object(
  {
    evidenceKind: Type.Union(
      ['death_certificate', 'court_letters', 'power_of_attorney', 'medical_letter', 'other'].map((kind) =>
        Type.Literal(kind),
      ),
    ),
    documentId: Type.Optional(Uuid),
    note: Type.Optional(Type.String({ maxLength: 1000, description: 'for support staff only; never in an event' })),
  },
  { additionalProperties: false },
);

export const LifeEvent = Type.Object({
  eventId: Uuid,
  role: Type.String({ description: 'the caller’s side: reporter, or subject (the report is about the caller)' }),
  personaId: Uuid,
  kind: Type.String({ description: 'incapacity or death' }),
  occurredOn: IsoDate,
  state: Type.String({
    description: 'reported, blocked, withdrawn, rejected, verified, or ended (a verified incapacity that ended)',
  }),
  reportedAt: Timestamp,
  waitEndsAt: Timestamp,
  evidenceKind: Nullable(Type.String()),
  evidenceDocumentId: Nullable(Uuid),
  evidenceSubmittedAt: Nullable(Timestamp),
  verificationsNeeded: Type.Integer({ description: '2 for a death, 1 for an incapacity' }),
  verificationsDone: Type.Integer(),
  blockedAt: Nullable(Timestamp),
  withdrawnAt: Nullable(Timestamp),
  rejectedAt: Nullable(Timestamp),
  verifiedAt: Nullable(Timestamp),
  updatedAt: Timestamp,
});
export const LifeEventList = Type.Object({
  items: Type.Array(LifeEvent),
  limit: Type.Integer(),
  offset: Type.Integer(),
});
export const LifeEventListQuery = Page;

export const StaffLifeEvent = Type.Object({
  eventId: Uuid,
  personaId: Uuid,
  kind: Type.String(),
  occurredOn: IsoDate,
  state: Type.String(),
  reportedByUserId: Uuid,
  reportedAt: Timestamp,
  waitEndsAt: Timestamp,
  evidenceKind: Nullable(Type.String()),
  evidenceDocumentId: Nullable(Uuid),
  evidenceSubmittedAt: Nullable(Timestamp),
  verificationsNeeded: Type.Integer(),
  firstVerifiedBy: Nullable(Type.String()),
  verifiedBy: Nullable(Type.String()),
  verifiedAt: Nullable(Timestamp),
  rejectedBy: Nullable(Type.String()),
  rejectedAt: Nullable(Timestamp),
});
export const StaffLifeEventList = Type.Object({ items: Type.Array(StaffLifeEvent) });
export const StaffLifeEventListQuery = PageWith({ state: Type.Optional(LifeEventState) });
export const RejectLifeEventBody = Type.Object(
  { reason: Type.String({ minLength: 1, maxLength: 500 }) },
  { additionalProperties: false },
);
