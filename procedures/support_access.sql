-- Support access beyond the masked view (issue 11, docs/support.md): a staff member asks the user
-- (consent), or opens a break-glass access that a second, different staff member approves. An
-- approved request is a time-limited grant of the staff member who asked, for one user: the user's
-- assets in clear and their account numbers (ciphertext, decrypted by the support route). Every look
-- is an access event the user reads; every step is audited with the staff member's identity.
-- Builds on support.sql (app.require_tenant_user, app.audit_support_read).

------------------------------------------------------------------------------------------------
-- Helpers
------------------------------------------------------------------------------------------------

create or replace function app.require_staff_member() returns text
  language plpgsql stable
  set search_path = pg_catalog, pg_temp
as $$
begin
  perform app.require_support_session();
  -- An operator's name is whatever the CLI was told, and the operators' login can never name a
  -- staff member (app.require_support_session): access to a user's data is asked for, held and
  -- approved only by staff members signed in through the door (its own login, estate_support).
  if not app.is_staff_door_actor() then
    perform app.fail('PT403', 'staff_member_only', 'only a staff member signed in through the support door may do this');
  end if;
  return app.current_actor_id();
end
$$;
comment on function app.require_staff_member() is
  'Raises unless the support session is a registered, active staff member of the door (not an operator); returns their actor name.';

create or replace function app.support_access_state(p_status text, p_respond_by timestamptz, p_expires_at timestamptz)
  returns text
  language sql stable
  set search_path = pg_catalog, pg_temp
as $$
  select case when p_status = 'pending' and p_respond_by <= pg_catalog.now() then 'lapsed'
              when p_status = 'approved' and p_expires_at <= pg_catalog.now() then 'expired'
              when p_status = 'approved' then 'active'
              else p_status end
$$;
comment on function app.support_access_state(text, timestamptz, timestamptz) is
  'A support access request''s state now: pending, lapsed (unanswered in time), active, expired, denied, revoked (by the user) or closed (by staff).';

create or replace function app.check_support_access_input(p_reason text, p_ticket_ref text, p_minutes integer,
                                                          p_max_minutes integer) returns void
  language plpgsql immutable
  set search_path = pg_catalog, pg_temp
as $$
begin
  if p_reason is null or pg_catalog.length(pg_catalog.btrim(p_reason)) not between 10 and 500 then
    perform app.fail('PT400', 'invalid_reason', 'state the reason in 10 to 500 characters');
  end if;
  if p_ticket_ref is null or p_ticket_ref !~ '^[A-Za-z0-9][A-Za-z0-9._#/-]{0,63}$' then
    perform app.fail('PT400', 'invalid_ticket_ref', 'a ticket reference is 1 to 64 letters, digits or ._#/-');
  end if;
  if p_minutes is null or p_minutes not between 1 and p_max_minutes then
    perform app.fail('PT400', 'invalid_duration', pg_catalog.format('this access lasts 1 to %s minutes', p_max_minutes));
  end if;
end
$$;
comment on function app.check_support_access_input(text, text, integer, integer) is
  'Refuses a support access request without a reason (10 to 500 characters), a ticket reference, or a duration of 1 to the maximum minutes.';

create or replace function app.support_access_request_row(p_tenant_id uuid, p_request_id uuid)
  returns table (request_id uuid, user_id uuid, kind text, state text, reason text, ticket_ref text, minutes integer,
                 requested_by text, requested_at timestamptz, respond_by timestamptz, decided_by text,
                 decided_at timestamptz, expires_at timestamptz, ended_by text, ended_at timestamptz,
                 view_count integer, last_viewed_at timestamptz)
  language sql stable
  set search_path = pg_catalog, pg_temp
as $$
  select r.id, r.user_id, r.kind, app.support_access_state(r.status, r.respond_by, r.expires_at), r.reason,
         r.ticket_ref, r.minutes, r.staff_actor, r.requested_at, r.respond_by, r.decided_by, r.decided_at,
         r.expires_at, r.ended_by, r.ended_at, r.view_count, r.last_viewed_at
    from app.support_access_requests r
   where r.tenant_id = p_tenant_id and r.id = p_request_id
