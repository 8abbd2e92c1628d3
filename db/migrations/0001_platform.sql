-- Platform: schemas, privileges, request context, audit log, tenants and their identity providers.
-- Runs as estate_owner (the runner does SET ROLE), so everything created here is owned by it.

-- No function is executable by PUBLIC unless granted one by one.
alter default privileges revoke execute on functions from public;

create schema app;      -- tables, views, types and internal helpers: no API role reaches it
create schema api;      -- sp_* procedures for tenant traffic
create schema support;  -- sp_* procedures for support staff
create schema audit;    -- the append-only audit log

comment on schema app is 'Tables, views and internal helpers; not reachable by the login roles.';
comment on schema api is 'Procedures that tenant traffic (estate_api) may execute.';
comment on schema support is 'Procedures that support staff (estate_support) may execute.';
comment on schema audit is 'Append-only audit log, written by triggers only.';

revoke all on schema app, api, support, audit from public;
grant usage on schema api to estate_api;
grant usage on schema support to estate_support;

------------------------------------------------------------------------------------------------
-- Request context: transaction-local settings set by the server in one statement per request.
-- Deny by default: a missing or empty value raises (after a transaction-local value reverts,
-- current_setting(..., true) returns '' rather than NULL).
------------------------------------------------------------------------------------------------

create function app.fail(p_sqlstate text, p_code text, p_message text) returns void
  language plpgsql volatile
  set search_path = pg_catalog, pg_temp
as $$
begin
  raise exception using errcode = p_sqlstate, message = p_message, hint = p_code;
end
$$;
comment on function app.fail(text, text, text) is
  'Raises an error with a SQLSTATE (decides the HTTP status) and a stable snake_case code (in HINT).';

create function app.current_tenant_id() returns uuid
  language plpgsql stable
  set search_path = pg_catalog, pg_temp
as $$
declare
  v_value text := pg_catalog.current_setting('app.tenant_id', true);
begin
  if v_value is null or v_value = '' then
    perform app.fail('42501', 'tenant_context_missing', 'no tenant context is set for this transaction');
  end if;
  return v_value::uuid;
end
$$;
comment on function app.current_tenant_id() is 'The tenant of the current transaction; raises when none is set.';

create function app.current_actor_kind() returns text
  language plpgsql stable
  set search_path = pg_catalog, pg_temp
as $$
declare
  v_value text := pg_catalog.current_setting('app.actor_kind', true);
begin
  if v_value is null or v_value = '' then
    return 'system';
  end if;
  if v_value not in ('user', 'support', 'api_key', 'system') then
    perform app.fail('42501', 'actor_context_invalid', 'the actor kind of this transaction is not valid');
  end if;
  return v_value;
end
$$;
comment on function app.current_actor_kind() is 'Who acts in this transaction: user, support, api_key or system (the default when unset).';

create function app.current_actor_id() returns text
  language sql stable
  set search_path = pg_catalog, pg_temp
as $$ select nullif(pg_catalog.current_setting('app.actor_id', true), '') $$;
comment on function app.current_actor_id() is 'The acting identity (Cognito subject, staff subject, API key id), or NULL.';

create function app.current_request_id() returns text
  language sql stable
  set search_path = pg_catalog, pg_temp
as $$ select nullif(pg_catalog.current_setting('app.request_id', true), '') $$;
comment on function app.current_request_id() is 'The HTTP request id of this transaction, for the audit log, or NULL.';

create function app.is_support_session() returns boolean
  language sql stable
  set search_path = pg_catalog, pg_temp
as $$
  -- session_user cannot be changed by SET ROLE: only a login as estate_support counts.
  select session_user = 'estate_support'
     and pg_catalog.current_setting('app.actor_kind', true) = 'support'
     and coalesce(pg_catalog.current_setting('app.actor_id', true), '') <> ''
$$;
comment on function app.is_support_session() is 'True when support staff, logged in as estate_support and named in the context, are acting.';

------------------------------------------------------------------------------------------------
-- Generic triggers
------------------------------------------------------------------------------------------------

create function app.tg__set_updated_at() returns trigger
  language plpgsql
  set search_path = pg_catalog, pg_temp
as $$
begin
  new.updated_at := pg_catalog.now();
  return new;
end
$$;
comment on function app.tg__set_updated_at() is 'Keeps updated_at equal to the time of the last change.';

------------------------------------------------------------------------------------------------
-- Audit log: append-only, partitioned by month, BRIN on time.
------------------------------------------------------------------------------------------------

