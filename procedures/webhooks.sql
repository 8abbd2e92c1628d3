-- Webhook delivery of the outbox (issue 13, docs/webhooks.md): a tenant's endpoint, configured by
-- operators with a signing secret the operator CLI encrypts (FIELD_ENCRYPTION_KEYS) before it
-- reaches the database; the dispatcher's claim (FOR UPDATE SKIP LOCKED and a lease, so two
-- dispatchers never send one event at the same time) and the record of each attempt (delivered, or
-- retried with exponential backoff, given up after app.webhook_max_attempts()). All operators only
-- (app.require_operator): the support door's staff and the tenant's login cannot reach them.

------------------------------------------------------------------------------------------------
-- Policy: attempts and backoff
------------------------------------------------------------------------------------------------

create or replace function app.webhook_max_attempts() returns integer
  language sql immutable
  set search_path = pg_catalog, pg_temp
as $$ select 15 $$;
comment on function app.webhook_max_attempts() is
  'Delivery attempts of one event before it is given up (failed): 15, about 32 hours of retries (docs/webhooks.md).';

create or replace function app.webhook_retry_delay(p_attempts integer) returns interval
  language sql immutable
  set search_path = pg_catalog, pg_temp
as $$
  -- After the n-th failed attempt: 30 s * 2^(n-1), at most 6 hours (30 s, 1 min, 2 min, ... 256 min, 6 h, 6 h...).
  select least(interval '6 hours', interval '30 seconds' * pg_catalog.power(2, greatest(least(p_attempts, 20), 1) - 1))
$$;
comment on function app.webhook_retry_delay(integer) is
  'How long after its n-th failed attempt an event is tried again: 30 seconds doubled each time, capped at 6 hours.';

------------------------------------------------------------------------------------------------
-- The endpoint (operators)
------------------------------------------------------------------------------------------------

create or replace function app.check_webhook_url(p_url text) returns text
  language plpgsql immutable
  set search_path = pg_catalog, pg_temp
as $$
declare
  v_url text := pg_catalog.btrim(p_url);
  v_port integer;
begin
  -- https to any host name or address; http only to this machine (development and tests). No user
  -- info (credentials in a URL end up in logs), no fragment, at most 2000 characters.
  if v_url is null or pg_catalog.length(v_url) > 2000
     or not (v_url ~ '^https://[A-Za-z0-9]([A-Za-z0-9.-]{0,251}[A-Za-z0-9])?(:[0-9]{1,5})?(/[^\s#]*)?$'
             or v_url ~ '^http://(localhost|127\.0\.0\.1|\[::1\])(:[0-9]{1,5})?(/[^\s#]*)?$') then
    perform app.fail('PT400', 'invalid_webhook_url',
      'a webhook URL is https://host[:port][/path] (http only for localhost, 127.0.0.1 or [::1]), without user info or fragment');
  end if;
  v_port := pg_catalog.substring(v_url, '^https?://(?:[^/:]+|\[::1\]):([0-9]+)')::integer;
  if v_port is not null and (v_port < 1 or v_port > 65535) then
    perform app.fail('PT400', 'invalid_webhook_url', 'a webhook URL''s port is 1 to 65535');
  end if;
  return v_url;
end
$$;
comment on function app.check_webhook_url(text) is
  'Checks a webhook URL (https://host[:port][/path][?query], or http to localhost/127.0.0.1/[::1]) and returns it trimmed, raising invalid_webhook_url.';

create or replace function app.check_webhook_secret(p_ciphertext bytea) returns bytea
  language plpgsql immutable
  set search_path = pg_catalog, pg_temp
as $$
begin
  -- The field cipher's output (format version 1 in the first byte), never a secret in clear.
  if p_ciphertext is null or pg_catalog.octet_length(p_ciphertext) not between 32 and 512
     or pg_catalog.get_byte(p_ciphertext, 0) <> 1 then
    perform app.fail('PT400', 'invalid_webhook_secret',
      'the signing secret must be encrypted with the field keys (the operator CLI does it)');
  end if;
  return p_ciphertext;
end
$$;
comment on function app.check_webhook_secret(bytea) is
  'Refuses anything but a field-cipher ciphertext as a webhook signing secret (invalid_webhook_secret).';

