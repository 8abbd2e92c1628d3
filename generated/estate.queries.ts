/** Types generated for queries found in "procedures/calls/estate.sql" */
import { PreparedQuery } from '@pgtyped/runtime';

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** 'CreateLegalEntity' parameters type */
export interface ICreateLegalEntityParams {
  effectiveDate?: string | null | void;
  entityKind: string;
  jurisdiction?: string | null | void;
  name: string;
  roles: Json;
}

/** 'CreateLegalEntity' return type */
export interface ICreateLegalEntityResult {
  createdAt: Date;
  effectiveDate: string | null;
  entityId: string;
  entityKind: string;
  jurisdiction: string | null;
  name: string;
  roles: Json;
  updatedAt: Date;
}

/** 'CreateLegalEntity' query type */
export interface ICreateLegalEntityQuery {
  params: ICreateLegalEntityParams;
  result: ICreateLegalEntityResult;
}

const createLegalEntityIR: any = {"usedParamSet":{"entityKind":true,"name":true,"jurisdiction":true,"effectiveDate":true,"roles":true},"params":[{"name":"entityKind","required":true,"transform":{"type":"scalar"},"locs":[{"a":277,"b":288}]},{"name":"name","required":true,"transform":{"type":"scalar"},"locs":[{"a":301,"b":306}]},{"name":"jurisdiction","required":false,"transform":{"type":"scalar"},"locs":[{"a":327,"b":339}]},{"name":"effectiveDate","required":false,"transform":{"type":"scalar"},"locs":[{"a":394,"b":407}]},{"name":"roles","required":true,"transform":{"type":"scalar"},"locs":[{"a":421,"b":427}]}],"statement":"SELECT entity_id AS \"entityId!\", entity_kind AS \"entityKind!\", name AS \"name!\", jurisdiction AS \"jurisdiction\",\n       effective_date AS \"effectiveDate\", roles AS \"roles!\", created_at AS \"createdAt!\", updated_at AS \"updatedAt!\"\nFROM api.sp_create_legal_entity(p_entity_kind => :entityKind!, p_name => :name!, p_jurisdiction => :jurisdiction,\n                                p_effective_date => :effectiveDate, p_roles => :roles!)"};

/**
 * Query generated from SQL:
 * ```
 * SELECT entity_id AS "entityId!", entity_kind AS "entityKind!", name AS "name!", jurisdiction AS "jurisdiction",
 *        effective_date AS "effectiveDate", roles AS "roles!", created_at AS "createdAt!", updated_at AS "updatedAt!"
 * FROM api.sp_create_legal_entity(p_entity_kind => :entityKind!, p_name => :name!, p_jurisdiction => :jurisdiction,
 *                                 p_effective_date => :effectiveDate, p_roles => :roles!)
 * ```
 */
export const createLegalEntity = new PreparedQuery<ICreateLegalEntityParams,ICreateLegalEntityResult>(createLegalEntityIR);


/** 'GetLegalEntity' parameters type */
export interface IGetLegalEntityParams {
  entityId: string;
}

/** 'GetLegalEntity' return type */
export interface IGetLegalEntityResult {
  createdAt: Date;
  effectiveDate: string | null;
  entityId: string;
  entityKind: string;
  jurisdiction: string | null;
  name: string;
  roles: Json;
  updatedAt: Date;
}

/** 'GetLegalEntity' query type */
export interface IGetLegalEntityQuery {
  params: IGetLegalEntityParams;
  result: IGetLegalEntityResult;
}

const getLegalEntityIR: any = {"usedParamSet":{"entityId":true},"params":[{"name":"entityId","required":true,"transform":{"type":"scalar"},"locs":[{"a":272,"b":281}]}],"statement":"SELECT entity_id AS \"entityId!\", entity_kind AS \"entityKind!\", name AS \"name!\", jurisdiction AS \"jurisdiction\",\n       effective_date AS \"effectiveDate\", roles AS \"roles!\", created_at AS \"createdAt!\", updated_at AS \"updatedAt!\"\nFROM api.sp_get_legal_entity(p_entity_id => :entityId!)"};

/**
 * Query generated from SQL:
 * ```
 * SELECT entity_id AS "entityId!", entity_kind AS "entityKind!", name AS "name!", jurisdiction AS "jurisdiction",
 *        effective_date AS "effectiveDate", roles AS "roles!", created_at AS "createdAt!", updated_at AS "updatedAt!"
 * FROM api.sp_get_legal_entity(p_entity_id => :entityId!)
 * ```
 */
export const getLegalEntity = new PreparedQuery<IGetLegalEntityParams,IGetLegalEntityResult>(getLegalEntityIR);


/** 'ListLegalEntities' parameters type */
export interface IListLegalEntitiesParams {
  limit: number;
  offset: number;
}

/** 'ListLegalEntities' return type */
export interface IListLegalEntitiesResult {
  createdAt: Date;
  effectiveDate: string | null;
  entityId: string;
  entityKind: string;
  jurisdiction: string | null;
  name: string;
  roles: Json;
  updatedAt: Date;
}

/** 'ListLegalEntities' query type */
export interface IListLegalEntitiesQuery {
  params: IListLegalEntitiesParams;
  result: IListLegalEntitiesResult;
}

const listLegalEntitiesIR: any = {"usedParamSet":{"limit":true,"offset":true},"params":[{"name":"limit","required":true,"transform":{"type":"scalar"},"locs":[{"a":271,"b":277}]},{"name":"offset","required":true,"transform":{"type":"scalar"},"locs":[{"a":292,"b":299}]}],"statement":"SELECT entity_id AS \"entityId!\", entity_kind AS \"entityKind!\", name AS \"name!\", jurisdiction AS \"jurisdiction\",\n       effective_date AS \"effectiveDate\", roles AS \"roles!\", created_at AS \"createdAt!\", updated_at AS \"updatedAt!\"\nFROM api.sp_list_legal_entities(p_limit => :limit!, p_offset => :offset!)"};

