// Catalog lint: the rules of docs/architecture.md, read from the catalog, so new tables and
// procedures are held to them without anyone remembering.
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import t from 'tap';
import { projectRoot } from '../scripts/lib/migrate.ts';
import { REPLICA_READS } from '../server/replica.ts';
import { testDatabase } from './helpers/db.ts';

const db = await testDatabase(t);
const q = async <T extends Record<string, unknown>>(sql: string) => (await db.admin.query<T>(sql)).rows;

// The only tables without tenant_id: global reference data, and the support staff's own door
// (their pools, clients and members serve every tenant; only support sessions reach them), named one by one.
const GLOBAL_REFERENCE_TABLES = new Set<string>([
  'app.asset_categories',
  'app.exchange_rates',
  'app.subscription_plans',
  'app.plan_features',
  'app.support_identity_providers',
  'app.support_app_clients',
  'app.support_staff',
  // The audit log's own evidence and policy: per partition, not per tenant (docs/audit.md).
  'app.audit_retention_policy',
  'audit.audit_chain_links',
  'audit.audit_seals',
]);

// Derived tables kept by triggers from an audited table, named one by one: not audited themselves.
const DERIVED_TABLES = new Set<string>(['app.asset_latest_valuations', 'app.asset_ownership_history']);

const tables = await q<{
  name: string;
  has_tenant: boolean;
  rls: boolean;
  forced: boolean;
  policies: number;
  audited: boolean;
  partition: boolean;
}>(`
  select n.nspname || '.' || c.relname as name,
         exists (select 1 from pg_attribute a where a.attrelid = c.oid and a.attname = 'tenant_id' and not a.attisdropped) as has_tenant,
         c.relrowsecurity as rls, c.relforcerowsecurity as forced,
         (select count(*)::int from pg_policy p where p.polrelid = c.oid) as policies,
         exists (select 1 from pg_trigger tg join pg_proc f on f.oid = tg.tgfoid
                  where tg.tgrelid = c.oid and f.proname = 'tg_audit__row') as audited,
         c.relispartition as partition
    from pg_class c join pg_namespace n on n.oid = c.relnamespace
   where n.nspname in ('app', 'audit', 'api', 'support') and c.relkind in ('r', 'p')`);

t.ok(tables.length >= 10, `the catalog lists the application tables (${tables.length})`);

t.test('every table carries tenant_id and forces row-level security', async (t) => {
  for (const table of tables) {
    t.ok(table.rls && table.forced, `${table.name} has RLS enabled and forced`);
    if (table.partition) continue;
    if (!GLOBAL_REFERENCE_TABLES.has(table.name)) t.ok(table.has_tenant, `${table.name} has tenant_id`);
    t.ok(table.policies > 0, `${table.name} has a policy`);
  }
});

t.test('every application table has the audit trigger', async (t) => {
  for (const table of tables.filter((x) => x.name.startsWith('app.') && !DERIVED_TABLES.has(x.name)))
    t.ok(table.audited, `${table.name} is audited`);
});

t.test('tenant tables key on (tenant_id, id) and reference each other with tenant_id', async (t) => {
  const keys = await q<{ name: string; cols: string[] }>(`
    select c.conrelid::regclass::text as name, array(select a.attname from unnest(c.conkey) k join pg_attribute a on a.attrelid = c.conrelid and a.attnum = k)::text[] as cols
      from pg_constraint c join pg_namespace n on n.oid = c.connamespace
     where n.nspname = 'app' and c.contype = 'p'`);
  for (const key of keys) {
    if (GLOBAL_REFERENCE_TABLES.has(key.name)) continue;
    if (key.name === 'app.tenants') t.same(key.cols, ['tenant_id'], 'app.tenants keys on tenant_id');
    else t.same(key.cols, ['tenant_id', 'id'], `${key.name} keys on (tenant_id, id)`);
  }
  const fks = await q<{ name: string; cols: string[]; target: string }>(`
    select c.conname || ' on ' || c.conrelid::regclass::text as name, c.confrelid::regclass::text as target,
           array(select a.attname from unnest(c.conkey) k join pg_attribute a on a.attrelid = c.conrelid and a.attnum = k)::text[] as cols
      from pg_constraint c join pg_namespace n on n.oid = c.connamespace
     where n.nspname = 'app' and c.contype = 'f'`);
  t.ok(fks.length > 5, 'foreign keys exist');
  for (const fk of fks.filter((fk) => !GLOBAL_REFERENCE_TABLES.has(fk.target)))
    t.equal(fk.cols[0], 'tenant_id', `${fk.name} starts with tenant_id`);
});

