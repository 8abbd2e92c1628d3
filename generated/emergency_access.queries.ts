/** Types generated for queries found in "procedures/calls/emergency_access.sql" */
import { PreparedQuery } from '@pgtyped/runtime';

/** 'CreateEmergencyAccess' parameters type */
export interface ICreateEmergencyAccessParams {
  granteeEmail?: string | null | void;
  granteeUserId?: string | null | void;
  scope: string;
  waitDays: number;
}

/** 'CreateEmergencyAccess' return type */
export interface ICreateEmergencyAccessResult {
  accessDays: number;
  accessEndsAt: Date | null;
  approvedAt: Date | null;
  approvedBy: string | null;
  createdAt: Date;
  granteeUserId: string | null;
  grantId: string;
  grantorName: string;
  grantorPersonaId: string;
  grantorUserId: string;
  recoveryRequestedAt: Date | null;
  revokedAt: Date | null;
  revokedBy: string | null;
  role: string;
  scope: string;
  state: string;
  updatedAt: Date;
  waitDays: number;
  waitEndsAt: Date | null;
}

/** 'CreateEmergencyAccess' query type */
export interface ICreateEmergencyAccessQuery {
  params: ICreateEmergencyAccessParams;
  result: ICreateEmergencyAccessResult;
}

const createEmergencyAccessIR: any = {"usedParamSet":{"granteeUserId":true,"granteeEmail":true,"scope":true,"waitDays":true},"params":[{"name":"granteeUserId","required":false,"transform":{"type":"scalar"},"locs":[{"a":654,"b":667}]},{"name":"granteeEmail","required":false,"transform":{"type":"scalar"},"locs":[{"a":689,"b":701}]},{"name":"scope","required":true,"transform":{"type":"scalar"},"locs":[{"a":751,"b":757}]},{"name":"waitDays","required":true,"transform":{"type":"scalar"},"locs":[{"a":775,"b":784}]}],"statement":"SELECT grant_id AS \"grantId!\", role AS \"role!\", grantor_user_id AS \"grantorUserId!\", grantor_persona_id AS \"grantorPersonaId!\",\n       grantor_name AS \"grantorName!\", grantee_user_id AS \"granteeUserId\", scope AS \"scope!\", wait_days AS \"waitDays!\",\n       access_days AS \"accessDays!\", state AS \"state!\", recovery_requested_at AS \"recoveryRequestedAt\",\n       wait_ends_at AS \"waitEndsAt\", approved_at AS \"approvedAt\", approved_by AS \"approvedBy\", access_ends_at AS \"accessEndsAt\",\n       revoked_at AS \"revokedAt\", revoked_by AS \"revokedBy\", created_at AS \"createdAt!\", updated_at AS \"updatedAt!\"\nFROM api.sp_create_emergency_access(p_grantee_user_id => :granteeUserId, p_grantee_email => :granteeEmail,\n                                    p_scope => :scope!, p_wait_days => :waitDays!)"};

/**
 * Query generated from SQL:
 * ```
 * SELECT grant_id AS "grantId!", role AS "role!", grantor_user_id AS "grantorUserId!", grantor_persona_id AS "grantorPersonaId!",
 *        grantor_name AS "grantorName!", grantee_user_id AS "granteeUserId", scope AS "scope!", wait_days AS "waitDays!",
 *        access_days AS "accessDays!", state AS "state!", recovery_requested_at AS "recoveryRequestedAt",
 *        wait_ends_at AS "waitEndsAt", approved_at AS "approvedAt", approved_by AS "approvedBy", access_ends_at AS "accessEndsAt",
 *        revoked_at AS "revokedAt", revoked_by AS "revokedBy", created_at AS "createdAt!", updated_at AS "updatedAt!"
 * FROM api.sp_create_emergency_access(p_grantee_user_id => :granteeUserId, p_grantee_email => :granteeEmail,
 *                                     p_scope => :scope!, p_wait_days => :waitDays!)
 * ```
 */
export const createEmergencyAccess = new PreparedQuery<ICreateEmergencyAccessParams,ICreateEmergencyAccessResult>(createEmergencyAccessIR);


/** 'ListEmergencyAccess' parameters type */
export interface IListEmergencyAccessParams {
  limit: number;
  offset: number;
  role?: string | null | void;
}

