// The estate-document vault over HTTP with real tokens: a file round-trips byte for byte (random
// binary with zero bytes), the database holds none of it in clear, a tampered row or another key
// is refused and sends nothing, the hash is stored and checked; a recipient shared `now` reads it
// (audited), `after_death`, `never`, strangers and another tenant get the same not-found; over
// 10 MiB is 413, the plan's storage is counted and enforced; a signed document is never deleted.
import { createHash, randomBytes } from 'node:crypto';
import t from 'tap';
import { activatePlan } from '../scripts/lib/stripe_events.ts';
import { createFieldCipher, generateFieldKeys } from '../server/field_cipher.ts';
import { bearer, makePoolTenant, registerThroughApi, testApp } from './helpers/app.ts';
import { testDatabase } from './helpers/db.ts';

const db = await testDatabase(t);
const app = await testApp(t, db);
const home = await makePoolTenant(db, 'vault-home');
const away = await makePoolTenant(db, 'vault-away');
const olive = await registerThroughApi(app, home, 'Olive', 'Vault');
const rita = await registerThroughApi(app, home, 'Rita', 'Reader');
const dana = await registerThroughApi(app, home, 'Dana', 'Later');
const nora = await registerThroughApi(app, home, 'Nora', 'Never');
const sam = await registerThroughApi(app, home, 'Sam', 'Stranger');
const otto = await registerThroughApi(app, away, 'Otto', 'Abroad');
// Fred stays on the free plan (10 MiB of storage); Olive's circle needs the family plan's seats.
const fred = await registerThroughApi(app, home, 'Fred', 'Free');
await activatePlan(db.api, home.tenantId, olive.sub, 'family');

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
const send = (token: string, method: Method, url: string, payload?: object) =>
  app.inject({ method, url, headers: bearer(token), payload });
const upload = (
  token: string,
  documentId: string,
  content: Buffer,
  query = 'mediaType=application/pdf&fileName=will.pdf',
) =>
  app.inject({
    method: 'POST',
    url: `/v1/vault/documents/${documentId}/versions?${query}`,
    headers: { ...bearer(token), 'content-type': 'application/octet-stream' },
    payload: content,
  });
const download = (token: string, documentId: string, version = 1, headers: Record<string, string> = {}) =>
  app.inject({
    method: 'GET',
    url: `/v1/vault/documents/${documentId}/versions/${version}/content`,
    headers: { ...bearer(token), ...headers },
  });

// Olive's circle holds Rita, Dana and Nora, so she may name them as recipients; Sam is a stranger.
const circle = (await send(olive.accessToken, 'POST', '/v1/ffcs', { name: 'Olive family' })).json();
for (const who of [rita, dana, nora]) {
  const invitation = await send(olive.accessToken, 'POST', `/v1/ffcs/${circle.ffcId}/invitations`, {
    email: who.email,
    role: 'member',
  });
  const accepted = await send(who.accessToken, 'POST', '/v1/ffc-invitations/accept', {
    token: invitation.json().token,
  });
  if (accepted.statusCode >= 300) throw new Error(accepted.body);
}

const createDocument = async (token: string, ownerPersonaId: string, title = 'Last will and testament') => {
  const res = await send(token, 'POST', '/v1/vault/documents', {
    ownerPersonaId,
    kind: 'will',
    title,
    reviewOn: '2030-01-01',
  });
  if (res.statusCode !== 201) throw new Error(res.body);
  return res.json() as { documentId: string };
};

// Random bytes with runs of zero bytes, and a marker that must never appear in the database.
const marker = `PLAINTEXT-MARKER-${randomBytes(6).toString('hex')}`;
const content = Buffer.concat([
  Buffer.from(marker),
  Buffer.alloc(64),
  randomBytes(300_000),
  Buffer.alloc(17),
  Buffer.from(marker),
]);
const sha256 = createHash('sha256').update(content).digest('hex');
const will = await createDocument(olive.accessToken, olive.personaId);