t.test('every foreign key is indexed', async (t) => {
  const unindexed = await q<{ name: string }>(`
    select c.conname || ' on ' || c.conrelid::regclass::text as name
      from pg_constraint c join pg_namespace n on n.oid = c.connamespace
     where c.contype = 'f' and n.nspname in ('app', 'audit')
       and not exists (
         select 1 from pg_index i
          where i.indrelid = c.conrelid
            and (i.indkey::int2[])[0:cardinality(c.conkey) - 1] @> c.conkey
            and (i.indkey::int2[])[0:cardinality(c.conkey) - 1] <@ c.conkey)`);
  t.same(unindexed, [], 'no unindexed foreign key');
});

t.test('every table, view and composite type says what it is for', async (t) => {
  // Partitions share their parent's comment (the monthly audit partitions are made by a function).
  const uncommented = await q<{ name: string }>(`
    select c.oid::regclass::text as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
     where n.nspname in ('app', 'audit', 'api', 'support') and c.relkind in ('r', 'p', 'v', 'm', 'c', 'f')
       -- COMMENT ON TYPE is kept on the pg_type row of a composite type.
       and not c.relispartition
       and coalesce(length(case when c.relkind = 'c' then obj_description(c.reltype, 'pg_type') else obj_description(c.oid, 'pg_class') end), 0) <= 10
     order by 1`);
  t.same(uncommented, [], 'no table, view or type without a COMMENT');
});

const functions = await q<{
  name: string;
  schema: string;
  definer: boolean;
  config: string[] | null;
  comment: string | null;
  public_exec: boolean;
  volatility: string;
}>(`
  select p.oid::regprocedure::text as name, n.nspname as schema, p.prosecdef as definer, p.proconfig as config,
         obj_description(p.oid, 'pg_proc') as comment, p.provolatile as volatility,
         has_function_privilege('public', p.oid, 'execute') as public_exec
    from pg_proc p join pg_namespace n on n.oid = p.pronamespace
   where n.nspname in ('api', 'support')`);

t.test('every api/support procedure is sp_*, SECURITY DEFINER, pinned, commented, not PUBLIC', async (t) => {
  t.ok(functions.length >= 15, `procedures exist (${functions.length})`);
  for (const fn of functions) {
    t.match(fn.name, new RegExp(`^${fn.schema}\\.sp_`), `${fn.name} is named sp_*`);
    t.ok(fn.definer, `${fn.name} is SECURITY DEFINER`);
    t.ok(fn.config?.includes('search_path=pg_catalog, pg_temp'), `${fn.name} pins search_path`);
    t.ok(fn.comment && fn.comment.length > 10, `${fn.name} has a comment`);
    t.notOk(fn.public_exec, `${fn.name} is not executable by PUBLIC`);
  }
});

t.test('no function anywhere in the application schemas is executable by PUBLIC', async (t) => {
  const open = await q<{ name: string }>(`
    select p.oid::regprocedure::text as name from pg_proc p join pg_namespace n on n.oid = p.pronamespace
     where n.nspname in ('app', 'audit', 'api', 'support') and has_function_privilege('public', p.oid, 'execute')`);
  t.same(open, [], 'none');
});

