-- The outbox (issue 13): every announced state change is written here by app.emit_event in the
-- same transaction as the change, so a rolled-back change announces nothing. Payloads carry ids
-- and states only. A partner's server reads them through the operator's door for now
-- (support.sp_list_outbox_events); the signed webhook dispatcher is future work. docs/legacy.md.

create or replace function app.emit_event(p_event_type text, p_aggregate_kind text, p_aggregate_id uuid, p_payload jsonb)
  returns uuid
  language plpgsql volatile security definer
  set search_path = pg_catalog, pg_temp
as $$
declare
  v_tenant_id uuid := app.current_tenant_id();
  v_id uuid;
begin
  -- Internal: called by procedures that already checked their caller, inside their transaction.
  if v_tenant_id is null then
    perform app.fail('42501', 'tenant_context_missing', 'no tenant is named for this transaction');
  end if;
  insert into app.outbox_events (tenant_id, event_type, aggregate_kind, aggregate_id, payload)
  values (v_tenant_id, p_event_type, p_aggregate_kind, p_aggregate_id, coalesce(p_payload, '{}'))
  returning id into v_id;
  return v_id;
end
$$;
comment on function app.emit_event(text, text, uuid, jsonb) is
  'Internal: writes one outbox event (ids and states only) in the caller''s transaction and tenant.';

create or replace function support.sp_list_outbox_events(p_tenant_id uuid, p_after_seq bigint, p_limit integer)
  returns table (event_id uuid, seq bigint, event_type text, aggregate_kind text, aggregate_id uuid, payload jsonb,
                 occurred_at timestamptz, attempts integer, delivered_at timestamptz)
  language plpgsql volatile security definer
  set search_path = pg_catalog, pg_temp
as $$
#variable_conflict use_column
declare
  v_tenant_id uuid;
begin
  -- Operators only (the partner's delivery runs with the operator credential, never a staff token).
  perform app.require_operator();
  v_tenant_id := app.enter_tenant_as_support(p_tenant_id);
  perform app.check_page(p_limit, 0, 1000);
  if p_after_seq is null or p_after_seq < 0 then
    perform app.fail('PT400', 'invalid_cursor', 'after must be 0 or the seq of an event already read');
  end if;
  return query
    select e.id, e.seq, e.event_type, e.aggregate_kind, e.aggregate_id, e.payload, e.occurred_at, e.attempts, e.delivered_at
      from app.outbox_events e
     where e.tenant_id = v_tenant_id and e.seq > p_after_seq
     order by e.seq
     limit p_limit;
  perform app.audit_support_read(v_tenant_id, 'support.sp_list_outbox_events', null,
                                 pg_catalog.jsonb_build_object('after', p_after_seq, 'limit', p_limit));
end
$$;
comment on function support.sp_list_outbox_events(uuid, bigint, integer) is
  'Operators: a tenant''s outbox events after a seq, in order, a page at a time (ids and states only); audited.';
grant execute on function support.sp_list_outbox_events(uuid, bigint, integer) to estate_support;