$$;
comment on function app.support_access_request_row(uuid, uuid) is 'One support access request as staff see it (who asked, who decided).';

create or replace function app.open_support_access(p_tenant_id uuid, p_user_id uuid, p_kind text, p_reason text,
                                                   p_ticket_ref text, p_minutes integer) returns uuid
  language plpgsql volatile
  set search_path = pg_catalog, pg_temp
as $$
declare
  v_actor text := app.require_staff_member();
  v_id uuid;
begin
  perform app.require_tenant_user(p_user_id);
  perform app.check_support_access_input(p_reason, p_ticket_ref, p_minutes,
                                         case p_kind when 'consent' then 1440 else 120 end);
  -- One open request of a kind per staff member and user (concurrent askers serialised here).
  perform pg_catalog.pg_advisory_xact_lock(pg_catalog.hashtext('support-access:' || p_tenant_id || ':' || p_user_id));
  if exists (select 1 from app.support_access_requests r
              where r.tenant_id = p_tenant_id and r.user_id = p_user_id and r.staff_actor = v_actor
                and r.kind = p_kind and r.status = 'pending' and r.respond_by > pg_catalog.now()) then
    perform app.fail('PT409', 'access_request_pending', 'you already have a request waiting for this user');
  end if;
  insert into app.support_access_requests (tenant_id, user_id, kind, staff_actor, reason, ticket_ref, minutes, respond_by)
  values (p_tenant_id, p_user_id, p_kind, v_actor, pg_catalog.btrim(p_reason), p_ticket_ref, p_minutes,
          -- The user has a week to answer; a break-glass access is an emergency: a second staff member has an hour.
          pg_catalog.now() + case p_kind when 'consent' then interval '7 days' else interval '1 hour' end)
  returning id into v_id;
  return v_id;
end
$$;
comment on function app.open_support_access(uuid, uuid, text, text, text, integer) is
  'Records a pending support access request (consent or break-glass) of the calling staff member for a user of the tenant.';

create or replace function app.require_support_access(p_tenant_id uuid, p_user_id uuid)
  returns table (request_id uuid, expires_at timestamptz)
  language plpgsql volatile
  set search_path = pg_catalog, pg_temp
as $$
#variable_conflict use_column
declare
  v_id uuid;
  v_expires_at timestamptz;
begin
  -- Only the staff member who asked, only that user, only approved and before it expires. A random
  -- id, another tenant's user and an ungranted user all have no such grant: one answer.
  select r.id, r.expires_at into v_id, v_expires_at
    from app.support_access_requests r
   where r.tenant_id = p_tenant_id and r.user_id = p_user_id and r.staff_actor = app.current_actor_id()
     and r.status = 'approved' and r.expires_at > pg_catalog.now()
   order by r.expires_at desc limit 1
   for update;
  if v_id is null then
    -- The refusal rolls back everything: the server's log keeps the probe (ids only, no PII).
    raise log 'SUPPORT ACCESS refused: tenant %, user %, by %, no current approved access',
      p_tenant_id, p_user_id, app.current_actor_id();
    perform app.fail('PT403', 'support_access_required',
      'this needs an access to the user''s data that the user (or a second staff member, break-glass) approved, current and yours');
  end if;
  update app.support_access_requests r set view_count = r.view_count + 1, last_viewed_at = pg_catalog.now()
   where r.tenant_id = p_tenant_id and r.id = v_id;
  return query select v_id, v_expires_at;
end
$$;
comment on function app.require_support_access(uuid, uuid) is
  'Raises support_access_required unless the calling staff member holds a current approved access to the user; counts the look.';

------------------------------------------------------------------------------------------------
-- Staff: ask, open break-glass, approve it, close, list
------------------------------------------------------------------------------------------------

