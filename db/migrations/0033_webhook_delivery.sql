-- Issue 13: the outbox delivered to the partner by signed webhook (docs/webhooks.md). A tenant has
-- at most one endpoint, configured by operators; the dispatcher (`npm run operator --
-- deliver-webhooks`) claims due events with a lease, POSTs them signed (Standard Webhooks), and
-- records each attempt on the event: delivered, or retried with exponential backoff until it is
-- given up (failed) after app.webhook_max_attempts() attempts.

create table app.webhook_endpoints (
  tenant_id uuid not null references app.tenants (tenant_id),
  id uuid not null default gen_random_uuid(),
  -- https://host[:port][/path][?query]; http only for localhost, 127.0.0.1 or [::1] (development and
  -- tests; the dispatcher refuses http under NODE_ENV=production). app.check_webhook_url says why.
  url text not null check (pg_catalog.length(url) <= 2000
    and (url ~ '^https://[A-Za-z0-9]([A-Za-z0-9.-]{0,251}[A-Za-z0-9])?(:[0-9]{1,5})?(/[^\s#]*)?$'
         or url ~ '^http://(localhost|127\.0\.0\.1|\[::1\])(:[0-9]{1,5})?(/[^\s#]*)?$')),
  -- The signing secret (whsec_...), AES-256-GCM encrypted by the operator CLI with the field keys
  -- (FIELD_ENCRYPTION_KEYS, server/field_cipher.ts): the database, its dumps and the audit log
  -- (redacted) never hold it in clear. Shown once, when the CLI generates it.
  -- Its first byte is the cipher's format version (1): a secret in clear (whsec_...) is refused.
  secret_ciphertext bytea not null check (pg_catalog.octet_length(secret_ciphertext) between 32 and 512
    and pg_catalog.get_byte(secret_ciphertext, 0) = 1),
  -- After a rotation the previous secret signs too (a second signature) until it expires, so that
  -- the partner can switch its verifier without losing a delivery.
  previous_secret_ciphertext bytea check (pg_catalog.octet_length(previous_secret_ciphertext) between 32 and 512
    and pg_catalog.get_byte(previous_secret_ciphertext, 0) = 1),
  previous_secret_expires_at timestamptz,
  -- Inactive: nothing is delivered (events wait, undelivered, until it is active again).
  active boolean not null default true,
  secret_rotated_at timestamptz not null default pg_catalog.now(),
  created_at timestamptz not null default pg_catalog.now(),
  updated_at timestamptz not null default pg_catalog.now(),
  primary key (tenant_id, id),
  unique (tenant_id),
  check ((previous_secret_ciphertext is null) = (previous_secret_expires_at is null))
);
comment on table app.webhook_endpoints is
  'A tenant''s webhook endpoint (at most one): the URL its outbox events are POSTed to, signed with a secret held only encrypted.';
comment on column app.webhook_endpoints.secret_ciphertext is
  'The Standard Webhooks signing secret, encrypted with FIELD_ENCRYPTION_KEYS by the operator CLI; never in clear here.';
select app.protect_tenant_table('webhook_endpoints', array['secret_ciphertext', 'previous_secret_ciphertext']);

-- Delivery bookkeeping on the event itself (attempts, delivered_at and last_error came with 0031).
alter table app.outbox_events
  -- Not claimed before this instant: the event's time, then each failure's backoff.
  add column next_attempt_at timestamptz not null default pg_catalog.now(),
  -- The claim of the dispatcher sending it now: another claim skips the event until the lease ends.
  add column lease_token uuid,
  add column lease_expires_at timestamptz,
  add column last_attempt_at timestamptz,
  -- Given up after the last attempt failed: visible to operators, sent again only when requeued.
  add column failed_at timestamptz,
  add constraint outbox_events_lease_check check ((lease_token is null) = (lease_expires_at is null)),
  add constraint outbox_events_settled_check check (delivered_at is null or failed_at is null);
comment on column app.outbox_events.attempts is
  'Delivery attempts started (counted when claimed), reset when an operator requeues the event.';
comment on column app.outbox_events.delivered_at is
  'When the partner''s endpoint answered 2xx (the first time).';
comment on column app.outbox_events.last_error is
  'The last failed attempt: HTTP status and the start of the answer, or the network error (500 characters at most).';
create index outbox_events_due_idx on app.outbox_events (tenant_id, next_attempt_at)
  where delivered_at is null and failed_at is null;
