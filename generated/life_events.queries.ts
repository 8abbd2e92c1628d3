/** Types generated for queries found in "procedures/calls/life_events.sql" */
import { PreparedQuery } from '@pgtyped/runtime';

/** 'ReportLifeEvent' parameters type */
export interface IReportLifeEventParams {
  kind: string;
  occurredOn: string;
  personaId: string;
}

/** 'ReportLifeEvent' return type */
export interface IReportLifeEventResult {
  blockedAt: Date | null;
  eventId: string;
  evidenceDocumentId: string | null;
  evidenceKind: string | null;
  evidenceSubmittedAt: Date | null;
  kind: string;
  occurredOn: string;
  personaId: string;
  rejectedAt: Date | null;
  reportedAt: Date;
  role: string;
  state: string;
  updatedAt: Date;
  verificationsDone: number;
  verificationsNeeded: number;
  verifiedAt: Date | null;
  waitEndsAt: Date;
  withdrawnAt: Date | null;
}

/** 'ReportLifeEvent' query type */
export interface IReportLifeEventQuery {
  params: IReportLifeEventParams;
  result: IReportLifeEventResult;
}

const reportLifeEventIR: any = {"usedParamSet":{"personaId":true,"kind":true,"occurredOn":true},"params":[{"name":"personaId","required":true,"transform":{"type":"scalar"},"locs":[{"a":639,"b":649}]},{"name":"kind","required":true,"transform":{"type":"scalar"},"locs":[{"a":662,"b":667}]},{"name":"occurredOn","required":true,"transform":{"type":"scalar"},"locs":[{"a":687,"b":698}]}],"statement":"SELECT event_id AS \"eventId!\", role AS \"role!\", persona_id AS \"personaId!\", kind AS \"kind!\", occurred_on AS \"occurredOn!\",\n       state AS \"state!\", reported_at AS \"reportedAt!\", wait_ends_at AS \"waitEndsAt!\", evidence_kind AS \"evidenceKind\",\n       evidence_document_id AS \"evidenceDocumentId\", evidence_submitted_at AS \"evidenceSubmittedAt\",\n       verifications_needed AS \"verificationsNeeded!\", verifications_done AS \"verificationsDone!\", blocked_at AS \"blockedAt\",\n       withdrawn_at AS \"withdrawnAt\", rejected_at AS \"rejectedAt\", verified_at AS \"verifiedAt\", updated_at AS \"updatedAt!\"\nFROM api.sp_report_life_event(p_persona_id => :personaId!, p_kind => :kind!, p_occurred_on => :occurredOn!)"};

/**
 * Query generated from SQL:
 * ```
 * SELECT event_id AS "eventId!", role AS "role!", persona_id AS "personaId!", kind AS "kind!", occurred_on AS "occurredOn!",
 *        state AS "state!", reported_at AS "reportedAt!", wait_ends_at AS "waitEndsAt!", evidence_kind AS "evidenceKind",
 *        evidence_document_id AS "evidenceDocumentId", evidence_submitted_at AS "evidenceSubmittedAt",
 *        verifications_needed AS "verificationsNeeded!", verifications_done AS "verificationsDone!", blocked_at AS "blockedAt",
 *        withdrawn_at AS "withdrawnAt", rejected_at AS "rejectedAt", verified_at AS "verifiedAt", updated_at AS "updatedAt!"
 * FROM api.sp_report_life_event(p_persona_id => :personaId!, p_kind => :kind!, p_occurred_on => :occurredOn!)
 * ```
 */
export const reportLifeEvent = new PreparedQuery<IReportLifeEventParams,IReportLifeEventResult>(reportLifeEventIR);


/** 'ListLifeEvents' parameters type */
export interface IListLifeEventsParams {
  limit: number;
  offset: number;
}

/** 'ListLifeEvents' return type */
export interface IListLifeEventsResult {
  blockedAt: Date | null;
  eventId: string;
  evidenceDocumentId: string | null;
  evidenceKind: string | null;
  evidenceSubmittedAt: Date | null;
  kind: string;
  occurredOn: string;
  personaId: string;
  rejectedAt: Date | null;
  reportedAt: Date;
  role: string;
  state: string;
  updatedAt: Date;
  verificationsDone: number;
  verificationsNeeded: number;
  verifiedAt: Date | null;
  waitEndsAt: Date;
  withdrawnAt: Date | null;
}

