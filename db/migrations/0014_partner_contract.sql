-- Issue 10 (the partner's contract): tenants' browser origins (CORS), deletable circles, the asset list row.

-- The browser origins each tenant's white-label apps are served from (CORS, issue 10). Set by
-- support (support.sp_set_tenant_allowed_origins, the operator CLI's set-origins); the API reads
-- every tenant's list before the tenant is known (a preflight carries no token) and, after
-- authentication, refuses a browser Origin the token's tenant does not allow.
create table app.tenant_allowed_origins (
  tenant_id uuid not null references app.tenants (tenant_id),
  id uuid not null default gen_random_uuid(),
  origin text not null check (
    origin ~ '^https://[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*(:[0-9]{1,5})?$'
    or origin ~ '^http://(localhost|127\.0\.0\.1)(:[0-9]{1,5})?$'),
  created_at timestamptz not null default pg_catalog.now(),
  updated_at timestamptz not null default pg_catalog.now(),
  primary key (tenant_id, id),
  unique (tenant_id, origin)
);
comment on table app.tenant_allowed_origins is
  'Browser origins (scheme, host, port) a tenant''s white-label apps call the API from: CORS allows them for that tenant''s tokens only.';
create index tenant_allowed_origins_origin_idx on app.tenant_allowed_origins (origin);

alter table app.tenant_allowed_origins enable row level security;
alter table app.tenant_allowed_origins force row level security;
-- Like the token routing data: read before the tenant is known (any browser's preflight shows
-- whether an origin is allowed anyway); written inside the tenant only.
create policy select_for_cors on app.tenant_allowed_origins for select using (true);
create policy write_own_tenant on app.tenant_allowed_origins for all
  using (tenant_id = (select app.current_tenant_id()))
  with check (tenant_id = (select app.current_tenant_id()));
create trigger _100_timestamps before update on app.tenant_allowed_origins
  for each row execute function app.tg__set_updated_at();
create trigger _500_audit after insert or update or delete on app.tenant_allowed_origins
  for each row execute function audit.tg_audit__row();

-- Issue 10's circle endpoints: a deleted circle is kept (seats and the audit log name it) with
-- its members removed, its pending invitations revoked and the grants to it dropped.
alter table app.fwd_family_circles add column deleted_at timestamptz;
comment on column app.fwd_family_circles.deleted_at is
  'When an owner deleted the circle (api.sp_delete_ffc): no member is left, it no longer counts against the plan; NULL while it lives.';

-- A circle as its members see it (sp_get_ffc, sp_update_ffc).
create type app.ffc_row as (
  ffc_id uuid,
  name text,
  description text,
  my_role text,
  member_count integer,
  created_at timestamptz,
  updated_at timestamptz
);
comment on type app.ffc_row is 'A family circle as a member sees it: name, description, the caller''s role, active members.';

-- An asset in a list (sp_list_my_assets, sp_list_ffc_assets): its latest value with that
-- value's own currency, and what the caller may do with it.
create type app.asset_list_row as (
  asset_id uuid,
  asset_type text,
  category_code text,
  name text,
  currency text,
  is_liability boolean,
  identifier_masked text,
  current_value numeric,
  current_value_currency text,
  valued_on date,
  my_access text,
  created_at timestamptz
);
comment on type app.asset_list_row is 'An asset in a list: type, name, masked identifier, latest value in its own currency, the caller''s access.';
