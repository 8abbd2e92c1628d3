// Request and response schemas of the asset routes. Money and percentages are decimal strings.
import { Type } from 'typebox';
import { IsoDate, JsonColumn, Nullable, PageWith, Timestamp, Uuid } from './common.ts';
import { Role } from './family_circles.ts';

export const Money = Type.String({
  pattern: '^[0-9]{1,18}(\\.[0-9]{1,2})?$',
  description: 'exact decimal, e.g. "1234.56"',
});
const percentage = {
  pattern: '^(100(\\.0{1,4})?|[0-9]{1,2}(\\.[0-9]{1,4})?)$',
  description: 'exact decimal 0-100, up to 4 places',
};
export const Percentage = Type.String(percentage);
export const Currency = Type.String({ pattern: '^[A-Z]{3}$' });
const AssetType = Type.Union(
  [
    'bank_account',
    'investment_account',
    'real_estate',
    'vehicle',
    'business',
    'life_insurance',
    'personal_property',
    'debt',
    'cryptocurrency',
    'retirement_account',
    'collectible',
    'intellectual_property',
    'misc',
  ].map((kind) => Type.Literal(kind)),
);
/** How a persona holds a share: the API's one list (the database's is the domain app.ownership_form). */
export const OWNERSHIP_FORMS = [
  'sole',
  'joint_tenancy_wros',
  'tenants_in_common',
  'community_property',
  'trust_owned',
  'tod_pod',
] as const;
const OwnershipForm = Type.Union(OWNERSHIP_FORMS.map((form) => Type.Literal(form)));
/** Where a valuation comes from (the database's list is the domain app.valuation_source). */
export const VALUATION_SOURCES = ['manual', 'appraisal', 'statement', 'import'] as const;
const ValuationSource = Type.Union(
  VALUATION_SOURCES.map((source) => Type.Literal(source)),
  { default: 'manual' },
);

/** The most detail fields an asset type has is 8 (real estate): a test keeps the maximum above it. */
export const DETAILS_MAX_FIELDS = 16;
/** A details key as the API spells it: camelCase (`insuredPersonaId`); `insured_persona_id` is refused. */
export const DETAILS_KEY_PATTERN = '^[a-z][a-zA-Z0-9]{0,62}$';
/**
 * An asset type's fields (which keys belong to which type is the database's: app.check_asset_details);
 * here the cheap bounds, checked before anything else: how many keys, how they are spelled, scalar values.
 */
const Details = (options: { default?: Record<string, never> } = {}) =>
  Type.Unsafe<Record<string, string | number | boolean | null>>({
    type: 'object',
    maxProperties: DETAILS_MAX_FIELDS,
    propertyNames: { pattern: DETAILS_KEY_PATTERN },
    additionalProperties: Type.Union([Type.String({ maxLength: 2000 }), Type.Number(), Type.Boolean(), Type.Null()]),
    description: "the asset type's own fields, camelCase (docs/assets_and_net_worth.md)",
    ...options,
  });

export const AssetParams = Type.Object({ assetId: Uuid });
export const PermissionParams = Type.Object({ assetId: Uuid, permissionId: Uuid });
export const PersonaParams = Type.Object({ personaId: Uuid });

export const CreateAssetBody = Type.Object(
  {
    assetType: AssetType,
    categoryCode: Type.String({ pattern: '^[a-z_]{2,40}$' }),
    name: Type.String({ minLength: 1, maxLength: 200 }),
    description: Type.Optional(Type.String({ maxLength: 2000 })),
    currency: Currency,
    ownerPersonaId: Uuid,
    initialValue: Money,
    valuedOn: IsoDate,
    details: Details({ default: {} }),
    ownershipPercentage: Type.String({ ...percentage, default: '100' }),
    ownershipForm: Type.Union(OwnershipForm.anyOf, { default: 'sole' }),
    valuationSource: ValuationSource,
    identifier: Type.Optional(
      Type.String({
        minLength: 4,
        maxLength: 64,
        pattern: '^[0-9A-Za-z -]+$',
        description: 'account or policy number: stored encrypted, shown as its last four',
      }),
    ),
  },
  { additionalProperties: false },
);

