// Realistic families built through the procedures themselves: a circle of 3 to 5 members, assets
// of all 13 types with split ownership, valuations over time and permissions across members, and an
// estate plan (a revocable trust holding the house with its mortgage, TOD beneficiaries on the
// brokerage account, joint accounts with the spouse, a car left to the will, both spouses' wills).
import type pg from 'pg';
import * as assets from '../../generated/assets.queries.ts';
import * as ffc from '../../generated/family_circles.queries.ts';
import * as identity from '../../generated/identity.queries.ts';
import { inContext } from '../../server/plugins/db.ts';
import * as billing from '../../generated/billing.queries.ts';
import * as estate from '../../generated/estate.queries.ts';
import { activatePlan } from './stripe_events.ts';
import { lastFour, type FieldCipher } from '../../server/field_cipher.ts';
import { setExchangeRate } from '../../generated/net_worth.queries.ts';
import * as emergencyAccess from '../../generated/emergency_access.queries.ts';
import * as fiduciaries from '../../generated/fiduciaries.queries.ts';
import * as vault from '../../generated/vault.queries.ts';
import { sealFile } from '../../server/document_store.ts';

type Db = pg.PoolClient;

const TYPES: Array<[string, string, (i: number, insured: string) => Record<string, unknown>, string?]> = [
  ['bank_account', 'checking', () => ({ institutionName: 'Harbor Bank', accountKind: 'checking' }), '0012345678'],
  [
    'bank_account',
    'savings',
    () => ({ institutionName: 'Harbor Bank', accountKind: 'savings', interestRatePercent: '2.1' }),
    '0098765432',
  ],
  [
    'investment_account',
    'brokerage',
    () => ({ institutionName: 'Summit Securities', accountKind: 'brokerage' }),
    'BRK-445566',
  ],
  [
    'real_estate',
    'primary_residence',
    (i) => ({
      propertyKind: 'primary_residence',
      addressLine1: `${10 + i} Oak Lane`,
      city: 'Maplewood',
      countryCode: 'US',
    }),
  ],
  ['vehicle', 'car', () => ({ make: 'Volvo', model: 'XC90', modelYear: 2022 })],
  ['business', 'private_company', (i) => ({ legalName: `Family Holdings ${i} LLC`, entityKind: 'llc' })],
  [
    'life_insurance',
    'term_life',
    (_i, insured) => ({
      insurerName: 'Evergreen Life',
      policyKind: 'term',
      faceValue: '1000000.00',
      insuredPersonaId: insured,
      termEndsOn: '2046-06-30',
    }),
    'POL-778899',
  ],
  ['personal_property', 'jewelry', () => ({ itemKind: 'ring', location: 'home safe' })],
  [
    'debt',
    'mortgage',
    () => ({ lenderName: 'Harbor Bank', debtKind: 'mortgage', interestRatePercent: '3.75' }),
    'MTG-112233',
  ],
  ['cryptocurrency', 'crypto_wallet', () => ({ symbol: 'BTC', units: '0.75', custody: 'exchange' })],
  ['retirement_account', 'ira', () => ({ institutionName: 'Summit Securities', planKind: 'roth_ira' }), 'IRA-990011'],
  ['collectible', 'art', () => ({ collectibleKind: 'art', creator: 'unknown master' })],
  ['intellectual_property', 'copyright', () => ({ ipKind: 'copyright' })],
  ['misc', 'other', () => ({ notes: 'season tickets' })],
];

/** First values of the assets the estate plan names (the others' come from a formula). */
const PLAN_VALUES: Record<string, (index: number) => number> = {
  checking: (i) => 18000 + 1000 * i,
  brokerage: (i) => 240000 + 5000 * i,
  primary_residence: (i) => 640000 + 10000 * i,
  car: (i) => 28000 + 500 * i,
};

const FIRST = [
  'Avery',
  'Blake',
  'Casey',
  'Devon',
  'Emery',
  'Finley',
  'Gray',
  'Harper',
  'Indy',
  'Jordan',
  'Kai',
  'Logan',
];

