-- Estate planning (issue 12): legal entities that own things (trusts, companies) and who controls
-- them, entity shares of assets, beneficiary designations (primary / contingent, each level
-- exactly 100%), and the checks a planner runs over one persona's plan. docs/estate_plan.md.

------------------------------------------------------------------------------------------------
-- Legal entities and their controllers
------------------------------------------------------------------------------------------------

create or replace function app.require_entity_access(p_user_id uuid, p_entity_id uuid) returns void
  language plpgsql stable security definer
  set search_path = pg_catalog, pg_temp
as $$
begin
  -- Another tenant's entity, an unknown id and one the caller does not control: the same answer.
  if p_entity_id is null or not exists (select 1 from app.controlled_entity_ids(p_user_id) e where e = p_entity_id) then
    perform app.fail('PT404', 'entity_not_found', 'entity not found');
  end if;
end
$$;
comment on function app.require_entity_access(uuid, uuid) is 'Raises entity_not_found unless the user controls the entity (acts for a grantor, trustee or manager).';

create or replace function app.legal_entity_view(p_entity_id uuid)
  returns setof app.legal_entity_row
  language sql stable security definer
  set search_path = pg_catalog, pg_temp
as $$
  select e.id, e.entity_kind, e.name, e.jurisdiction, e.effective_date,
         coalesce((select pg_catalog.jsonb_agg(pg_catalog.jsonb_build_object(
                     'personaId', r.persona_id, 'personaName', p.first_name || ' ' || p.last_name, 'role', r.role)
                     order by r.role, p.last_name, p.first_name, r.persona_id)
                     from app.legal_entity_roles r join app.personas p on p.tenant_id = r.tenant_id and p.id = r.persona_id
                    where r.tenant_id = e.tenant_id and r.entity_id = e.id), '[]'),
         e.created_at, e.updated_at
    from app.legal_entities e
   where e.tenant_id = (select app.current_tenant_id()) and e.id = p_entity_id
$$;
comment on function app.legal_entity_view(uuid) is 'A legal entity as the API shows it, with its grantors, trustees or managers.';

create or replace function app.check_entity_kind(p_kind text) returns text
  language plpgsql immutable
  set search_path = pg_catalog, pg_temp
as $$
begin
  if p_kind is null or p_kind not in ('revocable_trust', 'irrevocable_trust', 'llc', 'partnership', 'corporation', 'other') then
    perform app.fail('PT400', 'invalid_entity_kind', 'entity kind must be revocable_trust, irrevocable_trust, llc, partnership, corporation or other');
  end if;
  return p_kind;
end
$$;
comment on function app.check_entity_kind(text) is 'Checks the kind of a legal entity.';

create or replace function app.check_entity_fields(p_jurisdiction text, p_effective_date date) returns void
  language plpgsql stable
  set search_path = pg_catalog, pg_temp
as $$
begin
  if pg_catalog.length(p_jurisdiction) > 100 then
    perform app.fail('PT400', 'invalid_jurisdiction', 'jurisdiction must be at most 100 characters');
  end if;
  if p_effective_date is not null and (p_effective_date < date '1850-01-01' or p_effective_date > current_date + 366) then
    perform app.fail('PT400', 'invalid_effective_date', 'the effective date must be between 1850-01-01 and a year from today');
  end if;
end
$$;
comment on function app.check_entity_fields(text, date) is 'Checks an entity''s jurisdiction and effective date.';

create or replace function app.replace_entity_roles(p_user_id uuid, p_entity_id uuid, p_kind text, p_roles jsonb) returns void
  language plpgsql volatile security definer
  set search_path = pg_catalog, pg_temp
as $$
declare
  v_tenant_id uuid := app.current_tenant_id();
  v_role record;
  v_trust boolean := p_kind in ('revocable_trust', 'irrevocable_trust');
