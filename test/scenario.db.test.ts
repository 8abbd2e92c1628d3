// The demo scenario (`npm start`'s demo family, `npm run seed`'s families) built through the
// procedures against a test database: its estate plan answers the estate flow of either spouse, as of
// today and as of a past date, to the cent as docs/estate_plan.md computes it, and the planner's checks.
import t from 'tap';
import * as assets from '../generated/assets.queries.ts';
import * as estate from '../generated/estate.queries.ts';
import * as emergencyAccess from '../generated/emergency_access.queries.ts';
import * as fiduciaries from '../generated/fiduciaries.queries.ts';
import * as vault from '../generated/vault.queries.ts';
import { buildFamily, seedExchangeRates, syntheticRegistrar } from '../scripts/lib/scenario.ts';
import { createFieldCipher, generateFieldKeys } from '../server/field_cipher.ts';
import { makeTenant, makeUser, testDatabase } from './helpers/db.ts';

const db = await testDatabase(t);
const tenant = await makeTenant(db, 'demo');
const owner = await makeUser(db, tenant, 'Dana');
await seedExchangeRates(db.operator, 'staff:test');
// Index 1, as npm start builds it: two registered members (the first the spouse) and a child persona.
const family = await buildFamily(db.api, tenant, owner.sub, 1, syntheticRegistrar(db.api, tenant));
const asOwner = <T>(fn: Parameters<typeof db.as<T>>[1]) => db.as(owner, fn);

const assetOf = async (category: string) => {
  for (const assetId of family.assetIds) {
    const [asset] = await asOwner((c) => assets.getAsset.run({ assetId }, c));
    if (asset.categoryCode === category) return asset;
  }
  throw new Error(`no ${category} in the family`);
};
const house = await assetOf('primary_residence');
const brokerage = await assetOf('brokerage');
const car = await assetOf('car');

// "Today" as the database counts it; the demo's latest valuations (2026-08-15) and rates
// (2026-08-01) hold from then on, so today's flow is the same on any later date.
const {
  rows: [{ today }],
} = await db.admin.query<{ today: string }>(`select current_date::text as today`);

const spouse = family.spousePersonaId;
const child = family.childPersonaId;
const flowOf = async (sub: string, personaId: string, asOf: string) =>
  (await db.asUser(tenant, sub, (c) => estate.calculateEstateFlow.run({ personaId, asOf, currency: 'USD' }, c))).map(
    (row) => [row.route, row.assetName, row.recipientPersonaId ?? row.recipientKind, row.amount],
  );

t.test('the demo family has the plan the issue names', async (t) => {
  const [trust] = await asOwner((c) => estate.getLegalEntity.run({ entityId: family.trustId }, c));
  t.equal(trust.entityKind, 'revocable_trust');
  t.same(
    (trust.roles as Array<{ personaId: string; role: string }>).map((r) => `${r.role} ${r.personaId}`).sort(),
    [`grantor ${owner.personaId}`, `trustee ${owner.personaId}`, `trustee ${spouse}`].sort(),
    'the owner its grantor, both spouses its trustees',
  );
  const titling = (asset: typeof house) =>
    (asset.ownerships as Array<{ personaId: string | null; entityId: string | null; percentage: string; form: string }>)
      .map((share) => [share.personaId ?? share.entityId, share.percentage, share.form])
      .sort();
  t.same(titling(house), [[family.trustId, '100.0000', 'trust_owned']], 'the trust holds the whole house');
  t.same(titling(brokerage), [[owner.personaId, '100.0000', 'tod_pod']], 'the brokerage account is TOD');
  t.same(titling(car), [[owner.personaId, '100.0000', 'sole']], 'the car is the owner’s alone');
  t.same(
    titling(await assetOf('checking')),
    [
      [owner.personaId, '50.0000', 'joint_tenancy_wros'],
      [spouse, '50.0000', 'joint_tenancy_wros'],
    ].sort(),
    'the checking account is joint with the spouse',
  );
  const [carDesignation] = await asOwner((c) => estate.getAssetBeneficiaries.run({ assetId: car.assetId }, c));
  t.notOk(carDesignation, 'nobody is designated for the car: it is left to the will');
});

// docs/estate_plan.md, "The demo family": every row to the cent.
const second = async () => {
  const rows = await asOwner((c) => estate.getAssetBeneficiaries.run({ assetId: brokerage.assetId }, c));
  return rows.find((row) => row.personaId !== spouse)!.personaId!;
};

t.test('the owner’s estate flow as of 2026-03-31, to the cent', async (t) => {
  const casey = await second();
  t.same(await flowOf(owner.sub, owner.personaId, '2026-03-31'), [
    ['survivorship', 'checking 1-0', spouse, '9500.00'],
    ['survivorship', 'copyright 1-12', spouse, '188793.00'],
    ['survivorship', 'crypto wallet 1-9', spouse, '34393.96'],
    ['survivorship', 'term life 1-6', spouse, '324606.00'],
    ['beneficiary_designation', 'brokerage 1-2', spouse, '147000.00'],
    ['beneficiary_designation', 'brokerage 1-2', casey, '98000.00'],
    ['trust', 'primary residence 1-3', child, '650000.00'],
    ['secured_debt', 'mortgage 1-8', child, '-292500.00'],
    ['probate', 'art 1-11', 'estate', '272857.00'],
    ['probate', 'car 1-4', 'estate', '30922.50'],
    ['probate', 'ira 1-10', 'estate', '168128.00'],
    ['probate', 'jewelry 1-7', 'estate', '753941.00'],
    ['probate', 'other 1-13', 'estate', '482315.00'],
    ['probate', 'private company 1-5', 'estate', '544483.00'],
    ['probate', 'savings 1-1', 'estate', '125567.00'],
    ['residuary', null, spouse, '2378213.50'],
  ]);
});

