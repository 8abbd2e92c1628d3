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
