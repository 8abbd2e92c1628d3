/** Types generated for queries found in "procedures/calls/gdpr.sql" */
import { PreparedQuery } from '@pgtyped/runtime';

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** 'ListMyConsents' parameters type */
export interface IListMyConsentsParams {
  limit: number;
  offset: number;
}

/** 'ListMyConsents' return type */
export interface IListMyConsentsResult {
  consentId: string;
  decision: string;
  isCurrent: boolean;
  purpose: string;
  recordedAt: Date;
  total: number;
  version: string;
}

/** 'ListMyConsents' query type */
export interface IListMyConsentsQuery {
  params: IListMyConsentsParams;
  result: IListMyConsentsResult;
}

const listMyConsentsIR: any = {"usedParamSet":{"limit":true,"offset":true},"params":[{"name":"limit","required":true,"transform":{"type":"scalar"},"locs":[{"a":229,"b":235}]},{"name":"offset","required":true,"transform":{"type":"scalar"},"locs":[{"a":250,"b":257}]}],"statement":"SELECT consent_id AS \"consentId!\", purpose AS \"purpose!\", version AS \"version!\", decision AS \"decision!\",\n       recorded_at AS \"recordedAt!\", is_current AS \"isCurrent!\", total AS \"total!\"\nFROM api.sp_list_my_consents(p_limit => :limit!, p_offset => :offset!)"};

/**
 * Query generated from SQL:
 * ```
 * SELECT consent_id AS "consentId!", purpose AS "purpose!", version AS "version!", decision AS "decision!",
 *        recorded_at AS "recordedAt!", is_current AS "isCurrent!", total AS "total!"
 * FROM api.sp_list_my_consents(p_limit => :limit!, p_offset => :offset!)
 * ```
 */
export const listMyConsents = new PreparedQuery<IListMyConsentsParams,IListMyConsentsResult>(listMyConsentsIR);


/** 'RecordConsent' parameters type */
export interface IRecordConsentParams {
  decision: string;
  purpose: string;
  version: string;
}

/** 'RecordConsent' return type */
export interface IRecordConsentResult {
  consentId: string;
  decision: string;
  isCurrent: boolean;
  purpose: string;
  recordedAt: Date;
  version: string;
}

/** 'RecordConsent' query type */
export interface IRecordConsentQuery {
  params: IRecordConsentParams;
  result: IRecordConsentResult;
}

const recordConsentIR: any = {"usedParamSet":{"purpose":true,"version":true,"decision":true},"params":[{"name":"purpose","required":true,"transform":{"type":"scalar"},"locs":[{"a":210,"b":218}]},{"name":"version","required":true,"transform":{"type":"scalar"},"locs":[{"a":234,"b":242}]},{"name":"decision","required":true,"transform":{"type":"scalar"},"locs":[{"a":259,"b":268}]}],"statement":"SELECT consent_id AS \"consentId!\", purpose AS \"purpose!\", version AS \"version!\", decision AS \"decision!\",\n       recorded_at AS \"recordedAt!\", is_current AS \"isCurrent!\"\nFROM api.sp_record_consent(p_purpose => :purpose!, p_version => :version!, p_decision => :decision!)"};

/**
 * Query generated from SQL:
 * ```
 * SELECT consent_id AS "consentId!", purpose AS "purpose!", version AS "version!", decision AS "decision!",
 *        recorded_at AS "recordedAt!", is_current AS "isCurrent!"
 * FROM api.sp_record_consent(p_purpose => :purpose!, p_version => :version!, p_decision => :decision!)
 * ```
 */
export const recordConsent = new PreparedQuery<IRecordConsentParams,IRecordConsentResult>(recordConsentIR);


/** 'CreateDataRequest' parameters type */
export interface ICreateDataRequestParams {
  kind: string;
}

