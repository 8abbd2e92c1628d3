// Net worth against hand-computed figures: split ownership, a debt, three currencies, dates
// between valuations, a missing rate, a circle counting each asset once, and other tenants.
import t from 'tap';
import * as assets from '../generated/assets.queries.ts';
import * as ffc from '../generated/family_circles.queries.ts';
import * as netWorth from '../generated/net_worth.queries.ts';
import { makeTenant, makeUser, rejection, testDatabase, type TestUser } from './helpers/db.ts';

const db = await testDatabase(t);
const tenant = await makeTenant(db, 'worth');
const otherTenant = await makeTenant(db, 'other');
const { as } = db;
const alice = await makeUser(db, tenant, 'Alice', 'family');
const bob = await makeUser(db, tenant, 'Bob');
const mallory = await makeUser(db, otherTenant, 'Mallory');

const [circle] = await as(alice, (c) => ffc.createFfc.run({ name: 'Alice and Bob' }, c));
const [invite] = await as(alice, (c) =>
  ffc.inviteFfcMember.run({ ffcId: circle.ffcId, email: bob.email, role: 'member', validHours: 1 }, c),
);
await as(bob, (c) => ffc.acceptFfcInvitation.run({ token: invite.token }, c));

for (const [base, quote, date, rate] of [
  ['EUR', 'USD', '2026-01-01', '1.10'],
  ['EUR', 'USD', '2026-03-01', '1.20'],
  ['USD', 'GBP', '2026-01-01', '0.80'],
]) {
  await db.asSupport((c) =>
    netWorth.setExchangeRate.run({ baseCurrency: base, quoteCurrency: quote, rateDate: date, rate }, c),
  );
}

async function asset(
  name: string,
  assetType: string,
  categoryCode: string,
  currency: string,
  value: string,
  valuedOn: string,
  details: object,
  share = '100',
) {
  const [row] = await as(alice, (c) =>
    assets.createAsset.run(
      {
        assetType,
        categoryCode,
        name,
        currency,
        ownerPersonaId: alice.personaId,
        initialValue: value,
        valuedOn,
        details: details as never,
        ownershipPercentage: share,
        ownershipForm: share === '100' ? 'sole' : 'joint_tenancy_wros',
        valuationSource: 'manual',
      },
      c,
    ),
  );
  return row.assetId;
}
const house = await asset(
  'House',
  'real_estate',
  'primary_residence',
  'USD',
  '500000.00',
  '2026-01-10',
  { propertyKind: 'primary_residence', addressLine1: '1 Main St', city: 'Town', countryCode: 'US' },
  '50',
);
await as(alice, (c) =>
  assets.assignAssetToPersona.run(
    { assetId: house, personaId: bob.personaId, percentage: '50', ownershipForm: 'joint_tenancy_wros' },
    c,
  ),
);
await as(alice, (c) =>
  assets.updateAssetValue.run({ assetId: house, amount: '520000.00', valuedOn: '2026-04-01', source: 'appraisal' }, c),
);
await asset('Euro savings', 'bank_account', 'savings', 'EUR', '10000.00', '2026-01-15', {
  institutionName: 'EU Bank',
  accountKind: 'savings',
});
const mortgage = await asset(
  'Mortgage',
  'debt',
  'mortgage',
  'USD',
  '300000.00',
  '2026-01-10',
  { lenderName: 'Lender', debtKind: 'mortgage', interestRatePercent: '3.5' },
  '50',
);
await as(alice, (c) =>
  assets.assignAssetToPersona.run(
    { assetId: mortgage, personaId: bob.personaId, percentage: '50', ownershipForm: 'joint_tenancy_wros' },
    c,
  ),
);
await asset('UK pension', 'retirement_account', 'employer_plan', 'GBP', '8000.00', '2026-02-01', {
  institutionName: 'UK Pensions',
  planKind: 'pension',
});

const worth = (user: TestUser, personaId: string, asOf: string, currency = 'USD') =>
  as(user, (c) => netWorth.calculateNetWorth.run({ personaId, asOf, currency }, c)).then(([row]) => row);

t.test("a persona's net worth: shares, a debt, three currencies, as of a date", async (t) => {
  const feb = await worth(alice, alice.personaId, '2026-02-15');
  // house 500000 x 50% + 10000 EUR x 1.10 + 8000 GBP / 0.80 - mortgage 300000 x 50%
  t.same(
    [feb.totalAssets, feb.totalLiabilities, feb.netWorth, feb.assetCount],
    ['271000.00', '150000.00', '121000.00', 4],
  );
  const apr = await worth(alice, alice.personaId, '2026-04-15');
  // house 520000 x 50% + 10000 x 1.20 + 10000 - 150000
  t.same(
    [apr.totalAssets, apr.netWorth],
    ['282000.00', '132000.00'],
    'later valuations and rates are used after their dates',
  );
  const jan = await worth(alice, alice.personaId, '2026-01-12');
  t.same(
    [jan.totalAssets, jan.netWorth, jan.assetCount],
    ['250000.00', '100000.00', 2],
    'assets not valued yet on the date are left out',
  );
  const bobs = await worth(bob, bob.personaId, '2026-02-15');
  t.same(
    [bobs.totalAssets, bobs.totalLiabilities, bobs.netWorth],
    ['250000.00', '150000.00', '100000.00'],
    "Bob's half of the house and of the mortgage",
  );
  const bobInGbp = await worth(bob, bob.personaId, '2026-02-15', 'GBP');
  t.same(
    [bobInGbp.totalAssets, bobInGbp.netWorth],
    ['200000.00', '80000.00'],
    'USD converted to GBP with the USD/GBP rate',
  );
});

