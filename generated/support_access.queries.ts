/** Types generated for queries found in "procedures/calls/support_access.sql" */
import { PreparedQuery } from '@pgtyped/runtime';

/** 'RequestSupportAccess' parameters type */
export interface IRequestSupportAccessParams {
  minutes: number;
  reason: string;
  tenantId: string;
  ticketRef: string;
  userId: string;
}

/** 'RequestSupportAccess' return type */
export interface IRequestSupportAccessResult {
  decidedAt: Date | null;
  decidedBy: string | null;
  endedAt: Date | null;
  endedBy: string | null;
  expiresAt: Date | null;
  kind: string;
  lastViewedAt: Date | null;
  minutes: number;
  reason: string;
  requestedAt: Date;
  requestedBy: string;
  requestId: string;
  respondBy: Date;
  state: string;
  ticketRef: string;
  userId: string;
  viewCount: number;
}

/** 'RequestSupportAccess' query type */
export interface IRequestSupportAccessQuery {
  params: IRequestSupportAccessParams;
  result: IRequestSupportAccessResult;
}

const requestSupportAccessIR: any = {"usedParamSet":{"tenantId":true,"userId":true,"reason":true,"ticketRef":true,"minutes":true},"params":[{"name":"tenantId","required":true,"transform":{"type":"scalar"},"locs":[{"a":520,"b":529}]},{"name":"userId","required":true,"transform":{"type":"scalar"},"locs":[{"a":545,"b":552}]},{"name":"reason","required":true,"transform":{"type":"scalar"},"locs":[{"a":567,"b":574}]},{"name":"ticketRef","required":true,"transform":{"type":"scalar"},"locs":[{"a":632,"b":642}]},{"name":"minutes","required":true,"transform":{"type":"scalar"},"locs":[{"a":658,"b":666}]}],"statement":"SELECT request_id AS \"requestId!\", user_id AS \"userId!\", kind AS \"kind!\", state AS \"state!\", reason AS \"reason!\",\n       ticket_ref AS \"ticketRef!\", minutes AS \"minutes!\", requested_by AS \"requestedBy!\", requested_at AS \"requestedAt!\",\n       respond_by AS \"respondBy!\", decided_by AS \"decidedBy\", decided_at AS \"decidedAt\", expires_at AS \"expiresAt\",\n       ended_by AS \"endedBy\", ended_at AS \"endedAt\", view_count AS \"viewCount!\", last_viewed_at AS \"lastViewedAt\"\nFROM support.sp_request_support_access(p_tenant_id => :tenantId!, p_user_id => :userId!, p_reason => :reason!,\n                                       p_ticket_ref => :ticketRef!, p_minutes => :minutes!)"};

/**
 * Query generated from SQL:
 * ```
 * SELECT request_id AS "requestId!", user_id AS "userId!", kind AS "kind!", state AS "state!", reason AS "reason!",
 *        ticket_ref AS "ticketRef!", minutes AS "minutes!", requested_by AS "requestedBy!", requested_at AS "requestedAt!",
 *        respond_by AS "respondBy!", decided_by AS "decidedBy", decided_at AS "decidedAt", expires_at AS "expiresAt",
 *        ended_by AS "endedBy", ended_at AS "endedAt", view_count AS "viewCount!", last_viewed_at AS "lastViewedAt"
 * FROM support.sp_request_support_access(p_tenant_id => :tenantId!, p_user_id => :userId!, p_reason => :reason!,
 *                                        p_ticket_ref => :ticketRef!, p_minutes => :minutes!)
 * ```
 */
export const requestSupportAccess = new PreparedQuery<IRequestSupportAccessParams,IRequestSupportAccessResult>(requestSupportAccessIR);


/** 'OpenBreakGlass' parameters type */
export interface IOpenBreakGlassParams {
  minutes: number;
  reason: string;
  tenantId: string;
  ticketRef: string;
  userId: string;
}

