/** Types generated for queries found in "procedures/calls/estate_access.sql" */
import { PreparedQuery } from '@pgtyped/runtime';

/** 'ReadFiduciaryAssets' parameters type */
export interface IReadFiduciaryAssetsParams {
  limit: number;
  offset: number;
  personaId: string;
}

/** 'ReadFiduciaryAssets' return type */
export interface IReadFiduciaryAssetsResult {
  accessRole: string;
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

/** 'ReadFiduciaryAssets' query type */
export interface IReadFiduciaryAssetsQuery {
  params: IReadFiduciaryAssetsParams;
  result: IReadFiduciaryAssetsResult;
}

const readFiduciaryAssetsIR: any = {"usedParamSet":{"personaId":true,"limit":true,"offset":true},"params":[{"name":"personaId","required":true,"transform":{"type":"scalar"},"locs":[{"a":442,"b":452}]},{"name":"limit","required":true,"transform":{"type":"scalar"},"locs":[{"a":466,"b":472}]},{"name":"offset","required":true,"transform":{"type":"scalar"},"locs":[{"a":487,"b":494}]}],"statement":"SELECT asset_id AS \"assetId!\", asset_type AS \"assetType!\", category_code AS \"categoryCode!\", name AS \"name!\",\n       currency AS \"currency!\", is_liability AS \"isLiability!\", ownership_percentage AS \"ownershipPercentage!\",\n       current_value AS \"currentValue\", current_value_currency AS \"currentValueCurrency\", valued_on AS \"valuedOn\",\n       access_role AS \"accessRole!\", total AS \"total!\"\nFROM api.sp_read_fiduciary_assets(p_persona_id => :personaId!, p_limit => :limit!, p_offset => :offset!)"};

/**
 * Query generated from SQL:
 * ```
 * SELECT asset_id AS "assetId!", asset_type AS "assetType!", category_code AS "categoryCode!", name AS "name!",
 *        currency AS "currency!", is_liability AS "isLiability!", ownership_percentage AS "ownershipPercentage!",
 *        current_value AS "currentValue", current_value_currency AS "currentValueCurrency", valued_on AS "valuedOn",
 *        access_role AS "accessRole!", total AS "total!"
 * FROM api.sp_read_fiduciary_assets(p_persona_id => :personaId!, p_limit => :limit!, p_offset => :offset!)
 * ```
 */
export const readFiduciaryAssets = new PreparedQuery<IReadFiduciaryAssetsParams,IReadFiduciaryAssetsResult>(readFiduciaryAssetsIR);


/** 'ListEstateReads' parameters type */
export interface IListEstateReadsParams {
  limit: number;
  offset: number;
  personaId: string;
}

/** 'ListEstateReads' return type */
export interface IListEstateReadsResult {
  occurredAt: Date;
  readerUserId: string | null;
  rowId: string | null;
  rowsRead: number | null;
  total: number;
  via: string;
  what: string;
}

/** 'ListEstateReads' query type */
export interface IListEstateReadsQuery {
  params: IListEstateReadsParams;
  result: IListEstateReadsResult;
}

const listEstateReadsIR: any = {"usedParamSet":{"personaId":true,"limit":true,"offset":true},"params":[{"name":"personaId","required":true,"transform":{"type":"scalar"},"locs":[{"a":218,"b":228}]},{"name":"limit","required":true,"transform":{"type":"scalar"},"locs":[{"a":242,"b":248}]},{"name":"offset","required":true,"transform":{"type":"scalar"},"locs":[{"a":263,"b":270}]}],"statement":"SELECT occurred_at AS \"occurredAt!\", what AS \"what!\", reader_user_id AS \"readerUserId\", via AS \"via!\",\n       row_id AS \"rowId\", rows_read AS \"rowsRead\", total AS \"total!\"\nFROM api.sp_list_estate_reads(p_persona_id => :personaId!, p_limit => :limit!, p_offset => :offset!)"};

/**
 * Query generated from SQL:
 * ```
 * SELECT occurred_at AS "occurredAt!", what AS "what!", reader_user_id AS "readerUserId", via AS "via!",
 *        row_id AS "rowId", rows_read AS "rowsRead", total AS "total!"
 * FROM api.sp_list_estate_reads(p_persona_id => :personaId!, p_limit => :limit!, p_offset => :offset!)
 * ```
 */
export const listEstateReads = new PreparedQuery<IListEstateReadsParams,IListEstateReadsResult>(listEstateReadsIR);


