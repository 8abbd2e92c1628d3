/** Types generated for queries found in "procedures/calls/support.sql" */
import { PreparedQuery } from '@pgtyped/runtime';

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

export type stringArray = (string)[];

/** 'RegisterStaffPool' parameters type */
export interface IRegisterStaffPoolParams {
  issuer?: string | null | void;
  kind: string;
  region?: string | null | void;
  userPoolId: string;
}

/** 'RegisterStaffPool' return type */
export interface IRegisterStaffPoolResult {
  issuer: string;
  providerId: string;
}

/** 'RegisterStaffPool' query type */
export interface IRegisterStaffPoolQuery {
  params: IRegisterStaffPoolParams;
  result: IRegisterStaffPoolResult;
}

const registerStaffPoolIR: any = {"usedParamSet":{"kind":true,"userPoolId":true,"region":true,"issuer":true},"params":[{"name":"kind","required":true,"transform":{"type":"scalar"},"locs":[{"a":103,"b":108}]},{"name":"userPoolId","required":true,"transform":{"type":"scalar"},"locs":[{"a":129,"b":140}]},{"name":"region","required":false,"transform":{"type":"scalar"},"locs":[{"a":155,"b":161}]},{"name":"issuer","required":false,"transform":{"type":"scalar"},"locs":[{"a":212,"b":218}]}],"statement":"SELECT provider_id AS \"providerId!\", issuer AS \"issuer!\"\nFROM support.sp_register_staff_pool(p_kind => :kind!, p_user_pool_id => :userPoolId!, p_region => :region,\n                                    p_issuer => :issuer)"};

/**
 * Query generated from SQL:
 * ```
 * SELECT provider_id AS "providerId!", issuer AS "issuer!"
 * FROM support.sp_register_staff_pool(p_kind => :kind!, p_user_pool_id => :userPoolId!, p_region => :region,
 *                                     p_issuer => :issuer)
 * ```
 */
export const registerStaffPool = new PreparedQuery<IRegisterStaffPoolParams,IRegisterStaffPoolResult>(registerStaffPoolIR);


/** 'RegisterStaffClient' parameters type */
export interface IRegisterStaffClientParams {
  clientId: string;
  name: string;
  providerId: string;
}

/** 'RegisterStaffClient' return type */
export interface IRegisterStaffClientResult {
  appClientId: string;
}

/** 'RegisterStaffClient' query type */
export interface IRegisterStaffClientQuery {
  params: IRegisterStaffClientParams;
  result: IRegisterStaffClientResult;
}

const registerStaffClientIR: any = {"usedParamSet":{"providerId":true,"clientId":true,"name":true},"params":[{"name":"providerId","required":true,"transform":{"type":"scalar"},"locs":[{"a":57,"b":68}]},{"name":"clientId","required":true,"transform":{"type":"scalar"},"locs":[{"a":86,"b":95}]},{"name":"name","required":true,"transform":{"type":"scalar"},"locs":[{"a":148,"b":153}]}],"statement":"SELECT support.sp_register_staff_client(p_provider_id => :providerId!, p_client_id => :clientId!,\n                                        p_name => :name!) AS \"appClientId!\""};

/**
 * Query generated from SQL:
 * ```
 * SELECT support.sp_register_staff_client(p_provider_id => :providerId!, p_client_id => :clientId!,
 *                                         p_name => :name!) AS "appClientId!"
 * ```
 */
export const registerStaffClient = new PreparedQuery<IRegisterStaffClientParams,IRegisterStaffClientResult>(registerStaffClientIR);


/** 'AddStaff' parameters type */
export interface IAddStaffParams {
  cognitoSub: string;
  displayName: string;
  email: string;
  userPoolId: string;
}

/** 'AddStaff' return type */
export interface IAddStaffResult {
  createdAt: Date;
  displayName: string;
  email: string;
  staffId: string;
  status: string;
}

/** 'AddStaff' query type */
export interface IAddStaffQuery {
  params: IAddStaffParams;
  result: IAddStaffResult;
}

