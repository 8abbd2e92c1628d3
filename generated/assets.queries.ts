/** Types generated for queries found in "procedures/calls/assets.sql" */
import { PreparedQuery } from '@pgtyped/runtime';

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** 'CreateAsset' parameters type */
export interface ICreateAssetParams {
  assetType: string;
  categoryCode: string;
  currency: string;
  description?: string | null | void;
  details: Json;
  identifierCiphertext?: Buffer | null | void;
  identifierLast4?: string | null | void;
  initialValue: string;
  name: string;
  ownerPersonaId: string;
  ownershipForm: string;
  ownershipPercentage: string;
  valuationSource: string;
  valuedOn: string;
}

/** 'CreateAsset' return type */
export interface ICreateAssetResult {
  assetId: string;
  assetType: string;
  categoryCode: string;
  createdAt: Date;
  currency: string;
  currentValue: string | null;
  currentValueCurrency: string | null;
  description: string | null;
  details: Json;
  identifierMasked: string | null;
  isLiability: boolean;
  myAccess: string;
  name: string;
  ownerships: Json;
  status: string;
  updatedAt: Date;
  valuedOn: string | null;
}

/** 'CreateAsset' query type */
export interface ICreateAssetQuery {
  params: ICreateAssetParams;
  result: ICreateAssetResult;
}

const createAssetIR: any = {"usedParamSet":{"assetType":true,"categoryCode":true,"name":true,"currency":true,"ownerPersonaId":true,"initialValue":true,"valuedOn":true,"details":true,"description":true,"ownershipPercentage":true,"ownershipForm":true,"valuationSource":true,"identifierCiphertext":true,"identifierLast4":true},"params":[{"name":"assetType","required":true,"transform":{"type":"scalar"},"locs":[{"a":569,"b":579}]},{"name":"categoryCode","required":true,"transform":{"type":"scalar"},"locs":[{"a":601,"b":614}]},{"name":"name","required":true,"transform":{"type":"scalar"},"locs":[{"a":627,"b":632}]},{"name":"currency","required":true,"transform":{"type":"scalar"},"locs":[{"a":674,"b":683}]},{"name":"ownerPersonaId","required":true,"transform":{"type":"scalar"},"locs":[{"a":708,"b":723}]},{"name":"initialValue","required":true,"transform":{"type":"scalar"},"locs":[{"a":745,"b":758}]},{"name":"valuedOn","required":true,"transform":{"type":"scalar"},"locs":[{"a":801,"b":810}]},{"name":"details","required":true,"transform":{"type":"scalar"},"locs":[{"a":826,"b":834}]},{"name":"description","required":false,"transform":{"type":"scalar"},"locs":[{"a":854,"b":865}]},{"name":"ownershipPercentage","required":true,"transform":{"type":"scalar"},"locs":[{"a":919,"b":939}]},{"name":"ownershipForm","required":true,"transform":{"type":"scalar"},"locs":[{"a":962,"b":976}]},{"name":"valuationSource","required":true,"transform":{"type":"scalar"},"locs":[{"a":1026,"b":1042}]},{"name":"identifierCiphertext","required":false,"transform":{"type":"scalar"},"locs":[{"a":1072,"b":1092}]},{"name":"identifierLast4","required":false,"transform":{"type":"scalar"},"locs":[{"a":1142,"b":1157}]}],"statement":"SELECT asset_id AS \"assetId!\", asset_type AS \"assetType!\", category_code AS \"categoryCode!\", name AS \"name!\",\n       description AS \"description\", currency AS \"currency!\", is_liability AS \"isLiability!\",\n       identifier_masked AS \"identifierMasked\", status AS \"status!\", details AS \"details!\",\n       current_value AS \"currentValue\", current_value_currency AS \"currentValueCurrency\", valued_on AS \"valuedOn\",\n       ownerships AS \"ownerships!\", my_access AS \"myAccess!\", created_at AS \"createdAt!\", updated_at AS \"updatedAt!\"\nFROM api.sp_create_asset(p_asset_type => :assetType!, p_category_code => :categoryCode!, p_name => :name!,\n                         p_currency => :currency!, p_owner_persona_id => :ownerPersonaId!, p_initial_value => :initialValue!,\n                         p_valued_on => :valuedOn!, p_details => :details!, p_description => :description,\n                         p_ownership_percentage => :ownershipPercentage!, p_ownership_form => :ownershipForm!,\n                         p_valuation_source => :valuationSource!, p_identifier_ciphertext => :identifierCiphertext,\n                         p_identifier_last4 => :identifierLast4)"};

/**
 * Query generated from SQL:
 * ```
 * SELECT asset_id AS "assetId!", asset_type AS "assetType!", category_code AS "categoryCode!", name AS "name!",
 *        description AS "description", currency AS "currency!", is_liability AS "isLiability!",
 *        identifier_masked AS "identifierMasked", status AS "status!", details AS "details!",
 *        current_value AS "currentValue", current_value_currency AS "currentValueCurrency", valued_on AS "valuedOn",
 *        ownerships AS "ownerships!", my_access AS "myAccess!", created_at AS "createdAt!", updated_at AS "updatedAt!"
 * FROM api.sp_create_asset(p_asset_type => :assetType!, p_category_code => :categoryCode!, p_name => :name!,
 *                          p_currency => :currency!, p_owner_persona_id => :ownerPersonaId!, p_initial_value => :initialValue!,
 *                          p_valued_on => :valuedOn!, p_details => :details!, p_description => :description,
 *                          p_ownership_percentage => :ownershipPercentage!, p_ownership_form => :ownershipForm!,
 *                          p_valuation_source => :valuationSource!, p_identifier_ciphertext => :identifierCiphertext,
 *                          p_identifier_last4 => :identifierLast4)
 * ```
 */
