/** Types generated for queries found in "procedures/calls/stripe.sql" */
import { PreparedQuery } from '@pgtyped/runtime';

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** 'RecordStripeEvent' parameters type */
export interface IRecordStripeEventParams {
  event: Json;
}

/** 'RecordStripeEvent' return type */
export interface IRecordStripeEventResult {
  eventType: string;
  outcome: string;
  stripeEventId: string;
}

/** 'RecordStripeEvent' query type */
export interface IRecordStripeEventQuery {
  params: IRecordStripeEventParams;
  result: IRecordStripeEventResult;
}

const recordStripeEventIR: any = {"usedParamSet":{"event":true},"params":[{"name":"event","required":true,"transform":{"type":"scalar"},"locs":[{"a":137,"b":143}]}],"statement":"SELECT stripe_event_id AS \"stripeEventId!\", event_type AS \"eventType!\", outcome AS \"outcome!\"\nFROM api.sp_record_stripe_event(p_event => :event!)"};

/**
 * Query generated from SQL:
 * ```
 * SELECT stripe_event_id AS "stripeEventId!", event_type AS "eventType!", outcome AS "outcome!"
 * FROM api.sp_record_stripe_event(p_event => :event!)
 * ```
 */
export const recordStripeEvent = new PreparedQuery<IRecordStripeEventParams,IRecordStripeEventResult>(recordStripeEventIR);


