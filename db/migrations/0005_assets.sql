-- Assets: categories (global reference), the base table with its encrypted identifier, the 13
-- type tables, ownerships (never above 100% per asset), dated valuations and permissions.

create table app.asset_categories (
  code text primary key check (code ~ '^[a-z_]{2,40}$'),
  asset_type text not null check (asset_type in ('bank_account', 'investment_account', 'real_estate', 'vehicle', 'business',
    'life_insurance', 'personal_property', 'debt', 'cryptocurrency', 'retirement_account', 'collectible',
    'intellectual_property', 'misc')),
  name text not null,
  is_liability boolean not null default false,
  sort_order integer not null default 0
);
comment on table app.asset_categories is 'Global reference table: the kinds of asset, grouped by the 13 asset types.';
alter table app.asset_categories enable row level security;
-- Readable by every procedure; written only by migrations (RLS is forced after the rows below).
create policy select_reference on app.asset_categories for select using (true);
create trigger _500_audit after insert or update or delete on app.asset_categories
  for each row execute function audit.tg_audit__row();

insert into app.asset_categories (code, asset_type, name, is_liability, sort_order) values
  ('checking', 'bank_account', 'Checking account', false, 10),
  ('savings', 'bank_account', 'Savings account', false, 11),
  ('certificate_of_deposit', 'bank_account', 'Certificate of deposit', false, 12),
  ('brokerage', 'investment_account', 'Brokerage account', false, 20),
  ('education_savings', 'investment_account', 'Education savings (529)', false, 21),
  ('primary_residence', 'real_estate', 'Primary residence', false, 30),
  ('rental_property', 'real_estate', 'Rental property', false, 31),
  ('land', 'real_estate', 'Land', false, 32),
  ('car', 'vehicle', 'Car', false, 40),
  ('boat', 'vehicle', 'Boat', false, 41),
  ('aircraft', 'vehicle', 'Aircraft', false, 42),
  ('private_company', 'business', 'Private company interest', false, 50),
  ('term_life', 'life_insurance', 'Term life insurance', false, 60),
  ('whole_life', 'life_insurance', 'Whole life insurance', false, 61),
  ('jewelry', 'personal_property', 'Jewelry', false, 70),
  ('household', 'personal_property', 'Household goods', false, 71),
  ('mortgage', 'debt', 'Mortgage', true, 80),
  ('loan', 'debt', 'Loan', true, 81),
  ('credit_card', 'debt', 'Credit card', true, 82),
  ('crypto_wallet', 'cryptocurrency', 'Cryptocurrency holding', false, 90),
  ('ira', 'retirement_account', 'IRA', false, 100),
  ('employer_plan', 'retirement_account', '401(k) or employer plan', false, 101),
  ('art', 'collectible', 'Art', false, 110),
  ('wine', 'collectible', 'Wine', false, 111),
  ('patent', 'intellectual_property', 'Patent', false, 120),
  ('copyright', 'intellectual_property', 'Copyright or royalties', false, 121),
  ('other', 'misc', 'Other asset', false, 130);
alter table app.asset_categories force row level security;

create table app.assets (
  tenant_id uuid not null references app.tenants (tenant_id),
  id uuid not null default gen_random_uuid(),
  asset_type text not null,
  category_code text not null references app.asset_categories (code),
  name text not null check (pg_catalog.length(pg_catalog.btrim(name)) between 1 and 200),
  description text check (pg_catalog.length(description) <= 2000),
  currency text not null check (currency ~ '^[A-Z]{3}$'),
  is_liability boolean not null,
  -- The account / policy number or other identifier: AES-256-GCM by the API (keys outside the
  -- database), so a dump alone does not reveal it; only its last four are readable.
  identifier_ciphertext bytea,
  identifier_last4 text check (identifier_last4 ~ '^[0-9A-Za-z]{1,4}$'),
  status text not null default 'active' check (status in ('active', 'archived')),
  created_by_user_id uuid not null,
  search tsvector generated always as (
    pg_catalog.to_tsvector('simple'::regconfig, name || ' ' || coalesce(description, '') || ' ' || pg_catalog.replace(category_code, '_', ' '))) stored,
  created_at timestamptz not null default pg_catalog.now(),
  updated_at timestamptz not null default pg_catalog.now(),
  primary key (tenant_id, id),
  foreign key (tenant_id, created_by_user_id) references app.users (tenant_id, id),
  check ((identifier_ciphertext is null) = (identifier_last4 is null))
);
comment on table app.assets is 'Everything a family owns or owes: the base row of each of the 13 asset types.';
create index assets_category_idx on app.assets (category_code);
create index assets_created_by_idx on app.assets (tenant_id, created_by_user_id);
create index assets_search_idx on app.assets using gin (search);

