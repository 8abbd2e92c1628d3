// The estate flow's spousal routes (tenancy by the entirety, community property with and without
// survivorship) and deceased beneficiaries per stirpes / per capita through the recorded family
// relationships: the hand-computed examples of docs/estate_plan.md, every row to the cent.
import t from 'tap';
import * as assets from '../generated/assets.queries.ts';
import * as estate from '../generated/estate.queries.ts';
import * as identity from '../generated/identity.queries.ts';
import { makeTenant, makeUser, testDatabase, type TestUser } from './helpers/db.ts';

const db = await testDatabase(t);
const tenant = await makeTenant(db, 'routes');
const { as } = db;
const json = (value: unknown) => JSON.stringify(value);

const persona = async (owner: TestUser, firstName: string, extra: Record<string, string | null> = {}) =>
  (
    await as(owner, (c) =>
      identity.createPersona.run(
        {
          firstName,
          lastName: 'Tester',
          middleName: null,
          preferredName: null,
          dateOfBirth: null,
          livingStatus: null,
          dateOfDeath: null,
          ...extra,
        },
        c,
      ),
    )
  )[0].personaId;

const create = async (owner: TestUser, name: string, value: string, percentage = '100', form = 'sole') =>
  (
    await as(owner, (c) =>
      assets.createAsset.run(
        {
          assetType: 'misc',
          categoryCode: 'other',
          name,
          currency: 'USD',
          ownerPersonaId: owner.personaId,
          initialValue: value,
          valuedOn: '2026-01-15',
          details: {},
          ownershipPercentage: percentage,
          ownershipForm: form,
          valuationSource: 'manual',
          description: null,
          identifierCiphertext: null,
          identifierLast4: null,
        },
        c,
      ),
    )
  )[0].assetId;

const share = (owner: TestUser, assetId: string, personaId: string, percentage: string, ownershipForm: string) =>
  as(owner, (c) => assets.assignAssetToPersona.run({ assetId, personaId, percentage, ownershipForm }, c));

const designate = (owner: TestUser, assetId: string, primary: unknown[]) =>
  as(owner, (c) =>
    estate.setAssetBeneficiaries.run(
      { assetId, effectiveOn: '2026-01-15', primary: json(primary), contingent: '[]' },
      c,
    ),
  );

const flowOf = async (who: TestUser, personaId: string, asOf: string) =>
  (await as(who, (c) => estate.calculateEstateFlow.run({ personaId, asOf, currency: 'USD' }, c))).map((r) => [
    r.route,
    r.assetName,
    r.recipientPersonaId ?? r.recipientName,
    r.amount,
  ]);

