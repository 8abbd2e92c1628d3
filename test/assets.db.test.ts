// Asset procedures: all 13 types with their own fields, masked identifiers, the 100% ownership cap
// under racing writers, permissions by persona and circle role, valuations and visibility.
import t from 'tap';
import * as assets from '../generated/assets.queries.ts';
import * as ffc from '../generated/family_circles.queries.ts';
import * as identity from '../generated/identity.queries.ts';
import { makeTenant, makeUser, rejection, testDatabase, type TestUser } from './helpers/db.ts';

const db = await testDatabase(t);
const tenant = await makeTenant(db, 'assets');
const otherTenant = await makeTenant(db, 'elsewhere');
const { as } = db;
const alice = await makeUser(db, tenant, 'Alice', 'advisor');
const bob = await makeUser(db, tenant, 'Bob');
const mallory = await makeUser(db, otherTenant, 'Mallory');

type CreateParams = Parameters<typeof assets.createAsset.run>[0];
const base = (owner: TestUser, overrides: Partial<CreateParams>): CreateParams => ({
  assetType: 'misc',
  categoryCode: 'other',
  name: 'Thing',
  currency: 'USD',
  ownerPersonaId: owner.personaId,
  initialValue: '1000.00',
  valuedOn: '2026-01-15',
  details: {},
  ownershipPercentage: '100',
  ownershipForm: 'sole',
  valuationSource: 'manual',
  ...overrides,
});
const create = (owner: TestUser, overrides: Partial<CreateParams>) =>
  as(owner, (c) => assets.createAsset.run(base(owner, overrides), c));

const EXAMPLES: Array<[string, string, Record<string, unknown>]> = [
  ['bank_account', 'checking', { institutionName: 'First Bank', accountKind: 'checking', interestRatePercent: '0.5' }],
  ['investment_account', 'brokerage', { institutionName: 'Broker & Co', accountKind: 'brokerage', isTaxable: true }],
  [
    'real_estate',
    'primary_residence',
    {
      propertyKind: 'primary_residence',
      addressLine1: '1 Elm St',
      city: 'Springfield',
      countryCode: 'US',
      purchasePrice: '350000.00',
    },
  ],
  ['vehicle', 'car', { make: 'Volvo', model: 'XC60', modelYear: 2021, vin: 'YV1DZ8256C2271234' }],
  ['business', 'private_company', { legalName: 'Tester LLC', entityKind: 'llc', jurisdiction: 'Delaware' }],
  [
    'life_insurance',
    'term_life',
    {
      insurerName: 'Safe Life',
      policyKind: 'term',
      faceValue: '500000.00',
      insuredPersonaId: 'SELF',
      termEndsOn: '2045-01-01',
    },
  ],
  ['personal_property', 'jewelry', { itemKind: 'ring', location: 'safe' }],
  [
    'debt',
    'mortgage',
    { lenderName: 'Home Loans', debtKind: 'mortgage', interestRatePercent: '3.25', originalPrincipal: '300000.00' },
  ],
  [
    'cryptocurrency',
    'crypto_wallet',
    {
      symbol: 'BTC',
      units: '0.5',
      custody: 'self_custody',
      walletAddress: 'bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq',
    },
  ],
  ['retirement_account', 'ira', { institutionName: 'Retire Inc', planKind: 'roth_ira' }],
  ['collectible', 'art', { collectibleKind: 'art', creator: 'A. Painter' }],
  ['intellectual_property', 'patent', { ipKind: 'patent', registrationNumber: 'US1234567' }],
  ['misc', 'other', { notes: 'a horse' }],
];

