-- Cluster-level set-up, run by the migration runner as the administrative login before any
-- migration: the four roles of docs/architecture.md and the database-level grants. Idempotent.
do $$
begin
  -- Owner of every schema, table and function; never logs in, never bypasses RLS.
  if not exists (select 1 from pg_catalog.pg_roles where rolname = 'estate_owner') then
    create role estate_owner nologin nosuperuser nocreatedb nocreaterole noinherit nobypassrls;
  end if;
  -- Tenant traffic: may execute api.sp_* procedures and nothing else.
  if not exists (select 1 from pg_catalog.pg_roles where rolname = 'estate_api') then
    create role estate_api login nosuperuser nocreatedb nocreaterole noinherit nobypassrls;
  end if;
  -- Support staff: may execute support.sp_* procedures and nothing else.
  if not exists (select 1 from pg_catalog.pg_roles where rolname = 'estate_support') then
    create role estate_support login nosuperuser nocreatedb nocreaterole noinherit nobypassrls;
  end if;
  -- Operators (the operator CLI, bootstraps): a login of its own, so that the database tells an
  -- operator from the support door by session_user, which set_config cannot change. It inherits
  -- the support procedures' execute grants from estate_support (a member with INHERIT).
  if not exists (select 1 from pg_catalog.pg_roles where rolname = 'estate_operator') then
    create role estate_operator login nosuperuser nocreatedb nocreaterole inherit nobypassrls;
  end if;
exception
  -- Two databases of one cluster bootstrapped at the same moment: the other one made the role.
  when duplicate_object or unique_violation then null;
end
$$;

-- The administrative login must be able to act as the owner to create objects owned by it.
do $$
begin
  if not (select rolsuper from pg_catalog.pg_roles where rolname = current_user)
     and not pg_catalog.pg_has_role(current_user, 'estate_owner', 'MEMBER') then
    execute pg_catalog.format('grant estate_owner to %I', current_user);
  end if;
end
$$;

grant estate_support to estate_operator;

-- No JIT compilation for the logins: their transactions are short, and where PostgreSQL is built
-- with LLVM (jit = on by default) a plan whose estimate passes jit_above_cost is compiled on every
-- call, tens of milliseconds for a query that runs in a few (docs/performance.md).
-- No statement text in the server's log when a login's statement fails: the API sends a request's
-- context and its call's values as literals in one message (server/plugins/db.ts), and a procedure
-- refusing a request (not found, invalid input) is an ERROR, so the default (error) would write
-- personal data (names, emails, amounts) to the log on every refusal. The error itself is still
-- logged, and the API's log has the request. Set only when missing, so that databases
-- bootstrapped side by side do not rewrite the same setting.
do $$
declare
  v_role text;
  v_setting text;
begin
  foreach v_role in array array['estate_api', 'estate_support', 'estate_operator'] loop
    foreach v_setting in array array['jit=off', 'log_min_error_statement=panic'] loop
      if not exists (select 1 from pg_catalog.pg_roles where rolname = v_role and v_setting = any (rolconfig)) then
        execute pg_catalog.format('alter role %I set %s = %s', v_role, pg_catalog.split_part(v_setting, '=', 1),
                                  pg_catalog.split_part(v_setting, '=', 2));
      end if;
    end loop;
  end loop;
end
$$;

do $$
begin
  execute pg_catalog.format('grant create, connect on database %I to estate_owner', current_database());
  execute pg_catalog.format('grant connect on database %I to estate_api, estate_support, estate_operator', current_database());
  execute pg_catalog.format('revoke create, temporary on database %I from public', current_database());
end
$$;

revoke create on schema public from public;
revoke all on schema public from estate_api, estate_support, estate_operator;

create extension if not exists pgcrypto;
