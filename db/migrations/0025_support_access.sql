-- Support access beyond the masked view (issue 11): a staff member asks a user for access to their
-- data (the user approves or denies it in the API, and may end it early), or opens a break-glass
-- access that only a second, different staff member can make effective. Either gives the staff
-- member who asked a time-limited grant; every look under it (the user's assets in clear, an
-- account number decrypted) is an access event the user sees.

create table app.support_access_requests (
  tenant_id uuid not null,
  id uuid not null default gen_random_uuid(),
  user_id uuid not null,
  -- consent: the user decides; break_glass: a second staff member decides, the user is told after.
  kind text not null check (kind in ('consent', 'break_glass')),
  -- The staff member who asked, and who alone holds the grant (cognito:<sub>).
  staff_actor text not null check (staff_actor ~ '^cognito:[\w-]{1,128}$'),
  reason text not null check (pg_catalog.length(pg_catalog.btrim(reason)) between 10 and 500),
  ticket_ref text not null check (ticket_ref ~ '^[A-Za-z0-9][A-Za-z0-9._#/-]{0,63}$'),
  minutes integer not null check (minutes between 1 and 1440),
  status text not null default 'pending' check (status in ('pending', 'approved', 'denied', 'revoked', 'closed')),
  requested_at timestamptz not null default pg_catalog.now(),
  -- A request nobody answered lapses: it can no longer be approved.
  respond_by timestamptz not null,
  -- Who decided: the user's subject (consent) or the second staff member (break_glass).
  decided_by text check (pg_catalog.length(decided_by) between 1 and 200),
  decided_at timestamptz,
  expires_at timestamptz,
  -- Ended early: by the user (revoked) or by staff (closed).
  ended_by text check (pg_catalog.length(ended_by) between 1 and 200),
  ended_at timestamptz,
  view_count integer not null default 0 check (view_count >= 0),
  last_viewed_at timestamptz,
  created_at timestamptz not null default pg_catalog.now(),
  updated_at timestamptz not null default pg_catalog.now(),
  primary key (tenant_id, id),
  foreign key (tenant_id, user_id) references app.users (tenant_id, id),
  check (kind = 'consent' or minutes <= 120),
  check (respond_by > requested_at),
  check ((decided_at is null) = (decided_by is null)),
  check ((status = 'approved' or status = 'revoked' or (status = 'closed' and decided_at is not null)) = (expires_at is not null)),
  check (status <> 'pending' or decided_at is null),
  check (status not in ('approved', 'denied', 'revoked') or decided_at is not null),
  check ((ended_at is null) = (ended_by is null)),
  check ((status in ('revoked', 'closed')) = (ended_at is not null)),
  -- Two people: the staff member who opens a break-glass access never approves it.
  check (kind <> 'break_glass' or decided_by is distinct from staff_actor),
  check (expires_at is null or expires_at <= decided_at + pg_catalog.make_interval(mins => minutes))
);
comment on table app.support_access_requests is
  'Support''s requests for a user''s data beyond the masked view: approved by the user (consent) or by a second staff member (break-glass); an approved one is a time-limited grant of the staff member who asked.';
create index support_access_requests_user_idx on app.support_access_requests (tenant_id, user_id, requested_at);
select app.protect_tenant_table('support_access_requests');

create table app.support_access_events (
  tenant_id uuid not null,
  id uuid not null default gen_random_uuid(),
  access_request_id uuid not null,
  user_id uuid not null,
  -- assets: the user's assets read in clear; account_number: one asset's identifier decrypted.
  what text not null check (what in ('assets', 'account_number')),
  asset_id uuid,
  staff_actor text not null check (staff_actor ~ '^cognito:[\w-]{1,128}$'),
  occurred_at timestamptz not null default pg_catalog.now(),
  primary key (tenant_id, id),
  foreign key (tenant_id, access_request_id) references app.support_access_requests (tenant_id, id),
  foreign key (tenant_id, user_id) references app.users (tenant_id, id),
  check ((what = 'account_number') = (asset_id is not null))
);
comment on table app.support_access_events is
  'Each look support took under an access grant (the user''s assets in clear, an account number decrypted): the user''s access records.';
-- The asset stays named by id only: an asset deleted later leaves the record of the look.
create index support_access_events_request_idx on app.support_access_events (tenant_id, access_request_id);
create index support_access_events_user_idx on app.support_access_events (tenant_id, user_id, occurred_at);
select app.protect_tenant_table('support_access_events');