/** 'OpenBreakGlass' return type */
export interface IOpenBreakGlassResult {
  decidedAt: Date | null;
  decidedBy: string | null;
  endedAt: Date | null;
  endedBy: string | null;
  expiresAt: Date | null;
  kind: string;
  lastViewedAt: Date | null;
  minutes: number;
  reason: string;
  requestedAt: Date;
  requestedBy: string;
  requestId: string;
  respondBy: Date;
  state: string;
  ticketRef: string;
  userId: string;
  viewCount: number;
}

/** 'OpenBreakGlass' query type */
export interface IOpenBreakGlassQuery {
  params: IOpenBreakGlassParams;
  result: IOpenBreakGlassResult;
}

const openBreakGlassIR: any = {"usedParamSet":{"tenantId":true,"userId":true,"reason":true,"ticketRef":true,"minutes":true},"params":[{"name":"tenantId","required":true,"transform":{"type":"scalar"},"locs":[{"a":514,"b":523}]},{"name":"userId","required":true,"transform":{"type":"scalar"},"locs":[{"a":539,"b":546}]},{"name":"reason","required":true,"transform":{"type":"scalar"},"locs":[{"a":561,"b":568}]},{"name":"ticketRef","required":true,"transform":{"type":"scalar"},"locs":[{"a":620,"b":630}]},{"name":"minutes","required":true,"transform":{"type":"scalar"},"locs":[{"a":646,"b":654}]}],"statement":"SELECT request_id AS \"requestId!\", user_id AS \"userId!\", kind AS \"kind!\", state AS \"state!\", reason AS \"reason!\",\n       ticket_ref AS \"ticketRef!\", minutes AS \"minutes!\", requested_by AS \"requestedBy!\", requested_at AS \"requestedAt!\",\n       respond_by AS \"respondBy!\", decided_by AS \"decidedBy\", decided_at AS \"decidedAt\", expires_at AS \"expiresAt\",\n       ended_by AS \"endedBy\", ended_at AS \"endedAt\", view_count AS \"viewCount!\", last_viewed_at AS \"lastViewedAt\"\nFROM support.sp_open_break_glass(p_tenant_id => :tenantId!, p_user_id => :userId!, p_reason => :reason!,\n                                 p_ticket_ref => :ticketRef!, p_minutes => :minutes!)"};

/**
 * Query generated from SQL:
 * ```
 * SELECT request_id AS "requestId!", user_id AS "userId!", kind AS "kind!", state AS "state!", reason AS "reason!",
 *        ticket_ref AS "ticketRef!", minutes AS "minutes!", requested_by AS "requestedBy!", requested_at AS "requestedAt!",
 *        respond_by AS "respondBy!", decided_by AS "decidedBy", decided_at AS "decidedAt", expires_at AS "expiresAt",
 *        ended_by AS "endedBy", ended_at AS "endedAt", view_count AS "viewCount!", last_viewed_at AS "lastViewedAt"
 * FROM support.sp_open_break_glass(p_tenant_id => :tenantId!, p_user_id => :userId!, p_reason => :reason!,
 *                                  p_ticket_ref => :ticketRef!, p_minutes => :minutes!)
 * ```
 */
export const openBreakGlass = new PreparedQuery<IOpenBreakGlassParams,IOpenBreakGlassResult>(openBreakGlassIR);


/** 'ApproveBreakGlass' parameters type */
export interface IApproveBreakGlassParams {
  requestId: string;
  tenantId: string;
}

/** 'ApproveBreakGlass' return type */
export interface IApproveBreakGlassResult {
  decidedAt: Date | null;
  decidedBy: string | null;
  endedAt: Date | null;
  endedBy: string | null;
  expiresAt: Date | null;
  kind: string;
  lastViewedAt: Date | null;
  minutes: number;
  reason: string;
  requestedAt: Date;
  requestedBy: string;
  requestId: string;
  respondBy: Date;
  state: string;
  ticketRef: string;
  userId: string;
  viewCount: number;
}

/** 'ApproveBreakGlass' query type */
export interface IApproveBreakGlassQuery {
  params: IApproveBreakGlassParams;
  result: IApproveBreakGlassResult;
}

