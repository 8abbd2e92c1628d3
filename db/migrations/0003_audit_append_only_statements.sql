-- The row-level guard of 0001 never fires when RLS hides every row from the updater (0 rows,
-- no error); a statement-level guard rejects any UPDATE or DELETE on the audit log outright.
create trigger _000_append_only_statement before update or delete on audit.audit_log
  for each statement execute function audit.tg_audit_log__append_only();