export const createAsset = new PreparedQuery<ICreateAssetParams,ICreateAssetResult>(createAssetIR);


/** 'GetAsset' parameters type */
export interface IGetAssetParams {
  assetId: string;
}

/** 'GetAsset' return type */
export interface IGetAssetResult {
  assetId: string;
  assetType: string;
  categoryCode: string;
  createdAt: Date;
  currency: string;
  currentValue: string | null;
  currentValueCurrency: string | null;
  description: string | null;
  details: Json;
  identifierMasked: string | null;
  isLiability: boolean;
  myAccess: string;
  name: string;
  ownerships: Json;
  status: string;
  updatedAt: Date;
  valuedOn: string | null;
}

/** 'GetAsset' query type */
export interface IGetAssetQuery {
  params: IGetAssetParams;
  result: IGetAssetResult;
}

const getAssetIR: any = {"usedParamSet":{"assetId":true},"params":[{"name":"assetId","required":true,"transform":{"type":"scalar"},"locs":[{"a":564,"b":572}]}],"statement":"SELECT asset_id AS \"assetId!\", asset_type AS \"assetType!\", category_code AS \"categoryCode!\", name AS \"name!\",\n       description AS \"description\", currency AS \"currency!\", is_liability AS \"isLiability!\",\n       identifier_masked AS \"identifierMasked\", status AS \"status!\", details AS \"details!\",\n       current_value AS \"currentValue\", current_value_currency AS \"currentValueCurrency\", valued_on AS \"valuedOn\",\n       ownerships AS \"ownerships!\", my_access AS \"myAccess!\", created_at AS \"createdAt!\", updated_at AS \"updatedAt!\"\nFROM api.sp_get_asset(p_asset_id => :assetId!)"};

/**
 * Query generated from SQL:
 * ```
 * SELECT asset_id AS "assetId!", asset_type AS "assetType!", category_code AS "categoryCode!", name AS "name!",
 *        description AS "description", currency AS "currency!", is_liability AS "isLiability!",
 *        identifier_masked AS "identifierMasked", status AS "status!", details AS "details!",
 *        current_value AS "currentValue", current_value_currency AS "currentValueCurrency", valued_on AS "valuedOn",
 *        ownerships AS "ownerships!", my_access AS "myAccess!", created_at AS "createdAt!", updated_at AS "updatedAt!"
 * FROM api.sp_get_asset(p_asset_id => :assetId!)
 * ```
 */
export const getAsset = new PreparedQuery<IGetAssetParams,IGetAssetResult>(getAssetIR);


/** 'AssignAssetToPersona' parameters type */
export interface IAssignAssetToPersonaParams {
  assetId: string;
  ownershipForm: string;
  percentage: string;
  personaId: string;
}

/** 'AssignAssetToPersona' return type */
export interface IAssignAssetToPersonaResult {
  assetId: string;
  ownershipForm: string;
  ownershipPercentage: string;
  personaId: string;
  totalPercentage: string;
}

/** 'AssignAssetToPersona' query type */
export interface IAssignAssetToPersonaQuery {
  params: IAssignAssetToPersonaParams;
  result: IAssignAssetToPersonaResult;
}

const assignAssetToPersonaIR: any = {"usedParamSet":{"assetId":true,"personaId":true,"percentage":true,"ownershipForm":true},"params":[{"name":"assetId","required":true,"transform":{"type":"scalar"},"locs":[{"a":239,"b":247}]},{"name":"personaId","required":true,"transform":{"type":"scalar"},"locs":[{"a":266,"b":276}]},{"name":"percentage","required":true,"transform":{"type":"scalar"},"locs":[{"a":295,"b":306}]},{"name":"ownershipForm","required":true,"transform":{"type":"scalar"},"locs":[{"a":365,"b":379}]}],"statement":"SELECT asset_id AS \"assetId!\", persona_id AS \"personaId!\", ownership_percentage AS \"ownershipPercentage!\",\n       ownership_form AS \"ownershipForm!\", total_percentage AS \"totalPercentage!\"\nFROM api.sp_assign_asset_to_persona(p_asset_id => :assetId!, p_persona_id => :personaId!, p_percentage => :percentage!,\n                                    p_ownership_form => :ownershipForm!)"};

/**
 * Query generated from SQL:
 * ```
 * SELECT asset_id AS "assetId!", persona_id AS "personaId!", ownership_percentage AS "ownershipPercentage!",
 *        ownership_form AS "ownershipForm!", total_percentage AS "totalPercentage!"
 * FROM api.sp_assign_asset_to_persona(p_asset_id => :assetId!, p_persona_id => :personaId!, p_percentage => :percentage!,
 *                                     p_ownership_form => :ownershipForm!)
 * ```
 */
export const assignAssetToPersona = new PreparedQuery<IAssignAssetToPersonaParams,IAssignAssetToPersonaResult>(assignAssetToPersonaIR);


