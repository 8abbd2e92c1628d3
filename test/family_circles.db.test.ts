// Family circle procedures: the role matrix cell by cell, the last owner under races,
// invitations (hashed, expiring, single use), the hierarchy, and other tenants' circles.
import t from 'tap';
import * as ffc from '../generated/family_circles.queries.ts';
import * as identity from '../generated/identity.queries.ts';
import { makeTenant, makeUser, rejection, testDatabase, type TestUser } from './helpers/db.ts';

const db = await testDatabase(t);
const tenant = await makeTenant(db, 'family');
const otherTenant = await makeTenant(db, 'other');
const { as } = db;

const ROLES = ['owner', 'admin', 'member', 'advisor', 'viewer'] as const;
type Role = (typeof ROLES)[number];
const rank = (role: Role) => 5 - ROLES.indexOf(role);
const canGrant = (caller: Role, role: Role) => caller === 'owner' || (caller === 'admin' && rank(role) < rank('admin'));
const canChange = (caller: Role, current: Role, role: Role) =>
  canGrant(caller, role) && (caller === 'owner' || rank(current) < rank(caller));
const canRemove = (caller: Role, current: Role) =>
  caller === 'owner' || (caller === 'admin' && rank(current) < rank('admin'));

const olivia = await makeUser(db, tenant, 'Olivia', 'advisor');
const [circle] = await as(olivia, (c) => ffc.createFfc.run({ name: 'The Olivias', description: 'family office' }, c));

/** A user who joined the circle by invitation and now holds `role`. */
async function memberWithRole(role: Role, name: string): Promise<TestUser> {
  const user = await makeUser(db, tenant, name);
  const [invite] = await as(olivia, (c) =>
    ffc.inviteFfcMember.run(
      { ffcId: circle.ffcId, email: user.email, role: role === 'owner' ? 'admin' : role, validHours: 24 },
      c,
    ),
  );
  await as(user, (c) => ffc.acceptFfcInvitation.run({ token: invite.token }, c));
  if (role === 'owner')
    await as(olivia, (c) =>
      ffc.updateFfcMemberRole.run({ ffcId: circle.ffcId, personaId: user.personaId, role: 'owner' }, c),
    );
  return user;
}
const callers = Object.fromEntries(
  await Promise.all(ROLES.map(async (role) => [role, await memberWithRole(role, `Caller${role}`)])),
) as Record<Role, TestUser>;

// Listed before the top-level code below adds target members (subtests run alongside it).
const listedBeforeTargets = await as(olivia, (c) => ffc.listMyFfcs.run({ limit: 10, offset: 0 }, c));
t.test('the creator owns the circle and lists it', async (t) => {
  t.equal(circle.myRole, 'owner');
  const mine = listedBeforeTargets;
  t.same(
    mine.map((m) => [m.ffcId, m.myRole, m.memberCount]),
    [[circle.ffcId, 'owner', 6]],
    'one circle, six members',
  );
  t.match(await rejection(as(olivia, (c) => ffc.listMyFfcs.run({ limit: 0, offset: 0 }, c))), {
    sqlState: 'PT400',
    code: 'invalid_page',
  });
  t.match(await rejection(as(olivia, (c) => ffc.createFfc.run({ name: ' ' }, c))), {
    sqlState: 'PT400',
    code: 'invalid_name',
  });
});

t.test('role matrix: adding a persona with each role', async (t) => {
  for (const caller of ROLES) {
    for (const role of ROLES) {
      const [child] = await as(callers[caller], (c) =>
        identity.createPersona.run({ firstName: `Kid-${caller}-${role}`, lastName: 'X' }, c),
      );
      const call = as(callers[caller], (c) =>
        ffc.addFfcMember.run({ ffcId: circle.ffcId, personaId: child.personaId, role }, c),
      );
      if (canGrant(caller, role)) t.equal((await call)[0].role, role, `a ${caller} adds a ${role}`);
      else
        t.match(
          await rejection(call),
          { sqlState: 'PT403', code: 'ffc_permission_denied' },
          `a ${caller} cannot add a ${role}`,
        );
    }
  }
});

