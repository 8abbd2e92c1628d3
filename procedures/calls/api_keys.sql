/* Typed calls of the API key procedures: one annotated query per procedure. */

/* @name authenticateApiKey */
SELECT tenant_id AS "tenantId!", api_key_id AS "apiKeyId!", expires_at AS "expiresAt!"
FROM api.sp_authenticate_api_key(p_prefix => :prefix!, p_secret_sha256 => :secretSha256!);

/* @name createApiKey */
SELECT api_key_id AS "apiKeyId!", name AS "name!", prefix AS "prefix!", scopes AS "scopes!", status AS "status!",
       expires_at AS "expiresAt!", last_used_at AS "lastUsedAt", revoked_at AS "revokedAt", created_at AS "createdAt!"
FROM api.sp_create_api_key(p_name => :name!, p_scopes => :scopes!, p_expires_in_days => :expiresInDays!,
                           p_prefix => :prefix!, p_secret_sha256 => :secretSha256!);

/* @name listMyApiKeys */
SELECT api_key_id AS "apiKeyId!", name AS "name!", prefix AS "prefix!", scopes AS "scopes!", status AS "status!",
       expires_at AS "expiresAt!", last_used_at AS "lastUsedAt", revoked_at AS "revokedAt", created_at AS "createdAt!",
       total AS "total!"
FROM api.sp_list_my_api_keys(p_limit => :limit!, p_offset => :offset!);

/* @name revokeApiKey */
SELECT api.sp_revoke_api_key(p_api_key_id => :apiKeyId!) AS "revoked";
