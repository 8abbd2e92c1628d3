-- Billing: plans with their limits (platform defaults, overridable per tenant), each user's
-- subscription and the history of its plan changes, seats, usage counters kept by triggers,
-- payment methods (processor tokens only), invoices, payment transactions, refunds, the general
-- ledger, and the Stripe webhook events with the routes that lead an event to its tenant.

------------------------------------------------------------------------------------------------
-- One helper for the protection every tenant table gets (RLS forced, the tenant policy,
-- updated_at maintenance, the audit trigger with its redacted columns).
------------------------------------------------------------------------------------------------

create function app.protect_tenant_table(p_table text, p_redacted text[] default '{}') returns void
  language plpgsql volatile
  set search_path = pg_catalog, pg_temp
as $$
begin
  execute pg_catalog.format('alter table app.%I enable row level security', p_table);
  execute pg_catalog.format('alter table app.%I force row level security', p_table);
  execute pg_catalog.format(
    'create policy all_own_tenant on app.%I for all using (tenant_id = (select app.current_tenant_id())) '
    'with check (tenant_id = (select app.current_tenant_id()))', p_table);
  if exists (select 1 from pg_catalog.pg_attribute a
              where a.attrelid = pg_catalog.format('app.%I', p_table)::regclass and a.attname = 'updated_at' and not a.attisdropped) then
    execute pg_catalog.format(
      'create trigger _100_timestamps before update on app.%I for each row execute function app.tg__set_updated_at()', p_table);
  end if;
  execute pg_catalog.format(
    'create trigger _500_audit after insert or update or delete on app.%I for each row execute function audit.tg_audit__row(%s)',
    p_table, coalesce((select pg_catalog.string_agg(pg_catalog.quote_literal(c), ', ') from pg_catalog.unnest(p_redacted) c), ''));
end
$$;
comment on function app.protect_tenant_table(text, text[]) is
  'Migrations only: forces RLS with the tenant policy, and adds the updated_at and audit triggers (redacting the named columns).';

------------------------------------------------------------------------------------------------
-- Plans (global reference data) and their limits; tenants override price, Stripe price and limits.
------------------------------------------------------------------------------------------------

create table app.subscription_plans (
  id uuid primary key default gen_random_uuid(),
  code text not null unique check (code ~ '^[a-z][a-z0-9_]{1,39}$'),
  name text not null,
  description text not null,
  price_amount numeric(12,2) not null check (price_amount >= 0),
  currency text not null check (currency ~ '^[A-Z]{3}$'),
  billing_interval text check (billing_interval in ('month', 'year')),
  stripe_price_id text unique check (stripe_price_id ~ '^price_[A-Za-z0-9_]+$'),
  sort_order integer not null default 0,
  created_at timestamptz not null default pg_catalog.now(),
  updated_at timestamptz not null default pg_catalog.now(),
  check ((price_amount = 0) = (billing_interval is null))
);
comment on table app.subscription_plans is 'Global reference table: the platform''s plans and default prices (the free plan has no interval).';

create table app.plan_features (
  plan_id uuid not null references app.subscription_plans (id),
  feature_key text not null check (feature_key in ('max_ffcs', 'max_seats', 'max_assets', 'max_storage_mb')),
  limit_value bigint check (limit_value >= 0),
  created_at timestamptz not null default pg_catalog.now(),
  updated_at timestamptz not null default pg_catalog.now(),
  primary key (plan_id, feature_key)
);
comment on table app.plan_features is 'Global reference table: each plan''s limits (NULL = unlimited).';

do $$
declare
  v_table text;
begin
  foreach v_table in array array['subscription_plans', 'plan_features'] loop
    execute pg_catalog.format('alter table app.%I enable row level security', v_table);
    execute pg_catalog.format('create policy select_reference on app.%I for select using (true)', v_table);
    execute pg_catalog.format(
      'create trigger _100_timestamps before update on app.%I for each row execute function app.tg__set_updated_at()', v_table);
    execute pg_catalog.format(
      'create trigger _500_audit after insert or update or delete on app.%I for each row execute function audit.tg_audit__row()', v_table);
  end loop;
end
$$;

insert into app.subscription_plans (code, name, description, price_amount, currency, billing_interval, sort_order) values
  ('free', 'Free', 'One circle for yourself: keep track of your own wealth.', 0, 'USD', null, 10),
  ('family', 'Family', 'A few circles for a whole family, with room for everyone.', 19.00, 'USD', 'month', 20),
  ('advisor', 'Advisor', 'For an advisor serving several families.', 99.00, 'USD', 'month', 30),
  ('advisor_pro', 'Advisor Pro', 'For a practice: unlimited circles and assets.', 299.00, 'USD', 'month', 40);

