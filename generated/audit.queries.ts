/** Types generated for queries found in "procedures/calls/audit.sql" */
import { PreparedQuery } from '@pgtyped/runtime';

/** 'ListAuditPartitions' parameters type */
export type IListAuditPartitionsParams = void;

/** 'ListAuditPartitions' return type */
export interface IListAuditPartitionsResult {
  estimatedRows: string;
  headHash: string | null;
  lastSealedAt: Date | null;
  month: string | null;
  partitionName: string;
  retentionDue: boolean;
  sealedRows: string;
}

/** 'ListAuditPartitions' query type */
export interface IListAuditPartitionsQuery {
  params: IListAuditPartitionsParams;
  result: IListAuditPartitionsResult;
}

const listAuditPartitionsIR: any = {"usedParamSet":{},"params":[],"statement":"SELECT partition_name AS \"partitionName!\", month, estimated_rows AS \"estimatedRows!\",\n       sealed_rows AS \"sealedRows!\", last_sealed_at AS \"lastSealedAt\", head_hash AS \"headHash\",\n       retention_due AS \"retentionDue!\"\nFROM support.sp_list_audit_partitions()"};

/**
 * Query generated from SQL:
 * ```
 * SELECT partition_name AS "partitionName!", month, estimated_rows AS "estimatedRows!",
 *        sealed_rows AS "sealedRows!", last_sealed_at AS "lastSealedAt", head_hash AS "headHash",
 *        retention_due AS "retentionDue!"
 * FROM support.sp_list_audit_partitions()
 * ```
 */
export const listAuditPartitions = new PreparedQuery<IListAuditPartitionsParams,IListAuditPartitionsResult>(listAuditPartitionsIR);


/** 'VerifyAuditChain' parameters type */
export interface IVerifyAuditChainParams {
  month: string;
}

/** 'VerifyAuditChain' return type */
export interface IVerifyAuditChainResult {
  checkedRows: string;
  firstBadAuditId: string | null;
  firstBadSeq: string | null;
  headHash: string | null;
  ok: boolean;
  partitionName: string;
  problem: string | null;
  unchainedRows: string;
}

/** 'VerifyAuditChain' query type */
export interface IVerifyAuditChainQuery {
  params: IVerifyAuditChainParams;
  result: IVerifyAuditChainResult;
}

const verifyAuditChainIR: any = {"usedParamSet":{"month":true},"params":[{"name":"month","required":true,"transform":{"type":"scalar"},"locs":[{"a":290,"b":296}]}],"statement":"SELECT partition_name AS \"partitionName!\", ok AS \"ok!\", checked_rows AS \"checkedRows!\",\n       unchained_rows AS \"unchainedRows!\", first_bad_seq AS \"firstBadSeq\", first_bad_audit_id AS \"firstBadAuditId\",\n       problem, head_hash AS \"headHash\"\nFROM support.sp_verify_audit_chain(p_month => :month!)"};

/**
 * Query generated from SQL:
 * ```
 * SELECT partition_name AS "partitionName!", ok AS "ok!", checked_rows AS "checkedRows!",
 *        unchained_rows AS "unchainedRows!", first_bad_seq AS "firstBadSeq", first_bad_audit_id AS "firstBadAuditId",
 *        problem, head_hash AS "headHash"
 * FROM support.sp_verify_audit_chain(p_month => :month!)
 * ```
 */
export const verifyAuditChain = new PreparedQuery<IVerifyAuditChainParams,IVerifyAuditChainResult>(verifyAuditChainIR);


/** 'SealAuditLog' parameters type */
export interface ISealAuditLogParams {
  maxRows: number;
}

/** 'SealAuditLog' return type */
export interface ISealAuditLogResult {
  headHash: string;
  lastSeq: string;
  partitionName: string;
  sealedRows: number;
}

/** 'SealAuditLog' query type */
export interface ISealAuditLogQuery {
  params: ISealAuditLogParams;
  result: ISealAuditLogResult;
}

const sealAuditLogIR: any = {"usedParamSet":{"maxRows":true},"params":[{"name":"maxRows","required":true,"transform":{"type":"scalar"},"locs":[{"a":174,"b":182}]}],"statement":"SELECT partition_name AS \"partitionName!\", sealed_rows AS \"sealedRows!\", last_seq AS \"lastSeq!\",\n       head_hash AS \"headHash!\"\nFROM support.sp_seal_audit_log(p_max_rows => :maxRows!)"};

