-- Emergency access (issue 13), a state machine drawn in docs/legacy.md: a grantor (a signed-in
-- user, for their own persona) names a trusted user of the tenant with a scope and a waiting
-- period; invited -> accepted (grantee) -> confirmed (grantor) -> recovery_requested (grantee) ->
-- approved (grantor, or the wait ending without a refusal) -> expired (the access window ended);
-- refused returns a request to confirmed; revoked by either side at any time. Each transition is
-- one procedure: the caller's role checked first (anyone else gets the answer a random id gets),
-- the row locked, the time-driven states settled, one outbox event written.

------------------------------------------------------------------------------------------------
-- Helpers
------------------------------------------------------------------------------------------------

create or replace function app.emergency_access_bounds(out min_wait_days integer, out max_wait_days integer,
                                                       out access_days integer)
  language sql stable security definer
  set search_path = pg_catalog, pg_temp
as $$
  -- A tenant may narrow the waiting period inside 1..90 days and set the access window (1..365,
  -- 30 by default) in its settings: emergencyAccessMinWaitDays, emergencyAccessMaxWaitDays,
  -- emergencyAccessWindowDays. Anything else there is ignored.
  with s as (
    select case when t.settings ->> 'emergencyAccessMinWaitDays' ~ '^[0-9]{1,2}$'
                then (t.settings ->> 'emergencyAccessMinWaitDays')::integer end as min_wait,
           case when t.settings ->> 'emergencyAccessMaxWaitDays' ~ '^[0-9]{1,2}$'
                then (t.settings ->> 'emergencyAccessMaxWaitDays')::integer end as max_wait,
           case when t.settings ->> 'emergencyAccessWindowDays' ~ '^[0-9]{1,3}$'
                then (t.settings ->> 'emergencyAccessWindowDays')::integer end as window_days
      from app.tenants t where t.tenant_id = (select app.current_tenant_id())
  )
  select least(greatest(coalesce(s.min_wait, 1), 1), 90),
         least(greatest(coalesce(s.max_wait, 90), coalesce(s.min_wait, 1), 1), 90),
         least(greatest(coalesce(s.window_days, 30), 1), 365)
    from s
$$;
comment on function app.emergency_access_bounds() is
  'The tenant''s bounds of an emergency-access grant: waiting period (within 1..90 days) and access window (default 30 days).';

create or replace function app.emergency_access_effective(p_grant app.emergency_access_grants,
                                                          out state text, out approved_at timestamptz, out approved_by text)
  language sql stable
  set search_path = pg_catalog, pg_temp
as $$
  -- The time-driven transitions, computed (no timer): a request not refused within the wait is
  -- approved when the wait ends; an approved grant expires when its access window ends.
  with a as (
    select case when p_grant.state = 'recovery_requested'
                     and p_grant.recovery_requested_at + pg_catalog.make_interval(days => p_grant.wait_days) <= pg_catalog.now()
                then 'approved' else p_grant.state end as state,
           case when p_grant.state = 'recovery_requested'
                then p_grant.recovery_requested_at + pg_catalog.make_interval(days => p_grant.wait_days)
                else p_grant.approved_at end as approved_at,
           case when p_grant.state = 'recovery_requested' then 'waiting_period' else p_grant.approved_by end as approved_by
  )
  select case when a.state = 'approved'
                   and a.approved_at + pg_catalog.make_interval(days => p_grant.access_days) <= pg_catalog.now()
              then 'expired' else a.state end,
         case when a.state in ('approved', 'expired') then a.approved_at end,
         case when a.state in ('approved', 'expired') then a.approved_by end
    from a
$$;
comment on function app.emergency_access_effective(app.emergency_access_grants) is
  'A grant''s state now: a request whose wait ended unrefused is approved, an approved grant past its window expired.';

create or replace function app.emergency_access_view(p_grant_id uuid, p_user_id uuid)
  returns setof app.emergency_access_row
  language sql stable security definer
  set search_path = pg_catalog, pg_temp