/** 'ListEmergencyAccess' return type */
export interface IListEmergencyAccessResult {
  accessDays: number;
  accessEndsAt: Date | null;
  approvedAt: Date | null;
  approvedBy: string | null;
  createdAt: Date;
  granteeUserId: string | null;
  grantId: string;
  grantorName: string;
  grantorPersonaId: string;
  grantorUserId: string;
  recoveryRequestedAt: Date | null;
  revokedAt: Date | null;
  revokedBy: string | null;
  role: string;
  scope: string;
  state: string;
  updatedAt: Date;
  waitDays: number;
  waitEndsAt: Date | null;
}

/** 'ListEmergencyAccess' query type */
export interface IListEmergencyAccessQuery {
  params: IListEmergencyAccessParams;
  result: IListEmergencyAccessResult;
}

const listEmergencyAccessIR: any = {"usedParamSet":{"role":true,"limit":true,"offset":true},"params":[{"name":"role","required":false,"transform":{"type":"scalar"},"locs":[{"a":641,"b":645}]},{"name":"limit","required":true,"transform":{"type":"scalar"},"locs":[{"a":659,"b":665}]},{"name":"offset","required":true,"transform":{"type":"scalar"},"locs":[{"a":680,"b":687}]}],"statement":"SELECT grant_id AS \"grantId!\", role AS \"role!\", grantor_user_id AS \"grantorUserId!\", grantor_persona_id AS \"grantorPersonaId!\",\n       grantor_name AS \"grantorName!\", grantee_user_id AS \"granteeUserId\", scope AS \"scope!\", wait_days AS \"waitDays!\",\n       access_days AS \"accessDays!\", state AS \"state!\", recovery_requested_at AS \"recoveryRequestedAt\",\n       wait_ends_at AS \"waitEndsAt\", approved_at AS \"approvedAt\", approved_by AS \"approvedBy\", access_ends_at AS \"accessEndsAt\",\n       revoked_at AS \"revokedAt\", revoked_by AS \"revokedBy\", created_at AS \"createdAt!\", updated_at AS \"updatedAt!\"\nFROM api.sp_list_emergency_access(p_role => :role, p_limit => :limit!, p_offset => :offset!)"};

/**
 * Query generated from SQL:
 * ```
 * SELECT grant_id AS "grantId!", role AS "role!", grantor_user_id AS "grantorUserId!", grantor_persona_id AS "grantorPersonaId!",
 *        grantor_name AS "grantorName!", grantee_user_id AS "granteeUserId", scope AS "scope!", wait_days AS "waitDays!",
 *        access_days AS "accessDays!", state AS "state!", recovery_requested_at AS "recoveryRequestedAt",
 *        wait_ends_at AS "waitEndsAt", approved_at AS "approvedAt", approved_by AS "approvedBy", access_ends_at AS "accessEndsAt",
 *        revoked_at AS "revokedAt", revoked_by AS "revokedBy", created_at AS "createdAt!", updated_at AS "updatedAt!"
 * FROM api.sp_list_emergency_access(p_role => :role, p_limit => :limit!, p_offset => :offset!)
 * ```
 */
export const listEmergencyAccess = new PreparedQuery<IListEmergencyAccessParams,IListEmergencyAccessResult>(listEmergencyAccessIR);


/** 'AcceptEmergencyAccess' parameters type */
export interface IAcceptEmergencyAccessParams {
  grantId: string;
}

/** 'AcceptEmergencyAccess' return type */
export interface IAcceptEmergencyAccessResult {
  accessDays: number;
  accessEndsAt: Date | null;
  approvedAt: Date | null;
  approvedBy: string | null;
  createdAt: Date;
  granteeUserId: string | null;
  grantId: string;
  grantorName: string;
  grantorPersonaId: string;
  grantorUserId: string;
  recoveryRequestedAt: Date | null;
  revokedAt: Date | null;
  revokedBy: string | null;
  role: string;
  scope: string;
  state: string;
  updatedAt: Date;
  waitDays: number;
  waitEndsAt: Date | null;
}

/** 'AcceptEmergencyAccess' query type */
export interface IAcceptEmergencyAccessQuery {
  params: IAcceptEmergencyAccessParams;
  result: IAcceptEmergencyAccessResult;
}

