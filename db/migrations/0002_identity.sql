-- Identity: users (who signs in), personas (the people the business is about), the links
-- between them, persona contact data and relationships, and sign-in sessions.

create table app.users (
  tenant_id uuid not null references app.tenants (tenant_id),
  id uuid not null default gen_random_uuid(),
  cognito_sub text not null check (cognito_sub ~ '^[\w-]{1,128}$'),
  email text not null check (email ~ '^[^@\s]+@[^@\s]+\.[^@\s]+$' and pg_catalog.length(email) <= 320),
  status text not null default 'active' check (status in ('active', 'deactivated')),
  last_login_at timestamptz,
  deactivated_at timestamptz,
  created_at timestamptz not null default pg_catalog.now(),
  updated_at timestamptz not null default pg_catalog.now(),
  primary key (tenant_id, id),
  unique (tenant_id, cognito_sub),
  check ((status = 'deactivated') = (deactivated_at is not null))
);
comment on table app.users is 'Who signs in: one row per Cognito subject per tenant.';
create unique index users_tenant_email_key on app.users (tenant_id, pg_catalog.lower(email));

create table app.personas (
  tenant_id uuid not null references app.tenants (tenant_id),
  id uuid not null default gen_random_uuid(),
  first_name text not null check (pg_catalog.length(pg_catalog.btrim(first_name)) between 1 and 100),
  middle_name text check (pg_catalog.length(middle_name) <= 100),
  last_name text not null check (pg_catalog.length(pg_catalog.btrim(last_name)) between 1 and 100),
  preferred_name text check (pg_catalog.length(preferred_name) <= 100),
  date_of_birth date check (date_of_birth >= date '1850-01-01'),
  living_status text not null default 'living' check (living_status in ('living', 'incapacitated', 'deceased')),
  date_of_death date,
  created_by_user_id uuid,
  created_at timestamptz not null default pg_catalog.now(),
  updated_at timestamptz not null default pg_catalog.now(),
  primary key (tenant_id, id),
  foreign key (tenant_id, created_by_user_id) references app.users (tenant_id, id),
  check (date_of_death is null or living_status = 'deceased'),
  check (date_of_death is null or date_of_birth is null or date_of_death >= date_of_birth)
);
comment on table app.personas is 'The people estate plans are about; a persona need not be a user.';
create index personas_created_by_idx on app.personas (tenant_id, created_by_user_id);

create table app.user_personas (
  tenant_id uuid not null,
  id uuid not null default gen_random_uuid(),
  user_id uuid not null,
  persona_id uuid not null,
  link_kind text not null check (link_kind in ('self', 'delegate')),
  created_at timestamptz not null default pg_catalog.now(),
  primary key (tenant_id, id),
  unique (tenant_id, user_id, persona_id),
  foreign key (tenant_id, user_id) references app.users (tenant_id, id),
  foreign key (tenant_id, persona_id) references app.personas (tenant_id, id)
);
comment on table app.user_personas is 'Which personas a user may act for: their own (self) or as a delegate (parent, agent...).';
create index user_personas_persona_idx on app.user_personas (tenant_id, persona_id);
-- A user is at most one persona, and a persona is at most one user.
create unique index user_personas_one_self_per_user on app.user_personas (tenant_id, user_id) where link_kind = 'self';
create unique index user_personas_one_self_per_persona on app.user_personas (tenant_id, persona_id) where link_kind = 'self';

create table app.persona_emails (
  tenant_id uuid not null,
  id uuid not null default gen_random_uuid(),
  persona_id uuid not null,
  email text not null check (email ~ '^[^@\s]+@[^@\s]+\.[^@\s]+$' and pg_catalog.length(email) <= 320),
  label text not null default 'personal' check (label in ('personal', 'work', 'other')),
  is_primary boolean not null default false,
  created_at timestamptz not null default pg_catalog.now(),
  updated_at timestamptz not null default pg_catalog.now(),
  primary key (tenant_id, id),
  foreign key (tenant_id, persona_id) references app.personas (tenant_id, id) on delete cascade
);
comment on table app.persona_emails is 'E-mail addresses of a persona (PII: masked for support staff).';
create unique index persona_emails_persona_email_key on app.persona_emails (tenant_id, persona_id, pg_catalog.lower(email));
create unique index persona_emails_one_primary on app.persona_emails (tenant_id, persona_id) where is_primary;

create table app.persona_phones (
  tenant_id uuid not null,
  id uuid not null default gen_random_uuid(),
  persona_id uuid not null,
  phone_number text not null check (phone_number ~ '^\+[1-9][0-9]{6,14}$'),
  label text not null default 'mobile' check (label in ('mobile', 'home', 'work', 'other')),
  is_primary boolean not null default false,
  created_at timestamptz not null default pg_catalog.now(),
  updated_at timestamptz not null default pg_catalog.now(),
  primary key (tenant_id, id),
  unique (tenant_id, persona_id, phone_number),
  foreign key (tenant_id, persona_id) references app.personas (tenant_id, id) on delete cascade
);
comment on table app.persona_phones is 'Phone numbers of a persona in E.164 (PII: masked for support staff).';
create unique index persona_phones_one_primary on app.persona_phones (tenant_id, persona_id) where is_primary;

