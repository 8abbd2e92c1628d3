// The asset authorization matrix of docs/authorization.md, cell by cell: every action on an asset
// by every relationship to it, each on a fresh asset. Allowed: the effect happened. Refused: the
// exact code, and the asset, its shares, valuations and grants are exactly as before. Then what a
// circle removal takes away, and a circle's net worth narrowed to what the caller may see.
import t, { type Test } from 'tap';
import type pg from 'pg';
import * as assets from '../generated/assets.queries.ts';
import * as ffc from '../generated/family_circles.queries.ts';
import * as identity from '../generated/identity.queries.ts';
import * as netWorth from '../generated/net_worth.queries.ts';
import { makeTenant, makeUser, testDatabase, type TestUser } from './helpers/db.ts';

const db = await testDatabase(t);
const tenant = await makeTenant(db, 'authz');
const otherTenant = await makeTenant(db, 'authz-other');
const { as } = db;

const olivia = await makeUser(db, tenant, 'Olivia', 'advisor');
const [family] = await as(olivia, (c) => ffc.createFfc.run({ name: 'Family' }, c));

/** A user who joined Family by invitation with `role`. */
async function member(name: string, role: string, plan?: 'advisor'): Promise<TestUser> {
  const user = await makeUser(db, tenant, name, plan);
  const [invite] = await as(olivia, (c) =>
    ffc.inviteFfcMember.run({ ffcId: family.ffcId, email: user.email, role, validHours: 1 }, c),
  );
  await as(user, (c) => ffc.acceptFfcInvitation.run({ token: invite.token }, c));
  return user;
}
const cole = await member('Cole', 'viewer');
const dana = await member('Dana', 'viewer', 'advisor');
const eddie = await member('Eddie', 'viewer');
const vic = await member('Vic', 'viewer');
const ada = await member('Ada', 'admin');
const mia = await member('Mia', 'member');
const vivian = await member('Vivian', 'viewer');
const rex = await member('Rex', 'admin');
const nina = await member('Nina', 'viewer');
const sam = await makeUser(db, tenant, 'Sam');
const mallory = await makeUser(db, otherTenant, 'Mallory');
// Gran has no login: Dana created her persona and acts for her as a delegate.
const [gran] = await as(dana, (c) => identity.createPersona.run({ firstName: 'Gran', lastName: 'Tester' }, c));

const ACTIONS = [
  'read',
  'edit fields',
  'add a valuation',
  'add a new owner',
  'set own share',
  "set another owner's share",
  'transfer from own share',
  "transfer from another owner's share",
  'grant a permission',
  'revoke a permission',
  'delete',
] as const;
type Action = (typeof ACTIONS)[number];
type Expect = 'ok' | 'n/a' | [sqlState: string, code: string];

const NOT_FOUND: Expect = ['PT404', 'asset_not_found'];
const OWNER_ONLY: Expect = ['PT403', 'asset_owner_only'];
const READ_ONLY: Expect = ['PT403', 'asset_read_only'];
const owns = (deleteAnswer: Expect, others: Expect[]): Expect[] => [
  'ok',
  'ok',
  'ok',
  'ok',
  'ok',
  others[0],
  'ok',
  others[1],
  'ok',
  'ok',
  deleteAnswer,
];
const CO_OWNED: Expect = ['PT409', 'asset_co_owned'];
const OTHERS_SHARE: Expect[] = [
  ['PT403', 'share_not_yours'],
  ['PT404', 'persona_not_found'],
];
const edits = (): Expect[] => ['ok', 'ok', 'ok', ...Array<Expect>(8).fill(OWNER_ONLY)];
const views = (): Expect[] => ['ok', READ_ONLY, READ_ONLY, ...Array<Expect>(8).fill(OWNER_ONLY)];
const nothing = (): Expect[] => Array<Expect>(11).fill(NOT_FOUND);

interface Relationship {
  name: string;
  caller: TestUser;
  /** The persona whose share the caller holds (or, for non-owners, their own persona). */
  own: () => string;
  /** A persona holding a share the caller does not act for. */
  other: () => string | null;
  shape: 'sole' | 'shared';
  expect: Expect[];
}

