-- Asset grants that earlier circle removals should have taken away (docs/authorization.md, issue 9).
-- Until now, removing a member kept the direct grants only the shared circle had allowed, and
-- the grants to a circle made by someone who had since left it. sp_remove_ffc_member now deletes
-- them as the membership ends; this deletes what earlier removals left behind, by the same rule:
-- a direct grant lasts while its grantor may name the grantee (acts for them, or shares an active
-- circle with them), a grant to a circle while its grantor acts for one of its active members.
-- The audit log records each deleted row (actor "system"). Shares are not touched: a share
-- obtained through the hole of finding 1 cannot be told apart from a gift, and is for its owners
-- (or support) to undo.

do $$
declare
  v_tenants uuid[];
  v_tenant_id uuid;
begin
  -- The owner reads the list of tenants past RLS for a moment (inside this migration's
  -- transaction); everything else runs inside each tenant's boundary in turn.
  alter table app.tenants no force row level security;
  select coalesce(pg_catalog.array_agg(t.tenant_id), '{}') into v_tenants from app.tenants t;
  alter table app.tenants force row level security;
  foreach v_tenant_id in array v_tenants loop
    perform pg_catalog.set_config('app.tenant_id', v_tenant_id::text, true);
    delete from app.asset_permissions g
     where g.tenant_id = v_tenant_id
       and ((g.grantee_persona_id is not null
             and not exists (select 1 from app.user_personas up
                              where up.tenant_id = g.tenant_id and up.user_id = g.granted_by_user_id
                                and up.persona_id = g.grantee_persona_id)
             and not exists (select 1 from app.user_personas up
                               join app.ffc_memberships mine
                                 on mine.tenant_id = up.tenant_id and mine.persona_id = up.persona_id and mine.status = 'active'
                               join app.ffc_memberships theirs
                                 on theirs.tenant_id = mine.tenant_id and theirs.ffc_id = mine.ffc_id and theirs.status = 'active'
                              where up.tenant_id = g.tenant_id and up.user_id = g.granted_by_user_id
                                and theirs.persona_id = g.grantee_persona_id))
         or (g.grantee_ffc_id is not null
             and not exists (select 1 from app.user_personas up
                               join app.ffc_memberships m on m.tenant_id = up.tenant_id and m.persona_id = up.persona_id
                              where up.tenant_id = g.tenant_id and up.user_id = g.granted_by_user_id
                                and m.ffc_id = g.grantee_ffc_id and m.status = 'active')));
  end loop;
  perform pg_catalog.set_config('app.tenant_id', '', true);
end
$$;
