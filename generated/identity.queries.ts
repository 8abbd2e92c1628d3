/** Types generated for queries found in "procedures/calls/identity.sql" */
import { PreparedQuery } from '@pgtyped/runtime';

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** 'ListAuthClients' parameters type */
export type IListAuthClientsParams = void;

/** 'ListAuthClients' return type */
export interface IListAuthClientsResult {
  clientId: string;
  issuer: string;
  providerKind: string;
  region: string | null;
  tenantId: string;
  userPoolId: string;
}

/** 'ListAuthClients' query type */
export interface IListAuthClientsQuery {
  params: IListAuthClientsParams;
  result: IListAuthClientsResult;
}

const listAuthClientsIR: any = {"usedParamSet":{},"params":[],"statement":"SELECT tenant_id AS \"tenantId!\", provider_kind AS \"providerKind!\", issuer AS \"issuer!\",\n       user_pool_id AS \"userPoolId!\", region AS \"region\", client_id AS \"clientId!\"\nFROM api.sp_list_auth_clients()"};

/**
 * Query generated from SQL:
 * ```
 * SELECT tenant_id AS "tenantId!", provider_kind AS "providerKind!", issuer AS "issuer!",
 *        user_pool_id AS "userPoolId!", region AS "region", client_id AS "clientId!"
 * FROM api.sp_list_auth_clients()
 * ```
 */
export const listAuthClients = new PreparedQuery<IListAuthClientsParams,IListAuthClientsResult>(listAuthClientsIR);


/** 'RegisterUser' parameters type */
export interface IRegisterUserParams {
  dateOfBirth?: string | null | void;
  firstName: string;
  lastName: string;
}

/** 'RegisterUser' return type */
export interface IRegisterUserResult {
  personaId: string;
  userId: string;
}

/** 'RegisterUser' query type */
export interface IRegisterUserQuery {
  params: IRegisterUserParams;
  result: IRegisterUserResult;
}

const registerUserIR: any = {"usedParamSet":{"firstName":true,"lastName":true,"dateOfBirth":true},"params":[{"name":"firstName","required":true,"transform":{"type":"scalar"},"locs":[{"a":98,"b":108}]},{"name":"lastName","required":true,"transform":{"type":"scalar"},"locs":[{"a":126,"b":135}]},{"name":"dateOfBirth","required":false,"transform":{"type":"scalar"},"locs":[{"a":157,"b":168}]}],"statement":"SELECT user_id AS \"userId!\", persona_id AS \"personaId!\"\nFROM api.sp_register_user(p_first_name => :firstName!, p_last_name => :lastName!, p_date_of_birth => :dateOfBirth)"};

/**
 * Query generated from SQL:
 * ```
 * SELECT user_id AS "userId!", persona_id AS "personaId!"
 * FROM api.sp_register_user(p_first_name => :firstName!, p_last_name => :lastName!, p_date_of_birth => :dateOfBirth)
 * ```
 */
export const registerUser = new PreparedQuery<IRegisterUserParams,IRegisterUserResult>(registerUserIR);


/** 'SyncUserEmail' parameters type */
export type ISyncUserEmailParams = void;

/** 'SyncUserEmail' return type */
export interface ISyncUserEmailResult {
  createdAt: Date;
  email: string;
  firstName: string | null;
  lastLoginAt: Date | null;
  lastName: string | null;
  personaId: string | null;
  preferredName: string | null;
  status: string;
  tenantBranding: Json;
  tenantName: string;
  tenantSlug: string;
  userId: string;
}

/** 'SyncUserEmail' query type */
export interface ISyncUserEmailQuery {
  params: ISyncUserEmailParams;
  result: ISyncUserEmailResult;
}

const syncUserEmailIR: any = {"usedParamSet":{},"params":[],"statement":"SELECT user_id AS \"userId!\", email AS \"email!\", status AS \"status!\", last_login_at AS \"lastLoginAt\",\n       created_at AS \"createdAt!\", persona_id AS \"personaId\", first_name AS \"firstName\", last_name AS \"lastName\",\n       preferred_name AS \"preferredName\", tenant_slug AS \"tenantSlug!\", tenant_name AS \"tenantName!\",\n       tenant_branding AS \"tenantBranding!\"\nFROM api.sp_sync_user_email()"};

/**
 * Query generated from SQL:
 * ```
 * SELECT user_id AS "userId!", email AS "email!", status AS "status!", last_login_at AS "lastLoginAt",
 *        created_at AS "createdAt!", persona_id AS "personaId", first_name AS "firstName", last_name AS "lastName",
 *        preferred_name AS "preferredName", tenant_slug AS "tenantSlug!", tenant_name AS "tenantName!",
 *        tenant_branding AS "tenantBranding!"
 * FROM api.sp_sync_user_email()
 * ```
 */
export const syncUserEmail = new PreparedQuery<ISyncUserEmailParams,ISyncUserEmailResult>(syncUserEmailIR);


/** 'AuthenticateUser' parameters type */
export interface IAuthenticateUserParams {
  ipAddress?: string | null | void;
  sessionRef: string;
  userAgent?: string | null | void;
}

/** 'AuthenticateUser' return type */
export interface IAuthenticateUserResult {
  createdAt: Date;
  email: string;
  firstName: string | null;
  lastLoginAt: Date | null;
  lastName: string | null;
  personaId: string | null;
  preferredName: string | null;
  status: string;
  tenantBranding: Json;
  tenantName: string;
  tenantSlug: string;
  userId: string;
}

/** 'AuthenticateUser' query type */
export interface IAuthenticateUserQuery {
  params: IAuthenticateUserParams;
  result: IAuthenticateUserResult;
}

