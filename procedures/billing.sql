-- Billing procedures: plans, the caller's subscription (create, change, cancel, history), seats,
-- usage against limits, payment methods, invoices, and the Stripe events that drive paid
-- subscriptions, payments, refunds and the ledger. The rules are in docs/billing.md.

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
create or replace function api.sp_list_subscription_changes(p_limit integer, p_offset integer)
  returns table (change_id uuid, subscription_id uuid, from_plan_code text, to_plan_code text, change_kind text,
                 source text, changed_at timestamptz)
  language plpgsql stable security definer
  set search_path = pg_catalog, pg_temp
as $$
#variable_conflict use_column
declare
  v_user_id uuid := app.current_user_id();
  v_tenant_id uuid := app.current_tenant_id();
begin
  perform app.check_page(p_limit, p_offset);
  return query
    select c.id, c.subscription_id, f.code, t.code, c.change_kind, c.source, c.created_at
      from app.subscription_plan_changes c
      join app.subscriptions s on s.tenant_id = c.tenant_id and s.id = c.subscription_id
      left join app.subscription_plans f on f.id = c.from_plan_id
      join app.subscription_plans t on t.id = c.to_plan_id
     where c.tenant_id = v_tenant_id and s.user_id = v_user_id
     order by c.created_at desc, c.id
     limit p_limit offset p_offset;
end
$$;
comment on function api.sp_list_subscription_changes(integer, integer) is 'The history of the signed-in user''s plan changes, newest first.';
grant execute on function api.sp_list_subscription_changes(integer, integer) to estate_api;

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
  if exists (select 1 from app.payment_methods m where m.tenant_id = v_tenant_id and m.status = 'active'
                and m.stripe_payment_method_id = p_stripe_payment_method_id) then
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
create or replace function api.sp_list_invoices(p_limit integer, p_offset integer)
  returns table (invoice_id uuid, subscription_id uuid, number text, status text, currency text, amount_due numeric,
                 amount_paid numeric, amount_remaining numeric, period_start timestamptz, period_end timestamptz,
                 finalized_at timestamptz, paid_at timestamptz, created_at timestamptz)
  language plpgsql stable security definer
  set search_path = pg_catalog, pg_temp
as $$
#variable_conflict use_column
declare
  v_user_id uuid := app.current_user_id();
  v_tenant_id uuid := app.current_tenant_id();
begin
  perform app.check_page(p_limit, p_offset);
  return query
    select i.id, i.subscription_id, i.number, i.status, i.currency, i.amount_due, i.amount_paid, i.amount_remaining,
           i.period_start, i.period_end, i.finalized_at, i.paid_at, i.created_at
      from app.invoices i
      join app.subscriptions s on s.tenant_id = i.tenant_id and s.id = i.subscription_id
     where i.tenant_id = v_tenant_id and s.user_id = v_user_id
     order by i.created_at desc, i.id
     limit p_limit offset p_offset;
end
$$;
comment on function api.sp_list_invoices(integer, integer) is 'The signed-in user''s invoices, newest first.';
grant execute on function api.sp_list_invoices(integer, integer) to estate_api;

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
-- Stripe events: routing, then one applier per kind of object. Each applier locks its row and
-- compares the event's created time (and, on a tie, how far along the status is) with the
-- newest one applied, so a late older event never rolls the state back. An event whose parent
-- object is not recorded yet is refused (503, nothing stored) within Stripe's three days of
-- retries, so that Stripe delivers it again once the parent is here; an older one is ignored.
------------------------------------------------------------------------------------------------

create or replace function app.stripe_time(p_epoch jsonb) returns timestamptz
  language sql immutable
  set search_path = pg_catalog, pg_temp