/** 'CreateDataRequest' return type */
export interface ICreateDataRequestResult {
  archiveExpiresAt: Date | null;
  completedAt: Date | null;
  dueAt: Date;
  events: Json;
  kind: string;
  outcome: Json | null;
  receivedAt: Date;
  refusalCode: string | null;
  refusalReason: string | null;
  requestId: string;
  status: string;
}

/** 'CreateDataRequest' query type */
export interface ICreateDataRequestQuery {
  params: ICreateDataRequestParams;
  result: ICreateDataRequestResult;
}

const createDataRequestIR: any = {"usedParamSet":{"kind":true},"params":[{"name":"kind","required":true,"transform":{"type":"scalar"},"locs":[{"a":367,"b":372}]}],"statement":"SELECT request_id AS \"requestId!\", kind AS \"kind!\", status AS \"status!\", received_at AS \"receivedAt!\",\n       due_at AS \"dueAt!\", completed_at AS \"completedAt\", refusal_code AS \"refusalCode\",\n       refusal_reason AS \"refusalReason\", outcome AS \"outcome\", archive_expires_at AS \"archiveExpiresAt\",\n       events AS \"events!\"\nFROM api.sp_create_data_request(p_kind => :kind!)"};

/**
 * Query generated from SQL:
 * ```
 * SELECT request_id AS "requestId!", kind AS "kind!", status AS "status!", received_at AS "receivedAt!",
 *        due_at AS "dueAt!", completed_at AS "completedAt", refusal_code AS "refusalCode",
 *        refusal_reason AS "refusalReason", outcome AS "outcome", archive_expires_at AS "archiveExpiresAt",
 *        events AS "events!"
 * FROM api.sp_create_data_request(p_kind => :kind!)
 * ```
 */
export const createDataRequest = new PreparedQuery<ICreateDataRequestParams,ICreateDataRequestResult>(createDataRequestIR);


/** 'ListMyDataRequests' parameters type */
export interface IListMyDataRequestsParams {
  limit: number;
  offset: number;
}

/** 'ListMyDataRequests' return type */
export interface IListMyDataRequestsResult {
  completedAt: Date | null;
  dueAt: Date;
  kind: string;
  receivedAt: Date;
  refusalCode: string | null;
  requestId: string;
  status: string;
  total: number;
}

/** 'ListMyDataRequests' query type */
export interface IListMyDataRequestsQuery {
  params: IListMyDataRequestsParams;
  result: IListMyDataRequestsResult;
}

const listMyDataRequestsIR: any = {"usedParamSet":{"limit":true,"offset":true},"params":[{"name":"limit","required":true,"transform":{"type":"scalar"},"locs":[{"a":255,"b":261}]},{"name":"offset","required":true,"transform":{"type":"scalar"},"locs":[{"a":276,"b":283}]}],"statement":"SELECT request_id AS \"requestId!\", kind AS \"kind!\", status AS \"status!\", received_at AS \"receivedAt!\",\n       due_at AS \"dueAt!\", completed_at AS \"completedAt\", refusal_code AS \"refusalCode\", total AS \"total!\"\nFROM api.sp_list_my_data_requests(p_limit => :limit!, p_offset => :offset!)"};

/**
 * Query generated from SQL:
 * ```
 * SELECT request_id AS "requestId!", kind AS "kind!", status AS "status!", received_at AS "receivedAt!",
 *        due_at AS "dueAt!", completed_at AS "completedAt", refusal_code AS "refusalCode", total AS "total!"
 * FROM api.sp_list_my_data_requests(p_limit => :limit!, p_offset => :offset!)
 * ```
 */
export const listMyDataRequests = new PreparedQuery<IListMyDataRequestsParams,IListMyDataRequestsResult>(listMyDataRequestsIR);


/** 'GetMyDataRequest' parameters type */
export interface IGetMyDataRequestParams {
  requestId: string;
}

