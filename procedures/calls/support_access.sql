/* Typed calls of support access beyond the masked view (procedures/support_access.sql). */

/* @name requestSupportAccess */
SELECT request_id AS "requestId!", user_id AS "userId!", kind AS "kind!", state AS "state!", reason AS "reason!",
       ticket_ref AS "ticketRef!", minutes AS "minutes!", requested_by AS "requestedBy!", requested_at AS "requestedAt!",
       respond_by AS "respondBy!", decided_by AS "decidedBy", decided_at AS "decidedAt", expires_at AS "expiresAt",
       ended_by AS "endedBy", ended_at AS "endedAt", view_count AS "viewCount!", last_viewed_at AS "lastViewedAt"
FROM support.sp_request_support_access(p_tenant_id => :tenantId!, p_user_id => :userId!, p_reason => :reason!,
                                       p_ticket_ref => :ticketRef!, p_minutes => :minutes!);

/* @name openBreakGlass */
SELECT request_id AS "requestId!", user_id AS "userId!", kind AS "kind!", state AS "state!", reason AS "reason!",
       ticket_ref AS "ticketRef!", minutes AS "minutes!", requested_by AS "requestedBy!", requested_at AS "requestedAt!",
       respond_by AS "respondBy!", decided_by AS "decidedBy", decided_at AS "decidedAt", expires_at AS "expiresAt",
       ended_by AS "endedBy", ended_at AS "endedAt", view_count AS "viewCount!", last_viewed_at AS "lastViewedAt"
FROM support.sp_open_break_glass(p_tenant_id => :tenantId!, p_user_id => :userId!, p_reason => :reason!,
                                 p_ticket_ref => :ticketRef!, p_minutes => :minutes!);

/* @name approveBreakGlass */
SELECT request_id AS "requestId!", user_id AS "userId!", kind AS "kind!", state AS "state!", reason AS "reason!",
       ticket_ref AS "ticketRef!", minutes AS "minutes!", requested_by AS "requestedBy!", requested_at AS "requestedAt!",
       respond_by AS "respondBy!", decided_by AS "decidedBy", decided_at AS "decidedAt", expires_at AS "expiresAt",
       ended_by AS "endedBy", ended_at AS "endedAt", view_count AS "viewCount!", last_viewed_at AS "lastViewedAt"
FROM support.sp_approve_break_glass(p_tenant_id => :tenantId!, p_request_id => :requestId!);

/* @name closeSupportAccess */
SELECT request_id AS "requestId!", user_id AS "userId!", kind AS "kind!", state AS "state!", reason AS "reason!",
       ticket_ref AS "ticketRef!", minutes AS "minutes!", requested_by AS "requestedBy!", requested_at AS "requestedAt!",
       respond_by AS "respondBy!", decided_by AS "decidedBy", decided_at AS "decidedAt", expires_at AS "expiresAt",
       ended_by AS "endedBy", ended_at AS "endedAt", view_count AS "viewCount!", last_viewed_at AS "lastViewedAt"
FROM support.sp_close_support_access(p_tenant_id => :tenantId!, p_request_id => :requestId!);

/* @name listSupportAccessRequests */
SELECT request_id AS "requestId!", user_id AS "userId!", kind AS "kind!", state AS "state!", reason AS "reason!",
       ticket_ref AS "ticketRef!", minutes AS "minutes!", requested_by AS "requestedBy!", requested_at AS "requestedAt!",
       respond_by AS "respondBy!", decided_by AS "decidedBy", decided_at AS "decidedAt", expires_at AS "expiresAt",
       ended_by AS "endedBy", ended_at AS "endedAt", view_count AS "viewCount!", last_viewed_at AS "lastViewedAt"
FROM support.sp_list_support_access_requests(p_tenant_id => :tenantId!, p_user_id => :userId!, p_limit => :limit!,
                                             p_offset => :offset!);

/* @name getUserAssetsUnmasked */
SELECT asset_id AS "assetId!", asset_type AS "assetType!", category_code AS "categoryCode!", name AS "name!",
       description, currency AS "currency!", is_liability AS "isLiability!", status AS "status!",
       ownership_percentage AS "ownershipPercentage!", ownership_form AS "ownershipForm!", latest_value AS "latestValue",
       valued_on AS "valuedOn", identifier_last4 AS "identifierLast4", access_expires_at AS "accessExpiresAt!"
FROM support.sp_get_user_assets_unmasked(p_tenant_id => :tenantId!, p_user_id => :userId!, p_limit => :limit!,
                                         p_offset => :offset!);

/* @name getAccountNumber */
SELECT asset_id AS "assetId!", identifier_ciphertext AS "identifierCiphertext!", identifier_last4 AS "identifierLast4!",
       access_expires_at AS "accessExpiresAt!"
FROM support.sp_get_account_number(p_tenant_id => :tenantId!, p_user_id => :userId!, p_asset_id => :assetId!);

/* @name listMySupportAccessRequests */
SELECT request_id AS "requestId!", kind AS "kind!", state AS "state!", reason AS "reason!", ticket_ref AS "ticketRef!",
       minutes AS "minutes!", requested_at AS "requestedAt!", respond_by AS "respondBy!", decided_at AS "decidedAt",
       expires_at AS "expiresAt", ended_at AS "endedAt", view_count AS "viewCount!", last_viewed_at AS "lastViewedAt"
FROM api.sp_list_my_support_access_requests(p_state => :state, p_limit => :limit!, p_offset => :offset!);

/* @name approveSupportAccessRequest */
SELECT request_id AS "requestId!", kind AS "kind!", state AS "state!", reason AS "reason!", ticket_ref AS "ticketRef!",
       minutes AS "minutes!", requested_at AS "requestedAt!", respond_by AS "respondBy!", decided_at AS "decidedAt",
       expires_at AS "expiresAt", ended_at AS "endedAt", view_count AS "viewCount!", last_viewed_at AS "lastViewedAt"
FROM api.sp_approve_support_access_request(p_request_id => :requestId!);

/* @name denySupportAccessRequest */
SELECT request_id AS "requestId!", kind AS "kind!", state AS "state!", reason AS "reason!", ticket_ref AS "ticketRef!",
       minutes AS "minutes!", requested_at AS "requestedAt!", respond_by AS "respondBy!", decided_at AS "decidedAt",
       expires_at AS "expiresAt", ended_at AS "endedAt", view_count AS "viewCount!", last_viewed_at AS "lastViewedAt"
FROM api.sp_deny_support_access_request(p_request_id => :requestId!);

/* @name revokeSupportAccessRequest */
SELECT request_id AS "requestId!", kind AS "kind!", state AS "state!", reason AS "reason!", ticket_ref AS "ticketRef!",
       minutes AS "minutes!", requested_at AS "requestedAt!", respond_by AS "respondBy!", decided_at AS "decidedAt",
       expires_at AS "expiresAt", ended_at AS "endedAt", view_count AS "viewCount!", last_viewed_at AS "lastViewedAt"
FROM api.sp_revoke_support_access_request(p_request_id => :requestId!);

/* @name listMySupportAccessEvents */
SELECT event_id AS "eventId!", occurred_at AS "occurredAt!", what AS "what!", asset_id AS "assetId", asset_name AS "assetName",
       request_id AS "requestId!", kind AS "kind!", reason AS "reason!", ticket_ref AS "ticketRef!"
FROM api.sp_list_my_support_access_events(p_limit => :limit!, p_offset => :offset!);
