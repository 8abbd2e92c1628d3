/* Typed calls of the fiduciary procedures: one annotated query per procedure. */

/* @name appointFiduciary */
SELECT appointment_id AS "appointmentId!", appointer_kind AS "appointerKind!", appointer_persona_id AS "appointerPersonaId",
       appointer_entity_id AS "appointerEntityId", appointer_name AS "appointerName!", role AS "role!",
       appointee_persona_id AS "appointeePersonaId!", appointee_name AS "appointeeName!", ward_persona_id AS "wardPersonaId",
       ward_name AS "wardName", rank AS "rank!", status AS "status!", acting AS "acting!", nominated_at AS "nominatedAt!",
       accepted_at AS "acceptedAt", declined_at AS "declinedAt", resigned_at AS "resignedAt", removed_at AS "removedAt",
       document_id AS "documentId", notes AS "notes", created_at AS "createdAt!", updated_at AS "updatedAt!"
FROM api.sp_appoint_fiduciary(p_persona_id => :personaId, p_entity_id => :entityId, p_role => :role!,
                              p_appointee_persona_id => :appointeePersonaId!, p_ward_persona_id => :wardPersonaId,
                              p_rank => :rank, p_document_id => :documentId, p_notes => :notes);

/* @name listFiduciaryAppointments */
SELECT appointment_id AS "appointmentId!", appointer_kind AS "appointerKind!", appointer_persona_id AS "appointerPersonaId",
       appointer_entity_id AS "appointerEntityId", appointer_name AS "appointerName!", role AS "role!",
       appointee_persona_id AS "appointeePersonaId!", appointee_name AS "appointeeName!", ward_persona_id AS "wardPersonaId",
       ward_name AS "wardName", rank AS "rank!", status AS "status!", acting AS "acting!", nominated_at AS "nominatedAt!",
       accepted_at AS "acceptedAt", declined_at AS "declinedAt", resigned_at AS "resignedAt", removed_at AS "removedAt",
       document_id AS "documentId", notes AS "notes", created_at AS "createdAt!", updated_at AS "updatedAt!"
FROM api.sp_list_fiduciary_appointments(p_persona_id => :personaId, p_entity_id => :entityId, p_role => :role,
                                       p_include_ended => :includeEnded, p_limit => :limit!, p_offset => :offset!);

/* @name reorderFiduciaryAppointments */
SELECT appointment_id AS "appointmentId!", appointer_kind AS "appointerKind!", appointer_persona_id AS "appointerPersonaId",
       appointer_entity_id AS "appointerEntityId", appointer_name AS "appointerName!", role AS "role!",
       appointee_persona_id AS "appointeePersonaId!", appointee_name AS "appointeeName!", ward_persona_id AS "wardPersonaId",
       ward_name AS "wardName", rank AS "rank!", status AS "status!", acting AS "acting!", nominated_at AS "nominatedAt!",
       accepted_at AS "acceptedAt", declined_at AS "declinedAt", resigned_at AS "resignedAt", removed_at AS "removedAt",
       document_id AS "documentId", notes AS "notes", created_at AS "createdAt!", updated_at AS "updatedAt!"
FROM api.sp_reorder_fiduciary_appointments(p_persona_id => :personaId, p_entity_id => :entityId, p_role => :role!,
                                          p_ward_persona_id => :wardPersonaId, p_appointment_ids => :appointmentIds!);

/* @name acceptFiduciaryAppointment */
SELECT appointment_id AS "appointmentId!", appointer_kind AS "appointerKind!", appointer_persona_id AS "appointerPersonaId",
       appointer_entity_id AS "appointerEntityId", appointer_name AS "appointerName!", role AS "role!",
       appointee_persona_id AS "appointeePersonaId!", appointee_name AS "appointeeName!", ward_persona_id AS "wardPersonaId",
       ward_name AS "wardName", rank AS "rank!", status AS "status!", acting AS "acting!", nominated_at AS "nominatedAt!",
       accepted_at AS "acceptedAt", declined_at AS "declinedAt", resigned_at AS "resignedAt", removed_at AS "removedAt",
       document_id AS "documentId", notes AS "notes", created_at AS "createdAt!", updated_at AS "updatedAt!"
