// Ownership over time (issue 12): every share change is appended to the history at the instant it
// is made (the titling of an asset's first day from the start); owners, net worth and the estate
// flow as of a past date read the shares held then, and today's answers read today's shares. The
// history is append-only, totals 100% at every instant under racing writers, and answers another
// tenant's or user's asset id as a random one. Days pass by moving an asset's recorded past back
// (`daysPass`, as the superuser with triggers off): the changes of a test all happen today.
import t from 'tap';
import * as assets from '../generated/assets.queries.ts';
import * as estate from '../generated/estate.queries.ts';
import * as ffc from '../generated/family_circles.queries.ts';
import * as identity from '../generated/identity.queries.ts';
import * as netWorth from '../generated/net_worth.queries.ts';
import { makeTenant, makeUser, rejection, testDatabase, type TestUser } from './helpers/db.ts';

const db = await testDatabase(t);
const tenant = await makeTenant(db, 'history');
const otherTenant = await makeTenant(db, 'elsewhere');
const { as } = db;
const alice = await makeUser(db, tenant, 'Alice', 'advisor');
const bob = await makeUser(db, tenant, 'Bob');
const eve = await makeUser(db, tenant, 'Eve');
const mallory = await makeUser(db, otherTenant, 'Mallory');

// Alice and Bob share a circle, so each may name the other.
const [circle] = await as(alice, (c) => ffc.createFfc.run({ name: 'Alice & Bob' }, c));
const [invite] = await as(alice, (c) =>
  ffc.inviteFfcMember.run({ ffcId: circle.ffcId, email: bob.email, role: 'member', validHours: 1 }, c),
);
await as(bob, (c) => ffc.acceptFfcInvitation.run({ token: invite.token }, c));

// "Today" and the days before it as the database counts them (the as-of checks use its current_date).
const {
  rows: [dates],
} = await db.admin.query<{ today: string; yesterday: string }>(
  `select current_date::text as today, (current_date - 1)::text as yesterday`,
);
const { today, yesterday } = dates;
const daysAgo = async (n: number) =>
  (await db.admin.query<{ d: string }>(`select (current_date - $1::int)::text as d`, [n])).rows[0].d;

/** n days pass for an asset: its creation and every change recorded so far move n days back. */
const daysPass = async (assetId: string, n: number) => {
  const c = await db.admin.connect();
  try {
    await c.query('begin');
    // Fixture only: the append-only trigger (and audit) are off in this transaction.
    await c.query('set local session_replication_role = replica');
    await c.query(`update app.assets set created_at = created_at - make_interval(days => $2) where id = $1`, [
      assetId,
      n,
    ]);
    await c.query(
      `update app.asset_ownership_history set effective_at = effective_at - make_interval(days => $2),
              recorded_at = recorded_at - make_interval(days => $2)
        where asset_id = $1 and effective_at > '-infinity'`,
      [assetId, n],
    );
    await c.query('commit');
  } finally {
    c.release();
  }
};

const asset = async (owner: TestUser, name: string, value: string) =>
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
          valuedOn: '2025-01-01',
          details: {},
          ownershipPercentage: '100',
          ownershipForm: 'sole',
          valuationSource: 'manual',
          description: null,
          identifierCiphertext: null,
          identifierLast4: null,
        },
        c,
      ),
    )
  )[0].assetId;

const ownersAsOf = (who: TestUser, assetId: string, asOf: string) =>
  as(who, (c) => assets.getAssetOwnersAsOf.run({ assetId, asOf }, c));
const worth = async (who: TestUser, asOf: string) =>
  (await as(who, (c) => netWorth.calculateNetWorth.run({ personaId: who.personaId, asOf, currency: 'USD' }, c)))[0];
const transfer = (who: TestUser, assetId: string, toPersonaId: string, percentage: string) =>
  as(who, (c) => assets.transferAssetShare.run({ assetId, fromPersonaId: who.personaId, toPersonaId, percentage }, c));

// Alice's painting (1,000.00 since 2025), entered a while ago: hers alone until today, when she gives Bob 40%.
const painting = await asset(alice, 'Painting', '1000.00');
await daysPass(painting, 3);
await transfer(alice, painting, bob.personaId, '40');

