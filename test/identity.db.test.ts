// Identity procedures called as the tenant-traffic role, the way the server calls them: the happy
// paths and the attacker's side (another tenant's ids, no context, personas not theirs, bad input).
import pg from 'pg';
import t from 'tap';
import * as identity from '../generated/identity.queries.ts';
import { inContext } from '../server/plugins/db.ts';
import { makeTenant, makeUser, randomSub, rejection, testDatabase } from './helpers/db.ts';

const db = await testDatabase(t);
const tenantA = await makeTenant(db, 'alpha');
const tenantB = await makeTenant(db, 'beta');
const alice = await makeUser(db, tenantA, 'Alice');
const bob = await makeUser(db, tenantA, 'Bob');
const mallory = await makeUser(db, tenantB, 'Mallory');
const asAlice = <T>(fn: Parameters<typeof db.asUser<T>>[2]) => db.asUser(tenantA, alice.sub, fn);
const asBob = <T>(fn: Parameters<typeof db.asUser<T>>[2]) => db.asUser(tenantA, bob.sub, fn);
const asMallory = <T>(fn: Parameters<typeof db.asUser<T>>[2]) => db.asUser(tenantB, mallory.sub, fn);

t.test('registration creates the user, their own persona and primary email', async (t) => {
  const [me] = await asAlice((c) => identity.getCurrentUser.run(undefined, c));
  t.equal(me.userId, alice.userId, 'the current user is the registered one');
  t.equal(me.personaId, alice.personaId, 'with their own persona');
  t.equal(me.email, alice.email, 'and their email');
  const [persona] = await asAlice((c) => identity.getPersona.run({ personaId: alice.personaId }, c));
  t.equal(persona.linkedUserId, alice.userId, 'the persona is linked to the user as self');
  t.same(
    (persona.emails as Array<{ email: string; isPrimary: boolean }>).map((e) => [e.email, e.isPrimary]),
    [[alice.email, true]],
  );
});

/** Registers `sub` in `tenantId` the way the server does: the verified email (if any) in the context. */
const register = (
  tenantId: string,
  sub: string,
  verifiedEmail: string | undefined,
  params: Parameters<typeof identity.registerUser.run>[0] = { firstName: 'A', lastName: 'B' },
) =>
  db.withContext(
    { tenantId, actorKind: 'user', actorId: sub, requestId: `reg-${sub.slice(0, 8)}`, verifiedEmail },
    (c) => identity.registerUser.run(params, c),
  );

t.test('registration refuses a second registration, a taken email and bad input', async (t) => {
  t.match(await rejection(register(tenantA, alice.sub, 'x@example.com')), {
    sqlState: 'PT409',
    code: 'user_already_registered',
  });
  t.match(await rejection(register(tenantA, randomSub(), alice.email.toUpperCase())), {
    sqlState: 'PT409',
    code: 'email_already_registered',
  });
  t.match(await rejection(register(tenantA, randomSub(), 'not-an-email')), {
    sqlState: 'PT400',
    code: 'invalid_email',
  });
  t.match(await rejection(register(tenantA, randomSub(), 'ok@example.com', { firstName: '  ', lastName: 'B' })), {
    sqlState: 'PT400',
    code: 'invalid_first_name',
  });
  t.match(
    await rejection(
      register(tenantA, randomSub(), 'ok@example.com', { firstName: 'A', lastName: 'B', dateOfBirth: '2999-01-01' }),
    ),
    { sqlState: 'PT400', code: 'invalid_date_of_birth' },
  );
  // The same email may register in another tenant: tenants are separate worlds.
  const other = await register(tenantB, randomSub(), alice.email);
  t.equal(other.length, 1, 'the same email registers in another tenant');
});

t.test('the database takes the email only from the identity provider (finding 2)', async (t) => {
  const sub = randomSub();
  for (const missing of [undefined, '']) {
    t.match(
      await rejection(register(tenantA, sub, missing)),
      { sqlState: 'PT403', code: 'email_not_verified' },
      `no verified email in the context (${JSON.stringify(missing)}): registration refused`,
    );
  }
  const { rows } = await db.admin.query('select count(*)::int as n from app.users where cognito_sub = $1', [sub]);
  t.equal(rows[0].n, 0, 'nothing was registered');
  const [row] = await register(tenantA, sub, '  Verified.Person@Example.com ');
  const [me] = await db.asUser(tenantA, sub, (c) => identity.getCurrentUser.run(undefined, c));
  t.equal(me.userId, row.userId);
  t.equal(me.email, 'verified.person@example.com', "the verified email, normalized, is the user's");
  const verified = await db.admin.query('select email_verified_at from app.users where id = $1', [row.userId]);
  t.ok(verified.rows[0].email_verified_at, 'and it is marked verified');
});

