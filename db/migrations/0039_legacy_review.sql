-- Review findings on issue 13 (docs/legacy.md):
-- - a verified incapacity ends when the person signs in again (state `ended`): their agent's
--   access ends with it;
-- - a report's evidence is one version of one vault document, fixed with its hash when submitted:
--   both staff members verify the same file, and a later upload does not change what they read;
-- - an appointer's private notes on a fiduciary appointment are redacted from the audit log.

alter table app.life_events
  add column ended_at timestamptz,
  add column evidence_version_number integer check (evidence_version_number > 0),
  add column evidence_sha256 bytea check (pg_catalog.length(evidence_sha256) = 32),
  add check ((evidence_version_number is null) = (evidence_sha256 is null));
comment on column app.life_events.evidence_version_number is
  'The version of the evidence document submitted (with its SHA-256): what support reads and verifies.';
comment on column app.life_events.ended_at is 'When a verified incapacity ended (the person signed in again).';

do $$
declare
  v_name text;
begin
  -- The state list and "verified ⇔ verified_at" gain `ended` (a verified incapacity that ended).
  for v_name in select c.conname from pg_catalog.pg_constraint c
                 where c.conrelid = 'app.life_events'::regclass and c.contype = 'c'
                   and (pg_catalog.pg_get_constraintdef(c.oid) like '%''verified''%') loop
    execute pg_catalog.format('alter table app.life_events drop constraint %I', v_name);
  end loop;
end
$$;
alter table app.life_events
  add constraint life_events_state_check
    check (state in ('reported', 'blocked', 'withdrawn', 'rejected', 'verified', 'ended')),
  add constraint life_events_verified_check
    check ((state in ('verified', 'ended')) = (verified_at is not null and verified_by is not null)),
  add constraint life_events_ended_check check ((state = 'ended') = (ended_at is not null) and (state <> 'ended' or kind = 'incapacity')),
  add constraint life_events_verified_evidence_check check (state not in ('verified', 'ended') or evidence_submitted_at is not null);

drop trigger _500_audit on app.fiduciary_appointments;
create trigger _500_audit after insert or update or delete on app.fiduciary_appointments
  for each row execute function audit.tg_audit__row('notes');
