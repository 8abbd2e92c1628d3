/* Typed calls of the estate-planning procedures: one annotated query per procedure. */

/* @name createLegalEntity */
SELECT entity_id AS "entityId!", entity_kind AS "entityKind!", name AS "name!", jurisdiction AS "jurisdiction",
       effective_date AS "effectiveDate", roles AS "roles!", created_at AS "createdAt!", updated_at AS "updatedAt!"
FROM api.sp_create_legal_entity(p_entity_kind => :entityKind!, p_name => :name!, p_jurisdiction => :jurisdiction,
                                p_effective_date => :effectiveDate, p_roles => :roles!);

/* @name getLegalEntity */
SELECT entity_id AS "entityId!", entity_kind AS "entityKind!", name AS "name!", jurisdiction AS "jurisdiction",
       effective_date AS "effectiveDate", roles AS "roles!", created_at AS "createdAt!", updated_at AS "updatedAt!"
FROM api.sp_get_legal_entity(p_entity_id => :entityId!);

/* @name listLegalEntities */
SELECT entity_id AS "entityId!", entity_kind AS "entityKind!", name AS "name!", jurisdiction AS "jurisdiction",
       effective_date AS "effectiveDate", roles AS "roles!", created_at AS "createdAt!", updated_at AS "updatedAt!"
FROM api.sp_list_legal_entities(p_limit => :limit!, p_offset => :offset!);

/* @name updateLegalEntity */
SELECT entity_id AS "entityId!", entity_kind AS "entityKind!", name AS "name!", jurisdiction AS "jurisdiction",
       effective_date AS "effectiveDate", roles AS "roles!", created_at AS "createdAt!", updated_at AS "updatedAt!"
FROM api.sp_update_legal_entity(p_entity_id => :entityId!, p_name => :name, p_jurisdiction => :jurisdiction,
                                p_effective_date => :effectiveDate, p_roles => :roles);

/* @name assignAssetToEntity */
SELECT asset_id AS "assetId!", entity_id AS "entityId!", ownership_percentage AS "ownershipPercentage!",
       ownership_form AS "ownershipForm!", total_percentage AS "totalPercentage!"
FROM api.sp_assign_asset_to_entity(p_asset_id => :assetId!, p_entity_id => :entityId!, p_percentage => :percentage!,
                                   p_ownership_form => :ownershipForm!);

/* @name setAssetBeneficiaries */
SELECT level AS "level!", beneficiary_kind AS "kind!", persona_id AS "personaId", entity_id AS "entityId",
       beneficiary_name AS "name!", percentage AS "percentage!", distribution AS "distribution", effective_on AS "effectiveOn!"
FROM api.sp_set_asset_beneficiaries(p_asset_id => :assetId!, p_effective_on => :effectiveOn!, p_primary => :primary!,
                                    p_contingent => :contingent!);

/* @name getAssetBeneficiaries */
SELECT level AS "level!", beneficiary_kind AS "kind!", persona_id AS "personaId", entity_id AS "entityId",
       beneficiary_name AS "name!", percentage AS "percentage!", distribution AS "distribution", effective_on AS "effectiveOn!"
FROM api.sp_get_asset_beneficiaries(p_asset_id => :assetId!);

/* @name setEntityBeneficiaries */
SELECT level AS "level!", beneficiary_kind AS "kind!", persona_id AS "personaId", entity_id AS "entityId",
       beneficiary_name AS "name!", percentage AS "percentage!", distribution AS "distribution", effective_on AS "effectiveOn!"
FROM api.sp_set_entity_beneficiaries(p_entity_id => :entityId!, p_effective_on => :effectiveOn!, p_primary => :primary!,
                                     p_contingent => :contingent!);

/* @name getEntityBeneficiaries */
SELECT level AS "level!", beneficiary_kind AS "kind!", persona_id AS "personaId", entity_id AS "entityId",
       beneficiary_name AS "name!", percentage AS "percentage!", distribution AS "distribution", effective_on AS "effectiveOn!"
FROM api.sp_get_entity_beneficiaries(p_entity_id => :entityId!);

/* @name checkEstatePlan */
SELECT check_code AS "checkCode!", asset_id AS "assetId", entity_id AS "entityId", persona_id AS "personaId",
       level AS "level", percentage AS "percentage", detail AS "detail!"
FROM api.sp_check_estate_plan(p_persona_id => :personaId!, p_as_of => :asOf!);