/** 'GetMyDataRequest' return type */
export interface IGetMyDataRequestResult {
  archiveExpiresAt: Date | null;
  completedAt: Date | null;
  dueAt: Date;
  events: Json;
  kind: string;
  outcome: Json | null;
  receivedAt: Date;
  refusalCode: string | null;
  refusalReason: string | null;
  requestId: string;
  status: string;
}

/** 'GetMyDataRequest' query type */
export interface IGetMyDataRequestQuery {
  params: IGetMyDataRequestParams;
  result: IGetMyDataRequestResult;
}

const getMyDataRequestIR: any = {"usedParamSet":{"requestId":true},"params":[{"name":"requestId","required":true,"transform":{"type":"scalar"},"locs":[{"a":373,"b":383}]}],"statement":"SELECT request_id AS \"requestId!\", kind AS \"kind!\", status AS \"status!\", received_at AS \"receivedAt!\",\n       due_at AS \"dueAt!\", completed_at AS \"completedAt\", refusal_code AS \"refusalCode\",\n       refusal_reason AS \"refusalReason\", outcome AS \"outcome\", archive_expires_at AS \"archiveExpiresAt\",\n       events AS \"events!\"\nFROM api.sp_get_my_data_request(p_request_id => :requestId!)"};

/**
 * Query generated from SQL:
 * ```
 * SELECT request_id AS "requestId!", kind AS "kind!", status AS "status!", received_at AS "receivedAt!",
 *        due_at AS "dueAt!", completed_at AS "completedAt", refusal_code AS "refusalCode",
 *        refusal_reason AS "refusalReason", outcome AS "outcome", archive_expires_at AS "archiveExpiresAt",
 *        events AS "events!"
 * FROM api.sp_get_my_data_request(p_request_id => :requestId!)
 * ```
 */
export const getMyDataRequest = new PreparedQuery<IGetMyDataRequestParams,IGetMyDataRequestResult>(getMyDataRequestIR);


/** 'GetDataExport' parameters type */
export interface IGetDataExportParams {
  requestId: string;
}

/** 'GetDataExport' return type */
export interface IGetDataExportResult {
  files: Json;
  generatedAt: Date;
  requestId: string;
}

/** 'GetDataExport' query type */
export interface IGetDataExportQuery {
  params: IGetDataExportParams;
  result: IGetDataExportResult;
}

const getDataExportIR: any = {"usedParamSet":{"requestId":true},"params":[{"name":"requestId","required":true,"transform":{"type":"scalar"},"locs":[{"a":129,"b":139}]}],"statement":"SELECT request_id AS \"requestId!\", generated_at AS \"generatedAt!\", files AS \"files!\"\nFROM api.sp_get_data_export(p_request_id => :requestId!)"};

/**
 * Query generated from SQL:
 * ```
 * SELECT request_id AS "requestId!", generated_at AS "generatedAt!", files AS "files!"
 * FROM api.sp_get_data_export(p_request_id => :requestId!)
 * ```
 */
export const getDataExport = new PreparedQuery<IGetDataExportParams,IGetDataExportResult>(getDataExportIR);


/** 'ListDataRequests' parameters type */
export interface IListDataRequestsParams {
  kind?: string | null | void;
  limit: number;
  offset: number;
  status?: string | null | void;
  tenantId: string;
}

/** 'ListDataRequests' return type */
export interface IListDataRequestsResult {
  completedAt: Date | null;
  dueAt: Date;
  emailMasked: string;
  kind: string;
  overdue: boolean;
  receivedAt: Date;
  refusalCode: string | null;
  requestId: string;
  status: string;
  userId: string;
}

/** 'ListDataRequests' query type */
export interface IListDataRequestsQuery {
  params: IListDataRequestsParams;
  result: IListDataRequestsResult;
}