/** 'ListLifeEvents' query type */
export interface IListLifeEventsQuery {
  params: IListLifeEventsParams;
  result: IListLifeEventsResult;
}

const listLifeEventsIR: any = {"usedParamSet":{"limit":true,"offset":true},"params":[{"name":"limit","required":true,"transform":{"type":"scalar"},"locs":[{"a":633,"b":639}]},{"name":"offset","required":true,"transform":{"type":"scalar"},"locs":[{"a":654,"b":661}]}],"statement":"SELECT event_id AS \"eventId!\", role AS \"role!\", persona_id AS \"personaId!\", kind AS \"kind!\", occurred_on AS \"occurredOn!\",\n       state AS \"state!\", reported_at AS \"reportedAt!\", wait_ends_at AS \"waitEndsAt!\", evidence_kind AS \"evidenceKind\",\n       evidence_document_id AS \"evidenceDocumentId\", evidence_submitted_at AS \"evidenceSubmittedAt\",\n       verifications_needed AS \"verificationsNeeded!\", verifications_done AS \"verificationsDone!\", blocked_at AS \"blockedAt\",\n       withdrawn_at AS \"withdrawnAt\", rejected_at AS \"rejectedAt\", verified_at AS \"verifiedAt\", updated_at AS \"updatedAt!\"\nFROM api.sp_list_life_events(p_limit => :limit!, p_offset => :offset!)"};

/**
 * Query generated from SQL:
 * ```
 * SELECT event_id AS "eventId!", role AS "role!", persona_id AS "personaId!", kind AS "kind!", occurred_on AS "occurredOn!",
 *        state AS "state!", reported_at AS "reportedAt!", wait_ends_at AS "waitEndsAt!", evidence_kind AS "evidenceKind",
 *        evidence_document_id AS "evidenceDocumentId", evidence_submitted_at AS "evidenceSubmittedAt",
 *        verifications_needed AS "verificationsNeeded!", verifications_done AS "verificationsDone!", blocked_at AS "blockedAt",
 *        withdrawn_at AS "withdrawnAt", rejected_at AS "rejectedAt", verified_at AS "verifiedAt", updated_at AS "updatedAt!"
 * FROM api.sp_list_life_events(p_limit => :limit!, p_offset => :offset!)
 * ```
 */
export const listLifeEvents = new PreparedQuery<IListLifeEventsParams,IListLifeEventsResult>(listLifeEventsIR);


/** 'SubmitLifeEventEvidence' parameters type */
export interface ISubmitLifeEventEvidenceParams {
  documentId?: string | null | void;
  eventId: string;
  evidenceKind: string;
  note?: string | null | void;
}

/** 'SubmitLifeEventEvidence' return type */
export interface ISubmitLifeEventEvidenceResult {
  blockedAt: Date | null;
  eventId: string;
  evidenceDocumentId: string | null;
  evidenceKind: string | null;
  evidenceSubmittedAt: Date | null;
  kind: string;
  occurredOn: string;
  personaId: string;
  rejectedAt: Date | null;
  reportedAt: Date;
  role: string;
  state: string;
  updatedAt: Date;
  verificationsDone: number;
  verificationsNeeded: number;
  verifiedAt: Date | null;
  waitEndsAt: Date;
  withdrawnAt: Date | null;
}

/** 'SubmitLifeEventEvidence' query type */
export interface ISubmitLifeEventEvidenceQuery {
  params: ISubmitLifeEventEvidenceParams;
  result: ISubmitLifeEventEvidenceResult;
}