create table audit.audit_log (
  id bigint generated always as identity,
  occurred_at timestamptz not null default pg_catalog.clock_timestamp(),
  tenant_id uuid,                          -- NULL only for global reference tables
  actor_kind text not null check (actor_kind in ('user', 'support', 'api_key', 'system')),
  actor_id text,
  request_id text,
  table_name text not null,
  row_id text,
  operation text not null check (operation in ('INSERT', 'UPDATE', 'DELETE')),
  changed_columns text[],
  changes jsonb,                           -- new values; sensitive columns as "[redacted]"
  primary key (id, occurred_at)
) partition by range (occurred_at);
comment on table audit.audit_log is 'Who changed what, when and in which request: SOC 2 evidence. Append-only.';

create index audit_log_occurred_at_brin on audit.audit_log using brin (occurred_at);
create index audit_log_tenant_time_idx on audit.audit_log (tenant_id, occurred_at);

alter table audit.audit_log enable row level security;
alter table audit.audit_log force row level security;
-- Rows come from triggers on rows that already passed their own table's tenant policies.
create policy insert_from_triggers on audit.audit_log for insert with check (true);
create policy select_own_tenant on audit.audit_log for select
  using (tenant_id = (select app.current_tenant_id()));

create function audit.tg_audit_log__append_only() returns trigger
  language plpgsql
  set search_path = pg_catalog, pg_temp
as $$
begin
  raise exception using errcode = '42501', message = 'the audit log is append-only', hint = 'audit_log_append_only';
end
$$;
comment on function audit.tg_audit_log__append_only() is 'Rejects UPDATE, DELETE and TRUNCATE on the audit log, whoever asks.';

create trigger _000_append_only before update or delete on audit.audit_log
  for each row execute function audit.tg_audit_log__append_only();
create trigger _000_no_truncate before truncate on audit.audit_log
  for each statement execute function audit.tg_audit_log__append_only();

create function audit.ensure_partitions(p_months_back integer default 1, p_months_ahead integer default 12)
  returns integer
  language plpgsql
  set search_path = pg_catalog, pg_temp
as $$
declare
  v_month date;
  v_name text;
  v_created integer := 0;
begin
  if not exists (select 1 from pg_catalog.pg_class c join pg_catalog.pg_namespace n on n.oid = c.relnamespace
                 where n.nspname = 'audit' and c.relname = 'audit_log_default') then
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
    v_name := 'audit_log_' || pg_catalog.to_char(v_month, 'YYYY_MM');
    continue when exists (select 1 from pg_catalog.pg_class c join pg_catalog.pg_namespace n on n.oid = c.relnamespace
                          where n.nspname = 'audit' and c.relname = v_name);
    execute pg_catalog.format(
      'create table audit.%I partition of audit.audit_log for values from (%L) to (%L)',
      v_name, v_month, (v_month + interval '1 month')::date);
    execute pg_catalog.format('alter table audit.%I enable row level security', v_name);
    execute pg_catalog.format('alter table audit.%I force row level security', v_name);
    execute pg_catalog.format(
      'create trigger _000_no_truncate before truncate on audit.%I for each statement execute function audit.tg_audit_log__append_only()',
      v_name);
    v_created := v_created + 1;
  end loop;
  return v_created;
end
$$;
comment on function audit.ensure_partitions(integer, integer) is
  'Creates the monthly audit partitions from p_months_back to p_months_ahead and the default one; run by every migrate.';

select audit.ensure_partitions();

create function audit.tg_audit__row() returns trigger
  language plpgsql
  set search_path = pg_catalog, pg_temp
as $$
declare
  v_new jsonb := case when tg_op in ('INSERT', 'UPDATE') then pg_catalog.to_jsonb(new) end;
  v_old jsonb := case when tg_op in ('UPDATE', 'DELETE') then pg_catalog.to_jsonb(old) end;
  v_row jsonb := coalesce(v_new, v_old);
  v_changes jsonb := '{}'::jsonb;
  v_columns text[] := '{}';
  v_key text;
begin
  if tg_op <> 'DELETE' then
    for v_key in select k from pg_catalog.jsonb_object_keys(v_new) as k order by k loop
      continue when v_key in ('tenant_id', 'id', 'created_at', 'updated_at');
      continue when tg_op = 'UPDATE' and (v_new -> v_key) is not distinct from (v_old -> v_key);
      v_columns := v_columns || v_key;
      v_changes := v_changes || pg_catalog.jsonb_build_object(
        v_key, case when v_key = any (tg_argv) then '"[redacted]"'::jsonb else v_new -> v_key end);
    end loop;
    if tg_op = 'UPDATE' and pg_catalog.cardinality(v_columns) = 0 then
      return null;  -- nothing but updated_at changed: nothing to record
    end if;
  end if;

  insert into audit.audit_log (tenant_id, actor_kind, actor_id, request_id, table_name, row_id,
                               operation, changed_columns, changes)
  values ((v_row ->> 'tenant_id')::uuid, app.current_actor_kind(), app.current_actor_id(),
          app.current_request_id(), tg_table_schema || '.' || tg_table_name,
          coalesce(v_row ->> 'id', v_row ->> 'tenant_id'),
          tg_op, case when tg_op <> 'DELETE' then v_columns end,
          case when tg_op <> 'DELETE' then v_changes end);
  return null;
