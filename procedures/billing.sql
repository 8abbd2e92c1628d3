-- Billing procedures: plans, the caller's subscription (create, change, cancel, history), seats,
-- usage against limits, payment methods, invoices, and support's plan settings and payment
-- summary. The rules are in docs/billing.md; the Stripe events that drive paid subscriptions,
-- payments, refunds and the ledger are in stripe.sql (docs/stripe.md).

------------------------------------------------------------------------------------------------
-- Plans and subscriptions: helpers
------------------------------------------------------------------------------------------------

create or replace function app.tenant_plans(p_tenant_id uuid)
  returns table (plan_id uuid, code text, name text, description text, price_amount numeric, currency text,
                 billing_interval text, stripe_price_id text, is_available boolean, sort_order integer,
                 max_ffcs bigint, max_seats bigint, max_assets bigint, max_storage_bytes bigint)
  language sql stable security definer
  set search_path = pg_catalog, pg_temp
as $$
  select p.id, p.code, p.name, p.description, coalesce(s.price_amount, p.price_amount), coalesce(s.currency, p.currency),
         p.billing_interval, coalesce(s.stripe_price_id, p.stripe_price_id), coalesce(s.is_available, true), p.sort_order,
         l.max_ffcs, l.max_seats, l.max_assets, l.max_storage_bytes
    from app.subscription_plans p
    left join app.tenant_plan_settings s on s.tenant_id = p_tenant_id and s.plan_id = p.id
   cross join lateral app.plan_limits(p_tenant_id, p.id) l
$$;
comment on function app.tenant_plans(uuid) is 'Every plan as a tenant offers it: its overrides of availability, price, Stripe price and limits applied.';

create or replace function app.require_plan(p_code text) returns uuid
  language plpgsql stable security definer
  set search_path = pg_catalog, pg_temp
as $$
declare
  v_plan_id uuid;
begin
  select p.plan_id into v_plan_id from app.tenant_plans(app.current_tenant_id()) p
   where p.code = p_code and p.is_available;
  if v_plan_id is null then
    perform app.fail('PT404', 'plan_not_found', 'no such plan is offered');
  end if;
  return v_plan_id;
end
$$;
comment on function app.require_plan(text) is 'The plan with this code if the tenant offers it; plan_not_found otherwise.';

create or replace function app.live_subscription(p_user_id uuid) returns app.subscriptions
  language plpgsql volatile security definer
  set search_path = pg_catalog, pg_temp
as $$
declare
  v_subscription app.subscriptions;
begin
  -- Locked: plan changes, cancellations and Stripe events of one subscription happen one at a time.
  select * into v_subscription from app.subscriptions s
   where s.tenant_id = app.current_tenant_id() and s.user_id = p_user_id and s.ended_at is null
   for update;
  if v_subscription.id is null then
    perform app.fail('PT404', 'subscription_not_found', 'no live subscription: assign the free plan first');
  end if;
  return v_subscription;
end
$$;
comment on function app.live_subscription(uuid) is 'The user''s live subscription, locked for the rest of the transaction.';

create or replace function app.record_plan_change(p_subscription_id uuid, p_from_plan_id uuid, p_to_plan_id uuid,
                                                  p_kind text, p_source text, p_user_id uuid default null,
                                                  p_stripe_event_id text default null) returns void
  language plpgsql volatile security definer
  set search_path = pg_catalog, pg_temp
as $$
declare
  v_kind text := p_kind;
begin
  if v_kind is null then
    v_kind := case when (select t.sort_order from app.subscription_plans t where t.id = p_to_plan_id)
                        >= (select f.sort_order from app.subscription_plans f where f.id = p_from_plan_id)
                   then 'upgrade' else 'downgrade' end;
  end if;
  insert into app.subscription_plan_changes (tenant_id, subscription_id, from_plan_id, to_plan_id, change_kind, source,
                                             changed_by_user_id, stripe_event_id)
  values (app.current_tenant_id(), p_subscription_id, p_from_plan_id, p_to_plan_id, v_kind, p_source, p_user_id, p_stripe_event_id);
end
$$;
comment on function app.record_plan_change(uuid, uuid, uuid, text, text, uuid, text) is
  'Appends to the history of plan changes (kind upgrade or downgrade by the plans'' order when not given).';

create or replace function app.start_free_subscription(p_user_id uuid, p_source text, p_kind text default 'assigned')
  returns uuid
  language plpgsql volatile security definer
  set search_path = pg_catalog, pg_temp
as $$
declare
  v_tenant_id uuid := app.current_tenant_id();
  v_subscription_id uuid;
begin
  insert into app.subscriptions (tenant_id, user_id, plan_id, status)
  values (v_tenant_id, p_user_id, app.free_plan_id(), 'active')
  returning id into v_subscription_id;
  -- Every counter exists from the start, so a plan change can lock them all.
  insert into app.usage_records (tenant_id, user_id, metric, quantity)
  select v_tenant_id, p_user_id, m, 0 from pg_catalog.unnest(array['assets', 'ffcs', 'seats', 'storage_bytes']) m
  on conflict (tenant_id, user_id, metric) do nothing;
  perform app.record_plan_change(v_subscription_id, null, app.free_plan_id(), p_kind, p_source, p_user_id);
  return v_subscription_id;
