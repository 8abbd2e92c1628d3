-- Incapacity and death events (issue 13, docs/legacy.md): reported by someone close to the person
-- (a member of a family circle they are in, a delegate, or a trusted user of an emergency-access
-- grant they gave), blocked by the person signing in during the waiting period, withdrawn by the
-- reporter, evidence attached, verified by support staff (two different staff members for a death)
-- or rejected. Every transition is one procedure and writes one outbox event.

------------------------------------------------------------------------------------------------
-- Helpers
------------------------------------------------------------------------------------------------

create or replace function app.life_event_wait_days() returns integer
  language sql stable security definer
  set search_path = pg_catalog, pg_temp
as $$
  -- A tenant sets the waiting period in its settings (lifeEventWaitDays, 1 to 30; 7 by default).
  select least(greatest(case when t.settings ->> 'lifeEventWaitDays' ~ '^[0-9]{1,2}$'
                             then (t.settings ->> 'lifeEventWaitDays')::integer else 7 end, 1), 30)
    from app.tenants t where t.tenant_id = (select app.current_tenant_id())
$$;
comment on function app.life_event_wait_days() is
  'The tenant''s waiting period for a reported incapacity or death (settings lifeEventWaitDays, 1 to 30, default 7).';

create or replace function app.require_plan_open(p_persona_id uuid) returns void
  language plpgsql stable security definer
  set search_path = pg_catalog, pg_temp
as $$
begin
  -- Who acts for a person and who succeeds them is the person's own decision: once their death or
  -- incapacity is verified, no one changes it for them (NULL: a trust's appointments, not a persona's).
  if p_persona_id is null then
    return;
  end if;
  if app.persona_is_frozen(app.current_tenant_id(), p_persona_id) then
    perform app.fail('PT409', 'persona_frozen',
                     'this person''s death has been verified: their plan and who acts for them are frozen');
  end if;
  if exists (select 1 from app.life_events e
              where e.tenant_id = app.current_tenant_id() and e.persona_id = p_persona_id
                and e.kind = 'incapacity' and e.state = 'verified') then
    perform app.fail('PT409', 'persona_incapacitated',
                     'this person''s incapacity has been verified: who acts for them changes only once they sign in again');
  end if;
end
$$;
comment on function app.require_plan_open(uuid) is
  'Raises persona_frozen (verified death) or persona_incapacitated (verified incapacity, not ended) for a persona whose fiduciaries and delegates no one may change now.';

create or replace function app.may_report_life_event(p_user_id uuid, p_persona_id uuid) returns boolean
  language sql stable security definer
  set search_path = pg_catalog, pg_temp
as $$
  -- Someone close: a delegate of the person, an active member of a circle the person is an active
  -- member of, the trusted user of an emergency-access grant the person gave (accepted or later),
  -- or a fiduciary the person appointed (nominated or accepted).
  -- Never the person themselves.
  with t as (select app.current_tenant_id() as tenant_id)
  select not exists (select 1 from app.user_personas up, t
                      where up.tenant_id = t.tenant_id and up.user_id = p_user_id and up.persona_id = p_persona_id
                        and up.link_kind = 'self')
     and (exists (select 1 from app.user_personas up, t
                   where up.tenant_id = t.tenant_id and up.user_id = p_user_id and up.persona_id = p_persona_id
                     and up.link_kind = 'delegate')
          or exists (select 1 from t, app.user_personas up
                       join app.ffc_memberships mine on mine.tenant_id = up.tenant_id and mine.persona_id = up.persona_id
                                                    and mine.status = 'active'
                       join app.ffc_memberships theirs on theirs.tenant_id = mine.tenant_id and theirs.ffc_id = mine.ffc_id
                                                      and theirs.status = 'active'
                      where up.tenant_id = t.tenant_id and up.user_id = p_user_id and up.link_kind = 'self'
                        and theirs.persona_id = p_persona_id)
          or exists (select 1 from app.emergency_access_grants g, t
                      where g.tenant_id = t.tenant_id and g.grantee_user_id = p_user_id
                        and g.grantor_persona_id = p_persona_id
                        and g.state in ('accepted', 'confirmed', 'recovery_requested', 'approved'))
          or exists (select 1 from t, app.fiduciary_appointments a
                       join app.user_personas up on up.tenant_id = a.tenant_id and up.persona_id = a.appointee_persona_id
                                                and up.link_kind = 'self'
                      where a.tenant_id = t.tenant_id and a.appointer_persona_id = p_persona_id
                        and a.status in ('nominated', 'accepted') and up.user_id = p_user_id))