as $$
  select g.id,
         case when g.grantor_user_id = p_user_id then 'grantor' else 'grantee' end,
         g.grantor_user_id, g.grantor_persona_id, p.first_name || ' ' || p.last_name,
         -- The grantor sees who the grantee is only once they accepted: an unknown email or id
         -- and a registered user's answer alike until then.
         case when g.grantor_user_id = p_user_id and g.accepted_at is null then null else g.grantee_user_id end,
         g.scope, g.wait_days, g.access_days, e.state,
         case when e.state = 'recovery_requested' or (e.state in ('approved', 'expired') and e.approved_by = 'waiting_period')
              then g.recovery_requested_at end,
         case when e.state = 'recovery_requested'
              then g.recovery_requested_at + pg_catalog.make_interval(days => g.wait_days) end,
         e.approved_at, e.approved_by,
         e.approved_at + pg_catalog.make_interval(days => g.access_days),
         g.revoked_at, g.revoked_by, g.created_at, g.updated_at
    from app.emergency_access_grants g
    join app.personas p on p.tenant_id = g.tenant_id and p.id = g.grantor_persona_id
    cross join lateral app.emergency_access_effective(g) e
   where g.tenant_id = (select app.current_tenant_id()) and g.id = p_grant_id
     and p_user_id in (g.grantor_user_id, g.grantee_user_id)
$$;
comment on function app.emergency_access_view(uuid, uuid) is
  'A grant as its grantor or grantee sees it, with its effective state; nothing for anyone else.';

create or replace function app.settle_emergency_access_grant(p_grant app.emergency_access_grants)
  returns app.emergency_access_grants
  language plpgsql volatile security definer
  set search_path = pg_catalog, pg_temp
as $$
declare
  v_grant app.emergency_access_grants := p_grant;
  v_effective record;
begin
  -- The caller holds the grant's row lock. A request whose wait ended unrefused becomes approved,
  -- an approved grant past its window expired: stored, each with its outbox event.
  select * into v_effective from app.emergency_access_effective(v_grant);
  if v_effective.state in ('approved', 'expired') and v_grant.state = 'recovery_requested' then
    update app.emergency_access_grants g set state = 'approved', approved_at = v_effective.approved_at,
           approved_by = 'waiting_period', updated_at = pg_catalog.now()
     where g.tenant_id = v_grant.tenant_id and g.id = v_grant.id returning g.* into v_grant;
    perform app.emit_emergency_access_event(v_grant, 'recovery_requested', 'waiting_period');
  end if;
  if v_effective.state = 'expired' and v_grant.state = 'approved' then
    update app.emergency_access_grants g set state = 'expired', updated_at = pg_catalog.now()
     where g.tenant_id = v_grant.tenant_id and g.id = v_grant.id returning g.* into v_grant;
    perform app.emit_emergency_access_event(v_grant, 'approved', 'access_window');
  end if;
  return v_grant;
end
$$;
comment on function app.settle_emergency_access_grant(app.emergency_access_grants) is
  'Stores a locked grant''s time-driven transitions (approved when the wait ended, expired after the window), each with its outbox event.';

create or replace function app.lock_emergency_access(p_grant_id uuid, p_user_id uuid, p_role text)
  returns app.emergency_access_grants
  language plpgsql volatile security definer
  set search_path = pg_catalog, pg_temp
as $$
declare
  v_grant app.emergency_access_grants;
  v_tenant_id uuid := app.current_tenant_id();
begin
  -- The caller in the role the step needs, or the same answer as a random id; the row locked, so
  -- two racing steps run one after the other and the second sees the first's state.
  select g.* into v_grant from app.emergency_access_grants g
   where g.tenant_id = v_tenant_id and g.id = p_grant_id
     and ((p_role in ('grantor', 'either') and g.grantor_user_id = p_user_id)
          or (p_role in ('grantee', 'either') and g.grantee_user_id = p_user_id))
   for update;
  if v_grant.id is null then
    perform app.fail('PT404', 'emergency_access_not_found', 'emergency access grant not found');
  end if;
  -- Settle the time-driven transitions first, each with its event.
  return app.settle_emergency_access_grant(v_grant);
