-- Credentials beside Cognito (issue 11): the tenant's security policy (support sets it), the user's
-- MFA factors as the app reports them, password rotation reports and status, and security
-- questions. Passwords never reach this database; security answers reach it only as scrypt hashes
-- made by the API (server/answer_hash.ts). The MFA policy itself is enforced for every procedure by
-- app.current_user_id (common.sql). Rules: docs/credentials.md.

------------------------------------------------------------------------------------------------
-- Helpers
------------------------------------------------------------------------------------------------

create or replace function app.current_user_id_for_mfa_setup() returns uuid
  language plpgsql stable security definer
  set search_path = pg_catalog, pg_temp
as $$
declare
  v_hint text;
  v_user_id uuid;
begin
  -- Every check of app.current_user_id but MFA: a user of a tenant that requires MFA may read the
  -- policy and report a first enrollment with a token obtained without it (how else would they start).
  begin
    return app.current_user_id();
  exception when others then
    get stacked diagnostics v_hint = pg_exception_hint;
    if v_hint is distinct from 'mfa_required' then
      raise;
    end if;
  end;
  -- mfa_required is raised after every other check passed: the user is registered and active.
  select u.id into v_user_id from app.users u
   where u.tenant_id = app.current_tenant_id() and u.cognito_sub = app.current_actor_id();
  return v_user_id;
end
$$;
comment on function app.current_user_id_for_mfa_setup() is
  'app.current_user_id without the MFA requirement (every other check kept), for reading the MFA policy and reporting a first enrollment.';

create or replace function app.check_mfa_factors(p_factors text[], p_code text) returns text[]
  language plpgsql immutable
  set search_path = pg_catalog, pg_temp
as $$
begin
  if p_factors is null or pg_catalog.array_position(p_factors, null) is not null
     or not p_factors <@ array['totp', 'sms', 'email', 'webauthn']
     or pg_catalog.cardinality(p_factors) <> (select pg_catalog.count(distinct f) from pg_catalog.unnest(p_factors) f) then
    perform app.fail('PT400', p_code, 'factors are distinct values of totp, sms, email and webauthn');
  end if;
  return array(select f from pg_catalog.unnest(array['totp', 'sms', 'email', 'webauthn']) f where f = any (p_factors));
end
$$;
comment on function app.check_mfa_factors(text[], text) is
  'Checks a list of MFA factor names (distinct; totp, sms, email, webauthn) and returns it in canonical order.';

create or replace function app.security_question_lock(p_user_id uuid, out failures integer, out locked_until timestamptz)
  language sql stable
  set search_path = pg_catalog, pg_temp
as $$
  -- Failures (and attempts still pending) of the last 15 minutes since the last success; five lock
  -- the questions until the oldest of the last five leaves the window.
  with recent as (
    select a.attempted_at from app.security_question_attempts a
     where a.tenant_id = (select app.current_tenant_id()) and a.user_id = p_user_id
       and a.outcome <> 'succeeded'
       and a.attempted_at > pg_catalog.now() - interval '15 minutes'
       and a.attempted_at > coalesce((select pg_catalog.max(s.attempted_at) from app.security_question_attempts s
                                       where s.tenant_id = (select app.current_tenant_id()) and s.user_id = p_user_id
                                         and s.outcome = 'succeeded'), '-infinity')
     order by a.attempted_at desc
     limit 5)
  select pg_catalog.count(*)::integer,
         case when pg_catalog.count(*) >= 5 then pg_catalog.min(attempted_at) + interval '15 minutes' end
    from recent
$$;
comment on function app.security_question_lock(uuid) is
  'A user''s failed security-question attempts in the current 15-minute window (at most 5 counted) and, at 5, until when they are locked.';

create or replace function app.password_status(p_user_id uuid)
  returns table (last_rotated_at timestamptz, max_age_days integer, due_at timestamptz, overdue boolean)
  language sql stable
  set search_path = pg_catalog, pg_temp
