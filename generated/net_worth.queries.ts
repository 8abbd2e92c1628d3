/** Types generated for queries found in "procedures/calls/net_worth.sql" */
import { PreparedQuery } from '@pgtyped/runtime';

/** 'CalculateNetWorth' parameters type */
export interface ICalculateNetWorthParams {
  asOf: string;
  currency: string;
  personaId: string;
}

/** 'CalculateNetWorth' return type */
export interface ICalculateNetWorthResult {
  asOf: string;
  assetCount: number;
  currency: string;
  netWorth: string;
  personaId: string;
  totalAssets: string;
  totalLiabilities: string;
}

/** 'CalculateNetWorth' query type */
export interface ICalculateNetWorthQuery {
  params: ICalculateNetWorthParams;
  result: ICalculateNetWorthResult;
}

const calculateNetWorthIR: any = {"usedParamSet":{"personaId":true,"asOf":true,"currency":true},"params":[{"name":"personaId","required":true,"transform":{"type":"scalar"},"locs":[{"a":262,"b":272}]},{"name":"asOf","required":true,"transform":{"type":"scalar"},"locs":[{"a":286,"b":291}]},{"name":"currency","required":true,"transform":{"type":"scalar"},"locs":[{"a":308,"b":317}]}],"statement":"SELECT persona_id AS \"personaId!\", as_of AS \"asOf!\", currency AS \"currency!\", total_assets AS \"totalAssets!\",\n       total_liabilities AS \"totalLiabilities!\", net_worth AS \"netWorth!\", asset_count AS \"assetCount!\"\nFROM api.sp_calculate_net_worth(p_persona_id => :personaId!, p_as_of => :asOf!, p_currency => :currency!)"};

/**
 * Query generated from SQL:
 * ```
 * SELECT persona_id AS "personaId!", as_of AS "asOf!", currency AS "currency!", total_assets AS "totalAssets!",
 *        total_liabilities AS "totalLiabilities!", net_worth AS "netWorth!", asset_count AS "assetCount!"
 * FROM api.sp_calculate_net_worth(p_persona_id => :personaId!, p_as_of => :asOf!, p_currency => :currency!)
 * ```
 */
export const calculateNetWorth = new PreparedQuery<ICalculateNetWorthParams,ICalculateNetWorthResult>(calculateNetWorthIR);


/** 'CalculateNetWorthHistory' parameters type */
export interface ICalculateNetWorthHistoryParams {
  currency: string;
  from: string;
  personaId: string;
  to: string;
}

/** 'CalculateNetWorthHistory' return type */
export interface ICalculateNetWorthHistoryResult {
  asOf: string;
  netWorth: string;
  totalAssets: string;
  totalLiabilities: string;
}

/** 'CalculateNetWorthHistory' query type */
export interface ICalculateNetWorthHistoryQuery {
  params: ICalculateNetWorthHistoryParams;
  result: ICalculateNetWorthHistoryResult;
}

const calculateNetWorthHistoryIR: any = {"usedParamSet":{"personaId":true,"from":true,"to":true,"currency":true},"params":[{"name":"personaId","required":true,"transform":{"type":"scalar"},"locs":[{"a":180,"b":190}]},{"name":"from","required":true,"transform":{"type":"scalar"},"locs":[{"a":203,"b":208}]},{"name":"to","required":true,"transform":{"type":"scalar"},"locs":[{"a":219,"b":222}]},{"name":"currency","required":true,"transform":{"type":"scalar"},"locs":[{"a":239,"b":248}]}],"statement":"SELECT as_of AS \"asOf!\", total_assets AS \"totalAssets!\", total_liabilities AS \"totalLiabilities!\", net_worth AS \"netWorth!\"\nFROM api.sp_calculate_net_worth_history(p_persona_id => :personaId!, p_from => :from!, p_to => :to!, p_currency => :currency!)"};

/**
 * Query generated from SQL:
 * ```
 * SELECT as_of AS "asOf!", total_assets AS "totalAssets!", total_liabilities AS "totalLiabilities!", net_worth AS "netWorth!"
 * FROM api.sp_calculate_net_worth_history(p_persona_id => :personaId!, p_from => :from!, p_to => :to!, p_currency => :currency!)
 * ```
 */
export const calculateNetWorthHistory = new PreparedQuery<ICalculateNetWorthHistoryParams,ICalculateNetWorthHistoryResult>(calculateNetWorthHistoryIR);


/** 'CalculateFfcNetWorth' parameters type */
export interface ICalculateFfcNetWorthParams {
  asOf: string;
  currency: string;
  ffcId: string;
}

/** 'CalculateFfcNetWorth' return type */
export interface ICalculateFfcNetWorthResult {
  asOf: string;
  assetCount: number;
  currency: string;
  ffcId: string;
  netWorth: string;
  totalAssets: string;
  totalLiabilities: string;
}

/** 'CalculateFfcNetWorth' query type */
export interface ICalculateFfcNetWorthQuery {
  params: ICalculateFfcNetWorthParams;
  result: ICalculateFfcNetWorthResult;
}

