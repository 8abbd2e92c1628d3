// Upgrading a database that has users, circles and assets to the billing migration: every user
// gets a free subscription, seats and usage are counted from the data already there, and the
// upgraded users go on working through the procedures.
import { cp, mkdir, mkdtemp, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import t from 'tap';
import { migrate, projectRoot } from '../scripts/lib/migrate.ts';
import { withDatabase } from '../scripts/lib/throwaway_database.ts';
import { inContext } from '../server/plugins/db.ts';
import { loginRoleUrl } from '../server/config.ts';
import { calculateUsage } from '../generated/billing.queries.ts';

const server = process.env.TEST_SERVER_URL!;
const name = `${process.env.TEST_DATABASE_PREFIX}_billing_upgrade`;
const bootstrap = new pg.Client({ connectionString: server });
await bootstrap.connect();
await bootstrap.query(`create database ${name}`);
const rootDir = await mkdtemp(path.join(os.tmpdir(), 'migrate-billing-'));
const adminUrl = withDatabase(server, name);
const admin = new pg.Client({ connectionString: adminUrl });
t.teardown(async () => {
  await admin.end().catch(() => {});
  await bootstrap.query(`drop database if exists ${name} with (force)`);
  await bootstrap.end();
  await rm(rootDir, { recursive: true, force: true });
});

// The database as it was before billing: migrations up to 0007. Today's procedure files need the
// later migrations (their row types), so none is applied yet: the data below is written directly.
await cp(path.join(projectRoot, 'db'), path.join(rootDir, 'db'), { recursive: true });
await mkdir(path.join(rootDir, 'procedures'));
const later = (await readdir(path.join(rootDir, 'db', 'migrations'))).filter((file) => file >= '0008');
for (const file of later) await rm(path.join(rootDir, 'db', 'migrations', file));
await migrate({ adminUrl, rootDir, rolePasswords: { api: process.env.TEST_API_PASSWORD } });

// Data written then (the superuser writes it directly: the old procedures are gone).
await admin.connect();
const {
  rows: [{ tenant_id: tenantId }],
} = await admin.query(`insert into app.tenants (slug, name) values ('before-billing', 'Before') returning tenant_id`);
const user = async (sub: string) => {
  const {
    rows: [u],
  } = await admin.query(
    `insert into app.users (tenant_id, cognito_sub, email) values ($1, $2, $2 || '@example.com') returning id`,
    [tenantId, sub],
  );
  const {
    rows: [p],
  } = await admin.query(
    `insert into app.personas (tenant_id, first_name, last_name, created_by_user_id) values ($1, $2, 'Old', $3) returning id`,
    [tenantId, sub, u.id],
  );
  await admin.query(
    `insert into app.user_personas (tenant_id, user_id, persona_id, link_kind) values ($1, $2, $3, 'self')`,
    [tenantId, u.id, p.id],
  );
  return { userId: u.id as string, personaId: p.id as string, sub };
};
const olga = await user('olga');
const pete = await user('pete');
const circle = async (owner: typeof olga, members: string[]) => {
  const {
    rows: [c],
  } = await admin.query(
    `insert into app.fwd_family_circles (tenant_id, name, created_by_user_id) values ($1, 'Old circle', $2) returning id`,
    [tenantId, owner.userId],
  );
  for (const [i, persona] of [owner.personaId, ...members].entries()) {
    await admin.query(`insert into app.ffc_memberships (tenant_id, ffc_id, persona_id, role) values ($1, $2, $3, $4)`, [
      tenantId,
      c.id,
      persona,
      i === 0 ? 'owner' : 'member',
    ]);
  }
};
// Olga has two circles (more than the free plan allows) sharing Pete: three circles' worth of
// people, but Pete holds one seat.
await circle(olga, [pete.personaId]);
await circle(olga, [pete.personaId]);
for (let i = 0; i < 3; i++) {
  await admin.query(
    `insert into app.assets (tenant_id, asset_type, category_code, name, currency, is_liability, created_by_user_id)
                     values ($1, 'misc', 'other', 'Old asset ' || $2, 'USD', false, $3)`,
    [tenantId, i, olga.userId],
  );
}

t.test('the billing migration gives everyone the free plan and counts what is in use', async (t) => {
  await cp(
    path.join(projectRoot, 'db', 'migrations', '0008_billing.sql'),
    path.join(rootDir, 'db', 'migrations', '0008_billing.sql'),
  );
  const result = await migrate({ adminUrl, rootDir });
  t.same(result.appliedMigrations, ['0008_billing.sql']);

  const { rows: subscriptions } = await admin.query(
    `select u.cognito_sub, p.code, s.status from app.subscriptions s join app.users u on u.id = s.user_id
       join app.subscription_plans p on p.id = s.plan_id where s.tenant_id = $1 order by 1`,
    [tenantId],
  );
  t.same(subscriptions, [
    { cognito_sub: 'olga', code: 'free', status: 'active' },
    { cognito_sub: 'pete', code: 'free', status: 'active' },
  ]);

  const { rows: usage } = await admin.query(
    `select metric, quantity::int from app.usage_records where user_id = $1 and metric <> 'storage_bytes' order by metric`,
    [olga.userId],
  );
  t.same(
    usage,
    [
      { metric: 'assets', quantity: 3 },
      { metric: 'ffcs', quantity: 2 },
      { metric: 'seats', quantity: 2 },
    ],
    'counted from the data',
  );
  const {
    rows: [storage],
  } = await admin.query(
    `select (select quantity from app.usage_records where user_id = $1 and metric = 'storage_bytes') = sum(pg_column_size(a.*)) as equal
       from app.assets a where a.created_by_user_id = $1`,
    [olga.userId],
  );
  t.ok(storage.equal, 'storage counted as the bytes of the asset records');

  // The upgraded user works through the procedures: over the free limits, nothing was lost, and
  // the limits stop further growth. (The later migrations and every procedure file first.)
  for (const file of later)
    await cp(path.join(projectRoot, 'db', 'migrations', file), path.join(rootDir, 'db', 'migrations', file));
  await cp(path.join(projectRoot, 'procedures'), path.join(rootDir, 'procedures'), { recursive: true });
  await migrate({ adminUrl, rootDir });
  const api = new pg.Pool({
    connectionString: loginRoleUrl(adminUrl, 'estate_api', process.env.TEST_API_PASSWORD),
    max: 1,
  });
  api.on('error', () => {}); // its idle connection may outlive the test until the database is dropped (with force)
  t.teardown(() => api.end());
  const rows = await inContext(
    api,
    { tenantId, actorKind: 'user', actorId: olga.sub, requestId: 'upgrade-test' },
    (db) => calculateUsage.run(undefined, db),
  );
  t.same(
    rows.filter((r) => r.metric !== 'storage_bytes').map((r) => [r.metric, r.used, r.limit, r.remaining]),
    [
      ['ffcs', '2', '1', '0'],
      ['seats', '2', '1', '0'],
      ['assets', '3', '25', '22'],
    ],
  );
});
