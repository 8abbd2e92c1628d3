/** Types generated for queries found in "procedures/calls/outbox.sql" */
import { PreparedQuery } from '@pgtyped/runtime';

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** 'ListOutboxEvents' parameters type */
export interface IListOutboxEventsParams {
  afterSeq: string;
  limit: number;
  tenantId: string;
}

/** 'ListOutboxEvents' return type */
export interface IListOutboxEventsResult {
  aggregateId: string;
  aggregateKind: string;
  attempts: number;
  deliveredAt: Date | null;
  eventId: string;
  eventType: string;
  occurredAt: Date;
  payload: Json;
  seq: string;
}

/** 'ListOutboxEvents' query type */
export interface IListOutboxEventsQuery {
  params: IListOutboxEventsParams;
  result: IListOutboxEventsResult;
}

const listOutboxEventsIR: any = {"usedParamSet":{"tenantId":true,"afterSeq":true,"limit":true},"params":[{"name":"tenantId","required":true,"transform":{"type":"scalar"},"locs":[{"a":314,"b":323}]},{"name":"afterSeq","required":true,"transform":{"type":"scalar"},"locs":[{"a":341,"b":350}]},{"name":"limit","required":true,"transform":{"type":"scalar"},"locs":[{"a":364,"b":370}]}],"statement":"SELECT event_id AS \"eventId!\", seq AS \"seq!\", event_type AS \"eventType!\", aggregate_kind AS \"aggregateKind!\",\n       aggregate_id AS \"aggregateId!\", payload AS \"payload!\", occurred_at AS \"occurredAt!\", attempts AS \"attempts!\",\n       delivered_at AS \"deliveredAt\"\nFROM support.sp_list_outbox_events(p_tenant_id => :tenantId!, p_after_seq => :afterSeq!, p_limit => :limit!)"};

/**
 * Query generated from SQL:
 * ```
 * SELECT event_id AS "eventId!", seq AS "seq!", event_type AS "eventType!", aggregate_kind AS "aggregateKind!",
 *        aggregate_id AS "aggregateId!", payload AS "payload!", occurred_at AS "occurredAt!", attempts AS "attempts!",
 *        delivered_at AS "deliveredAt"
 * FROM support.sp_list_outbox_events(p_tenant_id => :tenantId!, p_after_seq => :afterSeq!, p_limit => :limit!)
 * ```
 */
export const listOutboxEvents = new PreparedQuery<IListOutboxEventsParams,IListOutboxEventsResult>(listOutboxEventsIR);


