// Emergency access as a state machine, at the procedures: the full path (requested, refused,
// requested again, approved by the waiting period, expired), every step refused to the wrong actor
// with the answer a random id gets, an unknown grantee answered like a known one, revoked and
// unopened grants refused their reads, racing steps, the outbox events of each step and none of a
// rolled-back one, the tenant's bounds, and the operator's read of the outbox.
// Time is controlled by moving the grant's timestamps back as the superuser (db.admin).
import { randomUUID } from 'node:crypto';
import t from 'tap';
import * as assets from '../generated/assets.queries.ts';
import * as ea from '../generated/emergency_access.queries.ts';
import { listOutboxEvents } from '../generated/outbox.queries.ts';
import { makeTenant, makeUser, rejection, testDatabase, type TestUser } from './helpers/db.ts';

const db = await testDatabase(t);
const tenant = await makeTenant(db, 'legacy');
const otherTenant = await makeTenant(db, 'elsewhere');
const { as } = db;
const grace = await makeUser(db, tenant, 'Grace');
const trudy = await makeUser(db, tenant, 'Trudy');
const third = await makeUser(db, tenant, 'Thea');
const mallory = await makeUser(db, otherTenant, 'Mallory');

await as(grace, (c) =>
  assets.createAsset.run(
    {
      assetType: 'misc',
      categoryCode: 'other',
      name: 'Grace cabin',
      currency: 'USD',
      ownerPersonaId: grace.personaId,
      initialValue: '250000.00',
      valuedOn: '2026-01-15',
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
);

const create = (who: TestUser, grantee: { userId?: string; email?: string }, waitDays = 7, scope = 'view') =>
  as(who, (c) =>
    ea.createEmergencyAccess.run(
      { granteeUserId: grantee.userId ?? null, granteeEmail: grantee.email ?? null, scope, waitDays },
      c,
    ),
  ).then((rows) => rows[0]);
type Step = 'accept' | 'confirm' | 'request' | 'approve' | 'refuse' | 'revoke';
const bindings = {
  accept: ea.acceptEmergencyAccess,
  confirm: ea.confirmEmergencyAccess,
  request: ea.requestEmergencyAccess,
  approve: ea.approveEmergencyAccess,
  refuse: ea.refuseEmergencyAccess,
  revoke: ea.revokeEmergencyAccess,
};
const step = (who: TestUser, name: Step, grantId: string) =>
  as(who, (c) => bindings[name].run({ grantId }, c)).then((rows) => rows[0]);
const readAssets = (who: TestUser, grantId: string) =>
  as(who, (c) => ea.readEmergencyAccessAssets.run({ grantId, limit: 50, offset: 0 }, c));
const list = (who: TestUser, role: string | null) =>
  as(who, (c) => ea.listEmergencyAccess.run({ role, limit: 50, offset: 0 }, c));
const events = async (grantId: string) =>
  (
    await db.admin.query<{ event_type: string; payload: Record<string, unknown> }>(
      'select event_type, payload from app.outbox_events where aggregate_id = $1 order by seq',
      [grantId],
    )
  ).rows;
/** Moves a grant's clock: its request (or approval) happened `days` days earlier. */
const travel = (grantId: string, column: 'recovery_requested_at' | 'approved_at', days: number) =>
  db.admin.query(
    `update app.emergency_access_grants set ${column} = ${column} - make_interval(days => $2) where id = $1`,
    [grantId, days],
  );

t.test('the full path: requested, refused, requested again, approved by the wait, read, expired', async (t) => {
  const made = await create(grace, { email: trudy.email.toUpperCase() }, 7);
  t.match(made, { role: 'grantor', state: 'invited', scope: 'view', waitDays: 7, accessDays: 30, granteeUserId: null });
  t.equal(made.grantorPersonaId, grace.personaId);
  const id = made.grantId;
  const [asGrantee] = await list(trudy, 'grantee');
  t.match(asGrantee, { grantId: id, role: 'grantee', granteeUserId: trudy.userId, grantorName: 'Grace Tester' });

  t.equal((await step(trudy, 'accept', id)).state, 'accepted');
  t.equal((await list(grace, 'grantor'))[0].granteeUserId, trudy.userId, 'the grantor sees the grantee once accepted');
  t.equal((await step(grace, 'confirm', id)).state, 'confirmed');
  t.same(await rejection(readAssets(trudy, id)), {
    sqlState: 'PT403',
    code: 'emergency_access_not_open',
    message: 'this grant is confirmed: access is open only while it is approved',
  });
  const requested = await step(trudy, 'request', id);
  t.equal(requested.state, 'recovery_requested');
  t.ok(
    requested.waitEndsAt && requested.waitEndsAt.getTime() - requested.recoveryRequestedAt!.getTime() === 7 * 86400e3,
  );
  t.equal((await step(grace, 'refuse', id)).state, 'confirmed', 'a refusal returns the grant to confirmed');
  t.equal((await step(trudy, 'request', id)).state, 'recovery_requested', 'requested again');
  t.match(await rejection(readAssets(trudy, id)), { code: 'emergency_access_not_open' }, 'not during the wait');

  // Six days later the owner could still refuse; a day later the wait has ended unrefused.
  await travel(id, 'recovery_requested_at', 6);
  t.equal((await list(trudy, 'grantee'))[0].state, 'recovery_requested');
  await travel(id, 'recovery_requested_at', 1);
  const approved = (await list(trudy, 'grantee'))[0];
  t.match(approved, { state: 'approved', approvedBy: 'waiting_period' }, 'approved by the waiting period, computed');
  t.equal(approved.accessEndsAt!.getTime() - approved.approvedAt!.getTime(), 30 * 86400e3);
  t.match(await rejection(step(grace, 'refuse', id)), { sqlState: 'PT409', code: 'emergency_access_wrong_state' });

  const rows = await readAssets(trudy, id);
  t.match(rows, [{ name: 'Grace cabin', currentValue: '250000.00', ownershipPercentage: '100.0000', total: 1 }]);
  const audit = await db.admin.query(
    `select actor_id, row_id, changes from audit.audit_log where operation = 'READ' and table_name = 'api.sp_read_emergency_access_assets'`,
  );
  t.equal(audit.rows.length, 1, 'the read is recorded');
  t.match(audit.rows[0], {
    actor_id: trudy.sub,
    row_id: id,
    changes: { grantorPersonaId: grace.personaId, rows: 1 },
  });

  t.same(
    (await events(id)).map((e) => [e.event_type, e.payload.previousState, e.payload.by]),
    [
      ['emergency_access.invited', null, 'grantor'],
      ['emergency_access.accepted', 'invited', 'grantee'],
      ['emergency_access.confirmed', 'accepted', 'grantor'],
      ['emergency_access.recovery_requested', 'confirmed', 'grantee'],
      ['emergency_access.refused', 'recovery_requested', 'grantor'],
      ['emergency_access.recovery_requested', 'confirmed', 'grantee'],
      ['emergency_access.approved', 'recovery_requested', 'waiting_period'],
    ],
    'one event per transition, the wait-ended approval written when the grant was next touched',
  );
  const payload = (await events(id))[0].payload;
  t.same(Object.keys(payload).sort(), [
    'by',
    'grantId',
    'granteeUserId',
    'grantorPersonaId',
    'grantorUserId',
    'previousState',
    'scope',
    'state',
  ]);
  t.notOk(JSON.stringify(await events(id)).match(/grace|trudy|cabin|example\.com|250000/i), 'no PII in any payload');

  // The access window ends 30 days after the approval.
  await travel(id, 'approved_at', 30);
  t.equal((await list(grace, 'grantor'))[0].state, 'expired');
  t.match(await rejection(readAssets(trudy, id)), { code: 'emergency_access_not_open' });
  t.match(await rejection(step(grace, 'revoke', id)), { code: 'emergency_access_wrong_state' });
});

t.test('the grantor approves at once; either side may end the grant; a revoked grant reads nothing', async (t) => {
  const { grantId: id } = await create(grace, { userId: trudy.userId }, 30);
  await step(trudy, 'accept', id);
  await step(grace, 'confirm', id);
  await step(trudy, 'request', id);
  t.match(await step(grace, 'approve', id), { state: 'approved', approvedBy: 'grantor' });
  t.equal((await readAssets(trudy, id)).length, 1);
  t.match(await step(grace, 'revoke', id), { state: 'revoked', revokedBy: 'grantor' });
  t.same(await rejection(readAssets(trudy, id)), {
    sqlState: 'PT403',
    code: 'emergency_access_not_open',
    message: 'this grant is revoked: access is open only while it is approved',
  });
  t.match(await rejection(step(trudy, 'request', id)), { code: 'emergency_access_wrong_state' });

  const { grantId: declined } = await create(grace, { userId: trudy.userId }, 3);
  t.match(await step(trudy, 'revoke', declined), { state: 'revoked', revokedBy: 'grantee' }, 'the grantee declines');
  t.equal((await events(declined)).at(-1)?.payload.by, 'grantee');
});

t.test('the wrong actor, another tenant and a random id get the same 404 at every step', async (t) => {
  // One grant in each state a step starts from.
  const at = async (state: 'invited' | 'accepted' | 'confirmed' | 'recovery_requested' | 'approved') => {
    const { grantId } = await create(grace, { userId: trudy.userId });
    const path: Step[] = ['accept', 'confirm', 'request', 'approve'];
    const order = ['invited', 'accepted', 'confirmed', 'recovery_requested', 'approved'];
    for (const s of path.slice(0, order.indexOf(state)))
      await step(s === 'confirm' || s === 'approve' ? grace : trudy, s, grantId);
    return grantId;
  };
  const cases: Array<[Step, 'invited' | 'accepted' | 'confirmed' | 'recovery_requested' | 'approved', TestUser]> = [
    ['accept', 'invited', grace],
    ['confirm', 'accepted', trudy],
    ['request', 'confirmed', grace],
    ['approve', 'recovery_requested', trudy],
    ['refuse', 'recovery_requested', trudy],
  ];
  const notFound = {
    sqlState: 'PT404',
    code: 'emergency_access_not_found',
    message: 'emergency access grant not found',
  };
  for (const [name, state, wrongParty] of cases) {
    const id = await at(state);
    const before = await events(id);
    for (const [who, attacker] of [
      ['the other party', wrongParty],
      ['a third user', third],
      ["another tenant's user", mallory],
    ] as const)
      t.same(await rejection(step(attacker, name, id)), notFound, `${name}: ${who} is told not found`);
    t.same(await rejection(step(third, name, randomUUID())), notFound, `${name}: a random id, the same`);
    t.same(await events(id), before, `${name}: no event from a refused step`);
  }
  const approved = await at('approved');
  for (const attacker of [grace, third, mallory])
    t.same(await rejection(readAssets(attacker, approved)), notFound, 'only the grantee reads under a grant');
  t.same(await rejection(readAssets(trudy, randomUUID())), notFound);
  for (const attacker of [third, mallory]) {
    t.same(await rejection(step(attacker, 'revoke', approved)), notFound);
    t.notOk(
      (await list(attacker, null)).some((g) => g.grantId === approved),
      'nor is it listed',
    );
  }
});

t.test('an unknown grantee is answered like a known one, and nobody can accept that grant', async (t) => {
  const known = await create(grace, { email: third.email });
  const unknownEmail = await create(grace, { email: 'nobody-here@example.com' });
  const unknownId = await create(grace, { userId: randomUUID() });
  const foreign = await create(grace, { userId: mallory.userId });
  const shape = (g: typeof known) => ({ ...g, grantId: 'x', createdAt: 'x', updatedAt: 'x' });
  t.same(shape(unknownEmail), shape(known), 'an unknown email: the same answer');
  t.same(shape(unknownId), shape(known), 'an unknown user id: the same answer');
  t.same(shape(foreign), shape(known), "another tenant's user: the same answer");
  for (const who of [trudy, third, mallory])
    t.match(await rejection(step(who, 'accept', unknownEmail.grantId)), { code: 'emergency_access_not_found' });
  t.match(await rejection(step(mallory, 'accept', foreign.grantId)), { code: 'emergency_access_not_found' });
  t.match(await rejection(create(grace, { email: grace.email })), { code: 'emergency_access_self' });
  t.match(await rejection(create(grace, { userId: grace.userId })), { code: 'emergency_access_self' });
  t.match(await rejection(create(grace, {})), { code: 'invalid_emergency_access_grantee' });
  t.match(await rejection(create(grace, { email: 'not an email' })), { code: 'invalid_email' });
  t.match(await rejection(create(grace, { userId: trudy.userId }, 7, 'takeover')), {
    code: 'invalid_emergency_access_scope',
  });
});

t.test("the waiting period is bounded, and a tenant's settings narrow it", async (t) => {
  for (const days of [0, 91])
    t.same(await rejection(create(grace, { userId: trudy.userId }, days)), {
      sqlState: 'PT400',
      code: 'invalid_wait_days',
      message: 'the waiting period must be 1 to 90 days',
    });
  await db.admin.query(
    `update app.tenants set settings = settings || '{"emergencyAccessMinWaitDays": 3, "emergencyAccessMaxWaitDays": 14, "emergencyAccessWindowDays": 10}' where tenant_id = $1`,
    [tenant],
  );
  t.teardown(() =>
    db.admin.query(
      `update app.tenants set settings = settings - 'emergencyAccessMinWaitDays' - 'emergencyAccessMaxWaitDays' - 'emergencyAccessWindowDays' where tenant_id = $1`,
      [tenant],
    ),
  );
  t.match(await rejection(create(grace, { userId: trudy.userId }, 15)), {
    message: 'the waiting period must be 3 to 14 days',
  });
  t.match(await rejection(create(grace, { userId: trudy.userId }, 2)), { code: 'invalid_wait_days' });
  t.match(await create(grace, { userId: trudy.userId }, 14), { waitDays: 14, accessDays: 10 });
});

t.test('racing steps: one wins, the other sees its state; a rolled-back step announces nothing', async (t) => {
  for (let round = 0; round < 5; round++) {
    const { grantId: id } = await create(grace, { userId: trudy.userId });
    await step(trudy, 'accept', id);
    await step(grace, 'confirm', id);
    await step(trudy, 'request', id);
    const results = await Promise.allSettled([
      step(grace, 'approve', id),
      step(grace, 'refuse', id),
      step(trudy, 'revoke', id),
    ]);
    const won = results.filter((r) => r.status === 'fulfilled');
    const lost = results.filter((r) => r.status === 'rejected');
    t.equal(won.length + lost.length, 3);
    t.ok(won.length >= 1, 'at least one step went through');
    for (const r of lost) t.equal((r.reason as { hint?: string }).hint, 'emergency_access_wrong_state');
    const evs = await events(id);
    t.equal(evs.length, 4 + won.length, 'one event per step that went through, none for a lost one');
    // Every event's previous state is the state the one before it left.
    for (let i = 1; i < evs.length; i++)
      t.equal(
        evs[i].payload.previousState,
        evs[i - 1].event_type === 'emergency_access.refused' ? 'confirmed' : evs[i - 1].payload.state,
      );
  }

  const { grantId: id } = await create(grace, { userId: trudy.userId });
  const before = await events(id);
  const boom = new Error('the request failed after the step');
  await t.rejects(
    as(trudy, async (c) => {
      await ea.acceptEmergencyAccess.run({ grantId: id }, c);
      throw boom;
    }),
    boom,
  );
  t.same(await events(id), before, 'no event for the rolled-back acceptance');
  t.equal((await list(trudy, 'grantee')).find((g) => g.grantId === id)?.state, 'invited', 'nor the change');
});

t.test('operators read a tenant’s outbox in order; other tenants’ events stay out', async (t) => {
  await create(mallory, { userId: randomUUID() });
  const read = (afterSeq: string, limit: number) =>
    db.asSupport((c) => listOutboxEvents.run({ tenantId: tenant, afterSeq, limit }, c));
  const page = await read('0', 1000);
  t.ok(page.length > 10);
  t.ok(
    page.every((e, i) => i === 0 || BigInt(e.seq) > BigInt(page[i - 1].seq)),
    'in seq order',
  );
  t.notOk(
    page.some((e) => (e.payload as Record<string, unknown>).grantorUserId === mallory.userId),
    "another tenant's events are not in this tenant's page",
  );
  const after = await read(page[0].seq, 2);
  t.same(
    after.map((e) => e.eventId),
    page.slice(1, 3).map((e) => e.eventId),
    'the next page starts after the cursor',
  );
  t.match(await rejection(read('-1', 10)), { code: 'invalid_cursor' });
  t.match(await rejection(read('0', 1001)), { code: 'invalid_page' });
  t.match(
    await rejection(
      db.asUser(tenant, grace.sub, (c) => listOutboxEvents.run({ tenantId: tenant, afterSeq: '0', limit: 10 }, c)),
    ),
    { sqlState: '42501' },
    'the tenant login role cannot call it',
  );
  t.match(
    await rejection(db.asUser(tenant, grace.sub, (c) => c.query('select * from app.outbox_events'))),
    { sqlState: '42501' },
    'nor read the table',
  );
  const audited = await db.admin.query(
    `select count(*)::int as n from audit.audit_log where table_name = 'support.sp_list_outbox_events' and tenant_id = $1`,
    [tenant],
  );
  t.ok(audited.rows[0].n >= 2, 'operators’ reads are audited');
});

t.test('the operators’ sweep stores and announces the approvals and expiries that time made', async (t) => {
  const settle = (tenantId: string | null, limit = 1000) =>
    db.asSupport((c) => ea.settleEmergencyAccess.run({ tenantId, limit }, c));
  const open = async (grantor: TestUser, grantee: TestUser) => {
    const { grantId } = await create(grantor, { userId: grantee.userId });
    await step(grantee, 'accept', grantId);
    await step(grantor, 'confirm', grantId);
    await step(grantee, 'request', grantId);
    return grantId;
  };
  const waiting = await open(grace, third);
  const due = await open(grace, trudy);
  await travel(due, 'recovery_requested_at', 8);
  const stored = async (id: string) =>
    (await db.admin.query('select state from app.emergency_access_grants where id = $1', [id])).rows[0].state;
  t.equal(await stored(due), 'recovery_requested', 'before the sweep the row still says requested');
  t.equal((await events(due)).at(-1)?.event_type, 'emergency_access.recovery_requested', 'and nothing announced yet');

  const settled = await settle(tenant);
  t.same(
    settled.filter((r) => r.grantId === due || r.grantId === waiting).map((r) => [r.grantId, r.state]),
    [[due, 'approved']],
    'only the grant whose wait ended is settled',
  );
  t.equal(await stored(due), 'approved');
  t.equal(await stored(waiting), 'recovery_requested', 'a grant still waiting is left alone');
  t.match((await events(due)).at(-1), {
    event_type: 'emergency_access.approved',
    payload: { by: 'waiting_period', previousState: 'recovery_requested' },
  });
  t.ok(
    settled.every((r) => r.tenantId === tenant && ['approved', 'expired'].includes(r.state)),
    'earlier tests’ grants past their windows are settled too, in this tenant only',
  );
  t.same(await settle(tenant), [], 'a second sweep finds nothing: each event is written once');

  await travel(due, 'approved_at', 31);
  t.same(
    (await settle(null)).filter((r) => r.tenantId === tenant).map((r) => [r.grantId, r.state]),
    [[due, 'expired']],
    'the sweep over all tenants expires it after its window',
  );
  t.match((await events(due)).at(-1), { event_type: 'emergency_access.expired', payload: { by: 'access_window' } });

  // A grant a user is changing right now is skipped, not waited for.
  const busy = await open(grace, trudy);
  await travel(busy, 'recovery_requested_at', 8);
  const holder = await db.admin.connect();
  try {
    await holder.query('begin');
    await holder.query('select 1 from app.emergency_access_grants where id = $1 for update', [busy]);
    t.same(await settle(tenant), [], 'a locked grant is skipped');
    await holder.query('rollback');
  } finally {
    holder.release();
  }
  t.same(
    (await settle(tenant, 1)).map((r) => r.grantId),
    [busy],
    'and settled by the next sweep',
  );

  t.match(
    await rejection(
      db.asUser(tenant, grace.sub, (c) => ea.settleEmergencyAccess.run({ tenantId: tenant, limit: 10 }, c)),
    ),
    { sqlState: '42501' },
    'the tenant login role cannot sweep',
  );
  t.match(await rejection(settle(tenant, 0)), { code: 'invalid_page' });
  t.match(await rejection(settle(randomUUID())), { code: 'tenant_not_found' }, 'an unknown tenant is named as such');
});
