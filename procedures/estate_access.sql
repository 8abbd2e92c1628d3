-- What fiduciaries reach once the event their role waits for is verified (issue 13,
-- docs/legacy.md): the acting executor of a persona whose death is verified, the acting agent
-- under a durable or springing power of attorney of a persona whose incapacity is verified, read
-- the persona's assets (every read audited); and the acting executor sees every read anyone made
-- of the persona's data under these grants (emergency access, fiduciary roles, vault shares).

create or replace function app.fiduciary_access_role(p_user_id uuid, p_persona_id uuid) returns text
  language sql stable security definer
  set search_path = pg_catalog, pg_temp
as $$
  -- executor: the persona's death is verified and the caller is the acting executor (their own
  -- persona is the first accepted in rank order); agent: the persona's incapacity is verified (and
  -- no death) and the caller is the acting durable or springing POA agent; else NULL.
  with t as (select app.current_tenant_id() as tenant_id),
  verified as (
    select pg_catalog.bool_or(e.kind = 'death') as death, pg_catalog.bool_or(e.kind = 'incapacity') as incapacity
      from app.life_events e, t
     where e.tenant_id = t.tenant_id and e.persona_id = p_persona_id and e.state = 'verified'
  ),
  mine as (
    select a.role from app.fiduciary_appointments a, t
     where a.tenant_id = t.tenant_id and a.appointer_persona_id = p_persona_id
       and a.id in (app.acting_fiduciary_id(p_persona_id, 'executor'),
                    app.acting_fiduciary_id(p_persona_id, 'durable_poa_agent'),
                    app.acting_fiduciary_id(p_persona_id, 'springing_poa_agent'))
       and exists (select 1 from app.user_personas up
                    where up.tenant_id = a.tenant_id and up.user_id = p_user_id
                      and up.persona_id = a.appointee_persona_id and up.link_kind = 'self')
  )
  select case
    when v.death and exists (select 1 from mine where mine.role = 'executor') then 'executor'
    when v.incapacity and not v.death
         and exists (select 1 from mine where mine.role in ('durable_poa_agent', 'springing_poa_agent')) then 'agent'
  end
    from verified v
$$;
comment on function app.fiduciary_access_role(uuid, uuid) is
  'The role through which a user reaches a persona''s data: executor (death verified, acting executor), agent (incapacity verified, acting POA agent), or NULL.';

create or replace function api.sp_read_fiduciary_assets(p_persona_id uuid, p_limit integer, p_offset integer)
  returns table (asset_id uuid, asset_type text, category_code text, name text, currency text, is_liability boolean,
                 ownership_percentage numeric, current_value numeric, current_value_currency text, valued_on date,
                 access_role text, total integer)
  language plpgsql volatile security definer
  set search_path = pg_catalog, pg_temp
as $$
#variable_conflict use_column
declare
  v_user_id uuid := app.current_user_id();
  v_tenant_id uuid := app.current_tenant_id();
  v_role text;
  v_count integer;
begin
  perform app.check_page(p_limit, p_offset);
  v_role := case when p_persona_id is null then null else app.fiduciary_access_role(v_user_id, p_persona_id) end;
  if v_role is null then
    -- Not the acting fiduciary, not yet verified, another tenant's or a random id: the same answer.
    perform app.fail('PT404', 'persona_not_found', 'persona not found');
  end if;
  return query
    select p.asset_id, p.asset_type, p.category_code, p.name, p.currency, p.is_liability, p.ownership_percentage,
           p.current_value, p.current_value_currency, p.valued_on, v_role, p.total
      from app.persona_assets_page(p_persona_id, p_limit, p_offset) p;
  get diagnostics v_count = row_count;
  insert into audit.audit_log (tenant_id, actor_kind, actor_id, request_id, table_name, row_id, operation,
                               changed_columns, changes)
  values (v_tenant_id, 'user', app.current_actor_id(), app.current_request_id(), 'api.sp_read_fiduciary_assets',
          p_persona_id::text, 'READ', null,
          pg_catalog.jsonb_build_object('personaId', p_persona_id, 'readerUserId', v_user_id, 'role', v_role,
                                        'rows', v_count, 'limit', p_limit, 'offset', p_offset));
