// Request and response schemas of the estate-planning routes: legal entities, entity shares,
// beneficiary designations and the planner's checks. Percentages are decimal strings.
import { Type } from 'typebox';
import { IsoDate, JsonColumn, Nullable, Timestamp, Uuid } from './common.ts';
import { OWNERSHIP_FORMS, Percentage } from './assets.ts';

/** The kinds of legal entity (the database's list is the CHECK on app.legal_entities). */
export const ENTITY_KINDS = [
  'revocable_trust',
  'irrevocable_trust',
  'llc',
  'partnership',
  'corporation',
  'other',
] as const;
const EntityKind = Type.Union(ENTITY_KINDS.map((kind) => Type.Literal(kind)));
const EntityRole = Type.Union(['grantor', 'trustee', 'manager'].map((role) => Type.Literal(role)));
/** Who controls the entity, replaced whole: a trust's grantors and trustees, any other entity's managers. */
const Roles = Type.Array(Type.Object({ personaId: Uuid, role: EntityRole }, { additionalProperties: false }), {
  minItems: 1,
  maxItems: 20,
});

export const EntityParams = Type.Object({ entityId: Uuid });
export const CreateEntityBody = Type.Object(
  {
    entityKind: EntityKind,
    name: Type.String({ minLength: 1, maxLength: 200 }),
    jurisdiction: Type.Optional(Type.String({ maxLength: 100 })),
    effectiveDate: Type.Optional(IsoDate),
    roles: Roles,
  },
  { additionalProperties: false },
);
export const UpdateEntityBody = Type.Object(
  {
    name: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    jurisdiction: Type.Optional(Type.String({ maxLength: 100 })),
    effectiveDate: Type.Optional(IsoDate),
    roles: Type.Optional(Roles),
  },
  { additionalProperties: false, minProperties: 1 },
);
export const Entity = Type.Object({
  entityId: Uuid,
  entityKind: Type.String(),
  name: Type.String(),
  jurisdiction: Nullable(Type.String()),
  effectiveDate: Nullable(IsoDate),
  roles: JsonColumn(Type.Array(Type.Object({ personaId: Uuid, personaName: Type.String(), role: Type.String() }))),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export const EntityList = Type.Object({ items: Type.Array(Entity), limit: Type.Integer(), offset: Type.Integer() });

export const EntityShareBody = Type.Object(
  {
    entityId: Uuid,
    percentage: Percentage,
    ownershipForm: Type.Union(
      OWNERSHIP_FORMS.map((form) => Type.Literal(form)),
      { default: 'trust_owned' },
    ),
  },
  { additionalProperties: false },
);
export const EntityShare = Type.Object({
  assetId: Uuid,
  entityId: Uuid,
  ownershipPercentage: Type.String(),
  ownershipForm: Type.String(),
  totalPercentage: Type.String(),
});

const Distribution = Type.Union([Type.Literal('per_stirpes'), Type.Literal('per_capita')]);
/** One beneficiary as sent: a persona (with how their share passes if they die first), an entity, or the owner's estate. */
const BeneficiaryIn = Type.Object(
  {
    kind: Type.Union([Type.Literal('persona'), Type.Literal('entity'), Type.Literal('estate')]),
    personaId: Type.Optional(Uuid),
    entityId: Type.Optional(Uuid),
    percentage: Percentage,
    distribution: Type.Optional(Distribution),
  },
  { additionalProperties: false },
);
const Level = Type.Array(BeneficiaryIn, { maxItems: 20 });
export const DesignationBody = Type.Object(
  {
    effectiveOn: Type.Optional(IsoDate),
    primary: Level,
    contingent: Type.Array(BeneficiaryIn, { maxItems: 20, default: [] }),
  },
  { additionalProperties: false },
);
const BeneficiaryOut = Type.Object({
  kind: Type.String(),
  personaId: Nullable(Uuid),
  entityId: Nullable(Uuid),
  name: Type.String(),
  percentage: Type.String(),
  distribution: Nullable(Type.String()),
});
/** The whole designation, the shape PUT takes (with names added): each level empty or exactly 100%. */
export const Designation = Type.Object({
  effectiveOn: Nullable(IsoDate),
  primary: Type.Array(BeneficiaryOut),
  contingent: Type.Array(BeneficiaryOut),
});

export const ChecksQuery = Type.Object({ asOf: Type.Optional(IsoDate) }, { additionalProperties: false });
export const Checks = Type.Object({
  asOf: IsoDate,
  items: Type.Array(
    Type.Object({
      checkCode: Type.String(),
      assetId: Nullable(Uuid),
      entityId: Nullable(Uuid),
      personaId: Nullable(Uuid),
      level: Nullable(Type.String()),
      percentage: Nullable(Type.String()),
      detail: Type.String(),
    }),
  ),
});

export const FlowQuery = Type.Object(
  { asOf: Type.Optional(IsoDate), currency: Type.String({ pattern: '^[A-Z]{3}$', default: 'USD' }) },
  { additionalProperties: false },
);
/** The estate flow added up (docs/estate_plan.md): what passes outside probate and through it. */
export const FlowTotals = Type.Object({
  personaId: Uuid,
  asOf: IsoDate,
  currency: Type.String(),
  nonProbate: Type.String({ description: 'survivorship, designations and trusts, net of the debts they secure' }),
  probate: Type.String({ description: 'the probate estate, net of the debts secured by its assets' }),
  debts: Type.String({
    description: 'the unsecured debts (and secured ones beyond their asset) the probate estate pays',
  }),
  netProbate: Type.String({
    description: 'probate less debts (never below 0): what the residuary beneficiaries share',
  }),
  totalPassing: Type.String({ description: 'nonProbate + netProbate' }),
});
/** Who receives what at the persona's death, asset by asset, then the probate estate's residuary (no asset). */
export const Flow = Type.Object({
  asOf: IsoDate,
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
    }),
  ),
});

