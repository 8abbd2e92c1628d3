-- Identity from the identity provider, and consent for links (issue 9, findings 2 and 4).
-- A user's email is the one Cognito verified (from the id token, through the request context);
-- a user becomes a delegate of a persona only by accepting an invitation.

-- Emails registered before this migration came from a request body: they stay, unverified, until
-- the user syncs the verified one (POST /v1/me/email-sync). Only verified emails are unique, so
-- an address someone typed without owning it can never block its owner.
alter table app.users add column email_verified_at timestamptz;
comment on column app.users.email_verified_at is
  'When the identity provider last vouched for email (an id token with email_verified); NULL: typed by hand before 0011, not trusted.';
drop index app.users_tenant_email_key;
create unique index users_tenant_verified_email_key on app.users (tenant_id, pg_catalog.lower(email))
  where email_verified_at is not null;

create table app.persona_link_invitations (
  tenant_id uuid not null,
  id uuid not null default gen_random_uuid(),
  persona_id uuid not null,
  invited_user_id uuid not null,
  invited_by_user_id uuid not null,
  status text not null default 'pending' check (status in ('pending', 'accepted', 'declined', 'revoked')),
  responded_at timestamptz,
  created_at timestamptz not null default pg_catalog.now(),
  updated_at timestamptz not null default pg_catalog.now(),
  primary key (tenant_id, id),
  foreign key (tenant_id, persona_id) references app.personas (tenant_id, id) on delete cascade,
  foreign key (tenant_id, invited_user_id) references app.users (tenant_id, id),
  foreign key (tenant_id, invited_by_user_id) references app.users (tenant_id, id),
  check ((status = 'pending') = (responded_at is null)),
  check (invited_user_id <> invited_by_user_id)
);
comment on table app.persona_link_invitations is
  'A user invited to act for a persona (delegate): nothing of the persona is theirs until they accept; they may decline, the linker may revoke.';
create index persona_link_invitations_persona_idx on app.persona_link_invitations (tenant_id, persona_id);
create index persona_link_invitations_invited_idx on app.persona_link_invitations (tenant_id, invited_user_id, status);
create index persona_link_invitations_invited_by_idx on app.persona_link_invitations (tenant_id, invited_by_user_id);
-- One pending invitation per user and persona: inviting again changes nothing.
create unique index persona_link_invitations_one_pending on app.persona_link_invitations (tenant_id, persona_id, invited_user_id)
  where status = 'pending';
select app.protect_tenant_table('persona_link_invitations');
