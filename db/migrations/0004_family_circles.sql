-- Family circles (FFC): groups of personas who plan together, their memberships with roles, and
-- invitations by email (token stored hashed, expiring, single use).

create table app.fwd_family_circles (
  tenant_id uuid not null references app.tenants (tenant_id),
  id uuid not null default gen_random_uuid(),
  name text not null check (pg_catalog.length(pg_catalog.btrim(name)) between 1 and 120),
  description text check (pg_catalog.length(description) <= 1000),
  created_by_user_id uuid not null,
  created_at timestamptz not null default pg_catalog.now(),
  updated_at timestamptz not null default pg_catalog.now(),
  primary key (tenant_id, id),
  foreign key (tenant_id, created_by_user_id) references app.users (tenant_id, id)
);
comment on table app.fwd_family_circles is 'Family circles: the family (and its advisors) who share a picture of their wealth.';
create index fwd_family_circles_created_by_idx on app.fwd_family_circles (tenant_id, created_by_user_id);

create table app.ffc_memberships (
  tenant_id uuid not null,
  id uuid not null default gen_random_uuid(),
  ffc_id uuid not null,
  persona_id uuid not null,
  role text not null check (role in ('owner', 'admin', 'member', 'advisor', 'viewer')),
  status text not null default 'active' check (status in ('active', 'removed')),
  added_by_user_id uuid,
  removed_at timestamptz,
  created_at timestamptz not null default pg_catalog.now(),
  updated_at timestamptz not null default pg_catalog.now(),
  primary key (tenant_id, id),
  unique (tenant_id, ffc_id, persona_id),
  foreign key (tenant_id, ffc_id) references app.fwd_family_circles (tenant_id, id),
  foreign key (tenant_id, persona_id) references app.personas (tenant_id, id),
  foreign key (tenant_id, added_by_user_id) references app.users (tenant_id, id),
  check ((status = 'removed') = (removed_at is not null))
);
comment on table app.ffc_memberships is 'Which personas belong to a circle and in which role; removed members are kept for history.';
create index ffc_memberships_persona_idx on app.ffc_memberships (tenant_id, persona_id);
create index ffc_memberships_added_by_idx on app.ffc_memberships (tenant_id, added_by_user_id);

create table app.ffc_invitations (
  tenant_id uuid not null,
  id uuid not null default gen_random_uuid(),
  ffc_id uuid not null,
  email text not null check (email ~ '^[^@\s]+@[^@\s]+\.[^@\s]+$'),
  role text not null check (role in ('admin', 'member', 'advisor', 'viewer')),
  token_sha256 bytea not null unique check (pg_catalog.length(token_sha256) = 32),
  status text not null default 'pending' check (status in ('pending', 'accepted', 'revoked')),
  expires_at timestamptz not null,
  invited_by_user_id uuid not null,
  accepted_by_user_id uuid,
  responded_at timestamptz,
  created_at timestamptz not null default pg_catalog.now(),
  updated_at timestamptz not null default pg_catalog.now(),
  primary key (tenant_id, id),
  foreign key (tenant_id, ffc_id) references app.fwd_family_circles (tenant_id, id),
  foreign key (tenant_id, invited_by_user_id) references app.users (tenant_id, id),
  foreign key (tenant_id, accepted_by_user_id) references app.users (tenant_id, id)
);
comment on table app.ffc_invitations is 'Invitations to a circle by email; only the SHA-256 of the single-use token is stored.';
create index ffc_invitations_ffc_idx on app.ffc_invitations (tenant_id, ffc_id);
create index ffc_invitations_invited_by_idx on app.ffc_invitations (tenant_id, invited_by_user_id);
create index ffc_invitations_accepted_by_idx on app.ffc_invitations (tenant_id, accepted_by_user_id);

do $$
declare
  v_spec record;
begin
  for v_spec in
    select * from (values
      ('fwd_family_circles', array[]::text[]),
      ('ffc_memberships', array[]::text[]),
      ('ffc_invitations', array['email', 'token_sha256'])
    ) as t(table_name, redacted)
  loop
    execute pg_catalog.format('alter table app.%I enable row level security', v_spec.table_name);
    execute pg_catalog.format('alter table app.%I force row level security', v_spec.table_name);
    execute pg_catalog.format(
      'create policy all_own_tenant on app.%I for all using (tenant_id = (select app.current_tenant_id())) '
      'with check (tenant_id = (select app.current_tenant_id()))', v_spec.table_name);
    execute pg_catalog.format(
      'create trigger _100_timestamps before update on app.%I for each row execute function app.tg__set_updated_at()',
      v_spec.table_name);
    execute pg_catalog.format(
      'create trigger _500_audit after insert or update or delete on app.%I for each row execute function audit.tg_audit__row(%s)',
      v_spec.table_name,
      coalesce((select pg_catalog.string_agg(pg_catalog.quote_literal(c), ', ') from pg_catalog.unnest(v_spec.redacted) c), ''));
  end loop;
end
$$;

-- Members of every circle with their personas and the relationships among them (RLS applies).
create view app.v_family_hierarchy with (security_invoker = true) as
select m.tenant_id, m.ffc_id, c.name as ffc_name, m.persona_id, m.role, p.first_name, p.last_name,
       p.living_status, r.related_persona_id, r.relationship_type
  from app.ffc_memberships m
  join app.fwd_family_circles c on c.tenant_id = m.tenant_id and c.id = m.ffc_id
  join app.personas p on p.tenant_id = m.tenant_id and p.id = m.persona_id
  left join app.persona_relationships r on r.tenant_id = m.tenant_id and r.persona_id = m.persona_id
       and exists (select 1 from app.ffc_memberships m2 where m2.tenant_id = m.tenant_id and m2.ffc_id = m.ffc_id
                      and m2.persona_id = r.related_persona_id and m2.status = 'active')
 where m.status = 'active';
comment on view app.v_family_hierarchy is 'Active circle members with their personas and the relationships between members.';