// The documented matrix (docs/authorization.md), one row per relationship, columns as ACTIONS.
const RELATIONSHIPS: Relationship[] = [
  {
    name: 'sole owner',
    caller: olivia,
    own: () => olivia.personaId,
    other: () => null,
    shape: 'sole',
    expect: owns('ok', ['n/a', 'n/a']),
  },
  {
    name: 'co-owner (largest share)',
    caller: olivia,
    own: () => olivia.personaId,
    other: () => cole.personaId,
    shape: 'shared',
    expect: owns(CO_OWNED, OTHERS_SHARE),
  },
  {
    name: 'co-owner (smaller share)',
    caller: cole,
    own: () => cole.personaId,
    other: () => olivia.personaId,
    shape: 'shared',
    expect: owns(CO_OWNED, OTHERS_SHARE),
  },
  {
    name: 'delegate acting for a co-owner',
    caller: dana,
    own: () => gran.personaId,
    other: () => olivia.personaId,
    shape: 'shared',
    expect: owns(CO_OWNED, OTHERS_SHARE),
  },
  {
    name: 'editor by direct grant',
    caller: eddie,
    own: () => eddie.personaId,
    other,
    shape: 'shared',
    expect: edits(),
  },
  { name: 'editor by circle role', caller: ada, own: () => ada.personaId, other, shape: 'shared', expect: edits() },
  { name: 'viewer by direct grant', caller: vic, own: () => vic.personaId, other, shape: 'shared', expect: views() },
  { name: 'viewer by circle role', caller: mia, own: () => mia.personaId, other, shape: 'shared', expect: views() },
  {
    name: 'circle member below the granted role',
    caller: vivian,
    own: () => vivian.personaId,
    other,
    shape: 'shared',
    expect: nothing(),
  },
  {
    name: 'removed member who had edit (direct and by role)',
    caller: rex,
    own: () => rex.personaId,
    other,
    shape: 'shared',
    expect: nothing(),
  },
  { name: 'same-tenant stranger', caller: sam, own: () => sam.personaId, other, shape: 'shared', expect: nothing() },
  {
    name: "another tenant's user",
    caller: mallory,
    own: () => mallory.personaId,
    other,
    shape: 'shared',
    expect: nothing(),
  },
];
function other() {
  return olivia.personaId;
}

/**
 * A fresh asset. shared: Olivia 50%, Cole 20%, Gran 20% (Dana's), 10% unallocated. sole: Olivia
 * 90%. Both: edit granted to Eddie and to Rex directly, view to Vic, edit to Family's admins and
 * view to its members (or better).
 */
async function fixture(shape: 'sole' | 'shared') {
  const creator = shape === 'sole' ? olivia : dana;
  const [asset] = await as(creator, (c) =>
    assets.createAsset.run(
      {
        assetType: 'misc',
        categoryCode: 'other',
        name: 'Cabin',
        currency: 'USD',
        ownerPersonaId: shape === 'sole' ? olivia.personaId : gran.personaId,
        initialValue: '100000.00',
        valuedOn: '2026-01-15',
        details: {},
        ownershipPercentage: shape === 'sole' ? '90' : '20',
        ownershipForm: 'tenants_in_common',
        valuationSource: 'manual',
      },
      c,
    ),
  );
  const assetId = asset.assetId;
  if (shape === 'shared')
    for (const [persona, percentage] of [
      [olivia.personaId, '50'],
      [cole.personaId, '20'],
    ])
      await as(dana, (c) =>
        assets.assignAssetToPersona.run(
          { assetId, personaId: persona, percentage, ownershipForm: 'tenants_in_common' },
          c,
        ),
      );
  const grant = (params: Omit<Parameters<typeof assets.setAssetPermission.run>[0], 'assetId'>) =>
    as(olivia, (c) => assets.setAssetPermission.run({ assetId, ...params }, c)).then(([row]) => row.permissionId);
  const eddieGrant = await grant({ permission: 'edit', granteePersonaId: eddie.personaId });
  await grant({ permission: 'edit', granteePersonaId: rex.personaId });
  await grant({ permission: 'view', granteePersonaId: vic.personaId });
  await grant({ permission: 'edit', granteeFfcId: family.ffcId, granteeFfcRole: 'admin' });
  await grant({ permission: 'view', granteeFfcId: family.ffcId, granteeFfcRole: 'member' });
  return { assetId, eddieGrant };
}

