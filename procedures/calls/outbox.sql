/* Typed calls of the outbox procedures: one annotated query per procedure. */

/* @name listOutboxEvents */
SELECT event_id AS "eventId!", seq AS "seq!", event_type AS "eventType!", aggregate_kind AS "aggregateKind!",
       aggregate_id AS "aggregateId!", payload AS "payload!", occurred_at AS "occurredAt!", attempts AS "attempts!",
       delivered_at AS "deliveredAt"
FROM support.sp_list_outbox_events(p_tenant_id => :tenantId!, p_after_seq => :afterSeq!, p_limit => :limit!);
