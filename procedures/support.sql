-- Support staff's door (issue 11): staff pools, clients and members (operators only), and what
-- staff do through /support/v1: find tenants and users with contact data masked, show a user's
-- personas and circles, suspend and reactivate users, list and revoke sessions, read the audit
-- trail, keep exchange rates. Every procedure checks the support session first
-- (app.require_support_session, tenancy.sql: a staff member signed in through a staff pool must be
-- registered and active); every read is recorded in the audit log like a write.

------------------------------------------------------------------------------------------------
-- Helpers
------------------------------------------------------------------------------------------------

create or replace function app.is_staff_door_actor() returns boolean
  language sql stable
  set search_path = pg_catalog, pg_temp
as $$ select session_user = 'estate_support' and coalesce(app.current_actor_id(), '') like 'cognito:%' $$;
comment on function app.is_staff_door_actor() is
  'True when the support actor is a staff member signed in through a staff pool (the door''s login, actor id cognito:<sub>), not an operator of the CLI.';

create or replace function app.require_operator() returns void
  language plpgsql stable
  set search_path = pg_catalog, pg_temp
as $$
begin
  perform app.require_support_session();
  -- Staff pools, clients and members are managed with the operators' login (the operator CLI),
  -- never through the staff's own door: a staff member cannot add or unsuspend staff, and whoever
  -- holds the door's credential cannot either, whatever name they set.
  if session_user <> 'estate_operator' or app.is_staff_door_actor() then
    perform app.fail('PT403', 'operator_only', 'only an operator (the operator CLI) may manage support staff');
  end if;
end
$$;
comment on function app.require_operator() is 'Raises unless the support session is an operator''s (the CLI, logged in as estate_operator), not the door''s.';

create or replace function app.audit_support_read(p_tenant_id uuid, p_what text, p_row_id text, p_details jsonb)
  returns void
  language sql volatile security definer
  set search_path = pg_catalog, pg_temp
as $$
  -- Reads by support are evidence too: one READ row naming the procedure, its target and its filters.
  insert into audit.audit_log (tenant_id, actor_kind, actor_id, request_id, table_name, row_id, operation,
                               changed_columns, changes)
  values (p_tenant_id, 'support', app.current_actor_id(), app.current_request_id(), p_what, p_row_id, 'READ',
          null, p_details)
$$;
comment on function app.audit_support_read(uuid, text, text, jsonb) is
  'Records a read by support staff in the audit log (operation READ, the procedure as table_name).';

create or replace function app.mask_phone(p_phone text) returns text
  language sql immutable
  set search_path = pg_catalog, pg_temp
as $$ select case when p_phone is not null then '***-***-' || pg_catalog.right(p_phone, 4) end $$;
comment on function app.mask_phone(text) is 'A phone number as support staff see it: ***-***-1234.';

create or replace function app.mask_name(p_first text, p_last text) returns text
  language sql immutable
  set search_path = pg_catalog, pg_temp
as $$ select pg_catalog.left(p_first, 1) || '*** ' || pg_catalog.left(p_last, 1) || '***' $$;
comment on function app.mask_name(text, text) is 'A person''s name as support staff see it: initials only (A*** L***).';

create or replace function app.mask_ip(p_ip inet) returns text
  language sql immutable
  set search_path = pg_catalog, pg_temp
as $$
  select case when p_ip is null then null
              when pg_catalog.family(p_ip) = 4 then pg_catalog.host(pg_catalog.network(pg_catalog.set_masklen(p_ip, 16))) || '/16'
              else pg_catalog.host(pg_catalog.network(pg_catalog.set_masklen(p_ip, 32))) || '/32' end
$$;
comment on function app.mask_ip(inet) is 'An IP address as support staff see it: its /16 (IPv4) or /32 (IPv6) network.';

create or replace function app.require_tenant_user(p_user_id uuid) returns uuid
  language plpgsql stable security definer
  set search_path = pg_catalog, pg_temp
as $$
begin
  if p_user_id is null or not exists (select 1 from app.users u
                                       where u.tenant_id = app.current_tenant_id() and u.id = p_user_id) then
    perform app.fail('PT404', 'user_not_found', 'user not found');
  end if;
  return p_user_id;
end
$$;
comment on function app.require_tenant_user(uuid) is 'Raises user_not_found unless the user belongs to the tenant of the context.';

------------------------------------------------------------------------------------------------
-- Staff pools, clients and members (operators only)
------------------------------------------------------------------------------------------------

create or replace function support.sp_register_staff_pool(p_kind text, p_user_pool_id text, p_region text,
                                                          p_issuer text)
  returns table (provider_id uuid, issuer text)
  language plpgsql volatile security definer
  set search_path = pg_catalog, pg_temp