/** Everything about an asset an action could change. */
async function state(assetId: string) {
  const q = async (sql: string) => (await db.admin.query(sql, [assetId])).rows;
  return JSON.stringify({
    asset: await q(`select name, description, status from app.assets where id = $1`),
    shares: await q(
      `select persona_id, ownership_percentage::text, ownership_form from app.asset_ownerships where asset_id = $1 order by persona_id`,
    ),
    valuations: await q(`select count(*)::int as n from app.asset_valuations where asset_id = $1`),
    grants: await q(
      `select grantee_persona_id, grantee_ffc_id, grantee_ffc_role, permission from app.asset_permissions
        where asset_id = $1 order by grantee_persona_id, grantee_ffc_role`,
    ),
  });
}
const shareOf = async (assetId: string, personaId: string) =>
  (
    await db.admin.query(
      `select ownership_percentage::text as p from app.asset_ownerships where asset_id = $1 and persona_id = $2`,
      [assetId, personaId],
    )
  ).rows[0]?.p ?? null;

/** Runs one action; resolves with a check of its effect (for allowed cells). */
function act(
  action: Action,
  rel: Relationship,
  assetId: string,
  eddieGrant: string,
): { call: Promise<unknown>; effect: (t: Test) => Promise<unknown> } {
  const caller = rel.caller;
  const run = <T>(fn: (c: pg.PoolClient) => Promise<T>) => as(caller, fn);
  switch (action) {
    case 'read':
      return {
        call: run((c) => assets.getAsset.run({ assetId }, c)),
        effect: async (t) => t.pass('the asset is shown'),
      };
    case 'edit fields':
      return {
        call: run((c) => assets.updateAsset.run({ assetId, name: 'Renamed' }, c)),
        effect: async (t) =>
          t.equal(
            (await db.admin.query(`select name from app.assets where id = $1`, [assetId])).rows[0].name,
            'Renamed',
          ),
      };
    case 'add a valuation':
      return {
        call: run((c) =>
          assets.updateAssetValue.run({ assetId, amount: '1.00', valuedOn: '2026-02-01', source: 'manual' }, c),
        ),
        effect: async (t) =>
          t.equal(
            (await db.admin.query(`select count(*)::int as n from app.asset_valuations where asset_id = $1`, [assetId]))
              .rows[0].n,
            2,
          ),
      };
    case 'add a new owner':
      return {
        call: run((c) =>
          assets.assignAssetToPersona.run(
            { assetId, personaId: nina.personaId, percentage: '10', ownershipForm: 'tenants_in_common' },
            c,
          ),
        ),
        effect: async (t) => t.equal(await shareOf(assetId, nina.personaId), '10.0000', 'Nina holds 10%'),
      };
    case 'set own share':
      return {
        call: run((c) =>
          assets.assignAssetToPersona.run(
            { assetId, personaId: rel.own(), percentage: '5', ownershipForm: 'tenants_in_common' },
            c,
          ),
        ),
        effect: async (t) => t.equal(await shareOf(assetId, rel.own()), '5.0000', 'the own share is 5%'),
      };
    case "set another owner's share":
      return {
        call: run((c) =>
          assets.assignAssetToPersona.run(
            { assetId, personaId: rel.other() as string, percentage: '1', ownershipForm: 'tenants_in_common' },
            c,
          ),
        ),
        effect: async (t) => t.fail('never allowed'),
      };
    case 'transfer from own share':
      return {
        call: run((c) =>
          assets.transferAssetShare.run(
            { assetId, fromPersonaId: rel.own(), toPersonaId: nina.personaId, percentage: '5' },
            c,
          ),
        ),
        effect: async (t) => t.equal(await shareOf(assetId, nina.personaId), '5.0000', 'Nina received 5%'),
      };
    case "transfer from another owner's share":
      return {
        call: run((c) =>
          assets.transferAssetShare.run(
            { assetId, fromPersonaId: rel.other() as string, toPersonaId: caller.personaId, percentage: '5' },
            c,
          ),
        ),
        effect: async (t) => t.fail('never allowed'),
      };
    case 'grant a permission':
      return {
        call: run((c) =>
          assets.setAssetPermission.run({ assetId, permission: 'edit', granteePersonaId: nina.personaId }, c),
        ),
        effect: async (t) =>
          t.equal(
            (
              await db.admin.query(
                `select permission from app.asset_permissions where asset_id = $1 and grantee_persona_id = $2`,
                [assetId, nina.personaId],
              )
            ).rows[0]?.permission,
            'edit',
          ),
      };
    case 'revoke a permission':
      return {
        call: run((c) => assets.revokeAssetPermission.run({ assetId, permissionId: eddieGrant }, c)),
        effect: async (t) =>
          t.equal(
            (await db.admin.query(`select count(*)::int as n from app.asset_permissions where id = $1`, [eddieGrant]))
              .rows[0].n,
            0,
          ),
      };
    case 'delete':
      return {
        call: run((c) => assets.deleteAsset.run({ assetId }, c)),
        effect: async (t) =>
          t.equal(
            (await db.admin.query(`select count(*)::int as n from app.assets where id = $1`, [assetId])).rows[0].n,
            0,
          ),
      };
  }
}