const approveBreakGlassIR: any = {"usedParamSet":{"tenantId":true,"requestId":true},"params":[{"name":"tenantId","required":true,"transform":{"type":"scalar"},"locs":[{"a":517,"b":526}]},{"name":"requestId","required":true,"transform":{"type":"scalar"},"locs":[{"a":545,"b":555}]}],"statement":"SELECT request_id AS \"requestId!\", user_id AS \"userId!\", kind AS \"kind!\", state AS \"state!\", reason AS \"reason!\",\n       ticket_ref AS \"ticketRef!\", minutes AS \"minutes!\", requested_by AS \"requestedBy!\", requested_at AS \"requestedAt!\",\n       respond_by AS \"respondBy!\", decided_by AS \"decidedBy\", decided_at AS \"decidedAt\", expires_at AS \"expiresAt\",\n       ended_by AS \"endedBy\", ended_at AS \"endedAt\", view_count AS \"viewCount!\", last_viewed_at AS \"lastViewedAt\"\nFROM support.sp_approve_break_glass(p_tenant_id => :tenantId!, p_request_id => :requestId!)"};

/**
 * Query generated from SQL:
 * ```
 * SELECT request_id AS "requestId!", user_id AS "userId!", kind AS "kind!", state AS "state!", reason AS "reason!",
 *        ticket_ref AS "ticketRef!", minutes AS "minutes!", requested_by AS "requestedBy!", requested_at AS "requestedAt!",
 *        respond_by AS "respondBy!", decided_by AS "decidedBy", decided_at AS "decidedAt", expires_at AS "expiresAt",
 *        ended_by AS "endedBy", ended_at AS "endedAt", view_count AS "viewCount!", last_viewed_at AS "lastViewedAt"
 * FROM support.sp_approve_break_glass(p_tenant_id => :tenantId!, p_request_id => :requestId!)
 * ```
 */
export const approveBreakGlass = new PreparedQuery<IApproveBreakGlassParams,IApproveBreakGlassResult>(approveBreakGlassIR);


/** 'CloseSupportAccess' parameters type */
export interface ICloseSupportAccessParams {
  requestId: string;
  tenantId: string;
}

/** 'CloseSupportAccess' return type */
export interface ICloseSupportAccessResult {
  decidedAt: Date | null;
  decidedBy: string | null;
  endedAt: Date | null;
  endedBy: string | null;
  expiresAt: Date | null;
  kind: string;
  lastViewedAt: Date | null;
  minutes: number;
  reason: string;
  requestedAt: Date;
  requestedBy: string;
  requestId: string;
  respondBy: Date;
  state: string;
  ticketRef: string;
  userId: string;
  viewCount: number;
}

/** 'CloseSupportAccess' query type */
export interface ICloseSupportAccessQuery {
  params: ICloseSupportAccessParams;
  result: ICloseSupportAccessResult;
}

const closeSupportAccessIR: any = {"usedParamSet":{"tenantId":true,"requestId":true},"params":[{"name":"tenantId","required":true,"transform":{"type":"scalar"},"locs":[{"a":518,"b":527}]},{"name":"requestId","required":true,"transform":{"type":"scalar"},"locs":[{"a":546,"b":556}]}],"statement":"SELECT request_id AS \"requestId!\", user_id AS \"userId!\", kind AS \"kind!\", state AS \"state!\", reason AS \"reason!\",\n       ticket_ref AS \"ticketRef!\", minutes AS \"minutes!\", requested_by AS \"requestedBy!\", requested_at AS \"requestedAt!\",\n       respond_by AS \"respondBy!\", decided_by AS \"decidedBy\", decided_at AS \"decidedAt\", expires_at AS \"expiresAt\",\n       ended_by AS \"endedBy\", ended_at AS \"endedAt\", view_count AS \"viewCount!\", last_viewed_at AS \"lastViewedAt\"\nFROM support.sp_close_support_access(p_tenant_id => :tenantId!, p_request_id => :requestId!)"};

/**
 * Query generated from SQL:
 * ```
 * SELECT request_id AS "requestId!", user_id AS "userId!", kind AS "kind!", state AS "state!", reason AS "reason!",
 *        ticket_ref AS "ticketRef!", minutes AS "minutes!", requested_by AS "requestedBy!", requested_at AS "requestedAt!",
 *        respond_by AS "respondBy!", decided_by AS "decidedBy", decided_at AS "decidedAt", expires_at AS "expiresAt",
 *        ended_by AS "endedBy", ended_at AS "endedAt", view_count AS "viewCount!", last_viewed_at AS "lastViewedAt"
 * FROM support.sp_close_support_access(p_tenant_id => :tenantId!, p_request_id => :requestId!)
 * ```
 */
