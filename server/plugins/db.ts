// Database plugin: one pool per login role, and the per-request transaction that begins and sets
// the tenant context in one round trip before the procedure call, commits or rolls back, and retries
// serialization failures and deadlocks.
import fp from 'fastify-plugin';
import pg from 'pg';
import { guardPool, isDatabaseUnavailable as isUnavailable } from '../db_faults.ts';
import {
  DEFAULT_REPLICA,
  LSN,
  lsnValue,
  NotReplicaSafe,
  procedureOf,
  REPLICA_READS,
  ReplicaRouter,
  retryOnPrimary,
  type ReplicaSettings,
} from '../replica.ts';
import { DEFAULT_DATABASE_TIMEOUTS, type DatabaseTimeouts } from '../timeouts.ts';
import { withTenantContext } from '../tracing.ts';
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
  /** How the token was obtained (its estate_amr claim: "mfa", factor names): a tenant requiring MFA checks it (issue 11). */
  authMethods?: readonly string[];
  /** Told the WAL position after the transaction's commit (read-your-writes: the consistency token);
   *  asked only when a replica is configured (the position is read in the commit's round trip). */
  onCommit?: (lsn: string) => void;
  /** The verified token's issuer, set by the support door: a staff member is their pool's subject. */
  issuer?: string;
  /** The persona the request acts for (its Acting-For header, a UUID): only the procedures that
   *  accept it do anything with it (procedures/acting_for.sql); every other one refuses it. */
  actingFor?: string;
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
  /** Runs fn, a read, on the streaming replica when it may (docs/operations.md): the replica is
   *  configured, up, not too far behind, has replayed the write `token` names, and fn calls only
   *  procedures of REPLICA_READS; otherwise, or when the replica fails, on the primary as inContext. */
  inReadContext<T>(context: RequestContext, fn: (client: pg.PoolClient) => Promise<T>, token?: string): Promise<T>;
  /** The replica's router; null without DATABASE_REPLICA_URL. */
  replica: ReplicaRouter | null;
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
  'app.session_ref',
  // Issue 11 (MFA): the verified token's authentication methods, space-separated (app.token_amr()).
  'app.token_amr',
  'app.actor_issuer',
  // Issue 13: the person a request acts for (procedures/acting_for.sql), or ''.
  'app.acting_for',
];

/** The same with parameters, after a separate BEGIN: for a value a simple query cannot carry. */
const SET_CONTEXT = 'select ' + CONTEXT_SETTINGS.map((name, i) => `set_config('${name}', $${i + 1}, true)`).join(', ');

/** `begin; select set_config(...)` with the context's values as escaped literals. */
export function beginWithContext(client: pg.ClientBase, values: string[], readOnly = false): string {
  return (
    (readOnly ? 'begin transaction read only; select ' : 'begin; select ') +
    CONTEXT_SETTINGS.map((name, i) => `set_config('${name}', ${client.escapeLiteral(values[i])}, true)`).join(', ')
  );
}

export function inContext<T>(
  pool: pg.Pool,
  context: RequestContext,
  fn: (client: pg.PoolClient) => Promise<T>,
  timeouts: DatabaseTimeouts = DEFAULT_DATABASE_TIMEOUTS,
  hold?: (transaction: HeldTransaction) => void,
): Promise<T> {
  // Traced (server/tracing.ts), the pg spans of the transaction name its tenant.
  return withTenantContext(context.tenantId, () => runInContext(pool, context, fn, timeouts, hold));
}