export interface Family {
  ffcId: string;
  ownerSub: string;
  ownerPersonaId: string;
  assetIds: string[];
  /** The owner's revocable trust (holding the house). */
  trustId: string;
  /** The first member: the owner's spouse (joint owner, co-trustee, TOD and residuary beneficiary). */
  spouseSub: string;
  spousePersonaId: string;
  /** The child persona (Robin), the trust's beneficiary. */
  childPersonaId: string;
}

/** jsonb parameters as JSON text: node-pg sends a bare JS array as a Postgres array literal. */
const json = (value: unknown) => JSON.stringify(value);

function user(pool: pg.Pool, tenantId: string, sub: string) {
  return <T>(fn: (db: Db) => Promise<T>) =>
    inContext(pool, { tenantId, actorKind: 'user', actorId: sub, requestId: `seed-${sub.slice(0, 8)}` }, fn);
}

/**
 * Builds one family for an already registered owner: the family plan, a circle, 2 to 4 more members (registered
 * users who accept invitations, plus a child persona), every asset type, split ownerships,
 * valuations over a year and a few permissions. `register(email)` returns a new user's subject.
 */
export async function buildFamily(
  pool: pg.Pool,
  tenantId: string,
  ownerSub: string,
  index: number,
  register: (email: string, firstName: string) => Promise<string>,
  cipher?: FieldCipher,
): Promise<Family> {
  const asOwner = user(pool, tenantId, ownerSub);
  const [me] = await asOwner((db) => identity.getCurrentUser.run(undefined, db));
  // A family needs the seats of the family plan: subscribe the way production does (Stripe's events).
  const [plan] = await asOwner((db) => billing.getMySubscription.run(undefined, db));
  if (plan.planCode === 'free') await activatePlan(pool, tenantId, ownerSub, 'family');
  const [circle] = await asOwner((db) =>
    ffc.createFfc.run({ name: `${me.lastName ?? 'The'} family ${index}`, description: 'seeded family' }, db),
  );
  const memberCount = 2 + (index % 3);
  const members: Array<{ sub: string; personaId: string }> = [];
  for (let m = 0; m < memberCount - 1; m++) {
    const email = `member-${index}-${m}-${ownerSub.slice(0, 6)}@example.com`;
    const sub = await register(email, FIRST[(index + m) % FIRST.length]);
    const [invite] = await asOwner((db) =>
      ffc.inviteFfcMember.run({ ffcId: circle.ffcId, email, role: m === 0 ? 'admin' : 'member', validHours: 24 }, db),
    );
    const [joined] = await user(pool, tenantId, sub)((db) => ffc.acceptFfcInvitation.run({ token: invite.token }, db));
    members.push({ sub, personaId: joined.personaId });
  }
  const [child] = await asOwner((db) =>
    identity.createPersona.run({ firstName: 'Robin', lastName: me.lastName ?? 'Child', dateOfBirth: '2014-04-04' }, db),
  );
  await asOwner((db) => ffc.addFfcMember.run({ ffcId: circle.ffcId, personaId: child.personaId, role: 'viewer' }, db));
  await asOwner((db) =>
    identity.recordPersonaRelationship.run(
      { personaId: me.personaId!, relatedPersonaId: child.personaId, relationshipType: 'child' },
      db,
    ),
  );

  const assetIds: string[] = [];
  let houseId = '';
  let brokerageId = '';
  let mortgageId = '';
  let houseValue = 0;
  for (const [t, [assetType, categoryCode, details, identifier]] of TYPES.entries()) {
    // The house: entered as the owner's alone, then titled whole into the trust (buildEstatePlan).
    const house = categoryCode === 'primary_residence';
    const joint = members.length > 0 && t % 3 === 0 && !house;
    // The estate plan's assets have plausible values (docs/estate_plan.md computes the demo family's
    // flow from them); the mortgage owes 45% of the house's first value and is paid down over the year.
    const debt = assetType === 'debt';
    const value =
      categoryCode === 'mortgage'
        ? Math.round(houseValue * 0.45)
        : (PLAN_VALUES[categoryCode]?.(index) ?? (((index + 1) * 7919 + t * 104729) % 900000) + 5000);
    if (house) houseValue = value;
    const [asset] = await asOwner((db) =>
      assets.createAsset.run(
        {
          assetType,
          categoryCode,
          name: `${categoryCode.replace(/_/g, ' ')} ${index}-${t}`,
          currency: t % 5 === 4 ? 'EUR' : 'USD',
          ownerPersonaId: me.personaId!,
          initialValue: `${value}.00`,
          valuedOn: '2026-01-15',
          details: details(index, me.personaId!) as never,
          ownershipPercentage: joint ? '50' : '100',
          ownershipForm: categoryCode === 'brokerage' ? 'tod_pod' : joint ? 'joint_tenancy_wros' : 'sole',
          valuationSource: 'statement',
          identifierCiphertext: identifier && cipher ? cipher.encrypt(identifier) : null,
          identifierLast4: identifier && cipher ? lastFour(identifier) : null,
        },
        db,
      ),
    );
    assetIds.push(asset.assetId);
    if (house) houseId = asset.assetId;
    if (categoryCode === 'brokerage') brokerageId = asset.assetId;
    if (categoryCode === 'mortgage') mortgageId = asset.assetId;
    // Joint assets: the other half to the first member (1 to 3 owners summing to 100%).
    if (joint) {
      await asOwner((db) =>
        assets.assignAssetToPersona.run(
          {
            assetId: asset.assetId,
            personaId: members[0].personaId,
            percentage: t % 2 ? '30' : '50',
            ownershipForm: 'joint_tenancy_wros',
          },
          db,
        ),
      );
      if (t % 2 && members[1])
        await asOwner((db) =>
          assets.assignAssetToPersona.run(
            {
              assetId: asset.assetId,
              personaId: members[1].personaId,
              percentage: '20',
              ownershipForm: 'tenants_in_common',
            },
            db,
          ),
        );
    }
    for (const [month, factor] of [
      ['2026-04-15', debt ? 0.99 : 1.02],
      ['2026-08-15', debt ? 0.97 : 1.05],
    ] as const) {
      await asOwner((db) =>
        assets.updateAssetValue.run(
          { assetId: asset.assetId, amount: (value * factor).toFixed(2), valuedOn: month, source: 'statement' },
          db,
        ),
      );
    }
    if (t % 4 === 1)
      await asOwner((db) =>
        assets.setAssetPermission.run(
          { assetId: asset.assetId, permission: 'view', granteeFfcId: circle.ffcId, granteeFfcRole: 'member' },
          db,
        ),
      );
  }
  // The first member is the owner's spouse (every family has one: 2 to 4 members beside the owner).
  const spouse = members[0];
  const trustId = await buildEstatePlan(asOwner, user(pool, tenantId, spouse.sub), {
    ownerPersonaId: me.personaId!,
    ownerLastName: me.lastName ?? 'Family',
    spousePersonaId: spouse.personaId,
    secondPersonaId: members[1]?.personaId ?? child.personaId,
    childPersonaId: child.personaId,
    houseId,
    brokerageId,
    mortgageId,
  });
  await buildLegacyPlan(asOwner, user(pool, tenantId, spouse.sub), {
    tenantId,
    ownerPersonaId: me.personaId!,
    ownerLastName: me.lastName ?? 'Family',
    spousePersonaId: spouse.personaId,
    secondPersonaId: members[1]?.personaId ?? null,
    cipher,
  });
  return {
    ffcId: circle.ffcId,
    ownerSub,
    ownerPersonaId: me.personaId!,
    assetIds,
    trustId,
    spouseSub: spouse.sub,
    spousePersonaId: spouse.personaId,
    childPersonaId: child.personaId,
  };
}