const addStaffIR: any = {"usedParamSet":{"userPoolId":true,"cognitoSub":true,"email":true,"displayName":true},"params":[{"name":"userPoolId","required":true,"transform":{"type":"scalar"},"locs":[{"a":181,"b":192}]},{"name":"cognitoSub","required":true,"transform":{"type":"scalar"},"locs":[{"a":212,"b":223}]},{"name":"email","required":true,"transform":{"type":"scalar"},"locs":[{"a":237,"b":243}]},{"name":"displayName","required":true,"transform":{"type":"scalar"},"locs":[{"a":290,"b":302}]}],"statement":"SELECT staff_id AS \"staffId!\", email AS \"email!\", display_name AS \"displayName!\", status AS \"status!\",\n       created_at AS \"createdAt!\"\nFROM support.sp_add_staff(p_user_pool_id => :userPoolId!, p_cognito_sub => :cognitoSub!, p_email => :email!,\n                          p_display_name => :displayName!)"};

/**
 * Query generated from SQL:
 * ```
 * SELECT staff_id AS "staffId!", email AS "email!", display_name AS "displayName!", status AS "status!",
 *        created_at AS "createdAt!"
 * FROM support.sp_add_staff(p_user_pool_id => :userPoolId!, p_cognito_sub => :cognitoSub!, p_email => :email!,
 *                           p_display_name => :displayName!)
 * ```
 */
export const addStaff = new PreparedQuery<IAddStaffParams,IAddStaffResult>(addStaffIR);


/** 'SetStaffStatus' parameters type */
export interface ISetStaffStatusParams {
  email: string;
  status: string;
}

/** 'SetStaffStatus' return type */
export interface ISetStaffStatusResult {
  createdAt: Date;
  displayName: string;
  email: string;
  staffId: string;
  status: string;
}

/** 'SetStaffStatus' query type */
export interface ISetStaffStatusQuery {
  params: ISetStaffStatusParams;
  result: ISetStaffStatusResult;
}

const setStaffStatusIR: any = {"usedParamSet":{"email":true,"status":true},"params":[{"name":"email","required":true,"transform":{"type":"scalar"},"locs":[{"a":181,"b":187}]},{"name":"status","required":true,"transform":{"type":"scalar"},"locs":[{"a":202,"b":209}]}],"statement":"SELECT staff_id AS \"staffId!\", email AS \"email!\", display_name AS \"displayName!\", status AS \"status!\",\n       created_at AS \"createdAt!\"\nFROM support.sp_set_staff_status(p_email => :email!, p_status => :status!)"};

/**
 * Query generated from SQL:
 * ```
 * SELECT staff_id AS "staffId!", email AS "email!", display_name AS "displayName!", status AS "status!",
 *        created_at AS "createdAt!"
 * FROM support.sp_set_staff_status(p_email => :email!, p_status => :status!)
 * ```
 */
export const setStaffStatus = new PreparedQuery<ISetStaffStatusParams,ISetStaffStatusResult>(setStaffStatusIR);


/** 'ListStaffAuthClients' parameters type */
export type IListStaffAuthClientsParams = void;

/** 'ListStaffAuthClients' return type */
export interface IListStaffAuthClientsResult {
  clientId: string;
  issuer: string;
  providerKind: string;
  region: string | null;
  userPoolId: string;
}

/** 'ListStaffAuthClients' query type */
export interface IListStaffAuthClientsQuery {
  params: IListStaffAuthClientsParams;
  result: IListStaffAuthClientsResult;
}

const listStaffAuthClientsIR: any = {"usedParamSet":{},"params":[],"statement":"SELECT provider_kind AS \"providerKind!\", issuer AS \"issuer!\", user_pool_id AS \"userPoolId!\", region,\n       client_id AS \"clientId!\"\nFROM support.sp_list_staff_auth_clients()"};

/**
 * Query generated from SQL:
 * ```
 * SELECT provider_kind AS "providerKind!", issuer AS "issuer!", user_pool_id AS "userPoolId!", region,
 *        client_id AS "clientId!"
 * FROM support.sp_list_staff_auth_clients()
 * ```
 */
export const listStaffAuthClients = new PreparedQuery<IListStaffAuthClientsParams,IListStaffAuthClientsResult>(listStaffAuthClientsIR);


/** 'GetCurrentStaff' parameters type */
export type IGetCurrentStaffParams = void;

/** 'GetCurrentStaff' return type */
export interface IGetCurrentStaffResult {
  createdAt: Date;
  displayName: string;
  email: string;
  staffId: string;
  status: string;
}

