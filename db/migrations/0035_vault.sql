-- Issue 13, the estate-document vault: wills, trusts, powers of attorney, directives, deeds and
-- policies of a persona, their versions (the file, encrypted by the API with the field keys, and
-- its content hash), the personas and assets each concerns, and who may read it: now, after the
-- owner's death, or never. docs/vault.md.

create table app.vault_documents (
  tenant_id uuid not null references app.tenants (tenant_id),
  id uuid not null default gen_random_uuid(),
  -- Whose document it is: whoever acts for this persona owns it (reads, writes, shares).
  owner_persona_id uuid not null,
  kind text not null check (kind in ('will', 'trust', 'power_of_attorney', 'healthcare_directive', 'deed',
    'insurance_policy', 'other')),
  title text not null check (pg_catalog.length(pg_catalog.btrim(title)) between 1 and 200),
  status text not null default 'draft' check (status in ('draft', 'signed', 'superseded', 'revoked')),
  signed_on date check (signed_on >= date '1850-01-01'),
  review_on date check (review_on >= date '1900-01-01'),
  created_by_user_id uuid not null,
  created_at timestamptz not null default pg_catalog.now(),
  updated_at timestamptz not null default pg_catalog.now(),
  primary key (tenant_id, id),
  foreign key (tenant_id, owner_persona_id) references app.personas (tenant_id, id),
  foreign key (tenant_id, created_by_user_id) references app.users (tenant_id, id),
  -- A document that was ever signed says when.
  check (status = 'draft' or signed_on is not null)
);
comment on table app.vault_documents is
  'Estate documents of a persona (will, trust, power of attorney, directive, deed, policy): kind, title, status, signing and review dates.';
create index vault_documents_owner_idx on app.vault_documents (tenant_id, owner_persona_id, created_at);
create index vault_documents_created_by_idx on app.vault_documents (tenant_id, created_by_user_id);
select app.protect_tenant_table('vault_documents');

create table app.vault_document_versions (
  tenant_id uuid not null,
  id uuid not null default gen_random_uuid(),
  document_id uuid not null,
  version_number integer not null check (version_number between 1 and 1000),
  -- The plaintext's size and SHA-256: what the owner uploaded, checked by the API after decrypting.
  byte_size bigint not null check (byte_size between 1 and 10485760),
  content_sha256 bytea not null check (pg_catalog.length(content_sha256) = 32),
  media_type text not null check (media_type ~ '^[a-z0-9][a-z0-9!#$&^_.+-]{0,63}/[a-z0-9][a-z0-9!#$&^_.+-]{0,63}$'),
  file_name text check (pg_catalog.length(file_name) between 1 and 255 and file_name !~ '[/\\[:cntrl:]]'),
  -- Where the ciphertext is: in this row (database) or behind a key in an object store. Either way
  -- it is AES-256-GCM ciphertext made by the API (server/field_cipher.ts): never the plaintext.
  storage text not null check (storage in ('database', 'object_store')),
  ciphertext bytea,
  storage_key text check (storage_key ~ '^[A-Za-z0-9/_.=-]+$' and pg_catalog.length(storage_key) <= 512),
  created_by_user_id uuid not null,
  created_at timestamptz not null default pg_catalog.now(),
  primary key (tenant_id, id),
  unique (tenant_id, document_id, version_number),
  foreign key (tenant_id, document_id) references app.vault_documents (tenant_id, id) on delete cascade,
  foreign key (tenant_id, created_by_user_id) references app.users (tenant_id, id),
  check ((storage = 'database') = (ciphertext is not null)),
  check ((storage = 'object_store') = (storage_key is not null))
);
comment on table app.vault_document_versions is
  'The files of a vault document, append-only: size, media type, SHA-256 of the plaintext, and the ciphertext (in the row, or an object store''s key).';
comment on column app.vault_document_versions.ciphertext is 'AES-256-GCM ciphertext made by the API; never copied into the audit log.';
create index vault_document_versions_created_by_idx on app.vault_document_versions (tenant_id, created_by_user_id);
-- The ciphertext is redacted in the audit log, which keeps who added which version and its content hash (evidence of what was stored).
select app.protect_tenant_table('vault_document_versions', array['ciphertext']);

create function app.tg_vault_document_versions__append_only() returns trigger
  language plpgsql
  set search_path = pg_catalog, pg_temp
