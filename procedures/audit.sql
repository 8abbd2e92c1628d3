-- The audit log as evidence (issue 11, docs/audit.md): monthly partitions made ahead (and rows
-- that fell into the default partition moved when their month is made), a hash chain per
-- partition sealed by a maintenance job over rows of finished transactions only, its
-- verification, and retention that drops only sealed and verified partitions.

------------------------------------------------------------------------------------------------
-- Internal helpers (owner only)
------------------------------------------------------------------------------------------------

create or replace function audit.record_support_call(p_what text, p_operation text, p_row_id text, p_details jsonb)
  returns void
  language sql volatile
  set search_path = pg_catalog, pg_temp
as $$
  insert into audit.audit_log (tenant_id, actor_kind, actor_id, request_id, table_name, row_id, operation,
                               changed_columns, changes)
  values (null, app.current_actor_kind(), app.current_actor_id(), app.current_request_id(), p_what, p_row_id,
          p_operation, null, p_details)
$$;
comment on function audit.record_support_call(text, text, text, jsonb) is
  'Records an audit-maintenance action (seal, partitions, retention) in the audit log with the acting staff member or operator.';

create or replace function audit.month_partitions()
  returns table (partition_name text, month date)
  language sql stable
  set search_path = pg_catalog, pg_temp
as $$
  select c.relname::text, pg_catalog.to_date(pg_catalog.substr(c.relname, 11), 'YYYY_MM')
    from pg_catalog.pg_inherits i
    join pg_catalog.pg_class c on c.oid = i.inhrelid
   where i.inhparent = 'audit.audit_log'::regclass and c.relname ~ '^audit_log_[0-9]{4}_[0-9]{2}$'
   order by 2
$$;
comment on function audit.month_partitions() is 'The monthly partitions of the audit log (not the default one), oldest first.';

create or replace function audit.create_month_partition(p_month date) returns boolean
  language plpgsql volatile
  set search_path = pg_catalog, pg_temp
as $$
declare
  v_month date := pg_catalog.date_trunc('month', p_month)::date;
  v_next date := (pg_catalog.date_trunc('month', p_month) + interval '1 month')::date;
  v_name text := 'audit_log_' || pg_catalog.to_char(p_month, 'YYYY_MM');
  v_strays boolean;
begin
  if pg_catalog.to_regclass('audit.' || v_name) is not null then
    return false;
  end if;
  -- PostgreSQL refuses a partition whose range rows in the default partition already hold: take
  -- the default out, make the month, move those rows into it (the move's txid: the default is
  -- never sealed, so they are sealed with the month), put the default back.
  perform pg_catalog.set_config('audit.maintenance', 'on', true);
  v_strays := exists (select 1 from audit.audit_log d
                       where d.tableoid = 'audit.audit_log_default'::regclass
                         and d.occurred_at >= v_month and d.occurred_at < v_next);
  if v_strays then
    alter table audit.audit_log detach partition audit.audit_log_default;
    -- Detached, it is the owner's own table: read and emptied of that month without its policies.
    alter table audit.audit_log_default no force row level security;
  end if;
  if v_strays then
    execute pg_catalog.format(
      'create table audit.%I partition of audit.audit_log for values from (%L) to (%L)', v_name, v_month, v_next);
  else
    -- CREATE TABLE ... PARTITION OF locks the whole audit log (ACCESS EXCLUSIVE: every audited
    -- write would queue behind it); attaching a new empty table takes SHARE UPDATE EXCLUSIVE,
    -- which no writer or reader waits for.
    execute pg_catalog.format('create table audit.%I (like audit.audit_log including defaults including constraints)',
                              v_name);
    execute pg_catalog.format('alter table audit.audit_log attach partition audit.%I for values from (%L) to (%L)',
                              v_name, v_month, v_next);
  end if;
  execute pg_catalog.format('alter table audit.%I enable row level security', v_name);
  execute pg_catalog.format('alter table audit.%I force row level security', v_name);
  execute pg_catalog.format(
    'create trigger _000_no_truncate before truncate on audit.%I for each statement execute function audit.tg_audit_log__append_only()',
    v_name);
  if v_strays then
    insert into audit.audit_log (id, occurred_at, tenant_id, actor_kind, actor_id, request_id, table_name, row_id,
                                 operation, changed_columns, changes)
    overriding system value
    select d.id, d.occurred_at, d.tenant_id, d.actor_kind, d.actor_id, d.request_id, d.table_name, d.row_id,
           d.operation, d.changed_columns, d.changes
      from audit.audit_log_default d
     where d.occurred_at >= v_month and d.occurred_at < v_next;
    -- Detached, the default carries none of the parent's append-only row triggers.
    delete from audit.audit_log_default d where d.occurred_at >= v_month and d.occurred_at < v_next;
    alter table audit.audit_log_default force row level security;
    alter table audit.audit_log attach partition audit.audit_log_default default;
  end if;
  return true;
