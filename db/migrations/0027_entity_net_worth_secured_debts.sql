-- Estate planning (issue 12), continued: who holds the economic interest in an entity (members of
-- an LLC, partners, shareholders, the grantor of a revocable trust; a person or another entity),
-- so that an entity's net worth and a persona's look-through net worth can be computed; the asset
-- a debt is secured by (a mortgage's house), with the debt's term and payment. docs/estate_plan.md.

create table app.entity_interests (
  tenant_id uuid not null,
  id uuid not null default gen_random_uuid(),
  -- The entity held, and who holds the interest: a persona or another entity.
  entity_id uuid not null,
  holder_persona_id uuid,
  holder_entity_id uuid,
  percentage numeric(7,4) not null check (percentage > 0 and percentage <= 100),
  created_by_user_id uuid not null,
  created_at timestamptz not null default pg_catalog.now(),
  updated_at timestamptz not null default pg_catalog.now(),
  primary key (tenant_id, id),
  foreign key (tenant_id, entity_id) references app.legal_entities (tenant_id, id) on delete cascade,
  foreign key (tenant_id, holder_persona_id) references app.personas (tenant_id, id),
  -- No cascade: an entity that holds an interest in another is not deleted (sp_delete_legal_entity refuses).
  foreign key (tenant_id, holder_entity_id) references app.legal_entities (tenant_id, id),
  foreign key (tenant_id, created_by_user_id) references app.users (tenant_id, id),
  check (pg_catalog.num_nonnulls(holder_persona_id, holder_entity_id) = 1),
  check (holder_entity_id <> entity_id)
);
comment on table app.entity_interests is
  'Who holds the economic interest in an entity (members, partners, shareholders, a revocable trust''s grantor): personas or other entities; never above 100% per entity, never in a cycle.';
create unique index entity_interests_key on app.entity_interests (tenant_id, entity_id, coalesce(holder_persona_id, holder_entity_id));
create index entity_interests_holder_persona_idx on app.entity_interests (tenant_id, holder_persona_id);
create index entity_interests_holder_entity_idx on app.entity_interests (tenant_id, holder_entity_id);
create index entity_interests_created_by_idx on app.entity_interests (tenant_id, created_by_user_id);
select app.protect_tenant_table('entity_interests');

create function app.tg_entity_interests__checks() returns trigger
  -- Deferred to commit, when the caller's procedure (SECURITY DEFINER) has returned: the checks
  -- read the table as its owner, not as the login role.
  language plpgsql security definer
  set search_path = pg_catalog, pg_temp
as $$
declare
  v_row app.entity_interests := coalesce(new, old);
  v_total numeric;
begin
  -- Whoever writes: the interests in one entity total at most 100%.
  select sum(i.percentage) into v_total from app.entity_interests i
   where i.tenant_id = v_row.tenant_id and i.entity_id = v_row.entity_id;
  if v_total > 100 then
    raise exception using errcode = 'PT409', hint = 'interest_exceeds_100',
      message = pg_catalog.format('the interests in the entity total %s%%, more than 100%%', v_total);
  end if;
  -- And no entity holds itself, through any chain of entities. Two writers adding the two halves
  -- of a cycle at once would each miss the other's row: writers of entity-held interests queue on
  -- the tenant's lock (held to the end of the transaction), so the later one sees the earlier's.
  if tg_op <> 'DELETE' and v_row.holder_entity_id is not null then
    perform pg_catalog.pg_advisory_xact_lock(pg_catalog.hashtextextended('app.entity_interests:' || v_row.tenant_id::text, 0));
  end if;
  if tg_op <> 'DELETE' and v_row.holder_entity_id is not null and exists (
       with recursive down (id) as (
         select v_row.entity_id
         union
         select i.entity_id from app.entity_interests i join down d on i.holder_entity_id = d.id
          where i.tenant_id = v_row.tenant_id)
       select 1 from down d where d.id = v_row.holder_entity_id) then
    raise exception using errcode = 'PT409', hint = 'entity_cycle',
      message = 'the entity would hold itself through the entities it holds';
  end if;
  return null;
end
$$;
comment on function app.tg_entity_interests__checks() is
  'At commit, the interests in an entity total at most 100% and no entity holds itself through a chain of entities.';
create constraint trigger _300_checks after insert or update or delete on app.entity_interests
  deferrable initially deferred for each row execute function app.tg_entity_interests__checks();

-- A debt's term and payment beside its rate (asset_debts.interest_rate_percent): details of the
-- debt asset type, written and read like its other fields.
alter table app.asset_debts add column term_months integer check (term_months between 1 and 1200);
alter table app.asset_debts add column payment_amount numeric(20,2) check (payment_amount >= 0);
alter table app.asset_debts add column payment_frequency text
  check (payment_frequency in ('weekly', 'biweekly', 'monthly', 'quarterly', 'annually'));

create table app.debt_collateral (
  tenant_id uuid not null,
  id uuid not null default gen_random_uuid(),
  -- The debt (an asset with is_liability) and the asset it is secured by: a debt has one, an asset
  -- may secure several (a first mortgage and a home-equity line).
  debt_asset_id uuid not null,
  secured_asset_id uuid not null,
  created_by_user_id uuid not null,
  created_at timestamptz not null default pg_catalog.now(),
  updated_at timestamptz not null default pg_catalog.now(),
  primary key (tenant_id, id),
  unique (tenant_id, debt_asset_id),
  foreign key (tenant_id, debt_asset_id) references app.assets (tenant_id, id) on delete cascade,
  foreign key (tenant_id, secured_asset_id) references app.assets (tenant_id, id) on delete cascade,
  foreign key (tenant_id, created_by_user_id) references app.users (tenant_id, id),
  check (debt_asset_id <> secured_asset_id)
);
comment on table app.debt_collateral is 'The asset a debt is secured by: a mortgage''s house, a car loan''s car.';
create index debt_collateral_secured_idx on app.debt_collateral (tenant_id, secured_asset_id);
create index debt_collateral_created_by_idx on app.debt_collateral (tenant_id, created_by_user_id);
select app.protect_tenant_table('debt_collateral');