t.test('the field cipher seals bytes: round trip, rotation, bound to its context, tamper-evident', async (t) => {
  const oldKeys = generateFieldKeys('old');
  const cipher = createFieldCipher(oldKeys);
  const bytes = Buffer.concat([Buffer.alloc(8), randomBytes(1000), Buffer.alloc(8)]);
  const sealed = cipher.encryptBytes(bytes, 'vault:t:d');
  t.ok(cipher.decryptBytes(sealed, 'vault:t:d').equals(bytes), 'decrypts to the same bytes');
  t.equal(sealed.length, bytes.length + 30 + 'old'.length, 'the strings’ format: 30 bytes and the key id added');
  t.equal(sealed[0], 1, 'format version 1');
  t.notOk(sealed.includes(bytes.subarray(8, 40)), 'the ciphertext does not contain the bytes');
  const rotated = createFieldCipher(`${generateFieldKeys('new')},${oldKeys}`);
  t.ok(rotated.decryptBytes(sealed, 'vault:t:d').equals(bytes), 'a rotated key list still opens old ciphertext');
  t.equal(rotated.encryptBytes(bytes, 'x').subarray(2, 5).toString(), 'new', 'and seals with the first key');
  t.throws(() => cipher.decryptBytes(sealed, 'vault:t:other'), 'another context is refused');
  t.throws(() => cipher.decryptBytes(sealed), 'no context is refused');
  const tampered = Buffer.from(sealed);
  tampered[tampered.length - 1] ^= 1;
  t.throws(() => cipher.decryptBytes(tampered, 'vault:t:d'), 'a flipped bit is refused');
  t.throws(() => createFieldCipher(generateFieldKeys('other')).decryptBytes(sealed, 'vault:t:d'), /no key old/);
  t.equal(cipher.decrypt(cipher.encrypt('DE89 3704')), 'DE89 3704', 'strings still round-trip');
});

t.test('a file round-trips byte for byte; the database holds only ciphertext', async (t) => {
  const up = await upload(olive.accessToken, will.documentId, content);
  t.equal(up.statusCode, 201, up.body);
  t.match(up.json(), {
    versionNumber: 1,
    byteSize: content.length,
    mediaType: 'application/pdf',
    fileName: 'will.pdf',
  });
  t.equal(up.json().contentSha256, sha256, 'the stored hash is the SHA-256 of the plaintext');
  t.equal(up.headers.location, `/v1/vault/documents/${will.documentId}/versions/1/content`);

  const down = await download(olive.accessToken, will.documentId);
  t.equal(down.statusCode, 200);
  t.ok(down.rawPayload.equals(content), 'byte-identical, zero bytes included');
  t.equal(down.headers['content-type'], 'application/pdf');
  t.equal(down.headers['content-length'], String(content.length));
  t.equal(down.headers.etag, `"${Buffer.from(sha256, 'hex').toString('base64url')}"`, 'the ETag is the hash');
  t.match(down.headers['content-disposition'], /^attachment; filename="will\.pdf"/);
  t.equal(down.headers['x-content-type-options'], 'nosniff');
  const again = await download(olive.accessToken, will.documentId, 1, { 'if-none-match': down.headers.etag as string });
  t.equal(again.statusCode, 304, 'If-None-Match with the hash: 304');

  const { rows } = await db.admin.query<{ ciphertext: Buffer; content_sha256: Buffer; byte_size: string }>(
    'select ciphertext, content_sha256, byte_size from app.vault_document_versions where document_id = $1',
    [will.documentId],
  );
  t.equal(rows.length, 1);
  t.equal(rows[0].content_sha256.toString('hex'), sha256, 'the hash is stored');
  t.equal(Number(rows[0].byte_size), content.length);
  t.notOk(rows[0].ciphertext.includes(Buffer.from(marker)), 'the row holds no plaintext');
  t.notOk(rows[0].ciphertext.includes(content.subarray(100, 132)), 'not even a slice of it');
  // What a dump reads: every column of every version, as text, and the audit log.
  const dump = await db.admin.query<{ text: string }>(
    `select string_agg(t::text, '') as text from (select v.* from app.vault_document_versions v) t`,
  );
  t.notOk(dump.rows[0].text.includes(Buffer.from(marker).toString('hex')), 'no hex of the plaintext in the table');
  const audit = await db.admin.query<{ changes: Record<string, unknown> }>(
    `select changes from audit.audit_log where table_name = 'app.vault_document_versions' and row_id is not null`,
  );
  t.ok(audit.rows.length >= 1, 'the upload is audited');
  t.equal(audit.rows[0].changes.ciphertext, '[redacted]', 'the ciphertext never reaches the audit log');
});

