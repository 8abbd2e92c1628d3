-- Acting for someone (issue 13, docs/legacy.md "Acting for a person"): the trusted user of an
-- approved act_for grant, or the acting agent under a power of attorney once an incapacity is
-- verified, does a listed set of things for the person under their own sign-in. Each such request
-- leaves one audit row of operation ACT (who, for whom, on what basis, through which procedure);
-- the changes themselves are audited as every change is, under the agent's identity.
alter table audit.audit_log drop constraint audit_log_operation_check;
-- NOT VALID: the rows already stored hold a subset of these values; checking them would scan the
-- whole audit log under a lock for nothing.
alter table audit.audit_log add constraint audit_log_operation_check
  check (operation in ('INSERT', 'UPDATE', 'DELETE', 'READ', 'ACT')) not valid;