create or replace function support.sp_set_webhook_endpoint(p_tenant_id uuid, p_url text, p_secret_ciphertext bytea)
  returns table (endpoint_id uuid, url text, active boolean, secret_stored boolean, secret_rotated_at timestamptz,
                 previous_secret_expires_at timestamptz, created_at timestamptz, updated_at timestamptz)
  language plpgsql volatile security definer
  set search_path = pg_catalog, pg_temp
as $$
#variable_conflict use_column
declare
  v_tenant_id uuid;
  v_url text;
  v_endpoint app.webhook_endpoints;
  v_stored boolean := false;
begin
  perform app.require_operator();
  v_tenant_id := app.enter_tenant_as_support(p_tenant_id);
  v_url := app.check_webhook_url(p_url);
  perform app.check_webhook_secret(p_secret_ciphertext);
  -- One endpoint per tenant. A new endpoint takes the secret given (the CLI shows it once); an
  -- existing one changes its URL and keeps its secret (rotate it with sp_rotate_webhook_secret).
  select e.* into v_endpoint from app.webhook_endpoints e where e.tenant_id = v_tenant_id for update;
  if not found then
    insert into app.webhook_endpoints (tenant_id, url, secret_ciphertext)
    values (v_tenant_id, v_url, p_secret_ciphertext)
    on conflict (tenant_id) do nothing
    returning * into v_endpoint;
    if v_endpoint.id is null then
      perform app.fail('PT409', 'webhook_endpoint_changed', 'the endpoint was set at the same moment: try again');
    end if;
    v_stored := true;
  elsif v_endpoint.url <> v_url then
    update app.webhook_endpoints e set url = v_url
     where e.tenant_id = v_tenant_id and e.id = v_endpoint.id
    returning * into v_endpoint;
  end if;
  return query select v_endpoint.id, v_endpoint.url, v_endpoint.active, v_stored, v_endpoint.secret_rotated_at,
                      v_endpoint.previous_secret_expires_at, v_endpoint.created_at, v_endpoint.updated_at;
end
$$;
comment on function support.sp_set_webhook_endpoint(uuid, text, bytea) is
  'Operators: sets a tenant''s webhook URL; a new endpoint stores the given (encrypted) secret, an existing one keeps its own (secret_stored says which).';
grant execute on function support.sp_set_webhook_endpoint(uuid, text, bytea) to estate_support;

create or replace function support.sp_rotate_webhook_secret(p_tenant_id uuid, p_secret_ciphertext bytea,
                                                            p_grace_seconds integer)
  returns table (endpoint_id uuid, url text, active boolean, secret_stored boolean, secret_rotated_at timestamptz,
                 previous_secret_expires_at timestamptz, created_at timestamptz, updated_at timestamptz)
  language plpgsql volatile security definer
  set search_path = pg_catalog, pg_temp
as $$
#variable_conflict use_column
declare
  v_tenant_id uuid;
  v_endpoint app.webhook_endpoints;
begin
  perform app.require_operator();
  v_tenant_id := app.enter_tenant_as_support(p_tenant_id);
  perform app.check_webhook_secret(p_secret_ciphertext);
  if p_grace_seconds is null or p_grace_seconds not between 0 and 604800 then
    perform app.fail('PT400', 'invalid_grace', 'the old secret''s grace is 0 to 604800 seconds (7 days)');
  end if;
  -- The old secret keeps signing (a second signature) for the grace; 0 ends it at once. A
  -- previous secret still in its grace is replaced: only the last two secrets ever sign.
  update app.webhook_endpoints e
     set previous_secret_ciphertext = case when p_grace_seconds > 0 then e.secret_ciphertext end,
         previous_secret_expires_at = case when p_grace_seconds > 0
                                           then pg_catalog.now() + pg_catalog.make_interval(secs => p_grace_seconds) end,
         secret_ciphertext = p_secret_ciphertext,
         secret_rotated_at = pg_catalog.now()
   where e.tenant_id = v_tenant_id
  returning * into v_endpoint;
  if not found then
    perform app.fail('PT404', 'webhook_endpoint_not_found', 'this tenant has no webhook endpoint');
  end if;
  return query select v_endpoint.id, v_endpoint.url, v_endpoint.active, true, v_endpoint.secret_rotated_at,
                      v_endpoint.previous_secret_expires_at, v_endpoint.created_at, v_endpoint.updated_at;
