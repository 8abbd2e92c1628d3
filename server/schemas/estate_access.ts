// Response schemas of what fiduciaries reach after a verified death or incapacity (docs/legacy.md).
import { Type } from 'typebox';
import { IsoDate, Nullable, PageFields, PageWith, Timestamp, Uuid } from './common.ts';

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
      what: Type.String({ description: 'assets, document or evidence' }),
      readerUserId: Nullable(Uuid),
      via: Type.String({
        description:
          'emergency_access, fiduciary:executor, fiduciary:agent, vault_share or support (a report’s evidence)',
      }),
      rowId: Nullable(Type.String({ description: 'the grant, persona or document read' })),
      rowsRead: Nullable(Type.Integer()),
    }),
  ),
  ...PageFields,
});
