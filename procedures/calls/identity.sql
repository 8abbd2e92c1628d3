/* Typed calls of the identity procedures: one annotated query per procedure. */

/* @name listAuthClients */
SELECT tenant_id AS "tenantId!", provider_kind AS "providerKind!", issuer AS "issuer!",
       user_pool_id AS "userPoolId!", region AS "region", client_id AS "clientId!"
FROM api.sp_list_auth_clients();

/* @name registerUser */
SELECT user_id AS "userId!", persona_id AS "personaId!"
FROM api.sp_register_user(p_first_name => :firstName!, p_last_name => :lastName!, p_date_of_birth => :dateOfBirth);

/* @name syncUserEmail */
SELECT user_id AS "userId!", email AS "email!", status AS "status!", last_login_at AS "lastLoginAt",
       created_at AS "createdAt!", persona_id AS "personaId", first_name AS "firstName", last_name AS "lastName",
       preferred_name AS "preferredName", tenant_slug AS "tenantSlug!", tenant_name AS "tenantName!",
       tenant_branding AS "tenantBranding!"
FROM api.sp_sync_user_email();

/* @name authenticateUser */
SELECT user_id AS "userId!", email AS "email!", status AS "status!", last_login_at AS "lastLoginAt",
       created_at AS "createdAt!", persona_id AS "personaId", first_name AS "firstName", last_name AS "lastName",
       preferred_name AS "preferredName", tenant_slug AS "tenantSlug!", tenant_name AS "tenantName!",
       tenant_branding AS "tenantBranding!"
FROM api.sp_authenticate_user(p_session_ref => :sessionRef!, p_user_agent => :userAgent, p_ip_address => :ipAddress);

/* @name getCurrentUser */
SELECT user_id AS "userId!", email AS "email!", status AS "status!", last_login_at AS "lastLoginAt",
       created_at AS "createdAt!", persona_id AS "personaId", first_name AS "firstName", last_name AS "lastName",
       preferred_name AS "preferredName", tenant_slug AS "tenantSlug!", tenant_name AS "tenantName!",
       tenant_branding AS "tenantBranding!"
FROM api.sp_get_current_user();

/* @name deactivateUser */
SELECT user_id AS "userId!", status AS "status!", deactivated_at AS "deactivatedAt!"
FROM api.sp_deactivate_user();

/* @name listMySessions */
SELECT session_id AS "sessionId!", started_at AS "startedAt!", last_seen_at AS "lastSeenAt!", revoked_at AS "revokedAt",
       user_agent AS "userAgent", ip_address AS "ipAddress", is_current AS "current!", total AS "total!"
FROM api.sp_list_my_sessions(p_limit => :limit!, p_offset => :offset!);

/* @name revokeMySession */
SELECT api.sp_revoke_my_session(p_session_id => :sessionId!) AS "revoked";

/* @name createPersona */
SELECT persona_id AS "personaId!", first_name AS "firstName!", middle_name AS "middleName", last_name AS "lastName!",
       preferred_name AS "preferredName", date_of_birth AS "dateOfBirth", is_minor AS "isMinor",
       living_status AS "livingStatus!", date_of_death AS "dateOfDeath", linked_user_id AS "linkedUserId",
       emails AS "emails!", phones AS "phones!", addresses AS "addresses!", relationships AS "relationships!",
       created_at AS "createdAt!", updated_at AS "updatedAt!"
FROM api.sp_create_persona(p_first_name => :firstName!, p_last_name => :lastName!, p_middle_name => :middleName,
                           p_preferred_name => :preferredName, p_date_of_birth => :dateOfBirth,
                           p_living_status => :livingStatus, p_date_of_death => :dateOfDeath);

/* @name getPersona */
SELECT persona_id AS "personaId!", first_name AS "firstName!", middle_name AS "middleName", last_name AS "lastName!",
       preferred_name AS "preferredName", date_of_birth AS "dateOfBirth", is_minor AS "isMinor",
       living_status AS "livingStatus!", date_of_death AS "dateOfDeath", linked_user_id AS "linkedUserId",
       emails AS "emails!", phones AS "phones!", addresses AS "addresses!", relationships AS "relationships!",
       created_at AS "createdAt!", updated_at AS "updatedAt!"
