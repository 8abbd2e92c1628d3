// Reads from a streaming replica (docs/operations.md, "Read replica"): a hot standby made with
// pg_basebackup, reached with the same login role (DATABASE_REPLICA_URL). Only the procedures
// declared here are ever run there (test/catalog.test.ts checks that each is STABLE in pg_proc, and
// the standby refuses any write anyway); a replica that is down, promoted or too far behind, or that
// has not replayed a write the caller names (X-Consistency-Token), is passed over for the primary.
import pg from 'pg';
import { guardPool, isDatabaseUnavailable } from './db_faults.ts';

/**
 * The procedures a GET may be served from the replica: read-only ones (STABLE, no audit row, no
 * "last seen" update). Declared once; a procedure missing here is simply read on the primary.
 * Support reads (audited) and the token routing table are never routed.
 */
export const REPLICA_READS: ReadonlySet<string> = new Set([
  'api.sp_get_current_user',
  'api.sp_list_my_sessions',
  'api.sp_list_my_support_access',
  'api.sp_list_my_personas',
  'api.sp_get_persona',
  'api.sp_list_my_link_invitations',
  'api.sp_list_my_assets',
  'api.sp_list_ffc_assets',
  'api.sp_search_assets',
  'api.sp_list_asset_categories',
  'api.sp_get_asset',
  'api.sp_get_persona_assets',
  'api.sp_get_asset_valuations',
  'api.sp_calculate_net_worth',
  'api.sp_calculate_net_worth_history',
  'api.sp_calculate_ffc_net_worth',
  'api.sp_list_exchange_rates',
  'api.sp_list_my_ffcs',
  'api.sp_get_ffc',
  'api.sp_get_ffc_hierarchy',
  'api.sp_get_ffc_member',
  'api.sp_list_ffc_invitations',
  'api.sp_list_my_ffc_invitations',
  'api.sp_list_legal_entities',
  'api.sp_get_legal_entity',
  'api.sp_get_asset_beneficiaries',
  'api.sp_get_entity_beneficiaries',
  'api.sp_get_estate_beneficiaries',
  'api.sp_calculate_estate_flow',
  'api.sp_check_estate_plan',
  'api.sp_list_fiduciary_appointments',
  'api.sp_list_my_fiduciary_appointments',
  'api.sp_check_fiduciaries',
  'api.sp_list_vault_documents',
  'api.sp_get_vault_document',
  'api.sp_list_plans',
  'api.sp_get_my_subscription',
  'api.sp_list_subscription_changes',
  'api.sp_list_subscription_seats',
  'api.sp_calculate_usage',
  'api.sp_list_payment_methods',
  'api.sp_list_invoices',
  'api.sp_get_invoice',
]);

