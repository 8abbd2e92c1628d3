// Support access beyond the masked view, in the database: a consent request the user approves,
// denies or revokes; a break-glass access only a second, different staff member makes effective
// (racing approvers: one wins); what an access unlocks (assets in clear, an account number's
// ciphertext) only for the staff member who asked, for that user, until it expires; each look an
// access event the user reads. Another user's, another tenant's and a random id answer alike.
import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import t from 'tap';
import { inContext } from '../server/plugins/db.ts';
import { makeTenant, makeUser, randomSub, rejection, testDatabase, type TestUser } from './helpers/db.ts';
import * as support from '../generated/support.queries.ts';
import * as access from '../generated/support_access.queries.ts';
import { createAsset } from '../generated/assets.queries.ts';

const db = await testDatabase(t);
const tenantId = await makeTenant(db, 'access');
const otherTenant = await makeTenant(db, 'elsewhere');
const ann = await makeUser(db, tenantId, 'Ann');
const bob = await makeUser(db, tenantId, 'Bob');
const otto = await makeUser(db, otherTenant, 'Otto');

await db.asSupport((c) =>
  support.registerStaffPool.run(
    { kind: 'development', userPoolId: 'staff_Access1', issuer: 'http://127.0.0.1:1/staff_Access1', region: null },
    c,
  ),
);
const staffMember = async (name: string) => {
  const sub = randomSub();
  await db.asSupport((c) =>
    support.addStaff.run(
      { userPoolId: 'staff_Access1', cognitoSub: sub, email: `${name}@support.example`, displayName: name },
      c,
    ),
  );
  return {
    sub,
    actor: `cognito:${sub}`,
    as: <T>(fn: (c: pg.PoolClient) => Promise<T>) =>
      inContext(
        db.support,
        {
          tenantId: null,
          actorKind: 'support',
          actorId: `cognito:${sub}`,
          issuer: 'http://127.0.0.1:1/staff_Access1',
          requestId: `door-${name}`,
        },
        fn,
      ),
  };
};
const agent = await staffMember('agent');
const second = await staffMember('second');
const third = await staffMember('third');

const asset = (owner: TestUser, name: string, ciphertext: Buffer | null) =>
  db.as(owner, (c) =>
    createAsset.run(
      {
        assetType: 'bank_account',
        categoryCode: 'checking',
        name,
        description: `${name}, the joint one`,
        currency: 'USD',
        ownerPersonaId: owner.personaId,
        initialValue: '2500.00',
        valuedOn: '2026-01-15',
        details: { institutionName: 'First Bank', accountKind: 'checking' },
        ownershipPercentage: '100',
        ownershipForm: 'sole',
        valuationSource: 'manual',
        identifierCiphertext: ciphertext,
        identifierLast4: ciphertext ? '4321' : null,
      },
      c,
    ),
  );
const [annChecking] = await asset(ann, 'Ann Lee checking', Buffer.from('not-really-encrypted'));
const [annCash] = await asset(ann, 'Cash box', null);
const [bobChecking] = await asset(bob, 'Bob checking', Buffer.from('bob-cipher'));

const ask = { reason: 'Ann cannot see her checking account balance', ticketRef: 'SUP-100', minutes: 30 };
const assetsOf = (who: typeof agent, user: { userId: string }, tenant = tenantId) =>
  who.as((c) => access.getUserAssetsUnmasked.run({ tenantId: tenant, userId: user.userId, limit: 50, offset: 0 }, c));
const mine = (user: TestUser) =>
  db.as(user, (c) => access.listMySupportAccessRequests.run({ state: null, limit: 50, offset: 0 }, c));

t.test('without an access: the same refusal for an ungranted user, a random id and another tenant', async (t) => {
  for (const [what, user, tenant] of [
    ['an ungranted user', ann, tenantId],
    ['a random id', { userId: randomUUID() }, tenantId],
    ["another tenant's user under this tenant", otto, tenantId],
  ] as const) {
    const refused = await rejection(assetsOf(agent, user, tenant));
    t.same([refused.sqlState, refused.code], ['PT403', 'support_access_required'], `${what}: support_access_required`);
    const number = await rejection(
      agent.as((c) =>
        access.getAccountNumber.run({ tenantId: tenant, userId: user.userId, assetId: annChecking.assetId }, c),
      ),
    );
    t.equal(number.code, 'support_access_required', `${what}: no account number either`);
  }
  const operator = await rejection(
    db.asSupport((c) => access.requestSupportAccess.run({ tenantId, userId: ann.userId, ...ask }, c)),
  );
  t.equal(operator.code, 'staff_member_only', 'an operator (a name the CLI was told) cannot ask for access');
  const events = await db.admin.query('select count(*)::int as n from app.support_access_events');
  t.equal(events.rows[0].n, 0, 'no look was recorded');
});