$$;
comment on function app.may_report_life_event(uuid, uuid) is
  'Whether a user is close enough to a persona to report their incapacity or death (delegate, circle member, trusted user).';

create or replace function app.life_event_view(p_event_id uuid, p_role text)
  returns setof app.life_event_row
  language sql stable security definer
  set search_path = pg_catalog, pg_temp
as $$
  select e.id, p_role, e.persona_id, e.kind, e.occurred_on, e.state, e.created_at,
         e.created_at + pg_catalog.make_interval(days => e.wait_days),
         e.evidence_kind, e.evidence_document_id, e.evidence_submitted_at,
         case when e.kind = 'death' then 2 else 1 end,
         case when e.state = 'verified' then case when e.kind = 'death' then 2 else 1 end
              when e.first_verified_by is not null then 1 else 0 end,
         e.blocked_at, e.withdrawn_at, e.rejected_at, e.verified_at, e.updated_at
    from app.life_events e
   where e.tenant_id = (select app.current_tenant_id()) and e.id = p_event_id
$$;
comment on function app.life_event_view(uuid, text) is 'A life event as its reporter or subject sees it.';

create or replace function app.emit_life_event(p_event app.life_events, p_previous text, p_by text)
  returns void
  language plpgsql volatile security definer
  set search_path = pg_catalog, pg_temp
as $$
begin
  perform app.emit_event('life_event.' || case when p_event.state = 'reported' and p_previous = 'reported'
                                               then 'evidence_submitted' else p_event.state end,
    'life_event', p_event.id,
    pg_catalog.jsonb_build_object('eventId', p_event.id, 'personaId', p_event.persona_id, 'kind', p_event.kind,
      'occurredOn', p_event.occurred_on, 'state', p_event.state, 'previousState', p_previous, 'by', p_by));
end
$$;
comment on function app.emit_life_event(app.life_events, text, text) is
  'Writes the outbox event of a life event''s transition (ids, kind, date and states only).';

create or replace function app.lock_life_event(p_event_id uuid, p_user_id uuid, p_role text)
  returns app.life_events
  language plpgsql volatile security definer
  set search_path = pg_catalog, pg_temp
as $$
declare
  v_event app.life_events;
begin
  -- The reporter, or the person it is about (their own user), or the answer a random id gets.
  select e.* into v_event from app.life_events e
   where e.tenant_id = app.current_tenant_id() and e.id = p_event_id
     and ((p_role = 'reporter' and e.reported_by_user_id = p_user_id)
          or (p_role = 'subject' and exists (select 1 from app.user_personas up
                                              where up.tenant_id = e.tenant_id and up.user_id = p_user_id
                                                and up.persona_id = e.persona_id and up.link_kind = 'self')))
   for update;
  if v_event.id is null then
    perform app.fail('PT404', 'life_event_not_found', 'life event not found');
  end if;
  return v_event;
end
$$;
comment on function app.lock_life_event(uuid, uuid, text) is
  'Locks a life event the user reported (reporter) or that is about their own persona (subject); life_event_not_found otherwise.';

create or replace function app.require_life_event_state(p_event app.life_events, p_state text) returns void
  language plpgsql immutable
  set search_path = pg_catalog, pg_temp
as $$
begin
  if p_event.state <> p_state then
    perform app.fail('PT409', 'life_event_wrong_state', pg_catalog.format('this report is %s', p_event.state));
  end if;
