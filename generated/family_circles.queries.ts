/** Types generated for queries found in "procedures/calls/family_circles.sql" */
import { PreparedQuery } from '@pgtyped/runtime';

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** 'CreateFfc' parameters type */
export interface ICreateFfcParams {
  description?: string | null | void;
  name: string;
}

/** 'CreateFfc' return type */
export interface ICreateFfcResult {
  createdAt: Date;
  description: string | null;
  ffcId: string;
  myRole: string;
  name: string;
}

/** 'CreateFfc' query type */
export interface ICreateFfcQuery {
  params: ICreateFfcParams;
  result: ICreateFfcResult;
}

const createFfcIR: any = {"usedParamSet":{"name":true,"description":true},"params":[{"name":"name","required":true,"transform":{"type":"scalar"},"locs":[{"a":156,"b":161}]},{"name":"description","required":false,"transform":{"type":"scalar"},"locs":[{"a":181,"b":192}]}],"statement":"SELECT ffc_id AS \"ffcId!\", name AS \"name!\", description AS \"description\", my_role AS \"myRole!\", created_at AS \"createdAt!\"\nFROM api.sp_create_ffc(p_name => :name!, p_description => :description)"};

/**
 * Query generated from SQL:
 * ```
 * SELECT ffc_id AS "ffcId!", name AS "name!", description AS "description", my_role AS "myRole!", created_at AS "createdAt!"
 * FROM api.sp_create_ffc(p_name => :name!, p_description => :description)
 * ```
 */
export const createFfc = new PreparedQuery<ICreateFfcParams,ICreateFfcResult>(createFfcIR);


/** 'ListMyFfcs' parameters type */
export interface IListMyFfcsParams {
  limit: number;
  offset: number;
  q?: string | null | void;
  sort?: string | null | void;
}

/** 'ListMyFfcs' return type */
export interface IListMyFfcsResult {
  createdAt: Date;
  description: string | null;
  ffcId: string;
  memberCount: number;
  myRole: string;
  name: string;
  total: number;
}

/** 'ListMyFfcs' query type */
export interface IListMyFfcsQuery {
  params: IListMyFfcsParams;
  result: IListMyFfcsResult;
}

const listMyFfcsIR: any = {"usedParamSet":{"q":true,"sort":true,"limit":true,"offset":true},"params":[{"name":"q","required":false,"transform":{"type":"scalar"},"locs":[{"a":213,"b":214}]},{"name":"sort","required":false,"transform":{"type":"scalar"},"locs":[{"a":227,"b":231}]},{"name":"limit","required":true,"transform":{"type":"scalar"},"locs":[{"a":245,"b":251}]},{"name":"offset","required":true,"transform":{"type":"scalar"},"locs":[{"a":266,"b":273}]}],"statement":"SELECT ffc_id AS \"ffcId!\", name AS \"name!\", description AS \"description\", my_role AS \"myRole!\",\n       member_count AS \"memberCount!\", created_at AS \"createdAt!\", total AS \"total!\"\nFROM api.sp_list_my_ffcs(p_q => :q, p_sort => :sort, p_limit => :limit!, p_offset => :offset!)"};

/**
 * Query generated from SQL:
 * ```
 * SELECT ffc_id AS "ffcId!", name AS "name!", description AS "description", my_role AS "myRole!",
 *        member_count AS "memberCount!", created_at AS "createdAt!", total AS "total!"
 * FROM api.sp_list_my_ffcs(p_q => :q, p_sort => :sort, p_limit => :limit!, p_offset => :offset!)
 * ```
 */
export const listMyFfcs = new PreparedQuery<IListMyFfcsParams,IListMyFfcsResult>(listMyFfcsIR);


/** 'AddFfcMember' parameters type */
export interface IAddFfcMemberParams {
  ffcId: string;
  personaId: string;
  role: string;
}

/** 'AddFfcMember' return type */
export interface IAddFfcMemberResult {
  ffcId: string;
  membershipId: string;
  personaId: string;
  role: string;
}

/** 'AddFfcMember' query type */
export interface IAddFfcMemberQuery {
  params: IAddFfcMemberParams;
  result: IAddFfcMemberResult;
}