const submitLifeEventEvidenceIR: any = {"usedParamSet":{"eventId":true,"evidenceKind":true,"documentId":true,"note":true},"params":[{"name":"eventId","required":true,"transform":{"type":"scalar"},"locs":[{"a":646,"b":654}]},{"name":"evidenceKind","required":true,"transform":{"type":"scalar"},"locs":[{"a":676,"b":689}]},{"name":"documentId","required":false,"transform":{"type":"scalar"},"locs":[{"a":748,"b":758}]},{"name":"note","required":false,"transform":{"type":"scalar"},"locs":[{"a":771,"b":775}]}],"statement":"SELECT event_id AS \"eventId!\", role AS \"role!\", persona_id AS \"personaId!\", kind AS \"kind!\", occurred_on AS \"occurredOn!\",\n       state AS \"state!\", reported_at AS \"reportedAt!\", wait_ends_at AS \"waitEndsAt!\", evidence_kind AS \"evidenceKind\",\n       evidence_document_id AS \"evidenceDocumentId\", evidence_submitted_at AS \"evidenceSubmittedAt\",\n       verifications_needed AS \"verificationsNeeded!\", verifications_done AS \"verificationsDone!\", blocked_at AS \"blockedAt\",\n       withdrawn_at AS \"withdrawnAt\", rejected_at AS \"rejectedAt\", verified_at AS \"verifiedAt\", updated_at AS \"updatedAt!\"\nFROM api.sp_submit_life_event_evidence(p_event_id => :eventId!, p_evidence_kind => :evidenceKind!,\n                                       p_document_id => :documentId, p_note => :note)"};

/**
 * Query generated from SQL:
 * ```
 * SELECT event_id AS "eventId!", role AS "role!", persona_id AS "personaId!", kind AS "kind!", occurred_on AS "occurredOn!",
 *        state AS "state!", reported_at AS "reportedAt!", wait_ends_at AS "waitEndsAt!", evidence_kind AS "evidenceKind",
 *        evidence_document_id AS "evidenceDocumentId", evidence_submitted_at AS "evidenceSubmittedAt",
 *        verifications_needed AS "verificationsNeeded!", verifications_done AS "verificationsDone!", blocked_at AS "blockedAt",
 *        withdrawn_at AS "withdrawnAt", rejected_at AS "rejectedAt", verified_at AS "verifiedAt", updated_at AS "updatedAt!"
 * FROM api.sp_submit_life_event_evidence(p_event_id => :eventId!, p_evidence_kind => :evidenceKind!,
 *                                        p_document_id => :documentId, p_note => :note)
 * ```
 */
export const submitLifeEventEvidence = new PreparedQuery<ISubmitLifeEventEvidenceParams,ISubmitLifeEventEvidenceResult>(submitLifeEventEvidenceIR);


/** 'WithdrawLifeEvent' parameters type */
export interface IWithdrawLifeEventParams {
  eventId: string;
}

/** 'WithdrawLifeEvent' return type */
export interface IWithdrawLifeEventResult {
  blockedAt: Date | null;
  eventId: string;
  evidenceDocumentId: string | null;
  evidenceKind: string | null;
  evidenceSubmittedAt: Date | null;
  kind: string;
  occurredOn: string;
  personaId: string;
  rejectedAt: Date | null;
  reportedAt: Date;
  role: string;
  state: string;
  updatedAt: Date;
  verificationsDone: number;
  verificationsNeeded: number;
  verifiedAt: Date | null;
  waitEndsAt: Date;
  withdrawnAt: Date | null;
}

/** 'WithdrawLifeEvent' query type */
export interface IWithdrawLifeEventQuery {
  params: IWithdrawLifeEventParams;
  result: IWithdrawLifeEventResult;
}

const withdrawLifeEventIR: any = {"usedParamSet":{"eventId":true},"params":[{"name":"eventId","required":true,"transform":{"type":"scalar"},"locs":[{"a":639,"b":647}]}],"statement":"SELECT event_id AS \"eventId!\", role AS \"role!\", persona_id AS \"personaId!\", kind AS \"kind!\", occurred_on AS \"occurredOn!\",\n       state AS \"state!\", reported_at AS \"reportedAt!\", wait_ends_at AS \"waitEndsAt!\", evidence_kind AS \"evidenceKind\",\n       evidence_document_id AS \"evidenceDocumentId\", evidence_submitted_at AS \"evidenceSubmittedAt\",\n       verifications_needed AS \"verificationsNeeded!\", verifications_done AS \"verificationsDone!\", blocked_at AS \"blockedAt\",\n       withdrawn_at AS \"withdrawnAt\", rejected_at AS \"rejectedAt\", verified_at AS \"verifiedAt\", updated_at AS \"updatedAt!\"\nFROM api.sp_withdraw_life_event(p_event_id => :eventId!)"};

