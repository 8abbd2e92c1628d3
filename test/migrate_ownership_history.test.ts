// Upgrading a database that has shares to the ownership history: every share already there is
// backfilled as the asset's first titling (from the start), so "who owned it then" answers today's
// titling for the past, and later changes are recorded from the instant they are made.
import t from 'tap';
import { databaseBefore } from './helpers/upgrade.ts';

const { admin, applyMigration } = await databaseBefore(t, '0032_ownership_history.sql', 'ownership_history');

// Data written then (the superuser writes it directly).
const {
  rows: [{ tenant_id: tenantId }],
} = await admin.query(`insert into app.tenants (slug, name) values ('before-history', 'Before') returning tenant_id`);
// The triggers (audit, limits) read the tenant context: the session's, as an operator's repair would set it.
await admin.query(`select set_config('app.tenant_id', $1, false)`, [tenantId]);
const {
  rows: [{ id: userId }],
} = await admin.query(
  `insert into app.users (tenant_id, cognito_sub, email) values ($1, 'olga', 'olga@example.com') returning id`,
  [tenantId],
);
const persona = async (name: string) =>
  (
    await admin.query(
      `insert into app.personas (tenant_id, first_name, last_name, created_by_user_id) values ($1, $2, 'Old', $3) returning id`,
      [tenantId, name, userId],
    )
  ).rows[0].id as string;
const olga = await persona('Olga');
const pete = await persona('Pete');
const {
  rows: [{ id: house }],
} = await admin.query(
  `insert into app.assets (tenant_id, asset_type, category_code, name, currency, is_liability, created_by_user_id, created_at)
   values ($1, 'misc', 'other', 'House', 'USD', false, $2, now() - interval '2 years') returning id`,
  [tenantId, userId],
);
for (const [personaId, percentage] of [
  [olga, '60'],
  [pete, '40'],
])
  await admin.query(
    `insert into app.asset_ownerships (tenant_id, asset_id, persona_id, ownership_percentage, ownership_form)
     values ($1, $2, $3, $4, 'tenants_in_common')`,
    [tenantId, house, personaId, percentage],
  );

t.test('the migration backfills every share as the first titling', async (t) => {
  await applyMigration();
  const { rows } = await admin.query<{ persona_id: string; pct: string; form: string; at: string }>(
    `select persona_id, ownership_percentage::text as pct, ownership_form::text as form, effective_at::text as at
       from app.asset_ownership_history where asset_id = $1 order by persona_id`,
    [house],
  );
  t.same(
    rows.map((r) => [r.persona_id, r.pct, r.form, r.at]),
    [
      [olga, '60.0000', 'tenants_in_common', '-infinity'],
      [pete, '40.0000', 'tenants_in_common', '-infinity'],
    ].sort((a, b) => a[0].localeCompare(b[0])),
    'one row a share, from the start',
  );
});

t.test('a later change of an old asset is recorded at its instant, the backfilled rows untouched', async (t) => {
  await admin.query(
    `update app.asset_ownerships set ownership_percentage = 30 where asset_id = $1 and persona_id = $2`,
    [house, pete],
  );
  const { rows } = await admin.query<{ pct: string; infinite: boolean }>(
    `select ownership_percentage::text as pct, effective_at = '-infinity' as infinite
       from app.asset_ownership_history where asset_id = $1 and persona_id = $2
      order by effective_at, recorded_at, id`,
    [house, pete],
  );
  t.same(
    rows.map((r) => [r.pct, r.infinite]),
    [
      ['40.0000', true],
      ['30.0000', false],
    ],
    'Pete’s 40% from the start, 30% from now',
  );
});