async function runInContext<T>(
  pool: pg.Pool,
  context: RequestContext,
  fn: (client: pg.PoolClient) => Promise<T>,
  timeouts: DatabaseTimeouts,
  hold?: (transaction: HeldTransaction) => void,
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    const client = await pool.connect();
    let broken = false;
    let held = false;
    try {
      const values = contextValues(context, timeouts);
      if (values.some(hasNul)) {
        await client.query('begin');
        await client.query(SET_CONTEXT, values);
      }
      const opening = withOpening(client, values.some(hasNul) ? null : beginWithContext(client, values));
      const result = await fn(opening.client);
      await opening.flush();
      if (hold) {
        hold(holdTransaction(client, context.onCommit));
        held = true;
        return result;
      }
      await commit(client, context.onCommit);
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

function contextValues(context: RequestContext, timeouts: DatabaseTimeouts): string[] {
  return [
    context.tenantId ?? '',
    context.actorKind,
    context.actorId,
    context.requestId,
    context.verifiedEmail ?? '',
    String(timeouts.statementMs),
    String(timeouts.lockMs),
    String(timeouts.idleInTransactionMs),
    context.sessionRef ?? '',
    (context.authMethods ?? []).join(' '),
    context.issuer ?? '',
    context.actingFor ?? '',
  ];
}

/** COMMIT, and with onCommit the WAL position after it in the same round trip (at or past the
 *  commit record: a replica that has replayed it sees the transaction). */
async function commit(client: pg.ClientBase, onCommit?: (lsn: string) => void) {
  if (!onCommit) {
    await client.query('commit');
    return;
  }
  const results = (await client.query(
    'commit; select pg_current_wal_insert_lsn()::text as lsn',
  )) as unknown as pg.QueryResult<{ lsn: string }>[];
  const lsn = results[results.length - 1]?.rows[0]?.lsn;
  if (lsn) onCommit(lsn);
}

/**
 * A read on the replica: `begin transaction read only` and the context in the call's round trip,
 * every query checked against REPLICA_READS before it is sent (NotReplicaSafe otherwise). With a
 * token, first waits (bounded) until the replica has replayed it; false when it has not.
 */
async function readOnReplica<T>(
  replica: ReplicaRouter,
  context: RequestContext,
  fn: (client: pg.PoolClient) => Promise<T>,
  timeouts: DatabaseTimeouts,
  token: bigint | null,
): Promise<{ done: true; result: T } | { done: false }> {
  const client = await replica.pool.connect();
  let broken = false;
  try {
    if (token !== null && !(await replica.replayedUpTo(client, token))) return { done: false };
    const values = contextValues(context, timeouts);
    if (values.some(hasNul)) throw new NotReplicaSafe('a context value cannot be inlined');
    const guard = (text: unknown) => {
      const procedure = procedureOf(text);
      if (!procedure || !REPLICA_READS.has(procedure))
        throw new NotReplicaSafe(`${procedure ?? 'a query'} is not declared`);
    };
    const opening = withOpening(client, beginWithContext(client, values, true), guard);
    const result = await fn(opening.client);
    await opening.flush();
    await client.query('commit');
    return { done: true, result };
  } catch (error) {
    await client.query('rollback').catch(() => {
      broken = true;
    });
    throw error;
  } finally {
    client.release(broken);
  }
}

type Literal = string | number | boolean | bigint | null | undefined;
// A simple-protocol query is a C string: a NUL would end it. Such a value goes as a parameter
// (PostgreSQL refuses it there as invalid text, as before).
const hasNul = (value: unknown) => typeof value === 'string' && value.includes('\0');
const isLiteral = (value: unknown): value is Literal =>
  value === null || value === undefined || ['string', 'number', 'boolean', 'bigint'].includes(typeof value);

/**
 * The client handed to a transaction's work, whose first query carries the opening (BEGIN and the
 * context) in the same simple-protocol message when it can: a generated binding's call (text with
 * $n placeholders, no quote or dollar quote of its own, every value a string, number, boolean or
 * null) is sent with its values as escaped literals, which PostgreSQL types exactly as it types
 * untyped parameters (from the procedure's signature). Statements of one message run in order,
 * each with its own statement_timeout (PostgreSQL 13 and later), and an error stops the rest, so
 * the call never runs outside its context. Any other first query gets the opening sent before it.
 * Either way one round trip fewer than BEGIN, context and call apart (issue 14).
 */
function withOpening(client: pg.PoolClient, opening: string | null, guard?: (text: unknown) => void) {
  let pending: string | null = opening;
  const flush = async () => {
    if (pending === null) return;
    const statement = pending;
    pending = null;
    await client.query(statement);
  };
  const query = async (text: unknown, values?: unknown, callback?: unknown) => {
    guard?.(text);
    if (pending !== null) {
      if (
        typeof text === 'string' &&
        callback === undefined &&
        (values === undefined || (Array.isArray(values) && values.every(isLiteral) && !values.some(hasNul))) &&
        // Once the quoted identifiers without a $ are taken out (a binding's column names: AS "netWorth!"):
        // no quote, dollar quote, other quoted identifier or comment, and no $n glued to a name. A $n
        // is then a placeholder, and replacing it cannot touch an identifier.
        !/'|"|--|\/\*|\$(?!\d)|\w\$\d/.test(text.replace(/"[^"$]*"/g, ' '))
      ) {
        const literals = ((values as Literal[] | undefined) ?? []).map((value) =>
          value === null || value === undefined ? 'NULL' : client.escapeLiteral(String(value)),
        );
        const call = text.replace(/\$(\d+)/g, (_, n: string) => literals[Number(n) - 1] ?? '$' + n);
        const statement = `${pending}; ${call}`;
        pending = null;
        const results = (await client.query(statement)) as unknown as pg.QueryResult | pg.QueryResult[];
        return Array.isArray(results) ? results[results.length - 1] : results;
      }
      await flush();
    }
    return (client.query as (...args: unknown[]) => unknown)(
      ...[text, values, callback].filter((arg, i) => i === 0 || arg !== undefined),
    );
  };
  const proxy = new Proxy(client, {
    get(target, property) {
      if (property === 'query') return query;
      const value = Reflect.get(target, property, target) as unknown;
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
  return { client: proxy, flush };
}

/** The handle of a transaction left open: one commit or rollback, then the connection goes back. */
function holdTransaction(client: pg.PoolClient, onCommit?: (lsn: string) => void): HeldTransaction {
  let done = false;
  const end = async (statement: 'commit' | 'rollback') => {
    if (done) return;
    done = true;
    try {
      if (statement === 'commit') await commit(client, onCommit);
      else await client.query(statement);
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
  /** Connections kept open when idle (pg's `min`): a request after a quiet spell does not wait for
   *  a new connection (a backend's start and the password exchange). Default 0. */
  poolMin?: number;
  timeouts?: DatabaseTimeouts;
  /** How long a request waits for a connection (a new one, or a free one of a full pool): past it, 503. */
  connectTimeoutMs?: number;
  /** The same login role (estate_api) on a streaming replica: reads are routed there when they may. */
  replicaUrl?: string;
  replica?: Partial<ReplicaSettings>;
}

export default fp<DbPluginOptions>(
  async (fastify, options) => {
    const api = new pg.Pool({
      connectionString: options.apiUrl,
      max: options.poolSize,
      min: Math.min(options.poolMin ?? 0, options.poolSize),
      application_name: 'estate-api',
      // The inlined literals of a request's first call (withOpening) are escaped for UTF-8: pinned.
      client_encoding: 'UTF8',
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
          client_encoding: 'UTF8',
          connectionTimeoutMillis: options.connectTimeoutMs ?? 1000,
        })
      : null;
    if (support)
      guardPool(support, (error, checkedOut) =>
        fastify.log.warn(
          { code: error.code, message: error.message },
          checkedOut ? 'support connection in use failed' : 'idle support connection failed',
        ),
      );
    const timeouts = options.timeouts ?? DEFAULT_DATABASE_TIMEOUTS;
    const replica = options.replicaUrl
      ? new ReplicaRouter(options.replicaUrl, api, {
          poolSize: options.poolSize,
          poolMin: options.poolMin ?? 0,
          connectTimeoutMs: options.connectTimeoutMs ?? 1000,
          settings: { ...DEFAULT_REPLICA, ...options.replica },
          log: (message) => fastify.log.warn(message),
        })
      : null;
    // The first comparison before the first request (a replica that does not answer: the primary serves).
    await replica?.start();
    fastify.decorate('db', {
      api,
      support,
      replica,
      inContext: (context, fn, hold) => inContext(api, context, fn, timeouts, hold),
      async inReadContext(context, fn, token) {
        if (!replica) return inContext(api, context, fn, timeouts);
        const reason = token !== undefined && !LSN.test(token) ? 'token_invalid' : replica.availability();
        if (reason) {
          replica.count(reason);
          return inContext(api, context, fn, timeouts);
        }
        try {
          const read = await withTenantContext(context.tenantId, () =>
            readOnReplica(replica, context, fn, timeouts, token ? lsnValue(token) : null),
          );
          if (read.done) {
            replica.count('replica');
            return read.result;
          }
          replica.count('token_not_replayed');
        } catch (error) {
          if (!retryOnPrimary(error)) throw error;
          if (error instanceof NotReplicaSafe) replica.count('not_declared');
          else {
            replica.count('replica_failed');
            fastify.log.warn({ code: (error as { code?: string }).code }, 'replica read failed: read on the primary');
            if (isUnavailable(error)) replica.markDown();
          }
        }
        return inContext(api, context, fn, timeouts);
      },
      inSupportContext(context, fn) {
        if (!support) throw new HttpProblem(503, 'support_unavailable', 'the support door is not configured here');
        return inContext(support, context, fn, timeouts);
      },
      async ping() {
        await api.query('select 1');
      },
    } satisfies Database);
    fastify.addHook('onClose', async () => {
      await replica?.close();
      await Promise.all([api.end(), support?.end()]);
    });
  },
  { name: 'db' },
);