const addFfcMemberIR: any = {"usedParamSet":{"ffcId":true,"personaId":true,"role":true},"params":[{"name":"ffcId","required":true,"transform":{"type":"scalar"},"locs":[{"a":144,"b":150}]},{"name":"personaId","required":true,"transform":{"type":"scalar"},"locs":[{"a":169,"b":179}]},{"name":"role","required":true,"transform":{"type":"scalar"},"locs":[{"a":192,"b":197}]}],"statement":"SELECT membership_id AS \"membershipId!\", ffc_id AS \"ffcId!\", persona_id AS \"personaId!\", role AS \"role!\"\nFROM api.sp_add_ffc_member(p_ffc_id => :ffcId!, p_persona_id => :personaId!, p_role => :role!)"};

/**
 * Query generated from SQL:
 * ```
 * SELECT membership_id AS "membershipId!", ffc_id AS "ffcId!", persona_id AS "personaId!", role AS "role!"
 * FROM api.sp_add_ffc_member(p_ffc_id => :ffcId!, p_persona_id => :personaId!, p_role => :role!)
 * ```
 */
export const addFfcMember = new PreparedQuery<IAddFfcMemberParams,IAddFfcMemberResult>(addFfcMemberIR);


/** 'UpdateFfcMemberRole' parameters type */
export interface IUpdateFfcMemberRoleParams {
  ffcId: string;
  personaId: string;
  role: string;
}

/** 'UpdateFfcMemberRole' return type */
export interface IUpdateFfcMemberRoleResult {
  ffcId: string;
  membershipId: string;
  personaId: string;
  role: string;
}

/** 'UpdateFfcMemberRole' query type */
export interface IUpdateFfcMemberRoleQuery {
  params: IUpdateFfcMemberRoleParams;
  result: IUpdateFfcMemberRoleResult;
}

const updateFfcMemberRoleIR: any = {"usedParamSet":{"ffcId":true,"personaId":true,"role":true},"params":[{"name":"ffcId","required":true,"transform":{"type":"scalar"},"locs":[{"a":152,"b":158}]},{"name":"personaId","required":true,"transform":{"type":"scalar"},"locs":[{"a":177,"b":187}]},{"name":"role","required":true,"transform":{"type":"scalar"},"locs":[{"a":200,"b":205}]}],"statement":"SELECT membership_id AS \"membershipId!\", ffc_id AS \"ffcId!\", persona_id AS \"personaId!\", role AS \"role!\"\nFROM api.sp_update_ffc_member_role(p_ffc_id => :ffcId!, p_persona_id => :personaId!, p_role => :role!)"};

/**
 * Query generated from SQL:
 * ```
 * SELECT membership_id AS "membershipId!", ffc_id AS "ffcId!", persona_id AS "personaId!", role AS "role!"
 * FROM api.sp_update_ffc_member_role(p_ffc_id => :ffcId!, p_persona_id => :personaId!, p_role => :role!)
 * ```
 */
export const updateFfcMemberRole = new PreparedQuery<IUpdateFfcMemberRoleParams,IUpdateFfcMemberRoleResult>(updateFfcMemberRoleIR);


/** 'RemoveFfcMember' parameters type */
export interface IRemoveFfcMemberParams {
  ffcId: string;
  personaId: string;
}

/** 'RemoveFfcMember' return type */
export interface IRemoveFfcMemberResult {
  removed: undefined | null;
}

/** 'RemoveFfcMember' query type */
export interface IRemoveFfcMemberQuery {
  params: IRemoveFfcMemberParams;
  result: IRemoveFfcMemberResult;
}

const removeFfcMemberIR: any = {"usedParamSet":{"ffcId":true,"personaId":true},"params":[{"name":"ffcId","required":true,"transform":{"type":"scalar"},"locs":[{"a":44,"b":50}]},{"name":"personaId","required":true,"transform":{"type":"scalar"},"locs":[{"a":69,"b":79}]}],"statement":"SELECT api.sp_remove_ffc_member(p_ffc_id => :ffcId!, p_persona_id => :personaId!) AS \"removed\""};

/**
 * Query generated from SQL:
 * ```
 * SELECT api.sp_remove_ffc_member(p_ffc_id => :ffcId!, p_persona_id => :personaId!) AS "removed"
 * ```
 */
export const removeFfcMember = new PreparedQuery<IRemoveFfcMemberParams,IRemoveFfcMemberResult>(removeFfcMemberIR);


/** 'GetFfcHierarchy' parameters type */
export interface IGetFfcHierarchyParams {
  ffcId: string;
}