begin
  -- The shape first, before any persona is looked at: an array of 1 to 20 {personaId, role}.
  if p_roles is null or pg_catalog.jsonb_typeof(p_roles) <> 'array' or pg_catalog.jsonb_array_length(p_roles) not between 1 and 20
     or exists (select 1 from pg_catalog.jsonb_array_elements(p_roles) x
                 where pg_catalog.jsonb_typeof(x) <> 'object' or (x - 'personaId' - 'role') <> '{}'::jsonb
                    or pg_catalog.jsonb_typeof(x -> 'personaId') is distinct from 'string'
                    or (x ->> 'personaId') !~ '^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$'
                    or (x ->> 'role') is null
                    or (x ->> 'role') not in (case when v_trust then 'grantor' else 'manager' end, case when v_trust then 'trustee' else 'manager' end)) then
    perform app.fail('PT400', 'invalid_entity_roles', case when v_trust
      then 'roles: 1 to 20 of {personaId, role}, role grantor or trustee'
      else 'roles: 1 to 20 of {personaId, role}, role manager' end);
  end if;
  if v_trust and not (p_roles @> '[{"role": "grantor"}]' and p_roles @> '[{"role": "trustee"}]') then
    perform app.fail('PT400', 'invalid_entity_roles', 'a trust needs at least one grantor and one trustee');
  end if;
  for v_role in select distinct (x ->> 'personaId')::uuid as persona_id from pg_catalog.jsonb_array_elements(p_roles) x loop
    if not app.user_can_reference_persona(p_user_id, v_role.persona_id) then
      perform app.fail('PT404', 'persona_not_found', 'persona not found');
    end if;
  end loop;
  -- Whoever sets the roles stays among those who control the entity: nobody locks themselves out.
  if not exists (select 1 from pg_catalog.jsonb_array_elements(p_roles) x
                  where (x ->> 'personaId')::uuid in (select app.acting_persona_ids(p_user_id))) then
    perform app.fail('PT400', 'entity_controller_required', 'name a persona you act for as a grantor, trustee or manager');
  end if;
  -- A change never takes control from another: a grantor's role stays whoever changes the roles,
  -- anyone else's role too unless a grantor changes them (a grantor appoints and removes trustees),
  -- and only a grantor's own people name a new grantor (a co-trustee cannot make the trust theirs,
  -- and with it the owner's rights over what it holds).
  if exists (select 1 from app.legal_entity_roles r
              where r.tenant_id = v_tenant_id and r.entity_id = p_entity_id
                and r.persona_id not in (select app.acting_persona_ids(p_user_id))
                and (r.role = 'grantor'
                     or not exists (select 1 from app.legal_entity_roles g
                                     where g.tenant_id = v_tenant_id and g.entity_id = p_entity_id and g.role = 'grantor'
                                       and g.persona_id in (select app.acting_persona_ids(p_user_id))))
                and not exists (select 1 from pg_catalog.jsonb_array_elements(p_roles) x
                                 where (x ->> 'personaId')::uuid = r.persona_id and x ->> 'role' = r.role)) then
    perform app.fail('PT403', 'entity_roles_of_others', 'you may not remove a role held by someone you do not act for');
  end if;
  if exists (select 1 from app.legal_entity_roles r where r.tenant_id = v_tenant_id and r.entity_id = p_entity_id)
     and exists (select 1 from pg_catalog.jsonb_array_elements(p_roles) x
                  where x ->> 'role' = 'grantor'
                    and not exists (select 1 from app.legal_entity_roles r
                                     where r.tenant_id = v_tenant_id and r.entity_id = p_entity_id
                                       and r.role = 'grantor' and r.persona_id = (x ->> 'personaId')::uuid))
     and not exists (select 1 from app.legal_entity_roles r
                      where r.tenant_id = v_tenant_id and r.entity_id = p_entity_id and r.role = 'grantor'
                        and r.persona_id in (select app.acting_persona_ids(p_user_id))) then
    perform app.fail('PT403', 'entity_roles_of_others', 'only a grantor may name another grantor');
  end if;
  delete from app.legal_entity_roles r where r.tenant_id = v_tenant_id and r.entity_id = p_entity_id;
  insert into app.legal_entity_roles (tenant_id, entity_id, persona_id, role)
  select distinct v_tenant_id, p_entity_id, (x ->> 'personaId')::uuid, x ->> 'role' from pg_catalog.jsonb_array_elements(p_roles) x;
end
$$;
comment on function app.replace_entity_roles(uuid, uuid, text, jsonb) is
  'Replaces who controls an entity: grantors and trustees of a trust, managers of any other entity; personas the caller may name, one of them acted for by the caller.';

create or replace function api.sp_create_legal_entity(p_entity_kind text, p_name text, p_jurisdiction text,
                                                      p_effective_date date, p_roles jsonb)
  returns setof app.legal_entity_row
  language plpgsql volatile security definer
  set search_path = pg_catalog, pg_temp
as $$
declare
  v_user_id uuid := app.current_user_id();
  v_tenant_id uuid := app.current_tenant_id();
  v_id uuid;
begin
  perform app.check_entity_kind(p_entity_kind);
  perform app.check_entity_fields(p_jurisdiction, p_effective_date);
  insert into app.legal_entities (tenant_id, entity_kind, name, jurisdiction, effective_date, created_by_user_id)
  values (v_tenant_id, p_entity_kind, app.require_text(p_name, 'invalid_name', 200), nullif(pg_catalog.btrim(p_jurisdiction), ''),
          p_effective_date, v_user_id)
  returning id into v_id;
  perform app.replace_entity_roles(v_user_id, v_id, p_entity_kind, p_roles);
  return query select * from app.legal_entity_view(v_id);
end
$$;
comment on function api.sp_create_legal_entity(text, text, text, date, jsonb) is
  'Creates a trust, company or other legal entity with the personas who control it (the caller acting for at least one).';
grant execute on function api.sp_create_legal_entity(text, text, text, date, jsonb) to estate_api;

create or replace function api.sp_get_legal_entity(p_entity_id uuid)
  returns setof app.legal_entity_row
  language plpgsql stable security definer
  set search_path = pg_catalog, pg_temp
as $$
begin
  perform app.require_entity_access(app.current_user_id(), p_entity_id);
  return query select * from app.legal_entity_view(p_entity_id);
end
$$;
comment on function api.sp_get_legal_entity(uuid) is 'One legal entity the caller controls, with its grantors, trustees or managers.';
grant execute on function api.sp_get_legal_entity(uuid) to estate_api;

