-- Estate planning (issue 12): legal entities that own things (trusts, companies) and the personas
-- who control them; entity shares in asset_ownerships beside persona shares; beneficiary
-- designations per asset, per entity (and per estate, for the will's residuary), each level
-- summing to exactly 100%.

create table app.legal_entities (
  tenant_id uuid not null references app.tenants (tenant_id),
  id uuid not null default gen_random_uuid(),
  entity_kind text not null check (entity_kind in ('revocable_trust', 'irrevocable_trust', 'llc', 'partnership',
    'corporation', 'other')),
  name text not null check (pg_catalog.length(pg_catalog.btrim(name)) between 1 and 200),
  jurisdiction text check (pg_catalog.length(jurisdiction) <= 100),
  -- The date the trust was signed or the company formed.
  effective_date date check (effective_date >= date '1850-01-01'),
  created_by_user_id uuid not null,
  created_at timestamptz not null default pg_catalog.now(),
  updated_at timestamptz not null default pg_catalog.now(),
  primary key (tenant_id, id),
  foreign key (tenant_id, created_by_user_id) references app.users (tenant_id, id)
);
comment on table app.legal_entities is 'Trusts, companies and other legal entities of a family that own assets beside its personas.';
create index legal_entities_created_by_idx on app.legal_entities (tenant_id, created_by_user_id);

create table app.legal_entity_roles (
  tenant_id uuid not null,
  id uuid not null default gen_random_uuid(),
  entity_id uuid not null,
  persona_id uuid not null,
  -- A trust has grantors and trustees; any other entity has managers. All of them control it.
  role text not null check (role in ('grantor', 'trustee', 'manager')),
  created_at timestamptz not null default pg_catalog.now(),
  primary key (tenant_id, id),
  unique (tenant_id, entity_id, persona_id, role),
  foreign key (tenant_id, entity_id) references app.legal_entities (tenant_id, id) on delete cascade,
  foreign key (tenant_id, persona_id) references app.personas (tenant_id, id)
);
comment on table app.legal_entity_roles is 'The personas who control an entity: a trust''s grantors and trustees, a company''s managers.';
create index legal_entity_roles_persona_idx on app.legal_entity_roles (tenant_id, persona_id);

-- A share is held by a persona or by an entity, never both; the 100% cap counts both.
alter table app.asset_ownerships alter column persona_id drop not null;
alter table app.asset_ownerships add column entity_id uuid;
-- Validating the new key reads every share: as the owner, outside the tenant policy, for this statement only.
alter table app.asset_ownerships no force row level security;
alter table app.asset_ownerships add constraint asset_ownerships_entity_fkey
  foreign key (tenant_id, entity_id) references app.legal_entities (tenant_id, id);
alter table app.asset_ownerships force row level security;
alter table app.asset_ownerships add constraint asset_ownerships_one_holder
  check (pg_catalog.num_nonnulls(persona_id, entity_id) = 1);
create unique index asset_ownerships_entity_key on app.asset_ownerships (tenant_id, asset_id, entity_id) where entity_id is not null;
create index asset_ownerships_entity_idx on app.asset_ownerships (tenant_id, entity_id);
comment on table app.asset_ownerships is
  'Who owns how much of an asset and how, a persona or an entity; the shares of one asset never add up to more than 100%.';

create table app.beneficiary_designations (
  tenant_id uuid not null,
  id uuid not null default gen_random_uuid(),
  -- What passes: an asset, an entity (its remainder), or a persona's estate (the will's residuary).
  asset_id uuid,
  entity_id uuid,
  estate_of_persona_id uuid,
  level text not null check (level in ('primary', 'contingent')),
  beneficiary_kind text not null check (beneficiary_kind in ('persona', 'entity', 'estate')),
  beneficiary_persona_id uuid,
  beneficiary_entity_id uuid,
  percentage numeric(7,4) not null check (percentage > 0 and percentage <= 100),
  -- How a persona's share passes when they die first: to their descendants (per stirpes) or to
  -- the surviving beneficiaries of the level (per capita).
  distribution text check (distribution in ('per_stirpes', 'per_capita')),
  effective_on date not null check (effective_on >= date '1900-01-01'),
  created_by_user_id uuid not null,
  created_at timestamptz not null default pg_catalog.now(),
  primary key (tenant_id, id),
  foreign key (tenant_id, asset_id) references app.assets (tenant_id, id) on delete cascade,
  foreign key (tenant_id, entity_id) references app.legal_entities (tenant_id, id) on delete cascade,
  foreign key (tenant_id, estate_of_persona_id) references app.personas (tenant_id, id),
  foreign key (tenant_id, beneficiary_persona_id) references app.personas (tenant_id, id),
  foreign key (tenant_id, beneficiary_entity_id) references app.legal_entities (tenant_id, id),
  foreign key (tenant_id, created_by_user_id) references app.users (tenant_id, id),
  check (pg_catalog.num_nonnulls(asset_id, entity_id, estate_of_persona_id) = 1),
  check ((beneficiary_kind = 'persona') = (beneficiary_persona_id is not null)),
  check ((beneficiary_kind = 'entity') = (beneficiary_entity_id is not null)),
  check ((beneficiary_kind = 'persona') = (distribution is not null)),
  check (beneficiary_kind <> 'estate' or estate_of_persona_id is null),
  check (entity_id <> beneficiary_entity_id)
);
comment on table app.beneficiary_designations is
  'Who receives an asset, an entity or an estate: primary and contingent levels, each summing to exactly 100%.';
