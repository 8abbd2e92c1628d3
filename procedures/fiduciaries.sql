-- Fiduciaries (issue 13): a persona appoints executors, trustees (of a testamentary trust),
-- agents under a durable or springing power of attorney, guardians and custodians of a minor; a
-- trust appoints its successor trustees. Each slot (appointer, role, ward) holds a ranked
-- succession; the appointee accepts or declines, later resigns; the appointer removes or reorders.
-- Every write queues on the appointer's row (a slot's writers run one after another), renumbers
-- the slot's live appointments 1..n and writes one outbox event. docs/fiduciaries.md.

------------------------------------------------------------------------------------------------
-- Helpers
------------------------------------------------------------------------------------------------

create or replace function app.fiduciary_roles() returns text[]
  language sql immutable
  set search_path = pg_catalog, pg_temp
as $$
  select array['executor', 'trustee', 'durable_poa_agent', 'springing_poa_agent', 'guardian_of_minor', 'custodian']
$$;
comment on function app.fiduciary_roles() is 'The fiduciary roles, in the order lists show them.';

create or replace function app.acting_fiduciary_id(p_appointer_id uuid, p_role text, p_ward_persona_id uuid default null)
  returns uuid
  language sql stable security definer
  set search_path = pg_catalog, pg_temp
as $$
  -- The acting fiduciary of a slot: its first accepted appointment in rank order (a nominated one
  -- ahead of it has not accepted yet; declined, resigned and removed ones are out of the slot).
  select a.id from app.fiduciary_appointments a
   where a.tenant_id = (select app.current_tenant_id())
     and coalesce(a.appointer_persona_id, a.appointer_entity_id) = p_appointer_id
     and a.role = p_role
     and coalesce(a.ward_persona_id, '00000000-0000-0000-0000-000000000000'::uuid)
         = coalesce(p_ward_persona_id, '00000000-0000-0000-0000-000000000000'::uuid)
     and a.status = 'accepted'
   order by a.rank, a.nominated_at, a.id
   limit 1
$$;
comment on function app.acting_fiduciary_id(uuid, text, uuid) is
  'The acting fiduciary of a slot (appointer persona or trust, role, ward): the first accepted appointment in rank order, or null.';

create or replace function app.fiduciary_view(p_appointment_id uuid, p_as_appointee boolean)
  returns setof app.fiduciary_appointment_row
  language sql stable security definer
  set search_path = pg_catalog, pg_temp
as $$
  select a.id, case when a.appointer_entity_id is null then 'persona' else 'entity' end,
         a.appointer_persona_id, a.appointer_entity_id,
         coalesce(ap.first_name || ' ' || ap.last_name, e.name),
         a.role, a.appointee_persona_id, p.first_name || ' ' || p.last_name,
         a.ward_persona_id, w.first_name || ' ' || w.last_name,
         a.rank, a.status,
         a.status = 'accepted'
           and a.id = app.acting_fiduciary_id(coalesce(a.appointer_persona_id, a.appointer_entity_id), a.role, a.ward_persona_id),
         a.nominated_at, a.accepted_at, a.declined_at, a.resigned_at, a.removed_at, a.document_id,
         -- The appointer's notes are theirs: the appointee does not read them.
         case when p_as_appointee then null else a.notes end,
         a.created_at, a.updated_at
    from app.fiduciary_appointments a
    join app.personas p on p.tenant_id = a.tenant_id and p.id = a.appointee_persona_id
    left join app.personas ap on ap.tenant_id = a.tenant_id and ap.id = a.appointer_persona_id
    left join app.legal_entities e on e.tenant_id = a.tenant_id and e.id = a.appointer_entity_id
    left join app.personas w on w.tenant_id = a.tenant_id and w.id = a.ward_persona_id
   where a.tenant_id = (select app.current_tenant_id()) and a.id = p_appointment_id
$$;
comment on function app.fiduciary_view(uuid, boolean) is
  'An appointment as the API shows it (to the appointee without the appointer''s notes), with whether it is its slot''s acting one.';

create or replace function app.require_fiduciary_appointer(p_user_id uuid, p_persona_id uuid, p_entity_id uuid)
  returns void
  language plpgsql stable security definer
  set search_path = pg_catalog, pg_temp
