/** Types generated for queries found in "procedures/calls/credentials.sql" */
import { PreparedQuery } from '@pgtyped/runtime';

export type stringArray = (string)[];

/** 'SetTenantSecurityPolicy' parameters type */
export interface ISetTenantSecurityPolicyParams {
  mfaFactors: stringArray;
  mfaRequired: boolean;
  passwordMaxAgeDays?: number | null | void;
  tenantId: string;
}

/** 'SetTenantSecurityPolicy' return type */
export interface ISetTenantSecurityPolicyResult {
  mfaFactors: stringArray;
  mfaRequired: boolean;
  passwordMaxAgeDays: number | null;
  tenantId: string;
  updatedAt: Date;
  updatedBy: string;
}

/** 'SetTenantSecurityPolicy' query type */
export interface ISetTenantSecurityPolicyQuery {
  params: ISetTenantSecurityPolicyParams;
  result: ISetTenantSecurityPolicyResult;
}

const setTenantSecurityPolicyIR: any = {"usedParamSet":{"tenantId":true,"mfaRequired":true,"mfaFactors":true,"passwordMaxAgeDays":true},"params":[{"name":"tenantId","required":true,"transform":{"type":"scalar"},"locs":[{"a":262,"b":271}]},{"name":"mfaRequired","required":true,"transform":{"type":"scalar"},"locs":[{"a":292,"b":304}]},{"name":"mfaFactors","required":true,"transform":{"type":"scalar"},"locs":[{"a":367,"b":378}]},{"name":"passwordMaxAgeDays","required":false,"transform":{"type":"scalar"},"locs":[{"a":451,"b":469}]}],"statement":"SELECT tenant_id AS \"tenantId!\", mfa_required AS \"mfaRequired!\", mfa_factors AS \"mfaFactors!\",\n       password_max_age_days AS \"passwordMaxAgeDays\", updated_by AS \"updatedBy!\", updated_at AS \"updatedAt!\"\nFROM support.sp_set_tenant_security_policy(p_tenant_id => :tenantId!, p_mfa_required => :mfaRequired!,\n                                           p_mfa_factors => :mfaFactors!,\n                                           p_password_max_age_days => :passwordMaxAgeDays)"};

/**
 * Query generated from SQL:
 * ```
 * SELECT tenant_id AS "tenantId!", mfa_required AS "mfaRequired!", mfa_factors AS "mfaFactors!",
 *        password_max_age_days AS "passwordMaxAgeDays", updated_by AS "updatedBy!", updated_at AS "updatedAt!"
 * FROM support.sp_set_tenant_security_policy(p_tenant_id => :tenantId!, p_mfa_required => :mfaRequired!,
 *                                            p_mfa_factors => :mfaFactors!,
 *                                            p_password_max_age_days => :passwordMaxAgeDays)
 * ```
 */
export const setTenantSecurityPolicy = new PreparedQuery<ISetTenantSecurityPolicyParams,ISetTenantSecurityPolicyResult>(setTenantSecurityPolicyIR);


/** 'GetTenantSecurityPolicy' parameters type */
export interface IGetTenantSecurityPolicyParams {
  tenantId: string;
}

/** 'GetTenantSecurityPolicy' return type */
export interface IGetTenantSecurityPolicyResult {
  mfaFactors: stringArray;
  mfaRequired: boolean;
  passwordMaxAgeDays: number | null;
  tenantId: string;
  updatedAt: Date | null;
  updatedBy: string | null;
}

/** 'GetTenantSecurityPolicy' query type */
export interface IGetTenantSecurityPolicyQuery {
  params: IGetTenantSecurityPolicyParams;
  result: IGetTenantSecurityPolicyResult;
}

const getTenantSecurityPolicyIR: any = {"usedParamSet":{"tenantId":true},"params":[{"name":"tenantId","required":true,"transform":{"type":"scalar"},"locs":[{"a":260,"b":269}]}],"statement":"SELECT tenant_id AS \"tenantId!\", mfa_required AS \"mfaRequired!\", mfa_factors AS \"mfaFactors!\",\n       password_max_age_days AS \"passwordMaxAgeDays\", updated_by AS \"updatedBy\", updated_at AS \"updatedAt\"\nFROM support.sp_get_tenant_security_policy(p_tenant_id => :tenantId!)"};