t.test('a missing exchange rate is an error, never a silent 1', async (t) => {
  t.match(await rejection(worth(alice, alice.personaId, '2026-02-15', 'JPY')), {
    sqlState: 'PT422',
    code: 'exchange_rate_missing',
    message: /USD\/JPY|EUR\/JPY|GBP\/JPY/,
  });
  t.match(
    await rejection(worth(alice, alice.personaId, '2026-02-15', 'GBP')),
    { sqlState: 'PT422', code: 'exchange_rate_missing', message: /EUR\/GBP/ },
    'EUR savings in GBP: neither EUR/GBP nor GBP/EUR is known',
  );
});

t.test('net worth over time: one point per month end', async (t) => {
  const points = await as(alice, (c) =>
    netWorth.calculateNetWorthHistory.run(
      { personaId: alice.personaId, from: '2026-01-01', to: '2026-04-15', currency: 'USD' },
      c,
    ),
  );
  t.same(
    points.map((p) => [p.asOf, p.netWorth]),
    [
      ['2026-01-31', '111000.00'],
      ['2026-02-28', '121000.00'],
      ['2026-03-31', '122000.00'],
      ['2026-04-15', '132000.00'],
    ],
  );
  t.match(
    await rejection(
      as(alice, (c) =>
        netWorth.calculateNetWorthHistory.run(
          { personaId: alice.personaId, from: '2026-05-01', to: '2026-04-15', currency: 'USD' },
          c,
        ),
      ),
    ),
    { code: 'invalid_range' },
  );
});

t.test('a circle counts each asset once, over the assets the caller may see', async (t) => {
  const circleWorth = (user: TestUser) =>
    as(user, (c) =>
      netWorth.calculateFfcNetWorth.run({ ffcId: circle.ffcId, asOf: '2026-02-15', currency: 'USD' }, c),
    ).then(([row]) => [row.totalAssets, row.totalLiabilities, row.netWorth, row.assetCount]);
  // house 100% + 11000 + 10000 - mortgage 100%: Alice owns a share of all four.
  t.same(await circleWorth(alice), ['521000.00', '300000.00', '221000.00', 4]);
  // Bob may see only the house and the mortgage he co-owns: Alice's savings and pension stay hers.
  t.same(await circleWorth(bob), ['500000.00', '300000.00', '200000.00', 2]);
});

t.test('nobody computes the net worth of a persona they do not act for', async (t) => {
  t.match(
    await rejection(worth(bob, alice.personaId, '2026-02-15')),
    { sqlState: 'PT404', code: 'persona_not_found' },
    'a fellow circle member cannot',
  );
  t.match(
    await rejection(worth(mallory, alice.personaId, '2026-02-15')),
    { sqlState: 'PT404', code: 'persona_not_found' },
    'another tenant cannot',
  );
  t.match(
    await rejection(
      as(mallory, (c) =>
        netWorth.calculateFfcNetWorth.run({ ffcId: circle.ffcId, asOf: '2026-02-15', currency: 'USD' }, c),
      ),
    ),
    { code: 'ffc_not_found' },
  );
  t.match(await rejection(worth(alice, alice.personaId, '2999-01-01')), { code: 'invalid_as_of' });
  t.match(await rejection(worth(alice, alice.personaId, '2026-02-15', 'dollars')), { code: 'invalid_currency' });
  t.match(
    await rejection(
      db.withContext({ tenantId: tenant, actorKind: 'user', actorId: alice.sub, requestId: 'r' }, (c) =>
        netWorth.setExchangeRate.run(
          { baseCurrency: 'USD', quoteCurrency: 'CHF', rateDate: '2026-01-01', rate: '0.9' },
          c,
        ),
      ),
    ),
    { sqlState: '42501' },
    'tenant traffic cannot set exchange rates',
  );
});

t.test('a small holder in a larger tenant (the plan that probes per share) is exact to the cent', async (t) => {
  const carol = await makeUser(db, tenant, 'Carol');
  await as(carol, (c) =>
    assets.createAsset.run(
      {
        assetType: 'bank_account',
        categoryCode: 'savings',
        name: 'Large euro deposit',
        currency: 'EUR',
        ownerPersonaId: carol.personaId,
        initialValue: '123456789012.34',
        valuedOn: '2026-02-01',
        details: { institutionName: 'EU Bank', accountKind: 'savings' } as never,
        ownershipPercentage: '33.3333',
        ownershipForm: 'tenants_in_common',
        valuationSource: 'manual',
      },
      c,
    ),
  );
  // app.net_worth_of hashes the tenant's assets when the personas hold a quarter of them or more,
  // and probes the index per share below that: Carol's one share of the tenant's five or more.
  const { rows } = await db.admin.query<{ n: number }>(
    `select sum(quantity)::int as n from app.usage_records where tenant_id = $1 and metric = 'assets'`,
    [tenant],
  );
  t.ok(rows[0].n > 4, `the tenant holds ${rows[0].n} assets, more than four times Carol's one share`);
  // 123456789012.34 x 1.10 x 33.3333 / 100 = 45267444037.035362142, rounded once
  const feb = await worth(carol, carol.personaId, '2026-02-15');
  t.same([feb.totalAssets, feb.netWorth, feb.assetCount], ['45267444037.04', '45267444037.04', 1]);
  // today: the current shares and latest valuations, the rate of 1.20 from March: 49382666222.220395064
  const [{ on }] = (await db.admin.query<{ on: string }>('select current_date::text as on')).rows;
  const today = await worth(carol, carol.personaId, on);
  t.same([today.totalAssets, today.netWorth, today.assetCount], ['49382666222.22', '49382666222.22', 1]);
});
