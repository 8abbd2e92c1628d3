-- Issue 12: two more ways spouses hold a share, each passing to the surviving spouse by
-- survivorship in the estate flow (procedures/estate.sql; docs/estate_plan.md, routes of passing):
-- tenancy by the entirety (a joint tenancy of a married couple) and community property with right
-- of survivorship. Plain community_property stays: each spouse's recorded half passes by their
-- designation or will.
alter domain app.ownership_form drop constraint ownership_form_check;
alter domain app.ownership_form add constraint ownership_form_check
  check (value in ('sole', 'joint_tenancy_wros', 'tenants_in_common', 'community_property', 'trust_owned', 'tod_pod',
                   'tenancy_by_entirety', 'community_property_wros'));
comment on domain app.ownership_form is
  'How a persona holds a share of an asset; joint_tenancy_wros, tenancy_by_entirety and community_property_wros pass to the surviving co-owners of the same form.';

-- Money owed *to* a persona (a loan to a child, a seller-financed note, a judgment to collect): an
-- asset like any other, under the misc type (its details: free notes, e.g. the debtor and terms).
-- It counts in net worth and passes in the estate flow as any asset of its titling.
-- The reference table is read-only through its policy: the owner writes it with RLS lifted a moment.
alter table app.asset_categories no force row level security;
insert into app.asset_categories (code, asset_type, name, is_liability, sort_order) values
  ('receivable', 'misc', 'Money owed to you (receivable)', false, 131);
alter table app.asset_categories force row level security;