as $$
  -- Never reported: due counted from registration (Cognito set the first password then).
  select l.last, p.password_max_age_days,
         coalesce(l.last, u.created_at) + pg_catalog.make_interval(days => p.password_max_age_days),
         coalesce(coalesce(l.last, u.created_at) + pg_catalog.make_interval(days => p.password_max_age_days) < pg_catalog.now(), false)
    from app.users u
    left join app.tenant_security_policies p on p.tenant_id = u.tenant_id
    cross join lateral (select pg_catalog.max(h.changed_at) as last from app.password_history h
                         where h.tenant_id = u.tenant_id and h.user_id = u.id) l
   where u.tenant_id = (select app.current_tenant_id()) and u.id = p_user_id
$$;
comment on function app.password_status(uuid) is
  'A user''s last reported password rotation, the tenant''s maximum age, when the password is due and whether it is overdue.';

------------------------------------------------------------------------------------------------
-- The tenant's policy (support)
------------------------------------------------------------------------------------------------

create or replace function support.sp_set_tenant_security_policy(p_tenant_id uuid, p_mfa_required boolean,
                                                                 p_mfa_factors text[], p_password_max_age_days integer)
  returns table (tenant_id uuid, mfa_required boolean, mfa_factors text[], password_max_age_days integer,
                 updated_by text, updated_at timestamptz)
  language plpgsql volatile security definer
  set search_path = pg_catalog, pg_temp
as $$
#variable_conflict use_column
declare
  v_tenant_id uuid := app.enter_tenant_as_support(p_tenant_id);
  v_factors text[] := app.check_mfa_factors(p_mfa_factors, 'invalid_mfa_factors');
begin
  if p_mfa_required is null then
    perform app.fail('PT400', 'invalid_mfa_required', 'mfaRequired must be true or false');
  end if;
  if pg_catalog.cardinality(v_factors) = 0 then
    perform app.fail('PT400', 'invalid_mfa_factors', 'at least one factor must count as MFA');
  end if;
  if p_password_max_age_days is not null and p_password_max_age_days not between 1 and 3650 then
    perform app.fail('PT400', 'invalid_password_max_age', 'passwordMaxAgeDays must be 1 to 3650, or null for none');
  end if;
  -- The audit trigger records the change with the staff member's identity; users' next requests obey it.
  return query
    insert into app.tenant_security_policies as p (tenant_id, mfa_required, mfa_factors, password_max_age_days, updated_by)
    values (v_tenant_id, p_mfa_required, v_factors, p_password_max_age_days, app.current_actor_id())
    on conflict (tenant_id) do update
      set mfa_required = excluded.mfa_required, mfa_factors = excluded.mfa_factors,
          password_max_age_days = excluded.password_max_age_days, updated_by = excluded.updated_by
    returning p.tenant_id, p.mfa_required, p.mfa_factors, p.password_max_age_days, p.updated_by, p.updated_at;
end
$$;
comment on function support.sp_set_tenant_security_policy(uuid, boolean, text[], integer) is
  'Support: sets a tenant''s security policy: whether tokens must be obtained with MFA (and which factors count) and the password rotation age in days; audited.';
grant execute on function support.sp_set_tenant_security_policy(uuid, boolean, text[], integer) to estate_support;

create or replace function support.sp_get_tenant_security_policy(p_tenant_id uuid)
  returns table (tenant_id uuid, mfa_required boolean, mfa_factors text[], password_max_age_days integer,
                 updated_by text, updated_at timestamptz)
  language plpgsql volatile security definer
  set search_path = pg_catalog, pg_temp
as $$
#variable_conflict use_column
declare
  v_tenant_id uuid := app.enter_tenant_as_support(p_tenant_id);
begin
  -- A tenant without a policy row requires nothing: its defaults, with no author.
  return query
    select v_tenant_id, coalesce(p.mfa_required, false),
           coalesce(p.mfa_factors, array['totp', 'sms', 'email', 'webauthn']), p.password_max_age_days,
           p.updated_by, p.updated_at
      from (select 1) one
      left join app.tenant_security_policies p on p.tenant_id = v_tenant_id;
  perform app.audit_support_read(v_tenant_id, 'support.sp_get_tenant_security_policy', null, '{}');
end
$$;
comment on function support.sp_get_tenant_security_policy(uuid) is
  'Support: a tenant''s security policy (MFA requirement and factors, password rotation age) and who set it last; audited.';
grant execute on function support.sp_get_tenant_security_policy(uuid) to estate_support;

------------------------------------------------------------------------------------------------
-- MFA: the user's view and the app's reports
------------------------------------------------------------------------------------------------

