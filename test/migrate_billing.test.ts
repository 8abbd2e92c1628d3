// Upgrading a database that has users, circles and assets to the billing migration: every user
// gets a free subscription, seats and usage are counted from the data already there, and the
// upgraded users go on working through the procedures.
import pg from 'pg';
import t from 'tap';
import { databaseBefore } from './helpers/upgrade.ts';
import { inContext } from '../server/plugins/db.ts';
import { loginRoleUrl } from '../server/config.ts';
import { calculateUsage } from '../generated/billing.queries.ts';

// The database as it was before billing: migrations up to 0007; the data below is written directly.
const { admin, adminUrl, applyMigration, applyEverything } = await databaseBefore(t, '0008_billing.sql', 'billing');

// Data written then (the superuser writes it directly: the old procedures are gone).
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
  const result = await applyMigration();
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
  await applyEverything();
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