end
$$;
comment on function api.sp_read_fiduciary_assets(uuid, integer, integer) is
  'The acting executor (death verified) or POA agent (incapacity verified) reads the persona''s assets (share, latest value); every read audited.';
grant execute on function api.sp_read_fiduciary_assets(uuid, integer, integer) to estate_api;

create or replace function api.sp_list_estate_reads(p_persona_id uuid, p_limit integer, p_offset integer)
  returns table (occurred_at timestamptz, what text, reader_user_id uuid, via text, row_id text, rows_read integer,
                 total integer)
  language plpgsql stable security definer
  set search_path = pg_catalog, pg_temp
as $$
#variable_conflict use_column
declare
  v_user_id uuid := app.current_user_id();
  v_tenant_id uuid := app.current_tenant_id();
begin
  perform app.check_page(p_limit, p_offset);
  if p_persona_id is null or app.fiduciary_access_role(v_user_id, p_persona_id) is distinct from 'executor' then
    perform app.fail('PT404', 'persona_not_found', 'persona not found');
  end if;
  -- Every read of the persona's data made under a grant: a trusted user's (emergency access), a
  -- fiduciary's, a vault recipient's of the persona's documents, support's of a report's evidence;
  -- and every request made acting for the persona (an act_for grant, the POA agent).
  -- Newest first.
  return query
    select r.occurred_at, r.what, r.reader, r.via, r.row_id, r.rows_read, (pg_catalog.count(*) over ())::integer
      from (
        select l.occurred_at, 'assets'::text as what, (l.changes ->> 'granteeUserId')::uuid as reader,
               'emergency_access'::text as via, l.row_id, (l.changes ->> 'rows')::integer as rows_read, l.id
          from audit.audit_log l
         where l.tenant_id = v_tenant_id and l.operation = 'READ' and l.table_name = 'api.sp_read_emergency_access_assets'
           and l.changes ->> 'grantorPersonaId' = p_persona_id::text
        union all
        select l.occurred_at,
               case l.table_name when 'api.sp_read_fiduciary_assets' then 'assets'
                                 when 'api.sp_read_fiduciary_estate_flow' then 'estate_flow' else 'snapshot' end,
               (l.changes ->> 'readerUserId')::uuid, 'fiduciary:' || (l.changes ->> 'role'),
               l.row_id, (l.changes ->> 'rows')::integer, l.id
          from audit.audit_log l
         where l.tenant_id = v_tenant_id and l.operation = 'READ'
           and l.table_name in ('api.sp_read_fiduciary_assets', 'api.sp_read_fiduciary_estate_flow', 'api.sp_get_estate_snapshot')
           and l.row_id = p_persona_id::text
        union all
        select l.occurred_at, 'document', (l.changes ->> 'readerUserId')::uuid, 'vault_share', l.row_id, 1, l.id
          from audit.audit_log l
         where l.tenant_id = v_tenant_id and l.operation = 'READ' and l.table_name = 'api.sp_read_vault_document_version'
           and l.row_id in (select d.id::text from app.vault_documents d
                             where d.tenant_id = v_tenant_id and d.owner_persona_id = p_persona_id)
        union all
        -- Requests made acting for the persona (procedures/acting_for.sql): what = the procedure,
        -- via = act_for:emergency_access (row: the grant) or act_for:fiduciary:agent.
        select l.occurred_at, l.table_name, (l.changes ->> 'agentUserId')::uuid,
               'act_for:' || (l.changes ->> 'via') || coalesce(':' || (l.changes ->> 'role'), ''),
               coalesce(l.changes ->> 'grantId', l.row_id), null::integer, l.id
          from audit.audit_log l
         where l.tenant_id = v_tenant_id and l.operation = 'ACT' and l.row_id = p_persona_id::text
        union all
        -- Support staff reading the evidence of a report about the persona (the staff member is
        -- named in the audit log, not here: the executor sees that support read it, and when).
        select l.occurred_at, 'evidence', null::uuid, 'support', l.row_id, 1, l.id
          from audit.audit_log l
         where l.tenant_id = v_tenant_id and l.operation = 'READ' and l.table_name = 'support.sp_read_life_event_evidence'
           and l.row_id in (select e.id::text from app.life_events e
                             where e.tenant_id = v_tenant_id and e.persona_id = p_persona_id)
      ) r
     order by r.occurred_at desc, r.id desc
     limit p_limit offset p_offset;