/**
 * Query generated from SQL:
 * ```
 * SELECT event_id AS "eventId!", role AS "role!", persona_id AS "personaId!", kind AS "kind!", occurred_on AS "occurredOn!",
 *        state AS "state!", reported_at AS "reportedAt!", wait_ends_at AS "waitEndsAt!", evidence_kind AS "evidenceKind",
 *        evidence_document_id AS "evidenceDocumentId", evidence_submitted_at AS "evidenceSubmittedAt",
 *        verifications_needed AS "verificationsNeeded!", verifications_done AS "verificationsDone!", blocked_at AS "blockedAt",
 *        withdrawn_at AS "withdrawnAt", rejected_at AS "rejectedAt", verified_at AS "verifiedAt", updated_at AS "updatedAt!"
 * FROM api.sp_withdraw_life_event(p_event_id => :eventId!)
 * ```
 */
export const withdrawLifeEvent = new PreparedQuery<IWithdrawLifeEventParams,IWithdrawLifeEventResult>(withdrawLifeEventIR);


/** 'BlockLifeEvent' parameters type */
export interface IBlockLifeEventParams {
  eventId: string;
}

/** 'BlockLifeEvent' return type */
export interface IBlockLifeEventResult {
  blockedAt: Date | null;
  eventId: string;
  evidenceDocumentId: string | null;
  evidenceKind: string | null;
  evidenceSubmittedAt: Date | null;
  kind: string;
  occurredOn: string;
  personaId: string;
  rejectedAt: Date | null;
  reportedAt: Date;
  role: string;
  state: string;
  updatedAt: Date;
  verificationsDone: number;
  verificationsNeeded: number;
  verifiedAt: Date | null;
  waitEndsAt: Date;
  withdrawnAt: Date | null;
}

/** 'BlockLifeEvent' query type */
export interface IBlockLifeEventQuery {
  params: IBlockLifeEventParams;
  result: IBlockLifeEventResult;
}

const blockLifeEventIR: any = {"usedParamSet":{"eventId":true},"params":[{"name":"eventId","required":true,"transform":{"type":"scalar"},"locs":[{"a":636,"b":644}]}],"statement":"SELECT event_id AS \"eventId!\", role AS \"role!\", persona_id AS \"personaId!\", kind AS \"kind!\", occurred_on AS \"occurredOn!\",\n       state AS \"state!\", reported_at AS \"reportedAt!\", wait_ends_at AS \"waitEndsAt!\", evidence_kind AS \"evidenceKind\",\n       evidence_document_id AS \"evidenceDocumentId\", evidence_submitted_at AS \"evidenceSubmittedAt\",\n       verifications_needed AS \"verificationsNeeded!\", verifications_done AS \"verificationsDone!\", blocked_at AS \"blockedAt\",\n       withdrawn_at AS \"withdrawnAt\", rejected_at AS \"rejectedAt\", verified_at AS \"verifiedAt\", updated_at AS \"updatedAt!\"\nFROM api.sp_block_life_event(p_event_id => :eventId!)"};

/**
 * Query generated from SQL:
 * ```
 * SELECT event_id AS "eventId!", role AS "role!", persona_id AS "personaId!", kind AS "kind!", occurred_on AS "occurredOn!",
 *        state AS "state!", reported_at AS "reportedAt!", wait_ends_at AS "waitEndsAt!", evidence_kind AS "evidenceKind",
 *        evidence_document_id AS "evidenceDocumentId", evidence_submitted_at AS "evidenceSubmittedAt",
 *        verifications_needed AS "verificationsNeeded!", verifications_done AS "verificationsDone!", blocked_at AS "blockedAt",
 *        withdrawn_at AS "withdrawnAt", rejected_at AS "rejectedAt", verified_at AS "verifiedAt", updated_at AS "updatedAt!"
 * FROM api.sp_block_life_event(p_event_id => :eventId!)
 * ```
 */
export const blockLifeEvent = new PreparedQuery<IBlockLifeEventParams,IBlockLifeEventResult>(blockLifeEventIR);


