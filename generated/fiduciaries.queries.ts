/** Types generated for queries found in "procedures/calls/fiduciaries.sql" */
import { PreparedQuery } from '@pgtyped/runtime';

export type stringArray = (string)[];

/** 'AppointFiduciary' parameters type */
export interface IAppointFiduciaryParams {
  appointeePersonaId: string;
  documentId?: string | null | void;
  entityId?: string | null | void;
  notes?: string | null | void;
  personaId?: string | null | void;
  rank?: number | null | void;
  role: string;
  wardPersonaId?: string | null | void;
}

/** 'AppointFiduciary' return type */
export interface IAppointFiduciaryResult {
  acceptedAt: Date | null;
  acting: boolean;
  appointeeName: string;
  appointeePersonaId: string;
  appointerEntityId: string | null;
  appointerKind: string;
  appointerName: string;
  appointerPersonaId: string | null;
  appointmentId: string;
  createdAt: Date;
  declinedAt: Date | null;
  documentId: string | null;
  nominatedAt: Date;
  notes: string | null;
  rank: number;
  removedAt: Date | null;
  resignedAt: Date | null;
  role: string;
  status: string;
  updatedAt: Date;
  wardName: string | null;
  wardPersonaId: string | null;
}

/** 'AppointFiduciary' query type */
export interface IAppointFiduciaryQuery {
  params: IAppointFiduciaryParams;
  result: IAppointFiduciaryResult;
}

const appointFiduciaryIR: any = {"usedParamSet":{"personaId":true,"entityId":true,"role":true,"appointeePersonaId":true,"wardPersonaId":true,"rank":true,"documentId":true,"notes":true},"params":[{"name":"personaId","required":false,"transform":{"type":"scalar"},"locs":[{"a":754,"b":763}]},{"name":"entityId","required":false,"transform":{"type":"scalar"},"locs":[{"a":781,"b":789}]},{"name":"role","required":true,"transform":{"type":"scalar"},"locs":[{"a":802,"b":807}]},{"name":"appointeePersonaId","required":true,"transform":{"type":"scalar"},"locs":[{"a":866,"b":885}]},{"name":"wardPersonaId","required":false,"transform":{"type":"scalar"},"locs":[{"a":909,"b":922}]},{"name":"rank","required":false,"transform":{"type":"scalar"},"locs":[{"a":965,"b":969}]},{"name":"documentId","required":false,"transform":{"type":"scalar"},"locs":[{"a":989,"b":999}]},{"name":"notes","required":false,"transform":{"type":"scalar"},"locs":[{"a":1013,"b":1018}]}],"statement":"SELECT appointment_id AS \"appointmentId!\", appointer_kind AS \"appointerKind!\", appointer_persona_id AS \"appointerPersonaId\",\n       appointer_entity_id AS \"appointerEntityId\", appointer_name AS \"appointerName!\", role AS \"role!\",\n       appointee_persona_id AS \"appointeePersonaId!\", appointee_name AS \"appointeeName!\", ward_persona_id AS \"wardPersonaId\",\n       ward_name AS \"wardName\", rank AS \"rank!\", status AS \"status!\", acting AS \"acting!\", nominated_at AS \"nominatedAt!\",\n       accepted_at AS \"acceptedAt\", declined_at AS \"declinedAt\", resigned_at AS \"resignedAt\", removed_at AS \"removedAt\",\n       document_id AS \"documentId\", notes AS \"notes\", created_at AS \"createdAt!\", updated_at AS \"updatedAt!\"\nFROM api.sp_appoint_fiduciary(p_persona_id => :personaId, p_entity_id => :entityId, p_role => :role!,\n                              p_appointee_persona_id => :appointeePersonaId!, p_ward_persona_id => :wardPersonaId,\n                              p_rank => :rank, p_document_id => :documentId, p_notes => :notes)"};

