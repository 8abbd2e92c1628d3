-- Net worth: assets minus debts, weighted by ownership, valued as of a date, in one currency.

create or replace function app.exchange_rate(p_from text, p_to text, p_on date) returns numeric
  language plpgsql stable security definer
  set search_path = pg_catalog, pg_temp
as $$
declare
  v_rate numeric;
begin
  if p_from = p_to then
    return 1;
  end if;
  select r.rate into v_rate from app.exchange_rates r
   where r.base_currency = p_from and r.quote_currency = p_to and r.rate_date <= p_on
   order by r.rate_date desc limit 1;
  if v_rate is null then
    select 1 / r.rate into v_rate from app.exchange_rates r
     where r.base_currency = p_to and r.quote_currency = p_from and r.rate_date <= p_on
     order by r.rate_date desc limit 1;
  end if;
  -- A missing rate is an error, never a silent 1.
  if v_rate is null then
    perform app.fail('PT422', 'exchange_rate_missing', pg_catalog.format('no %s/%s exchange rate on or before %s', p_from, p_to, p_on));
  end if;
  return v_rate;
end
$$;
comment on function app.exchange_rate(text, text, date) is 'The latest rate from one currency to another on or before a date (or the inverse of the reverse pair); raises when none.';

drop function if exists app.net_worth_of(uuid[], date, text);
-- PL/pgSQL planned for each call's values (plan_cache_mode): the persona and the tenant are known
-- to the planner, so a small persona among large tenants is not planned like a large one (a SQL
-- function with SET clauses is never inlined and always got the generic plan: issue 14).
-- Each asset's value is its latest valuation (app.asset_latest_valuations, kept by trigger, with
-- the asset's is_liability and status: net worth reads no app.assets row) when
-- that is on or before the date, else the latest on or before the date from its history; the
-- exchange rates are looked up once per currency (materialized), not once per asset.
create or replace function app.net_worth_of(p_persona_ids uuid[], p_as_of date, p_currency text,
                                            p_viewer_user_id uuid default null)
  returns table (total_assets numeric, total_liabilities numeric, net_worth numeric, asset_count integer)
  language plpgsql stable security definer
  set search_path = pg_catalog, pg_temp
  set plan_cache_mode = force_custom_plan
  set enable_nestloop = on
  set enable_hashjoin = on
  set enable_mergejoin = on
  -- The never-run history lookups inflate the plan's cost past jit_above_cost: compiling it took
  -- ~54 ms per call where the query runs in ~30 (PostgreSQL 15 built with LLVM, 10,000 assets).
  set jit = off
as $$
#variable_conflict use_column
declare
  v_tenant_id uuid := app.current_tenant_id();
  v_shares bigint;
  -- Before today, the shares held then (app.asset_ownership_history); today, the shares as they are.
  v_history boolean := p_as_of < current_date;
  v_instant timestamptz := app.ownership_instant(p_as_of);
  -- One persona's own total: each asset has one share of theirs, nothing to sum or filter by grants.
  v_one boolean := pg_catalog.cardinality(p_persona_ids) = 1 and p_viewer_user_id is null;