create or replace function api.sp_list_legal_entities(p_limit integer, p_offset integer)
  returns setof app.legal_entity_row
  language plpgsql stable security definer
  set search_path = pg_catalog, pg_temp
as $$
declare
  v_user_id uuid := app.current_user_id();
begin
  perform app.check_page(p_limit, p_offset);
  return query
    select v.* from (select e.id, e.name from app.legal_entities e
                      where e.tenant_id = app.current_tenant_id() and e.id in (select app.controlled_entity_ids(v_user_id))
                      order by e.name, e.id limit p_limit offset p_offset) page
    cross join lateral app.legal_entity_view(page.id) v
    order by page.name, page.id;
end
$$;
comment on function api.sp_list_legal_entities(integer, integer) is 'The legal entities the caller controls, by name, a page at a time.';
grant execute on function api.sp_list_legal_entities(integer, integer) to estate_api;

create or replace function api.sp_update_legal_entity(p_entity_id uuid, p_name text default null, p_jurisdiction text default null,
                                                      p_effective_date date default null, p_roles jsonb default null)
  returns setof app.legal_entity_row
  language plpgsql volatile security definer
  set search_path = pg_catalog, pg_temp
as $$
declare
  v_user_id uuid := app.current_user_id();
  v_tenant_id uuid := app.current_tenant_id();
  v_kind text;
begin
  perform app.require_entity_access(v_user_id, p_entity_id);
  select e.entity_kind into v_kind from app.legal_entities e where e.tenant_id = v_tenant_id and e.id = p_entity_id for update;
  perform app.check_entity_fields(p_jurisdiction, p_effective_date);
  update app.legal_entities e set
    name = case when p_name is null then e.name else app.require_text(p_name, 'invalid_name', 200) end,
    jurisdiction = case when p_jurisdiction is null then e.jurisdiction else nullif(pg_catalog.btrim(p_jurisdiction), '') end,
    effective_date = coalesce(p_effective_date, e.effective_date)
  where e.tenant_id = v_tenant_id and e.id = p_entity_id;
  if p_roles is not null then
    perform app.replace_entity_roles(v_user_id, p_entity_id, v_kind, p_roles);
  end if;
  return query select * from app.legal_entity_view(p_entity_id);
end
$$;
comment on function api.sp_update_legal_entity(uuid, text, text, date, jsonb) is
  'Changes an entity the caller controls: name, jurisdiction, effective date, or (all at once) who controls it; NULL keeps.';
grant execute on function api.sp_update_legal_entity(uuid, text, text, date, jsonb) to estate_api;

create or replace function api.sp_assign_asset_to_entity(p_asset_id uuid, p_entity_id uuid, p_percentage numeric,
                                                         p_ownership_form text)
  returns table (asset_id uuid, entity_id uuid, ownership_percentage numeric, ownership_form text, total_percentage numeric)
  language plpgsql volatile security definer
  set search_path = pg_catalog, pg_temp
as $$
#variable_conflict use_column
declare
  v_user_id uuid := app.current_user_id();
  v_tenant_id uuid := app.current_tenant_id();
  v_others numeric;
begin
  -- An owner of the asset who also controls the entity (the grantor funding their trust).
  perform app.require_asset_access(v_user_id, p_asset_id, 'owner');
  perform app.require_entity_access(v_user_id, p_entity_id);
  perform app.check_ownership(p_percentage, p_ownership_form);
  -- The same queue as every other writer of the asset's shares: the 100% cap holds under concurrency.
  perform 1 from app.assets a where a.tenant_id = v_tenant_id and a.id = p_asset_id for update;
  select coalesce(sum(o.ownership_percentage), 0) into v_others from app.asset_ownerships o
   where o.tenant_id = v_tenant_id and o.asset_id = p_asset_id and o.entity_id is distinct from p_entity_id;
  if v_others + p_percentage > 100 then
    perform app.fail('PT409', 'ownership_exceeds_100', pg_catalog.format('shares would total %s%%; at most %s%% is left', v_others + p_percentage, 100 - v_others));
  end if;
  insert into app.asset_ownerships (tenant_id, asset_id, entity_id, ownership_percentage, ownership_form)
  values (v_tenant_id, p_asset_id, p_entity_id, p_percentage, p_ownership_form)
  on conflict (tenant_id, asset_id, entity_id) where entity_id is not null
    do update set ownership_percentage = excluded.ownership_percentage, ownership_form = excluded.ownership_form;
  return query select p_asset_id, p_entity_id, p_percentage, p_ownership_form, v_others + p_percentage;
end
$$;
comment on function api.sp_assign_asset_to_entity(uuid, uuid, numeric, text) is
  'Sets an entity''s share of an asset (an owner who controls the entity), out of the unallocated part; never above 100% in all.';
grant execute on function api.sp_assign_asset_to_entity(uuid, uuid, numeric, text) to estate_api;

------------------------------------------------------------------------------------------------
-- Beneficiary designations: each level replaced whole, summing to exactly 100%
------------------------------------------------------------------------------------------------

drop function if exists app.beneficiaries_of(uuid, uuid);
create or replace function app.beneficiaries_of(p_asset_id uuid, p_entity_id uuid, p_estate_of_persona_id uuid default null)
  returns setof app.beneficiary_row
  language sql stable security definer
  set search_path = pg_catalog, pg_temp