export const closeSupportAccess = new PreparedQuery<ICloseSupportAccessParams,ICloseSupportAccessResult>(closeSupportAccessIR);


/** 'ListSupportAccessRequests' parameters type */
export interface IListSupportAccessRequestsParams {
  limit: number;
  offset: number;
  tenantId: string;
  userId: string;
}

/** 'ListSupportAccessRequests' return type */
export interface IListSupportAccessRequestsResult {
  decidedAt: Date | null;
  decidedBy: string | null;
  endedAt: Date | null;
  endedBy: string | null;
  expiresAt: Date | null;
  kind: string;
  lastViewedAt: Date | null;
  minutes: number;
  reason: string;
  requestedAt: Date;
  requestedBy: string;
  requestId: string;
  respondBy: Date;
  state: string;
  ticketRef: string;
  userId: string;
  viewCount: number;
}

/** 'ListSupportAccessRequests' query type */
export interface IListSupportAccessRequestsQuery {
  params: IListSupportAccessRequestsParams;
  result: IListSupportAccessRequestsResult;
}

const listSupportAccessRequestsIR: any = {"usedParamSet":{"tenantId":true,"userId":true,"limit":true,"offset":true},"params":[{"name":"tenantId","required":true,"transform":{"type":"scalar"},"locs":[{"a":526,"b":535}]},{"name":"userId","required":true,"transform":{"type":"scalar"},"locs":[{"a":551,"b":558}]},{"name":"limit","required":true,"transform":{"type":"scalar"},"locs":[{"a":572,"b":578}]},{"name":"offset","required":true,"transform":{"type":"scalar"},"locs":[{"a":638,"b":645}]}],"statement":"SELECT request_id AS \"requestId!\", user_id AS \"userId!\", kind AS \"kind!\", state AS \"state!\", reason AS \"reason!\",\n       ticket_ref AS \"ticketRef!\", minutes AS \"minutes!\", requested_by AS \"requestedBy!\", requested_at AS \"requestedAt!\",\n       respond_by AS \"respondBy!\", decided_by AS \"decidedBy\", decided_at AS \"decidedAt\", expires_at AS \"expiresAt\",\n       ended_by AS \"endedBy\", ended_at AS \"endedAt\", view_count AS \"viewCount!\", last_viewed_at AS \"lastViewedAt\"\nFROM support.sp_list_support_access_requests(p_tenant_id => :tenantId!, p_user_id => :userId!, p_limit => :limit!,\n                                             p_offset => :offset!)"};

/**
 * Query generated from SQL:
 * ```
 * SELECT request_id AS "requestId!", user_id AS "userId!", kind AS "kind!", state AS "state!", reason AS "reason!",
 *        ticket_ref AS "ticketRef!", minutes AS "minutes!", requested_by AS "requestedBy!", requested_at AS "requestedAt!",
 *        respond_by AS "respondBy!", decided_by AS "decidedBy", decided_at AS "decidedAt", expires_at AS "expiresAt",
 *        ended_by AS "endedBy", ended_at AS "endedAt", view_count AS "viewCount!", last_viewed_at AS "lastViewedAt"
 * FROM support.sp_list_support_access_requests(p_tenant_id => :tenantId!, p_user_id => :userId!, p_limit => :limit!,
 *                                              p_offset => :offset!)
 * ```
 */
export const listSupportAccessRequests = new PreparedQuery<IListSupportAccessRequestsParams,IListSupportAccessRequestsResult>(listSupportAccessRequestsIR);


/** 'GetUserAssetsUnmasked' parameters type */
export interface IGetUserAssetsUnmaskedParams {
  limit: number;
  offset: number;
  tenantId: string;
  userId: string;
}