/** Who holds an entity, replaced whole: personas or entities with their percentages (at most 100% in all). */
export const InterestsBody = Type.Object(
  {
    holders: Type.Array(
      Type.Object(
        {
          kind: Type.Union([Type.Literal('persona'), Type.Literal('entity')]),
          personaId: Type.Optional(Uuid),
          entityId: Type.Optional(Uuid),
          percentage: Percentage,
        },
        { additionalProperties: false },
      ),
      { maxItems: 20 },
    ),
  },
  { additionalProperties: false },
);
export const Interests = Type.Object({
  items: Type.Array(
    Type.Object({
      kind: Type.String(),
      personaId: Nullable(Uuid),
      entityId: Nullable(Uuid),
      name: Type.String(),
      percentage: Type.String(),
    }),
  ),
});

export const NetWorthQuery = Type.Object(
  { asOf: Type.Optional(IsoDate), currency: Type.String({ pattern: '^[A-Z]{3}$', default: 'USD' }) },
  { additionalProperties: false },
);
export const EntityNetWorth = Type.Object({
  entityId: Uuid,
  asOf: IsoDate,
  currency: Type.String(),
  totalAssets: Type.String(),
  totalLiabilities: Type.String(),
  netWorth: Type.String(),
  assetCount: Type.Integer(),
});

export const EntityTransferBody = Type.Object(
  {
    fromPersonaId: Uuid,
    entityId: Uuid,
    percentage: Percentage,
    ownershipForm: Type.Union(
      OWNERSHIP_FORMS.map((form) => Type.Literal(form)),
      { default: 'trust_owned', description: "the entity's new share's form (an existing share keeps its own)" },
    ),
  },
  { additionalProperties: false },
);
export const SharesAfter = Type.Object({
  items: Type.Array(
    Type.Object({
      personaId: Nullable(Uuid),
      entityId: Nullable(Uuid),
      percentage: Type.String(),
      form: Type.String(),
    }),
  ),
});

export const CollateralBody = Type.Object({ securedAssetId: Nullable(Uuid) }, { additionalProperties: false });
export const Collateral = Type.Object({
  debtId: Uuid,
  securedAssetId: Nullable(Uuid),
  securedAssetName: Nullable(Type.String()),
});
export const Equity = Type.Object({
  assetId: Uuid,
  asOf: IsoDate,
  currency: Type.String(),
  assetValue: Type.String(),
  securedDebt: Type.String(),
  equity: Type.String({ description: 'the value less the secured debts; negative when the asset is under water' }),
  debts: JsonColumn(
    Type.Array(
      Type.Object({
        debtId: Uuid,
        name: Type.String(),
        balance: Type.String(),
        interestRatePercent: Nullable(Type.String()),
        termMonths: Nullable(Type.Integer()),
        paymentAmount: Nullable(Type.String()),
        paymentFrequency: Nullable(Type.String()),
      }),
    ),
  ),
});