as $$
  select d.level, d.beneficiary_kind, d.beneficiary_persona_id, d.beneficiary_entity_id,
         case d.beneficiary_kind when 'persona' then p.first_name || ' ' || p.last_name when 'entity' then e.name
              else 'The owner''s estate' end,
         d.percentage, d.distribution, d.effective_on
    from app.beneficiary_designations d
    left join app.personas p on p.tenant_id = d.tenant_id and p.id = d.beneficiary_persona_id
    left join app.legal_entities e on e.tenant_id = d.tenant_id and e.id = d.beneficiary_entity_id
   where d.tenant_id = (select app.current_tenant_id())
     and d.asset_id is not distinct from p_asset_id and d.entity_id is not distinct from p_entity_id
     and d.estate_of_persona_id is not distinct from p_estate_of_persona_id
     and pg_catalog.num_nonnulls(p_asset_id, p_entity_id, p_estate_of_persona_id) = 1
   order by d.level desc, d.percentage desc, 5, d.id
$$;
comment on function app.beneficiaries_of(uuid, uuid, uuid) is
  'The designations on an asset, an entity or a persona''s estate, primary level first, largest share first.';

drop function if exists app.replace_beneficiaries(uuid, uuid, uuid, date, jsonb, jsonb);
create or replace function app.replace_beneficiaries(p_user_id uuid, p_asset_id uuid, p_entity_id uuid, p_estate_of_persona_id uuid,
                                                     p_effective_on date, p_primary jsonb, p_contingent jsonb) returns void
  language plpgsql volatile security definer
  set search_path = pg_catalog, pg_temp
as $$
declare
  v_tenant_id uuid := app.current_tenant_id();
  v_level record;
  v_item record;
  v_total numeric;
begin
  if p_effective_on is null or p_effective_on < date '1900-01-01' or p_effective_on > current_date + 366 then
    perform app.fail('PT400', 'invalid_effective_date', 'the effective date must be between 1900-01-01 and a year from today');
  end if;
  -- The shape of both levels before anything is looked up: arrays of at most 20 known objects.
  for v_level in select * from (values ('primary', coalesce(p_primary, '[]')), ('contingent', coalesce(p_contingent, '[]'))) l(level, items) loop
    if pg_catalog.jsonb_typeof(v_level.items) <> 'array' or pg_catalog.jsonb_array_length(v_level.items) > 20
       or exists (select 1 from pg_catalog.jsonb_array_elements(v_level.items) x
                   where pg_catalog.jsonb_typeof(x) <> 'object'
                      or (x - 'kind' - 'personaId' - 'entityId' - 'percentage' - 'distribution') <> '{}'::jsonb
                      or (x ->> 'kind') is null or (x ->> 'kind') not in ('persona', 'entity', 'estate')
                      or ((x ->> 'kind') = 'persona') <> (x ? 'personaId') or ((x ->> 'kind') = 'entity') <> (x ? 'entityId')
                      or (x ? 'distribution' and (x ->> 'kind') <> 'persona')
                      -- An estate's residuary goes to people and entities, not to an estate again.
                      or ((x ->> 'kind') = 'estate' and p_estate_of_persona_id is not null)
                      or coalesce(x ->> 'distribution', 'per_stirpes') not in ('per_stirpes', 'per_capita')
                      or coalesce(x ->> 'personaId', x ->> 'entityId', '00000000-0000-0000-0000-000000000000')
                           !~ '^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$'
                      or case when pg_catalog.jsonb_typeof(x -> 'percentage') = 'string'
                                   and (x ->> 'percentage') ~ '^(100(\.0{1,4})?|[0-9]{1,2}(\.[0-9]{1,4})?)$'
                              then (x ->> 'percentage')::numeric = 0 else true end) then
      perform app.fail('PT400', 'invalid_beneficiaries', pg_catalog.format(
        '%s: at most 20 of {kind: persona|entity|estate, personaId or entityId, percentage as a decimal string above 0 and at most 100 with up to 4 places, distribution per_stirpes|per_capita for a persona}',
        v_level.level));
    end if;
    if (select pg_catalog.count(*) <> pg_catalog.count(distinct (x ->> 'kind', coalesce(x ->> 'personaId', x ->> 'entityId')))
          from pg_catalog.jsonb_array_elements(v_level.items) x) then
      perform app.fail('PT400', 'invalid_beneficiaries', pg_catalog.format('%s: each beneficiary at most once', v_level.level));
    end if;
    select sum((x ->> 'percentage')::numeric) into v_total from pg_catalog.jsonb_array_elements(v_level.items) x;
    if v_total is not null and v_total <> 100 then
      perform app.fail('PT422', 'beneficiary_total_not_100', pg_catalog.format('the %s beneficiaries total %s%%, not 100%%', v_level.level, v_total));
    end if;
  end loop;
  if pg_catalog.jsonb_array_length(coalesce(p_primary, '[]')) = 0 and pg_catalog.jsonb_array_length(coalesce(p_contingent, '[]')) > 0 then
    perform app.fail('PT400', 'invalid_beneficiaries', 'contingent beneficiaries need primary ones');
  end if;
  -- Everyone named must be someone the caller may name: a persona they act for or share a
  -- circle with, an entity they control (and an entity never inherits from itself).
  for v_item in select x ->> 'kind' as kind, (x ->> 'personaId')::uuid as persona_id, (x ->> 'entityId')::uuid as entity_id
                  from pg_catalog.jsonb_array_elements(coalesce(p_primary, '[]') || coalesce(p_contingent, '[]')) x loop
    if v_item.kind = 'persona' and not app.user_can_reference_persona(p_user_id, v_item.persona_id) then
      perform app.fail('PT404', 'persona_not_found', 'persona not found');
    end if;
    if v_item.kind = 'entity' then
      perform app.require_entity_access(p_user_id, v_item.entity_id);
      if v_item.entity_id = p_entity_id then
        perform app.fail('PT400', 'invalid_beneficiaries', 'an entity is not its own beneficiary');
      end if;
    end if;
  end loop;
  delete from app.beneficiary_designations d
   where d.tenant_id = v_tenant_id and d.asset_id is not distinct from p_asset_id and d.entity_id is not distinct from p_entity_id
     and d.estate_of_persona_id is not distinct from p_estate_of_persona_id;
  insert into app.beneficiary_designations (tenant_id, asset_id, entity_id, estate_of_persona_id, level, beneficiary_kind,
                                            beneficiary_persona_id, beneficiary_entity_id, percentage, distribution, effective_on,
                                            created_by_user_id)
  select v_tenant_id, p_asset_id, p_entity_id, p_estate_of_persona_id, l.level, x ->> 'kind', (x ->> 'personaId')::uuid, (x ->> 'entityId')::uuid,
         (x ->> 'percentage')::numeric, case when x ->> 'kind' = 'persona' then coalesce(x ->> 'distribution', 'per_stirpes') end,
         p_effective_on, p_user_id
    from (values ('primary', coalesce(p_primary, '[]')), ('contingent', coalesce(p_contingent, '[]'))) l(level, items)
   cross join lateral pg_catalog.jsonb_array_elements(l.items) x;
