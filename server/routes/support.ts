// The support door (/support/v1): staff signed in through a staff pool reach support procedures
// through the support login role; every answer masks contact data, every call is audited with
// the staff member's identity (docs/support.md). Tenants' tokens never get here (server/app.ts).
import { Type } from 'typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { tagRoutes, TAGS } from '../openapi.ts';
import * as support from '../../generated/support.queries.ts';
import { setTenantStatus } from '../../generated/tenancy.queries.ts';
import { setExchangeRate } from '../../generated/net_worth.queries.ts';
import * as gdpr from '../../generated/gdpr.queries.ts';
import {
  SupportDataRequest,
  SupportDataRequestList,
  SupportDataRequestParams,
  SupportDataRequestQuery,
} from '../schemas/gdpr.ts';
import { listOf, Page, problemResponses, replyOf } from '../schemas/common.ts';
import {
  AuditList,
  AuditQuery,
  RateBody,
  RateQuery,
  RevokeBody,
  RevokeReply,
  SessionList,
  Staff,
  StoredRateList,
  Tenant,
  TenantList,
  TenantParams,
  TenantQuery,
  TenantStatusBody,
  UnmaskBody,
  UnmaskGrant,
  UnmaskedPersonaList,
  UserCircleList,
  UserList,
  UserParams,
  UserPersonaList,
  UserQuery,
  UserStatusBody,
  UserStatusReply,
} from '../schemas/support.ts';

const supportRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.addHook('onRoute', tagRoutes(TAGS.support));

  app.get(
    '/me',
    {
      schema: {
        summary: 'The staff member signed in through the support door',
        response: { 200: replyOf(Staff, support.getCurrentStaff), ...problemResponses },
      },
    },
    async (request) => (await request.inSupport((db) => support.getCurrentStaff.run(undefined, db)))[0],
  );

  app.get(
    '/tenants',
    {
      schema: {
        summary: 'Tenants by slug start, name part or id, optionally of one status (audited)',
        querystring: TenantQuery,
        response: { 200: listOf(TenantList, support.findTenants), ...problemResponses },
      },
    },
    async (request) => {
      const { q, status, limit, offset } = request.query;
      const items = await request.inSupport((db) =>
        support.findTenants.run({ query: q ?? null, status: status ?? null, limit, offset }, db),
      );
      return { items };
    },
  );

  app.patch(
    '/tenants/:tenantId',
    {
      schema: {
        summary: "Suspends or reactivates a tenant: its users' next request is refused (tenant_inactive) or served",
        params: TenantParams,
        body: TenantStatusBody,
        response: { 200: replyOf(Tenant, setTenantStatus), ...problemResponses },
      },
    },
    async (request) =>
      (
        await request.inSupport((db) =>
          setTenantStatus.run({ tenantId: request.params.tenantId, status: request.body.status }, db),
        )
      )[0],
  );

  app.get(
    '/tenants/:tenantId/users',
    {
      schema: {
        summary: "A tenant's users by whole email, name start or id; emails and names masked (audited)",
        params: TenantParams,
        querystring: UserQuery,
        response: { 200: listOf(UserList, support.findUsers), ...problemResponses },
      },
    },
    async (request) => {
      const { q, limit, offset } = request.query;
      const items = await request.inSupport((db) =>
        support.findUsers.run({ tenantId: request.params.tenantId, query: q ?? null, limit, offset }, db),
      );
      return { items };
    },
  );

  app.patch(
    '/tenants/:tenantId/users/:userId',
    {
      schema: {
        summary: "Suspends or reactivates a user: a suspended user's next request is refused (user_suspended)",
        params: UserParams,
        body: UserStatusBody,
        response: { 200: replyOf(UserStatusReply, support.setUserStatus), ...problemResponses },
      },
    },
    async (request) =>
      (
        await request.inSupport((db) =>
          support.setUserStatus.run({ ...request.params, status: request.body.status }, db),
        )
      )[0],
  );

  app.get(
    '/tenants/:tenantId/users/:userId/personas',
    {
      schema: {
        summary: 'The personas a user acts for, names and contact data masked (audited)',
        params: UserParams,
        response: { 200: listOf(UserPersonaList, support.getUserPersonas), ...problemResponses },
      },
    },
    async (request) => ({
      items: await request.inSupport((db) => support.getUserPersonas.run(request.params, db)),
    }),
  );

  app.post(
    '/tenants/:tenantId/users/:userId/unmask-grants',
    {
      schema: {
        summary:
          "Lets the caller see a user's contact data in clear for a while, for a stated reason and ticket (the user sees it)",
        params: UserParams,
        body: UnmaskBody,
        response: { 201: replyOf(UnmaskGrant, support.grantUnmask), ...problemResponses },
      },
    },
    async (request, reply) => {
      const [row] = await request.inSupport((db) =>
        support.grantUnmask.run({ ...request.params, ...request.body }, db),
      );
      return reply.code(201).send(row);
    },
  );

  app.get(
    '/tenants/:tenantId/users/:userId/personas/unmasked',
    {
      schema: {
        summary: "A user's personas with contact data in clear, under a current unmask grant of the caller's (audited)",
        params: UserParams,
        response: { 200: listOf(UnmaskedPersonaList, support.getUserPersonasUnmasked), ...problemResponses },
      },
    },
    async (request) => ({
      items: await request.inSupport((db) => support.getUserPersonasUnmasked.run(request.params, db)),
    }),
  );

  app.get(
    '/tenants/:tenantId/users/:userId/circles',
    {
      schema: {
        summary: "The family circles of a user's personas, with role and membership status (audited)",
        params: UserParams,
        response: { 200: listOf(UserCircleList, support.getUserCircles), ...problemResponses },
      },
    },
    async (request) => ({
      items: await request.inSupport((db) => support.getUserCircles.run(request.params, db)),
    }),
  );

  app.get(
    '/tenants/:tenantId/users/:userId/sessions',
    {
      schema: {
        summary: "A user's recorded sign-ins, newest first, IP addresses masked (audited)",
        params: UserParams,
        querystring: Page,
        response: { 200: listOf(SessionList, support.listUserSessions), ...problemResponses },
      },
    },
    async (request) => ({
      items: await request.inSupport((db) => support.listUserSessions.run({ ...request.params, ...request.query }, db)),
    }),
  );

  app.post(
    '/tenants/:tenantId/users/:userId/session-revocations',
    {
      schema: {
        summary: "Ends one of a user's sessions, or all of them: their tokens are refused from the next request on",
        params: UserParams,
        body: RevokeBody,
        response: { 200: RevokeReply, ...problemResponses },
      },
    },
    async (request) => {
      const [{ revoked }] = await request.inSupport((db) =>
        support.revokeUserSessions.run({ ...request.params, sessionId: request.body.sessionId ?? null }, db),
      );
      return { revoked };
    },
  );

  app.get(
    '/tenants/:tenantId/audit-log',
    {
      schema: {
        summary: "A tenant's audit trail, newest first, by user, persona or request id (the read is audited too)",
        params: TenantParams,
        querystring: AuditQuery,
        response: { 200: listOf(AuditList, support.readAuditLog), ...problemResponses },
      },
    },
    async (request) => {
      const { userId, personaId, requestId, limit, offset } = request.query;
      const items = await request.inSupport((db) =>
        support.readAuditLog.run(
          {
            tenantId: request.params.tenantId,
            userId: userId ?? null,
            personaId: personaId ?? null,
            requestId: requestId ?? null,
            limit,
            offset,
          },
          db,
        ),
      );
      return { items };
    },
  );

  app.get(
    '/tenants/:tenantId/data-requests',
    {
      schema: {
        summary: "A tenant's GDPR export and erasure requests, nearest deadline first, requester masked (audited)",
        params: TenantParams,
        querystring: SupportDataRequestQuery,
        response: { 200: listOf(SupportDataRequestList, gdpr.listDataRequests), ...problemResponses },
      },
    },
    async (request) => {
      const { status, kind, limit, offset } = request.query;
      const items = await request.inSupport((db) =>
        gdpr.listDataRequests.run(
          { tenantId: request.params.tenantId, status: status ?? null, kind: kind ?? null, limit, offset },
          db,
        ),
      );
      return { items };
    },
  );

  app.get(
    '/tenants/:tenantId/data-requests/:requestId',
    {
      schema: {
        summary:
          'One GDPR request of a tenant with its refusal reason or outcome and its trail, requester masked (audited)',
        params: SupportDataRequestParams,
        response: { 200: replyOf(SupportDataRequest, gdpr.getDataRequest), ...problemResponses },
      },
    },
    async (request) => (await request.inSupport((db) => gdpr.getDataRequest.run(request.params, db)))[0],
  );

  app.get(
    '/exchange-rates',
    {
      schema: {
        summary: 'The stored exchange rates, every date of every pair, newest first',
        querystring: RateQuery,
        response: { 200: listOf(StoredRateList, support.listStoredExchangeRates), ...problemResponses },
      },
    },
    async (request) => {
      const { baseCurrency, quoteCurrency, limit, offset } = request.query;
      const items = await request.inSupport((db) =>
        support.listStoredExchangeRates.run(
          { baseCurrency: baseCurrency ?? null, quoteCurrency: quoteCurrency ?? null, limit, offset },
          db,
        ),
      );
      return { items };
    },
  );

  app.post(
    '/exchange-rates',
    {
      schema: {
        summary: 'Records (or corrects) the rate of one currency in another on a date',
        body: RateBody,
        response: { 204: Type.Null(), ...problemResponses },
      },
    },
    async (request, reply) => {
      await request.inSupport((db) => setExchangeRate.run(request.body, db));
      return reply.code(204).send(null);
    },
  );
};

export default supportRoutes;