/** 'TransferAssetShare' parameters type */
export interface ITransferAssetShareParams {
  assetId: string;
  fromPersonaId: string;
  percentage: string;
  toPersonaId: string;
}

/** 'TransferAssetShare' return type */
export interface ITransferAssetShareResult {
  ownershipPercentage: string;
  personaId: string;
}

/** 'TransferAssetShare' query type */
export interface ITransferAssetShareQuery {
  params: ITransferAssetShareParams;
  result: ITransferAssetShareResult;
}

const transferAssetShareIR: any = {"usedParamSet":{"assetId":true,"fromPersonaId":true,"toPersonaId":true,"percentage":true},"params":[{"name":"assetId","required":true,"transform":{"type":"scalar"},"locs":[{"a":129,"b":137}]},{"name":"fromPersonaId","required":true,"transform":{"type":"scalar"},"locs":[{"a":161,"b":175}]},{"name":"toPersonaId","required":true,"transform":{"type":"scalar"},"locs":[{"a":230,"b":242}]},{"name":"percentage","required":true,"transform":{"type":"scalar"},"locs":[{"a":261,"b":272}]}],"statement":"SELECT persona_id AS \"personaId!\", ownership_percentage AS \"ownershipPercentage!\"\nFROM api.sp_transfer_asset_share(p_asset_id => :assetId!, p_from_persona_id => :fromPersonaId!,\n                                 p_to_persona_id => :toPersonaId!, p_percentage => :percentage!)"};

/**
 * Query generated from SQL:
 * ```
 * SELECT persona_id AS "personaId!", ownership_percentage AS "ownershipPercentage!"
 * FROM api.sp_transfer_asset_share(p_asset_id => :assetId!, p_from_persona_id => :fromPersonaId!,
 *                                  p_to_persona_id => :toPersonaId!, p_percentage => :percentage!)
 * ```
 */
export const transferAssetShare = new PreparedQuery<ITransferAssetShareParams,ITransferAssetShareResult>(transferAssetShareIR);


/** 'UpdateAssetValue' parameters type */
export interface IUpdateAssetValueParams {
  amount: string;
  assetId: string;
  currency?: string | null | void;
  source: string;
  valuedOn: string;
}

/** 'UpdateAssetValue' return type */
export interface IUpdateAssetValueResult {
  amount: string;
  assetId: string;
  currency: string;
  source: string;
  valuationId: string;
  valuedOn: string;
}

/** 'UpdateAssetValue' query type */
export interface IUpdateAssetValueQuery {
  params: IUpdateAssetValueParams;
  result: IUpdateAssetValueResult;
}

const updateAssetValueIR: any = {"usedParamSet":{"assetId":true,"amount":true,"valuedOn":true,"source":true,"currency":true},"params":[{"name":"assetId","required":true,"transform":{"type":"scalar"},"locs":[{"a":207,"b":215}]},{"name":"amount","required":true,"transform":{"type":"scalar"},"locs":[{"a":230,"b":237}]},{"name":"valuedOn","required":true,"transform":{"type":"scalar"},"locs":[{"a":255,"b":264}]},{"name":"source","required":true,"transform":{"type":"scalar"},"locs":[{"a":310,"b":317}]},{"name":"currency","required":false,"transform":{"type":"scalar"},"locs":[{"a":334,"b":342}]}],"statement":"SELECT valuation_id AS \"valuationId!\", asset_id AS \"assetId!\", valued_on AS \"valuedOn!\", amount AS \"amount!\",\n       currency AS \"currency!\", source AS \"source!\"\nFROM api.sp_update_asset_value(p_asset_id => :assetId!, p_amount => :amount!, p_valued_on => :valuedOn!,\n                               p_source => :source!, p_currency => :currency)"};

/**
 * Query generated from SQL:
 * ```
 * SELECT valuation_id AS "valuationId!", asset_id AS "assetId!", valued_on AS "valuedOn!", amount AS "amount!",
 *        currency AS "currency!", source AS "source!"
 * FROM api.sp_update_asset_value(p_asset_id => :assetId!, p_amount => :amount!, p_valued_on => :valuedOn!,
 *                                p_source => :source!, p_currency => :currency)
 * ```
 */
export const updateAssetValue = new PreparedQuery<IUpdateAssetValueParams,IUpdateAssetValueResult>(updateAssetValueIR);


/** 'GetAssetValuations' parameters type */
export interface IGetAssetValuationsParams {
  asOf?: string | null | void;
  assetId: string;
  limit: number;
  offset: number;
  sort?: string | null | void;
}

/** 'GetAssetValuations' return type */
export interface IGetAssetValuationsResult {
  amount: string;
  createdAt: Date;
  currency: string;
  source: string;
  total: number;
  valuationId: string;
  valuedOn: string;
}

/** 'GetAssetValuations' query type */
export interface IGetAssetValuationsQuery {
  params: IGetAssetValuationsParams;
  result: IGetAssetValuationsResult;
}

