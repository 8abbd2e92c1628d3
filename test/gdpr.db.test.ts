// GDPR in the database: consents are an append-only history; an export holds the user's own data
// and none of a co-owner's; an erasure leaves nothing any tenant or support procedure finds by
// name, email or subject, keeps the ledger's anchors, and is refused while it would harm a
// co-owner or a circle; requests carry a 30-day deadline and a trail; another user's, another
// tenant's and a made-up request id get the same answer.
import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import t from 'tap';
import { makeTenant, makeUser, rejection, testDatabase, type TestUser } from './helpers/db.ts';
import * as gdpr from '../generated/gdpr.queries.ts';
import * as assets from '../generated/assets.queries.ts';
import * as ffc from '../generated/family_circles.queries.ts';
import * as estate from '../generated/estate.queries.ts';
import * as identity from '../generated/identity.queries.ts';
import * as support from '../generated/support.queries.ts';
import * as emergencyAccess from '../generated/emergency_access.queries.ts';
import * as fiduciaries from '../generated/fiduciaries.queries.ts';
import * as life from '../generated/life_events.queries.ts';

const db = await testDatabase(t);
const tenant = await makeTenant(db, 'gdpr');
const elsewhere = await makeTenant(db, 'gdpr-away');
const as = db.as;

type CreateParams = Parameters<typeof assets.createAsset.run>[0];
const createAsset = (owner: TestUser, overrides: Partial<CreateParams>) =>
  as(owner, (c) =>
    assets.createAsset.run(
      {
        assetType: 'misc',
        categoryCode: 'other',
        name: 'Thing',
        currency: 'USD',
        ownerPersonaId: owner.personaId,
        initialValue: '1000.00',
        valuedOn: '2026-01-15',
        details: {},
        ownershipPercentage: '100',
        ownershipForm: 'sole',
        valuationSource: 'manual',
        ...overrides,
      },
      c,
    ),
  );

/** Makes `guest` a member of a circle `host` owns (so shares can name each other). */
async function joinCircle(host: TestUser, guest: TestUser, name: string) {
  const [circle] = await as(host, (c) => ffc.createFfc.run({ name }, c));
  const [invite] = await as(host, (c) =>
    ffc.inviteFfcMember.run({ ffcId: circle.ffcId, email: guest.email, role: 'member', validHours: 1 }, c),
  );
  await as(guest, (c) => ffc.acceptFfcInvitation.run({ token: invite.token }, c));
  return circle;
}

t.test('consents: an append-only history whose newest row per purpose is the state now', async (t) => {
  const user = await makeUser(db, tenant, 'Connie');
  const give = (purpose: string, decision: string, version = '2026-01') =>
    as(user, (c) => gdpr.recordConsent.run({ purpose, version, decision }, c));
  t.match(await rejection(give('marketing_email', 'withdrawn')), { sqlState: 'PT409', code: 'consent_not_given' });
  const [given] = await give('marketing_email', 'given');
  t.match(given, { purpose: 'marketing_email', version: '2026-01', decision: 'given', isCurrent: true });
  await give('privacy_policy', 'given', '2026-02');
  const [withdrawn] = await give('marketing_email', 'withdrawn');
  t.equal(withdrawn.decision, 'withdrawn');
  const history = await as(user, (c) => gdpr.listMyConsents.run({ limit: 10, offset: 0 }, c));
  t.equal(history.length, 3, 'every decision is kept');
  t.same(
    history.filter((row) => row.isCurrent).map((row) => [row.purpose, row.decision]),
    [
      ['marketing_email', 'withdrawn'],
      ['privacy_policy', 'given'],
    ],
    'the newest row of each purpose is current',
  );
  for (const [purpose, version, decision, code] of [
    ['spam', '1', 'given', 'invalid_purpose'],
    ['marketing_email', 'v 1', 'given', 'invalid_version'],
    ['marketing_email', '1', 'maybe', 'invalid_decision'],
  ]) {
    t.match(await rejection(give(purpose, decision, version)), { sqlState: 'PT400', code });
  }
  t.match(
    await rejection(
      db.admin.query(`update app.consent_records set decision = 'given' where id = $1`, [withdrawn.consentId]),
    ),
    { code: 'history_append_only' },
    'not even the owner rewrites a consent record',
  );
  const other = await makeUser(db, tenant, 'Other');
  t.same(await as(other, (c) => gdpr.listMyConsents.run({ limit: 10, offset: 0 }, c)), [], "no one sees another's");
});