/**
 * Query generated from SQL:
 * ```
 * SELECT appointment_id AS "appointmentId!", appointer_kind AS "appointerKind!", appointer_persona_id AS "appointerPersonaId",
 *        appointer_entity_id AS "appointerEntityId", appointer_name AS "appointerName!", role AS "role!",
 *        appointee_persona_id AS "appointeePersonaId!", appointee_name AS "appointeeName!", ward_persona_id AS "wardPersonaId",
 *        ward_name AS "wardName", rank AS "rank!", status AS "status!", acting AS "acting!", nominated_at AS "nominatedAt!",
 *        accepted_at AS "acceptedAt", declined_at AS "declinedAt", resigned_at AS "resignedAt", removed_at AS "removedAt",
 *        document_id AS "documentId", notes AS "notes", created_at AS "createdAt!", updated_at AS "updatedAt!"
 * FROM api.sp_appoint_fiduciary(p_persona_id => :personaId, p_entity_id => :entityId, p_role => :role!,
 *                               p_appointee_persona_id => :appointeePersonaId!, p_ward_persona_id => :wardPersonaId,
 *                               p_rank => :rank, p_document_id => :documentId, p_notes => :notes)
 * ```
 */
export const appointFiduciary = new PreparedQuery<IAppointFiduciaryParams,IAppointFiduciaryResult>(appointFiduciaryIR);


/** 'ListFiduciaryAppointments' parameters type */
export interface IListFiduciaryAppointmentsParams {
  entityId?: string | null | void;
  includeEnded?: boolean | null | void;
  limit: number;
  offset: number;
  personaId?: string | null | void;
  role?: string | null | void;
}

/** 'ListFiduciaryAppointments' return type */
export interface IListFiduciaryAppointmentsResult {
  acceptedAt: Date | null;
  acting: boolean;
  appointeeName: string;
  appointeePersonaId: string;
  appointerEntityId: string | null;
  appointerKind: string;
  appointerName: string;
  appointerPersonaId: string | null;
  appointmentId: string;
  createdAt: Date;
  declinedAt: Date | null;
  documentId: string | null;
  nominatedAt: Date;
  notes: string | null;
  rank: number;
  removedAt: Date | null;
  resignedAt: Date | null;
  role: string;
  status: string;
  updatedAt: Date;
  wardName: string | null;
  wardPersonaId: string | null;
}

/** 'ListFiduciaryAppointments' query type */
export interface IListFiduciaryAppointmentsQuery {
  params: IListFiduciaryAppointmentsParams;
  result: IListFiduciaryAppointmentsResult;
}

const listFiduciaryAppointmentsIR: any = {"usedParamSet":{"personaId":true,"entityId":true,"role":true,"includeEnded":true,"limit":true,"offset":true},"params":[{"name":"personaId","required":false,"transform":{"type":"scalar"},"locs":[{"a":764,"b":773}]},{"name":"entityId","required":false,"transform":{"type":"scalar"},"locs":[{"a":791,"b":799}]},{"name":"role","required":false,"transform":{"type":"scalar"},"locs":[{"a":812,"b":816}]},{"name":"includeEnded","required":false,"transform":{"type":"scalar"},"locs":[{"a":877,"b":889}]},{"name":"limit","required":true,"transform":{"type":"scalar"},"locs":[{"a":903,"b":909}]},{"name":"offset","required":true,"transform":{"type":"scalar"},"locs":[{"a":924,"b":931}]}],"statement":"SELECT appointment_id AS \"appointmentId!\", appointer_kind AS \"appointerKind!\", appointer_persona_id AS \"appointerPersonaId\",\n       appointer_entity_id AS \"appointerEntityId\", appointer_name AS \"appointerName!\", role AS \"role!\",\n       appointee_persona_id AS \"appointeePersonaId!\", appointee_name AS \"appointeeName!\", ward_persona_id AS \"wardPersonaId\",\n       ward_name AS \"wardName\", rank AS \"rank!\", status AS \"status!\", acting AS \"acting!\", nominated_at AS \"nominatedAt!\",\n       accepted_at AS \"acceptedAt\", declined_at AS \"declinedAt\", resigned_at AS \"resignedAt\", removed_at AS \"removedAt\",\n       document_id AS \"documentId\", notes AS \"notes\", created_at AS \"createdAt!\", updated_at AS \"updatedAt!\"\nFROM api.sp_list_fiduciary_appointments(p_persona_id => :personaId, p_entity_id => :entityId, p_role => :role,\n                                       p_include_ended => :includeEnded, p_limit => :limit!, p_offset => :offset!)"};