t.test('a verified email does not outlive its transaction, nor serve a support actor', async (t) => {
  // One connection: the next transaction on it must not inherit the previous request's email.
  const single = new pg.Pool({ connectionString: db.apiUrl, max: 1 });
  t.teardown(() => single.end());
  const first = randomSub();
  await inContext(
    single,
    { tenantId: tenantA, actorKind: 'user', actorId: first, requestId: 'r-1', verifiedEmail: `${first}@example.com` },
    (c) => identity.registerUser.run({ firstName: 'A', lastName: 'B' }, c),
  );
  t.match(
    await rejection(
      inContext(single, { tenantId: tenantA, actorKind: 'user', actorId: randomSub(), requestId: 'r-2' }, (c) =>
        identity.registerUser.run({ firstName: 'A', lastName: 'B' }, c),
      ),
    ),
    { sqlState: 'PT403', code: 'email_not_verified' },
  );
  t.match(
    await rejection(
      db.withContext(
        {
          tenantId: tenantA,
          actorKind: 'support',
          actorId: 'staff:x',
          requestId: 'r-3',
          verifiedEmail: 's@example.com',
        },
        (c) => identity.registerUser.run({ firstName: 'A', lastName: 'B' }, c),
      ),
    ),
    { sqlState: '42501', code: 'user_context_missing' },
  );
  const calls: Array<[string, (c: pg.PoolClient) => Promise<unknown>]> = [
    ['list', (c: pg.PoolClient) => identity.listMyLinkInvitations.run({ limit: 50, offset: 0 }, c)],
    ['accept', (c: pg.PoolClient) => identity.acceptLinkInvitation.run({ invitationId: crypto.randomUUID() }, c)],
    ['decline', (c: pg.PoolClient) => identity.declineLinkInvitation.run({ invitationId: crypto.randomUUID() }, c)],
    [
      'revoke',
      (c: pg.PoolClient) => identity.revokeLinkInvitation.run({ personaId: alice.personaId, userId: bob.userId }, c),
    ],
  ];
  for (const [name, call] of calls) {
    t.match(
      await rejection(
        db.withContext({ tenantId: null, actorKind: 'user', actorId: alice.sub, requestId: 'r-4' }, call),
      ),
      { sqlState: '42501', code: 'tenant_context_missing' },
      `${name} without a tenant`,
    );
    t.match(
      await rejection(
        db.withContext({ tenantId: tenantA, actorKind: 'support', actorId: 'staff:x', requestId: 'r-5' }, call),
      ),
      { sqlState: '42501', code: 'user_context_missing' },
      `${name} as support`,
    );
  }
});

t.test('an address typed before verification blocks nobody; a verified one is unique', async (t) => {
  // A user registered before 0011 typed someone else's address: it stays, unverified.
  const squatter = await makeUser(db, tenantA, 'Squatter');
  await db.admin.query('update app.users set email = $1, email_verified_at = null where id = $2', [
    'owner@example.com',
    squatter.userId,
  ]);
  const owner = randomSub();
  const [row] = await register(tenantA, owner, 'owner@example.com');
  t.ok(row.userId, 'the real owner registers with their verified address');
  t.match(
    await rejection(register(tenantA, randomSub(), 'owner@example.com')),
    { sqlState: 'PT409', code: 'email_already_registered' },
    'a second identity with the same verified address is refused',
  );
});

t.test('an email change follows the identity provider (sp_sync_user_email)', async (t) => {
  const dora = await makeUser(db, tenantA, 'Dora');
  const sync = (email: string | undefined, sub = dora.sub) =>
    db.withContext(
      { tenantId: tenantA, actorKind: 'user', actorId: sub, requestId: 'sync', verifiedEmail: email },
      (c) => identity.syncUserEmail.run(undefined, c),
    );
  t.match(await rejection(sync(undefined)), { sqlState: 'PT403', code: 'email_not_verified' });
  t.match(await rejection(sync(bob.email)), { sqlState: 'PT409', code: 'email_already_registered' });
  const [profile] = await sync('dora.new@example.com');
  t.equal(profile.email, 'dora.new@example.com', 'the user has the new verified email');
  const [persona] = await db.as(dora, (c) => identity.getPersona.run({ personaId: dora.personaId }, c));
  t.same(
    (persona.emails as Array<{ email: string; isPrimary: boolean }>).map((e) => [e.email, e.isPrimary]),
    [
      ['dora.new@example.com', true],
      [dora.email, false],
    ],
    "the persona's primary email follows; the old one stays as a secondary one",
  );
  const [again] = await sync(dora.email);
  t.equal(again.email, dora.email, 'back to the old address: no duplicate contact');
  t.match(await rejection(sync('x@example.com', randomSub())), { sqlState: 'PT403', code: 'user_not_registered' });
});

