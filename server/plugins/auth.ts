// Auth plugin: verifies Cognito access tokens with aws-jwt-verify and maps (issuer, client id)
// onto the tenant. One CognitoJwtVerifier covers every tenant's real user pools; the generic
// JwtVerifier covers the development provider (cognito-local), when allowed.
import { createHash } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type pg from 'pg';
import { CognitoJwtVerifier, JwtVerifier } from 'aws-jwt-verify';
import { validateCognitoJwtFields } from 'aws-jwt-verify/cognito-verifier';
import {
  CognitoJwtInvalidClientIdError,
  CognitoJwtInvalidTokenUseError,
  FetchError,
  JwtBaseError,
  JwtExpiredError,
  JwtInvalidIssuerError,
  JwtInvalidSignatureAlgorithmError,
  JwtInvalidSignatureError,
  JwtNotBeforeError,
  JwtParseError,
  JwtWithoutValidKidError,
  KidNotFoundInJwksError,
  WaitPeriodNotYetEndedJwkError,
} from 'aws-jwt-verify/error';
import type { JwtPayload } from 'aws-jwt-verify/jwt-model';
import { decomposeUnverifiedJwt } from 'aws-jwt-verify/jwt';
import { SimpleJwksCache } from 'aws-jwt-verify/jwk';
import type { Fetcher } from 'aws-jwt-verify/https';
import { listAuthClients } from '../../generated/identity.queries.ts';
import { listStaffAuthClients } from '../../generated/support.queries.ts';
import { HttpProblem } from './errors.ts';
import { actingForOf } from './acting_for.ts';
import { IdTokenVerifiers } from './id_token.ts';
import type { RequestContext } from './db.ts';
import { inContextIdempotent } from './idempotency.ts';
import { ApiKeyVerifier } from './api_keys.ts';

/** Who is calling: the verified token's subject, inside the tenant its app client belongs to. */
export interface AuthContext {
  tenantId: string;
  sub: string;
  issuer: string;
  clientId: string;
  /** Stable per Cognito sign-in (origin_jti), for the session record. */
  sessionRef: string;
  /** The token's estate_amr claim (issue 11): "mfa" and the factor used when the sign-in passed MFA. */
  authMethods?: readonly string[];
  /** An API key's id (docs/api_keys.md): the context names the key (actor kind api_key), sub is `api_key:<id>`. */
  apiKeyId?: string;
}

/** A support staff member signed in through a staff pool (the support door). */
export interface StaffContext {
  sub: string;
  issuer: string;
  clientId: string;
}

/** The header of read-your-writes: a write's answer carries it, a read that sends it back sees that write. */
export const CONSISTENCY_TOKEN = 'x-consistency-token';

/** How a staff member is named in the context and the audit log: their staff pool's subject. */
export const staffActorId = (sub: string) => `cognito:${sub}`;

declare module 'fastify' {
  interface FastifyRequest {
    auth: AuthContext | null;
    staff: StaffContext | null;
    /** Runs fn in a transaction of the support role, naming the verified staff member. */
    inSupport<T>(fn: (client: pg.PoolClient) => Promise<T>): Promise<T>;
    /** Runs fn in the request's transaction, with the tenant context of the verified token. */
    inTenant<T>(fn: (client: pg.PoolClient) => Promise<T>, extra?: { verifiedEmail?: string }): Promise<T>;
    /** The WAL position after this request's commit, when a replica is configured (X-Consistency-Token). */
    consistencyToken: string | null;
    /** The email the identity provider verified, from an id token bound to the access token. */
    verifiedEmail(idToken: string): Promise<string>;
  }
  interface FastifyInstance {
    authenticate(request: FastifyRequest, reply: FastifyReply): Promise<void>;
    /** The support door: only staff pools' access tokens (tenants' tokens are unknown clients here). */
    authenticateStaff(request: FastifyRequest, reply: FastifyReply): Promise<void>;
  }
}