create or replace function support.sp_request_support_access(p_tenant_id uuid, p_user_id uuid, p_reason text,
                                                             p_ticket_ref text, p_minutes integer)
  returns table (request_id uuid, user_id uuid, kind text, state text, reason text, ticket_ref text, minutes integer,
                 requested_by text, requested_at timestamptz, respond_by timestamptz, decided_by text,
                 decided_at timestamptz, expires_at timestamptz, ended_by text, ended_at timestamptz,
                 view_count integer, last_viewed_at timestamptz)
  language plpgsql volatile security definer
  set search_path = pg_catalog, pg_temp
as $$
declare
  v_tenant_id uuid := app.enter_tenant_as_support(p_tenant_id);
  v_id uuid := app.open_support_access(v_tenant_id, p_user_id, 'consent', p_reason, p_ticket_ref, p_minutes);
begin
  return query select * from app.support_access_request_row(v_tenant_id, v_id);
end
$$;
comment on function support.sp_request_support_access(uuid, uuid, text, text, integer) is
  'Support: asks a user for access to their data beyond the masked view (reason, ticket, 1 to 1440 minutes once approved); the user approves or denies it within a week.';
grant execute on function support.sp_request_support_access(uuid, uuid, text, text, integer) to estate_support;

create or replace function support.sp_open_break_glass(p_tenant_id uuid, p_user_id uuid, p_reason text,
                                                       p_ticket_ref text, p_minutes integer)
  returns table (request_id uuid, user_id uuid, kind text, state text, reason text, ticket_ref text, minutes integer,
                 requested_by text, requested_at timestamptz, respond_by timestamptz, decided_by text,
                 decided_at timestamptz, expires_at timestamptz, ended_by text, ended_at timestamptz,
                 view_count integer, last_viewed_at timestamptz)
  language plpgsql volatile security definer
  set search_path = pg_catalog, pg_temp
as $$
declare
  v_tenant_id uuid := app.enter_tenant_as_support(p_tenant_id);
  v_id uuid := app.open_support_access(v_tenant_id, p_user_id, 'break_glass', p_reason, p_ticket_ref, p_minutes);
begin
  -- Loud: the database's log as well as the audit trail (the row's INSERT names the staff member).
  raise log 'BREAK-GLASS opened: tenant %, user %, request %, by %', v_tenant_id, p_user_id, v_id, app.current_actor_id();
  return query select * from app.support_access_request_row(v_tenant_id, v_id);
end
$$;
comment on function support.sp_open_break_glass(uuid, uuid, text, text, integer) is
  'Support, emergencies only: opens a break-glass access to a user''s data without their consent (reason, ticket, 1 to 120 minutes); effective only once a second staff member approves it within the hour.';
grant execute on function support.sp_open_break_glass(uuid, uuid, text, text, integer) to estate_support;

create or replace function support.sp_approve_break_glass(p_tenant_id uuid, p_request_id uuid)
  returns table (request_id uuid, user_id uuid, kind text, state text, reason text, ticket_ref text, minutes integer,
                 requested_by text, requested_at timestamptz, respond_by timestamptz, decided_by text,
                 decided_at timestamptz, expires_at timestamptz, ended_by text, ended_at timestamptz,
                 view_count integer, last_viewed_at timestamptz)
  language plpgsql volatile security definer
  set search_path = pg_catalog, pg_temp
as $$
declare
  v_tenant_id uuid := app.enter_tenant_as_support(p_tenant_id);
  v_actor text := app.require_staff_member();
  v_row app.support_access_requests;
  v_opener app.support_staff;
  v_approver app.support_staff;
