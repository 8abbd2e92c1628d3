// The embedded default behind `npm start`: with no DATABASE_URL a persistent embedded PostgreSQL
// under .data/, migrated; with IDENTITY_PROVIDER=cognito-local (the default without
// DATABASE_URL) cognito-local on loopback with a demo tenant, pool, app client and demo user.
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import pg from 'pg';
import { Type, type Static } from 'typebox';
import {
  API_ROLE,
  loginRoleUrl,
  OPERATOR_ROLE,
  readEnvironment,
  serverSettings,
  SUPPORT_ROLE,
} from '../../server/config.ts';
import { asSupport, inContext } from '../../server/plugins/db.ts';
import { createFieldCipher, generateFieldKeys } from '../../server/field_cipher.ts';
import { listMyFfcs } from '../../generated/family_circles.queries.ts';
import { buildFamily, seedExchangeRates, syntheticRegistrar } from './scenario.ts';
import { registerUser } from '../../generated/identity.queries.ts';
import {
  createTenant,
  getTenantBySlug,
  registerAppClient,
  registerIdentityProvider,
  setTenantAllowedOrigins,
} from '../../generated/tenancy.queries.ts';
import { addStaff, registerStaffClient, registerStaffPool } from '../../generated/support.queries.ts';
import { ensureAppClient, ensureUser, ensureUserPool, startCognitoLocal } from './cognito_local.ts';
import { processAlive, startEmbeddedPostgres } from './embedded_postgres.ts';
import { migrate, projectRoot } from './migrate.ts';
import { withDatabase } from './throwaway_database.ts';

/** `npm start`'s settings: the API's (server/config.ts) and the development stack's own. */
const DevConfigSchema = Type.Object({
  ...serverSettings,
  MIGRATE_ON_START: Type.Boolean({ default: true }),
  COGNITO_LOCAL_PORT: Type.Integer({ default: 9229, minimum: 0, maximum: 65535 }),
  DEMO_TENANT_SLUG: Type.String({ default: 'demo' }),
  DEMO_USER_EMAIL: Type.String({ default: 'demo@example.com' }),
  // The browser origins the demo tenant allows (CORS): a front end's dev server (Vite's 5173) and
  // pages served on the API's own port. Set again on every start (replacing the list).
  DEMO_ALLOWED_ORIGINS: Type.String({
    default: 'http://localhost:5173,http://127.0.0.1:5173,http://localhost:3000,http://127.0.0.1:3000',
  }),
  DEMO_USER_PASSWORD: Type.String({ default: 'Demo-Passw0rd!' }),
  // The example white-label app (examples/white_label) on its own origin, one DEMO_ALLOWED_ORIGINS
  // allows (with cognito-local only); 0: not served.
  EXAMPLE_APP_PORT: Type.Integer({ default: 5173, minimum: 0, maximum: 65535 }),
  // The support staff member of the development staff pool (the support door, /support/v1).
  DEV_STAFF_EMAIL: Type.String({ default: 'support@example.com' }),
  DEV_STAFF_PASSWORD: Type.String({ default: 'Support-Passw0rd!' }),
  // The operators' login (estate_operator) of the bootstrap here and of the operator CLI; unset,
  // DATABASE_URL with that role and DATABASE_OPERATOR_PASSWORD (embedded PostgreSQL: made here).
  DATABASE_OPERATOR_URL: Type.Optional(Type.String({ pattern: '^postgres(ql)?://' })),
  DATABASE_OPERATOR_PASSWORD: Type.Optional(Type.String()),
  DATA_DIR: Type.String({ default: '.data' }),
});

export type DevConfig = Static<typeof DevConfigSchema>;

/** Reads and validates `npm start`'s settings; throws an Error naming every bad variable. */
export function loadDevConfig(env: NodeJS.ProcessEnv = process.env): DevConfig {
  return readEnvironment<DevConfig>(DevConfigSchema, env);
}

export interface DevStackFile {
  apiUrl: string;
  apiDatabaseUrl: string;
  adminDatabaseUrl: string;
  cognitoEndpoint: string;
  userPoolId: string;
  clientId: string;
  demoEmail: string;
  demoPassword: string;
  supportDatabaseUrl: string;
  operatorDatabaseUrl: string;
  staffUserPoolId: string;
  staffClientId: string;
  staffEmail: string;
  staffPassword: string;
}