end
$$;
comment on function app.start_free_subscription(uuid, text, text) is 'Gives a user a new live subscription on the free plan.';

drop function if exists app.subscription_view(uuid);
create or replace function app.subscription_view(p_subscription_id uuid)
  returns setof app.subscription_row
  language sql stable security definer
  set search_path = pg_catalog, pg_temp
as $$
  select s.id, p.code, p.name, s.status,
         (select e.code from app.subscription_plans e where e.id = app.effective_plan_id(s.tenant_id, s.user_id)),
         (select q.code from app.subscription_plans q where q.id = s.pending_plan_id),
         p.price_amount, p.currency, p.billing_interval, s.cancel_at_period_end, s.current_period_start,
         s.current_period_end, s.canceled_at, s.ended_at, s.stripe_subscription_id is not null, s.created_at, s.updated_at
    from app.subscriptions s
    join app.tenant_plans(s.tenant_id) p on p.plan_id = s.plan_id
   where s.tenant_id = app.current_tenant_id() and s.id = p_subscription_id
$$;
comment on function app.subscription_view(uuid) is 'A subscription as the API shows it, with the plan whose limits apply now.';

------------------------------------------------------------------------------------------------
-- Plans and subscriptions: procedures
------------------------------------------------------------------------------------------------

create or replace function api.sp_list_plans()
  returns table (plan_code text, name text, description text, price_amount numeric, currency text,
                 billing_interval text, max_ffcs bigint, max_seats bigint, max_assets bigint, max_storage_mb bigint,
                 is_current boolean)
  language plpgsql stable security definer
  set search_path = pg_catalog, pg_temp
as $$
#variable_conflict use_column
declare
  v_user_id uuid := app.current_user_id();
  v_tenant_id uuid := app.current_tenant_id();
  v_current uuid := (select s.plan_id from app.subscriptions s
                      where s.tenant_id = v_tenant_id and s.user_id = v_user_id and s.ended_at is null);
begin
  return query
    select p.code, p.name, p.description, p.price_amount, p.currency, p.billing_interval, p.max_ffcs, p.max_seats,
           p.max_assets, p.max_storage_bytes / 1048576, p.plan_id is not distinct from v_current
      from app.tenant_plans(v_tenant_id) p
     where p.is_available
     order by p.sort_order;
end
$$;
comment on function api.sp_list_plans() is 'The plans this tenant offers, with prices and limits, marking the caller''s current plan.';
grant execute on function api.sp_list_plans() to estate_api;

create or replace function api.sp_assign_free_plan()
  returns table (subscription_id uuid, plan_code text, status text)
  language plpgsql volatile security definer
  set search_path = pg_catalog, pg_temp
as $$
#variable_conflict use_column
declare
  v_user_id uuid := app.current_user_id();
  v_tenant_id uuid := app.current_tenant_id();
  v_subscription_id uuid;
begin
  -- Serialises with a concurrent assignment for the same user through the one-live-per-user index.
  select s.id into v_subscription_id from app.subscriptions s
   where s.tenant_id = v_tenant_id and s.user_id = v_user_id and s.ended_at is null;
  if v_subscription_id is null then
    v_subscription_id := app.start_free_subscription(v_user_id, 'system');
  end if;
  return query select s.id, p.code, s.status from app.subscriptions s join app.subscription_plans p on p.id = s.plan_id
                where s.tenant_id = v_tenant_id and s.id = v_subscription_id;
end
$$;
comment on function api.sp_assign_free_plan() is
  'Gives the signed-in user the free plan unless they already have a live subscription (runs inside registration).';
grant execute on function api.sp_assign_free_plan() to estate_api;

drop function if exists api.sp_get_my_subscription();
create or replace function api.sp_get_my_subscription()
  returns setof app.subscription_row
  language plpgsql stable security definer
  set search_path = pg_catalog, pg_temp
as $$
#variable_conflict use_column
declare
  v_user_id uuid := app.current_user_id();
  v_subscription_id uuid;
begin
  select s.id into v_subscription_id from app.subscriptions s
   where s.tenant_id = app.current_tenant_id() and s.user_id = v_user_id and s.ended_at is null;
  if v_subscription_id is null then
    perform app.fail('PT404', 'subscription_not_found', 'no live subscription: assign the free plan first');
  end if;
  return query select * from app.subscription_view(v_subscription_id);
end
$$;
comment on function api.sp_get_my_subscription() is 'The signed-in user''s live subscription and the plan whose limits apply now.';
grant execute on function api.sp_get_my_subscription() to estate_api;

drop function if exists api.sp_create_subscription(text);
create or replace function api.sp_create_subscription(p_plan_code text)
  returns setof app.subscription_row
  language plpgsql volatile security definer
  set search_path = pg_catalog, pg_temp
as $$
#variable_conflict use_column
declare
  v_user_id uuid := app.current_user_id();
  v_tenant_id uuid := app.current_tenant_id();
  v_plan_id uuid := app.require_plan(p_plan_code);
  v_subscription app.subscriptions := app.live_subscription(v_user_id);