t.test('consent: asked, approved by the user, used, revoked by the user', async (t) => {
  for (const [bad, code] of [
    [{ ...ask, reason: 'short' }, 'invalid_reason'],
    [{ ...ask, ticketRef: '' }, 'invalid_ticket_ref'],
    [{ ...ask, minutes: 1441 }, 'invalid_duration'],
    [{ ...ask, minutes: 0 }, 'invalid_duration'],
  ] as const) {
    const refused = await rejection(
      agent.as((c) => access.requestSupportAccess.run({ tenantId, userId: ann.userId, ...bad }, c)),
    );
    t.equal(refused.code, code, `${JSON.stringify(bad).slice(0, 60)}: ${code}`);
  }
  const foreign = await rejection(
    agent.as((c) => access.requestSupportAccess.run({ tenantId, userId: otto.userId, ...ask }, c)),
  );
  t.equal(foreign.code, 'user_not_found', "asking about another tenant's user under this tenant: user_not_found");

  const [asked] = await agent.as((c) => access.requestSupportAccess.run({ tenantId, userId: ann.userId, ...ask }, c));
  t.same(
    [asked.kind, asked.state, asked.requestedBy],
    ['consent', 'pending', agent.actor],
    'pending, naming the agent',
  );
  const again = await rejection(
    agent.as((c) => access.requestSupportAccess.run({ tenantId, userId: ann.userId, ...ask }, c)),
  );
  t.equal(again.code, 'access_request_pending', 'one waiting request per staff member and user');

  const stillRefused = await rejection(assetsOf(agent, ann));
  t.equal(stillRefused.code, 'support_access_required', 'a pending request unlocks nothing');

  const [listed] = await mine(ann);
  t.same([listed.requestId, listed.state, listed.reason], [asked.requestId, 'pending', ask.reason], 'Ann sees it');
  t.notOk(JSON.stringify(listed).includes(agent.sub), 'not which staff member');
  t.same(await mine(bob), [], 'Bob sees nothing of it');

  for (const [who, user] of [
    ['Bob (same tenant)', bob],
    ['Otto (another tenant)', otto],
  ] as const) {
    const refused = await rejection(
      db.as(user, (c) => access.approveSupportAccessRequest.run({ requestId: asked.requestId }, c)),
    );
    t.same([refused.sqlState, refused.code], ['PT404', 'access_request_not_found'], `${who} cannot approve it`);
  }
  const random = await rejection(
    db.as(ann, (c) => access.approveSupportAccessRequest.run({ requestId: randomUUID() }, c)),
  );
  t.equal(random.code, 'access_request_not_found', 'a random id: the same answer');

  const [approved] = await db.as(ann, (c) => access.approveSupportAccessRequest.run({ requestId: asked.requestId }, c));
  t.equal(approved.state, 'active', 'approved: active');
  t.equal(approved.expiresAt!.getTime() - approved.decidedAt!.getTime(), 30 * 60_000, 'for the 30 minutes asked');
  const twice = await rejection(
    db.as(ann, (c) => access.denySupportAccessRequest.run({ requestId: asked.requestId }, c)),
  );
  t.equal(twice.code, 'access_request_not_pending', 'a decided request cannot be decided again');

  const assets = await assetsOf(agent, ann);
  t.same(
    assets.map((a) => [a.name, a.description, a.identifierLast4]).sort(),
    [
      ['Ann Lee checking', 'Ann Lee checking, the joint one', '4321'],
      ['Cash box', 'Cash box, the joint one', null],
    ],
    "Ann's assets in clear, account numbers still only their last four",
  );
  t.notOk(
    assets.some((a) => a.assetId === bobChecking.assetId),
    "nothing of Bob's",
  );
  const [number] = await agent.as((c) =>
    access.getAccountNumber.run({ tenantId, userId: ann.userId, assetId: annChecking.assetId }, c),
  );
  t.equal(number.identifierCiphertext.toString(), 'not-really-encrypted', 'the ciphertext, for the route to decrypt');
  for (const [what, assetId, code] of [
    ["Bob's asset", bobChecking.assetId, 'asset_not_found'],
    ['a random asset', randomUUID(), 'asset_not_found'],
    ['an asset without a number', annCash.assetId, 'account_number_not_found'],
  ] as const) {
    const refused = await rejection(
      agent.as((c) => access.getAccountNumber.run({ tenantId, userId: ann.userId, assetId }, c)),
    );
    t.equal(refused.code, code, `${what}: ${code}`);
  }

  const colleague = await rejection(assetsOf(second, ann));
  t.equal(colleague.code, 'support_access_required', "another staff member cannot use the agent's access");
  const otherUser = await rejection(assetsOf(agent, bob));
  t.equal(otherUser.code, 'support_access_required', 'nor does it open another user');

  const events = await db.as(ann, (c) => access.listMySupportAccessEvents.run({ limit: 50, offset: 0 }, c));
  t.same(
    events.map((e) => [e.what, e.assetName, e.reason, e.ticketRef, e.requestId]),
    [
      ['account_number', 'Ann Lee checking', ask.reason, 'SUP-100', asked.requestId],
      ['assets', null, ask.reason, 'SUP-100', asked.requestId],
    ],
    'Ann reads each look: her account number and her assets, why and under which request',
  );
  t.same(
    await db.as(bob, (c) => access.listMySupportAccessEvents.run({ limit: 50, offset: 0 }, c)),
    [],
    "Bob sees none of Ann's",
  );
  const [counted] = await mine(ann);
  t.equal(counted.viewCount, 2, 'two looks counted on the request');

  const bobRevokes = await rejection(
    db.as(bob, (c) => access.revokeSupportAccessRequest.run({ requestId: asked.requestId }, c)),
  );
  t.equal(bobRevokes.code, 'access_request_not_found', 'Bob cannot revoke it');
  const [revoked] = await db.as(ann, (c) => access.revokeSupportAccessRequest.run({ requestId: asked.requestId }, c));
  t.equal(revoked.state, 'revoked', 'Ann revokes it early');
  t.equal((await rejection(assetsOf(agent, ann))).code, 'support_access_required', "support's next look is refused");
  const again2 = await rejection(
    db.as(ann, (c) => access.revokeSupportAccessRequest.run({ requestId: asked.requestId }, c)),
  );
  t.equal(again2.code, 'access_request_not_active', 'a revoked access cannot be revoked again');

  const audit = await db.admin.query(
    `select actor_id, operation, table_name from audit.audit_log
      where table_name in ('app.support_access_requests', 'support.sp_get_user_assets_unmasked', 'support.sp_get_account_number')
        and (row_id = $1 or changes ->> 'access_request_id' = $1) order by id`,
    [asked.requestId],
  );
  t.same(
    audit.rows.map((r) => [r.operation, r.table_name, r.actor_id]),
    [
      ['INSERT', 'app.support_access_requests', agent.actor],
      ['UPDATE', 'app.support_access_requests', ann.sub],
      ['UPDATE', 'app.support_access_requests', agent.actor],
      ['READ', 'support.sp_get_user_assets_unmasked', agent.actor],
      ['UPDATE', 'app.support_access_requests', agent.actor],
      ['READ', 'support.sp_get_account_number', agent.actor],
      ['UPDATE', 'app.support_access_requests', ann.sub],
    ],
    'asked, approved, each look and the revocation: audited, each naming who',
  );
});