end
$$;
comment on function audit.create_month_partition(date) is
  'Creates one month''s audit partition (no-op when it exists), moving rows of that month out of the default partition.';

create or replace function audit.ensure_partitions(p_months_back integer default 1, p_months_ahead integer default 12)
  returns integer
  language plpgsql
  set search_path = pg_catalog, pg_temp
as $$
declare
  v_month date;
  v_created integer := 0;
begin
  -- One maker at a time (migrate, the maintenance job, an operator): each month is made once.
  perform pg_catalog.pg_advisory_xact_lock(pg_catalog.hashtext('audit-partitions'));
  -- Making a partition locks the audit log against writers for an instant: never queue behind a
  -- long transaction with every writer queued behind us (the next run tries again; months are made
  -- a year ahead).
  perform pg_catalog.set_config('lock_timeout', '5s', true);
  if pg_catalog.to_regclass('audit.audit_log_default') is null then
    create table audit.audit_log_default partition of audit.audit_log default;
    alter table audit.audit_log_default enable row level security;
    alter table audit.audit_log_default force row level security;
    create trigger _000_no_truncate before truncate on audit.audit_log_default
      for each statement execute function audit.tg_audit_log__append_only();
  end if;
  for v_month in
    select pg_catalog.generate_series(
             pg_catalog.date_trunc('month', pg_catalog.now()) - pg_catalog.make_interval(months => p_months_back),
             pg_catalog.date_trunc('month', pg_catalog.now()) + pg_catalog.make_interval(months => p_months_ahead),
             interval '1 month')::date
  loop
    if audit.create_month_partition(v_month) then
      v_created := v_created + 1;
    end if;
  end loop;
  return v_created;
end
$$;
comment on function audit.ensure_partitions(integer, integer) is
  'Creates the monthly audit partitions from p_months_back to p_months_ahead and the default one; run by every migrate and by the maintenance job.';

create or replace function audit.seal_partition(p_partition_name text, p_month date, p_max_rows integer)
  returns table (sealed_rows integer, last_seq bigint, head_hash bytea)
  language plpgsql volatile
  set search_path = pg_catalog, pg_temp
as $$
declare
  -- Transactions below the snapshot's xmin are finished: their rows are all visible and no more
  -- will come. Later ones wait for the next run; writers are never waited for.
  v_xmin bigint := pg_catalog.txid_snapshot_xmin(pg_catalog.txid_current_snapshot());
  v_last record;
  v_count integer;
  v_seq bigint;
  v_head bytea;
