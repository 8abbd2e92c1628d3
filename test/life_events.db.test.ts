// Incapacity and death reports, at the procedures: who may report (someone close, never a
// stranger, another tenant or the person), the waiting period the person ends by signing in,
// evidence, verification after the wait (two different staff members for a death, one for an
// incapacity), the snapshot, the freeze a verified death puts on the person's data (whoever
// writes), rejection and withdrawal, every step's outbox event, and the answers of a random id.
// Time is controlled by moving a report's creation back as the superuser (db.admin).
import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import t from 'tap';
import { inContext } from '../server/plugins/db.ts';
import * as assets from '../generated/assets.queries.ts';
import * as ea from '../generated/emergency_access.queries.ts';
import { authenticateUser } from '../generated/identity.queries.ts';
import * as fiduciaries from '../generated/fiduciaries.queries.ts';
import { createPersona, linkUserPersona } from '../generated/identity.queries.ts';
import * as life from '../generated/life_events.queries.ts';
import * as vault from '../generated/vault.queries.ts';
import { sealFile } from '../server/document_store.ts';
import { createFieldCipher, generateFieldKeys } from '../server/field_cipher.ts';
import * as support from '../generated/support.queries.ts';
import { makeTenant, makeUser, randomSub, rejection, testDatabase, type TestUser } from './helpers/db.ts';

const db = await testDatabase(t);
const tenant = await makeTenant(db, 'life');
const otherTenant = await makeTenant(db, 'elsewhere');
const { as } = db;
const grace = await makeUser(db, tenant, 'Grace');
const hal = await makeUser(db, tenant, 'Hal');
const kin = await makeUser(db, tenant, 'Kin');
const stranger = await makeUser(db, tenant, 'Sam');
const mallory = await makeUser(db, otherTenant, 'Mallory');

await db.asSupport((c) =>
  support.registerStaffPool.run(
    { kind: 'development', userPoolId: 'staff_Life1', issuer: 'http://127.0.0.1:1/staff_Life1', region: null },
    c,
  ),
);
const staffMember = async (name: string) => {
  const sub = randomSub();
  await db.asSupport((c) =>
    support.addStaff.run(
      { userPoolId: 'staff_Life1', cognitoSub: sub, email: `${name}@support.example`, displayName: name },
      c,
    ),
  );
  return <T>(fn: (c: pg.PoolClient) => Promise<T>) =>
    inContext(
      db.support,
      {
        tenantId: null,
        actorKind: 'support',
        actorId: `cognito:${sub}`,
        issuer: 'http://127.0.0.1:1/staff_Life1',
        requestId: `door-${name}`,
      },
      fn,
    );
};
const staffA = await staffMember('avery');
const staffB = await staffMember('blake');