end
$$;
comment on function support.sp_rotate_webhook_secret(uuid, bytea, integer) is
  'Operators: replaces a tenant''s webhook signing secret (encrypted); the old one also signs for the grace given (0 to 7 days).';
grant execute on function support.sp_rotate_webhook_secret(uuid, bytea, integer) to estate_support;

create or replace function support.sp_set_webhook_endpoint_active(p_tenant_id uuid, p_active boolean)
  returns table (endpoint_id uuid, url text, active boolean, secret_stored boolean, secret_rotated_at timestamptz,
                 previous_secret_expires_at timestamptz, created_at timestamptz, updated_at timestamptz)
  language plpgsql volatile security definer
  set search_path = pg_catalog, pg_temp
as $$
#variable_conflict use_column
declare
  v_tenant_id uuid;
  v_endpoint app.webhook_endpoints;
begin
  perform app.require_operator();
  v_tenant_id := app.enter_tenant_as_support(p_tenant_id);
  if p_active is null then
    perform app.fail('PT400', 'invalid_status', 'say whether the endpoint is active');
  end if;
  -- Inactive: nothing is claimed; the events wait and go out, in order of seq, once it is active again.
  update app.webhook_endpoints e set active = p_active
   where e.tenant_id = v_tenant_id
  returning * into v_endpoint;
  if not found then
    perform app.fail('PT404', 'webhook_endpoint_not_found', 'this tenant has no webhook endpoint');
  end if;
  return query select v_endpoint.id, v_endpoint.url, v_endpoint.active, false, v_endpoint.secret_rotated_at,
                      v_endpoint.previous_secret_expires_at, v_endpoint.created_at, v_endpoint.updated_at;
end
$$;
comment on function support.sp_set_webhook_endpoint_active(uuid, boolean) is
  'Operators: pauses (or resumes) a tenant''s webhook deliveries; paused events wait undelivered.';
grant execute on function support.sp_set_webhook_endpoint_active(uuid, boolean) to estate_support;

create or replace function support.sp_get_webhook_endpoint(p_tenant_id uuid)
  returns table (endpoint_id uuid, url text, active boolean, secret_rotated_at timestamptz,
                 previous_secret_expires_at timestamptz, created_at timestamptz, updated_at timestamptz,
                 pending integer, due integer, in_flight integer, failed integer, oldest_pending_at timestamptz,
                 last_delivered_at timestamptz, last_error text)
  language plpgsql volatile security definer
  set search_path = pg_catalog, pg_temp
as $$
#variable_conflict use_column
declare
  v_tenant_id uuid;
begin
  -- One row, the endpoint's columns null when the tenant has none: its events wait all the same.
  perform app.require_operator();
  v_tenant_id := app.enter_tenant_as_support(p_tenant_id);
  return query
    select e.id, e.url, e.active, e.secret_rotated_at, e.previous_secret_expires_at, e.created_at, e.updated_at,
           s.pending, s.due, s.in_flight, f.failed, s.oldest_pending_at,
           (select o.delivered_at from app.outbox_events o
             where o.tenant_id = v_tenant_id and o.delivered_at is not null order by o.seq desc limit 1),
           (select o.last_error from app.outbox_events o
             where o.tenant_id = v_tenant_id and o.delivered_at is null and o.last_error is not null
             order by o.last_attempt_at desc nulls last limit 1)
      from (select 1) one
      left join app.webhook_endpoints e on e.tenant_id = v_tenant_id
      cross join lateral (
        select pg_catalog.count(*)::integer as pending,
               (pg_catalog.count(*) filter (where o.next_attempt_at <= pg_catalog.now()
                  and (o.lease_expires_at is null or o.lease_expires_at <= pg_catalog.now())))::integer as due,
               (pg_catalog.count(*) filter (where o.lease_expires_at > pg_catalog.now()))::integer as in_flight,
               pg_catalog.min(o.occurred_at) as oldest_pending_at
          from app.outbox_events o
         where o.tenant_id = v_tenant_id and o.delivered_at is null and o.failed_at is null) s
      cross join lateral (
        select pg_catalog.count(*)::integer as failed from app.outbox_events o
         where o.tenant_id = v_tenant_id and o.failed_at is not null) f;
  perform app.audit_support_read(v_tenant_id, 'support.sp_get_webhook_endpoint', null, '{}');