FROM api.sp_accept_fiduciary_appointment(p_appointment_id => :appointmentId!);

/* @name declineFiduciaryAppointment */
SELECT appointment_id AS "appointmentId!", appointer_kind AS "appointerKind!", appointer_persona_id AS "appointerPersonaId",
       appointer_entity_id AS "appointerEntityId", appointer_name AS "appointerName!", role AS "role!",
       appointee_persona_id AS "appointeePersonaId!", appointee_name AS "appointeeName!", ward_persona_id AS "wardPersonaId",
       ward_name AS "wardName", rank AS "rank!", status AS "status!", acting AS "acting!", nominated_at AS "nominatedAt!",
       accepted_at AS "acceptedAt", declined_at AS "declinedAt", resigned_at AS "resignedAt", removed_at AS "removedAt",
       document_id AS "documentId", notes AS "notes", created_at AS "createdAt!", updated_at AS "updatedAt!"
FROM api.sp_decline_fiduciary_appointment(p_appointment_id => :appointmentId!);

/* @name resignFiduciaryAppointment */
SELECT appointment_id AS "appointmentId!", appointer_kind AS "appointerKind!", appointer_persona_id AS "appointerPersonaId",
       appointer_entity_id AS "appointerEntityId", appointer_name AS "appointerName!", role AS "role!",
       appointee_persona_id AS "appointeePersonaId!", appointee_name AS "appointeeName!", ward_persona_id AS "wardPersonaId",
       ward_name AS "wardName", rank AS "rank!", status AS "status!", acting AS "acting!", nominated_at AS "nominatedAt!",
       accepted_at AS "acceptedAt", declined_at AS "declinedAt", resigned_at AS "resignedAt", removed_at AS "removedAt",
       document_id AS "documentId", notes AS "notes", created_at AS "createdAt!", updated_at AS "updatedAt!"
FROM api.sp_resign_fiduciary_appointment(p_appointment_id => :appointmentId!);

/* @name removeFiduciaryAppointment */
SELECT appointment_id AS "appointmentId!", appointer_kind AS "appointerKind!", appointer_persona_id AS "appointerPersonaId",
       appointer_entity_id AS "appointerEntityId", appointer_name AS "appointerName!", role AS "role!",
       appointee_persona_id AS "appointeePersonaId!", appointee_name AS "appointeeName!", ward_persona_id AS "wardPersonaId",
       ward_name AS "wardName", rank AS "rank!", status AS "status!", acting AS "acting!", nominated_at AS "nominatedAt!",
       accepted_at AS "acceptedAt", declined_at AS "declinedAt", resigned_at AS "resignedAt", removed_at AS "removedAt",
       document_id AS "documentId", notes AS "notes", created_at AS "createdAt!", updated_at AS "updatedAt!"
FROM api.sp_remove_fiduciary_appointment(p_appointment_id => :appointmentId!);

/* @name listMyFiduciaryAppointments */
SELECT appointment_id AS "appointmentId!", appointer_kind AS "appointerKind!", appointer_persona_id AS "appointerPersonaId",
       appointer_entity_id AS "appointerEntityId", appointer_name AS "appointerName!", role AS "role!",
       appointee_persona_id AS "appointeePersonaId!", appointee_name AS "appointeeName!", ward_persona_id AS "wardPersonaId",
       ward_name AS "wardName", rank AS "rank!", status AS "status!", acting AS "acting!", nominated_at AS "nominatedAt!",
       accepted_at AS "acceptedAt", declined_at AS "declinedAt", resigned_at AS "resignedAt", removed_at AS "removedAt",
       document_id AS "documentId", notes AS "notes", created_at AS "createdAt!", updated_at AS "updatedAt!"
FROM api.sp_list_my_fiduciary_appointments(p_status => :status, p_limit => :limit!, p_offset => :offset!);

/* @name checkFiduciaries */
SELECT check_code AS "checkCode!", role AS "role!", ward_persona_id AS "wardPersonaId", appointment_id AS "appointmentId",
       detail AS "detail!"
FROM api.sp_check_fiduciaries(p_persona_id => :personaId!);