/** 'GetUserAssetsUnmasked' return type */
export interface IGetUserAssetsUnmaskedResult {
  accessExpiresAt: Date;
  assetId: string;
  assetType: string;
  categoryCode: string;
  currency: string;
  description: string | null;
  identifierLast4: string | null;
  isLiability: boolean;
  latestValue: string | null;
  name: string;
  ownershipForm: string;
  ownershipPercentage: string;
  status: string;
  valuedOn: string | null;
}

/** 'GetUserAssetsUnmasked' query type */
export interface IGetUserAssetsUnmaskedQuery {
  params: IGetUserAssetsUnmaskedParams;
  result: IGetUserAssetsUnmaskedResult;
}

const getUserAssetsUnmaskedIR: any = {"usedParamSet":{"tenantId":true,"userId":true,"limit":true,"offset":true},"params":[{"name":"tenantId","required":true,"transform":{"type":"scalar"},"locs":[{"a":497,"b":506}]},{"name":"userId","required":true,"transform":{"type":"scalar"},"locs":[{"a":522,"b":529}]},{"name":"limit","required":true,"transform":{"type":"scalar"},"locs":[{"a":543,"b":549}]},{"name":"offset","required":true,"transform":{"type":"scalar"},"locs":[{"a":605,"b":612}]}],"statement":"SELECT asset_id AS \"assetId!\", asset_type AS \"assetType!\", category_code AS \"categoryCode!\", name AS \"name!\",\n       description, currency AS \"currency!\", is_liability AS \"isLiability!\", status AS \"status!\",\n       ownership_percentage AS \"ownershipPercentage!\", ownership_form AS \"ownershipForm!\", latest_value AS \"latestValue\",\n       valued_on AS \"valuedOn\", identifier_last4 AS \"identifierLast4\", access_expires_at AS \"accessExpiresAt!\"\nFROM support.sp_get_user_assets_unmasked(p_tenant_id => :tenantId!, p_user_id => :userId!, p_limit => :limit!,\n                                         p_offset => :offset!)"};

/**
 * Query generated from SQL:
 * ```
 * SELECT asset_id AS "assetId!", asset_type AS "assetType!", category_code AS "categoryCode!", name AS "name!",
 *        description, currency AS "currency!", is_liability AS "isLiability!", status AS "status!",
 *        ownership_percentage AS "ownershipPercentage!", ownership_form AS "ownershipForm!", latest_value AS "latestValue",
 *        valued_on AS "valuedOn", identifier_last4 AS "identifierLast4", access_expires_at AS "accessExpiresAt!"
 * FROM support.sp_get_user_assets_unmasked(p_tenant_id => :tenantId!, p_user_id => :userId!, p_limit => :limit!,
 *                                          p_offset => :offset!)
 * ```
 */
export const getUserAssetsUnmasked = new PreparedQuery<IGetUserAssetsUnmaskedParams,IGetUserAssetsUnmaskedResult>(getUserAssetsUnmaskedIR);


/** 'GetAccountNumber' parameters type */
export interface IGetAccountNumberParams {
  assetId: string;
  tenantId: string;
  userId: string;
}

/** 'GetAccountNumber' return type */
export interface IGetAccountNumberResult {
  accessExpiresAt: Date;
  assetId: string;
  identifierCiphertext: Buffer;
  identifierLast4: string;
}

/** 'GetAccountNumber' query type */
export interface IGetAccountNumberQuery {
  params: IGetAccountNumberParams;
  result: IGetAccountNumberResult;
}

const getAccountNumberIR: any = {"usedParamSet":{"tenantId":true,"userId":true,"assetId":true},"params":[{"name":"tenantId","required":true,"transform":{"type":"scalar"},"locs":[{"a":218,"b":227}]},{"name":"userId","required":true,"transform":{"type":"scalar"},"locs":[{"a":243,"b":250}]},{"name":"assetId","required":true,"transform":{"type":"scalar"},"locs":[{"a":267,"b":275}]}],"statement":"SELECT asset_id AS \"assetId!\", identifier_ciphertext AS \"identifierCiphertext!\", identifier_last4 AS \"identifierLast4!\",\n       access_expires_at AS \"accessExpiresAt!\"\nFROM support.sp_get_account_number(p_tenant_id => :tenantId!, p_user_id => :userId!, p_asset_id => :assetId!)"};