t.test('each of the 13 types is created with its own fields and read back', async (t) => {
  for (const [assetType, categoryCode, details] of EXAMPLES) {
    const given = { ...details, ...(details.insuredPersonaId ? { insuredPersonaId: alice.personaId } : {}) };
    const [created] = await create(alice, {
      assetType,
      categoryCode,
      name: `My ${assetType}`,
      details: given as never,
    });
    t.equal(created.assetType, assetType, `${assetType} is created`);
    t.equal(created.isLiability, assetType === 'debt', `${assetType} liability flag`);
    const [read] = await as(alice, (c) => assets.getAsset.run({ assetId: created.assetId }, c));
    for (const [key, value] of Object.entries(given)) {
      const got = (read.details as Record<string, unknown>)[key];
      // Decimals come back as strings at the column's scale ('0.5' is stored as '0.5000').
      if (typeof value === 'string' && /^\d+(\.\d+)?$/.test(value))
        t.ok(
          typeof got === 'string' && Number(got) === Number(value),
          `${assetType}.${key} round-trips as an exact decimal string`,
        );
      else t.equal(String(got), String(value), `${assetType}.${key} round-trips`);
    }
    t.equal(read.currentValue, '1000.00', 'the first valuation is the current value, as an exact decimal');
    t.same(
      (read.ownerships as Array<{ personaId: string; percentage: string }>).map((o) => [
        o.personaId,
        Number(o.percentage),
      ]),
      [[alice.personaId, 100]],
    );
  }
});

t.test('type-specific fields are validated', async (t) => {
  const countThings = async () =>
    (await db.admin.query(`select count(*)::int as n from app.assets where name = 'Thing'`)).rows[0].n;
  const thingsBefore = await countThings();
  t.match(
    await rejection(
      create(alice, {
        assetType: 'vehicle',
        categoryCode: 'car',
        details: { make: 'X', model: 'Y', vin: 'NOT-A-VIN' },
      }),
    ),
    { sqlState: 'PT400', code: 'invalid_details' },
    'a bad VIN',
  );
  t.match(
    await rejection(
      create(alice, { assetType: 'vehicle', categoryCode: 'car', details: { make: 'X', model: 'Y', privateKey: 'x' } }),
    ),
    { sqlState: 'PT400', code: 'invalid_details', message: /unknown vehicle details: privateKey/ },
    'an unknown field',
  );
  t.match(
    await rejection(
      create(alice, {
        assetType: 'debt',
        categoryCode: 'mortgage',
        details: { lenderName: 'L', debtKind: 'mortgage' },
      }),
    ),
    { code: 'invalid_details' },
    'a missing required field',
  );
  t.match(
    await rejection(
      create(alice, {
        assetType: 'cryptocurrency',
        categoryCode: 'crypto_wallet',
        details: { symbol: 'BTC', units: '1', custody: 'exchange', seedPhrase: 'abandon abandon' },
      }),
    ),
    { code: 'invalid_details' },
    'no seed phrase is ever accepted',
  );
  const [defaults] = await create(alice, {
    name: 'Defaults',
    assetType: 'investment_account',
    categoryCode: 'brokerage',
    details: { institutionName: 'B', accountKind: 'brokerage' },
  });
  t.equal((defaults.details as Record<string, unknown>).isTaxable, true, 'an omitted field takes its default');
  t.match(
    await rejection(create(alice, { assetType: 'vehicle', categoryCode: 'mortgage' })),
    { code: 'invalid_category' },
    'a category of another type',
  );
  t.match(await rejection(create(alice, { assetType: 'spaceship', categoryCode: 'other' })), {
    code: 'invalid_asset_type',
  });
  t.match(await rejection(create(alice, { currency: 'usd' })), { code: 'invalid_currency' });
  t.match(await rejection(create(alice, { initialValue: '-1' })), { code: 'invalid_valuation' });
  t.match(await rejection(create(alice, { ownershipPercentage: '100.5' })), { code: 'invalid_percentage' });
  t.match(
    await rejection(
      create(alice, {
        assetType: 'life_insurance',
        categoryCode: 'term_life',
        details: {
          insurerName: 'I',
          policyKind: 'term',
          faceValue: '1',
          insuredPersonaId: mallory.personaId,
          termEndsOn: '2040-01-01',
        },
      }),
    ),
    { code: 'persona_not_found' },
    "another tenant's persona cannot be insured",
  );
  t.equal(await countThings(), thingsBefore, 'a refused create leaves nothing behind');
});

t.test('identifiers are stored as given ciphertext and shown only masked', async (t) => {
  const ciphertext = Buffer.from('opaque-ciphertext-from-the-api');
  const [created] = await create(alice, {
    assetType: 'bank_account',
    categoryCode: 'savings',
    details: { institutionName: 'B', accountKind: 'savings' },
    identifierCiphertext: ciphertext,
    identifierLast4: '6789',
  });
  t.equal(created.identifierMasked, '****6789');
  const list = await as(alice, (c) =>
    assets.getPersonaAssets.run({ personaId: alice.personaId, limit: 100, offset: 0 }, c),
  );
  t.equal(list.find((a) => a.assetId === created.assetId)?.identifierMasked, '****6789', 'lists mask it too');
  const { rows } = await db.admin.query(
    `select changes::text as c from audit.audit_log where table_name = 'app.assets' and row_id = $1`,
    [created.assetId],
  );
  t.ok(
    rows.length > 0 && rows.every((r) => !r.c.includes('6789') && !r.c.includes('\\x')),
    'the audit log holds neither the ciphertext nor the last four',
  );
});