/**
 * Query generated from SQL:
 * ```
 * SELECT entity_id AS "entityId!", entity_kind AS "entityKind!", name AS "name!", jurisdiction AS "jurisdiction",
 *        effective_date AS "effectiveDate", roles AS "roles!", created_at AS "createdAt!", updated_at AS "updatedAt!"
 * FROM api.sp_list_legal_entities(p_limit => :limit!, p_offset => :offset!)
 * ```
 */
export const listLegalEntities = new PreparedQuery<IListLegalEntitiesParams,IListLegalEntitiesResult>(listLegalEntitiesIR);


/** 'UpdateLegalEntity' parameters type */
export interface IUpdateLegalEntityParams {
  effectiveDate?: string | null | void;
  entityId: string;
  jurisdiction?: string | null | void;
  name?: string | null | void;
  roles?: Json | null | void;
}

/** 'UpdateLegalEntity' return type */
export interface IUpdateLegalEntityResult {
  createdAt: Date;
  effectiveDate: string | null;
  entityId: string;
  entityKind: string;
  jurisdiction: string | null;
  name: string;
  roles: Json;
  updatedAt: Date;
}

/** 'UpdateLegalEntity' query type */
export interface IUpdateLegalEntityQuery {
  params: IUpdateLegalEntityParams;
  result: IUpdateLegalEntityResult;
}

const updateLegalEntityIR: any = {"usedParamSet":{"entityId":true,"name":true,"jurisdiction":true,"effectiveDate":true,"roles":true},"params":[{"name":"entityId","required":true,"transform":{"type":"scalar"},"locs":[{"a":275,"b":284}]},{"name":"name","required":false,"transform":{"type":"scalar"},"locs":[{"a":297,"b":301}]},{"name":"jurisdiction","required":false,"transform":{"type":"scalar"},"locs":[{"a":322,"b":334}]},{"name":"effectiveDate","required":false,"transform":{"type":"scalar"},"locs":[{"a":389,"b":402}]},{"name":"roles","required":false,"transform":{"type":"scalar"},"locs":[{"a":416,"b":421}]}],"statement":"SELECT entity_id AS \"entityId!\", entity_kind AS \"entityKind!\", name AS \"name!\", jurisdiction AS \"jurisdiction\",\n       effective_date AS \"effectiveDate\", roles AS \"roles!\", created_at AS \"createdAt!\", updated_at AS \"updatedAt!\"\nFROM api.sp_update_legal_entity(p_entity_id => :entityId!, p_name => :name, p_jurisdiction => :jurisdiction,\n                                p_effective_date => :effectiveDate, p_roles => :roles)"};

/**
 * Query generated from SQL:
 * ```
 * SELECT entity_id AS "entityId!", entity_kind AS "entityKind!", name AS "name!", jurisdiction AS "jurisdiction",
 *        effective_date AS "effectiveDate", roles AS "roles!", created_at AS "createdAt!", updated_at AS "updatedAt!"
 * FROM api.sp_update_legal_entity(p_entity_id => :entityId!, p_name => :name, p_jurisdiction => :jurisdiction,
 *                                 p_effective_date => :effectiveDate, p_roles => :roles)
 * ```
 */
export const updateLegalEntity = new PreparedQuery<IUpdateLegalEntityParams,IUpdateLegalEntityResult>(updateLegalEntityIR);


/** 'AssignAssetToEntity' parameters type */
export interface IAssignAssetToEntityParams {
  assetId: string;
  entityId: string;
  ownershipForm: string;
  percentage: string;
}

/** 'AssignAssetToEntity' return type */
export interface IAssignAssetToEntityResult {
  assetId: string;
  entityId: string;
  ownershipForm: string;
  ownershipPercentage: string;
  totalPercentage: string;
}

/** 'AssignAssetToEntity' query type */
export interface IAssignAssetToEntityQuery {
  params: IAssignAssetToEntityParams;
  result: IAssignAssetToEntityResult;
}

const assignAssetToEntityIR: any = {"usedParamSet":{"assetId":true,"entityId":true,"percentage":true,"ownershipForm":true},"params":[{"name":"assetId","required":true,"transform":{"type":"scalar"},"locs":[{"a":236,"b":244}]},{"name":"entityId","required":true,"transform":{"type":"scalar"},"locs":[{"a":262,"b":271}]},{"name":"percentage","required":true,"transform":{"type":"scalar"},"locs":[{"a":290,"b":301}]},{"name":"ownershipForm","required":true,"transform":{"type":"scalar"},"locs":[{"a":359,"b":373}]}],"statement":"SELECT asset_id AS \"assetId!\", entity_id AS \"entityId!\", ownership_percentage AS \"ownershipPercentage!\",\n       ownership_form AS \"ownershipForm!\", total_percentage AS \"totalPercentage!\"\nFROM api.sp_assign_asset_to_entity(p_asset_id => :assetId!, p_entity_id => :entityId!, p_percentage => :percentage!,\n                                   p_ownership_form => :ownershipForm!)"};

/**
 * Query generated from SQL:
 * ```
 * SELECT asset_id AS "assetId!", entity_id AS "entityId!", ownership_percentage AS "ownershipPercentage!",
 *        ownership_form AS "ownershipForm!", total_percentage AS "totalPercentage!"
 * FROM api.sp_assign_asset_to_entity(p_asset_id => :assetId!, p_entity_id => :entityId!, p_percentage => :percentage!,
 *                                    p_ownership_form => :ownershipForm!)
 * ```
 */
