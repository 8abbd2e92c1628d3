-- Identity procedures: registration, sign-in, the current user, personas, their contact data
-- and relationships. Re-applied by the migration runner whenever this file changes.

------------------------------------------------------------------------------------------------
-- Internal helpers (schema app: not executable by the login roles)
------------------------------------------------------------------------------------------------

create or replace function app.check_life_dates(p_date_of_birth date, p_living_status text, p_date_of_death date) returns void
  language plpgsql stable
  set search_path = pg_catalog, pg_temp
as $$
begin
  if p_date_of_birth is not null and (p_date_of_birth > current_date or p_date_of_birth < date '1850-01-01') then
    perform app.fail('PT400', 'invalid_date_of_birth', 'date of birth must be between 1850-01-01 and today');
  end if;
  if p_living_status not in ('living', 'incapacitated', 'deceased') then
    perform app.fail('PT400', 'invalid_living_status', 'living status must be living, incapacitated or deceased');
  end if;
  if p_date_of_death is not null and (p_living_status <> 'deceased' or p_date_of_death > current_date
                                      or p_date_of_death < coalesce(p_date_of_birth, date '1850-01-01')) then
    perform app.fail('PT400', 'invalid_date_of_death', 'date of death needs living status deceased, and must lie between birth and today');
  end if;
end
$$;
comment on function app.check_life_dates(date, text, date) is 'Validates birth date, living status and death date together.';

drop function if exists app.persona_details(uuid);
create or replace function app.persona_details(p_persona_id uuid)
  returns setof app.persona_row
  language sql stable security definer
  set search_path = pg_catalog, pg_temp
as $$
  select p.id, p.first_name, p.middle_name, p.last_name, p.preferred_name, p.date_of_birth,
         p.date_of_birth > current_date - interval '18 years',
         p.living_status, p.date_of_death,
         (select up.user_id from app.user_personas up
           where up.tenant_id = p.tenant_id and up.persona_id = p.id and up.link_kind = 'self'),
         coalesce((select pg_catalog.jsonb_agg(pg_catalog.jsonb_build_object(
                     'id', e.id, 'email', e.email, 'label', e.label, 'isPrimary', e.is_primary)
                     order by e.is_primary desc, e.created_at)
                   from app.persona_emails e where e.tenant_id = p.tenant_id and e.persona_id = p.id), '[]'),
         coalesce((select pg_catalog.jsonb_agg(pg_catalog.jsonb_build_object(
                     'id', ph.id, 'phoneNumber', ph.phone_number, 'label', ph.label, 'isPrimary', ph.is_primary)
                     order by ph.is_primary desc, ph.created_at)
                   from app.persona_phones ph where ph.tenant_id = p.tenant_id and ph.persona_id = p.id), '[]'),
         coalesce((select pg_catalog.jsonb_agg(pg_catalog.jsonb_build_object(
                     'id', a.id, 'label', a.label, 'line1', a.line1, 'line2', a.line2, 'city', a.city,
                     'region', a.region, 'postalCode', a.postal_code, 'countryCode', a.country_code,
                     'isPrimary', a.is_primary)
                     order by a.is_primary desc, a.created_at)
                   from app.persona_addresses a where a.tenant_id = p.tenant_id and a.persona_id = p.id), '[]'),
         coalesce((select pg_catalog.jsonb_agg(pg_catalog.jsonb_build_object(
                     'id', r.id, 'relatedPersonaId', r.related_persona_id, 'relationshipType', r.relationship_type,
                     'relatedPersonaName', rp.first_name || ' ' || rp.last_name)
                     order by r.created_at)
                   from app.persona_relationships r
                   join app.personas rp on rp.tenant_id = r.tenant_id and rp.id = r.related_persona_id
                   where r.tenant_id = p.tenant_id and r.persona_id = p.id), '[]'),
         p.created_at, p.updated_at
    from app.personas p
   where p.tenant_id = (select app.current_tenant_id()) and p.id = p_persona_id
$$;
comment on function app.persona_details(uuid) is 'One persona with contact data and relationships, as every persona procedure returns it.';

drop function if exists app.user_profile(uuid);
create or replace function app.user_profile(p_user_id uuid)
  returns setof app.user_profile_row
  language sql stable security definer
  set search_path = pg_catalog, pg_temp
as $$
  select u.id, u.email, u.status, u.last_login_at, u.created_at,
         p.id, p.first_name, p.last_name, p.preferred_name,
         t.slug, t.name, t.branding
    from app.users u
    join app.tenants t on t.tenant_id = u.tenant_id
    left join app.user_personas up on up.tenant_id = u.tenant_id and up.user_id = u.id and up.link_kind = 'self'
    left join app.personas p on p.tenant_id = up.tenant_id and p.id = up.persona_id
   where u.tenant_id = (select app.current_tenant_id()) and u.id = p_user_id
$$;
comment on function app.user_profile(uuid) is 'A user with their own persona and tenant branding, as sign-in and "me" return it.';

------------------------------------------------------------------------------------------------
-- Token routing (called before the tenant is known)
------------------------------------------------------------------------------------------------

create or replace function api.sp_list_auth_clients()
  returns table (tenant_id uuid, provider_kind text, issuer text, user_pool_id text, region text, client_id text)
  language sql stable security definer
  set search_path = pg_catalog, pg_temp
