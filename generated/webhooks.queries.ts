/** Types generated for queries found in "procedures/calls/webhooks.sql" */
import { PreparedQuery } from '@pgtyped/runtime';

export type DateOrString = Date | string;

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** 'SetWebhookEndpoint' parameters type */
export interface ISetWebhookEndpointParams {
  secretCiphertext: Buffer;
  tenantId: string;
  url: string;
}

/** 'SetWebhookEndpoint' return type */
export interface ISetWebhookEndpointResult {
  active: boolean;
  createdAt: Date;
  endpointId: string;
  previousSecretExpiresAt: Date | null;
  secretRotatedAt: Date;
  secretStored: boolean;
  updatedAt: Date;
  url: string;
}

/** 'SetWebhookEndpoint' query type */
export interface ISetWebhookEndpointQuery {
  params: ISetWebhookEndpointParams;
  result: ISetWebhookEndpointResult;
}

const setWebhookEndpointIR: any = {"usedParamSet":{"tenantId":true,"url":true,"secretCiphertext":true},"params":[{"name":"tenantId","required":true,"transform":{"type":"scalar"},"locs":[{"a":326,"b":335}]},{"name":"url","required":true,"transform":{"type":"scalar"},"locs":[{"a":347,"b":351}]},{"name":"secretCiphertext","required":true,"transform":{"type":"scalar"},"locs":[{"a":377,"b":394}]}],"statement":"SELECT endpoint_id AS \"endpointId!\", url AS \"url!\", active AS \"active!\", secret_stored AS \"secretStored!\",\n       secret_rotated_at AS \"secretRotatedAt!\", previous_secret_expires_at AS \"previousSecretExpiresAt\",\n       created_at AS \"createdAt!\", updated_at AS \"updatedAt!\"\nFROM support.sp_set_webhook_endpoint(p_tenant_id => :tenantId!, p_url => :url!, p_secret_ciphertext => :secretCiphertext!)"};

/**
 * Query generated from SQL:
 * ```
 * SELECT endpoint_id AS "endpointId!", url AS "url!", active AS "active!", secret_stored AS "secretStored!",
 *        secret_rotated_at AS "secretRotatedAt!", previous_secret_expires_at AS "previousSecretExpiresAt",
 *        created_at AS "createdAt!", updated_at AS "updatedAt!"
 * FROM support.sp_set_webhook_endpoint(p_tenant_id => :tenantId!, p_url => :url!, p_secret_ciphertext => :secretCiphertext!)
 * ```
 */
export const setWebhookEndpoint = new PreparedQuery<ISetWebhookEndpointParams,ISetWebhookEndpointResult>(setWebhookEndpointIR);


/** 'RotateWebhookSecret' parameters type */
export interface IRotateWebhookSecretParams {
  graceSeconds: number;
  secretCiphertext: Buffer;
  tenantId: string;
}

/** 'RotateWebhookSecret' return type */
export interface IRotateWebhookSecretResult {
  active: boolean;
  createdAt: Date;
  endpointId: string;
  previousSecretExpiresAt: Date | null;
  secretRotatedAt: Date;
  secretStored: boolean;
  updatedAt: Date;
  url: string;
}

/** 'RotateWebhookSecret' query type */
export interface IRotateWebhookSecretQuery {
  params: IRotateWebhookSecretParams;
  result: IRotateWebhookSecretResult;
}

const rotateWebhookSecretIR: any = {"usedParamSet":{"tenantId":true,"secretCiphertext":true,"graceSeconds":true},"params":[{"name":"tenantId","required":true,"transform":{"type":"scalar"},"locs":[{"a":327,"b":336}]},{"name":"secretCiphertext","required":true,"transform":{"type":"scalar"},"locs":[{"a":362,"b":379}]},{"name":"graceSeconds","required":true,"transform":{"type":"scalar"},"locs":[{"a":439,"b":452}]}],"statement":"SELECT endpoint_id AS \"endpointId!\", url AS \"url!\", active AS \"active!\", secret_stored AS \"secretStored!\",\n       secret_rotated_at AS \"secretRotatedAt!\", previous_secret_expires_at AS \"previousSecretExpiresAt\",\n       created_at AS \"createdAt!\", updated_at AS \"updatedAt!\"\nFROM support.sp_rotate_webhook_secret(p_tenant_id => :tenantId!, p_secret_ciphertext => :secretCiphertext!,\n                                      p_grace_seconds => :graceSeconds!)"};

