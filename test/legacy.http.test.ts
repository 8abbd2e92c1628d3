// When someone cannot act for themselves, end to end over HTTP with real tokens (issue 13):
// Grace names Ben her trusted user; his request is refused, requested again and approved by the
// waiting period (time moved in the database); Ben reports Grace's death, Grace blocks it by
// signing in; reported again with evidence, verified by two staff members through their door;
// Grace's data is frozen; Ben, her acting executor, reads exactly the documents she left him after
// death and nothing else, her assets as executor, and every read made under a grant; Cara (a
// recipient of another document) and Otto (another tenant) reach none of it.
import { randomBytes } from 'node:crypto';
import t from 'tap';
import { activatePlan } from '../scripts/lib/stripe_events.ts';
import { bearer, makePoolTenant, makeStaffPool, registerThroughApi, testApp } from './helpers/app.ts';
import { testDatabase } from './helpers/db.ts';

const db = await testDatabase(t);
const app = await testApp(t, db);
const home = await makePoolTenant(db, 'legacy-home');
const away = await makePoolTenant(db, 'legacy-away');
const staffPool = await makeStaffPool(db, 'legacy-staff');
const avery = await staffPool.addStaff();
const blake = await staffPool.addStaff();
const withUserId = async (user: Awaited<ReturnType<typeof registerThroughApi>>) => {
  const me = await app.inject({ method: 'GET', url: '/v1/me', headers: bearer(user.accessToken) });
  return { ...user, userId: me.json().userId as string };
};
const grace = await withUserId(await registerThroughApi(app, home, 'Grace', 'Hopper'));
const ben = await withUserId(await registerThroughApi(app, home, 'Ben', 'Hopper'));
const cara = await withUserId(await registerThroughApi(app, home, 'Cara', 'Hopper'));
const otto = await withUserId(await registerThroughApi(app, away, 'Otto', 'Abroad'));
await activatePlan(db.api, home.tenantId, grace.sub, 'family');

type Who = { accessToken: string };
type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
const send = (who: Who, method: Method, url: string, payload?: object) =>
  app.inject({ method, url, headers: bearer(who.accessToken), ...(payload ? { payload } : {}) });
const ok = async (who: Who, method: Method, url: string, payload?: object) => {
  const res = await send(who, method, url, payload);
  if (res.statusCode >= 300) throw new Error(`${method} ${url}: ${res.statusCode} ${res.body}`);
  return res.json();
};
const upload = async (who: Who, documentId: string, content: Buffer) => {
  const res = await app.inject({
    method: 'POST',
    url: `/v1/vault/documents/${documentId}/versions?mediaType=application/pdf&fileName=letter.pdf`,
    headers: { ...bearer(who.accessToken), 'content-type': 'application/octet-stream' },
    payload: content,
  });
  if (res.statusCode !== 201) throw new Error(`upload: ${res.statusCode} ${res.body}`);
};
const download = (who: Who, documentId: string) =>
  app.inject({
    method: 'GET',
    url: `/v1/vault/documents/${documentId}/versions/1/content`,
    headers: bearer(who.accessToken),
  });

// Grace's circle holds Ben and Cara; Ben is her executor and has accepted.
const circle = await ok(grace, 'POST', '/v1/ffcs', { name: 'Hopper family' });
for (const who of [ben, cara]) {
  const invitation = await ok(grace, 'POST', `/v1/ffcs/${circle.ffcId}/invitations`, {
    email: who.email,
    role: 'member',
  });
  await ok(who, 'POST', '/v1/ffc-invitations/accept', { token: invitation.token });
}
const executor = await ok(grace, 'POST', `/v1/personas/${grace.personaId}/fiduciaries`, {
  role: 'executor',
  appointeePersonaId: ben.personaId,
});
await ok(ben, 'POST', `/v1/fiduciary-appointments/${executor.appointmentId}/accept`);
const cabin = await ok(grace, 'POST', '/v1/assets', {
  assetType: 'misc',
  categoryCode: 'other',
  name: 'Lake cabin',
  currency: 'USD',
  ownerPersonaId: grace.personaId,
  initialValue: '250000.00',
  valuedOn: '2026-01-15',
  details: {},
});