insert into app.plan_features (plan_id, feature_key, limit_value)
select p.id, f.feature_key, f.limit_value
  from (values
    ('free', 'max_ffcs', 1), ('free', 'max_seats', 1), ('free', 'max_assets', 25), ('free', 'max_storage_mb', 10),
    ('family', 'max_ffcs', 3), ('family', 'max_seats', 10), ('family', 'max_assets', 500), ('family', 'max_storage_mb', 250),
    ('advisor', 'max_ffcs', 25), ('advisor', 'max_seats', 50), ('advisor', 'max_assets', 5000), ('advisor', 'max_storage_mb', 2500),
    ('advisor_pro', 'max_ffcs', null), ('advisor_pro', 'max_seats', 250), ('advisor_pro', 'max_assets', null), ('advisor_pro', 'max_storage_mb', 25000)
  ) as f(plan_code, feature_key, limit_value)
  join app.subscription_plans p on p.code = f.plan_code;

alter table app.subscription_plans force row level security;
alter table app.plan_features force row level security;

create table app.tenant_plan_settings (
  tenant_id uuid not null references app.tenants (tenant_id),
  id uuid not null default gen_random_uuid(),
  plan_id uuid not null references app.subscription_plans (id),
  is_available boolean not null default true,
  price_amount numeric check (pg_catalog.scale(price_amount) <= 3 and price_amount >= 0),
  currency text check (currency ~ '^[A-Z]{3}$'),
  stripe_price_id text check (stripe_price_id ~ '^price_[A-Za-z0-9_]+$'),
  -- {"max_assets": 100} overrides one limit; {"max_assets": null} makes it unlimited.
  feature_limits jsonb not null default '{}' check (pg_catalog.jsonb_typeof(feature_limits) = 'object'),
  created_at timestamptz not null default pg_catalog.now(),
  updated_at timestamptz not null default pg_catalog.now(),
  primary key (tenant_id, id),
  unique (tenant_id, plan_id),
  check ((price_amount is null) = (currency is null))
);
comment on table app.tenant_plan_settings is 'A tenant''s overrides of a plan: availability, price, Stripe price and limits.';
create index tenant_plan_settings_plan_idx on app.tenant_plan_settings (plan_id);
create unique index tenant_plan_settings_stripe_price_key on app.tenant_plan_settings (tenant_id, stripe_price_id);

------------------------------------------------------------------------------------------------
-- Subscriptions: each user has exactly one live subscription (ended_at is null) from
-- registration on; Stripe is the source of truth for paid ones.
------------------------------------------------------------------------------------------------

create table app.subscriptions (
  tenant_id uuid not null references app.tenants (tenant_id),
  id uuid not null default gen_random_uuid(),
  user_id uuid not null,
  plan_id uuid not null references app.subscription_plans (id),
  -- an upgrade asked for here, in force once Stripe reports the subscription on its price
  pending_plan_id uuid references app.subscription_plans (id),
  -- when the user last asked for a plan: Stripe events from before it do not undo it
  plan_requested_at timestamptz,
  status text not null check (status in ('incomplete', 'incomplete_expired', 'trialing', 'active', 'past_due',
                                         'unpaid', 'canceled', 'paused')),
  stripe_customer_id text check (stripe_customer_id ~ '^cus_[A-Za-z0-9]+$'),
  stripe_subscription_id text unique check (stripe_subscription_id ~ '^sub_[A-Za-z0-9]+$'),
  current_period_start timestamptz,
  current_period_end timestamptz,
  cancel_at_period_end boolean not null default false,
  canceled_at timestamptz,
  ended_at timestamptz,
  -- created time of the newest Stripe subscription event applied (older ones never roll it back)
  stripe_synced_at timestamptz,
  -- created time of the newest event of any kind (subscription, invoice, payment) that set status
  status_synced_at timestamptz,
  created_at timestamptz not null default pg_catalog.now(),
  updated_at timestamptz not null default pg_catalog.now(),
  primary key (tenant_id, id),
  foreign key (tenant_id, user_id) references app.users (tenant_id, id),
  check ((ended_at is null) = (status not in ('canceled', 'incomplete_expired')))
);
comment on table app.subscriptions is 'Each user''s subscriptions; exactly one is live (not ended) at a time.';
create unique index subscriptions_one_live_per_user on app.subscriptions (tenant_id, user_id) where ended_at is null;
create index subscriptions_user_idx on app.subscriptions (tenant_id, user_id);
create index subscriptions_plan_idx on app.subscriptions (plan_id);
create index subscriptions_pending_plan_idx on app.subscriptions (pending_plan_id);
create index subscriptions_customer_idx on app.subscriptions (tenant_id, stripe_customer_id);

