-- Ownership over time (issue 12): every change of app.asset_ownerships is appended to
-- app.asset_ownership_history as the holder's new share (or its removal) from an instant on, so
-- "who owned what on a date" is answered from history; nothing recorded is ever changed.
--
-- The instant of a change is clock_timestamp() at a transaction's first change of the asset, not
-- now(): every writer of an asset's shares holds the asset's row lock (the ownership procedures
-- lock it first), so a change is recorded after every change committed before it, and the history
-- of an asset is in the order its writers held the lock. now() is the transaction's start: a
-- writer that waited on the lock would record its change before the one it waited for. All of a
-- transaction's changes of an asset share that instant, so a transfer's two halves are one step.
--
-- The titling an asset is entered with (every change made on the UTC day it is created) is recorded
-- from -infinity: entering an asset is not acquiring it (its valuations may go back years), and it
-- often takes several calls (create, then assign to a spouse or a trust). The migration backfills
-- every existing share the same way: the past before this migration is taken as today's titling.

create table app.asset_ownership_history (
  tenant_id uuid not null,
  id bigint generated always as identity,
  asset_id uuid not null,
  persona_id uuid,
  entity_id uuid,
  -- NULL: from this instant the holder has no share.
  ownership_percentage numeric(7,4) check (ownership_percentage > 0 and ownership_percentage <= 100),
  ownership_form app.ownership_form,
  effective_at timestamptz not null,
  recorded_at timestamptz not null default pg_catalog.clock_timestamp(),
  primary key (tenant_id, id),
  foreign key (tenant_id, asset_id) references app.assets (tenant_id, id) on delete cascade,
  foreign key (tenant_id, persona_id) references app.personas (tenant_id, id),
  -- No key to legal_entities: an entity is deleted once it holds nothing (sp_delete_legal_entity),
  -- and the shares it held before stay in the history under its id (its name is gone with it).
  check (pg_catalog.num_nonnulls(persona_id, entity_id) = 1),
  check ((ownership_percentage is null) = (ownership_form is null))
);
comment on table app.asset_ownership_history is
  'Append-only history of asset shares: each row is a holder''s share (or, NULL, its removal) from effective_at on; kept by trigger from asset_ownerships.';
comment on column app.asset_ownership_history.effective_at is
  'From when the share holds: the instant of the change (-infinity for the titling of an asset''s first day); a holder''s latest row before an instant, by (effective_at, recorded_at, id), is its share then.';
comment on column app.asset_ownership_history.recorded_at is
  'When the row was written (clock_timestamp): orders the changes of one instant (the first day''s, at -infinity); carried by a tenant export, unlike id.';
create index asset_ownership_history_asset_idx on app.asset_ownership_history (tenant_id, asset_id, effective_at desc, recorded_at desc, id desc);
create index asset_ownership_history_persona_idx on app.asset_ownership_history (tenant_id, persona_id, asset_id, effective_at desc, recorded_at desc, id desc)
  where persona_id is not null;
create index asset_ownership_history_entity_idx on app.asset_ownership_history (tenant_id, entity_id, asset_id, effective_at desc, recorded_at desc, id desc)
  where entity_id is not null;
-- The foreign key's index proper (the partial one above is not usable for the key checks).
create index asset_ownership_history_persona_fk_idx on app.asset_ownership_history (tenant_id, persona_id);

alter table app.asset_ownership_history enable row level security;
alter table app.asset_ownership_history force row level security;
create policy all_own_tenant on app.asset_ownership_history for all
  using (tenant_id = (select app.current_tenant_id())) with check (tenant_id = (select app.current_tenant_id()));

create function app.tg_asset_ownership_history__append_only() returns trigger
  language plpgsql
  set search_path = pg_catalog, pg_temp
as $$
begin
  -- Only the asset's own deletion takes its history with it (the key's cascade runs once the asset is gone).
  if tg_op = 'DELETE' and not exists (select 1 from app.assets a where a.tenant_id = old.tenant_id and a.id = old.asset_id) then
    return old;
  end if;
  raise exception using errcode = 'PT409', message = 'ownership history is appended, never changed', hint = 'ownership_history_immutable';
end
$$;
comment on function app.tg_asset_ownership_history__append_only() is
  'Ownership history is appended, never updated; rows go only with their asset.';
