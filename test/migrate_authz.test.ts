// Migration 0013 on a database with grants left behind by circle removals made before issue 9's
// fix: exactly the grants the rule of docs/authorization.md no longer allows are deleted.
import t from 'tap';
import { databaseBefore } from './helpers/upgrade.ts';

const MIGRATION = '0013_grants_after_circle_removals.sql';
// The database before the migration: every earlier migration, no procedures (the data is written
// directly by the superuser, as the old procedures would have left it).
const { admin, applyMigration } = await databaseBefore(t, MIGRATION, 'authz');

const one = async (sql: string, params: unknown[]) => (await admin.query(sql, params)).rows[0];
const { tenant_id: tenantId } = await one(
  `insert into app.tenants (slug, name) values ('before-authz', 'Before') returning tenant_id`,
  [],
);
await admin.query(`select set_config('app.tenant_id', $1, false)`, [tenantId]);
// Old data as it stands, not as today's plan limits would let it be written: no triggers here.
await admin.query(`set session_replication_role = replica`);
const user = async (sub: string) => {
  const u = await one(
    `insert into app.users (tenant_id, cognito_sub, email) values ($1, $2, $2 || '@example.com') returning id`,
    [tenantId, sub],
  );
  const p = await persona(sub, u.id);
  await admin.query(
    `insert into app.user_personas (tenant_id, user_id, persona_id, link_kind) values ($1, $2, $3, 'self')`,
    [tenantId, u.id, p],
  );
  return { userId: u.id as string, personaId: p };
};
const persona = async (firstName: string, createdBy: string) =>
  (
    await one(
      `insert into app.personas (tenant_id, first_name, last_name, created_by_user_id) values ($1, $2, 'Old', $3) returning id`,
      [tenantId, firstName, createdBy],
    )
  ).id as string;
const olga = await user('olga');
const pete = await user('pete');
const quinn = await user('quinn');
// A persona Olga acts for as a delegate, in no circle.
const kid = await persona('kid', olga.userId);
await admin.query(
  `insert into app.user_personas (tenant_id, user_id, persona_id, link_kind) values ($1, $2, $3, 'delegate')`,
  [tenantId, olga.userId, kid],
);
const { id: circle } = await one(
  `insert into app.fwd_family_circles (tenant_id, name, created_by_user_id) values ($1, 'Old circle', $2) returning id`,
  [tenantId, olga.userId],
);
for (const [personaId, role, status] of [
  [olga.personaId, 'owner', 'active'],
  [pete.personaId, 'member', 'removed'],
  [quinn.personaId, 'member', 'active'],
])
  await admin.query(
    `insert into app.ffc_memberships (tenant_id, ffc_id, persona_id, role, status, removed_at)
     values ($1, $2, $3, $4, $5, case when $5 = 'removed' then now() end)`,
    [tenantId, circle, personaId, role, status],
  );
const asset = async (owner: typeof olga, assetName: string) => {
  const { id } = await one(
    `insert into app.assets (tenant_id, asset_type, category_code, name, currency, is_liability, created_by_user_id)
     values ($1, 'misc', 'other', $2, 'USD', false, $3) returning id`,
    [tenantId, assetName, owner.userId],
  );
  await admin.query(
    `insert into app.asset_ownerships (tenant_id, asset_id, persona_id, ownership_percentage, ownership_form)
     values ($1, $2, $3, 100, 'sole')`,
    [tenantId, id, owner.personaId],
  );
  return id as string;
};
const house = await asset(olga, 'House');
const bike = await asset(pete, 'Bike');
const grant = (assetId: string, by: typeof olga, to: { persona?: string; ffc?: string }, label: string) =>
  admin.query(
    `insert into app.asset_permissions (tenant_id, asset_id, grantee_persona_id, grantee_ffc_id, grantee_ffc_role, permission, granted_by_user_id)
     values ($1, $2, $3, $4, $5, $6, $7)`,
    [tenantId, assetId, to.persona ?? null, to.ffc ?? null, to.ffc ? 'member' : null, label, by.userId],
  );
await grant(house, olga, { persona: pete.personaId }, 'edit'); // Pete was removed: goes
await grant(house, olga, { persona: quinn.personaId }, 'view'); // Quinn still shares the circle: stays
await grant(house, olga, { persona: kid }, 'view'); // Olga acts for the kid: stays
await grant(house, olga, { ffc: circle }, 'view'); // Olga is still a member: stays
await grant(bike, pete, { ffc: circle }, 'view'); // Pete left the circle: goes
await grant(bike, pete, { persona: quinn.personaId }, 'view'); // Pete can no longer name Quinn: goes

await admin.query(`set session_replication_role = origin`);

t.test('the migration deletes exactly the grants the removals should have taken', async (t) => {
  const result = await applyMigration();
  t.same(result.appliedMigrations, [MIGRATION]);
  const { rows } = await admin.query(
    `select a.name, coalesce(g.grantee_persona_id::text, 'circle') as grantee, g.permission
       from app.asset_permissions g join app.assets a on a.id = g.asset_id`,
  );
  const sorted = (list: Array<{ name: string; grantee: string; permission: string }>) =>
    list.map((r) => `${r.name} ${r.grantee} ${r.permission}`).sort();
  t.same(
    sorted(rows),
    sorted([
      { name: 'House', grantee: 'circle', permission: 'view' },
      { name: 'House', grantee: quinn.personaId, permission: 'view' },
      { name: 'House', grantee: kid, permission: 'view' },
    ]),
    "the removed member's grant and the grants he made are gone; the others stay",
  );
  const { rows: audit } = await admin.query(
    `select count(*)::int as n from audit.audit_log where table_name = 'app.asset_permissions' and operation = 'DELETE' and actor_kind = 'system'`,
  );
  t.equal(audit[0].n, 3, 'the audit log records each deleted grant');
});