export const assignAssetToEntity = new PreparedQuery<IAssignAssetToEntityParams,IAssignAssetToEntityResult>(assignAssetToEntityIR);


/** 'SetAssetBeneficiaries' parameters type */
export interface ISetAssetBeneficiariesParams {
  assetId: string;
  contingent: Json;
  effectiveOn: string;
  primary: Json;
}

/** 'SetAssetBeneficiaries' return type */
export interface ISetAssetBeneficiariesResult {
  distribution: string | null;
  effectiveOn: string;
  entityId: string | null;
  kind: string;
  level: string;
  name: string;
  percentage: string;
  personaId: string | null;
}

/** 'SetAssetBeneficiaries' query type */
export interface ISetAssetBeneficiariesQuery {
  params: ISetAssetBeneficiariesParams;
  result: ISetAssetBeneficiariesResult;
}

const setAssetBeneficiariesIR: any = {"usedParamSet":{"assetId":true,"effectiveOn":true,"primary":true,"contingent":true},"params":[{"name":"assetId","required":true,"transform":{"type":"scalar"},"locs":[{"a":285,"b":293}]},{"name":"effectiveOn","required":true,"transform":{"type":"scalar"},"locs":[{"a":314,"b":326}]},{"name":"primary","required":true,"transform":{"type":"scalar"},"locs":[{"a":342,"b":350}]},{"name":"contingent","required":true,"transform":{"type":"scalar"},"locs":[{"a":405,"b":416}]}],"statement":"SELECT level AS \"level!\", beneficiary_kind AS \"kind!\", persona_id AS \"personaId\", entity_id AS \"entityId\",\n       beneficiary_name AS \"name!\", percentage AS \"percentage!\", distribution AS \"distribution\", effective_on AS \"effectiveOn!\"\nFROM api.sp_set_asset_beneficiaries(p_asset_id => :assetId!, p_effective_on => :effectiveOn!, p_primary => :primary!,\n                                    p_contingent => :contingent!)"};

/**
 * Query generated from SQL:
 * ```
 * SELECT level AS "level!", beneficiary_kind AS "kind!", persona_id AS "personaId", entity_id AS "entityId",
 *        beneficiary_name AS "name!", percentage AS "percentage!", distribution AS "distribution", effective_on AS "effectiveOn!"
 * FROM api.sp_set_asset_beneficiaries(p_asset_id => :assetId!, p_effective_on => :effectiveOn!, p_primary => :primary!,
 *                                     p_contingent => :contingent!)
 * ```
 */
export const setAssetBeneficiaries = new PreparedQuery<ISetAssetBeneficiariesParams,ISetAssetBeneficiariesResult>(setAssetBeneficiariesIR);


/** 'GetAssetBeneficiaries' parameters type */
export interface IGetAssetBeneficiariesParams {
  assetId: string;
}

/** 'GetAssetBeneficiaries' return type */
export interface IGetAssetBeneficiariesResult {
  distribution: string | null;
  effectiveOn: string;
  entityId: string | null;
  kind: string;
  level: string;
  name: string;
  percentage: string;
  personaId: string | null;
}

/** 'GetAssetBeneficiaries' query type */
export interface IGetAssetBeneficiariesQuery {
  params: IGetAssetBeneficiariesParams;
  result: IGetAssetBeneficiariesResult;
}

const getAssetBeneficiariesIR: any = {"usedParamSet":{"assetId":true},"params":[{"name":"assetId","required":true,"transform":{"type":"scalar"},"locs":[{"a":285,"b":293}]}],"statement":"SELECT level AS \"level!\", beneficiary_kind AS \"kind!\", persona_id AS \"personaId\", entity_id AS \"entityId\",\n       beneficiary_name AS \"name!\", percentage AS \"percentage!\", distribution AS \"distribution\", effective_on AS \"effectiveOn!\"\nFROM api.sp_get_asset_beneficiaries(p_asset_id => :assetId!)"};

/**
 * Query generated from SQL:
 * ```
 * SELECT level AS "level!", beneficiary_kind AS "kind!", persona_id AS "personaId", entity_id AS "entityId",
 *        beneficiary_name AS "name!", percentage AS "percentage!", distribution AS "distribution", effective_on AS "effectiveOn!"
 * FROM api.sp_get_asset_beneficiaries(p_asset_id => :assetId!)
 * ```
 */
export const getAssetBeneficiaries = new PreparedQuery<IGetAssetBeneficiariesParams,IGetAssetBeneficiariesResult>(getAssetBeneficiariesIR);


/** 'SetEntityBeneficiaries' parameters type */
export interface ISetEntityBeneficiariesParams {
  contingent: Json;
  effectiveOn: string;
  entityId: string;
  primary: Json;
}

/** 'SetEntityBeneficiaries' return type */
export interface ISetEntityBeneficiariesResult {
  distribution: string | null;
  effectiveOn: string;
  entityId: string | null;
  kind: string;
  level: string;
  name: string;
  percentage: string;
  personaId: string | null;
}

/** 'SetEntityBeneficiaries' query type */
export interface ISetEntityBeneficiariesQuery {
  params: ISetEntityBeneficiariesParams;
  result: ISetEntityBeneficiariesResult;
}