/**
 * Query generated from SQL:
 * ```
 * SELECT asset_id AS "assetId!", identifier_ciphertext AS "identifierCiphertext!", identifier_last4 AS "identifierLast4!",
 *        access_expires_at AS "accessExpiresAt!"
 * FROM support.sp_get_account_number(p_tenant_id => :tenantId!, p_user_id => :userId!, p_asset_id => :assetId!)
 * ```
 */
export const getAccountNumber = new PreparedQuery<IGetAccountNumberParams,IGetAccountNumberResult>(getAccountNumberIR);


/** 'ListMySupportAccessRequests' parameters type */
export interface IListMySupportAccessRequestsParams {
  limit: number;
  offset: number;
  state?: string | null | void;
}

/** 'ListMySupportAccessRequests' return type */
export interface IListMySupportAccessRequestsResult {
  decidedAt: Date | null;
  endedAt: Date | null;
  expiresAt: Date | null;
  kind: string;
  lastViewedAt: Date | null;
  minutes: number;
  reason: string;
  requestedAt: Date;
  requestId: string;
  respondBy: Date;
  state: string;
  ticketRef: string;
  viewCount: number;
}

/** 'ListMySupportAccessRequests' query type */
export interface IListMySupportAccessRequestsQuery {
  params: IListMySupportAccessRequestsParams;
  result: IListMySupportAccessRequestsResult;
}

const listMySupportAccessRequestsIR: any = {"usedParamSet":{"state":true,"limit":true,"offset":true},"params":[{"name":"state","required":false,"transform":{"type":"scalar"},"locs":[{"a":410,"b":415}]},{"name":"limit","required":true,"transform":{"type":"scalar"},"locs":[{"a":429,"b":435}]},{"name":"offset","required":true,"transform":{"type":"scalar"},"locs":[{"a":450,"b":457}]}],"statement":"SELECT request_id AS \"requestId!\", kind AS \"kind!\", state AS \"state!\", reason AS \"reason!\", ticket_ref AS \"ticketRef!\",\n       minutes AS \"minutes!\", requested_at AS \"requestedAt!\", respond_by AS \"respondBy!\", decided_at AS \"decidedAt\",\n       expires_at AS \"expiresAt\", ended_at AS \"endedAt\", view_count AS \"viewCount!\", last_viewed_at AS \"lastViewedAt\"\nFROM api.sp_list_my_support_access_requests(p_state => :state, p_limit => :limit!, p_offset => :offset!)"};

/**
 * Query generated from SQL:
 * ```
 * SELECT request_id AS "requestId!", kind AS "kind!", state AS "state!", reason AS "reason!", ticket_ref AS "ticketRef!",
 *        minutes AS "minutes!", requested_at AS "requestedAt!", respond_by AS "respondBy!", decided_at AS "decidedAt",
 *        expires_at AS "expiresAt", ended_at AS "endedAt", view_count AS "viewCount!", last_viewed_at AS "lastViewedAt"
 * FROM api.sp_list_my_support_access_requests(p_state => :state, p_limit => :limit!, p_offset => :offset!)
 * ```
 */
export const listMySupportAccessRequests = new PreparedQuery<IListMySupportAccessRequestsParams,IListMySupportAccessRequestsResult>(listMySupportAccessRequestsIR);


/** 'ApproveSupportAccessRequest' parameters type */
export interface IApproveSupportAccessRequestParams {
  requestId: string;
}

/** 'ApproveSupportAccessRequest' return type */
export interface IApproveSupportAccessRequestResult {
  decidedAt: Date | null;
  endedAt: Date | null;
  expiresAt: Date | null;
  kind: string;
  lastViewedAt: Date | null;
  minutes: number;
  reason: string;
  requestedAt: Date;
  requestId: string;
  respondBy: Date;
  state: string;
  ticketRef: string;
  viewCount: number;
}

/** 'ApproveSupportAccessRequest' query type */
export interface IApproveSupportAccessRequestQuery {
  params: IApproveSupportAccessRequestParams;
  result: IApproveSupportAccessRequestResult;
}