t.test('spouses: tenancy by the entirety and community property, to the cent', async (t) => {
  const morgan = await makeUser(db, tenant, 'Morgan');
  const jamie = await persona(morgan, 'Jamie');
  const kit = await persona(morgan, 'Kit');
  await as(morgan, (c) =>
    identity.recordPersonaRelationship.run(
      { personaId: morgan.personaId, relatedPersonaId: jamie, relationshipType: 'spouse' },
      c,
    ),
  );
  const home = await create(morgan, 'Home', '500000.00', '50', 'tenancy_by_entirety');
  await share(morgan, home, jamie, '50', 'tenancy_by_entirety');
  const savings = await create(morgan, 'Savings', '80000.00', '50', 'community_property_wros');
  await share(morgan, savings, jamie, '50', 'community_property_wros');
  const rental = await create(morgan, 'Rental', '300000.00', '50', 'community_property');
  await share(morgan, rental, jamie, '50', 'community_property');
  const stocks = await create(morgan, 'Stocks', '120000.00', '50', 'community_property');
  await share(morgan, stocks, jamie, '50', 'community_property');
  await designate(morgan, stocks, [{ kind: 'persona', personaId: kit, percentage: '100' }]);
  await as(morgan, (c) =>
    estate.setEstateBeneficiaries.run(
      {
        personaId: morgan.personaId,
        effectiveOn: '2026-01-15',
        primary: json([{ kind: 'persona', personaId: jamie, percentage: '100' }]),
        contingent: '[]',
      },
      c,
    ),
  );

  t.same(
    await flowOf(morgan, morgan.personaId, '2026-06-30'),
    [
      ['survivorship', 'Home', jamie, '250000.00'],
      ['survivorship', 'Savings', jamie, '40000.00'],
      ['beneficiary_designation', 'Stocks', kit, '60000.00'],
      ['probate', 'Rental', 'Probate estate', '150000.00'],
      ['residuary', null, jamie, '150000.00'],
    ],
    "Morgan's death: the entirety and the community half with survivorship to Jamie; the community halves by designation and by will",
  );
  t.same(
    await flowOf(morgan, jamie, '2026-06-30'),
    [
      ['survivorship', 'Home', morgan.personaId, '250000.00'],
      ['survivorship', 'Savings', morgan.personaId, '40000.00'],
      ['beneficiary_designation', 'Stocks', kit, '60000.00'],
      ['probate', 'Rental', 'Probate estate', '150000.00'],
      ['residuary', null, 'Heirs at law (no residuary beneficiary)', '150000.00'],
    ],
    "Jamie's death: the same survivorship the other way; the stocks' designation (the asset's) takes Jamie's half too; no will",
  );

  const checks = await as(morgan, (c) =>
    estate.checkEstatePlan.run({ personaId: morgan.personaId, asOf: '2026-06-30' }, c),
  );
  t.same(
    checks.filter((row) => row.checkCode === 'probate_asset').map((row) => row.assetId),
    [rental],
    'only the community half with neither survivorship nor designation is flagged as probate',
  );

  // Jamie dies first (2026-03-01): on Morgan's death later nobody survives in the entirety.
  await as(morgan, (c) =>
    identity.updatePersona.run({ personaId: jamie, livingStatus: 'deceased', dateOfDeath: '2026-03-01' }, c),
  );
  t.same(
    (await flowOf(morgan, morgan.personaId, '2026-06-30')).filter((row) => row[1] === 'Home'),
    [['probate', 'Home', 'Probate estate', '250000.00']],
    'with the spouse dead, the entirety share passes through probate',
  );
});

