// GDPR routes (docs/gdpr.md): the signed-in user's consents, and their export and erasure
// requests. The database does the work (procedures/gdpr.sql); an export's archive comes back as
// one JSON document of files, in which the API opens the user's own sealed account numbers.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { tagRoutes, TAGS } from '../openapi.ts';
import type { FieldCipher } from '../field_cipher.ts';
import * as gdpr from '../../generated/gdpr.queries.ts';
import { listOf, Page, paged, problemResponse, problemResponses, replyOf } from '../schemas/common.ts';
import {
  ConsentBody,
  ConsentList,
  ConsentReply,
  DataExport,
  DataRequest,
  DataRequestBody,
  DataRequestList,
  DataRequestParams,
} from '../schemas/gdpr.ts';

/** assets.json with each sealed account number opened (`identifier`): the user's own, so theirs to have. */
export function openIdentifiers(files: unknown, cipher: FieldCipher): unknown {
  if (!files || typeof files !== 'object') return files;
  const all = files as Record<string, unknown>;
  const assets = all['assets.json'];
  if (!Array.isArray(assets)) return files;
  const opened = assets.map((asset: Record<string, unknown>) => {
    const { identifierSealed, ...rest } = asset;
    let identifier: string | null = null;
    if (typeof identifierSealed === 'string') {
      try {
        identifier = cipher.decrypt(Buffer.from(identifierSealed, 'base64'));
      } catch {
        // A key retired from FIELD_ENCRYPTION_KEYS: the last four characters are all that is left.
        identifier = null;
      }
    }
    return { ...rest, identifier };
  });
  return { ...all, 'assets.json': opened };
}

const gdprRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.addHook('onRoute', tagRoutes(TAGS.gdpr));

  app.get(
    '/me/consents',
    {
      schema: {
        summary: 'My consent history, newest first; the newest decision of each purpose is marked current',
        querystring: Page,
        response: { 200: listOf(ConsentList, gdpr.listMyConsents), ...problemResponses },
      },
    },
    async (request) => request.inTenant((db) => paged(request.query, (page) => gdpr.listMyConsents.run(page, db))),
  );

  app.post(
    '/me/consents',
    {
      schema: {
        summary: 'Gives or withdraws my consent to a purpose, at the version of the text I was shown',
        body: ConsentBody,
        response: { 201: replyOf(ConsentReply, gdpr.recordConsent), ...problemResponses },
      },
    },
    async (request, reply) => {
      const [row] = await request.inTenant((db) => gdpr.recordConsent.run(request.body, db));
      return reply.code(201).send(row);
    },
  );

  app.post(
    '/me/data-requests',
    {
      schema: {
        summary:
          'Asks for an export or the erasure of my data: carried out at once, or refused with the reason (status refused)',
        body: DataRequestBody,
        response: { 201: replyOf(DataRequest, gdpr.createDataRequest), ...problemResponses },
      },
    },
    async (request, reply) => {
      const [row] = await request.inTenant((db) => gdpr.createDataRequest.run({ kind: request.body.kind }, db));
      return reply.code(201).header('location', `/v1/me/data-requests/${row.requestId}`).send(row);
    },
  );

  app.get(
    '/me/data-requests',
    {
      schema: {
        summary: 'My export and erasure requests, newest first, with states and deadlines',
        querystring: Page,
        response: { 200: listOf(DataRequestList, gdpr.listMyDataRequests), ...problemResponses },
      },
    },
    async (request) => request.inTenant((db) => paged(request.query, (page) => gdpr.listMyDataRequests.run(page, db))),
  );

  app.get(
    '/me/data-requests/:requestId',
    {
      schema: {
        summary: 'One of my data requests: state, deadline, refusal reason or outcome, and its trail',
        params: DataRequestParams,
        response: { 200: replyOf(DataRequest, gdpr.getMyDataRequest), ...problemResponses },
      },
    },
    async (request) => (await request.inTenant((db) => gdpr.getMyDataRequest.run(request.params, db)))[0],
  );

  app.get(
    '/me/data-requests/:requestId/archive',
    {
      schema: {
        summary: "A completed export's archive (7 days): my data as JSON files, one per domain",
        params: DataRequestParams,
        response: {
          200: replyOf(DataExport, gdpr.getDataExport),
          ...problemResponses,
          410: problemResponse('`export_expired`: the archive is no longer kept; request a new export'),
        },
      },
    },
    async (request, reply) => {
      const [row] = await request.inTenant((db) => gdpr.getDataExport.run(request.params, db));
      reply.header('content-disposition', `attachment; filename="estate-vault-export-${row.requestId}.json"`);
      return { ...row, files: openIdentifiers(row.files, app.fieldCipher) as typeof row.files };
    },
  );
};

export default gdprRoutes;