end
$$;
comment on function app.require_life_event_state(app.life_events, text) is 'Raises life_event_wrong_state unless the event is in the state.';

------------------------------------------------------------------------------------------------
-- The tenant's side
------------------------------------------------------------------------------------------------

create or replace function api.sp_report_life_event(p_persona_id uuid, p_kind text, p_occurred_on date)
  returns setof app.life_event_row
  language plpgsql volatile security definer
  set search_path = pg_catalog, pg_temp
as $$
declare
  v_user_id uuid := app.current_user_id();
  v_tenant_id uuid := app.current_tenant_id();
  v_event app.life_events;
begin
  if p_persona_id is null or not app.may_report_life_event(v_user_id, p_persona_id) then
    perform app.fail('PT404', 'persona_not_found', 'persona not found');
  end if;
  if p_kind is null or p_kind not in ('incapacity', 'death') then
    perform app.fail('PT400', 'invalid_life_event_kind', 'kind must be incapacity or death');
  end if;
  if p_occurred_on is null or p_occurred_on > current_date or p_occurred_on < date '1900-01-01' then
    perform app.fail('PT400', 'invalid_occurred_on', 'occurredOn must be a date in the past (or today)');
  end if;
  if app.persona_is_frozen(v_tenant_id, p_persona_id) then
    perform app.fail('PT409', 'persona_frozen', 'this person''s death has been verified already');
  end if;
  if exists (select 1 from app.life_events e where e.tenant_id = v_tenant_id and e.persona_id = p_persona_id
                and e.kind = p_kind and e.state = 'reported') then
    perform app.fail('PT409', 'life_event_open', 'this is reported already: the open report is in progress');
  end if;
  insert into app.life_events (tenant_id, persona_id, kind, occurred_on, reported_by_user_id, wait_days)
  values (v_tenant_id, p_persona_id, p_kind, p_occurred_on, v_user_id, app.life_event_wait_days())
  returning * into v_event;
  perform app.emit_life_event(v_event, null, 'reporter');
  return query select * from app.life_event_view(v_event.id, 'reporter');
end
$$;
comment on function api.sp_report_life_event(uuid, text, date) is
  'Someone close to a persona reports their incapacity or death on a date; a waiting period starts in which the person can block it by signing in.';
grant execute on function api.sp_report_life_event(uuid, text, date) to estate_api;

create or replace function api.sp_list_life_events(p_limit integer, p_offset integer)
  returns setof app.life_event_row
  language plpgsql stable security definer
  set search_path = pg_catalog, pg_temp
as $$
declare
  v_user_id uuid := app.current_user_id();
begin
  perform app.check_page(p_limit, p_offset);
  -- The reports the caller made, and every report about the caller's own persona (so they can block it).
  return query
    select v.* from (
      select e.id, e.created_at,
             case when e.reported_by_user_id = v_user_id then 'reporter' else 'subject' end as role
        from app.life_events e
       where e.tenant_id = app.current_tenant_id()
         and (e.reported_by_user_id = v_user_id
              or exists (select 1 from app.user_personas up
                          where up.tenant_id = e.tenant_id and up.user_id = v_user_id and up.persona_id = e.persona_id
                            and up.link_kind = 'self'))
       order by e.created_at desc, e.id limit p_limit offset p_offset) page
    cross join lateral app.life_event_view(page.id, page.role) v
    order by page.created_at desc, page.id;
end
$$;
comment on function api.sp_list_life_events(integer, integer) is
  'The incapacity and death reports the caller made, and those about the caller (to block), newest first.';
grant execute on function api.sp_list_life_events(integer, integer) to estate_api;

create or replace function api.sp_submit_life_event_evidence(p_event_id uuid, p_evidence_kind text, p_document_id uuid,
                                                             p_note text)
  returns setof app.life_event_row
  language plpgsql volatile security definer
  set search_path = pg_catalog, pg_temp
