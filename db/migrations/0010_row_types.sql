-- Row types: the one definition of each row shape that several procedures return. A procedure
-- `returns setof app.<shape>_row` instead of spelling the columns in its own RETURNS TABLE, so
-- that a column is added in one place (here, in a later migration with `alter type ... add
-- attribute`) and every procedure returning the shape follows. The call files still list the
-- columns (pgtyped needs them, with their nullability), and the reply schemas are checked against
-- the generated types at compile time (ExactKeys in server/schemas/common.ts).

-- An asset as the API shows it (app.asset_view; sp_create_asset, sp_get_asset, sp_update_asset).
create type app.asset_row as (
  asset_id uuid,
  asset_type text,
  category_code text,
  name text,
  description text,
  currency text,
  is_liability boolean,
  identifier_masked text,
  status text,
  details jsonb,
  current_value numeric,
  current_value_currency text,
  valued_on date,
  ownerships jsonb,
  my_access text,
  created_at timestamptz,
  updated_at timestamptz
);
comment on type app.asset_row is 'An asset as the API shows it: identifier masked, type details, latest value, owners, the caller''s access.';

-- A subscription as the API shows it (app.subscription_view; sp_get_my_subscription,
-- sp_create_subscription, sp_upgrade_subscription, sp_cancel_subscription).
create type app.subscription_row as (
  subscription_id uuid,
  plan_code text,
  plan_name text,
  status text,
  effective_plan_code text,
  pending_plan_code text,
  price_amount numeric,
  currency text,
  billing_interval text,
  cancel_at_period_end boolean,
  current_period_start timestamptz,
  current_period_end timestamptz,
  canceled_at timestamptz,
  ended_at timestamptz,
  stripe_linked boolean,
  created_at timestamptz,
  updated_at timestamptz
);
comment on type app.subscription_row is 'A subscription as the API shows it, with the plan whose limits apply now.';

-- A payment method as the API shows it (app.payment_method_list; sp_add_payment_method,
-- sp_list_payment_methods, sp_remove_payment_method).
create type app.payment_method_row as (
  payment_method_id uuid,
  kind text,
  brand text,
  last4 text,
  exp_month smallint,
  exp_year smallint,
  is_default boolean,
  created_at timestamptz
);
comment on type app.payment_method_row is 'A payment method as the API shows it: kind, brand, last four and expiry, never the token.';

-- A persona with contact data and relationships (app.persona_details; sp_create_persona,
-- sp_get_persona, sp_update_persona).
create type app.persona_row as (
  persona_id uuid,
  first_name text,
  middle_name text,
  last_name text,
  preferred_name text,
  date_of_birth date,
  is_minor boolean,
  living_status text,
  date_of_death date,
  linked_user_id uuid,
  emails jsonb,
  phones jsonb,
  addresses jsonb,
  relationships jsonb,
  created_at timestamptz,
  updated_at timestamptz
);
comment on type app.persona_row is 'A persona with contact data and relationships, as every persona procedure returns it.';

-- A user with their own persona and the tenant's branding (app.user_profile; sp_authenticate_user,
-- sp_get_current_user).
create type app.user_profile_row as (
  user_id uuid,
  email text,
  status text,
  last_login_at timestamptz,
  created_at timestamptz,
  persona_id uuid,
  first_name text,
  last_name text,
  preferred_name text,
  tenant_slug text,
  tenant_name text,
  tenant_branding jsonb
);
comment on type app.user_profile_row is 'A user with their own persona and the tenant''s branding, as sign-in and "me" return it.';

-- A circle membership (sp_add_ffc_member, sp_update_ffc_member_role, sp_accept_ffc_invitation).
create type app.ffc_membership_row as (
  membership_id uuid,
  ffc_id uuid,
  persona_id uuid,
  role text
);
comment on type app.ffc_membership_row is 'A persona''s membership of a circle and its role.';

-- Ownership forms and valuation sources: one list each in SQL. The columns' CHECKs of 0005 give
-- way to domains, which app.check_ownership and app.check_valuation_source also validate against
-- (the API's lists are OWNERSHIP_FORMS and VALUATION_SOURCES in server/schemas/assets.ts).
create domain app.ownership_form as text
  check (value in ('sole', 'joint_tenancy_wros', 'tenants_in_common', 'community_property', 'trust_owned', 'tod_pod'));
comment on domain app.ownership_form is 'How a persona holds a share of an asset.';
alter table app.asset_ownerships drop constraint asset_ownerships_ownership_form_check;
alter table app.asset_ownerships alter column ownership_form type app.ownership_form;

create domain app.valuation_source as text check (value in ('manual', 'appraisal', 'statement', 'import'));
comment on domain app.valuation_source is 'Where a valuation of an asset comes from.';
alter table app.asset_valuations drop constraint asset_valuations_source_check;
alter table app.asset_valuations alter column source type app.valuation_source;
