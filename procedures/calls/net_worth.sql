/* Typed calls of the net-worth procedures: one annotated query per procedure. */

/* @name calculateNetWorth */
SELECT persona_id AS "personaId!", as_of AS "asOf!", currency AS "currency!", total_assets AS "totalAssets!",
       total_liabilities AS "totalLiabilities!", net_worth AS "netWorth!", asset_count AS "assetCount!"
FROM api.sp_calculate_net_worth(p_persona_id => :personaId!, p_as_of => :asOf!, p_currency => :currency!);

/* @name calculateNetWorthHistory */
SELECT as_of AS "asOf!", total_assets AS "totalAssets!", total_liabilities AS "totalLiabilities!", net_worth AS "netWorth!"
FROM api.sp_calculate_net_worth_history(p_persona_id => :personaId!, p_from => :from!, p_to => :to!, p_currency => :currency!);

/* @name calculateFfcNetWorth */
SELECT ffc_id AS "ffcId!", as_of AS "asOf!", currency AS "currency!", total_assets AS "totalAssets!",
       total_liabilities AS "totalLiabilities!", net_worth AS "netWorth!", asset_count AS "assetCount!"
FROM api.sp_calculate_ffc_net_worth(p_ffc_id => :ffcId!, p_as_of => :asOf!, p_currency => :currency!);

/* @name setExchangeRate */
SELECT support.sp_set_exchange_rate(p_base_currency => :baseCurrency!, p_quote_currency => :quoteCurrency!,
                                    p_rate_date => :rateDate!, p_rate => :rate!) AS "done";

/* @name listExchangeRates */
SELECT base_currency AS "baseCurrency!", quote_currency AS "quoteCurrency!", rate AS "rate!", rate_date AS "rateDate!",
       total AS "total!"
FROM api.sp_list_exchange_rates(p_as_of => :asOf!, p_currency => :currency, p_limit => :limit!, p_offset => :offset!);