as $$
declare
  v_event app.life_events := app.lock_life_event(p_event_id, app.current_user_id(), 'reporter');
  v_version app.vault_document_versions;
begin
  -- A reporter who is no longer close (left the circle, grant revoked, appointment removed) is
  -- answered like anyone else.
  if not app.may_report_life_event(app.current_user_id(), v_event.persona_id) then
    perform app.fail('PT404', 'life_event_not_found', 'life event not found');
  end if;
  perform app.require_life_event_state(v_event, 'reported');
  if p_evidence_kind is null or p_evidence_kind not in ('death_certificate', 'court_letters', 'power_of_attorney',
                                                        'medical_letter', 'other') then
    perform app.fail('PT400', 'invalid_evidence_kind',
                     'evidenceKind must be death_certificate, court_letters, power_of_attorney, medical_letter or other');
  end if;
  -- The evidence is a vault document the reporter may read (theirs, or shared with them).
  if p_document_id is not null and app.vault_document_access(app.current_user_id(), p_document_id) is null then
    perform app.fail('PT404', 'document_not_found', 'document not found');
  end if;
  if p_note is not null and pg_catalog.length(p_note) > 1000 then
    perform app.fail('PT400', 'invalid_note', 'note is at most 1000 characters');
  end if;
  -- The evidence is the document's latest version as it is now, fixed by its hash: what both staff
  -- members read and verify, whatever is uploaded to the document later.
  if p_document_id is not null then
    select v.* into v_version from app.vault_document_versions v
     where v.tenant_id = v_event.tenant_id and v.document_id = p_document_id
     order by v.version_number desc limit 1;
    if v_version.id is null then
      perform app.fail('PT409', 'life_event_evidence_missing', 'the evidence document has no file yet: upload it first');
    end if;
  end if;
  update app.life_events e
     set evidence_kind = p_evidence_kind, evidence_document_id = p_document_id, evidence_note = p_note,
         evidence_version_number = v_version.version_number, evidence_sha256 = v_version.content_sha256,
         evidence_submitted_at = pg_catalog.now(), first_verified_by = null, first_verified_at = null
   where e.tenant_id = v_event.tenant_id and e.id = v_event.id
   returning e.* into v_event;
  perform app.emit_life_event(v_event, 'reported', 'reporter');
  return query select * from app.life_event_view(v_event.id, 'reporter');
end
$$;
comment on function api.sp_submit_life_event_evidence(uuid, text, uuid, text) is
  'The reporter attaches the evidence (kind, the vault document, a note) to an open report; a new submission restarts verification.';
grant execute on function api.sp_submit_life_event_evidence(uuid, text, uuid, text) to estate_api;

create or replace function api.sp_withdraw_life_event(p_event_id uuid)
  returns setof app.life_event_row
  language plpgsql volatile security definer
  set search_path = pg_catalog, pg_temp
as $$
declare
  v_event app.life_events := app.lock_life_event(p_event_id, app.current_user_id(), 'reporter');
begin
  perform app.require_life_event_state(v_event, 'reported');
  update app.life_events e set state = 'withdrawn', withdrawn_at = pg_catalog.now()
   where e.tenant_id = v_event.tenant_id and e.id = v_event.id returning e.* into v_event;
  perform app.emit_life_event(v_event, 'reported', 'reporter');
  return query select * from app.life_event_view(v_event.id, 'reporter');
end
$$;
comment on function api.sp_withdraw_life_event(uuid) is 'The reporter withdraws an open report.';
grant execute on function api.sp_withdraw_life_event(uuid) to estate_api;

create or replace function app.block_life_events_of(p_user_id uuid, p_event_id uuid) returns integer
  language plpgsql volatile security definer
  set search_path = pg_catalog, pg_temp
as $$
declare
  v_event app.life_events;
  v_count integer := 0;