const calculateFfcNetWorthIR: any = {"usedParamSet":{"ffcId":true,"asOf":true,"currency":true},"params":[{"name":"ffcId","required":true,"transform":{"type":"scalar"},"locs":[{"a":254,"b":260}]},{"name":"asOf","required":true,"transform":{"type":"scalar"},"locs":[{"a":274,"b":279}]},{"name":"currency","required":true,"transform":{"type":"scalar"},"locs":[{"a":296,"b":305}]}],"statement":"SELECT ffc_id AS \"ffcId!\", as_of AS \"asOf!\", currency AS \"currency!\", total_assets AS \"totalAssets!\",\n       total_liabilities AS \"totalLiabilities!\", net_worth AS \"netWorth!\", asset_count AS \"assetCount!\"\nFROM api.sp_calculate_ffc_net_worth(p_ffc_id => :ffcId!, p_as_of => :asOf!, p_currency => :currency!)"};

/**
 * Query generated from SQL:
 * ```
 * SELECT ffc_id AS "ffcId!", as_of AS "asOf!", currency AS "currency!", total_assets AS "totalAssets!",
 *        total_liabilities AS "totalLiabilities!", net_worth AS "netWorth!", asset_count AS "assetCount!"
 * FROM api.sp_calculate_ffc_net_worth(p_ffc_id => :ffcId!, p_as_of => :asOf!, p_currency => :currency!)
 * ```
 */
export const calculateFfcNetWorth = new PreparedQuery<ICalculateFfcNetWorthParams,ICalculateFfcNetWorthResult>(calculateFfcNetWorthIR);


/** 'SetExchangeRate' parameters type */
export interface ISetExchangeRateParams {
  baseCurrency: string;
  quoteCurrency: string;
  rate: string;
  rateDate: string;
}

/** 'SetExchangeRate' return type */
export interface ISetExchangeRateResult {
  done: undefined | null;
}

/** 'SetExchangeRate' query type */
export interface ISetExchangeRateQuery {
  params: ISetExchangeRateParams;
  result: ISetExchangeRateResult;
}

const setExchangeRateIR: any = {"usedParamSet":{"baseCurrency":true,"quoteCurrency":true,"rateDate":true,"rate":true},"params":[{"name":"baseCurrency","required":true,"transform":{"type":"scalar"},"locs":[{"a":55,"b":68}]},{"name":"quoteCurrency","required":true,"transform":{"type":"scalar"},"locs":[{"a":91,"b":105}]},{"name":"rateDate","required":true,"transform":{"type":"scalar"},"locs":[{"a":159,"b":168}]},{"name":"rate","required":true,"transform":{"type":"scalar"},"locs":[{"a":181,"b":186}]}],"statement":"SELECT support.sp_set_exchange_rate(p_base_currency => :baseCurrency!, p_quote_currency => :quoteCurrency!,\n                                    p_rate_date => :rateDate!, p_rate => :rate!) AS \"done\""};

/**
 * Query generated from SQL:
 * ```
 * SELECT support.sp_set_exchange_rate(p_base_currency => :baseCurrency!, p_quote_currency => :quoteCurrency!,
 *                                     p_rate_date => :rateDate!, p_rate => :rate!) AS "done"
 * ```
 */
export const setExchangeRate = new PreparedQuery<ISetExchangeRateParams,ISetExchangeRateResult>(setExchangeRateIR);


/** 'ListExchangeRates' parameters type */
export interface IListExchangeRatesParams {
  asOf: string;
  currency?: string | null | void;
  limit: number;
  offset: number;
}

/** 'ListExchangeRates' return type */
export interface IListExchangeRatesResult {
  baseCurrency: string;
  quoteCurrency: string;
  rate: string;
  rateDate: string;
  total: number;
}

/** 'ListExchangeRates' query type */
export interface IListExchangeRatesQuery {
  params: IListExchangeRatesParams;
  result: IListExchangeRatesResult;
}

const listExchangeRatesIR: any = {"usedParamSet":{"asOf":true,"currency":true,"limit":true,"offset":true},"params":[{"name":"asOf","required":true,"transform":{"type":"scalar"},"locs":[{"a":188,"b":193}]},{"name":"currency","required":false,"transform":{"type":"scalar"},"locs":[{"a":210,"b":218}]},{"name":"limit","required":true,"transform":{"type":"scalar"},"locs":[{"a":232,"b":238}]},{"name":"offset","required":true,"transform":{"type":"scalar"},"locs":[{"a":253,"b":260}]}],"statement":"SELECT base_currency AS \"baseCurrency!\", quote_currency AS \"quoteCurrency!\", rate AS \"rate!\", rate_date AS \"rateDate!\",\n       total AS \"total!\"\nFROM api.sp_list_exchange_rates(p_as_of => :asOf!, p_currency => :currency, p_limit => :limit!, p_offset => :offset!)"};

/**
 * Query generated from SQL:
 * ```
 * SELECT base_currency AS "baseCurrency!", quote_currency AS "quoteCurrency!", rate AS "rate!", rate_date AS "rateDate!",
 *        total AS "total!"
 * FROM api.sp_list_exchange_rates(p_as_of => :asOf!, p_currency => :currency, p_limit => :limit!, p_offset => :offset!)
 * ```
 */
export const listExchangeRates = new PreparedQuery<IListExchangeRatesParams,IListExchangeRatesResult>(listExchangeRatesIR);