as $$
#variable_conflict use_column
declare
  v_issuer text;
  v_id uuid;
begin
  perform app.require_operator();
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
  -- One pool, one door: a tenant's pool never opens the staff door, nor a staff pool a tenant's.
  perform pg_catalog.pg_advisory_xact_lock(pg_catalog.hashtext('identity-provider-issuer'));
  if exists (select 1 from app.tenant_identity_providers p where p.issuer = v_issuer) then
    perform app.fail('PT409', 'issuer_taken', 'this user pool belongs to a tenant');
  end if;
  select p.id into v_id from app.support_identity_providers p where p.issuer = v_issuer;
  if v_id is null then
    insert into app.support_identity_providers (kind, issuer, user_pool_id, region)
    values (p_kind, v_issuer, p_user_pool_id, p_region)
    returning id into v_id;
  end if;
  return query select v_id, v_issuer;
end
$$;
comment on function support.sp_register_staff_pool(text, text, text, text) is
  'Operators: registers the Cognito user pool (or development provider) support staff sign in with; again returns the same id.';
grant execute on function support.sp_register_staff_pool(text, text, text, text) to estate_support;

create or replace function support.sp_register_staff_client(p_provider_id uuid, p_client_id text, p_name text)
  returns uuid
  language plpgsql volatile security definer
  set search_path = pg_catalog, pg_temp
as $$
declare
  v_id uuid;
begin
  perform app.require_operator();
  if not exists (select 1 from app.support_identity_providers p where p.id = p_provider_id) then
    perform app.fail('PT404', 'provider_not_found', 'staff user pool not found');
  end if;
  if p_client_id is null or p_client_id !~ '^[\w+]{1,128}$' then
    perform app.fail('PT400', 'invalid_client_id', 'app client id must be 1 to 128 word characters');
  end if;
  insert into app.support_app_clients (provider_id, client_id, name)
  values (p_provider_id, p_client_id, app.require_text(p_name, 'invalid_name', 200))
  on conflict (provider_id, client_id) do update set status = 'active'
  returning id into v_id;
  return v_id;
end
$$;
comment on function support.sp_register_staff_client(uuid, text, text) is
  'Operators: registers (or re-activates) an app client of a staff pool, so its access tokens open the support door.';
grant execute on function support.sp_register_staff_client(uuid, text, text) to estate_support;

create or replace function support.sp_add_staff(p_user_pool_id text, p_cognito_sub text, p_email text,
                                                p_display_name text)
  returns table (staff_id uuid, email text, display_name text, status text, created_at timestamptz)
  language plpgsql volatile security definer
  set search_path = pg_catalog, pg_temp
as $$
#variable_conflict use_column
declare
  v_provider_id uuid;
begin
  perform app.require_operator();
  select p.id into v_provider_id from app.support_identity_providers p where p.user_pool_id = p_user_pool_id;
  if v_provider_id is null then
    perform app.fail('PT404', 'provider_not_found', 'staff user pool not found');
  end if;
  if p_cognito_sub is null or p_cognito_sub !~ '^[\w-]{1,128}$' then
    perform app.fail('PT400', 'invalid_sub', 'a Cognito subject is 1 to 128 word characters or hyphens');
  end if;
  return query
    insert into app.support_staff as s (provider_id, cognito_sub, email, display_name)
    values (v_provider_id, p_cognito_sub, app.normalize_email(p_email),
            app.require_text(p_display_name, 'invalid_display_name', 200))
    on conflict (cognito_sub) do update set email = excluded.email, display_name = excluded.display_name
    where s.provider_id = excluded.provider_id
    returning s.id, s.email, s.display_name, s.status, s.created_at;
  if not found then
    perform app.fail('PT409', 'staff_sub_taken', 'this subject is a staff member of another staff pool');
  end if;
end
$$;
comment on function support.sp_add_staff(text, text, text, text) is
  'Operators: registers a staff member (a subject of a staff pool) who may then use the support door; again updates email and name.';
grant execute on function support.sp_add_staff(text, text, text, text) to estate_support;

create or replace function support.sp_set_staff_status(p_email text, p_status text)
  returns table (staff_id uuid, email text, display_name text, status text, created_at timestamptz)
  language plpgsql volatile security definer
  set search_path = pg_catalog, pg_temp
as $$
#variable_conflict use_column
begin
  perform app.require_operator();
  if p_status is null or p_status not in ('active', 'suspended') then
    perform app.fail('PT400', 'invalid_status', 'a staff member''s status is active or suspended');
  end if;
  return query
    update app.support_staff s set status = p_status
     where pg_catalog.lower(s.email) = pg_catalog.lower(pg_catalog.btrim(p_email))
    returning s.id, s.email, s.display_name, s.status, s.created_at;
  if not found then
    perform app.fail('PT404', 'staff_not_found', 'no staff member with this email');
  end if;
