// Builds the Fastify application as a plugin-composed instance (testable with inject);
// server/main.ts starts it.
import { randomUUID } from 'node:crypto';
import Fastify, { type FastifyServerOptions } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import authPlugin from './plugins/auth.ts';
import dbPlugin from './plugins/db.ts';
import errorsPlugin from './plugins/errors.ts';
import healthRoutes from './routes/health.ts';
import familyCircleRoutes from './routes/family_circles.ts';
import identityRoutes from './routes/identity.ts';

export interface AppOptions {
  /** URL of the tenant-traffic login role (estate_api). */
  databaseApiUrl: string;
  poolSize?: number;
  allowDevelopmentIssuers: boolean;
  /** Least time between two reloads of the token routing table (default 5 s). */
  authReloadIntervalMs?: number;
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
    // Query strings arrive as text: coerce them to the schema's types; never strip unknown properties.
    ajv: { customOptions: { removeAdditional: false, coerceTypes: 'array', allErrors: false } },
  }).withTypeProvider<TypeBoxTypeProvider>();

  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
    reply.header('cache-control', 'no-store');
  });

  await app.register(errorsPlugin);
  await app.register(dbPlugin, { apiUrl: options.databaseApiUrl, poolSize: options.poolSize ?? 10 });
  await app.register(authPlugin, { allowDevelopmentIssuers: options.allowDevelopmentIssuers, reloadIntervalMs: options.authReloadIntervalMs });

  await app.register(healthRoutes, { prefix: '/health' });
  await app.register(
    async (v1) => {
      v1.addHook('onRequest', v1.authenticate);
      await v1.register(identityRoutes);
      await v1.register(familyCircleRoutes);
    },
    { prefix: '/v1' },
  );
  return app;
}