end
$$;
comment on function audit.tg_audit__row() is
  'Writes one audit row per changed row; trigger arguments name the columns whose values are redacted.';

------------------------------------------------------------------------------------------------
-- Tenants (white-label partners) and the identity providers whose tokens map onto them.
------------------------------------------------------------------------------------------------

create table app.tenants (
  tenant_id uuid primary key default gen_random_uuid(),
  slug text not null unique check (slug ~ '^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$'),
  name text not null check (pg_catalog.length(pg_catalog.btrim(name)) between 1 and 200),
  status text not null default 'active' check (status in ('active', 'suspended', 'closed')),
  branding jsonb not null default '{}' check (pg_catalog.jsonb_typeof(branding) = 'object'),
  settings jsonb not null default '{}' check (pg_catalog.jsonb_typeof(settings) = 'object'),
  created_at timestamptz not null default pg_catalog.now(),
  updated_at timestamptz not null default pg_catalog.now()
);
comment on table app.tenants is 'White-label partner firms; the root of every tenant''s data (its key is the tenant_id).';

alter table app.tenants enable row level security;
alter table app.tenants force row level security;
create policy all_own_tenant on app.tenants for all
  using (tenant_id = (select app.current_tenant_id()))
  with check (tenant_id = (select app.current_tenant_id()));
create policy select_for_support on app.tenants for select
  using ((select app.is_support_session()));

create trigger _100_timestamps before update on app.tenants
  for each row execute function app.tg__set_updated_at();
create trigger _500_audit after insert or update or delete on app.tenants
  for each row execute function audit.tg_audit__row();

create table app.tenant_identity_providers (
  tenant_id uuid not null references app.tenants (tenant_id),
  id uuid not null default gen_random_uuid(),
  kind text not null check (kind in ('cognito', 'development')),
  issuer text not null unique check (issuer ~ '^https?://[^\s]+$'),
  user_pool_id text not null check (user_pool_id ~ '^[\w-]+_[0-9A-Za-z]+$'),
  region text check (region ~ '^[a-z]{2}(-[a-z]+)+-[0-9]+$'),
  created_at timestamptz not null default pg_catalog.now(),
  updated_at timestamptz not null default pg_catalog.now(),
  primary key (tenant_id, id),
  -- A real pool's issuer is derived from its region and id; a development issuer is whatever it says.
  check (kind <> 'cognito' or (region is not null
         and issuer = 'https://cognito-idp.' || region || '.amazonaws.com/' || user_pool_id))
);
comment on table app.tenant_identity_providers is
  'The Cognito user pools (or the development provider) whose users belong to a tenant; one issuer, one tenant.';

create table app.tenant_app_clients (
  tenant_id uuid not null,
  id uuid not null default gen_random_uuid(),
  provider_id uuid not null,
  client_id text not null check (client_id ~ '^[\w+]{1,128}$'),
  name text not null check (pg_catalog.length(pg_catalog.btrim(name)) between 1 and 200),
  status text not null default 'active' check (status in ('active', 'disabled')),
  created_at timestamptz not null default pg_catalog.now(),
  updated_at timestamptz not null default pg_catalog.now(),
  primary key (tenant_id, id),
  unique (tenant_id, provider_id, client_id),
  foreign key (tenant_id, provider_id) references app.tenant_identity_providers (tenant_id, id)
);
comment on table app.tenant_app_clients is
  'App clients of a tenant''s user pools: an access token''s (issuer, client_id) pair names its tenant.';

do $$
declare
  v_table text;
begin
  foreach v_table in array array['tenant_identity_providers', 'tenant_app_clients'] loop
    execute pg_catalog.format('alter table app.%I enable row level security', v_table);
    execute pg_catalog.format('alter table app.%I force row level security', v_table);
    -- Routing data (issuer, client id, tenant id: all printed in every token) is read before the
    -- tenant is known, so reading crosses tenants by design; writing stays inside the tenant.
    execute pg_catalog.format('create policy select_for_token_routing on app.%I for select using (true)', v_table);
    execute pg_catalog.format(
      'create policy write_own_tenant on app.%I for all using (tenant_id = (select app.current_tenant_id())) '
      'with check (tenant_id = (select app.current_tenant_id()))', v_table);
    execute pg_catalog.format(
      'create trigger _100_timestamps before update on app.%I for each row execute function app.tg__set_updated_at()', v_table);
    execute pg_catalog.format(
      'create trigger _500_audit after insert or update or delete on app.%I for each row execute function audit.tg_audit__row()', v_table);
  end loop;
end
$$;
