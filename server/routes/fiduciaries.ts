// Fiduciary routes: a persona's executors, trustees, agents, guardians and custodians (and a
// trust's successor trustees) in ranked successions; the appointee accepts, declines or resigns;
// the appointer removes or reorders. Each request is one procedure call (docs/fiduciaries.md).
import { Type } from 'typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import * as fiduciaries from '../../generated/fiduciaries.queries.ts';
import { tagRoutes, TAGS } from '../openapi.ts';
import { listOf, problemResponse, problemResponses, replyOf, Uuid } from '../schemas/common.ts';
import {
  AppointBody,
  Appointment,
  AppointmentList,
  AppointmentListQuery,
  AppointmentParams,
  FiduciaryChecks,
  MyAppointmentListQuery,
  ReorderBody,
  Succession,
  TrusteeBody,
  TrusteeListQuery,
  TrusteeReorderBody,
} from '../schemas/fiduciaries.ts';

const PersonaParams = Type.Object({ personaId: Uuid });
const EntityParams = Type.Object({ entityId: Uuid });
const wardNotMinor = problemResponse('A guardian of a minor for a ward whose known birth date is 18 or more years ago');

const fiduciaryRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.addHook('onRoute', tagRoutes(TAGS.fiduciaries));

  app.post(
    '/personas/:personaId/fiduciaries',
    {
      schema: {
        summary: 'The persona appoints a fiduciary at a rank of a role’s succession (after the last by default)',
        params: PersonaParams,
        body: AppointBody,
        response: { 201: replyOf(Appointment, fiduciaries.appointFiduciary), 422: wardNotMinor, ...problemResponses },
      },
    },
    async (request, reply) => {
      const body = request.body;
      const [row] = await request.inTenant((db) =>
        fiduciaries.appointFiduciary.run(
          {
            personaId: request.params.personaId,
            entityId: null,
            role: body.role,
            appointeePersonaId: body.appointeePersonaId,
            wardPersonaId: body.wardPersonaId ?? null,
            rank: body.rank ?? null,
            documentId: body.documentId ?? null,
            notes: body.notes ?? null,
          },
          db,
        ),
      );
      return reply.code(201).send(row);
    },
  );

  app.get(
    '/personas/:personaId/fiduciaries',
    {
      schema: {
        summary: 'The fiduciaries a persona appointed, by role and rank, the acting one of each role marked',
        params: PersonaParams,
        querystring: AppointmentListQuery,
        response: { 200: listOf(AppointmentList, fiduciaries.listFiduciaryAppointments), ...problemResponses },
      },
    },
    async (request) => {
      const { role, includeEnded, limit, offset } = request.query;
      const items = await request.inTenant((db) =>
        fiduciaries.listFiduciaryAppointments.run(
          {
            personaId: request.params.personaId,
            entityId: null,
            role: role ?? null,
            includeEnded: includeEnded ?? false,
            limit,
            offset,
          },
          db,
        ),
      );
      return { items, limit, offset };
    },
  );

  app.put(
    '/personas/:personaId/fiduciaries/order',
    {
      schema: {
        summary: 'Sets the order of a role’s whole live succession, primary first',
        params: PersonaParams,
        body: ReorderBody,
        response: { 200: listOf(Succession, fiduciaries.reorderFiduciaryAppointments), ...problemResponses },
      },
    },
    async (request) => {
      const { role, wardPersonaId, appointmentIds } = request.body;
      const items = await request.inTenant((db) =>
        fiduciaries.reorderFiduciaryAppointments.run(
          {
            personaId: request.params.personaId,
            entityId: null,
            role,
            wardPersonaId: wardPersonaId ?? null,
            appointmentIds,
          },
          db,
        ),
      );
      return { items };
    },
  );

  app.get(
    '/personas/:personaId/fiduciaries/checks',
    {
      schema: {
        summary: 'What a planner would flag in a persona’s fiduciaries (no executor, nobody accepted...)',
        params: PersonaParams,
        response: { 200: listOf(FiduciaryChecks, fiduciaries.checkFiduciaries), ...problemResponses },
      },
    },
    async (request) => ({
      items: await request.inTenant((db) =>
        fiduciaries.checkFiduciaries.run({ personaId: request.params.personaId }, db),
      ),
    }),
  );

  app.post(
    '/entities/:entityId/trustees',
    {
      schema: {
        summary: 'A trust appoints a successor trustee (a grantor’s people only)',
        params: EntityParams,
        body: TrusteeBody,
        response: { 201: replyOf(Appointment, fiduciaries.appointFiduciary), ...problemResponses },
      },
    },
    async (request, reply) => {
      const body = request.body;
      const [row] = await request.inTenant((db) =>
        fiduciaries.appointFiduciary.run(
          {
            personaId: null,
            entityId: request.params.entityId,
            role: 'trustee',
            appointeePersonaId: body.appointeePersonaId,
            wardPersonaId: null,
            rank: body.rank ?? null,
            documentId: body.documentId ?? null,
            notes: body.notes ?? null,
          },
          db,
        ),
      );
      return reply.code(201).send(row);
    },
  );

  app.get(
    '/entities/:entityId/trustees',
    {
      schema: {
        summary: 'The trustees a trust appointed, by rank, the acting one marked (its controllers)',
        params: EntityParams,
        querystring: TrusteeListQuery,
        response: { 200: listOf(AppointmentList, fiduciaries.listFiduciaryAppointments), ...problemResponses },
      },
    },
    async (request) => {
      const { includeEnded, limit, offset } = request.query;
      const items = await request.inTenant((db) =>
        fiduciaries.listFiduciaryAppointments.run(
          {
            personaId: null,
            entityId: request.params.entityId,
            role: 'trustee',
            includeEnded: includeEnded ?? false,
            limit,
            offset,
          },
          db,
        ),
      );
      return { items, limit, offset };
    },
  );

  app.put(
    '/entities/:entityId/trustees/order',
    {
      schema: {
        summary: 'Sets the order of a trust’s whole live succession of trustees, primary first',
        params: EntityParams,
        body: TrusteeReorderBody,
        response: { 200: listOf(Succession, fiduciaries.reorderFiduciaryAppointments), ...problemResponses },
      },
    },
    async (request) => {
      const items = await request.inTenant((db) =>
        fiduciaries.reorderFiduciaryAppointments.run(
          {
            personaId: null,
            entityId: request.params.entityId,
            role: 'trustee',
            wardPersonaId: null,
            appointmentIds: request.body.appointmentIds,
          },
          db,
        ),
      );
      return { items };
    },
  );

  app.get(
    '/fiduciary-appointments',
    {
      schema: {
        summary: 'The appointments naming the signed-in user’s own persona, newest first',
        querystring: MyAppointmentListQuery,
        response: { 200: listOf(AppointmentList, fiduciaries.listMyFiduciaryAppointments), ...problemResponses },
      },
    },
    async (request) => {
      const { status, limit, offset } = request.query;
      const items = await request.inTenant((db) =>
        fiduciaries.listMyFiduciaryAppointments.run({ status: status ?? null, limit, offset }, db),
      );
      return { items, limit, offset };
    },
  );

  const steps = [
    ['accept', fiduciaries.acceptFiduciaryAppointment, 'The appointee accepts a nomination'],
    ['decline', fiduciaries.declineFiduciaryAppointment, 'The appointee declines a nomination: successors move up'],
    ['resign', fiduciaries.resignFiduciaryAppointment, 'The appointee resigns an accepted appointment'],
    ['remove', fiduciaries.removeFiduciaryAppointment, 'The appointer removes a live appointment: successors move up'],
  ] as const;
  for (const [step, binding, summary] of steps) {
    app.post(
      `/fiduciary-appointments/:appointmentId/${step}`,
      {
        schema: {
          summary,
          params: AppointmentParams,
          response: { 200: replyOf(Appointment, binding), ...problemResponses },
        },
      },
      async (request) => {
        const [row] = await request.inTenant((db) => binding.run({ appointmentId: request.params.appointmentId }, db));
        return row;
      },
    );
  }
};

export default fiduciaryRoutes;