t.test('who owned what on a date: the titling then, not today', async (t) => {
  const before = await ownersAsOf(alice, painting, yesterday);
  t.same(
    before.map((o) => [o.personaId, o.ownershipPercentage, o.ownershipForm, o.heldSince]),
    [[alice.personaId, '100.0000', 'sole', null]],
    'yesterday: all Alice’s, since the asset’s first titling',
  );
  const now = await ownersAsOf(bob, painting, today);
  t.same(
    now.map((o) => [o.personaId, o.ownershipPercentage]),
    [
      [alice.personaId, '60.0000'],
      [bob.personaId, '40.0000'],
    ],
    'today: 60 / 40, and Bob (an owner now) may ask',
  );
  t.equal(now[0].heldSince, null, 'Alice has held a share without a break since the first titling');
  t.ok(now[1].heldSince instanceof Date, 'Bob holds his since today’s transfer');
  t.equal(now[0].personaName, 'Alice Tester', 'the holder is named');
});

t.test('net worth as of a past date uses the shares held then; today uses today’s', async (t) => {
  t.equal((await worth(alice, yesterday)).netWorth, '1000.00', 'Alice held 100% yesterday');
  t.equal((await worth(alice, today)).netWorth, '600.00', 'Alice holds 60% today');
  const bobYesterday = await worth(bob, yesterday);
  t.same([bobYesterday.netWorth, bobYesterday.assetCount], ['0.00', 0], 'Bob held nothing yesterday');
  t.equal((await worth(bob, today)).netWorth, '400.00', 'Bob holds 40% today');
  const history = await as(alice, (c) =>
    netWorth.calculateNetWorthHistory.run(
      { personaId: alice.personaId, from: yesterday, to: today, currency: 'USD' },
      c,
    ),
  );
  t.equal(history.at(-1)?.netWorth, '600.00', 'the history ends with today’s shares');
});

t.test('who owned what on a date, across several changes over weeks', async (t) => {
  // The boat: Alice's alone (entered 60 days ago); 30 days ago she gave Bob 25%; 10 days ago
  // another 35%; today Bob gives 10% back.
  const boat = await asset(alice, 'Boat', '1234.56');
  await daysPass(boat, 30);
  await transfer(alice, boat, bob.personaId, '25');
  await daysPass(boat, 20);
  await transfer(alice, boat, bob.personaId, '35');
  await daysPass(boat, 10);
  await as(bob, (c) =>
    assets.transferAssetShare.run(
      { assetId: boat, fromPersonaId: bob.personaId, toPersonaId: alice.personaId, percentage: '10' },
      c,
    ),
  );
  const shares = async (asOf: string) =>
    (await ownersAsOf(alice, boat, asOf))
      .map((o) => [o.personaName, o.ownershipPercentage])
      .sort((a, b) => String(a[0]).localeCompare(String(b[0])));
  t.same(await shares(await daysAgo(31)), [['Alice Tester', '100.0000']], '31 days ago: Alice’s alone');
  t.same(
    await shares(await daysAgo(30)),
    [
      ['Alice Tester', '75.0000'],
      ['Bob Tester', '25.0000'],
    ],
    '30 days ago (the day of the first gift, counted at its end): 75 / 25',
  );
  t.same(
    await shares(await daysAgo(11)),
    [
      ['Alice Tester', '75.0000'],
      ['Bob Tester', '25.0000'],
    ],
    '11 days ago: still 75 / 25',
  );
  t.same(
    await shares(await daysAgo(10)),
    [
      ['Alice Tester', '40.0000'],
      ['Bob Tester', '60.0000'],
    ],
    '10 days ago: 40 / 60',
  );
  t.same(
    await shares(today),
    [
      ['Alice Tester', '50.0000'],
      ['Bob Tester', '50.0000'],
    ],
    'today: 50 / 50',
  );
  const [bobThen] = (await ownersAsOf(bob, boat, yesterday)).filter((o) => o.personaId === bob.personaId);
  const held = await db.admin.query<{ since: Date }>(
    `select min(effective_at) as since from app.asset_ownership_history where asset_id = $1 and persona_id = $2`,
    [boat, bob.personaId],
  );
  t.same(bobThen.heldSince, held.rows[0].since, 'Bob has held a share since the first gift, without a break');

  const history = await as(alice, (c) =>
    assets.getAssetOwnershipHistory.run({ assetId: boat, limit: 50, offset: 0 }, c),
  );
  t.same(
    history.map((h) => [h.personaName, h.ownershipPercentage, h.effectiveAt === null]),
    [
      ['Alice Tester', '50.0000', false],
      ['Bob Tester', '50.0000', false],
      ['Bob Tester', '60.0000', false],
      ['Alice Tester', '40.0000', false],
      ['Bob Tester', '25.0000', false],
      ['Alice Tester', '75.0000', false],
      ['Alice Tester', '100.0000', true],
    ],
    'the change log, newest first; the first titling has no date',
  );
  t.equal(history[0].total, 7, 'with the total');
  const page = await as(bob, (c) => assets.getAssetOwnershipHistory.run({ assetId: boat, limit: 2, offset: 5 }, c));
  t.same(
    page.map((h) => h.ownershipPercentage),
    ['75.0000', '100.0000'],
    'a page at a time',
  );
});

