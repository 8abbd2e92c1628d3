// Every tenant procedure checks its caller in the caller's own transaction: a deactivated user
// and a user of a suspended tenant are refused by every api.sp_* from the next request on (issue
// 9, finding 7: GET /v1/asset-categories did not). The procedures are read from the catalog, so a
// new one is covered without anyone listing it; the exceptions are named with their reason
// (docs/decisions.md, "Bounded staleness").
import t from 'tap';
import { deactivateUser, getCurrentUser } from '../generated/identity.queries.ts';
import { setTenantStatus } from '../generated/tenancy.queries.ts';
import { makeTenant, makeUser, rejection, testDatabase } from './helpers/db.ts';

const db = await testDatabase(t);

/** Procedures that do not check a signed-in user, and why. */
const EXCEPTIONS: Record<string, string> = {
  sp_list_auth_clients: 'token routing: read before any tenant or user is known (the API checks the client itself)',
  sp_list_allowed_origins:
    'CORS: browser origins, read before any tenant or user is known (a preflight has no token; the API checks the tenant after authentication)',
  sp_record_stripe_event: "Stripe's webhook: no user; Stripe's billing events still apply to a suspended tenant",
  sp_authenticate_api_key:
    "API key lookup: before any tenant or user is known; the key's tenant, user and scopes are checked in every request's transaction (app.current_api_key, docs/api_keys.md)",
};
/** Procedures that have no registered user to check yet: they refuse a deactivated identity
 *  with their own answer (it is registered already: user_already_registered, tested with the
 *  identity procedures), but a suspended tenant like every other. */
const BEFORE_REGISTRATION = ['sp_register_user'];

const { rows: procedures } = await db.admin.query<{ name: string; args: string[] }>(
  `select p.proname as name, array(select pg_catalog.format_type(a, null) from unnest(p.proargtypes) a) as args
     from pg_proc p join pg_namespace n on n.oid = p.pronamespace
    where n.nspname = 'api' and p.proname like 'sp\\_%' order by p.proname`,
);

const active = await makeTenant(db, 'active');
const gone = await makeUser(db, active, 'Gone');
await db.as(gone, (c) => deactivateUser.run(undefined, c));
const suspendedTenant = await makeTenant(db, 'suspended');
const stranded = await makeUser(db, suspendedTenant, 'Stranded');
await db.asSupport((c) => setTenantStatus.run({ tenantId: suspendedTenant, status: 'suspended' }, c));

/** The procedure called with NULL for every argument: the caller check must come first. */
const call = (name: string, args: string[]) => (c: { query(sql: string): Promise<unknown> }) =>
  c.query(`select * from api.${name}(${args.map((type) => `null::${type}`).join(', ')})`);

t.test('the catalog has the tenant procedures and both exceptions exist', async (t) => {
  t.ok(procedures.length > 40, `${procedures.length} api procedures found`);
  for (const name of [...Object.keys(EXCEPTIONS), ...BEFORE_REGISTRATION]) {
    t.ok(
      procedures.some((p) => p.name === name),
      `${name} exists (an exception for a procedure that is gone is removed)`,
    );
  }
});

t.test('every api procedure refuses a deactivated user with user_inactive', async (t) => {
  for (const { name, args } of procedures) {
    if (EXCEPTIONS[name]) continue;
    const refused = await rejection(db.as(gone, call(name, args)));
    if (BEFORE_REGISTRATION.includes(name)) t.ok(refused.code, `${name} refuses a deactivated user (${refused.code})`);
    else t.equal(refused.code, 'user_inactive', `${name} refuses a deactivated user with user_inactive`);
  }
});

t.test('every api procedure refuses a user of a suspended tenant with tenant_inactive', async (t) => {
  for (const { name, args } of procedures) {
    if (EXCEPTIONS[name]) continue;
    const refused = await rejection(db.as(stranded, call(name, args)));
    t.equal(refused.code, 'tenant_inactive', `${name} refuses a user of a suspended tenant`);
  }
});

t.test('a reactivated tenant is served again, and a support session names who suspended it', async (t) => {
  await db.asSupport((c) => setTenantStatus.run({ tenantId: suspendedTenant, status: 'active' }, c));
  const [me] = await db.as(stranded, (c) => getCurrentUser.run(undefined, c));
  t.equal(me.userId, stranded.userId, 'the user of the reactivated tenant is served');
  const { rows } = await db.admin.query<{ actor_kind: string; actor_id: string; status: string }>(
    `select actor_kind, actor_id, changes ->> 'status' as status from audit.audit_log
      where table_name = 'app.tenants' and row_id = $1 and operation = 'UPDATE' order by occurred_at`,
    [suspendedTenant],
  );
  t.same(
    rows,
    [
      { actor_kind: 'support', actor_id: 'staff:test', status: 'suspended' },
      { actor_kind: 'support', actor_id: 'staff:test', status: 'active' },
    ],
    'both changes are audited with the support actor',
  );
});
