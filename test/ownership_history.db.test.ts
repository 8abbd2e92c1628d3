// Ownership over time (issue 12): every share change is appended to the history at the instant it
// is made; owners, net worth and the estate flow as of a past date read the shares held then, and
// today's answers read today's shares. The history is append-only, keeps the 100% cap at every
// instant under racing writers, and answers another tenant's or user's asset id as a random one.
import t from 'tap';
import * as assets from '../generated/assets.queries.ts';
import * as estate from '../generated/estate.queries.ts';
import * as ffc from '../generated/family_circles.queries.ts';
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

// "Today" and "yesterday" as the database counts them (the as-of checks use its current_date).
const {
  rows: [dates],
} = await db.admin.query<{ today: string; yesterday: string }>(
  `select current_date::text as today, (current_date - 1)::text as yesterday`,
);
const { today, yesterday } = dates;

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

// Alice's painting (1,000.00 since 2025): hers alone until today, when she gives Bob 40%.
const painting = await asset(alice, 'Painting', '1000.00');
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

t.test('the estate flow as of a past date follows the titling then, to the cent', async (t) => {
  // The cabin (10,000.00 since 2025) was Alice's alone until today; today half is Bob's and both
  // halves are held as joint tenants with survivorship.
  const cabin = await asset(alice, 'Cabin', '10000.00');
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
  }
  for (const asOf of ['2999-01-01', '1800-01-01']) {
    const refused = await rejection(ownersAsOf(alice, painting, asOf));
    t.same([refused.sqlState, refused.code], ['PT400', 'invalid_as_of'], asOf);
  }
});

t.test('racing writers keep every instant of the history at or under 100%', async (t) => {
  const shared = await asset(alice, 'Shared', '100.00');
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
    rows.filter((r) => Number(r.total) > 100),
    [],
    'no instant above 100%',
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