begin
  -- The person signed in (or said so): every open report about them (or the one named) is blocked.
  for v_event in
    update app.life_events e set state = 'blocked', blocked_at = pg_catalog.now()
     where e.tenant_id = app.current_tenant_id() and e.state = 'reported'
       and (p_event_id is null or e.id = p_event_id)
       and e.persona_id in (select up.persona_id from app.user_personas up
                             where up.tenant_id = e.tenant_id and up.user_id = p_user_id and up.link_kind = 'self')
    returning e.* loop
    perform app.emit_life_event(v_event, 'reported', 'subject');
    v_count := v_count + 1;
  end loop;
  -- A verified incapacity ends when the person signs in again: their agent's access ends with it.
  if p_event_id is null then
    for v_event in
      update app.life_events e set state = 'ended', ended_at = pg_catalog.now()
       where e.tenant_id = app.current_tenant_id() and e.state = 'verified' and e.kind = 'incapacity'
         and e.persona_id in (select up.persona_id from app.user_personas up
                               where up.tenant_id = e.tenant_id and up.user_id = p_user_id and up.link_kind = 'self')
      returning e.* loop
      update app.personas p set living_status = 'living'
       where p.tenant_id = v_event.tenant_id and p.id = v_event.persona_id and p.living_status = 'incapacitated';
      perform app.emit_life_event(v_event, 'verified', 'subject');
      v_count := v_count + 1;
    end loop;
  end if;
  return v_count;
end
$$;
comment on function app.block_life_events_of(uuid, uuid) is
  'Blocks the open incapacity or death reports about the user''s own persona (all, or one) and, on sign-in, ends a verified incapacity; each with its event.';

create or replace function api.sp_block_life_event(p_event_id uuid)
  returns setof app.life_event_row
  language plpgsql volatile security definer
  set search_path = pg_catalog, pg_temp
as $$
declare
  v_user_id uuid := app.current_user_id();
  v_event app.life_events := app.lock_life_event(p_event_id, v_user_id, 'subject');
begin
  perform app.require_life_event_state(v_event, 'reported');
  perform app.block_life_events_of(v_user_id, p_event_id);
  return query select * from app.life_event_view(v_event.id, 'subject');
end
$$;
comment on function api.sp_block_life_event(uuid) is
  'The person a report is about says it is wrong: the open report is blocked (signing in does the same).';
grant execute on function api.sp_block_life_event(uuid) to estate_api;

------------------------------------------------------------------------------------------------
-- Support's side
------------------------------------------------------------------------------------------------

drop function if exists app.life_event_support_row(app.life_events);
create or replace function app.life_event_support_row(p_event app.life_events)
  returns app.life_event_staff_row
  language sql stable
  set search_path = pg_catalog, pg_temp
as $$
  select p_event.id, p_event.persona_id, p_event.kind, p_event.occurred_on, p_event.state, p_event.reported_by_user_id,
         p_event.created_at, p_event.created_at + pg_catalog.make_interval(days => p_event.wait_days),
         p_event.evidence_kind, p_event.evidence_document_id, p_event.evidence_submitted_at,
         case when p_event.kind = 'death' then 2 else 1 end, p_event.first_verified_by, p_event.verified_by,
         p_event.verified_at, p_event.rejected_by, p_event.rejected_at
$$;
comment on function app.life_event_support_row(app.life_events) is 'A life event as support sees it: ids, dates, states and staff, no names.';

drop function if exists support.sp_list_life_events(uuid, text, integer, integer);
create or replace function support.sp_list_life_events(p_tenant_id uuid, p_state text, p_limit integer, p_offset integer)
  returns setof app.life_event_staff_row
  language plpgsql volatile security definer
  set search_path = pg_catalog, pg_temp
as $$
#variable_conflict use_column
declare
  v_tenant_id uuid := app.enter_tenant_as_support(p_tenant_id);