t.test('the login roles hold no table, view or sequence privilege and only their own procedures', async (t) => {
  for (const role of ['estate_api', 'estate_support', 'estate_operator']) {
    const grants = await q<{ name: string }>(`
      select c.oid::regclass::text as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
       where n.nspname not in ('pg_catalog', 'information_schema') and c.relkind in ('r', 'p', 'v', 'm', 'S', 'f')
         and (has_table_privilege('${role}', c.oid, 'select,insert,update,delete,truncate,references,trigger')
              or (c.relkind = 'S' and has_sequence_privilege('${role}', c.oid, 'usage,select,update')))`);
    t.same(grants, [], `${role} holds no privilege on any relation`);
    const schemas = await q<{ nspname: string }>(`
      select nspname from pg_namespace where nspname in ('app', 'audit', 'migrations', 'public')
         and (has_schema_privilege('${role}', oid, 'usage') and nspname <> 'public' or has_schema_privilege('${role}', oid, 'create'))`);
    t.same(schemas, [], `${role} cannot use the internal schemas nor create in public`);
  }
  const crossed = await q<{ name: string }>(`
    select p.oid::regprocedure::text as name from pg_proc p join pg_namespace n on n.oid = p.pronamespace
     where (n.nspname = 'support' and has_function_privilege('estate_api', p.oid, 'execute'))
        or (n.nspname = 'api' and p.proname <> 'sp_list_auth_clients' and (has_function_privilege('estate_support', p.oid, 'execute') or has_function_privilege('estate_operator', p.oid, 'execute')))`);
  t.same(crossed, [], 'the API role cannot run support procedures and support cannot run tenant procedures');
  const roles = await q<{ rolname: string; rolsuper: boolean; rolbypassrls: boolean }>(
    `select rolname, rolsuper, rolbypassrls from pg_roles where rolname in ('estate_owner', 'estate_api', 'estate_support', 'estate_operator') order by rolname`,
  );
  t.same(
    roles.map((r) => [r.rolname, r.rolsuper, r.rolbypassrls]),
    [
      ['estate_api', false, false],
      ['estate_operator', false, false],
      ['estate_owner', false, false],
      ['estate_support', false, false],
    ],
    'no role of ours is superuser or bypasses RLS',
  );
  // db/bootstrap.sql's settings of the three logins, each on the roles and in an API session.
  const loginSettings = [
    [
      'jit',
      'off',
      'the logins never JIT-compile a plan (db/bootstrap.sql)',
      'and a session of the API login runs with jit off',
    ],
    [
      'log_min_error_statement',
      'panic',
      "a login's failing statement, with its inlined values, is never written to the server's log",
      'and a session of the API login runs with it',
    ],
  ];
  for (const [name, value, onRoles, inSession] of loginSettings) {
    const { rows: holders } = await db.admin.query<{ rolname: string }>(
      `select rolname from pg_roles where rolname in ('estate_api', 'estate_support', 'estate_operator')
          and $1 = any (rolconfig) order by rolname`,
      [`${name}=${value}`],
    );
    t.same(
      holders.map((r) => r.rolname),
      ['estate_api', 'estate_operator', 'estate_support'],
      onRoles,
    );
    t.equal((await db.api.query<{ v: string }>('select current_setting($1) as v', [name])).rows[0].v, value, inSession);
  }
});

t.test('every api/support procedure has exactly one typed binding', async (t) => {
  const callsDir = path.join(projectRoot, 'procedures', 'calls');
  const calls = (
    await Promise.all(
      (await readdir(callsDir)).filter((f) => f.endsWith('.sql')).map((f) => readFile(path.join(callsDir, f), 'utf8')),
    )
  ).join('\n');
  for (const fn of functions) {
    const qualified = fn.name.replace(/\(.*$/, '');
    const uses = calls.split(new RegExp(`\\b${qualified.replace('.', '\\.')}\\(`)).length - 1;
    t.equal(uses, 1, `${qualified} is called by exactly one annotated query`);
  }
});

t.test('every procedure a read may run on the replica is an api procedure declared STABLE', async (t) => {
  // server/replica.ts routes GETs calling these to the streaming replica: a write there would be
  // refused by the standby, and STABLE PL/pgSQL cannot write (INSERT/UPDATE/DELETE are refused).
  const rows = await q<{ name: string; volatility: string }>(`
    select n.nspname || '.' || p.proname as name, p.provolatile as volatility
      from pg_proc p join pg_namespace n on n.oid = p.pronamespace where n.nspname = 'api'`);
  const volatility = new Map(rows.map((row) => [row.name, row.volatility]));
  const wrong = [...REPLICA_READS].filter((name) => volatility.get(name) !== 's');
  t.same(wrong, [], 'declared for the replica but missing or not STABLE');
  t.ok(REPLICA_READS.size > 30, `${REPLICA_READS.size} procedures routed`);
});
