-- Tenancy procedures for support staff and operators: create tenants and register the Cognito
-- user pools and app clients whose tokens name them. Re-applied whenever this file changes.

create or replace function app.require_support_session() returns void
  language plpgsql stable
  set search_path = pg_catalog, pg_temp
as $$
declare
  v_status text;
begin
  if not app.is_support_session() then
    perform app.fail('42501', 'support_context_missing', 'only a support session named in the context may do this');
  end if;
  -- Two logins, told apart by session_user (set_config cannot change it). The operators' login
  -- (estate_operator, the operator CLI) names operators and never a staff member of the door: an
  -- operator cannot pass as staff member B by naming B's subject.
  if session_user = 'estate_operator' then
    if app.current_actor_id() like 'cognito:%' then
      perform app.fail('PT403', 'staff_member_only', 'only a staff member signed in through the support door may act as one');
    end if;
    return;
  end if;
  -- The door's login (estate_support) acts only as a staff member signed in through a staff pool
  -- (cognito:<sub>), registered and active, checked in this transaction: a suspension holds from
  -- the next request. The subject counts only in the pool that issued the token (app.actor_issuer,
  -- set by the door from the verified token): another pool's subject of the same name is no one.
  if app.current_actor_id() not like 'cognito:%' then
    perform app.fail('PT403', 'operator_only', 'only an operator (the operator CLI) may act without a staff identity');
  end if;
  select s.status into v_status
    from app.support_staff s join app.support_identity_providers p on p.id = s.provider_id
   where s.cognito_sub = pg_catalog.substr(app.current_actor_id(), 9)
     and p.issuer = pg_catalog.current_setting('app.actor_issuer', true);
  if v_status is null then
    perform app.fail('PT403', 'staff_not_registered', 'this identity is not a registered staff member');
  end if;
  if v_status <> 'active' then
    perform app.fail('PT403', 'staff_inactive', 'this staff member is suspended');
  end if;
end
$$;
comment on function app.require_support_session() is
  'Raises unless support are named in the context: through the door''s login (estate_support) only a registered, active staff member (cognito:<sub> of the issuing pool, app.actor_issuer); through the operators'' login (estate_operator) only operators, never a staff member''s name.';

create or replace function app.enter_tenant_as_support(p_tenant_id uuid) returns uuid
  language plpgsql volatile security definer
  set search_path = pg_catalog, pg_temp
as $$
begin
  perform app.require_support_session();
  if p_tenant_id is null or not exists (select 1 from app.tenants t where t.tenant_id = p_tenant_id) then
    perform app.fail('PT404', 'tenant_not_found', 'tenant not found');
  end if;
  -- Transaction-local: the rest of this support call runs inside that tenant's boundary.
  perform pg_catalog.set_config('app.tenant_id', p_tenant_id::text, true);
  return p_tenant_id;
end
$$;
comment on function app.enter_tenant_as_support(uuid) is
  'Checks the support session and sets the tenant context of the rest of the transaction to the given tenant.';

create or replace function support.sp_create_tenant(p_slug text, p_name text, p_branding jsonb default '{}',
                                                    p_settings jsonb default '{}')
  returns table (tenant_id uuid, slug text, name text, status text, created_at timestamptz)
  language plpgsql volatile security definer
  set search_path = pg_catalog, pg_temp
as $$
#variable_conflict use_column
declare
  v_tenant_id uuid := gen_random_uuid();
  v_slug text := pg_catalog.lower(pg_catalog.btrim(p_slug));
begin
  perform app.require_support_session();
  if v_slug is null or v_slug !~ '^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$' then
    perform app.fail('PT400', 'invalid_slug', 'slug must be 1 to 63 lower-case letters, digits or inner hyphens');
  end if;
  if coalesce(pg_catalog.jsonb_typeof(p_branding), 'object') <> 'object'
     or coalesce(pg_catalog.jsonb_typeof(p_settings), 'object') <> 'object' then
    perform app.fail('PT400', 'invalid_settings', 'branding and settings must be JSON objects');
  end if;
  if exists (select 1 from app.tenants t where t.slug = v_slug) then
    perform app.fail('PT409', 'tenant_slug_taken', 'a tenant with this slug exists');
  end if;
  perform pg_catalog.set_config('app.tenant_id', v_tenant_id::text, true);
  return query
    insert into app.tenants as t (tenant_id, slug, name, branding, settings)
    values (v_tenant_id, v_slug, app.require_text(p_name, 'invalid_name', 200),
            coalesce(p_branding, '{}'), coalesce(p_settings, '{}'))
    returning t.tenant_id, t.slug, t.name, t.status, t.created_at;
