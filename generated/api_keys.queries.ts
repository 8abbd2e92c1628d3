/** Types generated for queries found in "procedures/calls/api_keys.sql" */
import { PreparedQuery } from '@pgtyped/runtime';

export type stringArray = (string)[];

/** 'AuthenticateApiKey' parameters type */
export interface IAuthenticateApiKeyParams {
  prefix: string;
  secretSha256: Buffer;
}

/** 'AuthenticateApiKey' return type */
export interface IAuthenticateApiKeyResult {
  apiKeyId: string;
  expiresAt: Date;
  tenantId: string;
}

/** 'AuthenticateApiKey' query type */
export interface IAuthenticateApiKeyQuery {
  params: IAuthenticateApiKeyParams;
  result: IAuthenticateApiKeyResult;
}

const authenticateApiKeyIR: any = {"usedParamSet":{"prefix":true,"secretSha256":true},"params":[{"name":"prefix","required":true,"transform":{"type":"scalar"},"locs":[{"a":132,"b":139}]},{"name":"secretSha256","required":true,"transform":{"type":"scalar"},"locs":[{"a":161,"b":174}]}],"statement":"SELECT tenant_id AS \"tenantId!\", api_key_id AS \"apiKeyId!\", expires_at AS \"expiresAt!\"\nFROM api.sp_authenticate_api_key(p_prefix => :prefix!, p_secret_sha256 => :secretSha256!)"};

/**
 * Query generated from SQL:
 * ```
 * SELECT tenant_id AS "tenantId!", api_key_id AS "apiKeyId!", expires_at AS "expiresAt!"
 * FROM api.sp_authenticate_api_key(p_prefix => :prefix!, p_secret_sha256 => :secretSha256!)
 * ```
 */
export const authenticateApiKey = new PreparedQuery<IAuthenticateApiKeyParams,IAuthenticateApiKeyResult>(authenticateApiKeyIR);


/** 'CreateApiKey' parameters type */
export interface ICreateApiKeyParams {
  expiresInDays: number;
  name: string;
  prefix: string;
  scopes: stringArray;
  secretSha256: Buffer;
}

/** 'CreateApiKey' return type */
export interface ICreateApiKeyResult {
  apiKeyId: string;
  createdAt: Date;
  expiresAt: Date;
  lastUsedAt: Date | null;
  name: string;
  prefix: string;
  revokedAt: Date | null;
  scopes: stringArray;
  status: string;
}

/** 'CreateApiKey' query type */
export interface ICreateApiKeyQuery {
  params: ICreateApiKeyParams;
  result: ICreateApiKeyResult;
}

const createApiKeyIR: any = {"usedParamSet":{"name":true,"scopes":true,"expiresInDays":true,"prefix":true,"secretSha256":true},"params":[{"name":"name","required":true,"transform":{"type":"scalar"},"locs":[{"a":270,"b":275}]},{"name":"scopes","required":true,"transform":{"type":"scalar"},"locs":[{"a":290,"b":297}]},{"name":"expiresInDays","required":true,"transform":{"type":"scalar"},"locs":[{"a":321,"b":335}]},{"name":"prefix","required":true,"transform":{"type":"scalar"},"locs":[{"a":377,"b":384}]},{"name":"secretSha256","required":true,"transform":{"type":"scalar"},"locs":[{"a":406,"b":419}]}],"statement":"SELECT api_key_id AS \"apiKeyId!\", name AS \"name!\", prefix AS \"prefix!\", scopes AS \"scopes!\", status AS \"status!\",\n       expires_at AS \"expiresAt!\", last_used_at AS \"lastUsedAt\", revoked_at AS \"revokedAt\", created_at AS \"createdAt!\"\nFROM api.sp_create_api_key(p_name => :name!, p_scopes => :scopes!, p_expires_in_days => :expiresInDays!,\n                           p_prefix => :prefix!, p_secret_sha256 => :secretSha256!)"};

