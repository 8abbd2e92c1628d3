// Request and response schemas of the fiduciary routes: a persona's (or a trust's) ranked
// successions, the appointee's answers, the appointer's removals and reorders (docs/fiduciaries.md).
import { Type } from 'typebox';
import { Nullable, PageWith, Timestamp, Uuid } from './common.ts';

export const FIDUCIARY_ROLES = [
  'executor',
  'trustee',
  'durable_poa_agent',
  'springing_poa_agent',
  'guardian_of_minor',
  'custodian',
] as const;
export const FIDUCIARY_STATUSES = ['nominated', 'accepted', 'declined', 'resigned', 'removed'] as const;

const Role = Type.Union(
  FIDUCIARY_ROLES.map((role) => Type.Literal(role)),
  { description: 'executor, trustee, durable_poa_agent, springing_poa_agent, guardian_of_minor or custodian' },
);

export const AppointmentParams = Type.Object({ appointmentId: Uuid });

export const AppointBody = Type.Object(
  {
    role: Role,
    appointeePersonaId: Uuid,
    wardPersonaId: Type.Optional(
      Type.String({
        format: 'uuid',
        description: 'the minor a guardian or custodian is appointed for (those two roles only, and required there)',
      }),
    ),
    rank: Type.Optional(
      Type.Integer({
        minimum: 1,
        maximum: 10,
        description: '1 is the primary, 2.. the successors; the ones from there on move down (default: after the last)',
      }),
    ),
    documentId: Type.Optional(
      Type.String({ format: 'uuid', description: 'the will, trust or power of attorney that makes the appointment' }),
    ),
    notes: Type.Optional(
      Type.String({ maxLength: 1000, description: "the appointer's notes (not shown to the appointee)" }),
    ),
  },
  { additionalProperties: false },
);
export const TrusteeBody = Type.Object(
  {
    appointeePersonaId: Uuid,
    rank: AppointBody.properties.rank,
    documentId: AppointBody.properties.documentId,
    notes: AppointBody.properties.notes,
  },
  { additionalProperties: false },
);

export const ReorderBody = Type.Object(
  {
    role: Role,
    wardPersonaId: AppointBody.properties.wardPersonaId,
    appointmentIds: Type.Array(Uuid, {
      minItems: 1,
      maxItems: 10,
      uniqueItems: true,
      description: "every live appointment of the role (and ward), primary first: the whole succession's new order",
    }),
  },
  { additionalProperties: false },
);
export const TrusteeReorderBody = Type.Object(
  { appointmentIds: ReorderBody.properties.appointmentIds },
  { additionalProperties: false },
);

export const AppointmentListQuery = PageWith({
  role: Type.Optional(Role),
  includeEnded: Type.Optional(
    Type.Boolean({ default: false, description: 'also the declined, resigned and removed appointments (history)' }),
  ),
});
export const TrusteeListQuery = PageWith({ includeEnded: AppointmentListQuery.properties.includeEnded });
export const MyAppointmentListQuery = PageWith({
  status: Type.Optional(
    Type.Union(
      FIDUCIARY_STATUSES.map((status) => Type.Literal(status)),
      { description: 'only the appointments in this status' },
    ),
  ),
});

export const Appointment = Type.Object({
  appointmentId: Uuid,
  appointerKind: Type.String({ description: 'persona or entity (a trust appointing its trustees)' }),
  appointerPersonaId: Nullable(Uuid),
  appointerEntityId: Nullable(Uuid),
  appointerName: Type.String(),
  role: Type.String(),
  appointeePersonaId: Uuid,
  appointeeName: Type.String(),
  wardPersonaId: Nullable(Uuid),
  wardName: Nullable(Type.String()),
  rank: Type.Integer({ description: 'live appointments of a role hold 1..n; an ended one keeps its last rank' }),
  status: Type.String({ description: 'nominated, accepted, declined, resigned or removed' }),
  acting: Type.Boolean({ description: 'the first accepted appointment of its role (and ward) in rank order' }),
  nominatedAt: Timestamp,
  acceptedAt: Nullable(Timestamp),
  declinedAt: Nullable(Timestamp),
  resignedAt: Nullable(Timestamp),
  removedAt: Nullable(Timestamp),
  documentId: Nullable(Uuid),
  notes: Nullable(Type.String({ description: "the appointer's notes; null for the appointee" })),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export const AppointmentList = Type.Object({
  items: Type.Array(Appointment),
  limit: Type.Integer(),
  offset: Type.Integer(),
});
export const FiduciaryChecks = Type.Object({
  items: Type.Array(
    Type.Object({
      checkCode: Type.String({
        description:
          'no_executor, role_without_appointee, role_without_acceptance, appointee_deceased or ward_no_longer_minor',
      }),
      role: Type.String(),
      wardPersonaId: Nullable(Uuid),
      appointmentId: Nullable(Uuid),
      detail: Type.String(),
    }),
  ),
});
export const Succession = Type.Object({ items: Type.Array(Appointment) });