end
$$;
comment on function app.lock_emergency_access(uuid, uuid, text) is
  'Locks a grant the user holds in the role (grantor, grantee or either), raising emergency_access_not_found otherwise; settles the time-driven transitions with their events.';

create or replace function app.emit_emergency_access_event(p_grant app.emergency_access_grants, p_previous text, p_by text)
  returns void
  language plpgsql volatile security definer
  set search_path = pg_catalog, pg_temp
as $$
begin
  perform app.emit_event('emergency_access.' || p_grant.state, 'emergency_access_grant', p_grant.id,
    pg_catalog.jsonb_build_object('grantId', p_grant.id, 'grantorUserId', p_grant.grantor_user_id,
      'grantorPersonaId', p_grant.grantor_persona_id, 'granteeUserId', p_grant.grantee_user_id, 'scope', p_grant.scope,
      'state', p_grant.state, 'previousState', p_previous, 'by', p_by));
end
$$;
comment on function app.emit_emergency_access_event(app.emergency_access_grants, text, text) is
  'Writes the outbox event of a grant''s transition: ids, scope, the new and previous state and who (or what) moved it.';

create or replace function app.require_emergency_access_state(p_grant app.emergency_access_grants, p_states text[])
  returns void
  language plpgsql immutable
  set search_path = pg_catalog, pg_temp
as $$
begin
  if not p_grant.state = any (p_states) then
    perform app.fail('PT409', 'emergency_access_wrong_state',
                     pg_catalog.format('this grant is %s: the step needs it %s', p_grant.state, pg_catalog.array_to_string(p_states, ' or ')));
  end if;
end
$$;
comment on function app.require_emergency_access_state(app.emergency_access_grants, text[]) is
  'Raises emergency_access_wrong_state unless the grant is in one of the states.';

------------------------------------------------------------------------------------------------
-- The grantor names a trusted user; the lists
------------------------------------------------------------------------------------------------

create or replace function api.sp_create_emergency_access(p_grantee_user_id uuid, p_grantee_email text, p_scope text,
                                                          p_wait_days integer)
  returns setof app.emergency_access_row
  language plpgsql volatile security definer
  set search_path = pg_catalog, pg_temp
as $$
declare
  v_user_id uuid := app.current_user_id();
  v_tenant_id uuid := app.current_tenant_id();
  v_persona_id uuid;
  v_bounds record;
  v_grantee uuid;
  v_email text;
  v_grant app.emergency_access_grants;
begin
  select up.persona_id into v_persona_id from app.user_personas up
   where up.tenant_id = v_tenant_id and up.user_id = v_user_id and up.link_kind = 'self';
  if v_persona_id is null then
    perform app.fail('PT404', 'persona_not_found', 'persona not found');
  end if;
  if p_scope is null or p_scope not in ('view', 'act_for') then
    perform app.fail('PT400', 'invalid_emergency_access_scope', 'scope must be view or act_for');
  end if;
  select * into v_bounds from app.emergency_access_bounds();
  if p_wait_days is null or p_wait_days not between v_bounds.min_wait_days and v_bounds.max_wait_days then
    perform app.fail('PT400', 'invalid_wait_days',
                     pg_catalog.format('the waiting period must be %s to %s days', v_bounds.min_wait_days, v_bounds.max_wait_days));
  end if;
  if pg_catalog.num_nonnulls(p_grantee_user_id, p_grantee_email) <> 1 then
    perform app.fail('PT400', 'invalid_emergency_access_grantee', 'name the trusted user by granteeUserId or by granteeEmail, not both');
  end if;
  if p_grantee_email is not null then
    v_email := app.normalize_email(p_grantee_email);
  end if;
  if p_grantee_user_id = v_user_id
     or v_email = (select pg_catalog.lower(u.email) from app.users u where u.tenant_id = v_tenant_id and u.id = v_user_id) then
    perform app.fail('PT400', 'emergency_access_self', 'you cannot name yourself as your trusted user');
  end if;
  if (select pg_catalog.count(*) from app.emergency_access_grants g
       where g.tenant_id = v_tenant_id and g.grantor_user_id = v_user_id and g.state not in ('revoked', 'expired')) >= 20 then
    perform app.fail('PT409', 'emergency_access_limit', 'at most 20 emergency access grants may be live at once: revoke one first');
  end if;
  -- An id or email naming no active user of this tenant gets the same answer: a grant nobody
  -- can accept (the grantor learns nothing about who is registered).
  select u.id into v_grantee from app.users u
   where u.tenant_id = v_tenant_id and u.status = 'active'
     and (u.id = p_grantee_user_id or pg_catalog.lower(u.email) = v_email);
  insert into app.emergency_access_grants (tenant_id, grantor_user_id, grantor_persona_id, grantee_user_id, scope,
                                           wait_days, access_days)
  values (v_tenant_id, v_user_id, v_persona_id, v_grantee, p_scope, p_wait_days, v_bounds.access_days)
  returning * into v_grant;
  perform app.emit_emergency_access_event(v_grant, null, 'grantor');
  return query select * from app.emergency_access_view(v_grant.id, v_user_id);