t.test("an export holds the user's own data and none of a co-owner's", async (t) => {
  const alice = await makeUser(db, tenant, 'Alice', 'family');
  const frank = await makeUser(db, tenant, 'Frank');
  await as(alice, (c) =>
    identity.addPersonaPhone.run(
      { personaId: alice.personaId, phoneNumber: '+15555550101', label: 'mobile', isPrimary: true },
      c,
    ),
  );
  await as(frank, (c) =>
    identity.addPersonaPhone.run(
      { personaId: frank.personaId, phoneNumber: '+15555550999', label: 'mobile', isPrimary: true },
      c,
    ),
  );
  await joinCircle(alice, frank, 'Boat club');
  const [own] = await createAsset(alice, {
    assetType: 'bank_account',
    categoryCode: 'checking',
    name: 'Alice checking',
    details: { institutionName: 'First Bank', accountKind: 'checking' },
    identifierCiphertext: Buffer.from('sealed-by-the-api'),
    identifierLast4: '7890',
  });
  const [boat] = await createAsset(alice, { name: 'Shared boat', ownershipPercentage: '60' });
  await as(alice, (c) =>
    assets.assignAssetToPersona.run(
      { assetId: boat.assetId, personaId: frank.personaId, percentage: '40', ownershipForm: 'tenants_in_common' },
      c,
    ),
  );

  const before = Date.now();
  const [request] = await as(alice, (c) => gdpr.createDataRequest.run({ kind: 'export' }, c));
  t.match(request, { kind: 'export', status: 'completed', refusalCode: null });
  t.equal(request.dueAt.getTime() - request.receivedAt.getTime(), 30 * 24 * 3600 * 1000, 'due 30 days after receipt');
  t.ok(request.receivedAt.getTime() >= before - 5000, 'received now');
  t.equal(
    request.archiveExpiresAt!.getTime() - request.completedAt!.getTime(),
    7 * 24 * 3600 * 1000,
    'the archive is kept 7 days',
  );
  t.same(
    (request.events as Array<{ toStatus: string }>).map((e) => e.toStatus),
    ['received', 'in_progress', 'completed'],
    'every state is in the trail',
  );

  const [archive] = await as(alice, (c) => gdpr.getDataExport.run({ requestId: request.requestId }, c));
  const files = archive.files as Record<string, unknown>;
  t.same(Object.keys(files).sort(), [
    'api_keys.json',
    'assets.json',
    'audit.json',
    'billing.json',
    'circles.json',
    'consents.json',
    'data_requests.json',
    'estate.json',
    'identity.json',
    'legacy.json',
    'net_worth.json',
    'personas.json',
    'sessions.json',
    'support_access.json',
    'valuations.json',
    'vault.json',
  ]);
  t.match(files['identity.json'], { userId: alice.userId, email: alice.email });
  t.match(files['legacy.json'], { emergencyAccess: Array, fiduciaries: Array, lifeEvents: Array });
  const personas = files['personas.json'] as { own: Array<Record<string, unknown>> };
  t.match(personas.own, [
    { personaId: alice.personaId, firstName: 'Alice', phones: [{ phoneNumber: '+15555550101' }] },
  ]);
  const exported = files['assets.json'] as Array<Record<string, unknown>>;
  t.same(exported.map((a) => a.name).sort(), ['Alice checking', 'Shared boat']);
  const boatRow = exported.find((a) => a.assetId === boat.assetId)!;
  t.match(boatRow, { coOwned: true, myShares: [{ personaId: alice.personaId, percentage: '60.0000' }] });
  t.equal((boatRow.myShares as unknown[]).length, 1, "the co-owner's share is left out");
  const checking = exported.find((a) => a.assetId === own.assetId)!;
  t.equal(checking.identifierSealed, Buffer.from('sealed-by-the-api').toString('base64'), 'the sealed account number');
  t.match(files['net_worth.json'], [{ personaId: alice.personaId, currency: 'USD', assets: '1600.00' }]);
  const text = JSON.stringify(files);
  for (const [what, value] of [
    ["the co-owner's persona id", frank.personaId],
    ["the co-owner's user id", frank.userId],
    ["the co-owner's email", frank.email],
    ["the co-owner's phone", '+15555550999'],
    ["the co-owner's name", 'Frank'],
  ])
    t.notOk(text.includes(value), `${what} is not in the archive`);

  const [got] = await as(alice, (c) => gdpr.getMyDataRequest.run({ requestId: request.requestId }, c));
  t.equal((got.events as Array<{ note: string }>).at(-1)!.note, 'archive downloaded', 'the download is in the trail');

  // Another user's, another tenant's and a made-up id: one answer.
  const stranger = await makeUser(db, elsewhere, 'Stranger');
  for (const [who, caller] of [
    ['another user', frank],
    ['another tenant', stranger],
  ] as const) {
    const calls: Array<(c: pg.PoolClient) => Promise<unknown>> = [
      (c: pg.PoolClient) => gdpr.getMyDataRequest.run({ requestId: request.requestId }, c),
      (c: pg.PoolClient) => gdpr.getDataExport.run({ requestId: request.requestId }, c),
    ];
    for (const call of calls)
      t.match(
        await rejection(as(caller, call)),
        {
          sqlState: 'PT404',
          code: 'data_request_not_found',
        },
        `${who}: data_request_not_found`,
      );
  }
  t.match(await rejection(as(alice, (c) => gdpr.getDataExport.run({ requestId: randomUUID() }, c))), {
    sqlState: 'PT404',
    code: 'data_request_not_found',
  });

  // An old archive is gone; a request that is not an export has none.
  await db.admin.query(`update app.data_subject_requests set completed_at = now() - interval '8 days' where id = $1`, [
    request.requestId,
  ]);
  t.match(await rejection(as(alice, (c) => gdpr.getDataExport.run({ requestId: request.requestId }, c))), {
    sqlState: 'PT410',
    code: 'export_expired',
  });

  // Alice's erasure would take Frank's boat record with it: refused, with the reason, nothing erased.
  const [refused] = await as(alice, (c) => gdpr.createDataRequest.run({ kind: 'erasure' }, c));
  t.match(refused, { kind: 'erasure', status: 'refused', refusalCode: 'erasure_co_owned_assets', outcome: null });
  t.match(refused.refusalReason, /1 asset\(s\) are co-owned/);
  t.ok(refused.completedAt, 'a refusal is an answer: the request is closed');
  t.match(await rejection(as(alice, (c) => gdpr.getDataExport.run({ requestId: refused.requestId }, c))), {
    sqlState: 'PT409',
    code: 'export_not_ready',
  });
  const [me] = await as(alice, (c) => identity.getCurrentUser.run(undefined, c));
  t.match(me, { email: alice.email, firstName: 'Alice', status: 'active' }, 'Alice is untouched');
  const listed = await as(alice, (c) => gdpr.listMyDataRequests.run({ limit: 10, offset: 0 }, c));
  t.same(
    listed.map((r) => [r.kind, r.status]),
    [
      ['erasure', 'refused'],
      ['export', 'completed'],
    ],
  );

  // Support sees the tenant's requests, the requester masked; another tenant's id is not found.
  const seen = await db.asSupport((c) =>
    gdpr.listDataRequests.run({ tenantId: tenant, status: null, kind: 'erasure', limit: 10, offset: 0 }, c),
  );
  t.ok(seen.some((r) => r.requestId === refused.requestId && r.emailMasked === `a***@example.com`));
  t.notOk(JSON.stringify(seen).includes(alice.email), 'never the email in clear');
  const [detail] = await db.asSupport((c) =>
    gdpr.getDataRequest.run({ tenantId: tenant, requestId: refused.requestId }, c),
  );
  t.match(detail, { refusalCode: 'erasure_co_owned_assets', userId: alice.userId });
  t.match(
    await rejection(
      db.asSupport((c) => gdpr.getDataRequest.run({ tenantId: elsewhere, requestId: refused.requestId }, c)),
    ),
    { sqlState: 'PT404', code: 'data_request_not_found' },
  );
});

