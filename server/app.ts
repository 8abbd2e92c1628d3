// Builds the Fastify application as a plugin-composed instance (testable with inject);
// server/main.ts starts it.
import { randomUUID } from 'node:crypto';
import Fastify, { type FastifyServerOptions } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import authPlugin from './plugins/auth.ts';
import dbPlugin from './plugins/db.ts';
import errorsPlugin from './plugins/errors.ts';
import healthRoutes from './routes/health.ts';
import identityRoutes from './routes/identity.ts';

export interface AppOptions {
  /** URL of the tenant-traffic login role (estate_api). */
  databaseApiUrl: string;
  poolSize?: number;
  allowDevelopmentIssuers: boolean;
  logger?: FastifyServerOptions['logger'];
}

const REQUEST_ID = /^[A-Za-z0-9._-]{8,64}$/;

export async function buildApp(options: AppOptions) {
  const app = Fastify({
    logger: options.logger ?? false,
    // A caller's well-formed X-Request-Id is kept so that its logs and ours meet; else a fresh one.
    genReqId: (request) => {
      const given = request.headers['x-request-id'];
      return typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
    },
    requestIdHeader: false,
    bodyLimit: 256 * 1024,
    ajv: { customOptions: { removeAdditional: false, coerceTypes: false, allErrors: false } },
  }).withTypeProvider<TypeBoxTypeProvider>();

  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
    reply.header('cache-control', 'no-store');
  });

  await app.register(errorsPlugin);
  await app.register(dbPlugin, { apiUrl: options.databaseApiUrl, poolSize: options.poolSize ?? 10 });
  await app.register(authPlugin, { allowDevelopmentIssuers: options.allowDevelopmentIssuers });

  await app.register(healthRoutes, { prefix: '/health' });
  await app.register(
    async (v1) => {
      v1.addHook('onRequest', v1.authenticate);
      await v1.register(identityRoutes);
    },
    { prefix: '/v1' },
  );
  return app;
}