/** 'SupportListLifeEvents' parameters type */
export interface ISupportListLifeEventsParams {
  limit: number;
  offset: number;
  state?: string | null | void;
  tenantId: string;
}

/** 'SupportListLifeEvents' return type */
export interface ISupportListLifeEventsResult {
  eventId: string;
  evidenceDocumentId: string | null;
  evidenceKind: string | null;
  evidenceSubmittedAt: Date | null;
  firstVerifiedBy: string | null;
  kind: string;
  occurredOn: string;
  personaId: string;
  rejectedAt: Date | null;
  rejectedBy: string | null;
  reportedAt: Date;
  reportedByUserId: string;
  state: string;
  verificationsNeeded: number;
  verifiedAt: Date | null;
  verifiedBy: string | null;
  waitEndsAt: Date;
}

/** 'SupportListLifeEvents' query type */
export interface ISupportListLifeEventsQuery {
  params: ISupportListLifeEventsParams;
  result: ISupportListLifeEventsResult;
}

const supportListLifeEventsIR: any = {"usedParamSet":{"tenantId":true,"state":true,"limit":true,"offset":true},"params":[{"name":"tenantId","required":true,"transform":{"type":"scalar"},"locs":[{"a":643,"b":652}]},{"name":"state","required":false,"transform":{"type":"scalar"},"locs":[{"a":666,"b":671}]},{"name":"limit","required":true,"transform":{"type":"scalar"},"locs":[{"a":685,"b":691}]},{"name":"offset","required":true,"transform":{"type":"scalar"},"locs":[{"a":706,"b":713}]}],"statement":"SELECT event_id AS \"eventId!\", persona_id AS \"personaId!\", kind AS \"kind!\", occurred_on AS \"occurredOn!\", state AS \"state!\",\n       reported_by_user_id AS \"reportedByUserId!\", reported_at AS \"reportedAt!\", wait_ends_at AS \"waitEndsAt!\",\n       evidence_kind AS \"evidenceKind\", evidence_document_id AS \"evidenceDocumentId\",\n       evidence_submitted_at AS \"evidenceSubmittedAt\", verifications_needed AS \"verificationsNeeded!\",\n       first_verified_by AS \"firstVerifiedBy\", verified_by AS \"verifiedBy\", verified_at AS \"verifiedAt\",\n       rejected_by AS \"rejectedBy\", rejected_at AS \"rejectedAt\"\nFROM support.sp_list_life_events(p_tenant_id => :tenantId!, p_state => :state, p_limit => :limit!, p_offset => :offset!)"};

/**
 * Query generated from SQL:
 * ```
 * SELECT event_id AS "eventId!", persona_id AS "personaId!", kind AS "kind!", occurred_on AS "occurredOn!", state AS "state!",
 *        reported_by_user_id AS "reportedByUserId!", reported_at AS "reportedAt!", wait_ends_at AS "waitEndsAt!",
 *        evidence_kind AS "evidenceKind", evidence_document_id AS "evidenceDocumentId",
 *        evidence_submitted_at AS "evidenceSubmittedAt", verifications_needed AS "verificationsNeeded!",
 *        first_verified_by AS "firstVerifiedBy", verified_by AS "verifiedBy", verified_at AS "verifiedAt",
 *        rejected_by AS "rejectedBy", rejected_at AS "rejectedAt"
 * FROM support.sp_list_life_events(p_tenant_id => :tenantId!, p_state => :state, p_limit => :limit!, p_offset => :offset!)
 * ```
 */
export const supportListLifeEvents = new PreparedQuery<ISupportListLifeEventsParams,ISupportListLifeEventsResult>(supportListLifeEventsIR);


/** 'VerifyLifeEvent' parameters type */
export interface IVerifyLifeEventParams {
  eventId: string;
  tenantId: string;
}

/** 'VerifyLifeEvent' return type */
export interface IVerifyLifeEventResult {
  eventId: string;
  evidenceDocumentId: string | null;
  evidenceKind: string | null;
  evidenceSubmittedAt: Date | null;
  firstVerifiedBy: string | null;
  kind: string;
  occurredOn: string;
  personaId: string;
  rejectedAt: Date | null;
  rejectedBy: string | null;
  reportedAt: Date;
  reportedByUserId: string;
  state: string;
  verificationsNeeded: number;
  verifiedAt: Date | null;
  verifiedBy: string | null;
  waitEndsAt: Date;
}