t.test('ownership shares never exceed 100%, also when several writers race', async (t) => {
  const [asset] = await create(alice, { name: 'Shared house', ownershipPercentage: '10' });
  const heirs: Array<{ personaId: string }> = [];
  for (let i = 0; i < 6; i++)
    heirs.push((await as(alice, (c) => identity.createPersona.run({ firstName: `Heir${i}`, lastName: 'X' }, c)))[0]);
  const results = await Promise.allSettled(
    heirs.map((heir) =>
      as(alice, (c) =>
        assets.assignAssetToPersona.run(
          { assetId: asset.assetId, personaId: heir.personaId, percentage: '30', ownershipForm: 'tenants_in_common' },
          c,
        ),
      ),
    ),
  );
  const { rows } = await db.admin.query(
    `select sum(ownership_percentage)::text as total from app.asset_ownerships where asset_id = $1`,
    [asset.assetId],
  );
  t.equal(rows[0].total, '100.0000', 'the shares total exactly 100%');
  t.equal(results.filter((r) => r.status === 'fulfilled').length, 3, 'three 30% shares fit beside the 10%');
  t.ok(
    results
      .filter((r) => r.status === 'rejected')
      .every((r) => (r as PromiseRejectedResult).reason.hint === 'ownership_exceeds_100'),
    'the others are refused with ownership_exceeds_100',
  );
  const [moved] = await as(alice, (c) =>
    assets.transferAssetShare.run(
      { assetId: asset.assetId, fromPersonaId: alice.personaId, toPersonaId: heirs[5].personaId, percentage: '2.5' },
      c,
    ),
  );
  t.ok(moved, 'a share is transferred');
  const { rows: after } = await db.admin.query(
    `select sum(ownership_percentage)::text as total from app.asset_ownerships where asset_id = $1`,
    [asset.assetId],
  );
  t.equal(after[0].total, '100.0000', 'a transfer keeps the total');
  t.match(
    await rejection(
      as(alice, (c) =>
        assets.transferAssetShare.run(
          { assetId: asset.assetId, fromPersonaId: alice.personaId, toPersonaId: heirs[5].personaId, percentage: '50' },
          c,
        ),
      ),
    ),
    { code: 'invalid_percentage' },
    'no more than one owns can be transferred',
  );
});