as $$
  select c.tenant_id, p.kind, p.issuer, p.user_pool_id, p.region, c.client_id
    from app.tenant_app_clients c
    join app.tenant_identity_providers p on p.tenant_id = c.tenant_id and p.id = c.provider_id
   where c.status = 'active'
   order by p.issuer, c.client_id
$$;
comment on function api.sp_list_auth_clients() is
  'The active (issuer, app client) pairs and their tenants, from which the API builds its token verifiers.';
grant execute on function api.sp_list_auth_clients() to estate_api;

------------------------------------------------------------------------------------------------
-- Users
------------------------------------------------------------------------------------------------

create or replace function app.verified_email() returns text
  language plpgsql stable
  set search_path = pg_catalog, pg_temp
as $$
declare
  v_email text := pg_catalog.current_setting('app.verified_email', true);
begin
  -- Set by the server only from an id token it verified (same pool, client and subject, email_verified).
  if v_email is null or v_email = '' then
    perform app.fail('PT403', 'email_not_verified', 'the identity provider has not verified an email for this sign-in');
  end if;
  return app.normalize_email(v_email);
end
$$;
comment on function app.verified_email() is
  'The email the identity provider verified for this request (context app.verified_email); raises email_not_verified when there is none.';

create or replace function app.require_email_free(p_tenant_id uuid, p_email text, p_user_id uuid) returns void
  language plpgsql stable security definer
  set search_path = pg_catalog, pg_temp
as $$
begin
  -- Only verified emails count: an address someone merely typed (before 0011) blocks nobody.
  if exists (select 1 from app.users u where u.tenant_id = p_tenant_id and pg_catalog.lower(u.email) = p_email
                and u.email_verified_at is not null and u.id is distinct from p_user_id) then
    perform app.fail('PT409', 'email_already_registered', 'another user of this tenant has verified this email');
  end if;
end
$$;
comment on function app.require_email_free(uuid, text, uuid) is
  'Raises email_already_registered when another user of the tenant holds this verified email.';

drop function if exists api.sp_register_user(text, text, text, date);
create or replace function api.sp_register_user(p_first_name text, p_last_name text, p_date_of_birth date default null)
  returns table (user_id uuid, persona_id uuid)
  language plpgsql volatile security definer
  set search_path = pg_catalog, pg_temp
as $$
#variable_conflict use_column
declare
  v_tenant_id uuid := app.require_active_tenant();
  v_sub text := app.current_actor_id();
  v_first_name text := app.require_text(p_first_name, 'invalid_first_name', 100);
  v_last_name text := app.require_text(p_last_name, 'invalid_last_name', 100);
  v_email text;
  v_user_id uuid;
  v_persona_id uuid;
begin
  if app.current_actor_kind() <> 'user' or v_sub is null then
    perform app.fail('42501', 'user_context_missing', 'no signed-in user is named for this transaction');
  end if;
  perform app.check_life_dates(p_date_of_birth, 'living', null);
  if exists (select 1 from app.users u where u.tenant_id = v_tenant_id and u.cognito_sub = v_sub) then
    perform app.fail('PT409', 'user_already_registered', 'this identity is already registered');
  end if;
  v_email := app.verified_email();
  perform app.require_email_free(v_tenant_id, v_email, null);

  insert into app.users (tenant_id, cognito_sub, email, email_verified_at)
  values (v_tenant_id, v_sub, v_email, pg_catalog.now())
  returning id into v_user_id;

  insert into app.personas (tenant_id, first_name, last_name, date_of_birth, created_by_user_id)
  values (v_tenant_id, v_first_name, v_last_name, p_date_of_birth, v_user_id)
  returning id into v_persona_id;

  insert into app.user_personas (tenant_id, user_id, persona_id, link_kind)
  values (v_tenant_id, v_user_id, v_persona_id, 'self');

  insert into app.persona_emails (tenant_id, persona_id, email, label, is_primary)
  values (v_tenant_id, v_persona_id, v_email, 'personal', true);

  -- Every user has a plan from the start.
  perform * from api.sp_assign_free_plan();

  return query select v_user_id, v_persona_id;
end
$$;
comment on function api.sp_register_user(text, text, date) is
  'Registers the signed-in Cognito identity as a user of the tenant, with the email the identity provider verified, its own persona, primary email and the free plan.';
grant execute on function api.sp_register_user(text, text, date) to estate_api;

drop function if exists api.sp_sync_user_email();
create or replace function api.sp_sync_user_email()
  returns setof app.user_profile_row
  language plpgsql volatile security definer
  set search_path = pg_catalog, pg_temp
as $$
#variable_conflict use_column
declare
  v_user_id uuid := app.current_user_id();
  v_tenant_id uuid := app.current_tenant_id();
  v_email text := app.verified_email();
  v_persona_id uuid;
begin
  perform app.require_email_free(v_tenant_id, v_email, v_user_id);
  update app.users u set email = v_email, email_verified_at = pg_catalog.now()
   where u.tenant_id = v_tenant_id and u.id = v_user_id;
  -- The own persona's primary email follows; the old address stays as a secondary one.
  select up.persona_id into v_persona_id from app.user_personas up
   where up.tenant_id = v_tenant_id and up.user_id = v_user_id and up.link_kind = 'self';
  if v_persona_id is not null then
    update app.persona_emails e set is_primary = false
     where e.tenant_id = v_tenant_id and e.persona_id = v_persona_id and e.is_primary
       and pg_catalog.lower(e.email) <> v_email;
    insert into app.persona_emails as e (tenant_id, persona_id, email, label, is_primary)
    values (v_tenant_id, v_persona_id, v_email, 'personal', true)
    on conflict (tenant_id, persona_id, pg_catalog.lower(email)) do update set is_primary = true;
  end if;
  return query select * from app.user_profile(v_user_id);