// Three documents: a letter for Ben after her death, a journal he may never read, a note for Cara now.
const letterBytes = Buffer.concat([Buffer.from('%PDF letter for Ben '), randomBytes(2048), Buffer.from([0, 0, 255])]);
const documents: Record<string, string> = {};
for (const [name, shares] of [
  ['letter', [{ personaId: ben.personaId, when: 'after_death' }]],
  ['journal', [{ personaId: ben.personaId, when: 'never' }]],
  ['note', [{ personaId: cara.personaId, when: 'now' }]],
] as const) {
  const doc = await ok(grace, 'POST', '/v1/vault/documents', {
    ownerPersonaId: grace.personaId,
    kind: 'other',
    title: `Grace's ${name}`,
  });
  await upload(grace, doc.documentId, name === 'letter' ? letterBytes : Buffer.from(`%PDF ${name}`));
  await ok(grace, 'PUT', `/v1/vault/documents/${doc.documentId}/shares`, { shares });
  documents[name] = doc.documentId;
}

t.test('emergency access: requested, refused, requested again, approved by the waiting period', async (t) => {
  const grant = await ok(grace, 'POST', '/v1/emergency-access', {
    granteeUserId: ben.userId,
    scope: 'view',
    waitDays: 7,
  });
  await ok(ben, 'POST', `/v1/emergency-access/${grant.grantId}/accept`);
  await ok(grace, 'POST', `/v1/emergency-access/${grant.grantId}/confirm`);
  t.match(await ok(ben, 'POST', `/v1/emergency-access/${grant.grantId}/request`), { state: 'recovery_requested' });
  const early = await send(ben, 'GET', `/v1/emergency-access/${grant.grantId}/assets`);
  t.same([early.statusCode, early.json().code], [403, 'emergency_access_not_open'], 'nothing to read while waiting');
  t.match(await ok(grace, 'POST', `/v1/emergency-access/${grant.grantId}/refuse`), { state: 'confirmed' });
  await ok(ben, 'POST', `/v1/emergency-access/${grant.grantId}/request`);
  await db.admin.query(
    `update app.emergency_access_grants set recovery_requested_at = recovery_requested_at - interval '8 days' where id = $1`,
    [grant.grantId],
  );
  const listed = await ok(ben, 'GET', '/v1/emergency-access?role=grantee');
  t.match(listed.items, [{ grantId: grant.grantId, state: 'approved', approvedBy: 'waiting_period' }]);
  const read = await ok(ben, 'GET', `/v1/emergency-access/${grant.grantId}/assets`);
  t.same(
    read.items.map((a: { assetId: string }) => a.assetId),
    [cabin.assetId],
    'the wait ended unrefused: Ben reads her assets',
  );
});

t.test('before her death Ben reads none of her documents', async (t) => {
  const mine = await ok(ben, 'GET', '/v1/vault/documents');
  t.same(mine.items, [], 'nothing shared with him now');
  for (const name of ['letter', 'journal', 'note']) {
    const res = await download(ben, documents[name]);
    t.same([res.statusCode, res.json().code], [404, 'document_not_found'], `${name}: not found`);
  }
  const early = await send(ben, 'GET', `/v1/personas/${grace.personaId}/fiduciary-access/assets`);
  t.same([early.statusCode, early.json().code], [404, 'persona_not_found'], 'no executor access while she lives');
});

