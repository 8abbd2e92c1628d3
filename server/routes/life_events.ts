// Incapacity and death reports (docs/legacy.md): someone close reports, the person blocks by
// signing in (or here), the reporter attaches evidence or withdraws; support staff list, verify
// (two of them for a death) and reject through their own door. One procedure per request.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { tagRoutes, TAGS } from '../openapi.ts';
import * as life from '../../generated/life_events.queries.ts';
import { listOf, problemResponses, replyOf } from '../schemas/common.ts';
import {
  EvidenceBody,
  LifeEvent,
  LifeEventList,
  LifeEventListQuery,
  LifeEventParams,
  PersonaLifeEventParams,
  RejectLifeEventBody,
  ReportLifeEventBody,
  StaffLifeEvent,
  StaffLifeEventList,
  StaffLifeEventListQuery,
  SupportLifeEventParams,
} from '../schemas/life_events.ts';
import { TenantParams } from '../schemas/support.ts';
import { FileReply } from '../schemas/vault.ts';
import { databaseDocumentStore, type DocumentStore, openFile } from '../document_store.ts';

export const lifeEventRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.addHook('onRoute', tagRoutes(TAGS.lifeEvents));

  app.post(
    '/personas/:personaId/life-events',
    {
      schema: {
        summary:
          'Reports the incapacity or death of someone close; a waiting period starts that they end by signing in',
        params: PersonaLifeEventParams,
        body: ReportLifeEventBody,
        response: { 201: replyOf(LifeEvent, life.reportLifeEvent), ...problemResponses },
      },
    },
    async (request, reply) => {
      const [row] = await request.inTenant((db) =>
        life.reportLifeEvent.run({ personaId: request.params.personaId, ...request.body }, db),
      );
      return reply.code(201).send(row);
    },
  );

  app.get(
    '/life-events',
    {
      schema: {
        summary: 'The reports the caller made, and those about the caller (to block), newest first',
        querystring: LifeEventListQuery,
        response: { 200: listOf(LifeEventList, life.listLifeEvents), ...problemResponses },
      },
    },
    async (request) => {
      const { limit, offset } = request.query;
      const items = await request.inTenant((db) => life.listLifeEvents.run({ limit, offset }, db));
      return { items, limit, offset };
    },
  );

  app.post(
    '/life-events/:eventId/evidence',
    {
      schema: {
        summary: 'The reporter attaches the evidence (its kind, the vault document, a note for support)',
        params: LifeEventParams,
        body: EvidenceBody,
        response: { 200: replyOf(LifeEvent, life.submitLifeEventEvidence), ...problemResponses },
      },
    },
    async (request) => {
      const { evidenceKind, documentId, note } = request.body;
      const [row] = await request.inTenant((db) =>
        life.submitLifeEventEvidence.run(
          { eventId: request.params.eventId, evidenceKind, documentId: documentId ?? null, note: note ?? null },
          db,
        ),
      );
      return row;
    },
  );

  const steps = [
    ['withdraw', life.withdrawLifeEvent, 'The reporter withdraws an open report'],
    ['block', life.blockLifeEvent, 'The person a report is about says it is wrong: it is blocked'],
  ] as const;
  for (const [step, binding, summary] of steps) {
    app.post(
      `/life-events/:eventId/${step}`,
      {
        schema: {
          summary,
          params: LifeEventParams,
          response: { 200: replyOf(LifeEvent, binding), ...problemResponses },
        },
      },
      async (request) => {
        const [row] = await request.inTenant((db) => binding.run({ eventId: request.params.eventId }, db));
        return row;
      },
    );
  }
};

export const supportLifeEventRoutes: FastifyPluginAsyncTypebox<{ store?: DocumentStore }> = async (app, options) => {
  app.addHook('onRoute', tagRoutes(TAGS.support));
  const store = options.store ?? databaseDocumentStore;

  app.get(
    '/tenants/:tenantId/life-events/:eventId/evidence',
    {
      schema: {
        summary: 'The evidence file of a report waiting for verification, decrypted and checked (audited)',
        params: SupportLifeEventParams,
        response: { 200: FileReply, ...problemResponses },
      },
    },
    async (request, reply) => {
      const [row] = await request.inSupport((db) => life.readLifeEventEvidence.run(request.params, db));
      const place = { tenantId: request.params.tenantId, documentId: row.documentId };
      const content = openFile(app.fieldCipher, place, await store.get(place, row), row);
      return reply
        .header('content-type', row.mediaType)
        .header('content-length', String(content.length))
        .header('content-disposition', 'attachment; filename="evidence"')
        .header('x-content-type-options', 'nosniff')
        .header('content-security-policy', "default-src 'none'; sandbox")
        .send(content);
    },
  );

  app.get(
    '/tenants/:tenantId/life-events',
    {
      schema: {
        summary: 'A tenant’s incapacity and death reports to verify, by state, oldest first (ids only; audited)',
        params: TenantParams,
        querystring: StaffLifeEventListQuery,
        response: { 200: listOf(StaffLifeEventList, life.supportListLifeEvents), ...problemResponses },
      },
    },
    async (request) => ({
      items: await request.inSupport((db) =>
        life.supportListLifeEvents.run(
          { tenantId: request.params.tenantId, state: request.query.state ?? null, ...request.query },
          db,
        ),
      ),
    }),
  );

  app.post(
    '/tenants/:tenantId/life-events/:eventId/verify',
    {
      schema: {
        summary: 'Verifies a report’s evidence after its wait (a death: two different staff members); a death freezes',
        params: SupportLifeEventParams,
        response: { 200: replyOf(StaffLifeEvent, life.verifyLifeEvent), ...problemResponses },
      },
    },
    async (request) => {
      const [row] = await request.inSupport((db) => life.verifyLifeEvent.run(request.params, db));
      return row;
    },
  );

  app.post(
    '/tenants/:tenantId/life-events/:eventId/reject',
    {
      schema: {
        summary: 'Rejects a report whose evidence does not hold, with a reason; nothing about the person changes',
        params: SupportLifeEventParams,
        body: RejectLifeEventBody,
        response: { 200: replyOf(StaffLifeEvent, life.rejectLifeEvent), ...problemResponses },
      },
    },
    async (request) => {
      const [row] = await request.inSupport((db) =>
        life.rejectLifeEvent.run({ ...request.params, reason: request.body.reason }, db),
      );
      return row;
    },
  );
};