/** 'GetCurrentStaff' query type */
export interface IGetCurrentStaffQuery {
  params: IGetCurrentStaffParams;
  result: IGetCurrentStaffResult;
}

const getCurrentStaffIR: any = {"usedParamSet":{},"params":[],"statement":"SELECT staff_id AS \"staffId!\", email AS \"email!\", display_name AS \"displayName!\", status AS \"status!\",\n       created_at AS \"createdAt!\"\nFROM support.sp_get_current_staff()"};

/**
 * Query generated from SQL:
 * ```
 * SELECT staff_id AS "staffId!", email AS "email!", display_name AS "displayName!", status AS "status!",
 *        created_at AS "createdAt!"
 * FROM support.sp_get_current_staff()
 * ```
 */
export const getCurrentStaff = new PreparedQuery<IGetCurrentStaffParams,IGetCurrentStaffResult>(getCurrentStaffIR);


/** 'FindTenants' parameters type */
export interface IFindTenantsParams {
  limit: number;
  offset: number;
  query?: string | null | void;
  status?: string | null | void;
}

/** 'FindTenants' return type */
export interface IFindTenantsResult {
  createdAt: Date;
  name: string;
  slug: string;
  status: string;
  tenantId: string;
}

/** 'FindTenants' query type */
export interface IFindTenantsQuery {
  params: IFindTenantsParams;
  result: IFindTenantsResult;
}

const findTenantsIR: any = {"usedParamSet":{"query":true,"status":true,"limit":true,"offset":true},"params":[{"name":"query","required":false,"transform":{"type":"scalar"},"locs":[{"a":155,"b":160}]},{"name":"status","required":false,"transform":{"type":"scalar"},"locs":[{"a":175,"b":181}]},{"name":"limit","required":true,"transform":{"type":"scalar"},"locs":[{"a":195,"b":201}]},{"name":"offset","required":true,"transform":{"type":"scalar"},"locs":[{"a":216,"b":223}]}],"statement":"SELECT tenant_id AS \"tenantId!\", slug AS \"slug!\", name AS \"name!\", status AS \"status!\", created_at AS \"createdAt!\"\nFROM support.sp_find_tenants(p_query => :query, p_status => :status, p_limit => :limit!, p_offset => :offset!)"};

/**
 * Query generated from SQL:
 * ```
 * SELECT tenant_id AS "tenantId!", slug AS "slug!", name AS "name!", status AS "status!", created_at AS "createdAt!"
 * FROM support.sp_find_tenants(p_query => :query, p_status => :status, p_limit => :limit!, p_offset => :offset!)
 * ```
 */
export const findTenants = new PreparedQuery<IFindTenantsParams,IFindTenantsResult>(findTenantsIR);


/** 'FindUsers' parameters type */
export interface IFindUsersParams {
  limit: number;
  offset: number;
  query?: string | null | void;
  tenantId: string;
}

/** 'FindUsers' return type */
export interface IFindUsersResult {
  createdAt: Date;
  emailMasked: string;
  lastLoginAt: Date | null;
  nameMasked: string | null;
  personaId: string | null;
  status: string;
  userId: string;
}

/** 'FindUsers' query type */
export interface IFindUsersQuery {
  params: IFindUsersParams;
  result: IFindUsersResult;
}

const findUsersIR: any = {"usedParamSet":{"tenantId":true,"query":true,"limit":true,"offset":true},"params":[{"name":"tenantId","required":true,"transform":{"type":"scalar"},"locs":[{"a":246,"b":255}]},{"name":"query","required":false,"transform":{"type":"scalar"},"locs":[{"a":269,"b":274}]},{"name":"limit","required":true,"transform":{"type":"scalar"},"locs":[{"a":288,"b":294}]},{"name":"offset","required":true,"transform":{"type":"scalar"},"locs":[{"a":309,"b":316}]}],"statement":"SELECT user_id AS \"userId!\", persona_id AS \"personaId\", email_masked AS \"emailMasked!\", name_masked AS \"nameMasked\",\n       status AS \"status!\", last_login_at AS \"lastLoginAt\", created_at AS \"createdAt!\"\nFROM support.sp_find_users(p_tenant_id => :tenantId!, p_query => :query, p_limit => :limit!, p_offset => :offset!)"};