t.test('denied, lapsed and expired requests unlock nothing', async (t) => {
  const [asked] = await agent.as((c) => access.requestSupportAccess.run({ tenantId, userId: bob.userId, ...ask }, c));
  const [denied] = await db.as(bob, (c) => access.denySupportAccessRequest.run({ requestId: asked.requestId }, c));
  t.equal(denied.state, 'denied', 'Bob denies it');
  t.equal((await rejection(assetsOf(agent, bob))).code, 'support_access_required', 'denied: refused');
  const late = await rejection(
    db.as(bob, (c) => access.approveSupportAccessRequest.run({ requestId: asked.requestId }, c)),
  );
  t.equal(late.code, 'access_request_not_pending', 'and cannot be approved afterwards');

  const [lapsing] = await agent.as((c) => access.requestSupportAccess.run({ tenantId, userId: bob.userId, ...ask }, c));
  await db.admin.query(
    `update app.support_access_requests set requested_at = requested_at - interval '8 days',
            respond_by = respond_by - interval '8 days' where id = $1`,
    [lapsing.requestId],
  );
  const [shown] = await db.as(bob, (c) =>
    access.listMySupportAccessRequests.run({ state: 'lapsed', limit: 5, offset: 0 }, c),
  );
  t.equal(shown.requestId, lapsing.requestId, 'a week unanswered: lapsed');
  const lapsed = await rejection(
    db.as(bob, (c) => access.approveSupportAccessRequest.run({ requestId: lapsing.requestId }, c)),
  );
  t.equal(lapsed.code, 'access_request_not_pending', 'a lapsed request cannot be approved');

  const [fresh] = await agent.as((c) => access.requestSupportAccess.run({ tenantId, userId: bob.userId, ...ask }, c));
  t.equal(fresh.state, 'pending', 'the agent may ask again once the earlier one lapsed');
  await db.as(bob, (c) => access.approveSupportAccessRequest.run({ requestId: fresh.requestId }, c));
  t.equal((await assetsOf(agent, bob)).length, 1, 'approved: Bob’s one asset');
  await db.admin.query(
    `update app.support_access_requests set decided_at = decided_at - interval '1 hour',
            expires_at = expires_at - interval '1 hour' where id = $1`,
    [fresh.requestId],
  );
  t.equal((await rejection(assetsOf(agent, bob))).code, 'support_access_required', 'expired: refused again');
  const [expired] = await db.as(bob, (c) =>
    access.listMySupportAccessRequests.run({ state: 'expired', limit: 5, offset: 0 }, c),
  );
  t.equal(expired.requestId, fresh.requestId, 'and Bob sees it expired');
  const invalid = await rejection(
    db.as(bob, (c) => access.listMySupportAccessRequests.run({ state: 'bogus', limit: 5, offset: 0 }, c)),
  );
  t.equal(invalid.code, 'invalid_state', 'an unknown state: invalid_state');
});

