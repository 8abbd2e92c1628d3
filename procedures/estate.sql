-- Estate planning (issue 12): legal entities that own things (trusts, companies) and who controls
-- them, entity shares of assets, beneficiary designations (primary / contingent, each level
-- exactly 100%), and the checks a planner runs over one persona's plan. docs/estate_plan.md.

------------------------------------------------------------------------------------------------
-- Legal entities and their controllers
------------------------------------------------------------------------------------------------

create or replace function app.is_survivorship_form(p_form text) returns boolean
  language sql immutable
  set search_path = pg_catalog, pg_temp
as $$
  select p_form in ('joint_tenancy_wros', 'tenancy_by_entirety', 'community_property_wros')
$$;
comment on function app.is_survivorship_form(text) is
  'True for the ownership forms whose share passes to the surviving co-owners of the same form (JTWROS, tenancy by the entirety, community property with survivorship).';

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
  -- The entity stays while this runs; one deleted meanwhile (sp_delete_legal_entity) is not found.
  perform 1 from app.legal_entities e where e.tenant_id = v_tenant_id and e.id = p_entity_id for key share;
  if not found then
    perform app.fail('PT404', 'entity_not_found', 'entity not found');
  end if;
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
     and not (app.is_survivorship_form(m.form)
              and exists (select 1 from app.asset_ownerships o where o.tenant_id = v_tenant_id and o.asset_id = m.asset_id
                             and o.ownership_form = m.form and o.persona_id is distinct from p_persona_id))
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
     and not exists (select 1 from app.entity_interests i where i.tenant_id = v_tenant_id and i.holder_entity_id = e.id)
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
  -- Who can take: the primary level if anyone of it takes, else the contingent level. A deceased
  -- per_stirpes beneficiary's share goes down their line (app.persona_relationships, 'child' and
  -- 'parent'): split equally among their children, a deceased child's part among that child's
  -- children, and so on. A deceased per_capita beneficiary's share, and a line with no living
  -- descendant, go to the level's takers in proportion to what they take (docs/estate_plan.md).
  with recursive named as materialized (
    select b.level, b.beneficiary_kind as kind, b.persona_id, b.entity_id, b.beneficiary_name as name, b.percentage,
           b.distribution, (b.persona_id is null or app.is_alive_on(b.persona_id, p_on)) as alive
      from app.beneficiaries_of(p_asset_id, p_entity_id, p_estate_of_persona_id) b
  ),
  children as materialized (
    -- "related is the child of persona", or "related is the parent of persona": one pair each.
    select c.parent_id, c.child_id, pg_catalog.count(*) over (partition by c.parent_id) as n
      from (select x.persona_id as parent_id, x.related_persona_id as child_id from app.persona_relationships x
             where x.tenant_id = (select app.current_tenant_id()) and x.relationship_type = 'child'
            union
            select x.related_persona_id, x.persona_id from app.persona_relationships x
             where x.tenant_id = (select app.current_tenant_id()) and x.relationship_type = 'parent') c
  ),
  stirpes (level, persona_id, share, alive, depth) as (
    select n.level, n.persona_id, n.percentage, false, 0 from named n
     where not n.alive and n.distribution = 'per_stirpes'
    union all
    -- Bounded: a recorded cycle (bad data) ends here instead of looping.
    select s.level, c.child_id, s.share / c.n, app.is_alive_on(c.child_id, p_on), s.depth + 1
      from stirpes s join children c on c.parent_id = s.persona_id
     where not s.alive and s.depth < 16
  ),
  takers as (
    select n.level, n.kind, n.persona_id, n.entity_id, n.name, n.percentage as share from named n where n.alive
    union all
    select s.level, 'persona', s.persona_id, null, p.first_name || ' ' || p.last_name, s.share
      from stirpes s join app.personas p on p.tenant_id = (select app.current_tenant_id()) and p.id = s.persona_id
     where s.alive
  ),
  merged as (
    -- A descendant also named on the level takes both parts, in one row.
    select t.level, t.kind, t.persona_id, t.entity_id, pg_catalog.min(t.name) as name, pg_catalog.sum(t.share) as share
      from takers t group by t.level, t.kind, t.persona_id, t.entity_id
  ),
  level as (select m.level from merged m order by m.level desc limit 1)
  select m.kind, m.persona_id, m.entity_id, m.name, m.share / pg_catalog.sum(m.share) over ()
    from merged m join level l on l.level = m.level
$$;
comment on function app.designation_recipients(uuid, uuid, uuid, date) is
  'Who takes under a designation on a date: the primary level (else contingent), a deceased per-stirpes beneficiary''s share down their recorded line, each with the fraction of the whole.';

create or replace function api.sp_calculate_estate_flow(p_persona_id uuid, p_as_of date, p_currency text)
  returns table (asset_id uuid, asset_name text, route text, recipient_kind text, recipient_persona_id uuid,
                 recipient_entity_id uuid, recipient_name text, amount numeric)
  language plpgsql stable security definer
  set search_path = pg_catalog, pg_temp
