// `npm run operator -- <command>` (built: `node dist/scripts/operator.js <command>`): the
// operators' CLI over the support procedures. It connects as estate_operator (DATABASE_OPERATOR_URL,
// or DATABASE_URL with DATABASE_OPERATOR_PASSWORD, or the running dev stack's) and names the
// operator in the context, so the audit log says who did it.
import { existsSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { loginRoleUrl, OPERATOR_ROLE } from '../server/config.ts';
import { asSupport } from '../server/plugins/db.ts';
import {
  createTenant,
  getTenantBySlug,
  registerAppClient,
  registerIdentityProvider,
  setAppClientStatus,
  setTenantAllowedOrigins,
  setTenantStatus,
  type Json,
} from '../generated/tenancy.queries.ts';
import { getPaymentSummary, listActiveSubscriptions, setTenantPlan } from '../generated/billing.queries.ts';
import {
  addStaff,
  findTenants,
  findUsers,
  getUserCircles,
  getUserPersonas,
  listStoredExchangeRates,
  listUserSessions,
  readAuditLog,
  registerStaffClient,
  registerStaffPool,
  revokeUserSessions,
  setStaffStatus,
  setUserStatus,
} from '../generated/support.queries.ts';
import { setExchangeRate } from '../generated/net_worth.queries.ts';
import {
  applyAuditRetention,
  ensureAuditPartitions,
  listAuditPartitions,
  sealAuditLog,
  setAuditRetention,
  verifyAuditChain,
} from '../generated/audit.queries.ts';
import { settleEmergencyAccess } from '../generated/emergency_access.queries.ts';
import {
  getWebhookEndpoint,
  listWebhookDeliveries,
  requeueWebhookEvents,
  rotateWebhookSecret,
  setWebhookEndpoint,
  setWebhookEndpointActive,
} from '../generated/webhooks.queries.ts';
import { createFieldCipher, type FieldCipher } from '../server/field_cipher.ts';
import { projectRoot } from './lib/migrate.ts';
import { deliverWebhooks, generateWebhookSecret, type DeliverSummary } from './lib/webhooks.ts';

const HELP = `usage: npm run operator -- <command> [options]

commands:
  create-tenant    --slug SLUG --name NAME [--branding JSON] [--settings JSON]
  show-tenant      --slug SLUG
  register-pool    --tenant SLUG --region REGION --user-pool-id POOL_ID
                   (or, development only: --issuer URL --user-pool-id POOL_ID)
  register-client  --tenant SLUG --user-pool-id POOL_ID [--region REGION | --issuer URL] --client-id ID --name NAME
  disable-client   --tenant SLUG --client-id ID   (its tokens are refused within AUTH_ROUTING_MAX_AGE_SECONDS)
  enable-client    --tenant SLUG --client-id ID
  suspend-tenant   --tenant SLUG   (every request of its users is refused from the next one on)
  reactivate-tenant --tenant SLUG
  set-origins      --tenant SLUG --origins https://app.acme.com,https://acme.example   (the browser origins its
                   white-label apps call the API from, replacing the list; --origins '' clears it; https only,
                   http for localhost/127.0.0.1; applied within AUTH_ROUTING_MAX_AGE_SECONDS)
  set-plan         --tenant SLUG --plan CODE [--unavailable] [--price 19.00 --currency USD]
                   [--stripe-price price_...] [--limits '{"max_assets": 100}']   (a tenant's overrides of a plan)
  payment-summary  --tenant SLUG   (payments, refunds and the ledger balance per currency)
  subscriptions    --tenant SLUG   (the subscriptions in force, emails masked)

support staff (their own Cognito user pool: the support door, /support/v1):
  register-staff-pool --region REGION --user-pool-id POOL_ID --client-id ID --name NAME
                   (or, development only: --issuer URL --user-pool-id POOL_ID --client-id ID --name NAME)
  add-staff        --user-pool-id POOL_ID --sub COGNITO_SUB --email EMAIL --name NAME
  suspend-staff    --email EMAIL   (their next request is refused); reactivate-staff --email EMAIL

the same procedures as the support door (every call audited under --operator):
  find-tenants     [--query TEXT] [--status active|suspended|closed]
  find-users       --tenant SLUG [--query EMAIL|NAME|ID]   (emails and names masked)
  user-personas    --tenant SLUG --user USER_ID             (masked)
  user-circles     --tenant SLUG --user USER_ID
  suspend-user     --tenant SLUG --user USER_ID; reactivate-user --tenant SLUG --user USER_ID
  sessions         --tenant SLUG --user USER_ID
  revoke-sessions  --tenant SLUG --user USER_ID [--session SESSION_ID]   (all of them without --session)
  audit-log        --tenant SLUG [--user USER_ID] [--persona PERSONA_ID] [--request REQUEST_ID] [--limit N] [--offset N]
  set-rate         --base USD --quote EUR --date 2026-01-31 --rate 0.92
  rates            [--base USD] [--quote EUR]

the audit log as evidence (docs/audit.md):
  audit-maintain   [--months-ahead 12] [--max-rows 100000]   the maintenance job (run it every few minutes from a
                   timer): makes the monthly partitions ahead, seals the rows of finished transactions, drops the
                   months older than the retention policy that are sealed and verify; prints the chains' heads
  audit-status     the partitions: rows, sealed rows, last seal and head, due for retention
  audit-verify     --month YYYY-MM   recomputes a month's hash chain: ok, or the first row missing or changed
  audit-seal       [--max-rows N]; audit-retention [--dry-run]; set-audit-retention --months N (12 to 1200)

emergency access (docs/legacy.md):
  settle-emergency-access [--tenant SLUG] [--limit 1000]   run it every few minutes from a timer: stores and
                   announces (outbox) the grants whose waiting period or access window has ended

webhooks: the outbox delivered to a tenant's endpoint, signed (docs/webhooks.md; needs FIELD_ENCRYPTION_KEYS):
  set-webhook      --tenant SLUG --url https://partner.example/hooks   a new endpoint prints its signing secret
                   once (whsec_...: give it to the partner; the database holds it only encrypted); an existing
                   one changes its URL and keeps its secret (https only, http for localhost/127.0.0.1/[::1])
  rotate-webhook-secret --tenant SLUG [--grace-hours 24]   prints the new secret once; the old one also signs
                   for the grace (0 to 168 hours)
  disable-webhook  --tenant SLUG   (events wait undelivered); enable-webhook --tenant SLUG
  webhook-status   --tenant SLUG   the endpoint (never its secret) and its pending, due, in-flight, failed events
  webhook-deliveries --tenant SLUG [--state pending|failed|delivered] [--limit N] [--offset N]   newest first
  requeue-webhooks --tenant SLUG [--event EVENT_ID]   sends the given-up events again (or one event, any state)
  deliver-webhooks [--loop [--interval-seconds 5]] [--batch 20] [--max-events 1000] [--timeout-ms 10000]
                   the dispatcher: one pass (or passes until SIGTERM/SIGINT), printing what it delivered

options:
  --operator NAME  who acts, for the audit log (default: $OPERATOR or user@host)
  --help

connection: the operators' own login (estate_operator, never the support door's): DATABASE_OPERATOR_URL,
else DATABASE_URL with user estate_operator and DATABASE_OPERATOR_PASSWORD, else the dev stack of a
running \`npm start\` (.data/dev-stack.json).`;

function operatorUrl(): string {
  if (process.env.DATABASE_OPERATOR_URL) return process.env.DATABASE_OPERATOR_URL;
  if (process.env.DATABASE_URL)
    return loginRoleUrl(process.env.DATABASE_URL, OPERATOR_ROLE, process.env.DATABASE_OPERATOR_PASSWORD);
  const file = path.join(projectRoot, '.data', 'dev-stack.json');
  // The dev stack's file (scripts/lib/dev_stack.ts's DevStackFile), read without importing the dev stack.
  if (existsSync(file)) {
    const stack = JSON.parse(readFileSync(file, 'utf8')) as { operatorDatabaseUrl?: string };
    if (stack.operatorDatabaseUrl) return stack.operatorDatabaseUrl;
  }
  throw new Error('no database: set DATABASE_OPERATOR_URL or DATABASE_URL, or start the dev stack with npm start');
}

/** The API's field keys (FIELD_ENCRYPTION_KEYS), else the running dev stack's: webhook secrets are
 *  encrypted with them before they reach the database, and decrypted with them to sign. */
function fieldCipher(): FieldCipher {
  if (process.env.FIELD_ENCRYPTION_KEYS) return createFieldCipher(process.env.FIELD_ENCRYPTION_KEYS);
  const file = path.join(projectRoot, '.data', 'dev-secrets.json');
  if (!process.env.DATABASE_OPERATOR_URL && !process.env.DATABASE_URL && existsSync(file)) {
    const secrets = JSON.parse(readFileSync(file, 'utf8')) as { fieldEncryptionKeys?: string };
    if (secrets.fieldEncryptionKeys) return createFieldCipher(secrets.fieldEncryptionKeys);
  }
  throw new Error("webhook secrets need FIELD_ENCRYPTION_KEYS (the API's field keys)");
}

function positiveInteger(value: string | undefined, name: string, fallback: number): number {
  if (value === undefined) return fallback;
  const number = Number(value);
  if (!Number.isInteger(number) || number < 0) throw new Error(`--${name} must be a whole number`);
  return number;
}

function json(value: string | undefined, name: string): { [key: string]: Json } {
  if (!value) return {};
  try {
    return JSON.parse(value);
  } catch {
    throw new Error(`--${name} must be JSON`);
  }
}

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      slug: { type: 'string' },
      name: { type: 'string' },
      branding: { type: 'string' },
      settings: { type: 'string' },
      tenant: { type: 'string' },
      region: { type: 'string' },
      issuer: { type: 'string' },
      'user-pool-id': { type: 'string' },
      'client-id': { type: 'string' },
      plan: { type: 'string' },
      unavailable: { type: 'boolean' },
      price: { type: 'string' },
      currency: { type: 'string' },
      'stripe-price': { type: 'string' },
      limits: { type: 'string' },
      origins: { type: 'string' },
      sub: { type: 'string' },
      email: { type: 'string' },
      query: { type: 'string' },
      status: { type: 'string' },
      user: { type: 'string' },
      persona: { type: 'string' },
      request: { type: 'string' },
      session: { type: 'string' },
      base: { type: 'string' },
      quote: { type: 'string' },
      date: { type: 'string' },
      rate: { type: 'string' },
      limit: { type: 'string' },
      offset: { type: 'string' },
      month: { type: 'string' },
      months: { type: 'string' },
      'months-ahead': { type: 'string' },
      'max-rows': { type: 'string' },
      'dry-run': { type: 'boolean' },
      url: { type: 'string' },
      'grace-hours': { type: 'string' },
      state: { type: 'string' },
      event: { type: 'string' },
      loop: { type: 'boolean' },
      'interval-seconds': { type: 'string' },
      batch: { type: 'string' },
      'max-events': { type: 'string' },
      'timeout-ms': { type: 'string' },
      operator: { type: 'string' },
      help: { type: 'boolean' },
    },
  });
  const [command] = positionals;
  if (values.help || !command) {
    process.stdout.write(`${HELP}\n`);
    return;
  }
  const need = (name: keyof typeof values) => {
    const value = values[name];
    if (typeof value !== 'string' || !value) throw new Error(`${command} needs --${name}`);
    return value;
  };
  const operator = values.operator ?? process.env.OPERATOR ?? `${os.userInfo().username}@${os.hostname()}`;
  // The dispatcher records the outcomes of a round's requests as they come.
  const pool = new pg.Pool({ connectionString: operatorUrl(), max: command === 'deliver-webhooks' ? 4 : 1 });
  const run = <T>(fn: (db: pg.PoolClient) => Promise<T>) => asSupport(pool, operator, fn);
  const page = { limit: Number(values.limit ?? 100), offset: Number(values.offset ?? 0) };
  const tenantId = async (db: pg.PoolClient) => (await getTenantBySlug.run({ slug: need('tenant') }, db))[0].tenantId;
  const provider = (db: pg.PoolClient, id: string) =>
    registerIdentityProvider.run(
      {
        tenantId: id,
        kind: values.issuer ? 'development' : 'cognito',
        userPoolId: need('user-pool-id'),
        region: values.region ?? null,
        issuer: values.issuer ?? null,
      },
      db,
    );
  try {
    let result: unknown;
    switch (command) {
      case 'create-tenant':
        result = (
          await run((db) =>
            createTenant.run(
              {
                slug: need('slug'),
                name: need('name'),
                branding: json(values.branding, 'branding'),
                settings: json(values.settings, 'settings'),
              },
              db,
            ),
          )
        )[0];
        break;
      case 'show-tenant':
        result = (await run((db) => getTenantBySlug.run({ slug: need('slug') }, db)))[0];
        break;
      case 'register-pool':
        result = (await run(async (db) => provider(db, await tenantId(db))))[0];
        break;
      case 'register-client':
        result = await run(async (db) => {
          const id = await tenantId(db);
          const [{ providerId, issuer }] = await provider(db, id);
          const [{ appClientId }] = await registerAppClient.run(
            { tenantId: id, providerId, clientId: need('client-id'), name: need('name') },
            db,
          );
          return { appClientId, providerId, issuer };
        });
        break;
      case 'disable-client':
      case 'enable-client':
        result = await run(async (db) =>
          setAppClientStatus.run(
            {
              tenantId: await tenantId(db),
              clientId: need('client-id'),
              status: command === 'disable-client' ? 'disabled' : 'active',
            },
            db,
          ),
        );
        break;
      case 'suspend-tenant':
      case 'reactivate-tenant':
        result = (
          await run(async (db) =>
            setTenantStatus.run(
              { tenantId: await tenantId(db), status: command === 'suspend-tenant' ? 'suspended' : 'active' },
              db,
            ),
          )
        )[0];
        break;
      case 'set-origins': {
        if (values.origins === undefined)
          throw new Error("set-origins needs --origins (a comma-separated list, or '')");
        const origins = values.origins
          .split(',')
          .map((origin) => origin.trim())
          .filter((origin) => origin !== '');
        result = await run(async (db) => setTenantAllowedOrigins.run({ tenantId: await tenantId(db), origins }, db));
        break;
      }
      case 'set-plan':
        result = (
          await run(async (db) =>
            setTenantPlan.run(
              {
                tenantId: await tenantId(db),
                planCode: need('plan'),
                isAvailable: !values.unavailable,
                priceAmount: values.price ?? null,
                currency: values.currency ?? null,
                stripePriceId: values['stripe-price'] ?? null,
                featureLimits: json(values.limits, 'limits'),
              },
              db,
            ),
          )
        )[0];
        break;
      case 'payment-summary':
        result = await run(async (db) => getPaymentSummary.run({ tenantId: await tenantId(db) }, db));
        break;
      case 'subscriptions':
        result = await run(async (db) =>
          listActiveSubscriptions.run({ tenantId: await tenantId(db), limit: 500, offset: 0 }, db),
        );
        break;
      case 'register-staff-pool':
        result = await run(async (db) => {
          const [{ providerId, issuer }] = await registerStaffPool.run(
            {
              kind: values.issuer ? 'development' : 'cognito',
              userPoolId: need('user-pool-id'),
              region: values.region ?? null,
              issuer: values.issuer ?? null,
            },
            db,
          );
          const [{ appClientId }] = await registerStaffClient.run(
            { providerId, clientId: need('client-id'), name: need('name') },
            db,
          );
          return { providerId, issuer, appClientId };
        });
        break;
      case 'add-staff':
        result = (
          await run((db) =>
            addStaff.run(
              {
                userPoolId: need('user-pool-id'),
                cognitoSub: need('sub'),
                email: need('email'),
                displayName: need('name'),
              },
              db,
            ),
          )
        )[0];
        break;
      case 'suspend-staff':
      case 'reactivate-staff':
        result = (
          await run((db) =>
            setStaffStatus.run(
              { email: need('email'), status: command === 'suspend-staff' ? 'suspended' : 'active' },
              db,
            ),
          )
        )[0];
        break;
      case 'find-tenants':
        result = await run((db) =>
          findTenants.run({ query: values.query ?? null, status: values.status ?? null, ...page }, db),
        );
        break;
      case 'find-users':
        result = await run(async (db) =>
          findUsers.run({ tenantId: await tenantId(db), query: values.query ?? null, ...page }, db),
        );
        break;
      case 'user-personas':
        result = await run(async (db) =>
          getUserPersonas.run({ tenantId: await tenantId(db), userId: need('user') }, db),
        );
        break;
      case 'user-circles':
        result = await run(async (db) =>
          getUserCircles.run({ tenantId: await tenantId(db), userId: need('user') }, db),
        );
        break;
      case 'suspend-user':
      case 'reactivate-user':
        result = (
          await run(async (db) =>
            setUserStatus.run(
              {
                tenantId: await tenantId(db),
                userId: need('user'),
                status: command === 'suspend-user' ? 'suspended' : 'active',
              },
              db,
            ),
          )
        )[0];
        break;
      case 'sessions':
        result = await run(async (db) =>
          listUserSessions.run({ tenantId: await tenantId(db), userId: need('user'), ...page }, db),
        );
        break;
      case 'revoke-sessions':
        result = (
          await run(async (db) =>
            revokeUserSessions.run(
              { tenantId: await tenantId(db), userId: need('user'), sessionId: values.session ?? null },
              db,
            ),
          )
        )[0];
        break;
      case 'audit-log':
        result = await run(async (db) =>
          readAuditLog.run(
            {
              tenantId: await tenantId(db),
              userId: values.user ?? null,
              personaId: values.persona ?? null,
              requestId: values.request ?? null,
              ...page,
            },
            db,
          ),
        );
        break;
      case 'set-rate':
        await run((db) =>
          setExchangeRate.run(
            { baseCurrency: need('base'), quoteCurrency: need('quote'), rateDate: need('date'), rate: need('rate') },
            db,
          ),
        );
        result = { baseCurrency: values.base, quoteCurrency: values.quote, rateDate: values.date, rate: values.rate };
        break;
      case 'rates':
        result = await run((db) =>
          listStoredExchangeRates.run(
            { baseCurrency: values.base ?? null, quoteCurrency: values.quote ?? null, ...page },
            db,
          ),
        );
        break;
      case 'audit-maintain': {
        // Each step in its own transaction: a seal's snapshot must not predate the partitions made.
        const monthsAhead = Number(values['months-ahead'] ?? 12);
        const maxRows = Number(values['max-rows'] ?? 100000);
        const [{ created }] = await run((db) => ensureAuditPartitions.run({ monthsAhead }, db));
        const sealed = await run((db) => sealAuditLog.run({ maxRows }, db));
        const retention = await run((db) => applyAuditRetention.run({ dryRun: false }, db));
        result = { partitionsCreated: created, sealed, retention };
        break;
      }
      case 'audit-status':
        result = await run((db) => listAuditPartitions.run(undefined, db));
        break;
      case 'audit-verify':
        result = (await run((db) => verifyAuditChain.run({ month: `${need('month')}-01` }, db)))[0];
        break;
      case 'audit-seal':
        result = await run((db) => sealAuditLog.run({ maxRows: Number(values['max-rows'] ?? 100000) }, db));
        break;
      case 'audit-retention':
        result = await run((db) => applyAuditRetention.run({ dryRun: values['dry-run'] ?? false }, db));
        break;
      case 'set-audit-retention':
        result = (await run((db) => setAuditRetention.run({ monthsKept: Number(need('months')) }, db)))[0];
        break;
      case 'settle-emergency-access':
        result = await run(async (db) =>
          settleEmergencyAccess.run(
            { tenantId: values.tenant ? await tenantId(db) : null, limit: Number(values.limit ?? 1000) },
            db,
          ),
        );
        break;
      case 'set-webhook': {
        const cipher = fieldCipher();
        const secret = generateWebhookSecret();
        const [endpoint] = await run(async (db) =>
          setWebhookEndpoint.run(
            { tenantId: await tenantId(db), url: need('url'), secretCiphertext: cipher.encrypt(secret) },
            db,
          ),
        );
        // Shown this once: the database keeps only the ciphertext.
        result = endpoint.secretStored
          ? { ...endpoint, secret, note: 'the signing secret is shown this once: give it to the partner' }
          : { ...endpoint, note: 'the URL changed; the signing secret is unchanged (rotate-webhook-secret)' };
        break;
      }
      case 'rotate-webhook-secret': {
        const cipher = fieldCipher();
        const secret = generateWebhookSecret();
        const graceHours = positiveInteger(values['grace-hours'], 'grace-hours', 24);
        const [endpoint] = await run(async (db) =>
          rotateWebhookSecret.run(
            { tenantId: await tenantId(db), secretCiphertext: cipher.encrypt(secret), graceSeconds: graceHours * 3600 },
            db,
          ),
        );
        result = { ...endpoint, secret, note: 'the new signing secret is shown this once: give it to the partner' };
        break;
      }
      case 'disable-webhook':
      case 'enable-webhook':
        result = (
          await run(async (db) =>
            setWebhookEndpointActive.run({ tenantId: await tenantId(db), active: command === 'enable-webhook' }, db),
          )
        )[0];
        break;
      case 'webhook-status':
        result = (await run(async (db) => getWebhookEndpoint.run({ tenantId: await tenantId(db) }, db)))[0];
        break;
      case 'webhook-deliveries':
        result = await run(async (db) =>
          listWebhookDeliveries.run({ tenantId: await tenantId(db), state: values.state ?? null, ...page }, db),
        );
        break;
      case 'requeue-webhooks':
        result = await run(async (db) =>
          requeueWebhookEvents.run({ tenantId: await tenantId(db), eventId: values.event ?? null }, db),
        );
        break;
      case 'deliver-webhooks': {
        const options = {
          pool,
          operator,
          cipher: fieldCipher(),
          batchSize: positiveInteger(values.batch, 'batch', 20),
          maxEvents: positiveInteger(values['max-events'], 'max-events', 1000),
          timeoutMs: positiveInteger(values['timeout-ms'], 'timeout-ms', 10_000),
          log: (message: string) => process.stderr.write(`${message}\n`),
        };
        if (!values.loop) {
          result = await deliverWebhooks(options);
          break;
        }
        // Loop mode: passes until SIGTERM or SIGINT (the pass under way finishes and is recorded);
        // a pass that found nothing to do waits --interval-seconds before the next one.
        const stop = new AbortController();
        for (const signal of ['SIGTERM', 'SIGINT'] as const) process.once(signal, () => stop.abort());
        const intervalMs = positiveInteger(values['interval-seconds'], 'interval-seconds', 5) * 1000;
        const total: DeliverSummary = { rounds: 0, claimed: 0, delivered: 0, retrying: 0, failed: 0, leaseLost: 0 };
        while (!stop.signal.aborted) {
          const pass = await deliverWebhooks({ ...options, signal: stop.signal });
          for (const key of Object.keys(total) as (keyof DeliverSummary)[]) total[key] += pass[key];
          if (pass.claimed) process.stdout.write(`${JSON.stringify({ at: new Date().toISOString(), ...pass })}\n`);
          if (pass.claimed < options.maxEvents && !stop.signal.aborted) {
            await new Promise<void>((resolve) => {
              const timer = setTimeout(resolve, intervalMs);
              stop.signal.addEventListener('abort', () => (clearTimeout(timer), resolve()), { once: true });
            });
          }
        }
        result = { stopped: true, ...total };
        break;
      }
      default:
        throw new Error(`unknown command ${command}\n\n${HELP}`);
    }
    process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
  } finally {
    await pool.end();
  }
}

main().catch((error: pg.DatabaseError | Error) => {
  const code = 'hint' in error && error.hint ? ` (${error.hint})` : '';
  process.stderr.write(`operator: ${error.message}${code}\n`);
  process.exit(1);
});
