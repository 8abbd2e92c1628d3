// Request and response schemas of the GDPR routes (docs/gdpr.md): consents, data subject requests
// (export, erasure) and an export's archive.
import { Type } from 'typebox';
import { JsonColumn, Nullable, PageFields, PageWith, Timestamp, Uuid } from './common.ts';

export const PURPOSES = [
  'terms_of_service',
  'privacy_policy',
  'marketing_email',
  'product_analytics',
  'advisor_sharing',
] as const;

const Consent = {
  consentId: Uuid,
  purpose: Type.String({ description: PURPOSES.join(', ') }),
  version: Type.String({ description: 'the version of the text agreed to or withdrawn from' }),
  decision: Type.String({ description: 'given or withdrawn' }),
  recordedAt: Timestamp,
  isCurrent: Type.Boolean({ description: "the purpose's newest decision: its state now" }),
};
export const ConsentReply = Type.Object(Consent);
export const ConsentList = Type.Object({ items: Type.Array(Type.Object(Consent)), ...PageFields });
export const ConsentBody = Type.Object(
  {
    purpose: Type.Union(PURPOSES.map((p) => Type.Literal(p))),
    version: Type.String({
      pattern: '^[A-Za-z0-9._-]{1,40}$',
      description: 'the version of the text shown, e.g. 2026-01',
    }),
    decision: Type.Union([Type.Literal('given'), Type.Literal('withdrawn')]),
  },
  { additionalProperties: false },
);

const RequestKind = Type.Union([Type.Literal('export'), Type.Literal('erasure')]);
const RequestStatus = Type.Union(
  ['received', 'in_progress', 'completed', 'refused', 'cancelled'].map((s) => Type.Literal(s)),
);
export const DataRequestBody = Type.Object({ kind: RequestKind }, { additionalProperties: false });
export const DataRequestParams = Type.Object({ requestId: Uuid });

const RequestEvents = JsonColumn(
  Type.Array(
    Type.Object({
      fromStatus: Nullable(Type.String()),
      toStatus: Type.String(),
      actorKind: Type.String(),
      note: Nullable(Type.String()),
      occurredAt: Type.String({ format: 'date-time' }),
    }),
    { description: 'every change of state (and each archive download), oldest first' },
  ),
);
const Outcome = JsonColumn(
  Nullable(
    Type.Object(
      {},
      { additionalProperties: Type.Integer(), description: "an erasure's counts of what it removed or pseudonymised" },
    ),
  ),
);

const RequestSummary = {
  requestId: Uuid,
  kind: Type.String({ description: 'export or erasure' }),
  status: Type.String({ description: 'received, in_progress, completed, refused or cancelled' }),
  receivedAt: Timestamp,
  dueAt: Timestamp,
  completedAt: Nullable(Timestamp),
  refusalCode: Nullable(Type.String()),
};
export const DataRequest = Type.Object({
  ...RequestSummary,
  refusalReason: Nullable(Type.String()),
  outcome: Outcome,
  archiveExpiresAt: Nullable(Timestamp),
  events: RequestEvents,
});
export const DataRequestList = Type.Object({ items: Type.Array(Type.Object(RequestSummary)), ...PageFields });

export const DataExport = Type.Object({
  requestId: Uuid,
  generatedAt: Timestamp,
  files: JsonColumn(
    Type.Object(
      {},
      {
        additionalProperties: true,
        description:
          'one JSON document per domain: identity.json, personas.json, circles.json, assets.json, valuations.json, ' +
          'net_worth.json, billing.json, estate.json, vault.json, legacy.json, consents.json, sessions.json, ' +
          'data_requests.json, api_keys.json, ' +
          'support_access.json, audit.json',
      },
    ),
  ),
});

export const SupportDataRequestQuery = PageWith({
  status: Type.Optional(RequestStatus),
  kind: Type.Optional(RequestKind),
});
export const SupportDataRequestParams = Type.Object({ tenantId: Uuid, requestId: Uuid });
const SupportSummary = {
  ...RequestSummary,
  userId: Uuid,
  emailMasked: Type.String(),
};
export const SupportDataRequestList = Type.Object({
  items: Type.Array(
    Type.Object({ ...SupportSummary, overdue: Type.Boolean({ description: 'open past its deadline' }) }),
  ),
});
export const SupportDataRequest = Type.Object({
  ...SupportSummary,
  refusalReason: Nullable(Type.String()),
  outcome: Outcome,
  events: RequestEvents,
});