const getAssetValuationsIR: any = {"usedParamSet":{"assetId":true,"asOf":true,"sort":true,"limit":true,"offset":true},"params":[{"name":"assetId","required":true,"transform":{"type":"scalar"},"locs":[{"a":232,"b":240}]},{"name":"asOf","required":false,"transform":{"type":"scalar"},"locs":[{"a":254,"b":258}]},{"name":"sort","required":false,"transform":{"type":"scalar"},"locs":[{"a":271,"b":275}]},{"name":"limit","required":true,"transform":{"type":"scalar"},"locs":[{"a":289,"b":295}]},{"name":"offset","required":true,"transform":{"type":"scalar"},"locs":[{"a":310,"b":317}]}],"statement":"SELECT valuation_id AS \"valuationId!\", valued_on AS \"valuedOn!\", amount AS \"amount!\", currency AS \"currency!\",\n       source AS \"source!\", created_at AS \"createdAt!\", total AS \"total!\"\nFROM api.sp_get_asset_valuations(p_asset_id => :assetId!, p_as_of => :asOf, p_sort => :sort, p_limit => :limit!, p_offset => :offset!)"};

/**
 * Query generated from SQL:
 * ```
 * SELECT valuation_id AS "valuationId!", valued_on AS "valuedOn!", amount AS "amount!", currency AS "currency!",
 *        source AS "source!", created_at AS "createdAt!", total AS "total!"
 * FROM api.sp_get_asset_valuations(p_asset_id => :assetId!, p_as_of => :asOf, p_sort => :sort, p_limit => :limit!, p_offset => :offset!)
 * ```
 */
export const getAssetValuations = new PreparedQuery<IGetAssetValuationsParams,IGetAssetValuationsResult>(getAssetValuationsIR);


/** 'GetPersonaAssets' parameters type */
export interface IGetPersonaAssetsParams {
  assetType?: string | null | void;
  limit: number;
  offset: number;
  personaId: string;
  q?: string | null | void;
  sort?: string | null | void;
}

/** 'GetPersonaAssets' return type */
export interface IGetPersonaAssetsResult {
  assetId: string;
  assetType: string;
  categoryCode: string;
  createdAt: Date;
  currency: string;
  currentValue: string | null;
  currentValueCurrency: string | null;
  identifierMasked: string | null;
  isLiability: boolean;
  myAccess: string;
  name: string;
  ownershipForm: string;
  ownershipPercentage: string;
  total: number;
  valuedOn: string | null;
}

/** 'GetPersonaAssets' query type */
export interface IGetPersonaAssetsQuery {
  params: IGetPersonaAssetsParams;
  result: IGetPersonaAssetsResult;
}

const getPersonaAssetsIR: any = {"usedParamSet":{"personaId":true,"assetType":true,"q":true,"sort":true,"limit":true,"offset":true},"params":[{"name":"personaId","required":true,"transform":{"type":"scalar"},"locs":[{"a":547,"b":557}]},{"name":"assetType","required":false,"transform":{"type":"scalar"},"locs":[{"a":576,"b":585}]},{"name":"q","required":false,"transform":{"type":"scalar"},"locs":[{"a":595,"b":596}]},{"name":"sort","required":false,"transform":{"type":"scalar"},"locs":[{"a":609,"b":613}]},{"name":"limit","required":true,"transform":{"type":"scalar"},"locs":[{"a":658,"b":664}]},{"name":"offset","required":true,"transform":{"type":"scalar"},"locs":[{"a":679,"b":686}]}],"statement":"SELECT asset_id AS \"assetId!\", asset_type AS \"assetType!\", category_code AS \"categoryCode!\", name AS \"name!\",\n       currency AS \"currency!\", is_liability AS \"isLiability!\", identifier_masked AS \"identifierMasked\",\n       ownership_percentage AS \"ownershipPercentage!\", ownership_form AS \"ownershipForm!\",\n       current_value AS \"currentValue\", current_value_currency AS \"currentValueCurrency\", valued_on AS \"valuedOn\",\n       my_access AS \"myAccess!\", created_at AS \"createdAt!\", total AS \"total!\"\nFROM api.sp_get_persona_assets(p_persona_id => :personaId!, p_asset_type => :assetType, p_q => :q, p_sort => :sort,\n                               p_limit => :limit!, p_offset => :offset!)"};

/**
 * Query generated from SQL:
 * ```
 * SELECT asset_id AS "assetId!", asset_type AS "assetType!", category_code AS "categoryCode!", name AS "name!",
 *        currency AS "currency!", is_liability AS "isLiability!", identifier_masked AS "identifierMasked",
 *        ownership_percentage AS "ownershipPercentage!", ownership_form AS "ownershipForm!",
 *        current_value AS "currentValue", current_value_currency AS "currentValueCurrency", valued_on AS "valuedOn",
 *        my_access AS "myAccess!", created_at AS "createdAt!", total AS "total!"
 * FROM api.sp_get_persona_assets(p_persona_id => :personaId!, p_asset_type => :assetType, p_q => :q, p_sort => :sort,
 *                                p_limit => :limit!, p_offset => :offset!)
 * ```
 */
export const getPersonaAssets = new PreparedQuery<IGetPersonaAssetsParams,IGetPersonaAssetsResult>(getPersonaAssetsIR);


/** 'SetAssetPermission' parameters type */
export interface ISetAssetPermissionParams {
  assetId: string;
  granteeFfcId?: string | null | void;
  granteeFfcRole?: string | null | void;
  granteePersonaId?: string | null | void;
  permission: string;
}

