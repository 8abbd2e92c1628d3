/* Typed calls of the family circle procedures: one annotated query per procedure. */

/* @name createFfc */
SELECT ffc_id AS "ffcId!", name AS "name!", description AS "description", my_role AS "myRole!", created_at AS "createdAt!"
FROM api.sp_create_ffc(p_name => :name!, p_description => :description);

/* @name listMyFfcs */
SELECT ffc_id AS "ffcId!", name AS "name!", description AS "description", my_role AS "myRole!",
       member_count AS "memberCount!", created_at AS "createdAt!", total AS "total!"
FROM api.sp_list_my_ffcs(p_q => :q, p_sort => :sort, p_limit => :limit!, p_offset => :offset!);

/* @name addFfcMember */
SELECT membership_id AS "membershipId!", ffc_id AS "ffcId!", persona_id AS "personaId!", role AS "role!"
FROM api.sp_add_ffc_member(p_ffc_id => :ffcId!, p_persona_id => :personaId!, p_role => :role!);

/* @name updateFfcMemberRole */
SELECT membership_id AS "membershipId!", ffc_id AS "ffcId!", persona_id AS "personaId!", role AS "role!"
FROM api.sp_update_ffc_member_role(p_ffc_id => :ffcId!, p_persona_id => :personaId!, p_role => :role!);

/* @name removeFfcMember */
SELECT api.sp_remove_ffc_member(p_ffc_id => :ffcId!, p_persona_id => :personaId!) AS "removed";

/* @name getFfcHierarchy */
SELECT persona_id AS "personaId!", first_name AS "firstName!", last_name AS "lastName!", living_status AS "livingStatus!",
       role AS "role!", parent_persona_id AS "parentPersonaId", depth AS "depth!", relationships AS "relationships!"
FROM api.sp_get_ffc_hierarchy(p_ffc_id => :ffcId!);

/* @name inviteFfcMember */
SELECT invitation_id AS "invitationId!", token AS "token!", expires_at AS "expiresAt!"
FROM api.sp_invite_ffc_member(p_ffc_id => :ffcId!, p_email => :email!, p_role => :role!, p_valid_hours => :validHours!);

/* @name acceptFfcInvitation */
SELECT membership_id AS "membershipId!", ffc_id AS "ffcId!", persona_id AS "personaId!", role AS "role!"
FROM api.sp_accept_ffc_invitation(p_token => :token!);

/* @name revokeFfcInvitation */
SELECT api.sp_revoke_ffc_invitation(p_ffc_id => :ffcId!, p_invitation_id => :invitationId!) AS "revoked";

/* @name getFfc */
SELECT ffc_id AS "ffcId!", name AS "name!", description AS "description", my_role AS "myRole!",
       member_count AS "memberCount!", created_at AS "createdAt!", updated_at AS "updatedAt!"
FROM api.sp_get_ffc(p_ffc_id => :ffcId!);

/* @name updateFfc */
SELECT ffc_id AS "ffcId!", name AS "name!", description AS "description", my_role AS "myRole!",
       member_count AS "memberCount!", created_at AS "createdAt!", updated_at AS "updatedAt!"
FROM api.sp_update_ffc(p_ffc_id => :ffcId!, p_name => :name, p_description => :description,
                       p_clear_description => :clearDescription!);

/* @name deleteFfc */
SELECT api.sp_delete_ffc(p_ffc_id => :ffcId!) AS "deleted";

/* @name listFfcInvitations */
SELECT invitation_id AS "invitationId!", email AS "email!", role AS "role!", status AS "status!",
       expires_at AS "expiresAt!", invited_by_user_id AS "invitedByUserId!", responded_at AS "respondedAt",
       created_at AS "createdAt!", total AS "total!"
FROM api.sp_list_ffc_invitations(p_ffc_id => :ffcId!, p_status => :status, p_q => :q, p_sort => :sort,
                                 p_limit => :limit!, p_offset => :offset!);

/* @name listMyFfcInvitations */
SELECT invitation_id AS "invitationId!", ffc_id AS "ffcId!", ffc_name AS "ffcName!", role AS "role!",
       invited_by_name AS "invitedByName!", expires_at AS "expiresAt!", created_at AS "createdAt!",
       total AS "total!"
FROM api.sp_list_my_ffc_invitations(p_sort => :sort, p_limit => :limit!, p_offset => :offset!);

/* @name getFfcMember */
SELECT membership_id AS "membershipId!", ffc_id AS "ffcId!", persona_id AS "personaId!", role AS "role!"
FROM api.sp_get_ffc_member(p_ffc_id => :ffcId!, p_persona_id => :personaId!);