/** The procedure a generated call runs (`select ... from api.sp_x(...)`), or null for any other text. */
export function procedureOf(text: unknown): string | null {
  if (typeof text !== 'string') return null;
  const match = /\bfrom\s+(api\.sp_[a-z0-9_]+)\s*\(/i.exec(text);
  return match ? match[1].toLowerCase() : null;
}

/** A WAL position as PostgreSQL prints it (`16/B374D848`), the consistency token's form. */
export const LSN = /^[0-9A-F]{1,8}\/[0-9A-F]{1,8}$/i;
export const lsnValue = (lsn: string): bigint => {
  const [high, low] = lsn.split('/');
  return (BigInt(`0x${high}`) << 32n) | BigInt(`0x${low}`);
};

export interface ReplicaSettings {
  /** The most a replica may lag behind the primary and still serve reads without a token. */
  maxLagMs: number;
  /** How long a read naming a write waits for the replica to replay it before the primary answers. */
  waitMs: number;
  /** How often the replica's replay position and the primary's WAL position are compared. */
  checkIntervalMs: number;
}

export const DEFAULT_REPLICA: ReplicaSettings = { maxLagMs: 2000, waitMs: 250, checkIntervalMs: 500 };

/** Why a read went where it went (the metric's `reason`). */
export type ReadReason =
  | 'replica'
  | 'not_declared'
  | 'replica_down'
  | 'replica_lagging'
  | 'token_not_replayed'
  | 'token_invalid'
  | 'replica_failed';

/** Thrown before anything is sent when a replica transaction would run an undeclared call. */
export class NotReplicaSafe extends Error {}

/**
 * The replica's pool and what is known of it: whether it answers, is still a standby, and how far
 * it has replayed, compared every checkIntervalMs with the primary's WAL position.
 */
export class ReplicaRouter {
  readonly pool: pg.Pool;
  readonly settings: ReplicaSettings;
  /** Reads counted by where they went, for tests and the metrics. */
  readonly counts = new Map<ReadReason, number>();
  onRead?: (reason: ReadReason) => void;
  private healthy = false;
  private replayed: bigint | null = null;
  private lagMs = Infinity;
  private samples: Array<{ at: number; lsn: bigint }> = [];
  private timer: NodeJS.Timeout | null = null;
  private checking: Promise<void> | null = null;

  constructor(
    url: string,
    private readonly primary: pg.Pool,
    options: {
      poolSize: number;
      poolMin: number;
      connectTimeoutMs: number;
      settings: ReplicaSettings;
      log: (message: string) => void;
    },
  ) {
    this.settings = options.settings;
    this.pool = new pg.Pool({
      connectionString: url,
      max: options.poolSize,
      min: Math.min(options.poolMin, options.poolSize),
      application_name: 'estate-api-replica',
      client_encoding: 'UTF8',
      // A replica that does not answer is passed over quickly: the primary can still serve.
      connectionTimeoutMillis: Math.min(options.connectTimeoutMs, 500),
    });
    guardPool(this.pool, (error) => {
      this.markDown();
      options.log(`replica connection failed: ${error.code ?? error.message}`);
    });
  }

  start() {
    this.timer = setInterval(() => void this.check(), this.settings.checkIntervalMs);
    this.timer.unref();
    return this.check();
  }

  async close() {
    if (this.timer) clearInterval(this.timer);
    await this.checking?.catch(() => undefined);
    await this.pool.end();
  }

  /** One comparison (callers arriving meanwhile share it). */
  check(): Promise<void> {
    return (this.checking ??= this.compare().finally(() => {
      this.checking = null;
    }));
  }

  private async compare() {
    const now = Date.now();
    try {
      const { rows } = await this.primary.query<{ lsn: string }>('select pg_current_wal_lsn()::text as lsn');
      this.samples.push({ at: now, lsn: lsnValue(rows[0].lsn) });
    } catch {
      // The primary down: the replica is judged by the positions noted before.
    }
    const keep = this.settings.maxLagMs + 4 * this.settings.checkIntervalMs;
    this.samples = this.samples.filter((sample) => now - sample.at <= keep);
    try {
      const { rows } = await this.pool.query<{ standby: boolean; replayed: string | null }>(
        'select pg_is_in_recovery() as standby, pg_last_wal_replay_lsn()::text as replayed',
      );
      const { standby, replayed } = rows[0];
      // A promoted replica is no longer a copy of the primary: never read from it.
      if (!standby || !replayed) return this.markDown();
      this.replayed = lsnValue(replayed);
    } catch {
      return this.markDown();
    }
    // The lag: since the first noted primary position the replica has not replayed yet.
    const missed = this.samples.find((sample) => sample.lsn > this.replayed!);
    this.lagMs = missed ? now - missed.at : this.samples.length ? 0 : Infinity;
    this.healthy = true;
  }

  markDown() {
    this.healthy = false;
    this.lagMs = Infinity;
  }

  /** Where a read without a token may go: null for the replica, else why not. */
  availability(): ReadReason | null {
    if (!this.healthy) return 'replica_down';
    if (this.lagMs > this.settings.maxLagMs) return 'replica_lagging';
    return null;
  }

  /** The replica's last known state (tests, logs). */
  status() {
    return { healthy: this.healthy, lagMs: this.lagMs, replayed: this.replayed };
  }

  count(reason: ReadReason) {
    this.counts.set(reason, (this.counts.get(reason) ?? 0) + 1);
    this.onRead?.(reason);
  }

  /** Waits (on the given connection) until the replica has replayed `lsn`, at most waitMs. */
  async replayedUpTo(client: pg.PoolClient, lsn: bigint): Promise<boolean> {
    if (this.replayed !== null && this.replayed >= lsn) return true;
    const deadline = Date.now() + this.settings.waitMs;
    for (;;) {
      const { rows } = await client.query<{ replayed: string | null }>(
        'select pg_last_wal_replay_lsn()::text as replayed',
      );
      if (rows[0].replayed) {
        const replayed = lsnValue(rows[0].replayed);
        if (this.replayed === null || replayed > this.replayed) this.replayed = replayed;
        if (replayed >= lsn) return true;
      }
      if (Date.now() >= deadline) return false;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }
}

/** Errors after which a replica read is run again on the primary (nothing was written: it was read-only). */
export function retryOnPrimary(error: unknown): boolean {
  if (error instanceof NotReplicaSafe) return true;
  const code = (error as { code?: unknown })?.code;
  // 40001: canceled by a conflict with recovery; 25006: a write refused by the standby.
  return isDatabaseUnavailable(error) || code === '40001' || code === '25006';
}