const authenticateUserIR: any = {"usedParamSet":{"sessionRef":true,"userAgent":true,"ipAddress":true},"params":[{"name":"sessionRef","required":true,"transform":{"type":"scalar"},"locs":[{"a":408,"b":419}]},{"name":"userAgent","required":false,"transform":{"type":"scalar"},"locs":[{"a":438,"b":447}]},{"name":"ipAddress","required":false,"transform":{"type":"scalar"},"locs":[{"a":466,"b":475}]}],"statement":"SELECT user_id AS \"userId!\", email AS \"email!\", status AS \"status!\", last_login_at AS \"lastLoginAt\",\n       created_at AS \"createdAt!\", persona_id AS \"personaId\", first_name AS \"firstName\", last_name AS \"lastName\",\n       preferred_name AS \"preferredName\", tenant_slug AS \"tenantSlug!\", tenant_name AS \"tenantName!\",\n       tenant_branding AS \"tenantBranding!\"\nFROM api.sp_authenticate_user(p_session_ref => :sessionRef!, p_user_agent => :userAgent, p_ip_address => :ipAddress)"};

/**
 * Query generated from SQL:
 * ```
 * SELECT user_id AS "userId!", email AS "email!", status AS "status!", last_login_at AS "lastLoginAt",
 *        created_at AS "createdAt!", persona_id AS "personaId", first_name AS "firstName", last_name AS "lastName",
 *        preferred_name AS "preferredName", tenant_slug AS "tenantSlug!", tenant_name AS "tenantName!",
 *        tenant_branding AS "tenantBranding!"
 * FROM api.sp_authenticate_user(p_session_ref => :sessionRef!, p_user_agent => :userAgent, p_ip_address => :ipAddress)
 * ```
 */
export const authenticateUser = new PreparedQuery<IAuthenticateUserParams,IAuthenticateUserResult>(authenticateUserIR);


/** 'GetCurrentUser' parameters type */
export type IGetCurrentUserParams = void;

/** 'GetCurrentUser' return type */
export interface IGetCurrentUserResult {
  createdAt: Date;
  email: string;
  firstName: string | null;
  lastLoginAt: Date | null;
  lastName: string | null;
  personaId: string | null;
  preferredName: string | null;
  status: string;
  tenantBranding: Json;
  tenantName: string;
  tenantSlug: string;
  userId: string;
}

/** 'GetCurrentUser' query type */
export interface IGetCurrentUserQuery {
  params: IGetCurrentUserParams;
  result: IGetCurrentUserResult;
}

const getCurrentUserIR: any = {"usedParamSet":{},"params":[],"statement":"SELECT user_id AS \"userId!\", email AS \"email!\", status AS \"status!\", last_login_at AS \"lastLoginAt\",\n       created_at AS \"createdAt!\", persona_id AS \"personaId\", first_name AS \"firstName\", last_name AS \"lastName\",\n       preferred_name AS \"preferredName\", tenant_slug AS \"tenantSlug!\", tenant_name AS \"tenantName!\",\n       tenant_branding AS \"tenantBranding!\"\nFROM api.sp_get_current_user()"};

/**
 * Query generated from SQL:
 * ```
 * SELECT user_id AS "userId!", email AS "email!", status AS "status!", last_login_at AS "lastLoginAt",
 *        created_at AS "createdAt!", persona_id AS "personaId", first_name AS "firstName", last_name AS "lastName",
 *        preferred_name AS "preferredName", tenant_slug AS "tenantSlug!", tenant_name AS "tenantName!",
 *        tenant_branding AS "tenantBranding!"
 * FROM api.sp_get_current_user()
 * ```
 */
export const getCurrentUser = new PreparedQuery<IGetCurrentUserParams,IGetCurrentUserResult>(getCurrentUserIR);


/** 'DeactivateUser' parameters type */
export type IDeactivateUserParams = void;

/** 'DeactivateUser' return type */
export interface IDeactivateUserResult {
  deactivatedAt: Date;
  status: string;
  userId: string;
}

/** 'DeactivateUser' query type */
export interface IDeactivateUserQuery {
  params: IDeactivateUserParams;
  result: IDeactivateUserResult;
}

const deactivateUserIR: any = {"usedParamSet":{},"params":[],"statement":"SELECT user_id AS \"userId!\", status AS \"status!\", deactivated_at AS \"deactivatedAt!\"\nFROM api.sp_deactivate_user()"};

/**
 * Query generated from SQL:
 * ```
 * SELECT user_id AS "userId!", status AS "status!", deactivated_at AS "deactivatedAt!"
 * FROM api.sp_deactivate_user()
 * ```
 */
export const deactivateUser = new PreparedQuery<IDeactivateUserParams,IDeactivateUserResult>(deactivateUserIR);


/** 'ListMySessions' parameters type */
export interface IListMySessionsParams {
  limit: number;
  offset: number;
}

/** 'ListMySessions' return type */
export interface IListMySessionsResult {
  current: boolean;
  ipAddress: string | null;
  lastSeenAt: Date;
  revokedAt: Date | null;
  sessionId: string;
  startedAt: Date;
  total: number;
  userAgent: string | null;
}

/** 'ListMySessions' query type */
export interface IListMySessionsQuery {
  params: IListMySessionsParams;
  result: IListMySessionsResult;
}

