-- Safe retries (docs/retries.md): the Idempotency-Key of a POST is claimed in the transaction of
-- the request's effect, before it, and the answer is stored in the same transaction, after it.
-- A second request with the key waits for the first's transaction on the key's row (up to the
-- transaction's lock timeout): after a commit it gets the stored answer, after a rollback it
-- claims the key itself. Keys belong to (tenant, Cognito subject): registration has a key too.

create or replace function app.idempotency_caller() returns text
  language plpgsql stable security definer
  set search_path = pg_catalog, pg_temp
as $$
declare
  v_tenant_id uuid := app.require_active_tenant();
  v_sub text := app.current_actor_id();
begin
  -- An API key's (0022) keys are its own; the procedure after the claim checks the key's scope.
  if app.current_actor_kind() = 'api_key' then
    return 'api_key:' || (app.current_api_key()).id;
  end if;
  if app.current_actor_kind() <> 'user' or v_sub is null then
    perform app.fail('42501', 'user_context_missing', 'no signed-in user is named for this transaction');
  end if;
  -- Not registered yet is fine (registration takes a key too); a registered user meets every check
  -- any procedure makes (deactivated, suspended, a revoked sign-in): no stored answer is replayed
  -- to them either.
  if exists (select 1 from app.users u where u.tenant_id = v_tenant_id and u.cognito_sub = v_sub) then
    perform app.current_user_id();
  end if;
  return v_sub;
end
$$;
comment on function app.idempotency_caller() is
  'The Cognito subject (or api_key:<id> for an API key) an Idempotency-Key belongs to, after the caller checks (active tenant, a user context; a registered user''s own checks: not deactivated or suspended, the sign-in not revoked; registration comes before a user row).';

create or replace function api.sp_claim_idempotency_key(p_key text, p_request_hash text)
  returns table (claimed boolean, response_status integer, response_location text,
                 response_content_type text, response_body text)
  language plpgsql volatile security definer
  set search_path = pg_catalog, pg_temp
as $$
#variable_conflict use_column
declare
  v_sub text := app.idempotency_caller();
  v_tenant_id uuid := app.current_tenant_id();
  v_row app.idempotency_keys;
begin
  if p_key is null or p_key !~ '^[!-~]{1,255}$' then
    perform app.fail('PT400', 'idempotency_key_invalid', 'the Idempotency-Key must be 1 to 255 visible ASCII characters');
  end if;
  -- Expired keys go: the caller's own at once, the tenant's a few at a time.
  delete from app.idempotency_keys k
   where k.ctid in (select x.ctid from app.idempotency_keys x
                     where x.tenant_id = v_tenant_id and x.expires_at <= pg_catalog.now() limit 20);
  delete from app.idempotency_keys k
   where k.tenant_id = v_tenant_id and k.actor_sub = v_sub and k.idempotency_key = p_key
     and k.expires_at <= pg_catalog.now();
  begin
    -- Waits for a concurrent holder of the key to commit or roll back.
    insert into app.idempotency_keys as k (tenant_id, actor_sub, idempotency_key, request_hash)
    values (v_tenant_id, v_sub, p_key, p_request_hash)
    on conflict (tenant_id, actor_sub, idempotency_key) do nothing;
  exception when lock_not_available then
    perform app.fail('PT409', 'idempotency_key_in_progress',
                     'a request with this Idempotency-Key is still in progress: retry later');
  end;
  if found then
    return query select true, null::integer, null::text, null::text, null::text;
    return;
  end if;
  select * into v_row from app.idempotency_keys k
   where k.tenant_id = v_tenant_id and k.actor_sub = v_sub and k.idempotency_key = p_key;
  if v_row.request_hash is distinct from p_request_hash then
    perform app.fail('PT422', 'idempotency_key_reused',
                     'this Idempotency-Key was used with another request (method, path or body)');
  end if;
  if v_row.response_status is null then
    perform app.fail('PT409', 'idempotency_key_in_progress',
                     'a request with this Idempotency-Key is still in progress: retry later');
  end if;
  return query select false, v_row.response_status, v_row.response_location, v_row.response_content_type, v_row.response_body;
end
$$;
comment on function api.sp_claim_idempotency_key(text, text) is
  'Claims the caller''s Idempotency-Key for a request (by its hash) in the effect''s transaction: claimed, or the stored answer of the same request; idempotency_key_reused for another request.';
grant execute on function api.sp_claim_idempotency_key(text, text) to estate_api;

create or replace function api.sp_store_idempotent_response(p_key text, p_status integer, p_location text,
                                                            p_content_type text, p_body text)
  returns void
  language plpgsql volatile security definer
  set search_path = pg_catalog, pg_temp
as $$
declare
  v_sub text := app.idempotency_caller();
begin
  update app.idempotency_keys k
     set response_status = p_status, response_location = p_location,
         response_content_type = p_content_type, response_body = p_body
   where k.tenant_id = app.current_tenant_id() and k.actor_sub = v_sub
     and k.idempotency_key = p_key and k.response_status is null;
  if not found then
    perform app.fail('PT409', 'idempotency_key_in_progress', 'this Idempotency-Key was not claimed by this request');
  end if;
end
$$;
comment on function api.sp_store_idempotent_response(text, integer, text, text, text) is
  'Stores the answer of the request that claimed an Idempotency-Key, in the transaction of its effect.';
grant execute on function api.sp_store_idempotent_response(text, integer, text, text, text) to estate_api;

-- If-Match (docs/retries.md): a PATCH or DELETE with a precondition locks the resource's row
-- first, then reads it and compares its ETag in the same transaction; a concurrent writer of the
-- row waits, and the second of two writers with the same If-Match reads the first's change (412).
create or replace function api.sp_lock_for_precondition(p_kind text, p_id uuid)
  returns void
  language plpgsql volatile security definer
  set search_path = pg_catalog, pg_temp
as $$
declare
  v_tenant_id uuid := app.require_active_tenant();
  -- An API key may lock only what its scope lets it write (NULL: keys refused).
  v_user_id uuid := app.current_user_id(case p_kind when 'asset' then 'assets:write' end);
begin
  -- Says nothing: a row of the tenant the caller may not see is locked like any other, and the
  -- read that follows (the resource's own procedure) answers its usual not-found.
  case p_kind
    when 'asset' then
      perform 1 from app.assets a where a.tenant_id = v_tenant_id and a.id = p_id for update;
    when 'persona' then
      perform 1 from app.personas p where p.tenant_id = v_tenant_id and p.id = p_id for update;
    when 'ffc' then
      -- A circle and its memberships: the lock every membership change takes first (app.lock_ffc).
      perform 1 from app.fwd_family_circles c where c.tenant_id = v_tenant_id and c.id = p_id for update;
    when 'subscription' then
      -- The caller's own current subscription (p_id is not used: there is one).
      perform 1 from app.subscriptions s
       where s.tenant_id = v_tenant_id and s.user_id = v_user_id and s.ended_at is null for update;
    else
      perform app.fail('22023', 'invalid_input', 'unknown resource kind');
  end case;
end
$$;
comment on function api.sp_lock_for_precondition(text, uuid) is
  'Locks an asset''s, a persona''s or a circle''s row (a circle''s also guards its memberships), or the caller''s current subscription, for the rest of the transaction, before an If-Match is compared with a fresh read (reveals nothing).';
grant execute on function api.sp_lock_for_precondition(text, uuid) to estate_api;