/**
 * Query generated from SQL:
 * ```
 * SELECT endpoint_id AS "endpointId!", url AS "url!", active AS "active!", secret_stored AS "secretStored!",
 *        secret_rotated_at AS "secretRotatedAt!", previous_secret_expires_at AS "previousSecretExpiresAt",
 *        created_at AS "createdAt!", updated_at AS "updatedAt!"
 * FROM support.sp_rotate_webhook_secret(p_tenant_id => :tenantId!, p_secret_ciphertext => :secretCiphertext!,
 *                                       p_grace_seconds => :graceSeconds!)
 * ```
 */
export const rotateWebhookSecret = new PreparedQuery<IRotateWebhookSecretParams,IRotateWebhookSecretResult>(rotateWebhookSecretIR);


/** 'SetWebhookEndpointActive' parameters type */
export interface ISetWebhookEndpointActiveParams {
  active: boolean;
  tenantId: string;
}

/** 'SetWebhookEndpointActive' return type */
export interface ISetWebhookEndpointActiveResult {
  active: boolean;
  createdAt: Date;
  endpointId: string;
  previousSecretExpiresAt: Date | null;
  secretRotatedAt: Date;
  secretStored: boolean;
  updatedAt: Date;
  url: string;
}

/** 'SetWebhookEndpointActive' query type */
export interface ISetWebhookEndpointActiveQuery {
  params: ISetWebhookEndpointActiveParams;
  result: ISetWebhookEndpointActiveResult;
}

const setWebhookEndpointActiveIR: any = {"usedParamSet":{"tenantId":true,"active":true},"params":[{"name":"tenantId","required":true,"transform":{"type":"scalar"},"locs":[{"a":333,"b":342}]},{"name":"active","required":true,"transform":{"type":"scalar"},"locs":[{"a":357,"b":364}]}],"statement":"SELECT endpoint_id AS \"endpointId!\", url AS \"url!\", active AS \"active!\", secret_stored AS \"secretStored!\",\n       secret_rotated_at AS \"secretRotatedAt!\", previous_secret_expires_at AS \"previousSecretExpiresAt\",\n       created_at AS \"createdAt!\", updated_at AS \"updatedAt!\"\nFROM support.sp_set_webhook_endpoint_active(p_tenant_id => :tenantId!, p_active => :active!)"};

/**
 * Query generated from SQL:
 * ```
 * SELECT endpoint_id AS "endpointId!", url AS "url!", active AS "active!", secret_stored AS "secretStored!",
 *        secret_rotated_at AS "secretRotatedAt!", previous_secret_expires_at AS "previousSecretExpiresAt",
 *        created_at AS "createdAt!", updated_at AS "updatedAt!"
 * FROM support.sp_set_webhook_endpoint_active(p_tenant_id => :tenantId!, p_active => :active!)
 * ```
 */
export const setWebhookEndpointActive = new PreparedQuery<ISetWebhookEndpointActiveParams,ISetWebhookEndpointActiveResult>(setWebhookEndpointActiveIR);


/** 'GetWebhookEndpoint' parameters type */
export interface IGetWebhookEndpointParams {
  tenantId: string;
}

/** 'GetWebhookEndpoint' return type */
export interface IGetWebhookEndpointResult {
  active: boolean | null;
  createdAt: Date | null;
  due: number;
  endpointId: string | null;
  failed: number;
  inFlight: number;
  lastDeliveredAt: Date | null;
  lastError: string | null;
  oldestPendingAt: Date | null;
  pending: number;
  previousSecretExpiresAt: Date | null;
  secretRotatedAt: Date | null;
  updatedAt: Date | null;
  url: string | null;
}