export interface Infrastructure {
  databaseApiUrl: string;
  /** FIELD_ENCRYPTION_KEYS, or the development stack's own key. */
  fieldEncryptionKeys: string;
  /** STRIPE_WEBHOOK_SECRET, or the development stack's own (to sign test events locally). */
  stripeWebhookSecret?: string;
  databaseSupportUrl: string;
  allowDevelopmentIssuers: boolean;
  demo?: { email: string; password: string; tenantSlug: string };
  /** The demo tenant's user pool and app client in cognito-local (for the example app). */
  demoPool?: { cognitoEndpoint: string; userPoolId: string; clientId: string };
  /** Called once the API listens: records where it is for `npm run token` and the operator CLI. */
  announce(apiUrl: string): Promise<void>;
  stop(): Promise<void>;
}

interface DevSecrets {
  superuserPassword: string;
  apiPassword: string;
  supportPassword: string;
  operatorPassword: string;
  fieldEncryptionKeys: string;
  stripeWebhookSecret: string;
}

/** Development secrets, made once per data folder and kept there (git-ignored, mode 600). */
async function devSecrets(dataDir: string): Promise<DevSecrets> {
  const file = path.join(dataDir, 'dev-secrets.json');
  const secret = () => randomBytes(18).toString('base64url');
  const stored: Partial<DevSecrets> = existsSync(file) ? JSON.parse(await readFile(file, 'utf8')) : {};
  const secrets: DevSecrets = {
    superuserPassword: stored.superuserPassword ?? secret(),
    apiPassword: stored.apiPassword ?? secret(),
    supportPassword: stored.supportPassword ?? secret(),
    operatorPassword: stored.operatorPassword ?? secret(),
    fieldEncryptionKeys: stored.fieldEncryptionKeys ?? generateFieldKeys('dev1'),
    stripeWebhookSecret: stored.stripeWebhookSecret ?? `whsec_${randomBytes(24).toString('base64url')}`,
  };
  await writeFile(file, JSON.stringify(secrets, null, 2), { mode: 0o600 });
  return secrets;
}

async function ensureDatabase(adminUrl: string, name: string) {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query('select 1 from pg_database where datname = $1', [name]);
    if (!rowCount) await client.query(`create database ${name}`);
  } finally {
    await client.end();
  }
}

/**
 * Claims the data folder for this process (DATA_DIR/start.pid): a second `npm start` on the same
 * folder is told it is in use instead of crashing on PostgreSQL's own lock. A claim whose process
 * is gone (SIGKILL) is taken over. Returns the release.
 */
export async function claimDataDir(dataDir: string): Promise<() => Promise<void>> {
  const file = path.join(dataDir, 'start.pid');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      await writeFile(file, `${process.pid}\n`, { flag: 'wx' });
      return () => rm(file, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const pid = Number((await readFile(file, 'utf8').catch(() => '')).trim());
      if (Number.isInteger(pid) && pid > 0 && pid !== process.pid && processAlive(pid))
        throw new Error(
          `the data folder ${dataDir} is in use by another npm start (pid ${pid}): stop it first, or set DATA_DIR to another folder`,
          { cause: error },
        );
      await rm(file, { force: true });
    }
  }
  throw new Error(`cannot claim the data folder ${dataDir}`);
}