/* @name setEstateBeneficiaries */
SELECT level AS "level!", beneficiary_kind AS "kind!", persona_id AS "personaId", entity_id AS "entityId",
       beneficiary_name AS "name!", percentage AS "percentage!", distribution AS "distribution", effective_on AS "effectiveOn!"
FROM api.sp_set_estate_beneficiaries(p_persona_id => :personaId!, p_effective_on => :effectiveOn!, p_primary => :primary!,
                                     p_contingent => :contingent!);

/* @name getEstateBeneficiaries */
SELECT level AS "level!", beneficiary_kind AS "kind!", persona_id AS "personaId", entity_id AS "entityId",
       beneficiary_name AS "name!", percentage AS "percentage!", distribution AS "distribution", effective_on AS "effectiveOn!"
FROM api.sp_get_estate_beneficiaries(p_persona_id => :personaId!);

/* @name calculateEstateFlow */
SELECT asset_id AS "assetId", asset_name AS "assetName", route AS "route!", recipient_kind AS "recipientKind!",
       recipient_persona_id AS "recipientPersonaId", recipient_entity_id AS "recipientEntityId",
       recipient_name AS "recipientName!", amount AS "amount!"
FROM api.sp_calculate_estate_flow(p_persona_id => :personaId!, p_as_of => :asOf!, p_currency => :currency!);

/* @name setEntityInterests */
SELECT holder_kind AS "kind!", persona_id AS "personaId", entity_id AS "entityId", holder_name AS "name!",
       percentage AS "percentage!"
FROM api.sp_set_entity_interests(p_entity_id => :entityId!, p_holders => :holders!);

/* @name getEntityInterests */
SELECT holder_kind AS "kind!", persona_id AS "personaId", entity_id AS "entityId", holder_name AS "name!",
       percentage AS "percentage!"
FROM api.sp_get_entity_interests(p_entity_id => :entityId!);

/* @name calculateLookThroughNetWorth */
SELECT persona_id AS "personaId!", as_of AS "asOf!", currency AS "currency!", total_assets AS "totalAssets!",
       total_liabilities AS "totalLiabilities!", net_worth AS "netWorth!", asset_count AS "assetCount!"
FROM api.sp_calculate_look_through_net_worth(p_persona_id => :personaId!, p_as_of => :asOf!, p_currency => :currency!);

/* @name getEntityNetWorth */
SELECT entity_id AS "entityId!", as_of AS "asOf!", currency AS "currency!", total_assets AS "totalAssets!",
       total_liabilities AS "totalLiabilities!", net_worth AS "netWorth!", asset_count AS "assetCount!"
FROM api.sp_get_entity_net_worth(p_entity_id => :entityId!, p_as_of => :asOf!, p_currency => :currency!);

/* @name transferAssetShareToEntity */
SELECT persona_id AS "personaId", entity_id AS "entityId", ownership_percentage AS "percentage!",
       ownership_form AS "form!"
FROM api.sp_transfer_asset_share_to_entity(p_asset_id => :assetId!, p_from_persona_id => :fromPersonaId!,
                                           p_entity_id => :entityId!, p_percentage => :percentage!,
                                           p_ownership_form => :ownershipForm!);

/* @name deleteLegalEntity */
SELECT api.sp_delete_legal_entity(p_entity_id => :entityId!) AS "deleted";

/* @name setDebtCollateral */
SELECT debt_id AS "debtId!", secured_asset_id AS "securedAssetId", secured_asset_name AS "securedAssetName"
FROM api.sp_set_debt_collateral(p_debt_id => :debtId!, p_secured_asset_id => :securedAssetId);

/* @name getAssetEquity */
SELECT asset_id AS "assetId!", as_of AS "asOf!", currency AS "currency!", asset_value AS "assetValue!",
       secured_debt AS "securedDebt!", equity AS "equity!", debts AS "debts!"
FROM api.sp_get_asset_equity(p_asset_id => :assetId!, p_as_of => :asOf!, p_currency => :currency!);

/* @name calculateEstateTotals */
SELECT persona_id AS "personaId!", as_of AS "asOf!", currency AS "currency!", non_probate AS "nonProbate!",
       probate AS "probate!", debts AS "debts!", net_probate AS "netProbate!", total_passing AS "totalPassing!"
FROM api.sp_calculate_estate_totals(p_persona_id => :personaId!, p_as_of => :asOf!, p_currency => :currency!);