-- The 13 type tables: one row per asset of that type, keyed by the asset's id.
create table app.asset_bank_accounts (
  tenant_id uuid not null, id uuid not null,
  institution_name text not null check (pg_catalog.length(pg_catalog.btrim(institution_name)) between 1 and 200),
  account_kind text not null check (account_kind in ('checking', 'savings', 'money_market', 'certificate_of_deposit')),
  interest_rate_percent numeric(7,4) check (interest_rate_percent between 0 and 100),
  primary key (tenant_id, id), foreign key (tenant_id, id) references app.assets (tenant_id, id) on delete cascade);
create table app.asset_investment_accounts (
  tenant_id uuid not null, id uuid not null,
  institution_name text not null check (pg_catalog.length(pg_catalog.btrim(institution_name)) between 1 and 200),
  account_kind text not null check (account_kind in ('brokerage', 'managed', 'education_529', 'trust', 'other')),
  is_taxable boolean not null default true,
  primary key (tenant_id, id), foreign key (tenant_id, id) references app.assets (tenant_id, id) on delete cascade);
create table app.asset_real_estate (
  tenant_id uuid not null, id uuid not null,
  property_kind text not null check (property_kind in ('primary_residence', 'vacation_home', 'rental', 'commercial', 'land')),
  address_line1 text not null check (pg_catalog.length(pg_catalog.btrim(address_line1)) between 1 and 200),
  city text not null check (pg_catalog.length(pg_catalog.btrim(city)) between 1 and 100),
  region text check (pg_catalog.length(region) <= 100),
  postal_code text check (pg_catalog.length(postal_code) <= 20),
  country_code text not null check (country_code ~ '^[A-Z]{2}$'),
  purchase_date date, purchase_price numeric(20,2) check (purchase_price >= 0),
  primary key (tenant_id, id), foreign key (tenant_id, id) references app.assets (tenant_id, id) on delete cascade);
create table app.asset_vehicles (
  tenant_id uuid not null, id uuid not null,
  make text not null check (pg_catalog.length(pg_catalog.btrim(make)) between 1 and 100),
  model text not null check (pg_catalog.length(pg_catalog.btrim(model)) between 1 and 100),
  model_year integer check (model_year between 1885 and 2100),
  vin text check (vin ~ '^[A-HJ-NPR-Z0-9]{17}$'),
  primary key (tenant_id, id), foreign key (tenant_id, id) references app.assets (tenant_id, id) on delete cascade);
create table app.asset_businesses (
  tenant_id uuid not null, id uuid not null,
  legal_name text not null check (pg_catalog.length(pg_catalog.btrim(legal_name)) between 1 and 200),
  entity_kind text not null check (entity_kind in ('sole_proprietorship', 'partnership', 'llc', 'c_corp', 's_corp', 'other')),
  jurisdiction text check (pg_catalog.length(jurisdiction) <= 100),
  ownership_units numeric(20,6) check (ownership_units > 0),
  primary key (tenant_id, id), foreign key (tenant_id, id) references app.assets (tenant_id, id) on delete cascade);
create table app.asset_life_insurance (
  tenant_id uuid not null, id uuid not null,
  insurer_name text not null check (pg_catalog.length(pg_catalog.btrim(insurer_name)) between 1 and 200),
  policy_kind text not null check (policy_kind in ('term', 'whole', 'universal', 'variable')),
  face_value numeric(20,2) not null check (face_value > 0),
  insured_persona_id uuid not null,
  term_ends_on date,
  primary key (tenant_id, id), foreign key (tenant_id, id) references app.assets (tenant_id, id) on delete cascade,
  foreign key (tenant_id, insured_persona_id) references app.personas (tenant_id, id),
  check (policy_kind <> 'term' or term_ends_on is not null));
create index asset_life_insurance_insured_idx on app.asset_life_insurance (tenant_id, insured_persona_id);
create table app.asset_personal_property (
  tenant_id uuid not null, id uuid not null,
  item_kind text not null check (pg_catalog.length(pg_catalog.btrim(item_kind)) between 1 and 100),
  location text check (pg_catalog.length(location) <= 200),
  primary key (tenant_id, id), foreign key (tenant_id, id) references app.assets (tenant_id, id) on delete cascade);
create table app.asset_debts (
  tenant_id uuid not null, id uuid not null,
  lender_name text not null check (pg_catalog.length(pg_catalog.btrim(lender_name)) between 1 and 200),
  debt_kind text not null check (debt_kind in ('mortgage', 'auto_loan', 'student_loan', 'personal_loan', 'credit_card', 'line_of_credit', 'other')),
  interest_rate_percent numeric(7,4) not null check (interest_rate_percent between 0 and 100),
  original_principal numeric(20,2) check (original_principal >= 0),
  matures_on date,
  primary key (tenant_id, id), foreign key (tenant_id, id) references app.assets (tenant_id, id) on delete cascade);
