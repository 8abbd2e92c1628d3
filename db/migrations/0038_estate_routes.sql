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
