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

/* @name readFiduciaryEstateFlow */
SELECT asset_id AS "assetId", asset_name AS "assetName", route AS "route!", recipient_kind AS "recipientKind!",
       recipient_persona_id AS "recipientPersonaId", recipient_entity_id AS "recipientEntityId",
       recipient_name AS "recipientName!", amount AS "amount!", as_of AS "asOf!"
FROM api.sp_read_fiduciary_estate_flow(p_persona_id => :personaId!, p_as_of => :asOf, p_currency => :currency!);

/* @name getEstateSnapshot */
SELECT event_id AS "eventId!", occurred_on AS "occurredOn!", verified_at AS "verifiedAt!", currency AS "currency",
       holdings AS "holdings!", net_worth AS "netWorth", estate_flow AS "estateFlow"
FROM api.sp_get_estate_snapshot(p_persona_id => :personaId!);