end
$$;
comment on function support.sp_create_tenant(text, text, jsonb, jsonb) is 'Creates a white-label partner (tenant) with its branding and settings.';
grant execute on function support.sp_create_tenant(text, text, jsonb, jsonb) to estate_support;

create or replace function support.sp_get_tenant_by_slug(p_slug text)
  returns table (tenant_id uuid, slug text, name text, status text, created_at timestamptz)
  language plpgsql volatile security definer
  set search_path = pg_catalog, pg_temp
as $$
#variable_conflict use_column
declare
  v_tenant_id uuid;
begin
  perform app.require_support_session();
  select t.tenant_id into v_tenant_id from app.tenants t where t.slug = pg_catalog.lower(pg_catalog.btrim(p_slug));
  if v_tenant_id is null then
    perform app.fail('PT404', 'tenant_not_found', 'tenant not found');
  end if;
  return query
    select t.tenant_id, t.slug, t.name, t.status, t.created_at from app.tenants t where t.tenant_id = v_tenant_id;
  perform app.audit_support_read(v_tenant_id, 'support.sp_get_tenant_by_slug', v_tenant_id::text, '{}');
end
$$;
comment on function support.sp_get_tenant_by_slug(text) is 'Finds a tenant by its slug; audited.';
grant execute on function support.sp_get_tenant_by_slug(text) to estate_support;

create or replace function support.sp_register_identity_provider(p_tenant_id uuid, p_kind text, p_user_pool_id text,
                                                                 p_region text default null, p_issuer text default null)
  returns table (provider_id uuid, issuer text)
  language plpgsql volatile security definer
  set search_path = pg_catalog, pg_temp
as $$
#variable_conflict use_column
declare
  v_tenant_id uuid := app.enter_tenant_as_support(p_tenant_id);
  v_issuer text;
  v_owner uuid;
  v_id uuid;
begin
  if p_kind = 'cognito' then
    if p_region is null or p_region !~ '^[a-z]{2}(-[a-z]+)+-[0-9]+$' then
      perform app.fail('PT400', 'invalid_region', 'a Cognito pool needs its AWS region, e.g. eu-west-1');
    end if;
    if p_user_pool_id is null or p_user_pool_id !~ ('^' || p_region || '_[0-9A-Za-z]+$') then
      perform app.fail('PT400', 'invalid_user_pool_id', 'a Cognito user pool id looks like <region>_<id>');
    end if;
    v_issuer := 'https://cognito-idp.' || p_region || '.amazonaws.com/' || p_user_pool_id;
  elsif p_kind = 'development' then
    if p_issuer is null or p_issuer !~ '^https?://[^\s]+$' then
      perform app.fail('PT400', 'invalid_issuer', 'a development provider needs its issuer URL');
    end if;
    if p_user_pool_id is null or p_user_pool_id !~ '^[\w-]+_[0-9A-Za-z]+$' then
      perform app.fail('PT400', 'invalid_user_pool_id', 'a user pool id looks like <prefix>_<id>');
    end if;
    v_issuer := pg_catalog.rtrim(p_issuer, '/');
  else
    perform app.fail('PT400', 'invalid_provider_kind', 'provider kind must be cognito or development');
  end if;

  -- One pool, one door: a staff pool never names a tenant (support.sp_register_staff_pool).
  perform pg_catalog.pg_advisory_xact_lock(pg_catalog.hashtext('identity-provider-issuer'));
  if exists (select 1 from app.support_identity_providers s where s.issuer = v_issuer) then
    perform app.fail('PT409', 'issuer_taken', 'this user pool belongs to support staff');
  end if;
  select p.tenant_id, p.id into v_owner, v_id from app.tenant_identity_providers p where p.issuer = v_issuer;
  if v_owner is not null and v_owner <> v_tenant_id then
    perform app.fail('PT409', 'issuer_taken', 'this user pool belongs to another tenant');
  end if;
  if v_id is null then
    insert into app.tenant_identity_providers (tenant_id, kind, issuer, user_pool_id, region)
    values (v_tenant_id, p_kind, v_issuer, p_user_pool_id, p_region)
    returning id into v_id;
  end if;
  return query select v_id, v_issuer;