/**
 * Query generated from SQL:
 * ```
 * SELECT user_id AS "userId!", persona_id AS "personaId", email_masked AS "emailMasked!", name_masked AS "nameMasked",
 *        status AS "status!", last_login_at AS "lastLoginAt", created_at AS "createdAt!"
 * FROM support.sp_find_users(p_tenant_id => :tenantId!, p_query => :query, p_limit => :limit!, p_offset => :offset!)
 * ```
 */
export const findUsers = new PreparedQuery<IFindUsersParams,IFindUsersResult>(findUsersIR);


/** 'GetUserPersonas' parameters type */
export interface IGetUserPersonasParams {
  tenantId: string;
  userId: string;
}

/** 'GetUserPersonas' return type */
export interface IGetUserPersonasResult {
  addressesMasked: stringArray;
  emailsMasked: stringArray;
  linkKind: string;
  livingStatus: string;
  nameMasked: string;
  personaId: string;
  phonesMasked: stringArray;
}

/** 'GetUserPersonas' query type */
export interface IGetUserPersonasQuery {
  params: IGetUserPersonasParams;
  result: IGetUserPersonasResult;
}

const getUserPersonasIR: any = {"usedParamSet":{"tenantId":true,"userId":true},"params":[{"name":"tenantId","required":true,"transform":{"type":"scalar"},"locs":[{"a":295,"b":304}]},{"name":"userId","required":true,"transform":{"type":"scalar"},"locs":[{"a":320,"b":327}]}],"statement":"SELECT persona_id AS \"personaId!\", link_kind AS \"linkKind!\", name_masked AS \"nameMasked!\",\n       living_status AS \"livingStatus!\", emails_masked AS \"emailsMasked!\", phones_masked AS \"phonesMasked!\",\n       addresses_masked AS \"addressesMasked!\"\nFROM support.sp_get_user_personas(p_tenant_id => :tenantId!, p_user_id => :userId!)"};

/**
 * Query generated from SQL:
 * ```
 * SELECT persona_id AS "personaId!", link_kind AS "linkKind!", name_masked AS "nameMasked!",
 *        living_status AS "livingStatus!", emails_masked AS "emailsMasked!", phones_masked AS "phonesMasked!",
 *        addresses_masked AS "addressesMasked!"
 * FROM support.sp_get_user_personas(p_tenant_id => :tenantId!, p_user_id => :userId!)
 * ```
 */
export const getUserPersonas = new PreparedQuery<IGetUserPersonasParams,IGetUserPersonasResult>(getUserPersonasIR);


/** 'GetUserCircles' parameters type */
export interface IGetUserCirclesParams {
  tenantId: string;
  userId: string;
}

/** 'GetUserCircles' return type */
export interface IGetUserCirclesResult {
  activeMembers: number;
  ffcId: string;
  joinedAt: Date;
  membershipStatus: string;
  nameMasked: string;
  personaId: string;
  role: string;
}

/** 'GetUserCircles' query type */
export interface IGetUserCirclesQuery {
  params: IGetUserCirclesParams;
  result: IGetUserCirclesResult;
}

const getUserCirclesIR: any = {"usedParamSet":{"tenantId":true,"userId":true},"params":[{"name":"tenantId","required":true,"transform":{"type":"scalar"},"locs":[{"a":260,"b":269}]},{"name":"userId","required":true,"transform":{"type":"scalar"},"locs":[{"a":285,"b":292}]}],"statement":"SELECT ffc_id AS \"ffcId!\", name_masked AS \"nameMasked!\", persona_id AS \"personaId!\", role AS \"role!\",\n       membership_status AS \"membershipStatus!\", active_members AS \"activeMembers!\", joined_at AS \"joinedAt!\"\nFROM support.sp_get_user_circles(p_tenant_id => :tenantId!, p_user_id => :userId!)"};

/**
 * Query generated from SQL:
 * ```
 * SELECT ffc_id AS "ffcId!", name_masked AS "nameMasked!", persona_id AS "personaId!", role AS "role!",
 *        membership_status AS "membershipStatus!", active_members AS "activeMembers!", joined_at AS "joinedAt!"
 * FROM support.sp_get_user_circles(p_tenant_id => :tenantId!, p_user_id => :userId!)
 * ```
 */
export const getUserCircles = new PreparedQuery<IGetUserCirclesParams,IGetUserCirclesResult>(getUserCirclesIR);