const setEntityBeneficiariesIR: any = {"usedParamSet":{"entityId":true,"effectiveOn":true,"primary":true,"contingent":true},"params":[{"name":"entityId","required":true,"transform":{"type":"scalar"},"locs":[{"a":287,"b":296}]},{"name":"effectiveOn","required":true,"transform":{"type":"scalar"},"locs":[{"a":317,"b":329}]},{"name":"primary","required":true,"transform":{"type":"scalar"},"locs":[{"a":345,"b":353}]},{"name":"contingent","required":true,"transform":{"type":"scalar"},"locs":[{"a":409,"b":420}]}],"statement":"SELECT level AS \"level!\", beneficiary_kind AS \"kind!\", persona_id AS \"personaId\", entity_id AS \"entityId\",\n       beneficiary_name AS \"name!\", percentage AS \"percentage!\", distribution AS \"distribution\", effective_on AS \"effectiveOn!\"\nFROM api.sp_set_entity_beneficiaries(p_entity_id => :entityId!, p_effective_on => :effectiveOn!, p_primary => :primary!,\n                                     p_contingent => :contingent!)"};

/**
 * Query generated from SQL:
 * ```
 * SELECT level AS "level!", beneficiary_kind AS "kind!", persona_id AS "personaId", entity_id AS "entityId",
 *        beneficiary_name AS "name!", percentage AS "percentage!", distribution AS "distribution", effective_on AS "effectiveOn!"
 * FROM api.sp_set_entity_beneficiaries(p_entity_id => :entityId!, p_effective_on => :effectiveOn!, p_primary => :primary!,
 *                                      p_contingent => :contingent!)
 * ```
 */
export const setEntityBeneficiaries = new PreparedQuery<ISetEntityBeneficiariesParams,ISetEntityBeneficiariesResult>(setEntityBeneficiariesIR);


/** 'GetEntityBeneficiaries' parameters type */
export interface IGetEntityBeneficiariesParams {
  entityId: string;
}

/** 'GetEntityBeneficiaries' return type */
export interface IGetEntityBeneficiariesResult {
  distribution: string | null;
  effectiveOn: string;
  entityId: string | null;
  kind: string;
  level: string;
  name: string;
  percentage: string;
  personaId: string | null;
}

/** 'GetEntityBeneficiaries' query type */
export interface IGetEntityBeneficiariesQuery {
  params: IGetEntityBeneficiariesParams;
  result: IGetEntityBeneficiariesResult;
}

const getEntityBeneficiariesIR: any = {"usedParamSet":{"entityId":true},"params":[{"name":"entityId","required":true,"transform":{"type":"scalar"},"locs":[{"a":287,"b":296}]}],"statement":"SELECT level AS \"level!\", beneficiary_kind AS \"kind!\", persona_id AS \"personaId\", entity_id AS \"entityId\",\n       beneficiary_name AS \"name!\", percentage AS \"percentage!\", distribution AS \"distribution\", effective_on AS \"effectiveOn!\"\nFROM api.sp_get_entity_beneficiaries(p_entity_id => :entityId!)"};

/**
 * Query generated from SQL:
 * ```
 * SELECT level AS "level!", beneficiary_kind AS "kind!", persona_id AS "personaId", entity_id AS "entityId",
 *        beneficiary_name AS "name!", percentage AS "percentage!", distribution AS "distribution", effective_on AS "effectiveOn!"
 * FROM api.sp_get_entity_beneficiaries(p_entity_id => :entityId!)
 * ```
 */
export const getEntityBeneficiaries = new PreparedQuery<IGetEntityBeneficiariesParams,IGetEntityBeneficiariesResult>(getEntityBeneficiariesIR);


/** 'CheckEstatePlan' parameters type */
export interface ICheckEstatePlanParams {
  asOf: string;
  personaId: string;
}

/** 'CheckEstatePlan' return type */
export interface ICheckEstatePlanResult {
  assetId: string | null;
  checkCode: string;
  detail: string;
  entityId: string | null;
  level: string | null;
  percentage: string | null;
  personaId: string | null;
}

/** 'CheckEstatePlan' query type */
export interface ICheckEstatePlanQuery {
  params: ICheckEstatePlanParams;
  result: ICheckEstatePlanResult;
}

const checkEstatePlanIR: any = {"usedParamSet":{"personaId":true,"asOf":true},"params":[{"name":"personaId","required":true,"transform":{"type":"scalar"},"locs":[{"a":229,"b":239}]},{"name":"asOf","required":true,"transform":{"type":"scalar"},"locs":[{"a":253,"b":258}]}],"statement":"SELECT check_code AS \"checkCode!\", asset_id AS \"assetId\", entity_id AS \"entityId\", persona_id AS \"personaId\",\n       level AS \"level\", percentage AS \"percentage\", detail AS \"detail!\"\nFROM api.sp_check_estate_plan(p_persona_id => :personaId!, p_as_of => :asOf!)"};

/**
 * Query generated from SQL:
 * ```
 * SELECT check_code AS "checkCode!", asset_id AS "assetId", entity_id AS "entityId", persona_id AS "personaId",
 *        level AS "level", percentage AS "percentage", detail AS "detail!"
 * FROM api.sp_check_estate_plan(p_persona_id => :personaId!, p_as_of => :asOf!)
 * ```
 */
export const checkEstatePlan = new PreparedQuery<ICheckEstatePlanParams,ICheckEstatePlanResult>(checkEstatePlanIR);


/** 'SetEstateBeneficiaries' parameters type */
export interface ISetEstateBeneficiariesParams {
  contingent: Json;
  effectiveOn: string;
  personaId: string;
  primary: Json;
}

/** 'SetEstateBeneficiaries' return type */
export interface ISetEstateBeneficiariesResult {
  distribution: string | null;
  effectiveOn: string;
  entityId: string | null;
  kind: string;
  level: string;
  name: string;
  percentage: string;
  personaId: string | null;
}

/** 'SetEstateBeneficiaries' query type */
export interface ISetEstateBeneficiariesQuery {
  params: ISetEstateBeneficiariesParams;
  result: ISetEstateBeneficiariesResult;
}

