-- Acting for a person (issue 13, docs/legacy.md "Acting for a person"): the trusted user of an
-- approved act_for emergency-access grant, or the acting agent under a durable or springing power
-- of attorney once the person's incapacity is verified, does a listed set of things for the person
-- under their own sign-in: never a credential reset, never the person's identity. A request names
-- the person (the API's Acting-For header: the app.acting_for setting); only the procedures that
-- call app.acting_user_id accept it (deny by default: every other procedure refuses the request
-- with acting_for_not_supported, in app.current_user_id). Each accepted request writes one audit
-- row of operation ACT; the changes it makes are audited as every change is, under the agent.

create or replace function app.acting_for_basis(p_user_id uuid, p_persona_id uuid) returns jsonb
  language sql stable security definer
  set search_path = pg_catalog, pg_temp
as $$
  -- Why the user may act for the persona now, or NULL: an act_for grant the persona gave them that
  -- is approved and inside its access window (a death ends it: the executor takes over), else the
  -- POA agent's role (incapacity verified, no death: app.fiduciary_access_role).
  with t as (select app.current_tenant_id() as tenant_id)
  select coalesce(
    (select pg_catalog.jsonb_build_object('via', 'emergency_access', 'grantId', g.id)
       from app.emergency_access_grants g, t
      where g.tenant_id = t.tenant_id and g.grantor_persona_id = p_persona_id and g.grantee_user_id = p_user_id
        and g.scope = 'act_for' and (app.emergency_access_effective(g)).state = 'approved'
        and not app.persona_is_frozen(t.tenant_id, p_persona_id)
      order by g.created_at, g.id
      limit 1),
    case when app.fiduciary_access_role(p_user_id, p_persona_id) = 'agent'
         then pg_catalog.jsonb_build_object('via', 'fiduciary', 'role', 'agent') end)
$$;
comment on function app.acting_for_basis(uuid, uuid) is
  'Why a user may act for a persona now (an open act_for grant, or the POA agent''s role once an incapacity is verified), or NULL.';

create or replace function app.acting_for_requested() returns text
  language sql stable
  set search_path = pg_catalog, pg_temp
as $$ select nullif(pg_catalog.current_setting('app.acting_for', true), '') $$;
comment on function app.acting_for_requested() is
  'The persona id this request says it acts for (the API''s Acting-For header), or NULL.';

create or replace function app.refuse_unaccepted_acting() returns void
  language plpgsql stable
  set search_path = pg_catalog, pg_temp
as $$
begin
  -- Deny by default: a request acting for someone reaches only a procedure that accepted it.
  if app.acting_for_requested() is not null
     and coalesce(pg_catalog.current_setting('app.acting_for_procedure', true), '') = '' then
    perform app.fail('PT400', 'acting_for_not_supported',
                     'this operation cannot be done acting for someone else: send it without Acting-For');
  end if;
end
$$;
comment on function app.refuse_unaccepted_acting() is
  'Raises acting_for_not_supported when the request acts for someone and no procedure accepted it (every caller check runs it).';

create or replace function app.acting_user_id(p_procedure text, p_scope text default null) returns uuid
  language plpgsql volatile security definer
  set search_path = pg_catalog, pg_temp
as $$
declare
  v_requested text := app.acting_for_requested();
  v_user_id uuid;
  v_persona_id uuid;
  v_basis jsonb;
begin
  if v_requested is null then
    return app.current_user_id(p_scope);
  end if;
  -- Acting for someone goes with a person's own sign-in, never an API key.
  if app.current_actor_kind() = 'api_key' then
    perform app.fail('PT403', 'api_key_not_allowed', 'acting for someone else needs a user''s sign-in, not an API key');
  end if;
  perform pg_catalog.set_config('app.acting_for_procedure', p_procedure, true);
  v_user_id := app.current_user_id();
  if v_requested !~ '^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$' then
    perform app.fail('PT400', 'invalid_acting_for', 'Acting-For must be the id of the person acted for');
  end if;
  v_persona_id := v_requested::uuid;
  v_basis := app.acting_for_basis(v_user_id, v_persona_id);
  if v_basis is null then
    -- No grant, not yet open, refused, revoked, expired, another tenant's or a random id: alike.
    perform app.fail('PT404', 'persona_not_found', 'persona not found');
  end if;
  perform pg_catalog.set_config('app.acting_for_user', v_user_id::text, true);
  perform pg_catalog.set_config('app.acting_for_persona', v_persona_id::text, true);
  -- One row per request: who acted, for whom, on what basis, through which procedure (the rows of
  -- what it changed carry the same request id).
  insert into audit.audit_log (tenant_id, actor_kind, actor_id, request_id, table_name, row_id, operation,
                               changed_columns, changes)
  values (app.current_tenant_id(), 'user', app.current_actor_id(), app.current_request_id(), p_procedure,
          v_persona_id::text, 'ACT', null,
          pg_catalog.jsonb_build_object('personaId', v_persona_id, 'agentUserId', v_user_id) || v_basis);
  return v_user_id;
end
$$;
comment on function app.acting_user_id(text, text) is
  'The caller of a procedure that may be done for someone: without Acting-For as app.current_user_id(scope); with it, the signed-in agent once their basis holds (persona_not_found otherwise), recorded (ACT).';

create or replace function app.acting_for_persona_id(p_user_id uuid) returns uuid
  language sql stable security definer
  set search_path = pg_catalog, pg_temp
as $$
  -- The persona this request acts for, accepted by app.acting_user_id for this user; the basis is
  -- checked again, so a setting alone never opens a persona.
  select s.persona_id
    from (select nullif(pg_catalog.current_setting('app.acting_for_persona', true), '')::uuid as persona_id,
                 nullif(pg_catalog.current_setting('app.acting_for_user', true), '')::uuid as user_id) s
   where s.user_id = p_user_id and s.persona_id is not null
     and app.acting_for_basis(p_user_id, s.persona_id) is not null
$$;
comment on function app.acting_for_persona_id(uuid) is
  'The persona the user acts for in this request (accepted by app.acting_user_id, basis still holding), or NULL.';

create or replace function api.sp_list_acting_for_requests(p_persona_id uuid, p_limit integer, p_offset integer)
  returns table (occurred_at timestamptz, agent_user_id uuid, agent_name text, via text, grant_id uuid,
                 procedure_name text, request_id text, total integer)
  language plpgsql stable security definer
  set search_path = pg_catalog, pg_temp
as $$
#variable_conflict use_column
declare
  v_user_id uuid := app.current_user_id();
  v_tenant_id uuid := app.current_tenant_id();
begin
  perform app.check_page(p_limit, p_offset);
  -- The person (or their delegate) sees what others did for them; never someone acting for them.
  perform app.require_persona_access(v_user_id, p_persona_id);
  return query
    select l.occurred_at, (l.changes ->> 'agentUserId')::uuid,
           (select p.first_name || ' ' || p.last_name
              from app.user_personas up join app.personas p on p.tenant_id = up.tenant_id and p.id = up.persona_id
             where up.tenant_id = l.tenant_id and up.user_id = (l.changes ->> 'agentUserId')::uuid
               and up.link_kind = 'self' limit 1),
           case l.changes ->> 'via' when 'fiduciary' then 'fiduciary:' || (l.changes ->> 'role') else l.changes ->> 'via' end,
           (l.changes ->> 'grantId')::uuid, l.table_name, l.request_id, (pg_catalog.count(*) over ())::integer
      from audit.audit_log l
     where l.tenant_id = v_tenant_id and l.operation = 'ACT' and l.row_id = p_persona_id::text
     order by l.occurred_at desc, l.id desc
     limit p_limit offset p_offset;
end
$$;
comment on function api.sp_list_acting_for_requests(uuid, integer, integer) is
  'The requests others made acting for a persona the caller acts for (who, on what basis, through what, when), newest first.';
grant execute on function api.sp_list_acting_for_requests(uuid, integer, integer) to estate_api;