create or replace function api.sp_get_my_mfa()
  returns table (mfa_required boolean, allowed_factors text[], enrolled_factors text[], preferred_factor text,
                 reported_at timestamptz, token_has_mfa boolean)
  language plpgsql stable security definer
  set search_path = pg_catalog, pg_temp
as $$
#variable_conflict use_column
declare
  v_user_id uuid := app.current_user_id_for_mfa_setup();
  v_tenant_id uuid := app.current_tenant_id();
begin
  return query
    select coalesce(p.mfa_required, false),
           coalesce(p.mfa_factors, array['totp', 'sms', 'email', 'webauthn']),
           coalesce(m.factors, '{}'), m.preferred_factor, m.reported_at,
           app.token_has_mfa(coalesce(p.mfa_factors, array['totp', 'sms', 'email', 'webauthn']))
      from (select 1) one
      left join app.tenant_security_policies p on p.tenant_id = v_tenant_id
      left join app.mfa_settings m on m.tenant_id = v_tenant_id and m.user_id = v_user_id;
end
$$;
comment on function api.sp_get_my_mfa() is
  'The tenant''s MFA policy, my MFA factors as last reported, and whether this request''s token counts as MFA (readable without MFA).';
grant execute on function api.sp_get_my_mfa() to estate_api;

create or replace function api.sp_report_my_mfa_factors(p_factors text[], p_preferred_factor text)
  returns table (mfa_required boolean, allowed_factors text[], enrolled_factors text[], preferred_factor text,
                 reported_at timestamptz, token_has_mfa boolean)
  language plpgsql volatile security definer
  set search_path = pg_catalog, pg_temp
as $$
#variable_conflict use_column
declare
  v_user_id uuid := app.current_user_id_for_mfa_setup();
  v_tenant_id uuid := app.current_tenant_id();
  v_factors text[] := app.check_mfa_factors(p_factors, 'invalid_mfa_factors');
begin
  if p_preferred_factor is not null and not p_preferred_factor = any (v_factors) then
    perform app.fail('PT400', 'invalid_preferred_factor', 'preferredFactor must be one of the reported factors');
  end if;
  -- Without MFA in the token only a first enrollment is reported: once factors are on record,
  -- changing them takes a token obtained with MFA where the tenant requires it.
  perform 1 from app.mfa_settings m
   where m.tenant_id = v_tenant_id and m.user_id = v_user_id and pg_catalog.cardinality(m.factors) > 0
   for update;
  if found then
    perform app.require_token_mfa(v_tenant_id);
  end if;
  insert into app.mfa_settings as m (tenant_id, user_id, factors, preferred_factor, reported_at)
  values (v_tenant_id, v_user_id, v_factors, p_preferred_factor, pg_catalog.now())
  on conflict (tenant_id, user_id) do update
    set factors = excluded.factors, preferred_factor = excluded.preferred_factor, reported_at = excluded.reported_at;
  return query select * from api.sp_get_my_mfa();
end
$$;
comment on function api.sp_report_my_mfa_factors(text[], text) is
  'Records the MFA factors Cognito shows enrolled for me (after enrolling in the app); changing reported factors needs an MFA token where required.';
grant execute on function api.sp_report_my_mfa_factors(text[], text) to estate_api;

------------------------------------------------------------------------------------------------
-- Password rotation (reports; the password stays in Cognito)
------------------------------------------------------------------------------------------------

create or replace function api.sp_get_my_password_status()
  returns table (last_rotated_at timestamptz, max_age_days integer, due_at timestamptz, overdue boolean)
  language plpgsql stable security definer
  set search_path = pg_catalog, pg_temp
as $$
#variable_conflict use_column
declare
  v_user_id uuid := app.current_user_id();
begin
  return query select * from app.password_status(v_user_id);
end
$$;
comment on function api.sp_get_my_password_status() is
  'When I last reported a password change, the tenant''s maximum password age, when mine is due and whether it is overdue.';
grant execute on function api.sp_get_my_password_status() to estate_api;

create or replace function api.sp_report_password_rotation()
  returns table (last_rotated_at timestamptz, max_age_days integer, due_at timestamptz, overdue boolean)
  language plpgsql volatile security definer
  set search_path = pg_catalog, pg_temp