t.test('an erasure leaves nothing that finds the person, and keeps the ledger anchors', async (t) => {
  const carol = await makeUser(db, tenant, 'Carolyn');
  const helper = await makeUser(db, tenant, 'Helper');
  await as(carol, (c) =>
    identity.addPersonaPhone.run(
      { personaId: carol.personaId, phoneNumber: '+15555550177', label: 'mobile', isPrimary: true },
      c,
    ),
  );
  await as(carol, (c) => gdpr.recordConsent.run({ purpose: 'terms_of_service', version: '1', decision: 'given' }, c));
  const [asset] = await createAsset(carol, { name: 'Carolyn jewellery', description: 'grandmother ring' });
  // A delegate acts for Carolyn's persona: after the erasure, no longer.
  await as(carol, (c) =>
    identity.linkUserPersona.run({ personaId: carol.personaId, userId: helper.userId, linkKind: 'delegate' }, c),
  );
  const [invitation] = await as(helper, (c) =>
    identity.listMyLinkInvitations.run({ sort: null, limit: 5, offset: 0 }, c),
  );
  await as(helper, (c) => identity.acceptLinkInvitation.run({ invitationId: invitation.invitationId }, c));
  t.equal((await as(helper, (c) => identity.listMyPersonas.run({ q: 'carolyn', limit: 5, offset: 0 }, c))).length, 1);

  const [done] = await as(carol, (c) => gdpr.createDataRequest.run({ kind: 'erasure' }, c));
  t.match(done, { kind: 'erasure', status: 'completed', refusalCode: null });
  t.match(done.outcome, { assets: 1, phones: 1, emails: 1, personas: 1, delegateLinks: 1 });

  t.match(
    await rejection(as(carol, (c) => identity.getCurrentUser.run(undefined, c))),
    {
      code: 'user_not_registered',
    },
    'her sign-in no longer finds a user',
  );
  for (const query of [carol.email, 'Carolyn', 'carol', carol.sub, 'Tester']) {
    const found = await db.asSupport((c) =>
      support.findUsers.run({ tenantId: tenant, query, limit: 50, offset: 0 }, c),
    );
    t.notOk(
      found.some((u) => u.userId === carol.userId),
      `support's user search for "${query}" finds nothing`,
    );
  }
  t.same(
    await as(helper, (c) => identity.listMyPersonas.run({ q: 'carolyn', limit: 5, offset: 0 }, c)),
    [],
    'nor the delegate',
  );
  t.match(await rejection(as(helper, (c) => identity.getPersona.run({ personaId: carol.personaId }, c))), {
    code: 'persona_not_found',
  });
  const [personas] = await db.asSupport((c) =>
    support.getUserPersonas.run({ tenantId: tenant, userId: carol.userId }, c),
  );
  t.match(personas, { nameMasked: 'E*** P***', emailsMasked: [], phonesMasked: [], addressesMasked: [] });

  const { rows } = await db.admin.query(
    `select (select count(*) from app.persona_emails where persona_id = $2)::int as emails,
            (select count(*) from app.assets where id = $3)::int as assets,
            (select count(*) from app.user_sessions where user_id = $1)::int as sessions,
            (select count(*) from app.consent_records where user_id = $1)::int as consents,
            (select count(*) from app.subscriptions where user_id = $1)::int as subscriptions,
            (select email from app.users where id = $1) as email,
            (select status from app.users where id = $1) as status`,
    [carol.userId, carol.personaId, asset.assetId],
  );
  t.match(rows[0], {
    emails: 0,
    assets: 0,
    sessions: 0,
    consents: 1,
    subscriptions: 1,
    email: `erased-${carol.userId}@erased.invalid`,
    status: 'deactivated',
  });
  // The audit log kept the rows, never her name, email or phone in clear.
  const audit = await db.admin.query(`select changes::text as changes from audit.audit_log where tenant_id = $1`, [
    tenant,
  ]);
  // Case-insensitively: an asset's search tsvector holds its name's words lower-cased ('carolyn').
  const log = audit.rows
    .map((r) => r.changes)
    .join('\n')
    .toLowerCase();
  for (const value of [carol.email, '+15555550177', 'Carolyn', 'jewellery', 'grandmother'])
    t.notOk(log.includes(value.toLowerCase()), `the audit log holds no ${value} in any case`);
  // Support's reads of older rows (written before the trigger redacted them) mask the search words too.
  const {
    rows: [masked],
  } = await db.admin.query(
    `select app.mask_audit_changes('app.assets', '{"search": "''carolyn'':1", "name": "Carolyn"}') as changes`,
  );
  t.same(masked.changes, { search: '[masked]', name: '[masked]' }, "support never reads an asset's search words");
});