begin
  -- How to join the shares with the valuations is decided here, not by the planner: PostgreSQL
  -- sizes a join of one tenant's rows by the whole table's distinct values (with 99 other tenants
  -- of 10,000 assets, a persona's 10,000 look like 100), and it prices an index probe as a read
  -- from disk, so it would hash all of a large tenant's assets for a few hundred shares. When the
  -- personas hold a quarter of the tenant's assets or more (counted by app.usage_records), hash
  -- the tenant's rows; below that, probe the index once per share (in a tenant of 11,100 assets:
  -- 100 shares, 0.9 ms probing against 3.6-6.5 ms hashing; 1,000 shares, this function 6.6-6.9 ms
  -- against 9.1-9.6; docs/performance.md). The settings end with this function (the SET clauses
  -- above restore them).
  select pg_catalog.count(*) into v_shares
    from app.asset_ownerships o where o.tenant_id = v_tenant_id and o.persona_id = any (p_persona_ids);
  if v_shares * 4 >= (select pg_catalog.sum(u.quantity) from app.usage_records u
                       where u.tenant_id = v_tenant_id and u.metric = 'assets') then
    perform pg_catalog.set_config('enable_nestloop', 'off', true);
  else
    perform pg_catalog.set_config('enable_hashjoin', 'off', true), pg_catalog.set_config('enable_mergejoin', 'off', true);
  end if;
  return query
  with shares as (
    -- Each asset once, with the share the given personas hold together: one persona's shares as
    -- they are (one per asset: unique (tenant_id, asset_id, persona_id)), several personas' summed.
    -- The plan is made for the call's values, so only one of the four branches is ever run.
    select o.asset_id, o.ownership_percentage as percentage
      from app.asset_ownerships o
     where not v_history and v_one
       and o.tenant_id = v_tenant_id and o.persona_id = p_persona_ids[1]
    union all
    select o.asset_id, sum(o.ownership_percentage)
      from app.asset_ownerships o
     where not v_history and not v_one
       and o.tenant_id = v_tenant_id and o.persona_id = any (p_persona_ids)
     group by o.asset_id
     -- With a viewer, only the assets that user may see count (a circle's total, docs/authorization.md).
     having p_viewer_user_id is null or o.asset_id in (select app.visible_asset_ids(p_viewer_user_id))
    union all
    -- A past date: each persona's latest recorded share of each asset by the end of that day
    -- (NULL: none then). Who may see an asset is decided by today's grants, as for today.
    select h.asset_id, h.percentage
      from (select distinct on (x.asset_id) x.asset_id, x.ownership_percentage as percentage
              from app.asset_ownership_history x
             where v_history and v_one
               and x.tenant_id = v_tenant_id and x.persona_id = p_persona_ids[1] and x.effective_at < v_instant
             order by x.asset_id, x.effective_at desc, x.recorded_at desc, x.id desc) h
     where h.percentage is not null
    union all
    select h.asset_id, sum(h.percentage)
      from (select distinct on (x.persona_id, x.asset_id) x.asset_id, x.ownership_percentage as percentage
              from app.asset_ownership_history x
             where v_history and not v_one
               and x.tenant_id = v_tenant_id and x.persona_id = any (p_persona_ids) and x.effective_at < v_instant
             order by x.persona_id, x.asset_id, x.effective_at desc, x.recorded_at desc, x.id desc) h
     where h.percentage is not null
     group by h.asset_id
     having p_viewer_user_id is null or h.asset_id in (select app.visible_asset_ids(p_viewer_user_id))
  ),
  valued as (
    -- The latest valuation when it is on or before the date (the common case: one join); else the
    -- latest on or before the date from the history, looked up only for those assets (a CASE runs
    -- its subquery only when reached). An asset not valued by the date has no currency and is
    -- left out below (filtering here would spoil the row estimates).
    select l.is_liability, s.percentage,
           case when l.valued_on <= p_as_of then l.amount
                else (select x.amount from app.asset_valuations x
                       where x.tenant_id = v_tenant_id and x.asset_id = s.asset_id and x.valued_on <= p_as_of
                       order by x.valued_on desc, x.created_at desc, x.id desc limit 1) end as amount,
           case when l.valued_on <= p_as_of then l.currency
                else (select x.currency from app.asset_valuations x
                       where x.tenant_id = v_tenant_id and x.asset_id = s.asset_id and x.valued_on <= p_as_of
                       order by x.valued_on desc, x.created_at desc, x.id desc limit 1) end as currency
      from shares s
      join app.asset_latest_valuations l on l.tenant_id = v_tenant_id and l.asset_id = s.asset_id and l.is_active
  ),
  -- One pass over the assets: per currency and side, the sum of amount x share. The rate then applies
  -- once per currency, and the percentage's 1/100 once at the end. Still exact: sums and products of
  -- decimals are exact, rate x (a + b) = rate x a + rate x b, and x 0.01 is a product too (a division
  -- per asset could be cut short past 16 significant digits; this cannot).
  per_currency as (
    select v.currency, v.is_liability, sum(v.amount * v.percentage) as weighted, count(*) as n
      from valued v
     where v.currency is not null
     group by v.currency, v.is_liability
  ),
  rates as materialized (
    select c.currency, app.exchange_rate(c.currency, p_currency, p_as_of) as rate
      from (select distinct currency from per_currency) c
  ),
  totals as (
    select coalesce(sum(p.weighted * r.rate) filter (where not p.is_liability), 0) * 0.01 as assets,
           coalesce(sum(p.weighted * r.rate) filter (where p.is_liability), 0) * 0.01 as liabilities,
           coalesce(sum(p.n), 0)::integer as n
      from per_currency p join rates r on r.currency = p.currency
  )
  select pg_catalog.round(t.assets, 2), pg_catalog.round(t.liabilities, 2), pg_catalog.round(t.assets - t.liabilities, 2), t.n
    from totals t;
end
$$;
comment on function app.net_worth_of(uuid[], date, text, uuid) is
  'Assets minus debts held by the given personas (each asset once, weighted by their joint share then: today''s shares, or the ownership history for a past date), latest valuation on or before the date, converted; rounded once at the end. With a viewer, only the assets that user may see.';

create or replace function app.check_net_worth_input(p_as_of date, p_currency text) returns void
  language plpgsql stable
  set search_path = pg_catalog, pg_temp
as $$
begin
  perform app.check_currency(p_currency);
  if p_as_of is null or p_as_of > current_date or p_as_of < date '1900-01-01' then
    perform app.fail('PT400', 'invalid_as_of', 'as of must be a date between 1900-01-01 and today');
  end if;
end
$$;
comment on function app.check_net_worth_input(date, text) is 'Validates the date and currency of a net-worth question.';

create or replace function api.sp_calculate_net_worth(p_persona_id uuid, p_as_of date, p_currency text)
  returns table (persona_id uuid, as_of date, currency text, total_assets numeric, total_liabilities numeric,
                 net_worth numeric, asset_count integer)
  language plpgsql stable security definer
  set search_path = pg_catalog, pg_temp
as $$
#variable_conflict use_column
begin
  perform app.require_persona_access(app.acting_user_id('api.sp_calculate_net_worth', 'net_worth:read'), p_persona_id);
  perform app.check_net_worth_input(p_as_of, p_currency);
  return query select p_persona_id, p_as_of, p_currency, n.total_assets, n.total_liabilities, n.net_worth, n.asset_count
                 from app.net_worth_of(array[p_persona_id], p_as_of, p_currency) n;
end
$$;
comment on function api.sp_calculate_net_worth(uuid, date, text) is
  'Net worth of a persona the caller acts for: assets minus debts, weighted by ownership, as of a date, in one currency.';
grant execute on function api.sp_calculate_net_worth(uuid, date, text) to estate_api;

create or replace function api.sp_calculate_net_worth_history(p_persona_id uuid, p_from date, p_to date, p_currency text)
  returns table (as_of date, total_assets numeric, total_liabilities numeric, net_worth numeric)
  language plpgsql stable security definer
  set search_path = pg_catalog, pg_temp
as $$
#variable_conflict use_column
begin
  perform app.require_persona_access(app.acting_user_id('api.sp_calculate_net_worth_history', 'net_worth:read'), p_persona_id);
  perform app.check_net_worth_input(p_to, p_currency);
  if p_from is null or p_from > p_to or p_from < p_to - interval '10 years' then
    perform app.fail('PT400', 'invalid_range', 'the range must start before it ends and span at most 10 years');
  end if;
  -- One point at the end of each month in the range, and one at p_to.
  return query
    select d.point, n.total_assets, n.total_liabilities, n.net_worth
      from (select distinct least((pg_catalog.date_trunc('month', m) + interval '1 month - 1 day')::date, p_to) as point
              from pg_catalog.generate_series(pg_catalog.date_trunc('month', p_from), p_to, interval '1 month') m) d
      cross join lateral app.net_worth_of(array[p_persona_id], d.point, p_currency) n
     order by d.point;
end
$$;
comment on function api.sp_calculate_net_worth_history(uuid, date, date, text) is
  'Monthly net-worth points (each month''s end, and the last day) of a persona over a range of at most 10 years.';
grant execute on function api.sp_calculate_net_worth_history(uuid, date, date, text) to estate_api;

create or replace function api.sp_calculate_ffc_net_worth(p_ffc_id uuid, p_as_of date, p_currency text)
  returns table (ffc_id uuid, as_of date, currency text, total_assets numeric, total_liabilities numeric,
                 net_worth numeric, asset_count integer)
  language plpgsql stable security definer
  set search_path = pg_catalog, pg_temp
as $$
#variable_conflict use_column
declare
  v_user_id uuid := app.current_user_id('net_worth:read');
begin
  perform app.require_ffc_role(v_user_id, p_ffc_id, 'viewer');
  perform app.check_net_worth_input(p_as_of, p_currency);
  -- Each member gets the total over the assets they may see: nothing of an asset hidden from them.
  return query
    select p_ffc_id, p_as_of, p_currency, n.total_assets, n.total_liabilities, n.net_worth, n.asset_count
      from app.net_worth_of(array(select m.persona_id from app.ffc_memberships m
                                   where m.tenant_id = app.current_tenant_id() and m.ffc_id = p_ffc_id and m.status = 'active'),
                            p_as_of, p_currency, v_user_id) n;
end
$$;
comment on function api.sp_calculate_ffc_net_worth(uuid, date, text) is
  'Net worth of a whole circle as the caller may see it: what its members own together, over the assets the caller may view, each counted once.';
grant execute on function api.sp_calculate_ffc_net_worth(uuid, date, text) to estate_api;

create or replace function support.sp_set_exchange_rate(p_base_currency text, p_quote_currency text, p_rate_date date, p_rate numeric)
  returns void
  language plpgsql volatile security definer
  set search_path = pg_catalog, pg_temp
as $$
begin
  perform app.require_support_session();
  perform app.check_currency(p_base_currency);
  perform app.check_currency(p_quote_currency);
  if p_base_currency = p_quote_currency or p_rate is null or p_rate <= 0 or p_rate_date is null then
    perform app.fail('PT400', 'invalid_exchange_rate', 'a rate is a positive number between two different currencies on a date');
  end if;
  insert into app.exchange_rates (base_currency, quote_currency, rate_date, rate)
  values (p_base_currency, p_quote_currency, p_rate_date, p_rate)
  on conflict (base_currency, quote_currency, rate_date) do update set rate = excluded.rate;
end
$$;
comment on function support.sp_set_exchange_rate(text, text, date, numeric) is 'Records (or corrects) the rate of one currency in another on a date.';
grant execute on function support.sp_set_exchange_rate(text, text, date, numeric) to estate_support;

drop function if exists api.sp_list_exchange_rates(date, text, integer, integer);
create or replace function api.sp_list_exchange_rates(p_as_of date, p_currency text, p_limit integer, p_offset integer)
  returns table (base_currency text, quote_currency text, rate numeric, rate_date date, total integer)
  language plpgsql stable security definer
  set search_path = pg_catalog, pg_temp
as $$
#variable_conflict use_column
declare
  v_user_id uuid := app.current_user_id('net_worth:read');
begin
  perform app.check_page(p_limit, p_offset);
  if p_as_of is null then
    perform app.fail('PT400', 'invalid_as_of', 'as_of is required');
  end if;
  if p_currency is not null and p_currency !~ '^[A-Z]{3}$' then
    perform app.fail('PT400', 'invalid_currency', 'currency must be an ISO 4217 code such as USD');
  end if;
  -- The rates net worth uses on that date (app.exchange_rate): each stored pair's latest on or
  -- before it. Reference data, the same for every tenant, read-only here.
  return query
    select x.*, (pg_catalog.count(*) over ())::integer from (
      select distinct on (r.base_currency, r.quote_currency) r.base_currency, r.quote_currency, r.rate, r.rate_date
        from app.exchange_rates r
       where r.rate_date <= p_as_of
         and (p_currency is null or p_currency in (r.base_currency, r.quote_currency))
       order by r.base_currency, r.quote_currency, r.rate_date desc
    ) x
     order by x.base_currency, x.quote_currency
     limit p_limit offset p_offset;
end
$$;
comment on function api.sp_list_exchange_rates(date, text, integer, integer) is
  'The exchange rates in use on a date: each currency pair''s latest rate on or before it (net worth converts with these), optionally those of one currency, a page at a time with the total.';
grant execute on function api.sp_list_exchange_rates(date, text, integer, integer) to estate_api;
