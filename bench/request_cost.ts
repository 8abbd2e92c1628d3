// `npm run bench:request-cost`: the most expensive malformed request of each route group, through
// the whole API (real token, real database, in-process inject), and the database's own bound when
// a caller skips the API's schema. Prints the median and the worst time of each (docs/limits.md).
// Runs on a throwaway database (embedded PostgreSQL, or DATABASE_URL's server) and a throwaway
// cognito-local.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import * as assets from '../generated/assets.queries.ts';
import { createTenant } from '../generated/tenancy.queries.ts';
import { buildApp } from '../server/app.ts';
import { loginRoleUrl, OPERATOR_ROLE } from '../server/config.ts';
import { generateFieldKeys } from '../server/field_cipher.ts';
import { asSupport, inContext } from '../server/plugins/db.ts';
import { DETAILS_MAX_FIELDS } from '../server/schemas/assets.ts';
import {
  ensureAppClient,
  ensureUser,
  ensureUserPool,
  signIn,
  startCognitoLocal,
} from '../scripts/lib/cognito_local.ts';
import { migrate } from '../scripts/lib/migrate.ts';
import { signStripePayload } from '../scripts/lib/stripe_events.ts';
import { createThrowawayDatabase } from '../scripts/lib/throwaway_database.ts';
import { ms, trustUserPool } from './lib/harness.ts';

const N = Number(process.env.BENCH_ITERATIONS ?? 20);
const secret = `whsec_${'b'.repeat(32)}`;