begin
  if v_plan_id = app.free_plan_id() then
    perform app.fail('PT409', 'already_subscribed', 'every user has a plan: to return to the free plan, cancel the paid one');
  end if;
  if v_subscription.plan_id <> app.free_plan_id() then
    perform app.fail('PT409', 'already_subscribed', 'a paid subscription exists: change its plan instead');
  end if;
  -- The live free subscription becomes the paid one; its limits apply once Stripe reports it active.
  update app.subscriptions s set plan_id = v_plan_id, status = 'incomplete', status_synced_at = null
   where s.tenant_id = v_tenant_id and s.id = v_subscription.id;
  perform app.record_plan_change(v_subscription.id, v_subscription.plan_id, v_plan_id, 'upgrade', 'user', v_user_id);
  -- Checkout carries this id as metadata.estate_subscription_id: it leads Stripe's events here.
  insert into app.stripe_routes (tenant_id, routing_key) values (v_tenant_id, v_subscription.id::text)
  on conflict (routing_key) do nothing;
  return query select * from app.subscription_view(v_subscription.id);
end
$$;
comment on function api.sp_create_subscription(text) is
  'Starts a paid subscription for the signed-in user: incomplete until Stripe reports its first payment (checkout carries its id).';
grant execute on function api.sp_create_subscription(text) to estate_api;

drop function if exists api.sp_upgrade_subscription(text);
create or replace function api.sp_upgrade_subscription(p_plan_code text)
  returns setof app.subscription_row
  language plpgsql volatile security definer
  set search_path = pg_catalog, pg_temp
as $$
#variable_conflict use_column
declare
  v_user_id uuid := app.current_user_id();
  v_tenant_id uuid := app.current_tenant_id();
  v_plan_id uuid := app.require_plan(p_plan_code);
  v_subscription app.subscriptions := app.live_subscription(v_user_id);
  v_limits record;
  v_over text;
  v_price text;
  v_upgrade boolean;
begin
  if v_subscription.plan_id = app.free_plan_id() then
    perform app.fail('PT409', 'no_paid_subscription', 'the free plan has nothing to change: create a subscription');
  end if;
  if v_plan_id = app.free_plan_id() then
    perform app.fail('PT409', 'cancel_to_leave_paid_plan', 'to return to the free plan, cancel the subscription');
  end if;
  if v_plan_id = v_subscription.plan_id then
    if v_subscription.pending_plan_id is not null then
      -- Back to the plan in force: the upgrade asked for is withdrawn.
      update app.subscriptions s set pending_plan_id = null, plan_requested_at = pg_catalog.now()
       where s.tenant_id = v_tenant_id and s.id = v_subscription.id;
      return query select * from app.subscription_view(v_subscription.id);
      return;
    end if;
    perform app.fail('PT409', 'already_on_plan', 'the subscription is already on this plan');
  end if;

  -- Lock every usage counter of the user (in the triggers' order) in a statement of its own, so
  -- no asset, circle or seat slips in between this check and the change. (A FOR UPDATE in the
  -- check below would lock only the rows its filter keeps: those already over the limit.)
  perform 1 from app.usage_records r
   where r.tenant_id = v_tenant_id and r.user_id = v_user_id
   order by r.metric
   for update;
  select * into v_limits from app.plan_limits(v_tenant_id, v_plan_id);
  select pg_catalog.string_agg(pg_catalog.format('%s %s in use, the plan allows %s', u.quantity, u.label, u.allowed), '; ')
    into v_over
    from (select r.quantity, r.metric,
                 case r.metric when 'ffcs' then 'family circles' when 'seats' then 'seats'
                               when 'assets' then 'assets' else 'bytes of storage' end as label,
                 case r.metric when 'ffcs' then v_limits.max_ffcs when 'seats' then v_limits.max_seats
                               when 'assets' then v_limits.max_assets else v_limits.max_storage_bytes end as allowed
            from app.usage_records r
           where r.tenant_id = v_tenant_id and r.user_id = v_user_id) u
   where u.allowed is not null and u.quantity > u.allowed;
  if v_over is not null then
    perform app.fail('PT409', 'downgrade_exceeds_limits', 'the new plan is too small: ' || v_over);
  end if;

  select p.stripe_price_id into v_price from app.tenant_plans(v_tenant_id) p where p.plan_id = v_plan_id;
  v_upgrade := (select t.sort_order from app.subscription_plans t where t.id = v_plan_id)
             > (select f.sort_order from app.subscription_plans f where f.id = v_subscription.plan_id);
  if v_upgrade and v_subscription.stripe_subscription_id is not null then
    -- Paying more is in force once Stripe bills it: Stripe's subscription event carrying the
    -- plan's price applies it. A plan without a Stripe price could never be confirmed.
    if v_price is null then
      perform app.fail('PT409', 'plan_not_billable', 'this plan has no Stripe price in this tenant: it cannot be billed');
    end if;
    update app.subscriptions s set pending_plan_id = v_plan_id, plan_requested_at = pg_catalog.now()
     where s.tenant_id = v_tenant_id and s.id = v_subscription.id;
  else
    -- A downgrade (checked above) or a change before Stripe bills anything takes effect at once.
    update app.subscriptions s set plan_id = v_plan_id, pending_plan_id = null, plan_requested_at = pg_catalog.now()
     where s.tenant_id = v_tenant_id and s.id = v_subscription.id;
    perform app.record_plan_change(v_subscription.id, v_subscription.plan_id, v_plan_id, null, 'user', v_user_id);
  end if;
  return query select * from app.subscription_view(v_subscription.id);
end
$$;
comment on function api.sp_upgrade_subscription(text) is
  'Moves the signed-in user''s paid subscription to another paid plan: a downgrade at once (refused below what is in use), an upgrade once Stripe bills it.';
grant execute on function api.sp_upgrade_subscription(text) to estate_api;

drop function if exists api.sp_cancel_subscription(boolean);
create or replace function api.sp_cancel_subscription(p_at_period_end boolean)
  returns setof app.subscription_row
  language plpgsql volatile security definer
  set search_path = pg_catalog, pg_temp
as $$
#variable_conflict use_column
declare
  v_user_id uuid := app.current_user_id();
  v_tenant_id uuid := app.current_tenant_id();
  v_subscription app.subscriptions := app.live_subscription(v_user_id);
  v_free_id uuid;
begin
  if p_at_period_end is null then
    perform app.fail('PT400', 'invalid_cancel_mode', 'say whether to cancel at the period''s end or now');
  end if;
  if v_subscription.plan_id = app.free_plan_id() then
    perform app.fail('PT409', 'no_paid_subscription', 'the free plan cannot be canceled');
  end if;
  -- While Stripe collects for it, Stripe ends it: at the period's end (its deleted event then
  -- ends it here). Ending it here first would leave Stripe charging for a plan no longer given.
  if v_subscription.stripe_subscription_id is not null and not p_at_period_end then
    perform app.fail('PT409', 'stripe_cancellation_required',
      'a subscription Stripe bills ends in Stripe: cancel at the period''s end, or cancel it in Stripe');
  end if;
  if v_subscription.stripe_subscription_id is not null then
    update app.subscriptions s set cancel_at_period_end = true, canceled_at = pg_catalog.now()
     where s.tenant_id = v_tenant_id and s.id = v_subscription.id;
    perform app.record_plan_change(v_subscription.id, v_subscription.plan_id, v_subscription.plan_id, 'canceled', 'user', v_user_id);
    return query select * from app.subscription_view(v_subscription.id);
    return;
  end if;
  update app.subscriptions s set status = 'canceled', canceled_at = pg_catalog.now(), ended_at = pg_catalog.now(),
                                 cancel_at_period_end = false
   where s.tenant_id = v_tenant_id and s.id = v_subscription.id;
  perform app.record_plan_change(v_subscription.id, v_subscription.plan_id, v_subscription.plan_id, 'canceled', 'user', v_user_id);
  -- Two statements: the view must run after the insert to see the new row.
  v_free_id := app.start_free_subscription(v_user_id, 'user', 'reverted_to_free');
  return query select * from app.subscription_view(v_free_id);