export async function startInfrastructure(config: DevConfig, log: (message: string) => void): Promise<Infrastructure> {
  const dataDir = path.resolve(projectRoot, config.DATA_DIR);
  await mkdir(dataDir, { recursive: true });
  const stops: Array<() => Promise<void>> = [await claimDataDir(dataDir)];
  const stop = async () => {
    for (const fn of stops.reverse()) await fn().catch((error) => log(`stopping failed: ${error}`));
  };

  try {
    const secrets = await devSecrets(dataDir);
    const fieldEncryptionKeys =
      config.FIELD_ENCRYPTION_KEYS ?? (config.DATABASE_URL ? undefined : secrets.fieldEncryptionKeys);
    if (!fieldEncryptionKeys)
      throw new Error('FIELD_ENCRYPTION_KEYS is required with DATABASE_URL (keyId:base64-of-32-bytes)');
    const stripeWebhookSecret =
      config.STRIPE_WEBHOOK_SECRET ?? (config.DATABASE_URL ? undefined : secrets.stripeWebhookSecret);
    let adminUrl = config.DATABASE_URL;
    let apiPassword = config.DATABASE_API_PASSWORD;
    let supportPassword = config.DATABASE_SUPPORT_PASSWORD;
    let operatorPassword = config.DATABASE_OPERATOR_PASSWORD;
    if (!adminUrl) {
      const server = await startEmbeddedPostgres({
        dataDir: path.join(dataDir, 'postgres'),
        superuserPassword: secrets.superuserPassword,
        persistent: true,
      });
      stops.push(() => server.stop());
      await ensureDatabase(server.adminUrl, 'estate');
      adminUrl = withDatabase(server.adminUrl, 'estate');
      apiPassword ??= secrets.apiPassword;
      supportPassword ??= secrets.supportPassword;
      operatorPassword ??= secrets.operatorPassword;
      log(`embedded PostgreSQL on 127.0.0.1:${server.port}, data in ${path.join(dataDir, 'postgres')}`);
    }
    if (config.MIGRATE_ON_START) {
      const result = await migrate({
        adminUrl,
        rolePasswords: { api: apiPassword, support: supportPassword, operator: operatorPassword },
        log,
      });
      log(
        `migrations: ${result.appliedMigrations.length} applied, procedure files: ${result.appliedProcedureFiles.length} applied`,
      );
    }
    const databaseApiUrl = loginRoleUrl(adminUrl, API_ROLE, apiPassword, config.DATABASE_API_URL);
    const databaseSupportUrl = loginRoleUrl(adminUrl, SUPPORT_ROLE, supportPassword, config.DATABASE_SUPPORT_URL);
    const databaseOperatorUrl = loginRoleUrl(adminUrl, OPERATOR_ROLE, operatorPassword, config.DATABASE_OPERATOR_URL);

    const provider = config.IDENTITY_PROVIDER ?? (config.DATABASE_URL ? 'cognito' : 'cognito-local');
    if (provider !== 'cognito-local') {
      return {
        databaseApiUrl,
        databaseSupportUrl,
        fieldEncryptionKeys,
        stripeWebhookSecret,
        allowDevelopmentIssuers: false,
        announce: async () => {},
        stop,
      };
    }

    const cognito = await startCognitoLocal({
      dataDir: path.join(dataDir, 'cognito'),
      port: config.COGNITO_LOCAL_PORT,
    });
    stops.push(() => cognito.stop());
    const pool = await ensureUserPool(cognito.endpoint, `${config.DEMO_TENANT_SLUG}-users`);
    const client = await ensureAppClient(cognito.endpoint, pool.userPoolId, `${config.DEMO_TENANT_SLUG}-app`);
    const user = await ensureUser(cognito.endpoint, pool.userPoolId, config.DEMO_USER_EMAIL, config.DEMO_USER_PASSWORD);
    log(`cognito-local on ${cognito.endpoint}, user pool ${pool.userPoolId}, app client ${client.clientId}`);
    // The support staff's own pool, console client and one staff member (the support door).
    const staffPool = await ensureUserPool(cognito.endpoint, 'support-staff');
    const staffClient = await ensureAppClient(cognito.endpoint, staffPool.userPoolId, 'support-console');
    const staffUser = await ensureUser(
      cognito.endpoint,
      staffPool.userPoolId,
      config.DEV_STAFF_EMAIL,
      config.DEV_STAFF_PASSWORD,
    );

    // Operators' work (tenants, pools, staff, rates): the operator login, never the door's.
    const supportPool = new pg.Pool({ connectionString: databaseOperatorUrl, max: 1 });
    const apiPool = new pg.Pool({ connectionString: databaseApiUrl, max: 1 });
    try {
      const tenantId = await asSupport(supportPool, 'dev-bootstrap', async (db) => {
        await db.query('savepoint find_tenant');
        try {
          return (await getTenantBySlug.run({ slug: config.DEMO_TENANT_SLUG }, db))[0].tenantId;
        } catch (error) {
          if ((error as pg.DatabaseError).hint !== 'tenant_not_found') throw error;
          await db.query('rollback to savepoint find_tenant');
          const branding = { displayName: 'Demo Family Office', primaryColor: '#1f4e79' };
          return (
            await createTenant.run(
              { slug: config.DEMO_TENANT_SLUG, name: 'Demo Family Office', branding, settings: {} },
              db,
            )
          )[0].tenantId;
        }
      });
      await asSupport(supportPool, 'dev-bootstrap', async (db) => {
        const [provider] = await registerIdentityProvider.run(
          { tenantId, kind: 'development', userPoolId: pool.userPoolId, issuer: pool.issuer, region: null },
          db,
        );
        await registerAppClient.run(
          { tenantId, providerId: provider.providerId, clientId: client.clientId, name: 'Demo app' },
          db,
        );
        const origins = config.DEMO_ALLOWED_ORIGINS.split(',')
          .map((origin) => origin.trim())
          .filter(Boolean);
        await setTenantAllowedOrigins.run({ tenantId, origins }, db);
        const [staffProvider] = await registerStaffPool.run(
          { kind: 'development', userPoolId: staffPool.userPoolId, issuer: staffPool.issuer, region: null },
          db,
        );
        await registerStaffClient.run(
          { providerId: staffProvider.providerId, clientId: staffClient.clientId, name: 'Support console' },
          db,
        );
        await addStaff.run(
          {
            userPoolId: staffPool.userPoolId,
            cognitoSub: staffUser.sub,
            email: config.DEV_STAFF_EMAIL,
            displayName: 'Dev Support',
          },
          db,
        );
      });
      await inContext(
        apiPool,
        // The stack created this cognito-local user with email_verified itself: the email is verified.
        {
          tenantId,
          actorKind: 'user',
          actorId: user.sub,
          requestId: 'dev-bootstrap',
          verifiedEmail: config.DEMO_USER_EMAIL,
        },
        async (db) => {
          await db.query('savepoint demo_user');
          try {
            await registerUser.run({ firstName: 'Dana', lastName: 'Demo', dateOfBirth: '1970-05-17' }, db);
          } catch (error) {
            if ((error as pg.DatabaseError).hint !== 'user_already_registered') throw error;
            await db.query('rollback to savepoint demo_user');
          }
        },
      );
      // The demo user owns a family with assets and an estate plan, so net worth and the estate flow answer right after start.
      const circles = await inContext(
        apiPool,
        { tenantId, actorKind: 'user', actorId: user.sub, requestId: 'dev-bootstrap' },
        (db) => listMyFfcs.run({ limit: 1, offset: 0 }, db),
      );
      if (!circles.length) {
        await seedExchangeRates(supportPool, 'dev-bootstrap');
        await buildFamily(
          apiPool,
          tenantId,
          user.sub,
          1,
          syntheticRegistrar(apiPool, tenantId),
          createFieldCipher(fieldEncryptionKeys),
        );
        log('demo family with assets of all 13 types, an estate plan and a legacy plan created');
      }
    } finally {
      await Promise.all([supportPool.end(), apiPool.end()]);
    }

    return {
      databaseApiUrl,
      databaseSupportUrl,
      fieldEncryptionKeys,
      stripeWebhookSecret,
      allowDevelopmentIssuers: true,
      demo: { email: config.DEMO_USER_EMAIL, password: config.DEMO_USER_PASSWORD, tenantSlug: config.DEMO_TENANT_SLUG },
      demoPool: { cognitoEndpoint: cognito.endpoint, userPoolId: pool.userPoolId, clientId: client.clientId },
      async announce(apiUrl) {
        const file: DevStackFile = {
          apiUrl,
          apiDatabaseUrl: databaseApiUrl,
          adminDatabaseUrl: adminUrl,
          cognitoEndpoint: cognito.endpoint,
          userPoolId: pool.userPoolId,
          clientId: client.clientId,
          demoEmail: config.DEMO_USER_EMAIL,
          demoPassword: config.DEMO_USER_PASSWORD,
          supportDatabaseUrl: databaseSupportUrl,
          operatorDatabaseUrl: databaseOperatorUrl,
          staffUserPoolId: staffPool.userPoolId,
          staffClientId: staffClient.clientId,
          staffEmail: config.DEV_STAFF_EMAIL,
          staffPassword: config.DEV_STAFF_PASSWORD,
        };
        await writeFile(path.join(dataDir, 'dev-stack.json'), JSON.stringify(file, null, 2), { mode: 0o600 });
      },
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
