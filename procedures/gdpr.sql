-- GDPR (issue 11, SPEC §7; docs/gdpr.md): a user's consents (an append-only history), and data
-- subject requests: an export of everything about the user's own persona (JSON, one file per
-- domain, without other people's data) and an erasure that pseudonymises the person, keeps what
-- the law requires and is refused while it would harm co-owners. Requests are carried out in the
-- transaction that receives them; each change of state is an event of the request's trail.

------------------------------------------------------------------------------------------------
-- Helpers
------------------------------------------------------------------------------------------------

create or replace function app.lock_current_user() returns uuid
  language plpgsql volatile security definer
  set search_path = pg_catalog, pg_temp
as $$
declare
  v_user_id uuid := app.current_user_id();
begin
  -- One consent or request of a user at a time: a withdrawal never races its own giving.
  perform 1 from app.users u where u.tenant_id = app.current_tenant_id() and u.id = v_user_id for update;
  return v_user_id;
end
$$;
comment on function app.lock_current_user() is 'The signed-in user (app.current_user_id), their row locked for the rest of the transaction.';

create or replace function app.data_request_step(p_request_id uuid, p_to text, p_note text,
                                                 p_refusal_code text default null, p_refusal_reason text default null)
  returns void
  language plpgsql volatile security definer
  set search_path = pg_catalog, pg_temp
as $$
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
comment on function app.data_request_step(uuid, text, text, text, text) is
  'Moves a data subject request to its next state (received -> in_progress -> completed | refused) and records the event.';

create or replace function app.export_archive_days() returns integer
  language sql immutable
  set search_path = pg_catalog, pg_temp
as $$ select 7 $$;
comment on function app.export_archive_days() is 'Days a completed export''s archive may be downloaded.';

create or replace function app.export_download_limit() returns integer
  language sql immutable
  set search_path = pg_catalog, pg_temp
as $$ select 5 $$;
comment on function app.export_download_limit() is 'How many times one export''s archive may be downloaded.';

create or replace function app.data_request_events(p_request_id uuid) returns jsonb
  language sql stable security definer
  set search_path = pg_catalog, pg_temp
