// The support procedures in the database: every support.sp_* (read from the catalog, so a new one
// is held to it) refuses a call without a support actor in the context, and the API's login cannot
// call it at all; a staff member named by the door must be registered and active; staff cannot
// manage staff; reads are audited with the staff identity; a revoked sign-in and a suspended user
// are refused by every tenant procedure.
import type pg from 'pg';
import t from 'tap';
import { randomSub, rejection, testDatabase, makeTenant, makeUser } from './helpers/db.ts';
import { inContext } from '../server/plugins/db.ts';
import * as support from '../generated/support.queries.ts';
import { getCurrentUser, authenticateUser } from '../generated/identity.queries.ts';

const db = await testDatabase(t);

const procedures = (
  await db.admin.query<{ name: string; args: number }>(`
    select p.oid::regprocedure::text as name, p.pronargs as args
      from pg_proc p join pg_namespace n on n.oid = p.pronamespace
     where n.nspname = 'support' order by 1`)
).rows;
const callOf = (p: { name: string; args: number }) =>
  `select * from ${p.name.slice(0, p.name.indexOf('('))}(${Array.from({ length: p.args }, () => 'null').join(', ')})`;

t.test('every support procedure refuses a call without a support actor', async (t) => {
  t.ok(procedures.length >= 20, `the catalog lists the support procedures (${procedures.length})`);
  for (const p of procedures) {
    for (const [what, context] of [
      ['no context', null],
      ['a user actor', { tenantId: null, actorKind: 'user' as const, actorId: randomSub(), requestId: 'r-user' }],
      ['a support kind with no name', { tenantId: null, actorKind: 'support' as const, actorId: '', requestId: 'r-x' }],
    ] as const) {
      const call = context ? inContext(db.support, context, (c) => c.query(callOf(p))) : db.support.query(callOf(p));
      const { code } = await rejection(call);
      t.equal(code, 'support_context_missing', `${p.name} with ${what}: support_context_missing`);
    }
    const api = await rejection(
      db.withContext({ tenantId: null, actorKind: 'support', actorId: 'op', requestId: 'r-api' }, (c) =>
        c.query(callOf(p)),
      ),
    );
    t.equal(api.sqlState, '42501', `${p.name} as the API's login: permission denied`);
  }
});

const staffDoor =
  (sub: string) =>
  <T>(fn: (c: pg.PoolClient) => Promise<T>) =>
    inContext(
      db.support,
      {
        tenantId: null,
        actorKind: 'support',
        actorId: `cognito:${sub}`,
        issuer: 'http://127.0.0.1:1/staff_Pool1',
        requestId: `door-${sub.slice(0, 8)}`,
      },
      fn,
    );

const [pool] = await db.asSupport((c) =>
  support.registerStaffPool.run(
    { kind: 'development', userPoolId: 'staff_Pool1', issuer: 'http://127.0.0.1:1/staff_Pool1', region: null },
    c,
  ),
);
const agentSub = randomSub();
await db.asSupport((c) =>
  support.addStaff.run(
    { userPoolId: 'staff_Pool1', cognitoSub: agentSub, email: 'agent@support.example', displayName: 'Agent' },
    c,
  ),
);
const asAgent = staffDoor(agentSub);

t.test('the staff door: registered and active members only; staff never manage staff', async (t) => {
  const [me] = await asAgent((c) => support.getCurrentStaff.run(undefined, c));
  t.equal(me.email, 'agent@support.example', 'a registered member is known');
  const stranger = await rejection(
    staffDoor(randomSub())((c) => support.findTenants.run({ query: null, status: null, limit: 5, offset: 0 }, c)),
  );
  t.equal(stranger.code, 'staff_not_registered', 'an unregistered subject: staff_not_registered');
  const adds = await rejection(
    asAgent((c) =>
      support.addStaff.run(
        { userPoolId: 'staff_Pool1', cognitoSub: randomSub(), email: 'x@support.example', displayName: 'X' },
        c,
      ),
    ),
  );
  t.equal(adds.code, 'operator_only', 'a staff member cannot add staff');
  const unsuspends = await rejection(
    asAgent((c) => support.setStaffStatus.run({ email: 'agent@support.example', status: 'active' }, c)),
  );
  t.equal(unsuspends.code, 'operator_only', 'nor change a staff status');
  const pools = await rejection(
    asAgent((c) => support.registerStaffClient.run({ providerId: pool.providerId, clientId: 'x1', name: 'x' }, c)),
  );
  t.equal(pools.code, 'operator_only', 'nor register staff clients');
  await db.asSupport((c) => support.setStaffStatus.run({ email: 'AGENT@support.example', status: 'suspended' }, c));
  const suspended = await rejection(asAgent((c) => support.getCurrentStaff.run(undefined, c)));
  t.equal(suspended.code, 'staff_inactive', 'a suspended member: staff_inactive');
  await db.asSupport((c) => support.setStaffStatus.run({ email: 'agent@support.example', status: 'active' }, c));
});

