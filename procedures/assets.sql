-- Asset procedures: create (base, type row, first valuation, first ownership in one call), read,
-- ownership shares (never above 100%), valuations, permissions, search and categories.

create or replace function app.asset_type_table(p_asset_type text) returns text
  language sql immutable
  set search_path = pg_catalog, pg_temp
as $$
  select case p_asset_type
    when 'bank_account' then 'asset_bank_accounts' when 'investment_account' then 'asset_investment_accounts'
    when 'real_estate' then 'asset_real_estate' when 'vehicle' then 'asset_vehicles'
    when 'business' then 'asset_businesses' when 'life_insurance' then 'asset_life_insurance'
    when 'personal_property' then 'asset_personal_property' when 'debt' then 'asset_debts'
    when 'cryptocurrency' then 'asset_cryptocurrencies' when 'retirement_account' then 'asset_retirement_accounts'
    when 'collectible' then 'asset_collectibles' when 'intellectual_property' then 'asset_intellectual_property'
    when 'misc' then 'asset_misc' end
$$;
comment on function app.asset_type_table(text) is 'The type table of one of the 13 asset types, or NULL for an unknown type.';

create or replace function app.user_can_reference_persona(p_user_id uuid, p_persona_id uuid) returns boolean
  language sql stable security definer
  set search_path = pg_catalog, pg_temp
as $$
  -- A persona the user acts for, or a fellow active member of one of the user's circles.
  select exists (select 1 from app.acting_persona_ids(p_user_id) a where a = p_persona_id)
      or exists (select 1 from app.ffc_memberships mine
                   join app.ffc_memberships theirs on theirs.tenant_id = mine.tenant_id and theirs.ffc_id = mine.ffc_id
                  where mine.tenant_id = (select app.current_tenant_id()) and mine.status = 'active' and theirs.status = 'active'
                    and mine.persona_id in (select app.acting_persona_ids(p_user_id)) and theirs.persona_id = p_persona_id)
$$;
comment on function app.user_can_reference_persona(uuid, uuid) is
  'True when the user may name the persona as an owner or grantee: one they act for, or a fellow circle member.';

create or replace function app.controlled_entity_ids(p_user_id uuid) returns setof uuid
  language sql stable security definer
  set search_path = pg_catalog, pg_temp
as $$
  -- A grantor, trustee or manager controls the entity: whoever acts for one of them does too.
  select distinct r.entity_id from app.legal_entity_roles r
   where r.tenant_id = (select app.current_tenant_id()) and r.persona_id in (select app.acting_persona_ids(p_user_id))
$$;
comment on function app.controlled_entity_ids(uuid) is
  'The legal entities a user controls: those where a persona they act for is a grantor, trustee or manager.';

create or replace function app.asset_access(p_user_id uuid, p_asset_id uuid) returns text
  language sql stable security definer
  set search_path = pg_catalog, pg_temp
as $$
  with acting as (select app.acting_persona_ids(p_user_id) as persona_id),
  my_circles as (
    select m.ffc_id, app.ffc_role_rank(m.role) as rank from app.ffc_memberships m
     where m.tenant_id = (select app.current_tenant_id()) and m.status = 'active'
       and m.persona_id = (select up.persona_id from app.user_personas up
                            where up.tenant_id = m.tenant_id and up.user_id = p_user_id and up.link_kind = 'self'))
  select case
    -- Owners (of any share, through any persona they act for or any entity they control) always see and edit.
    when exists (select 1 from app.asset_ownerships o where o.tenant_id = (select app.current_tenant_id())
                    and o.asset_id = p_asset_id
                    and (o.persona_id in (select persona_id from acting)
                         or o.entity_id in (select app.controlled_entity_ids(p_user_id)))) then 'owner'
    -- The greatest grant: edit over view (by rank; as text, 'view' would sort above 'edit').
    else (select case max(case g.permission when 'edit' then 2 when 'view' then 1 end) when 2 then 'edit' when 1 then 'view' end
            from app.asset_permissions g
           where g.tenant_id = (select app.current_tenant_id()) and g.asset_id = p_asset_id
             and (g.grantee_persona_id in (select persona_id from acting)
                  or exists (select 1 from my_circles c where c.ffc_id = g.grantee_ffc_id
                                and c.rank >= app.ffc_role_rank(g.grantee_ffc_role))))
  end
$$;
comment on function app.asset_access(uuid, uuid) is
  'What the user may do with an asset: owner, edit, view (the greatest grant), or NULL for nothing.';

create or replace function app.visible_asset_ids(p_user_id uuid) returns setof uuid
  language sql stable security definer
  set search_path = pg_catalog, pg_temp
