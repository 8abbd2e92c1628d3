/** Types generated for queries found in "procedures/calls/estate_access.sql" */
import { PreparedQuery } from '@pgtyped/runtime';

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

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


/** 'ReadFiduciaryEstateFlow' parameters type */
export interface IReadFiduciaryEstateFlowParams {
  asOf?: string | null | void;
  currency: string;
  personaId: string;
}

/** 'ReadFiduciaryEstateFlow' return type */
export interface IReadFiduciaryEstateFlowResult {
  amount: string;
  asOf: string;
  assetId: string | null;
  assetName: string | null;
  recipientEntityId: string | null;
  recipientKind: string;
  recipientName: string;
  recipientPersonaId: string | null;
  route: string;
}

/** 'ReadFiduciaryEstateFlow' query type */
export interface IReadFiduciaryEstateFlowQuery {
  params: IReadFiduciaryEstateFlowParams;
  result: IReadFiduciaryEstateFlowResult;
}

const readFiduciaryEstateFlowIR: any = {"usedParamSet":{"personaId":true,"asOf":true,"currency":true},"params":[{"name":"personaId","required":true,"transform":{"type":"scalar"},"locs":[{"a":345,"b":355}]},{"name":"asOf","required":false,"transform":{"type":"scalar"},"locs":[{"a":369,"b":373}]},{"name":"currency","required":true,"transform":{"type":"scalar"},"locs":[{"a":390,"b":399}]}],"statement":"SELECT asset_id AS \"assetId\", asset_name AS \"assetName\", route AS \"route!\", recipient_kind AS \"recipientKind!\",\n       recipient_persona_id AS \"recipientPersonaId\", recipient_entity_id AS \"recipientEntityId\",\n       recipient_name AS \"recipientName!\", amount AS \"amount!\", as_of AS \"asOf!\"\nFROM api.sp_read_fiduciary_estate_flow(p_persona_id => :personaId!, p_as_of => :asOf, p_currency => :currency!)"};

/**
 * Query generated from SQL:
 * ```
 * SELECT asset_id AS "assetId", asset_name AS "assetName", route AS "route!", recipient_kind AS "recipientKind!",
 *        recipient_persona_id AS "recipientPersonaId", recipient_entity_id AS "recipientEntityId",
 *        recipient_name AS "recipientName!", amount AS "amount!", as_of AS "asOf!"
 * FROM api.sp_read_fiduciary_estate_flow(p_persona_id => :personaId!, p_as_of => :asOf, p_currency => :currency!)
 * ```
 */
export const readFiduciaryEstateFlow = new PreparedQuery<IReadFiduciaryEstateFlowParams,IReadFiduciaryEstateFlowResult>(readFiduciaryEstateFlowIR);


/** 'GetEstateSnapshot' parameters type */
export interface IGetEstateSnapshotParams {
  personaId: string;
}

/** 'GetEstateSnapshot' return type */
export interface IGetEstateSnapshotResult {
  currency: string | null;
  estateFlow: Json | null;
  eventId: string;
  holdings: Json;
  netWorth: Json | null;
  occurredOn: string;
  verifiedAt: Date;
}

/** 'GetEstateSnapshot' query type */
export interface IGetEstateSnapshotQuery {
  params: IGetEstateSnapshotParams;
  result: IGetEstateSnapshotResult;
}

const getEstateSnapshotIR: any = {"usedParamSet":{"personaId":true},"params":[{"name":"personaId","required":true,"transform":{"type":"scalar"},"locs":[{"a":248,"b":258}]}],"statement":"SELECT event_id AS \"eventId!\", occurred_on AS \"occurredOn!\", verified_at AS \"verifiedAt!\", currency AS \"currency\",\n       holdings AS \"holdings!\", net_worth AS \"netWorth\", estate_flow AS \"estateFlow\"\nFROM api.sp_get_estate_snapshot(p_persona_id => :personaId!)"};

/**
 * Query generated from SQL:
 * ```
 * SELECT event_id AS "eventId!", occurred_on AS "occurredOn!", verified_at AS "verifiedAt!", currency AS "currency",
 *        holdings AS "holdings!", net_worth AS "netWorth", estate_flow AS "estateFlow"
 * FROM api.sp_get_estate_snapshot(p_persona_id => :personaId!)
 * ```
 */
export const getEstateSnapshot = new PreparedQuery<IGetEstateSnapshotParams,IGetEstateSnapshotResult>(getEstateSnapshotIR);