t.test('an erasure is refused while the person is the only owner of a circle with members', async (t) => {
  const dave = await makeUser(db, tenant, 'Dave', 'family');
  const erin = await makeUser(db, tenant, 'Erin');
  await joinCircle(dave, erin, 'Dave family');
  const [refused] = await as(dave, (c) => gdpr.createDataRequest.run({ kind: 'erasure' }, c));
  t.match(refused, { status: 'refused', refusalCode: 'erasure_sole_circle_owner' });
  const [me] = await as(dave, (c) => identity.getCurrentUser.run(undefined, c));
  t.equal(me.firstName, 'Dave');
});

t.test('a request of a kind that does not exist, and a sixth request in a day, are refused', async (t) => {
  const gina = await makeUser(db, tenant, 'Gina');
  t.match(await rejection(as(gina, (c) => gdpr.createDataRequest.run({ kind: 'rectify' }, c))), {
    sqlState: 'PT400',
    code: 'invalid_request_kind',
  });
  for (let i = 0; i < 5; i++) await as(gina, (c) => gdpr.createDataRequest.run({ kind: 'export' }, c));
  t.match(await rejection(as(gina, (c) => gdpr.createDataRequest.run({ kind: 'export' }, c))), {
    sqlState: 'PT429',
    code: 'too_many_data_requests',
  });
  t.match(
    await rejection(
      db.asSupport((c) =>
        gdpr.listDataRequests.run({ tenantId: tenant, status: 'lost', kind: null, limit: 5, offset: 0 }, c),
      ),
    ),
    { code: 'invalid_status' },
  );
});

t.test('an erasure is refused while a paid subscription runs', async (t) => {
  const hal = await makeUser(db, tenant, 'Hal', 'family');
  const [refused] = await as(hal, (c) => gdpr.createDataRequest.run({ kind: 'erasure' }, c));
  t.match(refused, { status: 'refused', refusalCode: 'erasure_paid_subscription' });
  t.match(refused.refusalReason, /cancel it first/);
});

t.test('two withdrawals at once: one is recorded, the other finds nothing to withdraw', async (t) => {
  const ivy = await makeUser(db, tenant, 'Ivy');
  await as(ivy, (c) => gdpr.recordConsent.run({ purpose: 'advisor_sharing', version: '3', decision: 'given' }, c));
  const results = await Promise.allSettled(
    [1, 2].map(() =>
      as(ivy, (c) => gdpr.recordConsent.run({ purpose: 'advisor_sharing', version: '3', decision: 'withdrawn' }, c)),
    ),
  );
  t.equal(results.filter((r) => r.status === 'fulfilled').length, 1, 'one withdrawal');
  const failed = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
  t.equal((failed.reason as { hint?: string }).hint, 'consent_not_given');
  const history = await as(ivy, (c) => gdpr.listMyConsents.run({ limit: 10, offset: 0 }, c));
  t.same(
    history.map((r) => r.decision),
    ['withdrawn', 'given'],
  );
});