/**
 * Query generated from SQL:
 * ```
 * SELECT appointment_id AS "appointmentId!", appointer_kind AS "appointerKind!", appointer_persona_id AS "appointerPersonaId",
 *        appointer_entity_id AS "appointerEntityId", appointer_name AS "appointerName!", role AS "role!",
 *        appointee_persona_id AS "appointeePersonaId!", appointee_name AS "appointeeName!", ward_persona_id AS "wardPersonaId",
 *        ward_name AS "wardName", rank AS "rank!", status AS "status!", acting AS "acting!", nominated_at AS "nominatedAt!",
 *        accepted_at AS "acceptedAt", declined_at AS "declinedAt", resigned_at AS "resignedAt", removed_at AS "removedAt",
 *        document_id AS "documentId", notes AS "notes", created_at AS "createdAt!", updated_at AS "updatedAt!"
 * FROM api.sp_list_fiduciary_appointments(p_persona_id => :personaId, p_entity_id => :entityId, p_role => :role,
 *                                        p_include_ended => :includeEnded, p_limit => :limit!, p_offset => :offset!)
 * ```
 */
export const listFiduciaryAppointments = new PreparedQuery<IListFiduciaryAppointmentsParams,IListFiduciaryAppointmentsResult>(listFiduciaryAppointmentsIR);


/** 'ReorderFiduciaryAppointments' parameters type */
export interface IReorderFiduciaryAppointmentsParams {
  appointmentIds: stringArray;
  entityId?: string | null | void;
  personaId?: string | null | void;
  role: string;
  wardPersonaId?: string | null | void;
}

/** 'ReorderFiduciaryAppointments' return type */
export interface IReorderFiduciaryAppointmentsResult {
  acceptedAt: Date | null;
  acting: boolean;
  appointeeName: string;
  appointeePersonaId: string;
  appointerEntityId: string | null;
  appointerKind: string;
  appointerName: string;
  appointerPersonaId: string | null;
  appointmentId: string;
  createdAt: Date;
  declinedAt: Date | null;
  documentId: string | null;
  nominatedAt: Date;
  notes: string | null;
  rank: number;
  removedAt: Date | null;
  resignedAt: Date | null;
  role: string;
  status: string;
  updatedAt: Date;
  wardName: string | null;
  wardPersonaId: string | null;
}

/** 'ReorderFiduciaryAppointments' query type */
export interface IReorderFiduciaryAppointmentsQuery {
  params: IReorderFiduciaryAppointmentsParams;
  result: IReorderFiduciaryAppointmentsResult;
}

const reorderFiduciaryAppointmentsIR: any = {"usedParamSet":{"personaId":true,"entityId":true,"role":true,"wardPersonaId":true,"appointmentIds":true},"params":[{"name":"personaId","required":false,"transform":{"type":"scalar"},"locs":[{"a":767,"b":776}]},{"name":"entityId","required":false,"transform":{"type":"scalar"},"locs":[{"a":794,"b":802}]},{"name":"role","required":true,"transform":{"type":"scalar"},"locs":[{"a":815,"b":820}]},{"name":"wardPersonaId","required":false,"transform":{"type":"scalar"},"locs":[{"a":886,"b":899}]},{"name":"appointmentIds","required":true,"transform":{"type":"scalar"},"locs":[{"a":923,"b":938}]}],"statement":"SELECT appointment_id AS \"appointmentId!\", appointer_kind AS \"appointerKind!\", appointer_persona_id AS \"appointerPersonaId\",\n       appointer_entity_id AS \"appointerEntityId\", appointer_name AS \"appointerName!\", role AS \"role!\",\n       appointee_persona_id AS \"appointeePersonaId!\", appointee_name AS \"appointeeName!\", ward_persona_id AS \"wardPersonaId\",\n       ward_name AS \"wardName\", rank AS \"rank!\", status AS \"status!\", acting AS \"acting!\", nominated_at AS \"nominatedAt!\",\n       accepted_at AS \"acceptedAt\", declined_at AS \"declinedAt\", resigned_at AS \"resignedAt\", removed_at AS \"removedAt\",\n       document_id AS \"documentId\", notes AS \"notes\", created_at AS \"createdAt!\", updated_at AS \"updatedAt!\"\nFROM api.sp_reorder_fiduciary_appointments(p_persona_id => :personaId, p_entity_id => :entityId, p_role => :role!,\n                                          p_ward_persona_id => :wardPersonaId, p_appointment_ids => :appointmentIds!)"};