create table app.subscription_plan_changes (
  tenant_id uuid not null,
  id uuid not null default gen_random_uuid(),
  subscription_id uuid not null,
  from_plan_id uuid references app.subscription_plans (id),
  to_plan_id uuid not null references app.subscription_plans (id),
  change_kind text not null check (change_kind in ('assigned', 'upgrade', 'downgrade', 'canceled', 'reverted_to_free')),
  source text not null check (source in ('user', 'stripe', 'support', 'system')),
  changed_by_user_id uuid,
  stripe_event_id text,
  -- the clock, not the transaction's start: changes made in one transaction keep their order
  created_at timestamptz not null default pg_catalog.clock_timestamp(),
  primary key (tenant_id, id),
  foreign key (tenant_id, subscription_id) references app.subscriptions (tenant_id, id),
  foreign key (tenant_id, changed_by_user_id) references app.users (tenant_id, id)
);
comment on table app.subscription_plan_changes is 'History of plan changes: who or what (user, Stripe event, support) moved which subscription from which plan to which.';
create index subscription_plan_changes_subscription_idx on app.subscription_plan_changes (tenant_id, subscription_id, created_at);
create index subscription_plan_changes_user_idx on app.subscription_plan_changes (tenant_id, changed_by_user_id);
create index subscription_plan_changes_from_idx on app.subscription_plan_changes (from_plan_id);
create index subscription_plan_changes_to_idx on app.subscription_plan_changes (to_plan_id);

------------------------------------------------------------------------------------------------
-- Seats and usage counters: billed to the subscriber (the user who created the circle / asset).
------------------------------------------------------------------------------------------------

create table app.subscription_seats (
  tenant_id uuid not null,
  id uuid not null default gen_random_uuid(),
  subscriber_user_id uuid not null,
  persona_id uuid not null,
  first_ffc_id uuid not null,
  status text not null default 'active' check (status in ('active', 'released')),
  assigned_at timestamptz not null default pg_catalog.now(),
  released_at timestamptz,
  created_at timestamptz not null default pg_catalog.now(),
  updated_at timestamptz not null default pg_catalog.now(),
  primary key (tenant_id, id),
  foreign key (tenant_id, subscriber_user_id) references app.users (tenant_id, id),
  foreign key (tenant_id, persona_id) references app.personas (tenant_id, id),
  foreign key (tenant_id, first_ffc_id) references app.fwd_family_circles (tenant_id, id),
  check ((status = 'released') = (released_at is not null))
);
comment on table app.subscription_seats is 'Seats: each person in a subscriber''s circles holds one (once, however many of those circles they are in).';
create unique index subscription_seats_one_active on app.subscription_seats (tenant_id, subscriber_user_id, persona_id)
  where status = 'active';
create index subscription_seats_subscriber_idx on app.subscription_seats (tenant_id, subscriber_user_id);
create index subscription_seats_persona_idx on app.subscription_seats (tenant_id, persona_id);
create index subscription_seats_ffc_idx on app.subscription_seats (tenant_id, first_ffc_id);

create table app.usage_records (
  tenant_id uuid not null,
  id uuid not null default gen_random_uuid(),
  user_id uuid not null,
  metric text not null check (metric in ('ffcs', 'seats', 'assets', 'storage_bytes')),
  quantity bigint not null default 0 check (quantity >= 0),
  created_at timestamptz not null default pg_catalog.now(),
  updated_at timestamptz not null default pg_catalog.now(),
  primary key (tenant_id, id),
  unique (tenant_id, user_id, metric),
  foreign key (tenant_id, user_id) references app.users (tenant_id, id)
);
comment on table app.usage_records is 'What each subscriber uses now (circles, seats, assets, bytes of asset records), kept by triggers.';

------------------------------------------------------------------------------------------------
-- Payment methods, invoices, payment transactions, refunds and the ledger.
------------------------------------------------------------------------------------------------