/** 'VerifyLifeEvent' query type */
export interface IVerifyLifeEventQuery {
  params: IVerifyLifeEventParams;
  result: IVerifyLifeEventResult;
}

const verifyLifeEventIR: any = {"usedParamSet":{"tenantId":true,"eventId":true},"params":[{"name":"tenantId","required":true,"transform":{"type":"scalar"},"locs":[{"a":657,"b":666}]},{"name":"eventId","required":true,"transform":{"type":"scalar"},"locs":[{"a":683,"b":691}]}],"statement":"SELECT event_id AS \"eventId!\", persona_id AS \"personaId!\", kind AS \"kind!\", occurred_on AS \"occurredOn!\", state AS \"state!\",\n       reported_by_user_id AS \"reportedByUserId!\", reported_at AS \"reportedAt!\", wait_ends_at AS \"waitEndsAt!\",\n       evidence_kind AS \"evidenceKind\", evidence_document_id AS \"evidenceDocumentId\",\n       evidence_submitted_at AS \"evidenceSubmittedAt\", verifications_needed AS \"verificationsNeeded!\",\n       first_verified_by AS \"firstVerifiedBy\", verified_by AS \"verifiedBy\", verified_at AS \"verifiedAt\",\n       rejected_by AS \"rejectedBy\", rejected_at AS \"rejectedAt\"\nFROM support.sp_record_life_event_verification(p_tenant_id => :tenantId!, p_event_id => :eventId!)"};

/**
 * Query generated from SQL:
 * ```
 * SELECT event_id AS "eventId!", persona_id AS "personaId!", kind AS "kind!", occurred_on AS "occurredOn!", state AS "state!",
 *        reported_by_user_id AS "reportedByUserId!", reported_at AS "reportedAt!", wait_ends_at AS "waitEndsAt!",
 *        evidence_kind AS "evidenceKind", evidence_document_id AS "evidenceDocumentId",
 *        evidence_submitted_at AS "evidenceSubmittedAt", verifications_needed AS "verificationsNeeded!",
 *        first_verified_by AS "firstVerifiedBy", verified_by AS "verifiedBy", verified_at AS "verifiedAt",
 *        rejected_by AS "rejectedBy", rejected_at AS "rejectedAt"
 * FROM support.sp_record_life_event_verification(p_tenant_id => :tenantId!, p_event_id => :eventId!)
 * ```
 */
export const verifyLifeEvent = new PreparedQuery<IVerifyLifeEventParams,IVerifyLifeEventResult>(verifyLifeEventIR);


/** 'RejectLifeEvent' parameters type */
export interface IRejectLifeEventParams {
  eventId: string;
  reason: string;
  tenantId: string;
}

/** 'RejectLifeEvent' return type */
export interface IRejectLifeEventResult {
  eventId: string;
  evidenceDocumentId: string | null;
  evidenceKind: string | null;
  evidenceSubmittedAt: Date | null;
  firstVerifiedBy: string | null;
  kind: string;
  occurredOn: string;
  personaId: string;
  rejectedAt: Date | null;
  rejectedBy: string | null;
  reportedAt: Date;
  reportedByUserId: string;
  state: string;
  verificationsNeeded: number;
  verifiedAt: Date | null;
  verifiedBy: string | null;
  waitEndsAt: Date;
}

/** 'RejectLifeEvent' query type */
export interface IRejectLifeEventQuery {
  params: IRejectLifeEventParams;
  result: IRejectLifeEventResult;
}

