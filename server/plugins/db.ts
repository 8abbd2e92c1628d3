// Database plugin: one pool per login role, and the per-request transaction that sets the tenant
// context in one statement before the procedure call, commits or rolls back, and retries
// serialization failures and deadlocks.
import fp from 'fastify-plugin';
import pg from 'pg';
import { guardPool } from '../db_faults.ts';
import { DEFAULT_DATABASE_TIMEOUTS, type DatabaseTimeouts } from '../timeouts.ts';
import { HttpProblem } from './errors.ts';
import './pg_types.ts';

export interface RequestContext {
  /** NULL for support calls, whose procedures enter the tenant they name. */
  tenantId: string | null;
  actorKind: 'user' | 'support' | 'api_key' | 'system';
  actorId: string;
  requestId: string;
  /** The email the identity provider verified (a verified id token's), set only by routes that checked one. */
  verifiedEmail?: string;
  /** The Cognito sign-in the token belongs to (origin_jti): a session support revoked is refused. */
  sessionRef?: string;
}

/** A transaction whose work is done and whose commit waits for its owner (the Idempotency-Key's
 *  answer is stored in it first: server/plugins/idempotency.ts). */
export interface HeldTransaction {
  client: pg.PoolClient;
  commit(): Promise<void>;
  rollback(): Promise<void>;
}

export interface Database {
  /** Pool of the tenant-traffic role (estate_api). */
  api: pg.Pool;
  /** Pool of the support role (estate_support), for the support door; null when not configured. */
  support: pg.Pool | null;
  /** Like inContext, on the support role's pool (503 support_unavailable without one). */
  inSupportContext<T>(context: RequestContext, fn: (client: pg.PoolClient) => Promise<T>): Promise<T>;
  /** Runs fn in one transaction whose context names the tenant and the actor; with `hold`, the
   *  transaction stays open after fn and is handed to it to commit or roll back. */
  inContext<T>(
    context: RequestContext,
    fn: (client: pg.PoolClient) => Promise<T>,
    hold?: (transaction: HeldTransaction) => void,
  ): Promise<T>;
  /** Checks that the database answers. */
  ping(): Promise<void>;
}

declare module 'fastify' {
  interface FastifyInstance {
    db: Database;
  }
}

const RETRYABLE = new Set(['40001', '40P01']);
const MAX_ATTEMPTS = 4;
// The only SQL text the server sends itself: the context and the transaction's time limits,
// transaction-local, in one statement.
const SET_CONTEXT =
  "select set_config('app.tenant_id', $1, true), set_config('app.actor_kind', $2, true), " +
  "set_config('app.actor_id', $3, true), set_config('app.request_id', $4, true), " +
  "set_config('app.verified_email', $5, true), set_config('statement_timeout', $6, true), " +
  "set_config('lock_timeout', $7, true), set_config('idle_in_transaction_session_timeout', $8, true), " +
  "set_config('app.session_ref', $9, true)";

export async function inContext<T>(
  pool: pg.Pool,
  context: RequestContext,
  fn: (client: pg.PoolClient) => Promise<T>,
  timeouts: DatabaseTimeouts = DEFAULT_DATABASE_TIMEOUTS,
  hold?: (transaction: HeldTransaction) => void,
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    const client = await pool.connect();
    let broken = false;
    let held = false;
    try {
      await client.query('begin');
      await client.query(SET_CONTEXT, [
        context.tenantId ?? '',
        context.actorKind,
        context.actorId,
        context.requestId,
        context.verifiedEmail ?? '',
        String(timeouts.statementMs),
        String(timeouts.lockMs),
        String(timeouts.idleInTransactionMs),
        context.sessionRef ?? '',
      ]);
      const result = await fn(client);
      if (hold) {
        hold(holdTransaction(client));
        held = true;
        return result;
      }
      await client.query('commit');
      return result;
    } catch (error) {
      await client.query('rollback').catch(() => {
        broken = true;
      });
      const code = (error as { code?: string }).code;
      if (code && RETRYABLE.has(code) && attempt < MAX_ATTEMPTS) {
        await new Promise((resolve) => setTimeout(resolve, 10 * 2 ** attempt * Math.random()));
        continue;
      }
      throw error;
    } finally {
      if (!held) client.release(broken);
    }
  }
}

/** The handle of a transaction left open: one commit or rollback, then the connection goes back. */
function holdTransaction(client: pg.PoolClient): HeldTransaction {
  let done = false;
  const end = async (statement: 'commit' | 'rollback') => {
    if (done) return;
    done = true;
    try {
      await client.query(statement);
      client.release();
    } catch (error) {
      await client.query('rollback').catch(() => undefined);
      client.release(true);
      throw error;
    }
  };
  return { client, commit: () => end('commit'), rollback: () => end('rollback') };
}

/** Runs fn as support staff named `operator`, in a transaction of the support role's pool. */
export function asSupport<T>(pool: pg.Pool, operator: string, fn: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  return inContext(
    pool,
    { tenantId: null, actorKind: 'support', actorId: operator, requestId: `operator-${Date.now()}` },
    fn,
  );
}

export interface DbPluginOptions {
  apiUrl: string;
  /** The support login (estate_support) of the support door; unset, the door answers 503. */
  supportUrl?: string;
  poolSize: number;
  timeouts?: DatabaseTimeouts;
  /** How long a request waits for a connection (a new one, or a free one of a full pool): past it, 503. */
  connectTimeoutMs?: number;
}

export default fp<DbPluginOptions>(
  async (fastify, options) => {
    const api = new pg.Pool({
      connectionString: options.apiUrl,
      max: options.poolSize,
      application_name: 'estate-api',
      // A database that is down or frozen fails the request fast (503) instead of queueing it.
      connectionTimeoutMillis: options.connectTimeoutMs ?? 1000,
    });
    // Only the code and message: the error object carries the connection's parameters.
    guardPool(api, (error, checkedOut) =>
      fastify.log.warn(
        { code: error.code, message: error.message },
        checkedOut ? 'database connection in use failed' : 'idle database connection failed',
      ),
    );
    const support = options.supportUrl
      ? new pg.Pool({
          connectionString: options.supportUrl,
          max: Math.min(options.poolSize, 4),
          application_name: 'estate-support-door',
        })
      : null;
    support?.on('error', (error: Error & { code?: string }) =>
      fastify.log.warn({ code: error.code, message: error.message }, 'idle support connection failed'),
    );
    fastify.decorate('db', {
      api,
      support,
      inContext: (context, fn, hold) =>
        inContext(api, context, fn, options.timeouts ?? DEFAULT_DATABASE_TIMEOUTS, hold),
      inSupportContext(context, fn) {
        if (!support) throw new HttpProblem(503, 'support_unavailable', 'the support door is not configured here');
        return inContext(support, context, fn, options.timeouts ?? DEFAULT_DATABASE_TIMEOUTS);
      },
      async ping() {
        await api.query('select 1');
      },
    } satisfies Database);
    fastify.addHook('onClose', async () => {
      await Promise.all([api.end(), support?.end()]);
    });
  },
  { name: 'db' },
);