as $$
  select case when pg_catalog.jsonb_typeof(p_epoch) = 'number' then pg_catalog.to_timestamp((p_epoch #>> '{}')::double precision) end
$$;
comment on function app.stripe_time(jsonb) is 'A Stripe timestamp (seconds since the epoch) as timestamptz; NULL when absent.';

create or replace function app.currency_exponent(p_currency text) returns integer
  language sql immutable
  set search_path = pg_catalog, pg_temp
as $$
  select case
    when p_currency in ('BIF', 'CLP', 'DJF', 'GNF', 'JPY', 'KMF', 'KRW', 'MGA', 'PYG', 'RWF', 'UGX', 'VND', 'VUV', 'XAF', 'XOF', 'XPF') then 0
    when p_currency in ('BHD', 'JOD', 'KWD', 'OMR', 'TND') then 3
    else 2 end
$$;
comment on function app.currency_exponent(text) is 'Decimals of a currency''s minor unit as Stripe counts it: 0 (JPY...), 3 (KWD...) or 2.';

create or replace function app.stripe_amount(p_minor jsonb, p_currency text) returns numeric
  language plpgsql immutable
  set search_path = pg_catalog, pg_temp
as $$
declare
  v_exponent integer := app.currency_exponent(p_currency);
begin
  if pg_catalog.jsonb_typeof(p_minor) is distinct from 'number' or (p_minor #>> '{}') !~ '^[0-9]+$' then
    perform app.fail('PT400', 'invalid_stripe_event', 'a Stripe amount is a whole number of minor units');
  end if;
  -- Exact: the division by a power of ten is rounded back to the currency's own scale.
  return pg_catalog.round((p_minor #>> '{}')::numeric / (10::numeric ^ v_exponent), v_exponent);
end
$$;
comment on function app.stripe_amount(jsonb, text) is 'A Stripe amount in minor units as an exact decimal in the currency''s units.';

create or replace function app.stripe_currency(p_object jsonb) returns text
  language plpgsql immutable
  set search_path = pg_catalog, pg_temp
as $$
declare
  v_currency text := pg_catalog.upper(p_object ->> 'currency');
begin
  if coalesce(v_currency, '') !~ '^[A-Z]{3}$' then
    perform app.fail('PT400', 'invalid_stripe_event', 'a Stripe object with an amount has a currency');
  end if;
  return v_currency;
end
$$;
comment on function app.stripe_currency(jsonb) is 'The ISO-4217 currency of a Stripe object (Stripe writes it in lower case).';

create or replace function app.stripe_status_rank(p_status text) returns integer
  language sql immutable
  set search_path = pg_catalog, pg_temp
as $$
  select case p_status
    when 'incomplete' then 0 when 'trialing' then 1 when 'active' then 2 when 'past_due' then 2
    when 'unpaid' then 3 when 'paused' then 3 when 'canceled' then 4 when 'incomplete_expired' then 4
    when 'draft' then 0 when 'open' then 1 when 'uncollectible' then 2 when 'paid' then 3 when 'void' then 3
    else -1 end
$$;
comment on function app.stripe_status_rank(text) is 'How far along a subscription or invoice status is; breaks ties between events of the same second.';

create or replace function app.is_newer_stripe_state(p_created timestamptz, p_status text, p_synced_at timestamptz, p_synced_status text)
  returns boolean
  language sql immutable
  set search_path = pg_catalog, pg_temp
as $$
  select p_synced_at is null or p_created > p_synced_at
      or (p_created = p_synced_at and app.stripe_status_rank(p_status) >= app.stripe_status_rank(p_synced_status))
$$;
comment on function app.is_newer_stripe_state(timestamptz, text, timestamptz, text) is
  'Whether an event (created time, status) may replace the state last applied (never an older one).';

create or replace function app.stripe_not_yet(p_created timestamptz) returns text
  language plpgsql volatile
  set search_path = pg_catalog, pg_temp
as $$
begin
  -- Stripe delivers (and retries) an event for up to three days: within them the parent's event
  -- is still coming (after an outage, a backlog may arrive children first); after them it is not.
  if p_created > pg_catalog.now() - interval '3 days' then
    perform app.fail('PT503', 'stripe_event_not_ready', 'the event names an object not recorded yet: Stripe will deliver it again');
  end if;
  return 'ignored';
end
$$;
comment on function app.stripe_not_yet(timestamptz) is
  'For an event whose parent is not recorded yet: 503 within Stripe''s three days of retries (it redelivers), else ignored.';

create or replace function app.add_stripe_routes(p_keys text[]) returns void
  language sql volatile security definer
  set search_path = pg_catalog, pg_temp
as $$
  insert into app.stripe_routes (tenant_id, routing_key)
  select app.current_tenant_id(), k from pg_catalog.unnest(p_keys) k where k is not null
  on conflict (routing_key) do nothing
$$;
comment on function app.add_stripe_routes(text[]) is 'Remembers that these Stripe ids belong to the current tenant.';

create or replace function app.stripe_ref(p_metadata jsonb) returns uuid
  language sql immutable
  set search_path = pg_catalog, pg_temp
as $$
  select case when p_metadata ->> 'estate_subscription_id' ~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$'
              then (p_metadata ->> 'estate_subscription_id')::uuid end
$$;
comment on function app.stripe_ref(jsonb) is 'Our subscription id carried in Stripe metadata (estate_subscription_id), if well-formed.';

create or replace function app.stripe_id(p_value jsonb) returns text
  language sql immutable
  set search_path = pg_catalog, pg_temp
as $$
  -- A reference may be an id or, when expanded, the object itself.
  select case pg_catalog.jsonb_typeof(p_value) when 'string' then p_value #>> '{}' when 'object' then p_value ->> 'id' end
$$;
comment on function app.stripe_id(jsonb) is 'The id of a Stripe reference, whether given as an id or as the expanded object.';

create or replace function app.route_stripe_event(p_type text, p_object jsonb, p_created timestamptz) returns uuid
  language plpgsql volatile security definer
  set search_path = pg_catalog, pg_temp
as $$
declare
  -- Our checkout reference leads only subscription events (the ones that may link a subscription).
  v_keys text[] := pg_catalog.array_remove(array[
    p_object ->> 'id',
    case when p_type like 'customer.subscription.%' then app.stripe_ref(p_object -> 'metadata')::text end,
    app.stripe_id(p_object -> 'customer'),
    app.stripe_id(p_object -> 'parent' -> 'subscription_details' -> 'subscription'),
    app.stripe_id(p_object -> 'subscription'),
    app.stripe_id(p_object -> 'payment_intent'),
    app.stripe_id(p_object -> 'invoice'),
    app.stripe_id(p_object -> 'payment' -> 'payment_intent')], null);
  v_tenants uuid[];
begin
  select pg_catalog.array_agg(distinct r.tenant_id) into v_tenants from app.stripe_routes r where r.routing_key = any (v_keys);
  if v_tenants is null then
    perform app.stripe_not_yet(p_created);
    return null;
  end if;
  if pg_catalog.cardinality(v_tenants) > 1 then
    perform app.fail('PT409', 'stripe_route_conflict', 'the event names objects of more than one tenant');
  end if;
  return v_tenants[1];
end
$$;
comment on function app.route_stripe_event(text, jsonb, timestamptz) is
  'The one tenant a Stripe event''s object belongs to, from the ids it names; NULL (past Stripe''s retries) or 503 (within them) when none, 409 when several.';

create or replace function app.linked_subscription(p_stripe_subscription_id text) returns app.subscriptions
  language sql volatile security definer
  set search_path = pg_catalog, pg_temp
as $$
  select * from app.subscriptions s
   where s.tenant_id = app.current_tenant_id() and s.stripe_subscription_id = p_stripe_subscription_id
   for update
$$;
comment on function app.linked_subscription(text) is 'Our subscription linked to a Stripe subscription id, locked; all NULL when none.';

create or replace function app.set_subscription_status_from_payment(p_subscription_id uuid, p_created timestamptz, p_succeeded boolean)
  returns void
  language plpgsql volatile security definer
  set search_path = pg_catalog, pg_temp
as $$
begin
  -- Past due after a failed payment of one of its invoices, active again after a successful one;
  -- never over a newer status.
  update app.subscriptions s
     set status = case when p_succeeded then 'active' else 'past_due' end, status_synced_at = p_created
   where s.tenant_id = app.current_tenant_id() and s.id = p_subscription_id and s.ended_at is null
     and (s.status_synced_at is null or p_created > s.status_synced_at)
     and ((p_succeeded and s.status in ('incomplete', 'past_due', 'unpaid'))
          or (not p_succeeded and s.status in ('active', 'trialing')));
end
$$;
comment on function app.set_subscription_status_from_payment(uuid, timestamptz, boolean) is
  'Moves a live paid subscription to past_due after a failed invoice payment and back to active after a successful one.';

create or replace function app.stripe_price_plan(p_items jsonb) returns uuid
  language sql stable security definer
  set search_path = pg_catalog, pg_temp
as $$
  -- The first item whose price is one of the tenant's paid plans.
  select p.plan_id
    from pg_catalog.jsonb_array_elements(case when pg_catalog.jsonb_typeof(p_items) = 'array' then p_items else '[]' end)
         with ordinality as i(item, n)
    join app.tenant_plans(app.current_tenant_id()) p on p.stripe_price_id = app.stripe_id(i.item -> 'price')
   where p.plan_id <> app.free_plan_id()
   order by i.n
   limit 1
$$;
comment on function app.stripe_price_plan(jsonb) is 'The tenant''s paid plan a Stripe subscription''s items are priced at, if any.';

create or replace function app.apply_stripe_subscription(p_event_id text, p_event_type text, p_created timestamptz, p_object jsonb)
  returns text
  language plpgsql volatile security definer
  set search_path = pg_catalog, pg_temp
as $$
declare
  v_tenant_id uuid := app.current_tenant_id();
  v_subscription app.subscriptions := app.linked_subscription(p_object ->> 'id');
  v_status text := case when p_event_type = 'customer.subscription.deleted' then 'canceled' else p_object ->> 'status' end;
  v_item jsonb := p_object -> 'items' -> 'data' -> 0;
  v_plan_id uuid;
  v_ended boolean;
  v_cancel_kept boolean;
begin
  if coalesce(p_object ->> 'id', '') !~ '^sub_[A-Za-z0-9]+$' or app.stripe_status_rank(v_status) < 0
     or v_status in ('draft', 'open', 'paid', 'void', 'uncollectible') then
    perform app.fail('PT400', 'invalid_stripe_event', 'a subscription event carries a subscription with a known status');
  end if;
  if v_subscription.id is null then
    -- Not linked yet: only onto the subscription our checkout reference names, and only one never
    -- linked (or linked meanwhile by a concurrent event of this same Stripe subscription) that
    -- waits for Stripe or has ended: a reference cannot take over a subscription Stripe bills.
    select * into v_subscription from app.subscriptions s
     where s.tenant_id = v_tenant_id and s.id = app.stripe_ref(p_object -> 'metadata')
       and (s.stripe_subscription_id = p_object ->> 'id'
            or (s.stripe_subscription_id is null and (s.status = 'incomplete' or s.ended_at is not null)))
     for update;
    if v_subscription.id is null then
      return 'ignored';
    end if;
  end if;
  if v_subscription.ended_at is not null then
    -- Ended here (cancelled before checkout finished): never revived, but linked, so that what
    -- Stripe charges for it still reaches the ledger.
    if v_subscription.stripe_subscription_id is null then
      update app.subscriptions s set stripe_subscription_id = p_object ->> 'id',
                                     stripe_customer_id = app.stripe_id(p_object -> 'customer')
       where s.tenant_id = v_tenant_id and s.id = v_subscription.id;
      perform app.add_stripe_routes(array[p_object ->> 'id', app.stripe_id(p_object -> 'customer')]);
    end if;
    return 'stale';
  end if;
  if not app.is_newer_stripe_state(p_created, v_status, v_subscription.stripe_synced_at, v_subscription.status) then
    return 'stale';
  end if;

  -- Stripe's price decides the plan, unless the user asked for a plan after Stripe wrote this event.
  v_plan_id := app.stripe_price_plan(p_object -> 'items' -> 'data');
  if v_plan_id is not null and p_created < pg_catalog.date_trunc('second', v_subscription.plan_requested_at) then
    v_plan_id := null;
  end if;
  v_ended := v_status in ('canceled', 'incomplete_expired');
  -- Likewise a cancellation the user asked for after this event was written stands.
  v_cancel_kept := v_subscription.cancel_at_period_end and not v_ended
                   and p_created < pg_catalog.date_trunc('second', v_subscription.canceled_at);

  update app.subscriptions s set
    stripe_subscription_id = p_object ->> 'id',
    stripe_customer_id = coalesce(app.stripe_id(p_object -> 'customer'), s.stripe_customer_id),
    plan_id = coalesce(v_plan_id, s.plan_id),
    -- Stripe now bills the plan asked for, or has moved to another: either way nothing is pending.
    pending_plan_id = case when v_ended then null
                           when v_plan_id is null or v_plan_id = s.plan_id then s.pending_plan_id end,
    status = case when s.status_synced_at is null or p_created >= s.status_synced_at or v_ended then v_status else s.status end,
    status_synced_at = greatest(s.status_synced_at, p_created),
    current_period_start = coalesce(app.stripe_time(v_item -> 'current_period_start'), app.stripe_time(p_object -> 'current_period_start')),
    current_period_end = coalesce(app.stripe_time(v_item -> 'current_period_end'), app.stripe_time(p_object -> 'current_period_end')),
    cancel_at_period_end = v_cancel_kept or coalesce(p_object -> 'cancel_at_period_end' = 'true'::jsonb, false),
    canceled_at = case when v_cancel_kept then s.canceled_at else app.stripe_time(p_object -> 'canceled_at') end,
    ended_at = case when v_ended then coalesce(app.stripe_time(p_object -> 'ended_at'), p_created) end,
    stripe_synced_at = p_created
   where s.tenant_id = v_tenant_id and s.id = v_subscription.id;

  if v_plan_id is not null and v_plan_id <> v_subscription.plan_id then
    perform app.record_plan_change(v_subscription.id, v_subscription.plan_id, v_plan_id, null, 'stripe', null, p_event_id);
  end if;
  perform app.add_stripe_routes(array[p_object ->> 'id', app.stripe_id(p_object -> 'customer')]);
  if v_ended then
    perform app.record_plan_change(v_subscription.id, coalesce(v_plan_id, v_subscription.plan_id),
                                   coalesce(v_plan_id, v_subscription.plan_id), 'canceled', 'stripe', null, p_event_id);
    perform app.start_free_subscription(v_subscription.user_id, 'stripe', 'reverted_to_free');
  end if;
  return 'applied';
end
$$;
comment on function app.apply_stripe_subscription(text, text, timestamptz, jsonb) is
  'Applies customer.subscription.created / updated / deleted: links the Stripe ids, follows its price, status and period.';

create or replace function app.apply_stripe_invoice(p_event_id text, p_event_type text, p_created timestamptz, p_object jsonb)
  returns text
  language plpgsql volatile security definer
  set search_path = pg_catalog, pg_temp
as $$
declare
  v_tenant_id uuid := app.current_tenant_id();
  v_stripe_subscription_id text := coalesce(app.stripe_id(p_object -> 'parent' -> 'subscription_details' -> 'subscription'),
                                            app.stripe_id(p_object -> 'subscription'));
  v_subscription app.subscriptions;
  v_invoice app.invoices;
  v_status text := p_object ->> 'status';
  v_currency text := app.stripe_currency(p_object);
begin
  if coalesce(p_object ->> 'id', '') !~ '^in_[A-Za-z0-9]+$' or coalesce(v_status, '') not in ('draft', 'open', 'paid', 'void', 'uncollectible') then
    perform app.fail('PT400', 'invalid_stripe_event', 'an invoice event carries an invoice with a known status');
  end if;
  if v_stripe_subscription_id is null then
    return 'ignored';  -- a one-off invoice: not a subscription's
  end if;
  v_subscription := app.linked_subscription(v_stripe_subscription_id);
  if v_subscription.id is null then
    return app.stripe_not_yet(p_created);  -- its subscription's created event is still on its way
  end if;
  select * into v_invoice from app.invoices i where i.tenant_id = v_tenant_id and i.stripe_invoice_id = p_object ->> 'id' for update;
  -- Paid and void are final; an uncollectible invoice may still be paid or voided.
  if v_invoice.id is not null
     and (not app.is_newer_stripe_state(p_created, v_status, v_invoice.stripe_synced_at, v_invoice.status)
          or (v_invoice.status in ('paid', 'void') and v_status <> v_invoice.status)) then
    return 'stale';
  end if;

  insert into app.invoices as i (tenant_id, subscription_id, stripe_invoice_id, number, status, currency, amount_due, amount_paid,
                                 amount_remaining, attempt_count, billing_reason, period_start, period_end, hosted_invoice_url,
                                 finalized_at, paid_at, stripe_synced_at)
  values (v_tenant_id, v_subscription.id, p_object ->> 'id', p_object ->> 'number', v_status, v_currency,
          app.stripe_amount(p_object -> 'amount_due', v_currency), app.stripe_amount(coalesce(p_object -> 'amount_paid', '0'), v_currency),
          app.stripe_amount(coalesce(p_object -> 'amount_remaining', '0'), v_currency),
          case when pg_catalog.jsonb_typeof(p_object -> 'attempt_count') = 'number' then (p_object ->> 'attempt_count')::integer else 0 end,
          pg_catalog.left(p_object ->> 'billing_reason', 100),
          app.stripe_time(p_object -> 'period_start'), app.stripe_time(p_object -> 'period_end'),
          case when p_object ->> 'hosted_invoice_url' ~ '^https://' then p_object ->> 'hosted_invoice_url' end,
          app.stripe_time(p_object -> 'status_transitions' -> 'finalized_at'),
          app.stripe_time(p_object -> 'status_transitions' -> 'paid_at'), p_created)
  on conflict (stripe_invoice_id) do update set
    number = excluded.number, status = excluded.status, amount_due = excluded.amount_due, amount_paid = excluded.amount_paid,
    amount_remaining = excluded.amount_remaining, attempt_count = greatest(i.attempt_count, excluded.attempt_count),
    period_start = excluded.period_start, period_end = excluded.period_end,
    hosted_invoice_url = coalesce(excluded.hosted_invoice_url, i.hosted_invoice_url),
    finalized_at = coalesce(excluded.finalized_at, i.finalized_at), paid_at = coalesce(excluded.paid_at, i.paid_at),
    stripe_synced_at = excluded.stripe_synced_at;

  perform app.add_stripe_routes(array[p_object ->> 'id', app.stripe_id(p_object -> 'customer')]);
  -- The invoice names its subscription: its payment outcome is the subscription's.
  if p_event_type = 'invoice.paid' then
    perform app.set_subscription_status_from_payment(v_subscription.id, p_created, true);
  elsif p_event_type = 'invoice.payment_failed' then
    perform app.set_subscription_status_from_payment(v_subscription.id, p_created, false);
  end if;
  return 'applied';
end
$$;
comment on function app.apply_stripe_invoice(text, text, timestamptz, jsonb) is
  'Applies invoice.created / finalized / paid / payment_failed / voided / marked_uncollectible / updated to the invoice and its subscription.';

create or replace function app.payment_transaction_for(p_payment_intent_id text, p_customer_id text, p_invoice_id text,
                                                       p_created timestamptz, p_amount numeric, p_currency text)
  returns app.payment_transactions
  language plpgsql volatile security definer
  set search_path = pg_catalog, pg_temp
as $$
declare
  v_tenant_id uuid := app.current_tenant_id();
  v_transaction app.payment_transactions;
  v_subscription_id uuid;
begin
  select * into v_transaction from app.payment_transactions t
   where t.tenant_id = v_tenant_id and t.stripe_payment_intent_id = p_payment_intent_id for update;
  if v_transaction.id is not null then
    return v_transaction;
  end if;
  -- A new payment belongs to the subscription of the invoice it pays when that is known, else to
  -- the customer's latest subscription (for the ledger's attribution only).
  select i.subscription_id into v_subscription_id from app.invoices i
   where i.tenant_id = v_tenant_id and i.stripe_invoice_id = p_invoice_id;
  if v_subscription_id is null then
    select s.id into v_subscription_id from app.subscriptions s
     where s.tenant_id = v_tenant_id and s.stripe_customer_id = p_customer_id
     order by s.created_at desc, s.id limit 1;
  end if;
  if v_subscription_id is null then
    return v_transaction;
  end if;
  -- Recorded as not (yet) succeeded; the caller marks it succeeded or failed in the same transaction.
  insert into app.payment_transactions (tenant_id, subscription_id, stripe_invoice_id, stripe_payment_intent_id, status, amount,
                                        currency, amount_refunded, stripe_synced_at)
  values (v_tenant_id, v_subscription_id, p_invoice_id, p_payment_intent_id, 'failed', p_amount, p_currency,
          pg_catalog.round(0, pg_catalog.scale(p_amount)), p_created)
  on conflict (stripe_payment_intent_id) do nothing;
  select * into v_transaction from app.payment_transactions t
   where t.tenant_id = v_tenant_id and t.stripe_payment_intent_id = p_payment_intent_id for update;
  return v_transaction;
end
$$;
comment on function app.payment_transaction_for(text, text, text, timestamptz, numeric, text) is
  'The locked payment row of a PaymentIntent, created (as not yet succeeded) for its invoice''s or customer''s subscription when new.';

create or replace function app.apply_invoice_payment_outcome(p_transaction_id uuid, p_created timestamptz) returns void
  language plpgsql volatile security definer
  set search_path = pg_catalog, pg_temp
as $$
declare
  v_transaction app.payment_transactions;
  v_subscription_id uuid;
begin
  select * into v_transaction from app.payment_transactions t
   where t.tenant_id = app.current_tenant_id() and t.id = p_transaction_id;
  select i.subscription_id into v_subscription_id from app.invoices i
   where i.tenant_id = v_transaction.tenant_id and i.stripe_invoice_id = v_transaction.stripe_invoice_id;
  if v_subscription_id is null then
    return;  -- not known to pay an invoice (yet)
  end if;
  -- The subscription before its invoice, the order the invoice events lock them in.
  perform 1 from app.subscriptions s where s.tenant_id = v_transaction.tenant_id and s.id = v_subscription_id for update;
  -- Only a payment known to be for an invoice speaks for the invoice and its subscription.
  update app.invoices i
     set status = 'paid', amount_paid = i.amount_due, amount_remaining = pg_catalog.round(0, pg_catalog.scale(i.amount_due)),
         paid_at = coalesce(i.paid_at, p_created)
   where i.tenant_id = v_transaction.tenant_id and i.stripe_invoice_id = v_transaction.stripe_invoice_id
     and v_transaction.status = 'succeeded' and i.status in ('draft', 'open', 'uncollectible');
  perform app.set_subscription_status_from_payment(v_subscription_id, p_created, v_transaction.status = 'succeeded');
end
$$;
comment on function app.apply_invoice_payment_outcome(uuid, timestamptz) is
  'When a payment is known to pay an invoice: a success pays the invoice; either outcome moves its subscription (active / past due).';

create or replace function app.mark_payment_succeeded(p_transaction app.payment_transactions, p_succeeded_at timestamptz,
                                                      p_charge_id text, p_amount numeric) returns void
  language plpgsql volatile security definer
  set search_path = pg_catalog, pg_temp
as $$
begin
  update app.payment_transactions t set status = 'succeeded', succeeded_at = p_succeeded_at, failure_code = null, failure_message = null,
                                        amount = p_amount, stripe_charge_id = coalesce(p_charge_id, t.stripe_charge_id),
                                        stripe_synced_at = greatest(t.stripe_synced_at, p_succeeded_at)
   where t.tenant_id = p_transaction.tenant_id and t.id = p_transaction.id;
  -- Money in: one ledger entry per payment, whichever event told us first.
  insert into app.general_ledger (tenant_id, entry_type, amount, currency, subscription_id, payment_transaction_id, description)
  values (p_transaction.tenant_id, 'payment', p_amount, p_transaction.currency, p_transaction.subscription_id,
          p_transaction.id, 'payment ' || p_transaction.stripe_payment_intent_id)
  on conflict (tenant_id, payment_transaction_id) where entry_type = 'payment' do nothing;
  perform app.apply_invoice_payment_outcome(p_transaction.id, p_succeeded_at);
end
$$;
comment on function app.mark_payment_succeeded(app.payment_transactions, timestamptz, text, numeric) is
  'Records a payment as succeeded (at the time the money moved): the ledger entry (once), and its invoice''s outcome.';

create or replace function app.sp_process_payment(p_event_id text, p_event_type text, p_created timestamptz, p_object jsonb)
  returns text
  language plpgsql volatile security definer
  set search_path = pg_catalog, pg_temp
as $$
declare
  v_succeeded boolean := p_event_type = 'payment_intent.succeeded';
  v_currency text := app.stripe_currency(p_object);
  v_amount numeric := app.stripe_amount(case when v_succeeded then p_object -> 'amount_received' else p_object -> 'amount' end, v_currency);
  v_invoice_id text := app.stripe_id(p_object -> 'invoice');  -- API versions before 2025-03-31 name it
  v_transaction app.payment_transactions;
begin
  if coalesce(p_object ->> 'id', '') !~ '^pi_[A-Za-z0-9]+$' or coalesce(v_invoice_id, 'in_x') !~ '^in_[A-Za-z0-9]+$' then
    perform app.fail('PT400', 'invalid_stripe_event', 'a payment event carries a PaymentIntent');
  end if;
  if v_amount <= 0 then
    return 'ignored';
  end if;
  v_transaction := app.payment_transaction_for(p_object ->> 'id', app.stripe_id(p_object -> 'customer'), v_invoice_id,
                                               p_created, v_amount, v_currency);
  if v_transaction.id is null then
    return app.stripe_not_yet(p_created);  -- its customer's subscription is still on its way
  end if;
  perform app.add_stripe_routes(array[p_object ->> 'id', app.stripe_id(p_object -> 'latest_charge')]);
  if v_invoice_id is not null and v_transaction.stripe_invoice_id is null then
    update app.payment_transactions t set stripe_invoice_id = v_invoice_id
     where t.tenant_id = v_transaction.tenant_id and t.id = v_transaction.id
    returning * into v_transaction;
    if v_transaction.status = 'succeeded' then
      -- Recorded as paid already (its refund came first): now known to pay this invoice.
      perform app.apply_invoice_payment_outcome(v_transaction.id, v_transaction.succeeded_at);
      return 'applied';
    end if;
  end if;
  -- A success is final; a failure is only news when newer than what is recorded.
  if v_transaction.status = 'succeeded' then
    return 'stale';
  end if;
  if v_succeeded then
    perform app.mark_payment_succeeded(v_transaction, p_created, app.stripe_id(p_object -> 'latest_charge'), v_amount);
    return 'applied';
  end if;
  if v_transaction.failure_code is not null and p_created < v_transaction.stripe_synced_at then
    return 'stale';
  end if;
  update app.payment_transactions t
     set failure_code = pg_catalog.left(coalesce(p_object -> 'last_payment_error' ->> 'code', 'payment_failed'), 100),
         failure_message = pg_catalog.left(p_object -> 'last_payment_error' ->> 'message', 500),
         stripe_synced_at = p_created
   where t.tenant_id = v_transaction.tenant_id and t.id = v_transaction.id;
  perform app.apply_invoice_payment_outcome(v_transaction.id, p_created);
  return 'applied';
end
$$;
comment on function app.sp_process_payment(text, text, timestamptz, jsonb) is
  'Internal (from Stripe events): records a payment''s outcome, posts it to the ledger once, updates its invoice and subscription when it is known to pay one.';

create or replace function app.sp_process_refund(p_event_id text, p_created timestamptz, p_object jsonb)
  returns text
  language plpgsql volatile security definer
  set search_path = pg_catalog, pg_temp
as $$
declare
  v_currency text := app.stripe_currency(p_object);
  v_amount numeric := app.stripe_amount(p_object -> 'amount', v_currency);
  v_refunded_total numeric := app.stripe_amount(p_object -> 'amount_refunded', v_currency);
  v_payment_intent_id text := app.stripe_id(p_object -> 'payment_intent');
  v_transaction app.payment_transactions;
  v_refund_id uuid;
begin
  if coalesce(p_object ->> 'id', '') !~ '^(ch|py)_[A-Za-z0-9]+$' or coalesce(v_payment_intent_id, 'pi_x') !~ '^pi_[A-Za-z0-9]+$' then
    perform app.fail('PT400', 'invalid_stripe_event', 'a refund event carries a charge');
  end if;
  if v_payment_intent_id is null then
    return 'ignored';  -- a charge made without a PaymentIntent: not a payment recorded here
  end if;
  if v_amount <= 0 then
    return 'ignored';
  end if;
  v_transaction := app.payment_transaction_for(v_payment_intent_id, app.stripe_id(p_object -> 'customer'), null,
                                               p_created, v_amount, v_currency);
  if v_transaction.id is null then
    return app.stripe_not_yet(p_created);
  end if;
  if v_transaction.currency <> v_currency or v_refunded_total > v_amount then
    return 'ignored';
  end if;
  perform app.add_stripe_routes(array[p_object ->> 'id', v_payment_intent_id]);
  -- A refunded charge was paid, when the charge was made, whether or not its success event has arrived yet.
  if v_transaction.status <> 'succeeded' then
    perform app.mark_payment_succeeded(v_transaction, coalesce(app.stripe_time(p_object -> 'created'), p_created), p_object ->> 'id', v_amount);
  end if;
  -- Stripe reports the charge's refunded total: only an increase is news.
  if v_refunded_total <= v_transaction.amount_refunded then
    return 'stale';
  end if;
  insert into app.refunds (tenant_id, payment_transaction_id, amount, currency, refunded_total, stripe_event_id)
  values (v_transaction.tenant_id, v_transaction.id, v_refunded_total - v_transaction.amount_refunded, v_currency, v_refunded_total, p_event_id)
  returning id into v_refund_id;
  insert into app.general_ledger (tenant_id, entry_type, amount, currency, subscription_id, payment_transaction_id, refund_id, description)
  values (v_transaction.tenant_id, 'refund', v_transaction.amount_refunded - v_refunded_total, v_currency, v_transaction.subscription_id,
          v_transaction.id, v_refund_id, 'refund of ' || v_transaction.stripe_payment_intent_id);
  update app.payment_transactions t set amount_refunded = v_refunded_total
   where t.tenant_id = v_transaction.tenant_id and t.id = v_transaction.id;
  return 'applied';
end
$$;
comment on function app.sp_process_refund(text, timestamptz, jsonb) is
  'Internal (from charge.refunded): records the increase of a payment''s refunded total as a refund and a ledger entry.';

create or replace function app.apply_stripe_invoice_payment(p_created timestamptz, p_object jsonb) returns text
  language plpgsql volatile security definer
  set search_path = pg_catalog, pg_temp
as $$
declare
  v_invoice_id text := app.stripe_id(p_object -> 'invoice');
  v_transaction app.payment_transactions;
begin
  if p_object -> 'payment' ->> 'type' is distinct from 'payment_intent' then
    return 'ignored';  -- paid by a charge or an out-of-band record: not a PaymentIntent recorded here
  end if;
  if coalesce(v_invoice_id, '') !~ '^in_[A-Za-z0-9]+$' then
    perform app.fail('PT400', 'invalid_stripe_event', 'an invoice payment names its invoice');
  end if;
  select * into v_transaction from app.payment_transactions t
   where t.tenant_id = app.current_tenant_id()
     and t.stripe_payment_intent_id = app.stripe_id(p_object -> 'payment' -> 'payment_intent') for update;
  if v_transaction.id is null then
    return app.stripe_not_yet(p_created);  -- the payment's own event is still on its way
  end if;
  if v_transaction.stripe_invoice_id is not null then
    return 'stale';
  end if;
  update app.payment_transactions t set stripe_invoice_id = v_invoice_id
   where t.tenant_id = v_transaction.tenant_id and t.id = v_transaction.id;
  -- "Paid" speaks for the invoice once the payment's success is known (its own event applies it
  -- otherwise); an earlier declined attempt of the same PaymentIntent must not count as failure.
  if v_transaction.status = 'succeeded' then
    perform app.apply_invoice_payment_outcome(v_transaction.id, v_transaction.succeeded_at);
  end if;
  return 'applied';
end
$$;
comment on function app.apply_stripe_invoice_payment(timestamptz, jsonb) is
  'Applies invoice_payment.paid: links a payment to the invoice it paid (which its success then pays).';

create or replace function app.stripe_event_for_storage(p_event jsonb) returns jsonb
  language sql immutable
  set search_path = pg_catalog, pg_temp
as $$
  -- What the appliers read, and nothing of the customer's person (names, emails, addresses,
  -- billing details, invoice links): kept for inquiry (flattened: not a payload to replay).
  select pg_catalog.jsonb_build_object(
    'id', p_event -> 'id', 'object', p_event -> 'object', 'type', p_event -> 'type', 'created', p_event -> 'created',
    'livemode', p_event -> 'livemode', 'api_version', p_event -> 'api_version',
    'data', pg_catalog.jsonb_build_object('object', pg_catalog.jsonb_strip_nulls(pg_catalog.jsonb_build_object(
      'id', o -> 'id', 'object', o -> 'object', 'status', o -> 'status', 'customer', to_jsonb(app.stripe_id(o -> 'customer')),
      'currency', o -> 'currency', 'amount', o -> 'amount', 'amount_received', o -> 'amount_received',
      'amount_refunded', o -> 'amount_refunded', 'amount_due', o -> 'amount_due', 'amount_paid', o -> 'amount_paid',
      'amount_remaining', o -> 'amount_remaining', 'attempt_count', o -> 'attempt_count', 'billing_reason', o -> 'billing_reason',
      'number', o -> 'number', 'period_start', o -> 'period_start', 'period_end', o -> 'period_end',
      'status_transitions', o -> 'status_transitions', 'cancel_at_period_end', o -> 'cancel_at_period_end',
      'canceled_at', o -> 'canceled_at', 'ended_at', o -> 'ended_at', 'created', o -> 'created',
      'current_period_start', o -> 'current_period_start', 'current_period_end', o -> 'current_period_end',
      'items', (select pg_catalog.jsonb_agg(pg_catalog.jsonb_build_object(
                         'price', to_jsonb(app.stripe_id(i -> 'price')), 'current_period_start', i -> 'current_period_start',
                         'current_period_end', i -> 'current_period_end'))
                  from pg_catalog.jsonb_array_elements(case when pg_catalog.jsonb_typeof(o -> 'items' -> 'data') = 'array'
                                                            then o -> 'items' -> 'data' else '[]' end) i),
      'subscription', to_jsonb(coalesce(app.stripe_id(o -> 'parent' -> 'subscription_details' -> 'subscription'),
                                        app.stripe_id(o -> 'subscription'))),
      'estate_subscription_id', to_jsonb(coalesce(app.stripe_ref(o -> 'metadata'),
                                                  app.stripe_ref(o -> 'parent' -> 'subscription_details' -> 'metadata'))),
      'payment_intent', to_jsonb(coalesce(app.stripe_id(o -> 'payment_intent'), app.stripe_id(o -> 'payment' -> 'payment_intent'))),
      'invoice', to_jsonb(app.stripe_id(o -> 'invoice')), 'latest_charge', to_jsonb(app.stripe_id(o -> 'latest_charge')),
      'last_payment_error', case when o ? 'last_payment_error' and pg_catalog.jsonb_typeof(o -> 'last_payment_error') = 'object'
                                 then pg_catalog.jsonb_build_object('code', o -> 'last_payment_error' -> 'code',
                                                                    'decline_code', o -> 'last_payment_error' -> 'decline_code') end))))
    from (select p_event -> 'data' -> 'object' as o) x
$$;
comment on function app.stripe_event_for_storage(jsonb) is
  'The part of a Stripe event kept in stripe_webhook_events: ids, kinds, times, statuses and amounts; no personal data.';

create or replace function api.sp_record_stripe_event(p_event jsonb)
  returns table (stripe_event_id text, event_type text, outcome text)
  language plpgsql volatile security definer
  set search_path = pg_catalog, pg_temp
as $$
#variable_conflict use_column
declare
  v_event_id text := p_event ->> 'id';
  v_type text := p_event ->> 'type';
  v_object jsonb := p_event -> 'data' -> 'object';
  v_created timestamptz := app.stripe_time(p_event -> 'created');
  v_tenant_id uuid;
  v_row_id uuid;
  v_outcome text;
begin
  -- Only the webhook route, after verifying Stripe's signature, acts as this system actor; it
  -- names no tenant: the event's own ids decide which one it reaches.
  if app.current_actor_kind() <> 'system' or app.current_actor_id() is distinct from 'stripe-webhook'
     or coalesce(pg_catalog.current_setting('app.tenant_id', true), '') <> '' then
    perform app.fail('42501', 'webhook_context_missing', 'Stripe events are recorded by the webhook only');
  end if;
  if p_event is null or pg_catalog.jsonb_typeof(p_event) <> 'object' or coalesce(v_event_id, '') !~ '^evt_[A-Za-z0-9]+$'
     or v_type is null or v_created is null or pg_catalog.jsonb_typeof(v_object) is distinct from 'object'
     or pg_catalog.jsonb_typeof(p_event -> 'livemode') is distinct from 'boolean' then
    perform app.fail('PT400', 'invalid_stripe_event', 'a Stripe event has an evt_ id, a type, a created time, livemode and data.object');
  end if;
  if v_type not in ('customer.subscription.created', 'customer.subscription.updated', 'customer.subscription.deleted',
                    'invoice.created', 'invoice.finalized', 'invoice.updated', 'invoice.paid', 'invoice.payment_failed',
                    'invoice.voided', 'invoice.marked_uncollectible', 'payment_intent.succeeded',
                    'payment_intent.payment_failed', 'charge.refunded', 'invoice_payment.paid') then
    -- Not an event this system acts on: acknowledged, nothing stored.
    return query select v_event_id, v_type, 'ignored'::text;
    return;
  end if;

  v_tenant_id := app.route_stripe_event(v_type, v_object, v_created);
  if v_tenant_id is null then
    -- Old, and naming nothing known here: not ours. Acknowledged, nothing stored.
    return query select v_event_id, v_type, 'unroutable'::text;
    return;
  end if;
  perform pg_catalog.set_config('app.tenant_id', v_tenant_id::text, true);

  -- Exactly once: a redelivery finds the event id taken (cheaply, here; one racing the first
  -- delivery waits on the unique index below and then finds it taken too).
  if exists (select 1 from app.stripe_webhook_events e where e.stripe_event_id = v_event_id) then
    return query select v_event_id, v_type, 'duplicate'::text;
    return;
  end if;
  insert into app.stripe_webhook_events (tenant_id, stripe_event_id, event_type, object_id, event_created_at, livemode, payload, outcome)
  values (v_tenant_id, v_event_id, v_type, v_object ->> 'id', v_created, (p_event ->> 'livemode')::boolean,
          app.stripe_event_for_storage(p_event), 'applied')
  on conflict (stripe_event_id) do nothing
  returning id into v_row_id;
  if v_row_id is null then
    return query select v_event_id, v_type, 'duplicate'::text;
    return;
  end if;

  v_outcome := case
    when v_type like 'customer.subscription.%' then app.apply_stripe_subscription(v_event_id, v_type, v_created, v_object)
    when v_type like 'invoice.%' then app.apply_stripe_invoice(v_event_id, v_type, v_created, v_object)
    when v_type like 'payment_intent.%' then app.sp_process_payment(v_event_id, v_type, v_created, v_object)
    when v_type = 'charge.refunded' then app.sp_process_refund(v_event_id, v_created, v_object)
    else app.apply_stripe_invoice_payment(v_created, v_object) end;
  if v_outcome <> 'applied' then
    update app.stripe_webhook_events e set outcome = v_outcome where e.tenant_id = v_tenant_id and e.id = v_row_id;
  end if;
  return query select v_event_id, v_type, v_outcome;
end
$$;
comment on function api.sp_record_stripe_event(jsonb) is
  'Stores a verified Stripe event once (by event id) in the tenant its ids lead to, and applies it in the same transaction.';
grant execute on function api.sp_record_stripe_event(jsonb) to estate_api;

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
end
$$;
comment on function support.sp_get_payment_summary(uuid) is 'Support: a tenant''s payments, refunds and ledger balance per currency.';
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
end
$$;
comment on function support.sp_list_active_subscriptions(uuid, integer, integer) is
  'Support: a tenant''s subscriptions in force (v_active_subscriptions), emails masked.';
grant execute on function support.sp_list_active_subscriptions(uuid, integer, integer) to estate_support;