const listMySessionsIR: any = {"usedParamSet":{"limit":true,"offset":true},"params":[{"name":"limit","required":true,"transform":{"type":"scalar"},"locs":[{"a":266,"b":272}]},{"name":"offset","required":true,"transform":{"type":"scalar"},"locs":[{"a":287,"b":294}]}],"statement":"SELECT session_id AS \"sessionId!\", started_at AS \"startedAt!\", last_seen_at AS \"lastSeenAt!\", revoked_at AS \"revokedAt\",\n       user_agent AS \"userAgent\", ip_address AS \"ipAddress\", is_current AS \"current!\", total AS \"total!\"\nFROM api.sp_list_my_sessions(p_limit => :limit!, p_offset => :offset!)"};

/**
 * Query generated from SQL:
 * ```
 * SELECT session_id AS "sessionId!", started_at AS "startedAt!", last_seen_at AS "lastSeenAt!", revoked_at AS "revokedAt",
 *        user_agent AS "userAgent", ip_address AS "ipAddress", is_current AS "current!", total AS "total!"
 * FROM api.sp_list_my_sessions(p_limit => :limit!, p_offset => :offset!)
 * ```
 */
export const listMySessions = new PreparedQuery<IListMySessionsParams,IListMySessionsResult>(listMySessionsIR);


/** 'RevokeMySession' parameters type */
export interface IRevokeMySessionParams {
  sessionId: string;
}

/** 'RevokeMySession' return type */
export interface IRevokeMySessionResult {
  revoked: undefined | null;
}

/** 'RevokeMySession' query type */
export interface IRevokeMySessionQuery {
  params: IRevokeMySessionParams;
  result: IRevokeMySessionResult;
}

const revokeMySessionIR: any = {"usedParamSet":{"sessionId":true},"params":[{"name":"sessionId","required":true,"transform":{"type":"scalar"},"locs":[{"a":48,"b":58}]}],"statement":"SELECT api.sp_revoke_my_session(p_session_id => :sessionId!) AS \"revoked\""};

/**
 * Query generated from SQL:
 * ```
 * SELECT api.sp_revoke_my_session(p_session_id => :sessionId!) AS "revoked"
 * ```
 */
export const revokeMySession = new PreparedQuery<IRevokeMySessionParams,IRevokeMySessionResult>(revokeMySessionIR);


/** 'CreatePersona' parameters type */
export interface ICreatePersonaParams {
  dateOfBirth?: string | null | void;
  dateOfDeath?: string | null | void;
  firstName: string;
  lastName: string;
  livingStatus?: string | null | void;
  middleName?: string | null | void;
  preferredName?: string | null | void;
}

/** 'CreatePersona' return type */
export interface ICreatePersonaResult {
  addresses: Json;
  createdAt: Date;
  dateOfBirth: string | null;
  dateOfDeath: string | null;
  emails: Json;
  firstName: string;
  isMinor: boolean | null;
  lastName: string;
  linkedUserId: string | null;
  livingStatus: string;
  middleName: string | null;
  personaId: string;
  phones: Json;
  preferredName: string | null;
  relationships: Json;
  updatedAt: Date;
}

/** 'CreatePersona' query type */
export interface ICreatePersonaQuery {
  params: ICreatePersonaParams;
  result: ICreatePersonaResult;
}

const createPersonaIR: any = {"usedParamSet":{"firstName":true,"lastName":true,"middleName":true,"preferredName":true,"dateOfBirth":true,"livingStatus":true,"dateOfDeath":true},"params":[{"name":"firstName","required":true,"transform":{"type":"scalar"},"locs":[{"a":538,"b":548}]},{"name":"lastName","required":true,"transform":{"type":"scalar"},"locs":[{"a":566,"b":575}]},{"name":"middleName","required":false,"transform":{"type":"scalar"},"locs":[{"a":595,"b":605}]},{"name":"preferredName","required":false,"transform":{"type":"scalar"},"locs":[{"a":655,"b":668}]},{"name":"dateOfBirth","required":false,"transform":{"type":"scalar"},"locs":[{"a":690,"b":701}]},{"name":"livingStatus","required":false,"transform":{"type":"scalar"},"locs":[{"a":750,"b":762}]},{"name":"dateOfDeath","required":false,"transform":{"type":"scalar"},"locs":[{"a":784,"b":795}]}],"statement":"SELECT persona_id AS \"personaId!\", first_name AS \"firstName!\", middle_name AS \"middleName\", last_name AS \"lastName!\",\n       preferred_name AS \"preferredName\", date_of_birth AS \"dateOfBirth\", is_minor AS \"isMinor\",\n       living_status AS \"livingStatus!\", date_of_death AS \"dateOfDeath\", linked_user_id AS \"linkedUserId\",\n       emails AS \"emails!\", phones AS \"phones!\", addresses AS \"addresses!\", relationships AS \"relationships!\",\n       created_at AS \"createdAt!\", updated_at AS \"updatedAt!\"\nFROM api.sp_create_persona(p_first_name => :firstName!, p_last_name => :lastName!, p_middle_name => :middleName,\n                           p_preferred_name => :preferredName, p_date_of_birth => :dateOfBirth,\n                           p_living_status => :livingStatus, p_date_of_death => :dateOfDeath)"};

/**
 * Query generated from SQL:
 * ```
 * SELECT persona_id AS "personaId!", first_name AS "firstName!", middle_name AS "middleName", last_name AS "lastName!",
 *        preferred_name AS "preferredName", date_of_birth AS "dateOfBirth", is_minor AS "isMinor",
 *        living_status AS "livingStatus!", date_of_death AS "dateOfDeath", linked_user_id AS "linkedUserId",
 *        emails AS "emails!", phones AS "phones!", addresses AS "addresses!", relationships AS "relationships!",
 *        created_at AS "createdAt!", updated_at AS "updatedAt!"
 * FROM api.sp_create_persona(p_first_name => :firstName!, p_last_name => :lastName!, p_middle_name => :middleName,
 *                            p_preferred_name => :preferredName, p_date_of_birth => :dateOfBirth,
 *                            p_living_status => :livingStatus, p_date_of_death => :dateOfDeath)
 * ```
 */