end
$$;
comment on function api.sp_create_emergency_access(uuid, text, text, integer) is
  'The signed-in user names a trusted user of the tenant (by id or email; the same answer for an unknown one) to reach their own persona in an emergency, with a scope and a waiting period.';
grant execute on function api.sp_create_emergency_access(uuid, text, text, integer) to estate_api;

create or replace function api.sp_list_emergency_access(p_role text, p_limit integer, p_offset integer)
  returns setof app.emergency_access_row
  language plpgsql stable security definer
  set search_path = pg_catalog, pg_temp
as $$
declare
  v_user_id uuid := app.current_user_id();
begin
  if p_role is not null and p_role not in ('grantor', 'grantee') then
    perform app.fail('PT400', 'invalid_emergency_access_role', 'role must be grantor or grantee');
  end if;
  perform app.check_page(p_limit, p_offset);
  return query
    select v.* from (select g.id, g.created_at from app.emergency_access_grants g
                      where g.tenant_id = app.current_tenant_id()
                        and ((coalesce(p_role, 'grantor') = 'grantor' and g.grantor_user_id = v_user_id)
                             or (coalesce(p_role, 'grantee') = 'grantee' and g.grantee_user_id = v_user_id))
                      order by g.created_at desc, g.id limit p_limit offset p_offset) page
    cross join lateral app.emergency_access_view(page.id, v_user_id) v
    order by page.created_at desc, page.id;
end
$$;
comment on function api.sp_list_emergency_access(text, integer, integer) is
  'The emergency access grants the caller gave (grantor) or holds (grantee), or both, newest first, with their effective states.';
grant execute on function api.sp_list_emergency_access(text, integer, integer) to estate_api;

------------------------------------------------------------------------------------------------
-- The transitions
------------------------------------------------------------------------------------------------

create or replace function app.emergency_access_step(p_grant_id uuid, p_role text, p_from text[], p_to text)
  returns setof app.emergency_access_row
  language plpgsql volatile security definer
  set search_path = pg_catalog, pg_temp
as $$
declare
  v_user_id uuid := app.current_user_id();
  v_tenant_id uuid := app.current_tenant_id();
  v_grant app.emergency_access_grants := app.lock_emergency_access(p_grant_id, v_user_id, p_role);
  v_previous text := v_grant.state;
  v_by text;
