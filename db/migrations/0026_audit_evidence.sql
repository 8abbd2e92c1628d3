-- The audit log as evidence (issue 11): each row's content hash taken at insert, a hash chain per
-- monthly partition built afterwards by a sealing job (never on the write path, never across
-- tenants' writers), the seals' heads, and a retention policy (docs/audit.md).

-- The transaction that wrote a row: sealing takes only rows of certainly finished transactions.
-- A column default, nothing more on the write path (a content hash per insert, in a trigger or a
-- generated column, measured 20 to 60 us per audit row: docs/audit.md). Added without a default
-- first, so existing rows are not rewritten (they read NULL: written before any seal).
alter table audit.audit_log add column txid bigint;
alter table audit.audit_log alter column txid set default pg_catalog.txid_current();
comment on column audit.audit_log.txid is 'The writing transaction''s id (txid_current()): the sealing order and its "certainly finished" test.';
-- Rows arrive in transaction order, so a BRIN on txid finds the rows a seal has not taken yet.
create index audit_log_txid_brin on audit.audit_log using brin (txid);

-- The canonical content of an audit row. Never change it: every sealed row is verified with it.
-- Times as epoch microseconds (a timestamptz's text depends on the session's TimeZone).
-- No SET search_path here nor in chain_step (every name is qualified, pg_catalog is searched
-- first, only the owner calls them): a SET stops inlining and costs a configuration switch per row.
create function audit.row_digest(p_row audit.audit_log) returns bytea
  language sql stable
as $$
  select pg_catalog.sha256(pg_catalog.convert_to(pg_catalog.jsonb_build_array(
    p_row.id, (extract(epoch from p_row.occurred_at) * 1000000)::bigint, p_row.tenant_id, p_row.actor_kind,
    p_row.actor_id, p_row.request_id, p_row.table_name, p_row.row_id, p_row.operation,
    pg_catalog.to_jsonb(p_row.changed_columns), p_row.changes, p_row.txid)::text, 'UTF8'))
$$;
comment on function audit.row_digest(audit.audit_log) is
  'sha256 of an audit row''s canonical content (every column); the unit of the hash chain, taken when the row is sealed.';

------------------------------------------------------------------------------------------------
-- The chain: one link per sealed row, in (txid, id) order per partition; one seal per run.
------------------------------------------------------------------------------------------------

create table audit.audit_chain_links (
  partition_name text not null check (partition_name ~ '^audit_log_[0-9]{4}_[0-9]{2}$'),
  seq bigint not null check (seq > 0),
  audit_id bigint not null,
  txid bigint not null,
  row_hash bytea not null check (pg_catalog.length(row_hash) = 32),
  chain_hash bytea not null check (pg_catalog.length(chain_hash) = 32),
  primary key (partition_name, seq),
  unique (partition_name, audit_id)
);
comment on table audit.audit_chain_links is
  'Global: the hash chain of each monthly audit partition, one link per sealed row: chain_hash = sha256(previous chain_hash || row_hash).';

create table audit.audit_seals (
  id bigint generated always as identity primary key,
  partition_name text not null check (partition_name ~ '^audit_log_[0-9]{4}_[0-9]{2}$'),
  sealed_at timestamptz not null default pg_catalog.now(),
  sealed_by text,
  snapshot_xmin bigint not null,
  first_seq bigint not null check (first_seq > 0),
  last_seq bigint not null,
  head_hash bytea not null check (pg_catalog.length(head_hash) = 32),
  check (last_seq >= first_seq)
);
comment on table audit.audit_seals is
  'Global: each sealing run of a partition: which links it added and the chain''s head then (to be copied off the database as evidence).';
create index audit_seals_partition_idx on audit.audit_seals (partition_name, id);

create function audit.tg_audit_chain__append_only() returns trigger
  language plpgsql
  set search_path = pg_catalog, pg_temp
as $$
begin
  -- A partition's links go only with the partition itself (dropped by retention), never before.
  if tg_op = 'DELETE' and pg_catalog.to_regclass('audit.' || pg_catalog.quote_ident(old.partition_name)) is null then
    return old;
  end if;
  raise exception using errcode = '42501', message = 'the audit chain is append-only', hint = 'audit_log_append_only';
end
$$;
comment on function audit.tg_audit_chain__append_only() is
  'Rejects UPDATE of chain links and seals, and DELETE while their partition exists (retention drops it first).';

do $$
declare
  v_table text;
begin
  foreach v_table in array array['audit_chain_links', 'audit_seals'] loop
    execute pg_catalog.format('alter table audit.%I enable row level security', v_table);
    execute pg_catalog.format('alter table audit.%I force row level security', v_table);
    -- No login role holds a privilege on the audit schema: only the owner's procedures reach these.
    execute pg_catalog.format('create policy owner_procedures on audit.%I for all using (true) with check (true)', v_table);
    execute pg_catalog.format(
      'create trigger _000_append_only before update or delete on audit.%I for each row execute function audit.tg_audit_chain__append_only()',
      v_table);
    execute pg_catalog.format(
      'create trigger _000_no_truncate before truncate on audit.%I for each statement execute function audit.tg_audit_log__append_only()',
      v_table);
  end loop;
end
$$;

------------------------------------------------------------------------------------------------
-- Retention: how many months of audit partitions are kept (7 years unless operators say otherwise).
------------------------------------------------------------------------------------------------

create table app.audit_retention_policy (
  id boolean primary key default true check (id),
  months_kept integer not null default 84 check (months_kept between 12 and 1200),
  created_at timestamptz not null default pg_catalog.now(),
  updated_at timestamptz not null default pg_catalog.now()
);
comment on table app.audit_retention_policy is
  'Global, one row: how many months of audit partitions are kept; older ones are dropped once sealed and verified.';
alter table app.audit_retention_policy enable row level security;
alter table app.audit_retention_policy force row level security;
-- Global, reached only through the owner's procedures (no login role holds a privilege on app).
create policy owner_procedures on app.audit_retention_policy for all using (true) with check (true);
create trigger _100_timestamps before update on app.audit_retention_policy
  for each row execute function app.tg__set_updated_at();
create trigger _500_audit after insert or update or delete on app.audit_retention_policy
  for each row execute function audit.tg_audit__row();
insert into app.audit_retention_policy default values;

-- One step of a partition's chain: sha256(previous link || row hash), the first from the genesis.
-- As an aggregate over (row_hash order by seq) it yields every link of the chain in one query.
create function audit.chain_step(p_state bytea, p_row_hash bytea, p_genesis bytea) returns bytea
  language sql immutable parallel safe
as $$ select pg_catalog.sha256(coalesce(p_state, p_genesis) operator(pg_catalog.||) p_row_hash) $$;
comment on function audit.chain_step(bytea, bytea, bytea) is
  'One link of an audit partition''s hash chain: sha256(previous chain hash, or the genesis, || row hash).';
create aggregate audit.chain_hash(bytea, bytea) (sfunc = audit.chain_step, stype = bytea);
comment on aggregate audit.chain_hash(bytea, bytea) is
  'The hash chain over row hashes in window order, from a genesis: audit.chain_hash(row_hash, genesis) over (order by seq).';

create function audit.chain_genesis(p_partition_name text) returns bytea
  language sql immutable
  set search_path = pg_catalog, pg_temp
as $$ select pg_catalog.sha256(pg_catalog.convert_to('estate-vault audit chain ' || p_partition_name, 'UTF8')) $$;
comment on function audit.chain_genesis(text) is 'The fixed start of a partition''s hash chain, derived from its name.';

-- Sealing, verifying and moving rows out of the default partition read every tenant's rows: only
-- the owner's audit procedures do, saying so for their own transaction (no login role may touch
-- the audit schema, so no one else can).
-- One policy, the maintenance test first: app.current_tenant_id() raises when no tenant is set,
-- and a second permissive policy would not stop it being evaluated.
drop policy select_own_tenant on audit.audit_log;
create policy select_own_tenant on audit.audit_log for select
  using (case when (select pg_catalog.current_setting('audit.maintenance', true)) = 'on' then true
              else tenant_id = (select app.current_tenant_id()) end);
