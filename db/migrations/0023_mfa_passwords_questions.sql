-- Issue 11, the seed's credential tables: the tenant's security policy (MFA required or not, which
-- factors count, password rotation), each user's MFA factors as Cognito reports them, password
-- rotation events (never a password: those stay in Cognito), security questions with answers
-- hashed by the API (scrypt, never in clear here) and their attempts (docs/credentials.md).

-- One row per tenant, set by support (support.sp_set_tenant_security_policy); none: nothing required.
create table app.tenant_security_policies (
  tenant_id uuid not null references app.tenants (tenant_id),
  id uuid not null default gen_random_uuid(),
  mfa_required boolean not null default false,
  mfa_factors text[] not null default array['totp', 'sms', 'email', 'webauthn'],
  password_max_age_days integer check (password_max_age_days between 1 and 3650),
  updated_by text not null check (pg_catalog.length(updated_by) between 1 and 200),
  created_at timestamptz not null default pg_catalog.now(),
  updated_at timestamptz not null default pg_catalog.now(),
  primary key (tenant_id, id),
  unique (tenant_id),
  check (pg_catalog.cardinality(mfa_factors) between 1 and 4
         and mfa_factors <@ array['totp', 'sms', 'email', 'webauthn'])
);
comment on table app.tenant_security_policies is
  'A tenant''s security policy, set by support: whether tokens must carry MFA (and which factors count), and the password rotation age.';
comment on column app.tenant_security_policies.mfa_factors is
  'The factors whose use counts as MFA: a token''s estate_amr claim must hold "mfa" and one of them.';
comment on column app.tenant_security_policies.password_max_age_days is
  'Days after the last reported rotation (or registration) a password is due; NULL: no rotation policy.';
select app.protect_tenant_table('tenant_security_policies');

-- One row per user: what the app last reported of the user's Cognito MFA settings.
create table app.mfa_settings (
  tenant_id uuid not null,
  id uuid not null default gen_random_uuid(),
  user_id uuid not null,
  factors text[] not null default '{}',
  preferred_factor text,
  reported_at timestamptz not null default pg_catalog.now(),
  created_at timestamptz not null default pg_catalog.now(),
  updated_at timestamptz not null default pg_catalog.now(),
  primary key (tenant_id, id),
  unique (tenant_id, user_id),
  foreign key (tenant_id, user_id) references app.users (tenant_id, id),
  check (pg_catalog.cardinality(factors) <= 4 and factors <@ array['totp', 'sms', 'email', 'webauthn']),
  check (preferred_factor is null or preferred_factor = any (factors))
);
comment on table app.mfa_settings is
  'Each user''s MFA factors enrolled in Cognito, as the app reported them after enrolling (Cognito stays the authority).';

-- Append-only: one row per password change the app reported; the password itself never leaves Cognito.
create table app.password_history (
  tenant_id uuid not null,
  id uuid not null default gen_random_uuid(),
  user_id uuid not null,
  changed_at timestamptz not null default pg_catalog.now(),
  session_ref text check (pg_catalog.length(session_ref) <= 200),
  request_id text check (pg_catalog.length(request_id) <= 200),
  created_at timestamptz not null default pg_catalog.now(),
  primary key (tenant_id, id),
  foreign key (tenant_id, user_id) references app.users (tenant_id, id)
);
comment on table app.password_history is
  'Password rotation events as the app reported them after a Cognito password change; never a password or a hash of one.';
create index password_history_user_idx on app.password_history (tenant_id, user_id, changed_at desc);

create table app.security_questions (
  tenant_id uuid not null,
  id uuid not null default gen_random_uuid(),
  user_id uuid not null,
  position smallint not null check (position between 1 and 5),
  question text not null check (pg_catalog.length(pg_catalog.btrim(question)) between 1 and 200),
  -- scrypt$<log2 N>$<r>$<p>$<salt, base64url>$<hash, base64url>, made by the API (server/answer_hash.ts).
  answer_hash text not null check (answer_hash ~ '^scrypt\$[0-9]{1,2}\$[0-9]{1,2}\$[0-9]{1,2}\$[A-Za-z0-9_-]{16,64}\$[A-Za-z0-9_-]{32,128}$'),
  created_at timestamptz not null default pg_catalog.now(),
  updated_at timestamptz not null default pg_catalog.now(),
  primary key (tenant_id, id),
  unique (tenant_id, user_id, position),
  foreign key (tenant_id, user_id) references app.users (tenant_id, id)
);
comment on table app.security_questions is
  'A user''s 2 to 5 security questions; each answer only as a salted scrypt hash of its normalised form, never returned.';

-- Every verification, recorded before the answers are compared: pending until the API reports the
-- outcome, and counted as a failure until then (a crash between the two never grants an attempt).
create table app.security_question_attempts (
  tenant_id uuid not null,
  id uuid not null default gen_random_uuid(),
  user_id uuid not null,
  outcome text not null default 'pending' check (outcome in ('pending', 'failed', 'succeeded')),
  attempted_at timestamptz not null default pg_catalog.now(),
  finished_at timestamptz,
  created_at timestamptz not null default pg_catalog.now(),
  updated_at timestamptz not null default pg_catalog.now(),
  primary key (tenant_id, id),
  foreign key (tenant_id, user_id) references app.users (tenant_id, id),
  check ((outcome = 'pending') = (finished_at is null))
);
comment on table app.security_question_attempts is
  'Security-question verifications: 5 not succeeded within 15 minutes (since the last success) lock the user''s questions.';
create index security_question_attempts_user_idx on app.security_question_attempts (tenant_id, user_id, attempted_at desc);

select app.protect_tenant_table('mfa_settings');
select app.protect_tenant_table('password_history');
select app.protect_tenant_table('security_questions', array['answer_hash']);
select app.protect_tenant_table('security_question_attempts');
