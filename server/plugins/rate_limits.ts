// Rate limits per tenant and per user (@fastify/rate-limit, in-memory: per API instance), counted
// after authentication so that the key is the verified tenant and user, not an address. Past a
// limit: 429 `rate_limited` with Retry-After. docs/operations.md.
import fp from 'fastify-plugin';
import rateLimit from '@fastify/rate-limit';
import type { FastifyRequest } from 'fastify';
import { HttpProblem } from './errors.ts';

export interface RateLimits {
  /** Requests one tenant's users may make together per window (0: no limit). */
  perTenant: number;
  /** Requests one user may make per window (0: no limit). */
  perUser: number;
  windowMs: number;
}

export const DEFAULT_RATE_LIMITS: RateLimits = { perTenant: 6000, perUser: 1200, windowMs: 60_000 };

/** Registered in the token-checked scope, after authentication; adds an onRequest hook there. */
export default fp<RateLimits>(
  async (fastify, options) => {
    await fastify.register(rateLimit, { global: false, timeWindow: options.windowMs });
    const limiters = [
      { max: options.perTenant, key: (r: FastifyRequest) => `tenant:${r.auth!.tenantId}`, who: 'tenant' },
      { max: options.perUser, key: (r: FastifyRequest) => `user:${r.auth!.tenantId}:${r.auth!.sub}`, who: 'user' },
    ]
      .filter((limiter) => limiter.max > 0)
      .map((limiter) => ({
        who: limiter.who,
        check: fastify.createRateLimit({ max: limiter.max, timeWindow: options.windowMs, keyGenerator: limiter.key }),
      }));
    fastify.addHook('onRequest', async (request) => {
      if (!request.auth) return;
      for (const limiter of limiters) {
        const result = await limiter.check(request);
        if (!result.isAllowed && result.isExceeded) {
          throw new HttpProblem(429, 'rate_limited', `too many requests for this ${limiter.who}; retry later`, {
            'retry-after': String(Math.max(1, result.ttlInSeconds)),
          });
        }
      }
    });
  },
  { name: 'rate-limits', dependencies: ['auth'] },
);