begin
  -- The row lock serialises racing approvers: the second one finds it approved already.
  select * into v_row from app.support_access_requests r
   where r.tenant_id = v_tenant_id and r.id = p_request_id and r.kind = 'break_glass'
   for update;
  if v_row.id is null then
    perform app.fail('PT404', 'access_request_not_found', 'access request not found');
  end if;
  -- Two people, not two names: the opener's and the approver's staff rows must differ, and so must
  -- their emails (one person with two staff identities is one person).
  select * into v_opener from app.support_staff s where s.cognito_sub = pg_catalog.substr(v_row.staff_actor, 9);
  select * into v_approver from app.support_staff s where s.cognito_sub = pg_catalog.substr(v_actor, 9);
  if v_row.staff_actor = v_actor or v_opener.id is null or v_opener.id = v_approver.id
     or pg_catalog.lower(v_opener.email) = pg_catalog.lower(v_approver.email) then
    -- The refusal rolls back everything: the server's log keeps the attempt (ids only, no PII).
    raise log 'BREAK-GLASS self-approval refused: tenant %, request %, opened by %, approval tried by %',
      v_tenant_id, p_request_id, v_row.staff_actor, v_actor;
    perform app.fail('PT403', 'break_glass_second_staff_required',
      'a break-glass access is approved by a second, different staff member, never by the one who opened it');
  end if;
  if app.support_access_state(v_row.status, v_row.respond_by, v_row.expires_at) <> 'pending' then
    perform app.fail('PT409', 'access_request_not_pending', 'this request is no longer waiting for a decision');
  end if;
  update app.support_access_requests r
     set status = 'approved', decided_by = v_actor, decided_at = pg_catalog.now(),
         expires_at = pg_catalog.now() + pg_catalog.make_interval(mins => r.minutes)
   where r.tenant_id = v_tenant_id and r.id = p_request_id;
  raise log 'BREAK-GLASS approved: tenant %, user %, request %, opened by %, approved by %',
    v_tenant_id, v_row.user_id, p_request_id, v_row.staff_actor, v_actor;
  return query select * from app.support_access_request_row(v_tenant_id, p_request_id);
end
$$;
comment on function support.sp_approve_break_glass(uuid, uuid) is
  'Support: a second, different staff member approves a pending break-glass access; it is then the opener''s for its minutes, and the user sees it.';
grant execute on function support.sp_approve_break_glass(uuid, uuid) to estate_support;

create or replace function support.sp_close_support_access(p_tenant_id uuid, p_request_id uuid)
  returns table (request_id uuid, user_id uuid, kind text, state text, reason text, ticket_ref text, minutes integer,
                 requested_by text, requested_at timestamptz, respond_by timestamptz, decided_by text,
                 decided_at timestamptz, expires_at timestamptz, ended_by text, ended_at timestamptz,
                 view_count integer, last_viewed_at timestamptz)
  language plpgsql volatile security definer
  set search_path = pg_catalog, pg_temp
as $$
declare
  v_tenant_id uuid := app.enter_tenant_as_support(p_tenant_id);
  v_actor text := app.require_staff_member();
  v_state text;
begin
  select app.support_access_state(r.status, r.respond_by, r.expires_at) into v_state
    from app.support_access_requests r
   where r.tenant_id = v_tenant_id and r.id = p_request_id
   for update;
  if v_state is null then
    perform app.fail('PT404', 'access_request_not_found', 'access request not found');
  end if;
  -- Any staff member may withdraw a request or end an access early (a reviewer who refuses a
  -- break-glass closes it); nobody can reopen one.
  if v_state not in ('pending', 'active') then
    perform app.fail('PT409', 'access_request_not_open', 'this request is neither waiting nor active');
  end if;
  update app.support_access_requests r set status = 'closed', ended_by = v_actor, ended_at = pg_catalog.now()
   where r.tenant_id = v_tenant_id and r.id = p_request_id;
  return query select * from app.support_access_request_row(v_tenant_id, p_request_id);
end
$$;
comment on function support.sp_close_support_access(uuid, uuid) is
  'Support: withdraws a waiting access request or ends an active access early (any staff member; audited).';
grant execute on function support.sp_close_support_access(uuid, uuid) to estate_support;

