/** Types generated for queries found in "procedures/calls/tenancy.sql" */
import { PreparedQuery } from '@pgtyped/runtime';

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

export type stringArray = (string)[];

/** 'CreateTenant' parameters type */
export interface ICreateTenantParams {
  branding: Json;
  name: string;
  settings: Json;
  slug: string;
}

/** 'CreateTenant' return type */
export interface ICreateTenantResult {
  createdAt: Date;
  name: string;
  slug: string;
  status: string;
  tenantId: string;
}

/** 'CreateTenant' query type */
export interface ICreateTenantQuery {
  params: ICreateTenantParams;
  result: ICreateTenantResult;
}

const createTenantIR: any = {"usedParamSet":{"slug":true,"name":true,"branding":true,"settings":true},"params":[{"name":"slug","required":true,"transform":{"type":"scalar"},"locs":[{"a":155,"b":160}]},{"name":"name","required":true,"transform":{"type":"scalar"},"locs":[{"a":173,"b":178}]},{"name":"branding","required":true,"transform":{"type":"scalar"},"locs":[{"a":195,"b":204}]},{"name":"settings","required":true,"transform":{"type":"scalar"},"locs":[{"a":221,"b":230}]}],"statement":"SELECT tenant_id AS \"tenantId!\", slug AS \"slug!\", name AS \"name!\", status AS \"status!\", created_at AS \"createdAt!\"\nFROM support.sp_create_tenant(p_slug => :slug!, p_name => :name!, p_branding => :branding!, p_settings => :settings!)"};

/**
 * Query generated from SQL:
 * ```
 * SELECT tenant_id AS "tenantId!", slug AS "slug!", name AS "name!", status AS "status!", created_at AS "createdAt!"
 * FROM support.sp_create_tenant(p_slug => :slug!, p_name => :name!, p_branding => :branding!, p_settings => :settings!)
 * ```
 */
export const createTenant = new PreparedQuery<ICreateTenantParams,ICreateTenantResult>(createTenantIR);


/** 'GetTenantBySlug' parameters type */
export interface IGetTenantBySlugParams {
  slug: string;
}

/** 'GetTenantBySlug' return type */
export interface IGetTenantBySlugResult {
  createdAt: Date;
  name: string;
  slug: string;
  status: string;
  tenantId: string;
}

/** 'GetTenantBySlug' query type */
export interface IGetTenantBySlugQuery {
  params: IGetTenantBySlugParams;
  result: IGetTenantBySlugResult;
}

const getTenantBySlugIR: any = {"usedParamSet":{"slug":true},"params":[{"name":"slug","required":true,"transform":{"type":"scalar"},"locs":[{"a":160,"b":165}]}],"statement":"SELECT tenant_id AS \"tenantId!\", slug AS \"slug!\", name AS \"name!\", status AS \"status!\", created_at AS \"createdAt!\"\nFROM support.sp_get_tenant_by_slug(p_slug => :slug!)"};

/**
 * Query generated from SQL:
 * ```
 * SELECT tenant_id AS "tenantId!", slug AS "slug!", name AS "name!", status AS "status!", created_at AS "createdAt!"
 * FROM support.sp_get_tenant_by_slug(p_slug => :slug!)
 * ```
 */
export const getTenantBySlug = new PreparedQuery<IGetTenantBySlugParams,IGetTenantBySlugResult>(getTenantBySlugIR);


/** 'RegisterIdentityProvider' parameters type */
export interface IRegisterIdentityProviderParams {
  issuer?: string | null | void;
  kind: string;
  region?: string | null | void;
  tenantId: string;
  userPoolId: string;
}

/** 'RegisterIdentityProvider' return type */
export interface IRegisterIdentityProviderResult {
  issuer: string;
  providerId: string;
}

/** 'RegisterIdentityProvider' query type */
export interface IRegisterIdentityProviderQuery {
  params: IRegisterIdentityProviderParams;
  result: IRegisterIdentityProviderResult;
}

