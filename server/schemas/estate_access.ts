// Response schemas of what fiduciaries reach after a verified death or incapacity (docs/legacy.md).
import { Type } from 'typebox';
import { IsoDate, JsonColumn, Nullable, PageFields, PageWith, Timestamp, Uuid } from './common.ts';

export const EstatePersonaParams = Type.Object({ personaId: Uuid });
export const EstatePageQuery = PageWith({});

export const FiduciaryAssets = Type.Object({
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
      accessRole: Type.String({ description: 'executor (death verified) or agent (incapacity verified)' }),
    }),
  ),
  ...PageFields,
});

export const EstateReads = Type.Object({
  items: Type.Array(
    Type.Object({
      occurredAt: Timestamp,
      what: Type.String({
        description:
          'assets, estate_flow, snapshot, document or evidence; for a request acting for the person, the procedure (api.sp_…)',
      }),
      readerUserId: Nullable(Uuid),
      via: Type.String({
        description:
          'emergency_access, fiduciary:executor, fiduciary:agent, vault_share, support (a report’s evidence), act_for:emergency_access or act_for:fiduciary:agent',
      }),
      rowId: Nullable(
        Type.String({ description: 'the grant, persona or document read (for act_for:emergency_access, the grant)' }),
      ),
      rowsRead: Nullable(Type.Integer()),
    }),
  ),
  ...PageFields,
});

export const ExecutorFlowQuery = Type.Object(
  {
    asOf: Type.Optional(IsoDate),
    currency: Type.String({ pattern: '^[A-Z]{3}$', default: 'USD' }),
  },
  { additionalProperties: false },
);
export const ExecutorFlow = Type.Object({
  asOf: Nullable(IsoDate),
  currency: Type.String(),
  items: Type.Array(
    Type.Object({
      assetId: Nullable(Uuid),
      assetName: Nullable(Type.String()),
      route: Type.String(),
      recipientKind: Type.String(),
      recipientPersonaId: Nullable(Uuid),
      recipientEntityId: Nullable(Uuid),
      recipientName: Type.String(),
      amount: Type.String({ description: 'exact decimal, rounded to cents; negative for a debt' }),
      asOf: IsoDate,
    }),
  ),
});

export const EstateSnapshot = Type.Object({
  eventId: Uuid,
  occurredOn: IsoDate,
  verifiedAt: Timestamp,
  currency: Nullable(Type.String({ description: 'the tenant’s reporting currency of the net worth and the flow' })),
  holdings: JsonColumn(
    Type.Array(Type.Object({}, { additionalProperties: true }), {
      description: 'assets, shares, values on the date, in their own currencies',
    }),
  ),
  netWorth: Nullable(JsonColumn(Type.Object({}, { additionalProperties: true }))),
  estateFlow: Nullable(
    JsonColumn(Type.Any({ description: 'the flow’s lines on the date, or {error} when a rate was missing' })),
  ),
});

export const ActingForRequests = Type.Object({
  items: Type.Array(
    Type.Object({
      occurredAt: Timestamp,
      agentUserId: Uuid,
      agentName: Nullable(Type.String({ description: 'the name of the person who acted' })),
      via: Type.String({ description: 'emergency_access (an act_for grant) or fiduciary:agent (a power of attorney)' }),
      grantId: Nullable(Uuid),
      procedureName: Type.String({ description: 'what was done: the procedure, e.g. api.sp_update_asset_value' }),
      requestId: Nullable(
        Type.String({ description: 'the request (its X-Request-Id): the audit log holds what it changed' }),
      ),
    }),
  ),
  ...PageFields,
});