const acceptEmergencyAccessIR: any = {"usedParamSet":{"grantId":true},"params":[{"name":"grantId","required":true,"transform":{"type":"scalar"},"locs":[{"a":647,"b":655}]}],"statement":"SELECT grant_id AS \"grantId!\", role AS \"role!\", grantor_user_id AS \"grantorUserId!\", grantor_persona_id AS \"grantorPersonaId!\",\n       grantor_name AS \"grantorName!\", grantee_user_id AS \"granteeUserId\", scope AS \"scope!\", wait_days AS \"waitDays!\",\n       access_days AS \"accessDays!\", state AS \"state!\", recovery_requested_at AS \"recoveryRequestedAt\",\n       wait_ends_at AS \"waitEndsAt\", approved_at AS \"approvedAt\", approved_by AS \"approvedBy\", access_ends_at AS \"accessEndsAt\",\n       revoked_at AS \"revokedAt\", revoked_by AS \"revokedBy\", created_at AS \"createdAt!\", updated_at AS \"updatedAt!\"\nFROM api.sp_accept_emergency_access(p_grant_id => :grantId!)"};

/**
 * Query generated from SQL:
 * ```
 * SELECT grant_id AS "grantId!", role AS "role!", grantor_user_id AS "grantorUserId!", grantor_persona_id AS "grantorPersonaId!",
 *        grantor_name AS "grantorName!", grantee_user_id AS "granteeUserId", scope AS "scope!", wait_days AS "waitDays!",
 *        access_days AS "accessDays!", state AS "state!", recovery_requested_at AS "recoveryRequestedAt",
 *        wait_ends_at AS "waitEndsAt", approved_at AS "approvedAt", approved_by AS "approvedBy", access_ends_at AS "accessEndsAt",
 *        revoked_at AS "revokedAt", revoked_by AS "revokedBy", created_at AS "createdAt!", updated_at AS "updatedAt!"
 * FROM api.sp_accept_emergency_access(p_grant_id => :grantId!)
 * ```
 */
export const acceptEmergencyAccess = new PreparedQuery<IAcceptEmergencyAccessParams,IAcceptEmergencyAccessResult>(acceptEmergencyAccessIR);


/** 'ConfirmEmergencyAccess' parameters type */
export interface IConfirmEmergencyAccessParams {
  grantId: string;
}

/** 'ConfirmEmergencyAccess' return type */
export interface IConfirmEmergencyAccessResult {
  accessDays: number;
  accessEndsAt: Date | null;
  approvedAt: Date | null;
  approvedBy: string | null;
  createdAt: Date;
  granteeUserId: string | null;
  grantId: string;
  grantorName: string;
  grantorPersonaId: string;
  grantorUserId: string;
  recoveryRequestedAt: Date | null;
  revokedAt: Date | null;
  revokedBy: string | null;
  role: string;
  scope: string;
  state: string;
  updatedAt: Date;
  waitDays: number;
  waitEndsAt: Date | null;
}

/** 'ConfirmEmergencyAccess' query type */
export interface IConfirmEmergencyAccessQuery {
  params: IConfirmEmergencyAccessParams;
  result: IConfirmEmergencyAccessResult;
}

const confirmEmergencyAccessIR: any = {"usedParamSet":{"grantId":true},"params":[{"name":"grantId","required":true,"transform":{"type":"scalar"},"locs":[{"a":648,"b":656}]}],"statement":"SELECT grant_id AS \"grantId!\", role AS \"role!\", grantor_user_id AS \"grantorUserId!\", grantor_persona_id AS \"grantorPersonaId!\",\n       grantor_name AS \"grantorName!\", grantee_user_id AS \"granteeUserId\", scope AS \"scope!\", wait_days AS \"waitDays!\",\n       access_days AS \"accessDays!\", state AS \"state!\", recovery_requested_at AS \"recoveryRequestedAt\",\n       wait_ends_at AS \"waitEndsAt\", approved_at AS \"approvedAt\", approved_by AS \"approvedBy\", access_ends_at AS \"accessEndsAt\",\n       revoked_at AS \"revokedAt\", revoked_by AS \"revokedBy\", created_at AS \"createdAt!\", updated_at AS \"updatedAt!\"\nFROM api.sp_confirm_emergency_access(p_grant_id => :grantId!)"};