create table app.payment_methods (
  tenant_id uuid not null,
  id uuid not null default gen_random_uuid(),
  user_id uuid not null,
  stripe_payment_method_id text not null check (stripe_payment_method_id ~ '^pm_[A-Za-z0-9]{6,}$'
                                                 and stripe_payment_method_id !~ '[0-9]{12}'),
  kind text not null check (kind in ('card', 'us_bank_account', 'sepa_debit')),
  brand text not null check (brand ~ '^[a-z_]{2,30}$'),
  last4 text not null check (last4 ~ '^[0-9]{4}$'),
  exp_month smallint check (exp_month between 1 and 12),
  exp_year smallint check (exp_year between 2000 and 2100),
  is_default boolean not null default false,
  status text not null default 'active' check (status in ('active', 'removed')),
  removed_at timestamptz,
  created_at timestamptz not null default pg_catalog.now(),
  updated_at timestamptz not null default pg_catalog.now(),
  primary key (tenant_id, id),
  foreign key (tenant_id, user_id) references app.users (tenant_id, id),
  check ((status = 'removed') = (removed_at is not null)),
  check (not (is_default and status = 'removed')),
  check ((kind = 'card') = (exp_month is not null and exp_year is not null))
);
comment on table app.payment_methods is 'Payment methods as the processor''s tokens with brand and last four: never a card or account number.';
create unique index payment_methods_stripe_key on app.payment_methods (tenant_id, stripe_payment_method_id) where status = 'active';
create unique index payment_methods_one_default on app.payment_methods (tenant_id, user_id) where is_default;
create index payment_methods_user_idx on app.payment_methods (tenant_id, user_id);

create table app.invoices (
  tenant_id uuid not null,
  id uuid not null default gen_random_uuid(),
  subscription_id uuid not null,
  stripe_invoice_id text not null unique check (stripe_invoice_id ~ '^in_[A-Za-z0-9]+$'),
  number text,
  status text not null check (status in ('draft', 'open', 'paid', 'void', 'uncollectible')),
  currency text not null check (currency ~ '^[A-Z]{3}$'),
  amount_due numeric not null check (pg_catalog.scale(amount_due) <= 3 and amount_due >= 0),
  amount_paid numeric not null default 0 check (pg_catalog.scale(amount_paid) <= 3 and amount_paid >= 0),
  amount_remaining numeric not null default 0 check (pg_catalog.scale(amount_remaining) <= 3 and amount_remaining >= 0),
  attempt_count integer not null default 0 check (attempt_count >= 0),
  billing_reason text,
  period_start timestamptz,
  period_end timestamptz,
  hosted_invoice_url text check (hosted_invoice_url ~ '^https://'),
  finalized_at timestamptz,
  paid_at timestamptz,
  stripe_synced_at timestamptz not null,
  created_at timestamptz not null default pg_catalog.now(),
  updated_at timestamptz not null default pg_catalog.now(),
  primary key (tenant_id, id),
  foreign key (tenant_id, subscription_id) references app.subscriptions (tenant_id, id)
);
comment on table app.invoices is 'Invoices as Stripe issues them for a subscription (amounts in the currency''s units).';
create index invoices_subscription_idx on app.invoices (tenant_id, subscription_id, created_at desc);

create table app.payment_transactions (
  tenant_id uuid not null,
  id uuid not null default gen_random_uuid(),
  subscription_id uuid not null,
  stripe_invoice_id text check (stripe_invoice_id ~ '^in_[A-Za-z0-9]+$'),
  stripe_payment_intent_id text not null unique check (stripe_payment_intent_id ~ '^pi_[A-Za-z0-9]+$'),
  stripe_charge_id text unique check (stripe_charge_id ~ '^(ch|py)_[A-Za-z0-9]+$'),
  status text not null check (status in ('succeeded', 'failed')),
  amount numeric not null check (pg_catalog.scale(amount) <= 3 and amount > 0),
  currency text not null check (currency ~ '^[A-Z]{3}$'),
  amount_refunded numeric not null default 0 check (pg_catalog.scale(amount_refunded) <= 3 and amount_refunded >= 0),
  failure_code text,
  failure_message text,
  succeeded_at timestamptz,
  stripe_synced_at timestamptz not null,
  created_at timestamptz not null default pg_catalog.now(),
  updated_at timestamptz not null default pg_catalog.now(),
  primary key (tenant_id, id),
  foreign key (tenant_id, subscription_id) references app.subscriptions (tenant_id, id),
  check (amount_refunded <= amount),
  check ((status = 'succeeded') = (succeeded_at is not null))
);
comment on table app.payment_transactions is 'One row per Stripe payment (PaymentIntent): its outcome, amount and how much of it was refunded.';
create index payment_transactions_subscription_idx on app.payment_transactions (tenant_id, subscription_id, created_at desc);
create index payment_transactions_invoice_idx on app.payment_transactions (tenant_id, stripe_invoice_id);

create table app.refunds (
  tenant_id uuid not null,
  id uuid not null default gen_random_uuid(),
  payment_transaction_id uuid not null,
  amount numeric not null check (pg_catalog.scale(amount) <= 3 and amount > 0),
  currency text not null check (currency ~ '^[A-Z]{3}$'),
  -- Stripe reports the charge's refunded total; each row is the step from the previous total
  refunded_total numeric not null check (pg_catalog.scale(refunded_total) <= 3 and refunded_total >= amount),
  stripe_event_id text not null,
  created_at timestamptz not null default pg_catalog.now(),
  primary key (tenant_id, id),
  unique (tenant_id, payment_transaction_id, refunded_total),
  foreign key (tenant_id, payment_transaction_id) references app.payment_transactions (tenant_id, id)
);
comment on table app.refunds is 'Refunds of a payment, one row per increase of its refunded total.';