export const createPersona = new PreparedQuery<ICreatePersonaParams,ICreatePersonaResult>(createPersonaIR);


/** 'GetPersona' parameters type */
export interface IGetPersonaParams {
  personaId: string;
}

/** 'GetPersona' return type */
export interface IGetPersonaResult {
  addresses: Json;
  createdAt: Date;
  dateOfBirth: string | null;
  dateOfDeath: string | null;
  emails: Json;
  firstName: string;
  isMinor: boolean | null;
  lastName: string;
  linkedUserId: string | null;
  livingStatus: string;
  middleName: string | null;
  personaId: string;
  phones: Json;
  preferredName: string | null;
  relationships: Json;
  updatedAt: Date;
}

/** 'GetPersona' query type */
export interface IGetPersonaQuery {
  params: IGetPersonaParams;
  result: IGetPersonaResult;
}

const getPersonaIR: any = {"usedParamSet":{"personaId":true},"params":[{"name":"personaId","required":true,"transform":{"type":"scalar"},"locs":[{"a":535,"b":545}]}],"statement":"SELECT persona_id AS \"personaId!\", first_name AS \"firstName!\", middle_name AS \"middleName\", last_name AS \"lastName!\",\n       preferred_name AS \"preferredName\", date_of_birth AS \"dateOfBirth\", is_minor AS \"isMinor\",\n       living_status AS \"livingStatus!\", date_of_death AS \"dateOfDeath\", linked_user_id AS \"linkedUserId\",\n       emails AS \"emails!\", phones AS \"phones!\", addresses AS \"addresses!\", relationships AS \"relationships!\",\n       created_at AS \"createdAt!\", updated_at AS \"updatedAt!\"\nFROM api.sp_get_persona(p_persona_id => :personaId!)"};

/**
 * Query generated from SQL:
 * ```
 * SELECT persona_id AS "personaId!", first_name AS "firstName!", middle_name AS "middleName", last_name AS "lastName!",
 *        preferred_name AS "preferredName", date_of_birth AS "dateOfBirth", is_minor AS "isMinor",
 *        living_status AS "livingStatus!", date_of_death AS "dateOfDeath", linked_user_id AS "linkedUserId",
 *        emails AS "emails!", phones AS "phones!", addresses AS "addresses!", relationships AS "relationships!",
 *        created_at AS "createdAt!", updated_at AS "updatedAt!"
 * FROM api.sp_get_persona(p_persona_id => :personaId!)
 * ```
 */
export const getPersona = new PreparedQuery<IGetPersonaParams,IGetPersonaResult>(getPersonaIR);


/** 'ListMyPersonas' parameters type */
export interface IListMyPersonasParams {
  limit: number;
  offset: number;
  q?: string | null | void;
  sort?: string | null | void;
}

/** 'ListMyPersonas' return type */
export interface IListMyPersonasResult {
  createdAt: Date;
  firstName: string;
  lastName: string;
  linkKind: string;
  livingStatus: string;
  personaId: string;
  preferredName: string | null;
  total: number;
}

/** 'ListMyPersonas' query type */
export interface IListMyPersonasQuery {
  params: IListMyPersonasParams;
  result: IListMyPersonasResult;
}

const listMyPersonasIR: any = {"usedParamSet":{"q":true,"sort":true,"limit":true,"offset":true},"params":[{"name":"q","required":false,"transform":{"type":"scalar"},"locs":[{"a":280,"b":281}]},{"name":"sort","required":false,"transform":{"type":"scalar"},"locs":[{"a":294,"b":298}]},{"name":"limit","required":true,"transform":{"type":"scalar"},"locs":[{"a":312,"b":318}]},{"name":"offset","required":true,"transform":{"type":"scalar"},"locs":[{"a":333,"b":340}]}],"statement":"SELECT persona_id AS \"personaId!\", first_name AS \"firstName!\", last_name AS \"lastName!\",\n       preferred_name AS \"preferredName\", link_kind AS \"linkKind!\", living_status AS \"livingStatus!\",\n       created_at AS \"createdAt!\", total AS \"total!\"\nFROM api.sp_list_my_personas(p_q => :q, p_sort => :sort, p_limit => :limit!, p_offset => :offset!)"};

/**
 * Query generated from SQL:
 * ```
 * SELECT persona_id AS "personaId!", first_name AS "firstName!", last_name AS "lastName!",
 *        preferred_name AS "preferredName", link_kind AS "linkKind!", living_status AS "livingStatus!",
 *        created_at AS "createdAt!", total AS "total!"
 * FROM api.sp_list_my_personas(p_q => :q, p_sort => :sort, p_limit => :limit!, p_offset => :offset!)
 * ```
 */
export const listMyPersonas = new PreparedQuery<IListMyPersonasParams,IListMyPersonasResult>(listMyPersonasIR);


/** 'UpdatePersona' parameters type */
export interface IUpdatePersonaParams {
  dateOfBirth?: string | null | void;
  dateOfDeath?: string | null | void;
  firstName?: string | null | void;
  lastName?: string | null | void;
  livingStatus?: string | null | void;
  middleName?: string | null | void;
  personaId: string;
  preferredName?: string | null | void;
}