/**
 * Query generated from SQL:
 * ```
 * SELECT appointment_id AS "appointmentId!", appointer_kind AS "appointerKind!", appointer_persona_id AS "appointerPersonaId",
 *        appointer_entity_id AS "appointerEntityId", appointer_name AS "appointerName!", role AS "role!",
 *        appointee_persona_id AS "appointeePersonaId!", appointee_name AS "appointeeName!", ward_persona_id AS "wardPersonaId",
 *        ward_name AS "wardName", rank AS "rank!", status AS "status!", acting AS "acting!", nominated_at AS "nominatedAt!",
 *        accepted_at AS "acceptedAt", declined_at AS "declinedAt", resigned_at AS "resignedAt", removed_at AS "removedAt",
 *        document_id AS "documentId", notes AS "notes", created_at AS "createdAt!", updated_at AS "updatedAt!"
 * FROM api.sp_reorder_fiduciary_appointments(p_persona_id => :personaId, p_entity_id => :entityId, p_role => :role!,
 *                                           p_ward_persona_id => :wardPersonaId, p_appointment_ids => :appointmentIds!)
 * ```
 */
export const reorderFiduciaryAppointments = new PreparedQuery<IReorderFiduciaryAppointmentsParams,IReorderFiduciaryAppointmentsResult>(reorderFiduciaryAppointmentsIR);


/** 'AcceptFiduciaryAppointment' parameters type */
export interface IAcceptFiduciaryAppointmentParams {
  appointmentId: string;
}

/** 'AcceptFiduciaryAppointment' return type */
export interface IAcceptFiduciaryAppointmentResult {
  acceptedAt: Date | null;
  acting: boolean;
  appointeeName: string;
  appointeePersonaId: string;
  appointerEntityId: string | null;
  appointerKind: string;
  appointerName: string;
  appointerPersonaId: string | null;
  appointmentId: string;
  createdAt: Date;
  declinedAt: Date | null;
  documentId: string | null;
  nominatedAt: Date;
  notes: string | null;
  rank: number;
  removedAt: Date | null;
  resignedAt: Date | null;
  role: string;
  status: string;
  updatedAt: Date;
  wardName: string | null;
  wardPersonaId: string | null;
}

/** 'AcceptFiduciaryAppointment' query type */
export interface IAcceptFiduciaryAppointmentQuery {
  params: IAcceptFiduciaryAppointmentParams;
  result: IAcceptFiduciaryAppointmentResult;
}

const acceptFiduciaryAppointmentIR: any = {"usedParamSet":{"appointmentId":true},"params":[{"name":"appointmentId","required":true,"transform":{"type":"scalar"},"locs":[{"a":769,"b":783}]}],"statement":"SELECT appointment_id AS \"appointmentId!\", appointer_kind AS \"appointerKind!\", appointer_persona_id AS \"appointerPersonaId\",\n       appointer_entity_id AS \"appointerEntityId\", appointer_name AS \"appointerName!\", role AS \"role!\",\n       appointee_persona_id AS \"appointeePersonaId!\", appointee_name AS \"appointeeName!\", ward_persona_id AS \"wardPersonaId\",\n       ward_name AS \"wardName\", rank AS \"rank!\", status AS \"status!\", acting AS \"acting!\", nominated_at AS \"nominatedAt!\",\n       accepted_at AS \"acceptedAt\", declined_at AS \"declinedAt\", resigned_at AS \"resignedAt\", removed_at AS \"removedAt\",\n       document_id AS \"documentId\", notes AS \"notes\", created_at AS \"createdAt!\", updated_at AS \"updatedAt!\"\nFROM api.sp_accept_fiduciary_appointment(p_appointment_id => :appointmentId!)"};

