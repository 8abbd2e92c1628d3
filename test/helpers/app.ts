// HTTP-level fixtures: the app built on this file's database, and tenants whose user pools live
// in the suite's cognito-local, so that tests sign in with real tokens.
import { randomBytes } from 'node:crypto';
import type { Test } from 'tap';
import { buildApp, type AppOptions } from '../../server/app.ts';
import { generateFieldKeys } from '../../server/field_cipher.ts';
import { registerAppClient, registerIdentityProvider } from '../../generated/tenancy.queries.ts';
import { addStaff, registerStaffClient, registerStaffPool } from '../../generated/support.queries.ts';
import { ensureAppClient, ensureUser, ensureUserPool, signIn } from '../../scripts/lib/cognito_local.ts';
import { makeTenant, type TestDatabase } from './db.ts';

export const cognitoEndpoint = () => {
  const endpoint = process.env.TEST_COGNITO_ENDPOINT;
  if (!endpoint) throw new Error('TEST_COGNITO_ENDPOINT is not set: run the suite with npm test');
  return endpoint;
};

/** The signing secret of the test apps' Stripe webhook endpoint. */
export const TEST_STRIPE_WEBHOOK_SECRET = `whsec_${randomBytes(24).toString('base64url')}`;

/** The API on this file's database, closed when the file ends. */
export async function testApp(
  t: Test,
  db: TestDatabase,
  options: {
    allowDevelopmentIssuers?: boolean;
    stripeWebhookSecret?: string | null;
    /** The bound on the token routing table's age (default: the API's 15 s). */
    authRoutingMaxAgeMs?: number;
    /** Least time between reloads for an unknown client (default 0: at once). */
    authReloadIntervalMs?: number;
    onRoute?: AppOptions['onRoute'];
    /** Rate limits (default: none, so that no file's own pace trips them; rate_limits.http.test.ts sets them). */
    rateLimits?: AppOptions['rateLimits'];
    loadShedding?: AppOptions['loadShedding'];
    poolSize?: number;
    poolMin?: number;
    /** A streaming replica's estate_api URL (test/replica.http.test.ts). */
    databaseReplicaUrl?: string;
    replica?: AppOptions['replica'];
    /** The API's logger (default: none). */
    logger?: AppOptions['logger'];
  } = {},
) {
  const app = await buildApp({
    databaseApiUrl: db.apiUrl,
    databaseSupportUrl: db.supportUrl,
    databaseReplicaUrl: options.databaseReplicaUrl,
    replica: options.replica,
    allowDevelopmentIssuers: options.allowDevelopmentIssuers ?? true,
    poolSize: options.poolSize ?? 4,
    poolMin: options.poolMin,
    // Tenants are registered while the app runs: pick their clients up at once.
    authReloadIntervalMs: options.authReloadIntervalMs ?? 0,
    authRoutingMaxAgeMs: options.authRoutingMaxAgeMs,
    fieldEncryptionKeys: generateFieldKeys('test'),
    stripeWebhookSecret:
      options.stripeWebhookSecret === null ? undefined : (options.stripeWebhookSecret ?? TEST_STRIPE_WEBHOOK_SECRET),
    onRoute: options.onRoute,
    logger: options.logger,
    rateLimits: options.rateLimits ?? { perTenant: 0, perUser: 0 },
    // No event-loop shedding unless a file asks for it: a machine shared by parallel files stalls
    // a process for seconds at times, which is not this API's load.
    loadShedding: { maxEventLoopDelayMs: 0, ...options.loadShedding },
    // A connection made on a loaded machine may take over the API's 1 s default (a refused one fails at once).
    timeouts: { connectMs: 5000 },
  });
  await app.ready();
  t.teardown(() => app.close());
  return app;
}

export interface PoolTenant {
  tenantId: string;
  userPoolId: string;
  issuer: string;
  clientId: string;
  /** Creates a cognito-local user (email verified unless told otherwise) and signs it in: real tokens. */
  signUp(
    email?: string,
    options?: { emailVerified?: boolean },
  ): Promise<{ sub: string; email: string; password: string; accessToken: string; idToken: string }>;
  /** Signs an existing user in again: fresh tokens carrying its current attributes. */
  signIn(email: string, password: string): Promise<{ accessToken: string; idToken: string }>;
}