// Every cell's asset exists before Rex is removed, so his grants were real when made.
const cells: Array<{ rel: Relationship; action: Action; expect: Expect; assetId: string; eddieGrant: string }> = [];
for (const rel of RELATIONSHIPS)
  for (const [i, action] of ACTIONS.entries()) {
    const expect = rel.expect[i];
    if (expect === 'n/a') continue;
    cells.push({ rel, action, expect, ...(await fixture(rel.shape)) });
  }
await as(olivia, (c) => ffc.removeFfcMember.run({ ffcId: family.ffcId, personaId: rex.personaId }, c));

t.test('the matrix: every action by every relationship', async (t) => {
  for (const { rel, action, expect, assetId, eddieGrant } of cells) {
    const label = `${rel.name}: ${action}`;
    const before = await state(assetId);
    const { call, effect } = act(action, rel, assetId, eddieGrant);
    // Each cell is reported on its own: a wrong answer does not stop the others.
    const outcome = await call.then(
      () => 'ok',
      (error: { code?: string; hint?: string }) => [error.code, error.hint],
    );
    if (expect === 'ok') {
      t.same(outcome, 'ok', `${label} is allowed`);
      if (outcome === 'ok') await effect(t);
    } else {
      t.same(outcome, expect, `${label} is refused with ${expect[1]}`);
      t.equal(await state(assetId), before, `${label}: nothing changed`);
    }
  }
  t.equal(cells.length, RELATIONSHIPS.length * ACTIONS.length - 2, 'every cell but the two a sole owner has not');
});

t.test('leaving a circle takes away what only the circle allowed', async (t) => {
  const paula = await makeUser(db, tenant, 'Paula', 'advisor');
  const [second] = await as(paula, (c) => ffc.createFfc.run({ name: 'Second' }, c));
  const [third] = await as(paula, (c) => ffc.createFfc.run({ name: 'Third' }, c));
  const join = async (circle: string, user: TestUser, role = 'member') => {
    const [invite] = await as(paula, (c) =>
      ffc.inviteFfcMember.run({ ffcId: circle, email: user.email, role, validHours: 1 }, c),
    );
    await as(user, (c) => ffc.acceptFfcInvitation.run({ token: invite.token }, c));
  };
  const quinn = await makeUser(db, tenant, 'Quinn');
  const ron = await makeUser(db, tenant, 'Ron');
  const uma = await makeUser(db, tenant, 'Uma');
  await join(second.ffcId, quinn);
  await join(second.ffcId, ron);
  await join(third.ffcId, ron);
  await join(second.ffcId, uma);
  const [kid] = await as(paula, (c) => identity.createPersona.run({ firstName: 'Kid', lastName: 'Tester' }, c));
  await as(paula, (c) => ffc.addFfcMember.run({ ffcId: second.ffcId, personaId: kid.personaId, role: 'viewer' }, c));

  const make = async (owner: TestUser, name: string) =>
    (
      await as(owner, (c) =>
        assets.createAsset.run(
          {
            assetType: 'misc',
            categoryCode: 'other',
            name,
            currency: 'USD',
            ownerPersonaId: owner.personaId,
            initialValue: '10.00',
            valuedOn: '2026-01-15',
            details: {},
            ownershipPercentage: '100',
            ownershipForm: 'sole',
            valuationSource: 'manual',
          },
          c,
        ),
      )
    )[0].assetId;
  const boat = await make(paula, 'Boat');
  const piano = await make(uma, 'Piano');
  const grant = (
    owner: TestUser,
    assetId: string,
    params: Omit<Parameters<typeof assets.setAssetPermission.run>[0], 'assetId'>,
  ) => as(owner, (c) => assets.setAssetPermission.run({ assetId, ...params }, c));
  await grant(paula, boat, { permission: 'edit', granteePersonaId: quinn.personaId });
  await grant(paula, boat, { permission: 'view', granteePersonaId: kid.personaId });
  await grant(paula, boat, { permission: 'view', granteePersonaId: ron.personaId });
  await grant(uma, piano, { permission: 'view', granteePersonaId: quinn.personaId });
  await grant(uma, piano, { permission: 'view', granteeFfcId: second.ffcId, granteeFfcRole: 'viewer' });
  const access = (user: TestUser, assetId: string) =>
    as(user, (c) => assets.getAsset.run({ assetId }, c)).then(
      ([row]) => row.myAccess,
      (error: { hint?: string }) => error.hint,
    );
  const grantsTo = async (personaId: string) =>
    (
      await db.admin.query(
        `select a.name from app.asset_permissions g join app.assets a on a.id = g.asset_id
          where g.grantee_persona_id = $1 order by a.name`,
        [personaId],
      )
    ).rows.map((r) => r.name);
  t.same([await access(quinn, boat), await access(quinn, piano)], ['edit', 'view'], 'Quinn had edit and view');
  t.same(await grantsTo(quinn.personaId), ['Boat', 'Piano']);

  await as(paula, (c) => ffc.removeFfcMember.run({ ffcId: second.ffcId, personaId: quinn.personaId }, c));
  t.same(
    [await access(quinn, boat), await access(quinn, piano)],
    ['asset_not_found', 'asset_not_found'],
    'removed, Quinn sees neither asset: the direct grants went with the circle',
  );
  t.same(await grantsTo(quinn.personaId), [], 'both direct grants are deleted, whoever made them');

  await as(paula, (c) => ffc.removeFfcMember.run({ ffcId: second.ffcId, personaId: kid.personaId }, c));
  t.same(
    await grantsTo(kid.personaId),
    ['Boat'],
    'a grant to a persona the grantor acts for does not depend on the circle',
  );
  await as(paula, (c) => ffc.removeFfcMember.run({ ffcId: second.ffcId, personaId: ron.personaId }, c));
  t.equal(await access(ron, boat), 'view', 'Ron still shares the Third circle with Paula: the grant stays');

  t.equal(await access(paula, piano), 'view', 'Paula sees the piano through the circle grant');
  await as(uma, (c) => ffc.removeFfcMember.run({ ffcId: second.ffcId, personaId: uma.personaId }, c));
  t.equal(await access(paula, piano), 'asset_not_found', 'Uma left: her grant to the circle went with her');
  t.equal(
    (await db.admin.query(`select count(*)::int as n from app.asset_permissions where asset_id = $1`, [piano])).rows[0]
      .n,
    0,
    'no grant on the piano is left',
  );
  t.equal(await access(uma, piano), 'owner', 'her own asset is untouched');
});