create unique index beneficiary_designations_key on app.beneficiary_designations (tenant_id,
  coalesce(asset_id, entity_id, estate_of_persona_id), level, beneficiary_kind,
  coalesce(beneficiary_persona_id, beneficiary_entity_id, '00000000-0000-0000-0000-000000000000'::uuid));
create index beneficiary_designations_asset_idx on app.beneficiary_designations (tenant_id, asset_id);
create index beneficiary_designations_entity_idx on app.beneficiary_designations (tenant_id, entity_id);
create index beneficiary_designations_estate_idx on app.beneficiary_designations (tenant_id, estate_of_persona_id);
create index beneficiary_designations_persona_idx on app.beneficiary_designations (tenant_id, beneficiary_persona_id);
create index beneficiary_designations_beneficiary_entity_idx on app.beneficiary_designations (tenant_id, beneficiary_entity_id);
create index beneficiary_designations_created_by_idx on app.beneficiary_designations (tenant_id, created_by_user_id);

select app.protect_tenant_table('legal_entities');
select app.protect_tenant_table('legal_entity_roles');
select app.protect_tenant_table('beneficiary_designations');

create function app.tg_beneficiary_designations__level_total() returns trigger
  -- Deferred to commit, when the caller's procedure (SECURITY DEFINER) has returned: the check
  -- reads the table as its owner, not as the login role.
  language plpgsql security definer
  set search_path = pg_catalog, pg_temp
as $$
declare
  v_row app.beneficiary_designations := coalesce(new, old);
  v_total numeric;
begin
  -- At commit: every level that was written holds nothing or exactly 100%, whoever wrote it.
  select sum(d.percentage) into v_total from app.beneficiary_designations d
   where d.tenant_id = v_row.tenant_id and d.level = v_row.level
     and d.asset_id is not distinct from v_row.asset_id and d.entity_id is not distinct from v_row.entity_id
     and d.estate_of_persona_id is not distinct from v_row.estate_of_persona_id;
  if v_total is not null and v_total <> 100 then
    raise exception using errcode = 'PT422', hint = 'beneficiary_total_not_100',
      message = pg_catalog.format('the %s beneficiaries total %s%%, not 100%%', v_row.level, v_total);
  end if;
  return null;
end
$$;
comment on function app.tg_beneficiary_designations__level_total() is
  'At commit, each written level of designations totals exactly 100% (or is empty).';
create constraint trigger _300_level_total after insert or update or delete on app.beneficiary_designations
  deferrable initially deferred for each row execute function app.tg_beneficiary_designations__level_total();

-- A legal entity as the API shows it (sp_create_legal_entity, sp_get_legal_entity, sp_update_legal_entity, lists).
create type app.legal_entity_row as (
  entity_id uuid,
  entity_kind text,
  name text,
  jurisdiction text,
  effective_date date,
  roles jsonb,
  created_at timestamptz,
  updated_at timestamptz
);
comment on type app.legal_entity_row is 'A legal entity as the API shows it, with the personas who control it.';

-- One beneficiary of a designation as the API shows it (sp_set_asset_beneficiaries, sp_get_asset_beneficiaries...).
create type app.beneficiary_row as (
  level text,
  beneficiary_kind text,
  persona_id uuid,
  entity_id uuid,
  beneficiary_name text,
  percentage numeric,
  distribution text,
  effective_on date
);
comment on type app.beneficiary_row is 'One beneficiary of a designation: level, who (persona, entity or the estate), share and how it passes.';