create table app.general_ledger (
  tenant_id uuid not null,
  id uuid not null default gen_random_uuid(),
  entry_type text not null check (entry_type in ('payment', 'refund')),
  -- signed: payments add, refunds subtract; the balance is the sum
  amount numeric not null check (pg_catalog.scale(amount) <= 3),
  currency text not null check (currency ~ '^[A-Z]{3}$'),
  subscription_id uuid not null,
  payment_transaction_id uuid not null,
  refund_id uuid,
  description text not null,
  posted_at timestamptz not null default pg_catalog.now(),
  primary key (tenant_id, id),
  foreign key (tenant_id, subscription_id) references app.subscriptions (tenant_id, id),
  foreign key (tenant_id, payment_transaction_id) references app.payment_transactions (tenant_id, id),
  foreign key (tenant_id, refund_id) references app.refunds (tenant_id, id),
  check ((entry_type = 'payment' and amount > 0 and refund_id is null) or (entry_type = 'refund' and amount < 0 and refund_id is not null))
);
comment on table app.general_ledger is 'Single-entry ledger of money in (payments) and out (refunds); appended, never changed.';
create unique index general_ledger_one_payment_entry on app.general_ledger (tenant_id, payment_transaction_id) where entry_type = 'payment';
create unique index general_ledger_one_refund_entry on app.general_ledger (tenant_id, refund_id);
create index general_ledger_subscription_idx on app.general_ledger (tenant_id, subscription_id);
create index general_ledger_payment_idx on app.general_ledger (tenant_id, payment_transaction_id);
create index general_ledger_posted_brin on app.general_ledger using brin (posted_at);

create function app.tg_general_ledger__append_only() returns trigger
  language plpgsql
  set search_path = pg_catalog, pg_temp
as $$
begin
  raise exception using errcode = 'PT409', message = 'the ledger is appended to, never changed', hint = 'ledger_immutable';
end
$$;
comment on function app.tg_general_ledger__append_only() is 'Ledger entries are appended, never updated or deleted.';
create trigger _000_append_only before update or delete on app.general_ledger
  for each statement execute function app.tg_general_ledger__append_only();

------------------------------------------------------------------------------------------------
-- Stripe: received events (each applied once) and the routes from Stripe ids to tenants.
------------------------------------------------------------------------------------------------

create table app.stripe_webhook_events (
  tenant_id uuid not null,
  id uuid not null default gen_random_uuid(),
  stripe_event_id text not null unique check (stripe_event_id ~ '^evt_[A-Za-z0-9]+$'),
  event_type text not null,
  object_id text,
  event_created_at timestamptz not null,
  livemode boolean not null,
  payload jsonb not null,
  outcome text not null check (outcome in ('applied', 'stale', 'ignored')),
  received_at timestamptz not null default pg_catalog.now(),
  primary key (tenant_id, id)
);
comment on table app.stripe_webhook_events is 'Every verified Stripe event received, once (unique event id), with what applying it did.';
create index stripe_webhook_events_object_idx on app.stripe_webhook_events (tenant_id, object_id, event_created_at);
create index stripe_webhook_events_received_brin on app.stripe_webhook_events using brin (received_at);

create table app.stripe_routes (
  tenant_id uuid not null references app.tenants (tenant_id),
  id uuid not null default gen_random_uuid(),
  -- a Stripe id (cus_, sub_, in_, pi_, ch_) or our own subscription id carried in Stripe metadata
  routing_key text not null unique,
  created_at timestamptz not null default pg_catalog.now(),
  primary key (tenant_id, id)
);
comment on table app.stripe_routes is 'Which tenant a Stripe object belongs to, so a webhook event (which names no tenant) reaches only that tenant.';

select app.protect_tenant_table(t.name, t.redacted)
  from (values
    ('tenant_plan_settings', array[]::text[]),
    ('subscriptions', array[]::text[]),
    ('subscription_plan_changes', array[]::text[]),
    ('subscription_seats', array[]::text[]),
    ('usage_records', array[]::text[]),
    ('payment_methods', array[]::text[]),
    ('invoices', array['hosted_invoice_url']),
    ('payment_transactions', array[]::text[]),
    ('refunds', array[]::text[]),
    ('general_ledger', array[]::text[]),
    ('stripe_webhook_events', array['payload'])
  ) as t(name, redacted);