create or replace function support.sp_list_support_access_requests(p_tenant_id uuid, p_user_id uuid,
                                                                   p_limit integer, p_offset integer)
  returns table (request_id uuid, user_id uuid, kind text, state text, reason text, ticket_ref text, minutes integer,
                 requested_by text, requested_at timestamptz, respond_by timestamptz, decided_by text,
                 decided_at timestamptz, expires_at timestamptz, ended_by text, ended_at timestamptz,
                 view_count integer, last_viewed_at timestamptz)
  language plpgsql volatile security definer
  set search_path = pg_catalog, pg_temp
as $$
declare
  v_tenant_id uuid := app.enter_tenant_as_support(p_tenant_id);
  v_user_id uuid := app.require_tenant_user(p_user_id);
begin
  perform app.check_page(p_limit, p_offset);
  return query
    select x.*
      from app.support_access_requests r
      cross join lateral app.support_access_request_row(v_tenant_id, r.id) x
     where r.tenant_id = v_tenant_id and r.user_id = v_user_id
     order by r.requested_at desc, r.id
     limit p_limit offset p_offset;
  perform app.audit_support_read(v_tenant_id, 'support.sp_list_support_access_requests', v_user_id::text,
    pg_catalog.jsonb_build_object('limit', p_limit, 'offset', p_offset));
end
$$;
comment on function support.sp_list_support_access_requests(uuid, uuid, integer, integer) is
  'Support: every access request about a user (consent and break-glass), newest first, with who asked and who decided; paged, audited.';
grant execute on function support.sp_list_support_access_requests(uuid, uuid, integer, integer) to estate_support;

------------------------------------------------------------------------------------------------
-- Staff: what an access unlocks
------------------------------------------------------------------------------------------------

create or replace function support.sp_get_user_assets_unmasked(p_tenant_id uuid, p_user_id uuid, p_limit integer,
                                                               p_offset integer)
  returns table (asset_id uuid, asset_type text, category_code text, name text, description text, currency text,
                 is_liability boolean, status text, ownership_percentage numeric, ownership_form text,
                 latest_value numeric, valued_on date, identifier_last4 text, access_expires_at timestamptz)
  language plpgsql volatile security definer
  set search_path = pg_catalog, pg_temp
as $$
#variable_conflict use_column
declare
  v_tenant_id uuid := app.enter_tenant_as_support(p_tenant_id);
  v_actor text := app.require_staff_member();
  v_request_id uuid;
  v_expires_at timestamptz;
begin
  perform app.check_page(p_limit, p_offset);
  select g.request_id, g.expires_at into v_request_id, v_expires_at from app.require_support_access(v_tenant_id, p_user_id) g;
  insert into app.support_access_events (tenant_id, access_request_id, user_id, what, staff_actor)
  values (v_tenant_id, v_request_id, p_user_id, 'assets', v_actor);
  -- The user's own persona's assets (the people they act for were not asked).
  return query
    select a.id, a.asset_type, a.category_code, a.name, a.description, a.currency, a.is_liability, a.status,
           o.ownership_percentage, o.ownership_form::text, l.amount, l.valued_on, a.identifier_last4, v_expires_at
      from app.user_personas up
      join app.asset_ownerships o on o.tenant_id = up.tenant_id and o.persona_id = up.persona_id
      join app.assets a on a.tenant_id = o.tenant_id and a.id = o.asset_id
      left join app.asset_latest_valuations l on l.tenant_id = a.tenant_id and l.asset_id = a.id
     where up.tenant_id = v_tenant_id and up.user_id = p_user_id and up.link_kind = 'self'
     order by a.created_at, a.id
     limit p_limit offset p_offset;
  perform app.audit_support_read(v_tenant_id, 'support.sp_get_user_assets_unmasked', p_user_id::text,
    pg_catalog.jsonb_build_object('access_request_id', v_request_id, 'limit', p_limit, 'offset', p_offset));