end
$$;
comment on function support.sp_register_identity_provider(uuid, text, text, text, text) is
  'Registers a tenant''s Cognito user pool (or the development provider); registering it again returns the same id.';
grant execute on function support.sp_register_identity_provider(uuid, text, text, text, text) to estate_support;

create or replace function support.sp_register_app_client(p_tenant_id uuid, p_provider_id uuid, p_client_id text,
                                                          p_name text)
  returns uuid
  language plpgsql volatile security definer
  set search_path = pg_catalog, pg_temp
as $$
declare
  v_tenant_id uuid := app.enter_tenant_as_support(p_tenant_id);
  v_id uuid;
begin
  if not exists (select 1 from app.tenant_identity_providers p where p.tenant_id = v_tenant_id and p.id = p_provider_id) then
    perform app.fail('PT404', 'provider_not_found', 'identity provider not found for this tenant');
  end if;
  if p_client_id is null or p_client_id !~ '^[\w+]{1,128}$' then
    perform app.fail('PT400', 'invalid_client_id', 'app client id must be 1 to 128 word characters');
  end if;
  insert into app.tenant_app_clients (tenant_id, provider_id, client_id, name)
  values (v_tenant_id, p_provider_id, p_client_id, app.require_text(p_name, 'invalid_name', 200))
  on conflict (tenant_id, provider_id, client_id) do update set status = 'active'
  returning id into v_id;
  return v_id;
end
$$;
comment on function support.sp_register_app_client(uuid, uuid, text, text) is
  'Registers (or re-activates) an app client of a tenant''s user pool, so its access tokens are accepted for that tenant.';
grant execute on function support.sp_register_app_client(uuid, uuid, text, text) to estate_support;

create or replace function support.sp_set_app_client_status(p_tenant_id uuid, p_client_id text, p_status text)
  returns table (app_client_id uuid, client_id text, issuer text, status text, updated_at timestamptz)
  language plpgsql volatile security definer
  set search_path = pg_catalog, pg_temp
as $$
#variable_conflict use_column
declare
  v_tenant_id uuid := app.enter_tenant_as_support(p_tenant_id);
begin
  if p_status is null or p_status not in ('active', 'disabled') then
    perform app.fail('PT400', 'invalid_status', 'an app client''s status is active or disabled');
  end if;
  -- The API's token routing table is at most AUTH_ROUTING_MAX_AGE_SECONDS old: a disabled
  -- client's tokens are refused by every instance within that bound (docs/decisions.md).
  return query
    update app.tenant_app_clients c set status = p_status
      from app.tenant_identity_providers p
     where c.tenant_id = v_tenant_id and c.client_id = p_client_id
       and p.tenant_id = c.tenant_id and p.id = c.provider_id
    returning c.id, c.client_id, p.issuer, c.status, c.updated_at;
  if not found then
    perform app.fail('PT404', 'app_client_not_found', 'no such app client in this tenant');
  end if;
end
$$;
comment on function support.sp_set_app_client_status(uuid, text, text) is
  'Disables (or re-activates) a tenant''s app client: its tokens are refused once the API''s routing table is reloaded (at most AUTH_ROUTING_MAX_AGE_SECONDS later).';
grant execute on function support.sp_set_app_client_status(uuid, text, text) to estate_support;

create or replace function support.sp_set_tenant_status(p_tenant_id uuid, p_status text)
  returns table (tenant_id uuid, slug text, name text, status text, created_at timestamptz)
  language plpgsql volatile security definer
  set search_path = pg_catalog, pg_temp
as $$
#variable_conflict use_column
declare
  v_tenant_id uuid := app.enter_tenant_as_support(p_tenant_id);
begin
  if p_status is null or p_status not in ('active', 'suspended', 'closed') then
    perform app.fail('PT400', 'invalid_status', 'a tenant''s status is active, suspended or closed');
  end if;
  -- Every tenant procedure checks the tenant's status in the caller's own transaction
  -- (app.require_active_tenant): the next request after this commits is refused.
  return query
    update app.tenants t set status = p_status where t.tenant_id = v_tenant_id
    returning t.tenant_id, t.slug, t.name, t.status, t.created_at;