const listDataRequestsIR: any = {"usedParamSet":{"tenantId":true,"status":true,"kind":true,"limit":true,"offset":true},"params":[{"name":"tenantId","required":true,"transform":{"type":"scalar"},"locs":[{"a":325,"b":334}]},{"name":"status","required":false,"transform":{"type":"scalar"},"locs":[{"a":349,"b":355}]},{"name":"kind","required":false,"transform":{"type":"scalar"},"locs":[{"a":368,"b":372}]},{"name":"limit","required":true,"transform":{"type":"scalar"},"locs":[{"a":421,"b":427}]},{"name":"offset","required":true,"transform":{"type":"scalar"},"locs":[{"a":442,"b":449}]}],"statement":"SELECT request_id AS \"requestId!\", user_id AS \"userId!\", email_masked AS \"emailMasked!\", kind AS \"kind!\",\n       status AS \"status!\", received_at AS \"receivedAt!\", due_at AS \"dueAt!\", completed_at AS \"completedAt\",\n       refusal_code AS \"refusalCode\", overdue AS \"overdue!\"\nFROM support.sp_list_data_requests(p_tenant_id => :tenantId!, p_status => :status, p_kind => :kind,\n                                   p_limit => :limit!, p_offset => :offset!)"};

/**
 * Query generated from SQL:
 * ```
 * SELECT request_id AS "requestId!", user_id AS "userId!", email_masked AS "emailMasked!", kind AS "kind!",
 *        status AS "status!", received_at AS "receivedAt!", due_at AS "dueAt!", completed_at AS "completedAt",
 *        refusal_code AS "refusalCode", overdue AS "overdue!"
 * FROM support.sp_list_data_requests(p_tenant_id => :tenantId!, p_status => :status, p_kind => :kind,
 *                                    p_limit => :limit!, p_offset => :offset!)
 * ```
 */
export const listDataRequests = new PreparedQuery<IListDataRequestsParams,IListDataRequestsResult>(listDataRequestsIR);


/** 'GetDataRequest' parameters type */
export interface IGetDataRequestParams {
  requestId: string;
  tenantId: string;
}

/** 'GetDataRequest' return type */
export interface IGetDataRequestResult {
  completedAt: Date | null;
  dueAt: Date;
  emailMasked: string;
  events: Json;
  kind: string;
  outcome: Json | null;
  receivedAt: Date;
  refusalCode: string | null;
  refusalReason: string | null;
  requestId: string;
  status: string;
  userId: string;
}

/** 'GetDataRequest' query type */
export interface IGetDataRequestQuery {
  params: IGetDataRequestParams;
  result: IGetDataRequestResult;
}

const getDataRequestIR: any = {"usedParamSet":{"tenantId":true,"requestId":true},"params":[{"name":"tenantId","required":true,"transform":{"type":"scalar"},"locs":[{"a":378,"b":387}]},{"name":"requestId","required":true,"transform":{"type":"scalar"},"locs":[{"a":406,"b":416}]}],"statement":"SELECT request_id AS \"requestId!\", user_id AS \"userId!\", email_masked AS \"emailMasked!\", kind AS \"kind!\",\n       status AS \"status!\", received_at AS \"receivedAt!\", due_at AS \"dueAt!\", completed_at AS \"completedAt\",\n       refusal_code AS \"refusalCode\", refusal_reason AS \"refusalReason\", outcome AS \"outcome\", events AS \"events!\"\nFROM support.sp_get_data_request(p_tenant_id => :tenantId!, p_request_id => :requestId!)"};

/**
 * Query generated from SQL:
 * ```
 * SELECT request_id AS "requestId!", user_id AS "userId!", email_masked AS "emailMasked!", kind AS "kind!",
 *        status AS "status!", received_at AS "receivedAt!", due_at AS "dueAt!", completed_at AS "completedAt",
 *        refusal_code AS "refusalCode", refusal_reason AS "refusalReason", outcome AS "outcome", events AS "events!"
 * FROM support.sp_get_data_request(p_tenant_id => :tenantId!, p_request_id => :requestId!)
 * ```
 */
export const getDataRequest = new PreparedQuery<IGetDataRequestParams,IGetDataRequestResult>(getDataRequestIR);


