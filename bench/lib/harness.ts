// What the benchmarks share: a throwaway migrated database (embedded PostgreSQL, or DATABASE_URL's
// server) with pools of the real login roles, one tenant with one registered user on a paid plan,
// calls in the server's request context, and the figures printed the same way.
import pg from 'pg';
import { loginRoleUrl, OPERATOR_ROLE } from '../../server/config.ts';
import { asSupport, inContext } from '../../server/plugins/db.ts';
import { registerUser } from '../../generated/identity.queries.ts';
import { createTenant, registerAppClient, registerIdentityProvider } from '../../generated/tenancy.queries.ts';
import { activatePlan } from '../../scripts/lib/stripe_events.ts';
import { createThrowawayDatabase } from '../../scripts/lib/throwaway_database.ts';
import { migrate } from '../../scripts/lib/migrate.ts';

export const ITERATIONS = Number(process.env.BENCH_ITERATIONS ?? 300);

export const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];

/** Milliseconds since a process.hrtime.bigint() reading. */
export const ms = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e6;

/** One line: median and p95 of the calls' times, and their rate when the wall time is given. */
export function report(label: string, times: number[], wallMs?: number) {
  const sorted = [...times].sort((a, b) => a - b);
  const rate = wallMs ? `   ${((times.length / wallMs) * 1000).toFixed(0).padStart(5)} /s` : '';
  console.log(
    `${label.padEnd(48)} median ${percentile(sorted, 50).toFixed(2).padStart(7)} ms   p95 ${percentile(sorted, 95).toFixed(2).padStart(7)} ms${rate}`,
  );
}

/**
 * Runs fn against a fresh database holding one tenant (`slug`) and one user on the advisor_pro
 * plan (no asset limit), then drops the database.
 */
export async function withBenchTenant(
  slug: string,
  fn: (bench: {
    admin: pg.Client;
    api: pg.Pool;
    tenantId: string;
    personaId: string;
    stripeIds: Awaited<ReturnType<typeof activatePlan>>;
    as: <T>(call: (c: pg.PoolClient) => Promise<T>) => Promise<T>;
  }) => Promise<void>,
) {
  const db = await createThrowawayDatabase(`estate_bench_${slug}`);
  const admin = new pg.Client({ connectionString: db.url });
  await admin.connect();
  const passwords = { api: 'bench-api', support: 'bench-support', operator: 'bench-operator' };
  let api: pg.Pool | undefined;
  let support: pg.Pool | undefined;
  try {
    await migrate({ adminUrl: db.url, rolePasswords: passwords });
    api = new pg.Pool({ connectionString: loginRoleUrl(db.url, 'estate_api', passwords.api), max: 4 });
    support = new pg.Pool({ connectionString: loginRoleUrl(db.url, OPERATOR_ROLE, passwords.operator), max: 1 });
    const { rows } = await admin.query<{ server_version: string }>('show server_version');
    console.log(`PostgreSQL ${rows[0].server_version}; ${ITERATIONS} calls per row`);
    const [tenant] = await inContext(
      support,
      { tenantId: null, actorKind: 'support', actorId: 'bench', requestId: 'bench' },
      (c) => createTenant.run({ slug: `bench-${slug}`, name: 'Bench', branding: {}, settings: {} }, c),
    );
    const sub = crypto.randomUUID();
    const pool = api;
    const as = <T>(call: (c: pg.PoolClient) => Promise<T>) =>
      inContext(pool, { tenantId: tenant.tenantId, actorKind: 'user', actorId: sub, requestId: 'bench' }, call);
    const [user] = await inContext(
      pool,
      {
        tenantId: tenant.tenantId,
        actorKind: 'user',
        actorId: sub,
        requestId: 'bench',
        verifiedEmail: 'bench@example.com',
      },
      (c) => registerUser.run({ firstName: 'Bench', lastName: 'User' }, c),
    );
    const stripeIds = await activatePlan(api, tenant.tenantId, sub, 'advisor_pro');
    await fn({ admin, api, tenantId: tenant.tenantId, personaId: user.personaId, stripeIds, as });
  } finally {
    await Promise.all([api?.end(), support?.end()]);
    await admin.end();
    await db.dispose();
  }
}

/** Makes a tenant trust a cognito-local user pool and its app client, as an operator registers
 *  them: the access tokens of that client then authenticate against the API. */
export async function trustUserPool(
  support: pg.Pool,
  tenantId: string,
  pool: { userPoolId: string; issuer: string },
  clientId: string,
) {
  await asSupport(support, 'bench', async (c) => {
    const [provider] = await registerIdentityProvider.run(
      { tenantId, kind: 'development', userPoolId: pool.userPoolId, issuer: pool.issuer, region: null },
      c,
    );
    await registerAppClient.run({ tenantId, providerId: provider.providerId, clientId, name: 'app' }, c);
  });
}