export interface AuthPluginOptions {
  /** Trust the development provider (cognito-local): its signing key is public, never in production. */
  allowDevelopmentIssuers: boolean;
  /** Least time between two reloads of the routing table when an unknown client shows up. */
  reloadIntervalMs?: number;
  /** Oldest routing table a request may be authenticated with (the bound on how long a disabled app
   *  client keeps working); it is refreshed in the background at half this age. Default 15 s. */
  routingMaxAgeMs?: number;
  /** How many verified tokens are remembered until they expire (default 10,000; 0: none). */
  verifiedTokenCacheSize?: number;
}

class TokenWithoutExpiryError extends Error {}

const unauthorized = (code: string, message: string) =>
  new HttpProblem(401, code, message, {
    'www-authenticate': `Bearer error="invalid_token", error_description="${code}"`,
  });

function problemForVerifyError(error: unknown): HttpProblem {
  if (error instanceof HttpProblem) return error;
  if (error instanceof JwtExpiredError) return unauthorized('token_expired', 'the access token has expired');
  if (error instanceof TokenWithoutExpiryError)
    return unauthorized('token_expiry_missing', 'the access token has no expiry');
  if (error instanceof JwtNotBeforeError)
    return unauthorized('token_not_yet_valid', 'the access token is not valid yet');
  if (error instanceof CognitoJwtInvalidTokenUseError)
    return unauthorized('token_not_access_token', 'only access tokens are accepted');
  if (error instanceof CognitoJwtInvalidClientIdError)
    return unauthorized('token_client_unknown', 'the token was issued to an unknown app client');
  if (error instanceof JwtInvalidIssuerError)
    return unauthorized('token_issuer_unknown', 'the token was issued by an unknown issuer');
  // WaitPeriodNotYetEnded: a kid just looked up and missing; the JWKS is not refetched yet.
  if (
    error instanceof KidNotFoundInJwksError ||
    error instanceof JwtWithoutValidKidError ||
    error instanceof WaitPeriodNotYetEndedJwkError
  ) {
    return unauthorized('token_key_unknown', 'the token was signed with an unknown key');
  }
  if (error instanceof JwtInvalidSignatureError || error instanceof JwtInvalidSignatureAlgorithmError) {
    return unauthorized('token_signature_invalid', 'the token signature is not valid');
  }
  if (error instanceof JwtParseError) return unauthorized('token_malformed', 'the token is not a well-formed JWT');
  // The issuer's signing keys could not be fetched (a timeout, a refused connection): nothing is
  // wrong with the token, so the client must not drop it; it retries.
  if (error instanceof FetchError || !(error instanceof JwtBaseError)) {
    return new HttpProblem(
      503,
      'identity_provider_unavailable',
      "the identity provider's signing keys cannot be read right now",
      {
        'retry-after': '1',
      },
    );
  }
  return unauthorized('token_invalid', 'the access token could not be verified');
}

/** The claim a tenant's pre-token-generation trigger sets on access tokens to say how the user
 *  signed in (RFC 8176 style: "mfa" plus the factor, e.g. ["pwd", "mfa", "totp"]), named so
 *  that it collides with no claim Cognito writes itself (such as `amr`). Issue 11, docs/credentials.md. */
export const AUTH_METHODS_CLAIM = 'estate_amr';

/** The token's authentication methods: an array of short lowercase names (or a space-separated
 *  string), anything else dropped; at most 16. The database decides what counts (app.token_has_mfa). */
export function authMethodsOf(payload: JwtPayload): string[] {
  const claim = payload[AUTH_METHODS_CLAIM];
  const values = Array.isArray(claim) ? claim : typeof claim === 'string' ? claim.split(/\s+/) : [];
  const names = values.filter((v): v is string => typeof v === 'string' && /^[a-z0-9_-]{1,32}$/.test(v));
  return [...new Set(names)].slice(0, 16);
}

// aws-jwt-verify's own claim checks accept a token without `exp`; we do not.
const requireExpiry = ({ payload }: { payload: JwtPayload }) => {
  if (typeof payload.exp !== 'number') throw new TokenWithoutExpiryError('token has no exp claim');
};