begin
  perform pg_catalog.set_config('audit.maintenance', 'on', true);
  select l.seq, l.txid, l.audit_id, l.chain_hash into v_last
    from audit.audit_chain_links l where l.partition_name = p_partition_name order by l.seq desc limit 1;
  with todo as (
    select a.id, coalesce(a.txid, 0) as txid, audit.row_digest(a) as row_hash
      from audit.audit_log a
     where a.occurred_at >= p_month and a.occurred_at < (p_month + interval '1 month')
       and coalesce(a.txid, 0) < v_xmin
       and (coalesce(a.txid, 0), a.id) > (coalesce(v_last.txid, -1), coalesce(v_last.audit_id, -1))
     order by 2, 1
     limit p_max_rows
  ), linked as (
    insert into audit.audit_chain_links (partition_name, seq, audit_id, txid, row_hash, chain_hash)
    select p_partition_name, coalesce(v_last.seq, 0) + pg_catalog.row_number() over w, t.id, t.txid, t.row_hash,
           audit.chain_hash(t.row_hash, coalesce(v_last.chain_hash, audit.chain_genesis(p_partition_name))) over w
      from todo t
    window w as (order by t.txid, t.id rows between unbounded preceding and current row)
    returning seq, chain_hash
  )
  select pg_catalog.count(*)::integer, pg_catalog.max(k.seq),
         (select k2.chain_hash from linked k2 order by k2.seq desc limit 1)
    into v_count, v_seq, v_head
    from linked k;
  if v_count > 0 then
    insert into audit.audit_seals (partition_name, sealed_by, snapshot_xmin, first_seq, last_seq, head_hash)
    values (p_partition_name, app.current_actor_id(), v_xmin, coalesce(v_last.seq, 0) + 1, v_seq, v_head);
  end if;
  return query select v_count, coalesce(v_seq, v_last.seq, 0::bigint), coalesce(v_head, v_last.chain_hash);
end
$$;
comment on function audit.seal_partition(text, date, integer) is
  'Chains up to p_max_rows not yet sealed rows of finished transactions of one partition, in (txid, id) order, and records the seal.';

create or replace function audit.verify_partition(p_partition_name text, p_month date)
  returns table (ok boolean, checked_rows bigint, unchained_rows bigint, first_bad_seq bigint,
                 first_bad_audit_id bigint, problem text, head_hash bytea)
  language plpgsql volatile
  set search_path = pg_catalog, pg_temp
as $$
declare
  v_genesis bytea := audit.chain_genesis(p_partition_name);
  v_checked bigint;
  v_bad record;
  v_last record;
  v_seal record;
  v_unchained bigint;
begin
  perform pg_catalog.set_config('audit.maintenance', 'on', true);
  select pg_catalog.count(*) into v_checked from audit.audit_chain_links l where l.partition_name = p_partition_name;
  -- Walk the links in order: a gap, a missing row, a row whose content changed, a link that does
  -- not follow from the previous one. The first one found is reported.
  select c.seq, c.audit_id,
         case when c.seq <> c.position then 'link_missing'
              when c.actual is null then 'row_missing'
              when c.actual <> c.row_hash then 'row_changed'
              else 'link_broken' end as problem
    into v_bad
    from (select l.seq, l.audit_id, l.row_hash, l.chain_hash,
                 pg_catalog.row_number() over w as position,
                 audit.chain_hash(l.row_hash, v_genesis) over w as expected,
                 (select audit.row_digest(a) from audit.audit_log a
                   where a.id = l.audit_id and a.occurred_at >= p_month
                     and a.occurred_at < (p_month + interval '1 month')) as actual
            from audit.audit_chain_links l
           where l.partition_name = p_partition_name
          window w as (order by l.seq rows between unbounded preceding and current row)) c
   where c.seq <> c.position or c.actual is null or c.actual <> c.row_hash or c.expected <> c.chain_hash
   order by c.seq
   limit 1;

  select l.seq, l.txid, l.audit_id, l.chain_hash into v_last
    from audit.audit_chain_links l where l.partition_name = p_partition_name order by l.seq desc limit 1;
  -- Rows at or below the chain's end that no link names: inserted behind the seal's back.
  select pg_catalog.count(*) into v_unchained
    from audit.audit_log a
   where a.occurred_at >= p_month and a.occurred_at < (p_month + interval '1 month')
     and (coalesce(a.txid, 0), a.id) <= (coalesce(v_last.txid, -1), coalesce(v_last.audit_id, -1))
     and not exists (select 1 from audit.audit_chain_links l
                      where l.partition_name = p_partition_name and l.audit_id = a.id);
  -- The last seal's head must still be the chain's end (links cut off at the end leave no gap).
  select s.last_seq, s.head_hash into v_seal
    from audit.audit_seals s where s.partition_name = p_partition_name order by s.id desc limit 1;

  if v_bad.seq is not null then
    return query select false, v_checked, v_unchained, v_bad.seq, v_bad.audit_id, v_bad.problem, v_last.chain_hash;
  elsif v_seal.last_seq is not null and (v_last.seq is null or v_seal.last_seq > v_last.seq
         or v_seal.head_hash <> (select l.chain_hash from audit.audit_chain_links l
                                  where l.partition_name = p_partition_name and l.seq = v_seal.last_seq)) then
    return query select false, v_checked, v_unchained, v_seal.last_seq, null::bigint, 'seal_mismatch', v_last.chain_hash;
  elsif v_unchained > 0 then
    return query select false, v_checked, v_unchained, null::bigint,
      (select pg_catalog.min(a.id) from audit.audit_log a
        where a.occurred_at >= p_month and a.occurred_at < (p_month + interval '1 month')
          and (coalesce(a.txid, 0), a.id) <= (coalesce(v_last.txid, -1), coalesce(v_last.audit_id, -1))
          and not exists (select 1 from audit.audit_chain_links l
                           where l.partition_name = p_partition_name and l.audit_id = a.id)),
      'row_not_chained', v_last.chain_hash;
  else
    return query select true, v_checked, v_unchained, null::bigint, null::bigint, null::text, v_last.chain_hash;
  end if;