end
$$;
comment on function support.sp_get_webhook_endpoint(uuid) is
  'Operators: a tenant''s webhook endpoint (never its secret) and its deliveries: pending, due, in flight, failed, the last error; audited.';
grant execute on function support.sp_get_webhook_endpoint(uuid) to estate_support;

create or replace function app.webhook_delivery_state(p_event app.outbox_events) returns text
  language sql stable
  set search_path = pg_catalog, pg_temp
as $$
  select case when p_event.delivered_at is not null then 'delivered'
              when p_event.failed_at is not null then 'failed'
              when p_event.lease_expires_at > pg_catalog.now() then 'in_flight'
              else 'pending' end
$$;
comment on function app.webhook_delivery_state(app.outbox_events) is
  'An event''s delivery state: delivered, failed (given up), in_flight (claimed, lease running) or pending.';

create or replace function support.sp_list_webhook_deliveries(p_tenant_id uuid, p_state text, p_limit integer,
                                                              p_offset integer)
  returns table (event_id uuid, event_type text, aggregate_kind text, aggregate_id uuid, occurred_at timestamptz,
                 state text, attempts integer, next_attempt_at timestamptz, last_attempt_at timestamptz,
                 delivered_at timestamptz, failed_at timestamptz, last_error text)
  language plpgsql volatile security definer
  set search_path = pg_catalog, pg_temp
as $$
#variable_conflict use_column
declare
  v_tenant_id uuid;
begin
  perform app.require_operator();
  v_tenant_id := app.enter_tenant_as_support(p_tenant_id);
  perform app.check_page(p_limit, p_offset, 1000);
  if p_state is not null and p_state not in ('pending', 'failed', 'delivered') then
    perform app.fail('PT400', 'invalid_delivery_state', 'a delivery state is pending, failed or delivered');
  end if;
  return query
    select o.id, o.event_type, o.aggregate_kind, o.aggregate_id, o.occurred_at, app.webhook_delivery_state(o),
           o.attempts, o.next_attempt_at, o.last_attempt_at, o.delivered_at, o.failed_at, o.last_error
      from app.outbox_events o
     where o.tenant_id = v_tenant_id
       and (p_state is null
            or (p_state = 'pending' and o.delivered_at is null and o.failed_at is null)
            or (p_state = 'failed' and o.failed_at is not null)
            or (p_state = 'delivered' and o.delivered_at is not null))
     order by o.seq desc
     limit p_limit offset p_offset;
  perform app.audit_support_read(v_tenant_id, 'support.sp_list_webhook_deliveries', null,
    pg_catalog.jsonb_build_object('state', p_state, 'limit', p_limit, 'offset', p_offset));
end
$$;
comment on function support.sp_list_webhook_deliveries(uuid, text, integer, integer) is
  'Operators: a tenant''s events with their delivery state (pending, failed, delivered; all without one), newest first, paged; audited.';
grant execute on function support.sp_list_webhook_deliveries(uuid, text, integer, integer) to estate_support;

create or replace function support.sp_requeue_webhook_events(p_tenant_id uuid, p_event_id uuid)
  returns table (event_id uuid, event_type text, previous_state text)
  language plpgsql volatile security definer
  set search_path = pg_catalog, pg_temp
as $$
#variable_conflict use_column
declare
  v_tenant_id uuid;
begin
  perform app.require_operator();
  v_tenant_id := app.enter_tenant_as_support(p_tenant_id);
  -- Without an event: every given-up (failed) event of the tenant. With one: that event, whatever
  -- its state (a delivered one is sent again, with the same webhook-id). Attempts start again at 0;
  -- the last error stays until the next attempt. Each row changed is audited.
  if p_event_id is not null and not exists (select 1 from app.outbox_events o
                                             where o.tenant_id = v_tenant_id and o.id = p_event_id) then
    perform app.fail('PT404', 'outbox_event_not_found', 'no such event of this tenant');
  end if;
  return query
    with picked as (
      select o.id, app.webhook_delivery_state(o) as state from app.outbox_events o
       where o.tenant_id = v_tenant_id
         and (case when p_event_id is null then o.failed_at is not null else o.id = p_event_id end)
       for update),
    requeued as (
      update app.outbox_events o
         set attempts = 0, failed_at = null, delivered_at = null, next_attempt_at = pg_catalog.now()
        from picked p
       where o.tenant_id = v_tenant_id and o.id = p.id
      returning o.id, o.event_type, o.seq, p.state)
    select r.id, r.event_type, r.state from requeued r order by r.seq;