-- Routing data is read before the tenant is known (as the token routing of 0001 is); it holds
-- only opaque ids and tenant ids. Writing stays inside the tenant.
alter table app.stripe_routes enable row level security;
alter table app.stripe_routes force row level security;
create policy select_for_webhook_routing on app.stripe_routes for select using (true);
create policy write_own_tenant on app.stripe_routes for all using (tenant_id = (select app.current_tenant_id()))
  with check (tenant_id = (select app.current_tenant_id()));
create trigger _500_audit after insert or update or delete on app.stripe_routes
  for each row execute function audit.tg_audit__row();

------------------------------------------------------------------------------------------------
-- Limits and usage tracking (used by the triggers below and by the procedures).
------------------------------------------------------------------------------------------------

create function app.plan_limits(p_tenant_id uuid, p_plan_id uuid)
  returns table (max_ffcs bigint, max_seats bigint, max_assets bigint, max_storage_bytes bigint)
  language sql stable security definer
  set search_path = pg_catalog, pg_temp
as $$
  select max(v.limit_value) filter (where v.feature_key = 'max_ffcs'),
         max(v.limit_value) filter (where v.feature_key = 'max_seats'),
         max(v.limit_value) filter (where v.feature_key = 'max_assets'),
         max(v.limit_value) filter (where v.feature_key = 'max_storage_mb') * 1048576
    from (select f.feature_key,
                 case when s.feature_limits ? f.feature_key then (s.feature_limits ->> f.feature_key)::bigint
                      else f.limit_value end as limit_value
            from app.plan_features f
            left join app.tenant_plan_settings s on s.tenant_id = p_tenant_id and s.plan_id = f.plan_id
           where f.plan_id = p_plan_id) v
$$;
comment on function app.plan_limits(uuid, uuid) is 'A plan''s limits in a tenant (its overrides applied); NULL means unlimited.';

create function app.free_plan_id() returns uuid
  language sql stable
  set search_path = pg_catalog, pg_temp
as $$ select p.id from app.subscription_plans p where p.code = 'free' $$;
comment on function app.free_plan_id() is 'The free plan, the one every user falls back to.';

create function app.effective_plan_id(p_tenant_id uuid, p_user_id uuid) returns uuid
  language sql stable security definer
  set search_path = pg_catalog, pg_temp
as $$
  -- A paid plan counts while Stripe collects for it (trialing, active, past due); otherwise free.
  select coalesce((select s.plan_id from app.subscriptions s
                    where s.tenant_id = p_tenant_id and s.user_id = p_user_id and s.ended_at is null
                      and s.status in ('trialing', 'active', 'past_due')),
                  app.free_plan_id())
$$;
comment on function app.effective_plan_id(uuid, uuid) is 'The plan whose limits apply to a user now.';

create function app.track_usages(p_tenant_id uuid, p_user_id uuid, p_metrics text[], p_deltas bigint[]) returns void
  language plpgsql volatile security definer
  set search_path = pg_catalog, pg_temp
as $$
declare
  v_quantities bigint[] := '{}';
  v_quantity bigint;
  v_limits record;
  v_limit bigint;
  v_index integer;
begin
  -- Each upsert locks its counter row (callers name metrics in alphabetical order, the order a
  -- plan change locks them in): concurrent writers for one subscriber queue here, so the check
  -- below always sees the count including every committed earlier change.
  for v_index in 1 .. pg_catalog.cardinality(p_metrics) loop
    insert into app.usage_records as u (tenant_id, user_id, metric, quantity)
    values (p_tenant_id, p_user_id, p_metrics[v_index], greatest(p_deltas[v_index], 0))
    on conflict (tenant_id, user_id, metric)
    do update set quantity = greatest(u.quantity + p_deltas[v_index], 0)
    returning u.quantity into v_quantity;
    v_quantities := v_quantities || v_quantity;
  end loop;

  if 0 < any (p_deltas) then
    -- One lookup of the limits for all the metrics of this change.
    select * into v_limits from app.plan_limits(p_tenant_id, app.effective_plan_id(p_tenant_id, p_user_id));
    for v_index in 1 .. pg_catalog.cardinality(p_metrics) loop
      continue when p_deltas[v_index] <= 0;
      v_limit := case p_metrics[v_index] when 'ffcs' then v_limits.max_ffcs when 'seats' then v_limits.max_seats
                                         when 'assets' then v_limits.max_assets else v_limits.max_storage_bytes end;
      if v_limit is not null and v_quantities[v_index] > v_limit then
        perform app.fail('PT402',
          case p_metrics[v_index] when 'ffcs' then 'ffc_limit_reached' when 'seats' then 'seat_limit_reached'
                                  when 'assets' then 'asset_limit_reached' else 'storage_limit_reached' end,
          pg_catalog.format('the plan allows %s %s: upgrade the plan to add more', v_limit,
            case p_metrics[v_index] when 'ffcs' then 'family circles' when 'seats' then 'seats'
                                    when 'assets' then 'assets' else 'bytes of storage' end));
      end if;
    end loop;
  end if;
