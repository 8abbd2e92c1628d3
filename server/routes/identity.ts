// Identity routes: registration, sign-in, the current user, personas, contact data, relationships.
import { tagRoutes, TAGS } from '../openapi.ts';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import * as identity from '../../generated/identity.queries.ts';
import { listMySupportAccess } from '../../generated/support.queries.ts';
import { SupportAccessList } from '../schemas/support.ts';
import { listOf, Page, paged, problemResponses, replyOf } from '../schemas/common.ts';
import {
  AcceptedLinkReply,
  AddressBody,
  ContactParams,
  ContactReply,
  CreatePersonaBody,
  DeactivationReply,
  EmailBody,
  EmailSyncBody,
  LinkBody,
  LinkInvitationListQuery,
  LinkInvitationListReply,
  LinkInvitationParams,
  LinkInvitationRevokeParams,
  LinkReply,
  MySessionList,
  Persona,
  PersonaIdParams,
  PersonaListQuery,
  PersonaListReply,
  PhoneBody,
  RegistrationBody,
  RegistrationReply,
  RelationshipBody,
  RelationshipReply,
  SessionIdParams,
  UpdatePersonaBody,
  UserProfile,
} from '../schemas/identity.ts';
import { requireIfMatch, withETag } from '../plugins/conditional.ts';

const CONTACT_KIND = { emails: 'email', phones: 'phone', addresses: 'address' } as const;

const identityRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.addHook('onRoute', tagRoutes(TAGS.identity));
  app.post(
    '/registrations',
    {
      schema: {
        summary: 'Registers the signed-in Cognito identity as a user, with the email its id token verified',
        body: RegistrationBody,
        response: { 201: replyOf(RegistrationReply, identity.registerUser), ...problemResponses },
      },
    },
    async (request, reply) => {
      const { idToken, firstName, lastName, dateOfBirth } = request.body;
      const verifiedEmail = await request.verifiedEmail(idToken);
      const [row] = await request.inTenant(
        (db) => identity.registerUser.run({ firstName, lastName, dateOfBirth }, db),
        { verifiedEmail },
      );
      return reply.code(201).send(row);
    },
  );

  app.post(
    '/me/email-sync',
    {
      schema: {
        summary: "Makes the email Cognito verified (a fresh id token) the user's email",
        body: EmailSyncBody,
        response: { 200: replyOf(UserProfile, identity.syncUserEmail), ...problemResponses },
      },
    },
    async (request) => {
      const verifiedEmail = await request.verifiedEmail(request.body.idToken);
      const [row] = await request.inTenant((db) => identity.syncUserEmail.run(undefined, db), { verifiedEmail });
      return row;
    },
  );

  app.post(
    '/sessions',
    {
      schema: {
        summary: 'Validates a sign-in, records the session and returns the profile',
        response: { 200: replyOf(UserProfile, identity.authenticateUser), ...problemResponses },
      },
    },
    async (request) => {
      const [row] = await request.inTenant((db) =>
        identity.authenticateUser.run(
          {
            sessionRef: request.auth!.sessionRef,
            userAgent: request.headers['user-agent'] ?? null,
            ipAddress: request.ip,
          },
          db,
        ),
      );
      return row;
    },
  );

  app.get(
    '/me',
    {
      schema: {
        summary: 'The signed-in user, their persona and the tenant branding',
        response: { 200: replyOf(UserProfile, identity.getCurrentUser), ...problemResponses },
      },
    },
    async (request, reply) => {
      const [row] = await request.inTenant((db) => identity.getCurrentUser.run(undefined, db));
      return withETag(reply, row);
    },
  );

  app.get(
    '/me/support-access',
    {
      schema: {
        summary:
          'When support was allowed to see my contact data in clear, why (reason, ticket), until when and how often',
        querystring: Page,
        response: { 200: listOf(SupportAccessList, listMySupportAccess), ...problemResponses },
      },
    },
    async (request) => ({
      items: await request.inTenant((db) => listMySupportAccess.run(request.query, db)),
    }),
  );

  app.get(
    '/me/sessions',
    {
      schema: {
        summary: 'My sign-ins, newest first, the one of this request marked current, with the total',
        querystring: Page,
        response: { 200: listOf(MySessionList, identity.listMySessions), ...problemResponses },
      },
    },
    async (request) => request.inTenant((db) => paged(request.query, (page) => identity.listMySessions.run(page, db))),
  );

  app.delete(
    '/me/sessions/:sessionId',
    {
      schema: {
        summary: 'Ends one of my sessions (this one too): its tokens are refused from the next request on',
        params: SessionIdParams,
        response: { 204: Type.Null(), ...problemResponses },
      },
    },
    async (request, reply) => {
      await request.inTenant((db) => identity.revokeMySession.run({ sessionId: request.params.sessionId }, db));
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/me/deactivation',
    {
      schema: {
        summary: "Deactivates the signed-in user's account",
        response: { 200: replyOf(DeactivationReply, identity.deactivateUser), ...problemResponses },
      },
    },
    async (request) => {
      const [row] = await request.inTenant((db) => identity.deactivateUser.run(undefined, db));
      return row;
    },
  );

  app.get(
    '/personas',
    {
      schema: {
        summary: 'The personas the signed-in user may act for: own first, by name or sorted, with the total',
        querystring: PersonaListQuery,
        response: { 200: listOf(PersonaListReply, identity.listMyPersonas), ...problemResponses },
      },
    },
    async (request) => {
      const { q, sort, limit, offset } = request.query;
      return request.inTenant((db) =>
        paged({ limit, offset }, (page) =>
          identity.listMyPersonas.run({ q: q ?? null, sort: sort ?? null, ...page }, db),
        ),
      );
    },
  );

  app.post(
    '/personas',
    {
      schema: {
        summary: 'Creates a persona managed by the signed-in user',
        body: CreatePersonaBody,
        response: { 201: replyOf(Persona, identity.createPersona), ...problemResponses },
      },
    },
    async (request, reply) => {
      const body = request.body;
      const [row] = await request.inTenant((db) =>
        identity.createPersona.run(
          {
            firstName: body.firstName,
            lastName: body.lastName,
            middleName: body.middleName,
            preferredName: body.preferredName,
            dateOfBirth: body.dateOfBirth,
            livingStatus: body.livingStatus,
            dateOfDeath: body.dateOfDeath,
          },
          db,
        ),
      );
      return reply.code(201).header('location', `/v1/personas/${row.personaId}`).send(row);
    },
  );

  app.get(
    '/personas/:personaId',
    {
      schema: {
        summary: 'One persona with contact data and relationships',
        params: PersonaIdParams,
        response: { 200: replyOf(Persona, identity.getPersona), ...problemResponses },
      },
    },
    async (request, reply) => {
      const [row] = await request.inTenant((db) =>
        identity.getPersona.run({ personaId: request.params.personaId }, db),
      );
      return withETag(reply, row);
    },
  );

  app.patch(
    '/personas/:personaId',
    {
      schema: {
        summary: 'Changes a persona; absent fields stay, an empty string clears an optional name',
        params: PersonaIdParams,
        body: UpdatePersonaBody,
        response: { 200: replyOf(Persona, identity.updatePersona), ...problemResponses },
      },
    },
    async (request) => {
      const [row] = await request.inTenant(async (db) => {
        await requireIfMatch(request, db, { kind: 'persona', id: request.params.personaId }, () =>
          identity.getPersona.run({ personaId: request.params.personaId }, db),
        );
        return identity.updatePersona.run({ personaId: request.params.personaId, ...request.body }, db);
      });
      return row;
    },
  );

  app.post(
    '/personas/:personaId/links',
    {
      schema: {
        summary:
          'Invites another user to act for this persona (delegate: 202 for any user id), or claims it as oneself (self)',
        params: PersonaIdParams,
        body: LinkBody,
        response: {
          201: replyOf(LinkReply, identity.linkUserPersona),
          202: replyOf(LinkReply, identity.linkUserPersona),
          ...problemResponses,
        },
      },
    },
    async (request, reply) => {
      const [row] = await request.inTenant((db) =>
        identity.linkUserPersona.run(
          { personaId: request.params.personaId, userId: request.body.userId, linkKind: request.body.linkKind },
          db,
        ),
      );
      return reply.code(row.status === 'invited' ? 202 : 201).send(row);
    },
  );

  app.delete(
    '/personas/:personaId/link-invitations/:userId',
    {
      schema: {
        summary: "Withdraws a user's pending invitation to act for this persona (204 whether or not there was one)",
        params: LinkInvitationRevokeParams,
        response: { 204: Type.Null(), ...problemResponses },
      },
    },
    async (request, reply) => {
      const { personaId, userId } = request.params;
      await request.inTenant((db) => identity.revokeLinkInvitation.run({ personaId, userId }, db));
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/persona-link-invitations',
    {
      schema: {
        summary: 'Pending invitations to act for a persona, sent to the signed-in user',
        querystring: LinkInvitationListQuery,
        response: { 200: listOf(LinkInvitationListReply, identity.listMyLinkInvitations), ...problemResponses },
      },
    },
    async (request) => {
      const { sort, limit, offset } = request.query;
      return request.inTenant((db) =>
        paged({ limit, offset }, (page) => identity.listMyLinkInvitations.run({ sort: sort ?? null, ...page }, db)),
      );
    },
  );

  app.post(
    '/persona-link-invitations/:invitationId/accept',
    {
      schema: {
        summary: 'Accepts an invitation: from now on the user acts for the persona',
        params: LinkInvitationParams,
        response: { 200: replyOf(AcceptedLinkReply, identity.acceptLinkInvitation), ...problemResponses },
      },
    },
    async (request) => {
      const [row] = await request.inTenant((db) =>
        identity.acceptLinkInvitation.run({ invitationId: request.params.invitationId }, db),
      );
      return row;
    },
  );

  app.post(
    '/persona-link-invitations/:invitationId/decline',
    {
      schema: {
        summary: 'Declines an invitation: nothing is linked',
        params: LinkInvitationParams,
        response: { 204: Type.Null(), ...problemResponses },
      },
    },
    async (request, reply) => {
      await request.inTenant((db) =>
        identity.declineLinkInvitation.run({ invitationId: request.params.invitationId }, db),
      );
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/personas/:personaId/emails',
    {
      schema: {
        summary: 'Adds an e-mail address',
        params: PersonaIdParams,
        body: EmailBody,
        response: { 201: replyOf(ContactReply, identity.addPersonaEmail), ...problemResponses },
      },
    },
    async (request, reply) => {
      const { email, label, isPrimary } = request.body;
      const [row] = await request.inTenant((db) =>
        identity.addPersonaEmail.run({ personaId: request.params.personaId, email, label, isPrimary }, db),
      );
      return reply.code(201).send(row);
    },
  );

  app.post(
    '/personas/:personaId/phones',
    {
      schema: {
        summary: 'Adds a phone number (E.164)',
        params: PersonaIdParams,
        body: PhoneBody,
        response: { 201: replyOf(ContactReply, identity.addPersonaPhone), ...problemResponses },
      },
    },
    async (request, reply) => {
      const { phoneNumber, label, isPrimary } = request.body;
      const [row] = await request.inTenant((db) =>
        identity.addPersonaPhone.run({ personaId: request.params.personaId, phoneNumber, label, isPrimary }, db),
      );
      return reply.code(201).send(row);
    },
  );

  app.post(
    '/personas/:personaId/addresses',
    {
      schema: {
        summary: 'Adds a postal address',
        params: PersonaIdParams,
        body: AddressBody,
        response: { 201: replyOf(ContactReply, identity.addPersonaAddress), ...problemResponses },
      },
    },
    async (request, reply) => {
      const body = request.body;
      const [row] = await request.inTenant((db) =>
        identity.addPersonaAddress.run(
          {
            personaId: request.params.personaId,
            line1: body.line1,
            line2: body.line2,
            city: body.city,
            region: body.region,
            postalCode: body.postalCode,
            countryCode: body.countryCode,
            label: body.label,
            isPrimary: body.isPrimary,
          },
          db,
        ),
      );
      return reply.code(201).send(row);
    },
  );

  app.delete(
    '/personas/:personaId/:contactKind/:contactId',
    {
      schema: {
        summary: 'Removes an e-mail address, phone number or postal address',
        params: ContactParams,
        response: { 204: Type.Null(), ...problemResponses },
      },
    },
    async (request, reply) => {
      const { personaId, contactKind, contactId } = request.params;
      await request.inTenant((db) =>
        identity.removePersonaContact.run({ personaId, contactKind: CONTACT_KIND[contactKind], contactId }, db),
      );
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/personas/:personaId/relationships',
    {
      schema: {
        summary: 'Records that the related persona is the <type> of this persona',
        params: PersonaIdParams,
        body: RelationshipBody,
        response: { 201: replyOf(RelationshipReply, identity.recordPersonaRelationship), ...problemResponses },
      },
    },
    async (request, reply) => {
      const [row] = await request.inTenant((db) =>
        identity.recordPersonaRelationship.run(
          {
            personaId: request.params.personaId,
            relatedPersonaId: request.body.relatedPersonaId,
            relationshipType: request.body.relationshipType,
          },
          db,
        ),
      );
      return reply.code(201).send(row);
    },
  );
};

export default identityRoutes;
