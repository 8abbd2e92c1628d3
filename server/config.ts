// Configuration from the environment, validated once at start-up with clear messages. These are
// the API's settings; the development stack (`npm start`) adds its own in scripts/lib/dev_stack.ts.
import envSchema from 'env-schema';
import { Type, type Static, type TObject } from 'typebox';
import type { AppOptions } from './app.ts';
import { DEFAULT_TIMEOUTS } from './timeouts.ts';
import { DEFAULT_REPLICA } from './replica.ts';
import { DEFAULT_LOAD_SHEDDING } from './plugins/load_shedding.ts';
import { DEFAULT_RATE_LIMITS } from './plugins/rate_limits.ts';

/** The login roles (db/bootstrap.sql): tenant traffic, the support door, and operators (the CLI). */
export const API_ROLE = 'estate_api';
export const SUPPORT_ROLE = 'estate_support';
export const OPERATOR_ROLE = 'estate_operator';

const postgresUrl = () => Type.String({ pattern: '^postgres(ql)?://' });

/** The API's settings, as env-schema validates them. */
export const serverSettings = {
  HOST: Type.String({ default: '127.0.0.1' }),
  PORT: Type.Integer({ default: 3000, minimum: 0, maximum: 65535 }),
  LOG_LEVEL: Type.Union(
    ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'].map((level) => Type.Literal(level)),
    { default: 'info' },
  ),
  // Administrative URL (migrations, the operator CLI); the API derives its login URL from it when
  // DATABASE_API_URL is unset. Unset under `npm start`: embedded PostgreSQL.
  DATABASE_URL: Type.Optional(postgresUrl()),
  // The tenant-traffic login (estate_api); unset, DATABASE_URL with that role and DATABASE_API_PASSWORD.
  DATABASE_API_URL: Type.Optional(postgresUrl()),
  DATABASE_API_PASSWORD: Type.Optional(Type.String()),
  // The support login (estate_support) of the support door (/support/v1) only (operators have
  // their own login, estate_operator: scripts/operator.ts); unset, DATABASE_URL with that role and DATABASE_SUPPORT_PASSWORD; neither, the door answers 503.
  DATABASE_SUPPORT_URL: Type.Optional(postgresUrl()),
  DATABASE_SUPPORT_PASSWORD: Type.Optional(Type.String()),
  // The estate_api login on a streaming replica (pg_basebackup -R): GETs read there when they may;
  // unset, everything runs on the primary. Lag bound, read-your-writes wait, check interval (ms).
  DATABASE_REPLICA_URL: Type.Optional(postgresUrl()),
  REPLICA_MAX_LAG_MS: Type.Integer({ default: DEFAULT_REPLICA.maxLagMs, minimum: 0, maximum: 600_000 }),
  REPLICA_WAIT_MS: Type.Integer({ default: DEFAULT_REPLICA.waitMs, minimum: 0, maximum: 10_000 }),
  REPLICA_CHECK_INTERVAL_MS: Type.Integer({ default: DEFAULT_REPLICA.checkIntervalMs, minimum: 50, maximum: 60_000 }),
  DATABASE_POOL_SIZE: Type.Integer({ default: 10, minimum: 1, maximum: 200 }),
  // Connections the pool keeps open when idle (at most DATABASE_POOL_SIZE; unset: all of them).
  DATABASE_POOL_MIN: Type.Optional(Type.Integer({ minimum: 0, maximum: 200 })),
  // cognito: tenants' real user pools only. cognito-local: also trust the development provider.
  IDENTITY_PROVIDER: Type.Optional(Type.Union([Type.Literal('cognito'), Type.Literal('cognito-local')])),
  // Keys for account and policy numbers. Required by the API; the dev stack makes one when unset.
  FIELD_ENCRYPTION_KEYS: Type.Optional(Type.String({ minLength: 10 })),
  // Signing secret of the Stripe webhook endpoint; unset, the webhook answers 503 (the dev stack makes one).
  STRIPE_WEBHOOK_SECRET: Type.Optional(Type.String({ pattern: '^whsec_[A-Za-z0-9+/=_-]{16,}$' })),
  // How old a webhook signature may be (seconds): older deliveries are refused as replays.
  STRIPE_WEBHOOK_TOLERANCE_SECONDS: Type.Integer({ default: 300, minimum: 1, maximum: 3600 }),
  // How old the token routing table may be (seconds): a disabled app client is refused at most this late.
  AUTH_ROUTING_MAX_AGE_SECONDS: Type.Integer({ default: 15, minimum: 1, maximum: 600 }),
  // Time limits (milliseconds, docs/limits.md): a client's request, its headers, idle connections;
  // each transaction's statements, lock waits and idle pauses (past them: 503 with Retry-After).
  REQUEST_TIMEOUT_MS: Type.Integer({ default: DEFAULT_TIMEOUTS.requestMs, minimum: 1000, maximum: 600_000 }),
  HEADERS_TIMEOUT_MS: Type.Integer({ default: DEFAULT_TIMEOUTS.headersMs, minimum: 1000, maximum: 600_000 }),
  KEEP_ALIVE_TIMEOUT_MS: Type.Integer({ default: DEFAULT_TIMEOUTS.keepAliveMs, minimum: 1000, maximum: 600_000 }),
  CONNECTION_TIMEOUT_MS: Type.Integer({ default: DEFAULT_TIMEOUTS.connectionMs, minimum: 1000, maximum: 3_600_000 }),
  DATABASE_STATEMENT_TIMEOUT_MS: Type.Integer({
    default: DEFAULT_TIMEOUTS.statementMs,
    minimum: 100,
    maximum: 600_000,
  }),
  DATABASE_LOCK_TIMEOUT_MS: Type.Integer({ default: DEFAULT_TIMEOUTS.lockMs, minimum: 100, maximum: 600_000 }),
  DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS: Type.Integer({
    default: DEFAULT_TIMEOUTS.idleInTransactionMs,
    minimum: 100,
    maximum: 600_000,
  }),
  // How long a request waits for a database connection before 503 database_unavailable.
  DATABASE_CONNECT_TIMEOUT_MS: Type.Integer({ default: DEFAULT_TIMEOUTS.connectMs, minimum: 100, maximum: 60_000 }),
  // Load shedding (docs/operations.md): 503 server_busy past a mean event loop delay or a number
  // of requests waiting for a connection (0: that check off).
  MAX_EVENT_LOOP_DELAY_MS: Type.Integer({ default: DEFAULT_LOAD_SHEDDING.maxEventLoopDelayMs, minimum: 0 }),
  MAX_POOL_WAITING: Type.Integer({ default: DEFAULT_LOAD_SHEDDING.maxPoolWaiting, minimum: 0 }),
  // Rate limits per API instance (docs/operations.md): requests per window, per tenant and per user (0: none).
  RATE_LIMIT_PER_TENANT: Type.Integer({ default: DEFAULT_RATE_LIMITS.perTenant, minimum: 0 }),
  RATE_LIMIT_PER_USER: Type.Integer({ default: DEFAULT_RATE_LIMITS.perUser, minimum: 0 }),
  RATE_LIMIT_WINDOW_MS: Type.Integer({ default: DEFAULT_RATE_LIMITS.windowMs, minimum: 1000, maximum: 3_600_000 }),
  // How long SIGTERM/SIGINT may take: in-flight requests finish, pools close; past it, exit 1.
  SHUTDOWN_TIMEOUT_MS: Type.Integer({ default: 10_000, minimum: 100, maximum: 600_000 }),
  // Prometheus metrics on their own listener (GET /metrics); unset: not served.
  METRICS_PORT: Type.Optional(Type.Integer({ minimum: 0, maximum: 65535 })),
  METRICS_HOST: Type.String({ default: '127.0.0.1' }),
};