begin
  perform app.require_emergency_access_state(v_grant, p_from);
  -- After the grantor's verified death nobody is left to refuse: no new request opens access (the
  -- executor governs); an approved grant runs to the end of its window.
  if p_to = 'recovery_requested' and app.persona_is_frozen(v_tenant_id, v_grant.grantor_persona_id) then
    perform app.fail('PT409', 'persona_frozen', 'the grantor''s death has been verified: no new request opens access');
  end if;
  v_by := case when v_grant.grantor_user_id = v_user_id then 'grantor' else 'grantee' end;
  update app.emergency_access_grants g
     set state = case when p_to = 'refused' then 'confirmed' else p_to end,
         accepted_at = case when p_to = 'accepted' then pg_catalog.now() else g.accepted_at end,
         confirmed_at = case when p_to = 'confirmed' then pg_catalog.now() else g.confirmed_at end,
         recovery_requested_at = case when p_to = 'recovery_requested' then pg_catalog.now()
                                      when p_to = 'refused' then null else g.recovery_requested_at end,
         last_refused_at = case when p_to = 'refused' then pg_catalog.now() else g.last_refused_at end,
         approved_at = case when p_to = 'approved' then pg_catalog.now()
                            when p_to = 'recovery_requested' then null else g.approved_at end,
         approved_by = case when p_to = 'approved' then 'grantor'
                            when p_to = 'recovery_requested' then null else g.approved_by end,
         revoked_at = case when p_to = 'revoked' then pg_catalog.now() else g.revoked_at end,
         revoked_by = case when p_to = 'revoked' then v_by else g.revoked_by end
   where g.tenant_id = v_tenant_id and g.id = p_grant_id
   returning g.* into v_grant;
  if p_to = 'refused' then
    -- The event says what happened (refused); the grant is back to confirmed.
    perform app.emit_event('emergency_access.refused', 'emergency_access_grant', v_grant.id,
      pg_catalog.jsonb_build_object('grantId', v_grant.id, 'grantorUserId', v_grant.grantor_user_id,
        'grantorPersonaId', v_grant.grantor_persona_id, 'granteeUserId', v_grant.grantee_user_id, 'scope', v_grant.scope,
        'state', v_grant.state, 'previousState', v_previous, 'by', v_by));
  else
    perform app.emit_emergency_access_event(v_grant, v_previous, v_by);
  end if;
  return query select * from app.emergency_access_view(p_grant_id, v_user_id);
end
$$;
comment on function app.emergency_access_step(uuid, text, text[], text) is
  'One transition of a grant: the caller in the role (else emergency_access_not_found), the row locked and settled, the state checked, the change and its outbox event.';

create or replace function api.sp_accept_emergency_access(p_grant_id uuid)
  returns setof app.emergency_access_row
  language plpgsql volatile security definer
  set search_path = pg_catalog, pg_temp
as $$
begin
  perform app.current_user_id();
  return query select * from app.emergency_access_step(p_grant_id, 'grantee', array['invited'], 'accepted');
end
$$;
comment on function api.sp_accept_emergency_access(uuid) is 'The named trusted user accepts an invited grant.';
grant execute on function api.sp_accept_emergency_access(uuid) to estate_api;

create or replace function api.sp_confirm_emergency_access(p_grant_id uuid)
  returns setof app.emergency_access_row
  language plpgsql volatile security definer
  set search_path = pg_catalog, pg_temp
as $$
begin
  perform app.current_user_id();
  return query select * from app.emergency_access_step(p_grant_id, 'grantor', array['accepted'], 'confirmed');
end
$$;
comment on function api.sp_confirm_emergency_access(uuid) is 'The grantor confirms the grant the trusted user accepted.';
grant execute on function api.sp_confirm_emergency_access(uuid) to estate_api;

create or replace function api.sp_request_emergency_access(p_grant_id uuid)
  returns setof app.emergency_access_row
  language plpgsql volatile security definer
  set search_path = pg_catalog, pg_temp
as $$
begin
  perform app.current_user_id();
  return query select * from app.emergency_access_step(p_grant_id, 'grantee', array['confirmed'], 'recovery_requested');
end
$$;
comment on function api.sp_request_emergency_access(uuid) is
  'The trusted user requests access under a confirmed grant: the waiting period starts.';
grant execute on function api.sp_request_emergency_access(uuid) to estate_api;