as $$
begin
  perform app.require_persona_access(app.current_user_id(), p_persona_id);
  return query select * from app.estate_flow_of(p_persona_id, p_as_of, p_currency);
end
$$;
comment on function api.sp_calculate_estate_flow(uuid, date, text) is
  'How each asset passes at a persona''s death on a date (as titled then), in one currency: to surviving joint tenants, by designation, through a revocable trust, or through probate (less debts) to the will''s residuary beneficiaries; a secured debt goes with its asset, netted against what each recipient takes.';
grant execute on function api.sp_calculate_estate_flow(uuid, date, text) to estate_api;

create or replace function app.estate_flow_of(p_persona_id uuid, p_as_of date, p_currency text)
  returns table (asset_id uuid, asset_name text, route text, recipient_kind text, recipient_persona_id uuid,
                 recipient_entity_id uuid, recipient_name text, amount numeric)
  language plpgsql stable security definer
  set search_path = pg_catalog, pg_temp
as $$
#variable_conflict use_column
declare
  v_tenant_id uuid := app.current_tenant_id();
begin
  -- Internal: the caller checked who may see the persona's plan (api.sp_calculate_estate_flow, the
  -- executor's read, the snapshot kept when a death is verified).
  perform app.check_net_worth_input(p_as_of, p_currency);
  return query
  with trusts as materialized (
    -- The revocable trusts the persona is a grantor of (as the roles are today: roles keep no history).
    select e.id from app.legal_entities e join app.legal_entity_roles r on r.tenant_id = e.tenant_id and r.entity_id = e.id
     where e.tenant_id = v_tenant_id and e.entity_kind = 'revocable_trust' and r.role = 'grantor' and r.persona_id = p_persona_id
  ),
  owned as materialized (
    -- Every share of the assets the persona or its trusts held at the end of the date, as titled
    -- then: today's shares, or the ownership history for a past date.
    select * from app.shares_as_of(p_as_of, array[p_persona_id], array(select t.id from trusts t))
  ),
  holdings as (
    -- The persona's own shares, and the shares held by revocable trusts the persona is a grantor of.
    select pg_catalog.row_number() over () as hid, o.asset_id, a.name, a.is_liability, o.ownership_percentage as pct,
           o.ownership_form::text as form, o.entity_id as via_entity
      from owned o join app.assets a on a.tenant_id = v_tenant_id and a.id = o.asset_id
     where a.status = 'active' and (o.persona_id = p_persona_id or o.entity_id in (select t.id from trusts t))
  ),
  valued as (
    select h.*, x.amount * app.exchange_rate(x.currency, p_currency, p_as_of) * h.pct / 100 as gross
      from holdings h
      cross join lateral (select v.amount, v.currency from app.asset_valuations v
                           where v.tenant_id = v_tenant_id and v.asset_id = h.asset_id and v.valued_on <= p_as_of
                           order by v.valued_on desc, v.created_at desc limit 1) x
  ),
  survivors as (
    -- A joint tenant's share (JTWROS, tenancy by the entirety, community property with survivorship)
    -- goes to the surviving co-owners holding in the same form, equally.
    select v.hid, o.persona_id, p.first_name || ' ' || p.last_name as name, pg_catalog.count(*) over (partition by v.hid) as n
      from valued v
      join owned o on o.asset_id = v.asset_id
      join app.personas p on p.tenant_id = v_tenant_id and p.id = o.persona_id
     where v.via_entity is null and not v.is_liability and app.is_survivorship_form(v.form)
       and o.ownership_form = v.form and o.persona_id <> p_persona_id and app.is_alive_on(o.persona_id, p_as_of)
  ),
  designated as (
    select v.hid, d.* from valued v
     cross join lateral app.designation_recipients(case when v.via_entity is null then v.asset_id end, v.via_entity, null, p_as_of) d
     where not v.is_liability and v.hid not in (select s.hid from survivors s)
  ),
  passes as (
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
  ),
  secured as (
    -- A debt secured by an asset (app.debt_collateral): what is owed (the persona's or its trust's
    -- share) and what of the asset passes at the death, whoever receives it.
    select v.hid, v.asset_id as debt_id, v.name as debt_name, v.gross as owed, c.secured_asset_id,
           coalesce((select sum(p.amount) from passes p where p.asset_id = c.secured_asset_id), 0) as passing
      from valued v join app.debt_collateral c on c.tenant_id = v_tenant_id and c.debt_asset_id = v.asset_id
     where v.is_liability
  ),
  netted as (
    -- Netted against the asset up to what of it passes (several debts on one asset: in proportion).
    select k.*, case when k.passing <= 0 then 0
                     else k.owed * least(1, k.passing / nullif(sum(k.owed) over (partition by k.secured_asset_id), 0)) end as netted
      from secured k
  ),
  portions as (
    select * from passes
    union all
    -- A secured debt goes with its asset: each recipient of the asset takes it less the debt, in proportion.
    select n.debt_id, n.debt_name, 'secured_debt', p.kind, p.persona_id, p.entity_id, p.recipient_name,
           -n.netted * p.amount / n.passing
      from netted n join passes p on p.asset_id = n.secured_asset_id
     where n.netted > 0
    union all
    -- Unsecured debts the persona owes, and what a secured debt owes beyond its asset, come out of the probate estate.
    select v.asset_id, v.name, 'debt', 'estate', null, null, 'Probate estate', -(v.gross - coalesce(n.netted, 0))
      from valued v left join netted n on n.hid = v.hid
     where v.is_liability and ((n.hid is null and v.via_entity is null) or v.gross - n.netted > 0)
  ),
  pool as (select greatest(coalesce(sum(p.amount) filter (where p.route in ('probate', 'debt')
                                                              or (p.route = 'secured_debt' and p.kind = 'estate')), 0), 0) as net
             from portions p),
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
                         when 'secured_debt' then 4 when 'probate' then 5 when 'debt' then 6 else 7 end,
            f.asset_name, f.recipient_name, f.persona_id;
