-- Fiduciaries (issue 13): executors, trustees, agents under a durable or springing power of
-- attorney, guardians of a minor and custodians, each appointed by a persona (or, for trustees, by
-- a trust), in ranked succession, accepted or declined by the appointee. docs/fiduciaries.md.
--
-- A succession "slot" is (appointer, role, ward): the acting fiduciary of a slot is its first
-- accepted live appointment in rank order (app.acting_fiduciary_id, procedures/fiduciaries.sql).

create table app.fiduciary_appointments (
  tenant_id uuid not null references app.tenants (tenant_id),
  id uuid not null default gen_random_uuid(),
  -- Who appoints: a persona (its will, its powers of attorney...) or a trust (its successor trustees).
  appointer_persona_id uuid,
  appointer_entity_id uuid,
  role text not null check (role in ('executor', 'trustee', 'durable_poa_agent', 'springing_poa_agent',
    'guardian_of_minor', 'custodian')),
  appointee_persona_id uuid not null,
  -- The minor a guardian or custodian is appointed for; no other role has one.
  ward_persona_id uuid,
  -- 1 is the primary, 2.. the successors; live appointments of a slot hold 1..n without gaps. An
  -- ended one keeps the rank it last held (history only).
  rank integer not null check (rank between 1 and 10),
  status text not null default 'nominated' check (status in ('nominated', 'accepted', 'declined', 'resigned', 'removed')),
  nominated_at timestamptz not null default pg_catalog.now(),
  accepted_at timestamptz,
  declined_at timestamptz,
  resigned_at timestamptz,
  removed_at timestamptz,
  -- The will, trust or power of attorney that makes the appointment. Its foreign key to the
  -- document vault arrives with the vault (built in parallel): until then an opaque id.
  document_id uuid,
  notes text check (pg_catalog.length(notes) <= 1000),
  appointed_by_user_id uuid not null,
  created_at timestamptz not null default pg_catalog.now(),
  updated_at timestamptz not null default pg_catalog.now(),
  primary key (tenant_id, id),
  foreign key (tenant_id, appointer_persona_id) references app.personas (tenant_id, id),
  -- A deleted trust takes its succession of trustees with it (the audit log keeps the record).
  foreign key (tenant_id, appointer_entity_id) references app.legal_entities (tenant_id, id) on delete cascade,
  foreign key (tenant_id, appointee_persona_id) references app.personas (tenant_id, id),
  foreign key (tenant_id, ward_persona_id) references app.personas (tenant_id, id),
  foreign key (tenant_id, appointed_by_user_id) references app.users (tenant_id, id),
  check (pg_catalog.num_nonnulls(appointer_persona_id, appointer_entity_id) = 1),
  check (appointer_entity_id is null or role = 'trustee'),
  check ((role in ('guardian_of_minor', 'custodian')) = (ward_persona_id is not null)),
  check (appointee_persona_id is distinct from appointer_persona_id),
  check (ward_persona_id is null or (ward_persona_id <> appointee_persona_id and ward_persona_id is distinct from appointer_persona_id)),
  check ((status = 'accepted') <= (accepted_at is not null)),
  check ((status = 'declined') = (declined_at is not null)),
  check ((status = 'resigned') = (resigned_at is not null and accepted_at is not null)),
  check ((status = 'removed') = (removed_at is not null)),
  -- Two live appointments of a slot never share a rank, checked at commit so that a reorder may
  -- renumber in any order (the procedures also queue a slot's writers on its appointer's row).
  constraint fiduciary_appointments_live_rank exclude using btree (
    tenant_id with =, (coalesce(appointer_persona_id, appointer_entity_id)) with =, role with =,
    (coalesce(ward_persona_id, '00000000-0000-0000-0000-000000000000'::uuid)) with =, rank with =
  ) where (status in ('nominated', 'accepted')) deferrable initially deferred
);
comment on table app.fiduciary_appointments is
  'Fiduciaries a persona (or a trust, for trustees) appoints: role, ward, ranked succession, the appointee''s acceptance or declination, the appointing document.';
comment on column app.fiduciary_appointments.document_id is
  'The appointing document in the vault; no foreign key until the vault exists.';
-- A persona is named at most once live in a slot.
create unique index fiduciary_appointments_live_appointee_key on app.fiduciary_appointments (tenant_id,
  (coalesce(appointer_persona_id, appointer_entity_id)), role,
  (coalesce(ward_persona_id, '00000000-0000-0000-0000-000000000000'::uuid)), appointee_persona_id)
  where status in ('nominated', 'accepted');
create index fiduciary_appointments_appointer_persona_idx on app.fiduciary_appointments (tenant_id, appointer_persona_id, role, rank);
create index fiduciary_appointments_appointer_entity_idx on app.fiduciary_appointments (tenant_id, appointer_entity_id, role, rank);
create index fiduciary_appointments_appointee_idx on app.fiduciary_appointments (tenant_id, appointee_persona_id);
create index fiduciary_appointments_ward_idx on app.fiduciary_appointments (tenant_id, ward_persona_id);
create index fiduciary_appointments_appointed_by_idx on app.fiduciary_appointments (tenant_id, appointed_by_user_id);
select app.protect_tenant_table('fiduciary_appointments');

-- An appointment as the API shows it to its appointer's people or to its appointee.
create type app.fiduciary_appointment_row as (
  appointment_id uuid,
  appointer_kind text,
  appointer_persona_id uuid,
  appointer_entity_id uuid,
  appointer_name text,
  role text,
  appointee_persona_id uuid,
  appointee_name text,
  ward_persona_id uuid,
  ward_name text,
  rank integer,
  status text,
  acting boolean,
  nominated_at timestamptz,
  accepted_at timestamptz,
  declined_at timestamptz,
  resigned_at timestamptz,
  removed_at timestamptz,
  document_id uuid,
  notes text,
  created_at timestamptz,
  updated_at timestamptz
);
comment on type app.fiduciary_appointment_row is
  'A fiduciary appointment as the API shows it: who appoints whom, for what (and which ward), rank, status and whether it is the acting one now.';
