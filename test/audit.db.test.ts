// The audit log as evidence: every row hashed at insert, a hash chain per monthly partition sealed
// over finished transactions only, verification that finds an edited, a deleted and a smuggled-in
// row, partitions made ahead (a row beyond them lands in the default partition and moves into its
// month when that month is made), retention that drops only sealed and verified months, and every
// support read (read from the catalog) leaving a READ row that names the staff member.
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import type pg from 'pg';
import t from 'tap';
import { PassThrough, Readable } from 'node:stream';
import { projectRoot } from '../scripts/lib/migrate.ts';
import { exportTenant, importTenant } from '../scripts/lib/tenant_dump.ts';
import { makeTenant, makeUser, randomSub, rejection, testDatabase } from './helpers/db.ts';
import { inContext } from '../server/plugins/db.ts';
import * as support from '../generated/support.queries.ts';
import * as audit from '../generated/audit.queries.ts';
import * as gdpr from '../generated/gdpr.queries.ts';

const db = await testDatabase(t);
const STAFF_ISSUER = 'http://127.0.0.1:1/staff_Audit1';

await db.asSupport((c) =>
  support.registerStaffPool.run(
    { kind: 'development', userPoolId: 'staff_Audit1', issuer: STAFF_ISSUER, region: null },
    c,
  ),
);
const agentSub = randomSub();
await db.asSupport((c) =>
  support.addStaff.run(
    { userPoolId: 'staff_Audit1', cognitoSub: agentSub, email: 'auditor@support.example', displayName: 'Auditor' },
    c,
  ),
);
let request = 0;
const asAgent = <T>(fn: (c: pg.PoolClient) => Promise<T>) =>
  inContext(
    db.support,
    {
      tenantId: null,
      actorKind: 'support',
      actorId: `cognito:${agentSub}`,
      issuer: STAFF_ISSUER,
      requestId: `audit-${++request}`,
    },
    fn,
  );
const asOperator = <T>(fn: (c: pg.PoolClient) => Promise<T>) =>
  inContext(
    db.operator,
    { tenantId: null, actorKind: 'support', actorId: 'ops:test', requestId: `op-${++request}` },
    fn,
  );

/** Inserts audit rows dated in a month, as a trigger would (the superuser stands in for one). */
async function auditRows(day: string, count: number) {
  const { rows } = await db.admin.query<{ id: string; partition: string }>(
    `insert into audit.audit_log (tenant_id, actor_kind, actor_id, table_name, row_id, operation, changed_columns, changes, occurred_at)
     select null, 'system', null, 'app.test_rows', g::text, 'INSERT', array['n'], jsonb_build_object('n', g), $1::timestamptz
       from generate_series(1, $2::int) g
     returning id::text, tableoid::regclass::text as partition`,
    [day, count],
  );
  return rows;
}

/** Seals until every row of the month written so far is chained (each seal audits itself, and another
 *  file's open transaction may hold the xmin back for a while). */