/**
 * Query generated from SQL:
 * ```
 * SELECT grant_id AS "grantId!", role AS "role!", grantor_user_id AS "grantorUserId!", grantor_persona_id AS "grantorPersonaId!",
 *        grantor_name AS "grantorName!", grantee_user_id AS "granteeUserId", scope AS "scope!", wait_days AS "waitDays!",
 *        access_days AS "accessDays!", state AS "state!", recovery_requested_at AS "recoveryRequestedAt",
 *        wait_ends_at AS "waitEndsAt", approved_at AS "approvedAt", approved_by AS "approvedBy", access_ends_at AS "accessEndsAt",
 *        revoked_at AS "revokedAt", revoked_by AS "revokedBy", created_at AS "createdAt!", updated_at AS "updatedAt!"
 * FROM api.sp_confirm_emergency_access(p_grant_id => :grantId!)
 * ```
 */
export const confirmEmergencyAccess = new PreparedQuery<IConfirmEmergencyAccessParams,IConfirmEmergencyAccessResult>(confirmEmergencyAccessIR);


/** 'RequestEmergencyAccess' parameters type */
export interface IRequestEmergencyAccessParams {
  grantId: string;
}

/** 'RequestEmergencyAccess' return type */
export interface IRequestEmergencyAccessResult {
  accessDays: number;
  accessEndsAt: Date | null;
  approvedAt: Date | null;
  approvedBy: string | null;
  createdAt: Date;
  granteeUserId: string | null;
  grantId: string;
  grantorName: string;
  grantorPersonaId: string;
  grantorUserId: string;
  recoveryRequestedAt: Date | null;
  revokedAt: Date | null;
  revokedBy: string | null;
  role: string;
  scope: string;
  state: string;
  updatedAt: Date;
  waitDays: number;
  waitEndsAt: Date | null;
}

/** 'RequestEmergencyAccess' query type */
export interface IRequestEmergencyAccessQuery {
  params: IRequestEmergencyAccessParams;
  result: IRequestEmergencyAccessResult;
}

const requestEmergencyAccessIR: any = {"usedParamSet":{"grantId":true},"params":[{"name":"grantId","required":true,"transform":{"type":"scalar"},"locs":[{"a":648,"b":656}]}],"statement":"SELECT grant_id AS \"grantId!\", role AS \"role!\", grantor_user_id AS \"grantorUserId!\", grantor_persona_id AS \"grantorPersonaId!\",\n       grantor_name AS \"grantorName!\", grantee_user_id AS \"granteeUserId\", scope AS \"scope!\", wait_days AS \"waitDays!\",\n       access_days AS \"accessDays!\", state AS \"state!\", recovery_requested_at AS \"recoveryRequestedAt\",\n       wait_ends_at AS \"waitEndsAt\", approved_at AS \"approvedAt\", approved_by AS \"approvedBy\", access_ends_at AS \"accessEndsAt\",\n       revoked_at AS \"revokedAt\", revoked_by AS \"revokedBy\", created_at AS \"createdAt!\", updated_at AS \"updatedAt!\"\nFROM api.sp_request_emergency_access(p_grant_id => :grantId!)"};

/**
 * Query generated from SQL:
 * ```
 * SELECT grant_id AS "grantId!", role AS "role!", grantor_user_id AS "grantorUserId!", grantor_persona_id AS "grantorPersonaId!",
 *        grantor_name AS "grantorName!", grantee_user_id AS "granteeUserId", scope AS "scope!", wait_days AS "waitDays!",
 *        access_days AS "accessDays!", state AS "state!", recovery_requested_at AS "recoveryRequestedAt",
 *        wait_ends_at AS "waitEndsAt", approved_at AS "approvedAt", approved_by AS "approvedBy", access_ends_at AS "accessEndsAt",
 *        revoked_at AS "revokedAt", revoked_by AS "revokedBy", created_at AS "createdAt!", updated_at AS "updatedAt!"
 * FROM api.sp_request_emergency_access(p_grant_id => :grantId!)
 * ```
 */
export const requestEmergencyAccess = new PreparedQuery<IRequestEmergencyAccessParams,IRequestEmergencyAccessResult>(requestEmergencyAccessIR);


/** 'ApproveEmergencyAccess' parameters type */
export interface IApproveEmergencyAccessParams {
  grantId: string;
}

/** 'ApproveEmergencyAccess' return type */
export interface IApproveEmergencyAccessResult {
  accessDays: number;
  accessEndsAt: Date | null;
  approvedAt: Date | null;
  approvedBy: string | null;
  createdAt: Date;
  granteeUserId: string | null;
  grantId: string;
  grantorName: string;
  grantorPersonaId: string;
  grantorUserId: string;
  recoveryRequestedAt: Date | null;
  revokedAt: Date | null;
  revokedBy: string | null;
  role: string;
  scope: string;
  state: string;
  updatedAt: Date;
  waitDays: number;
  waitEndsAt: Date | null;
}

