// Support access beyond the masked view (docs/support.md): at the support door staff ask a user
// for access (consent) or open a break-glass access a second staff member approves, and under an
// approved access read the user's assets in clear and decrypt an account number; at the tenants'
// door the user approves, denies or revokes, and reads each look support took.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { tagRoutes, TAGS } from '../openapi.ts';
import * as access from '../../generated/support_access.queries.ts';
import { listOf, Page, problemResponses, replyOf } from '../schemas/common.ts';
import { UserParams } from '../schemas/support.ts';
import {
  AccessRequestBody,
  AccessRequestParams,
  AccountNumber,
  BreakGlassBody,
  MyAccessEventList,
  MyAccessRequest,
  MyAccessRequestList,
  MyAccessRequestParams,
  MyAccessRequestQuery,
  StaffAccessRequest,
  StaffAccessRequestList,
  UnmaskedAssetList,
  UserAssetParams,
} from '../schemas/support_access.ts';

/** The support door's routes (/support/v1). */
export const supportAccessRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.addHook('onRoute', tagRoutes(TAGS.support));

  app.post(
    '/tenants/:tenantId/users/:userId/access-requests',
    {
      schema: {
        summary: 'Asks a user for access to their data beyond the masked view (reason, ticket); the user decides',
        params: UserParams,
        body: AccessRequestBody,
        response: { 201: replyOf(StaffAccessRequest, access.requestSupportAccess), ...problemResponses },
      },
    },
    async (request, reply) => {
      const [row] = await request.inSupport((db) =>
        access.requestSupportAccess.run({ ...request.params, ...request.body }, db),
      );
      return reply.code(201).send(row);
    },
  );

  app.get(
    '/tenants/:tenantId/users/:userId/access-requests',
    {
      schema: {
        summary:
          'Every access request about a user (consent and break-glass), with who asked and who decided (audited)',
        params: UserParams,
        querystring: Page,
        response: { 200: listOf(StaffAccessRequestList, access.listSupportAccessRequests), ...problemResponses },
      },
    },
    async (request) => ({
      items: await request.inSupport((db) =>
        access.listSupportAccessRequests.run({ ...request.params, ...request.query }, db),
      ),
    }),
  );

  app.post(
    '/tenants/:tenantId/users/:userId/break-glass',
    {
      schema: {
        summary:
          "Emergencies only: opens access to a user's data without consent; effective once a second staff member approves",
        params: UserParams,
        body: BreakGlassBody,
        response: { 201: replyOf(StaffAccessRequest, access.openBreakGlass), ...problemResponses },
      },
    },
    async (request, reply) => {
      const [row] = await request.inSupport((db) =>
        access.openBreakGlass.run({ ...request.params, ...request.body }, db),
      );
      // Loud: every break-glass step is a warning in the API's log (ids only, no PII), beside the audit rows.
      request.log.warn(
        {
          breakGlass: {
            tenantId: request.params.tenantId,
            userId: row.userId,
            requestId: row.requestId,
            by: row.requestedBy,
          },
        },
        'break-glass access opened: waiting for a second staff member',
      );
      return reply.code(201).send(row);
    },
  );

  app.post(
    '/tenants/:tenantId/break-glass/:requestId/approve',
    {
      schema: {
        summary: 'A second, different staff member approves a break-glass access: it becomes effective for its minutes',
        params: AccessRequestParams,
        response: { 200: replyOf(StaffAccessRequest, access.approveBreakGlass), ...problemResponses },
      },
    },
    async (request) => {
      const [row] = await request.inSupport((db) => access.approveBreakGlass.run(request.params, db));
      request.log.warn(
        {
          breakGlass: {
            tenantId: request.params.tenantId,
            userId: row.userId,
            requestId: row.requestId,
            by: row.requestedBy,
            approvedBy: row.decidedBy,
            expiresAt: row.expiresAt,
          },
        },
        'break-glass access approved: effective',
      );
      return row;
    },
  );

  app.post(
    '/tenants/:tenantId/access-requests/:requestId/close',
    {
      schema: {
        summary: 'Withdraws a waiting access request or ends an active access early (any staff member)',
        params: AccessRequestParams,
        response: { 200: replyOf(StaffAccessRequest, access.closeSupportAccess), ...problemResponses },
      },
    },
    async (request) => (await request.inSupport((db) => access.closeSupportAccess.run(request.params, db)))[0],
  );

  app.get(
    '/tenants/:tenantId/users/:userId/assets',
    {
      schema: {
        summary:
          "A user's assets with names and descriptions in clear, under an approved access of the caller's (the user sees it)",
        params: UserParams,
        querystring: Page,
        response: { 200: listOf(UnmaskedAssetList, access.getUserAssetsUnmasked), ...problemResponses },
      },
    },
    async (request) => ({
      items: await request.inSupport((db) =>
        access.getUserAssetsUnmasked.run({ ...request.params, ...request.query }, db),
      ),
    }),
  );

  app.get(
    '/tenants/:tenantId/users/:userId/assets/:assetId/account-number',
    {
      schema: {
        summary: "An asset's account number in clear, under an approved access of the caller's (the user sees it)",
        params: UserAssetParams,
        response: { 200: AccountNumber, ...problemResponses },
      },
    },
    async (request) => {
      // The database gives the ciphertext only under a current access; the field keys never leave the API.
      const [row] = await request.inSupport((db) => access.getAccountNumber.run(request.params, db));
      return {
        assetId: row.assetId,
        accountNumber: request.server.fieldCipher.decrypt(row.identifierCiphertext),
        identifierLast4: row.identifierLast4,
        accessExpiresAt: row.accessExpiresAt,
      };
    },
  );
};