const setEstateBeneficiariesIR: any = {"usedParamSet":{"personaId":true,"effectiveOn":true,"primary":true,"contingent":true},"params":[{"name":"personaId","required":true,"transform":{"type":"scalar"},"locs":[{"a":288,"b":298}]},{"name":"effectiveOn","required":true,"transform":{"type":"scalar"},"locs":[{"a":319,"b":331}]},{"name":"primary","required":true,"transform":{"type":"scalar"},"locs":[{"a":347,"b":355}]},{"name":"contingent","required":true,"transform":{"type":"scalar"},"locs":[{"a":411,"b":422}]}],"statement":"SELECT level AS \"level!\", beneficiary_kind AS \"kind!\", persona_id AS \"personaId\", entity_id AS \"entityId\",\n       beneficiary_name AS \"name!\", percentage AS \"percentage!\", distribution AS \"distribution\", effective_on AS \"effectiveOn!\"\nFROM api.sp_set_estate_beneficiaries(p_persona_id => :personaId!, p_effective_on => :effectiveOn!, p_primary => :primary!,\n                                     p_contingent => :contingent!)"};

/**
 * Query generated from SQL:
 * ```
 * SELECT level AS "level!", beneficiary_kind AS "kind!", persona_id AS "personaId", entity_id AS "entityId",
 *        beneficiary_name AS "name!", percentage AS "percentage!", distribution AS "distribution", effective_on AS "effectiveOn!"
 * FROM api.sp_set_estate_beneficiaries(p_persona_id => :personaId!, p_effective_on => :effectiveOn!, p_primary => :primary!,
 *                                      p_contingent => :contingent!)
 * ```
 */
export const setEstateBeneficiaries = new PreparedQuery<ISetEstateBeneficiariesParams,ISetEstateBeneficiariesResult>(setEstateBeneficiariesIR);


/** 'GetEstateBeneficiaries' parameters type */
export interface IGetEstateBeneficiariesParams {
  personaId: string;
}

/** 'GetEstateBeneficiaries' return type */
export interface IGetEstateBeneficiariesResult {
  distribution: string | null;
  effectiveOn: string;
  entityId: string | null;
  kind: string;
  level: string;
  name: string;
  percentage: string;
  personaId: string | null;
}

/** 'GetEstateBeneficiaries' query type */
export interface IGetEstateBeneficiariesQuery {
  params: IGetEstateBeneficiariesParams;
  result: IGetEstateBeneficiariesResult;
}

const getEstateBeneficiariesIR: any = {"usedParamSet":{"personaId":true},"params":[{"name":"personaId","required":true,"transform":{"type":"scalar"},"locs":[{"a":288,"b":298}]}],"statement":"SELECT level AS \"level!\", beneficiary_kind AS \"kind!\", persona_id AS \"personaId\", entity_id AS \"entityId\",\n       beneficiary_name AS \"name!\", percentage AS \"percentage!\", distribution AS \"distribution\", effective_on AS \"effectiveOn!\"\nFROM api.sp_get_estate_beneficiaries(p_persona_id => :personaId!)"};

/**
 * Query generated from SQL:
 * ```
 * SELECT level AS "level!", beneficiary_kind AS "kind!", persona_id AS "personaId", entity_id AS "entityId",
 *        beneficiary_name AS "name!", percentage AS "percentage!", distribution AS "distribution", effective_on AS "effectiveOn!"
 * FROM api.sp_get_estate_beneficiaries(p_persona_id => :personaId!)
 * ```
 */
export const getEstateBeneficiaries = new PreparedQuery<IGetEstateBeneficiariesParams,IGetEstateBeneficiariesResult>(getEstateBeneficiariesIR);


/** 'CalculateEstateFlow' parameters type */
export interface ICalculateEstateFlowParams {
  asOf: string;
  currency: string;
  personaId: string;
}

/** 'CalculateEstateFlow' return type */
export interface ICalculateEstateFlowResult {
  amount: string;
  assetId: string | null;
  assetName: string | null;
  recipientEntityId: string | null;
  recipientKind: string;
  recipientName: string;
  recipientPersonaId: string | null;
  route: string;
}

/** 'CalculateEstateFlow' query type */
export interface ICalculateEstateFlowQuery {
  params: ICalculateEstateFlowParams;
  result: ICalculateEstateFlowResult;
}

const calculateEstateFlowIR: any = {"usedParamSet":{"personaId":true,"asOf":true,"currency":true},"params":[{"name":"personaId","required":true,"transform":{"type":"scalar"},"locs":[{"a":322,"b":332}]},{"name":"asOf","required":true,"transform":{"type":"scalar"},"locs":[{"a":346,"b":351}]},{"name":"currency","required":true,"transform":{"type":"scalar"},"locs":[{"a":368,"b":377}]}],"statement":"SELECT asset_id AS \"assetId\", asset_name AS \"assetName\", route AS \"route!\", recipient_kind AS \"recipientKind!\",\n       recipient_persona_id AS \"recipientPersonaId\", recipient_entity_id AS \"recipientEntityId\",\n       recipient_name AS \"recipientName!\", amount AS \"amount!\"\nFROM api.sp_calculate_estate_flow(p_persona_id => :personaId!, p_as_of => :asOf!, p_currency => :currency!)"};

/**
 * Query generated from SQL:
 * ```
 * SELECT asset_id AS "assetId", asset_name AS "assetName", route AS "route!", recipient_kind AS "recipientKind!",
 *        recipient_persona_id AS "recipientPersonaId", recipient_entity_id AS "recipientEntityId",
 *        recipient_name AS "recipientName!", amount AS "amount!"
 * FROM api.sp_calculate_estate_flow(p_persona_id => :personaId!, p_as_of => :asOf!, p_currency => :currency!)
 * ```
 */