end
$$;
comment on function support.sp_set_staff_status(text, text) is
  'Operators: suspends (or re-activates) a staff member: their next request through the support door is refused.';
grant execute on function support.sp_set_staff_status(text, text) to estate_support;

create or replace function support.sp_list_staff_auth_clients()
  returns table (provider_kind text, issuer text, user_pool_id text, region text, client_id text)
  language plpgsql stable security definer
  set search_path = pg_catalog, pg_temp
as $$
#variable_conflict use_column
begin
  -- The door itself reads these before any staff member is known (token routing): any support
  -- session of either login; the pools' public configuration only.
  if not app.is_support_session() then
    perform app.fail('42501', 'support_context_missing', 'only a support session named in the context may do this');
  end if;
  return query
    select p.kind, p.issuer, p.user_pool_id, p.region, c.client_id
      from app.support_app_clients c join app.support_identity_providers p on p.id = c.provider_id
     where c.status = 'active'
     order by p.issuer, c.client_id;
end
$$;
comment on function support.sp_list_staff_auth_clients() is
  'The active (issuer, app client) pairs of the staff pools, from which the API builds the support door''s token verifiers.';
grant execute on function support.sp_list_staff_auth_clients() to estate_support;

create or replace function support.sp_get_current_staff()
  returns table (staff_id uuid, email text, display_name text, status text, created_at timestamptz)
  language plpgsql volatile security definer
  set search_path = pg_catalog, pg_temp
as $$
#variable_conflict use_column
begin
  perform app.require_support_session();
  return query
    select s.id, s.email, s.display_name, s.status, s.created_at
      from app.support_staff s
     where app.is_staff_door_actor() and s.cognito_sub = pg_catalog.substr(app.current_actor_id(), 9);
  if not found then
    perform app.fail('PT403', 'staff_not_registered', 'this identity is not a registered staff member');
  end if;
  perform app.audit_support_read(null, 'support.sp_get_current_staff', null, '{}');
end
$$;
comment on function support.sp_get_current_staff() is 'The staff member signed in through the support door; audited.';
grant execute on function support.sp_get_current_staff() to estate_support;

------------------------------------------------------------------------------------------------
-- Finding tenants and users (masked)
------------------------------------------------------------------------------------------------

create or replace function support.sp_find_tenants(p_query text, p_status text, p_limit integer, p_offset integer)
  returns table (tenant_id uuid, slug text, name text, status text, created_at timestamptz)
  language plpgsql volatile security definer
  set search_path = pg_catalog, pg_temp
as $$
#variable_conflict use_column
declare
  v_query text := pg_catalog.lower(pg_catalog.btrim(p_query));
