// Builds the Fastify application as a plugin-composed instance (testable with inject);
// server/main.ts starts it in production, scripts/start.ts under `npm start`.
import { randomUUID } from 'node:crypto';
import { Ajv } from 'ajv';
import formatsPlugin from 'ajv-formats';
import Fastify, { LogController, type FastifyServerOptions, type RouteOptions } from 'fastify';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import authPlugin, { CONSISTENCY_TOKEN } from './plugins/auth.ts';
import { registerCors } from './plugins/cors.ts';
import dbPlugin from './plugins/db.ts';
import errorsPlugin, { clientErrorHandler, frameworkErrors } from './plugins/errors.ts';
import limitsPlugin from './plugins/limits.ts';
import loadSheddingPlugin, { DEFAULT_LOAD_SHEDDING, type LoadShedding } from './plugins/load_shedding.ts';
import metricsPlugin from './plugins/metrics.ts';
import rateLimitsPlugin, { DEFAULT_RATE_LIMITS, type RateLimits } from './plugins/rate_limits.ts';
import idempotencyPlugin from './plugins/idempotency.ts';
import conditionalPlugin from './plugins/conditional.ts';
import healthRoutes from './routes/health.ts';
import { createFieldCipher, type FieldCipher } from './field_cipher.ts';
import { DEFAULT_TIMEOUTS, type Timeouts } from './timeouts.ts';
import type { ReplicaSettings } from './replica.ts';
import { annotateHttpSpan, tracingStarted } from './tracing.ts';
import assetRoutes from './routes/assets.ts';
import familyCircleRoutes from './routes/family_circles.ts';
import netWorthRoutes from './routes/net_worth.ts';
import estateRoutes from './routes/estate.ts';
import emergencyAccessRoutes from './routes/emergency_access.ts';
import { lifeEventRoutes, supportLifeEventRoutes } from './routes/life_events.ts';
import estateAccessRoutes from './routes/estate_access.ts';
import fiduciaryRoutes from './routes/fiduciaries.ts';
import vaultRoutes from './routes/vault.ts';
import identityRoutes from './routes/identity.ts';
import billingRoutes from './routes/billing.ts';
import gdprRoutes from './routes/gdpr.ts';
import stripeRoutes from './routes/stripe.ts';
import supportRoutes from './routes/support.ts';
import { mySupportAccessRoutes, supportAccessRoutes } from './routes/support_access.ts';
import { credentialRoutes, credentialSupportRoutes } from './routes/credentials.ts';
import apiKeyRoutes from './routes/api_keys.ts';
import auditRoutes from './routes/audit.ts';
import { openApiOptions, sharedSchemas } from './openapi.ts';

export interface AppOptions {
  /** URL of the tenant-traffic login role (estate_api). */
  databaseApiUrl: string;
  /** URL of the support login role (estate_support) for the support door; unset, /support/v1 answers 503. */
  databaseSupportUrl?: string;
  poolSize?: number;
  /** Connections the pool keeps open through a quiet spell (default 0: an idle one closes after 10 s). */
  poolMin?: number;
  /** The estate_api login on a streaming replica (DATABASE_REPLICA_URL): reads are routed there when they may. */
  databaseReplicaUrl?: string;
  /** Lag bound, read-your-writes wait and check interval (defaults: server/replica.ts). */
  replica?: Partial<ReplicaSettings>;
  allowDevelopmentIssuers: boolean;
  /** FIELD_ENCRYPTION_KEYS: "keyId:base64Key[,...]", the first encrypts identifiers. */
  fieldEncryptionKeys: string;
  /** Least time between two reloads of the token routing table (default 5 s). */
  authReloadIntervalMs?: number;
  /** AUTH_ROUTING_MAX_AGE_SECONDS in ms: how long a disabled app client may keep working (default 15 s). */
  authRoutingMaxAgeMs?: number;
  /** STRIPE_WEBHOOK_SECRET; unset, the webhook answers 503. */
  stripeWebhookSecret?: string;
  /** Oldest accepted webhook signature, in seconds (default 300). */
  stripeWebhookToleranceSeconds?: number;
  /** Time limits of connections and of database transactions (defaults: server/timeouts.ts). */
  timeouts?: Partial<Timeouts>;
  /** When to refuse requests with 503 server_busy (defaults: server/plugins/load_shedding.ts). */
  loadShedding?: Partial<LoadShedding>;
  /** Requests per tenant and per user (defaults: server/plugins/rate_limits.ts). */
  rateLimits?: Partial<RateLimits>;
  logger?: FastifyServerOptions['logger'];
  /** Called for every route as it is registered (the attacker suite enumerates the routes with it). */
  onRoute?: (route: RouteOptions) => void;
}