t.test('an unregistered identity may call nothing but registration', async (t) => {
  const stranger = randomSub();
  t.match(await rejection(db.asUser(tenantA, stranger, (c) => identity.getCurrentUser.run(undefined, c))), {
    sqlState: 'PT403',
    code: 'user_not_registered',
  });
  t.match(
    await rejection(
      db.asUser(tenantA, stranger, (c) => identity.createPersona.run({ firstName: 'A', lastName: 'B' }, c)),
    ),
    { code: 'user_not_registered' },
  );
  // Alice's subject presented with tenant B's context is a stranger there.
  t.match(await rejection(db.asUser(tenantB, alice.sub, (c) => identity.getCurrentUser.run(undefined, c))), {
    code: 'user_not_registered',
  });
});

t.test('no tenant context, an empty one or no actor is refused', async (t) => {
  const none = { tenantId: null, actorKind: 'user' as const, actorId: alice.sub, requestId: 'r1' };
  t.match(await rejection(db.withContext(none, (c) => identity.getCurrentUser.run(undefined, c))), {
    sqlState: '42501',
    code: 'tenant_context_missing',
  });
  t.match(
    await rejection(
      db.withContext({ ...none, tenantId: tenantA, actorId: '' }, (c) => identity.getCurrentUser.run(undefined, c)),
    ),
    { sqlState: '42501', code: 'user_context_missing' },
  );
  t.match(
    await rejection(
      db.withContext({ ...none, tenantId: tenantA, actorKind: 'support' }, (c) =>
        identity.getCurrentUser.run(undefined, c),
      ),
    ),
    { sqlState: '42501', code: 'user_context_missing' },
    'a support actor cannot use tenant procedures',
  );
  // Outside any transaction-local context (a bare call on a fresh connection).
  const client = await db.api.connect();
  try {
    t.match(await rejection(identity.getCurrentUser.run(undefined, client)), {
      sqlState: '42501',
      code: 'tenant_context_missing',
    });
  } finally {
    client.release();
  }
});

t.test('personas: create, read, update, list', async (t) => {
  const [child] = await asAlice((c) =>
    identity.createPersona.run({ firstName: 'Charlie', lastName: 'Tester', dateOfBirth: '2015-06-01' }, c),
  );
  t.equal(child.isMinor, true, 'a child born in 2015 is a minor');
  t.equal(child.livingStatus, 'living');
  const [updated] = await asAlice((c) =>
    identity.updatePersona.run({ personaId: child.personaId, preferredName: 'Chuck', middleName: 'J' }, c),
  );
  t.equal(updated.preferredName, 'Chuck', 'update changes the given field');
  t.equal(updated.firstName, 'Charlie', 'and keeps the others');
  const [cleared] = await asAlice((c) => identity.updatePersona.run({ personaId: child.personaId, middleName: '' }, c));
  t.equal(cleared.middleName, null, 'an empty string clears an optional name');
  const list = await asAlice((c) => identity.listMyPersonas.run({ limit: 50, offset: 0 }, c));
  t.same(
    list.map((p) => [p.personaId, p.linkKind]),
    [
      [alice.personaId, 'self'],
      [child.personaId, 'delegate'],
    ],
    'own persona first, then managed ones',
  );
  t.match(
    await rejection(
      asAlice((c) =>
        identity.createPersona.run(
          { firstName: 'X', lastName: 'Y', livingStatus: 'living', dateOfDeath: '2020-01-01' },
          c,
        ),
      ),
    ),
    { sqlState: 'PT400', code: 'invalid_date_of_death' },
  );
  t.match(
    await rejection(
      asAlice((c) => identity.createPersona.run({ firstName: 'X', lastName: 'Y', livingStatus: 'zombie' }, c)),
    ),
    { sqlState: 'PT400', code: 'invalid_living_status' },
  );
  const [late] = await asAlice((c) =>
    identity.createPersona.run(
      {
        firstName: 'Grand',
        lastName: 'Pa',
        livingStatus: 'deceased',
        dateOfBirth: '1920-01-01',
        dateOfDeath: '2001-02-03',
      },
      c,
    ),
  );
  t.equal(late.dateOfDeath, '2001-02-03', 'a deceased persona keeps the date of death as a plain date');
});