end
$$;
comment on function app.replace_beneficiaries(uuid, uuid, uuid, uuid, date, jsonb, jsonb) is
  'Replaces the whole designation of an asset, entity or estate (both levels at once; each empty or exactly 100%), after checking its shape and everyone named.';

create or replace function api.sp_set_asset_beneficiaries(p_asset_id uuid, p_effective_on date, p_primary jsonb, p_contingent jsonb)
  returns setof app.beneficiary_row
  language plpgsql volatile security definer
  set search_path = pg_catalog, pg_temp
as $$
declare
  v_user_id uuid := app.current_user_id();
begin
  perform app.require_asset_access(v_user_id, p_asset_id, 'owner');
  -- Writers of one asset's designation queue on its row, as writers of its shares do.
  perform 1 from app.assets a where a.tenant_id = app.current_tenant_id() and a.id = p_asset_id for update;
  perform app.replace_beneficiaries(v_user_id, p_asset_id, null, null, p_effective_on, p_primary, p_contingent);
  return query select * from app.beneficiaries_of(p_asset_id, null);
end
$$;
comment on function api.sp_set_asset_beneficiaries(uuid, date, jsonb, jsonb) is
  'Replaces who inherits an asset (owners only): primary and contingent levels, each empty or exactly 100%, effective from a date.';
grant execute on function api.sp_set_asset_beneficiaries(uuid, date, jsonb, jsonb) to estate_api;

create or replace function api.sp_get_asset_beneficiaries(p_asset_id uuid)
  returns setof app.beneficiary_row
  language plpgsql stable security definer
  set search_path = pg_catalog, pg_temp
as $$
begin
  perform app.require_asset_access(app.current_user_id(), p_asset_id, 'owner');
  return query select * from app.beneficiaries_of(p_asset_id, null);
end
$$;
comment on function api.sp_get_asset_beneficiaries(uuid) is 'Who inherits an asset (owners only): primary then contingent beneficiaries.';
grant execute on function api.sp_get_asset_beneficiaries(uuid) to estate_api;

create or replace function api.sp_set_entity_beneficiaries(p_entity_id uuid, p_effective_on date, p_primary jsonb, p_contingent jsonb)
  returns setof app.beneficiary_row
  language plpgsql volatile security definer
  set search_path = pg_catalog, pg_temp
as $$
declare
  v_user_id uuid := app.current_user_id();
begin
  perform app.require_entity_access(v_user_id, p_entity_id);
  perform 1 from app.legal_entities e where e.tenant_id = app.current_tenant_id() and e.id = p_entity_id for update;
  perform app.replace_beneficiaries(v_user_id, null, p_entity_id, null, p_effective_on, p_primary, p_contingent);
  return query select * from app.beneficiaries_of(null, p_entity_id);
end
$$;
comment on function api.sp_set_entity_beneficiaries(uuid, date, jsonb, jsonb) is
  'Replaces who receives an entity''s remainder (its controllers only): primary and contingent levels, each empty or exactly 100%.';
grant execute on function api.sp_set_entity_beneficiaries(uuid, date, jsonb, jsonb) to estate_api;

