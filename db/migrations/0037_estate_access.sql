-- Issue 13's pieces joined: the documents that appoint a fiduciary and that evidence a reported
-- incapacity or death are vault documents, and a verified death freezes the deceased's vault items
-- as it freezes the rest of their data (docs/legacy.md).

-- NOT VALID: both tables came with this release (0034, 0036), so no row predates the key, and
-- validating would read every tenant's rows through their row-level security (the key holds for
-- every row written from now on).
alter table app.fiduciary_appointments
  add foreign key (tenant_id, document_id) references app.vault_documents (tenant_id, id) on delete set null (document_id) not valid;
create index fiduciary_appointments_document_idx on app.fiduciary_appointments (tenant_id, document_id)
  where document_id is not null;

alter table app.life_events
  add foreign key (tenant_id, evidence_document_id) references app.vault_documents (tenant_id, id)
    on delete set null (evidence_document_id) not valid;
create index life_events_evidence_document_idx on app.life_events (tenant_id, evidence_document_id)
  where evidence_document_id is not null;

-- The vault's rows name their document; a document names its owner persona.
create or replace function app.tg__refuse_frozen_change() returns trigger
  language plpgsql
  set search_path = pg_catalog, pg_temp
as $$
declare
  -- TG_ARGV[0]: what the row belongs to (persona, asset or document); TG_ARGV[1]: the column naming it.
  v_row jsonb;
  v_frozen boolean := false;
  v_owner uuid;
begin
  foreach v_row in array array[case when TG_OP <> 'INSERT' then pg_catalog.to_jsonb(OLD) end,
                               case when TG_OP <> 'DELETE' then pg_catalog.to_jsonb(NEW) end] loop
    continue when v_row is null or v_row ->> TG_ARGV[1] is null;
    if TG_ARGV[0] = 'persona' then
      v_frozen := v_frozen or app.persona_is_frozen((v_row ->> 'tenant_id')::uuid, (v_row ->> TG_ARGV[1])::uuid);
    elsif TG_ARGV[0] = 'document' then
      select d.owner_persona_id into v_owner from app.vault_documents d
       where d.tenant_id = (v_row ->> 'tenant_id')::uuid and d.id = (v_row ->> TG_ARGV[1])::uuid;
      v_frozen := v_frozen or (v_owner is not null and app.persona_is_frozen((v_row ->> 'tenant_id')::uuid, v_owner));
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

create trigger _050_frozen_persona_owner_persona_id before insert or update or delete on app.vault_documents
  for each row execute function app.tg__refuse_frozen_change('persona', 'owner_persona_id');
create trigger _050_frozen_document_document_id before insert or update or delete on app.vault_document_versions
  for each row execute function app.tg__refuse_frozen_change('document', 'document_id');
create trigger _050_frozen_document_document_id before insert or update or delete on app.vault_document_subjects
  for each row execute function app.tg__refuse_frozen_change('document', 'document_id');
create trigger _050_frozen_document_document_id before insert or update or delete on app.vault_document_shares
  for each row execute function app.tg__refuse_frozen_change('document', 'document_id');

-- The executor's view of the reads made under emergency access, fiduciary roles and vault shares.
create index audit_log_reads_idx on audit.audit_log (tenant_id, table_name, occurred_at) where operation = 'READ';