end
$$;
comment on function app.track_usages(uuid, uuid, text[], bigint[]) is
  'Adds to a subscriber''s usage counters under their row locks and refuses (402) an increase past the plan''s limit.';

create function app.track_usage(p_tenant_id uuid, p_user_id uuid, p_metric text, p_delta bigint) returns void
  language sql volatile security definer
  set search_path = pg_catalog, pg_temp
as $$ select app.track_usages(p_tenant_id, p_user_id, array[p_metric], array[p_delta]) $$;
comment on function app.track_usage(uuid, uuid, text, bigint) is 'app.track_usages for one counter.';

create function app.tg_fwd_family_circles__usage() returns trigger
  language plpgsql
  set search_path = pg_catalog, pg_temp
as $$
begin
  perform app.track_usage(new.tenant_id, new.created_by_user_id, 'ffcs', 1);
  return null;
end
$$;
comment on function app.tg_fwd_family_circles__usage() is 'Counts a new circle against its creator''s plan.';
create trigger _300_usage after insert on app.fwd_family_circles
  for each row execute function app.tg_fwd_family_circles__usage();

create function app.tg_assets__usage() returns trigger
  language plpgsql
  set search_path = pg_catalog, pg_temp
as $$
begin
  if tg_op = 'INSERT' then
    perform app.track_usages(new.tenant_id, new.created_by_user_id, array['assets', 'storage_bytes'],
                             array[1, pg_catalog.pg_column_size(new)]::bigint[]);
  elsif tg_op = 'DELETE' then
    perform app.track_usages(old.tenant_id, old.created_by_user_id, array['assets', 'storage_bytes'],
                             array[-1, -pg_catalog.pg_column_size(old)]::bigint[]);
  elsif pg_catalog.pg_column_size(new) <> pg_catalog.pg_column_size(old) then
    perform app.track_usage(new.tenant_id, new.created_by_user_id, 'storage_bytes',
                            pg_catalog.pg_column_size(new) - pg_catalog.pg_column_size(old));
  end if;
  return null;
end
$$;
comment on function app.tg_assets__usage() is 'Counts assets and the bytes of their records against their creator''s plan.';
create trigger _300_usage after insert or update or delete on app.assets
  for each row execute function app.tg_assets__usage();

create function app.tg_ffc_memberships__seats() returns trigger
  language plpgsql
  set search_path = pg_catalog, pg_temp
as $$
declare
  v_subscriber uuid;
  v_was_active boolean := tg_op = 'UPDATE' and old.status = 'active';
  v_is_active boolean := new.status = 'active';
begin
  if v_was_active = v_is_active and (tg_op = 'INSERT' or old.persona_id = new.persona_id) then
    return null;
  end if;
  select c.created_by_user_id into v_subscriber
    from app.fwd_family_circles c where c.tenant_id = new.tenant_id and c.id = new.ffc_id;
  -- Lock the subscriber's seat counter first: seat changes of one subscriber happen one at a time.
  perform app.track_usage(new.tenant_id, v_subscriber, 'seats', 0);

  if v_is_active and not exists (
       select 1 from app.subscription_seats s
        where s.tenant_id = new.tenant_id and s.subscriber_user_id = v_subscriber
          and s.persona_id = new.persona_id and s.status = 'active') then
    insert into app.subscription_seats (tenant_id, subscriber_user_id, persona_id, first_ffc_id)
    values (new.tenant_id, v_subscriber, new.persona_id, new.ffc_id);
    perform app.track_usage(new.tenant_id, v_subscriber, 'seats', 1);
  elsif not v_is_active and not exists (
       select 1 from app.ffc_memberships m
         join app.fwd_family_circles c on c.tenant_id = m.tenant_id and c.id = m.ffc_id
        where m.tenant_id = new.tenant_id and m.persona_id = new.persona_id and m.status = 'active'
          and c.created_by_user_id = v_subscriber) then
    update app.subscription_seats s set status = 'released', released_at = pg_catalog.now()
     where s.tenant_id = new.tenant_id and s.subscriber_user_id = v_subscriber
       and s.persona_id = new.persona_id and s.status = 'active';
    if found then
      perform app.track_usage(new.tenant_id, v_subscriber, 'seats', -1);
    end if;
  end if;
  return null;
end
$$;
comment on function app.tg_ffc_memberships__seats() is
  'Seat management: a person joining a subscriber''s circles takes one seat (refused past the plan''s limit); leaving the last one frees it.';
