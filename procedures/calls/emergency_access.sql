/* Typed calls of the emergency-access procedures: one annotated query per procedure. */

/* @name createEmergencyAccess */
SELECT grant_id AS "grantId!", role AS "role!", grantor_user_id AS "grantorUserId!", grantor_persona_id AS "grantorPersonaId!",
       grantor_name AS "grantorName!", grantee_user_id AS "granteeUserId", scope AS "scope!", wait_days AS "waitDays!",
       access_days AS "accessDays!", state AS "state!", recovery_requested_at AS "recoveryRequestedAt",
       wait_ends_at AS "waitEndsAt", approved_at AS "approvedAt", approved_by AS "approvedBy", access_ends_at AS "accessEndsAt",
       revoked_at AS "revokedAt", revoked_by AS "revokedBy", created_at AS "createdAt!", updated_at AS "updatedAt!"
FROM api.sp_create_emergency_access(p_grantee_user_id => :granteeUserId, p_grantee_email => :granteeEmail,
                                    p_scope => :scope!, p_wait_days => :waitDays!);

/* @name listEmergencyAccess */
SELECT grant_id AS "grantId!", role AS "role!", grantor_user_id AS "grantorUserId!", grantor_persona_id AS "grantorPersonaId!",
       grantor_name AS "grantorName!", grantee_user_id AS "granteeUserId", scope AS "scope!", wait_days AS "waitDays!",
       access_days AS "accessDays!", state AS "state!", recovery_requested_at AS "recoveryRequestedAt",
       wait_ends_at AS "waitEndsAt", approved_at AS "approvedAt", approved_by AS "approvedBy", access_ends_at AS "accessEndsAt",
       revoked_at AS "revokedAt", revoked_by AS "revokedBy", created_at AS "createdAt!", updated_at AS "updatedAt!"
FROM api.sp_list_emergency_access(p_role => :role, p_limit => :limit!, p_offset => :offset!);

/* @name acceptEmergencyAccess */
SELECT grant_id AS "grantId!", role AS "role!", grantor_user_id AS "grantorUserId!", grantor_persona_id AS "grantorPersonaId!",
       grantor_name AS "grantorName!", grantee_user_id AS "granteeUserId", scope AS "scope!", wait_days AS "waitDays!",
       access_days AS "accessDays!", state AS "state!", recovery_requested_at AS "recoveryRequestedAt",
       wait_ends_at AS "waitEndsAt", approved_at AS "approvedAt", approved_by AS "approvedBy", access_ends_at AS "accessEndsAt",
       revoked_at AS "revokedAt", revoked_by AS "revokedBy", created_at AS "createdAt!", updated_at AS "updatedAt!"
FROM api.sp_accept_emergency_access(p_grant_id => :grantId!);

/* @name confirmEmergencyAccess */
SELECT grant_id AS "grantId!", role AS "role!", grantor_user_id AS "grantorUserId!", grantor_persona_id AS "grantorPersonaId!",
       grantor_name AS "grantorName!", grantee_user_id AS "granteeUserId", scope AS "scope!", wait_days AS "waitDays!",
       access_days AS "accessDays!", state AS "state!", recovery_requested_at AS "recoveryRequestedAt",
       wait_ends_at AS "waitEndsAt", approved_at AS "approvedAt", approved_by AS "approvedBy", access_ends_at AS "accessEndsAt",
       revoked_at AS "revokedAt", revoked_by AS "revokedBy", created_at AS "createdAt!", updated_at AS "updatedAt!"
FROM api.sp_confirm_emergency_access(p_grant_id => :grantId!);

/* @name requestEmergencyAccess */
SELECT grant_id AS "grantId!", role AS "role!", grantor_user_id AS "grantorUserId!", grantor_persona_id AS "grantorPersonaId!",
       grantor_name AS "grantorName!", grantee_user_id AS "granteeUserId", scope AS "scope!", wait_days AS "waitDays!",
       access_days AS "accessDays!", state AS "state!", recovery_requested_at AS "recoveryRequestedAt",
       wait_ends_at AS "waitEndsAt", approved_at AS "approvedAt", approved_by AS "approvedBy", access_ends_at AS "accessEndsAt",
       revoked_at AS "revokedAt", revoked_by AS "revokedBy", created_at AS "createdAt!", updated_at AS "updatedAt!"
FROM api.sp_request_emergency_access(p_grant_id => :grantId!);

/* @name approveEmergencyAccess */
SELECT grant_id AS "grantId!", role AS "role!", grantor_user_id AS "grantorUserId!", grantor_persona_id AS "grantorPersonaId!",
       grantor_name AS "grantorName!", grantee_user_id AS "granteeUserId", scope AS "scope!", wait_days AS "waitDays!",
       access_days AS "accessDays!", state AS "state!", recovery_requested_at AS "recoveryRequestedAt",
       wait_ends_at AS "waitEndsAt", approved_at AS "approvedAt", approved_by AS "approvedBy", access_ends_at AS "accessEndsAt",
       revoked_at AS "revokedAt", revoked_by AS "revokedBy", created_at AS "createdAt!", updated_at AS "updatedAt!"
FROM api.sp_approve_emergency_access(p_grant_id => :grantId!);

/* @name refuseEmergencyAccess */
SELECT grant_id AS "grantId!", role AS "role!", grantor_user_id AS "grantorUserId!", grantor_persona_id AS "grantorPersonaId!",
       grantor_name AS "grantorName!", grantee_user_id AS "granteeUserId", scope AS "scope!", wait_days AS "waitDays!",
       access_days AS "accessDays!", state AS "state!", recovery_requested_at AS "recoveryRequestedAt",
       wait_ends_at AS "waitEndsAt", approved_at AS "approvedAt", approved_by AS "approvedBy", access_ends_at AS "accessEndsAt",
       revoked_at AS "revokedAt", revoked_by AS "revokedBy", created_at AS "createdAt!", updated_at AS "updatedAt!"
FROM api.sp_refuse_emergency_access(p_grant_id => :grantId!);

/* @name revokeEmergencyAccess */
SELECT grant_id AS "grantId!", role AS "role!", grantor_user_id AS "grantorUserId!", grantor_persona_id AS "grantorPersonaId!",
       grantor_name AS "grantorName!", grantee_user_id AS "granteeUserId", scope AS "scope!", wait_days AS "waitDays!",
       access_days AS "accessDays!", state AS "state!", recovery_requested_at AS "recoveryRequestedAt",
       wait_ends_at AS "waitEndsAt", approved_at AS "approvedAt", approved_by AS "approvedBy", access_ends_at AS "accessEndsAt",
       revoked_at AS "revokedAt", revoked_by AS "revokedBy", created_at AS "createdAt!", updated_at AS "updatedAt!"
FROM api.sp_revoke_emergency_access(p_grant_id => :grantId!);

/* @name readEmergencyAccessAssets */
SELECT asset_id AS "assetId!", asset_type AS "assetType!", category_code AS "categoryCode!", name AS "name!",
       currency AS "currency!", is_liability AS "isLiability!", ownership_percentage AS "ownershipPercentage!",
       current_value AS "currentValue", current_value_currency AS "currentValueCurrency", valued_on AS "valuedOn",
       total AS "total!"
FROM api.sp_read_emergency_access_assets(p_grant_id => :grantId!, p_limit => :limit!, p_offset => :offset!);

/* @name settleEmergencyAccess */
SELECT tenant_id AS "tenantId!", grant_id AS "grantId!", state AS "state!"
FROM support.sp_settle_emergency_access(p_tenant_id => :tenantId, p_limit => :limit!);
