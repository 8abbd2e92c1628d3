// Two logins, told apart by session_user: the support door's (estate_support) acts only as a
// registered staff member, the operators' (estate_operator, the CLI) only as operators. An
// operator naming a staff member's subject is refused, so one person cannot open a break-glass
// as A and approve it as B; one person with two staff identities (one email) is one person; a
// refused self-approval or access-less probe leaves a line in the server's log.
import type pg from 'pg';
import t from 'tap';
import { inContext } from '../server/plugins/db.ts';
import { makeTenant, makeUser, randomSub, rejection, testDatabase } from './helpers/db.ts';
import * as support from '../generated/support.queries.ts';
import * as access from '../generated/support_access.queries.ts';

const db = await testDatabase(t);
const ISSUER = 'http://127.0.0.1:1/staff_Roles1';
const tenantId = await makeTenant(db, 'roles');
const ann = await makeUser(db, tenantId, 'Ann');

await db.asSupport((c) =>
  support.registerStaffPool.run({ kind: 'development', userPoolId: 'staff_Roles1', issuer: ISSUER, region: null }, c),
);
const through =
  (pool: pg.Pool, actorId: string, issuer = ISSUER) =>
  <T>(fn: (c: pg.PoolClient) => Promise<T>) =>
    inContext(
      pool,
      { tenantId: null, actorKind: 'support', actorId, issuer, requestId: `roles-${actorId.slice(-6)}` },
      fn,
    );
const staffMember = async (name: string, email = `${name}@support.example`) => {
  const sub = randomSub();
  await db.asSupport((c) =>
    support.addStaff.run({ userPoolId: 'staff_Roles1', cognitoSub: sub, email, displayName: name }, c),
  );
  return { sub, actor: `cognito:${sub}`, as: through(db.support, `cognito:${sub}`) };
};
const alice = await staffMember('alice');
const bea = await staffMember('bea');
const ask = { reason: 'Account takeover suspected, user unreachable', ticketRef: 'SEC-42', minutes: 20 };
const openAsAlice = async () =>
  (await alice.as((c) => access.openBreakGlass.run({ tenantId, userId: ann.userId, ...ask }, c)))[0];
const stateOf = async (requestId: string) =>
  (
    await alice.as((c) =>
      access.listSupportAccessRequests.run({ tenantId, userId: ann.userId, limit: 50, offset: 0 }, c),
    )
  ).find((r) => r.requestId === requestId)?.state;

t.test('the logins are the ones we think', async (t) => {
  const who = async (pool: pg.Pool) => (await pool.query<{ u: string }>('select session_user as u')).rows[0].u;
  t.equal(await who(db.support), 'estate_support', 'the door logs in as estate_support');
  t.equal(await who(db.operator), 'estate_operator', 'operators log in as estate_operator');
});

t.test("an operator's login naming a staff member is refused: no break-glass opened as A, approved as B", async (t) => {
  const opened = await openAsAlice();
  const asBea = through(db.operator, bea.actor);
  const approve = await rejection(
    asBea((c) => access.approveBreakGlass.run({ tenantId, requestId: opened.requestId }, c)),
  );
  t.same([approve.sqlState, approve.code], ['PT403', 'staff_member_only'], 'the operator login cannot approve as Bea');
  const open = await rejection(
    through(db.operator, alice.actor)((c) => access.openBreakGlass.run({ tenantId, userId: ann.userId, ...ask }, c)),
  );
  t.equal(open.code, 'staff_member_only', 'nor open one as Alice');
  const me = await rejection(asBea((c) => support.getCurrentStaff.run(undefined as never, c)));
  t.equal(me.code, 'staff_member_only', 'nor be Bea anywhere (who am I)');
  const find = await rejection(asBea((c) => support.findTenants.run({ limit: 5, offset: 0 }, c)));
  t.equal(find.code, 'staff_member_only', 'nor read as Bea');
  t.equal(await stateOf(opened.requestId), 'pending', 'the break-glass is still pending');

  // Setting the context by hand in one transaction does not change session_user either.
  const client = await db.operator.connect();
  try {
    await client.query('begin');
    await client.query("select set_config('app.actor_kind', 'support', true), set_config('app.actor_id', $1, true)", [
      bea.actor,
    ]);
    const raw = await rejection(
      client.query('select * from support.sp_approve_break_glass($1, $2)', [tenantId, opened.requestId]),
    );
    t.equal(raw.code, 'staff_member_only', 'set_config as Bea on the operator login: refused');
  } finally {
    await client.query('rollback');
    client.release();
  }

  const [approved] = await bea.as((c) => access.approveBreakGlass.run({ tenantId, requestId: opened.requestId }, c));
  t.equal(approved.state, 'active', 'Bea herself, through the door, approves');
  await alice.as((c) => access.closeSupportAccess.run({ tenantId, requestId: opened.requestId }, c));
});