/** 'SetUserStatus' parameters type */
export interface ISetUserStatusParams {
  status: string;
  tenantId: string;
  userId: string;
}

/** 'SetUserStatus' return type */
export interface ISetUserStatusResult {
  status: string;
  suspendedAt: Date | null;
  userId: string;
}

/** 'SetUserStatus' query type */
export interface ISetUserStatusQuery {
  params: ISetUserStatusParams;
  result: ISetUserStatusResult;
}

const setUserStatusIR: any = {"usedParamSet":{"tenantId":true,"userId":true,"status":true},"params":[{"name":"tenantId","required":true,"transform":{"type":"scalar"},"locs":[{"a":127,"b":136}]},{"name":"userId","required":true,"transform":{"type":"scalar"},"locs":[{"a":152,"b":159}]},{"name":"status","required":true,"transform":{"type":"scalar"},"locs":[{"a":174,"b":181}]}],"statement":"SELECT user_id AS \"userId!\", status AS \"status!\", suspended_at AS \"suspendedAt\"\nFROM support.sp_set_user_status(p_tenant_id => :tenantId!, p_user_id => :userId!, p_status => :status!)"};

/**
 * Query generated from SQL:
 * ```
 * SELECT user_id AS "userId!", status AS "status!", suspended_at AS "suspendedAt"
 * FROM support.sp_set_user_status(p_tenant_id => :tenantId!, p_user_id => :userId!, p_status => :status!)
 * ```
 */
export const setUserStatus = new PreparedQuery<ISetUserStatusParams,ISetUserStatusResult>(setUserStatusIR);


/** 'ListUserSessions' parameters type */
export interface IListUserSessionsParams {
  limit: number;
  offset: number;
  tenantId: string;
  userId: string;
}

/** 'ListUserSessions' return type */
export interface IListUserSessionsResult {
  ipMasked: string | null;
  lastSeenAt: Date;
  revokedAt: Date | null;
  revokedBy: string | null;
  sessionId: string;
  startedAt: Date;
  userAgent: string | null;
}

/** 'ListUserSessions' query type */
export interface IListUserSessionsQuery {
  params: IListUserSessionsParams;
  result: IListUserSessionsResult;
}

const listUserSessionsIR: any = {"usedParamSet":{"tenantId":true,"userId":true,"limit":true,"offset":true},"params":[{"name":"tenantId","required":true,"transform":{"type":"scalar"},"locs":[{"a":256,"b":265}]},{"name":"userId","required":true,"transform":{"type":"scalar"},"locs":[{"a":281,"b":288}]},{"name":"limit","required":true,"transform":{"type":"scalar"},"locs":[{"a":302,"b":308}]},{"name":"offset","required":true,"transform":{"type":"scalar"},"locs":[{"a":358,"b":365}]}],"statement":"SELECT session_id AS \"sessionId!\", started_at AS \"startedAt!\", last_seen_at AS \"lastSeenAt!\", revoked_at AS \"revokedAt\",\n       revoked_by AS \"revokedBy\", user_agent AS \"userAgent\", ip_masked AS \"ipMasked\"\nFROM support.sp_list_user_sessions(p_tenant_id => :tenantId!, p_user_id => :userId!, p_limit => :limit!,\n                                   p_offset => :offset!)"};

/**
 * Query generated from SQL:
 * ```
 * SELECT session_id AS "sessionId!", started_at AS "startedAt!", last_seen_at AS "lastSeenAt!", revoked_at AS "revokedAt",
 *        revoked_by AS "revokedBy", user_agent AS "userAgent", ip_masked AS "ipMasked"
 * FROM support.sp_list_user_sessions(p_tenant_id => :tenantId!, p_user_id => :userId!, p_limit => :limit!,
 *                                    p_offset => :offset!)
 * ```
 */
export const listUserSessions = new PreparedQuery<IListUserSessionsParams,IListUserSessionsResult>(listUserSessionsIR);


/** 'RevokeUserSessions' parameters type */
export interface IRevokeUserSessionsParams {
  sessionId?: string | null | void;
  tenantId: string;
  userId: string;
}

/** 'RevokeUserSessions' return type */
export interface IRevokeUserSessionsResult {
  revoked: number;
}

/** 'RevokeUserSessions' query type */
export interface IRevokeUserSessionsQuery {
  params: IRevokeUserSessionsParams;
  result: IRevokeUserSessionsResult;
}

