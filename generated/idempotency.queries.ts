/** Types generated for queries found in "procedures/calls/idempotency.sql" */
import { PreparedQuery } from '@pgtyped/runtime';

/** 'ClaimIdempotencyKey' parameters type */
export interface IClaimIdempotencyKeyParams {
  key: string;
  requestHash: string;
}

/** 'ClaimIdempotencyKey' return type */
export interface IClaimIdempotencyKeyResult {
  claimed: boolean;
  responseBody: string | null;
  responseContentType: string | null;
  responseLocation: string | null;
  responseStatus: number | null;
}

/** 'ClaimIdempotencyKey' query type */
export interface IClaimIdempotencyKeyQuery {
  params: IClaimIdempotencyKeyParams;
  result: IClaimIdempotencyKeyResult;
}

const claimIdempotencyKeyIR: any = {"usedParamSet":{"key":true,"requestHash":true},"params":[{"name":"key","required":true,"transform":{"type":"scalar"},"locs":[{"a":238,"b":242}]},{"name":"requestHash","required":true,"transform":{"type":"scalar"},"locs":[{"a":263,"b":275}]}],"statement":"SELECT claimed AS \"claimed!\", response_status AS \"responseStatus\", response_location AS \"responseLocation\",\n       response_content_type AS \"responseContentType\", response_body AS \"responseBody\"\nFROM api.sp_claim_idempotency_key(p_key => :key!, p_request_hash => :requestHash!)"};

/**
 * Query generated from SQL:
 * ```
 * SELECT claimed AS "claimed!", response_status AS "responseStatus", response_location AS "responseLocation",
 *        response_content_type AS "responseContentType", response_body AS "responseBody"
 * FROM api.sp_claim_idempotency_key(p_key => :key!, p_request_hash => :requestHash!)
 * ```
 */
export const claimIdempotencyKey = new PreparedQuery<IClaimIdempotencyKeyParams,IClaimIdempotencyKeyResult>(claimIdempotencyKeyIR);


/** 'StoreIdempotentResponse' parameters type */
export interface IStoreIdempotentResponseParams {
  body?: string | null | void;
  contentType?: string | null | void;
  key: string;
  location?: string | null | void;
  status: number;
}

/** 'StoreIdempotentResponse' return type */
export interface IStoreIdempotentResponseResult {
  stored: undefined | null;
}

/** 'StoreIdempotentResponse' query type */
export interface IStoreIdempotentResponseQuery {
  params: IStoreIdempotentResponseParams;
  result: IStoreIdempotentResponseResult;
}

const storeIdempotentResponseIR: any = {"usedParamSet":{"key":true,"status":true,"location":true,"contentType":true,"body":true},"params":[{"name":"key","required":true,"transform":{"type":"scalar"},"locs":[{"a":49,"b":53}]},{"name":"status","required":true,"transform":{"type":"scalar"},"locs":[{"a":68,"b":75}]},{"name":"location","required":false,"transform":{"type":"scalar"},"locs":[{"a":92,"b":100}]},{"name":"contentType","required":false,"transform":{"type":"scalar"},"locs":[{"a":161,"b":172}]},{"name":"body","required":false,"transform":{"type":"scalar"},"locs":[{"a":185,"b":189}]}],"statement":"SELECT api.sp_store_idempotent_response(p_key => :key!, p_status => :status!, p_location => :location,\n                                        p_content_type => :contentType, p_body => :body) AS \"stored\""};

/**
 * Query generated from SQL:
 * ```
 * SELECT api.sp_store_idempotent_response(p_key => :key!, p_status => :status!, p_location => :location,
 *                                         p_content_type => :contentType, p_body => :body) AS "stored"
 * ```
 */
export const storeIdempotentResponse = new PreparedQuery<IStoreIdempotentResponseParams,IStoreIdempotentResponseResult>(storeIdempotentResponseIR);


/** 'LockForPrecondition' parameters type */
export interface ILockForPreconditionParams {
  id?: string | null | void;
  kind: string;
}

/** 'LockForPrecondition' return type */
export interface ILockForPreconditionResult {
  locked: undefined | null;
}

/** 'LockForPrecondition' query type */
export interface ILockForPreconditionQuery {
  params: ILockForPreconditionParams;
  result: ILockForPreconditionResult;
}

const lockForPreconditionIR: any = {"usedParamSet":{"kind":true,"id":true},"params":[{"name":"kind","required":true,"transform":{"type":"scalar"},"locs":[{"a":46,"b":51}]},{"name":"id","required":false,"transform":{"type":"scalar"},"locs":[{"a":62,"b":64}]}],"statement":"SELECT api.sp_lock_for_precondition(p_kind => :kind!, p_id => :id) AS \"locked\""};

/**
 * Query generated from SQL:
 * ```
 * SELECT api.sp_lock_for_precondition(p_kind => :kind!, p_id => :id) AS "locked"
 * ```
 */
export const lockForPrecondition = new PreparedQuery<ILockForPreconditionParams,ILockForPreconditionResult>(lockForPreconditionIR);