end
$$;
comment on function support.sp_requeue_webhook_events(uuid, uuid) is
  'Operators: sends again a tenant''s failed (given-up) events, or one event whatever its state, from attempt 0.';
grant execute on function support.sp_requeue_webhook_events(uuid, uuid) to estate_support;

------------------------------------------------------------------------------------------------
-- The dispatcher (operators: `npm run operator -- deliver-webhooks`)
------------------------------------------------------------------------------------------------

create or replace function support.sp_claim_webhook_deliveries(p_limit integer, p_lease_seconds integer,
                                                               p_now timestamptz)
  returns table (tenant_id uuid, event_id uuid, lease_token uuid, attempt integer, event_type text,
                 aggregate_kind text, aggregate_id uuid, payload jsonb, occurred_at timestamptz, url text,
                 secret_ciphertext bytea, previous_secret_ciphertext bytea)
  language plpgsql volatile security definer
  set search_path = pg_catalog, pg_temp
as $$
#variable_conflict use_column
declare
  -- The dispatcher's clock is the database's; a test names another instant (p_now) instead of sleeping.
  v_now timestamptz := coalesce(p_now, pg_catalog.now());
  v_token uuid := pg_catalog.gen_random_uuid();
  v_max integer := app.webhook_max_attempts();
  v_left integer := p_limit;
  v_tenant uuid;
  v_endpoint app.webhook_endpoints;
  v_count integer;