as $$
  -- The same rules as app.asset_access, for every asset at once (a circle's net worth): what
  -- the user's personas own, what was granted to them, what was granted to their circle roles.
  with acting as (select app.acting_persona_ids(p_user_id) as persona_id),
  my_circles as (
    select m.ffc_id, app.ffc_role_rank(m.role) as rank from app.ffc_memberships m
     where m.tenant_id = (select app.current_tenant_id()) and m.status = 'active'
       and m.persona_id = (select up.persona_id from app.user_personas up
                            where up.tenant_id = m.tenant_id and up.user_id = p_user_id and up.link_kind = 'self'))
  select o.asset_id from app.asset_ownerships o
   where o.tenant_id = (select app.current_tenant_id()) and o.persona_id in (select persona_id from acting)
  union
  select o.asset_id from app.asset_ownerships o
   where o.tenant_id = (select app.current_tenant_id()) and o.entity_id in (select app.controlled_entity_ids(p_user_id))
  union
  select g.asset_id from app.asset_permissions g
   where g.tenant_id = (select app.current_tenant_id()) and g.grantee_persona_id in (select persona_id from acting)
  union
  select g.asset_id from app.asset_permissions g join my_circles c on c.ffc_id = g.grantee_ffc_id
   where g.tenant_id = (select app.current_tenant_id()) and c.rank >= app.ffc_role_rank(g.grantee_ffc_role)
$$;
comment on function app.visible_asset_ids(uuid) is
  'Every asset the user may see (app.asset_access not NULL), computed for all assets at once.';

create or replace function app.require_asset_access(p_user_id uuid, p_asset_id uuid, p_need text) returns text
  language plpgsql stable security definer
  set search_path = pg_catalog, pg_temp
as $$
declare
  v_access text := app.asset_access(p_user_id, p_asset_id);
begin
  if v_access is null then
    perform app.fail('PT404', 'asset_not_found', 'asset not found');
  end if;
  if p_need = 'edit' and v_access = 'view' then
    perform app.fail('PT403', 'asset_read_only', 'you may view this asset but not change it');
  end if;
  if p_need = 'owner' and v_access <> 'owner' then
    perform app.fail('PT403', 'asset_owner_only', 'only an owner of this asset may do this');
  end if;
  return v_access;
end
$$;
comment on function app.require_asset_access(uuid, uuid, text) is 'Raises asset_not_found without any access, asset_read_only / asset_owner_only when short of p_need.';

create or replace function app.asset_detail_fields(p_asset_type text)
  returns table (field text, column_name text, column_type text)
  language sql stable
  set search_path = pg_catalog, pg_temp
as $$
  -- The API's one spelling of each field (camelCase), its column and the column's type.
  select app.camel_case(a.attname::text), a.attname::text, pg_catalog.format_type(a.atttypid, null)
    from pg_catalog.pg_attribute a
   where a.attrelid = pg_catalog.format('app.%I', app.asset_type_table(p_asset_type))::regclass
     and a.attnum > 0 and not a.attisdropped and a.attname not in ('tenant_id', 'id')
   order by a.attnum
$$;
comment on function app.asset_detail_fields(text) is
  'The detail fields of a (known) asset type: the API''s camelCase name, the column and its type, in column order.';

create or replace function app.check_asset_details(p_asset_type text, p_details jsonb) returns jsonb
  language plpgsql stable security definer
  set search_path = pg_catalog, pg_temp
as $$
declare
  v_details jsonb := coalesce(p_details, '{}');
  v_table text := app.asset_type_table(p_asset_type);
  v_unknown text[];
  v_field record;
begin
  if v_table is null then
    perform app.fail('PT400', 'invalid_asset_type', 'asset type must be one of the 13 known types');
  end if;
  if pg_catalog.jsonb_typeof(v_details) <> 'object' then
    perform app.fail('PT400', 'invalid_details', 'details must be an object');
  end if;
  -- Keys as sent against the type's fields as the API spells them, before any other work: one
  -- hashed anti-join, linear in the keys. Another spelling (snake_case...) is an unknown key.
  select pg_catalog.array_agg(u.k) into v_unknown
    from (select k from pg_catalog.jsonb_object_keys(v_details) k
           where k not in (select f.field from app.asset_detail_fields(p_asset_type) f) limit 6) u;
  if v_unknown is not null then
    perform app.fail('PT400', 'invalid_details', pg_catalog.format('unknown %s details: %s%s (the fields are %s)', p_asset_type,
      pg_catalog.array_to_string(v_unknown[1:5], ', '), case when pg_catalog.cardinality(v_unknown) > 5 then ', ...' else '' end,
      (select pg_catalog.string_agg(f.field, ', ') from app.asset_detail_fields(p_asset_type) f)));
  end if;
  -- Each given value against its column's type, named as the caller named it.
  for v_field in select f.field, f.column_name, f.column_type from app.asset_detail_fields(p_asset_type) f
                  where v_details ? f.field and v_details -> f.field <> 'null'::jsonb loop
    -- Decimals travel as strings, as at the top level: a JSON number was already rounded by
    -- whoever parsed it (123456789.123456789012 arrives as 123456789.12345679). Integers may be numbers.
    if v_field.column_type = 'numeric' and pg_catalog.jsonb_typeof(v_details -> v_field.field) = 'number' then
      perform app.fail('PT400', 'invalid_details', pg_catalog.format(
        'details.%s must be a decimal string ("12.50"), not a JSON number: send decimals as strings', v_field.field));
    end if;
    begin
      execute pg_catalog.format('select pg_catalog.jsonb_populate_record(null::app.%I, $1)', v_table)
        using pg_catalog.jsonb_build_object(v_field.column_name, v_details -> v_field.field);
    exception when data_exception then
      perform app.fail('PT400', 'invalid_details', pg_catalog.format('details.%s must be %s', v_field.field,
        case when v_field.column_type = 'numeric' then 'a decimal number within the field''s range'
             when v_field.column_type = 'integer' then 'a whole number within the field''s range'
             when v_field.column_type = 'date' then 'a date (YYYY-MM-DD)'
             when v_field.column_type = 'uuid' then 'an id'
             when v_field.column_type = 'boolean' then 'true or false'
             else 'valid text' end));
    end;
  end loop;
  return (select coalesce(pg_catalog.jsonb_object_agg(f.column_name, v_details -> f.field), '{}')
            from app.asset_detail_fields(p_asset_type) f where v_details ? f.field);
end
$$;
comment on function app.check_asset_details(text, jsonb) is
  'Checks an asset''s details before any other work: an object whose keys are the type''s own fields spelled as the API spells them (camelCase; another spelling is refused as unknown) and whose values fit the fields'' types (a decimal field refuses a JSON number: decimals are strings); returns them keyed by column. Raises invalid_details naming the field as sent.';

create or replace function app.insert_asset_details(p_asset_type text, p_asset_id uuid, p_details jsonb) returns void
  language plpgsql volatile security definer
  set search_path = pg_catalog, pg_temp
as $$
declare
  v_table text := app.asset_type_table(p_asset_type);
  v_row jsonb := app.check_asset_details(p_asset_type, p_details);
  v_constraint text;
  v_column text;
  v_fields text;
begin
  v_row := v_row || pg_catalog.jsonb_build_object('tenant_id', app.current_tenant_id(), 'id', p_asset_id);
  begin
    -- Only the given columns: the others keep their defaults.
    execute pg_catalog.format('insert into app.%1$I (%2$s) select %2$s from pg_catalog.jsonb_populate_record(null::app.%1$I, $1)',
                              v_table, (select pg_catalog.string_agg(pg_catalog.quote_ident(k), ', ') from pg_catalog.jsonb_object_keys(v_row) k))
      using v_row;
  exception
    when not_null_violation then
      get stacked diagnostics v_column = column_name;
      perform app.fail('PT400', 'invalid_details', pg_catalog.format('%s details: %s is required', p_asset_type,
        'details.' || app.camel_case(v_column)));
    when check_violation then
      -- The fields the CHECK reads, as the API names them: never the constraint's or the table's name.
      get stacked diagnostics v_constraint = constraint_name;
      select pg_catalog.string_agg('details.' || app.camel_case(a.attname::text), ', ' order by a.attnum) into v_fields
        from pg_catalog.pg_constraint c
        join pg_catalog.pg_attribute a on a.attrelid = c.conrelid and a.attnum = any (c.conkey)
       where c.conrelid = pg_catalog.format('app.%I', v_table)::regclass and c.conname = v_constraint;
      perform app.fail('PT400', 'invalid_details', pg_catalog.format('%s details: %s %s not an allowed value', p_asset_type,
        coalesce(v_fields, 'a field'), case when v_fields like '%,%' then 'are' else 'is' end));
    when data_exception then
      perform app.fail('PT400', 'invalid_details', pg_catalog.format('%s details are not valid', p_asset_type));
  end;
end
$$;
comment on function app.insert_asset_details(text, uuid, jsonb) is
  'Validates the type-specific details (app.check_asset_details, then the type''s CHECKs, named by field) and inserts the type row.';

create or replace function app.asset_details(p_asset_type text, p_asset_id uuid) returns jsonb
  language plpgsql stable security definer
  set search_path = pg_catalog, pg_temp
as $$
declare
  v_table text := app.asset_type_table(p_asset_type);
  v_row jsonb;
  v_decimals text[];
begin
  execute pg_catalog.format('select pg_catalog.to_jsonb(t) - ''tenant_id'' - ''id'' from app.%I t where t.tenant_id = $1 and t.id = $2', v_table)
    into v_row using app.current_tenant_id(), p_asset_id;
  -- Money, rates and units are exact decimals: they travel as strings, never as JSON numbers.
  select pg_catalog.array_agg(a.attname::text) into v_decimals from pg_catalog.pg_attribute a
   where a.attrelid = pg_catalog.format('app.%I', v_table)::regclass and a.atttypid = 'pg_catalog.numeric'::pg_catalog.regtype;
  return (select coalesce(pg_catalog.jsonb_object_agg(app.camel_case(k),
                    case when k = any (coalesce(v_decimals, '{}')) and pg_catalog.jsonb_typeof(v) = 'number'
                         then pg_catalog.to_jsonb(v #>> '{}') else v end), '{}')
            from pg_catalog.jsonb_each(v_row) as e(k, v));
end
$$;
comment on function app.asset_details(text, uuid) is 'The type-specific fields of an asset, camelCased.';

drop function if exists app.asset_view(uuid, text);
create or replace function app.asset_view(p_asset_id uuid, p_access text)
  returns setof app.asset_row
  language sql stable security definer
  set search_path = pg_catalog, pg_temp
as $$
  select a.id, a.asset_type, a.category_code, a.name, a.description, a.currency, a.is_liability,
         case when a.identifier_last4 is not null then '****' || a.identifier_last4 end,
         a.status, app.asset_details(a.asset_type, a.id), v.amount, v.currency, v.valued_on,
         coalesce((select pg_catalog.jsonb_agg(pg_catalog.jsonb_build_object(
                     'personaId', o.persona_id, 'personaName', p.first_name || ' ' || p.last_name,
                     'entityId', o.entity_id, 'entityName', e.name,
                     'percentage', o.ownership_percentage::text, 'form', o.ownership_form) order by o.ownership_percentage desc, o.created_at)
                     from app.asset_ownerships o
                     left join app.personas p on p.tenant_id = o.tenant_id and p.id = o.persona_id
                     left join app.legal_entities e on e.tenant_id = o.tenant_id and e.id = o.entity_id
                    where o.tenant_id = a.tenant_id and o.asset_id = a.id), '[]'),
         p_access, a.created_at, a.updated_at
    from app.assets a
    left join lateral (select x.amount, x.currency, x.valued_on from app.asset_valuations x
                        where x.tenant_id = a.tenant_id and x.asset_id = a.id
                        order by x.valued_on desc, x.created_at desc limit 1) v on true
   where a.tenant_id = (select app.current_tenant_id()) and a.id = p_asset_id
$$;
comment on function app.asset_view(uuid, text) is 'An asset as the API shows it: identifier masked, type details, latest value, owners.';

drop function if exists api.sp_create_asset(text, text, text, text, uuid, numeric, date, jsonb, text, numeric, text, text, bytea, text);
create or replace function api.sp_create_asset(p_asset_type text, p_category_code text, p_name text, p_currency text,
                                               p_owner_persona_id uuid, p_initial_value numeric, p_valued_on date,
                                               p_details jsonb, p_description text,
                                               p_ownership_percentage numeric, p_ownership_form text,
                                               p_valuation_source text,
                                               p_identifier_ciphertext bytea, p_identifier_last4 text)
  returns setof app.asset_row
  language plpgsql volatile security definer
  set search_path = pg_catalog, pg_temp
as $$
declare
  v_user_id uuid := app.acting_user_id('api.sp_create_asset', 'assets:write');
  v_tenant_id uuid := app.current_tenant_id();
  v_category app.asset_categories;
  v_asset_id uuid;
begin
  -- The details first (type, keys, values): linear in what was sent, before anything else is done.
  perform app.check_asset_details(p_asset_type, p_details);
  select * into v_category from app.asset_categories c where c.code = p_category_code;
  if v_category.code is null or v_category.asset_type <> p_asset_type then
    perform app.fail('PT400', 'invalid_category', pg_catalog.format('category must be one of the %s categories', p_asset_type));
  end if;
  perform app.require_persona_access(v_user_id, p_owner_persona_id);
  if p_initial_value is null or p_initial_value < 0 or p_valued_on is null or p_valued_on > current_date then
    perform app.fail('PT400', 'invalid_valuation', 'an initial value of 0 or more, dated today or earlier, is required');
  end if;
  if (p_identifier_ciphertext is null) <> (p_identifier_last4 is null) then
    perform app.fail('PT400', 'invalid_identifier', 'an identifier comes encrypted with its last four');
  end if;
  if pg_catalog.length(p_description) > 2000 then
    perform app.fail('PT400', 'invalid_description', 'description must be at most 2000 characters');
  end if;

  insert into app.assets (tenant_id, asset_type, category_code, name, description, currency, is_liability,
                          identifier_ciphertext, identifier_last4, created_by_user_id)
  values (v_tenant_id, p_asset_type, p_category_code, app.require_text(p_name, 'invalid_name', 200),
          nullif(pg_catalog.btrim(p_description), ''), app.check_currency(p_currency), v_category.is_liability,
          p_identifier_ciphertext, p_identifier_last4, v_user_id)
  returning id into v_asset_id;

  if p_asset_type = 'life_insurance' then
    perform app.require_persona_access(v_user_id, (p_details ->> 'insuredPersonaId')::uuid);
  end if;
  perform app.insert_asset_details(p_asset_type, v_asset_id, p_details);

  insert into app.asset_valuations (tenant_id, asset_id, valued_on, amount, currency, source, recorded_by_user_id)
  values (v_tenant_id, v_asset_id, p_valued_on, p_initial_value, p_currency, app.check_valuation_source(p_valuation_source), v_user_id);

  perform app.check_ownership(p_ownership_percentage, p_ownership_form);
  insert into app.asset_ownerships (tenant_id, asset_id, persona_id, ownership_percentage, ownership_form)
  values (v_tenant_id, v_asset_id, p_owner_persona_id, p_ownership_percentage, p_ownership_form);

  return query select * from app.asset_view(v_asset_id, 'owner');
end
$$;
comment on function api.sp_create_asset(text, text, text, text, uuid, numeric, date, jsonb, text, numeric, text, text, bytea, text) is
  'Creates an asset in one call: base row, type row (validated), first valuation and first ownership by a persona the caller acts for.';
grant execute on function api.sp_create_asset(text, text, text, text, uuid, numeric, date, jsonb, text, numeric, text, text, bytea, text) to estate_api;

create or replace function app.check_valuation_source(p_source text) returns text
  language plpgsql immutable
  set search_path = pg_catalog, pg_temp
as $$
begin
  if p_source is null then
    perform app.fail('PT400', 'invalid_valuation_source', 'valuation source must be manual, appraisal, statement or import');
  end if;
  begin
    perform p_source::app.valuation_source; -- the domain holds the list
  exception when check_violation then
    perform app.fail('PT400', 'invalid_valuation_source', 'valuation source must be manual, appraisal, statement or import');
  end;
  return p_source;
end
$$;
comment on function app.check_valuation_source(text) is 'Checks a valuation source.';

create or replace function app.check_ownership(p_percentage numeric, p_form text) returns void
  language plpgsql immutable
  set search_path = pg_catalog, pg_temp
as $$
begin
  if p_percentage is null or p_percentage <= 0 or p_percentage > 100 or p_percentage <> pg_catalog.round(p_percentage, 4) then
    perform app.fail('PT400', 'invalid_percentage', 'an ownership share is more than 0 and at most 100, with up to 4 decimals');
  end if;
  if p_form is null then
    perform app.fail('PT400', 'invalid_ownership_form', 'ownership form is not one of the known forms');
  end if;
  begin
    perform p_form::app.ownership_form; -- the domain holds the list
  exception when check_violation then
    perform app.fail('PT400', 'invalid_ownership_form', 'ownership form is not one of the known forms');
  end;
end
$$;
comment on function app.check_ownership(numeric, text) is 'Checks an ownership share (0 < p <= 100, 4 decimals) and form.';

drop function if exists api.sp_get_asset(uuid);
create or replace function api.sp_get_asset(p_asset_id uuid)
  returns setof app.asset_row
  language plpgsql stable security definer
  set search_path = pg_catalog, pg_temp
as $$
begin
  return query select * from app.asset_view(p_asset_id, app.require_asset_access(app.acting_user_id('api.sp_get_asset', 'assets:read'), p_asset_id, 'view'));
end
$$;
comment on function api.sp_get_asset(uuid) is 'One asset the caller may see, with its type''s fields, latest value and owners; identifiers masked.';
grant execute on function api.sp_get_asset(uuid) to estate_api;

create or replace function api.sp_assign_asset_to_persona(p_asset_id uuid, p_persona_id uuid, p_percentage numeric,
                                                          p_ownership_form text)
  returns table (asset_id uuid, persona_id uuid, ownership_percentage numeric, ownership_form text, total_percentage numeric)
  language plpgsql volatile security definer
  set search_path = pg_catalog, pg_temp
as $$
#variable_conflict use_column
declare
  v_user_id uuid := app.current_user_id();
  v_tenant_id uuid := app.current_tenant_id();
  v_others numeric;
begin
  -- Ownership changes need ownership: an edit grant is never enough (docs/authorization.md).
  perform app.require_asset_access(v_user_id, p_asset_id, 'owner');
  if not app.user_can_reference_persona(v_user_id, p_persona_id) then
    perform app.fail('PT404', 'persona_not_found', 'persona not found');
  end if;
  perform app.check_ownership(p_percentage, p_ownership_form);
  -- Writers of one asset's shares queue on its row: the 100% cap holds under concurrency.
  perform 1 from app.assets a where a.tenant_id = v_tenant_id and a.id = p_asset_id for update;
  -- A share that exists is its holder's: only someone acting for that persona sets it. A new
  -- owner's share comes out of the unallocated part (the cap below), never out of another share.
  if exists (select 1 from app.asset_ownerships o
              where o.tenant_id = v_tenant_id and o.asset_id = p_asset_id and o.persona_id = p_persona_id)
     and not exists (select 1 from app.acting_persona_ids(v_user_id) a where a = p_persona_id) then
    perform app.fail('PT403', 'share_not_yours', 'only that owner, or someone acting for them, may change their share');
  end if;
  select coalesce(sum(o.ownership_percentage), 0) into v_others from app.asset_ownerships o
   where o.tenant_id = v_tenant_id and o.asset_id = p_asset_id and o.persona_id is distinct from p_persona_id;
  if v_others + p_percentage > 100 then
    perform app.fail('PT409', 'ownership_exceeds_100', pg_catalog.format('shares would total %s%%; at most %s%% is left', v_others + p_percentage, 100 - v_others));
  end if;
  insert into app.asset_ownerships (tenant_id, asset_id, persona_id, ownership_percentage, ownership_form)
  values (v_tenant_id, p_asset_id, p_persona_id, p_percentage, p_ownership_form)
  on conflict (tenant_id, asset_id, persona_id)
    do update set ownership_percentage = excluded.ownership_percentage, ownership_form = excluded.ownership_form;
  return query select p_asset_id, p_persona_id, p_percentage, p_ownership_form, v_others + p_percentage;
end
$$;
comment on function api.sp_assign_asset_to_persona(uuid, uuid, numeric, text) is
  'Sets a share of an asset (owners only): a new owner''s from the unallocated part, an existing share only by whoever acts for its holder; never above 100% in all.';
grant execute on function api.sp_assign_asset_to_persona(uuid, uuid, numeric, text) to estate_api;

create or replace function api.sp_transfer_asset_share(p_asset_id uuid, p_from_persona_id uuid, p_to_persona_id uuid,
                                                       p_percentage numeric)
  returns table (persona_id uuid, ownership_percentage numeric)
  language plpgsql volatile security definer
  set search_path = pg_catalog, pg_temp
as $$
#variable_conflict use_column
declare
  v_user_id uuid := app.current_user_id();
  v_tenant_id uuid := app.current_tenant_id();
  v_from app.asset_ownerships;
begin
  -- Only an owner, acting for the giving owner, may give that share away.
  perform app.require_asset_access(v_user_id, p_asset_id, 'owner');
  perform app.require_persona_access(v_user_id, p_from_persona_id);
  if not app.user_can_reference_persona(v_user_id, p_to_persona_id) or p_to_persona_id = p_from_persona_id then
    perform app.fail('PT404', 'persona_not_found', 'persona not found');
  end if;
  perform 1 from app.assets a where a.tenant_id = v_tenant_id and a.id = p_asset_id for update;
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
  insert into app.asset_ownerships (tenant_id, asset_id, persona_id, ownership_percentage, ownership_form)
  values (v_tenant_id, p_asset_id, p_to_persona_id, p_percentage, v_from.ownership_form)
  on conflict (tenant_id, asset_id, persona_id) do update set ownership_percentage = app.asset_ownerships.ownership_percentage + excluded.ownership_percentage;
  return query select o.persona_id, o.ownership_percentage from app.asset_ownerships o
                where o.tenant_id = v_tenant_id and o.asset_id = p_asset_id and o.persona_id is not null -- entities' shares: the asset's view
                order by o.ownership_percentage desc, o.persona_id;
end
$$;
comment on function api.sp_transfer_asset_share(uuid, uuid, uuid, numeric) is
  'Moves part or all of a share from an owner the caller acts for to another persona; the total is unchanged.';
grant execute on function api.sp_transfer_asset_share(uuid, uuid, uuid, numeric) to estate_api;

drop function if exists api.sp_update_asset_value(uuid, numeric, date, text, text);
create or replace function api.sp_update_asset_value(p_asset_id uuid, p_amount numeric, p_valued_on date,
                                                     p_source text, p_currency text)
  returns table (valuation_id uuid, asset_id uuid, valued_on date, amount numeric, currency text, source text)
  language plpgsql volatile security definer
  set search_path = pg_catalog, pg_temp
as $$
#variable_conflict use_column
declare
  v_user_id uuid := app.acting_user_id('api.sp_update_asset_value', 'assets:write');
  v_tenant_id uuid := app.current_tenant_id();
begin
  perform app.require_asset_access(v_user_id, p_asset_id, 'edit');
  if p_amount is null or p_amount < 0 or p_amount <> pg_catalog.round(p_amount, 2) then
    perform app.fail('PT400', 'invalid_amount', 'amount must be 0 or more with at most 2 decimals');
  end if;
  if p_valued_on is null or p_valued_on > current_date or p_valued_on < date '1900-01-01' then
    perform app.fail('PT400', 'invalid_valued_on', 'the valuation date must be between 1900-01-01 and today');
  end if;
  return query
    insert into app.asset_valuations as v (tenant_id, asset_id, valued_on, amount, currency, source, recorded_by_user_id)
    values (v_tenant_id, p_asset_id, p_valued_on, p_amount,
            app.check_currency(coalesce(p_currency, (select a.currency from app.assets a where a.tenant_id = v_tenant_id and a.id = p_asset_id))),
            app.check_valuation_source(p_source), v_user_id)
    returning v.id, v.asset_id, v.valued_on, v.amount, v.currency, v.source::text;
end
$$;
comment on function api.sp_update_asset_value(uuid, numeric, date, text, text) is 'Records a dated valuation of an asset (appended, never overwriting).';
grant execute on function api.sp_update_asset_value(uuid, numeric, date, text, text) to estate_api;

drop function if exists api.sp_get_asset_valuations(uuid, date, integer, integer);
drop function if exists api.sp_get_asset_valuations(uuid, date, text, integer, integer);
create or replace function api.sp_get_asset_valuations(p_asset_id uuid, p_as_of date, p_sort text, p_limit integer,
                                                       p_offset integer)
  returns table (valuation_id uuid, valued_on date, amount numeric, currency text, source text, created_at timestamptz,
                 total integer)
  language plpgsql stable security definer
  set search_path = pg_catalog, pg_temp
as $$
#variable_conflict use_column
declare
  v_sort text := app.check_sort(p_sort, array['-valuedOn', 'valuedOn']);
begin
  perform app.require_asset_access(app.acting_user_id('api.sp_get_asset_valuations', 'assets:read'), p_asset_id, 'view');
  perform app.check_page(p_limit, p_offset);
  -- Newest first (-valuedOn); with p_as_of, the first row is the value as of that date.
  return query
    select v.id, v.valued_on, v.amount, v.currency, v.source::text, v.created_at, (pg_catalog.count(*) over ())::integer
      from app.asset_valuations v
     where v.tenant_id = app.current_tenant_id() and v.asset_id = p_asset_id and (p_as_of is null or v.valued_on <= p_as_of)
     order by case when v_sort = 'valuedOn' then v.valued_on end, case when v_sort = 'valuedOn' then v.created_at end,
              v.valued_on desc, v.created_at desc, v.id
     limit p_limit offset p_offset;
end
$$;
comment on function api.sp_get_asset_valuations(uuid, date, text, integer, integer) is
  'Valuation history of an asset, newest first (or oldest, sort valuedOn), with the total; with as_of, the history up to that date (newest first, its first row is the value as of then).';
grant execute on function api.sp_get_asset_valuations(uuid, date, text, integer, integer) to estate_api;

drop function if exists api.sp_get_persona_assets(uuid, integer, integer);
drop function if exists api.sp_get_persona_assets(uuid, text, text, text, integer, integer);
create or replace function api.sp_get_persona_assets(p_persona_id uuid, p_asset_type text, p_q text, p_sort text,
                                                     p_limit integer, p_offset integer)
  returns table (asset_id uuid, asset_type text, category_code text, name text, currency text, is_liability boolean,
                 identifier_masked text, ownership_percentage numeric, ownership_form text, current_value numeric,
                 current_value_currency text, valued_on date, my_access text, created_at timestamptz, total integer)
  language plpgsql stable security definer
  set search_path = pg_catalog, pg_temp
as $$
#variable_conflict use_column
declare
  v_user_id uuid := app.acting_user_id('api.sp_get_persona_assets', 'assets:read');
  v_tenant_id uuid := app.current_tenant_id();
  v_sort text := app.check_sort(p_sort, app.asset_list_sorts());
  v_q text := app.check_filter_text(p_q);
begin
  if not app.user_can_reference_persona(v_user_id, p_persona_id) then
    perform app.fail('PT404', 'persona_not_found', 'persona not found');
  end if;
  perform app.check_page(p_limit, p_offset);
  -- What this persona owns, narrowed to what the caller may see before filtering and counting
  -- (the total never counts what the caller may not see).
  return query
    select visible.*, (pg_catalog.count(*) over ())::integer from (
      select a.id, a.asset_type, a.category_code, a.name, a.currency, a.is_liability,
             case when a.identifier_last4 is not null then '****' || a.identifier_last4 end,
             o.ownership_percentage, o.ownership_form::text, v.amount, v.currency, v.valued_on,
             app.asset_access(v_user_id, a.id) as access, a.created_at
        from app.asset_ownerships o
        join app.assets a on a.tenant_id = o.tenant_id and a.id = o.asset_id
        left join lateral (select x.amount, x.currency, x.valued_on from app.asset_valuations x
                            where x.tenant_id = a.tenant_id and x.asset_id = a.id
                            order by x.valued_on desc, x.created_at desc limit 1) v on true
       where o.tenant_id = v_tenant_id and o.persona_id = p_persona_id
         and (p_asset_type is null or a.asset_type = p_asset_type)
         and (v_q is null or a.search @@ app.prefix_tsquery(v_q))
    ) visible
    where visible.access is not null
    order by case when v_sort = '-name' then visible.name end desc,
             case when v_sort = 'createdAt' then visible.created_at end,
             case when v_sort = '-createdAt' then visible.created_at end desc,
             visible.name, visible.id
    limit p_limit offset p_offset;
end
$$;
comment on function api.sp_get_persona_assets(uuid, text, text, text, integer, integer) is
  'The assets a persona owns (share, form, latest value in its own currency) that the caller may see, optionally of one type or matching q; sorted, a page at a time with the total.';
grant execute on function api.sp_get_persona_assets(uuid, text, text, text, integer, integer) to estate_api;

create or replace function api.sp_set_asset_permission(p_asset_id uuid, p_permission text, p_grantee_persona_id uuid default null,
                                                       p_grantee_ffc_id uuid default null, p_grantee_ffc_role text default null)
  returns uuid
  language plpgsql volatile security definer
  set search_path = pg_catalog, pg_temp
as $$
declare
  v_user_id uuid := app.current_user_id();
  v_tenant_id uuid := app.current_tenant_id();
  v_id uuid;
begin
  perform app.require_asset_access(v_user_id, p_asset_id, 'owner');
  if p_permission is null or p_permission not in ('view', 'edit') then
    perform app.fail('PT400', 'invalid_permission', 'permission must be view or edit');
  end if;
  if (p_grantee_persona_id is null) = (p_grantee_ffc_id is null) then
    perform app.fail('PT400', 'invalid_grantee', 'grant to a persona, or to a role in a circle');
  end if;
  -- The grant rests on memberships that a removal ends (and then deletes the grants it allowed):
  -- hold them, so that a removal either waits for this grant and deletes it, or ends first and
  -- the checks below see it.
  perform 1 from app.ffc_memberships m
   where m.tenant_id = v_tenant_id and m.status = 'active'
     and (m.persona_id = p_grantee_persona_id or m.persona_id in (select app.acting_persona_ids(v_user_id)))
   for share;
  if p_grantee_persona_id is not null then
    if not app.user_can_reference_persona(v_user_id, p_grantee_persona_id) then
      perform app.fail('PT404', 'persona_not_found', 'persona not found');
    end if;
    insert into app.asset_permissions (tenant_id, asset_id, grantee_persona_id, permission, granted_by_user_id)
    values (v_tenant_id, p_asset_id, p_grantee_persona_id, p_permission, v_user_id)
    on conflict (tenant_id, asset_id, grantee_persona_id) where grantee_persona_id is not null
      do update set permission = excluded.permission
    returning id into v_id;
  else
    perform app.require_ffc_role(v_user_id, p_grantee_ffc_id, 'viewer');
    if app.ffc_role_rank(p_grantee_ffc_role) = 0 then
      perform app.fail('PT400', 'invalid_role', 'role must be owner, admin, member, advisor or viewer');
    end if;
    insert into app.asset_permissions (tenant_id, asset_id, grantee_ffc_id, grantee_ffc_role, permission, granted_by_user_id)
    values (v_tenant_id, p_asset_id, p_grantee_ffc_id, p_grantee_ffc_role, p_permission, v_user_id)
    on conflict (tenant_id, asset_id, grantee_ffc_id, grantee_ffc_role) where grantee_ffc_id is not null
      do update set permission = excluded.permission
    returning id into v_id;
  end if;
  return v_id;
end
$$;
comment on function api.sp_set_asset_permission(uuid, text, uuid, uuid, text) is
  'Grants view or edit on an asset (owners only) to a persona, or to everyone with a role or better in one of the owner''s circles.';
grant execute on function api.sp_set_asset_permission(uuid, text, uuid, uuid, text) to estate_api;

create or replace function api.sp_revoke_asset_permission(p_asset_id uuid, p_permission_id uuid)
  returns void
  language plpgsql volatile security definer
  set search_path = pg_catalog, pg_temp
as $$
begin
  perform app.require_asset_access(app.current_user_id(), p_asset_id, 'owner');
  delete from app.asset_permissions g where g.tenant_id = app.current_tenant_id() and g.asset_id = p_asset_id and g.id = p_permission_id;
  if not found then
    perform app.fail('PT404', 'permission_not_found', 'permission not found');
  end if;
end
$$;
comment on function api.sp_revoke_asset_permission(uuid, uuid) is 'Takes back a grant on an asset (owners only).';
grant execute on function api.sp_revoke_asset_permission(uuid, uuid) to estate_api;

drop function if exists api.sp_search_assets(text, integer);
drop function if exists api.sp_search_assets(text, integer, integer);
create or replace function api.sp_search_assets(p_query text, p_limit integer, p_offset integer)
  returns table (asset_id uuid, asset_type text, category_code text, name text, rank real, total integer)
  language plpgsql stable security definer
  set search_path = pg_catalog, pg_temp
as $$
#variable_conflict use_column
declare
  v_user_id uuid := app.current_user_id('assets:read');
  v_query tsquery;
begin
  if p_query is null or pg_catalog.length(pg_catalog.btrim(p_query)) not between 1 and 200 then
    perform app.fail('PT400', 'invalid_search', 'search text must be 1 to 200 characters');
  end if;
  perform app.check_page(p_limit, p_offset);
  v_query := pg_catalog.websearch_to_tsquery('simple'::regconfig, p_query);
  return query
    select a.id, a.asset_type, a.category_code, a.name, pg_catalog.ts_rank(a.search, v_query),
           (pg_catalog.count(*) over ())::integer
      from app.assets a
     where a.tenant_id = app.current_tenant_id() and a.search @@ v_query
       and app.asset_access(v_user_id, a.id) is not null
     order by 5 desc, a.name, a.id
     limit p_limit offset p_offset;
end
$$;
comment on function api.sp_search_assets(text, integer, integer) is
  'Full-text search (GIN) over the names and descriptions of the assets the caller may see, best first, a page at a time with the total.';
grant execute on function api.sp_search_assets(text, integer, integer) to estate_api;

create or replace function api.sp_list_asset_categories()
  returns table (code text, asset_type text, name text, is_liability boolean)
  language plpgsql stable security definer
  set search_path = pg_catalog, pg_temp
as $$
#variable_conflict use_column
begin
  -- Global reference data, but only for an active user of an active tenant, like every route.
  perform app.current_user_id('assets:read');
  return query
    select c.code, c.asset_type, c.name, c.is_liability from app.asset_categories c order by c.sort_order, c.code;
end
$$;
comment on function api.sp_list_asset_categories() is
  'The asset categories, grouped by the 13 asset types, for an active user of an active tenant.';
grant execute on function api.sp_list_asset_categories() to estate_api;

drop function if exists api.sp_update_asset(uuid, text, text, jsonb);
create or replace function api.sp_update_asset(p_asset_id uuid, p_name text default null, p_description text default null,
                                               p_details jsonb default null)
  returns setof app.asset_row
  language plpgsql volatile security definer
  set search_path = pg_catalog, pg_temp
as $$
declare
  v_user_id uuid := app.acting_user_id('api.sp_update_asset', 'assets:write');
  v_tenant_id uuid := app.current_tenant_id();
  v_access text := app.require_asset_access(v_user_id, p_asset_id, 'edit');
  v_asset app.assets;
  v_merged jsonb;
begin
  select * into v_asset from app.assets a where a.tenant_id = v_tenant_id and a.id = p_asset_id for update;
  if pg_catalog.length(p_description) > 2000 then
    perform app.fail('PT400', 'invalid_description', 'description must be at most 2000 characters');
  end if;
  update app.assets a set
    name = case when p_name is null then a.name else app.require_text(p_name, 'invalid_name', 200) end,
    description = case when p_description is null then a.description else nullif(pg_catalog.btrim(p_description), '') end
  where a.tenant_id = v_tenant_id and a.id = p_asset_id;
  if p_details is not null then
    -- The given fields alone first (keys as the API spells them, values of their types), as on create.
    perform app.check_asset_details(v_asset.asset_type, p_details);
    -- Replace the type row with the current fields overlaid by the given ones (validated as on create).
    v_merged := app.asset_details(v_asset.asset_type, p_asset_id) || p_details;
    if v_asset.asset_type = 'life_insurance' and p_details ? 'insuredPersonaId' then
      perform app.require_persona_access(v_user_id, (p_details ->> 'insuredPersonaId')::uuid);
    end if;
    execute pg_catalog.format('delete from app.%I t where t.tenant_id = $1 and t.id = $2', app.asset_type_table(v_asset.asset_type))
      using v_tenant_id, p_asset_id;
    perform app.insert_asset_details(v_asset.asset_type, p_asset_id,
      (select coalesce(pg_catalog.jsonb_object_agg(k, v), '{}') from pg_catalog.jsonb_each(v_merged) e(k, v) where v <> 'null'::jsonb));
  end if;
  return query select * from app.asset_view(p_asset_id, v_access);
end
$$;
comment on function api.sp_update_asset(uuid, text, text, jsonb) is
  'Changes an asset''s name, description or type fields (editors); NULL keeps, given detail fields overlay the current ones.';
grant execute on function api.sp_update_asset(uuid, text, text, jsonb) to estate_api;

create or replace function api.sp_delete_asset(p_asset_id uuid)
  returns void
  language plpgsql volatile security definer
  set search_path = pg_catalog, pg_temp
as $$
declare
  v_user_id uuid := app.current_user_id('assets:write');
  v_tenant_id uuid := app.current_tenant_id();
begin
  perform app.require_asset_access(v_user_id, p_asset_id, 'owner');
  perform 1 from app.assets a where a.tenant_id = v_tenant_id and a.id = p_asset_id for update;
  -- Someone else's share (a persona's the caller does not act for, an entity's they do not control) is not theirs to delete.
  if exists (select 1 from app.asset_ownerships o where o.tenant_id = v_tenant_id and o.asset_id = p_asset_id
                and (o.persona_id not in (select app.acting_persona_ids(v_user_id))
                     or (o.entity_id is not null and o.entity_id not in (select app.controlled_entity_ids(v_user_id))))) then
    perform app.fail('PT409', 'asset_co_owned', 'other people own shares of this asset: transfer or remove them first');
  end if;
  -- Type row, shares, valuations and grants go with it (ON DELETE CASCADE); the audit log keeps the record.
  delete from app.assets a where a.tenant_id = v_tenant_id and a.id = p_asset_id;
end
$$;
comment on function api.sp_delete_asset(uuid) is
  'Deletes an asset with its type row, shares, valuations and grants; only when every share belongs to personas the caller acts for.';
grant execute on function api.sp_delete_asset(uuid) to estate_api;

------------------------------------------------------------------------------------------------
-- Lists a front end needs: all my assets, a circle's assets (issue 10)
------------------------------------------------------------------------------------------------

drop function if exists api.sp_list_my_assets(text, integer, integer);
drop function if exists api.sp_list_ffc_assets(uuid, text, integer, integer);
drop function if exists app.asset_list(uuid, uuid[], text, integer, integer);
create or replace function app.asset_list(p_user_id uuid, p_asset_ids uuid[], p_asset_type text, p_q text,
                                          p_sort text, p_limit integer, p_offset integer)
  returns setof app.asset_list_row
  language sql stable security definer
  set search_path = pg_catalog, pg_temp
as $$
  -- The filters narrow the given (visible) ids before counting: total never counts an invisible row.
  select a.id, a.asset_type, a.category_code, a.name, a.currency, a.is_liability,
         case when a.identifier_last4 is not null then '****' || a.identifier_last4 end,
         v.amount, v.currency, v.valued_on, app.asset_access(p_user_id, a.id), a.created_at,
         (pg_catalog.count(*) over ())::integer
    from app.assets a
    left join lateral (select x.amount, x.currency, x.valued_on from app.asset_valuations x
                        where x.tenant_id = a.tenant_id and x.asset_id = a.id
                        order by x.valued_on desc, x.created_at desc limit 1) v on true
   where a.tenant_id = (select app.current_tenant_id()) and a.id = any (p_asset_ids)
     and (p_asset_type is null or a.asset_type = p_asset_type)
     and (p_q is null or a.search @@ app.prefix_tsquery(p_q))
   order by case when p_sort = '-name' then a.name end desc,
            case when p_sort = 'createdAt' then a.created_at end,
            case when p_sort = '-createdAt' then a.created_at end desc,
            a.name, a.id
   limit p_limit offset p_offset
$$;
comment on function app.asset_list(uuid, uuid[], text, text, text, integer, integer) is
  'A page of the given assets (of one type, matching q, or all) as app.asset_list_row with the filtered total, sorted; the caller passes only what may be seen.';

create or replace function app.asset_list_sorts() returns text[]
  language sql immutable
  set search_path = pg_catalog, pg_temp
as $$ select array['name', '-name', 'createdAt', '-createdAt'] $$;
comment on function app.asset_list_sorts() is 'The sort keys of every asset list (default name).';

create or replace function api.sp_list_my_assets(p_asset_type text, p_ffc_id uuid, p_q text, p_sort text,
                                                 p_limit integer, p_offset integer)
  returns setof app.asset_list_row
  language plpgsql stable security definer
  set search_path = pg_catalog, pg_temp
as $$
declare
  v_user_id uuid := app.current_user_id('assets:read');
  v_tenant_id uuid := app.current_tenant_id();
  v_sort text := app.check_sort(p_sort, app.asset_list_sorts());
  v_q text := app.check_filter_text(p_q);
begin
  perform app.check_page(p_limit, p_offset);
  if p_ffc_id is not null then
    -- Narrowing by a circle is for its members: anyone else gets the circle's usual not-found.
    perform app.require_ffc_role(v_user_id, p_ffc_id, 'viewer');
  end if;
  -- Everything the caller may see: owned through any persona they act for, granted to them or
  -- to their circle roles (app.visible_asset_ids, the rules of app.asset_access); with a circle,
  -- only what its active members own.
  return query select * from app.asset_list(
    v_user_id,
    array(select app.visible_asset_ids(v_user_id)
          intersect
          select o.asset_id from app.asset_ownerships o
            join app.ffc_memberships m on m.tenant_id = o.tenant_id and m.persona_id = o.persona_id
           where p_ffc_id is not null and o.tenant_id = v_tenant_id and m.ffc_id = p_ffc_id and m.status = 'active'
          union all
          select app.visible_asset_ids(v_user_id) where p_ffc_id is null),
    p_asset_type, v_q, v_sort, p_limit, p_offset);
end
$$;
comment on function api.sp_list_my_assets(text, uuid, text, text, integer, integer) is
  'Every asset the signed-in user may see (owned, granted, through circle roles), optionally of one type, of one circle''s members, matching q; sorted, a page at a time with the total.';
grant execute on function api.sp_list_my_assets(text, uuid, text, text, integer, integer) to estate_api;

create or replace function api.sp_list_ffc_assets(p_ffc_id uuid, p_asset_type text, p_q text, p_sort text,
                                                  p_limit integer, p_offset integer)
  returns setof app.asset_list_row
  language plpgsql stable security definer
  set search_path = pg_catalog, pg_temp
as $$
declare
  v_user_id uuid := app.current_user_id('assets:read');
  v_tenant_id uuid := app.current_tenant_id();
  v_sort text := app.check_sort(p_sort, app.asset_list_sorts());
  v_q text := app.check_filter_text(p_q);
begin
  perform app.require_ffc_role(v_user_id, p_ffc_id, 'viewer');
  perform app.check_page(p_limit, p_offset);
  -- What the circle's active members own, narrowed to what the caller may see (as the circle's
  -- net worth counts it): membership alone shows nothing that was not shared.
  return query select * from app.asset_list(
    v_user_id,
    array(select distinct o.asset_id from app.asset_ownerships o
           join app.ffc_memberships m on m.tenant_id = o.tenant_id and m.persona_id = o.persona_id
          where o.tenant_id = v_tenant_id and m.ffc_id = p_ffc_id and m.status = 'active'
          intersect
          select app.visible_asset_ids(v_user_id)),
    p_asset_type, v_q, v_sort, p_limit, p_offset);
end
$$;
comment on function api.sp_list_ffc_assets(uuid, text, text, text, integer, integer) is
  'The assets a circle''s members own that the caller may see (members only), optionally of one type, matching q; sorted, a page at a time with the total.';
grant execute on function api.sp_list_ffc_assets(uuid, text, text, text, integer, integer) to estate_api;

------------------------------------------------------------------------------------------------
-- Ownership over time (issue 12): shares as of a date, from app.asset_ownership_history
------------------------------------------------------------------------------------------------

create or replace function app.ownership_instant(p_as_of date) returns timestamptz
  language sql immutable
  set search_path = pg_catalog, pg_temp
as $$
  -- "As of a date" is the end of that day in UTC: every change made on it counts, as every valuation dated on it does.
  select (p_as_of + 1)::timestamp at time zone 'UTC'
$$;
comment on function app.ownership_instant(date) is 'The instant shares are read at for a date: the end of that day (UTC).';

drop function if exists app.shares_as_of(date);
create or replace function app.shares_as_of(p_as_of date, p_persona_ids uuid[], p_entity_ids uuid[])
  returns table (asset_id uuid, persona_id uuid, entity_id uuid, ownership_percentage numeric, ownership_form text)
  language plpgsql stable security definer
  set search_path = pg_catalog, pg_temp
as $$
#variable_conflict use_column
declare
  v_tenant_id uuid := app.current_tenant_id();
  v_instant timestamptz := app.ownership_instant(p_as_of);
begin
  -- Today (or later): the shares as they are. Before: each holder's latest history row by the end
  -- of that day (a NULL share: none then).
  if p_as_of >= current_date then
    return query
      select o.asset_id, o.persona_id, o.entity_id, o.ownership_percentage, o.ownership_form::text
        from app.asset_ownerships o
       where o.tenant_id = v_tenant_id
         and o.asset_id in (select x.asset_id from app.asset_ownerships x
                             where x.tenant_id = v_tenant_id and (x.persona_id = any (p_persona_ids) or x.entity_id = any (p_entity_ids)));
    return;
  end if;
  return query
    with held as (
      select distinct on (h.asset_id, h.persona_id, h.entity_id) h.asset_id, h.ownership_percentage
        from app.asset_ownership_history h
       where h.tenant_id = v_tenant_id and (h.persona_id = any (p_persona_ids) or h.entity_id = any (p_entity_ids))
         and h.effective_at < v_instant
       order by h.asset_id, h.persona_id, h.entity_id, h.effective_at desc, h.recorded_at desc, h.id desc
    )
    select x.asset_id, x.persona_id, x.entity_id, x.ownership_percentage, x.ownership_form::text
      from (select distinct on (h.asset_id, h.persona_id, h.entity_id) h.*
              from app.asset_ownership_history h
             where h.tenant_id = v_tenant_id and h.effective_at < v_instant
               and h.asset_id in (select k.asset_id from held k where k.ownership_percentage is not null)
             order by h.asset_id, h.persona_id, h.entity_id, h.effective_at desc, h.recorded_at desc, h.id desc) x
     where x.ownership_percentage is not null;
end
$$;
comment on function app.shares_as_of(date, uuid[], uuid[]) is
  'Every share (whoever holds it) of the assets the given personas or entities held at the end of a date: today''s shares for today, else from the ownership history.';

create or replace function api.sp_get_asset_owners_as_of(p_asset_id uuid, p_as_of date)
  returns setof app.asset_owner_as_of_row
  language plpgsql stable security definer
  set search_path = pg_catalog, pg_temp
as $$
declare
  v_tenant_id uuid := app.current_tenant_id();
begin
  -- Whoever may see the asset (and its owners) today may see who owned it then.
  perform app.require_asset_access(app.current_user_id('assets:read'), p_asset_id, 'view');
  if p_as_of is null or p_as_of > current_date or p_as_of < date '1900-01-01' then
    perform app.fail('PT400', 'invalid_as_of', 'as of must be a date between 1900-01-01 and today');
  end if;
  return query
    select x.persona_id, p.first_name || ' ' || p.last_name, x.entity_id, e.name, x.ownership_percentage,
           x.ownership_form::text,
           -- Since when the holder has held a share without a break: its first row after its latest
           -- removal (NULL: since the asset's first titling).
           (select nullif(min(s.effective_at), '-infinity') from app.asset_ownership_history s
             where s.tenant_id = v_tenant_id and s.asset_id = p_asset_id
               and s.persona_id is not distinct from x.persona_id and s.entity_id is not distinct from x.entity_id
               and (s.effective_at, s.recorded_at, s.id) <= (x.effective_at, x.recorded_at, x.id)
               and not exists (select 1 from app.asset_ownership_history g
                                where g.tenant_id = v_tenant_id and g.asset_id = p_asset_id and g.ownership_percentage is null
                                  and g.persona_id is not distinct from x.persona_id and g.entity_id is not distinct from x.entity_id
                                  and (g.effective_at, g.recorded_at, g.id) > (s.effective_at, s.recorded_at, s.id)
                                  and (g.effective_at, g.recorded_at, g.id) < (x.effective_at, x.recorded_at, x.id)))
      from (select distinct on (h.persona_id, h.entity_id) h.*
              from app.asset_ownership_history h
             where h.tenant_id = v_tenant_id and h.asset_id = p_asset_id and h.effective_at < app.ownership_instant(p_as_of)
             order by h.persona_id, h.entity_id, h.effective_at desc, h.recorded_at desc, h.id desc) x
      left join app.personas p on p.tenant_id = v_tenant_id and p.id = x.persona_id
      left join app.legal_entities e on e.tenant_id = v_tenant_id and e.id = x.entity_id
     where x.ownership_percentage is not null
     order by x.ownership_percentage desc, x.persona_id, x.entity_id;
end
$$;
comment on function api.sp_get_asset_owners_as_of(uuid, date) is
  'Who held an asset at the end of a date, with each share, its form and since when (whoever may view the asset today).';
grant execute on function api.sp_get_asset_owners_as_of(uuid, date) to estate_api;

create or replace function api.sp_get_asset_ownership_history(p_asset_id uuid, p_limit integer, p_offset integer)
  returns table (change_id bigint, persona_id uuid, persona_name text, entity_id uuid, entity_name text,
                 ownership_percentage numeric, ownership_form text, effective_at timestamptz, recorded_at timestamptz,
                 total integer)
  language plpgsql stable security definer
  set search_path = pg_catalog, pg_temp
as $$
#variable_conflict use_column
declare
  v_tenant_id uuid := app.current_tenant_id();
begin
  perform app.require_asset_access(app.current_user_id('assets:read'), p_asset_id, 'view');
  perform app.check_page(p_limit, p_offset);
  -- Every recorded change, newest first: a holder's new share, or (NULL) the end of its share.
  return query
    select h.id, h.persona_id, p.first_name || ' ' || p.last_name, h.entity_id, e.name, h.ownership_percentage,
           h.ownership_form::text, nullif(h.effective_at, '-infinity'), h.recorded_at, (pg_catalog.count(*) over ())::integer
      from app.asset_ownership_history h
      left join app.personas p on p.tenant_id = h.tenant_id and p.id = h.persona_id
      left join app.legal_entities e on e.tenant_id = h.tenant_id and e.id = h.entity_id
     where h.tenant_id = v_tenant_id and h.asset_id = p_asset_id
     order by h.effective_at desc, h.recorded_at desc, h.id desc
     limit p_limit offset p_offset;
end
$$;
comment on function api.sp_get_asset_ownership_history(uuid, integer, integer) is
  'The changes of an asset''s shares, newest first, with the total: each holder''s new share or its end (NULL), from when (NULL: the first titling); whoever may view the asset.';
grant execute on function api.sp_get_asset_ownership_history(uuid, integer, integer) to estate_api;