create or replace function api.sp_get_entity_beneficiaries(p_entity_id uuid)
  returns setof app.beneficiary_row
  language plpgsql stable security definer
  set search_path = pg_catalog, pg_temp
as $$
begin
  perform app.require_entity_access(app.current_user_id(), p_entity_id);
  return query select * from app.beneficiaries_of(null, p_entity_id);
end
$$;
comment on function api.sp_get_entity_beneficiaries(uuid) is 'Who receives an entity''s remainder (its controllers only): primary then contingent.';
grant execute on function api.sp_get_entity_beneficiaries(uuid) to estate_api;

------------------------------------------------------------------------------------------------
-- The checks a planner runs over one persona's plan
------------------------------------------------------------------------------------------------

create or replace function api.sp_check_estate_plan(p_persona_id uuid, p_as_of date)
  returns table (check_code text, asset_id uuid, entity_id uuid, persona_id uuid, level text, percentage numeric, detail text)
  language plpgsql stable security definer
  set search_path = pg_catalog, pg_temp
as $$
#variable_conflict use_column
declare
  v_user_id uuid := app.current_user_id();
  v_tenant_id uuid := app.current_tenant_id();
begin
  perform app.require_persona_access(v_user_id, p_persona_id);
  if p_as_of is null or p_as_of < date '1900-01-01' or p_as_of > current_date + 36600 then
    perform app.fail('PT400', 'invalid_as_of', 'as of must be a date from 1900-01-01 on');
  end if;
  return query
  with my_assets as (
    select o.asset_id, o.ownership_form::text as form, a.name from app.asset_ownerships o
      join app.assets a on a.tenant_id = o.tenant_id and a.id = o.asset_id
     where o.tenant_id = v_tenant_id and o.persona_id = p_persona_id and a.status = 'active' and not a.is_liability
  ),
  my_entities as (
    select distinct e.id, e.entity_kind, e.name from app.legal_entities e
      join app.legal_entity_roles r on r.tenant_id = e.tenant_id and r.entity_id = e.id
     where e.tenant_id = v_tenant_id and r.persona_id = p_persona_id
  ),
  designations as (
    select d.*, coalesce(m.name, me.name) as target_name from app.beneficiary_designations d
      left join my_assets m on m.asset_id = d.asset_id
      left join my_entities me on me.id = d.entity_id
     where d.tenant_id = v_tenant_id and (m.asset_id is not null or me.id is not null)
  ),
  named as (
    select d.*, p.first_name || ' ' || p.last_name as who, p.date_of_birth,
           (p.living_status = 'deceased' and (p.date_of_death is null or p.date_of_death <= p_as_of)) as deceased
      from designations d left join app.personas p on p.tenant_id = d.tenant_id and p.id = d.beneficiary_persona_id
  )
  -- Falls into probate: no beneficiary, and no surviving joint owner to take it.
  select 'probate_asset', m.asset_id, null::uuid, null::uuid, null::text, null::numeric,
         pg_catalog.format('%s has no beneficiary and no joint owner with survivorship: it passes through probate', m.name)
    from my_assets m
   where not exists (select 1 from app.beneficiary_designations d
                      where d.tenant_id = v_tenant_id and d.asset_id = m.asset_id and d.level = 'primary')
     and not (m.form = 'joint_tenancy_wros'
              and exists (select 1 from app.asset_ownerships o where o.tenant_id = v_tenant_id and o.asset_id = m.asset_id
                             and o.ownership_form = 'joint_tenancy_wros' and o.persona_id is distinct from p_persona_id))
  union all
  select 'beneficiary_deceased', n.asset_id, n.entity_id, n.beneficiary_persona_id, n.level, n.percentage,
         pg_catalog.format('%s names %s (%s beneficiary, %s%%), who has died', n.target_name, n.who, n.level, n.percentage)
    from named n where n.deceased
  union all
  -- What the living (and non-persona) beneficiaries of a level still take, when under 100%.
  select 'designation_below_100', n.asset_id, n.entity_id, null::uuid, n.level,
         sum(n.percentage) filter (where not coalesce(n.deceased, false)),
         pg_catalog.format('the %s beneficiaries of %s who can still take total %s%%', n.level, min(n.target_name),
                           coalesce(sum(n.percentage) filter (where not coalesce(n.deceased, false)), 0))
    from named n group by n.asset_id, n.entity_id, n.level
  having coalesce(sum(n.percentage) filter (where not coalesce(n.deceased, false)), 0) < 100
  union all
  select 'minor_named_outright', n.asset_id, n.entity_id, n.beneficiary_persona_id, n.level, n.percentage,
         pg_catalog.format('%s names %s, a minor on %s, outright: a custodian or trust is needed', n.target_name, n.who, p_as_of)
    from named n where n.date_of_birth is not null and n.date_of_birth + interval '18 years' > p_as_of and not n.deceased
  union all
  select 'trust_owns_nothing', null::uuid, e.id, null::uuid, null::text, null::numeric,
         pg_catalog.format('the trust %s holds no asset: an unfunded trust passes nothing', e.name)
    from my_entities e
   where e.entity_kind in ('revocable_trust', 'irrevocable_trust')
     and not exists (select 1 from app.asset_ownerships o where o.tenant_id = v_tenant_id and o.entity_id = e.id)
  order by 1, 2, 3, 4;
