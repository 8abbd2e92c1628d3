// The audit log's evidence through the support door with real staff tokens (partitions, a month's
// verification, sealing; each call audited with the staff member), and the access log: every
// request's line names the tenant and the user (or the staff member) by id, never by PII.
import t from 'tap';
import { testDatabase } from './helpers/db.ts';
import { bearer, makePoolTenant, makeStaffPool, registerThroughApi, testApp } from './helpers/app.ts';

const db = await testDatabase(t);
const lines: string[] = [];
const app = await testApp(t, db, { logger: { level: 'info', stream: { write: (line: string) => lines.push(line) } } });
const staffPool = await makeStaffPool(db, 'evidence');
const staff = await staffPool.addStaff();
const tenant = await makePoolTenant(db, 'logged');
const user = await registerThroughApi(app, tenant, 'Lena', 'Logsdottir');
const thisMonth = new Date().toISOString().slice(0, 7);

t.test('staff see the partitions, seal and verify a month; each call is audited with their identity', async (t) => {
  const partitions = await app.inject({ url: '/support/v1/audit-partitions', headers: bearer(staff.accessToken) });
  t.equal(partitions.statusCode, 200, partitions.body);
  const names = partitions.json().items.map((p: { partitionName: string }) => p.partitionName);
  t.ok(names.includes(`audit_log_${thisMonth.replace('-', '_')}`), 'this month is listed');
  t.ok(names.includes('audit_log_default'), 'so is the default partition');

  const sealed = await app.inject({
    method: 'POST',
    url: '/support/v1/audit-seals',
    headers: bearer(staff.accessToken),
    payload: {},
  });
  t.equal(sealed.statusCode, 200, sealed.body);
  t.ok(
    sealed.json().items.every((s: { headHash: string }) => /^[0-9a-f]{64}$/.test(s.headHash)),
    'each sealed partition reports its head',
  );

  const verified = await app.inject({
    url: `/support/v1/audit-partitions/verification?month=${thisMonth}`,
    headers: bearer(staff.accessToken),
  });
  t.equal(verified.statusCode, 200, verified.body);
  t.match(verified.json(), { ok: true, problem: null }, 'the month verifies');

  const missing = await app.inject({
    url: '/support/v1/audit-partitions/verification?month=2011-01',
    headers: bearer(staff.accessToken),
  });
  t.match(missing.json(), { status: 404, code: 'audit_partition_not_found' }, 'a month never made: 404');
  const malformed = await app.inject({
    url: '/support/v1/audit-partitions/verification?month=2011-13',
    headers: bearer(staff.accessToken),
  });
  t.equal(malformed.statusCode, 400, 'not a month: 400');
  const tooMany = await app.inject({
    method: 'POST',
    url: '/support/v1/audit-seals',
    headers: bearer(staff.accessToken),
    payload: { maxRows: 10_000_000 },
  });
  t.equal(tooMany.statusCode, 400, 'a bounded seal');

  const { rows } = await db.admin.query(
    `select table_name, operation from audit.audit_log
      where actor_id = $1 and table_name like 'support.sp\\_%audit%' order by id`,
    [`cognito:${staff.sub}`],
  );
  t.same(
    rows,
    [
      { table_name: 'support.sp_list_audit_partitions', operation: 'READ' },
      { table_name: 'support.sp_seal_audit_log', operation: 'INSERT' },
      { table_name: 'support.sp_verify_audit_chain', operation: 'READ' },
    ],
    'the three calls are in the audit log under the staff member',
  );

  const tenantToken = await app.inject({ url: '/support/v1/audit-partitions', headers: bearer(user.accessToken) });
  t.equal(tenantToken.statusCode, 401, "a tenant user's token never opens the door");
});

t.test('access log lines name tenant and user, or the staff member, by id and never carry PII', async (t) => {
  lines.length = 0;
  const me = await app.inject({ url: '/v1/me', headers: bearer(user.accessToken) });
  t.equal(me.statusCode, 200, me.body);
  const search = await app.inject({
    url: `/support/v1/tenants/${tenant.tenantId}/users?q=${encodeURIComponent(user.email)}&limit=5`,
    headers: bearer(staff.accessToken),
  });
  t.equal(search.statusCode, 200, search.body);
  const access = lines.map((line) => JSON.parse(line)).filter((entry) => entry.msg === 'request');
  t.equal(access.length, 2, 'one access line per request');
  t.match(
    access[0],
    { url: '/v1/me', status: 200, tenant: tenant.tenantId, user: user.sub, reqId: String },
    "a tenant request's line names its tenant and user",
  );
  t.match(
    access[1],
    { url: `/support/v1/tenants/${tenant.tenantId}/users`, status: 200, staff: staff.sub },
    "a support request's line names the staff member, its path without the query",
  );
  const all = lines.join('\n');
  for (const pii of [user.email, encodeURIComponent(user.email), 'Lena', 'Logsdottir', staff.email]) {
    t.notOk(all.includes(pii), `no log line carries ${pii}`);
  }
  t.notOk(all.includes(user.accessToken) || all.includes(staff.accessToken), 'nor a token');
});