const revokeUserSessionsIR: any = {"usedParamSet":{"tenantId":true,"userId":true,"sessionId":true},"params":[{"name":"tenantId","required":true,"transform":{"type":"scalar"},"locs":[{"a":54,"b":63}]},{"name":"userId","required":true,"transform":{"type":"scalar"},"locs":[{"a":79,"b":86}]},{"name":"sessionId","required":false,"transform":{"type":"scalar"},"locs":[{"a":144,"b":153}]}],"statement":"SELECT support.sp_revoke_user_sessions(p_tenant_id => :tenantId!, p_user_id => :userId!,\n                                       p_session_id => :sessionId) AS \"revoked!\""};

/**
 * Query generated from SQL:
 * ```
 * SELECT support.sp_revoke_user_sessions(p_tenant_id => :tenantId!, p_user_id => :userId!,
 *                                        p_session_id => :sessionId) AS "revoked!"
 * ```
 */
export const revokeUserSessions = new PreparedQuery<IRevokeUserSessionsParams,IRevokeUserSessionsResult>(revokeUserSessionsIR);


/** 'ReadAuditLog' parameters type */
export interface IReadAuditLogParams {
  limit: number;
  offset: number;
  personaId?: string | null | void;
  requestId?: string | null | void;
  tenantId: string;
  userId?: string | null | void;
}

/** 'ReadAuditLog' return type */
export interface IReadAuditLogResult {
  actorId: string | null;
  actorKind: string;
  auditId: string;
  changedColumns: stringArray | null;
  changes: Json | null;
  occurredAt: Date;
  operation: string;
  requestId: string | null;
  rowId: string | null;
  tableName: string;
}

/** 'ReadAuditLog' query type */
export interface IReadAuditLogQuery {
  params: IReadAuditLogParams;
  result: IReadAuditLogResult;
}

const readAuditLogIR: any = {"usedParamSet":{"tenantId":true,"userId":true,"personaId":true,"requestId":true,"limit":true,"offset":true},"params":[{"name":"tenantId","required":true,"transform":{"type":"scalar"},"locs":[{"a":318,"b":327}]},{"name":"userId","required":false,"transform":{"type":"scalar"},"locs":[{"a":343,"b":349}]},{"name":"personaId","required":false,"transform":{"type":"scalar"},"locs":[{"a":368,"b":377}]},{"name":"requestId","required":false,"transform":{"type":"scalar"},"locs":[{"a":427,"b":436}]},{"name":"limit","required":true,"transform":{"type":"scalar"},"locs":[{"a":450,"b":456}]},{"name":"offset","required":true,"transform":{"type":"scalar"},"locs":[{"a":471,"b":478}]}],"statement":"SELECT audit_id AS \"auditId!\", occurred_at AS \"occurredAt!\", actor_kind AS \"actorKind!\", actor_id AS \"actorId\",\n       request_id AS \"requestId\", table_name AS \"tableName!\", row_id AS \"rowId\", operation AS \"operation!\",\n       changed_columns AS \"changedColumns\", changes\nFROM support.sp_read_audit_log(p_tenant_id => :tenantId!, p_user_id => :userId, p_persona_id => :personaId,\n                               p_request_id => :requestId, p_limit => :limit!, p_offset => :offset!)"};

/**
 * Query generated from SQL:
 * ```
 * SELECT audit_id AS "auditId!", occurred_at AS "occurredAt!", actor_kind AS "actorKind!", actor_id AS "actorId",
 *        request_id AS "requestId", table_name AS "tableName!", row_id AS "rowId", operation AS "operation!",
 *        changed_columns AS "changedColumns", changes
 * FROM support.sp_read_audit_log(p_tenant_id => :tenantId!, p_user_id => :userId, p_persona_id => :personaId,
 *                                p_request_id => :requestId, p_limit => :limit!, p_offset => :offset!)
 * ```
 */
export const readAuditLog = new PreparedQuery<IReadAuditLogParams,IReadAuditLogResult>(readAuditLogIR);


/** 'ListStoredExchangeRates' parameters type */
export interface IListStoredExchangeRatesParams {
  baseCurrency?: string | null | void;
  limit: number;
  offset: number;
  quoteCurrency?: string | null | void;
}