end
$$;
comment on function api.sp_sync_user_email() is
  'Makes the email the identity provider verified (a fresh id token) the signed-in user''s email and their persona''s primary one.';
grant execute on function api.sp_sync_user_email() to estate_api;

drop function if exists api.sp_authenticate_user(text, text, inet);
create or replace function api.sp_authenticate_user(p_session_ref text, p_user_agent text default null,
                                                    p_ip_address inet default null)
  returns setof app.user_profile_row
  language plpgsql volatile security definer
  set search_path = pg_catalog, pg_temp
as $$
#variable_conflict use_column
declare
  v_user_id uuid := app.current_user_id();
  v_tenant_id uuid := app.current_tenant_id();
  v_session_ref text := app.require_text(p_session_ref, 'invalid_session_ref', 200);
begin
  update app.users u set last_login_at = pg_catalog.now()
   where u.tenant_id = v_tenant_id and u.id = v_user_id;

  insert into app.user_sessions (tenant_id, user_id, session_ref, user_agent, ip_address)
  values (v_tenant_id, v_user_id, v_session_ref, pg_catalog.left(p_user_agent, 500), p_ip_address)
  on conflict (tenant_id, user_id, session_ref) do update set last_seen_at = pg_catalog.now();

  -- Signing in answers a report of one's incapacity or death: open ones are blocked (docs/legacy.md).
  perform app.block_life_events_of(v_user_id, null);

  return query select * from app.user_profile(v_user_id);
end
$$;
comment on function api.sp_authenticate_user(text, text, inet) is
  'Validates a sign-in (active user of an active tenant), records it as a session, blocks open reports of the user''s incapacity or death and returns the profile.';
grant execute on function api.sp_authenticate_user(text, text, inet) to estate_api;

drop function if exists api.sp_get_current_user();
create or replace function api.sp_get_current_user()
  returns setof app.user_profile_row
  language plpgsql stable security definer
  set search_path = pg_catalog, pg_temp
as $$
begin
  return query select * from app.user_profile(app.current_user_id());
end
$$;
comment on function api.sp_get_current_user() is 'The signed-in user with their own persona and the tenant''s branding.';
grant execute on function api.sp_get_current_user() to estate_api;

create or replace function api.sp_deactivate_user()
  returns table (user_id uuid, status text, deactivated_at timestamptz)
  language plpgsql volatile security definer
  set search_path = pg_catalog, pg_temp
as $$
#variable_conflict use_column
declare
  v_user_id uuid := app.current_user_id();
begin
  return query
    update app.users u set status = 'deactivated', deactivated_at = pg_catalog.now()
     where u.tenant_id = app.current_tenant_id() and u.id = v_user_id
    returning u.id, u.status, u.deactivated_at;
end
$$;
comment on function api.sp_deactivate_user() is
  'Deactivates the signed-in user''s account: every later call with their tokens is refused (user_inactive).';
grant execute on function api.sp_deactivate_user() to estate_api;

create or replace function api.sp_list_my_sessions(p_limit integer, p_offset integer)
  returns table (session_id uuid, started_at timestamptz, last_seen_at timestamptz, revoked_at timestamptz,
                 user_agent text, ip_address text, is_current boolean, total integer)
  language plpgsql stable security definer
  set search_path = pg_catalog, pg_temp
as $$
#variable_conflict use_column
declare
  v_user_id uuid := app.current_user_id();
  v_session_ref text := pg_catalog.current_setting('app.session_ref', true);
begin
  perform app.check_page(p_limit, p_offset);
  -- The caller's own sign-ins (user_sessions' unique key leads with the user): their own IP address in clear.
  return query
    select s.id, s.started_at, s.last_seen_at, s.revoked_at, pg_catalog.left(s.user_agent, 200),
           pg_catalog.host(s.ip_address), coalesce(s.session_ref = nullif(v_session_ref, ''), false),
           (pg_catalog.count(*) over ())::integer
      from app.user_sessions s
     where s.tenant_id = app.current_tenant_id() and s.user_id = v_user_id
     order by s.started_at desc, s.id
     limit p_limit offset p_offset;
end
$$;
comment on function api.sp_list_my_sessions(integer, integer) is
  'The signed-in user''s own sign-ins, newest first, the one of this request marked current; a page at a time with the total.';
grant execute on function api.sp_list_my_sessions(integer, integer) to estate_api;

create or replace function api.sp_revoke_my_session(p_session_id uuid)
  returns void
  language plpgsql volatile security definer
  set search_path = pg_catalog, pg_temp
as $$
declare
  v_user_id uuid := app.current_user_id();
  v_tenant_id uuid := app.current_tenant_id();
begin
  -- Another user's, another tenant's and an unknown id answer alike, and change nothing.
  if p_session_id is null or not exists (
       select 1 from app.user_sessions s
        where s.tenant_id = v_tenant_id and s.user_id = v_user_id and s.id = p_session_id) then
    perform app.fail('PT404', 'session_not_found', 'session not found');
  end if;
  -- Its tokens are refused from the next request on (app.current_user_id), this one's too; again is a no-op.
  update app.user_sessions s set revoked_at = pg_catalog.now(), revoked_by = app.current_actor_id()
   where s.tenant_id = v_tenant_id and s.user_id = v_user_id and s.id = p_session_id and s.revoked_at is null;