const rejectLifeEventIR: any = {"usedParamSet":{"tenantId":true,"eventId":true,"reason":true},"params":[{"name":"tenantId","required":true,"transform":{"type":"scalar"},"locs":[{"a":644,"b":653}]},{"name":"eventId","required":true,"transform":{"type":"scalar"},"locs":[{"a":670,"b":678}]},{"name":"reason","required":true,"transform":{"type":"scalar"},"locs":[{"a":693,"b":700}]}],"statement":"SELECT event_id AS \"eventId!\", persona_id AS \"personaId!\", kind AS \"kind!\", occurred_on AS \"occurredOn!\", state AS \"state!\",\n       reported_by_user_id AS \"reportedByUserId!\", reported_at AS \"reportedAt!\", wait_ends_at AS \"waitEndsAt!\",\n       evidence_kind AS \"evidenceKind\", evidence_document_id AS \"evidenceDocumentId\",\n       evidence_submitted_at AS \"evidenceSubmittedAt\", verifications_needed AS \"verificationsNeeded!\",\n       first_verified_by AS \"firstVerifiedBy\", verified_by AS \"verifiedBy\", verified_at AS \"verifiedAt\",\n       rejected_by AS \"rejectedBy\", rejected_at AS \"rejectedAt\"\nFROM support.sp_reject_life_event(p_tenant_id => :tenantId!, p_event_id => :eventId!, p_reason => :reason!)"};

/**
 * Query generated from SQL:
 * ```
 * SELECT event_id AS "eventId!", persona_id AS "personaId!", kind AS "kind!", occurred_on AS "occurredOn!", state AS "state!",
 *        reported_by_user_id AS "reportedByUserId!", reported_at AS "reportedAt!", wait_ends_at AS "waitEndsAt!",
 *        evidence_kind AS "evidenceKind", evidence_document_id AS "evidenceDocumentId",
 *        evidence_submitted_at AS "evidenceSubmittedAt", verifications_needed AS "verificationsNeeded!",
 *        first_verified_by AS "firstVerifiedBy", verified_by AS "verifiedBy", verified_at AS "verifiedAt",
 *        rejected_by AS "rejectedBy", rejected_at AS "rejectedAt"
 * FROM support.sp_reject_life_event(p_tenant_id => :tenantId!, p_event_id => :eventId!, p_reason => :reason!)
 * ```
 */
export const rejectLifeEvent = new PreparedQuery<IRejectLifeEventParams,IRejectLifeEventResult>(rejectLifeEventIR);


/** 'ReadLifeEventEvidence' parameters type */
export interface IReadLifeEventEvidenceParams {
  eventId: string;
  tenantId: string;
}

/** 'ReadLifeEventEvidence' return type */
export interface IReadLifeEventEvidenceResult {
  byteSize: number;
  ciphertext: Buffer | null;
  contentSha256: string;
  documentId: string;
  fileName: string | null;
  mediaType: string;
  storage: string;
  storageKey: string | null;
  versionNumber: number;
}

/** 'ReadLifeEventEvidence' query type */
export interface IReadLifeEventEvidenceQuery {
  params: IReadLifeEventEvidenceParams;
  result: IReadLifeEventEvidenceResult;
}

const readLifeEventEvidenceIR: any = {"usedParamSet":{"tenantId":true,"eventId":true},"params":[{"name":"tenantId","required":true,"transform":{"type":"scalar"},"locs":[{"a":337,"b":346}]},{"name":"eventId","required":true,"transform":{"type":"scalar"},"locs":[{"a":363,"b":371}]}],"statement":"SELECT document_id AS \"documentId!\", version_number AS \"versionNumber!\", byte_size AS \"byteSize!\",\n       media_type AS \"mediaType!\", file_name AS \"fileName\", content_sha256 AS \"contentSha256!\", storage AS \"storage!\",\n       ciphertext AS \"ciphertext\", storage_key AS \"storageKey\"\nFROM support.sp_read_life_event_evidence(p_tenant_id => :tenantId!, p_event_id => :eventId!)"};

/**
 * Query generated from SQL:
 * ```
 * SELECT document_id AS "documentId!", version_number AS "versionNumber!", byte_size AS "byteSize!",
 *        media_type AS "mediaType!", file_name AS "fileName", content_sha256 AS "contentSha256!", storage AS "storage!",
 *        ciphertext AS "ciphertext", storage_key AS "storageKey"
 * FROM support.sp_read_life_event_evidence(p_tenant_id => :tenantId!, p_event_id => :eventId!)
 * ```
 */
export const readLifeEventEvidence = new PreparedQuery<IReadLifeEventEvidenceParams,IReadLifeEventEvidenceResult>(readLifeEventEvidenceIR);