/** 'GetFfcHierarchy' return type */
export interface IGetFfcHierarchyResult {
  depth: number;
  firstName: string;
  lastName: string;
  livingStatus: string;
  parentPersonaId: string | null;
  personaId: string;
  relationships: Json;
  role: string;
}

/** 'GetFfcHierarchy' query type */
export interface IGetFfcHierarchyQuery {
  params: IGetFfcHierarchyParams;
  result: IGetFfcHierarchyResult;
}

const getFfcHierarchyIR: any = {"usedParamSet":{"ffcId":true},"params":[{"name":"ffcId","required":true,"transform":{"type":"scalar"},"locs":[{"a":282,"b":288}]}],"statement":"SELECT persona_id AS \"personaId!\", first_name AS \"firstName!\", last_name AS \"lastName!\", living_status AS \"livingStatus!\",\n       role AS \"role!\", parent_persona_id AS \"parentPersonaId\", depth AS \"depth!\", relationships AS \"relationships!\"\nFROM api.sp_get_ffc_hierarchy(p_ffc_id => :ffcId!)"};

/**
 * Query generated from SQL:
 * ```
 * SELECT persona_id AS "personaId!", first_name AS "firstName!", last_name AS "lastName!", living_status AS "livingStatus!",
 *        role AS "role!", parent_persona_id AS "parentPersonaId", depth AS "depth!", relationships AS "relationships!"
 * FROM api.sp_get_ffc_hierarchy(p_ffc_id => :ffcId!)
 * ```
 */
export const getFfcHierarchy = new PreparedQuery<IGetFfcHierarchyParams,IGetFfcHierarchyResult>(getFfcHierarchyIR);


/** 'InviteFfcMember' parameters type */
export interface IInviteFfcMemberParams {
  email: string;
  ffcId: string;
  role: string;
  validHours: number;
}

/** 'InviteFfcMember' return type */
export interface IInviteFfcMemberResult {
  expiresAt: Date;
  invitationId: string;
  token: string;
}

/** 'InviteFfcMember' query type */
export interface IInviteFfcMemberQuery {
  params: IInviteFfcMemberParams;
  result: IInviteFfcMemberResult;
}

const inviteFfcMemberIR: any = {"usedParamSet":{"ffcId":true,"email":true,"role":true,"validHours":true},"params":[{"name":"ffcId","required":true,"transform":{"type":"scalar"},"locs":[{"a":129,"b":135}]},{"name":"email","required":true,"transform":{"type":"scalar"},"locs":[{"a":149,"b":155}]},{"name":"role","required":true,"transform":{"type":"scalar"},"locs":[{"a":168,"b":173}]},{"name":"validHours","required":true,"transform":{"type":"scalar"},"locs":[{"a":193,"b":204}]}],"statement":"SELECT invitation_id AS \"invitationId!\", token AS \"token!\", expires_at AS \"expiresAt!\"\nFROM api.sp_invite_ffc_member(p_ffc_id => :ffcId!, p_email => :email!, p_role => :role!, p_valid_hours => :validHours!)"};

/**
 * Query generated from SQL:
 * ```
 * SELECT invitation_id AS "invitationId!", token AS "token!", expires_at AS "expiresAt!"
 * FROM api.sp_invite_ffc_member(p_ffc_id => :ffcId!, p_email => :email!, p_role => :role!, p_valid_hours => :validHours!)
 * ```
 */
export const inviteFfcMember = new PreparedQuery<IInviteFfcMemberParams,IInviteFfcMemberResult>(inviteFfcMemberIR);


/** 'AcceptFfcInvitation' parameters type */
export interface IAcceptFfcInvitationParams {
  token: string;
}

/** 'AcceptFfcInvitation' return type */
export interface IAcceptFfcInvitationResult {
  ffcId: string;
  membershipId: string;
  personaId: string;
  role: string;
}

/** 'AcceptFfcInvitation' query type */
export interface IAcceptFfcInvitationQuery {
  params: IAcceptFfcInvitationParams;
  result: IAcceptFfcInvitationResult;
}

const acceptFfcInvitationIR: any = {"usedParamSet":{"token":true},"params":[{"name":"token","required":true,"transform":{"type":"scalar"},"locs":[{"a":150,"b":156}]}],"statement":"SELECT membership_id AS \"membershipId!\", ffc_id AS \"ffcId!\", persona_id AS \"personaId!\", role AS \"role!\"\nFROM api.sp_accept_ffc_invitation(p_token => :token!)"};