/** 'GetWebhookEndpoint' query type */
export interface IGetWebhookEndpointQuery {
  params: IGetWebhookEndpointParams;
  result: IGetWebhookEndpointResult;
}

const getWebhookEndpointIR: any = {"usedParamSet":{"tenantId":true},"params":[{"name":"tenantId","required":true,"transform":{"type":"scalar"},"locs":[{"a":485,"b":494}]}],"statement":"SELECT endpoint_id AS \"endpointId\", url AS \"url\", active AS \"active\", secret_rotated_at AS \"secretRotatedAt\",\n       previous_secret_expires_at AS \"previousSecretExpiresAt\", created_at AS \"createdAt\", updated_at AS \"updatedAt\",\n       pending AS \"pending!\", due AS \"due!\", in_flight AS \"inFlight!\", failed AS \"failed!\",\n       oldest_pending_at AS \"oldestPendingAt\", last_delivered_at AS \"lastDeliveredAt\", last_error AS \"lastError\"\nFROM support.sp_get_webhook_endpoint(p_tenant_id => :tenantId!)"};

/**
 * Query generated from SQL:
 * ```
 * SELECT endpoint_id AS "endpointId", url AS "url", active AS "active", secret_rotated_at AS "secretRotatedAt",
 *        previous_secret_expires_at AS "previousSecretExpiresAt", created_at AS "createdAt", updated_at AS "updatedAt",
 *        pending AS "pending!", due AS "due!", in_flight AS "inFlight!", failed AS "failed!",
 *        oldest_pending_at AS "oldestPendingAt", last_delivered_at AS "lastDeliveredAt", last_error AS "lastError"
 * FROM support.sp_get_webhook_endpoint(p_tenant_id => :tenantId!)
 * ```
 */
export const getWebhookEndpoint = new PreparedQuery<IGetWebhookEndpointParams,IGetWebhookEndpointResult>(getWebhookEndpointIR);


/** 'ListWebhookDeliveries' parameters type */
export interface IListWebhookDeliveriesParams {
  limit: number;
  offset: number;
  state?: string | null | void;
  tenantId: string;
}

/** 'ListWebhookDeliveries' return type */
export interface IListWebhookDeliveriesResult {
  aggregateId: string;
  aggregateKind: string;
  attempts: number;
  deliveredAt: Date | null;
  eventId: string;
  eventType: string;
  failedAt: Date | null;
  lastAttemptAt: Date | null;
  lastError: string | null;
  nextAttemptAt: Date;
  occurredAt: Date;
  state: string;
}

/** 'ListWebhookDeliveries' query type */
export interface IListWebhookDeliveriesQuery {
  params: IListWebhookDeliveriesParams;
  result: IListWebhookDeliveriesResult;
}

const listWebhookDeliveriesIR: any = {"usedParamSet":{"tenantId":true,"state":true,"limit":true,"offset":true},"params":[{"name":"tenantId","required":true,"transform":{"type":"scalar"},"locs":[{"a":432,"b":441}]},{"name":"state","required":false,"transform":{"type":"scalar"},"locs":[{"a":455,"b":460}]},{"name":"limit","required":true,"transform":{"type":"scalar"},"locs":[{"a":474,"b":480}]},{"name":"offset","required":true,"transform":{"type":"scalar"},"locs":[{"a":535,"b":542}]}],"statement":"SELECT event_id AS \"eventId!\", event_type AS \"eventType!\", aggregate_kind AS \"aggregateKind!\",\n       aggregate_id AS \"aggregateId!\", occurred_at AS \"occurredAt!\", state AS \"state!\", attempts AS \"attempts!\",\n       next_attempt_at AS \"nextAttemptAt!\", last_attempt_at AS \"lastAttemptAt\", delivered_at AS \"deliveredAt\",\n       failed_at AS \"failedAt\", last_error AS \"lastError\"\nFROM support.sp_list_webhook_deliveries(p_tenant_id => :tenantId!, p_state => :state, p_limit => :limit!,\n                                        p_offset => :offset!)"};

