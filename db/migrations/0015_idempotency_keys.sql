-- Safe retries (issue 10, docs/retries.md): the Idempotency-Key of a POST, claimed in the
-- transaction of the request's effect and holding its answer once it commits, so that a retry
-- with the same key and body gets the first answer again instead of a second effect.
-- Keyed by (tenant, Cognito subject, key): a caller who is not registered yet (registration
-- itself) has a subject before it has a user row.

create table app.idempotency_keys (
  tenant_id uuid not null references app.tenants (tenant_id),
  id uuid not null default gen_random_uuid(),
  actor_sub text not null check (pg_catalog.length(actor_sub) between 1 and 255),
  idempotency_key text not null check (idempotency_key ~ '^[!-~]{1,255}$'),
  request_hash text not null check (request_hash ~ '^[0-9a-f]{64}$'),
  response_status integer check (response_status between 200 and 299),
  response_location text check (pg_catalog.length(response_location) <= 2048),
  response_content_type text check (pg_catalog.length(response_content_type) <= 255),
  response_body text check (pg_catalog.length(response_body) <= 1048576),
  created_at timestamptz not null default pg_catalog.now(),
  updated_at timestamptz not null default pg_catalog.now(),
  expires_at timestamptz not null default pg_catalog.now() + interval '24 hours',
  primary key (tenant_id, id),
  unique (tenant_id, actor_sub, idempotency_key)
);
comment on table app.idempotency_keys is
  'The Idempotency-Key of each POST (per tenant and Cognito subject) with a hash of the request and the answer it got (stored with the effect, in its transaction); kept 24 hours.';

create index idempotency_keys_expiry_idx on app.idempotency_keys (tenant_id, expires_at);

-- The stored answers are redacted from the audit log (they repeat what the effect's own rows audit).
select app.protect_tenant_table('idempotency_keys', array['response_body']);