t.test('the owner’s estate flow as of today, to the cent', async (t) => {
  const casey = await second();
  t.same(await flowOf(owner.sub, owner.personaId, today), [
    ['survivorship', 'checking 1-0', spouse, '9975.00'],
    ['survivorship', 'copyright 1-12', spouse, '198232.65'],
    ['survivorship', 'crypto wallet 1-9', spouse, '36646.21'],
    ['survivorship', 'term life 1-6', spouse, '340836.30'],
    ['beneficiary_designation', 'brokerage 1-2', spouse, '154350.00'],
    ['beneficiary_designation', 'brokerage 1-2', casey, '102900.00'],
    ['trust', 'primary residence 1-3', child, '682500.00'],
    ['secured_debt', 'mortgage 1-8', child, '-283725.00'],
    ['probate', 'art 1-11', 'estate', '286499.85'],
    ['probate', 'car 1-4', 'estate', '32947.43'],
    ['probate', 'ira 1-10', 'estate', '176534.40'],
    ['probate', 'jewelry 1-7', 'estate', '791638.05'],
    ['probate', 'other 1-13', 'estate', '506430.75'],
    ['probate', 'private company 1-5', 'estate', '571707.15'],
    ['probate', 'savings 1-1', 'estate', '131845.35'],
    ['residuary', null, spouse, '2497602.98'],
  ]);
});

t.test('the spouse’s estate flow as of 2026-03-31 and as of today, to the cent', async (t) => {
  t.same(await flowOf(family.spouseSub, spouse, '2026-03-31'), [
    ['survivorship', 'checking 1-0', owner.personaId, '9500.00'],
    ['survivorship', 'copyright 1-12', owner.personaId, '188793.00'],
    ['survivorship', 'crypto wallet 1-9', owner.personaId, '20636.37'],
    ['survivorship', 'term life 1-6', owner.personaId, '324606.00'],
    ['residuary', null, owner.personaId, '0.00'],
  ]);
  t.same(await flowOf(family.spouseSub, spouse, today), [
    ['survivorship', 'checking 1-0', owner.personaId, '9975.00'],
    ['survivorship', 'copyright 1-12', owner.personaId, '198232.65'],
    ['survivorship', 'crypto wallet 1-9', owner.personaId, '21987.72'],
    ['survivorship', 'term life 1-6', owner.personaId, '340836.30'],
    ['residuary', null, owner.personaId, '0.00'],
  ]);
});

t.test("the planner's checks: the trust is funded, the car and the sole assets are in probate", async (t) => {
  const checks = await asOwner((c) => estate.checkEstatePlan.run({ personaId: owner.personaId, asOf: today }, c));
  t.notOk(
    checks.some((row) => row.checkCode === 'trust_owns_nothing'),
    'the trust holds the house',
  );
  for (const asset of [brokerage, house])
    t.notOk(
      checks.some((row) => row.checkCode === 'probate_asset' && row.assetId === asset.assetId),
      `${asset.name} does not pass through probate`,
    );
  t.ok(
    checks.some((row) => row.checkCode === 'probate_asset' && row.assetId === car.assetId),
    'the car (no designation, no joint owner) is flagged as probate',
  );
  t.ok(
    checks.some((row) => row.checkCode === 'minor_named_outright' && row.personaId === child),
    'the trust names the minor child outright',
  );
});

t.test(
  'the legacy plan: the spouse executor (accepted), a successor, the spouse trusted for emergency access, the will in the vault',
  async (t) => {
    const appointments = await asOwner((c) =>
      fiduciaries.listFiduciaryAppointments.run(
        {
          personaId: family.ownerPersonaId,
          entityId: null,
          role: 'executor',
          includeEnded: false,
          limit: 10,
          offset: 0,
        },
        c,
      ),
    );
    t.match(
      appointments.map((a) => [a.appointeePersonaId, a.rank, a.status, a.acting]),
      [
        [family.spousePersonaId, 1, 'accepted', true],
        [String, 2, 'nominated', false],
      ],
    );
    const grants = await asOwner((c) =>
      emergencyAccess.listEmergencyAccess.run({ role: 'grantor', limit: 10, offset: 0 }, c),
    );
    t.match(grants, [{ scope: 'view', waitDays: 7, state: 'confirmed' }]);

    // With the field keys (npm run seed, npm start) the owner's will is in the vault, shared after death.
    const other = await makeUser(db, tenant, 'Avery');
    const withKeys = await buildFamily(
      db.api,
      tenant,
      other.sub,
      2,
      syntheticRegistrar(db.api, tenant),
      createFieldCipher(generateFieldKeys('demo')),
    );
    const documents = await db.as(other, (c) =>
      vault.listVaultDocuments.run({ personaId: withKeys.ownerPersonaId, limit: 10, offset: 0 }, c),
    );
    t.match(documents, [{ kind: 'will', status: 'draft' }]);
  },
);