as $$
  -- At most the 100 newest events, oldest first (a request has a handful: its states and at most
  -- app.export_download_limit() downloads; the bound keeps every answer's size fixed).
  select coalesce(pg_catalog.jsonb_agg(pg_catalog.jsonb_build_object(
           'fromStatus', e.from_status, 'toStatus', e.to_status, 'actorKind', e.actor_kind,
           'note', e.note, 'occurredAt', e.occurred_at) order by e.occurred_at, e.id), '[]')
    from (select * from app.data_subject_request_events e
           where e.tenant_id = app.current_tenant_id() and e.request_id = p_request_id
           order by e.occurred_at desc, e.id desc limit 100) e
$$;
comment on function app.data_request_events(uuid) is 'The trail of a data subject request (its 100 newest events), oldest first, as the API shows it.';

------------------------------------------------------------------------------------------------
-- Consents
------------------------------------------------------------------------------------------------

create or replace function api.sp_list_my_consents(p_limit integer, p_offset integer)
  returns table (consent_id uuid, purpose text, version text, decision text, recorded_at timestamptz,
                 is_current boolean, total integer)
  language plpgsql stable security definer
  set search_path = pg_catalog, pg_temp
as $$
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
comment on function api.sp_list_my_consents(integer, integer) is
  'The signed-in user''s consent history, newest first; the newest row of each purpose (is_current) is its state now.';
grant execute on function api.sp_list_my_consents(integer, integer) to estate_api;

create or replace function api.sp_record_consent(p_purpose text, p_version text, p_decision text)
  returns table (consent_id uuid, purpose text, version text, decision text, recorded_at timestamptz,
                 is_current boolean)
  language plpgsql volatile security definer
  set search_path = pg_catalog, pg_temp
as $$
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
$$;
comment on function api.sp_record_consent(text, text, text) is
  'Records that the signed-in user gave or withdrew consent to a purpose at a version of its text (a new row each time; withdrawing needs a consent given).';
grant execute on function api.sp_record_consent(text, text, text) to estate_api;

------------------------------------------------------------------------------------------------
-- Export: every file of the archive, built when it is downloaded (no second copy of the data)
------------------------------------------------------------------------------------------------

create or replace function app.export_files(p_user_id uuid) returns jsonb
  language plpgsql stable security definer
  set search_path = pg_catalog, pg_temp
as $$
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
    -- Their own vault documents (docs/vault.md): metadata, versions' size, type, name and hash,
    -- subjects and shares; not the files (ciphertext this database cannot open; the routes serve them).
    'vault.json', coalesce((
      select pg_catalog.jsonb_agg(pg_catalog.jsonb_build_object('documentId', d.id, 'ownerPersonaId', d.owner_persona_id,
               'kind', d.kind, 'title', d.title, 'status', d.status, 'signedOn', d.signed_on, 'reviewOn', d.review_on,
               'createdAt', d.created_at,
               'versions', coalesce((select pg_catalog.jsonb_agg(pg_catalog.jsonb_build_object(
                             'versionNumber', v.version_number, 'byteSize', v.byte_size, 'mediaType', v.media_type,
                             'fileName', v.file_name, 'contentSha256', pg_catalog.encode(v.content_sha256, 'hex'),
                             'createdAt', v.created_at) order by v.version_number)
                           from app.vault_document_versions v where v.tenant_id = d.tenant_id and v.document_id = d.id), '[]'),
               'subjects', coalesce((select pg_catalog.jsonb_agg(pg_catalog.jsonb_build_object(
                             'personaId', s.persona_id, 'assetId', s.asset_id) order by s.created_at, s.id)
                           from app.vault_document_subjects s where s.tenant_id = d.tenant_id and s.document_id = d.id), '[]'),
               'shares', coalesce((select pg_catalog.jsonb_agg(pg_catalog.jsonb_build_object(
                             'personaId', s.recipient_persona_id, 'when', s.release_when) order by s.created_at, s.id)
                           from app.vault_document_shares s where s.tenant_id = d.tenant_id and s.document_id = d.id), '[]'))
               order by d.created_at, d.id)
        from app.vault_documents d where d.tenant_id = v_tenant_id and d.owner_persona_id = any (v_personas)), '[]'),
    -- When they cannot act (docs/legacy.md): the emergency access they gave or hold, the fiduciaries
    -- they appointed and the appointments naming them (not the appointer's notes), the reports they
    -- made and those about them (not the evidence note, kept for support).
    'legacy.json', pg_catalog.jsonb_build_object(
      'emergencyAccess', coalesce((
        select pg_catalog.jsonb_agg(pg_catalog.jsonb_build_object('grantId', g.id,
                 'role', case when g.grantor_user_id = p_user_id then 'grantor' else 'grantee' end,
                 'grantorPersonaId', g.grantor_persona_id, 'granteeUserId', g.grantee_user_id, 'scope', g.scope,
                 'waitDays', g.wait_days, 'state', g.state, 'createdAt', g.created_at) order by g.created_at, g.id)
          from app.emergency_access_grants g
         where g.tenant_id = v_tenant_id and (g.grantor_user_id = p_user_id or g.grantee_user_id = p_user_id)), '[]'),
      'fiduciaries', coalesce((
        select pg_catalog.jsonb_agg(pg_catalog.jsonb_build_object('appointmentId', a.id,
                 'side', case when a.appointer_persona_id = any (v_personas) then 'appointer' else 'appointee' end,
                 'appointerPersonaId', a.appointer_persona_id, 'appointerEntityId', a.appointer_entity_id,
                 'role', a.role, 'appointeePersonaId', a.appointee_persona_id, 'rank', a.rank, 'status', a.status,
                 'notes', case when a.appointer_persona_id = any (v_personas) then a.notes end,
                 'nominatedAt', a.nominated_at) order by a.nominated_at, a.id)
          from app.fiduciary_appointments a
         where a.tenant_id = v_tenant_id
           and (a.appointer_persona_id = any (v_personas) or a.appointee_persona_id = any (v_personas))), '[]'),
      'lifeEvents', coalesce((
        select pg_catalog.jsonb_agg(pg_catalog.jsonb_build_object('eventId', e.id,
                 'role', case when e.reported_by_user_id = p_user_id then 'reporter' else 'subject' end,
                 'personaId', e.persona_id, 'kind', e.kind, 'occurredOn', e.occurred_on, 'state', e.state,
                 'reportedAt', e.created_at, 'evidenceKind', e.evidence_kind) order by e.created_at, e.id)
          from app.life_events e
         where e.tenant_id = v_tenant_id and (e.reported_by_user_id = p_user_id or e.persona_id = any (v_personas))), '[]')),
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
comment on function app.export_files(uuid) is
  'Every file of a user''s export: their own identity, persona, circles, assets (their shares only), valuations, net worth, billing, estate, vault documents (metadata), consents, sessions, requests, support access and audit trail.';

------------------------------------------------------------------------------------------------
-- Erasure: what stands in its way, and what it does
------------------------------------------------------------------------------------------------

create or replace function app.erasure_obstacle(p_user_id uuid, out code text, out reason text)
  language plpgsql volatile security definer
  set search_path = pg_catalog, pg_temp
as $$
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
  if app.persona_is_frozen(v_tenant_id, v_persona_id) then
    code := 'erasure_persona_frozen';
    reason := 'this person''s death has been verified: their data is kept as it was on that date while the estate is settled';
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
comment on function app.erasure_obstacle(uuid) is
  'Why a user''s erasure must be refused now (co-owned assets, assets of a trust only they control, personas only they act for, sole owner of a circle with members, a verified death, a running paid subscription), or NULLs; locks their persona, assets, entities and circles.';

create or replace function app.erase_user(p_user_id uuid) returns jsonb
  language plpgsql volatile security definer
  set search_path = pg_catalog, pg_temp
as $$
declare
  v_tenant_id uuid := app.current_tenant_id();
  v_persona_id uuid;
  v_sub text;
  v_emails text[];
  v_assets uuid[];
  v_ffc_id uuid;
  v_grants integer := 0;
  v_slot record;
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

  -- Their vault documents go with every version (the ciphertext; the bytes leave the storage
  -- counts), subjects and shares, signed ones too: the person, not a co-owner, is their subject.
  delete from app.vault_documents d where d.tenant_id = v_tenant_id and d.owner_persona_id = v_persona_id;
  get diagnostics v_count = row_count;
  v_outcome := v_outcome || pg_catalog.jsonb_build_object('vaultDocuments', v_count);

  -- Their emergency access, given or held, ends; the fiduciaries they appointed go with their plan;
  -- an appointment naming them in someone else's plan is resigned (that plan's next in line acts);
  -- open reports they made are withdrawn, and open reports about them blocked (they are alive).
  delete from app.emergency_access_grants g
   where g.tenant_id = v_tenant_id and (g.grantor_user_id = p_user_id or g.grantee_user_id = p_user_id);
  get diagnostics v_count = row_count;
  v_outcome := v_outcome || pg_catalog.jsonb_build_object('emergencyAccessGrants', v_count);
  delete from app.fiduciary_appointments a where a.tenant_id = v_tenant_id and a.appointer_persona_id = v_persona_id;
  get diagnostics v_count = row_count;
  for v_slot in
    update app.fiduciary_appointments a
       set status = case when a.status = 'accepted' then 'resigned' else 'declined' end,
           resigned_at = case when a.status = 'accepted' then pg_catalog.now() end,
           declined_at = case when a.status = 'nominated' then pg_catalog.now() end
     where a.tenant_id = v_tenant_id and a.appointee_persona_id = v_persona_id and a.status in ('nominated', 'accepted')
    returning coalesce(a.appointer_persona_id, a.appointer_entity_id) as appointer_id, a.role, a.ward_persona_id loop
    perform app.renumber_fiduciary_slot(v_slot.appointer_id, v_slot.role, v_slot.ward_persona_id);
  end loop;
  v_outcome := v_outcome || pg_catalog.jsonb_build_object('fiduciaryAppointments', v_count);
  update app.life_events e set state = 'withdrawn', withdrawn_at = pg_catalog.now(), evidence_note = null
   where e.tenant_id = v_tenant_id and e.reported_by_user_id = p_user_id and e.state = 'reported';
  update app.life_events e set state = 'blocked', blocked_at = pg_catalog.now()
   where e.tenant_id = v_tenant_id and e.persona_id = v_persona_id and e.state = 'reported';

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
comment on function app.erase_user(uuid) is
  'Erases a user: deletes their contact data, sessions, payment methods, solely owned assets and vault documents, pseudonymises their persona and user row, ends their links and memberships; returns what it did as counts.';

------------------------------------------------------------------------------------------------
-- Data subject requests
------------------------------------------------------------------------------------------------

create or replace function app.data_request_view(p_request_id uuid)
  returns table (request_id uuid, kind text, status text, received_at timestamptz, due_at timestamptz,
                 completed_at timestamptz, refusal_code text, refusal_reason text, outcome jsonb,
                 archive_expires_at timestamptz, events jsonb)
  language sql stable security definer
  set search_path = pg_catalog, pg_temp
as $$
  select r.id, r.kind, r.status, r.received_at, r.due_at, r.completed_at, r.refusal_code, r.refusal_reason, r.outcome,
         case when r.kind = 'export' and r.status = 'completed'
              then r.completed_at + pg_catalog.make_interval(days => app.export_archive_days()) end,
         app.data_request_events(r.id)
    from app.data_subject_requests r
   where r.tenant_id = app.current_tenant_id() and r.id = p_request_id
$$;
comment on function app.data_request_view(uuid) is 'A data subject request as the API shows it, with its trail of events.';

create or replace function api.sp_create_data_request(p_kind text)
  returns table (request_id uuid, kind text, status text, received_at timestamptz, due_at timestamptz,
                 completed_at timestamptz, refusal_code text, refusal_reason text, outcome jsonb,
                 archive_expires_at timestamptz, events jsonb)
  language plpgsql volatile security definer
  set search_path = pg_catalog, pg_temp
as $$
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
comment on function api.sp_create_data_request(text) is
  'Receives the signed-in user''s export or erasure request and carries it out: an export''s archive is ready at once; an erasure is done, or refused with the reason (co-owners, circles, a paid subscription).';
grant execute on function api.sp_create_data_request(text) to estate_api;

create or replace function api.sp_list_my_data_requests(p_limit integer, p_offset integer)
  returns table (request_id uuid, kind text, status text, received_at timestamptz, due_at timestamptz,
                 completed_at timestamptz, refusal_code text, total integer)
  language plpgsql stable security definer
  set search_path = pg_catalog, pg_temp
as $$
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
comment on function api.sp_list_my_data_requests(integer, integer) is
  'The signed-in user''s export and erasure requests, newest first, with their states and deadlines; a page at a time with the total.';
grant execute on function api.sp_list_my_data_requests(integer, integer) to estate_api;

create or replace function app.require_own_data_request(p_user_id uuid, p_request_id uuid) returns void
  language plpgsql stable security definer
  set search_path = pg_catalog, pg_temp
as $$
begin
  -- Another user's, another tenant's and a made-up id: the same answer.
  if p_request_id is null or not exists (select 1 from app.data_subject_requests r
                                          where r.tenant_id = app.current_tenant_id() and r.id = p_request_id
                                            and r.user_id = p_user_id) then
    perform app.fail('PT404', 'data_request_not_found', 'data request not found');
  end if;
end
$$;
comment on function app.require_own_data_request(uuid, uuid) is 'Raises data_request_not_found unless the request is the user''s.';

create or replace function api.sp_get_my_data_request(p_request_id uuid)
  returns table (request_id uuid, kind text, status text, received_at timestamptz, due_at timestamptz,
                 completed_at timestamptz, refusal_code text, refusal_reason text, outcome jsonb,
                 archive_expires_at timestamptz, events jsonb)
  language plpgsql stable security definer
  set search_path = pg_catalog, pg_temp
as $$
#variable_conflict use_column
declare
  v_user_id uuid := app.current_user_id();
begin
  perform app.require_own_data_request(v_user_id, p_request_id);
  return query select * from app.data_request_view(p_request_id);
end
$$;
comment on function api.sp_get_my_data_request(uuid) is
  'One of the signed-in user''s data requests with its state, deadline, refusal reason or outcome, and its trail of events.';
grant execute on function api.sp_get_my_data_request(uuid) to estate_api;

create or replace function api.sp_get_data_export(p_request_id uuid)
  returns table (request_id uuid, generated_at timestamptz, files jsonb)
  language plpgsql volatile security definer
  set search_path = pg_catalog, pg_temp
as $$
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
comment on function api.sp_get_data_export(uuid) is
  'The archive of a completed export (for 7 days): the user''s data as JSON files, one per domain, built now; each download is recorded in the request''s trail.';
grant execute on function api.sp_get_data_export(uuid) to estate_api;

------------------------------------------------------------------------------------------------
-- Support: the tenant's requests and their deadlines (who asked: masked)
------------------------------------------------------------------------------------------------

create or replace function support.sp_list_data_requests(p_tenant_id uuid, p_status text, p_kind text,
                                                         p_limit integer, p_offset integer)
  returns table (request_id uuid, user_id uuid, email_masked text, kind text, status text, received_at timestamptz,
                 due_at timestamptz, completed_at timestamptz, refusal_code text, overdue boolean)
  language plpgsql volatile security definer
  set search_path = pg_catalog, pg_temp
as $$
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
comment on function support.sp_list_data_requests(uuid, text, text, integer, integer) is
  'Support: a tenant''s data subject requests, nearest deadline first, optionally of one status or kind; the requester''s email masked; audited.';
grant execute on function support.sp_list_data_requests(uuid, text, text, integer, integer) to estate_support;

create or replace function support.sp_get_data_request(p_tenant_id uuid, p_request_id uuid)
  returns table (request_id uuid, user_id uuid, email_masked text, kind text, status text, received_at timestamptz,
                 due_at timestamptz, completed_at timestamptz, refusal_code text, refusal_reason text,
                 outcome jsonb, events jsonb)
  language plpgsql volatile security definer
  set search_path = pg_catalog, pg_temp
as $$
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
comment on function support.sp_get_data_request(uuid, uuid) is
  'Support: one data subject request of a tenant with its refusal reason or outcome and its trail; the requester''s email masked; audited.';
grant execute on function support.sp_get_data_request(uuid, uuid) to estate_support;