as $$
begin
  -- A version is what was uploaded, as it was: a change is a new version. (A version goes only
  -- with its document: a draft deleted, or an erasure.)
  raise exception using errcode = 'PT409', hint = 'document_version_immutable',
    message = 'a document version is never changed: upload a new version';
end
$$;
comment on function app.tg_vault_document_versions__append_only() is 'Refuses any UPDATE of a document version (append-only).';
create trigger _200_append_only before update on app.vault_document_versions
  for each row execute function app.tg_vault_document_versions__append_only();

-- Stored bytes count against the uploader's plan (billing's storage_bytes counter, 402 beyond it).
create function app.tg_vault_document_versions__usage() returns trigger
  language plpgsql
  set search_path = pg_catalog, pg_temp
as $$
begin
  if tg_op = 'INSERT' then
    perform app.track_usage(new.tenant_id, new.created_by_user_id, 'storage_bytes', new.byte_size);
  elsif tg_op = 'DELETE' then
    perform app.track_usage(old.tenant_id, old.created_by_user_id, 'storage_bytes', -old.byte_size);
  end if;
  return null;
end
$$;
comment on function app.tg_vault_document_versions__usage() is 'Counts a version''s bytes against its uploader''s plan (storage_bytes).';
create trigger _300_usage after insert or delete on app.vault_document_versions
  for each row execute function app.tg_vault_document_versions__usage();

create table app.vault_document_subjects (
  tenant_id uuid not null,
  id uuid not null default gen_random_uuid(),
  document_id uuid not null,
  persona_id uuid,
  asset_id uuid,
  created_at timestamptz not null default pg_catalog.now(),
  primary key (tenant_id, id),
  foreign key (tenant_id, document_id) references app.vault_documents (tenant_id, id) on delete cascade,
  foreign key (tenant_id, persona_id) references app.personas (tenant_id, id),
  foreign key (tenant_id, asset_id) references app.assets (tenant_id, id) on delete cascade,
  check (pg_catalog.num_nonnulls(persona_id, asset_id) = 1)
);
comment on table app.vault_document_subjects is 'The personas and assets a vault document concerns (the children a guardianship names, the house a deed conveys).';
create unique index vault_document_subjects_key on app.vault_document_subjects (tenant_id, document_id,
  coalesce(persona_id, asset_id));
create index vault_document_subjects_persona_idx on app.vault_document_subjects (tenant_id, persona_id);
create index vault_document_subjects_asset_idx on app.vault_document_subjects (tenant_id, asset_id);
select app.protect_tenant_table('vault_document_subjects');

create table app.vault_document_shares (
  tenant_id uuid not null,
  id uuid not null default gen_random_uuid(),
  document_id uuid not null,
  recipient_persona_id uuid not null,
  -- now: whoever acts for the recipient reads it; after_death: once the owner's death is verified
  -- (not built yet: refused until then); never: recorded so that no later rule opens it.
  release_when text not null check (release_when in ('now', 'after_death', 'never')),
  created_by_user_id uuid not null,
  created_at timestamptz not null default pg_catalog.now(),
  updated_at timestamptz not null default pg_catalog.now(),
  primary key (tenant_id, id),
  unique (tenant_id, document_id, recipient_persona_id),
  foreign key (tenant_id, document_id) references app.vault_documents (tenant_id, id) on delete cascade,
  foreign key (tenant_id, recipient_persona_id) references app.personas (tenant_id, id),
  foreign key (tenant_id, created_by_user_id) references app.users (tenant_id, id)
);
comment on table app.vault_document_shares is 'Who may read a vault document besides its owners, and when: now, after the owner''s death, or never.';
create index vault_document_shares_recipient_idx on app.vault_document_shares (tenant_id, recipient_persona_id);
create index vault_document_shares_created_by_idx on app.vault_document_shares (tenant_id, created_by_user_id);
select app.protect_tenant_table('vault_document_shares');

-- A document as the API shows it (every procedure that answers with one).
create type app.vault_document_row as (
  document_id uuid,
  owner_persona_id uuid,
  kind text,
  title text,
  status text,
  signed_on date,
  review_on date,
  my_access text,
  latest_version integer,
  versions jsonb,
  subjects jsonb,
  shares jsonb,
  created_at timestamptz,
  updated_at timestamptz
);
comment on type app.vault_document_row is
  'A vault document as its owner (with its shares) or a recipient (without) sees it: metadata, versions'' metadata, subjects.';