/**
 * Query generated from SQL:
 * ```
 * SELECT membership_id AS "membershipId!", ffc_id AS "ffcId!", persona_id AS "personaId!", role AS "role!"
 * FROM api.sp_accept_ffc_invitation(p_token => :token!)
 * ```
 */
export const acceptFfcInvitation = new PreparedQuery<IAcceptFfcInvitationParams,IAcceptFfcInvitationResult>(acceptFfcInvitationIR);


/** 'RevokeFfcInvitation' parameters type */
export interface IRevokeFfcInvitationParams {
  ffcId: string;
  invitationId: string;
}

/** 'RevokeFfcInvitation' return type */
export interface IRevokeFfcInvitationResult {
  revoked: undefined | null;
}

/** 'RevokeFfcInvitation' query type */
export interface IRevokeFfcInvitationQuery {
  params: IRevokeFfcInvitationParams;
  result: IRevokeFfcInvitationResult;
}

const revokeFfcInvitationIR: any = {"usedParamSet":{"ffcId":true,"invitationId":true},"params":[{"name":"ffcId","required":true,"transform":{"type":"scalar"},"locs":[{"a":48,"b":54}]},{"name":"invitationId","required":true,"transform":{"type":"scalar"},"locs":[{"a":76,"b":89}]}],"statement":"SELECT api.sp_revoke_ffc_invitation(p_ffc_id => :ffcId!, p_invitation_id => :invitationId!) AS \"revoked\""};

/**
 * Query generated from SQL:
 * ```
 * SELECT api.sp_revoke_ffc_invitation(p_ffc_id => :ffcId!, p_invitation_id => :invitationId!) AS "revoked"
 * ```
 */
export const revokeFfcInvitation = new PreparedQuery<IRevokeFfcInvitationParams,IRevokeFfcInvitationResult>(revokeFfcInvitationIR);


/** 'GetFfc' parameters type */
export interface IGetFfcParams {
  ffcId: string;
}

/** 'GetFfc' return type */
export interface IGetFfcResult {
  createdAt: Date;
  description: string | null;
  ffcId: string;
  memberCount: number;
  myRole: string;
  name: string;
  updatedAt: Date;
}

/** 'GetFfc' query type */
export interface IGetFfcQuery {
  params: IGetFfcParams;
  result: IGetFfcResult;
}

const getFfcIR: any = {"usedParamSet":{"ffcId":true},"params":[{"name":"ffcId","required":true,"transform":{"type":"scalar"},"locs":[{"a":222,"b":228}]}],"statement":"SELECT ffc_id AS \"ffcId!\", name AS \"name!\", description AS \"description\", my_role AS \"myRole!\",\n       member_count AS \"memberCount!\", created_at AS \"createdAt!\", updated_at AS \"updatedAt!\"\nFROM api.sp_get_ffc(p_ffc_id => :ffcId!)"};

/**
 * Query generated from SQL:
 * ```
 * SELECT ffc_id AS "ffcId!", name AS "name!", description AS "description", my_role AS "myRole!",
 *        member_count AS "memberCount!", created_at AS "createdAt!", updated_at AS "updatedAt!"
 * FROM api.sp_get_ffc(p_ffc_id => :ffcId!)
 * ```
 */
export const getFfc = new PreparedQuery<IGetFfcParams,IGetFfcResult>(getFfcIR);


/** 'UpdateFfc' parameters type */
export interface IUpdateFfcParams {
  clearDescription: boolean;
  description?: string | null | void;
  ffcId: string;
  name?: string | null | void;
}

/** 'UpdateFfc' return type */
export interface IUpdateFfcResult {
  createdAt: Date;
  description: string | null;
  ffcId: string;
  memberCount: number;
  myRole: string;
  name: string;
  updatedAt: Date;
}

/** 'UpdateFfc' query type */
export interface IUpdateFfcQuery {
  params: IUpdateFfcParams;
  result: IUpdateFfcResult;
}

