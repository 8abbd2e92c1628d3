-- Incapacity and death events (issue 13, docs/legacy.md): someone close to a person reports that
-- they died or cannot act; a waiting period starts that the person ends by signing in; evidence is
-- attached; support staff verify it (two different staff members for a death); a verified death
-- freezes the person's data as of the date, with a snapshot of what they held.

create table app.life_events (
  tenant_id uuid not null references app.tenants (tenant_id),
  id uuid not null default gen_random_uuid(),
  -- The person the event is about.
  persona_id uuid not null,
  kind text not null check (kind in ('incapacity', 'death')),
  occurred_on date not null check (occurred_on >= date '1900-01-01'),
  reported_by_user_id uuid not null,
  state text not null default 'reported' check (state in ('reported', 'blocked', 'withdrawn', 'rejected', 'verified')),
  -- The waiting period in which the person can block the report by signing in (tenant-bounded).
  wait_days integer not null check (wait_days between 1 and 30),
  evidence_kind text check (evidence_kind in ('death_certificate', 'court_letters', 'power_of_attorney', 'medical_letter',
                                              'other')),
  -- The evidence's document in the estate-document vault (its foreign key arrives with the vault).
  evidence_document_id uuid,
  evidence_note text check (pg_catalog.length(evidence_note) <= 1000),
  evidence_submitted_at timestamptz,
  -- A death needs two different staff members: the first verification waits for the second.
  first_verified_by text,
  first_verified_at timestamptz,
  verified_by text,
  verified_at timestamptz,
  blocked_at timestamptz,
  withdrawn_at timestamptz,
  rejected_by text,
  rejected_at timestamptz,
  rejection_reason text check (pg_catalog.length(rejection_reason) <= 500),
  -- What the person held on the date, kept when the event is verified (assets, shares, values).
  holdings_snapshot jsonb,
  created_at timestamptz not null default pg_catalog.now(),
  updated_at timestamptz not null default pg_catalog.now(),
  primary key (tenant_id, id),
  foreign key (tenant_id, persona_id) references app.personas (tenant_id, id),
  foreign key (tenant_id, reported_by_user_id) references app.users (tenant_id, id),
  check ((state = 'verified') = (verified_at is not null and verified_by is not null)),
  check ((state = 'blocked') = (blocked_at is not null)),
  check ((state = 'withdrawn') = (withdrawn_at is not null)),
  check ((state = 'rejected') = (rejected_at is not null and rejected_by is not null)),
  check (state <> 'verified' or evidence_submitted_at is not null)
);
comment on table app.life_events is
  'Reported incapacity or death of a persona: a waiting period the person ends by signing in, evidence, verification by support (two staff for a death), then the data frozen.';
comment on column app.life_events.holdings_snapshot is 'The persona''s assets, shares and values on the date, kept at verification (never changed).';
-- One open report per person and kind; one verified death per person.
create unique index life_events_open_idx on app.life_events (tenant_id, persona_id, kind) where state = 'reported';
create unique index life_events_verified_death_idx on app.life_events (tenant_id, persona_id)
  where state = 'verified' and kind = 'death';
create index life_events_reporter_idx on app.life_events (tenant_id, reported_by_user_id);
create index life_events_state_idx on app.life_events (tenant_id, state, created_at);
select app.protect_tenant_table('life_events', array['evidence_note', 'rejection_reason', 'holdings_snapshot']);

-- A life event as the API shows it to its reporter or to the person it is about.
create type app.life_event_row as (
  event_id uuid,
  role text,
  persona_id uuid,
  kind text,
  occurred_on date,
  state text,
  reported_at timestamptz,
  wait_ends_at timestamptz,
  evidence_kind text,
  evidence_document_id uuid,
  evidence_submitted_at timestamptz,
  verifications_needed integer,
  verifications_done integer,
  blocked_at timestamptz,
  withdrawn_at timestamptz,
  rejected_at timestamptz,
  verified_at timestamptz,
  updated_at timestamptz
);
comment on type app.life_event_row is 'A reported incapacity or death as its reporter or its subject sees it (no staff names, no evidence note).';

-- A verified death freezes the person's data as of the date: their persona and contact data,
-- and every asset they hold a share of (its details, shares, valuations and beneficiaries), refuse
-- changes from then on, whoever makes them and through whatever procedure.
-- Not SECURITY DEFINER: they run as the writer (a procedure's owner inside its tenant, or a
-- superuser past RLS), so they see exactly what the writer's row belongs to.
create function app.persona_is_frozen(p_tenant_id uuid, p_persona_id uuid) returns boolean
  language sql stable
  set search_path = pg_catalog, pg_temp