/**
 * Query generated from SQL:
 * ```
 * SELECT appointment_id AS "appointmentId!", appointer_kind AS "appointerKind!", appointer_persona_id AS "appointerPersonaId",
 *        appointer_entity_id AS "appointerEntityId", appointer_name AS "appointerName!", role AS "role!",
 *        appointee_persona_id AS "appointeePersonaId!", appointee_name AS "appointeeName!", ward_persona_id AS "wardPersonaId",
 *        ward_name AS "wardName", rank AS "rank!", status AS "status!", acting AS "acting!", nominated_at AS "nominatedAt!",
 *        accepted_at AS "acceptedAt", declined_at AS "declinedAt", resigned_at AS "resignedAt", removed_at AS "removedAt",
 *        document_id AS "documentId", notes AS "notes", created_at AS "createdAt!", updated_at AS "updatedAt!"
 * FROM api.sp_accept_fiduciary_appointment(p_appointment_id => :appointmentId!)
 * ```
 */
export const acceptFiduciaryAppointment = new PreparedQuery<IAcceptFiduciaryAppointmentParams,IAcceptFiduciaryAppointmentResult>(acceptFiduciaryAppointmentIR);


/** 'DeclineFiduciaryAppointment' parameters type */
export interface IDeclineFiduciaryAppointmentParams {
  appointmentId: string;
}

/** 'DeclineFiduciaryAppointment' return type */
export interface IDeclineFiduciaryAppointmentResult {
  acceptedAt: Date | null;
  acting: boolean;
  appointeeName: string;
  appointeePersonaId: string;
  appointerEntityId: string | null;
  appointerKind: string;
  appointerName: string;
  appointerPersonaId: string | null;
  appointmentId: string;
  createdAt: Date;
  declinedAt: Date | null;
  documentId: string | null;
  nominatedAt: Date;
  notes: string | null;
  rank: number;
  removedAt: Date | null;
  resignedAt: Date | null;
  role: string;
  status: string;
  updatedAt: Date;
  wardName: string | null;
  wardPersonaId: string | null;
}

/** 'DeclineFiduciaryAppointment' query type */
export interface IDeclineFiduciaryAppointmentQuery {
  params: IDeclineFiduciaryAppointmentParams;
  result: IDeclineFiduciaryAppointmentResult;
}

const declineFiduciaryAppointmentIR: any = {"usedParamSet":{"appointmentId":true},"params":[{"name":"appointmentId","required":true,"transform":{"type":"scalar"},"locs":[{"a":770,"b":784}]}],"statement":"SELECT appointment_id AS \"appointmentId!\", appointer_kind AS \"appointerKind!\", appointer_persona_id AS \"appointerPersonaId\",\n       appointer_entity_id AS \"appointerEntityId\", appointer_name AS \"appointerName!\", role AS \"role!\",\n       appointee_persona_id AS \"appointeePersonaId!\", appointee_name AS \"appointeeName!\", ward_persona_id AS \"wardPersonaId\",\n       ward_name AS \"wardName\", rank AS \"rank!\", status AS \"status!\", acting AS \"acting!\", nominated_at AS \"nominatedAt!\",\n       accepted_at AS \"acceptedAt\", declined_at AS \"declinedAt\", resigned_at AS \"resignedAt\", removed_at AS \"removedAt\",\n       document_id AS \"documentId\", notes AS \"notes\", created_at AS \"createdAt!\", updated_at AS \"updatedAt!\"\nFROM api.sp_decline_fiduciary_appointment(p_appointment_id => :appointmentId!)"};

/**
 * Query generated from SQL:
 * ```
 * SELECT appointment_id AS "appointmentId!", appointer_kind AS "appointerKind!", appointer_persona_id AS "appointerPersonaId",
 *        appointer_entity_id AS "appointerEntityId", appointer_name AS "appointerName!", role AS "role!",
 *        appointee_persona_id AS "appointeePersonaId!", appointee_name AS "appointeeName!", ward_persona_id AS "wardPersonaId",
 *        ward_name AS "wardName", rank AS "rank!", status AS "status!", acting AS "acting!", nominated_at AS "nominatedAt!",
 *        accepted_at AS "acceptedAt", declined_at AS "declinedAt", resigned_at AS "resignedAt", removed_at AS "removedAt",
 *        document_id AS "documentId", notes AS "notes", created_at AS "createdAt!", updated_at AS "updatedAt!"
 * FROM api.sp_decline_fiduciary_appointment(p_appointment_id => :appointmentId!)
 * ```
 */