t.test("another user's persona, another tenant's persona and a made-up id all look the same: not found", async (t) => {
  const [bobsChild] = await asBob((c) => identity.createPersona.run({ firstName: 'Dora', lastName: 'Bobson' }, c));
  const attempts = {
    "another user's persona": bobsChild.personaId,
    "another tenant's persona": mallory.personaId,
    'an id that does not exist': crypto.randomUUID(),
  };
  for (const [what, personaId] of Object.entries(attempts)) {
    for (const [name, call] of Object.entries({
      get: () => asAlice((c) => identity.getPersona.run({ personaId }, c)),
      update: () => asAlice((c) => identity.updatePersona.run({ personaId, firstName: 'Hacked' }, c)),
      'add email': () =>
        asAlice((c) =>
          identity.addPersonaEmail.run({ personaId, email: 'x@example.com', label: 'personal', isPrimary: false }, c),
        ),
      'add phone': () =>
        asAlice((c) =>
          identity.addPersonaPhone.run(
            { personaId, phoneNumber: '+14155550123', label: 'mobile', isPrimary: false },
            c,
          ),
        ),
      'add address': () =>
        asAlice((c) =>
          identity.addPersonaAddress.run(
            { personaId, line1: '1 Main St', city: 'Town', countryCode: 'US', label: 'home', isPrimary: false },
            c,
          ),
        ),
      'remove contact': () =>
        asAlice((c) =>
          identity.removePersonaContact.run({ personaId, contactKind: 'email', contactId: crypto.randomUUID() }, c),
        ),
      'relate to': () =>
        asAlice((c) =>
          identity.recordPersonaRelationship.run(
            { personaId: alice.personaId, relatedPersonaId: personaId, relationshipType: 'child' },
            c,
          ),
        ),
      'link self to': () =>
        asAlice((c) => identity.linkUserPersona.run({ userId: alice.userId, personaId, linkKind: 'delegate' }, c)),
    })) {
      const refused = await rejection(call());
      t.same(
        [refused.sqlState, refused.code, refused.message],
        ['PT404', 'persona_not_found', 'persona not found'],
        `${name} on ${what}`,
      );
    }
  }
  const [still] = await asBob((c) => identity.getPersona.run({ personaId: bobsChild.personaId }, c));
  t.equal(still.firstName, 'Dora', "the other user's persona is unchanged");
  const [mallorys] = await asMallory((c) => identity.getPersona.run({ personaId: mallory.personaId }, c));
  t.equal(mallorys.firstName, 'Mallory', "the other tenant's persona is unchanged");
});