end
$$;
comment on function app.estate_flow_of(uuid, date, text) is
  'Internal: how each asset of a persona passes at their death on a date (no access check: its callers make theirs).';

------------------------------------------------------------------------------------------------
-- Who holds an entity: interests (members, partners, shareholders, a revocable trust's grantor)
------------------------------------------------------------------------------------------------

create or replace function app.entity_interests_of(p_entity_id uuid)
  returns table (holder_kind text, persona_id uuid, entity_id uuid, holder_name text, percentage numeric)
  language sql stable security definer
  set search_path = pg_catalog, pg_temp
as $$
  select case when i.holder_persona_id is not null then 'persona' else 'entity' end, i.holder_persona_id, i.holder_entity_id,
         coalesce(p.first_name || ' ' || p.last_name, e.name), i.percentage
    from app.entity_interests i
    left join app.personas p on p.tenant_id = i.tenant_id and p.id = i.holder_persona_id
    left join app.legal_entities e on e.tenant_id = i.tenant_id and e.id = i.holder_entity_id
   where i.tenant_id = (select app.current_tenant_id()) and i.entity_id = p_entity_id
   order by i.percentage desc, 4, i.id
$$;
comment on function app.entity_interests_of(uuid) is 'Who holds an entity and how much, largest interest first.';

create or replace function api.sp_set_entity_interests(p_entity_id uuid, p_holders jsonb)
  returns table (holder_kind text, persona_id uuid, entity_id uuid, holder_name text, percentage numeric)
  language plpgsql volatile security definer
  set search_path = pg_catalog, pg_temp
as $$
#variable_conflict use_column
declare
  v_user_id uuid := app.current_user_id();
  v_tenant_id uuid := app.current_tenant_id();
  v_item record;
  v_total numeric;
begin
  perform app.require_entity_access(v_user_id, p_entity_id);
  -- The shape first: at most 20 of {kind, personaId or entityId, percentage}, each holder once.
  if p_holders is null or pg_catalog.jsonb_typeof(p_holders) <> 'array' or pg_catalog.jsonb_array_length(p_holders) > 20
     or exists (select 1 from pg_catalog.jsonb_array_elements(p_holders) x
                 where pg_catalog.jsonb_typeof(x) <> 'object' or (x - 'kind' - 'personaId' - 'entityId' - 'percentage') <> '{}'::jsonb
                    or (x ->> 'kind') is null or (x ->> 'kind') not in ('persona', 'entity')
                    or ((x ->> 'kind') = 'persona') <> (x ? 'personaId') or ((x ->> 'kind') = 'entity') <> (x ? 'entityId')
                    or coalesce(x ->> 'personaId', x ->> 'entityId', '')
                         !~ '^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$'
                    or case when pg_catalog.jsonb_typeof(x -> 'percentage') = 'string'
                                 and (x ->> 'percentage') ~ '^(100(\.0{1,4})?|[0-9]{1,2}(\.[0-9]{1,4})?)$'
                            then (x ->> 'percentage')::numeric = 0 else true end)
     or (select pg_catalog.count(*) <> pg_catalog.count(distinct coalesce(x ->> 'personaId', x ->> 'entityId'))
           from pg_catalog.jsonb_array_elements(p_holders) x) then
    perform app.fail('PT400', 'invalid_interests',
      'holders: at most 20 of {kind: persona|entity, personaId or entityId, percentage as a decimal string above 0 and at most 100 with up to 4 places}, each once');
  end if;
  select sum((x ->> 'percentage')::numeric) into v_total from pg_catalog.jsonb_array_elements(p_holders) x;
  if v_total > 100 then
    perform app.fail('PT409', 'interest_exceeds_100', pg_catalog.format('the interests would total %s%%, more than 100%%', v_total));
  end if;
  -- Everyone named is someone the caller may name; an entity holder is one the caller controls.
  -- A holding sent back unchanged is not looked at again (another controller may have named it).
  for v_item in select x ->> 'kind' as kind, (x ->> 'personaId')::uuid as persona_id, (x ->> 'entityId')::uuid as entity_id
                  from pg_catalog.jsonb_array_elements(p_holders) x
                 where not exists (select 1 from app.entity_interests i
                                    where i.tenant_id = v_tenant_id and i.entity_id = p_entity_id
                                      and coalesce(i.holder_persona_id, i.holder_entity_id) = coalesce(x ->> 'personaId', x ->> 'entityId')::uuid
                                      and i.percentage = (x ->> 'percentage')::numeric) loop
    if v_item.kind = 'persona' and not app.user_can_reference_persona(v_user_id, v_item.persona_id) then
      perform app.fail('PT404', 'persona_not_found', 'persona not found');
    end if;
    if v_item.kind = 'entity' then
      perform app.require_entity_access(v_user_id, v_item.entity_id);
      if v_item.entity_id = p_entity_id then
        perform app.fail('PT409', 'entity_cycle', 'an entity does not hold itself');
      end if;
    end if;
  end loop;
  -- Writers of one entity's interests queue on its row (the 100% cap); writers of entity-held
  -- interests also on the tenant's lock, so that two halves of a cycle are never added at once
  -- (the deferred trigger _300_checks takes it too, whoever writes).
  perform 1 from app.legal_entities e where e.tenant_id = v_tenant_id and e.id = p_entity_id for update;
  if p_holders @> '[{"kind": "entity"}]' then
    perform pg_catalog.pg_advisory_xact_lock(pg_catalog.hashtextextended('app.entity_interests:' || v_tenant_id::text, 0));
    if exists (with recursive down (id) as (
                 select p_entity_id
                 union
                 select i.entity_id from app.entity_interests i join down d on i.holder_entity_id = d.id
                  where i.tenant_id = v_tenant_id)
               select 1 from down d join pg_catalog.jsonb_array_elements(p_holders) x on d.id = (x ->> 'entityId')::uuid) then
      perform app.fail('PT409', 'entity_cycle', 'the entity would hold itself through the entities it holds');
    end if;
  end if;
  -- Nobody takes an interest from another: a holding of a persona the caller does not act for, or
  -- of an entity they do not control, stays as it is.
  if exists (select 1 from app.entity_interests i
              where i.tenant_id = v_tenant_id and i.entity_id = p_entity_id
                and (i.holder_persona_id not in (select app.acting_persona_ids(v_user_id))
                     or i.holder_entity_id not in (select app.controlled_entity_ids(v_user_id)))
                and not exists (select 1 from pg_catalog.jsonb_array_elements(p_holders) x
                                 where coalesce(x ->> 'personaId', x ->> 'entityId')::uuid = coalesce(i.holder_persona_id, i.holder_entity_id)
                                   and (x ->> 'percentage')::numeric = i.percentage)) then
    perform app.fail('PT403', 'interest_of_others', 'you may not change an interest held by someone you do not act for');
  end if;
  delete from app.entity_interests i where i.tenant_id = v_tenant_id and i.entity_id = p_entity_id;
  insert into app.entity_interests (tenant_id, entity_id, holder_persona_id, holder_entity_id, percentage, created_by_user_id)
  select v_tenant_id, p_entity_id, (x ->> 'personaId')::uuid, (x ->> 'entityId')::uuid, (x ->> 'percentage')::numeric, v_user_id
    from pg_catalog.jsonb_array_elements(p_holders) x;
  return query select * from app.entity_interests_of(p_entity_id);
end
$$;
comment on function api.sp_set_entity_interests(uuid, jsonb) is
  'Replaces who holds an entity (its controllers): personas or entities with their percentages, at most 100% in all, no cycle, nobody else''s interest changed.';
grant execute on function api.sp_set_entity_interests(uuid, jsonb) to estate_api;

create or replace function api.sp_get_entity_interests(p_entity_id uuid)
  returns table (holder_kind text, persona_id uuid, entity_id uuid, holder_name text, percentage numeric)
  language plpgsql stable security definer
  set search_path = pg_catalog, pg_temp
as $$
#variable_conflict use_column
begin
  perform app.require_entity_access(app.current_user_id(), p_entity_id);
  return query select * from app.entity_interests_of(p_entity_id);
end
$$;
comment on function api.sp_get_entity_interests(uuid) is 'Who holds an entity the caller controls, and how much.';
grant execute on function api.sp_get_entity_interests(uuid) to estate_api;

------------------------------------------------------------------------------------------------
-- Net worth through entities: an entity's own, a persona's looking through what it holds
------------------------------------------------------------------------------------------------

create or replace function app.look_through_shares(p_persona_id uuid, p_entity_id uuid)
  returns table (asset_id uuid, percentage numeric)
  language sql stable security definer
  set search_path = pg_catalog, pg_temp
as $$
  -- Each entity reached, with the fraction of it held: the start entity whole, or the persona's
  -- own interests; then, down every chain, the product of the interests along it (two chains to
  -- one entity add up). Cycles are refused on write; the depth bound is a second guard.
  with recursive held (entity_id, fraction, depth) as (
    select p_entity_id, 1::numeric, 0 where p_entity_id is not null
    union all
    select i.entity_id, i.percentage / 100, 1 from app.entity_interests i
     where i.tenant_id = (select app.current_tenant_id()) and i.holder_persona_id = p_persona_id
    union all
    select i.entity_id, h.fraction * i.percentage / 100, h.depth + 1
      from held h join app.entity_interests i on i.tenant_id = (select app.current_tenant_id()) and i.holder_entity_id = h.entity_id
     where h.depth < 16
  )
  -- Each asset once: the persona's direct share plus every reached entity's share times its fraction.
  select x.asset_id, sum(x.percentage) from (
    select o.asset_id, o.ownership_percentage as percentage from app.asset_ownerships o
     where o.tenant_id = (select app.current_tenant_id()) and o.persona_id = p_persona_id
    union all
    select o.asset_id, h.fraction * o.ownership_percentage from held h
      join app.asset_ownerships o on o.tenant_id = (select app.current_tenant_id()) and o.entity_id = h.entity_id
  ) x group by x.asset_id
$$;
comment on function app.look_through_shares(uuid, uuid) is
  'The share of each asset a persona (directly and through the entities it holds) or an entity (itself and through the entities it holds) holds, each asset once.';

create or replace function app.look_through_net_worth(p_persona_id uuid, p_entity_id uuid, p_as_of date, p_currency text)
  returns table (total_assets numeric, total_liabilities numeric, net_worth numeric, asset_count integer)
  language sql stable security definer
  set search_path = pg_catalog, pg_temp
as $$
  -- As net worth values (app.net_worth_of): the latest valuation on or before the date, active
  -- assets only, each currency's rate looked up once (a missing rate raises), rounded once at the end.
  with valued as (
    select a.is_liability, s.percentage, v.amount, v.currency
      from app.look_through_shares(p_persona_id, p_entity_id) s
      join app.assets a on a.tenant_id = (select app.current_tenant_id()) and a.id = s.asset_id and a.status = 'active'
      cross join lateral (select x.amount, x.currency from app.asset_valuations x
                           where x.tenant_id = a.tenant_id and x.asset_id = a.id and x.valued_on <= p_as_of
                           order by x.valued_on desc, x.created_at desc, x.id desc limit 1) v
  ),
  rates as materialized (
    select c.currency, app.exchange_rate(c.currency, p_currency, p_as_of) as rate from (select distinct currency from valued) c
  ),
  totals as (
    select coalesce(sum(v.amount * r.rate * v.percentage / 100) filter (where not v.is_liability), 0) as assets,
           coalesce(sum(v.amount * r.rate * v.percentage / 100) filter (where v.is_liability), 0) as liabilities,
           count(*)::integer as n
      from valued v join rates r on r.currency = v.currency
  )
  select pg_catalog.round(t.assets, 2), pg_catalog.round(t.liabilities, 2), pg_catalog.round(t.assets - t.liabilities, 2), t.n
    from totals t
$$;
comment on function app.look_through_net_worth(uuid, uuid, date, text) is
  'Assets minus debts over app.look_through_shares, valued and converted as net worth is, rounded once at the end.';

create or replace function api.sp_calculate_look_through_net_worth(p_persona_id uuid, p_as_of date, p_currency text)
  returns table (persona_id uuid, as_of date, currency text, total_assets numeric, total_liabilities numeric,
                 net_worth numeric, asset_count integer)
  language plpgsql stable security definer
  set search_path = pg_catalog, pg_temp
as $$
#variable_conflict use_column
begin
  perform app.require_persona_access(app.acting_user_id('api.sp_calculate_look_through_net_worth'), p_persona_id);
  perform app.check_net_worth_input(p_as_of, p_currency);
  return query select p_persona_id, p_as_of, p_currency, n.total_assets, n.total_liabilities, n.net_worth, n.asset_count
                 from app.look_through_net_worth(p_persona_id, null, p_as_of, p_currency) n;
end
$$;
comment on function api.sp_calculate_look_through_net_worth(uuid, date, text) is
  'Net worth of a persona the caller acts for, looking through the entities it holds (with their shares, down every chain), each asset counted once.';
grant execute on function api.sp_calculate_look_through_net_worth(uuid, date, text) to estate_api;

create or replace function api.sp_get_entity_net_worth(p_entity_id uuid, p_as_of date, p_currency text)
  returns table (entity_id uuid, as_of date, currency text, total_assets numeric, total_liabilities numeric,
                 net_worth numeric, asset_count integer)
  language plpgsql stable security definer
  set search_path = pg_catalog, pg_temp
as $$
#variable_conflict use_column
begin
  perform app.require_entity_access(app.current_user_id(), p_entity_id);
  perform app.check_net_worth_input(p_as_of, p_currency);
  return query select p_entity_id, p_as_of, p_currency, n.total_assets, n.total_liabilities, n.net_worth, n.asset_count
                 from app.look_through_net_worth(null, p_entity_id, p_as_of, p_currency) n;
end
$$;
comment on function api.sp_get_entity_net_worth(uuid, date, text) is
  'An entity''s own net worth (its controllers): its shares of assets, and through the entities it holds, as of a date, in one currency.';
grant execute on function api.sp_get_entity_net_worth(uuid, date, text) to estate_api;

------------------------------------------------------------------------------------------------
-- Titling a share into an entity; deleting an entity
------------------------------------------------------------------------------------------------

create or replace function api.sp_transfer_asset_share_to_entity(p_asset_id uuid, p_from_persona_id uuid, p_entity_id uuid,
                                                                 p_percentage numeric, p_ownership_form text)
  returns table (persona_id uuid, entity_id uuid, ownership_percentage numeric, ownership_form text)
  language plpgsql volatile security definer
  set search_path = pg_catalog, pg_temp
as $$
#variable_conflict use_column
declare
  v_user_id uuid := app.current_user_id();
  v_tenant_id uuid := app.current_tenant_id();
  v_from app.asset_ownerships;
begin
  -- An owner, acting for the giving persona, who controls the receiving entity (a grantor deeding
  -- the house to their trust).
  perform app.require_asset_access(v_user_id, p_asset_id, 'owner');
  perform app.require_persona_access(v_user_id, p_from_persona_id);
  perform app.require_entity_access(v_user_id, p_entity_id);
  perform app.check_ownership(1, p_ownership_form);
  -- The queue of every writer of the asset's shares: the total stays what it was, under racing writers.
  perform 1 from app.assets a where a.tenant_id = v_tenant_id and a.id = p_asset_id for update;
  -- The entity stays while this runs; one deleted meanwhile (sp_delete_legal_entity) is not found.
  perform 1 from app.legal_entities e where e.tenant_id = v_tenant_id and e.id = p_entity_id for key share;
  if not found then
    perform app.fail('PT404', 'entity_not_found', 'entity not found');
  end if;
  select * into v_from from app.asset_ownerships o
   where o.tenant_id = v_tenant_id and o.asset_id = p_asset_id and o.persona_id = p_from_persona_id;
  if v_from.id is null then
    perform app.fail('PT404', 'ownership_not_found', 'that persona owns no share of this asset');
  end if;
  if p_percentage is null or p_percentage <= 0 or p_percentage > v_from.ownership_percentage or p_percentage <> pg_catalog.round(p_percentage, 4) then
    perform app.fail('PT400', 'invalid_percentage', pg_catalog.format('transfer more than 0 and at most %s', v_from.ownership_percentage));
  end if;
  if p_percentage = v_from.ownership_percentage then
    delete from app.asset_ownerships o where o.tenant_id = v_tenant_id and o.id = v_from.id;
  else
    update app.asset_ownerships o set ownership_percentage = o.ownership_percentage - p_percentage
     where o.tenant_id = v_tenant_id and o.id = v_from.id;
  end if;
  -- Added to the entity's share if it has one (its form stays), else a new share in the given form.
  insert into app.asset_ownerships (tenant_id, asset_id, entity_id, ownership_percentage, ownership_form)
  values (v_tenant_id, p_asset_id, p_entity_id, p_percentage, p_ownership_form)
  on conflict (tenant_id, asset_id, entity_id) where entity_id is not null
    do update set ownership_percentage = app.asset_ownerships.ownership_percentage + excluded.ownership_percentage;
  return query select o.persona_id, o.entity_id, o.ownership_percentage, o.ownership_form::text from app.asset_ownerships o
                where o.tenant_id = v_tenant_id and o.asset_id = p_asset_id
                order by o.ownership_percentage desc, o.created_at, o.id;
end
$$;
comment on function api.sp_transfer_asset_share_to_entity(uuid, uuid, uuid, numeric, text) is
  'Moves part or all of a persona''s share of an asset to an entity the caller controls (titling a house into a trust), atomically; the total is unchanged.';
grant execute on function api.sp_transfer_asset_share_to_entity(uuid, uuid, uuid, numeric, text) to estate_api;

create or replace function api.sp_delete_legal_entity(p_entity_id uuid)
  returns void
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
  -- Nobody deletes an entity from under another: a trust only by a grantor's people, any other
  -- entity only by whoever acts for every manager.
  if not exists (select 1 from app.legal_entity_roles r
                  where r.tenant_id = v_tenant_id and r.entity_id = p_entity_id
                    and r.role = case when v_kind in ('revocable_trust', 'irrevocable_trust') then 'grantor' else 'manager' end
                    and r.persona_id in (select app.acting_persona_ids(v_user_id)))
     or (v_kind not in ('revocable_trust', 'irrevocable_trust')
         and exists (select 1 from app.legal_entity_roles r
                      where r.tenant_id = v_tenant_id and r.entity_id = p_entity_id
                        and r.persona_id not in (select app.acting_persona_ids(v_user_id)))) then
    perform app.fail('PT403', 'entity_roles_of_others', 'a trust is deleted by a grantor, any other entity by whoever acts for all its managers');
  end if;
  if exists (select 1 from app.asset_ownerships o where o.tenant_id = v_tenant_id and o.entity_id = p_entity_id)
     or exists (select 1 from app.entity_interests i where i.tenant_id = v_tenant_id and i.holder_entity_id = p_entity_id) then
    perform app.fail('PT409', 'entity_in_use', 'the entity holds shares of assets or interests in other entities: transfer them first');
  end if;
  if exists (select 1 from app.beneficiary_designations d where d.tenant_id = v_tenant_id and d.beneficiary_entity_id = p_entity_id) then
    perform app.fail('PT409', 'entity_in_use', 'the entity is named as a beneficiary: change those designations first');
  end if;
  -- Its roles, its own designation and the interests held in it go with it (ON DELETE CASCADE);
  -- the audit log keeps the record. A share or designation added meanwhile by a racing writer
  -- (each queues elsewhere) is caught by the foreign keys: the same refusal.
  begin
    delete from app.legal_entities e where e.tenant_id = v_tenant_id and e.id = p_entity_id;
  exception when foreign_key_violation then
    perform app.fail('PT409', 'entity_in_use', 'the entity holds shares or is named as a beneficiary');
  end;
end
$$;
comment on function api.sp_delete_legal_entity(uuid) is
  'Deletes an entity (a trust by a grantor, another entity by whoever acts for all its managers), refused while it holds shares or interests or is named as a beneficiary.';
grant execute on function api.sp_delete_legal_entity(uuid) to estate_api;

------------------------------------------------------------------------------------------------
-- Debts secured by assets, and the equity of an asset
------------------------------------------------------------------------------------------------

create or replace function api.sp_set_debt_collateral(p_debt_id uuid, p_secured_asset_id uuid)
  returns table (debt_id uuid, secured_asset_id uuid, secured_asset_name text)
  language plpgsql volatile security definer
  set search_path = pg_catalog, pg_temp
as $$
#variable_conflict use_column
declare
  v_user_id uuid := app.current_user_id();
  v_tenant_id uuid := app.current_tenant_id();
begin
  -- An owner of the debt pledges an asset they own (directly or through an entity they control).
  perform app.require_asset_access(v_user_id, p_debt_id, 'owner');
  if p_secured_asset_id is not null then
    perform app.require_asset_access(v_user_id, p_secured_asset_id, 'owner');
  end if;
  if not (select a.is_liability from app.assets a where a.tenant_id = v_tenant_id and a.id = p_debt_id for update) then
    perform app.fail('PT400', 'not_a_debt', 'only a debt is secured by an asset');
  end if;
  if p_secured_asset_id is not null
     and (p_secured_asset_id = p_debt_id
          or (select a.is_liability from app.assets a where a.tenant_id = v_tenant_id and a.id = p_secured_asset_id)) then
    perform app.fail('PT400', 'invalid_collateral', 'a debt is secured by an asset, not by a debt');
  end if;
  if p_secured_asset_id is null then
    delete from app.debt_collateral c where c.tenant_id = v_tenant_id and c.debt_asset_id = p_debt_id;
  else
    insert into app.debt_collateral (tenant_id, debt_asset_id, secured_asset_id, created_by_user_id)
    values (v_tenant_id, p_debt_id, p_secured_asset_id, v_user_id)
    on conflict (tenant_id, debt_asset_id) do update set secured_asset_id = excluded.secured_asset_id;
  end if;
  return query select p_debt_id, p_secured_asset_id,
                      (select a.name from app.assets a where a.tenant_id = v_tenant_id and a.id = p_secured_asset_id);
end
$$;
comment on function api.sp_set_debt_collateral(uuid, uuid) is
  'Names the asset a debt is secured by (a mortgage''s house), or none; the caller owns both.';
grant execute on function api.sp_set_debt_collateral(uuid, uuid) to estate_api;

create or replace function api.sp_get_asset_equity(p_asset_id uuid, p_as_of date, p_currency text)
  returns table (asset_id uuid, as_of date, currency text, asset_value numeric, secured_debt numeric, equity numeric,
                 debts jsonb)
  language plpgsql stable security definer
  set search_path = pg_catalog, pg_temp
as $$
#variable_conflict use_column
declare
  v_tenant_id uuid := app.current_tenant_id();
begin
  -- Owners only, as the designations: the debts secured by the asset are the owners' business.
  perform app.require_asset_access(app.current_user_id(), p_asset_id, 'owner');
  perform app.check_net_worth_input(p_as_of, p_currency);
  return query
  with items as (
    -- The asset and each active debt secured by it: the latest valuation on or before the date,
    -- converted as net worth converts (whole amounts: the asset's equity, not anyone's share).
    select a.id, a.name, a.is_liability,
           case when v.currency is not null then v.amount * app.exchange_rate(v.currency, p_currency, p_as_of) end as amount,
           d.interest_rate_percent, d.term_months, d.payment_amount, d.payment_frequency
      from app.assets a
      left join app.asset_debts d on d.tenant_id = a.tenant_id and d.id = a.id
      left join lateral (select x.amount, x.currency from app.asset_valuations x
                          where x.tenant_id = a.tenant_id and x.asset_id = a.id and x.valued_on <= p_as_of
                          order by x.valued_on desc, x.created_at desc, x.id desc limit 1) v on true
     where a.tenant_id = v_tenant_id
       and (a.id = p_asset_id
            or (a.status = 'active' and a.id in (select c.debt_asset_id from app.debt_collateral c
                                                  where c.tenant_id = v_tenant_id and c.secured_asset_id = p_asset_id)))
  )
  select p_asset_id, p_as_of, p_currency,
         pg_catalog.round(coalesce(sum(i.amount) filter (where i.id = p_asset_id), 0), 2),
         pg_catalog.round(coalesce(sum(i.amount) filter (where i.id <> p_asset_id), 0), 2),
         pg_catalog.round(coalesce(sum(i.amount) filter (where i.id = p_asset_id), 0)
                          - coalesce(sum(i.amount) filter (where i.id <> p_asset_id), 0), 2),
         coalesce(pg_catalog.jsonb_agg(pg_catalog.jsonb_build_object(
                    'debtId', i.id, 'name', i.name, 'balance', pg_catalog.round(coalesce(i.amount, 0), 2)::text,
                    'interestRatePercent', i.interest_rate_percent::text, 'termMonths', i.term_months,
                    'paymentAmount', i.payment_amount::text, 'paymentFrequency', i.payment_frequency)
                    order by i.amount desc nulls last, i.name, i.id) filter (where i.id <> p_asset_id), '[]')
    from items i;
end
$$;
comment on function api.sp_get_asset_equity(uuid, date, text) is
  'An asset''s equity as of a date (owners): its value less the debts secured by it, each with its balance, rate, term and payment.';
grant execute on function api.sp_get_asset_equity(uuid, date, text) to estate_api;

create or replace function api.sp_calculate_estate_totals(p_persona_id uuid, p_as_of date, p_currency text)
  returns table (persona_id uuid, as_of date, currency text, non_probate numeric, probate numeric, debts numeric,
                 net_probate numeric, total_passing numeric)
  language sql stable security definer
  set search_path = pg_catalog, pg_temp
as $$
  -- The flow's lines added up (the same rounded amounts a reader adds, so the totals are the sum of
  -- what the flow shows): outside probate (survivorship, designations, trusts, net of the debts
  -- secured by those assets), the probate estate (net of the debts secured by its assets), the debts
  -- it pays, and what is left for the residuary beneficiaries. Access and input as the flow's.
  with f as (select * from api.sp_calculate_estate_flow(p_persona_id, p_as_of, p_currency)),
  t as (
    select coalesce(sum(f.amount) filter (where f.route in ('survivorship', 'beneficiary_designation', 'trust')
                                           or (f.route = 'secured_debt' and f.recipient_kind <> 'estate')), 0) as non_probate,
           coalesce(sum(f.amount) filter (where f.route = 'probate'
                                           or (f.route = 'secured_debt' and f.recipient_kind = 'estate')), 0) as probate,
           coalesce(-sum(f.amount) filter (where f.route = 'debt'), 0) as debts
      from f
  )
  select p_persona_id, p_as_of, p_currency, t.non_probate, t.probate, t.debts,
         greatest(t.probate - t.debts, 0), t.non_probate + greatest(t.probate - t.debts, 0)
    from t
$$;
comment on function api.sp_calculate_estate_totals(uuid, date, text) is
  'A persona''s estate flow on a date added up: non-probate and probate totals, the debts the probate estate pays, the net probate estate and all that passes.';
grant execute on function api.sp_calculate_estate_totals(uuid, date, text) to estate_api;