/** 'UpdatePersona' return type */
export interface IUpdatePersonaResult {
  addresses: Json;
  createdAt: Date;
  dateOfBirth: string | null;
  dateOfDeath: string | null;
  emails: Json;
  firstName: string;
  isMinor: boolean | null;
  lastName: string;
  linkedUserId: string | null;
  livingStatus: string;
  middleName: string | null;
  personaId: string;
  phones: Json;
  preferredName: string | null;
  relationships: Json;
  updatedAt: Date;
}

/** 'UpdatePersona' query type */
export interface IUpdatePersonaQuery {
  params: IUpdatePersonaParams;
  result: IUpdatePersonaResult;
}

const updatePersonaIR: any = {"usedParamSet":{"personaId":true,"firstName":true,"lastName":true,"middleName":true,"preferredName":true,"dateOfBirth":true,"livingStatus":true,"dateOfDeath":true},"params":[{"name":"personaId","required":true,"transform":{"type":"scalar"},"locs":[{"a":538,"b":548}]},{"name":"firstName","required":false,"transform":{"type":"scalar"},"locs":[{"a":567,"b":576}]},{"name":"lastName","required":false,"transform":{"type":"scalar"},"locs":[{"a":594,"b":602}]},{"name":"middleName","required":false,"transform":{"type":"scalar"},"locs":[{"a":649,"b":659}]},{"name":"preferredName","required":false,"transform":{"type":"scalar"},"locs":[{"a":682,"b":695}]},{"name":"dateOfBirth","required":false,"transform":{"type":"scalar"},"locs":[{"a":744,"b":755}]},{"name":"livingStatus","required":false,"transform":{"type":"scalar"},"locs":[{"a":777,"b":789}]},{"name":"dateOfDeath","required":false,"transform":{"type":"scalar"},"locs":[{"a":838,"b":849}]}],"statement":"SELECT persona_id AS \"personaId!\", first_name AS \"firstName!\", middle_name AS \"middleName\", last_name AS \"lastName!\",\n       preferred_name AS \"preferredName\", date_of_birth AS \"dateOfBirth\", is_minor AS \"isMinor\",\n       living_status AS \"livingStatus!\", date_of_death AS \"dateOfDeath\", linked_user_id AS \"linkedUserId\",\n       emails AS \"emails!\", phones AS \"phones!\", addresses AS \"addresses!\", relationships AS \"relationships!\",\n       created_at AS \"createdAt!\", updated_at AS \"updatedAt!\"\nFROM api.sp_update_persona(p_persona_id => :personaId!, p_first_name => :firstName, p_last_name => :lastName,\n                           p_middle_name => :middleName, p_preferred_name => :preferredName,\n                           p_date_of_birth => :dateOfBirth, p_living_status => :livingStatus,\n                           p_date_of_death => :dateOfDeath)"};

/**
 * Query generated from SQL:
 * ```
 * SELECT persona_id AS "personaId!", first_name AS "firstName!", middle_name AS "middleName", last_name AS "lastName!",
 *        preferred_name AS "preferredName", date_of_birth AS "dateOfBirth", is_minor AS "isMinor",
 *        living_status AS "livingStatus!", date_of_death AS "dateOfDeath", linked_user_id AS "linkedUserId",
 *        emails AS "emails!", phones AS "phones!", addresses AS "addresses!", relationships AS "relationships!",
 *        created_at AS "createdAt!", updated_at AS "updatedAt!"
 * FROM api.sp_update_persona(p_persona_id => :personaId!, p_first_name => :firstName, p_last_name => :lastName,
 *                            p_middle_name => :middleName, p_preferred_name => :preferredName,
 *                            p_date_of_birth => :dateOfBirth, p_living_status => :livingStatus,
 *                            p_date_of_death => :dateOfDeath)
 * ```
 */
export const updatePersona = new PreparedQuery<IUpdatePersonaParams,IUpdatePersonaResult>(updatePersonaIR);


/** 'LinkUserPersona' parameters type */
export interface ILinkUserPersonaParams {
  linkKind: string;
  personaId: string;
  userId: string;
}

/** 'LinkUserPersona' return type */
export interface ILinkUserPersonaResult {
  linkId: string | null;
  linkKind: string;
  personaId: string;
  status: string;
  userId: string;
}

/** 'LinkUserPersona' query type */
export interface ILinkUserPersonaQuery {
  params: ILinkUserPersonaParams;
  result: ILinkUserPersonaResult;
}

const linkUserPersonaIR: any = {"usedParamSet":{"userId":true,"personaId":true,"linkKind":true},"params":[{"name":"userId","required":true,"transform":{"type":"scalar"},"locs":[{"a":174,"b":181}]},{"name":"personaId","required":true,"transform":{"type":"scalar"},"locs":[{"a":200,"b":210}]},{"name":"linkKind","required":true,"transform":{"type":"scalar"},"locs":[{"a":228,"b":237}]}],"statement":"SELECT link_id AS \"linkId\", user_id AS \"userId!\", persona_id AS \"personaId!\", link_kind AS \"linkKind!\",\n       status AS \"status!\"\nFROM api.sp_link_user_persona(p_user_id => :userId!, p_persona_id => :personaId!, p_link_kind => :linkKind!)"};

/**
 * Query generated from SQL:
 * ```
 * SELECT link_id AS "linkId", user_id AS "userId!", persona_id AS "personaId!", link_kind AS "linkKind!",
 *        status AS "status!"
 * FROM api.sp_link_user_persona(p_user_id => :userId!, p_persona_id => :personaId!, p_link_kind => :linkKind!)
 * ```
 */
export const linkUserPersona = new PreparedQuery<ILinkUserPersonaParams,ILinkUserPersonaResult>(linkUserPersonaIR);


