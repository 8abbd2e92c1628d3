-- API keys (issue 11, docs/api_keys.md): a signed-in user creates keys for their firm's servers;
-- a key acts for that user, within its scopes, until it expires or is revoked. The API generates
-- the 256-bit secret and sends only its SHA-256 and the public prefix: no secret reaches the
-- database. Keys themselves never manage keys (app.current_user_id() refuses them).

------------------------------------------------------------------------------------------------
-- Authentication (called before the tenant is known)
------------------------------------------------------------------------------------------------

create or replace function api.sp_authenticate_api_key(p_prefix text, p_secret_sha256 bytea)
  returns table (tenant_id uuid, api_key_id uuid, expires_at timestamptz)
  language plpgsql volatile security definer
  set search_path = pg_catalog, pg_temp
as $$
#variable_conflict use_column
declare
  v_tenant_id uuid;
  v_id uuid;
  v_expires_at timestamptz;
  v_last_used_at timestamptz;
begin
  -- Opens the cross-tenant lookup policy of app.api_keys for the lookup and the last use only, and
  -- closes it before anything else runs; an error on the way aborts the (sub)transaction, which
  -- undoes the setting with it.
  perform pg_catalog.set_config('app.api_key_lookup', 'on', true);
  -- Unknown, wrong, revoked and expired keys: one answer, whatever was wrong.
  if p_prefix is not null and p_prefix ~ '^[0-9a-f]{16}$' and pg_catalog.octet_length(p_secret_sha256) = 32 then
    select k.tenant_id, k.id, k.expires_at, k.last_used_at into v_tenant_id, v_id, v_expires_at, v_last_used_at
      from app.api_keys k
     where k.prefix = p_prefix and k.secret_sha256 = p_secret_sha256
       and k.revoked_at is null and k.expires_at > pg_catalog.now();
  end if;
  if v_id is null then
    perform pg_catalog.set_config('app.api_key_lookup', '', true);
    perform app.fail('PT401', 'api_key_invalid', 'the API key is not valid (unknown, expired or revoked)');
  end if;
  -- The last use, at most once a minute: not a write per request.
  if v_last_used_at is null or v_last_used_at < pg_catalog.now() - interval '1 minute' then
    update app.api_keys k set last_used_at = pg_catalog.now() where k.tenant_id = v_tenant_id and k.id = v_id;
  end if;
  perform pg_catalog.set_config('app.api_key_lookup', '', true);
  return query select v_tenant_id, v_id, v_expires_at;
end
$$;
comment on function api.sp_authenticate_api_key(text, bytea) is
  'Finds a live API key by its public prefix and the SHA-256 of its secret, across tenants (api_key_invalid for an unknown, wrong, revoked or expired key), records its use at most once a minute, and names its tenant and id.';
grant execute on function api.sp_authenticate_api_key(text, bytea) to estate_api;

------------------------------------------------------------------------------------------------
-- The signed-in user's own keys
------------------------------------------------------------------------------------------------

create or replace function app.api_key_status(p_key app.api_keys) returns text
  language sql stable
  set search_path = pg_catalog, pg_temp
as $$
  select case when p_key.revoked_at is not null then 'revoked'
              when p_key.expires_at <= pg_catalog.now() then 'expired'
              else 'active' end
$$;
comment on function app.api_key_status(app.api_keys) is 'active, expired or revoked (revoked wins).';

create or replace function api.sp_create_api_key(p_name text, p_scopes text[], p_expires_in_days integer,
                                                 p_prefix text, p_secret_sha256 bytea)
  returns table (api_key_id uuid, name text, prefix text, scopes text[], status text, expires_at timestamptz,
                 last_used_at timestamptz, revoked_at timestamptz, created_at timestamptz)
  language plpgsql volatile security definer
  set search_path = pg_catalog, pg_temp
as $$
#variable_conflict use_column
declare
  -- No scope: a key cannot make keys.
  v_user_id uuid := app.current_user_id();
  v_tenant_id uuid := app.current_tenant_id();
  v_name text := app.require_text(p_name, 'invalid_name', 100);
  v_scopes text[];
  v_key app.api_keys;