const approveSupportAccessRequestIR: any = {"usedParamSet":{"requestId":true},"params":[{"name":"requestId","required":true,"transform":{"type":"scalar"},"locs":[{"a":414,"b":424}]}],"statement":"SELECT request_id AS \"requestId!\", kind AS \"kind!\", state AS \"state!\", reason AS \"reason!\", ticket_ref AS \"ticketRef!\",\n       minutes AS \"minutes!\", requested_at AS \"requestedAt!\", respond_by AS \"respondBy!\", decided_at AS \"decidedAt\",\n       expires_at AS \"expiresAt\", ended_at AS \"endedAt\", view_count AS \"viewCount!\", last_viewed_at AS \"lastViewedAt\"\nFROM api.sp_approve_support_access_request(p_request_id => :requestId!)"};

/**
 * Query generated from SQL:
 * ```
 * SELECT request_id AS "requestId!", kind AS "kind!", state AS "state!", reason AS "reason!", ticket_ref AS "ticketRef!",
 *        minutes AS "minutes!", requested_at AS "requestedAt!", respond_by AS "respondBy!", decided_at AS "decidedAt",
 *        expires_at AS "expiresAt", ended_at AS "endedAt", view_count AS "viewCount!", last_viewed_at AS "lastViewedAt"
 * FROM api.sp_approve_support_access_request(p_request_id => :requestId!)
 * ```
 */
export const approveSupportAccessRequest = new PreparedQuery<IApproveSupportAccessRequestParams,IApproveSupportAccessRequestResult>(approveSupportAccessRequestIR);


/** 'DenySupportAccessRequest' parameters type */
export interface IDenySupportAccessRequestParams {
  requestId: string;
}

/** 'DenySupportAccessRequest' return type */
export interface IDenySupportAccessRequestResult {
  decidedAt: Date | null;
  endedAt: Date | null;
  expiresAt: Date | null;
  kind: string;
  lastViewedAt: Date | null;
  minutes: number;
  reason: string;
  requestedAt: Date;
  requestId: string;
  respondBy: Date;
  state: string;
  ticketRef: string;
  viewCount: number;
}

/** 'DenySupportAccessRequest' query type */
export interface IDenySupportAccessRequestQuery {
  params: IDenySupportAccessRequestParams;
  result: IDenySupportAccessRequestResult;
}

const denySupportAccessRequestIR: any = {"usedParamSet":{"requestId":true},"params":[{"name":"requestId","required":true,"transform":{"type":"scalar"},"locs":[{"a":411,"b":421}]}],"statement":"SELECT request_id AS \"requestId!\", kind AS \"kind!\", state AS \"state!\", reason AS \"reason!\", ticket_ref AS \"ticketRef!\",\n       minutes AS \"minutes!\", requested_at AS \"requestedAt!\", respond_by AS \"respondBy!\", decided_at AS \"decidedAt\",\n       expires_at AS \"expiresAt\", ended_at AS \"endedAt\", view_count AS \"viewCount!\", last_viewed_at AS \"lastViewedAt\"\nFROM api.sp_deny_support_access_request(p_request_id => :requestId!)"};

/**
 * Query generated from SQL:
 * ```
 * SELECT request_id AS "requestId!", kind AS "kind!", state AS "state!", reason AS "reason!", ticket_ref AS "ticketRef!",
 *        minutes AS "minutes!", requested_at AS "requestedAt!", respond_by AS "respondBy!", decided_at AS "decidedAt",
 *        expires_at AS "expiresAt", ended_at AS "endedAt", view_count AS "viewCount!", last_viewed_at AS "lastViewedAt"
 * FROM api.sp_deny_support_access_request(p_request_id => :requestId!)
 * ```
 */
export const denySupportAccessRequest = new PreparedQuery<IDenySupportAccessRequestParams,IDenySupportAccessRequestResult>(denySupportAccessRequestIR);


/** 'RevokeSupportAccessRequest' parameters type */
export interface IRevokeSupportAccessRequestParams {
  requestId: string;
}