end
$$;
comment on function audit.verify_partition(text, date) is
  'Recomputes a partition''s chain from its rows: ok, or the first link whose row is missing or changed, or that does not follow.';

create or replace function audit.partition_of_month(p_month date) returns text
  language plpgsql stable
  set search_path = pg_catalog, pg_temp
as $$
declare
  v_name text;
begin
  if p_month is null then
    perform app.fail('PT400', 'invalid_month', 'name the month of the audit partition (YYYY-MM-01)');
  end if;
  select m.partition_name into v_name from audit.month_partitions() m
   where m.month = pg_catalog.date_trunc('month', p_month)::date;
  if v_name is null then
    perform app.fail('PT404', 'audit_partition_not_found', 'no audit partition for this month');
  end if;
  return v_name;
end
$$;
comment on function audit.partition_of_month(date) is 'The audit partition of a month; raises invalid_month or audit_partition_not_found.';

------------------------------------------------------------------------------------------------
-- Support procedures
------------------------------------------------------------------------------------------------

create or replace function support.sp_list_audit_partitions()
  returns table (partition_name text, month date, estimated_rows bigint, sealed_rows bigint,
                 last_sealed_at timestamptz, head_hash text, retention_due boolean)
  language plpgsql volatile security definer
  set search_path = pg_catalog, pg_temp
as $$
#variable_conflict use_column
declare
  v_months_kept integer;
begin
  perform app.require_support_session();
  perform pg_catalog.set_config('audit.maintenance', 'on', true);
  select r.months_kept into v_months_kept from app.audit_retention_policy r;
  return query
    select m.partition_name, m.month, greatest(c.reltuples, 0)::bigint,
           coalesce(s.last_seq, 0), s.sealed_at, pg_catalog.encode(s.head_hash, 'hex'),
           m.month < (pg_catalog.date_trunc('month', pg_catalog.now()) - pg_catalog.make_interval(months => v_months_kept))
      from audit.month_partitions() m
      join pg_catalog.pg_class c on c.oid = ('audit.' || m.partition_name)::regclass
      left join lateral (select x.last_seq, x.sealed_at, x.head_hash from audit.audit_seals x
                          where x.partition_name = m.partition_name order by x.id desc limit 1) s on true
    union all
    -- The default partition holds rows dated outside every month made: it should be empty.
    select 'audit_log_default', null::date,
           (select pg_catalog.count(*) from audit.audit_log d where d.tableoid = 'audit.audit_log_default'::regclass),
           0::bigint,
           null::timestamptz, null::text, false
     order by 2 nulls last;
  perform app.audit_support_read(null, 'support.sp_list_audit_partitions', null, '{}');
end
$$;
comment on function support.sp_list_audit_partitions() is
  'Support: the audit log''s monthly partitions (estimated rows, sealed rows, last seal and its head, due for retention) and the default partition''s row count; audited.';
grant execute on function support.sp_list_audit_partitions() to estate_support;