begin
  if p_scopes is null or pg_catalog.cardinality(p_scopes) not between 1 and 4
     or not p_scopes <@ array['personas:read', 'assets:read', 'assets:write', 'net_worth:read'] then
    perform app.fail('PT400', 'invalid_scopes',
                     'scopes must be 1 to 4 of personas:read, assets:read, assets:write, net_worth:read');
  end if;
  v_scopes := array(select distinct s from pg_catalog.unnest(p_scopes) s order by s);
  if p_expires_in_days is null or p_expires_in_days not between 1 and 365 then
    perform app.fail('PT400', 'invalid_expiry', 'expiresInDays must be 1 to 365: every key expires within a year');
  end if;
  -- Made by the API (server/plugins/api_keys.ts): a wrong shape is a fault there, refused all the same.
  if p_prefix is null or p_prefix !~ '^[0-9a-f]{16}$' or pg_catalog.octet_length(p_secret_sha256) is distinct from 32 then
    perform app.fail('PT400', 'invalid_api_key_material', 'the key''s prefix or hash is malformed');
  end if;
  -- One creation at a time per user, so that concurrent ones cannot pass the limit together.
  perform 1 from app.users u where u.tenant_id = v_tenant_id and u.id = v_user_id for update;
  if (select pg_catalog.count(*) from app.api_keys k
       where k.tenant_id = v_tenant_id and k.user_id = v_user_id
         and k.revoked_at is null and k.expires_at > pg_catalog.now()) >= 10 then
    perform app.fail('PT409', 'api_key_limit_reached', 'a user holds at most 10 live API keys: revoke one first');
  end if;
  -- How this sign-in was authenticated goes with the key (app.current_api_key checks it against
  -- the tenant's MFA policy on every use).
  insert into app.api_keys (tenant_id, user_id, name, prefix, secret_sha256, scopes, expires_at, created_with_amr)
  values (v_tenant_id, v_user_id, v_name, p_prefix, p_secret_sha256, v_scopes,
          pg_catalog.now() + pg_catalog.make_interval(days => p_expires_in_days), app.token_amr())
  returning * into v_key;
  return query select v_key.id, v_key.name, v_key.prefix, v_key.scopes, app.api_key_status(v_key), v_key.expires_at,
                      v_key.last_used_at, v_key.revoked_at, v_key.created_at;
end
$$;
comment on function api.sp_create_api_key(text, text[], integer, text, bytea) is
  'Creates an API key acting for the signed-in user within the given scopes, expiring in 1 to 365 days (at most 10 live keys per user); takes the public prefix and the SHA-256 of the secret, never the secret.';
grant execute on function api.sp_create_api_key(text, text[], integer, text, bytea) to estate_api;

create or replace function api.sp_list_my_api_keys(p_limit integer, p_offset integer)
  returns table (api_key_id uuid, name text, prefix text, scopes text[], status text, expires_at timestamptz,
                 last_used_at timestamptz, revoked_at timestamptz, created_at timestamptz, total integer)
  language plpgsql stable security definer
  set search_path = pg_catalog, pg_temp
as $$
#variable_conflict use_column
declare
  v_user_id uuid := app.current_user_id();
begin
  perform app.check_page(p_limit, p_offset);
  -- Never the hash: a key is shown once, at its creation.
  return query
    select k.id, k.name, k.prefix, k.scopes, app.api_key_status(k), k.expires_at, k.last_used_at, k.revoked_at,
           k.created_at, (pg_catalog.count(*) over ())::integer
      from app.api_keys k
     where k.tenant_id = app.current_tenant_id() and k.user_id = v_user_id
     order by k.created_at desc, k.id
     limit p_limit offset p_offset;
end
$$;
comment on function api.sp_list_my_api_keys(integer, integer) is
  'The signed-in user''s API keys (active, expired and revoked), newest first, without their secrets; a page at a time with the total.';
grant execute on function api.sp_list_my_api_keys(integer, integer) to estate_api;

create or replace function api.sp_revoke_api_key(p_api_key_id uuid)
  returns void
  language plpgsql volatile security definer
  set search_path = pg_catalog, pg_temp
as $$
declare
  v_user_id uuid := app.current_user_id();
  v_tenant_id uuid := app.current_tenant_id();
begin
  -- Another user's, another tenant's and an unknown id answer alike, and change nothing.
  if p_api_key_id is null or not exists (
       select 1 from app.api_keys k where k.tenant_id = v_tenant_id and k.user_id = v_user_id and k.id = p_api_key_id) then
    perform app.fail('PT404', 'api_key_not_found', 'API key not found');
  end if;
  -- Refused from its next request on (app.current_api_key); revoking again changes nothing.
  update app.api_keys k set revoked_at = pg_catalog.now()
   where k.tenant_id = v_tenant_id and k.user_id = v_user_id and k.id = p_api_key_id and k.revoked_at is null;
end
$$;
comment on function api.sp_revoke_api_key(uuid) is
  'Revokes one of the signed-in user''s API keys: it is refused from its next request on (api_key_invalid); again is a no-op.';
grant execute on function api.sp_revoke_api_key(uuid) to estate_api;
