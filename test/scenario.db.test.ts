// The demo scenario (`npm start`'s demo family, `npm run seed`'s families) built through the
// procedures against a test database: its estate plan answers the estate flow and the planner's checks.
import t from 'tap';
import * as assets from '../generated/assets.queries.ts';
import * as estate from '../generated/estate.queries.ts';
import { buildFamily, seedExchangeRates, syntheticRegistrar } from '../scripts/lib/scenario.ts';
import { makeTenant, makeUser, testDatabase } from './helpers/db.ts';

const db = await testDatabase(t);
const tenant = await makeTenant(db, 'demo');
const owner = await makeUser(db, tenant, 'Dana');
await seedExchangeRates(db.operator, 'staff:test');
// Index 1, as npm start builds it: two registered members and a child persona.
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
const mortgage = await assetOf('mortgage');
const cents = (amount: string) => Math.round(Number(amount) * 100);

t.test('the trust holds 60% of the house beside the owner 40%', async (t) => {
  const [trust] = await asOwner((c) => estate.getLegalEntity.run({ entityId: family.trustId }, c));
  t.equal(trust.entityKind, 'revocable_trust');
  t.match(trust.roles, [
    { personaId: owner.personaId, role: 'grantor' },
    { personaId: owner.personaId, role: 'trustee' },
  ]);
  const shares = house.ownerships as Array<{ personaId: string | null; entityId: string | null; percentage: string }>;
  t.same(
    shares.map((share) => [share.personaId ?? share.entityId, share.percentage]).sort(),
    [
      [owner.personaId, '40.0000'],
      [family.trustId, '60.0000'],
    ].sort(),
    'the owner 40% as tenant in common, the trust the unallocated 60%',
  );
});

t.test(
  "the demo persona's estate flow: the trust, the TOD beneficiaries, the secured mortgage, the residuary",
  async (t) => {
    const flow = await asOwner((c) =>
      estate.calculateEstateFlow.run({ personaId: owner.personaId, asOf: '2026-09-01', currency: 'USD' }, c),
    );
    t.ok(flow.length > 5, `the flow answers (${flow.length} rows)`);
    t.equal(house.currentValueCurrency, 'USD');

    const trustRows = flow.filter((row) => row.route === 'trust');
    t.equal(trustRows.length, 1, 'the house passes through the trust');
    t.equal(trustRows[0].assetId, house.assetId);
    t.equal(trustRows[0].recipientKind, 'persona', "to the trust's beneficiary (the child)");
    t.equal(cents(trustRows[0].amount), Math.round(cents(house.currentValue!) * 0.6), "the trust's 60% of the house");

    const tod = flow.filter((row) => row.route === 'beneficiary_designation' && row.assetId === brokerage.assetId);
    t.equal(tod.length, 2, 'the brokerage account passes to two beneficiaries');
    const [first, second] = tod.sort((a, b) => cents(b.amount) - cents(a.amount));
    t.not(first.recipientPersonaId, second.recipientPersonaId);
    t.equal(cents(first.amount), Math.round(cents(brokerage.currentValue!) * 0.6), '60% to the first member');
    t.equal(cents(second.amount), Math.round(cents(brokerage.currentValue!) * 0.4), '40% to the second');

    // The mortgage is secured by the house: netted against the house's recipients (the child through
    // the trust, the probate estate for the owner's 40%) up to the house, any excess from probate.
    const mortgageRows = flow.filter((row) => row.assetId === mortgage.assetId);
    const secured = mortgageRows.filter((row) => row.route === 'secured_debt');
    t.ok(secured.length > 0, 'the mortgage goes with the house');
    t.ok(
      mortgageRows.every((row) => row.route === 'secured_debt' || row.route === 'debt'),
      'as a secured debt, and from probate beyond the house',
    );
    const owed = -mortgageRows.reduce((sum, row) => sum + cents(row.amount), 0);
    const mortgageShare = (mortgage.ownerships as Array<{ personaId: string | null; percentage: string }>).find(
      (share) => share.personaId === owner.personaId,
    )!.percentage;
    t.ok(
      Math.abs(owed - Math.round((cents(mortgage.currentValue!) * Number(mortgageShare)) / 100)) <= secured.length,
      "the owner's share of the mortgage in all (to a cent a row)",
    );

    const probate = flow
      .filter(
        (row) =>
          row.route === 'probate' ||
          row.route === 'debt' ||
          (row.route === 'secured_debt' && row.recipientKind === 'estate'),
      )
      .reduce((sum, row) => sum + cents(row.amount), 0);
    const houseDirect = flow.find((row) => row.route === 'probate' && row.assetId === house.assetId);
    t.ok(houseDirect, "the owner's own 40% of the house (no designation) passes through probate");
    const residuary = flow.filter((row) => row.route === 'residuary');
    t.equal(residuary.length, 1, "the will's residuary: one beneficiary");
    t.equal(residuary[0].recipientPersonaId, first.recipientPersonaId, 'the first member, as for the brokerage 60%');
    t.equal(cents(residuary[0].amount), Math.max(0, probate), 'probate less its debts');
  },
);

t.test(
  "the planner's checks: the trust is funded, the house and brokerage are not in probate by default",
  async (t) => {
    const checks = await asOwner((c) =>
      estate.checkEstatePlan.run({ personaId: owner.personaId, asOf: '2026-09-01' }, c),
    );
    t.notOk(
      checks.some((row) => row.checkCode === 'trust_owns_nothing'),
      'the trust holds a share',
    );
    t.notOk(
      checks.some((row) => row.checkCode === 'probate_asset' && row.assetId === brokerage.assetId),
      'the brokerage has beneficiaries',
    );
    t.ok(
      checks.some((row) => row.checkCode === 'probate_asset' && row.assetId === house.assetId),
      "the owner's direct 40% of the house is flagged as probate",
    );
  },
);
