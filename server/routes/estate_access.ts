// What fiduciaries reach once a death or incapacity is verified (docs/legacy.md): the acting
// executor or POA agent reads the persona's assets (audited), and the acting executor sees every
// read made of the persona's data under a grant; the person sees what others did acting for them.
// One procedure per request.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { tagRoutes, TAGS } from '../openapi.ts';
import * as actingFor from '../../generated/acting_for.queries.ts';
import * as estateAccess from '../../generated/estate_access.queries.ts';
import { listOf, paged, problemResponses, replyOf } from '../schemas/common.ts';
import {
  ActingForRequests,
  EstatePageQuery,
  EstatePersonaParams,
  EstateReads,
  EstateSnapshot,
  ExecutorFlow,
  ExecutorFlowQuery,
  FiduciaryAssets,
} from '../schemas/estate_access.ts';

const estateAccessRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.addHook('onRoute', tagRoutes(TAGS.lifeEvents));

  app.get(
    '/personas/:personaId/fiduciary-access/assets',
    {
      schema: {
        summary:
          'The acting executor (death verified) or POA agent (incapacity verified) reads the persona’s assets (audited)',
        params: EstatePersonaParams,
        querystring: EstatePageQuery,
        response: { 200: listOf(FiduciaryAssets, estateAccess.readFiduciaryAssets), ...problemResponses },
      },
    },
    async (request) => {
      const { limit, offset } = request.query;
      return request.inTenant((db) =>
        paged({ limit, offset }, (page) =>
          estateAccess.readFiduciaryAssets.run({ personaId: request.params.personaId, ...page }, db),
        ),
      );
    },
  );

  app.get(
    '/personas/:personaId/acting-for-requests',
    {
      schema: {
        summary: 'The person sees what others did acting for them (a trusted user, a POA agent), newest first',
        params: EstatePersonaParams,
        querystring: EstatePageQuery,
        response: { 200: listOf(ActingForRequests, actingFor.listActingForRequests), ...problemResponses },
      },
    },
    async (request) => {
      const { limit, offset } = request.query;
      return request.inTenant((db) =>
        paged({ limit, offset }, (page) =>
          actingFor.listActingForRequests.run({ personaId: request.params.personaId, ...page }, db),
        ),
      );
    },
  );

  app.get(
    '/personas/:personaId/estate-reads',
    {
      schema: {
        summary: 'The acting executor sees every read of the deceased’s data made under a grant, newest first',
        params: EstatePersonaParams,
        querystring: EstatePageQuery,
        response: { 200: listOf(EstateReads, estateAccess.listEstateReads), ...problemResponses },
      },
    },
    async (request) => {
      const { limit, offset } = request.query;
      return request.inTenant((db) =>
        paged({ limit, offset }, (page) =>
          estateAccess.listEstateReads.run({ personaId: request.params.personaId, ...page }, db),
        ),
      );
    },
  );

  app.get(
    '/personas/:personaId/fiduciary-access/estate-flow',
    {
      schema: {
        summary:
          'The acting executor reads the estate flow of the deceased (as of the date of death by default; audited)',
        params: EstatePersonaParams,
        querystring: ExecutorFlowQuery,
        response: { 200: listOf(ExecutorFlow, estateAccess.readFiduciaryEstateFlow), ...problemResponses },
      },
    },
    async (request) => {
      const { asOf, currency } = request.query;
      const rows = await request.inTenant((db) =>
        estateAccess.readFiduciaryEstateFlow.run(
          { personaId: request.params.personaId, asOf: asOf ?? null, currency },
          db,
        ),
      );
      return { asOf: rows[0]?.asOf ?? asOf ?? null, currency, items: rows };
    },
  );

  app.get(
    '/personas/:personaId/estate-snapshot',
    {
      schema: {
        summary:
          'The acting executor reads what was kept at the verified death: holdings, net worth, estate flow (audited)',
        params: EstatePersonaParams,
        response: { 200: replyOf(EstateSnapshot, estateAccess.getEstateSnapshot), ...problemResponses },
      },
    },
    async (request) => {
      const [row] = await request.inTenant((db) =>
        estateAccess.getEstateSnapshot.run({ personaId: request.params.personaId }, db),
      );
      return row;
    },
  );
};

export default estateAccessRoutes;
