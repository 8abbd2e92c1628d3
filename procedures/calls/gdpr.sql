/* Typed calls of the GDPR procedures: one annotated query per procedure. */

/* @name listMyConsents */
SELECT consent_id AS "consentId!", purpose AS "purpose!", version AS "version!", decision AS "decision!",
       recorded_at AS "recordedAt!", is_current AS "isCurrent!", total AS "total!"
FROM api.sp_list_my_consents(p_limit => :limit!, p_offset => :offset!);

/* @name recordConsent */
SELECT consent_id AS "consentId!", purpose AS "purpose!", version AS "version!", decision AS "decision!",
       recorded_at AS "recordedAt!", is_current AS "isCurrent!"
FROM api.sp_record_consent(p_purpose => :purpose!, p_version => :version!, p_decision => :decision!);

/* @name createDataRequest */
SELECT request_id AS "requestId!", kind AS "kind!", status AS "status!", received_at AS "receivedAt!",
       due_at AS "dueAt!", completed_at AS "completedAt", refusal_code AS "refusalCode",
       refusal_reason AS "refusalReason", outcome AS "outcome", archive_expires_at AS "archiveExpiresAt",
       events AS "events!"
FROM api.sp_create_data_request(p_kind => :kind!);

/* @name listMyDataRequests */
SELECT request_id AS "requestId!", kind AS "kind!", status AS "status!", received_at AS "receivedAt!",
       due_at AS "dueAt!", completed_at AS "completedAt", refusal_code AS "refusalCode", total AS "total!"
FROM api.sp_list_my_data_requests(p_limit => :limit!, p_offset => :offset!);

/* @name getMyDataRequest */
SELECT request_id AS "requestId!", kind AS "kind!", status AS "status!", received_at AS "receivedAt!",
       due_at AS "dueAt!", completed_at AS "completedAt", refusal_code AS "refusalCode",
       refusal_reason AS "refusalReason", outcome AS "outcome", archive_expires_at AS "archiveExpiresAt",
       events AS "events!"
FROM api.sp_get_my_data_request(p_request_id => :requestId!);

/* @name getDataExport */
SELECT request_id AS "requestId!", generated_at AS "generatedAt!", files AS "files!"
FROM api.sp_get_data_export(p_request_id => :requestId!);

/* @name listDataRequests */
SELECT request_id AS "requestId!", user_id AS "userId!", email_masked AS "emailMasked!", kind AS "kind!",
       status AS "status!", received_at AS "receivedAt!", due_at AS "dueAt!", completed_at AS "completedAt",
       refusal_code AS "refusalCode", overdue AS "overdue!"
FROM support.sp_list_data_requests(p_tenant_id => :tenantId!, p_status => :status, p_kind => :kind,
                                   p_limit => :limit!, p_offset => :offset!);

/* @name getDataRequest */
SELECT request_id AS "requestId!", user_id AS "userId!", email_masked AS "emailMasked!", kind AS "kind!",
       status AS "status!", received_at AS "receivedAt!", due_at AS "dueAt!", completed_at AS "completedAt",
       refusal_code AS "refusalCode", refusal_reason AS "refusalReason", outcome AS "outcome", events AS "events!"
FROM support.sp_get_data_request(p_tenant_id => :tenantId!, p_request_id => :requestId!);