/** 'RevokeSupportAccessRequest' return type */
export interface IRevokeSupportAccessRequestResult {
  decidedAt: Date | null;
  endedAt: Date | null;
  expiresAt: Date | null;
  kind: string;
  lastViewedAt: Date | null;
  minutes: number;
  reason: string;
  requestedAt: Date;
  requestId: string;
  respondBy: Date;
  state: string;
  ticketRef: string;
  viewCount: number;
}

/** 'RevokeSupportAccessRequest' query type */
export interface IRevokeSupportAccessRequestQuery {
  params: IRevokeSupportAccessRequestParams;
  result: IRevokeSupportAccessRequestResult;
}

const revokeSupportAccessRequestIR: any = {"usedParamSet":{"requestId":true},"params":[{"name":"requestId","required":true,"transform":{"type":"scalar"},"locs":[{"a":413,"b":423}]}],"statement":"SELECT request_id AS \"requestId!\", kind AS \"kind!\", state AS \"state!\", reason AS \"reason!\", ticket_ref AS \"ticketRef!\",\n       minutes AS \"minutes!\", requested_at AS \"requestedAt!\", respond_by AS \"respondBy!\", decided_at AS \"decidedAt\",\n       expires_at AS \"expiresAt\", ended_at AS \"endedAt\", view_count AS \"viewCount!\", last_viewed_at AS \"lastViewedAt\"\nFROM api.sp_revoke_support_access_request(p_request_id => :requestId!)"};

/**
 * Query generated from SQL:
 * ```
 * SELECT request_id AS "requestId!", kind AS "kind!", state AS "state!", reason AS "reason!", ticket_ref AS "ticketRef!",
 *        minutes AS "minutes!", requested_at AS "requestedAt!", respond_by AS "respondBy!", decided_at AS "decidedAt",
 *        expires_at AS "expiresAt", ended_at AS "endedAt", view_count AS "viewCount!", last_viewed_at AS "lastViewedAt"
 * FROM api.sp_revoke_support_access_request(p_request_id => :requestId!)
 * ```
 */
export const revokeSupportAccessRequest = new PreparedQuery<IRevokeSupportAccessRequestParams,IRevokeSupportAccessRequestResult>(revokeSupportAccessRequestIR);


/** 'ListMySupportAccessEvents' parameters type */
export interface IListMySupportAccessEventsParams {
  limit: number;
  offset: number;
}

/** 'ListMySupportAccessEvents' return type */
export interface IListMySupportAccessEventsResult {
  assetId: string | null;
  assetName: string | null;
  eventId: string;
  kind: string;
  occurredAt: Date;
  reason: string;
  requestId: string;
  ticketRef: string;
  what: string;
}

/** 'ListMySupportAccessEvents' query type */
export interface IListMySupportAccessEventsQuery {
  params: IListMySupportAccessEventsParams;
  result: IListMySupportAccessEventsResult;
}

const listMySupportAccessEventsIR: any = {"usedParamSet":{"limit":true,"offset":true},"params":[{"name":"limit","required":true,"transform":{"type":"scalar"},"locs":[{"a":281,"b":287}]},{"name":"offset","required":true,"transform":{"type":"scalar"},"locs":[{"a":302,"b":309}]}],"statement":"SELECT event_id AS \"eventId!\", occurred_at AS \"occurredAt!\", what AS \"what!\", asset_id AS \"assetId\", asset_name AS \"assetName\",\n       request_id AS \"requestId!\", kind AS \"kind!\", reason AS \"reason!\", ticket_ref AS \"ticketRef!\"\nFROM api.sp_list_my_support_access_events(p_limit => :limit!, p_offset => :offset!)"};

/**
 * Query generated from SQL:
 * ```
 * SELECT event_id AS "eventId!", occurred_at AS "occurredAt!", what AS "what!", asset_id AS "assetId", asset_name AS "assetName",
 *        request_id AS "requestId!", kind AS "kind!", reason AS "reason!", ticket_ref AS "ticketRef!"
 * FROM api.sp_list_my_support_access_events(p_limit => :limit!, p_offset => :offset!)
 * ```
 */
export const listMySupportAccessEvents = new PreparedQuery<IListMySupportAccessEventsParams,IListMySupportAccessEventsResult>(listMySupportAccessEventsIR);