t.test('a death reported, blocked by Grace signing in; reported again and verified by two staff', async (t) => {
  const first = await ok(ben, 'POST', `/v1/personas/${grace.personaId}/life-events`, {
    kind: 'death',
    occurredOn: '2026-11-20',
  });
  t.match(first, { state: 'reported', verificationsNeeded: 2 });
  await ok(grace, 'POST', '/v1/sessions');
  const blocked = await ok(ben, 'GET', '/v1/life-events');
  t.match(blocked.items, [{ eventId: first.eventId, state: 'blocked' }], 'her sign-in blocked it');

  const report = await ok(ben, 'POST', `/v1/personas/${grace.personaId}/life-events`, {
    kind: 'death',
    occurredOn: '2026-11-20',
  });
  const certificate = await ok(ben, 'POST', '/v1/vault/documents', {
    ownerPersonaId: ben.personaId,
    kind: 'other',
    title: 'Death certificate',
  });
  await upload(ben, certificate.documentId, Buffer.from('%PDF certificate'));
  const foreign = await send(ben, 'POST', `/v1/life-events/${report.eventId}/evidence`, {
    evidenceKind: 'death_certificate',
    documentId: documents.journal,
  });
  t.same([foreign.statusCode, foreign.json().code], [404, 'document_not_found'], 'evidence he cannot read is refused');
  await ok(ben, 'POST', `/v1/life-events/${report.eventId}/evidence`, {
    evidenceKind: 'death_certificate',
    documentId: certificate.documentId,
  });
  const verify = (staff: Who) =>
    send(staff, 'POST', `/support/v1/tenants/${home.tenantId}/life-events/${report.eventId}/verify`);
  const waiting = await verify(avery);
  t.same([waiting.statusCode, waiting.json().code], [409, 'life_event_waiting'], 'not during the wait');
  const tenantToken = await verify(ben);
  t.equal(tenantToken.statusCode, 401, 'a tenant token never reaches the support door');
  await db.admin.query(`update app.life_events set created_at = created_at - interval '8 days' where id = $1`, [
    report.eventId,
  ]);
  const evidenceUrl = `/support/v1/tenants/${home.tenantId}/life-events/${report.eventId}/evidence`;
  const evidence = await send(avery, 'GET', evidenceUrl);
  t.equal(evidence.statusCode, 200);
  t.equal(evidence.body, '%PDF certificate', 'staff read the evidence, decrypted');
  t.equal((await send(ben, 'GET', evidenceUrl)).statusCode, 401, 'a tenant token never reads it at the door');
  const audited = await db.admin.query(
    `select count(*)::int as n from audit.audit_log where table_name = 'support.sp_read_life_event_evidence' and row_id = $1`,
    [report.eventId],
  );
  t.equal(audited.rows[0].n, 1, 'the read is audited');
  const queue = await ok(avery, 'GET', `/support/v1/tenants/${home.tenantId}/life-events?state=reported`);
  t.match(queue.items, [{ eventId: report.eventId, evidenceDocumentId: certificate.documentId }]);
  t.match((await verify(avery)).json(), { state: 'reported', firstVerifiedBy: `cognito:${avery.sub}` });
  const again = await verify(avery);
  t.same([again.statusCode, again.json().code], [403, 'life_event_second_staff_required']);
  t.match((await verify(blake)).json(), { state: 'verified', verifiedBy: `cognito:${blake.sub}` });
  const closed = await send(avery, 'GET', evidenceUrl);
  t.same([closed.statusCode, closed.json().code], [409, 'life_event_wrong_state'], 'read only while being verified');
});

t.test('her data is frozen', async (t) => {
  const renamed = await send(grace, 'PATCH', `/v1/assets/${cabin.assetId}`, { name: 'Renamed' });
  t.same([renamed.statusCode, renamed.json().code], [409, 'persona_frozen']);
  const valued = await send(grace, 'POST', `/v1/assets/${cabin.assetId}/valuations`, {
    amount: '1.00',
    valuedOn: '2026-11-29',
  });
  t.same([valued.statusCode, valued.json().code], [409, 'persona_frozen']);
  const shared = await send(grace, 'PUT', `/v1/vault/documents/${documents.journal}/shares`, {
    shares: [{ personaId: ben.personaId, when: 'now' }],
  });
  t.same([shared.statusCode, shared.json().code], [409, 'persona_frozen'], 'nor can her shares be opened now');
});

