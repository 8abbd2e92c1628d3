-- API keys and the tenant's MFA policy (review of issue 11): a key remembers how the sign-in that
-- created it was authenticated, so that a tenant requiring MFA refuses keys made without it (a key
-- made by a one-factor sign-in before the policy was switched on would otherwise outlive it).
alter table app.api_keys add column created_with_amr text[] not null default '{}';
comment on column app.api_keys.created_with_amr is
  'The creating sign-in''s authentication methods (the access token''s estate_amr claim): a tenant that requires MFA refuses a key whose creator did not pass it with an allowed factor.';