t.test('net worth before and after a share transfer, to the cent', async (t) => {
  // docs/assets_and_net_worth.md's example: Carol's coin collection, worth 1,234.56 since 2025
  // and entered 20 days ago; 10 days ago she gives Dan 37.5%; revalued at 2,000.00 five days ago.
  // Dan has no login: Carol created his persona and acts for him.
  const carol = await makeUser(db, tenant, 'Carol');
  const [{ personaId: dan }] = await as(carol, (c) =>
    identity.createPersona.run({ firstName: 'Dan', lastName: 'Tester' }, c),
  );
  const coins = await asset(carol, 'Coins', '1234.56');
  await daysPass(coins, 10);
  await transfer(carol, coins, dan, '37.5');
  await daysPass(coins, 10);
  const fiveDaysAgo = await daysAgo(5);
  await as(carol, (c) =>
    assets.updateAssetValue.run(
      { assetId: coins, amount: '2000.00', valuedOn: fiveDaysAgo, source: 'manual', currency: 'USD' },
      c,
    ),
  );
  const worthOf = async (personaId: string, asOf: string) =>
    (await as(carol, (c) => netWorth.calculateNetWorth.run({ personaId, asOf, currency: 'USD' }, c)))[0].netWorth;
  const both = async (asOf: string) => [await worthOf(carol.personaId, asOf), await worthOf(dan, asOf)];
  t.same(await both(await daysAgo(11)), ['1234.56', '0.00'], 'the day before the gift: all Carol’s');
  t.same(await both(await daysAgo(10)), ['771.60', '462.96'], 'the day of the gift: 62.5% and 37.5% of 1,234.56');
  t.same(await both(await daysAgo(5)), ['1250.00', '750.00'], 'revalued: 62.5% and 37.5% of 2,000.00');
  t.same(await both(today), ['1250.00', '750.00'], 'today, from today’s shares: the same');
});

t.test('the estate flow as of a past date follows the titling then, to the cent', async (t) => {
  // The cabin (10,000.00 since 2025) was Alice's alone until today; today half is Bob's and both
  // halves are held as joint tenants with survivorship.
  const cabin = await asset(alice, 'Cabin', '10000.00');
  await daysPass(cabin, 2);
  await transfer(alice, cabin, bob.personaId, '50');
  for (const who of [alice, bob])
    await as(who, (c) =>
      assets.assignAssetToPersona.run(
        { assetId: cabin, personaId: who.personaId, percentage: '50', ownershipForm: 'joint_tenancy_wros' },
        c,
      ),
    );
  const flow = async (asOf: string) =>
    (await as(alice, (c) => estate.calculateEstateFlow.run({ personaId: alice.personaId, asOf, currency: 'USD' }, c)))
      .filter((r) => r.assetId === cabin)
      .map((r) => [r.route, r.recipientPersonaId, r.amount]);
  t.same(await flow(yesterday), [['probate', null, '10000.00']], 'yesterday: Alice’s alone, through probate');
  t.same(await flow(today), [['survivorship', bob.personaId, '5000.00']], 'today: her half passes to Bob');
});

t.test('an asset entered today is titled from the start: its first day’s changes are its first titling', async (t) => {
  const car = await asset(alice, 'Car', '8000.00');
  await transfer(alice, car, bob.personaId, '50');
  t.same(
    (await ownersAsOf(alice, car, await daysAgo(400))).map((o) => [o.personaId, o.ownershipPercentage, o.heldSince]),
    [
      [alice.personaId, '50.0000', null],
      [bob.personaId, '50.0000', null],
    ].sort((a, b) => String(a[0]).localeCompare(String(b[0]))),
    'half each, as entered, on any past date',
  );
});