const updateFfcIR: any = {"usedParamSet":{"ffcId":true,"name":true,"description":true,"clearDescription":true},"params":[{"name":"ffcId","required":true,"transform":{"type":"scalar"},"locs":[{"a":225,"b":231}]},{"name":"name","required":false,"transform":{"type":"scalar"},"locs":[{"a":244,"b":248}]},{"name":"description","required":false,"transform":{"type":"scalar"},"locs":[{"a":268,"b":279}]},{"name":"clearDescription","required":true,"transform":{"type":"scalar"},"locs":[{"a":328,"b":345}]}],"statement":"SELECT ffc_id AS \"ffcId!\", name AS \"name!\", description AS \"description\", my_role AS \"myRole!\",\n       member_count AS \"memberCount!\", created_at AS \"createdAt!\", updated_at AS \"updatedAt!\"\nFROM api.sp_update_ffc(p_ffc_id => :ffcId!, p_name => :name, p_description => :description,\n                       p_clear_description => :clearDescription!)"};

/**
 * Query generated from SQL:
 * ```
 * SELECT ffc_id AS "ffcId!", name AS "name!", description AS "description", my_role AS "myRole!",
 *        member_count AS "memberCount!", created_at AS "createdAt!", updated_at AS "updatedAt!"
 * FROM api.sp_update_ffc(p_ffc_id => :ffcId!, p_name => :name, p_description => :description,
 *                        p_clear_description => :clearDescription!)
 * ```
 */
export const updateFfc = new PreparedQuery<IUpdateFfcParams,IUpdateFfcResult>(updateFfcIR);


/** 'DeleteFfc' parameters type */
export interface IDeleteFfcParams {
  ffcId: string;
}

/** 'DeleteFfc' return type */
export interface IDeleteFfcResult {
  deleted: undefined | null;
}

/** 'DeleteFfc' query type */
export interface IDeleteFfcQuery {
  params: IDeleteFfcParams;
  result: IDeleteFfcResult;
}

const deleteFfcIR: any = {"usedParamSet":{"ffcId":true},"params":[{"name":"ffcId","required":true,"transform":{"type":"scalar"},"locs":[{"a":37,"b":43}]}],"statement":"SELECT api.sp_delete_ffc(p_ffc_id => :ffcId!) AS \"deleted\""};

/**
 * Query generated from SQL:
 * ```
 * SELECT api.sp_delete_ffc(p_ffc_id => :ffcId!) AS "deleted"
 * ```
 */
export const deleteFfc = new PreparedQuery<IDeleteFfcParams,IDeleteFfcResult>(deleteFfcIR);


/** 'ListFfcInvitations' parameters type */
export interface IListFfcInvitationsParams {
  ffcId: string;
  limit: number;
  offset: number;
  q?: string | null | void;
  sort?: string | null | void;
  status?: string | null | void;
}

/** 'ListFfcInvitations' return type */
export interface IListFfcInvitationsResult {
  createdAt: Date;
  email: string;
  expiresAt: Date;
  invitationId: string;
  invitedByUserId: string;
  respondedAt: Date | null;
  role: string;
  status: string;
  total: number;
}

/** 'ListFfcInvitations' query type */
export interface IListFfcInvitationsQuery {
  params: IListFfcInvitationsParams;
  result: IListFfcInvitationsResult;
}

const listFfcInvitationsIR: any = {"usedParamSet":{"ffcId":true,"status":true,"q":true,"sort":true,"limit":true,"offset":true},"params":[{"name":"ffcId","required":true,"transform":{"type":"scalar"},"locs":[{"a":304,"b":310}]},{"name":"status","required":false,"transform":{"type":"scalar"},"locs":[{"a":325,"b":331}]},{"name":"q","required":false,"transform":{"type":"scalar"},"locs":[{"a":341,"b":342}]},{"name":"sort","required":false,"transform":{"type":"scalar"},"locs":[{"a":355,"b":359}]},{"name":"limit","required":true,"transform":{"type":"scalar"},"locs":[{"a":406,"b":412}]},{"name":"offset","required":true,"transform":{"type":"scalar"},"locs":[{"a":427,"b":434}]}],"statement":"SELECT invitation_id AS \"invitationId!\", email AS \"email!\", role AS \"role!\", status AS \"status!\",\n       expires_at AS \"expiresAt!\", invited_by_user_id AS \"invitedByUserId!\", responded_at AS \"respondedAt\",\n       created_at AS \"createdAt!\", total AS \"total!\"\nFROM api.sp_list_ffc_invitations(p_ffc_id => :ffcId!, p_status => :status, p_q => :q, p_sort => :sort,\n                                 p_limit => :limit!, p_offset => :offset!)"};

