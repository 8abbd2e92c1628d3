// The Acting-For header (docs/legacy.md, "Acting for a person"): read in one place, for the request's
// context (auth.ts) and for what an Idempotency-Key promises (idempotency.ts).
import type { FastifyRequest } from 'fastify';
import { HttpProblem } from './errors.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The persona a request acts for, checked to be one UUID and normalised (trimmed, lower case);
 *  undefined without the header. The database decides whether the caller may and whether the
 *  operation can be done so. */
export function actingForOf(request: FastifyRequest): string | undefined {
  const header = request.headers['acting-for'];
  if (header === undefined) return undefined;
  if (typeof header !== 'string' || !UUID.test(header.trim()))
    throw new HttpProblem(400, 'invalid_acting_for', 'Acting-For must be the id of the person acted for (a UUID)');
  return header.trim().toLowerCase();
}
