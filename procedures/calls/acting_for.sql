/* Typed calls of the acting-for procedures: one annotated query per procedure. */

/* @name listActingForRequests */
SELECT occurred_at AS "occurredAt!", agent_user_id AS "agentUserId!", agent_name AS "agentName", via AS "via!",
       grant_id AS "grantId", procedure_name AS "procedureName!", request_id AS "requestId", total AS "total!"
FROM api.sp_list_acting_for_requests(p_persona_id => :personaId!, p_limit => :limit!, p_offset => :offset!);