end
$$;
comment on function support.sp_get_user_assets_unmasked(uuid, uuid, integer, integer) is
  'Support: the assets of a user''s own persona with names and descriptions in clear, under a current approved access of the caller''s; recorded as an access event the user sees, audited.';
grant execute on function support.sp_get_user_assets_unmasked(uuid, uuid, integer, integer) to estate_support;

create or replace function support.sp_get_account_number(p_tenant_id uuid, p_user_id uuid, p_asset_id uuid)
  returns table (asset_id uuid, identifier_ciphertext bytea, identifier_last4 text, access_expires_at timestamptz)
  language plpgsql volatile security definer
  set search_path = pg_catalog, pg_temp
as $$
#variable_conflict use_column
declare
  v_tenant_id uuid := app.enter_tenant_as_support(p_tenant_id);
  v_actor text := app.require_staff_member();
  v_request_id uuid;
  v_expires_at timestamptz;
  v_ciphertext bytea;
  v_last4 text;
begin
  select g.request_id, g.expires_at into v_request_id, v_expires_at from app.require_support_access(v_tenant_id, p_user_id) g;
  select a.identifier_ciphertext, a.identifier_last4 into v_ciphertext, v_last4
    from app.user_personas up
    join app.asset_ownerships o on o.tenant_id = up.tenant_id and o.persona_id = up.persona_id
    join app.assets a on a.tenant_id = o.tenant_id and a.id = o.asset_id
   where up.tenant_id = v_tenant_id and up.user_id = p_user_id and up.link_kind = 'self' and a.id = p_asset_id;
  if not found then
    perform app.fail('PT404', 'asset_not_found', 'asset not found');
  end if;
  if v_ciphertext is null then
    perform app.fail('PT404', 'account_number_not_found', 'this asset has no account number');
  end if;
  -- The ciphertext only: the support route decrypts it with the API's field keys.
  insert into app.support_access_events (tenant_id, access_request_id, user_id, what, asset_id, staff_actor)
  values (v_tenant_id, v_request_id, p_user_id, 'account_number', p_asset_id, v_actor);
  perform app.audit_support_read(v_tenant_id, 'support.sp_get_account_number', p_asset_id::text,
    pg_catalog.jsonb_build_object('access_request_id', v_request_id, 'user_id', p_user_id));
  return query select p_asset_id, v_ciphertext, v_last4, v_expires_at;
end
$$;
comment on function support.sp_get_account_number(uuid, uuid, uuid) is
  'Support: the encrypted account number of one of a user''s assets (the route decrypts it), under a current approved access of the caller''s; recorded as an access event the user sees, audited.';
grant execute on function support.sp_get_account_number(uuid, uuid, uuid) to estate_support;

------------------------------------------------------------------------------------------------
-- The user's side: see, approve, deny, revoke; the access records
------------------------------------------------------------------------------------------------

create or replace function app.my_support_access_request(p_request_id uuid) returns app.support_access_requests
  language plpgsql volatile
  set search_path = pg_catalog, pg_temp
as $$
declare
  v_user_id uuid := app.current_user_id();
  v_row app.support_access_requests;
begin
  -- The user's own requests: consent ones, and break-glass ones once they took effect. Another
  -- user's, another tenant's and a random id answer alike.
  select * into v_row from app.support_access_requests r
   where r.tenant_id = app.current_tenant_id() and r.id = p_request_id and r.user_id = v_user_id
     and (r.kind = 'consent' or r.decided_at is not null)
   for update;
  if v_row.id is null then
    perform app.fail('PT404', 'access_request_not_found', 'access request not found');
  end if;
  return v_row;
end
$$;
comment on function app.my_support_access_request(uuid) is
  'Locks and returns one of the calling user''s support access requests; raises access_request_not_found for any other id.';

create or replace function app.my_support_access_request_row(p_request_id uuid)
  returns table (request_id uuid, kind text, state text, reason text, ticket_ref text, minutes integer,
                 requested_at timestamptz, respond_by timestamptz, decided_at timestamptz, expires_at timestamptz,
                 ended_at timestamptz, view_count integer, last_viewed_at timestamptz)
  language sql stable
  set search_path = pg_catalog, pg_temp