// Targets: personas Olivia manages, added by her with each role.
const targets = {} as Record<Role, string>;
for (const role of ROLES) {
  const [persona] = await as(olivia, (c) =>
    identity.createPersona.run({ firstName: `Target-${role}`, lastName: 'X' }, c),
  );
  await as(olivia, (c) => ffc.addFfcMember.run({ ffcId: circle.ffcId, personaId: persona.personaId, role }, c));
  targets[role] = persona.personaId;
}
const restore = (current: Role) =>
  as(olivia, (c) =>
    ffc.updateFfcMemberRole.run({ ffcId: circle.ffcId, personaId: targets[current], role: current }, c),
  );

t.test('role matrix: changing a member of each role to each role', async (t) => {
  for (const caller of ROLES) {
    for (const current of ROLES) {
      for (const role of ROLES) {
        const call = as(callers[caller], (c) =>
          ffc.updateFfcMemberRole.run({ ffcId: circle.ffcId, personaId: targets[current], role }, c),
        );
        if (canChange(caller, current, role)) {
          t.equal((await call)[0].role, role, `a ${caller} changes a ${current} to ${role}`);
          await restore(current);
        } else {
          t.match(
            await rejection(call),
            { sqlState: 'PT403', code: 'ffc_permission_denied' },
            `a ${caller} cannot change a ${current} to ${role}`,
          );
        }
      }
    }
  }
});

t.test('role matrix: removing a member of each role, and leaving', async (t) => {
  for (const caller of ROLES) {
    for (const current of ROLES) {
      const call = as(callers[caller], (c) =>
        ffc.removeFfcMember.run({ ffcId: circle.ffcId, personaId: targets[current] }, c),
      );
      if (canRemove(caller, current)) {
        await call;
        t.pass(`a ${caller} removes a ${current}`);
        await as(olivia, (c) =>
          ffc.addFfcMember.run({ ffcId: circle.ffcId, personaId: targets[current], role: current }, c),
        );
      } else {
        t.match(
          await rejection(call),
          { sqlState: 'PT403', code: 'ffc_permission_denied' },
          `a ${caller} cannot remove a ${current}`,
        );
      }
    }
  }
  const leaver = await memberWithRole('viewer', 'Leaver');
  await as(leaver, (c) => ffc.removeFfcMember.run({ ffcId: circle.ffcId, personaId: leaver.personaId }, c));
  t.match(
    await rejection(as(leaver, (c) => ffc.getFfcHierarchy.run({ ffcId: circle.ffcId }, c))),
    { sqlState: 'PT404', code: 'ffc_not_found' },
    'a member who left no longer sees the circle',
  );
});

t.test('role matrix: inviting with each role, and viewing', async (t) => {
  for (const caller of ROLES) {
    for (const role of ROLES) {
      const call = as(callers[caller], (c) =>
        ffc.inviteFfcMember.run(
          { ffcId: circle.ffcId, email: `inv-${caller}-${role}@example.com`, role, validHours: 24 },
          c,
        ),
      );
      if (role === 'owner' && rank(caller) >= rank('admin'))
        t.match(
          await rejection(call),
          { sqlState: 'PT400', code: 'invalid_role' },
          `a ${caller} cannot invite an owner`,
        );
      else if (canGrant(caller, role)) t.equal((await call).length, 1, `a ${caller} invites a ${role}`);
      else
        t.match(
          await rejection(call),
          { sqlState: 'PT403', code: 'ffc_permission_denied' },
          `a ${caller} cannot invite a ${role}`,
        );
    }
    const tree = await as(callers[caller], (c) => ffc.getFfcHierarchy.run({ ffcId: circle.ffcId }, c));
    t.ok(tree.length > 5, `a ${caller} sees the hierarchy`);
  }
});