begin
  perform app.require_operator();
  perform app.check_page(p_limit, 0, 1000);
  if p_lease_seconds is null or p_lease_seconds not between 5 and 3600 then
    perform app.fail('PT400', 'invalid_lease', 'a lease is 5 to 3600 seconds');
  end if;
  -- Up to p_limit due events of the active tenants with an active endpoint, the tenants in random
  -- order (no tenant's backlog starves the others over a few passes), each tenant's in seq order.
  -- An event locked by another claim (FOR UPDATE SKIP LOCKED) or under a running lease is skipped:
  -- two dispatchers never send the same event at the same time. The attempt counts from the claim,
  -- so an event whose dispatcher dies still runs out of attempts.
  for v_tenant in select t.tenant_id from app.tenants t where t.status = 'active' order by pg_catalog.random() loop
    perform pg_catalog.set_config('app.tenant_id', v_tenant::text, true);
    select e.* into v_endpoint from app.webhook_endpoints e where e.tenant_id = v_tenant and e.active;
    continue when not found;
    -- The last allowed attempt's lease ended without a result (its dispatcher died): given up.
    update app.outbox_events o
       set failed_at = v_now, lease_token = null, lease_expires_at = null,
           last_error = 'the last attempt reported no result before its lease ended'
     where o.tenant_id = v_tenant and o.delivered_at is null and o.failed_at is null
       and o.attempts >= v_max and o.lease_expires_at <= v_now;
    return query
      with picked as (
        select o.id from app.outbox_events o
         where o.tenant_id = v_tenant and o.delivered_at is null and o.failed_at is null
           and o.next_attempt_at <= v_now and (o.lease_expires_at is null or o.lease_expires_at <= v_now)
           and o.attempts < v_max
         order by o.seq
         limit v_left
         for update skip locked),
      claimed as (
        update app.outbox_events o
           set attempts = o.attempts + 1, lease_token = v_token, last_attempt_at = v_now,
               lease_expires_at = v_now + pg_catalog.make_interval(secs => p_lease_seconds)
          from picked p
         where o.tenant_id = v_tenant and o.id = p.id
        returning o.*)
      select c.tenant_id, c.id, c.lease_token, c.attempts, c.event_type, c.aggregate_kind, c.aggregate_id, c.payload,
             c.occurred_at, v_endpoint.url, v_endpoint.secret_ciphertext,
             case when v_endpoint.previous_secret_expires_at > v_now then v_endpoint.previous_secret_ciphertext end
        from claimed c
       order by c.seq;
    get diagnostics v_count = row_count;
    if v_count > 0 then
      -- The (encrypted) secret left the database for this tenant's events: one READ row.
      perform app.audit_support_read(v_tenant, 'support.sp_claim_webhook_deliveries', v_endpoint.id::text,
        pg_catalog.jsonb_build_object('claimed', v_count, 'leaseToken', v_token, 'leaseSeconds', p_lease_seconds));
      v_left := v_left - v_count;
      exit when v_left <= 0;
    end if;
  end loop;
  perform pg_catalog.set_config('app.tenant_id', '', true);
end
$$;
comment on function support.sp_claim_webhook_deliveries(integer, integer, timestamptz) is
  'Operators (the dispatcher): claims up to a limit of due events under a lease (skipping locked and leased ones), with each tenant''s endpoint and encrypted secrets.';
grant execute on function support.sp_claim_webhook_deliveries(integer, integer, timestamptz) to estate_support;

create or replace function support.sp_record_webhook_delivery(p_tenant_id uuid, p_event_id uuid, p_lease_token uuid,
                                                              p_delivered boolean, p_error text, p_now timestamptz)
  returns table (state text, attempts integer, next_attempt_at timestamptz)
  language plpgsql volatile security definer
  set search_path = pg_catalog, pg_temp
as $$
#variable_conflict use_column
declare
  v_tenant_id uuid;
  v_now timestamptz := coalesce(p_now, pg_catalog.now());
  v_event app.outbox_events;
  v_error text := pg_catalog.left(coalesce(nullif(pg_catalog.btrim(p_error), ''), 'failed'), 500);
begin
  perform app.require_operator();
  v_tenant_id := app.enter_tenant_as_support(p_tenant_id);
  if p_delivered is null then
    perform app.fail('PT400', 'invalid_delivery_result', 'say whether the event was delivered');
  end if;
  select o.* into v_event from app.outbox_events o where o.tenant_id = v_tenant_id and o.id = p_event_id for update;
  if not found then
    perform app.fail('PT404', 'outbox_event_not_found', 'no such event of this tenant');
  end if;
  if v_event.delivered_at is not null then
    -- Delivered already (another dispatcher after this one's lease ended): the first success stands.
    return query select 'delivered'::text, v_event.attempts, v_event.next_attempt_at;
  elsif p_delivered then
    -- A 2xx answer is a fact whoever holds the lease now: recorded, and nothing sends it again.
    update app.outbox_events o
       set delivered_at = v_now, failed_at = null, lease_token = null, lease_expires_at = null
     where o.tenant_id = v_tenant_id and o.id = p_event_id
    returning o.* into v_event;
    return query select 'delivered'::text, v_event.attempts, v_event.next_attempt_at;
  elsif p_lease_token is null or v_event.lease_token is distinct from p_lease_token then
    -- The lease ended and another claim took the event: its outcome decides, not this one.
    return query select 'lease_lost'::text, v_event.attempts, v_event.next_attempt_at;
  elsif v_event.attempts >= app.webhook_max_attempts() then
    update app.outbox_events o
       set failed_at = v_now, last_error = v_error, lease_token = null, lease_expires_at = null
     where o.tenant_id = v_tenant_id and o.id = p_event_id
    returning o.* into v_event;
    return query select 'failed'::text, v_event.attempts, v_event.next_attempt_at;
  else
    update app.outbox_events o
       set next_attempt_at = v_now + app.webhook_retry_delay(o.attempts), last_error = v_error,
           lease_token = null, lease_expires_at = null
     where o.tenant_id = v_tenant_id and o.id = p_event_id
    returning o.* into v_event;
    return query select 'retrying'::text, v_event.attempts, v_event.next_attempt_at;
  end if;
end
$$;
comment on function support.sp_record_webhook_delivery(uuid, uuid, uuid, boolean, text, timestamptz) is
  'Operators (the dispatcher): records an attempt: delivered, or failed (retried after app.webhook_retry_delay, given up after the last attempt); a failure under a lost lease changes nothing.';
grant execute on function support.sp_record_webhook_delivery(uuid, uuid, uuid, boolean, text, timestamptz) to estate_support;