t.test("a circle's net worth counts only the assets the caller may see", async (t) => {
  const hank = await makeUser(db, tenant, 'Hank', 'family');
  const ivy = await makeUser(db, tenant, 'Ivy', 'family');
  const [circle] = await as(hank, (c) => ffc.createFfc.run({ name: 'Hank and Ivy' }, c));
  const [invite] = await as(hank, (c) =>
    ffc.inviteFfcMember.run({ ffcId: circle.ffcId, email: ivy.email, role: 'admin', validHours: 1 }, c),
  );
  await as(ivy, (c) => ffc.acceptFfcInvitation.run({ token: invite.token }, c));
  const make = async (owner: TestUser, assetType: string, categoryCode: string, value: string, details: object) =>
    (
      await as(owner, (c) =>
        assets.createAsset.run(
          {
            assetType,
            categoryCode,
            name: `${categoryCode} worth ${value}`,
            currency: 'USD',
            ownerPersonaId: owner.personaId,
            initialValue: value,
            valuedOn: '2026-01-15',
            details: details as never,
            ownershipPercentage: '100',
            ownershipForm: 'sole',
            valuationSource: 'manual',
          },
          c,
        ),
      )
    )[0].assetId;
  const yacht = await make(hank, 'misc', 'other', '100000.00', {});
  await make(ivy, 'misc', 'other', '5000.00', {});
  await make(ivy, 'debt', 'mortgage', '2000.00', {
    lenderName: 'Lender',
    debtKind: 'mortgage',
    interestRatePercent: '3.5',
  });
  const total = (user: TestUser) =>
    as(user, (c) =>
      netWorth.calculateFfcNetWorth.run({ ffcId: circle.ffcId, asOf: '2026-02-01', currency: 'USD' }, c),
    ).then(([row]) => [row.totalAssets, row.totalLiabilities, row.netWorth, row.assetCount]);
  t.same(await total(hank), ['100000.00', '0.00', '100000.00', 1], "Hank's total holds none of Ivy's assets");
  t.same(await total(ivy), ['5000.00', '2000.00', '3000.00', 2], "Ivy's total holds nothing of Hank's yacht");
  await as(hank, (c) =>
    assets.setAssetPermission.run({ assetId: yacht, permission: 'view', granteePersonaId: ivy.personaId }, c),
  );
  t.same(await total(ivy), ['105000.00', '2000.00', '103000.00', 3], 'once shown the yacht, Ivy counts it');
  t.same(await total(hank), ['100000.00', '0.00', '100000.00', 1], "Hank's total is unchanged");
});