/** 'ListMyLinkInvitations' parameters type */
export interface IListMyLinkInvitationsParams {
  limit: number;
  offset: number;
  sort?: string | null | void;
}

/** 'ListMyLinkInvitations' return type */
export interface IListMyLinkInvitationsResult {
  createdAt: Date;
  invitationId: string;
  invitedByFirstName: string | null;
  invitedByLastName: string | null;
  personaFirstName: string;
  personaId: string;
  personaLastName: string;
  total: number;
}

/** 'ListMyLinkInvitations' query type */
export interface IListMyLinkInvitationsQuery {
  params: IListMyLinkInvitationsParams;
  result: IListMyLinkInvitationsResult;
}

const listMyLinkInvitationsIR: any = {"usedParamSet":{"sort":true,"limit":true,"offset":true},"params":[{"name":"sort","required":false,"transform":{"type":"scalar"},"locs":[{"a":359,"b":363}]},{"name":"limit","required":true,"transform":{"type":"scalar"},"locs":[{"a":377,"b":383}]},{"name":"offset","required":true,"transform":{"type":"scalar"},"locs":[{"a":398,"b":405}]}],"statement":"SELECT invitation_id AS \"invitationId!\", persona_id AS \"personaId!\", persona_first_name AS \"personaFirstName!\",\n       persona_last_name AS \"personaLastName!\", invited_by_first_name AS \"invitedByFirstName\",\n       invited_by_last_name AS \"invitedByLastName\", created_at AS \"createdAt!\",\n       total AS \"total!\"\nFROM api.sp_list_my_link_invitations(p_sort => :sort, p_limit => :limit!, p_offset => :offset!)"};

/**
 * Query generated from SQL:
 * ```
 * SELECT invitation_id AS "invitationId!", persona_id AS "personaId!", persona_first_name AS "personaFirstName!",
 *        persona_last_name AS "personaLastName!", invited_by_first_name AS "invitedByFirstName",
 *        invited_by_last_name AS "invitedByLastName", created_at AS "createdAt!",
 *        total AS "total!"
 * FROM api.sp_list_my_link_invitations(p_sort => :sort, p_limit => :limit!, p_offset => :offset!)
 * ```
 */
export const listMyLinkInvitations = new PreparedQuery<IListMyLinkInvitationsParams,IListMyLinkInvitationsResult>(listMyLinkInvitationsIR);


/** 'AcceptLinkInvitation' parameters type */
export interface IAcceptLinkInvitationParams {
  invitationId: string;
}

/** 'AcceptLinkInvitation' return type */
export interface IAcceptLinkInvitationResult {
  linkId: string;
  linkKind: string;
  personaId: string;
  status: string;
  userId: string;
}

/** 'AcceptLinkInvitation' query type */
export interface IAcceptLinkInvitationQuery {
  params: IAcceptLinkInvitationParams;
  result: IAcceptLinkInvitationResult;
}

const acceptLinkInvitationIR: any = {"usedParamSet":{"invitationId":true},"params":[{"name":"invitationId","required":true,"transform":{"type":"scalar"},"locs":[{"a":186,"b":199}]}],"statement":"SELECT link_id AS \"linkId!\", user_id AS \"userId!\", persona_id AS \"personaId!\", link_kind AS \"linkKind!\",\n       status AS \"status!\"\nFROM api.sp_accept_link_invitation(p_invitation_id => :invitationId!)"};

/**
 * Query generated from SQL:
 * ```
 * SELECT link_id AS "linkId!", user_id AS "userId!", persona_id AS "personaId!", link_kind AS "linkKind!",
 *        status AS "status!"
 * FROM api.sp_accept_link_invitation(p_invitation_id => :invitationId!)
 * ```
 */
export const acceptLinkInvitation = new PreparedQuery<IAcceptLinkInvitationParams,IAcceptLinkInvitationResult>(acceptLinkInvitationIR);


/** 'DeclineLinkInvitation' parameters type */
export interface IDeclineLinkInvitationParams {
  invitationId: string;
}

/** 'DeclineLinkInvitation' return type */
export interface IDeclineLinkInvitationResult {
  declined: undefined | null;
}

/** 'DeclineLinkInvitation' query type */
export interface IDeclineLinkInvitationQuery {
  params: IDeclineLinkInvitationParams;
  result: IDeclineLinkInvitationResult;
}

const declineLinkInvitationIR: any = {"usedParamSet":{"invitationId":true},"params":[{"name":"invitationId","required":true,"transform":{"type":"scalar"},"locs":[{"a":57,"b":70}]}],"statement":"SELECT api.sp_decline_link_invitation(p_invitation_id => :invitationId!) AS \"declined\""};

/**
 * Query generated from SQL:
 * ```
 * SELECT api.sp_decline_link_invitation(p_invitation_id => :invitationId!) AS "declined"
 * ```
 */
export const declineLinkInvitation = new PreparedQuery<IDeclineLinkInvitationParams,IDeclineLinkInvitationResult>(declineLinkInvitationIR);


/** 'RevokeLinkInvitation' parameters type */
export interface IRevokeLinkInvitationParams {
  personaId: string;
  userId: string;
}

/** 'RevokeLinkInvitation' return type */
export interface IRevokeLinkInvitationResult {
  revoked: undefined | null;
}

/** 'RevokeLinkInvitation' query type */
export interface IRevokeLinkInvitationQuery {
  params: IRevokeLinkInvitationParams;
  result: IRevokeLinkInvitationResult;
}