t.test('tampered ciphertext, a swapped hash or another key: refused, nothing sent', async (t) => {
  const doc = await createDocument(olive.accessToken, olive.personaId, 'Tamper target');
  const bytes = randomBytes(4096);
  t.equal((await upload(olive.accessToken, doc.documentId, bytes)).statusCode, 201);
  // Another API with other keys reads the same database: it cannot open the file.
  const stranger = await testApp(t, db);
  const wrongKey = await stranger.inject({
    method: 'GET',
    url: `/v1/vault/documents/${doc.documentId}/versions/1/content`,
    headers: bearer(olive.accessToken),
  });
  t.equal(wrongKey.statusCode, 500);
  t.equal(wrongKey.json().code, 'document_unreadable', 'another key: document_unreadable');
  t.notOk(wrongKey.rawPayload.includes(bytes.subarray(0, 16)), 'nothing of the file');

  // A byte flipped in the stored ciphertext (as an attacker with the database might).
  await db.admin.query(
    `alter table app.vault_document_versions disable trigger _200_append_only;
     update app.vault_document_versions set ciphertext = overlay(ciphertext placing '\\xff'::bytea from 60 for 1)
      where document_id = '${doc.documentId}';
     alter table app.vault_document_versions enable trigger _200_append_only;`,
  );
  const tampered = await download(olive.accessToken, doc.documentId);
  t.equal(tampered.statusCode, 500);
  t.equal(tampered.json().code, 'document_unreadable', 'tampered: document_unreadable');

  // Another document's ciphertext moved into this row: bound to its document, it does not open.
  await db.admin.query(
    `alter table app.vault_document_versions disable trigger _200_append_only;
     update app.vault_document_versions v set ciphertext = o.ciphertext, content_sha256 = o.content_sha256,
            byte_size = o.byte_size
       from app.vault_document_versions o where o.document_id = '${will.documentId}' and v.document_id = '${doc.documentId}';
     alter table app.vault_document_versions enable trigger _200_append_only;`,
  );
  const moved = await download(olive.accessToken, doc.documentId);
  t.equal(moved.json().code, 'document_unreadable', "another document's ciphertext: document_unreadable");

  // The ciphertext intact but the recorded hash changed: the check after decryption refuses it.
  const other = await createDocument(olive.accessToken, olive.personaId, 'Hash target');
  t.equal((await upload(olive.accessToken, other.documentId, bytes)).statusCode, 201);
  await db.admin.query(
    `alter table app.vault_document_versions disable trigger _200_append_only;
     update app.vault_document_versions set content_sha256 = sha256('other'::bytea) where document_id = '${other.documentId}';
     alter table app.vault_document_versions enable trigger _200_append_only;`,
  );
  const mismatch = await download(olive.accessToken, other.documentId);
  t.equal(mismatch.statusCode, 500);
  t.equal(mismatch.json().code, 'document_hash_mismatch', 'a wrong hash: document_hash_mismatch');
});