FROM api.sp_get_persona(p_persona_id => :personaId!);

/* @name listMyPersonas */
SELECT persona_id AS "personaId!", first_name AS "firstName!", last_name AS "lastName!",
       preferred_name AS "preferredName", link_kind AS "linkKind!", living_status AS "livingStatus!",
       created_at AS "createdAt!", total AS "total!"
FROM api.sp_list_my_personas(p_q => :q, p_sort => :sort, p_limit => :limit!, p_offset => :offset!);

/* @name updatePersona */
SELECT persona_id AS "personaId!", first_name AS "firstName!", middle_name AS "middleName", last_name AS "lastName!",
       preferred_name AS "preferredName", date_of_birth AS "dateOfBirth", is_minor AS "isMinor",
       living_status AS "livingStatus!", date_of_death AS "dateOfDeath", linked_user_id AS "linkedUserId",
       emails AS "emails!", phones AS "phones!", addresses AS "addresses!", relationships AS "relationships!",
       created_at AS "createdAt!", updated_at AS "updatedAt!"
FROM api.sp_update_persona(p_persona_id => :personaId!, p_first_name => :firstName, p_last_name => :lastName,
                           p_middle_name => :middleName, p_preferred_name => :preferredName,
                           p_date_of_birth => :dateOfBirth, p_living_status => :livingStatus,
                           p_date_of_death => :dateOfDeath);

/* @name linkUserPersona */
SELECT link_id AS "linkId", user_id AS "userId!", persona_id AS "personaId!", link_kind AS "linkKind!",
       status AS "status!"
FROM api.sp_link_user_persona(p_user_id => :userId!, p_persona_id => :personaId!, p_link_kind => :linkKind!);

/* @name listMyLinkInvitations */
SELECT invitation_id AS "invitationId!", persona_id AS "personaId!", persona_first_name AS "personaFirstName!",
       persona_last_name AS "personaLastName!", invited_by_first_name AS "invitedByFirstName",
       invited_by_last_name AS "invitedByLastName", created_at AS "createdAt!",
       total AS "total!"
FROM api.sp_list_my_link_invitations(p_sort => :sort, p_limit => :limit!, p_offset => :offset!);

/* @name acceptLinkInvitation */
SELECT link_id AS "linkId!", user_id AS "userId!", persona_id AS "personaId!", link_kind AS "linkKind!",
       status AS "status!"
FROM api.sp_accept_link_invitation(p_invitation_id => :invitationId!);

/* @name declineLinkInvitation */
SELECT api.sp_decline_link_invitation(p_invitation_id => :invitationId!) AS "declined";

/* @name revokeLinkInvitation */
SELECT api.sp_revoke_link_invitation(p_persona_id => :personaId!, p_user_id => :userId!) AS "revoked";

/* @name addPersonaEmail */
SELECT api.sp_add_persona_email(p_persona_id => :personaId!, p_email => :email!, p_label => :label!,
                                p_is_primary => :isPrimary!) AS "contactId!";

/* @name addPersonaPhone */
SELECT api.sp_add_persona_phone(p_persona_id => :personaId!, p_phone_number => :phoneNumber!, p_label => :label!,
                                p_is_primary => :isPrimary!) AS "contactId!";

/* @name addPersonaAddress */
SELECT api.sp_add_persona_address(p_persona_id => :personaId!, p_line1 => :line1!, p_city => :city!,
                                  p_country_code => :countryCode!, p_line2 => :line2, p_region => :region,
                                  p_postal_code => :postalCode, p_label => :label!,
                                  p_is_primary => :isPrimary!) AS "contactId!";

/* @name removePersonaContact */
SELECT api.sp_remove_persona_contact(p_persona_id => :personaId!, p_contact_kind => :contactKind!,
                                     p_contact_id => :contactId!) AS "removed";

/* @name recordPersonaRelationship */
SELECT api.sp_record_persona_relationship(p_persona_id => :personaId!, p_related_persona_id => :relatedPersonaId!,
                                          p_relationship_type => :relationshipType!) AS "relationshipId!";

/* @name listAllowedOrigins */
SELECT tenant_id AS "tenantId!", origin AS "origin!"
FROM api.sp_list_allowed_origins();