t.test('a staff pool is never a tenant pool, and the other way round', async (t) => {
  const taken = await rejection(
    db.asSupport(async (c) => {
      const tenantId = (await c.query(`select support.sp_create_tenant('pool-clash', 'Clash') as r`)).rows[0].r;
      void tenantId;
      const [tenant] = (await c.query(`select tenant_id from support.sp_get_tenant_by_slug('pool-clash')`)).rows;
      return c.query(
        `select * from support.sp_register_identity_provider($1, 'development', 'staff_Pool1', null, 'http://127.0.0.1:1/staff_Pool1')`,
        [tenant.tenant_id],
      );
    }),
  );
  t.equal(taken.code, 'issuer_taken', "the staff pool's issuer cannot be registered for a tenant");
});

t.test('reads are audited with the staff identity; suspended users and revoked sessions are refused', async (t) => {
  const tenantId = await makeTenant(db, 'audited');
  const user = await makeUser(db, tenantId, 'Uma');
  await asAgent((c) => support.findUsers.run({ tenantId, query: user.email, limit: 10, offset: 0 }, c));
  const reads = await db.admin.query(
    `select tenant_id, actor_kind, actor_id, changes from audit.audit_log where operation = 'READ' and table_name = 'support.sp_find_users'`,
  );
  t.same(
    reads.rows,
    [
      {
        tenant_id: tenantId,
        actor_kind: 'support',
        actor_id: `cognito:${agentSub}`,
        changes: { query: '[redacted]', limit: 10, offset: 0 },
      },
    ],
    'one READ row, naming the staff member, the searched email kept out',
  );

  await asAgent((c) => support.setUserStatus.run({ tenantId, userId: user.userId, status: 'suspended' }, c));
  t.equal(
    (await rejection(db.as(user, (c) => getCurrentUser.run(undefined, c)))).code,
    'user_suspended',
    'suspended: refused',
  );
  await asAgent((c) => support.setUserStatus.run({ tenantId, userId: user.userId, status: 'active' }, c));

  const session = { tenantId, actorKind: 'user' as const, actorId: user.sub, requestId: 'r-s1', sessionRef: 'jti-one' };
  await inContext(db.api, session, (c) =>
    authenticateUser.run({ sessionRef: 'jti-one', userAgent: 'test', ipAddress: '203.0.113.9' }, c),
  );
  const [listed] = await asAgent((c) =>
    support.listUserSessions.run({ tenantId, userId: user.userId, limit: 5, offset: 0 }, c),
  );
  t.equal(listed.ipMasked, '203.0.0.0/16', 'the IP address masked to its /16');
  const [{ revoked }] = await asAgent((c) =>
    support.revokeUserSessions.run({ tenantId, userId: user.userId, sessionId: null }, c),
  );
  t.equal(revoked, 1, 'one session revoked');
  const refused = await rejection(inContext(db.api, session, (c) => getCurrentUser.run(undefined, c)));
  t.same([refused.sqlState, refused.code], ['PT401', 'session_revoked'], 'the revoked sign-in: session_revoked');
  const other = await inContext(db.api, { ...session, sessionRef: 'jti-two' }, (c) => getCurrentUser.run(undefined, c));
  t.equal(other.length, 1, 'another sign-in of the same user is served');
});