const revokeLinkInvitationIR: any = {"usedParamSet":{"personaId":true,"userId":true},"params":[{"name":"personaId","required":true,"transform":{"type":"scalar"},"locs":[{"a":53,"b":63}]},{"name":"userId","required":true,"transform":{"type":"scalar"},"locs":[{"a":79,"b":86}]}],"statement":"SELECT api.sp_revoke_link_invitation(p_persona_id => :personaId!, p_user_id => :userId!) AS \"revoked\""};

/**
 * Query generated from SQL:
 * ```
 * SELECT api.sp_revoke_link_invitation(p_persona_id => :personaId!, p_user_id => :userId!) AS "revoked"
 * ```
 */
export const revokeLinkInvitation = new PreparedQuery<IRevokeLinkInvitationParams,IRevokeLinkInvitationResult>(revokeLinkInvitationIR);


/** 'AddPersonaEmail' parameters type */
export interface IAddPersonaEmailParams {
  email: string;
  isPrimary: boolean;
  label: string;
  personaId: string;
}

/** 'AddPersonaEmail' return type */
export interface IAddPersonaEmailResult {
  contactId: string;
}

/** 'AddPersonaEmail' query type */
export interface IAddPersonaEmailQuery {
  params: IAddPersonaEmailParams;
  result: IAddPersonaEmailResult;
}

const addPersonaEmailIR: any = {"usedParamSet":{"personaId":true,"email":true,"label":true,"isPrimary":true},"params":[{"name":"personaId","required":true,"transform":{"type":"scalar"},"locs":[{"a":48,"b":58}]},{"name":"email","required":true,"transform":{"type":"scalar"},"locs":[{"a":72,"b":78}]},{"name":"label","required":true,"transform":{"type":"scalar"},"locs":[{"a":92,"b":98}]},{"name":"isPrimary","required":true,"transform":{"type":"scalar"},"locs":[{"a":149,"b":159}]}],"statement":"SELECT api.sp_add_persona_email(p_persona_id => :personaId!, p_email => :email!, p_label => :label!,\n                                p_is_primary => :isPrimary!) AS \"contactId!\""};

/**
 * Query generated from SQL:
 * ```
 * SELECT api.sp_add_persona_email(p_persona_id => :personaId!, p_email => :email!, p_label => :label!,
 *                                 p_is_primary => :isPrimary!) AS "contactId!"
 * ```
 */
export const addPersonaEmail = new PreparedQuery<IAddPersonaEmailParams,IAddPersonaEmailResult>(addPersonaEmailIR);


/** 'AddPersonaPhone' parameters type */
export interface IAddPersonaPhoneParams {
  isPrimary: boolean;
  label: string;
  personaId: string;
  phoneNumber: string;
}

/** 'AddPersonaPhone' return type */
export interface IAddPersonaPhoneResult {
  contactId: string;
}

/** 'AddPersonaPhone' query type */
export interface IAddPersonaPhoneQuery {
  params: IAddPersonaPhoneParams;
  result: IAddPersonaPhoneResult;
}

const addPersonaPhoneIR: any = {"usedParamSet":{"personaId":true,"phoneNumber":true,"label":true,"isPrimary":true},"params":[{"name":"personaId","required":true,"transform":{"type":"scalar"},"locs":[{"a":48,"b":58}]},{"name":"phoneNumber","required":true,"transform":{"type":"scalar"},"locs":[{"a":79,"b":91}]},{"name":"label","required":true,"transform":{"type":"scalar"},"locs":[{"a":105,"b":111}]},{"name":"isPrimary","required":true,"transform":{"type":"scalar"},"locs":[{"a":162,"b":172}]}],"statement":"SELECT api.sp_add_persona_phone(p_persona_id => :personaId!, p_phone_number => :phoneNumber!, p_label => :label!,\n                                p_is_primary => :isPrimary!) AS \"contactId!\""};

/**
 * Query generated from SQL:
 * ```
 * SELECT api.sp_add_persona_phone(p_persona_id => :personaId!, p_phone_number => :phoneNumber!, p_label => :label!,
 *                                 p_is_primary => :isPrimary!) AS "contactId!"
 * ```
 */
export const addPersonaPhone = new PreparedQuery<IAddPersonaPhoneParams,IAddPersonaPhoneResult>(addPersonaPhoneIR);


/** 'AddPersonaAddress' parameters type */
export interface IAddPersonaAddressParams {
  city: string;
  countryCode: string;
  isPrimary: boolean;
  label: string;
  line1: string;
  line2?: string | null | void;
  personaId: string;
  postalCode?: string | null | void;
  region?: string | null | void;
}

/** 'AddPersonaAddress' return type */
export interface IAddPersonaAddressResult {
  contactId: string;
}

/** 'AddPersonaAddress' query type */
export interface IAddPersonaAddressQuery {
  params: IAddPersonaAddressParams;
  result: IAddPersonaAddressResult;
}

const addPersonaAddressIR: any = {"usedParamSet":{"personaId":true,"line1":true,"city":true,"countryCode":true,"line2":true,"region":true,"postalCode":true,"label":true,"isPrimary":true},"params":[{"name":"personaId","required":true,"transform":{"type":"scalar"},"locs":[{"a":50,"b":60}]},{"name":"line1","required":true,"transform":{"type":"scalar"},"locs":[{"a":74,"b":80}]},{"name":"city","required":true,"transform":{"type":"scalar"},"locs":[{"a":93,"b":98}]},{"name":"countryCode","required":true,"transform":{"type":"scalar"},"locs":[{"a":153,"b":165}]},{"name":"line2","required":false,"transform":{"type":"scalar"},"locs":[{"a":179,"b":184}]},{"name":"region","required":false,"transform":{"type":"scalar"},"locs":[{"a":199,"b":205}]},{"name":"postalCode","required":false,"transform":{"type":"scalar"},"locs":[{"a":259,"b":269}]},{"name":"label","required":true,"transform":{"type":"scalar"},"locs":[{"a":283,"b":289}]},{"name":"isPrimary","required":true,"transform":{"type":"scalar"},"locs":[{"a":342,"b":352}]}],"statement":"SELECT api.sp_add_persona_address(p_persona_id => :personaId!, p_line1 => :line1!, p_city => :city!,\n                                  p_country_code => :countryCode!, p_line2 => :line2, p_region => :region,\n                                  p_postal_code => :postalCode, p_label => :label!,\n                                  p_is_primary => :isPrimary!) AS \"contactId!\""};