/** 'ListStoredExchangeRates' return type */
export interface IListStoredExchangeRatesResult {
  baseCurrency: string;
  quoteCurrency: string;
  rate: string;
  rateDate: string;
  updatedAt: Date;
}

/** 'ListStoredExchangeRates' query type */
export interface IListStoredExchangeRatesQuery {
  params: IListStoredExchangeRatesParams;
  result: IListStoredExchangeRatesResult;
}

const listStoredExchangeRatesIR: any = {"usedParamSet":{"baseCurrency":true,"quoteCurrency":true,"limit":true,"offset":true},"params":[{"name":"baseCurrency","required":false,"transform":{"type":"scalar"},"locs":[{"a":209,"b":221}]},{"name":"quoteCurrency","required":false,"transform":{"type":"scalar"},"locs":[{"a":244,"b":257}]},{"name":"limit","required":true,"transform":{"type":"scalar"},"locs":[{"a":307,"b":313}]},{"name":"offset","required":true,"transform":{"type":"scalar"},"locs":[{"a":328,"b":335}]}],"statement":"SELECT base_currency AS \"baseCurrency!\", quote_currency AS \"quoteCurrency!\", rate_date AS \"rateDate!\", rate AS \"rate!\",\n       updated_at AS \"updatedAt!\"\nFROM support.sp_list_exchange_rates(p_base_currency => :baseCurrency, p_quote_currency => :quoteCurrency,\n                                    p_limit => :limit!, p_offset => :offset!)"};

/**
 * Query generated from SQL:
 * ```
 * SELECT base_currency AS "baseCurrency!", quote_currency AS "quoteCurrency!", rate_date AS "rateDate!", rate AS "rate!",
 *        updated_at AS "updatedAt!"
 * FROM support.sp_list_exchange_rates(p_base_currency => :baseCurrency, p_quote_currency => :quoteCurrency,
 *                                     p_limit => :limit!, p_offset => :offset!)
 * ```
 */
export const listStoredExchangeRates = new PreparedQuery<IListStoredExchangeRatesParams,IListStoredExchangeRatesResult>(listStoredExchangeRatesIR);


/** 'GrantUnmask' parameters type */
export interface IGrantUnmaskParams {
  minutes: number;
  reason: string;
  tenantId: string;
  ticketRef: string;
  userId: string;
}

/** 'GrantUnmask' return type */
export interface IGrantUnmaskResult {
  expiresAt: Date;
  grantedAt: Date;
  grantId: string;
  reason: string;
  scope: string;
  ticketRef: string;
  userId: string;
}

/** 'GrantUnmask' query type */
export interface IGrantUnmaskQuery {
  params: IGrantUnmaskParams;
  result: IGrantUnmaskResult;
}

const grantUnmaskIR: any = {"usedParamSet":{"tenantId":true,"userId":true,"reason":true,"ticketRef":true,"minutes":true},"params":[{"name":"tenantId","required":true,"transform":{"type":"scalar"},"locs":[{"a":227,"b":236}]},{"name":"userId","required":true,"transform":{"type":"scalar"},"locs":[{"a":252,"b":259}]},{"name":"reason","required":true,"transform":{"type":"scalar"},"locs":[{"a":274,"b":281}]},{"name":"ticketRef","required":true,"transform":{"type":"scalar"},"locs":[{"a":329,"b":339}]},{"name":"minutes","required":true,"transform":{"type":"scalar"},"locs":[{"a":355,"b":363}]}],"statement":"SELECT grant_id AS \"grantId!\", user_id AS \"userId!\", scope AS \"scope!\", reason AS \"reason!\", ticket_ref AS \"ticketRef!\",\n       granted_at AS \"grantedAt!\", expires_at AS \"expiresAt!\"\nFROM support.sp_grant_unmask(p_tenant_id => :tenantId!, p_user_id => :userId!, p_reason => :reason!,\n                             p_ticket_ref => :ticketRef!, p_minutes => :minutes!)"};

/**
 * Query generated from SQL:
 * ```
 * SELECT grant_id AS "grantId!", user_id AS "userId!", scope AS "scope!", reason AS "reason!", ticket_ref AS "ticketRef!",
 *        granted_at AS "grantedAt!", expires_at AS "expiresAt!"
 * FROM support.sp_grant_unmask(p_tenant_id => :tenantId!, p_user_id => :userId!, p_reason => :reason!,
 *                              p_ticket_ref => :ticketRef!, p_minutes => :minutes!)
 * ```
 */