begin
  perform app.check_page(p_limit, p_offset);
  if p_state is not null and p_state not in ('reported', 'blocked', 'withdrawn', 'rejected', 'verified', 'ended') then
    perform app.fail('PT400', 'invalid_life_event_state',
                     'state must be reported, blocked, withdrawn, rejected, verified or ended');
  end if;
  return query
    select r.* from (select * from app.life_events e
                      where e.tenant_id = v_tenant_id and (p_state is null or e.state = p_state)
                      order by e.created_at, e.id limit p_limit offset p_offset) e
    cross join lateral app.life_event_support_row(e::app.life_events) r;
  perform app.audit_support_read(v_tenant_id, 'support.sp_list_life_events', null,
                                 pg_catalog.jsonb_build_object('state', p_state, 'limit', p_limit, 'offset', p_offset));
end
$$;
comment on function support.sp_list_life_events(uuid, text, integer, integer) is
  'Support: a tenant''s incapacity and death reports (by state, oldest first) to verify; ids and dates only; audited.';
grant execute on function support.sp_list_life_events(uuid, text, integer, integer) to estate_support;

create or replace function app.persona_holdings_on(p_persona_id uuid, p_on date) returns jsonb
  language sql stable security definer
  set search_path = pg_catalog, pg_temp
as $$
  -- Each asset the persona holds a share of, with the share and its latest value on the date, in
  -- its own currency (exact: no conversion that a missing rate could stop).
  select coalesce(pg_catalog.jsonb_agg(pg_catalog.jsonb_build_object(
           'assetId', a.id, 'assetType', a.asset_type, 'isLiability', a.is_liability,
           'ownershipPercentage', o.ownership_percentage, 'ownershipForm', o.ownership_form,
           'value', v.amount::text, 'currency', v.currency, 'valuedOn', v.valued_on) order by a.id), '[]')
    from app.asset_ownerships o
    join app.assets a on a.tenant_id = o.tenant_id and a.id = o.asset_id
    left join lateral (select l.amount, l.currency, l.valued_on from app.asset_valuations l
                        where l.tenant_id = a.tenant_id and l.asset_id = a.id and l.valued_on <= p_on
                        order by l.valued_on desc, l.created_at desc limit 1) v on true
   where o.tenant_id = (select app.current_tenant_id()) and o.persona_id = p_persona_id
$$;
comment on function app.persona_holdings_on(uuid, date) is
  'The persona''s assets with share, form and latest value on a date (own currencies), for a life event''s snapshot.';

drop function if exists support.sp_record_life_event_verification(uuid, uuid);
create or replace function support.sp_record_life_event_verification(p_tenant_id uuid, p_event_id uuid)
  returns setof app.life_event_staff_row
  language plpgsql volatile security definer
  set search_path = pg_catalog, pg_temp
as $$
#variable_conflict use_column
declare
  v_tenant_id uuid := app.enter_tenant_as_support(p_tenant_id);
  v_actor text := app.require_staff_member();
  v_event app.life_events;
  v_first app.support_staff;
  v_second app.support_staff;
  v_currency text;
  v_net_worth jsonb;
  v_flow jsonb;