const registerIdentityProviderIR: any = {"usedParamSet":{"tenantId":true,"kind":true,"userPoolId":true,"region":true,"issuer":true},"params":[{"name":"tenantId","required":true,"transform":{"type":"scalar"},"locs":[{"a":115,"b":124}]},{"name":"kind","required":true,"transform":{"type":"scalar"},"locs":[{"a":137,"b":142}]},{"name":"userPoolId","required":true,"transform":{"type":"scalar"},"locs":[{"a":163,"b":174}]},{"name":"region","required":false,"transform":{"type":"scalar"},"locs":[{"a":232,"b":238}]},{"name":"issuer","required":false,"transform":{"type":"scalar"},"locs":[{"a":253,"b":259}]}],"statement":"SELECT provider_id AS \"providerId!\", issuer AS \"issuer!\"\nFROM support.sp_register_identity_provider(p_tenant_id => :tenantId!, p_kind => :kind!, p_user_pool_id => :userPoolId!,\n                                           p_region => :region, p_issuer => :issuer)"};

/**
 * Query generated from SQL:
 * ```
 * SELECT provider_id AS "providerId!", issuer AS "issuer!"
 * FROM support.sp_register_identity_provider(p_tenant_id => :tenantId!, p_kind => :kind!, p_user_pool_id => :userPoolId!,
 *                                            p_region => :region, p_issuer => :issuer)
 * ```
 */
export const registerIdentityProvider = new PreparedQuery<IRegisterIdentityProviderParams,IRegisterIdentityProviderResult>(registerIdentityProviderIR);


/** 'RegisterAppClient' parameters type */
export interface IRegisterAppClientParams {
  clientId: string;
  name: string;
  providerId: string;
  tenantId: string;
}

/** 'RegisterAppClient' return type */
export interface IRegisterAppClientResult {
  appClientId: string;
}

/** 'RegisterAppClient' query type */
export interface IRegisterAppClientQuery {
  params: IRegisterAppClientParams;
  result: IRegisterAppClientResult;
}

const registerAppClientIR: any = {"usedParamSet":{"tenantId":true,"providerId":true,"clientId":true,"name":true},"params":[{"name":"tenantId","required":true,"transform":{"type":"scalar"},"locs":[{"a":53,"b":62}]},{"name":"providerId","required":true,"transform":{"type":"scalar"},"locs":[{"a":82,"b":93}]},{"name":"clientId","required":true,"transform":{"type":"scalar"},"locs":[{"a":149,"b":158}]},{"name":"name","required":true,"transform":{"type":"scalar"},"locs":[{"a":171,"b":176}]}],"statement":"SELECT support.sp_register_app_client(p_tenant_id => :tenantId!, p_provider_id => :providerId!,\n                                      p_client_id => :clientId!, p_name => :name!) AS \"appClientId!\""};

/**
 * Query generated from SQL:
 * ```
 * SELECT support.sp_register_app_client(p_tenant_id => :tenantId!, p_provider_id => :providerId!,
 *                                       p_client_id => :clientId!, p_name => :name!) AS "appClientId!"
 * ```
 */
export const registerAppClient = new PreparedQuery<IRegisterAppClientParams,IRegisterAppClientResult>(registerAppClientIR);


/** 'SetAppClientStatus' parameters type */
export interface ISetAppClientStatusParams {
  clientId: string;
  status: string;
  tenantId: string;
}

/** 'SetAppClientStatus' return type */
export interface ISetAppClientStatusResult {
  appClientId: string;
  clientId: string;
  issuer: string;
  status: string;
  updatedAt: Date;
}

/** 'SetAppClientStatus' query type */
export interface ISetAppClientStatusQuery {
  params: ISetAppClientStatusParams;
  result: ISetAppClientStatusResult;
}

