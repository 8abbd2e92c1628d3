-- A verified death keeps the person's net worth and estate flow as of the date of death beside the
-- holdings (issue 13, docs/legacy.md), in the tenant's reporting currency. Both hold names and
-- amounts: redacted from the audit log like the holdings snapshot.

alter table app.life_events
  add column snapshot_currency text check (snapshot_currency ~ '^[A-Z]{3}$'),
  add column net_worth_snapshot jsonb,
  add column estate_flow_snapshot jsonb;
comment on column app.life_events.net_worth_snapshot is
  'A verified death''s net worth on the date, in snapshot_currency (or why it could not be computed); never changed.';
comment on column app.life_events.estate_flow_snapshot is
  'A verified death''s estate flow on the date, in snapshot_currency (or why it could not be computed); never changed.';

drop trigger _500_audit on app.life_events;
create trigger _500_audit after insert or update or delete on app.life_events
  for each row execute function audit.tg_audit__row('evidence_note', 'rejection_reason', 'holdings_snapshot',
                                                    'net_worth_snapshot', 'estate_flow_snapshot');
