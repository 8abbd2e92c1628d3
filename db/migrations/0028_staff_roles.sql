-- Operators get a login of their own (estate_operator, db/bootstrap.sql), apart from the support
-- door's (estate_support): a support session is one of the two logins, told apart by session_user,
-- which set_config and SET ROLE cannot change. The checks on who may act as a staff member of the
-- door and who as an operator are in procedures/tenancy.sql and procedures/support.sql.

create or replace function app.is_support_session() returns boolean
  language sql stable
  set search_path = pg_catalog, pg_temp
as $$
  -- session_user cannot be changed by SET ROLE: only a login as estate_support (the door) or
  -- estate_operator (the operator CLI) counts.
  select session_user in ('estate_support', 'estate_operator')
     and pg_catalog.current_setting('app.actor_kind', true) = 'support'
     and coalesce(pg_catalog.current_setting('app.actor_id', true), '') <> ''
$$;
comment on function app.is_support_session() is
  'True when support, logged in as estate_support (the door) or estate_operator (operators) and named in the context, are acting.';