begin
  select * into v_event from app.life_events e where e.tenant_id = v_tenant_id and e.id = p_event_id for update;
  if v_event.id is null then
    perform app.fail('PT404', 'life_event_not_found', 'life event not found');
  end if;
  perform app.require_life_event_state(v_event, 'reported');
  if v_event.evidence_submitted_at is null then
    perform app.fail('PT409', 'life_event_evidence_missing', 'no evidence has been submitted for this report');
  end if;
  if v_event.created_at + pg_catalog.make_interval(days => v_event.wait_days) > pg_catalog.now() then
    perform app.fail('PT409', 'life_event_waiting',
                     'the person can still block this report: verify it after the waiting period ends');
  end if;
  -- A death is verified on a document (a death certificate, court letters), the very file submitted.
  if (v_event.kind = 'death' and v_event.evidence_document_id is null)
     or (v_event.evidence_version_number is not null
         and not exists (select 1 from app.vault_document_versions v
                          where v.tenant_id = v_tenant_id and v.document_id = v_event.evidence_document_id
                            and v.version_number = v_event.evidence_version_number
                            and v.content_sha256 = v_event.evidence_sha256)) then
    perform app.fail('PT409', 'life_event_evidence_missing',
                     'the evidence file submitted is not there (a death needs a document): the reporter submits it again');
  end if;
  if v_event.kind = 'death' and v_event.first_verified_by is null then
    -- The first of two: recorded, and the report waits for a second, different staff member.
    update app.life_events e set first_verified_by = v_actor, first_verified_at = pg_catalog.now()
     where e.tenant_id = v_tenant_id and e.id = p_event_id returning e.* into v_event;
    perform app.emit_event('life_event.first_verification', 'life_event', v_event.id,
      pg_catalog.jsonb_build_object('eventId', v_event.id, 'personaId', v_event.persona_id, 'kind', v_event.kind,
                                    'state', v_event.state));
    return query select * from app.life_event_support_row(v_event);
    return;
  end if;
  if v_event.kind = 'death' then
    -- Two people, not two names (as a break-glass approval).
    select * into v_first from app.support_staff s where s.cognito_sub = pg_catalog.substr(v_event.first_verified_by, 9);
    select * into v_second from app.support_staff s where s.cognito_sub = pg_catalog.substr(v_actor, 9);
    if v_event.first_verified_by = v_actor or v_first.id is null or v_first.id = v_second.id
       or pg_catalog.lower(v_first.email) = pg_catalog.lower(v_second.email) then
      perform app.fail('PT403', 'life_event_second_staff_required',
                       'a death is verified by two different staff members: a second one must confirm it');
    end if;
  end if;
  -- The person's status first (their data is not frozen until the event is verified), then the
  -- snapshot and the verification: from then on a death freezes their data.
  update app.personas p
     set living_status = case when v_event.kind = 'death' then 'deceased' else 'incapacitated' end,
         date_of_death = case when v_event.kind = 'death' then v_event.occurred_on else p.date_of_death end
   where p.tenant_id = v_tenant_id and p.id = v_event.persona_id;
  -- A death keeps what the person held, their net worth and their estate flow on the date, in the
  -- tenant's reporting currency (settings reportingCurrency, USD by default); a missing exchange
  -- rate does not stop the verification: the snapshot says so (the holdings are in their own currencies).
  if v_event.kind = 'death' then
    select case when t.settings ->> 'reportingCurrency' ~ '^[A-Z]{3}$' then t.settings ->> 'reportingCurrency' else 'USD' end
      into v_currency from app.tenants t where t.tenant_id = v_tenant_id;
    begin
      select pg_catalog.to_jsonb(n) into v_net_worth
        from app.net_worth_of(array[v_event.persona_id], v_event.occurred_on, v_currency) n;
      select coalesce(pg_catalog.jsonb_agg(pg_catalog.to_jsonb(f)), '[]') into v_flow
        from app.estate_flow_of(v_event.persona_id, v_event.occurred_on, v_currency) f;
    exception when sqlstate 'PT422' then
      v_net_worth := pg_catalog.jsonb_build_object('error', 'exchange_rate_missing', 'detail', sqlerrm);
      v_flow := v_net_worth;
    end;
  end if;
  update app.life_events e
     set state = 'verified', verified_by = v_actor, verified_at = pg_catalog.now(),
         holdings_snapshot = app.persona_holdings_on(v_event.persona_id, v_event.occurred_on),
         snapshot_currency = v_currency, net_worth_snapshot = v_net_worth, estate_flow_snapshot = v_flow
   where e.tenant_id = v_tenant_id and e.id = p_event_id returning e.* into v_event;
  perform app.emit_life_event(v_event, 'reported', 'support');
  return query select * from app.life_event_support_row(v_event);
end
$$;
comment on function support.sp_record_life_event_verification(uuid, uuid) is
  'Support staff verify a report''s evidence after its waiting period (a death: two different staff members); the persona is marked, a snapshot kept, a death freezes their data.';
