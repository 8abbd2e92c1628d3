/* Typed calls of the incapacity and death reports (docs/legacy.md): one annotated query per procedure. */

/* @name reportLifeEvent */
SELECT event_id AS "eventId!", role AS "role!", persona_id AS "personaId!", kind AS "kind!", occurred_on AS "occurredOn!",
       state AS "state!", reported_at AS "reportedAt!", wait_ends_at AS "waitEndsAt!", evidence_kind AS "evidenceKind",
       evidence_document_id AS "evidenceDocumentId", evidence_submitted_at AS "evidenceSubmittedAt",
       verifications_needed AS "verificationsNeeded!", verifications_done AS "verificationsDone!", blocked_at AS "blockedAt",
       withdrawn_at AS "withdrawnAt", rejected_at AS "rejectedAt", verified_at AS "verifiedAt", updated_at AS "updatedAt!"
FROM api.sp_report_life_event(p_persona_id => :personaId!, p_kind => :kind!, p_occurred_on => :occurredOn!);

/* @name listLifeEvents */
SELECT event_id AS "eventId!", role AS "role!", persona_id AS "personaId!", kind AS "kind!", occurred_on AS "occurredOn!",
       state AS "state!", reported_at AS "reportedAt!", wait_ends_at AS "waitEndsAt!", evidence_kind AS "evidenceKind",
       evidence_document_id AS "evidenceDocumentId", evidence_submitted_at AS "evidenceSubmittedAt",
       verifications_needed AS "verificationsNeeded!", verifications_done AS "verificationsDone!", blocked_at AS "blockedAt",
       withdrawn_at AS "withdrawnAt", rejected_at AS "rejectedAt", verified_at AS "verifiedAt", updated_at AS "updatedAt!"
FROM api.sp_list_life_events(p_limit => :limit!, p_offset => :offset!);

/* @name submitLifeEventEvidence */
SELECT event_id AS "eventId!", role AS "role!", persona_id AS "personaId!", kind AS "kind!", occurred_on AS "occurredOn!",
       state AS "state!", reported_at AS "reportedAt!", wait_ends_at AS "waitEndsAt!", evidence_kind AS "evidenceKind",
       evidence_document_id AS "evidenceDocumentId", evidence_submitted_at AS "evidenceSubmittedAt",
       verifications_needed AS "verificationsNeeded!", verifications_done AS "verificationsDone!", blocked_at AS "blockedAt",
       withdrawn_at AS "withdrawnAt", rejected_at AS "rejectedAt", verified_at AS "verifiedAt", updated_at AS "updatedAt!"
FROM api.sp_submit_life_event_evidence(p_event_id => :eventId!, p_evidence_kind => :evidenceKind!,
                                       p_document_id => :documentId, p_note => :note);

/* @name withdrawLifeEvent */
SELECT event_id AS "eventId!", role AS "role!", persona_id AS "personaId!", kind AS "kind!", occurred_on AS "occurredOn!",
       state AS "state!", reported_at AS "reportedAt!", wait_ends_at AS "waitEndsAt!", evidence_kind AS "evidenceKind",
       evidence_document_id AS "evidenceDocumentId", evidence_submitted_at AS "evidenceSubmittedAt",
       verifications_needed AS "verificationsNeeded!", verifications_done AS "verificationsDone!", blocked_at AS "blockedAt",
       withdrawn_at AS "withdrawnAt", rejected_at AS "rejectedAt", verified_at AS "verifiedAt", updated_at AS "updatedAt!"
FROM api.sp_withdraw_life_event(p_event_id => :eventId!);

/* @name blockLifeEvent */
SELECT event_id AS "eventId!", role AS "role!", persona_id AS "personaId!", kind AS "kind!", occurred_on AS "occurredOn!",
       state AS "state!", reported_at AS "reportedAt!", wait_ends_at AS "waitEndsAt!", evidence_kind AS "evidenceKind",
       evidence_document_id AS "evidenceDocumentId", evidence_submitted_at AS "evidenceSubmittedAt",
       verifications_needed AS "verificationsNeeded!", verifications_done AS "verificationsDone!", blocked_at AS "blockedAt",
       withdrawn_at AS "withdrawnAt", rejected_at AS "rejectedAt", verified_at AS "verifiedAt", updated_at AS "updatedAt!"
FROM api.sp_block_life_event(p_event_id => :eventId!);

/* @name supportListLifeEvents */
SELECT event_id AS "eventId!", persona_id AS "personaId!", kind AS "kind!", occurred_on AS "occurredOn!", state AS "state!",
       reported_by_user_id AS "reportedByUserId!", reported_at AS "reportedAt!", wait_ends_at AS "waitEndsAt!",
       evidence_kind AS "evidenceKind", evidence_document_id AS "evidenceDocumentId",
       evidence_submitted_at AS "evidenceSubmittedAt", verifications_needed AS "verificationsNeeded!",
       first_verified_by AS "firstVerifiedBy", verified_by AS "verifiedBy", verified_at AS "verifiedAt",
       rejected_by AS "rejectedBy", rejected_at AS "rejectedAt"
FROM support.sp_list_life_events(p_tenant_id => :tenantId!, p_state => :state, p_limit => :limit!, p_offset => :offset!);

/* @name verifyLifeEvent */
SELECT event_id AS "eventId!", persona_id AS "personaId!", kind AS "kind!", occurred_on AS "occurredOn!", state AS "state!",
       reported_by_user_id AS "reportedByUserId!", reported_at AS "reportedAt!", wait_ends_at AS "waitEndsAt!",
       evidence_kind AS "evidenceKind", evidence_document_id AS "evidenceDocumentId",
       evidence_submitted_at AS "evidenceSubmittedAt", verifications_needed AS "verificationsNeeded!",
       first_verified_by AS "firstVerifiedBy", verified_by AS "verifiedBy", verified_at AS "verifiedAt",
       rejected_by AS "rejectedBy", rejected_at AS "rejectedAt"
FROM support.sp_record_life_event_verification(p_tenant_id => :tenantId!, p_event_id => :eventId!);

/* @name rejectLifeEvent */
SELECT event_id AS "eventId!", persona_id AS "personaId!", kind AS "kind!", occurred_on AS "occurredOn!", state AS "state!",
       reported_by_user_id AS "reportedByUserId!", reported_at AS "reportedAt!", wait_ends_at AS "waitEndsAt!",
       evidence_kind AS "evidenceKind", evidence_document_id AS "evidenceDocumentId",
       evidence_submitted_at AS "evidenceSubmittedAt", verifications_needed AS "verificationsNeeded!",
       first_verified_by AS "firstVerifiedBy", verified_by AS "verifiedBy", verified_at AS "verifiedAt",
       rejected_by AS "rejectedBy", rejected_at AS "rejectedAt"
FROM support.sp_reject_life_event(p_tenant_id => :tenantId!, p_event_id => :eventId!, p_reason => :reason!);

/* @name readLifeEventEvidence */
SELECT document_id AS "documentId!", version_number AS "versionNumber!", byte_size AS "byteSize!",
       media_type AS "mediaType!", file_name AS "fileName", content_sha256 AS "contentSha256!", storage AS "storage!",
       ciphertext AS "ciphertext", storage_key AS "storageKey"
FROM support.sp_read_life_event_evidence(p_tenant_id => :tenantId!, p_event_id => :eventId!);