end
$$;
comment on function api.sp_revoke_my_session(uuid) is
  'Ends one of the signed-in user''s own sessions (this one too): its tokens are refused from the next request on (session_revoked).';
grant execute on function api.sp_revoke_my_session(uuid) to estate_api;

------------------------------------------------------------------------------------------------
-- Personas
------------------------------------------------------------------------------------------------

drop function if exists api.sp_create_persona(text, text, text, text, date, text, date);
create or replace function api.sp_create_persona(p_first_name text, p_last_name text, p_middle_name text default null,
                                                 p_preferred_name text default null, p_date_of_birth date default null,
                                                 p_living_status text default 'living', p_date_of_death date default null)
  returns setof app.persona_row
  language plpgsql volatile security definer
  set search_path = pg_catalog, pg_temp
as $$
#variable_conflict use_column
declare
  v_user_id uuid := app.current_user_id();
  v_tenant_id uuid := app.current_tenant_id();
  v_living_status text := coalesce(p_living_status, 'living');
  v_persona_id uuid;
begin
  perform app.check_life_dates(p_date_of_birth, v_living_status, p_date_of_death);
  insert into app.personas (tenant_id, first_name, middle_name, last_name, preferred_name, date_of_birth,
                            living_status, date_of_death, created_by_user_id)
  values (v_tenant_id, app.require_text(p_first_name, 'invalid_first_name', 100),
          nullif(pg_catalog.btrim(p_middle_name), ''), app.require_text(p_last_name, 'invalid_last_name', 100),
          nullif(pg_catalog.btrim(p_preferred_name), ''), p_date_of_birth, v_living_status, p_date_of_death, v_user_id)
  returning id into v_persona_id;

  -- The creator manages the new persona (a child, a parent in care, a late spouse...).
  insert into app.user_personas (tenant_id, user_id, persona_id, link_kind)
  values (v_tenant_id, v_user_id, v_persona_id, 'delegate');

  return query select * from app.persona_details(v_persona_id);
end
$$;
comment on function api.sp_create_persona(text, text, text, text, date, text, date) is
  'Creates a persona (someone in the family who need not sign in) that the signed-in user manages.';
grant execute on function api.sp_create_persona(text, text, text, text, date, text, date) to estate_api;

drop function if exists api.sp_get_persona(uuid);
create or replace function api.sp_get_persona(p_persona_id uuid)
  returns setof app.persona_row
  language plpgsql stable security definer
  set search_path = pg_catalog, pg_temp
as $$
begin
  perform app.require_persona_access(app.acting_user_id('api.sp_get_persona', 'personas:read'), p_persona_id);
  return query select * from app.persona_details(p_persona_id);
end
$$;
comment on function api.sp_get_persona(uuid) is 'One persona the signed-in user may act for, with contact data and relationships.';
grant execute on function api.sp_get_persona(uuid) to estate_api;

drop function if exists api.sp_list_my_personas();
drop function if exists api.sp_list_my_personas(text, text, integer, integer);
create or replace function api.sp_list_my_personas(p_q text, p_sort text, p_limit integer, p_offset integer)
  returns table (persona_id uuid, first_name text, last_name text, preferred_name text, link_kind text,
                 living_status text, created_at timestamptz, total integer)
  language plpgsql stable security definer
  set search_path = pg_catalog, pg_temp
as $$
#variable_conflict use_column
declare
  v_user_id uuid := app.current_user_id('personas:read');
  v_sort text := app.check_sort(p_sort, array['name', '-name', 'createdAt', '-createdAt']);
  v_q text := app.check_filter_text(p_q);
begin
  perform app.check_page(p_limit, p_offset);
  -- The caller's own links (user_personas' key): few rows; q matches any of the names.
  return query
    select p.id, p.first_name, p.last_name, p.preferred_name, up.link_kind, p.living_status, p.created_at,
           (pg_catalog.count(*) over ())::integer
      from app.user_personas up
      join app.personas p on p.tenant_id = up.tenant_id and p.id = up.persona_id
     where up.tenant_id = app.current_tenant_id() and up.user_id = v_user_id
       and (v_q is null or pg_catalog.strpos(pg_catalog.lower(pg_catalog.concat_ws(' ', p.first_name, p.last_name, p.preferred_name)), v_q) > 0)
     order by case when v_sort = 'name' then pg_catalog.lower(p.last_name || ' ' || p.first_name) end,
              case when v_sort = '-name' then pg_catalog.lower(p.last_name || ' ' || p.first_name) end desc,
              case when v_sort = 'createdAt' then p.created_at end,
              case when v_sort = '-createdAt' then p.created_at end desc,
              up.link_kind desc, p.created_at, p.id
     limit p_limit offset p_offset;
end
$$;
comment on function api.sp_list_my_personas(text, text, integer, integer) is
  'The personas the signed-in user may act for (their own first, then those they manage, unless sorted), optionally those whose names contain q, a page at a time with the total.';
grant execute on function api.sp_list_my_personas(text, text, integer, integer) to estate_api;