as $$
begin
  if pg_catalog.num_nonnulls(p_persona_id, p_entity_id) <> 1 then
    perform app.fail('PT400', 'invalid_fiduciary_appointer', 'an appointment is made by one persona or one trust');
  end if;
  if p_persona_id is not null then
    -- Whoever may act for the persona reads and writes its plan (as its estate beneficiaries).
    perform app.require_persona_access(p_user_id, p_persona_id);
  else
    -- Whoever controls the trust reads its succession (app.require_trust_grantor for writes).
    perform app.require_entity_access(p_user_id, p_entity_id);
  end if;
end
$$;
comment on function app.require_fiduciary_appointer(uuid, uuid, uuid) is
  'Raises unless the user may see the appointments of a persona (acts for it) or of a trust (controls it); the same answer for any other id.';

create or replace function app.require_trust_grantor(p_user_id uuid, p_entity_id uuid) returns void
  language plpgsql stable security definer
  set search_path = pg_catalog, pg_temp
as $$
begin
  -- A trust's succession of trustees is changed by a grantor's people only (a co-trustee does not
  -- name their own successors: app.replace_entity_roles' rule). Called after the entity's check.
  if p_entity_id is not null
     and not exists (select 1 from app.legal_entity_roles r
                      where r.tenant_id = app.current_tenant_id() and r.entity_id = p_entity_id
                        and r.role = 'grantor' and r.persona_id in (select app.acting_persona_ids(p_user_id))) then
    perform app.fail('PT403', 'fiduciary_grantor_only', 'only a grantor of the trust appoints, removes or reorders its trustees');
  end if;
end
$$;
comment on function app.require_trust_grantor(uuid, uuid) is
  'Raises fiduciary_grantor_only unless the user acts for a grantor of the trust (nothing for a persona''s appointments).';

create or replace function app.lock_fiduciary_appointer(p_persona_id uuid, p_entity_id uuid) returns void
  language plpgsql volatile security definer
  set search_path = pg_catalog, pg_temp
as $$
begin
  -- Every write to an appointer's slots queues here: ranks are read and renumbered by one writer at a time.
  if p_persona_id is not null then
    perform 1 from app.personas p where p.tenant_id = app.current_tenant_id() and p.id = p_persona_id for update;
  else
    perform 1 from app.legal_entities e where e.tenant_id = app.current_tenant_id() and e.id = p_entity_id for update;
  end if;
end
$$;
comment on function app.lock_fiduciary_appointer(uuid, uuid) is
  'Locks the appointing persona''s (or trust''s) row: the writers of its successions run one after another.';

create or replace function app.renumber_fiduciary_slot(p_appointer_id uuid, p_role text, p_ward_persona_id uuid) returns void
  language sql volatile security definer
  set search_path = pg_catalog, pg_temp
as $$
  -- Live appointments hold ranks 1..n in their order (the exclusion constraint checks at commit).
  update app.fiduciary_appointments a set rank = o.position
    from (select x.id, pg_catalog.row_number() over (order by x.rank, x.nominated_at, x.id)::integer as position
            from app.fiduciary_appointments x
           where x.tenant_id = (select app.current_tenant_id())
             and coalesce(x.appointer_persona_id, x.appointer_entity_id) = p_appointer_id and x.role = p_role
             and coalesce(x.ward_persona_id, '00000000-0000-0000-0000-000000000000'::uuid)
                 = coalesce(p_ward_persona_id, '00000000-0000-0000-0000-000000000000'::uuid)
             and x.status in ('nominated', 'accepted')) o
   where a.tenant_id = (select app.current_tenant_id()) and a.id = o.id and a.rank <> o.position
$$;
comment on function app.renumber_fiduciary_slot(uuid, text, uuid) is
  'Renumbers a slot''s live appointments 1..n in their rank order, closing the gap an ended one left.';

create or replace function app.emit_fiduciary_event(p_appointment app.fiduciary_appointments, p_previous text, p_by text)
  returns void
  language plpgsql volatile security definer
  set search_path = pg_catalog, pg_temp
as $$
begin
  perform app.emit_event('fiduciary.' || case p_appointment.status when 'nominated' then 'appointed' else p_appointment.status end,
    'fiduciary_appointment', p_appointment.id,
    pg_catalog.jsonb_build_object('appointmentId', p_appointment.id, 'appointerPersonaId', p_appointment.appointer_persona_id,
      'appointerEntityId', p_appointment.appointer_entity_id, 'role', p_appointment.role,
      'appointeePersonaId', p_appointment.appointee_persona_id, 'wardPersonaId', p_appointment.ward_persona_id,
      'rank', p_appointment.rank, 'status', p_appointment.status, 'previousStatus', p_previous, 'by', p_by,
      'actingAppointmentId', app.acting_fiduciary_id(coalesce(p_appointment.appointer_persona_id, p_appointment.appointer_entity_id),
                                                     p_appointment.role, p_appointment.ward_persona_id)));
end
$$;
comment on function app.emit_fiduciary_event(app.fiduciary_appointments, text, text) is
  'Writes the outbox event of an appointment''s change: ids, role, rank, the new and previous status, who moved it and the slot''s acting appointment now.';

create or replace function app.check_fiduciary_role(p_role text, p_entity_id uuid, p_ward_persona_id uuid) returns void
  language plpgsql stable security definer
  set search_path = pg_catalog, pg_temp
as $$
begin
  if p_role is null or not p_role = any (app.fiduciary_roles()) then
    perform app.fail('PT400', 'invalid_fiduciary_role',
                     'role must be one of ' || pg_catalog.array_to_string(app.fiduciary_roles(), ', '));
  end if;
  if p_entity_id is not null and (p_role <> 'trustee'
      or not exists (select 1 from app.legal_entities e where e.tenant_id = app.current_tenant_id() and e.id = p_entity_id
                        and e.entity_kind in ('revocable_trust', 'irrevocable_trust'))) then
    perform app.fail('PT400', 'invalid_fiduciary_role', 'an entity appoints trustees only, and only a trust does');
  end if;
  if (p_role in ('guardian_of_minor', 'custodian')) <> (p_ward_persona_id is not null) then
    perform app.fail('PT400', 'invalid_fiduciary_ward', 'a guardian or custodian is appointed for a ward (wardPersonaId); no other role has one');
  end if;
end
$$;
comment on function app.check_fiduciary_role(text, uuid, uuid) is
  'Checks a role for its appointer (a trust appoints trustees only) and that exactly the guardian and custodian roles name a ward.';

------------------------------------------------------------------------------------------------
-- The appointer: appoint, list, remove, reorder
------------------------------------------------------------------------------------------------

create or replace function api.sp_appoint_fiduciary(p_persona_id uuid, p_entity_id uuid, p_role text, p_appointee_persona_id uuid,
                                                    p_ward_persona_id uuid, p_rank integer, p_document_id uuid, p_notes text)
  returns setof app.fiduciary_appointment_row
  language plpgsql volatile security definer
  set search_path = pg_catalog, pg_temp
as $$
declare
  v_user_id uuid := app.current_user_id();
  v_tenant_id uuid := app.current_tenant_id();
  v_appointer uuid := coalesce(p_persona_id, p_entity_id);
  v_ward uuid := coalesce(p_ward_persona_id, '00000000-0000-0000-0000-000000000000'::uuid);
  v_notes text := nullif(pg_catalog.btrim(p_notes), '');
  v_birth date;
  v_live integer;
  v_appointment app.fiduciary_appointments;
begin
  perform app.require_fiduciary_appointer(v_user_id, p_persona_id, p_entity_id);
  perform app.check_fiduciary_role(p_role, p_entity_id, p_ward_persona_id);
  perform app.require_trust_grantor(v_user_id, p_entity_id);
  if p_rank is not null and p_rank not between 1 and 10 then
    perform app.fail('PT400', 'invalid_fiduciary_rank', 'rank must be 1 (primary) to 10');
  end if;
  if pg_catalog.length(v_notes) > 1000 then
    perform app.fail('PT400', 'invalid_fiduciary_notes', 'notes are at most 1000 characters');
  end if;
  -- Everyone named is someone the caller may name (acts for, or shares a circle with): any other
  -- id, of this tenant or another, gets the answer a random one gets.
  if p_appointee_persona_id is null or not app.user_can_reference_persona(v_user_id, p_appointee_persona_id) then
    perform app.fail('PT404', 'persona_not_found', 'persona not found');
  end if;
  if p_ward_persona_id is not null and not app.user_can_reference_persona(v_user_id, p_ward_persona_id) then
    perform app.fail('PT404', 'persona_not_found', 'persona not found');
  end if;
  if p_appointee_persona_id = p_persona_id then
    perform app.fail('PT400', 'fiduciary_self_appointment', 'a persona does not appoint itself its own fiduciary');
  end if;
  if p_ward_persona_id in (p_persona_id, p_appointee_persona_id) then
    perform app.fail('PT400', 'invalid_fiduciary_ward', 'the ward is neither the appointer nor the appointee');
  end if;
  -- A guardian is for a minor: refused only when the ward's birth date is known and 18 years past.
  if p_role = 'guardian_of_minor' then
    select p.date_of_birth into v_birth from app.personas p where p.tenant_id = v_tenant_id and p.id = p_ward_persona_id;
    if v_birth is not null and v_birth + interval '18 years' <= current_date then
      perform app.fail('PT422', 'fiduciary_ward_not_minor', 'the ward is 18 or older: a guardian of a minor is for a minor');
    end if;
  end if;

  perform app.lock_fiduciary_appointer(p_persona_id, p_entity_id);
  perform app.require_plan_open(p_persona_id);
  if exists (select 1 from app.fiduciary_appointments a
              where a.tenant_id = v_tenant_id and coalesce(a.appointer_persona_id, a.appointer_entity_id) = v_appointer
                and a.role = p_role and coalesce(a.ward_persona_id, '00000000-0000-0000-0000-000000000000'::uuid) = v_ward
                and a.appointee_persona_id = p_appointee_persona_id and a.status in ('nominated', 'accepted')) then
    perform app.fail('PT409', 'fiduciary_already_appointed', 'this persona already holds a live appointment in this role');
  end if;
  select pg_catalog.count(*) into v_live from app.fiduciary_appointments a
   where a.tenant_id = v_tenant_id and coalesce(a.appointer_persona_id, a.appointer_entity_id) = v_appointer
     and a.role = p_role and coalesce(a.ward_persona_id, '00000000-0000-0000-0000-000000000000'::uuid) = v_ward
     and a.status in ('nominated', 'accepted');
  if v_live >= 10 then
    perform app.fail('PT409', 'fiduciary_limit', 'a role holds at most 10 live appointments (a primary and 9 successors)');
  end if;
  if p_rank > v_live + 1 then
    perform app.fail('PT400', 'invalid_fiduciary_rank', pg_catalog.format('rank must be 1 to %s: after the last, or before one of them', v_live + 1));
  end if;
  -- The appointing document is a vault document the caller may read (the FK alone would tell a
  -- random id from another tenant's).
  if p_document_id is not null and app.vault_document_access(v_user_id, p_document_id) is null then
    perform app.fail('PT404', 'document_not_found', 'document not found');
  end if;
  -- Inserted at its rank, the ones from there on move down one (checked at commit).
  update app.fiduciary_appointments a set rank = a.rank + 1
   where a.tenant_id = v_tenant_id and coalesce(a.appointer_persona_id, a.appointer_entity_id) = v_appointer
     and a.role = p_role and coalesce(a.ward_persona_id, '00000000-0000-0000-0000-000000000000'::uuid) = v_ward
     and a.status in ('nominated', 'accepted') and a.rank >= coalesce(p_rank, v_live + 1);
  insert into app.fiduciary_appointments (tenant_id, appointer_persona_id, appointer_entity_id, role, appointee_persona_id,
                                          ward_persona_id, rank, document_id, notes, appointed_by_user_id)
  values (v_tenant_id, p_persona_id, p_entity_id, p_role, p_appointee_persona_id, p_ward_persona_id,
          coalesce(p_rank, v_live + 1), p_document_id, v_notes, v_user_id)
  returning * into v_appointment;
  perform app.renumber_fiduciary_slot(v_appointer, p_role, p_ward_persona_id);
  select * into v_appointment from app.fiduciary_appointments a where a.tenant_id = v_tenant_id and a.id = v_appointment.id;
  perform app.emit_fiduciary_event(v_appointment, null, 'appointer');
  return query select * from app.fiduciary_view(v_appointment.id, false);
end
$$;
comment on function api.sp_appoint_fiduciary(uuid, uuid, text, uuid, uuid, integer, uuid, text) is
  'A persona (or a trust, for trustees) appoints a fiduciary at a rank of its succession (after the last by default); the appointee is nominated until they accept or decline.';
grant execute on function api.sp_appoint_fiduciary(uuid, uuid, text, uuid, uuid, integer, uuid, text) to estate_api;

create or replace function api.sp_list_fiduciary_appointments(p_persona_id uuid, p_entity_id uuid, p_role text,
                                                              p_include_ended boolean, p_limit integer, p_offset integer)
  returns setof app.fiduciary_appointment_row
  language plpgsql stable security definer
  set search_path = pg_catalog, pg_temp
as $$
declare
  v_user_id uuid := app.current_user_id();
begin
  perform app.require_fiduciary_appointer(v_user_id, p_persona_id, p_entity_id);
  if p_role is not null and not p_role = any (app.fiduciary_roles()) then
    perform app.fail('PT400', 'invalid_fiduciary_role',
                     'role must be one of ' || pg_catalog.array_to_string(app.fiduciary_roles(), ', '));
  end if;
  perform app.check_page(p_limit, p_offset);
  return query
    select v.* from (select a.id, a.role, a.ward_persona_id, a.status, a.rank, a.nominated_at
                       from app.fiduciary_appointments a
                      where a.tenant_id = app.current_tenant_id()
                        and coalesce(a.appointer_persona_id, a.appointer_entity_id) = coalesce(p_persona_id, p_entity_id)
                        and (p_role is null or a.role = p_role)
                        and (coalesce(p_include_ended, false) or a.status in ('nominated', 'accepted'))
                      order by pg_catalog.array_position(app.fiduciary_roles(), a.role), a.ward_persona_id nulls first,
                               a.status not in ('nominated', 'accepted'), a.rank, a.nominated_at, a.id
                      limit p_limit offset p_offset) page
    cross join lateral app.fiduciary_view(page.id, false) v
    order by pg_catalog.array_position(app.fiduciary_roles(), page.role), page.ward_persona_id nulls first,
             page.status not in ('nominated', 'accepted'), page.rank, page.nominated_at, page.id;
end
$$;
comment on function api.sp_list_fiduciary_appointments(uuid, uuid, text, boolean, integer, integer) is
  'The fiduciaries a persona (whoever acts for it) or a trust (its controllers) appointed, by role and rank, the acting one marked; ended ones on request.';
grant execute on function api.sp_list_fiduciary_appointments(uuid, uuid, text, boolean, integer, integer) to estate_api;

create or replace function api.sp_reorder_fiduciary_appointments(p_persona_id uuid, p_entity_id uuid, p_role text,
                                                                 p_ward_persona_id uuid, p_appointment_ids uuid[])
  returns setof app.fiduciary_appointment_row
  language plpgsql volatile security definer
  set search_path = pg_catalog, pg_temp
as $$
declare
  v_user_id uuid := app.current_user_id();
  v_tenant_id uuid := app.current_tenant_id();
  v_appointer uuid := coalesce(p_persona_id, p_entity_id);
  v_ward uuid := coalesce(p_ward_persona_id, '00000000-0000-0000-0000-000000000000'::uuid);
  v_live uuid[];
begin
  perform app.require_fiduciary_appointer(v_user_id, p_persona_id, p_entity_id);
  perform app.check_fiduciary_role(p_role, p_entity_id, p_ward_persona_id);
  perform app.require_trust_grantor(v_user_id, p_entity_id);
  if p_appointment_ids is null or pg_catalog.cardinality(p_appointment_ids) not between 1 and 10
     or pg_catalog.array_position(p_appointment_ids, null) is not null
     or (select pg_catalog.count(distinct x) from pg_catalog.unnest(p_appointment_ids) x) <> pg_catalog.cardinality(p_appointment_ids) then
    perform app.fail('PT400', 'invalid_fiduciary_order', 'the new order names 1 to 10 appointments, each once');
  end if;
  perform app.lock_fiduciary_appointer(p_persona_id, p_entity_id);
  perform app.require_plan_open(p_persona_id);
  select coalesce(pg_catalog.array_agg(a.id), '{}') into v_live from app.fiduciary_appointments a
   where a.tenant_id = v_tenant_id and coalesce(a.appointer_persona_id, a.appointer_entity_id) = v_appointer
     and a.role = p_role and coalesce(a.ward_persona_id, '00000000-0000-0000-0000-000000000000'::uuid) = v_ward
     and a.status in ('nominated', 'accepted');
  -- The whole succession as the caller saw it: a list missing one, naming another's (or an ended)
  -- appointment, or overtaken by a racing writer is refused whole.
  if not (v_live @> p_appointment_ids and v_live <@ p_appointment_ids) then
    perform app.fail('PT409', 'fiduciary_order_stale',
                     'the order must name exactly the live appointments of this role: list them again and retry');
  end if;
  update app.fiduciary_appointments a set rank = pg_catalog.array_position(p_appointment_ids, a.id)
   where a.tenant_id = v_tenant_id and a.id = any (p_appointment_ids)
     and a.rank <> pg_catalog.array_position(p_appointment_ids, a.id);
  perform app.emit_event('fiduciary.reordered', 'fiduciary_succession', v_appointer,
    pg_catalog.jsonb_build_object('appointerPersonaId', p_persona_id, 'appointerEntityId', p_entity_id, 'role', p_role,
      'wardPersonaId', p_ward_persona_id, 'appointmentIds', pg_catalog.to_jsonb(p_appointment_ids), 'by', 'appointer',
      'actingAppointmentId', app.acting_fiduciary_id(v_appointer, p_role, p_ward_persona_id)));
  return query select v.* from pg_catalog.unnest(p_appointment_ids) with ordinality x(id, n)
                cross join lateral app.fiduciary_view(x.id, false) v order by x.n;
end
$$;
comment on function api.sp_reorder_fiduciary_appointments(uuid, uuid, text, uuid, uuid[]) is
  'The appointer sets the order of a role''s whole live succession (primary first); a list that is not exactly the live appointments is refused.';
grant execute on function api.sp_reorder_fiduciary_appointments(uuid, uuid, text, uuid, uuid[]) to estate_api;

------------------------------------------------------------------------------------------------
-- Status changes: the appointee accepts, declines, resigns; the appointer removes
------------------------------------------------------------------------------------------------

create or replace function app.fiduciary_step(p_appointment_id uuid, p_side text, p_from text[], p_to text)
  returns setof app.fiduciary_appointment_row
  language plpgsql volatile security definer
  set search_path = pg_catalog, pg_temp
as $$
declare
  v_user_id uuid := app.current_user_id();
  v_tenant_id uuid := app.current_tenant_id();
  v_appointment app.fiduciary_appointments;
  v_previous text;
begin
  -- The caller on the step's side, or the answer a random id gets: the appointee is the user's own
  -- persona (accepting an office is personal: a delegate does not accept for someone); the
  -- appointer side is whoever may act for the appointing persona, or control the trust.
  select a.* into v_appointment from app.fiduciary_appointments a
   where a.tenant_id = v_tenant_id and a.id = p_appointment_id
     and case when p_side = 'appointee'
              then a.appointee_persona_id = (select up.persona_id from app.user_personas up
                                              where up.tenant_id = v_tenant_id and up.user_id = v_user_id and up.link_kind = 'self')
              else a.appointer_persona_id in (select app.acting_persona_ids(v_user_id))
                   or a.appointer_entity_id in (select app.controlled_entity_ids(v_user_id)) end;
  if v_appointment.id is null then
    perform app.fail('PT404', 'fiduciary_appointment_not_found', 'fiduciary appointment not found');
  end if;
  if p_side = 'appointer' then
    perform app.require_trust_grantor(v_user_id, v_appointment.appointer_entity_id);
  end if;
  -- Queue on the appointer (as every write to the slot does), then read the row as it is now.
  perform app.lock_fiduciary_appointer(v_appointment.appointer_persona_id, v_appointment.appointer_entity_id);
  -- After a verified death or incapacity the appointer's side is closed: the succession the person
  -- left stands (the appointees still accept, decline or resign).
  if p_side = 'appointer' then
    perform app.require_plan_open(v_appointment.appointer_persona_id);
  end if;
  select a.* into v_appointment from app.fiduciary_appointments a where a.tenant_id = v_tenant_id and a.id = p_appointment_id for update;
  v_previous := v_appointment.status;
  if not v_previous = any (p_from) then
    perform app.fail('PT409', 'fiduciary_wrong_status',
                     pg_catalog.format('this appointment is %s: the step needs it %s', v_previous, pg_catalog.array_to_string(p_from, ' or ')));
  end if;
  update app.fiduciary_appointments a
     set status = p_to,
         accepted_at = case when p_to = 'accepted' then pg_catalog.now() else a.accepted_at end,
         declined_at = case when p_to = 'declined' then pg_catalog.now() else a.declined_at end,
         resigned_at = case when p_to = 'resigned' then pg_catalog.now() else a.resigned_at end,
         removed_at = case when p_to = 'removed' then pg_catalog.now() else a.removed_at end
   where a.tenant_id = v_tenant_id and a.id = p_appointment_id;
  if p_to in ('declined', 'resigned', 'removed') then
    perform app.renumber_fiduciary_slot(coalesce(v_appointment.appointer_persona_id, v_appointment.appointer_entity_id),
                                        v_appointment.role, v_appointment.ward_persona_id);
  end if;
  select a.* into v_appointment from app.fiduciary_appointments a where a.tenant_id = v_tenant_id and a.id = p_appointment_id;
  perform app.emit_fiduciary_event(v_appointment, v_previous, p_side);
  return query select * from app.fiduciary_view(p_appointment_id, p_side = 'appointee');
end
$$;
comment on function app.fiduciary_step(uuid, text, text[], text) is
  'One status change of an appointment: the caller on its side (else fiduciary_appointment_not_found), the slot queued, the status checked, the change, the renumbering and its outbox event.';

create or replace function api.sp_accept_fiduciary_appointment(p_appointment_id uuid)
  returns setof app.fiduciary_appointment_row
  language plpgsql volatile security definer
  set search_path = pg_catalog, pg_temp
as $$
begin
  perform app.current_user_id();
  return query select * from app.fiduciary_step(p_appointment_id, 'appointee', array['nominated'], 'accepted');
end
$$;
comment on function api.sp_accept_fiduciary_appointment(uuid) is 'The appointee (the signed-in user''s own persona) accepts a nomination.';
grant execute on function api.sp_accept_fiduciary_appointment(uuid) to estate_api;

create or replace function api.sp_decline_fiduciary_appointment(p_appointment_id uuid)
  returns setof app.fiduciary_appointment_row
  language plpgsql volatile security definer
  set search_path = pg_catalog, pg_temp
as $$
begin
  perform app.current_user_id();
  return query select * from app.fiduciary_step(p_appointment_id, 'appointee', array['nominated'], 'declined');
end
$$;
comment on function api.sp_decline_fiduciary_appointment(uuid) is
  'The appointee declines a nomination: it leaves the succession, the successors move up.';
grant execute on function api.sp_decline_fiduciary_appointment(uuid) to estate_api;

create or replace function api.sp_resign_fiduciary_appointment(p_appointment_id uuid)
  returns setof app.fiduciary_appointment_row
  language plpgsql volatile security definer
  set search_path = pg_catalog, pg_temp
as $$
begin
  perform app.current_user_id();
  return query select * from app.fiduciary_step(p_appointment_id, 'appointee', array['accepted'], 'resigned');
end
$$;
comment on function api.sp_resign_fiduciary_appointment(uuid) is
  'The appointee resigns an accepted appointment: it leaves the succession, the next accepted one acts.';
grant execute on function api.sp_resign_fiduciary_appointment(uuid) to estate_api;

create or replace function api.sp_remove_fiduciary_appointment(p_appointment_id uuid)
  returns setof app.fiduciary_appointment_row
  language plpgsql volatile security definer
  set search_path = pg_catalog, pg_temp
as $$
begin
  perform app.current_user_id();
  return query select * from app.fiduciary_step(p_appointment_id, 'appointer', array['nominated', 'accepted'], 'removed');
end
$$;
comment on function api.sp_remove_fiduciary_appointment(uuid) is
  'The appointer removes a live appointment (the row stays, removed): the successors move up.';
grant execute on function api.sp_remove_fiduciary_appointment(uuid) to estate_api;

------------------------------------------------------------------------------------------------
-- The appointee's list
------------------------------------------------------------------------------------------------

create or replace function api.sp_list_my_fiduciary_appointments(p_status text, p_limit integer, p_offset integer)
  returns setof app.fiduciary_appointment_row
  language plpgsql stable security definer
  set search_path = pg_catalog, pg_temp
as $$
declare
  v_user_id uuid := app.current_user_id();
  v_tenant_id uuid := app.current_tenant_id();
begin
  if p_status is not null and p_status not in ('nominated', 'accepted', 'declined', 'resigned', 'removed') then
    perform app.fail('PT400', 'invalid_fiduciary_status', 'status must be nominated, accepted, declined, resigned or removed');
  end if;
  perform app.check_page(p_limit, p_offset);
  return query
    select v.* from (select a.id, a.nominated_at from app.fiduciary_appointments a
                      where a.tenant_id = v_tenant_id
                        and a.appointee_persona_id = (select up.persona_id from app.user_personas up
                                                       where up.tenant_id = v_tenant_id and up.user_id = v_user_id and up.link_kind = 'self')
                        and (p_status is null or a.status = p_status)
                      order by a.nominated_at desc, a.id limit p_limit offset p_offset) page
    cross join lateral app.fiduciary_view(page.id, true) v
    order by page.nominated_at desc, page.id;
end
$$;
comment on function api.sp_list_my_fiduciary_appointments(text, integer, integer) is
  'The appointments naming the signed-in user''s own persona, newest first (without the appointers'' notes).';
grant execute on function api.sp_list_my_fiduciary_appointments(text, integer, integer) to estate_api;

------------------------------------------------------------------------------------------------
-- The planner's checks of a persona's fiduciaries
------------------------------------------------------------------------------------------------

create or replace function api.sp_check_fiduciaries(p_persona_id uuid)
  returns table (check_code text, role text, ward_persona_id uuid, appointment_id uuid, detail text)
  language plpgsql stable security definer
  set search_path = pg_catalog, pg_temp
as $$
#variable_conflict use_column
declare
  v_tenant_id uuid := app.current_tenant_id();
begin
  perform app.require_fiduciary_appointer(app.current_user_id(), p_persona_id, null);
  return query
  with mine as (
    select a.*, p.living_status as appointee_status, w.date_of_birth as ward_birth
      from app.fiduciary_appointments a
      join app.personas p on p.tenant_id = a.tenant_id and p.id = a.appointee_persona_id
      left join app.personas w on w.tenant_id = a.tenant_id and w.id = a.ward_persona_id
     where a.tenant_id = v_tenant_id and a.appointer_persona_id = p_persona_id
  ),
  slots as (
    select m.role, m.ward_persona_id, pg_catalog.bool_or(m.status in ('nominated', 'accepted')) as any_live,
           pg_catalog.bool_or(m.status = 'accepted') as any_accepted
      from mine m group by m.role, m.ward_persona_id
  )
  select 'no_executor', 'executor'::text, null::uuid, null::uuid,
         'no executor is named (or every one declined, resigned or was removed): the court appoints an administrator'::text
   where not exists (select 1 from mine m where m.role = 'executor' and m.status in ('nominated', 'accepted'))
  union all
  select 'role_without_appointee', s.role, s.ward_persona_id, null::uuid,
         pg_catalog.format('every %s appointed declined, resigned or was removed: name another', s.role)
    from slots s where not s.any_live and s.role <> 'executor'
  union all
  select 'role_without_acceptance', s.role, s.ward_persona_id, null::uuid,
         pg_catalog.format('no %s has accepted yet: nobody could act now', s.role)
    from slots s where s.any_live and not s.any_accepted
  union all
  select 'appointee_deceased', m.role, m.ward_persona_id, m.id,
         pg_catalog.format('a %s named (rank %s) has died: remove them and name a successor', m.role, m.rank)
    from mine m where m.status in ('nominated', 'accepted') and m.appointee_status = 'deceased'
  union all
  select 'ward_no_longer_minor', m.role, m.ward_persona_id, m.id,
         'the ward of this guardian is 18 or older: a guardian of a minor no longer applies'
    from mine m where m.role = 'guardian_of_minor' and m.status in ('nominated', 'accepted')
                  and m.ward_birth + interval '18 years' <= current_date
  order by 1, 2, 3, 4;
end
$$;
comment on function api.sp_check_fiduciaries(uuid) is
  'What a planner would flag in a persona''s fiduciaries: no executor, a role whose every appointee left, nobody accepted, a deceased appointee, a guardian''s ward now of age.';
grant execute on function api.sp_check_fiduciaries(uuid) to estate_api;