end
$$;
comment on function support.sp_set_tenant_status(uuid, text) is
  'Suspends, closes or re-activates a tenant: every request of its users is refused (tenant_inactive) from the next one on.';
grant execute on function support.sp_set_tenant_status(uuid, text) to estate_support;

------------------------------------------------------------------------------------------------
-- Browser origins (CORS) of a tenant's white-label apps
------------------------------------------------------------------------------------------------

create or replace function app.normalize_origin(p_origin text) returns text
  language plpgsql immutable
  set search_path = pg_catalog, pg_temp
as $$
declare
  v text := pg_catalog.lower(pg_catalog.btrim(p_origin));
  v_port integer;
begin
  -- Exactly what a browser sends as Origin: scheme, host, optional port. No path (not even "/"),
  -- query, user info or wildcard; https only, except http on loopback for development.
  if v is null or pg_catalog.length(v) > 253
     or not (v ~ '^https://[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*(:[0-9]{1,5})?$'
             or v ~ '^http://(localhost|127\.0\.0\.1)(:[0-9]{1,5})?$') then
    perform app.fail('PT400', 'invalid_origin',
      'an origin is https://host[:port] (http only for localhost or 127.0.0.1), with no path or wildcard');
  end if;
  if v ~ ':[0-9]+$' then
    v_port := pg_catalog.substring(v, ':([0-9]+)$')::integer;
    if v_port < 1 or v_port > 65535 then
      perform app.fail('PT400', 'invalid_origin', 'an origin''s port is 1 to 65535');
    end if;
    -- Browsers leave the scheme's default port out of Origin.
    if (v like 'https://%' and v_port = 443) or (v like 'http://%' and v_port = 80) then
      v := pg_catalog.regexp_replace(v, ':[0-9]+$', '');
    end if;
  end if;
  return v;
end
$$;
comment on function app.normalize_origin(text) is
  'Checks a browser origin (https://host[:port], or http://localhost|127.0.0.1[:port]) and returns it as browsers send it, raising invalid_origin.';

create or replace function support.sp_set_tenant_allowed_origins(p_tenant_id uuid, p_origins text[])
  returns table (tenant_id uuid, origin text)
  language plpgsql volatile security definer
  set search_path = pg_catalog, pg_temp
as $$
#variable_conflict use_column
declare
  v_tenant_id uuid := app.enter_tenant_as_support(p_tenant_id);
  v_origins text[];
begin
  if p_origins is null or pg_catalog.cardinality(p_origins) > 20 then
    perform app.fail('PT400', 'invalid_origin', 'give 0 to 20 origins');
  end if;
  select coalesce(pg_catalog.array_agg(distinct app.normalize_origin(o)), '{}') into v_origins
    from pg_catalog.unnest(p_origins) o;
  -- The list replaces the previous one; every row added or removed is audited (support actor).
  delete from app.tenant_allowed_origins a where a.tenant_id = v_tenant_id and a.origin <> all (v_origins);
  insert into app.tenant_allowed_origins (tenant_id, origin)
  select v_tenant_id, o from pg_catalog.unnest(v_origins) o
  on conflict do nothing;
  return query
    select a.tenant_id, a.origin from app.tenant_allowed_origins a
     where a.tenant_id = v_tenant_id order by a.origin;
end
$$;
comment on function support.sp_set_tenant_allowed_origins(uuid, text[]) is
  'Replaces the browser origins a tenant''s apps may call the API from (CORS); the API applies the change within AUTH_ROUTING_MAX_AGE_SECONDS.';
grant execute on function support.sp_set_tenant_allowed_origins(uuid, text[]) to estate_support;

create or replace function api.sp_list_allowed_origins()
  returns table (tenant_id uuid, origin text)
  language sql stable security definer
  set search_path = pg_catalog, pg_temp
as $$
  select a.tenant_id, a.origin from app.tenant_allowed_origins a order by a.origin, a.tenant_id
$$;
comment on function api.sp_list_allowed_origins() is
  'Every tenant''s allowed browser origins, read before the tenant is known: the API answers CORS preflights from them.';
grant execute on function api.sp_list_allowed_origins() to estate_api;