/**
 * Query generated from SQL:
 * ```
 * SELECT event_id AS "eventId!", event_type AS "eventType!", aggregate_kind AS "aggregateKind!",
 *        aggregate_id AS "aggregateId!", occurred_at AS "occurredAt!", state AS "state!", attempts AS "attempts!",
 *        next_attempt_at AS "nextAttemptAt!", last_attempt_at AS "lastAttemptAt", delivered_at AS "deliveredAt",
 *        failed_at AS "failedAt", last_error AS "lastError"
 * FROM support.sp_list_webhook_deliveries(p_tenant_id => :tenantId!, p_state => :state, p_limit => :limit!,
 *                                         p_offset => :offset!)
 * ```
 */
export const listWebhookDeliveries = new PreparedQuery<IListWebhookDeliveriesParams,IListWebhookDeliveriesResult>(listWebhookDeliveriesIR);


/** 'RequeueWebhookEvents' parameters type */
export interface IRequeueWebhookEventsParams {
  eventId?: string | null | void;
  tenantId: string;
}

/** 'RequeueWebhookEvents' return type */
export interface IRequeueWebhookEventsResult {
  eventId: string;
  eventType: string;
  previousState: string;
}

/** 'RequeueWebhookEvents' query type */
export interface IRequeueWebhookEventsQuery {
  params: IRequeueWebhookEventsParams;
  result: IRequeueWebhookEventsResult;
}

const requeueWebhookEventsIR: any = {"usedParamSet":{"tenantId":true,"eventId":true},"params":[{"name":"tenantId","required":true,"transform":{"type":"scalar"},"locs":[{"a":148,"b":157}]},{"name":"eventId","required":false,"transform":{"type":"scalar"},"locs":[{"a":174,"b":181}]}],"statement":"SELECT event_id AS \"eventId!\", event_type AS \"eventType!\", previous_state AS \"previousState!\"\nFROM support.sp_requeue_webhook_events(p_tenant_id => :tenantId!, p_event_id => :eventId)"};

/**
 * Query generated from SQL:
 * ```
 * SELECT event_id AS "eventId!", event_type AS "eventType!", previous_state AS "previousState!"
 * FROM support.sp_requeue_webhook_events(p_tenant_id => :tenantId!, p_event_id => :eventId)
 * ```
 */
export const requeueWebhookEvents = new PreparedQuery<IRequeueWebhookEventsParams,IRequeueWebhookEventsResult>(requeueWebhookEventsIR);


/** 'ClaimWebhookDeliveries' parameters type */
export interface IClaimWebhookDeliveriesParams {
  leaseSeconds: number;
  limit: number;
  now?: DateOrString | null | void;
}

/** 'ClaimWebhookDeliveries' return type */
export interface IClaimWebhookDeliveriesResult {
  aggregateId: string;
  aggregateKind: string;
  attempt: number;
  eventId: string;
  eventType: string;
  leaseToken: string;
  occurredAt: Date;
  payload: Json;
  previousSecretCiphertext: Buffer | null;
  secretCiphertext: Buffer;
  tenantId: string;
  url: string;
}

/** 'ClaimWebhookDeliveries' query type */
export interface IClaimWebhookDeliveriesQuery {
  params: IClaimWebhookDeliveriesParams;
  result: IClaimWebhookDeliveriesResult;
}

