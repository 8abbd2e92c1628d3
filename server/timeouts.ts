// Time limits of a request's connection and of its database transaction (docs/limits.md); the
// settings (server/config.ts) override them one by one.

/** How long one transaction's statements, lock waits and idle pauses may take, in milliseconds. */
export interface DatabaseTimeouts {
  statementMs: number;
  lockMs: number;
  idleInTransactionMs: number;
}

/** The database's defaults: no request holds a pooled connection for long. */
export const DEFAULT_DATABASE_TIMEOUTS: DatabaseTimeouts = {
  statementMs: 5000,
  lockMs: 2000,
  idleInTransactionMs: 10000,
};

/** How long a client may take to send a request or keep an idle connection; and the database's limits. */
export interface Timeouts extends DatabaseTimeouts {
  /** Node's requestTimeout: the whole request (headers and body) received within it, else 408. */
  requestMs: number;
  /** Node's headersTimeout: the headers received within it (a slow-header client), else 408. */
  headersMs: number;
  /** Idle keep-alive connections closed after it (above a load balancer's idle timeout). */
  keepAliveMs: number;
  /** A socket with no traffic at all for this long is closed (Fastify's connectionTimeout). */
  connectionMs: number;
  /** How often Node checks open requests against requestMs and headersMs. */
  checkIntervalMs: number;
  /** How long a request waits for a database connection (a new one, or a free one of a full
   *  pool) before 503 database_unavailable: a database that is down fails requests fast. */
  connectMs: number;
}

export const DEFAULT_TIMEOUTS: Timeouts = {
  requestMs: 30_000,
  headersMs: 10_000,
  keepAliveMs: 72_000,
  connectionMs: 120_000,
  checkIntervalMs: 1_000,
  connectMs: 1_000,
  ...DEFAULT_DATABASE_TIMEOUTS,
};