drop function if exists api.sp_update_persona(uuid, text, text, text, text, date, text, date);
create or replace function api.sp_update_persona(p_persona_id uuid, p_first_name text default null, p_last_name text default null,
                                                 p_middle_name text default null, p_preferred_name text default null,
                                                 p_date_of_birth date default null, p_living_status text default null,
                                                 p_date_of_death date default null)
  returns setof app.persona_row
  language plpgsql volatile security definer
  set search_path = pg_catalog, pg_temp
as $$
#variable_conflict use_column
declare
  v_current app.personas;
begin
  -- Not for someone else (Acting-For): a person's name, dates and living status are their identity.
  perform app.require_persona_access(app.current_user_id(), p_persona_id);
  select * into v_current from app.personas p
   where p.tenant_id = app.current_tenant_id() and p.id = p_persona_id
   for update;
  perform app.check_life_dates(coalesce(p_date_of_birth, v_current.date_of_birth),
                               coalesce(p_living_status, v_current.living_status),
                               coalesce(p_date_of_death, v_current.date_of_death));
  -- NULL keeps a field as it is; an empty string clears an optional one.
  update app.personas p set
    first_name = case when p_first_name is null then p.first_name else app.require_text(p_first_name, 'invalid_first_name', 100) end,
    last_name = case when p_last_name is null then p.last_name else app.require_text(p_last_name, 'invalid_last_name', 100) end,
    middle_name = case when p_middle_name is null then p.middle_name else nullif(pg_catalog.btrim(p_middle_name), '') end,
    preferred_name = case when p_preferred_name is null then p.preferred_name else nullif(pg_catalog.btrim(p_preferred_name), '') end,
    date_of_birth = coalesce(p_date_of_birth, p.date_of_birth),
    living_status = coalesce(p_living_status, p.living_status),
    date_of_death = coalesce(p_date_of_death, p.date_of_death)
  where p.tenant_id = v_current.tenant_id and p.id = v_current.id;

  return query select * from app.persona_details(p_persona_id);
end
$$;
comment on function api.sp_update_persona(uuid, text, text, text, text, date, text, date) is
  'Changes a persona the signed-in user may act for; NULL keeps a field, an empty string clears an optional one.';
grant execute on function api.sp_update_persona(uuid, text, text, text, text, date, text, date) to estate_api;

drop function if exists api.sp_link_user_persona(uuid, uuid, text);
create or replace function api.sp_link_user_persona(p_user_id uuid, p_persona_id uuid, p_link_kind text)
  returns table (link_id uuid, user_id uuid, persona_id uuid, link_kind text, status text)
  language plpgsql volatile security definer
  set search_path = pg_catalog, pg_temp
as $$
#variable_conflict use_column
declare
  v_caller_id uuid := app.current_user_id();
  v_tenant_id uuid := app.current_tenant_id();
begin
  perform app.require_persona_access(v_caller_id, p_persona_id);
  -- No one new comes to act for a person whose death or incapacity is verified (their plan stands).
  perform app.require_plan_open(p_persona_id);
  if p_link_kind is null or p_link_kind not in ('self', 'delegate') then
    perform app.fail('PT400', 'invalid_link_kind', 'link kind must be self or delegate');
  end if;
  if p_user_id is null then
    perform app.fail('PT404', 'user_not_found', 'user not found');
  end if;

  if p_link_kind = 'self' then
    -- Checked before anything is looked up: any other id, existing or not, gets the same answer.
    if p_user_id <> v_caller_id then
      perform app.fail('PT403', 'self_link_not_allowed', 'only the signed-in user can declare a persona to be themselves');
    end if;
    if exists (select 1 from app.user_personas up where up.tenant_id = v_tenant_id and up.link_kind = 'self'
                  and (up.user_id = p_user_id or up.persona_id = p_persona_id)) then
      perform app.fail('PT409', 'self_link_exists', 'the user or the persona already has a self link');
    end if;
    return query
      insert into app.user_personas as up (tenant_id, user_id, persona_id, link_kind)
      values (v_tenant_id, p_user_id, p_persona_id, 'self')
      returning up.id, up.user_id, up.persona_id, up.link_kind, 'linked'::text;
    return;
  end if;

  -- A delegate link is an invitation the user accepts. The answer is the same whether the user
  -- exists, is active, is already linked or already invited: the linker learns nothing.
  if p_user_id <> v_caller_id
     and exists (select 1 from app.users u where u.tenant_id = v_tenant_id and u.id = p_user_id and u.status = 'active')
     and not exists (select 1 from app.user_personas up where up.tenant_id = v_tenant_id
                        and up.user_id = p_user_id and up.persona_id = p_persona_id) then
    insert into app.persona_link_invitations (tenant_id, persona_id, invited_user_id, invited_by_user_id)
    values (v_tenant_id, p_persona_id, p_user_id, v_caller_id)
    on conflict (tenant_id, persona_id, invited_user_id) where status = 'pending' do nothing;
  end if;
  return query select null::uuid, p_user_id, p_persona_id, 'delegate'::text, 'invited'::text;
end
$$;
comment on function api.sp_link_user_persona(uuid, uuid, text) is
  'Invites a user to act for a persona the signed-in user acts for (delegate: nothing changes until they accept; the same answer for any user id), or claims a persona as oneself (self).';
grant execute on function api.sp_link_user_persona(uuid, uuid, text) to estate_api;

