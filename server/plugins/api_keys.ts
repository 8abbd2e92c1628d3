// API keys (docs/api_keys.md): a tenant's servers send `Authorization: ApiKey evk_<prefix>_<secret>`.
// The API makes the 256-bit secret and gives the database only its SHA-256 (with the public
// prefix), at creation and at every check: the secret never reaches the database or its logs.
// A key found live is remembered for a minute (its tenant and id, keyed by the key's hash): the
// database still checks the key on every call (revoked, expired, its user, its scopes:
// app.current_user_id(text)), so the memory saves a round trip, never a check.
import { createHash, randomBytes } from 'node:crypto';
import type pg from 'pg';
import { authenticateApiKey } from '../../generated/api_keys.queries.ts';
import { HttpProblem } from './errors.ts';

/** The named permissions a key may hold (app.api_keys' CHECK and app.current_user_id(text) list the same). */
export const API_KEY_SCOPES = ['personas:read', 'assets:read', 'assets:write', 'net_worth:read'] as const;

/** The procedures an API key may reach and the scope each names (app.current_user_id('<scope>')), for
 *  the published contract (server/openapi.ts); test/api_keys.db.test.ts holds it to the catalog. */
export const API_KEY_PROCEDURE_SCOPES: Readonly<Record<string, (typeof API_KEY_SCOPES)[number]>> = {
  sp_list_my_personas: 'personas:read',
  sp_get_persona: 'personas:read',
  sp_list_my_assets: 'assets:read',
  sp_list_ffc_assets: 'assets:read',
  sp_search_assets: 'assets:read',
  sp_list_asset_categories: 'assets:read',
  sp_get_asset: 'assets:read',
  sp_get_asset_owners_as_of: 'assets:read',
  sp_get_asset_ownership_history: 'assets:read',
  sp_get_asset_valuations: 'assets:read',
  sp_get_persona_assets: 'assets:read',
  sp_create_asset: 'assets:write',
  sp_update_asset: 'assets:write',
  sp_update_asset_value: 'assets:write',
  sp_delete_asset: 'assets:write',
  sp_calculate_net_worth: 'net_worth:read',
  sp_calculate_net_worth_history: 'net_worth:read',
  sp_calculate_ffc_net_worth: 'net_worth:read',
  sp_list_exchange_rates: 'net_worth:read',
};

/** evk_, 16 hex digits of public prefix, _, 43 base64url characters of secret (32 random bytes). */
const API_KEY = /^evk_([0-9a-f]{16})_([A-Za-z0-9_-]{43})$/;

const sha256 = (text: string) => createHash('sha256').update(text).digest();

/** A new key: the full key (shown once), its public prefix and the SHA-256 of its secret. */
export function newApiKey() {
  const prefix = randomBytes(8).toString('hex');
  const secret = randomBytes(32).toString('base64url');
  return { key: `evk_${prefix}_${secret}`, prefix, secretSha256: sha256(secret) };
}

export const apiKeyInvalid = () =>
  new HttpProblem(401, 'api_key_invalid', 'the API key is not valid (unknown, expired or revoked)', {
    'www-authenticate': 'ApiKey',
  });

export interface VerifiedApiKey {
  tenantId: string;
  apiKeyId: string;
}

/** Refused keys one client address may send in a minute before it is refused without a lookup. */
export const API_KEY_FAILURES_PER_MINUTE = 30;
const FAILURE_WINDOW_MS = 60_000;

export class ApiKeyVerifier {
  private readonly entries = new Map<string, VerifiedApiKey & { untilMs: number }>();
  /** Refused keys per client address in the current minute (each costs a lookup: bounded here). */
  private readonly failures = new Map<string, { count: number; sinceMs: number }>();

  constructor(
    private readonly pool: pg.Pool,
    private readonly maxEntries = 10_000,
    private readonly maxAgeMs = 60_000,
  ) {}

  /** The tenant and id of a live key; 401 api_key_invalid for anything else, whatever was wrong;
   *  429 api_key_attempts_exceeded once the client address sent too many refused keys this minute. */
  async verify(key: string, nowMs = Date.now(), client = ''): Promise<VerifiedApiKey> {
    const failed = this.failures.get(client);
    if (failed && nowMs - failed.sinceMs < FAILURE_WINDOW_MS && failed.count >= API_KEY_FAILURES_PER_MINUTE) {
      const seconds = Math.max(1, Math.ceil((failed.sinceMs + FAILURE_WINDOW_MS - nowMs) / 1000));
      throw new HttpProblem(
        429,
        'api_key_attempts_exceeded',
        'too many refused API keys from this address: wait before trying again',
        { 'retry-after': String(seconds) },
      );
    }
    try {
      return await this.lookUp(key, nowMs);
    } catch (error) {
      if (error instanceof HttpProblem || (error as { code?: string }).code === 'PT401')
        this.recordFailure(client, nowMs);
      throw error;
    }
  }

  private recordFailure(client: string, nowMs: number) {
    const failed = this.failures.get(client);
    if (failed && nowMs - failed.sinceMs < FAILURE_WINDOW_MS) {
      failed.count++;
      return;
    }
    this.failures.delete(client);
    while (this.failures.size >= this.maxEntries) this.failures.delete(this.failures.keys().next().value!);
    this.failures.set(client, { count: 1, sinceMs: nowMs });
  }

  private async lookUp(key: string, nowMs: number): Promise<VerifiedApiKey> {
    const match = API_KEY.exec(key);
    if (!match) throw apiKeyInvalid();
    const cacheKey = sha256(key).toString('base64');
    const cached = this.entries.get(cacheKey);
    if (cached && cached.untilMs > nowMs) return { tenantId: cached.tenantId, apiKeyId: cached.apiKeyId };
    this.entries.delete(cacheKey);
    // Refusals (PT401 api_key_invalid) come from the database as problem documents (errors plugin).
    const [row] = await authenticateApiKey.run({ prefix: match[1], secretSha256: sha256(match[2]) }, this.pool);
    if (!row) throw apiKeyInvalid();
    if (this.maxEntries > 0) {
      while (this.entries.size >= this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
      this.entries.set(cacheKey, {
        tenantId: row.tenantId,
        apiKeyId: row.apiKeyId,
        untilMs: Math.min(nowMs + this.maxAgeMs, row.expiresAt.getTime()),
      });
    }
    return { tenantId: row.tenantId, apiKeyId: row.apiKeyId };
  }
}
