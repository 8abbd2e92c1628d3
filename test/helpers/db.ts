// Per-file databases cloned from the migrated template, with pools of the real login roles and
// helpers that call procedures the way the server does (context first, in one transaction).
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { Test } from 'tap';
import { inContext, type RequestContext } from '../../server/plugins/db.ts';
import { withDatabase } from '../../scripts/lib/throwaway_database.ts';
import { loginRoleUrl } from '../../server/config.ts';
import { registerUser } from '../../generated/identity.queries.ts';
import { createTenant } from '../../generated/tenancy.queries.ts';
import { activatePlan } from '../../scripts/lib/stripe_events.ts';

function env(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run the suite with npm test`);
  return value;
}

export interface TestDatabase {
  name: string;
  /** Superuser URL of this file's database. */
  adminUrl: string;
  /** URL of the tenant-traffic login role. */
  apiUrl: string;
  /** URL of the support door's login role (estate_support). */
  supportUrl: string;
  /** URL of the operators' login role (estate_operator). */
  operatorUrl: string;
  admin: pg.Pool;
  api: pg.Pool;
  /** The support door's login: acts only as a registered staff member (cognito:<sub>). */
  support: pg.Pool;
  /** The operators' login (the CLI): operator names, never a staff member's. */
  operator: pg.Pool;
  /** Calls as a signed-in user of a tenant. */
  asUser<T>(tenantId: string, sub: string, fn: (db: pg.PoolClient) => Promise<T>): Promise<T>;
  /** Calls as a user made by makeUser. */
  as<T>(user: TestUser, fn: (db: pg.PoolClient) => Promise<T>): Promise<T>;
  /** Calls as an operator (the operator CLI's login, named staff:test). */
  asSupport<T>(fn: (db: pg.PoolClient) => Promise<T>): Promise<T>;
  /** Calls with any context, or none. */
  withContext<T>(context: RequestContext, fn: (db: pg.PoolClient) => Promise<T>): Promise<T>;
}

/** A fresh database for this test file, dropped when the file ends (on the suite's server, or on
 *  another server from a template migrated there with the suite's role passwords). */
export async function testDatabase(t: Test, on?: { serverUrl: string; template: string }): Promise<TestDatabase> {
  const server = on?.serverUrl ?? env('TEST_SERVER_URL');
  const name = `${env('TEST_DATABASE_PREFIX')}_${randomBytes(5).toString('hex')}`;
  const bootstrap = new pg.Client({ connectionString: server });
  await bootstrap.connect();
  await bootstrap.query(`create database ${name} template ${on?.template ?? env('TEST_TEMPLATE_DATABASE')}`);
  await bootstrap.end();

  const adminUrl = withDatabase(server, name);
  const apiUrl = loginRoleUrl(adminUrl, 'estate_api', env('TEST_API_PASSWORD'));
  const admin = new pg.Pool({ connectionString: adminUrl, max: 4 });
  const api = new pg.Pool({ connectionString: apiUrl, max: 8 });
  const supportUrl = loginRoleUrl(adminUrl, 'estate_support', env('TEST_SUPPORT_PASSWORD'));
  const support = new pg.Pool({ connectionString: supportUrl, max: 4 });
  const operatorUrl = loginRoleUrl(adminUrl, 'estate_operator', env('TEST_OPERATOR_PASSWORD'));
  const operator = new pg.Pool({ connectionString: operatorUrl, max: 4 });
  // The database is dropped WITH (FORCE) at the end: a connection it cuts must not crash the file.
  for (const pool of [admin, api, support, operator]) pool.on('error', () => {});
  t.teardown(async () => {
    await Promise.all([admin.end(), api.end(), support.end(), operator.end()]);
    const client = new pg.Client({ connectionString: server });
    await client.connect();
    await client.query(`drop database if exists ${name} with (force)`);
    await client.end();
  });
  let request = 0;
  const requestId = () => `test-${name.slice(-10)}-${++request}`;
  return {
    name,
    adminUrl,
    apiUrl,
    supportUrl,
    operatorUrl,
    admin,
    api,
    support,
    operator,
    asUser: (tenantId, sub, fn) =>
      inContext(api, { tenantId, actorKind: 'user', actorId: sub, requestId: requestId() }, fn),
    as: (user, fn) =>
      inContext(api, { tenantId: user.tenantId, actorKind: 'user', actorId: user.sub, requestId: requestId() }, fn),
    asSupport: (fn) =>
      inContext(operator, { tenantId: null, actorKind: 'support', actorId: 'staff:test', requestId: requestId() }, fn),
    withContext: (context, fn) => inContext(api, context, fn),
  };
}

export const randomSub = () => crypto.randomUUID();
export const uniqueSlug = (base: string) => `${base}-${randomBytes(3).toString('hex')}`;

/** A new tenant, created the way operators do. */
export async function makeTenant(
  db: TestDatabase,
  base = 'tenant',
  branding: Record<string, string> = {},
): Promise<string> {
  const [row] = await db.asSupport((c) =>
    createTenant.run({ slug: uniqueSlug(base), name: `${base} partner`, branding, settings: {} }, c),
  );
  return row.tenantId;
}

/** A registered user of a tenant with its own persona, on the free plan or (through Stripe's events) a paid one. */
export async function makeUser(
  db: TestDatabase,
  tenantId: string,
  firstName = 'Alex',
  plan?: 'family' | 'advisor' | 'advisor_pro',
) {
  const sub = randomSub();
  const email = `${firstName.toLowerCase()}-${sub.slice(0, 8)}@example.com`;
  const [row] = await db.withContext(
    { tenantId, actorKind: 'user', actorId: sub, requestId: `register-${sub.slice(0, 8)}`, verifiedEmail: email },
    (c) => registerUser.run({ firstName, lastName: 'Tester', dateOfBirth: '1980-01-01' }, c),
  );
  if (plan) await activatePlan(db.api, tenantId, sub, plan);
  return { ...row, sub, email, tenantId };
}

/** A user made by makeUser: its registration row, Cognito subject, email and tenant. */
export type TestUser = Awaited<ReturnType<typeof makeUser>>;

/** The SQLSTATE and stable code (HINT) of a rejected call. */
export async function rejection(
  promise: Promise<unknown>,
): Promise<{ sqlState: string; code: string | undefined; message: string }> {
  try {
    await promise;
  } catch (error) {
    const e = error as pg.DatabaseError;
    return { sqlState: e.code ?? 'none', code: e.hint, message: e.message };
  }
  throw new Error('expected the call to be rejected, and it succeeded');
}
