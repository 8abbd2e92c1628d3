// Database faults the API survives: a lost or refused connection (a restart, a failover, a DBA's
// pg_terminate_backend) is a 503 the client retries, never a crash. docs/operations.md.
import type pg from 'pg';

/** SQLSTATEs of a connection the server ended or refused: admin/crash shutdown, starting up. */
const UNAVAILABLE_STATES = new Set(['57P01', '57P02', '57P03']);
/** Socket errors of a connection that could not be made or was cut. */
const SOCKET_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
]);
/** node-postgres's own messages for a lost connection or a pool that could not connect in time. */
const LOST_CONNECTION =
  /^(Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|Client was closed and is not queryable|Connection closed)/;

/** True when the error says the database cannot be reached now (retry later), not that a request is wrong. */
export function isDatabaseUnavailable(error: unknown): boolean {
  const candidate = error as { code?: unknown; message?: unknown } | null;
  if (!candidate || typeof candidate !== 'object') return false;
  const code = typeof candidate.code === 'string' ? candidate.code : '';
  if (UNAVAILABLE_STATES.has(code) || /^08[0-9A-Z]{3}$/.test(code) || SOCKET_CODES.has(code)) return true;
  return typeof candidate.message === 'string' && LOST_CONNECTION.test(candidate.message);
}

/**
 * Handles every 'error' a pool or one of its connections emits, idle or checked out (unhandled,
 * Node ends the process: `Emitted 'error' event on Client instance`). The request using a
 * connection that failed gets the error from its query; the pool drops the connection.
 */
export function guardPool(pool: pg.Pool, onError: (error: Error & { code?: string }, checkedOut: boolean) => void) {
  pool.on('error', (error) => onError(error, false));
  pool.on('connect', (client) => client.on('error', (error) => onError(error, true)));
}