create table app.persona_addresses (
  tenant_id uuid not null,
  id uuid not null default gen_random_uuid(),
  persona_id uuid not null,
  label text not null default 'home' check (label in ('home', 'mailing', 'work', 'other')),
  line1 text not null check (pg_catalog.length(pg_catalog.btrim(line1)) between 1 and 200),
  line2 text check (pg_catalog.length(line2) <= 200),
  city text not null check (pg_catalog.length(pg_catalog.btrim(city)) between 1 and 100),
  region text check (pg_catalog.length(region) <= 100),
  postal_code text check (pg_catalog.length(postal_code) <= 20),
  country_code text not null check (country_code ~ '^[A-Z]{2}$'),
  is_primary boolean not null default false,
  created_at timestamptz not null default pg_catalog.now(),
  updated_at timestamptz not null default pg_catalog.now(),
  primary key (tenant_id, id),
  foreign key (tenant_id, persona_id) references app.personas (tenant_id, id) on delete cascade
);
comment on table app.persona_addresses is 'Postal addresses of a persona (PII: masked for support staff).';
create index persona_addresses_persona_idx on app.persona_addresses (tenant_id, persona_id);
create unique index persona_addresses_one_primary on app.persona_addresses (tenant_id, persona_id) where is_primary;

create table app.persona_relationships (
  tenant_id uuid not null,
  id uuid not null default gen_random_uuid(),
  persona_id uuid not null,
  related_persona_id uuid not null,
  relationship_type text not null check (relationship_type in (
    'spouse', 'partner', 'former_spouse', 'child', 'parent', 'sibling', 'grandchild',
    'grandparent', 'guardian', 'ward', 'other')),
  created_at timestamptz not null default pg_catalog.now(),
  updated_at timestamptz not null default pg_catalog.now(),
  primary key (tenant_id, id),
  unique (tenant_id, persona_id, related_persona_id, relationship_type),
  foreign key (tenant_id, persona_id) references app.personas (tenant_id, id) on delete cascade,
  foreign key (tenant_id, related_persona_id) references app.personas (tenant_id, id) on delete cascade,
  check (persona_id <> related_persona_id)
);
comment on table app.persona_relationships is 'How two personas are related: "related_persona is the <type> of persona".';
create index persona_relationships_related_idx on app.persona_relationships (tenant_id, related_persona_id);

create table app.user_sessions (
  tenant_id uuid not null,
  id uuid not null default gen_random_uuid(),
  user_id uuid not null,
  session_ref text not null check (pg_catalog.length(session_ref) between 1 and 200),
  user_agent text check (pg_catalog.length(user_agent) <= 500),
  ip_address inet,
  started_at timestamptz not null default pg_catalog.now(),
  last_seen_at timestamptz not null default pg_catalog.now(),
  primary key (tenant_id, id),
  unique (tenant_id, user_id, session_ref),
  foreign key (tenant_id, user_id) references app.users (tenant_id, id)
);
comment on table app.user_sessions is 'Sign-ins recorded by sp_authenticate_user, one per Cognito session (origin_jti).';
create index user_sessions_started_brin on app.user_sessions using brin (started_at);

-- Every identity table: RLS on the tenant boundary, timestamps, audit (PII columns redacted).
do $$
declare
  v_spec record;
begin
  for v_spec in
    select * from (values
      ('users', array['email']),
      ('personas', array['first_name', 'middle_name', 'last_name', 'preferred_name', 'date_of_birth', 'date_of_death']),
      ('user_personas', array[]::text[]),
      ('persona_emails', array['email']),
      ('persona_phones', array['phone_number']),
      ('persona_addresses', array['line1', 'line2', 'city', 'region', 'postal_code']),
      ('persona_relationships', array[]::text[]),
      ('user_sessions', array['ip_address', 'user_agent'])
    ) as t(table_name, redacted)
  loop
    execute pg_catalog.format('alter table app.%I enable row level security', v_spec.table_name);
    execute pg_catalog.format('alter table app.%I force row level security', v_spec.table_name);
    execute pg_catalog.format(
      'create policy all_own_tenant on app.%I for all using (tenant_id = (select app.current_tenant_id())) '
      'with check (tenant_id = (select app.current_tenant_id()))', v_spec.table_name);
    if exists (select 1 from pg_catalog.pg_attribute
               where attrelid = pg_catalog.format('app.%I', v_spec.table_name)::regclass and attname = 'updated_at') then
      execute pg_catalog.format(
        'create trigger _100_timestamps before update on app.%I for each row execute function app.tg__set_updated_at()',
        v_spec.table_name);
    end if;
    execute pg_catalog.format(
      'create trigger _500_audit after insert or update or delete on app.%I for each row execute function audit.tg_audit__row(%s)',
      v_spec.table_name,
      coalesce((select pg_catalog.string_agg(pg_catalog.quote_literal(c), ', ') from pg_catalog.unnest(v_spec.redacted) c), ''));
  end loop;
end
$$;
