// Health routes for load balancers: live (the process answers) and ready (the database answers).
import { tagRoutes, TAGS } from '../openapi.ts';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { HttpProblem } from '../plugins/errors.ts';
import { problemResponse } from '../schemas/common.ts';

const Status = Type.Object({ status: Type.String() });

const healthRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.addHook('onRoute', tagRoutes(TAGS.health));
  // Liveness answers even when the server sheds load: a busy instance must not be restarted.
  app.get(
    '/live',
    {
      schema: { summary: 'The process is up', response: { 200: Status } },
      config: { shedLoad: false, pressureHandler: () => undefined },
    },
    async () => ({ status: 'ok' }),
  );

  app.get(
    '/ready',
    {
      schema: {
        summary: 'The process can reach its database',
        response: { 200: Status, 503: problemResponse('The database is not reachable') },
      },
    },
    async (request) => {
      try {
        await app.db.ping();
      } catch (error) {
        request.log.warn({ err: error }, 'database not reachable');
        throw new HttpProblem(503, 'database_unavailable', 'the database is not reachable', { 'retry-after': '1' });
      }
      return { status: 'ok' };
    },
  );
};

export default healthRoutes;
