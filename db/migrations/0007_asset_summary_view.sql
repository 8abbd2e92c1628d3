-- v_asset_summary: each asset with its latest value and owners (security_invoker: RLS applies).
create view app.v_asset_summary with (security_invoker = true) as
select a.tenant_id, a.id as asset_id, a.asset_type, a.category_code, a.name, a.currency, a.is_liability, a.status,
       case when a.identifier_last4 is not null then '****' || a.identifier_last4 end as identifier_masked,
       v.amount as current_value, v.valued_on,
       (select count(*) from app.asset_ownerships o where o.tenant_id = a.tenant_id and o.asset_id = a.id) as owner_count,
       (select coalesce(sum(o.ownership_percentage), 0) from app.asset_ownerships o
         where o.tenant_id = a.tenant_id and o.asset_id = a.id) as owned_percentage
  from app.assets a
  left join lateral (select x.amount, x.valued_on from app.asset_valuations x
                      where x.tenant_id = a.tenant_id and x.asset_id = a.id
                      order by x.valued_on desc, x.created_at desc limit 1) v on true;
comment on view app.v_asset_summary is 'Each asset with its masked identifier, latest value and how much of it is owned.';
