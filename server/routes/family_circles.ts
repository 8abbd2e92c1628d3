// Family circle routes: circles, members and roles, invitations, the hierarchy.
import { tagRoutes, TAGS } from '../openapi.ts';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import * as ffc from '../../generated/family_circles.queries.ts';
import { listOf, paged, problemResponses, replyOf } from '../schemas/common.ts';
import { requireIfMatch, withETag } from '../plugins/conditional.ts';
import {
  AcceptBody,
  AddMemberBody,
  ChangeRoleBody,
  CreateFfcBody,
  Ffc,
  FfcDetail,
  FfcList,
  FfcListQuery,
  FfcParams,
  Hierarchy,
  Invitation,
  InvitationParams,
  InviteBody,
  MemberParams,
  Membership,
  ReceivedInvitationList,
  ReceivedInvitationListQuery,
  SentInvitationList,
  SentInvitationListQuery,
  UpdateFfcBody,
} from '../schemas/family_circles.ts';

const familyCircleRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.addHook('onRoute', tagRoutes(TAGS.circles));
  app.post(
    '/ffcs',
    {
      schema: {
        summary: 'Creates a family circle owned by the signed-in user',
        body: CreateFfcBody,
        response: { 201: replyOf(Ffc, ffc.createFfc), ...problemResponses },
      },
    },
    async (request, reply) => {
      const [row] = await request.inTenant((db) =>
        ffc.createFfc.run({ name: request.body.name, description: request.body.description }, db),
      );
      return reply.code(201).header('location', `/v1/ffcs/${row.ffcId}/hierarchy`).send(row);
    },
  );

  app.get(
    '/ffcs',
    {
      schema: {
        summary: 'The circles the signed-in user belongs to: by name or sorted, with the total',
        querystring: FfcListQuery,
        response: { 200: listOf(FfcList, ffc.listMyFfcs), ...problemResponses },
      },
    },
    async (request) => {
      const { q, sort, limit, offset } = request.query;
      return request.inTenant((db) =>
        paged({ limit, offset }, (page) => ffc.listMyFfcs.run({ q: q ?? null, sort: sort ?? null, ...page }, db)),
      );
    },
  );

  app.get(
    '/ffcs/:ffcId/hierarchy',
    {
      schema: {
        summary: 'The family as a tree of members, roles and relationships',
        params: FfcParams,
        response: { 200: listOf(Hierarchy, ffc.getFfcHierarchy, 'members'), ...problemResponses },
      },
    },
    async (request) => {
      const members = await request.inTenant((db) => ffc.getFfcHierarchy.run({ ffcId: request.params.ffcId }, db));
      return { ffcId: request.params.ffcId, members };
    },
  );

  app.get(
    '/ffcs/:ffcId',
    {
      schema: {
        summary: 'One circle the caller belongs to: name, description, role, member count',
        params: FfcParams,
        response: { 200: replyOf(FfcDetail, ffc.getFfc), ...problemResponses },
      },
    },
    async (request, reply) =>
      withETag(reply, (await request.inTenant((db) => ffc.getFfc.run({ ffcId: request.params.ffcId }, db)))[0]),
  );

  app.patch(
    '/ffcs/:ffcId',
    {
      schema: {
        summary: 'Renames a circle or changes its description (owners and admins; description null clears it)',
        params: FfcParams,
        body: UpdateFfcBody,
        response: { 200: replyOf(FfcDetail, ffc.updateFfc), ...problemResponses },
      },
    },
    async (request) => {
      const { name, description } = request.body;
      const { ffcId } = request.params;
      const [row] = await request.inTenant(async (db) => {
        await requireIfMatch(request, db, { kind: 'ffc', id: ffcId }, () => ffc.getFfc.run({ ffcId }, db));
        return ffc.updateFfc.run(
          { ffcId, name: name ?? null, description: description ?? null, clearDescription: description === null },
          db,
        );
      });
      return row;
    },
  );

  app.delete(
    '/ffcs/:ffcId',
    {
      schema: {
        summary: 'Deletes a circle (owners only): members removed, grants to it dropped, invitations revoked',
        params: FfcParams,
        response: { 204: Type.Null(), ...problemResponses },
      },
    },
    async (request, reply) => {
      const { ffcId } = request.params;
      await request.inTenant(async (db) => {
        await requireIfMatch(request, db, { kind: 'ffc', id: ffcId }, () => ffc.getFfc.run({ ffcId }, db));
        return ffc.deleteFfc.run({ ffcId }, db);
      });
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/ffcs/:ffcId/invitations',
    {
      schema: {
        summary: 'The invitations a circle sent (owners and admins): by status or email, newest first, with the total',
        params: FfcParams,
        querystring: SentInvitationListQuery,
        response: { 200: listOf(SentInvitationList, ffc.listFfcInvitations), ...problemResponses },
      },
    },
    async (request) => {
      const { status, q, sort, limit, offset } = request.query;
      return request.inTenant((db) =>
        paged({ limit, offset }, (page) =>
          ffc.listFfcInvitations.run(
            { ffcId: request.params.ffcId, status: status ?? null, q: q ?? null, sort: sort ?? null, ...page },
            db,
          ),
        ),
      );
    },
  );

  app.get(
    '/ffc-invitations',
    {
      schema: {
        summary: "Pending circle invitations to the caller's verified email",
        querystring: ReceivedInvitationListQuery,
        response: { 200: listOf(ReceivedInvitationList, ffc.listMyFfcInvitations), ...problemResponses },
      },
    },
    async (request) => {
      const { sort, limit, offset } = request.query;
      return request.inTenant((db) =>
        paged({ limit, offset }, (page) => ffc.listMyFfcInvitations.run({ sort: sort ?? null, ...page }, db)),
      );
    },
  );

  app.post(
    '/ffcs/:ffcId/members',
    {
      schema: {
        summary: 'Adds a persona the caller acts for',
        params: FfcParams,
        body: AddMemberBody,
        response: { 201: replyOf(Membership, ffc.addFfcMember), ...problemResponses },
      },
    },
    async (request, reply) => {
      const [row] = await request.inTenant((db) =>
        ffc.addFfcMember.run({ ffcId: request.params.ffcId, ...request.body }, db),
      );
      return reply.code(201).send(row);
    },
  );

  app.get(
    '/ffcs/:ffcId/members/:personaId',
    {
      schema: {
        summary: "One member's role in a circle the caller belongs to (its ETag guards the member routes)",
        params: MemberParams,
        response: { 200: replyOf(Membership, ffc.getFfcMember), ...problemResponses },
      },
    },
    async (request, reply) =>
      withETag(reply, (await request.inTenant((db) => ffc.getFfcMember.run(request.params, db)))[0]),
  );

  app.patch(
    '/ffcs/:ffcId/members/:personaId',
    {
      schema: {
        summary: "Changes a member's role",
        params: MemberParams,
        body: ChangeRoleBody,
        response: { 200: replyOf(Membership, ffc.updateFfcMemberRole), ...problemResponses },
      },
    },
    async (request) => {
      const [row] = await request.inTenant(async (db) => {
        await requireIfMatch(request, db, { kind: 'ffc', id: request.params.ffcId }, () =>
          ffc.getFfcMember.run(request.params, db),
        );
        return ffc.updateFfcMemberRole.run({ ...request.params, role: request.body.role }, db);
      });
      return row;
    },
  );

  app.delete(
    '/ffcs/:ffcId/members/:personaId',
    {
      schema: {
        summary: 'Removes a member, or leaves the circle',
        params: MemberParams,
        response: { 204: Type.Null(), ...problemResponses },
      },
    },
    async (request, reply) => {
      await request.inTenant(async (db) => {
        await requireIfMatch(request, db, { kind: 'ffc', id: request.params.ffcId }, () =>
          ffc.getFfcMember.run(request.params, db),
        );
        return ffc.removeFfcMember.run(request.params, db);
      });
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/ffcs/:ffcId/invitations',
    {
      schema: {
        summary: 'Invites an email; the token is returned once',
        params: FfcParams,
        body: InviteBody,
        response: { 201: replyOf(Invitation, ffc.inviteFfcMember), ...problemResponses },
      },
    },
    async (request, reply) => {
      const { email, role, validHours } = request.body;
      const [row] = await request.inTenant((db) =>
        ffc.inviteFfcMember.run({ ffcId: request.params.ffcId, email, role, validHours }, db),
      );
      return reply.code(201).send(row);
    },
  );

  app.delete(
    '/ffcs/:ffcId/invitations/:invitationId',
    {
      schema: {
        summary: 'Revokes a pending invitation',
        params: InvitationParams,
        response: { 204: Type.Null(), ...problemResponses },
      },
    },
    async (request, reply) => {
      await request.inTenant((db) => ffc.revokeFfcInvitation.run(request.params, db));
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/ffc-invitations/accept',
    {
      schema: {
        summary: 'Joins a circle with an invitation token',
        body: AcceptBody,
        response: { 201: replyOf(Membership, ffc.acceptFfcInvitation), ...problemResponses },
      },
    },
    async (request, reply) => {
      const [row] = await request.inTenant((db) => ffc.acceptFfcInvitation.run({ token: request.body.token }, db));
      return reply.code(201).send(row);
    },
  );
};

export default familyCircleRoutes;