/** 'SetAssetPermission' return type */
export interface ISetAssetPermissionResult {
  permissionId: string;
}

/** 'SetAssetPermission' query type */
export interface ISetAssetPermissionQuery {
  params: ISetAssetPermissionParams;
  result: ISetAssetPermissionResult;
}

const setAssetPermissionIR: any = {"usedParamSet":{"assetId":true,"permission":true,"granteePersonaId":true,"granteeFfcId":true,"granteeFfcRole":true},"params":[{"name":"assetId","required":true,"transform":{"type":"scalar"},"locs":[{"a":49,"b":57}]},{"name":"permission","required":true,"transform":{"type":"scalar"},"locs":[{"a":76,"b":87}]},{"name":"granteePersonaId","required":false,"transform":{"type":"scalar"},"locs":[{"a":149,"b":165}]},{"name":"granteeFfcId","required":false,"transform":{"type":"scalar"},"locs":[{"a":188,"b":200}]},{"name":"granteeFfcRole","required":false,"transform":{"type":"scalar"},"locs":[{"a":260,"b":274}]}],"statement":"SELECT api.sp_set_asset_permission(p_asset_id => :assetId!, p_permission => :permission!,\n                                   p_grantee_persona_id => :granteePersonaId, p_grantee_ffc_id => :granteeFfcId,\n                                   p_grantee_ffc_role => :granteeFfcRole) AS \"permissionId!\""};

/**
 * Query generated from SQL:
 * ```
 * SELECT api.sp_set_asset_permission(p_asset_id => :assetId!, p_permission => :permission!,
 *                                    p_grantee_persona_id => :granteePersonaId, p_grantee_ffc_id => :granteeFfcId,
 *                                    p_grantee_ffc_role => :granteeFfcRole) AS "permissionId!"
 * ```
 */
export const setAssetPermission = new PreparedQuery<ISetAssetPermissionParams,ISetAssetPermissionResult>(setAssetPermissionIR);


/** 'RevokeAssetPermission' parameters type */
export interface IRevokeAssetPermissionParams {
  assetId: string;
  permissionId: string;
}

/** 'RevokeAssetPermission' return type */
export interface IRevokeAssetPermissionResult {
  revoked: undefined | null;
}

/** 'RevokeAssetPermission' query type */
export interface IRevokeAssetPermissionQuery {
  params: IRevokeAssetPermissionParams;
  result: IRevokeAssetPermissionResult;
}

const revokeAssetPermissionIR: any = {"usedParamSet":{"assetId":true,"permissionId":true},"params":[{"name":"assetId","required":true,"transform":{"type":"scalar"},"locs":[{"a":52,"b":60}]},{"name":"permissionId","required":true,"transform":{"type":"scalar"},"locs":[{"a":82,"b":95}]}],"statement":"SELECT api.sp_revoke_asset_permission(p_asset_id => :assetId!, p_permission_id => :permissionId!) AS \"revoked\""};

/**
 * Query generated from SQL:
 * ```
 * SELECT api.sp_revoke_asset_permission(p_asset_id => :assetId!, p_permission_id => :permissionId!) AS "revoked"
 * ```
 */
export const revokeAssetPermission = new PreparedQuery<IRevokeAssetPermissionParams,IRevokeAssetPermissionResult>(revokeAssetPermissionIR);


/** 'SearchAssets' parameters type */
export interface ISearchAssetsParams {
  limit: number;
  offset: number;
  query: string;
}

/** 'SearchAssets' return type */
export interface ISearchAssetsResult {
  assetId: string;
  assetType: string;
  categoryCode: string;
  name: string;
  rank: number;
  total: number;
}

/** 'SearchAssets' query type */
export interface ISearchAssetsQuery {
  params: ISearchAssetsParams;
  result: ISearchAssetsResult;
}

const searchAssetsIR: any = {"usedParamSet":{"query":true,"limit":true,"offset":true},"params":[{"name":"query","required":true,"transform":{"type":"scalar"},"locs":[{"a":189,"b":195}]},{"name":"limit","required":true,"transform":{"type":"scalar"},"locs":[{"a":209,"b":215}]},{"name":"offset","required":true,"transform":{"type":"scalar"},"locs":[{"a":230,"b":237}]}],"statement":"SELECT asset_id AS \"assetId!\", asset_type AS \"assetType!\", category_code AS \"categoryCode!\", name AS \"name!\", rank AS \"rank!\",\n       total AS \"total!\"\nFROM api.sp_search_assets(p_query => :query!, p_limit => :limit!, p_offset => :offset!)"};

/**
 * Query generated from SQL:
 * ```
 * SELECT asset_id AS "assetId!", asset_type AS "assetType!", category_code AS "categoryCode!", name AS "name!", rank AS "rank!",
 *        total AS "total!"
 * FROM api.sp_search_assets(p_query => :query!, p_limit => :limit!, p_offset => :offset!)
 * ```
 */
export const searchAssets = new PreparedQuery<ISearchAssetsParams,ISearchAssetsResult>(searchAssetsIR);


/** 'ListAssetCategories' parameters type */
export type IListAssetCategoriesParams = void;

/** 'ListAssetCategories' return type */
export interface IListAssetCategoriesResult {
  assetType: string;
  code: string;
  isLiability: boolean;
  name: string;
}

