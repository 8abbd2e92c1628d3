// Request and response schemas of the asset routes. Money and percentages are decimal strings.
import { Type, type Static } from 'typebox';
import { IsoDate, JsonColumn, Nullable, PageFields, PageWith, Sort, TextFilter, Timestamp, Uuid } from './common.ts';
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
  'tenancy_by_entirety',
  'community_property_wros',
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
    // Decimals are strings, as at the top level (a JSON number is rounded when parsed); only the
    // integer fields (modelYear) may be numbers. The database refuses a number for a decimal field.
    additionalProperties: Type.Union([Type.String({ maxLength: 2000 }), Type.Integer(), Type.Boolean(), Type.Null()]),
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
      // Held by a persona (personaId, personaName) or by a legal entity (entityId, entityName); the other pair is null.
      Type.Object({
        personaId: Nullable(Uuid),
        personaName: Nullable(Type.String()),
        entityId: Nullable(Uuid),
        entityName: Nullable(Type.String()),
        percentage: Type.String(),
        form: Type.String(),
      }),
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
      currentValue: Nullable(Type.String({ description: 'the latest valuation, in currentValueCurrency' })),
      currentValueCurrency: Nullable(Type.String()),
      valuedOn: Nullable(IsoDate),
      myAccess: Type.String({ description: 'owner, edit or view' }),
      createdAt: Timestamp,
    }),
  ),
  ...PageFields,
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
export const ValuationQuery = PageWith({
  asOf: Type.Optional(IsoDate),
  sort: Sort(['-valuedOn', 'valuedOn'], 'default -valuedOn (newest first)'),
});
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
  ...PageFields,
});
export const OwnersAsOfQuery = Type.Object(
  {
    asOf: Type.Optional(
      Type.String({ format: 'date', description: 'the day (UTC) whose end the shares are read at; default today' }),
    ),
  },
  { additionalProperties: false },
);
export const OwnersAsOf = Type.Object({
  items: Type.Array(
    Type.Object({
      personaId: Nullable(Uuid),
      personaName: Nullable(Type.String()),
      entityId: Nullable(Uuid),
      entityName: Nullable(Type.String()),
      ownershipPercentage: Type.String(),
      ownershipForm: Type.String(),
      heldSince: Nullable(Timestamp),
    }),
  ),
});
export const OwnershipHistory = Type.Object({
  items: Type.Array(
    Type.Object({
      changeId: Type.String({ description: 'orders the changes recorded at one instant' }),
      personaId: Nullable(Uuid),
      personaName: Nullable(Type.String()),
      entityId: Nullable(Uuid),
      entityName: Nullable(Type.String()),
      ownershipPercentage: Nullable(
        Type.String({ description: "the holder's share from then on; null: its share ended" }),
      ),
      ownershipForm: Nullable(Type.String()),
      effectiveAt: Nullable(Timestamp),
      recordedAt: Timestamp,
    }),
  ),
  ...PageFields,
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
export const SearchQuery = PageWith({ q: Type.String({ minLength: 1, maxLength: 200, description: 'words to find' }) });
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
  ...PageFields,
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

// The type fields of each of the 13 asset types (the columns of its app.asset_* table,
// camelCased), one component per type. POST /v1/assets validates `details` against its type's
// schema (CreateAssetContract); PATCH carries no assetType, so it validates the flat Details()
// bounds and the database checks the fields against the stored type (app.check_asset_details,
// which also checks every create again: unknown keys, the columns' CHECKs).
const text = (maxLength: number, description: string) => Type.String({ minLength: 1, maxLength, description });
const optionalText = (maxLength: number, description: string) =>
  Type.Optional(Nullable(Type.String({ maxLength, description })));
const oneOf = (values: readonly string[], description: string) =>
  Type.Union(
    values.map((value) => Type.Literal(value)),
    { description },
  );
const decimal = (description: string) =>
  Type.String({ pattern: '^[0-9]{1,18}(\\.[0-9]{1,12})?$', description: `exact decimal string: ${description}` });
const optional = <T extends Parameters<typeof Nullable>[0]>(schema: T) => Type.Optional(Nullable(schema));
const details = (id: string, description: string, properties: Parameters<typeof Type.Object>[0]) =>
  Object.assign(
    Type.Object(properties, {
      $id: id,
      title: id,
      description,
      additionalProperties: false,
      // The same cheap bounds as Details(): many keys are refused before each is looked at.
      maxProperties: DETAILS_MAX_FIELDS,
      propertyNames: { pattern: DETAILS_KEY_PATTERN },
    }),
    { $id: id },
  );

export const ASSET_DETAILS = {
  bank_account: details('BankAccountDetails', 'A checking, savings, money-market or deposit account', {
    institutionName: text(200, 'the bank'),
    accountKind: oneOf(['checking', 'savings', 'money_market', 'certificate_of_deposit'], 'the kind of account'),
    interestRatePercent: optional(Type.String({ ...percentage, description: 'yearly interest rate, 0-100' })),
  }),
  investment_account: details('InvestmentAccountDetails', 'A brokerage, managed, 529 or trust account', {
    institutionName: text(200, 'the custodian'),
    accountKind: oneOf(['brokerage', 'managed', 'education_529', 'trust', 'other'], 'the kind of account'),
    isTaxable: Type.Optional(Type.Boolean({ default: true, description: 'gains are taxed (default true)' })),
  }),
  real_estate: details('RealEstateDetails', 'A home, rental, commercial property or land', {
    propertyKind: oneOf(['primary_residence', 'vacation_home', 'rental', 'commercial', 'land'], 'the kind of property'),
    addressLine1: text(200, 'street and number'),
    city: text(100, 'the city'),
    region: optionalText(100, 'state, province or region'),
    postalCode: optionalText(20, 'postal code'),
    countryCode: Type.String({ pattern: '^[A-Z]{2}$', description: 'ISO 3166-1 alpha-2 country code' }),
    purchaseDate: optional(IsoDate),
    purchasePrice: optional(Money),
  }),
  vehicle: details('VehicleDetails', 'A car, boat or other vehicle', {
    make: text(100, 'the maker'),
    model: text(100, 'the model'),
    modelYear: optional(Type.Integer({ minimum: 1885, maximum: 2100, description: 'model year' })),
    vin: optional(Type.String({ pattern: '^[A-HJ-NPR-Z0-9]{17}$', description: 'vehicle identification number' })),
  }),
  business: details('BusinessDetails', 'An interest in a business', {
    legalName: text(200, "the business's legal name"),
    entityKind: oneOf(['sole_proprietorship', 'partnership', 'llc', 'c_corp', 's_corp', 'other'], 'the legal form'),
    jurisdiction: optionalText(100, 'where it is registered'),
    ownershipUnits: optional(decimal('shares or units held, more than 0, up to 6 decimals')),
  }),
  life_insurance: details('LifeInsuranceDetails', 'A life insurance policy (a term policy has an end date)', {
    insurerName: text(200, 'the insurer'),
    policyKind: oneOf(['term', 'whole', 'universal', 'variable'], 'the kind of policy'),
    faceValue: Type.String({ ...Money, description: 'the death benefit, more than 0' }),
    insuredPersonaId: Type.String({ format: 'uuid', description: 'the insured: a persona the caller acts for' }),
    termEndsOn: optional(Type.String({ format: 'date', description: 'end of the term (required for term)' })),
  }),
  personal_property: details('PersonalPropertyDetails', 'Jewellery, furniture, equipment and other belongings', {
    itemKind: text(100, 'what the item is'),
    location: optionalText(200, 'where it is kept'),
  }),
  debt: details('DebtDetails', 'A mortgage, loan or credit line (a liability)', {
    lenderName: text(200, 'the lender'),
    debtKind: oneOf(
      ['mortgage', 'auto_loan', 'student_loan', 'personal_loan', 'credit_card', 'line_of_credit', 'other'],
      'the kind of debt',
    ),
    interestRatePercent: Type.String({ ...percentage, description: 'yearly interest rate, 0-100' }),
    originalPrincipal: optional(Money),
    maturesOn: optional(IsoDate),
    termMonths: optional(Type.Integer({ minimum: 1, maximum: 1200, description: 'the term in months' })),
    paymentAmount: optional(Money),
    paymentFrequency: optional(
      oneOf(['weekly', 'biweekly', 'monthly', 'quarterly', 'annually'], 'how often the payment is due'),
    ),
  }),
  cryptocurrency: details('CryptocurrencyDetails', 'A holding of one crypto currency (a public address at most)', {
    symbol: Type.String({ pattern: '^[A-Z0-9]{2,10}$', description: 'ticker, e.g. BTC' }),
    units: decimal('units held, up to 12 decimals'),
    custody: oneOf(['exchange', 'self_custody', 'custodian'], 'who holds the keys'),
    walletAddress: optional(
      Type.String({ pattern: '^[A-Za-z0-9:]{20,120}$', description: 'a public address, never a key or seed phrase' }),
    ),
  }),
  retirement_account: details('RetirementAccountDetails', 'An IRA, 401(k), 403(b) or pension', {
    institutionName: text(200, 'the plan administrator'),
    planKind: oneOf(['traditional_ira', 'roth_ira', '401k', 'roth_401k', '403b', 'pension', 'other'], 'the plan'),
  }),
  collectible: details('CollectibleDetails', 'Art, antiques, wine, coins, stamps or memorabilia', {
    collectibleKind: oneOf(['art', 'antique', 'wine', 'coin', 'stamp', 'memorabilia', 'other'], 'the kind'),
    creator: optionalText(200, 'artist or maker'),
    provenance: optionalText(2000, 'history of ownership'),
  }),
  intellectual_property: details('IntellectualPropertyDetails', 'A patent, trademark, copyright or royalty stream', {
    ipKind: oneOf(['patent', 'trademark', 'copyright', 'trade_secret', 'royalty_stream'], 'the kind of right'),
    registrationNumber: optionalText(100, 'registration or patent number'),
    expiresOn: optional(IsoDate),
  }),
  misc: details('MiscDetails', 'Anything else', { notes: optionalText(2000, 'free notes') }),
} as const;

/** Every asset type's details schema, for app.addSchema (one OpenAPI component each). */
export const assetDetailsSchemas = Object.values(ASSET_DETAILS);

/**
 * The create body, as published and as validated: a discriminated union on `assetType` (Ajv's
 * `discriminator`: only the named type's branch is checked), each variant with its own `details`,
 * so a field of another type is refused by name (`body.details.notes: unknown field notes`)
 * before the database's own check (app.check_asset_details) runs.
 */
export const CreateAssetContract = Type.Unsafe<Static<typeof CreateAssetBody>>({
  type: 'object',
  required: ['assetType'],
  // Each branch allows exactly the create fields; the union's own bound says so before any branch.
  maxProperties: Object.keys(CreateAssetBody.properties).length,
  oneOf: Object.entries(ASSET_DETAILS).map(([assetType, schema]) => ({
    ...CreateAssetBody,
    title: `Create${schema.$id.replace(/Details$/, '')}Asset`,
    properties: { ...CreateAssetBody.properties, assetType: { const: assetType }, details: { $ref: `${schema.$id}#` } },
    // details may be left out only by a type without a required field (misc).
    required: [
      ...CreateAssetBody.required.filter((key) => key !== 'details'),
      ...((schema.required ?? []).length ? ['details'] : []),
    ],
  })),
  discriminator: { propertyName: 'assetType' },
});

const assetListFilters = {
  assetType: Type.Optional(AssetType),
  q: TextFilter('words that begin words of the name, description or category (GIN-indexed)'),
  sort: Sort(['name', '-name', 'createdAt', '-createdAt'], 'default name'),
};
/** `GET /v1/ffcs/{ffcId}/assets` and `GET /v1/personas/{personaId}/assets`: a page, optionally of one type, matching q. */
export const AssetListQuery = PageWith(assetListFilters);
/** `GET /v1/assets`: the same, and optionally only what one circle's members own. */
export const MyAssetListQuery = PageWith({
  ...assetListFilters,
  ffcId: Type.Optional(Uuid),
});
/** An asset in a list: its latest value carries that value's own currency. */
export const AssetList = Type.Object({
  items: Type.Array(
    Type.Object({
      assetId: Uuid,
      assetType: Type.String(),
      categoryCode: Type.String(),
      name: Type.String(),
      currency: Type.String({ description: "the asset's currency" }),
      isLiability: Type.Boolean(),
      identifierMasked: Nullable(Type.String()),
      currentValue: Nullable(Type.String({ description: 'the latest valuation, in currentValueCurrency' })),
      currentValueCurrency: Nullable(Type.String()),
      valuedOn: Nullable(IsoDate),
      myAccess: Type.String({ description: 'owner, edit or view' }),
      createdAt: Timestamp,
    }),
  ),
  ...PageFields,
});