async function sealAll(partition: string) {
  const { rows: top } = await db.admin.query(`select coalesce(max(id), 0) as id from audit.${partition}`);
  for (let attempt = 0; attempt < 60; attempt++) {
    await asAgent((c) => audit.sealAuditLog.run({ maxRows: 100000 }, c));
    const { rows } = await db.admin.query(
      `select count(*)::int as n from audit.${partition} a
        where a.id <= $2 and not exists (select 1 from audit.audit_chain_links l where l.partition_name = $1 and l.audit_id = a.id)`,
      [partition, top[0].id],
    );
    if (rows[0].n === 0) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${partition} was never sealed whole`);
}

const verify = (month: string) => asAgent((c) => audit.verifyAuditChain.run({ month }, c)).then((rows) => rows[0]);

/** Changes audit rows the way only a superuser can: with every trigger (the append-only guards) off. */
async function tamper(sql: string, params: unknown[]) {
  const client = await db.admin.connect();
  try {
    await client.query('set session_replication_role = replica');
    await client.query(sql, params);
  } finally {
    await client.query('reset session_replication_role');
    client.release();
  }
}

t.test('each audit row is stamped with its transaction at insert, by a column default only', async (t) => {
  const tenantId = await makeTenant(db, 'stamped');
  const user = await makeUser(db, tenantId, 'Stan');
  const { rows } = await db.admin.query(
    `select count(*)::int as n, count(distinct txid)::int as txids, count(txid)::int as stamped
       from audit.audit_log a where tenant_id = $1 and request_id = $2`,
    [tenantId, `register-${user.sub.slice(0, 8)}`],
  );
  t.ok(rows[0].n > 1, 'registering a user left audit rows');
  t.same(
    rows[0],
    { n: rows[0].n, txids: 1, stamped: rows[0].n },
    'every one carries the one transaction that wrote them',
  );
  const triggers = await db.admin.query(
    `select tgname from pg_trigger where tgrelid = 'audit.audit_log'::regclass and not tgisinternal and tgtype & 4 = 4`,
  );
  t.same(triggers.rows, [], 'no insert trigger on the audit log: the write path pays for a default, nothing else');
});

t.test('a row beyond the last partition lands in the default one and moves when its month is made', async (t) => {
  const rows = await auditRows('2019-03-15T12:00:00Z', 3);
  t.same(
    new Set(rows.map((r) => r.partition)),
    new Set(['audit.audit_log_default']),
    'caught by the default partition',
  );
  const [status] = (await asAgent((c) => audit.listAuditPartitions.run(undefined, c))).filter(
    (p) => p.partitionName === 'audit_log_default',
  );
  t.equal(status.estimatedRows, '3', 'the partition status counts the default partition rows');

  const made = await db.admin.query(`select audit.create_month_partition('2019-03-01') as made`);
  t.equal(made.rows[0].made, true, 'the month is made although the default holds rows of it');
  const moved = await db.admin.query(
    `select id::text, tableoid::regclass::text as partition from audit.audit_log where table_name = 'app.test_rows' order by id`,
  );
  t.same(
    moved.rows,
    rows.map((r) => ({ id: r.id, partition: 'audit.audit_log_2019_03' })),
    'the same rows (same ids) now live in their month',
  );
  const again = await db.admin.query(`select audit.create_month_partition('2019-03-15') as made`);
  t.equal(again.rows[0].made, false, 'making it again is a no-op');
  // A row far beyond every partition stays in the default one, which is append-only again.
  const [far] = await auditRows('2098-01-01T00:00:00Z', 1);
  t.equal(far.partition, 'audit.audit_log_default', 'a row of 2098 is caught by the default partition');
  const appendOnly = await rejection(db.admin.query(`delete from audit.audit_log_default where id = $1`, [far.id]));
  t.equal(appendOnly.code, 'audit_log_append_only', 'the default partition is append-only again once reattached');
});

t.test('partitions are made ahead, idempotently, by concurrent makers too', async (t) => {
  // A stray row 20 months ahead waits in the default partition until its month is made.
  const ahead = new Date();
  ahead.setUTCDate(15);
  ahead.setUTCMonth(ahead.getUTCMonth() + 20);
  const [stray] = await auditRows(ahead.toISOString(), 1);
  t.equal(stray.partition, 'audit.audit_log_default', 'a row beyond the months made waits in the default partition');
  const made = await Promise.all([
    asAgent((c) => audit.ensureAuditPartitions.run({ monthsAhead: 24 }, c)),
    asOperator((c) => audit.ensureAuditPartitions.run({ monthsAhead: 24 }, c)),
  ]);
  t.equal(made[0][0].created + made[1][0].created, 12, 'the twelve months after the migrated ones, made once');
  const last = await db.admin.query(`select max(month) as m from audit.month_partitions()`);
  const expected = new Date();
  expected.setUTCDate(1);
  expected.setUTCMonth(expected.getUTCMonth() + 24);
  t.equal(String(last.rows[0].m).slice(0, 7), expected.toISOString().slice(0, 7), 'the last one is 24 months ahead');
  const moved = await db.admin.query(
    `select tableoid::regclass::text as partition from audit.audit_log where id = $1`,
    [stray.id],
  );
  t.same(
    moved.rows,
    [{ partition: `audit.audit_log_${ahead.toISOString().slice(0, 7).replace('-', '_')}` }],
    'making its month through the support procedure moved it there',
  );
  const [again] = await asAgent((c) => audit.ensureAuditPartitions.run({ monthsAhead: 24 }, c));
  t.equal(again.created, 0, 'again: nothing to make');
  // A month made while a writer's transaction is open: no wait (the lock would time out at 5 s), and
  // the new partition is guarded and indexed like the others.
  const open = await db.admin.connect();
  try {
    await open.query('begin');
    await open.query(
      `insert into audit.audit_log (actor_kind, table_name, row_id, operation) values ('system', 'app.busy', 'w', 'INSERT')`,
    );
    const [busy] = await asAgent((c) => audit.ensureAuditPartitions.run({ monthsAhead: 25 }, c));
    t.equal(busy.created, 1, 'the 25th month is made while a writer holds the audit log');
  } finally {
    await open.query('rollback').catch(() => {});
    open.release();
  }
  const shape = await db.admin.query(
    `select c.relname,
            (select count(*)::int from pg_index i where i.indrelid = c.oid) as indexes,
            (select array_agg(tgname::text order by tgname) from pg_trigger where tgrelid = c.oid) as triggers,
            c.relforcerowsecurity as forced
       from pg_class c where c.relname in ($1, $2) order by c.relname`,
    [
      `audit_log_${new Date().toISOString().slice(0, 7).replace('-', '_')}`,
      (await db.admin.query(`select partition_name from audit.month_partitions() order by month desc limit 1`)).rows[0]
        .partition_name,
    ],
  );
  t.equal(shape.rows.length, 2, 'this month and the newest one');
  t.same(
    { ...shape.rows[1], relname: undefined },
    { ...shape.rows[0], relname: undefined },
    'the newest month has the same indexes, append-only triggers and forced RLS as this one',
  );
  const bad = await rejection(asAgent((c) => audit.ensureAuditPartitions.run({ monthsAhead: 0 }, c)));
  t.equal(bad.code, 'invalid_months_ahead', 'a bounded horizon');
});

t.test('sealing takes only finished transactions and never waits for a writer', async (t) => {
  const month = new Date().toISOString().slice(0, 7);
  const partition = `audit_log_${month.replace('-', '_')}`;
  const open = await db.admin.connect();
  try {
    await open.query('begin');
    const early = await open.query(
      `insert into audit.audit_log (actor_kind, table_name, row_id, operation) values ('system', 'app.open_txn', 'early', 'INSERT') returning id::text`,
    );
    const later = await auditRows(new Date().toISOString(), 1);
    const sealed = await asAgent((c) => audit.sealAuditLog.run({ maxRows: 100000 }, c));
    t.ok(Array.isArray(sealed), 'the seal ran while a writer held its transaction open');
    const linked = await db.admin.query(
      `select audit_id::text from audit.audit_chain_links where partition_name = $1 and audit_id = any($2::bigint[])`,
      [partition, [early.rows[0].id, later[0].id]],
    );
    t.same(linked.rows, [], 'neither the open row nor a row committed after that transaction began is chained yet');
    await open.query('commit');
    await sealAll(partition);
    const result = await verify(`${month}-01`);
    t.equal(result.ok, true, 'after it commits, both are chained and the month verifies');
  } finally {
    await open.query('rollback').catch(() => {});
    open.release();
  }
});

t.test('verification finds an edited row, a deleted row and a row smuggled in behind the seal', async (t) => {
  await db.admin.query(`select audit.create_month_partition('2019-04-01'), audit.create_month_partition('2019-05-01')`);
  const march = await db.admin.query(`select id::text from audit.audit_log_2019_03 order by id`);
  const april = await auditRows('2019-04-10T08:00:00Z', 4);
  await sealAll('audit_log_2019_03');
  await sealAll('audit_log_2019_04');
  t.match(await verify('2019-03-01'), { ok: true, checkedRows: '3', problem: null }, 'March verifies');
  t.match(await verify('2019-04-20'), { ok: true, checkedRows: '4' }, 'April verifies (any day names its month)');

  const edited = march.rows[1].id;
  await tamper(`update audit.audit_log set changes = '{"n": 99}' where id = $1`, [edited]);
  t.match(
    await verify('2019-03-01'),
    { ok: false, problem: 'row_changed', firstBadAuditId: edited, firstBadSeq: '2' },
    'an edited row is found, by id and position',
  );

  const deleted = april[2].id;
  await tamper(`delete from audit.audit_log where id = $1`, [deleted]);
  t.match(
    await verify('2019-04-01'),
    { ok: false, problem: 'row_missing', firstBadAuditId: deleted },
    'a deleted row is found',
  );

  await auditRows('2019-05-02T00:00:00Z', 2);
  await sealAll('audit_log_2019_05');
  // Backdated to an old transaction, the row sorts before the chain's end, where no link names it.
  await tamper(
    `insert into audit.audit_log (actor_kind, table_name, row_id, operation, occurred_at, txid) values ('system', 'app.forged', 'x', 'DELETE', '2019-05-03', 3)`,
    [],
  );
  t.match(await verify('2019-05-01'), { ok: false, problem: 'row_not_chained', unchainedRows: '1' }, 'a smuggled row');

  const missing = await rejection(verify('2011-01-01'));
  t.equal(missing.code, 'audit_partition_not_found', 'a month without a partition: audit_partition_not_found');
  const reads = await db.admin.query(
    `select count(*)::int as n from audit.audit_log where table_name = 'support.sp_verify_audit_chain' and actor_id = $1`,
    [`cognito:${agentSub}`],
  );
  t.ok(reads.rows[0].n >= 5, 'each verification is itself audited, naming the staff member');
});

t.test('retention drops only old months that are sealed and verify; staff cannot run it', async (t) => {
  await db.admin.query(`select audit.create_month_partition('2019-06-01'), audit.create_month_partition('2019-07-01')`);
  await auditRows('2019-06-05T00:00:00Z', 2);
  await sealAll('audit_log_2019_06');
  // July: rows never sealed (nothing seals between this insert and the retention below).
  const staffRun = await rejection(asAgent((c) => audit.applyAuditRetention.run({ dryRun: true }, c)));
  t.equal(staffRun.code, 'operator_only', 'the staff door cannot run retention');
  const staffSet = await rejection(asAgent((c) => audit.setAuditRetention.run({ monthsKept: 12 }, c)));
  t.equal(staffSet.code, 'operator_only', 'nor change the policy');
  const tooShort = await rejection(asOperator((c) => audit.setAuditRetention.run({ monthsKept: 6 }, c)));
  t.equal(tooShort.code, 'invalid_retention', 'at least a year is kept');

  const [policy] = await db.admin.query(`select months_kept from app.audit_retention_policy`).then((r) => r.rows);
  t.equal(policy.months_kept, 84, 'seven years unless an operator says otherwise');
  await asOperator((c) => audit.setAuditRetention.run({ monthsKept: 12 }, c));
  await auditRows('2019-07-05T00:00:00Z', 1);

  const dry = await asOperator((c) => audit.applyAuditRetention.run({ dryRun: true }, c));
  const byName = Object.fromEntries(dry.map((r) => [r.partitionName, `${r.action}: ${r.reason}`]));
  t.match(byName, {
    audit_log_2019_03: 'kept: verification_failed: row_changed',
    audit_log_2019_04: 'kept: verification_failed: row_missing',
    audit_log_2019_05: 'kept: unsealed',
    audit_log_2019_06: 'would_drop: older than 12 months',
    audit_log_2019_07: 'kept: unsealed',
  });
  t.notOk(
    dry.some((r) => r.partitionName >= `audit_log_${new Date().getUTCFullYear() - 1}`),
    'nothing of the last year is touched',
  );

  const applied = await asOperator((c) => audit.applyAuditRetention.run({ dryRun: false }, c));
  t.same(
    applied.filter((r) => r.action === 'dropped').map((r) => r.partitionName),
    ['audit_log_2019_06'],
    'only the sealed, verified month is dropped',
  );
  const after = await db.admin.query(
    `select to_regclass('audit.audit_log_2019_06') as gone, to_regclass('audit.audit_log_2019_03')::text as kept,
            (select count(*)::int from audit.audit_chain_links where partition_name = 'audit_log_2019_06') as links,
            (select count(*)::int from audit.audit_seals where partition_name = 'audit_log_2019_06') as seals,
            (select changes from audit.audit_log where table_name = 'audit.audit_log_2019_06' and operation = 'DELETE') as record`,
  );
  t.match(
    after.rows[0],
    {
      gone: null,
      kept: 'audit.audit_log_2019_03',
      links: 0,
      record: { reason: 'retention', rows: 2, months_kept: 12 },
    },
    'the partition and its links are gone, the drop is in the audit log',
  );
  t.ok(after.rows[0].seals > 0, 'its seals stay as the record of what was dropped');
  const links = await rejection(
    db.admin.query(`delete from audit.audit_chain_links where partition_name = 'audit_log_2019_05'`),
  );
  t.equal(links.code, 'audit_log_append_only', "a live partition's links cannot be deleted");
});

t.test('every support read leaves a READ row naming the staff member', async (t) => {
  const tenantId = await makeTenant(db, 'reads');
  const user = await makeUser(db, tenantId, 'Rhea');
  const [tenant] = (await db.admin.query(`select slug from app.tenants where tenant_id = $1`, [tenantId])).rows;
  await asAgent((c) =>
    support.grantUnmask.run(
      { tenantId, userId: user.userId, reason: 'caller asked for help', ticketRef: 'T-1', minutes: 5 },
      c,
    ),
  );
  // Reads are named sp_find_, sp_get_, sp_list_, sp_read_, sp_verify_, sp_show_, sp_search_, sp_export_.
  // Exempt, with the reason: the API's token-routing loader reads the staff clients' ids every
  // few seconds under its own name (no staff member, no tenant data).
  // The two reads under a user's approved access (consent or break-glass) refuse without one: their
  // READ rows are asserted where an access is approved first (test/support_access.db.test.ts).
  const EXEMPT = new Set([
    'sp_list_staff_auth_clients',
    'sp_get_user_assets_unmasked',
    'sp_get_account_number',
    // Reads a report's evidence only while it waits for verification (test/legacy.http.test.ts).
    'sp_read_life_event_evidence',
  ]);
  const [dataRequest] = await db.as(user, (c) => gdpr.createDataRequest.run({ kind: 'export' }, c));
  const ARGS: Record<string, unknown> = {
    p_tenant_id: tenantId,
    p_user_id: user.userId,
    p_slug: tenant.slug,
    p_limit: 5,
    p_offset: 0,
    p_month: new Date().toISOString().slice(0, 8) + '01',
    p_request_id: dataRequest.requestId,
    p_after_seq: '0',
  };
  // Reads for operators only (app.require_operator: the outbox, webhook endpoints) are called
  // through the operators' login and name the operator; the door's staff are refused them.
  const { rows: reads } = await db.admin.query<{ name: string; args: string[] | null; operator_only: boolean }>(`
    select p.proname as name, p.proargnames[1:p.pronargs] as args,
           p.prosrc like '%app.require_operator()%' as operator_only
      from pg_proc p join pg_namespace n on n.oid = p.pronamespace
     where n.nspname = 'support' and p.proname ~ '^sp_(find|get|list|read|verify|show|search|export)_'
     order by 1`);
  t.ok(reads.length >= 14, `the catalog lists the support reads (${reads.length})`);
  for (const { name, args, operator_only: operatorOnly } of reads) {
    if (EXEMPT.has(name)) continue;
    const names = args ?? [];
    const requestId = `read-${name}`;
    const staff = {
      tenantId: null,
      actorKind: 'support' as const,
      actorId: `cognito:${agentSub}`,
      issuer: STAFF_ISSUER,
    };
    const actor = operatorOnly ? { ...staff, actorId: 'ops:reader', issuer: undefined } : staff;
    const call = (c: pg.PoolClient) =>
      c.query(
        `select * from support.${name}(${names.map((a, i) => `${a} => $${i + 1}`).join(', ')})`,
        names.map((a) => ARGS[a] ?? null),
      );
    if (operatorOnly) {
      const refused = await rejection(inContext(db.support, { ...staff, requestId: `${requestId}-staff` }, call));
      t.equal(refused.code, 'operator_only', `support.${name} is for operators only`);
    }
    await inContext(operatorOnly ? db.operator : db.support, { ...actor, requestId }, call);
    const { rows } = await db.admin.query(
      `select actor_kind, actor_id, operation from audit.audit_log where request_id = $1 and table_name = $2`,
      [requestId, `support.${name}`],
    );
    t.same(
      rows,
      [{ actor_kind: 'support', actor_id: actor.actorId, operation: 'READ' }],
      `support.${name} is recorded as a READ by the ${operatorOnly ? 'operator' : 'staff member'}`,
    );
  }
});

t.test(
  'the maintenance job: the operator CLI makes partitions, seals, applies retention and prints the heads',
  async (t) => {
    const { stdout } = await promisify(execFile)(
      process.execPath,
      ['--import', 'tsx', path.join(projectRoot, 'scripts', 'operator.ts'), 'audit-maintain', '--operator', 'cron'],
      { cwd: projectRoot, env: { ...process.env, DATABASE_OPERATOR_URL: db.operatorUrl } },
    );
    const out = JSON.parse(stdout);
    t.equal(out.partitionsCreated, 0, 'the months ahead were already made');
    t.ok(
      out.sealed.every((s: { headHash: string }) => /^[0-9a-f]{64}$/.test(s.headHash)),
      "each sealed partition's head is printed (for the job's log, off the database)",
    );
    t.match(
      out.retention.find((r: { partitionName: string }) => r.partitionName === 'audit_log_2019_07'),
      { action: 'dropped' },
      'July 2019, sealed by this run, verified and past retention, is dropped',
    );
    const { rows } = await db.admin.query(`select table_name from audit.audit_log where actor_id = 'cron' order by id`);
    t.same(
      rows.map((r) => r.table_name),
      ['support.sp_ensure_audit_partitions', 'support.sp_seal_audit_log', 'audit.audit_log_2019_07'],
      'the job is in the audit log under its operator name',
    );
  },
);

t.test(
  "a tenant's dump carries its audit rows, never the chains; imported rows are chained by the target's seal",
  async (t) => {
    const tenantId = await makeTenant(db, 'moving');
    await makeUser(db, tenantId, 'Mona');
    const [{ slug }] = (await db.admin.query(`select slug from app.tenants where tenant_id = $1`, [tenantId])).rows;
    const month = new Date().toISOString().slice(0, 7);
    await sealAll(`audit_log_${month.replace('-', '_')}`);
    const out = new PassThrough();
    const chunks: Buffer[] = [];
    out.on('data', (chunk: Buffer) => chunks.push(chunk));
    const counts = await exportTenant(db.adminUrl, slug, out);
    const dump = Buffer.concat(chunks).toString('utf8');
    t.ok(counts['audit.audit_log'] > 0, 'the audit rows are in the dump');
    t.notOk(/^audit\.audit_(chain_links|seals)\t/m.test(dump), 'the chain and the seals are not');

    const target = await testDatabase(t);
    await importTenant(target.adminUrl, Readable.from([dump]));
    const imported = await target.admin.query(
      `select count(*)::int as n, count(*) filter (where txid = (select max(txid) from audit.audit_log))::int as fresh
       from audit.audit_log where tenant_id = $1`,
      [tenantId],
    );
    t.equal(imported.rows[0].n, counts['audit.audit_log'], 'every audit row arrived');
    t.equal(imported.rows[0].fresh, imported.rows[0].n, "each carries the import's transaction, not the source's");
    const seal = () =>
      inContext(
        target.operator,
        { tenantId: null, actorKind: 'support', actorId: 'ops:import', requestId: 'seal-import' },
        (c) => audit.sealAuditLog.run({ maxRows: 100000 }, c),
      );
    for (let attempt = 0; attempt < 40; attempt++) {
      await seal();
      const left = await target.admin.query(
        `select count(*)::int as n from audit.audit_log a where a.tenant_id = $1
          and not exists (select 1 from audit.audit_chain_links l where l.audit_id = a.id)`,
        [tenantId],
      );
      if (left.rows[0].n === 0) break;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    const [verified] = await inContext(
      target.operator,
      { tenantId: null, actorKind: 'support', actorId: 'ops:import', requestId: 'verify-import' },
      (c) => audit.verifyAuditChain.run({ month: `${month}-01` }, c),
    );
    t.match(verified, { ok: true, problem: null }, "the target's month verifies with the imported rows chained");
  },
);