begin
  perform app.require_support_session();
  perform app.check_page(p_limit, p_offset);
  if pg_catalog.length(v_query) > 200 then
    perform app.fail('PT400', 'invalid_query', 'a search is at most 200 characters');
  end if;
  if p_status is not null and p_status not in ('active', 'suspended', 'closed') then
    perform app.fail('PT400', 'invalid_status', 'a tenant''s status is active, suspended or closed');
  end if;
  return query
    select t.tenant_id, t.slug, t.name, t.status, t.created_at
      from app.tenants t
     where (v_query is null or v_query = ''
            or t.slug like pg_catalog.replace(pg_catalog.replace(pg_catalog.replace(v_query, '\', '\\'), '%', '\%'), '_', '\_') || '%'
            or pg_catalog.strpos(pg_catalog.lower(t.name), v_query) > 0
            or t.tenant_id::text = v_query)
       and (p_status is null or t.status = p_status)
     order by t.slug
     limit p_limit offset p_offset;
  perform app.audit_support_read(null, 'support.sp_find_tenants', null,
    pg_catalog.jsonb_build_object('query', v_query, 'status', p_status, 'limit', p_limit, 'offset', p_offset));
end
$$;
comment on function support.sp_find_tenants(text, text, integer, integer) is
  'Support: tenants whose slug starts with, or name contains, the query (or whose id it is), optionally of one status; paged, audited.';
grant execute on function support.sp_find_tenants(text, text, integer, integer) to estate_support;

create or replace function support.sp_find_users(p_tenant_id uuid, p_query text, p_limit integer, p_offset integer)
  returns table (user_id uuid, persona_id uuid, email_masked text, name_masked text, status text,
                 last_login_at timestamptz, created_at timestamptz)
  language plpgsql volatile security definer
  set search_path = pg_catalog, pg_temp
as $$
#variable_conflict use_column
declare
  v_tenant_id uuid := app.enter_tenant_as_support(p_tenant_id);
  v_query text := pg_catalog.lower(pg_catalog.btrim(p_query));
  v_name_start text := pg_catalog.replace(pg_catalog.replace(pg_catalog.replace(
                         pg_catalog.lower(pg_catalog.btrim(p_query)), '\', '\\'), '%', '\%'), '_', '\_') || '%';
  v_id uuid;
begin
  perform app.check_page(p_limit, p_offset);
  if pg_catalog.length(v_query) > 320 then
    perform app.fail('PT400', 'invalid_query', 'a search is at most 320 characters');
  end if;
  if v_query ~ '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$' then
    v_id := v_query::uuid;
  end if;
  -- An email is matched whole (staff type what the caller told them); a name by its start; an id exactly.
  return query
    select u.id, up.persona_id, app.mask_email(u.email), app.mask_name(p.first_name, p.last_name), u.status,
           u.last_login_at, u.created_at
      from app.users u
      left join app.user_personas up on up.tenant_id = u.tenant_id and up.user_id = u.id and up.link_kind = 'self'
      left join app.personas p on p.tenant_id = up.tenant_id and p.id = up.persona_id
     where u.tenant_id = v_tenant_id
       and (v_query is null or v_query = ''
            or pg_catalog.lower(u.email) = v_query
            or u.id = v_id or up.persona_id = v_id
            or u.cognito_sub = v_query
            -- A name's start of at least 3 characters, wildcards taken literally: a letter at a
            -- time would spell out a masked name.
            or (v_query !~ '@' and pg_catalog.length(v_query) >= 3
                and (pg_catalog.lower(p.last_name) like v_name_start escape '\'
                     or pg_catalog.lower(p.first_name) like v_name_start escape '\')))
     order by u.created_at, u.id
     limit p_limit offset p_offset;
  perform app.audit_support_read(v_tenant_id, 'support.sp_find_users', null,
    pg_catalog.jsonb_build_object('query', case when v_query is null or v_query = '' then null else '[redacted]' end,
                                  'limit', p_limit, 'offset', p_offset));
end
$$;
comment on function support.sp_find_users(uuid, text, integer, integer) is
  'Support: a tenant''s users by whole email, name start, user, persona or Cognito id; emails and names masked; paged, audited.';
grant execute on function support.sp_find_users(uuid, text, integer, integer) to estate_support;

create or replace function support.sp_get_user_personas(p_tenant_id uuid, p_user_id uuid)
  returns table (persona_id uuid, link_kind text, name_masked text, living_status text, emails_masked text[],
                 phones_masked text[], addresses_masked text[])
  language plpgsql volatile security definer
  set search_path = pg_catalog, pg_temp
as $$
#variable_conflict use_column
declare
  v_tenant_id uuid := app.enter_tenant_as_support(p_tenant_id);
  v_user_id uuid := app.require_tenant_user(p_user_id);
begin
  return query
    select up.persona_id, up.link_kind, app.mask_name(p.first_name, p.last_name), p.living_status,
           array(select app.mask_email(e.email) from app.persona_emails e
                  where e.tenant_id = v_tenant_id and e.persona_id = p.id order by e.is_primary desc, e.created_at),
           array(select app.mask_phone(ph.phone_number) from app.persona_phones ph
                  where ph.tenant_id = v_tenant_id and ph.persona_id = p.id order by ph.is_primary desc, ph.created_at),
           array(select '***, ' || a.country_code from app.persona_addresses a
                  where a.tenant_id = v_tenant_id and a.persona_id = p.id order by a.is_primary desc, a.created_at)
      from app.user_personas up
      join app.personas p on p.tenant_id = up.tenant_id and p.id = up.persona_id
     where up.tenant_id = v_tenant_id and up.user_id = v_user_id
     order by up.link_kind desc, up.created_at;
  perform app.audit_support_read(v_tenant_id, 'support.sp_get_user_personas', v_user_id::text, '{}');
end
$$;
comment on function support.sp_get_user_personas(uuid, uuid) is
  'Support: the personas a user acts for, with names, emails, phones and addresses masked; audited.';
grant execute on function support.sp_get_user_personas(uuid, uuid) to estate_support;

create or replace function support.sp_get_user_circles(p_tenant_id uuid, p_user_id uuid)
  returns table (ffc_id uuid, name_masked text, persona_id uuid, role text, membership_status text,
                 active_members integer, joined_at timestamptz)
  language plpgsql volatile security definer
  set search_path = pg_catalog, pg_temp
as $$
#variable_conflict use_column
declare
  v_tenant_id uuid := app.enter_tenant_as_support(p_tenant_id);
  v_user_id uuid := app.require_tenant_user(p_user_id);
begin
  -- A circle's name often carries the family's name: its first letter only.
  return query
    select f.id, pg_catalog.left(f.name, 1) || '***', m.persona_id, m.role, m.status,
           (select pg_catalog.count(*)::integer from app.ffc_memberships o
             where o.tenant_id = v_tenant_id and o.ffc_id = f.id and o.status = 'active'),
           m.created_at
      from app.user_personas up
      join app.ffc_memberships m on m.tenant_id = up.tenant_id and m.persona_id = up.persona_id
      join app.fwd_family_circles f on f.tenant_id = m.tenant_id and f.id = m.ffc_id
     where up.tenant_id = v_tenant_id and up.user_id = v_user_id
     order by m.created_at, f.id;
  perform app.audit_support_read(v_tenant_id, 'support.sp_get_user_circles', v_user_id::text, '{}');
end
$$;
comment on function support.sp_get_user_circles(uuid, uuid) is
  'Support: the family circles of the personas a user acts for, with role and membership status, names masked; audited.';
grant execute on function support.sp_get_user_circles(uuid, uuid) to estate_support;

------------------------------------------------------------------------------------------------
-- Suspending users, their sessions
------------------------------------------------------------------------------------------------

create or replace function support.sp_set_user_status(p_tenant_id uuid, p_user_id uuid, p_status text)
  returns table (user_id uuid, status text, suspended_at timestamptz)
  language plpgsql volatile security definer
  set search_path = pg_catalog, pg_temp
as $$
#variable_conflict use_column
declare
  v_tenant_id uuid := app.enter_tenant_as_support(p_tenant_id);
  v_user_id uuid := app.require_tenant_user(p_user_id);
  v_current text;
begin
  if p_status is null or p_status not in ('active', 'suspended') then
    perform app.fail('PT400', 'invalid_status', 'support sets a user active or suspended');
  end if;
  select u.status into v_current from app.users u where u.tenant_id = v_tenant_id and u.id = v_user_id for update;
  -- Deactivation is the user's own closing of the account: support neither undoes nor overrides it.
  if v_current = 'deactivated' then
    perform app.fail('PT409', 'user_deactivated', 'this user closed the account: support cannot change it');
  end if;
  -- Every tenant procedure checks the user in the caller's own transaction (app.current_user_id):
  -- the user's next request after this commits is refused.
  return query
    update app.users u
       set status = p_status,
           suspended_at = case when p_status = 'suspended' then coalesce(u.suspended_at, pg_catalog.now()) end
     where u.tenant_id = v_tenant_id and u.id = v_user_id
    returning u.id, u.status, u.suspended_at;
end
$$;
comment on function support.sp_set_user_status(uuid, uuid, text) is
  'Support: suspends or reactivates a user; a suspended user''s next request is refused (user_suspended).';
grant execute on function support.sp_set_user_status(uuid, uuid, text) to estate_support;

create or replace function support.sp_list_user_sessions(p_tenant_id uuid, p_user_id uuid, p_limit integer,
                                                         p_offset integer)
  returns table (session_id uuid, started_at timestamptz, last_seen_at timestamptz, revoked_at timestamptz,
                 revoked_by text, user_agent text, ip_masked text)
  language plpgsql volatile security definer
  set search_path = pg_catalog, pg_temp
as $$
#variable_conflict use_column
declare
  v_tenant_id uuid := app.enter_tenant_as_support(p_tenant_id);
  v_user_id uuid := app.require_tenant_user(p_user_id);
begin
  perform app.check_page(p_limit, p_offset);
  return query
    select s.id, s.started_at, s.last_seen_at, s.revoked_at, s.revoked_by, pg_catalog.left(s.user_agent, 200),
           app.mask_ip(s.ip_address)
      from app.user_sessions s
     where s.tenant_id = v_tenant_id and s.user_id = v_user_id
     order by s.last_seen_at desc, s.id
     limit p_limit offset p_offset;
  perform app.audit_support_read(v_tenant_id, 'support.sp_list_user_sessions', v_user_id::text,
    pg_catalog.jsonb_build_object('limit', p_limit, 'offset', p_offset));
end
$$;
comment on function support.sp_list_user_sessions(uuid, uuid, integer, integer) is
  'Support: a user''s recorded sign-ins, newest first, IP addresses masked; paged, audited.';
grant execute on function support.sp_list_user_sessions(uuid, uuid, integer, integer) to estate_support;

create or replace function support.sp_revoke_user_sessions(p_tenant_id uuid, p_user_id uuid, p_session_id uuid)
  returns integer
  language plpgsql volatile security definer
  set search_path = pg_catalog, pg_temp
as $$
declare
  v_tenant_id uuid := app.enter_tenant_as_support(p_tenant_id);
  v_user_id uuid := app.require_tenant_user(p_user_id);
  v_count integer;
begin
  if p_session_id is not null and not exists (
       select 1 from app.user_sessions s
        where s.tenant_id = v_tenant_id and s.user_id = v_user_id and s.id = p_session_id) then
    perform app.fail('PT404', 'session_not_found', 'session not found');
  end if;
  -- The tokens of a revoked sign-in are refused on their next request (app.current_user_id).
  update app.user_sessions s set revoked_at = pg_catalog.now(), revoked_by = app.current_actor_id()
   where s.tenant_id = v_tenant_id and s.user_id = v_user_id and s.revoked_at is null
     and (p_session_id is null or s.id = p_session_id);
  get diagnostics v_count = row_count;
  -- Ending all of a user's sign-ins ends their API keys too: a key minted with a stolen token
  -- must not outlive the sign-ins it was made from (docs/api_keys.md).
  if p_session_id is null then
    update app.api_keys k set revoked_at = pg_catalog.now()
     where k.tenant_id = v_tenant_id and k.user_id = v_user_id and k.revoked_at is null;
  end if;
  return v_count;
end
$$;
comment on function support.sp_revoke_user_sessions(uuid, uuid, uuid) is
  'Support: ends one of a user''s sessions, or all of them (no session id, and then their API keys too): their tokens are refused from the next request on.';
grant execute on function support.sp_revoke_user_sessions(uuid, uuid, uuid) to estate_support;

------------------------------------------------------------------------------------------------
-- The audit trail
------------------------------------------------------------------------------------------------

create or replace function app.mask_audit_changes(p_table_name text, p_changes jsonb) returns jsonb
  language sql immutable
  set search_path = pg_catalog, pg_temp
as $$
  -- Names a family gives its circles, trusts, assets and documents often carry the family's name
  -- or an address ("Jane Doe Living Trust", "12 Elm St house"): support reads them masked, as elsewhere.
  select case
    when p_changes is null or pg_catalog.jsonb_typeof(p_changes) <> 'object' then p_changes
    else p_changes || coalesce((
      select pg_catalog.jsonb_object_agg(k.key, '[masked]')
        from pg_catalog.jsonb_object_keys(p_changes) as k(key)
       where (p_table_name, k.key) in (('app.fwd_family_circles', 'name'), ('app.fwd_family_circles', 'description'),
                                       ('app.legal_entities', 'name'),
                                       ('app.assets', 'name'), ('app.assets', 'description'),
                                       -- the tsvector generated from an asset's name and description
                                       ('app.assets', 'search'),
                                       -- vault documents' titles and file names, and the files'
                                       -- hashes (a guess at a file would be confirmed by one)
                                       ('app.vault_documents', 'title'), ('app.vault_document_versions', 'file_name'),
                                       ('app.vault_document_versions', 'content_sha256'),
                                       ('app.fiduciary_appointments', 'notes'))), '{}'::jsonb)
  end
$$;
comment on function app.mask_audit_changes(text, jsonb) is
  'An audit row''s changes as support reads them: names and descriptions of circles, entities and assets (and an asset''s search words) masked.';

create or replace function support.sp_read_audit_log(p_tenant_id uuid, p_user_id uuid, p_persona_id uuid,
                                                     p_request_id text, p_limit integer, p_offset integer)
  returns table (audit_id bigint, occurred_at timestamptz, actor_kind text, actor_id text, request_id text,
                 table_name text, row_id text, operation text, changed_columns text[], changes jsonb)
  language plpgsql volatile security definer
  set search_path = pg_catalog, pg_temp
as $$
#variable_conflict use_column
declare
  v_tenant_id uuid := app.enter_tenant_as_support(p_tenant_id);
  v_sub text;
  v_since timestamptz;
begin
  perform app.check_page(p_limit, p_offset);
  if p_user_id is not null then
    perform app.require_tenant_user(p_user_id);
    select u.cognito_sub, u.created_at into v_sub, v_since from app.users u
     where u.tenant_id = v_tenant_id and u.id = p_user_id;
  end if;
  if p_persona_id is not null
     and not exists (select 1 from app.personas p where p.tenant_id = v_tenant_id and p.id = p_persona_id) then
    perform app.fail('PT404', 'persona_not_found', 'persona not found');
  end if;
  if p_request_id is not null and p_request_id !~ '^[A-Za-z0-9._-]{1,64}$' then
    perform app.fail('PT400', 'invalid_request_id', 'a request id is 1 to 64 letters, digits, dots, dashes or underscores');
  end if;
  -- What a user did (their subject as actor) or what was done to their row; what touched a persona
  -- (its row, or a row naming it); one request's rows. Secrets were redacted when the rows were written.
  return query
    select a.id, a.occurred_at, a.actor_kind, a.actor_id, a.request_id, a.table_name, a.row_id, a.operation,
           a.changed_columns, app.mask_audit_changes(a.table_name, a.changes)
      from audit.audit_log a
     where a.tenant_id = v_tenant_id
       -- By subject only since this user row exists: an erased user's subject may be registered again.
       and (p_user_id is null or a.actor_id = v_sub and a.occurred_at >= v_since or a.row_id = p_user_id::text)
       and (p_persona_id is null or a.row_id = p_persona_id::text or a.changes ->> 'persona_id' = p_persona_id::text)
       and (p_request_id is null or a.request_id = p_request_id)
     order by a.occurred_at desc, a.id desc
     limit p_limit offset p_offset;
  perform app.audit_support_read(v_tenant_id, 'support.sp_read_audit_log', coalesce(p_user_id, p_persona_id)::text,
    pg_catalog.jsonb_strip_nulls(pg_catalog.jsonb_build_object('user_id', p_user_id, 'persona_id', p_persona_id,
      'request_id', p_request_id, 'limit', p_limit, 'offset', p_offset)));
end
$$;
comment on function support.sp_read_audit_log(uuid, uuid, uuid, text, integer, integer) is
  'Support: a tenant''s audit trail, newest first, narrowed to a user, a persona or a request id; paged, and the read itself audited.';
grant execute on function support.sp_read_audit_log(uuid, uuid, uuid, text, integer, integer) to estate_support;

------------------------------------------------------------------------------------------------
-- Exchange rates (set: support.sp_set_exchange_rate, net_worth.sql)
------------------------------------------------------------------------------------------------

create or replace function support.sp_list_exchange_rates(p_base_currency text, p_quote_currency text,
                                                          p_limit integer, p_offset integer)
  returns table (base_currency text, quote_currency text, rate_date date, rate numeric, updated_at timestamptz)
  language plpgsql volatile security definer
  set search_path = pg_catalog, pg_temp
as $$
#variable_conflict use_column
begin
  perform app.require_support_session();
  perform app.check_page(p_limit, p_offset);
  if p_base_currency is not null then perform app.check_currency(p_base_currency); end if;
  if p_quote_currency is not null then perform app.check_currency(p_quote_currency); end if;
  return query
    select r.base_currency, r.quote_currency, r.rate_date, r.rate, r.updated_at
      from app.exchange_rates r
     where (p_base_currency is null or r.base_currency = p_base_currency)
       and (p_quote_currency is null or r.quote_currency = p_quote_currency)
     order by r.base_currency, r.quote_currency, r.rate_date desc
     limit p_limit offset p_offset;
  perform app.audit_support_read(null, 'support.sp_list_exchange_rates', null,
    pg_catalog.jsonb_strip_nulls(pg_catalog.jsonb_build_object('base_currency', p_base_currency,
      'quote_currency', p_quote_currency, 'limit', p_limit, 'offset', p_offset)));
end
$$;
comment on function support.sp_list_exchange_rates(text, text, integer, integer) is
  'Support: the stored exchange rates, every date of every pair (optionally one base or quote currency), newest first; paged, audited.';
grant execute on function support.sp_list_exchange_rates(text, text, integer, integer) to estate_support;

------------------------------------------------------------------------------------------------
-- PII unmasked by reason: a time-limited grant, audited, visible to the user
------------------------------------------------------------------------------------------------

create or replace function support.sp_grant_unmask(p_tenant_id uuid, p_user_id uuid, p_reason text,
                                                   p_ticket_ref text, p_minutes integer)
  returns table (grant_id uuid, user_id uuid, scope text, reason text, ticket_ref text, granted_at timestamptz,
                 expires_at timestamptz)
  language plpgsql volatile security definer
  set search_path = pg_catalog, pg_temp
as $$
#variable_conflict use_column
declare
  v_tenant_id uuid := app.enter_tenant_as_support(p_tenant_id);
  v_user_id uuid := app.require_tenant_user(p_user_id);
begin
  if p_reason is null or pg_catalog.length(pg_catalog.btrim(p_reason)) not between 10 and 500 then
    perform app.fail('PT400', 'invalid_reason', 'state the reason in 10 to 500 characters');
  end if;
  if p_ticket_ref is null or p_ticket_ref !~ '^[A-Za-z0-9][A-Za-z0-9._#/-]{0,63}$' then
    perform app.fail('PT400', 'invalid_ticket_ref', 'a ticket reference is 1 to 64 letters, digits or ._#/-');
  end if;
  if p_minutes is null or p_minutes not between 1 and 240 then
    perform app.fail('PT400', 'invalid_duration', 'an unmask lasts 1 to 240 minutes');
  end if;
  -- The grant is the staff member's alone (their actor name), audited by its table's trigger.
  return query
    insert into app.support_unmask_grants as g (tenant_id, user_id, staff_actor, scope, reason, ticket_ref, expires_at)
    values (v_tenant_id, v_user_id, app.current_actor_id(), 'contact_data', pg_catalog.btrim(p_reason), p_ticket_ref,
            pg_catalog.now() + pg_catalog.make_interval(mins => p_minutes))
    returning g.id, g.user_id, g.scope, g.reason, g.ticket_ref, g.granted_at, g.expires_at;
end
$$;
comment on function support.sp_grant_unmask(uuid, uuid, text, text, integer) is
  'Support: lets the calling staff member see one user''s contact data in clear for 1 to 240 minutes, for a stated reason and ticket; the user sees the grant.';
grant execute on function support.sp_grant_unmask(uuid, uuid, text, text, integer) to estate_support;

create or replace function support.sp_get_user_personas_unmasked(p_tenant_id uuid, p_user_id uuid)
  returns table (persona_id uuid, link_kind text, first_name text, last_name text, emails text[], phones text[],
                 addresses text[], grant_expires_at timestamptz)
  language plpgsql volatile security definer
  set search_path = pg_catalog, pg_temp
as $$
#variable_conflict use_column
declare
  v_tenant_id uuid := app.enter_tenant_as_support(p_tenant_id);
  v_user_id uuid := app.require_tenant_user(p_user_id);
  v_grant_id uuid;
  v_expires_at timestamptz;
begin
  -- Only the staff member the grant names, only before it expires.
  select g.id, g.expires_at into v_grant_id, v_expires_at
    from app.support_unmask_grants g
   where g.tenant_id = v_tenant_id and g.user_id = v_user_id and g.staff_actor = app.current_actor_id()
     and g.expires_at > pg_catalog.now()
   order by g.expires_at desc limit 1
   for update;
  if v_grant_id is null then
    perform app.fail('PT403', 'unmask_grant_required',
      'seeing this user''s contact data in clear needs a current unmask grant of yours (reason and ticket)');
  end if;
  update app.support_unmask_grants g set view_count = g.view_count + 1, last_viewed_at = pg_catalog.now()
   where g.tenant_id = v_tenant_id and g.id = v_grant_id;
  return query
    select up.persona_id, up.link_kind, p.first_name, p.last_name,
           array(select e.email from app.persona_emails e
                  where e.tenant_id = v_tenant_id and e.persona_id = p.id order by e.is_primary desc, e.created_at),
           array(select ph.phone_number from app.persona_phones ph
                  where ph.tenant_id = v_tenant_id and ph.persona_id = p.id order by ph.is_primary desc, ph.created_at),
           array(select pg_catalog.concat_ws(', ', a.line1, a.line2, a.city, a.region, a.postal_code, a.country_code)
                   from app.persona_addresses a
                  where a.tenant_id = v_tenant_id and a.persona_id = p.id order by a.is_primary desc, a.created_at),
           v_expires_at
      from app.user_personas up
      join app.personas p on p.tenant_id = up.tenant_id and p.id = up.persona_id
     -- The user's own persona only: the people they act for are not theirs to have unmasked.
     where up.tenant_id = v_tenant_id and up.user_id = v_user_id and up.link_kind = 'self'
     order by up.link_kind desc, up.created_at;
  perform app.audit_support_read(v_tenant_id, 'support.sp_get_user_personas_unmasked', v_user_id::text,
    pg_catalog.jsonb_build_object('grant_id', v_grant_id));
end
$$;
comment on function support.sp_get_user_personas_unmasked(uuid, uuid) is
  'Support: a user''s personas with contact data in clear, under a current unmask grant of the caller''s; each view counted and audited.';
grant execute on function support.sp_get_user_personas_unmasked(uuid, uuid) to estate_support;

create or replace function api.sp_list_my_support_access(p_limit integer, p_offset integer)
  returns table (grant_id uuid, scope text, reason text, ticket_ref text, granted_at timestamptz,
                 expires_at timestamptz, view_count integer, last_viewed_at timestamptz)
  language plpgsql stable security definer
  set search_path = pg_catalog, pg_temp
as $$
#variable_conflict use_column
declare
  v_user_id uuid := app.current_user_id();
begin
  perform app.check_page(p_limit, p_offset);
  -- Which staff member is support's business; that support looked, when and why is the user's.
  return query
    select g.id, g.scope, g.reason, g.ticket_ref, g.granted_at, g.expires_at, g.view_count, g.last_viewed_at
      from app.support_unmask_grants g
     where g.tenant_id = app.current_tenant_id() and g.user_id = v_user_id
     order by g.granted_at desc, g.id
     limit p_limit offset p_offset;
end
$$;
comment on function api.sp_list_my_support_access(integer, integer) is
  'The signed-in user''s access records: when support was allowed to see their contact data in clear, why (reason, ticket), until when, and how often it looked.';
grant execute on function api.sp_list_my_support_access(integer, integer) to estate_api;
