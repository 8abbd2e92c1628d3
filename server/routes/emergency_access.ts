// Emergency-access routes: a grantor names a trusted user; each step of the state machine
// (accept, confirm, request, approve, refuse, revoke) is one procedure; an approved grant lets the
// trusted user read the grantor's assets, every read audited (docs/legacy.md).
import { tagRoutes, TAGS } from '../openapi.ts';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import * as emergency from '../../generated/emergency_access.queries.ts';
import { listOf, paged, problemResponses, replyOf } from '../schemas/common.ts';
import {
  CreateGrantBody,
  Grant,
  GrantAssets,
  GrantAssetsQuery,
  GrantList,
  GrantListQuery,
  GrantParams,
} from '../schemas/emergency_access.ts';

const emergencyAccessRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.addHook('onRoute', tagRoutes(TAGS.emergencyAccess));

  app.post(
    '/emergency-access',
    {
      schema: {
        summary: 'Names a trusted user (by id or email) who may reach the caller’s own persona in an emergency',
        body: CreateGrantBody,
        response: { 201: replyOf(Grant, emergency.createEmergencyAccess), ...problemResponses },
      },
    },
    async (request, reply) => {
      const body = request.body;
      const [row] = await request.inTenant((db) =>
        emergency.createEmergencyAccess.run(
          {
            granteeUserId: body.granteeUserId ?? null,
            granteeEmail: body.granteeEmail ?? null,
            scope: body.scope,
            waitDays: body.waitDays,
          },
          db,
        ),
      );
      return reply.code(201).send(row);
    },
  );

  app.get(
    '/emergency-access',
    {
      schema: {
        summary: 'The emergency access grants the caller gave or holds, newest first, with their states now',
        querystring: GrantListQuery,
        response: { 200: listOf(GrantList, emergency.listEmergencyAccess), ...problemResponses },
      },
    },
    async (request) => {
      const { role, limit, offset } = request.query;
      const items = await request.inTenant((db) =>
        emergency.listEmergencyAccess.run({ role: role ?? null, limit, offset }, db),
      );
      return { items, limit, offset };
    },
  );

  const steps = [
    ['accept', emergency.acceptEmergencyAccess, 'The trusted user accepts an invited grant'],
    ['confirm', emergency.confirmEmergencyAccess, 'The grantor confirms a grant the trusted user accepted'],
    ['request', emergency.requestEmergencyAccess, 'The trusted user requests access: the waiting period starts'],
    ['approve', emergency.approveEmergencyAccess, 'The grantor approves a pending request: access opens at once'],
    ['refuse', emergency.refuseEmergencyAccess, 'The grantor refuses a pending request: the grant is confirmed again'],
    [
      'revoke',
      emergency.revokeEmergencyAccess,
      'The grantor revokes the grant, or the trusted user declines or leaves it',
    ],
  ] as const;
  for (const [step, binding, summary] of steps) {
    app.post(
      `/emergency-access/:grantId/${step}`,
      {
        schema: {
          summary,
          params: GrantParams,
          response: { 200: replyOf(Grant, binding), ...problemResponses },
        },
      },
      async (request) => {
        const [row] = await request.inTenant((db) => binding.run({ grantId: request.params.grantId }, db));
        return row;
      },
    );
  }

  app.get(
    '/emergency-access/:grantId/assets',
    {
      schema: {
        summary: 'The grantor’s assets, read by the trusted user of an approved grant in its window (audited)',
        params: GrantParams,
        querystring: GrantAssetsQuery,
        response: { 200: listOf(GrantAssets, emergency.readEmergencyAccessAssets), ...problemResponses },
      },
    },
    async (request) => {
      const { limit, offset } = request.query;
      return request.inTenant((db) =>
        paged({ limit, offset }, (page) =>
          emergency.readEmergencyAccessAssets.run({ grantId: request.params.grantId, ...page }, db),
        ),
      );
    },
  );
};

export default emergencyAccessRoutes;