/** The development provider serves its JWKS over plain http on loopback; fetch only what is registered
 *  (the set is the current routing table's, updated when it is rebuilt). */
function developmentJwksFetcher(allowedJwksUris: Set<string>): Fetcher {
  return {
    async fetch(uri) {
      if (!allowedJwksUris.has(uri)) throw new Error(`JWKS ${uri} is not registered`);
      const response = await fetch(uri, { signal: AbortSignal.timeout(10_000) });
      if (!response.ok) throw new Error(`JWKS ${uri} answered ${response.status}`);
      return response.arrayBuffer();
    },
  };
}

type Verifier = { verify(token: string): Promise<JwtPayload> };

/** The procedures that may be done acting for someone (they call app.acting_user_id; every other
 *  refuses Acting-For), for the published contract (server/openapi.ts); test/acting_for.db.test.ts
 *  holds it to the catalog. */
export const ACTING_FOR_PROCEDURES: ReadonlySet<string> = new Set([
  'sp_get_persona',
  'sp_add_persona_email',
  'sp_add_persona_phone',
  'sp_add_persona_address',
  'sp_remove_persona_contact',
  'sp_create_asset',
  'sp_get_asset',
  'sp_update_asset',
  'sp_update_asset_value',
  'sp_get_asset_valuations',
  'sp_get_persona_assets',
  'sp_calculate_net_worth',
  'sp_calculate_net_worth_history',
  'sp_calculate_look_through_net_worth',
]);

/** JWKS caches that outlive a routing table, so that rebuilding it refetches no key. */
interface JwksCaches {
  cognito: SimpleJwksCache;
  development: SimpleJwksCache;
  developmentJwksUris: Set<string>;
}

/** One (issuer, app client) pair a door accepts; staff routes carry no tenant. */
interface ClientRoute {
  tenantId: string;
  providerKind: string;
  issuer: string;
  userPoolId: string;
  clientId: string;
}

class TokenRouter {
  private readonly tenants = new Map<string, { tenantId: string; verifier: Verifier }>();

  constructor(routes: ClientRoute[], allowDevelopmentIssuers: boolean, caches: JwksCaches) {
    const cognitoPools = new Map<string, Set<string>>();
    const devIssuers = new Map<string, Set<string>>();
    for (const route of routes) {
      if (route.providerKind === 'cognito') {
        (
          cognitoPools.get(route.userPoolId) ?? cognitoPools.set(route.userPoolId, new Set()).get(route.userPoolId)!
        ).add(route.clientId);
      } else if (route.providerKind === 'development' && allowDevelopmentIssuers) {
        (devIssuers.get(route.issuer) ?? devIssuers.set(route.issuer, new Set()).get(route.issuer)!).add(
          route.clientId,
        );
      }
    }
    const cognito: Verifier | undefined = cognitoPools.size
      ? CognitoJwtVerifier.create(
          [...cognitoPools].map(([userPoolId, clients]) => ({
            userPoolId,
            tokenUse: 'access' as const,
            clientId: [...clients],
            customJwtCheck: requireExpiry,
          })),
          { jwksCache: caches.cognito },
        )
      : undefined;
    for (const issuer of devIssuers.keys()) caches.developmentJwksUris.add(`${issuer}/.well-known/jwks.json`);
    const development: Verifier | undefined = devIssuers.size
      ? JwtVerifier.create(
          [...devIssuers].map(([issuer, clients]) => ({
            issuer,
            audience: null,
            jwksUri: `${issuer}/.well-known/jwks.json`,
            customJwtCheck: ({ payload, header, jwk }: { payload: JwtPayload; header: unknown; jwk: unknown }) => {
              void header;
              void jwk;
              requireExpiry({ payload });
              validateCognitoJwtFields(payload, { tokenUse: 'access', clientId: [...clients] });
            },
          })),
          { jwksCache: caches.development },
        )
      : undefined;
    for (const route of routes) {
      const verifier = route.providerKind === 'cognito' ? cognito : allowDevelopmentIssuers ? development : undefined;
      if (verifier) this.tenants.set(`${route.issuer} ${route.clientId}`, { tenantId: route.tenantId, verifier });
    }
  }