t.test('permissions: owners edit, grantees see what was granted, everyone else sees nothing', async (t) => {
  const [asset] = await create(alice, {
    name: 'Private art',
    assetType: 'collectible',
    categoryCode: 'art',
    details: { collectibleKind: 'art' },
  });
  const get = (user: TestUser) => as(user, (c) => assets.getAsset.run({ assetId: asset.assetId }, c));
  const value = (user: TestUser) =>
    as(user, (c) =>
      assets.updateAssetValue.run(
        { assetId: asset.assetId, amount: '2000.00', valuedOn: '2026-02-01', source: 'appraisal' },
        c,
      ),
    );
  t.match(
    await rejection(get(bob)),
    { sqlState: 'PT404', code: 'asset_not_found' },
    'without a grant Bob sees nothing',
  );
  t.match(await rejection(get(mallory)), { sqlState: 'PT404', code: 'asset_not_found' }, 'another tenant sees nothing');
  const grantBobView = () =>
    as(alice, (c) =>
      assets.setAssetPermission.run({ assetId: asset.assetId, permission: 'view', granteePersonaId: bob.personaId }, c),
    );
  t.match(
    await rejection(grantBobView()),
    { sqlState: 'PT404', code: 'persona_not_found' },
    'Bob cannot be named before he shares a circle with Alice',
  );
  const [circle] = await as(alice, (c) => ffc.createFfc.run({ name: 'Alice & Bob' }, c));
  const [invite] = await as(alice, (c) =>
    ffc.inviteFfcMember.run({ ffcId: circle.ffcId, email: bob.email, role: 'viewer', validHours: 1 }, c),
  );
  await as(bob, (c) => ffc.acceptFfcInvitation.run({ token: invite.token }, c));
  const [{ permissionId }] = await grantBobView();
  t.equal((await get(bob))[0].myAccess, 'view', 'with a view grant Bob sees it');
  t.match(
    await rejection(value(bob)),
    { sqlState: 'PT403', code: 'asset_read_only' },
    'a viewer cannot record a value',
  );
  t.match(
    await rejection(
      as(bob, (c) =>
        assets.setAssetPermission.run(
          { assetId: asset.assetId, permission: 'edit', granteePersonaId: bob.personaId },
          c,
        ),
      ),
    ),
    { code: 'asset_owner_only' },
    'a viewer cannot grant',
  );
  await as(alice, (c) =>
    assets.setAssetPermission.run({ assetId: asset.assetId, permission: 'edit', granteePersonaId: bob.personaId }, c),
  );
  t.equal((await value(bob))[0].amount, '2000.00', 'with an edit grant Bob records a value');
  await as(alice, (c) => assets.revokeAssetPermission.run({ assetId: asset.assetId, permissionId }, c));
  t.match(await rejection(get(bob)), { code: 'asset_not_found' }, 'after revoking, Bob sees nothing again');
  t.match(
    await rejection(
      as(mallory, (c) =>
        assets.setAssetPermission.run(
          { assetId: asset.assetId, permission: 'view', granteePersonaId: mallory.personaId },
          c,
        ),
      ),
    ),
    { code: 'asset_not_found' },
  );
});

t.test('permissions by circle role: a role or better sees the asset; removed members do not', async (t) => {
  const carol = await makeUser(db, tenant, 'Carol', 'family');
  const dave = await makeUser(db, tenant, 'Dave');
  const [circle] = await as(carol, (c) => ffc.createFfc.run({ name: 'Carol circle' }, c));
  const [invite] = await as(carol, (c) =>
    ffc.inviteFfcMember.run({ ffcId: circle.ffcId, email: dave.email, role: 'viewer', validHours: 1 }, c),
  );
  await as(dave, (c) => ffc.acceptFfcInvitation.run({ token: invite.token }, c));
  const [asset] = await create(carol, { name: 'Family cabin' });
  await as(carol, (c) =>
    assets.setAssetPermission.run(
      { assetId: asset.assetId, permission: 'view', granteeFfcId: circle.ffcId, granteeFfcRole: 'member' },
      c,
    ),
  );
  const get = () => as(dave, (c) => assets.getAsset.run({ assetId: asset.assetId }, c));
  t.match(await rejection(get()), { code: 'asset_not_found' }, 'a viewer does not see what members see');
  await as(carol, (c) =>
    ffc.updateFfcMemberRole.run({ ffcId: circle.ffcId, personaId: dave.personaId, role: 'admin' }, c),
  );
  t.equal((await get())[0].myAccess, 'view', 'an admin (better than member) sees it');
  await as(carol, (c) => ffc.removeFfcMember.run({ ffcId: circle.ffcId, personaId: dave.personaId }, c));
  t.match(await rejection(get()), { code: 'asset_not_found' }, 'a removed member sees nothing');
});

