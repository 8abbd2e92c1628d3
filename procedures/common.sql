-- Helpers every domain's procedures use: who the caller is and whom they may act for, checks of
-- common inputs (pages, required text, emails, currencies), and the API's names for columns.
-- Internal (schema app: not executable by the login roles). The tenant context itself
-- (app.current_tenant_id, app.current_actor_*), app.fail and app.protect_tenant_table are defined
-- by the migrations (0001_platform.sql, 0008_billing.sql).

------------------------------------------------------------------------------------------------
-- The caller: the active tenant, the signed-in user, the personas they may act for
------------------------------------------------------------------------------------------------

create or replace function app.require_active_tenant() returns uuid
  language plpgsql stable security definer
  set search_path = pg_catalog, pg_temp
as $$
declare
  v_tenant_id uuid := app.current_tenant_id();
begin
  if not exists (select 1 from app.tenants t where t.tenant_id = v_tenant_id and t.status = 'active') then
    perform app.fail('PT403', 'tenant_inactive', 'this tenant is not active');
  end if;
  return v_tenant_id;
end
$$;
comment on function app.require_active_tenant() is 'The current tenant, after checking that it exists and is active.';

create or replace function app.current_user_id() returns uuid
  language plpgsql stable security definer
  set search_path = pg_catalog, pg_temp
as $$
declare
  v_tenant_id uuid := app.require_active_tenant();
  v_sub text := app.current_actor_id();
  v_user_id uuid;
  v_status text;
  v_session_ref text;
begin
  perform app.refuse_unaccepted_acting();
  -- API keys (0022): only a procedure that names the scope of its work admits one (app.current_user_id(text)).
  if app.current_actor_kind() = 'api_key' then
    perform app.fail('PT403', 'api_key_not_allowed', 'this operation is not available to API keys: use a user''s sign-in');
  end if;
  if app.current_actor_kind() <> 'user' or v_sub is null then
    perform app.fail('42501', 'user_context_missing', 'no signed-in user is named for this transaction');
  end if;
  select u.id, u.status into v_user_id, v_status
    from app.users u where u.tenant_id = v_tenant_id and u.cognito_sub = v_sub;
  if v_user_id is null then
    perform app.fail('PT403', 'user_not_registered', 'this identity is not registered yet: register first');
  end if;
  if v_status = 'suspended' then
    perform app.fail('PT403', 'user_suspended', 'this user is suspended: contact support');
  end if;
  if v_status <> 'active' then
    perform app.fail('PT403', 'user_inactive', 'this user is deactivated');
  end if;
  -- A sign-in support revoked (support.sp_revoke_user_sessions) is refused from its next request.
  v_session_ref := pg_catalog.current_setting('app.session_ref', true);
  if coalesce(v_session_ref, '') <> '' and exists (
       select 1 from app.user_sessions s
        where s.tenant_id = v_tenant_id and s.user_id = v_user_id and s.session_ref = v_session_ref
          and s.revoked_at is not null) then
    perform app.fail('PT401', 'session_revoked', 'this sign-in was ended: sign in again');
  end if;
  -- MFA (issue 11, docs/credentials.md): a tenant that requires it refuses a token obtained without it.
  perform app.require_token_mfa(v_tenant_id);
  return v_user_id;
end
$$;
comment on function app.current_user_id() is
  'The active user behind the transaction''s Cognito subject; raises when unregistered, deactivated, suspended, signed in through a revoked session, or without the MFA the tenant requires.';