/** Grace and Hal each name Kin their trusted user, and Kin accepts: Kin is close to both. */
for (const grantor of [grace, hal]) {
  const [grant] = await as(grantor, (c) =>
    ea.createEmergencyAccess.run({ granteeUserId: kin.userId, granteeEmail: null, scope: 'view', waitDays: 7 }, c),
  );
  await as(kin, (c) => ea.acceptEmergencyAccess.run({ grantId: grant.grantId }, c));
}
const cabin = async (who: TestUser) =>
  (
    await as(who, (c) =>
      assets.createAsset.run(
        {
          assetType: 'misc',
          categoryCode: 'other',
          name: `cabin of ${who.email}`,
          currency: 'USD',
          ownerPersonaId: who.personaId,
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
    )
  )[0].assetId as string;
const graceCabin = await cabin(grace);
const halCabin = await cabin(hal);

const report = (who: TestUser, personaId: string, kind: string, occurredOn = '2026-11-20') =>
  as(who, (c) => life.reportLifeEvent.run({ personaId, kind, occurredOn }, c)).then((r) => r[0]);
const evidence = (
  who: TestUser,
  eventId: string,
  evidenceKind = 'death_certificate',
  documentId: string | null = null,
) =>
  as(who, (c) =>
    life.submitLifeEventEvidence.run({ eventId, evidenceKind, documentId, note: 'certificate no. 123' }, c),
  ).then((r) => r[0]);
const cipher = createFieldCipher(generateFieldKeys('life'));
/** A vault document of the user's own holding one file (a version per content given). */
const certificate = async (who: TestUser, ...contents: string[]) => {
  const [doc] = await as(who, (c) =>
    vault.createVaultDocument.run(
      { ownerPersonaId: who.personaId, kind: 'other', title: 'Death certificate', reviewOn: null },
      c,
    ),
  );
  for (const content of contents) await upload(who, doc.documentId, content);
  return doc.documentId as string;
};
const upload = (who: TestUser, documentId: string, content: string) => {
  const sealed = sealFile(cipher, { tenantId: tenant, documentId }, Buffer.from(content));
  return as(who, (c) =>
    vault.addVaultDocumentVersion.run(
      {
        documentId,
        mediaType: 'application/pdf',
        fileName: 'certificate.pdf',
        byteSize: sealed.byteSize,
        contentSha256: sealed.sha256,
        ciphertext: sealed.ciphertext,
        storageKey: null,
      },
      c,
    ),
  );
};
const verify = (staff: typeof staffA, eventId: string, tenantId = tenant) =>
  staff((c) => life.verifyLifeEvent.run({ tenantId, eventId }, c)).then((r) => r[0]);
const signIn = (who: TestUser) =>
  as(who, (c) => authenticateUser.run({ sessionRef: randomUUID(), userAgent: null, ipAddress: null }, c));
const waitOut = (eventId: string, days = 8) =>
  db.admin.query('update app.life_events set created_at = created_at - make_interval(days => $2) where id = $1', [
    eventId,
    days,
  ]);
const events = async (eventId: string) =>
  (
    await db.admin.query<{ event_type: string; payload: Record<string, unknown> }>(
      'select event_type, payload from app.outbox_events where aggregate_id = $1 order by seq',
      [eventId],
    )
  ).rows;
/** A direct write by the superuser inside the tenant's context (past every procedure). */
const direct = (sql: string, params: unknown[]) =>
  inContext(db.admin, { tenantId: tenant, actorKind: 'user', actorId: grace.sub, requestId: 'direct-write' }, (c) =>
    c.query(sql, params),
  );
const count = async (sql: string, params: unknown[] = []) => (await db.admin.query(sql, params)).rows[0].n as number;

t.test(
  'only someone close may report: a stranger, another tenant and the person get the answer a random id gets',
  async (t) => {
    const before = await count('select count(*)::int as n from app.life_events');
    for (const [who, personaId, label] of [
      [stranger, grace.personaId, 'a stranger in the tenant'],
      [mallory, grace.personaId, 'another tenant'],
      [grace, grace.personaId, 'the person themselves'],
      [kin, randomUUID(), 'a random persona'],
    ] as const) {
      t.match(await rejection(report(who, personaId as string, 'death')), { code: 'persona_not_found' }, label);
    }
    t.equal(await count('select count(*)::int as n from app.life_events'), before, 'and nothing is recorded');
    t.match(await rejection(report(kin, grace.personaId as string, 'missing')), { code: 'invalid_life_event_kind' });
    t.match(await rejection(report(kin, grace.personaId as string, 'death', '2999-01-01')), {
      code: 'invalid_occurred_on',
    });
  },
);

t.test('the person blocks a report by signing in; it is announced and can be reported again', async (t) => {
  const reported = await report(kin, grace.personaId as string, 'death');
  t.match(reported, {
    state: 'reported',
    role: 'reporter',
    kind: 'death',
    verificationsNeeded: 2,
    verificationsDone: 0,
  });
  t.equal(
    new Date(reported.waitEndsAt).getTime() - new Date(reported.reportedAt).getTime(),
    7 * 86_400_000,
    'the default wait is 7 days',
  );
  t.match(await rejection(report(kin, grace.personaId as string, 'death')), { code: 'life_event_open' });
  const seen = await as(grace, (c) => life.listLifeEvents.run({ limit: 10, offset: 0 }, c));
  t.match(seen, [{ eventId: reported.eventId, role: 'subject', state: 'reported' }], 'the person sees the report');
  t.same(await as(stranger, (c) => life.listLifeEvents.run({ limit: 10, offset: 0 }, c)), [], 'a stranger sees none');

  await signIn(grace);
  const [after] = await as(kin, (c) => life.listLifeEvents.run({ limit: 10, offset: 0 }, c));
  t.match(after, { eventId: reported.eventId, state: 'blocked' }, 'signing in blocked it');
  t.same(
    (await events(reported.eventId)).map((e) => e.event_type),
    ['life_event.reported', 'life_event.blocked'],
  );
  t.match(await rejection(evidence(kin, reported.eventId)), { code: 'life_event_wrong_state' });
  t.match(await rejection(verify(staffA, reported.eventId)), { code: 'life_event_wrong_state' });
});

t.test('the explicit block, withdrawal and rejection; wrong actors get not-found', async (t) => {
  const a = await report(kin, hal.personaId as string, 'incapacity');
  t.match(await rejection(as(kin, (c) => life.blockLifeEvent.run({ eventId: a.eventId }, c))), {
    code: 'life_event_not_found',
  });
  t.match(await rejection(as(stranger, (c) => life.withdrawLifeEvent.run({ eventId: a.eventId }, c))), {
    code: 'life_event_not_found',
  });
  t.match(await rejection(as(mallory, (c) => life.blockLifeEvent.run({ eventId: a.eventId }, c))), {
    code: 'life_event_not_found',
  });
  t.match(
    await rejection(
      as(hal, (c) =>
        life.submitLifeEventEvidence.run(
          { eventId: a.eventId, evidenceKind: 'other', documentId: null, note: null },
          c,
        ),
      ),
    ),
    {
      code: 'life_event_not_found',
    },
    'the person cannot submit evidence about themselves',
  );
  t.match((await as(hal, (c) => life.blockLifeEvent.run({ eventId: a.eventId }, c)))[0], { state: 'blocked' });

  const b = await report(kin, hal.personaId as string, 'incapacity');
  t.match((await as(kin, (c) => life.withdrawLifeEvent.run({ eventId: b.eventId }, c)))[0], { state: 'withdrawn' });

  const c1 = await report(kin, hal.personaId as string, 'incapacity');
  await evidence(kin, c1.eventId, 'medical_letter');
  await waitOut(c1.eventId);
  t.match(
    await rejection(staffA((c) => life.rejectLifeEvent.run({ tenantId: tenant, eventId: c1.eventId, reason: ' ' }, c))),
    { code: 'invalid_reason' },
  );
  t.match(
    await rejection(
      staffA((c) => life.rejectLifeEvent.run({ tenantId: otherTenant, eventId: c1.eventId, reason: 'unreadable' }, c)),
    ),
    { code: 'life_event_not_found' },
    "another tenant's id is not found",
  );
  const [rejected] = await staffA((c) =>
    life.rejectLifeEvent.run({ tenantId: tenant, eventId: c1.eventId, reason: 'the letter is unsigned' }, c),
  );
  t.match(rejected, { state: 'rejected', rejectedBy: /^cognito:/ });
  const status = await db.admin.query('select living_status from app.personas where id = $1', [hal.personaId]);
  t.equal(status.rows[0].living_status, 'living', 'a rejected report changes nothing');
});

t.test('an incapacity is verified by one staff member after the wait; the data stays editable', async (t) => {
  const r = await report(kin, hal.personaId as string, 'incapacity', '2026-11-25');
  t.match(await rejection(verify(staffA, r.eventId)), { code: 'life_event_evidence_missing' });
  await evidence(kin, r.eventId, 'medical_letter');
  t.match(await rejection(verify(staffA, r.eventId)), { code: 'life_event_waiting' }, 'not before the wait ends');
  await waitOut(r.eventId);
  t.match(await verify(staffA, r.eventId), { state: 'verified', verificationsNeeded: 1, verifiedBy: /^cognito:/ });
  const status = await db.admin.query('select living_status from app.personas where id = $1', [hal.personaId]);
  t.equal(status.rows[0].living_status, 'incapacitated');
  await as(hal, (c) =>
    assets.updateAssetValue.run(
      { assetId: halCabin, amount: '260000.00', valuedOn: '2026-11-28', source: 'manual', currency: null },
      c,
    ),
  );
  t.pass('an incapacitated person’s affairs go on: their data is not frozen');
});

t.test('a death needs two different staff members; then the data is frozen, with a snapshot', async (t) => {
  // Grace named an executor (a persona she acts for) before she died; another stands by.
  const newPersona = (firstName: string) =>
    as(grace, (c) =>
      createPersona.run(
        {
          firstName,
          lastName: 'Hopper',
          middleName: null,
          preferredName: null,
          dateOfBirth: null,
          livingStatus: null,
          dateOfDeath: null,
        },
        c,
      ),
    ).then((rows) => rows[0].personaId as string);
  const [gus, ida] = [await newPersona('Gus'), await newPersona('Ida')];
  const appoint = (appointeePersonaId: string) =>
    as(grace, (c) =>
      fiduciaries.appointFiduciary.run(
        {
          personaId: grace.personaId as string,
          entityId: null,
          role: 'executor',
          appointeePersonaId,
          wardPersonaId: null,
          rank: null,
          documentId: null,
          notes: null,
        },
        c,
      ),
    ).then((rows) => rows[0]);
  const named = await appoint(gus);
  const r = await report(kin, grace.personaId as string, 'death', '2026-11-20');
  await evidence(kin, r.eventId);
  await waitOut(r.eventId);
  t.match(
    await rejection(verify(staffA, r.eventId)),
    { code: 'life_event_evidence_missing' },
    'a death needs a document',
  );
  const empty = await certificate(kin);
  t.match(await rejection(evidence(kin, r.eventId, 'death_certificate', empty)), {
    code: 'life_event_evidence_missing',
  });
  t.match(await rejection(evidence(kin, r.eventId, 'death_certificate', randomUUID())), { code: 'document_not_found' });
  const documentId = await certificate(kin, 'certificate v1');
  t.match(await evidence(kin, r.eventId, 'death_certificate', documentId), { evidenceDocumentId: documentId });
  await upload(kin, documentId, 'a different file, uploaded after submitting');
  const read = await staffA((c) => life.readLifeEventEvidence.run({ tenantId: tenant, eventId: r.eventId }, c));
  t.match(read, [{ documentId, versionNumber: 1 }], 'staff read the version submitted, not a later one');
  const first = await verify(staffA, r.eventId);
  t.match(first, { state: 'reported', firstVerifiedBy: /^cognito:/, verifiedBy: null }, 'the first of two');
  t.match(await rejection(verify(staffA, r.eventId)), { code: 'life_event_second_staff_required' });
  t.match(
    await rejection(
      db.asUser(tenant, kin.sub, (c) => life.verifyLifeEvent.run({ tenantId: tenant, eventId: r.eventId }, c)),
    ),
    { sqlState: '42501' },
    'a tenant user cannot call the support procedure',
  );
  t.match(
    await rejection(db.asSupport((c) => life.verifyLifeEvent.run({ tenantId: tenant, eventId: r.eventId }, c))),
    { code: 'staff_member_only' },
    'nor can an operator: verification is a staff member’s',
  );
  const mine = await as(kin, (c) => life.listLifeEvents.run({ limit: 10, offset: 0 }, c));
  t.match(
    mine.find((e) => e.eventId === r.eventId),
    { state: 'reported', verificationsDone: 1 },
    'the reporter sees one of two verifications done',
  );
  const second = await verify(staffB, r.eventId);
  t.match(second, { state: 'verified', verificationsNeeded: 2 });
  t.not(second.verifiedBy, second.firstVerifiedBy);

  const persona = await db.admin.query('select living_status, date_of_death from app.personas where id = $1', [
    grace.personaId,
  ]);
  t.match(persona.rows[0], { living_status: 'deceased' });
  t.equal(String(persona.rows[0].date_of_death), '2026-11-20');
  const snapshot = await db.admin.query('select holdings_snapshot from app.life_events where id = $1', [r.eventId]);
  t.match(snapshot.rows[0].holdings_snapshot, [
    { assetId: graceCabin, ownershipPercentage: 100, value: '250000.00', currency: 'USD', valuedOn: '2026-01-15' },
  ]);
  t.same(
    (await events(r.eventId)).map((e) => e.event_type),
    [
      'life_event.reported',
      'life_event.evidence_submitted',
      'life_event.evidence_submitted',
      'life_event.first_verification',
      'life_event.verified',
    ],
    'each submission announced (the second with its document), then the two verifications',
  );
  t.notOk(
    JSON.stringify((await events(r.eventId)).map((e) => e.payload)).includes('certificate no.'),
    'no event carries the evidence note',
  );

  // Frozen: the owner, and even the superuser, cannot change what she held.
  const before = await count('select count(*)::int as n from app.asset_valuations where asset_id = $1', [graceCabin]);
  t.match(
    await rejection(
      as(grace, (c) =>
        assets.updateAssetValue.run(
          { assetId: graceCabin, amount: '1.00', valuedOn: '2026-11-29', source: 'manual', currency: null },
          c,
        ),
      ),
    ),
    { code: 'persona_frozen' },
  );
  t.match(await rejection(direct('update app.assets set name = $2 where id = $1', [graceCabin, 'x'])), {
    code: 'persona_frozen',
  });
  t.match(await rejection(direct('update app.personas set first_name = $2 where id = $1', [grace.personaId, 'x'])), {
    code: 'persona_frozen',
  });
  t.match(await rejection(direct('delete from app.asset_ownerships where asset_id = $1', [graceCabin])), {
    code: 'persona_frozen',
  });
  t.equal(
    await count('select count(*)::int as n from app.asset_valuations where asset_id = $1', [graceCabin]),
    before,
    'nothing changed',
  );
  t.match(await rejection(report(kin, grace.personaId as string, 'death')), { code: 'persona_frozen' });
  t.match(await rejection(verify(staffB, r.eventId)), { code: 'life_event_wrong_state' });

  // Who acts for her and who succeeds her are frozen too: her executor stands.
  t.match(await rejection(appoint(ida)), { code: 'persona_frozen' }, 'no new executor');
  t.match(
    await rejection(
      as(grace, (c) => fiduciaries.removeFiduciaryAppointment.run({ appointmentId: named.appointmentId }, c)),
    ),
    { code: 'persona_frozen' },
    'nor the one she named removed',
  );
  t.match(
    await rejection(
      as(grace, (c) =>
        linkUserPersona.run({ userId: stranger.userId, personaId: grace.personaId as string, linkKind: 'delegate' }, c),
      ),
    ),
    { code: 'persona_frozen' },
    'no new delegate',
  );
  const [grant] = await as(kin, (c) => ea.listEmergencyAccess.run({ role: 'grantee', limit: 50, offset: 0 }, c)).then(
    (rows) => rows.filter((g) => g.grantorPersonaId === grace.personaId),
  );
  await as(grace, (c) => ea.confirmEmergencyAccess.run({ grantId: grant.grantId }, c));
  t.match(
    await rejection(as(kin, (c) => ea.requestEmergencyAccess.run({ grantId: grant.grantId }, c))),
    {
      code: 'persona_frozen',
    },
    'no new emergency-access request after her death',
  );
});

t.test('support lists reports by state, ids only, and the read is audited', async (t) => {
  const rows = await staffA((c) =>
    life.supportListLifeEvents.run({ tenantId: tenant, state: 'verified', limit: 10, offset: 0 }, c),
  );
  t.equal(rows.length, 2);
  t.ok(rows.every((r) => r.state === 'verified'));
  t.notOk(JSON.stringify(rows).includes('certificate no.'), 'no evidence note');
  t.notOk(JSON.stringify(rows).includes('Grace'), 'no name');
  t.same(
    await staffA((c) =>
      life.supportListLifeEvents.run({ tenantId: otherTenant, state: null, limit: 10, offset: 0 }, c),
    ),
    [],
    "another tenant's list holds none of these",
  );
  t.match(
    await rejection(
      staffA((c) => life.supportListLifeEvents.run({ tenantId: tenant, state: 'x', limit: 10, offset: 0 }, c)),
    ),
    { code: 'invalid_life_event_state' },
  );
  t.ok(
    (await count(
      `select count(*)::int as n from audit.audit_log where table_name = 'support.sp_list_life_events' and tenant_id = $1`,
      [tenant],
    )) >= 1,
    'audited',
  );
  t.equal(
    await count(`select count(*)::int as n from audit.audit_log where changes::text like '%certificate no. 123%'`),
    0,
    'the evidence note is redacted from the audit log',
  );
});

t.test('a verified incapacity ends when the person signs in again', async (t) => {
  const before = await count(
    `select count(*)::int as n from app.life_events where persona_id = $1 and state = 'verified'`,
    [hal.personaId],
  );
  t.equal(before, 1, 'Hal’s incapacity is verified');
  await signIn(hal);
  const rows = await db.admin.query(
    `select e.state, e.ended_at is not null as ended, p.living_status
       from app.life_events e join app.personas p on p.id = e.persona_id
      where e.persona_id = $1 and e.kind = 'incapacity' and e.verified_at is not null`,
    [hal.personaId],
  );
  t.match(rows.rows, [{ state: 'ended', ended: true, living_status: 'living' }]);
  const [last] = (
    await db.admin.query(
      `select event_type from app.outbox_events where aggregate_kind = 'life_event' and payload ->> 'personaId' = $1
      order by seq desc limit 1`,
      [hal.personaId],
    )
  ).rows;
  t.equal(last.event_type, 'life_event.ended');
});