export const declineFiduciaryAppointment = new PreparedQuery<IDeclineFiduciaryAppointmentParams,IDeclineFiduciaryAppointmentResult>(declineFiduciaryAppointmentIR);


/** 'ResignFiduciaryAppointment' parameters type */
export interface IResignFiduciaryAppointmentParams {
  appointmentId: string;
}

/** 'ResignFiduciaryAppointment' return type */
export interface IResignFiduciaryAppointmentResult {
  acceptedAt: Date | null;
  acting: boolean;
  appointeeName: string;
  appointeePersonaId: string;
  appointerEntityId: string | null;
  appointerKind: string;
  appointerName: string;
  appointerPersonaId: string | null;
  appointmentId: string;
  createdAt: Date;
  declinedAt: Date | null;
  documentId: string | null;
  nominatedAt: Date;
  notes: string | null;
  rank: number;
  removedAt: Date | null;
  resignedAt: Date | null;
  role: string;
  status: string;
  updatedAt: Date;
  wardName: string | null;
  wardPersonaId: string | null;
}

/** 'ResignFiduciaryAppointment' query type */
export interface IResignFiduciaryAppointmentQuery {
  params: IResignFiduciaryAppointmentParams;
  result: IResignFiduciaryAppointmentResult;
}

const resignFiduciaryAppointmentIR: any = {"usedParamSet":{"appointmentId":true},"params":[{"name":"appointmentId","required":true,"transform":{"type":"scalar"},"locs":[{"a":769,"b":783}]}],"statement":"SELECT appointment_id AS \"appointmentId!\", appointer_kind AS \"appointerKind!\", appointer_persona_id AS \"appointerPersonaId\",\n       appointer_entity_id AS \"appointerEntityId\", appointer_name AS \"appointerName!\", role AS \"role!\",\n       appointee_persona_id AS \"appointeePersonaId!\", appointee_name AS \"appointeeName!\", ward_persona_id AS \"wardPersonaId\",\n       ward_name AS \"wardName\", rank AS \"rank!\", status AS \"status!\", acting AS \"acting!\", nominated_at AS \"nominatedAt!\",\n       accepted_at AS \"acceptedAt\", declined_at AS \"declinedAt\", resigned_at AS \"resignedAt\", removed_at AS \"removedAt\",\n       document_id AS \"documentId\", notes AS \"notes\", created_at AS \"createdAt!\", updated_at AS \"updatedAt!\"\nFROM api.sp_resign_fiduciary_appointment(p_appointment_id => :appointmentId!)"};

/**
 * Query generated from SQL:
 * ```
 * SELECT appointment_id AS "appointmentId!", appointer_kind AS "appointerKind!", appointer_persona_id AS "appointerPersonaId",
 *        appointer_entity_id AS "appointerEntityId", appointer_name AS "appointerName!", role AS "role!",
 *        appointee_persona_id AS "appointeePersonaId!", appointee_name AS "appointeeName!", ward_persona_id AS "wardPersonaId",
 *        ward_name AS "wardName", rank AS "rank!", status AS "status!", acting AS "acting!", nominated_at AS "nominatedAt!",
 *        accepted_at AS "acceptedAt", declined_at AS "declinedAt", resigned_at AS "resignedAt", removed_at AS "removedAt",
 *        document_id AS "documentId", notes AS "notes", created_at AS "createdAt!", updated_at AS "updatedAt!"
 * FROM api.sp_resign_fiduciary_appointment(p_appointment_id => :appointmentId!)
 * ```
 */
export const resignFiduciaryAppointment = new PreparedQuery<IResignFiduciaryAppointmentParams,IResignFiduciaryAppointmentResult>(resignFiduciaryAppointmentIR);


/** 'RemoveFiduciaryAppointment' parameters type */
export interface IRemoveFiduciaryAppointmentParams {
  appointmentId: string;
}