/**
 * The spouses' estate plan, through the estate procedures: a revocable trust (the owner its grantor
 * and a trustee, the spouse the other trustee) holding the whole house, titled into it from the
 * owner's sole share, and leaving it to the child (the spouse contingent); the mortgage secured by
 * the house, so the estate flow nets it against the house's recipients; TOD beneficiaries on the
 * brokerage account (60% the spouse, 40% the second member, or the child when the family has one
 * member; the owner's estate contingent); the car and the other sole assets left to the will. The
 * owner's will: the spouse 100%, the trust contingent (a pour-over will); the spouse's will: the
 * owner 100%, the trust contingent. The owner holds the whole of the trust's interest (its net
 * worth looks through it). Returns the trust's id.
 */
async function buildEstatePlan(
  asOwner: ReturnType<typeof user>,
  asSpouse: ReturnType<typeof user>,
  family: {
    ownerPersonaId: string;
    ownerLastName: string;
    spousePersonaId: string;
    secondPersonaId: string;
    childPersonaId: string;
    houseId: string;
    brokerageId: string;
    mortgageId: string;
  },
): Promise<string> {
  const effectiveOn = '2026-01-15';
  const [trust] = await asOwner((db) =>
    estate.createLegalEntity.run(
      {
        entityKind: 'revocable_trust',
        name: `${family.ownerLastName} Living Trust`,
        jurisdiction: 'CA',
        effectiveDate: '2025-09-01',
        roles: json([
          { personaId: family.ownerPersonaId, role: 'grantor' },
          { personaId: family.ownerPersonaId, role: 'trustee' },
          { personaId: family.spousePersonaId, role: 'trustee' },
        ]),
      },
      db,
    ),
  );
  await asOwner((db) =>
    estate.transferAssetShareToEntity.run(
      {
        assetId: family.houseId,
        fromPersonaId: family.ownerPersonaId,
        entityId: trust.entityId,
        percentage: '100',
        ownershipForm: 'trust_owned',
      },
      db,
    ),
  );
  await asOwner((db) =>
    estate.setEntityInterests.run(
      {
        entityId: trust.entityId,
        holders: json([{ kind: 'persona', personaId: family.ownerPersonaId, percentage: '100' }]),
      },
      db,
    ),
  );
  await asOwner((db) =>
    estate.setDebtCollateral.run({ debtId: family.mortgageId, securedAssetId: family.houseId }, db),
  );
  await asOwner((db) =>
    estate.setEntityBeneficiaries.run(
      {
        entityId: trust.entityId,
        effectiveOn,
        primary: json([{ kind: 'persona', personaId: family.childPersonaId, percentage: '100' }]),
        contingent: json([{ kind: 'persona', personaId: family.spousePersonaId, percentage: '100' }]),
      },
      db,
    ),
  );
  const tod = [
    { kind: 'persona', personaId: family.spousePersonaId, percentage: '60' },
    { kind: 'persona', personaId: family.secondPersonaId, percentage: '40', distribution: 'per_capita' },
  ];
  await asOwner((db) =>
    estate.setAssetBeneficiaries.run(
      {
        assetId: family.brokerageId,
        effectiveOn,
        primary: json(tod),
        contingent: json([{ kind: 'estate', percentage: '100' }]),
      },
      db,
    ),
  );
  await asOwner((db) =>
    estate.setEstateBeneficiaries.run(
      {
        personaId: family.ownerPersonaId,
        effectiveOn,
        primary: json([{ kind: 'persona', personaId: family.spousePersonaId, percentage: '100' }]),
        contingent: json([{ kind: 'entity', entityId: trust.entityId, percentage: '100' }]),
      },
      db,
    ),
  );
  await asSpouse((db) =>
    estate.setEstateBeneficiaries.run(
      {
        personaId: family.spousePersonaId,
        effectiveOn,
        primary: json([{ kind: 'persona', personaId: family.ownerPersonaId, percentage: '100' }]),
        contingent: json([{ kind: 'entity', entityId: trust.entityId, percentage: '100' }]),
      },
      db,
    ),
  );
  return trust.entityId;
}