/** 'ApproveEmergencyAccess' query type */
export interface IApproveEmergencyAccessQuery {
  params: IApproveEmergencyAccessParams;
  result: IApproveEmergencyAccessResult;
}

const approveEmergencyAccessIR: any = {"usedParamSet":{"grantId":true},"params":[{"name":"grantId","required":true,"transform":{"type":"scalar"},"locs":[{"a":648,"b":656}]}],"statement":"SELECT grant_id AS \"grantId!\", role AS \"role!\", grantor_user_id AS \"grantorUserId!\", grantor_persona_id AS \"grantorPersonaId!\",\n       grantor_name AS \"grantorName!\", grantee_user_id AS \"granteeUserId\", scope AS \"scope!\", wait_days AS \"waitDays!\",\n       access_days AS \"accessDays!\", state AS \"state!\", recovery_requested_at AS \"recoveryRequestedAt\",\n       wait_ends_at AS \"waitEndsAt\", approved_at AS \"approvedAt\", approved_by AS \"approvedBy\", access_ends_at AS \"accessEndsAt\",\n       revoked_at AS \"revokedAt\", revoked_by AS \"revokedBy\", created_at AS \"createdAt!\", updated_at AS \"updatedAt!\"\nFROM api.sp_approve_emergency_access(p_grant_id => :grantId!)"};

/**
 * Query generated from SQL:
 * ```
 * SELECT grant_id AS "grantId!", role AS "role!", grantor_user_id AS "grantorUserId!", grantor_persona_id AS "grantorPersonaId!",
 *        grantor_name AS "grantorName!", grantee_user_id AS "granteeUserId", scope AS "scope!", wait_days AS "waitDays!",
 *        access_days AS "accessDays!", state AS "state!", recovery_requested_at AS "recoveryRequestedAt",
 *        wait_ends_at AS "waitEndsAt", approved_at AS "approvedAt", approved_by AS "approvedBy", access_ends_at AS "accessEndsAt",
 *        revoked_at AS "revokedAt", revoked_by AS "revokedBy", created_at AS "createdAt!", updated_at AS "updatedAt!"
 * FROM api.sp_approve_emergency_access(p_grant_id => :grantId!)
 * ```
 */
export const approveEmergencyAccess = new PreparedQuery<IApproveEmergencyAccessParams,IApproveEmergencyAccessResult>(approveEmergencyAccessIR);


/** 'RefuseEmergencyAccess' parameters type */
export interface IRefuseEmergencyAccessParams {
  grantId: string;
}

/** 'RefuseEmergencyAccess' return type */
export interface IRefuseEmergencyAccessResult {
  accessDays: number;
  accessEndsAt: Date | null;
  approvedAt: Date | null;
  approvedBy: string | null;
  createdAt: Date;
  granteeUserId: string | null;
  grantId: string;
  grantorName: string;
  grantorPersonaId: string;
  grantorUserId: string;
  recoveryRequestedAt: Date | null;
  revokedAt: Date | null;
  revokedBy: string | null;
  role: string;
  scope: string;
  state: string;
  updatedAt: Date;
  waitDays: number;
  waitEndsAt: Date | null;
}

/** 'RefuseEmergencyAccess' query type */
export interface IRefuseEmergencyAccessQuery {
  params: IRefuseEmergencyAccessParams;
  result: IRefuseEmergencyAccessResult;
}

const refuseEmergencyAccessIR: any = {"usedParamSet":{"grantId":true},"params":[{"name":"grantId","required":true,"transform":{"type":"scalar"},"locs":[{"a":647,"b":655}]}],"statement":"SELECT grant_id AS \"grantId!\", role AS \"role!\", grantor_user_id AS \"grantorUserId!\", grantor_persona_id AS \"grantorPersonaId!\",\n       grantor_name AS \"grantorName!\", grantee_user_id AS \"granteeUserId\", scope AS \"scope!\", wait_days AS \"waitDays!\",\n       access_days AS \"accessDays!\", state AS \"state!\", recovery_requested_at AS \"recoveryRequestedAt\",\n       wait_ends_at AS \"waitEndsAt\", approved_at AS \"approvedAt\", approved_by AS \"approvedBy\", access_ends_at AS \"accessEndsAt\",\n       revoked_at AS \"revokedAt\", revoked_by AS \"revokedBy\", created_at AS \"createdAt!\", updated_at AS \"updatedAt!\"\nFROM api.sp_refuse_emergency_access(p_grant_id => :grantId!)"};