end
$$;
comment on function api.sp_list_estate_reads(uuid, integer, integer) is
  'The acting executor of a persona whose death is verified: every read of the persona''s data under a grant (trusted users, fiduciaries, vault recipients) and every request made acting for them, newest first.';
grant execute on function api.sp_list_estate_reads(uuid, integer, integer) to estate_api;

create or replace function app.audit_fiduciary_read(p_what text, p_persona_id uuid, p_role text, p_details jsonb)
  returns void
  language sql volatile security definer
  set search_path = pg_catalog, pg_temp
as $$
  -- A fiduciary's read under their role: who, whose, which role (listed to the executor).
  insert into audit.audit_log (tenant_id, actor_kind, actor_id, request_id, table_name, row_id, operation,
                               changed_columns, changes)
  values (app.current_tenant_id(), 'user', app.current_actor_id(), app.current_request_id(), p_what,
          p_persona_id::text, 'READ', null,
          pg_catalog.jsonb_build_object('personaId', p_persona_id, 'readerUserId', app.current_user_id(), 'role', p_role)
            || coalesce(p_details, '{}'))
$$;
comment on function app.audit_fiduciary_read(text, uuid, text, jsonb) is
  'Records a fiduciary''s read of a persona''s data under their role in the audit log (READ).';

create or replace function api.sp_read_fiduciary_estate_flow(p_persona_id uuid, p_as_of date, p_currency text)
  returns table (asset_id uuid, asset_name text, route text, recipient_kind text, recipient_persona_id uuid,
                 recipient_entity_id uuid, recipient_name text, amount numeric, as_of date)
  language plpgsql volatile security definer
  set search_path = pg_catalog, pg_temp
as $$
#variable_conflict use_column
declare
  v_user_id uuid := app.current_user_id();
  v_as_of date;
begin
  if p_persona_id is null or app.fiduciary_access_role(v_user_id, p_persona_id) is distinct from 'executor' then
    perform app.fail('PT404', 'persona_not_found', 'persona not found');
  end if;
  -- By default as of the date of death: what the executor distributes.
  v_as_of := coalesce(p_as_of, (select e.occurred_on from app.life_events e
                                 where e.tenant_id = app.current_tenant_id() and e.persona_id = p_persona_id
                                   and e.kind = 'death' and e.state = 'verified'));
  perform app.audit_fiduciary_read('api.sp_read_fiduciary_estate_flow', p_persona_id, 'executor',
                                   pg_catalog.jsonb_build_object('asOf', v_as_of, 'currency', p_currency));
  return query select f.*, v_as_of from app.estate_flow_of(p_persona_id, v_as_of, p_currency) f;
end
$$;
comment on function api.sp_read_fiduciary_estate_flow(uuid, date, text) is
  'The acting executor of a persona whose death is verified reads their estate flow (as of the date of death by default); audited.';
grant execute on function api.sp_read_fiduciary_estate_flow(uuid, date, text) to estate_api;

create or replace function api.sp_get_estate_snapshot(p_persona_id uuid)
  returns table (event_id uuid, occurred_on date, verified_at timestamptz, currency text, holdings jsonb,
                 net_worth jsonb, estate_flow jsonb)
  language plpgsql volatile security definer
  set search_path = pg_catalog, pg_temp
as $$
#variable_conflict use_column
declare
  v_user_id uuid := app.current_user_id();
begin
  if p_persona_id is null or app.fiduciary_access_role(v_user_id, p_persona_id) is distinct from 'executor' then
    perform app.fail('PT404', 'persona_not_found', 'persona not found');
  end if;
  perform app.audit_fiduciary_read('api.sp_get_estate_snapshot', p_persona_id, 'executor', null);
  return query
    select e.id, e.occurred_on, e.verified_at, e.snapshot_currency, e.holdings_snapshot, e.net_worth_snapshot,
           e.estate_flow_snapshot
      from app.life_events e
     where e.tenant_id = app.current_tenant_id() and e.persona_id = p_persona_id and e.kind = 'death'
       and e.state = 'verified';
end
$$;
comment on function api.sp_get_estate_snapshot(uuid) is
  'The acting executor reads what was kept when the death was verified: holdings, net worth and estate flow on the date; audited.';
grant execute on function api.sp_get_estate_snapshot(uuid) to estate_api;