/**
 * Query generated from SQL:
 * ```
 * SELECT tenant_id AS "tenantId!", mfa_required AS "mfaRequired!", mfa_factors AS "mfaFactors!",
 *        password_max_age_days AS "passwordMaxAgeDays", updated_by AS "updatedBy", updated_at AS "updatedAt"
 * FROM support.sp_get_tenant_security_policy(p_tenant_id => :tenantId!)
 * ```
 */
export const getTenantSecurityPolicy = new PreparedQuery<IGetTenantSecurityPolicyParams,IGetTenantSecurityPolicyResult>(getTenantSecurityPolicyIR);


/** 'GetMyMfa' parameters type */
export type IGetMyMfaParams = void;

/** 'GetMyMfa' return type */
export interface IGetMyMfaResult {
  allowedFactors: stringArray;
  enrolledFactors: stringArray;
  mfaRequired: boolean;
  preferredFactor: string | null;
  reportedAt: Date | null;
  tokenHasMfa: boolean;
}

/** 'GetMyMfa' query type */
export interface IGetMyMfaQuery {
  params: IGetMyMfaParams;
  result: IGetMyMfaResult;
}

const getMyMfaIR: any = {"usedParamSet":{},"params":[],"statement":"SELECT mfa_required AS \"mfaRequired!\", allowed_factors AS \"allowedFactors!\", enrolled_factors AS \"enrolledFactors!\",\n       preferred_factor AS \"preferredFactor\", reported_at AS \"reportedAt\", token_has_mfa AS \"tokenHasMfa!\"\nFROM api.sp_get_my_mfa()"};

/**
 * Query generated from SQL:
 * ```
 * SELECT mfa_required AS "mfaRequired!", allowed_factors AS "allowedFactors!", enrolled_factors AS "enrolledFactors!",
 *        preferred_factor AS "preferredFactor", reported_at AS "reportedAt", token_has_mfa AS "tokenHasMfa!"
 * FROM api.sp_get_my_mfa()
 * ```
 */
export const getMyMfa = new PreparedQuery<IGetMyMfaParams,IGetMyMfaResult>(getMyMfaIR);


/** 'ReportMyMfaFactors' parameters type */
export interface IReportMyMfaFactorsParams {
  factors: stringArray;
  preferredFactor?: string | null | void;
}

/** 'ReportMyMfaFactors' return type */
export interface IReportMyMfaFactorsResult {
  allowedFactors: stringArray;
  enrolledFactors: stringArray;
  mfaRequired: boolean;
  preferredFactor: string | null;
  reportedAt: Date | null;
  tokenHasMfa: boolean;
}

/** 'ReportMyMfaFactors' query type */
export interface IReportMyMfaFactorsQuery {
  params: IReportMyMfaFactorsParams;
  result: IReportMyMfaFactorsResult;
}

const reportMyMfaFactorsIR: any = {"usedParamSet":{"factors":true,"preferredFactor":true},"params":[{"name":"factors","required":true,"transform":{"type":"scalar"},"locs":[{"a":271,"b":279}]},{"name":"preferredFactor","required":false,"transform":{"type":"scalar"},"locs":[{"a":304,"b":319}]}],"statement":"SELECT mfa_required AS \"mfaRequired!\", allowed_factors AS \"allowedFactors!\", enrolled_factors AS \"enrolledFactors!\",\n       preferred_factor AS \"preferredFactor\", reported_at AS \"reportedAt\", token_has_mfa AS \"tokenHasMfa!\"\nFROM api.sp_report_my_mfa_factors(p_factors => :factors!, p_preferred_factor => :preferredFactor)"};

/**
 * Query generated from SQL:
 * ```
 * SELECT mfa_required AS "mfaRequired!", allowed_factors AS "allowedFactors!", enrolled_factors AS "enrolledFactors!",
 *        preferred_factor AS "preferredFactor", reported_at AS "reportedAt", token_has_mfa AS "tokenHasMfa!"
 * FROM api.sp_report_my_mfa_factors(p_factors => :factors!, p_preferred_factor => :preferredFactor)
 * ```
 */
export const reportMyMfaFactors = new PreparedQuery<IReportMyMfaFactorsParams,IReportMyMfaFactorsResult>(reportMyMfaFactorsIR);