t.test('a grant racing with a removal never outlives it', async (t) => {
  const wendy = await makeUser(db, tenant, 'Wendy', 'family');
  const [circle] = await as(wendy, (c) => ffc.createFfc.run({ name: 'Racing' }, c));
  const joined = async (name: string) => {
    const user = await makeUser(db, tenant, name);
    const [invite] = await as(wendy, (c) =>
      ffc.inviteFfcMember.run({ ffcId: circle.ffcId, email: user.email, role: 'member', validHours: 1 }, c),
    );
    await as(user, (c) => ffc.acceptFfcInvitation.run({ token: invite.token }, c));
    return user;
  };
  const xavier = await joined('Xavier');
  const yara = await joined('Yara');
  const [asset] = await as(wendy, (c) =>
    assets.createAsset.run(
      {
        assetType: 'misc',
        categoryCode: 'other',
        name: 'Race car',
        currency: 'USD',
        ownerPersonaId: wendy.personaId,
        initialValue: '10.00',
        valuedOn: '2026-01-15',
        details: {},
        ownershipPercentage: '100',
        ownershipForm: 'sole',
        valuationSource: 'manual',
      },
      c,
    ),
  );
  const grantTo = (c: pg.PoolClient, personaId: string) =>
    assets.setAssetPermission.run({ assetId: asset.assetId, permission: 'view', granteePersonaId: personaId }, c);
  const remove = (c: pg.PoolClient, personaId: string) =>
    ffc.removeFfcMember.run({ ffcId: circle.ffcId, personaId }, c);
  const grantsTo = async (personaId: string) =>
    (
      await db.admin.query(`select count(*)::int as n from app.asset_permissions where grantee_persona_id = $1`, [
        personaId,
      ])
    ).rows[0].n;
  const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
  /** Runs `first` in a transaction left open until `second` has had time to start. */
  async function race(first: (c: pg.PoolClient) => Promise<unknown>, second: (c: pg.PoolClient) => Promise<unknown>) {
    let release!: () => void;
    let started!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const firstDone = new Promise<void>((resolve) => (started = resolve));
    const one = as(wendy, async (c) => {
      await first(c);
      started();
      await gate;
    });
    await firstDone;
    let settled = false;
    const two = as(wendy, second).then(
      () => ((settled = true), 'ok'),
      (error: { code?: string; hint?: string }) => ((settled = true), [error.code, error.hint]),
    );
    await sleep(300);
    const waited = !settled;
    release();
    await one;
    return { waited, outcome: await two };
  }

  const a = await race(
    (c) => grantTo(c, xavier.personaId),
    (c) => remove(c, xavier.personaId),
  );
  t.ok(a.waited, 'a removal waits for a grant in flight');
  t.equal(a.outcome, 'ok');
  t.equal(await grantsTo(xavier.personaId), 0, 'and then deletes it');

  const b = await race(
    (c) => remove(c, yara.personaId),
    (c) => grantTo(c, yara.personaId),
  );
  t.ok(b.waited, 'a grant waits for a removal in flight');
  t.same(b.outcome, ['PT404', 'persona_not_found'], 'and then finds nobody to grant to');
  t.equal(await grantsTo(yara.personaId), 0, 'no grant was left');
});

t.test(
  "app.visible_asset_ids (a circle's net worth) agrees with app.asset_access for every caller and asset",
  async (t) => {
    const client = await db.admin.connect();
    try {
      await client.query(`select set_config('app.tenant_id', $1, false)`, [tenant]);
      for (const rel of RELATIONSHIPS.filter((r) => r.caller.tenantId === tenant)) {
        const { rows } = await client.query(
          `select count(*)::int as assets,
                count(*) filter (where (app.asset_access($1, a.id) is not null)
                                    <> (a.id in (select app.visible_asset_ids($1))))::int as disagree
           from app.assets a where a.tenant_id = $2`,
          [rel.caller.userId, tenant],
        );
        t.ok(rows[0].assets > 100, `${rel.name}: over every asset of the tenant`);
        t.equal(rows[0].disagree, 0, `${rel.name}: the two agree`);
      }
    } finally {
      client.release();
    }
  },
);