/** The user's side, at the tenants' door (/v1). */
export const mySupportAccessRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.addHook('onRoute', tagRoutes(TAGS.identity));

  app.get(
    '/me/support-access-requests',
    {
      schema: {
        summary: 'What support asked to see of my data and why: waiting requests to approve or deny, and past ones',
        querystring: MyAccessRequestQuery,
        response: { 200: listOf(MyAccessRequestList, access.listMySupportAccessRequests), ...problemResponses },
      },
    },
    async (request) => {
      const { state, limit, offset } = request.query;
      return {
        items: await request.inTenant((db) =>
          access.listMySupportAccessRequests.run({ state: state ?? null, limit, offset }, db),
        ),
      };
    },
  );

  // One route per decision: each names its own procedure (the OpenAPI document's x-procedure).
  const decision = (summary: string, reply: typeof MyAccessRequest) => ({
    schema: { summary, params: MyAccessRequestParams, response: { 200: reply, ...problemResponses } },
  });
  app.post(
    '/me/support-access-requests/:requestId/approve',
    decision(
      'Lets support see my data for the minutes asked, from now',
      replyOf(MyAccessRequest, access.approveSupportAccessRequest),
    ),
    async (request) => (await request.inTenant((db) => access.approveSupportAccessRequest.run(request.params, db)))[0],
  );
  app.post(
    '/me/support-access-requests/:requestId/deny',
    decision("Refuses support's request to see my data", replyOf(MyAccessRequest, access.denySupportAccessRequest)),
    async (request) => (await request.inTenant((db) => access.denySupportAccessRequest.run(request.params, db)))[0],
  );
  app.post(
    '/me/support-access-requests/:requestId/revoke',
    decision(
      'Ends an access I approved, before it expires',
      replyOf(MyAccessRequest, access.revokeSupportAccessRequest),
    ),
    async (request) => (await request.inTenant((db) => access.revokeSupportAccessRequest.run(request.params, db)))[0],
  );

  app.get(
    '/me/support-access-events',
    {
      schema: {
        summary: 'Each time support looked at my data under an access: when, what (assets, an account number) and why',
        querystring: Page,
        response: { 200: listOf(MyAccessEventList, access.listMySupportAccessEvents), ...problemResponses },
      },
    },
    async (request) => ({
      items: await request.inTenant((db) => access.listMySupportAccessEvents.run(request.query, db)),
    }),
  );
};