t.test('contact data: add, primary flag, duplicates, removal, malformed input', async (t) => {
  const personaId = alice.personaId;
  const [{ contactId: work }] = await asAlice((c) =>
    identity.addPersonaEmail.run({ personaId, email: 'Alice.Work@Example.com', label: 'work', isPrimary: true }, c),
  );
  const [{ contactId: phone }] = await asAlice((c) =>
    identity.addPersonaPhone.run({ personaId, phoneNumber: '+1 (415) 555-0123', label: 'mobile', isPrimary: true }, c),
  );
  await asAlice((c) =>
    identity.addPersonaAddress.run(
      {
        personaId,
        line1: '1 Main St',
        city: 'Springfield',
        countryCode: 'us',
        region: 'IL',
        postalCode: '62701',
        label: 'home',
        isPrimary: true,
      },
      c,
    ),
  );
  const [persona] = await asAlice((c) => identity.getPersona.run({ personaId }, c));
  const emails = persona.emails as Array<{ id: string; email: string; isPrimary: boolean }>;
  t.same(
    emails.filter((e) => e.isPrimary).map((e) => e.email),
    ['alice.work@example.com'],
    'a new primary email demotes the old one, and is lower-cased',
  );
  t.same(
    (persona.phones as Array<{ phoneNumber: string }>).map((p) => p.phoneNumber),
    ['+14155550123'],
    'phone numbers are stored in E.164',
  );
  t.same(
    (persona.addresses as Array<{ countryCode: string }>).map((a) => a.countryCode),
    ['US'],
    'country codes are upper-cased',
  );
  t.match(
    await rejection(
      asAlice((c) =>
        identity.addPersonaEmail.run(
          { personaId, email: 'ALICE.work@example.com', label: 'work', isPrimary: false },
          c,
        ),
      ),
    ),
    { sqlState: 'PT409', code: 'contact_exists' },
  );
  t.match(
    await rejection(
      asAlice((c) =>
        identity.addPersonaPhone.run({ personaId, phoneNumber: '555-0123', label: 'mobile', isPrimary: false }, c),
      ),
    ),
    { sqlState: 'PT400', code: 'invalid_phone_number' },
  );
  t.match(
    await rejection(
      asAlice((c) =>
        identity.addPersonaAddress.run(
          { personaId, line1: '1 Main', city: 'X', countryCode: 'USA', label: 'home', isPrimary: false },
          c,
        ),
      ),
    ),
    { sqlState: 'PT400', code: 'invalid_country_code' },
  );
  t.match(
    await rejection(
      asAlice((c) =>
        identity.addPersonaEmail.run({ personaId, email: 'a@b.co', label: 'secret', isPrimary: false }, c),
      ),
    ),
    { sqlState: 'PT400', code: 'invalid_label' },
  );
  t.match(
    await rejection(
      asAlice((c) => identity.removePersonaContact.run({ personaId, contactKind: 'fax', contactId: work }, c)),
    ),
    { sqlState: 'PT400', code: 'invalid_contact_kind' },
  );
  await asAlice((c) => identity.removePersonaContact.run({ personaId, contactKind: 'phone', contactId: phone }, c));
  t.match(
    await rejection(
      asAlice((c) => identity.removePersonaContact.run({ personaId, contactKind: 'phone', contactId: phone }, c)),
    ),
    { sqlState: 'PT404', code: 'contact_not_found' },
    'a removed contact is gone',
  );
  // Bob cannot remove Alice's email even knowing its id, and it survives.
  t.match(
    await rejection(
      asBob((c) => identity.removePersonaContact.run({ personaId, contactKind: 'email', contactId: work }, c)),
    ),
    { code: 'persona_not_found' },
  );
  t.match(
    await rejection(
      asBob((c) =>
        identity.removePersonaContact.run({ personaId: bob.personaId, contactKind: 'email', contactId: work }, c),
      ),
    ),
    { code: 'contact_not_found' },
    "naming one's own persona does not reach another persona's contact",
  );
});

t.test('relationships between personas the user acts for', async (t) => {
  const [spouse] = await asAlice((c) => identity.createPersona.run({ firstName: 'Sam', lastName: 'Tester' }, c));
  const [{ relationshipId }] = await asAlice((c) =>
    identity.recordPersonaRelationship.run(
      { personaId: alice.personaId, relatedPersonaId: spouse.personaId, relationshipType: 'spouse' },
      c,
    ),
  );
  t.ok(relationshipId, 'recorded');
  const [persona] = await asAlice((c) => identity.getPersona.run({ personaId: alice.personaId }, c));
  t.same(
    (persona.relationships as Array<{ relatedPersonaId: string; relationshipType: string }>).map((r) => [
      r.relatedPersonaId,
      r.relationshipType,
    ]),
    [[spouse.personaId, 'spouse']],
  );
  t.match(
    await rejection(
      asAlice((c) =>
        identity.recordPersonaRelationship.run(
          { personaId: alice.personaId, relatedPersonaId: spouse.personaId, relationshipType: 'spouse' },
          c,
        ),
      ),
    ),
    { sqlState: 'PT409', code: 'relationship_exists' },
  );
  t.match(
    await rejection(
      asAlice((c) =>
        identity.recordPersonaRelationship.run(
          { personaId: alice.personaId, relatedPersonaId: alice.personaId, relationshipType: 'spouse' },
          c,
        ),
      ),
    ),
    { sqlState: 'PT400', code: 'invalid_relationship' },
  );
  t.match(
    await rejection(
      asAlice((c) =>
        identity.recordPersonaRelationship.run(
          { personaId: alice.personaId, relatedPersonaId: spouse.personaId, relationshipType: 'nemesis' },
          c,
        ),
      ),
    ),
    { sqlState: 'PT400', code: 'invalid_relationship_type' },
  );
});