/** 'GetMyPasswordStatus' parameters type */
export type IGetMyPasswordStatusParams = void;

/** 'GetMyPasswordStatus' return type */
export interface IGetMyPasswordStatusResult {
  dueAt: Date | null;
  lastRotatedAt: Date | null;
  maxAgeDays: number | null;
  overdue: boolean;
}

/** 'GetMyPasswordStatus' query type */
export interface IGetMyPasswordStatusQuery {
  params: IGetMyPasswordStatusParams;
  result: IGetMyPasswordStatusResult;
}

const getMyPasswordStatusIR: any = {"usedParamSet":{},"params":[],"statement":"SELECT last_rotated_at AS \"lastRotatedAt\", max_age_days AS \"maxAgeDays\", due_at AS \"dueAt\", overdue AS \"overdue!\"\nFROM api.sp_get_my_password_status()"};

/**
 * Query generated from SQL:
 * ```
 * SELECT last_rotated_at AS "lastRotatedAt", max_age_days AS "maxAgeDays", due_at AS "dueAt", overdue AS "overdue!"
 * FROM api.sp_get_my_password_status()
 * ```
 */
export const getMyPasswordStatus = new PreparedQuery<IGetMyPasswordStatusParams,IGetMyPasswordStatusResult>(getMyPasswordStatusIR);


/** 'ReportPasswordRotation' parameters type */
export type IReportPasswordRotationParams = void;

/** 'ReportPasswordRotation' return type */
export interface IReportPasswordRotationResult {
  dueAt: Date | null;
  lastRotatedAt: Date | null;
  maxAgeDays: number | null;
  overdue: boolean;
}

/** 'ReportPasswordRotation' query type */
export interface IReportPasswordRotationQuery {
  params: IReportPasswordRotationParams;
  result: IReportPasswordRotationResult;
}

const reportPasswordRotationIR: any = {"usedParamSet":{},"params":[],"statement":"SELECT last_rotated_at AS \"lastRotatedAt\", max_age_days AS \"maxAgeDays\", due_at AS \"dueAt\", overdue AS \"overdue!\"\nFROM api.sp_report_password_rotation()"};

/**
 * Query generated from SQL:
 * ```
 * SELECT last_rotated_at AS "lastRotatedAt", max_age_days AS "maxAgeDays", due_at AS "dueAt", overdue AS "overdue!"
 * FROM api.sp_report_password_rotation()
 * ```
 */
export const reportPasswordRotation = new PreparedQuery<IReportPasswordRotationParams,IReportPasswordRotationResult>(reportPasswordRotationIR);


/** 'ListMySecurityQuestions' parameters type */
export type IListMySecurityQuestionsParams = void;

/** 'ListMySecurityQuestions' return type */
export interface IListMySecurityQuestionsResult {
  createdAt: Date;
  position: number;
  question: string;
  questionId: string;
}

/** 'ListMySecurityQuestions' query type */
export interface IListMySecurityQuestionsQuery {
  params: IListMySecurityQuestionsParams;
  result: IListMySecurityQuestionsResult;
}

const listMySecurityQuestionsIR: any = {"usedParamSet":{},"params":[],"statement":"SELECT question_id AS \"questionId!\", question_position AS \"position!\", question AS \"question!\",\n       created_at AS \"createdAt!\"\nFROM api.sp_list_my_security_questions()"};

/**
 * Query generated from SQL:
 * ```
 * SELECT question_id AS "questionId!", question_position AS "position!", question AS "question!",
 *        created_at AS "createdAt!"
 * FROM api.sp_list_my_security_questions()
 * ```
 */
export const listMySecurityQuestions = new PreparedQuery<IListMySecurityQuestionsParams,IListMySecurityQuestionsResult>(listMySecurityQuestionsIR);


/** 'SetMySecurityQuestions' parameters type */
export interface ISetMySecurityQuestionsParams {
  answerHashes: stringArray;
  questions: stringArray;
}

/** 'SetMySecurityQuestions' return type */
export interface ISetMySecurityQuestionsResult {
  createdAt: Date;
  position: number;
  question: string;
  questionId: string;
}

/** 'SetMySecurityQuestions' query type */
export interface ISetMySecurityQuestionsQuery {
  params: ISetMySecurityQuestionsParams;
  result: ISetMySecurityQuestionsResult;
}