/** 'RemoveFiduciaryAppointment' return type */
export interface IRemoveFiduciaryAppointmentResult {
  acceptedAt: Date | null;
  acting: boolean;
  appointeeName: string;
  appointeePersonaId: string;
  appointerEntityId: string | null;
  appointerKind: string;
  appointerName: string;
  appointerPersonaId: string | null;
  appointmentId: string;
  createdAt: Date;
  declinedAt: Date | null;
  documentId: string | null;
  nominatedAt: Date;
  notes: string | null;
  rank: number;
  removedAt: Date | null;
  resignedAt: Date | null;
  role: string;
  status: string;
  updatedAt: Date;
  wardName: string | null;
  wardPersonaId: string | null;
}

/** 'RemoveFiduciaryAppointment' query type */
export interface IRemoveFiduciaryAppointmentQuery {
  params: IRemoveFiduciaryAppointmentParams;
  result: IRemoveFiduciaryAppointmentResult;
}

const removeFiduciaryAppointmentIR: any = {"usedParamSet":{"appointmentId":true},"params":[{"name":"appointmentId","required":true,"transform":{"type":"scalar"},"locs":[{"a":769,"b":783}]}],"statement":"SELECT appointment_id AS \"appointmentId!\", appointer_kind AS \"appointerKind!\", appointer_persona_id AS \"appointerPersonaId\",\n       appointer_entity_id AS \"appointerEntityId\", appointer_name AS \"appointerName!\", role AS \"role!\",\n       appointee_persona_id AS \"appointeePersonaId!\", appointee_name AS \"appointeeName!\", ward_persona_id AS \"wardPersonaId\",\n       ward_name AS \"wardName\", rank AS \"rank!\", status AS \"status!\", acting AS \"acting!\", nominated_at AS \"nominatedAt!\",\n       accepted_at AS \"acceptedAt\", declined_at AS \"declinedAt\", resigned_at AS \"resignedAt\", removed_at AS \"removedAt\",\n       document_id AS \"documentId\", notes AS \"notes\", created_at AS \"createdAt!\", updated_at AS \"updatedAt!\"\nFROM api.sp_remove_fiduciary_appointment(p_appointment_id => :appointmentId!)"};

/**
 * Query generated from SQL:
 * ```
 * SELECT appointment_id AS "appointmentId!", appointer_kind AS "appointerKind!", appointer_persona_id AS "appointerPersonaId",
 *        appointer_entity_id AS "appointerEntityId", appointer_name AS "appointerName!", role AS "role!",
 *        appointee_persona_id AS "appointeePersonaId!", appointee_name AS "appointeeName!", ward_persona_id AS "wardPersonaId",
 *        ward_name AS "wardName", rank AS "rank!", status AS "status!", acting AS "acting!", nominated_at AS "nominatedAt!",
 *        accepted_at AS "acceptedAt", declined_at AS "declinedAt", resigned_at AS "resignedAt", removed_at AS "removedAt",
 *        document_id AS "documentId", notes AS "notes", created_at AS "createdAt!", updated_at AS "updatedAt!"
 * FROM api.sp_remove_fiduciary_appointment(p_appointment_id => :appointmentId!)
 * ```
 */
export const removeFiduciaryAppointment = new PreparedQuery<IRemoveFiduciaryAppointmentParams,IRemoveFiduciaryAppointmentResult>(removeFiduciaryAppointmentIR);


/** 'ListMyFiduciaryAppointments' parameters type */
export interface IListMyFiduciaryAppointmentsParams {
  limit: number;
  offset: number;
  status?: string | null | void;
}

/** 'ListMyFiduciaryAppointments' return type */
export interface IListMyFiduciaryAppointmentsResult {
  acceptedAt: Date | null;
  acting: boolean;
  appointeeName: string;
  appointeePersonaId: string;
  appointerEntityId: string | null;
  appointerKind: string;
  appointerName: string;
  appointerPersonaId: string | null;
  appointmentId: string;
  createdAt: Date;
  declinedAt: Date | null;
  documentId: string | null;
  nominatedAt: Date;
  notes: string | null;
  rank: number;
  removedAt: Date | null;
  resignedAt: Date | null;
  role: string;
  status: string;
  updatedAt: Date;
  wardName: string | null;
  wardPersonaId: string | null;
}

/** 'ListMyFiduciaryAppointments' query type */
export interface IListMyFiduciaryAppointmentsQuery {
  params: IListMyFiduciaryAppointmentsParams;
  result: IListMyFiduciaryAppointmentsResult;
}

