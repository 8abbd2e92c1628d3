// Idempotency plugin (docs/retries.md): a POST that carries an Idempotency-Key claims it in the
// transaction of its effect (request.inTenant), and that transaction's commit waits until the
// answer is ready, so that the answer is stored with the effect or not at all. A retry with the
// same key and request gets the stored answer (Idempotency-Replayed: true); with another request,
// 422 idempotency_key_reused. A concurrent duplicate waits for the first on the key's row lock.
// Only 2xx answers are stored: a refusal rolls the claim back with everything else.
import { createHash } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type pg from 'pg';
import { claimIdempotencyKey, storeIdempotentResponse } from '../../generated/idempotency.queries.ts';
import type { Database, HeldTransaction, RequestContext } from './db.ts';
import { HttpProblem, ReplayedResponse } from './errors.ts';
import { actingForOf } from './acting_for.ts';

/** POSTs whose answer holds a secret shown once (a new API key, docs/api_keys.md): an answer is never
 *  stored, so they take no Idempotency-Key. */
export const UNSTORED_ANSWER_ROUTES = new Set(['/v1/api-keys']);

/** 1 to 255 visible ASCII characters (a UUID is a good choice). */
export const IDEMPOTENCY_KEY = /^[!-~]{1,255}$/;

interface IdempotencyState {
  key: string;
  requestHash: string;
  held?: HeldTransaction;
  used?: boolean;
}

declare module 'fastify' {
  interface FastifyRequest {
    idempotency: IdempotencyState | null;
  }
}

/** What a key promises: the method, the path with its query, for whom (Acting-For, when sent), and the
 *  body (JSON, or a file's bytes), hashed. */
function requestHash(request: FastifyRequest): string {
  const hash = createHash('sha256').update(`${request.method} ${request.url}\n`);
  const actingFor = actingForOf(request);
  if (actingFor) hash.update(`acting-for ${actingFor}\n`);
  return (
    Buffer.isBuffer(request.body) ? hash.update(request.body) : hash.update(JSON.stringify(request.body ?? null))
  ).digest('hex');
}

/** request.inTenant for a request with a key: claim, the route's work, and a held commit. */
export function inContextIdempotent<T>(
  db: Database,
  context: RequestContext,
  state: IdempotencyState,
  fn: (client: pg.PoolClient) => Promise<T>,
): Promise<T> {
  // One effect per key: a route calling inTenant twice could not store both in one transaction.
  if (state.used) throw new Error('a request with an Idempotency-Key runs one transaction');
  state.used = true;
  return db.inContext(
    context,
    async (client) => {
      const [claim] = await claimIdempotencyKey.run({ key: state.key, requestHash: state.requestHash }, client);
      if (!claim!.claimed) {
        throw new ReplayedResponse(
          claim!.responseStatus!,
          {
            'idempotency-replayed': 'true',
            ...(claim!.responseLocation ? { location: claim!.responseLocation } : {}),
          },
          claim!.responseContentType,
          claim!.responseBody,
        );
      }
      return fn(client);
    },
    (held) => {
      state.held = held;
    },
  );
}

export default fp(
  async (fastify) => {
    fastify.decorateRequest('idempotency', null);
    // After validation (the body is parsed): POSTs only; the header is optional.
    fastify.addHook('preHandler', async (request) => {
      if (request.method !== 'POST') return;
      const key = request.headers['idempotency-key'];
      if (key === undefined) return;
      if (UNSTORED_ANSWER_ROUTES.has(request.routeOptions.url ?? '')) {
        throw new HttpProblem(
          400,
          'idempotency_key_not_supported',
          'this answer holds a secret that is never stored: send no Idempotency-Key',
        );
      }
      if (typeof key !== 'string' || !IDEMPOTENCY_KEY.test(key)) {
        throw new HttpProblem(400, 'idempotency_key_invalid', 'the Idempotency-Key must be 1-255 visible ASCII');
      }
      request.idempotency = { key, requestHash: requestHash(request) };
    });
    // The answer is ready: stored and committed with the effect (2xx), or everything rolled back.
    fastify.addHook('onSend', async (request, reply, payload) => {
      const held = request.idempotency?.held;
      if (!held) return payload;
      request.idempotency!.held = undefined;
      if (reply.statusCode < 200 || reply.statusCode > 299) {
        await held.rollback();
        return payload;
      }
      try {
        const location = reply.getHeader('location');
        const contentType = reply.getHeader('content-type');
        await storeIdempotentResponse.run(
          {
            key: request.idempotency!.key,
            status: reply.statusCode,
            location: typeof location === 'string' ? location : null,
            contentType: typeof contentType === 'string' ? contentType : null,
            body: typeof payload === 'string' ? payload : null,
          },
          held.client,
        );
        await held.commit();
      } catch (error) {
        await held.rollback().catch(() => undefined);
        throw error;
      }
      return payload;
    });
    // Never leave a transaction open (an aborted request, an answer that never reached onSend).
    const release = async (request: FastifyRequest) => {
      const held = request.idempotency?.held;
      if (!held) return;
      request.idempotency!.held = undefined;
      await held.rollback().catch(() => undefined);
    };
    fastify.addHook('onResponse', release);
    fastify.addHook('onRequestAbort', release);
  },
  { name: 'idempotency' },
);