t.test(
  'break-glass: a second, different staff member makes it effective; racing approvals; the user sees it after',
  async (t) => {
    const tooLong = await rejection(
      agent.as((c) => access.openBreakGlass.run({ tenantId, userId: bob.userId, ...ask, minutes: 121 }, c)),
    );
    t.equal(tooLong.code, 'invalid_duration', 'break-glass lasts at most 120 minutes');
    const [opened] = await agent.as((c) =>
      access.openBreakGlass.run(
        {
          tenantId,
          userId: bob.userId,
          reason: 'Account takeover suspected, user unreachable',
          ticketRef: 'SEC-9',
          minutes: 20,
        },
        c,
      ),
    );
    t.same([opened.kind, opened.state], ['break_glass', 'pending'], 'opened: pending');
    t.equal((await rejection(assetsOf(agent, bob))).code, 'support_access_required', 'not effective yet');
    t.same(
      (await mine(bob)).filter((r) => r.kind === 'break_glass'),
      [],
      'the user does not see a break-glass access that has not taken effect',
    );
    const bobApproves = await rejection(
      db.as(bob, (c) => access.approveSupportAccessRequest.run({ requestId: opened.requestId }, c)),
    );
    t.equal(bobApproves.code, 'access_request_not_found', 'the user cannot approve a break-glass access');

    const self = await rejection(
      agent.as((c) => access.approveBreakGlass.run({ tenantId, requestId: opened.requestId }, c)),
    );
    t.same(
      [self.sqlState, self.code],
      ['PT403', 'break_glass_second_staff_required'],
      'the staff member who opened it cannot approve it',
    );
    const operator = await rejection(
      db.asSupport((c) => access.approveBreakGlass.run({ tenantId, requestId: opened.requestId }, c)),
    );
    t.equal(operator.code, 'staff_member_only', 'nor can an operator (a name is not a second person)');
    const wrongTenant = await rejection(
      second.as((c) => access.approveBreakGlass.run({ tenantId: otherTenant, requestId: opened.requestId }, c)),
    );
    t.equal(wrongTenant.code, 'access_request_not_found', 'under another tenant: not found');
    const byDb = await rejection(
      db.admin.query(
        `update app.support_access_requests set status = 'approved', decided_by = staff_actor,
      decided_at = now(), expires_at = now() where id = $1`,
        [opened.requestId],
      ),
    );
    t.equal(byDb.sqlState, '23514', 'the table itself refuses the opener as approver');

    // Two staff members approve at once: the row lock lets one through, the other finds it decided.
    const results = await Promise.allSettled([
      second.as((c) => access.approveBreakGlass.run({ tenantId, requestId: opened.requestId }, c)),
      third.as((c) => access.approveBreakGlass.run({ tenantId, requestId: opened.requestId }, c)),
    ]);
    const won = results.filter((r) => r.status === 'fulfilled');
    const lost = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    t.equal(won.length, 1, 'exactly one approval wins');
    t.same(
      lost.map((r) => (r.reason as pg.DatabaseError).hint),
      ['access_request_not_pending'],
      'the other: access_request_not_pending',
    );
    const [approved] = (won[0] as PromiseFulfilledResult<access.IApproveBreakGlassResult[]>).value;
    t.same([approved.state, approved.requestedBy], ['active', agent.actor], "effective, the opener's");
    t.ok([second.actor, third.actor].includes(approved.decidedBy!), 'approved by the second staff member');
    t.equal(approved.expiresAt!.getTime() - approved.decidedAt!.getTime(), 20 * 60_000, 'for 20 minutes from approval');

    t.equal((await assetsOf(agent, bob)).length, 1, 'the opener reads Bob’s assets');
    t.equal((await rejection(assetsOf(second, bob))).code, 'support_access_required', 'the approver does not');

    const [seen] = (await mine(bob)).filter((r) => r.kind === 'break_glass');
    t.same(
      [seen.requestId, seen.state, seen.reason],
      [opened.requestId, 'active', 'Account takeover suspected, user unreachable'],
      'Bob sees it once effective',
    );
    const revoke = await rejection(
      db.as(bob, (c) => access.revokeSupportAccessRequest.run({ requestId: opened.requestId }, c)),
    );
    t.equal(revoke.code, 'break_glass_not_revocable', 'the user cannot revoke a break-glass access');
    const [closed] = await third.as((c) => access.closeSupportAccess.run({ tenantId, requestId: opened.requestId }, c));
    t.same([closed.state, closed.endedBy], ['closed', third.actor], 'any staff member ends it early');
    t.equal((await rejection(assetsOf(agent, bob))).code, 'support_access_required', 'closed: refused');

    const listed = await second.as((c) =>
      access.listSupportAccessRequests.run({ tenantId, userId: bob.userId, limit: 50, offset: 0 }, c),
    );
    t.ok(
      listed.some((r) => r.requestId === opened.requestId && r.decidedBy === approved.decidedBy),
      'staff see who approved',
    );

    const [never] = await agent.as((c) =>
      access.openBreakGlass.run({ tenantId, userId: ann.userId, ...ask, minutes: 10 }, c),
    );
    await agent.as((c) => access.closeSupportAccess.run({ tenantId, requestId: never.requestId }, c));
    t.notOk(
      (await mine(ann)).some((r) => r.requestId === never.requestId),
      'a break-glass access withdrawn before approval never shows',
    );
    const late = await rejection(
      second.as((c) => access.approveBreakGlass.run({ tenantId, requestId: never.requestId }, c)),
    );
    t.equal(late.code, 'access_request_not_pending', 'and can no longer be approved');

    const audit = await db.admin.query(
      `select actor_id, operation from audit.audit_log where table_name = 'app.support_access_requests' and row_id = $1 order by id`,
      [opened.requestId],
    );
    t.same(
      audit.rows.map((r) => [r.operation, r.actor_id]),
      [
        ['INSERT', agent.actor],
        ['UPDATE', approved.decidedBy],
        ['UPDATE', agent.actor],
        ['UPDATE', third.actor],
      ],
      'opened, approved, looked at, closed: each naming the staff member',
    );
  },
);