-- MFA from the token (issue 11): the API carries the verified access token's estate_amr claim
-- (authentication methods, RFC 8176 style, set by the tenant's pre-token-generation trigger) into
-- app.token_amr, space-separated. A token counts as MFA when it holds "mfa" and a factor the
-- tenant's policy allows.
create or replace function app.token_amr() returns text[]
  language sql stable
  set search_path = pg_catalog, pg_temp
as $$
  select coalesce(pg_catalog.string_to_array(nullif(pg_catalog.current_setting('app.token_amr', true), ''), ' '), '{}')
$$;
comment on function app.token_amr() is 'The authentication methods of this transaction''s access token (its estate_amr claim), or an empty array.';

create or replace function app.token_has_mfa(p_factors text[]) returns boolean
  language sql stable
  set search_path = pg_catalog, pg_temp
as $$ select 'mfa' = any (app.token_amr()) and app.token_amr() && p_factors $$;
comment on function app.token_has_mfa(text[]) is 'True when the access token was obtained with MFA through one of the given factors.';

create or replace function app.require_token_mfa(p_tenant_id uuid) returns void
  language plpgsql stable security definer
  set search_path = pg_catalog, pg_temp
as $$
declare
  v_required boolean;
  v_factors text[];
begin
  select p.mfa_required, p.mfa_factors into v_required, v_factors
    from app.tenant_security_policies p where p.tenant_id = p_tenant_id;
  if coalesce(v_required, false) and not app.token_has_mfa(v_factors) then
    perform app.fail('PT403', 'mfa_required', 'this tenant requires multi-factor authentication: sign in again with MFA');
  end if;
end
$$;
comment on function app.require_token_mfa(uuid) is
  'Raises mfa_required when the tenant''s policy requires MFA and this transaction''s token was not obtained with an allowed factor.';

------------------------------------------------------------------------------------------------
-- API keys (0022, docs/api_keys.md): a key acts for the user who created it, within its scopes.
------------------------------------------------------------------------------------------------

create or replace function app.current_api_key() returns app.api_keys
  language plpgsql stable security definer
  set search_path = pg_catalog, pg_temp
as $$
declare
  v_tenant_id uuid := app.require_active_tenant();
  v_actor_id text := app.current_actor_id();
  v_key app.api_keys;
  v_status text;
begin
  if app.current_actor_kind() <> 'api_key' or v_actor_id is null then
    perform app.fail('42501', 'api_key_context_missing', 'no API key is named for this transaction');
  end if;
  if v_actor_id ~ '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$' then
    select * into v_key from app.api_keys k where k.tenant_id = v_tenant_id and k.id = v_actor_id::uuid;
  end if;
  -- Unknown, revoked and expired keys answer alike (as api.sp_authenticate_api_key does).
  if v_key.id is null or v_key.revoked_at is not null or v_key.expires_at <= pg_catalog.now() then
    perform app.fail('PT401', 'api_key_invalid', 'the API key is not valid (unknown, expired or revoked)');
  end if;
  -- The user it acts for meets the checks of a sign-in: not suspended, not deactivated.
  select u.status into v_status from app.users u where u.tenant_id = v_tenant_id and u.id = v_key.user_id;
  if v_status = 'suspended' then
    perform app.fail('PT403', 'user_suspended', 'this user is suspended: contact support');
  end if;
  if v_status is distinct from 'active' then
    perform app.fail('PT403', 'user_inactive', 'this user is deactivated');
  end if;
  -- The tenant's MFA policy holds for keys too: a key counts as its creating sign-in did.
  if exists (select 1 from app.tenant_security_policies p
              where p.tenant_id = v_tenant_id and p.mfa_required
                and not ('mfa' = any (v_key.created_with_amr) and v_key.created_with_amr && p.mfa_factors)) then
    perform app.fail('PT403', 'mfa_required',
                     'this tenant requires multi-factor authentication: the key was created by a sign-in without it; create a new key after signing in with MFA');
  end if;
  return v_key;
end
$$;
comment on function app.current_api_key() is
  'The API key of the transaction (actor kind api_key), after checking it is neither revoked nor expired, that its user is active, and that it was created with MFA when the tenant requires it.';

create or replace function app.current_user_id(p_scope text) returns uuid
  language plpgsql stable security definer
  set search_path = pg_catalog, pg_temp
as $$
declare
  v_key app.api_keys;
begin
  perform app.refuse_unaccepted_acting();
  if p_scope is not null and not p_scope = any (array['personas:read', 'assets:read', 'assets:write', 'net_worth:read']) then
    perform app.fail('22023', 'api_key_scope_unknown', pg_catalog.format('%s is not an API key scope', p_scope));
  end if;
  -- A signed-in user: every check of app.current_user_id(). NULL names no scope: no key is admitted.
  if p_scope is null or app.current_actor_kind() <> 'api_key' then
    return app.current_user_id();
  end if;
  v_key := app.current_api_key();
  -- A write scope includes its read (a write answers with what it wrote; If-Match reads first).
  if not (p_scope = any (v_key.scopes)
          or (p_scope like '%:read' and pg_catalog.replace(p_scope, ':read', ':write') = any (v_key.scopes))) then
    perform app.fail('PT403', 'api_key_scope_missing', pg_catalog.format('this API key lacks the %s scope', p_scope));
  end if;
  return v_key.user_id;
end
$$;
comment on function app.current_user_id(text) is
  'The user a procedure works for: a signed-in user as app.current_user_id(), or the creator of an API key that holds the scope (api_key_scope_missing otherwise); the procedures a key may reach call this one.';

create or replace function app.acting_persona_ids(p_user_id uuid) returns setof uuid
  language sql stable security definer
  set search_path = pg_catalog, pg_temp
as $$
  select up.persona_id from app.user_personas up
   where up.tenant_id = (select app.current_tenant_id()) and up.user_id = p_user_id
  union all
  -- In a request acting for someone that a procedure accepted (procedures/acting_for.sql): that person.
  -- The gate (a one-time filter, read before the row is made) spares every other request the call.
  select x.a from (select app.acting_for_persona_id(p_user_id) as a
                    where pg_catalog.current_setting('app.acting_for_user', true) <> '') x
   where x.a is not null
$$;
comment on function app.acting_persona_ids(uuid) is
  'The personas a user may act for: their own, those they are a delegate of, and the person a procedure accepted this request acting for.';

create or replace function app.require_persona_access(p_user_id uuid, p_persona_id uuid) returns void
  language plpgsql stable security definer
  set search_path = pg_catalog, pg_temp
as $$
begin
  -- Same answer for "another tenant's id", "no such id" and "not yours": nothing leaks.
  if p_persona_id is null or not exists (select 1 from app.acting_persona_ids(p_user_id) a where a = p_persona_id) then
    perform app.fail('PT404', 'persona_not_found', 'persona not found');
  end if;
end
$$;
comment on function app.require_persona_access(uuid, uuid) is 'Raises persona_not_found unless the user may act for the persona.';

------------------------------------------------------------------------------------------------
-- Inputs: pages, required text, emails, currencies
------------------------------------------------------------------------------------------------

create or replace function app.check_page(p_limit integer, p_offset integer, p_max integer default 500) returns void
  language plpgsql immutable
  set search_path = pg_catalog, pg_temp
as $$
begin
  if p_limit is null or p_limit not between 1 and p_max or p_offset is null or p_offset < 0 then
    perform app.fail('PT400', 'invalid_page', pg_catalog.format('limit must be 1 to %s and offset 0 or more', p_max));
  end if;
end
$$;
comment on function app.check_page(integer, integer, integer) is
  'Refuses a page outside 1..p_max rows (500 by default, as the API''s Page) or before the first row (invalid_page).';

create or replace function app.check_sort(p_sort text, p_allowed text[]) returns text
  language plpgsql immutable
  set search_path = pg_catalog, pg_temp
as $$
begin
  -- NULL: the list's own default order. Otherwise one of the list's documented keys (-key: descending).
  if p_sort is not null and not p_sort = any (p_allowed) then
    perform app.fail('PT400', 'invalid_sort', pg_catalog.format('sort must be one of %s', pg_catalog.array_to_string(p_allowed, ', ')));
  end if;
  return p_sort;
end
$$;
comment on function app.check_sort(text, text[]) is
  'Refuses a sort key outside the list''s allow-list (invalid_sort); NULL keeps the default order.';

create or replace function app.check_filter_text(p_q text) returns text
  language plpgsql immutable
  set search_path = pg_catalog, pg_temp
as $$
begin
  -- The q of a list: 1 to 200 characters, compared case-insensitively; NULL: no text filter.
  if p_q is not null and pg_catalog.length(pg_catalog.btrim(p_q)) not between 1 and 200 then
    perform app.fail('PT400', 'invalid_filter', 'q must be 1 to 200 characters');
  end if;
  return pg_catalog.lower(pg_catalog.btrim(p_q));
end
$$;
comment on function app.check_filter_text(text) is
  'Refuses a text filter q that is blank or longer than 200 characters (invalid_filter); returns it trimmed and lower-cased.';

create or replace function app.prefix_tsquery(p_q text) returns tsquery
  language sql immutable
  set search_path = pg_catalog, pg_temp
as $$
  -- Every word of q as a prefix ('vol car' finds "Volvo car"), punctuation dropped so no tsquery syntax gets through.
  select pg_catalog.to_tsquery('simple'::regconfig,
           coalesce(pg_catalog.string_agg(w || ':*', ' & '), ''))
    from pg_catalog.regexp_split_to_table(pg_catalog.lower(p_q), '[^[:alnum:]]+') w
   where w <> ''
$$;
comment on function app.prefix_tsquery(text) is
  'A tsquery matching every word of a text filter as a prefix, for the GIN-indexed search column of assets.';

create or replace function app.require_text(p_value text, p_code text, p_max_length integer) returns text
  language plpgsql stable
  set search_path = pg_catalog, pg_temp
as $$
declare
  v_value text := pg_catalog.btrim(p_value);
begin
  if v_value is null or v_value = '' or pg_catalog.length(v_value) > p_max_length then
    -- The field as the API names it (invalid_first_name: firstName), never the column.
    perform app.fail('PT400', p_code, pg_catalog.format('%s must be 1 to %s characters', app.camel_case(pg_catalog.replace(p_code, 'invalid_', '')), p_max_length));
  end if;
  return v_value;
end
$$;
comment on function app.require_text(text, text, integer) is 'Trims a required text input and checks its length, raising PT400 with the given code.';

create or replace function app.normalize_email(p_email text) returns text
  language plpgsql stable
  set search_path = pg_catalog, pg_temp
as $$
declare
  v_email text := pg_catalog.lower(pg_catalog.btrim(p_email));
begin
  if v_email is null or v_email !~ '^[^@\s]+@[^@\s]+\.[^@\s]+$' or pg_catalog.length(v_email) > 320 then
    perform app.fail('PT400', 'invalid_email', 'email is not a valid address');
  end if;
  return v_email;
end
$$;
comment on function app.normalize_email(text) is 'Lower-cases and checks an e-mail address, raising invalid_email.';

create or replace function app.check_currency(p_currency text) returns text
  language plpgsql immutable
  set search_path = pg_catalog, pg_temp
as $$
begin
  if p_currency is null or p_currency !~ '^[A-Z]{3}$' then
    perform app.fail('PT400', 'invalid_currency', 'currency must be an ISO 4217 code such as USD');
  end if;
  return p_currency;
end
$$;
comment on function app.check_currency(text) is 'Checks an ISO 4217 currency code.';

create or replace function app.currency_exponent(p_currency text) returns integer
  language sql immutable
  set search_path = pg_catalog, pg_temp
as $$
  select case
    when p_currency in ('BIF', 'CLP', 'DJF', 'GNF', 'JPY', 'KMF', 'KRW', 'MGA', 'PYG', 'RWF', 'UGX', 'VND', 'VUV', 'XAF', 'XOF', 'XPF') then 0
    when p_currency in ('BHD', 'JOD', 'KWD', 'OMR', 'TND') then 3
    else 2 end
$$;
comment on function app.currency_exponent(text) is 'Decimals of a currency''s minor unit as Stripe counts it: 0 (JPY...), 3 (KWD...) or 2.';

------------------------------------------------------------------------------------------------
-- Names: the API's camelCase and the columns' snake_case
------------------------------------------------------------------------------------------------

create or replace function app.snake_case(p_key text) returns text
  language sql immutable
  set search_path = pg_catalog, pg_temp
as $$ select pg_catalog.lower(pg_catalog.regexp_replace(p_key, '([a-z0-9])([A-Z])', '\1_\2', 'g')) $$;
comment on function app.snake_case(text) is 'camelCase (the API''s) to snake_case (the columns'').';

create or replace function app.camel_case(p_key text) returns text
  language sql immutable
  set search_path = pg_catalog, pg_temp
as $$
  select pg_catalog.string_agg(case when n = 1 then part else pg_catalog.initcap(part) end, '' order by n)
    from pg_catalog.unnest(pg_catalog.string_to_array(p_key, '_')) with ordinality as t(part, n)
$$;
comment on function app.camel_case(text) is 'snake_case (the columns'') to camelCase (the API''s).';
