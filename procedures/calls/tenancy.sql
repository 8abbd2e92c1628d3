/* Typed calls of the support procedures for tenants and their identity providers. */

/* @name createTenant */
SELECT tenant_id AS "tenantId!", slug AS "slug!", name AS "name!", status AS "status!", created_at AS "createdAt!"
FROM support.sp_create_tenant(p_slug => :slug!, p_name => :name!, p_branding => :branding!, p_settings => :settings!);

/* @name getTenantBySlug */
SELECT tenant_id AS "tenantId!", slug AS "slug!", name AS "name!", status AS "status!", created_at AS "createdAt!"
FROM support.sp_get_tenant_by_slug(p_slug => :slug!);

/* @name registerIdentityProvider */
SELECT provider_id AS "providerId!", issuer AS "issuer!"
FROM support.sp_register_identity_provider(p_tenant_id => :tenantId!, p_kind => :kind!, p_user_pool_id => :userPoolId!,
                                           p_region => :region, p_issuer => :issuer);

/* @name registerAppClient */
SELECT support.sp_register_app_client(p_tenant_id => :tenantId!, p_provider_id => :providerId!,
                                      p_client_id => :clientId!, p_name => :name!) AS "appClientId!";

/* @name setAppClientStatus */
SELECT app_client_id AS "appClientId!", client_id AS "clientId!", issuer AS "issuer!", status AS "status!",
       updated_at AS "updatedAt!"
FROM support.sp_set_app_client_status(p_tenant_id => :tenantId!, p_client_id => :clientId!, p_status => :status!);

/* @name setTenantStatus */
SELECT tenant_id AS "tenantId!", slug AS "slug!", name AS "name!", status AS "status!", created_at AS "createdAt!"
FROM support.sp_set_tenant_status(p_tenant_id => :tenantId!, p_status => :status!);

/* @name setTenantAllowedOrigins */
SELECT tenant_id AS "tenantId!", origin AS "origin!"
FROM support.sp_set_tenant_allowed_origins(p_tenant_id => :tenantId!, p_origins => :origins!);
