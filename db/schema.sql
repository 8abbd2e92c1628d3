-- The schema after every migration and procedure file (pg_dump 15, PostgreSQL 15; monthly audit
-- partitions left out). Written by npm run schema:dump, checked by npm run schema:check: do not edit.

--
-- Name: api; Type: SCHEMA; Schema: -; Owner: estate_owner
--

CREATE SCHEMA api;

ALTER SCHEMA api OWNER TO estate_owner;

--
-- Name: SCHEMA api; Type: COMMENT; Schema: -; Owner: estate_owner
--

COMMENT ON SCHEMA api IS 'Procedures that tenant traffic (estate_api) may execute.';

--
-- Name: app; Type: SCHEMA; Schema: -; Owner: estate_owner
--

CREATE SCHEMA app;

ALTER SCHEMA app OWNER TO estate_owner;

--
-- Name: SCHEMA app; Type: COMMENT; Schema: -; Owner: estate_owner
--

COMMENT ON SCHEMA app IS 'Tables, views and internal helpers; not reachable by the login roles.';

--
-- Name: audit; Type: SCHEMA; Schema: -; Owner: estate_owner
--

CREATE SCHEMA audit;

ALTER SCHEMA audit OWNER TO estate_owner;

--
-- Name: SCHEMA audit; Type: COMMENT; Schema: -; Owner: estate_owner
--

COMMENT ON SCHEMA audit IS 'Append-only audit log, written by triggers only.';

--
-- Name: support; Type: SCHEMA; Schema: -; Owner: estate_owner
--

CREATE SCHEMA support;

ALTER SCHEMA support OWNER TO estate_owner;

--
-- Name: SCHEMA support; Type: COMMENT; Schema: -; Owner: estate_owner
--

COMMENT ON SCHEMA support IS 'Procedures that support staff (estate_support) may execute.';

--
-- Name: pgcrypto; Type: EXTENSION; Schema: -; Owner: -
--

CREATE EXTENSION IF NOT EXISTS pgcrypto WITH SCHEMA public;

--
-- Name: EXTENSION pgcrypto; Type: COMMENT; Schema: -; Owner:
--

COMMENT ON EXTENSION pgcrypto IS 'cryptographic functions';

--
-- Name: asset_list_row; Type: TYPE; Schema: app; Owner: estate_owner
--

CREATE TYPE app.asset_list_row AS (
	asset_id uuid,
	asset_type text,
	category_code text,
	name text,
	currency text,
	is_liability boolean,
	identifier_masked text,
	current_value numeric,
	current_value_currency text,
	valued_on date,
	my_access text,
	created_at timestamp with time zone,
	total integer
);

ALTER TYPE app.asset_list_row OWNER TO estate_owner;

--
-- Name: TYPE asset_list_row; Type: COMMENT; Schema: app; Owner: estate_owner
--

COMMENT ON TYPE app.asset_list_row IS 'An asset in a list: type, name, masked identifier, latest value in its own currency, the caller''s access, and the filtered total of the list.';

--
-- Name: asset_row; Type: TYPE; Schema: app; Owner: estate_owner
--

CREATE TYPE app.asset_row AS (
	asset_id uuid,
	asset_type text,
	category_code text,
	name text,
	description text,
	currency text,
	is_liability boolean,
	identifier_masked text,
	status text,
	details jsonb,
	current_value numeric,
	current_value_currency text,
	valued_on date,
	ownerships jsonb,
	my_access text,
	created_at timestamp with time zone,
	updated_at timestamp with time zone
);

ALTER TYPE app.asset_row OWNER TO estate_owner;

--
-- Name: TYPE asset_row; Type: COMMENT; Schema: app; Owner: estate_owner
--

COMMENT ON TYPE app.asset_row IS 'An asset as the API shows it: identifier masked, type details, latest value, owners, the caller''s access.';

--
-- Name: beneficiary_row; Type: TYPE; Schema: app; Owner: estate_owner
--

CREATE TYPE app.beneficiary_row AS (
	level text,
	beneficiary_kind text,
	persona_id uuid,
	entity_id uuid,
	beneficiary_name text,
	percentage numeric,
	distribution text,
	effective_on date
);

ALTER TYPE app.beneficiary_row OWNER TO estate_owner;

--
-- Name: TYPE beneficiary_row; Type: COMMENT; Schema: app; Owner: estate_owner
--

COMMENT ON TYPE app.beneficiary_row IS 'One beneficiary of a designation: level, who (persona, entity or the estate), share and how it passes.';

--
-- Name: ffc_membership_row; Type: TYPE; Schema: app; Owner: estate_owner
--

CREATE TYPE app.ffc_membership_row AS (
	membership_id uuid,
	ffc_id uuid,
	persona_id uuid,
	role text
);

ALTER TYPE app.ffc_membership_row OWNER TO estate_owner;

--
-- Name: TYPE ffc_membership_row; Type: COMMENT; Schema: app; Owner: estate_owner
--

COMMENT ON TYPE app.ffc_membership_row IS 'A persona''s membership of a circle and its role.';

--
-- Name: ffc_row; Type: TYPE; Schema: app; Owner: estate_owner
--

CREATE TYPE app.ffc_row AS (
	ffc_id uuid,
	name text,
	description text,
	my_role text,
	member_count integer,
	created_at timestamp with time zone,
	updated_at timestamp with time zone
);

ALTER TYPE app.ffc_row OWNER TO estate_owner;

--
-- Name: TYPE ffc_row; Type: COMMENT; Schema: app; Owner: estate_owner
--

COMMENT ON TYPE app.ffc_row IS 'A family circle as a member sees it: name, description, the caller''s role, active members.';

--
-- Name: legal_entity_row; Type: TYPE; Schema: app; Owner: estate_owner
--

CREATE TYPE app.legal_entity_row AS (
	entity_id uuid,
	entity_kind text,
	name text,
	jurisdiction text,
	effective_date date,
	roles jsonb,
	created_at timestamp with time zone,
	updated_at timestamp with time zone
);

ALTER TYPE app.legal_entity_row OWNER TO estate_owner;

--
-- Name: TYPE legal_entity_row; Type: COMMENT; Schema: app; Owner: estate_owner
--

COMMENT ON TYPE app.legal_entity_row IS 'A legal entity as the API shows it, with the personas who control it.';

--
-- Name: ownership_form; Type: DOMAIN; Schema: app; Owner: estate_owner
--

CREATE DOMAIN app.ownership_form AS text
	CONSTRAINT ownership_form_check CHECK ((VALUE = ANY (ARRAY['sole'::text, 'joint_tenancy_wros'::text, 'tenants_in_common'::text, 'community_property'::text, 'trust_owned'::text, 'tod_pod'::text])));

ALTER DOMAIN app.ownership_form OWNER TO estate_owner;

--
-- Name: DOMAIN ownership_form; Type: COMMENT; Schema: app; Owner: estate_owner
--

COMMENT ON DOMAIN app.ownership_form IS 'How a persona holds a share of an asset.';

--
-- Name: payment_method_row; Type: TYPE; Schema: app; Owner: estate_owner
--

CREATE TYPE app.payment_method_row AS (
	payment_method_id uuid,
	kind text,
	brand text,
	last4 text,
	exp_month smallint,
	exp_year smallint,
	is_default boolean,
	created_at timestamp with time zone
);

ALTER TYPE app.payment_method_row OWNER TO estate_owner;

--
-- Name: TYPE payment_method_row; Type: COMMENT; Schema: app; Owner: estate_owner
--

COMMENT ON TYPE app.payment_method_row IS 'A payment method as the API shows it: kind, brand, last four and expiry, never the token.';

--
-- Name: persona_row; Type: TYPE; Schema: app; Owner: estate_owner
--

CREATE TYPE app.persona_row AS (
	persona_id uuid,
	first_name text,
	middle_name text,
	last_name text,
	preferred_name text,
	date_of_birth date,
	is_minor boolean,
	living_status text,
	date_of_death date,
	linked_user_id uuid,
	emails jsonb,
	phones jsonb,
	addresses jsonb,
	relationships jsonb,
	created_at timestamp with time zone,
	updated_at timestamp with time zone
);

ALTER TYPE app.persona_row OWNER TO estate_owner;

--
-- Name: TYPE persona_row; Type: COMMENT; Schema: app; Owner: estate_owner
--

COMMENT ON TYPE app.persona_row IS 'A persona with contact data and relationships, as every persona procedure returns it.';

--
-- Name: subscription_row; Type: TYPE; Schema: app; Owner: estate_owner
--

CREATE TYPE app.subscription_row AS (
	subscription_id uuid,
	plan_code text,
	plan_name text,
	status text,
	effective_plan_code text,
	pending_plan_code text,
	price_amount numeric,
	currency text,
	billing_interval text,
	cancel_at_period_end boolean,
	current_period_start timestamp with time zone,
	current_period_end timestamp with time zone,
	canceled_at timestamp with time zone,
	ended_at timestamp with time zone,
	stripe_linked boolean,
	created_at timestamp with time zone,
	updated_at timestamp with time zone
);

ALTER TYPE app.subscription_row OWNER TO estate_owner;

--
-- Name: TYPE subscription_row; Type: COMMENT; Schema: app; Owner: estate_owner
--

COMMENT ON TYPE app.subscription_row IS 'A subscription as the API shows it, with the plan whose limits apply now.';

--
-- Name: user_profile_row; Type: TYPE; Schema: app; Owner: estate_owner
--

CREATE TYPE app.user_profile_row AS (
	user_id uuid,
	email text,
	status text,
	last_login_at timestamp with time zone,
	created_at timestamp with time zone,
	persona_id uuid,
	first_name text,
	last_name text,
	preferred_name text,
	tenant_slug text,
	tenant_name text,
	tenant_branding jsonb
);

ALTER TYPE app.user_profile_row OWNER TO estate_owner;

--
-- Name: TYPE user_profile_row; Type: COMMENT; Schema: app; Owner: estate_owner
--

COMMENT ON TYPE app.user_profile_row IS 'A user with their own persona and the tenant''s branding, as sign-in and "me" return it.';

--
-- Name: valuation_source; Type: DOMAIN; Schema: app; Owner: estate_owner
--

CREATE DOMAIN app.valuation_source AS text
	CONSTRAINT valuation_source_check CHECK ((VALUE = ANY (ARRAY['manual'::text, 'appraisal'::text, 'statement'::text, 'import'::text])));

ALTER DOMAIN app.valuation_source OWNER TO estate_owner;

--
-- Name: DOMAIN valuation_source; Type: COMMENT; Schema: app; Owner: estate_owner
--

COMMENT ON DOMAIN app.valuation_source IS 'Where a valuation of an asset comes from.';

--
-- Name: sp_accept_ffc_invitation(text); Type: FUNCTION; Schema: api; Owner: estate_owner
--

CREATE FUNCTION api.sp_accept_ffc_invitation(p_token text) RETURNS SETOF app.ffc_membership_row
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
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

ALTER FUNCTION api.sp_accept_ffc_invitation(p_token text) OWNER TO estate_owner;

--
-- Name: FUNCTION sp_accept_ffc_invitation(p_token text); Type: COMMENT; Schema: api; Owner: estate_owner
--

COMMENT ON FUNCTION api.sp_accept_ffc_invitation(p_token text) IS 'Joins the circle of a pending, unexpired invitation sent to the signed-in user''s verified email; the token works once (the same user accepting it again gets the same answer while the membership stands).';

--
-- Name: sp_accept_link_invitation(uuid); Type: FUNCTION; Schema: api; Owner: estate_owner
--

CREATE FUNCTION api.sp_accept_link_invitation(p_invitation_id uuid) RETURNS TABLE(link_id uuid, user_id uuid, persona_id uuid, link_kind text, status text)
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
#variable_conflict use_column
declare
  v_invitation app.persona_link_invitations;
begin
  -- Accepting again (a retry whose first answer was lost) answers as the first time, to the
  -- invited user only while the link stands; anyone else still gets link_invitation_not_found.
  return query
    select up.id, up.user_id, up.persona_id, up.link_kind, 'linked'::text
      from app.persona_link_invitations i
      join app.user_personas up on up.tenant_id = i.tenant_id and up.user_id = i.invited_user_id and up.persona_id = i.persona_id
     where i.tenant_id = app.current_tenant_id() and i.id = p_invitation_id
       and i.invited_user_id = app.current_user_id() and i.status = 'accepted';
  if found then
    return;
  end if;
  v_invitation := app.take_link_invitation(p_invitation_id, 'accepted');
  return query
    insert into app.user_personas as up (tenant_id, user_id, persona_id, link_kind)
    values (v_invitation.tenant_id, v_invitation.invited_user_id, v_invitation.persona_id, 'delegate')
    on conflict (tenant_id, user_id, persona_id) do update set link_kind = up.link_kind
    returning up.id, up.user_id, up.persona_id, up.link_kind, 'linked'::text;
end
$$;

ALTER FUNCTION api.sp_accept_link_invitation(p_invitation_id uuid) OWNER TO estate_owner;

--
-- Name: FUNCTION sp_accept_link_invitation(p_invitation_id uuid); Type: COMMENT; Schema: api; Owner: estate_owner
--

COMMENT ON FUNCTION api.sp_accept_link_invitation(p_invitation_id uuid) IS 'Accepts a pending invitation sent to the signed-in user: from now on they act for the persona (delegate); accepting it again answers the same while the link stands.';

--
-- Name: sp_add_ffc_member(uuid, uuid, text); Type: FUNCTION; Schema: api; Owner: estate_owner
--

CREATE FUNCTION api.sp_add_ffc_member(p_ffc_id uuid, p_persona_id uuid, p_role text) RETURNS SETOF app.ffc_membership_row
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
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

ALTER FUNCTION api.sp_add_ffc_member(p_ffc_id uuid, p_persona_id uuid, p_role text) OWNER TO estate_owner;

--
-- Name: FUNCTION sp_add_ffc_member(p_ffc_id uuid, p_persona_id uuid, p_role text); Type: COMMENT; Schema: api; Owner: estate_owner
--

COMMENT ON FUNCTION api.sp_add_ffc_member(p_ffc_id uuid, p_persona_id uuid, p_role text) IS 'Adds a persona the caller acts for to a circle (owners and admins; admins only below admin).';

--
-- Name: sp_add_payment_method(text, text, text, text, integer, integer, boolean); Type: FUNCTION; Schema: api; Owner: estate_owner
--

CREATE FUNCTION api.sp_add_payment_method(p_stripe_payment_method_id text, p_kind text, p_brand text, p_last4 text, p_exp_month integer, p_exp_year integer, p_make_default boolean) RETURNS SETOF app.payment_method_row
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $_$
#variable_conflict use_column
declare
  v_user_id uuid := app.current_user_id();
  v_tenant_id uuid := app.current_tenant_id();
  v_count integer;
  v_default boolean;
begin
  if p_stripe_payment_method_id is null or p_stripe_payment_method_id !~ '^pm_[A-Za-z0-9]{6,100}$'
     or p_stripe_payment_method_id ~ '[0-9]{12}' then
    perform app.fail('PT400', 'invalid_payment_method_token', 'a payment method is the processor''s pm_ token, never a card number');
  end if;
  if p_kind is null or p_kind not in ('card', 'us_bank_account', 'sepa_debit') then
    perform app.fail('PT400', 'invalid_payment_method_kind', 'kind must be card, us_bank_account or sepa_debit');
  end if;
  if p_brand is null or p_brand !~ '^[a-z_]{2,30}$' then
    perform app.fail('PT400', 'invalid_brand', 'brand must be the processor''s brand name, such as visa');
  end if;
  if p_last4 is null or p_last4 !~ '^[0-9]{4}$' then
    perform app.fail('PT400', 'invalid_last4', 'last4 must be exactly four digits');
  end if;
  if p_kind = 'card' then
    if p_exp_month is null or p_exp_month not between 1 and 12 or p_exp_year is null or p_exp_year not between 2000 and 2100 then
      perform app.fail('PT400', 'invalid_expiry', 'a card needs its expiry month (1-12) and year');
    end if;
    if pg_catalog.make_date(p_exp_year, p_exp_month, 1) + interval '1 month' <= current_date then
      perform app.fail('PT400', 'card_expired', 'this card has expired');
    end if;
  elsif p_exp_month is not null or p_exp_year is not null then
    perform app.fail('PT400', 'invalid_expiry', 'only cards have an expiry');
  end if;

  -- One user's payment-method changes happen one at a time (the default stays unique, the count true).
  perform 1 from app.users u where u.tenant_id = v_tenant_id and u.id = v_user_id for update;
  select count(*), coalesce(bool_or(m.is_default), false) into v_count, v_default
    from app.payment_methods m where m.tenant_id = v_tenant_id and m.user_id = v_user_id and m.status = 'active';
  if v_count >= 10 then
    perform app.fail('PT409', 'too_many_payment_methods', 'at most 10 payment methods: remove one first');
  end if;
  -- Only the caller's own methods count: whether another user stored this token is never told
  -- (it is accepted like any new one; Stripe charges a PaymentMethod only for the customer it is
  -- attached to, so a copy of someone else's token charges no one).
  if exists (select 1 from app.payment_methods m where m.tenant_id = v_tenant_id and m.user_id = v_user_id
                and m.status = 'active' and m.stripe_payment_method_id = p_stripe_payment_method_id) then
    perform app.fail('PT409', 'payment_method_exists', 'this payment method is already stored');
  end if;
  if coalesce(p_make_default, false) or not v_default then
    update app.payment_methods m set is_default = false
     where m.tenant_id = v_tenant_id and m.user_id = v_user_id and m.is_default;
  end if;
  insert into app.payment_methods (tenant_id, user_id, stripe_payment_method_id, kind, brand, last4, exp_month, exp_year, is_default)
  values (v_tenant_id, v_user_id, p_stripe_payment_method_id, p_kind, p_brand, p_last4, p_exp_month, p_exp_year,
          coalesce(p_make_default, false) or not v_default);
  return query select * from app.payment_method_list(v_user_id);
end
$_$;

ALTER FUNCTION api.sp_add_payment_method(p_stripe_payment_method_id text, p_kind text, p_brand text, p_last4 text, p_exp_month integer, p_exp_year integer, p_make_default boolean) OWNER TO estate_owner;

--
-- Name: FUNCTION sp_add_payment_method(p_stripe_payment_method_id text, p_kind text, p_brand text, p_last4 text, p_exp_month integer, p_exp_year integer, p_make_default boolean); Type: COMMENT; Schema: api; Owner: estate_owner
--

COMMENT ON FUNCTION api.sp_add_payment_method(p_stripe_payment_method_id text, p_kind text, p_brand text, p_last4 text, p_exp_month integer, p_exp_year integer, p_make_default boolean) IS 'Stores a payment method collected by Stripe (its pm_ token, brand, last four, expiry); the first one is the default.';

--
-- Name: sp_add_persona_address(uuid, text, text, text, text, text, text, text, boolean); Type: FUNCTION; Schema: api; Owner: estate_owner
--

CREATE FUNCTION api.sp_add_persona_address(p_persona_id uuid, p_line1 text, p_city text, p_country_code text, p_line2 text, p_region text, p_postal_code text, p_label text, p_is_primary boolean) RETURNS uuid
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $_$
declare
  v_tenant_id uuid := app.current_tenant_id();
  v_country text := pg_catalog.upper(pg_catalog.btrim(p_country_code));
  v_id uuid;
begin
  perform app.require_persona_access(app.current_user_id(), p_persona_id);
  if v_country is null or v_country !~ '^[A-Z]{2}$' then
    perform app.fail('PT400', 'invalid_country_code', 'country code must be an ISO 3166-1 alpha-2 code');
  end if;
  if p_label is null or p_label not in ('home', 'mailing', 'work', 'other') then
    perform app.fail('PT400', 'invalid_label', 'address label must be home, mailing, work or other');
  end if;
  if pg_catalog.length(p_line2) > 200 or pg_catalog.length(p_region) > 100 or pg_catalog.length(p_postal_code) > 20 then
    perform app.fail('PT400', 'invalid_address', 'address field too long');
  end if;
  if coalesce(p_is_primary, false) then
    update app.persona_addresses a set is_primary = false
     where a.tenant_id = v_tenant_id and a.persona_id = p_persona_id and a.is_primary;
  end if;
  insert into app.persona_addresses (tenant_id, persona_id, label, line1, line2, city, region, postal_code,
                                     country_code, is_primary)
  values (v_tenant_id, p_persona_id, p_label, app.require_text(p_line1, 'invalid_line1', 200),
          nullif(pg_catalog.btrim(p_line2), ''), app.require_text(p_city, 'invalid_city', 100),
          nullif(pg_catalog.btrim(p_region), ''), nullif(pg_catalog.btrim(p_postal_code), ''), v_country,
          coalesce(p_is_primary, false))
  returning id into v_id;
  return v_id;
end
$_$;

ALTER FUNCTION api.sp_add_persona_address(p_persona_id uuid, p_line1 text, p_city text, p_country_code text, p_line2 text, p_region text, p_postal_code text, p_label text, p_is_primary boolean) OWNER TO estate_owner;

--
-- Name: FUNCTION sp_add_persona_address(p_persona_id uuid, p_line1 text, p_city text, p_country_code text, p_line2 text, p_region text, p_postal_code text, p_label text, p_is_primary boolean); Type: COMMENT; Schema: api; Owner: estate_owner
--

COMMENT ON FUNCTION api.sp_add_persona_address(p_persona_id uuid, p_line1 text, p_city text, p_country_code text, p_line2 text, p_region text, p_postal_code text, p_label text, p_is_primary boolean) IS 'Adds a postal address to a persona; a new primary one demotes the old.';

--
-- Name: sp_add_persona_email(uuid, text, text, boolean); Type: FUNCTION; Schema: api; Owner: estate_owner
--

CREATE FUNCTION api.sp_add_persona_email(p_persona_id uuid, p_email text, p_label text, p_is_primary boolean) RETURNS uuid
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
declare
  v_tenant_id uuid := app.current_tenant_id();
  v_email text;
  v_id uuid;
begin
  perform app.require_persona_access(app.current_user_id(), p_persona_id);
  v_email := app.normalize_email(p_email);
  if p_label is null or p_label not in ('personal', 'work', 'other') then
    perform app.fail('PT400', 'invalid_label', 'email label must be personal, work or other');
  end if;
  if exists (select 1 from app.persona_emails e where e.tenant_id = v_tenant_id and e.persona_id = p_persona_id
                and pg_catalog.lower(e.email) = v_email) then
    perform app.fail('PT409', 'contact_exists', 'this persona already has this email');
  end if;
  if coalesce(p_is_primary, false) then
    update app.persona_emails e set is_primary = false
     where e.tenant_id = v_tenant_id and e.persona_id = p_persona_id and e.is_primary;
  end if;
  insert into app.persona_emails (tenant_id, persona_id, email, label, is_primary)
  values (v_tenant_id, p_persona_id, v_email, p_label, coalesce(p_is_primary, false))
  returning id into v_id;
  return v_id;
end
$$;

ALTER FUNCTION api.sp_add_persona_email(p_persona_id uuid, p_email text, p_label text, p_is_primary boolean) OWNER TO estate_owner;

--
-- Name: FUNCTION sp_add_persona_email(p_persona_id uuid, p_email text, p_label text, p_is_primary boolean); Type: COMMENT; Schema: api; Owner: estate_owner
--

COMMENT ON FUNCTION api.sp_add_persona_email(p_persona_id uuid, p_email text, p_label text, p_is_primary boolean) IS 'Adds an e-mail address to a persona; a new primary one demotes the old.';

--
-- Name: sp_add_persona_phone(uuid, text, text, boolean); Type: FUNCTION; Schema: api; Owner: estate_owner
--

CREATE FUNCTION api.sp_add_persona_phone(p_persona_id uuid, p_phone_number text, p_label text, p_is_primary boolean) RETURNS uuid
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $_$
declare
  v_tenant_id uuid := app.current_tenant_id();
  v_phone text := pg_catalog.regexp_replace(coalesce(p_phone_number, ''), '[\s().-]', '', 'g');
  v_id uuid;
begin
  perform app.require_persona_access(app.current_user_id(), p_persona_id);
  if v_phone !~ '^\+[1-9][0-9]{6,14}$' then
    perform app.fail('PT400', 'invalid_phone_number', 'phone number must be in international format, e.g. +14155550123');
  end if;
  if p_label is null or p_label not in ('mobile', 'home', 'work', 'other') then
    perform app.fail('PT400', 'invalid_label', 'phone label must be mobile, home, work or other');
  end if;
  if exists (select 1 from app.persona_phones ph where ph.tenant_id = v_tenant_id and ph.persona_id = p_persona_id
                and ph.phone_number = v_phone) then
    perform app.fail('PT409', 'contact_exists', 'this persona already has this phone number');
  end if;
  if coalesce(p_is_primary, false) then
    update app.persona_phones ph set is_primary = false
     where ph.tenant_id = v_tenant_id and ph.persona_id = p_persona_id and ph.is_primary;
  end if;
  insert into app.persona_phones (tenant_id, persona_id, phone_number, label, is_primary)
  values (v_tenant_id, p_persona_id, v_phone, p_label, coalesce(p_is_primary, false))
  returning id into v_id;
  return v_id;
end
$_$;

ALTER FUNCTION api.sp_add_persona_phone(p_persona_id uuid, p_phone_number text, p_label text, p_is_primary boolean) OWNER TO estate_owner;

--
-- Name: FUNCTION sp_add_persona_phone(p_persona_id uuid, p_phone_number text, p_label text, p_is_primary boolean); Type: COMMENT; Schema: api; Owner: estate_owner
--

COMMENT ON FUNCTION api.sp_add_persona_phone(p_persona_id uuid, p_phone_number text, p_label text, p_is_primary boolean) IS 'Adds a phone number (E.164) to a persona; a new primary one demotes the old.';

--
-- Name: sp_approve_support_access_request(uuid); Type: FUNCTION; Schema: api; Owner: estate_owner
--

CREATE FUNCTION api.sp_approve_support_access_request(p_request_id uuid) RETURNS TABLE(request_id uuid, kind text, state text, reason text, ticket_ref text, minutes integer, requested_at timestamp with time zone, respond_by timestamp with time zone, decided_at timestamp with time zone, expires_at timestamp with time zone, ended_at timestamp with time zone, view_count integer, last_viewed_at timestamp with time zone)
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
declare
  v_row app.support_access_requests := app.my_support_access_request(p_request_id);
begin
  if app.support_access_state(v_row.status, v_row.respond_by, v_row.expires_at) <> 'pending' then
    perform app.fail('PT409', 'access_request_not_pending', 'this request is no longer waiting for a decision');
  end if;
  -- The minutes run from the user's approval, not from the request.
  update app.support_access_requests r
     set status = 'approved', decided_by = app.current_actor_id(), decided_at = pg_catalog.now(),
         expires_at = pg_catalog.now() + pg_catalog.make_interval(mins => r.minutes)
   where r.tenant_id = v_row.tenant_id and r.id = v_row.id;
  return query select * from app.my_support_access_request_row(v_row.id);
end
$$;

ALTER FUNCTION api.sp_approve_support_access_request(p_request_id uuid) OWNER TO estate_owner;

--
-- Name: FUNCTION sp_approve_support_access_request(p_request_id uuid); Type: COMMENT; Schema: api; Owner: estate_owner
--

COMMENT ON FUNCTION api.sp_approve_support_access_request(p_request_id uuid) IS 'The signed-in user lets support see their data beyond the masked view for the minutes asked, from now.';

--
-- Name: sp_assign_asset_to_entity(uuid, uuid, numeric, text); Type: FUNCTION; Schema: api; Owner: estate_owner
--

CREATE FUNCTION api.sp_assign_asset_to_entity(p_asset_id uuid, p_entity_id uuid, p_percentage numeric, p_ownership_form text) RETURNS TABLE(asset_id uuid, entity_id uuid, ownership_percentage numeric, ownership_form text, total_percentage numeric)
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
#variable_conflict use_column
declare
  v_user_id uuid := app.current_user_id();
  v_tenant_id uuid := app.current_tenant_id();
  v_others numeric;
begin
  -- An owner of the asset who also controls the entity (the grantor funding their trust).
  perform app.require_asset_access(v_user_id, p_asset_id, 'owner');
  perform app.require_entity_access(v_user_id, p_entity_id);
  perform app.check_ownership(p_percentage, p_ownership_form);
  -- The same queue as every other writer of the asset's shares: the 100% cap holds under concurrency.
  perform 1 from app.assets a where a.tenant_id = v_tenant_id and a.id = p_asset_id for update;
  -- The entity stays while this runs; one deleted meanwhile (sp_delete_legal_entity) is not found.
  perform 1 from app.legal_entities e where e.tenant_id = v_tenant_id and e.id = p_entity_id for key share;
  if not found then
    perform app.fail('PT404', 'entity_not_found', 'entity not found');
  end if;
  select coalesce(sum(o.ownership_percentage), 0) into v_others from app.asset_ownerships o
   where o.tenant_id = v_tenant_id and o.asset_id = p_asset_id and o.entity_id is distinct from p_entity_id;
  if v_others + p_percentage > 100 then
    perform app.fail('PT409', 'ownership_exceeds_100', pg_catalog.format('shares would total %s%%; at most %s%% is left', v_others + p_percentage, 100 - v_others));
  end if;
  insert into app.asset_ownerships (tenant_id, asset_id, entity_id, ownership_percentage, ownership_form)
  values (v_tenant_id, p_asset_id, p_entity_id, p_percentage, p_ownership_form)
  on conflict (tenant_id, asset_id, entity_id) where entity_id is not null
    do update set ownership_percentage = excluded.ownership_percentage, ownership_form = excluded.ownership_form;
  return query select p_asset_id, p_entity_id, p_percentage, p_ownership_form, v_others + p_percentage;
end
$$;

ALTER FUNCTION api.sp_assign_asset_to_entity(p_asset_id uuid, p_entity_id uuid, p_percentage numeric, p_ownership_form text) OWNER TO estate_owner;

--
-- Name: FUNCTION sp_assign_asset_to_entity(p_asset_id uuid, p_entity_id uuid, p_percentage numeric, p_ownership_form text); Type: COMMENT; Schema: api; Owner: estate_owner
--

COMMENT ON FUNCTION api.sp_assign_asset_to_entity(p_asset_id uuid, p_entity_id uuid, p_percentage numeric, p_ownership_form text) IS 'Sets an entity''s share of an asset (an owner who controls the entity), out of the unallocated part; never above 100% in all.';

--
-- Name: sp_assign_asset_to_persona(uuid, uuid, numeric, text); Type: FUNCTION; Schema: api; Owner: estate_owner
--

CREATE FUNCTION api.sp_assign_asset_to_persona(p_asset_id uuid, p_persona_id uuid, p_percentage numeric, p_ownership_form text) RETURNS TABLE(asset_id uuid, persona_id uuid, ownership_percentage numeric, ownership_form text, total_percentage numeric)
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
#variable_conflict use_column
declare
  v_user_id uuid := app.current_user_id();
  v_tenant_id uuid := app.current_tenant_id();
  v_others numeric;
begin
  -- Ownership changes need ownership: an edit grant is never enough (docs/authorization.md).
  perform app.require_asset_access(v_user_id, p_asset_id, 'owner');
  if not app.user_can_reference_persona(v_user_id, p_persona_id) then
    perform app.fail('PT404', 'persona_not_found', 'persona not found');
  end if;
  perform app.check_ownership(p_percentage, p_ownership_form);
  -- Writers of one asset's shares queue on its row: the 100% cap holds under concurrency.
  perform 1 from app.assets a where a.tenant_id = v_tenant_id and a.id = p_asset_id for update;
  -- A share that exists is its holder's: only someone acting for that persona sets it. A new
  -- owner's share comes out of the unallocated part (the cap below), never out of another share.
  if exists (select 1 from app.asset_ownerships o
              where o.tenant_id = v_tenant_id and o.asset_id = p_asset_id and o.persona_id = p_persona_id)
     and not exists (select 1 from app.acting_persona_ids(v_user_id) a where a = p_persona_id) then
    perform app.fail('PT403', 'share_not_yours', 'only that owner, or someone acting for them, may change their share');
  end if;
  select coalesce(sum(o.ownership_percentage), 0) into v_others from app.asset_ownerships o
   where o.tenant_id = v_tenant_id and o.asset_id = p_asset_id and o.persona_id is distinct from p_persona_id;
  if v_others + p_percentage > 100 then
    perform app.fail('PT409', 'ownership_exceeds_100', pg_catalog.format('shares would total %s%%; at most %s%% is left', v_others + p_percentage, 100 - v_others));
  end if;
  insert into app.asset_ownerships (tenant_id, asset_id, persona_id, ownership_percentage, ownership_form)
  values (v_tenant_id, p_asset_id, p_persona_id, p_percentage, p_ownership_form)
  on conflict (tenant_id, asset_id, persona_id)
    do update set ownership_percentage = excluded.ownership_percentage, ownership_form = excluded.ownership_form;
  return query select p_asset_id, p_persona_id, p_percentage, p_ownership_form, v_others + p_percentage;
end
$$;

ALTER FUNCTION api.sp_assign_asset_to_persona(p_asset_id uuid, p_persona_id uuid, p_percentage numeric, p_ownership_form text) OWNER TO estate_owner;

--
-- Name: FUNCTION sp_assign_asset_to_persona(p_asset_id uuid, p_persona_id uuid, p_percentage numeric, p_ownership_form text); Type: COMMENT; Schema: api; Owner: estate_owner
--

COMMENT ON FUNCTION api.sp_assign_asset_to_persona(p_asset_id uuid, p_persona_id uuid, p_percentage numeric, p_ownership_form text) IS 'Sets a share of an asset (owners only): a new owner''s from the unallocated part, an existing share only by whoever acts for its holder; never above 100% in all.';

--
-- Name: sp_assign_free_plan(); Type: FUNCTION; Schema: api; Owner: estate_owner
--

CREATE FUNCTION api.sp_assign_free_plan() RETURNS TABLE(subscription_id uuid, plan_code text, status text)
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
#variable_conflict use_column
declare
  v_user_id uuid := app.current_user_id();
  v_tenant_id uuid := app.current_tenant_id();
  v_subscription_id uuid;
begin
  -- Serialises with a concurrent assignment for the same user through the one-live-per-user index.
  select s.id into v_subscription_id from app.subscriptions s
   where s.tenant_id = v_tenant_id and s.user_id = v_user_id and s.ended_at is null;
  if v_subscription_id is null then
    v_subscription_id := app.start_free_subscription(v_user_id, 'system');
  end if;
  return query select s.id, p.code, s.status from app.subscriptions s join app.subscription_plans p on p.id = s.plan_id
                where s.tenant_id = v_tenant_id and s.id = v_subscription_id;
end
$$;

ALTER FUNCTION api.sp_assign_free_plan() OWNER TO estate_owner;

--
-- Name: FUNCTION sp_assign_free_plan(); Type: COMMENT; Schema: api; Owner: estate_owner
--

COMMENT ON FUNCTION api.sp_assign_free_plan() IS 'Gives the signed-in user the free plan unless they already have a live subscription (runs inside registration).';

--
-- Name: sp_authenticate_api_key(text, bytea); Type: FUNCTION; Schema: api; Owner: estate_owner
--

CREATE FUNCTION api.sp_authenticate_api_key(p_prefix text, p_secret_sha256 bytea) RETURNS TABLE(tenant_id uuid, api_key_id uuid, expires_at timestamp with time zone)
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $_$
#variable_conflict use_column
declare
  v_tenant_id uuid;
  v_id uuid;
  v_expires_at timestamptz;
  v_last_used_at timestamptz;
begin
  -- Opens the cross-tenant lookup policy of app.api_keys for the lookup and the last use only, and
  -- closes it before anything else runs; an error on the way aborts the (sub)transaction, which
  -- undoes the setting with it.
  perform pg_catalog.set_config('app.api_key_lookup', 'on', true);
  -- Unknown, wrong, revoked and expired keys: one answer, whatever was wrong.
  if p_prefix is not null and p_prefix ~ '^[0-9a-f]{16}$' and pg_catalog.octet_length(p_secret_sha256) = 32 then
    select k.tenant_id, k.id, k.expires_at, k.last_used_at into v_tenant_id, v_id, v_expires_at, v_last_used_at
      from app.api_keys k
     where k.prefix = p_prefix and k.secret_sha256 = p_secret_sha256
       and k.revoked_at is null and k.expires_at > pg_catalog.now();
  end if;
  if v_id is null then
    perform pg_catalog.set_config('app.api_key_lookup', '', true);
    perform app.fail('PT401', 'api_key_invalid', 'the API key is not valid (unknown, expired or revoked)');
  end if;
  -- The last use, at most once a minute: not a write per request.
  if v_last_used_at is null or v_last_used_at < pg_catalog.now() - interval '1 minute' then
    update app.api_keys k set last_used_at = pg_catalog.now() where k.tenant_id = v_tenant_id and k.id = v_id;
  end if;
  perform pg_catalog.set_config('app.api_key_lookup', '', true);
  return query select v_tenant_id, v_id, v_expires_at;
end
$_$;

ALTER FUNCTION api.sp_authenticate_api_key(p_prefix text, p_secret_sha256 bytea) OWNER TO estate_owner;

--
-- Name: FUNCTION sp_authenticate_api_key(p_prefix text, p_secret_sha256 bytea); Type: COMMENT; Schema: api; Owner: estate_owner
--

COMMENT ON FUNCTION api.sp_authenticate_api_key(p_prefix text, p_secret_sha256 bytea) IS 'Finds a live API key by its public prefix and the SHA-256 of its secret, across tenants (api_key_invalid for an unknown, wrong, revoked or expired key), records its use at most once a minute, and names its tenant and id.';

--
-- Name: sp_authenticate_user(text, text, inet); Type: FUNCTION; Schema: api; Owner: estate_owner
--

CREATE FUNCTION api.sp_authenticate_user(p_session_ref text, p_user_agent text DEFAULT NULL::text, p_ip_address inet DEFAULT NULL::inet) RETURNS SETOF app.user_profile_row
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
#variable_conflict use_column
declare
  v_user_id uuid := app.current_user_id();
  v_tenant_id uuid := app.current_tenant_id();
  v_session_ref text := app.require_text(p_session_ref, 'invalid_session_ref', 200);
begin
  update app.users u set last_login_at = pg_catalog.now()
   where u.tenant_id = v_tenant_id and u.id = v_user_id;

  insert into app.user_sessions (tenant_id, user_id, session_ref, user_agent, ip_address)
  values (v_tenant_id, v_user_id, v_session_ref, pg_catalog.left(p_user_agent, 500), p_ip_address)
  on conflict (tenant_id, user_id, session_ref) do update set last_seen_at = pg_catalog.now();

  return query select * from app.user_profile(v_user_id);
end
$$;

ALTER FUNCTION api.sp_authenticate_user(p_session_ref text, p_user_agent text, p_ip_address inet) OWNER TO estate_owner;

--
-- Name: FUNCTION sp_authenticate_user(p_session_ref text, p_user_agent text, p_ip_address inet); Type: COMMENT; Schema: api; Owner: estate_owner
--

COMMENT ON FUNCTION api.sp_authenticate_user(p_session_ref text, p_user_agent text, p_ip_address inet) IS 'Validates a sign-in (active user of an active tenant), records it as a session and returns the profile.';

--
-- Name: sp_begin_security_answer_check(uuid[]); Type: FUNCTION; Schema: api; Owner: estate_owner
--

CREATE FUNCTION api.sp_begin_security_answer_check(p_question_ids uuid[]) RETURNS TABLE(attempt_id uuid, question_id uuid, answer_hash text)
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
#variable_conflict use_column
declare
  v_user_id uuid := app.current_user_id();
  v_tenant_id uuid := app.current_tenant_id();
  v_n integer := coalesce(pg_catalog.cardinality(p_question_ids), 0);
  v_attempt_id uuid;
begin
  if v_n not between 2 and 5 or pg_catalog.array_position(p_question_ids, null) is not null
     or (select pg_catalog.count(distinct q) from pg_catalog.unnest(p_question_ids) q) <> v_n then
    perform app.fail('PT400', 'invalid_security_answers', 'answer 2 to 5 different questions of yours');
  end if;
  -- Another user's question, another tenant's and a random id alike.
  if (select pg_catalog.count(*) from app.security_questions q
       where q.tenant_id = v_tenant_id and q.user_id = v_user_id and q.id = any (p_question_ids)) <> v_n then
    perform app.fail('PT404', 'security_question_not_found', 'security question not found');
  end if;
  -- The attempt is counted (as a failure until the API reports success) before any hash leaves:
  -- concurrent verifications queue here, so at most 5 comparisons run per window.
  perform pg_catalog.pg_advisory_xact_lock(pg_catalog.hashtextextended('security-questions ' || v_user_id::text, 0));
  if (app.security_question_lock(v_user_id)).locked_until is not null then
    perform app.fail('PT429', 'security_questions_locked', 'too many wrong answers: try again later');
  end if;
  insert into app.security_question_attempts (tenant_id, user_id) values (v_tenant_id, v_user_id)
  returning id into v_attempt_id;
  return query
    select v_attempt_id, q.id, q.answer_hash from app.security_questions q
     where q.tenant_id = v_tenant_id and q.user_id = v_user_id and q.id = any (p_question_ids)
     order by q.position;
end
$$;

ALTER FUNCTION api.sp_begin_security_answer_check(p_question_ids uuid[]) OWNER TO estate_owner;

--
-- Name: FUNCTION sp_begin_security_answer_check(p_question_ids uuid[]); Type: COMMENT; Schema: api; Owner: estate_owner
--

COMMENT ON FUNCTION api.sp_begin_security_answer_check(p_question_ids uuid[]) IS 'First half of verifying my security answers: records the attempt (a failure until reported otherwise), refuses while locked, and hands the API the hashes to compare.';

--
-- Name: sp_calculate_estate_flow(uuid, date, text); Type: FUNCTION; Schema: api; Owner: estate_owner
--

CREATE FUNCTION api.sp_calculate_estate_flow(p_persona_id uuid, p_as_of date, p_currency text) RETURNS TABLE(asset_id uuid, asset_name text, route text, recipient_kind text, recipient_persona_id uuid, recipient_entity_id uuid, recipient_name text, amount numeric)
    LANGUAGE plpgsql STABLE SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
#variable_conflict use_column
declare
  v_tenant_id uuid := app.current_tenant_id();
begin
  perform app.require_persona_access(app.current_user_id(), p_persona_id);
  perform app.check_net_worth_input(p_as_of, p_currency);
  return query
  with holdings as (
    -- The persona's own shares, and the shares held by revocable trusts the persona is a grantor of.
    select pg_catalog.row_number() over () as hid, o.asset_id, a.name, a.is_liability, o.ownership_percentage as pct,
           o.ownership_form::text as form, o.entity_id as via_entity
      from app.asset_ownerships o join app.assets a on a.tenant_id = o.tenant_id and a.id = o.asset_id
     where o.tenant_id = v_tenant_id and a.status = 'active'
       and (o.persona_id = p_persona_id
            or o.entity_id in (select e.id from app.legal_entities e join app.legal_entity_roles r on r.tenant_id = e.tenant_id and r.entity_id = e.id
                                where e.tenant_id = v_tenant_id and e.entity_kind = 'revocable_trust'
                                  and r.role = 'grantor' and r.persona_id = p_persona_id))
  ),
  valued as (
    select h.*, x.amount * app.exchange_rate(x.currency, p_currency, p_as_of) * h.pct / 100 as gross
      from holdings h
      cross join lateral (select v.amount, v.currency from app.asset_valuations v
                           where v.tenant_id = v_tenant_id and v.asset_id = h.asset_id and v.valued_on <= p_as_of
                           order by v.valued_on desc, v.created_at desc limit 1) x
  ),
  survivors as (
    -- A joint tenant's share goes to the surviving joint tenants, equally.
    select v.hid, o.persona_id, p.first_name || ' ' || p.last_name as name, pg_catalog.count(*) over (partition by v.hid) as n
      from valued v
      join app.asset_ownerships o on o.tenant_id = v_tenant_id and o.asset_id = v.asset_id
      join app.personas p on p.tenant_id = o.tenant_id and p.id = o.persona_id
     where v.via_entity is null and not v.is_liability and v.form = 'joint_tenancy_wros'
       and o.ownership_form = 'joint_tenancy_wros' and o.persona_id <> p_persona_id and app.is_alive_on(o.persona_id, p_as_of)
  ),
  designated as (
    select v.hid, d.* from valued v
     cross join lateral app.designation_recipients(case when v.via_entity is null then v.asset_id end, v.via_entity, null, p_as_of) d
     where not v.is_liability and v.hid not in (select s.hid from survivors s)
  ),
  passes as (
    select v.asset_id, v.name as asset_name, 'survivorship'::text as route, 'persona'::text as kind, s.persona_id,
           null::uuid as entity_id, s.name as recipient_name, v.gross / s.n as amount
      from valued v join survivors s on s.hid = v.hid
    union all
    select v.asset_id, v.name, case when v.via_entity is null then 'beneficiary_designation' else 'trust' end, d.kind,
           d.persona_id, d.entity_id, d.name, v.gross * d.fraction
      from valued v join designated d on d.hid = v.hid
     where d.kind <> 'estate'
    union all
    -- A trust with no designation of its own keeps what it holds.
    select v.asset_id, v.name, 'trust', 'entity', null, v.via_entity, e.name, v.gross
      from valued v join app.legal_entities e on e.tenant_id = v_tenant_id and e.id = v.via_entity
     where not v.is_liability and v.hid not in (select d.hid from designated d)
    union all
    -- Probate: a direct asset with no survivor and no designation, or the part designated to the estate.
    select v.asset_id, v.name, 'probate', 'estate', null, null, 'Probate estate',
           v.gross * coalesce((select sum(d.fraction) from designated d where d.hid = v.hid and d.kind = 'estate'), 1)
      from valued v
     where not v.is_liability and v.hid not in (select s.hid from survivors s)
       and ((v.via_entity is null and v.hid not in (select d.hid from designated d))
            or v.hid in (select d.hid from designated d where d.kind = 'estate'))
  ),
  secured as (
    -- A debt secured by an asset (app.debt_collateral): what is owed (the persona's or its trust's
    -- share) and what of the asset passes at the death, whoever receives it.
    select v.hid, v.asset_id as debt_id, v.name as debt_name, v.gross as owed, c.secured_asset_id,
           coalesce((select sum(p.amount) from passes p where p.asset_id = c.secured_asset_id), 0) as passing
      from valued v join app.debt_collateral c on c.tenant_id = v_tenant_id and c.debt_asset_id = v.asset_id
     where v.is_liability
  ),
  netted as (
    -- Netted against the asset up to what of it passes (several debts on one asset: in proportion).
    select k.*, case when k.passing <= 0 then 0
                     else k.owed * least(1, k.passing / nullif(sum(k.owed) over (partition by k.secured_asset_id), 0)) end as netted
      from secured k
  ),
  portions as (
    select * from passes
    union all
    -- A secured debt goes with its asset: each recipient of the asset takes it less the debt, in proportion.
    select n.debt_id, n.debt_name, 'secured_debt', p.kind, p.persona_id, p.entity_id, p.recipient_name,
           -n.netted * p.amount / n.passing
      from netted n join passes p on p.asset_id = n.secured_asset_id
     where n.netted > 0
    union all
    -- Unsecured debts the persona owes, and what a secured debt owes beyond its asset, come out of the probate estate.
    select v.asset_id, v.name, 'debt', 'estate', null, null, 'Probate estate', -(v.gross - coalesce(n.netted, 0))
      from valued v left join netted n on n.hid = v.hid
     where v.is_liability and ((n.hid is null and v.via_entity is null) or v.gross - n.netted > 0)
  ),
  pool as (select greatest(coalesce(sum(p.amount) filter (where p.route in ('probate', 'debt')
                                                              or (p.route = 'secured_debt' and p.kind = 'estate')), 0), 0) as net
             from portions p),
  residuary as (
    select null::uuid, null::text, 'residuary'::text, r.kind, r.persona_id, r.entity_id, r.name, pool.net * r.fraction
      from pool cross join app.designation_recipients(null, null, p_persona_id, p_as_of) r
    union all
    -- No residuary beneficiary recorded (or none survives): intestacy decides, not modelled here.
    select null::uuid, null::text, 'residuary', 'estate', null::uuid, null::uuid, 'Heirs at law (no residuary beneficiary)', pool.net
      from pool where not exists (select 1 from app.designation_recipients(null, null, p_persona_id, p_as_of))
  )
  select f.asset_id, f.asset_name, f.route, f.kind, f.persona_id, f.entity_id, f.recipient_name, pg_catalog.round(f.amount, 2)
    from (select * from portions union all select * from residuary) f
   order by case f.route when 'survivorship' then 1 when 'beneficiary_designation' then 2 when 'trust' then 3
                         when 'secured_debt' then 4 when 'probate' then 5 when 'debt' then 6 else 7 end,
            f.asset_name, f.recipient_name, f.persona_id;
end
$$;

ALTER FUNCTION api.sp_calculate_estate_flow(p_persona_id uuid, p_as_of date, p_currency text) OWNER TO estate_owner;

--
-- Name: FUNCTION sp_calculate_estate_flow(p_persona_id uuid, p_as_of date, p_currency text); Type: COMMENT; Schema: api; Owner: estate_owner
--

COMMENT ON FUNCTION api.sp_calculate_estate_flow(p_persona_id uuid, p_as_of date, p_currency text) IS 'How each asset passes at a persona''s death on a date, in one currency: to surviving joint tenants, by designation, through a revocable trust, or through probate (less debts) to the will''s residuary beneficiaries; a secured debt goes with its asset, netted against what each recipient takes.';

--
-- Name: sp_calculate_ffc_net_worth(uuid, date, text); Type: FUNCTION; Schema: api; Owner: estate_owner
--

CREATE FUNCTION api.sp_calculate_ffc_net_worth(p_ffc_id uuid, p_as_of date, p_currency text) RETURNS TABLE(ffc_id uuid, as_of date, currency text, total_assets numeric, total_liabilities numeric, net_worth numeric, asset_count integer)
    LANGUAGE plpgsql STABLE SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
#variable_conflict use_column
declare
  v_user_id uuid := app.current_user_id('net_worth:read');
begin
  perform app.require_ffc_role(v_user_id, p_ffc_id, 'viewer');
  perform app.check_net_worth_input(p_as_of, p_currency);
  -- Each member gets the total over the assets they may see: nothing of an asset hidden from them.
  return query
    select p_ffc_id, p_as_of, p_currency, n.total_assets, n.total_liabilities, n.net_worth, n.asset_count
      from app.net_worth_of(array(select m.persona_id from app.ffc_memberships m
                                   where m.tenant_id = app.current_tenant_id() and m.ffc_id = p_ffc_id and m.status = 'active'),
                            p_as_of, p_currency, v_user_id) n;
end
$$;

ALTER FUNCTION api.sp_calculate_ffc_net_worth(p_ffc_id uuid, p_as_of date, p_currency text) OWNER TO estate_owner;

--
-- Name: FUNCTION sp_calculate_ffc_net_worth(p_ffc_id uuid, p_as_of date, p_currency text); Type: COMMENT; Schema: api; Owner: estate_owner
--

COMMENT ON FUNCTION api.sp_calculate_ffc_net_worth(p_ffc_id uuid, p_as_of date, p_currency text) IS 'Net worth of a whole circle as the caller may see it: what its members own together, over the assets the caller may view, each counted once.';

--
-- Name: sp_calculate_look_through_net_worth(uuid, date, text); Type: FUNCTION; Schema: api; Owner: estate_owner
--

CREATE FUNCTION api.sp_calculate_look_through_net_worth(p_persona_id uuid, p_as_of date, p_currency text) RETURNS TABLE(persona_id uuid, as_of date, currency text, total_assets numeric, total_liabilities numeric, net_worth numeric, asset_count integer)
    LANGUAGE plpgsql STABLE SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
#variable_conflict use_column
begin
  perform app.require_persona_access(app.current_user_id(), p_persona_id);
  perform app.check_net_worth_input(p_as_of, p_currency);
  return query select p_persona_id, p_as_of, p_currency, n.total_assets, n.total_liabilities, n.net_worth, n.asset_count
                 from app.look_through_net_worth(p_persona_id, null, p_as_of, p_currency) n;
end
$$;

ALTER FUNCTION api.sp_calculate_look_through_net_worth(p_persona_id uuid, p_as_of date, p_currency text) OWNER TO estate_owner;

--
-- Name: FUNCTION sp_calculate_look_through_net_worth(p_persona_id uuid, p_as_of date, p_currency text); Type: COMMENT; Schema: api; Owner: estate_owner
--

COMMENT ON FUNCTION api.sp_calculate_look_through_net_worth(p_persona_id uuid, p_as_of date, p_currency text) IS 'Net worth of a persona the caller acts for, looking through the entities it holds (with their shares, down every chain), each asset counted once.';

--
-- Name: sp_calculate_net_worth(uuid, date, text); Type: FUNCTION; Schema: api; Owner: estate_owner
--

CREATE FUNCTION api.sp_calculate_net_worth(p_persona_id uuid, p_as_of date, p_currency text) RETURNS TABLE(persona_id uuid, as_of date, currency text, total_assets numeric, total_liabilities numeric, net_worth numeric, asset_count integer)
    LANGUAGE plpgsql STABLE SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
#variable_conflict use_column
begin
  perform app.require_persona_access(app.current_user_id('net_worth:read'), p_persona_id);
  perform app.check_net_worth_input(p_as_of, p_currency);
  return query select p_persona_id, p_as_of, p_currency, n.total_assets, n.total_liabilities, n.net_worth, n.asset_count
                 from app.net_worth_of(array[p_persona_id], p_as_of, p_currency) n;
end
$$;

ALTER FUNCTION api.sp_calculate_net_worth(p_persona_id uuid, p_as_of date, p_currency text) OWNER TO estate_owner;

--
-- Name: FUNCTION sp_calculate_net_worth(p_persona_id uuid, p_as_of date, p_currency text); Type: COMMENT; Schema: api; Owner: estate_owner
--

COMMENT ON FUNCTION api.sp_calculate_net_worth(p_persona_id uuid, p_as_of date, p_currency text) IS 'Net worth of a persona the caller acts for: assets minus debts, weighted by ownership, as of a date, in one currency.';

--
-- Name: sp_calculate_net_worth_history(uuid, date, date, text); Type: FUNCTION; Schema: api; Owner: estate_owner
--

CREATE FUNCTION api.sp_calculate_net_worth_history(p_persona_id uuid, p_from date, p_to date, p_currency text) RETURNS TABLE(as_of date, total_assets numeric, total_liabilities numeric, net_worth numeric)
    LANGUAGE plpgsql STABLE SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
#variable_conflict use_column
begin
  perform app.require_persona_access(app.current_user_id('net_worth:read'), p_persona_id);
  perform app.check_net_worth_input(p_to, p_currency);
  if p_from is null or p_from > p_to or p_from < p_to - interval '10 years' then
    perform app.fail('PT400', 'invalid_range', 'the range must start before it ends and span at most 10 years');
  end if;
  -- One point at the end of each month in the range, and one at p_to.
  return query
    select d.point, n.total_assets, n.total_liabilities, n.net_worth
      from (select distinct least((pg_catalog.date_trunc('month', m) + interval '1 month - 1 day')::date, p_to) as point
              from pg_catalog.generate_series(pg_catalog.date_trunc('month', p_from), p_to, interval '1 month') m) d
      cross join lateral app.net_worth_of(array[p_persona_id], d.point, p_currency) n
     order by d.point;
end
$$;

ALTER FUNCTION api.sp_calculate_net_worth_history(p_persona_id uuid, p_from date, p_to date, p_currency text) OWNER TO estate_owner;

--
-- Name: FUNCTION sp_calculate_net_worth_history(p_persona_id uuid, p_from date, p_to date, p_currency text); Type: COMMENT; Schema: api; Owner: estate_owner
--

COMMENT ON FUNCTION api.sp_calculate_net_worth_history(p_persona_id uuid, p_from date, p_to date, p_currency text) IS 'Monthly net-worth points (each month''s end, and the last day) of a persona over a range of at most 10 years.';

--
-- Name: sp_calculate_usage(); Type: FUNCTION; Schema: api; Owner: estate_owner
--

CREATE FUNCTION api.sp_calculate_usage() RETURNS TABLE(metric text, used bigint, usage_limit bigint, remaining bigint, plan_code text)
    LANGUAGE plpgsql STABLE SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
#variable_conflict use_column
declare
  v_user_id uuid := app.current_user_id();
  v_tenant_id uuid := app.current_tenant_id();
  v_plan_id uuid := app.effective_plan_id(v_tenant_id, v_user_id);
  v_limits record;
begin
  select * into v_limits from app.plan_limits(v_tenant_id, v_plan_id);
  return query
    select m.metric, coalesce(r.quantity, 0), m.allowed, greatest(m.allowed - coalesce(r.quantity, 0), 0),
           (select p.code from app.subscription_plans p where p.id = v_plan_id)
      from (values (1, 'ffcs', v_limits.max_ffcs), (2, 'seats', v_limits.max_seats), (3, 'assets', v_limits.max_assets),
                   (4, 'storage_bytes', v_limits.max_storage_bytes)) as m(ord, metric, allowed)
      left join app.usage_records r on r.tenant_id = v_tenant_id and r.user_id = v_user_id and r.metric = m.metric
     order by m.ord;
end
$$;

ALTER FUNCTION api.sp_calculate_usage() OWNER TO estate_owner;

--
-- Name: FUNCTION sp_calculate_usage(); Type: COMMENT; Schema: api; Owner: estate_owner
--

COMMENT ON FUNCTION api.sp_calculate_usage() IS 'The signed-in user''s circles, seats, assets and storage in use, against the limits of the plan in force (NULL = unlimited).';

--
-- Name: sp_cancel_subscription(boolean); Type: FUNCTION; Schema: api; Owner: estate_owner
--

CREATE FUNCTION api.sp_cancel_subscription(p_at_period_end boolean) RETURNS SETOF app.subscription_row
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
#variable_conflict use_column
declare
  v_user_id uuid := app.current_user_id();
  v_tenant_id uuid := app.current_tenant_id();
  v_subscription app.subscriptions := app.live_subscription(v_user_id);
  v_free_id uuid;
begin
  if p_at_period_end is null then
    perform app.fail('PT400', 'invalid_cancel_mode', 'say whether to cancel at the period''s end or now');
  end if;
  if v_subscription.plan_id = app.free_plan_id() then
    perform app.fail('PT409', 'no_paid_subscription', 'the free plan cannot be canceled');
  end if;
  -- While Stripe collects for it, Stripe ends it: at the period's end (its deleted event then
  -- ends it here). Ending it here first would leave Stripe charging for a plan no longer given.
  if v_subscription.stripe_subscription_id is not null and not p_at_period_end then
    perform app.fail('PT409', 'stripe_cancellation_required',
      'a subscription Stripe bills ends in Stripe: cancel at the period''s end, or cancel it in Stripe');
  end if;
  if v_subscription.stripe_subscription_id is not null then
    update app.subscriptions s set cancel_at_period_end = true, canceled_at = pg_catalog.now()
     where s.tenant_id = v_tenant_id and s.id = v_subscription.id;
    perform app.record_plan_change(v_subscription.id, v_subscription.plan_id, v_subscription.plan_id, 'canceled', 'user', v_user_id);
    return query select * from app.subscription_view(v_subscription.id);
    return;
  end if;
  update app.subscriptions s set status = 'canceled', canceled_at = pg_catalog.now(), ended_at = pg_catalog.now(),
                                 cancel_at_period_end = false
   where s.tenant_id = v_tenant_id and s.id = v_subscription.id;
  perform app.record_plan_change(v_subscription.id, v_subscription.plan_id, v_subscription.plan_id, 'canceled', 'user', v_user_id);
  -- Two statements: the view must run after the insert to see the new row.
  v_free_id := app.start_free_subscription(v_user_id, 'user', 'reverted_to_free');
  return query select * from app.subscription_view(v_free_id);
end
$$;

ALTER FUNCTION api.sp_cancel_subscription(p_at_period_end boolean) OWNER TO estate_owner;

--
-- Name: FUNCTION sp_cancel_subscription(p_at_period_end boolean); Type: COMMENT; Schema: api; Owner: estate_owner
--

COMMENT ON FUNCTION api.sp_cancel_subscription(p_at_period_end boolean) IS 'Cancels the signed-in user''s paid subscription: at the period''s end when Stripe bills it, at once when it does not yet (then the free plan applies).';

--
-- Name: sp_check_estate_plan(uuid, date); Type: FUNCTION; Schema: api; Owner: estate_owner
--

CREATE FUNCTION api.sp_check_estate_plan(p_persona_id uuid, p_as_of date) RETURNS TABLE(check_code text, asset_id uuid, entity_id uuid, persona_id uuid, level text, percentage numeric, detail text)
    LANGUAGE plpgsql STABLE SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
#variable_conflict use_column
declare
  v_user_id uuid := app.current_user_id();
  v_tenant_id uuid := app.current_tenant_id();
begin
  perform app.require_persona_access(v_user_id, p_persona_id);
  if p_as_of is null or p_as_of < date '1900-01-01' or p_as_of > current_date + 36600 then
    perform app.fail('PT400', 'invalid_as_of', 'as of must be a date from 1900-01-01 on');
  end if;
  return query
  with my_assets as (
    select o.asset_id, o.ownership_form::text as form, a.name from app.asset_ownerships o
      join app.assets a on a.tenant_id = o.tenant_id and a.id = o.asset_id
     where o.tenant_id = v_tenant_id and o.persona_id = p_persona_id and a.status = 'active' and not a.is_liability
  ),
  my_entities as (
    select distinct e.id, e.entity_kind, e.name from app.legal_entities e
      join app.legal_entity_roles r on r.tenant_id = e.tenant_id and r.entity_id = e.id
     where e.tenant_id = v_tenant_id and r.persona_id = p_persona_id
  ),
  designations as (
    select d.*, coalesce(m.name, me.name) as target_name from app.beneficiary_designations d
      left join my_assets m on m.asset_id = d.asset_id
      left join my_entities me on me.id = d.entity_id
     where d.tenant_id = v_tenant_id and (m.asset_id is not null or me.id is not null)
  ),
  named as (
    select d.*, p.first_name || ' ' || p.last_name as who, p.date_of_birth,
           (p.living_status = 'deceased' and (p.date_of_death is null or p.date_of_death <= p_as_of)) as deceased
      from designations d left join app.personas p on p.tenant_id = d.tenant_id and p.id = d.beneficiary_persona_id
  )
  -- Falls into probate: no beneficiary, and no surviving joint owner to take it.
  select 'probate_asset', m.asset_id, null::uuid, null::uuid, null::text, null::numeric,
         pg_catalog.format('%s has no beneficiary and no joint owner with survivorship: it passes through probate', m.name)
    from my_assets m
   where not exists (select 1 from app.beneficiary_designations d
                      where d.tenant_id = v_tenant_id and d.asset_id = m.asset_id and d.level = 'primary')
     and not (m.form = 'joint_tenancy_wros'
              and exists (select 1 from app.asset_ownerships o where o.tenant_id = v_tenant_id and o.asset_id = m.asset_id
                             and o.ownership_form = 'joint_tenancy_wros' and o.persona_id is distinct from p_persona_id))
  union all
  select 'beneficiary_deceased', n.asset_id, n.entity_id, n.beneficiary_persona_id, n.level, n.percentage,
         pg_catalog.format('%s names %s (%s beneficiary, %s%%), who has died', n.target_name, n.who, n.level, n.percentage)
    from named n where n.deceased
  union all
  -- What the living (and non-persona) beneficiaries of a level still take, when under 100%.
  select 'designation_below_100', n.asset_id, n.entity_id, null::uuid, n.level,
         sum(n.percentage) filter (where not coalesce(n.deceased, false)),
         pg_catalog.format('the %s beneficiaries of %s who can still take total %s%%', n.level, min(n.target_name),
                           coalesce(sum(n.percentage) filter (where not coalesce(n.deceased, false)), 0))
    from named n group by n.asset_id, n.entity_id, n.level
  having coalesce(sum(n.percentage) filter (where not coalesce(n.deceased, false)), 0) < 100
  union all
  select 'minor_named_outright', n.asset_id, n.entity_id, n.beneficiary_persona_id, n.level, n.percentage,
         pg_catalog.format('%s names %s, a minor on %s, outright: a custodian or trust is needed', n.target_name, n.who, p_as_of)
    from named n where n.date_of_birth is not null and n.date_of_birth + interval '18 years' > p_as_of and not n.deceased
  union all
  select 'trust_owns_nothing', null::uuid, e.id, null::uuid, null::text, null::numeric,
         pg_catalog.format('the trust %s holds no asset: an unfunded trust passes nothing', e.name)
    from my_entities e
   where e.entity_kind in ('revocable_trust', 'irrevocable_trust')
     and not exists (select 1 from app.asset_ownerships o where o.tenant_id = v_tenant_id and o.entity_id = e.id)
     and not exists (select 1 from app.entity_interests i where i.tenant_id = v_tenant_id and i.holder_entity_id = e.id)
  order by 1, 2, 3, 4;
end
$$;

ALTER FUNCTION api.sp_check_estate_plan(p_persona_id uuid, p_as_of date) OWNER TO estate_owner;

--
-- Name: FUNCTION sp_check_estate_plan(p_persona_id uuid, p_as_of date); Type: COMMENT; Schema: api; Owner: estate_owner
--

COMMENT ON FUNCTION api.sp_check_estate_plan(p_persona_id uuid, p_as_of date) IS 'What a planner would flag in a persona''s plan as of a date: probate assets, deceased or minor beneficiaries, levels under 100%, unfunded trusts.';

--
-- Name: sp_claim_idempotency_key(text, text); Type: FUNCTION; Schema: api; Owner: estate_owner
--

CREATE FUNCTION api.sp_claim_idempotency_key(p_key text, p_request_hash text) RETURNS TABLE(claimed boolean, response_status integer, response_location text, response_content_type text, response_body text)
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $_$
#variable_conflict use_column
declare
  v_sub text := app.idempotency_caller();
  v_tenant_id uuid := app.current_tenant_id();
  v_row app.idempotency_keys;
begin
  if p_key is null or p_key !~ '^[!-~]{1,255}$' then
    perform app.fail('PT400', 'idempotency_key_invalid', 'the Idempotency-Key must be 1 to 255 visible ASCII characters');
  end if;
  -- Expired keys go: the caller's own at once, the tenant's a few at a time.
  delete from app.idempotency_keys k
   where k.ctid in (select x.ctid from app.idempotency_keys x
                     where x.tenant_id = v_tenant_id and x.expires_at <= pg_catalog.now() limit 20);
  delete from app.idempotency_keys k
   where k.tenant_id = v_tenant_id and k.actor_sub = v_sub and k.idempotency_key = p_key
     and k.expires_at <= pg_catalog.now();
  begin
    -- Waits for a concurrent holder of the key to commit or roll back.
    insert into app.idempotency_keys as k (tenant_id, actor_sub, idempotency_key, request_hash)
    values (v_tenant_id, v_sub, p_key, p_request_hash)
    on conflict (tenant_id, actor_sub, idempotency_key) do nothing;
  exception when lock_not_available then
    perform app.fail('PT409', 'idempotency_key_in_progress',
                     'a request with this Idempotency-Key is still in progress: retry later');
  end;
  if found then
    return query select true, null::integer, null::text, null::text, null::text;
    return;
  end if;
  select * into v_row from app.idempotency_keys k
   where k.tenant_id = v_tenant_id and k.actor_sub = v_sub and k.idempotency_key = p_key;
  if v_row.request_hash is distinct from p_request_hash then
    perform app.fail('PT422', 'idempotency_key_reused',
                     'this Idempotency-Key was used with another request (method, path or body)');
  end if;
  if v_row.response_status is null then
    perform app.fail('PT409', 'idempotency_key_in_progress',
                     'a request with this Idempotency-Key is still in progress: retry later');
  end if;
  return query select false, v_row.response_status, v_row.response_location, v_row.response_content_type, v_row.response_body;
end
$_$;

ALTER FUNCTION api.sp_claim_idempotency_key(p_key text, p_request_hash text) OWNER TO estate_owner;

--
-- Name: FUNCTION sp_claim_idempotency_key(p_key text, p_request_hash text); Type: COMMENT; Schema: api; Owner: estate_owner
--

COMMENT ON FUNCTION api.sp_claim_idempotency_key(p_key text, p_request_hash text) IS 'Claims the caller''s Idempotency-Key for a request (by its hash) in the effect''s transaction: claimed, or the stored answer of the same request; idempotency_key_reused for another request.';

--
-- Name: sp_create_api_key(text, text[], integer, text, bytea); Type: FUNCTION; Schema: api; Owner: estate_owner
--

CREATE FUNCTION api.sp_create_api_key(p_name text, p_scopes text[], p_expires_in_days integer, p_prefix text, p_secret_sha256 bytea) RETURNS TABLE(api_key_id uuid, name text, prefix text, scopes text[], status text, expires_at timestamp with time zone, last_used_at timestamp with time zone, revoked_at timestamp with time zone, created_at timestamp with time zone)
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $_$
#variable_conflict use_column
declare
  -- No scope: a key cannot make keys.
  v_user_id uuid := app.current_user_id();
  v_tenant_id uuid := app.current_tenant_id();
  v_name text := app.require_text(p_name, 'invalid_name', 100);
  v_scopes text[];
  v_key app.api_keys;
begin
  if p_scopes is null or pg_catalog.cardinality(p_scopes) not between 1 and 4
     or not p_scopes <@ array['personas:read', 'assets:read', 'assets:write', 'net_worth:read'] then
    perform app.fail('PT400', 'invalid_scopes',
                     'scopes must be 1 to 4 of personas:read, assets:read, assets:write, net_worth:read');
  end if;
  v_scopes := array(select distinct s from pg_catalog.unnest(p_scopes) s order by s);
  if p_expires_in_days is null or p_expires_in_days not between 1 and 365 then
    perform app.fail('PT400', 'invalid_expiry', 'expiresInDays must be 1 to 365: every key expires within a year');
  end if;
  -- Made by the API (server/plugins/api_keys.ts): a wrong shape is a fault there, refused all the same.
  if p_prefix is null or p_prefix !~ '^[0-9a-f]{16}$' or pg_catalog.octet_length(p_secret_sha256) is distinct from 32 then
    perform app.fail('PT400', 'invalid_api_key_material', 'the key''s prefix or hash is malformed');
  end if;
  -- One creation at a time per user, so that concurrent ones cannot pass the limit together.
  perform 1 from app.users u where u.tenant_id = v_tenant_id and u.id = v_user_id for update;
  if (select pg_catalog.count(*) from app.api_keys k
       where k.tenant_id = v_tenant_id and k.user_id = v_user_id
         and k.revoked_at is null and k.expires_at > pg_catalog.now()) >= 10 then
    perform app.fail('PT409', 'api_key_limit_reached', 'a user holds at most 10 live API keys: revoke one first');
  end if;
  -- How this sign-in was authenticated goes with the key (app.current_api_key checks it against
  -- the tenant's MFA policy on every use).
  insert into app.api_keys (tenant_id, user_id, name, prefix, secret_sha256, scopes, expires_at, created_with_amr)
  values (v_tenant_id, v_user_id, v_name, p_prefix, p_secret_sha256, v_scopes,
          pg_catalog.now() + pg_catalog.make_interval(days => p_expires_in_days), app.token_amr())
  returning * into v_key;
  return query select v_key.id, v_key.name, v_key.prefix, v_key.scopes, app.api_key_status(v_key), v_key.expires_at,
                      v_key.last_used_at, v_key.revoked_at, v_key.created_at;
end
$_$;

ALTER FUNCTION api.sp_create_api_key(p_name text, p_scopes text[], p_expires_in_days integer, p_prefix text, p_secret_sha256 bytea) OWNER TO estate_owner;

--
-- Name: FUNCTION sp_create_api_key(p_name text, p_scopes text[], p_expires_in_days integer, p_prefix text, p_secret_sha256 bytea); Type: COMMENT; Schema: api; Owner: estate_owner
--

COMMENT ON FUNCTION api.sp_create_api_key(p_name text, p_scopes text[], p_expires_in_days integer, p_prefix text, p_secret_sha256 bytea) IS 'Creates an API key acting for the signed-in user within the given scopes, expiring in 1 to 365 days (at most 10 live keys per user); takes the public prefix and the SHA-256 of the secret, never the secret.';

--
-- Name: sp_create_asset(text, text, text, text, uuid, numeric, date, jsonb, text, numeric, text, text, bytea, text); Type: FUNCTION; Schema: api; Owner: estate_owner
--

CREATE FUNCTION api.sp_create_asset(p_asset_type text, p_category_code text, p_name text, p_currency text, p_owner_persona_id uuid, p_initial_value numeric, p_valued_on date, p_details jsonb, p_description text, p_ownership_percentage numeric, p_ownership_form text, p_valuation_source text, p_identifier_ciphertext bytea, p_identifier_last4 text) RETURNS SETOF app.asset_row
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
declare
  v_user_id uuid := app.current_user_id('assets:write');
  v_tenant_id uuid := app.current_tenant_id();
  v_category app.asset_categories;
  v_asset_id uuid;
begin
  -- The details first (type, keys, values): linear in what was sent, before anything else is done.
  perform app.check_asset_details(p_asset_type, p_details);
  select * into v_category from app.asset_categories c where c.code = p_category_code;
  if v_category.code is null or v_category.asset_type <> p_asset_type then
    perform app.fail('PT400', 'invalid_category', pg_catalog.format('category must be one of the %s categories', p_asset_type));
  end if;
  perform app.require_persona_access(v_user_id, p_owner_persona_id);
  if p_initial_value is null or p_initial_value < 0 or p_valued_on is null or p_valued_on > current_date then
    perform app.fail('PT400', 'invalid_valuation', 'an initial value of 0 or more, dated today or earlier, is required');
  end if;
  if (p_identifier_ciphertext is null) <> (p_identifier_last4 is null) then
    perform app.fail('PT400', 'invalid_identifier', 'an identifier comes encrypted with its last four');
  end if;
  if pg_catalog.length(p_description) > 2000 then
    perform app.fail('PT400', 'invalid_description', 'description must be at most 2000 characters');
  end if;

  insert into app.assets (tenant_id, asset_type, category_code, name, description, currency, is_liability,
                          identifier_ciphertext, identifier_last4, created_by_user_id)
  values (v_tenant_id, p_asset_type, p_category_code, app.require_text(p_name, 'invalid_name', 200),
          nullif(pg_catalog.btrim(p_description), ''), app.check_currency(p_currency), v_category.is_liability,
          p_identifier_ciphertext, p_identifier_last4, v_user_id)
  returning id into v_asset_id;

  if p_asset_type = 'life_insurance' then
    perform app.require_persona_access(v_user_id, (p_details ->> 'insuredPersonaId')::uuid);
  end if;
  perform app.insert_asset_details(p_asset_type, v_asset_id, p_details);

  insert into app.asset_valuations (tenant_id, asset_id, valued_on, amount, currency, source, recorded_by_user_id)
  values (v_tenant_id, v_asset_id, p_valued_on, p_initial_value, p_currency, app.check_valuation_source(p_valuation_source), v_user_id);

  perform app.check_ownership(p_ownership_percentage, p_ownership_form);
  insert into app.asset_ownerships (tenant_id, asset_id, persona_id, ownership_percentage, ownership_form)
  values (v_tenant_id, v_asset_id, p_owner_persona_id, p_ownership_percentage, p_ownership_form);

  return query select * from app.asset_view(v_asset_id, 'owner');
end
$$;

ALTER FUNCTION api.sp_create_asset(p_asset_type text, p_category_code text, p_name text, p_currency text, p_owner_persona_id uuid, p_initial_value numeric, p_valued_on date, p_details jsonb, p_description text, p_ownership_percentage numeric, p_ownership_form text, p_valuation_source text, p_identifier_ciphertext bytea, p_identifier_last4 text) OWNER TO estate_owner;

--
-- Name: FUNCTION sp_create_asset(p_asset_type text, p_category_code text, p_name text, p_currency text, p_owner_persona_id uuid, p_initial_value numeric, p_valued_on date, p_details jsonb, p_description text, p_ownership_percentage numeric, p_ownership_form text, p_valuation_source text, p_identifier_ciphertext bytea, p_identifier_last4 text); Type: COMMENT; Schema: api; Owner: estate_owner
--

COMMENT ON FUNCTION api.sp_create_asset(p_asset_type text, p_category_code text, p_name text, p_currency text, p_owner_persona_id uuid, p_initial_value numeric, p_valued_on date, p_details jsonb, p_description text, p_ownership_percentage numeric, p_ownership_form text, p_valuation_source text, p_identifier_ciphertext bytea, p_identifier_last4 text) IS 'Creates an asset in one call: base row, type row (validated), first valuation and first ownership by a persona the caller acts for.';

--
-- Name: sp_create_data_request(text); Type: FUNCTION; Schema: api; Owner: estate_owner
--

CREATE FUNCTION api.sp_create_data_request(p_kind text) RETURNS TABLE(request_id uuid, kind text, status text, received_at timestamp with time zone, due_at timestamp with time zone, completed_at timestamp with time zone, refusal_code text, refusal_reason text, outcome jsonb, archive_expires_at timestamp with time zone, events jsonb)
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
#variable_conflict use_column
declare
  v_user_id uuid := app.lock_current_user();
  v_tenant_id uuid := app.current_tenant_id();
  v_id uuid;
  v_obstacle record;
  v_outcome jsonb;
begin
  if p_kind is null or p_kind not in ('export', 'erasure') then
    perform app.fail('PT400', 'invalid_request_kind', 'kind must be export or erasure');
  end if;
  -- Each request costs a pass over all their data: a few a day is plenty.
  if (select pg_catalog.count(*) from app.data_subject_requests r
       where r.tenant_id = v_tenant_id and r.user_id = v_user_id
         and r.received_at > pg_catalog.now() - interval '1 day') >= 5 then
    perform app.fail('PT429', 'too_many_data_requests', 'at most 5 data requests a day: try again tomorrow');
  end if;
  insert into app.data_subject_requests (tenant_id, user_id, kind, received_at, due_at)
  values (v_tenant_id, v_user_id, p_kind, pg_catalog.now(), pg_catalog.now() + interval '30 days')
  returning id into v_id;
  insert into app.data_subject_request_events (tenant_id, request_id, from_status, to_status, actor_kind, note)
  values (v_tenant_id, v_id, null, 'received', app.current_actor_kind(), 'requested by the data subject');
  perform app.data_request_step(v_id, 'in_progress', 'carried out at once');
  if p_kind = 'export' then
    perform app.data_request_step(v_id, 'completed',
      pg_catalog.format('archive ready for %s days', app.export_archive_days()));
  else
    select * into v_obstacle from app.erasure_obstacle(v_user_id);
    if v_obstacle.code is not null then
      perform app.data_request_step(v_id, 'refused', v_obstacle.code, v_obstacle.code, v_obstacle.reason);
    else
      v_outcome := app.erase_user(v_user_id);
      update app.data_subject_requests r set outcome = v_outcome where r.tenant_id = v_tenant_id and r.id = v_id;
      perform app.data_request_step(v_id, 'completed', 'personal data erased or pseudonymised');
    end if;
  end if;
  return query select * from app.data_request_view(v_id);
end
$$;

ALTER FUNCTION api.sp_create_data_request(p_kind text) OWNER TO estate_owner;

--
-- Name: FUNCTION sp_create_data_request(p_kind text); Type: COMMENT; Schema: api; Owner: estate_owner
--

COMMENT ON FUNCTION api.sp_create_data_request(p_kind text) IS 'Receives the signed-in user''s export or erasure request and carries it out: an export''s archive is ready at once; an erasure is done, or refused with the reason (co-owners, circles, a paid subscription).';

--
-- Name: sp_create_ffc(text, text); Type: FUNCTION; Schema: api; Owner: estate_owner
--

CREATE FUNCTION api.sp_create_ffc(p_name text, p_description text DEFAULT NULL::text) RETURNS TABLE(ffc_id uuid, name text, description text, my_role text, created_at timestamp with time zone)
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
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

ALTER FUNCTION api.sp_create_ffc(p_name text, p_description text) OWNER TO estate_owner;

--
-- Name: FUNCTION sp_create_ffc(p_name text, p_description text); Type: COMMENT; Schema: api; Owner: estate_owner
--

COMMENT ON FUNCTION api.sp_create_ffc(p_name text, p_description text) IS 'Creates a family circle whose owner is the signed-in user''s persona.';

--
-- Name: sp_create_legal_entity(text, text, text, date, jsonb); Type: FUNCTION; Schema: api; Owner: estate_owner
--

CREATE FUNCTION api.sp_create_legal_entity(p_entity_kind text, p_name text, p_jurisdiction text, p_effective_date date, p_roles jsonb) RETURNS SETOF app.legal_entity_row
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
declare
  v_user_id uuid := app.current_user_id();
  v_tenant_id uuid := app.current_tenant_id();
  v_id uuid;
begin
  perform app.check_entity_kind(p_entity_kind);
  perform app.check_entity_fields(p_jurisdiction, p_effective_date);
  insert into app.legal_entities (tenant_id, entity_kind, name, jurisdiction, effective_date, created_by_user_id)
  values (v_tenant_id, p_entity_kind, app.require_text(p_name, 'invalid_name', 200), nullif(pg_catalog.btrim(p_jurisdiction), ''),
          p_effective_date, v_user_id)
  returning id into v_id;
  perform app.replace_entity_roles(v_user_id, v_id, p_entity_kind, p_roles);
  return query select * from app.legal_entity_view(v_id);
end
$$;

ALTER FUNCTION api.sp_create_legal_entity(p_entity_kind text, p_name text, p_jurisdiction text, p_effective_date date, p_roles jsonb) OWNER TO estate_owner;

--
-- Name: FUNCTION sp_create_legal_entity(p_entity_kind text, p_name text, p_jurisdiction text, p_effective_date date, p_roles jsonb); Type: COMMENT; Schema: api; Owner: estate_owner
--

COMMENT ON FUNCTION api.sp_create_legal_entity(p_entity_kind text, p_name text, p_jurisdiction text, p_effective_date date, p_roles jsonb) IS 'Creates a trust, company or other legal entity with the personas who control it (the caller acting for at least one).';

--
-- Name: sp_create_persona(text, text, text, text, date, text, date); Type: FUNCTION; Schema: api; Owner: estate_owner
--

CREATE FUNCTION api.sp_create_persona(p_first_name text, p_last_name text, p_middle_name text DEFAULT NULL::text, p_preferred_name text DEFAULT NULL::text, p_date_of_birth date DEFAULT NULL::date, p_living_status text DEFAULT 'living'::text, p_date_of_death date DEFAULT NULL::date) RETURNS SETOF app.persona_row
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
#variable_conflict use_column
declare
  v_user_id uuid := app.current_user_id();
  v_tenant_id uuid := app.current_tenant_id();
  v_living_status text := coalesce(p_living_status, 'living');
  v_persona_id uuid;
begin
  perform app.check_life_dates(p_date_of_birth, v_living_status, p_date_of_death);
  insert into app.personas (tenant_id, first_name, middle_name, last_name, preferred_name, date_of_birth,
                            living_status, date_of_death, created_by_user_id)
  values (v_tenant_id, app.require_text(p_first_name, 'invalid_first_name', 100),
          nullif(pg_catalog.btrim(p_middle_name), ''), app.require_text(p_last_name, 'invalid_last_name', 100),
          nullif(pg_catalog.btrim(p_preferred_name), ''), p_date_of_birth, v_living_status, p_date_of_death, v_user_id)
  returning id into v_persona_id;

  -- The creator manages the new persona (a child, a parent in care, a late spouse...).
  insert into app.user_personas (tenant_id, user_id, persona_id, link_kind)
  values (v_tenant_id, v_user_id, v_persona_id, 'delegate');

  return query select * from app.persona_details(v_persona_id);
end
$$;

ALTER FUNCTION api.sp_create_persona(p_first_name text, p_last_name text, p_middle_name text, p_preferred_name text, p_date_of_birth date, p_living_status text, p_date_of_death date) OWNER TO estate_owner;

--
-- Name: FUNCTION sp_create_persona(p_first_name text, p_last_name text, p_middle_name text, p_preferred_name text, p_date_of_birth date, p_living_status text, p_date_of_death date); Type: COMMENT; Schema: api; Owner: estate_owner
--

COMMENT ON FUNCTION api.sp_create_persona(p_first_name text, p_last_name text, p_middle_name text, p_preferred_name text, p_date_of_birth date, p_living_status text, p_date_of_death date) IS 'Creates a persona (someone in the family who need not sign in) that the signed-in user manages.';

--
-- Name: sp_create_subscription(text); Type: FUNCTION; Schema: api; Owner: estate_owner
--

CREATE FUNCTION api.sp_create_subscription(p_plan_code text) RETURNS SETOF app.subscription_row
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
#variable_conflict use_column
declare
  v_user_id uuid := app.current_user_id();
  v_tenant_id uuid := app.current_tenant_id();
  v_plan_id uuid := app.require_plan(p_plan_code);
  v_subscription app.subscriptions := app.live_subscription(v_user_id);
begin
  if v_plan_id = app.free_plan_id() then
    perform app.fail('PT409', 'already_subscribed', 'every user has a plan: to return to the free plan, cancel the paid one');
  end if;
  if v_subscription.plan_id <> app.free_plan_id() then
    perform app.fail('PT409', 'already_subscribed', 'a paid subscription exists: change its plan instead');
  end if;
  -- The live free subscription becomes the paid one; its limits apply once Stripe reports it active.
  update app.subscriptions s set plan_id = v_plan_id, status = 'incomplete', status_synced_at = null
   where s.tenant_id = v_tenant_id and s.id = v_subscription.id;
  perform app.record_plan_change(v_subscription.id, v_subscription.plan_id, v_plan_id, 'upgrade', 'user', v_user_id);
  -- Checkout carries this id as metadata.estate_subscription_id: it leads Stripe's events here.
  insert into app.stripe_routes (tenant_id, routing_key) values (v_tenant_id, v_subscription.id::text)
  on conflict (routing_key) do nothing;
  return query select * from app.subscription_view(v_subscription.id);
end
$$;

ALTER FUNCTION api.sp_create_subscription(p_plan_code text) OWNER TO estate_owner;

--
-- Name: FUNCTION sp_create_subscription(p_plan_code text); Type: COMMENT; Schema: api; Owner: estate_owner
--

COMMENT ON FUNCTION api.sp_create_subscription(p_plan_code text) IS 'Starts a paid subscription for the signed-in user: incomplete until Stripe reports its first payment (checkout carries its id).';

--
-- Name: sp_deactivate_user(); Type: FUNCTION; Schema: api; Owner: estate_owner
--

CREATE FUNCTION api.sp_deactivate_user() RETURNS TABLE(user_id uuid, status text, deactivated_at timestamp with time zone)
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
#variable_conflict use_column
declare
  v_user_id uuid := app.current_user_id();
begin
  return query
    update app.users u set status = 'deactivated', deactivated_at = pg_catalog.now()
     where u.tenant_id = app.current_tenant_id() and u.id = v_user_id
    returning u.id, u.status, u.deactivated_at;
end
$$;

ALTER FUNCTION api.sp_deactivate_user() OWNER TO estate_owner;

--
-- Name: FUNCTION sp_deactivate_user(); Type: COMMENT; Schema: api; Owner: estate_owner
--

COMMENT ON FUNCTION api.sp_deactivate_user() IS 'Deactivates the signed-in user''s account: every later call with their tokens is refused (user_inactive).';

--
-- Name: sp_decline_link_invitation(uuid); Type: FUNCTION; Schema: api; Owner: estate_owner
--

CREATE FUNCTION api.sp_decline_link_invitation(p_invitation_id uuid) RETURNS void
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
begin
  perform app.take_link_invitation(p_invitation_id, 'declined');
end
$$;

ALTER FUNCTION api.sp_decline_link_invitation(p_invitation_id uuid) OWNER TO estate_owner;

--
-- Name: FUNCTION sp_decline_link_invitation(p_invitation_id uuid); Type: COMMENT; Schema: api; Owner: estate_owner
--

COMMENT ON FUNCTION api.sp_decline_link_invitation(p_invitation_id uuid) IS 'Declines a pending invitation sent to the signed-in user: nothing is linked.';

--
-- Name: sp_delete_asset(uuid); Type: FUNCTION; Schema: api; Owner: estate_owner
--

CREATE FUNCTION api.sp_delete_asset(p_asset_id uuid) RETURNS void
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
declare
  v_user_id uuid := app.current_user_id('assets:write');
  v_tenant_id uuid := app.current_tenant_id();
begin
  perform app.require_asset_access(v_user_id, p_asset_id, 'owner');
  perform 1 from app.assets a where a.tenant_id = v_tenant_id and a.id = p_asset_id for update;
  -- Someone else's share (a persona's the caller does not act for, an entity's they do not control) is not theirs to delete.
  if exists (select 1 from app.asset_ownerships o where o.tenant_id = v_tenant_id and o.asset_id = p_asset_id
                and (o.persona_id not in (select app.acting_persona_ids(v_user_id))
                     or (o.entity_id is not null and o.entity_id not in (select app.controlled_entity_ids(v_user_id))))) then
    perform app.fail('PT409', 'asset_co_owned', 'other people own shares of this asset: transfer or remove them first');
  end if;
  -- Type row, shares, valuations and grants go with it (ON DELETE CASCADE); the audit log keeps the record.
  delete from app.assets a where a.tenant_id = v_tenant_id and a.id = p_asset_id;
end
$$;

ALTER FUNCTION api.sp_delete_asset(p_asset_id uuid) OWNER TO estate_owner;

--
-- Name: FUNCTION sp_delete_asset(p_asset_id uuid); Type: COMMENT; Schema: api; Owner: estate_owner
--

COMMENT ON FUNCTION api.sp_delete_asset(p_asset_id uuid) IS 'Deletes an asset with its type row, shares, valuations and grants; only when every share belongs to personas the caller acts for.';

--
-- Name: sp_delete_ffc(uuid); Type: FUNCTION; Schema: api; Owner: estate_owner
--

CREATE FUNCTION api.sp_delete_ffc(p_ffc_id uuid) RETURNS void
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
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

ALTER FUNCTION api.sp_delete_ffc(p_ffc_id uuid) OWNER TO estate_owner;

--
-- Name: FUNCTION sp_delete_ffc(p_ffc_id uuid); Type: COMMENT; Schema: api; Owner: estate_owner
--

COMMENT ON FUNCTION api.sp_delete_ffc(p_ffc_id uuid) IS 'Deletes a circle (owners only): members removed with the grants only it allowed, grants to it dropped, pending invitations revoked; the row stays for history.';

--
-- Name: sp_delete_legal_entity(uuid); Type: FUNCTION; Schema: api; Owner: estate_owner
--

CREATE FUNCTION api.sp_delete_legal_entity(p_entity_id uuid) RETURNS void
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
declare
  v_user_id uuid := app.current_user_id();
  v_tenant_id uuid := app.current_tenant_id();
  v_kind text;
begin
  perform app.require_entity_access(v_user_id, p_entity_id);
  select e.entity_kind into v_kind from app.legal_entities e where e.tenant_id = v_tenant_id and e.id = p_entity_id for update;
  -- Nobody deletes an entity from under another: a trust only by a grantor's people, any other
  -- entity only by whoever acts for every manager.
  if not exists (select 1 from app.legal_entity_roles r
                  where r.tenant_id = v_tenant_id and r.entity_id = p_entity_id
                    and r.role = case when v_kind in ('revocable_trust', 'irrevocable_trust') then 'grantor' else 'manager' end
                    and r.persona_id in (select app.acting_persona_ids(v_user_id)))
     or (v_kind not in ('revocable_trust', 'irrevocable_trust')
         and exists (select 1 from app.legal_entity_roles r
                      where r.tenant_id = v_tenant_id and r.entity_id = p_entity_id
                        and r.persona_id not in (select app.acting_persona_ids(v_user_id)))) then
    perform app.fail('PT403', 'entity_roles_of_others', 'a trust is deleted by a grantor, any other entity by whoever acts for all its managers');
  end if;
  if exists (select 1 from app.asset_ownerships o where o.tenant_id = v_tenant_id and o.entity_id = p_entity_id)
     or exists (select 1 from app.entity_interests i where i.tenant_id = v_tenant_id and i.holder_entity_id = p_entity_id) then
    perform app.fail('PT409', 'entity_in_use', 'the entity holds shares of assets or interests in other entities: transfer them first');
  end if;
  if exists (select 1 from app.beneficiary_designations d where d.tenant_id = v_tenant_id and d.beneficiary_entity_id = p_entity_id) then
    perform app.fail('PT409', 'entity_in_use', 'the entity is named as a beneficiary: change those designations first');
  end if;
  -- Its roles, its own designation and the interests held in it go with it (ON DELETE CASCADE);
  -- the audit log keeps the record. A share or designation added meanwhile by a racing writer
  -- (each queues elsewhere) is caught by the foreign keys: the same refusal.
  begin
    delete from app.legal_entities e where e.tenant_id = v_tenant_id and e.id = p_entity_id;
  exception when foreign_key_violation then
    perform app.fail('PT409', 'entity_in_use', 'the entity holds shares or is named as a beneficiary');
  end;
end
$$;

ALTER FUNCTION api.sp_delete_legal_entity(p_entity_id uuid) OWNER TO estate_owner;

--
-- Name: FUNCTION sp_delete_legal_entity(p_entity_id uuid); Type: COMMENT; Schema: api; Owner: estate_owner
--

COMMENT ON FUNCTION api.sp_delete_legal_entity(p_entity_id uuid) IS 'Deletes an entity (a trust by a grantor, another entity by whoever acts for all its managers), refused while it holds shares or interests or is named as a beneficiary.';

--
-- Name: sp_deny_support_access_request(uuid); Type: FUNCTION; Schema: api; Owner: estate_owner
--

CREATE FUNCTION api.sp_deny_support_access_request(p_request_id uuid) RETURNS TABLE(request_id uuid, kind text, state text, reason text, ticket_ref text, minutes integer, requested_at timestamp with time zone, respond_by timestamp with time zone, decided_at timestamp with time zone, expires_at timestamp with time zone, ended_at timestamp with time zone, view_count integer, last_viewed_at timestamp with time zone)
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
declare
  v_row app.support_access_requests := app.my_support_access_request(p_request_id);
begin
  if app.support_access_state(v_row.status, v_row.respond_by, v_row.expires_at) <> 'pending' then
    perform app.fail('PT409', 'access_request_not_pending', 'this request is no longer waiting for a decision');
  end if;
  update app.support_access_requests r
     set status = 'denied', decided_by = app.current_actor_id(), decided_at = pg_catalog.now()
   where r.tenant_id = v_row.tenant_id and r.id = v_row.id;
  return query select * from app.my_support_access_request_row(v_row.id);
end
$$;

ALTER FUNCTION api.sp_deny_support_access_request(p_request_id uuid) OWNER TO estate_owner;

--
-- Name: FUNCTION sp_deny_support_access_request(p_request_id uuid); Type: COMMENT; Schema: api; Owner: estate_owner
--

COMMENT ON FUNCTION api.sp_deny_support_access_request(p_request_id uuid) IS 'The signed-in user refuses support''s request for access to their data.';

--
-- Name: sp_finish_security_answer_check(uuid, boolean); Type: FUNCTION; Schema: api; Owner: estate_owner
--

CREATE FUNCTION api.sp_finish_security_answer_check(p_attempt_id uuid, p_verified boolean) RETURNS TABLE(verified boolean, attempts_left integer, locked_until timestamp with time zone)
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
#variable_conflict use_column
declare
  v_user_id uuid := app.current_user_id();
  v_tenant_id uuid := app.current_tenant_id();
  v_lock record;
begin
  if p_verified is null then
    perform app.fail('PT400', 'invalid_security_answers', 'the outcome must be true or false');
  end if;
  perform pg_catalog.pg_advisory_xact_lock(pg_catalog.hashtextextended('security-questions ' || v_user_id::text, 0));
  -- Only my own attempt, once: an outcome is never rewritten.
  update app.security_question_attempts a
     set outcome = case when p_verified then 'succeeded' else 'failed' end, finished_at = pg_catalog.now()
   where a.tenant_id = v_tenant_id and a.user_id = v_user_id and a.id = p_attempt_id and a.outcome = 'pending';
  if not found then
    perform app.fail('PT404', 'security_answer_check_not_found', 'no verification of yours is waiting for its outcome');
  end if;
  select * into v_lock from app.security_question_lock(v_user_id);
  return query select p_verified, greatest(5 - v_lock.failures, 0), v_lock.locked_until;
end
$$;

ALTER FUNCTION api.sp_finish_security_answer_check(p_attempt_id uuid, p_verified boolean) OWNER TO estate_owner;

--
-- Name: FUNCTION sp_finish_security_answer_check(p_attempt_id uuid, p_verified boolean); Type: COMMENT; Schema: api; Owner: estate_owner
--

COMMENT ON FUNCTION api.sp_finish_security_answer_check(p_attempt_id uuid, p_verified boolean) IS 'Second half of verifying my security answers: records the API''s comparison as the attempt''s outcome; returns attempts left and any lock.';

--
-- Name: sp_get_asset(uuid); Type: FUNCTION; Schema: api; Owner: estate_owner
--

CREATE FUNCTION api.sp_get_asset(p_asset_id uuid) RETURNS SETOF app.asset_row
    LANGUAGE plpgsql STABLE SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
begin
  return query select * from app.asset_view(p_asset_id, app.require_asset_access(app.current_user_id('assets:read'), p_asset_id, 'view'));
end
$$;

ALTER FUNCTION api.sp_get_asset(p_asset_id uuid) OWNER TO estate_owner;

--
-- Name: FUNCTION sp_get_asset(p_asset_id uuid); Type: COMMENT; Schema: api; Owner: estate_owner
--

COMMENT ON FUNCTION api.sp_get_asset(p_asset_id uuid) IS 'One asset the caller may see, with its type''s fields, latest value and owners; identifiers masked.';

--
-- Name: sp_get_asset_beneficiaries(uuid); Type: FUNCTION; Schema: api; Owner: estate_owner
--

CREATE FUNCTION api.sp_get_asset_beneficiaries(p_asset_id uuid) RETURNS SETOF app.beneficiary_row
    LANGUAGE plpgsql STABLE SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
begin
  perform app.require_asset_access(app.current_user_id(), p_asset_id, 'owner');
  return query select * from app.beneficiaries_of(p_asset_id, null);
end
$$;

ALTER FUNCTION api.sp_get_asset_beneficiaries(p_asset_id uuid) OWNER TO estate_owner;

--
-- Name: FUNCTION sp_get_asset_beneficiaries(p_asset_id uuid); Type: COMMENT; Schema: api; Owner: estate_owner
--

COMMENT ON FUNCTION api.sp_get_asset_beneficiaries(p_asset_id uuid) IS 'Who inherits an asset (owners only): primary then contingent beneficiaries.';

--
-- Name: sp_get_asset_equity(uuid, date, text); Type: FUNCTION; Schema: api; Owner: estate_owner
--

CREATE FUNCTION api.sp_get_asset_equity(p_asset_id uuid, p_as_of date, p_currency text) RETURNS TABLE(asset_id uuid, as_of date, currency text, asset_value numeric, secured_debt numeric, equity numeric, debts jsonb)
    LANGUAGE plpgsql STABLE SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
#variable_conflict use_column
declare
  v_tenant_id uuid := app.current_tenant_id();
begin
  -- Owners only, as the designations: the debts secured by the asset are the owners' business.
  perform app.require_asset_access(app.current_user_id(), p_asset_id, 'owner');
  perform app.check_net_worth_input(p_as_of, p_currency);
  return query
  with items as (
    -- The asset and each active debt secured by it: the latest valuation on or before the date,
    -- converted as net worth converts (whole amounts: the asset's equity, not anyone's share).
    select a.id, a.name, a.is_liability,
           case when v.currency is not null then v.amount * app.exchange_rate(v.currency, p_currency, p_as_of) end as amount,
           d.interest_rate_percent, d.term_months, d.payment_amount, d.payment_frequency
      from app.assets a
      left join app.asset_debts d on d.tenant_id = a.tenant_id and d.id = a.id
      left join lateral (select x.amount, x.currency from app.asset_valuations x
                          where x.tenant_id = a.tenant_id and x.asset_id = a.id and x.valued_on <= p_as_of
                          order by x.valued_on desc, x.created_at desc, x.id desc limit 1) v on true
     where a.tenant_id = v_tenant_id
       and (a.id = p_asset_id
            or (a.status = 'active' and a.id in (select c.debt_asset_id from app.debt_collateral c
                                                  where c.tenant_id = v_tenant_id and c.secured_asset_id = p_asset_id)))
  )
  select p_asset_id, p_as_of, p_currency,
         pg_catalog.round(coalesce(sum(i.amount) filter (where i.id = p_asset_id), 0), 2),
         pg_catalog.round(coalesce(sum(i.amount) filter (where i.id <> p_asset_id), 0), 2),
         pg_catalog.round(coalesce(sum(i.amount) filter (where i.id = p_asset_id), 0)
                          - coalesce(sum(i.amount) filter (where i.id <> p_asset_id), 0), 2),
         coalesce(pg_catalog.jsonb_agg(pg_catalog.jsonb_build_object(
                    'debtId', i.id, 'name', i.name, 'balance', pg_catalog.round(coalesce(i.amount, 0), 2)::text,
                    'interestRatePercent', i.interest_rate_percent::text, 'termMonths', i.term_months,
                    'paymentAmount', i.payment_amount::text, 'paymentFrequency', i.payment_frequency)
                    order by i.amount desc nulls last, i.name, i.id) filter (where i.id <> p_asset_id), '[]')
    from items i;
end
$$;

ALTER FUNCTION api.sp_get_asset_equity(p_asset_id uuid, p_as_of date, p_currency text) OWNER TO estate_owner;

--
-- Name: FUNCTION sp_get_asset_equity(p_asset_id uuid, p_as_of date, p_currency text); Type: COMMENT; Schema: api; Owner: estate_owner
--

COMMENT ON FUNCTION api.sp_get_asset_equity(p_asset_id uuid, p_as_of date, p_currency text) IS 'An asset''s equity as of a date (owners): its value less the debts secured by it, each with its balance, rate, term and payment.';

--
-- Name: sp_get_asset_valuations(uuid, date, text, integer, integer); Type: FUNCTION; Schema: api; Owner: estate_owner
--

CREATE FUNCTION api.sp_get_asset_valuations(p_asset_id uuid, p_as_of date, p_sort text, p_limit integer, p_offset integer) RETURNS TABLE(valuation_id uuid, valued_on date, amount numeric, currency text, source text, created_at timestamp with time zone, total integer)
    LANGUAGE plpgsql STABLE SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
#variable_conflict use_column
declare
  v_sort text := app.check_sort(p_sort, array['-valuedOn', 'valuedOn']);
begin
  perform app.require_asset_access(app.current_user_id('assets:read'), p_asset_id, 'view');
  perform app.check_page(p_limit, p_offset);
  -- Newest first (-valuedOn); with p_as_of, the first row is the value as of that date.
  return query
    select v.id, v.valued_on, v.amount, v.currency, v.source::text, v.created_at, (pg_catalog.count(*) over ())::integer
      from app.asset_valuations v
     where v.tenant_id = app.current_tenant_id() and v.asset_id = p_asset_id and (p_as_of is null or v.valued_on <= p_as_of)
     order by case when v_sort = 'valuedOn' then v.valued_on end, case when v_sort = 'valuedOn' then v.created_at end,
              v.valued_on desc, v.created_at desc, v.id
     limit p_limit offset p_offset;
end
$$;

ALTER FUNCTION api.sp_get_asset_valuations(p_asset_id uuid, p_as_of date, p_sort text, p_limit integer, p_offset integer) OWNER TO estate_owner;

--
-- Name: FUNCTION sp_get_asset_valuations(p_asset_id uuid, p_as_of date, p_sort text, p_limit integer, p_offset integer); Type: COMMENT; Schema: api; Owner: estate_owner
--

COMMENT ON FUNCTION api.sp_get_asset_valuations(p_asset_id uuid, p_as_of date, p_sort text, p_limit integer, p_offset integer) IS 'Valuation history of an asset, newest first (or oldest, sort valuedOn), with the total; with as_of, the history up to that date (newest first, its first row is the value as of then).';

--
-- Name: sp_get_current_user(); Type: FUNCTION; Schema: api; Owner: estate_owner
--

CREATE FUNCTION api.sp_get_current_user() RETURNS SETOF app.user_profile_row
    LANGUAGE plpgsql STABLE SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
begin
  return query select * from app.user_profile(app.current_user_id());
end
$$;

ALTER FUNCTION api.sp_get_current_user() OWNER TO estate_owner;

--
-- Name: FUNCTION sp_get_current_user(); Type: COMMENT; Schema: api; Owner: estate_owner
--

COMMENT ON FUNCTION api.sp_get_current_user() IS 'The signed-in user with their own persona and the tenant''s branding.';

--
-- Name: sp_get_data_export(uuid); Type: FUNCTION; Schema: api; Owner: estate_owner
--

CREATE FUNCTION api.sp_get_data_export(p_request_id uuid) RETURNS TABLE(request_id uuid, generated_at timestamp with time zone, files jsonb)
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
#variable_conflict use_column
declare
  v_user_id uuid := app.current_user_id();
  v_request app.data_subject_requests;
begin
  perform app.require_own_data_request(v_user_id, p_request_id);
  select * into v_request from app.data_subject_requests r
   where r.tenant_id = app.current_tenant_id() and r.id = p_request_id;
  if v_request.kind <> 'export' or v_request.status <> 'completed' then
    perform app.fail('PT409', 'export_not_ready', 'this request has no archive: it is not a completed export');
  end if;
  if v_request.completed_at + pg_catalog.make_interval(days => app.export_archive_days()) <= pg_catalog.now() then
    perform app.fail('PT410', 'export_expired', 'this archive is no longer available: request a new export');
  end if;
  -- Each download is a pass over all their data: a few per request is plenty (and keeps the
  -- request's trail short). The request row is locked, so racing downloads count one by one.
  perform 1 from app.data_subject_requests r where r.tenant_id = v_request.tenant_id and r.id = p_request_id for update;
  if (select pg_catalog.count(*) from app.data_subject_request_events e
       where e.tenant_id = v_request.tenant_id and e.request_id = p_request_id
         and e.note = 'archive downloaded') >= app.export_download_limit() then
    perform app.fail('PT429', 'export_download_limit',
      pg_catalog.format('this archive was downloaded %s times already: request a new export', app.export_download_limit()));
  end if;
  insert into app.data_subject_request_events (tenant_id, request_id, from_status, to_status, actor_kind, note)
  values (v_request.tenant_id, p_request_id, 'completed', 'completed', app.current_actor_kind(), 'archive downloaded');
  return query select p_request_id, pg_catalog.now(), app.export_files(v_user_id);
end
$$;

ALTER FUNCTION api.sp_get_data_export(p_request_id uuid) OWNER TO estate_owner;

--
-- Name: FUNCTION sp_get_data_export(p_request_id uuid); Type: COMMENT; Schema: api; Owner: estate_owner
--

COMMENT ON FUNCTION api.sp_get_data_export(p_request_id uuid) IS 'The archive of a completed export (for 7 days): the user''s data as JSON files, one per domain, built now; each download is recorded in the request''s trail.';

--
-- Name: sp_get_entity_beneficiaries(uuid); Type: FUNCTION; Schema: api; Owner: estate_owner
--

CREATE FUNCTION api.sp_get_entity_beneficiaries(p_entity_id uuid) RETURNS SETOF app.beneficiary_row
    LANGUAGE plpgsql STABLE SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
begin
  perform app.require_entity_access(app.current_user_id(), p_entity_id);
  return query select * from app.beneficiaries_of(null, p_entity_id);
end
$$;

ALTER FUNCTION api.sp_get_entity_beneficiaries(p_entity_id uuid) OWNER TO estate_owner;

--
-- Name: FUNCTION sp_get_entity_beneficiaries(p_entity_id uuid); Type: COMMENT; Schema: api; Owner: estate_owner
--

COMMENT ON FUNCTION api.sp_get_entity_beneficiaries(p_entity_id uuid) IS 'Who receives an entity''s remainder (its controllers only): primary then contingent.';

--
-- Name: sp_get_entity_interests(uuid); Type: FUNCTION; Schema: api; Owner: estate_owner
--

CREATE FUNCTION api.sp_get_entity_interests(p_entity_id uuid) RETURNS TABLE(holder_kind text, persona_id uuid, entity_id uuid, holder_name text, percentage numeric)
    LANGUAGE plpgsql STABLE SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
#variable_conflict use_column
begin
  perform app.require_entity_access(app.current_user_id(), p_entity_id);
  return query select * from app.entity_interests_of(p_entity_id);
end
$$;

ALTER FUNCTION api.sp_get_entity_interests(p_entity_id uuid) OWNER TO estate_owner;

--
-- Name: FUNCTION sp_get_entity_interests(p_entity_id uuid); Type: COMMENT; Schema: api; Owner: estate_owner
--

COMMENT ON FUNCTION api.sp_get_entity_interests(p_entity_id uuid) IS 'Who holds an entity the caller controls, and how much.';

--
-- Name: sp_get_entity_net_worth(uuid, date, text); Type: FUNCTION; Schema: api; Owner: estate_owner
--

CREATE FUNCTION api.sp_get_entity_net_worth(p_entity_id uuid, p_as_of date, p_currency text) RETURNS TABLE(entity_id uuid, as_of date, currency text, total_assets numeric, total_liabilities numeric, net_worth numeric, asset_count integer)
    LANGUAGE plpgsql STABLE SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
#variable_conflict use_column
begin
  perform app.require_entity_access(app.current_user_id(), p_entity_id);
  perform app.check_net_worth_input(p_as_of, p_currency);
  return query select p_entity_id, p_as_of, p_currency, n.total_assets, n.total_liabilities, n.net_worth, n.asset_count
                 from app.look_through_net_worth(null, p_entity_id, p_as_of, p_currency) n;
end
$$;

ALTER FUNCTION api.sp_get_entity_net_worth(p_entity_id uuid, p_as_of date, p_currency text) OWNER TO estate_owner;

--
-- Name: FUNCTION sp_get_entity_net_worth(p_entity_id uuid, p_as_of date, p_currency text); Type: COMMENT; Schema: api; Owner: estate_owner
--

COMMENT ON FUNCTION api.sp_get_entity_net_worth(p_entity_id uuid, p_as_of date, p_currency text) IS 'An entity''s own net worth (its controllers): its shares of assets, and through the entities it holds, as of a date, in one currency.';

--
-- Name: sp_get_estate_beneficiaries(uuid); Type: FUNCTION; Schema: api; Owner: estate_owner
--

CREATE FUNCTION api.sp_get_estate_beneficiaries(p_persona_id uuid) RETURNS SETOF app.beneficiary_row
    LANGUAGE plpgsql STABLE SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
begin
  perform app.require_persona_access(app.current_user_id(), p_persona_id);
  return query select * from app.beneficiaries_of(null, null, p_persona_id);
end
$$;

ALTER FUNCTION api.sp_get_estate_beneficiaries(p_persona_id uuid) OWNER TO estate_owner;

--
-- Name: FUNCTION sp_get_estate_beneficiaries(p_persona_id uuid); Type: COMMENT; Schema: api; Owner: estate_owner
--

COMMENT ON FUNCTION api.sp_get_estate_beneficiaries(p_persona_id uuid) IS 'The residuary beneficiaries of a persona''s will (whoever acts for the persona).';

--
-- Name: sp_get_ffc(uuid); Type: FUNCTION; Schema: api; Owner: estate_owner
--

CREATE FUNCTION api.sp_get_ffc(p_ffc_id uuid) RETURNS SETOF app.ffc_row
    LANGUAGE plpgsql STABLE SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
declare
  v_user_id uuid := app.current_user_id();
  v_role text := app.require_ffc_role(v_user_id, p_ffc_id, 'viewer');
begin
  return query select * from app.ffc_view(p_ffc_id, v_role);
end
$$;

ALTER FUNCTION api.sp_get_ffc(p_ffc_id uuid) OWNER TO estate_owner;

--
-- Name: FUNCTION sp_get_ffc(p_ffc_id uuid); Type: COMMENT; Schema: api; Owner: estate_owner
--

COMMENT ON FUNCTION api.sp_get_ffc(p_ffc_id uuid) IS 'One circle the signed-in user belongs to: name, description, their role, how many members.';

--
-- Name: sp_get_ffc_hierarchy(uuid); Type: FUNCTION; Schema: api; Owner: estate_owner
--

CREATE FUNCTION api.sp_get_ffc_hierarchy(p_ffc_id uuid) RETURNS TABLE(persona_id uuid, first_name text, last_name text, living_status text, role text, parent_persona_id uuid, depth integer, relationships jsonb)
    LANGUAGE plpgsql STABLE SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
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

ALTER FUNCTION api.sp_get_ffc_hierarchy(p_ffc_id uuid) OWNER TO estate_owner;

--
-- Name: FUNCTION sp_get_ffc_hierarchy(p_ffc_id uuid); Type: COMMENT; Schema: api; Owner: estate_owner
--

COMMENT ON FUNCTION api.sp_get_ffc_hierarchy(p_ffc_id uuid) IS 'The family as a tree: members with roles, each under its parent (from recorded parent/child relationships), depth-first.';

--
-- Name: sp_get_ffc_member(uuid, uuid); Type: FUNCTION; Schema: api; Owner: estate_owner
--

CREATE FUNCTION api.sp_get_ffc_member(p_ffc_id uuid, p_persona_id uuid) RETURNS SETOF app.ffc_membership_row
    LANGUAGE plpgsql STABLE SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
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

ALTER FUNCTION api.sp_get_ffc_member(p_ffc_id uuid, p_persona_id uuid) OWNER TO estate_owner;

--
-- Name: FUNCTION sp_get_ffc_member(p_ffc_id uuid, p_persona_id uuid); Type: COMMENT; Schema: api; Owner: estate_owner
--

COMMENT ON FUNCTION api.sp_get_ffc_member(p_ffc_id uuid, p_persona_id uuid) IS 'One active membership of a circle the signed-in user belongs to: its role (what If-Match on the member routes compares).';

--
-- Name: sp_get_invoice(uuid); Type: FUNCTION; Schema: api; Owner: estate_owner
--

CREATE FUNCTION api.sp_get_invoice(p_invoice_id uuid) RETURNS TABLE(invoice_id uuid, subscription_id uuid, number text, status text, currency text, amount_due numeric, amount_paid numeric, amount_remaining numeric, attempt_count integer, billing_reason text, period_start timestamp with time zone, period_end timestamp with time zone, hosted_invoice_url text, finalized_at timestamp with time zone, paid_at timestamp with time zone, payments jsonb, created_at timestamp with time zone)
    LANGUAGE plpgsql STABLE SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
#variable_conflict use_column
declare
  v_user_id uuid := app.current_user_id();
  v_tenant_id uuid := app.current_tenant_id();
begin
  return query
    select i.id, i.subscription_id, i.number, i.status, i.currency, i.amount_due, i.amount_paid, i.amount_remaining,
           i.attempt_count, i.billing_reason, i.period_start, i.period_end, i.hosted_invoice_url, i.finalized_at, i.paid_at,
           coalesce((select pg_catalog.jsonb_agg(pg_catalog.jsonb_build_object(
                        'paymentId', t.id, 'status', t.status, 'amount', t.amount::text, 'currency', t.currency,
                        'amountRefunded', t.amount_refunded::text, 'failureCode', t.failure_code, 'succeededAt', t.succeeded_at)
                        order by t.created_at)
                       from app.payment_transactions t
                      where t.tenant_id = i.tenant_id and t.stripe_invoice_id = i.stripe_invoice_id), '[]'::jsonb),
           i.created_at
      from app.invoices i
      join app.subscriptions s on s.tenant_id = i.tenant_id and s.id = i.subscription_id
     where i.tenant_id = v_tenant_id and i.id = p_invoice_id and s.user_id = v_user_id;
  if not found then
    perform app.fail('PT404', 'invoice_not_found', 'invoice not found');
  end if;
end
$$;

ALTER FUNCTION api.sp_get_invoice(p_invoice_id uuid) OWNER TO estate_owner;

--
-- Name: FUNCTION sp_get_invoice(p_invoice_id uuid); Type: COMMENT; Schema: api; Owner: estate_owner
--

COMMENT ON FUNCTION api.sp_get_invoice(p_invoice_id uuid) IS 'One of the signed-in user''s invoices with the payments made against it.';

--
-- Name: sp_get_legal_entity(uuid); Type: FUNCTION; Schema: api; Owner: estate_owner
--

CREATE FUNCTION api.sp_get_legal_entity(p_entity_id uuid) RETURNS SETOF app.legal_entity_row
    LANGUAGE plpgsql STABLE SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
begin
  perform app.require_entity_access(app.current_user_id(), p_entity_id);
  return query select * from app.legal_entity_view(p_entity_id);
end
$$;

ALTER FUNCTION api.sp_get_legal_entity(p_entity_id uuid) OWNER TO estate_owner;

--
-- Name: FUNCTION sp_get_legal_entity(p_entity_id uuid); Type: COMMENT; Schema: api; Owner: estate_owner
--

COMMENT ON FUNCTION api.sp_get_legal_entity(p_entity_id uuid) IS 'One legal entity the caller controls, with its grantors, trustees or managers.';

--
-- Name: sp_get_my_data_request(uuid); Type: FUNCTION; Schema: api; Owner: estate_owner
--

CREATE FUNCTION api.sp_get_my_data_request(p_request_id uuid) RETURNS TABLE(request_id uuid, kind text, status text, received_at timestamp with time zone, due_at timestamp with time zone, completed_at timestamp with time zone, refusal_code text, refusal_reason text, outcome jsonb, archive_expires_at timestamp with time zone, events jsonb)
    LANGUAGE plpgsql STABLE SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
#variable_conflict use_column
declare
  v_user_id uuid := app.current_user_id();
begin
  perform app.require_own_data_request(v_user_id, p_request_id);
  return query select * from app.data_request_view(p_request_id);
end
$$;

ALTER FUNCTION api.sp_get_my_data_request(p_request_id uuid) OWNER TO estate_owner;

--
-- Name: FUNCTION sp_get_my_data_request(p_request_id uuid); Type: COMMENT; Schema: api; Owner: estate_owner
--

COMMENT ON FUNCTION api.sp_get_my_data_request(p_request_id uuid) IS 'One of the signed-in user''s data requests with its state, deadline, refusal reason or outcome, and its trail of events.';

--
-- Name: sp_get_my_mfa(); Type: FUNCTION; Schema: api; Owner: estate_owner
--

CREATE FUNCTION api.sp_get_my_mfa() RETURNS TABLE(mfa_required boolean, allowed_factors text[], enrolled_factors text[], preferred_factor text, reported_at timestamp with time zone, token_has_mfa boolean)
    LANGUAGE plpgsql STABLE SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
#variable_conflict use_column
declare
  v_user_id uuid := app.current_user_id_for_mfa_setup();
  v_tenant_id uuid := app.current_tenant_id();
begin
  return query
    select coalesce(p.mfa_required, false),
           coalesce(p.mfa_factors, array['totp', 'sms', 'email', 'webauthn']),
           coalesce(m.factors, '{}'), m.preferred_factor, m.reported_at,
           app.token_has_mfa(coalesce(p.mfa_factors, array['totp', 'sms', 'email', 'webauthn']))
      from (select 1) one
      left join app.tenant_security_policies p on p.tenant_id = v_tenant_id
      left join app.mfa_settings m on m.tenant_id = v_tenant_id and m.user_id = v_user_id;
end
$$;

ALTER FUNCTION api.sp_get_my_mfa() OWNER TO estate_owner;

--
-- Name: FUNCTION sp_get_my_mfa(); Type: COMMENT; Schema: api; Owner: estate_owner
--

COMMENT ON FUNCTION api.sp_get_my_mfa() IS 'The tenant''s MFA policy, my MFA factors as last reported, and whether this request''s token counts as MFA (readable without MFA).';

--
-- Name: sp_get_my_password_status(); Type: FUNCTION; Schema: api; Owner: estate_owner
--

CREATE FUNCTION api.sp_get_my_password_status() RETURNS TABLE(last_rotated_at timestamp with time zone, max_age_days integer, due_at timestamp with time zone, overdue boolean)
    LANGUAGE plpgsql STABLE SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
#variable_conflict use_column
declare
  v_user_id uuid := app.current_user_id();
begin
  return query select * from app.password_status(v_user_id);
end
$$;

ALTER FUNCTION api.sp_get_my_password_status() OWNER TO estate_owner;

--
-- Name: FUNCTION sp_get_my_password_status(); Type: COMMENT; Schema: api; Owner: estate_owner
--

COMMENT ON FUNCTION api.sp_get_my_password_status() IS 'When I last reported a password change, the tenant''s maximum password age, when mine is due and whether it is overdue.';

--
-- Name: sp_get_my_subscription(); Type: FUNCTION; Schema: api; Owner: estate_owner
--

CREATE FUNCTION api.sp_get_my_subscription() RETURNS SETOF app.subscription_row
    LANGUAGE plpgsql STABLE SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
#variable_conflict use_column
declare
  v_user_id uuid := app.current_user_id();
  v_subscription_id uuid;
begin
  select s.id into v_subscription_id from app.subscriptions s
   where s.tenant_id = app.current_tenant_id() and s.user_id = v_user_id and s.ended_at is null;
  if v_subscription_id is null then
    perform app.fail('PT404', 'subscription_not_found', 'no live subscription: assign the free plan first');
  end if;
  return query select * from app.subscription_view(v_subscription_id);
end
$$;

ALTER FUNCTION api.sp_get_my_subscription() OWNER TO estate_owner;

--
-- Name: FUNCTION sp_get_my_subscription(); Type: COMMENT; Schema: api; Owner: estate_owner
--

COMMENT ON FUNCTION api.sp_get_my_subscription() IS 'The signed-in user''s live subscription and the plan whose limits apply now.';

--
-- Name: sp_get_persona(uuid); Type: FUNCTION; Schema: api; Owner: estate_owner
--

CREATE FUNCTION api.sp_get_persona(p_persona_id uuid) RETURNS SETOF app.persona_row
    LANGUAGE plpgsql STABLE SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
begin
  perform app.require_persona_access(app.current_user_id('personas:read'), p_persona_id);
  return query select * from app.persona_details(p_persona_id);
end
$$;

ALTER FUNCTION api.sp_get_persona(p_persona_id uuid) OWNER TO estate_owner;

--
-- Name: FUNCTION sp_get_persona(p_persona_id uuid); Type: COMMENT; Schema: api; Owner: estate_owner
--

COMMENT ON FUNCTION api.sp_get_persona(p_persona_id uuid) IS 'One persona the signed-in user may act for, with contact data and relationships.';

--
-- Name: sp_get_persona_assets(uuid, text, text, text, integer, integer); Type: FUNCTION; Schema: api; Owner: estate_owner
--

CREATE FUNCTION api.sp_get_persona_assets(p_persona_id uuid, p_asset_type text, p_q text, p_sort text, p_limit integer, p_offset integer) RETURNS TABLE(asset_id uuid, asset_type text, category_code text, name text, currency text, is_liability boolean, identifier_masked text, ownership_percentage numeric, ownership_form text, current_value numeric, current_value_currency text, valued_on date, my_access text, created_at timestamp with time zone, total integer)
    LANGUAGE plpgsql STABLE SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
#variable_conflict use_column
declare
  v_user_id uuid := app.current_user_id('assets:read');
  v_tenant_id uuid := app.current_tenant_id();
  v_sort text := app.check_sort(p_sort, app.asset_list_sorts());
  v_q text := app.check_filter_text(p_q);
begin
  if not app.user_can_reference_persona(v_user_id, p_persona_id) then
    perform app.fail('PT404', 'persona_not_found', 'persona not found');
  end if;
  perform app.check_page(p_limit, p_offset);
  -- What this persona owns, narrowed to what the caller may see before filtering and counting
  -- (the total never counts what the caller may not see).
  return query
    select visible.*, (pg_catalog.count(*) over ())::integer from (
      select a.id, a.asset_type, a.category_code, a.name, a.currency, a.is_liability,
             case when a.identifier_last4 is not null then '****' || a.identifier_last4 end,
             o.ownership_percentage, o.ownership_form::text, v.amount, v.currency, v.valued_on,
             app.asset_access(v_user_id, a.id) as access, a.created_at
        from app.asset_ownerships o
        join app.assets a on a.tenant_id = o.tenant_id and a.id = o.asset_id
        left join lateral (select x.amount, x.currency, x.valued_on from app.asset_valuations x
                            where x.tenant_id = a.tenant_id and x.asset_id = a.id
                            order by x.valued_on desc, x.created_at desc limit 1) v on true
       where o.tenant_id = v_tenant_id and o.persona_id = p_persona_id
         and (p_asset_type is null or a.asset_type = p_asset_type)
         and (v_q is null or a.search @@ app.prefix_tsquery(v_q))
    ) visible
    where visible.access is not null
    order by case when v_sort = '-name' then visible.name end desc,
             case when v_sort = 'createdAt' then visible.created_at end,
             case when v_sort = '-createdAt' then visible.created_at end desc,
             visible.name, visible.id
    limit p_limit offset p_offset;
end
$$;

ALTER FUNCTION api.sp_get_persona_assets(p_persona_id uuid, p_asset_type text, p_q text, p_sort text, p_limit integer, p_offset integer) OWNER TO estate_owner;

--
-- Name: FUNCTION sp_get_persona_assets(p_persona_id uuid, p_asset_type text, p_q text, p_sort text, p_limit integer, p_offset integer); Type: COMMENT; Schema: api; Owner: estate_owner
--

COMMENT ON FUNCTION api.sp_get_persona_assets(p_persona_id uuid, p_asset_type text, p_q text, p_sort text, p_limit integer, p_offset integer) IS 'The assets a persona owns (share, form, latest value in its own currency) that the caller may see, optionally of one type or matching q; sorted, a page at a time with the total.';

--
-- Name: sp_invite_ffc_member(uuid, text, text, integer); Type: FUNCTION; Schema: api; Owner: estate_owner
--

CREATE FUNCTION api.sp_invite_ffc_member(p_ffc_id uuid, p_email text, p_role text, p_valid_hours integer) RETURNS TABLE(invitation_id uuid, token text, expires_at timestamp with time zone)
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
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

ALTER FUNCTION api.sp_invite_ffc_member(p_ffc_id uuid, p_email text, p_role text, p_valid_hours integer) OWNER TO estate_owner;

--
-- Name: FUNCTION sp_invite_ffc_member(p_ffc_id uuid, p_email text, p_role text, p_valid_hours integer); Type: COMMENT; Schema: api; Owner: estate_owner
--

COMMENT ON FUNCTION api.sp_invite_ffc_member(p_ffc_id uuid, p_email text, p_role text, p_valid_hours integer) IS 'Invites an email to a circle with a role; returns the single-use token once (only its hash is kept).';

--
-- Name: sp_link_user_persona(uuid, uuid, text); Type: FUNCTION; Schema: api; Owner: estate_owner
--

CREATE FUNCTION api.sp_link_user_persona(p_user_id uuid, p_persona_id uuid, p_link_kind text) RETURNS TABLE(link_id uuid, user_id uuid, persona_id uuid, link_kind text, status text)
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
#variable_conflict use_column
declare
  v_caller_id uuid := app.current_user_id();
  v_tenant_id uuid := app.current_tenant_id();
begin
  perform app.require_persona_access(v_caller_id, p_persona_id);
  if p_link_kind is null or p_link_kind not in ('self', 'delegate') then
    perform app.fail('PT400', 'invalid_link_kind', 'link kind must be self or delegate');
  end if;
  if p_user_id is null then
    perform app.fail('PT404', 'user_not_found', 'user not found');
  end if;

  if p_link_kind = 'self' then
    -- Checked before anything is looked up: any other id, existing or not, gets the same answer.
    if p_user_id <> v_caller_id then
      perform app.fail('PT403', 'self_link_not_allowed', 'only the signed-in user can declare a persona to be themselves');
    end if;
    if exists (select 1 from app.user_personas up where up.tenant_id = v_tenant_id and up.link_kind = 'self'
                  and (up.user_id = p_user_id or up.persona_id = p_persona_id)) then
      perform app.fail('PT409', 'self_link_exists', 'the user or the persona already has a self link');
    end if;
    return query
      insert into app.user_personas as up (tenant_id, user_id, persona_id, link_kind)
      values (v_tenant_id, p_user_id, p_persona_id, 'self')
      returning up.id, up.user_id, up.persona_id, up.link_kind, 'linked'::text;
    return;
  end if;

  -- A delegate link is an invitation the user accepts. The answer is the same whether the user
  -- exists, is active, is already linked or already invited: the linker learns nothing.
  if p_user_id <> v_caller_id
     and exists (select 1 from app.users u where u.tenant_id = v_tenant_id and u.id = p_user_id and u.status = 'active')
     and not exists (select 1 from app.user_personas up where up.tenant_id = v_tenant_id
                        and up.user_id = p_user_id and up.persona_id = p_persona_id) then
    insert into app.persona_link_invitations (tenant_id, persona_id, invited_user_id, invited_by_user_id)
    values (v_tenant_id, p_persona_id, p_user_id, v_caller_id)
    on conflict (tenant_id, persona_id, invited_user_id) where status = 'pending' do nothing;
  end if;
  return query select null::uuid, p_user_id, p_persona_id, 'delegate'::text, 'invited'::text;
end
$$;

ALTER FUNCTION api.sp_link_user_persona(p_user_id uuid, p_persona_id uuid, p_link_kind text) OWNER TO estate_owner;

--
-- Name: FUNCTION sp_link_user_persona(p_user_id uuid, p_persona_id uuid, p_link_kind text); Type: COMMENT; Schema: api; Owner: estate_owner
--

COMMENT ON FUNCTION api.sp_link_user_persona(p_user_id uuid, p_persona_id uuid, p_link_kind text) IS 'Invites a user to act for a persona the signed-in user acts for (delegate: nothing changes until they accept; the same answer for any user id), or claims a persona as oneself (self).';

--
-- Name: sp_list_allowed_origins(); Type: FUNCTION; Schema: api; Owner: estate_owner
--

CREATE FUNCTION api.sp_list_allowed_origins() RETURNS TABLE(tenant_id uuid, origin text)
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
  select a.tenant_id, a.origin from app.tenant_allowed_origins a order by a.origin, a.tenant_id
$$;

ALTER FUNCTION api.sp_list_allowed_origins() OWNER TO estate_owner;

--
-- Name: FUNCTION sp_list_allowed_origins(); Type: COMMENT; Schema: api; Owner: estate_owner
--

COMMENT ON FUNCTION api.sp_list_allowed_origins() IS 'Every tenant''s allowed browser origins, read before the tenant is known: the API answers CORS preflights from them.';

--
-- Name: sp_list_asset_categories(); Type: FUNCTION; Schema: api; Owner: estate_owner
--

CREATE FUNCTION api.sp_list_asset_categories() RETURNS TABLE(code text, asset_type text, name text, is_liability boolean)
    LANGUAGE plpgsql STABLE SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
#variable_conflict use_column
begin
  -- Global reference data, but only for an active user of an active tenant, like every route.
  perform app.current_user_id('assets:read');
  return query
    select c.code, c.asset_type, c.name, c.is_liability from app.asset_categories c order by c.sort_order, c.code;
end
$$;

ALTER FUNCTION api.sp_list_asset_categories() OWNER TO estate_owner;

--
-- Name: FUNCTION sp_list_asset_categories(); Type: COMMENT; Schema: api; Owner: estate_owner
--

COMMENT ON FUNCTION api.sp_list_asset_categories() IS 'The asset categories, grouped by the 13 asset types, for an active user of an active tenant.';

--
-- Name: sp_list_auth_clients(); Type: FUNCTION; Schema: api; Owner: estate_owner
--

CREATE FUNCTION api.sp_list_auth_clients() RETURNS TABLE(tenant_id uuid, provider_kind text, issuer text, user_pool_id text, region text, client_id text)
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
  select c.tenant_id, p.kind, p.issuer, p.user_pool_id, p.region, c.client_id
    from app.tenant_app_clients c
    join app.tenant_identity_providers p on p.tenant_id = c.tenant_id and p.id = c.provider_id
   where c.status = 'active'
   order by p.issuer, c.client_id
$$;

ALTER FUNCTION api.sp_list_auth_clients() OWNER TO estate_owner;

--
-- Name: FUNCTION sp_list_auth_clients(); Type: COMMENT; Schema: api; Owner: estate_owner
--

COMMENT ON FUNCTION api.sp_list_auth_clients() IS 'The active (issuer, app client) pairs and their tenants, from which the API builds its token verifiers.';

--
-- Name: sp_list_exchange_rates(date, text, integer, integer); Type: FUNCTION; Schema: api; Owner: estate_owner
--

CREATE FUNCTION api.sp_list_exchange_rates(p_as_of date, p_currency text, p_limit integer, p_offset integer) RETURNS TABLE(base_currency text, quote_currency text, rate numeric, rate_date date, total integer)
    LANGUAGE plpgsql STABLE SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $_$
#variable_conflict use_column
declare
  v_user_id uuid := app.current_user_id('net_worth:read');
begin
  perform app.check_page(p_limit, p_offset);
  if p_as_of is null then
    perform app.fail('PT400', 'invalid_as_of', 'as_of is required');
  end if;
  if p_currency is not null and p_currency !~ '^[A-Z]{3}$' then
    perform app.fail('PT400', 'invalid_currency', 'currency must be an ISO 4217 code such as USD');
  end if;
  -- The rates net worth uses on that date (app.exchange_rate): each stored pair's latest on or
  -- before it. Reference data, the same for every tenant, read-only here.
  return query
    select x.*, (pg_catalog.count(*) over ())::integer from (
      select distinct on (r.base_currency, r.quote_currency) r.base_currency, r.quote_currency, r.rate, r.rate_date
        from app.exchange_rates r
       where r.rate_date <= p_as_of
         and (p_currency is null or p_currency in (r.base_currency, r.quote_currency))
       order by r.base_currency, r.quote_currency, r.rate_date desc
    ) x
     order by x.base_currency, x.quote_currency
     limit p_limit offset p_offset;
end
$_$;

ALTER FUNCTION api.sp_list_exchange_rates(p_as_of date, p_currency text, p_limit integer, p_offset integer) OWNER TO estate_owner;

--
-- Name: FUNCTION sp_list_exchange_rates(p_as_of date, p_currency text, p_limit integer, p_offset integer); Type: COMMENT; Schema: api; Owner: estate_owner
--

COMMENT ON FUNCTION api.sp_list_exchange_rates(p_as_of date, p_currency text, p_limit integer, p_offset integer) IS 'The exchange rates in use on a date: each currency pair''s latest rate on or before it (net worth converts with these), optionally those of one currency, a page at a time with the total.';

--
-- Name: sp_list_ffc_assets(uuid, text, text, text, integer, integer); Type: FUNCTION; Schema: api; Owner: estate_owner
--

CREATE FUNCTION api.sp_list_ffc_assets(p_ffc_id uuid, p_asset_type text, p_q text, p_sort text, p_limit integer, p_offset integer) RETURNS SETOF app.asset_list_row
    LANGUAGE plpgsql STABLE SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
declare
  v_user_id uuid := app.current_user_id('assets:read');
  v_tenant_id uuid := app.current_tenant_id();
  v_sort text := app.check_sort(p_sort, app.asset_list_sorts());
  v_q text := app.check_filter_text(p_q);
begin
  perform app.require_ffc_role(v_user_id, p_ffc_id, 'viewer');
  perform app.check_page(p_limit, p_offset);
  -- What the circle's active members own, narrowed to what the caller may see (as the circle's
  -- net worth counts it): membership alone shows nothing that was not shared.
  return query select * from app.asset_list(
    v_user_id,
    array(select distinct o.asset_id from app.asset_ownerships o
           join app.ffc_memberships m on m.tenant_id = o.tenant_id and m.persona_id = o.persona_id
          where o.tenant_id = v_tenant_id and m.ffc_id = p_ffc_id and m.status = 'active'
          intersect
          select app.visible_asset_ids(v_user_id)),
    p_asset_type, v_q, v_sort, p_limit, p_offset);
end
$$;

ALTER FUNCTION api.sp_list_ffc_assets(p_ffc_id uuid, p_asset_type text, p_q text, p_sort text, p_limit integer, p_offset integer) OWNER TO estate_owner;

--
-- Name: FUNCTION sp_list_ffc_assets(p_ffc_id uuid, p_asset_type text, p_q text, p_sort text, p_limit integer, p_offset integer); Type: COMMENT; Schema: api; Owner: estate_owner
--

COMMENT ON FUNCTION api.sp_list_ffc_assets(p_ffc_id uuid, p_asset_type text, p_q text, p_sort text, p_limit integer, p_offset integer) IS 'The assets a circle''s members own that the caller may see (members only), optionally of one type, matching q; sorted, a page at a time with the total.';

--
-- Name: sp_list_ffc_invitations(uuid, text, text, text, integer, integer); Type: FUNCTION; Schema: api; Owner: estate_owner
--

CREATE FUNCTION api.sp_list_ffc_invitations(p_ffc_id uuid, p_status text, p_q text, p_sort text, p_limit integer, p_offset integer) RETURNS TABLE(invitation_id uuid, email text, role text, status text, expires_at timestamp with time zone, invited_by_user_id uuid, responded_at timestamp with time zone, created_at timestamp with time zone, total integer)
    LANGUAGE plpgsql STABLE SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
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

ALTER FUNCTION api.sp_list_ffc_invitations(p_ffc_id uuid, p_status text, p_q text, p_sort text, p_limit integer, p_offset integer) OWNER TO estate_owner;

--
-- Name: FUNCTION sp_list_ffc_invitations(p_ffc_id uuid, p_status text, p_q text, p_sort text, p_limit integer, p_offset integer); Type: COMMENT; Schema: api; Owner: estate_owner
--

COMMENT ON FUNCTION api.sp_list_ffc_invitations(p_ffc_id uuid, p_status text, p_q text, p_sort text, p_limit integer, p_offset integer) IS 'The invitations a circle sent (owners and admins), newest first or sorted, optionally of one status (pending/accepted/revoked/expired) or whose email contains q, with the total.';

--
-- Name: sp_list_invoices(text, text, integer, integer); Type: FUNCTION; Schema: api; Owner: estate_owner
--

CREATE FUNCTION api.sp_list_invoices(p_status text, p_sort text, p_limit integer, p_offset integer) RETURNS TABLE(invoice_id uuid, subscription_id uuid, number text, status text, currency text, amount_due numeric, amount_paid numeric, amount_remaining numeric, period_start timestamp with time zone, period_end timestamp with time zone, finalized_at timestamp with time zone, paid_at timestamp with time zone, created_at timestamp with time zone, total integer)
    LANGUAGE plpgsql STABLE SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
#variable_conflict use_column
declare
  v_user_id uuid := app.current_user_id();
  v_tenant_id uuid := app.current_tenant_id();
  v_sort text := app.check_sort(p_sort, array['-createdAt', 'createdAt']);
begin
  perform app.check_page(p_limit, p_offset);
  if p_status is not null and p_status not in ('draft', 'open', 'paid', 'uncollectible', 'void') then
    perform app.fail('PT400', 'invalid_filter', 'status must be draft, open, paid, uncollectible or void');
  end if;
  -- The caller's subscriptions' invoices (invoices_subscription_idx).
  return query
    select i.id, i.subscription_id, i.number, i.status, i.currency, i.amount_due, i.amount_paid, i.amount_remaining,
           i.period_start, i.period_end, i.finalized_at, i.paid_at, i.created_at, (pg_catalog.count(*) over ())::integer
      from app.invoices i
      join app.subscriptions s on s.tenant_id = i.tenant_id and s.id = i.subscription_id
     where i.tenant_id = v_tenant_id and s.user_id = v_user_id and (p_status is null or i.status = p_status)
     order by case when v_sort = 'createdAt' then i.created_at end, i.created_at desc, i.id
     limit p_limit offset p_offset;
end
$$;

ALTER FUNCTION api.sp_list_invoices(p_status text, p_sort text, p_limit integer, p_offset integer) OWNER TO estate_owner;

--
-- Name: FUNCTION sp_list_invoices(p_status text, p_sort text, p_limit integer, p_offset integer); Type: COMMENT; Schema: api; Owner: estate_owner
--

COMMENT ON FUNCTION api.sp_list_invoices(p_status text, p_sort text, p_limit integer, p_offset integer) IS 'The signed-in user''s invoices, newest first or sorted, optionally of one status, a page at a time with the total.';

--
-- Name: sp_list_legal_entities(integer, integer); Type: FUNCTION; Schema: api; Owner: estate_owner
--

CREATE FUNCTION api.sp_list_legal_entities(p_limit integer, p_offset integer) RETURNS SETOF app.legal_entity_row
    LANGUAGE plpgsql STABLE SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
declare
  v_user_id uuid := app.current_user_id();
begin
  perform app.check_page(p_limit, p_offset);
  return query
    select v.* from (select e.id, e.name from app.legal_entities e
                      where e.tenant_id = app.current_tenant_id() and e.id in (select app.controlled_entity_ids(v_user_id))
                      order by e.name, e.id limit p_limit offset p_offset) page
    cross join lateral app.legal_entity_view(page.id) v
    order by page.name, page.id;
end
$$;

ALTER FUNCTION api.sp_list_legal_entities(p_limit integer, p_offset integer) OWNER TO estate_owner;

--
-- Name: FUNCTION sp_list_legal_entities(p_limit integer, p_offset integer); Type: COMMENT; Schema: api; Owner: estate_owner
--

COMMENT ON FUNCTION api.sp_list_legal_entities(p_limit integer, p_offset integer) IS 'The legal entities the caller controls, by name, a page at a time.';

--
-- Name: sp_list_my_api_keys(integer, integer); Type: FUNCTION; Schema: api; Owner: estate_owner
--

CREATE FUNCTION api.sp_list_my_api_keys(p_limit integer, p_offset integer) RETURNS TABLE(api_key_id uuid, name text, prefix text, scopes text[], status text, expires_at timestamp with time zone, last_used_at timestamp with time zone, revoked_at timestamp with time zone, created_at timestamp with time zone, total integer)
    LANGUAGE plpgsql STABLE SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
#variable_conflict use_column
declare
  v_user_id uuid := app.current_user_id();
begin
  perform app.check_page(p_limit, p_offset);
  -- Never the hash: a key is shown once, at its creation.
  return query
    select k.id, k.name, k.prefix, k.scopes, app.api_key_status(k), k.expires_at, k.last_used_at, k.revoked_at,
           k.created_at, (pg_catalog.count(*) over ())::integer
      from app.api_keys k
     where k.tenant_id = app.current_tenant_id() and k.user_id = v_user_id
     order by k.created_at desc, k.id
     limit p_limit offset p_offset;
end
$$;

ALTER FUNCTION api.sp_list_my_api_keys(p_limit integer, p_offset integer) OWNER TO estate_owner;

--
-- Name: FUNCTION sp_list_my_api_keys(p_limit integer, p_offset integer); Type: COMMENT; Schema: api; Owner: estate_owner
--

COMMENT ON FUNCTION api.sp_list_my_api_keys(p_limit integer, p_offset integer) IS 'The signed-in user''s API keys (active, expired and revoked), newest first, without their secrets; a page at a time with the total.';

--
-- Name: sp_list_my_assets(text, uuid, text, text, integer, integer); Type: FUNCTION; Schema: api; Owner: estate_owner
--

CREATE FUNCTION api.sp_list_my_assets(p_asset_type text, p_ffc_id uuid, p_q text, p_sort text, p_limit integer, p_offset integer) RETURNS SETOF app.asset_list_row
    LANGUAGE plpgsql STABLE SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
declare
  v_user_id uuid := app.current_user_id('assets:read');
  v_tenant_id uuid := app.current_tenant_id();
  v_sort text := app.check_sort(p_sort, app.asset_list_sorts());
  v_q text := app.check_filter_text(p_q);
begin
  perform app.check_page(p_limit, p_offset);
  if p_ffc_id is not null then
    -- Narrowing by a circle is for its members: anyone else gets the circle's usual not-found.
    perform app.require_ffc_role(v_user_id, p_ffc_id, 'viewer');
  end if;
  -- Everything the caller may see: owned through any persona they act for, granted to them or
  -- to their circle roles (app.visible_asset_ids, the rules of app.asset_access); with a circle,
  -- only what its active members own.
  return query select * from app.asset_list(
    v_user_id,
    array(select app.visible_asset_ids(v_user_id)
          intersect
          select o.asset_id from app.asset_ownerships o
            join app.ffc_memberships m on m.tenant_id = o.tenant_id and m.persona_id = o.persona_id
           where p_ffc_id is not null and o.tenant_id = v_tenant_id and m.ffc_id = p_ffc_id and m.status = 'active'
          union all
          select app.visible_asset_ids(v_user_id) where p_ffc_id is null),
    p_asset_type, v_q, v_sort, p_limit, p_offset);
end
$$;

ALTER FUNCTION api.sp_list_my_assets(p_asset_type text, p_ffc_id uuid, p_q text, p_sort text, p_limit integer, p_offset integer) OWNER TO estate_owner;

--
-- Name: FUNCTION sp_list_my_assets(p_asset_type text, p_ffc_id uuid, p_q text, p_sort text, p_limit integer, p_offset integer); Type: COMMENT; Schema: api; Owner: estate_owner
--

COMMENT ON FUNCTION api.sp_list_my_assets(p_asset_type text, p_ffc_id uuid, p_q text, p_sort text, p_limit integer, p_offset integer) IS 'Every asset the signed-in user may see (owned, granted, through circle roles), optionally of one type, of one circle''s members, matching q; sorted, a page at a time with the total.';

--
-- Name: sp_list_my_consents(integer, integer); Type: FUNCTION; Schema: api; Owner: estate_owner
--

CREATE FUNCTION api.sp_list_my_consents(p_limit integer, p_offset integer) RETURNS TABLE(consent_id uuid, purpose text, version text, decision text, recorded_at timestamp with time zone, is_current boolean, total integer)
    LANGUAGE plpgsql STABLE SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
#variable_conflict use_column
declare
  v_user_id uuid := app.current_user_id();
begin
  perform app.check_page(p_limit, p_offset);
  return query
    select c.id, c.purpose, c.version, c.decision, c.recorded_at,
           pg_catalog.row_number() over (partition by c.purpose order by c.recorded_at desc, c.id desc) = 1,
           (pg_catalog.count(*) over ())::integer
      from app.consent_records c
     where c.tenant_id = app.current_tenant_id() and c.user_id = v_user_id
     order by c.recorded_at desc, c.id desc
     limit p_limit offset p_offset;
end
$$;

ALTER FUNCTION api.sp_list_my_consents(p_limit integer, p_offset integer) OWNER TO estate_owner;

--
-- Name: FUNCTION sp_list_my_consents(p_limit integer, p_offset integer); Type: COMMENT; Schema: api; Owner: estate_owner
--

COMMENT ON FUNCTION api.sp_list_my_consents(p_limit integer, p_offset integer) IS 'The signed-in user''s consent history, newest first; the newest row of each purpose (is_current) is its state now.';

--
-- Name: sp_list_my_data_requests(integer, integer); Type: FUNCTION; Schema: api; Owner: estate_owner
--

CREATE FUNCTION api.sp_list_my_data_requests(p_limit integer, p_offset integer) RETURNS TABLE(request_id uuid, kind text, status text, received_at timestamp with time zone, due_at timestamp with time zone, completed_at timestamp with time zone, refusal_code text, total integer)
    LANGUAGE plpgsql STABLE SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
#variable_conflict use_column
declare
  v_user_id uuid := app.current_user_id();
begin
  perform app.check_page(p_limit, p_offset);
  return query
    select r.id, r.kind, r.status, r.received_at, r.due_at, r.completed_at, r.refusal_code,
           (pg_catalog.count(*) over ())::integer
      from app.data_subject_requests r
     where r.tenant_id = app.current_tenant_id() and r.user_id = v_user_id
     order by r.received_at desc, r.id
     limit p_limit offset p_offset;
end
$$;

ALTER FUNCTION api.sp_list_my_data_requests(p_limit integer, p_offset integer) OWNER TO estate_owner;

--
-- Name: FUNCTION sp_list_my_data_requests(p_limit integer, p_offset integer); Type: COMMENT; Schema: api; Owner: estate_owner
--

COMMENT ON FUNCTION api.sp_list_my_data_requests(p_limit integer, p_offset integer) IS 'The signed-in user''s export and erasure requests, newest first, with their states and deadlines; a page at a time with the total.';

--
-- Name: sp_list_my_ffc_invitations(text, integer, integer); Type: FUNCTION; Schema: api; Owner: estate_owner
--

CREATE FUNCTION api.sp_list_my_ffc_invitations(p_sort text, p_limit integer, p_offset integer) RETURNS TABLE(invitation_id uuid, ffc_id uuid, ffc_name text, role text, invited_by_name text, expires_at timestamp with time zone, created_at timestamp with time zone, total integer)
    LANGUAGE plpgsql STABLE SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
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

ALTER FUNCTION api.sp_list_my_ffc_invitations(p_sort text, p_limit integer, p_offset integer) OWNER TO estate_owner;

--
-- Name: FUNCTION sp_list_my_ffc_invitations(p_sort text, p_limit integer, p_offset integer); Type: COMMENT; Schema: api; Owner: estate_owner
--

COMMENT ON FUNCTION api.sp_list_my_ffc_invitations(p_sort text, p_limit integer, p_offset integer) IS 'Pending, unexpired circle invitations to the signed-in user''s verified email (circle, role, who invited), newest first or sorted, with the total.';

--
-- Name: sp_list_my_ffcs(text, text, integer, integer); Type: FUNCTION; Schema: api; Owner: estate_owner
--

CREATE FUNCTION api.sp_list_my_ffcs(p_q text, p_sort text, p_limit integer, p_offset integer) RETURNS TABLE(ffc_id uuid, name text, description text, my_role text, member_count integer, created_at timestamp with time zone, total integer)
    LANGUAGE plpgsql STABLE SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
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

ALTER FUNCTION api.sp_list_my_ffcs(p_q text, p_sort text, p_limit integer, p_offset integer) OWNER TO estate_owner;

--
-- Name: FUNCTION sp_list_my_ffcs(p_q text, p_sort text, p_limit integer, p_offset integer); Type: COMMENT; Schema: api; Owner: estate_owner
--

COMMENT ON FUNCTION api.sp_list_my_ffcs(p_q text, p_sort text, p_limit integer, p_offset integer) IS 'The circles the signed-in user belongs to, with their role, optionally those whose name contains q; sorted, a page at a time with the total.';

--
-- Name: sp_list_my_link_invitations(text, integer, integer); Type: FUNCTION; Schema: api; Owner: estate_owner
--

CREATE FUNCTION api.sp_list_my_link_invitations(p_sort text, p_limit integer, p_offset integer) RETURNS TABLE(invitation_id uuid, persona_id uuid, persona_first_name text, persona_last_name text, invited_by_first_name text, invited_by_last_name text, created_at timestamp with time zone, total integer)
    LANGUAGE plpgsql STABLE SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
#variable_conflict use_column
declare
  v_user_id uuid := app.current_user_id();
  v_tenant_id uuid := app.current_tenant_id();
  v_sort text := app.check_sort(p_sort, array['createdAt', '-createdAt']);
begin
  perform app.check_page(p_limit, p_offset);
  return query
    select i.id, p.id, p.first_name, p.last_name, ip.first_name, ip.last_name, i.created_at,
           (pg_catalog.count(*) over ())::integer
      from app.persona_link_invitations i
      join app.personas p on p.tenant_id = i.tenant_id and p.id = i.persona_id
      left join app.user_personas iup on iup.tenant_id = i.tenant_id and iup.user_id = i.invited_by_user_id
                                     and iup.link_kind = 'self'
      left join app.personas ip on ip.tenant_id = iup.tenant_id and ip.id = iup.persona_id
     where i.tenant_id = v_tenant_id and i.invited_user_id = v_user_id and i.status = 'pending'
     order by case when v_sort = '-createdAt' then i.created_at end desc, i.created_at, i.id
     limit p_limit offset p_offset;
end
$$;

ALTER FUNCTION api.sp_list_my_link_invitations(p_sort text, p_limit integer, p_offset integer) OWNER TO estate_owner;

--
-- Name: FUNCTION sp_list_my_link_invitations(p_sort text, p_limit integer, p_offset integer); Type: COMMENT; Schema: api; Owner: estate_owner
--

COMMENT ON FUNCTION api.sp_list_my_link_invitations(p_sort text, p_limit integer, p_offset integer) IS 'The pending invitations to act for a persona sent to the signed-in user (which persona, who invited), oldest first or sorted, a page at a time with the total.';

--
-- Name: sp_list_my_personas(text, text, integer, integer); Type: FUNCTION; Schema: api; Owner: estate_owner
--

CREATE FUNCTION api.sp_list_my_personas(p_q text, p_sort text, p_limit integer, p_offset integer) RETURNS TABLE(persona_id uuid, first_name text, last_name text, preferred_name text, link_kind text, living_status text, created_at timestamp with time zone, total integer)
    LANGUAGE plpgsql STABLE SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
#variable_conflict use_column
declare
  v_user_id uuid := app.current_user_id('personas:read');
  v_sort text := app.check_sort(p_sort, array['name', '-name', 'createdAt', '-createdAt']);
  v_q text := app.check_filter_text(p_q);
begin
  perform app.check_page(p_limit, p_offset);
  -- The caller's own links (user_personas' key): few rows; q matches any of the names.
  return query
    select p.id, p.first_name, p.last_name, p.preferred_name, up.link_kind, p.living_status, p.created_at,
           (pg_catalog.count(*) over ())::integer
      from app.user_personas up
      join app.personas p on p.tenant_id = up.tenant_id and p.id = up.persona_id
     where up.tenant_id = app.current_tenant_id() and up.user_id = v_user_id
       and (v_q is null or pg_catalog.strpos(pg_catalog.lower(pg_catalog.concat_ws(' ', p.first_name, p.last_name, p.preferred_name)), v_q) > 0)
     order by case when v_sort = 'name' then pg_catalog.lower(p.last_name || ' ' || p.first_name) end,
              case when v_sort = '-name' then pg_catalog.lower(p.last_name || ' ' || p.first_name) end desc,
              case when v_sort = 'createdAt' then p.created_at end,
              case when v_sort = '-createdAt' then p.created_at end desc,
              up.link_kind desc, p.created_at, p.id
     limit p_limit offset p_offset;
end
$$;

ALTER FUNCTION api.sp_list_my_personas(p_q text, p_sort text, p_limit integer, p_offset integer) OWNER TO estate_owner;

--
-- Name: FUNCTION sp_list_my_personas(p_q text, p_sort text, p_limit integer, p_offset integer); Type: COMMENT; Schema: api; Owner: estate_owner
--

COMMENT ON FUNCTION api.sp_list_my_personas(p_q text, p_sort text, p_limit integer, p_offset integer) IS 'The personas the signed-in user may act for (their own first, then those they manage, unless sorted), optionally those whose names contain q, a page at a time with the total.';

--
-- Name: sp_list_my_security_questions(); Type: FUNCTION; Schema: api; Owner: estate_owner
--

CREATE FUNCTION api.sp_list_my_security_questions() RETURNS TABLE(question_id uuid, question_position smallint, question text, created_at timestamp with time zone)
    LANGUAGE plpgsql STABLE SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
#variable_conflict use_column
declare
  v_user_id uuid := app.current_user_id();
begin
  -- The questions only: an answer's hash never leaves the database through a listing.
  return query
    select q.id, q.position, q.question, q.created_at from app.security_questions q
     where q.tenant_id = app.current_tenant_id() and q.user_id = v_user_id
     order by q.position;
end
$$;

ALTER FUNCTION api.sp_list_my_security_questions() OWNER TO estate_owner;

--
-- Name: FUNCTION sp_list_my_security_questions(); Type: COMMENT; Schema: api; Owner: estate_owner
--

COMMENT ON FUNCTION api.sp_list_my_security_questions() IS 'My security questions in order, without their answers.';

--
-- Name: sp_list_my_sessions(integer, integer); Type: FUNCTION; Schema: api; Owner: estate_owner
--

CREATE FUNCTION api.sp_list_my_sessions(p_limit integer, p_offset integer) RETURNS TABLE(session_id uuid, started_at timestamp with time zone, last_seen_at timestamp with time zone, revoked_at timestamp with time zone, user_agent text, ip_address text, is_current boolean, total integer)
    LANGUAGE plpgsql STABLE SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
#variable_conflict use_column
declare
  v_user_id uuid := app.current_user_id();
  v_session_ref text := pg_catalog.current_setting('app.session_ref', true);
begin
  perform app.check_page(p_limit, p_offset);
  -- The caller's own sign-ins (user_sessions' unique key leads with the user): their own IP address in clear.
  return query
    select s.id, s.started_at, s.last_seen_at, s.revoked_at, pg_catalog.left(s.user_agent, 200),
           pg_catalog.host(s.ip_address), coalesce(s.session_ref = nullif(v_session_ref, ''), false),
           (pg_catalog.count(*) over ())::integer
      from app.user_sessions s
     where s.tenant_id = app.current_tenant_id() and s.user_id = v_user_id
     order by s.started_at desc, s.id
     limit p_limit offset p_offset;
end
$$;

ALTER FUNCTION api.sp_list_my_sessions(p_limit integer, p_offset integer) OWNER TO estate_owner;

--
-- Name: FUNCTION sp_list_my_sessions(p_limit integer, p_offset integer); Type: COMMENT; Schema: api; Owner: estate_owner
--

COMMENT ON FUNCTION api.sp_list_my_sessions(p_limit integer, p_offset integer) IS 'The signed-in user''s own sign-ins, newest first, the one of this request marked current; a page at a time with the total.';

--
-- Name: sp_list_my_support_access(integer, integer); Type: FUNCTION; Schema: api; Owner: estate_owner
--

CREATE FUNCTION api.sp_list_my_support_access(p_limit integer, p_offset integer) RETURNS TABLE(grant_id uuid, scope text, reason text, ticket_ref text, granted_at timestamp with time zone, expires_at timestamp with time zone, view_count integer, last_viewed_at timestamp with time zone)
    LANGUAGE plpgsql STABLE SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
#variable_conflict use_column
declare
  v_user_id uuid := app.current_user_id();
begin
  perform app.check_page(p_limit, p_offset);
  -- Which staff member is support's business; that support looked, when and why is the user's.
  return query
    select g.id, g.scope, g.reason, g.ticket_ref, g.granted_at, g.expires_at, g.view_count, g.last_viewed_at
      from app.support_unmask_grants g
     where g.tenant_id = app.current_tenant_id() and g.user_id = v_user_id
     order by g.granted_at desc, g.id
     limit p_limit offset p_offset;
end
$$;

ALTER FUNCTION api.sp_list_my_support_access(p_limit integer, p_offset integer) OWNER TO estate_owner;

--
-- Name: FUNCTION sp_list_my_support_access(p_limit integer, p_offset integer); Type: COMMENT; Schema: api; Owner: estate_owner
--

COMMENT ON FUNCTION api.sp_list_my_support_access(p_limit integer, p_offset integer) IS 'The signed-in user''s access records: when support was allowed to see their contact data in clear, why (reason, ticket), until when, and how often it looked.';

--
-- Name: sp_list_my_support_access_events(integer, integer); Type: FUNCTION; Schema: api; Owner: estate_owner
--

CREATE FUNCTION api.sp_list_my_support_access_events(p_limit integer, p_offset integer) RETURNS TABLE(event_id uuid, occurred_at timestamp with time zone, what text, asset_id uuid, asset_name text, request_id uuid, kind text, reason text, ticket_ref text)
    LANGUAGE plpgsql STABLE SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
declare
  v_user_id uuid := app.current_user_id();
begin
  perform app.check_page(p_limit, p_offset);
  -- "Support viewed your account number of <asset> on <when> because <reason> (<ticket>)".
  return query
    select e.id, e.occurred_at, e.what, e.asset_id, a.name, r.id, r.kind, r.reason, r.ticket_ref
      from app.support_access_events e
      join app.support_access_requests r on r.tenant_id = e.tenant_id and r.id = e.access_request_id
      left join app.assets a on a.tenant_id = e.tenant_id and a.id = e.asset_id
     where e.tenant_id = app.current_tenant_id() and e.user_id = v_user_id
     order by e.occurred_at desc, e.id
     limit p_limit offset p_offset;
end
$$;

ALTER FUNCTION api.sp_list_my_support_access_events(p_limit integer, p_offset integer) OWNER TO estate_owner;

--
-- Name: FUNCTION sp_list_my_support_access_events(p_limit integer, p_offset integer); Type: COMMENT; Schema: api; Owner: estate_owner
--

COMMENT ON FUNCTION api.sp_list_my_support_access_events(p_limit integer, p_offset integer) IS 'The signed-in user''s access records: each time support looked at their data under an access (assets in clear, an account number), when, why and under which request.';

--
-- Name: sp_list_my_support_access_requests(text, integer, integer); Type: FUNCTION; Schema: api; Owner: estate_owner
--

CREATE FUNCTION api.sp_list_my_support_access_requests(p_state text, p_limit integer, p_offset integer) RETURNS TABLE(request_id uuid, kind text, state text, reason text, ticket_ref text, minutes integer, requested_at timestamp with time zone, respond_by timestamp with time zone, decided_at timestamp with time zone, expires_at timestamp with time zone, ended_at timestamp with time zone, view_count integer, last_viewed_at timestamp with time zone)
    LANGUAGE plpgsql STABLE SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
declare
  v_user_id uuid := app.current_user_id();
begin
  perform app.check_page(p_limit, p_offset);
  if p_state is not null
     and p_state not in ('pending', 'lapsed', 'active', 'expired', 'denied', 'revoked', 'closed') then
    perform app.fail('PT400', 'invalid_state', 'state is pending, lapsed, active, expired, denied, revoked or closed');
  end if;
  return query
    select x.*
      from app.support_access_requests r
      cross join lateral app.my_support_access_request_row(r.id) x
     where r.tenant_id = app.current_tenant_id() and r.user_id = v_user_id
       and (r.kind = 'consent' or r.decided_at is not null)
       and (p_state is null or x.state = p_state)
     order by r.requested_at desc, r.id
     limit p_limit offset p_offset;
end
$$;

ALTER FUNCTION api.sp_list_my_support_access_requests(p_state text, p_limit integer, p_offset integer) OWNER TO estate_owner;

--
-- Name: FUNCTION sp_list_my_support_access_requests(p_state text, p_limit integer, p_offset integer); Type: COMMENT; Schema: api; Owner: estate_owner
--

COMMENT ON FUNCTION api.sp_list_my_support_access_requests(p_state text, p_limit integer, p_offset integer) IS 'The signed-in user''s support access requests, newest first: what support asked for and why, waiting ones to approve or deny, and break-glass accesses once they took effect.';

--
-- Name: sp_list_payment_methods(); Type: FUNCTION; Schema: api; Owner: estate_owner
--

CREATE FUNCTION api.sp_list_payment_methods() RETURNS SETOF app.payment_method_row
    LANGUAGE plpgsql STABLE SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
#variable_conflict use_column
begin
  return query select * from app.payment_method_list(app.current_user_id());
end
$$;

ALTER FUNCTION api.sp_list_payment_methods() OWNER TO estate_owner;

--
-- Name: FUNCTION sp_list_payment_methods(); Type: COMMENT; Schema: api; Owner: estate_owner
--

COMMENT ON FUNCTION api.sp_list_payment_methods() IS 'The signed-in user''s payment methods (brand and last four), the default first.';

--
-- Name: sp_list_plans(); Type: FUNCTION; Schema: api; Owner: estate_owner
--

CREATE FUNCTION api.sp_list_plans() RETURNS TABLE(plan_code text, name text, description text, price_amount numeric, currency text, billing_interval text, max_ffcs bigint, max_seats bigint, max_assets bigint, max_storage_mb bigint, is_current boolean)
    LANGUAGE plpgsql STABLE SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
#variable_conflict use_column
declare
  v_user_id uuid := app.current_user_id();
  v_tenant_id uuid := app.current_tenant_id();
  v_current uuid := (select s.plan_id from app.subscriptions s
                      where s.tenant_id = v_tenant_id and s.user_id = v_user_id and s.ended_at is null);
begin
  return query
    select p.code, p.name, p.description, p.price_amount, p.currency, p.billing_interval, p.max_ffcs, p.max_seats,
           p.max_assets, p.max_storage_bytes / 1048576, p.plan_id is not distinct from v_current
      from app.tenant_plans(v_tenant_id) p
     where p.is_available
     order by p.sort_order;
end
$$;

ALTER FUNCTION api.sp_list_plans() OWNER TO estate_owner;

--
-- Name: FUNCTION sp_list_plans(); Type: COMMENT; Schema: api; Owner: estate_owner
--

COMMENT ON FUNCTION api.sp_list_plans() IS 'The plans this tenant offers, with prices and limits, marking the caller''s current plan.';

--
-- Name: sp_list_subscription_changes(text, integer, integer); Type: FUNCTION; Schema: api; Owner: estate_owner
--

CREATE FUNCTION api.sp_list_subscription_changes(p_sort text, p_limit integer, p_offset integer) RETURNS TABLE(change_id uuid, subscription_id uuid, from_plan_code text, to_plan_code text, change_kind text, source text, changed_at timestamp with time zone, total integer)
    LANGUAGE plpgsql STABLE SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
#variable_conflict use_column
declare
  v_user_id uuid := app.current_user_id();
  v_tenant_id uuid := app.current_tenant_id();
  v_sort text := app.check_sort(p_sort, array['-changedAt', 'changedAt']);
begin
  perform app.check_page(p_limit, p_offset);
  return query
    select c.id, c.subscription_id, f.code, t.code, c.change_kind, c.source, c.created_at,
           (pg_catalog.count(*) over ())::integer
      from app.subscription_plan_changes c
      join app.subscriptions s on s.tenant_id = c.tenant_id and s.id = c.subscription_id
      left join app.subscription_plans f on f.id = c.from_plan_id
      join app.subscription_plans t on t.id = c.to_plan_id
     where c.tenant_id = v_tenant_id and s.user_id = v_user_id
     order by case when v_sort = 'changedAt' then c.created_at end, c.created_at desc, c.id
     limit p_limit offset p_offset;
end
$$;

ALTER FUNCTION api.sp_list_subscription_changes(p_sort text, p_limit integer, p_offset integer) OWNER TO estate_owner;

--
-- Name: FUNCTION sp_list_subscription_changes(p_sort text, p_limit integer, p_offset integer); Type: COMMENT; Schema: api; Owner: estate_owner
--

COMMENT ON FUNCTION api.sp_list_subscription_changes(p_sort text, p_limit integer, p_offset integer) IS 'The history of the signed-in user''s plan changes, newest first or sorted, a page at a time with the total.';

--
-- Name: sp_list_subscription_seats(); Type: FUNCTION; Schema: api; Owner: estate_owner
--

CREATE FUNCTION api.sp_list_subscription_seats() RETURNS TABLE(seat_id uuid, persona_id uuid, first_name text, last_name text, first_ffc_id uuid, ffc_name text, assigned_at timestamp with time zone)
    LANGUAGE plpgsql STABLE SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
#variable_conflict use_column
declare
  v_user_id uuid := app.current_user_id();
  v_tenant_id uuid := app.current_tenant_id();
begin
  return query
    select s.id, s.persona_id, p.first_name, p.last_name, s.first_ffc_id, c.name, s.assigned_at
      from app.subscription_seats s
      join app.personas p on p.tenant_id = s.tenant_id and p.id = s.persona_id
      join app.fwd_family_circles c on c.tenant_id = s.tenant_id and c.id = s.first_ffc_id
     where s.tenant_id = v_tenant_id and s.subscriber_user_id = v_user_id and s.status = 'active'
     order by s.assigned_at, s.id;
end
$$;

ALTER FUNCTION api.sp_list_subscription_seats() OWNER TO estate_owner;

--
-- Name: FUNCTION sp_list_subscription_seats(); Type: COMMENT; Schema: api; Owner: estate_owner
--

COMMENT ON FUNCTION api.sp_list_subscription_seats() IS 'Who holds the signed-in user''s seats: the people in the circles they created.';

--
-- Name: sp_lock_for_precondition(text, uuid); Type: FUNCTION; Schema: api; Owner: estate_owner
--

CREATE FUNCTION api.sp_lock_for_precondition(p_kind text, p_id uuid) RETURNS void
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
declare
  v_tenant_id uuid := app.require_active_tenant();
  -- An API key may lock only what its scope lets it write (NULL: keys refused).
  v_user_id uuid := app.current_user_id(case p_kind when 'asset' then 'assets:write' end);
begin
  -- Says nothing: a row of the tenant the caller may not see is locked like any other, and the
  -- read that follows (the resource's own procedure) answers its usual not-found.
  case p_kind
    when 'asset' then
      perform 1 from app.assets a where a.tenant_id = v_tenant_id and a.id = p_id for update;
    when 'persona' then
      perform 1 from app.personas p where p.tenant_id = v_tenant_id and p.id = p_id for update;
    when 'ffc' then
      -- A circle and its memberships: the lock every membership change takes first (app.lock_ffc).
      perform 1 from app.fwd_family_circles c where c.tenant_id = v_tenant_id and c.id = p_id for update;
    when 'subscription' then
      -- The caller's own current subscription (p_id is not used: there is one).
      perform 1 from app.subscriptions s
       where s.tenant_id = v_tenant_id and s.user_id = v_user_id and s.ended_at is null for update;
    else
      perform app.fail('22023', 'invalid_input', 'unknown resource kind');
  end case;
end
$$;

ALTER FUNCTION api.sp_lock_for_precondition(p_kind text, p_id uuid) OWNER TO estate_owner;

--
-- Name: FUNCTION sp_lock_for_precondition(p_kind text, p_id uuid); Type: COMMENT; Schema: api; Owner: estate_owner
--

COMMENT ON FUNCTION api.sp_lock_for_precondition(p_kind text, p_id uuid) IS 'Locks an asset''s, a persona''s or a circle''s row (a circle''s also guards its memberships), or the caller''s current subscription, for the rest of the transaction, before an If-Match is compared with a fresh read (reveals nothing).';

--
-- Name: sp_record_consent(text, text, text); Type: FUNCTION; Schema: api; Owner: estate_owner
--

CREATE FUNCTION api.sp_record_consent(p_purpose text, p_version text, p_decision text) RETURNS TABLE(consent_id uuid, purpose text, version text, decision text, recorded_at timestamp with time zone, is_current boolean)
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $_$
#variable_conflict use_column
declare
  v_user_id uuid := app.lock_current_user();
  v_tenant_id uuid := app.current_tenant_id();
  v_current text;
  v_id uuid;
begin
  if p_purpose is null or p_purpose not in ('terms_of_service', 'privacy_policy', 'marketing_email',
                                            'product_analytics', 'advisor_sharing') then
    perform app.fail('PT400', 'invalid_purpose',
      'purpose must be terms_of_service, privacy_policy, marketing_email, product_analytics or advisor_sharing');
  end if;
  if p_version is null or p_version !~ '^[A-Za-z0-9._-]{1,40}$' then
    perform app.fail('PT400', 'invalid_version', 'version must be 1 to 40 letters, digits, dots, dashes or underscores');
  end if;
  if p_decision is null or p_decision not in ('given', 'withdrawn') then
    perform app.fail('PT400', 'invalid_decision', 'decision must be given or withdrawn');
  end if;
  select c.decision into v_current from app.consent_records c
   where c.tenant_id = v_tenant_id and c.user_id = v_user_id and c.purpose = p_purpose
   order by c.recorded_at desc, c.id desc limit 1;
  if p_decision = 'withdrawn' and v_current is distinct from 'given' then
    perform app.fail('PT409', 'consent_not_given', 'there is no consent to this purpose to withdraw');
  end if;
  insert into app.consent_records (tenant_id, user_id, purpose, version, decision, request_id)
  values (v_tenant_id, v_user_id, p_purpose, p_version, p_decision, pg_catalog.left(app.current_request_id(), 100))
  returning id into v_id;
  return query
    select c.id, c.purpose, c.version, c.decision, c.recorded_at, true
      from app.consent_records c where c.tenant_id = v_tenant_id and c.id = v_id;
end
$_$;

ALTER FUNCTION api.sp_record_consent(p_purpose text, p_version text, p_decision text) OWNER TO estate_owner;

--
-- Name: FUNCTION sp_record_consent(p_purpose text, p_version text, p_decision text); Type: COMMENT; Schema: api; Owner: estate_owner
--

COMMENT ON FUNCTION api.sp_record_consent(p_purpose text, p_version text, p_decision text) IS 'Records that the signed-in user gave or withdrew consent to a purpose at a version of its text (a new row each time; withdrawing needs a consent given).';

--
-- Name: sp_record_persona_relationship(uuid, uuid, text); Type: FUNCTION; Schema: api; Owner: estate_owner
--

CREATE FUNCTION api.sp_record_persona_relationship(p_persona_id uuid, p_related_persona_id uuid, p_relationship_type text) RETURNS uuid
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
declare
  v_user_id uuid := app.current_user_id();
  v_tenant_id uuid := app.current_tenant_id();
  v_id uuid;
begin
  perform app.require_persona_access(v_user_id, p_persona_id);
  perform app.require_persona_access(v_user_id, p_related_persona_id);
  if p_relationship_type is null or p_relationship_type not in ('spouse', 'partner', 'former_spouse', 'child', 'parent',
       'sibling', 'grandchild', 'grandparent', 'guardian', 'ward', 'other') then
    perform app.fail('PT400', 'invalid_relationship_type', 'relationship type is not one of the known kinds');
  end if;
  if p_persona_id = p_related_persona_id then
    perform app.fail('PT400', 'invalid_relationship', 'a persona cannot be related to itself');
  end if;
  insert into app.persona_relationships (tenant_id, persona_id, related_persona_id, relationship_type)
  values (v_tenant_id, p_persona_id, p_related_persona_id, p_relationship_type)
  on conflict (tenant_id, persona_id, related_persona_id, relationship_type) do nothing
  returning id into v_id;
  if v_id is null then
    perform app.fail('PT409', 'relationship_exists', 'this relationship is already recorded');
  end if;
  return v_id;
end
$$;

ALTER FUNCTION api.sp_record_persona_relationship(p_persona_id uuid, p_related_persona_id uuid, p_relationship_type text) OWNER TO estate_owner;

--
-- Name: FUNCTION sp_record_persona_relationship(p_persona_id uuid, p_related_persona_id uuid, p_relationship_type text); Type: COMMENT; Schema: api; Owner: estate_owner
--

COMMENT ON FUNCTION api.sp_record_persona_relationship(p_persona_id uuid, p_related_persona_id uuid, p_relationship_type text) IS 'Records that the related persona is the <type> (spouse, child...) of the persona; the user must act for both.';

--
-- Name: sp_record_stripe_event(jsonb); Type: FUNCTION; Schema: api; Owner: estate_owner
--

CREATE FUNCTION api.sp_record_stripe_event(p_event jsonb) RETURNS TABLE(stripe_event_id text, event_type text, outcome text)
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $_$
#variable_conflict use_column
declare
  v_event_id text := p_event ->> 'id';
  v_type text := p_event ->> 'type';
  v_object jsonb := p_event -> 'data' -> 'object';
  v_created timestamptz := app.stripe_time(p_event -> 'created');
  v_tenant_id uuid;
  v_row_id uuid;
  v_outcome text;
begin
  -- Only the webhook route, after verifying Stripe's signature, acts as this system actor; it
  -- names no tenant: the event's own ids decide which one it reaches.
  if app.current_actor_kind() <> 'system' or app.current_actor_id() is distinct from 'stripe-webhook'
     or coalesce(pg_catalog.current_setting('app.tenant_id', true), '') <> '' then
    perform app.fail('42501', 'webhook_context_missing', 'Stripe events are recorded by the webhook only');
  end if;
  if p_event is null or pg_catalog.jsonb_typeof(p_event) <> 'object' or coalesce(v_event_id, '') !~ '^evt_[A-Za-z0-9]+$'
     or v_type is null or v_created is null or pg_catalog.jsonb_typeof(v_object) is distinct from 'object'
     or pg_catalog.jsonb_typeof(p_event -> 'livemode') is distinct from 'boolean' then
    perform app.fail('PT400', 'invalid_stripe_event', 'a Stripe event has an evt_ id, a type, a created time, livemode and data.object');
  end if;
  if v_type not in ('customer.subscription.created', 'customer.subscription.updated', 'customer.subscription.deleted',
                    'invoice.created', 'invoice.finalized', 'invoice.updated', 'invoice.paid', 'invoice.payment_failed',
                    'invoice.voided', 'invoice.marked_uncollectible', 'payment_intent.succeeded',
                    'payment_intent.payment_failed', 'charge.refunded', 'invoice_payment.paid') then
    -- Not an event this system acts on: acknowledged, nothing stored.
    return query select v_event_id, v_type, 'ignored'::text;
    return;
  end if;

  v_tenant_id := app.route_stripe_event(v_type, v_object, v_created);
  if v_tenant_id is null then
    -- Old, and naming nothing known here: not ours. Acknowledged, nothing stored.
    return query select v_event_id, v_type, 'unroutable'::text;
    return;
  end if;
  perform pg_catalog.set_config('app.tenant_id', v_tenant_id::text, true);

  -- Exactly once: a redelivery finds the event id taken (cheaply, here; one racing the first
  -- delivery waits on the unique index below and then finds it taken too).
  if exists (select 1 from app.stripe_webhook_events e where e.stripe_event_id = v_event_id) then
    return query select v_event_id, v_type, 'duplicate'::text;
    return;
  end if;
  insert into app.stripe_webhook_events (tenant_id, stripe_event_id, event_type, object_id, event_created_at, livemode, payload, outcome)
  values (v_tenant_id, v_event_id, v_type, v_object ->> 'id', v_created, (p_event ->> 'livemode')::boolean,
          app.stripe_event_for_storage(p_event), 'applied')
  on conflict (stripe_event_id) do nothing
  returning id into v_row_id;
  if v_row_id is null then
    return query select v_event_id, v_type, 'duplicate'::text;
    return;
  end if;

  v_outcome := case
    when v_type like 'customer.subscription.%' then app.apply_stripe_subscription(v_event_id, v_type, v_created, v_object)
    when v_type like 'invoice.%' then app.apply_stripe_invoice(v_event_id, v_type, v_created, v_object)
    when v_type like 'payment_intent.%' then app.process_payment(v_event_id, v_type, v_created, v_object)
    when v_type = 'charge.refunded' then app.process_refund(v_event_id, v_created, v_object)
    else app.apply_stripe_invoice_payment(v_created, v_object) end;
  if v_outcome <> 'applied' then
    update app.stripe_webhook_events e set outcome = v_outcome where e.tenant_id = v_tenant_id and e.id = v_row_id;
  end if;
  return query select v_event_id, v_type, v_outcome;
end
$_$;

ALTER FUNCTION api.sp_record_stripe_event(p_event jsonb) OWNER TO estate_owner;

--
-- Name: FUNCTION sp_record_stripe_event(p_event jsonb); Type: COMMENT; Schema: api; Owner: estate_owner
--

COMMENT ON FUNCTION api.sp_record_stripe_event(p_event jsonb) IS 'Stores a verified Stripe event once (by event id) in the tenant its ids lead to, and applies it in the same transaction.';

--
-- Name: sp_register_user(text, text, date); Type: FUNCTION; Schema: api; Owner: estate_owner
--

CREATE FUNCTION api.sp_register_user(p_first_name text, p_last_name text, p_date_of_birth date DEFAULT NULL::date) RETURNS TABLE(user_id uuid, persona_id uuid)
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
#variable_conflict use_column
declare
  v_tenant_id uuid := app.require_active_tenant();
  v_sub text := app.current_actor_id();
  v_first_name text := app.require_text(p_first_name, 'invalid_first_name', 100);
  v_last_name text := app.require_text(p_last_name, 'invalid_last_name', 100);
  v_email text;
  v_user_id uuid;
  v_persona_id uuid;
begin
  if app.current_actor_kind() <> 'user' or v_sub is null then
    perform app.fail('42501', 'user_context_missing', 'no signed-in user is named for this transaction');
  end if;
  perform app.check_life_dates(p_date_of_birth, 'living', null);
  if exists (select 1 from app.users u where u.tenant_id = v_tenant_id and u.cognito_sub = v_sub) then
    perform app.fail('PT409', 'user_already_registered', 'this identity is already registered');
  end if;
  v_email := app.verified_email();
  perform app.require_email_free(v_tenant_id, v_email, null);

  insert into app.users (tenant_id, cognito_sub, email, email_verified_at)
  values (v_tenant_id, v_sub, v_email, pg_catalog.now())
  returning id into v_user_id;

  insert into app.personas (tenant_id, first_name, last_name, date_of_birth, created_by_user_id)
  values (v_tenant_id, v_first_name, v_last_name, p_date_of_birth, v_user_id)
  returning id into v_persona_id;

  insert into app.user_personas (tenant_id, user_id, persona_id, link_kind)
  values (v_tenant_id, v_user_id, v_persona_id, 'self');

  insert into app.persona_emails (tenant_id, persona_id, email, label, is_primary)
  values (v_tenant_id, v_persona_id, v_email, 'personal', true);

  -- Every user has a plan from the start.
  perform * from api.sp_assign_free_plan();

  return query select v_user_id, v_persona_id;
end
$$;

ALTER FUNCTION api.sp_register_user(p_first_name text, p_last_name text, p_date_of_birth date) OWNER TO estate_owner;

--
-- Name: FUNCTION sp_register_user(p_first_name text, p_last_name text, p_date_of_birth date); Type: COMMENT; Schema: api; Owner: estate_owner
--

COMMENT ON FUNCTION api.sp_register_user(p_first_name text, p_last_name text, p_date_of_birth date) IS 'Registers the signed-in Cognito identity as a user of the tenant, with the email the identity provider verified, its own persona, primary email and the free plan.';

--
-- Name: sp_remove_ffc_member(uuid, uuid); Type: FUNCTION; Schema: api; Owner: estate_owner
--

CREATE FUNCTION api.sp_remove_ffc_member(p_ffc_id uuid, p_persona_id uuid) RETURNS void
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
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

ALTER FUNCTION api.sp_remove_ffc_member(p_ffc_id uuid, p_persona_id uuid) OWNER TO estate_owner;

--
-- Name: FUNCTION sp_remove_ffc_member(p_ffc_id uuid, p_persona_id uuid); Type: COMMENT; Schema: api; Owner: estate_owner
--

COMMENT ON FUNCTION api.sp_remove_ffc_member(p_ffc_id uuid, p_persona_id uuid) IS 'Removes a member (or lets the caller leave) with the asset grants only the circle allowed; the last owner cannot go.';

--
-- Name: sp_remove_payment_method(uuid); Type: FUNCTION; Schema: api; Owner: estate_owner
--

CREATE FUNCTION api.sp_remove_payment_method(p_payment_method_id uuid) RETURNS SETOF app.payment_method_row
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
#variable_conflict use_column
declare
  v_user_id uuid := app.current_user_id();
  v_tenant_id uuid := app.current_tenant_id();
  v_was_default boolean;
begin
  perform 1 from app.users u where u.tenant_id = v_tenant_id and u.id = v_user_id for update;
  select m.is_default into v_was_default from app.payment_methods m
   where m.tenant_id = v_tenant_id and m.id = p_payment_method_id and m.user_id = v_user_id and m.status = 'active';
  if v_was_default is null then
    perform app.fail('PT404', 'payment_method_not_found', 'payment method not found');
  end if;
  update app.payment_methods m set status = 'removed', removed_at = pg_catalog.now(), is_default = false
   where m.tenant_id = v_tenant_id and m.id = p_payment_method_id;
  if v_was_default then
    -- The newest remaining method becomes the default.
    update app.payment_methods m set is_default = true
     where m.tenant_id = v_tenant_id and m.id = (select n.id from app.payment_methods n
                                                 where n.tenant_id = v_tenant_id and n.user_id = v_user_id and n.status = 'active'
                                                 order by n.created_at desc, n.id limit 1);
  end if;
  return query select * from app.payment_method_list(v_user_id);
end
$$;

ALTER FUNCTION api.sp_remove_payment_method(p_payment_method_id uuid) OWNER TO estate_owner;

--
-- Name: FUNCTION sp_remove_payment_method(p_payment_method_id uuid); Type: COMMENT; Schema: api; Owner: estate_owner
--

COMMENT ON FUNCTION api.sp_remove_payment_method(p_payment_method_id uuid) IS 'Removes one of the signed-in user''s payment methods; the newest remaining one becomes the default.';

--
-- Name: sp_remove_persona_contact(uuid, text, uuid); Type: FUNCTION; Schema: api; Owner: estate_owner
--

CREATE FUNCTION api.sp_remove_persona_contact(p_persona_id uuid, p_contact_kind text, p_contact_id uuid) RETURNS void
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
declare
  v_tenant_id uuid := app.current_tenant_id();
begin
  perform app.require_persona_access(app.current_user_id(), p_persona_id);
  case p_contact_kind
    when 'email' then
      delete from app.persona_emails e where e.tenant_id = v_tenant_id and e.persona_id = p_persona_id and e.id = p_contact_id;
    when 'phone' then
      delete from app.persona_phones ph where ph.tenant_id = v_tenant_id and ph.persona_id = p_persona_id and ph.id = p_contact_id;
    when 'address' then
      delete from app.persona_addresses a where a.tenant_id = v_tenant_id and a.persona_id = p_persona_id and a.id = p_contact_id;
    else
      perform app.fail('PT400', 'invalid_contact_kind', 'contact kind must be email, phone or address');
  end case;
  if not found then
    perform app.fail('PT404', 'contact_not_found', 'contact not found');
  end if;
end
$$;

ALTER FUNCTION api.sp_remove_persona_contact(p_persona_id uuid, p_contact_kind text, p_contact_id uuid) OWNER TO estate_owner;

--
-- Name: FUNCTION sp_remove_persona_contact(p_persona_id uuid, p_contact_kind text, p_contact_id uuid); Type: COMMENT; Schema: api; Owner: estate_owner
--

COMMENT ON FUNCTION api.sp_remove_persona_contact(p_persona_id uuid, p_contact_kind text, p_contact_id uuid) IS 'Removes one e-mail address, phone number or postal address of a persona.';

--
-- Name: sp_report_my_mfa_factors(text[], text); Type: FUNCTION; Schema: api; Owner: estate_owner
--

CREATE FUNCTION api.sp_report_my_mfa_factors(p_factors text[], p_preferred_factor text) RETURNS TABLE(mfa_required boolean, allowed_factors text[], enrolled_factors text[], preferred_factor text, reported_at timestamp with time zone, token_has_mfa boolean)
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
#variable_conflict use_column
declare
  v_user_id uuid := app.current_user_id_for_mfa_setup();
  v_tenant_id uuid := app.current_tenant_id();
  v_factors text[] := app.check_mfa_factors(p_factors, 'invalid_mfa_factors');
begin
  if p_preferred_factor is not null and not p_preferred_factor = any (v_factors) then
    perform app.fail('PT400', 'invalid_preferred_factor', 'preferredFactor must be one of the reported factors');
  end if;
  -- Without MFA in the token only a first enrollment is reported: once factors are on record,
  -- changing them takes a token obtained with MFA where the tenant requires it.
  perform 1 from app.mfa_settings m
   where m.tenant_id = v_tenant_id and m.user_id = v_user_id and pg_catalog.cardinality(m.factors) > 0
   for update;
  if found then
    perform app.require_token_mfa(v_tenant_id);
  end if;
  insert into app.mfa_settings as m (tenant_id, user_id, factors, preferred_factor, reported_at)
  values (v_tenant_id, v_user_id, v_factors, p_preferred_factor, pg_catalog.now())
  on conflict (tenant_id, user_id) do update
    set factors = excluded.factors, preferred_factor = excluded.preferred_factor, reported_at = excluded.reported_at;
  return query select * from api.sp_get_my_mfa();
end
$$;

ALTER FUNCTION api.sp_report_my_mfa_factors(p_factors text[], p_preferred_factor text) OWNER TO estate_owner;

--
-- Name: FUNCTION sp_report_my_mfa_factors(p_factors text[], p_preferred_factor text); Type: COMMENT; Schema: api; Owner: estate_owner
--

COMMENT ON FUNCTION api.sp_report_my_mfa_factors(p_factors text[], p_preferred_factor text) IS 'Records the MFA factors Cognito shows enrolled for me (after enrolling in the app); changing reported factors needs an MFA token where required.';

--
-- Name: sp_report_password_rotation(); Type: FUNCTION; Schema: api; Owner: estate_owner
--

CREATE FUNCTION api.sp_report_password_rotation() RETURNS TABLE(last_rotated_at timestamp with time zone, max_age_days integer, due_at timestamp with time zone, overdue boolean)
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
#variable_conflict use_column
declare
  v_user_id uuid := app.current_user_id();
  v_tenant_id uuid := app.current_tenant_id();
begin
  -- Serialised per user; a report within a minute of the last one adds no row (retries, double taps).
  perform 1 from app.users u where u.tenant_id = v_tenant_id and u.id = v_user_id for update;
  if not exists (select 1 from app.password_history h
                  where h.tenant_id = v_tenant_id and h.user_id = v_user_id
                    and h.changed_at > pg_catalog.now() - interval '1 minute') then
    insert into app.password_history (tenant_id, user_id, session_ref, request_id)
    values (v_tenant_id, v_user_id, nullif(pg_catalog.current_setting('app.session_ref', true), ''),
            app.current_request_id());
  end if;
  return query select * from app.password_status(v_user_id);
end
$$;

ALTER FUNCTION api.sp_report_password_rotation() OWNER TO estate_owner;

--
-- Name: FUNCTION sp_report_password_rotation(); Type: COMMENT; Schema: api; Owner: estate_owner
--

COMMENT ON FUNCTION api.sp_report_password_rotation() IS 'Records that I changed my password in Cognito (the app reports it after the change succeeded) and returns my password status.';

--
-- Name: sp_revoke_api_key(uuid); Type: FUNCTION; Schema: api; Owner: estate_owner
--

CREATE FUNCTION api.sp_revoke_api_key(p_api_key_id uuid) RETURNS void
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
declare
  v_user_id uuid := app.current_user_id();
  v_tenant_id uuid := app.current_tenant_id();
begin
  -- Another user's, another tenant's and an unknown id answer alike, and change nothing.
  if p_api_key_id is null or not exists (
       select 1 from app.api_keys k where k.tenant_id = v_tenant_id and k.user_id = v_user_id and k.id = p_api_key_id) then
    perform app.fail('PT404', 'api_key_not_found', 'API key not found');
  end if;
  -- Refused from its next request on (app.current_api_key); revoking again changes nothing.
  update app.api_keys k set revoked_at = pg_catalog.now()
   where k.tenant_id = v_tenant_id and k.user_id = v_user_id and k.id = p_api_key_id and k.revoked_at is null;
end
$$;

ALTER FUNCTION api.sp_revoke_api_key(p_api_key_id uuid) OWNER TO estate_owner;

--
-- Name: FUNCTION sp_revoke_api_key(p_api_key_id uuid); Type: COMMENT; Schema: api; Owner: estate_owner
--

COMMENT ON FUNCTION api.sp_revoke_api_key(p_api_key_id uuid) IS 'Revokes one of the signed-in user''s API keys: it is refused from its next request on (api_key_invalid); again is a no-op.';

--
-- Name: sp_revoke_asset_permission(uuid, uuid); Type: FUNCTION; Schema: api; Owner: estate_owner
--

CREATE FUNCTION api.sp_revoke_asset_permission(p_asset_id uuid, p_permission_id uuid) RETURNS void
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
begin
  perform app.require_asset_access(app.current_user_id(), p_asset_id, 'owner');
  delete from app.asset_permissions g where g.tenant_id = app.current_tenant_id() and g.asset_id = p_asset_id and g.id = p_permission_id;
  if not found then
    perform app.fail('PT404', 'permission_not_found', 'permission not found');
  end if;
end
$$;

ALTER FUNCTION api.sp_revoke_asset_permission(p_asset_id uuid, p_permission_id uuid) OWNER TO estate_owner;

--
-- Name: FUNCTION sp_revoke_asset_permission(p_asset_id uuid, p_permission_id uuid); Type: COMMENT; Schema: api; Owner: estate_owner
--

COMMENT ON FUNCTION api.sp_revoke_asset_permission(p_asset_id uuid, p_permission_id uuid) IS 'Takes back a grant on an asset (owners only).';

--
-- Name: sp_revoke_ffc_invitation(uuid, uuid); Type: FUNCTION; Schema: api; Owner: estate_owner
--

CREATE FUNCTION api.sp_revoke_ffc_invitation(p_ffc_id uuid, p_invitation_id uuid) RETURNS void
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
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

ALTER FUNCTION api.sp_revoke_ffc_invitation(p_ffc_id uuid, p_invitation_id uuid) OWNER TO estate_owner;

--
-- Name: FUNCTION sp_revoke_ffc_invitation(p_ffc_id uuid, p_invitation_id uuid); Type: COMMENT; Schema: api; Owner: estate_owner
--

COMMENT ON FUNCTION api.sp_revoke_ffc_invitation(p_ffc_id uuid, p_invitation_id uuid) IS 'Revokes a pending invitation of a circle (owners and admins).';

--
-- Name: sp_revoke_link_invitation(uuid, uuid); Type: FUNCTION; Schema: api; Owner: estate_owner
--

CREATE FUNCTION api.sp_revoke_link_invitation(p_persona_id uuid, p_user_id uuid) RETURNS void
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
begin
  perform app.require_persona_access(app.current_user_id(), p_persona_id);
  -- Whether there was a pending invitation or not, the same (empty) answer: no oracle.
  update app.persona_link_invitations i set status = 'revoked', responded_at = pg_catalog.now()
   where i.tenant_id = app.current_tenant_id() and i.persona_id = p_persona_id and i.invited_user_id = p_user_id
     and i.status = 'pending';
end
$$;

ALTER FUNCTION api.sp_revoke_link_invitation(p_persona_id uuid, p_user_id uuid) OWNER TO estate_owner;

--
-- Name: FUNCTION sp_revoke_link_invitation(p_persona_id uuid, p_user_id uuid); Type: COMMENT; Schema: api; Owner: estate_owner
--

COMMENT ON FUNCTION api.sp_revoke_link_invitation(p_persona_id uuid, p_user_id uuid) IS 'Withdraws the pending invitation of a user to act for a persona the signed-in user acts for; answers the same if there is none.';

--
-- Name: sp_revoke_my_session(uuid); Type: FUNCTION; Schema: api; Owner: estate_owner
--

CREATE FUNCTION api.sp_revoke_my_session(p_session_id uuid) RETURNS void
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
declare
  v_user_id uuid := app.current_user_id();
  v_tenant_id uuid := app.current_tenant_id();
begin
  -- Another user's, another tenant's and an unknown id answer alike, and change nothing.
  if p_session_id is null or not exists (
       select 1 from app.user_sessions s
        where s.tenant_id = v_tenant_id and s.user_id = v_user_id and s.id = p_session_id) then
    perform app.fail('PT404', 'session_not_found', 'session not found');
  end if;
  -- Its tokens are refused from the next request on (app.current_user_id), this one's too; again is a no-op.
  update app.user_sessions s set revoked_at = pg_catalog.now(), revoked_by = app.current_actor_id()
   where s.tenant_id = v_tenant_id and s.user_id = v_user_id and s.id = p_session_id and s.revoked_at is null;
end
$$;

ALTER FUNCTION api.sp_revoke_my_session(p_session_id uuid) OWNER TO estate_owner;

--
-- Name: FUNCTION sp_revoke_my_session(p_session_id uuid); Type: COMMENT; Schema: api; Owner: estate_owner
--

COMMENT ON FUNCTION api.sp_revoke_my_session(p_session_id uuid) IS 'Ends one of the signed-in user''s own sessions (this one too): its tokens are refused from the next request on (session_revoked).';

--
-- Name: sp_revoke_support_access_request(uuid); Type: FUNCTION; Schema: api; Owner: estate_owner
--

CREATE FUNCTION api.sp_revoke_support_access_request(p_request_id uuid) RETURNS TABLE(request_id uuid, kind text, state text, reason text, ticket_ref text, minutes integer, requested_at timestamp with time zone, respond_by timestamp with time zone, decided_at timestamp with time zone, expires_at timestamp with time zone, ended_at timestamp with time zone, view_count integer, last_viewed_at timestamp with time zone)
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
declare
  v_row app.support_access_requests := app.my_support_access_request(p_request_id);
begin
  -- A break-glass access exists because the user could not be asked (docs/support.md): staff end it.
  if v_row.kind = 'break_glass' then
    perform app.fail('PT409', 'break_glass_not_revocable', 'a break-glass access is ended by support, not revoked by the user');
  end if;
  if app.support_access_state(v_row.status, v_row.respond_by, v_row.expires_at) <> 'active' then
    perform app.fail('PT409', 'access_request_not_active', 'this access is not active');
  end if;
  update app.support_access_requests r
     set status = 'revoked', ended_by = app.current_actor_id(), ended_at = pg_catalog.now()
   where r.tenant_id = v_row.tenant_id and r.id = v_row.id;
  return query select * from app.my_support_access_request_row(v_row.id);
end
$$;

ALTER FUNCTION api.sp_revoke_support_access_request(p_request_id uuid) OWNER TO estate_owner;

--
-- Name: FUNCTION sp_revoke_support_access_request(p_request_id uuid); Type: COMMENT; Schema: api; Owner: estate_owner
--

COMMENT ON FUNCTION api.sp_revoke_support_access_request(p_request_id uuid) IS 'The signed-in user ends an access they approved before it expires: support''s next look is refused.';

--
-- Name: sp_search_assets(text, integer, integer); Type: FUNCTION; Schema: api; Owner: estate_owner
--

CREATE FUNCTION api.sp_search_assets(p_query text, p_limit integer, p_offset integer) RETURNS TABLE(asset_id uuid, asset_type text, category_code text, name text, rank real, total integer)
    LANGUAGE plpgsql STABLE SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
#variable_conflict use_column
declare
  v_user_id uuid := app.current_user_id('assets:read');
  v_query tsquery;
begin
  if p_query is null or pg_catalog.length(pg_catalog.btrim(p_query)) not between 1 and 200 then
    perform app.fail('PT400', 'invalid_search', 'search text must be 1 to 200 characters');
  end if;
  perform app.check_page(p_limit, p_offset);
  v_query := pg_catalog.websearch_to_tsquery('simple'::regconfig, p_query);
  return query
    select a.id, a.asset_type, a.category_code, a.name, pg_catalog.ts_rank(a.search, v_query),
           (pg_catalog.count(*) over ())::integer
      from app.assets a
     where a.tenant_id = app.current_tenant_id() and a.search @@ v_query
       and app.asset_access(v_user_id, a.id) is not null
     order by 5 desc, a.name, a.id
     limit p_limit offset p_offset;
end
$$;

ALTER FUNCTION api.sp_search_assets(p_query text, p_limit integer, p_offset integer) OWNER TO estate_owner;

--
-- Name: FUNCTION sp_search_assets(p_query text, p_limit integer, p_offset integer); Type: COMMENT; Schema: api; Owner: estate_owner
--

COMMENT ON FUNCTION api.sp_search_assets(p_query text, p_limit integer, p_offset integer) IS 'Full-text search (GIN) over the names and descriptions of the assets the caller may see, best first, a page at a time with the total.';

--
-- Name: sp_set_asset_beneficiaries(uuid, date, jsonb, jsonb); Type: FUNCTION; Schema: api; Owner: estate_owner
--

CREATE FUNCTION api.sp_set_asset_beneficiaries(p_asset_id uuid, p_effective_on date, p_primary jsonb, p_contingent jsonb) RETURNS SETOF app.beneficiary_row
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
declare
  v_user_id uuid := app.current_user_id();
begin
  perform app.require_asset_access(v_user_id, p_asset_id, 'owner');
  -- Writers of one asset's designation queue on its row, as writers of its shares do.
  perform 1 from app.assets a where a.tenant_id = app.current_tenant_id() and a.id = p_asset_id for update;
  perform app.replace_beneficiaries(v_user_id, p_asset_id, null, null, p_effective_on, p_primary, p_contingent);
  return query select * from app.beneficiaries_of(p_asset_id, null);
end
$$;

ALTER FUNCTION api.sp_set_asset_beneficiaries(p_asset_id uuid, p_effective_on date, p_primary jsonb, p_contingent jsonb) OWNER TO estate_owner;

--
-- Name: FUNCTION sp_set_asset_beneficiaries(p_asset_id uuid, p_effective_on date, p_primary jsonb, p_contingent jsonb); Type: COMMENT; Schema: api; Owner: estate_owner
--

COMMENT ON FUNCTION api.sp_set_asset_beneficiaries(p_asset_id uuid, p_effective_on date, p_primary jsonb, p_contingent jsonb) IS 'Replaces who inherits an asset (owners only): primary and contingent levels, each empty or exactly 100%, effective from a date.';

--
-- Name: sp_set_asset_permission(uuid, text, uuid, uuid, text); Type: FUNCTION; Schema: api; Owner: estate_owner
--

CREATE FUNCTION api.sp_set_asset_permission(p_asset_id uuid, p_permission text, p_grantee_persona_id uuid DEFAULT NULL::uuid, p_grantee_ffc_id uuid DEFAULT NULL::uuid, p_grantee_ffc_role text DEFAULT NULL::text) RETURNS uuid
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
declare
  v_user_id uuid := app.current_user_id();
  v_tenant_id uuid := app.current_tenant_id();
  v_id uuid;
begin
  perform app.require_asset_access(v_user_id, p_asset_id, 'owner');
  if p_permission is null or p_permission not in ('view', 'edit') then
    perform app.fail('PT400', 'invalid_permission', 'permission must be view or edit');
  end if;
  if (p_grantee_persona_id is null) = (p_grantee_ffc_id is null) then
    perform app.fail('PT400', 'invalid_grantee', 'grant to a persona, or to a role in a circle');
  end if;
  -- The grant rests on memberships that a removal ends (and then deletes the grants it allowed):
  -- hold them, so that a removal either waits for this grant and deletes it, or ends first and
  -- the checks below see it.
  perform 1 from app.ffc_memberships m
   where m.tenant_id = v_tenant_id and m.status = 'active'
     and (m.persona_id = p_grantee_persona_id or m.persona_id in (select app.acting_persona_ids(v_user_id)))
   for share;
  if p_grantee_persona_id is not null then
    if not app.user_can_reference_persona(v_user_id, p_grantee_persona_id) then
      perform app.fail('PT404', 'persona_not_found', 'persona not found');
    end if;
    insert into app.asset_permissions (tenant_id, asset_id, grantee_persona_id, permission, granted_by_user_id)
    values (v_tenant_id, p_asset_id, p_grantee_persona_id, p_permission, v_user_id)
    on conflict (tenant_id, asset_id, grantee_persona_id) where grantee_persona_id is not null
      do update set permission = excluded.permission
    returning id into v_id;
  else
    perform app.require_ffc_role(v_user_id, p_grantee_ffc_id, 'viewer');
    if app.ffc_role_rank(p_grantee_ffc_role) = 0 then
      perform app.fail('PT400', 'invalid_role', 'role must be owner, admin, member, advisor or viewer');
    end if;
    insert into app.asset_permissions (tenant_id, asset_id, grantee_ffc_id, grantee_ffc_role, permission, granted_by_user_id)
    values (v_tenant_id, p_asset_id, p_grantee_ffc_id, p_grantee_ffc_role, p_permission, v_user_id)
    on conflict (tenant_id, asset_id, grantee_ffc_id, grantee_ffc_role) where grantee_ffc_id is not null
      do update set permission = excluded.permission
    returning id into v_id;
  end if;
  return v_id;
end
$$;

ALTER FUNCTION api.sp_set_asset_permission(p_asset_id uuid, p_permission text, p_grantee_persona_id uuid, p_grantee_ffc_id uuid, p_grantee_ffc_role text) OWNER TO estate_owner;

--
-- Name: FUNCTION sp_set_asset_permission(p_asset_id uuid, p_permission text, p_grantee_persona_id uuid, p_grantee_ffc_id uuid, p_grantee_ffc_role text); Type: COMMENT; Schema: api; Owner: estate_owner
--

COMMENT ON FUNCTION api.sp_set_asset_permission(p_asset_id uuid, p_permission text, p_grantee_persona_id uuid, p_grantee_ffc_id uuid, p_grantee_ffc_role text) IS 'Grants view or edit on an asset (owners only) to a persona, or to everyone with a role or better in one of the owner''s circles.';

--
-- Name: sp_set_debt_collateral(uuid, uuid); Type: FUNCTION; Schema: api; Owner: estate_owner
--

CREATE FUNCTION api.sp_set_debt_collateral(p_debt_id uuid, p_secured_asset_id uuid) RETURNS TABLE(debt_id uuid, secured_asset_id uuid, secured_asset_name text)
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
#variable_conflict use_column
declare
  v_user_id uuid := app.current_user_id();
  v_tenant_id uuid := app.current_tenant_id();
begin
  -- An owner of the debt pledges an asset they own (directly or through an entity they control).
  perform app.require_asset_access(v_user_id, p_debt_id, 'owner');
  if p_secured_asset_id is not null then
    perform app.require_asset_access(v_user_id, p_secured_asset_id, 'owner');
  end if;
  if not (select a.is_liability from app.assets a where a.tenant_id = v_tenant_id and a.id = p_debt_id for update) then
    perform app.fail('PT400', 'not_a_debt', 'only a debt is secured by an asset');
  end if;
  if p_secured_asset_id is not null
     and (p_secured_asset_id = p_debt_id
          or (select a.is_liability from app.assets a where a.tenant_id = v_tenant_id and a.id = p_secured_asset_id)) then
    perform app.fail('PT400', 'invalid_collateral', 'a debt is secured by an asset, not by a debt');
  end if;
  if p_secured_asset_id is null then
    delete from app.debt_collateral c where c.tenant_id = v_tenant_id and c.debt_asset_id = p_debt_id;
  else
    insert into app.debt_collateral (tenant_id, debt_asset_id, secured_asset_id, created_by_user_id)
    values (v_tenant_id, p_debt_id, p_secured_asset_id, v_user_id)
    on conflict (tenant_id, debt_asset_id) do update set secured_asset_id = excluded.secured_asset_id;
  end if;
  return query select p_debt_id, p_secured_asset_id,
                      (select a.name from app.assets a where a.tenant_id = v_tenant_id and a.id = p_secured_asset_id);
end
$$;

ALTER FUNCTION api.sp_set_debt_collateral(p_debt_id uuid, p_secured_asset_id uuid) OWNER TO estate_owner;

--
-- Name: FUNCTION sp_set_debt_collateral(p_debt_id uuid, p_secured_asset_id uuid); Type: COMMENT; Schema: api; Owner: estate_owner
--

COMMENT ON FUNCTION api.sp_set_debt_collateral(p_debt_id uuid, p_secured_asset_id uuid) IS 'Names the asset a debt is secured by (a mortgage''s house), or none; the caller owns both.';

--
-- Name: sp_set_entity_beneficiaries(uuid, date, jsonb, jsonb); Type: FUNCTION; Schema: api; Owner: estate_owner
--

CREATE FUNCTION api.sp_set_entity_beneficiaries(p_entity_id uuid, p_effective_on date, p_primary jsonb, p_contingent jsonb) RETURNS SETOF app.beneficiary_row
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
declare
  v_user_id uuid := app.current_user_id();
begin
  perform app.require_entity_access(v_user_id, p_entity_id);
  perform 1 from app.legal_entities e where e.tenant_id = app.current_tenant_id() and e.id = p_entity_id for update;
  perform app.replace_beneficiaries(v_user_id, null, p_entity_id, null, p_effective_on, p_primary, p_contingent);
  return query select * from app.beneficiaries_of(null, p_entity_id);
end
$$;

ALTER FUNCTION api.sp_set_entity_beneficiaries(p_entity_id uuid, p_effective_on date, p_primary jsonb, p_contingent jsonb) OWNER TO estate_owner;

--
-- Name: FUNCTION sp_set_entity_beneficiaries(p_entity_id uuid, p_effective_on date, p_primary jsonb, p_contingent jsonb); Type: COMMENT; Schema: api; Owner: estate_owner
--

COMMENT ON FUNCTION api.sp_set_entity_beneficiaries(p_entity_id uuid, p_effective_on date, p_primary jsonb, p_contingent jsonb) IS 'Replaces who receives an entity''s remainder (its controllers only): primary and contingent levels, each empty or exactly 100%.';

--
-- Name: sp_set_entity_interests(uuid, jsonb); Type: FUNCTION; Schema: api; Owner: estate_owner
--

CREATE FUNCTION api.sp_set_entity_interests(p_entity_id uuid, p_holders jsonb) RETURNS TABLE(holder_kind text, persona_id uuid, entity_id uuid, holder_name text, percentage numeric)
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $_$
#variable_conflict use_column
declare
  v_user_id uuid := app.current_user_id();
  v_tenant_id uuid := app.current_tenant_id();
  v_item record;
  v_total numeric;
begin
  perform app.require_entity_access(v_user_id, p_entity_id);
  -- The shape first: at most 20 of {kind, personaId or entityId, percentage}, each holder once.
  if p_holders is null or pg_catalog.jsonb_typeof(p_holders) <> 'array' or pg_catalog.jsonb_array_length(p_holders) > 20
     or exists (select 1 from pg_catalog.jsonb_array_elements(p_holders) x
                 where pg_catalog.jsonb_typeof(x) <> 'object' or (x - 'kind' - 'personaId' - 'entityId' - 'percentage') <> '{}'::jsonb
                    or (x ->> 'kind') is null or (x ->> 'kind') not in ('persona', 'entity')
                    or ((x ->> 'kind') = 'persona') <> (x ? 'personaId') or ((x ->> 'kind') = 'entity') <> (x ? 'entityId')
                    or coalesce(x ->> 'personaId', x ->> 'entityId', '')
                         !~ '^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$'
                    or case when pg_catalog.jsonb_typeof(x -> 'percentage') = 'string'
                                 and (x ->> 'percentage') ~ '^(100(\.0{1,4})?|[0-9]{1,2}(\.[0-9]{1,4})?)$'
                            then (x ->> 'percentage')::numeric = 0 else true end)
     or (select pg_catalog.count(*) <> pg_catalog.count(distinct coalesce(x ->> 'personaId', x ->> 'entityId'))
           from pg_catalog.jsonb_array_elements(p_holders) x) then
    perform app.fail('PT400', 'invalid_interests',
      'holders: at most 20 of {kind: persona|entity, personaId or entityId, percentage as a decimal string above 0 and at most 100 with up to 4 places}, each once');
  end if;
  select sum((x ->> 'percentage')::numeric) into v_total from pg_catalog.jsonb_array_elements(p_holders) x;
  if v_total > 100 then
    perform app.fail('PT409', 'interest_exceeds_100', pg_catalog.format('the interests would total %s%%, more than 100%%', v_total));
  end if;
  -- Everyone named is someone the caller may name; an entity holder is one the caller controls.
  -- A holding sent back unchanged is not looked at again (another controller may have named it).
  for v_item in select x ->> 'kind' as kind, (x ->> 'personaId')::uuid as persona_id, (x ->> 'entityId')::uuid as entity_id
                  from pg_catalog.jsonb_array_elements(p_holders) x
                 where not exists (select 1 from app.entity_interests i
                                    where i.tenant_id = v_tenant_id and i.entity_id = p_entity_id
                                      and coalesce(i.holder_persona_id, i.holder_entity_id) = coalesce(x ->> 'personaId', x ->> 'entityId')::uuid
                                      and i.percentage = (x ->> 'percentage')::numeric) loop
    if v_item.kind = 'persona' and not app.user_can_reference_persona(v_user_id, v_item.persona_id) then
      perform app.fail('PT404', 'persona_not_found', 'persona not found');
    end if;
    if v_item.kind = 'entity' then
      perform app.require_entity_access(v_user_id, v_item.entity_id);
      if v_item.entity_id = p_entity_id then
        perform app.fail('PT409', 'entity_cycle', 'an entity does not hold itself');
      end if;
    end if;
  end loop;
  -- Writers of one entity's interests queue on its row (the 100% cap); writers of entity-held
  -- interests also on the tenant's lock, so that two halves of a cycle are never added at once
  -- (the deferred trigger _300_checks takes it too, whoever writes).
  perform 1 from app.legal_entities e where e.tenant_id = v_tenant_id and e.id = p_entity_id for update;
  if p_holders @> '[{"kind": "entity"}]' then
    perform pg_catalog.pg_advisory_xact_lock(pg_catalog.hashtextextended('app.entity_interests:' || v_tenant_id::text, 0));
    if exists (with recursive down (id) as (
                 select p_entity_id
                 union
                 select i.entity_id from app.entity_interests i join down d on i.holder_entity_id = d.id
                  where i.tenant_id = v_tenant_id)
               select 1 from down d join pg_catalog.jsonb_array_elements(p_holders) x on d.id = (x ->> 'entityId')::uuid) then
      perform app.fail('PT409', 'entity_cycle', 'the entity would hold itself through the entities it holds');
    end if;
  end if;
  -- Nobody takes an interest from another: a holding of a persona the caller does not act for, or
  -- of an entity they do not control, stays as it is.
  if exists (select 1 from app.entity_interests i
              where i.tenant_id = v_tenant_id and i.entity_id = p_entity_id
                and (i.holder_persona_id not in (select app.acting_persona_ids(v_user_id))
                     or i.holder_entity_id not in (select app.controlled_entity_ids(v_user_id)))
                and not exists (select 1 from pg_catalog.jsonb_array_elements(p_holders) x
                                 where coalesce(x ->> 'personaId', x ->> 'entityId')::uuid = coalesce(i.holder_persona_id, i.holder_entity_id)
                                   and (x ->> 'percentage')::numeric = i.percentage)) then
    perform app.fail('PT403', 'interest_of_others', 'you may not change an interest held by someone you do not act for');
  end if;
  delete from app.entity_interests i where i.tenant_id = v_tenant_id and i.entity_id = p_entity_id;
  insert into app.entity_interests (tenant_id, entity_id, holder_persona_id, holder_entity_id, percentage, created_by_user_id)
  select v_tenant_id, p_entity_id, (x ->> 'personaId')::uuid, (x ->> 'entityId')::uuid, (x ->> 'percentage')::numeric, v_user_id
    from pg_catalog.jsonb_array_elements(p_holders) x;
  return query select * from app.entity_interests_of(p_entity_id);
end
$_$;

ALTER FUNCTION api.sp_set_entity_interests(p_entity_id uuid, p_holders jsonb) OWNER TO estate_owner;

--
-- Name: FUNCTION sp_set_entity_interests(p_entity_id uuid, p_holders jsonb); Type: COMMENT; Schema: api; Owner: estate_owner
--

COMMENT ON FUNCTION api.sp_set_entity_interests(p_entity_id uuid, p_holders jsonb) IS 'Replaces who holds an entity (its controllers): personas or entities with their percentages, at most 100% in all, no cycle, nobody else''s interest changed.';

--
-- Name: sp_set_estate_beneficiaries(uuid, date, jsonb, jsonb); Type: FUNCTION; Schema: api; Owner: estate_owner
--

CREATE FUNCTION api.sp_set_estate_beneficiaries(p_persona_id uuid, p_effective_on date, p_primary jsonb, p_contingent jsonb) RETURNS SETOF app.beneficiary_row
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
declare
  v_user_id uuid := app.current_user_id();
begin
  perform app.require_persona_access(v_user_id, p_persona_id);
  -- Writers of one estate's residuary queue on the persona's row.
  perform 1 from app.personas p where p.tenant_id = app.current_tenant_id() and p.id = p_persona_id for update;
  perform app.replace_beneficiaries(v_user_id, null, null, p_persona_id, p_effective_on, p_primary, p_contingent);
  return query select * from app.beneficiaries_of(null, null, p_persona_id);
end
$$;

ALTER FUNCTION api.sp_set_estate_beneficiaries(p_persona_id uuid, p_effective_on date, p_primary jsonb, p_contingent jsonb) OWNER TO estate_owner;

--
-- Name: FUNCTION sp_set_estate_beneficiaries(p_persona_id uuid, p_effective_on date, p_primary jsonb, p_contingent jsonb); Type: COMMENT; Schema: api; Owner: estate_owner
--

COMMENT ON FUNCTION api.sp_set_estate_beneficiaries(p_persona_id uuid, p_effective_on date, p_primary jsonb, p_contingent jsonb) IS 'Replaces the residuary beneficiaries of a persona''s will (whoever acts for the persona): who takes what passes through probate.';

--
-- Name: sp_set_my_security_questions(text[], text[]); Type: FUNCTION; Schema: api; Owner: estate_owner
--

CREATE FUNCTION api.sp_set_my_security_questions(p_questions text[], p_answer_hashes text[]) RETURNS TABLE(question_id uuid, question_position smallint, question text, created_at timestamp with time zone)
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $_$
#variable_conflict use_column
declare
  v_user_id uuid := app.current_user_id();
  v_tenant_id uuid := app.current_tenant_id();
  v_n integer := coalesce(pg_catalog.cardinality(p_questions), 0);
begin
  if v_n not between 2 and 5 or v_n <> coalesce(pg_catalog.cardinality(p_answer_hashes), 0) then
    perform app.fail('PT400', 'invalid_security_questions', 'give 2 to 5 questions, each with its answer');
  end if;
  if exists (select 1 from pg_catalog.unnest(p_questions) q
              where q is null or pg_catalog.length(pg_catalog.btrim(q)) not between 1 and 200)
     or (select pg_catalog.count(distinct pg_catalog.lower(pg_catalog.btrim(q))) from pg_catalog.unnest(p_questions) q) <> v_n then
    perform app.fail('PT400', 'invalid_security_questions', 'questions are 1 to 200 characters and all different');
  end if;
  if exists (select 1 from pg_catalog.unnest(p_answer_hashes) h
              where h is null or h !~ '^scrypt\$[0-9]{1,2}\$[0-9]{1,2}\$[0-9]{1,2}\$[A-Za-z0-9_-]{16,64}\$[A-Za-z0-9_-]{32,128}$') then
    perform app.fail('PT400', 'invalid_security_answers', 'answers must be hashed by the API');
  end if;
  -- Serialised with the verifications; locked questions cannot be replaced to escape the lock.
  perform pg_catalog.pg_advisory_xact_lock(pg_catalog.hashtextextended('security-questions ' || v_user_id::text, 0));
  if (app.security_question_lock(v_user_id)).locked_until is not null then
    perform app.fail('PT429', 'security_questions_locked', 'too many wrong answers: try again later');
  end if;
  delete from app.security_questions q where q.tenant_id = v_tenant_id and q.user_id = v_user_id;
  insert into app.security_questions (tenant_id, user_id, position, question, answer_hash)
  select v_tenant_id, v_user_id, i::smallint, pg_catalog.btrim(p_questions[i]), p_answer_hashes[i]
    from pg_catalog.generate_series(1, v_n) i;
  return query select * from api.sp_list_my_security_questions();
end
$_$;

ALTER FUNCTION api.sp_set_my_security_questions(p_questions text[], p_answer_hashes text[]) OWNER TO estate_owner;

--
-- Name: FUNCTION sp_set_my_security_questions(p_questions text[], p_answer_hashes text[]); Type: COMMENT; Schema: api; Owner: estate_owner
--

COMMENT ON FUNCTION api.sp_set_my_security_questions(p_questions text[], p_answer_hashes text[]) IS 'Replaces my security questions (2 to 5) and their answers, hashed by the API; refused while my questions are locked.';

--
-- Name: sp_store_idempotent_response(text, integer, text, text, text); Type: FUNCTION; Schema: api; Owner: estate_owner
--

CREATE FUNCTION api.sp_store_idempotent_response(p_key text, p_status integer, p_location text, p_content_type text, p_body text) RETURNS void
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
declare
  v_sub text := app.idempotency_caller();
begin
  update app.idempotency_keys k
     set response_status = p_status, response_location = p_location,
         response_content_type = p_content_type, response_body = p_body
   where k.tenant_id = app.current_tenant_id() and k.actor_sub = v_sub
     and k.idempotency_key = p_key and k.response_status is null;
  if not found then
    perform app.fail('PT409', 'idempotency_key_in_progress', 'this Idempotency-Key was not claimed by this request');
  end if;
end
$$;

ALTER FUNCTION api.sp_store_idempotent_response(p_key text, p_status integer, p_location text, p_content_type text, p_body text) OWNER TO estate_owner;

--
-- Name: FUNCTION sp_store_idempotent_response(p_key text, p_status integer, p_location text, p_content_type text, p_body text); Type: COMMENT; Schema: api; Owner: estate_owner
--

COMMENT ON FUNCTION api.sp_store_idempotent_response(p_key text, p_status integer, p_location text, p_content_type text, p_body text) IS 'Stores the answer of the request that claimed an Idempotency-Key, in the transaction of its effect.';

--
-- Name: sp_sync_user_email(); Type: FUNCTION; Schema: api; Owner: estate_owner
--

CREATE FUNCTION api.sp_sync_user_email() RETURNS SETOF app.user_profile_row
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
#variable_conflict use_column
declare
  v_user_id uuid := app.current_user_id();
  v_tenant_id uuid := app.current_tenant_id();
  v_email text := app.verified_email();
  v_persona_id uuid;
begin
  perform app.require_email_free(v_tenant_id, v_email, v_user_id);
  update app.users u set email = v_email, email_verified_at = pg_catalog.now()
   where u.tenant_id = v_tenant_id and u.id = v_user_id;
  -- The own persona's primary email follows; the old address stays as a secondary one.
  select up.persona_id into v_persona_id from app.user_personas up
   where up.tenant_id = v_tenant_id and up.user_id = v_user_id and up.link_kind = 'self';
  if v_persona_id is not null then
    update app.persona_emails e set is_primary = false
     where e.tenant_id = v_tenant_id and e.persona_id = v_persona_id and e.is_primary
       and pg_catalog.lower(e.email) <> v_email;
    insert into app.persona_emails as e (tenant_id, persona_id, email, label, is_primary)
    values (v_tenant_id, v_persona_id, v_email, 'personal', true)
    on conflict (tenant_id, persona_id, pg_catalog.lower(email)) do update set is_primary = true;
  end if;
  return query select * from app.user_profile(v_user_id);
end
$$;

ALTER FUNCTION api.sp_sync_user_email() OWNER TO estate_owner;

--
-- Name: FUNCTION sp_sync_user_email(); Type: COMMENT; Schema: api; Owner: estate_owner
--

COMMENT ON FUNCTION api.sp_sync_user_email() IS 'Makes the email the identity provider verified (a fresh id token) the signed-in user''s email and their persona''s primary one.';

--
-- Name: sp_transfer_asset_share(uuid, uuid, uuid, numeric); Type: FUNCTION; Schema: api; Owner: estate_owner
--

CREATE FUNCTION api.sp_transfer_asset_share(p_asset_id uuid, p_from_persona_id uuid, p_to_persona_id uuid, p_percentage numeric) RETURNS TABLE(persona_id uuid, ownership_percentage numeric)
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
#variable_conflict use_column
declare
  v_user_id uuid := app.current_user_id();
  v_tenant_id uuid := app.current_tenant_id();
  v_from app.asset_ownerships;
begin
  -- Only an owner, acting for the giving owner, may give that share away.
  perform app.require_asset_access(v_user_id, p_asset_id, 'owner');
  perform app.require_persona_access(v_user_id, p_from_persona_id);
  if not app.user_can_reference_persona(v_user_id, p_to_persona_id) or p_to_persona_id = p_from_persona_id then
    perform app.fail('PT404', 'persona_not_found', 'persona not found');
  end if;
  perform 1 from app.assets a where a.tenant_id = v_tenant_id and a.id = p_asset_id for update;
  select * into v_from from app.asset_ownerships o
   where o.tenant_id = v_tenant_id and o.asset_id = p_asset_id and o.persona_id = p_from_persona_id;
  if v_from.id is null then
    perform app.fail('PT404', 'ownership_not_found', 'that persona owns no share of this asset');
  end if;
  if p_percentage is null or p_percentage <= 0 or p_percentage > v_from.ownership_percentage or p_percentage <> pg_catalog.round(p_percentage, 4) then
    perform app.fail('PT400', 'invalid_percentage', pg_catalog.format('transfer more than 0 and at most %s', v_from.ownership_percentage));
  end if;
  if p_percentage = v_from.ownership_percentage then
    delete from app.asset_ownerships o where o.tenant_id = v_tenant_id and o.id = v_from.id;
  else
    update app.asset_ownerships o set ownership_percentage = o.ownership_percentage - p_percentage
     where o.tenant_id = v_tenant_id and o.id = v_from.id;
  end if;
  insert into app.asset_ownerships (tenant_id, asset_id, persona_id, ownership_percentage, ownership_form)
  values (v_tenant_id, p_asset_id, p_to_persona_id, p_percentage, v_from.ownership_form)
  on conflict (tenant_id, asset_id, persona_id) do update set ownership_percentage = app.asset_ownerships.ownership_percentage + excluded.ownership_percentage;
  return query select o.persona_id, o.ownership_percentage from app.asset_ownerships o
                where o.tenant_id = v_tenant_id and o.asset_id = p_asset_id and o.persona_id is not null -- entities' shares: the asset's view
                order by o.ownership_percentage desc, o.persona_id;
end
$$;

ALTER FUNCTION api.sp_transfer_asset_share(p_asset_id uuid, p_from_persona_id uuid, p_to_persona_id uuid, p_percentage numeric) OWNER TO estate_owner;

--
-- Name: FUNCTION sp_transfer_asset_share(p_asset_id uuid, p_from_persona_id uuid, p_to_persona_id uuid, p_percentage numeric); Type: COMMENT; Schema: api; Owner: estate_owner
--

COMMENT ON FUNCTION api.sp_transfer_asset_share(p_asset_id uuid, p_from_persona_id uuid, p_to_persona_id uuid, p_percentage numeric) IS 'Moves part or all of a share from an owner the caller acts for to another persona; the total is unchanged.';

--
-- Name: sp_transfer_asset_share_to_entity(uuid, uuid, uuid, numeric, text); Type: FUNCTION; Schema: api; Owner: estate_owner
--

CREATE FUNCTION api.sp_transfer_asset_share_to_entity(p_asset_id uuid, p_from_persona_id uuid, p_entity_id uuid, p_percentage numeric, p_ownership_form text) RETURNS TABLE(persona_id uuid, entity_id uuid, ownership_percentage numeric, ownership_form text)
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
#variable_conflict use_column
declare
  v_user_id uuid := app.current_user_id();
  v_tenant_id uuid := app.current_tenant_id();
  v_from app.asset_ownerships;
begin
  -- An owner, acting for the giving persona, who controls the receiving entity (a grantor deeding
  -- the house to their trust).
  perform app.require_asset_access(v_user_id, p_asset_id, 'owner');
  perform app.require_persona_access(v_user_id, p_from_persona_id);
  perform app.require_entity_access(v_user_id, p_entity_id);
  perform app.check_ownership(1, p_ownership_form);
  -- The queue of every writer of the asset's shares: the total stays what it was, under racing writers.
  perform 1 from app.assets a where a.tenant_id = v_tenant_id and a.id = p_asset_id for update;
  -- The entity stays while this runs; one deleted meanwhile (sp_delete_legal_entity) is not found.
  perform 1 from app.legal_entities e where e.tenant_id = v_tenant_id and e.id = p_entity_id for key share;
  if not found then
    perform app.fail('PT404', 'entity_not_found', 'entity not found');
  end if;
  select * into v_from from app.asset_ownerships o
   where o.tenant_id = v_tenant_id and o.asset_id = p_asset_id and o.persona_id = p_from_persona_id;
  if v_from.id is null then
    perform app.fail('PT404', 'ownership_not_found', 'that persona owns no share of this asset');
  end if;
  if p_percentage is null or p_percentage <= 0 or p_percentage > v_from.ownership_percentage or p_percentage <> pg_catalog.round(p_percentage, 4) then
    perform app.fail('PT400', 'invalid_percentage', pg_catalog.format('transfer more than 0 and at most %s', v_from.ownership_percentage));
  end if;
  if p_percentage = v_from.ownership_percentage then
    delete from app.asset_ownerships o where o.tenant_id = v_tenant_id and o.id = v_from.id;
  else
    update app.asset_ownerships o set ownership_percentage = o.ownership_percentage - p_percentage
     where o.tenant_id = v_tenant_id and o.id = v_from.id;
  end if;
  -- Added to the entity's share if it has one (its form stays), else a new share in the given form.
  insert into app.asset_ownerships (tenant_id, asset_id, entity_id, ownership_percentage, ownership_form)
  values (v_tenant_id, p_asset_id, p_entity_id, p_percentage, p_ownership_form)
  on conflict (tenant_id, asset_id, entity_id) where entity_id is not null
    do update set ownership_percentage = app.asset_ownerships.ownership_percentage + excluded.ownership_percentage;
  return query select o.persona_id, o.entity_id, o.ownership_percentage, o.ownership_form::text from app.asset_ownerships o
                where o.tenant_id = v_tenant_id and o.asset_id = p_asset_id
                order by o.ownership_percentage desc, o.created_at, o.id;
end
$$;

ALTER FUNCTION api.sp_transfer_asset_share_to_entity(p_asset_id uuid, p_from_persona_id uuid, p_entity_id uuid, p_percentage numeric, p_ownership_form text) OWNER TO estate_owner;

--
-- Name: FUNCTION sp_transfer_asset_share_to_entity(p_asset_id uuid, p_from_persona_id uuid, p_entity_id uuid, p_percentage numeric, p_ownership_form text); Type: COMMENT; Schema: api; Owner: estate_owner
--

COMMENT ON FUNCTION api.sp_transfer_asset_share_to_entity(p_asset_id uuid, p_from_persona_id uuid, p_entity_id uuid, p_percentage numeric, p_ownership_form text) IS 'Moves part or all of a persona''s share of an asset to an entity the caller controls (titling a house into a trust), atomically; the total is unchanged.';

--
-- Name: sp_update_asset(uuid, text, text, jsonb); Type: FUNCTION; Schema: api; Owner: estate_owner
--

CREATE FUNCTION api.sp_update_asset(p_asset_id uuid, p_name text DEFAULT NULL::text, p_description text DEFAULT NULL::text, p_details jsonb DEFAULT NULL::jsonb) RETURNS SETOF app.asset_row
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $_$
declare
  v_user_id uuid := app.current_user_id('assets:write');
  v_tenant_id uuid := app.current_tenant_id();
  v_access text := app.require_asset_access(v_user_id, p_asset_id, 'edit');
  v_asset app.assets;
  v_merged jsonb;
begin
  select * into v_asset from app.assets a where a.tenant_id = v_tenant_id and a.id = p_asset_id for update;
  if pg_catalog.length(p_description) > 2000 then
    perform app.fail('PT400', 'invalid_description', 'description must be at most 2000 characters');
  end if;
  update app.assets a set
    name = case when p_name is null then a.name else app.require_text(p_name, 'invalid_name', 200) end,
    description = case when p_description is null then a.description else nullif(pg_catalog.btrim(p_description), '') end
  where a.tenant_id = v_tenant_id and a.id = p_asset_id;
  if p_details is not null then
    -- The given fields alone first (keys as the API spells them, values of their types), as on create.
    perform app.check_asset_details(v_asset.asset_type, p_details);
    -- Replace the type row with the current fields overlaid by the given ones (validated as on create).
    v_merged := app.asset_details(v_asset.asset_type, p_asset_id) || p_details;
    if v_asset.asset_type = 'life_insurance' and p_details ? 'insuredPersonaId' then
      perform app.require_persona_access(v_user_id, (p_details ->> 'insuredPersonaId')::uuid);
    end if;
    execute pg_catalog.format('delete from app.%I t where t.tenant_id = $1 and t.id = $2', app.asset_type_table(v_asset.asset_type))
      using v_tenant_id, p_asset_id;
    perform app.insert_asset_details(v_asset.asset_type, p_asset_id,
      (select coalesce(pg_catalog.jsonb_object_agg(k, v), '{}') from pg_catalog.jsonb_each(v_merged) e(k, v) where v <> 'null'::jsonb));
  end if;
  return query select * from app.asset_view(p_asset_id, v_access);
end
$_$;

ALTER FUNCTION api.sp_update_asset(p_asset_id uuid, p_name text, p_description text, p_details jsonb) OWNER TO estate_owner;

--
-- Name: FUNCTION sp_update_asset(p_asset_id uuid, p_name text, p_description text, p_details jsonb); Type: COMMENT; Schema: api; Owner: estate_owner
--

COMMENT ON FUNCTION api.sp_update_asset(p_asset_id uuid, p_name text, p_description text, p_details jsonb) IS 'Changes an asset''s name, description or type fields (editors); NULL keeps, given detail fields overlay the current ones.';

--
-- Name: sp_update_asset_value(uuid, numeric, date, text, text); Type: FUNCTION; Schema: api; Owner: estate_owner
--

CREATE FUNCTION api.sp_update_asset_value(p_asset_id uuid, p_amount numeric, p_valued_on date, p_source text, p_currency text) RETURNS TABLE(valuation_id uuid, asset_id uuid, valued_on date, amount numeric, currency text, source text)
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
#variable_conflict use_column
declare
  v_user_id uuid := app.current_user_id('assets:write');
  v_tenant_id uuid := app.current_tenant_id();
begin
  perform app.require_asset_access(v_user_id, p_asset_id, 'edit');
  if p_amount is null or p_amount < 0 or p_amount <> pg_catalog.round(p_amount, 2) then
    perform app.fail('PT400', 'invalid_amount', 'amount must be 0 or more with at most 2 decimals');
  end if;
  if p_valued_on is null or p_valued_on > current_date or p_valued_on < date '1900-01-01' then
    perform app.fail('PT400', 'invalid_valued_on', 'the valuation date must be between 1900-01-01 and today');
  end if;
  return query
    insert into app.asset_valuations as v (tenant_id, asset_id, valued_on, amount, currency, source, recorded_by_user_id)
    values (v_tenant_id, p_asset_id, p_valued_on, p_amount,
            app.check_currency(coalesce(p_currency, (select a.currency from app.assets a where a.tenant_id = v_tenant_id and a.id = p_asset_id))),
            app.check_valuation_source(p_source), v_user_id)
    returning v.id, v.asset_id, v.valued_on, v.amount, v.currency, v.source::text;
end
$$;

ALTER FUNCTION api.sp_update_asset_value(p_asset_id uuid, p_amount numeric, p_valued_on date, p_source text, p_currency text) OWNER TO estate_owner;

--
-- Name: FUNCTION sp_update_asset_value(p_asset_id uuid, p_amount numeric, p_valued_on date, p_source text, p_currency text); Type: COMMENT; Schema: api; Owner: estate_owner
--

COMMENT ON FUNCTION api.sp_update_asset_value(p_asset_id uuid, p_amount numeric, p_valued_on date, p_source text, p_currency text) IS 'Records a dated valuation of an asset (appended, never overwriting).';

--
-- Name: sp_update_ffc(uuid, text, text, boolean); Type: FUNCTION; Schema: api; Owner: estate_owner
--

CREATE FUNCTION api.sp_update_ffc(p_ffc_id uuid, p_name text, p_description text, p_clear_description boolean) RETURNS SETOF app.ffc_row
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
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

ALTER FUNCTION api.sp_update_ffc(p_ffc_id uuid, p_name text, p_description text, p_clear_description boolean) OWNER TO estate_owner;

--
-- Name: FUNCTION sp_update_ffc(p_ffc_id uuid, p_name text, p_description text, p_clear_description boolean); Type: COMMENT; Schema: api; Owner: estate_owner
--

COMMENT ON FUNCTION api.sp_update_ffc(p_ffc_id uuid, p_name text, p_description text, p_clear_description boolean) IS 'Renames a circle or changes its description (owners and admins); a null field is left as it is.';

--
-- Name: sp_update_ffc_member_role(uuid, uuid, text); Type: FUNCTION; Schema: api; Owner: estate_owner
--

CREATE FUNCTION api.sp_update_ffc_member_role(p_ffc_id uuid, p_persona_id uuid, p_role text) RETURNS SETOF app.ffc_membership_row
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
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

ALTER FUNCTION api.sp_update_ffc_member_role(p_ffc_id uuid, p_persona_id uuid, p_role text) OWNER TO estate_owner;

--
-- Name: FUNCTION sp_update_ffc_member_role(p_ffc_id uuid, p_persona_id uuid, p_role text); Type: COMMENT; Schema: api; Owner: estate_owner
--

COMMENT ON FUNCTION api.sp_update_ffc_member_role(p_ffc_id uuid, p_persona_id uuid, p_role text) IS 'Changes a member''s role: owners change anyone, admins only roles below admin; the last owner stays.';

--
-- Name: sp_update_legal_entity(uuid, text, text, date, jsonb); Type: FUNCTION; Schema: api; Owner: estate_owner
--

CREATE FUNCTION api.sp_update_legal_entity(p_entity_id uuid, p_name text DEFAULT NULL::text, p_jurisdiction text DEFAULT NULL::text, p_effective_date date DEFAULT NULL::date, p_roles jsonb DEFAULT NULL::jsonb) RETURNS SETOF app.legal_entity_row
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
declare
  v_user_id uuid := app.current_user_id();
  v_tenant_id uuid := app.current_tenant_id();
  v_kind text;
begin
  perform app.require_entity_access(v_user_id, p_entity_id);
  select e.entity_kind into v_kind from app.legal_entities e where e.tenant_id = v_tenant_id and e.id = p_entity_id for update;
  perform app.check_entity_fields(p_jurisdiction, p_effective_date);
  update app.legal_entities e set
    name = case when p_name is null then e.name else app.require_text(p_name, 'invalid_name', 200) end,
    jurisdiction = case when p_jurisdiction is null then e.jurisdiction else nullif(pg_catalog.btrim(p_jurisdiction), '') end,
    effective_date = coalesce(p_effective_date, e.effective_date)
  where e.tenant_id = v_tenant_id and e.id = p_entity_id;
  if p_roles is not null then
    perform app.replace_entity_roles(v_user_id, p_entity_id, v_kind, p_roles);
  end if;
  return query select * from app.legal_entity_view(p_entity_id);
end
$$;

ALTER FUNCTION api.sp_update_legal_entity(p_entity_id uuid, p_name text, p_jurisdiction text, p_effective_date date, p_roles jsonb) OWNER TO estate_owner;

--
-- Name: FUNCTION sp_update_legal_entity(p_entity_id uuid, p_name text, p_jurisdiction text, p_effective_date date, p_roles jsonb); Type: COMMENT; Schema: api; Owner: estate_owner
--

COMMENT ON FUNCTION api.sp_update_legal_entity(p_entity_id uuid, p_name text, p_jurisdiction text, p_effective_date date, p_roles jsonb) IS 'Changes an entity the caller controls: name, jurisdiction, effective date, or (all at once) who controls it; NULL keeps.';

--
-- Name: sp_update_persona(uuid, text, text, text, text, date, text, date); Type: FUNCTION; Schema: api; Owner: estate_owner
--

CREATE FUNCTION api.sp_update_persona(p_persona_id uuid, p_first_name text DEFAULT NULL::text, p_last_name text DEFAULT NULL::text, p_middle_name text DEFAULT NULL::text, p_preferred_name text DEFAULT NULL::text, p_date_of_birth date DEFAULT NULL::date, p_living_status text DEFAULT NULL::text, p_date_of_death date DEFAULT NULL::date) RETURNS SETOF app.persona_row
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
#variable_conflict use_column
declare
  v_current app.personas;
begin
  perform app.require_persona_access(app.current_user_id(), p_persona_id);
  select * into v_current from app.personas p
   where p.tenant_id = app.current_tenant_id() and p.id = p_persona_id
   for update;
  perform app.check_life_dates(coalesce(p_date_of_birth, v_current.date_of_birth),
                               coalesce(p_living_status, v_current.living_status),
                               coalesce(p_date_of_death, v_current.date_of_death));
  -- NULL keeps a field as it is; an empty string clears an optional one.
  update app.personas p set
    first_name = case when p_first_name is null then p.first_name else app.require_text(p_first_name, 'invalid_first_name', 100) end,
    last_name = case when p_last_name is null then p.last_name else app.require_text(p_last_name, 'invalid_last_name', 100) end,
    middle_name = case when p_middle_name is null then p.middle_name else nullif(pg_catalog.btrim(p_middle_name), '') end,
    preferred_name = case when p_preferred_name is null then p.preferred_name else nullif(pg_catalog.btrim(p_preferred_name), '') end,
    date_of_birth = coalesce(p_date_of_birth, p.date_of_birth),
    living_status = coalesce(p_living_status, p.living_status),
    date_of_death = coalesce(p_date_of_death, p.date_of_death)
  where p.tenant_id = v_current.tenant_id and p.id = v_current.id;

  return query select * from app.persona_details(p_persona_id);
end
$$;

ALTER FUNCTION api.sp_update_persona(p_persona_id uuid, p_first_name text, p_last_name text, p_middle_name text, p_preferred_name text, p_date_of_birth date, p_living_status text, p_date_of_death date) OWNER TO estate_owner;

--
-- Name: FUNCTION sp_update_persona(p_persona_id uuid, p_first_name text, p_last_name text, p_middle_name text, p_preferred_name text, p_date_of_birth date, p_living_status text, p_date_of_death date); Type: COMMENT; Schema: api; Owner: estate_owner
--

COMMENT ON FUNCTION api.sp_update_persona(p_persona_id uuid, p_first_name text, p_last_name text, p_middle_name text, p_preferred_name text, p_date_of_birth date, p_living_status text, p_date_of_death date) IS 'Changes a persona the signed-in user may act for; NULL keeps a field, an empty string clears an optional one.';

--
-- Name: sp_upgrade_subscription(text); Type: FUNCTION; Schema: api; Owner: estate_owner
--

CREATE FUNCTION api.sp_upgrade_subscription(p_plan_code text) RETURNS SETOF app.subscription_row
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
#variable_conflict use_column
declare
  v_user_id uuid := app.current_user_id();
  v_tenant_id uuid := app.current_tenant_id();
  v_plan_id uuid := app.require_plan(p_plan_code);
  v_subscription app.subscriptions := app.live_subscription(v_user_id);
  v_limits record;
  v_over text;
  v_price text;
  v_upgrade boolean;
begin
  if v_subscription.plan_id = app.free_plan_id() then
    perform app.fail('PT409', 'no_paid_subscription', 'the free plan has nothing to change: create a subscription');
  end if;
  if v_plan_id = app.free_plan_id() then
    perform app.fail('PT409', 'cancel_to_leave_paid_plan', 'to return to the free plan, cancel the subscription');
  end if;
  if v_plan_id = v_subscription.plan_id then
    if v_subscription.pending_plan_id is not null then
      -- Back to the plan in force: the upgrade asked for is withdrawn.
      update app.subscriptions s set pending_plan_id = null, plan_requested_at = pg_catalog.now()
       where s.tenant_id = v_tenant_id and s.id = v_subscription.id;
      return query select * from app.subscription_view(v_subscription.id);
      return;
    end if;
    perform app.fail('PT409', 'already_on_plan', 'the subscription is already on this plan');
  end if;

  -- Lock every usage counter of the user (in the triggers' order) in a statement of its own, so
  -- no asset, circle or seat slips in between this check and the change. (A FOR UPDATE in the
  -- check below would lock only the rows its filter keeps: those already over the limit.)
  perform 1 from app.usage_records r
   where r.tenant_id = v_tenant_id and r.user_id = v_user_id
   order by r.metric
   for update;
  select * into v_limits from app.plan_limits(v_tenant_id, v_plan_id);
  select pg_catalog.string_agg(pg_catalog.format('%s %s in use, the plan allows %s', u.quantity, u.label, u.allowed), '; ')
    into v_over
    from (select r.quantity, r.metric,
                 case r.metric when 'ffcs' then 'family circles' when 'seats' then 'seats'
                               when 'assets' then 'assets' else 'bytes of storage' end as label,
                 case r.metric when 'ffcs' then v_limits.max_ffcs when 'seats' then v_limits.max_seats
                               when 'assets' then v_limits.max_assets else v_limits.max_storage_bytes end as allowed
            from app.usage_records r
           where r.tenant_id = v_tenant_id and r.user_id = v_user_id) u
   where u.allowed is not null and u.quantity > u.allowed;
  if v_over is not null then
    perform app.fail('PT409', 'downgrade_exceeds_limits', 'the new plan is too small: ' || v_over);
  end if;

  select p.stripe_price_id into v_price from app.tenant_plans(v_tenant_id) p where p.plan_id = v_plan_id;
  v_upgrade := (select t.sort_order from app.subscription_plans t where t.id = v_plan_id)
             > (select f.sort_order from app.subscription_plans f where f.id = v_subscription.plan_id);
  if v_upgrade and v_subscription.stripe_subscription_id is not null then
    -- Paying more is in force once Stripe bills it: Stripe's subscription event carrying the
    -- plan's price applies it. A plan without a Stripe price could never be confirmed.
    if v_price is null then
      perform app.fail('PT409', 'plan_not_billable', 'this plan has no Stripe price in this tenant: it cannot be billed');
    end if;
    update app.subscriptions s set pending_plan_id = v_plan_id, plan_requested_at = pg_catalog.now()
     where s.tenant_id = v_tenant_id and s.id = v_subscription.id;
  else
    -- A downgrade (checked above) or a change before Stripe bills anything takes effect at once.
    update app.subscriptions s set plan_id = v_plan_id, pending_plan_id = null, plan_requested_at = pg_catalog.now()
     where s.tenant_id = v_tenant_id and s.id = v_subscription.id;
    perform app.record_plan_change(v_subscription.id, v_subscription.plan_id, v_plan_id, null, 'user', v_user_id);
  end if;
  return query select * from app.subscription_view(v_subscription.id);
end
$$;

ALTER FUNCTION api.sp_upgrade_subscription(p_plan_code text) OWNER TO estate_owner;

--
-- Name: FUNCTION sp_upgrade_subscription(p_plan_code text); Type: COMMENT; Schema: api; Owner: estate_owner
--

COMMENT ON FUNCTION api.sp_upgrade_subscription(p_plan_code text) IS 'Moves the signed-in user''s paid subscription to another paid plan: a downgrade at once (refused below what is in use), an upgrade once Stripe bills it.';

--
-- Name: acting_persona_ids(uuid); Type: FUNCTION; Schema: app; Owner: estate_owner
--

CREATE FUNCTION app.acting_persona_ids(p_user_id uuid) RETURNS SETOF uuid
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
  select up.persona_id from app.user_personas up
   where up.tenant_id = (select app.current_tenant_id()) and up.user_id = p_user_id
$$;

ALTER FUNCTION app.acting_persona_ids(p_user_id uuid) OWNER TO estate_owner;

--
-- Name: FUNCTION acting_persona_ids(p_user_id uuid); Type: COMMENT; Schema: app; Owner: estate_owner
--

COMMENT ON FUNCTION app.acting_persona_ids(p_user_id uuid) IS 'The personas a user may act for: their own and those they are a delegate of.';

--
-- Name: add_stripe_routes(text[]); Type: FUNCTION; Schema: app; Owner: estate_owner
--

CREATE FUNCTION app.add_stripe_routes(p_keys text[]) RETURNS void
    LANGUAGE sql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
  insert into app.stripe_routes (tenant_id, routing_key)
  select app.current_tenant_id(), k from pg_catalog.unnest(p_keys) k where k is not null
  on conflict (routing_key) do nothing
$$;

ALTER FUNCTION app.add_stripe_routes(p_keys text[]) OWNER TO estate_owner;

--
-- Name: FUNCTION add_stripe_routes(p_keys text[]); Type: COMMENT; Schema: app; Owner: estate_owner
--

COMMENT ON FUNCTION app.add_stripe_routes(p_keys text[]) IS 'Remembers that these Stripe ids belong to the current tenant.';

--
-- Name: api_keys; Type: TABLE; Schema: app; Owner: estate_owner
--

CREATE TABLE app.api_keys (
    tenant_id uuid NOT NULL,
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    user_id uuid NOT NULL,
    name text NOT NULL,
    prefix text NOT NULL,
    secret_sha256 bytea NOT NULL,
    scopes text[] NOT NULL,
    expires_at timestamp with time zone NOT NULL,
    revoked_at timestamp with time zone,
    last_used_at timestamp with time zone,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    created_with_amr text[] DEFAULT '{}'::text[] NOT NULL,
    CONSTRAINT api_keys_check CHECK (((expires_at > created_at) AND (expires_at <= (created_at + '366 days'::interval)))),
    CONSTRAINT api_keys_name_check CHECK (((length(btrim(name)) >= 1) AND (length(btrim(name)) <= 100))),
    CONSTRAINT api_keys_prefix_check CHECK ((prefix ~ '^[0-9a-f]{16}$'::text)),
    CONSTRAINT api_keys_scopes_check CHECK ((((cardinality(scopes) >= 1) AND (cardinality(scopes) <= 4)) AND (scopes <@ ARRAY['personas:read'::text, 'assets:read'::text, 'assets:write'::text, 'net_worth:read'::text]))),
    CONSTRAINT api_keys_secret_sha256_check CHECK ((octet_length(secret_sha256) = 32))
);

ALTER TABLE ONLY app.api_keys FORCE ROW LEVEL SECURITY;

ALTER TABLE app.api_keys OWNER TO estate_owner;

--
-- Name: TABLE api_keys; Type: COMMENT; Schema: app; Owner: estate_owner
--

COMMENT ON TABLE app.api_keys IS 'API keys of a tenant''s servers: each acts for the user who created it, within its scopes, until it expires or is revoked; the secret is kept as its SHA-256 only.';

--
-- Name: COLUMN api_keys.prefix; Type: COMMENT; Schema: app; Owner: estate_owner
--

COMMENT ON COLUMN app.api_keys.prefix IS 'Public lookup id of the key (16 hex digits), printed in the key itself.';

--
-- Name: COLUMN api_keys.secret_sha256; Type: COMMENT; Schema: app; Owner: estate_owner
--

COMMENT ON COLUMN app.api_keys.secret_sha256 IS 'SHA-256 of the key''s 256-bit random secret; the secret itself is never stored.';

--
-- Name: COLUMN api_keys.last_used_at; Type: COMMENT; Schema: app; Owner: estate_owner
--

COMMENT ON COLUMN app.api_keys.last_used_at IS 'When the key last authenticated a request, recorded at most once a minute.';

--
-- Name: COLUMN api_keys.created_with_amr; Type: COMMENT; Schema: app; Owner: estate_owner
--

COMMENT ON COLUMN app.api_keys.created_with_amr IS 'The creating sign-in''s authentication methods (the access token''s estate_amr claim): a tenant that requires MFA refuses a key whose creator did not pass it with an allowed factor.';

--
-- Name: api_key_status(app.api_keys); Type: FUNCTION; Schema: app; Owner: estate_owner
--

CREATE FUNCTION app.api_key_status(p_key app.api_keys) RETURNS text
    LANGUAGE sql STABLE
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
  select case when p_key.revoked_at is not null then 'revoked'
              when p_key.expires_at <= pg_catalog.now() then 'expired'
              else 'active' end
$$;

ALTER FUNCTION app.api_key_status(p_key app.api_keys) OWNER TO estate_owner;

--
-- Name: FUNCTION api_key_status(p_key app.api_keys); Type: COMMENT; Schema: app; Owner: estate_owner
--

COMMENT ON FUNCTION app.api_key_status(p_key app.api_keys) IS 'active, expired or revoked (revoked wins).';

--
-- Name: apply_invoice_payment_outcome(uuid, timestamp with time zone); Type: FUNCTION; Schema: app; Owner: estate_owner
--

CREATE FUNCTION app.apply_invoice_payment_outcome(p_transaction_id uuid, p_created timestamp with time zone) RETURNS void
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
declare
  v_transaction app.payment_transactions;
  v_subscription_id uuid;
begin
  select * into v_transaction from app.payment_transactions t
   where t.tenant_id = app.current_tenant_id() and t.id = p_transaction_id;
  select i.subscription_id into v_subscription_id from app.invoices i
   where i.tenant_id = v_transaction.tenant_id and i.stripe_invoice_id = v_transaction.stripe_invoice_id;
  if v_subscription_id is null then
    return;  -- not known to pay an invoice (yet)
  end if;
  -- The subscription before its invoice, the order the invoice events lock them in.
  perform 1 from app.subscriptions s where s.tenant_id = v_transaction.tenant_id and s.id = v_subscription_id for update;
  -- Only a payment known to be for an invoice speaks for the invoice and its subscription.
  update app.invoices i
     set status = 'paid', amount_paid = i.amount_due, amount_remaining = pg_catalog.round(0, pg_catalog.scale(i.amount_due)),
         paid_at = coalesce(i.paid_at, p_created)
   where i.tenant_id = v_transaction.tenant_id and i.stripe_invoice_id = v_transaction.stripe_invoice_id
     and v_transaction.status = 'succeeded' and i.status in ('draft', 'open', 'uncollectible');
  perform app.set_subscription_status_from_payment(v_subscription_id, p_created, v_transaction.status = 'succeeded');
end
$$;

ALTER FUNCTION app.apply_invoice_payment_outcome(p_transaction_id uuid, p_created timestamp with time zone) OWNER TO estate_owner;

--
-- Name: FUNCTION apply_invoice_payment_outcome(p_transaction_id uuid, p_created timestamp with time zone); Type: COMMENT; Schema: app; Owner: estate_owner
--

COMMENT ON FUNCTION app.apply_invoice_payment_outcome(p_transaction_id uuid, p_created timestamp with time zone) IS 'When a payment is known to pay an invoice: a success pays the invoice; either outcome moves its subscription (active / past due).';

--
-- Name: apply_stripe_invoice(text, text, timestamp with time zone, jsonb); Type: FUNCTION; Schema: app; Owner: estate_owner
--

CREATE FUNCTION app.apply_stripe_invoice(p_event_id text, p_event_type text, p_created timestamp with time zone, p_object jsonb) RETURNS text
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $_$
declare
  v_tenant_id uuid := app.current_tenant_id();
  v_stripe_subscription_id text := coalesce(app.stripe_id(p_object -> 'parent' -> 'subscription_details' -> 'subscription'),
                                            app.stripe_id(p_object -> 'subscription'));
  v_subscription app.subscriptions;
  v_invoice app.invoices;
  v_status text := p_object ->> 'status';
  v_currency text := app.stripe_currency(p_object);
begin
  if coalesce(p_object ->> 'id', '') !~ '^in_[A-Za-z0-9]+$' or coalesce(v_status, '') not in ('draft', 'open', 'paid', 'void', 'uncollectible') then
    perform app.fail('PT400', 'invalid_stripe_event', 'an invoice event carries an invoice with a known status');
  end if;
  if v_stripe_subscription_id is null then
    return 'ignored';  -- a one-off invoice: not a subscription's
  end if;
  v_subscription := app.linked_subscription(v_stripe_subscription_id);
  if v_subscription.id is null then
    return app.stripe_not_yet(p_created);  -- its subscription's created event is still on its way
  end if;
  select * into v_invoice from app.invoices i where i.tenant_id = v_tenant_id and i.stripe_invoice_id = p_object ->> 'id' for update;
  -- Paid and void are final; an uncollectible invoice may still be paid or voided.
  if v_invoice.id is not null
     and (not app.is_newer_stripe_state(p_created, v_status, v_invoice.stripe_synced_at, v_invoice.status)
          or (v_invoice.status in ('paid', 'void') and v_status <> v_invoice.status)) then
    return 'stale';
  end if;

  insert into app.invoices as i (tenant_id, subscription_id, stripe_invoice_id, number, status, currency, amount_due, amount_paid,
                                 amount_remaining, attempt_count, billing_reason, period_start, period_end, hosted_invoice_url,
                                 finalized_at, paid_at, stripe_synced_at)
  values (v_tenant_id, v_subscription.id, p_object ->> 'id', p_object ->> 'number', v_status, v_currency,
          app.stripe_amount(p_object -> 'amount_due', v_currency), app.stripe_amount(coalesce(p_object -> 'amount_paid', '0'), v_currency),
          app.stripe_amount(coalesce(p_object -> 'amount_remaining', '0'), v_currency),
          case when pg_catalog.jsonb_typeof(p_object -> 'attempt_count') = 'number' then (p_object ->> 'attempt_count')::integer else 0 end,
          pg_catalog.left(p_object ->> 'billing_reason', 100),
          app.stripe_time(p_object -> 'period_start'), app.stripe_time(p_object -> 'period_end'),
          case when p_object ->> 'hosted_invoice_url' ~ '^https://' then p_object ->> 'hosted_invoice_url' end,
          app.stripe_time(p_object -> 'status_transitions' -> 'finalized_at'),
          app.stripe_time(p_object -> 'status_transitions' -> 'paid_at'), p_created)
  on conflict (stripe_invoice_id) do update set
    number = excluded.number, status = excluded.status, amount_due = excluded.amount_due, amount_paid = excluded.amount_paid,
    amount_remaining = excluded.amount_remaining, attempt_count = greatest(i.attempt_count, excluded.attempt_count),
    period_start = excluded.period_start, period_end = excluded.period_end,
    hosted_invoice_url = coalesce(excluded.hosted_invoice_url, i.hosted_invoice_url),
    finalized_at = coalesce(excluded.finalized_at, i.finalized_at), paid_at = coalesce(excluded.paid_at, i.paid_at),
    stripe_synced_at = excluded.stripe_synced_at;

  perform app.add_stripe_routes(array[p_object ->> 'id', app.stripe_id(p_object -> 'customer')]);
  -- The invoice names its subscription: its payment outcome is the subscription's.
  if p_event_type = 'invoice.paid' then
    perform app.set_subscription_status_from_payment(v_subscription.id, p_created, true);
  elsif p_event_type = 'invoice.payment_failed' then
    perform app.set_subscription_status_from_payment(v_subscription.id, p_created, false);
  end if;
  return 'applied';
end
$_$;

ALTER FUNCTION app.apply_stripe_invoice(p_event_id text, p_event_type text, p_created timestamp with time zone, p_object jsonb) OWNER TO estate_owner;

--
-- Name: FUNCTION apply_stripe_invoice(p_event_id text, p_event_type text, p_created timestamp with time zone, p_object jsonb); Type: COMMENT; Schema: app; Owner: estate_owner
--

COMMENT ON FUNCTION app.apply_stripe_invoice(p_event_id text, p_event_type text, p_created timestamp with time zone, p_object jsonb) IS 'Applies invoice.created / finalized / paid / payment_failed / voided / marked_uncollectible / updated to the invoice and its subscription.';

--
-- Name: apply_stripe_invoice_payment(timestamp with time zone, jsonb); Type: FUNCTION; Schema: app; Owner: estate_owner
--

CREATE FUNCTION app.apply_stripe_invoice_payment(p_created timestamp with time zone, p_object jsonb) RETURNS text
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $_$
declare
  v_invoice_id text := app.stripe_id(p_object -> 'invoice');
  v_transaction app.payment_transactions;
begin
  if p_object -> 'payment' ->> 'type' is distinct from 'payment_intent' then
    return 'ignored';  -- paid by a charge or an out-of-band record: not a PaymentIntent recorded here
  end if;
  if coalesce(v_invoice_id, '') !~ '^in_[A-Za-z0-9]+$' then
    perform app.fail('PT400', 'invalid_stripe_event', 'an invoice payment names its invoice');
  end if;
  select * into v_transaction from app.payment_transactions t
   where t.tenant_id = app.current_tenant_id()
     and t.stripe_payment_intent_id = app.stripe_id(p_object -> 'payment' -> 'payment_intent') for update;
  if v_transaction.id is null then
    return app.stripe_not_yet(p_created);  -- the payment's own event is still on its way
  end if;
  if v_transaction.stripe_invoice_id is not null then
    return 'stale';
  end if;
  update app.payment_transactions t set stripe_invoice_id = v_invoice_id
   where t.tenant_id = v_transaction.tenant_id and t.id = v_transaction.id;
  -- "Paid" speaks for the invoice once the payment's success is known (its own event applies it
  -- otherwise); an earlier declined attempt of the same PaymentIntent must not count as failure.
  if v_transaction.status = 'succeeded' then
    perform app.apply_invoice_payment_outcome(v_transaction.id, v_transaction.succeeded_at);
  end if;
  return 'applied';
end
$_$;

ALTER FUNCTION app.apply_stripe_invoice_payment(p_created timestamp with time zone, p_object jsonb) OWNER TO estate_owner;

--
-- Name: FUNCTION apply_stripe_invoice_payment(p_created timestamp with time zone, p_object jsonb); Type: COMMENT; Schema: app; Owner: estate_owner
--

COMMENT ON FUNCTION app.apply_stripe_invoice_payment(p_created timestamp with time zone, p_object jsonb) IS 'Applies invoice_payment.paid: links a payment to the invoice it paid (which its success then pays).';

--
-- Name: apply_stripe_subscription(text, text, timestamp with time zone, jsonb); Type: FUNCTION; Schema: app; Owner: estate_owner
--

CREATE FUNCTION app.apply_stripe_subscription(p_event_id text, p_event_type text, p_created timestamp with time zone, p_object jsonb) RETURNS text
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $_$
declare
  v_tenant_id uuid := app.current_tenant_id();
  v_subscription app.subscriptions := app.linked_subscription(p_object ->> 'id');
  v_status text := case when p_event_type = 'customer.subscription.deleted' then 'canceled' else p_object ->> 'status' end;
  v_item jsonb := p_object -> 'items' -> 'data' -> 0;
  v_plan_id uuid;
  v_ended boolean;
  v_cancel_kept boolean;
begin
  if coalesce(p_object ->> 'id', '') !~ '^sub_[A-Za-z0-9]+$' or app.stripe_status_rank(v_status) < 0
     or v_status in ('draft', 'open', 'paid', 'void', 'uncollectible') then
    perform app.fail('PT400', 'invalid_stripe_event', 'a subscription event carries a subscription with a known status');
  end if;
  if v_subscription.id is null then
    -- Not linked yet: only onto the subscription our checkout reference names, and only one never
    -- linked (or linked meanwhile by a concurrent event of this same Stripe subscription) that
    -- waits for Stripe or has ended: a reference cannot take over a subscription Stripe bills.
    select * into v_subscription from app.subscriptions s
     where s.tenant_id = v_tenant_id and s.id = app.stripe_ref(p_object -> 'metadata')
       and (s.stripe_subscription_id = p_object ->> 'id'
            or (s.stripe_subscription_id is null and (s.status = 'incomplete' or s.ended_at is not null)))
     for update;
    if v_subscription.id is null then
      return 'ignored';
    end if;
  end if;
  if v_subscription.ended_at is not null then
    -- Ended here (cancelled before checkout finished): never revived, but linked, so that what
    -- Stripe charges for it still reaches the ledger.
    if v_subscription.stripe_subscription_id is null then
      update app.subscriptions s set stripe_subscription_id = p_object ->> 'id',
                                     stripe_customer_id = app.stripe_id(p_object -> 'customer')
       where s.tenant_id = v_tenant_id and s.id = v_subscription.id;
      perform app.add_stripe_routes(array[p_object ->> 'id', app.stripe_id(p_object -> 'customer')]);
    end if;
    return 'stale';
  end if;
  if not app.is_newer_stripe_state(p_created, v_status, v_subscription.stripe_synced_at, v_subscription.status) then
    return 'stale';
  end if;

  -- Stripe's price decides the plan, unless the user asked for a plan after Stripe wrote this event.
  v_plan_id := app.stripe_price_plan(p_object -> 'items' -> 'data');
  if v_plan_id is not null and p_created < pg_catalog.date_trunc('second', v_subscription.plan_requested_at) then
    v_plan_id := null;
  end if;
  v_ended := v_status in ('canceled', 'incomplete_expired');
  -- Likewise a cancellation the user asked for after this event was written stands.
  v_cancel_kept := v_subscription.cancel_at_period_end and not v_ended
                   and p_created < pg_catalog.date_trunc('second', v_subscription.canceled_at);

  update app.subscriptions s set
    stripe_subscription_id = p_object ->> 'id',
    stripe_customer_id = coalesce(app.stripe_id(p_object -> 'customer'), s.stripe_customer_id),
    plan_id = coalesce(v_plan_id, s.plan_id),
    -- Stripe now bills the plan asked for, or has moved to another: either way nothing is pending.
    pending_plan_id = case when v_ended then null
                           when v_plan_id is null or v_plan_id = s.plan_id then s.pending_plan_id end,
    status = case when s.status_synced_at is null or p_created >= s.status_synced_at or v_ended then v_status else s.status end,
    status_synced_at = greatest(s.status_synced_at, p_created),
    current_period_start = coalesce(app.stripe_time(v_item -> 'current_period_start'), app.stripe_time(p_object -> 'current_period_start')),
    current_period_end = coalesce(app.stripe_time(v_item -> 'current_period_end'), app.stripe_time(p_object -> 'current_period_end')),
    cancel_at_period_end = v_cancel_kept or coalesce(p_object -> 'cancel_at_period_end' = 'true'::jsonb, false),
    canceled_at = case when v_cancel_kept then s.canceled_at else app.stripe_time(p_object -> 'canceled_at') end,
    ended_at = case when v_ended then coalesce(app.stripe_time(p_object -> 'ended_at'), p_created) end,
    stripe_synced_at = p_created
   where s.tenant_id = v_tenant_id and s.id = v_subscription.id;

  if v_plan_id is not null and v_plan_id <> v_subscription.plan_id then
    perform app.record_plan_change(v_subscription.id, v_subscription.plan_id, v_plan_id, null, 'stripe', null, p_event_id);
  end if;
  perform app.add_stripe_routes(array[p_object ->> 'id', app.stripe_id(p_object -> 'customer')]);
  if v_ended then
    perform app.record_plan_change(v_subscription.id, coalesce(v_plan_id, v_subscription.plan_id),
                                   coalesce(v_plan_id, v_subscription.plan_id), 'canceled', 'stripe', null, p_event_id);
    perform app.start_free_subscription(v_subscription.user_id, 'stripe', 'reverted_to_free');
  end if;
  return 'applied';
end
$_$;

ALTER FUNCTION app.apply_stripe_subscription(p_event_id text, p_event_type text, p_created timestamp with time zone, p_object jsonb) OWNER TO estate_owner;

--
-- Name: FUNCTION apply_stripe_subscription(p_event_id text, p_event_type text, p_created timestamp with time zone, p_object jsonb); Type: COMMENT; Schema: app; Owner: estate_owner
--

COMMENT ON FUNCTION app.apply_stripe_subscription(p_event_id text, p_event_type text, p_created timestamp with time zone, p_object jsonb) IS 'Applies customer.subscription.created / updated / deleted: links the Stripe ids, follows its price, status and period.';

--
-- Name: asset_access(uuid, uuid); Type: FUNCTION; Schema: app; Owner: estate_owner
--

CREATE FUNCTION app.asset_access(p_user_id uuid, p_asset_id uuid) RETURNS text
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
  with acting as (select app.acting_persona_ids(p_user_id) as persona_id),
  my_circles as (
    select m.ffc_id, app.ffc_role_rank(m.role) as rank from app.ffc_memberships m
     where m.tenant_id = (select app.current_tenant_id()) and m.status = 'active'
       and m.persona_id = (select up.persona_id from app.user_personas up
                            where up.tenant_id = m.tenant_id and up.user_id = p_user_id and up.link_kind = 'self'))
  select case
    -- Owners (of any share, through any persona they act for or any entity they control) always see and edit.
    when exists (select 1 from app.asset_ownerships o where o.tenant_id = (select app.current_tenant_id())
                    and o.asset_id = p_asset_id
                    and (o.persona_id in (select persona_id from acting)
                         or o.entity_id in (select app.controlled_entity_ids(p_user_id)))) then 'owner'
    -- The greatest grant: edit over view (by rank; as text, 'view' would sort above 'edit').
    else (select case max(case g.permission when 'edit' then 2 when 'view' then 1 end) when 2 then 'edit' when 1 then 'view' end
            from app.asset_permissions g
           where g.tenant_id = (select app.current_tenant_id()) and g.asset_id = p_asset_id
             and (g.grantee_persona_id in (select persona_id from acting)
                  or exists (select 1 from my_circles c where c.ffc_id = g.grantee_ffc_id
                                and c.rank >= app.ffc_role_rank(g.grantee_ffc_role))))
  end
$$;

ALTER FUNCTION app.asset_access(p_user_id uuid, p_asset_id uuid) OWNER TO estate_owner;

--
-- Name: FUNCTION asset_access(p_user_id uuid, p_asset_id uuid); Type: COMMENT; Schema: app; Owner: estate_owner
--

COMMENT ON FUNCTION app.asset_access(p_user_id uuid, p_asset_id uuid) IS 'What the user may do with an asset: owner, edit, view (the greatest grant), or NULL for nothing.';

--
-- Name: asset_detail_fields(text); Type: FUNCTION; Schema: app; Owner: estate_owner
--

CREATE FUNCTION app.asset_detail_fields(p_asset_type text) RETURNS TABLE(field text, column_name text, column_type text)
    LANGUAGE sql STABLE
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
  -- The API's one spelling of each field (camelCase), its column and the column's type.
  select app.camel_case(a.attname::text), a.attname::text, pg_catalog.format_type(a.atttypid, null)
    from pg_catalog.pg_attribute a
   where a.attrelid = pg_catalog.format('app.%I', app.asset_type_table(p_asset_type))::regclass
     and a.attnum > 0 and not a.attisdropped and a.attname not in ('tenant_id', 'id')
   order by a.attnum
$$;

ALTER FUNCTION app.asset_detail_fields(p_asset_type text) OWNER TO estate_owner;

--
-- Name: FUNCTION asset_detail_fields(p_asset_type text); Type: COMMENT; Schema: app; Owner: estate_owner
--

COMMENT ON FUNCTION app.asset_detail_fields(p_asset_type text) IS 'The detail fields of a (known) asset type: the API''s camelCase name, the column and its type, in column order.';

--
-- Name: asset_details(text, uuid); Type: FUNCTION; Schema: app; Owner: estate_owner
--

CREATE FUNCTION app.asset_details(p_asset_type text, p_asset_id uuid) RETURNS jsonb
    LANGUAGE plpgsql STABLE SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $_$
declare
  v_table text := app.asset_type_table(p_asset_type);
  v_row jsonb;
  v_decimals text[];
begin
  execute pg_catalog.format('select pg_catalog.to_jsonb(t) - ''tenant_id'' - ''id'' from app.%I t where t.tenant_id = $1 and t.id = $2', v_table)
    into v_row using app.current_tenant_id(), p_asset_id;
  -- Money, rates and units are exact decimals: they travel as strings, never as JSON numbers.
  select pg_catalog.array_agg(a.attname::text) into v_decimals from pg_catalog.pg_attribute a
   where a.attrelid = pg_catalog.format('app.%I', v_table)::regclass and a.atttypid = 'pg_catalog.numeric'::pg_catalog.regtype;
  return (select coalesce(pg_catalog.jsonb_object_agg(app.camel_case(k),
                    case when k = any (coalesce(v_decimals, '{}')) and pg_catalog.jsonb_typeof(v) = 'number'
                         then pg_catalog.to_jsonb(v #>> '{}') else v end), '{}')
            from pg_catalog.jsonb_each(v_row) as e(k, v));
end
$_$;

ALTER FUNCTION app.asset_details(p_asset_type text, p_asset_id uuid) OWNER TO estate_owner;

--
-- Name: FUNCTION asset_details(p_asset_type text, p_asset_id uuid); Type: COMMENT; Schema: app; Owner: estate_owner
--

COMMENT ON FUNCTION app.asset_details(p_asset_type text, p_asset_id uuid) IS 'The type-specific fields of an asset, camelCased.';

--
-- Name: asset_list(uuid, uuid[], text, text, text, integer, integer); Type: FUNCTION; Schema: app; Owner: estate_owner
--

CREATE FUNCTION app.asset_list(p_user_id uuid, p_asset_ids uuid[], p_asset_type text, p_q text, p_sort text, p_limit integer, p_offset integer) RETURNS SETOF app.asset_list_row
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
  -- The filters narrow the given (visible) ids before counting: total never counts an invisible row.
  select a.id, a.asset_type, a.category_code, a.name, a.currency, a.is_liability,
         case when a.identifier_last4 is not null then '****' || a.identifier_last4 end,
         v.amount, v.currency, v.valued_on, app.asset_access(p_user_id, a.id), a.created_at,
         (pg_catalog.count(*) over ())::integer
    from app.assets a
    left join lateral (select x.amount, x.currency, x.valued_on from app.asset_valuations x
                        where x.tenant_id = a.tenant_id and x.asset_id = a.id
                        order by x.valued_on desc, x.created_at desc limit 1) v on true
   where a.tenant_id = (select app.current_tenant_id()) and a.id = any (p_asset_ids)
     and (p_asset_type is null or a.asset_type = p_asset_type)
     and (p_q is null or a.search @@ app.prefix_tsquery(p_q))
   order by case when p_sort = '-name' then a.name end desc,
            case when p_sort = 'createdAt' then a.created_at end,
            case when p_sort = '-createdAt' then a.created_at end desc,
            a.name, a.id
   limit p_limit offset p_offset
$$;

ALTER FUNCTION app.asset_list(p_user_id uuid, p_asset_ids uuid[], p_asset_type text, p_q text, p_sort text, p_limit integer, p_offset integer) OWNER TO estate_owner;

--
-- Name: FUNCTION asset_list(p_user_id uuid, p_asset_ids uuid[], p_asset_type text, p_q text, p_sort text, p_limit integer, p_offset integer); Type: COMMENT; Schema: app; Owner: estate_owner
--

COMMENT ON FUNCTION app.asset_list(p_user_id uuid, p_asset_ids uuid[], p_asset_type text, p_q text, p_sort text, p_limit integer, p_offset integer) IS 'A page of the given assets (of one type, matching q, or all) as app.asset_list_row with the filtered total, sorted; the caller passes only what may be seen.';

--
-- Name: asset_list_sorts(); Type: FUNCTION; Schema: app; Owner: estate_owner
--

CREATE FUNCTION app.asset_list_sorts() RETURNS text[]
    LANGUAGE sql IMMUTABLE
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$ select array['name', '-name', 'createdAt', '-createdAt'] $$;

ALTER FUNCTION app.asset_list_sorts() OWNER TO estate_owner;

--
-- Name: FUNCTION asset_list_sorts(); Type: COMMENT; Schema: app; Owner: estate_owner
--

COMMENT ON FUNCTION app.asset_list_sorts() IS 'The sort keys of every asset list (default name).';

--
-- Name: asset_type_table(text); Type: FUNCTION; Schema: app; Owner: estate_owner
--

CREATE FUNCTION app.asset_type_table(p_asset_type text) RETURNS text
    LANGUAGE sql IMMUTABLE
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
  select case p_asset_type
    when 'bank_account' then 'asset_bank_accounts' when 'investment_account' then 'asset_investment_accounts'
    when 'real_estate' then 'asset_real_estate' when 'vehicle' then 'asset_vehicles'
    when 'business' then 'asset_businesses' when 'life_insurance' then 'asset_life_insurance'
    when 'personal_property' then 'asset_personal_property' when 'debt' then 'asset_debts'
    when 'cryptocurrency' then 'asset_cryptocurrencies' when 'retirement_account' then 'asset_retirement_accounts'
    when 'collectible' then 'asset_collectibles' when 'intellectual_property' then 'asset_intellectual_property'
    when 'misc' then 'asset_misc' end
$$;

ALTER FUNCTION app.asset_type_table(p_asset_type text) OWNER TO estate_owner;

--
-- Name: FUNCTION asset_type_table(p_asset_type text); Type: COMMENT; Schema: app; Owner: estate_owner
--

COMMENT ON FUNCTION app.asset_type_table(p_asset_type text) IS 'The type table of one of the 13 asset types, or NULL for an unknown type.';

--
-- Name: asset_view(uuid, text); Type: FUNCTION; Schema: app; Owner: estate_owner
--

CREATE FUNCTION app.asset_view(p_asset_id uuid, p_access text) RETURNS SETOF app.asset_row
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
  select a.id, a.asset_type, a.category_code, a.name, a.description, a.currency, a.is_liability,
         case when a.identifier_last4 is not null then '****' || a.identifier_last4 end,
         a.status, app.asset_details(a.asset_type, a.id), v.amount, v.currency, v.valued_on,
         coalesce((select pg_catalog.jsonb_agg(pg_catalog.jsonb_build_object(
                     'personaId', o.persona_id, 'personaName', p.first_name || ' ' || p.last_name,
                     'entityId', o.entity_id, 'entityName', e.name,
                     'percentage', o.ownership_percentage::text, 'form', o.ownership_form) order by o.ownership_percentage desc, o.created_at)
                     from app.asset_ownerships o
                     left join app.personas p on p.tenant_id = o.tenant_id and p.id = o.persona_id
                     left join app.legal_entities e on e.tenant_id = o.tenant_id and e.id = o.entity_id
                    where o.tenant_id = a.tenant_id and o.asset_id = a.id), '[]'),
         p_access, a.created_at, a.updated_at
    from app.assets a
    left join lateral (select x.amount, x.currency, x.valued_on from app.asset_valuations x
                        where x.tenant_id = a.tenant_id and x.asset_id = a.id
                        order by x.valued_on desc, x.created_at desc limit 1) v on true
   where a.tenant_id = (select app.current_tenant_id()) and a.id = p_asset_id
$$;

ALTER FUNCTION app.asset_view(p_asset_id uuid, p_access text) OWNER TO estate_owner;

--
-- Name: FUNCTION asset_view(p_asset_id uuid, p_access text); Type: COMMENT; Schema: app; Owner: estate_owner
--

COMMENT ON FUNCTION app.asset_view(p_asset_id uuid, p_access text) IS 'An asset as the API shows it: identifier masked, type details, latest value, owners.';

--
-- Name: audit_support_read(uuid, text, text, jsonb); Type: FUNCTION; Schema: app; Owner: estate_owner
--

CREATE FUNCTION app.audit_support_read(p_tenant_id uuid, p_what text, p_row_id text, p_details jsonb) RETURNS void
    LANGUAGE sql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
  -- Reads by support are evidence too: one READ row naming the procedure, its target and its filters.
  insert into audit.audit_log (tenant_id, actor_kind, actor_id, request_id, table_name, row_id, operation,
                               changed_columns, changes)
  values (p_tenant_id, 'support', app.current_actor_id(), app.current_request_id(), p_what, p_row_id, 'READ',
          null, p_details)
$$;

ALTER FUNCTION app.audit_support_read(p_tenant_id uuid, p_what text, p_row_id text, p_details jsonb) OWNER TO estate_owner;

--
-- Name: FUNCTION audit_support_read(p_tenant_id uuid, p_what text, p_row_id text, p_details jsonb); Type: COMMENT; Schema: app; Owner: estate_owner
--

COMMENT ON FUNCTION app.audit_support_read(p_tenant_id uuid, p_what text, p_row_id text, p_details jsonb) IS 'Records a read by support staff in the audit log (operation READ, the procedure as table_name).';

--
-- Name: beneficiaries_of(uuid, uuid, uuid); Type: FUNCTION; Schema: app; Owner: estate_owner
--

CREATE FUNCTION app.beneficiaries_of(p_asset_id uuid, p_entity_id uuid, p_estate_of_persona_id uuid DEFAULT NULL::uuid) RETURNS SETOF app.beneficiary_row
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
  select d.level, d.beneficiary_kind, d.beneficiary_persona_id, d.beneficiary_entity_id,
         case d.beneficiary_kind when 'persona' then p.first_name || ' ' || p.last_name when 'entity' then e.name
              else 'The owner''s estate' end,
         d.percentage, d.distribution, d.effective_on
    from app.beneficiary_designations d
    left join app.personas p on p.tenant_id = d.tenant_id and p.id = d.beneficiary_persona_id
    left join app.legal_entities e on e.tenant_id = d.tenant_id and e.id = d.beneficiary_entity_id
   where d.tenant_id = (select app.current_tenant_id())
     and d.asset_id is not distinct from p_asset_id and d.entity_id is not distinct from p_entity_id
     and d.estate_of_persona_id is not distinct from p_estate_of_persona_id
     and pg_catalog.num_nonnulls(p_asset_id, p_entity_id, p_estate_of_persona_id) = 1
   order by d.level desc, d.percentage desc, 5, d.id
$$;

ALTER FUNCTION app.beneficiaries_of(p_asset_id uuid, p_entity_id uuid, p_estate_of_persona_id uuid) OWNER TO estate_owner;

--
-- Name: FUNCTION beneficiaries_of(p_asset_id uuid, p_entity_id uuid, p_estate_of_persona_id uuid); Type: COMMENT; Schema: app; Owner: estate_owner
--

COMMENT ON FUNCTION app.beneficiaries_of(p_asset_id uuid, p_entity_id uuid, p_estate_of_persona_id uuid) IS 'The designations on an asset, an entity or a persona''s estate, primary level first, largest share first.';

--
-- Name: camel_case(text); Type: FUNCTION; Schema: app; Owner: estate_owner
--

CREATE FUNCTION app.camel_case(p_key text) RETURNS text
    LANGUAGE sql IMMUTABLE
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
  select pg_catalog.string_agg(case when n = 1 then part else pg_catalog.initcap(part) end, '' order by n)
    from pg_catalog.unnest(pg_catalog.string_to_array(p_key, '_')) with ordinality as t(part, n)
$$;

ALTER FUNCTION app.camel_case(p_key text) OWNER TO estate_owner;

--
-- Name: FUNCTION camel_case(p_key text); Type: COMMENT; Schema: app; Owner: estate_owner
--

COMMENT ON FUNCTION app.camel_case(p_key text) IS 'snake_case (the columns'') to camelCase (the API''s).';

--
-- Name: check_asset_details(text, jsonb); Type: FUNCTION; Schema: app; Owner: estate_owner
--

CREATE FUNCTION app.check_asset_details(p_asset_type text, p_details jsonb) RETURNS jsonb
    LANGUAGE plpgsql STABLE SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $_$
declare
  v_details jsonb := coalesce(p_details, '{}');
  v_table text := app.asset_type_table(p_asset_type);
  v_unknown text[];
  v_field record;
begin
  if v_table is null then
    perform app.fail('PT400', 'invalid_asset_type', 'asset type must be one of the 13 known types');
  end if;
  if pg_catalog.jsonb_typeof(v_details) <> 'object' then
    perform app.fail('PT400', 'invalid_details', 'details must be an object');
  end if;
  -- Keys as sent against the type's fields as the API spells them, before any other work: one
  -- hashed anti-join, linear in the keys. Another spelling (snake_case...) is an unknown key.
  select pg_catalog.array_agg(u.k) into v_unknown
    from (select k from pg_catalog.jsonb_object_keys(v_details) k
           where k not in (select f.field from app.asset_detail_fields(p_asset_type) f) limit 6) u;
  if v_unknown is not null then
    perform app.fail('PT400', 'invalid_details', pg_catalog.format('unknown %s details: %s%s (the fields are %s)', p_asset_type,
      pg_catalog.array_to_string(v_unknown[1:5], ', '), case when pg_catalog.cardinality(v_unknown) > 5 then ', ...' else '' end,
      (select pg_catalog.string_agg(f.field, ', ') from app.asset_detail_fields(p_asset_type) f)));
  end if;
  -- Each given value against its column's type, named as the caller named it.
  for v_field in select f.field, f.column_name, f.column_type from app.asset_detail_fields(p_asset_type) f
                  where v_details ? f.field and v_details -> f.field <> 'null'::jsonb loop
    -- Decimals travel as strings, as at the top level: a JSON number was already rounded by
    -- whoever parsed it (123456789.123456789012 arrives as 123456789.12345679). Integers may be numbers.
    if v_field.column_type = 'numeric' and pg_catalog.jsonb_typeof(v_details -> v_field.field) = 'number' then
      perform app.fail('PT400', 'invalid_details', pg_catalog.format(
        'details.%s must be a decimal string ("12.50"), not a JSON number: send decimals as strings', v_field.field));
    end if;
    begin
      execute pg_catalog.format('select pg_catalog.jsonb_populate_record(null::app.%I, $1)', v_table)
        using pg_catalog.jsonb_build_object(v_field.column_name, v_details -> v_field.field);
    exception when data_exception then
      perform app.fail('PT400', 'invalid_details', pg_catalog.format('details.%s must be %s', v_field.field,
        case when v_field.column_type = 'numeric' then 'a decimal number within the field''s range'
             when v_field.column_type = 'integer' then 'a whole number within the field''s range'
             when v_field.column_type = 'date' then 'a date (YYYY-MM-DD)'
             when v_field.column_type = 'uuid' then 'an id'
             when v_field.column_type = 'boolean' then 'true or false'
             else 'valid text' end));
    end;
  end loop;
  return (select coalesce(pg_catalog.jsonb_object_agg(f.column_name, v_details -> f.field), '{}')
            from app.asset_detail_fields(p_asset_type) f where v_details ? f.field);
end
$_$;

ALTER FUNCTION app.check_asset_details(p_asset_type text, p_details jsonb) OWNER TO estate_owner;

--
-- Name: FUNCTION check_asset_details(p_asset_type text, p_details jsonb); Type: COMMENT; Schema: app; Owner: estate_owner
--

COMMENT ON FUNCTION app.check_asset_details(p_asset_type text, p_details jsonb) IS 'Checks an asset''s details before any other work: an object whose keys are the type''s own fields spelled as the API spells them (camelCase; another spelling is refused as unknown) and whose values fit the fields'' types (a decimal field refuses a JSON number: decimals are strings); returns them keyed by column. Raises invalid_details naming the field as sent.';

--
-- Name: check_currency(text); Type: FUNCTION; Schema: app; Owner: estate_owner
--

CREATE FUNCTION app.check_currency(p_currency text) RETURNS text
    LANGUAGE plpgsql IMMUTABLE
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $_$
begin
  if p_currency is null or p_currency !~ '^[A-Z]{3}$' then
    perform app.fail('PT400', 'invalid_currency', 'currency must be an ISO 4217 code such as USD');
  end if;
  return p_currency;
end
$_$;

ALTER FUNCTION app.check_currency(p_currency text) OWNER TO estate_owner;

--
-- Name: FUNCTION check_currency(p_currency text); Type: COMMENT; Schema: app; Owner: estate_owner
--

COMMENT ON FUNCTION app.check_currency(p_currency text) IS 'Checks an ISO 4217 currency code.';

--
-- Name: check_entity_fields(text, date); Type: FUNCTION; Schema: app; Owner: estate_owner
--

CREATE FUNCTION app.check_entity_fields(p_jurisdiction text, p_effective_date date) RETURNS void
    LANGUAGE plpgsql STABLE
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
begin
  if pg_catalog.length(p_jurisdiction) > 100 then
    perform app.fail('PT400', 'invalid_jurisdiction', 'jurisdiction must be at most 100 characters');
  end if;
  if p_effective_date is not null and (p_effective_date < date '1850-01-01' or p_effective_date > current_date + 366) then
    perform app.fail('PT400', 'invalid_effective_date', 'the effective date must be between 1850-01-01 and a year from today');
  end if;
end
$$;

ALTER FUNCTION app.check_entity_fields(p_jurisdiction text, p_effective_date date) OWNER TO estate_owner;

--
-- Name: FUNCTION check_entity_fields(p_jurisdiction text, p_effective_date date); Type: COMMENT; Schema: app; Owner: estate_owner
--

COMMENT ON FUNCTION app.check_entity_fields(p_jurisdiction text, p_effective_date date) IS 'Checks an entity''s jurisdiction and effective date.';

--
-- Name: check_entity_kind(text); Type: FUNCTION; Schema: app; Owner: estate_owner
--

CREATE FUNCTION app.check_entity_kind(p_kind text) RETURNS text
    LANGUAGE plpgsql IMMUTABLE
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
begin
  if p_kind is null or p_kind not in ('revocable_trust', 'irrevocable_trust', 'llc', 'partnership', 'corporation', 'other') then
    perform app.fail('PT400', 'invalid_entity_kind', 'entity kind must be revocable_trust, irrevocable_trust, llc, partnership, corporation or other');
  end if;
  return p_kind;
end
$$;

ALTER FUNCTION app.check_entity_kind(p_kind text) OWNER TO estate_owner;

--
-- Name: FUNCTION check_entity_kind(p_kind text); Type: COMMENT; Schema: app; Owner: estate_owner
--

COMMENT ON FUNCTION app.check_entity_kind(p_kind text) IS 'Checks the kind of a legal entity.';

--
-- Name: check_ffc_role_grant(text, text); Type: FUNCTION; Schema: app; Owner: estate_owner
--

CREATE FUNCTION app.check_ffc_role_grant(p_caller_role text, p_role text) RETURNS void
    LANGUAGE plpgsql IMMUTABLE
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
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

ALTER FUNCTION app.check_ffc_role_grant(p_caller_role text, p_role text) OWNER TO estate_owner;

--
-- Name: FUNCTION check_ffc_role_grant(p_caller_role text, p_role text); Type: COMMENT; Schema: app; Owner: estate_owner
--

COMMENT ON FUNCTION app.check_ffc_role_grant(p_caller_role text, p_role text) IS 'Raises unless a caller with p_caller_role may give someone p_role.';

--
-- Name: check_filter_text(text); Type: FUNCTION; Schema: app; Owner: estate_owner
--

CREATE FUNCTION app.check_filter_text(p_q text) RETURNS text
    LANGUAGE plpgsql IMMUTABLE
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
begin
  -- The q of a list: 1 to 200 characters, compared case-insensitively; NULL: no text filter.
  if p_q is not null and pg_catalog.length(pg_catalog.btrim(p_q)) not between 1 and 200 then
    perform app.fail('PT400', 'invalid_filter', 'q must be 1 to 200 characters');
  end if;
  return pg_catalog.lower(pg_catalog.btrim(p_q));
end
$$;

ALTER FUNCTION app.check_filter_text(p_q text) OWNER TO estate_owner;

--
-- Name: FUNCTION check_filter_text(p_q text); Type: COMMENT; Schema: app; Owner: estate_owner
--

COMMENT ON FUNCTION app.check_filter_text(p_q text) IS 'Refuses a text filter q that is blank or longer than 200 characters (invalid_filter); returns it trimmed and lower-cased.';

--
-- Name: check_life_dates(date, text, date); Type: FUNCTION; Schema: app; Owner: estate_owner
--

CREATE FUNCTION app.check_life_dates(p_date_of_birth date, p_living_status text, p_date_of_death date) RETURNS void
    LANGUAGE plpgsql STABLE
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
begin
  if p_date_of_birth is not null and (p_date_of_birth > current_date or p_date_of_birth < date '1850-01-01') then
    perform app.fail('PT400', 'invalid_date_of_birth', 'date of birth must be between 1850-01-01 and today');
  end if;
  if p_living_status not in ('living', 'incapacitated', 'deceased') then
    perform app.fail('PT400', 'invalid_living_status', 'living status must be living, incapacitated or deceased');
  end if;
  if p_date_of_death is not null and (p_living_status <> 'deceased' or p_date_of_death > current_date
                                      or p_date_of_death < coalesce(p_date_of_birth, date '1850-01-01')) then
    perform app.fail('PT400', 'invalid_date_of_death', 'date of death needs living status deceased, and must lie between birth and today');
  end if;
end
$$;

ALTER FUNCTION app.check_life_dates(p_date_of_birth date, p_living_status text, p_date_of_death date) OWNER TO estate_owner;

--
-- Name: FUNCTION check_life_dates(p_date_of_birth date, p_living_status text, p_date_of_death date); Type: COMMENT; Schema: app; Owner: estate_owner
--

COMMENT ON FUNCTION app.check_life_dates(p_date_of_birth date, p_living_status text, p_date_of_death date) IS 'Validates birth date, living status and death date together.';

--
-- Name: check_mfa_factors(text[], text); Type: FUNCTION; Schema: app; Owner: estate_owner
--

CREATE FUNCTION app.check_mfa_factors(p_factors text[], p_code text) RETURNS text[]
    LANGUAGE plpgsql IMMUTABLE
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
begin
  if p_factors is null or pg_catalog.array_position(p_factors, null) is not null
     or not p_factors <@ array['totp', 'sms', 'email', 'webauthn']
     or pg_catalog.cardinality(p_factors) <> (select pg_catalog.count(distinct f) from pg_catalog.unnest(p_factors) f) then
    perform app.fail('PT400', p_code, 'factors are distinct values of totp, sms, email and webauthn');
  end if;
  return array(select f from pg_catalog.unnest(array['totp', 'sms', 'email', 'webauthn']) f where f = any (p_factors));
end
$$;

ALTER FUNCTION app.check_mfa_factors(p_factors text[], p_code text) OWNER TO estate_owner;

--
-- Name: FUNCTION check_mfa_factors(p_factors text[], p_code text); Type: COMMENT; Schema: app; Owner: estate_owner
--

COMMENT ON FUNCTION app.check_mfa_factors(p_factors text[], p_code text) IS 'Checks a list of MFA factor names (distinct; totp, sms, email, webauthn) and returns it in canonical order.';

--
-- Name: check_net_worth_input(date, text); Type: FUNCTION; Schema: app; Owner: estate_owner
--

CREATE FUNCTION app.check_net_worth_input(p_as_of date, p_currency text) RETURNS void
    LANGUAGE plpgsql STABLE
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
begin
  perform app.check_currency(p_currency);
  if p_as_of is null or p_as_of > current_date or p_as_of < date '1900-01-01' then
    perform app.fail('PT400', 'invalid_as_of', 'as of must be a date between 1900-01-01 and today');
  end if;
end
$$;

ALTER FUNCTION app.check_net_worth_input(p_as_of date, p_currency text) OWNER TO estate_owner;

--
-- Name: FUNCTION check_net_worth_input(p_as_of date, p_currency text); Type: COMMENT; Schema: app; Owner: estate_owner
--

COMMENT ON FUNCTION app.check_net_worth_input(p_as_of date, p_currency text) IS 'Validates the date and currency of a net-worth question.';

--
-- Name: check_ownership(numeric, text); Type: FUNCTION; Schema: app; Owner: estate_owner
--

CREATE FUNCTION app.check_ownership(p_percentage numeric, p_form text) RETURNS void
    LANGUAGE plpgsql IMMUTABLE
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
begin
  if p_percentage is null or p_percentage <= 0 or p_percentage > 100 or p_percentage <> pg_catalog.round(p_percentage, 4) then
    perform app.fail('PT400', 'invalid_percentage', 'an ownership share is more than 0 and at most 100, with up to 4 decimals');
  end if;
  if p_form is null then
    perform app.fail('PT400', 'invalid_ownership_form', 'ownership form is not one of the known forms');
  end if;
  begin
    perform p_form::app.ownership_form; -- the domain holds the list
  exception when check_violation then
    perform app.fail('PT400', 'invalid_ownership_form', 'ownership form is not one of the known forms');
  end;
end
$$;

ALTER FUNCTION app.check_ownership(p_percentage numeric, p_form text) OWNER TO estate_owner;

--
-- Name: FUNCTION check_ownership(p_percentage numeric, p_form text); Type: COMMENT; Schema: app; Owner: estate_owner
--

COMMENT ON FUNCTION app.check_ownership(p_percentage numeric, p_form text) IS 'Checks an ownership share (0 < p <= 100, 4 decimals) and form.';

--
-- Name: check_page(integer, integer, integer); Type: FUNCTION; Schema: app; Owner: estate_owner
--

CREATE FUNCTION app.check_page(p_limit integer, p_offset integer, p_max integer DEFAULT 500) RETURNS void
    LANGUAGE plpgsql IMMUTABLE
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
begin
  if p_limit is null or p_limit not between 1 and p_max or p_offset is null or p_offset < 0 then
    perform app.fail('PT400', 'invalid_page', pg_catalog.format('limit must be 1 to %s and offset 0 or more', p_max));
  end if;
end
$$;

ALTER FUNCTION app.check_page(p_limit integer, p_offset integer, p_max integer) OWNER TO estate_owner;

--
-- Name: FUNCTION check_page(p_limit integer, p_offset integer, p_max integer); Type: COMMENT; Schema: app; Owner: estate_owner
--

COMMENT ON FUNCTION app.check_page(p_limit integer, p_offset integer, p_max integer) IS 'Refuses a page outside 1..p_max rows (500 by default, as the API''s Page) or before the first row (invalid_page).';

--
-- Name: check_sort(text, text[]); Type: FUNCTION; Schema: app; Owner: estate_owner
--

CREATE FUNCTION app.check_sort(p_sort text, p_allowed text[]) RETURNS text
    LANGUAGE plpgsql IMMUTABLE
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
begin
  -- NULL: the list's own default order. Otherwise one of the list's documented keys (-key: descending).
  if p_sort is not null and not p_sort = any (p_allowed) then
    perform app.fail('PT400', 'invalid_sort', pg_catalog.format('sort must be one of %s', pg_catalog.array_to_string(p_allowed, ', ')));
  end if;
  return p_sort;
end
$$;

ALTER FUNCTION app.check_sort(p_sort text, p_allowed text[]) OWNER TO estate_owner;

--
-- Name: FUNCTION check_sort(p_sort text, p_allowed text[]); Type: COMMENT; Schema: app; Owner: estate_owner
--

COMMENT ON FUNCTION app.check_sort(p_sort text, p_allowed text[]) IS 'Refuses a sort key outside the list''s allow-list (invalid_sort); NULL keeps the default order.';

--
-- Name: check_support_access_input(text, text, integer, integer); Type: FUNCTION; Schema: app; Owner: estate_owner
--

CREATE FUNCTION app.check_support_access_input(p_reason text, p_ticket_ref text, p_minutes integer, p_max_minutes integer) RETURNS void
    LANGUAGE plpgsql IMMUTABLE
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $_$
begin
  if p_reason is null or pg_catalog.length(pg_catalog.btrim(p_reason)) not between 10 and 500 then
    perform app.fail('PT400', 'invalid_reason', 'state the reason in 10 to 500 characters');
  end if;
  if p_ticket_ref is null or p_ticket_ref !~ '^[A-Za-z0-9][A-Za-z0-9._#/-]{0,63}$' then
    perform app.fail('PT400', 'invalid_ticket_ref', 'a ticket reference is 1 to 64 letters, digits or ._#/-');
  end if;
  if p_minutes is null or p_minutes not between 1 and p_max_minutes then
    perform app.fail('PT400', 'invalid_duration', pg_catalog.format('this access lasts 1 to %s minutes', p_max_minutes));
  end if;
end
$_$;

ALTER FUNCTION app.check_support_access_input(p_reason text, p_ticket_ref text, p_minutes integer, p_max_minutes integer) OWNER TO estate_owner;

--
-- Name: FUNCTION check_support_access_input(p_reason text, p_ticket_ref text, p_minutes integer, p_max_minutes integer); Type: COMMENT; Schema: app; Owner: estate_owner
--

COMMENT ON FUNCTION app.check_support_access_input(p_reason text, p_ticket_ref text, p_minutes integer, p_max_minutes integer) IS 'Refuses a support access request without a reason (10 to 500 characters), a ticket reference, or a duration of 1 to the maximum minutes.';

--
-- Name: check_valuation_source(text); Type: FUNCTION; Schema: app; Owner: estate_owner
--

CREATE FUNCTION app.check_valuation_source(p_source text) RETURNS text
    LANGUAGE plpgsql IMMUTABLE
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
begin
  if p_source is null then
    perform app.fail('PT400', 'invalid_valuation_source', 'valuation source must be manual, appraisal, statement or import');
  end if;
  begin
    perform p_source::app.valuation_source; -- the domain holds the list
  exception when check_violation then
    perform app.fail('PT400', 'invalid_valuation_source', 'valuation source must be manual, appraisal, statement or import');
  end;
  return p_source;
end
$$;

ALTER FUNCTION app.check_valuation_source(p_source text) OWNER TO estate_owner;

--
-- Name: FUNCTION check_valuation_source(p_source text); Type: COMMENT; Schema: app; Owner: estate_owner
--

COMMENT ON FUNCTION app.check_valuation_source(p_source text) IS 'Checks a valuation source.';

--
-- Name: controlled_entity_ids(uuid); Type: FUNCTION; Schema: app; Owner: estate_owner
--

CREATE FUNCTION app.controlled_entity_ids(p_user_id uuid) RETURNS SETOF uuid
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
  -- A grantor, trustee or manager controls the entity: whoever acts for one of them does too.
  select distinct r.entity_id from app.legal_entity_roles r
   where r.tenant_id = (select app.current_tenant_id()) and r.persona_id in (select app.acting_persona_ids(p_user_id))
$$;

ALTER FUNCTION app.controlled_entity_ids(p_user_id uuid) OWNER TO estate_owner;

--
-- Name: FUNCTION controlled_entity_ids(p_user_id uuid); Type: COMMENT; Schema: app; Owner: estate_owner
--

COMMENT ON FUNCTION app.controlled_entity_ids(p_user_id uuid) IS 'The legal entities a user controls: those where a persona they act for is a grantor, trustee or manager.';

--
-- Name: count_ffc_owners(uuid); Type: FUNCTION; Schema: app; Owner: estate_owner
--

CREATE FUNCTION app.count_ffc_owners(p_ffc_id uuid) RETURNS integer
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
  select count(*)::integer from app.ffc_memberships m
   where m.tenant_id = (select app.current_tenant_id()) and m.ffc_id = p_ffc_id and m.status = 'active' and m.role = 'owner'
$$;

ALTER FUNCTION app.count_ffc_owners(p_ffc_id uuid) OWNER TO estate_owner;

--
-- Name: FUNCTION count_ffc_owners(p_ffc_id uuid); Type: COMMENT; Schema: app; Owner: estate_owner
--

COMMENT ON FUNCTION app.count_ffc_owners(p_ffc_id uuid) IS 'How many active owners a circle has.';

--
-- Name: currency_exponent(text); Type: FUNCTION; Schema: app; Owner: estate_owner
--

CREATE FUNCTION app.currency_exponent(p_currency text) RETURNS integer
    LANGUAGE sql IMMUTABLE
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
  select case
    when p_currency in ('BIF', 'CLP', 'DJF', 'GNF', 'JPY', 'KMF', 'KRW', 'MGA', 'PYG', 'RWF', 'UGX', 'VND', 'VUV', 'XAF', 'XOF', 'XPF') then 0
    when p_currency in ('BHD', 'JOD', 'KWD', 'OMR', 'TND') then 3
    else 2 end
$$;

ALTER FUNCTION app.currency_exponent(p_currency text) OWNER TO estate_owner;

--
-- Name: FUNCTION currency_exponent(p_currency text); Type: COMMENT; Schema: app; Owner: estate_owner
--

COMMENT ON FUNCTION app.currency_exponent(p_currency text) IS 'Decimals of a currency''s minor unit as Stripe counts it: 0 (JPY...), 3 (KWD...) or 2.';

--
-- Name: current_actor_id(); Type: FUNCTION; Schema: app; Owner: estate_owner
--

CREATE FUNCTION app.current_actor_id() RETURNS text
    LANGUAGE sql STABLE
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$ select nullif(pg_catalog.current_setting('app.actor_id', true), '') $$;

ALTER FUNCTION app.current_actor_id() OWNER TO estate_owner;

--
-- Name: FUNCTION current_actor_id(); Type: COMMENT; Schema: app; Owner: estate_owner
--

COMMENT ON FUNCTION app.current_actor_id() IS 'The acting identity (Cognito subject, staff subject, API key id), or NULL.';

--
-- Name: current_actor_kind(); Type: FUNCTION; Schema: app; Owner: estate_owner
--

CREATE FUNCTION app.current_actor_kind() RETURNS text
    LANGUAGE plpgsql STABLE
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
declare
  v_value text := pg_catalog.current_setting('app.actor_kind', true);
begin
  if v_value is null or v_value = '' then
    return 'system';
  end if;
  if v_value not in ('user', 'support', 'api_key', 'system') then
    perform app.fail('42501', 'actor_context_invalid', 'the actor kind of this transaction is not valid');
  end if;
  return v_value;
end
$$;

ALTER FUNCTION app.current_actor_kind() OWNER TO estate_owner;

--
-- Name: FUNCTION current_actor_kind(); Type: COMMENT; Schema: app; Owner: estate_owner
--

COMMENT ON FUNCTION app.current_actor_kind() IS 'Who acts in this transaction: user, support, api_key or system (the default when unset).';

--
-- Name: current_api_key(); Type: FUNCTION; Schema: app; Owner: estate_owner
--

CREATE FUNCTION app.current_api_key() RETURNS app.api_keys
    LANGUAGE plpgsql STABLE SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $_$
declare
  v_tenant_id uuid := app.require_active_tenant();
  v_actor_id text := app.current_actor_id();
  v_key app.api_keys;
  v_status text;
begin
  if app.current_actor_kind() <> 'api_key' or v_actor_id is null then
    perform app.fail('42501', 'api_key_context_missing', 'no API key is named for this transaction');
  end if;
  if v_actor_id ~ '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$' then
    select * into v_key from app.api_keys k where k.tenant_id = v_tenant_id and k.id = v_actor_id::uuid;
  end if;
  -- Unknown, revoked and expired keys answer alike (as api.sp_authenticate_api_key does).
  if v_key.id is null or v_key.revoked_at is not null or v_key.expires_at <= pg_catalog.now() then
    perform app.fail('PT401', 'api_key_invalid', 'the API key is not valid (unknown, expired or revoked)');
  end if;
  -- The user it acts for meets the checks of a sign-in: not suspended, not deactivated.
  select u.status into v_status from app.users u where u.tenant_id = v_tenant_id and u.id = v_key.user_id;
  if v_status = 'suspended' then
    perform app.fail('PT403', 'user_suspended', 'this user is suspended: contact support');
  end if;
  if v_status is distinct from 'active' then
    perform app.fail('PT403', 'user_inactive', 'this user is deactivated');
  end if;
  -- The tenant's MFA policy holds for keys too: a key counts as its creating sign-in did.
  if exists (select 1 from app.tenant_security_policies p
              where p.tenant_id = v_tenant_id and p.mfa_required
                and not ('mfa' = any (v_key.created_with_amr) and v_key.created_with_amr && p.mfa_factors)) then
    perform app.fail('PT403', 'mfa_required',
                     'this tenant requires multi-factor authentication: the key was created by a sign-in without it; create a new key after signing in with MFA');
  end if;
  return v_key;
end
$_$;

ALTER FUNCTION app.current_api_key() OWNER TO estate_owner;

--
-- Name: FUNCTION current_api_key(); Type: COMMENT; Schema: app; Owner: estate_owner
--

COMMENT ON FUNCTION app.current_api_key() IS 'The API key of the transaction (actor kind api_key), after checking it is neither revoked nor expired, that its user is active, and that it was created with MFA when the tenant requires it.';

--
-- Name: current_request_id(); Type: FUNCTION; Schema: app; Owner: estate_owner
--

CREATE FUNCTION app.current_request_id() RETURNS text
    LANGUAGE sql STABLE
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$ select nullif(pg_catalog.current_setting('app.request_id', true), '') $$;

ALTER FUNCTION app.current_request_id() OWNER TO estate_owner;

--
-- Name: FUNCTION current_request_id(); Type: COMMENT; Schema: app; Owner: estate_owner
--

COMMENT ON FUNCTION app.current_request_id() IS 'The HTTP request id of this transaction, for the audit log, or NULL.';

--
-- Name: current_tenant_id(); Type: FUNCTION; Schema: app; Owner: estate_owner
--

CREATE FUNCTION app.current_tenant_id() RETURNS uuid
    LANGUAGE plpgsql STABLE
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
declare
  v_value text := pg_catalog.current_setting('app.tenant_id', true);
begin
  if v_value is null or v_value = '' then
    perform app.fail('42501', 'tenant_context_missing', 'no tenant context is set for this transaction');
  end if;
  return v_value::uuid;
end
$$;

ALTER FUNCTION app.current_tenant_id() OWNER TO estate_owner;

--
-- Name: FUNCTION current_tenant_id(); Type: COMMENT; Schema: app; Owner: estate_owner
--

COMMENT ON FUNCTION app.current_tenant_id() IS 'The tenant of the current transaction; raises when none is set.';

--
-- Name: current_user_id(); Type: FUNCTION; Schema: app; Owner: estate_owner
--

CREATE FUNCTION app.current_user_id() RETURNS uuid
    LANGUAGE plpgsql STABLE SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
declare
  v_tenant_id uuid := app.require_active_tenant();
  v_sub text := app.current_actor_id();
  v_user_id uuid;
  v_status text;
  v_session_ref text;
begin
  -- API keys (0022): only a procedure that names the scope of its work admits one (app.current_user_id(text)).
  if app.current_actor_kind() = 'api_key' then
    perform app.fail('PT403', 'api_key_not_allowed', 'this operation is not available to API keys: use a user''s sign-in');
  end if;
  if app.current_actor_kind() <> 'user' or v_sub is null then
    perform app.fail('42501', 'user_context_missing', 'no signed-in user is named for this transaction');
  end if;
  select u.id, u.status into v_user_id, v_status
    from app.users u where u.tenant_id = v_tenant_id and u.cognito_sub = v_sub;
  if v_user_id is null then
    perform app.fail('PT403', 'user_not_registered', 'this identity is not registered yet: register first');
  end if;
  if v_status = 'suspended' then
    perform app.fail('PT403', 'user_suspended', 'this user is suspended: contact support');
  end if;
  if v_status <> 'active' then
    perform app.fail('PT403', 'user_inactive', 'this user is deactivated');
  end if;
  -- A sign-in support revoked (support.sp_revoke_user_sessions) is refused from its next request.
  v_session_ref := pg_catalog.current_setting('app.session_ref', true);
  if coalesce(v_session_ref, '') <> '' and exists (
       select 1 from app.user_sessions s
        where s.tenant_id = v_tenant_id and s.user_id = v_user_id and s.session_ref = v_session_ref
          and s.revoked_at is not null) then
    perform app.fail('PT401', 'session_revoked', 'this sign-in was ended: sign in again');
  end if;
  -- MFA (issue 11, docs/credentials.md): a tenant that requires it refuses a token obtained without it.
  perform app.require_token_mfa(v_tenant_id);
  return v_user_id;
end
$$;

ALTER FUNCTION app.current_user_id() OWNER TO estate_owner;

--
-- Name: FUNCTION current_user_id(); Type: COMMENT; Schema: app; Owner: estate_owner
--

COMMENT ON FUNCTION app.current_user_id() IS 'The active user behind the transaction''s Cognito subject; raises when unregistered, deactivated, suspended, signed in through a revoked session, or without the MFA the tenant requires.';

--
-- Name: current_user_id(text); Type: FUNCTION; Schema: app; Owner: estate_owner
--

CREATE FUNCTION app.current_user_id(p_scope text) RETURNS uuid
    LANGUAGE plpgsql STABLE SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
declare
  v_key app.api_keys;
begin
  if p_scope is not null and not p_scope = any (array['personas:read', 'assets:read', 'assets:write', 'net_worth:read']) then
    perform app.fail('22023', 'api_key_scope_unknown', pg_catalog.format('%s is not an API key scope', p_scope));
  end if;
  -- A signed-in user: every check of app.current_user_id(). NULL names no scope: no key is admitted.
  if p_scope is null or app.current_actor_kind() <> 'api_key' then
    return app.current_user_id();
  end if;
  v_key := app.current_api_key();
  -- A write scope includes its read (a write answers with what it wrote; If-Match reads first).
  if not (p_scope = any (v_key.scopes)
          or (p_scope like '%:read' and pg_catalog.replace(p_scope, ':read', ':write') = any (v_key.scopes))) then
    perform app.fail('PT403', 'api_key_scope_missing', pg_catalog.format('this API key lacks the %s scope', p_scope));
  end if;
  return v_key.user_id;
end
$$;

ALTER FUNCTION app.current_user_id(p_scope text) OWNER TO estate_owner;

--
-- Name: FUNCTION current_user_id(p_scope text); Type: COMMENT; Schema: app; Owner: estate_owner
--

COMMENT ON FUNCTION app.current_user_id(p_scope text) IS 'The user a procedure works for: a signed-in user as app.current_user_id(), or the creator of an API key that holds the scope (api_key_scope_missing otherwise); the procedures a key may reach call this one.';

--
-- Name: current_user_id_for_mfa_setup(); Type: FUNCTION; Schema: app; Owner: estate_owner
--

CREATE FUNCTION app.current_user_id_for_mfa_setup() RETURNS uuid
    LANGUAGE plpgsql STABLE SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
declare
  v_hint text;
  v_user_id uuid;
begin
  -- Every check of app.current_user_id but MFA: a user of a tenant that requires MFA may read the
  -- policy and report a first enrollment with a token obtained without it (how else would they start).
  begin
    return app.current_user_id();
  exception when others then
    get stacked diagnostics v_hint = pg_exception_hint;
    if v_hint is distinct from 'mfa_required' then
      raise;
    end if;
  end;
  -- mfa_required is raised after every other check passed: the user is registered and active.
  select u.id into v_user_id from app.users u
   where u.tenant_id = app.current_tenant_id() and u.cognito_sub = app.current_actor_id();
  return v_user_id;
end
$$;

ALTER FUNCTION app.current_user_id_for_mfa_setup() OWNER TO estate_owner;

--
-- Name: FUNCTION current_user_id_for_mfa_setup(); Type: COMMENT; Schema: app; Owner: estate_owner
--

COMMENT ON FUNCTION app.current_user_id_for_mfa_setup() IS 'app.current_user_id without the MFA requirement (every other check kept), for reading the MFA policy and reporting a first enrollment.';

--
-- Name: data_request_events(uuid); Type: FUNCTION; Schema: app; Owner: estate_owner
--

CREATE FUNCTION app.data_request_events(p_request_id uuid) RETURNS jsonb
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
  -- At most the 100 newest events, oldest first (a request has a handful: its states and at most
  -- app.export_download_limit() downloads; the bound keeps every answer's size fixed).
  select coalesce(pg_catalog.jsonb_agg(pg_catalog.jsonb_build_object(
           'fromStatus', e.from_status, 'toStatus', e.to_status, 'actorKind', e.actor_kind,
           'note', e.note, 'occurredAt', e.occurred_at) order by e.occurred_at, e.id), '[]')
    from (select * from app.data_subject_request_events e
           where e.tenant_id = app.current_tenant_id() and e.request_id = p_request_id
           order by e.occurred_at desc, e.id desc limit 100) e
$$;

ALTER FUNCTION app.data_request_events(p_request_id uuid) OWNER TO estate_owner;

--
-- Name: FUNCTION data_request_events(p_request_id uuid); Type: COMMENT; Schema: app; Owner: estate_owner
--

COMMENT ON FUNCTION app.data_request_events(p_request_id uuid) IS 'The trail of a data subject request (its 100 newest events), oldest first, as the API shows it.';

--
-- Name: data_request_step(uuid, text, text, text, text); Type: FUNCTION; Schema: app; Owner: estate_owner
--

CREATE FUNCTION app.data_request_step(p_request_id uuid, p_to text, p_note text, p_refusal_code text DEFAULT NULL::text, p_refusal_reason text DEFAULT NULL::text) RETURNS void
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
declare
  v_tenant_id uuid := app.current_tenant_id();
  v_from text;
begin
  select r.status into v_from from app.data_subject_requests r
   where r.tenant_id = v_tenant_id and r.id = p_request_id for update;
  -- received -> in_progress -> completed | refused; received -> cancelled. Nothing leaves an end state.
  if not (v_from = 'received' and p_to in ('in_progress', 'cancelled')
          or v_from = 'in_progress' and p_to in ('completed', 'refused')) then
    raise exception 'data request % cannot go from % to %', p_request_id, v_from, p_to;
  end if;
  update app.data_subject_requests r
     set status = p_to,
         completed_at = case when p_to in ('completed', 'refused', 'cancelled') then pg_catalog.now() end,
         refusal_code = p_refusal_code, refusal_reason = p_refusal_reason
   where r.tenant_id = v_tenant_id and r.id = p_request_id;
  insert into app.data_subject_request_events (tenant_id, request_id, from_status, to_status, actor_kind, note)
  values (v_tenant_id, p_request_id, v_from, p_to, app.current_actor_kind(), p_note);
end
$$;

ALTER FUNCTION app.data_request_step(p_request_id uuid, p_to text, p_note text, p_refusal_code text, p_refusal_reason text) OWNER TO estate_owner;

--
-- Name: FUNCTION data_request_step(p_request_id uuid, p_to text, p_note text, p_refusal_code text, p_refusal_reason text); Type: COMMENT; Schema: app; Owner: estate_owner
--

COMMENT ON FUNCTION app.data_request_step(p_request_id uuid, p_to text, p_note text, p_refusal_code text, p_refusal_reason text) IS 'Moves a data subject request to its next state (received -> in_progress -> completed | refused) and records the event.';

--
-- Name: data_request_view(uuid); Type: FUNCTION; Schema: app; Owner: estate_owner
--

CREATE FUNCTION app.data_request_view(p_request_id uuid) RETURNS TABLE(request_id uuid, kind text, status text, received_at timestamp with time zone, due_at timestamp with time zone, completed_at timestamp with time zone, refusal_code text, refusal_reason text, outcome jsonb, archive_expires_at timestamp with time zone, events jsonb)
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
  select r.id, r.kind, r.status, r.received_at, r.due_at, r.completed_at, r.refusal_code, r.refusal_reason, r.outcome,
         case when r.kind = 'export' and r.status = 'completed'
              then r.completed_at + pg_catalog.make_interval(days => app.export_archive_days()) end,
         app.data_request_events(r.id)
    from app.data_subject_requests r
   where r.tenant_id = app.current_tenant_id() and r.id = p_request_id
$$;

ALTER FUNCTION app.data_request_view(p_request_id uuid) OWNER TO estate_owner;

--
-- Name: FUNCTION data_request_view(p_request_id uuid); Type: COMMENT; Schema: app; Owner: estate_owner
--

COMMENT ON FUNCTION app.data_request_view(p_request_id uuid) IS 'A data subject request as the API shows it, with its trail of events.';

--
-- Name: designation_recipients(uuid, uuid, uuid, date); Type: FUNCTION; Schema: app; Owner: estate_owner
--

CREATE FUNCTION app.designation_recipients(p_asset_id uuid, p_entity_id uuid, p_estate_of_persona_id uuid, p_on date) RETURNS TABLE(kind text, persona_id uuid, entity_id uuid, name text, fraction numeric)
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
  -- Who can take: the primary level if any of it survives, else the contingent level. A deceased
  -- beneficiary's share goes to the level's survivors in proportion (per stirpes through
  -- descendants is not resolved yet: docs/estate_plan.md).
  with takers as (
    select b.level, b.beneficiary_kind, b.persona_id, b.entity_id, b.beneficiary_name, b.percentage
      from app.beneficiaries_of(p_asset_id, p_entity_id, p_estate_of_persona_id) b
     where b.persona_id is null or app.is_alive_on(b.persona_id, p_on)
  ),
  level as (select t.level from takers t order by t.level desc limit 1)
  select t.beneficiary_kind, t.persona_id, t.entity_id, t.beneficiary_name,
         t.percentage / sum(t.percentage) over ()
    from takers t join level l on l.level = t.level
$$;

ALTER FUNCTION app.designation_recipients(p_asset_id uuid, p_entity_id uuid, p_estate_of_persona_id uuid, p_on date) OWNER TO estate_owner;

--
-- Name: FUNCTION designation_recipients(p_asset_id uuid, p_entity_id uuid, p_estate_of_persona_id uuid, p_on date); Type: COMMENT; Schema: app; Owner: estate_owner
--

COMMENT ON FUNCTION app.designation_recipients(p_asset_id uuid, p_entity_id uuid, p_estate_of_persona_id uuid, p_on date) IS 'Who takes under a designation on a date: the surviving primary beneficiaries (else contingent), each with the fraction of the whole.';

--
-- Name: drop_grants_lost_with_membership(uuid, uuid); Type: FUNCTION; Schema: app; Owner: estate_owner
--

CREATE FUNCTION app.drop_grants_lost_with_membership(p_ffc_id uuid, p_persona_id uuid) RETURNS integer
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
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

ALTER FUNCTION app.drop_grants_lost_with_membership(p_ffc_id uuid, p_persona_id uuid) OWNER TO estate_owner;

--
-- Name: FUNCTION drop_grants_lost_with_membership(p_ffc_id uuid, p_persona_id uuid); Type: COMMENT; Schema: app; Owner: estate_owner
--

COMMENT ON FUNCTION app.drop_grants_lost_with_membership(p_ffc_id uuid, p_persona_id uuid) IS 'After a persona leaves a circle: deletes the asset grants that only the shared circle allowed; returns how many.';

--
-- Name: effective_plan_id(uuid, uuid); Type: FUNCTION; Schema: app; Owner: estate_owner
--

CREATE FUNCTION app.effective_plan_id(p_tenant_id uuid, p_user_id uuid) RETURNS uuid
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
  -- A paid plan counts while Stripe collects for it (trialing, active, past due); otherwise free.
  select coalesce((select s.plan_id from app.subscriptions s
                    where s.tenant_id = p_tenant_id and s.user_id = p_user_id and s.ended_at is null
                      and s.status in ('trialing', 'active', 'past_due')),
                  app.free_plan_id())
$$;

ALTER FUNCTION app.effective_plan_id(p_tenant_id uuid, p_user_id uuid) OWNER TO estate_owner;

--
-- Name: FUNCTION effective_plan_id(p_tenant_id uuid, p_user_id uuid); Type: COMMENT; Schema: app; Owner: estate_owner
--

COMMENT ON FUNCTION app.effective_plan_id(p_tenant_id uuid, p_user_id uuid) IS 'The plan whose limits apply to a user now.';

--
-- Name: enter_tenant_as_support(uuid); Type: FUNCTION; Schema: app; Owner: estate_owner
--

CREATE FUNCTION app.enter_tenant_as_support(p_tenant_id uuid) RETURNS uuid
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
begin
  perform app.require_support_session();
  if p_tenant_id is null or not exists (select 1 from app.tenants t where t.tenant_id = p_tenant_id) then
    perform app.fail('PT404', 'tenant_not_found', 'tenant not found');
  end if;
  -- Transaction-local: the rest of this support call runs inside that tenant's boundary.
  perform pg_catalog.set_config('app.tenant_id', p_tenant_id::text, true);
  return p_tenant_id;
end
$$;

ALTER FUNCTION app.enter_tenant_as_support(p_tenant_id uuid) OWNER TO estate_owner;

--
-- Name: FUNCTION enter_tenant_as_support(p_tenant_id uuid); Type: COMMENT; Schema: app; Owner: estate_owner
--

COMMENT ON FUNCTION app.enter_tenant_as_support(p_tenant_id uuid) IS 'Checks the support session and sets the tenant context of the rest of the transaction to the given tenant.';

--
-- Name: entity_interests_of(uuid); Type: FUNCTION; Schema: app; Owner: estate_owner
--

CREATE FUNCTION app.entity_interests_of(p_entity_id uuid) RETURNS TABLE(holder_kind text, persona_id uuid, entity_id uuid, holder_name text, percentage numeric)
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
  select case when i.holder_persona_id is not null then 'persona' else 'entity' end, i.holder_persona_id, i.holder_entity_id,
         coalesce(p.first_name || ' ' || p.last_name, e.name), i.percentage
    from app.entity_interests i
    left join app.personas p on p.tenant_id = i.tenant_id and p.id = i.holder_persona_id
    left join app.legal_entities e on e.tenant_id = i.tenant_id and e.id = i.holder_entity_id
   where i.tenant_id = (select app.current_tenant_id()) and i.entity_id = p_entity_id
   order by i.percentage desc, 4, i.id
$$;

ALTER FUNCTION app.entity_interests_of(p_entity_id uuid) OWNER TO estate_owner;

--
-- Name: FUNCTION entity_interests_of(p_entity_id uuid); Type: COMMENT; Schema: app; Owner: estate_owner
--

COMMENT ON FUNCTION app.entity_interests_of(p_entity_id uuid) IS 'Who holds an entity and how much, largest interest first.';

--
-- Name: erase_user(uuid); Type: FUNCTION; Schema: app; Owner: estate_owner
--

CREATE FUNCTION app.erase_user(p_user_id uuid) RETURNS jsonb
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
declare
  v_tenant_id uuid := app.current_tenant_id();
  v_persona_id uuid;
  v_sub text;
  v_emails text[];
  v_assets uuid[];
  v_ffc_id uuid;
  v_grants integer := 0;
  v_outcome jsonb := '{}';
  v_count integer;
begin
  select up.persona_id into v_persona_id from app.user_personas up
   where up.tenant_id = v_tenant_id and up.user_id = p_user_id and up.link_kind = 'self';
  select u.cognito_sub into v_sub from app.users u where u.tenant_id = v_tenant_id and u.id = p_user_id;
  v_emails := array(select pg_catalog.lower(u.email) from app.users u where u.tenant_id = v_tenant_id and u.id = p_user_id
                    union select pg_catalog.lower(e.email) from app.persona_emails e
                           where e.tenant_id = v_tenant_id and e.persona_id = v_persona_id);

  -- Assets only they own go, with names, free-text descriptions, account numbers, type fields,
  -- valuations, grants and designations (ON DELETE CASCADE). Co-owned ones were refused before
  -- (app.erasure_obstacle, under the persona's lock); an asset with any other holder is never
  -- deleted here, and if one turned up anyway the whole erasure is undone rather than half done.
  v_assets := array(select distinct o.asset_id from app.asset_ownerships o
                     where o.tenant_id = v_tenant_id and o.persona_id = v_persona_id);
  delete from app.assets a
   where a.tenant_id = v_tenant_id and a.id = any (v_assets)
     and not exists (select 1 from app.asset_ownerships x
                      where x.tenant_id = v_tenant_id and x.asset_id = a.id
                        and (x.persona_id is null or x.persona_id <> v_persona_id));
  get diagnostics v_count = row_count;
  if v_count <> pg_catalog.cardinality(v_assets) then
    raise exception 'erasure of user %: % of % assets have another holder since the check', p_user_id,
      pg_catalog.cardinality(v_assets) - v_count, pg_catalog.cardinality(v_assets);
  end if;
  v_outcome := v_outcome || pg_catalog.jsonb_build_object('assets', v_count);

  delete from app.persona_emails e where e.tenant_id = v_tenant_id and e.persona_id = v_persona_id;
  get diagnostics v_count = row_count;
  v_outcome := v_outcome || pg_catalog.jsonb_build_object('emails', v_count);
  delete from app.persona_phones ph where ph.tenant_id = v_tenant_id and ph.persona_id = v_persona_id;
  get diagnostics v_count = row_count;
  v_outcome := v_outcome || pg_catalog.jsonb_build_object('phones', v_count);
  delete from app.persona_addresses a where a.tenant_id = v_tenant_id and a.persona_id = v_persona_id;
  get diagnostics v_count = row_count;
  v_outcome := v_outcome || pg_catalog.jsonb_build_object('addresses', v_count);
  delete from app.persona_relationships r where r.tenant_id = v_tenant_id and r.persona_id = v_persona_id;
  get diagnostics v_count = row_count;
  v_outcome := v_outcome || pg_catalog.jsonb_build_object('relationships', v_count);

  -- The persona stays (other people's plans and circles point at it) under no name of theirs.
  update app.personas p
     set first_name = 'Erased', middle_name = null, last_name = 'Person', preferred_name = null,
         date_of_birth = null, date_of_death = null
   where p.tenant_id = v_tenant_id and p.id = v_persona_id;
  get diagnostics v_count = row_count;
  v_outcome := v_outcome || pg_catalog.jsonb_build_object('personas', v_count);

  -- Their own estate plan goes; designations naming them in other people's plans stay, naming no one.
  delete from app.beneficiary_designations d where d.tenant_id = v_tenant_id and d.estate_of_persona_id = v_persona_id;
  -- Trusts and companies only they hold roles in, and circles with no one else in them, lose the
  -- names they gave them ("Jane Doe Living Trust"); shared ones are other people's too and stay.
  -- Whoever created them: a trust someone else set up for them is as much theirs once only they hold its roles.
  update app.legal_entities e set name = 'Erased entity'
   where e.tenant_id = v_tenant_id
     and (e.created_by_user_id = p_user_id
          or exists (select 1 from app.legal_entity_roles r
                      where r.tenant_id = v_tenant_id and r.entity_id = e.id and r.persona_id = v_persona_id))
     and not exists (select 1 from app.legal_entity_roles r
                      where r.tenant_id = v_tenant_id and r.entity_id = e.id and r.persona_id <> v_persona_id);
  get diagnostics v_count = row_count;
  v_outcome := v_outcome || pg_catalog.jsonb_build_object('entitiesRenamed', v_count);
  update app.fwd_family_circles c set name = 'Erased circle', description = null
   where c.tenant_id = v_tenant_id
     and (c.created_by_user_id = p_user_id
          or exists (select 1 from app.ffc_memberships m
                      where m.tenant_id = v_tenant_id and m.ffc_id = c.id and m.status = 'active'
                        and m.persona_id = v_persona_id))
     and not exists (select 1 from app.ffc_memberships m
                      where m.tenant_id = v_tenant_id and m.ffc_id = c.id and m.status = 'active'
                        and m.persona_id <> v_persona_id);
  get diagnostics v_count = row_count;
  v_outcome := v_outcome || pg_catalog.jsonb_build_object('circlesRenamed', v_count);

  -- Each membership ends the way sp_remove_ffc_member ends one: under the circle's lock (taken by
  -- app.erasure_obstacle, in id order), never taking the last owner from members, and with the
  -- asset grants only the shared circle allowed.
  v_count := 0;
  for v_ffc_id in select m.ffc_id from app.ffc_memberships m
                   where m.tenant_id = v_tenant_id and m.persona_id = v_persona_id and m.status = 'active'
                   order by m.ffc_id loop
    perform app.lock_ffc(v_ffc_id);
    if exists (select 1 from app.ffc_memberships m
                where m.tenant_id = v_tenant_id and m.ffc_id = v_ffc_id and m.persona_id = v_persona_id
                  and m.status = 'active' and m.role = 'owner')
       and app.count_ffc_owners(v_ffc_id) = 1
       and exists (select 1 from app.ffc_memberships x
                    where x.tenant_id = v_tenant_id and x.ffc_id = v_ffc_id and x.status = 'active'
                      and x.persona_id <> v_persona_id) then
      raise exception 'erasure of user %: circle % would keep members and lose its last owner', p_user_id, v_ffc_id;
    end if;
    update app.ffc_memberships m set status = 'removed', removed_at = pg_catalog.now()
     where m.tenant_id = v_tenant_id and m.ffc_id = v_ffc_id and m.persona_id = v_persona_id and m.status = 'active';
    v_count := v_count + 1;
    v_grants := v_grants + app.drop_grants_lost_with_membership(v_ffc_id, v_persona_id);
  end loop;
  v_outcome := v_outcome || pg_catalog.jsonb_build_object('circleMemberships', v_count, 'grantsDropped', v_grants);

  -- No one acts for the erased persona any more, and they act for no one.
  update app.persona_link_invitations i set status = 'revoked', responded_at = pg_catalog.now()
   where i.tenant_id = v_tenant_id and i.status = 'pending'
     and (i.persona_id = v_persona_id or i.invited_user_id = p_user_id or i.invited_by_user_id = p_user_id);
  delete from app.user_personas up
   where up.tenant_id = v_tenant_id and up.link_kind = 'delegate'
     and (up.user_id = p_user_id or up.persona_id = v_persona_id);
  get diagnostics v_count = row_count;
  v_outcome := v_outcome || pg_catalog.jsonb_build_object('delegateLinks', v_count);

  delete from app.ffc_invitations i where i.tenant_id = v_tenant_id and pg_catalog.lower(i.email) = any (v_emails);
  get diagnostics v_count = row_count;
  v_outcome := v_outcome || pg_catalog.jsonb_build_object('circleInvitations', v_count);

  delete from app.user_sessions s where s.tenant_id = v_tenant_id and s.user_id = p_user_id;
  get diagnostics v_count = row_count;
  v_outcome := v_outcome || pg_catalog.jsonb_build_object('sessions', v_count);

  delete from app.payment_methods m where m.tenant_id = v_tenant_id and m.user_id = p_user_id;
  get diagnostics v_count = row_count;
  v_outcome := v_outcome || pg_catalog.jsonb_build_object('paymentMethods', v_count);

  -- Their API keys (docs/api_keys.md): names chosen by them, and a credential acting for them.
  delete from app.api_keys k where k.tenant_id = v_tenant_id and k.user_id = p_user_id;
  get diagnostics v_count = row_count;
  v_outcome := v_outcome || pg_catalog.jsonb_build_object('apiKeys', v_count);

  -- Stored answers may hold their data; the claim of the request under way stays until it is answered.
  delete from app.idempotency_keys k
   where k.tenant_id = v_tenant_id and k.actor_sub = v_sub and k.response_status is not null;

  -- The user row stays (ledger, invoices and consents point at it) with nothing that identifies
  -- them: a random subject (their sign-in no longer finds it) and an address of nobody.
  update app.users u
     set email = 'erased-' || u.id::text || '@erased.invalid', email_verified_at = null,
         cognito_sub = 'erased-' || pg_catalog.replace(gen_random_uuid()::text, '-', ''),
         status = 'deactivated', deactivated_at = pg_catalog.now(), suspended_at = null, last_login_at = null
   where u.tenant_id = v_tenant_id and u.id = p_user_id;
  return v_outcome;
end
$$;

ALTER FUNCTION app.erase_user(p_user_id uuid) OWNER TO estate_owner;

--
-- Name: FUNCTION erase_user(p_user_id uuid); Type: COMMENT; Schema: app; Owner: estate_owner
--

COMMENT ON FUNCTION app.erase_user(p_user_id uuid) IS 'Erases a user: deletes their contact data, sessions, payment methods and solely owned assets, pseudonymises their persona and user row, ends their links and memberships; returns what it did as counts.';

--
-- Name: erasure_obstacle(uuid); Type: FUNCTION; Schema: app; Owner: estate_owner
--

CREATE FUNCTION app.erasure_obstacle(p_user_id uuid, OUT code text, OUT reason text) RETURNS record
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
declare
  v_tenant_id uuid := app.current_tenant_id();
  v_persona_id uuid;
  v_ffc_id uuid;
  v_count integer;
begin
  select up.persona_id into v_persona_id from app.user_personas up
   where up.tenant_id = v_tenant_id and up.user_id = p_user_id and up.link_kind = 'self';
  -- Their persona row locked FOR UPDATE first: every row that comes to reference it (a share of
  -- someone else's asset, a membership, a role, a link) takes a KEY SHARE lock on it through its
  -- foreign key, which conflicts with FOR UPDATE. A share added to another owner's asset either
  -- committed before this lock (the check below sees it) or waits until the erasure is done.
  perform 1 from app.personas p where p.tenant_id = v_tenant_id and p.id = v_persona_id for update;
  -- Their assets locked next: no other holder (an entity's share) is added to them meanwhile.
  perform 1 from app.assets a
   where a.tenant_id = v_tenant_id
     and a.id in (select o.asset_id from app.asset_ownerships o where o.tenant_id = v_tenant_id and o.persona_id = v_persona_id)
   order by a.id for update;
  -- Each of their circles locked (in id order, as every membership change of a circle queues on
  -- app.lock_ffc): no co-owner leaves between the check below and the end of their membership.
  for v_ffc_id in select distinct m.ffc_id from app.ffc_memberships m
                   where m.tenant_id = v_tenant_id and m.persona_id = v_persona_id and m.status = 'active'
                   order by m.ffc_id loop
    perform app.lock_ffc(v_ffc_id);
  end loop;
  select pg_catalog.count(distinct o.asset_id) into v_count
    from app.asset_ownerships o
   where o.tenant_id = v_tenant_id and o.persona_id = v_persona_id
     and exists (select 1 from app.asset_ownerships x
                  where x.tenant_id = v_tenant_id and x.asset_id = o.asset_id
                    and (x.persona_id is null or x.persona_id <> v_persona_id));
  if v_count > 0 then
    code := 'erasure_co_owned_assets';
    reason := pg_catalog.format('%s asset(s) are co-owned with other people or entities: transfer or settle those shares '
                                'first (erasing would take the co-owners'' records with them), then ask again', v_count);
    return;
  end if;
  -- Trusts and companies only they control (their own trust): its assets are theirs in all but
  -- name, and no one would be left to act for them. Locked (an asset's share given to one of them
  -- takes a KEY SHARE lock on it) before counting what they hold.
  perform 1 from app.legal_entities e
   where e.tenant_id = v_tenant_id
     and e.id in (select r.entity_id from app.legal_entity_roles r where r.tenant_id = v_tenant_id and r.persona_id = v_persona_id)
   order by e.id for update;
  select pg_catalog.count(distinct o.asset_id) into v_count
    from app.asset_ownerships o
   where o.tenant_id = v_tenant_id
     and o.entity_id in (select r.entity_id from app.legal_entity_roles r
                          where r.tenant_id = v_tenant_id and r.persona_id = v_persona_id
                            and not exists (select 1 from app.legal_entity_roles x
                                             where x.tenant_id = v_tenant_id and x.entity_id = r.entity_id
                                               and x.persona_id <> v_persona_id));
  if v_count > 0 then
    code := 'erasure_controlled_entity_assets';
    reason := pg_catalog.format('%s asset(s) are held by a trust or company only you control: transfer them, or name '
                                'another trustee or manager, first (no one would be left to act for them), then ask again',
                                v_count);
    return;
  end if;
  -- Personas they act for as a delegate that no one else acts for (a parent, a child): erasing
  -- them would leave those records with no one to act for them.
  select pg_catalog.count(*) into v_count
    from app.user_personas up
   where up.tenant_id = v_tenant_id and up.user_id = p_user_id and up.link_kind = 'delegate'
     and not exists (select 1 from app.user_personas x
                      where x.tenant_id = v_tenant_id and x.persona_id = up.persona_id and x.user_id <> p_user_id);
  if v_count > 0 then
    code := 'erasure_sole_delegate';
    reason := pg_catalog.format('you are the only one acting for %s other persona(s): link another user to them first '
                                '(no one would be left to act for them), then ask again', v_count);
    return;
  end if;
  select pg_catalog.count(*) into v_count
    from app.ffc_memberships m
   where m.tenant_id = v_tenant_id and m.persona_id = v_persona_id and m.status = 'active' and m.role = 'owner'
     and not exists (select 1 from app.ffc_memberships x
                      where x.tenant_id = v_tenant_id and x.ffc_id = m.ffc_id and x.status = 'active'
                        and x.role = 'owner' and x.persona_id <> v_persona_id)
     and exists (select 1 from app.ffc_memberships x
                  where x.tenant_id = v_tenant_id and x.ffc_id = m.ffc_id and x.status = 'active'
                    and x.persona_id <> v_persona_id);
  if v_count > 0 then
    code := 'erasure_sole_circle_owner';
    reason := pg_catalog.format('you are the only owner of %s family circle(s) with other members: make another member '
                                'an owner first, then ask again', v_count);
    return;
  end if;
  if exists (select 1 from app.subscriptions s
              where s.tenant_id = v_tenant_id and s.user_id = p_user_id and s.ended_at is null
                and s.stripe_subscription_id is not null and not s.cancel_at_period_end) then
    code := 'erasure_paid_subscription';
    reason := 'a paid subscription is running: cancel it first (it would go on charging a person who no longer exists here)';
  end if;
end
$$;

ALTER FUNCTION app.erasure_obstacle(p_user_id uuid, OUT code text, OUT reason text) OWNER TO estate_owner;

--
-- Name: FUNCTION erasure_obstacle(p_user_id uuid, OUT code text, OUT reason text); Type: COMMENT; Schema: app; Owner: estate_owner
--

COMMENT ON FUNCTION app.erasure_obstacle(p_user_id uuid, OUT code text, OUT reason text) IS 'Why a user''s erasure must be refused now (co-owned assets, assets of a trust only they control, personas only they act for, sole owner of a circle with members, a running paid subscription), or NULLs; locks their persona, assets, entities and circles.';

--
-- Name: exchange_rate(text, text, date); Type: FUNCTION; Schema: app; Owner: estate_owner
--

CREATE FUNCTION app.exchange_rate(p_from text, p_to text, p_on date) RETURNS numeric
    LANGUAGE plpgsql STABLE SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
declare
  v_rate numeric;
begin
  if p_from = p_to then
    return 1;
  end if;
  select r.rate into v_rate from app.exchange_rates r
   where r.base_currency = p_from and r.quote_currency = p_to and r.rate_date <= p_on
   order by r.rate_date desc limit 1;
  if v_rate is null then
    select 1 / r.rate into v_rate from app.exchange_rates r
     where r.base_currency = p_to and r.quote_currency = p_from and r.rate_date <= p_on
     order by r.rate_date desc limit 1;
  end if;
  -- A missing rate is an error, never a silent 1.
  if v_rate is null then
    perform app.fail('PT422', 'exchange_rate_missing', pg_catalog.format('no %s/%s exchange rate on or before %s', p_from, p_to, p_on));
  end if;
  return v_rate;
end
$$;

ALTER FUNCTION app.exchange_rate(p_from text, p_to text, p_on date) OWNER TO estate_owner;

--
-- Name: FUNCTION exchange_rate(p_from text, p_to text, p_on date); Type: COMMENT; Schema: app; Owner: estate_owner
--

COMMENT ON FUNCTION app.exchange_rate(p_from text, p_to text, p_on date) IS 'The latest rate from one currency to another on or before a date (or the inverse of the reverse pair); raises when none.';

--
-- Name: export_archive_days(); Type: FUNCTION; Schema: app; Owner: estate_owner
--

CREATE FUNCTION app.export_archive_days() RETURNS integer
    LANGUAGE sql IMMUTABLE
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$ select 7 $$;

ALTER FUNCTION app.export_archive_days() OWNER TO estate_owner;

--
-- Name: FUNCTION export_archive_days(); Type: COMMENT; Schema: app; Owner: estate_owner
--

COMMENT ON FUNCTION app.export_archive_days() IS 'Days a completed export''s archive may be downloaded.';

--
-- Name: export_download_limit(); Type: FUNCTION; Schema: app; Owner: estate_owner
--

CREATE FUNCTION app.export_download_limit() RETURNS integer
    LANGUAGE sql IMMUTABLE
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$ select 5 $$;

ALTER FUNCTION app.export_download_limit() OWNER TO estate_owner;

--
-- Name: FUNCTION export_download_limit(); Type: COMMENT; Schema: app; Owner: estate_owner
--

COMMENT ON FUNCTION app.export_download_limit() IS 'How many times one export''s archive may be downloaded.';

--
-- Name: export_files(uuid); Type: FUNCTION; Schema: app; Owner: estate_owner
--

CREATE FUNCTION app.export_files(p_user_id uuid) RETURNS jsonb
    LANGUAGE plpgsql STABLE SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
declare
  v_tenant_id uuid := app.current_tenant_id();
  v_sub text;
  v_since timestamptz;
  v_personas uuid[];
  v_assets uuid[];
  v_entities uuid[];
  v_entity_assets uuid[];
  v_subscriptions uuid[];
begin
  select u.cognito_sub, u.created_at into v_sub, v_since from app.users u where u.tenant_id = v_tenant_id and u.id = p_user_id;
  -- The user's own persona only: personas they act for as a delegate are other people.
  v_personas := array(select up.persona_id from app.user_personas up
                       where up.tenant_id = v_tenant_id and up.user_id = p_user_id and up.link_kind = 'self');
  v_assets := array(select distinct o.asset_id from app.asset_ownerships o
                     where o.tenant_id = v_tenant_id and o.persona_id = any (v_personas));
  -- Trusts and companies they control (hold a role in), and the assets those hold.
  v_entities := array(select distinct r.entity_id from app.legal_entity_roles r
                       where r.tenant_id = v_tenant_id and r.persona_id = any (v_personas));
  v_entity_assets := array(select distinct o.asset_id from app.asset_ownerships o
                            where o.tenant_id = v_tenant_id and o.entity_id = any (v_entities)
                              and not o.asset_id = any (v_assets));
  v_subscriptions := array(select s.id from app.subscriptions s where s.tenant_id = v_tenant_id and s.user_id = p_user_id);
  return pg_catalog.jsonb_build_object(
    'identity.json', (
      select pg_catalog.jsonb_build_object('userId', u.id, 'email', u.email, 'emailVerifiedAt', u.email_verified_at,
               'status', u.status, 'createdAt', u.created_at, 'lastLoginAt', u.last_login_at,
               'deactivatedAt', u.deactivated_at, 'suspendedAt', u.suspended_at)
        from app.users u where u.tenant_id = v_tenant_id and u.id = p_user_id),
    'personas.json', pg_catalog.jsonb_build_object(
      'own', coalesce((
        select pg_catalog.jsonb_agg(pg_catalog.jsonb_build_object(
                 'personaId', p.id, 'firstName', p.first_name, 'middleName', p.middle_name, 'lastName', p.last_name,
                 'preferredName', p.preferred_name, 'dateOfBirth', p.date_of_birth, 'livingStatus', p.living_status,
                 'dateOfDeath', p.date_of_death, 'createdAt', p.created_at,
                 'emails', coalesce((select pg_catalog.jsonb_agg(pg_catalog.jsonb_build_object(
                             'email', e.email, 'label', e.label, 'isPrimary', e.is_primary) order by e.created_at)
                           from app.persona_emails e where e.tenant_id = v_tenant_id and e.persona_id = p.id), '[]'),
                 'phones', coalesce((select pg_catalog.jsonb_agg(pg_catalog.jsonb_build_object(
                             'phoneNumber', ph.phone_number, 'label', ph.label, 'isPrimary', ph.is_primary) order by ph.created_at)
                           from app.persona_phones ph where ph.tenant_id = v_tenant_id and ph.persona_id = p.id), '[]'),
                 'addresses', coalesce((select pg_catalog.jsonb_agg(pg_catalog.jsonb_build_object(
                             'label', a.label, 'line1', a.line1, 'line2', a.line2, 'city', a.city, 'region', a.region,
                             'postalCode', a.postal_code, 'countryCode', a.country_code, 'isPrimary', a.is_primary)
                             order by a.created_at)
                           from app.persona_addresses a where a.tenant_id = v_tenant_id and a.persona_id = p.id), '[]'),
                 -- Whom they named as kin: the other persona's id and the relation, not that person's data.
                 'relationships', coalesce((select pg_catalog.jsonb_agg(pg_catalog.jsonb_build_object(
                             'relatedPersonaId', r.related_persona_id, 'relationshipType', r.relationship_type)
                             order by r.created_at)
                           from app.persona_relationships r where r.tenant_id = v_tenant_id and r.persona_id = p.id), '[]')))
          from app.personas p where p.tenant_id = v_tenant_id and p.id = any (v_personas)), '[]'),
      'actsFor', coalesce((
        select pg_catalog.jsonb_agg(pg_catalog.jsonb_build_object('personaId', up.persona_id, 'linkKind', up.link_kind,
                 'since', up.created_at) order by up.created_at)
          from app.user_personas up where up.tenant_id = v_tenant_id and up.user_id = p_user_id), '[]')),
    'circles.json', coalesce((
      select pg_catalog.jsonb_agg(pg_catalog.jsonb_build_object('ffcId', m.ffc_id, 'name', c.name,
               'personaId', m.persona_id, 'role', m.role, 'status', m.status, 'joinedAt', m.created_at,
               'removedAt', m.removed_at) order by m.created_at)
        from app.ffc_memberships m
        join app.fwd_family_circles c on c.tenant_id = m.tenant_id and c.id = m.ffc_id
       where m.tenant_id = v_tenant_id and m.persona_id = any (v_personas)), '[]'),
    -- The assets they hold a share of, with their own shares only: a co-owner's persona, share and
    -- who entered the asset are left out. The account number travels sealed; the API opens it.
    'assets.json', coalesce((
      select pg_catalog.jsonb_agg(pg_catalog.jsonb_build_object('assetId', a.id, 'assetType', a.asset_type,
               'categoryCode', a.category_code, 'name', a.name, 'description', a.description, 'currency', a.currency,
               'isLiability', a.is_liability, 'status', a.status, 'identifierLast4', a.identifier_last4,
               'identifierSealed', pg_catalog.encode(a.identifier_ciphertext, 'base64'),
               'details', app.asset_details(a.asset_type, a.id), 'createdAt', a.created_at,
               'myShares', (select pg_catalog.jsonb_agg(pg_catalog.jsonb_build_object('personaId', o.persona_id,
                              'percentage', o.ownership_percentage::text, 'ownershipForm', o.ownership_form)
                              order by o.created_at)
                              from app.asset_ownerships o
                             where o.tenant_id = v_tenant_id and o.asset_id = a.id and o.persona_id = any (v_personas)),
               -- The shares held by trusts and companies they control.
               'entityShares', coalesce((select pg_catalog.jsonb_agg(pg_catalog.jsonb_build_object(
                                  'entityId', o.entity_id, 'percentage', o.ownership_percentage::text,
                                  'ownershipForm', o.ownership_form) order by o.created_at)
                                  from app.asset_ownerships o
                                 where o.tenant_id = v_tenant_id and o.asset_id = a.id
                                   and o.entity_id = any (v_entities)), '[]'),
               'coOwned', exists (select 1 from app.asset_ownerships o
                                   where o.tenant_id = v_tenant_id and o.asset_id = a.id
                                     and (o.persona_id is null or not o.persona_id = any (v_personas))
                                     and (o.entity_id is null or not o.entity_id = any (v_entities))))
               order by a.created_at, a.id)
        from app.assets a where a.tenant_id = v_tenant_id and (a.id = any (v_assets) or a.id = any (v_entity_assets))), '[]'),
    'valuations.json', coalesce((
      select pg_catalog.jsonb_agg(pg_catalog.jsonb_build_object('assetId', v.asset_id, 'valuedOn', v.valued_on,
               'amount', v.amount::text, 'currency', v.currency, 'source', v.source) order by v.asset_id, v.valued_on, v.id)
        -- The newest 10,000 (a bound on the archive's size; the valuation history route pages the rest).
        from (select * from app.asset_valuations v
               where v.tenant_id = v_tenant_id and (v.asset_id = any (v_assets) or v.asset_id = any (v_entity_assets))
               order by v.valued_on desc, v.id desc limit 10000) v), '[]'),
    -- Their shares of the latest values, per currency (no exchange rate needed, none can be missing).
    'net_worth.json', coalesce((
      select pg_catalog.jsonb_agg(pg_catalog.jsonb_build_object('personaId', x.persona_id, 'currency', x.currency,
               'assets', x.assets::text, 'liabilities', x.liabilities::text, 'netWorth', (x.assets - x.liabilities)::text)
               order by x.persona_id, x.currency)
        from (select o.persona_id, l.currency,
                     pg_catalog.round(pg_catalog.sum(case when not l.is_liability then l.amount * o.ownership_percentage / 100 else 0 end), 2) as assets,
                     pg_catalog.round(pg_catalog.sum(case when l.is_liability then l.amount * o.ownership_percentage / 100 else 0 end), 2) as liabilities
                from app.asset_ownerships o
                join app.asset_latest_valuations l on l.tenant_id = o.tenant_id and l.asset_id = o.asset_id and l.is_active
               where o.tenant_id = v_tenant_id and o.persona_id = any (v_personas)
               group by o.persona_id, l.currency) x), '[]'),
    'billing.json', pg_catalog.jsonb_build_object(
      'subscriptions', coalesce((
        select pg_catalog.jsonb_agg(pg_catalog.jsonb_build_object('subscriptionId', s.id, 'planCode', pl.code,
                 'status', s.status, 'currentPeriodStart', s.current_period_start, 'currentPeriodEnd', s.current_period_end,
                 'cancelAtPeriodEnd', s.cancel_at_period_end, 'canceledAt', s.canceled_at, 'endedAt', s.ended_at,
                 'createdAt', s.created_at) order by s.created_at)
          from app.subscriptions s join app.subscription_plans pl on pl.id = s.plan_id
         where s.tenant_id = v_tenant_id and s.id = any (v_subscriptions)), '[]'),
      'paymentMethods', coalesce((
        select pg_catalog.jsonb_agg(pg_catalog.jsonb_build_object('kind', m.kind, 'brand', m.brand, 'last4', m.last4,
                 'expMonth', m.exp_month, 'expYear', m.exp_year, 'status', m.status, 'createdAt', m.created_at)
                 order by m.created_at)
          from app.payment_methods m where m.tenant_id = v_tenant_id and m.user_id = p_user_id), '[]'),
      'invoices', coalesce((
        select pg_catalog.jsonb_agg(pg_catalog.jsonb_build_object('invoiceId', i.id, 'number', i.number,
                 'status', i.status, 'currency', i.currency, 'amountDue', i.amount_due::text, 'amountPaid', i.amount_paid::text,
                 'periodStart', i.period_start, 'periodEnd', i.period_end, 'paidAt', i.paid_at, 'createdAt', i.created_at)
                 order by i.created_at)
          from app.invoices i where i.tenant_id = v_tenant_id and i.subscription_id = any (v_subscriptions)), '[]'),
      'payments', coalesce((
        select pg_catalog.jsonb_agg(pg_catalog.jsonb_build_object('status', t.status, 'amount', t.amount::text,
                 'currency', t.currency, 'amountRefunded', t.amount_refunded::text, 'succeededAt', t.succeeded_at,
                 'createdAt', t.created_at) order by t.created_at)
          from app.payment_transactions t where t.tenant_id = v_tenant_id and t.subscription_id = any (v_subscriptions)), '[]')),
    'estate.json', pg_catalog.jsonb_build_object(
      'entityRoles', coalesce((
        select pg_catalog.jsonb_agg(pg_catalog.jsonb_build_object('entityId', r.entity_id, 'entityKind', e.entity_kind,
                 'entityName', e.name, 'personaId', r.persona_id, 'role', r.role) order by r.created_at)
          from app.legal_entity_roles r join app.legal_entities e on e.tenant_id = r.tenant_id and e.id = r.entity_id
         where r.tenant_id = v_tenant_id and r.persona_id = any (v_personas)), '[]'),
      -- Their own estate plan: designations of their estate or on their assets (what, which level,
      -- how much). A designation naming them in someone else's plan is that person's plan: left out.
      'designations', coalesce((
        select pg_catalog.jsonb_agg(pg_catalog.jsonb_build_object('designationId', d.id, 'assetId', d.asset_id,
                 'entityId', d.entity_id, 'estateOfPersonaId', d.estate_of_persona_id, 'level', d.level,
                 'beneficiaryKind', d.beneficiary_kind,
                 'beneficiaryPersonaId', case when d.beneficiary_persona_id = any (v_personas) then d.beneficiary_persona_id end,
                 'percentage', d.percentage::text, 'effectiveOn', d.effective_on) order by d.created_at, d.id)
          from app.beneficiary_designations d
         where d.tenant_id = v_tenant_id
           and (d.estate_of_persona_id = any (v_personas) or d.asset_id = any (v_assets))), '[]')),
    'consents.json', coalesce((
      select pg_catalog.jsonb_agg(pg_catalog.jsonb_build_object('purpose', c.purpose, 'version', c.version,
               'decision', c.decision, 'recordedAt', c.recorded_at) order by c.recorded_at, c.id)
        from app.consent_records c where c.tenant_id = v_tenant_id and c.user_id = p_user_id), '[]'),
    'sessions.json', coalesce((
      select pg_catalog.jsonb_agg(pg_catalog.jsonb_build_object('sessionId', s.id, 'startedAt', s.started_at,
               'lastSeenAt', s.last_seen_at, 'revokedAt', s.revoked_at, 'userAgent', s.user_agent,
               'ipAddress', pg_catalog.host(s.ip_address)) order by s.started_at)
        -- The newest 1,000 sign-ins (a bound on the archive's size).
        from (select * from app.user_sessions s where s.tenant_id = v_tenant_id and s.user_id = p_user_id
               order by s.started_at desc limit 1000) s), '[]'),
    'api_keys.json', coalesce((
      select pg_catalog.jsonb_agg(pg_catalog.jsonb_build_object('apiKeyId', k.id, 'name', k.name, 'prefix', k.prefix,
               'scopes', k.scopes, 'createdAt', k.created_at, 'expiresAt', k.expires_at, 'revokedAt', k.revoked_at,
               'lastUsedAt', k.last_used_at) order by k.created_at, k.id)
        from app.api_keys k where k.tenant_id = v_tenant_id and k.user_id = p_user_id), '[]'),
    'data_requests.json', coalesce((
      select pg_catalog.jsonb_agg(pg_catalog.jsonb_build_object('requestId', r.id, 'kind', r.kind, 'status', r.status,
               'receivedAt', r.received_at, 'dueAt', r.due_at, 'completedAt', r.completed_at,
               'refusalCode', r.refusal_code) order by r.received_at, r.id)
        from app.data_subject_requests r where r.tenant_id = v_tenant_id and r.user_id = p_user_id), '[]'),
    'support_access.json', coalesce((
      select pg_catalog.jsonb_agg(pg_catalog.jsonb_build_object('scope', g.scope, 'reason', g.reason,
               'ticketRef', g.ticket_ref, 'grantedAt', g.granted_at, 'expiresAt', g.expires_at,
               'viewCount', g.view_count) order by g.granted_at)
        from app.support_unmask_grants g where g.tenant_id = v_tenant_id and g.user_id = p_user_id), '[]'),
    -- What they did (the last 1,000 changes under their sign-in): which row, how, which columns;
    -- not the values, which may be other people's.
    'audit.json', coalesce((
      select pg_catalog.jsonb_agg(pg_catalog.jsonb_build_object('occurredAt', l.occurred_at, 'table', l.table_name,
               'rowId', l.row_id, 'operation', l.operation, 'changedColumns', l.changed_columns,
               'requestId', l.request_id) order by l.occurred_at desc)
        from (select * from audit.audit_log l
               where l.tenant_id = v_tenant_id and l.actor_kind = 'user' and l.actor_id = v_sub
                 -- The subject may have been an erased user's before (same Cognito identity,
                 -- registered again): only what was done since this user row exists.
                 and l.occurred_at >= v_since
               order by l.occurred_at desc limit 1000) l), '[]'));
end
$$;

ALTER FUNCTION app.export_files(p_user_id uuid) OWNER TO estate_owner;

--
-- Name: FUNCTION export_files(p_user_id uuid); Type: COMMENT; Schema: app; Owner: estate_owner
--

COMMENT ON FUNCTION app.export_files(p_user_id uuid) IS 'Every file of a user''s export: their own identity, persona, circles, assets (their shares only), valuations, net worth, billing, estate, consents, sessions, requests, support access and audit trail.';

--
-- Name: fail(text, text, text); Type: FUNCTION; Schema: app; Owner: estate_owner
--

CREATE FUNCTION app.fail(p_sqlstate text, p_code text, p_message text) RETURNS void
    LANGUAGE plpgsql
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
begin
  raise exception using errcode = p_sqlstate, message = p_message, hint = p_code;
end
$$;

ALTER FUNCTION app.fail(p_sqlstate text, p_code text, p_message text) OWNER TO estate_owner;

--
-- Name: FUNCTION fail(p_sqlstate text, p_code text, p_message text); Type: COMMENT; Schema: app; Owner: estate_owner
--

COMMENT ON FUNCTION app.fail(p_sqlstate text, p_code text, p_message text) IS 'Raises an error with a SQLSTATE (decides the HTTP status) and a stable snake_case code (in HINT).';

--
-- Name: ffc_role_rank(text); Type: FUNCTION; Schema: app; Owner: estate_owner
--

CREATE FUNCTION app.ffc_role_rank(p_role text) RETURNS integer
    LANGUAGE sql IMMUTABLE
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
  select case p_role when 'owner' then 5 when 'admin' then 4 when 'member' then 3
                     when 'advisor' then 2 when 'viewer' then 1 else 0 end
$$;

ALTER FUNCTION app.ffc_role_rank(p_role text) OWNER TO estate_owner;

--
-- Name: FUNCTION ffc_role_rank(p_role text); Type: COMMENT; Schema: app; Owner: estate_owner
--

COMMENT ON FUNCTION app.ffc_role_rank(p_role text) IS 'Orders circle roles: owner > admin > member > advisor > viewer.';

--
-- Name: ffc_view(uuid, text); Type: FUNCTION; Schema: app; Owner: estate_owner
--

CREATE FUNCTION app.ffc_view(p_ffc_id uuid, p_my_role text) RETURNS SETOF app.ffc_row
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
  select c.id, c.name, c.description, p_my_role,
         (select count(*)::integer from app.ffc_memberships x
           where x.tenant_id = c.tenant_id and x.ffc_id = c.id and x.status = 'active'),
         c.created_at, c.updated_at
    from app.fwd_family_circles c
   where c.tenant_id = (select app.current_tenant_id()) and c.id = p_ffc_id
$$;

ALTER FUNCTION app.ffc_view(p_ffc_id uuid, p_my_role text) OWNER TO estate_owner;

--
-- Name: FUNCTION ffc_view(p_ffc_id uuid, p_my_role text); Type: COMMENT; Schema: app; Owner: estate_owner
--

COMMENT ON FUNCTION app.ffc_view(p_ffc_id uuid, p_my_role text) IS 'A circle as app.ffc_row, with the caller''s role as given.';

--
-- Name: free_plan_id(); Type: FUNCTION; Schema: app; Owner: estate_owner
--

CREATE FUNCTION app.free_plan_id() RETURNS uuid
    LANGUAGE sql STABLE
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$ select p.id from app.subscription_plans p where p.code = 'free' $$;

ALTER FUNCTION app.free_plan_id() OWNER TO estate_owner;

--
-- Name: FUNCTION free_plan_id(); Type: COMMENT; Schema: app; Owner: estate_owner
--

COMMENT ON FUNCTION app.free_plan_id() IS 'The free plan, the one every user falls back to.';

--
-- Name: idempotency_caller(); Type: FUNCTION; Schema: app; Owner: estate_owner
--

CREATE FUNCTION app.idempotency_caller() RETURNS text
    LANGUAGE plpgsql STABLE SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
declare
  v_tenant_id uuid := app.require_active_tenant();
  v_sub text := app.current_actor_id();
begin
  -- An API key's (0022) keys are its own; the procedure after the claim checks the key's scope.
  if app.current_actor_kind() = 'api_key' then
    return 'api_key:' || (app.current_api_key()).id;
  end if;
  if app.current_actor_kind() <> 'user' or v_sub is null then
    perform app.fail('42501', 'user_context_missing', 'no signed-in user is named for this transaction');
  end if;
  -- Not registered yet is fine (registration takes a key too); a registered user meets every check
  -- any procedure makes (deactivated, suspended, a revoked sign-in): no stored answer is replayed
  -- to them either.
  if exists (select 1 from app.users u where u.tenant_id = v_tenant_id and u.cognito_sub = v_sub) then
    perform app.current_user_id();
  end if;
  return v_sub;
end
$$;

ALTER FUNCTION app.idempotency_caller() OWNER TO estate_owner;

--
-- Name: FUNCTION idempotency_caller(); Type: COMMENT; Schema: app; Owner: estate_owner
--

COMMENT ON FUNCTION app.idempotency_caller() IS 'The Cognito subject (or api_key:<id> for an API key) an Idempotency-Key belongs to, after the caller checks (active tenant, a user context; a registered user''s own checks: not deactivated or suspended, the sign-in not revoked; registration comes before a user row).';

--
-- Name: insert_asset_details(text, uuid, jsonb); Type: FUNCTION; Schema: app; Owner: estate_owner
--

CREATE FUNCTION app.insert_asset_details(p_asset_type text, p_asset_id uuid, p_details jsonb) RETURNS void
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $_$
declare
  v_table text := app.asset_type_table(p_asset_type);
  v_row jsonb := app.check_asset_details(p_asset_type, p_details);
  v_constraint text;
  v_column text;
  v_fields text;
begin
  v_row := v_row || pg_catalog.jsonb_build_object('tenant_id', app.current_tenant_id(), 'id', p_asset_id);
  begin
    -- Only the given columns: the others keep their defaults.
    execute pg_catalog.format('insert into app.%1$I (%2$s) select %2$s from pg_catalog.jsonb_populate_record(null::app.%1$I, $1)',
                              v_table, (select pg_catalog.string_agg(pg_catalog.quote_ident(k), ', ') from pg_catalog.jsonb_object_keys(v_row) k))
      using v_row;
  exception
    when not_null_violation then
      get stacked diagnostics v_column = column_name;
      perform app.fail('PT400', 'invalid_details', pg_catalog.format('%s details: %s is required', p_asset_type,
        'details.' || app.camel_case(v_column)));
    when check_violation then
      -- The fields the CHECK reads, as the API names them: never the constraint's or the table's name.
      get stacked diagnostics v_constraint = constraint_name;
      select pg_catalog.string_agg('details.' || app.camel_case(a.attname::text), ', ' order by a.attnum) into v_fields
        from pg_catalog.pg_constraint c
        join pg_catalog.pg_attribute a on a.attrelid = c.conrelid and a.attnum = any (c.conkey)
       where c.conrelid = pg_catalog.format('app.%I', v_table)::regclass and c.conname = v_constraint;
      perform app.fail('PT400', 'invalid_details', pg_catalog.format('%s details: %s %s not an allowed value', p_asset_type,
        coalesce(v_fields, 'a field'), case when v_fields like '%,%' then 'are' else 'is' end));
    when data_exception then
      perform app.fail('PT400', 'invalid_details', pg_catalog.format('%s details are not valid', p_asset_type));
  end;
end
$_$;

ALTER FUNCTION app.insert_asset_details(p_asset_type text, p_asset_id uuid, p_details jsonb) OWNER TO estate_owner;

--
-- Name: FUNCTION insert_asset_details(p_asset_type text, p_asset_id uuid, p_details jsonb); Type: COMMENT; Schema: app; Owner: estate_owner
--

COMMENT ON FUNCTION app.insert_asset_details(p_asset_type text, p_asset_id uuid, p_details jsonb) IS 'Validates the type-specific details (app.check_asset_details, then the type''s CHECKs, named by field) and inserts the type row.';

--
-- Name: is_alive_on(uuid, date); Type: FUNCTION; Schema: app; Owner: estate_owner
--

CREATE FUNCTION app.is_alive_on(p_persona_id uuid, p_on date) RETURNS boolean
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
  select not exists (select 1 from app.personas p
                      where p.tenant_id = (select app.current_tenant_id()) and p.id = p_persona_id and p.living_status = 'deceased'
                        and (p.date_of_death is null or p.date_of_death <= p_on))
$$;

ALTER FUNCTION app.is_alive_on(p_persona_id uuid, p_on date) OWNER TO estate_owner;

--
-- Name: FUNCTION is_alive_on(p_persona_id uuid, p_on date); Type: COMMENT; Schema: app; Owner: estate_owner
--

COMMENT ON FUNCTION app.is_alive_on(p_persona_id uuid, p_on date) IS 'False for a persona recorded as deceased on or before the date (or with no date of death).';

--
-- Name: is_newer_stripe_state(timestamp with time zone, text, timestamp with time zone, text); Type: FUNCTION; Schema: app; Owner: estate_owner
--

CREATE FUNCTION app.is_newer_stripe_state(p_created timestamp with time zone, p_status text, p_synced_at timestamp with time zone, p_synced_status text) RETURNS boolean
    LANGUAGE sql IMMUTABLE
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
  select p_synced_at is null or p_created > p_synced_at
      or (p_created = p_synced_at and app.stripe_status_rank(p_status) >= app.stripe_status_rank(p_synced_status))
$$;

ALTER FUNCTION app.is_newer_stripe_state(p_created timestamp with time zone, p_status text, p_synced_at timestamp with time zone, p_synced_status text) OWNER TO estate_owner;

--
-- Name: FUNCTION is_newer_stripe_state(p_created timestamp with time zone, p_status text, p_synced_at timestamp with time zone, p_synced_status text); Type: COMMENT; Schema: app; Owner: estate_owner
--

COMMENT ON FUNCTION app.is_newer_stripe_state(p_created timestamp with time zone, p_status text, p_synced_at timestamp with time zone, p_synced_status text) IS 'Whether an event (created time, status) may replace the state last applied (never an older one).';

--
-- Name: is_staff_door_actor(); Type: FUNCTION; Schema: app; Owner: estate_owner
--

CREATE FUNCTION app.is_staff_door_actor() RETURNS boolean
    LANGUAGE sql STABLE
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$ select session_user = 'estate_support' and coalesce(app.current_actor_id(), '') like 'cognito:%' $$;

ALTER FUNCTION app.is_staff_door_actor() OWNER TO estate_owner;

--
-- Name: FUNCTION is_staff_door_actor(); Type: COMMENT; Schema: app; Owner: estate_owner
--

COMMENT ON FUNCTION app.is_staff_door_actor() IS 'True when the support actor is a staff member signed in through a staff pool (the door''s login, actor id cognito:<sub>), not an operator of the CLI.';

--
-- Name: is_support_session(); Type: FUNCTION; Schema: app; Owner: estate_owner
--

CREATE FUNCTION app.is_support_session() RETURNS boolean
    LANGUAGE sql STABLE
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
  -- session_user cannot be changed by SET ROLE: only a login as estate_support (the door) or
  -- estate_operator (the operator CLI) counts.
  select session_user in ('estate_support', 'estate_operator')
     and pg_catalog.current_setting('app.actor_kind', true) = 'support'
     and coalesce(pg_catalog.current_setting('app.actor_id', true), '') <> ''
$$;

ALTER FUNCTION app.is_support_session() OWNER TO estate_owner;

--
-- Name: FUNCTION is_support_session(); Type: COMMENT; Schema: app; Owner: estate_owner
--

COMMENT ON FUNCTION app.is_support_session() IS 'True when support, logged in as estate_support (the door) or estate_operator (operators) and named in the context, are acting.';

--
-- Name: legal_entity_view(uuid); Type: FUNCTION; Schema: app; Owner: estate_owner
--

CREATE FUNCTION app.legal_entity_view(p_entity_id uuid) RETURNS SETOF app.legal_entity_row
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
  select e.id, e.entity_kind, e.name, e.jurisdiction, e.effective_date,
         coalesce((select pg_catalog.jsonb_agg(pg_catalog.jsonb_build_object(
                     'personaId', r.persona_id, 'personaName', p.first_name || ' ' || p.last_name, 'role', r.role)
                     order by r.role, p.last_name, p.first_name, r.persona_id)
                     from app.legal_entity_roles r join app.personas p on p.tenant_id = r.tenant_id and p.id = r.persona_id
                    where r.tenant_id = e.tenant_id and r.entity_id = e.id), '[]'),
         e.created_at, e.updated_at
    from app.legal_entities e
   where e.tenant_id = (select app.current_tenant_id()) and e.id = p_entity_id
$$;

ALTER FUNCTION app.legal_entity_view(p_entity_id uuid) OWNER TO estate_owner;

--
-- Name: FUNCTION legal_entity_view(p_entity_id uuid); Type: COMMENT; Schema: app; Owner: estate_owner
--

COMMENT ON FUNCTION app.legal_entity_view(p_entity_id uuid) IS 'A legal entity as the API shows it, with its grantors, trustees or managers.';

--
-- Name: subscriptions; Type: TABLE; Schema: app; Owner: estate_owner
--

CREATE TABLE app.subscriptions (
    tenant_id uuid NOT NULL,
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    user_id uuid NOT NULL,
    plan_id uuid NOT NULL,
    pending_plan_id uuid,
    plan_requested_at timestamp with time zone,
    status text NOT NULL,
    stripe_customer_id text,
    stripe_subscription_id text,
    current_period_start timestamp with time zone,
    current_period_end timestamp with time zone,
    cancel_at_period_end boolean DEFAULT false NOT NULL,
    canceled_at timestamp with time zone,
    ended_at timestamp with time zone,
    stripe_synced_at timestamp with time zone,
    status_synced_at timestamp with time zone,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT subscriptions_check CHECK (((ended_at IS NULL) = (status <> ALL (ARRAY['canceled'::text, 'incomplete_expired'::text])))),
    CONSTRAINT subscriptions_status_check CHECK ((status = ANY (ARRAY['incomplete'::text, 'incomplete_expired'::text, 'trialing'::text, 'active'::text, 'past_due'::text, 'unpaid'::text, 'canceled'::text, 'paused'::text]))),
    CONSTRAINT subscriptions_stripe_customer_id_check CHECK ((stripe_customer_id ~ '^cus_[A-Za-z0-9]+$'::text)),
    CONSTRAINT subscriptions_stripe_subscription_id_check CHECK ((stripe_subscription_id ~ '^sub_[A-Za-z0-9]+$'::text))
);

ALTER TABLE ONLY app.subscriptions FORCE ROW LEVEL SECURITY;

ALTER TABLE app.subscriptions OWNER TO estate_owner;

--
-- Name: TABLE subscriptions; Type: COMMENT; Schema: app; Owner: estate_owner
--

COMMENT ON TABLE app.subscriptions IS 'Each user''s subscriptions; exactly one is live (not ended) at a time.';

--
-- Name: linked_subscription(text); Type: FUNCTION; Schema: app; Owner: estate_owner
--

CREATE FUNCTION app.linked_subscription(p_stripe_subscription_id text) RETURNS app.subscriptions
    LANGUAGE sql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
  select * from app.subscriptions s
   where s.tenant_id = app.current_tenant_id() and s.stripe_subscription_id = p_stripe_subscription_id
   for update
$$;

ALTER FUNCTION app.linked_subscription(p_stripe_subscription_id text) OWNER TO estate_owner;

--
-- Name: FUNCTION linked_subscription(p_stripe_subscription_id text); Type: COMMENT; Schema: app; Owner: estate_owner
--

COMMENT ON FUNCTION app.linked_subscription(p_stripe_subscription_id text) IS 'Our subscription linked to a Stripe subscription id, locked; all NULL when none.';

--
-- Name: live_subscription(uuid); Type: FUNCTION; Schema: app; Owner: estate_owner
--

CREATE FUNCTION app.live_subscription(p_user_id uuid) RETURNS app.subscriptions
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
declare
  v_subscription app.subscriptions;
begin
  -- Locked: plan changes, cancellations and Stripe events of one subscription happen one at a time.
  select * into v_subscription from app.subscriptions s
   where s.tenant_id = app.current_tenant_id() and s.user_id = p_user_id and s.ended_at is null
   for update;
  if v_subscription.id is null then
    perform app.fail('PT404', 'subscription_not_found', 'no live subscription: assign the free plan first');
  end if;
  return v_subscription;
end
$$;

ALTER FUNCTION app.live_subscription(p_user_id uuid) OWNER TO estate_owner;

--
-- Name: FUNCTION live_subscription(p_user_id uuid); Type: COMMENT; Schema: app; Owner: estate_owner
--

COMMENT ON FUNCTION app.live_subscription(p_user_id uuid) IS 'The user''s live subscription, locked for the rest of the transaction.';

--
-- Name: lock_current_user(); Type: FUNCTION; Schema: app; Owner: estate_owner
--

CREATE FUNCTION app.lock_current_user() RETURNS uuid
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
declare
  v_user_id uuid := app.current_user_id();
begin
  -- One consent or request of a user at a time: a withdrawal never races its own giving.
  perform 1 from app.users u where u.tenant_id = app.current_tenant_id() and u.id = v_user_id for update;
  return v_user_id;
end
$$;

ALTER FUNCTION app.lock_current_user() OWNER TO estate_owner;

--
-- Name: FUNCTION lock_current_user(); Type: COMMENT; Schema: app; Owner: estate_owner
--

COMMENT ON FUNCTION app.lock_current_user() IS 'The signed-in user (app.current_user_id), their row locked for the rest of the transaction.';

--
-- Name: lock_ffc(uuid); Type: FUNCTION; Schema: app; Owner: estate_owner
--

CREATE FUNCTION app.lock_ffc(p_ffc_id uuid) RETURNS void
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
begin
  -- Membership changes of one circle queue here, so "never lose the last owner" holds under races.
  perform 1 from app.fwd_family_circles c where c.tenant_id = app.current_tenant_id() and c.id = p_ffc_id for update;
end
$$;

ALTER FUNCTION app.lock_ffc(p_ffc_id uuid) OWNER TO estate_owner;

--
-- Name: FUNCTION lock_ffc(p_ffc_id uuid); Type: COMMENT; Schema: app; Owner: estate_owner
--

COMMENT ON FUNCTION app.lock_ffc(p_ffc_id uuid) IS 'Serialises membership changes of one circle.';

--
-- Name: look_through_net_worth(uuid, uuid, date, text); Type: FUNCTION; Schema: app; Owner: estate_owner
--

CREATE FUNCTION app.look_through_net_worth(p_persona_id uuid, p_entity_id uuid, p_as_of date, p_currency text) RETURNS TABLE(total_assets numeric, total_liabilities numeric, net_worth numeric, asset_count integer)
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
  -- As net worth values (app.net_worth_of): the latest valuation on or before the date, active
  -- assets only, each currency's rate looked up once (a missing rate raises), rounded once at the end.
  with valued as (
    select a.is_liability, s.percentage, v.amount, v.currency
      from app.look_through_shares(p_persona_id, p_entity_id) s
      join app.assets a on a.tenant_id = (select app.current_tenant_id()) and a.id = s.asset_id and a.status = 'active'
      cross join lateral (select x.amount, x.currency from app.asset_valuations x
                           where x.tenant_id = a.tenant_id and x.asset_id = a.id and x.valued_on <= p_as_of
                           order by x.valued_on desc, x.created_at desc, x.id desc limit 1) v
  ),
  rates as materialized (
    select c.currency, app.exchange_rate(c.currency, p_currency, p_as_of) as rate from (select distinct currency from valued) c
  ),
  totals as (
    select coalesce(sum(v.amount * r.rate * v.percentage / 100) filter (where not v.is_liability), 0) as assets,
           coalesce(sum(v.amount * r.rate * v.percentage / 100) filter (where v.is_liability), 0) as liabilities,
           count(*)::integer as n
      from valued v join rates r on r.currency = v.currency
  )
  select pg_catalog.round(t.assets, 2), pg_catalog.round(t.liabilities, 2), pg_catalog.round(t.assets - t.liabilities, 2), t.n
    from totals t
$$;

ALTER FUNCTION app.look_through_net_worth(p_persona_id uuid, p_entity_id uuid, p_as_of date, p_currency text) OWNER TO estate_owner;

--
-- Name: FUNCTION look_through_net_worth(p_persona_id uuid, p_entity_id uuid, p_as_of date, p_currency text); Type: COMMENT; Schema: app; Owner: estate_owner
--

COMMENT ON FUNCTION app.look_through_net_worth(p_persona_id uuid, p_entity_id uuid, p_as_of date, p_currency text) IS 'Assets minus debts over app.look_through_shares, valued and converted as net worth is, rounded once at the end.';

--
-- Name: look_through_shares(uuid, uuid); Type: FUNCTION; Schema: app; Owner: estate_owner
--

CREATE FUNCTION app.look_through_shares(p_persona_id uuid, p_entity_id uuid) RETURNS TABLE(asset_id uuid, percentage numeric)
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
  -- Each entity reached, with the fraction of it held: the start entity whole, or the persona's
  -- own interests; then, down every chain, the product of the interests along it (two chains to
  -- one entity add up). Cycles are refused on write; the depth bound is a second guard.
  with recursive held (entity_id, fraction, depth) as (
    select p_entity_id, 1::numeric, 0 where p_entity_id is not null
    union all
    select i.entity_id, i.percentage / 100, 1 from app.entity_interests i
     where i.tenant_id = (select app.current_tenant_id()) and i.holder_persona_id = p_persona_id
    union all
    select i.entity_id, h.fraction * i.percentage / 100, h.depth + 1
      from held h join app.entity_interests i on i.tenant_id = (select app.current_tenant_id()) and i.holder_entity_id = h.entity_id
     where h.depth < 16
  )
  -- Each asset once: the persona's direct share plus every reached entity's share times its fraction.
  select x.asset_id, sum(x.percentage) from (
    select o.asset_id, o.ownership_percentage as percentage from app.asset_ownerships o
     where o.tenant_id = (select app.current_tenant_id()) and o.persona_id = p_persona_id
    union all
    select o.asset_id, h.fraction * o.ownership_percentage from held h
      join app.asset_ownerships o on o.tenant_id = (select app.current_tenant_id()) and o.entity_id = h.entity_id
  ) x group by x.asset_id
$$;

ALTER FUNCTION app.look_through_shares(p_persona_id uuid, p_entity_id uuid) OWNER TO estate_owner;

--
-- Name: FUNCTION look_through_shares(p_persona_id uuid, p_entity_id uuid); Type: COMMENT; Schema: app; Owner: estate_owner
--

COMMENT ON FUNCTION app.look_through_shares(p_persona_id uuid, p_entity_id uuid) IS 'The share of each asset a persona (directly and through the entities it holds) or an entity (itself and through the entities it holds) holds, each asset once.';

--
-- Name: payment_transactions; Type: TABLE; Schema: app; Owner: estate_owner
--

CREATE TABLE app.payment_transactions (
    tenant_id uuid NOT NULL,
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    subscription_id uuid NOT NULL,
    stripe_invoice_id text,
    stripe_payment_intent_id text NOT NULL,
    stripe_charge_id text,
    status text NOT NULL,
    amount numeric NOT NULL,
    currency text NOT NULL,
    amount_refunded numeric DEFAULT 0 NOT NULL,
    failure_code text,
    failure_message text,
    succeeded_at timestamp with time zone,
    stripe_synced_at timestamp with time zone NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT payment_transactions_amount_check CHECK (((scale(amount) <= 3) AND (amount > (0)::numeric))),
    CONSTRAINT payment_transactions_amount_refunded_check CHECK (((scale(amount_refunded) <= 3) AND (amount_refunded >= (0)::numeric))),
    CONSTRAINT payment_transactions_check CHECK ((amount_refunded <= amount)),
    CONSTRAINT payment_transactions_check1 CHECK (((status = 'succeeded'::text) = (succeeded_at IS NOT NULL))),
    CONSTRAINT payment_transactions_currency_check CHECK ((currency ~ '^[A-Z]{3}$'::text)),
    CONSTRAINT payment_transactions_status_check CHECK ((status = ANY (ARRAY['succeeded'::text, 'failed'::text]))),
    CONSTRAINT payment_transactions_stripe_charge_id_check CHECK ((stripe_charge_id ~ '^(ch|py)_[A-Za-z0-9]+$'::text)),
    CONSTRAINT payment_transactions_stripe_invoice_id_check CHECK ((stripe_invoice_id ~ '^in_[A-Za-z0-9]+$'::text)),
    CONSTRAINT payment_transactions_stripe_payment_intent_id_check CHECK ((stripe_payment_intent_id ~ '^pi_[A-Za-z0-9]+$'::text))
);

ALTER TABLE ONLY app.payment_transactions FORCE ROW LEVEL SECURITY;

ALTER TABLE app.payment_transactions OWNER TO estate_owner;

--
-- Name: TABLE payment_transactions; Type: COMMENT; Schema: app; Owner: estate_owner
--

COMMENT ON TABLE app.payment_transactions IS 'One row per Stripe payment (PaymentIntent): its outcome, amount and how much of it was refunded.';

--
-- Name: mark_payment_succeeded(app.payment_transactions, timestamp with time zone, text, numeric); Type: FUNCTION; Schema: app; Owner: estate_owner
--

CREATE FUNCTION app.mark_payment_succeeded(p_transaction app.payment_transactions, p_succeeded_at timestamp with time zone, p_charge_id text, p_amount numeric) RETURNS void
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
begin
  update app.payment_transactions t set status = 'succeeded', succeeded_at = p_succeeded_at, failure_code = null, failure_message = null,
                                        amount = p_amount, stripe_charge_id = coalesce(p_charge_id, t.stripe_charge_id),
                                        stripe_synced_at = greatest(t.stripe_synced_at, p_succeeded_at)
   where t.tenant_id = p_transaction.tenant_id and t.id = p_transaction.id;
  -- Money in: one ledger entry per payment, whichever event told us first.
  insert into app.general_ledger (tenant_id, entry_type, amount, currency, subscription_id, payment_transaction_id, description)
  values (p_transaction.tenant_id, 'payment', p_amount, p_transaction.currency, p_transaction.subscription_id,
          p_transaction.id, 'payment ' || p_transaction.stripe_payment_intent_id)
  on conflict (tenant_id, payment_transaction_id) where entry_type = 'payment' do nothing;
  perform app.apply_invoice_payment_outcome(p_transaction.id, p_succeeded_at);
end
$$;

ALTER FUNCTION app.mark_payment_succeeded(p_transaction app.payment_transactions, p_succeeded_at timestamp with time zone, p_charge_id text, p_amount numeric) OWNER TO estate_owner;

--
-- Name: FUNCTION mark_payment_succeeded(p_transaction app.payment_transactions, p_succeeded_at timestamp with time zone, p_charge_id text, p_amount numeric); Type: COMMENT; Schema: app; Owner: estate_owner
--

COMMENT ON FUNCTION app.mark_payment_succeeded(p_transaction app.payment_transactions, p_succeeded_at timestamp with time zone, p_charge_id text, p_amount numeric) IS 'Records a payment as succeeded (at the time the money moved): the ledger entry (once), and its invoice''s outcome.';

--
-- Name: mask_audit_changes(text, jsonb); Type: FUNCTION; Schema: app; Owner: estate_owner
--

CREATE FUNCTION app.mask_audit_changes(p_table_name text, p_changes jsonb) RETURNS jsonb
    LANGUAGE sql IMMUTABLE
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
  -- Names a family gives its circles, trusts and assets often carry the family's name or an
  -- address ("Jane Doe Living Trust", "12 Elm St house"): support reads them masked, as elsewhere.
  select case
    when p_changes is null or pg_catalog.jsonb_typeof(p_changes) <> 'object' then p_changes
    else p_changes || coalesce((
      select pg_catalog.jsonb_object_agg(k.key, '[masked]')
        from pg_catalog.jsonb_object_keys(p_changes) as k(key)
       where (p_table_name, k.key) in (('app.fwd_family_circles', 'name'), ('app.fwd_family_circles', 'description'),
                                       ('app.legal_entities', 'name'),
                                       ('app.assets', 'name'), ('app.assets', 'description'),
                                       -- the tsvector generated from an asset's name and description
                                       ('app.assets', 'search'))), '{}'::jsonb)
  end
$$;

ALTER FUNCTION app.mask_audit_changes(p_table_name text, p_changes jsonb) OWNER TO estate_owner;

--
-- Name: FUNCTION mask_audit_changes(p_table_name text, p_changes jsonb); Type: COMMENT; Schema: app; Owner: estate_owner
--

COMMENT ON FUNCTION app.mask_audit_changes(p_table_name text, p_changes jsonb) IS 'An audit row''s changes as support reads them: names and descriptions of circles, entities and assets (and an asset''s search words) masked.';

--
-- Name: mask_email(text); Type: FUNCTION; Schema: app; Owner: estate_owner
--

CREATE FUNCTION app.mask_email(p_email text) RETURNS text
    LANGUAGE sql IMMUTABLE
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
  -- a***@example.com: enough to recognise, not enough to contact
  select case when p_email like '%@%'
              then pg_catalog.left(p_email, 1) || '***@' || pg_catalog.split_part(p_email, '@', 2) end
$$;

ALTER FUNCTION app.mask_email(p_email text) OWNER TO estate_owner;

--
-- Name: FUNCTION mask_email(p_email text); Type: COMMENT; Schema: app; Owner: estate_owner
--

COMMENT ON FUNCTION app.mask_email(p_email text) IS 'An email as support staff see it: first letter and domain.';

--
-- Name: mask_ip(inet); Type: FUNCTION; Schema: app; Owner: estate_owner
--

CREATE FUNCTION app.mask_ip(p_ip inet) RETURNS text
    LANGUAGE sql IMMUTABLE
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
  select case when p_ip is null then null
              when pg_catalog.family(p_ip) = 4 then pg_catalog.host(pg_catalog.network(pg_catalog.set_masklen(p_ip, 16))) || '/16'
              else pg_catalog.host(pg_catalog.network(pg_catalog.set_masklen(p_ip, 32))) || '/32' end
$$;

ALTER FUNCTION app.mask_ip(p_ip inet) OWNER TO estate_owner;

--
-- Name: FUNCTION mask_ip(p_ip inet); Type: COMMENT; Schema: app; Owner: estate_owner
--

COMMENT ON FUNCTION app.mask_ip(p_ip inet) IS 'An IP address as support staff see it: its /16 (IPv4) or /32 (IPv6) network.';

--
-- Name: mask_name(text, text); Type: FUNCTION; Schema: app; Owner: estate_owner
--

CREATE FUNCTION app.mask_name(p_first text, p_last text) RETURNS text
    LANGUAGE sql IMMUTABLE
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$ select pg_catalog.left(p_first, 1) || '*** ' || pg_catalog.left(p_last, 1) || '***' $$;

ALTER FUNCTION app.mask_name(p_first text, p_last text) OWNER TO estate_owner;

--
-- Name: FUNCTION mask_name(p_first text, p_last text); Type: COMMENT; Schema: app; Owner: estate_owner
--

COMMENT ON FUNCTION app.mask_name(p_first text, p_last text) IS 'A person''s name as support staff see it: initials only (A*** L***).';

--
-- Name: mask_phone(text); Type: FUNCTION; Schema: app; Owner: estate_owner
--

CREATE FUNCTION app.mask_phone(p_phone text) RETURNS text
    LANGUAGE sql IMMUTABLE
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$ select case when p_phone is not null then '***-***-' || pg_catalog.right(p_phone, 4) end $$;

ALTER FUNCTION app.mask_phone(p_phone text) OWNER TO estate_owner;

--
-- Name: FUNCTION mask_phone(p_phone text); Type: COMMENT; Schema: app; Owner: estate_owner
--

COMMENT ON FUNCTION app.mask_phone(p_phone text) IS 'A phone number as support staff see it: ***-***-1234.';

--
-- Name: support_access_requests; Type: TABLE; Schema: app; Owner: estate_owner
--

CREATE TABLE app.support_access_requests (
    tenant_id uuid NOT NULL,
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    user_id uuid NOT NULL,
    kind text NOT NULL,
    staff_actor text NOT NULL,
    reason text NOT NULL,
    ticket_ref text NOT NULL,
    minutes integer NOT NULL,
    status text DEFAULT 'pending'::text NOT NULL,
    requested_at timestamp with time zone DEFAULT now() NOT NULL,
    respond_by timestamp with time zone NOT NULL,
    decided_by text,
    decided_at timestamp with time zone,
    expires_at timestamp with time zone,
    ended_by text,
    ended_at timestamp with time zone,
    view_count integer DEFAULT 0 NOT NULL,
    last_viewed_at timestamp with time zone,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT support_access_requests_check CHECK (((kind = 'consent'::text) OR (minutes <= 120))),
    CONSTRAINT support_access_requests_check1 CHECK ((respond_by > requested_at)),
    CONSTRAINT support_access_requests_check2 CHECK (((decided_at IS NULL) = (decided_by IS NULL))),
    CONSTRAINT support_access_requests_check3 CHECK ((((status = 'approved'::text) OR (status = 'revoked'::text) OR ((status = 'closed'::text) AND (decided_at IS NOT NULL))) = (expires_at IS NOT NULL))),
    CONSTRAINT support_access_requests_check4 CHECK (((status <> 'pending'::text) OR (decided_at IS NULL))),
    CONSTRAINT support_access_requests_check5 CHECK (((status <> ALL (ARRAY['approved'::text, 'denied'::text, 'revoked'::text])) OR (decided_at IS NOT NULL))),
    CONSTRAINT support_access_requests_check6 CHECK (((ended_at IS NULL) = (ended_by IS NULL))),
    CONSTRAINT support_access_requests_check7 CHECK (((status = ANY (ARRAY['revoked'::text, 'closed'::text])) = (ended_at IS NOT NULL))),
    CONSTRAINT support_access_requests_check8 CHECK (((kind <> 'break_glass'::text) OR (decided_by IS DISTINCT FROM staff_actor))),
    CONSTRAINT support_access_requests_check9 CHECK (((expires_at IS NULL) OR (expires_at <= (decided_at + make_interval(mins => minutes))))),
    CONSTRAINT support_access_requests_decided_by_check CHECK (((length(decided_by) >= 1) AND (length(decided_by) <= 200))),
    CONSTRAINT support_access_requests_ended_by_check CHECK (((length(ended_by) >= 1) AND (length(ended_by) <= 200))),
    CONSTRAINT support_access_requests_kind_check CHECK ((kind = ANY (ARRAY['consent'::text, 'break_glass'::text]))),
    CONSTRAINT support_access_requests_minutes_check CHECK (((minutes >= 1) AND (minutes <= 1440))),
    CONSTRAINT support_access_requests_reason_check CHECK (((length(btrim(reason)) >= 10) AND (length(btrim(reason)) <= 500))),
    CONSTRAINT support_access_requests_staff_actor_check CHECK ((staff_actor ~ '^cognito:[\w-]{1,128}$'::text)),
    CONSTRAINT support_access_requests_status_check CHECK ((status = ANY (ARRAY['pending'::text, 'approved'::text, 'denied'::text, 'revoked'::text, 'closed'::text]))),
    CONSTRAINT support_access_requests_ticket_ref_check CHECK ((ticket_ref ~ '^[A-Za-z0-9][A-Za-z0-9._#/-]{0,63}$'::text)),
    CONSTRAINT support_access_requests_view_count_check CHECK ((view_count >= 0))
);

ALTER TABLE ONLY app.support_access_requests FORCE ROW LEVEL SECURITY;

ALTER TABLE app.support_access_requests OWNER TO estate_owner;

--
-- Name: TABLE support_access_requests; Type: COMMENT; Schema: app; Owner: estate_owner
--

COMMENT ON TABLE app.support_access_requests IS 'Support''s requests for a user''s data beyond the masked view: approved by the user (consent) or by a second staff member (break-glass); an approved one is a time-limited grant of the staff member who asked.';

--
-- Name: my_support_access_request(uuid); Type: FUNCTION; Schema: app; Owner: estate_owner
--

CREATE FUNCTION app.my_support_access_request(p_request_id uuid) RETURNS app.support_access_requests
    LANGUAGE plpgsql
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
declare
  v_user_id uuid := app.current_user_id();
  v_row app.support_access_requests;
begin
  -- The user's own requests: consent ones, and break-glass ones once they took effect. Another
  -- user's, another tenant's and a random id answer alike.
  select * into v_row from app.support_access_requests r
   where r.tenant_id = app.current_tenant_id() and r.id = p_request_id and r.user_id = v_user_id
     and (r.kind = 'consent' or r.decided_at is not null)
   for update;
  if v_row.id is null then
    perform app.fail('PT404', 'access_request_not_found', 'access request not found');
  end if;
  return v_row;
end
$$;

ALTER FUNCTION app.my_support_access_request(p_request_id uuid) OWNER TO estate_owner;

--
-- Name: FUNCTION my_support_access_request(p_request_id uuid); Type: COMMENT; Schema: app; Owner: estate_owner
--

COMMENT ON FUNCTION app.my_support_access_request(p_request_id uuid) IS 'Locks and returns one of the calling user''s support access requests; raises access_request_not_found for any other id.';

--
-- Name: my_support_access_request_row(uuid); Type: FUNCTION; Schema: app; Owner: estate_owner
--

CREATE FUNCTION app.my_support_access_request_row(p_request_id uuid) RETURNS TABLE(request_id uuid, kind text, state text, reason text, ticket_ref text, minutes integer, requested_at timestamp with time zone, respond_by timestamp with time zone, decided_at timestamp with time zone, expires_at timestamp with time zone, ended_at timestamp with time zone, view_count integer, last_viewed_at timestamp with time zone)
    LANGUAGE sql STABLE
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
  -- Which staff member is support's business (the audit log); that support asked, why and when is the user's.
  select r.id, r.kind, app.support_access_state(r.status, r.respond_by, r.expires_at), r.reason, r.ticket_ref,
         r.minutes, r.requested_at, r.respond_by, r.decided_at, r.expires_at, r.ended_at, r.view_count, r.last_viewed_at
    from app.support_access_requests r
   where r.tenant_id = app.current_tenant_id() and r.id = p_request_id
$$;

ALTER FUNCTION app.my_support_access_request_row(p_request_id uuid) OWNER TO estate_owner;

--
-- Name: FUNCTION my_support_access_request_row(p_request_id uuid); Type: COMMENT; Schema: app; Owner: estate_owner
--

COMMENT ON FUNCTION app.my_support_access_request_row(p_request_id uuid) IS 'One support access request as its user sees it (not which staff member).';

--
-- Name: net_worth_of(uuid[], date, text, uuid); Type: FUNCTION; Schema: app; Owner: estate_owner
--

CREATE FUNCTION app.net_worth_of(p_persona_ids uuid[], p_as_of date, p_currency text, p_viewer_user_id uuid DEFAULT NULL::uuid) RETURNS TABLE(total_assets numeric, total_liabilities numeric, net_worth numeric, asset_count integer)
    LANGUAGE plpgsql STABLE SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    SET plan_cache_mode TO 'force_custom_plan'
    SET enable_nestloop TO 'on'
    AS $$
#variable_conflict use_column
declare
  v_tenant_id uuid := app.current_tenant_id();
  v_shares bigint;
begin
  -- PostgreSQL sizes a join of one tenant's rows by the whole table's distinct values: with 99
  -- other tenants of 10,000 assets, a persona's 10,000 look like 100, and the plan probes two
  -- indexes 10,000 times where hashing the tenant's rows costs less. So when the personas hold a
  -- large part of the tenant's assets (counted by app.usage_records), the joins hash. The setting
  -- ends with this function (the SET clause above restores it).
  select pg_catalog.count(*) into v_shares
    from app.asset_ownerships o where o.tenant_id = v_tenant_id and o.persona_id = any (p_persona_ids);
  if v_shares >= 500 and v_shares * 4 >= (select pg_catalog.sum(u.quantity) from app.usage_records u
                                           where u.tenant_id = v_tenant_id and u.metric = 'assets') then
    perform pg_catalog.set_config('enable_nestloop', 'off', true);
  end if;
  return query
  with shares as (
    -- Each asset once, with the share the given personas hold together: one persona's shares as
    -- they are (one per asset: unique (tenant_id, asset_id, persona_id)), several personas' summed.
    -- The plan is made for the call's values, so only one of the two branches is ever run.
    select o.asset_id, o.ownership_percentage as percentage
      from app.asset_ownerships o
     where pg_catalog.cardinality(p_persona_ids) = 1 and p_viewer_user_id is null
       and o.tenant_id = v_tenant_id and o.persona_id = p_persona_ids[1]
    union all
    select o.asset_id, sum(o.ownership_percentage)
      from app.asset_ownerships o
     where not (pg_catalog.cardinality(p_persona_ids) = 1 and p_viewer_user_id is null)
       and o.tenant_id = v_tenant_id and o.persona_id = any (p_persona_ids)
     group by o.asset_id
     -- With a viewer, only the assets that user may see count (a circle's total, docs/authorization.md).
     having p_viewer_user_id is null or o.asset_id in (select app.visible_asset_ids(p_viewer_user_id))
  ),
  valued as (
    -- The latest valuation when it is on or before the date (the common case: one join); else the
    -- latest on or before the date from the history, looked up only for those assets (a CASE runs
    -- its subquery only when reached). An asset not valued by the date has no currency and is
    -- left out by the join with the rates (filtering here would spoil the row estimates).
    select l.is_liability, s.percentage,
           case when l.valued_on <= p_as_of then l.amount
                else (select x.amount from app.asset_valuations x
                       where x.tenant_id = v_tenant_id and x.asset_id = s.asset_id and x.valued_on <= p_as_of
                       order by x.valued_on desc, x.created_at desc, x.id desc limit 1) end as amount,
           case when l.valued_on <= p_as_of then l.currency
                else (select x.currency from app.asset_valuations x
                       where x.tenant_id = v_tenant_id and x.asset_id = s.asset_id and x.valued_on <= p_as_of
                       order by x.valued_on desc, x.created_at desc, x.id desc limit 1) end as currency
      from shares s
      join app.asset_latest_valuations l on l.tenant_id = v_tenant_id and l.asset_id = s.asset_id and l.is_active
  ),
  rates as materialized (
    select c.currency, app.exchange_rate(c.currency, p_currency, p_as_of) as rate
      from (select distinct currency from valued where currency is not null) c
  ),
  totals as (
    select coalesce(sum(v.amount * r.rate * v.percentage / 100) filter (where not v.is_liability), 0) as assets,
           coalesce(sum(v.amount * r.rate * v.percentage / 100) filter (where v.is_liability), 0) as liabilities,
           count(*)::integer as n
      from valued v join rates r on r.currency = v.currency
  )
  select pg_catalog.round(t.assets, 2), pg_catalog.round(t.liabilities, 2), pg_catalog.round(t.assets - t.liabilities, 2), t.n
    from totals t;
end
$$;

ALTER FUNCTION app.net_worth_of(p_persona_ids uuid[], p_as_of date, p_currency text, p_viewer_user_id uuid) OWNER TO estate_owner;

--
-- Name: FUNCTION net_worth_of(p_persona_ids uuid[], p_as_of date, p_currency text, p_viewer_user_id uuid); Type: COMMENT; Schema: app; Owner: estate_owner
--

COMMENT ON FUNCTION app.net_worth_of(p_persona_ids uuid[], p_as_of date, p_currency text, p_viewer_user_id uuid) IS 'Assets minus debts held by the given personas (each asset once, weighted by their joint share), latest valuation on or before the date, converted; rounded once at the end. With a viewer, only the assets that user may see.';

--
-- Name: normalize_email(text); Type: FUNCTION; Schema: app; Owner: estate_owner
--

CREATE FUNCTION app.normalize_email(p_email text) RETURNS text
    LANGUAGE plpgsql STABLE
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $_$
declare
  v_email text := pg_catalog.lower(pg_catalog.btrim(p_email));
begin
  if v_email is null or v_email !~ '^[^@\s]+@[^@\s]+\.[^@\s]+$' or pg_catalog.length(v_email) > 320 then
    perform app.fail('PT400', 'invalid_email', 'email is not a valid address');
  end if;
  return v_email;
end
$_$;

ALTER FUNCTION app.normalize_email(p_email text) OWNER TO estate_owner;

--
-- Name: FUNCTION normalize_email(p_email text); Type: COMMENT; Schema: app; Owner: estate_owner
--

COMMENT ON FUNCTION app.normalize_email(p_email text) IS 'Lower-cases and checks an e-mail address, raising invalid_email.';

--
-- Name: normalize_origin(text); Type: FUNCTION; Schema: app; Owner: estate_owner
--

CREATE FUNCTION app.normalize_origin(p_origin text) RETURNS text
    LANGUAGE plpgsql IMMUTABLE
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $_$
declare
  v text := pg_catalog.lower(pg_catalog.btrim(p_origin));
  v_port integer;
begin
  -- Exactly what a browser sends as Origin: scheme, host, optional port. No path (not even "/"),
  -- query, user info or wildcard; https only, except http on loopback for development.
  if v is null or pg_catalog.length(v) > 253
     or not (v ~ '^https://[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*(:[0-9]{1,5})?$'
             or v ~ '^http://(localhost|127\.0\.0\.1)(:[0-9]{1,5})?$') then
    perform app.fail('PT400', 'invalid_origin',
      'an origin is https://host[:port] (http only for localhost or 127.0.0.1), with no path or wildcard');
  end if;
  if v ~ ':[0-9]+$' then
    v_port := pg_catalog.substring(v, ':([0-9]+)$')::integer;
    if v_port < 1 or v_port > 65535 then
      perform app.fail('PT400', 'invalid_origin', 'an origin''s port is 1 to 65535');
    end if;
    -- Browsers leave the scheme's default port out of Origin.
    if (v like 'https://%' and v_port = 443) or (v like 'http://%' and v_port = 80) then
      v := pg_catalog.regexp_replace(v, ':[0-9]+$', '');
    end if;
  end if;
  return v;
end
$_$;

ALTER FUNCTION app.normalize_origin(p_origin text) OWNER TO estate_owner;

--
-- Name: FUNCTION normalize_origin(p_origin text); Type: COMMENT; Schema: app; Owner: estate_owner
--

COMMENT ON FUNCTION app.normalize_origin(p_origin text) IS 'Checks a browser origin (https://host[:port], or http://localhost|127.0.0.1[:port]) and returns it as browsers send it, raising invalid_origin.';

--
-- Name: open_support_access(uuid, uuid, text, text, text, integer); Type: FUNCTION; Schema: app; Owner: estate_owner
--

CREATE FUNCTION app.open_support_access(p_tenant_id uuid, p_user_id uuid, p_kind text, p_reason text, p_ticket_ref text, p_minutes integer) RETURNS uuid
    LANGUAGE plpgsql
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
declare
  v_actor text := app.require_staff_member();
  v_id uuid;
begin
  perform app.require_tenant_user(p_user_id);
  perform app.check_support_access_input(p_reason, p_ticket_ref, p_minutes,
                                         case p_kind when 'consent' then 1440 else 120 end);
  -- One open request of a kind per staff member and user (concurrent askers serialised here).
  perform pg_catalog.pg_advisory_xact_lock(pg_catalog.hashtext('support-access:' || p_tenant_id || ':' || p_user_id));
  if exists (select 1 from app.support_access_requests r
              where r.tenant_id = p_tenant_id and r.user_id = p_user_id and r.staff_actor = v_actor
                and r.kind = p_kind and r.status = 'pending' and r.respond_by > pg_catalog.now()) then
    perform app.fail('PT409', 'access_request_pending', 'you already have a request waiting for this user');
  end if;
  insert into app.support_access_requests (tenant_id, user_id, kind, staff_actor, reason, ticket_ref, minutes, respond_by)
  values (p_tenant_id, p_user_id, p_kind, v_actor, pg_catalog.btrim(p_reason), p_ticket_ref, p_minutes,
          -- The user has a week to answer; a break-glass access is an emergency: a second staff member has an hour.
          pg_catalog.now() + case p_kind when 'consent' then interval '7 days' else interval '1 hour' end)
  returning id into v_id;
  return v_id;
end
$$;

ALTER FUNCTION app.open_support_access(p_tenant_id uuid, p_user_id uuid, p_kind text, p_reason text, p_ticket_ref text, p_minutes integer) OWNER TO estate_owner;

--
-- Name: FUNCTION open_support_access(p_tenant_id uuid, p_user_id uuid, p_kind text, p_reason text, p_ticket_ref text, p_minutes integer); Type: COMMENT; Schema: app; Owner: estate_owner
--

COMMENT ON FUNCTION app.open_support_access(p_tenant_id uuid, p_user_id uuid, p_kind text, p_reason text, p_ticket_ref text, p_minutes integer) IS 'Records a pending support access request (consent or break-glass) of the calling staff member for a user of the tenant.';

--
-- Name: password_status(uuid); Type: FUNCTION; Schema: app; Owner: estate_owner
--

CREATE FUNCTION app.password_status(p_user_id uuid) RETURNS TABLE(last_rotated_at timestamp with time zone, max_age_days integer, due_at timestamp with time zone, overdue boolean)
    LANGUAGE sql STABLE
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
  -- Never reported: due counted from registration (Cognito set the first password then).
  select l.last, p.password_max_age_days,
         coalesce(l.last, u.created_at) + pg_catalog.make_interval(days => p.password_max_age_days),
         coalesce(coalesce(l.last, u.created_at) + pg_catalog.make_interval(days => p.password_max_age_days) < pg_catalog.now(), false)
    from app.users u
    left join app.tenant_security_policies p on p.tenant_id = u.tenant_id
    cross join lateral (select pg_catalog.max(h.changed_at) as last from app.password_history h
                         where h.tenant_id = u.tenant_id and h.user_id = u.id) l
   where u.tenant_id = (select app.current_tenant_id()) and u.id = p_user_id
$$;

ALTER FUNCTION app.password_status(p_user_id uuid) OWNER TO estate_owner;

--
-- Name: FUNCTION password_status(p_user_id uuid); Type: COMMENT; Schema: app; Owner: estate_owner
--

COMMENT ON FUNCTION app.password_status(p_user_id uuid) IS 'A user''s last reported password rotation, the tenant''s maximum age, when the password is due and whether it is overdue.';

--
-- Name: payment_method_list(uuid); Type: FUNCTION; Schema: app; Owner: estate_owner
--

CREATE FUNCTION app.payment_method_list(p_user_id uuid) RETURNS SETOF app.payment_method_row
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
  select m.id, m.kind, m.brand, m.last4, m.exp_month, m.exp_year, m.is_default, m.created_at
    from app.payment_methods m
   where m.tenant_id = app.current_tenant_id() and m.user_id = p_user_id and m.status = 'active'
   order by m.is_default desc, m.created_at desc, m.id
$$;

ALTER FUNCTION app.payment_method_list(p_user_id uuid) OWNER TO estate_owner;

--
-- Name: FUNCTION payment_method_list(p_user_id uuid); Type: COMMENT; Schema: app; Owner: estate_owner
--

COMMENT ON FUNCTION app.payment_method_list(p_user_id uuid) IS 'A user''s active payment methods, the default first.';

--
-- Name: payment_transaction_for(text, text, text, timestamp with time zone, numeric, text); Type: FUNCTION; Schema: app; Owner: estate_owner
--

CREATE FUNCTION app.payment_transaction_for(p_payment_intent_id text, p_customer_id text, p_invoice_id text, p_created timestamp with time zone, p_amount numeric, p_currency text) RETURNS app.payment_transactions
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
declare
  v_tenant_id uuid := app.current_tenant_id();
  v_transaction app.payment_transactions;
  v_subscription_id uuid;
begin
  select * into v_transaction from app.payment_transactions t
   where t.tenant_id = v_tenant_id and t.stripe_payment_intent_id = p_payment_intent_id for update;
  if v_transaction.id is not null then
    return v_transaction;
  end if;
  -- A new payment belongs to the subscription of the invoice it pays when that is known, else to
  -- the customer's latest subscription (for the ledger's attribution only).
  select i.subscription_id into v_subscription_id from app.invoices i
   where i.tenant_id = v_tenant_id and i.stripe_invoice_id = p_invoice_id;
  if v_subscription_id is null then
    select s.id into v_subscription_id from app.subscriptions s
     where s.tenant_id = v_tenant_id and s.stripe_customer_id = p_customer_id
     order by s.created_at desc, s.id limit 1;
  end if;
  if v_subscription_id is null then
    return v_transaction;
  end if;
  -- Recorded as not (yet) succeeded; the caller marks it succeeded or failed in the same transaction.
  insert into app.payment_transactions (tenant_id, subscription_id, stripe_invoice_id, stripe_payment_intent_id, status, amount,
                                        currency, amount_refunded, stripe_synced_at)
  values (v_tenant_id, v_subscription_id, p_invoice_id, p_payment_intent_id, 'failed', p_amount, p_currency,
          pg_catalog.round(0, pg_catalog.scale(p_amount)), p_created)
  on conflict (stripe_payment_intent_id) do nothing;
  select * into v_transaction from app.payment_transactions t
   where t.tenant_id = v_tenant_id and t.stripe_payment_intent_id = p_payment_intent_id for update;
  return v_transaction;
end
$$;

ALTER FUNCTION app.payment_transaction_for(p_payment_intent_id text, p_customer_id text, p_invoice_id text, p_created timestamp with time zone, p_amount numeric, p_currency text) OWNER TO estate_owner;

--
-- Name: FUNCTION payment_transaction_for(p_payment_intent_id text, p_customer_id text, p_invoice_id text, p_created timestamp with time zone, p_amount numeric, p_currency text); Type: COMMENT; Schema: app; Owner: estate_owner
--

COMMENT ON FUNCTION app.payment_transaction_for(p_payment_intent_id text, p_customer_id text, p_invoice_id text, p_created timestamp with time zone, p_amount numeric, p_currency text) IS 'The locked payment row of a PaymentIntent, created (as not yet succeeded) for its invoice''s or customer''s subscription when new.';

--
-- Name: persona_details(uuid); Type: FUNCTION; Schema: app; Owner: estate_owner
--

CREATE FUNCTION app.persona_details(p_persona_id uuid) RETURNS SETOF app.persona_row
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
  select p.id, p.first_name, p.middle_name, p.last_name, p.preferred_name, p.date_of_birth,
         p.date_of_birth > current_date - interval '18 years',
         p.living_status, p.date_of_death,
         (select up.user_id from app.user_personas up
           where up.tenant_id = p.tenant_id and up.persona_id = p.id and up.link_kind = 'self'),
         coalesce((select pg_catalog.jsonb_agg(pg_catalog.jsonb_build_object(
                     'id', e.id, 'email', e.email, 'label', e.label, 'isPrimary', e.is_primary)
                     order by e.is_primary desc, e.created_at)
                   from app.persona_emails e where e.tenant_id = p.tenant_id and e.persona_id = p.id), '[]'),
         coalesce((select pg_catalog.jsonb_agg(pg_catalog.jsonb_build_object(
                     'id', ph.id, 'phoneNumber', ph.phone_number, 'label', ph.label, 'isPrimary', ph.is_primary)
                     order by ph.is_primary desc, ph.created_at)
                   from app.persona_phones ph where ph.tenant_id = p.tenant_id and ph.persona_id = p.id), '[]'),
         coalesce((select pg_catalog.jsonb_agg(pg_catalog.jsonb_build_object(
                     'id', a.id, 'label', a.label, 'line1', a.line1, 'line2', a.line2, 'city', a.city,
                     'region', a.region, 'postalCode', a.postal_code, 'countryCode', a.country_code,
                     'isPrimary', a.is_primary)
                     order by a.is_primary desc, a.created_at)
                   from app.persona_addresses a where a.tenant_id = p.tenant_id and a.persona_id = p.id), '[]'),
         coalesce((select pg_catalog.jsonb_agg(pg_catalog.jsonb_build_object(
                     'id', r.id, 'relatedPersonaId', r.related_persona_id, 'relationshipType', r.relationship_type,
                     'relatedPersonaName', rp.first_name || ' ' || rp.last_name)
                     order by r.created_at)
                   from app.persona_relationships r
                   join app.personas rp on rp.tenant_id = r.tenant_id and rp.id = r.related_persona_id
                   where r.tenant_id = p.tenant_id and r.persona_id = p.id), '[]'),
         p.created_at, p.updated_at
    from app.personas p
   where p.tenant_id = (select app.current_tenant_id()) and p.id = p_persona_id
$$;

ALTER FUNCTION app.persona_details(p_persona_id uuid) OWNER TO estate_owner;

--
-- Name: FUNCTION persona_details(p_persona_id uuid); Type: COMMENT; Schema: app; Owner: estate_owner
--

COMMENT ON FUNCTION app.persona_details(p_persona_id uuid) IS 'One persona with contact data and relationships, as every persona procedure returns it.';

--
-- Name: plan_limits(uuid, uuid); Type: FUNCTION; Schema: app; Owner: estate_owner
--

CREATE FUNCTION app.plan_limits(p_tenant_id uuid, p_plan_id uuid) RETURNS TABLE(max_ffcs bigint, max_seats bigint, max_assets bigint, max_storage_bytes bigint)
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
  select max(v.limit_value) filter (where v.feature_key = 'max_ffcs'),
         max(v.limit_value) filter (where v.feature_key = 'max_seats'),
         max(v.limit_value) filter (where v.feature_key = 'max_assets'),
         max(v.limit_value) filter (where v.feature_key = 'max_storage_mb') * 1048576
    from (select f.feature_key,
                 case when s.feature_limits ? f.feature_key then (s.feature_limits ->> f.feature_key)::bigint
                      else f.limit_value end as limit_value
            from app.plan_features f
            left join app.tenant_plan_settings s on s.tenant_id = p_tenant_id and s.plan_id = f.plan_id
           where f.plan_id = p_plan_id) v
$$;

ALTER FUNCTION app.plan_limits(p_tenant_id uuid, p_plan_id uuid) OWNER TO estate_owner;

--
-- Name: FUNCTION plan_limits(p_tenant_id uuid, p_plan_id uuid); Type: COMMENT; Schema: app; Owner: estate_owner
--

COMMENT ON FUNCTION app.plan_limits(p_tenant_id uuid, p_plan_id uuid) IS 'A plan''s limits in a tenant (its overrides applied); NULL means unlimited.';

--
-- Name: prefix_tsquery(text); Type: FUNCTION; Schema: app; Owner: estate_owner
--

CREATE FUNCTION app.prefix_tsquery(p_q text) RETURNS tsquery
    LANGUAGE sql IMMUTABLE
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
  -- Every word of q as a prefix ('vol car' finds "Volvo car"), punctuation dropped so no tsquery syntax gets through.
  select pg_catalog.to_tsquery('simple'::regconfig,
           coalesce(pg_catalog.string_agg(w || ':*', ' & '), ''))
    from pg_catalog.regexp_split_to_table(pg_catalog.lower(p_q), '[^[:alnum:]]+') w
   where w <> ''
$$;

ALTER FUNCTION app.prefix_tsquery(p_q text) OWNER TO estate_owner;

--
-- Name: FUNCTION prefix_tsquery(p_q text); Type: COMMENT; Schema: app; Owner: estate_owner
--

COMMENT ON FUNCTION app.prefix_tsquery(p_q text) IS 'A tsquery matching every word of a text filter as a prefix, for the GIN-indexed search column of assets.';

--
-- Name: process_payment(text, text, timestamp with time zone, jsonb); Type: FUNCTION; Schema: app; Owner: estate_owner
--

CREATE FUNCTION app.process_payment(p_event_id text, p_event_type text, p_created timestamp with time zone, p_object jsonb) RETURNS text
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $_$
declare
  v_succeeded boolean := p_event_type = 'payment_intent.succeeded';
  v_currency text := app.stripe_currency(p_object);
  v_amount numeric := app.stripe_amount(case when v_succeeded then p_object -> 'amount_received' else p_object -> 'amount' end, v_currency);
  v_invoice_id text := app.stripe_id(p_object -> 'invoice');  -- API versions before 2025-03-31 name it
  v_transaction app.payment_transactions;
begin
  if coalesce(p_object ->> 'id', '') !~ '^pi_[A-Za-z0-9]+$' or coalesce(v_invoice_id, 'in_x') !~ '^in_[A-Za-z0-9]+$' then
    perform app.fail('PT400', 'invalid_stripe_event', 'a payment event carries a PaymentIntent');
  end if;
  if v_amount <= 0 then
    return 'ignored';
  end if;
  v_transaction := app.payment_transaction_for(p_object ->> 'id', app.stripe_id(p_object -> 'customer'), v_invoice_id,
                                               p_created, v_amount, v_currency);
  if v_transaction.id is null then
    return app.stripe_not_yet(p_created);  -- its customer's subscription is still on its way
  end if;
  perform app.add_stripe_routes(array[p_object ->> 'id', app.stripe_id(p_object -> 'latest_charge')]);
  if v_invoice_id is not null and v_transaction.stripe_invoice_id is null then
    update app.payment_transactions t set stripe_invoice_id = v_invoice_id
     where t.tenant_id = v_transaction.tenant_id and t.id = v_transaction.id
    returning * into v_transaction;
    if v_transaction.status = 'succeeded' then
      -- Recorded as paid already (its refund came first): now known to pay this invoice.
      perform app.apply_invoice_payment_outcome(v_transaction.id, v_transaction.succeeded_at);
      return 'applied';
    end if;
  end if;
  -- A success is final; a failure is only news when newer than what is recorded.
  if v_transaction.status = 'succeeded' then
    return 'stale';
  end if;
  if v_succeeded then
    perform app.mark_payment_succeeded(v_transaction, p_created, app.stripe_id(p_object -> 'latest_charge'), v_amount);
    return 'applied';
  end if;
  if v_transaction.failure_code is not null and p_created < v_transaction.stripe_synced_at then
    return 'stale';
  end if;
  update app.payment_transactions t
     set failure_code = pg_catalog.left(coalesce(p_object -> 'last_payment_error' ->> 'code', 'payment_failed'), 100),
         failure_message = pg_catalog.left(p_object -> 'last_payment_error' ->> 'message', 500),
         stripe_synced_at = p_created
   where t.tenant_id = v_transaction.tenant_id and t.id = v_transaction.id;
  perform app.apply_invoice_payment_outcome(v_transaction.id, p_created);
  return 'applied';
end
$_$;

ALTER FUNCTION app.process_payment(p_event_id text, p_event_type text, p_created timestamp with time zone, p_object jsonb) OWNER TO estate_owner;

--
-- Name: FUNCTION process_payment(p_event_id text, p_event_type text, p_created timestamp with time zone, p_object jsonb); Type: COMMENT; Schema: app; Owner: estate_owner
--

COMMENT ON FUNCTION app.process_payment(p_event_id text, p_event_type text, p_created timestamp with time zone, p_object jsonb) IS 'Internal (from Stripe events): records a payment''s outcome, posts it to the ledger once, updates its invoice and subscription when it is known to pay one.';

--
-- Name: process_refund(text, timestamp with time zone, jsonb); Type: FUNCTION; Schema: app; Owner: estate_owner
--

CREATE FUNCTION app.process_refund(p_event_id text, p_created timestamp with time zone, p_object jsonb) RETURNS text
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $_$
declare
  v_currency text := app.stripe_currency(p_object);
  v_amount numeric := app.stripe_amount(p_object -> 'amount', v_currency);
  v_refunded_total numeric := app.stripe_amount(p_object -> 'amount_refunded', v_currency);
  v_payment_intent_id text := app.stripe_id(p_object -> 'payment_intent');
  v_transaction app.payment_transactions;
  v_refund_id uuid;
begin
  if coalesce(p_object ->> 'id', '') !~ '^(ch|py)_[A-Za-z0-9]+$' or coalesce(v_payment_intent_id, 'pi_x') !~ '^pi_[A-Za-z0-9]+$' then
    perform app.fail('PT400', 'invalid_stripe_event', 'a refund event carries a charge');
  end if;
  if v_payment_intent_id is null then
    return 'ignored';  -- a charge made without a PaymentIntent: not a payment recorded here
  end if;
  if v_amount <= 0 then
    return 'ignored';
  end if;
  v_transaction := app.payment_transaction_for(v_payment_intent_id, app.stripe_id(p_object -> 'customer'), null,
                                               p_created, v_amount, v_currency);
  if v_transaction.id is null then
    return app.stripe_not_yet(p_created);
  end if;
  if v_transaction.currency <> v_currency or v_refunded_total > v_amount then
    return 'ignored';
  end if;
  perform app.add_stripe_routes(array[p_object ->> 'id', v_payment_intent_id]);
  -- A refunded charge was paid, when the charge was made, whether or not its success event has arrived yet.
  if v_transaction.status <> 'succeeded' then
    perform app.mark_payment_succeeded(v_transaction, coalesce(app.stripe_time(p_object -> 'created'), p_created), p_object ->> 'id', v_amount);
  end if;
  -- Stripe reports the charge's refunded total: only an increase is news.
  if v_refunded_total <= v_transaction.amount_refunded then
    return 'stale';
  end if;
  insert into app.refunds (tenant_id, payment_transaction_id, amount, currency, refunded_total, stripe_event_id)
  values (v_transaction.tenant_id, v_transaction.id, v_refunded_total - v_transaction.amount_refunded, v_currency, v_refunded_total, p_event_id)
  returning id into v_refund_id;
  insert into app.general_ledger (tenant_id, entry_type, amount, currency, subscription_id, payment_transaction_id, refund_id, description)
  values (v_transaction.tenant_id, 'refund', v_transaction.amount_refunded - v_refunded_total, v_currency, v_transaction.subscription_id,
          v_transaction.id, v_refund_id, 'refund of ' || v_transaction.stripe_payment_intent_id);
  update app.payment_transactions t set amount_refunded = v_refunded_total
   where t.tenant_id = v_transaction.tenant_id and t.id = v_transaction.id;
  return 'applied';
end
$_$;

ALTER FUNCTION app.process_refund(p_event_id text, p_created timestamp with time zone, p_object jsonb) OWNER TO estate_owner;

--
-- Name: FUNCTION process_refund(p_event_id text, p_created timestamp with time zone, p_object jsonb); Type: COMMENT; Schema: app; Owner: estate_owner
--

COMMENT ON FUNCTION app.process_refund(p_event_id text, p_created timestamp with time zone, p_object jsonb) IS 'Internal (from charge.refunded): records the increase of a payment''s refunded total as a refund and a ledger entry.';

--
-- Name: protect_tenant_table(text, text[]); Type: FUNCTION; Schema: app; Owner: estate_owner
--

CREATE FUNCTION app.protect_tenant_table(p_table text, p_redacted text[] DEFAULT '{}'::text[]) RETURNS void
    LANGUAGE plpgsql
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
begin
  execute pg_catalog.format('alter table app.%I enable row level security', p_table);
  execute pg_catalog.format('alter table app.%I force row level security', p_table);
  execute pg_catalog.format(
    'create policy all_own_tenant on app.%I for all using (tenant_id = (select app.current_tenant_id())) '
    'with check (tenant_id = (select app.current_tenant_id()))', p_table);
  if exists (select 1 from pg_catalog.pg_attribute a
              where a.attrelid = pg_catalog.format('app.%I', p_table)::regclass and a.attname = 'updated_at' and not a.attisdropped) then
    execute pg_catalog.format(
      'create trigger _100_timestamps before update on app.%I for each row execute function app.tg__set_updated_at()', p_table);
  end if;
  execute pg_catalog.format(
    'create trigger _500_audit after insert or update or delete on app.%I for each row execute function audit.tg_audit__row(%s)',
    p_table, coalesce((select pg_catalog.string_agg(pg_catalog.quote_literal(c), ', ') from pg_catalog.unnest(p_redacted) c), ''));
end
$$;

ALTER FUNCTION app.protect_tenant_table(p_table text, p_redacted text[]) OWNER TO estate_owner;

--
-- Name: FUNCTION protect_tenant_table(p_table text, p_redacted text[]); Type: COMMENT; Schema: app; Owner: estate_owner
--

COMMENT ON FUNCTION app.protect_tenant_table(p_table text, p_redacted text[]) IS 'Migrations only: forces RLS with the tenant policy, and adds the updated_at and audit triggers (redacting the named columns).';

--
-- Name: record_plan_change(uuid, uuid, uuid, text, text, uuid, text); Type: FUNCTION; Schema: app; Owner: estate_owner
--

CREATE FUNCTION app.record_plan_change(p_subscription_id uuid, p_from_plan_id uuid, p_to_plan_id uuid, p_kind text, p_source text, p_user_id uuid DEFAULT NULL::uuid, p_stripe_event_id text DEFAULT NULL::text) RETURNS void
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
declare
  v_kind text := p_kind;
begin
  if v_kind is null then
    v_kind := case when (select t.sort_order from app.subscription_plans t where t.id = p_to_plan_id)
                        >= (select f.sort_order from app.subscription_plans f where f.id = p_from_plan_id)
                   then 'upgrade' else 'downgrade' end;
  end if;
  insert into app.subscription_plan_changes (tenant_id, subscription_id, from_plan_id, to_plan_id, change_kind, source,
                                             changed_by_user_id, stripe_event_id)
  values (app.current_tenant_id(), p_subscription_id, p_from_plan_id, p_to_plan_id, v_kind, p_source, p_user_id, p_stripe_event_id);
end
$$;

ALTER FUNCTION app.record_plan_change(p_subscription_id uuid, p_from_plan_id uuid, p_to_plan_id uuid, p_kind text, p_source text, p_user_id uuid, p_stripe_event_id text) OWNER TO estate_owner;

--
-- Name: FUNCTION record_plan_change(p_subscription_id uuid, p_from_plan_id uuid, p_to_plan_id uuid, p_kind text, p_source text, p_user_id uuid, p_stripe_event_id text); Type: COMMENT; Schema: app; Owner: estate_owner
--

COMMENT ON FUNCTION app.record_plan_change(p_subscription_id uuid, p_from_plan_id uuid, p_to_plan_id uuid, p_kind text, p_source text, p_user_id uuid, p_stripe_event_id text) IS 'Appends to the history of plan changes (kind upgrade or downgrade by the plans'' order when not given).';

--
-- Name: replace_beneficiaries(uuid, uuid, uuid, uuid, date, jsonb, jsonb); Type: FUNCTION; Schema: app; Owner: estate_owner
--

CREATE FUNCTION app.replace_beneficiaries(p_user_id uuid, p_asset_id uuid, p_entity_id uuid, p_estate_of_persona_id uuid, p_effective_on date, p_primary jsonb, p_contingent jsonb) RETURNS void
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $_$
declare
  v_tenant_id uuid := app.current_tenant_id();
  v_level record;
  v_item record;
  v_total numeric;
begin
  if p_effective_on is null or p_effective_on < date '1900-01-01' or p_effective_on > current_date + 366 then
    perform app.fail('PT400', 'invalid_effective_date', 'the effective date must be between 1900-01-01 and a year from today');
  end if;
  -- The shape of both levels before anything is looked up: arrays of at most 20 known objects.
  for v_level in select * from (values ('primary', coalesce(p_primary, '[]')), ('contingent', coalesce(p_contingent, '[]'))) l(level, items) loop
    if pg_catalog.jsonb_typeof(v_level.items) <> 'array' or pg_catalog.jsonb_array_length(v_level.items) > 20
       or exists (select 1 from pg_catalog.jsonb_array_elements(v_level.items) x
                   where pg_catalog.jsonb_typeof(x) <> 'object'
                      or (x - 'kind' - 'personaId' - 'entityId' - 'percentage' - 'distribution') <> '{}'::jsonb
                      or (x ->> 'kind') is null or (x ->> 'kind') not in ('persona', 'entity', 'estate')
                      or ((x ->> 'kind') = 'persona') <> (x ? 'personaId') or ((x ->> 'kind') = 'entity') <> (x ? 'entityId')
                      or (x ? 'distribution' and (x ->> 'kind') <> 'persona')
                      -- An estate's residuary goes to people and entities, not to an estate again.
                      or ((x ->> 'kind') = 'estate' and p_estate_of_persona_id is not null)
                      or coalesce(x ->> 'distribution', 'per_stirpes') not in ('per_stirpes', 'per_capita')
                      or coalesce(x ->> 'personaId', x ->> 'entityId', '00000000-0000-0000-0000-000000000000')
                           !~ '^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$'
                      or case when pg_catalog.jsonb_typeof(x -> 'percentage') = 'string'
                                   and (x ->> 'percentage') ~ '^(100(\.0{1,4})?|[0-9]{1,2}(\.[0-9]{1,4})?)$'
                              then (x ->> 'percentage')::numeric = 0 else true end) then
      perform app.fail('PT400', 'invalid_beneficiaries', pg_catalog.format(
        '%s: at most 20 of {kind: persona|entity|estate, personaId or entityId, percentage as a decimal string above 0 and at most 100 with up to 4 places, distribution per_stirpes|per_capita for a persona}',
        v_level.level));
    end if;
    if (select pg_catalog.count(*) <> pg_catalog.count(distinct (x ->> 'kind', coalesce(x ->> 'personaId', x ->> 'entityId')))
          from pg_catalog.jsonb_array_elements(v_level.items) x) then
      perform app.fail('PT400', 'invalid_beneficiaries', pg_catalog.format('%s: each beneficiary at most once', v_level.level));
    end if;
    select sum((x ->> 'percentage')::numeric) into v_total from pg_catalog.jsonb_array_elements(v_level.items) x;
    if v_total is not null and v_total <> 100 then
      perform app.fail('PT422', 'beneficiary_total_not_100', pg_catalog.format('the %s beneficiaries total %s%%, not 100%%', v_level.level, v_total));
    end if;
  end loop;
  if pg_catalog.jsonb_array_length(coalesce(p_primary, '[]')) = 0 and pg_catalog.jsonb_array_length(coalesce(p_contingent, '[]')) > 0 then
    perform app.fail('PT400', 'invalid_beneficiaries', 'contingent beneficiaries need primary ones');
  end if;
  -- Everyone named must be someone the caller may name: a persona they act for or share a
  -- circle with, an entity they control (and an entity never inherits from itself).
  for v_item in select x ->> 'kind' as kind, (x ->> 'personaId')::uuid as persona_id, (x ->> 'entityId')::uuid as entity_id
                  from pg_catalog.jsonb_array_elements(coalesce(p_primary, '[]') || coalesce(p_contingent, '[]')) x loop
    if v_item.kind = 'persona' and not app.user_can_reference_persona(p_user_id, v_item.persona_id) then
      perform app.fail('PT404', 'persona_not_found', 'persona not found');
    end if;
    if v_item.kind = 'entity' then
      perform app.require_entity_access(p_user_id, v_item.entity_id);
      if v_item.entity_id = p_entity_id then
        perform app.fail('PT400', 'invalid_beneficiaries', 'an entity is not its own beneficiary');
      end if;
    end if;
  end loop;
  delete from app.beneficiary_designations d
   where d.tenant_id = v_tenant_id and d.asset_id is not distinct from p_asset_id and d.entity_id is not distinct from p_entity_id
     and d.estate_of_persona_id is not distinct from p_estate_of_persona_id;
  insert into app.beneficiary_designations (tenant_id, asset_id, entity_id, estate_of_persona_id, level, beneficiary_kind,
                                            beneficiary_persona_id, beneficiary_entity_id, percentage, distribution, effective_on,
                                            created_by_user_id)
  select v_tenant_id, p_asset_id, p_entity_id, p_estate_of_persona_id, l.level, x ->> 'kind', (x ->> 'personaId')::uuid, (x ->> 'entityId')::uuid,
         (x ->> 'percentage')::numeric, case when x ->> 'kind' = 'persona' then coalesce(x ->> 'distribution', 'per_stirpes') end,
         p_effective_on, p_user_id
    from (values ('primary', coalesce(p_primary, '[]')), ('contingent', coalesce(p_contingent, '[]'))) l(level, items)
   cross join lateral pg_catalog.jsonb_array_elements(l.items) x;
end
$_$;

ALTER FUNCTION app.replace_beneficiaries(p_user_id uuid, p_asset_id uuid, p_entity_id uuid, p_estate_of_persona_id uuid, p_effective_on date, p_primary jsonb, p_contingent jsonb) OWNER TO estate_owner;

--
-- Name: FUNCTION replace_beneficiaries(p_user_id uuid, p_asset_id uuid, p_entity_id uuid, p_estate_of_persona_id uuid, p_effective_on date, p_primary jsonb, p_contingent jsonb); Type: COMMENT; Schema: app; Owner: estate_owner
--

COMMENT ON FUNCTION app.replace_beneficiaries(p_user_id uuid, p_asset_id uuid, p_entity_id uuid, p_estate_of_persona_id uuid, p_effective_on date, p_primary jsonb, p_contingent jsonb) IS 'Replaces the whole designation of an asset, entity or estate (both levels at once; each empty or exactly 100%), after checking its shape and everyone named.';

--
-- Name: replace_entity_roles(uuid, uuid, text, jsonb); Type: FUNCTION; Schema: app; Owner: estate_owner
--

CREATE FUNCTION app.replace_entity_roles(p_user_id uuid, p_entity_id uuid, p_kind text, p_roles jsonb) RETURNS void
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $_$
declare
  v_tenant_id uuid := app.current_tenant_id();
  v_role record;
  v_trust boolean := p_kind in ('revocable_trust', 'irrevocable_trust');
begin
  -- The shape first, before any persona is looked at: an array of 1 to 20 {personaId, role}.
  if p_roles is null or pg_catalog.jsonb_typeof(p_roles) <> 'array' or pg_catalog.jsonb_array_length(p_roles) not between 1 and 20
     or exists (select 1 from pg_catalog.jsonb_array_elements(p_roles) x
                 where pg_catalog.jsonb_typeof(x) <> 'object' or (x - 'personaId' - 'role') <> '{}'::jsonb
                    or pg_catalog.jsonb_typeof(x -> 'personaId') is distinct from 'string'
                    or (x ->> 'personaId') !~ '^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$'
                    or (x ->> 'role') is null
                    or (x ->> 'role') not in (case when v_trust then 'grantor' else 'manager' end, case when v_trust then 'trustee' else 'manager' end)) then
    perform app.fail('PT400', 'invalid_entity_roles', case when v_trust
      then 'roles: 1 to 20 of {personaId, role}, role grantor or trustee'
      else 'roles: 1 to 20 of {personaId, role}, role manager' end);
  end if;
  if v_trust and not (p_roles @> '[{"role": "grantor"}]' and p_roles @> '[{"role": "trustee"}]') then
    perform app.fail('PT400', 'invalid_entity_roles', 'a trust needs at least one grantor and one trustee');
  end if;
  for v_role in select distinct (x ->> 'personaId')::uuid as persona_id from pg_catalog.jsonb_array_elements(p_roles) x loop
    if not app.user_can_reference_persona(p_user_id, v_role.persona_id) then
      perform app.fail('PT404', 'persona_not_found', 'persona not found');
    end if;
  end loop;
  -- Whoever sets the roles stays among those who control the entity: nobody locks themselves out.
  if not exists (select 1 from pg_catalog.jsonb_array_elements(p_roles) x
                  where (x ->> 'personaId')::uuid in (select app.acting_persona_ids(p_user_id))) then
    perform app.fail('PT400', 'entity_controller_required', 'name a persona you act for as a grantor, trustee or manager');
  end if;
  -- A change never takes control from another: a grantor's role stays whoever changes the roles,
  -- anyone else's role too unless a grantor changes them (a grantor appoints and removes trustees),
  -- and only a grantor's own people name a new grantor (a co-trustee cannot make the trust theirs,
  -- and with it the owner's rights over what it holds).
  if exists (select 1 from app.legal_entity_roles r
              where r.tenant_id = v_tenant_id and r.entity_id = p_entity_id
                and r.persona_id not in (select app.acting_persona_ids(p_user_id))
                and (r.role = 'grantor'
                     or not exists (select 1 from app.legal_entity_roles g
                                     where g.tenant_id = v_tenant_id and g.entity_id = p_entity_id and g.role = 'grantor'
                                       and g.persona_id in (select app.acting_persona_ids(p_user_id))))
                and not exists (select 1 from pg_catalog.jsonb_array_elements(p_roles) x
                                 where (x ->> 'personaId')::uuid = r.persona_id and x ->> 'role' = r.role)) then
    perform app.fail('PT403', 'entity_roles_of_others', 'you may not remove a role held by someone you do not act for');
  end if;
  if exists (select 1 from app.legal_entity_roles r where r.tenant_id = v_tenant_id and r.entity_id = p_entity_id)
     and exists (select 1 from pg_catalog.jsonb_array_elements(p_roles) x
                  where x ->> 'role' = 'grantor'
                    and not exists (select 1 from app.legal_entity_roles r
                                     where r.tenant_id = v_tenant_id and r.entity_id = p_entity_id
                                       and r.role = 'grantor' and r.persona_id = (x ->> 'personaId')::uuid))
     and not exists (select 1 from app.legal_entity_roles r
                      where r.tenant_id = v_tenant_id and r.entity_id = p_entity_id and r.role = 'grantor'
                        and r.persona_id in (select app.acting_persona_ids(p_user_id))) then
    perform app.fail('PT403', 'entity_roles_of_others', 'only a grantor may name another grantor');
  end if;
  delete from app.legal_entity_roles r where r.tenant_id = v_tenant_id and r.entity_id = p_entity_id;
  insert into app.legal_entity_roles (tenant_id, entity_id, persona_id, role)
  select distinct v_tenant_id, p_entity_id, (x ->> 'personaId')::uuid, x ->> 'role' from pg_catalog.jsonb_array_elements(p_roles) x;
end
$_$;

ALTER FUNCTION app.replace_entity_roles(p_user_id uuid, p_entity_id uuid, p_kind text, p_roles jsonb) OWNER TO estate_owner;

--
-- Name: FUNCTION replace_entity_roles(p_user_id uuid, p_entity_id uuid, p_kind text, p_roles jsonb); Type: COMMENT; Schema: app; Owner: estate_owner
--

COMMENT ON FUNCTION app.replace_entity_roles(p_user_id uuid, p_entity_id uuid, p_kind text, p_roles jsonb) IS 'Replaces who controls an entity: grantors and trustees of a trust, managers of any other entity; personas the caller may name, one of them acted for by the caller.';

--
-- Name: require_active_tenant(); Type: FUNCTION; Schema: app; Owner: estate_owner
--

CREATE FUNCTION app.require_active_tenant() RETURNS uuid
    LANGUAGE plpgsql STABLE SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
declare
  v_tenant_id uuid := app.current_tenant_id();
begin
  if not exists (select 1 from app.tenants t where t.tenant_id = v_tenant_id and t.status = 'active') then
    perform app.fail('PT403', 'tenant_inactive', 'this tenant is not active');
  end if;
  return v_tenant_id;
end
$$;

ALTER FUNCTION app.require_active_tenant() OWNER TO estate_owner;

--
-- Name: FUNCTION require_active_tenant(); Type: COMMENT; Schema: app; Owner: estate_owner
--

COMMENT ON FUNCTION app.require_active_tenant() IS 'The current tenant, after checking that it exists and is active.';

--
-- Name: require_asset_access(uuid, uuid, text); Type: FUNCTION; Schema: app; Owner: estate_owner
--

CREATE FUNCTION app.require_asset_access(p_user_id uuid, p_asset_id uuid, p_need text) RETURNS text
    LANGUAGE plpgsql STABLE SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
declare
  v_access text := app.asset_access(p_user_id, p_asset_id);
begin
  if v_access is null then
    perform app.fail('PT404', 'asset_not_found', 'asset not found');
  end if;
  if p_need = 'edit' and v_access = 'view' then
    perform app.fail('PT403', 'asset_read_only', 'you may view this asset but not change it');
  end if;
  if p_need = 'owner' and v_access <> 'owner' then
    perform app.fail('PT403', 'asset_owner_only', 'only an owner of this asset may do this');
  end if;
  return v_access;
end
$$;

ALTER FUNCTION app.require_asset_access(p_user_id uuid, p_asset_id uuid, p_need text) OWNER TO estate_owner;

--
-- Name: FUNCTION require_asset_access(p_user_id uuid, p_asset_id uuid, p_need text); Type: COMMENT; Schema: app; Owner: estate_owner
--

COMMENT ON FUNCTION app.require_asset_access(p_user_id uuid, p_asset_id uuid, p_need text) IS 'Raises asset_not_found without any access, asset_read_only / asset_owner_only when short of p_need.';

--
-- Name: require_email_free(uuid, text, uuid); Type: FUNCTION; Schema: app; Owner: estate_owner
--

CREATE FUNCTION app.require_email_free(p_tenant_id uuid, p_email text, p_user_id uuid) RETURNS void
    LANGUAGE plpgsql STABLE SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
begin
  -- Only verified emails count: an address someone merely typed (before 0011) blocks nobody.
  if exists (select 1 from app.users u where u.tenant_id = p_tenant_id and pg_catalog.lower(u.email) = p_email
                and u.email_verified_at is not null and u.id is distinct from p_user_id) then
    perform app.fail('PT409', 'email_already_registered', 'another user of this tenant has verified this email');
  end if;
end
$$;

ALTER FUNCTION app.require_email_free(p_tenant_id uuid, p_email text, p_user_id uuid) OWNER TO estate_owner;

--
-- Name: FUNCTION require_email_free(p_tenant_id uuid, p_email text, p_user_id uuid); Type: COMMENT; Schema: app; Owner: estate_owner
--

COMMENT ON FUNCTION app.require_email_free(p_tenant_id uuid, p_email text, p_user_id uuid) IS 'Raises email_already_registered when another user of the tenant holds this verified email.';

--
-- Name: require_entity_access(uuid, uuid); Type: FUNCTION; Schema: app; Owner: estate_owner
--

CREATE FUNCTION app.require_entity_access(p_user_id uuid, p_entity_id uuid) RETURNS void
    LANGUAGE plpgsql STABLE SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
begin
  -- Another tenant's entity, an unknown id and one the caller does not control: the same answer.
  if p_entity_id is null or not exists (select 1 from app.controlled_entity_ids(p_user_id) e where e = p_entity_id) then
    perform app.fail('PT404', 'entity_not_found', 'entity not found');
  end if;
end
$$;

ALTER FUNCTION app.require_entity_access(p_user_id uuid, p_entity_id uuid) OWNER TO estate_owner;

--
-- Name: FUNCTION require_entity_access(p_user_id uuid, p_entity_id uuid); Type: COMMENT; Schema: app; Owner: estate_owner
--

COMMENT ON FUNCTION app.require_entity_access(p_user_id uuid, p_entity_id uuid) IS 'Raises entity_not_found unless the user controls the entity (acts for a grantor, trustee or manager).';

--
-- Name: require_ffc_role(uuid, uuid, text); Type: FUNCTION; Schema: app; Owner: estate_owner
--

CREATE FUNCTION app.require_ffc_role(p_user_id uuid, p_ffc_id uuid, p_min_role text) RETURNS text
    LANGUAGE plpgsql STABLE SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
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

ALTER FUNCTION app.require_ffc_role(p_user_id uuid, p_ffc_id uuid, p_min_role text) OWNER TO estate_owner;

--
-- Name: FUNCTION require_ffc_role(p_user_id uuid, p_ffc_id uuid, p_min_role text); Type: COMMENT; Schema: app; Owner: estate_owner
--

COMMENT ON FUNCTION app.require_ffc_role(p_user_id uuid, p_ffc_id uuid, p_min_role text) IS 'The user''s role in the circle; ffc_not_found when not a member, ffc_permission_denied when below p_min_role.';

--
-- Name: require_operator(); Type: FUNCTION; Schema: app; Owner: estate_owner
--

CREATE FUNCTION app.require_operator() RETURNS void
    LANGUAGE plpgsql STABLE
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
begin
  perform app.require_support_session();
  -- Staff pools, clients and members are managed with the operators' login (the operator CLI),
  -- never through the staff's own door: a staff member cannot add or unsuspend staff, and whoever
  -- holds the door's credential cannot either, whatever name they set.
  if session_user <> 'estate_operator' or app.is_staff_door_actor() then
    perform app.fail('PT403', 'operator_only', 'only an operator (the operator CLI) may manage support staff');
  end if;
end
$$;

ALTER FUNCTION app.require_operator() OWNER TO estate_owner;

--
-- Name: FUNCTION require_operator(); Type: COMMENT; Schema: app; Owner: estate_owner
--

COMMENT ON FUNCTION app.require_operator() IS 'Raises unless the support session is an operator''s (the CLI, logged in as estate_operator), not the door''s.';

--
-- Name: require_own_data_request(uuid, uuid); Type: FUNCTION; Schema: app; Owner: estate_owner
--

CREATE FUNCTION app.require_own_data_request(p_user_id uuid, p_request_id uuid) RETURNS void
    LANGUAGE plpgsql STABLE SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
begin
  -- Another user's, another tenant's and a made-up id: the same answer.
  if p_request_id is null or not exists (select 1 from app.data_subject_requests r
                                          where r.tenant_id = app.current_tenant_id() and r.id = p_request_id
                                            and r.user_id = p_user_id) then
    perform app.fail('PT404', 'data_request_not_found', 'data request not found');
  end if;
end
$$;

ALTER FUNCTION app.require_own_data_request(p_user_id uuid, p_request_id uuid) OWNER TO estate_owner;

--
-- Name: FUNCTION require_own_data_request(p_user_id uuid, p_request_id uuid); Type: COMMENT; Schema: app; Owner: estate_owner
--

COMMENT ON FUNCTION app.require_own_data_request(p_user_id uuid, p_request_id uuid) IS 'Raises data_request_not_found unless the request is the user''s.';

--
-- Name: require_persona_access(uuid, uuid); Type: FUNCTION; Schema: app; Owner: estate_owner
--

CREATE FUNCTION app.require_persona_access(p_user_id uuid, p_persona_id uuid) RETURNS void
    LANGUAGE plpgsql STABLE SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
begin
  -- Same answer for "another tenant's id", "no such id" and "not yours": nothing leaks.
  if p_persona_id is null or not exists (select 1 from app.acting_persona_ids(p_user_id) a where a = p_persona_id) then
    perform app.fail('PT404', 'persona_not_found', 'persona not found');
  end if;
end
$$;

ALTER FUNCTION app.require_persona_access(p_user_id uuid, p_persona_id uuid) OWNER TO estate_owner;

--
-- Name: FUNCTION require_persona_access(p_user_id uuid, p_persona_id uuid); Type: COMMENT; Schema: app; Owner: estate_owner
--

COMMENT ON FUNCTION app.require_persona_access(p_user_id uuid, p_persona_id uuid) IS 'Raises persona_not_found unless the user may act for the persona.';

--
-- Name: require_plan(text); Type: FUNCTION; Schema: app; Owner: estate_owner
--

CREATE FUNCTION app.require_plan(p_code text) RETURNS uuid
    LANGUAGE plpgsql STABLE SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
declare
  v_plan_id uuid;
begin
  select p.plan_id into v_plan_id from app.tenant_plans(app.current_tenant_id()) p
   where p.code = p_code and p.is_available;
  if v_plan_id is null then
    perform app.fail('PT404', 'plan_not_found', 'no such plan is offered');
  end if;
  return v_plan_id;
end
$$;

ALTER FUNCTION app.require_plan(p_code text) OWNER TO estate_owner;

--
-- Name: FUNCTION require_plan(p_code text); Type: COMMENT; Schema: app; Owner: estate_owner
--

COMMENT ON FUNCTION app.require_plan(p_code text) IS 'The plan with this code if the tenant offers it; plan_not_found otherwise.';

--
-- Name: require_staff_member(); Type: FUNCTION; Schema: app; Owner: estate_owner
--

CREATE FUNCTION app.require_staff_member() RETURNS text
    LANGUAGE plpgsql STABLE
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
begin
  perform app.require_support_session();
  -- An operator's name is whatever the CLI was told, and the operators' login can never name a
  -- staff member (app.require_support_session): access to a user's data is asked for, held and
  -- approved only by staff members signed in through the door (its own login, estate_support).
  if not app.is_staff_door_actor() then
    perform app.fail('PT403', 'staff_member_only', 'only a staff member signed in through the support door may do this');
  end if;
  return app.current_actor_id();
end
$$;

ALTER FUNCTION app.require_staff_member() OWNER TO estate_owner;

--
-- Name: FUNCTION require_staff_member(); Type: COMMENT; Schema: app; Owner: estate_owner
--

COMMENT ON FUNCTION app.require_staff_member() IS 'Raises unless the support session is a registered, active staff member of the door (not an operator); returns their actor name.';

--
-- Name: require_support_access(uuid, uuid); Type: FUNCTION; Schema: app; Owner: estate_owner
--

CREATE FUNCTION app.require_support_access(p_tenant_id uuid, p_user_id uuid) RETURNS TABLE(request_id uuid, expires_at timestamp with time zone)
    LANGUAGE plpgsql
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
#variable_conflict use_column
declare
  v_id uuid;
  v_expires_at timestamptz;
begin
  -- Only the staff member who asked, only that user, only approved and before it expires. A random
  -- id, another tenant's user and an ungranted user all have no such grant: one answer.
  select r.id, r.expires_at into v_id, v_expires_at
    from app.support_access_requests r
   where r.tenant_id = p_tenant_id and r.user_id = p_user_id and r.staff_actor = app.current_actor_id()
     and r.status = 'approved' and r.expires_at > pg_catalog.now()
   order by r.expires_at desc limit 1
   for update;
  if v_id is null then
    -- The refusal rolls back everything: the server's log keeps the probe (ids only, no PII).
    raise log 'SUPPORT ACCESS refused: tenant %, user %, by %, no current approved access',
      p_tenant_id, p_user_id, app.current_actor_id();
    perform app.fail('PT403', 'support_access_required',
      'this needs an access to the user''s data that the user (or a second staff member, break-glass) approved, current and yours');
  end if;
  update app.support_access_requests r set view_count = r.view_count + 1, last_viewed_at = pg_catalog.now()
   where r.tenant_id = p_tenant_id and r.id = v_id;
  return query select v_id, v_expires_at;
end
$$;

ALTER FUNCTION app.require_support_access(p_tenant_id uuid, p_user_id uuid) OWNER TO estate_owner;

--
-- Name: FUNCTION require_support_access(p_tenant_id uuid, p_user_id uuid); Type: COMMENT; Schema: app; Owner: estate_owner
--

COMMENT ON FUNCTION app.require_support_access(p_tenant_id uuid, p_user_id uuid) IS 'Raises support_access_required unless the calling staff member holds a current approved access to the user; counts the look.';

--
-- Name: require_support_session(); Type: FUNCTION; Schema: app; Owner: estate_owner
--

CREATE FUNCTION app.require_support_session() RETURNS void
    LANGUAGE plpgsql STABLE
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
declare
  v_status text;
begin
  if not app.is_support_session() then
    perform app.fail('42501', 'support_context_missing', 'only a support session named in the context may do this');
  end if;
  -- Two logins, told apart by session_user (set_config cannot change it). The operators' login
  -- (estate_operator, the operator CLI) names operators and never a staff member of the door: an
  -- operator cannot pass as staff member B by naming B's subject.
  if session_user = 'estate_operator' then
    if app.current_actor_id() like 'cognito:%' then
      perform app.fail('PT403', 'staff_member_only', 'only a staff member signed in through the support door may act as one');
    end if;
    return;
  end if;
  -- The door's login (estate_support) acts only as a staff member signed in through a staff pool
  -- (cognito:<sub>), registered and active, checked in this transaction: a suspension holds from
  -- the next request. The subject counts only in the pool that issued the token (app.actor_issuer,
  -- set by the door from the verified token): another pool's subject of the same name is no one.
  if app.current_actor_id() not like 'cognito:%' then
    perform app.fail('PT403', 'operator_only', 'only an operator (the operator CLI) may act without a staff identity');
  end if;
  select s.status into v_status
    from app.support_staff s join app.support_identity_providers p on p.id = s.provider_id
   where s.cognito_sub = pg_catalog.substr(app.current_actor_id(), 9)
     and p.issuer = pg_catalog.current_setting('app.actor_issuer', true);
  if v_status is null then
    perform app.fail('PT403', 'staff_not_registered', 'this identity is not a registered staff member');
  end if;
  if v_status <> 'active' then
    perform app.fail('PT403', 'staff_inactive', 'this staff member is suspended');
  end if;
end
$$;

ALTER FUNCTION app.require_support_session() OWNER TO estate_owner;

--
-- Name: FUNCTION require_support_session(); Type: COMMENT; Schema: app; Owner: estate_owner
--

COMMENT ON FUNCTION app.require_support_session() IS 'Raises unless support are named in the context: through the door''s login (estate_support) only a registered, active staff member (cognito:<sub> of the issuing pool, app.actor_issuer); through the operators'' login (estate_operator) only operators, never a staff member''s name.';

--
-- Name: require_tenant_user(uuid); Type: FUNCTION; Schema: app; Owner: estate_owner
--

CREATE FUNCTION app.require_tenant_user(p_user_id uuid) RETURNS uuid
    LANGUAGE plpgsql STABLE SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
begin
  if p_user_id is null or not exists (select 1 from app.users u
                                       where u.tenant_id = app.current_tenant_id() and u.id = p_user_id) then
    perform app.fail('PT404', 'user_not_found', 'user not found');
  end if;
  return p_user_id;
end
$$;

ALTER FUNCTION app.require_tenant_user(p_user_id uuid) OWNER TO estate_owner;

--
-- Name: FUNCTION require_tenant_user(p_user_id uuid); Type: COMMENT; Schema: app; Owner: estate_owner
--

COMMENT ON FUNCTION app.require_tenant_user(p_user_id uuid) IS 'Raises user_not_found unless the user belongs to the tenant of the context.';

--
-- Name: require_text(text, text, integer); Type: FUNCTION; Schema: app; Owner: estate_owner
--

CREATE FUNCTION app.require_text(p_value text, p_code text, p_max_length integer) RETURNS text
    LANGUAGE plpgsql STABLE
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
declare
  v_value text := pg_catalog.btrim(p_value);
begin
  if v_value is null or v_value = '' or pg_catalog.length(v_value) > p_max_length then
    -- The field as the API names it (invalid_first_name: firstName), never the column.
    perform app.fail('PT400', p_code, pg_catalog.format('%s must be 1 to %s characters', app.camel_case(pg_catalog.replace(p_code, 'invalid_', '')), p_max_length));
  end if;
  return v_value;
end
$$;

ALTER FUNCTION app.require_text(p_value text, p_code text, p_max_length integer) OWNER TO estate_owner;

--
-- Name: FUNCTION require_text(p_value text, p_code text, p_max_length integer); Type: COMMENT; Schema: app; Owner: estate_owner
--

COMMENT ON FUNCTION app.require_text(p_value text, p_code text, p_max_length integer) IS 'Trims a required text input and checks its length, raising PT400 with the given code.';

--
-- Name: require_token_mfa(uuid); Type: FUNCTION; Schema: app; Owner: estate_owner
--

CREATE FUNCTION app.require_token_mfa(p_tenant_id uuid) RETURNS void
    LANGUAGE plpgsql STABLE SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
declare
  v_required boolean;
  v_factors text[];
begin
  select p.mfa_required, p.mfa_factors into v_required, v_factors
    from app.tenant_security_policies p where p.tenant_id = p_tenant_id;
  if coalesce(v_required, false) and not app.token_has_mfa(v_factors) then
    perform app.fail('PT403', 'mfa_required', 'this tenant requires multi-factor authentication: sign in again with MFA');
  end if;
end
$$;

ALTER FUNCTION app.require_token_mfa(p_tenant_id uuid) OWNER TO estate_owner;

--
-- Name: FUNCTION require_token_mfa(p_tenant_id uuid); Type: COMMENT; Schema: app; Owner: estate_owner
--

COMMENT ON FUNCTION app.require_token_mfa(p_tenant_id uuid) IS 'Raises mfa_required when the tenant''s policy requires MFA and this transaction''s token was not obtained with an allowed factor.';

--
-- Name: route_stripe_event(text, jsonb, timestamp with time zone); Type: FUNCTION; Schema: app; Owner: estate_owner
--

CREATE FUNCTION app.route_stripe_event(p_type text, p_object jsonb, p_created timestamp with time zone) RETURNS uuid
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
declare
  -- Our checkout reference leads only subscription events (the ones that may link a subscription).
  v_keys text[] := pg_catalog.array_remove(array[
    p_object ->> 'id',
    case when p_type like 'customer.subscription.%' then app.stripe_ref(p_object -> 'metadata')::text end,
    app.stripe_id(p_object -> 'customer'),
    app.stripe_id(p_object -> 'parent' -> 'subscription_details' -> 'subscription'),
    app.stripe_id(p_object -> 'subscription'),
    app.stripe_id(p_object -> 'payment_intent'),
    app.stripe_id(p_object -> 'invoice'),
    app.stripe_id(p_object -> 'payment' -> 'payment_intent')], null);
  v_tenants uuid[];
begin
  select pg_catalog.array_agg(distinct r.tenant_id) into v_tenants from app.stripe_routes r where r.routing_key = any (v_keys);
  if v_tenants is null then
    perform app.stripe_not_yet(p_created);
    return null;
  end if;
  if pg_catalog.cardinality(v_tenants) > 1 then
    perform app.fail('PT409', 'stripe_route_conflict', 'the event names objects of more than one tenant');
  end if;
  return v_tenants[1];
end
$$;

ALTER FUNCTION app.route_stripe_event(p_type text, p_object jsonb, p_created timestamp with time zone) OWNER TO estate_owner;

--
-- Name: FUNCTION route_stripe_event(p_type text, p_object jsonb, p_created timestamp with time zone); Type: COMMENT; Schema: app; Owner: estate_owner
--

COMMENT ON FUNCTION app.route_stripe_event(p_type text, p_object jsonb, p_created timestamp with time zone) IS 'The one tenant a Stripe event''s object belongs to, from the ids it names; NULL (past Stripe''s retries) or 503 (within them) when none, 409 when several.';

--
-- Name: security_question_lock(uuid); Type: FUNCTION; Schema: app; Owner: estate_owner
--

CREATE FUNCTION app.security_question_lock(p_user_id uuid, OUT failures integer, OUT locked_until timestamp with time zone) RETURNS record
    LANGUAGE sql STABLE
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
  -- Failures (and attempts still pending) of the last 15 minutes since the last success; five lock
  -- the questions until the oldest of the last five leaves the window.
  with recent as (
    select a.attempted_at from app.security_question_attempts a
     where a.tenant_id = (select app.current_tenant_id()) and a.user_id = p_user_id
       and a.outcome <> 'succeeded'
       and a.attempted_at > pg_catalog.now() - interval '15 minutes'
       and a.attempted_at > coalesce((select pg_catalog.max(s.attempted_at) from app.security_question_attempts s
                                       where s.tenant_id = (select app.current_tenant_id()) and s.user_id = p_user_id
                                         and s.outcome = 'succeeded'), '-infinity')
     order by a.attempted_at desc
     limit 5)
  select pg_catalog.count(*)::integer,
         case when pg_catalog.count(*) >= 5 then pg_catalog.min(attempted_at) + interval '15 minutes' end
    from recent
$$;

ALTER FUNCTION app.security_question_lock(p_user_id uuid, OUT failures integer, OUT locked_until timestamp with time zone) OWNER TO estate_owner;

--
-- Name: FUNCTION security_question_lock(p_user_id uuid, OUT failures integer, OUT locked_until timestamp with time zone); Type: COMMENT; Schema: app; Owner: estate_owner
--

COMMENT ON FUNCTION app.security_question_lock(p_user_id uuid, OUT failures integer, OUT locked_until timestamp with time zone) IS 'A user''s failed security-question attempts in the current 15-minute window (at most 5 counted) and, at 5, until when they are locked.';

--
-- Name: self_persona_id(uuid); Type: FUNCTION; Schema: app; Owner: estate_owner
--

CREATE FUNCTION app.self_persona_id(p_user_id uuid) RETURNS uuid
    LANGUAGE plpgsql STABLE SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
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

ALTER FUNCTION app.self_persona_id(p_user_id uuid) OWNER TO estate_owner;

--
-- Name: FUNCTION self_persona_id(p_user_id uuid); Type: COMMENT; Schema: app; Owner: estate_owner
--

COMMENT ON FUNCTION app.self_persona_id(p_user_id uuid) IS 'The persona that is the user; circle membership is held through it.';

--
-- Name: set_subscription_status_from_payment(uuid, timestamp with time zone, boolean); Type: FUNCTION; Schema: app; Owner: estate_owner
--

CREATE FUNCTION app.set_subscription_status_from_payment(p_subscription_id uuid, p_created timestamp with time zone, p_succeeded boolean) RETURNS void
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
begin
  -- Past due after a failed payment of one of its invoices, active again after a successful one;
  -- never over a newer status.
  update app.subscriptions s
     set status = case when p_succeeded then 'active' else 'past_due' end, status_synced_at = p_created
   where s.tenant_id = app.current_tenant_id() and s.id = p_subscription_id and s.ended_at is null
     and (s.status_synced_at is null or p_created > s.status_synced_at)
     and ((p_succeeded and s.status in ('incomplete', 'past_due', 'unpaid'))
          or (not p_succeeded and s.status in ('active', 'trialing')));
end
$$;

ALTER FUNCTION app.set_subscription_status_from_payment(p_subscription_id uuid, p_created timestamp with time zone, p_succeeded boolean) OWNER TO estate_owner;

--
-- Name: FUNCTION set_subscription_status_from_payment(p_subscription_id uuid, p_created timestamp with time zone, p_succeeded boolean); Type: COMMENT; Schema: app; Owner: estate_owner
--

COMMENT ON FUNCTION app.set_subscription_status_from_payment(p_subscription_id uuid, p_created timestamp with time zone, p_succeeded boolean) IS 'Moves a live paid subscription to past_due after a failed invoice payment and back to active after a successful one.';

--
-- Name: snake_case(text); Type: FUNCTION; Schema: app; Owner: estate_owner
--

CREATE FUNCTION app.snake_case(p_key text) RETURNS text
    LANGUAGE sql IMMUTABLE
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$ select pg_catalog.lower(pg_catalog.regexp_replace(p_key, '([a-z0-9])([A-Z])', '\1_\2', 'g')) $$;

ALTER FUNCTION app.snake_case(p_key text) OWNER TO estate_owner;

--
-- Name: FUNCTION snake_case(p_key text); Type: COMMENT; Schema: app; Owner: estate_owner
--

COMMENT ON FUNCTION app.snake_case(p_key text) IS 'camelCase (the API''s) to snake_case (the columns'').';

--
-- Name: start_free_subscription(uuid, text, text); Type: FUNCTION; Schema: app; Owner: estate_owner
--

CREATE FUNCTION app.start_free_subscription(p_user_id uuid, p_source text, p_kind text DEFAULT 'assigned'::text) RETURNS uuid
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
declare
  v_tenant_id uuid := app.current_tenant_id();
  v_subscription_id uuid;
begin
  insert into app.subscriptions (tenant_id, user_id, plan_id, status)
  values (v_tenant_id, p_user_id, app.free_plan_id(), 'active')
  returning id into v_subscription_id;
  -- Every counter exists from the start, so a plan change can lock them all.
  insert into app.usage_records (tenant_id, user_id, metric, quantity)
  select v_tenant_id, p_user_id, m, 0 from pg_catalog.unnest(array['assets', 'ffcs', 'seats', 'storage_bytes']) m
  on conflict (tenant_id, user_id, metric) do nothing;
  perform app.record_plan_change(v_subscription_id, null, app.free_plan_id(), p_kind, p_source, p_user_id);
  return v_subscription_id;
end
$$;

ALTER FUNCTION app.start_free_subscription(p_user_id uuid, p_source text, p_kind text) OWNER TO estate_owner;

--
-- Name: FUNCTION start_free_subscription(p_user_id uuid, p_source text, p_kind text); Type: COMMENT; Schema: app; Owner: estate_owner
--

COMMENT ON FUNCTION app.start_free_subscription(p_user_id uuid, p_source text, p_kind text) IS 'Gives a user a new live subscription on the free plan.';

--
-- Name: stripe_amount(jsonb, text); Type: FUNCTION; Schema: app; Owner: estate_owner
--

CREATE FUNCTION app.stripe_amount(p_minor jsonb, p_currency text) RETURNS numeric
    LANGUAGE plpgsql IMMUTABLE
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $_$
declare
  v_exponent integer := app.currency_exponent(p_currency);
begin
  if pg_catalog.jsonb_typeof(p_minor) is distinct from 'number' or (p_minor #>> '{}') !~ '^[0-9]+$' then
    perform app.fail('PT400', 'invalid_stripe_event', 'a Stripe amount is a whole number of minor units');
  end if;
  -- Exact: the division by a power of ten is rounded back to the currency's own scale.
  return pg_catalog.round((p_minor #>> '{}')::numeric / (10::numeric ^ v_exponent), v_exponent);
end
$_$;

ALTER FUNCTION app.stripe_amount(p_minor jsonb, p_currency text) OWNER TO estate_owner;

--
-- Name: FUNCTION stripe_amount(p_minor jsonb, p_currency text); Type: COMMENT; Schema: app; Owner: estate_owner
--

COMMENT ON FUNCTION app.stripe_amount(p_minor jsonb, p_currency text) IS 'A Stripe amount in minor units as an exact decimal in the currency''s units.';

--
-- Name: stripe_currency(jsonb); Type: FUNCTION; Schema: app; Owner: estate_owner
--

CREATE FUNCTION app.stripe_currency(p_object jsonb) RETURNS text
    LANGUAGE plpgsql IMMUTABLE
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $_$
declare
  v_currency text := pg_catalog.upper(p_object ->> 'currency');
begin
  if coalesce(v_currency, '') !~ '^[A-Z]{3}$' then
    perform app.fail('PT400', 'invalid_stripe_event', 'a Stripe object with an amount has a currency');
  end if;
  return v_currency;
end
$_$;

ALTER FUNCTION app.stripe_currency(p_object jsonb) OWNER TO estate_owner;

--
-- Name: FUNCTION stripe_currency(p_object jsonb); Type: COMMENT; Schema: app; Owner: estate_owner
--

COMMENT ON FUNCTION app.stripe_currency(p_object jsonb) IS 'The ISO-4217 currency of a Stripe object (Stripe writes it in lower case).';

--
-- Name: stripe_event_for_storage(jsonb); Type: FUNCTION; Schema: app; Owner: estate_owner
--

CREATE FUNCTION app.stripe_event_for_storage(p_event jsonb) RETURNS jsonb
    LANGUAGE sql IMMUTABLE
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
  -- What the appliers read, and nothing of the customer's person (names, emails, addresses,
  -- billing details, invoice links): kept for inquiry (flattened: not a payload to replay).
  select pg_catalog.jsonb_build_object(
    'id', p_event -> 'id', 'object', p_event -> 'object', 'type', p_event -> 'type', 'created', p_event -> 'created',
    'livemode', p_event -> 'livemode', 'api_version', p_event -> 'api_version',
    'data', pg_catalog.jsonb_build_object('object', pg_catalog.jsonb_strip_nulls(pg_catalog.jsonb_build_object(
      'id', o -> 'id', 'object', o -> 'object', 'status', o -> 'status', 'customer', to_jsonb(app.stripe_id(o -> 'customer')),
      'currency', o -> 'currency', 'amount', o -> 'amount', 'amount_received', o -> 'amount_received',
      'amount_refunded', o -> 'amount_refunded', 'amount_due', o -> 'amount_due', 'amount_paid', o -> 'amount_paid',
      'amount_remaining', o -> 'amount_remaining', 'attempt_count', o -> 'attempt_count', 'billing_reason', o -> 'billing_reason',
      'number', o -> 'number', 'period_start', o -> 'period_start', 'period_end', o -> 'period_end',
      'status_transitions', o -> 'status_transitions', 'cancel_at_period_end', o -> 'cancel_at_period_end',
      'canceled_at', o -> 'canceled_at', 'ended_at', o -> 'ended_at', 'created', o -> 'created',
      'current_period_start', o -> 'current_period_start', 'current_period_end', o -> 'current_period_end',
      'items', (select pg_catalog.jsonb_agg(pg_catalog.jsonb_build_object(
                         'price', to_jsonb(app.stripe_id(i -> 'price')), 'current_period_start', i -> 'current_period_start',
                         'current_period_end', i -> 'current_period_end'))
                  from pg_catalog.jsonb_array_elements(case when pg_catalog.jsonb_typeof(o -> 'items' -> 'data') = 'array'
                                                            then o -> 'items' -> 'data' else '[]' end) i),
      'subscription', to_jsonb(coalesce(app.stripe_id(o -> 'parent' -> 'subscription_details' -> 'subscription'),
                                        app.stripe_id(o -> 'subscription'))),
      'estate_subscription_id', to_jsonb(coalesce(app.stripe_ref(o -> 'metadata'),
                                                  app.stripe_ref(o -> 'parent' -> 'subscription_details' -> 'metadata'))),
      'payment_intent', to_jsonb(coalesce(app.stripe_id(o -> 'payment_intent'), app.stripe_id(o -> 'payment' -> 'payment_intent'))),
      'invoice', to_jsonb(app.stripe_id(o -> 'invoice')), 'latest_charge', to_jsonb(app.stripe_id(o -> 'latest_charge')),
      'last_payment_error', case when o ? 'last_payment_error' and pg_catalog.jsonb_typeof(o -> 'last_payment_error') = 'object'
                                 then pg_catalog.jsonb_build_object('code', o -> 'last_payment_error' -> 'code',
                                                                    'decline_code', o -> 'last_payment_error' -> 'decline_code') end))))
    from (select p_event -> 'data' -> 'object' as o) x
$$;

ALTER FUNCTION app.stripe_event_for_storage(p_event jsonb) OWNER TO estate_owner;

--
-- Name: FUNCTION stripe_event_for_storage(p_event jsonb); Type: COMMENT; Schema: app; Owner: estate_owner
--

COMMENT ON FUNCTION app.stripe_event_for_storage(p_event jsonb) IS 'The part of a Stripe event kept in stripe_webhook_events: ids, kinds, times, statuses and amounts; no personal data.';

--
-- Name: stripe_id(jsonb); Type: FUNCTION; Schema: app; Owner: estate_owner
--

CREATE FUNCTION app.stripe_id(p_value jsonb) RETURNS text
    LANGUAGE sql IMMUTABLE
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
  -- A reference may be an id or, when expanded, the object itself.
  select case pg_catalog.jsonb_typeof(p_value) when 'string' then p_value #>> '{}' when 'object' then p_value ->> 'id' end
$$;

ALTER FUNCTION app.stripe_id(p_value jsonb) OWNER TO estate_owner;

--
-- Name: FUNCTION stripe_id(p_value jsonb); Type: COMMENT; Schema: app; Owner: estate_owner
--

COMMENT ON FUNCTION app.stripe_id(p_value jsonb) IS 'The id of a Stripe reference, whether given as an id or as the expanded object.';

--
-- Name: stripe_not_yet(timestamp with time zone); Type: FUNCTION; Schema: app; Owner: estate_owner
--

CREATE FUNCTION app.stripe_not_yet(p_created timestamp with time zone) RETURNS text
    LANGUAGE plpgsql
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
begin
  -- Stripe delivers (and retries) an event for up to three days: within them the parent's event
  -- is still coming (after an outage, a backlog may arrive children first); after them it is not.
  if p_created > pg_catalog.now() - interval '3 days' then
    perform app.fail('PT503', 'stripe_event_not_ready', 'the event names an object not recorded yet: Stripe will deliver it again');
  end if;
  return 'ignored';
end
$$;

ALTER FUNCTION app.stripe_not_yet(p_created timestamp with time zone) OWNER TO estate_owner;

--
-- Name: FUNCTION stripe_not_yet(p_created timestamp with time zone); Type: COMMENT; Schema: app; Owner: estate_owner
--

COMMENT ON FUNCTION app.stripe_not_yet(p_created timestamp with time zone) IS 'For an event whose parent is not recorded yet: 503 within Stripe''s three days of retries (it redelivers), else ignored.';

--
-- Name: stripe_price_plan(jsonb); Type: FUNCTION; Schema: app; Owner: estate_owner
--

CREATE FUNCTION app.stripe_price_plan(p_items jsonb) RETURNS uuid
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
  -- The first item whose price is one of the tenant's paid plans.
  select p.plan_id
    from pg_catalog.jsonb_array_elements(case when pg_catalog.jsonb_typeof(p_items) = 'array' then p_items else '[]' end)
         with ordinality as i(item, n)
    join app.tenant_plans(app.current_tenant_id()) p on p.stripe_price_id = app.stripe_id(i.item -> 'price')
   where p.plan_id <> app.free_plan_id()
   order by i.n
   limit 1
$$;

ALTER FUNCTION app.stripe_price_plan(p_items jsonb) OWNER TO estate_owner;

--
-- Name: FUNCTION stripe_price_plan(p_items jsonb); Type: COMMENT; Schema: app; Owner: estate_owner
--

COMMENT ON FUNCTION app.stripe_price_plan(p_items jsonb) IS 'The tenant''s paid plan a Stripe subscription''s items are priced at, if any.';

--
-- Name: stripe_ref(jsonb); Type: FUNCTION; Schema: app; Owner: estate_owner
--

CREATE FUNCTION app.stripe_ref(p_metadata jsonb) RETURNS uuid
    LANGUAGE sql IMMUTABLE
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $_$
  select case when p_metadata ->> 'estate_subscription_id' ~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$'
              then (p_metadata ->> 'estate_subscription_id')::uuid end
$_$;

ALTER FUNCTION app.stripe_ref(p_metadata jsonb) OWNER TO estate_owner;

--
-- Name: FUNCTION stripe_ref(p_metadata jsonb); Type: COMMENT; Schema: app; Owner: estate_owner
--

COMMENT ON FUNCTION app.stripe_ref(p_metadata jsonb) IS 'Our subscription id carried in Stripe metadata (estate_subscription_id), if well-formed.';

--
-- Name: stripe_status_rank(text); Type: FUNCTION; Schema: app; Owner: estate_owner
--

CREATE FUNCTION app.stripe_status_rank(p_status text) RETURNS integer
    LANGUAGE sql IMMUTABLE
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
  select case p_status
    when 'incomplete' then 0 when 'trialing' then 1 when 'active' then 2 when 'past_due' then 2
    when 'unpaid' then 3 when 'paused' then 3 when 'canceled' then 4 when 'incomplete_expired' then 4
    when 'draft' then 0 when 'open' then 1 when 'uncollectible' then 2 when 'paid' then 3 when 'void' then 3
    else -1 end
$$;

ALTER FUNCTION app.stripe_status_rank(p_status text) OWNER TO estate_owner;

--
-- Name: FUNCTION stripe_status_rank(p_status text); Type: COMMENT; Schema: app; Owner: estate_owner
--

COMMENT ON FUNCTION app.stripe_status_rank(p_status text) IS 'How far along a subscription or invoice status is; breaks ties between events of the same second.';

--
-- Name: stripe_time(jsonb); Type: FUNCTION; Schema: app; Owner: estate_owner
--

CREATE FUNCTION app.stripe_time(p_epoch jsonb) RETURNS timestamp with time zone
    LANGUAGE sql IMMUTABLE
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
  select case when pg_catalog.jsonb_typeof(p_epoch) = 'number' then pg_catalog.to_timestamp((p_epoch #>> '{}')::double precision) end
$$;

ALTER FUNCTION app.stripe_time(p_epoch jsonb) OWNER TO estate_owner;

--
-- Name: FUNCTION stripe_time(p_epoch jsonb); Type: COMMENT; Schema: app; Owner: estate_owner
--

COMMENT ON FUNCTION app.stripe_time(p_epoch jsonb) IS 'A Stripe timestamp (seconds since the epoch) as timestamptz; NULL when absent.';

--
-- Name: subscription_view(uuid); Type: FUNCTION; Schema: app; Owner: estate_owner
--

CREATE FUNCTION app.subscription_view(p_subscription_id uuid) RETURNS SETOF app.subscription_row
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
  select s.id, p.code, p.name, s.status,
         (select e.code from app.subscription_plans e where e.id = app.effective_plan_id(s.tenant_id, s.user_id)),
         (select q.code from app.subscription_plans q where q.id = s.pending_plan_id),
         p.price_amount, p.currency, p.billing_interval, s.cancel_at_period_end, s.current_period_start,
         s.current_period_end, s.canceled_at, s.ended_at, s.stripe_subscription_id is not null, s.created_at, s.updated_at
    from app.subscriptions s
    join app.tenant_plans(s.tenant_id) p on p.plan_id = s.plan_id
   where s.tenant_id = app.current_tenant_id() and s.id = p_subscription_id
$$;

ALTER FUNCTION app.subscription_view(p_subscription_id uuid) OWNER TO estate_owner;

--
-- Name: FUNCTION subscription_view(p_subscription_id uuid); Type: COMMENT; Schema: app; Owner: estate_owner
--

COMMENT ON FUNCTION app.subscription_view(p_subscription_id uuid) IS 'A subscription as the API shows it, with the plan whose limits apply now.';

--
-- Name: support_access_request_row(uuid, uuid); Type: FUNCTION; Schema: app; Owner: estate_owner
--

CREATE FUNCTION app.support_access_request_row(p_tenant_id uuid, p_request_id uuid) RETURNS TABLE(request_id uuid, user_id uuid, kind text, state text, reason text, ticket_ref text, minutes integer, requested_by text, requested_at timestamp with time zone, respond_by timestamp with time zone, decided_by text, decided_at timestamp with time zone, expires_at timestamp with time zone, ended_by text, ended_at timestamp with time zone, view_count integer, last_viewed_at timestamp with time zone)
    LANGUAGE sql STABLE
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
  select r.id, r.user_id, r.kind, app.support_access_state(r.status, r.respond_by, r.expires_at), r.reason,
         r.ticket_ref, r.minutes, r.staff_actor, r.requested_at, r.respond_by, r.decided_by, r.decided_at,
         r.expires_at, r.ended_by, r.ended_at, r.view_count, r.last_viewed_at
    from app.support_access_requests r
   where r.tenant_id = p_tenant_id and r.id = p_request_id
$$;

ALTER FUNCTION app.support_access_request_row(p_tenant_id uuid, p_request_id uuid) OWNER TO estate_owner;

--
-- Name: FUNCTION support_access_request_row(p_tenant_id uuid, p_request_id uuid); Type: COMMENT; Schema: app; Owner: estate_owner
--

COMMENT ON FUNCTION app.support_access_request_row(p_tenant_id uuid, p_request_id uuid) IS 'One support access request as staff see it (who asked, who decided).';

--
-- Name: support_access_state(text, timestamp with time zone, timestamp with time zone); Type: FUNCTION; Schema: app; Owner: estate_owner
--

CREATE FUNCTION app.support_access_state(p_status text, p_respond_by timestamp with time zone, p_expires_at timestamp with time zone) RETURNS text
    LANGUAGE sql STABLE
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
  select case when p_status = 'pending' and p_respond_by <= pg_catalog.now() then 'lapsed'
              when p_status = 'approved' and p_expires_at <= pg_catalog.now() then 'expired'
              when p_status = 'approved' then 'active'
              else p_status end
$$;

ALTER FUNCTION app.support_access_state(p_status text, p_respond_by timestamp with time zone, p_expires_at timestamp with time zone) OWNER TO estate_owner;

--
-- Name: FUNCTION support_access_state(p_status text, p_respond_by timestamp with time zone, p_expires_at timestamp with time zone); Type: COMMENT; Schema: app; Owner: estate_owner
--

COMMENT ON FUNCTION app.support_access_state(p_status text, p_respond_by timestamp with time zone, p_expires_at timestamp with time zone) IS 'A support access request''s state now: pending, lapsed (unanswered in time), active, expired, denied, revoked (by the user) or closed (by staff).';

--
-- Name: persona_link_invitations; Type: TABLE; Schema: app; Owner: estate_owner
--

CREATE TABLE app.persona_link_invitations (
    tenant_id uuid NOT NULL,
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    persona_id uuid NOT NULL,
    invited_user_id uuid NOT NULL,
    invited_by_user_id uuid NOT NULL,
    status text DEFAULT 'pending'::text NOT NULL,
    responded_at timestamp with time zone,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT persona_link_invitations_check CHECK (((status = 'pending'::text) = (responded_at IS NULL))),
    CONSTRAINT persona_link_invitations_check1 CHECK ((invited_user_id <> invited_by_user_id)),
    CONSTRAINT persona_link_invitations_status_check CHECK ((status = ANY (ARRAY['pending'::text, 'accepted'::text, 'declined'::text, 'revoked'::text])))
);

ALTER TABLE ONLY app.persona_link_invitations FORCE ROW LEVEL SECURITY;

ALTER TABLE app.persona_link_invitations OWNER TO estate_owner;

--
-- Name: TABLE persona_link_invitations; Type: COMMENT; Schema: app; Owner: estate_owner
--

COMMENT ON TABLE app.persona_link_invitations IS 'A user invited to act for a persona (delegate): nothing of the persona is theirs until they accept; they may decline, the linker may revoke.';

--
-- Name: take_link_invitation(uuid, text); Type: FUNCTION; Schema: app; Owner: estate_owner
--

CREATE FUNCTION app.take_link_invitation(p_invitation_id uuid, p_status text) RETURNS app.persona_link_invitations
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
declare
  v_user_id uuid := app.current_user_id();
  v_tenant_id uuid := app.current_tenant_id();
  v_invitation app.persona_link_invitations;
begin
  select * into v_invitation from app.persona_link_invitations i
   where i.tenant_id = v_tenant_id and i.id = p_invitation_id and i.invited_user_id = v_user_id and i.status = 'pending'
   for update;
  -- Another user's, another tenant's, an answered or a made-up invitation: the same answer. So is
  -- one whose linker no longer acts for the persona (or no longer signs in).
  if v_invitation.id is null
     or not exists (select 1 from app.user_personas up join app.users u on u.tenant_id = up.tenant_id and u.id = up.user_id
                     where up.tenant_id = v_tenant_id and up.user_id = v_invitation.invited_by_user_id
                       and up.persona_id = v_invitation.persona_id and u.status = 'active') then
    perform app.fail('PT404', 'link_invitation_not_found', 'invitation not found');
  end if;
  update app.persona_link_invitations i set status = p_status, responded_at = pg_catalog.now()
   where i.tenant_id = v_tenant_id and i.id = v_invitation.id;
  return v_invitation;
end
$$;

ALTER FUNCTION app.take_link_invitation(p_invitation_id uuid, p_status text) OWNER TO estate_owner;

--
-- Name: FUNCTION take_link_invitation(p_invitation_id uuid, p_status text); Type: COMMENT; Schema: app; Owner: estate_owner
--

COMMENT ON FUNCTION app.take_link_invitation(p_invitation_id uuid, p_status text) IS 'Answers the signed-in user''s pending link invitation (accepted or declined); raises link_invitation_not_found for anything else.';

--
-- Name: tenant_plans(uuid); Type: FUNCTION; Schema: app; Owner: estate_owner
--

CREATE FUNCTION app.tenant_plans(p_tenant_id uuid) RETURNS TABLE(plan_id uuid, code text, name text, description text, price_amount numeric, currency text, billing_interval text, stripe_price_id text, is_available boolean, sort_order integer, max_ffcs bigint, max_seats bigint, max_assets bigint, max_storage_bytes bigint)
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
  select p.id, p.code, p.name, p.description, coalesce(s.price_amount, p.price_amount), coalesce(s.currency, p.currency),
         p.billing_interval, coalesce(s.stripe_price_id, p.stripe_price_id), coalesce(s.is_available, true), p.sort_order,
         l.max_ffcs, l.max_seats, l.max_assets, l.max_storage_bytes
    from app.subscription_plans p
    left join app.tenant_plan_settings s on s.tenant_id = p_tenant_id and s.plan_id = p.id
   cross join lateral app.plan_limits(p_tenant_id, p.id) l
$$;

ALTER FUNCTION app.tenant_plans(p_tenant_id uuid) OWNER TO estate_owner;

--
-- Name: FUNCTION tenant_plans(p_tenant_id uuid); Type: COMMENT; Schema: app; Owner: estate_owner
--

COMMENT ON FUNCTION app.tenant_plans(p_tenant_id uuid) IS 'Every plan as a tenant offers it: its overrides of availability, price, Stripe price and limits applied.';

--
-- Name: tg__append_only(); Type: FUNCTION; Schema: app; Owner: estate_owner
--

CREATE FUNCTION app.tg__append_only() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
begin
  raise exception using errcode = '42501', message = tg_table_name || ' is append-only', hint = 'history_append_only';
end
$$;

ALTER FUNCTION app.tg__append_only() OWNER TO estate_owner;

--
-- Name: FUNCTION tg__append_only(); Type: COMMENT; Schema: app; Owner: estate_owner
--

COMMENT ON FUNCTION app.tg__append_only() IS 'Rejects UPDATE and DELETE of a history row (a consent withdrawn, a request''s next state: each a new row).';

--
-- Name: tg__set_updated_at(); Type: FUNCTION; Schema: app; Owner: estate_owner
--

CREATE FUNCTION app.tg__set_updated_at() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
begin
  new.updated_at := pg_catalog.now();
  return new;
end
$$;

ALTER FUNCTION app.tg__set_updated_at() OWNER TO estate_owner;

--
-- Name: FUNCTION tg__set_updated_at(); Type: COMMENT; Schema: app; Owner: estate_owner
--

COMMENT ON FUNCTION app.tg__set_updated_at() IS 'Keeps updated_at equal to the time of the last change.';

--
-- Name: tg_asset_valuations__append_only(); Type: FUNCTION; Schema: app; Owner: estate_owner
--

CREATE FUNCTION app.tg_asset_valuations__append_only() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
begin
  raise exception using errcode = 'PT409', message = 'valuations are history: record a new one instead', hint = 'valuation_immutable';
end
$$;

ALTER FUNCTION app.tg_asset_valuations__append_only() OWNER TO estate_owner;

--
-- Name: FUNCTION tg_asset_valuations__append_only(); Type: COMMENT; Schema: app; Owner: estate_owner
--

COMMENT ON FUNCTION app.tg_asset_valuations__append_only() IS 'Valuations are appended, never overwritten.';

--
-- Name: tg_asset_valuations__keep_latest(); Type: FUNCTION; Schema: app; Owner: estate_owner
--

CREATE FUNCTION app.tg_asset_valuations__keep_latest() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
begin
  insert into app.asset_latest_valuations as l (tenant_id, id, asset_id, valued_on, created_at, amount, currency,
                                                is_liability, is_active)
  select new.tenant_id, new.id, new.asset_id, new.valued_on, new.created_at, new.amount, new.currency,
         a.is_liability, a.status = 'active'
    from app.assets a where a.tenant_id = new.tenant_id and a.id = new.asset_id
  on conflict (tenant_id, asset_id) do update
    set id = excluded.id, valued_on = excluded.valued_on, created_at = excluded.created_at,
        amount = excluded.amount, currency = excluded.currency
    where (excluded.valued_on, excluded.created_at, excluded.id) > (l.valued_on, l.created_at, l.id);
  return null;
end
$$;

ALTER FUNCTION app.tg_asset_valuations__keep_latest() OWNER TO estate_owner;

--
-- Name: FUNCTION tg_asset_valuations__keep_latest(); Type: COMMENT; Schema: app; Owner: estate_owner
--

COMMENT ON FUNCTION app.tg_asset_valuations__keep_latest() IS 'Keeps app.asset_latest_valuations as valuations are added.';

--
-- Name: tg_asset_valuations__restore_latest(); Type: FUNCTION; Schema: app; Owner: estate_owner
--

CREATE FUNCTION app.tg_asset_valuations__restore_latest() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
begin
  insert into app.asset_latest_valuations as l (tenant_id, id, asset_id, valued_on, created_at, amount, currency,
                                                is_liability, is_active)
  select distinct on (v.tenant_id, v.asset_id) v.tenant_id, v.id, v.asset_id, v.valued_on, v.created_at, v.amount, v.currency,
         a.is_liability, a.status = 'active'
    from app.asset_valuations v
    join app.assets a on a.tenant_id = v.tenant_id and a.id = v.asset_id
   where (v.tenant_id, v.asset_id) in (select d.tenant_id, d.asset_id from deleted d)
   order by v.tenant_id, v.asset_id, v.valued_on desc, v.created_at desc, v.id desc
  on conflict (tenant_id, asset_id) do nothing;
  return null;
end
$$;

ALTER FUNCTION app.tg_asset_valuations__restore_latest() OWNER TO estate_owner;

--
-- Name: FUNCTION tg_asset_valuations__restore_latest(); Type: COMMENT; Schema: app; Owner: estate_owner
--

COMMENT ON FUNCTION app.tg_asset_valuations__restore_latest() IS 'Restores app.asset_latest_valuations after valuations are deleted.';

--
-- Name: tg_assets__latest_valuation_flags(); Type: FUNCTION; Schema: app; Owner: estate_owner
--

CREATE FUNCTION app.tg_assets__latest_valuation_flags() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
begin
  update app.asset_latest_valuations l
     set is_liability = new.is_liability, is_active = new.status = 'active'
   where l.tenant_id = new.tenant_id and l.asset_id = new.id;
  return null;
end
$$;

ALTER FUNCTION app.tg_assets__latest_valuation_flags() OWNER TO estate_owner;

--
-- Name: FUNCTION tg_assets__latest_valuation_flags(); Type: COMMENT; Schema: app; Owner: estate_owner
--

COMMENT ON FUNCTION app.tg_assets__latest_valuation_flags() IS 'Copies an asset''s is_liability and status to app.asset_latest_valuations.';

--
-- Name: tg_assets__usage(); Type: FUNCTION; Schema: app; Owner: estate_owner
--

CREATE FUNCTION app.tg_assets__usage() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
begin
  if tg_op = 'INSERT' then
    perform app.track_usages(new.tenant_id, new.created_by_user_id, array['assets', 'storage_bytes'],
                             array[1, pg_catalog.pg_column_size(new)]::bigint[]);
  elsif tg_op = 'DELETE' then
    perform app.track_usages(old.tenant_id, old.created_by_user_id, array['assets', 'storage_bytes'],
                             array[-1, -pg_catalog.pg_column_size(old)]::bigint[]);
  elsif pg_catalog.pg_column_size(new) <> pg_catalog.pg_column_size(old) then
    perform app.track_usage(new.tenant_id, new.created_by_user_id, 'storage_bytes',
                            pg_catalog.pg_column_size(new) - pg_catalog.pg_column_size(old));
  end if;
  return null;
end
$$;

ALTER FUNCTION app.tg_assets__usage() OWNER TO estate_owner;

--
-- Name: FUNCTION tg_assets__usage(); Type: COMMENT; Schema: app; Owner: estate_owner
--

COMMENT ON FUNCTION app.tg_assets__usage() IS 'Counts assets and the bytes of their records against their creator''s plan.';

--
-- Name: tg_beneficiary_designations__level_total(); Type: FUNCTION; Schema: app; Owner: estate_owner
--

CREATE FUNCTION app.tg_beneficiary_designations__level_total() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
declare
  v_row app.beneficiary_designations := coalesce(new, old);
  v_total numeric;
begin
  -- At commit: every level that was written holds nothing or exactly 100%, whoever wrote it.
  select sum(d.percentage) into v_total from app.beneficiary_designations d
   where d.tenant_id = v_row.tenant_id and d.level = v_row.level
     and d.asset_id is not distinct from v_row.asset_id and d.entity_id is not distinct from v_row.entity_id
     and d.estate_of_persona_id is not distinct from v_row.estate_of_persona_id;
  if v_total is not null and v_total <> 100 then
    raise exception using errcode = 'PT422', hint = 'beneficiary_total_not_100',
      message = pg_catalog.format('the %s beneficiaries total %s%%, not 100%%', v_row.level, v_total);
  end if;
  return null;
end
$$;

ALTER FUNCTION app.tg_beneficiary_designations__level_total() OWNER TO estate_owner;

--
-- Name: FUNCTION tg_beneficiary_designations__level_total(); Type: COMMENT; Schema: app; Owner: estate_owner
--

COMMENT ON FUNCTION app.tg_beneficiary_designations__level_total() IS 'At commit, each written level of designations totals exactly 100% (or is empty).';

--
-- Name: tg_entity_interests__checks(); Type: FUNCTION; Schema: app; Owner: estate_owner
--

CREATE FUNCTION app.tg_entity_interests__checks() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
declare
  v_row app.entity_interests := coalesce(new, old);
  v_total numeric;
begin
  -- Whoever writes: the interests in one entity total at most 100%.
  select sum(i.percentage) into v_total from app.entity_interests i
   where i.tenant_id = v_row.tenant_id and i.entity_id = v_row.entity_id;
  if v_total > 100 then
    raise exception using errcode = 'PT409', hint = 'interest_exceeds_100',
      message = pg_catalog.format('the interests in the entity total %s%%, more than 100%%', v_total);
  end if;
  -- And no entity holds itself, through any chain of entities. Two writers adding the two halves
  -- of a cycle at once would each miss the other's row: writers of entity-held interests queue on
  -- the tenant's lock (held to the end of the transaction), so the later one sees the earlier's.
  if tg_op <> 'DELETE' and v_row.holder_entity_id is not null then
    perform pg_catalog.pg_advisory_xact_lock(pg_catalog.hashtextextended('app.entity_interests:' || v_row.tenant_id::text, 0));
  end if;
  if tg_op <> 'DELETE' and v_row.holder_entity_id is not null and exists (
       with recursive down (id) as (
         select v_row.entity_id
         union
         select i.entity_id from app.entity_interests i join down d on i.holder_entity_id = d.id
          where i.tenant_id = v_row.tenant_id)
       select 1 from down d where d.id = v_row.holder_entity_id) then
    raise exception using errcode = 'PT409', hint = 'entity_cycle',
      message = 'the entity would hold itself through the entities it holds';
  end if;
  return null;
end
$$;

ALTER FUNCTION app.tg_entity_interests__checks() OWNER TO estate_owner;

--
-- Name: FUNCTION tg_entity_interests__checks(); Type: COMMENT; Schema: app; Owner: estate_owner
--

COMMENT ON FUNCTION app.tg_entity_interests__checks() IS 'At commit, the interests in an entity total at most 100% and no entity holds itself through a chain of entities.';

--
-- Name: tg_ffc_memberships__seats(); Type: FUNCTION; Schema: app; Owner: estate_owner
--

CREATE FUNCTION app.tg_ffc_memberships__seats() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
declare
  v_subscriber uuid;
  v_was_active boolean := tg_op = 'UPDATE' and old.status = 'active';
  v_is_active boolean := new.status = 'active';
begin
  if v_was_active = v_is_active and (tg_op = 'INSERT' or old.persona_id = new.persona_id) then
    return null;
  end if;
  select c.created_by_user_id into v_subscriber
    from app.fwd_family_circles c where c.tenant_id = new.tenant_id and c.id = new.ffc_id;
  -- Lock the subscriber's seat counter first: seat changes of one subscriber happen one at a time.
  perform app.track_usage(new.tenant_id, v_subscriber, 'seats', 0);

  if v_is_active and not exists (
       select 1 from app.subscription_seats s
        where s.tenant_id = new.tenant_id and s.subscriber_user_id = v_subscriber
          and s.persona_id = new.persona_id and s.status = 'active') then
    insert into app.subscription_seats (tenant_id, subscriber_user_id, persona_id, first_ffc_id)
    values (new.tenant_id, v_subscriber, new.persona_id, new.ffc_id);
    perform app.track_usage(new.tenant_id, v_subscriber, 'seats', 1);
  elsif not v_is_active and not exists (
       select 1 from app.ffc_memberships m
         join app.fwd_family_circles c on c.tenant_id = m.tenant_id and c.id = m.ffc_id
        where m.tenant_id = new.tenant_id and m.persona_id = new.persona_id and m.status = 'active'
          and c.created_by_user_id = v_subscriber) then
    update app.subscription_seats s set status = 'released', released_at = pg_catalog.now()
     where s.tenant_id = new.tenant_id and s.subscriber_user_id = v_subscriber
       and s.persona_id = new.persona_id and s.status = 'active';
    if found then
      perform app.track_usage(new.tenant_id, v_subscriber, 'seats', -1);
    end if;
  end if;
  return null;
end
$$;

ALTER FUNCTION app.tg_ffc_memberships__seats() OWNER TO estate_owner;

--
-- Name: FUNCTION tg_ffc_memberships__seats(); Type: COMMENT; Schema: app; Owner: estate_owner
--

COMMENT ON FUNCTION app.tg_ffc_memberships__seats() IS 'Seat management: a person joining a subscriber''s circles takes one seat (refused past the plan''s limit); leaving the last one frees it.';

--
-- Name: tg_fwd_family_circles__usage(); Type: FUNCTION; Schema: app; Owner: estate_owner
--

CREATE FUNCTION app.tg_fwd_family_circles__usage() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
begin
  perform app.track_usage(new.tenant_id, new.created_by_user_id, 'ffcs', 1);
  return null;
end
$$;

ALTER FUNCTION app.tg_fwd_family_circles__usage() OWNER TO estate_owner;

--
-- Name: FUNCTION tg_fwd_family_circles__usage(); Type: COMMENT; Schema: app; Owner: estate_owner
--

COMMENT ON FUNCTION app.tg_fwd_family_circles__usage() IS 'Counts a new circle against its creator''s plan.';

--
-- Name: tg_general_ledger__append_only(); Type: FUNCTION; Schema: app; Owner: estate_owner
--

CREATE FUNCTION app.tg_general_ledger__append_only() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
begin
  raise exception using errcode = 'PT409', message = 'the ledger is appended to, never changed', hint = 'ledger_immutable';
end
$$;

ALTER FUNCTION app.tg_general_ledger__append_only() OWNER TO estate_owner;

--
-- Name: FUNCTION tg_general_ledger__append_only(); Type: COMMENT; Schema: app; Owner: estate_owner
--

COMMENT ON FUNCTION app.tg_general_ledger__append_only() IS 'Ledger entries are appended, never updated or deleted.';

--
-- Name: token_amr(); Type: FUNCTION; Schema: app; Owner: estate_owner
--

CREATE FUNCTION app.token_amr() RETURNS text[]
    LANGUAGE sql STABLE
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
  select coalesce(pg_catalog.string_to_array(nullif(pg_catalog.current_setting('app.token_amr', true), ''), ' '), '{}')
$$;

ALTER FUNCTION app.token_amr() OWNER TO estate_owner;

--
-- Name: FUNCTION token_amr(); Type: COMMENT; Schema: app; Owner: estate_owner
--

COMMENT ON FUNCTION app.token_amr() IS 'The authentication methods of this transaction''s access token (its estate_amr claim), or an empty array.';

--
-- Name: token_has_mfa(text[]); Type: FUNCTION; Schema: app; Owner: estate_owner
--

CREATE FUNCTION app.token_has_mfa(p_factors text[]) RETURNS boolean
    LANGUAGE sql STABLE
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$ select 'mfa' = any (app.token_amr()) and app.token_amr() && p_factors $$;

ALTER FUNCTION app.token_has_mfa(p_factors text[]) OWNER TO estate_owner;

--
-- Name: FUNCTION token_has_mfa(p_factors text[]); Type: COMMENT; Schema: app; Owner: estate_owner
--

COMMENT ON FUNCTION app.token_has_mfa(p_factors text[]) IS 'True when the access token was obtained with MFA through one of the given factors.';

--
-- Name: track_usage(uuid, uuid, text, bigint); Type: FUNCTION; Schema: app; Owner: estate_owner
--

CREATE FUNCTION app.track_usage(p_tenant_id uuid, p_user_id uuid, p_metric text, p_delta bigint) RETURNS void
    LANGUAGE sql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$ select app.track_usages(p_tenant_id, p_user_id, array[p_metric], array[p_delta]) $$;

ALTER FUNCTION app.track_usage(p_tenant_id uuid, p_user_id uuid, p_metric text, p_delta bigint) OWNER TO estate_owner;

--
-- Name: FUNCTION track_usage(p_tenant_id uuid, p_user_id uuid, p_metric text, p_delta bigint); Type: COMMENT; Schema: app; Owner: estate_owner
--

COMMENT ON FUNCTION app.track_usage(p_tenant_id uuid, p_user_id uuid, p_metric text, p_delta bigint) IS 'app.track_usages for one counter.';

--
-- Name: track_usages(uuid, uuid, text[], bigint[]); Type: FUNCTION; Schema: app; Owner: estate_owner
--

CREATE FUNCTION app.track_usages(p_tenant_id uuid, p_user_id uuid, p_metrics text[], p_deltas bigint[]) RETURNS void
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
declare
  v_quantities bigint[] := '{}';
  v_quantity bigint;
  v_limits record;
  v_limit bigint;
  v_index integer;
begin
  -- Each upsert locks its counter row (callers name metrics in alphabetical order, the order a
  -- plan change locks them in): concurrent writers for one subscriber queue here, so the check
  -- below always sees the count including every committed earlier change.
  for v_index in 1 .. pg_catalog.cardinality(p_metrics) loop
    insert into app.usage_records as u (tenant_id, user_id, metric, quantity)
    values (p_tenant_id, p_user_id, p_metrics[v_index], greatest(p_deltas[v_index], 0))
    on conflict (tenant_id, user_id, metric)
    do update set quantity = greatest(u.quantity + p_deltas[v_index], 0)
    returning u.quantity into v_quantity;
    v_quantities := v_quantities || v_quantity;
  end loop;

  if 0 < any (p_deltas) then
    -- One lookup of the limits for all the metrics of this change.
    select * into v_limits from app.plan_limits(p_tenant_id, app.effective_plan_id(p_tenant_id, p_user_id));
    for v_index in 1 .. pg_catalog.cardinality(p_metrics) loop
      continue when p_deltas[v_index] <= 0;
      v_limit := case p_metrics[v_index] when 'ffcs' then v_limits.max_ffcs when 'seats' then v_limits.max_seats
                                         when 'assets' then v_limits.max_assets else v_limits.max_storage_bytes end;
      if v_limit is not null and v_quantities[v_index] > v_limit then
        perform app.fail('PT402',
          case p_metrics[v_index] when 'ffcs' then 'ffc_limit_reached' when 'seats' then 'seat_limit_reached'
                                  when 'assets' then 'asset_limit_reached' else 'storage_limit_reached' end,
          pg_catalog.format('the plan allows %s %s: upgrade the plan to add more', v_limit,
            case p_metrics[v_index] when 'ffcs' then 'family circles' when 'seats' then 'seats'
                                    when 'assets' then 'assets' else 'bytes of storage' end));
      end if;
    end loop;
  end if;
end
$$;

ALTER FUNCTION app.track_usages(p_tenant_id uuid, p_user_id uuid, p_metrics text[], p_deltas bigint[]) OWNER TO estate_owner;

--
-- Name: FUNCTION track_usages(p_tenant_id uuid, p_user_id uuid, p_metrics text[], p_deltas bigint[]); Type: COMMENT; Schema: app; Owner: estate_owner
--

COMMENT ON FUNCTION app.track_usages(p_tenant_id uuid, p_user_id uuid, p_metrics text[], p_deltas bigint[]) IS 'Adds to a subscriber''s usage counters under their row locks and refuses (402) an increase past the plan''s limit.';

--
-- Name: user_can_reference_persona(uuid, uuid); Type: FUNCTION; Schema: app; Owner: estate_owner
--

CREATE FUNCTION app.user_can_reference_persona(p_user_id uuid, p_persona_id uuid) RETURNS boolean
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
  -- A persona the user acts for, or a fellow active member of one of the user's circles.
  select exists (select 1 from app.acting_persona_ids(p_user_id) a where a = p_persona_id)
      or exists (select 1 from app.ffc_memberships mine
                   join app.ffc_memberships theirs on theirs.tenant_id = mine.tenant_id and theirs.ffc_id = mine.ffc_id
                  where mine.tenant_id = (select app.current_tenant_id()) and mine.status = 'active' and theirs.status = 'active'
                    and mine.persona_id in (select app.acting_persona_ids(p_user_id)) and theirs.persona_id = p_persona_id)
$$;

ALTER FUNCTION app.user_can_reference_persona(p_user_id uuid, p_persona_id uuid) OWNER TO estate_owner;

--
-- Name: FUNCTION user_can_reference_persona(p_user_id uuid, p_persona_id uuid); Type: COMMENT; Schema: app; Owner: estate_owner
--

COMMENT ON FUNCTION app.user_can_reference_persona(p_user_id uuid, p_persona_id uuid) IS 'True when the user may name the persona as an owner or grantee: one they act for, or a fellow circle member.';

--
-- Name: user_profile(uuid); Type: FUNCTION; Schema: app; Owner: estate_owner
--

CREATE FUNCTION app.user_profile(p_user_id uuid) RETURNS SETOF app.user_profile_row
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
  select u.id, u.email, u.status, u.last_login_at, u.created_at,
         p.id, p.first_name, p.last_name, p.preferred_name,
         t.slug, t.name, t.branding
    from app.users u
    join app.tenants t on t.tenant_id = u.tenant_id
    left join app.user_personas up on up.tenant_id = u.tenant_id and up.user_id = u.id and up.link_kind = 'self'
    left join app.personas p on p.tenant_id = up.tenant_id and p.id = up.persona_id
   where u.tenant_id = (select app.current_tenant_id()) and u.id = p_user_id
$$;

ALTER FUNCTION app.user_profile(p_user_id uuid) OWNER TO estate_owner;

--
-- Name: FUNCTION user_profile(p_user_id uuid); Type: COMMENT; Schema: app; Owner: estate_owner
--

COMMENT ON FUNCTION app.user_profile(p_user_id uuid) IS 'A user with their own persona and tenant branding, as sign-in and "me" return it.';

--
-- Name: verified_email(); Type: FUNCTION; Schema: app; Owner: estate_owner
--

CREATE FUNCTION app.verified_email() RETURNS text
    LANGUAGE plpgsql STABLE
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
declare
  v_email text := pg_catalog.current_setting('app.verified_email', true);
begin
  -- Set by the server only from an id token it verified (same pool, client and subject, email_verified).
  if v_email is null or v_email = '' then
    perform app.fail('PT403', 'email_not_verified', 'the identity provider has not verified an email for this sign-in');
  end if;
  return app.normalize_email(v_email);
end
$$;

ALTER FUNCTION app.verified_email() OWNER TO estate_owner;

--
-- Name: FUNCTION verified_email(); Type: COMMENT; Schema: app; Owner: estate_owner
--

COMMENT ON FUNCTION app.verified_email() IS 'The email the identity provider verified for this request (context app.verified_email); raises email_not_verified when there is none.';

--
-- Name: visible_asset_ids(uuid); Type: FUNCTION; Schema: app; Owner: estate_owner
--

CREATE FUNCTION app.visible_asset_ids(p_user_id uuid) RETURNS SETOF uuid
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
  -- The same rules as app.asset_access, for every asset at once (a circle's net worth): what
  -- the user's personas own, what was granted to them, what was granted to their circle roles.
  with acting as (select app.acting_persona_ids(p_user_id) as persona_id),
  my_circles as (
    select m.ffc_id, app.ffc_role_rank(m.role) as rank from app.ffc_memberships m
     where m.tenant_id = (select app.current_tenant_id()) and m.status = 'active'
       and m.persona_id = (select up.persona_id from app.user_personas up
                            where up.tenant_id = m.tenant_id and up.user_id = p_user_id and up.link_kind = 'self'))
  select o.asset_id from app.asset_ownerships o
   where o.tenant_id = (select app.current_tenant_id()) and o.persona_id in (select persona_id from acting)
  union
  select o.asset_id from app.asset_ownerships o
   where o.tenant_id = (select app.current_tenant_id()) and o.entity_id in (select app.controlled_entity_ids(p_user_id))
  union
  select g.asset_id from app.asset_permissions g
   where g.tenant_id = (select app.current_tenant_id()) and g.grantee_persona_id in (select persona_id from acting)
  union
  select g.asset_id from app.asset_permissions g join my_circles c on c.ffc_id = g.grantee_ffc_id
   where g.tenant_id = (select app.current_tenant_id()) and c.rank >= app.ffc_role_rank(g.grantee_ffc_role)
$$;

ALTER FUNCTION app.visible_asset_ids(p_user_id uuid) OWNER TO estate_owner;

--
-- Name: FUNCTION visible_asset_ids(p_user_id uuid); Type: COMMENT; Schema: app; Owner: estate_owner
--

COMMENT ON FUNCTION app.visible_asset_ids(p_user_id uuid) IS 'Every asset the user may see (app.asset_access not NULL), computed for all assets at once.';

--
-- Name: chain_genesis(text); Type: FUNCTION; Schema: audit; Owner: estate_owner
--

CREATE FUNCTION audit.chain_genesis(p_partition_name text) RETURNS bytea
    LANGUAGE sql IMMUTABLE
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$ select pg_catalog.sha256(pg_catalog.convert_to('estate-vault audit chain ' || p_partition_name, 'UTF8')) $$;

ALTER FUNCTION audit.chain_genesis(p_partition_name text) OWNER TO estate_owner;

--
-- Name: FUNCTION chain_genesis(p_partition_name text); Type: COMMENT; Schema: audit; Owner: estate_owner
--

COMMENT ON FUNCTION audit.chain_genesis(p_partition_name text) IS 'The fixed start of a partition''s hash chain, derived from its name.';

--
-- Name: chain_step(bytea, bytea, bytea); Type: FUNCTION; Schema: audit; Owner: estate_owner
--

CREATE FUNCTION audit.chain_step(p_state bytea, p_row_hash bytea, p_genesis bytea) RETURNS bytea
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    AS $$ select pg_catalog.sha256(coalesce(p_state, p_genesis) operator(pg_catalog.||) p_row_hash) $$;

ALTER FUNCTION audit.chain_step(p_state bytea, p_row_hash bytea, p_genesis bytea) OWNER TO estate_owner;

--
-- Name: FUNCTION chain_step(p_state bytea, p_row_hash bytea, p_genesis bytea); Type: COMMENT; Schema: audit; Owner: estate_owner
--

COMMENT ON FUNCTION audit.chain_step(p_state bytea, p_row_hash bytea, p_genesis bytea) IS 'One link of an audit partition''s hash chain: sha256(previous chain hash, or the genesis, || row hash).';

--
-- Name: create_month_partition(date); Type: FUNCTION; Schema: audit; Owner: estate_owner
--

CREATE FUNCTION audit.create_month_partition(p_month date) RETURNS boolean
    LANGUAGE plpgsql
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
declare
  v_month date := pg_catalog.date_trunc('month', p_month)::date;
  v_next date := (pg_catalog.date_trunc('month', p_month) + interval '1 month')::date;
  v_name text := 'audit_log_' || pg_catalog.to_char(p_month, 'YYYY_MM');
  v_strays boolean;
begin
  if pg_catalog.to_regclass('audit.' || v_name) is not null then
    return false;
  end if;
  -- PostgreSQL refuses a partition whose range rows in the default partition already hold: take
  -- the default out, make the month, move those rows into it (the move's txid: the default is
  -- never sealed, so they are sealed with the month), put the default back.
  perform pg_catalog.set_config('audit.maintenance', 'on', true);
  v_strays := exists (select 1 from audit.audit_log d
                       where d.tableoid = 'audit.audit_log_default'::regclass
                         and d.occurred_at >= v_month and d.occurred_at < v_next);
  if v_strays then
    alter table audit.audit_log detach partition audit.audit_log_default;
    -- Detached, it is the owner's own table: read and emptied of that month without its policies.
    alter table audit.audit_log_default no force row level security;
  end if;
  if v_strays then
    execute pg_catalog.format(
      'create table audit.%I partition of audit.audit_log for values from (%L) to (%L)', v_name, v_month, v_next);
  else
    -- CREATE TABLE ... PARTITION OF locks the whole audit log (ACCESS EXCLUSIVE: every audited
    -- write would queue behind it); attaching a new empty table takes SHARE UPDATE EXCLUSIVE,
    -- which no writer or reader waits for.
    execute pg_catalog.format('create table audit.%I (like audit.audit_log including defaults including constraints)',
                              v_name);
    execute pg_catalog.format('alter table audit.audit_log attach partition audit.%I for values from (%L) to (%L)',
                              v_name, v_month, v_next);
  end if;
  execute pg_catalog.format('alter table audit.%I enable row level security', v_name);
  execute pg_catalog.format('alter table audit.%I force row level security', v_name);
  execute pg_catalog.format(
    'create trigger _000_no_truncate before truncate on audit.%I for each statement execute function audit.tg_audit_log__append_only()',
    v_name);
  if v_strays then
    insert into audit.audit_log (id, occurred_at, tenant_id, actor_kind, actor_id, request_id, table_name, row_id,
                                 operation, changed_columns, changes)
    overriding system value
    select d.id, d.occurred_at, d.tenant_id, d.actor_kind, d.actor_id, d.request_id, d.table_name, d.row_id,
           d.operation, d.changed_columns, d.changes
      from audit.audit_log_default d
     where d.occurred_at >= v_month and d.occurred_at < v_next;
    -- Detached, the default carries none of the parent's append-only row triggers.
    delete from audit.audit_log_default d where d.occurred_at >= v_month and d.occurred_at < v_next;
    alter table audit.audit_log_default force row level security;
    alter table audit.audit_log attach partition audit.audit_log_default default;
  end if;
  return true;
end
$$;

ALTER FUNCTION audit.create_month_partition(p_month date) OWNER TO estate_owner;

--
-- Name: FUNCTION create_month_partition(p_month date); Type: COMMENT; Schema: audit; Owner: estate_owner
--

COMMENT ON FUNCTION audit.create_month_partition(p_month date) IS 'Creates one month''s audit partition (no-op when it exists), moving rows of that month out of the default partition.';

--
-- Name: ensure_partitions(integer, integer); Type: FUNCTION; Schema: audit; Owner: estate_owner
--

CREATE FUNCTION audit.ensure_partitions(p_months_back integer DEFAULT 1, p_months_ahead integer DEFAULT 12) RETURNS integer
    LANGUAGE plpgsql
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
declare
  v_month date;
  v_created integer := 0;
begin
  -- One maker at a time (migrate, the maintenance job, an operator): each month is made once.
  perform pg_catalog.pg_advisory_xact_lock(pg_catalog.hashtext('audit-partitions'));
  -- Making a partition locks the audit log against writers for an instant: never queue behind a
  -- long transaction with every writer queued behind us (the next run tries again; months are made
  -- a year ahead).
  perform pg_catalog.set_config('lock_timeout', '5s', true);
  if pg_catalog.to_regclass('audit.audit_log_default') is null then
    create table audit.audit_log_default partition of audit.audit_log default;
    alter table audit.audit_log_default enable row level security;
    alter table audit.audit_log_default force row level security;
    create trigger _000_no_truncate before truncate on audit.audit_log_default
      for each statement execute function audit.tg_audit_log__append_only();
  end if;
  for v_month in
    select pg_catalog.generate_series(
             pg_catalog.date_trunc('month', pg_catalog.now()) - pg_catalog.make_interval(months => p_months_back),
             pg_catalog.date_trunc('month', pg_catalog.now()) + pg_catalog.make_interval(months => p_months_ahead),
             interval '1 month')::date
  loop
    if audit.create_month_partition(v_month) then
      v_created := v_created + 1;
    end if;
  end loop;
  return v_created;
end
$$;

ALTER FUNCTION audit.ensure_partitions(p_months_back integer, p_months_ahead integer) OWNER TO estate_owner;

--
-- Name: FUNCTION ensure_partitions(p_months_back integer, p_months_ahead integer); Type: COMMENT; Schema: audit; Owner: estate_owner
--

COMMENT ON FUNCTION audit.ensure_partitions(p_months_back integer, p_months_ahead integer) IS 'Creates the monthly audit partitions from p_months_back to p_months_ahead and the default one; run by every migrate and by the maintenance job.';

--
-- Name: month_partitions(); Type: FUNCTION; Schema: audit; Owner: estate_owner
--

CREATE FUNCTION audit.month_partitions() RETURNS TABLE(partition_name text, month date)
    LANGUAGE sql STABLE
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $_$
  select c.relname::text, pg_catalog.to_date(pg_catalog.substr(c.relname, 11), 'YYYY_MM')
    from pg_catalog.pg_inherits i
    join pg_catalog.pg_class c on c.oid = i.inhrelid
   where i.inhparent = 'audit.audit_log'::regclass and c.relname ~ '^audit_log_[0-9]{4}_[0-9]{2}$'
   order by 2
$_$;

ALTER FUNCTION audit.month_partitions() OWNER TO estate_owner;

--
-- Name: FUNCTION month_partitions(); Type: COMMENT; Schema: audit; Owner: estate_owner
--

COMMENT ON FUNCTION audit.month_partitions() IS 'The monthly partitions of the audit log (not the default one), oldest first.';

--
-- Name: partition_of_month(date); Type: FUNCTION; Schema: audit; Owner: estate_owner
--

CREATE FUNCTION audit.partition_of_month(p_month date) RETURNS text
    LANGUAGE plpgsql STABLE
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
declare
  v_name text;
begin
  if p_month is null then
    perform app.fail('PT400', 'invalid_month', 'name the month of the audit partition (YYYY-MM-01)');
  end if;
  select m.partition_name into v_name from audit.month_partitions() m
   where m.month = pg_catalog.date_trunc('month', p_month)::date;
  if v_name is null then
    perform app.fail('PT404', 'audit_partition_not_found', 'no audit partition for this month');
  end if;
  return v_name;
end
$$;

ALTER FUNCTION audit.partition_of_month(p_month date) OWNER TO estate_owner;

--
-- Name: FUNCTION partition_of_month(p_month date); Type: COMMENT; Schema: audit; Owner: estate_owner
--

COMMENT ON FUNCTION audit.partition_of_month(p_month date) IS 'The audit partition of a month; raises invalid_month or audit_partition_not_found.';

--
-- Name: record_support_call(text, text, text, jsonb); Type: FUNCTION; Schema: audit; Owner: estate_owner
--

CREATE FUNCTION audit.record_support_call(p_what text, p_operation text, p_row_id text, p_details jsonb) RETURNS void
    LANGUAGE sql
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
  insert into audit.audit_log (tenant_id, actor_kind, actor_id, request_id, table_name, row_id, operation,
                               changed_columns, changes)
  values (null, app.current_actor_kind(), app.current_actor_id(), app.current_request_id(), p_what, p_row_id,
          p_operation, null, p_details)
$$;

ALTER FUNCTION audit.record_support_call(p_what text, p_operation text, p_row_id text, p_details jsonb) OWNER TO estate_owner;

--
-- Name: FUNCTION record_support_call(p_what text, p_operation text, p_row_id text, p_details jsonb); Type: COMMENT; Schema: audit; Owner: estate_owner
--

COMMENT ON FUNCTION audit.record_support_call(p_what text, p_operation text, p_row_id text, p_details jsonb) IS 'Records an audit-maintenance action (seal, partitions, retention) in the audit log with the acting staff member or operator.';

--
-- Name: audit_log; Type: TABLE; Schema: audit; Owner: estate_owner
--

CREATE TABLE audit.audit_log (
    id bigint NOT NULL,
    occurred_at timestamp with time zone DEFAULT clock_timestamp() NOT NULL,
    tenant_id uuid,
    actor_kind text NOT NULL,
    actor_id text,
    request_id text,
    table_name text NOT NULL,
    row_id text,
    operation text NOT NULL,
    changed_columns text[],
    changes jsonb,
    txid bigint DEFAULT txid_current(),
    CONSTRAINT audit_log_actor_kind_check CHECK ((actor_kind = ANY (ARRAY['user'::text, 'support'::text, 'api_key'::text, 'system'::text]))),
    CONSTRAINT audit_log_operation_check CHECK ((operation = ANY (ARRAY['INSERT'::text, 'UPDATE'::text, 'DELETE'::text, 'READ'::text])))
)
PARTITION BY RANGE (occurred_at);

ALTER TABLE ONLY audit.audit_log FORCE ROW LEVEL SECURITY;

ALTER TABLE audit.audit_log OWNER TO estate_owner;

--
-- Name: TABLE audit_log; Type: COMMENT; Schema: audit; Owner: estate_owner
--

COMMENT ON TABLE audit.audit_log IS 'Who changed what, when and in which request: SOC 2 evidence. Append-only.';

--
-- Name: COLUMN audit_log.txid; Type: COMMENT; Schema: audit; Owner: estate_owner
--

COMMENT ON COLUMN audit.audit_log.txid IS 'The writing transaction''s id (txid_current()): the sealing order and its "certainly finished" test.';

--
-- Name: row_digest(audit.audit_log); Type: FUNCTION; Schema: audit; Owner: estate_owner
--

CREATE FUNCTION audit.row_digest(p_row audit.audit_log) RETURNS bytea
    LANGUAGE sql STABLE
    AS $$
  select pg_catalog.sha256(pg_catalog.convert_to(pg_catalog.jsonb_build_array(
    p_row.id, (extract(epoch from p_row.occurred_at) * 1000000)::bigint, p_row.tenant_id, p_row.actor_kind,
    p_row.actor_id, p_row.request_id, p_row.table_name, p_row.row_id, p_row.operation,
    pg_catalog.to_jsonb(p_row.changed_columns), p_row.changes, p_row.txid)::text, 'UTF8'))
$$;

ALTER FUNCTION audit.row_digest(p_row audit.audit_log) OWNER TO estate_owner;

--
-- Name: FUNCTION row_digest(p_row audit.audit_log); Type: COMMENT; Schema: audit; Owner: estate_owner
--

COMMENT ON FUNCTION audit.row_digest(p_row audit.audit_log) IS 'sha256 of an audit row''s canonical content (every column); the unit of the hash chain, taken when the row is sealed.';

--
-- Name: seal_partition(text, date, integer); Type: FUNCTION; Schema: audit; Owner: estate_owner
--

CREATE FUNCTION audit.seal_partition(p_partition_name text, p_month date, p_max_rows integer) RETURNS TABLE(sealed_rows integer, last_seq bigint, head_hash bytea)
    LANGUAGE plpgsql
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
declare
  -- Transactions below the snapshot's xmin are finished: their rows are all visible and no more
  -- will come. Later ones wait for the next run; writers are never waited for.
  v_xmin bigint := pg_catalog.txid_snapshot_xmin(pg_catalog.txid_current_snapshot());
  v_last record;
  v_count integer;
  v_seq bigint;
  v_head bytea;
begin
  perform pg_catalog.set_config('audit.maintenance', 'on', true);
  select l.seq, l.txid, l.audit_id, l.chain_hash into v_last
    from audit.audit_chain_links l where l.partition_name = p_partition_name order by l.seq desc limit 1;
  with todo as (
    select a.id, coalesce(a.txid, 0) as txid, audit.row_digest(a) as row_hash
      from audit.audit_log a
     where a.occurred_at >= p_month and a.occurred_at < (p_month + interval '1 month')
       and coalesce(a.txid, 0) < v_xmin
       and (coalesce(a.txid, 0), a.id) > (coalesce(v_last.txid, -1), coalesce(v_last.audit_id, -1))
     order by 2, 1
     limit p_max_rows
  ), linked as (
    insert into audit.audit_chain_links (partition_name, seq, audit_id, txid, row_hash, chain_hash)
    select p_partition_name, coalesce(v_last.seq, 0) + pg_catalog.row_number() over w, t.id, t.txid, t.row_hash,
           audit.chain_hash(t.row_hash, coalesce(v_last.chain_hash, audit.chain_genesis(p_partition_name))) over w
      from todo t
    window w as (order by t.txid, t.id rows between unbounded preceding and current row)
    returning seq, chain_hash
  )
  select pg_catalog.count(*)::integer, pg_catalog.max(k.seq),
         (select k2.chain_hash from linked k2 order by k2.seq desc limit 1)
    into v_count, v_seq, v_head
    from linked k;
  if v_count > 0 then
    insert into audit.audit_seals (partition_name, sealed_by, snapshot_xmin, first_seq, last_seq, head_hash)
    values (p_partition_name, app.current_actor_id(), v_xmin, coalesce(v_last.seq, 0) + 1, v_seq, v_head);
  end if;
  return query select v_count, coalesce(v_seq, v_last.seq, 0::bigint), coalesce(v_head, v_last.chain_hash);
end
$$;

ALTER FUNCTION audit.seal_partition(p_partition_name text, p_month date, p_max_rows integer) OWNER TO estate_owner;

--
-- Name: FUNCTION seal_partition(p_partition_name text, p_month date, p_max_rows integer); Type: COMMENT; Schema: audit; Owner: estate_owner
--

COMMENT ON FUNCTION audit.seal_partition(p_partition_name text, p_month date, p_max_rows integer) IS 'Chains up to p_max_rows not yet sealed rows of finished transactions of one partition, in (txid, id) order, and records the seal.';

--
-- Name: tg_audit__row(); Type: FUNCTION; Schema: audit; Owner: estate_owner
--

CREATE FUNCTION audit.tg_audit__row() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
declare
  v_new jsonb := case when tg_op in ('INSERT', 'UPDATE') then pg_catalog.to_jsonb(new) end;
  v_old jsonb := case when tg_op in ('UPDATE', 'DELETE') then pg_catalog.to_jsonb(old) end;
  v_row jsonb := coalesce(v_new, v_old);
  v_changes jsonb := '{}'::jsonb;
  v_columns text[] := '{}';
  v_key text;
begin
  if tg_op <> 'DELETE' then
    for v_key in select k from pg_catalog.jsonb_object_keys(v_new) as k order by k loop
      continue when v_key in ('tenant_id', 'id', 'created_at', 'updated_at');
      continue when tg_op = 'UPDATE' and (v_new -> v_key) is not distinct from (v_old -> v_key);
      v_columns := v_columns || v_key;
      v_changes := v_changes || pg_catalog.jsonb_build_object(
        v_key, case when v_key = any (tg_argv) then '"[redacted]"'::jsonb else v_new -> v_key end);
    end loop;
    if tg_op = 'UPDATE' and pg_catalog.cardinality(v_columns) = 0 then
      return null;  -- nothing but updated_at changed: nothing to record
    end if;
  end if;

  insert into audit.audit_log (tenant_id, actor_kind, actor_id, request_id, table_name, row_id,
                               operation, changed_columns, changes)
  values ((v_row ->> 'tenant_id')::uuid, app.current_actor_kind(), app.current_actor_id(),
          app.current_request_id(), tg_table_schema || '.' || tg_table_name,
          coalesce(v_row ->> 'id', v_row ->> 'tenant_id'),
          tg_op, case when tg_op <> 'DELETE' then v_columns end,
          case when tg_op <> 'DELETE' then v_changes end);
  return null;
end
$$;

ALTER FUNCTION audit.tg_audit__row() OWNER TO estate_owner;

--
-- Name: FUNCTION tg_audit__row(); Type: COMMENT; Schema: audit; Owner: estate_owner
--

COMMENT ON FUNCTION audit.tg_audit__row() IS 'Writes one audit row per changed row; trigger arguments name the columns whose values are redacted.';

--
-- Name: tg_audit_chain__append_only(); Type: FUNCTION; Schema: audit; Owner: estate_owner
--

CREATE FUNCTION audit.tg_audit_chain__append_only() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
begin
  -- A partition's links go only with the partition itself (dropped by retention), never before.
  if tg_op = 'DELETE' and pg_catalog.to_regclass('audit.' || pg_catalog.quote_ident(old.partition_name)) is null then
    return old;
  end if;
  raise exception using errcode = '42501', message = 'the audit chain is append-only', hint = 'audit_log_append_only';
end
$$;

ALTER FUNCTION audit.tg_audit_chain__append_only() OWNER TO estate_owner;

--
-- Name: FUNCTION tg_audit_chain__append_only(); Type: COMMENT; Schema: audit; Owner: estate_owner
--

COMMENT ON FUNCTION audit.tg_audit_chain__append_only() IS 'Rejects UPDATE of chain links and seals, and DELETE while their partition exists (retention drops it first).';

--
-- Name: tg_audit_log__append_only(); Type: FUNCTION; Schema: audit; Owner: estate_owner
--

CREATE FUNCTION audit.tg_audit_log__append_only() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
begin
  raise exception using errcode = '42501', message = 'the audit log is append-only', hint = 'audit_log_append_only';
end
$$;

ALTER FUNCTION audit.tg_audit_log__append_only() OWNER TO estate_owner;

--
-- Name: FUNCTION tg_audit_log__append_only(); Type: COMMENT; Schema: audit; Owner: estate_owner
--

COMMENT ON FUNCTION audit.tg_audit_log__append_only() IS 'Rejects UPDATE, DELETE and TRUNCATE on the audit log, whoever asks.';

--
-- Name: verify_partition(text, date); Type: FUNCTION; Schema: audit; Owner: estate_owner
--

CREATE FUNCTION audit.verify_partition(p_partition_name text, p_month date) RETURNS TABLE(ok boolean, checked_rows bigint, unchained_rows bigint, first_bad_seq bigint, first_bad_audit_id bigint, problem text, head_hash bytea)
    LANGUAGE plpgsql
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
declare
  v_genesis bytea := audit.chain_genesis(p_partition_name);
  v_checked bigint;
  v_bad record;
  v_last record;
  v_seal record;
  v_unchained bigint;
begin
  perform pg_catalog.set_config('audit.maintenance', 'on', true);
  select pg_catalog.count(*) into v_checked from audit.audit_chain_links l where l.partition_name = p_partition_name;
  -- Walk the links in order: a gap, a missing row, a row whose content changed, a link that does
  -- not follow from the previous one. The first one found is reported.
  select c.seq, c.audit_id,
         case when c.seq <> c.position then 'link_missing'
              when c.actual is null then 'row_missing'
              when c.actual <> c.row_hash then 'row_changed'
              else 'link_broken' end as problem
    into v_bad
    from (select l.seq, l.audit_id, l.row_hash, l.chain_hash,
                 pg_catalog.row_number() over w as position,
                 audit.chain_hash(l.row_hash, v_genesis) over w as expected,
                 (select audit.row_digest(a) from audit.audit_log a
                   where a.id = l.audit_id and a.occurred_at >= p_month
                     and a.occurred_at < (p_month + interval '1 month')) as actual
            from audit.audit_chain_links l
           where l.partition_name = p_partition_name
          window w as (order by l.seq rows between unbounded preceding and current row)) c
   where c.seq <> c.position or c.actual is null or c.actual <> c.row_hash or c.expected <> c.chain_hash
   order by c.seq
   limit 1;

  select l.seq, l.txid, l.audit_id, l.chain_hash into v_last
    from audit.audit_chain_links l where l.partition_name = p_partition_name order by l.seq desc limit 1;
  -- Rows at or below the chain's end that no link names: inserted behind the seal's back.
  select pg_catalog.count(*) into v_unchained
    from audit.audit_log a
   where a.occurred_at >= p_month and a.occurred_at < (p_month + interval '1 month')
     and (coalesce(a.txid, 0), a.id) <= (coalesce(v_last.txid, -1), coalesce(v_last.audit_id, -1))
     and not exists (select 1 from audit.audit_chain_links l
                      where l.partition_name = p_partition_name and l.audit_id = a.id);
  -- The last seal's head must still be the chain's end (links cut off at the end leave no gap).
  select s.last_seq, s.head_hash into v_seal
    from audit.audit_seals s where s.partition_name = p_partition_name order by s.id desc limit 1;

  if v_bad.seq is not null then
    return query select false, v_checked, v_unchained, v_bad.seq, v_bad.audit_id, v_bad.problem, v_last.chain_hash;
  elsif v_seal.last_seq is not null and (v_last.seq is null or v_seal.last_seq > v_last.seq
         or v_seal.head_hash <> (select l.chain_hash from audit.audit_chain_links l
                                  where l.partition_name = p_partition_name and l.seq = v_seal.last_seq)) then
    return query select false, v_checked, v_unchained, v_seal.last_seq, null::bigint, 'seal_mismatch', v_last.chain_hash;
  elsif v_unchained > 0 then
    return query select false, v_checked, v_unchained, null::bigint,
      (select pg_catalog.min(a.id) from audit.audit_log a
        where a.occurred_at >= p_month and a.occurred_at < (p_month + interval '1 month')
          and (coalesce(a.txid, 0), a.id) <= (coalesce(v_last.txid, -1), coalesce(v_last.audit_id, -1))
          and not exists (select 1 from audit.audit_chain_links l
                           where l.partition_name = p_partition_name and l.audit_id = a.id)),
      'row_not_chained', v_last.chain_hash;
  else
    return query select true, v_checked, v_unchained, null::bigint, null::bigint, null::text, v_last.chain_hash;
  end if;
end
$$;

ALTER FUNCTION audit.verify_partition(p_partition_name text, p_month date) OWNER TO estate_owner;

--
-- Name: FUNCTION verify_partition(p_partition_name text, p_month date); Type: COMMENT; Schema: audit; Owner: estate_owner
--

COMMENT ON FUNCTION audit.verify_partition(p_partition_name text, p_month date) IS 'Recomputes a partition''s chain from its rows: ok, or the first link whose row is missing or changed, or that does not follow.';

--
-- Name: sp_add_staff(text, text, text, text); Type: FUNCTION; Schema: support; Owner: estate_owner
--

CREATE FUNCTION support.sp_add_staff(p_user_pool_id text, p_cognito_sub text, p_email text, p_display_name text) RETURNS TABLE(staff_id uuid, email text, display_name text, status text, created_at timestamp with time zone)
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $_$
#variable_conflict use_column
declare
  v_provider_id uuid;
begin
  perform app.require_operator();
  select p.id into v_provider_id from app.support_identity_providers p where p.user_pool_id = p_user_pool_id;
  if v_provider_id is null then
    perform app.fail('PT404', 'provider_not_found', 'staff user pool not found');
  end if;
  if p_cognito_sub is null or p_cognito_sub !~ '^[\w-]{1,128}$' then
    perform app.fail('PT400', 'invalid_sub', 'a Cognito subject is 1 to 128 word characters or hyphens');
  end if;
  return query
    insert into app.support_staff as s (provider_id, cognito_sub, email, display_name)
    values (v_provider_id, p_cognito_sub, app.normalize_email(p_email),
            app.require_text(p_display_name, 'invalid_display_name', 200))
    on conflict (cognito_sub) do update set email = excluded.email, display_name = excluded.display_name
    where s.provider_id = excluded.provider_id
    returning s.id, s.email, s.display_name, s.status, s.created_at;
  if not found then
    perform app.fail('PT409', 'staff_sub_taken', 'this subject is a staff member of another staff pool');
  end if;
end
$_$;

ALTER FUNCTION support.sp_add_staff(p_user_pool_id text, p_cognito_sub text, p_email text, p_display_name text) OWNER TO estate_owner;

--
-- Name: FUNCTION sp_add_staff(p_user_pool_id text, p_cognito_sub text, p_email text, p_display_name text); Type: COMMENT; Schema: support; Owner: estate_owner
--

COMMENT ON FUNCTION support.sp_add_staff(p_user_pool_id text, p_cognito_sub text, p_email text, p_display_name text) IS 'Operators: registers a staff member (a subject of a staff pool) who may then use the support door; again updates email and name.';

--
-- Name: sp_apply_audit_retention(boolean); Type: FUNCTION; Schema: support; Owner: estate_owner
--

CREATE FUNCTION support.sp_apply_audit_retention(p_dry_run boolean) RETURNS TABLE(partition_name text, month date, action text, reason text)
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
#variable_conflict use_column
declare
  v_months_kept integer;
  v_cutoff date;
  v_partition record;
  v_check record;
  v_rows bigint;
begin
  perform app.require_operator();
  if p_dry_run is null then
    perform app.fail('PT400', 'invalid_dry_run', 'say whether this is a dry run');
  end if;
  perform pg_catalog.pg_advisory_xact_lock(pg_catalog.hashtext('audit-partitions'));
  perform pg_catalog.pg_advisory_xact_lock(pg_catalog.hashtext('audit-seal'));
  -- Dropping a partition locks the audit log for an instant: never queue writers behind a long
  -- reader for more than this (the run fails and the next one tries again).
  perform pg_catalog.set_config('lock_timeout', '5s', true);
  select r.months_kept into v_months_kept from app.audit_retention_policy r;
  v_cutoff := (pg_catalog.date_trunc('month', pg_catalog.now()) - pg_catalog.make_interval(months => v_months_kept))::date;
  for v_partition in
    select m.partition_name, m.month from audit.month_partitions() m where m.month < v_cutoff
  loop
    partition_name := v_partition.partition_name;
    month := v_partition.month;
    -- Evidence is dropped only whole: every row chained, and the chain verified now.
    select * into v_check from audit.verify_partition(v_partition.partition_name, v_partition.month);
    select pg_catalog.count(*) into v_rows
      from audit.audit_log a
     where a.occurred_at >= v_partition.month and a.occurred_at < (v_partition.month + interval '1 month')
       and not exists (select 1 from audit.audit_chain_links l
                        where l.partition_name = v_partition.partition_name and l.audit_id = a.id);
    if v_rows > 0 then
      action := 'kept';
      reason := 'unsealed';
    elsif not v_check.ok then
      action := 'kept';
      reason := 'verification_failed: ' || v_check.problem;
    elsif p_dry_run then
      action := 'would_drop';
      reason := 'older than ' || v_months_kept || ' months';
    else
      perform audit.record_support_call('audit.' || v_partition.partition_name, 'DELETE', null,
        pg_catalog.jsonb_build_object('reason', 'retention', 'months_kept', v_months_kept,
                                      'rows', v_check.checked_rows, 'head_hash', pg_catalog.encode(v_check.head_hash, 'hex')));
      execute pg_catalog.format('drop table audit.%I', v_partition.partition_name);
      -- The seals stay: the record that the month existed, how many rows it held, and its head.
      delete from audit.audit_chain_links l where l.partition_name = v_partition.partition_name;
      action := 'dropped';
      reason := 'older than ' || v_months_kept || ' months';
    end if;
    return next;
  end loop;
end
$$;

ALTER FUNCTION support.sp_apply_audit_retention(p_dry_run boolean) OWNER TO estate_owner;

--
-- Name: FUNCTION sp_apply_audit_retention(p_dry_run boolean); Type: COMMENT; Schema: support; Owner: estate_owner
--

COMMENT ON FUNCTION support.sp_apply_audit_retention(p_dry_run boolean) IS 'Operators and the maintenance job: drops audit partitions older than the retention policy, only when fully sealed and verified (a dry run lists them); each drop audited.';

--
-- Name: sp_approve_break_glass(uuid, uuid); Type: FUNCTION; Schema: support; Owner: estate_owner
--

CREATE FUNCTION support.sp_approve_break_glass(p_tenant_id uuid, p_request_id uuid) RETURNS TABLE(request_id uuid, user_id uuid, kind text, state text, reason text, ticket_ref text, minutes integer, requested_by text, requested_at timestamp with time zone, respond_by timestamp with time zone, decided_by text, decided_at timestamp with time zone, expires_at timestamp with time zone, ended_by text, ended_at timestamp with time zone, view_count integer, last_viewed_at timestamp with time zone)
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
declare
  v_tenant_id uuid := app.enter_tenant_as_support(p_tenant_id);
  v_actor text := app.require_staff_member();
  v_row app.support_access_requests;
  v_opener app.support_staff;
  v_approver app.support_staff;
begin
  -- The row lock serialises racing approvers: the second one finds it approved already.
  select * into v_row from app.support_access_requests r
   where r.tenant_id = v_tenant_id and r.id = p_request_id and r.kind = 'break_glass'
   for update;
  if v_row.id is null then
    perform app.fail('PT404', 'access_request_not_found', 'access request not found');
  end if;
  -- Two people, not two names: the opener's and the approver's staff rows must differ, and so must
  -- their emails (one person with two staff identities is one person).
  select * into v_opener from app.support_staff s where s.cognito_sub = pg_catalog.substr(v_row.staff_actor, 9);
  select * into v_approver from app.support_staff s where s.cognito_sub = pg_catalog.substr(v_actor, 9);
  if v_row.staff_actor = v_actor or v_opener.id is null or v_opener.id = v_approver.id
     or pg_catalog.lower(v_opener.email) = pg_catalog.lower(v_approver.email) then
    -- The refusal rolls back everything: the server's log keeps the attempt (ids only, no PII).
    raise log 'BREAK-GLASS self-approval refused: tenant %, request %, opened by %, approval tried by %',
      v_tenant_id, p_request_id, v_row.staff_actor, v_actor;
    perform app.fail('PT403', 'break_glass_second_staff_required',
      'a break-glass access is approved by a second, different staff member, never by the one who opened it');
  end if;
  if app.support_access_state(v_row.status, v_row.respond_by, v_row.expires_at) <> 'pending' then
    perform app.fail('PT409', 'access_request_not_pending', 'this request is no longer waiting for a decision');
  end if;
  update app.support_access_requests r
     set status = 'approved', decided_by = v_actor, decided_at = pg_catalog.now(),
         expires_at = pg_catalog.now() + pg_catalog.make_interval(mins => r.minutes)
   where r.tenant_id = v_tenant_id and r.id = p_request_id;
  raise log 'BREAK-GLASS approved: tenant %, user %, request %, opened by %, approved by %',
    v_tenant_id, v_row.user_id, p_request_id, v_row.staff_actor, v_actor;
  return query select * from app.support_access_request_row(v_tenant_id, p_request_id);
end
$$;

ALTER FUNCTION support.sp_approve_break_glass(p_tenant_id uuid, p_request_id uuid) OWNER TO estate_owner;

--
-- Name: FUNCTION sp_approve_break_glass(p_tenant_id uuid, p_request_id uuid); Type: COMMENT; Schema: support; Owner: estate_owner
--

COMMENT ON FUNCTION support.sp_approve_break_glass(p_tenant_id uuid, p_request_id uuid) IS 'Support: a second, different staff member approves a pending break-glass access; it is then the opener''s for its minutes, and the user sees it.';

--
-- Name: sp_close_support_access(uuid, uuid); Type: FUNCTION; Schema: support; Owner: estate_owner
--

CREATE FUNCTION support.sp_close_support_access(p_tenant_id uuid, p_request_id uuid) RETURNS TABLE(request_id uuid, user_id uuid, kind text, state text, reason text, ticket_ref text, minutes integer, requested_by text, requested_at timestamp with time zone, respond_by timestamp with time zone, decided_by text, decided_at timestamp with time zone, expires_at timestamp with time zone, ended_by text, ended_at timestamp with time zone, view_count integer, last_viewed_at timestamp with time zone)
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
declare
  v_tenant_id uuid := app.enter_tenant_as_support(p_tenant_id);
  v_actor text := app.require_staff_member();
  v_state text;
begin
  select app.support_access_state(r.status, r.respond_by, r.expires_at) into v_state
    from app.support_access_requests r
   where r.tenant_id = v_tenant_id and r.id = p_request_id
   for update;
  if v_state is null then
    perform app.fail('PT404', 'access_request_not_found', 'access request not found');
  end if;
  -- Any staff member may withdraw a request or end an access early (a reviewer who refuses a
  -- break-glass closes it); nobody can reopen one.
  if v_state not in ('pending', 'active') then
    perform app.fail('PT409', 'access_request_not_open', 'this request is neither waiting nor active');
  end if;
  update app.support_access_requests r set status = 'closed', ended_by = v_actor, ended_at = pg_catalog.now()
   where r.tenant_id = v_tenant_id and r.id = p_request_id;
  return query select * from app.support_access_request_row(v_tenant_id, p_request_id);
end
$$;

ALTER FUNCTION support.sp_close_support_access(p_tenant_id uuid, p_request_id uuid) OWNER TO estate_owner;

--
-- Name: FUNCTION sp_close_support_access(p_tenant_id uuid, p_request_id uuid); Type: COMMENT; Schema: support; Owner: estate_owner
--

COMMENT ON FUNCTION support.sp_close_support_access(p_tenant_id uuid, p_request_id uuid) IS 'Support: withdraws a waiting access request or ends an active access early (any staff member; audited).';

--
-- Name: sp_create_tenant(text, text, jsonb, jsonb); Type: FUNCTION; Schema: support; Owner: estate_owner
--

CREATE FUNCTION support.sp_create_tenant(p_slug text, p_name text, p_branding jsonb DEFAULT '{}'::jsonb, p_settings jsonb DEFAULT '{}'::jsonb) RETURNS TABLE(tenant_id uuid, slug text, name text, status text, created_at timestamp with time zone)
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $_$
#variable_conflict use_column
declare
  v_tenant_id uuid := gen_random_uuid();
  v_slug text := pg_catalog.lower(pg_catalog.btrim(p_slug));
begin
  perform app.require_support_session();
  if v_slug is null or v_slug !~ '^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$' then
    perform app.fail('PT400', 'invalid_slug', 'slug must be 1 to 63 lower-case letters, digits or inner hyphens');
  end if;
  if coalesce(pg_catalog.jsonb_typeof(p_branding), 'object') <> 'object'
     or coalesce(pg_catalog.jsonb_typeof(p_settings), 'object') <> 'object' then
    perform app.fail('PT400', 'invalid_settings', 'branding and settings must be JSON objects');
  end if;
  if exists (select 1 from app.tenants t where t.slug = v_slug) then
    perform app.fail('PT409', 'tenant_slug_taken', 'a tenant with this slug exists');
  end if;
  perform pg_catalog.set_config('app.tenant_id', v_tenant_id::text, true);
  return query
    insert into app.tenants as t (tenant_id, slug, name, branding, settings)
    values (v_tenant_id, v_slug, app.require_text(p_name, 'invalid_name', 200),
            coalesce(p_branding, '{}'), coalesce(p_settings, '{}'))
    returning t.tenant_id, t.slug, t.name, t.status, t.created_at;
end
$_$;

ALTER FUNCTION support.sp_create_tenant(p_slug text, p_name text, p_branding jsonb, p_settings jsonb) OWNER TO estate_owner;

--
-- Name: FUNCTION sp_create_tenant(p_slug text, p_name text, p_branding jsonb, p_settings jsonb); Type: COMMENT; Schema: support; Owner: estate_owner
--

COMMENT ON FUNCTION support.sp_create_tenant(p_slug text, p_name text, p_branding jsonb, p_settings jsonb) IS 'Creates a white-label partner (tenant) with its branding and settings.';

--
-- Name: sp_ensure_audit_partitions(integer); Type: FUNCTION; Schema: support; Owner: estate_owner
--

CREATE FUNCTION support.sp_ensure_audit_partitions(p_months_ahead integer) RETURNS integer
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
declare
  v_created integer;
begin
  perform app.require_support_session();
  if p_months_ahead is null or p_months_ahead not between 1 and 36 then
    perform app.fail('PT400', 'invalid_months_ahead', 'make partitions 1 to 36 months ahead');
  end if;
  v_created := audit.ensure_partitions(1, p_months_ahead);
  perform audit.record_support_call('support.sp_ensure_audit_partitions', 'INSERT', null,
    pg_catalog.jsonb_build_object('months_ahead', p_months_ahead, 'created', v_created));
  return v_created;
end
$$;

ALTER FUNCTION support.sp_ensure_audit_partitions(p_months_ahead integer) OWNER TO estate_owner;

--
-- Name: FUNCTION sp_ensure_audit_partitions(p_months_ahead integer); Type: COMMENT; Schema: support; Owner: estate_owner
--

COMMENT ON FUNCTION support.sp_ensure_audit_partitions(p_months_ahead integer) IS 'Support and the maintenance job: creates the audit log''s monthly partitions up to p_months_ahead months ahead (idempotent), moving stray rows out of the default partition; audited.';

--
-- Name: sp_find_tenants(text, text, integer, integer); Type: FUNCTION; Schema: support; Owner: estate_owner
--

CREATE FUNCTION support.sp_find_tenants(p_query text, p_status text, p_limit integer, p_offset integer) RETURNS TABLE(tenant_id uuid, slug text, name text, status text, created_at timestamp with time zone)
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
#variable_conflict use_column
declare
  v_query text := pg_catalog.lower(pg_catalog.btrim(p_query));
begin
  perform app.require_support_session();
  perform app.check_page(p_limit, p_offset);
  if pg_catalog.length(v_query) > 200 then
    perform app.fail('PT400', 'invalid_query', 'a search is at most 200 characters');
  end if;
  if p_status is not null and p_status not in ('active', 'suspended', 'closed') then
    perform app.fail('PT400', 'invalid_status', 'a tenant''s status is active, suspended or closed');
  end if;
  return query
    select t.tenant_id, t.slug, t.name, t.status, t.created_at
      from app.tenants t
     where (v_query is null or v_query = ''
            or t.slug like pg_catalog.replace(pg_catalog.replace(pg_catalog.replace(v_query, '\', '\\'), '%', '\%'), '_', '\_') || '%'
            or pg_catalog.strpos(pg_catalog.lower(t.name), v_query) > 0
            or t.tenant_id::text = v_query)
       and (p_status is null or t.status = p_status)
     order by t.slug
     limit p_limit offset p_offset;
  perform app.audit_support_read(null, 'support.sp_find_tenants', null,
    pg_catalog.jsonb_build_object('query', v_query, 'status', p_status, 'limit', p_limit, 'offset', p_offset));
end
$$;

ALTER FUNCTION support.sp_find_tenants(p_query text, p_status text, p_limit integer, p_offset integer) OWNER TO estate_owner;

--
-- Name: FUNCTION sp_find_tenants(p_query text, p_status text, p_limit integer, p_offset integer); Type: COMMENT; Schema: support; Owner: estate_owner
--

COMMENT ON FUNCTION support.sp_find_tenants(p_query text, p_status text, p_limit integer, p_offset integer) IS 'Support: tenants whose slug starts with, or name contains, the query (or whose id it is), optionally of one status; paged, audited.';

--
-- Name: sp_find_users(uuid, text, integer, integer); Type: FUNCTION; Schema: support; Owner: estate_owner
--

CREATE FUNCTION support.sp_find_users(p_tenant_id uuid, p_query text, p_limit integer, p_offset integer) RETURNS TABLE(user_id uuid, persona_id uuid, email_masked text, name_masked text, status text, last_login_at timestamp with time zone, created_at timestamp with time zone)
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $_$
#variable_conflict use_column
declare
  v_tenant_id uuid := app.enter_tenant_as_support(p_tenant_id);
  v_query text := pg_catalog.lower(pg_catalog.btrim(p_query));
  v_name_start text := pg_catalog.replace(pg_catalog.replace(pg_catalog.replace(
                         pg_catalog.lower(pg_catalog.btrim(p_query)), '\', '\\'), '%', '\%'), '_', '\_') || '%';
  v_id uuid;
begin
  perform app.check_page(p_limit, p_offset);
  if pg_catalog.length(v_query) > 320 then
    perform app.fail('PT400', 'invalid_query', 'a search is at most 320 characters');
  end if;
  if v_query ~ '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$' then
    v_id := v_query::uuid;
  end if;
  -- An email is matched whole (staff type what the caller told them); a name by its start; an id exactly.
  return query
    select u.id, up.persona_id, app.mask_email(u.email), app.mask_name(p.first_name, p.last_name), u.status,
           u.last_login_at, u.created_at
      from app.users u
      left join app.user_personas up on up.tenant_id = u.tenant_id and up.user_id = u.id and up.link_kind = 'self'
      left join app.personas p on p.tenant_id = up.tenant_id and p.id = up.persona_id
     where u.tenant_id = v_tenant_id
       and (v_query is null or v_query = ''
            or pg_catalog.lower(u.email) = v_query
            or u.id = v_id or up.persona_id = v_id
            or u.cognito_sub = v_query
            -- A name's start of at least 3 characters, wildcards taken literally: a letter at a
            -- time would spell out a masked name.
            or (v_query !~ '@' and pg_catalog.length(v_query) >= 3
                and (pg_catalog.lower(p.last_name) like v_name_start escape '\'
                     or pg_catalog.lower(p.first_name) like v_name_start escape '\')))
     order by u.created_at, u.id
     limit p_limit offset p_offset;
  perform app.audit_support_read(v_tenant_id, 'support.sp_find_users', null,
    pg_catalog.jsonb_build_object('query', case when v_query is null or v_query = '' then null else '[redacted]' end,
                                  'limit', p_limit, 'offset', p_offset));
end
$_$;

ALTER FUNCTION support.sp_find_users(p_tenant_id uuid, p_query text, p_limit integer, p_offset integer) OWNER TO estate_owner;

--
-- Name: FUNCTION sp_find_users(p_tenant_id uuid, p_query text, p_limit integer, p_offset integer); Type: COMMENT; Schema: support; Owner: estate_owner
--

COMMENT ON FUNCTION support.sp_find_users(p_tenant_id uuid, p_query text, p_limit integer, p_offset integer) IS 'Support: a tenant''s users by whole email, name start, user, persona or Cognito id; emails and names masked; paged, audited.';

--
-- Name: sp_get_account_number(uuid, uuid, uuid); Type: FUNCTION; Schema: support; Owner: estate_owner
--

CREATE FUNCTION support.sp_get_account_number(p_tenant_id uuid, p_user_id uuid, p_asset_id uuid) RETURNS TABLE(asset_id uuid, identifier_ciphertext bytea, identifier_last4 text, access_expires_at timestamp with time zone)
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
#variable_conflict use_column
declare
  v_tenant_id uuid := app.enter_tenant_as_support(p_tenant_id);
  v_actor text := app.require_staff_member();
  v_request_id uuid;
  v_expires_at timestamptz;
  v_ciphertext bytea;
  v_last4 text;
begin
  select g.request_id, g.expires_at into v_request_id, v_expires_at from app.require_support_access(v_tenant_id, p_user_id) g;
  select a.identifier_ciphertext, a.identifier_last4 into v_ciphertext, v_last4
    from app.user_personas up
    join app.asset_ownerships o on o.tenant_id = up.tenant_id and o.persona_id = up.persona_id
    join app.assets a on a.tenant_id = o.tenant_id and a.id = o.asset_id
   where up.tenant_id = v_tenant_id and up.user_id = p_user_id and up.link_kind = 'self' and a.id = p_asset_id;
  if not found then
    perform app.fail('PT404', 'asset_not_found', 'asset not found');
  end if;
  if v_ciphertext is null then
    perform app.fail('PT404', 'account_number_not_found', 'this asset has no account number');
  end if;
  -- The ciphertext only: the support route decrypts it with the API's field keys.
  insert into app.support_access_events (tenant_id, access_request_id, user_id, what, asset_id, staff_actor)
  values (v_tenant_id, v_request_id, p_user_id, 'account_number', p_asset_id, v_actor);
  perform app.audit_support_read(v_tenant_id, 'support.sp_get_account_number', p_asset_id::text,
    pg_catalog.jsonb_build_object('access_request_id', v_request_id, 'user_id', p_user_id));
  return query select p_asset_id, v_ciphertext, v_last4, v_expires_at;
end
$$;

ALTER FUNCTION support.sp_get_account_number(p_tenant_id uuid, p_user_id uuid, p_asset_id uuid) OWNER TO estate_owner;

--
-- Name: FUNCTION sp_get_account_number(p_tenant_id uuid, p_user_id uuid, p_asset_id uuid); Type: COMMENT; Schema: support; Owner: estate_owner
--

COMMENT ON FUNCTION support.sp_get_account_number(p_tenant_id uuid, p_user_id uuid, p_asset_id uuid) IS 'Support: the encrypted account number of one of a user''s assets (the route decrypts it), under a current approved access of the caller''s; recorded as an access event the user sees, audited.';

--
-- Name: sp_get_current_staff(); Type: FUNCTION; Schema: support; Owner: estate_owner
--

CREATE FUNCTION support.sp_get_current_staff() RETURNS TABLE(staff_id uuid, email text, display_name text, status text, created_at timestamp with time zone)
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
#variable_conflict use_column
begin
  perform app.require_support_session();
  return query
    select s.id, s.email, s.display_name, s.status, s.created_at
      from app.support_staff s
     where app.is_staff_door_actor() and s.cognito_sub = pg_catalog.substr(app.current_actor_id(), 9);
  if not found then
    perform app.fail('PT403', 'staff_not_registered', 'this identity is not a registered staff member');
  end if;
  perform app.audit_support_read(null, 'support.sp_get_current_staff', null, '{}');
end
$$;

ALTER FUNCTION support.sp_get_current_staff() OWNER TO estate_owner;

--
-- Name: FUNCTION sp_get_current_staff(); Type: COMMENT; Schema: support; Owner: estate_owner
--

COMMENT ON FUNCTION support.sp_get_current_staff() IS 'The staff member signed in through the support door; audited.';

--
-- Name: sp_get_data_request(uuid, uuid); Type: FUNCTION; Schema: support; Owner: estate_owner
--

CREATE FUNCTION support.sp_get_data_request(p_tenant_id uuid, p_request_id uuid) RETURNS TABLE(request_id uuid, user_id uuid, email_masked text, kind text, status text, received_at timestamp with time zone, due_at timestamp with time zone, completed_at timestamp with time zone, refusal_code text, refusal_reason text, outcome jsonb, events jsonb)
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
#variable_conflict use_column
declare
  v_tenant_id uuid := app.enter_tenant_as_support(p_tenant_id);
begin
  if p_request_id is null or not exists (select 1 from app.data_subject_requests r
                                          where r.tenant_id = v_tenant_id and r.id = p_request_id) then
    perform app.fail('PT404', 'data_request_not_found', 'data request not found');
  end if;
  return query
    select r.id, r.user_id, app.mask_email(u.email), r.kind, r.status, r.received_at, r.due_at, r.completed_at,
           r.refusal_code, r.refusal_reason, r.outcome, app.data_request_events(r.id)
      from app.data_subject_requests r
      join app.users u on u.tenant_id = r.tenant_id and u.id = r.user_id
     where r.tenant_id = v_tenant_id and r.id = p_request_id;
  perform app.audit_support_read(v_tenant_id, 'support.sp_get_data_request', p_request_id::text, '{}');
end
$$;

ALTER FUNCTION support.sp_get_data_request(p_tenant_id uuid, p_request_id uuid) OWNER TO estate_owner;

--
-- Name: FUNCTION sp_get_data_request(p_tenant_id uuid, p_request_id uuid); Type: COMMENT; Schema: support; Owner: estate_owner
--

COMMENT ON FUNCTION support.sp_get_data_request(p_tenant_id uuid, p_request_id uuid) IS 'Support: one data subject request of a tenant with its refusal reason or outcome and its trail; the requester''s email masked; audited.';

--
-- Name: sp_get_payment_summary(uuid); Type: FUNCTION; Schema: support; Owner: estate_owner
--

CREATE FUNCTION support.sp_get_payment_summary(p_tenant_id uuid) RETURNS TABLE(currency text, payments_total numeric, refunds_total numeric, balance numeric, payment_count bigint, refund_count bigint, failed_payment_count bigint, last_posted_at timestamp with time zone)
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
#variable_conflict use_column
begin
  perform app.enter_tenant_as_support(p_tenant_id);
  return query select v.currency, v.payments_total, v.refunds_total, v.balance, v.payment_count, v.refund_count,
                      v.failed_payment_count, v.last_posted_at
                 from app.v_payment_summary v where v.tenant_id = p_tenant_id order by v.currency;
  perform app.audit_support_read(p_tenant_id, 'support.sp_get_payment_summary', null, '{}');
end
$$;

ALTER FUNCTION support.sp_get_payment_summary(p_tenant_id uuid) OWNER TO estate_owner;

--
-- Name: FUNCTION sp_get_payment_summary(p_tenant_id uuid); Type: COMMENT; Schema: support; Owner: estate_owner
--

COMMENT ON FUNCTION support.sp_get_payment_summary(p_tenant_id uuid) IS 'Support: a tenant''s payments, refunds and ledger balance per currency; audited.';

--
-- Name: sp_get_tenant_by_slug(text); Type: FUNCTION; Schema: support; Owner: estate_owner
--

CREATE FUNCTION support.sp_get_tenant_by_slug(p_slug text) RETURNS TABLE(tenant_id uuid, slug text, name text, status text, created_at timestamp with time zone)
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
#variable_conflict use_column
declare
  v_tenant_id uuid;
begin
  perform app.require_support_session();
  select t.tenant_id into v_tenant_id from app.tenants t where t.slug = pg_catalog.lower(pg_catalog.btrim(p_slug));
  if v_tenant_id is null then
    perform app.fail('PT404', 'tenant_not_found', 'tenant not found');
  end if;
  return query
    select t.tenant_id, t.slug, t.name, t.status, t.created_at from app.tenants t where t.tenant_id = v_tenant_id;
  perform app.audit_support_read(v_tenant_id, 'support.sp_get_tenant_by_slug', v_tenant_id::text, '{}');
end
$$;

ALTER FUNCTION support.sp_get_tenant_by_slug(p_slug text) OWNER TO estate_owner;

--
-- Name: FUNCTION sp_get_tenant_by_slug(p_slug text); Type: COMMENT; Schema: support; Owner: estate_owner
--

COMMENT ON FUNCTION support.sp_get_tenant_by_slug(p_slug text) IS 'Finds a tenant by its slug; audited.';

--
-- Name: sp_get_tenant_security_policy(uuid); Type: FUNCTION; Schema: support; Owner: estate_owner
--

CREATE FUNCTION support.sp_get_tenant_security_policy(p_tenant_id uuid) RETURNS TABLE(tenant_id uuid, mfa_required boolean, mfa_factors text[], password_max_age_days integer, updated_by text, updated_at timestamp with time zone)
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
#variable_conflict use_column
declare
  v_tenant_id uuid := app.enter_tenant_as_support(p_tenant_id);
begin
  -- A tenant without a policy row requires nothing: its defaults, with no author.
  return query
    select v_tenant_id, coalesce(p.mfa_required, false),
           coalesce(p.mfa_factors, array['totp', 'sms', 'email', 'webauthn']), p.password_max_age_days,
           p.updated_by, p.updated_at
      from (select 1) one
      left join app.tenant_security_policies p on p.tenant_id = v_tenant_id;
  perform app.audit_support_read(v_tenant_id, 'support.sp_get_tenant_security_policy', null, '{}');
end
$$;

ALTER FUNCTION support.sp_get_tenant_security_policy(p_tenant_id uuid) OWNER TO estate_owner;

--
-- Name: FUNCTION sp_get_tenant_security_policy(p_tenant_id uuid); Type: COMMENT; Schema: support; Owner: estate_owner
--

COMMENT ON FUNCTION support.sp_get_tenant_security_policy(p_tenant_id uuid) IS 'Support: a tenant''s security policy (MFA requirement and factors, password rotation age) and who set it last; audited.';

--
-- Name: sp_get_user_assets_unmasked(uuid, uuid, integer, integer); Type: FUNCTION; Schema: support; Owner: estate_owner
--

CREATE FUNCTION support.sp_get_user_assets_unmasked(p_tenant_id uuid, p_user_id uuid, p_limit integer, p_offset integer) RETURNS TABLE(asset_id uuid, asset_type text, category_code text, name text, description text, currency text, is_liability boolean, status text, ownership_percentage numeric, ownership_form text, latest_value numeric, valued_on date, identifier_last4 text, access_expires_at timestamp with time zone)
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
#variable_conflict use_column
declare
  v_tenant_id uuid := app.enter_tenant_as_support(p_tenant_id);
  v_actor text := app.require_staff_member();
  v_request_id uuid;
  v_expires_at timestamptz;
begin
  perform app.check_page(p_limit, p_offset);
  select g.request_id, g.expires_at into v_request_id, v_expires_at from app.require_support_access(v_tenant_id, p_user_id) g;
  insert into app.support_access_events (tenant_id, access_request_id, user_id, what, staff_actor)
  values (v_tenant_id, v_request_id, p_user_id, 'assets', v_actor);
  -- The user's own persona's assets (the people they act for were not asked).
  return query
    select a.id, a.asset_type, a.category_code, a.name, a.description, a.currency, a.is_liability, a.status,
           o.ownership_percentage, o.ownership_form::text, l.amount, l.valued_on, a.identifier_last4, v_expires_at
      from app.user_personas up
      join app.asset_ownerships o on o.tenant_id = up.tenant_id and o.persona_id = up.persona_id
      join app.assets a on a.tenant_id = o.tenant_id and a.id = o.asset_id
      left join app.asset_latest_valuations l on l.tenant_id = a.tenant_id and l.asset_id = a.id
     where up.tenant_id = v_tenant_id and up.user_id = p_user_id and up.link_kind = 'self'
     order by a.created_at, a.id
     limit p_limit offset p_offset;
  perform app.audit_support_read(v_tenant_id, 'support.sp_get_user_assets_unmasked', p_user_id::text,
    pg_catalog.jsonb_build_object('access_request_id', v_request_id, 'limit', p_limit, 'offset', p_offset));
end
$$;

ALTER FUNCTION support.sp_get_user_assets_unmasked(p_tenant_id uuid, p_user_id uuid, p_limit integer, p_offset integer) OWNER TO estate_owner;

--
-- Name: FUNCTION sp_get_user_assets_unmasked(p_tenant_id uuid, p_user_id uuid, p_limit integer, p_offset integer); Type: COMMENT; Schema: support; Owner: estate_owner
--

COMMENT ON FUNCTION support.sp_get_user_assets_unmasked(p_tenant_id uuid, p_user_id uuid, p_limit integer, p_offset integer) IS 'Support: the assets of a user''s own persona with names and descriptions in clear, under a current approved access of the caller''s; recorded as an access event the user sees, audited.';

--
-- Name: sp_get_user_circles(uuid, uuid); Type: FUNCTION; Schema: support; Owner: estate_owner
--

CREATE FUNCTION support.sp_get_user_circles(p_tenant_id uuid, p_user_id uuid) RETURNS TABLE(ffc_id uuid, name_masked text, persona_id uuid, role text, membership_status text, active_members integer, joined_at timestamp with time zone)
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
#variable_conflict use_column
declare
  v_tenant_id uuid := app.enter_tenant_as_support(p_tenant_id);
  v_user_id uuid := app.require_tenant_user(p_user_id);
begin
  -- A circle's name often carries the family's name: its first letter only.
  return query
    select f.id, pg_catalog.left(f.name, 1) || '***', m.persona_id, m.role, m.status,
           (select pg_catalog.count(*)::integer from app.ffc_memberships o
             where o.tenant_id = v_tenant_id and o.ffc_id = f.id and o.status = 'active'),
           m.created_at
      from app.user_personas up
      join app.ffc_memberships m on m.tenant_id = up.tenant_id and m.persona_id = up.persona_id
      join app.fwd_family_circles f on f.tenant_id = m.tenant_id and f.id = m.ffc_id
     where up.tenant_id = v_tenant_id and up.user_id = v_user_id
     order by m.created_at, f.id;
  perform app.audit_support_read(v_tenant_id, 'support.sp_get_user_circles', v_user_id::text, '{}');
end
$$;

ALTER FUNCTION support.sp_get_user_circles(p_tenant_id uuid, p_user_id uuid) OWNER TO estate_owner;

--
-- Name: FUNCTION sp_get_user_circles(p_tenant_id uuid, p_user_id uuid); Type: COMMENT; Schema: support; Owner: estate_owner
--

COMMENT ON FUNCTION support.sp_get_user_circles(p_tenant_id uuid, p_user_id uuid) IS 'Support: the family circles of the personas a user acts for, with role and membership status, names masked; audited.';

--
-- Name: sp_get_user_personas(uuid, uuid); Type: FUNCTION; Schema: support; Owner: estate_owner
--

CREATE FUNCTION support.sp_get_user_personas(p_tenant_id uuid, p_user_id uuid) RETURNS TABLE(persona_id uuid, link_kind text, name_masked text, living_status text, emails_masked text[], phones_masked text[], addresses_masked text[])
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
#variable_conflict use_column
declare
  v_tenant_id uuid := app.enter_tenant_as_support(p_tenant_id);
  v_user_id uuid := app.require_tenant_user(p_user_id);
begin
  return query
    select up.persona_id, up.link_kind, app.mask_name(p.first_name, p.last_name), p.living_status,
           array(select app.mask_email(e.email) from app.persona_emails e
                  where e.tenant_id = v_tenant_id and e.persona_id = p.id order by e.is_primary desc, e.created_at),
           array(select app.mask_phone(ph.phone_number) from app.persona_phones ph
                  where ph.tenant_id = v_tenant_id and ph.persona_id = p.id order by ph.is_primary desc, ph.created_at),
           array(select '***, ' || a.country_code from app.persona_addresses a
                  where a.tenant_id = v_tenant_id and a.persona_id = p.id order by a.is_primary desc, a.created_at)
      from app.user_personas up
      join app.personas p on p.tenant_id = up.tenant_id and p.id = up.persona_id
     where up.tenant_id = v_tenant_id and up.user_id = v_user_id
     order by up.link_kind desc, up.created_at;
  perform app.audit_support_read(v_tenant_id, 'support.sp_get_user_personas', v_user_id::text, '{}');
end
$$;

ALTER FUNCTION support.sp_get_user_personas(p_tenant_id uuid, p_user_id uuid) OWNER TO estate_owner;

--
-- Name: FUNCTION sp_get_user_personas(p_tenant_id uuid, p_user_id uuid); Type: COMMENT; Schema: support; Owner: estate_owner
--

COMMENT ON FUNCTION support.sp_get_user_personas(p_tenant_id uuid, p_user_id uuid) IS 'Support: the personas a user acts for, with names, emails, phones and addresses masked; audited.';

--
-- Name: sp_get_user_personas_unmasked(uuid, uuid); Type: FUNCTION; Schema: support; Owner: estate_owner
--

CREATE FUNCTION support.sp_get_user_personas_unmasked(p_tenant_id uuid, p_user_id uuid) RETURNS TABLE(persona_id uuid, link_kind text, first_name text, last_name text, emails text[], phones text[], addresses text[], grant_expires_at timestamp with time zone)
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
#variable_conflict use_column
declare
  v_tenant_id uuid := app.enter_tenant_as_support(p_tenant_id);
  v_user_id uuid := app.require_tenant_user(p_user_id);
  v_grant_id uuid;
  v_expires_at timestamptz;
begin
  -- Only the staff member the grant names, only before it expires.
  select g.id, g.expires_at into v_grant_id, v_expires_at
    from app.support_unmask_grants g
   where g.tenant_id = v_tenant_id and g.user_id = v_user_id and g.staff_actor = app.current_actor_id()
     and g.expires_at > pg_catalog.now()
   order by g.expires_at desc limit 1
   for update;
  if v_grant_id is null then
    perform app.fail('PT403', 'unmask_grant_required',
      'seeing this user''s contact data in clear needs a current unmask grant of yours (reason and ticket)');
  end if;
  update app.support_unmask_grants g set view_count = g.view_count + 1, last_viewed_at = pg_catalog.now()
   where g.tenant_id = v_tenant_id and g.id = v_grant_id;
  return query
    select up.persona_id, up.link_kind, p.first_name, p.last_name,
           array(select e.email from app.persona_emails e
                  where e.tenant_id = v_tenant_id and e.persona_id = p.id order by e.is_primary desc, e.created_at),
           array(select ph.phone_number from app.persona_phones ph
                  where ph.tenant_id = v_tenant_id and ph.persona_id = p.id order by ph.is_primary desc, ph.created_at),
           array(select pg_catalog.concat_ws(', ', a.line1, a.line2, a.city, a.region, a.postal_code, a.country_code)
                   from app.persona_addresses a
                  where a.tenant_id = v_tenant_id and a.persona_id = p.id order by a.is_primary desc, a.created_at),
           v_expires_at
      from app.user_personas up
      join app.personas p on p.tenant_id = up.tenant_id and p.id = up.persona_id
     -- The user's own persona only: the people they act for are not theirs to have unmasked.
     where up.tenant_id = v_tenant_id and up.user_id = v_user_id and up.link_kind = 'self'
     order by up.link_kind desc, up.created_at;
  perform app.audit_support_read(v_tenant_id, 'support.sp_get_user_personas_unmasked', v_user_id::text,
    pg_catalog.jsonb_build_object('grant_id', v_grant_id));
end
$$;

ALTER FUNCTION support.sp_get_user_personas_unmasked(p_tenant_id uuid, p_user_id uuid) OWNER TO estate_owner;

--
-- Name: FUNCTION sp_get_user_personas_unmasked(p_tenant_id uuid, p_user_id uuid); Type: COMMENT; Schema: support; Owner: estate_owner
--

COMMENT ON FUNCTION support.sp_get_user_personas_unmasked(p_tenant_id uuid, p_user_id uuid) IS 'Support: a user''s personas with contact data in clear, under a current unmask grant of the caller''s; each view counted and audited.';

--
-- Name: sp_grant_unmask(uuid, uuid, text, text, integer); Type: FUNCTION; Schema: support; Owner: estate_owner
--

CREATE FUNCTION support.sp_grant_unmask(p_tenant_id uuid, p_user_id uuid, p_reason text, p_ticket_ref text, p_minutes integer) RETURNS TABLE(grant_id uuid, user_id uuid, scope text, reason text, ticket_ref text, granted_at timestamp with time zone, expires_at timestamp with time zone)
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $_$
#variable_conflict use_column
declare
  v_tenant_id uuid := app.enter_tenant_as_support(p_tenant_id);
  v_user_id uuid := app.require_tenant_user(p_user_id);
begin
  if p_reason is null or pg_catalog.length(pg_catalog.btrim(p_reason)) not between 10 and 500 then
    perform app.fail('PT400', 'invalid_reason', 'state the reason in 10 to 500 characters');
  end if;
  if p_ticket_ref is null or p_ticket_ref !~ '^[A-Za-z0-9][A-Za-z0-9._#/-]{0,63}$' then
    perform app.fail('PT400', 'invalid_ticket_ref', 'a ticket reference is 1 to 64 letters, digits or ._#/-');
  end if;
  if p_minutes is null or p_minutes not between 1 and 240 then
    perform app.fail('PT400', 'invalid_duration', 'an unmask lasts 1 to 240 minutes');
  end if;
  -- The grant is the staff member's alone (their actor name), audited by its table's trigger.
  return query
    insert into app.support_unmask_grants as g (tenant_id, user_id, staff_actor, scope, reason, ticket_ref, expires_at)
    values (v_tenant_id, v_user_id, app.current_actor_id(), 'contact_data', pg_catalog.btrim(p_reason), p_ticket_ref,
            pg_catalog.now() + pg_catalog.make_interval(mins => p_minutes))
    returning g.id, g.user_id, g.scope, g.reason, g.ticket_ref, g.granted_at, g.expires_at;
end
$_$;

ALTER FUNCTION support.sp_grant_unmask(p_tenant_id uuid, p_user_id uuid, p_reason text, p_ticket_ref text, p_minutes integer) OWNER TO estate_owner;

--
-- Name: FUNCTION sp_grant_unmask(p_tenant_id uuid, p_user_id uuid, p_reason text, p_ticket_ref text, p_minutes integer); Type: COMMENT; Schema: support; Owner: estate_owner
--

COMMENT ON FUNCTION support.sp_grant_unmask(p_tenant_id uuid, p_user_id uuid, p_reason text, p_ticket_ref text, p_minutes integer) IS 'Support: lets the calling staff member see one user''s contact data in clear for 1 to 240 minutes, for a stated reason and ticket; the user sees the grant.';

--
-- Name: sp_list_active_subscriptions(uuid, integer, integer); Type: FUNCTION; Schema: support; Owner: estate_owner
--

CREATE FUNCTION support.sp_list_active_subscriptions(p_tenant_id uuid, p_limit integer DEFAULT 50, p_offset integer DEFAULT 0) RETURNS TABLE(subscription_id uuid, user_id uuid, email_masked text, plan_code text, status text, seats_used bigint, current_period_end timestamp with time zone, cancel_at_period_end boolean, created_at timestamp with time zone)
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
#variable_conflict use_column
begin
  perform app.enter_tenant_as_support(p_tenant_id);
  perform app.check_page(p_limit, p_offset);
  return query
    select v.subscription_id, v.user_id, app.mask_email(v.email), v.plan_code, v.status, coalesce(v.seats_used, 0),
           v.current_period_end, v.cancel_at_period_end, v.created_at
      from app.v_active_subscriptions v
     where v.tenant_id = p_tenant_id
     order by v.created_at, v.subscription_id
     limit p_limit offset p_offset;
  perform app.audit_support_read(p_tenant_id, 'support.sp_list_active_subscriptions', null,
    pg_catalog.jsonb_build_object('limit', p_limit, 'offset', p_offset));
end
$$;

ALTER FUNCTION support.sp_list_active_subscriptions(p_tenant_id uuid, p_limit integer, p_offset integer) OWNER TO estate_owner;

--
-- Name: FUNCTION sp_list_active_subscriptions(p_tenant_id uuid, p_limit integer, p_offset integer); Type: COMMENT; Schema: support; Owner: estate_owner
--

COMMENT ON FUNCTION support.sp_list_active_subscriptions(p_tenant_id uuid, p_limit integer, p_offset integer) IS 'Support: a tenant''s subscriptions in force (v_active_subscriptions), emails masked; audited.';

--
-- Name: sp_list_audit_partitions(); Type: FUNCTION; Schema: support; Owner: estate_owner
--

CREATE FUNCTION support.sp_list_audit_partitions() RETURNS TABLE(partition_name text, month date, estimated_rows bigint, sealed_rows bigint, last_sealed_at timestamp with time zone, head_hash text, retention_due boolean)
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
#variable_conflict use_column
declare
  v_months_kept integer;
begin
  perform app.require_support_session();
  perform pg_catalog.set_config('audit.maintenance', 'on', true);
  select r.months_kept into v_months_kept from app.audit_retention_policy r;
  return query
    select m.partition_name, m.month, greatest(c.reltuples, 0)::bigint,
           coalesce(s.last_seq, 0), s.sealed_at, pg_catalog.encode(s.head_hash, 'hex'),
           m.month < (pg_catalog.date_trunc('month', pg_catalog.now()) - pg_catalog.make_interval(months => v_months_kept))
      from audit.month_partitions() m
      join pg_catalog.pg_class c on c.oid = ('audit.' || m.partition_name)::regclass
      left join lateral (select x.last_seq, x.sealed_at, x.head_hash from audit.audit_seals x
                          where x.partition_name = m.partition_name order by x.id desc limit 1) s on true
    union all
    -- The default partition holds rows dated outside every month made: it should be empty.
    select 'audit_log_default', null::date,
           (select pg_catalog.count(*) from audit.audit_log d where d.tableoid = 'audit.audit_log_default'::regclass),
           0::bigint,
           null::timestamptz, null::text, false
     order by 2 nulls last;
  perform app.audit_support_read(null, 'support.sp_list_audit_partitions', null, '{}');
end
$$;

ALTER FUNCTION support.sp_list_audit_partitions() OWNER TO estate_owner;

--
-- Name: FUNCTION sp_list_audit_partitions(); Type: COMMENT; Schema: support; Owner: estate_owner
--

COMMENT ON FUNCTION support.sp_list_audit_partitions() IS 'Support: the audit log''s monthly partitions (estimated rows, sealed rows, last seal and its head, due for retention) and the default partition''s row count; audited.';

--
-- Name: sp_list_data_requests(uuid, text, text, integer, integer); Type: FUNCTION; Schema: support; Owner: estate_owner
--

CREATE FUNCTION support.sp_list_data_requests(p_tenant_id uuid, p_status text, p_kind text, p_limit integer, p_offset integer) RETURNS TABLE(request_id uuid, user_id uuid, email_masked text, kind text, status text, received_at timestamp with time zone, due_at timestamp with time zone, completed_at timestamp with time zone, refusal_code text, overdue boolean)
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
#variable_conflict use_column
declare
  v_tenant_id uuid := app.enter_tenant_as_support(p_tenant_id);
begin
  perform app.check_page(p_limit, p_offset);
  if p_status is not null and p_status not in ('received', 'in_progress', 'completed', 'refused', 'cancelled') then
    perform app.fail('PT400', 'invalid_status', 'a data request''s status is received, in_progress, completed, refused or cancelled');
  end if;
  if p_kind is not null and p_kind not in ('export', 'erasure') then
    perform app.fail('PT400', 'invalid_request_kind', 'kind must be export or erasure');
  end if;
  return query
    select r.id, r.user_id, app.mask_email(u.email), r.kind, r.status, r.received_at, r.due_at, r.completed_at,
           r.refusal_code, r.status in ('received', 'in_progress') and r.due_at < pg_catalog.now()
      from app.data_subject_requests r
      join app.users u on u.tenant_id = r.tenant_id and u.id = r.user_id
     where r.tenant_id = v_tenant_id
       and (p_status is null or r.status = p_status) and (p_kind is null or r.kind = p_kind)
     order by r.due_at, r.id
     limit p_limit offset p_offset;
  perform app.audit_support_read(v_tenant_id, 'support.sp_list_data_requests', null,
    pg_catalog.jsonb_build_object('status', p_status, 'kind', p_kind, 'limit', p_limit, 'offset', p_offset));
end
$$;

ALTER FUNCTION support.sp_list_data_requests(p_tenant_id uuid, p_status text, p_kind text, p_limit integer, p_offset integer) OWNER TO estate_owner;

--
-- Name: FUNCTION sp_list_data_requests(p_tenant_id uuid, p_status text, p_kind text, p_limit integer, p_offset integer); Type: COMMENT; Schema: support; Owner: estate_owner
--

COMMENT ON FUNCTION support.sp_list_data_requests(p_tenant_id uuid, p_status text, p_kind text, p_limit integer, p_offset integer) IS 'Support: a tenant''s data subject requests, nearest deadline first, optionally of one status or kind; the requester''s email masked; audited.';

--
-- Name: sp_list_exchange_rates(text, text, integer, integer); Type: FUNCTION; Schema: support; Owner: estate_owner
--

CREATE FUNCTION support.sp_list_exchange_rates(p_base_currency text, p_quote_currency text, p_limit integer, p_offset integer) RETURNS TABLE(base_currency text, quote_currency text, rate_date date, rate numeric, updated_at timestamp with time zone)
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
#variable_conflict use_column
begin
  perform app.require_support_session();
  perform app.check_page(p_limit, p_offset);
  if p_base_currency is not null then perform app.check_currency(p_base_currency); end if;
  if p_quote_currency is not null then perform app.check_currency(p_quote_currency); end if;
  return query
    select r.base_currency, r.quote_currency, r.rate_date, r.rate, r.updated_at
      from app.exchange_rates r
     where (p_base_currency is null or r.base_currency = p_base_currency)
       and (p_quote_currency is null or r.quote_currency = p_quote_currency)
     order by r.base_currency, r.quote_currency, r.rate_date desc
     limit p_limit offset p_offset;
  perform app.audit_support_read(null, 'support.sp_list_exchange_rates', null,
    pg_catalog.jsonb_strip_nulls(pg_catalog.jsonb_build_object('base_currency', p_base_currency,
      'quote_currency', p_quote_currency, 'limit', p_limit, 'offset', p_offset)));
end
$$;

ALTER FUNCTION support.sp_list_exchange_rates(p_base_currency text, p_quote_currency text, p_limit integer, p_offset integer) OWNER TO estate_owner;

--
-- Name: FUNCTION sp_list_exchange_rates(p_base_currency text, p_quote_currency text, p_limit integer, p_offset integer); Type: COMMENT; Schema: support; Owner: estate_owner
--

COMMENT ON FUNCTION support.sp_list_exchange_rates(p_base_currency text, p_quote_currency text, p_limit integer, p_offset integer) IS 'Support: the stored exchange rates, every date of every pair (optionally one base or quote currency), newest first; paged, audited.';

--
-- Name: sp_list_staff_auth_clients(); Type: FUNCTION; Schema: support; Owner: estate_owner
--

CREATE FUNCTION support.sp_list_staff_auth_clients() RETURNS TABLE(provider_kind text, issuer text, user_pool_id text, region text, client_id text)
    LANGUAGE plpgsql STABLE SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
#variable_conflict use_column
begin
  -- The door itself reads these before any staff member is known (token routing): any support
  -- session of either login; the pools' public configuration only.
  if not app.is_support_session() then
    perform app.fail('42501', 'support_context_missing', 'only a support session named in the context may do this');
  end if;
  return query
    select p.kind, p.issuer, p.user_pool_id, p.region, c.client_id
      from app.support_app_clients c join app.support_identity_providers p on p.id = c.provider_id
     where c.status = 'active'
     order by p.issuer, c.client_id;
end
$$;

ALTER FUNCTION support.sp_list_staff_auth_clients() OWNER TO estate_owner;

--
-- Name: FUNCTION sp_list_staff_auth_clients(); Type: COMMENT; Schema: support; Owner: estate_owner
--

COMMENT ON FUNCTION support.sp_list_staff_auth_clients() IS 'The active (issuer, app client) pairs of the staff pools, from which the API builds the support door''s token verifiers.';

--
-- Name: sp_list_support_access_requests(uuid, uuid, integer, integer); Type: FUNCTION; Schema: support; Owner: estate_owner
--

CREATE FUNCTION support.sp_list_support_access_requests(p_tenant_id uuid, p_user_id uuid, p_limit integer, p_offset integer) RETURNS TABLE(request_id uuid, user_id uuid, kind text, state text, reason text, ticket_ref text, minutes integer, requested_by text, requested_at timestamp with time zone, respond_by timestamp with time zone, decided_by text, decided_at timestamp with time zone, expires_at timestamp with time zone, ended_by text, ended_at timestamp with time zone, view_count integer, last_viewed_at timestamp with time zone)
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
declare
  v_tenant_id uuid := app.enter_tenant_as_support(p_tenant_id);
  v_user_id uuid := app.require_tenant_user(p_user_id);
begin
  perform app.check_page(p_limit, p_offset);
  return query
    select x.*
      from app.support_access_requests r
      cross join lateral app.support_access_request_row(v_tenant_id, r.id) x
     where r.tenant_id = v_tenant_id and r.user_id = v_user_id
     order by r.requested_at desc, r.id
     limit p_limit offset p_offset;
  perform app.audit_support_read(v_tenant_id, 'support.sp_list_support_access_requests', v_user_id::text,
    pg_catalog.jsonb_build_object('limit', p_limit, 'offset', p_offset));
end
$$;

ALTER FUNCTION support.sp_list_support_access_requests(p_tenant_id uuid, p_user_id uuid, p_limit integer, p_offset integer) OWNER TO estate_owner;

--
-- Name: FUNCTION sp_list_support_access_requests(p_tenant_id uuid, p_user_id uuid, p_limit integer, p_offset integer); Type: COMMENT; Schema: support; Owner: estate_owner
--

COMMENT ON FUNCTION support.sp_list_support_access_requests(p_tenant_id uuid, p_user_id uuid, p_limit integer, p_offset integer) IS 'Support: every access request about a user (consent and break-glass), newest first, with who asked and who decided; paged, audited.';

--
-- Name: sp_list_user_sessions(uuid, uuid, integer, integer); Type: FUNCTION; Schema: support; Owner: estate_owner
--

CREATE FUNCTION support.sp_list_user_sessions(p_tenant_id uuid, p_user_id uuid, p_limit integer, p_offset integer) RETURNS TABLE(session_id uuid, started_at timestamp with time zone, last_seen_at timestamp with time zone, revoked_at timestamp with time zone, revoked_by text, user_agent text, ip_masked text)
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
#variable_conflict use_column
declare
  v_tenant_id uuid := app.enter_tenant_as_support(p_tenant_id);
  v_user_id uuid := app.require_tenant_user(p_user_id);
begin
  perform app.check_page(p_limit, p_offset);
  return query
    select s.id, s.started_at, s.last_seen_at, s.revoked_at, s.revoked_by, pg_catalog.left(s.user_agent, 200),
           app.mask_ip(s.ip_address)
      from app.user_sessions s
     where s.tenant_id = v_tenant_id and s.user_id = v_user_id
     order by s.last_seen_at desc, s.id
     limit p_limit offset p_offset;
  perform app.audit_support_read(v_tenant_id, 'support.sp_list_user_sessions', v_user_id::text,
    pg_catalog.jsonb_build_object('limit', p_limit, 'offset', p_offset));
end
$$;

ALTER FUNCTION support.sp_list_user_sessions(p_tenant_id uuid, p_user_id uuid, p_limit integer, p_offset integer) OWNER TO estate_owner;

--
-- Name: FUNCTION sp_list_user_sessions(p_tenant_id uuid, p_user_id uuid, p_limit integer, p_offset integer); Type: COMMENT; Schema: support; Owner: estate_owner
--

COMMENT ON FUNCTION support.sp_list_user_sessions(p_tenant_id uuid, p_user_id uuid, p_limit integer, p_offset integer) IS 'Support: a user''s recorded sign-ins, newest first, IP addresses masked; paged, audited.';

--
-- Name: sp_open_break_glass(uuid, uuid, text, text, integer); Type: FUNCTION; Schema: support; Owner: estate_owner
--

CREATE FUNCTION support.sp_open_break_glass(p_tenant_id uuid, p_user_id uuid, p_reason text, p_ticket_ref text, p_minutes integer) RETURNS TABLE(request_id uuid, user_id uuid, kind text, state text, reason text, ticket_ref text, minutes integer, requested_by text, requested_at timestamp with time zone, respond_by timestamp with time zone, decided_by text, decided_at timestamp with time zone, expires_at timestamp with time zone, ended_by text, ended_at timestamp with time zone, view_count integer, last_viewed_at timestamp with time zone)
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
declare
  v_tenant_id uuid := app.enter_tenant_as_support(p_tenant_id);
  v_id uuid := app.open_support_access(v_tenant_id, p_user_id, 'break_glass', p_reason, p_ticket_ref, p_minutes);
begin
  -- Loud: the database's log as well as the audit trail (the row's INSERT names the staff member).
  raise log 'BREAK-GLASS opened: tenant %, user %, request %, by %', v_tenant_id, p_user_id, v_id, app.current_actor_id();
  return query select * from app.support_access_request_row(v_tenant_id, v_id);
end
$$;

ALTER FUNCTION support.sp_open_break_glass(p_tenant_id uuid, p_user_id uuid, p_reason text, p_ticket_ref text, p_minutes integer) OWNER TO estate_owner;

--
-- Name: FUNCTION sp_open_break_glass(p_tenant_id uuid, p_user_id uuid, p_reason text, p_ticket_ref text, p_minutes integer); Type: COMMENT; Schema: support; Owner: estate_owner
--

COMMENT ON FUNCTION support.sp_open_break_glass(p_tenant_id uuid, p_user_id uuid, p_reason text, p_ticket_ref text, p_minutes integer) IS 'Support, emergencies only: opens a break-glass access to a user''s data without their consent (reason, ticket, 1 to 120 minutes); effective only once a second staff member approves it within the hour.';

--
-- Name: sp_read_audit_log(uuid, uuid, uuid, text, integer, integer); Type: FUNCTION; Schema: support; Owner: estate_owner
--

CREATE FUNCTION support.sp_read_audit_log(p_tenant_id uuid, p_user_id uuid, p_persona_id uuid, p_request_id text, p_limit integer, p_offset integer) RETURNS TABLE(audit_id bigint, occurred_at timestamp with time zone, actor_kind text, actor_id text, request_id text, table_name text, row_id text, operation text, changed_columns text[], changes jsonb)
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $_$
#variable_conflict use_column
declare
  v_tenant_id uuid := app.enter_tenant_as_support(p_tenant_id);
  v_sub text;
  v_since timestamptz;
begin
  perform app.check_page(p_limit, p_offset);
  if p_user_id is not null then
    perform app.require_tenant_user(p_user_id);
    select u.cognito_sub, u.created_at into v_sub, v_since from app.users u
     where u.tenant_id = v_tenant_id and u.id = p_user_id;
  end if;
  if p_persona_id is not null
     and not exists (select 1 from app.personas p where p.tenant_id = v_tenant_id and p.id = p_persona_id) then
    perform app.fail('PT404', 'persona_not_found', 'persona not found');
  end if;
  if p_request_id is not null and p_request_id !~ '^[A-Za-z0-9._-]{1,64}$' then
    perform app.fail('PT400', 'invalid_request_id', 'a request id is 1 to 64 letters, digits, dots, dashes or underscores');
  end if;
  -- What a user did (their subject as actor) or what was done to their row; what touched a persona
  -- (its row, or a row naming it); one request's rows. Secrets were redacted when the rows were written.
  return query
    select a.id, a.occurred_at, a.actor_kind, a.actor_id, a.request_id, a.table_name, a.row_id, a.operation,
           a.changed_columns, app.mask_audit_changes(a.table_name, a.changes)
      from audit.audit_log a
     where a.tenant_id = v_tenant_id
       -- By subject only since this user row exists: an erased user's subject may be registered again.
       and (p_user_id is null or a.actor_id = v_sub and a.occurred_at >= v_since or a.row_id = p_user_id::text)
       and (p_persona_id is null or a.row_id = p_persona_id::text or a.changes ->> 'persona_id' = p_persona_id::text)
       and (p_request_id is null or a.request_id = p_request_id)
     order by a.occurred_at desc, a.id desc
     limit p_limit offset p_offset;
  perform app.audit_support_read(v_tenant_id, 'support.sp_read_audit_log', coalesce(p_user_id, p_persona_id)::text,
    pg_catalog.jsonb_strip_nulls(pg_catalog.jsonb_build_object('user_id', p_user_id, 'persona_id', p_persona_id,
      'request_id', p_request_id, 'limit', p_limit, 'offset', p_offset)));
end
$_$;

ALTER FUNCTION support.sp_read_audit_log(p_tenant_id uuid, p_user_id uuid, p_persona_id uuid, p_request_id text, p_limit integer, p_offset integer) OWNER TO estate_owner;

--
-- Name: FUNCTION sp_read_audit_log(p_tenant_id uuid, p_user_id uuid, p_persona_id uuid, p_request_id text, p_limit integer, p_offset integer); Type: COMMENT; Schema: support; Owner: estate_owner
--

COMMENT ON FUNCTION support.sp_read_audit_log(p_tenant_id uuid, p_user_id uuid, p_persona_id uuid, p_request_id text, p_limit integer, p_offset integer) IS 'Support: a tenant''s audit trail, newest first, narrowed to a user, a persona or a request id; paged, and the read itself audited.';

--
-- Name: sp_register_app_client(uuid, uuid, text, text); Type: FUNCTION; Schema: support; Owner: estate_owner
--

CREATE FUNCTION support.sp_register_app_client(p_tenant_id uuid, p_provider_id uuid, p_client_id text, p_name text) RETURNS uuid
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $_$
declare
  v_tenant_id uuid := app.enter_tenant_as_support(p_tenant_id);
  v_id uuid;
begin
  if not exists (select 1 from app.tenant_identity_providers p where p.tenant_id = v_tenant_id and p.id = p_provider_id) then
    perform app.fail('PT404', 'provider_not_found', 'identity provider not found for this tenant');
  end if;
  if p_client_id is null or p_client_id !~ '^[\w+]{1,128}$' then
    perform app.fail('PT400', 'invalid_client_id', 'app client id must be 1 to 128 word characters');
  end if;
  insert into app.tenant_app_clients (tenant_id, provider_id, client_id, name)
  values (v_tenant_id, p_provider_id, p_client_id, app.require_text(p_name, 'invalid_name', 200))
  on conflict (tenant_id, provider_id, client_id) do update set status = 'active'
  returning id into v_id;
  return v_id;
end
$_$;

ALTER FUNCTION support.sp_register_app_client(p_tenant_id uuid, p_provider_id uuid, p_client_id text, p_name text) OWNER TO estate_owner;

--
-- Name: FUNCTION sp_register_app_client(p_tenant_id uuid, p_provider_id uuid, p_client_id text, p_name text); Type: COMMENT; Schema: support; Owner: estate_owner
--

COMMENT ON FUNCTION support.sp_register_app_client(p_tenant_id uuid, p_provider_id uuid, p_client_id text, p_name text) IS 'Registers (or re-activates) an app client of a tenant''s user pool, so its access tokens are accepted for that tenant.';

--
-- Name: sp_register_identity_provider(uuid, text, text, text, text); Type: FUNCTION; Schema: support; Owner: estate_owner
--

CREATE FUNCTION support.sp_register_identity_provider(p_tenant_id uuid, p_kind text, p_user_pool_id text, p_region text DEFAULT NULL::text, p_issuer text DEFAULT NULL::text) RETURNS TABLE(provider_id uuid, issuer text)
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $_$
#variable_conflict use_column
declare
  v_tenant_id uuid := app.enter_tenant_as_support(p_tenant_id);
  v_issuer text;
  v_owner uuid;
  v_id uuid;
begin
  if p_kind = 'cognito' then
    if p_region is null or p_region !~ '^[a-z]{2}(-[a-z]+)+-[0-9]+$' then
      perform app.fail('PT400', 'invalid_region', 'a Cognito pool needs its AWS region, e.g. eu-west-1');
    end if;
    if p_user_pool_id is null or p_user_pool_id !~ ('^' || p_region || '_[0-9A-Za-z]+$') then
      perform app.fail('PT400', 'invalid_user_pool_id', 'a Cognito user pool id looks like <region>_<id>');
    end if;
    v_issuer := 'https://cognito-idp.' || p_region || '.amazonaws.com/' || p_user_pool_id;
  elsif p_kind = 'development' then
    if p_issuer is null or p_issuer !~ '^https?://[^\s]+$' then
      perform app.fail('PT400', 'invalid_issuer', 'a development provider needs its issuer URL');
    end if;
    if p_user_pool_id is null or p_user_pool_id !~ '^[\w-]+_[0-9A-Za-z]+$' then
      perform app.fail('PT400', 'invalid_user_pool_id', 'a user pool id looks like <prefix>_<id>');
    end if;
    v_issuer := pg_catalog.rtrim(p_issuer, '/');
  else
    perform app.fail('PT400', 'invalid_provider_kind', 'provider kind must be cognito or development');
  end if;

  -- One pool, one door: a staff pool never names a tenant (support.sp_register_staff_pool).
  perform pg_catalog.pg_advisory_xact_lock(pg_catalog.hashtext('identity-provider-issuer'));
  if exists (select 1 from app.support_identity_providers s where s.issuer = v_issuer) then
    perform app.fail('PT409', 'issuer_taken', 'this user pool belongs to support staff');
  end if;
  select p.tenant_id, p.id into v_owner, v_id from app.tenant_identity_providers p where p.issuer = v_issuer;
  if v_owner is not null and v_owner <> v_tenant_id then
    perform app.fail('PT409', 'issuer_taken', 'this user pool belongs to another tenant');
  end if;
  if v_id is null then
    insert into app.tenant_identity_providers (tenant_id, kind, issuer, user_pool_id, region)
    values (v_tenant_id, p_kind, v_issuer, p_user_pool_id, p_region)
    returning id into v_id;
  end if;
  return query select v_id, v_issuer;
end
$_$;

ALTER FUNCTION support.sp_register_identity_provider(p_tenant_id uuid, p_kind text, p_user_pool_id text, p_region text, p_issuer text) OWNER TO estate_owner;

--
-- Name: FUNCTION sp_register_identity_provider(p_tenant_id uuid, p_kind text, p_user_pool_id text, p_region text, p_issuer text); Type: COMMENT; Schema: support; Owner: estate_owner
--

COMMENT ON FUNCTION support.sp_register_identity_provider(p_tenant_id uuid, p_kind text, p_user_pool_id text, p_region text, p_issuer text) IS 'Registers a tenant''s Cognito user pool (or the development provider); registering it again returns the same id.';

--
-- Name: sp_register_staff_client(uuid, text, text); Type: FUNCTION; Schema: support; Owner: estate_owner
--

CREATE FUNCTION support.sp_register_staff_client(p_provider_id uuid, p_client_id text, p_name text) RETURNS uuid
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $_$
declare
  v_id uuid;
begin
  perform app.require_operator();
  if not exists (select 1 from app.support_identity_providers p where p.id = p_provider_id) then
    perform app.fail('PT404', 'provider_not_found', 'staff user pool not found');
  end if;
  if p_client_id is null or p_client_id !~ '^[\w+]{1,128}$' then
    perform app.fail('PT400', 'invalid_client_id', 'app client id must be 1 to 128 word characters');
  end if;
  insert into app.support_app_clients (provider_id, client_id, name)
  values (p_provider_id, p_client_id, app.require_text(p_name, 'invalid_name', 200))
  on conflict (provider_id, client_id) do update set status = 'active'
  returning id into v_id;
  return v_id;
end
$_$;

ALTER FUNCTION support.sp_register_staff_client(p_provider_id uuid, p_client_id text, p_name text) OWNER TO estate_owner;

--
-- Name: FUNCTION sp_register_staff_client(p_provider_id uuid, p_client_id text, p_name text); Type: COMMENT; Schema: support; Owner: estate_owner
--

COMMENT ON FUNCTION support.sp_register_staff_client(p_provider_id uuid, p_client_id text, p_name text) IS 'Operators: registers (or re-activates) an app client of a staff pool, so its access tokens open the support door.';

--
-- Name: sp_register_staff_pool(text, text, text, text); Type: FUNCTION; Schema: support; Owner: estate_owner
--

CREATE FUNCTION support.sp_register_staff_pool(p_kind text, p_user_pool_id text, p_region text, p_issuer text) RETURNS TABLE(provider_id uuid, issuer text)
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $_$
#variable_conflict use_column
declare
  v_issuer text;
  v_id uuid;
begin
  perform app.require_operator();
  if p_kind = 'cognito' then
    if p_region is null or p_region !~ '^[a-z]{2}(-[a-z]+)+-[0-9]+$' then
      perform app.fail('PT400', 'invalid_region', 'a Cognito pool needs its AWS region, e.g. eu-west-1');
    end if;
    if p_user_pool_id is null or p_user_pool_id !~ ('^' || p_region || '_[0-9A-Za-z]+$') then
      perform app.fail('PT400', 'invalid_user_pool_id', 'a Cognito user pool id looks like <region>_<id>');
    end if;
    v_issuer := 'https://cognito-idp.' || p_region || '.amazonaws.com/' || p_user_pool_id;
  elsif p_kind = 'development' then
    if p_issuer is null or p_issuer !~ '^https?://[^\s]+$' then
      perform app.fail('PT400', 'invalid_issuer', 'a development provider needs its issuer URL');
    end if;
    if p_user_pool_id is null or p_user_pool_id !~ '^[\w-]+_[0-9A-Za-z]+$' then
      perform app.fail('PT400', 'invalid_user_pool_id', 'a user pool id looks like <prefix>_<id>');
    end if;
    v_issuer := pg_catalog.rtrim(p_issuer, '/');
  else
    perform app.fail('PT400', 'invalid_provider_kind', 'provider kind must be cognito or development');
  end if;
  -- One pool, one door: a tenant's pool never opens the staff door, nor a staff pool a tenant's.
  perform pg_catalog.pg_advisory_xact_lock(pg_catalog.hashtext('identity-provider-issuer'));
  if exists (select 1 from app.tenant_identity_providers p where p.issuer = v_issuer) then
    perform app.fail('PT409', 'issuer_taken', 'this user pool belongs to a tenant');
  end if;
  select p.id into v_id from app.support_identity_providers p where p.issuer = v_issuer;
  if v_id is null then
    insert into app.support_identity_providers (kind, issuer, user_pool_id, region)
    values (p_kind, v_issuer, p_user_pool_id, p_region)
    returning id into v_id;
  end if;
  return query select v_id, v_issuer;
end
$_$;

ALTER FUNCTION support.sp_register_staff_pool(p_kind text, p_user_pool_id text, p_region text, p_issuer text) OWNER TO estate_owner;

--
-- Name: FUNCTION sp_register_staff_pool(p_kind text, p_user_pool_id text, p_region text, p_issuer text); Type: COMMENT; Schema: support; Owner: estate_owner
--

COMMENT ON FUNCTION support.sp_register_staff_pool(p_kind text, p_user_pool_id text, p_region text, p_issuer text) IS 'Operators: registers the Cognito user pool (or development provider) support staff sign in with; again returns the same id.';

--
-- Name: sp_request_support_access(uuid, uuid, text, text, integer); Type: FUNCTION; Schema: support; Owner: estate_owner
--

CREATE FUNCTION support.sp_request_support_access(p_tenant_id uuid, p_user_id uuid, p_reason text, p_ticket_ref text, p_minutes integer) RETURNS TABLE(request_id uuid, user_id uuid, kind text, state text, reason text, ticket_ref text, minutes integer, requested_by text, requested_at timestamp with time zone, respond_by timestamp with time zone, decided_by text, decided_at timestamp with time zone, expires_at timestamp with time zone, ended_by text, ended_at timestamp with time zone, view_count integer, last_viewed_at timestamp with time zone)
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
declare
  v_tenant_id uuid := app.enter_tenant_as_support(p_tenant_id);
  v_id uuid := app.open_support_access(v_tenant_id, p_user_id, 'consent', p_reason, p_ticket_ref, p_minutes);
begin
  return query select * from app.support_access_request_row(v_tenant_id, v_id);
end
$$;

ALTER FUNCTION support.sp_request_support_access(p_tenant_id uuid, p_user_id uuid, p_reason text, p_ticket_ref text, p_minutes integer) OWNER TO estate_owner;

--
-- Name: FUNCTION sp_request_support_access(p_tenant_id uuid, p_user_id uuid, p_reason text, p_ticket_ref text, p_minutes integer); Type: COMMENT; Schema: support; Owner: estate_owner
--

COMMENT ON FUNCTION support.sp_request_support_access(p_tenant_id uuid, p_user_id uuid, p_reason text, p_ticket_ref text, p_minutes integer) IS 'Support: asks a user for access to their data beyond the masked view (reason, ticket, 1 to 1440 minutes once approved); the user approves or denies it within a week.';

--
-- Name: sp_revoke_user_sessions(uuid, uuid, uuid); Type: FUNCTION; Schema: support; Owner: estate_owner
--

CREATE FUNCTION support.sp_revoke_user_sessions(p_tenant_id uuid, p_user_id uuid, p_session_id uuid) RETURNS integer
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
declare
  v_tenant_id uuid := app.enter_tenant_as_support(p_tenant_id);
  v_user_id uuid := app.require_tenant_user(p_user_id);
  v_count integer;
begin
  if p_session_id is not null and not exists (
       select 1 from app.user_sessions s
        where s.tenant_id = v_tenant_id and s.user_id = v_user_id and s.id = p_session_id) then
    perform app.fail('PT404', 'session_not_found', 'session not found');
  end if;
  -- The tokens of a revoked sign-in are refused on their next request (app.current_user_id).
  update app.user_sessions s set revoked_at = pg_catalog.now(), revoked_by = app.current_actor_id()
   where s.tenant_id = v_tenant_id and s.user_id = v_user_id and s.revoked_at is null
     and (p_session_id is null or s.id = p_session_id);
  get diagnostics v_count = row_count;
  -- Ending all of a user's sign-ins ends their API keys too: a key minted with a stolen token
  -- must not outlive the sign-ins it was made from (docs/api_keys.md).
  if p_session_id is null then
    update app.api_keys k set revoked_at = pg_catalog.now()
     where k.tenant_id = v_tenant_id and k.user_id = v_user_id and k.revoked_at is null;
  end if;
  return v_count;
end
$$;

ALTER FUNCTION support.sp_revoke_user_sessions(p_tenant_id uuid, p_user_id uuid, p_session_id uuid) OWNER TO estate_owner;

--
-- Name: FUNCTION sp_revoke_user_sessions(p_tenant_id uuid, p_user_id uuid, p_session_id uuid); Type: COMMENT; Schema: support; Owner: estate_owner
--

COMMENT ON FUNCTION support.sp_revoke_user_sessions(p_tenant_id uuid, p_user_id uuid, p_session_id uuid) IS 'Support: ends one of a user''s sessions, or all of them (no session id, and then their API keys too): their tokens are refused from the next request on.';

--
-- Name: sp_seal_audit_log(integer); Type: FUNCTION; Schema: support; Owner: estate_owner
--

CREATE FUNCTION support.sp_seal_audit_log(p_max_rows integer) RETURNS TABLE(partition_name text, sealed_rows integer, last_seq bigint, head_hash text)
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
#variable_conflict use_column
declare
  v_partition record;
  v_sealed record;
  v_total integer := 0;
begin
  perform app.require_support_session();
  if p_max_rows is null or p_max_rows not between 1 and 1000000 then
    perform app.fail('PT400', 'invalid_max_rows', 'seal 1 to 1000000 rows per partition and run');
  end if;
  -- Sealers take turns (writers never wait): two runs would both extend the same chain's end.
  perform pg_catalog.pg_advisory_xact_lock(pg_catalog.hashtext('audit-seal'));
  for v_partition in
    select m.partition_name, m.month from audit.month_partitions() m where m.month <= pg_catalog.now()
  loop
    select * into v_sealed from audit.seal_partition(v_partition.partition_name, v_partition.month, p_max_rows);
    v_total := v_total + v_sealed.sealed_rows;
    if v_sealed.sealed_rows > 0 then
      partition_name := v_partition.partition_name;
      sealed_rows := v_sealed.sealed_rows;
      last_seq := v_sealed.last_seq;
      head_hash := pg_catalog.encode(v_sealed.head_hash, 'hex');
      return next;
    end if;
  end loop;
  perform audit.record_support_call('support.sp_seal_audit_log', 'INSERT', null,
    pg_catalog.jsonb_build_object('sealed_rows', v_total, 'max_rows', p_max_rows));
end
$$;

ALTER FUNCTION support.sp_seal_audit_log(p_max_rows integer) OWNER TO estate_owner;

--
-- Name: FUNCTION sp_seal_audit_log(p_max_rows integer); Type: COMMENT; Schema: support; Owner: estate_owner
--

COMMENT ON FUNCTION support.sp_seal_audit_log(p_max_rows integer) IS 'Support and the maintenance job: extends each partition''s hash chain over rows of finished transactions (up to p_max_rows each); returns the partitions sealed and their heads; audited.';

--
-- Name: sp_set_app_client_status(uuid, text, text); Type: FUNCTION; Schema: support; Owner: estate_owner
--

CREATE FUNCTION support.sp_set_app_client_status(p_tenant_id uuid, p_client_id text, p_status text) RETURNS TABLE(app_client_id uuid, client_id text, issuer text, status text, updated_at timestamp with time zone)
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
#variable_conflict use_column
declare
  v_tenant_id uuid := app.enter_tenant_as_support(p_tenant_id);
begin
  if p_status is null or p_status not in ('active', 'disabled') then
    perform app.fail('PT400', 'invalid_status', 'an app client''s status is active or disabled');
  end if;
  -- The API's token routing table is at most AUTH_ROUTING_MAX_AGE_SECONDS old: a disabled
  -- client's tokens are refused by every instance within that bound (docs/decisions.md).
  return query
    update app.tenant_app_clients c set status = p_status
      from app.tenant_identity_providers p
     where c.tenant_id = v_tenant_id and c.client_id = p_client_id
       and p.tenant_id = c.tenant_id and p.id = c.provider_id
    returning c.id, c.client_id, p.issuer, c.status, c.updated_at;
  if not found then
    perform app.fail('PT404', 'app_client_not_found', 'no such app client in this tenant');
  end if;
end
$$;

ALTER FUNCTION support.sp_set_app_client_status(p_tenant_id uuid, p_client_id text, p_status text) OWNER TO estate_owner;

--
-- Name: FUNCTION sp_set_app_client_status(p_tenant_id uuid, p_client_id text, p_status text); Type: COMMENT; Schema: support; Owner: estate_owner
--

COMMENT ON FUNCTION support.sp_set_app_client_status(p_tenant_id uuid, p_client_id text, p_status text) IS 'Disables (or re-activates) a tenant''s app client: its tokens are refused once the API''s routing table is reloaded (at most AUTH_ROUTING_MAX_AGE_SECONDS later).';

--
-- Name: sp_set_audit_retention(integer); Type: FUNCTION; Schema: support; Owner: estate_owner
--

CREATE FUNCTION support.sp_set_audit_retention(p_months_kept integer) RETURNS integer
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
declare
  v_months integer;
begin
  perform app.require_operator();
  if p_months_kept is null or p_months_kept not between 12 and 1200 then
    perform app.fail('PT400', 'invalid_retention', 'keep the audit log 12 to 1200 months');
  end if;
  -- Audited by the policy table's trigger.
  update app.audit_retention_policy r set months_kept = p_months_kept where r.id returning r.months_kept into v_months;
  return v_months;
end
$$;

ALTER FUNCTION support.sp_set_audit_retention(p_months_kept integer) OWNER TO estate_owner;

--
-- Name: FUNCTION sp_set_audit_retention(p_months_kept integer); Type: COMMENT; Schema: support; Owner: estate_owner
--

COMMENT ON FUNCTION support.sp_set_audit_retention(p_months_kept integer) IS 'Operators: sets how many months of audit partitions are kept (12 to 1200; 84, seven years, unless set); audited.';

--
-- Name: sp_set_exchange_rate(text, text, date, numeric); Type: FUNCTION; Schema: support; Owner: estate_owner
--

CREATE FUNCTION support.sp_set_exchange_rate(p_base_currency text, p_quote_currency text, p_rate_date date, p_rate numeric) RETURNS void
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
begin
  perform app.require_support_session();
  perform app.check_currency(p_base_currency);
  perform app.check_currency(p_quote_currency);
  if p_base_currency = p_quote_currency or p_rate is null or p_rate <= 0 or p_rate_date is null then
    perform app.fail('PT400', 'invalid_exchange_rate', 'a rate is a positive number between two different currencies on a date');
  end if;
  insert into app.exchange_rates (base_currency, quote_currency, rate_date, rate)
  values (p_base_currency, p_quote_currency, p_rate_date, p_rate)
  on conflict (base_currency, quote_currency, rate_date) do update set rate = excluded.rate;
end
$$;

ALTER FUNCTION support.sp_set_exchange_rate(p_base_currency text, p_quote_currency text, p_rate_date date, p_rate numeric) OWNER TO estate_owner;

--
-- Name: FUNCTION sp_set_exchange_rate(p_base_currency text, p_quote_currency text, p_rate_date date, p_rate numeric); Type: COMMENT; Schema: support; Owner: estate_owner
--

COMMENT ON FUNCTION support.sp_set_exchange_rate(p_base_currency text, p_quote_currency text, p_rate_date date, p_rate numeric) IS 'Records (or corrects) the rate of one currency in another on a date.';

--
-- Name: sp_set_staff_status(text, text); Type: FUNCTION; Schema: support; Owner: estate_owner
--

CREATE FUNCTION support.sp_set_staff_status(p_email text, p_status text) RETURNS TABLE(staff_id uuid, email text, display_name text, status text, created_at timestamp with time zone)
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
#variable_conflict use_column
begin
  perform app.require_operator();
  if p_status is null or p_status not in ('active', 'suspended') then
    perform app.fail('PT400', 'invalid_status', 'a staff member''s status is active or suspended');
  end if;
  return query
    update app.support_staff s set status = p_status
     where pg_catalog.lower(s.email) = pg_catalog.lower(pg_catalog.btrim(p_email))
    returning s.id, s.email, s.display_name, s.status, s.created_at;
  if not found then
    perform app.fail('PT404', 'staff_not_found', 'no staff member with this email');
  end if;
end
$$;

ALTER FUNCTION support.sp_set_staff_status(p_email text, p_status text) OWNER TO estate_owner;

--
-- Name: FUNCTION sp_set_staff_status(p_email text, p_status text); Type: COMMENT; Schema: support; Owner: estate_owner
--

COMMENT ON FUNCTION support.sp_set_staff_status(p_email text, p_status text) IS 'Operators: suspends (or re-activates) a staff member: their next request through the support door is refused.';

--
-- Name: sp_set_tenant_allowed_origins(uuid, text[]); Type: FUNCTION; Schema: support; Owner: estate_owner
--

CREATE FUNCTION support.sp_set_tenant_allowed_origins(p_tenant_id uuid, p_origins text[]) RETURNS TABLE(tenant_id uuid, origin text)
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
#variable_conflict use_column
declare
  v_tenant_id uuid := app.enter_tenant_as_support(p_tenant_id);
  v_origins text[];
begin
  if p_origins is null or pg_catalog.cardinality(p_origins) > 20 then
    perform app.fail('PT400', 'invalid_origin', 'give 0 to 20 origins');
  end if;
  select coalesce(pg_catalog.array_agg(distinct app.normalize_origin(o)), '{}') into v_origins
    from pg_catalog.unnest(p_origins) o;
  -- The list replaces the previous one; every row added or removed is audited (support actor).
  delete from app.tenant_allowed_origins a where a.tenant_id = v_tenant_id and a.origin <> all (v_origins);
  insert into app.tenant_allowed_origins (tenant_id, origin)
  select v_tenant_id, o from pg_catalog.unnest(v_origins) o
  on conflict do nothing;
  return query
    select a.tenant_id, a.origin from app.tenant_allowed_origins a
     where a.tenant_id = v_tenant_id order by a.origin;
end
$$;

ALTER FUNCTION support.sp_set_tenant_allowed_origins(p_tenant_id uuid, p_origins text[]) OWNER TO estate_owner;

--
-- Name: FUNCTION sp_set_tenant_allowed_origins(p_tenant_id uuid, p_origins text[]); Type: COMMENT; Schema: support; Owner: estate_owner
--

COMMENT ON FUNCTION support.sp_set_tenant_allowed_origins(p_tenant_id uuid, p_origins text[]) IS 'Replaces the browser origins a tenant''s apps may call the API from (CORS); the API applies the change within AUTH_ROUTING_MAX_AGE_SECONDS.';

--
-- Name: sp_set_tenant_plan(uuid, text, boolean, numeric, text, text, jsonb); Type: FUNCTION; Schema: support; Owner: estate_owner
--

CREATE FUNCTION support.sp_set_tenant_plan(p_tenant_id uuid, p_plan_code text, p_is_available boolean DEFAULT true, p_price_amount numeric DEFAULT NULL::numeric, p_currency text DEFAULT NULL::text, p_stripe_price_id text DEFAULT NULL::text, p_feature_limits jsonb DEFAULT '{}'::jsonb) RETURNS TABLE(plan_code text, is_available boolean, price_amount numeric, currency text, stripe_price_id text, max_ffcs bigint, max_seats bigint, max_assets bigint, max_storage_mb bigint)
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $_$
#variable_conflict use_column
declare
  v_plan_id uuid;
  v_key text;
begin
  perform app.enter_tenant_as_support(p_tenant_id);
  select p.id into v_plan_id from app.subscription_plans p where p.code = p_plan_code;
  if v_plan_id is null then
    perform app.fail('PT404', 'plan_not_found', 'no such plan');
  end if;
  if v_plan_id = app.free_plan_id() and (not coalesce(p_is_available, true) or p_price_amount is not null or p_stripe_price_id is not null) then
    perform app.fail('PT400', 'invalid_plan_settings', 'the free plan is always offered, free and outside Stripe; only its limits change');
  end if;
  if (p_price_amount is null) <> (p_currency is null) or p_price_amount < 0
     or (p_currency is not null and p_currency !~ '^[A-Z]{3}$')
     or p_price_amount <> pg_catalog.round(p_price_amount, app.currency_exponent(p_currency)) then
    perform app.fail('PT400', 'invalid_price', 'a price is an amount of 0 or more, in the currency''s own decimals, with its ISO-4217 currency');
  end if;
  if p_stripe_price_id !~ '^price_[A-Za-z0-9_]+$' then
    perform app.fail('PT400', 'invalid_stripe_price', 'a Stripe price id starts with price_');
  end if;
  if p_feature_limits is null or pg_catalog.jsonb_typeof(p_feature_limits) <> 'object' then
    perform app.fail('PT400', 'invalid_feature_limits', 'feature limits are an object of limit names to whole numbers or null');
  end if;
  for v_key in select k from pg_catalog.jsonb_object_keys(p_feature_limits) k loop
    if v_key not in ('max_ffcs', 'max_seats', 'max_assets', 'max_storage_mb')
       or pg_catalog.jsonb_typeof(p_feature_limits -> v_key) not in ('number', 'null')
       or (p_feature_limits ->> v_key) !~ '^[0-9]{1,12}$' and pg_catalog.jsonb_typeof(p_feature_limits -> v_key) = 'number' then
      perform app.fail('PT400', 'invalid_feature_limits', 'limits are max_ffcs, max_seats, max_assets, max_storage_mb: whole numbers or null');
    end if;
  end loop;

  if p_stripe_price_id is not null and exists (
       select 1 from app.tenant_plans(p_tenant_id) p where p.stripe_price_id = p_stripe_price_id and p.plan_id <> v_plan_id) then
    perform app.fail('PT409', 'stripe_price_taken', 'another plan of this tenant has this Stripe price');
  end if;
  insert into app.tenant_plan_settings as s (tenant_id, plan_id, is_available, price_amount, currency, stripe_price_id, feature_limits)
  values (p_tenant_id, v_plan_id, coalesce(p_is_available, true), p_price_amount, p_currency, p_stripe_price_id, p_feature_limits)
  on conflict (tenant_id, plan_id) do update set
    is_available = excluded.is_available, price_amount = excluded.price_amount, currency = excluded.currency,
    stripe_price_id = excluded.stripe_price_id, feature_limits = excluded.feature_limits;

  return query select p.code, p.is_available, p.price_amount, p.currency, p.stripe_price_id, p.max_ffcs, p.max_seats,
                      p.max_assets, p.max_storage_bytes / 1048576
                 from app.tenant_plans(p_tenant_id) p where p.plan_id = v_plan_id;
end
$_$;

ALTER FUNCTION support.sp_set_tenant_plan(p_tenant_id uuid, p_plan_code text, p_is_available boolean, p_price_amount numeric, p_currency text, p_stripe_price_id text, p_feature_limits jsonb) OWNER TO estate_owner;

--
-- Name: FUNCTION sp_set_tenant_plan(p_tenant_id uuid, p_plan_code text, p_is_available boolean, p_price_amount numeric, p_currency text, p_stripe_price_id text, p_feature_limits jsonb); Type: COMMENT; Schema: support; Owner: estate_owner
--

COMMENT ON FUNCTION support.sp_set_tenant_plan(p_tenant_id uuid, p_plan_code text, p_is_available boolean, p_price_amount numeric, p_currency text, p_stripe_price_id text, p_feature_limits jsonb) IS 'Support: sets a tenant''s overrides of a plan (availability, price, Stripe price, limits); audited.';

--
-- Name: sp_set_tenant_security_policy(uuid, boolean, text[], integer); Type: FUNCTION; Schema: support; Owner: estate_owner
--

CREATE FUNCTION support.sp_set_tenant_security_policy(p_tenant_id uuid, p_mfa_required boolean, p_mfa_factors text[], p_password_max_age_days integer) RETURNS TABLE(tenant_id uuid, mfa_required boolean, mfa_factors text[], password_max_age_days integer, updated_by text, updated_at timestamp with time zone)
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
#variable_conflict use_column
declare
  v_tenant_id uuid := app.enter_tenant_as_support(p_tenant_id);
  v_factors text[] := app.check_mfa_factors(p_mfa_factors, 'invalid_mfa_factors');
begin
  if p_mfa_required is null then
    perform app.fail('PT400', 'invalid_mfa_required', 'mfaRequired must be true or false');
  end if;
  if pg_catalog.cardinality(v_factors) = 0 then
    perform app.fail('PT400', 'invalid_mfa_factors', 'at least one factor must count as MFA');
  end if;
  if p_password_max_age_days is not null and p_password_max_age_days not between 1 and 3650 then
    perform app.fail('PT400', 'invalid_password_max_age', 'passwordMaxAgeDays must be 1 to 3650, or null for none');
  end if;
  -- The audit trigger records the change with the staff member's identity; users' next requests obey it.
  return query
    insert into app.tenant_security_policies as p (tenant_id, mfa_required, mfa_factors, password_max_age_days, updated_by)
    values (v_tenant_id, p_mfa_required, v_factors, p_password_max_age_days, app.current_actor_id())
    on conflict (tenant_id) do update
      set mfa_required = excluded.mfa_required, mfa_factors = excluded.mfa_factors,
          password_max_age_days = excluded.password_max_age_days, updated_by = excluded.updated_by
    returning p.tenant_id, p.mfa_required, p.mfa_factors, p.password_max_age_days, p.updated_by, p.updated_at;
end
$$;

ALTER FUNCTION support.sp_set_tenant_security_policy(p_tenant_id uuid, p_mfa_required boolean, p_mfa_factors text[], p_password_max_age_days integer) OWNER TO estate_owner;

--
-- Name: FUNCTION sp_set_tenant_security_policy(p_tenant_id uuid, p_mfa_required boolean, p_mfa_factors text[], p_password_max_age_days integer); Type: COMMENT; Schema: support; Owner: estate_owner
--

COMMENT ON FUNCTION support.sp_set_tenant_security_policy(p_tenant_id uuid, p_mfa_required boolean, p_mfa_factors text[], p_password_max_age_days integer) IS 'Support: sets a tenant''s security policy: whether tokens must be obtained with MFA (and which factors count) and the password rotation age in days; audited.';

--
-- Name: sp_set_tenant_status(uuid, text); Type: FUNCTION; Schema: support; Owner: estate_owner
--

CREATE FUNCTION support.sp_set_tenant_status(p_tenant_id uuid, p_status text) RETURNS TABLE(tenant_id uuid, slug text, name text, status text, created_at timestamp with time zone)
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
#variable_conflict use_column
declare
  v_tenant_id uuid := app.enter_tenant_as_support(p_tenant_id);
begin
  if p_status is null or p_status not in ('active', 'suspended', 'closed') then
    perform app.fail('PT400', 'invalid_status', 'a tenant''s status is active, suspended or closed');
  end if;
  -- Every tenant procedure checks the tenant's status in the caller's own transaction
  -- (app.require_active_tenant): the next request after this commits is refused.
  return query
    update app.tenants t set status = p_status where t.tenant_id = v_tenant_id
    returning t.tenant_id, t.slug, t.name, t.status, t.created_at;
end
$$;

ALTER FUNCTION support.sp_set_tenant_status(p_tenant_id uuid, p_status text) OWNER TO estate_owner;

--
-- Name: FUNCTION sp_set_tenant_status(p_tenant_id uuid, p_status text); Type: COMMENT; Schema: support; Owner: estate_owner
--

COMMENT ON FUNCTION support.sp_set_tenant_status(p_tenant_id uuid, p_status text) IS 'Suspends, closes or re-activates a tenant: every request of its users is refused (tenant_inactive) from the next one on.';

--
-- Name: sp_set_user_status(uuid, uuid, text); Type: FUNCTION; Schema: support; Owner: estate_owner
--

CREATE FUNCTION support.sp_set_user_status(p_tenant_id uuid, p_user_id uuid, p_status text) RETURNS TABLE(user_id uuid, status text, suspended_at timestamp with time zone)
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
#variable_conflict use_column
declare
  v_tenant_id uuid := app.enter_tenant_as_support(p_tenant_id);
  v_user_id uuid := app.require_tenant_user(p_user_id);
  v_current text;
begin
  if p_status is null or p_status not in ('active', 'suspended') then
    perform app.fail('PT400', 'invalid_status', 'support sets a user active or suspended');
  end if;
  select u.status into v_current from app.users u where u.tenant_id = v_tenant_id and u.id = v_user_id for update;
  -- Deactivation is the user's own closing of the account: support neither undoes nor overrides it.
  if v_current = 'deactivated' then
    perform app.fail('PT409', 'user_deactivated', 'this user closed the account: support cannot change it');
  end if;
  -- Every tenant procedure checks the user in the caller's own transaction (app.current_user_id):
  -- the user's next request after this commits is refused.
  return query
    update app.users u
       set status = p_status,
           suspended_at = case when p_status = 'suspended' then coalesce(u.suspended_at, pg_catalog.now()) end
     where u.tenant_id = v_tenant_id and u.id = v_user_id
    returning u.id, u.status, u.suspended_at;
end
$$;

ALTER FUNCTION support.sp_set_user_status(p_tenant_id uuid, p_user_id uuid, p_status text) OWNER TO estate_owner;

--
-- Name: FUNCTION sp_set_user_status(p_tenant_id uuid, p_user_id uuid, p_status text); Type: COMMENT; Schema: support; Owner: estate_owner
--

COMMENT ON FUNCTION support.sp_set_user_status(p_tenant_id uuid, p_user_id uuid, p_status text) IS 'Support: suspends or reactivates a user; a suspended user''s next request is refused (user_suspended).';

--
-- Name: sp_verify_audit_chain(date); Type: FUNCTION; Schema: support; Owner: estate_owner
--

CREATE FUNCTION support.sp_verify_audit_chain(p_month date) RETURNS TABLE(partition_name text, ok boolean, checked_rows bigint, unchained_rows bigint, first_bad_seq bigint, first_bad_audit_id bigint, problem text, head_hash text)
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
#variable_conflict use_column
declare
  v_name text;
  v_result record;
begin
  perform app.require_support_session();
  v_name := audit.partition_of_month(p_month);
  select * into v_result from audit.verify_partition(v_name, pg_catalog.date_trunc('month', p_month)::date);
  perform app.audit_support_read(null, 'support.sp_verify_audit_chain', v_name,
    pg_catalog.jsonb_build_object('ok', v_result.ok, 'checked_rows', v_result.checked_rows,
                                  'problem', v_result.problem, 'first_bad_seq', v_result.first_bad_seq));
  return query select v_name, v_result.ok, v_result.checked_rows, v_result.unchained_rows, v_result.first_bad_seq,
                      v_result.first_bad_audit_id, v_result.problem, pg_catalog.encode(v_result.head_hash, 'hex');
end
$$;

ALTER FUNCTION support.sp_verify_audit_chain(p_month date) OWNER TO estate_owner;

--
-- Name: FUNCTION sp_verify_audit_chain(p_month date); Type: COMMENT; Schema: support; Owner: estate_owner
--

COMMENT ON FUNCTION support.sp_verify_audit_chain(p_month date) IS 'Support: recomputes one month''s audit hash chain from its rows and reports ok or the first row missing, changed or not chained; audited.';

--
-- Name: chain_hash(bytea, bytea); Type: AGGREGATE; Schema: audit; Owner: estate_owner
--

CREATE AGGREGATE audit.chain_hash(bytea, bytea) (
    SFUNC = audit.chain_step,
    STYPE = bytea
);

ALTER AGGREGATE audit.chain_hash(bytea, bytea) OWNER TO estate_owner;

--
-- Name: AGGREGATE chain_hash(bytea, bytea); Type: COMMENT; Schema: audit; Owner: estate_owner
--

COMMENT ON AGGREGATE audit.chain_hash(bytea, bytea) IS 'The hash chain over row hashes in window order, from a genesis: audit.chain_hash(row_hash, genesis) over (order by seq).';

--
-- Name: asset_bank_accounts; Type: TABLE; Schema: app; Owner: estate_owner
--

CREATE TABLE app.asset_bank_accounts (
    tenant_id uuid NOT NULL,
    id uuid NOT NULL,
    institution_name text NOT NULL,
    account_kind text NOT NULL,
    interest_rate_percent numeric(7,4),
    CONSTRAINT asset_bank_accounts_account_kind_check CHECK ((account_kind = ANY (ARRAY['checking'::text, 'savings'::text, 'money_market'::text, 'certificate_of_deposit'::text]))),
    CONSTRAINT asset_bank_accounts_institution_name_check CHECK (((length(btrim(institution_name)) >= 1) AND (length(btrim(institution_name)) <= 200))),
    CONSTRAINT asset_bank_accounts_interest_rate_percent_check CHECK (((interest_rate_percent >= (0)::numeric) AND (interest_rate_percent <= (100)::numeric)))
);

ALTER TABLE ONLY app.asset_bank_accounts FORCE ROW LEVEL SECURITY;

ALTER TABLE app.asset_bank_accounts OWNER TO estate_owner;

--
-- Name: TABLE asset_bank_accounts; Type: COMMENT; Schema: app; Owner: estate_owner
--

COMMENT ON TABLE app.asset_bank_accounts IS 'Type fields of a bank_account asset: institution, account kind, interest rate (one row per asset, keyed by its id).';

--
-- Name: asset_businesses; Type: TABLE; Schema: app; Owner: estate_owner
--

CREATE TABLE app.asset_businesses (
    tenant_id uuid NOT NULL,
    id uuid NOT NULL,
    legal_name text NOT NULL,
    entity_kind text NOT NULL,
    jurisdiction text,
    ownership_units numeric(20,6),
    CONSTRAINT asset_businesses_entity_kind_check CHECK ((entity_kind = ANY (ARRAY['sole_proprietorship'::text, 'partnership'::text, 'llc'::text, 'c_corp'::text, 's_corp'::text, 'other'::text]))),
    CONSTRAINT asset_businesses_jurisdiction_check CHECK ((length(jurisdiction) <= 100)),
    CONSTRAINT asset_businesses_legal_name_check CHECK (((length(btrim(legal_name)) >= 1) AND (length(btrim(legal_name)) <= 200))),
    CONSTRAINT asset_businesses_ownership_units_check CHECK ((ownership_units > (0)::numeric))
);

ALTER TABLE ONLY app.asset_businesses FORCE ROW LEVEL SECURITY;

ALTER TABLE app.asset_businesses OWNER TO estate_owner;

--
-- Name: TABLE asset_businesses; Type: COMMENT; Schema: app; Owner: estate_owner
--

COMMENT ON TABLE app.asset_businesses IS 'Type fields of a business asset: legal name, entity kind, jurisdiction, units owned.';

--
-- Name: asset_categories; Type: TABLE; Schema: app; Owner: estate_owner
--

CREATE TABLE app.asset_categories (
    code text NOT NULL,
    asset_type text NOT NULL,
    name text NOT NULL,
    is_liability boolean DEFAULT false NOT NULL,
    sort_order integer DEFAULT 0 NOT NULL,
    CONSTRAINT asset_categories_asset_type_check CHECK ((asset_type = ANY (ARRAY['bank_account'::text, 'investment_account'::text, 'real_estate'::text, 'vehicle'::text, 'business'::text, 'life_insurance'::text, 'personal_property'::text, 'debt'::text, 'cryptocurrency'::text, 'retirement_account'::text, 'collectible'::text, 'intellectual_property'::text, 'misc'::text]))),
    CONSTRAINT asset_categories_code_check CHECK ((code ~ '^[a-z_]{2,40}$'::text))
);

ALTER TABLE ONLY app.asset_categories FORCE ROW LEVEL SECURITY;

ALTER TABLE app.asset_categories OWNER TO estate_owner;

--
-- Name: TABLE asset_categories; Type: COMMENT; Schema: app; Owner: estate_owner
--

COMMENT ON TABLE app.asset_categories IS 'Global reference table: the kinds of asset, grouped by the 13 asset types.';

--
-- Name: asset_collectibles; Type: TABLE; Schema: app; Owner: estate_owner
--

CREATE TABLE app.asset_collectibles (
    tenant_id uuid NOT NULL,
    id uuid NOT NULL,
    collectible_kind text NOT NULL,
    creator text,
    provenance text,
    CONSTRAINT asset_collectibles_collectible_kind_check CHECK ((collectible_kind = ANY (ARRAY['art'::text, 'antique'::text, 'wine'::text, 'coin'::text, 'stamp'::text, 'memorabilia'::text, 'other'::text]))),
    CONSTRAINT asset_collectibles_creator_check CHECK ((length(creator) <= 200)),
    CONSTRAINT asset_collectibles_provenance_check CHECK ((length(provenance) <= 2000))
);

ALTER TABLE ONLY app.asset_collectibles FORCE ROW LEVEL SECURITY;

ALTER TABLE app.asset_collectibles OWNER TO estate_owner;

--
-- Name: TABLE asset_collectibles; Type: COMMENT; Schema: app; Owner: estate_owner
--

COMMENT ON TABLE app.asset_collectibles IS 'Type fields of a collectible asset: kind, creator, provenance.';

--
-- Name: asset_cryptocurrencies; Type: TABLE; Schema: app; Owner: estate_owner
--

CREATE TABLE app.asset_cryptocurrencies (
    tenant_id uuid NOT NULL,
    id uuid NOT NULL,
    symbol text NOT NULL,
    units numeric(30,12) NOT NULL,
    custody text NOT NULL,
    wallet_address text,
    CONSTRAINT asset_cryptocurrencies_custody_check CHECK ((custody = ANY (ARRAY['exchange'::text, 'self_custody'::text, 'custodian'::text]))),
    CONSTRAINT asset_cryptocurrencies_symbol_check CHECK ((symbol ~ '^[A-Z0-9]{2,10}$'::text)),
    CONSTRAINT asset_cryptocurrencies_units_check CHECK ((units >= (0)::numeric)),
    CONSTRAINT asset_cryptocurrencies_wallet_address_check CHECK ((wallet_address ~ '^[A-Za-z0-9:]{20,120}$'::text))
);

ALTER TABLE ONLY app.asset_cryptocurrencies FORCE ROW LEVEL SECURITY;

ALTER TABLE app.asset_cryptocurrencies OWNER TO estate_owner;

--
-- Name: TABLE asset_cryptocurrencies; Type: COMMENT; Schema: app; Owner: estate_owner
--

COMMENT ON TABLE app.asset_cryptocurrencies IS 'Type fields of a cryptocurrency asset: symbol, units, custody, a public wallet address (never a key).';

--
-- Name: asset_debts; Type: TABLE; Schema: app; Owner: estate_owner
--

CREATE TABLE app.asset_debts (
    tenant_id uuid NOT NULL,
    id uuid NOT NULL,
    lender_name text NOT NULL,
    debt_kind text NOT NULL,
    interest_rate_percent numeric(7,4) NOT NULL,
    original_principal numeric(20,2),
    matures_on date,
    term_months integer,
    payment_amount numeric(20,2),
    payment_frequency text,
    CONSTRAINT asset_debts_debt_kind_check CHECK ((debt_kind = ANY (ARRAY['mortgage'::text, 'auto_loan'::text, 'student_loan'::text, 'personal_loan'::text, 'credit_card'::text, 'line_of_credit'::text, 'other'::text]))),
    CONSTRAINT asset_debts_interest_rate_percent_check CHECK (((interest_rate_percent >= (0)::numeric) AND (interest_rate_percent <= (100)::numeric))),
    CONSTRAINT asset_debts_lender_name_check CHECK (((length(btrim(lender_name)) >= 1) AND (length(btrim(lender_name)) <= 200))),
    CONSTRAINT asset_debts_original_principal_check CHECK ((original_principal >= (0)::numeric)),
    CONSTRAINT asset_debts_payment_amount_check CHECK ((payment_amount >= (0)::numeric)),
    CONSTRAINT asset_debts_payment_frequency_check CHECK ((payment_frequency = ANY (ARRAY['weekly'::text, 'biweekly'::text, 'monthly'::text, 'quarterly'::text, 'annually'::text]))),
    CONSTRAINT asset_debts_term_months_check CHECK (((term_months >= 1) AND (term_months <= 1200)))
);

ALTER TABLE ONLY app.asset_debts FORCE ROW LEVEL SECURITY;

ALTER TABLE app.asset_debts OWNER TO estate_owner;

--
-- Name: TABLE asset_debts; Type: COMMENT; Schema: app; Owner: estate_owner
--

COMMENT ON TABLE app.asset_debts IS 'Type fields of a debt (a liability): lender, debt kind, interest rate, original principal, maturity.';

--
-- Name: asset_intellectual_property; Type: TABLE; Schema: app; Owner: estate_owner
--

CREATE TABLE app.asset_intellectual_property (
    tenant_id uuid NOT NULL,
    id uuid NOT NULL,
    ip_kind text NOT NULL,
    registration_number text,
    expires_on date,
    CONSTRAINT asset_intellectual_property_ip_kind_check CHECK ((ip_kind = ANY (ARRAY['patent'::text, 'trademark'::text, 'copyright'::text, 'trade_secret'::text, 'royalty_stream'::text]))),
    CONSTRAINT asset_intellectual_property_registration_number_check CHECK ((length(registration_number) <= 100))
);

ALTER TABLE ONLY app.asset_intellectual_property FORCE ROW LEVEL SECURITY;

ALTER TABLE app.asset_intellectual_property OWNER TO estate_owner;

--
-- Name: TABLE asset_intellectual_property; Type: COMMENT; Schema: app; Owner: estate_owner
--

COMMENT ON TABLE app.asset_intellectual_property IS 'Type fields of an intellectual_property asset: kind, registration number, expiry.';

--
-- Name: asset_investment_accounts; Type: TABLE; Schema: app; Owner: estate_owner
--

CREATE TABLE app.asset_investment_accounts (
    tenant_id uuid NOT NULL,
    id uuid NOT NULL,
    institution_name text NOT NULL,
    account_kind text NOT NULL,
    is_taxable boolean DEFAULT true NOT NULL,
    CONSTRAINT asset_investment_accounts_account_kind_check CHECK ((account_kind = ANY (ARRAY['brokerage'::text, 'managed'::text, 'education_529'::text, 'trust'::text, 'other'::text]))),
    CONSTRAINT asset_investment_accounts_institution_name_check CHECK (((length(btrim(institution_name)) >= 1) AND (length(btrim(institution_name)) <= 200)))
);

ALTER TABLE ONLY app.asset_investment_accounts FORCE ROW LEVEL SECURITY;

ALTER TABLE app.asset_investment_accounts OWNER TO estate_owner;

--
-- Name: TABLE asset_investment_accounts; Type: COMMENT; Schema: app; Owner: estate_owner
--

COMMENT ON TABLE app.asset_investment_accounts IS 'Type fields of an investment_account asset: institution, account kind, whether taxable.';

--
-- Name: asset_latest_valuations; Type: TABLE; Schema: app; Owner: estate_owner
--

CREATE TABLE app.asset_latest_valuations (
    tenant_id uuid NOT NULL,
    id uuid NOT NULL,
    asset_id uuid NOT NULL,
    valued_on date NOT NULL,
    created_at timestamp with time zone NOT NULL,
    amount numeric(20,2) NOT NULL,
    currency text NOT NULL,
    is_liability boolean NOT NULL,
    is_active boolean NOT NULL
);

ALTER TABLE ONLY app.asset_latest_valuations FORCE ROW LEVEL SECURITY;

ALTER TABLE app.asset_latest_valuations OWNER TO estate_owner;

--
-- Name: TABLE asset_latest_valuations; Type: COMMENT; Schema: app; Owner: estate_owner
--

COMMENT ON TABLE app.asset_latest_valuations IS 'Derived, kept by triggers: each asset''s latest valuation (greatest valued_on, created_at, id) and the asset''s flags, for net worth.';

--
-- Name: asset_life_insurance; Type: TABLE; Schema: app; Owner: estate_owner
--

CREATE TABLE app.asset_life_insurance (
    tenant_id uuid NOT NULL,
    id uuid NOT NULL,
    insurer_name text NOT NULL,
    policy_kind text NOT NULL,
    face_value numeric(20,2) NOT NULL,
    insured_persona_id uuid NOT NULL,
    term_ends_on date,
    CONSTRAINT asset_life_insurance_check CHECK (((policy_kind <> 'term'::text) OR (term_ends_on IS NOT NULL))),
    CONSTRAINT asset_life_insurance_face_value_check CHECK ((face_value > (0)::numeric)),
    CONSTRAINT asset_life_insurance_insurer_name_check CHECK (((length(btrim(insurer_name)) >= 1) AND (length(btrim(insurer_name)) <= 200))),
    CONSTRAINT asset_life_insurance_policy_kind_check CHECK ((policy_kind = ANY (ARRAY['term'::text, 'whole'::text, 'universal'::text, 'variable'::text])))
);

ALTER TABLE ONLY app.asset_life_insurance FORCE ROW LEVEL SECURITY;

ALTER TABLE app.asset_life_insurance OWNER TO estate_owner;

--
-- Name: TABLE asset_life_insurance; Type: COMMENT; Schema: app; Owner: estate_owner
--

COMMENT ON TABLE app.asset_life_insurance IS 'Type fields of a life_insurance asset: insurer, policy kind, face value, the insured persona, term end.';

--
-- Name: asset_misc; Type: TABLE; Schema: app; Owner: estate_owner
--

CREATE TABLE app.asset_misc (
    tenant_id uuid NOT NULL,
    id uuid NOT NULL,
    notes text,
    CONSTRAINT asset_misc_notes_check CHECK ((length(notes) <= 2000))
);

ALTER TABLE ONLY app.asset_misc FORCE ROW LEVEL SECURITY;

ALTER TABLE app.asset_misc OWNER TO estate_owner;

--
-- Name: TABLE asset_misc; Type: COMMENT; Schema: app; Owner: estate_owner
--

COMMENT ON TABLE app.asset_misc IS 'Type fields of a misc asset: free-form notes.';

--
-- Name: asset_ownerships; Type: TABLE; Schema: app; Owner: estate_owner
--

CREATE TABLE app.asset_ownerships (
    tenant_id uuid NOT NULL,
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    asset_id uuid NOT NULL,
    persona_id uuid,
    ownership_percentage numeric(7,4) NOT NULL,
    ownership_form app.ownership_form NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    entity_id uuid,
    CONSTRAINT asset_ownerships_one_holder CHECK ((num_nonnulls(persona_id, entity_id) = 1)),
    CONSTRAINT asset_ownerships_ownership_percentage_check CHECK (((ownership_percentage > (0)::numeric) AND (ownership_percentage <= (100)::numeric)))
);

ALTER TABLE ONLY app.asset_ownerships FORCE ROW LEVEL SECURITY;

ALTER TABLE app.asset_ownerships OWNER TO estate_owner;

--
-- Name: TABLE asset_ownerships; Type: COMMENT; Schema: app; Owner: estate_owner
--

COMMENT ON TABLE app.asset_ownerships IS 'Who owns how much of an asset and how, a persona or an entity; the shares of one asset never add up to more than 100%.';

--
-- Name: asset_permissions; Type: TABLE; Schema: app; Owner: estate_owner
--

CREATE TABLE app.asset_permissions (
    tenant_id uuid NOT NULL,
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    asset_id uuid NOT NULL,
    grantee_persona_id uuid,
    grantee_ffc_id uuid,
    grantee_ffc_role text,
    permission text NOT NULL,
    granted_by_user_id uuid NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT asset_permissions_check CHECK ((((grantee_persona_id IS NOT NULL) AND (grantee_ffc_id IS NULL) AND (grantee_ffc_role IS NULL)) OR ((grantee_persona_id IS NULL) AND (grantee_ffc_id IS NOT NULL) AND (grantee_ffc_role IS NOT NULL)))),
    CONSTRAINT asset_permissions_grantee_ffc_role_check CHECK ((grantee_ffc_role = ANY (ARRAY['owner'::text, 'admin'::text, 'member'::text, 'advisor'::text, 'viewer'::text]))),
    CONSTRAINT asset_permissions_permission_check CHECK ((permission = ANY (ARRAY['view'::text, 'edit'::text])))
);

ALTER TABLE ONLY app.asset_permissions FORCE ROW LEVEL SECURITY;

ALTER TABLE app.asset_permissions OWNER TO estate_owner;

--
-- Name: TABLE asset_permissions; Type: COMMENT; Schema: app; Owner: estate_owner
--

COMMENT ON TABLE app.asset_permissions IS 'View or edit rights on an asset for a persona, or for a role (or better) in a circle.';

--
-- Name: asset_personal_property; Type: TABLE; Schema: app; Owner: estate_owner
--

CREATE TABLE app.asset_personal_property (
    tenant_id uuid NOT NULL,
    id uuid NOT NULL,
    item_kind text NOT NULL,
    location text,
    CONSTRAINT asset_personal_property_item_kind_check CHECK (((length(btrim(item_kind)) >= 1) AND (length(btrim(item_kind)) <= 100))),
    CONSTRAINT asset_personal_property_location_check CHECK ((length(location) <= 200))
);

ALTER TABLE ONLY app.asset_personal_property FORCE ROW LEVEL SECURITY;

ALTER TABLE app.asset_personal_property OWNER TO estate_owner;

--
-- Name: TABLE asset_personal_property; Type: COMMENT; Schema: app; Owner: estate_owner
--

COMMENT ON TABLE app.asset_personal_property IS 'Type fields of a personal_property asset: item kind and where it is kept.';

--
-- Name: asset_real_estate; Type: TABLE; Schema: app; Owner: estate_owner
--

CREATE TABLE app.asset_real_estate (
    tenant_id uuid NOT NULL,
    id uuid NOT NULL,
    property_kind text NOT NULL,
    address_line1 text NOT NULL,
    city text NOT NULL,
    region text,
    postal_code text,
    country_code text NOT NULL,
    purchase_date date,
    purchase_price numeric(20,2),
    CONSTRAINT asset_real_estate_address_line1_check CHECK (((length(btrim(address_line1)) >= 1) AND (length(btrim(address_line1)) <= 200))),
    CONSTRAINT asset_real_estate_city_check CHECK (((length(btrim(city)) >= 1) AND (length(btrim(city)) <= 100))),
    CONSTRAINT asset_real_estate_country_code_check CHECK ((country_code ~ '^[A-Z]{2}$'::text)),
    CONSTRAINT asset_real_estate_postal_code_check CHECK ((length(postal_code) <= 20)),
    CONSTRAINT asset_real_estate_property_kind_check CHECK ((property_kind = ANY (ARRAY['primary_residence'::text, 'vacation_home'::text, 'rental'::text, 'commercial'::text, 'land'::text]))),
    CONSTRAINT asset_real_estate_purchase_price_check CHECK ((purchase_price >= (0)::numeric)),
    CONSTRAINT asset_real_estate_region_check CHECK ((length(region) <= 100))
);

ALTER TABLE ONLY app.asset_real_estate FORCE ROW LEVEL SECURITY;

ALTER TABLE app.asset_real_estate OWNER TO estate_owner;

--
-- Name: TABLE asset_real_estate; Type: COMMENT; Schema: app; Owner: estate_owner
--

COMMENT ON TABLE app.asset_real_estate IS 'Type fields of a real_estate asset: property kind, address, purchase date and price.';

--
-- Name: asset_retirement_accounts; Type: TABLE; Schema: app; Owner: estate_owner
--

CREATE TABLE app.asset_retirement_accounts (
    tenant_id uuid NOT NULL,
    id uuid NOT NULL,
    institution_name text NOT NULL,
    plan_kind text NOT NULL,
    CONSTRAINT asset_retirement_accounts_institution_name_check CHECK (((length(btrim(institution_name)) >= 1) AND (length(btrim(institution_name)) <= 200))),
    CONSTRAINT asset_retirement_accounts_plan_kind_check CHECK ((plan_kind = ANY (ARRAY['traditional_ira'::text, 'roth_ira'::text, '401k'::text, 'roth_401k'::text, '403b'::text, 'pension'::text, 'other'::text])))
);

ALTER TABLE ONLY app.asset_retirement_accounts FORCE ROW LEVEL SECURITY;

ALTER TABLE app.asset_retirement_accounts OWNER TO estate_owner;

--
-- Name: TABLE asset_retirement_accounts; Type: COMMENT; Schema: app; Owner: estate_owner
--

COMMENT ON TABLE app.asset_retirement_accounts IS 'Type fields of a retirement_account asset: institution and plan kind (IRA, 401k, pension...).';

--
-- Name: asset_valuations; Type: TABLE; Schema: app; Owner: estate_owner
--

CREATE TABLE app.asset_valuations (
    tenant_id uuid NOT NULL,
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    asset_id uuid NOT NULL,
    valued_on date NOT NULL,
    amount numeric(20,2) NOT NULL,
    currency text NOT NULL,
    source app.valuation_source NOT NULL,
    recorded_by_user_id uuid,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT asset_valuations_amount_check CHECK ((amount >= (0)::numeric)),
    CONSTRAINT asset_valuations_currency_check CHECK ((currency ~ '^[A-Z]{3}$'::text))
);

ALTER TABLE ONLY app.asset_valuations FORCE ROW LEVEL SECURITY;

ALTER TABLE app.asset_valuations OWNER TO estate_owner;

--
-- Name: TABLE asset_valuations; Type: COMMENT; Schema: app; Owner: estate_owner
--

COMMENT ON TABLE app.asset_valuations IS 'Dated value history of an asset (a debt''s value is what is owed); appended, never overwritten.';

--
-- Name: asset_vehicles; Type: TABLE; Schema: app; Owner: estate_owner
--

CREATE TABLE app.asset_vehicles (
    tenant_id uuid NOT NULL,
    id uuid NOT NULL,
    make text NOT NULL,
    model text NOT NULL,
    model_year integer,
    vin text,
    CONSTRAINT asset_vehicles_make_check CHECK (((length(btrim(make)) >= 1) AND (length(btrim(make)) <= 100))),
    CONSTRAINT asset_vehicles_model_check CHECK (((length(btrim(model)) >= 1) AND (length(btrim(model)) <= 100))),
    CONSTRAINT asset_vehicles_model_year_check CHECK (((model_year >= 1885) AND (model_year <= 2100))),
    CONSTRAINT asset_vehicles_vin_check CHECK ((vin ~ '^[A-HJ-NPR-Z0-9]{17}$'::text))
);

ALTER TABLE ONLY app.asset_vehicles FORCE ROW LEVEL SECURITY;

ALTER TABLE app.asset_vehicles OWNER TO estate_owner;

--
-- Name: TABLE asset_vehicles; Type: COMMENT; Schema: app; Owner: estate_owner
--

COMMENT ON TABLE app.asset_vehicles IS 'Type fields of a vehicle asset: make, model, model year, VIN.';

--
-- Name: assets; Type: TABLE; Schema: app; Owner: estate_owner
--

CREATE TABLE app.assets (
    tenant_id uuid NOT NULL,
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    asset_type text NOT NULL,
    category_code text NOT NULL,
    name text NOT NULL,
    description text,
    currency text NOT NULL,
    is_liability boolean NOT NULL,
    identifier_ciphertext bytea,
    identifier_last4 text,
    status text DEFAULT 'active'::text NOT NULL,
    created_by_user_id uuid NOT NULL,
    search tsvector GENERATED ALWAYS AS (to_tsvector('simple'::regconfig, ((((name || ' '::text) || COALESCE(description, ''::text)) || ' '::text) || replace(category_code, '_'::text, ' '::text)))) STORED,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT assets_check CHECK (((identifier_ciphertext IS NULL) = (identifier_last4 IS NULL))),
    CONSTRAINT assets_currency_check CHECK ((currency ~ '^[A-Z]{3}$'::text)),
    CONSTRAINT assets_description_check CHECK ((length(description) <= 2000)),
    CONSTRAINT assets_identifier_last4_check CHECK ((identifier_last4 ~ '^[0-9A-Za-z]{1,4}$'::text)),
    CONSTRAINT assets_name_check CHECK (((length(btrim(name)) >= 1) AND (length(btrim(name)) <= 200))),
    CONSTRAINT assets_status_check CHECK ((status = ANY (ARRAY['active'::text, 'archived'::text])))
);

ALTER TABLE ONLY app.assets FORCE ROW LEVEL SECURITY;

ALTER TABLE app.assets OWNER TO estate_owner;

--
-- Name: TABLE assets; Type: COMMENT; Schema: app; Owner: estate_owner
--

COMMENT ON TABLE app.assets IS 'Everything a family owns or owes: the base row of each of the 13 asset types.';

--
-- Name: audit_retention_policy; Type: TABLE; Schema: app; Owner: estate_owner
--

CREATE TABLE app.audit_retention_policy (
    id boolean DEFAULT true NOT NULL,
    months_kept integer DEFAULT 84 NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT audit_retention_policy_id_check CHECK (id),
    CONSTRAINT audit_retention_policy_months_kept_check CHECK (((months_kept >= 12) AND (months_kept <= 1200)))
);

ALTER TABLE ONLY app.audit_retention_policy FORCE ROW LEVEL SECURITY;

ALTER TABLE app.audit_retention_policy OWNER TO estate_owner;

--
-- Name: TABLE audit_retention_policy; Type: COMMENT; Schema: app; Owner: estate_owner
--

COMMENT ON TABLE app.audit_retention_policy IS 'Global, one row: how many months of audit partitions are kept; older ones are dropped once sealed and verified.';

--
-- Name: beneficiary_designations; Type: TABLE; Schema: app; Owner: estate_owner
--

CREATE TABLE app.beneficiary_designations (
    tenant_id uuid NOT NULL,
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    asset_id uuid,
    entity_id uuid,
    estate_of_persona_id uuid,
    level text NOT NULL,
    beneficiary_kind text NOT NULL,
    beneficiary_persona_id uuid,
    beneficiary_entity_id uuid,
    percentage numeric(7,4) NOT NULL,
    distribution text,
    effective_on date NOT NULL,
    created_by_user_id uuid NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT beneficiary_designations_beneficiary_kind_check CHECK ((beneficiary_kind = ANY (ARRAY['persona'::text, 'entity'::text, 'estate'::text]))),
    CONSTRAINT beneficiary_designations_check CHECK ((num_nonnulls(asset_id, entity_id, estate_of_persona_id) = 1)),
    CONSTRAINT beneficiary_designations_check1 CHECK (((beneficiary_kind = 'persona'::text) = (beneficiary_persona_id IS NOT NULL))),
    CONSTRAINT beneficiary_designations_check2 CHECK (((beneficiary_kind = 'entity'::text) = (beneficiary_entity_id IS NOT NULL))),
    CONSTRAINT beneficiary_designations_check3 CHECK (((beneficiary_kind = 'persona'::text) = (distribution IS NOT NULL))),
    CONSTRAINT beneficiary_designations_check4 CHECK (((beneficiary_kind <> 'estate'::text) OR (estate_of_persona_id IS NULL))),
    CONSTRAINT beneficiary_designations_check5 CHECK ((entity_id <> beneficiary_entity_id)),
    CONSTRAINT beneficiary_designations_distribution_check CHECK ((distribution = ANY (ARRAY['per_stirpes'::text, 'per_capita'::text]))),
    CONSTRAINT beneficiary_designations_effective_on_check CHECK ((effective_on >= '1900-01-01'::date)),
    CONSTRAINT beneficiary_designations_level_check CHECK ((level = ANY (ARRAY['primary'::text, 'contingent'::text]))),
    CONSTRAINT beneficiary_designations_percentage_check CHECK (((percentage > (0)::numeric) AND (percentage <= (100)::numeric)))
);

ALTER TABLE ONLY app.beneficiary_designations FORCE ROW LEVEL SECURITY;

ALTER TABLE app.beneficiary_designations OWNER TO estate_owner;

--
-- Name: TABLE beneficiary_designations; Type: COMMENT; Schema: app; Owner: estate_owner
--

COMMENT ON TABLE app.beneficiary_designations IS 'Who receives an asset, an entity or an estate: primary and contingent levels, each summing to exactly 100%.';

--
-- Name: consent_records; Type: TABLE; Schema: app; Owner: estate_owner
--

CREATE TABLE app.consent_records (
    tenant_id uuid NOT NULL,
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    user_id uuid NOT NULL,
    purpose text NOT NULL,
    version text NOT NULL,
    decision text NOT NULL,
    recorded_at timestamp with time zone DEFAULT now() NOT NULL,
    request_id text,
    CONSTRAINT consent_records_decision_check CHECK ((decision = ANY (ARRAY['given'::text, 'withdrawn'::text]))),
    CONSTRAINT consent_records_purpose_check CHECK ((purpose = ANY (ARRAY['terms_of_service'::text, 'privacy_policy'::text, 'marketing_email'::text, 'product_analytics'::text, 'advisor_sharing'::text]))),
    CONSTRAINT consent_records_request_id_check CHECK ((length(request_id) <= 100)),
    CONSTRAINT consent_records_version_check CHECK ((version ~ '^[A-Za-z0-9._-]{1,40}$'::text))
);

ALTER TABLE ONLY app.consent_records FORCE ROW LEVEL SECURITY;

ALTER TABLE app.consent_records OWNER TO estate_owner;

--
-- Name: TABLE consent_records; Type: COMMENT; Schema: app; Owner: estate_owner
--

COMMENT ON TABLE app.consent_records IS 'Each consent a user gave or withdrew, to a purpose of a fixed list at a version of its text, when and in which request: an append-only history (the latest row per purpose is the current state).';

--
-- Name: COLUMN consent_records.version; Type: COMMENT; Schema: app; Owner: estate_owner
--

COMMENT ON COLUMN app.consent_records.version IS 'The version of the text the user agreed to or withdrew from (e.g. 2026-01).';

--
-- Name: data_subject_request_events; Type: TABLE; Schema: app; Owner: estate_owner
--

CREATE TABLE app.data_subject_request_events (
    tenant_id uuid NOT NULL,
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    request_id uuid NOT NULL,
    from_status text,
    to_status text NOT NULL,
    actor_kind text NOT NULL,
    note text,
    occurred_at timestamp with time zone DEFAULT clock_timestamp() NOT NULL,
    CONSTRAINT data_subject_request_events_actor_kind_check CHECK ((actor_kind = ANY (ARRAY['user'::text, 'support'::text, 'api_key'::text, 'system'::text]))),
    CONSTRAINT data_subject_request_events_from_status_check CHECK ((from_status = ANY (ARRAY['received'::text, 'in_progress'::text, 'completed'::text, 'refused'::text, 'cancelled'::text]))),
    CONSTRAINT data_subject_request_events_note_check CHECK ((length(note) <= 1000)),
    CONSTRAINT data_subject_request_events_to_status_check CHECK ((to_status = ANY (ARRAY['received'::text, 'in_progress'::text, 'completed'::text, 'refused'::text, 'cancelled'::text])))
);

ALTER TABLE ONLY app.data_subject_request_events FORCE ROW LEVEL SECURITY;

ALTER TABLE app.data_subject_request_events OWNER TO estate_owner;

--
-- Name: TABLE data_subject_request_events; Type: COMMENT; Schema: app; Owner: estate_owner
--

COMMENT ON TABLE app.data_subject_request_events IS 'The trail of a data subject request: every change of state, when, by which kind of actor, with a note (no personal data). Append-only.';

--
-- Name: data_subject_requests; Type: TABLE; Schema: app; Owner: estate_owner
--

CREATE TABLE app.data_subject_requests (
    tenant_id uuid NOT NULL,
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    user_id uuid NOT NULL,
    kind text NOT NULL,
    status text DEFAULT 'received'::text NOT NULL,
    received_at timestamp with time zone DEFAULT now() NOT NULL,
    due_at timestamp with time zone NOT NULL,
    completed_at timestamp with time zone,
    refusal_code text,
    refusal_reason text,
    outcome jsonb,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT data_subject_requests_check CHECK ((due_at = (received_at + '30 days'::interval))),
    CONSTRAINT data_subject_requests_check1 CHECK (((status = ANY (ARRAY['completed'::text, 'refused'::text, 'cancelled'::text])) = (completed_at IS NOT NULL))),
    CONSTRAINT data_subject_requests_check2 CHECK (((status = 'refused'::text) = (refusal_code IS NOT NULL))),
    CONSTRAINT data_subject_requests_kind_check CHECK ((kind = ANY (ARRAY['export'::text, 'erasure'::text]))),
    CONSTRAINT data_subject_requests_refusal_code_check CHECK ((refusal_code ~ '^[a-z_]{1,60}$'::text)),
    CONSTRAINT data_subject_requests_refusal_reason_check CHECK ((length(refusal_reason) <= 1000)),
    CONSTRAINT data_subject_requests_status_check CHECK ((status = ANY (ARRAY['received'::text, 'in_progress'::text, 'completed'::text, 'refused'::text, 'cancelled'::text])))
);

ALTER TABLE ONLY app.data_subject_requests FORCE ROW LEVEL SECURITY;

ALTER TABLE app.data_subject_requests OWNER TO estate_owner;

--
-- Name: TABLE data_subject_requests; Type: COMMENT; Schema: app; Owner: estate_owner
--

COMMENT ON TABLE app.data_subject_requests IS 'A user''s request to export or erase their personal data: its state (received, in_progress, completed, refused, cancelled), the statutory deadline (30 days from receipt) and, when refused, why.';

--
-- Name: COLUMN data_subject_requests.due_at; Type: COMMENT; Schema: app; Owner: estate_owner
--

COMMENT ON COLUMN app.data_subject_requests.due_at IS 'The statutory deadline: 30 days after receipt (GDPR art. 12(3)).';

--
-- Name: COLUMN data_subject_requests.outcome; Type: COMMENT; Schema: app; Owner: estate_owner
--

COMMENT ON COLUMN app.data_subject_requests.outcome IS 'What an erasure removed or pseudonymised, as counts per kind of data; never the data itself.';

--
-- Name: debt_collateral; Type: TABLE; Schema: app; Owner: estate_owner
--

CREATE TABLE app.debt_collateral (
    tenant_id uuid NOT NULL,
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    debt_asset_id uuid NOT NULL,
    secured_asset_id uuid NOT NULL,
    created_by_user_id uuid NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT debt_collateral_check CHECK ((debt_asset_id <> secured_asset_id))
);

ALTER TABLE ONLY app.debt_collateral FORCE ROW LEVEL SECURITY;

ALTER TABLE app.debt_collateral OWNER TO estate_owner;

--
-- Name: TABLE debt_collateral; Type: COMMENT; Schema: app; Owner: estate_owner
--

COMMENT ON TABLE app.debt_collateral IS 'The asset a debt is secured by: a mortgage''s house, a car loan''s car.';

--
-- Name: entity_interests; Type: TABLE; Schema: app; Owner: estate_owner
--

CREATE TABLE app.entity_interests (
    tenant_id uuid NOT NULL,
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    entity_id uuid NOT NULL,
    holder_persona_id uuid,
    holder_entity_id uuid,
    percentage numeric(7,4) NOT NULL,
    created_by_user_id uuid NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT entity_interests_check CHECK ((num_nonnulls(holder_persona_id, holder_entity_id) = 1)),
    CONSTRAINT entity_interests_check1 CHECK ((holder_entity_id <> entity_id)),
    CONSTRAINT entity_interests_percentage_check CHECK (((percentage > (0)::numeric) AND (percentage <= (100)::numeric)))
);

ALTER TABLE ONLY app.entity_interests FORCE ROW LEVEL SECURITY;

ALTER TABLE app.entity_interests OWNER TO estate_owner;

--
-- Name: TABLE entity_interests; Type: COMMENT; Schema: app; Owner: estate_owner
--

COMMENT ON TABLE app.entity_interests IS 'Who holds the economic interest in an entity (members, partners, shareholders, a revocable trust''s grantor): personas or other entities; never above 100% per entity, never in a cycle.';

--
-- Name: exchange_rates; Type: TABLE; Schema: app; Owner: estate_owner
--

CREATE TABLE app.exchange_rates (
    base_currency text NOT NULL,
    quote_currency text NOT NULL,
    rate_date date NOT NULL,
    rate numeric(24,10) NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT exchange_rates_base_currency_check CHECK ((base_currency ~ '^[A-Z]{3}$'::text)),
    CONSTRAINT exchange_rates_check CHECK ((base_currency <> quote_currency)),
    CONSTRAINT exchange_rates_quote_currency_check CHECK ((quote_currency ~ '^[A-Z]{3}$'::text)),
    CONSTRAINT exchange_rates_rate_check CHECK ((rate > (0)::numeric))
);

ALTER TABLE ONLY app.exchange_rates FORCE ROW LEVEL SECURITY;

ALTER TABLE app.exchange_rates OWNER TO estate_owner;

--
-- Name: TABLE exchange_rates; Type: COMMENT; Schema: app; Owner: estate_owner
--

COMMENT ON TABLE app.exchange_rates IS 'Global reference table: 1 base_currency = rate quote_currency on rate_date.';

--
-- Name: ffc_invitations; Type: TABLE; Schema: app; Owner: estate_owner
--

CREATE TABLE app.ffc_invitations (
    tenant_id uuid NOT NULL,
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    ffc_id uuid NOT NULL,
    email text NOT NULL,
    role text NOT NULL,
    token_sha256 bytea NOT NULL,
    status text DEFAULT 'pending'::text NOT NULL,
    expires_at timestamp with time zone NOT NULL,
    invited_by_user_id uuid NOT NULL,
    accepted_by_user_id uuid,
    responded_at timestamp with time zone,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT ffc_invitations_email_check CHECK ((email ~ '^[^@\s]+@[^@\s]+\.[^@\s]+$'::text)),
    CONSTRAINT ffc_invitations_role_check CHECK ((role = ANY (ARRAY['admin'::text, 'member'::text, 'advisor'::text, 'viewer'::text]))),
    CONSTRAINT ffc_invitations_status_check CHECK ((status = ANY (ARRAY['pending'::text, 'accepted'::text, 'revoked'::text]))),
    CONSTRAINT ffc_invitations_token_sha256_check CHECK ((length(token_sha256) = 32))
);

ALTER TABLE ONLY app.ffc_invitations FORCE ROW LEVEL SECURITY;

ALTER TABLE app.ffc_invitations OWNER TO estate_owner;

--
-- Name: TABLE ffc_invitations; Type: COMMENT; Schema: app; Owner: estate_owner
--

COMMENT ON TABLE app.ffc_invitations IS 'Invitations to a circle by email; only the SHA-256 of the single-use token is stored.';

--
-- Name: ffc_memberships; Type: TABLE; Schema: app; Owner: estate_owner
--

CREATE TABLE app.ffc_memberships (
    tenant_id uuid NOT NULL,
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    ffc_id uuid NOT NULL,
    persona_id uuid NOT NULL,
    role text NOT NULL,
    status text DEFAULT 'active'::text NOT NULL,
    added_by_user_id uuid,
    removed_at timestamp with time zone,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT ffc_memberships_check CHECK (((status = 'removed'::text) = (removed_at IS NOT NULL))),
    CONSTRAINT ffc_memberships_role_check CHECK ((role = ANY (ARRAY['owner'::text, 'admin'::text, 'member'::text, 'advisor'::text, 'viewer'::text]))),
    CONSTRAINT ffc_memberships_status_check CHECK ((status = ANY (ARRAY['active'::text, 'removed'::text])))
);

ALTER TABLE ONLY app.ffc_memberships FORCE ROW LEVEL SECURITY;

ALTER TABLE app.ffc_memberships OWNER TO estate_owner;

--
-- Name: TABLE ffc_memberships; Type: COMMENT; Schema: app; Owner: estate_owner
--

COMMENT ON TABLE app.ffc_memberships IS 'Which personas belong to a circle and in which role; removed members are kept for history.';

--
-- Name: fwd_family_circles; Type: TABLE; Schema: app; Owner: estate_owner
--

CREATE TABLE app.fwd_family_circles (
    tenant_id uuid NOT NULL,
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    name text NOT NULL,
    description text,
    created_by_user_id uuid NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    deleted_at timestamp with time zone,
    CONSTRAINT fwd_family_circles_description_check CHECK ((length(description) <= 1000)),
    CONSTRAINT fwd_family_circles_name_check CHECK (((length(btrim(name)) >= 1) AND (length(btrim(name)) <= 120)))
);

ALTER TABLE ONLY app.fwd_family_circles FORCE ROW LEVEL SECURITY;

ALTER TABLE app.fwd_family_circles OWNER TO estate_owner;

--
-- Name: TABLE fwd_family_circles; Type: COMMENT; Schema: app; Owner: estate_owner
--

COMMENT ON TABLE app.fwd_family_circles IS 'Family circles: the family (and its advisors) who share a picture of their wealth.';

--
-- Name: COLUMN fwd_family_circles.deleted_at; Type: COMMENT; Schema: app; Owner: estate_owner
--

COMMENT ON COLUMN app.fwd_family_circles.deleted_at IS 'When an owner deleted the circle (api.sp_delete_ffc): no member is left, it no longer counts against the plan; NULL while it lives.';

--
-- Name: general_ledger; Type: TABLE; Schema: app; Owner: estate_owner
--

CREATE TABLE app.general_ledger (
    tenant_id uuid NOT NULL,
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    entry_type text NOT NULL,
    amount numeric NOT NULL,
    currency text NOT NULL,
    subscription_id uuid NOT NULL,
    payment_transaction_id uuid NOT NULL,
    refund_id uuid,
    description text NOT NULL,
    posted_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT general_ledger_amount_check CHECK ((scale(amount) <= 3)),
    CONSTRAINT general_ledger_check CHECK ((((entry_type = 'payment'::text) AND (amount > (0)::numeric) AND (refund_id IS NULL)) OR ((entry_type = 'refund'::text) AND (amount < (0)::numeric) AND (refund_id IS NOT NULL)))),
    CONSTRAINT general_ledger_currency_check CHECK ((currency ~ '^[A-Z]{3}$'::text)),
    CONSTRAINT general_ledger_entry_type_check CHECK ((entry_type = ANY (ARRAY['payment'::text, 'refund'::text])))
);

ALTER TABLE ONLY app.general_ledger FORCE ROW LEVEL SECURITY;

ALTER TABLE app.general_ledger OWNER TO estate_owner;

--
-- Name: TABLE general_ledger; Type: COMMENT; Schema: app; Owner: estate_owner
--

COMMENT ON TABLE app.general_ledger IS 'Single-entry ledger of money in (payments) and out (refunds); appended, never changed.';

--
-- Name: idempotency_keys; Type: TABLE; Schema: app; Owner: estate_owner
--

CREATE TABLE app.idempotency_keys (
    tenant_id uuid NOT NULL,
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    actor_sub text NOT NULL,
    idempotency_key text NOT NULL,
    request_hash text NOT NULL,
    response_status integer,
    response_location text,
    response_content_type text,
    response_body text,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    expires_at timestamp with time zone DEFAULT (now() + '24:00:00'::interval) NOT NULL,
    CONSTRAINT idempotency_keys_actor_sub_check CHECK (((length(actor_sub) >= 1) AND (length(actor_sub) <= 255))),
    CONSTRAINT idempotency_keys_idempotency_key_check CHECK ((idempotency_key ~ '^[!-~]{1,255}$'::text)),
    CONSTRAINT idempotency_keys_request_hash_check CHECK ((request_hash ~ '^[0-9a-f]{64}$'::text)),
    CONSTRAINT idempotency_keys_response_body_check CHECK ((length(response_body) <= 1048576)),
    CONSTRAINT idempotency_keys_response_content_type_check CHECK ((length(response_content_type) <= 255)),
    CONSTRAINT idempotency_keys_response_location_check CHECK ((length(response_location) <= 2048)),
    CONSTRAINT idempotency_keys_response_status_check CHECK (((response_status >= 200) AND (response_status <= 299)))
);

ALTER TABLE ONLY app.idempotency_keys FORCE ROW LEVEL SECURITY;

ALTER TABLE app.idempotency_keys OWNER TO estate_owner;

--
-- Name: TABLE idempotency_keys; Type: COMMENT; Schema: app; Owner: estate_owner
--

COMMENT ON TABLE app.idempotency_keys IS 'The Idempotency-Key of each POST (per tenant and Cognito subject) with a hash of the request and the answer it got (stored with the effect, in its transaction); kept 24 hours.';

--
-- Name: invoices; Type: TABLE; Schema: app; Owner: estate_owner
--

CREATE TABLE app.invoices (
    tenant_id uuid NOT NULL,
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    subscription_id uuid NOT NULL,
    stripe_invoice_id text NOT NULL,
    number text,
    status text NOT NULL,
    currency text NOT NULL,
    amount_due numeric NOT NULL,
    amount_paid numeric DEFAULT 0 NOT NULL,
    amount_remaining numeric DEFAULT 0 NOT NULL,
    attempt_count integer DEFAULT 0 NOT NULL,
    billing_reason text,
    period_start timestamp with time zone,
    period_end timestamp with time zone,
    hosted_invoice_url text,
    finalized_at timestamp with time zone,
    paid_at timestamp with time zone,
    stripe_synced_at timestamp with time zone NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT invoices_amount_due_check CHECK (((scale(amount_due) <= 3) AND (amount_due >= (0)::numeric))),
    CONSTRAINT invoices_amount_paid_check CHECK (((scale(amount_paid) <= 3) AND (amount_paid >= (0)::numeric))),
    CONSTRAINT invoices_amount_remaining_check CHECK (((scale(amount_remaining) <= 3) AND (amount_remaining >= (0)::numeric))),
    CONSTRAINT invoices_attempt_count_check CHECK ((attempt_count >= 0)),
    CONSTRAINT invoices_currency_check CHECK ((currency ~ '^[A-Z]{3}$'::text)),
    CONSTRAINT invoices_hosted_invoice_url_check CHECK ((hosted_invoice_url ~ '^https://'::text)),
    CONSTRAINT invoices_status_check CHECK ((status = ANY (ARRAY['draft'::text, 'open'::text, 'paid'::text, 'void'::text, 'uncollectible'::text]))),
    CONSTRAINT invoices_stripe_invoice_id_check CHECK ((stripe_invoice_id ~ '^in_[A-Za-z0-9]+$'::text))
);

ALTER TABLE ONLY app.invoices FORCE ROW LEVEL SECURITY;

ALTER TABLE app.invoices OWNER TO estate_owner;

--
-- Name: TABLE invoices; Type: COMMENT; Schema: app; Owner: estate_owner
--

COMMENT ON TABLE app.invoices IS 'Invoices as Stripe issues them for a subscription (amounts in the currency''s units).';

--
-- Name: legal_entities; Type: TABLE; Schema: app; Owner: estate_owner
--

CREATE TABLE app.legal_entities (
    tenant_id uuid NOT NULL,
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    entity_kind text NOT NULL,
    name text NOT NULL,
    jurisdiction text,
    effective_date date,
    created_by_user_id uuid NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT legal_entities_effective_date_check CHECK ((effective_date >= '1850-01-01'::date)),
    CONSTRAINT legal_entities_entity_kind_check CHECK ((entity_kind = ANY (ARRAY['revocable_trust'::text, 'irrevocable_trust'::text, 'llc'::text, 'partnership'::text, 'corporation'::text, 'other'::text]))),
    CONSTRAINT legal_entities_jurisdiction_check CHECK ((length(jurisdiction) <= 100)),
    CONSTRAINT legal_entities_name_check CHECK (((length(btrim(name)) >= 1) AND (length(btrim(name)) <= 200)))
);

ALTER TABLE ONLY app.legal_entities FORCE ROW LEVEL SECURITY;

ALTER TABLE app.legal_entities OWNER TO estate_owner;

--
-- Name: TABLE legal_entities; Type: COMMENT; Schema: app; Owner: estate_owner
--

COMMENT ON TABLE app.legal_entities IS 'Trusts, companies and other legal entities of a family that own assets beside its personas.';

--
-- Name: legal_entity_roles; Type: TABLE; Schema: app; Owner: estate_owner
--

CREATE TABLE app.legal_entity_roles (
    tenant_id uuid NOT NULL,
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    entity_id uuid NOT NULL,
    persona_id uuid NOT NULL,
    role text NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT legal_entity_roles_role_check CHECK ((role = ANY (ARRAY['grantor'::text, 'trustee'::text, 'manager'::text])))
);

ALTER TABLE ONLY app.legal_entity_roles FORCE ROW LEVEL SECURITY;

ALTER TABLE app.legal_entity_roles OWNER TO estate_owner;

--
-- Name: TABLE legal_entity_roles; Type: COMMENT; Schema: app; Owner: estate_owner
--

COMMENT ON TABLE app.legal_entity_roles IS 'The personas who control an entity: a trust''s grantors and trustees, a company''s managers.';

--
-- Name: mfa_settings; Type: TABLE; Schema: app; Owner: estate_owner
--

CREATE TABLE app.mfa_settings (
    tenant_id uuid NOT NULL,
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    user_id uuid NOT NULL,
    factors text[] DEFAULT '{}'::text[] NOT NULL,
    preferred_factor text,
    reported_at timestamp with time zone DEFAULT now() NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT mfa_settings_check CHECK (((preferred_factor IS NULL) OR (preferred_factor = ANY (factors)))),
    CONSTRAINT mfa_settings_factors_check CHECK (((cardinality(factors) <= 4) AND (factors <@ ARRAY['totp'::text, 'sms'::text, 'email'::text, 'webauthn'::text])))
);

ALTER TABLE ONLY app.mfa_settings FORCE ROW LEVEL SECURITY;

ALTER TABLE app.mfa_settings OWNER TO estate_owner;

--
-- Name: TABLE mfa_settings; Type: COMMENT; Schema: app; Owner: estate_owner
--

COMMENT ON TABLE app.mfa_settings IS 'Each user''s MFA factors enrolled in Cognito, as the app reported them after enrolling (Cognito stays the authority).';

--
-- Name: password_history; Type: TABLE; Schema: app; Owner: estate_owner
--

CREATE TABLE app.password_history (
    tenant_id uuid NOT NULL,
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    user_id uuid NOT NULL,
    changed_at timestamp with time zone DEFAULT now() NOT NULL,
    session_ref text,
    request_id text,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT password_history_request_id_check CHECK ((length(request_id) <= 200)),
    CONSTRAINT password_history_session_ref_check CHECK ((length(session_ref) <= 200))
);

ALTER TABLE ONLY app.password_history FORCE ROW LEVEL SECURITY;

ALTER TABLE app.password_history OWNER TO estate_owner;

--
-- Name: TABLE password_history; Type: COMMENT; Schema: app; Owner: estate_owner
--

COMMENT ON TABLE app.password_history IS 'Password rotation events as the app reported them after a Cognito password change; never a password or a hash of one.';

--
-- Name: payment_methods; Type: TABLE; Schema: app; Owner: estate_owner
--

CREATE TABLE app.payment_methods (
    tenant_id uuid NOT NULL,
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    user_id uuid NOT NULL,
    stripe_payment_method_id text NOT NULL,
    kind text NOT NULL,
    brand text NOT NULL,
    last4 text NOT NULL,
    exp_month smallint,
    exp_year smallint,
    is_default boolean DEFAULT false NOT NULL,
    status text DEFAULT 'active'::text NOT NULL,
    removed_at timestamp with time zone,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT payment_methods_brand_check CHECK ((brand ~ '^[a-z_]{2,30}$'::text)),
    CONSTRAINT payment_methods_check CHECK (((status = 'removed'::text) = (removed_at IS NOT NULL))),
    CONSTRAINT payment_methods_check1 CHECK ((NOT (is_default AND (status = 'removed'::text)))),
    CONSTRAINT payment_methods_check2 CHECK (((kind = 'card'::text) = ((exp_month IS NOT NULL) AND (exp_year IS NOT NULL)))),
    CONSTRAINT payment_methods_exp_month_check CHECK (((exp_month >= 1) AND (exp_month <= 12))),
    CONSTRAINT payment_methods_exp_year_check CHECK (((exp_year >= 2000) AND (exp_year <= 2100))),
    CONSTRAINT payment_methods_kind_check CHECK ((kind = ANY (ARRAY['card'::text, 'us_bank_account'::text, 'sepa_debit'::text]))),
    CONSTRAINT payment_methods_last4_check CHECK ((last4 ~ '^[0-9]{4}$'::text)),
    CONSTRAINT payment_methods_status_check CHECK ((status = ANY (ARRAY['active'::text, 'removed'::text]))),
    CONSTRAINT payment_methods_stripe_payment_method_id_check CHECK (((stripe_payment_method_id ~ '^pm_[A-Za-z0-9]{6,}$'::text) AND (stripe_payment_method_id !~ '[0-9]{12}'::text)))
);

ALTER TABLE ONLY app.payment_methods FORCE ROW LEVEL SECURITY;

ALTER TABLE app.payment_methods OWNER TO estate_owner;

--
-- Name: TABLE payment_methods; Type: COMMENT; Schema: app; Owner: estate_owner
--

COMMENT ON TABLE app.payment_methods IS 'Payment methods as the processor''s tokens with brand and last four: never a card or account number.';

--
-- Name: persona_addresses; Type: TABLE; Schema: app; Owner: estate_owner
--

CREATE TABLE app.persona_addresses (
    tenant_id uuid NOT NULL,
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    persona_id uuid NOT NULL,
    label text DEFAULT 'home'::text NOT NULL,
    line1 text NOT NULL,
    line2 text,
    city text NOT NULL,
    region text,
    postal_code text,
    country_code text NOT NULL,
    is_primary boolean DEFAULT false NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT persona_addresses_city_check CHECK (((length(btrim(city)) >= 1) AND (length(btrim(city)) <= 100))),
    CONSTRAINT persona_addresses_country_code_check CHECK ((country_code ~ '^[A-Z]{2}$'::text)),
    CONSTRAINT persona_addresses_label_check CHECK ((label = ANY (ARRAY['home'::text, 'mailing'::text, 'work'::text, 'other'::text]))),
    CONSTRAINT persona_addresses_line1_check CHECK (((length(btrim(line1)) >= 1) AND (length(btrim(line1)) <= 200))),
    CONSTRAINT persona_addresses_line2_check CHECK ((length(line2) <= 200)),
    CONSTRAINT persona_addresses_postal_code_check CHECK ((length(postal_code) <= 20)),
    CONSTRAINT persona_addresses_region_check CHECK ((length(region) <= 100))
);

ALTER TABLE ONLY app.persona_addresses FORCE ROW LEVEL SECURITY;

ALTER TABLE app.persona_addresses OWNER TO estate_owner;

--
-- Name: TABLE persona_addresses; Type: COMMENT; Schema: app; Owner: estate_owner
--

COMMENT ON TABLE app.persona_addresses IS 'Postal addresses of a persona (PII: masked for support staff).';

--
-- Name: persona_emails; Type: TABLE; Schema: app; Owner: estate_owner
--

CREATE TABLE app.persona_emails (
    tenant_id uuid NOT NULL,
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    persona_id uuid NOT NULL,
    email text NOT NULL,
    label text DEFAULT 'personal'::text NOT NULL,
    is_primary boolean DEFAULT false NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT persona_emails_email_check CHECK (((email ~ '^[^@\s]+@[^@\s]+\.[^@\s]+$'::text) AND (length(email) <= 320))),
    CONSTRAINT persona_emails_label_check CHECK ((label = ANY (ARRAY['personal'::text, 'work'::text, 'other'::text])))
);

ALTER TABLE ONLY app.persona_emails FORCE ROW LEVEL SECURITY;

ALTER TABLE app.persona_emails OWNER TO estate_owner;

--
-- Name: TABLE persona_emails; Type: COMMENT; Schema: app; Owner: estate_owner
--

COMMENT ON TABLE app.persona_emails IS 'E-mail addresses of a persona (PII: masked for support staff).';

--
-- Name: persona_phones; Type: TABLE; Schema: app; Owner: estate_owner
--

CREATE TABLE app.persona_phones (
    tenant_id uuid NOT NULL,
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    persona_id uuid NOT NULL,
    phone_number text NOT NULL,
    label text DEFAULT 'mobile'::text NOT NULL,
    is_primary boolean DEFAULT false NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT persona_phones_label_check CHECK ((label = ANY (ARRAY['mobile'::text, 'home'::text, 'work'::text, 'other'::text]))),
    CONSTRAINT persona_phones_phone_number_check CHECK ((phone_number ~ '^\+[1-9][0-9]{6,14}$'::text))
);

ALTER TABLE ONLY app.persona_phones FORCE ROW LEVEL SECURITY;

ALTER TABLE app.persona_phones OWNER TO estate_owner;

--
-- Name: TABLE persona_phones; Type: COMMENT; Schema: app; Owner: estate_owner
--

COMMENT ON TABLE app.persona_phones IS 'Phone numbers of a persona in E.164 (PII: masked for support staff).';

--
-- Name: persona_relationships; Type: TABLE; Schema: app; Owner: estate_owner
--

CREATE TABLE app.persona_relationships (
    tenant_id uuid NOT NULL,
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    persona_id uuid NOT NULL,
    related_persona_id uuid NOT NULL,
    relationship_type text NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT persona_relationships_check CHECK ((persona_id <> related_persona_id)),
    CONSTRAINT persona_relationships_relationship_type_check CHECK ((relationship_type = ANY (ARRAY['spouse'::text, 'partner'::text, 'former_spouse'::text, 'child'::text, 'parent'::text, 'sibling'::text, 'grandchild'::text, 'grandparent'::text, 'guardian'::text, 'ward'::text, 'other'::text])))
);

ALTER TABLE ONLY app.persona_relationships FORCE ROW LEVEL SECURITY;

ALTER TABLE app.persona_relationships OWNER TO estate_owner;

--
-- Name: TABLE persona_relationships; Type: COMMENT; Schema: app; Owner: estate_owner
--

COMMENT ON TABLE app.persona_relationships IS 'How two personas are related: "related_persona is the <type> of persona".';

--
-- Name: personas; Type: TABLE; Schema: app; Owner: estate_owner
--

CREATE TABLE app.personas (
    tenant_id uuid NOT NULL,
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    first_name text NOT NULL,
    middle_name text,
    last_name text NOT NULL,
    preferred_name text,
    date_of_birth date,
    living_status text DEFAULT 'living'::text NOT NULL,
    date_of_death date,
    created_by_user_id uuid,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT personas_check CHECK (((date_of_death IS NULL) OR (living_status = 'deceased'::text))),
    CONSTRAINT personas_check1 CHECK (((date_of_death IS NULL) OR (date_of_birth IS NULL) OR (date_of_death >= date_of_birth))),
    CONSTRAINT personas_date_of_birth_check CHECK ((date_of_birth >= '1850-01-01'::date)),
    CONSTRAINT personas_first_name_check CHECK (((length(btrim(first_name)) >= 1) AND (length(btrim(first_name)) <= 100))),
    CONSTRAINT personas_last_name_check CHECK (((length(btrim(last_name)) >= 1) AND (length(btrim(last_name)) <= 100))),
    CONSTRAINT personas_living_status_check CHECK ((living_status = ANY (ARRAY['living'::text, 'incapacitated'::text, 'deceased'::text]))),
    CONSTRAINT personas_middle_name_check CHECK ((length(middle_name) <= 100)),
    CONSTRAINT personas_preferred_name_check CHECK ((length(preferred_name) <= 100))
);

ALTER TABLE ONLY app.personas FORCE ROW LEVEL SECURITY;

ALTER TABLE app.personas OWNER TO estate_owner;

--
-- Name: TABLE personas; Type: COMMENT; Schema: app; Owner: estate_owner
--

COMMENT ON TABLE app.personas IS 'The people estate plans are about; a persona need not be a user.';

--
-- Name: plan_features; Type: TABLE; Schema: app; Owner: estate_owner
--

CREATE TABLE app.plan_features (
    plan_id uuid NOT NULL,
    feature_key text NOT NULL,
    limit_value bigint,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT plan_features_feature_key_check CHECK ((feature_key = ANY (ARRAY['max_ffcs'::text, 'max_seats'::text, 'max_assets'::text, 'max_storage_mb'::text]))),
    CONSTRAINT plan_features_limit_value_check CHECK ((limit_value >= 0))
);

ALTER TABLE ONLY app.plan_features FORCE ROW LEVEL SECURITY;

ALTER TABLE app.plan_features OWNER TO estate_owner;

--
-- Name: TABLE plan_features; Type: COMMENT; Schema: app; Owner: estate_owner
--

COMMENT ON TABLE app.plan_features IS 'Global reference table: each plan''s limits (NULL = unlimited).';

--
-- Name: refunds; Type: TABLE; Schema: app; Owner: estate_owner
--

CREATE TABLE app.refunds (
    tenant_id uuid NOT NULL,
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    payment_transaction_id uuid NOT NULL,
    amount numeric NOT NULL,
    currency text NOT NULL,
    refunded_total numeric NOT NULL,
    stripe_event_id text NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT refunds_amount_check CHECK (((scale(amount) <= 3) AND (amount > (0)::numeric))),
    CONSTRAINT refunds_check CHECK (((scale(refunded_total) <= 3) AND (refunded_total >= amount))),
    CONSTRAINT refunds_currency_check CHECK ((currency ~ '^[A-Z]{3}$'::text))
);

ALTER TABLE ONLY app.refunds FORCE ROW LEVEL SECURITY;

ALTER TABLE app.refunds OWNER TO estate_owner;

--
-- Name: TABLE refunds; Type: COMMENT; Schema: app; Owner: estate_owner
--

COMMENT ON TABLE app.refunds IS 'Refunds of a payment, one row per increase of its refunded total.';

--
-- Name: security_question_attempts; Type: TABLE; Schema: app; Owner: estate_owner
--

CREATE TABLE app.security_question_attempts (
    tenant_id uuid NOT NULL,
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    user_id uuid NOT NULL,
    outcome text DEFAULT 'pending'::text NOT NULL,
    attempted_at timestamp with time zone DEFAULT now() NOT NULL,
    finished_at timestamp with time zone,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT security_question_attempts_check CHECK (((outcome = 'pending'::text) = (finished_at IS NULL))),
    CONSTRAINT security_question_attempts_outcome_check CHECK ((outcome = ANY (ARRAY['pending'::text, 'failed'::text, 'succeeded'::text])))
);

ALTER TABLE ONLY app.security_question_attempts FORCE ROW LEVEL SECURITY;

ALTER TABLE app.security_question_attempts OWNER TO estate_owner;

--
-- Name: TABLE security_question_attempts; Type: COMMENT; Schema: app; Owner: estate_owner
--

COMMENT ON TABLE app.security_question_attempts IS 'Security-question verifications: 5 not succeeded within 15 minutes (since the last success) lock the user''s questions.';

--
-- Name: security_questions; Type: TABLE; Schema: app; Owner: estate_owner
--

CREATE TABLE app.security_questions (
    tenant_id uuid NOT NULL,
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    user_id uuid NOT NULL,
    "position" smallint NOT NULL,
    question text NOT NULL,
    answer_hash text NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT security_questions_answer_hash_check CHECK ((answer_hash ~ '^scrypt\$[0-9]{1,2}\$[0-9]{1,2}\$[0-9]{1,2}\$[A-Za-z0-9_-]{16,64}\$[A-Za-z0-9_-]{32,128}$'::text)),
    CONSTRAINT security_questions_position_check CHECK ((("position" >= 1) AND ("position" <= 5))),
    CONSTRAINT security_questions_question_check CHECK (((length(btrim(question)) >= 1) AND (length(btrim(question)) <= 200)))
);

ALTER TABLE ONLY app.security_questions FORCE ROW LEVEL SECURITY;

ALTER TABLE app.security_questions OWNER TO estate_owner;

--
-- Name: TABLE security_questions; Type: COMMENT; Schema: app; Owner: estate_owner
--

COMMENT ON TABLE app.security_questions IS 'A user''s 2 to 5 security questions; each answer only as a salted scrypt hash of its normalised form, never returned.';

--
-- Name: stripe_routes; Type: TABLE; Schema: app; Owner: estate_owner
--

CREATE TABLE app.stripe_routes (
    tenant_id uuid NOT NULL,
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    routing_key text NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL
);

ALTER TABLE ONLY app.stripe_routes FORCE ROW LEVEL SECURITY;

ALTER TABLE app.stripe_routes OWNER TO estate_owner;

--
-- Name: TABLE stripe_routes; Type: COMMENT; Schema: app; Owner: estate_owner
--

COMMENT ON TABLE app.stripe_routes IS 'Which tenant a Stripe object belongs to, so a webhook event (which names no tenant) reaches only that tenant.';

--
-- Name: stripe_webhook_events; Type: TABLE; Schema: app; Owner: estate_owner
--

CREATE TABLE app.stripe_webhook_events (
    tenant_id uuid NOT NULL,
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    stripe_event_id text NOT NULL,
    event_type text NOT NULL,
    object_id text,
    event_created_at timestamp with time zone NOT NULL,
    livemode boolean NOT NULL,
    payload jsonb NOT NULL,
    outcome text NOT NULL,
    received_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT stripe_webhook_events_outcome_check CHECK ((outcome = ANY (ARRAY['applied'::text, 'stale'::text, 'ignored'::text]))),
    CONSTRAINT stripe_webhook_events_stripe_event_id_check CHECK ((stripe_event_id ~ '^evt_[A-Za-z0-9]+$'::text))
);

ALTER TABLE ONLY app.stripe_webhook_events FORCE ROW LEVEL SECURITY;

ALTER TABLE app.stripe_webhook_events OWNER TO estate_owner;

--
-- Name: TABLE stripe_webhook_events; Type: COMMENT; Schema: app; Owner: estate_owner
--

COMMENT ON TABLE app.stripe_webhook_events IS 'Every verified Stripe event received, once (unique event id), with what applying it did.';

--
-- Name: subscription_plan_changes; Type: TABLE; Schema: app; Owner: estate_owner
--

CREATE TABLE app.subscription_plan_changes (
    tenant_id uuid NOT NULL,
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    subscription_id uuid NOT NULL,
    from_plan_id uuid,
    to_plan_id uuid NOT NULL,
    change_kind text NOT NULL,
    source text NOT NULL,
    changed_by_user_id uuid,
    stripe_event_id text,
    created_at timestamp with time zone DEFAULT clock_timestamp() NOT NULL,
    CONSTRAINT subscription_plan_changes_change_kind_check CHECK ((change_kind = ANY (ARRAY['assigned'::text, 'upgrade'::text, 'downgrade'::text, 'canceled'::text, 'reverted_to_free'::text]))),
    CONSTRAINT subscription_plan_changes_source_check CHECK ((source = ANY (ARRAY['user'::text, 'stripe'::text, 'support'::text, 'system'::text])))
);

ALTER TABLE ONLY app.subscription_plan_changes FORCE ROW LEVEL SECURITY;

ALTER TABLE app.subscription_plan_changes OWNER TO estate_owner;

--
-- Name: TABLE subscription_plan_changes; Type: COMMENT; Schema: app; Owner: estate_owner
--

COMMENT ON TABLE app.subscription_plan_changes IS 'History of plan changes: who or what (user, Stripe event, support) moved which subscription from which plan to which.';

--
-- Name: subscription_plans; Type: TABLE; Schema: app; Owner: estate_owner
--

CREATE TABLE app.subscription_plans (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    code text NOT NULL,
    name text NOT NULL,
    description text NOT NULL,
    price_amount numeric(12,2) NOT NULL,
    currency text NOT NULL,
    billing_interval text,
    stripe_price_id text,
    sort_order integer DEFAULT 0 NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT subscription_plans_billing_interval_check CHECK ((billing_interval = ANY (ARRAY['month'::text, 'year'::text]))),
    CONSTRAINT subscription_plans_check CHECK (((price_amount = (0)::numeric) = (billing_interval IS NULL))),
    CONSTRAINT subscription_plans_code_check CHECK ((code ~ '^[a-z][a-z0-9_]{1,39}$'::text)),
    CONSTRAINT subscription_plans_currency_check CHECK ((currency ~ '^[A-Z]{3}$'::text)),
    CONSTRAINT subscription_plans_price_amount_check CHECK ((price_amount >= (0)::numeric)),
    CONSTRAINT subscription_plans_stripe_price_id_check CHECK ((stripe_price_id ~ '^price_[A-Za-z0-9_]+$'::text))
);

ALTER TABLE ONLY app.subscription_plans FORCE ROW LEVEL SECURITY;

ALTER TABLE app.subscription_plans OWNER TO estate_owner;

--
-- Name: TABLE subscription_plans; Type: COMMENT; Schema: app; Owner: estate_owner
--

COMMENT ON TABLE app.subscription_plans IS 'Global reference table: the platform''s plans and default prices (the free plan has no interval).';

--
-- Name: subscription_seats; Type: TABLE; Schema: app; Owner: estate_owner
--

CREATE TABLE app.subscription_seats (
    tenant_id uuid NOT NULL,
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    subscriber_user_id uuid NOT NULL,
    persona_id uuid NOT NULL,
    first_ffc_id uuid NOT NULL,
    status text DEFAULT 'active'::text NOT NULL,
    assigned_at timestamp with time zone DEFAULT now() NOT NULL,
    released_at timestamp with time zone,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT subscription_seats_check CHECK (((status = 'released'::text) = (released_at IS NOT NULL))),
    CONSTRAINT subscription_seats_status_check CHECK ((status = ANY (ARRAY['active'::text, 'released'::text])))
);

ALTER TABLE ONLY app.subscription_seats FORCE ROW LEVEL SECURITY;

ALTER TABLE app.subscription_seats OWNER TO estate_owner;

--
-- Name: TABLE subscription_seats; Type: COMMENT; Schema: app; Owner: estate_owner
--

COMMENT ON TABLE app.subscription_seats IS 'Seats: each person in a subscriber''s circles holds one (once, however many of those circles they are in).';

--
-- Name: support_access_events; Type: TABLE; Schema: app; Owner: estate_owner
--

CREATE TABLE app.support_access_events (
    tenant_id uuid NOT NULL,
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    access_request_id uuid NOT NULL,
    user_id uuid NOT NULL,
    what text NOT NULL,
    asset_id uuid,
    staff_actor text NOT NULL,
    occurred_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT support_access_events_check CHECK (((what = 'account_number'::text) = (asset_id IS NOT NULL))),
    CONSTRAINT support_access_events_staff_actor_check CHECK ((staff_actor ~ '^cognito:[\w-]{1,128}$'::text)),
    CONSTRAINT support_access_events_what_check CHECK ((what = ANY (ARRAY['assets'::text, 'account_number'::text])))
);

ALTER TABLE ONLY app.support_access_events FORCE ROW LEVEL SECURITY;

ALTER TABLE app.support_access_events OWNER TO estate_owner;

--
-- Name: TABLE support_access_events; Type: COMMENT; Schema: app; Owner: estate_owner
--

COMMENT ON TABLE app.support_access_events IS 'Each look support took under an access grant (the user''s assets in clear, an account number decrypted): the user''s access records.';

--
-- Name: support_app_clients; Type: TABLE; Schema: app; Owner: estate_owner
--

CREATE TABLE app.support_app_clients (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    provider_id uuid NOT NULL,
    client_id text NOT NULL,
    name text NOT NULL,
    status text DEFAULT 'active'::text NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT support_app_clients_client_id_check CHECK ((client_id ~ '^[\w+]{1,128}$'::text)),
    CONSTRAINT support_app_clients_name_check CHECK (((length(btrim(name)) >= 1) AND (length(btrim(name)) <= 200))),
    CONSTRAINT support_app_clients_status_check CHECK ((status = ANY (ARRAY['active'::text, 'disabled'::text])))
);

ALTER TABLE ONLY app.support_app_clients FORCE ROW LEVEL SECURITY;

ALTER TABLE app.support_app_clients OWNER TO estate_owner;

--
-- Name: TABLE support_app_clients; Type: COMMENT; Schema: app; Owner: estate_owner
--

COMMENT ON TABLE app.support_app_clients IS 'Global: app clients of the staff pools; a staff access token''s (issuer, client_id) pair opens the support door.';

--
-- Name: support_identity_providers; Type: TABLE; Schema: app; Owner: estate_owner
--

CREATE TABLE app.support_identity_providers (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    kind text NOT NULL,
    issuer text NOT NULL,
    user_pool_id text NOT NULL,
    region text,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT support_identity_providers_check CHECK (((kind <> 'cognito'::text) OR ((region IS NOT NULL) AND (issuer = ((('https://cognito-idp.'::text || region) || '.amazonaws.com/'::text) || user_pool_id))))),
    CONSTRAINT support_identity_providers_issuer_check CHECK ((issuer ~ '^https?://[^\s]+$'::text)),
    CONSTRAINT support_identity_providers_kind_check CHECK ((kind = ANY (ARRAY['cognito'::text, 'development'::text]))),
    CONSTRAINT support_identity_providers_region_check CHECK ((region ~ '^[a-z]{2}(-[a-z]+)+-[0-9]+$'::text)),
    CONSTRAINT support_identity_providers_user_pool_id_check CHECK ((user_pool_id ~ '^[\w-]+_[0-9A-Za-z]+$'::text))
);

ALTER TABLE ONLY app.support_identity_providers FORCE ROW LEVEL SECURITY;

ALTER TABLE app.support_identity_providers OWNER TO estate_owner;

--
-- Name: TABLE support_identity_providers; Type: COMMENT; Schema: app; Owner: estate_owner
--

COMMENT ON TABLE app.support_identity_providers IS 'Global: the Cognito user pools (or the development provider) support staff sign in with; never a tenant''s pool.';

--
-- Name: support_staff; Type: TABLE; Schema: app; Owner: estate_owner
--

CREATE TABLE app.support_staff (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    provider_id uuid NOT NULL,
    cognito_sub text NOT NULL,
    email text NOT NULL,
    display_name text NOT NULL,
    status text DEFAULT 'active'::text NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT support_staff_cognito_sub_check CHECK ((cognito_sub ~ '^[\w-]{1,128}$'::text)),
    CONSTRAINT support_staff_display_name_check CHECK (((length(btrim(display_name)) >= 1) AND (length(btrim(display_name)) <= 200))),
    CONSTRAINT support_staff_email_check CHECK (((email ~ '^[^@\s]+@[^@\s]+\.[^@\s]+$'::text) AND (length(email) <= 320))),
    CONSTRAINT support_staff_status_check CHECK ((status = ANY (ARRAY['active'::text, 'suspended'::text])))
);

ALTER TABLE ONLY app.support_staff FORCE ROW LEVEL SECURITY;

ALTER TABLE app.support_staff OWNER TO estate_owner;

--
-- Name: TABLE support_staff; Type: COMMENT; Schema: app; Owner: estate_owner
--

COMMENT ON TABLE app.support_staff IS 'Global: support staff members, one per staff-pool subject; a suspended member is refused on the next request.';

--
-- Name: support_unmask_grants; Type: TABLE; Schema: app; Owner: estate_owner
--

CREATE TABLE app.support_unmask_grants (
    tenant_id uuid NOT NULL,
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    user_id uuid NOT NULL,
    staff_actor text NOT NULL,
    scope text NOT NULL,
    reason text NOT NULL,
    ticket_ref text NOT NULL,
    granted_at timestamp with time zone DEFAULT now() NOT NULL,
    expires_at timestamp with time zone NOT NULL,
    view_count integer DEFAULT 0 NOT NULL,
    last_viewed_at timestamp with time zone,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT support_unmask_grants_check CHECK (((expires_at > granted_at) AND (expires_at <= (granted_at + '04:00:00'::interval)))),
    CONSTRAINT support_unmask_grants_reason_check CHECK (((length(btrim(reason)) >= 10) AND (length(btrim(reason)) <= 500))),
    CONSTRAINT support_unmask_grants_scope_check CHECK ((scope = 'contact_data'::text)),
    CONSTRAINT support_unmask_grants_staff_actor_check CHECK (((length(staff_actor) >= 1) AND (length(staff_actor) <= 200))),
    CONSTRAINT support_unmask_grants_ticket_ref_check CHECK ((ticket_ref ~ '^[A-Za-z0-9][A-Za-z0-9._#/-]{0,63}$'::text)),
    CONSTRAINT support_unmask_grants_view_count_check CHECK ((view_count >= 0))
);

ALTER TABLE ONLY app.support_unmask_grants FORCE ROW LEVEL SECURITY;

ALTER TABLE app.support_unmask_grants OWNER TO estate_owner;

--
-- Name: TABLE support_unmask_grants; Type: COMMENT; Schema: app; Owner: estate_owner
--

COMMENT ON TABLE app.support_unmask_grants IS 'Time-limited grants letting one staff member see a user''s contact data in clear, with reason and ticket; the user sees them.';

--
-- Name: tenant_allowed_origins; Type: TABLE; Schema: app; Owner: estate_owner
--

CREATE TABLE app.tenant_allowed_origins (
    tenant_id uuid NOT NULL,
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    origin text NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT tenant_allowed_origins_origin_check CHECK (((origin ~ '^https://[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*(:[0-9]{1,5})?$'::text) OR (origin ~ '^http://(localhost|127\.0\.0\.1)(:[0-9]{1,5})?$'::text)))
);

ALTER TABLE ONLY app.tenant_allowed_origins FORCE ROW LEVEL SECURITY;

ALTER TABLE app.tenant_allowed_origins OWNER TO estate_owner;

--
-- Name: TABLE tenant_allowed_origins; Type: COMMENT; Schema: app; Owner: estate_owner
--

COMMENT ON TABLE app.tenant_allowed_origins IS 'Browser origins (scheme, host, port) a tenant''s white-label apps call the API from: CORS allows them for that tenant''s tokens only.';

--
-- Name: tenant_app_clients; Type: TABLE; Schema: app; Owner: estate_owner
--

CREATE TABLE app.tenant_app_clients (
    tenant_id uuid NOT NULL,
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    provider_id uuid NOT NULL,
    client_id text NOT NULL,
    name text NOT NULL,
    status text DEFAULT 'active'::text NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT tenant_app_clients_client_id_check CHECK ((client_id ~ '^[\w+]{1,128}$'::text)),
    CONSTRAINT tenant_app_clients_name_check CHECK (((length(btrim(name)) >= 1) AND (length(btrim(name)) <= 200))),
    CONSTRAINT tenant_app_clients_status_check CHECK ((status = ANY (ARRAY['active'::text, 'disabled'::text])))
);

ALTER TABLE ONLY app.tenant_app_clients FORCE ROW LEVEL SECURITY;

ALTER TABLE app.tenant_app_clients OWNER TO estate_owner;

--
-- Name: TABLE tenant_app_clients; Type: COMMENT; Schema: app; Owner: estate_owner
--

COMMENT ON TABLE app.tenant_app_clients IS 'App clients of a tenant''s user pools: an access token''s (issuer, client_id) pair names its tenant.';

--
-- Name: tenant_identity_providers; Type: TABLE; Schema: app; Owner: estate_owner
--

CREATE TABLE app.tenant_identity_providers (
    tenant_id uuid NOT NULL,
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    kind text NOT NULL,
    issuer text NOT NULL,
    user_pool_id text NOT NULL,
    region text,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT tenant_identity_providers_check CHECK (((kind <> 'cognito'::text) OR ((region IS NOT NULL) AND (issuer = ((('https://cognito-idp.'::text || region) || '.amazonaws.com/'::text) || user_pool_id))))),
    CONSTRAINT tenant_identity_providers_issuer_check CHECK ((issuer ~ '^https?://[^\s]+$'::text)),
    CONSTRAINT tenant_identity_providers_kind_check CHECK ((kind = ANY (ARRAY['cognito'::text, 'development'::text]))),
    CONSTRAINT tenant_identity_providers_region_check CHECK ((region ~ '^[a-z]{2}(-[a-z]+)+-[0-9]+$'::text)),
    CONSTRAINT tenant_identity_providers_user_pool_id_check CHECK ((user_pool_id ~ '^[\w-]+_[0-9A-Za-z]+$'::text))
);

ALTER TABLE ONLY app.tenant_identity_providers FORCE ROW LEVEL SECURITY;

ALTER TABLE app.tenant_identity_providers OWNER TO estate_owner;

--
-- Name: TABLE tenant_identity_providers; Type: COMMENT; Schema: app; Owner: estate_owner
--

COMMENT ON TABLE app.tenant_identity_providers IS 'The Cognito user pools (or the development provider) whose users belong to a tenant; one issuer, one tenant.';

--
-- Name: tenant_plan_settings; Type: TABLE; Schema: app; Owner: estate_owner
--

CREATE TABLE app.tenant_plan_settings (
    tenant_id uuid NOT NULL,
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    plan_id uuid NOT NULL,
    is_available boolean DEFAULT true NOT NULL,
    price_amount numeric,
    currency text,
    stripe_price_id text,
    feature_limits jsonb DEFAULT '{}'::jsonb NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT tenant_plan_settings_check CHECK (((price_amount IS NULL) = (currency IS NULL))),
    CONSTRAINT tenant_plan_settings_currency_check CHECK ((currency ~ '^[A-Z]{3}$'::text)),
    CONSTRAINT tenant_plan_settings_feature_limits_check CHECK ((jsonb_typeof(feature_limits) = 'object'::text)),
    CONSTRAINT tenant_plan_settings_price_amount_check CHECK (((scale(price_amount) <= 3) AND (price_amount >= (0)::numeric))),
    CONSTRAINT tenant_plan_settings_stripe_price_id_check CHECK ((stripe_price_id ~ '^price_[A-Za-z0-9_]+$'::text))
);

ALTER TABLE ONLY app.tenant_plan_settings FORCE ROW LEVEL SECURITY;

ALTER TABLE app.tenant_plan_settings OWNER TO estate_owner;

--
-- Name: TABLE tenant_plan_settings; Type: COMMENT; Schema: app; Owner: estate_owner
--

COMMENT ON TABLE app.tenant_plan_settings IS 'A tenant''s overrides of a plan: availability, price, Stripe price and limits.';

--
-- Name: tenant_security_policies; Type: TABLE; Schema: app; Owner: estate_owner
--

CREATE TABLE app.tenant_security_policies (
    tenant_id uuid NOT NULL,
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    mfa_required boolean DEFAULT false NOT NULL,
    mfa_factors text[] DEFAULT ARRAY['totp'::text, 'sms'::text, 'email'::text, 'webauthn'::text] NOT NULL,
    password_max_age_days integer,
    updated_by text NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT tenant_security_policies_mfa_factors_check CHECK ((((cardinality(mfa_factors) >= 1) AND (cardinality(mfa_factors) <= 4)) AND (mfa_factors <@ ARRAY['totp'::text, 'sms'::text, 'email'::text, 'webauthn'::text]))),
    CONSTRAINT tenant_security_policies_password_max_age_days_check CHECK (((password_max_age_days >= 1) AND (password_max_age_days <= 3650))),
    CONSTRAINT tenant_security_policies_updated_by_check CHECK (((length(updated_by) >= 1) AND (length(updated_by) <= 200)))
);

ALTER TABLE ONLY app.tenant_security_policies FORCE ROW LEVEL SECURITY;

ALTER TABLE app.tenant_security_policies OWNER TO estate_owner;

--
-- Name: TABLE tenant_security_policies; Type: COMMENT; Schema: app; Owner: estate_owner
--

COMMENT ON TABLE app.tenant_security_policies IS 'A tenant''s security policy, set by support: whether tokens must carry MFA (and which factors count), and the password rotation age.';

--
-- Name: COLUMN tenant_security_policies.mfa_factors; Type: COMMENT; Schema: app; Owner: estate_owner
--

COMMENT ON COLUMN app.tenant_security_policies.mfa_factors IS 'The factors whose use counts as MFA: a token''s estate_amr claim must hold "mfa" and one of them.';

--
-- Name: COLUMN tenant_security_policies.password_max_age_days; Type: COMMENT; Schema: app; Owner: estate_owner
--

COMMENT ON COLUMN app.tenant_security_policies.password_max_age_days IS 'Days after the last reported rotation (or registration) a password is due; NULL: no rotation policy.';

--
-- Name: tenants; Type: TABLE; Schema: app; Owner: estate_owner
--

CREATE TABLE app.tenants (
    tenant_id uuid DEFAULT gen_random_uuid() NOT NULL,
    slug text NOT NULL,
    name text NOT NULL,
    status text DEFAULT 'active'::text NOT NULL,
    branding jsonb DEFAULT '{}'::jsonb NOT NULL,
    settings jsonb DEFAULT '{}'::jsonb NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT tenants_branding_check CHECK ((jsonb_typeof(branding) = 'object'::text)),
    CONSTRAINT tenants_name_check CHECK (((length(btrim(name)) >= 1) AND (length(btrim(name)) <= 200))),
    CONSTRAINT tenants_settings_check CHECK ((jsonb_typeof(settings) = 'object'::text)),
    CONSTRAINT tenants_slug_check CHECK ((slug ~ '^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$'::text)),
    CONSTRAINT tenants_status_check CHECK ((status = ANY (ARRAY['active'::text, 'suspended'::text, 'closed'::text])))
);

ALTER TABLE ONLY app.tenants FORCE ROW LEVEL SECURITY;

ALTER TABLE app.tenants OWNER TO estate_owner;

--
-- Name: TABLE tenants; Type: COMMENT; Schema: app; Owner: estate_owner
--

COMMENT ON TABLE app.tenants IS 'White-label partner firms; the root of every tenant''s data (its key is the tenant_id).';

--
-- Name: usage_records; Type: TABLE; Schema: app; Owner: estate_owner
--

CREATE TABLE app.usage_records (
    tenant_id uuid NOT NULL,
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    user_id uuid NOT NULL,
    metric text NOT NULL,
    quantity bigint DEFAULT 0 NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT usage_records_metric_check CHECK ((metric = ANY (ARRAY['ffcs'::text, 'seats'::text, 'assets'::text, 'storage_bytes'::text]))),
    CONSTRAINT usage_records_quantity_check CHECK ((quantity >= 0))
);

ALTER TABLE ONLY app.usage_records FORCE ROW LEVEL SECURITY;

ALTER TABLE app.usage_records OWNER TO estate_owner;

--
-- Name: TABLE usage_records; Type: COMMENT; Schema: app; Owner: estate_owner
--

COMMENT ON TABLE app.usage_records IS 'What each subscriber uses now (circles, seats, assets, bytes of asset records), kept by triggers.';

--
-- Name: user_personas; Type: TABLE; Schema: app; Owner: estate_owner
--

CREATE TABLE app.user_personas (
    tenant_id uuid NOT NULL,
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    user_id uuid NOT NULL,
    persona_id uuid NOT NULL,
    link_kind text NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT user_personas_link_kind_check CHECK ((link_kind = ANY (ARRAY['self'::text, 'delegate'::text])))
);

ALTER TABLE ONLY app.user_personas FORCE ROW LEVEL SECURITY;

ALTER TABLE app.user_personas OWNER TO estate_owner;

--
-- Name: TABLE user_personas; Type: COMMENT; Schema: app; Owner: estate_owner
--

COMMENT ON TABLE app.user_personas IS 'Which personas a user may act for: their own (self) or as a delegate (parent, agent...).';

--
-- Name: user_sessions; Type: TABLE; Schema: app; Owner: estate_owner
--

CREATE TABLE app.user_sessions (
    tenant_id uuid NOT NULL,
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    user_id uuid NOT NULL,
    session_ref text NOT NULL,
    user_agent text,
    ip_address inet,
    started_at timestamp with time zone DEFAULT now() NOT NULL,
    last_seen_at timestamp with time zone DEFAULT now() NOT NULL,
    revoked_at timestamp with time zone,
    revoked_by text,
    CONSTRAINT user_sessions_revoked_by_check CHECK ((length(revoked_by) <= 200)),
    CONSTRAINT user_sessions_revoked_check CHECK (((revoked_at IS NULL) = (revoked_by IS NULL))),
    CONSTRAINT user_sessions_session_ref_check CHECK (((length(session_ref) >= 1) AND (length(session_ref) <= 200))),
    CONSTRAINT user_sessions_user_agent_check CHECK ((length(user_agent) <= 500))
);

ALTER TABLE ONLY app.user_sessions FORCE ROW LEVEL SECURITY;

ALTER TABLE app.user_sessions OWNER TO estate_owner;

--
-- Name: TABLE user_sessions; Type: COMMENT; Schema: app; Owner: estate_owner
--

COMMENT ON TABLE app.user_sessions IS 'Sign-ins recorded by sp_authenticate_user, one per Cognito session (origin_jti).';

--
-- Name: users; Type: TABLE; Schema: app; Owner: estate_owner
--

CREATE TABLE app.users (
    tenant_id uuid NOT NULL,
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    cognito_sub text NOT NULL,
    email text NOT NULL,
    status text DEFAULT 'active'::text NOT NULL,
    last_login_at timestamp with time zone,
    deactivated_at timestamp with time zone,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    email_verified_at timestamp with time zone,
    suspended_at timestamp with time zone,
    CONSTRAINT users_check CHECK (((status = 'deactivated'::text) = (deactivated_at IS NOT NULL))),
    CONSTRAINT users_cognito_sub_check CHECK ((cognito_sub ~ '^[\w-]{1,128}$'::text)),
    CONSTRAINT users_email_check CHECK (((email ~ '^[^@\s]+@[^@\s]+\.[^@\s]+$'::text) AND (length(email) <= 320))),
    CONSTRAINT users_status_check CHECK ((status = ANY (ARRAY['active'::text, 'deactivated'::text, 'suspended'::text]))),
    CONSTRAINT users_suspended_at_check CHECK (((status = 'suspended'::text) = (suspended_at IS NOT NULL)))
);

ALTER TABLE ONLY app.users FORCE ROW LEVEL SECURITY;

ALTER TABLE app.users OWNER TO estate_owner;

--
-- Name: TABLE users; Type: COMMENT; Schema: app; Owner: estate_owner
--

COMMENT ON TABLE app.users IS 'Who signs in: one row per Cognito subject per tenant.';

--
-- Name: COLUMN users.email_verified_at; Type: COMMENT; Schema: app; Owner: estate_owner
--

COMMENT ON COLUMN app.users.email_verified_at IS 'When the identity provider last vouched for email (an id token with email_verified); NULL: typed by hand before 0011, not trusted.';

--
-- Name: v_active_subscriptions; Type: VIEW; Schema: app; Owner: estate_owner
--

CREATE VIEW app.v_active_subscriptions WITH (security_invoker='true') AS
 SELECT s.tenant_id,
    s.id AS subscription_id,
    s.user_id,
    u.email,
    p.code AS plan_code,
    p.name AS plan_name,
    s.status,
    s.stripe_subscription_id,
    s.current_period_end,
    s.cancel_at_period_end,
    ( SELECT r.quantity
           FROM app.usage_records r
          WHERE ((r.tenant_id = s.tenant_id) AND (r.user_id = s.user_id) AND (r.metric = 'seats'::text))) AS seats_used,
    s.created_at
   FROM ((app.subscriptions s
     JOIN app.users u ON (((u.tenant_id = s.tenant_id) AND (u.id = s.user_id))))
     JOIN app.subscription_plans p ON ((p.id = s.plan_id)))
  WHERE ((s.ended_at IS NULL) AND (s.status = ANY (ARRAY['trialing'::text, 'active'::text, 'past_due'::text])));

ALTER TABLE app.v_active_subscriptions OWNER TO estate_owner;

--
-- Name: VIEW v_active_subscriptions; Type: COMMENT; Schema: app; Owner: estate_owner
--

COMMENT ON VIEW app.v_active_subscriptions IS 'Live subscriptions whose plan is in force (trialing, active, past due), with seats in use.';

--
-- Name: v_asset_summary; Type: VIEW; Schema: app; Owner: estate_owner
--

CREATE VIEW app.v_asset_summary WITH (security_invoker='true') AS
 SELECT a.tenant_id,
    a.id AS asset_id,
    a.asset_type,
    a.category_code,
    a.name,
    a.currency,
    a.is_liability,
    a.status,
        CASE
            WHEN (a.identifier_last4 IS NOT NULL) THEN ('****'::text || a.identifier_last4)
            ELSE NULL::text
        END AS identifier_masked,
    v.amount AS current_value,
    v.valued_on,
    ( SELECT count(*) AS count
           FROM app.asset_ownerships o
          WHERE ((o.tenant_id = a.tenant_id) AND (o.asset_id = a.id))) AS owner_count,
    ( SELECT COALESCE(sum(o.ownership_percentage), (0)::numeric) AS "coalesce"
           FROM app.asset_ownerships o
          WHERE ((o.tenant_id = a.tenant_id) AND (o.asset_id = a.id))) AS owned_percentage
   FROM (app.assets a
     LEFT JOIN LATERAL ( SELECT x.amount,
            x.valued_on
           FROM app.asset_valuations x
          WHERE ((x.tenant_id = a.tenant_id) AND (x.asset_id = a.id))
          ORDER BY x.valued_on DESC, x.created_at DESC
         LIMIT 1) v ON (true));

ALTER TABLE app.v_asset_summary OWNER TO estate_owner;

--
-- Name: VIEW v_asset_summary; Type: COMMENT; Schema: app; Owner: estate_owner
--

COMMENT ON VIEW app.v_asset_summary IS 'Each asset with its masked identifier, latest value and how much of it is owned.';

--
-- Name: v_family_hierarchy; Type: VIEW; Schema: app; Owner: estate_owner
--

CREATE VIEW app.v_family_hierarchy WITH (security_invoker='true') AS
 SELECT m.tenant_id,
    m.ffc_id,
    c.name AS ffc_name,
    m.persona_id,
    m.role,
    p.first_name,
    p.last_name,
    p.living_status,
    r.related_persona_id,
    r.relationship_type
   FROM (((app.ffc_memberships m
     JOIN app.fwd_family_circles c ON (((c.tenant_id = m.tenant_id) AND (c.id = m.ffc_id))))
     JOIN app.personas p ON (((p.tenant_id = m.tenant_id) AND (p.id = m.persona_id))))
     LEFT JOIN app.persona_relationships r ON (((r.tenant_id = m.tenant_id) AND (r.persona_id = m.persona_id) AND (EXISTS ( SELECT 1
           FROM app.ffc_memberships m2
          WHERE ((m2.tenant_id = m.tenant_id) AND (m2.ffc_id = m.ffc_id) AND (m2.persona_id = r.related_persona_id) AND (m2.status = 'active'::text)))))))
  WHERE (m.status = 'active'::text);

ALTER TABLE app.v_family_hierarchy OWNER TO estate_owner;

--
-- Name: VIEW v_family_hierarchy; Type: COMMENT; Schema: app; Owner: estate_owner
--

COMMENT ON VIEW app.v_family_hierarchy IS 'Active circle members with their personas and the relationships between members.';

--
-- Name: v_payment_summary; Type: VIEW; Schema: app; Owner: estate_owner
--

CREATE VIEW app.v_payment_summary WITH (security_invoker='true') AS
 SELECT l.tenant_id,
    l.currency,
    COALESCE(sum(l.amount) FILTER (WHERE (l.entry_type = 'payment'::text)), (0)::numeric) AS payments_total,
    COALESCE((- sum(l.amount) FILTER (WHERE (l.entry_type = 'refund'::text))), (0)::numeric) AS refunds_total,
    sum(l.amount) AS balance,
    count(*) FILTER (WHERE (l.entry_type = 'payment'::text)) AS payment_count,
    count(*) FILTER (WHERE (l.entry_type = 'refund'::text)) AS refund_count,
    ( SELECT count(*) AS count
           FROM app.payment_transactions t
          WHERE ((t.tenant_id = l.tenant_id) AND (t.currency = l.currency) AND (t.status = 'failed'::text))) AS failed_payment_count,
    max(l.posted_at) AS last_posted_at
   FROM app.general_ledger l
  GROUP BY l.tenant_id, l.currency;

ALTER TABLE app.v_payment_summary OWNER TO estate_owner;

--
-- Name: VIEW v_payment_summary; Type: COMMENT; Schema: app; Owner: estate_owner
--

COMMENT ON VIEW app.v_payment_summary IS 'Per tenant and currency: payments, refunds and the ledger balance (payments minus refunds).';

--
-- Name: audit_chain_links; Type: TABLE; Schema: audit; Owner: estate_owner
--

CREATE TABLE audit.audit_chain_links (
    partition_name text NOT NULL,
    seq bigint NOT NULL,
    audit_id bigint NOT NULL,
    txid bigint NOT NULL,
    row_hash bytea NOT NULL,
    chain_hash bytea NOT NULL,
    CONSTRAINT audit_chain_links_chain_hash_check CHECK ((length(chain_hash) = 32)),
    CONSTRAINT audit_chain_links_partition_name_check CHECK ((partition_name ~ '^audit_log_[0-9]{4}_[0-9]{2}$'::text)),
    CONSTRAINT audit_chain_links_row_hash_check CHECK ((length(row_hash) = 32)),
    CONSTRAINT audit_chain_links_seq_check CHECK ((seq > 0))
);

ALTER TABLE ONLY audit.audit_chain_links FORCE ROW LEVEL SECURITY;

ALTER TABLE audit.audit_chain_links OWNER TO estate_owner;

--
-- Name: TABLE audit_chain_links; Type: COMMENT; Schema: audit; Owner: estate_owner
--

COMMENT ON TABLE audit.audit_chain_links IS 'Global: the hash chain of each monthly audit partition, one link per sealed row: chain_hash = sha256(previous chain_hash || row_hash).';

--
-- Name: audit_log_default; Type: TABLE; Schema: audit; Owner: estate_owner
--

CREATE TABLE audit.audit_log_default (
    id bigint NOT NULL,
    occurred_at timestamp with time zone DEFAULT clock_timestamp() NOT NULL,
    tenant_id uuid,
    actor_kind text NOT NULL,
    actor_id text,
    request_id text,
    table_name text NOT NULL,
    row_id text,
    operation text NOT NULL,
    changed_columns text[],
    changes jsonb,
    txid bigint DEFAULT txid_current(),
    CONSTRAINT audit_log_actor_kind_check CHECK ((actor_kind = ANY (ARRAY['user'::text, 'support'::text, 'api_key'::text, 'system'::text]))),
    CONSTRAINT audit_log_operation_check CHECK ((operation = ANY (ARRAY['INSERT'::text, 'UPDATE'::text, 'DELETE'::text, 'READ'::text])))
);

ALTER TABLE ONLY audit.audit_log_default FORCE ROW LEVEL SECURITY;

ALTER TABLE audit.audit_log_default OWNER TO estate_owner;

--
-- Name: audit_log_id_seq; Type: SEQUENCE; Schema: audit; Owner: estate_owner
--

ALTER TABLE audit.audit_log ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME audit.audit_log_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);

--
-- Name: audit_seals; Type: TABLE; Schema: audit; Owner: estate_owner
--

CREATE TABLE audit.audit_seals (
    id bigint NOT NULL,
    partition_name text NOT NULL,
    sealed_at timestamp with time zone DEFAULT now() NOT NULL,
    sealed_by text,
    snapshot_xmin bigint NOT NULL,
    first_seq bigint NOT NULL,
    last_seq bigint NOT NULL,
    head_hash bytea NOT NULL,
    CONSTRAINT audit_seals_check CHECK ((last_seq >= first_seq)),
    CONSTRAINT audit_seals_first_seq_check CHECK ((first_seq > 0)),
    CONSTRAINT audit_seals_head_hash_check CHECK ((length(head_hash) = 32)),
    CONSTRAINT audit_seals_partition_name_check CHECK ((partition_name ~ '^audit_log_[0-9]{4}_[0-9]{2}$'::text))
);

ALTER TABLE ONLY audit.audit_seals FORCE ROW LEVEL SECURITY;

ALTER TABLE audit.audit_seals OWNER TO estate_owner;

--
-- Name: TABLE audit_seals; Type: COMMENT; Schema: audit; Owner: estate_owner
--

COMMENT ON TABLE audit.audit_seals IS 'Global: each sealing run of a partition: which links it added and the chain''s head then (to be copied off the database as evidence).';

--
-- Name: audit_seals_id_seq; Type: SEQUENCE; Schema: audit; Owner: estate_owner
--

ALTER TABLE audit.audit_seals ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME audit.audit_seals_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);

--
-- Name: audit_log_default; Type: TABLE ATTACH; Schema: audit; Owner: estate_owner
--

ALTER TABLE ONLY audit.audit_log ATTACH PARTITION audit.audit_log_default DEFAULT;

--
-- Name: api_keys api_keys_pkey; Type: CONSTRAINT; Schema: app; Owner: estate_owner
--

ALTER TABLE ONLY app.api_keys
    ADD CONSTRAINT api_keys_pkey PRIMARY KEY (tenant_id, id);

--
-- Name: asset_bank_accounts asset_bank_accounts_pkey; Type: CONSTRAINT; Schema: app; Owner: estate_owner
--

ALTER TABLE ONLY app.asset_bank_accounts
    ADD CONSTRAINT asset_bank_accounts_pkey PRIMARY KEY (tenant_id, id);

--
-- Name: asset_businesses asset_businesses_pkey; Type: CONSTRAINT; Schema: app; Owner: estate_owner
--

ALTER TABLE ONLY app.asset_businesses
    ADD CONSTRAINT asset_businesses_pkey PRIMARY KEY (tenant_id, id);

--
-- Name: asset_categories asset_categories_pkey; Type: CONSTRAINT; Schema: app; Owner: estate_owner
--

ALTER TABLE ONLY app.asset_categories
    ADD CONSTRAINT asset_categories_pkey PRIMARY KEY (code);

--
-- Name: asset_collectibles asset_collectibles_pkey; Type: CONSTRAINT; Schema: app; Owner: estate_owner
--

ALTER TABLE ONLY app.asset_collectibles
    ADD CONSTRAINT asset_collectibles_pkey PRIMARY KEY (tenant_id, id);

--
-- Name: asset_cryptocurrencies asset_cryptocurrencies_pkey; Type: CONSTRAINT; Schema: app; Owner: estate_owner
--

ALTER TABLE ONLY app.asset_cryptocurrencies
    ADD CONSTRAINT asset_cryptocurrencies_pkey PRIMARY KEY (tenant_id, id);

--
-- Name: asset_debts asset_debts_pkey; Type: CONSTRAINT; Schema: app; Owner: estate_owner
--

ALTER TABLE ONLY app.asset_debts
    ADD CONSTRAINT asset_debts_pkey PRIMARY KEY (tenant_id, id);

--
-- Name: asset_intellectual_property asset_intellectual_property_pkey; Type: CONSTRAINT; Schema: app; Owner: estate_owner
--

ALTER TABLE ONLY app.asset_intellectual_property
    ADD CONSTRAINT asset_intellectual_property_pkey PRIMARY KEY (tenant_id, id);

--
-- Name: asset_investment_accounts asset_investment_accounts_pkey; Type: CONSTRAINT; Schema: app; Owner: estate_owner
--

ALTER TABLE ONLY app.asset_investment_accounts
    ADD CONSTRAINT asset_investment_accounts_pkey PRIMARY KEY (tenant_id, id);

--
-- Name: asset_latest_valuations asset_latest_valuations_pkey; Type: CONSTRAINT; Schema: app; Owner: estate_owner
--

ALTER TABLE ONLY app.asset_latest_valuations
    ADD CONSTRAINT asset_latest_valuations_pkey PRIMARY KEY (tenant_id, id);

--
-- Name: asset_latest_valuations asset_latest_valuations_tenant_id_asset_id_key; Type: CONSTRAINT; Schema: app; Owner: estate_owner
--

ALTER TABLE ONLY app.asset_latest_valuations
    ADD CONSTRAINT asset_latest_valuations_tenant_id_asset_id_key UNIQUE (tenant_id, asset_id);

--
-- Name: asset_life_insurance asset_life_insurance_pkey; Type: CONSTRAINT; Schema: app; Owner: estate_owner
--

ALTER TABLE ONLY app.asset_life_insurance
    ADD CONSTRAINT asset_life_insurance_pkey PRIMARY KEY (tenant_id, id);

--
-- Name: asset_misc asset_misc_pkey; Type: CONSTRAINT; Schema: app; Owner: estate_owner
--

ALTER TABLE ONLY app.asset_misc
    ADD CONSTRAINT asset_misc_pkey PRIMARY KEY (tenant_id, id);

--
-- Name: asset_ownerships asset_ownerships_pkey; Type: CONSTRAINT; Schema: app; Owner: estate_owner
--

ALTER TABLE ONLY app.asset_ownerships
    ADD CONSTRAINT asset_ownerships_pkey PRIMARY KEY (tenant_id, id);

--
-- Name: asset_ownerships asset_ownerships_tenant_id_asset_id_persona_id_key; Type: CONSTRAINT; Schema: app; Owner: estate_owner
--

ALTER TABLE ONLY app.asset_ownerships
    ADD CONSTRAINT asset_ownerships_tenant_id_asset_id_persona_id_key UNIQUE (tenant_id, asset_id, persona_id);

--
-- Name: asset_permissions asset_permissions_pkey; Type: CONSTRAINT; Schema: app; Owner: estate_owner
--

ALTER TABLE ONLY app.asset_permissions
    ADD CONSTRAINT asset_permissions_pkey PRIMARY KEY (tenant_id, id);

--
-- Name: asset_personal_property asset_personal_property_pkey; Type: CONSTRAINT; Schema: app; Owner: estate_owner
--

ALTER TABLE ONLY app.asset_personal_property
    ADD CONSTRAINT asset_personal_property_pkey PRIMARY KEY (tenant_id, id);

--
-- Name: asset_real_estate asset_real_estate_pkey; Type: CONSTRAINT; Schema: app; Owner: estate_owner
--

ALTER TABLE ONLY app.asset_real_estate
    ADD CONSTRAINT asset_real_estate_pkey PRIMARY KEY (tenant_id, id);

--
-- Name: asset_retirement_accounts asset_retirement_accounts_pkey; Type: CONSTRAINT; Schema: app; Owner: estate_owner
--

ALTER TABLE ONLY app.asset_retirement_accounts
    ADD CONSTRAINT asset_retirement_accounts_pkey PRIMARY KEY (tenant_id, id);

--
-- Name: asset_valuations asset_valuations_pkey; Type: CONSTRAINT; Schema: app; Owner: estate_owner
--

ALTER TABLE ONLY app.asset_valuations
    ADD CONSTRAINT asset_valuations_pkey PRIMARY KEY (tenant_id, id);

--
-- Name: asset_vehicles asset_vehicles_pkey; Type: CONSTRAINT; Schema: app; Owner: estate_owner
--

ALTER TABLE ONLY app.asset_vehicles
    ADD CONSTRAINT asset_vehicles_pkey PRIMARY KEY (tenant_id, id);

--
-- Name: assets assets_pkey; Type: CONSTRAINT; Schema: app; Owner: estate_owner
--

ALTER TABLE ONLY app.assets
    ADD CONSTRAINT assets_pkey PRIMARY KEY (tenant_id, id);

--
-- Name: audit_retention_policy audit_retention_policy_pkey; Type: CONSTRAINT; Schema: app; Owner: estate_owner
--

ALTER TABLE ONLY app.audit_retention_policy
    ADD CONSTRAINT audit_retention_policy_pkey PRIMARY KEY (id);

--
-- Name: beneficiary_designations beneficiary_designations_pkey; Type: CONSTRAINT; Schema: app; Owner: estate_owner
--

ALTER TABLE ONLY app.beneficiary_designations
    ADD CONSTRAINT beneficiary_designations_pkey PRIMARY KEY (tenant_id, id);

--
-- Name: consent_records consent_records_pkey; Type: CONSTRAINT; Schema: app; Owner: estate_owner
--

ALTER TABLE ONLY app.consent_records
    ADD CONSTRAINT consent_records_pkey PRIMARY KEY (tenant_id, id);

--
-- Name: data_subject_request_events data_subject_request_events_pkey; Type: CONSTRAINT; Schema: app; Owner: estate_owner
--

ALTER TABLE ONLY app.data_subject_request_events
    ADD CONSTRAINT data_subject_request_events_pkey PRIMARY KEY (tenant_id, id);

--
-- Name: data_subject_requests data_subject_requests_pkey; Type: CONSTRAINT; Schema: app; Owner: estate_owner
--

ALTER TABLE ONLY app.data_subject_requests
    ADD CONSTRAINT data_subject_requests_pkey PRIMARY KEY (tenant_id, id);

--
-- Name: debt_collateral debt_collateral_pkey; Type: CONSTRAINT; Schema: app; Owner: estate_owner
--

ALTER TABLE ONLY app.debt_collateral
    ADD CONSTRAINT debt_collateral_pkey PRIMARY KEY (tenant_id, id);

--
-- Name: debt_collateral debt_collateral_tenant_id_debt_asset_id_key; Type: CONSTRAINT; Schema: app; Owner: estate_owner
--

ALTER TABLE ONLY app.debt_collateral
    ADD CONSTRAINT debt_collateral_tenant_id_debt_asset_id_key UNIQUE (tenant_id, debt_asset_id);

--
-- Name: entity_interests entity_interests_pkey; Type: CONSTRAINT; Schema: app; Owner: estate_owner
--

ALTER TABLE ONLY app.entity_interests
    ADD CONSTRAINT entity_interests_pkey PRIMARY KEY (tenant_id, id);

--
-- Name: exchange_rates exchange_rates_pkey; Type: CONSTRAINT; Schema: app; Owner: estate_owner
--

ALTER TABLE ONLY app.exchange_rates
    ADD CONSTRAINT exchange_rates_pkey PRIMARY KEY (base_currency, quote_currency, rate_date);

--
-- Name: ffc_invitations ffc_invitations_pkey; Type: CONSTRAINT; Schema: app; Owner: estate_owner
--

ALTER TABLE ONLY app.ffc_invitations
    ADD CONSTRAINT ffc_invitations_pkey PRIMARY KEY (tenant_id, id);

--
-- Name: ffc_invitations ffc_invitations_token_sha256_key; Type: CONSTRAINT; Schema: app; Owner: estate_owner
--

ALTER TABLE ONLY app.ffc_invitations
    ADD CONSTRAINT ffc_invitations_token_sha256_key UNIQUE (token_sha256);

--
-- Name: ffc_memberships ffc_memberships_pkey; Type: CONSTRAINT; Schema: app; Owner: estate_owner
--

ALTER TABLE ONLY app.ffc_memberships
    ADD CONSTRAINT ffc_memberships_pkey PRIMARY KEY (tenant_id, id);

--
-- Name: ffc_memberships ffc_memberships_tenant_id_ffc_id_persona_id_key; Type: CONSTRAINT; Schema: app; Owner: estate_owner
--

ALTER TABLE ONLY app.ffc_memberships
    ADD CONSTRAINT ffc_memberships_tenant_id_ffc_id_persona_id_key UNIQUE (tenant_id, ffc_id, persona_id);

--
-- Name: fwd_family_circles fwd_family_circles_pkey; Type: CONSTRAINT; Schema: app; Owner: estate_owner
--

ALTER TABLE ONLY app.fwd_family_circles
    ADD CONSTRAINT fwd_family_circles_pkey PRIMARY KEY (tenant_id, id);

--
-- Name: general_ledger general_ledger_pkey; Type: CONSTRAINT; Schema: app; Owner: estate_owner
--

ALTER TABLE ONLY app.general_ledger
    ADD CONSTRAINT general_ledger_pkey PRIMARY KEY (tenant_id, id);

--
-- Name: idempotency_keys idempotency_keys_pkey; Type: CONSTRAINT; Schema: app; Owner: estate_owner
--

ALTER TABLE ONLY app.idempotency_keys
    ADD CONSTRAINT idempotency_keys_pkey PRIMARY KEY (tenant_id, id);

--
-- Name: idempotency_keys idempotency_keys_tenant_id_actor_sub_idempotency_key_key; Type: CONSTRAINT; Schema: app; Owner: estate_owner
--

ALTER TABLE ONLY app.idempotency_keys
    ADD CONSTRAINT idempotency_keys_tenant_id_actor_sub_idempotency_key_key UNIQUE (tenant_id, actor_sub, idempotency_key);

--
-- Name: invoices invoices_pkey; Type: CONSTRAINT; Schema: app; Owner: estate_owner
--

ALTER TABLE ONLY app.invoices
    ADD CONSTRAINT invoices_pkey PRIMARY KEY (tenant_id, id);

--
-- Name: invoices invoices_stripe_invoice_id_key; Type: CONSTRAINT; Schema: app; Owner: estate_owner
--

ALTER TABLE ONLY app.invoices
    ADD CONSTRAINT invoices_stripe_invoice_id_key UNIQUE (stripe_invoice_id);

--
-- Name: legal_entities legal_entities_pkey; Type: CONSTRAINT; Schema: app; Owner: estate_owner
--

ALTER TABLE ONLY app.legal_entities
    ADD CONSTRAINT legal_entities_pkey PRIMARY KEY (tenant_id, id);

--
-- Name: legal_entity_roles legal_entity_roles_pkey; Type: CONSTRAINT; Schema: app; Owner: estate_owner
--

ALTER TABLE ONLY app.legal_entity_roles
    ADD CONSTRAINT legal_entity_roles_pkey PRIMARY KEY (tenant_id, id);

--
-- Name: legal_entity_roles legal_entity_roles_tenant_id_entity_id_persona_id_role_key; Type: CONSTRAINT; Schema: app; Owner: estate_owner
--

ALTER TABLE ONLY app.legal_entity_roles
    ADD CONSTRAINT legal_entity_roles_tenant_id_entity_id_persona_id_role_key UNIQUE (tenant_id, entity_id, persona_id, role);

--
-- Name: mfa_settings mfa_settings_pkey; Type: CONSTRAINT; Schema: app; Owner: estate_owner
--

ALTER TABLE ONLY app.mfa_settings
    ADD CONSTRAINT mfa_settings_pkey PRIMARY KEY (tenant_id, id);

--
-- Name: mfa_settings mfa_settings_tenant_id_user_id_key; Type: CONSTRAINT; Schema: app; Owner: estate_owner
--

ALTER TABLE ONLY app.mfa_settings
    ADD CONSTRAINT mfa_settings_tenant_id_user_id_key UNIQUE (tenant_id, user_id);

--
-- Name: password_history password_history_pkey; Type: CONSTRAINT; Schema: app; Owner: estate_owner
--

ALTER TABLE ONLY app.password_history
    ADD CONSTRAINT password_history_pkey PRIMARY KEY (tenant_id, id);

--
-- Name: payment_methods payment_methods_pkey; Type: CONSTRAINT; Schema: app; Owner: estate_owner
--

ALTER TABLE ONLY app.payment_methods
    ADD CONSTRAINT payment_methods_pkey PRIMARY KEY (tenant_id, id);

--
-- Name: payment_transactions payment_transactions_pkey; Type: CONSTRAINT; Schema: app; Owner: estate_owner
--

ALTER TABLE ONLY app.payment_transactions
    ADD CONSTRAINT payment_transactions_pkey PRIMARY KEY (tenant_id, id);

--
-- Name: payment_transactions payment_transactions_stripe_charge_id_key; Type: CONSTRAINT; Schema: app; Owner: estate_owner
--

ALTER TABLE ONLY app.payment_transactions
    ADD CONSTRAINT payment_transactions_stripe_charge_id_key UNIQUE (stripe_charge_id);

--
-- Name: payment_transactions payment_transactions_stripe_payment_intent_id_key; Type: CONSTRAINT; Schema: app; Owner: estate_owner
--

ALTER TABLE ONLY app.payment_transactions
    ADD CONSTRAINT payment_transactions_stripe_payment_intent_id_key UNIQUE (stripe_payment_intent_id);

--
-- Name: persona_addresses persona_addresses_pkey; Type: CONSTRAINT; Schema: app; Owner: estate_owner
--

ALTER TABLE ONLY app.persona_addresses
    ADD CONSTRAINT persona_addresses_pkey PRIMARY KEY (tenant_id, id);

--
-- Name: persona_emails persona_emails_pkey; Type: CONSTRAINT; Schema: app; Owner: estate_owner
--

ALTER TABLE ONLY app.persona_emails
    ADD CONSTRAINT persona_emails_pkey PRIMARY KEY (tenant_id, id);

--
-- Name: persona_link_invitations persona_link_invitations_pkey; Type: CONSTRAINT; Schema: app; Owner: estate_owner
--

ALTER TABLE ONLY app.persona_link_invitations
    ADD CONSTRAINT persona_link_invitations_pkey PRIMARY KEY (tenant_id, id);

--
-- Name: persona_phones persona_phones_pkey; Type: CONSTRAINT; Schema: app; Owner: estate_owner
--

ALTER TABLE ONLY app.persona_phones
    ADD CONSTRAINT persona_phones_pkey PRIMARY KEY (tenant_id, id);

--
-- Name: persona_phones persona_phones_tenant_id_persona_id_phone_number_key; Type: CONSTRAINT; Schema: app; Owner: estate_owner
--

ALTER TABLE ONLY app.persona_phones
    ADD CONSTRAINT persona_phones_tenant_id_persona_id_phone_number_key UNIQUE (tenant_id, persona_id, phone_number);

--
-- Name: persona_relationships persona_relationships_pkey; Type: CONSTRAINT; Schema: app; Owner: estate_owner
--

ALTER TABLE ONLY app.persona_relationships
    ADD CONSTRAINT persona_relationships_pkey PRIMARY KEY (tenant_id, id);

--
-- Name: persona_relationships persona_relationships_tenant_id_persona_id_related_persona__key; Type: CONSTRAINT; Schema: app; Owner: estate_owner
--

ALTER TABLE ONLY app.persona_relationships
    ADD CONSTRAINT persona_relationships_tenant_id_persona_id_related_persona__key UNIQUE (tenant_id, persona_id, related_persona_id, relationship_type);

--
-- Name: personas personas_pkey; Type: CONSTRAINT; Schema: app; Owner: estate_owner
--

ALTER TABLE ONLY app.personas
    ADD CONSTRAINT personas_pkey PRIMARY KEY (tenant_id, id);

--
-- Name: plan_features plan_features_pkey; Type: CONSTRAINT; Schema: app; Owner: estate_owner
--

ALTER TABLE ONLY app.plan_features
    ADD CONSTRAINT plan_features_pkey PRIMARY KEY (plan_id, feature_key);

--
-- Name: refunds refunds_pkey; Type: CONSTRAINT; Schema: app; Owner: estate_owner
--

ALTER TABLE ONLY app.refunds
    ADD CONSTRAINT refunds_pkey PRIMARY KEY (tenant_id, id);

--
-- Name: refunds refunds_tenant_id_payment_transaction_id_refunded_total_key; Type: CONSTRAINT; Schema: app; Owner: estate_owner
--

ALTER TABLE ONLY app.refunds
    ADD CONSTRAINT refunds_tenant_id_payment_transaction_id_refunded_total_key UNIQUE (tenant_id, payment_transaction_id, refunded_total);

--
-- Name: security_question_attempts security_question_attempts_pkey; Type: CONSTRAINT; Schema: app; Owner: estate_owner
--

ALTER TABLE ONLY app.security_question_attempts
    ADD CONSTRAINT security_question_attempts_pkey PRIMARY KEY (tenant_id, id);

--
-- Name: security_questions security_questions_pkey; Type: CONSTRAINT; Schema: app; Owner: estate_owner
--

ALTER TABLE ONLY app.security_questions
    ADD CONSTRAINT security_questions_pkey PRIMARY KEY (tenant_id, id);

--
-- Name: security_questions security_questions_tenant_id_user_id_position_key; Type: CONSTRAINT; Schema: app; Owner: estate_owner
--

ALTER TABLE ONLY app.security_questions
    ADD CONSTRAINT security_questions_tenant_id_user_id_position_key UNIQUE (tenant_id, user_id, "position");

--
-- Name: stripe_routes stripe_routes_pkey; Type: CONSTRAINT; Schema: app; Owner: estate_owner
--

ALTER TABLE ONLY app.stripe_routes
    ADD CONSTRAINT stripe_routes_pkey PRIMARY KEY (tenant_id, id);

--
-- Name: stripe_routes stripe_routes_routing_key_key; Type: CONSTRAINT; Schema: app; Owner: estate_owner
--

ALTER TABLE ONLY app.stripe_routes
    ADD CONSTRAINT stripe_routes_routing_key_key UNIQUE (routing_key);

--
-- Name: stripe_webhook_events stripe_webhook_events_pkey; Type: CONSTRAINT; Schema: app; Owner: estate_owner
--

ALTER TABLE ONLY app.stripe_webhook_events
    ADD CONSTRAINT stripe_webhook_events_pkey PRIMARY KEY (tenant_id, id);

--
-- Name: stripe_webhook_events stripe_webhook_events_stripe_event_id_key; Type: CONSTRAINT; Schema: app; Owner: estate_owner
--

ALTER TABLE ONLY app.stripe_webhook_events
    ADD CONSTRAINT stripe_webhook_events_stripe_event_id_key UNIQUE (stripe_event_id);

--
-- Name: subscription_plan_changes subscription_plan_changes_pkey; Type: CONSTRAINT; Schema: app; Owner: estate_owner
--

ALTER TABLE ONLY app.subscription_plan_changes
    ADD CONSTRAINT subscription_plan_changes_pkey PRIMARY KEY (tenant_id, id);

--
-- Name: subscription_plans subscription_plans_code_key; Type: CONSTRAINT; Schema: app; Owner: estate_owner
--

ALTER TABLE ONLY app.subscription_plans
    ADD CONSTRAINT subscription_plans_code_key UNIQUE (code);

--
-- Name: subscription_plans subscription_plans_pkey; Type: CONSTRAINT; Schema: app; Owner: estate_owner
--

ALTER TABLE ONLY app.subscription_plans
    ADD CONSTRAINT subscription_plans_pkey PRIMARY KEY (id);

--
-- Name: subscription_plans subscription_plans_stripe_price_id_key; Type: CONSTRAINT; Schema: app; Owner: estate_owner
--

ALTER TABLE ONLY app.subscription_plans
    ADD CONSTRAINT subscription_plans_stripe_price_id_key UNIQUE (stripe_price_id);

--
-- Name: subscription_seats subscription_seats_pkey; Type: CONSTRAINT; Schema: app; Owner: estate_owner
--

ALTER TABLE ONLY app.subscription_seats
    ADD CONSTRAINT subscription_seats_pkey PRIMARY KEY (tenant_id, id);

--
-- Name: subscriptions subscriptions_pkey; Type: CONSTRAINT; Schema: app; Owner: estate_owner
--

ALTER TABLE ONLY app.subscriptions
    ADD CONSTRAINT subscriptions_pkey PRIMARY KEY (tenant_id, id);

--
-- Name: subscriptions subscriptions_stripe_subscription_id_key; Type: CONSTRAINT; Schema: app; Owner: estate_owner
--

ALTER TABLE ONLY app.subscriptions
    ADD CONSTRAINT subscriptions_stripe_subscription_id_key UNIQUE (stripe_subscription_id);

--
-- Name: support_access_events support_access_events_pkey; Type: CONSTRAINT; Schema: app; Owner: estate_owner
--

ALTER TABLE ONLY app.support_access_events
    ADD CONSTRAINT support_access_events_pkey PRIMARY KEY (tenant_id, id);

--
-- Name: support_access_requests support_access_requests_pkey; Type: CONSTRAINT; Schema: app; Owner: estate_owner
--

ALTER TABLE ONLY app.support_access_requests
    ADD CONSTRAINT support_access_requests_pkey PRIMARY KEY (tenant_id, id);

--
-- Name: support_app_clients support_app_clients_pkey; Type: CONSTRAINT; Schema: app; Owner: estate_owner
--

ALTER TABLE ONLY app.support_app_clients
    ADD CONSTRAINT support_app_clients_pkey PRIMARY KEY (id);

--
-- Name: support_app_clients support_app_clients_provider_id_client_id_key; Type: CONSTRAINT; Schema: app; Owner: estate_owner
--

ALTER TABLE ONLY app.support_app_clients
    ADD CONSTRAINT support_app_clients_provider_id_client_id_key UNIQUE (provider_id, client_id);

--
-- Name: support_identity_providers support_identity_providers_issuer_key; Type: CONSTRAINT; Schema: app; Owner: estate_owner
--

ALTER TABLE ONLY app.support_identity_providers
    ADD CONSTRAINT support_identity_providers_issuer_key UNIQUE (issuer);

--
-- Name: support_identity_providers support_identity_providers_pkey; Type: CONSTRAINT; Schema: app; Owner: estate_owner
--

ALTER TABLE ONLY app.support_identity_providers
    ADD CONSTRAINT support_identity_providers_pkey PRIMARY KEY (id);

--
-- Name: support_staff support_staff_cognito_sub_key; Type: CONSTRAINT; Schema: app; Owner: estate_owner
--

ALTER TABLE ONLY app.support_staff
    ADD CONSTRAINT support_staff_cognito_sub_key UNIQUE (cognito_sub);

--
-- Name: support_staff support_staff_pkey; Type: CONSTRAINT; Schema: app; Owner: estate_owner
--

ALTER TABLE ONLY app.support_staff
    ADD CONSTRAINT support_staff_pkey PRIMARY KEY (id);

--
-- Name: support_unmask_grants support_unmask_grants_pkey; Type: CONSTRAINT; Schema: app; Owner: estate_owner
--

ALTER TABLE ONLY app.support_unmask_grants
    ADD CONSTRAINT support_unmask_grants_pkey PRIMARY KEY (tenant_id, id);

--
-- Name: tenant_allowed_origins tenant_allowed_origins_pkey; Type: CONSTRAINT; Schema: app; Owner: estate_owner
--

ALTER TABLE ONLY app.tenant_allowed_origins
    ADD CONSTRAINT tenant_allowed_origins_pkey PRIMARY KEY (tenant_id, id);

--
-- Name: tenant_allowed_origins tenant_allowed_origins_tenant_id_origin_key; Type: CONSTRAINT; Schema: app; Owner: estate_owner
--

ALTER TABLE ONLY app.tenant_allowed_origins
    ADD CONSTRAINT tenant_allowed_origins_tenant_id_origin_key UNIQUE (tenant_id, origin);

--
-- Name: tenant_app_clients tenant_app_clients_pkey; Type: CONSTRAINT; Schema: app; Owner: estate_owner
--

ALTER TABLE ONLY app.tenant_app_clients
    ADD CONSTRAINT tenant_app_clients_pkey PRIMARY KEY (tenant_id, id);

--
-- Name: tenant_app_clients tenant_app_clients_tenant_id_provider_id_client_id_key; Type: CONSTRAINT; Schema: app; Owner: estate_owner
--

ALTER TABLE ONLY app.tenant_app_clients
    ADD CONSTRAINT tenant_app_clients_tenant_id_provider_id_client_id_key UNIQUE (tenant_id, provider_id, client_id);

--
-- Name: tenant_identity_providers tenant_identity_providers_issuer_key; Type: CONSTRAINT; Schema: app; Owner: estate_owner
--

ALTER TABLE ONLY app.tenant_identity_providers
    ADD CONSTRAINT tenant_identity_providers_issuer_key UNIQUE (issuer);

--
-- Name: tenant_identity_providers tenant_identity_providers_pkey; Type: CONSTRAINT; Schema: app; Owner: estate_owner
--

ALTER TABLE ONLY app.tenant_identity_providers
    ADD CONSTRAINT tenant_identity_providers_pkey PRIMARY KEY (tenant_id, id);

--
-- Name: tenant_plan_settings tenant_plan_settings_pkey; Type: CONSTRAINT; Schema: app; Owner: estate_owner
--

ALTER TABLE ONLY app.tenant_plan_settings
    ADD CONSTRAINT tenant_plan_settings_pkey PRIMARY KEY (tenant_id, id);

--
-- Name: tenant_plan_settings tenant_plan_settings_tenant_id_plan_id_key; Type: CONSTRAINT; Schema: app; Owner: estate_owner
--

ALTER TABLE ONLY app.tenant_plan_settings
    ADD CONSTRAINT tenant_plan_settings_tenant_id_plan_id_key UNIQUE (tenant_id, plan_id);

--
-- Name: tenant_security_policies tenant_security_policies_pkey; Type: CONSTRAINT; Schema: app; Owner: estate_owner
--

ALTER TABLE ONLY app.tenant_security_policies
    ADD CONSTRAINT tenant_security_policies_pkey PRIMARY KEY (tenant_id, id);

--
-- Name: tenant_security_policies tenant_security_policies_tenant_id_key; Type: CONSTRAINT; Schema: app; Owner: estate_owner
--

ALTER TABLE ONLY app.tenant_security_policies
    ADD CONSTRAINT tenant_security_policies_tenant_id_key UNIQUE (tenant_id);

--
-- Name: tenants tenants_pkey; Type: CONSTRAINT; Schema: app; Owner: estate_owner
--

ALTER TABLE ONLY app.tenants
    ADD CONSTRAINT tenants_pkey PRIMARY KEY (tenant_id);

--
-- Name: tenants tenants_slug_key; Type: CONSTRAINT; Schema: app; Owner: estate_owner
--

ALTER TABLE ONLY app.tenants
    ADD CONSTRAINT tenants_slug_key UNIQUE (slug);

--
-- Name: usage_records usage_records_pkey; Type: CONSTRAINT; Schema: app; Owner: estate_owner
--

ALTER TABLE ONLY app.usage_records
    ADD CONSTRAINT usage_records_pkey PRIMARY KEY (tenant_id, id);

--
-- Name: usage_records usage_records_tenant_id_user_id_metric_key; Type: CONSTRAINT; Schema: app; Owner: estate_owner
--

ALTER TABLE ONLY app.usage_records
    ADD CONSTRAINT usage_records_tenant_id_user_id_metric_key UNIQUE (tenant_id, user_id, metric);

--
-- Name: user_personas user_personas_pkey; Type: CONSTRAINT; Schema: app; Owner: estate_owner
--

ALTER TABLE ONLY app.user_personas
    ADD CONSTRAINT user_personas_pkey PRIMARY KEY (tenant_id, id);

--
-- Name: user_personas user_personas_tenant_id_user_id_persona_id_key; Type: CONSTRAINT; Schema: app; Owner: estate_owner
--

ALTER TABLE ONLY app.user_personas
    ADD CONSTRAINT user_personas_tenant_id_user_id_persona_id_key UNIQUE (tenant_id, user_id, persona_id);

--
-- Name: user_sessions user_sessions_pkey; Type: CONSTRAINT; Schema: app; Owner: estate_owner
--

ALTER TABLE ONLY app.user_sessions
    ADD CONSTRAINT user_sessions_pkey PRIMARY KEY (tenant_id, id);

--
-- Name: user_sessions user_sessions_tenant_id_user_id_session_ref_key; Type: CONSTRAINT; Schema: app; Owner: estate_owner
--

ALTER TABLE ONLY app.user_sessions
    ADD CONSTRAINT user_sessions_tenant_id_user_id_session_ref_key UNIQUE (tenant_id, user_id, session_ref);

--
-- Name: users users_pkey; Type: CONSTRAINT; Schema: app; Owner: estate_owner
--

ALTER TABLE ONLY app.users
    ADD CONSTRAINT users_pkey PRIMARY KEY (tenant_id, id);

--
-- Name: users users_tenant_id_cognito_sub_key; Type: CONSTRAINT; Schema: app; Owner: estate_owner
--

ALTER TABLE ONLY app.users
    ADD CONSTRAINT users_tenant_id_cognito_sub_key UNIQUE (tenant_id, cognito_sub);

--
-- Name: audit_chain_links audit_chain_links_partition_name_audit_id_key; Type: CONSTRAINT; Schema: audit; Owner: estate_owner
--

ALTER TABLE ONLY audit.audit_chain_links
    ADD CONSTRAINT audit_chain_links_partition_name_audit_id_key UNIQUE (partition_name, audit_id);

--
-- Name: audit_chain_links audit_chain_links_pkey; Type: CONSTRAINT; Schema: audit; Owner: estate_owner
--

ALTER TABLE ONLY audit.audit_chain_links
    ADD CONSTRAINT audit_chain_links_pkey PRIMARY KEY (partition_name, seq);

--
-- Name: audit_log audit_log_pkey; Type: CONSTRAINT; Schema: audit; Owner: estate_owner
--

ALTER TABLE ONLY audit.audit_log
    ADD CONSTRAINT audit_log_pkey PRIMARY KEY (id, occurred_at);

--
-- Name: audit_log_default audit_log_default_pkey; Type: CONSTRAINT; Schema: audit; Owner: estate_owner
--

ALTER TABLE ONLY audit.audit_log_default
    ADD CONSTRAINT audit_log_default_pkey PRIMARY KEY (id, occurred_at);

--
-- Name: audit_seals audit_seals_pkey; Type: CONSTRAINT; Schema: audit; Owner: estate_owner
--

ALTER TABLE ONLY audit.audit_seals
    ADD CONSTRAINT audit_seals_pkey PRIMARY KEY (id);

--
-- Name: api_keys_prefix_idx; Type: INDEX; Schema: app; Owner: estate_owner
--

CREATE INDEX api_keys_prefix_idx ON app.api_keys USING btree (prefix);

--
-- Name: api_keys_user_idx; Type: INDEX; Schema: app; Owner: estate_owner
--

CREATE INDEX api_keys_user_idx ON app.api_keys USING btree (tenant_id, user_id, created_at);

--
-- Name: asset_life_insurance_insured_idx; Type: INDEX; Schema: app; Owner: estate_owner
--

CREATE INDEX asset_life_insurance_insured_idx ON app.asset_life_insurance USING btree (tenant_id, insured_persona_id);

--
-- Name: asset_ownerships_entity_idx; Type: INDEX; Schema: app; Owner: estate_owner
--

CREATE INDEX asset_ownerships_entity_idx ON app.asset_ownerships USING btree (tenant_id, entity_id);

--
-- Name: asset_ownerships_entity_key; Type: INDEX; Schema: app; Owner: estate_owner
--

CREATE UNIQUE INDEX asset_ownerships_entity_key ON app.asset_ownerships USING btree (tenant_id, asset_id, entity_id) WHERE (entity_id IS NOT NULL);

--
-- Name: asset_ownerships_persona_idx; Type: INDEX; Schema: app; Owner: estate_owner
--

CREATE INDEX asset_ownerships_persona_idx ON app.asset_ownerships USING btree (tenant_id, persona_id);

--
-- Name: asset_permissions_ffc_idx; Type: INDEX; Schema: app; Owner: estate_owner
--

CREATE INDEX asset_permissions_ffc_idx ON app.asset_permissions USING btree (tenant_id, grantee_ffc_id);

--
-- Name: asset_permissions_ffc_key; Type: INDEX; Schema: app; Owner: estate_owner
--

CREATE UNIQUE INDEX asset_permissions_ffc_key ON app.asset_permissions USING btree (tenant_id, asset_id, grantee_ffc_id, grantee_ffc_role) WHERE (grantee_ffc_id IS NOT NULL);

--
-- Name: asset_permissions_granted_by_idx; Type: INDEX; Schema: app; Owner: estate_owner
--

CREATE INDEX asset_permissions_granted_by_idx ON app.asset_permissions USING btree (tenant_id, granted_by_user_id);

--
-- Name: asset_permissions_persona_idx; Type: INDEX; Schema: app; Owner: estate_owner
--

CREATE INDEX asset_permissions_persona_idx ON app.asset_permissions USING btree (tenant_id, grantee_persona_id);

--
-- Name: asset_permissions_persona_key; Type: INDEX; Schema: app; Owner: estate_owner
--

CREATE UNIQUE INDEX asset_permissions_persona_key ON app.asset_permissions USING btree (tenant_id, asset_id, grantee_persona_id) WHERE (grantee_persona_id IS NOT NULL);

--
-- Name: asset_valuations_asset_date_idx; Type: INDEX; Schema: app; Owner: estate_owner
--

CREATE INDEX asset_valuations_asset_date_idx ON app.asset_valuations USING btree (tenant_id, asset_id, valued_on DESC, created_at DESC);

--
-- Name: asset_valuations_recorded_by_idx; Type: INDEX; Schema: app; Owner: estate_owner
--

CREATE INDEX asset_valuations_recorded_by_idx ON app.asset_valuations USING btree (tenant_id, recorded_by_user_id);

--
-- Name: assets_category_idx; Type: INDEX; Schema: app; Owner: estate_owner
--

CREATE INDEX assets_category_idx ON app.assets USING btree (category_code);

--
-- Name: assets_created_by_idx; Type: INDEX; Schema: app; Owner: estate_owner
--

CREATE INDEX assets_created_by_idx ON app.assets USING btree (tenant_id, created_by_user_id);

--
-- Name: assets_search_idx; Type: INDEX; Schema: app; Owner: estate_owner
--

CREATE INDEX assets_search_idx ON app.assets USING gin (search);

--
-- Name: beneficiary_designations_asset_idx; Type: INDEX; Schema: app; Owner: estate_owner
--

CREATE INDEX beneficiary_designations_asset_idx ON app.beneficiary_designations USING btree (tenant_id, asset_id);

--
-- Name: beneficiary_designations_beneficiary_entity_idx; Type: INDEX; Schema: app; Owner: estate_owner
--

CREATE INDEX beneficiary_designations_beneficiary_entity_idx ON app.beneficiary_designations USING btree (tenant_id, beneficiary_entity_id);

--
-- Name: beneficiary_designations_created_by_idx; Type: INDEX; Schema: app; Owner: estate_owner
--

CREATE INDEX beneficiary_designations_created_by_idx ON app.beneficiary_designations USING btree (tenant_id, created_by_user_id);

--
-- Name: beneficiary_designations_entity_idx; Type: INDEX; Schema: app; Owner: estate_owner
--

CREATE INDEX beneficiary_designations_entity_idx ON app.beneficiary_designations USING btree (tenant_id, entity_id);

--
-- Name: beneficiary_designations_estate_idx; Type: INDEX; Schema: app; Owner: estate_owner
--

CREATE INDEX beneficiary_designations_estate_idx ON app.beneficiary_designations USING btree (tenant_id, estate_of_persona_id);

--
-- Name: beneficiary_designations_key; Type: INDEX; Schema: app; Owner: estate_owner
--

CREATE UNIQUE INDEX beneficiary_designations_key ON app.beneficiary_designations USING btree (tenant_id, COALESCE(asset_id, entity_id, estate_of_persona_id), level, beneficiary_kind, COALESCE(beneficiary_persona_id, beneficiary_entity_id, '00000000-0000-0000-0000-000000000000'::uuid));

--
-- Name: beneficiary_designations_persona_idx; Type: INDEX; Schema: app; Owner: estate_owner
--

CREATE INDEX beneficiary_designations_persona_idx ON app.beneficiary_designations USING btree (tenant_id, beneficiary_persona_id);

--
-- Name: consent_records_user_idx; Type: INDEX; Schema: app; Owner: estate_owner
--

CREATE INDEX consent_records_user_idx ON app.consent_records USING btree (tenant_id, user_id, purpose, recorded_at DESC);

--
-- Name: data_subject_request_events_request_idx; Type: INDEX; Schema: app; Owner: estate_owner
--

CREATE INDEX data_subject_request_events_request_idx ON app.data_subject_request_events USING btree (tenant_id, request_id, occurred_at);

--
-- Name: data_subject_requests_status_idx; Type: INDEX; Schema: app; Owner: estate_owner
--

CREATE INDEX data_subject_requests_status_idx ON app.data_subject_requests USING btree (tenant_id, status, due_at);

--
-- Name: data_subject_requests_user_idx; Type: INDEX; Schema: app; Owner: estate_owner
--

CREATE INDEX data_subject_requests_user_idx ON app.data_subject_requests USING btree (tenant_id, user_id, received_at DESC);

--
-- Name: debt_collateral_created_by_idx; Type: INDEX; Schema: app; Owner: estate_owner
--

CREATE INDEX debt_collateral_created_by_idx ON app.debt_collateral USING btree (tenant_id, created_by_user_id);

--
-- Name: debt_collateral_secured_idx; Type: INDEX; Schema: app; Owner: estate_owner
--

CREATE INDEX debt_collateral_secured_idx ON app.debt_collateral USING btree (tenant_id, secured_asset_id);

--
-- Name: entity_interests_created_by_idx; Type: INDEX; Schema: app; Owner: estate_owner
--

CREATE INDEX entity_interests_created_by_idx ON app.entity_interests USING btree (tenant_id, created_by_user_id);

--
-- Name: entity_interests_holder_entity_idx; Type: INDEX; Schema: app; Owner: estate_owner
--

CREATE INDEX entity_interests_holder_entity_idx ON app.entity_interests USING btree (tenant_id, holder_entity_id);

--
-- Name: entity_interests_holder_persona_idx; Type: INDEX; Schema: app; Owner: estate_owner
--

CREATE INDEX entity_interests_holder_persona_idx ON app.entity_interests USING btree (tenant_id, holder_persona_id);

--
-- Name: entity_interests_key; Type: INDEX; Schema: app; Owner: estate_owner
--

CREATE UNIQUE INDEX entity_interests_key ON app.entity_interests USING btree (tenant_id, entity_id, COALESCE(holder_persona_id, holder_entity_id));

--
-- Name: ffc_invitations_accepted_by_idx; Type: INDEX; Schema: app; Owner: estate_owner
--

CREATE INDEX ffc_invitations_accepted_by_idx ON app.ffc_invitations USING btree (tenant_id, accepted_by_user_id);

--
-- Name: ffc_invitations_ffc_idx; Type: INDEX; Schema: app; Owner: estate_owner
--

CREATE INDEX ffc_invitations_ffc_idx ON app.ffc_invitations USING btree (tenant_id, ffc_id);

--
-- Name: ffc_invitations_invited_by_idx; Type: INDEX; Schema: app; Owner: estate_owner
--

CREATE INDEX ffc_invitations_invited_by_idx ON app.ffc_invitations USING btree (tenant_id, invited_by_user_id);

--
-- Name: ffc_memberships_added_by_idx; Type: INDEX; Schema: app; Owner: estate_owner
--

CREATE INDEX ffc_memberships_added_by_idx ON app.ffc_memberships USING btree (tenant_id, added_by_user_id);

--
-- Name: ffc_memberships_persona_idx; Type: INDEX; Schema: app; Owner: estate_owner
--

CREATE INDEX ffc_memberships_persona_idx ON app.ffc_memberships USING btree (tenant_id, persona_id);

--
-- Name: fwd_family_circles_created_by_idx; Type: INDEX; Schema: app; Owner: estate_owner
--

CREATE INDEX fwd_family_circles_created_by_idx ON app.fwd_family_circles USING btree (tenant_id, created_by_user_id);

--
-- Name: general_ledger_one_payment_entry; Type: INDEX; Schema: app; Owner: estate_owner
--

CREATE UNIQUE INDEX general_ledger_one_payment_entry ON app.general_ledger USING btree (tenant_id, payment_transaction_id) WHERE (entry_type = 'payment'::text);

--
-- Name: general_ledger_one_refund_entry; Type: INDEX; Schema: app; Owner: estate_owner
--

CREATE UNIQUE INDEX general_ledger_one_refund_entry ON app.general_ledger USING btree (tenant_id, refund_id);

--
-- Name: general_ledger_payment_idx; Type: INDEX; Schema: app; Owner: estate_owner
--

CREATE INDEX general_ledger_payment_idx ON app.general_ledger USING btree (tenant_id, payment_transaction_id);

--
-- Name: general_ledger_posted_brin; Type: INDEX; Schema: app; Owner: estate_owner
--

CREATE INDEX general_ledger_posted_brin ON app.general_ledger USING brin (posted_at);

--
-- Name: general_ledger_subscription_idx; Type: INDEX; Schema: app; Owner: estate_owner
--

CREATE INDEX general_ledger_subscription_idx ON app.general_ledger USING btree (tenant_id, subscription_id);

--
-- Name: idempotency_keys_expiry_idx; Type: INDEX; Schema: app; Owner: estate_owner
--

CREATE INDEX idempotency_keys_expiry_idx ON app.idempotency_keys USING btree (tenant_id, expires_at);

--
-- Name: invoices_subscription_idx; Type: INDEX; Schema: app; Owner: estate_owner
--

CREATE INDEX invoices_subscription_idx ON app.invoices USING btree (tenant_id, subscription_id, created_at DESC);

--
-- Name: legal_entities_created_by_idx; Type: INDEX; Schema: app; Owner: estate_owner
--

CREATE INDEX legal_entities_created_by_idx ON app.legal_entities USING btree (tenant_id, created_by_user_id);

--
-- Name: legal_entity_roles_persona_idx; Type: INDEX; Schema: app; Owner: estate_owner
--

CREATE INDEX legal_entity_roles_persona_idx ON app.legal_entity_roles USING btree (tenant_id, persona_id);

--
-- Name: password_history_user_idx; Type: INDEX; Schema: app; Owner: estate_owner
--

CREATE INDEX password_history_user_idx ON app.password_history USING btree (tenant_id, user_id, changed_at DESC);

--
-- Name: payment_methods_one_default; Type: INDEX; Schema: app; Owner: estate_owner
--

CREATE UNIQUE INDEX payment_methods_one_default ON app.payment_methods USING btree (tenant_id, user_id) WHERE is_default;

--
-- Name: payment_methods_stripe_key; Type: INDEX; Schema: app; Owner: estate_owner
--

CREATE UNIQUE INDEX payment_methods_stripe_key ON app.payment_methods USING btree (tenant_id, user_id, stripe_payment_method_id) WHERE (status = 'active'::text);

--
-- Name: payment_methods_user_idx; Type: INDEX; Schema: app; Owner: estate_owner
--

CREATE INDEX payment_methods_user_idx ON app.payment_methods USING btree (tenant_id, user_id);

--
-- Name: payment_transactions_invoice_idx; Type: INDEX; Schema: app; Owner: estate_owner
--

CREATE INDEX payment_transactions_invoice_idx ON app.payment_transactions USING btree (tenant_id, stripe_invoice_id);

--
-- Name: payment_transactions_subscription_idx; Type: INDEX; Schema: app; Owner: estate_owner
--

CREATE INDEX payment_transactions_subscription_idx ON app.payment_transactions USING btree (tenant_id, subscription_id, created_at DESC);

--
-- Name: persona_addresses_one_primary; Type: INDEX; Schema: app; Owner: estate_owner
--

CREATE UNIQUE INDEX persona_addresses_one_primary ON app.persona_addresses USING btree (tenant_id, persona_id) WHERE is_primary;

--
-- Name: persona_addresses_persona_idx; Type: INDEX; Schema: app; Owner: estate_owner
--

CREATE INDEX persona_addresses_persona_idx ON app.persona_addresses USING btree (tenant_id, persona_id);

--
-- Name: persona_emails_one_primary; Type: INDEX; Schema: app; Owner: estate_owner
--

CREATE UNIQUE INDEX persona_emails_one_primary ON app.persona_emails USING btree (tenant_id, persona_id) WHERE is_primary;

--
-- Name: persona_emails_persona_email_key; Type: INDEX; Schema: app; Owner: estate_owner
--

CREATE UNIQUE INDEX persona_emails_persona_email_key ON app.persona_emails USING btree (tenant_id, persona_id, lower(email));

--
-- Name: persona_link_invitations_invited_by_idx; Type: INDEX; Schema: app; Owner: estate_owner
--

CREATE INDEX persona_link_invitations_invited_by_idx ON app.persona_link_invitations USING btree (tenant_id, invited_by_user_id);

--
-- Name: persona_link_invitations_invited_idx; Type: INDEX; Schema: app; Owner: estate_owner
--

CREATE INDEX persona_link_invitations_invited_idx ON app.persona_link_invitations USING btree (tenant_id, invited_user_id, status);

--
-- Name: persona_link_invitations_one_pending; Type: INDEX; Schema: app; Owner: estate_owner
--

CREATE UNIQUE INDEX persona_link_invitations_one_pending ON app.persona_link_invitations USING btree (tenant_id, persona_id, invited_user_id) WHERE (status = 'pending'::text);

--
-- Name: persona_link_invitations_persona_idx; Type: INDEX; Schema: app; Owner: estate_owner
--

CREATE INDEX persona_link_invitations_persona_idx ON app.persona_link_invitations USING btree (tenant_id, persona_id);

--
-- Name: persona_phones_one_primary; Type: INDEX; Schema: app; Owner: estate_owner
--

CREATE UNIQUE INDEX persona_phones_one_primary ON app.persona_phones USING btree (tenant_id, persona_id) WHERE is_primary;

--
-- Name: persona_relationships_related_idx; Type: INDEX; Schema: app; Owner: estate_owner
--

CREATE INDEX persona_relationships_related_idx ON app.persona_relationships USING btree (tenant_id, related_persona_id);

--
-- Name: personas_created_by_idx; Type: INDEX; Schema: app; Owner: estate_owner
--

CREATE INDEX personas_created_by_idx ON app.personas USING btree (tenant_id, created_by_user_id);

--
-- Name: security_question_attempts_user_idx; Type: INDEX; Schema: app; Owner: estate_owner
--

CREATE INDEX security_question_attempts_user_idx ON app.security_question_attempts USING btree (tenant_id, user_id, attempted_at DESC);

--
-- Name: stripe_webhook_events_object_idx; Type: INDEX; Schema: app; Owner: estate_owner
--

CREATE INDEX stripe_webhook_events_object_idx ON app.stripe_webhook_events USING btree (tenant_id, object_id, event_created_at);

--
-- Name: stripe_webhook_events_received_brin; Type: INDEX; Schema: app; Owner: estate_owner
--

CREATE INDEX stripe_webhook_events_received_brin ON app.stripe_webhook_events USING brin (received_at);

--
-- Name: subscription_plan_changes_from_idx; Type: INDEX; Schema: app; Owner: estate_owner
--

CREATE INDEX subscription_plan_changes_from_idx ON app.subscription_plan_changes USING btree (from_plan_id);

--
-- Name: subscription_plan_changes_subscription_idx; Type: INDEX; Schema: app; Owner: estate_owner
--

CREATE INDEX subscription_plan_changes_subscription_idx ON app.subscription_plan_changes USING btree (tenant_id, subscription_id, created_at);

--
-- Name: subscription_plan_changes_to_idx; Type: INDEX; Schema: app; Owner: estate_owner
--

CREATE INDEX subscription_plan_changes_to_idx ON app.subscription_plan_changes USING btree (to_plan_id);

--
-- Name: subscription_plan_changes_user_idx; Type: INDEX; Schema: app; Owner: estate_owner
--

CREATE INDEX subscription_plan_changes_user_idx ON app.subscription_plan_changes USING btree (tenant_id, changed_by_user_id);

--
-- Name: subscription_seats_ffc_idx; Type: INDEX; Schema: app; Owner: estate_owner
--

CREATE INDEX subscription_seats_ffc_idx ON app.subscription_seats USING btree (tenant_id, first_ffc_id);

--
-- Name: subscription_seats_one_active; Type: INDEX; Schema: app; Owner: estate_owner
--

CREATE UNIQUE INDEX subscription_seats_one_active ON app.subscription_seats USING btree (tenant_id, subscriber_user_id, persona_id) WHERE (status = 'active'::text);

--
-- Name: subscription_seats_persona_idx; Type: INDEX; Schema: app; Owner: estate_owner
--

CREATE INDEX subscription_seats_persona_idx ON app.subscription_seats USING btree (tenant_id, persona_id);

--
-- Name: subscription_seats_subscriber_idx; Type: INDEX; Schema: app; Owner: estate_owner
--

CREATE INDEX subscription_seats_subscriber_idx ON app.subscription_seats USING btree (tenant_id, subscriber_user_id);

--
-- Name: subscriptions_customer_idx; Type: INDEX; Schema: app; Owner: estate_owner
--

CREATE INDEX subscriptions_customer_idx ON app.subscriptions USING btree (tenant_id, stripe_customer_id);

--
-- Name: subscriptions_one_live_per_user; Type: INDEX; Schema: app; Owner: estate_owner
--

CREATE UNIQUE INDEX subscriptions_one_live_per_user ON app.subscriptions USING btree (tenant_id, user_id) WHERE (ended_at IS NULL);

--
-- Name: subscriptions_pending_plan_idx; Type: INDEX; Schema: app; Owner: estate_owner
--

CREATE INDEX subscriptions_pending_plan_idx ON app.subscriptions USING btree (pending_plan_id);

--
-- Name: subscriptions_plan_idx; Type: INDEX; Schema: app; Owner: estate_owner
--

CREATE INDEX subscriptions_plan_idx ON app.subscriptions USING btree (plan_id);

--
-- Name: subscriptions_user_idx; Type: INDEX; Schema: app; Owner: estate_owner
--

CREATE INDEX subscriptions_user_idx ON app.subscriptions USING btree (tenant_id, user_id);

--
-- Name: support_access_events_request_idx; Type: INDEX; Schema: app; Owner: estate_owner
--

CREATE INDEX support_access_events_request_idx ON app.support_access_events USING btree (tenant_id, access_request_id);

--
-- Name: support_access_events_user_idx; Type: INDEX; Schema: app; Owner: estate_owner
--

CREATE INDEX support_access_events_user_idx ON app.support_access_events USING btree (tenant_id, user_id, occurred_at);

--
-- Name: support_access_requests_user_idx; Type: INDEX; Schema: app; Owner: estate_owner
--

CREATE INDEX support_access_requests_user_idx ON app.support_access_requests USING btree (tenant_id, user_id, requested_at);

--
-- Name: support_staff_provider_idx; Type: INDEX; Schema: app; Owner: estate_owner
--

CREATE INDEX support_staff_provider_idx ON app.support_staff USING btree (provider_id);

--
-- Name: support_unmask_grants_user_idx; Type: INDEX; Schema: app; Owner: estate_owner
--

CREATE INDEX support_unmask_grants_user_idx ON app.support_unmask_grants USING btree (tenant_id, user_id, expires_at);

--
-- Name: tenant_allowed_origins_origin_idx; Type: INDEX; Schema: app; Owner: estate_owner
--

CREATE INDEX tenant_allowed_origins_origin_idx ON app.tenant_allowed_origins USING btree (origin);

--
-- Name: tenant_plan_settings_plan_idx; Type: INDEX; Schema: app; Owner: estate_owner
--

CREATE INDEX tenant_plan_settings_plan_idx ON app.tenant_plan_settings USING btree (plan_id);

--
-- Name: tenant_plan_settings_stripe_price_key; Type: INDEX; Schema: app; Owner: estate_owner
--

CREATE UNIQUE INDEX tenant_plan_settings_stripe_price_key ON app.tenant_plan_settings USING btree (tenant_id, stripe_price_id);

--
-- Name: user_personas_one_self_per_persona; Type: INDEX; Schema: app; Owner: estate_owner
--

CREATE UNIQUE INDEX user_personas_one_self_per_persona ON app.user_personas USING btree (tenant_id, persona_id) WHERE (link_kind = 'self'::text);

--
-- Name: user_personas_one_self_per_user; Type: INDEX; Schema: app; Owner: estate_owner
--

CREATE UNIQUE INDEX user_personas_one_self_per_user ON app.user_personas USING btree (tenant_id, user_id) WHERE (link_kind = 'self'::text);

--
-- Name: user_personas_persona_idx; Type: INDEX; Schema: app; Owner: estate_owner
--

CREATE INDEX user_personas_persona_idx ON app.user_personas USING btree (tenant_id, persona_id);

--
-- Name: user_sessions_started_brin; Type: INDEX; Schema: app; Owner: estate_owner
--

CREATE INDEX user_sessions_started_brin ON app.user_sessions USING brin (started_at);

--
-- Name: users_tenant_verified_email_key; Type: INDEX; Schema: app; Owner: estate_owner
--

CREATE UNIQUE INDEX users_tenant_verified_email_key ON app.users USING btree (tenant_id, lower(email)) WHERE (email_verified_at IS NOT NULL);

--
-- Name: audit_log_occurred_at_brin; Type: INDEX; Schema: audit; Owner: estate_owner
--

CREATE INDEX audit_log_occurred_at_brin ON ONLY audit.audit_log USING brin (occurred_at);

--
-- Name: audit_log_tenant_actor_idx; Type: INDEX; Schema: audit; Owner: estate_owner
--

CREATE INDEX audit_log_tenant_actor_idx ON ONLY audit.audit_log USING btree (tenant_id, actor_id, occurred_at);

--
-- Name: audit_log_tenant_time_idx; Type: INDEX; Schema: audit; Owner: estate_owner
--

CREATE INDEX audit_log_tenant_time_idx ON ONLY audit.audit_log USING btree (tenant_id, occurred_at);

--
-- Name: audit_log_tenant_request_idx; Type: INDEX; Schema: audit; Owner: estate_owner
--

CREATE INDEX audit_log_tenant_request_idx ON ONLY audit.audit_log USING btree (tenant_id, request_id);

--
-- Name: audit_log_tenant_row_idx; Type: INDEX; Schema: audit; Owner: estate_owner
--

CREATE INDEX audit_log_tenant_row_idx ON ONLY audit.audit_log USING btree (tenant_id, row_id, occurred_at);

--
-- Name: audit_log_txid_brin; Type: INDEX; Schema: audit; Owner: estate_owner
--

CREATE INDEX audit_log_txid_brin ON ONLY audit.audit_log USING brin (txid);

--
-- Name: audit_log_default_occurred_at_idx; Type: INDEX; Schema: audit; Owner: estate_owner
--

CREATE INDEX audit_log_default_occurred_at_idx ON audit.audit_log_default USING brin (occurred_at);

--
-- Name: audit_log_default_tenant_id_actor_id_occurred_at_idx; Type: INDEX; Schema: audit; Owner: estate_owner
--

CREATE INDEX audit_log_default_tenant_id_actor_id_occurred_at_idx ON audit.audit_log_default USING btree (tenant_id, actor_id, occurred_at);

--
-- Name: audit_log_default_tenant_id_occurred_at_idx; Type: INDEX; Schema: audit; Owner: estate_owner
--

CREATE INDEX audit_log_default_tenant_id_occurred_at_idx ON audit.audit_log_default USING btree (tenant_id, occurred_at);

--
-- Name: audit_log_default_tenant_id_request_id_idx; Type: INDEX; Schema: audit; Owner: estate_owner
--

CREATE INDEX audit_log_default_tenant_id_request_id_idx ON audit.audit_log_default USING btree (tenant_id, request_id);

--
-- Name: audit_log_default_tenant_id_row_id_occurred_at_idx; Type: INDEX; Schema: audit; Owner: estate_owner
--

CREATE INDEX audit_log_default_tenant_id_row_id_occurred_at_idx ON audit.audit_log_default USING btree (tenant_id, row_id, occurred_at);

--
-- Name: audit_log_default_txid_idx; Type: INDEX; Schema: audit; Owner: estate_owner
--

CREATE INDEX audit_log_default_txid_idx ON audit.audit_log_default USING brin (txid);

--
-- Name: audit_seals_partition_idx; Type: INDEX; Schema: audit; Owner: estate_owner
--

CREATE INDEX audit_seals_partition_idx ON audit.audit_seals USING btree (partition_name, id);

--
-- Name: audit_log_default_occurred_at_idx; Type: INDEX ATTACH; Schema: audit; Owner: estate_owner
--

ALTER INDEX audit.audit_log_occurred_at_brin ATTACH PARTITION audit.audit_log_default_occurred_at_idx;

--
-- Name: audit_log_default_pkey; Type: INDEX ATTACH; Schema: audit; Owner: estate_owner
--

ALTER INDEX audit.audit_log_pkey ATTACH PARTITION audit.audit_log_default_pkey;

--
-- Name: audit_log_default_tenant_id_actor_id_occurred_at_idx; Type: INDEX ATTACH; Schema: audit; Owner: estate_owner
--

ALTER INDEX audit.audit_log_tenant_actor_idx ATTACH PARTITION audit.audit_log_default_tenant_id_actor_id_occurred_at_idx;

--
-- Name: audit_log_default_tenant_id_occurred_at_idx; Type: INDEX ATTACH; Schema: audit; Owner: estate_owner
--

ALTER INDEX audit.audit_log_tenant_time_idx ATTACH PARTITION audit.audit_log_default_tenant_id_occurred_at_idx;

--
-- Name: audit_log_default_tenant_id_request_id_idx; Type: INDEX ATTACH; Schema: audit; Owner: estate_owner
--

ALTER INDEX audit.audit_log_tenant_request_idx ATTACH PARTITION audit.audit_log_default_tenant_id_request_id_idx;

--
-- Name: audit_log_default_tenant_id_row_id_occurred_at_idx; Type: INDEX ATTACH; Schema: audit; Owner: estate_owner
--

ALTER INDEX audit.audit_log_tenant_row_idx ATTACH PARTITION audit.audit_log_default_tenant_id_row_id_occurred_at_idx;

--
-- Name: audit_log_default_txid_idx; Type: INDEX ATTACH; Schema: audit; Owner: estate_owner
--

ALTER INDEX audit.audit_log_txid_brin ATTACH PARTITION audit.audit_log_default_txid_idx;

--
-- Name: asset_ownerships_tenant_persona; Type: STATISTICS; Schema: app; Owner: estate_owner
--

CREATE STATISTICS app.asset_ownerships_tenant_persona (dependencies, mcv) ON tenant_id, persona_id FROM app.asset_ownerships;

ALTER STATISTICS app.asset_ownerships_tenant_persona OWNER TO estate_owner;

--
-- Name: STATISTICS asset_ownerships_tenant_persona; Type: COMMENT; Schema: app; Owner: estate_owner
--

COMMENT ON STATISTICS app.asset_ownerships_tenant_persona IS 'Each persona belongs to one tenant (for the planner).';

--
-- Name: asset_valuations _000_append_only; Type: TRIGGER; Schema: app; Owner: estate_owner
--

CREATE TRIGGER _000_append_only BEFORE UPDATE ON app.asset_valuations FOR EACH STATEMENT EXECUTE FUNCTION app.tg_asset_valuations__append_only();

--
-- Name: consent_records _000_append_only; Type: TRIGGER; Schema: app; Owner: estate_owner
--

CREATE TRIGGER _000_append_only BEFORE DELETE OR UPDATE ON app.consent_records FOR EACH ROW EXECUTE FUNCTION app.tg__append_only();

--
-- Name: data_subject_request_events _000_append_only; Type: TRIGGER; Schema: app; Owner: estate_owner
--

CREATE TRIGGER _000_append_only BEFORE DELETE OR UPDATE ON app.data_subject_request_events FOR EACH ROW EXECUTE FUNCTION app.tg__append_only();

--
-- Name: general_ledger _000_append_only; Type: TRIGGER; Schema: app; Owner: estate_owner
--

CREATE TRIGGER _000_append_only BEFORE DELETE OR UPDATE ON app.general_ledger FOR EACH STATEMENT EXECUTE FUNCTION app.tg_general_ledger__append_only();

--
-- Name: api_keys _100_timestamps; Type: TRIGGER; Schema: app; Owner: estate_owner
--

CREATE TRIGGER _100_timestamps BEFORE UPDATE ON app.api_keys FOR EACH ROW EXECUTE FUNCTION app.tg__set_updated_at();

--
-- Name: asset_ownerships _100_timestamps; Type: TRIGGER; Schema: app; Owner: estate_owner
--

CREATE TRIGGER _100_timestamps BEFORE UPDATE ON app.asset_ownerships FOR EACH ROW EXECUTE FUNCTION app.tg__set_updated_at();

--
-- Name: asset_permissions _100_timestamps; Type: TRIGGER; Schema: app; Owner: estate_owner
--

CREATE TRIGGER _100_timestamps BEFORE UPDATE ON app.asset_permissions FOR EACH ROW EXECUTE FUNCTION app.tg__set_updated_at();

--
-- Name: assets _100_timestamps; Type: TRIGGER; Schema: app; Owner: estate_owner
--

CREATE TRIGGER _100_timestamps BEFORE UPDATE ON app.assets FOR EACH ROW EXECUTE FUNCTION app.tg__set_updated_at();

--
-- Name: audit_retention_policy _100_timestamps; Type: TRIGGER; Schema: app; Owner: estate_owner
--

CREATE TRIGGER _100_timestamps BEFORE UPDATE ON app.audit_retention_policy FOR EACH ROW EXECUTE FUNCTION app.tg__set_updated_at();

--
-- Name: data_subject_requests _100_timestamps; Type: TRIGGER; Schema: app; Owner: estate_owner
--

CREATE TRIGGER _100_timestamps BEFORE UPDATE ON app.data_subject_requests FOR EACH ROW EXECUTE FUNCTION app.tg__set_updated_at();

--
-- Name: debt_collateral _100_timestamps; Type: TRIGGER; Schema: app; Owner: estate_owner
--

CREATE TRIGGER _100_timestamps BEFORE UPDATE ON app.debt_collateral FOR EACH ROW EXECUTE FUNCTION app.tg__set_updated_at();

--
-- Name: entity_interests _100_timestamps; Type: TRIGGER; Schema: app; Owner: estate_owner
--

CREATE TRIGGER _100_timestamps BEFORE UPDATE ON app.entity_interests FOR EACH ROW EXECUTE FUNCTION app.tg__set_updated_at();

--
-- Name: exchange_rates _100_timestamps; Type: TRIGGER; Schema: app; Owner: estate_owner
--

CREATE TRIGGER _100_timestamps BEFORE UPDATE ON app.exchange_rates FOR EACH ROW EXECUTE FUNCTION app.tg__set_updated_at();

--
-- Name: ffc_invitations _100_timestamps; Type: TRIGGER; Schema: app; Owner: estate_owner
--

CREATE TRIGGER _100_timestamps BEFORE UPDATE ON app.ffc_invitations FOR EACH ROW EXECUTE FUNCTION app.tg__set_updated_at();

--
-- Name: ffc_memberships _100_timestamps; Type: TRIGGER; Schema: app; Owner: estate_owner
--

CREATE TRIGGER _100_timestamps BEFORE UPDATE ON app.ffc_memberships FOR EACH ROW EXECUTE FUNCTION app.tg__set_updated_at();

--
-- Name: fwd_family_circles _100_timestamps; Type: TRIGGER; Schema: app; Owner: estate_owner
--

CREATE TRIGGER _100_timestamps BEFORE UPDATE ON app.fwd_family_circles FOR EACH ROW EXECUTE FUNCTION app.tg__set_updated_at();

--
-- Name: idempotency_keys _100_timestamps; Type: TRIGGER; Schema: app; Owner: estate_owner
--

CREATE TRIGGER _100_timestamps BEFORE UPDATE ON app.idempotency_keys FOR EACH ROW EXECUTE FUNCTION app.tg__set_updated_at();

--
-- Name: invoices _100_timestamps; Type: TRIGGER; Schema: app; Owner: estate_owner
--

CREATE TRIGGER _100_timestamps BEFORE UPDATE ON app.invoices FOR EACH ROW EXECUTE FUNCTION app.tg__set_updated_at();

--
-- Name: legal_entities _100_timestamps; Type: TRIGGER; Schema: app; Owner: estate_owner
--

CREATE TRIGGER _100_timestamps BEFORE UPDATE ON app.legal_entities FOR EACH ROW EXECUTE FUNCTION app.tg__set_updated_at();

--
-- Name: mfa_settings _100_timestamps; Type: TRIGGER; Schema: app; Owner: estate_owner
--

CREATE TRIGGER _100_timestamps BEFORE UPDATE ON app.mfa_settings FOR EACH ROW EXECUTE FUNCTION app.tg__set_updated_at();

--
-- Name: payment_methods _100_timestamps; Type: TRIGGER; Schema: app; Owner: estate_owner
--

CREATE TRIGGER _100_timestamps BEFORE UPDATE ON app.payment_methods FOR EACH ROW EXECUTE FUNCTION app.tg__set_updated_at();

--
-- Name: payment_transactions _100_timestamps; Type: TRIGGER; Schema: app; Owner: estate_owner
--

CREATE TRIGGER _100_timestamps BEFORE UPDATE ON app.payment_transactions FOR EACH ROW EXECUTE FUNCTION app.tg__set_updated_at();

--
-- Name: persona_addresses _100_timestamps; Type: TRIGGER; Schema: app; Owner: estate_owner
--

CREATE TRIGGER _100_timestamps BEFORE UPDATE ON app.persona_addresses FOR EACH ROW EXECUTE FUNCTION app.tg__set_updated_at();

--
-- Name: persona_emails _100_timestamps; Type: TRIGGER; Schema: app; Owner: estate_owner
--

CREATE TRIGGER _100_timestamps BEFORE UPDATE ON app.persona_emails FOR EACH ROW EXECUTE FUNCTION app.tg__set_updated_at();

--
-- Name: persona_link_invitations _100_timestamps; Type: TRIGGER; Schema: app; Owner: estate_owner
--

CREATE TRIGGER _100_timestamps BEFORE UPDATE ON app.persona_link_invitations FOR EACH ROW EXECUTE FUNCTION app.tg__set_updated_at();

--
-- Name: persona_phones _100_timestamps; Type: TRIGGER; Schema: app; Owner: estate_owner
--

CREATE TRIGGER _100_timestamps BEFORE UPDATE ON app.persona_phones FOR EACH ROW EXECUTE FUNCTION app.tg__set_updated_at();

--
-- Name: persona_relationships _100_timestamps; Type: TRIGGER; Schema: app; Owner: estate_owner
--

CREATE TRIGGER _100_timestamps BEFORE UPDATE ON app.persona_relationships FOR EACH ROW EXECUTE FUNCTION app.tg__set_updated_at();

--
-- Name: personas _100_timestamps; Type: TRIGGER; Schema: app; Owner: estate_owner
--

CREATE TRIGGER _100_timestamps BEFORE UPDATE ON app.personas FOR EACH ROW EXECUTE FUNCTION app.tg__set_updated_at();

--
-- Name: plan_features _100_timestamps; Type: TRIGGER; Schema: app; Owner: estate_owner
--

CREATE TRIGGER _100_timestamps BEFORE UPDATE ON app.plan_features FOR EACH ROW EXECUTE FUNCTION app.tg__set_updated_at();

--
-- Name: security_question_attempts _100_timestamps; Type: TRIGGER; Schema: app; Owner: estate_owner
--

CREATE TRIGGER _100_timestamps BEFORE UPDATE ON app.security_question_attempts FOR EACH ROW EXECUTE FUNCTION app.tg__set_updated_at();

--
-- Name: security_questions _100_timestamps; Type: TRIGGER; Schema: app; Owner: estate_owner
--

CREATE TRIGGER _100_timestamps BEFORE UPDATE ON app.security_questions FOR EACH ROW EXECUTE FUNCTION app.tg__set_updated_at();

--
-- Name: subscription_plans _100_timestamps; Type: TRIGGER; Schema: app; Owner: estate_owner
--

CREATE TRIGGER _100_timestamps BEFORE UPDATE ON app.subscription_plans FOR EACH ROW EXECUTE FUNCTION app.tg__set_updated_at();

--
-- Name: subscription_seats _100_timestamps; Type: TRIGGER; Schema: app; Owner: estate_owner
--

CREATE TRIGGER _100_timestamps BEFORE UPDATE ON app.subscription_seats FOR EACH ROW EXECUTE FUNCTION app.tg__set_updated_at();

--
-- Name: subscriptions _100_timestamps; Type: TRIGGER; Schema: app; Owner: estate_owner
--

CREATE TRIGGER _100_timestamps BEFORE UPDATE ON app.subscriptions FOR EACH ROW EXECUTE FUNCTION app.tg__set_updated_at();

--
-- Name: support_access_requests _100_timestamps; Type: TRIGGER; Schema: app; Owner: estate_owner
--

CREATE TRIGGER _100_timestamps BEFORE UPDATE ON app.support_access_requests FOR EACH ROW EXECUTE FUNCTION app.tg__set_updated_at();

--
-- Name: support_app_clients _100_timestamps; Type: TRIGGER; Schema: app; Owner: estate_owner
--

CREATE TRIGGER _100_timestamps BEFORE UPDATE ON app.support_app_clients FOR EACH ROW EXECUTE FUNCTION app.tg__set_updated_at();

--
-- Name: support_identity_providers _100_timestamps; Type: TRIGGER; Schema: app; Owner: estate_owner
--

CREATE TRIGGER _100_timestamps BEFORE UPDATE ON app.support_identity_providers FOR EACH ROW EXECUTE FUNCTION app.tg__set_updated_at();

--
-- Name: support_staff _100_timestamps; Type: TRIGGER; Schema: app; Owner: estate_owner
--

CREATE TRIGGER _100_timestamps BEFORE UPDATE ON app.support_staff FOR EACH ROW EXECUTE FUNCTION app.tg__set_updated_at();

--
-- Name: support_unmask_grants _100_timestamps; Type: TRIGGER; Schema: app; Owner: estate_owner
--

CREATE TRIGGER _100_timestamps BEFORE UPDATE ON app.support_unmask_grants FOR EACH ROW EXECUTE FUNCTION app.tg__set_updated_at();

--
-- Name: tenant_allowed_origins _100_timestamps; Type: TRIGGER; Schema: app; Owner: estate_owner
--

CREATE TRIGGER _100_timestamps BEFORE UPDATE ON app.tenant_allowed_origins FOR EACH ROW EXECUTE FUNCTION app.tg__set_updated_at();

--
-- Name: tenant_app_clients _100_timestamps; Type: TRIGGER; Schema: app; Owner: estate_owner
--

CREATE TRIGGER _100_timestamps BEFORE UPDATE ON app.tenant_app_clients FOR EACH ROW EXECUTE FUNCTION app.tg__set_updated_at();

--
-- Name: tenant_identity_providers _100_timestamps; Type: TRIGGER; Schema: app; Owner: estate_owner
--

CREATE TRIGGER _100_timestamps BEFORE UPDATE ON app.tenant_identity_providers FOR EACH ROW EXECUTE FUNCTION app.tg__set_updated_at();

--
-- Name: tenant_plan_settings _100_timestamps; Type: TRIGGER; Schema: app; Owner: estate_owner
--

CREATE TRIGGER _100_timestamps BEFORE UPDATE ON app.tenant_plan_settings FOR EACH ROW EXECUTE FUNCTION app.tg__set_updated_at();

--
-- Name: tenant_security_policies _100_timestamps; Type: TRIGGER; Schema: app; Owner: estate_owner
--

CREATE TRIGGER _100_timestamps BEFORE UPDATE ON app.tenant_security_policies FOR EACH ROW EXECUTE FUNCTION app.tg__set_updated_at();

--
-- Name: tenants _100_timestamps; Type: TRIGGER; Schema: app; Owner: estate_owner
--

CREATE TRIGGER _100_timestamps BEFORE UPDATE ON app.tenants FOR EACH ROW EXECUTE FUNCTION app.tg__set_updated_at();

--
-- Name: usage_records _100_timestamps; Type: TRIGGER; Schema: app; Owner: estate_owner
--

CREATE TRIGGER _100_timestamps BEFORE UPDATE ON app.usage_records FOR EACH ROW EXECUTE FUNCTION app.tg__set_updated_at();

--
-- Name: users _100_timestamps; Type: TRIGGER; Schema: app; Owner: estate_owner
--

CREATE TRIGGER _100_timestamps BEFORE UPDATE ON app.users FOR EACH ROW EXECUTE FUNCTION app.tg__set_updated_at();

--
-- Name: entity_interests _300_checks; Type: TRIGGER; Schema: app; Owner: estate_owner
--

CREATE CONSTRAINT TRIGGER _300_checks AFTER INSERT OR DELETE OR UPDATE ON app.entity_interests DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION app.tg_entity_interests__checks();

--
-- Name: asset_valuations _300_keep_latest; Type: TRIGGER; Schema: app; Owner: estate_owner
--

CREATE TRIGGER _300_keep_latest AFTER INSERT ON app.asset_valuations FOR EACH ROW EXECUTE FUNCTION app.tg_asset_valuations__keep_latest();

--
-- Name: assets _300_latest_valuation_flags; Type: TRIGGER; Schema: app; Owner: estate_owner
--

CREATE TRIGGER _300_latest_valuation_flags AFTER UPDATE OF is_liability, status ON app.assets FOR EACH ROW WHEN (((old.is_liability IS DISTINCT FROM new.is_liability) OR (old.status IS DISTINCT FROM new.status))) EXECUTE FUNCTION app.tg_assets__latest_valuation_flags();

--
-- Name: beneficiary_designations _300_level_total; Type: TRIGGER; Schema: app; Owner: estate_owner
--

CREATE CONSTRAINT TRIGGER _300_level_total AFTER INSERT OR DELETE OR UPDATE ON app.beneficiary_designations DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION app.tg_beneficiary_designations__level_total();

--
-- Name: asset_valuations _300_restore_latest; Type: TRIGGER; Schema: app; Owner: estate_owner
--

CREATE TRIGGER _300_restore_latest AFTER DELETE ON app.asset_valuations REFERENCING OLD TABLE AS deleted FOR EACH STATEMENT EXECUTE FUNCTION app.tg_asset_valuations__restore_latest();

--
-- Name: ffc_memberships _300_seats; Type: TRIGGER; Schema: app; Owner: estate_owner
--

CREATE TRIGGER _300_seats AFTER INSERT OR UPDATE OF status ON app.ffc_memberships FOR EACH ROW EXECUTE FUNCTION app.tg_ffc_memberships__seats();

--
-- Name: assets _300_usage; Type: TRIGGER; Schema: app; Owner: estate_owner
--

CREATE TRIGGER _300_usage AFTER INSERT OR DELETE OR UPDATE ON app.assets FOR EACH ROW EXECUTE FUNCTION app.tg_assets__usage();

--
-- Name: fwd_family_circles _300_usage; Type: TRIGGER; Schema: app; Owner: estate_owner
--

CREATE TRIGGER _300_usage AFTER INSERT ON app.fwd_family_circles FOR EACH ROW EXECUTE FUNCTION app.tg_fwd_family_circles__usage();

--
-- Name: api_keys _500_audit; Type: TRIGGER; Schema: app; Owner: estate_owner
--

CREATE TRIGGER _500_audit AFTER INSERT OR DELETE ON app.api_keys FOR EACH ROW EXECUTE FUNCTION audit.tg_audit__row('secret_sha256');

--
-- Name: asset_bank_accounts _500_audit; Type: TRIGGER; Schema: app; Owner: estate_owner
--

CREATE TRIGGER _500_audit AFTER INSERT OR DELETE OR UPDATE ON app.asset_bank_accounts FOR EACH ROW EXECUTE FUNCTION audit.tg_audit__row();

--
-- Name: asset_businesses _500_audit; Type: TRIGGER; Schema: app; Owner: estate_owner
--

CREATE TRIGGER _500_audit AFTER INSERT OR DELETE OR UPDATE ON app.asset_businesses FOR EACH ROW EXECUTE FUNCTION audit.tg_audit__row('legal_name');

--
-- Name: asset_categories _500_audit; Type: TRIGGER; Schema: app; Owner: estate_owner
--

CREATE TRIGGER _500_audit AFTER INSERT OR DELETE OR UPDATE ON app.asset_categories FOR EACH ROW EXECUTE FUNCTION audit.tg_audit__row();

--
-- Name: asset_collectibles _500_audit; Type: TRIGGER; Schema: app; Owner: estate_owner
--

CREATE TRIGGER _500_audit AFTER INSERT OR DELETE OR UPDATE ON app.asset_collectibles FOR EACH ROW EXECUTE FUNCTION audit.tg_audit__row('creator', 'provenance');

--
-- Name: asset_cryptocurrencies _500_audit; Type: TRIGGER; Schema: app; Owner: estate_owner
--

CREATE TRIGGER _500_audit AFTER INSERT OR DELETE OR UPDATE ON app.asset_cryptocurrencies FOR EACH ROW EXECUTE FUNCTION audit.tg_audit__row('wallet_address');

--
-- Name: asset_debts _500_audit; Type: TRIGGER; Schema: app; Owner: estate_owner
--

CREATE TRIGGER _500_audit AFTER INSERT OR DELETE OR UPDATE ON app.asset_debts FOR EACH ROW EXECUTE FUNCTION audit.tg_audit__row();

--
-- Name: asset_intellectual_property _500_audit; Type: TRIGGER; Schema: app; Owner: estate_owner
--

CREATE TRIGGER _500_audit AFTER INSERT OR DELETE OR UPDATE ON app.asset_intellectual_property FOR EACH ROW EXECUTE FUNCTION audit.tg_audit__row('registration_number');

--
-- Name: asset_investment_accounts _500_audit; Type: TRIGGER; Schema: app; Owner: estate_owner
--

CREATE TRIGGER _500_audit AFTER INSERT OR DELETE OR UPDATE ON app.asset_investment_accounts FOR EACH ROW EXECUTE FUNCTION audit.tg_audit__row();

--
-- Name: asset_life_insurance _500_audit; Type: TRIGGER; Schema: app; Owner: estate_owner
--

CREATE TRIGGER _500_audit AFTER INSERT OR DELETE OR UPDATE ON app.asset_life_insurance FOR EACH ROW EXECUTE FUNCTION audit.tg_audit__row();

--
-- Name: asset_misc _500_audit; Type: TRIGGER; Schema: app; Owner: estate_owner
--

CREATE TRIGGER _500_audit AFTER INSERT OR DELETE OR UPDATE ON app.asset_misc FOR EACH ROW EXECUTE FUNCTION audit.tg_audit__row('notes');

--
-- Name: asset_ownerships _500_audit; Type: TRIGGER; Schema: app; Owner: estate_owner
--

CREATE TRIGGER _500_audit AFTER INSERT OR DELETE OR UPDATE ON app.asset_ownerships FOR EACH ROW EXECUTE FUNCTION audit.tg_audit__row();

--
-- Name: asset_permissions _500_audit; Type: TRIGGER; Schema: app; Owner: estate_owner
--

CREATE TRIGGER _500_audit AFTER INSERT OR DELETE OR UPDATE ON app.asset_permissions FOR EACH ROW EXECUTE FUNCTION audit.tg_audit__row();

--
-- Name: asset_personal_property _500_audit; Type: TRIGGER; Schema: app; Owner: estate_owner
--

CREATE TRIGGER _500_audit AFTER INSERT OR DELETE OR UPDATE ON app.asset_personal_property FOR EACH ROW EXECUTE FUNCTION audit.tg_audit__row('location');

--
-- Name: asset_real_estate _500_audit; Type: TRIGGER; Schema: app; Owner: estate_owner
--

CREATE TRIGGER _500_audit AFTER INSERT OR DELETE OR UPDATE ON app.asset_real_estate FOR EACH ROW EXECUTE FUNCTION audit.tg_audit__row('address_line1', 'postal_code', 'city', 'region');

--
-- Name: asset_retirement_accounts _500_audit; Type: TRIGGER; Schema: app; Owner: estate_owner
--

CREATE TRIGGER _500_audit AFTER INSERT OR DELETE OR UPDATE ON app.asset_retirement_accounts FOR EACH ROW EXECUTE FUNCTION audit.tg_audit__row();

--
-- Name: asset_valuations _500_audit; Type: TRIGGER; Schema: app; Owner: estate_owner
--

CREATE TRIGGER _500_audit AFTER INSERT OR DELETE OR UPDATE ON app.asset_valuations FOR EACH ROW EXECUTE FUNCTION audit.tg_audit__row();

--
-- Name: asset_vehicles _500_audit; Type: TRIGGER; Schema: app; Owner: estate_owner
--

CREATE TRIGGER _500_audit AFTER INSERT OR DELETE OR UPDATE ON app.asset_vehicles FOR EACH ROW EXECUTE FUNCTION audit.tg_audit__row('vin');

--
-- Name: assets _500_audit; Type: TRIGGER; Schema: app; Owner: estate_owner
--

CREATE TRIGGER _500_audit AFTER INSERT OR DELETE OR UPDATE ON app.assets FOR EACH ROW EXECUTE FUNCTION audit.tg_audit__row('identifier_ciphertext', 'identifier_last4', 'name', 'description', 'search');

--
-- Name: audit_retention_policy _500_audit; Type: TRIGGER; Schema: app; Owner: estate_owner
--

CREATE TRIGGER _500_audit AFTER INSERT OR DELETE OR UPDATE ON app.audit_retention_policy FOR EACH ROW EXECUTE FUNCTION audit.tg_audit__row();

--
-- Name: beneficiary_designations _500_audit; Type: TRIGGER; Schema: app; Owner: estate_owner
--

CREATE TRIGGER _500_audit AFTER INSERT OR DELETE OR UPDATE ON app.beneficiary_designations FOR EACH ROW EXECUTE FUNCTION audit.tg_audit__row();

--
-- Name: consent_records _500_audit; Type: TRIGGER; Schema: app; Owner: estate_owner
--

CREATE TRIGGER _500_audit AFTER INSERT OR DELETE OR UPDATE ON app.consent_records FOR EACH ROW EXECUTE FUNCTION audit.tg_audit__row();

--
-- Name: data_subject_request_events _500_audit; Type: TRIGGER; Schema: app; Owner: estate_owner
--

CREATE TRIGGER _500_audit AFTER INSERT OR DELETE OR UPDATE ON app.data_subject_request_events FOR EACH ROW EXECUTE FUNCTION audit.tg_audit__row();

--
-- Name: data_subject_requests _500_audit; Type: TRIGGER; Schema: app; Owner: estate_owner
--

CREATE TRIGGER _500_audit AFTER INSERT OR DELETE OR UPDATE ON app.data_subject_requests FOR EACH ROW EXECUTE FUNCTION audit.tg_audit__row();

--
-- Name: debt_collateral _500_audit; Type: TRIGGER; Schema: app; Owner: estate_owner
--

CREATE TRIGGER _500_audit AFTER INSERT OR DELETE OR UPDATE ON app.debt_collateral FOR EACH ROW EXECUTE FUNCTION audit.tg_audit__row();

--
-- Name: entity_interests _500_audit; Type: TRIGGER; Schema: app; Owner: estate_owner
--

CREATE TRIGGER _500_audit AFTER INSERT OR DELETE OR UPDATE ON app.entity_interests FOR EACH ROW EXECUTE FUNCTION audit.tg_audit__row();

--
-- Name: exchange_rates _500_audit; Type: TRIGGER; Schema: app; Owner: estate_owner
--

CREATE TRIGGER _500_audit AFTER INSERT OR DELETE OR UPDATE ON app.exchange_rates FOR EACH ROW EXECUTE FUNCTION audit.tg_audit__row();

--
-- Name: ffc_invitations _500_audit; Type: TRIGGER; Schema: app; Owner: estate_owner
--

CREATE TRIGGER _500_audit AFTER INSERT OR DELETE OR UPDATE ON app.ffc_invitations FOR EACH ROW EXECUTE FUNCTION audit.tg_audit__row('email', 'token_sha256');

--
-- Name: ffc_memberships _500_audit; Type: TRIGGER; Schema: app; Owner: estate_owner
--

CREATE TRIGGER _500_audit AFTER INSERT OR DELETE OR UPDATE ON app.ffc_memberships FOR EACH ROW EXECUTE FUNCTION audit.tg_audit__row();

--
-- Name: fwd_family_circles _500_audit; Type: TRIGGER; Schema: app; Owner: estate_owner
--

CREATE TRIGGER _500_audit AFTER INSERT OR DELETE OR UPDATE ON app.fwd_family_circles FOR EACH ROW EXECUTE FUNCTION audit.tg_audit__row('name', 'description');

--
-- Name: general_ledger _500_audit; Type: TRIGGER; Schema: app; Owner: estate_owner
--

CREATE TRIGGER _500_audit AFTER INSERT OR DELETE OR UPDATE ON app.general_ledger FOR EACH ROW EXECUTE FUNCTION audit.tg_audit__row();

--
-- Name: idempotency_keys _500_audit; Type: TRIGGER; Schema: app; Owner: estate_owner
--

CREATE TRIGGER _500_audit AFTER INSERT OR DELETE OR UPDATE ON app.idempotency_keys FOR EACH ROW EXECUTE FUNCTION audit.tg_audit__row('response_body');

--
-- Name: invoices _500_audit; Type: TRIGGER; Schema: app; Owner: estate_owner
--

CREATE TRIGGER _500_audit AFTER INSERT OR DELETE OR UPDATE ON app.invoices FOR EACH ROW EXECUTE FUNCTION audit.tg_audit__row('hosted_invoice_url');

--
-- Name: legal_entities _500_audit; Type: TRIGGER; Schema: app; Owner: estate_owner
--

CREATE TRIGGER _500_audit AFTER INSERT OR DELETE OR UPDATE ON app.legal_entities FOR EACH ROW EXECUTE FUNCTION audit.tg_audit__row('name');

--
-- Name: legal_entity_roles _500_audit; Type: TRIGGER; Schema: app; Owner: estate_owner
--

CREATE TRIGGER _500_audit AFTER INSERT OR DELETE OR UPDATE ON app.legal_entity_roles FOR EACH ROW EXECUTE FUNCTION audit.tg_audit__row();

--
-- Name: mfa_settings _500_audit; Type: TRIGGER; Schema: app; Owner: estate_owner
--

CREATE TRIGGER _500_audit AFTER INSERT OR DELETE OR UPDATE ON app.mfa_settings FOR EACH ROW EXECUTE FUNCTION audit.tg_audit__row();

--
-- Name: password_history _500_audit; Type: TRIGGER; Schema: app; Owner: estate_owner
--

CREATE TRIGGER _500_audit AFTER INSERT OR DELETE OR UPDATE ON app.password_history FOR EACH ROW EXECUTE FUNCTION audit.tg_audit__row();

--
-- Name: payment_methods _500_audit; Type: TRIGGER; Schema: app; Owner: estate_owner
--

CREATE TRIGGER _500_audit AFTER INSERT OR DELETE OR UPDATE ON app.payment_methods FOR EACH ROW EXECUTE FUNCTION audit.tg_audit__row('stripe_payment_method_id');

--
-- Name: payment_transactions _500_audit; Type: TRIGGER; Schema: app; Owner: estate_owner
--

CREATE TRIGGER _500_audit AFTER INSERT OR DELETE OR UPDATE ON app.payment_transactions FOR EACH ROW EXECUTE FUNCTION audit.tg_audit__row();

--
-- Name: persona_addresses _500_audit; Type: TRIGGER; Schema: app; Owner: estate_owner
--

CREATE TRIGGER _500_audit AFTER INSERT OR DELETE OR UPDATE ON app.persona_addresses FOR EACH ROW EXECUTE FUNCTION audit.tg_audit__row('line1', 'line2', 'city', 'region', 'postal_code');

--
-- Name: persona_emails _500_audit; Type: TRIGGER; Schema: app; Owner: estate_owner
--

CREATE TRIGGER _500_audit AFTER INSERT OR DELETE OR UPDATE ON app.persona_emails FOR EACH ROW EXECUTE FUNCTION audit.tg_audit__row('email');

--
-- Name: persona_link_invitations _500_audit; Type: TRIGGER; Schema: app; Owner: estate_owner
--

CREATE TRIGGER _500_audit AFTER INSERT OR DELETE OR UPDATE ON app.persona_link_invitations FOR EACH ROW EXECUTE FUNCTION audit.tg_audit__row();

--
-- Name: persona_phones _500_audit; Type: TRIGGER; Schema: app; Owner: estate_owner
--

CREATE TRIGGER _500_audit AFTER INSERT OR DELETE OR UPDATE ON app.persona_phones FOR EACH ROW EXECUTE FUNCTION audit.tg_audit__row('phone_number');

--
-- Name: persona_relationships _500_audit; Type: TRIGGER; Schema: app; Owner: estate_owner
--

CREATE TRIGGER _500_audit AFTER INSERT OR DELETE OR UPDATE ON app.persona_relationships FOR EACH ROW EXECUTE FUNCTION audit.tg_audit__row();

--
-- Name: personas _500_audit; Type: TRIGGER; Schema: app; Owner: estate_owner
--

CREATE TRIGGER _500_audit AFTER INSERT OR DELETE OR UPDATE ON app.personas FOR EACH ROW EXECUTE FUNCTION audit.tg_audit__row('first_name', 'middle_name', 'last_name', 'preferred_name', 'date_of_birth', 'date_of_death');

--
-- Name: plan_features _500_audit; Type: TRIGGER; Schema: app; Owner: estate_owner
--

CREATE TRIGGER _500_audit AFTER INSERT OR DELETE OR UPDATE ON app.plan_features FOR EACH ROW EXECUTE FUNCTION audit.tg_audit__row();

--
-- Name: refunds _500_audit; Type: TRIGGER; Schema: app; Owner: estate_owner
--

CREATE TRIGGER _500_audit AFTER INSERT OR DELETE OR UPDATE ON app.refunds FOR EACH ROW EXECUTE FUNCTION audit.tg_audit__row();

--
-- Name: security_question_attempts _500_audit; Type: TRIGGER; Schema: app; Owner: estate_owner
--

CREATE TRIGGER _500_audit AFTER INSERT OR DELETE OR UPDATE ON app.security_question_attempts FOR EACH ROW EXECUTE FUNCTION audit.tg_audit__row();

--
-- Name: security_questions _500_audit; Type: TRIGGER; Schema: app; Owner: estate_owner
--

CREATE TRIGGER _500_audit AFTER INSERT OR DELETE OR UPDATE ON app.security_questions FOR EACH ROW EXECUTE FUNCTION audit.tg_audit__row('answer_hash');

--
-- Name: stripe_routes _500_audit; Type: TRIGGER; Schema: app; Owner: estate_owner
--

CREATE TRIGGER _500_audit AFTER INSERT OR DELETE OR UPDATE ON app.stripe_routes FOR EACH ROW EXECUTE FUNCTION audit.tg_audit__row('routing_key');

--
-- Name: stripe_webhook_events _500_audit; Type: TRIGGER; Schema: app; Owner: estate_owner
--

CREATE TRIGGER _500_audit AFTER INSERT OR DELETE OR UPDATE ON app.stripe_webhook_events FOR EACH ROW EXECUTE FUNCTION audit.tg_audit__row('payload');

--
-- Name: subscription_plan_changes _500_audit; Type: TRIGGER; Schema: app; Owner: estate_owner
--

CREATE TRIGGER _500_audit AFTER INSERT OR DELETE OR UPDATE ON app.subscription_plan_changes FOR EACH ROW EXECUTE FUNCTION audit.tg_audit__row();

--
-- Name: subscription_plans _500_audit; Type: TRIGGER; Schema: app; Owner: estate_owner
--

CREATE TRIGGER _500_audit AFTER INSERT OR DELETE OR UPDATE ON app.subscription_plans FOR EACH ROW EXECUTE FUNCTION audit.tg_audit__row();

--
-- Name: subscription_seats _500_audit; Type: TRIGGER; Schema: app; Owner: estate_owner
--

CREATE TRIGGER _500_audit AFTER INSERT OR DELETE OR UPDATE ON app.subscription_seats FOR EACH ROW EXECUTE FUNCTION audit.tg_audit__row();

--
-- Name: subscriptions _500_audit; Type: TRIGGER; Schema: app; Owner: estate_owner
--

CREATE TRIGGER _500_audit AFTER INSERT OR DELETE OR UPDATE ON app.subscriptions FOR EACH ROW EXECUTE FUNCTION audit.tg_audit__row('stripe_customer_id');

--
-- Name: support_access_events _500_audit; Type: TRIGGER; Schema: app; Owner: estate_owner
--

CREATE TRIGGER _500_audit AFTER INSERT OR DELETE OR UPDATE ON app.support_access_events FOR EACH ROW EXECUTE FUNCTION audit.tg_audit__row();

--
-- Name: support_access_requests _500_audit; Type: TRIGGER; Schema: app; Owner: estate_owner
--

CREATE TRIGGER _500_audit AFTER INSERT OR DELETE OR UPDATE ON app.support_access_requests FOR EACH ROW EXECUTE FUNCTION audit.tg_audit__row();

--
-- Name: support_app_clients _500_audit; Type: TRIGGER; Schema: app; Owner: estate_owner
--

CREATE TRIGGER _500_audit AFTER INSERT OR DELETE OR UPDATE ON app.support_app_clients FOR EACH ROW EXECUTE FUNCTION audit.tg_audit__row();

--
-- Name: support_identity_providers _500_audit; Type: TRIGGER; Schema: app; Owner: estate_owner
--

CREATE TRIGGER _500_audit AFTER INSERT OR DELETE OR UPDATE ON app.support_identity_providers FOR EACH ROW EXECUTE FUNCTION audit.tg_audit__row();

--
-- Name: support_staff _500_audit; Type: TRIGGER; Schema: app; Owner: estate_owner
--

CREATE TRIGGER _500_audit AFTER INSERT OR DELETE OR UPDATE ON app.support_staff FOR EACH ROW EXECUTE FUNCTION audit.tg_audit__row();

--
-- Name: support_unmask_grants _500_audit; Type: TRIGGER; Schema: app; Owner: estate_owner
--

CREATE TRIGGER _500_audit AFTER INSERT OR DELETE OR UPDATE ON app.support_unmask_grants FOR EACH ROW EXECUTE FUNCTION audit.tg_audit__row();

--
-- Name: tenant_allowed_origins _500_audit; Type: TRIGGER; Schema: app; Owner: estate_owner
--

CREATE TRIGGER _500_audit AFTER INSERT OR DELETE OR UPDATE ON app.tenant_allowed_origins FOR EACH ROW EXECUTE FUNCTION audit.tg_audit__row();

--
-- Name: tenant_app_clients _500_audit; Type: TRIGGER; Schema: app; Owner: estate_owner
--

CREATE TRIGGER _500_audit AFTER INSERT OR DELETE OR UPDATE ON app.tenant_app_clients FOR EACH ROW EXECUTE FUNCTION audit.tg_audit__row();

--
-- Name: tenant_identity_providers _500_audit; Type: TRIGGER; Schema: app; Owner: estate_owner
--

CREATE TRIGGER _500_audit AFTER INSERT OR DELETE OR UPDATE ON app.tenant_identity_providers FOR EACH ROW EXECUTE FUNCTION audit.tg_audit__row();

--
-- Name: tenant_plan_settings _500_audit; Type: TRIGGER; Schema: app; Owner: estate_owner
--

CREATE TRIGGER _500_audit AFTER INSERT OR DELETE OR UPDATE ON app.tenant_plan_settings FOR EACH ROW EXECUTE FUNCTION audit.tg_audit__row();

--
-- Name: tenant_security_policies _500_audit; Type: TRIGGER; Schema: app; Owner: estate_owner
--

CREATE TRIGGER _500_audit AFTER INSERT OR DELETE OR UPDATE ON app.tenant_security_policies FOR EACH ROW EXECUTE FUNCTION audit.tg_audit__row();

--
-- Name: tenants _500_audit; Type: TRIGGER; Schema: app; Owner: estate_owner
--

CREATE TRIGGER _500_audit AFTER INSERT OR DELETE OR UPDATE ON app.tenants FOR EACH ROW EXECUTE FUNCTION audit.tg_audit__row();

--
-- Name: usage_records _500_audit; Type: TRIGGER; Schema: app; Owner: estate_owner
--

CREATE TRIGGER _500_audit AFTER INSERT OR DELETE OR UPDATE ON app.usage_records FOR EACH ROW EXECUTE FUNCTION audit.tg_audit__row();

--
-- Name: user_personas _500_audit; Type: TRIGGER; Schema: app; Owner: estate_owner
--

CREATE TRIGGER _500_audit AFTER INSERT OR DELETE OR UPDATE ON app.user_personas FOR EACH ROW EXECUTE FUNCTION audit.tg_audit__row();

--
-- Name: user_sessions _500_audit; Type: TRIGGER; Schema: app; Owner: estate_owner
--

CREATE TRIGGER _500_audit AFTER INSERT OR DELETE OR UPDATE ON app.user_sessions FOR EACH ROW EXECUTE FUNCTION audit.tg_audit__row('ip_address', 'user_agent');

--
-- Name: users _500_audit; Type: TRIGGER; Schema: app; Owner: estate_owner
--

CREATE TRIGGER _500_audit AFTER INSERT OR DELETE OR UPDATE ON app.users FOR EACH ROW EXECUTE FUNCTION audit.tg_audit__row('email', 'cognito_sub');

--
-- Name: api_keys _500_audit_update; Type: TRIGGER; Schema: app; Owner: estate_owner
--

CREATE TRIGGER _500_audit_update AFTER UPDATE ON app.api_keys FOR EACH ROW WHEN ((NOT (old.last_used_at IS DISTINCT FROM new.last_used_at))) EXECUTE FUNCTION audit.tg_audit__row('secret_sha256');

--
-- Name: audit_chain_links _000_append_only; Type: TRIGGER; Schema: audit; Owner: estate_owner
--

CREATE TRIGGER _000_append_only BEFORE DELETE OR UPDATE ON audit.audit_chain_links FOR EACH ROW EXECUTE FUNCTION audit.tg_audit_chain__append_only();

--
-- Name: audit_log _000_append_only; Type: TRIGGER; Schema: audit; Owner: estate_owner
--

CREATE TRIGGER _000_append_only BEFORE DELETE OR UPDATE ON audit.audit_log FOR EACH ROW EXECUTE FUNCTION audit.tg_audit_log__append_only();

--
-- Name: audit_seals _000_append_only; Type: TRIGGER; Schema: audit; Owner: estate_owner
--

CREATE TRIGGER _000_append_only BEFORE DELETE OR UPDATE ON audit.audit_seals FOR EACH ROW EXECUTE FUNCTION audit.tg_audit_chain__append_only();

--
-- Name: audit_log _000_append_only_statement; Type: TRIGGER; Schema: audit; Owner: estate_owner
--

CREATE TRIGGER _000_append_only_statement BEFORE DELETE OR UPDATE ON audit.audit_log FOR EACH STATEMENT EXECUTE FUNCTION audit.tg_audit_log__append_only();

--
-- Name: audit_chain_links _000_no_truncate; Type: TRIGGER; Schema: audit; Owner: estate_owner
--

CREATE TRIGGER _000_no_truncate BEFORE TRUNCATE ON audit.audit_chain_links FOR EACH STATEMENT EXECUTE FUNCTION audit.tg_audit_log__append_only();

--
-- Name: audit_log _000_no_truncate; Type: TRIGGER; Schema: audit; Owner: estate_owner
--

CREATE TRIGGER _000_no_truncate BEFORE TRUNCATE ON audit.audit_log FOR EACH STATEMENT EXECUTE FUNCTION audit.tg_audit_log__append_only();

--
-- Name: audit_log_default _000_no_truncate; Type: TRIGGER; Schema: audit; Owner: estate_owner
--

CREATE TRIGGER _000_no_truncate BEFORE TRUNCATE ON audit.audit_log_default FOR EACH STATEMENT EXECUTE FUNCTION audit.tg_audit_log__append_only();

--
-- Name: audit_seals _000_no_truncate; Type: TRIGGER; Schema: audit; Owner: estate_owner
--

CREATE TRIGGER _000_no_truncate BEFORE TRUNCATE ON audit.audit_seals FOR EACH STATEMENT EXECUTE FUNCTION audit.tg_audit_log__append_only();

--
-- Name: api_keys api_keys_tenant_id_fkey; Type: FK CONSTRAINT; Schema: app; Owner: estate_owner
--

ALTER TABLE ONLY app.api_keys
    ADD CONSTRAINT api_keys_tenant_id_fkey FOREIGN KEY (tenant_id) REFERENCES app.tenants(tenant_id);

--
-- Name: api_keys api_keys_tenant_id_user_id_fkey; Type: FK CONSTRAINT; Schema: app; Owner: estate_owner
--

ALTER TABLE ONLY app.api_keys
    ADD CONSTRAINT api_keys_tenant_id_user_id_fkey FOREIGN KEY (tenant_id, user_id) REFERENCES app.users(tenant_id, id);

--
-- Name: asset_bank_accounts asset_bank_accounts_tenant_id_id_fkey; Type: FK CONSTRAINT; Schema: app; Owner: estate_owner
--

ALTER TABLE ONLY app.asset_bank_accounts
    ADD CONSTRAINT asset_bank_accounts_tenant_id_id_fkey FOREIGN KEY (tenant_id, id) REFERENCES app.assets(tenant_id, id) ON DELETE CASCADE;

--
-- Name: asset_businesses asset_businesses_tenant_id_id_fkey; Type: FK CONSTRAINT; Schema: app; Owner: estate_owner
--

ALTER TABLE ONLY app.asset_businesses
    ADD CONSTRAINT asset_businesses_tenant_id_id_fkey FOREIGN KEY (tenant_id, id) REFERENCES app.assets(tenant_id, id) ON DELETE CASCADE;

--
-- Name: asset_collectibles asset_collectibles_tenant_id_id_fkey; Type: FK CONSTRAINT; Schema: app; Owner: estate_owner
--

ALTER TABLE ONLY app.asset_collectibles
    ADD CONSTRAINT asset_collectibles_tenant_id_id_fkey FOREIGN KEY (tenant_id, id) REFERENCES app.assets(tenant_id, id) ON DELETE CASCADE;

--
-- Name: asset_cryptocurrencies asset_cryptocurrencies_tenant_id_id_fkey; Type: FK CONSTRAINT; Schema: app; Owner: estate_owner
--

ALTER TABLE ONLY app.asset_cryptocurrencies
    ADD CONSTRAINT asset_cryptocurrencies_tenant_id_id_fkey FOREIGN KEY (tenant_id, id) REFERENCES app.assets(tenant_id, id) ON DELETE CASCADE;

--
-- Name: asset_debts asset_debts_tenant_id_id_fkey; Type: FK CONSTRAINT; Schema: app; Owner: estate_owner
--

ALTER TABLE ONLY app.asset_debts
    ADD CONSTRAINT asset_debts_tenant_id_id_fkey FOREIGN KEY (tenant_id, id) REFERENCES app.assets(tenant_id, id) ON DELETE CASCADE;

--
-- Name: asset_intellectual_property asset_intellectual_property_tenant_id_id_fkey; Type: FK CONSTRAINT; Schema: app; Owner: estate_owner
--

ALTER TABLE ONLY app.asset_intellectual_property
    ADD CONSTRAINT asset_intellectual_property_tenant_id_id_fkey FOREIGN KEY (tenant_id, id) REFERENCES app.assets(tenant_id, id) ON DELETE CASCADE;

--
-- Name: asset_investment_accounts asset_investment_accounts_tenant_id_id_fkey; Type: FK CONSTRAINT; Schema: app; Owner: estate_owner
--

ALTER TABLE ONLY app.asset_investment_accounts
    ADD CONSTRAINT asset_investment_accounts_tenant_id_id_fkey FOREIGN KEY (tenant_id, id) REFERENCES app.assets(tenant_id, id) ON DELETE CASCADE;

--
-- Name: asset_latest_valuations asset_latest_valuations_tenant_id_asset_id_fkey; Type: FK CONSTRAINT; Schema: app; Owner: estate_owner
--

ALTER TABLE ONLY app.asset_latest_valuations
    ADD CONSTRAINT asset_latest_valuations_tenant_id_asset_id_fkey FOREIGN KEY (tenant_id, asset_id) REFERENCES app.assets(tenant_id, id) ON DELETE CASCADE;

--
-- Name: asset_latest_valuations asset_latest_valuations_tenant_id_id_fkey; Type: FK CONSTRAINT; Schema: app; Owner: estate_owner
--

ALTER TABLE ONLY app.asset_latest_valuations
    ADD CONSTRAINT asset_latest_valuations_tenant_id_id_fkey FOREIGN KEY (tenant_id, id) REFERENCES app.asset_valuations(tenant_id, id) ON DELETE CASCADE;

--
-- Name: asset_life_insurance asset_life_insurance_tenant_id_id_fkey; Type: FK CONSTRAINT; Schema: app; Owner: estate_owner
--

ALTER TABLE ONLY app.asset_life_insurance
    ADD CONSTRAINT asset_life_insurance_tenant_id_id_fkey FOREIGN KEY (tenant_id, id) REFERENCES app.assets(tenant_id, id) ON DELETE CASCADE;

--
-- Name: asset_life_insurance asset_life_insurance_tenant_id_insured_persona_id_fkey; Type: FK CONSTRAINT; Schema: app; Owner: estate_owner
--

ALTER TABLE ONLY app.asset_life_insurance
    ADD CONSTRAINT asset_life_insurance_tenant_id_insured_persona_id_fkey FOREIGN KEY (tenant_id, insured_persona_id) REFERENCES app.personas(tenant_id, id);

--
-- Name: asset_misc asset_misc_tenant_id_id_fkey; Type: FK CONSTRAINT; Schema: app; Owner: estate_owner
--

ALTER TABLE ONLY app.asset_misc
    ADD CONSTRAINT asset_misc_tenant_id_id_fkey FOREIGN KEY (tenant_id, id) REFERENCES app.assets(tenant_id, id) ON DELETE CASCADE;

--
-- Name: asset_ownerships asset_ownerships_entity_fkey; Type: FK CONSTRAINT; Schema: app; Owner: estate_owner
--

ALTER TABLE ONLY app.asset_ownerships
    ADD CONSTRAINT asset_ownerships_entity_fkey FOREIGN KEY (tenant_id, entity_id) REFERENCES app.legal_entities(tenant_id, id);

--
-- Name: asset_ownerships asset_ownerships_tenant_id_asset_id_fkey; Type: FK CONSTRAINT; Schema: app; Owner: estate_owner
--

ALTER TABLE ONLY app.asset_ownerships
    ADD CONSTRAINT asset_ownerships_tenant_id_asset_id_fkey FOREIGN KEY (tenant_id, asset_id) REFERENCES app.assets(tenant_id, id) ON DELETE CASCADE;

--
-- Name: asset_ownerships asset_ownerships_tenant_id_persona_id_fkey; Type: FK CONSTRAINT; Schema: app; Owner: estate_owner
--

ALTER TABLE ONLY app.asset_ownerships
    ADD CONSTRAINT asset_ownerships_tenant_id_persona_id_fkey FOREIGN KEY (tenant_id, persona_id) REFERENCES app.personas(tenant_id, id);

--
-- Name: asset_permissions asset_permissions_tenant_id_asset_id_fkey; Type: FK CONSTRAINT; Schema: app; Owner: estate_owner
--

ALTER TABLE ONLY app.asset_permissions
    ADD CONSTRAINT asset_permissions_tenant_id_asset_id_fkey FOREIGN KEY (tenant_id, asset_id) REFERENCES app.assets(tenant_id, id) ON DELETE CASCADE;

--
-- Name: asset_permissions asset_permissions_tenant_id_granted_by_user_id_fkey; Type: FK CONSTRAINT; Schema: app; Owner: estate_owner
--

ALTER TABLE ONLY app.asset_permissions
    ADD CONSTRAINT asset_permissions_tenant_id_granted_by_user_id_fkey FOREIGN KEY (tenant_id, granted_by_user_id) REFERENCES app.users(tenant_id, id);

--
-- Name: asset_permissions asset_permissions_tenant_id_grantee_ffc_id_fkey; Type: FK CONSTRAINT; Schema: app; Owner: estate_owner
--

ALTER TABLE ONLY app.asset_permissions
    ADD CONSTRAINT asset_permissions_tenant_id_grantee_ffc_id_fkey FOREIGN KEY (tenant_id, grantee_ffc_id) REFERENCES app.fwd_family_circles(tenant_id, id);

--
-- Name: asset_permissions asset_permissions_tenant_id_grantee_persona_id_fkey; Type: FK CONSTRAINT; Schema: app; Owner: estate_owner
--

ALTER TABLE ONLY app.asset_permissions
    ADD CONSTRAINT asset_permissions_tenant_id_grantee_persona_id_fkey FOREIGN KEY (tenant_id, grantee_persona_id) REFERENCES app.personas(tenant_id, id);

--
-- Name: asset_personal_property asset_personal_property_tenant_id_id_fkey; Type: FK CONSTRAINT; Schema: app; Owner: estate_owner
--

ALTER TABLE ONLY app.asset_personal_property
    ADD CONSTRAINT asset_personal_property_tenant_id_id_fkey FOREIGN KEY (tenant_id, id) REFERENCES app.assets(tenant_id, id) ON DELETE CASCADE;

--
-- Name: asset_real_estate asset_real_estate_tenant_id_id_fkey; Type: FK CONSTRAINT; Schema: app; Owner: estate_owner
--

ALTER TABLE ONLY app.asset_real_estate
    ADD CONSTRAINT asset_real_estate_tenant_id_id_fkey FOREIGN KEY (tenant_id, id) REFERENCES app.assets(tenant_id, id) ON DELETE CASCADE;

--
-- Name: asset_retirement_accounts asset_retirement_accounts_tenant_id_id_fkey; Type: FK CONSTRAINT; Schema: app; Owner: estate_owner
--

ALTER TABLE ONLY app.asset_retirement_accounts
    ADD CONSTRAINT asset_retirement_accounts_tenant_id_id_fkey FOREIGN KEY (tenant_id, id) REFERENCES app.assets(tenant_id, id) ON DELETE CASCADE;

--
-- Name: asset_valuations asset_valuations_tenant_id_asset_id_fkey; Type: FK CONSTRAINT; Schema: app; Owner: estate_owner
--

ALTER TABLE ONLY app.asset_valuations
    ADD CONSTRAINT asset_valuations_tenant_id_asset_id_fkey FOREIGN KEY (tenant_id, asset_id) REFERENCES app.assets(tenant_id, id) ON DELETE CASCADE;

--
-- Name: asset_valuations asset_valuations_tenant_id_recorded_by_user_id_fkey; Type: FK CONSTRAINT; Schema: app; Owner: estate_owner
--

ALTER TABLE ONLY app.asset_valuations
    ADD CONSTRAINT asset_valuations_tenant_id_recorded_by_user_id_fkey FOREIGN KEY (tenant_id, recorded_by_user_id) REFERENCES app.users(tenant_id, id);

--
-- Name: asset_vehicles asset_vehicles_tenant_id_id_fkey; Type: FK CONSTRAINT; Schema: app; Owner: estate_owner
--

ALTER TABLE ONLY app.asset_vehicles
    ADD CONSTRAINT asset_vehicles_tenant_id_id_fkey FOREIGN KEY (tenant_id, id) REFERENCES app.assets(tenant_id, id) ON DELETE CASCADE;

--
-- Name: assets assets_category_code_fkey; Type: FK CONSTRAINT; Schema: app; Owner: estate_owner
--

ALTER TABLE ONLY app.assets
    ADD CONSTRAINT assets_category_code_fkey FOREIGN KEY (category_code) REFERENCES app.asset_categories(code);

--
-- Name: assets assets_tenant_id_created_by_user_id_fkey; Type: FK CONSTRAINT; Schema: app; Owner: estate_owner
--

ALTER TABLE ONLY app.assets
    ADD CONSTRAINT assets_tenant_id_created_by_user_id_fkey FOREIGN KEY (tenant_id, created_by_user_id) REFERENCES app.users(tenant_id, id);

--
-- Name: assets assets_tenant_id_fkey; Type: FK CONSTRAINT; Schema: app; Owner: estate_owner
--

ALTER TABLE ONLY app.assets
    ADD CONSTRAINT assets_tenant_id_fkey FOREIGN KEY (tenant_id) REFERENCES app.tenants(tenant_id);

--
-- Name: beneficiary_designations beneficiary_designations_tenant_id_asset_id_fkey; Type: FK CONSTRAINT; Schema: app; Owner: estate_owner
--

ALTER TABLE ONLY app.beneficiary_designations
    ADD CONSTRAINT beneficiary_designations_tenant_id_asset_id_fkey FOREIGN KEY (tenant_id, asset_id) REFERENCES app.assets(tenant_id, id) ON DELETE CASCADE;

--
-- Name: beneficiary_designations beneficiary_designations_tenant_id_beneficiary_entity_id_fkey; Type: FK CONSTRAINT; Schema: app; Owner: estate_owner
--

ALTER TABLE ONLY app.beneficiary_designations
    ADD CONSTRAINT beneficiary_designations_tenant_id_beneficiary_entity_id_fkey FOREIGN KEY (tenant_id, beneficiary_entity_id) REFERENCES app.legal_entities(tenant_id, id);

--
-- Name: beneficiary_designations beneficiary_designations_tenant_id_beneficiary_persona_id_fkey; Type: FK CONSTRAINT; Schema: app; Owner: estate_owner
--

ALTER TABLE ONLY app.beneficiary_designations
    ADD CONSTRAINT beneficiary_designations_tenant_id_beneficiary_persona_id_fkey FOREIGN KEY (tenant_id, beneficiary_persona_id) REFERENCES app.personas(tenant_id, id);

--
-- Name: beneficiary_designations beneficiary_designations_tenant_id_created_by_user_id_fkey; Type: FK CONSTRAINT; Schema: app; Owner: estate_owner
--

ALTER TABLE ONLY app.beneficiary_designations
    ADD CONSTRAINT beneficiary_designations_tenant_id_created_by_user_id_fkey FOREIGN KEY (tenant_id, created_by_user_id) REFERENCES app.users(tenant_id, id);

--
-- Name: beneficiary_designations beneficiary_designations_tenant_id_entity_id_fkey; Type: FK CONSTRAINT; Schema: app; Owner: estate_owner
--

ALTER TABLE ONLY app.beneficiary_designations
    ADD CONSTRAINT beneficiary_designations_tenant_id_entity_id_fkey FOREIGN KEY (tenant_id, entity_id) REFERENCES app.legal_entities(tenant_id, id) ON DELETE CASCADE;

--
-- Name: beneficiary_designations beneficiary_designations_tenant_id_estate_of_persona_id_fkey; Type: FK CONSTRAINT; Schema: app; Owner: estate_owner
--

ALTER TABLE ONLY app.beneficiary_designations
    ADD CONSTRAINT beneficiary_designations_tenant_id_estate_of_persona_id_fkey FOREIGN KEY (tenant_id, estate_of_persona_id) REFERENCES app.personas(tenant_id, id);

--
-- Name: consent_records consent_records_tenant_id_user_id_fkey; Type: FK CONSTRAINT; Schema: app; Owner: estate_owner
--

ALTER TABLE ONLY app.consent_records
    ADD CONSTRAINT consent_records_tenant_id_user_id_fkey FOREIGN KEY (tenant_id, user_id) REFERENCES app.users(tenant_id, id);

--
-- Name: data_subject_request_events data_subject_request_events_tenant_id_request_id_fkey; Type: FK CONSTRAINT; Schema: app; Owner: estate_owner
--

ALTER TABLE ONLY app.data_subject_request_events
    ADD CONSTRAINT data_subject_request_events_tenant_id_request_id_fkey FOREIGN KEY (tenant_id, request_id) REFERENCES app.data_subject_requests(tenant_id, id);

--
-- Name: data_subject_requests data_subject_requests_tenant_id_user_id_fkey; Type: FK CONSTRAINT; Schema: app; Owner: estate_owner
--

ALTER TABLE ONLY app.data_subject_requests
    ADD CONSTRAINT data_subject_requests_tenant_id_user_id_fkey FOREIGN KEY (tenant_id, user_id) REFERENCES app.users(tenant_id, id);

--
-- Name: debt_collateral debt_collateral_tenant_id_created_by_user_id_fkey; Type: FK CONSTRAINT; Schema: app; Owner: estate_owner
--

ALTER TABLE ONLY app.debt_collateral
    ADD CONSTRAINT debt_collateral_tenant_id_created_by_user_id_fkey FOREIGN KEY (tenant_id, created_by_user_id) REFERENCES app.users(tenant_id, id);

--
-- Name: debt_collateral debt_collateral_tenant_id_debt_asset_id_fkey; Type: FK CONSTRAINT; Schema: app; Owner: estate_owner
--

ALTER TABLE ONLY app.debt_collateral
    ADD CONSTRAINT debt_collateral_tenant_id_debt_asset_id_fkey FOREIGN KEY (tenant_id, debt_asset_id) REFERENCES app.assets(tenant_id, id) ON DELETE CASCADE;

--
-- Name: debt_collateral debt_collateral_tenant_id_secured_asset_id_fkey; Type: FK CONSTRAINT; Schema: app; Owner: estate_owner
--

ALTER TABLE ONLY app.debt_collateral
    ADD CONSTRAINT debt_collateral_tenant_id_secured_asset_id_fkey FOREIGN KEY (tenant_id, secured_asset_id) REFERENCES app.assets(tenant_id, id) ON DELETE CASCADE;

--
-- Name: entity_interests entity_interests_tenant_id_created_by_user_id_fkey; Type: FK CONSTRAINT; Schema: app; Owner: estate_owner
--

ALTER TABLE ONLY app.entity_interests
    ADD CONSTRAINT entity_interests_tenant_id_created_by_user_id_fkey FOREIGN KEY (tenant_id, created_by_user_id) REFERENCES app.users(tenant_id, id);

--
-- Name: entity_interests entity_interests_tenant_id_entity_id_fkey; Type: FK CONSTRAINT; Schema: app; Owner: estate_owner
--

ALTER TABLE ONLY app.entity_interests
    ADD CONSTRAINT entity_interests_tenant_id_entity_id_fkey FOREIGN KEY (tenant_id, entity_id) REFERENCES app.legal_entities(tenant_id, id) ON DELETE CASCADE;

--
-- Name: entity_interests entity_interests_tenant_id_holder_entity_id_fkey; Type: FK CONSTRAINT; Schema: app; Owner: estate_owner
--

ALTER TABLE ONLY app.entity_interests
    ADD CONSTRAINT entity_interests_tenant_id_holder_entity_id_fkey FOREIGN KEY (tenant_id, holder_entity_id) REFERENCES app.legal_entities(tenant_id, id);

--
-- Name: entity_interests entity_interests_tenant_id_holder_persona_id_fkey; Type: FK CONSTRAINT; Schema: app; Owner: estate_owner
--

ALTER TABLE ONLY app.entity_interests
    ADD CONSTRAINT entity_interests_tenant_id_holder_persona_id_fkey FOREIGN KEY (tenant_id, holder_persona_id) REFERENCES app.personas(tenant_id, id);

--
-- Name: ffc_invitations ffc_invitations_tenant_id_accepted_by_user_id_fkey; Type: FK CONSTRAINT; Schema: app; Owner: estate_owner
--

ALTER TABLE ONLY app.ffc_invitations
    ADD CONSTRAINT ffc_invitations_tenant_id_accepted_by_user_id_fkey FOREIGN KEY (tenant_id, accepted_by_user_id) REFERENCES app.users(tenant_id, id);

--
-- Name: ffc_invitations ffc_invitations_tenant_id_ffc_id_fkey; Type: FK CONSTRAINT; Schema: app; Owner: estate_owner
--

ALTER TABLE ONLY app.ffc_invitations
    ADD CONSTRAINT ffc_invitations_tenant_id_ffc_id_fkey FOREIGN KEY (tenant_id, ffc_id) REFERENCES app.fwd_family_circles(tenant_id, id);

--
-- Name: ffc_invitations ffc_invitations_tenant_id_invited_by_user_id_fkey; Type: FK CONSTRAINT; Schema: app; Owner: estate_owner
--

ALTER TABLE ONLY app.ffc_invitations
    ADD CONSTRAINT ffc_invitations_tenant_id_invited_by_user_id_fkey FOREIGN KEY (tenant_id, invited_by_user_id) REFERENCES app.users(tenant_id, id);

--
-- Name: ffc_memberships ffc_memberships_tenant_id_added_by_user_id_fkey; Type: FK CONSTRAINT; Schema: app; Owner: estate_owner
--

ALTER TABLE ONLY app.ffc_memberships
    ADD CONSTRAINT ffc_memberships_tenant_id_added_by_user_id_fkey FOREIGN KEY (tenant_id, added_by_user_id) REFERENCES app.users(tenant_id, id);

--
-- Name: ffc_memberships ffc_memberships_tenant_id_ffc_id_fkey; Type: FK CONSTRAINT; Schema: app; Owner: estate_owner
--

ALTER TABLE ONLY app.ffc_memberships
    ADD CONSTRAINT ffc_memberships_tenant_id_ffc_id_fkey FOREIGN KEY (tenant_id, ffc_id) REFERENCES app.fwd_family_circles(tenant_id, id);

--
-- Name: ffc_memberships ffc_memberships_tenant_id_persona_id_fkey; Type: FK CONSTRAINT; Schema: app; Owner: estate_owner
--

ALTER TABLE ONLY app.ffc_memberships
    ADD CONSTRAINT ffc_memberships_tenant_id_persona_id_fkey FOREIGN KEY (tenant_id, persona_id) REFERENCES app.personas(tenant_id, id);

--
-- Name: fwd_family_circles fwd_family_circles_tenant_id_created_by_user_id_fkey; Type: FK CONSTRAINT; Schema: app; Owner: estate_owner
--

ALTER TABLE ONLY app.fwd_family_circles
    ADD CONSTRAINT fwd_family_circles_tenant_id_created_by_user_id_fkey FOREIGN KEY (tenant_id, created_by_user_id) REFERENCES app.users(tenant_id, id);

--
-- Name: fwd_family_circles fwd_family_circles_tenant_id_fkey; Type: FK CONSTRAINT; Schema: app; Owner: estate_owner
--

ALTER TABLE ONLY app.fwd_family_circles
    ADD CONSTRAINT fwd_family_circles_tenant_id_fkey FOREIGN KEY (tenant_id) REFERENCES app.tenants(tenant_id);

--
-- Name: general_ledger general_ledger_tenant_id_payment_transaction_id_fkey; Type: FK CONSTRAINT; Schema: app; Owner: estate_owner
--

ALTER TABLE ONLY app.general_ledger
    ADD CONSTRAINT general_ledger_tenant_id_payment_transaction_id_fkey FOREIGN KEY (tenant_id, payment_transaction_id) REFERENCES app.payment_transactions(tenant_id, id);

--
-- Name: general_ledger general_ledger_tenant_id_refund_id_fkey; Type: FK CONSTRAINT; Schema: app; Owner: estate_owner
--

ALTER TABLE ONLY app.general_ledger
    ADD CONSTRAINT general_ledger_tenant_id_refund_id_fkey FOREIGN KEY (tenant_id, refund_id) REFERENCES app.refunds(tenant_id, id);

--
-- Name: general_ledger general_ledger_tenant_id_subscription_id_fkey; Type: FK CONSTRAINT; Schema: app; Owner: estate_owner
--

ALTER TABLE ONLY app.general_ledger
    ADD CONSTRAINT general_ledger_tenant_id_subscription_id_fkey FOREIGN KEY (tenant_id, subscription_id) REFERENCES app.subscriptions(tenant_id, id);

--
-- Name: idempotency_keys idempotency_keys_tenant_id_fkey; Type: FK CONSTRAINT; Schema: app; Owner: estate_owner
--

ALTER TABLE ONLY app.idempotency_keys
    ADD CONSTRAINT idempotency_keys_tenant_id_fkey FOREIGN KEY (tenant_id) REFERENCES app.tenants(tenant_id);

--
-- Name: invoices invoices_tenant_id_subscription_id_fkey; Type: FK CONSTRAINT; Schema: app; Owner: estate_owner
--

ALTER TABLE ONLY app.invoices
    ADD CONSTRAINT invoices_tenant_id_subscription_id_fkey FOREIGN KEY (tenant_id, subscription_id) REFERENCES app.subscriptions(tenant_id, id);

--
-- Name: legal_entities legal_entities_tenant_id_created_by_user_id_fkey; Type: FK CONSTRAINT; Schema: app; Owner: estate_owner
--

ALTER TABLE ONLY app.legal_entities
    ADD CONSTRAINT legal_entities_tenant_id_created_by_user_id_fkey FOREIGN KEY (tenant_id, created_by_user_id) REFERENCES app.users(tenant_id, id);

--
-- Name: legal_entities legal_entities_tenant_id_fkey; Type: FK CONSTRAINT; Schema: app; Owner: estate_owner
--

ALTER TABLE ONLY app.legal_entities
    ADD CONSTRAINT legal_entities_tenant_id_fkey FOREIGN KEY (tenant_id) REFERENCES app.tenants(tenant_id);

--
-- Name: legal_entity_roles legal_entity_roles_tenant_id_entity_id_fkey; Type: FK CONSTRAINT; Schema: app; Owner: estate_owner
--

ALTER TABLE ONLY app.legal_entity_roles
    ADD CONSTRAINT legal_entity_roles_tenant_id_entity_id_fkey FOREIGN KEY (tenant_id, entity_id) REFERENCES app.legal_entities(tenant_id, id) ON DELETE CASCADE;

--
-- Name: legal_entity_roles legal_entity_roles_tenant_id_persona_id_fkey; Type: FK CONSTRAINT; Schema: app; Owner: estate_owner
--

ALTER TABLE ONLY app.legal_entity_roles
    ADD CONSTRAINT legal_entity_roles_tenant_id_persona_id_fkey FOREIGN KEY (tenant_id, persona_id) REFERENCES app.personas(tenant_id, id);

--
-- Name: mfa_settings mfa_settings_tenant_id_user_id_fkey; Type: FK CONSTRAINT; Schema: app; Owner: estate_owner
--

ALTER TABLE ONLY app.mfa_settings
    ADD CONSTRAINT mfa_settings_tenant_id_user_id_fkey FOREIGN KEY (tenant_id, user_id) REFERENCES app.users(tenant_id, id);

--
-- Name: password_history password_history_tenant_id_user_id_fkey; Type: FK CONSTRAINT; Schema: app; Owner: estate_owner
--

ALTER TABLE ONLY app.password_history
    ADD CONSTRAINT password_history_tenant_id_user_id_fkey FOREIGN KEY (tenant_id, user_id) REFERENCES app.users(tenant_id, id);

--
-- Name: payment_methods payment_methods_tenant_id_user_id_fkey; Type: FK CONSTRAINT; Schema: app; Owner: estate_owner
--

ALTER TABLE ONLY app.payment_methods
    ADD CONSTRAINT payment_methods_tenant_id_user_id_fkey FOREIGN KEY (tenant_id, user_id) REFERENCES app.users(tenant_id, id);

--
-- Name: payment_transactions payment_transactions_tenant_id_subscription_id_fkey; Type: FK CONSTRAINT; Schema: app; Owner: estate_owner
--

ALTER TABLE ONLY app.payment_transactions
    ADD CONSTRAINT payment_transactions_tenant_id_subscription_id_fkey FOREIGN KEY (tenant_id, subscription_id) REFERENCES app.subscriptions(tenant_id, id);

--
-- Name: persona_addresses persona_addresses_tenant_id_persona_id_fkey; Type: FK CONSTRAINT; Schema: app; Owner: estate_owner
--

ALTER TABLE ONLY app.persona_addresses
    ADD CONSTRAINT persona_addresses_tenant_id_persona_id_fkey FOREIGN KEY (tenant_id, persona_id) REFERENCES app.personas(tenant_id, id) ON DELETE CASCADE;

--
-- Name: persona_emails persona_emails_tenant_id_persona_id_fkey; Type: FK CONSTRAINT; Schema: app; Owner: estate_owner
--

ALTER TABLE ONLY app.persona_emails
    ADD CONSTRAINT persona_emails_tenant_id_persona_id_fkey FOREIGN KEY (tenant_id, persona_id) REFERENCES app.personas(tenant_id, id) ON DELETE CASCADE;

--
-- Name: persona_link_invitations persona_link_invitations_tenant_id_invited_by_user_id_fkey; Type: FK CONSTRAINT; Schema: app; Owner: estate_owner
--

ALTER TABLE ONLY app.persona_link_invitations
    ADD CONSTRAINT persona_link_invitations_tenant_id_invited_by_user_id_fkey FOREIGN KEY (tenant_id, invited_by_user_id) REFERENCES app.users(tenant_id, id);

--
-- Name: persona_link_invitations persona_link_invitations_tenant_id_invited_user_id_fkey; Type: FK CONSTRAINT; Schema: app; Owner: estate_owner
--

ALTER TABLE ONLY app.persona_link_invitations
    ADD CONSTRAINT persona_link_invitations_tenant_id_invited_user_id_fkey FOREIGN KEY (tenant_id, invited_user_id) REFERENCES app.users(tenant_id, id);

--
-- Name: persona_link_invitations persona_link_invitations_tenant_id_persona_id_fkey; Type: FK CONSTRAINT; Schema: app; Owner: estate_owner
--

ALTER TABLE ONLY app.persona_link_invitations
    ADD CONSTRAINT persona_link_invitations_tenant_id_persona_id_fkey FOREIGN KEY (tenant_id, persona_id) REFERENCES app.personas(tenant_id, id) ON DELETE CASCADE;

--
-- Name: persona_phones persona_phones_tenant_id_persona_id_fkey; Type: FK CONSTRAINT; Schema: app; Owner: estate_owner
--

ALTER TABLE ONLY app.persona_phones
    ADD CONSTRAINT persona_phones_tenant_id_persona_id_fkey FOREIGN KEY (tenant_id, persona_id) REFERENCES app.personas(tenant_id, id) ON DELETE CASCADE;

--
-- Name: persona_relationships persona_relationships_tenant_id_persona_id_fkey; Type: FK CONSTRAINT; Schema: app; Owner: estate_owner
--

ALTER TABLE ONLY app.persona_relationships
    ADD CONSTRAINT persona_relationships_tenant_id_persona_id_fkey FOREIGN KEY (tenant_id, persona_id) REFERENCES app.personas(tenant_id, id) ON DELETE CASCADE;

--
-- Name: persona_relationships persona_relationships_tenant_id_related_persona_id_fkey; Type: FK CONSTRAINT; Schema: app; Owner: estate_owner
--

ALTER TABLE ONLY app.persona_relationships
    ADD CONSTRAINT persona_relationships_tenant_id_related_persona_id_fkey FOREIGN KEY (tenant_id, related_persona_id) REFERENCES app.personas(tenant_id, id) ON DELETE CASCADE;

--
-- Name: personas personas_tenant_id_created_by_user_id_fkey; Type: FK CONSTRAINT; Schema: app; Owner: estate_owner
--

ALTER TABLE ONLY app.personas
    ADD CONSTRAINT personas_tenant_id_created_by_user_id_fkey FOREIGN KEY (tenant_id, created_by_user_id) REFERENCES app.users(tenant_id, id);

--
-- Name: personas personas_tenant_id_fkey; Type: FK CONSTRAINT; Schema: app; Owner: estate_owner
--

ALTER TABLE ONLY app.personas
    ADD CONSTRAINT personas_tenant_id_fkey FOREIGN KEY (tenant_id) REFERENCES app.tenants(tenant_id);

--
-- Name: plan_features plan_features_plan_id_fkey; Type: FK CONSTRAINT; Schema: app; Owner: estate_owner
--

ALTER TABLE ONLY app.plan_features
    ADD CONSTRAINT plan_features_plan_id_fkey FOREIGN KEY (plan_id) REFERENCES app.subscription_plans(id);

--
-- Name: refunds refunds_tenant_id_payment_transaction_id_fkey; Type: FK CONSTRAINT; Schema: app; Owner: estate_owner
--

ALTER TABLE ONLY app.refunds
    ADD CONSTRAINT refunds_tenant_id_payment_transaction_id_fkey FOREIGN KEY (tenant_id, payment_transaction_id) REFERENCES app.payment_transactions(tenant_id, id);

--
-- Name: security_question_attempts security_question_attempts_tenant_id_user_id_fkey; Type: FK CONSTRAINT; Schema: app; Owner: estate_owner
--

ALTER TABLE ONLY app.security_question_attempts
    ADD CONSTRAINT security_question_attempts_tenant_id_user_id_fkey FOREIGN KEY (tenant_id, user_id) REFERENCES app.users(tenant_id, id);

--
-- Name: security_questions security_questions_tenant_id_user_id_fkey; Type: FK CONSTRAINT; Schema: app; Owner: estate_owner
--

ALTER TABLE ONLY app.security_questions
    ADD CONSTRAINT security_questions_tenant_id_user_id_fkey FOREIGN KEY (tenant_id, user_id) REFERENCES app.users(tenant_id, id);

--
-- Name: stripe_routes stripe_routes_tenant_id_fkey; Type: FK CONSTRAINT; Schema: app; Owner: estate_owner
--

ALTER TABLE ONLY app.stripe_routes
    ADD CONSTRAINT stripe_routes_tenant_id_fkey FOREIGN KEY (tenant_id) REFERENCES app.tenants(tenant_id);

--
-- Name: subscription_plan_changes subscription_plan_changes_from_plan_id_fkey; Type: FK CONSTRAINT; Schema: app; Owner: estate_owner
--

ALTER TABLE ONLY app.subscription_plan_changes
    ADD CONSTRAINT subscription_plan_changes_from_plan_id_fkey FOREIGN KEY (from_plan_id) REFERENCES app.subscription_plans(id);

--
-- Name: subscription_plan_changes subscription_plan_changes_tenant_id_changed_by_user_id_fkey; Type: FK CONSTRAINT; Schema: app; Owner: estate_owner
--

ALTER TABLE ONLY app.subscription_plan_changes
    ADD CONSTRAINT subscription_plan_changes_tenant_id_changed_by_user_id_fkey FOREIGN KEY (tenant_id, changed_by_user_id) REFERENCES app.users(tenant_id, id);

--
-- Name: subscription_plan_changes subscription_plan_changes_tenant_id_subscription_id_fkey; Type: FK CONSTRAINT; Schema: app; Owner: estate_owner
--

ALTER TABLE ONLY app.subscription_plan_changes
    ADD CONSTRAINT subscription_plan_changes_tenant_id_subscription_id_fkey FOREIGN KEY (tenant_id, subscription_id) REFERENCES app.subscriptions(tenant_id, id);

--
-- Name: subscription_plan_changes subscription_plan_changes_to_plan_id_fkey; Type: FK CONSTRAINT; Schema: app; Owner: estate_owner
--

ALTER TABLE ONLY app.subscription_plan_changes
    ADD CONSTRAINT subscription_plan_changes_to_plan_id_fkey FOREIGN KEY (to_plan_id) REFERENCES app.subscription_plans(id);

--
-- Name: subscription_seats subscription_seats_tenant_id_first_ffc_id_fkey; Type: FK CONSTRAINT; Schema: app; Owner: estate_owner
--

ALTER TABLE ONLY app.subscription_seats
    ADD CONSTRAINT subscription_seats_tenant_id_first_ffc_id_fkey FOREIGN KEY (tenant_id, first_ffc_id) REFERENCES app.fwd_family_circles(tenant_id, id);

--
-- Name: subscription_seats subscription_seats_tenant_id_persona_id_fkey; Type: FK CONSTRAINT; Schema: app; Owner: estate_owner
--

ALTER TABLE ONLY app.subscription_seats
    ADD CONSTRAINT subscription_seats_tenant_id_persona_id_fkey FOREIGN KEY (tenant_id, persona_id) REFERENCES app.personas(tenant_id, id);

--
-- Name: subscription_seats subscription_seats_tenant_id_subscriber_user_id_fkey; Type: FK CONSTRAINT; Schema: app; Owner: estate_owner
--

ALTER TABLE ONLY app.subscription_seats
    ADD CONSTRAINT subscription_seats_tenant_id_subscriber_user_id_fkey FOREIGN KEY (tenant_id, subscriber_user_id) REFERENCES app.users(tenant_id, id);

--
-- Name: subscriptions subscriptions_pending_plan_id_fkey; Type: FK CONSTRAINT; Schema: app; Owner: estate_owner
--

ALTER TABLE ONLY app.subscriptions
    ADD CONSTRAINT subscriptions_pending_plan_id_fkey FOREIGN KEY (pending_plan_id) REFERENCES app.subscription_plans(id);

--
-- Name: subscriptions subscriptions_plan_id_fkey; Type: FK CONSTRAINT; Schema: app; Owner: estate_owner
--

ALTER TABLE ONLY app.subscriptions
    ADD CONSTRAINT subscriptions_plan_id_fkey FOREIGN KEY (plan_id) REFERENCES app.subscription_plans(id);

--
-- Name: subscriptions subscriptions_tenant_id_fkey; Type: FK CONSTRAINT; Schema: app; Owner: estate_owner
--

ALTER TABLE ONLY app.subscriptions
    ADD CONSTRAINT subscriptions_tenant_id_fkey FOREIGN KEY (tenant_id) REFERENCES app.tenants(tenant_id);

--
-- Name: subscriptions subscriptions_tenant_id_user_id_fkey; Type: FK CONSTRAINT; Schema: app; Owner: estate_owner
--

ALTER TABLE ONLY app.subscriptions
    ADD CONSTRAINT subscriptions_tenant_id_user_id_fkey FOREIGN KEY (tenant_id, user_id) REFERENCES app.users(tenant_id, id);

--
-- Name: support_access_events support_access_events_tenant_id_access_request_id_fkey; Type: FK CONSTRAINT; Schema: app; Owner: estate_owner
--

ALTER TABLE ONLY app.support_access_events
    ADD CONSTRAINT support_access_events_tenant_id_access_request_id_fkey FOREIGN KEY (tenant_id, access_request_id) REFERENCES app.support_access_requests(tenant_id, id);

--
-- Name: support_access_events support_access_events_tenant_id_user_id_fkey; Type: FK CONSTRAINT; Schema: app; Owner: estate_owner
--

ALTER TABLE ONLY app.support_access_events
    ADD CONSTRAINT support_access_events_tenant_id_user_id_fkey FOREIGN KEY (tenant_id, user_id) REFERENCES app.users(tenant_id, id);

--
-- Name: support_access_requests support_access_requests_tenant_id_user_id_fkey; Type: FK CONSTRAINT; Schema: app; Owner: estate_owner
--

ALTER TABLE ONLY app.support_access_requests
    ADD CONSTRAINT support_access_requests_tenant_id_user_id_fkey FOREIGN KEY (tenant_id, user_id) REFERENCES app.users(tenant_id, id);

--
-- Name: support_app_clients support_app_clients_provider_id_fkey; Type: FK CONSTRAINT; Schema: app; Owner: estate_owner
--

ALTER TABLE ONLY app.support_app_clients
    ADD CONSTRAINT support_app_clients_provider_id_fkey FOREIGN KEY (provider_id) REFERENCES app.support_identity_providers(id);

--
-- Name: support_staff support_staff_provider_id_fkey; Type: FK CONSTRAINT; Schema: app; Owner: estate_owner
--

ALTER TABLE ONLY app.support_staff
    ADD CONSTRAINT support_staff_provider_id_fkey FOREIGN KEY (provider_id) REFERENCES app.support_identity_providers(id);

--
-- Name: support_unmask_grants support_unmask_grants_tenant_id_user_id_fkey; Type: FK CONSTRAINT; Schema: app; Owner: estate_owner
--

ALTER TABLE ONLY app.support_unmask_grants
    ADD CONSTRAINT support_unmask_grants_tenant_id_user_id_fkey FOREIGN KEY (tenant_id, user_id) REFERENCES app.users(tenant_id, id);

--
-- Name: tenant_allowed_origins tenant_allowed_origins_tenant_id_fkey; Type: FK CONSTRAINT; Schema: app; Owner: estate_owner
--

ALTER TABLE ONLY app.tenant_allowed_origins
    ADD CONSTRAINT tenant_allowed_origins_tenant_id_fkey FOREIGN KEY (tenant_id) REFERENCES app.tenants(tenant_id);

--
-- Name: tenant_app_clients tenant_app_clients_tenant_id_provider_id_fkey; Type: FK CONSTRAINT; Schema: app; Owner: estate_owner
--

ALTER TABLE ONLY app.tenant_app_clients
    ADD CONSTRAINT tenant_app_clients_tenant_id_provider_id_fkey FOREIGN KEY (tenant_id, provider_id) REFERENCES app.tenant_identity_providers(tenant_id, id);

--
-- Name: tenant_identity_providers tenant_identity_providers_tenant_id_fkey; Type: FK CONSTRAINT; Schema: app; Owner: estate_owner
--

ALTER TABLE ONLY app.tenant_identity_providers
    ADD CONSTRAINT tenant_identity_providers_tenant_id_fkey FOREIGN KEY (tenant_id) REFERENCES app.tenants(tenant_id);

--
-- Name: tenant_plan_settings tenant_plan_settings_plan_id_fkey; Type: FK CONSTRAINT; Schema: app; Owner: estate_owner
--

ALTER TABLE ONLY app.tenant_plan_settings
    ADD CONSTRAINT tenant_plan_settings_plan_id_fkey FOREIGN KEY (plan_id) REFERENCES app.subscription_plans(id);

--
-- Name: tenant_plan_settings tenant_plan_settings_tenant_id_fkey; Type: FK CONSTRAINT; Schema: app; Owner: estate_owner
--

ALTER TABLE ONLY app.tenant_plan_settings
    ADD CONSTRAINT tenant_plan_settings_tenant_id_fkey FOREIGN KEY (tenant_id) REFERENCES app.tenants(tenant_id);

--
-- Name: tenant_security_policies tenant_security_policies_tenant_id_fkey; Type: FK CONSTRAINT; Schema: app; Owner: estate_owner
--

ALTER TABLE ONLY app.tenant_security_policies
    ADD CONSTRAINT tenant_security_policies_tenant_id_fkey FOREIGN KEY (tenant_id) REFERENCES app.tenants(tenant_id);

--
-- Name: usage_records usage_records_tenant_id_user_id_fkey; Type: FK CONSTRAINT; Schema: app; Owner: estate_owner
--

ALTER TABLE ONLY app.usage_records
    ADD CONSTRAINT usage_records_tenant_id_user_id_fkey FOREIGN KEY (tenant_id, user_id) REFERENCES app.users(tenant_id, id);

--
-- Name: user_personas user_personas_tenant_id_persona_id_fkey; Type: FK CONSTRAINT; Schema: app; Owner: estate_owner
--

ALTER TABLE ONLY app.user_personas
    ADD CONSTRAINT user_personas_tenant_id_persona_id_fkey FOREIGN KEY (tenant_id, persona_id) REFERENCES app.personas(tenant_id, id);

--
-- Name: user_personas user_personas_tenant_id_user_id_fkey; Type: FK CONSTRAINT; Schema: app; Owner: estate_owner
--

ALTER TABLE ONLY app.user_personas
    ADD CONSTRAINT user_personas_tenant_id_user_id_fkey FOREIGN KEY (tenant_id, user_id) REFERENCES app.users(tenant_id, id);

--
-- Name: user_sessions user_sessions_tenant_id_user_id_fkey; Type: FK CONSTRAINT; Schema: app; Owner: estate_owner
--

ALTER TABLE ONLY app.user_sessions
    ADD CONSTRAINT user_sessions_tenant_id_user_id_fkey FOREIGN KEY (tenant_id, user_id) REFERENCES app.users(tenant_id, id);

--
-- Name: users users_tenant_id_fkey; Type: FK CONSTRAINT; Schema: app; Owner: estate_owner
--

ALTER TABLE ONLY app.users
    ADD CONSTRAINT users_tenant_id_fkey FOREIGN KEY (tenant_id) REFERENCES app.tenants(tenant_id);

--
-- Name: support_app_clients all_for_support; Type: POLICY; Schema: app; Owner: estate_owner
--

CREATE POLICY all_for_support ON app.support_app_clients USING (( SELECT app.is_support_session() AS is_support_session)) WITH CHECK (( SELECT app.is_support_session() AS is_support_session));

--
-- Name: support_identity_providers all_for_support; Type: POLICY; Schema: app; Owner: estate_owner
--

CREATE POLICY all_for_support ON app.support_identity_providers USING (( SELECT app.is_support_session() AS is_support_session)) WITH CHECK (( SELECT app.is_support_session() AS is_support_session));

--
-- Name: support_staff all_for_support; Type: POLICY; Schema: app; Owner: estate_owner
--

CREATE POLICY all_for_support ON app.support_staff USING (( SELECT app.is_support_session() AS is_support_session)) WITH CHECK (( SELECT app.is_support_session() AS is_support_session));

--
-- Name: asset_bank_accounts all_own_tenant; Type: POLICY; Schema: app; Owner: estate_owner
--

CREATE POLICY all_own_tenant ON app.asset_bank_accounts USING ((tenant_id = ( SELECT app.current_tenant_id() AS current_tenant_id))) WITH CHECK ((tenant_id = ( SELECT app.current_tenant_id() AS current_tenant_id)));

--
-- Name: asset_businesses all_own_tenant; Type: POLICY; Schema: app; Owner: estate_owner
--

CREATE POLICY all_own_tenant ON app.asset_businesses USING ((tenant_id = ( SELECT app.current_tenant_id() AS current_tenant_id))) WITH CHECK ((tenant_id = ( SELECT app.current_tenant_id() AS current_tenant_id)));

--
-- Name: asset_collectibles all_own_tenant; Type: POLICY; Schema: app; Owner: estate_owner
--

CREATE POLICY all_own_tenant ON app.asset_collectibles USING ((tenant_id = ( SELECT app.current_tenant_id() AS current_tenant_id))) WITH CHECK ((tenant_id = ( SELECT app.current_tenant_id() AS current_tenant_id)));

--
-- Name: asset_cryptocurrencies all_own_tenant; Type: POLICY; Schema: app; Owner: estate_owner
--

CREATE POLICY all_own_tenant ON app.asset_cryptocurrencies USING ((tenant_id = ( SELECT app.current_tenant_id() AS current_tenant_id))) WITH CHECK ((tenant_id = ( SELECT app.current_tenant_id() AS current_tenant_id)));

--
-- Name: asset_debts all_own_tenant; Type: POLICY; Schema: app; Owner: estate_owner
--

CREATE POLICY all_own_tenant ON app.asset_debts USING ((tenant_id = ( SELECT app.current_tenant_id() AS current_tenant_id))) WITH CHECK ((tenant_id = ( SELECT app.current_tenant_id() AS current_tenant_id)));

--
-- Name: asset_intellectual_property all_own_tenant; Type: POLICY; Schema: app; Owner: estate_owner
--

CREATE POLICY all_own_tenant ON app.asset_intellectual_property USING ((tenant_id = ( SELECT app.current_tenant_id() AS current_tenant_id))) WITH CHECK ((tenant_id = ( SELECT app.current_tenant_id() AS current_tenant_id)));

--
-- Name: asset_investment_accounts all_own_tenant; Type: POLICY; Schema: app; Owner: estate_owner
--

CREATE POLICY all_own_tenant ON app.asset_investment_accounts USING ((tenant_id = ( SELECT app.current_tenant_id() AS current_tenant_id))) WITH CHECK ((tenant_id = ( SELECT app.current_tenant_id() AS current_tenant_id)));

--
-- Name: asset_latest_valuations all_own_tenant; Type: POLICY; Schema: app; Owner: estate_owner
--

CREATE POLICY all_own_tenant ON app.asset_latest_valuations USING ((tenant_id = ( SELECT app.current_tenant_id() AS current_tenant_id))) WITH CHECK ((tenant_id = ( SELECT app.current_tenant_id() AS current_tenant_id)));

--
-- Name: asset_life_insurance all_own_tenant; Type: POLICY; Schema: app; Owner: estate_owner
--

CREATE POLICY all_own_tenant ON app.asset_life_insurance USING ((tenant_id = ( SELECT app.current_tenant_id() AS current_tenant_id))) WITH CHECK ((tenant_id = ( SELECT app.current_tenant_id() AS current_tenant_id)));

--
-- Name: asset_misc all_own_tenant; Type: POLICY; Schema: app; Owner: estate_owner
--

CREATE POLICY all_own_tenant ON app.asset_misc USING ((tenant_id = ( SELECT app.current_tenant_id() AS current_tenant_id))) WITH CHECK ((tenant_id = ( SELECT app.current_tenant_id() AS current_tenant_id)));

--
-- Name: asset_ownerships all_own_tenant; Type: POLICY; Schema: app; Owner: estate_owner
--

CREATE POLICY all_own_tenant ON app.asset_ownerships USING ((tenant_id = ( SELECT app.current_tenant_id() AS current_tenant_id))) WITH CHECK ((tenant_id = ( SELECT app.current_tenant_id() AS current_tenant_id)));

--
-- Name: asset_permissions all_own_tenant; Type: POLICY; Schema: app; Owner: estate_owner
--

CREATE POLICY all_own_tenant ON app.asset_permissions USING ((tenant_id = ( SELECT app.current_tenant_id() AS current_tenant_id))) WITH CHECK ((tenant_id = ( SELECT app.current_tenant_id() AS current_tenant_id)));

--
-- Name: asset_personal_property all_own_tenant; Type: POLICY; Schema: app; Owner: estate_owner
--

CREATE POLICY all_own_tenant ON app.asset_personal_property USING ((tenant_id = ( SELECT app.current_tenant_id() AS current_tenant_id))) WITH CHECK ((tenant_id = ( SELECT app.current_tenant_id() AS current_tenant_id)));

--
-- Name: asset_real_estate all_own_tenant; Type: POLICY; Schema: app; Owner: estate_owner
--

CREATE POLICY all_own_tenant ON app.asset_real_estate USING ((tenant_id = ( SELECT app.current_tenant_id() AS current_tenant_id))) WITH CHECK ((tenant_id = ( SELECT app.current_tenant_id() AS current_tenant_id)));

--
-- Name: asset_retirement_accounts all_own_tenant; Type: POLICY; Schema: app; Owner: estate_owner
--

CREATE POLICY all_own_tenant ON app.asset_retirement_accounts USING ((tenant_id = ( SELECT app.current_tenant_id() AS current_tenant_id))) WITH CHECK ((tenant_id = ( SELECT app.current_tenant_id() AS current_tenant_id)));

--
-- Name: asset_valuations all_own_tenant; Type: POLICY; Schema: app; Owner: estate_owner
--

CREATE POLICY all_own_tenant ON app.asset_valuations USING ((tenant_id = ( SELECT app.current_tenant_id() AS current_tenant_id))) WITH CHECK ((tenant_id = ( SELECT app.current_tenant_id() AS current_tenant_id)));

--
-- Name: asset_vehicles all_own_tenant; Type: POLICY; Schema: app; Owner: estate_owner
--

CREATE POLICY all_own_tenant ON app.asset_vehicles USING ((tenant_id = ( SELECT app.current_tenant_id() AS current_tenant_id))) WITH CHECK ((tenant_id = ( SELECT app.current_tenant_id() AS current_tenant_id)));

--
-- Name: assets all_own_tenant; Type: POLICY; Schema: app; Owner: estate_owner
--

CREATE POLICY all_own_tenant ON app.assets USING ((tenant_id = ( SELECT app.current_tenant_id() AS current_tenant_id))) WITH CHECK ((tenant_id = ( SELECT app.current_tenant_id() AS current_tenant_id)));

--
-- Name: beneficiary_designations all_own_tenant; Type: POLICY; Schema: app; Owner: estate_owner
--

CREATE POLICY all_own_tenant ON app.beneficiary_designations USING ((tenant_id = ( SELECT app.current_tenant_id() AS current_tenant_id))) WITH CHECK ((tenant_id = ( SELECT app.current_tenant_id() AS current_tenant_id)));

--
-- Name: consent_records all_own_tenant; Type: POLICY; Schema: app; Owner: estate_owner
--

CREATE POLICY all_own_tenant ON app.consent_records USING ((tenant_id = ( SELECT app.current_tenant_id() AS current_tenant_id))) WITH CHECK ((tenant_id = ( SELECT app.current_tenant_id() AS current_tenant_id)));

--
-- Name: data_subject_request_events all_own_tenant; Type: POLICY; Schema: app; Owner: estate_owner
--

CREATE POLICY all_own_tenant ON app.data_subject_request_events USING ((tenant_id = ( SELECT app.current_tenant_id() AS current_tenant_id))) WITH CHECK ((tenant_id = ( SELECT app.current_tenant_id() AS current_tenant_id)));

--
-- Name: data_subject_requests all_own_tenant; Type: POLICY; Schema: app; Owner: estate_owner
--

CREATE POLICY all_own_tenant ON app.data_subject_requests USING ((tenant_id = ( SELECT app.current_tenant_id() AS current_tenant_id))) WITH CHECK ((tenant_id = ( SELECT app.current_tenant_id() AS current_tenant_id)));

--
-- Name: debt_collateral all_own_tenant; Type: POLICY; Schema: app; Owner: estate_owner
--

CREATE POLICY all_own_tenant ON app.debt_collateral USING ((tenant_id = ( SELECT app.current_tenant_id() AS current_tenant_id))) WITH CHECK ((tenant_id = ( SELECT app.current_tenant_id() AS current_tenant_id)));

--
-- Name: entity_interests all_own_tenant; Type: POLICY; Schema: app; Owner: estate_owner
--

CREATE POLICY all_own_tenant ON app.entity_interests USING ((tenant_id = ( SELECT app.current_tenant_id() AS current_tenant_id))) WITH CHECK ((tenant_id = ( SELECT app.current_tenant_id() AS current_tenant_id)));

--
-- Name: ffc_invitations all_own_tenant; Type: POLICY; Schema: app; Owner: estate_owner
--

CREATE POLICY all_own_tenant ON app.ffc_invitations USING ((tenant_id = ( SELECT app.current_tenant_id() AS current_tenant_id))) WITH CHECK ((tenant_id = ( SELECT app.current_tenant_id() AS current_tenant_id)));

--
-- Name: ffc_memberships all_own_tenant; Type: POLICY; Schema: app; Owner: estate_owner
--

CREATE POLICY all_own_tenant ON app.ffc_memberships USING ((tenant_id = ( SELECT app.current_tenant_id() AS current_tenant_id))) WITH CHECK ((tenant_id = ( SELECT app.current_tenant_id() AS current_tenant_id)));

--
-- Name: fwd_family_circles all_own_tenant; Type: POLICY; Schema: app; Owner: estate_owner
--

CREATE POLICY all_own_tenant ON app.fwd_family_circles USING ((tenant_id = ( SELECT app.current_tenant_id() AS current_tenant_id))) WITH CHECK ((tenant_id = ( SELECT app.current_tenant_id() AS current_tenant_id)));

--
-- Name: general_ledger all_own_tenant; Type: POLICY; Schema: app; Owner: estate_owner
--

CREATE POLICY all_own_tenant ON app.general_ledger USING ((tenant_id = ( SELECT app.current_tenant_id() AS current_tenant_id))) WITH CHECK ((tenant_id = ( SELECT app.current_tenant_id() AS current_tenant_id)));

--
-- Name: idempotency_keys all_own_tenant; Type: POLICY; Schema: app; Owner: estate_owner
--

CREATE POLICY all_own_tenant ON app.idempotency_keys USING ((tenant_id = ( SELECT app.current_tenant_id() AS current_tenant_id))) WITH CHECK ((tenant_id = ( SELECT app.current_tenant_id() AS current_tenant_id)));

--
-- Name: invoices all_own_tenant; Type: POLICY; Schema: app; Owner: estate_owner
--

CREATE POLICY all_own_tenant ON app.invoices USING ((tenant_id = ( SELECT app.current_tenant_id() AS current_tenant_id))) WITH CHECK ((tenant_id = ( SELECT app.current_tenant_id() AS current_tenant_id)));

--
-- Name: legal_entities all_own_tenant; Type: POLICY; Schema: app; Owner: estate_owner
--

CREATE POLICY all_own_tenant ON app.legal_entities USING ((tenant_id = ( SELECT app.current_tenant_id() AS current_tenant_id))) WITH CHECK ((tenant_id = ( SELECT app.current_tenant_id() AS current_tenant_id)));

--
-- Name: legal_entity_roles all_own_tenant; Type: POLICY; Schema: app; Owner: estate_owner
--

CREATE POLICY all_own_tenant ON app.legal_entity_roles USING ((tenant_id = ( SELECT app.current_tenant_id() AS current_tenant_id))) WITH CHECK ((tenant_id = ( SELECT app.current_tenant_id() AS current_tenant_id)));

--
-- Name: mfa_settings all_own_tenant; Type: POLICY; Schema: app; Owner: estate_owner
--

CREATE POLICY all_own_tenant ON app.mfa_settings USING ((tenant_id = ( SELECT app.current_tenant_id() AS current_tenant_id))) WITH CHECK ((tenant_id = ( SELECT app.current_tenant_id() AS current_tenant_id)));

--
-- Name: password_history all_own_tenant; Type: POLICY; Schema: app; Owner: estate_owner
--

CREATE POLICY all_own_tenant ON app.password_history USING ((tenant_id = ( SELECT app.current_tenant_id() AS current_tenant_id))) WITH CHECK ((tenant_id = ( SELECT app.current_tenant_id() AS current_tenant_id)));

--
-- Name: payment_methods all_own_tenant; Type: POLICY; Schema: app; Owner: estate_owner
--

CREATE POLICY all_own_tenant ON app.payment_methods USING ((tenant_id = ( SELECT app.current_tenant_id() AS current_tenant_id))) WITH CHECK ((tenant_id = ( SELECT app.current_tenant_id() AS current_tenant_id)));

--
-- Name: payment_transactions all_own_tenant; Type: POLICY; Schema: app; Owner: estate_owner
--

CREATE POLICY all_own_tenant ON app.payment_transactions USING ((tenant_id = ( SELECT app.current_tenant_id() AS current_tenant_id))) WITH CHECK ((tenant_id = ( SELECT app.current_tenant_id() AS current_tenant_id)));

--
-- Name: persona_addresses all_own_tenant; Type: POLICY; Schema: app; Owner: estate_owner
--

CREATE POLICY all_own_tenant ON app.persona_addresses USING ((tenant_id = ( SELECT app.current_tenant_id() AS current_tenant_id))) WITH CHECK ((tenant_id = ( SELECT app.current_tenant_id() AS current_tenant_id)));

--
-- Name: persona_emails all_own_tenant; Type: POLICY; Schema: app; Owner: estate_owner
--

CREATE POLICY all_own_tenant ON app.persona_emails USING ((tenant_id = ( SELECT app.current_tenant_id() AS current_tenant_id))) WITH CHECK ((tenant_id = ( SELECT app.current_tenant_id() AS current_tenant_id)));

--
-- Name: persona_link_invitations all_own_tenant; Type: POLICY; Schema: app; Owner: estate_owner
--

CREATE POLICY all_own_tenant ON app.persona_link_invitations USING ((tenant_id = ( SELECT app.current_tenant_id() AS current_tenant_id))) WITH CHECK ((tenant_id = ( SELECT app.current_tenant_id() AS current_tenant_id)));

--
-- Name: persona_phones all_own_tenant; Type: POLICY; Schema: app; Owner: estate_owner
--

CREATE POLICY all_own_tenant ON app.persona_phones USING ((tenant_id = ( SELECT app.current_tenant_id() AS current_tenant_id))) WITH CHECK ((tenant_id = ( SELECT app.current_tenant_id() AS current_tenant_id)));

--
-- Name: persona_relationships all_own_tenant; Type: POLICY; Schema: app; Owner: estate_owner
--

CREATE POLICY all_own_tenant ON app.persona_relationships USING ((tenant_id = ( SELECT app.current_tenant_id() AS current_tenant_id))) WITH CHECK ((tenant_id = ( SELECT app.current_tenant_id() AS current_tenant_id)));

--
-- Name: personas all_own_tenant; Type: POLICY; Schema: app; Owner: estate_owner
--

CREATE POLICY all_own_tenant ON app.personas USING ((tenant_id = ( SELECT app.current_tenant_id() AS current_tenant_id))) WITH CHECK ((tenant_id = ( SELECT app.current_tenant_id() AS current_tenant_id)));

--
-- Name: refunds all_own_tenant; Type: POLICY; Schema: app; Owner: estate_owner
--

CREATE POLICY all_own_tenant ON app.refunds USING ((tenant_id = ( SELECT app.current_tenant_id() AS current_tenant_id))) WITH CHECK ((tenant_id = ( SELECT app.current_tenant_id() AS current_tenant_id)));

--
-- Name: security_question_attempts all_own_tenant; Type: POLICY; Schema: app; Owner: estate_owner
--

CREATE POLICY all_own_tenant ON app.security_question_attempts USING ((tenant_id = ( SELECT app.current_tenant_id() AS current_tenant_id))) WITH CHECK ((tenant_id = ( SELECT app.current_tenant_id() AS current_tenant_id)));

--
-- Name: security_questions all_own_tenant; Type: POLICY; Schema: app; Owner: estate_owner
--

CREATE POLICY all_own_tenant ON app.security_questions USING ((tenant_id = ( SELECT app.current_tenant_id() AS current_tenant_id))) WITH CHECK ((tenant_id = ( SELECT app.current_tenant_id() AS current_tenant_id)));

--
-- Name: stripe_webhook_events all_own_tenant; Type: POLICY; Schema: app; Owner: estate_owner
--

CREATE POLICY all_own_tenant ON app.stripe_webhook_events USING ((tenant_id = ( SELECT app.current_tenant_id() AS current_tenant_id))) WITH CHECK ((tenant_id = ( SELECT app.current_tenant_id() AS current_tenant_id)));

--
-- Name: subscription_plan_changes all_own_tenant; Type: POLICY; Schema: app; Owner: estate_owner
--

CREATE POLICY all_own_tenant ON app.subscription_plan_changes USING ((tenant_id = ( SELECT app.current_tenant_id() AS current_tenant_id))) WITH CHECK ((tenant_id = ( SELECT app.current_tenant_id() AS current_tenant_id)));

--
-- Name: subscription_seats all_own_tenant; Type: POLICY; Schema: app; Owner: estate_owner
--

CREATE POLICY all_own_tenant ON app.subscription_seats USING ((tenant_id = ( SELECT app.current_tenant_id() AS current_tenant_id))) WITH CHECK ((tenant_id = ( SELECT app.current_tenant_id() AS current_tenant_id)));

--
-- Name: subscriptions all_own_tenant; Type: POLICY; Schema: app; Owner: estate_owner
--

CREATE POLICY all_own_tenant ON app.subscriptions USING ((tenant_id = ( SELECT app.current_tenant_id() AS current_tenant_id))) WITH CHECK ((tenant_id = ( SELECT app.current_tenant_id() AS current_tenant_id)));

--
-- Name: support_access_events all_own_tenant; Type: POLICY; Schema: app; Owner: estate_owner
--

CREATE POLICY all_own_tenant ON app.support_access_events USING ((tenant_id = ( SELECT app.current_tenant_id() AS current_tenant_id))) WITH CHECK ((tenant_id = ( SELECT app.current_tenant_id() AS current_tenant_id)));

--
-- Name: support_access_requests all_own_tenant; Type: POLICY; Schema: app; Owner: estate_owner
--

CREATE POLICY all_own_tenant ON app.support_access_requests USING ((tenant_id = ( SELECT app.current_tenant_id() AS current_tenant_id))) WITH CHECK ((tenant_id = ( SELECT app.current_tenant_id() AS current_tenant_id)));

--
-- Name: support_unmask_grants all_own_tenant; Type: POLICY; Schema: app; Owner: estate_owner
--

CREATE POLICY all_own_tenant ON app.support_unmask_grants USING ((tenant_id = ( SELECT app.current_tenant_id() AS current_tenant_id))) WITH CHECK ((tenant_id = ( SELECT app.current_tenant_id() AS current_tenant_id)));

--
-- Name: tenant_plan_settings all_own_tenant; Type: POLICY; Schema: app; Owner: estate_owner
--

CREATE POLICY all_own_tenant ON app.tenant_plan_settings USING ((tenant_id = ( SELECT app.current_tenant_id() AS current_tenant_id))) WITH CHECK ((tenant_id = ( SELECT app.current_tenant_id() AS current_tenant_id)));

--
-- Name: tenant_security_policies all_own_tenant; Type: POLICY; Schema: app; Owner: estate_owner
--

CREATE POLICY all_own_tenant ON app.tenant_security_policies USING ((tenant_id = ( SELECT app.current_tenant_id() AS current_tenant_id))) WITH CHECK ((tenant_id = ( SELECT app.current_tenant_id() AS current_tenant_id)));

--
-- Name: tenants all_own_tenant; Type: POLICY; Schema: app; Owner: estate_owner
--

CREATE POLICY all_own_tenant ON app.tenants USING ((tenant_id = ( SELECT app.current_tenant_id() AS current_tenant_id))) WITH CHECK ((tenant_id = ( SELECT app.current_tenant_id() AS current_tenant_id)));

--
-- Name: usage_records all_own_tenant; Type: POLICY; Schema: app; Owner: estate_owner
--

CREATE POLICY all_own_tenant ON app.usage_records USING ((tenant_id = ( SELECT app.current_tenant_id() AS current_tenant_id))) WITH CHECK ((tenant_id = ( SELECT app.current_tenant_id() AS current_tenant_id)));

--
-- Name: user_personas all_own_tenant; Type: POLICY; Schema: app; Owner: estate_owner
--

CREATE POLICY all_own_tenant ON app.user_personas USING ((tenant_id = ( SELECT app.current_tenant_id() AS current_tenant_id))) WITH CHECK ((tenant_id = ( SELECT app.current_tenant_id() AS current_tenant_id)));

--
-- Name: user_sessions all_own_tenant; Type: POLICY; Schema: app; Owner: estate_owner
--

CREATE POLICY all_own_tenant ON app.user_sessions USING ((tenant_id = ( SELECT app.current_tenant_id() AS current_tenant_id))) WITH CHECK ((tenant_id = ( SELECT app.current_tenant_id() AS current_tenant_id)));

--
-- Name: users all_own_tenant; Type: POLICY; Schema: app; Owner: estate_owner
--

CREATE POLICY all_own_tenant ON app.users USING ((tenant_id = ( SELECT app.current_tenant_id() AS current_tenant_id))) WITH CHECK ((tenant_id = ( SELECT app.current_tenant_id() AS current_tenant_id)));

--
-- Name: api_keys all_own_tenant_or_key_lookup; Type: POLICY; Schema: app; Owner: estate_owner
--

CREATE POLICY all_own_tenant_or_key_lookup ON app.api_keys USING (((current_setting('app.api_key_lookup'::text, true) = 'on'::text) OR (tenant_id = ( SELECT app.current_tenant_id() AS current_tenant_id)))) WITH CHECK (((current_setting('app.api_key_lookup'::text, true) = 'on'::text) OR (tenant_id = ( SELECT app.current_tenant_id() AS current_tenant_id))));

--
-- Name: api_keys; Type: ROW SECURITY; Schema: app; Owner: estate_owner
--

ALTER TABLE app.api_keys ENABLE ROW LEVEL SECURITY;

--
-- Name: asset_bank_accounts; Type: ROW SECURITY; Schema: app; Owner: estate_owner
--

ALTER TABLE app.asset_bank_accounts ENABLE ROW LEVEL SECURITY;

--
-- Name: asset_businesses; Type: ROW SECURITY; Schema: app; Owner: estate_owner
--

ALTER TABLE app.asset_businesses ENABLE ROW LEVEL SECURITY;

--
-- Name: asset_categories; Type: ROW SECURITY; Schema: app; Owner: estate_owner
--

ALTER TABLE app.asset_categories ENABLE ROW LEVEL SECURITY;

--
-- Name: asset_collectibles; Type: ROW SECURITY; Schema: app; Owner: estate_owner
--

ALTER TABLE app.asset_collectibles ENABLE ROW LEVEL SECURITY;

--
-- Name: asset_cryptocurrencies; Type: ROW SECURITY; Schema: app; Owner: estate_owner
--

ALTER TABLE app.asset_cryptocurrencies ENABLE ROW LEVEL SECURITY;

--
-- Name: asset_debts; Type: ROW SECURITY; Schema: app; Owner: estate_owner
--

ALTER TABLE app.asset_debts ENABLE ROW LEVEL SECURITY;

--
-- Name: asset_intellectual_property; Type: ROW SECURITY; Schema: app; Owner: estate_owner
--

ALTER TABLE app.asset_intellectual_property ENABLE ROW LEVEL SECURITY;

--
-- Name: asset_investment_accounts; Type: ROW SECURITY; Schema: app; Owner: estate_owner
--

ALTER TABLE app.asset_investment_accounts ENABLE ROW LEVEL SECURITY;

--
-- Name: asset_latest_valuations; Type: ROW SECURITY; Schema: app; Owner: estate_owner
--

ALTER TABLE app.asset_latest_valuations ENABLE ROW LEVEL SECURITY;

--
-- Name: asset_life_insurance; Type: ROW SECURITY; Schema: app; Owner: estate_owner
--

ALTER TABLE app.asset_life_insurance ENABLE ROW LEVEL SECURITY;

--
-- Name: asset_misc; Type: ROW SECURITY; Schema: app; Owner: estate_owner
--

ALTER TABLE app.asset_misc ENABLE ROW LEVEL SECURITY;

--
-- Name: asset_ownerships; Type: ROW SECURITY; Schema: app; Owner: estate_owner
--

ALTER TABLE app.asset_ownerships ENABLE ROW LEVEL SECURITY;

--
-- Name: asset_permissions; Type: ROW SECURITY; Schema: app; Owner: estate_owner
--

ALTER TABLE app.asset_permissions ENABLE ROW LEVEL SECURITY;

--
-- Name: asset_personal_property; Type: ROW SECURITY; Schema: app; Owner: estate_owner
--

ALTER TABLE app.asset_personal_property ENABLE ROW LEVEL SECURITY;

--
-- Name: asset_real_estate; Type: ROW SECURITY; Schema: app; Owner: estate_owner
--

ALTER TABLE app.asset_real_estate ENABLE ROW LEVEL SECURITY;

--
-- Name: asset_retirement_accounts; Type: ROW SECURITY; Schema: app; Owner: estate_owner
--

ALTER TABLE app.asset_retirement_accounts ENABLE ROW LEVEL SECURITY;

--
-- Name: asset_valuations; Type: ROW SECURITY; Schema: app; Owner: estate_owner
--

ALTER TABLE app.asset_valuations ENABLE ROW LEVEL SECURITY;

--
-- Name: asset_vehicles; Type: ROW SECURITY; Schema: app; Owner: estate_owner
--

ALTER TABLE app.asset_vehicles ENABLE ROW LEVEL SECURITY;

--
-- Name: assets; Type: ROW SECURITY; Schema: app; Owner: estate_owner
--

ALTER TABLE app.assets ENABLE ROW LEVEL SECURITY;

--
-- Name: audit_retention_policy; Type: ROW SECURITY; Schema: app; Owner: estate_owner
--

ALTER TABLE app.audit_retention_policy ENABLE ROW LEVEL SECURITY;

--
-- Name: beneficiary_designations; Type: ROW SECURITY; Schema: app; Owner: estate_owner
--

ALTER TABLE app.beneficiary_designations ENABLE ROW LEVEL SECURITY;

--
-- Name: consent_records; Type: ROW SECURITY; Schema: app; Owner: estate_owner
--

ALTER TABLE app.consent_records ENABLE ROW LEVEL SECURITY;

--
-- Name: data_subject_request_events; Type: ROW SECURITY; Schema: app; Owner: estate_owner
--

ALTER TABLE app.data_subject_request_events ENABLE ROW LEVEL SECURITY;

--
-- Name: data_subject_requests; Type: ROW SECURITY; Schema: app; Owner: estate_owner
--

ALTER TABLE app.data_subject_requests ENABLE ROW LEVEL SECURITY;

--
-- Name: debt_collateral; Type: ROW SECURITY; Schema: app; Owner: estate_owner
--

ALTER TABLE app.debt_collateral ENABLE ROW LEVEL SECURITY;

--
-- Name: entity_interests; Type: ROW SECURITY; Schema: app; Owner: estate_owner
--

ALTER TABLE app.entity_interests ENABLE ROW LEVEL SECURITY;

--
-- Name: exchange_rates; Type: ROW SECURITY; Schema: app; Owner: estate_owner
--

ALTER TABLE app.exchange_rates ENABLE ROW LEVEL SECURITY;

--
-- Name: ffc_invitations; Type: ROW SECURITY; Schema: app; Owner: estate_owner
--

ALTER TABLE app.ffc_invitations ENABLE ROW LEVEL SECURITY;

--
-- Name: ffc_memberships; Type: ROW SECURITY; Schema: app; Owner: estate_owner
--

ALTER TABLE app.ffc_memberships ENABLE ROW LEVEL SECURITY;

--
-- Name: fwd_family_circles; Type: ROW SECURITY; Schema: app; Owner: estate_owner
--

ALTER TABLE app.fwd_family_circles ENABLE ROW LEVEL SECURITY;

--
-- Name: general_ledger; Type: ROW SECURITY; Schema: app; Owner: estate_owner
--

ALTER TABLE app.general_ledger ENABLE ROW LEVEL SECURITY;

--
-- Name: idempotency_keys; Type: ROW SECURITY; Schema: app; Owner: estate_owner
--

ALTER TABLE app.idempotency_keys ENABLE ROW LEVEL SECURITY;

--
-- Name: invoices; Type: ROW SECURITY; Schema: app; Owner: estate_owner
--

ALTER TABLE app.invoices ENABLE ROW LEVEL SECURITY;

--
-- Name: legal_entities; Type: ROW SECURITY; Schema: app; Owner: estate_owner
--

ALTER TABLE app.legal_entities ENABLE ROW LEVEL SECURITY;

--
-- Name: legal_entity_roles; Type: ROW SECURITY; Schema: app; Owner: estate_owner
--

ALTER TABLE app.legal_entity_roles ENABLE ROW LEVEL SECURITY;

--
-- Name: mfa_settings; Type: ROW SECURITY; Schema: app; Owner: estate_owner
--

ALTER TABLE app.mfa_settings ENABLE ROW LEVEL SECURITY;

--
-- Name: audit_retention_policy owner_procedures; Type: POLICY; Schema: app; Owner: estate_owner
--

CREATE POLICY owner_procedures ON app.audit_retention_policy USING (true) WITH CHECK (true);

--
-- Name: password_history; Type: ROW SECURITY; Schema: app; Owner: estate_owner
--

ALTER TABLE app.password_history ENABLE ROW LEVEL SECURITY;

--
-- Name: payment_methods; Type: ROW SECURITY; Schema: app; Owner: estate_owner
--

ALTER TABLE app.payment_methods ENABLE ROW LEVEL SECURITY;

--
-- Name: payment_transactions; Type: ROW SECURITY; Schema: app; Owner: estate_owner
--

ALTER TABLE app.payment_transactions ENABLE ROW LEVEL SECURITY;

--
-- Name: persona_addresses; Type: ROW SECURITY; Schema: app; Owner: estate_owner
--

ALTER TABLE app.persona_addresses ENABLE ROW LEVEL SECURITY;

--
-- Name: persona_emails; Type: ROW SECURITY; Schema: app; Owner: estate_owner
--

ALTER TABLE app.persona_emails ENABLE ROW LEVEL SECURITY;

--
-- Name: persona_link_invitations; Type: ROW SECURITY; Schema: app; Owner: estate_owner
--

ALTER TABLE app.persona_link_invitations ENABLE ROW LEVEL SECURITY;

--
-- Name: persona_phones; Type: ROW SECURITY; Schema: app; Owner: estate_owner
--

ALTER TABLE app.persona_phones ENABLE ROW LEVEL SECURITY;

--
-- Name: persona_relationships; Type: ROW SECURITY; Schema: app; Owner: estate_owner
--

ALTER TABLE app.persona_relationships ENABLE ROW LEVEL SECURITY;

--
-- Name: personas; Type: ROW SECURITY; Schema: app; Owner: estate_owner
--

ALTER TABLE app.personas ENABLE ROW LEVEL SECURITY;

--
-- Name: plan_features; Type: ROW SECURITY; Schema: app; Owner: estate_owner
--

ALTER TABLE app.plan_features ENABLE ROW LEVEL SECURITY;

--
-- Name: refunds; Type: ROW SECURITY; Schema: app; Owner: estate_owner
--

ALTER TABLE app.refunds ENABLE ROW LEVEL SECURITY;

--
-- Name: security_question_attempts; Type: ROW SECURITY; Schema: app; Owner: estate_owner
--

ALTER TABLE app.security_question_attempts ENABLE ROW LEVEL SECURITY;

--
-- Name: security_questions; Type: ROW SECURITY; Schema: app; Owner: estate_owner
--

ALTER TABLE app.security_questions ENABLE ROW LEVEL SECURITY;

--
-- Name: tenant_allowed_origins select_for_cors; Type: POLICY; Schema: app; Owner: estate_owner
--

CREATE POLICY select_for_cors ON app.tenant_allowed_origins FOR SELECT USING (true);

--
-- Name: tenants select_for_support; Type: POLICY; Schema: app; Owner: estate_owner
--

CREATE POLICY select_for_support ON app.tenants FOR SELECT USING (( SELECT app.is_support_session() AS is_support_session));

--
-- Name: tenant_app_clients select_for_token_routing; Type: POLICY; Schema: app; Owner: estate_owner
--

CREATE POLICY select_for_token_routing ON app.tenant_app_clients FOR SELECT USING (true);

--
-- Name: tenant_identity_providers select_for_token_routing; Type: POLICY; Schema: app; Owner: estate_owner
--

CREATE POLICY select_for_token_routing ON app.tenant_identity_providers FOR SELECT USING (true);

--
-- Name: stripe_routes select_for_webhook_routing; Type: POLICY; Schema: app; Owner: estate_owner
--

CREATE POLICY select_for_webhook_routing ON app.stripe_routes FOR SELECT USING (true);

--
-- Name: asset_categories select_reference; Type: POLICY; Schema: app; Owner: estate_owner
--

CREATE POLICY select_reference ON app.asset_categories FOR SELECT USING (true);

--
-- Name: exchange_rates select_reference; Type: POLICY; Schema: app; Owner: estate_owner
--

CREATE POLICY select_reference ON app.exchange_rates FOR SELECT USING (true);

--
-- Name: plan_features select_reference; Type: POLICY; Schema: app; Owner: estate_owner
--

CREATE POLICY select_reference ON app.plan_features FOR SELECT USING (true);

--
-- Name: subscription_plans select_reference; Type: POLICY; Schema: app; Owner: estate_owner
--

CREATE POLICY select_reference ON app.subscription_plans FOR SELECT USING (true);

--
-- Name: stripe_routes; Type: ROW SECURITY; Schema: app; Owner: estate_owner
--

ALTER TABLE app.stripe_routes ENABLE ROW LEVEL SECURITY;

--
-- Name: stripe_webhook_events; Type: ROW SECURITY; Schema: app; Owner: estate_owner
--

ALTER TABLE app.stripe_webhook_events ENABLE ROW LEVEL SECURITY;

--
-- Name: subscription_plan_changes; Type: ROW SECURITY; Schema: app; Owner: estate_owner
--

ALTER TABLE app.subscription_plan_changes ENABLE ROW LEVEL SECURITY;

--
-- Name: subscription_plans; Type: ROW SECURITY; Schema: app; Owner: estate_owner
--

ALTER TABLE app.subscription_plans ENABLE ROW LEVEL SECURITY;

--
-- Name: subscription_seats; Type: ROW SECURITY; Schema: app; Owner: estate_owner
--

ALTER TABLE app.subscription_seats ENABLE ROW LEVEL SECURITY;

--
-- Name: subscriptions; Type: ROW SECURITY; Schema: app; Owner: estate_owner
--

ALTER TABLE app.subscriptions ENABLE ROW LEVEL SECURITY;

--
-- Name: support_access_events; Type: ROW SECURITY; Schema: app; Owner: estate_owner
--

ALTER TABLE app.support_access_events ENABLE ROW LEVEL SECURITY;

--
-- Name: support_access_requests; Type: ROW SECURITY; Schema: app; Owner: estate_owner
--

ALTER TABLE app.support_access_requests ENABLE ROW LEVEL SECURITY;

--
-- Name: support_app_clients; Type: ROW SECURITY; Schema: app; Owner: estate_owner
--

ALTER TABLE app.support_app_clients ENABLE ROW LEVEL SECURITY;

--
-- Name: support_identity_providers; Type: ROW SECURITY; Schema: app; Owner: estate_owner
--

ALTER TABLE app.support_identity_providers ENABLE ROW LEVEL SECURITY;

--
-- Name: support_staff; Type: ROW SECURITY; Schema: app; Owner: estate_owner
--

ALTER TABLE app.support_staff ENABLE ROW LEVEL SECURITY;

--
-- Name: support_unmask_grants; Type: ROW SECURITY; Schema: app; Owner: estate_owner
--

ALTER TABLE app.support_unmask_grants ENABLE ROW LEVEL SECURITY;

--
-- Name: tenant_allowed_origins; Type: ROW SECURITY; Schema: app; Owner: estate_owner
--

ALTER TABLE app.tenant_allowed_origins ENABLE ROW LEVEL SECURITY;

--
-- Name: tenant_app_clients; Type: ROW SECURITY; Schema: app; Owner: estate_owner
--

ALTER TABLE app.tenant_app_clients ENABLE ROW LEVEL SECURITY;

--
-- Name: tenant_identity_providers; Type: ROW SECURITY; Schema: app; Owner: estate_owner
--

ALTER TABLE app.tenant_identity_providers ENABLE ROW LEVEL SECURITY;

--
-- Name: tenant_plan_settings; Type: ROW SECURITY; Schema: app; Owner: estate_owner
--

ALTER TABLE app.tenant_plan_settings ENABLE ROW LEVEL SECURITY;

--
-- Name: tenant_security_policies; Type: ROW SECURITY; Schema: app; Owner: estate_owner
--

ALTER TABLE app.tenant_security_policies ENABLE ROW LEVEL SECURITY;

--
-- Name: tenants; Type: ROW SECURITY; Schema: app; Owner: estate_owner
--

ALTER TABLE app.tenants ENABLE ROW LEVEL SECURITY;

--
-- Name: usage_records; Type: ROW SECURITY; Schema: app; Owner: estate_owner
--

ALTER TABLE app.usage_records ENABLE ROW LEVEL SECURITY;

--
-- Name: user_personas; Type: ROW SECURITY; Schema: app; Owner: estate_owner
--

ALTER TABLE app.user_personas ENABLE ROW LEVEL SECURITY;

--
-- Name: user_sessions; Type: ROW SECURITY; Schema: app; Owner: estate_owner
--

ALTER TABLE app.user_sessions ENABLE ROW LEVEL SECURITY;

--
-- Name: users; Type: ROW SECURITY; Schema: app; Owner: estate_owner
--

ALTER TABLE app.users ENABLE ROW LEVEL SECURITY;

--
-- Name: exchange_rates write_by_support; Type: POLICY; Schema: app; Owner: estate_owner
--

CREATE POLICY write_by_support ON app.exchange_rates USING (( SELECT app.is_support_session() AS is_support_session)) WITH CHECK (( SELECT app.is_support_session() AS is_support_session));

--
-- Name: stripe_routes write_own_tenant; Type: POLICY; Schema: app; Owner: estate_owner
--

CREATE POLICY write_own_tenant ON app.stripe_routes USING ((tenant_id = ( SELECT app.current_tenant_id() AS current_tenant_id))) WITH CHECK ((tenant_id = ( SELECT app.current_tenant_id() AS current_tenant_id)));

--
-- Name: tenant_allowed_origins write_own_tenant; Type: POLICY; Schema: app; Owner: estate_owner
--

CREATE POLICY write_own_tenant ON app.tenant_allowed_origins USING ((tenant_id = ( SELECT app.current_tenant_id() AS current_tenant_id))) WITH CHECK ((tenant_id = ( SELECT app.current_tenant_id() AS current_tenant_id)));

--
-- Name: tenant_app_clients write_own_tenant; Type: POLICY; Schema: app; Owner: estate_owner
--

CREATE POLICY write_own_tenant ON app.tenant_app_clients USING ((tenant_id = ( SELECT app.current_tenant_id() AS current_tenant_id))) WITH CHECK ((tenant_id = ( SELECT app.current_tenant_id() AS current_tenant_id)));

--
-- Name: tenant_identity_providers write_own_tenant; Type: POLICY; Schema: app; Owner: estate_owner
--

CREATE POLICY write_own_tenant ON app.tenant_identity_providers USING ((tenant_id = ( SELECT app.current_tenant_id() AS current_tenant_id))) WITH CHECK ((tenant_id = ( SELECT app.current_tenant_id() AS current_tenant_id)));

--
-- Name: audit_chain_links; Type: ROW SECURITY; Schema: audit; Owner: estate_owner
--

ALTER TABLE audit.audit_chain_links ENABLE ROW LEVEL SECURITY;

--
-- Name: audit_log; Type: ROW SECURITY; Schema: audit; Owner: estate_owner
--

ALTER TABLE audit.audit_log ENABLE ROW LEVEL SECURITY;

--
-- Name: audit_log_default; Type: ROW SECURITY; Schema: audit; Owner: estate_owner
--

ALTER TABLE audit.audit_log_default ENABLE ROW LEVEL SECURITY;

--
-- Name: audit_seals; Type: ROW SECURITY; Schema: audit; Owner: estate_owner
--

ALTER TABLE audit.audit_seals ENABLE ROW LEVEL SECURITY;

--
-- Name: audit_log insert_from_triggers; Type: POLICY; Schema: audit; Owner: estate_owner
--

CREATE POLICY insert_from_triggers ON audit.audit_log FOR INSERT WITH CHECK (true);

--
-- Name: audit_chain_links owner_procedures; Type: POLICY; Schema: audit; Owner: estate_owner
--

CREATE POLICY owner_procedures ON audit.audit_chain_links USING (true) WITH CHECK (true);

--
-- Name: audit_seals owner_procedures; Type: POLICY; Schema: audit; Owner: estate_owner
--

CREATE POLICY owner_procedures ON audit.audit_seals USING (true) WITH CHECK (true);

--
-- Name: audit_log select_own_tenant; Type: POLICY; Schema: audit; Owner: estate_owner
--

CREATE POLICY select_own_tenant ON audit.audit_log FOR SELECT USING (
CASE
    WHEN (( SELECT current_setting('audit.maintenance'::text, true) AS current_setting) = 'on'::text) THEN true
    ELSE (tenant_id = ( SELECT app.current_tenant_id() AS current_tenant_id))
END);

--
-- Name: SCHEMA api; Type: ACL; Schema: -; Owner: estate_owner
--

GRANT USAGE ON SCHEMA api TO estate_api;

--
-- Name: SCHEMA support; Type: ACL; Schema: -; Owner: estate_owner
--

GRANT USAGE ON SCHEMA support TO estate_support;

--
-- Name: FUNCTION sp_accept_ffc_invitation(p_token text); Type: ACL; Schema: api; Owner: estate_owner
--

REVOKE ALL ON FUNCTION api.sp_accept_ffc_invitation(p_token text) FROM PUBLIC;
GRANT ALL ON FUNCTION api.sp_accept_ffc_invitation(p_token text) TO estate_api;

--
-- Name: FUNCTION sp_accept_link_invitation(p_invitation_id uuid); Type: ACL; Schema: api; Owner: estate_owner
--

REVOKE ALL ON FUNCTION api.sp_accept_link_invitation(p_invitation_id uuid) FROM PUBLIC;
GRANT ALL ON FUNCTION api.sp_accept_link_invitation(p_invitation_id uuid) TO estate_api;

--
-- Name: FUNCTION sp_add_ffc_member(p_ffc_id uuid, p_persona_id uuid, p_role text); Type: ACL; Schema: api; Owner: estate_owner
--

REVOKE ALL ON FUNCTION api.sp_add_ffc_member(p_ffc_id uuid, p_persona_id uuid, p_role text) FROM PUBLIC;
GRANT ALL ON FUNCTION api.sp_add_ffc_member(p_ffc_id uuid, p_persona_id uuid, p_role text) TO estate_api;

--
-- Name: FUNCTION sp_add_payment_method(p_stripe_payment_method_id text, p_kind text, p_brand text, p_last4 text, p_exp_month integer, p_exp_year integer, p_make_default boolean); Type: ACL; Schema: api; Owner: estate_owner
--

REVOKE ALL ON FUNCTION api.sp_add_payment_method(p_stripe_payment_method_id text, p_kind text, p_brand text, p_last4 text, p_exp_month integer, p_exp_year integer, p_make_default boolean) FROM PUBLIC;
GRANT ALL ON FUNCTION api.sp_add_payment_method(p_stripe_payment_method_id text, p_kind text, p_brand text, p_last4 text, p_exp_month integer, p_exp_year integer, p_make_default boolean) TO estate_api;

--
-- Name: FUNCTION sp_add_persona_address(p_persona_id uuid, p_line1 text, p_city text, p_country_code text, p_line2 text, p_region text, p_postal_code text, p_label text, p_is_primary boolean); Type: ACL; Schema: api; Owner: estate_owner
--

REVOKE ALL ON FUNCTION api.sp_add_persona_address(p_persona_id uuid, p_line1 text, p_city text, p_country_code text, p_line2 text, p_region text, p_postal_code text, p_label text, p_is_primary boolean) FROM PUBLIC;
GRANT ALL ON FUNCTION api.sp_add_persona_address(p_persona_id uuid, p_line1 text, p_city text, p_country_code text, p_line2 text, p_region text, p_postal_code text, p_label text, p_is_primary boolean) TO estate_api;

--
-- Name: FUNCTION sp_add_persona_email(p_persona_id uuid, p_email text, p_label text, p_is_primary boolean); Type: ACL; Schema: api; Owner: estate_owner
--

REVOKE ALL ON FUNCTION api.sp_add_persona_email(p_persona_id uuid, p_email text, p_label text, p_is_primary boolean) FROM PUBLIC;
GRANT ALL ON FUNCTION api.sp_add_persona_email(p_persona_id uuid, p_email text, p_label text, p_is_primary boolean) TO estate_api;

--
-- Name: FUNCTION sp_add_persona_phone(p_persona_id uuid, p_phone_number text, p_label text, p_is_primary boolean); Type: ACL; Schema: api; Owner: estate_owner
--

REVOKE ALL ON FUNCTION api.sp_add_persona_phone(p_persona_id uuid, p_phone_number text, p_label text, p_is_primary boolean) FROM PUBLIC;
GRANT ALL ON FUNCTION api.sp_add_persona_phone(p_persona_id uuid, p_phone_number text, p_label text, p_is_primary boolean) TO estate_api;

--
-- Name: FUNCTION sp_approve_support_access_request(p_request_id uuid); Type: ACL; Schema: api; Owner: estate_owner
--

REVOKE ALL ON FUNCTION api.sp_approve_support_access_request(p_request_id uuid) FROM PUBLIC;
GRANT ALL ON FUNCTION api.sp_approve_support_access_request(p_request_id uuid) TO estate_api;

--
-- Name: FUNCTION sp_assign_asset_to_entity(p_asset_id uuid, p_entity_id uuid, p_percentage numeric, p_ownership_form text); Type: ACL; Schema: api; Owner: estate_owner
--

REVOKE ALL ON FUNCTION api.sp_assign_asset_to_entity(p_asset_id uuid, p_entity_id uuid, p_percentage numeric, p_ownership_form text) FROM PUBLIC;
GRANT ALL ON FUNCTION api.sp_assign_asset_to_entity(p_asset_id uuid, p_entity_id uuid, p_percentage numeric, p_ownership_form text) TO estate_api;

--
-- Name: FUNCTION sp_assign_asset_to_persona(p_asset_id uuid, p_persona_id uuid, p_percentage numeric, p_ownership_form text); Type: ACL; Schema: api; Owner: estate_owner
--

REVOKE ALL ON FUNCTION api.sp_assign_asset_to_persona(p_asset_id uuid, p_persona_id uuid, p_percentage numeric, p_ownership_form text) FROM PUBLIC;
GRANT ALL ON FUNCTION api.sp_assign_asset_to_persona(p_asset_id uuid, p_persona_id uuid, p_percentage numeric, p_ownership_form text) TO estate_api;

--
-- Name: FUNCTION sp_assign_free_plan(); Type: ACL; Schema: api; Owner: estate_owner
--

REVOKE ALL ON FUNCTION api.sp_assign_free_plan() FROM PUBLIC;
GRANT ALL ON FUNCTION api.sp_assign_free_plan() TO estate_api;

--
-- Name: FUNCTION sp_authenticate_api_key(p_prefix text, p_secret_sha256 bytea); Type: ACL; Schema: api; Owner: estate_owner
--

REVOKE ALL ON FUNCTION api.sp_authenticate_api_key(p_prefix text, p_secret_sha256 bytea) FROM PUBLIC;
GRANT ALL ON FUNCTION api.sp_authenticate_api_key(p_prefix text, p_secret_sha256 bytea) TO estate_api;

--
-- Name: FUNCTION sp_authenticate_user(p_session_ref text, p_user_agent text, p_ip_address inet); Type: ACL; Schema: api; Owner: estate_owner
--

REVOKE ALL ON FUNCTION api.sp_authenticate_user(p_session_ref text, p_user_agent text, p_ip_address inet) FROM PUBLIC;
GRANT ALL ON FUNCTION api.sp_authenticate_user(p_session_ref text, p_user_agent text, p_ip_address inet) TO estate_api;

--
-- Name: FUNCTION sp_begin_security_answer_check(p_question_ids uuid[]); Type: ACL; Schema: api; Owner: estate_owner
--

REVOKE ALL ON FUNCTION api.sp_begin_security_answer_check(p_question_ids uuid[]) FROM PUBLIC;
GRANT ALL ON FUNCTION api.sp_begin_security_answer_check(p_question_ids uuid[]) TO estate_api;

--
-- Name: FUNCTION sp_calculate_estate_flow(p_persona_id uuid, p_as_of date, p_currency text); Type: ACL; Schema: api; Owner: estate_owner
--

REVOKE ALL ON FUNCTION api.sp_calculate_estate_flow(p_persona_id uuid, p_as_of date, p_currency text) FROM PUBLIC;
GRANT ALL ON FUNCTION api.sp_calculate_estate_flow(p_persona_id uuid, p_as_of date, p_currency text) TO estate_api;

--
-- Name: FUNCTION sp_calculate_ffc_net_worth(p_ffc_id uuid, p_as_of date, p_currency text); Type: ACL; Schema: api; Owner: estate_owner
--

REVOKE ALL ON FUNCTION api.sp_calculate_ffc_net_worth(p_ffc_id uuid, p_as_of date, p_currency text) FROM PUBLIC;
GRANT ALL ON FUNCTION api.sp_calculate_ffc_net_worth(p_ffc_id uuid, p_as_of date, p_currency text) TO estate_api;

--
-- Name: FUNCTION sp_calculate_look_through_net_worth(p_persona_id uuid, p_as_of date, p_currency text); Type: ACL; Schema: api; Owner: estate_owner
--

REVOKE ALL ON FUNCTION api.sp_calculate_look_through_net_worth(p_persona_id uuid, p_as_of date, p_currency text) FROM PUBLIC;
GRANT ALL ON FUNCTION api.sp_calculate_look_through_net_worth(p_persona_id uuid, p_as_of date, p_currency text) TO estate_api;

--
-- Name: FUNCTION sp_calculate_net_worth(p_persona_id uuid, p_as_of date, p_currency text); Type: ACL; Schema: api; Owner: estate_owner
--

REVOKE ALL ON FUNCTION api.sp_calculate_net_worth(p_persona_id uuid, p_as_of date, p_currency text) FROM PUBLIC;
GRANT ALL ON FUNCTION api.sp_calculate_net_worth(p_persona_id uuid, p_as_of date, p_currency text) TO estate_api;

--
-- Name: FUNCTION sp_calculate_net_worth_history(p_persona_id uuid, p_from date, p_to date, p_currency text); Type: ACL; Schema: api; Owner: estate_owner
--

REVOKE ALL ON FUNCTION api.sp_calculate_net_worth_history(p_persona_id uuid, p_from date, p_to date, p_currency text) FROM PUBLIC;
GRANT ALL ON FUNCTION api.sp_calculate_net_worth_history(p_persona_id uuid, p_from date, p_to date, p_currency text) TO estate_api;

--
-- Name: FUNCTION sp_calculate_usage(); Type: ACL; Schema: api; Owner: estate_owner
--

REVOKE ALL ON FUNCTION api.sp_calculate_usage() FROM PUBLIC;
GRANT ALL ON FUNCTION api.sp_calculate_usage() TO estate_api;

--
-- Name: FUNCTION sp_cancel_subscription(p_at_period_end boolean); Type: ACL; Schema: api; Owner: estate_owner
--

REVOKE ALL ON FUNCTION api.sp_cancel_subscription(p_at_period_end boolean) FROM PUBLIC;
GRANT ALL ON FUNCTION api.sp_cancel_subscription(p_at_period_end boolean) TO estate_api;

--
-- Name: FUNCTION sp_check_estate_plan(p_persona_id uuid, p_as_of date); Type: ACL; Schema: api; Owner: estate_owner
--

REVOKE ALL ON FUNCTION api.sp_check_estate_plan(p_persona_id uuid, p_as_of date) FROM PUBLIC;
GRANT ALL ON FUNCTION api.sp_check_estate_plan(p_persona_id uuid, p_as_of date) TO estate_api;

--
-- Name: FUNCTION sp_claim_idempotency_key(p_key text, p_request_hash text); Type: ACL; Schema: api; Owner: estate_owner
--

REVOKE ALL ON FUNCTION api.sp_claim_idempotency_key(p_key text, p_request_hash text) FROM PUBLIC;
GRANT ALL ON FUNCTION api.sp_claim_idempotency_key(p_key text, p_request_hash text) TO estate_api;

--
-- Name: FUNCTION sp_create_api_key(p_name text, p_scopes text[], p_expires_in_days integer, p_prefix text, p_secret_sha256 bytea); Type: ACL; Schema: api; Owner: estate_owner
--

REVOKE ALL ON FUNCTION api.sp_create_api_key(p_name text, p_scopes text[], p_expires_in_days integer, p_prefix text, p_secret_sha256 bytea) FROM PUBLIC;
GRANT ALL ON FUNCTION api.sp_create_api_key(p_name text, p_scopes text[], p_expires_in_days integer, p_prefix text, p_secret_sha256 bytea) TO estate_api;

--
-- Name: FUNCTION sp_create_asset(p_asset_type text, p_category_code text, p_name text, p_currency text, p_owner_persona_id uuid, p_initial_value numeric, p_valued_on date, p_details jsonb, p_description text, p_ownership_percentage numeric, p_ownership_form text, p_valuation_source text, p_identifier_ciphertext bytea, p_identifier_last4 text); Type: ACL; Schema: api; Owner: estate_owner
--

REVOKE ALL ON FUNCTION api.sp_create_asset(p_asset_type text, p_category_code text, p_name text, p_currency text, p_owner_persona_id uuid, p_initial_value numeric, p_valued_on date, p_details jsonb, p_description text, p_ownership_percentage numeric, p_ownership_form text, p_valuation_source text, p_identifier_ciphertext bytea, p_identifier_last4 text) FROM PUBLIC;
GRANT ALL ON FUNCTION api.sp_create_asset(p_asset_type text, p_category_code text, p_name text, p_currency text, p_owner_persona_id uuid, p_initial_value numeric, p_valued_on date, p_details jsonb, p_description text, p_ownership_percentage numeric, p_ownership_form text, p_valuation_source text, p_identifier_ciphertext bytea, p_identifier_last4 text) TO estate_api;

--
-- Name: FUNCTION sp_create_data_request(p_kind text); Type: ACL; Schema: api; Owner: estate_owner
--

REVOKE ALL ON FUNCTION api.sp_create_data_request(p_kind text) FROM PUBLIC;
GRANT ALL ON FUNCTION api.sp_create_data_request(p_kind text) TO estate_api;

--
-- Name: FUNCTION sp_create_ffc(p_name text, p_description text); Type: ACL; Schema: api; Owner: estate_owner
--

REVOKE ALL ON FUNCTION api.sp_create_ffc(p_name text, p_description text) FROM PUBLIC;
GRANT ALL ON FUNCTION api.sp_create_ffc(p_name text, p_description text) TO estate_api;

--
-- Name: FUNCTION sp_create_legal_entity(p_entity_kind text, p_name text, p_jurisdiction text, p_effective_date date, p_roles jsonb); Type: ACL; Schema: api; Owner: estate_owner
--

REVOKE ALL ON FUNCTION api.sp_create_legal_entity(p_entity_kind text, p_name text, p_jurisdiction text, p_effective_date date, p_roles jsonb) FROM PUBLIC;
GRANT ALL ON FUNCTION api.sp_create_legal_entity(p_entity_kind text, p_name text, p_jurisdiction text, p_effective_date date, p_roles jsonb) TO estate_api;

--
-- Name: FUNCTION sp_create_persona(p_first_name text, p_last_name text, p_middle_name text, p_preferred_name text, p_date_of_birth date, p_living_status text, p_date_of_death date); Type: ACL; Schema: api; Owner: estate_owner
--

REVOKE ALL ON FUNCTION api.sp_create_persona(p_first_name text, p_last_name text, p_middle_name text, p_preferred_name text, p_date_of_birth date, p_living_status text, p_date_of_death date) FROM PUBLIC;
GRANT ALL ON FUNCTION api.sp_create_persona(p_first_name text, p_last_name text, p_middle_name text, p_preferred_name text, p_date_of_birth date, p_living_status text, p_date_of_death date) TO estate_api;

--
-- Name: FUNCTION sp_create_subscription(p_plan_code text); Type: ACL; Schema: api; Owner: estate_owner
--

REVOKE ALL ON FUNCTION api.sp_create_subscription(p_plan_code text) FROM PUBLIC;
GRANT ALL ON FUNCTION api.sp_create_subscription(p_plan_code text) TO estate_api;

--
-- Name: FUNCTION sp_deactivate_user(); Type: ACL; Schema: api; Owner: estate_owner
--

REVOKE ALL ON FUNCTION api.sp_deactivate_user() FROM PUBLIC;
GRANT ALL ON FUNCTION api.sp_deactivate_user() TO estate_api;

--
-- Name: FUNCTION sp_decline_link_invitation(p_invitation_id uuid); Type: ACL; Schema: api; Owner: estate_owner
--

REVOKE ALL ON FUNCTION api.sp_decline_link_invitation(p_invitation_id uuid) FROM PUBLIC;
GRANT ALL ON FUNCTION api.sp_decline_link_invitation(p_invitation_id uuid) TO estate_api;

--
-- Name: FUNCTION sp_delete_asset(p_asset_id uuid); Type: ACL; Schema: api; Owner: estate_owner
--

REVOKE ALL ON FUNCTION api.sp_delete_asset(p_asset_id uuid) FROM PUBLIC;
GRANT ALL ON FUNCTION api.sp_delete_asset(p_asset_id uuid) TO estate_api;

--
-- Name: FUNCTION sp_delete_ffc(p_ffc_id uuid); Type: ACL; Schema: api; Owner: estate_owner
--

REVOKE ALL ON FUNCTION api.sp_delete_ffc(p_ffc_id uuid) FROM PUBLIC;
GRANT ALL ON FUNCTION api.sp_delete_ffc(p_ffc_id uuid) TO estate_api;

--
-- Name: FUNCTION sp_delete_legal_entity(p_entity_id uuid); Type: ACL; Schema: api; Owner: estate_owner
--

REVOKE ALL ON FUNCTION api.sp_delete_legal_entity(p_entity_id uuid) FROM PUBLIC;
GRANT ALL ON FUNCTION api.sp_delete_legal_entity(p_entity_id uuid) TO estate_api;

--
-- Name: FUNCTION sp_deny_support_access_request(p_request_id uuid); Type: ACL; Schema: api; Owner: estate_owner
--

REVOKE ALL ON FUNCTION api.sp_deny_support_access_request(p_request_id uuid) FROM PUBLIC;
GRANT ALL ON FUNCTION api.sp_deny_support_access_request(p_request_id uuid) TO estate_api;

--
-- Name: FUNCTION sp_finish_security_answer_check(p_attempt_id uuid, p_verified boolean); Type: ACL; Schema: api; Owner: estate_owner
--

REVOKE ALL ON FUNCTION api.sp_finish_security_answer_check(p_attempt_id uuid, p_verified boolean) FROM PUBLIC;
GRANT ALL ON FUNCTION api.sp_finish_security_answer_check(p_attempt_id uuid, p_verified boolean) TO estate_api;

--
-- Name: FUNCTION sp_get_asset(p_asset_id uuid); Type: ACL; Schema: api; Owner: estate_owner
--

REVOKE ALL ON FUNCTION api.sp_get_asset(p_asset_id uuid) FROM PUBLIC;
GRANT ALL ON FUNCTION api.sp_get_asset(p_asset_id uuid) TO estate_api;

--
-- Name: FUNCTION sp_get_asset_beneficiaries(p_asset_id uuid); Type: ACL; Schema: api; Owner: estate_owner
--

REVOKE ALL ON FUNCTION api.sp_get_asset_beneficiaries(p_asset_id uuid) FROM PUBLIC;
GRANT ALL ON FUNCTION api.sp_get_asset_beneficiaries(p_asset_id uuid) TO estate_api;

--
-- Name: FUNCTION sp_get_asset_equity(p_asset_id uuid, p_as_of date, p_currency text); Type: ACL; Schema: api; Owner: estate_owner
--

REVOKE ALL ON FUNCTION api.sp_get_asset_equity(p_asset_id uuid, p_as_of date, p_currency text) FROM PUBLIC;
GRANT ALL ON FUNCTION api.sp_get_asset_equity(p_asset_id uuid, p_as_of date, p_currency text) TO estate_api;

--
-- Name: FUNCTION sp_get_asset_valuations(p_asset_id uuid, p_as_of date, p_sort text, p_limit integer, p_offset integer); Type: ACL; Schema: api; Owner: estate_owner
--

REVOKE ALL ON FUNCTION api.sp_get_asset_valuations(p_asset_id uuid, p_as_of date, p_sort text, p_limit integer, p_offset integer) FROM PUBLIC;
GRANT ALL ON FUNCTION api.sp_get_asset_valuations(p_asset_id uuid, p_as_of date, p_sort text, p_limit integer, p_offset integer) TO estate_api;

--
-- Name: FUNCTION sp_get_current_user(); Type: ACL; Schema: api; Owner: estate_owner
--

REVOKE ALL ON FUNCTION api.sp_get_current_user() FROM PUBLIC;
GRANT ALL ON FUNCTION api.sp_get_current_user() TO estate_api;

--
-- Name: FUNCTION sp_get_data_export(p_request_id uuid); Type: ACL; Schema: api; Owner: estate_owner
--

REVOKE ALL ON FUNCTION api.sp_get_data_export(p_request_id uuid) FROM PUBLIC;
GRANT ALL ON FUNCTION api.sp_get_data_export(p_request_id uuid) TO estate_api;

--
-- Name: FUNCTION sp_get_entity_beneficiaries(p_entity_id uuid); Type: ACL; Schema: api; Owner: estate_owner
--

REVOKE ALL ON FUNCTION api.sp_get_entity_beneficiaries(p_entity_id uuid) FROM PUBLIC;
GRANT ALL ON FUNCTION api.sp_get_entity_beneficiaries(p_entity_id uuid) TO estate_api;

--
-- Name: FUNCTION sp_get_entity_interests(p_entity_id uuid); Type: ACL; Schema: api; Owner: estate_owner
--

REVOKE ALL ON FUNCTION api.sp_get_entity_interests(p_entity_id uuid) FROM PUBLIC;
GRANT ALL ON FUNCTION api.sp_get_entity_interests(p_entity_id uuid) TO estate_api;

--
-- Name: FUNCTION sp_get_entity_net_worth(p_entity_id uuid, p_as_of date, p_currency text); Type: ACL; Schema: api; Owner: estate_owner
--

REVOKE ALL ON FUNCTION api.sp_get_entity_net_worth(p_entity_id uuid, p_as_of date, p_currency text) FROM PUBLIC;
GRANT ALL ON FUNCTION api.sp_get_entity_net_worth(p_entity_id uuid, p_as_of date, p_currency text) TO estate_api;

--
-- Name: FUNCTION sp_get_estate_beneficiaries(p_persona_id uuid); Type: ACL; Schema: api; Owner: estate_owner
--

REVOKE ALL ON FUNCTION api.sp_get_estate_beneficiaries(p_persona_id uuid) FROM PUBLIC;
GRANT ALL ON FUNCTION api.sp_get_estate_beneficiaries(p_persona_id uuid) TO estate_api;

--
-- Name: FUNCTION sp_get_ffc(p_ffc_id uuid); Type: ACL; Schema: api; Owner: estate_owner
--

REVOKE ALL ON FUNCTION api.sp_get_ffc(p_ffc_id uuid) FROM PUBLIC;
GRANT ALL ON FUNCTION api.sp_get_ffc(p_ffc_id uuid) TO estate_api;

--
-- Name: FUNCTION sp_get_ffc_hierarchy(p_ffc_id uuid); Type: ACL; Schema: api; Owner: estate_owner
--

REVOKE ALL ON FUNCTION api.sp_get_ffc_hierarchy(p_ffc_id uuid) FROM PUBLIC;
GRANT ALL ON FUNCTION api.sp_get_ffc_hierarchy(p_ffc_id uuid) TO estate_api;

--
-- Name: FUNCTION sp_get_ffc_member(p_ffc_id uuid, p_persona_id uuid); Type: ACL; Schema: api; Owner: estate_owner
--

REVOKE ALL ON FUNCTION api.sp_get_ffc_member(p_ffc_id uuid, p_persona_id uuid) FROM PUBLIC;
GRANT ALL ON FUNCTION api.sp_get_ffc_member(p_ffc_id uuid, p_persona_id uuid) TO estate_api;

--
-- Name: FUNCTION sp_get_invoice(p_invoice_id uuid); Type: ACL; Schema: api; Owner: estate_owner
--

REVOKE ALL ON FUNCTION api.sp_get_invoice(p_invoice_id uuid) FROM PUBLIC;
GRANT ALL ON FUNCTION api.sp_get_invoice(p_invoice_id uuid) TO estate_api;

--
-- Name: FUNCTION sp_get_legal_entity(p_entity_id uuid); Type: ACL; Schema: api; Owner: estate_owner
--

REVOKE ALL ON FUNCTION api.sp_get_legal_entity(p_entity_id uuid) FROM PUBLIC;
GRANT ALL ON FUNCTION api.sp_get_legal_entity(p_entity_id uuid) TO estate_api;

--
-- Name: FUNCTION sp_get_my_data_request(p_request_id uuid); Type: ACL; Schema: api; Owner: estate_owner
--

REVOKE ALL ON FUNCTION api.sp_get_my_data_request(p_request_id uuid) FROM PUBLIC;
GRANT ALL ON FUNCTION api.sp_get_my_data_request(p_request_id uuid) TO estate_api;

--
-- Name: FUNCTION sp_get_my_mfa(); Type: ACL; Schema: api; Owner: estate_owner
--

REVOKE ALL ON FUNCTION api.sp_get_my_mfa() FROM PUBLIC;
GRANT ALL ON FUNCTION api.sp_get_my_mfa() TO estate_api;

--
-- Name: FUNCTION sp_get_my_password_status(); Type: ACL; Schema: api; Owner: estate_owner
--

REVOKE ALL ON FUNCTION api.sp_get_my_password_status() FROM PUBLIC;
GRANT ALL ON FUNCTION api.sp_get_my_password_status() TO estate_api;

--
-- Name: FUNCTION sp_get_my_subscription(); Type: ACL; Schema: api; Owner: estate_owner
--

REVOKE ALL ON FUNCTION api.sp_get_my_subscription() FROM PUBLIC;
GRANT ALL ON FUNCTION api.sp_get_my_subscription() TO estate_api;

--
-- Name: FUNCTION sp_get_persona(p_persona_id uuid); Type: ACL; Schema: api; Owner: estate_owner
--

REVOKE ALL ON FUNCTION api.sp_get_persona(p_persona_id uuid) FROM PUBLIC;
GRANT ALL ON FUNCTION api.sp_get_persona(p_persona_id uuid) TO estate_api;

--
-- Name: FUNCTION sp_get_persona_assets(p_persona_id uuid, p_asset_type text, p_q text, p_sort text, p_limit integer, p_offset integer); Type: ACL; Schema: api; Owner: estate_owner
--

REVOKE ALL ON FUNCTION api.sp_get_persona_assets(p_persona_id uuid, p_asset_type text, p_q text, p_sort text, p_limit integer, p_offset integer) FROM PUBLIC;
GRANT ALL ON FUNCTION api.sp_get_persona_assets(p_persona_id uuid, p_asset_type text, p_q text, p_sort text, p_limit integer, p_offset integer) TO estate_api;

--
-- Name: FUNCTION sp_invite_ffc_member(p_ffc_id uuid, p_email text, p_role text, p_valid_hours integer); Type: ACL; Schema: api; Owner: estate_owner
--

REVOKE ALL ON FUNCTION api.sp_invite_ffc_member(p_ffc_id uuid, p_email text, p_role text, p_valid_hours integer) FROM PUBLIC;
GRANT ALL ON FUNCTION api.sp_invite_ffc_member(p_ffc_id uuid, p_email text, p_role text, p_valid_hours integer) TO estate_api;

--
-- Name: FUNCTION sp_link_user_persona(p_user_id uuid, p_persona_id uuid, p_link_kind text); Type: ACL; Schema: api; Owner: estate_owner
--

REVOKE ALL ON FUNCTION api.sp_link_user_persona(p_user_id uuid, p_persona_id uuid, p_link_kind text) FROM PUBLIC;
GRANT ALL ON FUNCTION api.sp_link_user_persona(p_user_id uuid, p_persona_id uuid, p_link_kind text) TO estate_api;

--
-- Name: FUNCTION sp_list_allowed_origins(); Type: ACL; Schema: api; Owner: estate_owner
--

REVOKE ALL ON FUNCTION api.sp_list_allowed_origins() FROM PUBLIC;
GRANT ALL ON FUNCTION api.sp_list_allowed_origins() TO estate_api;

--
-- Name: FUNCTION sp_list_asset_categories(); Type: ACL; Schema: api; Owner: estate_owner
--

REVOKE ALL ON FUNCTION api.sp_list_asset_categories() FROM PUBLIC;
GRANT ALL ON FUNCTION api.sp_list_asset_categories() TO estate_api;

--
-- Name: FUNCTION sp_list_auth_clients(); Type: ACL; Schema: api; Owner: estate_owner
--

REVOKE ALL ON FUNCTION api.sp_list_auth_clients() FROM PUBLIC;
GRANT ALL ON FUNCTION api.sp_list_auth_clients() TO estate_api;

--
-- Name: FUNCTION sp_list_exchange_rates(p_as_of date, p_currency text, p_limit integer, p_offset integer); Type: ACL; Schema: api; Owner: estate_owner
--

REVOKE ALL ON FUNCTION api.sp_list_exchange_rates(p_as_of date, p_currency text, p_limit integer, p_offset integer) FROM PUBLIC;
GRANT ALL ON FUNCTION api.sp_list_exchange_rates(p_as_of date, p_currency text, p_limit integer, p_offset integer) TO estate_api;

--
-- Name: FUNCTION sp_list_ffc_assets(p_ffc_id uuid, p_asset_type text, p_q text, p_sort text, p_limit integer, p_offset integer); Type: ACL; Schema: api; Owner: estate_owner
--

REVOKE ALL ON FUNCTION api.sp_list_ffc_assets(p_ffc_id uuid, p_asset_type text, p_q text, p_sort text, p_limit integer, p_offset integer) FROM PUBLIC;
GRANT ALL ON FUNCTION api.sp_list_ffc_assets(p_ffc_id uuid, p_asset_type text, p_q text, p_sort text, p_limit integer, p_offset integer) TO estate_api;

--
-- Name: FUNCTION sp_list_ffc_invitations(p_ffc_id uuid, p_status text, p_q text, p_sort text, p_limit integer, p_offset integer); Type: ACL; Schema: api; Owner: estate_owner
--

REVOKE ALL ON FUNCTION api.sp_list_ffc_invitations(p_ffc_id uuid, p_status text, p_q text, p_sort text, p_limit integer, p_offset integer) FROM PUBLIC;
GRANT ALL ON FUNCTION api.sp_list_ffc_invitations(p_ffc_id uuid, p_status text, p_q text, p_sort text, p_limit integer, p_offset integer) TO estate_api;

--
-- Name: FUNCTION sp_list_invoices(p_status text, p_sort text, p_limit integer, p_offset integer); Type: ACL; Schema: api; Owner: estate_owner
--

REVOKE ALL ON FUNCTION api.sp_list_invoices(p_status text, p_sort text, p_limit integer, p_offset integer) FROM PUBLIC;
GRANT ALL ON FUNCTION api.sp_list_invoices(p_status text, p_sort text, p_limit integer, p_offset integer) TO estate_api;

--
-- Name: FUNCTION sp_list_legal_entities(p_limit integer, p_offset integer); Type: ACL; Schema: api; Owner: estate_owner
--

REVOKE ALL ON FUNCTION api.sp_list_legal_entities(p_limit integer, p_offset integer) FROM PUBLIC;
GRANT ALL ON FUNCTION api.sp_list_legal_entities(p_limit integer, p_offset integer) TO estate_api;

--
-- Name: FUNCTION sp_list_my_api_keys(p_limit integer, p_offset integer); Type: ACL; Schema: api; Owner: estate_owner
--

REVOKE ALL ON FUNCTION api.sp_list_my_api_keys(p_limit integer, p_offset integer) FROM PUBLIC;
GRANT ALL ON FUNCTION api.sp_list_my_api_keys(p_limit integer, p_offset integer) TO estate_api;

--
-- Name: FUNCTION sp_list_my_assets(p_asset_type text, p_ffc_id uuid, p_q text, p_sort text, p_limit integer, p_offset integer); Type: ACL; Schema: api; Owner: estate_owner
--

REVOKE ALL ON FUNCTION api.sp_list_my_assets(p_asset_type text, p_ffc_id uuid, p_q text, p_sort text, p_limit integer, p_offset integer) FROM PUBLIC;
GRANT ALL ON FUNCTION api.sp_list_my_assets(p_asset_type text, p_ffc_id uuid, p_q text, p_sort text, p_limit integer, p_offset integer) TO estate_api;

--
-- Name: FUNCTION sp_list_my_consents(p_limit integer, p_offset integer); Type: ACL; Schema: api; Owner: estate_owner
--

REVOKE ALL ON FUNCTION api.sp_list_my_consents(p_limit integer, p_offset integer) FROM PUBLIC;
GRANT ALL ON FUNCTION api.sp_list_my_consents(p_limit integer, p_offset integer) TO estate_api;

--
-- Name: FUNCTION sp_list_my_data_requests(p_limit integer, p_offset integer); Type: ACL; Schema: api; Owner: estate_owner
--

REVOKE ALL ON FUNCTION api.sp_list_my_data_requests(p_limit integer, p_offset integer) FROM PUBLIC;
GRANT ALL ON FUNCTION api.sp_list_my_data_requests(p_limit integer, p_offset integer) TO estate_api;

--
-- Name: FUNCTION sp_list_my_ffc_invitations(p_sort text, p_limit integer, p_offset integer); Type: ACL; Schema: api; Owner: estate_owner
--

REVOKE ALL ON FUNCTION api.sp_list_my_ffc_invitations(p_sort text, p_limit integer, p_offset integer) FROM PUBLIC;
GRANT ALL ON FUNCTION api.sp_list_my_ffc_invitations(p_sort text, p_limit integer, p_offset integer) TO estate_api;

--
-- Name: FUNCTION sp_list_my_ffcs(p_q text, p_sort text, p_limit integer, p_offset integer); Type: ACL; Schema: api; Owner: estate_owner
--

REVOKE ALL ON FUNCTION api.sp_list_my_ffcs(p_q text, p_sort text, p_limit integer, p_offset integer) FROM PUBLIC;
GRANT ALL ON FUNCTION api.sp_list_my_ffcs(p_q text, p_sort text, p_limit integer, p_offset integer) TO estate_api;

--
-- Name: FUNCTION sp_list_my_link_invitations(p_sort text, p_limit integer, p_offset integer); Type: ACL; Schema: api; Owner: estate_owner
--

REVOKE ALL ON FUNCTION api.sp_list_my_link_invitations(p_sort text, p_limit integer, p_offset integer) FROM PUBLIC;
GRANT ALL ON FUNCTION api.sp_list_my_link_invitations(p_sort text, p_limit integer, p_offset integer) TO estate_api;

--
-- Name: FUNCTION sp_list_my_personas(p_q text, p_sort text, p_limit integer, p_offset integer); Type: ACL; Schema: api; Owner: estate_owner
--

REVOKE ALL ON FUNCTION api.sp_list_my_personas(p_q text, p_sort text, p_limit integer, p_offset integer) FROM PUBLIC;
GRANT ALL ON FUNCTION api.sp_list_my_personas(p_q text, p_sort text, p_limit integer, p_offset integer) TO estate_api;

--
-- Name: FUNCTION sp_list_my_security_questions(); Type: ACL; Schema: api; Owner: estate_owner
--

REVOKE ALL ON FUNCTION api.sp_list_my_security_questions() FROM PUBLIC;
GRANT ALL ON FUNCTION api.sp_list_my_security_questions() TO estate_api;

--
-- Name: FUNCTION sp_list_my_sessions(p_limit integer, p_offset integer); Type: ACL; Schema: api; Owner: estate_owner
--

REVOKE ALL ON FUNCTION api.sp_list_my_sessions(p_limit integer, p_offset integer) FROM PUBLIC;
GRANT ALL ON FUNCTION api.sp_list_my_sessions(p_limit integer, p_offset integer) TO estate_api;

--
-- Name: FUNCTION sp_list_my_support_access(p_limit integer, p_offset integer); Type: ACL; Schema: api; Owner: estate_owner
--

REVOKE ALL ON FUNCTION api.sp_list_my_support_access(p_limit integer, p_offset integer) FROM PUBLIC;
GRANT ALL ON FUNCTION api.sp_list_my_support_access(p_limit integer, p_offset integer) TO estate_api;

--
-- Name: FUNCTION sp_list_my_support_access_events(p_limit integer, p_offset integer); Type: ACL; Schema: api; Owner: estate_owner
--

REVOKE ALL ON FUNCTION api.sp_list_my_support_access_events(p_limit integer, p_offset integer) FROM PUBLIC;
GRANT ALL ON FUNCTION api.sp_list_my_support_access_events(p_limit integer, p_offset integer) TO estate_api;

--
-- Name: FUNCTION sp_list_my_support_access_requests(p_state text, p_limit integer, p_offset integer); Type: ACL; Schema: api; Owner: estate_owner
--

REVOKE ALL ON FUNCTION api.sp_list_my_support_access_requests(p_state text, p_limit integer, p_offset integer) FROM PUBLIC;
GRANT ALL ON FUNCTION api.sp_list_my_support_access_requests(p_state text, p_limit integer, p_offset integer) TO estate_api;

--
-- Name: FUNCTION sp_list_payment_methods(); Type: ACL; Schema: api; Owner: estate_owner
--

REVOKE ALL ON FUNCTION api.sp_list_payment_methods() FROM PUBLIC;
GRANT ALL ON FUNCTION api.sp_list_payment_methods() TO estate_api;

--
-- Name: FUNCTION sp_list_plans(); Type: ACL; Schema: api; Owner: estate_owner
--

REVOKE ALL ON FUNCTION api.sp_list_plans() FROM PUBLIC;
GRANT ALL ON FUNCTION api.sp_list_plans() TO estate_api;

--
-- Name: FUNCTION sp_list_subscription_changes(p_sort text, p_limit integer, p_offset integer); Type: ACL; Schema: api; Owner: estate_owner
--

REVOKE ALL ON FUNCTION api.sp_list_subscription_changes(p_sort text, p_limit integer, p_offset integer) FROM PUBLIC;
GRANT ALL ON FUNCTION api.sp_list_subscription_changes(p_sort text, p_limit integer, p_offset integer) TO estate_api;

--
-- Name: FUNCTION sp_list_subscription_seats(); Type: ACL; Schema: api; Owner: estate_owner
--

REVOKE ALL ON FUNCTION api.sp_list_subscription_seats() FROM PUBLIC;
GRANT ALL ON FUNCTION api.sp_list_subscription_seats() TO estate_api;

--
-- Name: FUNCTION sp_lock_for_precondition(p_kind text, p_id uuid); Type: ACL; Schema: api; Owner: estate_owner
--

REVOKE ALL ON FUNCTION api.sp_lock_for_precondition(p_kind text, p_id uuid) FROM PUBLIC;
GRANT ALL ON FUNCTION api.sp_lock_for_precondition(p_kind text, p_id uuid) TO estate_api;

--
-- Name: FUNCTION sp_record_consent(p_purpose text, p_version text, p_decision text); Type: ACL; Schema: api; Owner: estate_owner
--

REVOKE ALL ON FUNCTION api.sp_record_consent(p_purpose text, p_version text, p_decision text) FROM PUBLIC;
GRANT ALL ON FUNCTION api.sp_record_consent(p_purpose text, p_version text, p_decision text) TO estate_api;

--
-- Name: FUNCTION sp_record_persona_relationship(p_persona_id uuid, p_related_persona_id uuid, p_relationship_type text); Type: ACL; Schema: api; Owner: estate_owner
--

REVOKE ALL ON FUNCTION api.sp_record_persona_relationship(p_persona_id uuid, p_related_persona_id uuid, p_relationship_type text) FROM PUBLIC;
GRANT ALL ON FUNCTION api.sp_record_persona_relationship(p_persona_id uuid, p_related_persona_id uuid, p_relationship_type text) TO estate_api;

--
-- Name: FUNCTION sp_record_stripe_event(p_event jsonb); Type: ACL; Schema: api; Owner: estate_owner
--

REVOKE ALL ON FUNCTION api.sp_record_stripe_event(p_event jsonb) FROM PUBLIC;
GRANT ALL ON FUNCTION api.sp_record_stripe_event(p_event jsonb) TO estate_api;

--
-- Name: FUNCTION sp_register_user(p_first_name text, p_last_name text, p_date_of_birth date); Type: ACL; Schema: api; Owner: estate_owner
--

REVOKE ALL ON FUNCTION api.sp_register_user(p_first_name text, p_last_name text, p_date_of_birth date) FROM PUBLIC;
GRANT ALL ON FUNCTION api.sp_register_user(p_first_name text, p_last_name text, p_date_of_birth date) TO estate_api;

--
-- Name: FUNCTION sp_remove_ffc_member(p_ffc_id uuid, p_persona_id uuid); Type: ACL; Schema: api; Owner: estate_owner
--

REVOKE ALL ON FUNCTION api.sp_remove_ffc_member(p_ffc_id uuid, p_persona_id uuid) FROM PUBLIC;
GRANT ALL ON FUNCTION api.sp_remove_ffc_member(p_ffc_id uuid, p_persona_id uuid) TO estate_api;

--
-- Name: FUNCTION sp_remove_payment_method(p_payment_method_id uuid); Type: ACL; Schema: api; Owner: estate_owner
--

REVOKE ALL ON FUNCTION api.sp_remove_payment_method(p_payment_method_id uuid) FROM PUBLIC;
GRANT ALL ON FUNCTION api.sp_remove_payment_method(p_payment_method_id uuid) TO estate_api;

--
-- Name: FUNCTION sp_remove_persona_contact(p_persona_id uuid, p_contact_kind text, p_contact_id uuid); Type: ACL; Schema: api; Owner: estate_owner
--

REVOKE ALL ON FUNCTION api.sp_remove_persona_contact(p_persona_id uuid, p_contact_kind text, p_contact_id uuid) FROM PUBLIC;
GRANT ALL ON FUNCTION api.sp_remove_persona_contact(p_persona_id uuid, p_contact_kind text, p_contact_id uuid) TO estate_api;

--
-- Name: FUNCTION sp_report_my_mfa_factors(p_factors text[], p_preferred_factor text); Type: ACL; Schema: api; Owner: estate_owner
--

REVOKE ALL ON FUNCTION api.sp_report_my_mfa_factors(p_factors text[], p_preferred_factor text) FROM PUBLIC;
GRANT ALL ON FUNCTION api.sp_report_my_mfa_factors(p_factors text[], p_preferred_factor text) TO estate_api;

--
-- Name: FUNCTION sp_report_password_rotation(); Type: ACL; Schema: api; Owner: estate_owner
--

REVOKE ALL ON FUNCTION api.sp_report_password_rotation() FROM PUBLIC;
GRANT ALL ON FUNCTION api.sp_report_password_rotation() TO estate_api;

--
-- Name: FUNCTION sp_revoke_api_key(p_api_key_id uuid); Type: ACL; Schema: api; Owner: estate_owner
--

REVOKE ALL ON FUNCTION api.sp_revoke_api_key(p_api_key_id uuid) FROM PUBLIC;
GRANT ALL ON FUNCTION api.sp_revoke_api_key(p_api_key_id uuid) TO estate_api;

--
-- Name: FUNCTION sp_revoke_asset_permission(p_asset_id uuid, p_permission_id uuid); Type: ACL; Schema: api; Owner: estate_owner
--

REVOKE ALL ON FUNCTION api.sp_revoke_asset_permission(p_asset_id uuid, p_permission_id uuid) FROM PUBLIC;
GRANT ALL ON FUNCTION api.sp_revoke_asset_permission(p_asset_id uuid, p_permission_id uuid) TO estate_api;

--
-- Name: FUNCTION sp_revoke_ffc_invitation(p_ffc_id uuid, p_invitation_id uuid); Type: ACL; Schema: api; Owner: estate_owner
--

REVOKE ALL ON FUNCTION api.sp_revoke_ffc_invitation(p_ffc_id uuid, p_invitation_id uuid) FROM PUBLIC;
GRANT ALL ON FUNCTION api.sp_revoke_ffc_invitation(p_ffc_id uuid, p_invitation_id uuid) TO estate_api;

--
-- Name: FUNCTION sp_revoke_link_invitation(p_persona_id uuid, p_user_id uuid); Type: ACL; Schema: api; Owner: estate_owner
--

REVOKE ALL ON FUNCTION api.sp_revoke_link_invitation(p_persona_id uuid, p_user_id uuid) FROM PUBLIC;
GRANT ALL ON FUNCTION api.sp_revoke_link_invitation(p_persona_id uuid, p_user_id uuid) TO estate_api;

--
-- Name: FUNCTION sp_revoke_my_session(p_session_id uuid); Type: ACL; Schema: api; Owner: estate_owner
--

REVOKE ALL ON FUNCTION api.sp_revoke_my_session(p_session_id uuid) FROM PUBLIC;
GRANT ALL ON FUNCTION api.sp_revoke_my_session(p_session_id uuid) TO estate_api;

--
-- Name: FUNCTION sp_revoke_support_access_request(p_request_id uuid); Type: ACL; Schema: api; Owner: estate_owner
--

REVOKE ALL ON FUNCTION api.sp_revoke_support_access_request(p_request_id uuid) FROM PUBLIC;
GRANT ALL ON FUNCTION api.sp_revoke_support_access_request(p_request_id uuid) TO estate_api;

--
-- Name: FUNCTION sp_search_assets(p_query text, p_limit integer, p_offset integer); Type: ACL; Schema: api; Owner: estate_owner
--

REVOKE ALL ON FUNCTION api.sp_search_assets(p_query text, p_limit integer, p_offset integer) FROM PUBLIC;
GRANT ALL ON FUNCTION api.sp_search_assets(p_query text, p_limit integer, p_offset integer) TO estate_api;

--
-- Name: FUNCTION sp_set_asset_beneficiaries(p_asset_id uuid, p_effective_on date, p_primary jsonb, p_contingent jsonb); Type: ACL; Schema: api; Owner: estate_owner
--

REVOKE ALL ON FUNCTION api.sp_set_asset_beneficiaries(p_asset_id uuid, p_effective_on date, p_primary jsonb, p_contingent jsonb) FROM PUBLIC;
GRANT ALL ON FUNCTION api.sp_set_asset_beneficiaries(p_asset_id uuid, p_effective_on date, p_primary jsonb, p_contingent jsonb) TO estate_api;

--
-- Name: FUNCTION sp_set_asset_permission(p_asset_id uuid, p_permission text, p_grantee_persona_id uuid, p_grantee_ffc_id uuid, p_grantee_ffc_role text); Type: ACL; Schema: api; Owner: estate_owner
--

REVOKE ALL ON FUNCTION api.sp_set_asset_permission(p_asset_id uuid, p_permission text, p_grantee_persona_id uuid, p_grantee_ffc_id uuid, p_grantee_ffc_role text) FROM PUBLIC;
GRANT ALL ON FUNCTION api.sp_set_asset_permission(p_asset_id uuid, p_permission text, p_grantee_persona_id uuid, p_grantee_ffc_id uuid, p_grantee_ffc_role text) TO estate_api;

--
-- Name: FUNCTION sp_set_debt_collateral(p_debt_id uuid, p_secured_asset_id uuid); Type: ACL; Schema: api; Owner: estate_owner
--

REVOKE ALL ON FUNCTION api.sp_set_debt_collateral(p_debt_id uuid, p_secured_asset_id uuid) FROM PUBLIC;
GRANT ALL ON FUNCTION api.sp_set_debt_collateral(p_debt_id uuid, p_secured_asset_id uuid) TO estate_api;

--
-- Name: FUNCTION sp_set_entity_beneficiaries(p_entity_id uuid, p_effective_on date, p_primary jsonb, p_contingent jsonb); Type: ACL; Schema: api; Owner: estate_owner
--

REVOKE ALL ON FUNCTION api.sp_set_entity_beneficiaries(p_entity_id uuid, p_effective_on date, p_primary jsonb, p_contingent jsonb) FROM PUBLIC;
GRANT ALL ON FUNCTION api.sp_set_entity_beneficiaries(p_entity_id uuid, p_effective_on date, p_primary jsonb, p_contingent jsonb) TO estate_api;

--
-- Name: FUNCTION sp_set_entity_interests(p_entity_id uuid, p_holders jsonb); Type: ACL; Schema: api; Owner: estate_owner
--

REVOKE ALL ON FUNCTION api.sp_set_entity_interests(p_entity_id uuid, p_holders jsonb) FROM PUBLIC;
GRANT ALL ON FUNCTION api.sp_set_entity_interests(p_entity_id uuid, p_holders jsonb) TO estate_api;

--
-- Name: FUNCTION sp_set_estate_beneficiaries(p_persona_id uuid, p_effective_on date, p_primary jsonb, p_contingent jsonb); Type: ACL; Schema: api; Owner: estate_owner
--

REVOKE ALL ON FUNCTION api.sp_set_estate_beneficiaries(p_persona_id uuid, p_effective_on date, p_primary jsonb, p_contingent jsonb) FROM PUBLIC;
GRANT ALL ON FUNCTION api.sp_set_estate_beneficiaries(p_persona_id uuid, p_effective_on date, p_primary jsonb, p_contingent jsonb) TO estate_api;

--
-- Name: FUNCTION sp_set_my_security_questions(p_questions text[], p_answer_hashes text[]); Type: ACL; Schema: api; Owner: estate_owner
--

REVOKE ALL ON FUNCTION api.sp_set_my_security_questions(p_questions text[], p_answer_hashes text[]) FROM PUBLIC;
GRANT ALL ON FUNCTION api.sp_set_my_security_questions(p_questions text[], p_answer_hashes text[]) TO estate_api;

--
-- Name: FUNCTION sp_store_idempotent_response(p_key text, p_status integer, p_location text, p_content_type text, p_body text); Type: ACL; Schema: api; Owner: estate_owner
--

REVOKE ALL ON FUNCTION api.sp_store_idempotent_response(p_key text, p_status integer, p_location text, p_content_type text, p_body text) FROM PUBLIC;
GRANT ALL ON FUNCTION api.sp_store_idempotent_response(p_key text, p_status integer, p_location text, p_content_type text, p_body text) TO estate_api;

--
-- Name: FUNCTION sp_sync_user_email(); Type: ACL; Schema: api; Owner: estate_owner
--

REVOKE ALL ON FUNCTION api.sp_sync_user_email() FROM PUBLIC;
GRANT ALL ON FUNCTION api.sp_sync_user_email() TO estate_api;

--
-- Name: FUNCTION sp_transfer_asset_share(p_asset_id uuid, p_from_persona_id uuid, p_to_persona_id uuid, p_percentage numeric); Type: ACL; Schema: api; Owner: estate_owner
--

REVOKE ALL ON FUNCTION api.sp_transfer_asset_share(p_asset_id uuid, p_from_persona_id uuid, p_to_persona_id uuid, p_percentage numeric) FROM PUBLIC;
GRANT ALL ON FUNCTION api.sp_transfer_asset_share(p_asset_id uuid, p_from_persona_id uuid, p_to_persona_id uuid, p_percentage numeric) TO estate_api;

--
-- Name: FUNCTION sp_transfer_asset_share_to_entity(p_asset_id uuid, p_from_persona_id uuid, p_entity_id uuid, p_percentage numeric, p_ownership_form text); Type: ACL; Schema: api; Owner: estate_owner
--

REVOKE ALL ON FUNCTION api.sp_transfer_asset_share_to_entity(p_asset_id uuid, p_from_persona_id uuid, p_entity_id uuid, p_percentage numeric, p_ownership_form text) FROM PUBLIC;
GRANT ALL ON FUNCTION api.sp_transfer_asset_share_to_entity(p_asset_id uuid, p_from_persona_id uuid, p_entity_id uuid, p_percentage numeric, p_ownership_form text) TO estate_api;

--
-- Name: FUNCTION sp_update_asset(p_asset_id uuid, p_name text, p_description text, p_details jsonb); Type: ACL; Schema: api; Owner: estate_owner
--

REVOKE ALL ON FUNCTION api.sp_update_asset(p_asset_id uuid, p_name text, p_description text, p_details jsonb) FROM PUBLIC;
GRANT ALL ON FUNCTION api.sp_update_asset(p_asset_id uuid, p_name text, p_description text, p_details jsonb) TO estate_api;

--
-- Name: FUNCTION sp_update_asset_value(p_asset_id uuid, p_amount numeric, p_valued_on date, p_source text, p_currency text); Type: ACL; Schema: api; Owner: estate_owner
--

REVOKE ALL ON FUNCTION api.sp_update_asset_value(p_asset_id uuid, p_amount numeric, p_valued_on date, p_source text, p_currency text) FROM PUBLIC;
GRANT ALL ON FUNCTION api.sp_update_asset_value(p_asset_id uuid, p_amount numeric, p_valued_on date, p_source text, p_currency text) TO estate_api;

--
-- Name: FUNCTION sp_update_ffc(p_ffc_id uuid, p_name text, p_description text, p_clear_description boolean); Type: ACL; Schema: api; Owner: estate_owner
--

REVOKE ALL ON FUNCTION api.sp_update_ffc(p_ffc_id uuid, p_name text, p_description text, p_clear_description boolean) FROM PUBLIC;
GRANT ALL ON FUNCTION api.sp_update_ffc(p_ffc_id uuid, p_name text, p_description text, p_clear_description boolean) TO estate_api;

--
-- Name: FUNCTION sp_update_ffc_member_role(p_ffc_id uuid, p_persona_id uuid, p_role text); Type: ACL; Schema: api; Owner: estate_owner
--

REVOKE ALL ON FUNCTION api.sp_update_ffc_member_role(p_ffc_id uuid, p_persona_id uuid, p_role text) FROM PUBLIC;
GRANT ALL ON FUNCTION api.sp_update_ffc_member_role(p_ffc_id uuid, p_persona_id uuid, p_role text) TO estate_api;

--
-- Name: FUNCTION sp_update_legal_entity(p_entity_id uuid, p_name text, p_jurisdiction text, p_effective_date date, p_roles jsonb); Type: ACL; Schema: api; Owner: estate_owner
--

REVOKE ALL ON FUNCTION api.sp_update_legal_entity(p_entity_id uuid, p_name text, p_jurisdiction text, p_effective_date date, p_roles jsonb) FROM PUBLIC;
GRANT ALL ON FUNCTION api.sp_update_legal_entity(p_entity_id uuid, p_name text, p_jurisdiction text, p_effective_date date, p_roles jsonb) TO estate_api;

--
-- Name: FUNCTION sp_update_persona(p_persona_id uuid, p_first_name text, p_last_name text, p_middle_name text, p_preferred_name text, p_date_of_birth date, p_living_status text, p_date_of_death date); Type: ACL; Schema: api; Owner: estate_owner
--

REVOKE ALL ON FUNCTION api.sp_update_persona(p_persona_id uuid, p_first_name text, p_last_name text, p_middle_name text, p_preferred_name text, p_date_of_birth date, p_living_status text, p_date_of_death date) FROM PUBLIC;
GRANT ALL ON FUNCTION api.sp_update_persona(p_persona_id uuid, p_first_name text, p_last_name text, p_middle_name text, p_preferred_name text, p_date_of_birth date, p_living_status text, p_date_of_death date) TO estate_api;

--
-- Name: FUNCTION sp_upgrade_subscription(p_plan_code text); Type: ACL; Schema: api; Owner: estate_owner
--

REVOKE ALL ON FUNCTION api.sp_upgrade_subscription(p_plan_code text) FROM PUBLIC;
GRANT ALL ON FUNCTION api.sp_upgrade_subscription(p_plan_code text) TO estate_api;

--
-- Name: FUNCTION acting_persona_ids(p_user_id uuid); Type: ACL; Schema: app; Owner: estate_owner
--

REVOKE ALL ON FUNCTION app.acting_persona_ids(p_user_id uuid) FROM PUBLIC;

--
-- Name: FUNCTION add_stripe_routes(p_keys text[]); Type: ACL; Schema: app; Owner: estate_owner
--

REVOKE ALL ON FUNCTION app.add_stripe_routes(p_keys text[]) FROM PUBLIC;

--
-- Name: FUNCTION api_key_status(p_key app.api_keys); Type: ACL; Schema: app; Owner: estate_owner
--

REVOKE ALL ON FUNCTION app.api_key_status(p_key app.api_keys) FROM PUBLIC;

--
-- Name: FUNCTION apply_invoice_payment_outcome(p_transaction_id uuid, p_created timestamp with time zone); Type: ACL; Schema: app; Owner: estate_owner
--

REVOKE ALL ON FUNCTION app.apply_invoice_payment_outcome(p_transaction_id uuid, p_created timestamp with time zone) FROM PUBLIC;

--
-- Name: FUNCTION apply_stripe_invoice(p_event_id text, p_event_type text, p_created timestamp with time zone, p_object jsonb); Type: ACL; Schema: app; Owner: estate_owner
--

REVOKE ALL ON FUNCTION app.apply_stripe_invoice(p_event_id text, p_event_type text, p_created timestamp with time zone, p_object jsonb) FROM PUBLIC;

--
-- Name: FUNCTION apply_stripe_invoice_payment(p_created timestamp with time zone, p_object jsonb); Type: ACL; Schema: app; Owner: estate_owner
--

REVOKE ALL ON FUNCTION app.apply_stripe_invoice_payment(p_created timestamp with time zone, p_object jsonb) FROM PUBLIC;

--
-- Name: FUNCTION apply_stripe_subscription(p_event_id text, p_event_type text, p_created timestamp with time zone, p_object jsonb); Type: ACL; Schema: app; Owner: estate_owner
--

REVOKE ALL ON FUNCTION app.apply_stripe_subscription(p_event_id text, p_event_type text, p_created timestamp with time zone, p_object jsonb) FROM PUBLIC;

--
-- Name: FUNCTION asset_access(p_user_id uuid, p_asset_id uuid); Type: ACL; Schema: app; Owner: estate_owner
--

REVOKE ALL ON FUNCTION app.asset_access(p_user_id uuid, p_asset_id uuid) FROM PUBLIC;

--
-- Name: FUNCTION asset_detail_fields(p_asset_type text); Type: ACL; Schema: app; Owner: estate_owner
--

REVOKE ALL ON FUNCTION app.asset_detail_fields(p_asset_type text) FROM PUBLIC;

--
-- Name: FUNCTION asset_details(p_asset_type text, p_asset_id uuid); Type: ACL; Schema: app; Owner: estate_owner
--

REVOKE ALL ON FUNCTION app.asset_details(p_asset_type text, p_asset_id uuid) FROM PUBLIC;

--
-- Name: FUNCTION asset_list(p_user_id uuid, p_asset_ids uuid[], p_asset_type text, p_q text, p_sort text, p_limit integer, p_offset integer); Type: ACL; Schema: app; Owner: estate_owner
--

REVOKE ALL ON FUNCTION app.asset_list(p_user_id uuid, p_asset_ids uuid[], p_asset_type text, p_q text, p_sort text, p_limit integer, p_offset integer) FROM PUBLIC;

--
-- Name: FUNCTION asset_list_sorts(); Type: ACL; Schema: app; Owner: estate_owner
--

REVOKE ALL ON FUNCTION app.asset_list_sorts() FROM PUBLIC;

--
-- Name: FUNCTION asset_type_table(p_asset_type text); Type: ACL; Schema: app; Owner: estate_owner
--

REVOKE ALL ON FUNCTION app.asset_type_table(p_asset_type text) FROM PUBLIC;

--
-- Name: FUNCTION asset_view(p_asset_id uuid, p_access text); Type: ACL; Schema: app; Owner: estate_owner
--

REVOKE ALL ON FUNCTION app.asset_view(p_asset_id uuid, p_access text) FROM PUBLIC;

--
-- Name: FUNCTION audit_support_read(p_tenant_id uuid, p_what text, p_row_id text, p_details jsonb); Type: ACL; Schema: app; Owner: estate_owner
--

REVOKE ALL ON FUNCTION app.audit_support_read(p_tenant_id uuid, p_what text, p_row_id text, p_details jsonb) FROM PUBLIC;

--
-- Name: FUNCTION beneficiaries_of(p_asset_id uuid, p_entity_id uuid, p_estate_of_persona_id uuid); Type: ACL; Schema: app; Owner: estate_owner
--

REVOKE ALL ON FUNCTION app.beneficiaries_of(p_asset_id uuid, p_entity_id uuid, p_estate_of_persona_id uuid) FROM PUBLIC;

--
-- Name: FUNCTION camel_case(p_key text); Type: ACL; Schema: app; Owner: estate_owner
--

REVOKE ALL ON FUNCTION app.camel_case(p_key text) FROM PUBLIC;

--
-- Name: FUNCTION check_asset_details(p_asset_type text, p_details jsonb); Type: ACL; Schema: app; Owner: estate_owner
--

REVOKE ALL ON FUNCTION app.check_asset_details(p_asset_type text, p_details jsonb) FROM PUBLIC;

--
-- Name: FUNCTION check_currency(p_currency text); Type: ACL; Schema: app; Owner: estate_owner
--

REVOKE ALL ON FUNCTION app.check_currency(p_currency text) FROM PUBLIC;

--
-- Name: FUNCTION check_entity_fields(p_jurisdiction text, p_effective_date date); Type: ACL; Schema: app; Owner: estate_owner
--

REVOKE ALL ON FUNCTION app.check_entity_fields(p_jurisdiction text, p_effective_date date) FROM PUBLIC;

--
-- Name: FUNCTION check_entity_kind(p_kind text); Type: ACL; Schema: app; Owner: estate_owner
--

REVOKE ALL ON FUNCTION app.check_entity_kind(p_kind text) FROM PUBLIC;

--
-- Name: FUNCTION check_ffc_role_grant(p_caller_role text, p_role text); Type: ACL; Schema: app; Owner: estate_owner
--

REVOKE ALL ON FUNCTION app.check_ffc_role_grant(p_caller_role text, p_role text) FROM PUBLIC;

--
-- Name: FUNCTION check_filter_text(p_q text); Type: ACL; Schema: app; Owner: estate_owner
--

REVOKE ALL ON FUNCTION app.check_filter_text(p_q text) FROM PUBLIC;

--
-- Name: FUNCTION check_life_dates(p_date_of_birth date, p_living_status text, p_date_of_death date); Type: ACL; Schema: app; Owner: estate_owner
--

REVOKE ALL ON FUNCTION app.check_life_dates(p_date_of_birth date, p_living_status text, p_date_of_death date) FROM PUBLIC;

--
-- Name: FUNCTION check_mfa_factors(p_factors text[], p_code text); Type: ACL; Schema: app; Owner: estate_owner
--

REVOKE ALL ON FUNCTION app.check_mfa_factors(p_factors text[], p_code text) FROM PUBLIC;

--
-- Name: FUNCTION check_net_worth_input(p_as_of date, p_currency text); Type: ACL; Schema: app; Owner: estate_owner
--

REVOKE ALL ON FUNCTION app.check_net_worth_input(p_as_of date, p_currency text) FROM PUBLIC;

--
-- Name: FUNCTION check_ownership(p_percentage numeric, p_form text); Type: ACL; Schema: app; Owner: estate_owner
--

REVOKE ALL ON FUNCTION app.check_ownership(p_percentage numeric, p_form text) FROM PUBLIC;

--
-- Name: FUNCTION check_page(p_limit integer, p_offset integer, p_max integer); Type: ACL; Schema: app; Owner: estate_owner
--

REVOKE ALL ON FUNCTION app.check_page(p_limit integer, p_offset integer, p_max integer) FROM PUBLIC;

--
-- Name: FUNCTION check_sort(p_sort text, p_allowed text[]); Type: ACL; Schema: app; Owner: estate_owner
--

REVOKE ALL ON FUNCTION app.check_sort(p_sort text, p_allowed text[]) FROM PUBLIC;

--
-- Name: FUNCTION check_support_access_input(p_reason text, p_ticket_ref text, p_minutes integer, p_max_minutes integer); Type: ACL; Schema: app; Owner: estate_owner
--

REVOKE ALL ON FUNCTION app.check_support_access_input(p_reason text, p_ticket_ref text, p_minutes integer, p_max_minutes integer) FROM PUBLIC;

--
-- Name: FUNCTION check_valuation_source(p_source text); Type: ACL; Schema: app; Owner: estate_owner
--

REVOKE ALL ON FUNCTION app.check_valuation_source(p_source text) FROM PUBLIC;

--
-- Name: FUNCTION controlled_entity_ids(p_user_id uuid); Type: ACL; Schema: app; Owner: estate_owner
--

REVOKE ALL ON FUNCTION app.controlled_entity_ids(p_user_id uuid) FROM PUBLIC;

--
-- Name: FUNCTION count_ffc_owners(p_ffc_id uuid); Type: ACL; Schema: app; Owner: estate_owner
--

REVOKE ALL ON FUNCTION app.count_ffc_owners(p_ffc_id uuid) FROM PUBLIC;

--
-- Name: FUNCTION currency_exponent(p_currency text); Type: ACL; Schema: app; Owner: estate_owner
--

REVOKE ALL ON FUNCTION app.currency_exponent(p_currency text) FROM PUBLIC;

--
-- Name: FUNCTION current_actor_id(); Type: ACL; Schema: app; Owner: estate_owner
--

REVOKE ALL ON FUNCTION app.current_actor_id() FROM PUBLIC;

--
-- Name: FUNCTION current_actor_kind(); Type: ACL; Schema: app; Owner: estate_owner
--

REVOKE ALL ON FUNCTION app.current_actor_kind() FROM PUBLIC;

--
-- Name: FUNCTION current_api_key(); Type: ACL; Schema: app; Owner: estate_owner
--

REVOKE ALL ON FUNCTION app.current_api_key() FROM PUBLIC;

--
-- Name: FUNCTION current_request_id(); Type: ACL; Schema: app; Owner: estate_owner
--

REVOKE ALL ON FUNCTION app.current_request_id() FROM PUBLIC;

--
-- Name: FUNCTION current_tenant_id(); Type: ACL; Schema: app; Owner: estate_owner
--

REVOKE ALL ON FUNCTION app.current_tenant_id() FROM PUBLIC;

--
-- Name: FUNCTION current_user_id(); Type: ACL; Schema: app; Owner: estate_owner
--

REVOKE ALL ON FUNCTION app.current_user_id() FROM PUBLIC;

--
-- Name: FUNCTION current_user_id(p_scope text); Type: ACL; Schema: app; Owner: estate_owner
--

REVOKE ALL ON FUNCTION app.current_user_id(p_scope text) FROM PUBLIC;

--
-- Name: FUNCTION current_user_id_for_mfa_setup(); Type: ACL; Schema: app; Owner: estate_owner
--

REVOKE ALL ON FUNCTION app.current_user_id_for_mfa_setup() FROM PUBLIC;

--
-- Name: FUNCTION data_request_events(p_request_id uuid); Type: ACL; Schema: app; Owner: estate_owner
--

REVOKE ALL ON FUNCTION app.data_request_events(p_request_id uuid) FROM PUBLIC;

--
-- Name: FUNCTION data_request_step(p_request_id uuid, p_to text, p_note text, p_refusal_code text, p_refusal_reason text); Type: ACL; Schema: app; Owner: estate_owner
--

REVOKE ALL ON FUNCTION app.data_request_step(p_request_id uuid, p_to text, p_note text, p_refusal_code text, p_refusal_reason text) FROM PUBLIC;

--
-- Name: FUNCTION data_request_view(p_request_id uuid); Type: ACL; Schema: app; Owner: estate_owner
--

REVOKE ALL ON FUNCTION app.data_request_view(p_request_id uuid) FROM PUBLIC;

--
-- Name: FUNCTION designation_recipients(p_asset_id uuid, p_entity_id uuid, p_estate_of_persona_id uuid, p_on date); Type: ACL; Schema: app; Owner: estate_owner
--

REVOKE ALL ON FUNCTION app.designation_recipients(p_asset_id uuid, p_entity_id uuid, p_estate_of_persona_id uuid, p_on date) FROM PUBLIC;

--
-- Name: FUNCTION drop_grants_lost_with_membership(p_ffc_id uuid, p_persona_id uuid); Type: ACL; Schema: app; Owner: estate_owner
--

REVOKE ALL ON FUNCTION app.drop_grants_lost_with_membership(p_ffc_id uuid, p_persona_id uuid) FROM PUBLIC;

--
-- Name: FUNCTION effective_plan_id(p_tenant_id uuid, p_user_id uuid); Type: ACL; Schema: app; Owner: estate_owner
--

REVOKE ALL ON FUNCTION app.effective_plan_id(p_tenant_id uuid, p_user_id uuid) FROM PUBLIC;

--
-- Name: FUNCTION enter_tenant_as_support(p_tenant_id uuid); Type: ACL; Schema: app; Owner: estate_owner
--

REVOKE ALL ON FUNCTION app.enter_tenant_as_support(p_tenant_id uuid) FROM PUBLIC;

--
-- Name: FUNCTION entity_interests_of(p_entity_id uuid); Type: ACL; Schema: app; Owner: estate_owner
--

REVOKE ALL ON FUNCTION app.entity_interests_of(p_entity_id uuid) FROM PUBLIC;

--
-- Name: FUNCTION erase_user(p_user_id uuid); Type: ACL; Schema: app; Owner: estate_owner
--

REVOKE ALL ON FUNCTION app.erase_user(p_user_id uuid) FROM PUBLIC;

--
-- Name: FUNCTION erasure_obstacle(p_user_id uuid, OUT code text, OUT reason text); Type: ACL; Schema: app; Owner: estate_owner
--

REVOKE ALL ON FUNCTION app.erasure_obstacle(p_user_id uuid, OUT code text, OUT reason text) FROM PUBLIC;

--
-- Name: FUNCTION exchange_rate(p_from text, p_to text, p_on date); Type: ACL; Schema: app; Owner: estate_owner
--

REVOKE ALL ON FUNCTION app.exchange_rate(p_from text, p_to text, p_on date) FROM PUBLIC;

--
-- Name: FUNCTION export_archive_days(); Type: ACL; Schema: app; Owner: estate_owner
--

REVOKE ALL ON FUNCTION app.export_archive_days() FROM PUBLIC;

--
-- Name: FUNCTION export_download_limit(); Type: ACL; Schema: app; Owner: estate_owner
--

REVOKE ALL ON FUNCTION app.export_download_limit() FROM PUBLIC;

--
-- Name: FUNCTION export_files(p_user_id uuid); Type: ACL; Schema: app; Owner: estate_owner
--

REVOKE ALL ON FUNCTION app.export_files(p_user_id uuid) FROM PUBLIC;

--
-- Name: FUNCTION fail(p_sqlstate text, p_code text, p_message text); Type: ACL; Schema: app; Owner: estate_owner
--

REVOKE ALL ON FUNCTION app.fail(p_sqlstate text, p_code text, p_message text) FROM PUBLIC;

--
-- Name: FUNCTION ffc_role_rank(p_role text); Type: ACL; Schema: app; Owner: estate_owner
--

REVOKE ALL ON FUNCTION app.ffc_role_rank(p_role text) FROM PUBLIC;

--
-- Name: FUNCTION ffc_view(p_ffc_id uuid, p_my_role text); Type: ACL; Schema: app; Owner: estate_owner
--

REVOKE ALL ON FUNCTION app.ffc_view(p_ffc_id uuid, p_my_role text) FROM PUBLIC;

--
-- Name: FUNCTION free_plan_id(); Type: ACL; Schema: app; Owner: estate_owner
--

REVOKE ALL ON FUNCTION app.free_plan_id() FROM PUBLIC;

--
-- Name: FUNCTION idempotency_caller(); Type: ACL; Schema: app; Owner: estate_owner
--

REVOKE ALL ON FUNCTION app.idempotency_caller() FROM PUBLIC;

--
-- Name: FUNCTION insert_asset_details(p_asset_type text, p_asset_id uuid, p_details jsonb); Type: ACL; Schema: app; Owner: estate_owner
--

REVOKE ALL ON FUNCTION app.insert_asset_details(p_asset_type text, p_asset_id uuid, p_details jsonb) FROM PUBLIC;

--
-- Name: FUNCTION is_alive_on(p_persona_id uuid, p_on date); Type: ACL; Schema: app; Owner: estate_owner
--

REVOKE ALL ON FUNCTION app.is_alive_on(p_persona_id uuid, p_on date) FROM PUBLIC;

--
-- Name: FUNCTION is_newer_stripe_state(p_created timestamp with time zone, p_status text, p_synced_at timestamp with time zone, p_synced_status text); Type: ACL; Schema: app; Owner: estate_owner
--

REVOKE ALL ON FUNCTION app.is_newer_stripe_state(p_created timestamp with time zone, p_status text, p_synced_at timestamp with time zone, p_synced_status text) FROM PUBLIC;

--
-- Name: FUNCTION is_staff_door_actor(); Type: ACL; Schema: app; Owner: estate_owner
--

REVOKE ALL ON FUNCTION app.is_staff_door_actor() FROM PUBLIC;

--
-- Name: FUNCTION is_support_session(); Type: ACL; Schema: app; Owner: estate_owner
--

REVOKE ALL ON FUNCTION app.is_support_session() FROM PUBLIC;

--
-- Name: FUNCTION legal_entity_view(p_entity_id uuid); Type: ACL; Schema: app; Owner: estate_owner
--

REVOKE ALL ON FUNCTION app.legal_entity_view(p_entity_id uuid) FROM PUBLIC;

--
-- Name: FUNCTION linked_subscription(p_stripe_subscription_id text); Type: ACL; Schema: app; Owner: estate_owner
--

REVOKE ALL ON FUNCTION app.linked_subscription(p_stripe_subscription_id text) FROM PUBLIC;

--
-- Name: FUNCTION live_subscription(p_user_id uuid); Type: ACL; Schema: app; Owner: estate_owner
--

REVOKE ALL ON FUNCTION app.live_subscription(p_user_id uuid) FROM PUBLIC;

--
-- Name: FUNCTION lock_current_user(); Type: ACL; Schema: app; Owner: estate_owner
--

REVOKE ALL ON FUNCTION app.lock_current_user() FROM PUBLIC;

--
-- Name: FUNCTION lock_ffc(p_ffc_id uuid); Type: ACL; Schema: app; Owner: estate_owner
--

REVOKE ALL ON FUNCTION app.lock_ffc(p_ffc_id uuid) FROM PUBLIC;

--
-- Name: FUNCTION look_through_net_worth(p_persona_id uuid, p_entity_id uuid, p_as_of date, p_currency text); Type: ACL; Schema: app; Owner: estate_owner
--

REVOKE ALL ON FUNCTION app.look_through_net_worth(p_persona_id uuid, p_entity_id uuid, p_as_of date, p_currency text) FROM PUBLIC;

--
-- Name: FUNCTION look_through_shares(p_persona_id uuid, p_entity_id uuid); Type: ACL; Schema: app; Owner: estate_owner
--

REVOKE ALL ON FUNCTION app.look_through_shares(p_persona_id uuid, p_entity_id uuid) FROM PUBLIC;

--
-- Name: FUNCTION mark_payment_succeeded(p_transaction app.payment_transactions, p_succeeded_at timestamp with time zone, p_charge_id text, p_amount numeric); Type: ACL; Schema: app; Owner: estate_owner
--

REVOKE ALL ON FUNCTION app.mark_payment_succeeded(p_transaction app.payment_transactions, p_succeeded_at timestamp with time zone, p_charge_id text, p_amount numeric) FROM PUBLIC;

--
-- Name: FUNCTION mask_audit_changes(p_table_name text, p_changes jsonb); Type: ACL; Schema: app; Owner: estate_owner
--

REVOKE ALL ON FUNCTION app.mask_audit_changes(p_table_name text, p_changes jsonb) FROM PUBLIC;

--
-- Name: FUNCTION mask_email(p_email text); Type: ACL; Schema: app; Owner: estate_owner
--

REVOKE ALL ON FUNCTION app.mask_email(p_email text) FROM PUBLIC;

--
-- Name: FUNCTION mask_ip(p_ip inet); Type: ACL; Schema: app; Owner: estate_owner
--

REVOKE ALL ON FUNCTION app.mask_ip(p_ip inet) FROM PUBLIC;

--
-- Name: FUNCTION mask_name(p_first text, p_last text); Type: ACL; Schema: app; Owner: estate_owner
--

REVOKE ALL ON FUNCTION app.mask_name(p_first text, p_last text) FROM PUBLIC;

--
-- Name: FUNCTION mask_phone(p_phone text); Type: ACL; Schema: app; Owner: estate_owner
--

REVOKE ALL ON FUNCTION app.mask_phone(p_phone text) FROM PUBLIC;

--
-- Name: FUNCTION my_support_access_request(p_request_id uuid); Type: ACL; Schema: app; Owner: estate_owner
--

REVOKE ALL ON FUNCTION app.my_support_access_request(p_request_id uuid) FROM PUBLIC;

--
-- Name: FUNCTION my_support_access_request_row(p_request_id uuid); Type: ACL; Schema: app; Owner: estate_owner
--

REVOKE ALL ON FUNCTION app.my_support_access_request_row(p_request_id uuid) FROM PUBLIC;

--
-- Name: FUNCTION net_worth_of(p_persona_ids uuid[], p_as_of date, p_currency text, p_viewer_user_id uuid); Type: ACL; Schema: app; Owner: estate_owner
--

REVOKE ALL ON FUNCTION app.net_worth_of(p_persona_ids uuid[], p_as_of date, p_currency text, p_viewer_user_id uuid) FROM PUBLIC;

--
-- Name: FUNCTION normalize_email(p_email text); Type: ACL; Schema: app; Owner: estate_owner
--

REVOKE ALL ON FUNCTION app.normalize_email(p_email text) FROM PUBLIC;

--
-- Name: FUNCTION normalize_origin(p_origin text); Type: ACL; Schema: app; Owner: estate_owner
--

REVOKE ALL ON FUNCTION app.normalize_origin(p_origin text) FROM PUBLIC;

--
-- Name: FUNCTION open_support_access(p_tenant_id uuid, p_user_id uuid, p_kind text, p_reason text, p_ticket_ref text, p_minutes integer); Type: ACL; Schema: app; Owner: estate_owner
--

REVOKE ALL ON FUNCTION app.open_support_access(p_tenant_id uuid, p_user_id uuid, p_kind text, p_reason text, p_ticket_ref text, p_minutes integer) FROM PUBLIC;

--
-- Name: FUNCTION password_status(p_user_id uuid); Type: ACL; Schema: app; Owner: estate_owner
--

REVOKE ALL ON FUNCTION app.password_status(p_user_id uuid) FROM PUBLIC;

--
-- Name: FUNCTION payment_method_list(p_user_id uuid); Type: ACL; Schema: app; Owner: estate_owner
--

REVOKE ALL ON FUNCTION app.payment_method_list(p_user_id uuid) FROM PUBLIC;

--
-- Name: FUNCTION payment_transaction_for(p_payment_intent_id text, p_customer_id text, p_invoice_id text, p_created timestamp with time zone, p_amount numeric, p_currency text); Type: ACL; Schema: app; Owner: estate_owner
--

REVOKE ALL ON FUNCTION app.payment_transaction_for(p_payment_intent_id text, p_customer_id text, p_invoice_id text, p_created timestamp with time zone, p_amount numeric, p_currency text) FROM PUBLIC;

--
-- Name: FUNCTION persona_details(p_persona_id uuid); Type: ACL; Schema: app; Owner: estate_owner
--

REVOKE ALL ON FUNCTION app.persona_details(p_persona_id uuid) FROM PUBLIC;

--
-- Name: FUNCTION plan_limits(p_tenant_id uuid, p_plan_id uuid); Type: ACL; Schema: app; Owner: estate_owner
--

REVOKE ALL ON FUNCTION app.plan_limits(p_tenant_id uuid, p_plan_id uuid) FROM PUBLIC;

--
-- Name: FUNCTION prefix_tsquery(p_q text); Type: ACL; Schema: app; Owner: estate_owner
--

REVOKE ALL ON FUNCTION app.prefix_tsquery(p_q text) FROM PUBLIC;

--
-- Name: FUNCTION process_payment(p_event_id text, p_event_type text, p_created timestamp with time zone, p_object jsonb); Type: ACL; Schema: app; Owner: estate_owner
--

REVOKE ALL ON FUNCTION app.process_payment(p_event_id text, p_event_type text, p_created timestamp with time zone, p_object jsonb) FROM PUBLIC;

--
-- Name: FUNCTION process_refund(p_event_id text, p_created timestamp with time zone, p_object jsonb); Type: ACL; Schema: app; Owner: estate_owner
--

REVOKE ALL ON FUNCTION app.process_refund(p_event_id text, p_created timestamp with time zone, p_object jsonb) FROM PUBLIC;

--
-- Name: FUNCTION protect_tenant_table(p_table text, p_redacted text[]); Type: ACL; Schema: app; Owner: estate_owner
--

REVOKE ALL ON FUNCTION app.protect_tenant_table(p_table text, p_redacted text[]) FROM PUBLIC;

--
-- Name: FUNCTION record_plan_change(p_subscription_id uuid, p_from_plan_id uuid, p_to_plan_id uuid, p_kind text, p_source text, p_user_id uuid, p_stripe_event_id text); Type: ACL; Schema: app; Owner: estate_owner
--

REVOKE ALL ON FUNCTION app.record_plan_change(p_subscription_id uuid, p_from_plan_id uuid, p_to_plan_id uuid, p_kind text, p_source text, p_user_id uuid, p_stripe_event_id text) FROM PUBLIC;

--
-- Name: FUNCTION replace_beneficiaries(p_user_id uuid, p_asset_id uuid, p_entity_id uuid, p_estate_of_persona_id uuid, p_effective_on date, p_primary jsonb, p_contingent jsonb); Type: ACL; Schema: app; Owner: estate_owner
--

REVOKE ALL ON FUNCTION app.replace_beneficiaries(p_user_id uuid, p_asset_id uuid, p_entity_id uuid, p_estate_of_persona_id uuid, p_effective_on date, p_primary jsonb, p_contingent jsonb) FROM PUBLIC;

--
-- Name: FUNCTION replace_entity_roles(p_user_id uuid, p_entity_id uuid, p_kind text, p_roles jsonb); Type: ACL; Schema: app; Owner: estate_owner
--

REVOKE ALL ON FUNCTION app.replace_entity_roles(p_user_id uuid, p_entity_id uuid, p_kind text, p_roles jsonb) FROM PUBLIC;

--
-- Name: FUNCTION require_active_tenant(); Type: ACL; Schema: app; Owner: estate_owner
--

REVOKE ALL ON FUNCTION app.require_active_tenant() FROM PUBLIC;

--
-- Name: FUNCTION require_asset_access(p_user_id uuid, p_asset_id uuid, p_need text); Type: ACL; Schema: app; Owner: estate_owner
--

REVOKE ALL ON FUNCTION app.require_asset_access(p_user_id uuid, p_asset_id uuid, p_need text) FROM PUBLIC;

--
-- Name: FUNCTION require_email_free(p_tenant_id uuid, p_email text, p_user_id uuid); Type: ACL; Schema: app; Owner: estate_owner
--

REVOKE ALL ON FUNCTION app.require_email_free(p_tenant_id uuid, p_email text, p_user_id uuid) FROM PUBLIC;

--
-- Name: FUNCTION require_entity_access(p_user_id uuid, p_entity_id uuid); Type: ACL; Schema: app; Owner: estate_owner
--

REVOKE ALL ON FUNCTION app.require_entity_access(p_user_id uuid, p_entity_id uuid) FROM PUBLIC;

--
-- Name: FUNCTION require_ffc_role(p_user_id uuid, p_ffc_id uuid, p_min_role text); Type: ACL; Schema: app; Owner: estate_owner
--

REVOKE ALL ON FUNCTION app.require_ffc_role(p_user_id uuid, p_ffc_id uuid, p_min_role text) FROM PUBLIC;

--
-- Name: FUNCTION require_operator(); Type: ACL; Schema: app; Owner: estate_owner
--

REVOKE ALL ON FUNCTION app.require_operator() FROM PUBLIC;

--
-- Name: FUNCTION require_own_data_request(p_user_id uuid, p_request_id uuid); Type: ACL; Schema: app; Owner: estate_owner
--

REVOKE ALL ON FUNCTION app.require_own_data_request(p_user_id uuid, p_request_id uuid) FROM PUBLIC;

--
-- Name: FUNCTION require_persona_access(p_user_id uuid, p_persona_id uuid); Type: ACL; Schema: app; Owner: estate_owner
--

REVOKE ALL ON FUNCTION app.require_persona_access(p_user_id uuid, p_persona_id uuid) FROM PUBLIC;

--
-- Name: FUNCTION require_plan(p_code text); Type: ACL; Schema: app; Owner: estate_owner
--

REVOKE ALL ON FUNCTION app.require_plan(p_code text) FROM PUBLIC;

--
-- Name: FUNCTION require_staff_member(); Type: ACL; Schema: app; Owner: estate_owner
--

REVOKE ALL ON FUNCTION app.require_staff_member() FROM PUBLIC;

--
-- Name: FUNCTION require_support_access(p_tenant_id uuid, p_user_id uuid); Type: ACL; Schema: app; Owner: estate_owner
--

REVOKE ALL ON FUNCTION app.require_support_access(p_tenant_id uuid, p_user_id uuid) FROM PUBLIC;

--
-- Name: FUNCTION require_support_session(); Type: ACL; Schema: app; Owner: estate_owner
--

REVOKE ALL ON FUNCTION app.require_support_session() FROM PUBLIC;

--
-- Name: FUNCTION require_tenant_user(p_user_id uuid); Type: ACL; Schema: app; Owner: estate_owner
--

REVOKE ALL ON FUNCTION app.require_tenant_user(p_user_id uuid) FROM PUBLIC;

--
-- Name: FUNCTION require_text(p_value text, p_code text, p_max_length integer); Type: ACL; Schema: app; Owner: estate_owner
--

REVOKE ALL ON FUNCTION app.require_text(p_value text, p_code text, p_max_length integer) FROM PUBLIC;

--
-- Name: FUNCTION require_token_mfa(p_tenant_id uuid); Type: ACL; Schema: app; Owner: estate_owner
--

REVOKE ALL ON FUNCTION app.require_token_mfa(p_tenant_id uuid) FROM PUBLIC;

--
-- Name: FUNCTION route_stripe_event(p_type text, p_object jsonb, p_created timestamp with time zone); Type: ACL; Schema: app; Owner: estate_owner
--

REVOKE ALL ON FUNCTION app.route_stripe_event(p_type text, p_object jsonb, p_created timestamp with time zone) FROM PUBLIC;

--
-- Name: FUNCTION security_question_lock(p_user_id uuid, OUT failures integer, OUT locked_until timestamp with time zone); Type: ACL; Schema: app; Owner: estate_owner
--

REVOKE ALL ON FUNCTION app.security_question_lock(p_user_id uuid, OUT failures integer, OUT locked_until timestamp with time zone) FROM PUBLIC;

--
-- Name: FUNCTION self_persona_id(p_user_id uuid); Type: ACL; Schema: app; Owner: estate_owner
--

REVOKE ALL ON FUNCTION app.self_persona_id(p_user_id uuid) FROM PUBLIC;

--
-- Name: FUNCTION set_subscription_status_from_payment(p_subscription_id uuid, p_created timestamp with time zone, p_succeeded boolean); Type: ACL; Schema: app; Owner: estate_owner
--

REVOKE ALL ON FUNCTION app.set_subscription_status_from_payment(p_subscription_id uuid, p_created timestamp with time zone, p_succeeded boolean) FROM PUBLIC;

--
-- Name: FUNCTION snake_case(p_key text); Type: ACL; Schema: app; Owner: estate_owner
--

REVOKE ALL ON FUNCTION app.snake_case(p_key text) FROM PUBLIC;

--
-- Name: FUNCTION start_free_subscription(p_user_id uuid, p_source text, p_kind text); Type: ACL; Schema: app; Owner: estate_owner
--

REVOKE ALL ON FUNCTION app.start_free_subscription(p_user_id uuid, p_source text, p_kind text) FROM PUBLIC;

--
-- Name: FUNCTION stripe_amount(p_minor jsonb, p_currency text); Type: ACL; Schema: app; Owner: estate_owner
--

REVOKE ALL ON FUNCTION app.stripe_amount(p_minor jsonb, p_currency text) FROM PUBLIC;

--
-- Name: FUNCTION stripe_currency(p_object jsonb); Type: ACL; Schema: app; Owner: estate_owner
--

REVOKE ALL ON FUNCTION app.stripe_currency(p_object jsonb) FROM PUBLIC;

--
-- Name: FUNCTION stripe_event_for_storage(p_event jsonb); Type: ACL; Schema: app; Owner: estate_owner
--

REVOKE ALL ON FUNCTION app.stripe_event_for_storage(p_event jsonb) FROM PUBLIC;

--
-- Name: FUNCTION stripe_id(p_value jsonb); Type: ACL; Schema: app; Owner: estate_owner
--

REVOKE ALL ON FUNCTION app.stripe_id(p_value jsonb) FROM PUBLIC;

--
-- Name: FUNCTION stripe_not_yet(p_created timestamp with time zone); Type: ACL; Schema: app; Owner: estate_owner
--

REVOKE ALL ON FUNCTION app.stripe_not_yet(p_created timestamp with time zone) FROM PUBLIC;

--
-- Name: FUNCTION stripe_price_plan(p_items jsonb); Type: ACL; Schema: app; Owner: estate_owner
--

REVOKE ALL ON FUNCTION app.stripe_price_plan(p_items jsonb) FROM PUBLIC;

--
-- Name: FUNCTION stripe_ref(p_metadata jsonb); Type: ACL; Schema: app; Owner: estate_owner
--

REVOKE ALL ON FUNCTION app.stripe_ref(p_metadata jsonb) FROM PUBLIC;

--
-- Name: FUNCTION stripe_status_rank(p_status text); Type: ACL; Schema: app; Owner: estate_owner
--

REVOKE ALL ON FUNCTION app.stripe_status_rank(p_status text) FROM PUBLIC;

--
-- Name: FUNCTION stripe_time(p_epoch jsonb); Type: ACL; Schema: app; Owner: estate_owner
--

REVOKE ALL ON FUNCTION app.stripe_time(p_epoch jsonb) FROM PUBLIC;

--
-- Name: FUNCTION subscription_view(p_subscription_id uuid); Type: ACL; Schema: app; Owner: estate_owner
--

REVOKE ALL ON FUNCTION app.subscription_view(p_subscription_id uuid) FROM PUBLIC;

--
-- Name: FUNCTION support_access_request_row(p_tenant_id uuid, p_request_id uuid); Type: ACL; Schema: app; Owner: estate_owner
--

REVOKE ALL ON FUNCTION app.support_access_request_row(p_tenant_id uuid, p_request_id uuid) FROM PUBLIC;

--
-- Name: FUNCTION support_access_state(p_status text, p_respond_by timestamp with time zone, p_expires_at timestamp with time zone); Type: ACL; Schema: app; Owner: estate_owner
--

REVOKE ALL ON FUNCTION app.support_access_state(p_status text, p_respond_by timestamp with time zone, p_expires_at timestamp with time zone) FROM PUBLIC;

--
-- Name: FUNCTION take_link_invitation(p_invitation_id uuid, p_status text); Type: ACL; Schema: app; Owner: estate_owner
--

REVOKE ALL ON FUNCTION app.take_link_invitation(p_invitation_id uuid, p_status text) FROM PUBLIC;

--
-- Name: FUNCTION tenant_plans(p_tenant_id uuid); Type: ACL; Schema: app; Owner: estate_owner
--

REVOKE ALL ON FUNCTION app.tenant_plans(p_tenant_id uuid) FROM PUBLIC;

--
-- Name: FUNCTION tg__append_only(); Type: ACL; Schema: app; Owner: estate_owner
--

REVOKE ALL ON FUNCTION app.tg__append_only() FROM PUBLIC;

--
-- Name: FUNCTION tg__set_updated_at(); Type: ACL; Schema: app; Owner: estate_owner
--

REVOKE ALL ON FUNCTION app.tg__set_updated_at() FROM PUBLIC;

--
-- Name: FUNCTION tg_asset_valuations__append_only(); Type: ACL; Schema: app; Owner: estate_owner
--

REVOKE ALL ON FUNCTION app.tg_asset_valuations__append_only() FROM PUBLIC;

--
-- Name: FUNCTION tg_asset_valuations__keep_latest(); Type: ACL; Schema: app; Owner: estate_owner
--

REVOKE ALL ON FUNCTION app.tg_asset_valuations__keep_latest() FROM PUBLIC;

--
-- Name: FUNCTION tg_asset_valuations__restore_latest(); Type: ACL; Schema: app; Owner: estate_owner
--

REVOKE ALL ON FUNCTION app.tg_asset_valuations__restore_latest() FROM PUBLIC;

--
-- Name: FUNCTION tg_assets__latest_valuation_flags(); Type: ACL; Schema: app; Owner: estate_owner
--

REVOKE ALL ON FUNCTION app.tg_assets__latest_valuation_flags() FROM PUBLIC;

--
-- Name: FUNCTION tg_assets__usage(); Type: ACL; Schema: app; Owner: estate_owner
--

REVOKE ALL ON FUNCTION app.tg_assets__usage() FROM PUBLIC;

--
-- Name: FUNCTION tg_beneficiary_designations__level_total(); Type: ACL; Schema: app; Owner: estate_owner
--

REVOKE ALL ON FUNCTION app.tg_beneficiary_designations__level_total() FROM PUBLIC;

--
-- Name: FUNCTION tg_entity_interests__checks(); Type: ACL; Schema: app; Owner: estate_owner
--

REVOKE ALL ON FUNCTION app.tg_entity_interests__checks() FROM PUBLIC;

--
-- Name: FUNCTION tg_ffc_memberships__seats(); Type: ACL; Schema: app; Owner: estate_owner
--

REVOKE ALL ON FUNCTION app.tg_ffc_memberships__seats() FROM PUBLIC;

--
-- Name: FUNCTION tg_fwd_family_circles__usage(); Type: ACL; Schema: app; Owner: estate_owner
--

REVOKE ALL ON FUNCTION app.tg_fwd_family_circles__usage() FROM PUBLIC;

--
-- Name: FUNCTION tg_general_ledger__append_only(); Type: ACL; Schema: app; Owner: estate_owner
--

REVOKE ALL ON FUNCTION app.tg_general_ledger__append_only() FROM PUBLIC;

--
-- Name: FUNCTION token_amr(); Type: ACL; Schema: app; Owner: estate_owner
--

REVOKE ALL ON FUNCTION app.token_amr() FROM PUBLIC;

--
-- Name: FUNCTION token_has_mfa(p_factors text[]); Type: ACL; Schema: app; Owner: estate_owner
--

REVOKE ALL ON FUNCTION app.token_has_mfa(p_factors text[]) FROM PUBLIC;

--
-- Name: FUNCTION track_usage(p_tenant_id uuid, p_user_id uuid, p_metric text, p_delta bigint); Type: ACL; Schema: app; Owner: estate_owner
--

REVOKE ALL ON FUNCTION app.track_usage(p_tenant_id uuid, p_user_id uuid, p_metric text, p_delta bigint) FROM PUBLIC;

--
-- Name: FUNCTION track_usages(p_tenant_id uuid, p_user_id uuid, p_metrics text[], p_deltas bigint[]); Type: ACL; Schema: app; Owner: estate_owner
--

REVOKE ALL ON FUNCTION app.track_usages(p_tenant_id uuid, p_user_id uuid, p_metrics text[], p_deltas bigint[]) FROM PUBLIC;

--
-- Name: FUNCTION user_can_reference_persona(p_user_id uuid, p_persona_id uuid); Type: ACL; Schema: app; Owner: estate_owner
--

REVOKE ALL ON FUNCTION app.user_can_reference_persona(p_user_id uuid, p_persona_id uuid) FROM PUBLIC;

--
-- Name: FUNCTION user_profile(p_user_id uuid); Type: ACL; Schema: app; Owner: estate_owner
--

REVOKE ALL ON FUNCTION app.user_profile(p_user_id uuid) FROM PUBLIC;

--
-- Name: FUNCTION verified_email(); Type: ACL; Schema: app; Owner: estate_owner
--

REVOKE ALL ON FUNCTION app.verified_email() FROM PUBLIC;

--
-- Name: FUNCTION visible_asset_ids(p_user_id uuid); Type: ACL; Schema: app; Owner: estate_owner
--

REVOKE ALL ON FUNCTION app.visible_asset_ids(p_user_id uuid) FROM PUBLIC;

--
-- Name: FUNCTION chain_genesis(p_partition_name text); Type: ACL; Schema: audit; Owner: estate_owner
--

REVOKE ALL ON FUNCTION audit.chain_genesis(p_partition_name text) FROM PUBLIC;

--
-- Name: FUNCTION chain_step(p_state bytea, p_row_hash bytea, p_genesis bytea); Type: ACL; Schema: audit; Owner: estate_owner
--

REVOKE ALL ON FUNCTION audit.chain_step(p_state bytea, p_row_hash bytea, p_genesis bytea) FROM PUBLIC;

--
-- Name: FUNCTION create_month_partition(p_month date); Type: ACL; Schema: audit; Owner: estate_owner
--

REVOKE ALL ON FUNCTION audit.create_month_partition(p_month date) FROM PUBLIC;

--
-- Name: FUNCTION ensure_partitions(p_months_back integer, p_months_ahead integer); Type: ACL; Schema: audit; Owner: estate_owner
--

REVOKE ALL ON FUNCTION audit.ensure_partitions(p_months_back integer, p_months_ahead integer) FROM PUBLIC;

--
-- Name: FUNCTION month_partitions(); Type: ACL; Schema: audit; Owner: estate_owner
--

REVOKE ALL ON FUNCTION audit.month_partitions() FROM PUBLIC;

--
-- Name: FUNCTION partition_of_month(p_month date); Type: ACL; Schema: audit; Owner: estate_owner
--

REVOKE ALL ON FUNCTION audit.partition_of_month(p_month date) FROM PUBLIC;

--
-- Name: FUNCTION record_support_call(p_what text, p_operation text, p_row_id text, p_details jsonb); Type: ACL; Schema: audit; Owner: estate_owner
--

REVOKE ALL ON FUNCTION audit.record_support_call(p_what text, p_operation text, p_row_id text, p_details jsonb) FROM PUBLIC;

--
-- Name: FUNCTION row_digest(p_row audit.audit_log); Type: ACL; Schema: audit; Owner: estate_owner
--

REVOKE ALL ON FUNCTION audit.row_digest(p_row audit.audit_log) FROM PUBLIC;

--
-- Name: FUNCTION seal_partition(p_partition_name text, p_month date, p_max_rows integer); Type: ACL; Schema: audit; Owner: estate_owner
--

REVOKE ALL ON FUNCTION audit.seal_partition(p_partition_name text, p_month date, p_max_rows integer) FROM PUBLIC;

--
-- Name: FUNCTION tg_audit__row(); Type: ACL; Schema: audit; Owner: estate_owner
--

REVOKE ALL ON FUNCTION audit.tg_audit__row() FROM PUBLIC;

--
-- Name: FUNCTION tg_audit_chain__append_only(); Type: ACL; Schema: audit; Owner: estate_owner
--

REVOKE ALL ON FUNCTION audit.tg_audit_chain__append_only() FROM PUBLIC;

--
-- Name: FUNCTION tg_audit_log__append_only(); Type: ACL; Schema: audit; Owner: estate_owner
--

REVOKE ALL ON FUNCTION audit.tg_audit_log__append_only() FROM PUBLIC;

--
-- Name: FUNCTION verify_partition(p_partition_name text, p_month date); Type: ACL; Schema: audit; Owner: estate_owner
--

REVOKE ALL ON FUNCTION audit.verify_partition(p_partition_name text, p_month date) FROM PUBLIC;

--
-- Name: FUNCTION sp_add_staff(p_user_pool_id text, p_cognito_sub text, p_email text, p_display_name text); Type: ACL; Schema: support; Owner: estate_owner
--

REVOKE ALL ON FUNCTION support.sp_add_staff(p_user_pool_id text, p_cognito_sub text, p_email text, p_display_name text) FROM PUBLIC;
GRANT ALL ON FUNCTION support.sp_add_staff(p_user_pool_id text, p_cognito_sub text, p_email text, p_display_name text) TO estate_support;

--
-- Name: FUNCTION sp_apply_audit_retention(p_dry_run boolean); Type: ACL; Schema: support; Owner: estate_owner
--

REVOKE ALL ON FUNCTION support.sp_apply_audit_retention(p_dry_run boolean) FROM PUBLIC;
GRANT ALL ON FUNCTION support.sp_apply_audit_retention(p_dry_run boolean) TO estate_support;

--
-- Name: FUNCTION sp_approve_break_glass(p_tenant_id uuid, p_request_id uuid); Type: ACL; Schema: support; Owner: estate_owner
--

REVOKE ALL ON FUNCTION support.sp_approve_break_glass(p_tenant_id uuid, p_request_id uuid) FROM PUBLIC;
GRANT ALL ON FUNCTION support.sp_approve_break_glass(p_tenant_id uuid, p_request_id uuid) TO estate_support;

--
-- Name: FUNCTION sp_close_support_access(p_tenant_id uuid, p_request_id uuid); Type: ACL; Schema: support; Owner: estate_owner
--

REVOKE ALL ON FUNCTION support.sp_close_support_access(p_tenant_id uuid, p_request_id uuid) FROM PUBLIC;
GRANT ALL ON FUNCTION support.sp_close_support_access(p_tenant_id uuid, p_request_id uuid) TO estate_support;

--
-- Name: FUNCTION sp_create_tenant(p_slug text, p_name text, p_branding jsonb, p_settings jsonb); Type: ACL; Schema: support; Owner: estate_owner
--

REVOKE ALL ON FUNCTION support.sp_create_tenant(p_slug text, p_name text, p_branding jsonb, p_settings jsonb) FROM PUBLIC;
GRANT ALL ON FUNCTION support.sp_create_tenant(p_slug text, p_name text, p_branding jsonb, p_settings jsonb) TO estate_support;

--
-- Name: FUNCTION sp_ensure_audit_partitions(p_months_ahead integer); Type: ACL; Schema: support; Owner: estate_owner
--

REVOKE ALL ON FUNCTION support.sp_ensure_audit_partitions(p_months_ahead integer) FROM PUBLIC;
GRANT ALL ON FUNCTION support.sp_ensure_audit_partitions(p_months_ahead integer) TO estate_support;

--
-- Name: FUNCTION sp_find_tenants(p_query text, p_status text, p_limit integer, p_offset integer); Type: ACL; Schema: support; Owner: estate_owner
--

REVOKE ALL ON FUNCTION support.sp_find_tenants(p_query text, p_status text, p_limit integer, p_offset integer) FROM PUBLIC;
GRANT ALL ON FUNCTION support.sp_find_tenants(p_query text, p_status text, p_limit integer, p_offset integer) TO estate_support;

--
-- Name: FUNCTION sp_find_users(p_tenant_id uuid, p_query text, p_limit integer, p_offset integer); Type: ACL; Schema: support; Owner: estate_owner
--

REVOKE ALL ON FUNCTION support.sp_find_users(p_tenant_id uuid, p_query text, p_limit integer, p_offset integer) FROM PUBLIC;
GRANT ALL ON FUNCTION support.sp_find_users(p_tenant_id uuid, p_query text, p_limit integer, p_offset integer) TO estate_support;

--
-- Name: FUNCTION sp_get_account_number(p_tenant_id uuid, p_user_id uuid, p_asset_id uuid); Type: ACL; Schema: support; Owner: estate_owner
--

REVOKE ALL ON FUNCTION support.sp_get_account_number(p_tenant_id uuid, p_user_id uuid, p_asset_id uuid) FROM PUBLIC;
GRANT ALL ON FUNCTION support.sp_get_account_number(p_tenant_id uuid, p_user_id uuid, p_asset_id uuid) TO estate_support;

--
-- Name: FUNCTION sp_get_current_staff(); Type: ACL; Schema: support; Owner: estate_owner
--

REVOKE ALL ON FUNCTION support.sp_get_current_staff() FROM PUBLIC;
GRANT ALL ON FUNCTION support.sp_get_current_staff() TO estate_support;

--
-- Name: FUNCTION sp_get_data_request(p_tenant_id uuid, p_request_id uuid); Type: ACL; Schema: support; Owner: estate_owner
--

REVOKE ALL ON FUNCTION support.sp_get_data_request(p_tenant_id uuid, p_request_id uuid) FROM PUBLIC;
GRANT ALL ON FUNCTION support.sp_get_data_request(p_tenant_id uuid, p_request_id uuid) TO estate_support;

--
-- Name: FUNCTION sp_get_payment_summary(p_tenant_id uuid); Type: ACL; Schema: support; Owner: estate_owner
--

REVOKE ALL ON FUNCTION support.sp_get_payment_summary(p_tenant_id uuid) FROM PUBLIC;
GRANT ALL ON FUNCTION support.sp_get_payment_summary(p_tenant_id uuid) TO estate_support;

--
-- Name: FUNCTION sp_get_tenant_by_slug(p_slug text); Type: ACL; Schema: support; Owner: estate_owner
--

REVOKE ALL ON FUNCTION support.sp_get_tenant_by_slug(p_slug text) FROM PUBLIC;
GRANT ALL ON FUNCTION support.sp_get_tenant_by_slug(p_slug text) TO estate_support;

--
-- Name: FUNCTION sp_get_tenant_security_policy(p_tenant_id uuid); Type: ACL; Schema: support; Owner: estate_owner
--

REVOKE ALL ON FUNCTION support.sp_get_tenant_security_policy(p_tenant_id uuid) FROM PUBLIC;
GRANT ALL ON FUNCTION support.sp_get_tenant_security_policy(p_tenant_id uuid) TO estate_support;

--
-- Name: FUNCTION sp_get_user_assets_unmasked(p_tenant_id uuid, p_user_id uuid, p_limit integer, p_offset integer); Type: ACL; Schema: support; Owner: estate_owner
--

REVOKE ALL ON FUNCTION support.sp_get_user_assets_unmasked(p_tenant_id uuid, p_user_id uuid, p_limit integer, p_offset integer) FROM PUBLIC;
GRANT ALL ON FUNCTION support.sp_get_user_assets_unmasked(p_tenant_id uuid, p_user_id uuid, p_limit integer, p_offset integer) TO estate_support;

--
-- Name: FUNCTION sp_get_user_circles(p_tenant_id uuid, p_user_id uuid); Type: ACL; Schema: support; Owner: estate_owner
--

REVOKE ALL ON FUNCTION support.sp_get_user_circles(p_tenant_id uuid, p_user_id uuid) FROM PUBLIC;
GRANT ALL ON FUNCTION support.sp_get_user_circles(p_tenant_id uuid, p_user_id uuid) TO estate_support;

--
-- Name: FUNCTION sp_get_user_personas(p_tenant_id uuid, p_user_id uuid); Type: ACL; Schema: support; Owner: estate_owner
--

REVOKE ALL ON FUNCTION support.sp_get_user_personas(p_tenant_id uuid, p_user_id uuid) FROM PUBLIC;
GRANT ALL ON FUNCTION support.sp_get_user_personas(p_tenant_id uuid, p_user_id uuid) TO estate_support;

--
-- Name: FUNCTION sp_get_user_personas_unmasked(p_tenant_id uuid, p_user_id uuid); Type: ACL; Schema: support; Owner: estate_owner
--

REVOKE ALL ON FUNCTION support.sp_get_user_personas_unmasked(p_tenant_id uuid, p_user_id uuid) FROM PUBLIC;
GRANT ALL ON FUNCTION support.sp_get_user_personas_unmasked(p_tenant_id uuid, p_user_id uuid) TO estate_support;

--
-- Name: FUNCTION sp_grant_unmask(p_tenant_id uuid, p_user_id uuid, p_reason text, p_ticket_ref text, p_minutes integer); Type: ACL; Schema: support; Owner: estate_owner
--

REVOKE ALL ON FUNCTION support.sp_grant_unmask(p_tenant_id uuid, p_user_id uuid, p_reason text, p_ticket_ref text, p_minutes integer) FROM PUBLIC;
GRANT ALL ON FUNCTION support.sp_grant_unmask(p_tenant_id uuid, p_user_id uuid, p_reason text, p_ticket_ref text, p_minutes integer) TO estate_support;

--
-- Name: FUNCTION sp_list_active_subscriptions(p_tenant_id uuid, p_limit integer, p_offset integer); Type: ACL; Schema: support; Owner: estate_owner
--

REVOKE ALL ON FUNCTION support.sp_list_active_subscriptions(p_tenant_id uuid, p_limit integer, p_offset integer) FROM PUBLIC;
GRANT ALL ON FUNCTION support.sp_list_active_subscriptions(p_tenant_id uuid, p_limit integer, p_offset integer) TO estate_support;

--
-- Name: FUNCTION sp_list_audit_partitions(); Type: ACL; Schema: support; Owner: estate_owner
--

REVOKE ALL ON FUNCTION support.sp_list_audit_partitions() FROM PUBLIC;
GRANT ALL ON FUNCTION support.sp_list_audit_partitions() TO estate_support;

--
-- Name: FUNCTION sp_list_data_requests(p_tenant_id uuid, p_status text, p_kind text, p_limit integer, p_offset integer); Type: ACL; Schema: support; Owner: estate_owner
--

REVOKE ALL ON FUNCTION support.sp_list_data_requests(p_tenant_id uuid, p_status text, p_kind text, p_limit integer, p_offset integer) FROM PUBLIC;
GRANT ALL ON FUNCTION support.sp_list_data_requests(p_tenant_id uuid, p_status text, p_kind text, p_limit integer, p_offset integer) TO estate_support;

--
-- Name: FUNCTION sp_list_exchange_rates(p_base_currency text, p_quote_currency text, p_limit integer, p_offset integer); Type: ACL; Schema: support; Owner: estate_owner
--

REVOKE ALL ON FUNCTION support.sp_list_exchange_rates(p_base_currency text, p_quote_currency text, p_limit integer, p_offset integer) FROM PUBLIC;
GRANT ALL ON FUNCTION support.sp_list_exchange_rates(p_base_currency text, p_quote_currency text, p_limit integer, p_offset integer) TO estate_support;

--
-- Name: FUNCTION sp_list_staff_auth_clients(); Type: ACL; Schema: support; Owner: estate_owner
--

REVOKE ALL ON FUNCTION support.sp_list_staff_auth_clients() FROM PUBLIC;
GRANT ALL ON FUNCTION support.sp_list_staff_auth_clients() TO estate_support;

--
-- Name: FUNCTION sp_list_support_access_requests(p_tenant_id uuid, p_user_id uuid, p_limit integer, p_offset integer); Type: ACL; Schema: support; Owner: estate_owner
--

REVOKE ALL ON FUNCTION support.sp_list_support_access_requests(p_tenant_id uuid, p_user_id uuid, p_limit integer, p_offset integer) FROM PUBLIC;
GRANT ALL ON FUNCTION support.sp_list_support_access_requests(p_tenant_id uuid, p_user_id uuid, p_limit integer, p_offset integer) TO estate_support;

--
-- Name: FUNCTION sp_list_user_sessions(p_tenant_id uuid, p_user_id uuid, p_limit integer, p_offset integer); Type: ACL; Schema: support; Owner: estate_owner
--

REVOKE ALL ON FUNCTION support.sp_list_user_sessions(p_tenant_id uuid, p_user_id uuid, p_limit integer, p_offset integer) FROM PUBLIC;
GRANT ALL ON FUNCTION support.sp_list_user_sessions(p_tenant_id uuid, p_user_id uuid, p_limit integer, p_offset integer) TO estate_support;

--
-- Name: FUNCTION sp_open_break_glass(p_tenant_id uuid, p_user_id uuid, p_reason text, p_ticket_ref text, p_minutes integer); Type: ACL; Schema: support; Owner: estate_owner
--

REVOKE ALL ON FUNCTION support.sp_open_break_glass(p_tenant_id uuid, p_user_id uuid, p_reason text, p_ticket_ref text, p_minutes integer) FROM PUBLIC;
GRANT ALL ON FUNCTION support.sp_open_break_glass(p_tenant_id uuid, p_user_id uuid, p_reason text, p_ticket_ref text, p_minutes integer) TO estate_support;

--
-- Name: FUNCTION sp_read_audit_log(p_tenant_id uuid, p_user_id uuid, p_persona_id uuid, p_request_id text, p_limit integer, p_offset integer); Type: ACL; Schema: support; Owner: estate_owner
--

REVOKE ALL ON FUNCTION support.sp_read_audit_log(p_tenant_id uuid, p_user_id uuid, p_persona_id uuid, p_request_id text, p_limit integer, p_offset integer) FROM PUBLIC;
GRANT ALL ON FUNCTION support.sp_read_audit_log(p_tenant_id uuid, p_user_id uuid, p_persona_id uuid, p_request_id text, p_limit integer, p_offset integer) TO estate_support;

--
-- Name: FUNCTION sp_register_app_client(p_tenant_id uuid, p_provider_id uuid, p_client_id text, p_name text); Type: ACL; Schema: support; Owner: estate_owner
--

REVOKE ALL ON FUNCTION support.sp_register_app_client(p_tenant_id uuid, p_provider_id uuid, p_client_id text, p_name text) FROM PUBLIC;
GRANT ALL ON FUNCTION support.sp_register_app_client(p_tenant_id uuid, p_provider_id uuid, p_client_id text, p_name text) TO estate_support;

--
-- Name: FUNCTION sp_register_identity_provider(p_tenant_id uuid, p_kind text, p_user_pool_id text, p_region text, p_issuer text); Type: ACL; Schema: support; Owner: estate_owner
--

REVOKE ALL ON FUNCTION support.sp_register_identity_provider(p_tenant_id uuid, p_kind text, p_user_pool_id text, p_region text, p_issuer text) FROM PUBLIC;
GRANT ALL ON FUNCTION support.sp_register_identity_provider(p_tenant_id uuid, p_kind text, p_user_pool_id text, p_region text, p_issuer text) TO estate_support;

--
-- Name: FUNCTION sp_register_staff_client(p_provider_id uuid, p_client_id text, p_name text); Type: ACL; Schema: support; Owner: estate_owner
--

REVOKE ALL ON FUNCTION support.sp_register_staff_client(p_provider_id uuid, p_client_id text, p_name text) FROM PUBLIC;
GRANT ALL ON FUNCTION support.sp_register_staff_client(p_provider_id uuid, p_client_id text, p_name text) TO estate_support;

--
-- Name: FUNCTION sp_register_staff_pool(p_kind text, p_user_pool_id text, p_region text, p_issuer text); Type: ACL; Schema: support; Owner: estate_owner
--

REVOKE ALL ON FUNCTION support.sp_register_staff_pool(p_kind text, p_user_pool_id text, p_region text, p_issuer text) FROM PUBLIC;
GRANT ALL ON FUNCTION support.sp_register_staff_pool(p_kind text, p_user_pool_id text, p_region text, p_issuer text) TO estate_support;

--
-- Name: FUNCTION sp_request_support_access(p_tenant_id uuid, p_user_id uuid, p_reason text, p_ticket_ref text, p_minutes integer); Type: ACL; Schema: support; Owner: estate_owner
--

REVOKE ALL ON FUNCTION support.sp_request_support_access(p_tenant_id uuid, p_user_id uuid, p_reason text, p_ticket_ref text, p_minutes integer) FROM PUBLIC;
GRANT ALL ON FUNCTION support.sp_request_support_access(p_tenant_id uuid, p_user_id uuid, p_reason text, p_ticket_ref text, p_minutes integer) TO estate_support;

--
-- Name: FUNCTION sp_revoke_user_sessions(p_tenant_id uuid, p_user_id uuid, p_session_id uuid); Type: ACL; Schema: support; Owner: estate_owner
--

REVOKE ALL ON FUNCTION support.sp_revoke_user_sessions(p_tenant_id uuid, p_user_id uuid, p_session_id uuid) FROM PUBLIC;
GRANT ALL ON FUNCTION support.sp_revoke_user_sessions(p_tenant_id uuid, p_user_id uuid, p_session_id uuid) TO estate_support;

--
-- Name: FUNCTION sp_seal_audit_log(p_max_rows integer); Type: ACL; Schema: support; Owner: estate_owner
--

REVOKE ALL ON FUNCTION support.sp_seal_audit_log(p_max_rows integer) FROM PUBLIC;
GRANT ALL ON FUNCTION support.sp_seal_audit_log(p_max_rows integer) TO estate_support;

--
-- Name: FUNCTION sp_set_app_client_status(p_tenant_id uuid, p_client_id text, p_status text); Type: ACL; Schema: support; Owner: estate_owner
--

REVOKE ALL ON FUNCTION support.sp_set_app_client_status(p_tenant_id uuid, p_client_id text, p_status text) FROM PUBLIC;
GRANT ALL ON FUNCTION support.sp_set_app_client_status(p_tenant_id uuid, p_client_id text, p_status text) TO estate_support;

--
-- Name: FUNCTION sp_set_audit_retention(p_months_kept integer); Type: ACL; Schema: support; Owner: estate_owner
--

REVOKE ALL ON FUNCTION support.sp_set_audit_retention(p_months_kept integer) FROM PUBLIC;
GRANT ALL ON FUNCTION support.sp_set_audit_retention(p_months_kept integer) TO estate_support;

--
-- Name: FUNCTION sp_set_exchange_rate(p_base_currency text, p_quote_currency text, p_rate_date date, p_rate numeric); Type: ACL; Schema: support; Owner: estate_owner
--

REVOKE ALL ON FUNCTION support.sp_set_exchange_rate(p_base_currency text, p_quote_currency text, p_rate_date date, p_rate numeric) FROM PUBLIC;
GRANT ALL ON FUNCTION support.sp_set_exchange_rate(p_base_currency text, p_quote_currency text, p_rate_date date, p_rate numeric) TO estate_support;

--
-- Name: FUNCTION sp_set_staff_status(p_email text, p_status text); Type: ACL; Schema: support; Owner: estate_owner
--

REVOKE ALL ON FUNCTION support.sp_set_staff_status(p_email text, p_status text) FROM PUBLIC;
GRANT ALL ON FUNCTION support.sp_set_staff_status(p_email text, p_status text) TO estate_support;

--
-- Name: FUNCTION sp_set_tenant_allowed_origins(p_tenant_id uuid, p_origins text[]); Type: ACL; Schema: support; Owner: estate_owner
--

REVOKE ALL ON FUNCTION support.sp_set_tenant_allowed_origins(p_tenant_id uuid, p_origins text[]) FROM PUBLIC;
GRANT ALL ON FUNCTION support.sp_set_tenant_allowed_origins(p_tenant_id uuid, p_origins text[]) TO estate_support;

--
-- Name: FUNCTION sp_set_tenant_plan(p_tenant_id uuid, p_plan_code text, p_is_available boolean, p_price_amount numeric, p_currency text, p_stripe_price_id text, p_feature_limits jsonb); Type: ACL; Schema: support; Owner: estate_owner
--

REVOKE ALL ON FUNCTION support.sp_set_tenant_plan(p_tenant_id uuid, p_plan_code text, p_is_available boolean, p_price_amount numeric, p_currency text, p_stripe_price_id text, p_feature_limits jsonb) FROM PUBLIC;
GRANT ALL ON FUNCTION support.sp_set_tenant_plan(p_tenant_id uuid, p_plan_code text, p_is_available boolean, p_price_amount numeric, p_currency text, p_stripe_price_id text, p_feature_limits jsonb) TO estate_support;

--
-- Name: FUNCTION sp_set_tenant_security_policy(p_tenant_id uuid, p_mfa_required boolean, p_mfa_factors text[], p_password_max_age_days integer); Type: ACL; Schema: support; Owner: estate_owner
--

REVOKE ALL ON FUNCTION support.sp_set_tenant_security_policy(p_tenant_id uuid, p_mfa_required boolean, p_mfa_factors text[], p_password_max_age_days integer) FROM PUBLIC;
GRANT ALL ON FUNCTION support.sp_set_tenant_security_policy(p_tenant_id uuid, p_mfa_required boolean, p_mfa_factors text[], p_password_max_age_days integer) TO estate_support;

--
-- Name: FUNCTION sp_set_tenant_status(p_tenant_id uuid, p_status text); Type: ACL; Schema: support; Owner: estate_owner
--

REVOKE ALL ON FUNCTION support.sp_set_tenant_status(p_tenant_id uuid, p_status text) FROM PUBLIC;
GRANT ALL ON FUNCTION support.sp_set_tenant_status(p_tenant_id uuid, p_status text) TO estate_support;

--
-- Name: FUNCTION sp_set_user_status(p_tenant_id uuid, p_user_id uuid, p_status text); Type: ACL; Schema: support; Owner: estate_owner
--

REVOKE ALL ON FUNCTION support.sp_set_user_status(p_tenant_id uuid, p_user_id uuid, p_status text) FROM PUBLIC;
GRANT ALL ON FUNCTION support.sp_set_user_status(p_tenant_id uuid, p_user_id uuid, p_status text) TO estate_support;

--
-- Name: FUNCTION sp_verify_audit_chain(p_month date); Type: ACL; Schema: support; Owner: estate_owner
--

REVOKE ALL ON FUNCTION support.sp_verify_audit_chain(p_month date) FROM PUBLIC;
GRANT ALL ON FUNCTION support.sp_verify_audit_chain(p_month date) TO estate_support;

--
-- Name: FUNCTION chain_hash(bytea, bytea); Type: ACL; Schema: audit; Owner: estate_owner
--

REVOKE ALL ON FUNCTION audit.chain_hash(bytea, bytea) FROM PUBLIC;

--
-- Name: DEFAULT PRIVILEGES FOR FUNCTIONS; Type: DEFAULT ACL; Schema: -; Owner: estate_owner
--

ALTER DEFAULT PRIVILEGES FOR ROLE estate_owner REVOKE ALL ON FUNCTIONS  FROM PUBLIC;
