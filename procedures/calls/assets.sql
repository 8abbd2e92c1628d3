/* Typed calls of the asset procedures: one annotated query per procedure. */

/* @name createAsset */
SELECT asset_id AS "assetId!", asset_type AS "assetType!", category_code AS "categoryCode!", name AS "name!",
       description AS "description", currency AS "currency!", is_liability AS "isLiability!",
       identifier_masked AS "identifierMasked", status AS "status!", details AS "details!",
       current_value AS "currentValue", current_value_currency AS "currentValueCurrency", valued_on AS "valuedOn",
       ownerships AS "ownerships!", my_access AS "myAccess!", created_at AS "createdAt!", updated_at AS "updatedAt!"
FROM api.sp_create_asset(p_asset_type => :assetType!, p_category_code => :categoryCode!, p_name => :name!,
                         p_currency => :currency!, p_owner_persona_id => :ownerPersonaId!, p_initial_value => :initialValue!,
                         p_valued_on => :valuedOn!, p_details => :details!, p_description => :description,
                         p_ownership_percentage => :ownershipPercentage!, p_ownership_form => :ownershipForm!,
                         p_valuation_source => :valuationSource!, p_identifier_ciphertext => :identifierCiphertext,
                         p_identifier_last4 => :identifierLast4);

/* @name getAsset */
SELECT asset_id AS "assetId!", asset_type AS "assetType!", category_code AS "categoryCode!", name AS "name!",
       description AS "description", currency AS "currency!", is_liability AS "isLiability!",
       identifier_masked AS "identifierMasked", status AS "status!", details AS "details!",
       current_value AS "currentValue", current_value_currency AS "currentValueCurrency", valued_on AS "valuedOn",
       ownerships AS "ownerships!", my_access AS "myAccess!", created_at AS "createdAt!", updated_at AS "updatedAt!"
FROM api.sp_get_asset(p_asset_id => :assetId!);

/* @name assignAssetToPersona */
SELECT asset_id AS "assetId!", persona_id AS "personaId!", ownership_percentage AS "ownershipPercentage!",
       ownership_form AS "ownershipForm!", total_percentage AS "totalPercentage!"
FROM api.sp_assign_asset_to_persona(p_asset_id => :assetId!, p_persona_id => :personaId!, p_percentage => :percentage!,
                                    p_ownership_form => :ownershipForm!);

/* @name transferAssetShare */
SELECT persona_id AS "personaId!", ownership_percentage AS "ownershipPercentage!"
FROM api.sp_transfer_asset_share(p_asset_id => :assetId!, p_from_persona_id => :fromPersonaId!,
                                 p_to_persona_id => :toPersonaId!, p_percentage => :percentage!);

/* @name updateAssetValue */
SELECT valuation_id AS "valuationId!", asset_id AS "assetId!", valued_on AS "valuedOn!", amount AS "amount!",
       currency AS "currency!", source AS "source!"
FROM api.sp_update_asset_value(p_asset_id => :assetId!, p_amount => :amount!, p_valued_on => :valuedOn!,
                               p_source => :source!, p_currency => :currency);

/* @name getAssetValuations */
SELECT valuation_id AS "valuationId!", valued_on AS "valuedOn!", amount AS "amount!", currency AS "currency!",
       source AS "source!", created_at AS "createdAt!", total AS "total!"
FROM api.sp_get_asset_valuations(p_asset_id => :assetId!, p_as_of => :asOf, p_sort => :sort, p_limit => :limit!, p_offset => :offset!);

/* @name getPersonaAssets */
SELECT asset_id AS "assetId!", asset_type AS "assetType!", category_code AS "categoryCode!", name AS "name!",
       currency AS "currency!", is_liability AS "isLiability!", identifier_masked AS "identifierMasked",
       ownership_percentage AS "ownershipPercentage!", ownership_form AS "ownershipForm!",
       current_value AS "currentValue", current_value_currency AS "currentValueCurrency", valued_on AS "valuedOn",
       my_access AS "myAccess!", created_at AS "createdAt!", total AS "total!"