/**
 * Query generated from SQL:
 * ```
 * SELECT grant_id AS "grantId!", role AS "role!", grantor_user_id AS "grantorUserId!", grantor_persona_id AS "grantorPersonaId!",
 *        grantor_name AS "grantorName!", grantee_user_id AS "granteeUserId", scope AS "scope!", wait_days AS "waitDays!",
 *        access_days AS "accessDays!", state AS "state!", recovery_requested_at AS "recoveryRequestedAt",
 *        wait_ends_at AS "waitEndsAt", approved_at AS "approvedAt", approved_by AS "approvedBy", access_ends_at AS "accessEndsAt",
 *        revoked_at AS "revokedAt", revoked_by AS "revokedBy", created_at AS "createdAt!", updated_at AS "updatedAt!"
 * FROM api.sp_refuse_emergency_access(p_grant_id => :grantId!)
 * ```
 */
export const refuseEmergencyAccess = new PreparedQuery<IRefuseEmergencyAccessParams,IRefuseEmergencyAccessResult>(refuseEmergencyAccessIR);


/** 'RevokeEmergencyAccess' parameters type */
export interface IRevokeEmergencyAccessParams {
  grantId: string;
}

/** 'RevokeEmergencyAccess' return type */
export interface IRevokeEmergencyAccessResult {
  accessDays: number;
  accessEndsAt: Date | null;
  approvedAt: Date | null;
  approvedBy: string | null;
  createdAt: Date;
  granteeUserId: string | null;
  grantId: string;
  grantorName: string;
  grantorPersonaId: string;
  grantorUserId: string;
  recoveryRequestedAt: Date | null;
  revokedAt: Date | null;
  revokedBy: string | null;
  role: string;
  scope: string;
  state: string;
  updatedAt: Date;
  waitDays: number;
  waitEndsAt: Date | null;
}

/** 'RevokeEmergencyAccess' query type */
export interface IRevokeEmergencyAccessQuery {
  params: IRevokeEmergencyAccessParams;
  result: IRevokeEmergencyAccessResult;
}

const revokeEmergencyAccessIR: any = {"usedParamSet":{"grantId":true},"params":[{"name":"grantId","required":true,"transform":{"type":"scalar"},"locs":[{"a":647,"b":655}]}],"statement":"SELECT grant_id AS \"grantId!\", role AS \"role!\", grantor_user_id AS \"grantorUserId!\", grantor_persona_id AS \"grantorPersonaId!\",\n       grantor_name AS \"grantorName!\", grantee_user_id AS \"granteeUserId\", scope AS \"scope!\", wait_days AS \"waitDays!\",\n       access_days AS \"accessDays!\", state AS \"state!\", recovery_requested_at AS \"recoveryRequestedAt\",\n       wait_ends_at AS \"waitEndsAt\", approved_at AS \"approvedAt\", approved_by AS \"approvedBy\", access_ends_at AS \"accessEndsAt\",\n       revoked_at AS \"revokedAt\", revoked_by AS \"revokedBy\", created_at AS \"createdAt!\", updated_at AS \"updatedAt!\"\nFROM api.sp_revoke_emergency_access(p_grant_id => :grantId!)"};

/**
 * Query generated from SQL:
 * ```
 * SELECT grant_id AS "grantId!", role AS "role!", grantor_user_id AS "grantorUserId!", grantor_persona_id AS "grantorPersonaId!",
 *        grantor_name AS "grantorName!", grantee_user_id AS "granteeUserId", scope AS "scope!", wait_days AS "waitDays!",
 *        access_days AS "accessDays!", state AS "state!", recovery_requested_at AS "recoveryRequestedAt",
 *        wait_ends_at AS "waitEndsAt", approved_at AS "approvedAt", approved_by AS "approvedBy", access_ends_at AS "accessEndsAt",
 *        revoked_at AS "revokedAt", revoked_by AS "revokedBy", created_at AS "createdAt!", updated_at AS "updatedAt!"
 * FROM api.sp_revoke_emergency_access(p_grant_id => :grantId!)
 * ```
 */