create or replace function api.sp_approve_emergency_access(p_grant_id uuid)
  returns setof app.emergency_access_row
  language plpgsql volatile security definer
  set search_path = pg_catalog, pg_temp
as $$
begin
  perform app.current_user_id();
  return query select * from app.emergency_access_step(p_grant_id, 'grantor', array['recovery_requested'], 'approved');
end
$$;
comment on function api.sp_approve_emergency_access(uuid) is
  'The grantor approves a pending request before its waiting period ends: the access window opens.';
grant execute on function api.sp_approve_emergency_access(uuid) to estate_api;

create or replace function api.sp_refuse_emergency_access(p_grant_id uuid)
  returns setof app.emergency_access_row
  language plpgsql volatile security definer
  set search_path = pg_catalog, pg_temp
as $$
begin
  perform app.current_user_id();
  return query select * from app.emergency_access_step(p_grant_id, 'grantor', array['recovery_requested'], 'refused');
end
$$;
comment on function api.sp_refuse_emergency_access(uuid) is
  'The grantor refuses a pending request within its waiting period: the grant is confirmed again.';
grant execute on function api.sp_refuse_emergency_access(uuid) to estate_api;

create or replace function api.sp_revoke_emergency_access(p_grant_id uuid)
  returns setof app.emergency_access_row
  language plpgsql volatile security definer
  set search_path = pg_catalog, pg_temp
as $$
begin
  perform app.current_user_id();
  return query select * from app.emergency_access_step(p_grant_id, 'either',
    array['invited', 'accepted', 'confirmed', 'recovery_requested', 'approved'], 'revoked');
end
$$;
comment on function api.sp_revoke_emergency_access(uuid) is
  'The grantor revokes a grant at any time, or the trusted user declines or leaves it; access ends at once.';
grant execute on function api.sp_revoke_emergency_access(uuid) to estate_api;

------------------------------------------------------------------------------------------------
-- What an open grant unlocks
------------------------------------------------------------------------------------------------

create or replace function app.persona_assets_page(p_persona_id uuid, p_limit integer, p_offset integer)
  returns table (asset_id uuid, asset_type text, category_code text, name text, currency text, is_liability boolean,
                 ownership_percentage numeric, current_value numeric, current_value_currency text, valued_on date,
                 total integer)
  language sql stable security definer
  set search_path = pg_catalog, pg_temp
as $$
  -- Internal (its callers checked the grant or role): a page of the persona's assets by name, with
  -- the persona's share and the latest valuation, and how many there are.
  select x.*, (pg_catalog.count(*) over ())::integer from (
    select a.id, a.asset_type, a.category_code, a.name, a.currency, a.is_liability, o.ownership_percentage,
           v.amount, v.currency, v.valued_on
      from app.asset_ownerships o
      join app.assets a on a.tenant_id = o.tenant_id and a.id = o.asset_id
      left join lateral (select l.amount, l.currency, l.valued_on from app.asset_valuations l
                          where l.tenant_id = a.tenant_id and l.asset_id = a.id
                          order by l.valued_on desc, l.created_at desc limit 1) v on true
     where o.tenant_id = (select app.current_tenant_id()) and o.persona_id = p_persona_id
  ) x
  order by x.name, x.id
  limit p_limit offset p_offset
$$;
comment on function app.persona_assets_page(uuid, integer, integer) is
  'Internal: a page of a persona''s assets with their share and latest value (for emergency access and fiduciaries, who checked access).';

create or replace function api.sp_read_emergency_access_assets(p_grant_id uuid, p_limit integer, p_offset integer)
  returns table (asset_id uuid, asset_type text, category_code text, name text, currency text, is_liability boolean,
                 ownership_percentage numeric, current_value numeric, current_value_currency text, valued_on date,
                 total integer)
  language plpgsql volatile security definer
  set search_path = pg_catalog, pg_temp