t.test(
  'shared now: the recipient reads (audited); after_death, never, strangers, another tenant: not found',
  async (t) => {
    const shares = await send(olive.accessToken, 'PUT', `/v1/vault/documents/${will.documentId}/shares`, {
      shares: [
        { personaId: rita.personaId, when: 'now' },
        { personaId: dana.personaId, when: 'after_death' },
        { personaId: nora.personaId, when: 'never' },
      ],
    });
    t.equal(shares.statusCode, 200, shares.body);
    t.equal(shares.json().shares.length, 3);

    const read = await download(rita.accessToken, will.documentId);
    t.equal(read.statusCode, 200);
    t.ok(read.rawPayload.equals(content), 'the recipient gets the same bytes');
    const meta = await send(rita.accessToken, 'GET', `/v1/vault/documents/${will.documentId}`);
    t.equal(meta.json().myAccess, 'recipient');
    t.equal(meta.json().shares, null, 'a recipient does not see who else it is shared with');
    const listed = await send(rita.accessToken, 'GET', '/v1/vault/documents');
    t.same(
      listed.json().items.map((d: { documentId: string }) => d.documentId),
      [will.documentId],
      "the recipient's list",
    );
    const audited = await db.admin.query<{ changes: Record<string, unknown>; actor_id: string }>(
      `select changes, actor_id from audit.audit_log where table_name = 'api.sp_read_vault_document_version' and row_id = $1`,
      [will.documentId],
    );
    t.equal(audited.rows.length, 1, "the recipient's read is audited, the owner's reads are not");
    t.equal(audited.rows[0].actor_id, rita.sub);
    t.equal(audited.rows[0].changes.access, 'recipient');

    const random = await download(olive.accessToken, '00000000-0000-4000-8000-000000000000');
    t.equal(random.json().code, 'document_not_found');
    for (const [who, token] of [
      ['after_death', dana.accessToken],
      ['never', nora.accessToken],
      ['a stranger', sam.accessToken],
      ['another tenant', otto.accessToken],
    ] as const) {
      for (const res of [
        await download(token, will.documentId),
        await send(token, 'GET', `/v1/vault/documents/${will.documentId}`),
        await upload(token, will.documentId, Buffer.from('overwrite')),
        await send(token, 'PUT', `/v1/vault/documents/${will.documentId}/shares`, { shares: [] }),
        await send(token, 'PATCH', `/v1/vault/documents/${will.documentId}`, { title: 'Mine now' }),
        await send(token, 'DELETE', `/v1/vault/documents/${will.documentId}`),
      ]) {
        t.same([res.statusCode, res.json().code], [404, 'document_not_found'], `${who}: the same not-found`);
        t.notOk(res.body.includes(marker));
      }
      t.same((await send(token, 'GET', '/v1/vault/documents')).json().items, [], `${who}: an empty list`);
    }
    // A recipient shared now still cannot write: the same not-found as a stranger.
    const write = await upload(rita.accessToken, will.documentId, Buffer.from('mine'));
    t.same([write.statusCode, write.json().code], [404, 'document_not_found'], 'a reader cannot upload');
    const versions = await db.admin.query('select 1 from app.vault_document_versions where document_id = $1', [
      will.documentId,
    ]);
    t.equal(versions.rowCount, 1, 'no version was added by anyone but the owner');
    // Sharing with someone the owner may not name: the answer a random persona gets.
    const strangerShare = await send(olive.accessToken, 'PUT', `/v1/vault/documents/${will.documentId}/shares`, {
      shares: [{ personaId: sam.personaId, when: 'now' }],
    });
    const randomShare = await send(olive.accessToken, 'PUT', `/v1/vault/documents/${will.documentId}/shares`, {
      shares: [{ personaId: '00000000-0000-4000-8000-000000000001', when: 'now' }],
    });
    t.same(
      [strangerShare.statusCode, strangerShare.json().code],
      [randomShare.statusCode, randomShare.json().code],
      'a stranger persona as recipient: as a random one',
    );
  },
);

t.test(
  'an upload retried with its Idempotency-Key adds one version; another file under the key is refused',
  async (t) => {
    const doc = await createDocument(olive.accessToken, olive.personaId, 'Retried upload');
    const bytes = randomBytes(2048);
    const withKey = (body: Buffer) =>
      app.inject({
        method: 'POST',
        url: `/v1/vault/documents/${doc.documentId}/versions?mediaType=application/pdf`,
        headers: {
          ...bearer(olive.accessToken),
          'content-type': 'application/octet-stream',
          'idempotency-key': 'up-1',
        },
        payload: body,
      });
    const first = await withKey(bytes);
    t.equal(first.statusCode, 201, first.body);
    const again = await withKey(bytes);
    t.equal(again.statusCode, 201);
    t.equal(again.headers['idempotency-replayed'], 'true');
    t.same(again.json(), first.json(), 'the first answer again');
    const other = await withKey(randomBytes(2048));
    t.same([other.statusCode, other.json().code], [422, 'idempotency_key_reused'], 'another file: refused');
    const meta = await send(olive.accessToken, 'GET', `/v1/vault/documents/${doc.documentId}`);
    t.equal(meta.json().versions.length, 1, 'one version');
  },
);

