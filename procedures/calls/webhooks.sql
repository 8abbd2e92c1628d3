/* Typed calls of the webhook procedures (operators and the dispatcher): one annotated query per procedure. */

/* @name setWebhookEndpoint */
SELECT endpoint_id AS "endpointId!", url AS "url!", active AS "active!", secret_stored AS "secretStored!",
       secret_rotated_at AS "secretRotatedAt!", previous_secret_expires_at AS "previousSecretExpiresAt",
       created_at AS "createdAt!", updated_at AS "updatedAt!"
FROM support.sp_set_webhook_endpoint(p_tenant_id => :tenantId!, p_url => :url!, p_secret_ciphertext => :secretCiphertext!);

/* @name rotateWebhookSecret */
SELECT endpoint_id AS "endpointId!", url AS "url!", active AS "active!", secret_stored AS "secretStored!",
       secret_rotated_at AS "secretRotatedAt!", previous_secret_expires_at AS "previousSecretExpiresAt",
       created_at AS "createdAt!", updated_at AS "updatedAt!"
FROM support.sp_rotate_webhook_secret(p_tenant_id => :tenantId!, p_secret_ciphertext => :secretCiphertext!,
                                      p_grace_seconds => :graceSeconds!);

/* @name setWebhookEndpointActive */
SELECT endpoint_id AS "endpointId!", url AS "url!", active AS "active!", secret_stored AS "secretStored!",
       secret_rotated_at AS "secretRotatedAt!", previous_secret_expires_at AS "previousSecretExpiresAt",
       created_at AS "createdAt!", updated_at AS "updatedAt!"
FROM support.sp_set_webhook_endpoint_active(p_tenant_id => :tenantId!, p_active => :active!);

/* @name getWebhookEndpoint */
SELECT endpoint_id AS "endpointId", url AS "url", active AS "active", secret_rotated_at AS "secretRotatedAt",
       previous_secret_expires_at AS "previousSecretExpiresAt", created_at AS "createdAt", updated_at AS "updatedAt",
       pending AS "pending!", due AS "due!", in_flight AS "inFlight!", failed AS "failed!",
       oldest_pending_at AS "oldestPendingAt", last_delivered_at AS "lastDeliveredAt", last_error AS "lastError"
FROM support.sp_get_webhook_endpoint(p_tenant_id => :tenantId!);

/* @name listWebhookDeliveries */
SELECT event_id AS "eventId!", event_type AS "eventType!", aggregate_kind AS "aggregateKind!",
       aggregate_id AS "aggregateId!", occurred_at AS "occurredAt!", state AS "state!", attempts AS "attempts!",
       next_attempt_at AS "nextAttemptAt!", last_attempt_at AS "lastAttemptAt", delivered_at AS "deliveredAt",
       failed_at AS "failedAt", last_error AS "lastError"
FROM support.sp_list_webhook_deliveries(p_tenant_id => :tenantId!, p_state => :state, p_limit => :limit!,
                                        p_offset => :offset!);

/* @name requeueWebhookEvents */
SELECT event_id AS "eventId!", event_type AS "eventType!", previous_state AS "previousState!"
FROM support.sp_requeue_webhook_events(p_tenant_id => :tenantId!, p_event_id => :eventId);

/* @name claimWebhookDeliveries */
SELECT tenant_id AS "tenantId!", event_id AS "eventId!", lease_token AS "leaseToken!", attempt AS "attempt!",
       event_type AS "eventType!", aggregate_kind AS "aggregateKind!", aggregate_id AS "aggregateId!",
       payload AS "payload!", occurred_at AS "occurredAt!", url AS "url!", secret_ciphertext AS "secretCiphertext!",
       previous_secret_ciphertext AS "previousSecretCiphertext"
FROM support.sp_claim_webhook_deliveries(p_limit => :limit!, p_lease_seconds => :leaseSeconds!, p_now => :now);

/* @name recordWebhookDelivery */
SELECT state AS "state!", attempts AS "attempts!", next_attempt_at AS "nextAttemptAt!"
FROM support.sp_record_webhook_delivery(p_tenant_id => :tenantId!, p_event_id => :eventId!,
                                        p_lease_token => :leaseToken!, p_delivered => :delivered!,
                                        p_error => :error, p_now => :now);
