/* Typed calls of the audit log's maintenance and evidence procedures (procedures/audit.sql). */

/* @name listAuditPartitions */
SELECT partition_name AS "partitionName!", month, estimated_rows AS "estimatedRows!",
       sealed_rows AS "sealedRows!", last_sealed_at AS "lastSealedAt", head_hash AS "headHash",
       retention_due AS "retentionDue!"
FROM support.sp_list_audit_partitions();

/* @name verifyAuditChain */
SELECT partition_name AS "partitionName!", ok AS "ok!", checked_rows AS "checkedRows!",
       unchained_rows AS "unchainedRows!", first_bad_seq AS "firstBadSeq", first_bad_audit_id AS "firstBadAuditId",
       problem, head_hash AS "headHash"
FROM support.sp_verify_audit_chain(p_month => :month!);

/* @name sealAuditLog */
SELECT partition_name AS "partitionName!", sealed_rows AS "sealedRows!", last_seq AS "lastSeq!",
       head_hash AS "headHash!"
FROM support.sp_seal_audit_log(p_max_rows => :maxRows!);

/* @name ensureAuditPartitions */
SELECT support.sp_ensure_audit_partitions(p_months_ahead => :monthsAhead!) AS "created!";

/* @name setAuditRetention */
SELECT support.sp_set_audit_retention(p_months_kept => :monthsKept!) AS "monthsKept!";

/* @name applyAuditRetention */
SELECT partition_name AS "partitionName!", month AS "month!", action AS "action!", reason AS "reason!"
FROM support.sp_apply_audit_retention(p_dry_run => :dryRun!);