const ConfigSchema = Type.Object(serverSettings);

export type Config = Static<typeof ConfigSchema>;

/** Reads the environment against a schema; throws an Error naming every bad variable. */
export function readEnvironment<T>(schema: TObject, env: NodeJS.ProcessEnv = process.env): T {
  return envSchema<T>({ schema, data: env, dotenv: false });
}

/** Reads and validates the API's settings; throws an Error naming every bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  return readEnvironment<Config>(ConfigSchema, env);
}

/** A login role's URL: the explicit one, or the administrative URL with that role's credentials. */
export function loginRoleUrl(adminUrl: string, role: string, password: string | undefined, explicit?: string): string {
  if (explicit) return explicit;
  const url = new URL(adminUrl);
  url.username = role;
  url.password = password ?? '';
  return url.toString();
}

/** What the production entry (server/main.ts) runs with. */
export interface ServerConfig {
  host: string;
  port: number;
  logLevel: string;
  shutdownTimeoutMs: number;
  /** Where GET /metrics is served; undefined: not served. */
  metrics?: { host: string; port: number };
  app: Omit<AppOptions, 'logger' | 'authReloadIntervalMs'>;
}

/** The production settings: the API's login and field keys required, real Cognito pools unless
 *  IDENTITY_PROVIDER=cognito-local says otherwise. Throws an Error naming what is missing. */