export const calculateEstateFlow = new PreparedQuery<ICalculateEstateFlowParams,ICalculateEstateFlowResult>(calculateEstateFlowIR);


/** 'SetEntityInterests' parameters type */
export interface ISetEntityInterestsParams {
  entityId: string;
  holders: Json;
}

/** 'SetEntityInterests' return type */
export interface ISetEntityInterestsResult {
  entityId: string | null;
  kind: string;
  name: string;
  percentage: string;
  personaId: string | null;
}

/** 'SetEntityInterests' query type */
export interface ISetEntityInterestsQuery {
  params: ISetEntityInterestsParams;
  result: ISetEntityInterestsResult;
}

const setEntityInterestsIR: any = {"usedParamSet":{"entityId":true,"holders":true},"params":[{"name":"entityId","required":true,"transform":{"type":"scalar"},"locs":[{"a":190,"b":199}]},{"name":"holders","required":true,"transform":{"type":"scalar"},"locs":[{"a":215,"b":223}]}],"statement":"SELECT holder_kind AS \"kind!\", persona_id AS \"personaId\", entity_id AS \"entityId\", holder_name AS \"name!\",\n       percentage AS \"percentage!\"\nFROM api.sp_set_entity_interests(p_entity_id => :entityId!, p_holders => :holders!)"};

/**
 * Query generated from SQL:
 * ```
 * SELECT holder_kind AS "kind!", persona_id AS "personaId", entity_id AS "entityId", holder_name AS "name!",
 *        percentage AS "percentage!"
 * FROM api.sp_set_entity_interests(p_entity_id => :entityId!, p_holders => :holders!)
 * ```
 */
export const setEntityInterests = new PreparedQuery<ISetEntityInterestsParams,ISetEntityInterestsResult>(setEntityInterestsIR);


/** 'GetEntityInterests' parameters type */
export interface IGetEntityInterestsParams {
  entityId: string;
}

/** 'GetEntityInterests' return type */
export interface IGetEntityInterestsResult {
  entityId: string | null;
  kind: string;
  name: string;
  percentage: string;
  personaId: string | null;
}

/** 'GetEntityInterests' query type */
export interface IGetEntityInterestsQuery {
  params: IGetEntityInterestsParams;
  result: IGetEntityInterestsResult;
}

const getEntityInterestsIR: any = {"usedParamSet":{"entityId":true},"params":[{"name":"entityId","required":true,"transform":{"type":"scalar"},"locs":[{"a":190,"b":199}]}],"statement":"SELECT holder_kind AS \"kind!\", persona_id AS \"personaId\", entity_id AS \"entityId\", holder_name AS \"name!\",\n       percentage AS \"percentage!\"\nFROM api.sp_get_entity_interests(p_entity_id => :entityId!)"};

/**
 * Query generated from SQL:
 * ```
 * SELECT holder_kind AS "kind!", persona_id AS "personaId", entity_id AS "entityId", holder_name AS "name!",
 *        percentage AS "percentage!"
 * FROM api.sp_get_entity_interests(p_entity_id => :entityId!)
 * ```
 */
export const getEntityInterests = new PreparedQuery<IGetEntityInterestsParams,IGetEntityInterestsResult>(getEntityInterestsIR);


/** 'CalculateLookThroughNetWorth' parameters type */
export interface ICalculateLookThroughNetWorthParams {
  asOf: string;
  currency: string;
  personaId: string;
}

/** 'CalculateLookThroughNetWorth' return type */
export interface ICalculateLookThroughNetWorthResult {
  asOf: string;
  assetCount: number;
  currency: string;
  netWorth: string;
  personaId: string;
  totalAssets: string;
  totalLiabilities: string;
}

/** 'CalculateLookThroughNetWorth' query type */
export interface ICalculateLookThroughNetWorthQuery {
  params: ICalculateLookThroughNetWorthParams;
  result: ICalculateLookThroughNetWorthResult;
}

const calculateLookThroughNetWorthIR: any = {"usedParamSet":{"personaId":true,"asOf":true,"currency":true},"params":[{"name":"personaId","required":true,"transform":{"type":"scalar"},"locs":[{"a":275,"b":285}]},{"name":"asOf","required":true,"transform":{"type":"scalar"},"locs":[{"a":299,"b":304}]},{"name":"currency","required":true,"transform":{"type":"scalar"},"locs":[{"a":321,"b":330}]}],"statement":"SELECT persona_id AS \"personaId!\", as_of AS \"asOf!\", currency AS \"currency!\", total_assets AS \"totalAssets!\",\n       total_liabilities AS \"totalLiabilities!\", net_worth AS \"netWorth!\", asset_count AS \"assetCount!\"\nFROM api.sp_calculate_look_through_net_worth(p_persona_id => :personaId!, p_as_of => :asOf!, p_currency => :currency!)"};

/**
 * Query generated from SQL:
 * ```
 * SELECT persona_id AS "personaId!", as_of AS "asOf!", currency AS "currency!", total_assets AS "totalAssets!",
 *        total_liabilities AS "totalLiabilities!", net_worth AS "netWorth!", asset_count AS "assetCount!"
 * FROM api.sp_calculate_look_through_net_worth(p_persona_id => :personaId!, p_as_of => :asOf!, p_currency => :currency!)
 * ```
 */
export const calculateLookThroughNetWorth = new PreparedQuery<ICalculateLookThroughNetWorthParams,ICalculateLookThroughNetWorthResult>(calculateLookThroughNetWorthIR);


/** 'GetEntityNetWorth' parameters type */
export interface IGetEntityNetWorthParams {
  asOf: string;
  currency: string;
  entityId: string;
}