t.test('valuations are appended, never overwritten, and answer "as of"', async (t) => {
  const [asset] = await create(alice, { name: 'Stock', initialValue: '100.00', valuedOn: '2026-01-01' });
  for (const [amount, valuedOn] of [
    ['150.00', '2026-03-01'],
    ['120.00', '2026-02-01'],
  ]) {
    await as(alice, (c) =>
      assets.updateAssetValue.run({ assetId: asset.assetId, amount, valuedOn, source: 'statement' }, c),
    );
  }
  const history = await as(alice, (c) =>
    assets.getAssetValuations.run({ assetId: asset.assetId, limit: 10, offset: 0 }, c),
  );
  t.same(
    history.map((v) => [v.valuedOn, v.amount]),
    [
      ['2026-03-01', '150.00'],
      ['2026-02-01', '120.00'],
      ['2026-01-01', '100.00'],
    ],
    'newest first, all kept',
  );
  const [asOf] = await as(alice, (c) =>
    assets.getAssetValuations.run({ assetId: asset.assetId, asOf: '2026-02-15', limit: 1, offset: 0 }, c),
  );
  t.equal(asOf.amount, '120.00', 'the value as of a date between valuations is the earlier one');
  t.match(
    await rejection(db.admin.query(`update app.asset_valuations set amount = 1 where asset_id = $1`, [asset.assetId])),
    { code: 'valuation_immutable' },
    'an update is refused, even by a superuser',
  );
  t.match(
    await rejection(
      as(alice, (c) =>
        assets.updateAssetValue.run(
          { assetId: asset.assetId, amount: '1.005', valuedOn: '2026-01-01', source: 'manual' },
          c,
        ),
      ),
    ),
    { code: 'invalid_amount' },
  );
  t.match(
    await rejection(
      as(alice, (c) =>
        assets.updateAssetValue.run(
          { assetId: asset.assetId, amount: '1', valuedOn: '2999-01-01', source: 'manual' },
          c,
        ),
      ),
    ),
    { code: 'invalid_valued_on' },
  );
  t.match(
    await rejection(
      as(alice, (c) =>
        assets.updateAssetValue.run(
          { assetId: asset.assetId, amount: '1', valuedOn: '2026-01-01', source: 'rumour' },
          c,
        ),
      ),
    ),
    { code: 'invalid_valuation_source' },
  );
});

t.test("a persona's assets, narrowed to what the caller may see; search over visible assets", async (t) => {
  const erin = await makeUser(db, tenant, 'Erin');
  await create(erin, {
    name: 'Erin secret savings',
    assetType: 'bank_account',
    categoryCode: 'savings',
    details: { institutionName: 'B', accountKind: 'savings' },
  });
  t.match(
    await rejection(
      as(alice, (c) => assets.getPersonaAssets.run({ personaId: erin.personaId, limit: 10, offset: 0 }, c)),
    ),
    { code: 'persona_not_found' },
    'a stranger persona is not found',
  );
  t.match(
    await rejection(
      as(mallory, (c) => assets.getPersonaAssets.run({ personaId: alice.personaId, limit: 10, offset: 0 }, c)),
    ),
    { code: 'persona_not_found' },
    "another tenant's persona is not found",
  );
  const mine = await as(alice, (c) =>
    assets.getPersonaAssets.run({ personaId: alice.personaId, limit: 500, offset: 0 }, c),
  );
  t.ok(mine.length >= 13 && mine.every((a) => a.myAccess === 'owner'), 'Alice sees all she owns');
  const found = await as(alice, (c) => assets.searchAssets.run({ query: 'savings', limit: 10, offset: 0 }, c));
  t.ok(found.length >= 1, 'search finds her savings');
  t.notOk(
    found.some((a) => a.name.startsWith('Erin')),
    'search never finds assets she may not see',
  );
  const byErin = await as(erin, (c) => assets.searchAssets.run({ query: 'secret', limit: 10, offset: 0 }, c));
  t.same(
    byErin.map((a) => a.name),
    ['Erin secret savings'],
    'Erin finds her own',
  );
  t.match(await rejection(as(alice, (c) => assets.searchAssets.run({ query: ' ', limit: 10, offset: 0 }, c))), {
    code: 'invalid_search',
  });
  const categories = await as(alice, (c) => assets.listAssetCategories.run(undefined, c));
  t.equal(new Set(categories.map((c) => c.assetType)).size, 13, 'categories cover the 13 types');
});

t.test('v_asset_summary shows each asset once with its owned share, and applies RLS', async (t) => {
  const { rows } = await db.admin.query(
    `select count(*)::int as n, bool_and(owned_percentage <= 100) as capped from app.v_asset_summary where tenant_id = $1`,
    [tenant],
  );
  t.ok(rows[0].n >= 13 && rows[0].capped, 'every asset of the tenant, none owned above 100%');
  const owner = await db.admin.connect();
  try {
    await owner.query('begin');
    await owner.query('set local role estate_owner');
    await owner.query(`select set_config('app.tenant_id', $1, true)`, [otherTenant]);
    const { rows: seen } = await owner.query(
      `select count(*)::int as n from app.v_asset_summary where tenant_id = $1`,
      [tenant],
    );
    t.equal(seen[0].n, 0, "under another tenant's context the view shows none of this tenant's assets");
    await owner.query('rollback');
  } finally {
    owner.release();
  }
});