const listMyFiduciaryAppointmentsIR: any = {"usedParamSet":{"status":true,"limit":true,"offset":true},"params":[{"name":"status","required":false,"transform":{"type":"scalar"},"locs":[{"a":763,"b":769}]},{"name":"limit","required":true,"transform":{"type":"scalar"},"locs":[{"a":783,"b":789}]},{"name":"offset","required":true,"transform":{"type":"scalar"},"locs":[{"a":804,"b":811}]}],"statement":"SELECT appointment_id AS \"appointmentId!\", appointer_kind AS \"appointerKind!\", appointer_persona_id AS \"appointerPersonaId\",\n       appointer_entity_id AS \"appointerEntityId\", appointer_name AS \"appointerName!\", role AS \"role!\",\n       appointee_persona_id AS \"appointeePersonaId!\", appointee_name AS \"appointeeName!\", ward_persona_id AS \"wardPersonaId\",\n       ward_name AS \"wardName\", rank AS \"rank!\", status AS \"status!\", acting AS \"acting!\", nominated_at AS \"nominatedAt!\",\n       accepted_at AS \"acceptedAt\", declined_at AS \"declinedAt\", resigned_at AS \"resignedAt\", removed_at AS \"removedAt\",\n       document_id AS \"documentId\", notes AS \"notes\", created_at AS \"createdAt!\", updated_at AS \"updatedAt!\"\nFROM api.sp_list_my_fiduciary_appointments(p_status => :status, p_limit => :limit!, p_offset => :offset!)"};

/**
 * Query generated from SQL:
 * ```
 * SELECT appointment_id AS "appointmentId!", appointer_kind AS "appointerKind!", appointer_persona_id AS "appointerPersonaId",
 *        appointer_entity_id AS "appointerEntityId", appointer_name AS "appointerName!", role AS "role!",
 *        appointee_persona_id AS "appointeePersonaId!", appointee_name AS "appointeeName!", ward_persona_id AS "wardPersonaId",
 *        ward_name AS "wardName", rank AS "rank!", status AS "status!", acting AS "acting!", nominated_at AS "nominatedAt!",
 *        accepted_at AS "acceptedAt", declined_at AS "declinedAt", resigned_at AS "resignedAt", removed_at AS "removedAt",
 *        document_id AS "documentId", notes AS "notes", created_at AS "createdAt!", updated_at AS "updatedAt!"
 * FROM api.sp_list_my_fiduciary_appointments(p_status => :status, p_limit => :limit!, p_offset => :offset!)
 * ```
 */
export const listMyFiduciaryAppointments = new PreparedQuery<IListMyFiduciaryAppointmentsParams,IListMyFiduciaryAppointmentsResult>(listMyFiduciaryAppointmentsIR);


/** 'CheckFiduciaries' parameters type */
export interface ICheckFiduciariesParams {
  personaId: string;
}

/** 'CheckFiduciaries' return type */
export interface ICheckFiduciariesResult {
  appointmentId: string | null;
  checkCode: string;
  detail: string;
  role: string;
  wardPersonaId: string | null;
}

/** 'CheckFiduciaries' query type */
export interface ICheckFiduciariesQuery {
  params: ICheckFiduciariesParams;
  result: ICheckFiduciariesResult;
}

const checkFiduciariesIR: any = {"usedParamSet":{"personaId":true},"params":[{"name":"personaId","required":true,"transform":{"type":"scalar"},"locs":[{"a":196,"b":206}]}],"statement":"SELECT check_code AS \"checkCode!\", role AS \"role!\", ward_persona_id AS \"wardPersonaId\", appointment_id AS \"appointmentId\",\n       detail AS \"detail!\"\nFROM api.sp_check_fiduciaries(p_persona_id => :personaId!)"};

/**
 * Query generated from SQL:
 * ```
 * SELECT check_code AS "checkCode!", role AS "role!", ward_persona_id AS "wardPersonaId", appointment_id AS "appointmentId",
 *        detail AS "detail!"
 * FROM api.sp_check_fiduciaries(p_persona_id => :personaId!)
 * ```
 */
export const checkFiduciaries = new PreparedQuery<ICheckFiduciariesParams,ICheckFiduciariesResult>(checkFiduciariesIR);


