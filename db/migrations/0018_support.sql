-- Support staff's own door (issue 11): the staff's Cognito user pools and app clients, the staff
-- members themselves, suspended users, revocable sessions, and reads by support in the audit log.
-- The staff tables are global (no tenant_id): staff serve every tenant, and only support sessions
-- may read or write them.

create table app.support_identity_providers (
  id uuid primary key default gen_random_uuid(),
  kind text not null check (kind in ('cognito', 'development')),
  issuer text not null unique check (issuer ~ '^https?://[^\s]+$'),
  user_pool_id text not null check (user_pool_id ~ '^[\w-]+_[0-9A-Za-z]+$'),
  region text check (region ~ '^[a-z]{2}(-[a-z]+)+-[0-9]+$'),
  created_at timestamptz not null default pg_catalog.now(),
  updated_at timestamptz not null default pg_catalog.now(),
  check (kind <> 'cognito' or (region is not null
         and issuer = 'https://cognito-idp.' || region || '.amazonaws.com/' || user_pool_id))
);
comment on table app.support_identity_providers is
  'Global: the Cognito user pools (or the development provider) support staff sign in with; never a tenant''s pool.';

create table app.support_app_clients (
  id uuid primary key default gen_random_uuid(),
  provider_id uuid not null references app.support_identity_providers (id),
  client_id text not null check (client_id ~ '^[\w+]{1,128}$'),
  name text not null check (pg_catalog.length(pg_catalog.btrim(name)) between 1 and 200),
  status text not null default 'active' check (status in ('active', 'disabled')),
  created_at timestamptz not null default pg_catalog.now(),
  updated_at timestamptz not null default pg_catalog.now(),
  unique (provider_id, client_id)
);
comment on table app.support_app_clients is
  'Global: app clients of the staff pools; a staff access token''s (issuer, client_id) pair opens the support door.';

create table app.support_staff (
  id uuid primary key default gen_random_uuid(),
  provider_id uuid not null references app.support_identity_providers (id),
  cognito_sub text not null unique check (cognito_sub ~ '^[\w-]{1,128}$'),
  email text not null check (email ~ '^[^@\s]+@[^@\s]+\.[^@\s]+$' and pg_catalog.length(email) <= 320),
  display_name text not null check (pg_catalog.length(pg_catalog.btrim(display_name)) between 1 and 200),
  status text not null default 'active' check (status in ('active', 'suspended')),
  created_at timestamptz not null default pg_catalog.now(),
  updated_at timestamptz not null default pg_catalog.now()
);
comment on table app.support_staff is
  'Global: support staff members, one per staff-pool subject; a suspended member is refused on the next request.';
create index support_staff_provider_idx on app.support_staff (provider_id);

do $$
declare
  v_table text;
begin
  foreach v_table in array array['support_identity_providers', 'support_app_clients', 'support_staff'] loop
    execute pg_catalog.format('alter table app.%I enable row level security', v_table);
    execute pg_catalog.format('alter table app.%I force row level security', v_table);
    execute pg_catalog.format(
      'create policy all_for_support on app.%I for all using ((select app.is_support_session())) '
      'with check ((select app.is_support_session()))', v_table);
    execute pg_catalog.format(
      'create trigger _100_timestamps before update on app.%I for each row execute function app.tg__set_updated_at()', v_table);
    execute pg_catalog.format(
      'create trigger _500_audit after insert or update or delete on app.%I for each row execute function audit.tg_audit__row()', v_table);
  end loop;
end
$$;

-- Support may suspend a user (and reactivate them); deactivation stays the user's own closing.
alter table app.users drop constraint users_status_check;
alter table app.users add constraint users_status_check check (status in ('active', 'deactivated', 'suspended'));
alter table app.users add column suspended_at timestamptz;
alter table app.users add constraint users_suspended_at_check check ((status = 'suspended') = (suspended_at is not null));

-- A revoked session's tokens (same Cognito sign-in, origin_jti) are refused on their next request.
alter table app.user_sessions add column revoked_at timestamptz;
alter table app.user_sessions add column revoked_by text check (pg_catalog.length(revoked_by) <= 200);
alter table app.user_sessions add constraint user_sessions_revoked_check check ((revoked_at is null) = (revoked_by is null));

-- Reads by support staff are recorded like writes: operation READ, the procedure as table_name.
alter table audit.audit_log drop constraint audit_log_operation_check;
alter table audit.audit_log add constraint audit_log_operation_check
  check (operation in ('INSERT', 'UPDATE', 'DELETE', 'READ'));
create index audit_log_tenant_request_idx on audit.audit_log (tenant_id, request_id);
create index audit_log_tenant_actor_idx on audit.audit_log (tenant_id, actor_id, occurred_at);
create index audit_log_tenant_row_idx on audit.audit_log (tenant_id, row_id, occurred_at);

-- PII unmasked by reason: a time-limited grant naming the staff member, the user whose contact
-- data they may see in clear, a reason and a ticket; each view counted. The user sees the grants
-- as access records (api.sp_list_my_support_access).
create table app.support_unmask_grants (
  tenant_id uuid not null,
  id uuid not null default gen_random_uuid(),
  user_id uuid not null,
  staff_actor text not null check (pg_catalog.length(staff_actor) between 1 and 200),
  scope text not null check (scope in ('contact_data')),
  reason text not null check (pg_catalog.length(pg_catalog.btrim(reason)) between 10 and 500),
  ticket_ref text not null check (ticket_ref ~ '^[A-Za-z0-9][A-Za-z0-9._#/-]{0,63}$'),
  granted_at timestamptz not null default pg_catalog.now(),
  expires_at timestamptz not null,
  view_count integer not null default 0 check (view_count >= 0),
  last_viewed_at timestamptz,
  created_at timestamptz not null default pg_catalog.now(),
  updated_at timestamptz not null default pg_catalog.now(),
  primary key (tenant_id, id),
  foreign key (tenant_id, user_id) references app.users (tenant_id, id),
  check (expires_at > granted_at and expires_at <= granted_at + interval '4 hours')
);
comment on table app.support_unmask_grants is
  'Time-limited grants letting one staff member see a user''s contact data in clear, with reason and ticket; the user sees them.';
create index support_unmask_grants_user_idx on app.support_unmask_grants (tenant_id, user_id, expires_at);
select app.protect_tenant_table('support_unmask_grants');