end
$$;
comment on function api.sp_cancel_subscription(boolean) is
  'Cancels the signed-in user''s paid subscription: at the period''s end when Stripe bills it, at once when it does not yet (then the free plan applies).';
grant execute on function api.sp_cancel_subscription(boolean) to estate_api;

drop function if exists api.sp_list_subscription_changes(integer, integer);
drop function if exists api.sp_list_subscription_changes(text, integer, integer);
create or replace function api.sp_list_subscription_changes(p_sort text, p_limit integer, p_offset integer)
  returns table (change_id uuid, subscription_id uuid, from_plan_code text, to_plan_code text, change_kind text,
                 source text, changed_at timestamptz, total integer)
  language plpgsql stable security definer
  set search_path = pg_catalog, pg_temp
as $$
#variable_conflict use_column
declare
  v_user_id uuid := app.current_user_id();
  v_tenant_id uuid := app.current_tenant_id();
  v_sort text := app.check_sort(p_sort, array['-changedAt', 'changedAt']);
begin
  perform app.check_page(p_limit, p_offset);
  return query
    select c.id, c.subscription_id, f.code, t.code, c.change_kind, c.source, c.created_at,
           (pg_catalog.count(*) over ())::integer
      from app.subscription_plan_changes c
      join app.subscriptions s on s.tenant_id = c.tenant_id and s.id = c.subscription_id
      left join app.subscription_plans f on f.id = c.from_plan_id
      join app.subscription_plans t on t.id = c.to_plan_id
     where c.tenant_id = v_tenant_id and s.user_id = v_user_id
     order by case when v_sort = 'changedAt' then c.created_at end, c.created_at desc, c.id
     limit p_limit offset p_offset;
end
$$;
comment on function api.sp_list_subscription_changes(text, integer, integer) is
  'The history of the signed-in user''s plan changes, newest first or sorted, a page at a time with the total.';
grant execute on function api.sp_list_subscription_changes(text, integer, integer) to estate_api;

create or replace function api.sp_list_subscription_seats()
  returns table (seat_id uuid, persona_id uuid, first_name text, last_name text, first_ffc_id uuid, ffc_name text,
                 assigned_at timestamptz)
  language plpgsql stable security definer
  set search_path = pg_catalog, pg_temp
as $$
#variable_conflict use_column
declare
  v_user_id uuid := app.current_user_id();
  v_tenant_id uuid := app.current_tenant_id();