as $$
  -- Which staff member is support's business (the audit log); that support asked, why and when is the user's.
  select r.id, r.kind, app.support_access_state(r.status, r.respond_by, r.expires_at), r.reason, r.ticket_ref,
         r.minutes, r.requested_at, r.respond_by, r.decided_at, r.expires_at, r.ended_at, r.view_count, r.last_viewed_at
    from app.support_access_requests r
   where r.tenant_id = app.current_tenant_id() and r.id = p_request_id
$$;
comment on function app.my_support_access_request_row(uuid) is 'One support access request as its user sees it (not which staff member).';

create or replace function api.sp_list_my_support_access_requests(p_state text, p_limit integer, p_offset integer)
  returns table (request_id uuid, kind text, state text, reason text, ticket_ref text, minutes integer,
                 requested_at timestamptz, respond_by timestamptz, decided_at timestamptz, expires_at timestamptz,
                 ended_at timestamptz, view_count integer, last_viewed_at timestamptz)
  language plpgsql stable security definer
  set search_path = pg_catalog, pg_temp
as $$
declare
  v_user_id uuid := app.current_user_id();
begin
  perform app.check_page(p_limit, p_offset);
  if p_state is not null
     and p_state not in ('pending', 'lapsed', 'active', 'expired', 'denied', 'revoked', 'closed') then
    perform app.fail('PT400', 'invalid_state', 'state is pending, lapsed, active, expired, denied, revoked or closed');
  end if;
  return query
    select x.*
      from app.support_access_requests r
      cross join lateral app.my_support_access_request_row(r.id) x
     where r.tenant_id = app.current_tenant_id() and r.user_id = v_user_id
       and (r.kind = 'consent' or r.decided_at is not null)
       and (p_state is null or x.state = p_state)
     order by r.requested_at desc, r.id
     limit p_limit offset p_offset;
end
$$;
comment on function api.sp_list_my_support_access_requests(text, integer, integer) is
  'The signed-in user''s support access requests, newest first: what support asked for and why, waiting ones to approve or deny, and break-glass accesses once they took effect.';
grant execute on function api.sp_list_my_support_access_requests(text, integer, integer) to estate_api;

create or replace function api.sp_approve_support_access_request(p_request_id uuid)
  returns table (request_id uuid, kind text, state text, reason text, ticket_ref text, minutes integer,
                 requested_at timestamptz, respond_by timestamptz, decided_at timestamptz, expires_at timestamptz,
                 ended_at timestamptz, view_count integer, last_viewed_at timestamptz)
  language plpgsql volatile security definer
  set search_path = pg_catalog, pg_temp
as $$
declare
  v_row app.support_access_requests := app.my_support_access_request(p_request_id);
begin
  if app.support_access_state(v_row.status, v_row.respond_by, v_row.expires_at) <> 'pending' then
    perform app.fail('PT409', 'access_request_not_pending', 'this request is no longer waiting for a decision');
  end if;
  -- The minutes run from the user's approval, not from the request.
  update app.support_access_requests r
     set status = 'approved', decided_by = app.current_actor_id(), decided_at = pg_catalog.now(),
         expires_at = pg_catalog.now() + pg_catalog.make_interval(mins => r.minutes)
   where r.tenant_id = v_row.tenant_id and r.id = v_row.id;
  return query select * from app.my_support_access_request_row(v_row.id);
end
$$;
comment on function api.sp_approve_support_access_request(uuid) is
  'The signed-in user lets support see their data beyond the masked view for the minutes asked, from now.';
grant execute on function api.sp_approve_support_access_request(uuid) to estate_api;