/**
 * Query generated from SQL:
 * ```
 * SELECT api_key_id AS "apiKeyId!", name AS "name!", prefix AS "prefix!", scopes AS "scopes!", status AS "status!",
 *        expires_at AS "expiresAt!", last_used_at AS "lastUsedAt", revoked_at AS "revokedAt", created_at AS "createdAt!"
 * FROM api.sp_create_api_key(p_name => :name!, p_scopes => :scopes!, p_expires_in_days => :expiresInDays!,
 *                            p_prefix => :prefix!, p_secret_sha256 => :secretSha256!)
 * ```
 */
export const createApiKey = new PreparedQuery<ICreateApiKeyParams,ICreateApiKeyResult>(createApiKeyIR);


/** 'ListMyApiKeys' parameters type */
export interface IListMyApiKeysParams {
  limit: number;
  offset: number;
}

/** 'ListMyApiKeys' return type */
export interface IListMyApiKeysResult {
  apiKeyId: string;
  createdAt: Date;
  expiresAt: Date;
  lastUsedAt: Date | null;
  name: string;
  prefix: string;
  revokedAt: Date | null;
  scopes: stringArray;
  status: string;
  total: number;
}

/** 'ListMyApiKeys' query type */
export interface IListMyApiKeysQuery {
  params: IListMyApiKeysParams;
  result: IListMyApiKeysResult;
}

const listMyApiKeysIR: any = {"usedParamSet":{"limit":true,"offset":true},"params":[{"name":"limit","required":true,"transform":{"type":"scalar"},"locs":[{"a":299,"b":305}]},{"name":"offset","required":true,"transform":{"type":"scalar"},"locs":[{"a":320,"b":327}]}],"statement":"SELECT api_key_id AS \"apiKeyId!\", name AS \"name!\", prefix AS \"prefix!\", scopes AS \"scopes!\", status AS \"status!\",\n       expires_at AS \"expiresAt!\", last_used_at AS \"lastUsedAt\", revoked_at AS \"revokedAt\", created_at AS \"createdAt!\",\n       total AS \"total!\"\nFROM api.sp_list_my_api_keys(p_limit => :limit!, p_offset => :offset!)"};

/**
 * Query generated from SQL:
 * ```
 * SELECT api_key_id AS "apiKeyId!", name AS "name!", prefix AS "prefix!", scopes AS "scopes!", status AS "status!",
 *        expires_at AS "expiresAt!", last_used_at AS "lastUsedAt", revoked_at AS "revokedAt", created_at AS "createdAt!",
 *        total AS "total!"
 * FROM api.sp_list_my_api_keys(p_limit => :limit!, p_offset => :offset!)
 * ```
 */
export const listMyApiKeys = new PreparedQuery<IListMyApiKeysParams,IListMyApiKeysResult>(listMyApiKeysIR);


/** 'RevokeApiKey' parameters type */
export interface IRevokeApiKeyParams {
  apiKeyId: string;
}

/** 'RevokeApiKey' return type */
export interface IRevokeApiKeyResult {
  revoked: undefined | null;
}

/** 'RevokeApiKey' query type */
export interface IRevokeApiKeyQuery {
  params: IRevokeApiKeyParams;
  result: IRevokeApiKeyResult;
}

const revokeApiKeyIR: any = {"usedParamSet":{"apiKeyId":true},"params":[{"name":"apiKeyId","required":true,"transform":{"type":"scalar"},"locs":[{"a":45,"b":54}]}],"statement":"SELECT api.sp_revoke_api_key(p_api_key_id => :apiKeyId!) AS \"revoked\""};

/**
 * Query generated from SQL:
 * ```
 * SELECT api.sp_revoke_api_key(p_api_key_id => :apiKeyId!) AS "revoked"
 * ```
 */
export const revokeApiKey = new PreparedQuery<IRevokeApiKeyParams,IRevokeApiKeyResult>(revokeApiKeyIR);