export const grantUnmask = new PreparedQuery<IGrantUnmaskParams,IGrantUnmaskResult>(grantUnmaskIR);


/** 'GetUserPersonasUnmasked' parameters type */
export interface IGetUserPersonasUnmaskedParams {
  tenantId: string;
  userId: string;
}

/** 'GetUserPersonasUnmasked' return type */
export interface IGetUserPersonasUnmaskedResult {
  addresses: stringArray;
  emails: stringArray;
  firstName: string;
  grantExpiresAt: Date;
  lastName: string;
  linkKind: string;
  personaId: string;
  phones: stringArray;
}

/** 'GetUserPersonasUnmasked' query type */
export interface IGetUserPersonasUnmaskedQuery {
  params: IGetUserPersonasUnmaskedParams;
  result: IGetUserPersonasUnmaskedResult;
}

const getUserPersonasUnmaskedIR: any = {"usedParamSet":{"tenantId":true,"userId":true},"params":[{"name":"tenantId","required":true,"transform":{"type":"scalar"},"locs":[{"a":287,"b":296}]},{"name":"userId","required":true,"transform":{"type":"scalar"},"locs":[{"a":312,"b":319}]}],"statement":"SELECT persona_id AS \"personaId!\", link_kind AS \"linkKind!\", first_name AS \"firstName!\", last_name AS \"lastName!\",\n       emails AS \"emails!\", phones AS \"phones!\", addresses AS \"addresses!\", grant_expires_at AS \"grantExpiresAt!\"\nFROM support.sp_get_user_personas_unmasked(p_tenant_id => :tenantId!, p_user_id => :userId!)"};

/**
 * Query generated from SQL:
 * ```
 * SELECT persona_id AS "personaId!", link_kind AS "linkKind!", first_name AS "firstName!", last_name AS "lastName!",
 *        emails AS "emails!", phones AS "phones!", addresses AS "addresses!", grant_expires_at AS "grantExpiresAt!"
 * FROM support.sp_get_user_personas_unmasked(p_tenant_id => :tenantId!, p_user_id => :userId!)
 * ```
 */
export const getUserPersonasUnmasked = new PreparedQuery<IGetUserPersonasUnmaskedParams,IGetUserPersonasUnmaskedResult>(getUserPersonasUnmaskedIR);


/** 'ListMySupportAccess' parameters type */
export interface IListMySupportAccessParams {
  limit: number;
  offset: number;
}

/** 'ListMySupportAccess' return type */
export interface IListMySupportAccessResult {
  expiresAt: Date;
  grantedAt: Date;
  grantId: string;
  lastViewedAt: Date | null;
  reason: string;
  scope: string;
  ticketRef: string;
  viewCount: number;
}

/** 'ListMySupportAccess' query type */
export interface IListMySupportAccessQuery {
  params: IListMySupportAccessParams;
  result: IListMySupportAccessResult;
}

const listMySupportAccessIR: any = {"usedParamSet":{"limit":true,"offset":true},"params":[{"name":"limit","required":true,"transform":{"type":"scalar"},"locs":[{"a":276,"b":282}]},{"name":"offset","required":true,"transform":{"type":"scalar"},"locs":[{"a":297,"b":304}]}],"statement":"SELECT grant_id AS \"grantId!\", scope AS \"scope!\", reason AS \"reason!\", ticket_ref AS \"ticketRef!\",\n       granted_at AS \"grantedAt!\", expires_at AS \"expiresAt!\", view_count AS \"viewCount!\",\n       last_viewed_at AS \"lastViewedAt\"\nFROM api.sp_list_my_support_access(p_limit => :limit!, p_offset => :offset!)"};

/**
 * Query generated from SQL:
 * ```
 * SELECT grant_id AS "grantId!", scope AS "scope!", reason AS "reason!", ticket_ref AS "ticketRef!",
 *        granted_at AS "grantedAt!", expires_at AS "expiresAt!", view_count AS "viewCount!",
 *        last_viewed_at AS "lastViewedAt"
 * FROM api.sp_list_my_support_access(p_limit => :limit!, p_offset => :offset!)
 * ```
 */
export const listMySupportAccess = new PreparedQuery<IListMySupportAccessParams,IListMySupportAccessResult>(listMySupportAccessIR);