t.test('a delegate link is an invitation the user accepts (finding 4)', async (t) => {
  const [child] = await asAlice((c) => identity.createPersona.run({ firstName: 'Eve', lastName: 'Tester' }, c));
  const invite = (userId: string) =>
    asAlice((c) => identity.linkUserPersona.run({ userId, personaId: child.personaId, linkKind: 'delegate' }, c));
  const [invited] = await invite(bob.userId);
  t.same(
    { ...invited },
    { linkId: null, userId: bob.userId, personaId: child.personaId, linkKind: 'delegate', status: 'invited' },
  );
  t.match(
    await rejection(asBob((c) => identity.getPersona.run({ personaId: child.personaId }, c))),
    { code: 'persona_not_found' },
    'until he accepts, Bob cannot see the child',
  );
  const bobsPersonas = await asBob((c) => identity.listMyPersonas.run({ limit: 50, offset: 0 }, c));
  t.notOk(
    bobsPersonas.some((p) => p.personaId === child.personaId),
    'nor does the child show in his list',
  );

  // No existence oracle: another tenant's user, a random id, a deactivated user, oneself and an
  // already invited user all get the invited user's answer, and nothing is stored for them.
  const gone = await makeUser(db, tenantA, 'Gone');
  await db.as(gone, (c) => identity.deactivateUser.run(undefined, c));
  for (const [who, userId] of [
    ["another tenant's user", mallory.userId],
    ['a random id', crypto.randomUUID()],
    ['a deactivated user', gone.userId],
    ['the linker', alice.userId],
    ['an already invited user', bob.userId],
  ] as const) {
    const [answer] = await invite(userId);
    t.same({ ...answer }, { ...invited, userId }, `${who}: the same answer`);
  }
  const { rows } = await db.admin.query(
    'select invited_user_id from app.persona_link_invitations where persona_id = $1',
    [child.personaId],
  );
  t.same(
    rows.map((r) => r.invited_user_id),
    [bob.userId],
    'one invitation, to Bob',
  );

  const [pending] = await asBob((c) => identity.listMyLinkInvitations.run({ limit: 50, offset: 0 }, c));
  t.match(pending, {
    personaId: child.personaId,
    personaFirstName: 'Eve',
    invitedByFirstName: 'Alice',
  });
  t.same(
    await asAlice((c) => identity.listMyLinkInvitations.run({ limit: 50, offset: 0 }, c)),
    [],
    'the linker has none',
  );

  // Only Bob may answer it: Alice, Mallory, a random id all get the same 404.
  for (const [who, call] of [
    ['the linker', () => asAlice((c) => identity.acceptLinkInvitation.run({ invitationId: pending.invitationId }, c))],
    [
      "another tenant's user",
      () => asMallory((c) => identity.acceptLinkInvitation.run({ invitationId: pending.invitationId }, c)),
    ],
    ['a random id', () => asBob((c) => identity.acceptLinkInvitation.run({ invitationId: crypto.randomUUID() }, c))],
    [
      'a decline by the linker',
      () => asAlice((c) => identity.declineLinkInvitation.run({ invitationId: pending.invitationId }, c)),
    ],
  ] as const) {
    const refused = await rejection(call());
    t.same(
      [refused.sqlState, refused.code, refused.message],
      ['PT404', 'link_invitation_not_found', 'invitation not found'],
      who,
    );
  }

  const [link] = await asBob((c) => identity.acceptLinkInvitation.run({ invitationId: pending.invitationId }, c));
  t.match(link, { userId: bob.userId, personaId: child.personaId, linkKind: 'delegate', status: 'linked' });
  const [seen] = await asBob((c) => identity.getPersona.run({ personaId: child.personaId }, c));
  t.equal(seen.firstName, 'Eve', 'after accepting, Bob acts for the child');
  t.same(
    await asBob((c) => identity.acceptLinkInvitation.run({ invitationId: pending.invitationId }, c)),
    [link],
    'accepting again answers as the first time (issue 10: a retry whose answer was lost)',
  );
  t.match(
    await rejection(asAlice((c) => identity.acceptLinkInvitation.run({ invitationId: pending.invitationId }, c))),
    { sqlState: 'PT404', code: 'link_invitation_not_found' },
    'the accepted invitation still answers anyone else 404',
  );
  const [again] = await invite(bob.userId);
  t.same({ ...again }, { ...invited }, 'inviting a linked user answers the same');
  t.same(await asBob((c) => identity.listMyLinkInvitations.run({ limit: 50, offset: 0 }, c)), [], 'and invites nobody');
});