/** 'GetEntityNetWorth' return type */
export interface IGetEntityNetWorthResult {
  asOf: string;
  assetCount: number;
  currency: string;
  entityId: string;
  netWorth: string;
  totalAssets: string;
  totalLiabilities: string;
}

/** 'GetEntityNetWorth' query type */
export interface IGetEntityNetWorthQuery {
  params: IGetEntityNetWorthParams;
  result: IGetEntityNetWorthResult;
}

const getEntityNetWorthIR: any = {"usedParamSet":{"entityId":true,"asOf":true,"currency":true},"params":[{"name":"entityId","required":true,"transform":{"type":"scalar"},"locs":[{"a":260,"b":269}]},{"name":"asOf","required":true,"transform":{"type":"scalar"},"locs":[{"a":283,"b":288}]},{"name":"currency","required":true,"transform":{"type":"scalar"},"locs":[{"a":305,"b":314}]}],"statement":"SELECT entity_id AS \"entityId!\", as_of AS \"asOf!\", currency AS \"currency!\", total_assets AS \"totalAssets!\",\n       total_liabilities AS \"totalLiabilities!\", net_worth AS \"netWorth!\", asset_count AS \"assetCount!\"\nFROM api.sp_get_entity_net_worth(p_entity_id => :entityId!, p_as_of => :asOf!, p_currency => :currency!)"};

/**
 * Query generated from SQL:
 * ```
 * SELECT entity_id AS "entityId!", as_of AS "asOf!", currency AS "currency!", total_assets AS "totalAssets!",
 *        total_liabilities AS "totalLiabilities!", net_worth AS "netWorth!", asset_count AS "assetCount!"
 * FROM api.sp_get_entity_net_worth(p_entity_id => :entityId!, p_as_of => :asOf!, p_currency => :currency!)
 * ```
 */
export const getEntityNetWorth = new PreparedQuery<IGetEntityNetWorthParams,IGetEntityNetWorthResult>(getEntityNetWorthIR);


/** 'TransferAssetShareToEntity' parameters type */
export interface ITransferAssetShareToEntityParams {
  assetId: string;
  entityId: string;
  fromPersonaId: string;
  ownershipForm: string;
  percentage: string;
}

/** 'TransferAssetShareToEntity' return type */
export interface ITransferAssetShareToEntityResult {
  entityId: string | null;
  form: string;
  percentage: string;
  personaId: string | null;
}

/** 'TransferAssetShareToEntity' query type */
export interface ITransferAssetShareToEntityQuery {
  params: ITransferAssetShareToEntityParams;
  result: ITransferAssetShareToEntityResult;
}

const transferAssetShareToEntityIR: any = {"usedParamSet":{"assetId":true,"fromPersonaId":true,"entityId":true,"percentage":true,"ownershipForm":true},"params":[{"name":"assetId","required":true,"transform":{"type":"scalar"},"locs":[{"a":188,"b":196}]},{"name":"fromPersonaId","required":true,"transform":{"type":"scalar"},"locs":[{"a":220,"b":234}]},{"name":"entityId","required":true,"transform":{"type":"scalar"},"locs":[{"a":295,"b":304}]},{"name":"percentage","required":true,"transform":{"type":"scalar"},"locs":[{"a":323,"b":334}]},{"name":"ownershipForm","required":true,"transform":{"type":"scalar"},"locs":[{"a":400,"b":414}]}],"statement":"SELECT persona_id AS \"personaId\", entity_id AS \"entityId\", ownership_percentage AS \"percentage!\",\n       ownership_form AS \"form!\"\nFROM api.sp_transfer_asset_share_to_entity(p_asset_id => :assetId!, p_from_persona_id => :fromPersonaId!,\n                                           p_entity_id => :entityId!, p_percentage => :percentage!,\n                                           p_ownership_form => :ownershipForm!)"};

/**
 * Query generated from SQL:
 * ```
 * SELECT persona_id AS "personaId", entity_id AS "entityId", ownership_percentage AS "percentage!",
 *        ownership_form AS "form!"
 * FROM api.sp_transfer_asset_share_to_entity(p_asset_id => :assetId!, p_from_persona_id => :fromPersonaId!,
 *                                            p_entity_id => :entityId!, p_percentage => :percentage!,
 *                                            p_ownership_form => :ownershipForm!)
 * ```
 */
export const transferAssetShareToEntity = new PreparedQuery<ITransferAssetShareToEntityParams,ITransferAssetShareToEntityResult>(transferAssetShareToEntityIR);


/** 'DeleteLegalEntity' parameters type */
export interface IDeleteLegalEntityParams {
  entityId: string;
}

/** 'DeleteLegalEntity' return type */
export interface IDeleteLegalEntityResult {
  deleted: undefined | null;
}

/** 'DeleteLegalEntity' query type */
export interface IDeleteLegalEntityQuery {
  params: IDeleteLegalEntityParams;
  result: IDeleteLegalEntityResult;
}

const deleteLegalEntityIR: any = {"usedParamSet":{"entityId":true},"params":[{"name":"entityId","required":true,"transform":{"type":"scalar"},"locs":[{"a":49,"b":58}]}],"statement":"SELECT api.sp_delete_legal_entity(p_entity_id => :entityId!) AS \"deleted\""};

/**
 * Query generated from SQL:
 * ```
 * SELECT api.sp_delete_legal_entity(p_entity_id => :entityId!) AS "deleted"
 * ```
 */
export const deleteLegalEntity = new PreparedQuery<IDeleteLegalEntityParams,IDeleteLegalEntityResult>(deleteLegalEntityIR);