t.test('support sees an open request past its deadline as overdue', async (t) => {
  const jo = await makeUser(db, tenant, 'Jo');
  // A request that waited (none does today: each is carried out as it arrives), received 31 days ago.
  const { rows } = await db.admin.query<{ id: string }>(
    `insert into app.data_subject_requests (tenant_id, user_id, kind, status, received_at, due_at)
     values ($1, $2, 'export', 'received', now() - interval '31 days', now() - interval '1 day') returning id`,
    [tenant, jo.userId],
  );
  t.match(
    await rejection(
      db.admin.query(`update app.data_subject_requests set due_at = received_at + interval '60 days' where id = $1`, [
        rows[0].id,
      ]),
    ),
    { sqlState: '23514' },
    'the deadline is 30 days from receipt, never later',
  );
  const open = await db.asSupport((c) =>
    gdpr.listDataRequests.run({ tenantId: tenant, status: 'received', kind: null, limit: 10, offset: 0 }, c),
  );
  t.match(open, [{ requestId: rows[0].id, overdue: true, emailMasked: 'j***@example.com' }]);
});

t.test("a share of a co-owner's asset given during an erasure: the erasure waits, then refuses", async (t) => {
  const kim = await makeUser(db, tenant, 'Kim');
  const lee = await makeUser(db, tenant, 'Lee', 'family');
  await joinCircle(lee, kim, 'Lee and Kim');
  const [house] = await createAsset(lee, { name: 'Lee house', ownershipPercentage: '50' });
  // Lee gives Kim a share and holds the transaction open while Kim asks to be erased.
  let release!: () => void;
  const gate = new Promise<void>((resolve) => (release = resolve));
  let assigned!: () => void;
  const shareWritten = new Promise<void>((resolve) => (assigned = resolve));
  const giving = as(lee, async (c) => {
    await assets.assignAssetToPersona.run(
      { assetId: house.assetId, personaId: kim.personaId, percentage: '50', ownershipForm: 'tenants_in_common' },
      c,
    );
    assigned();
    await gate;
  });
  await shareWritten;
  let settled = false;
  const erasing = as(kim, (c) => gdpr.createDataRequest.run({ kind: 'erasure' }, c)).finally(() => (settled = true));
  await new Promise((resolve) => setTimeout(resolve, 300));
  t.notOk(settled, "the erasure waits on Kim's persona row while the share is being given");
  release();
  await giving;
  const [answer] = await erasing;
  t.match(answer, { status: 'refused', refusalCode: 'erasure_co_owned_assets' }, 'then it sees the share and refuses');
  const { rows } = await db.admin.query(
    `select (select count(*) from app.assets where id = $1)::int as houses,
            (select first_name from app.personas where id = $2) as kim`,
    [house.assetId, kim.personaId],
  );
  t.match(rows[0], { houses: 1, kim: 'Kim' }, "Lee's house and Kim are untouched");
});

t.test(
  'an erasure while a co-owner leaves the circle: it waits, then refuses; members never lose every owner',
  async (t) => {
    const mo = await makeUser(db, tenant, 'Mo', 'family');
    const ned = await makeUser(db, tenant, 'Ned');
    const oz = await makeUser(db, tenant, 'Oz');
    const circle = await joinCircle(mo, ned, 'Mo Ned Oz');
    const [invite] = await as(mo, (c) =>
      ffc.inviteFfcMember.run({ ffcId: circle.ffcId, email: oz.email, role: 'member', validHours: 1 }, c),
    );
    await as(oz, (c) => ffc.acceptFfcInvitation.run({ token: invite.token }, c));
    await as(mo, (c) =>
      ffc.updateFfcMemberRole.run({ ffcId: circle.ffcId, personaId: ned.personaId, role: 'owner' }, c),
    );
    // Mo leaves, holding the transaction open while Ned, now the other owner, asks to be erased.
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let left!: () => void;
    const moLeft = new Promise<void>((resolve) => (left = resolve));
    const leaving = as(mo, async (c) => {
      await ffc.removeFfcMember.run({ ffcId: circle.ffcId, personaId: mo.personaId }, c);
      left();
      await gate;
    });
    await moLeft;
    let settled = false;
    const erasing = as(ned, (c) => gdpr.createDataRequest.run({ kind: 'erasure' }, c)).finally(() => (settled = true));
    await new Promise((resolve) => setTimeout(resolve, 300));
    t.notOk(settled, "the erasure waits on the circle's lock while Mo leaves");
    release();
    await leaving;
    const [answer] = await erasing;
    t.match(answer, { status: 'refused', refusalCode: 'erasure_sole_circle_owner' }, 'then Ned is its only owner');
    const { rows } = await db.admin.query(
      `select persona_id, role from app.ffc_memberships where ffc_id = $1 and status = 'active' order by role`,
      [circle.ffcId],
    );
    t.same(
      rows.map((r) => [r.persona_id, r.role]),
      [
        [oz.personaId, 'member'],
        [ned.personaId, 'owner'],
      ],
      'Oz keeps an owner',
    );
  },
);