/**
 * Query generated from SQL:
 * ```
 * SELECT api.sp_add_persona_address(p_persona_id => :personaId!, p_line1 => :line1!, p_city => :city!,
 *                                   p_country_code => :countryCode!, p_line2 => :line2, p_region => :region,
 *                                   p_postal_code => :postalCode, p_label => :label!,
 *                                   p_is_primary => :isPrimary!) AS "contactId!"
 * ```
 */
export const addPersonaAddress = new PreparedQuery<IAddPersonaAddressParams,IAddPersonaAddressResult>(addPersonaAddressIR);


/** 'RemovePersonaContact' parameters type */
export interface IRemovePersonaContactParams {
  contactId: string;
  contactKind: string;
  personaId: string;
}

/** 'RemovePersonaContact' return type */
export interface IRemovePersonaContactResult {
  removed: undefined | null;
}

/** 'RemovePersonaContact' query type */
export interface IRemovePersonaContactQuery {
  params: IRemovePersonaContactParams;
  result: IRemovePersonaContactResult;
}

const removePersonaContactIR: any = {"usedParamSet":{"personaId":true,"contactKind":true,"contactId":true},"params":[{"name":"personaId","required":true,"transform":{"type":"scalar"},"locs":[{"a":53,"b":63}]},{"name":"contactKind","required":true,"transform":{"type":"scalar"},"locs":[{"a":84,"b":96}]},{"name":"contactId","required":true,"transform":{"type":"scalar"},"locs":[{"a":152,"b":162}]}],"statement":"SELECT api.sp_remove_persona_contact(p_persona_id => :personaId!, p_contact_kind => :contactKind!,\n                                     p_contact_id => :contactId!) AS \"removed\""};

/**
 * Query generated from SQL:
 * ```
 * SELECT api.sp_remove_persona_contact(p_persona_id => :personaId!, p_contact_kind => :contactKind!,
 *                                      p_contact_id => :contactId!) AS "removed"
 * ```
 */
export const removePersonaContact = new PreparedQuery<IRemovePersonaContactParams,IRemovePersonaContactResult>(removePersonaContactIR);


/** 'RecordPersonaRelationship' parameters type */
export interface IRecordPersonaRelationshipParams {
  personaId: string;
  relatedPersonaId: string;
  relationshipType: string;
}

/** 'RecordPersonaRelationship' return type */
export interface IRecordPersonaRelationshipResult {
  relationshipId: string;
}

/** 'RecordPersonaRelationship' query type */
export interface IRecordPersonaRelationshipQuery {
  params: IRecordPersonaRelationshipParams;
  result: IRecordPersonaRelationshipResult;
}

const recordPersonaRelationshipIR: any = {"usedParamSet":{"personaId":true,"relatedPersonaId":true,"relationshipType":true},"params":[{"name":"personaId","required":true,"transform":{"type":"scalar"},"locs":[{"a":58,"b":68}]},{"name":"relatedPersonaId","required":true,"transform":{"type":"scalar"},"locs":[{"a":95,"b":112}]},{"name":"relationshipType","required":true,"transform":{"type":"scalar"},"locs":[{"a":180,"b":197}]}],"statement":"SELECT api.sp_record_persona_relationship(p_persona_id => :personaId!, p_related_persona_id => :relatedPersonaId!,\n                                          p_relationship_type => :relationshipType!) AS \"relationshipId!\""};

/**
 * Query generated from SQL:
 * ```
 * SELECT api.sp_record_persona_relationship(p_persona_id => :personaId!, p_related_persona_id => :relatedPersonaId!,
 *                                           p_relationship_type => :relationshipType!) AS "relationshipId!"
 * ```
 */
export const recordPersonaRelationship = new PreparedQuery<IRecordPersonaRelationshipParams,IRecordPersonaRelationshipResult>(recordPersonaRelationshipIR);


/** 'ListAllowedOrigins' parameters type */
export type IListAllowedOriginsParams = void;

/** 'ListAllowedOrigins' return type */
export interface IListAllowedOriginsResult {
  origin: string;
  tenantId: string;
}

/** 'ListAllowedOrigins' query type */
export interface IListAllowedOriginsQuery {
  params: IListAllowedOriginsParams;
  result: IListAllowedOriginsResult;
}

const listAllowedOriginsIR: any = {"usedParamSet":{},"params":[],"statement":"SELECT tenant_id AS \"tenantId!\", origin AS \"origin!\"\nFROM api.sp_list_allowed_origins()"};

/**
 * Query generated from SQL:
 * ```
 * SELECT tenant_id AS "tenantId!", origin AS "origin!"
 * FROM api.sp_list_allowed_origins()
 * ```
 */
export const listAllowedOrigins = new PreparedQuery<IListAllowedOriginsParams,IListAllowedOriginsResult>(listAllowedOriginsIR);