/**
 * When the owner cannot act (docs/legacy.md): the spouse is the executor (accepted), the second
 * member (when there is one) the successor executor; the spouse is also the owner's trusted user
 * for emergency access (view, 7 days' wait; accepted and confirmed); with the field keys, the
 * owner's will is in the vault (signed), shared with the spouse after death.
 */
async function buildLegacyPlan(
  asOwner: ReturnType<typeof user>,
  asSpouse: ReturnType<typeof user>,
  family: {
    tenantId: string;
    ownerPersonaId: string;
    ownerLastName: string;
    spousePersonaId: string;
    secondPersonaId: string | null;
    cipher?: FieldCipher;
  },
) {
  const appoint = (appointeePersonaId: string) =>
    asOwner((db) =>
      fiduciaries.appointFiduciary.run(
        {
          personaId: family.ownerPersonaId,
          entityId: null,
          role: 'executor',
          appointeePersonaId,
          wardPersonaId: null,
          rank: null,
          documentId: null,
          notes: null,
        },
        db,
      ),
    );
  const [executor] = await appoint(family.spousePersonaId);
  await asSpouse((db) => fiduciaries.acceptFiduciaryAppointment.run({ appointmentId: executor.appointmentId }, db));
  if (family.secondPersonaId) await appoint(family.secondPersonaId);

  const [spouseUser] = await asSpouse((db) => identity.getCurrentUser.run(undefined, db));
  const [grant] = await asOwner((db) =>
    emergencyAccess.createEmergencyAccess.run(
      { granteeUserId: spouseUser.userId, granteeEmail: null, scope: 'view', waitDays: 7 },
      db,
    ),
  );
  await asSpouse((db) => emergencyAccess.acceptEmergencyAccess.run({ grantId: grant.grantId }, db));
  await asOwner((db) => emergencyAccess.confirmEmergencyAccess.run({ grantId: grant.grantId }, db));

  if (!family.cipher) return;
  const [will] = await asOwner((db) =>
    vault.createVaultDocument.run(
      { ownerPersonaId: family.ownerPersonaId, kind: 'will', title: `${family.ownerLastName} will`, reviewOn: null },
      db,
    ),
  );
  const sealed = sealFile(
    family.cipher,
    { tenantId: family.tenantId, documentId: will.documentId },
    Buffer.from(`%PDF-1.4 Last will and testament of the ${family.ownerLastName} family's owner (demo)\n`),
  );
  await asOwner((db) =>
    vault.addVaultDocumentVersion.run(
      {
        documentId: will.documentId,
        mediaType: 'application/pdf',
        fileName: 'will.pdf',
        byteSize: sealed.byteSize,
        contentSha256: sealed.sha256,
        ciphertext: sealed.ciphertext,
        storageKey: null,
      },
      db,
    ),
  );
  await asOwner((db) =>
    vault.setVaultDocumentShares.run(
      {
        documentId: will.documentId,
        shares: JSON.stringify([{ personaId: family.spousePersonaId, when: 'after_death' }]),
      },
      db,
    ),
  );
}

