-- GDPR (issue 11, SPEC §7): a user's consents to named purposes (an append-only history), and
-- data subject requests (export, erasure) with states, a statutory deadline and a trail of events.
-- The consent of 0011 is another thing (a delegate's acceptance of a persona link) and stays as is.

create table app.consent_records (
  tenant_id uuid not null,
  id uuid not null default gen_random_uuid(),
  user_id uuid not null,
  purpose text not null check (purpose in ('terms_of_service', 'privacy_policy', 'marketing_email',
                                           'product_analytics', 'advisor_sharing')),
  version text not null check (version ~ '^[A-Za-z0-9._-]{1,40}$'),
  decision text not null check (decision in ('given', 'withdrawn')),
  recorded_at timestamptz not null default pg_catalog.now(),
  request_id text check (pg_catalog.length(request_id) <= 100),
  primary key (tenant_id, id),
  foreign key (tenant_id, user_id) references app.users (tenant_id, id)
);
comment on table app.consent_records is
  'Each consent a user gave or withdrew, to a purpose of a fixed list at a version of its text, when and in which request: an append-only history (the latest row per purpose is the current state).';
comment on column app.consent_records.version is 'The version of the text the user agreed to or withdrew from (e.g. 2026-01).';
create index consent_records_user_idx on app.consent_records (tenant_id, user_id, purpose, recorded_at desc);
select app.protect_tenant_table('consent_records');

create function app.tg__append_only() returns trigger
  language plpgsql
  set search_path = pg_catalog, pg_temp
as $$
begin
  raise exception using errcode = '42501', message = tg_table_name || ' is append-only', hint = 'history_append_only';
end
$$;
comment on function app.tg__append_only() is
  'Rejects UPDATE and DELETE of a history row (a consent withdrawn, a request''s next state: each a new row).';
create trigger _000_append_only before update or delete on app.consent_records
  for each row execute function app.tg__append_only();

create table app.data_subject_requests (
  tenant_id uuid not null,
  id uuid not null default gen_random_uuid(),
  user_id uuid not null,
  kind text not null check (kind in ('export', 'erasure')),
  status text not null default 'received'
    check (status in ('received', 'in_progress', 'completed', 'refused', 'cancelled')),
  received_at timestamptz not null default pg_catalog.now(),
  -- GDPR art. 12(3): one month from receipt; 30 days here, the shorter reading.
  due_at timestamptz not null,
  completed_at timestamptz,
  refusal_code text check (refusal_code ~ '^[a-z_]{1,60}$'),
  refusal_reason text check (pg_catalog.length(refusal_reason) <= 1000),
  -- What an erasure did, as counts (no personal data): {"personas": 1, "emails": 2, ...}.
  outcome jsonb,
  created_at timestamptz not null default pg_catalog.now(),
  updated_at timestamptz not null default pg_catalog.now(),
  primary key (tenant_id, id),
  foreign key (tenant_id, user_id) references app.users (tenant_id, id),
  check (due_at = received_at + interval '30 days'),
  check ((status in ('completed', 'refused', 'cancelled')) = (completed_at is not null)),
  check ((status = 'refused') = (refusal_code is not null))
);
comment on table app.data_subject_requests is
  'A user''s request to export or erase their personal data: its state (received, in_progress, completed, refused, cancelled), the statutory deadline (30 days from receipt) and, when refused, why.';
comment on column app.data_subject_requests.due_at is 'The statutory deadline: 30 days after receipt (GDPR art. 12(3)).';
comment on column app.data_subject_requests.outcome is 'What an erasure removed or pseudonymised, as counts per kind of data; never the data itself.';
create index data_subject_requests_user_idx on app.data_subject_requests (tenant_id, user_id, received_at desc);
create index data_subject_requests_status_idx on app.data_subject_requests (tenant_id, status, due_at);
select app.protect_tenant_table('data_subject_requests');

create table app.data_subject_request_events (
  tenant_id uuid not null,
  id uuid not null default gen_random_uuid(),
  request_id uuid not null,
  from_status text check (from_status in ('received', 'in_progress', 'completed', 'refused', 'cancelled')),
  to_status text not null check (to_status in ('received', 'in_progress', 'completed', 'refused', 'cancelled')),
  actor_kind text not null check (actor_kind in ('user', 'support', 'api_key', 'system')),
  note text check (pg_catalog.length(note) <= 1000),
  occurred_at timestamptz not null default pg_catalog.clock_timestamp(),
  primary key (tenant_id, id),
  foreign key (tenant_id, request_id) references app.data_subject_requests (tenant_id, id)
);
comment on table app.data_subject_request_events is
  'The trail of a data subject request: every change of state, when, by which kind of actor, with a note (no personal data). Append-only.';
create index data_subject_request_events_request_idx on app.data_subject_request_events (tenant_id, request_id, occurred_at);
select app.protect_tenant_table('data_subject_request_events');
create trigger _000_append_only before update or delete on app.data_subject_request_events
  for each row execute function app.tg__append_only();

-- The names and free-text descriptions a family gives its assets, circles and trusts often carry
-- a person's name or address ("Jane Doe Living Trust", "12 Elm St house"). The audit log is
-- append-only, so an erasure cannot take them out afterwards: from now on they are redacted on
-- the way in, like the other personal columns (support already read them masked). An asset's
-- `search` is a stored tsvector generated from its name, description and category: it carries
-- the same words (lower-cased), so it is redacted with them.
drop trigger _500_audit on app.assets;
create trigger _500_audit after insert or update or delete on app.assets
  for each row execute function audit.tg_audit__row('identifier_ciphertext', 'identifier_last4', 'name', 'description',
                                                    'search');
drop trigger _500_audit on app.fwd_family_circles;
create trigger _500_audit after insert or update or delete on app.fwd_family_circles
  for each row execute function audit.tg_audit__row('name', 'description');
drop trigger _500_audit on app.legal_entities;
create trigger _500_audit after insert or update or delete on app.legal_entities
  for each row execute function audit.tg_audit__row('name');

-- A user's Cognito subject ties their audit rows (actor_id) to a user row. After an erasure the
-- row holds a random subject; the old one must not be findable in the user row's own audit
-- history either, so it is redacted there (with the email, as before).
drop trigger _500_audit on app.users;
create trigger _500_audit after insert or update or delete on app.users
  for each row execute function audit.tg_audit__row('email', 'cognito_sub');

-- The type fields that are free text about a person's life: a property's town, a business's legal
-- name ("Jane Doe LLC"), where an item is kept, a collectible's provenance, an IP registration
-- number, a note. Redacted on the way in like the columns above (0005 redacted only the street
-- line, postal code, VIN and wallet address).
drop trigger _500_audit on app.asset_real_estate;
create trigger _500_audit after insert or update or delete on app.asset_real_estate
  for each row execute function audit.tg_audit__row('address_line1', 'postal_code', 'city', 'region');
drop trigger _500_audit on app.asset_businesses;
create trigger _500_audit after insert or update or delete on app.asset_businesses
  for each row execute function audit.tg_audit__row('legal_name');
drop trigger _500_audit on app.asset_personal_property;
create trigger _500_audit after insert or update or delete on app.asset_personal_property
  for each row execute function audit.tg_audit__row('location');
drop trigger _500_audit on app.asset_collectibles;
create trigger _500_audit after insert or update or delete on app.asset_collectibles
  for each row execute function audit.tg_audit__row('creator', 'provenance');
drop trigger _500_audit on app.asset_intellectual_property;
create trigger _500_audit after insert or update or delete on app.asset_intellectual_property
  for each row execute function audit.tg_audit__row('registration_number');
drop trigger _500_audit on app.asset_misc;
create trigger _500_audit after insert or update or delete on app.asset_misc
  for each row execute function audit.tg_audit__row('notes');