const claimWebhookDeliveriesIR: any = {"usedParamSet":{"limit":true,"leaseSeconds":true,"now":true},"params":[{"name":"limit","required":true,"transform":{"type":"scalar"},"locs":[{"a":446,"b":452}]},{"name":"leaseSeconds","required":true,"transform":{"type":"scalar"},"locs":[{"a":474,"b":487}]},{"name":"now","required":false,"transform":{"type":"scalar"},"locs":[{"a":499,"b":502}]}],"statement":"SELECT tenant_id AS \"tenantId!\", event_id AS \"eventId!\", lease_token AS \"leaseToken!\", attempt AS \"attempt!\",\n       event_type AS \"eventType!\", aggregate_kind AS \"aggregateKind!\", aggregate_id AS \"aggregateId!\",\n       payload AS \"payload!\", occurred_at AS \"occurredAt!\", url AS \"url!\", secret_ciphertext AS \"secretCiphertext!\",\n       previous_secret_ciphertext AS \"previousSecretCiphertext\"\nFROM support.sp_claim_webhook_deliveries(p_limit => :limit!, p_lease_seconds => :leaseSeconds!, p_now => :now)"};

/**
 * Query generated from SQL:
 * ```
 * SELECT tenant_id AS "tenantId!", event_id AS "eventId!", lease_token AS "leaseToken!", attempt AS "attempt!",
 *        event_type AS "eventType!", aggregate_kind AS "aggregateKind!", aggregate_id AS "aggregateId!",
 *        payload AS "payload!", occurred_at AS "occurredAt!", url AS "url!", secret_ciphertext AS "secretCiphertext!",
 *        previous_secret_ciphertext AS "previousSecretCiphertext"
 * FROM support.sp_claim_webhook_deliveries(p_limit => :limit!, p_lease_seconds => :leaseSeconds!, p_now => :now)
 * ```
 */
export const claimWebhookDeliveries = new PreparedQuery<IClaimWebhookDeliveriesParams,IClaimWebhookDeliveriesResult>(claimWebhookDeliveriesIR);


/** 'RecordWebhookDelivery' parameters type */
export interface IRecordWebhookDeliveryParams {
  delivered: boolean;
  error?: string | null | void;
  eventId: string;
  leaseToken: string;
  now?: DateOrString | null | void;
  tenantId: string;
}

/** 'RecordWebhookDelivery' return type */
export interface IRecordWebhookDeliveryResult {
  attempts: number;
  nextAttemptAt: Date;
  state: string;
}

/** 'RecordWebhookDelivery' query type */
export interface IRecordWebhookDeliveryQuery {
  params: IRecordWebhookDeliveryParams;
  result: IRecordWebhookDeliveryResult;
}

const recordWebhookDeliveryIR: any = {"usedParamSet":{"tenantId":true,"eventId":true,"leaseToken":true,"delivered":true,"error":true,"now":true},"params":[{"name":"tenantId","required":true,"transform":{"type":"scalar"},"locs":[{"a":142,"b":151}]},{"name":"eventId","required":true,"transform":{"type":"scalar"},"locs":[{"a":168,"b":176}]},{"name":"leaseToken","required":true,"transform":{"type":"scalar"},"locs":[{"a":236,"b":247}]},{"name":"delivered","required":true,"transform":{"type":"scalar"},"locs":[{"a":265,"b":275}]},{"name":"error","required":false,"transform":{"type":"scalar"},"locs":[{"a":329,"b":334}]},{"name":"now","required":false,"transform":{"type":"scalar"},"locs":[{"a":346,"b":349}]}],"statement":"SELECT state AS \"state!\", attempts AS \"attempts!\", next_attempt_at AS \"nextAttemptAt!\"\nFROM support.sp_record_webhook_delivery(p_tenant_id => :tenantId!, p_event_id => :eventId!,\n                                        p_lease_token => :leaseToken!, p_delivered => :delivered!,\n                                        p_error => :error, p_now => :now)"};

/**
 * Query generated from SQL:
 * ```
 * SELECT state AS "state!", attempts AS "attempts!", next_attempt_at AS "nextAttemptAt!"
 * FROM support.sp_record_webhook_delivery(p_tenant_id => :tenantId!, p_event_id => :eventId!,
 *                                         p_lease_token => :leaseToken!, p_delivered => :delivered!,
 *                                         p_error => :error, p_now => :now)
 * ```
 */
export const recordWebhookDelivery = new PreparedQuery<IRecordWebhookDeliveryParams,IRecordWebhookDeliveryResult>(recordWebhookDeliveryIR);