  route(issuer: string, clientId: string) {
    return this.tenants.get(`${issuer} ${clientId}`);
  }
}

/**
 * Tokens verified before, keyed by the SHA-256 of the token, until their expiry: a token seen again
 * skips the signature check and the parsing (issue 14). Bounded: the oldest entry goes when full.
 * An entry holds only what the verification established (tenant, subject, issuer, client); the
 * routing table is still consulted on every request (a disabled app client's tokens are refused as
 * before), and whether the tenant is suspended or the user deactivated is checked by the database
 * on every request, cached or not.
 */
/** How long a verified token is believed without its signature checked again: a signing key the
 *  identity provider revokes stops being honoured within it. */
export const VERIFIED_TOKEN_MAX_AGE_MS = 5 * 60_000;

export class VerifiedTokenCache {
  private readonly entries = new Map<string, { auth: AuthContext; expiresAtMs: number }>();

  constructor(private readonly maxEntries: number) {}

  static key(token: string) {
    return createHash('sha256').update(token).digest('base64');
  }

  get(key: string, nowMs = Date.now()): AuthContext | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (entry.expiresAtMs <= nowMs) {
      this.entries.delete(key);
      return undefined;
    }
    return entry.auth;
  }

  set(key: string, auth: AuthContext, expiresAtMs: number) {
    if (this.maxEntries <= 0) return;
    this.entries.delete(key);
    while (this.entries.size >= this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(key, { auth, expiresAtMs });
  }

  get size() {
    return this.entries.size;
  }
}