/** The exchange rates the seeded families need (EUR and GBP against USD over the year). */
export async function seedExchangeRates(supportPool: pg.Pool, operator: string) {
  const rates: Array<[string, string, string, string]> = [
    ['EUR', 'USD', '2026-01-01', '1.0850'],
    ['EUR', 'USD', '2026-04-01', '1.0920'],
    ['EUR', 'USD', '2026-08-01', '1.1010'],
    ['GBP', 'USD', '2026-01-01', '1.2650'],
    ['GBP', 'USD', '2026-08-01', '1.2790'],
  ];
  for (const [baseCurrency, quoteCurrency, rateDate, rate] of rates) {
    await inContext(
      supportPool,
      { tenantId: null, actorKind: 'support', actorId: operator, requestId: 'seed-rates' },
      (db) => setExchangeRate.run({ baseCurrency, quoteCurrency, rateDate, rate }, db),
    );
  }
}

/** Registers a user with a made-up subject (seeded people do not sign in) and returns the subject. */
export function syntheticRegistrar(pool: pg.Pool, tenantId: string) {
  return async (email: string, firstName: string) => {
    const sub = crypto.randomUUID();
    // Seeded people have no identity provider: their made-up email counts as verified.
    await inContext(
      pool,
      { tenantId, actorKind: 'user', actorId: sub, requestId: `seed-${sub.slice(0, 8)}`, verifiedEmail: email },
      (db) => identity.registerUser.run({ firstName, lastName: 'Sample' }, db),
    );
    return sub;
  };
}
