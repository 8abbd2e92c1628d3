/* Typed calls of what fiduciaries reach after a verified death or incapacity (docs/legacy.md). */

/* @name readFiduciaryAssets */
SELECT asset_id AS "assetId!", asset_type AS "assetType!", category_code AS "categoryCode!", name AS "name!",
       currency AS "currency!", is_liability AS "isLiability!", ownership_percentage AS "ownershipPercentage!",
       current_value AS "currentValue", current_value_currency AS "currentValueCurrency", valued_on AS "valuedOn",
       access_role AS "accessRole!", total AS "total!"
FROM api.sp_read_fiduciary_assets(p_persona_id => :personaId!, p_limit => :limit!, p_offset => :offset!);

/* @name listEstateReads */
SELECT occurred_at AS "occurredAt!", what AS "what!", reader_user_id AS "readerUserId", via AS "via!",
       row_id AS "rowId", rows_read AS "rowsRead", total AS "total!"
FROM api.sp_list_estate_reads(p_persona_id => :personaId!, p_limit => :limit!, p_offset => :offset!);