/** 'SetDebtCollateral' parameters type */
export interface ISetDebtCollateralParams {
  debtId: string;
  securedAssetId?: string | null | void;
}

/** 'SetDebtCollateral' return type */
export interface ISetDebtCollateralResult {
  debtId: string;
  securedAssetId: string | null;
  securedAssetName: string | null;
}

/** 'SetDebtCollateral' query type */
export interface ISetDebtCollateralQuery {
  params: ISetDebtCollateralParams;
  result: ISetDebtCollateralResult;
}

const setDebtCollateralIR: any = {"usedParamSet":{"debtId":true,"securedAssetId":true},"params":[{"name":"debtId","required":true,"transform":{"type":"scalar"},"locs":[{"a":153,"b":160}]},{"name":"securedAssetId","required":false,"transform":{"type":"scalar"},"locs":[{"a":185,"b":199}]}],"statement":"SELECT debt_id AS \"debtId!\", secured_asset_id AS \"securedAssetId\", secured_asset_name AS \"securedAssetName\"\nFROM api.sp_set_debt_collateral(p_debt_id => :debtId!, p_secured_asset_id => :securedAssetId)"};

/**
 * Query generated from SQL:
 * ```
 * SELECT debt_id AS "debtId!", secured_asset_id AS "securedAssetId", secured_asset_name AS "securedAssetName"
 * FROM api.sp_set_debt_collateral(p_debt_id => :debtId!, p_secured_asset_id => :securedAssetId)
 * ```
 */
export const setDebtCollateral = new PreparedQuery<ISetDebtCollateralParams,ISetDebtCollateralResult>(setDebtCollateralIR);


/** 'GetAssetEquity' parameters type */
export interface IGetAssetEquityParams {
  asOf: string;
  assetId: string;
  currency: string;
}

/** 'GetAssetEquity' return type */
export interface IGetAssetEquityResult {
  asOf: string;
  assetId: string;
  assetValue: string;
  currency: string;
  debts: Json;
  equity: string;
  securedDebt: string;
}

/** 'GetAssetEquity' query type */
export interface IGetAssetEquityQuery {
  params: IGetAssetEquityParams;
  result: IGetAssetEquityResult;
}

const getAssetEquityIR: any = {"usedParamSet":{"assetId":true,"asOf":true,"currency":true},"params":[{"name":"assetId","required":true,"transform":{"type":"scalar"},"locs":[{"a":225,"b":233}]},{"name":"asOf","required":true,"transform":{"type":"scalar"},"locs":[{"a":247,"b":252}]},{"name":"currency","required":true,"transform":{"type":"scalar"},"locs":[{"a":269,"b":278}]}],"statement":"SELECT asset_id AS \"assetId!\", as_of AS \"asOf!\", currency AS \"currency!\", asset_value AS \"assetValue!\",\n       secured_debt AS \"securedDebt!\", equity AS \"equity!\", debts AS \"debts!\"\nFROM api.sp_get_asset_equity(p_asset_id => :assetId!, p_as_of => :asOf!, p_currency => :currency!)"};

/**
 * Query generated from SQL:
 * ```
 * SELECT asset_id AS "assetId!", as_of AS "asOf!", currency AS "currency!", asset_value AS "assetValue!",
 *        secured_debt AS "securedDebt!", equity AS "equity!", debts AS "debts!"
 * FROM api.sp_get_asset_equity(p_asset_id => :assetId!, p_as_of => :asOf!, p_currency => :currency!)
 * ```
 */
export const getAssetEquity = new PreparedQuery<IGetAssetEquityParams,IGetAssetEquityResult>(getAssetEquityIR);


/** 'CalculateEstateTotals' parameters type */
export interface ICalculateEstateTotalsParams {
  asOf: string;
  currency: string;
  personaId: string;
}

/** 'CalculateEstateTotals' return type */
export interface ICalculateEstateTotalsResult {
  asOf: string;
  currency: string;
  debts: string;
  netProbate: string;
  nonProbate: string;
  personaId: string;
  probate: string;
  totalPassing: string;
}

/** 'CalculateEstateTotals' query type */
export interface ICalculateEstateTotalsQuery {
  params: ICalculateEstateTotalsParams;
  result: ICalculateEstateTotalsResult;
}

const calculateEstateTotalsIR: any = {"usedParamSet":{"personaId":true,"asOf":true,"currency":true},"params":[{"name":"personaId","required":true,"transform":{"type":"scalar"},"locs":[{"a":272,"b":282}]},{"name":"asOf","required":true,"transform":{"type":"scalar"},"locs":[{"a":296,"b":301}]},{"name":"currency","required":true,"transform":{"type":"scalar"},"locs":[{"a":318,"b":327}]}],"statement":"SELECT persona_id AS \"personaId!\", as_of AS \"asOf!\", currency AS \"currency!\", non_probate AS \"nonProbate!\",\n       probate AS \"probate!\", debts AS \"debts!\", net_probate AS \"netProbate!\", total_passing AS \"totalPassing!\"\nFROM api.sp_calculate_estate_totals(p_persona_id => :personaId!, p_as_of => :asOf!, p_currency => :currency!)"};

/**
 * Query generated from SQL:
 * ```
 * SELECT persona_id AS "personaId!", as_of AS "asOf!", currency AS "currency!", non_probate AS "nonProbate!",
 *        probate AS "probate!", debts AS "debts!", net_probate AS "netProbate!", total_passing AS "totalPassing!"
 * FROM api.sp_calculate_estate_totals(p_persona_id => :personaId!, p_as_of => :asOf!, p_currency => :currency!)
 * ```
 */
export const calculateEstateTotals = new PreparedQuery<ICalculateEstateTotalsParams,ICalculateEstateTotalsResult>(calculateEstateTotalsIR);


