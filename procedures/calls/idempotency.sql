/* Typed calls of the Idempotency-Key procedures (server/plugins/idempotency.ts). */

/* @name claimIdempotencyKey */
SELECT claimed AS "claimed!", response_status AS "responseStatus", response_location AS "responseLocation",
       response_content_type AS "responseContentType", response_body AS "responseBody"
FROM api.sp_claim_idempotency_key(p_key => :key!, p_request_hash => :requestHash!);

/* @name storeIdempotentResponse */
SELECT api.sp_store_idempotent_response(p_key => :key!, p_status => :status!, p_location => :location,
                                        p_content_type => :contentType, p_body => :body) AS "stored";

/* @name lockForPrecondition */
SELECT api.sp_lock_for_precondition(p_kind => :kind!, p_id => :id) AS "locked";