drop function if exists api.sp_list_my_link_invitations();
drop function if exists api.sp_list_my_link_invitations(integer, integer);
drop function if exists api.sp_list_my_link_invitations(text, integer, integer);
create or replace function api.sp_list_my_link_invitations(p_sort text, p_limit integer, p_offset integer)
  returns table (invitation_id uuid, persona_id uuid, persona_first_name text, persona_last_name text,
                 invited_by_first_name text, invited_by_last_name text, created_at timestamptz, total integer)
  language plpgsql stable security definer
  set search_path = pg_catalog, pg_temp
as $$
#variable_conflict use_column
declare
  v_user_id uuid := app.current_user_id();
  v_tenant_id uuid := app.current_tenant_id();
  v_sort text := app.check_sort(p_sort, array['createdAt', '-createdAt']);
begin
  perform app.check_page(p_limit, p_offset);
  return query
    select i.id, p.id, p.first_name, p.last_name, ip.first_name, ip.last_name, i.created_at,
           (pg_catalog.count(*) over ())::integer
      from app.persona_link_invitations i
      join app.personas p on p.tenant_id = i.tenant_id and p.id = i.persona_id
      left join app.user_personas iup on iup.tenant_id = i.tenant_id and iup.user_id = i.invited_by_user_id
                                     and iup.link_kind = 'self'
      left join app.personas ip on ip.tenant_id = iup.tenant_id and ip.id = iup.persona_id
     where i.tenant_id = v_tenant_id and i.invited_user_id = v_user_id and i.status = 'pending'
     order by case when v_sort = '-createdAt' then i.created_at end desc, i.created_at, i.id
     limit p_limit offset p_offset;
end
$$;
comment on function api.sp_list_my_link_invitations(text, integer, integer) is
  'The pending invitations to act for a persona sent to the signed-in user (which persona, who invited), oldest first or sorted, a page at a time with the total.';
grant execute on function api.sp_list_my_link_invitations(text, integer, integer) to estate_api;

create or replace function app.take_link_invitation(p_invitation_id uuid, p_status text)
  returns app.persona_link_invitations
  language plpgsql volatile security definer
  set search_path = pg_catalog, pg_temp
as $$
declare
  v_user_id uuid := app.current_user_id();
  v_tenant_id uuid := app.current_tenant_id();
  v_invitation app.persona_link_invitations;
begin
  select * into v_invitation from app.persona_link_invitations i
   where i.tenant_id = v_tenant_id and i.id = p_invitation_id and i.invited_user_id = v_user_id and i.status = 'pending'
   for update;
  -- Another user's, another tenant's, an answered or a made-up invitation: the same answer. So is
  -- one whose linker no longer acts for the persona (or no longer signs in).
  if v_invitation.id is null
     or not exists (select 1 from app.user_personas up join app.users u on u.tenant_id = up.tenant_id and u.id = up.user_id
                     where up.tenant_id = v_tenant_id and up.user_id = v_invitation.invited_by_user_id
                       and up.persona_id = v_invitation.persona_id and u.status = 'active') then
    perform app.fail('PT404', 'link_invitation_not_found', 'invitation not found');
  end if;
  update app.persona_link_invitations i set status = p_status, responded_at = pg_catalog.now()
   where i.tenant_id = v_tenant_id and i.id = v_invitation.id;
  return v_invitation;
end
$$;
comment on function app.take_link_invitation(uuid, text) is
  'Answers the signed-in user''s pending link invitation (accepted or declined); raises link_invitation_not_found for anything else.';

create or replace function api.sp_accept_link_invitation(p_invitation_id uuid)
  returns table (link_id uuid, user_id uuid, persona_id uuid, link_kind text, status text)
  language plpgsql volatile security definer
  set search_path = pg_catalog, pg_temp
as $$
#variable_conflict use_column
declare
  v_invitation app.persona_link_invitations;
begin
  -- Accepting again (a retry whose first answer was lost) answers as the first time, to the
  -- invited user only while the link stands; anyone else still gets link_invitation_not_found.
  return query
    select up.id, up.user_id, up.persona_id, up.link_kind, 'linked'::text
      from app.persona_link_invitations i
      join app.user_personas up on up.tenant_id = i.tenant_id and up.user_id = i.invited_user_id and up.persona_id = i.persona_id
     where i.tenant_id = app.current_tenant_id() and i.id = p_invitation_id
       and i.invited_user_id = app.current_user_id() and i.status = 'accepted';
  if found then
    return;
  end if;
  v_invitation := app.take_link_invitation(p_invitation_id, 'accepted');
  return query
    insert into app.user_personas as up (tenant_id, user_id, persona_id, link_kind)
    values (v_invitation.tenant_id, v_invitation.invited_user_id, v_invitation.persona_id, 'delegate')
    on conflict (tenant_id, user_id, persona_id) do update set link_kind = up.link_kind
    returning up.id, up.user_id, up.persona_id, up.link_kind, 'linked'::text;
end
$$;
comment on function api.sp_accept_link_invitation(uuid) is
  'Accepts a pending invitation sent to the signed-in user: from now on they act for the persona (delegate); accepting it again answers the same while the link stands.';
grant execute on function api.sp_accept_link_invitation(uuid) to estate_api;

create or replace function api.sp_decline_link_invitation(p_invitation_id uuid)
  returns void
  language plpgsql volatile security definer
  set search_path = pg_catalog, pg_temp