as $$
#variable_conflict use_column
declare
  v_user_id uuid := app.current_user_id();
  v_tenant_id uuid := app.current_tenant_id();
  v_grant app.emergency_access_grants;
  v_count integer;
begin
  perform app.check_page(p_limit, p_offset);
  v_grant := app.lock_emergency_access(p_grant_id, v_user_id, 'grantee');
  if v_grant.state <> 'approved' then
    perform app.fail('PT403', 'emergency_access_not_open',
                     pg_catalog.format('this grant is %s: access is open only while it is approved', v_grant.state));
  end if;
  return query select * from app.persona_assets_page(v_grant.grantor_persona_id, p_limit, p_offset);
  get diagnostics v_count = row_count;
  -- Everything read under a grant is recorded: who, which grant, whose persona, how much.
  insert into audit.audit_log (tenant_id, actor_kind, actor_id, request_id, table_name, row_id, operation,
                               changed_columns, changes)
  values (v_tenant_id, 'user', app.current_actor_id(), app.current_request_id(), 'api.sp_read_emergency_access_assets',
          p_grant_id::text, 'READ', null,
          pg_catalog.jsonb_build_object('grantorPersonaId', v_grant.grantor_persona_id, 'granteeUserId', v_user_id,
                                        'rows', v_count, 'limit', p_limit, 'offset', p_offset));
end
$$;
comment on function api.sp_read_emergency_access_assets(uuid, integer, integer) is
  'The trusted user of an approved grant, within its access window, reads the grantor''s assets (share, latest value); every read audited.';
grant execute on function api.sp_read_emergency_access_assets(uuid, integer, integer) to estate_api;

------------------------------------------------------------------------------------------------
-- The operators' sweep
------------------------------------------------------------------------------------------------

create or replace function support.sp_settle_emergency_access(p_tenant_id uuid, p_limit integer)
  returns table (tenant_id uuid, grant_id uuid, state text)
  language plpgsql volatile security definer
  set search_path = pg_catalog, pg_temp
as $$
#variable_conflict use_column
declare
  v_tenant record;
  v_grant app.emergency_access_grants;
  v_left integer := p_limit;
begin
  -- Operators only (run by `npm run operator -- settle-emergency-access` every few minutes): the
  -- time-driven transitions are computed on every read, but their events wait until a grant is
  -- touched; this stores and announces them on time. Grants a user is changing are skipped
  -- (locked) and settled by that user's step or the next sweep.
  perform app.require_operator();
  perform app.check_page(p_limit, 0, 10000);
  if p_tenant_id is not null and not exists (select 1 from app.tenants t where t.tenant_id = p_tenant_id) then
    perform app.fail('PT404', 'tenant_not_found', 'tenant not found');
  end if;
  for v_tenant in select t.tenant_id from app.tenants t
                   where p_tenant_id is null or t.tenant_id = p_tenant_id order by t.tenant_id loop
    perform pg_catalog.set_config('app.tenant_id', v_tenant.tenant_id::text, true);
    for v_grant in select g.* from app.emergency_access_grants g
                    where g.tenant_id = v_tenant.tenant_id
                      and ((g.state = 'recovery_requested'
                            and g.recovery_requested_at + pg_catalog.make_interval(days => g.wait_days) <= pg_catalog.now())
                           or (g.state = 'approved'
                               and g.approved_at + pg_catalog.make_interval(days => g.access_days) <= pg_catalog.now()))
                    order by g.updated_at, g.id
                    limit v_left
                    for update skip locked loop
      v_grant := app.settle_emergency_access_grant(v_grant);
      tenant_id := v_grant.tenant_id;
      grant_id := v_grant.id;
      state := v_grant.state;
      return next;
      v_left := v_left - 1;
    end loop;
    exit when v_left <= 0;
  end loop;
end
$$;
comment on function support.sp_settle_emergency_access(uuid, integer) is
  'Operators: stores and announces the emergency-access grants whose wait or access window has ended (one tenant or all), at most a limit per run.';
grant execute on function support.sp_settle_emergency_access(uuid, integer) to estate_support;