create table app.asset_cryptocurrencies (
  tenant_id uuid not null, id uuid not null,
  symbol text not null check (symbol ~ '^[A-Z0-9]{2,10}$'),
  units numeric(30,12) not null check (units >= 0),
  custody text not null check (custody in ('exchange', 'self_custody', 'custodian')),
  -- A public address at most: a private key or seed phrase is never accepted.
  wallet_address text check (wallet_address ~ '^[A-Za-z0-9:]{20,120}$'),
  primary key (tenant_id, id), foreign key (tenant_id, id) references app.assets (tenant_id, id) on delete cascade);
create table app.asset_retirement_accounts (
  tenant_id uuid not null, id uuid not null,
  institution_name text not null check (pg_catalog.length(pg_catalog.btrim(institution_name)) between 1 and 200),
  plan_kind text not null check (plan_kind in ('traditional_ira', 'roth_ira', '401k', 'roth_401k', '403b', 'pension', 'other')),
  primary key (tenant_id, id), foreign key (tenant_id, id) references app.assets (tenant_id, id) on delete cascade);
create table app.asset_collectibles (
  tenant_id uuid not null, id uuid not null,
  collectible_kind text not null check (collectible_kind in ('art', 'antique', 'wine', 'coin', 'stamp', 'memorabilia', 'other')),
  creator text check (pg_catalog.length(creator) <= 200),
  provenance text check (pg_catalog.length(provenance) <= 2000),
  primary key (tenant_id, id), foreign key (tenant_id, id) references app.assets (tenant_id, id) on delete cascade);
create table app.asset_intellectual_property (
  tenant_id uuid not null, id uuid not null,
  ip_kind text not null check (ip_kind in ('patent', 'trademark', 'copyright', 'trade_secret', 'royalty_stream')),
  registration_number text check (pg_catalog.length(registration_number) <= 100),
  expires_on date,
  primary key (tenant_id, id), foreign key (tenant_id, id) references app.assets (tenant_id, id) on delete cascade);
create table app.asset_misc (
  tenant_id uuid not null, id uuid not null,
  notes text check (pg_catalog.length(notes) <= 2000),
  primary key (tenant_id, id), foreign key (tenant_id, id) references app.assets (tenant_id, id) on delete cascade);

create table app.asset_ownerships (
  tenant_id uuid not null,
  id uuid not null default gen_random_uuid(),
  asset_id uuid not null,
  persona_id uuid not null,
  ownership_percentage numeric(7,4) not null check (ownership_percentage > 0 and ownership_percentage <= 100),
  ownership_form text not null check (ownership_form in ('sole', 'joint_tenancy_wros', 'tenants_in_common',
    'community_property', 'trust_owned', 'tod_pod')),
  created_at timestamptz not null default pg_catalog.now(),
  updated_at timestamptz not null default pg_catalog.now(),
  primary key (tenant_id, id),
  unique (tenant_id, asset_id, persona_id),
  foreign key (tenant_id, asset_id) references app.assets (tenant_id, id) on delete cascade,
  foreign key (tenant_id, persona_id) references app.personas (tenant_id, id)
);
comment on table app.asset_ownerships is 'Who owns how much of an asset and how; the shares of one asset never add up to more than 100%.';
create index asset_ownerships_persona_idx on app.asset_ownerships (tenant_id, persona_id);

create table app.asset_valuations (
  tenant_id uuid not null,
  id uuid not null default gen_random_uuid(),
  asset_id uuid not null,
  valued_on date not null,
  amount numeric(20,2) not null check (amount >= 0),
  currency text not null check (currency ~ '^[A-Z]{3}$'),
  source text not null check (source in ('manual', 'appraisal', 'statement', 'import')),
  recorded_by_user_id uuid,
  created_at timestamptz not null default pg_catalog.now(),
  primary key (tenant_id, id),
  foreign key (tenant_id, asset_id) references app.assets (tenant_id, id) on delete cascade,
  foreign key (tenant_id, recorded_by_user_id) references app.users (tenant_id, id)
);
comment on table app.asset_valuations is 'Dated value history of an asset (a debt''s value is what is owed); appended, never overwritten.';
create index asset_valuations_asset_date_idx on app.asset_valuations (tenant_id, asset_id, valued_on desc, created_at desc);
create index asset_valuations_recorded_by_idx on app.asset_valuations (tenant_id, recorded_by_user_id);