const REQUEST_ID = /^[A-Za-z0-9._-]{8,64}$/;

/** The logger of a running API: JSON at the given level, never a token or a cookie. */
export const loggerOptions = (level: string) => ({
  level,
  redact: ['req.headers.authorization', 'req.headers.cookie'],
});

declare module 'fastify' {
  interface FastifyInstance {
    fieldCipher: FieldCipher;
  }
}

export async function buildApp(options: AppOptions) {
  const timeouts = { ...DEFAULT_TIMEOUTS, ...options.timeouts };
  const app = Fastify({
    requestTimeout: timeouts.requestMs,
    keepAliveTimeout: timeouts.keepAliveMs,
    connectionTimeout: timeouts.connectionMs,
    http: {
      requestTimeout: timeouts.requestMs,
      headersTimeout: timeouts.headersMs,
      connectionsCheckingInterval: timeouts.checkIntervalMs,
    },
    // Refusals made before a route exists (Node's parser, the router) answer problem+json too.
    clientErrorHandler,
    frameworkErrors,
    logger: options.logger ?? false,
    // One access line per request (onResponse below) instead of Fastify's two (issue 14).
    logController: new LogController({ disableRequestLogging: true }),
    // A caller's well-formed X-Request-Id is kept so that its logs and ours meet; else a fresh one.
    genReqId: (request) => {
      const given = request.headers['x-request-id'];
      return typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
    },
    requestIdHeader: false,
    bodyLimit: 256 * 1024,
  }).withTypeProvider<TypeBoxTypeProvider>();

  // Query strings and path params arrive as text and are coerced to their schema's types; bodies
  // are JSON and are not (money sent as a JSON number is refused, not rounded into a string).
  // allErrors: a problem lists every error at once (every field is bounded: docs/limits.md).
  const addFormats = formatsPlugin as unknown as (ajv: Ajv) => Ajv;
  const coercing = addFormats(
    new Ajv({ coerceTypes: 'array', useDefaults: true, removeAdditional: false, allErrors: true }),
  );
  const strict = addFormats(
    new Ajv({ coerceTypes: false, useDefaults: true, removeAdditional: false, allErrors: true, discriminator: true }),
  );
  // The shared components ($ref'd by bodies: the asset types' details) in the validators' own Ajv too.
  for (const schema of sharedSchemas) strict.addSchema(schema);
  app.setValidatorCompiler(
    ({ schema, httpPart }) =>
      (httpPart === 'body' ? strict : coercing).compile(schema) as ReturnType<
        Parameters<typeof app.setValidatorCompiler>[0]
      >,
  );
  if (options.onRoute) app.addHook('onRoute', options.onRoute);
  app.decorate('fieldCipher', createFieldCipher(options.fieldEncryptionKeys));
  // Closing (SIGTERM): the answers to requests in flight close their keep-alive connections,
  // which would otherwise hold the server open until KEEP_ALIVE_TIMEOUT_MS.
  let closing = false;
  app.addHook('preClose', async () => {
    closing = true;
  });
  // Traced (server/tracing.ts, started before the app is built): the HTTP span named by the route
  // pattern, then given the tenant. Untraced, no hook at all.
  if (tracingStarted()) {
    app.addHook('onRequest', async (request) => {
      annotateHttpSpan(request.method, request.routeOptions.url);
    });
    app.addHook('preHandler', async (request) => {
      if (request.auth) annotateHttpSpan(request.method, undefined, request.auth.tenantId);
    });
  }
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
    reply.header('cache-control', 'no-store');
    if (closing) reply.header('connection', 'close');
  });
  // The access line: status, latency, tenant, user (or staff member) and request id (the logger's
  // reqId), and the problem's code when refused; a server error is logged in full where it is
  // handled (server/plugins/errors.ts). Ids only, never PII: the path without its query string (a
  // search may be an email), the Cognito subjects rather than emails.
  app.addHook('onResponse', (request, reply, done) => {
    const query = request.url.indexOf('?');
    request.log.info(
      {
        method: request.method,
        url: query < 0 ? request.url : request.url.slice(0, query),
        status: reply.statusCode,
        ms: Math.round(reply.elapsedTime * 10) / 10,
        tenant: request.auth?.tenantId,
        user: request.auth?.sub,
        staff: request.staff?.sub,
        code: request.problemCode ?? undefined,
      },
      'request',
    );
    done();
  });

  await app.register(errorsPlugin);
  await app.register(limitsPlugin);
  await app.register(dbPlugin, {
    apiUrl: options.databaseApiUrl,
    supportUrl: options.databaseSupportUrl,
    poolSize: options.poolSize ?? 10,
    poolMin: options.poolMin,
    timeouts: {
      statementMs: timeouts.statementMs,
      lockMs: timeouts.lockMs,
      idleInTransactionMs: timeouts.idleInTransactionMs,
    },
    connectTimeoutMs: timeouts.connectMs,
    replicaUrl: options.databaseReplicaUrl,
    replica: options.replica,
  });
  await app.register(metricsPlugin);
  await app.register(loadSheddingPlugin, { ...DEFAULT_LOAD_SHEDDING, ...options.loadShedding });
  await app.register(authPlugin, {
    allowDevelopmentIssuers: options.allowDevelopmentIssuers,
    reloadIntervalMs: options.authReloadIntervalMs,
    routingMaxAgeMs: options.authRoutingMaxAgeMs,
  });

  // The published contract: every route's schema feeds the OpenAPI document (GET /openapi.json,
  // committed as openapi/openapi.json by `npm run openapi`) and its reference page (/docs, assets
  // served from the package: no CDN). Errors reference the one shared Problem schema; the asset
  // types' details are one component each.
  for (const schema of sharedSchemas) app.addSchema(schema);
  await app.register(swagger, openApiOptions);
  await app.register(swaggerUi, { routePrefix: '/docs' });
  app.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  await app.register(healthRoutes, { prefix: '/health' });
  await app.register(
    async (v1) => {
      // CORS first: a preflight (no token) is answered before authentication; an actual request's
      // browser Origin must then be one of the token's tenant (server/plugins/cors.ts).
      const checkOrigin = await registerCors(v1, { maxAgeMs: options.authRoutingMaxAgeMs ?? 15_000 });
      v1.addHook('onRequest', v1.authenticate);
      v1.addHook('onRequest', checkOrigin);
      // Counted per verified tenant and user, so after authentication (docs/operations.md).
      await v1.register(rateLimitsPlugin, { ...DEFAULT_RATE_LIMITS, ...options.rateLimits });
      // Idempotency-Key on the token-checked POSTs, ETag/If-None-Match/If-Match (docs/retries.md).
      await v1.register(idempotencyPlugin);
      await v1.register(conditionalPlugin);
      // Read-your-writes (docs/operations.md): a committed write's WAL position, after the
      // idempotency hook has committed a held transaction.
      v1.addHook('onSend', async (request, reply) => {
        if (request.consistencyToken) reply.header(CONSISTENCY_TOKEN, request.consistencyToken);
      });
      await v1.register(identityRoutes);
      await v1.register(familyCircleRoutes);
      await v1.register(assetRoutes);
      await v1.register(netWorthRoutes);
      await v1.register(estateRoutes);
      await v1.register(emergencyAccessRoutes);
      await v1.register(lifeEventRoutes);
      await v1.register(estateAccessRoutes);
      await v1.register(fiduciaryRoutes);
      await v1.register(vaultRoutes);
      await v1.register(billingRoutes);
      await v1.register(mySupportAccessRoutes);
      await v1.register(gdprRoutes);
      await v1.register(credentialRoutes);
      await v1.register(apiKeyRoutes);
    },
    { prefix: '/v1' },
  );
  // The support door: staff pools' tokens only (a tenant's token is an unknown client here, and a
  // staff token one at /v1), the support login role, every call audited (docs/support.md).
  await app.register(
    async (door) => {
      door.addHook('onRequest', door.authenticateStaff);
      await door.register(supportRoutes);
      await door.register(supportAccessRoutes);
      await door.register(credentialSupportRoutes);
      await door.register(auditRoutes);
      await door.register(supportLifeEventRoutes);
    },
    { prefix: '/support/v1' },
  );
  // Outside the token-checked scope: Stripe signs its requests instead.
  await app.register(stripeRoutes, {
    prefix: '/v1/webhooks',
    secret: options.stripeWebhookSecret,
    toleranceSeconds: options.stripeWebhookToleranceSeconds ?? 300,
  });
  return app;
}