export function loadServerConfig(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  const config = loadConfig(env);
  const missing: string[] = [];
  if (!config.DATABASE_API_URL && !config.DATABASE_URL) {
    missing.push('DATABASE_API_URL (the estate_api login), or DATABASE_URL with DATABASE_API_PASSWORD');
  }
  if (!config.FIELD_ENCRYPTION_KEYS) missing.push('FIELD_ENCRYPTION_KEYS (keyId:base64-of-32-bytes[,olderKeyId:...])');
  if (missing.length) throw new Error(`required: ${missing.join('; ')}`);
  return {
    host: config.HOST,
    port: config.PORT,
    logLevel: config.LOG_LEVEL,
    shutdownTimeoutMs: config.SHUTDOWN_TIMEOUT_MS,
    metrics: metricsOf(config),
    app: {
      databaseApiUrl:
        config.DATABASE_API_URL ?? loginRoleUrl(config.DATABASE_URL!, API_ROLE, config.DATABASE_API_PASSWORD),
      databaseSupportUrl:
        config.DATABASE_SUPPORT_URL ??
        (config.DATABASE_URL && config.DATABASE_SUPPORT_PASSWORD
          ? loginRoleUrl(config.DATABASE_URL, SUPPORT_ROLE, config.DATABASE_SUPPORT_PASSWORD)
          : undefined),
      ...poolOf(config),
      databaseReplicaUrl: config.DATABASE_REPLICA_URL,
      replica: {
        maxLagMs: config.REPLICA_MAX_LAG_MS,
        waitMs: config.REPLICA_WAIT_MS,
        checkIntervalMs: config.REPLICA_CHECK_INTERVAL_MS,
      },
      allowDevelopmentIssuers: config.IDENTITY_PROVIDER === 'cognito-local',
      fieldEncryptionKeys: config.FIELD_ENCRYPTION_KEYS!,
      stripeWebhookSecret: config.STRIPE_WEBHOOK_SECRET,
      stripeWebhookToleranceSeconds: config.STRIPE_WEBHOOK_TOLERANCE_SECONDS,
      authRoutingMaxAgeMs: config.AUTH_ROUTING_MAX_AGE_SECONDS * 1000,
      timeouts: timeoutsOf(config),
      ...operationsOf(config),
    },
  };
}

/** Load shedding and rate limits as the settings name them. */
export function operationsOf(config: Config): Pick<AppOptions, 'loadShedding' | 'rateLimits'> {
  return {
    loadShedding: { maxEventLoopDelayMs: config.MAX_EVENT_LOOP_DELAY_MS, maxPoolWaiting: config.MAX_POOL_WAITING },
    rateLimits: {
      perTenant: config.RATE_LIMIT_PER_TENANT,
      perUser: config.RATE_LIMIT_PER_USER,
      windowMs: config.RATE_LIMIT_WINDOW_MS,
    },
  };
}

/** Where the metrics are served, if METRICS_PORT says so. */
export function metricsOf(config: Config): ServerConfig['metrics'] {
  return config.METRICS_PORT === undefined ? undefined : { host: config.METRICS_HOST, port: config.METRICS_PORT };
}

/** The API pool's size and the connections it keeps through a quiet spell (default: all of them). */
export function poolOf(config: Config): Pick<AppOptions, 'poolSize' | 'poolMin'> {
  return {
    poolSize: config.DATABASE_POOL_SIZE,
    poolMin: Math.min(config.DATABASE_POOL_MIN ?? config.DATABASE_POOL_SIZE, config.DATABASE_POOL_SIZE),
  };
}

/** The time limits the settings name (the rest: DEFAULT_TIMEOUTS). */
export function timeoutsOf(config: Config): AppOptions['timeouts'] {
  if (config.HEADERS_TIMEOUT_MS > config.REQUEST_TIMEOUT_MS)
    throw new Error('HEADERS_TIMEOUT_MS must not exceed REQUEST_TIMEOUT_MS');
  return {
    requestMs: config.REQUEST_TIMEOUT_MS,
    headersMs: config.HEADERS_TIMEOUT_MS,
    keepAliveMs: config.KEEP_ALIVE_TIMEOUT_MS,
    connectionMs: config.CONNECTION_TIMEOUT_MS,
    statementMs: config.DATABASE_STATEMENT_TIMEOUT_MS,
    lockMs: config.DATABASE_LOCK_TIMEOUT_MS,
    idleInTransactionMs: config.DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS,
    connectMs: config.DATABASE_CONNECT_TIMEOUT_MS,
  };
}