begin
  return query
    select s.id, s.persona_id, p.first_name, p.last_name, s.first_ffc_id, c.name, s.assigned_at
      from app.subscription_seats s
      join app.personas p on p.tenant_id = s.tenant_id and p.id = s.persona_id
      join app.fwd_family_circles c on c.tenant_id = s.tenant_id and c.id = s.first_ffc_id
     where s.tenant_id = v_tenant_id and s.subscriber_user_id = v_user_id and s.status = 'active'
     order by s.assigned_at, s.id;
end
$$;
comment on function api.sp_list_subscription_seats() is 'Who holds the signed-in user''s seats: the people in the circles they created.';
grant execute on function api.sp_list_subscription_seats() to estate_api;

create or replace function api.sp_calculate_usage()
  returns table (metric text, used bigint, usage_limit bigint, remaining bigint, plan_code text)
  language plpgsql stable security definer
  set search_path = pg_catalog, pg_temp
as $$
#variable_conflict use_column
declare
  v_user_id uuid := app.current_user_id();
  v_tenant_id uuid := app.current_tenant_id();
  v_plan_id uuid := app.effective_plan_id(v_tenant_id, v_user_id);
  v_limits record;
begin
  select * into v_limits from app.plan_limits(v_tenant_id, v_plan_id);
  return query
    select m.metric, coalesce(r.quantity, 0), m.allowed, greatest(m.allowed - coalesce(r.quantity, 0), 0),
           (select p.code from app.subscription_plans p where p.id = v_plan_id)
      from (values (1, 'ffcs', v_limits.max_ffcs), (2, 'seats', v_limits.max_seats), (3, 'assets', v_limits.max_assets),
                   (4, 'storage_bytes', v_limits.max_storage_bytes)) as m(ord, metric, allowed)
      left join app.usage_records r on r.tenant_id = v_tenant_id and r.user_id = v_user_id and r.metric = m.metric
     order by m.ord;
end
$$;
comment on function api.sp_calculate_usage() is
  'The signed-in user''s circles, seats, assets and storage in use, against the limits of the plan in force (NULL = unlimited).';
grant execute on function api.sp_calculate_usage() to estate_api;

------------------------------------------------------------------------------------------------
-- Payment methods: the processor's tokens, brand and last four only.
------------------------------------------------------------------------------------------------

drop function if exists app.payment_method_list(uuid);
create or replace function app.payment_method_list(p_user_id uuid)
  returns setof app.payment_method_row
  language sql stable security definer
  set search_path = pg_catalog, pg_temp
as $$
  select m.id, m.kind, m.brand, m.last4, m.exp_month, m.exp_year, m.is_default, m.created_at
    from app.payment_methods m
   where m.tenant_id = app.current_tenant_id() and m.user_id = p_user_id and m.status = 'active'
   order by m.is_default desc, m.created_at desc, m.id
$$;
comment on function app.payment_method_list(uuid) is 'A user''s active payment methods, the default first.';

drop function if exists api.sp_add_payment_method(text, text, text, text, integer, integer, boolean);
create or replace function api.sp_add_payment_method(p_stripe_payment_method_id text, p_kind text, p_brand text, p_last4 text,
                                                     p_exp_month integer, p_exp_year integer,
                                                     p_make_default boolean)
  returns setof app.payment_method_row
  language plpgsql volatile security definer
  set search_path = pg_catalog, pg_temp
as $$
#variable_conflict use_column
declare
  v_user_id uuid := app.current_user_id();
  v_tenant_id uuid := app.current_tenant_id();
  v_count integer;
  v_default boolean;