/** 'ListAssetCategories' query type */
export interface IListAssetCategoriesQuery {
  params: IListAssetCategoriesParams;
  result: IListAssetCategoriesResult;
}

const listAssetCategoriesIR: any = {"usedParamSet":{},"params":[],"statement":"SELECT code AS \"code!\", asset_type AS \"assetType!\", name AS \"name!\", is_liability AS \"isLiability!\"\nFROM api.sp_list_asset_categories()"};

/**
 * Query generated from SQL:
 * ```
 * SELECT code AS "code!", asset_type AS "assetType!", name AS "name!", is_liability AS "isLiability!"
 * FROM api.sp_list_asset_categories()
 * ```
 */
export const listAssetCategories = new PreparedQuery<IListAssetCategoriesParams,IListAssetCategoriesResult>(listAssetCategoriesIR);


/** 'UpdateAsset' parameters type */
export interface IUpdateAssetParams {
  assetId: string;
  description?: string | null | void;
  details?: Json | null | void;
  name?: string | null | void;
}

/** 'UpdateAsset' return type */
export interface IUpdateAssetResult {
  assetId: string;
  assetType: string;
  categoryCode: string;
  createdAt: Date;
  currency: string;
  currentValue: string | null;
  currentValueCurrency: string | null;
  description: string | null;
  details: Json;
  identifierMasked: string | null;
  isLiability: boolean;
  myAccess: string;
  name: string;
  ownerships: Json;
  status: string;
  updatedAt: Date;
  valuedOn: string | null;
}

/** 'UpdateAsset' query type */
export interface IUpdateAssetQuery {
  params: IUpdateAssetParams;
  result: IUpdateAssetResult;
}

const updateAssetIR: any = {"usedParamSet":{"assetId":true,"name":true,"description":true,"details":true},"params":[{"name":"assetId","required":true,"transform":{"type":"scalar"},"locs":[{"a":567,"b":575}]},{"name":"name","required":false,"transform":{"type":"scalar"},"locs":[{"a":588,"b":592}]},{"name":"description","required":false,"transform":{"type":"scalar"},"locs":[{"a":612,"b":623}]},{"name":"details","required":false,"transform":{"type":"scalar"},"locs":[{"a":639,"b":646}]}],"statement":"SELECT asset_id AS \"assetId!\", asset_type AS \"assetType!\", category_code AS \"categoryCode!\", name AS \"name!\",\n       description AS \"description\", currency AS \"currency!\", is_liability AS \"isLiability!\",\n       identifier_masked AS \"identifierMasked\", status AS \"status!\", details AS \"details!\",\n       current_value AS \"currentValue\", current_value_currency AS \"currentValueCurrency\", valued_on AS \"valuedOn\",\n       ownerships AS \"ownerships!\", my_access AS \"myAccess!\", created_at AS \"createdAt!\", updated_at AS \"updatedAt!\"\nFROM api.sp_update_asset(p_asset_id => :assetId!, p_name => :name, p_description => :description, p_details => :details)"};

/**
 * Query generated from SQL:
 * ```
 * SELECT asset_id AS "assetId!", asset_type AS "assetType!", category_code AS "categoryCode!", name AS "name!",
 *        description AS "description", currency AS "currency!", is_liability AS "isLiability!",
 *        identifier_masked AS "identifierMasked", status AS "status!", details AS "details!",
 *        current_value AS "currentValue", current_value_currency AS "currentValueCurrency", valued_on AS "valuedOn",
 *        ownerships AS "ownerships!", my_access AS "myAccess!", created_at AS "createdAt!", updated_at AS "updatedAt!"
 * FROM api.sp_update_asset(p_asset_id => :assetId!, p_name => :name, p_description => :description, p_details => :details)
 * ```
 */
export const updateAsset = new PreparedQuery<IUpdateAssetParams,IUpdateAssetResult>(updateAssetIR);


/** 'DeleteAsset' parameters type */
export interface IDeleteAssetParams {
  assetId: string;
}

/** 'DeleteAsset' return type */
export interface IDeleteAssetResult {
  deleted: undefined | null;
}

/** 'DeleteAsset' query type */
export interface IDeleteAssetQuery {
  params: IDeleteAssetParams;
  result: IDeleteAssetResult;
}

const deleteAssetIR: any = {"usedParamSet":{"assetId":true},"params":[{"name":"assetId","required":true,"transform":{"type":"scalar"},"locs":[{"a":41,"b":49}]}],"statement":"SELECT api.sp_delete_asset(p_asset_id => :assetId!) AS \"deleted\""};

/**
 * Query generated from SQL:
 * ```
 * SELECT api.sp_delete_asset(p_asset_id => :assetId!) AS "deleted"
 * ```
 */
export const deleteAsset = new PreparedQuery<IDeleteAssetParams,IDeleteAssetResult>(deleteAssetIR);


/** 'ListMyAssets' parameters type */
export interface IListMyAssetsParams {
  assetType?: string | null | void;
  ffcId?: string | null | void;
  limit: number;
  offset: number;
  q?: string | null | void;
  sort?: string | null | void;
}

/** 'ListMyAssets' return type */
export interface IListMyAssetsResult {
  assetId: string;
  assetType: string;
  categoryCode: string;
  createdAt: Date;
  currency: string;
  currentValue: string | null;
  currentValueCurrency: string | null;
  identifierMasked: string | null;
  isLiability: boolean;
  myAccess: string;
  name: string;
  total: number;
  valuedOn: string | null;
}