end
$$;
comment on function api.sp_check_estate_plan(uuid, date) is
  'What a planner would flag in a persona''s plan as of a date: probate assets, deceased or minor beneficiaries, levels under 100%, unfunded trusts.';
grant execute on function api.sp_check_estate_plan(uuid, date) to estate_api;

------------------------------------------------------------------------------------------------
-- The estate flow: how each asset passes at a persona's death on a date, and to whom
------------------------------------------------------------------------------------------------

create or replace function api.sp_set_estate_beneficiaries(p_persona_id uuid, p_effective_on date, p_primary jsonb, p_contingent jsonb)
  returns setof app.beneficiary_row
  language plpgsql volatile security definer
  set search_path = pg_catalog, pg_temp
as $$
declare
  v_user_id uuid := app.current_user_id();
begin
  perform app.require_persona_access(v_user_id, p_persona_id);
  -- Writers of one estate's residuary queue on the persona's row.
  perform 1 from app.personas p where p.tenant_id = app.current_tenant_id() and p.id = p_persona_id for update;
  perform app.replace_beneficiaries(v_user_id, null, null, p_persona_id, p_effective_on, p_primary, p_contingent);
  return query select * from app.beneficiaries_of(null, null, p_persona_id);
end
$$;
comment on function api.sp_set_estate_beneficiaries(uuid, date, jsonb, jsonb) is
  'Replaces the residuary beneficiaries of a persona''s will (whoever acts for the persona): who takes what passes through probate.';
grant execute on function api.sp_set_estate_beneficiaries(uuid, date, jsonb, jsonb) to estate_api;

create or replace function api.sp_get_estate_beneficiaries(p_persona_id uuid)
  returns setof app.beneficiary_row
  language plpgsql stable security definer
  set search_path = pg_catalog, pg_temp
as $$
begin
  perform app.require_persona_access(app.current_user_id(), p_persona_id);
  return query select * from app.beneficiaries_of(null, null, p_persona_id);
end
$$;
comment on function api.sp_get_estate_beneficiaries(uuid) is 'The residuary beneficiaries of a persona''s will (whoever acts for the persona).';
grant execute on function api.sp_get_estate_beneficiaries(uuid) to estate_api;

create or replace function app.is_alive_on(p_persona_id uuid, p_on date) returns boolean
  language sql stable security definer
  set search_path = pg_catalog, pg_temp
as $$
  select not exists (select 1 from app.personas p
                      where p.tenant_id = (select app.current_tenant_id()) and p.id = p_persona_id and p.living_status = 'deceased'
                        and (p.date_of_death is null or p.date_of_death <= p_on))
$$;
comment on function app.is_alive_on(uuid, date) is 'False for a persona recorded as deceased on or before the date (or with no date of death).';

create or replace function app.designation_recipients(p_asset_id uuid, p_entity_id uuid, p_estate_of_persona_id uuid, p_on date)
  returns table (kind text, persona_id uuid, entity_id uuid, name text, fraction numeric)
  language sql stable security definer
  set search_path = pg_catalog, pg_temp
as $$
  -- Who can take: the primary level if any of it survives, else the contingent level. A deceased
  -- beneficiary's share goes to the level's survivors in proportion (per stirpes through
  -- descendants is not resolved yet: docs/estate_plan.md).
  with takers as (
    select b.level, b.beneficiary_kind, b.persona_id, b.entity_id, b.beneficiary_name, b.percentage
      from app.beneficiaries_of(p_asset_id, p_entity_id, p_estate_of_persona_id) b
     where b.persona_id is null or app.is_alive_on(b.persona_id, p_on)
  ),
  level as (select t.level from takers t order by t.level desc limit 1)
  select t.beneficiary_kind, t.persona_id, t.entity_id, t.beneficiary_name,
         t.percentage / sum(t.percentage) over ()
    from takers t join level l on l.level = t.level
$$;
comment on function app.designation_recipients(uuid, uuid, uuid, date) is
  'Who takes under a designation on a date: the surviving primary beneficiaries (else contingent), each with the fraction of the whole.';

create or replace function api.sp_calculate_estate_flow(p_persona_id uuid, p_as_of date, p_currency text)
  returns table (asset_id uuid, asset_name text, route text, recipient_kind text, recipient_persona_id uuid,
                 recipient_entity_id uuid, recipient_name text, amount numeric)
  language plpgsql stable security definer
  set search_path = pg_catalog, pg_temp
as $$
#variable_conflict use_column
declare
  v_tenant_id uuid := app.current_tenant_id();