t.test('an invitation can be declined, or revoked by the linker', async (t) => {
  const carl = await makeUser(db, tenantA, 'Carl');
  const asCarl = <T>(fn: Parameters<typeof db.asUser<T>>[2]) => db.as(carl, fn);
  const [ward] = await asAlice((c) => identity.createPersona.run({ firstName: 'Walt', lastName: 'Tester' }, c));
  const invite = () =>
    asAlice((c) =>
      identity.linkUserPersona.run({ userId: carl.userId, personaId: ward.personaId, linkKind: 'delegate' }, c),
    );
  await invite();
  const [first] = await asCarl((c) => identity.listMyLinkInvitations.run({ limit: 50, offset: 0 }, c));
  await asCarl((c) => identity.declineLinkInvitation.run({ invitationId: first.invitationId }, c));
  t.same(
    await asCarl((c) => identity.listMyLinkInvitations.run({ limit: 50, offset: 0 }, c)),
    [],
    'declined: no longer pending',
  );
  t.match(
    await rejection(asCarl((c) => identity.acceptLinkInvitation.run({ invitationId: first.invitationId }, c))),
    { code: 'link_invitation_not_found' },
    'a declined invitation cannot be accepted after all',
  );
  t.match(await rejection(asCarl((c) => identity.getPersona.run({ personaId: ward.personaId }, c))), {
    code: 'persona_not_found',
  });

  await invite();
  const [second] = await asCarl((c) => identity.listMyLinkInvitations.run({ limit: 50, offset: 0 }, c));
  t.match(
    await rejection(
      asMallory((c) => identity.revokeLinkInvitation.run({ personaId: ward.personaId, userId: carl.userId }, c)),
    ),
    { sqlState: 'PT404', code: 'persona_not_found' },
    "another tenant's user cannot revoke",
  );
  t.match(
    await rejection(
      asBob((c) => identity.revokeLinkInvitation.run({ personaId: ward.personaId, userId: carl.userId }, c)),
    ),
    { sqlState: 'PT404', code: 'persona_not_found' },
    'nor can a user who does not act for the persona',
  );
  await asAlice((c) => identity.revokeLinkInvitation.run({ personaId: ward.personaId, userId: carl.userId }, c));
  await asAlice((c) =>
    identity.revokeLinkInvitation.run({ personaId: ward.personaId, userId: crypto.randomUUID() }, c),
  );
  t.pass('revoking answers the same with or without a pending invitation');
  t.match(
    await rejection(asCarl((c) => identity.acceptLinkInvitation.run({ invitationId: second.invitationId }, c))),
    { code: 'link_invitation_not_found' },
    'a revoked invitation cannot be accepted',
  );

  // An invitation whose linker no longer acts for the persona is void.
  const [orphan] = await asAlice((c) => identity.createPersona.run({ firstName: 'Olga', lastName: 'Tester' }, c));
  await asAlice((c) =>
    identity.linkUserPersona.run({ userId: carl.userId, personaId: orphan.personaId, linkKind: 'delegate' }, c),
  );
  const [third] = await asCarl((c) => identity.listMyLinkInvitations.run({ limit: 50, offset: 0 }, c));
  await db.admin.query('delete from app.user_personas where user_id = $1 and persona_id = $2', [
    alice.userId,
    orphan.personaId,
  ]);
  t.match(
    await rejection(asCarl((c) => identity.acceptLinkInvitation.run({ invitationId: third.invitationId }, c))),
    { code: 'link_invitation_not_found' },
    "the linker's access is gone: the invitation is void",
  );
});

t.test('a self link is only for the signed-in user', async (t) => {
  const [child] = await asAlice((c) => identity.createPersona.run({ firstName: 'Sam', lastName: 'Tester' }, c));
  for (const userId of [bob.userId, crypto.randomUUID(), mallory.userId]) {
    t.match(
      await rejection(
        asAlice((c) => identity.linkUserPersona.run({ userId, personaId: child.personaId, linkKind: 'self' }, c)),
      ),
      { sqlState: 'PT403', code: 'self_link_not_allowed' },
      'any other id, existing or not, gets the same answer',
    );
  }
  t.match(
    await rejection(
      asAlice((c) =>
        identity.linkUserPersona.run({ userId: alice.userId, personaId: child.personaId, linkKind: 'self' }, c),
      ),
    ),
    { sqlState: 'PT409', code: 'self_link_exists' },
  );
  t.match(
    await rejection(
      asAlice((c) =>
        identity.linkUserPersona.run({ userId: bob.userId, personaId: child.personaId, linkKind: 'owner' }, c),
      ),
    ),
    { sqlState: 'PT400', code: 'invalid_link_kind' },
  );
});

