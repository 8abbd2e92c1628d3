/* Typed calls of the support door's procedures (procedures/support.sql). */

/* @name registerStaffPool */
SELECT provider_id AS "providerId!", issuer AS "issuer!"
FROM support.sp_register_staff_pool(p_kind => :kind!, p_user_pool_id => :userPoolId!, p_region => :region,
                                    p_issuer => :issuer);

/* @name registerStaffClient */
SELECT support.sp_register_staff_client(p_provider_id => :providerId!, p_client_id => :clientId!,
                                        p_name => :name!) AS "appClientId!";

/* @name addStaff */
SELECT staff_id AS "staffId!", email AS "email!", display_name AS "displayName!", status AS "status!",
       created_at AS "createdAt!"
FROM support.sp_add_staff(p_user_pool_id => :userPoolId!, p_cognito_sub => :cognitoSub!, p_email => :email!,
                          p_display_name => :displayName!);

/* @name setStaffStatus */
SELECT staff_id AS "staffId!", email AS "email!", display_name AS "displayName!", status AS "status!",
       created_at AS "createdAt!"
FROM support.sp_set_staff_status(p_email => :email!, p_status => :status!);

/* @name listStaffAuthClients */
SELECT provider_kind AS "providerKind!", issuer AS "issuer!", user_pool_id AS "userPoolId!", region,
       client_id AS "clientId!"
FROM support.sp_list_staff_auth_clients();

/* @name getCurrentStaff */
SELECT staff_id AS "staffId!", email AS "email!", display_name AS "displayName!", status AS "status!",
       created_at AS "createdAt!"
FROM support.sp_get_current_staff();

/* @name findTenants */
SELECT tenant_id AS "tenantId!", slug AS "slug!", name AS "name!", status AS "status!", created_at AS "createdAt!"
FROM support.sp_find_tenants(p_query => :query, p_status => :status, p_limit => :limit!, p_offset => :offset!);

/* @name findUsers */
SELECT user_id AS "userId!", persona_id AS "personaId", email_masked AS "emailMasked!", name_masked AS "nameMasked",
       status AS "status!", last_login_at AS "lastLoginAt", created_at AS "createdAt!"
FROM support.sp_find_users(p_tenant_id => :tenantId!, p_query => :query, p_limit => :limit!, p_offset => :offset!);

/* @name getUserPersonas */
SELECT persona_id AS "personaId!", link_kind AS "linkKind!", name_masked AS "nameMasked!",
       living_status AS "livingStatus!", emails_masked AS "emailsMasked!", phones_masked AS "phonesMasked!",
       addresses_masked AS "addressesMasked!"
FROM support.sp_get_user_personas(p_tenant_id => :tenantId!, p_user_id => :userId!);

/* @name getUserCircles */
SELECT ffc_id AS "ffcId!", name_masked AS "nameMasked!", persona_id AS "personaId!", role AS "role!",
       membership_status AS "membershipStatus!", active_members AS "activeMembers!", joined_at AS "joinedAt!"
FROM support.sp_get_user_circles(p_tenant_id => :tenantId!, p_user_id => :userId!);

/* @name setUserStatus */
SELECT user_id AS "userId!", status AS "status!", suspended_at AS "suspendedAt"
FROM support.sp_set_user_status(p_tenant_id => :tenantId!, p_user_id => :userId!, p_status => :status!);

/* @name listUserSessions */
SELECT session_id AS "sessionId!", started_at AS "startedAt!", last_seen_at AS "lastSeenAt!", revoked_at AS "revokedAt",
       revoked_by AS "revokedBy", user_agent AS "userAgent", ip_masked AS "ipMasked"
FROM support.sp_list_user_sessions(p_tenant_id => :tenantId!, p_user_id => :userId!, p_limit => :limit!,
                                   p_offset => :offset!);

/* @name revokeUserSessions */
SELECT support.sp_revoke_user_sessions(p_tenant_id => :tenantId!, p_user_id => :userId!,
                                       p_session_id => :sessionId) AS "revoked!";

/* @name readAuditLog */
SELECT audit_id AS "auditId!", occurred_at AS "occurredAt!", actor_kind AS "actorKind!", actor_id AS "actorId",
       request_id AS "requestId", table_name AS "tableName!", row_id AS "rowId", operation AS "operation!",
       changed_columns AS "changedColumns", changes
FROM support.sp_read_audit_log(p_tenant_id => :tenantId!, p_user_id => :userId, p_persona_id => :personaId,
                               p_request_id => :requestId, p_limit => :limit!, p_offset => :offset!);

/* @name listStoredExchangeRates */
SELECT base_currency AS "baseCurrency!", quote_currency AS "quoteCurrency!", rate_date AS "rateDate!", rate AS "rate!",
       updated_at AS "updatedAt!"
FROM support.sp_list_exchange_rates(p_base_currency => :baseCurrency, p_quote_currency => :quoteCurrency,
                                    p_limit => :limit!, p_offset => :offset!);

/* @name grantUnmask */
SELECT grant_id AS "grantId!", user_id AS "userId!", scope AS "scope!", reason AS "reason!", ticket_ref AS "ticketRef!",
       granted_at AS "grantedAt!", expires_at AS "expiresAt!"
FROM support.sp_grant_unmask(p_tenant_id => :tenantId!, p_user_id => :userId!, p_reason => :reason!,
                             p_ticket_ref => :ticketRef!, p_minutes => :minutes!);

/* @name getUserPersonasUnmasked */
SELECT persona_id AS "personaId!", link_kind AS "linkKind!", first_name AS "firstName!", last_name AS "lastName!",
       emails AS "emails!", phones AS "phones!", addresses AS "addresses!", grant_expires_at AS "grantExpiresAt!"
FROM support.sp_get_user_personas_unmasked(p_tenant_id => :tenantId!, p_user_id => :userId!);

/* @name listMySupportAccess */
SELECT grant_id AS "grantId!", scope AS "scope!", reason AS "reason!", ticket_ref AS "ticketRef!",
       granted_at AS "grantedAt!", expires_at AS "expiresAt!", view_count AS "viewCount!",
       last_viewed_at AS "lastViewedAt"
FROM api.sp_list_my_support_access(p_limit => :limit!, p_offset => :offset!);