create or replace function support.sp_verify_audit_chain(p_month date)
  returns table (partition_name text, ok boolean, checked_rows bigint, unchained_rows bigint, first_bad_seq bigint,
                 first_bad_audit_id bigint, problem text, head_hash text)
  language plpgsql volatile security definer
  set search_path = pg_catalog, pg_temp
as $$
#variable_conflict use_column
declare
  v_name text;
  v_result record;
begin
  perform app.require_support_session();
  v_name := audit.partition_of_month(p_month);
  select * into v_result from audit.verify_partition(v_name, pg_catalog.date_trunc('month', p_month)::date);
  perform app.audit_support_read(null, 'support.sp_verify_audit_chain', v_name,
    pg_catalog.jsonb_build_object('ok', v_result.ok, 'checked_rows', v_result.checked_rows,
                                  'problem', v_result.problem, 'first_bad_seq', v_result.first_bad_seq));
  return query select v_name, v_result.ok, v_result.checked_rows, v_result.unchained_rows, v_result.first_bad_seq,
                      v_result.first_bad_audit_id, v_result.problem, pg_catalog.encode(v_result.head_hash, 'hex');
end
$$;
comment on function support.sp_verify_audit_chain(date) is
  'Support: recomputes one month''s audit hash chain from its rows and reports ok or the first row missing, changed or not chained; audited.';
grant execute on function support.sp_verify_audit_chain(date) to estate_support;

create or replace function support.sp_seal_audit_log(p_max_rows integer)
  returns table (partition_name text, sealed_rows integer, last_seq bigint, head_hash text)
  language plpgsql volatile security definer
  set search_path = pg_catalog, pg_temp
as $$
#variable_conflict use_column
declare
  v_partition record;
  v_sealed record;
  v_total integer := 0;
begin
  perform app.require_support_session();
  if p_max_rows is null or p_max_rows not between 1 and 1000000 then
    perform app.fail('PT400', 'invalid_max_rows', 'seal 1 to 1000000 rows per partition and run');
  end if;
  -- Sealers take turns (writers never wait): two runs would both extend the same chain's end.
  perform pg_catalog.pg_advisory_xact_lock(pg_catalog.hashtext('audit-seal'));
  for v_partition in
    select m.partition_name, m.month from audit.month_partitions() m where m.month <= pg_catalog.now()
  loop
    select * into v_sealed from audit.seal_partition(v_partition.partition_name, v_partition.month, p_max_rows);
    v_total := v_total + v_sealed.sealed_rows;
    if v_sealed.sealed_rows > 0 then
      partition_name := v_partition.partition_name;
      sealed_rows := v_sealed.sealed_rows;
      last_seq := v_sealed.last_seq;
      head_hash := pg_catalog.encode(v_sealed.head_hash, 'hex');
      return next;
    end if;
  end loop;
  perform audit.record_support_call('support.sp_seal_audit_log', 'INSERT', null,
    pg_catalog.jsonb_build_object('sealed_rows', v_total, 'max_rows', p_max_rows));
end
$$;
comment on function support.sp_seal_audit_log(integer) is
  'Support and the maintenance job: extends each partition''s hash chain over rows of finished transactions (up to p_max_rows each); returns the partitions sealed and their heads; audited.';
grant execute on function support.sp_seal_audit_log(integer) to estate_support;

create or replace function support.sp_ensure_audit_partitions(p_months_ahead integer)
  returns integer
  language plpgsql volatile security definer
  set search_path = pg_catalog, pg_temp
as $$
declare
  v_created integer;
begin
  perform app.require_support_session();
  if p_months_ahead is null or p_months_ahead not between 1 and 36 then
    perform app.fail('PT400', 'invalid_months_ahead', 'make partitions 1 to 36 months ahead');
  end if;
  v_created := audit.ensure_partitions(1, p_months_ahead);
  perform audit.record_support_call('support.sp_ensure_audit_partitions', 'INSERT', null,
    pg_catalog.jsonb_build_object('months_ahead', p_months_ahead, 'created', v_created));
  return v_created;
end
$$;
comment on function support.sp_ensure_audit_partitions(integer) is
  'Support and the maintenance job: creates the audit log''s monthly partitions up to p_months_ahead months ahead (idempotent), moving stray rows out of the default partition; audited.';