export const revokeEmergencyAccess = new PreparedQuery<IRevokeEmergencyAccessParams,IRevokeEmergencyAccessResult>(revokeEmergencyAccessIR);


/** 'ReadEmergencyAccessAssets' parameters type */
export interface IReadEmergencyAccessAssetsParams {
  grantId: string;
  limit: number;
  offset: number;
}

/** 'ReadEmergencyAccessAssets' return type */
export interface IReadEmergencyAccessAssetsResult {
  assetId: string;
  assetType: string;
  categoryCode: string;
  currency: string;
  currentValue: string | null;
  currentValueCurrency: string | null;
  isLiability: boolean;
  name: string;
  ownershipPercentage: string;
  total: number;
  valuedOn: string | null;
}

/** 'ReadEmergencyAccessAssets' query type */
export interface IReadEmergencyAccessAssetsQuery {
  params: IReadEmergencyAccessAssetsParams;
  result: IReadEmergencyAccessAssetsResult;
}

const readEmergencyAccessAssetsIR: any = {"usedParamSet":{"grantId":true,"limit":true,"offset":true},"params":[{"name":"grantId","required":true,"transform":{"type":"scalar"},"locs":[{"a":417,"b":425}]},{"name":"limit","required":true,"transform":{"type":"scalar"},"locs":[{"a":439,"b":445}]},{"name":"offset","required":true,"transform":{"type":"scalar"},"locs":[{"a":460,"b":467}]}],"statement":"SELECT asset_id AS \"assetId!\", asset_type AS \"assetType!\", category_code AS \"categoryCode!\", name AS \"name!\",\n       currency AS \"currency!\", is_liability AS \"isLiability!\", ownership_percentage AS \"ownershipPercentage!\",\n       current_value AS \"currentValue\", current_value_currency AS \"currentValueCurrency\", valued_on AS \"valuedOn\",\n       total AS \"total!\"\nFROM api.sp_read_emergency_access_assets(p_grant_id => :grantId!, p_limit => :limit!, p_offset => :offset!)"};

/**
 * Query generated from SQL:
 * ```
 * SELECT asset_id AS "assetId!", asset_type AS "assetType!", category_code AS "categoryCode!", name AS "name!",
 *        currency AS "currency!", is_liability AS "isLiability!", ownership_percentage AS "ownershipPercentage!",
 *        current_value AS "currentValue", current_value_currency AS "currentValueCurrency", valued_on AS "valuedOn",
 *        total AS "total!"
 * FROM api.sp_read_emergency_access_assets(p_grant_id => :grantId!, p_limit => :limit!, p_offset => :offset!)
 * ```
 */
export const readEmergencyAccessAssets = new PreparedQuery<IReadEmergencyAccessAssetsParams,IReadEmergencyAccessAssetsResult>(readEmergencyAccessAssetsIR);


/** 'SettleEmergencyAccess' parameters type */
export interface ISettleEmergencyAccessParams {
  limit: number;
  tenantId?: string | null | void;
}

/** 'SettleEmergencyAccess' return type */
export interface ISettleEmergencyAccessResult {
  grantId: string;
  state: string;
  tenantId: string;
}

/** 'SettleEmergencyAccess' query type */
export interface ISettleEmergencyAccessQuery {
  params: ISettleEmergencyAccessParams;
  result: ISettleEmergencyAccessResult;
}

const settleEmergencyAccessIR: any = {"usedParamSet":{"tenantId":true,"limit":true},"params":[{"name":"tenantId","required":false,"transform":{"type":"scalar"},"locs":[{"a":130,"b":138}]},{"name":"limit","required":true,"transform":{"type":"scalar"},"locs":[{"a":152,"b":158}]}],"statement":"SELECT tenant_id AS \"tenantId!\", grant_id AS \"grantId!\", state AS \"state!\"\nFROM support.sp_settle_emergency_access(p_tenant_id => :tenantId, p_limit => :limit!)"};

/**
 * Query generated from SQL:
 * ```
 * SELECT tenant_id AS "tenantId!", grant_id AS "grantId!", state AS "state!"
 * FROM support.sp_settle_emergency_access(p_tenant_id => :tenantId, p_limit => :limit!)
 * ```
 */
export const settleEmergencyAccess = new PreparedQuery<ISettleEmergencyAccessParams,ISettleEmergencyAccessResult>(settleEmergencyAccessIR);