begin
  perform app.require_persona_access(app.current_user_id(), p_persona_id);
  perform app.check_net_worth_input(p_as_of, p_currency);
  return query
  with owned as materialized (
    -- The shares held at the end of the date: today's, or from the ownership history for a past date.
    select * from app.shares_as_of(p_as_of)
  ),
  holdings as (
    -- The persona's own shares, and the shares held by revocable trusts the persona is a grantor of.
    select pg_catalog.row_number() over () as hid, o.asset_id, a.name, a.is_liability, o.ownership_percentage as pct,
           o.ownership_form::text as form, o.entity_id as via_entity
      from owned o join app.assets a on a.tenant_id = o.tenant_id and a.id = o.asset_id
     where o.tenant_id = v_tenant_id and a.status = 'active'
       and (o.persona_id = p_persona_id
            or o.entity_id in (select e.id from app.legal_entities e join app.legal_entity_roles r on r.tenant_id = e.tenant_id and r.entity_id = e.id
                                where e.tenant_id = v_tenant_id and e.entity_kind = 'revocable_trust'
                                  and r.role = 'grantor' and r.persona_id = p_persona_id))
  ),
  valued as (
    select h.*, x.amount * app.exchange_rate(x.currency, p_currency, p_as_of) * h.pct / 100 as gross
      from holdings h
      cross join lateral (select v.amount, v.currency from app.asset_valuations v
                           where v.tenant_id = v_tenant_id and v.asset_id = h.asset_id and v.valued_on <= p_as_of
                           order by v.valued_on desc, v.created_at desc limit 1) x
  ),
  survivors as (
    -- A joint tenant's share goes to the surviving joint tenants, equally.
    select v.hid, o.persona_id, p.first_name || ' ' || p.last_name as name, pg_catalog.count(*) over (partition by v.hid) as n
      from valued v
      join owned o on o.tenant_id = v_tenant_id and o.asset_id = v.asset_id
      join app.personas p on p.tenant_id = o.tenant_id and p.id = o.persona_id
     where v.via_entity is null and not v.is_liability and v.form = 'joint_tenancy_wros'
       and o.ownership_form = 'joint_tenancy_wros' and o.persona_id <> p_persona_id and app.is_alive_on(o.persona_id, p_as_of)
  ),
  designated as (
    select v.hid, d.* from valued v
     cross join lateral app.designation_recipients(case when v.via_entity is null then v.asset_id end, v.via_entity, null, p_as_of) d
     where not v.is_liability and v.hid not in (select s.hid from survivors s)
  ),
  portions as (
    select v.asset_id, v.name as asset_name, 'survivorship'::text as route, 'persona'::text as kind, s.persona_id,
           null::uuid as entity_id, s.name as recipient_name, v.gross / s.n as amount
      from valued v join survivors s on s.hid = v.hid
    union all
    select v.asset_id, v.name, case when v.via_entity is null then 'beneficiary_designation' else 'trust' end, d.kind,
           d.persona_id, d.entity_id, d.name, v.gross * d.fraction
      from valued v join designated d on d.hid = v.hid
     where d.kind <> 'estate'
    union all
    -- A trust with no designation of its own keeps what it holds.
    select v.asset_id, v.name, 'trust', 'entity', null, v.via_entity, e.name, v.gross
      from valued v join app.legal_entities e on e.tenant_id = v_tenant_id and e.id = v.via_entity
     where not v.is_liability and v.hid not in (select d.hid from designated d)
    union all
    -- Probate: a direct asset with no survivor and no designation, or the part designated to the estate.
    select v.asset_id, v.name, 'probate', 'estate', null, null, 'Probate estate',
           v.gross * coalesce((select sum(d.fraction) from designated d where d.hid = v.hid and d.kind = 'estate'), 1)
      from valued v
     where not v.is_liability and v.hid not in (select s.hid from survivors s)
       and ((v.via_entity is null and v.hid not in (select d.hid from designated d))
            or v.hid in (select d.hid from designated d where d.kind = 'estate'))
    union all
    -- Debts the persona owes come out of the probate estate.
    select v.asset_id, v.name, 'debt', 'estate', null, null, 'Probate estate', -v.gross
      from valued v where v.via_entity is null and v.is_liability
  ),
  pool as (select greatest(coalesce(sum(p.amount) filter (where p.route in ('probate', 'debt')), 0), 0) as net from portions p),
  residuary as (
    select null::uuid, null::text, 'residuary'::text, r.kind, r.persona_id, r.entity_id, r.name, pool.net * r.fraction
      from pool cross join app.designation_recipients(null, null, p_persona_id, p_as_of) r
    union all
    -- No residuary beneficiary recorded (or none survives): intestacy decides, not modelled here.
    select null::uuid, null::text, 'residuary', 'estate', null::uuid, null::uuid, 'Heirs at law (no residuary beneficiary)', pool.net
      from pool where not exists (select 1 from app.designation_recipients(null, null, p_persona_id, p_as_of))
  )
  select f.asset_id, f.asset_name, f.route, f.kind, f.persona_id, f.entity_id, f.recipient_name, pg_catalog.round(f.amount, 2)
    from (select * from portions union all select * from residuary) f
   order by case f.route when 'survivorship' then 1 when 'beneficiary_designation' then 2 when 'trust' then 3
                         when 'probate' then 4 when 'debt' then 5 else 6 end, f.asset_name, f.recipient_name, f.persona_id;
end
$$;
comment on function api.sp_calculate_estate_flow(uuid, date, text) is
  'How each asset passes at a persona''s death on a date (as titled then), in one currency: to surviving joint tenants, by designation, through a revocable trust, or through probate (less debts) to the will''s residuary beneficiaries.';
grant execute on function api.sp_calculate_estate_flow(uuid, date, text) to estate_api;