/** 'ListMyAssets' query type */
export interface IListMyAssetsQuery {
  params: IListMyAssetsParams;
  result: IListMyAssetsResult;
}

const listMyAssetsIR: any = {"usedParamSet":{"assetType":true,"ffcId":true,"q":true,"sort":true,"limit":true,"offset":true},"params":[{"name":"assetType","required":false,"transform":{"type":"scalar"},"locs":[{"a":452,"b":461}]},{"name":"ffcId","required":false,"transform":{"type":"scalar"},"locs":[{"a":476,"b":481}]},{"name":"q","required":false,"transform":{"type":"scalar"},"locs":[{"a":491,"b":492}]},{"name":"sort","required":false,"transform":{"type":"scalar"},"locs":[{"a":505,"b":509}]},{"name":"limit","required":true,"transform":{"type":"scalar"},"locs":[{"a":550,"b":556}]},{"name":"offset","required":true,"transform":{"type":"scalar"},"locs":[{"a":571,"b":578}]}],"statement":"SELECT asset_id AS \"assetId!\", asset_type AS \"assetType!\", category_code AS \"categoryCode!\", name AS \"name!\",\n       currency AS \"currency!\", is_liability AS \"isLiability!\", identifier_masked AS \"identifierMasked\",\n       current_value AS \"currentValue\", current_value_currency AS \"currentValueCurrency\", valued_on AS \"valuedOn\",\n       my_access AS \"myAccess!\", created_at AS \"createdAt!\", total AS \"total!\"\nFROM api.sp_list_my_assets(p_asset_type => :assetType, p_ffc_id => :ffcId, p_q => :q, p_sort => :sort,\n                           p_limit => :limit!, p_offset => :offset!)"};

/**
 * Query generated from SQL:
 * ```
 * SELECT asset_id AS "assetId!", asset_type AS "assetType!", category_code AS "categoryCode!", name AS "name!",
 *        currency AS "currency!", is_liability AS "isLiability!", identifier_masked AS "identifierMasked",
 *        current_value AS "currentValue", current_value_currency AS "currentValueCurrency", valued_on AS "valuedOn",
 *        my_access AS "myAccess!", created_at AS "createdAt!", total AS "total!"
 * FROM api.sp_list_my_assets(p_asset_type => :assetType, p_ffc_id => :ffcId, p_q => :q, p_sort => :sort,
 *                            p_limit => :limit!, p_offset => :offset!)
 * ```
 */
export const listMyAssets = new PreparedQuery<IListMyAssetsParams,IListMyAssetsResult>(listMyAssetsIR);


/** 'ListFfcAssets' parameters type */
export interface IListFfcAssetsParams {
  assetType?: string | null | void;
  ffcId: string;
  limit: number;
  offset: number;
  q?: string | null | void;
  sort?: string | null | void;
}

/** 'ListFfcAssets' return type */
export interface IListFfcAssetsResult {
  assetId: string;
  assetType: string;
  categoryCode: string;
  createdAt: Date;
  currency: string;
  currentValue: string | null;
  currentValueCurrency: string | null;
  identifierMasked: string | null;
  isLiability: boolean;
  myAccess: string;
  name: string;
  total: number;
  valuedOn: string | null;
}

/** 'ListFfcAssets' query type */
export interface IListFfcAssetsQuery {
  params: IListFfcAssetsParams;
  result: IListFfcAssetsResult;
}

const listFfcAssetsIR: any = {"usedParamSet":{"ffcId":true,"assetType":true,"q":true,"sort":true,"limit":true,"offset":true},"params":[{"name":"ffcId","required":true,"transform":{"type":"scalar"},"locs":[{"a":449,"b":455}]},{"name":"assetType","required":false,"transform":{"type":"scalar"},"locs":[{"a":474,"b":483}]},{"name":"q","required":false,"transform":{"type":"scalar"},"locs":[{"a":493,"b":494}]},{"name":"sort","required":false,"transform":{"type":"scalar"},"locs":[{"a":507,"b":511}]},{"name":"limit","required":true,"transform":{"type":"scalar"},"locs":[{"a":553,"b":559}]},{"name":"offset","required":true,"transform":{"type":"scalar"},"locs":[{"a":574,"b":581}]}],"statement":"SELECT asset_id AS \"assetId!\", asset_type AS \"assetType!\", category_code AS \"categoryCode!\", name AS \"name!\",\n       currency AS \"currency!\", is_liability AS \"isLiability!\", identifier_masked AS \"identifierMasked\",\n       current_value AS \"currentValue\", current_value_currency AS \"currentValueCurrency\", valued_on AS \"valuedOn\",\n       my_access AS \"myAccess!\", created_at AS \"createdAt!\", total AS \"total!\"\nFROM api.sp_list_ffc_assets(p_ffc_id => :ffcId!, p_asset_type => :assetType, p_q => :q, p_sort => :sort,\n                            p_limit => :limit!, p_offset => :offset!)"};