const setMySecurityQuestionsIR: any = {"usedParamSet":{"questions":true,"answerHashes":true},"params":[{"name":"questions","required":true,"transform":{"type":"scalar"},"locs":[{"a":183,"b":193}]},{"name":"answerHashes","required":true,"transform":{"type":"scalar"},"locs":[{"a":215,"b":228}]}],"statement":"SELECT question_id AS \"questionId!\", question_position AS \"position!\", question AS \"question!\",\n       created_at AS \"createdAt!\"\nFROM api.sp_set_my_security_questions(p_questions => :questions!, p_answer_hashes => :answerHashes!)"};

/**
 * Query generated from SQL:
 * ```
 * SELECT question_id AS "questionId!", question_position AS "position!", question AS "question!",
 *        created_at AS "createdAt!"
 * FROM api.sp_set_my_security_questions(p_questions => :questions!, p_answer_hashes => :answerHashes!)
 * ```
 */
export const setMySecurityQuestions = new PreparedQuery<ISetMySecurityQuestionsParams,ISetMySecurityQuestionsResult>(setMySecurityQuestionsIR);


/** 'BeginSecurityAnswerCheck' parameters type */
export interface IBeginSecurityAnswerCheckParams {
  questionIds: stringArray;
}

/** 'BeginSecurityAnswerCheck' return type */
export interface IBeginSecurityAnswerCheckResult {
  answerHash: string;
  attemptId: string;
  questionId: string;
}

/** 'BeginSecurityAnswerCheck' query type */
export interface IBeginSecurityAnswerCheckQuery {
  params: IBeginSecurityAnswerCheckParams;
  result: IBeginSecurityAnswerCheckResult;
}

const beginSecurityAnswerCheckIR: any = {"usedParamSet":{"questionIds":true},"params":[{"name":"questionIds","required":true,"transform":{"type":"scalar"},"locs":[{"a":152,"b":164}]}],"statement":"SELECT attempt_id AS \"attemptId!\", question_id AS \"questionId!\", answer_hash AS \"answerHash!\"\nFROM api.sp_begin_security_answer_check(p_question_ids => :questionIds!)"};

/**
 * Query generated from SQL:
 * ```
 * SELECT attempt_id AS "attemptId!", question_id AS "questionId!", answer_hash AS "answerHash!"
 * FROM api.sp_begin_security_answer_check(p_question_ids => :questionIds!)
 * ```
 */
export const beginSecurityAnswerCheck = new PreparedQuery<IBeginSecurityAnswerCheckParams,IBeginSecurityAnswerCheckResult>(beginSecurityAnswerCheckIR);


/** 'FinishSecurityAnswerCheck' parameters type */
export interface IFinishSecurityAnswerCheckParams {
  attemptId: string;
  verified: boolean;
}

/** 'FinishSecurityAnswerCheck' return type */
export interface IFinishSecurityAnswerCheckResult {
  attemptsLeft: number;
  lockedUntil: Date | null;
  verified: boolean;
}

/** 'FinishSecurityAnswerCheck' query type */
export interface IFinishSecurityAnswerCheckQuery {
  params: IFinishSecurityAnswerCheckParams;
  result: IFinishSecurityAnswerCheckResult;
}

const finishSecurityAnswerCheckIR: any = {"usedParamSet":{"attemptId":true,"verified":true},"params":[{"name":"attemptId","required":true,"transform":{"type":"scalar"},"locs":[{"a":153,"b":163}]},{"name":"verified","required":true,"transform":{"type":"scalar"},"locs":[{"a":180,"b":189}]}],"statement":"SELECT verified AS \"verified!\", attempts_left AS \"attemptsLeft!\", locked_until AS \"lockedUntil\"\nFROM api.sp_finish_security_answer_check(p_attempt_id => :attemptId!, p_verified => :verified!)"};

/**
 * Query generated from SQL:
 * ```
 * SELECT verified AS "verified!", attempts_left AS "attemptsLeft!", locked_until AS "lockedUntil"
 * FROM api.sp_finish_security_answer_check(p_attempt_id => :attemptId!, p_verified => :verified!)
 * ```
 */
export const finishSecurityAnswerCheck = new PreparedQuery<IFinishSecurityAnswerCheckParams,IFinishSecurityAnswerCheckResult>(finishSecurityAnswerCheckIR);