t.test('an erasure ends memberships as a removal does: the grants only the circle allowed go', async (t) => {
  const pat = await makeUser(db, tenant, 'Pat', 'family');
  const quinn = await makeUser(db, tenant, 'Quinn');
  const circle = await joinCircle(pat, quinn, 'Pat and Quinn');
  const [car] = await createAsset(pat, { name: 'Pat car' });
  await as(pat, (c) =>
    assets.setAssetPermission.run({ assetId: car.assetId, permission: 'view', granteePersonaId: quinn.personaId }, c),
  );
  const [done] = await as(quinn, (c) => gdpr.createDataRequest.run({ kind: 'erasure' }, c));
  t.match(done, { status: 'completed', outcome: { circleMemberships: 1, grantsDropped: 1 } });
  const { rows } = await db.admin.query(
    `select (select count(*) from app.asset_permissions where grantee_persona_id = $1)::int as grants,
            (select count(*) from app.ffc_memberships where ffc_id = $2 and status = 'active')::int as members`,
    [quinn.personaId, circle.ffcId],
  );
  t.match(rows[0], { grants: 0, members: 1 }, "Pat's grant to the erased persona went with the membership");
});

t.test("an export leaves out someone else's estate plan that names the user", async (t) => {
  const rita = await makeUser(db, tenant, 'Rita', 'family');
  const sam = await makeUser(db, tenant, 'Sam');
  await joinCircle(rita, sam, 'Rita and Sam');
  const [vault] = await createAsset(rita, { name: 'Rita vault' });
  await as(rita, (c) =>
    estate.setAssetBeneficiaries.run(
      {
        assetId: vault.assetId,
        effectiveOn: '2026-01-01',
        primary: JSON.stringify([
          { kind: 'persona', personaId: sam.personaId, percentage: '100', distribution: 'per_capita' },
        ]),
        contingent: '[]',
      },
      c,
    ),
  );
  const [own] = await createAsset(sam, { name: 'Sam bike' });
  await as(sam, (c) =>
    estate.setAssetBeneficiaries.run(
      {
        assetId: own.assetId,
        effectiveOn: '2026-01-01',
        primary: JSON.stringify([{ kind: 'estate', percentage: '100' }]),
        contingent: '[]',
      },
      c,
    ),
  );
  const [request] = await as(sam, (c) => gdpr.createDataRequest.run({ kind: 'export' }, c));
  const [archive] = await as(sam, (c) => gdpr.getDataExport.run({ requestId: request.requestId }, c));
  const files = archive.files as Record<string, { designations: Array<{ assetId: string }> }>;
  t.same(
    files['estate.json'].designations.map((d) => d.assetId),
    [own.assetId],
    "Sam's own plan only: Rita's plan naming Sam is Rita's",
  );
  t.notOk(JSON.stringify(files).includes(vault.assetId), "nothing of Rita's vault");
});

t.test("an erasure is refused while the person's own trust holds assets; the export lists them", async (t) => {
  const uma = await makeUser(db, tenant, 'Uma');
  const [trust] = await as(uma, (c) =>
    estate.createLegalEntity.run(
      {
        entityKind: 'revocable_trust',
        name: 'Uma Living Trust',
        jurisdiction: 'CA',
        effectiveDate: '2020-05-01',
        roles: JSON.stringify([
          { personaId: uma.personaId, role: 'grantor' },
          { personaId: uma.personaId, role: 'trustee' },
        ]),
      },
      c,
    ),
  );
  const [cabin] = await createAsset(uma, { name: 'Uma cabin', ownershipPercentage: '50' });
  await as(uma, (c) =>
    estate.assignAssetToEntity.run(
      { assetId: cabin.assetId, entityId: trust.entityId, percentage: '50', ownershipForm: 'trust_owned' },
      c,
    ),
  );
  // The trust alone holds it now (as after a transfer into the trust).
  await db.admin.query(`delete from app.asset_ownerships where asset_id = $1 and persona_id = $2`, [
    cabin.assetId,
    uma.personaId,
  ]);
  const [request] = await as(uma, (c) => gdpr.createDataRequest.run({ kind: 'export' }, c));
  const [archive] = await as(uma, (c) => gdpr.getDataExport.run({ requestId: request.requestId }, c));
  const exported = (archive.files as Record<string, Array<Record<string, unknown>>>)['assets.json'];
  t.match(
    exported,
    [{ assetId: cabin.assetId, name: 'Uma cabin', entityShares: [{ entityId: trust.entityId }], coOwned: false }],
    "the export holds the trust's assets she controls",
  );
  const [refused] = await as(uma, (c) => gdpr.createDataRequest.run({ kind: 'erasure' }, c));
  t.match(refused, { status: 'refused', refusalCode: 'erasure_controlled_entity_assets' });
  const { rows } = await db.admin.query(`select count(*)::int as n from app.assets where id = $1`, [cabin.assetId]);
  t.equal(rows[0].n, 1, 'the cabin stays');
});