create trigger _000_append_only before update or delete on app.asset_ownership_history
  for each row execute function app.tg_asset_ownership_history__append_only();

create function app.tg_asset_ownerships__history() returns trigger
  language plpgsql
  set search_path = pg_catalog, pg_temp
as $$
declare
  v_row app.asset_ownerships := coalesce(new, old);
  v_created_at timestamptz;
  v_at timestamptz := pg_catalog.clock_timestamp();
begin
  -- Not SECURITY DEFINER: the procedures run as the owner with a tenant context, and an operator's
  -- (superuser's) repair without one still records its change.
  select a.created_at into v_created_at from app.assets a where a.tenant_id = v_row.tenant_id and a.id = v_row.asset_id;
  -- The asset is being deleted (the shares go by its cascade): its history goes with it.
  if v_created_at is null then
    return null;
  end if;
  if tg_op = 'UPDATE' and new.ownership_percentage = old.ownership_percentage and new.ownership_form = old.ownership_form
     and new.persona_id is not distinct from old.persona_id and new.entity_id is not distinct from old.entity_id then
    return null;
  end if;
  -- The titling an asset is entered with, during the (UTC) day it is entered, is its titling from
  -- the start: entering an asset is not acquiring it (its valuations may go back years). Later
  -- changes hold from the instant they are made.
  if (v_created_at at time zone 'UTC')::date = (v_at at time zone 'UTC')::date then
    v_at := '-infinity';
  else
    -- One transaction's changes of an asset are one instant (a transfer's two halves are never
    -- seen apart): the instant of its first change, the asset's latest row if this transaction wrote it.
    select coalesce((select h.effective_at from app.asset_ownership_history h
                      where h.tenant_id = v_row.tenant_id and h.asset_id = v_row.asset_id
                        and h.xmin = pg_catalog.xid(pg_catalog.pg_current_xact_id())
                      order by h.effective_at desc, h.recorded_at desc, h.id desc limit 1), v_at) into v_at;
  end if;
  if tg_op = 'DELETE' or (tg_op = 'UPDATE' and (new.persona_id is distinct from old.persona_id or new.entity_id is distinct from old.entity_id)) then
    -- A removal, or an update that changes the holder (never done by the procedures): the old holder's share ends.
    insert into app.asset_ownership_history (tenant_id, asset_id, persona_id, entity_id, ownership_percentage, ownership_form, effective_at)
    values (old.tenant_id, old.asset_id, old.persona_id, old.entity_id, null, null, v_at);
  end if;
  if tg_op in ('INSERT', 'UPDATE') then
    insert into app.asset_ownership_history (tenant_id, asset_id, persona_id, entity_id, ownership_percentage, ownership_form, effective_at)
    values (new.tenant_id, new.asset_id, new.persona_id, new.entity_id, new.ownership_percentage, new.ownership_form, v_at);
  end if;
  return null;
end
$$;
comment on function app.tg_asset_ownerships__history() is
  'Appends each change of a share to app.asset_ownership_history at the instant it is made (the titling of an asset''s first day from -infinity).';
create trigger _400_history after insert or update or delete on app.asset_ownerships
  for each row execute function app.tg_asset_ownerships__history();

-- Today's shares, as the first titling of every asset (as owner: every tenant's rows).
alter table app.asset_ownership_history no force row level security;
alter table app.asset_ownerships no force row level security;
insert into app.asset_ownership_history (tenant_id, asset_id, persona_id, entity_id, ownership_percentage, ownership_form, effective_at)
select o.tenant_id, o.asset_id, o.persona_id, o.entity_id, o.ownership_percentage, o.ownership_form, '-infinity'
  from app.asset_ownerships o;
alter table app.asset_ownerships force row level security;
alter table app.asset_ownership_history force row level security;

-- One share of an asset as of a date, as the API shows it (sp_get_asset_owners_as_of).
create type app.asset_owner_as_of_row as (
  persona_id uuid,
  persona_name text,
  entity_id uuid,
  entity_name text,
  ownership_percentage numeric,
  ownership_form text,
  held_since timestamptz
);
comment on type app.asset_owner_as_of_row is
  'A holder''s share of an asset at the end of a date, and since when it held (NULL: since the asset''s first titling).';