as $$
#variable_conflict use_column
declare
  v_user_id uuid := app.current_user_id();
  v_tenant_id uuid := app.current_tenant_id();
begin
  -- Serialised per user; a report within a minute of the last one adds no row (retries, double taps).
  perform 1 from app.users u where u.tenant_id = v_tenant_id and u.id = v_user_id for update;
  if not exists (select 1 from app.password_history h
                  where h.tenant_id = v_tenant_id and h.user_id = v_user_id
                    and h.changed_at > pg_catalog.now() - interval '1 minute') then
    insert into app.password_history (tenant_id, user_id, session_ref, request_id)
    values (v_tenant_id, v_user_id, nullif(pg_catalog.current_setting('app.session_ref', true), ''),
            app.current_request_id());
  end if;
  return query select * from app.password_status(v_user_id);
end
$$;
comment on function api.sp_report_password_rotation() is
  'Records that I changed my password in Cognito (the app reports it after the change succeeded) and returns my password status.';
grant execute on function api.sp_report_password_rotation() to estate_api;

------------------------------------------------------------------------------------------------
-- Security questions (answers hashed by the API with scrypt; compared there in constant time)
------------------------------------------------------------------------------------------------

create or replace function api.sp_list_my_security_questions()
  returns table (question_id uuid, question_position smallint, question text, created_at timestamptz)
  language plpgsql stable security definer
  set search_path = pg_catalog, pg_temp
as $$
#variable_conflict use_column
declare
  v_user_id uuid := app.current_user_id();
begin
  -- The questions only: an answer's hash never leaves the database through a listing.
  return query
    select q.id, q.position, q.question, q.created_at from app.security_questions q
     where q.tenant_id = app.current_tenant_id() and q.user_id = v_user_id
     order by q.position;
end
$$;
comment on function api.sp_list_my_security_questions() is 'My security questions in order, without their answers.';
grant execute on function api.sp_list_my_security_questions() to estate_api;

create or replace function api.sp_set_my_security_questions(p_questions text[], p_answer_hashes text[])
  returns table (question_id uuid, question_position smallint, question text, created_at timestamptz)
  language plpgsql volatile security definer
  set search_path = pg_catalog, pg_temp
as $$
#variable_conflict use_column
declare
  v_user_id uuid := app.current_user_id();
  v_tenant_id uuid := app.current_tenant_id();
  v_n integer := coalesce(pg_catalog.cardinality(p_questions), 0);
begin
  if v_n not between 2 and 5 or v_n <> coalesce(pg_catalog.cardinality(p_answer_hashes), 0) then
    perform app.fail('PT400', 'invalid_security_questions', 'give 2 to 5 questions, each with its answer');
  end if;
  if exists (select 1 from pg_catalog.unnest(p_questions) q
              where q is null or pg_catalog.length(pg_catalog.btrim(q)) not between 1 and 200)
     or (select pg_catalog.count(distinct pg_catalog.lower(pg_catalog.btrim(q))) from pg_catalog.unnest(p_questions) q) <> v_n then
    perform app.fail('PT400', 'invalid_security_questions', 'questions are 1 to 200 characters and all different');
  end if;
  if exists (select 1 from pg_catalog.unnest(p_answer_hashes) h
              where h is null or h !~ '^scrypt\$[0-9]{1,2}\$[0-9]{1,2}\$[0-9]{1,2}\$[A-Za-z0-9_-]{16,64}\$[A-Za-z0-9_-]{32,128}$') then
    perform app.fail('PT400', 'invalid_security_answers', 'answers must be hashed by the API');
  end if;
  -- Serialised with the verifications; locked questions cannot be replaced to escape the lock.
  perform pg_catalog.pg_advisory_xact_lock(pg_catalog.hashtextextended('security-questions ' || v_user_id::text, 0));
  if (app.security_question_lock(v_user_id)).locked_until is not null then
    perform app.fail('PT429', 'security_questions_locked', 'too many wrong answers: try again later');
  end if;
  delete from app.security_questions q where q.tenant_id = v_tenant_id and q.user_id = v_user_id;
  insert into app.security_questions (tenant_id, user_id, position, question, answer_hash)
  select v_tenant_id, v_user_id, i::smallint, pg_catalog.btrim(p_questions[i]), p_answer_hashes[i]
    from pg_catalog.generate_series(1, v_n) i;
  return query select * from api.sp_list_my_security_questions();
