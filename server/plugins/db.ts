// Database plugin: one pool per login role, and the per-request transaction that begins and sets
// the tenant context in one round trip before the procedure call, commits or rolls back, and retries
// serialization failures and deadlocks.
import fp from 'fastify-plugin';
import pg from 'pg';
import { DEFAULT_DATABASE_TIMEOUTS, type DatabaseTimeouts } from '../timeouts.ts';
import './pg_types.ts';

export interface RequestContext {
  /** NULL for support calls, whose procedures enter the tenant they name. */
  tenantId: string | null;
  actorKind: 'user' | 'support' | 'api_key' | 'system';
  actorId: string;
  requestId: string;
  /** The email the identity provider verified (a verified id token's), set only by routes that checked one. */
  verifiedEmail?: string;
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
// The only SQL text the server sends itself: BEGIN and the context with the transaction's time
// limits (transaction-local), in one simple-protocol round trip (issue 14: a round trip is what a
// request costs most on a small machine). The values are literals escaped by the driver
// (escapeLiteral: quotes doubled, an E'' string when there is a backslash); set_config takes them
// as text whatever they hold, and none comes unchecked from a caller (the token's verified
// subject, a request id of [A-Za-z0-9._-], a verified email, numbers).
const CONTEXT_SETTINGS = [
  'app.tenant_id',
  'app.actor_kind',
  'app.actor_id',
  'app.request_id',
  'app.verified_email',
  'statement_timeout',
  'lock_timeout',
  'idle_in_transaction_session_timeout',
];

/** `begin; select set_config(...)` with the context's values as escaped literals. */
export function beginWithContext(client: pg.ClientBase, values: string[]): string {
  return (
    'begin; select ' +
    CONTEXT_SETTINGS.map((name, i) => `set_config('${name}', ${client.escapeLiteral(values[i])}, true)`).join(', ')
  );
}

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
      await client.query(
        beginWithContext(client, [
          context.tenantId ?? '',
          context.actorKind,
          context.actorId,
          context.requestId,
          context.verifiedEmail ?? '',
          String(timeouts.statementMs),
          String(timeouts.lockMs),
          String(timeouts.idleInTransactionMs),
        ]),
      );
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
  poolSize: number;
  timeouts?: DatabaseTimeouts;
}

export default fp<DbPluginOptions>(
  async (fastify, options) => {
    const api = new pg.Pool({
      connectionString: options.apiUrl,
      max: options.poolSize,
      application_name: 'estate-api',
    });
    // Only the code and message: the error object carries the connection's parameters.
    api.on('error', (error: Error & { code?: string }) =>
      fastify.log.warn({ code: error.code, message: error.message }, 'idle database connection failed'),
    );
    fastify.decorate('db', {
      api,
      inContext: (context, fn, hold) =>
        inContext(api, context, fn, options.timeouts ?? DEFAULT_DATABASE_TIMEOUTS, hold),
      async ping() {
        await api.query('select 1');
      },
    } satisfies Database);
    fastify.addHook('onClose', async () => {
      await api.end();
    });
  },
  { name: 'db' },
);