grant execute on function support.sp_ensure_audit_partitions(integer) to estate_support;

create or replace function support.sp_set_audit_retention(p_months_kept integer)
  returns integer
  language plpgsql volatile security definer
  set search_path = pg_catalog, pg_temp
as $$
declare
  v_months integer;
begin
  perform app.require_operator();
  if p_months_kept is null or p_months_kept not between 12 and 1200 then
    perform app.fail('PT400', 'invalid_retention', 'keep the audit log 12 to 1200 months');
  end if;
  -- Audited by the policy table's trigger.
  update app.audit_retention_policy r set months_kept = p_months_kept where r.id returning r.months_kept into v_months;
  return v_months;
end
$$;
comment on function support.sp_set_audit_retention(integer) is
  'Operators: sets how many months of audit partitions are kept (12 to 1200; 84, seven years, unless set); audited.';
grant execute on function support.sp_set_audit_retention(integer) to estate_support;

create or replace function support.sp_apply_audit_retention(p_dry_run boolean)
  returns table (partition_name text, month date, action text, reason text)
  language plpgsql volatile security definer
  set search_path = pg_catalog, pg_temp
as $$
#variable_conflict use_column
declare
  v_months_kept integer;
  v_cutoff date;
  v_partition record;
  v_check record;
  v_rows bigint;
begin
  perform app.require_operator();
  if p_dry_run is null then
    perform app.fail('PT400', 'invalid_dry_run', 'say whether this is a dry run');
  end if;
  perform pg_catalog.pg_advisory_xact_lock(pg_catalog.hashtext('audit-partitions'));
  perform pg_catalog.pg_advisory_xact_lock(pg_catalog.hashtext('audit-seal'));
  -- Dropping a partition locks the audit log for an instant: never queue writers behind a long
  -- reader for more than this (the run fails and the next one tries again).
  perform pg_catalog.set_config('lock_timeout', '5s', true);
  select r.months_kept into v_months_kept from app.audit_retention_policy r;
  v_cutoff := (pg_catalog.date_trunc('month', pg_catalog.now()) - pg_catalog.make_interval(months => v_months_kept))::date;
  for v_partition in
    select m.partition_name, m.month from audit.month_partitions() m where m.month < v_cutoff
  loop
    partition_name := v_partition.partition_name;
    month := v_partition.month;
    -- Evidence is dropped only whole: every row chained, and the chain verified now.
    select * into v_check from audit.verify_partition(v_partition.partition_name, v_partition.month);
    select pg_catalog.count(*) into v_rows
      from audit.audit_log a
     where a.occurred_at >= v_partition.month and a.occurred_at < (v_partition.month + interval '1 month')
       and not exists (select 1 from audit.audit_chain_links l
                        where l.partition_name = v_partition.partition_name and l.audit_id = a.id);
    if v_rows > 0 then
      action := 'kept';
      reason := 'unsealed';
    elsif not v_check.ok then
      action := 'kept';
      reason := 'verification_failed: ' || v_check.problem;
    elsif p_dry_run then
      action := 'would_drop';
      reason := 'older than ' || v_months_kept || ' months';
    else
      perform audit.record_support_call('audit.' || v_partition.partition_name, 'DELETE', null,
        pg_catalog.jsonb_build_object('reason', 'retention', 'months_kept', v_months_kept,
                                      'rows', v_check.checked_rows, 'head_hash', pg_catalog.encode(v_check.head_hash, 'hex')));
      execute pg_catalog.format('drop table audit.%I', v_partition.partition_name);
      -- The seals stay: the record that the month existed, how many rows it held, and its head.
      delete from audit.audit_chain_links l where l.partition_name = v_partition.partition_name;
      action := 'dropped';
      reason := 'older than ' || v_months_kept || ' months';
    end if;
    return next;
  end loop;
end
$$;
comment on function support.sp_apply_audit_retention(boolean) is
  'Operators and the maintenance job: drops audit partitions older than the retention policy, only when fully sealed and verified (a dry run lists them); each drop audited.';
grant execute on function support.sp_apply_audit_retention(boolean) to estate_support;