t.test('racing: two identical asks make one request; a racing approve and deny make one decision', async (t) => {
  const carl = await makeUser(db, tenantId, 'Carl');
  const asks = await Promise.allSettled([
    agent.as((c) => access.requestSupportAccess.run({ tenantId, userId: carl.userId, ...ask }, c)),
    agent.as((c) => access.requestSupportAccess.run({ tenantId, userId: carl.userId, ...ask }, c)),
  ]);
  const made = asks.filter((r) => r.status === 'fulfilled') as PromiseFulfilledResult<
    access.IRequestSupportAccessResult[]
  >[];
  t.equal(made.length, 1, 'one request is made');
  t.same(
    asks
      .filter((r): r is PromiseRejectedResult => r.status === 'rejected')
      .map((r) => (r.reason as pg.DatabaseError).hint),
    ['access_request_pending'],
    'the other: access_request_pending',
  );
  const requestId = made[0].value[0].requestId;
  const decisions = await Promise.allSettled([
    db.as(carl, (c) => access.approveSupportAccessRequest.run({ requestId }, c)),
    db.as(carl, (c) => access.denySupportAccessRequest.run({ requestId }, c)),
  ]);
  t.equal(decisions.filter((r) => r.status === 'fulfilled').length, 1, 'one decision stands');
  const [row] = await mine(carl);
  t.ok(['active', 'denied'].includes(row.state), `and the request says which (${row.state})`);
});
