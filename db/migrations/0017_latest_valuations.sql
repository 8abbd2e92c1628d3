-- Net worth without reading the valuation history (issue 14): each asset's latest valuation, kept
-- by triggers on app.asset_valuations, so that today's net worth of 10,000 assets is one join
-- instead of 10,000 index probes. "Latest" is the one app.net_worth_of would pick: the greatest
-- (valued_on, created_at, id). A question about an earlier date than an asset's latest valuation
-- still reads that asset's history (procedures/net_worth.sql). The asset's own flags that net worth
-- needs (a debt? active?) are kept beside it, so that net worth joins one table, not two.
-- Derived data: not audited (its sources are), never written by a procedure.

create table app.asset_latest_valuations (
  tenant_id uuid not null,
  -- The valuation's id (app.asset_valuations.id): the row goes when that valuation does.
  id uuid not null,
  asset_id uuid not null,
  valued_on date not null,
  created_at timestamptz not null,
  amount numeric(20,2) not null,
  currency text not null,
  -- app.assets.is_liability and status = 'active', kept by a trigger on app.assets.
  is_liability boolean not null,
  is_active boolean not null,
  primary key (tenant_id, id),
  unique (tenant_id, asset_id),
  foreign key (tenant_id, id) references app.asset_valuations (tenant_id, id) on delete cascade,
  foreign key (tenant_id, asset_id) references app.assets (tenant_id, id) on delete cascade
);
comment on table app.asset_latest_valuations is
  'Derived, kept by triggers: each asset''s latest valuation (greatest valued_on, created_at, id) and the asset''s flags, for net worth.';

alter table app.asset_latest_valuations enable row level security;
alter table app.asset_latest_valuations force row level security;
create policy all_own_tenant on app.asset_latest_valuations for all
  using (tenant_id = (select app.current_tenant_id())) with check (tenant_id = (select app.current_tenant_id()));

-- A new valuation replaces the asset's latest when it is later (a backdated one does not).
create function app.tg_asset_valuations__keep_latest() returns trigger
  language plpgsql
  set search_path = pg_catalog, pg_temp
as $$
begin
  insert into app.asset_latest_valuations as l (tenant_id, id, asset_id, valued_on, created_at, amount, currency,
                                                is_liability, is_active)
  select new.tenant_id, new.id, new.asset_id, new.valued_on, new.created_at, new.amount, new.currency,
         a.is_liability, a.status = 'active'
    from app.assets a where a.tenant_id = new.tenant_id and a.id = new.asset_id
  on conflict (tenant_id, asset_id) do update
    set id = excluded.id, valued_on = excluded.valued_on, created_at = excluded.created_at,
        amount = excluded.amount, currency = excluded.currency
    where (excluded.valued_on, excluded.created_at, excluded.id) > (l.valued_on, l.created_at, l.id);
  return null;
end
$$;
comment on function app.tg_asset_valuations__keep_latest() is 'Keeps app.asset_latest_valuations as valuations are added.';
create trigger _300_keep_latest after insert on app.asset_valuations
  for each row execute function app.tg_asset_valuations__keep_latest();

-- A deleted latest valuation takes its row with it (foreign key); the next latest takes its place.
-- (Valuations are never updated: app.tg_asset_valuations__append_only.)
create function app.tg_asset_valuations__restore_latest() returns trigger
  language plpgsql
  set search_path = pg_catalog, pg_temp
as $$
begin
  insert into app.asset_latest_valuations as l (tenant_id, id, asset_id, valued_on, created_at, amount, currency,
                                                is_liability, is_active)
  select distinct on (v.tenant_id, v.asset_id) v.tenant_id, v.id, v.asset_id, v.valued_on, v.created_at, v.amount, v.currency,
         a.is_liability, a.status = 'active'
    from app.asset_valuations v
    join app.assets a on a.tenant_id = v.tenant_id and a.id = v.asset_id
   where (v.tenant_id, v.asset_id) in (select d.tenant_id, d.asset_id from deleted d)
   order by v.tenant_id, v.asset_id, v.valued_on desc, v.created_at desc, v.id desc
  on conflict (tenant_id, asset_id) do nothing;
  return null;
end
$$;
comment on function app.tg_asset_valuations__restore_latest() is 'Restores app.asset_latest_valuations after valuations are deleted.';
create trigger _300_restore_latest after delete on app.asset_valuations
  referencing old table as deleted
  for each statement execute function app.tg_asset_valuations__restore_latest();

-- The asset's flags follow it (no procedure changes them today; an operator may).
create function app.tg_assets__latest_valuation_flags() returns trigger
  language plpgsql
  set search_path = pg_catalog, pg_temp
as $$
begin
  update app.asset_latest_valuations l
     set is_liability = new.is_liability, is_active = new.status = 'active'
   where l.tenant_id = new.tenant_id and l.asset_id = new.id;
  return null;
end
$$;
comment on function app.tg_assets__latest_valuation_flags() is 'Copies an asset''s is_liability and status to app.asset_latest_valuations.';
create trigger _300_latest_valuation_flags after update of is_liability, status on app.assets
  for each row when (old.is_liability is distinct from new.is_liability or old.status is distinct from new.status)
  execute function app.tg_assets__latest_valuation_flags();

-- A persona's id names its tenant: without saying so, the planner multiplies the two selectivities
-- and expects a persona of 10,000 assets to own 100 (issue 14's plan flips).
create statistics app.asset_ownerships_tenant_persona (dependencies, mcv) on tenant_id, persona_id from app.asset_ownerships;
comment on statistics app.asset_ownerships_tenant_persona is 'Each persona belongs to one tenant (for the planner).';

-- The existing history, inside each tenant's boundary in turn.
do $$
declare
  v_tenants uuid[];
  v_tenant_id uuid;
begin
  alter table app.tenants no force row level security;
  select coalesce(pg_catalog.array_agg(t.tenant_id), '{}') into v_tenants from app.tenants t;
  alter table app.tenants force row level security;
  foreach v_tenant_id in array v_tenants loop
    perform pg_catalog.set_config('app.tenant_id', v_tenant_id::text, true);
    insert into app.asset_latest_valuations (tenant_id, id, asset_id, valued_on, created_at, amount, currency,
                                             is_liability, is_active)
    select distinct on (v.asset_id) v.tenant_id, v.id, v.asset_id, v.valued_on, v.created_at, v.amount, v.currency,
           a.is_liability, a.status = 'active'
      from app.asset_valuations v
      join app.assets a on a.tenant_id = v.tenant_id and a.id = v.asset_id
     where v.tenant_id = v_tenant_id
     order by v.asset_id, v.valued_on desc, v.created_at desc, v.id desc;
  end loop;
  perform pg_catalog.set_config('app.tenant_id', '', true);
end
$$;
