// Estate-document vault routes (docs/vault.md): documents of a persona, the upload of a version (the
// file as application/octet-stream, sealed here with the field keys before its one procedure call),
// its download (opened and checked against its SHA-256 here), what a document concerns and who may
// read it. Who may do what is the procedures' decision; each request is one typed procedure call.
import type { FastifyPluginAsyncTypebox, TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import * as vault from '../../generated/vault.queries.ts';
import {
  databaseDocumentStore,
  openFile,
  sealFile,
  VAULT_MAX_FILE_BYTES,
  type DocumentStore,
} from '../document_store.ts';
import { tagRoutes, TAGS } from '../openapi.ts';
import { HttpProblem } from '../plugins/errors.ts';
import { listOf, problemResponse, problemResponses, replyOf } from '../schemas/common.ts';
import {
  CreateDocumentBody,
  Document,
  DocumentList,
  DocumentListQuery,
  DocumentParams,
  FileReply,
  SharesBody,
  SubjectsBody,
  UpdateDocumentBody,
  UploadBody,
  UploadQuery,
  Version,
  VersionParams,
} from '../schemas/vault.ts';

/** Content-Disposition for a stored file name: an ASCII fallback and the UTF-8 name (RFC 6266). */
function disposition(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]|["\\%]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

const vaultRoutes: FastifyPluginAsyncTypebox<{ store?: DocumentStore }> = async (app, options) => {
  app.addHook('onRoute', tagRoutes(TAGS.vault));
  const store = options.store ?? databaseDocumentStore;

  app.post(
    '/vault/documents',
    {
      schema: {
        summary: 'Creates a draft estate document (will, trust, power of attorney...) of a persona the caller acts for',
        body: CreateDocumentBody,
        response: { 201: replyOf(Document, vault.createVaultDocument), ...problemResponses },
      },
    },
    async (request, reply) => {
      const { ownerPersonaId, kind, title, reviewOn } = request.body;
      const [row] = await request.inTenant((db) =>
        vault.createVaultDocument.run({ ownerPersonaId, kind, title, reviewOn: reviewOn ?? null }, db),
      );
      return reply.code(201).header('location', `/v1/vault/documents/${row.documentId}`).send(row);
    },
  );

  app.get(
    '/vault/documents',
    {
      schema: {
        summary:
          'The documents the caller owns or that were shared with them now (optionally one persona’s), newest first',
        querystring: DocumentListQuery,
        response: { 200: listOf(DocumentList, vault.listVaultDocuments), ...problemResponses },
      },
    },
    async (request) => {
      const { personaId, limit, offset } = request.query;
      const items = await request.inTenant((db) =>
        vault.listVaultDocuments.run({ personaId: personaId ?? null, limit, offset }, db),
      );
      return { items, limit, offset };
    },
  );

  app.get(
    '/vault/documents/:documentId',
    {
      schema: {
        summary: 'One document: its metadata, its versions (size, type, SHA-256), its subjects and (owners) its shares',
        params: DocumentParams,
        response: { 200: replyOf(Document, vault.getVaultDocument), ...problemResponses },
      },
    },
    async (request) => {
      const [row] = await request.inTenant((db) =>
        vault.getVaultDocument.run({ documentId: request.params.documentId }, db),
      );
      return row;
    },
  );

  app.patch(
    '/vault/documents/:documentId',
    {
      schema: {
        summary:
          'Renames a document, sets its review date, or moves its status (draft → signed → superseded or revoked)',
        params: DocumentParams,
        body: UpdateDocumentBody,
        response: { 200: replyOf(Document, vault.updateVaultDocument), ...problemResponses },
      },
    },
    async (request) => {
      const { title, reviewOn, status, signedOn } = request.body;
      const [row] = await request.inTenant((db) =>
        vault.updateVaultDocument.run(
          {
            documentId: request.params.documentId,
            title: title ?? null,
            reviewOn: reviewOn ?? null,
            status: status ?? null,
            signedOn: signedOn ?? null,
          },
          db,
        ),
      );
      return row;
    },
  );

  app.delete(
    '/vault/documents/:documentId',
    {
      schema: {
        summary: 'Deletes a draft with its files; a signed document is never deleted (supersede or revoke it)',
        params: DocumentParams,
        response: { 204: Type.Null(), ...problemResponses },
      },
    },
    async (request, reply) => {
      await request.inTenant((db) => vault.deleteVaultDocument.run({ documentId: request.params.documentId }, db));
      return reply.code(204).send(null);
    },
  );

  app.put(
    '/vault/documents/:documentId/subjects',
    {
      schema: {
        summary: 'Replaces the personas and assets a document concerns',
        params: DocumentParams,
        body: SubjectsBody,
        response: { 200: replyOf(Document, vault.setVaultDocumentSubjects), ...problemResponses },
      },
    },
    async (request) => {
      const [row] = await request.inTenant((db) =>
        vault.setVaultDocumentSubjects.run(
          // An array would reach node-postgres as a PostgreSQL array literal: JSON text for jsonb.
          { documentId: request.params.documentId, subjects: JSON.stringify(request.body.subjects) },
          db,
        ),
      );
      return row;
    },
  );

  app.put(
    '/vault/documents/:documentId/shares',
    {
      schema: {
        summary: 'Replaces who may read a document and when: now, after the owner’s death, or never',
        params: DocumentParams,
        body: SharesBody,
        response: { 200: replyOf(Document, vault.setVaultDocumentShares), ...problemResponses },
      },
    },
    async (request) => {
      const [row] = await request.inTenant((db) =>
        vault.setVaultDocumentShares.run(
          { documentId: request.params.documentId, shares: JSON.stringify(request.body.shares) },
          db,
        ),
      );
      return row;
    },
  );

  // The upload: the only route taking bytes. Its own parser (this plugin only) reads
  // application/octet-stream up to the largest file; JSON keeps the API's parser and 256 KiB.
  await app.register(async (scope) => {
    const upload = scope.withTypeProvider<TypeBoxTypeProvider>();
    upload.addContentTypeParser(
      'application/octet-stream',
      { parseAs: 'buffer', bodyLimit: VAULT_MAX_FILE_BYTES },
      (_request, body, done) => done(null, body),
    );
    upload.post(
      '/vault/documents/:documentId/versions',
      {
        schema: {
          summary:
            'Uploads a new version of a document’s file (application/octet-stream, at most 10 MiB), encrypted before it is stored',
          params: DocumentParams,
          querystring: UploadQuery,
          body: UploadBody,
          response: {
            201: replyOf(Version, vault.addVaultDocumentVersion),
            ...problemResponses,
            413: problemResponse('`body_too_large` / `document_too_large`: the file is over 10 MiB'),
            415: problemResponse('`unsupported_media_type`: the file is sent as application/octet-stream'),
          },
        },
      },
      async (request, reply) => {
        const body: unknown = request.body;
        if (body !== undefined && !Buffer.isBuffer(body)) {
          throw new HttpProblem(415, 'unsupported_media_type', 'the file is sent as application/octet-stream');
        }
        // No body at all reaches the procedure as an empty file: it answers for the document first.
        const content = body ?? Buffer.alloc(0);
        const place = { tenantId: request.auth!.tenantId, documentId: request.params.documentId };
        const sealed = sealFile(app.fieldCipher, place, content);
        const stored = await store.put(place, sealed.ciphertext);
        const [row] = await request.inTenant((db) =>
          vault.addVaultDocumentVersion.run(
            {
              documentId: request.params.documentId,
              mediaType: request.query.mediaType.toLowerCase(),
              fileName: request.query.fileName ?? null,
              byteSize: sealed.byteSize,
              contentSha256: sealed.sha256,
              ciphertext: stored.ciphertext,
              storageKey: stored.storageKey,
            },
            db,
          ),
        );
        return reply
          .code(201)
          .header('location', `/v1/vault/documents/${row.documentId}/versions/${row.versionNumber}/content`)
          .send(row);
      },
    );
  });

  app.get(
    '/vault/documents/:documentId/versions/:versionNumber/content',
    {
      schema: {
        summary:
          'Downloads a version’s file, decrypted and checked against its SHA-256 (reads by recipients are audited)',
        params: VersionParams,
        response: {
          200: FileReply,
          ...problemResponses,
        },
      },
    },
    async (request, reply) => {
      const { documentId, versionNumber } = request.params;
      const [row] = await request.inTenant((db) =>
        vault.readVaultDocumentVersion.run({ documentId, versionNumber }, db),
      );
      const place = { tenantId: request.auth!.tenantId, documentId };
      const ciphertext = await store.get(place, row);
      const content = openFile(app.fieldCipher, place, ciphertext, row);
      const sha256 = Buffer.from(row.contentSha256, 'hex');
      return reply
        .header('content-type', row.mediaType)
        .header('content-length', String(content.length))
        .header('etag', `"${sha256.toString('base64url')}"`)
        .header('content-digest', `sha-256=:${sha256.toString('base64')}:`)
        .header('content-disposition', disposition(row.fileName ?? `${row.documentTitle}-v${row.versionNumber}`))
        .header('x-content-type-options', 'nosniff')
        .header('content-security-policy', "default-src 'none'; sandbox")
        .send(content);
    },
  );
};

export default vaultRoutes;