t.test('a circle never loses its last owner, also under concurrent demotions', async (t) => {
  const ann = await makeUser(db, tenant, 'Ann', 'family');
  const ben = await makeUser(db, tenant, 'Ben');
  const [small] = await as(ann, (c) => ffc.createFfc.run({ name: 'Small' }, c));
  t.match(
    await rejection(
      as(ann, (c) => ffc.updateFfcMemberRole.run({ ffcId: small.ffcId, personaId: ann.personaId, role: 'admin' }, c)),
    ),
    { sqlState: 'PT409', code: 'last_owner' },
  );
  t.match(
    await rejection(as(ann, (c) => ffc.removeFfcMember.run({ ffcId: small.ffcId, personaId: ann.personaId }, c))),
    { sqlState: 'PT409', code: 'last_owner' },
  );
  const [invite] = await as(ann, (c) =>
    ffc.inviteFfcMember.run({ ffcId: small.ffcId, email: ben.email, role: 'admin', validHours: 1 }, c),
  );
  await as(ben, (c) => ffc.acceptFfcInvitation.run({ token: invite.token }, c));
  await as(ann, (c) => ffc.updateFfcMemberRole.run({ ffcId: small.ffcId, personaId: ben.personaId, role: 'owner' }, c));
  for (let round = 0; round < 5; round++) {
    // Each owner demotes the other at the same moment: exactly one may win.
    const results = await Promise.allSettled([
      as(ann, (c) => ffc.updateFfcMemberRole.run({ ffcId: small.ffcId, personaId: ben.personaId, role: 'member' }, c)),
      as(ben, (c) => ffc.updateFfcMemberRole.run({ ffcId: small.ffcId, personaId: ann.personaId, role: 'member' }, c)),
    ]);
    const { rows } = await db.admin.query(
      `select count(*)::int as n from app.ffc_memberships where ffc_id = $1 and role = 'owner' and status = 'active'`,
      [small.ffcId],
    );
    t.equal(rows[0].n, 1, `round ${round}: exactly one owner remains`);
    t.equal(
      results.filter((r) => r.status === 'fulfilled').length,
      1,
      `round ${round}: one demotion succeeded, the other was refused`,
    );
    const {
      rows: [winner],
    } = await db.admin.query(
      `select p.id from app.ffc_memberships m join app.personas p on p.id = m.persona_id where m.ffc_id = $1 and m.role = 'owner'`,
      [small.ffcId],
    );
    const owner = winner.id === ann.personaId ? ann : ben;
    const other = owner === ann ? ben : ann;
    await as(owner, (c) =>
      ffc.updateFfcMemberRole.run({ ffcId: small.ffcId, personaId: other.personaId, role: 'owner' }, c),
    );
  }
});