as $$
begin
  perform app.take_link_invitation(p_invitation_id, 'declined');
end
$$;
comment on function api.sp_decline_link_invitation(uuid) is 'Declines a pending invitation sent to the signed-in user: nothing is linked.';
grant execute on function api.sp_decline_link_invitation(uuid) to estate_api;

create or replace function api.sp_revoke_link_invitation(p_persona_id uuid, p_user_id uuid)
  returns void
  language plpgsql volatile security definer
  set search_path = pg_catalog, pg_temp
as $$
begin
  perform app.require_persona_access(app.current_user_id(), p_persona_id);
  -- Whether there was a pending invitation or not, the same (empty) answer: no oracle.
  update app.persona_link_invitations i set status = 'revoked', responded_at = pg_catalog.now()
   where i.tenant_id = app.current_tenant_id() and i.persona_id = p_persona_id and i.invited_user_id = p_user_id
     and i.status = 'pending';
end
$$;
comment on function api.sp_revoke_link_invitation(uuid, uuid) is
  'Withdraws the pending invitation of a user to act for a persona the signed-in user acts for; answers the same if there is none.';
grant execute on function api.sp_revoke_link_invitation(uuid, uuid) to estate_api;

------------------------------------------------------------------------------------------------
-- Contact data
------------------------------------------------------------------------------------------------

drop function if exists api.sp_add_persona_email(uuid, text, text, boolean);
create or replace function api.sp_add_persona_email(p_persona_id uuid, p_email text, p_label text,
                                                    p_is_primary boolean)
  returns uuid
  language plpgsql volatile security definer
  set search_path = pg_catalog, pg_temp
as $$
declare
  v_tenant_id uuid := app.current_tenant_id();
  v_email text;
  v_id uuid;
begin
  perform app.require_persona_access(app.acting_user_id('api.sp_add_persona_email'), p_persona_id);
  v_email := app.normalize_email(p_email);
  if p_label is null or p_label not in ('personal', 'work', 'other') then
    perform app.fail('PT400', 'invalid_label', 'email label must be personal, work or other');
  end if;
  if exists (select 1 from app.persona_emails e where e.tenant_id = v_tenant_id and e.persona_id = p_persona_id
                and pg_catalog.lower(e.email) = v_email) then
    perform app.fail('PT409', 'contact_exists', 'this persona already has this email');
  end if;
  if coalesce(p_is_primary, false) then
    update app.persona_emails e set is_primary = false
     where e.tenant_id = v_tenant_id and e.persona_id = p_persona_id and e.is_primary;
  end if;
  insert into app.persona_emails (tenant_id, persona_id, email, label, is_primary)
  values (v_tenant_id, p_persona_id, v_email, p_label, coalesce(p_is_primary, false))
  returning id into v_id;
  return v_id;
end
$$;
comment on function api.sp_add_persona_email(uuid, text, text, boolean) is 'Adds an e-mail address to a persona; a new primary one demotes the old.';
grant execute on function api.sp_add_persona_email(uuid, text, text, boolean) to estate_api;

drop function if exists api.sp_add_persona_phone(uuid, text, text, boolean);
create or replace function api.sp_add_persona_phone(p_persona_id uuid, p_phone_number text, p_label text,
                                                    p_is_primary boolean)
  returns uuid
  language plpgsql volatile security definer
  set search_path = pg_catalog, pg_temp
as $$
declare
  v_tenant_id uuid := app.current_tenant_id();
  v_phone text := pg_catalog.regexp_replace(coalesce(p_phone_number, ''), '[\s().-]', '', 'g');
  v_id uuid;
begin
  perform app.require_persona_access(app.acting_user_id('api.sp_add_persona_phone'), p_persona_id);
  if v_phone !~ '^\+[1-9][0-9]{6,14}$' then
    perform app.fail('PT400', 'invalid_phone_number', 'phone number must be in international format, e.g. +14155550123');
  end if;
  if p_label is null or p_label not in ('mobile', 'home', 'work', 'other') then
    perform app.fail('PT400', 'invalid_label', 'phone label must be mobile, home, work or other');
  end if;
  if exists (select 1 from app.persona_phones ph where ph.tenant_id = v_tenant_id and ph.persona_id = p_persona_id
                and ph.phone_number = v_phone) then
    perform app.fail('PT409', 'contact_exists', 'this persona already has this phone number');
  end if;
  if coalesce(p_is_primary, false) then
    update app.persona_phones ph set is_primary = false
     where ph.tenant_id = v_tenant_id and ph.persona_id = p_persona_id and ph.is_primary;
  end if;
  insert into app.persona_phones (tenant_id, persona_id, phone_number, label, is_primary)
  values (v_tenant_id, p_persona_id, v_phone, p_label, coalesce(p_is_primary, false))
  returning id into v_id;
  return v_id;
end
$$;
comment on function api.sp_add_persona_phone(uuid, text, text, boolean) is 'Adds a phone number (E.164) to a persona; a new primary one demotes the old.';
grant execute on function api.sp_add_persona_phone(uuid, text, text, boolean) to estate_api;

drop function if exists api.sp_add_persona_address(uuid, text, text, text, text, text, text, text, boolean);
create or replace function api.sp_add_persona_address(p_persona_id uuid, p_line1 text, p_city text, p_country_code text,
                                                      p_line2 text, p_region text,
                                                      p_postal_code text, p_label text,
                                                      p_is_primary boolean)
  returns uuid
  language plpgsql volatile security definer
  set search_path = pg_catalog, pg_temp