t.test("the door's login acts only as a registered staff member, never as an operator", async (t) => {
  const door = through(db.support, 'ops-mallory');
  const calls: [string, (c: pg.PoolClient) => Promise<unknown>][] = [
    [
      'add staff',
      (c: pg.PoolClient) =>
        support.addStaff.run(
          { userPoolId: 'staff_Roles1', cognitoSub: randomSub(), email: 'x@support.example', displayName: 'X' },
          c,
        ),
    ],
    [
      'set a staff status',
      (c: pg.PoolClient) => support.setStaffStatus.run({ email: 'bea@support.example', status: 'suspended' }, c),
    ],
    ['find tenants', (c: pg.PoolClient) => support.findTenants.run({ limit: 5, offset: 0 }, c)],
  ];
  for (const [what, call] of calls) {
    const refused = await rejection(door(call));
    t.same(
      [refused.sqlState, refused.code],
      ['PT403', 'operator_only'],
      `the door's login named an operator: ${what} refused`,
    );
  }
  const staffAdds = await rejection(
    alice.as((c) =>
      support.addStaff.run(
        { userPoolId: 'staff_Roles1', cognitoSub: randomSub(), email: 'y@support.example', displayName: 'Y' },
        c,
      ),
    ),
  );
  t.equal(staffAdds.code, 'operator_only', 'a staff member through the door cannot manage staff');
  const clients = await door((c) => support.listStaffAuthClients.run(undefined as never, c));
  t.ok(Array.isArray(clients), "the door's token routing still reads the staff pools' clients");
});

t.test('a staff subject counts only in the pool that issued the token', async (t) => {
  await db.asSupport((c) =>
    support.registerStaffPool.run(
      { kind: 'development', userPoolId: 'staff_Roles2', issuer: 'http://127.0.0.1:1/staff_Roles2', region: null },
      c,
    ),
  );
  for (const [what, issuer] of [
    ['another registered staff pool', 'http://127.0.0.1:1/staff_Roles2'],
    ['no issuer in the context', ''],
  ] as const) {
    const refused = await rejection(
      through(db.support, alice.actor, issuer)((c) => support.getCurrentStaff.run(undefined as never, c)),
    );
    t.same([refused.sqlState, refused.code], ['PT403', 'staff_not_registered'], `Alice's subject from ${what}: no one`);
  }
  const [me] = await alice.as((c) => support.getCurrentStaff.run(undefined as never, c));
  t.equal(me.email, 'alice@support.example', 'from her own pool: Alice');
});

t.test('one person with two staff identities (one email) is one person', async (t) => {
  const twin = await staffMember('alice-again', 'ALICE@Support.Example');
  const opened = await openAsAlice();
  const logs: string[] = [];
  const refused = await rejection(
    twin.as(async (c) => {
      c.on('notice', (notice) => logs.push(notice.message ?? ''));
      await c.query('set local client_min_messages = log');
      return access.approveBreakGlass.run({ tenantId, requestId: opened.requestId }, c);
    }),
  );
  t.same(
    [refused.sqlState, refused.code],
    ['PT403', 'break_glass_second_staff_required'],
    "Alice's second identity cannot approve Alice's break-glass",
  );
  t.ok(
    logs.some(
      (line) => line.includes('self-approval refused') && line.includes(opened.requestId) && line.includes(twin.actor),
    ),
    'the refused self-approval is logged with its ids',
  );
  t.notOk(
    logs.some((line) => line.includes('@')),
    'and no email in the log line',
  );
  t.equal(await stateOf(opened.requestId), 'pending', 'still pending');
  const [approved] = await bea.as((c) => access.approveBreakGlass.run({ tenantId, requestId: opened.requestId }, c));
  t.equal(approved.state, 'active', 'a second person approves');
  await alice.as((c) => access.closeSupportAccess.run({ tenantId, requestId: opened.requestId }, c));
});

t.test('an access-less probe leaves a line in the log', async (t) => {
  const logs: string[] = [];
  const refused = await rejection(
    bea.as(async (c) => {
      c.on('notice', (notice) => logs.push(notice.message ?? ''));
      await c.query('set local client_min_messages = log');
      return access.getUserAssetsUnmasked.run({ tenantId, userId: ann.userId, limit: 10, offset: 0 }, c);
    }),
  );
  t.equal(refused.code, 'support_access_required', 'refused');
  t.ok(
    logs.some(
      (line) => line.includes('SUPPORT ACCESS refused') && line.includes(ann.userId) && line.includes(bea.actor),
    ),
    'logged with the tenant, user and staff ids',
  );
});