t.test('invitations are single use, expire, and belong to their email', async (t) => {
  const zoe = await makeUser(db, tenant, 'Zoe', 'family');
  const yan = await makeUser(db, tenant, 'Yan');
  const [invite] = await as(olivia, (c) =>
    ffc.inviteFfcMember.run({ ffcId: circle.ffcId, email: zoe.email.toUpperCase(), role: 'member', validHours: 2 }, c),
  );
  t.match(invite.token, /^[0-9a-f]{64}$/, 'the token is 64 hex characters');
  const { rows } = await db.admin.query(`select token_sha256 from app.ffc_invitations where id = $1`, [
    invite.invitationId,
  ]);
  t.not(rows[0].token_sha256.toString('hex'), invite.token, 'only a hash is stored');
  t.match(
    await rejection(
      as(olivia, (c) =>
        ffc.inviteFfcMember.run({ ffcId: circle.ffcId, email: zoe.email, role: 'member', validHours: 2 }, c),
      ),
    ),
    { sqlState: 'PT409', code: 'invitation_pending' },
  );
  const madeUp = await rejection(as(yan, (c) => ffc.acceptFfcInvitation.run({ token: 'e'.repeat(64) }, c)));
  const stolen = await rejection(as(yan, (c) => ffc.acceptFfcInvitation.run({ token: invite.token }, c)));
  t.same(
    [stolen.sqlState, stolen.code, stolen.message],
    [madeUp.sqlState, madeUp.code, madeUp.message],
    "someone else holding the token gets a made-up token's answer (404 invitation_not_found)",
  );
  t.equal(stolen.code, 'invitation_not_found');
  // Finding 2: an email typed before verification (0011) does not open someone else's invitation.
  await db.admin.query('update app.users set email_verified_at = null where id = $1', [zoe.userId]);
  t.match(
    await rejection(as(zoe, (c) => ffc.acceptFfcInvitation.run({ token: invite.token }, c))),
    { sqlState: 'PT404', code: 'invitation_not_found' },
    'an unverified email does not match the invitation',
  );
  await db.admin.query('update app.users set email_verified_at = now() where id = $1', [zoe.userId]);
  const [joined] = await as(zoe, (c) => ffc.acceptFfcInvitation.run({ token: invite.token }, c));
  t.equal(joined.role, 'member', 'the invited user joins with the invited role');
  t.same(
    await as(zoe, (c) => ffc.acceptFfcInvitation.run({ token: invite.token }, c)),
    [joined],
    'accepting again answers as the first time (issue 10: a retry whose answer was lost)',
  );
  t.match(
    await rejection(as(yan, (c) => ffc.acceptFfcInvitation.run({ token: invite.token }, c))),
    { sqlState: 'PT404', code: 'invitation_not_found' },
    'the token works once: anyone else gets 404',
  );
  t.match(
    await rejection(as(zoe, (c) => ffc.acceptFfcInvitation.run({ token: 'f'.repeat(64) }, c))),
    { code: 'invitation_not_found' },
    'a made-up token is not found',
  );

  const [stale] = await as(olivia, (c) =>
    ffc.inviteFfcMember.run({ ffcId: circle.ffcId, email: yan.email, role: 'viewer', validHours: 1 }, c),
  );
  await db.admin.query(`update app.ffc_invitations set expires_at = now() - interval '1 minute' where id = $1`, [
    stale.invitationId,
  ]);
  t.match(await rejection(as(yan, (c) => ffc.acceptFfcInvitation.run({ token: stale.token }, c))), {
    sqlState: 'PT410',
    code: 'invitation_expired',
  });
  t.match(
    await rejection(as(zoe, (c) => ffc.acceptFfcInvitation.run({ token: stale.token }, c))),
    { sqlState: 'PT404', code: 'invitation_not_found' },
    "whether someone else's invitation has expired is not said either",
  );

  const [revocable] = await as(olivia, (c) =>
    ffc.inviteFfcMember.run({ ffcId: circle.ffcId, email: yan.email, role: 'viewer', validHours: 1 }, c),
  );
  await as(olivia, (c) =>
    ffc.revokeFfcInvitation.run({ ffcId: circle.ffcId, invitationId: revocable.invitationId }, c),
  );
  t.match(
    await rejection(as(yan, (c) => ffc.acceptFfcInvitation.run({ token: revocable.token }, c))),
    { code: 'invitation_not_found' },
    'a revoked invitation cannot be used',
  );
  t.match(
    await rejection(
      as(olivia, (c) => ffc.revokeFfcInvitation.run({ ffcId: circle.ffcId, invitationId: revocable.invitationId }, c)),
    ),
    { sqlState: 'PT409', code: 'invitation_not_pending' },
  );
  const { rows: audit } = await db.admin.query(
    `select changes::text as c from audit.audit_log where table_name = 'app.ffc_invitations'`,
  );
  t.notOk(
    audit.some((r) => r.c?.includes(invite.token) || r.c?.includes(zoe.email)),
    'the audit log holds neither tokens nor emails',
  );
});