export const Asset = Type.Object({
  assetId: Uuid,
  assetType: Type.String(),
  categoryCode: Type.String(),
  name: Type.String(),
  description: Nullable(Type.String()),
  currency: Type.String(),
  isLiability: Type.Boolean(),
  identifierMasked: Nullable(Type.String()),
  status: Type.String(),
  details: JsonColumn(Type.Object({}, { additionalProperties: true })),
  currentValue: Nullable(Type.String()),
  currentValueCurrency: Nullable(Type.String()),
  valuedOn: Nullable(IsoDate),
  ownerships: JsonColumn(
    Type.Array(
      Type.Object({ personaId: Uuid, personaName: Type.String(), percentage: Type.String(), form: Type.String() }),
    ),
  ),
  myAccess: Type.String(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});

export const PersonaAssets = Type.Object({
  items: Type.Array(
    Type.Object({
      assetId: Uuid,
      assetType: Type.String(),
      categoryCode: Type.String(),
      name: Type.String(),
      currency: Type.String(),
      isLiability: Type.Boolean(),
      identifierMasked: Nullable(Type.String()),
      ownershipPercentage: Type.String(),
      ownershipForm: Type.String(),
      currentValue: Nullable(Type.String()),
      valuedOn: Nullable(IsoDate),
      myAccess: Type.String(),
    }),
  ),
  limit: Type.Integer(),
  offset: Type.Integer(),
});

export const AssignBody = Type.Object(
  { personaId: Uuid, percentage: Percentage, ownershipForm: OwnershipForm },
  { additionalProperties: false },
);
export const Assignment = Type.Object({
  assetId: Uuid,
  personaId: Uuid,
  ownershipPercentage: Type.String(),
  ownershipForm: Type.String(),
  totalPercentage: Type.String(),
});
export const TransferBody = Type.Object(
  { fromPersonaId: Uuid, toPersonaId: Uuid, percentage: Percentage },
  { additionalProperties: false },
);
export const Shares = Type.Object({
  items: Type.Array(Type.Object({ personaId: Uuid, ownershipPercentage: Type.String() })),
});
export const ValuationBody = Type.Object(
  { amount: Money, valuedOn: IsoDate, source: ValuationSource, currency: Type.Optional(Currency) },
  { additionalProperties: false },
);
export const Valuation = Type.Object({
  valuationId: Uuid,
  valuedOn: IsoDate,
  amount: Type.String(),
  currency: Type.String(),
  source: Type.String(),
});
export const ValuationQuery = PageWith({ asOf: Type.Optional(IsoDate) });
export const Valuations = Type.Object({
  items: Type.Array(
    Type.Object({
      valuationId: Uuid,
      valuedOn: IsoDate,
      amount: Type.String(),
      currency: Type.String(),
      source: Type.String(),
      createdAt: Timestamp,
    }),
  ),
});
export const PermissionBody = Type.Object(
  {
    permission: Type.Union([Type.Literal('view'), Type.Literal('edit')]),
    granteePersonaId: Type.Optional(Uuid),
    granteeFfcId: Type.Optional(Uuid),
    granteeFfcRole: Type.Optional(Role),
  },
  { additionalProperties: false },
);
export const PermissionReply = Type.Object({ permissionId: Uuid });
export const SearchQuery = Type.Object(
  { q: Type.String({ minLength: 1, maxLength: 200 }), limit: Type.Integer({ minimum: 1, maximum: 100, default: 20 }) },
  { additionalProperties: false },
);
export const SearchReply = Type.Object({
  items: Type.Array(
    Type.Object({
      assetId: Uuid,
      assetType: Type.String(),
      categoryCode: Type.String(),
      name: Type.String(),
      rank: Type.Number(),
    }),
  ),
});
export const Categories = Type.Object({
  items: Type.Array(
    Type.Object({ code: Type.String(), assetType: Type.String(), name: Type.String(), isLiability: Type.Boolean() }),
  ),
});

export const UpdateAssetBody = Type.Object(
  {
    name: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    description: Type.Optional(Type.String({ maxLength: 2000 })),
    details: Type.Optional(Details()),
  },
  { additionalProperties: false, minProperties: 1 },
);