create table app.asset_permissions (
  tenant_id uuid not null,
  id uuid not null default gen_random_uuid(),
  asset_id uuid not null,
  grantee_persona_id uuid,
  grantee_ffc_id uuid,
  grantee_ffc_role text check (grantee_ffc_role in ('owner', 'admin', 'member', 'advisor', 'viewer')),
  permission text not null check (permission in ('view', 'edit')),
  granted_by_user_id uuid not null,
  created_at timestamptz not null default pg_catalog.now(),
  updated_at timestamptz not null default pg_catalog.now(),
  primary key (tenant_id, id),
  foreign key (tenant_id, asset_id) references app.assets (tenant_id, id) on delete cascade,
  foreign key (tenant_id, grantee_persona_id) references app.personas (tenant_id, id),
  foreign key (tenant_id, grantee_ffc_id) references app.fwd_family_circles (tenant_id, id),
  foreign key (tenant_id, granted_by_user_id) references app.users (tenant_id, id),
  -- Granted to one persona, or to everyone holding at least a role in one circle.
  check ((grantee_persona_id is not null and grantee_ffc_id is null and grantee_ffc_role is null)
      or (grantee_persona_id is null and grantee_ffc_id is not null and grantee_ffc_role is not null))
);
comment on table app.asset_permissions is 'View or edit rights on an asset for a persona, or for a role (or better) in a circle.';
create unique index asset_permissions_persona_key on app.asset_permissions (tenant_id, asset_id, grantee_persona_id) where grantee_persona_id is not null;
create unique index asset_permissions_ffc_key on app.asset_permissions (tenant_id, asset_id, grantee_ffc_id, grantee_ffc_role) where grantee_ffc_id is not null;
create index asset_permissions_persona_idx on app.asset_permissions (tenant_id, grantee_persona_id);
create index asset_permissions_ffc_idx on app.asset_permissions (tenant_id, grantee_ffc_id);
create index asset_permissions_granted_by_idx on app.asset_permissions (tenant_id, granted_by_user_id);

do $$
declare
  v_spec record;
begin
  for v_spec in
    select * from (values
      ('assets', array['identifier_ciphertext', 'identifier_last4']),
      ('asset_bank_accounts', array[]::text[]), ('asset_investment_accounts', array[]::text[]),
      ('asset_real_estate', array['address_line1', 'postal_code']), ('asset_vehicles', array['vin']),
      ('asset_businesses', array[]::text[]), ('asset_life_insurance', array[]::text[]),
      ('asset_personal_property', array[]::text[]), ('asset_debts', array[]::text[]),
      ('asset_cryptocurrencies', array['wallet_address']), ('asset_retirement_accounts', array[]::text[]),
      ('asset_collectibles', array[]::text[]), ('asset_intellectual_property', array[]::text[]),
      ('asset_misc', array[]::text[]), ('asset_ownerships', array[]::text[]),
      ('asset_valuations', array[]::text[]), ('asset_permissions', array[]::text[])
    ) as t(table_name, redacted)
  loop
    execute pg_catalog.format('alter table app.%I enable row level security', v_spec.table_name);
    execute pg_catalog.format('alter table app.%I force row level security', v_spec.table_name);
    execute pg_catalog.format(
      'create policy all_own_tenant on app.%I for all using (tenant_id = (select app.current_tenant_id())) '
      'with check (tenant_id = (select app.current_tenant_id()))', v_spec.table_name);
    if exists (select 1 from pg_catalog.pg_attribute
               where attrelid = pg_catalog.format('app.%I', v_spec.table_name)::regclass and attname = 'updated_at') then
      execute pg_catalog.format(
        'create trigger _100_timestamps before update on app.%I for each row execute function app.tg__set_updated_at()',
        v_spec.table_name);
    end if;
    execute pg_catalog.format(
      'create trigger _500_audit after insert or update or delete on app.%I for each row execute function audit.tg_audit__row(%s)',
      v_spec.table_name,
      coalesce((select pg_catalog.string_agg(pg_catalog.quote_literal(c), ', ') from pg_catalog.unnest(v_spec.redacted) c), ''));
  end loop;
end
$$;

create function app.tg_asset_valuations__append_only() returns trigger
  language plpgsql
  set search_path = pg_catalog, pg_temp
as $$
begin
  raise exception using errcode = 'PT409', message = 'valuations are history: record a new one instead', hint = 'valuation_immutable';
end
$$;
comment on function app.tg_asset_valuations__append_only() is 'Valuations are appended, never overwritten.';
create trigger _000_append_only before update on app.asset_valuations
  for each statement execute function app.tg_asset_valuations__append_only();