export default fp<AuthPluginOptions>(
  async (fastify, options) => {
    const reloadIntervalMs = options.reloadIntervalMs ?? 5000;
    const maxAgeMs = options.routingMaxAgeMs ?? 15_000;
    const developmentJwksUris = new Set<string>();
    const caches: JwksCaches = {
      cognito: new SimpleJwksCache(),
      development: new SimpleJwksCache({ fetcher: developmentJwksFetcher(developmentJwksUris) }),
      developmentJwksUris,
    };
    // The routing table and when the query that read it started: whatever was committed before
    // that instant (an app client disabled, registered) is in it.
    // Two doors, two tables: tenants' app clients, and the staff pools' (read through the support
    // login, naming the API's routing loader as the operator; empty when the door is not configured).
    let router: TokenRouter | null = null;
    let staffRouter: TokenRouter | null = null;
    let fingerprint = '';
    let loadedAt = 0;
    let loading: Promise<void> | null = null;

    async function load() {
      const startedAt = Date.now();
      const routes = await listAuthClients.run(undefined, fastify.db.api);
      const staffRoutes: ClientRoute[] = fastify.db.support
        ? (
            await fastify.db.inSupportContext(
              { tenantId: null, actorKind: 'support', actorId: 'api-token-routing', requestId: 'token-routing' },
              (db) => listStaffAuthClients.run(undefined, db),
            )
          ).map((route) => ({ ...route, tenantId: '' }))
        : [];
      const next = JSON.stringify([routes, staffRoutes]);
      // An unchanged table keeps its verifiers; a changed one is rebuilt (the JWKS caches are shared).
      if (next !== fingerprint || !router || !staffRouter) {
        router = new TokenRouter(routes, options.allowDevelopmentIssuers, caches);
        staffRouter = new TokenRouter(staffRoutes, options.allowDevelopmentIssuers, caches);
        fingerprint = next;
      }
      loadedAt = Math.max(loadedAt, startedAt);
    }
    /** One load at a time; callers arriving meanwhile share it. */
    const refresh = () =>
      (loading ??= load().finally(() => {
        loading = null;
      }));

    await refresh();
    // Refreshed in the background at half the bound, so requests do not wait for it; a request
    // that finds the table older than the bound (the timer late, a load failing) waits for a load.
    const timer = setInterval(
      () =>
        void refresh().catch((error: unknown) =>
          fastify.log.warn({ err: error }, 'reloading the token routing table failed'),
        ),
      Math.max(Math.floor(maxAgeMs / 2), 50),
    );
    timer.unref();
    fastify.addHook('onClose', async () => clearInterval(timer));

    async function current(): Promise<void> {
      if (Date.now() - loadedAt > maxAgeMs) {
        try {
          await refresh();
        } catch (error) {
          fastify.log.error({ err: error }, 'the token routing table is stale and cannot be reloaded');
          throw new HttpProblem(503, 'database_unavailable', 'the service cannot check tokens right now', {
            'retry-after': '1',
          });
        }
      }
    }

    // A client registered after start-up is picked up on its first request (reloads are rate-limited).
    const pick = (door: 'tenant' | 'staff') => (door === 'tenant' ? router! : staffRouter!);
    /** The app client's route in the current table (reloaded first when older than the bound). */
    async function routeNow(door: 'tenant' | 'staff', issuer: string, clientId: string) {
      await current();
      return pick(door).route(issuer, clientId);
    }
    async function routeWithReload(door: 'tenant' | 'staff', issuer: string, clientId: string) {
      const found = await routeNow(door, issuer, clientId);
      if (found || Date.now() - loadedAt < reloadIntervalMs) return found;
      await refresh();
      return pick(door).route(issuer, clientId);
    }

    const idTokens = new IdTokenVerifiers(options.allowDevelopmentIssuers, (uri) =>
      developmentJwksFetcher(new Set([uri])),
    );

    fastify.decorateRequest('auth', null);
    fastify.decorateRequest('consistencyToken', null);
    fastify.decorateRequest('inTenant', function <
      T,
    >(this: FastifyRequest, fn: (client: pg.PoolClient) => Promise<T>, extra: { verifiedEmail?: string } = {}) {
      if (!this.auth) throw new HttpProblem(401, 'token_missing', 'authentication required');
      const actingFor = actingForOf(this);
      if (actingFor && this.auth.apiKeyId)
        throw new HttpProblem(
          403,
          'api_key_not_allowed',
          "acting for someone else needs a user's sign-in, not an API key",
        );
      const context: RequestContext = {
        tenantId: this.auth.tenantId,
        // An API key acts as itself in the context and the audit log; the database finds its user.
        actorKind: this.auth.apiKeyId ? 'api_key' : 'user',
        actorId: this.auth.apiKeyId ?? this.auth.sub,
        requestId: this.id,
        verifiedEmail: extra.verifiedEmail,
        sessionRef: this.auth.sessionRef,
        authMethods: this.auth.authMethods,
        actingFor,
      };
      // With a replica (server/replica.ts): a GET is a read, served there when it may, after the
      // write its X-Consistency-Token names; any other request answers with its commit's token. A
      // request acting for someone is recorded (an audit row): the primary serves it.
      if (fastify.db.replica) {
        if ((this.method === 'GET' || this.method === 'HEAD') && !actingFor) {
          const token = this.headers[CONSISTENCY_TOKEN];
          return fastify.db.inReadContext(context, fn, typeof token === 'string' ? token : undefined);
        }
        context.onCommit = (lsn) => {
          this.consistencyToken = lsn;
        };
      }
      // A POST with an Idempotency-Key claims it in this transaction (server/plugins/idempotency.ts).
      return this.idempotency
        ? inContextIdempotent(fastify.db, context, this.idempotency, fn)
        : fastify.db.inContext(context, fn);
    });
    fastify.decorateRequest('verifiedEmail', function (this: FastifyRequest, idToken: string) {
      if (!this.auth) throw new HttpProblem(401, 'token_missing', 'authentication required');
      if (this.auth.apiKeyId)
        throw new HttpProblem(403, 'api_key_not_allowed', "an id token goes with a user's sign-in, not an API key");
      return idTokens.verifiedEmail(this.auth, idToken);
    });

    fastify.decorateRequest('staff', null);
    fastify.decorateRequest('inSupport', function <T>(this: FastifyRequest, fn: (client: pg.PoolClient) => Promise<T>) {
      if (!this.staff) throw new HttpProblem(401, 'token_missing', 'authentication required');
      return fastify.db.inSupportContext(
        {
          tenantId: null,
          actorKind: 'support',
          actorId: staffActorId(this.staff.sub),
          issuer: this.staff.issuer,
          requestId: this.id,
        },
        fn,
      );
    });

    const verified = new VerifiedTokenCache(options.verifiedTokenCacheSize ?? 10_000);

    /**
     * Verifies a request's access token against one door's table of app clients. A verified token
     * is remembered (per door) until its expiry; its app client is still looked up in the current
     * routing table on every request, so a disabled client or a moved tenant is not served from it.
     */
    async function verifyAt(door: 'tenant' | 'staff', request: FastifyRequest): Promise<AuthContext> {
      const match = /^Bearer +([A-Za-z0-9_=.+/-]+)$/i.exec(request.headers.authorization ?? '');
      // RFC 6750 §3.1: a request without credentials gets the challenge but no error code.
      if (!match)
        throw new HttpProblem(401, 'token_missing', 'an Authorization: Bearer access token is required', {
          'www-authenticate': 'Bearer',
        });
      const token = match[1];
      const cacheKey = `${door} ${VerifiedTokenCache.key(token)}`;
      const cached = verified.get(cacheKey);
      if (cached && (await routeNow(door, cached.issuer, cached.clientId))?.tenantId === cached.tenantId) return cached;
      let claims: JwtPayload;
      try {
        claims = decomposeUnverifiedJwt(token).payload;
      } catch {
        throw unauthorized('token_malformed', 'the token is not a well-formed JWT');
      }
      if (claims.token_use !== 'access')
        throw unauthorized('token_not_access_token', 'only access tokens are accepted');
      if (typeof claims.iss !== 'string' || typeof claims.client_id !== 'string') {
        throw unauthorized('token_claims_invalid', 'the token lacks its issuer or client id');
      }
      const route = await routeWithReload(door, claims.iss, claims.client_id);
      if (!route) throw unauthorized('token_client_unknown', 'the token was issued to an unknown app client');
      let payload: JwtPayload;
      try {
        payload = await route.verifier.verify(token);
      } catch (error) {
        throw problemForVerifyError(error);
      }
      if (typeof payload.sub !== 'string' || !payload.sub)
        throw unauthorized('token_claims_invalid', 'the token has no subject');
      const sessionRef =
        [payload.origin_jti, payload.jti, payload.event_id].find((v): v is string => typeof v === 'string') ??
        payload.sub;
      // Frozen: the same object answers every request of this token while it is cached.
      const auth: AuthContext = Object.freeze({
        tenantId: route.tenantId,
        sub: payload.sub,
        issuer: claims.iss,
        clientId: claims.client_id,
        sessionRef,
        authMethods: Object.freeze(authMethodsOf(payload)),
      });
      // requireExpiry made sure of exp.
      verified.set(cacheKey, auth, Math.min((payload.exp as number) * 1000, Date.now() + VERIFIED_TOKEN_MAX_AGE_MS));
      return auth;
    }

    // API keys (docs/api_keys.md): `Authorization: ApiKey <key>`, found in the database by its prefix and hash.
    const apiKeys = new ApiKeyVerifier(fastify.db.api);
    fastify.decorate('authenticate', async (request: FastifyRequest) => {
      const apiKey = /^ApiKey +(\S+)$/i.exec(request.headers.authorization ?? '');
      if (apiKey) {
        const { tenantId, apiKeyId } = await apiKeys.verify(apiKey[1], Date.now(), request.ip);
        request.auth = Object.freeze({
          tenantId,
          sub: `api_key:${apiKeyId}`,
          issuer: '',
          clientId: '',
          sessionRef: '',
          apiKeyId,
        });
        return;
      }
      request.auth = await verifyAt('tenant', request);
    });
    fastify.decorate('authenticateStaff', async (request: FastifyRequest) => {
      const { sub, issuer, clientId } = await verifyAt('staff', request);
      request.staff = { sub, issuer, clientId };
    });
  },
  { name: 'auth', dependencies: ['db'] },
);