/**
 * Query generated from SQL:
 * ```
 * SELECT asset_id AS "assetId!", asset_type AS "assetType!", category_code AS "categoryCode!", name AS "name!",
 *        currency AS "currency!", is_liability AS "isLiability!", identifier_masked AS "identifierMasked",
 *        current_value AS "currentValue", current_value_currency AS "currentValueCurrency", valued_on AS "valuedOn",
 *        my_access AS "myAccess!", created_at AS "createdAt!", total AS "total!"
 * FROM api.sp_list_ffc_assets(p_ffc_id => :ffcId!, p_asset_type => :assetType, p_q => :q, p_sort => :sort,
 *                             p_limit => :limit!, p_offset => :offset!)
 * ```
 */
export const listFfcAssets = new PreparedQuery<IListFfcAssetsParams,IListFfcAssetsResult>(listFfcAssetsIR);


/** 'GetAssetOwnersAsOf' parameters type */
export interface IGetAssetOwnersAsOfParams {
  asOf: string;
  assetId: string;
}

/** 'GetAssetOwnersAsOf' return type */
export interface IGetAssetOwnersAsOfResult {
  entityId: string | null;
  entityName: string | null;
  heldSince: Date | null;
  ownershipForm: string;
  ownershipPercentage: string;
  personaId: string | null;
  personaName: string | null;
}

/** 'GetAssetOwnersAsOf' query type */
export interface IGetAssetOwnersAsOfQuery {
  params: IGetAssetOwnersAsOfParams;
  result: IGetAssetOwnersAsOfResult;
}

const getAssetOwnersAsOfIR: any = {"usedParamSet":{"assetId":true,"asOf":true},"params":[{"name":"assetId","required":true,"transform":{"type":"scalar"},"locs":[{"a":285,"b":293}]},{"name":"asOf","required":true,"transform":{"type":"scalar"},"locs":[{"a":307,"b":312}]}],"statement":"SELECT persona_id AS \"personaId\", persona_name AS \"personaName\", entity_id AS \"entityId\", entity_name AS \"entityName\",\n       ownership_percentage AS \"ownershipPercentage!\", ownership_form AS \"ownershipForm!\", held_since AS \"heldSince\"\nFROM api.sp_get_asset_owners_as_of(p_asset_id => :assetId!, p_as_of => :asOf!)"};

/**
 * Query generated from SQL:
 * ```
 * SELECT persona_id AS "personaId", persona_name AS "personaName", entity_id AS "entityId", entity_name AS "entityName",
 *        ownership_percentage AS "ownershipPercentage!", ownership_form AS "ownershipForm!", held_since AS "heldSince"
 * FROM api.sp_get_asset_owners_as_of(p_asset_id => :assetId!, p_as_of => :asOf!)
 * ```
 */
export const getAssetOwnersAsOf = new PreparedQuery<IGetAssetOwnersAsOfParams,IGetAssetOwnersAsOfResult>(getAssetOwnersAsOfIR);


/** 'GetAssetOwnershipHistory' parameters type */
export interface IGetAssetOwnershipHistoryParams {
  assetId: string;
  limit: number;
  offset: number;
}

/** 'GetAssetOwnershipHistory' return type */
export interface IGetAssetOwnershipHistoryResult {
  changeId: string;
  effectiveAt: Date | null;
  entityId: string | null;
  entityName: string | null;
  ownershipForm: string | null;
  ownershipPercentage: string | null;
  personaId: string | null;
  personaName: string | null;
  recordedAt: Date;
  total: number;
}

/** 'GetAssetOwnershipHistory' query type */
export interface IGetAssetOwnershipHistoryQuery {
  params: IGetAssetOwnershipHistoryParams;
  result: IGetAssetOwnershipHistoryResult;
}

const getAssetOwnershipHistoryIR: any = {"usedParamSet":{"assetId":true,"limit":true,"offset":true},"params":[{"name":"assetId","required":true,"transform":{"type":"scalar"},"locs":[{"a":374,"b":382}]},{"name":"limit","required":true,"transform":{"type":"scalar"},"locs":[{"a":396,"b":402}]},{"name":"offset","required":true,"transform":{"type":"scalar"},"locs":[{"a":417,"b":424}]}],"statement":"SELECT change_id AS \"changeId!\", persona_id AS \"personaId\", persona_name AS \"personaName\", entity_id AS \"entityId\",\n       entity_name AS \"entityName\", ownership_percentage AS \"ownershipPercentage\", ownership_form AS \"ownershipForm\",\n       effective_at AS \"effectiveAt\", recorded_at AS \"recordedAt!\", total AS \"total!\"\nFROM api.sp_get_asset_ownership_history(p_asset_id => :assetId!, p_limit => :limit!, p_offset => :offset!)"};

/**
 * Query generated from SQL:
 * ```
 * SELECT change_id AS "changeId!", persona_id AS "personaId", persona_name AS "personaName", entity_id AS "entityId",
 *        entity_name AS "entityName", ownership_percentage AS "ownershipPercentage", ownership_form AS "ownershipForm",
 *        effective_at AS "effectiveAt", recorded_at AS "recordedAt!", total AS "total!"
 * FROM api.sp_get_asset_ownership_history(p_asset_id => :assetId!, p_limit => :limit!, p_offset => :offset!)
 * ```
 */
export const getAssetOwnershipHistory = new PreparedQuery<IGetAssetOwnershipHistoryParams,IGetAssetOwnershipHistoryResult>(getAssetOwnershipHistoryIR);