/**
 * Query generated from SQL:
 * ```
 * SELECT partition_name AS "partitionName!", sealed_rows AS "sealedRows!", last_seq AS "lastSeq!",
 *        head_hash AS "headHash!"
 * FROM support.sp_seal_audit_log(p_max_rows => :maxRows!)
 * ```
 */
export const sealAuditLog = new PreparedQuery<ISealAuditLogParams,ISealAuditLogResult>(sealAuditLogIR);


/** 'EnsureAuditPartitions' parameters type */
export interface IEnsureAuditPartitionsParams {
  monthsAhead: number;
}

/** 'EnsureAuditPartitions' return type */
export interface IEnsureAuditPartitionsResult {
  created: number;
}

/** 'EnsureAuditPartitions' query type */
export interface IEnsureAuditPartitionsQuery {
  params: IEnsureAuditPartitionsParams;
  result: IEnsureAuditPartitionsResult;
}

const ensureAuditPartitionsIR: any = {"usedParamSet":{"monthsAhead":true},"params":[{"name":"monthsAhead","required":true,"transform":{"type":"scalar"},"locs":[{"a":60,"b":72}]}],"statement":"SELECT support.sp_ensure_audit_partitions(p_months_ahead => :monthsAhead!) AS \"created!\""};

/**
 * Query generated from SQL:
 * ```
 * SELECT support.sp_ensure_audit_partitions(p_months_ahead => :monthsAhead!) AS "created!"
 * ```
 */
export const ensureAuditPartitions = new PreparedQuery<IEnsureAuditPartitionsParams,IEnsureAuditPartitionsResult>(ensureAuditPartitionsIR);


/** 'SetAuditRetention' parameters type */
export interface ISetAuditRetentionParams {
  monthsKept: number;
}

/** 'SetAuditRetention' return type */
export interface ISetAuditRetentionResult {
  monthsKept: number;
}

/** 'SetAuditRetention' query type */
export interface ISetAuditRetentionQuery {
  params: ISetAuditRetentionParams;
  result: ISetAuditRetentionResult;
}

const setAuditRetentionIR: any = {"usedParamSet":{"monthsKept":true},"params":[{"name":"monthsKept","required":true,"transform":{"type":"scalar"},"locs":[{"a":55,"b":66}]}],"statement":"SELECT support.sp_set_audit_retention(p_months_kept => :monthsKept!) AS \"monthsKept!\""};

/**
 * Query generated from SQL:
 * ```
 * SELECT support.sp_set_audit_retention(p_months_kept => :monthsKept!) AS "monthsKept!"
 * ```
 */
export const setAuditRetention = new PreparedQuery<ISetAuditRetentionParams,ISetAuditRetentionResult>(setAuditRetentionIR);


/** 'ApplyAuditRetention' parameters type */
export interface IApplyAuditRetentionParams {
  dryRun: boolean;
}

/** 'ApplyAuditRetention' return type */
export interface IApplyAuditRetentionResult {
  action: string;
  month: string;
  partitionName: string;
  reason: string;
}

/** 'ApplyAuditRetention' query type */
export interface IApplyAuditRetentionQuery {
  params: IApplyAuditRetentionParams;
  result: IApplyAuditRetentionResult;
}

const applyAuditRetentionIR: any = {"usedParamSet":{"dryRun":true},"params":[{"name":"dryRun","required":true,"transform":{"type":"scalar"},"locs":[{"a":154,"b":161}]}],"statement":"SELECT partition_name AS \"partitionName!\", month AS \"month!\", action AS \"action!\", reason AS \"reason!\"\nFROM support.sp_apply_audit_retention(p_dry_run => :dryRun!)"};

/**
 * Query generated from SQL:
 * ```
 * SELECT partition_name AS "partitionName!", month AS "month!", action AS "action!", reason AS "reason!"
 * FROM support.sp_apply_audit_retention(p_dry_run => :dryRun!)
 * ```
 */
export const applyAuditRetention = new PreparedQuery<IApplyAuditRetentionParams,IApplyAuditRetentionResult>(applyAuditRetentionIR);


