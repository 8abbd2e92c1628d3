-- Family circle procedures: create and list circles, members and their roles, invitations, and
-- the family hierarchy. Who may do what is the matrix in docs/family_circles.md.

create or replace function app.ffc_role_rank(p_role text) returns integer
  language sql immutable
  set search_path = pg_catalog, pg_temp
as $$
  select case p_role when 'owner' then 5 when 'admin' then 4 when 'member' then 3
                     when 'advisor' then 2 when 'viewer' then 1 else 0 end
$$;
comment on function app.ffc_role_rank(text) is 'Orders circle roles: owner > admin > member > advisor > viewer.';

create or replace function app.self_persona_id(p_user_id uuid) returns uuid
  language plpgsql stable security definer
  set search_path = pg_catalog, pg_temp
as $$
declare
  v_persona_id uuid;
begin
  select up.persona_id into v_persona_id from app.user_personas up
   where up.tenant_id = app.current_tenant_id() and up.user_id = p_user_id and up.link_kind = 'self';
  if v_persona_id is null then
    perform app.fail('PT409', 'self_persona_missing', 'the signed-in user has no persona of their own');
  end if;
  return v_persona_id;
end
$$;
comment on function app.self_persona_id(uuid) is 'The persona that is the user; circle membership is held through it.';

create or replace function app.require_ffc_role(p_user_id uuid, p_ffc_id uuid, p_min_role text) returns text
  language plpgsql stable security definer
  set search_path = pg_catalog, pg_temp
as $$
declare
  v_role text;