create or replace function api.sp_deny_support_access_request(p_request_id uuid)
  returns table (request_id uuid, kind text, state text, reason text, ticket_ref text, minutes integer,
                 requested_at timestamptz, respond_by timestamptz, decided_at timestamptz, expires_at timestamptz,
                 ended_at timestamptz, view_count integer, last_viewed_at timestamptz)
  language plpgsql volatile security definer
  set search_path = pg_catalog, pg_temp
as $$
declare
  v_row app.support_access_requests := app.my_support_access_request(p_request_id);
begin
  if app.support_access_state(v_row.status, v_row.respond_by, v_row.expires_at) <> 'pending' then
    perform app.fail('PT409', 'access_request_not_pending', 'this request is no longer waiting for a decision');
  end if;
  update app.support_access_requests r
     set status = 'denied', decided_by = app.current_actor_id(), decided_at = pg_catalog.now()
   where r.tenant_id = v_row.tenant_id and r.id = v_row.id;
  return query select * from app.my_support_access_request_row(v_row.id);
end
$$;
comment on function api.sp_deny_support_access_request(uuid) is 'The signed-in user refuses support''s request for access to their data.';
grant execute on function api.sp_deny_support_access_request(uuid) to estate_api;

create or replace function api.sp_revoke_support_access_request(p_request_id uuid)
  returns table (request_id uuid, kind text, state text, reason text, ticket_ref text, minutes integer,
                 requested_at timestamptz, respond_by timestamptz, decided_at timestamptz, expires_at timestamptz,
                 ended_at timestamptz, view_count integer, last_viewed_at timestamptz)
  language plpgsql volatile security definer
  set search_path = pg_catalog, pg_temp
as $$
declare
  v_row app.support_access_requests := app.my_support_access_request(p_request_id);
begin
  -- A break-glass access exists because the user could not be asked (docs/support.md): staff end it.
  if v_row.kind = 'break_glass' then
    perform app.fail('PT409', 'break_glass_not_revocable', 'a break-glass access is ended by support, not revoked by the user');
  end if;
  if app.support_access_state(v_row.status, v_row.respond_by, v_row.expires_at) <> 'active' then
    perform app.fail('PT409', 'access_request_not_active', 'this access is not active');
  end if;
  update app.support_access_requests r
     set status = 'revoked', ended_by = app.current_actor_id(), ended_at = pg_catalog.now()
   where r.tenant_id = v_row.tenant_id and r.id = v_row.id;
  return query select * from app.my_support_access_request_row(v_row.id);
end
$$;
comment on function api.sp_revoke_support_access_request(uuid) is
  'The signed-in user ends an access they approved before it expires: support''s next look is refused.';
grant execute on function api.sp_revoke_support_access_request(uuid) to estate_api;

create or replace function api.sp_list_my_support_access_events(p_limit integer, p_offset integer)
  returns table (event_id uuid, occurred_at timestamptz, what text, asset_id uuid, asset_name text,
                 request_id uuid, kind text, reason text, ticket_ref text)
  language plpgsql stable security definer
  set search_path = pg_catalog, pg_temp
as $$
declare
  v_user_id uuid := app.current_user_id();
begin
  perform app.check_page(p_limit, p_offset);
  -- "Support viewed your account number of <asset> on <when> because <reason> (<ticket>)".
  return query
    select e.id, e.occurred_at, e.what, e.asset_id, a.name, r.id, r.kind, r.reason, r.ticket_ref
      from app.support_access_events e
      join app.support_access_requests r on r.tenant_id = e.tenant_id and r.id = e.access_request_id
      left join app.assets a on a.tenant_id = e.tenant_id and a.id = e.asset_id
     where e.tenant_id = app.current_tenant_id() and e.user_id = v_user_id
     order by e.occurred_at desc, e.id
     limit p_limit offset p_offset;
end
$$;
comment on function api.sp_list_my_support_access_events(integer, integer) is
  'The signed-in user''s access records: each time support looked at their data under an access (assets in clear, an account number), when, why and under which request.';
grant execute on function api.sp_list_my_support_access_events(integer, integer) to estate_api;