const db = await createThrowawayDatabase('estate_bench_cost');
const scratch = await mkdtemp(path.join(os.tmpdir(), 'estate-bench-cost-'));
const cognito = await startCognitoLocal({ dataDir: path.join(scratch, 'cognito') });
const passwords = { api: 'bench-api', support: 'bench-support', operator: 'bench-operator' };
await migrate({ adminUrl: db.url, rolePasswords: passwords });
const apiUrl = loginRoleUrl(db.url, 'estate_api', passwords.api);
const support = new pg.Pool({ connectionString: loginRoleUrl(db.url, OPERATOR_ROLE, passwords.operator), max: 1 });
const api = new pg.Pool({ connectionString: apiUrl, max: 2 });
const app = await buildApp({
  databaseApiUrl: apiUrl,
  allowDevelopmentIssuers: true,
  poolSize: 4,
  authReloadIntervalMs: 0,
  fieldEncryptionKeys: generateFieldKeys('bench'),
  stripeWebhookSecret: secret,
});
try {
  await app.ready();
  const pool = await ensureUserPool(cognito.endpoint, 'bench-cost');
  const { clientId } = await ensureAppClient(cognito.endpoint, pool.userPoolId, 'bench-app');
  const tenantId = await asSupport(support, 'bench', async (c) => {
    const [tenant] = await createTenant.run({ slug: 'bench-cost', name: 'Bench', branding: {}, settings: {} }, c);
    return tenant.tenantId;
  });
  await trustUserPool(support, tenantId, pool, clientId);
  const email = 'bench-cost@example.com';
  const { sub } = await ensureUser(cognito.endpoint, pool.userPoolId, email, 'Bench-Passw0rd!');
  const { accessToken, idToken } = await signIn({
    endpoint: cognito.endpoint,
    userPoolId: pool.userPoolId,
    clientId,
    username: email,
    password: 'Bench-Passw0rd!',
  });
  const authorization = `Bearer ${accessToken}`;
  const registered = await app.inject({
    method: 'POST',
    url: '/v1/registrations',
    headers: { authorization },
    payload: { idToken, firstName: 'Bench', lastName: 'Cost' },
  });
  if (registered.statusCode !== 201) throw new Error(`registration failed: ${registered.body}`);
  const personaId = registered.json().personaId as string;
  const created = await app.inject({
    method: 'POST',
    url: '/v1/assets',
    headers: { authorization },
    payload: {
      assetType: 'misc',
      categoryCode: 'other',
      name: 'Bench',
      currency: 'USD',
      ownerPersonaId: personaId,
      initialValue: '1',
      valuedOn: '2026-01-15',
    },
  });
  const assetId = created.json().assetId as string;

  const keys = (n: number) => Object.fromEntries(Array.from({ length: n }, (_, i) => [`f${i}`, 0]));
  const asset = (details: Record<string, unknown>) => ({
    assetType: 'life_insurance',
    categoryCode: 'term_life',
    name: 'Bench',
    currency: 'USD',
    ownerPersonaId: personaId,
    initialValue: '1',
    valuedOn: '2026-01-15',
    details,
  });
  const deep = (depth: number, size: number) => {
    const inner = '['.repeat(depth) + ']'.repeat(depth);
    return `{"a":${inner},"pad":"${'x'.repeat(Math.max(0, size - inner.length - 20))}"}`;
  };
  const stripeDeep = '{"id":"evt_x","data":' + '{"a":'.repeat(100_000) + '1' + '}'.repeat(100_001);
  const json = { authorization, 'content-type': 'application/json' };

  const cases: Array<[string, string, () => Promise<{ statusCode: number; code?: string }>]> = [
    [
      'assets',
      `POST /v1/assets, 16,000 unknown details keys (~200 KiB)`,
      async () => {
        const res = await app.inject({
          method: 'POST',
          url: '/v1/assets',
          headers: { authorization },
          payload: asset(keys(16_000)),
        });
        return { statusCode: res.statusCode, code: res.json().code };
      },
    ],
    [
      'assets',
      `POST /v1/assets, ${DETAILS_MAX_FIELDS} unknown details keys (the most that reach the database)`,
      async () => {
        const res = await app.inject({
          method: 'POST',
          url: '/v1/assets',
          headers: { authorization },
          payload: asset(keys(DETAILS_MAX_FIELDS)),
        });
        return { statusCode: res.statusCode, code: res.json().code };
      },
    ],
    [
      'assets',
      `PATCH /v1/assets/{id}, ${DETAILS_MAX_FIELDS} unknown details keys`,
      async () => {
        const res = await app.inject({
          method: 'PATCH',
          url: `/v1/assets/${assetId}`,
          headers: { authorization },
          payload: { details: keys(DETAILS_MAX_FIELDS) },
        });
        return { statusCode: res.statusCode, code: res.json().code };
      },
    ],
    [
      'assets',
      'GET /v1/assets/search, q of 197 characters (66 terms)',
      async () => {
        const q = encodeURIComponent(Array.from({ length: 66 }, (_, i) => `t${i % 10}`).join(' '));
        const res = await app.inject({ method: 'GET', url: `/v1/assets/search?q=${q}`, headers: { authorization } });
        return { statusCode: res.statusCode, code: res.statusCode < 300 ? 'ok' : res.json().code };
      },
    ],
    [
      'any JSON route',
      'POST /v1/personas, 255 KiB body nested 100,000 deep',
      async () => {
        const res = await app.inject({
          method: 'POST',
          url: '/v1/personas',
          headers: json,
          payload: deep(100_000, 255 * 1024),
        });
        return { statusCode: res.statusCode, code: res.json().code };
      },
    ],
    [
      'any JSON route',
      'POST /v1/personas, 255 KiB body nested 16 deep (the most parsed)',
      async () => {
        const res = await app.inject({
          method: 'POST',
          url: '/v1/personas',
          headers: json,
          payload: deep(15, 255 * 1024),
        });
        return { statusCode: res.statusCode, code: res.json().code };
      },
    ],
    [
      'any JSON route',
      'POST /v1/personas, 300 KiB body (over the limit)',
      async () => {
        const res = await app.inject({
          method: 'POST',
          url: '/v1/personas',
          headers: json,
          payload: deep(1, 300 * 1024),
        });
        return { statusCode: res.statusCode, code: res.json().code };
      },
    ],
    [
      'stripe webhook',
      'POST /v1/webhooks/stripe, signed ~1 MiB body nested 100,000 deep',
      async () => {
        const res = await app.inject({
          method: 'POST',
          url: '/v1/webhooks/stripe',
          headers: { 'content-type': 'application/json', 'stripe-signature': signStripePayload(stripeDeep, secret) },
          payload: stripeDeep,
        });
        return { statusCode: res.statusCode, code: res.json().code };
      },
    ],
    [
      'stripe webhook',
      'POST /v1/webhooks/stripe, unsigned 1 MiB body',
      async () => {
        const body = `{"pad":"${'x'.repeat(1024 * 1024 - 20)}"}`;
        const res = await app.inject({
          method: 'POST',
          url: '/v1/webhooks/stripe',
          headers: { 'content-type': 'application/json', 'stripe-signature': 't=1,v1=00' },
          payload: body,
        });
        return { statusCode: res.statusCode, code: res.json().code };
      },
    ],
    [
      'database (no API schema)',
      'sp_create_asset, 20,000 unknown details keys',
      async () => {
        try {
          await inContext(api, { tenantId, actorKind: 'user', actorId: sub, requestId: 'bench-cost' }, (c) =>
            assets.createAsset.run(
              {
                ...asset(keys(20_000)),
                ownershipPercentage: '100',
                ownershipForm: 'sole',
                valuationSource: 'manual',
              } as Parameters<typeof assets.createAsset.run>[0],
              c,
            ),
          );
          return { statusCode: 200 };
        } catch (error) {
          return { statusCode: 400, code: (error as pg.DatabaseError).hint ?? (error as pg.DatabaseError).code };
        }
      },
    ],
  ];

  const { rows } = await api.query<{ server_version: string }>('show server_version');
  console.log(`PostgreSQL ${rows[0].server_version}, Node ${process.version}; ${N} requests per row; median / worst`);
  for (const [group, label, run] of cases) {
    await run(); // warm
    const times: number[] = [];
    let outcome = '';
    for (let i = 0; i < N; i++) {
      const start = process.hrtime.bigint();
      const { statusCode, code } = await run();
      times.push(ms(start));
      outcome = `${statusCode} ${code ?? ''}`;
    }
    times.sort((a, b) => a - b);
    console.log(
      `${group.padEnd(26)} ${label.padEnd(78)} ${outcome.padEnd(28)} ${times[Math.floor(N / 2)].toFixed(1).padStart(7)} ms ${times[N - 1].toFixed(1).padStart(7)} ms`,
    );
  }
} finally {
  await app.close();
  await Promise.all([api.end(), support.end()]);
  await db.dispose();
  await cognito.stop();
  await rm(scratch, { recursive: true, force: true });
}