t.test('deceased beneficiaries per stirpes and per capita, through the recorded family, to the cent', async (t) => {
  const gil = await makeUser(db, tenant, 'Gil');
  const ann = await persona(gil, 'Ann');
  const ben = await persona(gil, 'Ben', { livingStatus: 'deceased', dateOfDeath: '2026-02-01' });
  const cal = await persona(gil, 'Cal');
  const dee = await persona(gil, 'Dee', { livingStatus: 'deceased', dateOfDeath: '2026-03-01' });
  const eli = await persona(gil, 'Eli');
  const fay = await persona(gil, 'Fay', { livingStatus: 'deceased', dateOfDeath: '2025-12-01' });
  for (const [personaId, relatedPersonaId, relationshipType] of [
    [gil.personaId, ann, 'child'],
    [gil.personaId, ben, 'child'],
    [ben, cal, 'child'],
    [ben, dee, 'child'],
    // The other way round: "Dee is the parent of Eli".
    [eli, dee, 'parent'],
  ])
    await as(gil, (c) => identity.recordPersonaRelationship.run({ personaId, relatedPersonaId, relationshipType }, c));
  const brokerage = await create(gil, 'Brokerage', '90000.00');
  await designate(gil, brokerage, [
    { kind: 'persona', personaId: ann, percentage: '50', distribution: 'per_stirpes' },
    { kind: 'persona', personaId: ben, percentage: '50', distribution: 'per_stirpes' },
  ]);
  const bonds = await create(gil, 'Bonds', '60000.00');
  await designate(gil, bonds, [
    { kind: 'persona', personaId: ann, percentage: '50', distribution: 'per_capita' },
    { kind: 'persona', personaId: ben, percentage: '50', distribution: 'per_capita' },
  ]);
  const art = await create(gil, 'Art', '10000.00');
  await designate(gil, art, [
    { kind: 'persona', personaId: ann, percentage: '40', distribution: 'per_stirpes' },
    { kind: 'persona', personaId: fay, percentage: '60', distribution: 'per_stirpes' },
  ]);
  const named = async (asOf: string) =>
    (await flowOf(gil, gil.personaId, asOf)).filter((row) => row[0] === 'beneficiary_designation');

  t.same(
    await named('2026-01-31'),
    [
      ['beneficiary_designation', 'Art', ann, '10000.00'],
      ['beneficiary_designation', 'Bonds', ann, '30000.00'],
      ['beneficiary_designation', 'Bonds', ben, '30000.00'],
      ['beneficiary_designation', 'Brokerage', ann, '45000.00'],
      ['beneficiary_designation', 'Brokerage', ben, '45000.00'],
    ],
    'as of 2026-01-31: Ben alive; Fay (no descendants recorded) already dead, her 60% of the art to Ann',
  );
  t.same(
    await named('2026-06-30'),
    [
      ['beneficiary_designation', 'Art', ann, '10000.00'],
      ['beneficiary_designation', 'Bonds', ann, '60000.00'],
      ['beneficiary_designation', 'Brokerage', ann, '45000.00'],
      ['beneficiary_designation', 'Brokerage', cal, '22500.00'],
      ['beneficiary_designation', 'Brokerage', eli, '22500.00'],
    ],
    "as of 2026-06-30: Ben's half of the brokerage per stirpes to Cal and, Dee having died, to her son Eli; per capita, his half of the bonds to Ann",
  );

  // A descendant also named on the level takes both parts, in one row.
  await designate(gil, brokerage, [
    { kind: 'persona', personaId: ann, percentage: '50', distribution: 'per_stirpes' },
    { kind: 'persona', personaId: ben, percentage: '30', distribution: 'per_stirpes' },
    { kind: 'persona', personaId: cal, percentage: '20', distribution: 'per_stirpes' },
  ]);
  t.same(
    (await named('2026-06-30')).filter((row) => row[1] === 'Brokerage'),
    [
      ['beneficiary_designation', 'Brokerage', ann, '45000.00'],
      ['beneficiary_designation', 'Brokerage', cal, '31500.00'],
      ['beneficiary_designation', 'Brokerage', eli, '13500.00'],
    ],
    'Cal: 20% named plus half of Ben’s 30% (90,000.00 × 35%); Eli: the other half (90,000.00 × 15%)',
  );
});

t.test('a receivable (money owed to the persona) is an asset: it passes like any other', async (t) => {
  const lena = await makeUser(db, tenant, 'Lena');
  const [note] = await as(lena, (c) =>
    assets.createAsset.run(
      {
        assetType: 'misc',
        categoryCode: 'receivable',
        name: 'Loan to Max',
        currency: 'USD',
        ownerPersonaId: lena.personaId,
        initialValue: '12000.50',
        valuedOn: '2026-01-15',
        details: { notes: 'Max repays 500.00 a month' },
        ownershipPercentage: '100',
        ownershipForm: 'sole',
        valuationSource: 'manual',
        description: null,
        identifierCiphertext: null,
        identifierLast4: null,
      },
      c,
    ),
  );
  const [asset] = await as(lena, (c) => assets.getAsset.run({ assetId: note.assetId }, c));
  t.same([asset.assetType, asset.categoryCode], ['misc', 'receivable']);
  t.same(
    await flowOf(lena, lena.personaId, '2026-06-30'),
    [
      ['probate', 'Loan to Max', 'Probate estate', '12000.50'],
      ['residuary', null, 'Heirs at law (no residuary beneficiary)', '12000.50'],
    ],
    'with no designation and no will, through probate',
  );
});
