// The vault at the procedures: plaintext is refused rather than stored, a version lives in the row
// or behind an object store's key (never both), the stated size is bounded, versions are never
// changed, racing uploads get distinct numbers, and a recipient's read is audited while a
// stranger's answer is a random id's and leaves no trace.
import { randomBytes, randomUUID } from 'node:crypto';
import t from 'tap';
import * as vault from '../generated/vault.queries.ts';
import { databaseDocumentStore, sealFile } from '../server/document_store.ts';
import { createFieldCipher, generateFieldKeys } from '../server/field_cipher.ts';
import { makeTenant, makeUser, rejection, testDatabase, type TestUser } from './helpers/db.ts';

const db = await testDatabase(t);
const tenant = await makeTenant(db, 'vault');
const { as } = db;
const owner = await makeUser(db, tenant, 'Owen', 'family');
const stranger = await makeUser(db, tenant, 'Stan');
const cipher = createFieldCipher(generateFieldKeys('db'));

const [document] = await as(owner, (c) =>
  vault.createVaultDocument.run(
    { ownerPersonaId: owner.personaId, kind: 'trust', title: 'Owen trust', reviewOn: null },
    c,
  ),
);
const documentId = document.documentId;
const sealed = (content: Buffer) => sealFile(cipher, { tenantId: tenant, documentId }, content);
const add = (who: TestUser, params: Partial<Parameters<typeof vault.addVaultDocumentVersion.run>[0]>) =>
  as(who, (c) =>
    vault.addVaultDocumentVersion.run(
      {
        documentId,
        mediaType: 'application/pdf',
        fileName: 'trust.pdf',
        byteSize: 1,
        contentSha256: Buffer.alloc(32),
        ciphertext: null,
        storageKey: null,
        ...params,
      },
      c,
    ),
  );

t.test('plaintext, two places or none, a bad hash: refused before anything is stored', async (t) => {
  const content = Buffer.from('plain words of a trust deed');
  const s = sealed(content);
  for (const [what, params] of [
    ['plaintext as the ciphertext', { byteSize: content.length, contentSha256: s.sha256, ciphertext: content }],
    [
      'a ciphertext of another size',
      { byteSize: content.length + 1, contentSha256: s.sha256, ciphertext: s.ciphertext },
    ],
    ['both places', { byteSize: content.length, contentSha256: s.sha256, ciphertext: s.ciphertext, storageKey: 'k/1' }],
    ['no place', { byteSize: content.length, contentSha256: s.sha256 }],
    ['a short hash', { byteSize: content.length, contentSha256: Buffer.alloc(16), ciphertext: s.ciphertext }],
  ] as const) {
    t.same((await rejection(add(owner, params))).code, 'invalid_document_content', `${what}: invalid_document_content`);
  }
  const tooLarge = await rejection(add(owner, { byteSize: 10 * 1024 * 1024 + 1, storageKey: 'tenants/x/big' }));
  t.same([tooLarge.sqlState, tooLarge.code], ['PT413', 'document_too_large']);
  const { rows } = await db.admin.query('select 1 from app.vault_document_versions where document_id = $1', [
    documentId,
  ]);
  t.equal(rows.length, 0, 'nothing stored');
});

t.test('a version behind an object store key; the PostgreSQL store does not pretend to reach it', async (t) => {
  const [row] = await add(owner, { byteSize: 5, storageKey: `tenants/${tenant}/documents/${documentId}/a` });
  t.equal(row.versionNumber, 1);
  const [read] = await as(owner, (c) => vault.readVaultDocumentVersion.run({ documentId, versionNumber: 1 }, c));
  t.match(read, {
    storage: 'object_store',
    ciphertext: null,
    storageKey: `tenants/${tenant}/documents/${documentId}/a`,
  });
  await t.rejects(databaseDocumentStore.get({ tenantId: tenant, documentId }, read), {
    code: 'document_store_unavailable',
  });
});

t.test('versions are never changed, even by their owner', async (t) => {
  const changed = await db.admin
    .query(`update app.vault_document_versions set media_type = 'text/plain' where document_id = $1`, [documentId])
    .catch((error: { hint?: string }) => error);
  t.equal((changed as { hint?: string }).hint, 'document_version_immutable');
});

t.test('racing uploads get distinct version numbers', async (t) => {
  const uploads = await Promise.all(
    Array.from({ length: 6 }, () => {
      const s = sealed(randomBytes(64));
      return add(owner, { byteSize: 64, contentSha256: s.sha256, ciphertext: s.ciphertext }).then(
        (r) => r[0].versionNumber,
      );
    }),
  );
  t.same(
    [...uploads].sort((a, b) => a - b),
    [2, 3, 4, 5, 6, 7],
  );
});

t.test("a stranger's read: the answer a random id gets, and no audit row", async (t) => {
  const audit = async () =>
    (await db.admin.query(`select 1 from audit.audit_log where table_name = 'api.sp_read_vault_document_version'`))
      .rowCount;
  const before = await audit();
  const read = (id: string) =>
    as(stranger, (c) => vault.readVaultDocumentVersion.run({ documentId: id, versionNumber: null }, c));
  const [theirs, random] = [await rejection(read(documentId)), await rejection(read(randomUUID()))];
  t.same([theirs.sqlState, theirs.code, theirs.message], [random.sqlState, random.code, random.message]);
  t.equal(theirs.code, 'document_not_found');
  t.equal(await audit(), before, 'a refused read records nothing');
});