begin
  select m.role into v_role from app.ffc_memberships m
   where m.tenant_id = app.current_tenant_id() and m.ffc_id = p_ffc_id and m.status = 'active'
     and m.persona_id = (select up.persona_id from app.user_personas up
                          where up.tenant_id = m.tenant_id and up.user_id = p_user_id and up.link_kind = 'self');
  -- Not a member (or another tenant's circle, or no such circle): the circle does not exist for you.
  if v_role is null then
    perform app.fail('PT404', 'ffc_not_found', 'family circle not found');
  end if;
  if app.ffc_role_rank(v_role) < app.ffc_role_rank(p_min_role) then
    perform app.fail('PT403', 'ffc_permission_denied', pg_catalog.format('this needs the %s role or better in the circle', p_min_role));
  end if;
  return v_role;
end
$$;
comment on function app.require_ffc_role(uuid, uuid, text) is
  'The user''s role in the circle; ffc_not_found when not a member, ffc_permission_denied when below p_min_role.';

create or replace function app.check_ffc_role_grant(p_caller_role text, p_role text) returns void
  language plpgsql immutable
  set search_path = pg_catalog, pg_temp
as $$
begin
  if p_role is null or app.ffc_role_rank(p_role) = 0 then
    perform app.fail('PT400', 'invalid_role', 'role must be owner, admin, member, advisor or viewer');
  end if;
  -- Owners grant any role; admins grant only roles below their own.
  if p_caller_role <> 'owner' and app.ffc_role_rank(p_role) >= app.ffc_role_rank(p_caller_role) then
    perform app.fail('PT403', 'ffc_permission_denied', pg_catalog.format('a %s cannot grant the %s role', p_caller_role, p_role));
  end if;
end
$$;
comment on function app.check_ffc_role_grant(text, text) is 'Raises unless a caller with p_caller_role may give someone p_role.';

create or replace function app.lock_ffc(p_ffc_id uuid) returns void
  language plpgsql volatile security definer
  set search_path = pg_catalog, pg_temp
as $$
begin
  -- Membership changes of one circle queue here, so "never lose the last owner" holds under races.
  perform 1 from app.fwd_family_circles c where c.tenant_id = app.current_tenant_id() and c.id = p_ffc_id for update;
end
$$;
comment on function app.lock_ffc(uuid) is 'Serialises membership changes of one circle.';

create or replace function app.count_ffc_owners(p_ffc_id uuid) returns integer
  language sql stable security definer
  set search_path = pg_catalog, pg_temp
as $$
  select count(*)::integer from app.ffc_memberships m
   where m.tenant_id = (select app.current_tenant_id()) and m.ffc_id = p_ffc_id and m.status = 'active' and m.role = 'owner'
$$;
comment on function app.count_ffc_owners(uuid) is 'How many active owners a circle has.';

create or replace function api.sp_create_ffc(p_name text, p_description text default null)
  returns table (ffc_id uuid, name text, description text, my_role text, created_at timestamptz)
  language plpgsql volatile security definer
  set search_path = pg_catalog, pg_temp
as $$
#variable_conflict use_column
declare
  v_user_id uuid := app.current_user_id();
  v_tenant_id uuid := app.current_tenant_id();
  v_persona_id uuid := app.self_persona_id(v_user_id);
  v_ffc_id uuid;
begin
  if pg_catalog.length(p_description) > 1000 then
    perform app.fail('PT400', 'invalid_description', 'description must be at most 1000 characters');
  end if;
  insert into app.fwd_family_circles (tenant_id, name, description, created_by_user_id)
  values (v_tenant_id, app.require_text(p_name, 'invalid_name', 120), nullif(pg_catalog.btrim(p_description), ''), v_user_id)
  returning id into v_ffc_id;
  insert into app.ffc_memberships (tenant_id, ffc_id, persona_id, role, added_by_user_id)
  values (v_tenant_id, v_ffc_id, v_persona_id, 'owner', v_user_id);
  return query select c.id, c.name, c.description, 'owner'::text, c.created_at
                 from app.fwd_family_circles c where c.tenant_id = v_tenant_id and c.id = v_ffc_id;
end
$$;
comment on function api.sp_create_ffc(text, text) is 'Creates a family circle whose owner is the signed-in user''s persona.';
grant execute on function api.sp_create_ffc(text, text) to estate_api;

drop function if exists api.sp_list_my_ffcs(integer, integer);
drop function if exists api.sp_list_my_ffcs(text, text, integer, integer);
create or replace function api.sp_list_my_ffcs(p_q text, p_sort text, p_limit integer, p_offset integer)
  returns table (ffc_id uuid, name text, description text, my_role text, member_count integer, created_at timestamptz,
                 total integer)
  language plpgsql stable security definer
  set search_path = pg_catalog, pg_temp
as $$
#variable_conflict use_column
declare
  v_user_id uuid := app.current_user_id();
  v_tenant_id uuid := app.current_tenant_id();
  v_sort text := app.check_sort(p_sort, array['name', '-name', 'createdAt', '-createdAt']);
  v_q text := app.check_filter_text(p_q);
begin
  perform app.check_page(p_limit, p_offset);
  -- The caller's own memberships (ffc_memberships_persona_idx): a handful of rows to filter and sort.
  return query
    select c.id, c.name, c.description, m.role,
           (select count(*)::integer from app.ffc_memberships x
             where x.tenant_id = c.tenant_id and x.ffc_id = c.id and x.status = 'active'),
           c.created_at, (pg_catalog.count(*) over ())::integer
      from app.ffc_memberships m
      join app.fwd_family_circles c on c.tenant_id = m.tenant_id and c.id = m.ffc_id
     where m.tenant_id = v_tenant_id and m.status = 'active'
       and m.persona_id = (select up.persona_id from app.user_personas up
                            where up.tenant_id = v_tenant_id and up.user_id = v_user_id and up.link_kind = 'self')
       and (v_q is null or pg_catalog.strpos(pg_catalog.lower(c.name), v_q) > 0)
     order by case when v_sort = '-name' then c.name end desc,
              case when v_sort = 'createdAt' then c.created_at end,
              case when v_sort = '-createdAt' then c.created_at end desc,
              c.name, c.id
     limit p_limit offset p_offset;
end
$$;
comment on function api.sp_list_my_ffcs(text, text, integer, integer) is
  'The circles the signed-in user belongs to, with their role, optionally those whose name contains q; sorted, a page at a time with the total.';
grant execute on function api.sp_list_my_ffcs(text, text, integer, integer) to estate_api;

drop function if exists api.sp_add_ffc_member(uuid, uuid, text);
create or replace function api.sp_add_ffc_member(p_ffc_id uuid, p_persona_id uuid, p_role text)
  returns setof app.ffc_membership_row
  language plpgsql volatile security definer
  set search_path = pg_catalog, pg_temp
as $$
#variable_conflict use_column
declare
  v_user_id uuid := app.current_user_id();
  v_tenant_id uuid := app.current_tenant_id();
  v_caller_role text;
  v_existing app.ffc_memberships;
begin
  -- Lock first: the caller's role is read after any concurrent change to it.
  perform app.lock_ffc(p_ffc_id);
  v_caller_role := app.require_ffc_role(v_user_id, p_ffc_id, 'admin');
  -- Direct adds are for personas the caller acts for (a child, a parent in care); others are invited.
  perform app.require_persona_access(v_user_id, p_persona_id);
  perform app.check_ffc_role_grant(v_caller_role, p_role);
  select * into v_existing from app.ffc_memberships m
   where m.tenant_id = v_tenant_id and m.ffc_id = p_ffc_id and m.persona_id = p_persona_id;
  if v_existing.id is not null and v_existing.status = 'active' then
    perform app.fail('PT409', 'already_member', 'this persona is already a member of the circle');
  end if;
  return query
    insert into app.ffc_memberships as m (tenant_id, ffc_id, persona_id, role, added_by_user_id)
    values (v_tenant_id, p_ffc_id, p_persona_id, p_role, v_user_id)
    on conflict (tenant_id, ffc_id, persona_id)
      do update set role = excluded.role, status = 'active', removed_at = null, added_by_user_id = excluded.added_by_user_id
    returning m.id, m.ffc_id, m.persona_id, m.role;
end
$$;
comment on function api.sp_add_ffc_member(uuid, uuid, text) is
  'Adds a persona the caller acts for to a circle (owners and admins; admins only below admin).';
grant execute on function api.sp_add_ffc_member(uuid, uuid, text) to estate_api;

drop function if exists api.sp_update_ffc_member_role(uuid, uuid, text);
create or replace function api.sp_update_ffc_member_role(p_ffc_id uuid, p_persona_id uuid, p_role text)
  returns setof app.ffc_membership_row
  language plpgsql volatile security definer
  set search_path = pg_catalog, pg_temp
as $$
#variable_conflict use_column
declare
  v_user_id uuid := app.current_user_id();
  v_tenant_id uuid := app.current_tenant_id();
  v_caller_role text;
  v_current text;
begin
  -- Lock first: the caller's role is read after any concurrent change to it.
  perform app.lock_ffc(p_ffc_id);
  v_caller_role := app.require_ffc_role(v_user_id, p_ffc_id, 'admin');
  perform app.check_ffc_role_grant(v_caller_role, p_role);
  select m.role into v_current from app.ffc_memberships m
   where m.tenant_id = v_tenant_id and m.ffc_id = p_ffc_id and m.persona_id = p_persona_id and m.status = 'active';
  if v_current is null then
    perform app.fail('PT404', 'member_not_found', 'this persona is not a member of the circle');
  end if;
  if v_caller_role <> 'owner' and app.ffc_role_rank(v_current) >= app.ffc_role_rank(v_caller_role) then
    perform app.fail('PT403', 'ffc_permission_denied', pg_catalog.format('a %s cannot change the role of a %s', v_caller_role, v_current));
  end if;
  if v_current = 'owner' and p_role <> 'owner' and app.count_ffc_owners(p_ffc_id) = 1 then
    perform app.fail('PT409', 'last_owner', 'a circle must keep at least one owner');
  end if;
  return query
    update app.ffc_memberships m set role = p_role
     where m.tenant_id = v_tenant_id and m.ffc_id = p_ffc_id and m.persona_id = p_persona_id
    returning m.id, m.ffc_id, m.persona_id, m.role;
end
$$;
comment on function api.sp_update_ffc_member_role(uuid, uuid, text) is
  'Changes a member''s role: owners change anyone, admins only roles below admin; the last owner stays.';
grant execute on function api.sp_update_ffc_member_role(uuid, uuid, text) to estate_api;

create or replace function api.sp_get_ffc_member(p_ffc_id uuid, p_persona_id uuid)
  returns setof app.ffc_membership_row
  language plpgsql stable security definer
  set search_path = pg_catalog, pg_temp
as $$
#variable_conflict use_column
declare
  v_user_id uuid := app.current_user_id();
  v_tenant_id uuid := app.current_tenant_id();
begin
  -- Members see each other's roles (as in the hierarchy); a non-member: the circle is not found.
  perform app.require_ffc_role(v_user_id, p_ffc_id, 'viewer');
  return query
    select m.id, m.ffc_id, m.persona_id, m.role from app.ffc_memberships m
     where m.tenant_id = v_tenant_id and m.ffc_id = p_ffc_id and m.persona_id = p_persona_id and m.status = 'active';
  if not found then
    perform app.fail('PT404', 'member_not_found', 'this persona is not a member of the circle');
  end if;
end
$$;
comment on function api.sp_get_ffc_member(uuid, uuid) is
  'One active membership of a circle the signed-in user belongs to: its role (what If-Match on the member routes compares).';
grant execute on function api.sp_get_ffc_member(uuid, uuid) to estate_api;

create or replace function app.drop_grants_lost_with_membership(p_ffc_id uuid, p_persona_id uuid) returns integer
  language plpgsql volatile security definer
  set search_path = pg_catalog, pg_temp
as $$
declare
  v_tenant_id uuid := app.current_tenant_id();
  v_dropped integer;
begin
  -- What was had through the circle goes with the membership (docs/authorization.md): a direct
  -- grant lasts while its grantor may still name the grantee (acts for them, or shares an active
  -- circle), a grant to this circle while its grantor acts for one of its active members.
  delete from app.asset_permissions g
   where g.tenant_id = v_tenant_id
     and ((g.grantee_persona_id is not null
           and (g.grantee_persona_id = p_persona_id
                or g.granted_by_user_id in (select up.user_id from app.user_personas up
                                             where up.tenant_id = v_tenant_id and up.persona_id = p_persona_id))
           and not app.user_can_reference_persona(g.granted_by_user_id, g.grantee_persona_id))
       or (g.grantee_ffc_id = p_ffc_id
           and not exists (select 1 from app.ffc_memberships m
                            where m.tenant_id = v_tenant_id and m.ffc_id = p_ffc_id and m.status = 'active'
                              and m.persona_id in (select app.acting_persona_ids(g.granted_by_user_id)))));
  get diagnostics v_dropped = row_count;
  return v_dropped;
end
$$;
comment on function app.drop_grants_lost_with_membership(uuid, uuid) is
  'After a persona leaves a circle: deletes the asset grants that only the shared circle allowed; returns how many.';

create or replace function api.sp_remove_ffc_member(p_ffc_id uuid, p_persona_id uuid)
  returns void
  language plpgsql volatile security definer
  set search_path = pg_catalog, pg_temp
as $$
declare
  v_user_id uuid := app.current_user_id();
  v_tenant_id uuid := app.current_tenant_id();
  v_caller_role text;
  v_is_self boolean := p_persona_id = app.self_persona_id(v_user_id);
  v_current text;
begin
  -- Lock first: the caller's role is read after any concurrent change to it.
  perform app.lock_ffc(p_ffc_id);
  v_caller_role := app.require_ffc_role(v_user_id, p_ffc_id, 'viewer');
  select m.role into v_current from app.ffc_memberships m
   where m.tenant_id = v_tenant_id and m.ffc_id = p_ffc_id and m.persona_id = p_persona_id and m.status = 'active';
  if v_current is null then
    perform app.fail('PT404', 'member_not_found', 'this persona is not a member of the circle');
  end if;
  -- Anyone may leave; owners remove anyone; admins remove roles below admin.
  if not v_is_self and v_caller_role <> 'owner'
     and (v_caller_role <> 'admin' or app.ffc_role_rank(v_current) >= app.ffc_role_rank('admin')) then
    perform app.fail('PT403', 'ffc_permission_denied', pg_catalog.format('a %s cannot remove a %s', v_caller_role, v_current));
  end if;
  if v_current = 'owner' and app.count_ffc_owners(p_ffc_id) = 1 then
    perform app.fail('PT409', 'last_owner', 'a circle must keep at least one owner');
  end if;
  update app.ffc_memberships m set status = 'removed', removed_at = pg_catalog.now()
   where m.tenant_id = v_tenant_id and m.ffc_id = p_ffc_id and m.persona_id = p_persona_id;
  perform app.drop_grants_lost_with_membership(p_ffc_id, p_persona_id);
end
$$;
comment on function api.sp_remove_ffc_member(uuid, uuid) is
  'Removes a member (or lets the caller leave) with the asset grants only the circle allowed; the last owner cannot go.';
grant execute on function api.sp_remove_ffc_member(uuid, uuid) to estate_api;

create or replace function api.sp_get_ffc_hierarchy(p_ffc_id uuid)
  returns table (persona_id uuid, first_name text, last_name text, living_status text, role text,
                 parent_persona_id uuid, depth integer, relationships jsonb)
  language plpgsql stable security definer
  set search_path = pg_catalog, pg_temp
as $$
#variable_conflict use_column
declare
  v_tenant_id uuid := app.current_tenant_id();
begin
  perform app.require_ffc_role(app.current_user_id(), p_ffc_id, 'viewer');
  return query
    with recursive members as (
      select m.persona_id, m.role from app.ffc_memberships m
       where m.tenant_id = v_tenant_id and m.ffc_id = p_ffc_id and m.status = 'active'
    ),
    -- parent -> child edges among members, from either direction of a recorded relationship
    edges as (
      select distinct on (e.child) e.parent, e.child from (
        select r.persona_id as parent, r.related_persona_id as child from app.persona_relationships r
         where r.tenant_id = v_tenant_id and r.relationship_type = 'child'
        union
        select r.related_persona_id, r.persona_id from app.persona_relationships r
         where r.tenant_id = v_tenant_id and r.relationship_type = 'parent'
      ) e
      where e.parent in (select persona_id from members) and e.child in (select persona_id from members)
      order by e.child, e.parent
    ),
    tree as (
      select mb.persona_id, null::uuid as parent, 0 as depth, array[mb.persona_id] as path
        from members mb where not exists (select 1 from edges e where e.child = mb.persona_id)
      union all
      select e.child, e.parent, t.depth + 1, t.path || e.child
        from tree t join edges e on e.parent = t.persona_id
       where not e.child = any (t.path)
    )
    select t.persona_id, p.first_name, p.last_name, p.living_status, mb.role, t.parent, t.depth,
           coalesce((select pg_catalog.jsonb_agg(pg_catalog.jsonb_build_object(
                       'relatedPersonaId', r.related_persona_id, 'relationshipType', r.relationship_type) order by r.created_at)
                       from app.persona_relationships r
                      where r.tenant_id = v_tenant_id and r.persona_id = t.persona_id
                        and r.related_persona_id in (select persona_id from members)), '[]')
      from tree t
      join members mb on mb.persona_id = t.persona_id
      join app.personas p on p.tenant_id = v_tenant_id and p.id = t.persona_id
     order by t.path;
end
$$;
comment on function api.sp_get_ffc_hierarchy(uuid) is
  'The family as a tree: members with roles, each under its parent (from recorded parent/child relationships), depth-first.';
grant execute on function api.sp_get_ffc_hierarchy(uuid) to estate_api;

drop function if exists api.sp_invite_ffc_member(uuid, text, text, integer);
create or replace function api.sp_invite_ffc_member(p_ffc_id uuid, p_email text, p_role text, p_valid_hours integer)
  returns table (invitation_id uuid, token text, expires_at timestamptz)
  language plpgsql volatile security definer
  set search_path = pg_catalog, pg_temp
as $$
#variable_conflict use_column
declare
  v_user_id uuid := app.current_user_id();
  v_tenant_id uuid := app.current_tenant_id();
  v_caller_role text := app.require_ffc_role(v_user_id, p_ffc_id, 'admin');
  v_email text := app.normalize_email(p_email);
  -- 244 random bits from two v4 UUIDs; only its SHA-256 is stored.
  v_token text := pg_catalog.replace(gen_random_uuid()::text || gen_random_uuid()::text, '-', '');
begin
  if p_role = 'owner' then
    perform app.fail('PT400', 'invalid_role', 'an invitation grants admin, member, advisor or viewer');
  end if;
  perform app.check_ffc_role_grant(v_caller_role, p_role);
  if p_valid_hours is null or p_valid_hours not between 1 and 720 then
    perform app.fail('PT400', 'invalid_validity', 'an invitation is valid for 1 to 720 hours');
  end if;
  if exists (select 1 from app.ffc_invitations i where i.tenant_id = v_tenant_id and i.ffc_id = p_ffc_id
                and i.email = v_email and i.status = 'pending' and i.expires_at > pg_catalog.now()) then
    perform app.fail('PT409', 'invitation_pending', 'this email already has a pending invitation to the circle');
  end if;
  return query
    insert into app.ffc_invitations as i (tenant_id, ffc_id, email, role, token_sha256, expires_at, invited_by_user_id)
    values (v_tenant_id, p_ffc_id, v_email, p_role, pg_catalog.sha256(pg_catalog.convert_to(v_token, 'UTF8')),
            pg_catalog.now() + pg_catalog.make_interval(hours => p_valid_hours), v_user_id)
    returning i.id, v_token, i.expires_at;
end
$$;
comment on function api.sp_invite_ffc_member(uuid, text, text, integer) is
  'Invites an email to a circle with a role; returns the single-use token once (only its hash is kept).';
grant execute on function api.sp_invite_ffc_member(uuid, text, text, integer) to estate_api;

drop function if exists api.sp_accept_ffc_invitation(text);
create or replace function api.sp_accept_ffc_invitation(p_token text)
  returns setof app.ffc_membership_row
  language plpgsql volatile security definer
  set search_path = pg_catalog, pg_temp
as $$
#variable_conflict use_column
declare
  v_user_id uuid := app.current_user_id();
  v_tenant_id uuid := app.current_tenant_id();
  v_persona_id uuid := app.self_persona_id(v_user_id);
  v_invitation app.ffc_invitations;
begin
  select * into v_invitation from app.ffc_invitations i
   where i.tenant_id = v_tenant_id and i.token_sha256 = pg_catalog.sha256(pg_catalog.convert_to(coalesce(p_token, ''), 'UTF8'))
   for update;
  -- Accepting again (a retry whose first answer was lost) answers as the first time, to the user
  -- who accepted it only, while that membership stands; anyone else gets invitation_not_found.
  if v_invitation.status = 'accepted' and v_invitation.accepted_by_user_id = v_user_id then
    return query
      select m.id, m.ffc_id, m.persona_id, m.role from app.ffc_memberships m
       where m.tenant_id = v_tenant_id and m.ffc_id = v_invitation.ffc_id and m.persona_id = v_persona_id
         and m.status = 'active';
    if found then
      return;
    end if;
  end if;
  -- Only the user whose verified email the invitation names may use it; anyone else holding the
  -- token gets the same answer as for a made-up one (and learns nothing of its expiry).
  if v_invitation.id is null or v_invitation.status <> 'pending'
     or not exists (select 1 from app.users u where u.tenant_id = v_tenant_id and u.id = v_user_id
                       and u.email_verified_at is not null and pg_catalog.lower(u.email) = v_invitation.email) then
    perform app.fail('PT404', 'invitation_not_found', 'invitation not found or already used');
  end if;
  if v_invitation.expires_at <= pg_catalog.now() then
    perform app.fail('PT410', 'invitation_expired', 'the invitation has expired');
  end if;
  perform app.lock_ffc(v_invitation.ffc_id);
  if exists (select 1 from app.ffc_memberships m where m.tenant_id = v_tenant_id and m.ffc_id = v_invitation.ffc_id
                and m.persona_id = v_persona_id and m.status = 'active') then
    perform app.fail('PT409', 'already_member', 'you are already a member of the circle');
  end if;
  update app.ffc_invitations i set status = 'accepted', accepted_by_user_id = v_user_id, responded_at = pg_catalog.now()
   where i.tenant_id = v_tenant_id and i.id = v_invitation.id;
  return query
    insert into app.ffc_memberships as m (tenant_id, ffc_id, persona_id, role, added_by_user_id)
    values (v_tenant_id, v_invitation.ffc_id, v_persona_id, v_invitation.role, v_invitation.invited_by_user_id)
    on conflict (tenant_id, ffc_id, persona_id)
      do update set role = excluded.role, status = 'active', removed_at = null, added_by_user_id = excluded.added_by_user_id
    returning m.id, m.ffc_id, m.persona_id, m.role;
end
$$;
comment on function api.sp_accept_ffc_invitation(text) is
  'Joins the circle of a pending, unexpired invitation sent to the signed-in user''s verified email; the token works once (the same user accepting it again gets the same answer while the membership stands).';
grant execute on function api.sp_accept_ffc_invitation(text) to estate_api;

create or replace function api.sp_revoke_ffc_invitation(p_ffc_id uuid, p_invitation_id uuid)
  returns void
  language plpgsql volatile security definer
  set search_path = pg_catalog, pg_temp
as $$
declare
  v_tenant_id uuid := app.current_tenant_id();
  v_status text;
begin
  perform app.require_ffc_role(app.current_user_id(), p_ffc_id, 'admin');
  select i.status into v_status from app.ffc_invitations i
   where i.tenant_id = v_tenant_id and i.ffc_id = p_ffc_id and i.id = p_invitation_id for update;
  if v_status is null then
    perform app.fail('PT404', 'invitation_not_found', 'invitation not found');
  end if;
  if v_status <> 'pending' then
    perform app.fail('PT409', 'invitation_not_pending', 'only a pending invitation can be revoked');
  end if;
  update app.ffc_invitations i set status = 'revoked', responded_at = pg_catalog.now()
   where i.tenant_id = v_tenant_id and i.id = p_invitation_id;
end
$$;
comment on function api.sp_revoke_ffc_invitation(uuid, uuid) is 'Revokes a pending invitation of a circle (owners and admins).';
grant execute on function api.sp_revoke_ffc_invitation(uuid, uuid) to estate_api;

------------------------------------------------------------------------------------------------
-- One circle: read, rename, delete; the invitations it sent and those I received (issue 10)
------------------------------------------------------------------------------------------------

create or replace function app.ffc_view(p_ffc_id uuid, p_my_role text) returns setof app.ffc_row
  language sql stable security definer
  set search_path = pg_catalog, pg_temp
as $$
  select c.id, c.name, c.description, p_my_role,
         (select count(*)::integer from app.ffc_memberships x
           where x.tenant_id = c.tenant_id and x.ffc_id = c.id and x.status = 'active'),
         c.created_at, c.updated_at
    from app.fwd_family_circles c
   where c.tenant_id = (select app.current_tenant_id()) and c.id = p_ffc_id
$$;
comment on function app.ffc_view(uuid, text) is 'A circle as app.ffc_row, with the caller''s role as given.';

create or replace function api.sp_get_ffc(p_ffc_id uuid)
  returns setof app.ffc_row
  language plpgsql stable security definer
  set search_path = pg_catalog, pg_temp
as $$
declare
  v_user_id uuid := app.current_user_id();
  v_role text := app.require_ffc_role(v_user_id, p_ffc_id, 'viewer');
begin
  return query select * from app.ffc_view(p_ffc_id, v_role);
end
$$;
comment on function api.sp_get_ffc(uuid) is 'One circle the signed-in user belongs to: name, description, their role, how many members.';
grant execute on function api.sp_get_ffc(uuid) to estate_api;

create or replace function api.sp_update_ffc(p_ffc_id uuid, p_name text, p_description text, p_clear_description boolean)
  returns setof app.ffc_row
  language plpgsql volatile security definer
  set search_path = pg_catalog, pg_temp
as $$
declare
  v_user_id uuid := app.current_user_id();
  v_tenant_id uuid := app.current_tenant_id();
  v_role text;
begin
  perform app.lock_ffc(p_ffc_id);
  -- Owners and admins rename a circle (docs/family_circles.md).
  v_role := app.require_ffc_role(v_user_id, p_ffc_id, 'admin');
  if pg_catalog.length(p_description) > 1000 then
    perform app.fail('PT400', 'invalid_description', 'description must be at most 1000 characters');
  end if;
  update app.fwd_family_circles c
     set name = case when p_name is null then c.name else app.require_text(p_name, 'invalid_name', 120) end,
         description = case when coalesce(p_clear_description, false) then null
                            when p_description is null then c.description
                            else nullif(pg_catalog.btrim(p_description), '') end
   where c.tenant_id = v_tenant_id and c.id = p_ffc_id;
  return query select * from app.ffc_view(p_ffc_id, v_role);
end
$$;
comment on function api.sp_update_ffc(uuid, text, text, boolean) is
  'Renames a circle or changes its description (owners and admins); a null field is left as it is.';
grant execute on function api.sp_update_ffc(uuid, text, text, boolean) to estate_api;

create or replace function api.sp_delete_ffc(p_ffc_id uuid)
  returns void
  language plpgsql volatile security definer
  set search_path = pg_catalog, pg_temp
as $$
declare
  v_user_id uuid := app.current_user_id();
  v_tenant_id uuid := app.current_tenant_id();
  v_creator uuid;
  v_persona uuid;
begin
  perform app.lock_ffc(p_ffc_id);
  perform app.require_ffc_role(v_user_id, p_ffc_id, 'owner');
  -- Pending invitations can no longer be accepted; grants to the circle go; every member is
  -- removed (their seats freed by the seat trigger) with the grants only the circle allowed.
  update app.ffc_invitations i set status = 'revoked', responded_at = pg_catalog.now()
   where i.tenant_id = v_tenant_id and i.ffc_id = p_ffc_id and i.status = 'pending';
  delete from app.asset_permissions g where g.tenant_id = v_tenant_id and g.grantee_ffc_id = p_ffc_id;
  for v_persona in
    update app.ffc_memberships m set status = 'removed', removed_at = pg_catalog.now()
     where m.tenant_id = v_tenant_id and m.ffc_id = p_ffc_id and m.status = 'active'
    returning m.persona_id
  loop
    perform app.drop_grants_lost_with_membership(p_ffc_id, v_persona);
  end loop;
  update app.fwd_family_circles c set deleted_at = pg_catalog.now()
   where c.tenant_id = v_tenant_id and c.id = p_ffc_id
  returning c.created_by_user_id into v_creator;
  -- The circle no longer counts against its creator's plan.
  perform app.track_usage(v_tenant_id, v_creator, 'ffcs', -1);
end
$$;
comment on function api.sp_delete_ffc(uuid) is
  'Deletes a circle (owners only): members removed with the grants only it allowed, grants to it dropped, pending invitations revoked; the row stays for history.';
grant execute on function api.sp_delete_ffc(uuid) to estate_api;

drop function if exists api.sp_list_ffc_invitations(uuid, integer, integer);
drop function if exists api.sp_list_ffc_invitations(uuid, text, text, text, integer, integer);
create or replace function api.sp_list_ffc_invitations(p_ffc_id uuid, p_status text, p_q text, p_sort text,
                                                       p_limit integer, p_offset integer)
  returns table (invitation_id uuid, email text, role text, status text, expires_at timestamptz,
                 invited_by_user_id uuid, responded_at timestamptz, created_at timestamptz, total integer)
  language plpgsql stable security definer
  set search_path = pg_catalog, pg_temp
as $$
#variable_conflict use_column
declare
  v_user_id uuid := app.current_user_id();
  v_sort text := app.check_sort(p_sort, array['-createdAt', 'createdAt', 'email', '-email']);
  v_q text := app.check_filter_text(p_q);
begin
  -- Those who may invite (owners, admins) see what the circle sent; others: ffc_permission_denied.
  perform app.require_ffc_role(v_user_id, p_ffc_id, 'admin');
  perform app.check_page(p_limit, p_offset);
  if p_status is not null and p_status not in ('pending', 'accepted', 'revoked', 'expired') then
    perform app.fail('PT400', 'invalid_filter', 'status must be pending, accepted, revoked or expired');
  end if;
  -- One circle's invitations (ffc_invitations_ffc_idx), filtered by the status as shown.
  return query
    select x.*, (pg_catalog.count(*) over ())::integer from (
      select i.id, i.email, i.role,
             case when i.status = 'pending' and i.expires_at <= pg_catalog.now() then 'expired' else i.status end as shown,
             i.expires_at, i.invited_by_user_id, i.responded_at, i.created_at
        from app.ffc_invitations i
       where i.tenant_id = (select app.current_tenant_id()) and i.ffc_id = p_ffc_id
         and (v_q is null or pg_catalog.strpos(pg_catalog.lower(i.email), v_q) > 0)
    ) x
     where p_status is null or x.shown = p_status
     order by case when v_sort = 'createdAt' then x.created_at end,
              case when v_sort = 'email' then x.email end,
              case when v_sort = '-email' then x.email end desc,
              x.created_at desc, x.id
     limit p_limit offset p_offset;
end
$$;
comment on function api.sp_list_ffc_invitations(uuid, text, text, text, integer, integer) is
  'The invitations a circle sent (owners and admins), newest first or sorted, optionally of one status (pending/accepted/revoked/expired) or whose email contains q, with the total.';
grant execute on function api.sp_list_ffc_invitations(uuid, text, text, text, integer, integer) to estate_api;

drop function if exists api.sp_list_my_ffc_invitations(integer, integer);
drop function if exists api.sp_list_my_ffc_invitations(text, integer, integer);
create or replace function api.sp_list_my_ffc_invitations(p_sort text, p_limit integer, p_offset integer)
  returns table (invitation_id uuid, ffc_id uuid, ffc_name text, role text, invited_by_name text,
                 expires_at timestamptz, created_at timestamptz, total integer)
  language plpgsql stable security definer
  set search_path = pg_catalog, pg_temp
as $$
#variable_conflict use_column
declare
  v_user_id uuid := app.current_user_id();
  v_tenant_id uuid := app.current_tenant_id();
  v_sort text := app.check_sort(p_sort, array['-createdAt', 'createdAt', 'expiresAt', '-expiresAt']);
begin
  perform app.check_page(p_limit, p_offset);
  -- Only to the email the identity provider verified: a typed, unverified address sees none.
  return query
    select i.id, c.id, c.name, i.role, pg_catalog.concat_ws(' ', p.first_name, p.last_name), i.expires_at, i.created_at,
           (pg_catalog.count(*) over ())::integer
      from app.users u
      join app.ffc_invitations i on i.tenant_id = u.tenant_id and i.email = pg_catalog.lower(u.email)
      join app.fwd_family_circles c on c.tenant_id = i.tenant_id and c.id = i.ffc_id and c.deleted_at is null
      left join app.user_personas up on up.tenant_id = i.tenant_id and up.user_id = i.invited_by_user_id and up.link_kind = 'self'
      left join app.personas p on p.tenant_id = up.tenant_id and p.id = up.persona_id
     where u.tenant_id = v_tenant_id and u.id = v_user_id and u.email_verified_at is not null
       and i.status = 'pending' and i.expires_at > pg_catalog.now()
     order by case when v_sort = 'createdAt' then i.created_at end,
              case when v_sort = 'expiresAt' then i.expires_at end,
              case when v_sort = '-expiresAt' then i.expires_at end desc,
              i.created_at desc, i.id
     limit p_limit offset p_offset;
end
$$;
comment on function api.sp_list_my_ffc_invitations(text, integer, integer) is
  'Pending, unexpired circle invitations to the signed-in user''s verified email (circle, role, who invited), newest first or sorted, with the total.';
grant execute on function api.sp_list_my_ffc_invitations(text, integer, integer) to estate_api;