const setAppClientStatusIR: any = {"usedParamSet":{"tenantId":true,"clientId":true,"status":true},"params":[{"name":"tenantId","required":true,"transform":{"type":"scalar"},"locs":[{"a":195,"b":204}]},{"name":"clientId","required":true,"transform":{"type":"scalar"},"locs":[{"a":222,"b":231}]},{"name":"status","required":true,"transform":{"type":"scalar"},"locs":[{"a":246,"b":253}]}],"statement":"SELECT app_client_id AS \"appClientId!\", client_id AS \"clientId!\", issuer AS \"issuer!\", status AS \"status!\",\n       updated_at AS \"updatedAt!\"\nFROM support.sp_set_app_client_status(p_tenant_id => :tenantId!, p_client_id => :clientId!, p_status => :status!)"};

/**
 * Query generated from SQL:
 * ```
 * SELECT app_client_id AS "appClientId!", client_id AS "clientId!", issuer AS "issuer!", status AS "status!",
 *        updated_at AS "updatedAt!"
 * FROM support.sp_set_app_client_status(p_tenant_id => :tenantId!, p_client_id => :clientId!, p_status => :status!)
 * ```
 */
export const setAppClientStatus = new PreparedQuery<ISetAppClientStatusParams,ISetAppClientStatusResult>(setAppClientStatusIR);


/** 'SetTenantStatus' parameters type */
export interface ISetTenantStatusParams {
  status: string;
  tenantId: string;
}

/** 'SetTenantStatus' return type */
export interface ISetTenantStatusResult {
  createdAt: Date;
  name: string;
  slug: string;
  status: string;
  tenantId: string;
}

/** 'SetTenantStatus' query type */
export interface ISetTenantStatusQuery {
  params: ISetTenantStatusParams;
  result: ISetTenantStatusResult;
}

const setTenantStatusIR: any = {"usedParamSet":{"tenantId":true,"status":true},"params":[{"name":"tenantId","required":true,"transform":{"type":"scalar"},"locs":[{"a":164,"b":173}]},{"name":"status","required":true,"transform":{"type":"scalar"},"locs":[{"a":188,"b":195}]}],"statement":"SELECT tenant_id AS \"tenantId!\", slug AS \"slug!\", name AS \"name!\", status AS \"status!\", created_at AS \"createdAt!\"\nFROM support.sp_set_tenant_status(p_tenant_id => :tenantId!, p_status => :status!)"};

/**
 * Query generated from SQL:
 * ```
 * SELECT tenant_id AS "tenantId!", slug AS "slug!", name AS "name!", status AS "status!", created_at AS "createdAt!"
 * FROM support.sp_set_tenant_status(p_tenant_id => :tenantId!, p_status => :status!)
 * ```
 */
export const setTenantStatus = new PreparedQuery<ISetTenantStatusParams,ISetTenantStatusResult>(setTenantStatusIR);


/** 'SetTenantAllowedOrigins' parameters type */
export interface ISetTenantAllowedOriginsParams {
  origins: stringArray;
  tenantId: string;
}

/** 'SetTenantAllowedOrigins' return type */
export interface ISetTenantAllowedOriginsResult {
  origin: string;
  tenantId: string;
}

/** 'SetTenantAllowedOrigins' query type */
export interface ISetTenantAllowedOriginsQuery {
  params: ISetTenantAllowedOriginsParams;
  result: ISetTenantAllowedOriginsResult;
}

const setTenantAllowedOriginsIR: any = {"usedParamSet":{"tenantId":true,"origins":true},"params":[{"name":"tenantId","required":true,"transform":{"type":"scalar"},"locs":[{"a":111,"b":120}]},{"name":"origins","required":true,"transform":{"type":"scalar"},"locs":[{"a":136,"b":144}]}],"statement":"SELECT tenant_id AS \"tenantId!\", origin AS \"origin!\"\nFROM support.sp_set_tenant_allowed_origins(p_tenant_id => :tenantId!, p_origins => :origins!)"};

/**
 * Query generated from SQL:
 * ```
 * SELECT tenant_id AS "tenantId!", origin AS "origin!"
 * FROM support.sp_set_tenant_allowed_origins(p_tenant_id => :tenantId!, p_origins => :origins!)
 * ```
 */
export const setTenantAllowedOrigins = new PreparedQuery<ISetTenantAllowedOriginsParams,ISetTenantAllowedOriginsResult>(setTenantAllowedOriginsIR);