as $$
declare
  v_tenant_id uuid := app.current_tenant_id();
  v_country text := pg_catalog.upper(pg_catalog.btrim(p_country_code));
  v_id uuid;
begin
  perform app.require_persona_access(app.acting_user_id('api.sp_add_persona_address'), p_persona_id);
  if v_country is null or v_country !~ '^[A-Z]{2}$' then
    perform app.fail('PT400', 'invalid_country_code', 'country code must be an ISO 3166-1 alpha-2 code');
  end if;
  if p_label is null or p_label not in ('home', 'mailing', 'work', 'other') then
    perform app.fail('PT400', 'invalid_label', 'address label must be home, mailing, work or other');
  end if;
  if pg_catalog.length(p_line2) > 200 or pg_catalog.length(p_region) > 100 or pg_catalog.length(p_postal_code) > 20 then
    perform app.fail('PT400', 'invalid_address', 'address field too long');
  end if;
  if coalesce(p_is_primary, false) then
    update app.persona_addresses a set is_primary = false
     where a.tenant_id = v_tenant_id and a.persona_id = p_persona_id and a.is_primary;
  end if;
  insert into app.persona_addresses (tenant_id, persona_id, label, line1, line2, city, region, postal_code,
                                     country_code, is_primary)
  values (v_tenant_id, p_persona_id, p_label, app.require_text(p_line1, 'invalid_line1', 200),
          nullif(pg_catalog.btrim(p_line2), ''), app.require_text(p_city, 'invalid_city', 100),
          nullif(pg_catalog.btrim(p_region), ''), nullif(pg_catalog.btrim(p_postal_code), ''), v_country,
          coalesce(p_is_primary, false))
  returning id into v_id;
  return v_id;
end
$$;
comment on function api.sp_add_persona_address(uuid, text, text, text, text, text, text, text, boolean) is
  'Adds a postal address to a persona; a new primary one demotes the old.';
grant execute on function api.sp_add_persona_address(uuid, text, text, text, text, text, text, text, boolean) to estate_api;

create or replace function api.sp_remove_persona_contact(p_persona_id uuid, p_contact_kind text, p_contact_id uuid)
  returns void
  language plpgsql volatile security definer
  set search_path = pg_catalog, pg_temp
as $$
declare
  v_tenant_id uuid := app.current_tenant_id();
begin
  perform app.require_persona_access(app.acting_user_id('api.sp_remove_persona_contact'), p_persona_id);
  case p_contact_kind
    when 'email' then
      delete from app.persona_emails e where e.tenant_id = v_tenant_id and e.persona_id = p_persona_id and e.id = p_contact_id;
    when 'phone' then
      delete from app.persona_phones ph where ph.tenant_id = v_tenant_id and ph.persona_id = p_persona_id and ph.id = p_contact_id;
    when 'address' then
      delete from app.persona_addresses a where a.tenant_id = v_tenant_id and a.persona_id = p_persona_id and a.id = p_contact_id;
    else
      perform app.fail('PT400', 'invalid_contact_kind', 'contact kind must be email, phone or address');
  end case;
  if not found then
    perform app.fail('PT404', 'contact_not_found', 'contact not found');
  end if;
end
$$;
comment on function api.sp_remove_persona_contact(uuid, text, uuid) is 'Removes one e-mail address, phone number or postal address of a persona.';
grant execute on function api.sp_remove_persona_contact(uuid, text, uuid) to estate_api;

------------------------------------------------------------------------------------------------
-- Relationships
------------------------------------------------------------------------------------------------

create or replace function api.sp_record_persona_relationship(p_persona_id uuid, p_related_persona_id uuid,
                                                              p_relationship_type text)
  returns uuid
  language plpgsql volatile security definer
  set search_path = pg_catalog, pg_temp
as $$
declare
  v_user_id uuid := app.current_user_id();
  v_tenant_id uuid := app.current_tenant_id();
  v_id uuid;
begin
  perform app.require_persona_access(v_user_id, p_persona_id);
  perform app.require_persona_access(v_user_id, p_related_persona_id);
  if p_relationship_type is null or p_relationship_type not in ('spouse', 'partner', 'former_spouse', 'child', 'parent',
       'sibling', 'grandchild', 'grandparent', 'guardian', 'ward', 'other') then
    perform app.fail('PT400', 'invalid_relationship_type', 'relationship type is not one of the known kinds');
  end if;
  if p_persona_id = p_related_persona_id then
    perform app.fail('PT400', 'invalid_relationship', 'a persona cannot be related to itself');
  end if;
  insert into app.persona_relationships (tenant_id, persona_id, related_persona_id, relationship_type)
  values (v_tenant_id, p_persona_id, p_related_persona_id, p_relationship_type)
  on conflict (tenant_id, persona_id, related_persona_id, relationship_type) do nothing
  returning id into v_id;
  if v_id is null then
    perform app.fail('PT409', 'relationship_exists', 'this relationship is already recorded');
  end if;
  return v_id;
end
$$;
comment on function api.sp_record_persona_relationship(uuid, uuid, text) is
  'Records that the related persona is the <type> (spouse, child...) of the persona; the user must act for both.';
grant execute on function api.sp_record_persona_relationship(uuid, uuid, text) to estate_api;