grant execute on function support.sp_record_life_event_verification(uuid, uuid) to estate_support;

drop function if exists support.sp_reject_life_event(uuid, uuid, text);
create or replace function support.sp_reject_life_event(p_tenant_id uuid, p_event_id uuid, p_reason text)
  returns setof app.life_event_staff_row
  language plpgsql volatile security definer
  set search_path = pg_catalog, pg_temp
as $$
#variable_conflict use_column
declare
  v_tenant_id uuid := app.enter_tenant_as_support(p_tenant_id);
  v_actor text := app.require_staff_member();
  v_event app.life_events;
begin
  select * into v_event from app.life_events e where e.tenant_id = v_tenant_id and e.id = p_event_id for update;
  if v_event.id is null then
    perform app.fail('PT404', 'life_event_not_found', 'life event not found');
  end if;
  perform app.require_life_event_state(v_event, 'reported');
  update app.life_events e
     set state = 'rejected', rejected_by = v_actor, rejected_at = pg_catalog.now(),
         rejection_reason = app.require_text(p_reason, 'invalid_reason', 500)
   where e.tenant_id = v_tenant_id and e.id = p_event_id returning e.* into v_event;
  perform app.emit_life_event(v_event, 'reported', 'support');
  return query select * from app.life_event_support_row(v_event);
end
$$;
comment on function support.sp_reject_life_event(uuid, uuid, text) is
  'Support staff reject a report whose evidence does not hold (a reason is required); the person''s data is untouched.';
grant execute on function support.sp_reject_life_event(uuid, uuid, text) to estate_support;

create or replace function support.sp_read_life_event_evidence(p_tenant_id uuid, p_event_id uuid)
  returns table (document_id uuid, version_number integer, byte_size integer, media_type text, file_name text,
                 content_sha256 text, storage text, ciphertext bytea, storage_key text)
  language plpgsql volatile security definer
  set search_path = pg_catalog, pg_temp
as $$
#variable_conflict use_column
declare
  v_tenant_id uuid := app.enter_tenant_as_support(p_tenant_id);
  v_actor text := app.require_staff_member();
  v_event app.life_events;
  v_version app.vault_document_versions;
begin
  select * into v_event from app.life_events e where e.tenant_id = v_tenant_id and e.id = p_event_id;
  if v_event.id is null then
    perform app.fail('PT404', 'life_event_not_found', 'life event not found');
  end if;
  -- The evidence is read to verify it: only while the report waits for verification.
  perform app.require_life_event_state(v_event, 'reported');
  if v_event.evidence_document_id is null then
    perform app.fail('PT409', 'life_event_evidence_missing', 'no evidence document has been submitted for this report');
  end if;
  select v.* into v_version from app.vault_document_versions v
   where v.tenant_id = v_tenant_id and v.document_id = v_event.evidence_document_id
     and v.version_number = v_event.evidence_version_number and v.content_sha256 = v_event.evidence_sha256;
  if v_version.id is null then
    perform app.fail('PT404', 'document_version_not_found', 'the evidence file submitted is not there');
  end if;
  perform app.audit_support_read(v_tenant_id, 'support.sp_read_life_event_evidence', p_event_id::text,
    pg_catalog.jsonb_build_object('documentId', v_version.document_id, 'versionNumber', v_version.version_number,
                                  'staff', v_actor));
  return query select v_version.document_id, v_version.version_number, v_version.byte_size::integer,
                      v_version.media_type, v_version.file_name, pg_catalog.encode(v_version.content_sha256, 'hex'),
                      v_version.storage, v_version.ciphertext, v_version.storage_key;
end
$$;
comment on function support.sp_read_life_event_evidence(uuid, uuid) is
  'Support staff read the evidence file of a report waiting for verification (the API decrypts it); audited.';
grant execute on function support.sp_read_life_event_evidence(uuid, uuid) to estate_support;