t.test('the hierarchy is a tree of members built from parent/child relationships', async (t) => {
  const gina = await makeUser(db, tenant, 'Gina', 'family');
  const [fam] = await as(gina, (c) => ffc.createFfc.run({ name: 'Gina family' }, c));
  const [son] = await as(gina, (c) => identity.createPersona.run({ firstName: 'Sonny', lastName: 'G' }, c));
  const [grandchild] = await as(gina, (c) => identity.createPersona.run({ firstName: 'Gracie', lastName: 'G' }, c));
  await as(gina, (c) =>
    identity.recordPersonaRelationship.run(
      { personaId: gina.personaId, relatedPersonaId: son.personaId, relationshipType: 'child' },
      c,
    ),
  );
  await as(gina, (c) =>
    identity.recordPersonaRelationship.run(
      { personaId: grandchild.personaId, relatedPersonaId: son.personaId, relationshipType: 'parent' },
      c,
    ),
  );
  for (const p of [son, grandchild])
    await as(gina, (c) => ffc.addFfcMember.run({ ffcId: fam.ffcId, personaId: p.personaId, role: 'viewer' }, c));
  const tree = await as(gina, (c) => ffc.getFfcHierarchy.run({ ffcId: fam.ffcId }, c));
  t.same(
    tree.map((n) => [n.firstName, n.parentPersonaId, n.depth, n.role]),
    [
      ['Gina', null, 0, 'owner'],
      ['Sonny', gina.personaId, 1, 'viewer'],
      ['Gracie', son.personaId, 2, 'viewer'],
    ],
    'grandparent, child, grandchild, depth-first',
  );
  const { rows } = await db.admin.query(
    `select count(distinct persona_id)::int as n from app.v_family_hierarchy where ffc_id = $1`,
    [fam.ffcId],
  );
  t.equal(rows[0].n, 3, 'the v_family_hierarchy view lists the three members');
});

t.test("another tenant's circle, a made-up id and a circle one is not in all look the same: not found", async (t) => {
  const mallory = await makeUser(db, otherTenant, 'Mallory');
  const outsider = await makeUser(db, tenant, 'Outsider');
  const [theirs] = await as(mallory, (c) => ffc.createFfc.run({ name: 'Elsewhere' }, c));
  for (const [who, user, ffcId] of [
    ["another tenant's user", mallory, circle.ffcId],
    ['a user of the tenant outside the circle', outsider, circle.ffcId],
    ['anyone, for a made-up id', olivia, crypto.randomUUID()],
    ["a user, for another tenant's circle", olivia, theirs.ffcId],
  ] as const) {
    for (const [name, call] of Object.entries({
      hierarchy: () => as(user, (c) => ffc.getFfcHierarchy.run({ ffcId }, c)),
      invite: () =>
        as(user, (c) => ffc.inviteFfcMember.run({ ffcId, email: 'x@example.com', role: 'viewer', validHours: 1 }, c)),
      'change role': () =>
        as(user, (c) => ffc.updateFfcMemberRole.run({ ffcId, personaId: olivia.personaId, role: 'viewer' }, c)),
      remove: () => as(user, (c) => ffc.removeFfcMember.run({ ffcId, personaId: olivia.personaId }, c)),
      add: () => as(user, (c) => ffc.addFfcMember.run({ ffcId, personaId: user.personaId, role: 'viewer' }, c)),
      revoke: () => as(user, (c) => ffc.revokeFfcInvitation.run({ ffcId, invitationId: crypto.randomUUID() }, c)),
    })) {
      const refused = await rejection(call());
      t.same(
        [refused.sqlState, refused.code, refused.message],
        ['PT404', 'ffc_not_found', 'family circle not found'],
        `${name} by ${who}`,
      );
    }
  }
  t.match(
    await rejection(
      as(olivia, (c) => ffc.addFfcMember.run({ ffcId: circle.ffcId, personaId: mallory.personaId, role: 'viewer' }, c)),
    ),
    { code: 'persona_not_found' },
    "an owner cannot add another tenant's persona",
  );
  t.match(
    await rejection(
      as(olivia, (c) =>
        ffc.addFfcMember.run({ ffcId: circle.ffcId, personaId: outsider.personaId, role: 'viewer' }, c),
      ),
    ),
    { code: 'persona_not_found' },
    "an owner cannot add another user's persona directly: that takes an invitation",
  );
});