FROM api.sp_get_persona_assets(p_persona_id => :personaId!, p_asset_type => :assetType, p_q => :q, p_sort => :sort,
                               p_limit => :limit!, p_offset => :offset!);

/* @name setAssetPermission */
SELECT api.sp_set_asset_permission(p_asset_id => :assetId!, p_permission => :permission!,
                                   p_grantee_persona_id => :granteePersonaId, p_grantee_ffc_id => :granteeFfcId,
                                   p_grantee_ffc_role => :granteeFfcRole) AS "permissionId!";

/* @name revokeAssetPermission */
SELECT api.sp_revoke_asset_permission(p_asset_id => :assetId!, p_permission_id => :permissionId!) AS "revoked";

/* @name searchAssets */
SELECT asset_id AS "assetId!", asset_type AS "assetType!", category_code AS "categoryCode!", name AS "name!", rank AS "rank!",
       total AS "total!"
FROM api.sp_search_assets(p_query => :query!, p_limit => :limit!, p_offset => :offset!);

/* @name listAssetCategories */
SELECT code AS "code!", asset_type AS "assetType!", name AS "name!", is_liability AS "isLiability!"
FROM api.sp_list_asset_categories();

/* @name updateAsset */
SELECT asset_id AS "assetId!", asset_type AS "assetType!", category_code AS "categoryCode!", name AS "name!",
       description AS "description", currency AS "currency!", is_liability AS "isLiability!",
       identifier_masked AS "identifierMasked", status AS "status!", details AS "details!",
       current_value AS "currentValue", current_value_currency AS "currentValueCurrency", valued_on AS "valuedOn",
       ownerships AS "ownerships!", my_access AS "myAccess!", created_at AS "createdAt!", updated_at AS "updatedAt!"
FROM api.sp_update_asset(p_asset_id => :assetId!, p_name => :name, p_description => :description, p_details => :details);

/* @name deleteAsset */
SELECT api.sp_delete_asset(p_asset_id => :assetId!) AS "deleted";

/* @name listMyAssets */
SELECT asset_id AS "assetId!", asset_type AS "assetType!", category_code AS "categoryCode!", name AS "name!",
       currency AS "currency!", is_liability AS "isLiability!", identifier_masked AS "identifierMasked",
       current_value AS "currentValue", current_value_currency AS "currentValueCurrency", valued_on AS "valuedOn",
       my_access AS "myAccess!", created_at AS "createdAt!", total AS "total!"
FROM api.sp_list_my_assets(p_asset_type => :assetType, p_ffc_id => :ffcId, p_q => :q, p_sort => :sort,
                           p_limit => :limit!, p_offset => :offset!);

/* @name listFfcAssets */
SELECT asset_id AS "assetId!", asset_type AS "assetType!", category_code AS "categoryCode!", name AS "name!",
       currency AS "currency!", is_liability AS "isLiability!", identifier_masked AS "identifierMasked",
       current_value AS "currentValue", current_value_currency AS "currentValueCurrency", valued_on AS "valuedOn",
       my_access AS "myAccess!", created_at AS "createdAt!", total AS "total!"
FROM api.sp_list_ffc_assets(p_ffc_id => :ffcId!, p_asset_type => :assetType, p_q => :q, p_sort => :sort,
                            p_limit => :limit!, p_offset => :offset!);

/* @name getAssetOwnersAsOf */
SELECT persona_id AS "personaId", persona_name AS "personaName", entity_id AS "entityId", entity_name AS "entityName",
       ownership_percentage AS "ownershipPercentage!", ownership_form AS "ownershipForm!", held_since AS "heldSince"
FROM api.sp_get_asset_owners_as_of(p_asset_id => :assetId!, p_as_of => :asOf!);

/* @name getAssetOwnershipHistory */
SELECT change_id AS "changeId!", persona_id AS "personaId", persona_name AS "personaName", entity_id AS "entityId",
       entity_name AS "entityName", ownership_percentage AS "ownershipPercentage", ownership_form AS "ownershipForm",
       effective_at AS "effectiveAt", recorded_at AS "recordedAt!", total AS "total!"
FROM api.sp_get_asset_ownership_history(p_asset_id => :assetId!, p_limit => :limit!, p_offset => :offset!);