t.test('an erasure is refused while the person alone acts for another persona', async (t) => {
  const vic = await makeUser(db, tenant, 'Vic');
  const [child] = await as(vic, (c) =>
    identity.createPersona.run({ firstName: 'Little', lastName: 'Vic', dateOfBirth: '2020-02-02' }, c),
  );
  const [refused] = await as(vic, (c) => gdpr.createDataRequest.run({ kind: 'erasure' }, c));
  t.match(refused, { status: 'refused', refusalCode: 'erasure_sole_delegate' });
  t.match(refused.refusalReason, /only one acting for 1 other persona/);
  const { rows } = await db.admin.query(`select count(*)::int as n from app.user_personas where persona_id = $1`, [
    child.personaId,
  ]);
  t.equal(rows[0].n, 1, 'the child keeps someone acting for it');
});

t.test(
  "the same Cognito identity registered again after an erasure finds none of the erased user's trail",
  async (t) => {
    const wyn = await makeUser(db, tenant, 'Wyn');
    const [consent] = await as(wyn, (c) =>
      gdpr.recordConsent.run({ purpose: 'marketing_email', version: '1', decision: 'given' }, c),
    );
    const [done] = await as(wyn, (c) => gdpr.createDataRequest.run({ kind: 'erasure' }, c));
    t.equal(done.status, 'completed');
    await new Promise((resolve) => setTimeout(resolve, 20));
    const [again] = await db.withContext(
      {
        tenantId: tenant,
        actorKind: 'user',
        actorId: wyn.sub,
        requestId: `again-${wyn.sub.slice(0, 8)}`,
        verifiedEmail: wyn.email,
      },
      (c) => identity.registerUser.run({ firstName: 'Wyn', lastName: 'Again', dateOfBirth: '1990-01-01' }, c),
    );
    t.not(again.userId, wyn.userId, 'a new, empty user');
    const reborn = { ...wyn, ...again };
    const [request] = await as(reborn, (c) => gdpr.createDataRequest.run({ kind: 'export' }, c));
    const [archive] = await as(reborn, (c) => gdpr.getDataExport.run({ requestId: request.requestId }, c));
    const trail = (archive.files as Record<string, Array<{ rowId: string }>>)['audit.json'];
    t.ok(trail.length > 0, 'the new user has a trail of their own');
    const rowIds = trail.map((row) => row.rowId);
    for (const [what, id] of [
      ['consent', consent.consentId],
      ['erasure request', done.requestId],
      ['persona', wyn.personaId],
    ])
      t.notOk(rowIds.includes(id), `the export's audit.json holds nothing of the erased user's ${what}`);
    const read = await db.asSupport((c) =>
      support.readAuditLog.run(
        { tenantId: tenant, userId: again.userId, personaId: null, requestId: null, limit: 500, offset: 0 },
        c,
      ),
    );
    t.ok(read.length > 0);
    t.notOk(
      read.some((row) => [consent.consentId, done.requestId, wyn.personaId, wyn.userId].includes(row.rowId ?? '')),
      "support's read of the new user shows nothing of the erased one",
    );
    const { rows } = await db.admin.query(
      `select count(*)::int as n from audit.audit_log where table_name = 'app.users' and changes::text like '%' || $1 || '%'`,
      [wyn.sub],
    );
    t.equal(rows[0].n, 0, "the users table's audit rows never hold the Cognito subject");
  },
);

t.test("an export's archive is downloaded at most 5 times; the trail stays short", async (t) => {
  const xia = await makeUser(db, tenant, 'Xia');
  const [request] = await as(xia, (c) => gdpr.createDataRequest.run({ kind: 'export' }, c));
  for (let i = 0; i < 5; i++) await as(xia, (c) => gdpr.getDataExport.run({ requestId: request.requestId }, c));
  t.match(await rejection(as(xia, (c) => gdpr.getDataExport.run({ requestId: request.requestId }, c))), {
    sqlState: 'PT429',
    code: 'export_download_limit',
  });
  const [got] = await as(xia, (c) => gdpr.getMyDataRequest.run({ requestId: request.requestId }, c));
  t.equal((got.events as unknown[]).length, 8, 'received, in progress, completed and 5 downloads');
});

t.test("the audit log keeps no free-text type field about a person's life", async (t) => {
  const yan = await makeUser(db, tenant, 'Yan');
  await createAsset(yan, {
    assetType: 'misc',
    categoryCode: 'other',
    name: 'Box',
    details: { notes: 'Yanfreetext key under the mat' },
  });
  const { rows } = await db.admin.query(
    `select count(*)::int as n from audit.audit_log where tenant_id = $1 and lower(changes::text) like '%yanfreetext%'`,
    [tenant],
  );
  t.equal(rows[0].n, 0, "an asset's notes are redacted in the audit log");
});