t.test('update and delete: editors change fields, only sole owners delete', async (t) => {
  const [car] = await create(alice, {
    name: 'Old car',
    assetType: 'vehicle',
    categoryCode: 'car',
    details: { make: 'Saab', model: '900', modelYear: 1990 },
  });
  const [changed] = await as(alice, (c) =>
    assets.updateAsset.run({ assetId: car.assetId, name: 'Classic car', details: { modelYear: 1991 } }, c),
  );
  t.same(
    [
      changed.name,
      (changed.details as Record<string, unknown>).modelYear,
      (changed.details as Record<string, unknown>).make,
    ],
    ['Classic car', 1991, 'Saab'],
    'given fields change, the others stay',
  );
  t.match(
    await rejection(as(alice, (c) => assets.updateAsset.run({ assetId: car.assetId, details: { vin: 'bad' } }, c))),
    { code: 'invalid_details' },
  );
  t.match(
    await rejection(as(alice, (c) => assets.updateAsset.run({ assetId: car.assetId, details: { wings: 2 } }, c))),
    { code: 'invalid_details' },
  );
  t.match(await rejection(as(mallory, (c) => assets.updateAsset.run({ assetId: car.assetId, name: 'Stolen' }, c))), {
    code: 'asset_not_found',
  });
  t.match(await rejection(as(mallory, (c) => assets.deleteAsset.run({ assetId: car.assetId }, c))), {
    code: 'asset_not_found',
  });

  const [shared] = await create(alice, { name: 'Shared boat', ownershipPercentage: '60' });
  const [circle] = await as(alice, (c) => ffc.createFfc.run({ name: 'Boat club' }, c));
  const frank = await makeUser(db, tenant, 'Frank');
  const [invite] = await as(alice, (c) =>
    ffc.inviteFfcMember.run({ ffcId: circle.ffcId, email: frank.email, role: 'member', validHours: 1 }, c),
  );
  await as(frank, (c) => ffc.acceptFfcInvitation.run({ token: invite.token }, c));
  await as(alice, (c) =>
    assets.assignAssetToPersona.run(
      { assetId: shared.assetId, personaId: frank.personaId, percentage: '40', ownershipForm: 'tenants_in_common' },
      c,
    ),
  );
  t.match(
    await rejection(as(alice, (c) => assets.deleteAsset.run({ assetId: shared.assetId }, c))),
    { sqlState: 'PT409', code: 'asset_co_owned' },
    "one owner cannot delete another's share",
  );
  await as(alice, (c) => assets.deleteAsset.run({ assetId: car.assetId }, c));
  t.match(
    await rejection(as(alice, (c) => assets.getAsset.run({ assetId: car.assetId }, c))),
    { code: 'asset_not_found' },
    'a deleted asset is gone',
  );
  const { rows } = await db.admin.query(
    `select count(*)::int as n from audit.audit_log where table_name = 'app.assets' and row_id = $1 and operation = 'DELETE'`,
    [car.assetId],
  );
  t.equal(rows[0].n, 1, 'the audit log records the deletion');
});

t.test('lists refuse a sort outside their allow-list and a blank or long q, in the database itself', async (t) => {
  const list = (params: { sort?: string; q?: string }) =>
    as(alice, (c) => assets.listMyAssets.run({ limit: 10, offset: 0, ...params }, c));
  for (const sort of ['price', 'name desc', "name'; --", ''])
    t.match(await rejection(list({ sort })), { code: 'invalid_sort' }, `sort ${JSON.stringify(sort)}`);
  for (const q of ['   ', 'x'.repeat(201)])
    t.match(await rejection(list({ q })), { code: 'invalid_filter' }, `q of ${q.length} characters`);
  t.match(await rejection(as(alice, (c) => ffc.listMyFfcs.run({ sort: '-memberCount', limit: 10, offset: 0 }, c))), {
    code: 'invalid_sort',
  });
  const all = await list({});
  t.ok(all.length > 0 && all.every((row) => row.total === all[0].total), 'every row carries the same total');
  const erinsOnly = await as(mallory, (c) => assets.listMyAssets.run({ q: 'secret', limit: 10, offset: 0 }, c));
  t.same(erinsOnly, [], "another tenant's text filter finds and counts nothing");
});