as $$
  select exists (select 1 from app.life_events e
                  where e.tenant_id = p_tenant_id and e.persona_id = p_persona_id and e.state = 'verified' and e.kind = 'death')
$$;
comment on function app.persona_is_frozen(uuid, uuid) is 'True when the persona''s death has been verified: their data is frozen.';

create function app.asset_is_frozen(p_tenant_id uuid, p_asset_id uuid) returns boolean
  language sql stable
  set search_path = pg_catalog, pg_temp
as $$
  select exists (select 1 from app.asset_ownerships o
                   join app.life_events e on e.tenant_id = o.tenant_id and e.persona_id = o.persona_id
                  where o.tenant_id = p_tenant_id and o.asset_id = p_asset_id and e.state = 'verified' and e.kind = 'death')
$$;
comment on function app.asset_is_frozen(uuid, uuid) is 'True when a persona holding a share of the asset has a verified death: the asset is frozen.';

create function app.tg__refuse_frozen_change() returns trigger
  language plpgsql
  set search_path = pg_catalog, pg_temp
as $$
declare
  -- TG_ARGV[0]: what the row belongs to (persona or asset); TG_ARGV[1]: the column naming it.
  v_row jsonb;
  v_frozen boolean := false;
begin
  foreach v_row in array array[case when TG_OP <> 'INSERT' then pg_catalog.to_jsonb(OLD) end,
                               case when TG_OP <> 'DELETE' then pg_catalog.to_jsonb(NEW) end] loop
    continue when v_row is null or v_row ->> TG_ARGV[1] is null;
    if TG_ARGV[0] = 'persona' then
      v_frozen := v_frozen or app.persona_is_frozen((v_row ->> 'tenant_id')::uuid, (v_row ->> TG_ARGV[1])::uuid);
    else
      v_frozen := v_frozen or app.asset_is_frozen((v_row ->> 'tenant_id')::uuid, (v_row ->> TG_ARGV[1])::uuid);
    end if;
    -- A share row names its holder too.
    if TG_ARGV[0] = 'asset' and v_row ->> 'persona_id' is not null then
      v_frozen := v_frozen or app.persona_is_frozen((v_row ->> 'tenant_id')::uuid, (v_row ->> 'persona_id')::uuid);
    end if;
  end loop;
  if v_frozen then
    perform app.fail('PT409', 'persona_frozen',
                     'this belongs to a person whose death has been verified: their data is frozen as of that date');
  end if;
  return coalesce(NEW, OLD);
end
$$;
comment on function app.tg__refuse_frozen_change() is
  'Trigger: refuses a change to the data of a persona with a verified death, or to an asset they hold a share of.';

do $$
declare
  v record;
begin
  for v in select * from (values
      ('personas', 'persona', 'id'), ('persona_emails', 'persona', 'persona_id'), ('persona_phones', 'persona', 'persona_id'),
      ('persona_addresses', 'persona', 'persona_id'), ('persona_relationships', 'persona', 'persona_id'),
      ('assets', 'asset', 'id'), ('asset_ownerships', 'asset', 'asset_id'), ('asset_valuations', 'asset', 'asset_id'),
      ('beneficiary_designations', 'asset', 'asset_id'), ('beneficiary_designations', 'persona', 'estate_of_persona_id'),
      ('asset_bank_accounts', 'asset', 'id'), ('asset_investment_accounts', 'asset', 'id'),
      ('asset_real_estate', 'asset', 'id'), ('asset_vehicles', 'asset', 'id'), ('asset_businesses', 'asset', 'id'),
      ('asset_life_insurance', 'asset', 'id'), ('asset_personal_property', 'asset', 'id'), ('asset_debts', 'asset', 'id'),
      ('asset_cryptocurrencies', 'asset', 'id'), ('asset_retirement_accounts', 'asset', 'id'),
      ('asset_collectibles', 'asset', 'id'), ('asset_intellectual_property', 'asset', 'id'), ('asset_misc', 'asset', 'id'))
    as t(table_name, owner_kind, column_name) loop
    execute pg_catalog.format(
      'create trigger %I before insert or update or delete on app.%I for each row execute function app.tg__refuse_frozen_change(%L, %L)',
      '_050_frozen_' || v.owner_kind || '_' || v.column_name, v.table_name, v.owner_kind, v.column_name);
  end loop;
end
$$;