t.test('the history is appended, never changed', async (t) => {
  const { rows } = await db.admin.query<{ n: number }>(
    `select count(*)::int as n from app.asset_ownership_history where asset_id = $1`,
    [painting],
  );
  t.equal(rows[0].n, 3, 'the first titling, then Alice’s 60 and Bob’s 40');
  for (const statement of [
    `update app.asset_ownership_history set ownership_percentage = 1 where asset_id = $1`,
    `delete from app.asset_ownership_history where asset_id = $1`,
  ]) {
    const refused = await rejection(db.admin.query(statement, [painting]));
    t.same([refused.sqlState, refused.code], ['PT409', 'ownership_history_immutable'], statement.split(' ')[0]);
  }
  const direct = await rejection(
    as(alice, (c) => c.query(`select * from app.asset_ownership_history where asset_id = $1`, [painting])),
  );
  t.equal(direct.sqlState, '42501', 'the API role cannot read the table itself');
  // Deleting the asset takes its history with it (and leaves no orphan).
  const scrap = await asset(alice, 'Scrap', '1.00');
  await as(alice, (c) => assets.deleteAsset.run({ assetId: scrap }, c));
  const left = await db.admin.query(`select 1 from app.asset_ownership_history where asset_id = $1`, [scrap]);
  t.equal(left.rowCount, 0, 'a deleted asset’s history goes with it');
});

t.test('from the attacker’s side: the same 404 as a random id, and bad dates refused', async (t) => {
  const random = await rejection(ownersAsOf(alice, crypto.randomUUID(), yesterday));
  t.same([random.sqlState, random.code], ['PT404', 'asset_not_found'], 'a random id');
  for (const [who, label] of [
    [mallory, 'another tenant'],
    [eve, 'another user of the tenant'],
  ] as const) {
    const refused = await rejection(ownersAsOf(who, painting, yesterday));
    t.same([refused.sqlState, refused.code], [random.sqlState, random.code], `${label}: as a random id`);
    const log = await rejection(
      as(who, (c) => assets.getAssetOwnershipHistory.run({ assetId: painting, limit: 10, offset: 0 }, c)),
    );
    t.same([log.sqlState, log.code], [random.sqlState, random.code], `${label}: its change log as a random id`);
  }
  for (const asOf of ['2999-01-01', '1800-01-01']) {
    const refused = await rejection(ownersAsOf(alice, painting, asOf));
    t.same([refused.sqlState, refused.code], ['PT400', 'invalid_as_of'], asOf);
  }
});

t.test('racing writers keep every instant of the history at or under 100%', async (t) => {
  const shared = await asset(alice, 'Shared', '100.00');
  await daysPass(shared, 1);
  // Ten racing moves of Alice's share (to Bob and back), and Bob's racing attempts to take more.
  const moves = [
    ...Array.from({ length: 6 }, () => () => transfer(alice, shared, bob.personaId, '10')),
    ...Array.from(
      { length: 4 },
      () => () =>
        as(bob, (c) =>
          assets.transferAssetShare.run(
            { assetId: shared, fromPersonaId: bob.personaId, toPersonaId: alice.personaId, percentage: '5' },
            c,
          ),
        ),
    ),
  ];
  const results = await Promise.allSettled(moves.map((m) => m()));
  t.ok(
    results.some((r) => r.status === 'fulfilled'),
    `some moves landed (${results.filter((r) => r.status === 'fulfilled').length})`,
  );
  const { rows } = await db.admin.query<{ at: string; total: string }>(
    `select i.at::text, (select coalesce(sum(x.ownership_percentage), 0)
                          from (select distinct on (h.persona_id, h.entity_id) h.ownership_percentage
                                  from app.asset_ownership_history h
                                 where h.asset_id = $1 and h.effective_at <= i.at
                                 order by h.persona_id, h.entity_id, h.effective_at desc, h.id desc) x)::text as total
       from (select distinct effective_at as at from app.asset_ownership_history where asset_id = $1) i`,
    [shared],
  );
  t.ok(rows.length > 2, `the history has ${rows.length} instants`);
  t.same(
    rows.filter((r) => r.total !== '100.0000'),
    [],
    'every instant totals exactly 100% (transfers move shares, never lose or double them)',
  );
  const last = await db.admin.query<{ same: boolean }>(
    `select (select array_agg(persona_id::text || ':' || ownership_percentage order by persona_id)
               from app.asset_ownerships where asset_id = $1)
          = (select array_agg(persona_id::text || ':' || ownership_percentage order by persona_id)
               from (select distinct on (persona_id) persona_id, ownership_percentage from app.asset_ownership_history
                      where asset_id = $1 order by persona_id, effective_at desc, id desc) x
              where ownership_percentage is not null) as same`,
    [shared],
  );
  t.ok(last.rows[0].same, 'the latest of the history is today’s shares');
});