end
$$;
comment on function api.sp_set_my_security_questions(text[], text[]) is
  'Replaces my security questions (2 to 5) and their answers, hashed by the API; refused while my questions are locked.';
grant execute on function api.sp_set_my_security_questions(text[], text[]) to estate_api;

create or replace function api.sp_begin_security_answer_check(p_question_ids uuid[])
  returns table (attempt_id uuid, question_id uuid, answer_hash text)
  language plpgsql volatile security definer
  set search_path = pg_catalog, pg_temp
as $$
#variable_conflict use_column
declare
  v_user_id uuid := app.current_user_id();
  v_tenant_id uuid := app.current_tenant_id();
  v_n integer := coalesce(pg_catalog.cardinality(p_question_ids), 0);
  v_attempt_id uuid;
begin
  if v_n not between 2 and 5 or pg_catalog.array_position(p_question_ids, null) is not null
     or (select pg_catalog.count(distinct q) from pg_catalog.unnest(p_question_ids) q) <> v_n then
    perform app.fail('PT400', 'invalid_security_answers', 'answer 2 to 5 different questions of yours');
  end if;
  -- Another user's question, another tenant's and a random id alike.
  if (select pg_catalog.count(*) from app.security_questions q
       where q.tenant_id = v_tenant_id and q.user_id = v_user_id and q.id = any (p_question_ids)) <> v_n then
    perform app.fail('PT404', 'security_question_not_found', 'security question not found');
  end if;
  -- The attempt is counted (as a failure until the API reports success) before any hash leaves:
  -- concurrent verifications queue here, so at most 5 comparisons run per window.
  perform pg_catalog.pg_advisory_xact_lock(pg_catalog.hashtextextended('security-questions ' || v_user_id::text, 0));
  if (app.security_question_lock(v_user_id)).locked_until is not null then
    perform app.fail('PT429', 'security_questions_locked', 'too many wrong answers: try again later');
  end if;
  insert into app.security_question_attempts (tenant_id, user_id) values (v_tenant_id, v_user_id)
  returning id into v_attempt_id;
  return query
    select v_attempt_id, q.id, q.answer_hash from app.security_questions q
     where q.tenant_id = v_tenant_id and q.user_id = v_user_id and q.id = any (p_question_ids)
     order by q.position;
end
$$;
comment on function api.sp_begin_security_answer_check(uuid[]) is
  'First half of verifying my security answers: records the attempt (a failure until reported otherwise), refuses while locked, and hands the API the hashes to compare.';
grant execute on function api.sp_begin_security_answer_check(uuid[]) to estate_api;

create or replace function api.sp_finish_security_answer_check(p_attempt_id uuid, p_verified boolean)
  returns table (verified boolean, attempts_left integer, locked_until timestamptz)
  language plpgsql volatile security definer
  set search_path = pg_catalog, pg_temp
as $$
#variable_conflict use_column
declare
  v_user_id uuid := app.current_user_id();
  v_tenant_id uuid := app.current_tenant_id();
  v_lock record;
begin
  if p_verified is null then
    perform app.fail('PT400', 'invalid_security_answers', 'the outcome must be true or false');
  end if;
  perform pg_catalog.pg_advisory_xact_lock(pg_catalog.hashtextextended('security-questions ' || v_user_id::text, 0));
  -- Only my own attempt, once: an outcome is never rewritten.
  update app.security_question_attempts a
     set outcome = case when p_verified then 'succeeded' else 'failed' end, finished_at = pg_catalog.now()
   where a.tenant_id = v_tenant_id and a.user_id = v_user_id and a.id = p_attempt_id and a.outcome = 'pending';
  if not found then
    perform app.fail('PT404', 'security_answer_check_not_found', 'no verification of yours is waiting for its outcome');
  end if;
  select * into v_lock from app.security_question_lock(v_user_id);
  return query select p_verified, greatest(5 - v_lock.failures, 0), v_lock.locked_until;
end
$$;
comment on function api.sp_finish_security_answer_check(uuid, boolean) is
  'Second half of verifying my security answers: records the API''s comparison as the attempt''s outcome; returns attempts left and any lock.';
grant execute on function api.sp_finish_security_answer_check(uuid, boolean) to estate_api;