t.test('a circle and a trust someone else made, left to the erased person alone, lose their names', async (t) => {
  const bea = await makeUser(db, tenant, 'Bea', 'family');
  const abe = await makeUser(db, tenant, 'Abe');
  const circle = await joinCircle(bea, abe, 'Abe Zanzibar family');
  await as(bea, (c) =>
    ffc.updateFfcMemberRole.run({ ffcId: circle.ffcId, personaId: abe.personaId, role: 'owner' }, c),
  );
  const [trust] = await as(bea, (c) =>
    estate.createLegalEntity.run(
      {
        entityKind: 'revocable_trust',
        name: 'Abe Zanzibar Trust',
        jurisdiction: 'CA',
        effectiveDate: '2020-05-01',
        roles: JSON.stringify([
          { personaId: bea.personaId, role: 'grantor' },
          { personaId: abe.personaId, role: 'grantor' },
          { personaId: abe.personaId, role: 'trustee' },
        ]),
      },
      c,
    ),
  );
  // Bea steps out of both (her trust role ended as an operator would end it).
  await db.admin.query(`delete from app.legal_entity_roles where entity_id = $1 and persona_id = $2`, [
    trust.entityId,
    bea.personaId,
  ]);
  await as(bea, (c) => ffc.removeFfcMember.run({ ffcId: circle.ffcId, personaId: bea.personaId }, c));
  const [done] = await as(abe, (c) => gdpr.createDataRequest.run({ kind: 'erasure' }, c));
  t.match(done, { status: 'completed', outcome: { circlesRenamed: 1, entitiesRenamed: 1 } });
  const { rows } = await db.admin.query(
    `select (select name from app.fwd_family_circles where id = $1) as circle,
            (select name from app.legal_entities where id = $2) as trust`,
    [circle.ffcId, trust.entityId],
  );
  t.same(rows[0], { circle: 'Erased circle', trust: 'Erased entity' });
});

t.test('an erasure ends the legacy plan: grants, appointments made and naming them, open reports', async (t) => {
  const erased = await makeUser(db, tenant, 'Leah');
  const friend = await makeUser(db, tenant, 'Fay', 'family');
  // Leah and Fay name each other for emergency access; Fay reports Leah incapacitated; Fay appoints
  // Leah her executor while they share a circle (Leah accepts), then the circle ends.
  const grant = async (from: TestUser, to: TestUser) => {
    const [g] = await as(from, (c) =>
      emergencyAccess.createEmergencyAccess.run(
        { granteeUserId: to.userId, granteeEmail: null, scope: 'view', waitDays: 7 },
        c,
      ),
    );
    await as(to, (c) => emergencyAccess.acceptEmergencyAccess.run({ grantId: g.grantId }, c));
    return g.grantId as string;
  };
  await grant(erased, friend);
  await grant(friend, erased);
  const [report] = await as(friend, (c) =>
    life.reportLifeEvent.run(
      { personaId: erased.personaId as string, kind: 'incapacity', occurredOn: '2026-11-01' },
      c,
    ),
  );
  const [circle] = await as(friend, (c) => ffc.createFfc.run({ name: 'Fay circle', description: null }, c));
  const [invitation] = await as(friend, (c) =>
    ffc.inviteFfcMember.run({ ffcId: circle.ffcId, email: erased.email, role: 'member', validHours: 24 }, c),
  );
  await as(erased, (c) => ffc.acceptFfcInvitation.run({ token: invitation.token }, c));
  const [appointment] = await as(friend, (c) =>
    fiduciaries.appointFiduciary.run(
      {
        personaId: friend.personaId as string,
        entityId: null,
        role: 'executor',
        appointeePersonaId: erased.personaId as string,
        wardPersonaId: null,
        rank: null,
        documentId: null,
        notes: null,
      },
      c,
    ),
  );
  await as(erased, (c) => fiduciaries.acceptFiduciaryAppointment.run({ appointmentId: appointment.appointmentId }, c));
  await as(friend, (c) => ffc.removeFfcMember.run({ ffcId: circle.ffcId, personaId: erased.personaId as string }, c));

  const [request] = await as(erased, (c) => gdpr.createDataRequest.run({ kind: 'erasure' }, c));
  t.match(request, { status: 'completed', outcome: { emergencyAccessGrants: 2 } });
  const rows = await db.admin.query(
    `select (select count(*)::int from app.emergency_access_grants where grantor_user_id = $1 or grantee_user_id = $1) as grants,
            (select status from app.fiduciary_appointments where id = $2) as appointment,
            (select state from app.life_events where id = $3) as report`,
    [erased.userId, appointment.appointmentId, report.eventId],
  );
  t.same(rows.rows[0], { grants: 0, appointment: 'resigned', report: 'blocked' });
});
