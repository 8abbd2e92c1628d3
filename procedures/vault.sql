-- The estate-document vault (issue 13; docs/vault.md): a persona's documents, their versions (the
-- API encrypts each file with the field keys before it arrives here: this database holds only
-- ciphertext and the plaintext's SHA-256), what each concerns, and who may read it.
-- Access follows the estate plan's rule: whoever acts for the owner persona owns the document;
-- a persona it is shared with `now` (or `after_death`, once the owner's death is verified) may read
-- it (metadata and content), and nobody else. Anyone else, a closed share (after_death before a
-- verified death, never), another tenant and a random id: document_not_found.

------------------------------------------------------------------------------------------------
-- Helpers
------------------------------------------------------------------------------------------------

create or replace function app.vault_max_file_bytes() returns integer
  language sql immutable
  set search_path = pg_catalog, pg_temp
as $$ select 10485760 $$;
comment on function app.vault_max_file_bytes() is
  'The largest vault file: 10 MiB of plaintext (the upload route''s body limit is the same; docs/limits.md).';

create or replace function app.vault_share_open(p_release_when text, p_tenant_id uuid, p_owner_persona_id uuid)
  returns boolean
  language sql stable security definer
  set search_path = pg_catalog, pg_temp
as $$
  -- now: open; after_death: open once the owner's death is verified; never: closed.
  select p_release_when = 'now' or (p_release_when = 'after_death' and app.persona_is_frozen(p_tenant_id, p_owner_persona_id))
$$;
comment on function app.vault_share_open(text, uuid, uuid) is
  'Whether a share lets its recipient read: now, or after death once the owner''s death is verified; never never.';

create or replace function app.vault_document_access(p_user_id uuid, p_document_id uuid) returns text
  language sql stable security definer
  set search_path = pg_catalog, pg_temp
as $$
  -- owner: acts for the owner persona; recipient: acts for a persona it is shared with now, or
  -- after death once the owner's death is verified (docs/legacy.md); never: nothing, ever.
  select case
    when exists (select 1 from app.vault_documents d
                  where d.tenant_id = (select app.current_tenant_id()) and d.id = p_document_id
                    and d.owner_persona_id in (select app.acting_persona_ids(p_user_id))) then 'owner'
    when exists (select 1 from app.vault_document_shares s
                   join app.vault_documents d on d.tenant_id = s.tenant_id and d.id = s.document_id
                  where s.tenant_id = (select app.current_tenant_id()) and s.document_id = p_document_id
                    and app.vault_share_open(s.release_when, d.tenant_id, d.owner_persona_id)
                    and s.recipient_persona_id in (select app.acting_persona_ids(p_user_id))
                    -- A share holds while whoever made it may still name the recipient: a member
                    -- removed from the circle loses what the circle let them be given.
                    and app.user_can_reference_persona(s.created_by_user_id, s.recipient_persona_id)) then 'recipient'
  end
$$;
comment on function app.vault_document_access(uuid, uuid) is
  'What the user may do with a vault document: owner (acts for its persona), recipient (shared with them now), or NULL.';

create or replace function app.require_vault_document(p_user_id uuid, p_document_id uuid, p_need text)
  returns app.vault_documents
  language plpgsql volatile security definer
  set search_path = pg_catalog, pg_temp
as $$
declare
  v_access text := app.vault_document_access(p_user_id, p_document_id);
  v_document app.vault_documents;
begin
  -- A recipient asking to write gets what a stranger gets: nothing says the document exists.
  if v_access is null or (p_need = 'owner' and v_access <> 'owner') then
    perform app.fail('PT404', 'document_not_found', 'document not found');
  end if;
  if p_need = 'owner' then
    -- Writers of one document queue on its row (version numbers, status, shares).
    select d.* into v_document from app.vault_documents d
     where d.tenant_id = app.current_tenant_id() and d.id = p_document_id for update;
  else
    select d.* into v_document from app.vault_documents d
     where d.tenant_id = app.current_tenant_id() and d.id = p_document_id;
  end if;
  if v_document.id is null then
    perform app.fail('PT404', 'document_not_found', 'document not found');
  end if;
  return v_document;
end
$$;
comment on function app.require_vault_document(uuid, uuid, text) is
  'The document, locked for an owner''s write; document_not_found unless the user owns it (owner) or may read it (read).';

create or replace function app.vault_document_view(p_document_id uuid, p_access text)
  returns setof app.vault_document_row
  language sql stable security definer
  set search_path = pg_catalog, pg_temp
as $$
  select d.id, d.owner_persona_id, d.kind, d.title, d.status, d.signed_on, d.review_on, p_access,
         (select max(v.version_number) from app.vault_document_versions v
           where v.tenant_id = d.tenant_id and v.document_id = d.id),
         coalesce((select pg_catalog.jsonb_agg(pg_catalog.jsonb_build_object(
                     'versionNumber', v.version_number, 'byteSize', v.byte_size, 'mediaType', v.media_type,
                     'fileName', v.file_name, 'contentSha256', pg_catalog.encode(v.content_sha256, 'hex'),
                     'createdAt', v.created_at) order by v.version_number)
                     from app.vault_document_versions v where v.tenant_id = d.tenant_id and v.document_id = d.id), '[]'),
         coalesce((select pg_catalog.jsonb_agg(pg_catalog.jsonb_build_object(
                     'kind', case when s.persona_id is not null then 'persona' else 'asset' end,
                     'personaId', s.persona_id, 'assetId', s.asset_id)
                     order by s.persona_id is null, s.created_at, s.id)
                     from app.vault_document_subjects s where s.tenant_id = d.tenant_id and s.document_id = d.id), '[]'),
         -- Who else may read it is the owner's business: a recipient sees null.
         case when p_access = 'owner' then
           coalesce((select pg_catalog.jsonb_agg(pg_catalog.jsonb_build_object(
                       'personaId', s.recipient_persona_id, 'when', s.release_when) order by s.created_at, s.id)
                       from app.vault_document_shares s where s.tenant_id = d.tenant_id and s.document_id = d.id), '[]')
         end,
         d.created_at, d.updated_at
    from app.vault_documents d
   where d.tenant_id = (select app.current_tenant_id()) and d.id = p_document_id
$$;
comment on function app.vault_document_view(uuid, text) is
  'A vault document as the API shows it: metadata, versions'' metadata, subjects, and (owners only) its shares.';

create or replace function app.emit_vault_event(p_document app.vault_documents, p_event text, p_extra jsonb)
  returns void
  language plpgsql volatile security definer
  set search_path = pg_catalog, pg_temp
as $$
begin
  perform app.emit_event('vault_document.' || p_event, 'vault_document', p_document.id,
    pg_catalog.jsonb_build_object('documentId', p_document.id, 'ownerPersonaId', p_document.owner_persona_id,
      'kind', p_document.kind, 'status', p_document.status) || coalesce(p_extra, '{}'));
end
$$;
comment on function app.emit_vault_event(app.vault_documents, text, jsonb) is
  'Writes a vault document''s outbox event: ids, kind and status (never its title or content).';

create or replace function app.check_vault_review_on(p_review_on date) returns date
  language plpgsql immutable
  set search_path = pg_catalog, pg_temp
as $$
begin
  if p_review_on is not null and (p_review_on < date '1900-01-01' or p_review_on > date '2200-12-31') then
    perform app.fail('PT400', 'invalid_review_on', 'reviewOn must be a date from 1900 to 2200');
  end if;
  return p_review_on;
end
$$;
comment on function app.check_vault_review_on(date) is 'Checks a review date (1900 to 2200), raising invalid_review_on.';

------------------------------------------------------------------------------------------------
-- Documents
------------------------------------------------------------------------------------------------

create or replace function api.sp_create_vault_document(p_owner_persona_id uuid, p_kind text, p_title text, p_review_on date)
  returns setof app.vault_document_row
  language plpgsql volatile security definer
  set search_path = pg_catalog, pg_temp
as $$
declare
  v_user_id uuid := app.current_user_id();
  v_tenant_id uuid := app.current_tenant_id();
  v_document app.vault_documents;
begin
  perform app.require_persona_access(v_user_id, p_owner_persona_id);
  if p_kind is null or p_kind not in ('will', 'trust', 'power_of_attorney', 'healthcare_directive', 'deed',
                                      'insurance_policy', 'other') then
    perform app.fail('PT400', 'invalid_document_kind',
                     'kind must be will, trust, power_of_attorney, healthcare_directive, deed, insurance_policy or other');
  end if;
  -- Documents of one persona are counted under the persona's row lock.
  perform 1 from app.personas p where p.tenant_id = v_tenant_id and p.id = p_owner_persona_id for update;
  if (select pg_catalog.count(*) from app.vault_documents d
       where d.tenant_id = v_tenant_id and d.owner_persona_id = p_owner_persona_id) >= 1000 then
    perform app.fail('PT409', 'document_limit', 'a persona holds at most 1,000 vault documents: delete a draft first');
  end if;
  insert into app.vault_documents (tenant_id, owner_persona_id, kind, title, review_on, created_by_user_id)
  values (v_tenant_id, p_owner_persona_id, p_kind, app.require_text(p_title, 'invalid_title', 200),
          app.check_vault_review_on(p_review_on), v_user_id)
  returning * into v_document;
  perform app.emit_vault_event(v_document, 'created', null);
  return query select * from app.vault_document_view(v_document.id, 'owner');
end
$$;
comment on function api.sp_create_vault_document(uuid, text, text, date) is
  'Creates a draft vault document (will, trust, power of attorney, directive, deed, policy) for a persona the caller acts for.';
grant execute on function api.sp_create_vault_document(uuid, text, text, date) to estate_api;

create or replace function api.sp_list_vault_documents(p_persona_id uuid, p_limit integer, p_offset integer)
  returns setof app.vault_document_row
  language plpgsql stable security definer
  set search_path = pg_catalog, pg_temp
as $$
declare
  v_user_id uuid := app.current_user_id();
  v_tenant_id uuid := app.current_tenant_id();
begin
  perform app.check_page(p_limit, p_offset);
  -- The documents the caller owns (acts for their persona) or was shared now; optionally one
  -- persona's (an unknown persona, or one whose documents the caller may not see: an empty list).
  return query
    select v.* from (
      select d.id, d.created_at, case when d.owner_persona_id in (select app.acting_persona_ids(v_user_id))
                                      then 'owner' else 'recipient' end as access
        from app.vault_documents d
       where d.tenant_id = v_tenant_id
         and (p_persona_id is null or d.owner_persona_id = p_persona_id)
         and (d.owner_persona_id in (select app.acting_persona_ids(v_user_id))
              or exists (select 1 from app.vault_document_shares s
                          where s.tenant_id = v_tenant_id and s.document_id = d.id
                            and app.vault_share_open(s.release_when, d.tenant_id, d.owner_persona_id)
                            and s.recipient_persona_id in (select app.acting_persona_ids(v_user_id))
                            and app.user_can_reference_persona(s.created_by_user_id, s.recipient_persona_id)))
       order by d.created_at desc, d.id limit p_limit offset p_offset) page
    cross join lateral app.vault_document_view(page.id, page.access) v
    order by page.created_at desc, page.id;
end
$$;
comment on function api.sp_list_vault_documents(uuid, integer, integer) is
  'The vault documents the caller owns or that were shared with them now (optionally one persona''s), newest first.';
grant execute on function api.sp_list_vault_documents(uuid, integer, integer) to estate_api;

create or replace function api.sp_get_vault_document(p_document_id uuid)
  returns setof app.vault_document_row
  language plpgsql stable security definer
  set search_path = pg_catalog, pg_temp
as $$
declare
  v_access text := app.vault_document_access(app.current_user_id(), p_document_id);
begin
  if v_access is null then
    perform app.fail('PT404', 'document_not_found', 'document not found');
  end if;
  return query select * from app.vault_document_view(p_document_id, v_access);
end
$$;
comment on function api.sp_get_vault_document(uuid) is
  'One vault document with its versions'' metadata and subjects (and, for its owners, its shares).';
grant execute on function api.sp_get_vault_document(uuid) to estate_api;

create or replace function api.sp_update_vault_document(p_document_id uuid, p_title text, p_review_on date,
                                                        p_status text, p_signed_on date)
  returns setof app.vault_document_row
  language plpgsql volatile security definer
  set search_path = pg_catalog, pg_temp
as $$
declare
  v_user_id uuid := app.current_user_id();
  v_document app.vault_documents := app.require_vault_document(v_user_id, p_document_id, 'owner');
  v_previous text := v_document.status;
  v_status text := coalesce(p_status, v_document.status);
begin
  if p_status is not null and p_status not in ('draft', 'signed', 'superseded', 'revoked') then
    perform app.fail('PT400', 'invalid_document_status', 'status must be draft, signed, superseded or revoked');
  end if;
  -- draft -> signed -> superseded or revoked (superseded -> revoked): a signed document is a fact,
  -- never a draft again and never deleted.
  if v_status <> v_previous and not (v_previous, v_status) in (('draft', 'signed'), ('signed', 'superseded'),
                                                               ('signed', 'revoked'), ('superseded', 'revoked')) then
    perform app.fail('PT409', 'document_status_transition',
                     pg_catalog.format('a %s document cannot become %s', v_previous, v_status));
  end if;
  if p_signed_on is not null and v_status <> 'signed' then
    perform app.fail('PT400', 'invalid_signed_on', 'signedOn is set when the document is (or becomes) signed');
  end if;
  if p_signed_on is not null and (p_signed_on < date '1850-01-01' or p_signed_on > current_date) then
    perform app.fail('PT400', 'invalid_signed_on', 'signedOn must be a date from 1850 up to today');
  end if;
  if v_status = 'signed' and v_previous = 'draft' then
    if p_signed_on is null then
      perform app.fail('PT400', 'invalid_signed_on', 'signing a document needs its signedOn date');
    end if;
    if not exists (select 1 from app.vault_document_versions v
                    where v.tenant_id = v_document.tenant_id and v.document_id = v_document.id) then
      perform app.fail('PT409', 'document_has_no_file', 'upload the signed file before marking the document signed');
    end if;
  end if;
  update app.vault_documents d
     set title = case when p_title is null then d.title else app.require_text(p_title, 'invalid_title', 200) end,
         review_on = coalesce(app.check_vault_review_on(p_review_on), d.review_on),
         status = v_status,
         signed_on = coalesce(p_signed_on, d.signed_on)
   where d.tenant_id = v_document.tenant_id and d.id = v_document.id
   returning * into v_document;
  if v_status <> v_previous then
    perform app.emit_vault_event(v_document, 'status_changed', pg_catalog.jsonb_build_object('previousStatus', v_previous));
  end if;
  return query select * from app.vault_document_view(v_document.id, 'owner');
end
$$;
comment on function api.sp_update_vault_document(uuid, text, date, text, date) is
  'An owner renames a document, sets its review date, or moves its status (draft -> signed with its date -> superseded or revoked).';
grant execute on function api.sp_update_vault_document(uuid, text, date, text, date) to estate_api;

create or replace function api.sp_delete_vault_document(p_document_id uuid)
  returns table (document_id uuid)
  language plpgsql volatile security definer
  set search_path = pg_catalog, pg_temp
as $$
declare
  v_document app.vault_documents := app.require_vault_document(app.current_user_id(), p_document_id, 'owner');
begin
  if v_document.status <> 'draft' then
    perform app.fail('PT409', 'document_not_draft',
                     'only a draft is deleted: a signed document is superseded or revoked, and kept');
  end if;
  -- Its versions (their bytes leave the uploaders' storage counts), subjects and shares go with it.
  delete from app.vault_documents d where d.tenant_id = v_document.tenant_id and d.id = v_document.id;
  perform app.emit_vault_event(v_document, 'deleted', null);
  return query select v_document.id;
end
$$;
comment on function api.sp_delete_vault_document(uuid) is
  'An owner deletes a draft document with its versions, subjects and shares; signed documents are never deleted.';
grant execute on function api.sp_delete_vault_document(uuid) to estate_api;

------------------------------------------------------------------------------------------------
-- Versions: the files
------------------------------------------------------------------------------------------------

create or replace function api.sp_add_vault_document_version(p_document_id uuid, p_media_type text, p_file_name text,
                                                             p_byte_size integer, p_content_sha256 bytea,
                                                             p_ciphertext bytea, p_storage_key text)
  returns table (document_id uuid, version_number integer, byte_size integer, media_type text, file_name text,
                 content_sha256 text, created_at timestamptz)
  language plpgsql volatile security definer
  set search_path = pg_catalog, pg_temp
as $$
#variable_conflict use_column
declare
  v_user_id uuid := app.current_user_id();
  v_document app.vault_documents := app.require_vault_document(v_user_id, p_document_id, 'owner');
  v_version app.vault_document_versions;
  v_next integer;
  v_id_length integer;
begin
  if v_document.status not in ('draft', 'signed') then
    perform app.fail('PT409', 'document_closed',
                     pg_catalog.format('a %s document takes no new version', v_document.status));
  end if;
  if p_byte_size is null or p_byte_size < 1 then
    perform app.fail('PT400', 'document_empty', 'the file is empty');
  end if;
  if p_byte_size > app.vault_max_file_bytes() then
    perform app.fail('PT413', 'document_too_large',
                     pg_catalog.format('a vault file is at most %s bytes', app.vault_max_file_bytes()));
  end if;
  if p_media_type is null or p_media_type !~ '^[a-z0-9][a-z0-9!#$&^_.+-]{0,63}/[a-z0-9][a-z0-9!#$&^_.+-]{0,63}$' then
    perform app.fail('PT400', 'invalid_media_type', 'mediaType must be a type/subtype such as application/pdf');
  end if;
  if p_file_name is not null and (pg_catalog.length(p_file_name) not between 1 and 255 or p_file_name ~ '[/\\[:cntrl:]]') then
    perform app.fail('PT400', 'invalid_file_name', 'fileName must be 1 to 255 characters, without slashes or control characters');
  end if;
  if p_content_sha256 is null or pg_catalog.length(p_content_sha256) <> 32 then
    perform app.fail('PT400', 'invalid_document_content', 'the content hash must be a SHA-256 (32 bytes)');
  end if;
  -- Exactly one place for the bytes. In the row, they must be the API's ciphertext of this size
  -- (format 1: version, key id length, key id, 12-byte IV, 16-byte tag, body): plaintext sent by
  -- mistake is refused rather than stored.
  if pg_catalog.num_nonnulls(p_ciphertext, p_storage_key) <> 1 then
    perform app.fail('PT400', 'invalid_document_content', 'a version is stored in the database or in an object store, not both');
  end if;
  if p_ciphertext is not null then
    v_id_length := pg_catalog.get_byte(p_ciphertext, 1);
    if pg_catalog.length(p_ciphertext) < 31 or pg_catalog.get_byte(p_ciphertext, 0) <> 1 or v_id_length not between 1 and 32
       or pg_catalog.length(p_ciphertext) <> p_byte_size + 30 + v_id_length then
      perform app.fail('PT400', 'invalid_document_content', 'the content is not the field cipher''s ciphertext of the stated size');
    end if;
  elsif p_storage_key !~ '^[A-Za-z0-9/_.=-]+$' or pg_catalog.length(p_storage_key) > 512 then
    perform app.fail('PT400', 'invalid_document_content', 'a storage key is 1 to 512 letters, digits and /_.=-');
  end if;
  select coalesce(max(v.version_number), 0) + 1 into v_next from app.vault_document_versions v
   where v.tenant_id = v_document.tenant_id and v.document_id = v_document.id;
  if v_next > 1000 then
    perform app.fail('PT409', 'document_version_limit', 'a document keeps at most 1,000 versions');
  end if;
  -- The usage trigger counts the bytes against the uploader's plan (402 storage_limit_reached).
  insert into app.vault_document_versions (tenant_id, document_id, version_number, byte_size, content_sha256, media_type,
                                           file_name, storage, ciphertext, storage_key, created_by_user_id)
  values (v_document.tenant_id, v_document.id, v_next, p_byte_size, p_content_sha256, p_media_type, p_file_name,
          case when p_ciphertext is not null then 'database' else 'object_store' end, p_ciphertext, p_storage_key, v_user_id)
  returning * into v_version;
  update app.vault_documents d set updated_at = pg_catalog.now()
   where d.tenant_id = v_document.tenant_id and d.id = v_document.id;
  perform app.emit_vault_event(v_document, 'version_added',
    pg_catalog.jsonb_build_object('versionNumber', v_version.version_number, 'byteSize', v_version.byte_size));
  return query select v_version.document_id, v_version.version_number, v_version.byte_size::integer, v_version.media_type,
                      v_version.file_name, pg_catalog.encode(v_version.content_sha256, 'hex'), v_version.created_at;
end
$$;
comment on function api.sp_add_vault_document_version(uuid, text, text, integer, bytea, bytea, text) is
  'An owner adds a file to a draft or signed document: the API''s ciphertext (or an object store''s key), its plaintext size and SHA-256; counted in the plan''s storage.';
grant execute on function api.sp_add_vault_document_version(uuid, text, text, integer, bytea, bytea, text) to estate_api;

create or replace function api.sp_read_vault_document_version(p_document_id uuid, p_version_number integer)
  returns table (document_id uuid, version_number integer, byte_size integer, media_type text, file_name text,
                 content_sha256 text, storage text, ciphertext bytea, storage_key text, document_title text)
  language plpgsql volatile security definer
  set search_path = pg_catalog, pg_temp
as $$
#variable_conflict use_column
declare
  v_user_id uuid := app.current_user_id();
  v_access text := app.vault_document_access(v_user_id, p_document_id);
  v_version app.vault_document_versions;
  v_title text;
begin
  if v_access is null then
    perform app.fail('PT404', 'document_not_found', 'document not found');
  end if;
  select v.* into v_version from app.vault_document_versions v
   where v.tenant_id = app.current_tenant_id() and v.document_id = p_document_id
     and (p_version_number is null or v.version_number = p_version_number)
   order by v.version_number desc limit 1;
  if v_version.id is null then
    perform app.fail('PT404', 'document_version_not_found', 'this document has no such version');
  end if;
  select d.title into v_title from app.vault_documents d
   where d.tenant_id = v_version.tenant_id and d.id = v_version.document_id;
  -- Every read of a file by anyone but its owners is recorded: who, which document and version.
  if v_access <> 'owner' then
    insert into audit.audit_log (tenant_id, actor_kind, actor_id, request_id, table_name, row_id, operation,
                                 changed_columns, changes)
    values (v_version.tenant_id, 'user', app.current_actor_id(), app.current_request_id(),
            'api.sp_read_vault_document_version', p_document_id::text, 'READ', null,
            pg_catalog.jsonb_build_object('documentId', p_document_id, 'versionNumber', v_version.version_number,
                                          'readerUserId', v_user_id, 'access', v_access));
  end if;
  return query select v_version.document_id, v_version.version_number, v_version.byte_size::integer, v_version.media_type,
                      v_version.file_name, pg_catalog.encode(v_version.content_sha256, 'hex'), v_version.storage,
                      v_version.ciphertext, v_version.storage_key, v_title;
end
$$;
comment on function api.sp_read_vault_document_version(uuid, integer) is
  'A version''s ciphertext (or storage key) and hash for the API to decrypt and check: owners, and recipients shared now (each such read audited).';
grant execute on function api.sp_read_vault_document_version(uuid, integer) to estate_api;

------------------------------------------------------------------------------------------------
-- What a document concerns, and who may read it
------------------------------------------------------------------------------------------------

create or replace function api.sp_set_vault_document_subjects(p_document_id uuid, p_subjects jsonb)
  returns setof app.vault_document_row
  language plpgsql volatile security definer
  set search_path = pg_catalog, pg_temp
as $$
declare
  v_user_id uuid := app.current_user_id();
  v_document app.vault_documents := app.require_vault_document(v_user_id, p_document_id, 'owner');
  v_item record;
begin
  if p_subjects is null or pg_catalog.jsonb_typeof(p_subjects) <> 'array' or pg_catalog.jsonb_array_length(p_subjects) > 50 then
    perform app.fail('PT400', 'invalid_document_subjects', 'subjects is a list of at most 50 personas and assets');
  end if;
  for v_item in select x ->> 'kind' as kind, x ->> 'personaId' as persona_id, x ->> 'assetId' as asset_id
                  from pg_catalog.jsonb_array_elements(p_subjects) x loop
    if not ((v_item.kind = 'persona' and v_item.persona_id is not null and v_item.asset_id is null)
            or (v_item.kind = 'asset' and v_item.asset_id is not null and v_item.persona_id is null))
       or coalesce(v_item.persona_id, v_item.asset_id) !~ '^[0-9a-fA-F]{8}-([0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}$' then
      perform app.fail('PT400', 'invalid_document_subjects', 'each subject is {kind: persona, personaId} or {kind: asset, assetId}');
    end if;
    -- Someone the caller may name (as for beneficiaries), an asset the caller may see.
    if v_item.kind = 'persona' and not app.user_can_reference_persona(v_user_id, v_item.persona_id::uuid) then
      perform app.fail('PT404', 'persona_not_found', 'persona not found');
    end if;
    if v_item.kind = 'asset' and app.asset_access(v_user_id, v_item.asset_id::uuid) is null then
      perform app.fail('PT404', 'asset_not_found', 'asset not found');
    end if;
  end loop;
  if (select pg_catalog.count(distinct coalesce(x ->> 'personaId', x ->> 'assetId')) from pg_catalog.jsonb_array_elements(p_subjects) x)
     <> pg_catalog.jsonb_array_length(p_subjects) then
    perform app.fail('PT400', 'invalid_document_subjects', 'each subject is named once');
  end if;
  delete from app.vault_document_subjects s where s.tenant_id = v_document.tenant_id and s.document_id = v_document.id;
  insert into app.vault_document_subjects (tenant_id, document_id, persona_id, asset_id)
  select v_document.tenant_id, v_document.id, (x ->> 'personaId')::uuid, (x ->> 'assetId')::uuid
    from pg_catalog.jsonb_array_elements(p_subjects) with ordinality as e(x, n) order by e.n;
  update app.vault_documents d set updated_at = pg_catalog.now()
   where d.tenant_id = v_document.tenant_id and d.id = v_document.id;
  perform app.emit_vault_event(v_document, 'subjects_changed',
    pg_catalog.jsonb_build_object('subjectCount', pg_catalog.jsonb_array_length(p_subjects)));
  return query select * from app.vault_document_view(v_document.id, 'owner');
end
$$;
comment on function api.sp_set_vault_document_subjects(uuid, jsonb) is
  'An owner replaces the personas (ones they may name) and assets (ones they may see) a document concerns.';
grant execute on function api.sp_set_vault_document_subjects(uuid, jsonb) to estate_api;

create or replace function api.sp_set_vault_document_shares(p_document_id uuid, p_shares jsonb)
  returns setof app.vault_document_row
  language plpgsql volatile security definer
  set search_path = pg_catalog, pg_temp
as $$
declare
  v_user_id uuid := app.current_user_id();
  v_document app.vault_documents := app.require_vault_document(v_user_id, p_document_id, 'owner');
  v_item record;
begin
  if p_shares is null or pg_catalog.jsonb_typeof(p_shares) <> 'array' or pg_catalog.jsonb_array_length(p_shares) > 50 then
    perform app.fail('PT400', 'invalid_document_shares', 'shares is a list of at most 50 {personaId, when}');
  end if;
  for v_item in select x ->> 'personaId' as persona_id, x ->> 'when' as release_when
                  from pg_catalog.jsonb_array_elements(p_shares) x loop
    if v_item.persona_id is null or v_item.persona_id !~ '^[0-9a-fA-F]{8}-([0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}$'
       or v_item.release_when is null or v_item.release_when not in ('now', 'after_death', 'never') then
      perform app.fail('PT400', 'invalid_document_shares', 'each share is {personaId, when: now, after_death or never}');
    end if;
    if not app.user_can_reference_persona(v_user_id, v_item.persona_id::uuid) then
      perform app.fail('PT404', 'persona_not_found', 'persona not found');
    end if;
    if v_item.persona_id::uuid = v_document.owner_persona_id then
      perform app.fail('PT400', 'invalid_document_shares', 'the owner''s own persona is not a recipient');
    end if;
  end loop;
  if (select pg_catalog.count(distinct (x ->> 'personaId')::uuid) from pg_catalog.jsonb_array_elements(p_shares) x)
     <> pg_catalog.jsonb_array_length(p_shares) then
    perform app.fail('PT400', 'invalid_document_shares', 'each recipient is named once');
  end if;
  delete from app.vault_document_shares s where s.tenant_id = v_document.tenant_id and s.document_id = v_document.id;
  insert into app.vault_document_shares (tenant_id, document_id, recipient_persona_id, release_when, created_by_user_id)
  select v_document.tenant_id, v_document.id, (x ->> 'personaId')::uuid, x ->> 'when', v_user_id
    from pg_catalog.jsonb_array_elements(p_shares) with ordinality as e(x, n) order by e.n;
  update app.vault_documents d set updated_at = pg_catalog.now()
   where d.tenant_id = v_document.tenant_id and d.id = v_document.id;
  perform app.emit_vault_event(v_document, 'shares_changed', pg_catalog.jsonb_build_object('shares',
    (select coalesce(pg_catalog.jsonb_agg(pg_catalog.jsonb_build_object('recipientPersonaId', x ->> 'personaId', 'when', x ->> 'when')), '[]')
       from pg_catalog.jsonb_array_elements(p_shares) x)));
  return query select * from app.vault_document_view(v_document.id, 'owner');
end
$$;
comment on function api.sp_set_vault_document_shares(uuid, jsonb) is
  'An owner replaces who may read a document and when: now, after the owner''s death (opens with death verification), or never.';
grant execute on function api.sp_set_vault_document_shares(uuid, jsonb) to estate_api;
