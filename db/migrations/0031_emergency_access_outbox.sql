-- Issue 13's two foundations: the outbox (every announced state change, written in the same
-- transaction as the change) and emergency access (a grantor names a trusted user of the tenant
-- who may, after a waiting period the grantor can cut short by refusing, read what they own).
-- docs/legacy.md.

create table app.outbox_events (
  tenant_id uuid not null references app.tenants (tenant_id),
  id uuid not null default gen_random_uuid(),
  -- Delivery order within the database: a reader pages by it (after the last one it saw).
  seq bigint generated always as identity,
  event_type text not null check (event_type ~ '^[a-z][a-z_]*(\.[a-z_]+)+$' and pg_catalog.length(event_type) <= 100),
  aggregate_kind text not null check (aggregate_kind ~ '^[a-z][a-z_]{0,62}$'),
  aggregate_id uuid not null,
  -- Ids and states only, never a name, an address or an amount (PII stays in its own tables).
  payload jsonb not null default '{}' check (pg_catalog.jsonb_typeof(payload) = 'object'),
  -- The transaction's time: the same instant as the change it announces.
  occurred_at timestamptz not null default pg_catalog.now(),
  -- A future webhook dispatcher's bookkeeping: attempts so far, when it was delivered, the last failure.
  attempts integer not null default 0 check (attempts >= 0),
  delivered_at timestamptz,
  last_error text check (pg_catalog.length(last_error) <= 500),
  primary key (tenant_id, id),
  unique (seq)
);
comment on table app.outbox_events is
  'Events of state changes (ids and states, no PII), written in the same transaction as the change, for the partner''s delivery.';
comment on column app.outbox_events.payload is 'Ids and states only: never PII.';
create index outbox_events_tenant_seq_idx on app.outbox_events (tenant_id, seq);
create index outbox_events_undelivered_idx on app.outbox_events (tenant_id, seq) where delivered_at is null;
create index outbox_events_aggregate_idx on app.outbox_events (tenant_id, aggregate_kind, aggregate_id);
select app.protect_tenant_table('outbox_events');

create table app.emergency_access_grants (
  tenant_id uuid not null references app.tenants (tenant_id),
  id uuid not null default gen_random_uuid(),
  grantor_user_id uuid not null,
  grantor_persona_id uuid not null,
  -- Null when the user id or email the grantor gave named no active user of the tenant: the grant
  -- answers like any other (the grantor learns nothing) and can never be accepted.
  grantee_user_id uuid,
  scope text not null check (scope in ('view', 'act_for')),
  wait_days integer not null check (wait_days between 1 and 90),
  -- How long an approved grant opens access.
  access_days integer not null check (access_days between 1 and 365),
  -- The stored state; the time-driven ones (approved when the wait ends, expired when the window
  -- ends) are computed from the timestamps until the grant is next touched (docs/legacy.md).
  state text not null default 'invited' check (state in ('invited', 'accepted', 'confirmed', 'recovery_requested',
    'approved', 'expired', 'revoked')),
  accepted_at timestamptz,
  confirmed_at timestamptz,
  recovery_requested_at timestamptz,
  last_refused_at timestamptz,
  approved_at timestamptz,
  approved_by text check (approved_by in ('grantor', 'waiting_period')),
  revoked_at timestamptz,
  revoked_by text check (revoked_by in ('grantor', 'grantee')),
  created_at timestamptz not null default pg_catalog.now(),
  updated_at timestamptz not null default pg_catalog.now(),
  primary key (tenant_id, id),
  foreign key (tenant_id, grantor_user_id) references app.users (tenant_id, id),
  foreign key (tenant_id, grantor_persona_id) references app.personas (tenant_id, id),
  foreign key (tenant_id, grantee_user_id) references app.users (tenant_id, id),
  check (grantee_user_id <> grantor_user_id),
  check (state <> 'recovery_requested' or recovery_requested_at is not null),
  check (state not in ('approved', 'expired') or (approved_at is not null and approved_by is not null)),
  check ((state = 'revoked') = (revoked_at is not null and revoked_by is not null))
);
comment on table app.emergency_access_grants is
  'Emergency access: a grantor names a trusted user of the tenant who, after a waiting period the grantor may refuse, reads (view) or acts for (act_for) the grantor''s persona for an access window.';
create index emergency_access_grants_grantor_idx on app.emergency_access_grants (tenant_id, grantor_user_id);
create index emergency_access_grants_grantee_idx on app.emergency_access_grants (tenant_id, grantee_user_id);
create index emergency_access_grants_persona_idx on app.emergency_access_grants (tenant_id, grantor_persona_id);
select app.protect_tenant_table('emergency_access_grants');

-- A grant as the API shows it to its grantor or grantee (the lists, every transition).
create type app.emergency_access_row as (
  grant_id uuid,
  role text,
  grantor_user_id uuid,
  grantor_persona_id uuid,
  grantor_name text,
  grantee_user_id uuid,
  scope text,
  wait_days integer,
  access_days integer,
  state text,
  recovery_requested_at timestamptz,
  wait_ends_at timestamptz,
  approved_at timestamptz,
  approved_by text,
  access_ends_at timestamptz,
  revoked_at timestamptz,
  revoked_by text,
  created_at timestamptz,
  updated_at timestamptz
);
comment on type app.emergency_access_row is
  'An emergency-access grant as its grantor or grantee sees it, with its effective (time-computed) state.';