t.test('sign-in is recorded once per session and deactivation locks the user out', async (t) => {
  const carol = await makeUser(db, tenantA, 'Carol');
  const asCarol = <T>(fn: Parameters<typeof db.asUser<T>>[2]) => db.asUser(tenantA, carol.sub, fn);
  const [first] = await asCarol((c) =>
    identity.authenticateUser.run({ sessionRef: 'session-1', userAgent: 'tap', ipAddress: '127.0.0.1' }, c),
  );
  t.ok(first.lastLoginAt, 'the sign-in sets last login');
  await asCarol((c) => identity.authenticateUser.run({ sessionRef: 'session-1' }, c));
  const { rows } = await db.admin.query(
    'select count(*)::int as n from app.user_sessions where tenant_id = $1 and user_id = $2',
    [tenantA, carol.userId],
  );
  t.equal(rows[0].n, 1, 'the same session is recorded once');
  t.match(await rejection(asCarol((c) => identity.authenticateUser.run({ sessionRef: '' }, c))), {
    sqlState: 'PT400',
    code: 'invalid_session_ref',
  });
  const [gone] = await asCarol((c) => identity.deactivateUser.run(undefined, c));
  t.equal(gone.status, 'deactivated');
  t.match(await rejection(asCarol((c) => identity.getCurrentUser.run(undefined, c))), {
    sqlState: 'PT403',
    code: 'user_inactive',
  });
  t.match(
    await rejection(asCarol((c) => identity.authenticateUser.run({ sessionRef: 'session-2' }, c))),
    { code: 'user_inactive' },
    'a deactivated user cannot sign in',
  );
});

t.test('the tenant-traffic role touches no table directly', async (t) => {
  for (const table of [
    'app.users',
    'app.personas',
    'app.tenants',
    'app.persona_emails',
    'audit.audit_log',
    'migrations.applied_migrations',
  ]) {
    const refused = await rejection(db.api.query(`select * from ${table} limit 1`));
    t.equal(refused.sqlState, '42501', `select from ${table} is permission denied`);
  }
  t.equal(
    (await rejection(db.api.query(`insert into app.tenants (slug, name) values ('x', 'y')`))).sqlState,
    '42501',
    'insert is permission denied',
  );
  t.equal(
    (await rejection(db.api.query(`select app.current_tenant_id()`))).sqlState,
    '42501',
    'internal helpers are not executable',
  );
  t.equal(
    (await rejection(db.api.query(`create table public.x (id int)`))).sqlState,
    '42501',
    'nothing can be created in public',
  );
});

t.test('the audit log records who changed what, redacts PII, and is append-only', async (t) => {
  const { rows } = await db.admin.query(
    `select actor_kind, actor_id, operation, changed_columns, changes from audit.audit_log
      where tenant_id = $1 and table_name = 'app.personas' and row_id = $2::text order by id`,
    [tenantA, alice.personaId],
  );
  t.ok(rows.length >= 1, 'the persona insert is audited');
  t.equal(rows[0].actor_kind, 'user');
  t.equal(rows[0].actor_id, alice.sub, 'with the acting subject');
  t.equal(rows[0].changes.first_name, '[redacted]', 'names are redacted');
  t.equal(rows[0].changes.living_status, 'living', 'other values are kept');
  const { rows: all } = await db.admin.query(`select changes::text as c from audit.audit_log where tenant_id = $1`, [
    tenantA,
  ]);
  t.notOk(
    all.some((r) => r.c?.includes(alice.email)),
    'no audit row holds an email in clear',
  );
  const owner = await db.admin.connect();
  try {
    await owner.query('begin; set local role estate_owner');
    t.equal(
      (await rejection(owner.query('update audit.audit_log set actor_id = $1', ['x']))).code,
      'audit_log_append_only',
      'UPDATE is rejected even for the owner',
    );
    await owner.query('rollback; begin; set local role estate_owner');
    t.equal(
      (await rejection(owner.query('delete from audit.audit_log'))).code,
      'audit_log_append_only',
      'DELETE is rejected even for the owner',
    );
    await owner.query('rollback');
  } finally {
    owner.release();
  }
});