t.test('the executor reads exactly what she left him after death, and every read is listed', async (t) => {
  const mine = await ok(ben, 'GET', `/v1/vault/documents?personaId=${grace.personaId}`);
  t.same(
    mine.items.map((d: { documentId: string }) => d.documentId),
    [documents.letter],
    'the letter, and not the journal (never) nor the note (Cara’s)',
  );
  const letter = await download(ben, documents.letter);
  t.equal(letter.statusCode, 200);
  t.ok(letter.rawPayload.equals(letterBytes), 'byte-identical');
  for (const name of ['journal', 'note']) {
    const res = await download(ben, documents[name]);
    t.same([res.statusCode, res.json().code], [404, 'document_not_found'], `${name}: still not found`);
  }
  t.equal((await download(cara, documents.note)).statusCode, 200, 'Cara reads the note shared with her now');
  const caraLetter = await download(cara, documents.letter);
  t.equal(caraLetter.statusCode, 404, 'but not the letter');

  const assets = await ok(ben, 'GET', `/v1/personas/${grace.personaId}/fiduciary-access/assets`);
  t.match(assets.items, [{ assetId: cabin.assetId, accessRole: 'executor', currentValue: '250000.00' }]);
  for (const [who, label] of [
    [cara, 'a circle member who is not her executor'],
    [otto, 'another tenant'],
  ] as const) {
    const res = await send(who, 'GET', `/v1/personas/${grace.personaId}/fiduciary-access/assets`);
    t.same([res.statusCode, res.json().code], [404, 'persona_not_found'], `${label}: not found`);
    const reads = await send(who, 'GET', `/v1/personas/${grace.personaId}/estate-reads`);
    t.same([reads.statusCode, reads.json().code], [404, 'persona_not_found'], `${label}: no reads`);
  }

  const reads = await ok(ben, 'GET', `/v1/personas/${grace.personaId}/estate-reads`);
  const seen = reads.items.map((r: { via: string; readerUserId: string; rowId: string }) => [
    r.via,
    r.readerUserId,
    r.rowId,
  ]);
  t.same(
    seen,
    [
      ['fiduciary:executor', ben.userId, grace.personaId],
      ['vault_share', cara.userId, documents.note],
      ['vault_share', ben.userId, documents.letter],
      ['support', null, seen[3][2]],
      ['emergency_access', ben.userId, seen.at(-1)[2]],
    ],
    'every read under a grant, newest first: his as executor, Cara’s note, his letter, support’s of the evidence, his emergency access',
  );
  t.equal(reads.total, 5);
});

t.test('the executor reads the estate flow as of the date of death and the snapshot kept then', async (t) => {
  const flow = await ok(ben, 'GET', `/v1/personas/${grace.personaId}/fiduciary-access/estate-flow?currency=USD`);
  t.equal(flow.asOf, '2026-11-20', 'as of the date of death by default');
  t.match(flow.items, [
    { route: 'probate', assetId: cabin.assetId, amount: '250000.00' },
    { route: 'residuary', recipientName: 'Heirs at law (no residuary beneficiary)', amount: '250000.00' },
  ]);
  const snapshot = await ok(ben, 'GET', `/v1/personas/${grace.personaId}/estate-snapshot`);
  t.match(snapshot, {
    occurredOn: '2026-11-20',
    currency: 'USD',
    holdings: [{ assetId: cabin.assetId, value: '250000.00' }],
    netWorth: { net_worth: 250000 },
    estateFlow: [{ route: 'probate', amount: 250000 }, { route: 'residuary' }],
  });
  for (const who of [cara, otto]) {
    for (const url of [
      `/v1/personas/${grace.personaId}/fiduciary-access/estate-flow?currency=USD`,
      `/v1/personas/${grace.personaId}/estate-snapshot`,
    ]) {
      const res = await send(who, 'GET', url);
      t.same([res.statusCode, res.json().code], [404, 'persona_not_found'], `${url}: not found for others`);
    }
  }
  const reads = await ok(ben, 'GET', `/v1/personas/${grace.personaId}/estate-reads?limit=2`);
  t.same(
    reads.items.map((r: { what: string; via: string }) => [r.what, r.via]),
    [
      ['snapshot', 'fiduciary:executor'],
      ['estate_flow', 'fiduciary:executor'],
    ],
    'both reads are listed',
  );
});

t.test('a member removed from the circle loses the documents the circle let her be given', async (t) => {
  t.equal((await download(cara, documents.note)).statusCode, 200, 'Cara reads the note shared with her');
  const left = await send(grace, 'DELETE', `/v1/ffcs/${circle.ffcId}/members/${cara.personaId}`);
  t.ok(left.statusCode < 300, `Cara is removed from the circle (${left.statusCode})`);
  const after = await download(cara, documents.note);
  t.same([after.statusCode, after.json().code], [404, 'document_not_found'], 'and reads it no more');
});

t.test('support reads the vault’s titles, file names and hashes masked in the audit trail', async (t) => {
  const res = await ok(avery, 'GET', `/support/v1/tenants/${home.tenantId}/audit-log?limit=500`);
  const vaultRows = res.items.filter((r: { tableName: string }) => r.tableName.startsWith('app.vault_document'));
  t.ok(vaultRows.length > 0, 'the vault’s changes are in the trail');
  const text = JSON.stringify(vaultRows);
  t.notOk(text.includes("Grace's letter"), 'no title in clear');
  t.notOk(text.includes('letter.pdf'), 'no file name in clear');
  t.ok(text.includes('[masked]'), 'masked');
});
