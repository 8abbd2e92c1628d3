// CORS for the tenants' white-label apps (@fastify/cors). Each tenant's allowed browser origins
// are tenant settings (support.sp_set_tenant_allowed_origins). A preflight carries no token, so
// it is answered for an origin that some tenant allows (a table of every tenant's origins, kept
// at most `maxAgeMs` old like the token routing table); the actual request, once authenticated,
// is refused (403 origin_not_allowed) when its Origin is not one of the token's tenant. Requests
// without Origin (servers, curl) are not affected. Bearer tokens, no cookies: no credentials mode.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import cors from '@fastify/cors';
import { listAllowedOrigins } from '../../generated/identity.queries.ts';
import { HttpProblem } from './errors.ts';

export interface CorsOptions {
  /** Oldest origin table a request may be judged with (AUTH_ROUTING_MAX_AGE_SECONDS); refreshed at half of it. */
  maxAgeMs: number;
}

/** Request headers a browser app may send, and response headers it may read. */
export const CORS_ALLOWED_HEADERS = [
  'Acting-For',
  'Authorization',
  'Content-Type',
  'Idempotency-Key',
  'If-Match',
  'If-None-Match',
  'X-Consistency-Token',
];
export const CORS_EXPOSED_HEADERS = [
  'X-Request-Id',
  'Location',
  'ETag',
  'Retry-After',
  'Idempotency-Replayed',
  'X-Consistency-Token',
];
/** How long a browser may cache a preflight's answer (s): the actual request is checked anyway. */
export const CORS_PREFLIGHT_MAX_AGE_SECONDS = 600;

/** Registers CORS in the given (the /v1) scope, before its authentication hook; returns the
 *  check to run after authentication. Stripe's webhook and the health routes are outside it. */
export async function registerCors(scope: FastifyInstance, options: CorsOptions) {
  const maxAgeMs = options.maxAgeMs;
  let origins = new Map<string, Set<string>>();
  let loadedAt = 0;
  let loading: Promise<void> | null = null;

  async function load() {
    const startedAt = Date.now();
    const rows = await listAllowedOrigins.run(undefined, scope.db.api);
    const next = new Map<string, Set<string>>();
    for (const row of rows)
      (next.get(row.origin) ?? next.set(row.origin, new Set()).get(row.origin)!).add(row.tenantId);
    origins = next;
    loadedAt = Math.max(loadedAt, startedAt);
  }
  const refresh = () =>
    (loading ??= load().finally(() => {
      loading = null;
    }));

  await refresh();
  const timer = setInterval(
    () => void refresh().catch((error: unknown) => scope.log.warn({ err: error }, 'reloading the CORS origins failed')),
    Math.max(Math.floor(maxAgeMs / 2), 50),
  );
  timer.unref();
  scope.addHook('onClose', async () => clearInterval(timer));

  async function current() {
    if (Date.now() - loadedAt > maxAgeMs) {
      try {
        await refresh();
      } catch (error) {
        scope.log.error({ err: error }, 'the CORS origins are stale and cannot be reloaded');
        throw new HttpProblem(503, 'database_unavailable', 'the service cannot check origins right now', {
          'retry-after': '1',
        });
      }
    }
    return origins;
  }

  await scope.register(cors, {
    delegator: async (request: FastifyRequest) => {
      const origin = request.headers.origin;
      // Stripe's webhook shares the /v1 prefix of the preflight route: it is never called from a browser.
      const allowed =
        typeof origin === 'string' && !request.url.startsWith('/v1/webhooks/') && (await current()).has(origin);
      return {
        origin: allowed,
        methods: ['GET', 'POST', 'PATCH', 'DELETE'],
        allowedHeaders: CORS_ALLOWED_HEADERS,
        exposedHeaders: CORS_EXPOSED_HEADERS,
        credentials: false,
        maxAge: CORS_PREFLIGHT_MAX_AGE_SECONDS,
        strictPreflight: true,
      };
    },
  });

  /** After authentication: a browser's Origin must be one of the token's tenant. */
  return async function checkOrigin(request: FastifyRequest) {
    const origin = request.headers.origin;
    if (origin === undefined || !request.auth) return;
    if (!(await current()).get(origin)?.has(request.auth.tenantId)) {
      throw new HttpProblem(403, 'origin_not_allowed', 'this tenant does not allow requests from this origin');
    }
  };
}