/** A tenant with its own cognito-local user pool and app client, registered as operators do. */
export async function makePoolTenant(
  db: TestDatabase,
  base = 'tenant',
  options: { branding?: Record<string, string> } = {},
): Promise<PoolTenant> {
  const endpoint = cognitoEndpoint();
  const tenantId = await makeTenant(db, base, options.branding);
  const pool = await ensureUserPool(endpoint, `${base}-${randomBytes(4).toString('hex')}`);
  const { clientId } = await ensureAppClient(endpoint, pool.userPoolId, `${base}-app`);
  await db.asSupport(async (c) => {
    const [provider] = await registerIdentityProvider.run(
      { tenantId, kind: 'development', userPoolId: pool.userPoolId, issuer: pool.issuer, region: null },
      c,
    );
    await registerAppClient.run({ tenantId, providerId: provider.providerId, clientId, name: `${base} app` }, c);
  });
  return {
    tenantId,
    userPoolId: pool.userPoolId,
    issuer: pool.issuer,
    clientId,
    async signUp(email = `user-${randomBytes(4).toString('hex')}@example.com`, options = {}) {
      const password = `Pw-${randomBytes(6).toString('hex')}!`;
      const { sub } = await ensureUser(endpoint, pool.userPoolId, email, password, options);
      const tokens = await signIn({ endpoint, userPoolId: pool.userPoolId, clientId, username: email, password });
      return { sub, email, password, accessToken: tokens.accessToken, idToken: tokens.idToken };
    },
    async signIn(email, password) {
      const tokens = await signIn({ endpoint, userPoolId: pool.userPoolId, clientId, username: email, password });
      return { accessToken: tokens.accessToken, idToken: tokens.idToken };
    },
  };
}

export const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

/** A new cognito-local user of the tenant, registered through POST /v1/registrations with its id token. */
export async function registerThroughApi(
  app: Awaited<ReturnType<typeof testApp>>,
  tenant: PoolTenant,
  firstName: string,
  lastName = 'Tester',
) {
  const user = await tenant.signUp();
  const res = await app.inject({
    method: 'POST',
    url: '/v1/registrations',
    headers: bearer(user.accessToken),
    payload: { idToken: user.idToken, firstName, lastName },
  });
  if (res.statusCode !== 201) throw new Error(`${firstName} could not register: ${res.body}`);
  return { ...user, personaId: res.json().personaId as string };
}

export interface StaffMember {
  sub: string;
  email: string;
  password: string;
  accessToken: string;
}
export interface StaffPool {
  providerId: string;
  userPoolId: string;
  issuer: string;
  clientId: string;
  /** A cognito-local user of the staff pool, registered as staff by an operator (unless told not to), signed in. */
  addStaff(options?: { register?: boolean }): Promise<StaffMember>;
}

/** The support staff's own cognito-local user pool and app client, registered as operators do. */
export async function makeStaffPool(db: TestDatabase, base = 'staff'): Promise<StaffPool> {
  const endpoint = cognitoEndpoint();
  const pool = await ensureUserPool(endpoint, `${base}-${randomBytes(4).toString('hex')}`);
  const { clientId } = await ensureAppClient(endpoint, pool.userPoolId, `${base}-console`);
  const providerId = await db.asSupport(async (c) => {
    const [provider] = await registerStaffPool.run(
      { kind: 'development', userPoolId: pool.userPoolId, issuer: pool.issuer, region: null },
      c,
    );
    await registerStaffClient.run({ providerId: provider.providerId, clientId, name: `${base} console` }, c);
    return provider.providerId;
  });
  return {
    providerId,
    userPoolId: pool.userPoolId,
    issuer: pool.issuer,
    clientId,
    async addStaff({ register = true } = {}) {
      const email = `${base}-${randomBytes(4).toString('hex')}@support.example`;
      const password = `Pw-${randomBytes(6).toString('hex')}!`;
      const { sub } = await ensureUser(endpoint, pool.userPoolId, email, password);
      if (register) {
        await db.asSupport((c) =>
          addStaff.run({ userPoolId: pool.userPoolId, cognitoSub: sub, email, displayName: `${base} agent` }, c),
        );
      }
      const tokens = await signIn({ endpoint, userPoolId: pool.userPoolId, clientId, username: email, password });
      return { sub, email, password, accessToken: tokens.accessToken };
    },
  };
}