create trigger _300_seats after insert or update of status on app.ffc_memberships
  for each row execute function app.tg_ffc_memberships__seats();

------------------------------------------------------------------------------------------------
-- Existing users: a free subscription, their seats and their usage counted from the data.
------------------------------------------------------------------------------------------------

do $$
declare
  v_tenants uuid[];
  v_tenant_id uuid;
begin
  -- The owner reads the list of tenants past RLS for a moment (inside this migration's
  -- transaction); everything else runs inside each tenant's boundary in turn.
  alter table app.tenants no force row level security;
  select coalesce(pg_catalog.array_agg(t.tenant_id), '{}') into v_tenants from app.tenants t;
  alter table app.tenants force row level security;
  foreach v_tenant_id in array v_tenants loop
    perform pg_catalog.set_config('app.tenant_id', v_tenant_id::text, true);
    insert into app.subscriptions (tenant_id, user_id, plan_id, status)
    select u.tenant_id, u.id, app.free_plan_id(), 'active' from app.users u where u.tenant_id = v_tenant_id;
    insert into app.subscription_plan_changes (tenant_id, subscription_id, to_plan_id, change_kind, source)
    select s.tenant_id, s.id, s.plan_id, 'assigned', 'system' from app.subscriptions s where s.tenant_id = v_tenant_id;
    insert into app.subscription_seats (tenant_id, subscriber_user_id, persona_id, first_ffc_id)
    select distinct on (c.created_by_user_id, m.persona_id) m.tenant_id, c.created_by_user_id, m.persona_id, m.ffc_id
      from app.ffc_memberships m
      join app.fwd_family_circles c on c.tenant_id = m.tenant_id and c.id = m.ffc_id
     where m.tenant_id = v_tenant_id and m.status = 'active'
     order by c.created_by_user_id, m.persona_id, m.created_at;
    insert into app.usage_records (tenant_id, user_id, metric, quantity)
    select u.tenant_id, u.id, x.metric, x.quantity
      from app.users u
     cross join lateral (values
       ('ffcs', (select count(*) from app.fwd_family_circles c where c.tenant_id = u.tenant_id and c.created_by_user_id = u.id)),
       ('seats', (select count(*) from app.subscription_seats s where s.tenant_id = u.tenant_id and s.subscriber_user_id = u.id)),
       ('assets', (select count(*) from app.assets a where a.tenant_id = u.tenant_id and a.created_by_user_id = u.id)),
       ('storage_bytes', (select coalesce(sum(pg_catalog.pg_column_size(a.*)), 0) from app.assets a
                           where a.tenant_id = u.tenant_id and a.created_by_user_id = u.id))
     ) as x(metric, quantity)
     where u.tenant_id = v_tenant_id;
  end loop;
  perform pg_catalog.set_config('app.tenant_id', '', true);
end
$$;

------------------------------------------------------------------------------------------------
-- Views (security_invoker: RLS applies to whoever reads them).
------------------------------------------------------------------------------------------------

create view app.v_active_subscriptions with (security_invoker = true) as
select s.tenant_id, s.id as subscription_id, s.user_id, u.email, p.code as plan_code, p.name as plan_name,
       s.status, s.stripe_subscription_id, s.current_period_end, s.cancel_at_period_end,
       (select r.quantity from app.usage_records r where r.tenant_id = s.tenant_id and r.user_id = s.user_id and r.metric = 'seats') as seats_used,
       s.created_at
  from app.subscriptions s
  join app.users u on u.tenant_id = s.tenant_id and u.id = s.user_id
  join app.subscription_plans p on p.id = s.plan_id
 where s.ended_at is null and s.status in ('trialing', 'active', 'past_due');
comment on view app.v_active_subscriptions is 'Live subscriptions whose plan is in force (trialing, active, past due), with seats in use.';

create view app.v_payment_summary with (security_invoker = true) as
select l.tenant_id, l.currency,
       coalesce(sum(l.amount) filter (where l.entry_type = 'payment'), 0) as payments_total,
       coalesce(-sum(l.amount) filter (where l.entry_type = 'refund'), 0) as refunds_total,
       sum(l.amount) as balance,
       count(*) filter (where l.entry_type = 'payment') as payment_count,
       count(*) filter (where l.entry_type = 'refund') as refund_count,
       (select count(*) from app.payment_transactions t
         where t.tenant_id = l.tenant_id and t.currency = l.currency and t.status = 'failed') as failed_payment_count,
       max(l.posted_at) as last_posted_at
  from app.general_ledger l
 group by l.tenant_id, l.currency;
comment on view app.v_payment_summary is 'Per tenant and currency: payments, refunds and the ledger balance (payments minus refunds).';
