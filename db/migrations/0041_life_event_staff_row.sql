-- A life event as support sees it: one row type for the support procedures' answers (they each
-- spelled out the same column list before).
create type app.life_event_staff_row as (
  event_id uuid,
  persona_id uuid,
  kind text,
  occurred_on date,
  state text,
  reported_by_user_id uuid,
  reported_at timestamptz,
  wait_ends_at timestamptz,
  evidence_kind text,
  evidence_document_id uuid,
  evidence_submitted_at timestamptz,
  verifications_needed integer,
  first_verified_by text,
  verified_by text,
  verified_at timestamptz,
  rejected_by text,
  rejected_at timestamptz
);
comment on type app.life_event_staff_row is
  'A reported incapacity or death as support staff see it: ids, dates, states and which staff verified, no names or notes.';