begin
  if p_stripe_payment_method_id is null or p_stripe_payment_method_id !~ '^pm_[A-Za-z0-9]{6,100}$'
     or p_stripe_payment_method_id ~ '[0-9]{12}' then
    perform app.fail('PT400', 'invalid_payment_method_token', 'a payment method is the processor''s pm_ token, never a card number');
  end if;
  if p_kind is null or p_kind not in ('card', 'us_bank_account', 'sepa_debit') then
    perform app.fail('PT400', 'invalid_payment_method_kind', 'kind must be card, us_bank_account or sepa_debit');
  end if;
  if p_brand is null or p_brand !~ '^[a-z_]{2,30}$' then
    perform app.fail('PT400', 'invalid_brand', 'brand must be the processor''s brand name, such as visa');
  end if;
  if p_last4 is null or p_last4 !~ '^[0-9]{4}$' then
    perform app.fail('PT400', 'invalid_last4', 'last4 must be exactly four digits');
  end if;
  if p_kind = 'card' then
    if p_exp_month is null or p_exp_month not between 1 and 12 or p_exp_year is null or p_exp_year not between 2000 and 2100 then
      perform app.fail('PT400', 'invalid_expiry', 'a card needs its expiry month (1-12) and year');
    end if;
    if pg_catalog.make_date(p_exp_year, p_exp_month, 1) + interval '1 month' <= current_date then
      perform app.fail('PT400', 'card_expired', 'this card has expired');
    end if;
  elsif p_exp_month is not null or p_exp_year is not null then
    perform app.fail('PT400', 'invalid_expiry', 'only cards have an expiry');
  end if;

  -- One user's payment-method changes happen one at a time (the default stays unique, the count true).
  perform 1 from app.users u where u.tenant_id = v_tenant_id and u.id = v_user_id for update;
  select count(*), coalesce(bool_or(m.is_default), false) into v_count, v_default
    from app.payment_methods m where m.tenant_id = v_tenant_id and m.user_id = v_user_id and m.status = 'active';
  if v_count >= 10 then
    perform app.fail('PT409', 'too_many_payment_methods', 'at most 10 payment methods: remove one first');
  end if;
  -- Only the caller's own methods count: whether another user stored this token is never told
  -- (it is accepted like any new one; Stripe charges a PaymentMethod only for the customer it is
  -- attached to, so a copy of someone else's token charges no one).
  if exists (select 1 from app.payment_methods m where m.tenant_id = v_tenant_id and m.user_id = v_user_id
                and m.status = 'active' and m.stripe_payment_method_id = p_stripe_payment_method_id) then
    perform app.fail('PT409', 'payment_method_exists', 'this payment method is already stored');
  end if;
  if coalesce(p_make_default, false) or not v_default then
    update app.payment_methods m set is_default = false
     where m.tenant_id = v_tenant_id and m.user_id = v_user_id and m.is_default;
  end if;
  insert into app.payment_methods (tenant_id, user_id, stripe_payment_method_id, kind, brand, last4, exp_month, exp_year, is_default)
  values (v_tenant_id, v_user_id, p_stripe_payment_method_id, p_kind, p_brand, p_last4, p_exp_month, p_exp_year,
          coalesce(p_make_default, false) or not v_default);
  return query select * from app.payment_method_list(v_user_id);
end
$$;
comment on function api.sp_add_payment_method(text, text, text, text, integer, integer, boolean) is
  'Stores a payment method collected by Stripe (its pm_ token, brand, last four, expiry); the first one is the default.';
grant execute on function api.sp_add_payment_method(text, text, text, text, integer, integer, boolean) to estate_api;

drop function if exists api.sp_list_payment_methods();
create or replace function api.sp_list_payment_methods()
  returns setof app.payment_method_row
  language plpgsql stable security definer
  set search_path = pg_catalog, pg_temp
as $$
#variable_conflict use_column
begin
  return query select * from app.payment_method_list(app.current_user_id());
end
$$;
comment on function api.sp_list_payment_methods() is 'The signed-in user''s payment methods (brand and last four), the default first.';
grant execute on function api.sp_list_payment_methods() to estate_api;

drop function if exists api.sp_remove_payment_method(uuid);
create or replace function api.sp_remove_payment_method(p_payment_method_id uuid)
  returns setof app.payment_method_row
  language plpgsql volatile security definer
  set search_path = pg_catalog, pg_temp
as $$
#variable_conflict use_column
declare
  v_user_id uuid := app.current_user_id();
  v_tenant_id uuid := app.current_tenant_id();
  v_was_default boolean;
begin
  perform 1 from app.users u where u.tenant_id = v_tenant_id and u.id = v_user_id for update;
  select m.is_default into v_was_default from app.payment_methods m
   where m.tenant_id = v_tenant_id and m.id = p_payment_method_id and m.user_id = v_user_id and m.status = 'active';
  if v_was_default is null then
    perform app.fail('PT404', 'payment_method_not_found', 'payment method not found');
  end if;
  update app.payment_methods m set status = 'removed', removed_at = pg_catalog.now(), is_default = false
   where m.tenant_id = v_tenant_id and m.id = p_payment_method_id;
  if v_was_default then
    -- The newest remaining method becomes the default.
    update app.payment_methods m set is_default = true
     where m.tenant_id = v_tenant_id and m.id = (select n.id from app.payment_methods n
                                                 where n.tenant_id = v_tenant_id and n.user_id = v_user_id and n.status = 'active'
                                                 order by n.created_at desc, n.id limit 1);
  end if;
  return query select * from app.payment_method_list(v_user_id);
end
$$;
comment on function api.sp_remove_payment_method(uuid) is 'Removes one of the signed-in user''s payment methods; the newest remaining one becomes the default.';
grant execute on function api.sp_remove_payment_method(uuid) to estate_api;

------------------------------------------------------------------------------------------------
-- Invoices
------------------------------------------------------------------------------------------------

drop function if exists api.sp_list_invoices(integer, integer);
drop function if exists api.sp_list_invoices(text, text, integer, integer);
create or replace function api.sp_list_invoices(p_status text, p_sort text, p_limit integer, p_offset integer)
  returns table (invoice_id uuid, subscription_id uuid, number text, status text, currency text, amount_due numeric,
                 amount_paid numeric, amount_remaining numeric, period_start timestamptz, period_end timestamptz,
                 finalized_at timestamptz, paid_at timestamptz, created_at timestamptz, total integer)
  language plpgsql stable security definer
  set search_path = pg_catalog, pg_temp
as $$
#variable_conflict use_column
declare
  v_user_id uuid := app.current_user_id();
  v_tenant_id uuid := app.current_tenant_id();
  v_sort text := app.check_sort(p_sort, array['-createdAt', 'createdAt']);
begin
  perform app.check_page(p_limit, p_offset);
  if p_status is not null and p_status not in ('draft', 'open', 'paid', 'uncollectible', 'void') then
    perform app.fail('PT400', 'invalid_filter', 'status must be draft, open, paid, uncollectible or void');
  end if;
  -- The caller's subscriptions' invoices (invoices_subscription_idx).
  return query
    select i.id, i.subscription_id, i.number, i.status, i.currency, i.amount_due, i.amount_paid, i.amount_remaining,
           i.period_start, i.period_end, i.finalized_at, i.paid_at, i.created_at, (pg_catalog.count(*) over ())::integer
      from app.invoices i
      join app.subscriptions s on s.tenant_id = i.tenant_id and s.id = i.subscription_id
     where i.tenant_id = v_tenant_id and s.user_id = v_user_id and (p_status is null or i.status = p_status)
     order by case when v_sort = 'createdAt' then i.created_at end, i.created_at desc, i.id
     limit p_limit offset p_offset;
end
$$;
comment on function api.sp_list_invoices(text, text, integer, integer) is
  'The signed-in user''s invoices, newest first or sorted, optionally of one status, a page at a time with the total.';
grant execute on function api.sp_list_invoices(text, text, integer, integer) to estate_api;

create or replace function api.sp_get_invoice(p_invoice_id uuid)
  returns table (invoice_id uuid, subscription_id uuid, number text, status text, currency text, amount_due numeric,
                 amount_paid numeric, amount_remaining numeric, attempt_count integer, billing_reason text,
                 period_start timestamptz, period_end timestamptz, hosted_invoice_url text, finalized_at timestamptz,
                 paid_at timestamptz, payments jsonb, created_at timestamptz)
  language plpgsql stable security definer
  set search_path = pg_catalog, pg_temp
as $$
#variable_conflict use_column
declare
  v_user_id uuid := app.current_user_id();
  v_tenant_id uuid := app.current_tenant_id();
begin
  return query
    select i.id, i.subscription_id, i.number, i.status, i.currency, i.amount_due, i.amount_paid, i.amount_remaining,
           i.attempt_count, i.billing_reason, i.period_start, i.period_end, i.hosted_invoice_url, i.finalized_at, i.paid_at,
           coalesce((select pg_catalog.jsonb_agg(pg_catalog.jsonb_build_object(
                        'paymentId', t.id, 'status', t.status, 'amount', t.amount::text, 'currency', t.currency,
                        'amountRefunded', t.amount_refunded::text, 'failureCode', t.failure_code, 'succeededAt', t.succeeded_at)
                        order by t.created_at)
                       from app.payment_transactions t
                      where t.tenant_id = i.tenant_id and t.stripe_invoice_id = i.stripe_invoice_id), '[]'::jsonb),
           i.created_at
      from app.invoices i
      join app.subscriptions s on s.tenant_id = i.tenant_id and s.id = i.subscription_id
     where i.tenant_id = v_tenant_id and i.id = p_invoice_id and s.user_id = v_user_id;
  if not found then
    perform app.fail('PT404', 'invoice_not_found', 'invoice not found');
  end if;
end
$$;
comment on function api.sp_get_invoice(uuid) is 'One of the signed-in user''s invoices with the payments made against it.';
grant execute on function api.sp_get_invoice(uuid) to estate_api;

------------------------------------------------------------------------------------------------
-- Support: per-tenant plan settings and the payment summary.
------------------------------------------------------------------------------------------------

create or replace function support.sp_set_tenant_plan(p_tenant_id uuid, p_plan_code text, p_is_available boolean default true,
                                                      p_price_amount numeric default null, p_currency text default null,
                                                      p_stripe_price_id text default null, p_feature_limits jsonb default '{}')
  returns table (plan_code text, is_available boolean, price_amount numeric, currency text, stripe_price_id text,
                 max_ffcs bigint, max_seats bigint, max_assets bigint, max_storage_mb bigint)
  language plpgsql volatile security definer
  set search_path = pg_catalog, pg_temp
as $$
#variable_conflict use_column
declare
  v_plan_id uuid;
  v_key text;
begin
  perform app.enter_tenant_as_support(p_tenant_id);
  select p.id into v_plan_id from app.subscription_plans p where p.code = p_plan_code;
  if v_plan_id is null then
    perform app.fail('PT404', 'plan_not_found', 'no such plan');
  end if;
  if v_plan_id = app.free_plan_id() and (not coalesce(p_is_available, true) or p_price_amount is not null or p_stripe_price_id is not null) then
    perform app.fail('PT400', 'invalid_plan_settings', 'the free plan is always offered, free and outside Stripe; only its limits change');
  end if;
  if (p_price_amount is null) <> (p_currency is null) or p_price_amount < 0
     or (p_currency is not null and p_currency !~ '^[A-Z]{3}$')
     or p_price_amount <> pg_catalog.round(p_price_amount, app.currency_exponent(p_currency)) then
    perform app.fail('PT400', 'invalid_price', 'a price is an amount of 0 or more, in the currency''s own decimals, with its ISO-4217 currency');
  end if;
  if p_stripe_price_id !~ '^price_[A-Za-z0-9_]+$' then
    perform app.fail('PT400', 'invalid_stripe_price', 'a Stripe price id starts with price_');
  end if;
  if p_feature_limits is null or pg_catalog.jsonb_typeof(p_feature_limits) <> 'object' then
    perform app.fail('PT400', 'invalid_feature_limits', 'feature limits are an object of limit names to whole numbers or null');
  end if;
  for v_key in select k from pg_catalog.jsonb_object_keys(p_feature_limits) k loop
    if v_key not in ('max_ffcs', 'max_seats', 'max_assets', 'max_storage_mb')
       or pg_catalog.jsonb_typeof(p_feature_limits -> v_key) not in ('number', 'null')
       or (p_feature_limits ->> v_key) !~ '^[0-9]{1,12}$' and pg_catalog.jsonb_typeof(p_feature_limits -> v_key) = 'number' then
      perform app.fail('PT400', 'invalid_feature_limits', 'limits are max_ffcs, max_seats, max_assets, max_storage_mb: whole numbers or null');
    end if;
  end loop;

  if p_stripe_price_id is not null and exists (
       select 1 from app.tenant_plans(p_tenant_id) p where p.stripe_price_id = p_stripe_price_id and p.plan_id <> v_plan_id) then
    perform app.fail('PT409', 'stripe_price_taken', 'another plan of this tenant has this Stripe price');
  end if;
  insert into app.tenant_plan_settings as s (tenant_id, plan_id, is_available, price_amount, currency, stripe_price_id, feature_limits)
  values (p_tenant_id, v_plan_id, coalesce(p_is_available, true), p_price_amount, p_currency, p_stripe_price_id, p_feature_limits)
  on conflict (tenant_id, plan_id) do update set
    is_available = excluded.is_available, price_amount = excluded.price_amount, currency = excluded.currency,
    stripe_price_id = excluded.stripe_price_id, feature_limits = excluded.feature_limits;

  return query select p.code, p.is_available, p.price_amount, p.currency, p.stripe_price_id, p.max_ffcs, p.max_seats,
                      p.max_assets, p.max_storage_bytes / 1048576
                 from app.tenant_plans(p_tenant_id) p where p.plan_id = v_plan_id;
end
$$;
comment on function support.sp_set_tenant_plan(uuid, text, boolean, numeric, text, text, jsonb) is
  'Support: sets a tenant''s overrides of a plan (availability, price, Stripe price, limits); audited.';
grant execute on function support.sp_set_tenant_plan(uuid, text, boolean, numeric, text, text, jsonb) to estate_support;

create or replace function support.sp_get_payment_summary(p_tenant_id uuid)
  returns table (currency text, payments_total numeric, refunds_total numeric, balance numeric, payment_count bigint,
                 refund_count bigint, failed_payment_count bigint, last_posted_at timestamptz)
  language plpgsql volatile security definer
  set search_path = pg_catalog, pg_temp
as $$
#variable_conflict use_column
begin
  perform app.enter_tenant_as_support(p_tenant_id);
  return query select v.currency, v.payments_total, v.refunds_total, v.balance, v.payment_count, v.refund_count,
                      v.failed_payment_count, v.last_posted_at
                 from app.v_payment_summary v where v.tenant_id = p_tenant_id order by v.currency;
  perform app.audit_support_read(p_tenant_id, 'support.sp_get_payment_summary', null, '{}');
end
$$;
comment on function support.sp_get_payment_summary(uuid) is 'Support: a tenant''s payments, refunds and ledger balance per currency; audited.';
grant execute on function support.sp_get_payment_summary(uuid) to estate_support;

create or replace function app.mask_email(p_email text) returns text
  language sql immutable
  set search_path = pg_catalog, pg_temp
as $$
  -- a***@example.com: enough to recognise, not enough to contact
  select case when p_email like '%@%'
              then pg_catalog.left(p_email, 1) || '***@' || pg_catalog.split_part(p_email, '@', 2) end
$$;
comment on function app.mask_email(text) is 'An email as support staff see it: first letter and domain.';

create or replace function support.sp_list_active_subscriptions(p_tenant_id uuid, p_limit integer default 50, p_offset integer default 0)
  returns table (subscription_id uuid, user_id uuid, email_masked text, plan_code text, status text, seats_used bigint,
                 current_period_end timestamptz, cancel_at_period_end boolean, created_at timestamptz)
  language plpgsql volatile security definer
  set search_path = pg_catalog, pg_temp
as $$
#variable_conflict use_column
begin
  perform app.enter_tenant_as_support(p_tenant_id);
  perform app.check_page(p_limit, p_offset);
  return query
    select v.subscription_id, v.user_id, app.mask_email(v.email), v.plan_code, v.status, coalesce(v.seats_used, 0),
           v.current_period_end, v.cancel_at_period_end, v.created_at
      from app.v_active_subscriptions v
     where v.tenant_id = p_tenant_id
     order by v.created_at, v.subscription_id
     limit p_limit offset p_offset;
  perform app.audit_support_read(p_tenant_id, 'support.sp_list_active_subscriptions', null,
    pg_catalog.jsonb_build_object('limit', p_limit, 'offset', p_offset));
end
$$;
comment on function support.sp_list_active_subscriptions(uuid, integer, integer) is
  'Support: a tenant''s subscriptions in force (v_active_subscriptions), emails masked; audited.';
grant execute on function support.sp_list_active_subscriptions(uuid, integer, integer) to estate_support;