/**
 * Query generated from SQL:
 * ```
 * SELECT invitation_id AS "invitationId!", email AS "email!", role AS "role!", status AS "status!",
 *        expires_at AS "expiresAt!", invited_by_user_id AS "invitedByUserId!", responded_at AS "respondedAt",
 *        created_at AS "createdAt!", total AS "total!"
 * FROM api.sp_list_ffc_invitations(p_ffc_id => :ffcId!, p_status => :status, p_q => :q, p_sort => :sort,
 *                                  p_limit => :limit!, p_offset => :offset!)
 * ```
 */
export const listFfcInvitations = new PreparedQuery<IListFfcInvitationsParams,IListFfcInvitationsResult>(listFfcInvitationsIR);


/** 'ListMyFfcInvitations' parameters type */
export interface IListMyFfcInvitationsParams {
  limit: number;
  offset: number;
  sort?: string | null | void;
}

/** 'ListMyFfcInvitations' return type */
export interface IListMyFfcInvitationsResult {
  createdAt: Date;
  expiresAt: Date;
  ffcId: string;
  ffcName: string;
  invitationId: string;
  invitedByName: string;
  role: string;
  total: number;
}

/** 'ListMyFfcInvitations' query type */
export interface IListMyFfcInvitationsQuery {
  params: IListMyFfcInvitationsParams;
  result: IListMyFfcInvitationsResult;
}

const listMyFfcInvitationsIR: any = {"usedParamSet":{"sort":true,"limit":true,"offset":true},"params":[{"name":"sort","required":false,"transform":{"type":"scalar"},"locs":[{"a":273,"b":277}]},{"name":"limit","required":true,"transform":{"type":"scalar"},"locs":[{"a":291,"b":297}]},{"name":"offset","required":true,"transform":{"type":"scalar"},"locs":[{"a":312,"b":319}]}],"statement":"SELECT invitation_id AS \"invitationId!\", ffc_id AS \"ffcId!\", ffc_name AS \"ffcName!\", role AS \"role!\",\n       invited_by_name AS \"invitedByName!\", expires_at AS \"expiresAt!\", created_at AS \"createdAt!\",\n       total AS \"total!\"\nFROM api.sp_list_my_ffc_invitations(p_sort => :sort, p_limit => :limit!, p_offset => :offset!)"};

/**
 * Query generated from SQL:
 * ```
 * SELECT invitation_id AS "invitationId!", ffc_id AS "ffcId!", ffc_name AS "ffcName!", role AS "role!",
 *        invited_by_name AS "invitedByName!", expires_at AS "expiresAt!", created_at AS "createdAt!",
 *        total AS "total!"
 * FROM api.sp_list_my_ffc_invitations(p_sort => :sort, p_limit => :limit!, p_offset => :offset!)
 * ```
 */
export const listMyFfcInvitations = new PreparedQuery<IListMyFfcInvitationsParams,IListMyFfcInvitationsResult>(listMyFfcInvitationsIR);


/** 'GetFfcMember' parameters type */
export interface IGetFfcMemberParams {
  ffcId: string;
  personaId: string;
}

/** 'GetFfcMember' return type */
export interface IGetFfcMemberResult {
  ffcId: string;
  membershipId: string;
  personaId: string;
  role: string;
}

/** 'GetFfcMember' query type */
export interface IGetFfcMemberQuery {
  params: IGetFfcMemberParams;
  result: IGetFfcMemberResult;
}

const getFfcMemberIR: any = {"usedParamSet":{"ffcId":true,"personaId":true},"params":[{"name":"ffcId","required":true,"transform":{"type":"scalar"},"locs":[{"a":144,"b":150}]},{"name":"personaId","required":true,"transform":{"type":"scalar"},"locs":[{"a":169,"b":179}]}],"statement":"SELECT membership_id AS \"membershipId!\", ffc_id AS \"ffcId!\", persona_id AS \"personaId!\", role AS \"role!\"\nFROM api.sp_get_ffc_member(p_ffc_id => :ffcId!, p_persona_id => :personaId!)"};

/**
 * Query generated from SQL:
 * ```
 * SELECT membership_id AS "membershipId!", ffc_id AS "ffcId!", persona_id AS "personaId!", role AS "role!"
 * FROM api.sp_get_ffc_member(p_ffc_id => :ffcId!, p_persona_id => :personaId!)
 * ```
 */
export const getFfcMember = new PreparedQuery<IGetFfcMemberParams,IGetFfcMemberResult>(getFfcMemberIR);