t.test('status: draft → signed needs a file and a date; a signed document is never deleted', async (t) => {
  const doc = await createDocument(olive.accessToken, olive.personaId, 'Power of attorney');
  const early = await send(olive.accessToken, 'PATCH', `/v1/vault/documents/${doc.documentId}`, {
    status: 'signed',
    signedOn: '2025-05-01',
  });
  t.same([early.statusCode, early.json().code], [409, 'document_has_no_file']);
  t.equal((await upload(olive.accessToken, doc.documentId, Buffer.from('%PDF-1.7 signed'))).statusCode, 201);
  const signed = await send(olive.accessToken, 'PATCH', `/v1/vault/documents/${doc.documentId}`, {
    status: 'signed',
    signedOn: '2025-05-01',
  });
  t.equal(signed.statusCode, 200, signed.body);
  t.match(signed.json(), { status: 'signed', signedOn: '2025-05-01', latestVersion: 1 });
  const deleted = await send(olive.accessToken, 'DELETE', `/v1/vault/documents/${doc.documentId}`);
  t.same([deleted.statusCode, deleted.json().code], [409, 'document_not_draft']);
  const back = await send(olive.accessToken, 'PATCH', `/v1/vault/documents/${doc.documentId}`, { status: 'draft' });
  t.same([back.statusCode, back.json().code], [409, 'document_status_transition']);
  const revoked = await send(olive.accessToken, 'PATCH', `/v1/vault/documents/${doc.documentId}`, {
    status: 'revoked',
  });
  t.equal(revoked.json().status, 'revoked');
  const closed = await upload(olive.accessToken, doc.documentId, Buffer.from('late'));
  t.same([closed.statusCode, closed.json().code], [409, 'document_closed']);
  const events = await db.admin.query<{ event_type: string; payload: Record<string, unknown> }>(
    'select event_type, payload from app.outbox_events where aggregate_id = $1 order by seq',
    [doc.documentId],
  );
  t.same(
    events.rows.map((e) => e.event_type),
    [
      'vault_document.created',
      'vault_document.version_added',
      'vault_document.status_changed',
      'vault_document.status_changed',
    ],
  );
  t.notOk(JSON.stringify(events.rows).includes('Power of attorney'), 'events carry ids and states, not titles');
});

