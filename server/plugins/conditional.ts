// Conditional requests (docs/retries.md). A single resource's GET carries a weak ETag: a hash of
// the row its procedure returned (W/"..."), so that any change to what the reply shows changes it.
// If-None-Match with a current ETag answers 304 without a body. A PATCH or DELETE with If-Match
// locks the row, reads it again with the same procedure in the same transaction, and answers
// 412 precondition_failed (nothing changed) unless one of the given ETags is the current one.
import { createHash } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type pg from 'pg';
import { lockForPrecondition } from '../../generated/idempotency.queries.ts';
import { HttpProblem } from './errors.ts';

/** The routes that set an ETag (withETag) and those that honour If-Match (requireIfMatch), for the
 *  published contract (server/openapi.ts); test/conditional.http.test.ts checks them. */
export const ETAG_ROUTES = new Set([
  '/v1/assets/:assetId',
  '/v1/personas/:personaId',
  '/v1/me',
  '/v1/subscription',
  '/v1/invoices/:invoiceId',
  '/v1/ffcs/:ffcId',
  '/v1/ffcs/:ffcId/members/:personaId',
]);
export const IF_MATCH_ROUTES = new Set([
  '/v1/assets/:assetId',
  '/v1/personas/:personaId',
  '/v1/subscription',
  '/v1/ffcs/:ffcId',
  '/v1/ffcs/:ffcId/members/:personaId',
]);

/** The weak ETag of a procedure's row (its JSON: dates as ISO text, money as text). */
export function etagOf(row: unknown): string {
  return `W/"${createHash('sha256').update(JSON.stringify(row)).digest('base64url').slice(0, 27)}"`;
}

/** Sets the ETag of the row about to be sent, and returns the row. */
export function withETag<T>(reply: FastifyReply, row: T): T {
  if (row !== undefined) reply.header('etag', etagOf(row));
  return row;
}

/** The entity tags of an If-Match or If-None-Match header, compared weakly (W/ ignored). */
function tagsOf(header: string | string[] | undefined): string[] | null {
  if (header === undefined) return null;
  const joined = Array.isArray(header) ? header.join(',') : header;
  return joined
    .split(',')
    .map((tag) => tag.trim().replace(/^W\//, ''))
    .filter(Boolean);
}

/**
 * Inside the route's transaction, before its write: with If-Match, lock the resource's row, read
 * it (the resource's own procedure: its usual not-found for anyone who may not see it) and refuse
 * with 412 unless it is still as the caller last read it. Without If-Match, nothing.
 */
export async function requireIfMatch(
  request: FastifyRequest,
  db: pg.PoolClient,
  resource: { kind: 'asset' | 'persona' | 'ffc'; id: string } | { kind: 'subscription'; id?: undefined },
  read: () => Promise<unknown[]>,
): Promise<void> {
  const expected = tagsOf(request.headers['if-match']);
  if (!expected) return;
  await lockForPrecondition.run({ kind: resource.kind, id: resource.id ?? null }, db);
  const [row] = await read();
  const current = etagOf(row).replace(/^W\//, '');
  if (!expected.includes('*') && !expected.includes(current)) {
    // The resource changed since the caller read its ETag: read it again, then retry.
    throw new HttpProblem(412, 'precondition_failed', 'the resource changed since its ETag was read');
  }
}

export default fp(
  async (fastify) => {
    fastify.addHook('onSend', async (request, reply, payload) => {
      if (request.method !== 'GET' || reply.statusCode !== 200) return payload;
      const etag = reply.getHeader('etag');
      const wanted = tagsOf(request.headers['if-none-match']);
      if (typeof etag !== 'string' || !wanted) return payload;
      if (!wanted.includes('*') && !wanted.includes(etag.replace(/^W\//, ''))) return payload;
      reply.code(304);
      reply.removeHeader('content-type');
      reply.removeHeader('content-length');
      return null;
    });
  },
  { name: 'conditional' },
);