t.test('sizes and the plan: over 10 MiB is 413, bytes are counted, the plan limit refuses', async (t) => {
  const doc = await createDocument(fred.accessToken, fred.personaId, 'Deed scans');
  const tooLarge = await upload(fred.accessToken, doc.documentId, Buffer.alloc(10 * 1024 * 1024 + 1, 1));
  t.equal(tooLarge.statusCode, 413);
  t.equal(tooLarge.json().code, 'body_too_large');
  t.match(tooLarge.headers['content-type'], /application\/problem\+json/);
  const json = await send(fred.accessToken, 'POST', `/v1/vault/documents/${doc.documentId}/versions`, { a: 1 });
  t.same([json.statusCode, json.json().code], [415, 'unsupported_media_type'], 'a JSON body is not a file');
  const empty = await upload(fred.accessToken, doc.documentId, Buffer.alloc(0));
  t.same([empty.statusCode, empty.json().code], [400, 'document_empty']);

  const usage = async () => (await send(fred.accessToken, 'GET', '/v1/usage')).json() as unknown;
  const before = JSON.stringify(await usage());
  const storage = async () =>
    Number(
      (
        await db.admin.query<{ quantity: string }>(
          `select u.quantity from app.usage_records u join app.users s on s.tenant_id = u.tenant_id and s.id = u.user_id
            where s.cognito_sub = $1 and u.metric = 'storage_bytes'`,
          [fred.sub],
        )
      ).rows[0]?.quantity ?? 0,
    );
  const start = await storage();
  const six = Buffer.alloc(6 * 1024 * 1024, 7);
  t.equal((await upload(fred.accessToken, doc.documentId, six)).statusCode, 201);
  t.equal((await storage()) - start, six.length, 'the bytes are counted in storage_bytes');
  t.not(JSON.stringify(await usage()), before, 'and in the usage the API shows');
  // The free plan holds 10 MiB: six more MiB are over it.
  const over = await upload(fred.accessToken, doc.documentId, six);
  t.same([over.statusCode, over.json().code], [402, 'storage_limit_reached']);
  t.equal((await storage()) - start, six.length, 'the refused upload counted nothing');
  // Deleting the draft gives the bytes back.
  t.equal((await send(fred.accessToken, 'DELETE', `/v1/vault/documents/${doc.documentId}`)).statusCode, 204);
  t.equal(await storage(), start, 'the deleted draft left the count');
});

t.test('subjects: personas the owner may name and assets they may see', async (t) => {
  const asset = await send(olive.accessToken, 'POST', '/v1/assets', {
    assetType: 'misc',
    categoryCode: 'other',
    name: 'House',
    currency: 'USD',
    ownerPersonaId: olive.personaId,
    initialValue: '1.00',
    valuedOn: '2026-01-31',
  });
  t.equal(asset.statusCode, 201, asset.body);
  const set = await send(olive.accessToken, 'PUT', `/v1/vault/documents/${will.documentId}/subjects`, {
    subjects: [
      { kind: 'persona', personaId: rita.personaId },
      { kind: 'asset', assetId: asset.json().assetId },
    ],
  });
  t.equal(set.statusCode, 200, set.body);
  t.same(set.json().subjects, [
    { kind: 'persona', personaId: rita.personaId, assetId: null },
    { kind: 'asset', personaId: null, assetId: asset.json().assetId },
  ]);
  const foreign = await send(olive.accessToken, 'PUT', `/v1/vault/documents/${will.documentId}/subjects`, {
    subjects: [{ kind: 'persona', personaId: otto.personaId }],
  });
  t.same([foreign.statusCode, foreign.json().code], [404, 'persona_not_found']);
});

t.test('GDPR: the export lists the documents without their files; the erasure deletes them', async (t) => {
  const erin = await registerThroughApi(app, home, 'Erin', 'Erased');
  const doc = await createDocument(erin.accessToken, erin.personaId, 'Erin will');
  const bytes = Buffer.concat([Buffer.from(marker), randomBytes(512)]);
  t.equal((await upload(erin.accessToken, doc.documentId, bytes)).statusCode, 201);
  const exported = await send(erin.accessToken, 'POST', '/v1/me/data-requests', { kind: 'export' });
  const archive = await send(erin.accessToken, 'GET', `/v1/me/data-requests/${exported.json().requestId}/archive`);
  t.equal(archive.statusCode, 200, archive.body);
  const files = JSON.parse(archive.body).files as Record<string, Array<Record<string, unknown>>>;
  t.match(files['vault.json'], [
    {
      documentId: doc.documentId,
      title: 'Erin will',
      versions: [
        { versionNumber: 1, byteSize: bytes.length, contentSha256: createHash('sha256').update(bytes).digest('hex') },
      ],
    },
  ]);
  t.notOk(archive.body.includes(marker), 'no file content in the export');
  const erased = await send(erin.accessToken, 'POST', '/v1/me/data-requests', { kind: 'erasure' });
  t.match(erased.json(), { status: 'completed', outcome: { vaultDocuments: 1 } });
  const left = await db.admin.query('select 1 from app.vault_document_versions where document_id = $1', [
    doc.documentId,
  ]);
  t.equal(left.rowCount, 0, 'the ciphertext is gone');
});
