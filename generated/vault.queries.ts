/** Types generated for queries found in "procedures/calls/vault.sql" */
import { PreparedQuery } from '@pgtyped/runtime';

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** 'CreateVaultDocument' parameters type */
export interface ICreateVaultDocumentParams {
  kind: string;
  ownerPersonaId: string;
  reviewOn?: string | null | void;
  title: string;
}

/** 'CreateVaultDocument' return type */
export interface ICreateVaultDocumentResult {
  createdAt: Date;
  documentId: string;
  kind: string;
  latestVersion: number | null;
  myAccess: string;
  ownerPersonaId: string;
  reviewOn: string | null;
  shares: Json | null;
  signedOn: string | null;
  status: string;
  subjects: Json;
  title: string;
  updatedAt: Date;
  versions: Json;
}

/** 'CreateVaultDocument' query type */
export interface ICreateVaultDocumentQuery {
  params: ICreateVaultDocumentParams;
  result: ICreateVaultDocumentResult;
}

const createVaultDocumentIR: any = {"usedParamSet":{"ownerPersonaId":true,"kind":true,"title":true,"reviewOn":true},"params":[{"name":"ownerPersonaId","required":true,"transform":{"type":"scalar"},"locs":[{"a":446,"b":461}]},{"name":"kind","required":true,"transform":{"type":"scalar"},"locs":[{"a":474,"b":479}]},{"name":"title","required":true,"transform":{"type":"scalar"},"locs":[{"a":493,"b":499}]},{"name":"reviewOn","required":false,"transform":{"type":"scalar"},"locs":[{"a":547,"b":555}]}],"statement":"SELECT document_id AS \"documentId!\", owner_persona_id AS \"ownerPersonaId!\", kind AS \"kind!\", title AS \"title!\",\n       status AS \"status!\", signed_on AS \"signedOn\", review_on AS \"reviewOn\", my_access AS \"myAccess!\",\n       latest_version AS \"latestVersion\", versions AS \"versions!\", subjects AS \"subjects!\", shares AS \"shares\",\n       created_at AS \"createdAt!\", updated_at AS \"updatedAt!\"\nFROM api.sp_create_vault_document(p_owner_persona_id => :ownerPersonaId!, p_kind => :kind!, p_title => :title!,\n                              p_review_on => :reviewOn)"};

/**
 * Query generated from SQL:
 * ```
 * SELECT document_id AS "documentId!", owner_persona_id AS "ownerPersonaId!", kind AS "kind!", title AS "title!",
 *        status AS "status!", signed_on AS "signedOn", review_on AS "reviewOn", my_access AS "myAccess!",
 *        latest_version AS "latestVersion", versions AS "versions!", subjects AS "subjects!", shares AS "shares",
 *        created_at AS "createdAt!", updated_at AS "updatedAt!"
 * FROM api.sp_create_vault_document(p_owner_persona_id => :ownerPersonaId!, p_kind => :kind!, p_title => :title!,
 *                               p_review_on => :reviewOn)
 * ```
 */
export const createVaultDocument = new PreparedQuery<ICreateVaultDocumentParams,ICreateVaultDocumentResult>(createVaultDocumentIR);


/** 'ListVaultDocuments' parameters type */
export interface IListVaultDocumentsParams {
  limit: number;
  offset: number;
  personaId?: string | null | void;
}

/** 'ListVaultDocuments' return type */
export interface IListVaultDocumentsResult {
  createdAt: Date;
  documentId: string;
  kind: string;
  latestVersion: number | null;
  myAccess: string;
  ownerPersonaId: string;
  reviewOn: string | null;
  shares: Json | null;
  signedOn: string | null;
  status: string;
  subjects: Json;
  title: string;
  updatedAt: Date;
  versions: Json;
}

/** 'ListVaultDocuments' query type */
export interface IListVaultDocumentsQuery {
  params: IListVaultDocumentsParams;
  result: IListVaultDocumentsResult;
}

const listVaultDocumentsIR: any = {"usedParamSet":{"personaId":true,"limit":true,"offset":true},"params":[{"name":"personaId","required":false,"transform":{"type":"scalar"},"locs":[{"a":439,"b":448}]},{"name":"limit","required":true,"transform":{"type":"scalar"},"locs":[{"a":462,"b":468}]},{"name":"offset","required":true,"transform":{"type":"scalar"},"locs":[{"a":483,"b":490}]}],"statement":"SELECT document_id AS \"documentId!\", owner_persona_id AS \"ownerPersonaId!\", kind AS \"kind!\", title AS \"title!\",\n       status AS \"status!\", signed_on AS \"signedOn\", review_on AS \"reviewOn\", my_access AS \"myAccess!\",\n       latest_version AS \"latestVersion\", versions AS \"versions!\", subjects AS \"subjects!\", shares AS \"shares\",\n       created_at AS \"createdAt!\", updated_at AS \"updatedAt!\"\nFROM api.sp_list_vault_documents(p_persona_id => :personaId, p_limit => :limit!, p_offset => :offset!)"};

/**
 * Query generated from SQL:
 * ```
 * SELECT document_id AS "documentId!", owner_persona_id AS "ownerPersonaId!", kind AS "kind!", title AS "title!",
 *        status AS "status!", signed_on AS "signedOn", review_on AS "reviewOn", my_access AS "myAccess!",
 *        latest_version AS "latestVersion", versions AS "versions!", subjects AS "subjects!", shares AS "shares",
 *        created_at AS "createdAt!", updated_at AS "updatedAt!"
 * FROM api.sp_list_vault_documents(p_persona_id => :personaId, p_limit => :limit!, p_offset => :offset!)
 * ```
 */
export const listVaultDocuments = new PreparedQuery<IListVaultDocumentsParams,IListVaultDocumentsResult>(listVaultDocumentsIR);


/** 'GetVaultDocument' parameters type */
export interface IGetVaultDocumentParams {
  documentId: string;
}

/** 'GetVaultDocument' return type */
export interface IGetVaultDocumentResult {
  createdAt: Date;
  documentId: string;
  kind: string;
  latestVersion: number | null;
  myAccess: string;
  ownerPersonaId: string;
  reviewOn: string | null;
  shares: Json | null;
  signedOn: string | null;
  status: string;
  subjects: Json;
  title: string;
  updatedAt: Date;
  versions: Json;
}

/** 'GetVaultDocument' query type */
export interface IGetVaultDocumentQuery {
  params: IGetVaultDocumentParams;
  result: IGetVaultDocumentResult;
}

const getVaultDocumentIR: any = {"usedParamSet":{"documentId":true},"params":[{"name":"documentId","required":true,"transform":{"type":"scalar"},"locs":[{"a":438,"b":449}]}],"statement":"SELECT document_id AS \"documentId!\", owner_persona_id AS \"ownerPersonaId!\", kind AS \"kind!\", title AS \"title!\",\n       status AS \"status!\", signed_on AS \"signedOn\", review_on AS \"reviewOn\", my_access AS \"myAccess!\",\n       latest_version AS \"latestVersion\", versions AS \"versions!\", subjects AS \"subjects!\", shares AS \"shares\",\n       created_at AS \"createdAt!\", updated_at AS \"updatedAt!\"\nFROM api.sp_get_vault_document(p_document_id => :documentId!)"};

/**
 * Query generated from SQL:
 * ```
 * SELECT document_id AS "documentId!", owner_persona_id AS "ownerPersonaId!", kind AS "kind!", title AS "title!",
 *        status AS "status!", signed_on AS "signedOn", review_on AS "reviewOn", my_access AS "myAccess!",
 *        latest_version AS "latestVersion", versions AS "versions!", subjects AS "subjects!", shares AS "shares",
 *        created_at AS "createdAt!", updated_at AS "updatedAt!"
 * FROM api.sp_get_vault_document(p_document_id => :documentId!)
 * ```
 */
export const getVaultDocument = new PreparedQuery<IGetVaultDocumentParams,IGetVaultDocumentResult>(getVaultDocumentIR);


/** 'UpdateVaultDocument' parameters type */
export interface IUpdateVaultDocumentParams {
  documentId: string;
  reviewOn?: string | null | void;
  signedOn?: string | null | void;
  status?: string | null | void;
  title?: string | null | void;
}

/** 'UpdateVaultDocument' return type */
export interface IUpdateVaultDocumentResult {
  createdAt: Date;
  documentId: string;
  kind: string;
  latestVersion: number | null;
  myAccess: string;
  ownerPersonaId: string;
  reviewOn: string | null;
  shares: Json | null;
  signedOn: string | null;
  status: string;
  subjects: Json;
  title: string;
  updatedAt: Date;
  versions: Json;
}

/** 'UpdateVaultDocument' query type */
export interface IUpdateVaultDocumentQuery {
  params: IUpdateVaultDocumentParams;
  result: IUpdateVaultDocumentResult;
}

const updateVaultDocumentIR: any = {"usedParamSet":{"documentId":true,"title":true,"reviewOn":true,"status":true,"signedOn":true},"params":[{"name":"documentId","required":true,"transform":{"type":"scalar"},"locs":[{"a":441,"b":452}]},{"name":"title","required":false,"transform":{"type":"scalar"},"locs":[{"a":466,"b":471}]},{"name":"reviewOn","required":false,"transform":{"type":"scalar"},"locs":[{"a":489,"b":497}]},{"name":"status","required":false,"transform":{"type":"scalar"},"locs":[{"a":542,"b":548}]},{"name":"signedOn","required":false,"transform":{"type":"scalar"},"locs":[{"a":566,"b":574}]}],"statement":"SELECT document_id AS \"documentId!\", owner_persona_id AS \"ownerPersonaId!\", kind AS \"kind!\", title AS \"title!\",\n       status AS \"status!\", signed_on AS \"signedOn\", review_on AS \"reviewOn\", my_access AS \"myAccess!\",\n       latest_version AS \"latestVersion\", versions AS \"versions!\", subjects AS \"subjects!\", shares AS \"shares\",\n       created_at AS \"createdAt!\", updated_at AS \"updatedAt!\"\nFROM api.sp_update_vault_document(p_document_id => :documentId!, p_title => :title, p_review_on => :reviewOn,\n                              p_status => :status, p_signed_on => :signedOn)"};

/**
 * Query generated from SQL:
 * ```
 * SELECT document_id AS "documentId!", owner_persona_id AS "ownerPersonaId!", kind AS "kind!", title AS "title!",
 *        status AS "status!", signed_on AS "signedOn", review_on AS "reviewOn", my_access AS "myAccess!",
 *        latest_version AS "latestVersion", versions AS "versions!", subjects AS "subjects!", shares AS "shares",
 *        created_at AS "createdAt!", updated_at AS "updatedAt!"
 * FROM api.sp_update_vault_document(p_document_id => :documentId!, p_title => :title, p_review_on => :reviewOn,
 *                               p_status => :status, p_signed_on => :signedOn)
 * ```
 */
export const updateVaultDocument = new PreparedQuery<IUpdateVaultDocumentParams,IUpdateVaultDocumentResult>(updateVaultDocumentIR);


/** 'DeleteVaultDocument' parameters type */
export interface IDeleteVaultDocumentParams {
  documentId: string;
}

/** 'DeleteVaultDocument' return type */
export interface IDeleteVaultDocumentResult {
  documentId: string;
}

/** 'DeleteVaultDocument' query type */
export interface IDeleteVaultDocumentQuery {
  params: IDeleteVaultDocumentParams;
  result: IDeleteVaultDocumentResult;
}

const deleteVaultDocumentIR: any = {"usedParamSet":{"documentId":true},"params":[{"name":"documentId","required":true,"transform":{"type":"scalar"},"locs":[{"a":87,"b":98}]}],"statement":"SELECT document_id AS \"documentId!\" FROM api.sp_delete_vault_document(p_document_id => :documentId!)"};

/**
 * Query generated from SQL:
 * ```
 * SELECT document_id AS "documentId!" FROM api.sp_delete_vault_document(p_document_id => :documentId!)
 * ```
 */
export const deleteVaultDocument = new PreparedQuery<IDeleteVaultDocumentParams,IDeleteVaultDocumentResult>(deleteVaultDocumentIR);


/** 'AddVaultDocumentVersion' parameters type */
export interface IAddVaultDocumentVersionParams {
  byteSize: number;
  ciphertext?: Buffer | null | void;
  contentSha256: Buffer;
  documentId: string;
  fileName?: string | null | void;
  mediaType: string;
  storageKey?: string | null | void;
}

/** 'AddVaultDocumentVersion' return type */
export interface IAddVaultDocumentVersionResult {
  byteSize: number;
  contentSha256: string;
  createdAt: Date;
  documentId: string;
  fileName: string | null;
  mediaType: string;
  versionNumber: number;
}

/** 'AddVaultDocumentVersion' query type */
export interface IAddVaultDocumentVersionQuery {
  params: IAddVaultDocumentVersionParams;
  result: IAddVaultDocumentVersionResult;
}

const addVaultDocumentVersionIR: any = {"usedParamSet":{"documentId":true,"mediaType":true,"fileName":true,"byteSize":true,"contentSha256":true,"ciphertext":true,"storageKey":true},"params":[{"name":"documentId","required":true,"transform":{"type":"scalar"},"locs":[{"a":278,"b":289}]},{"name":"mediaType","required":true,"transform":{"type":"scalar"},"locs":[{"a":308,"b":318}]},{"name":"fileName","required":false,"transform":{"type":"scalar"},"locs":[{"a":336,"b":344}]},{"name":"byteSize","required":true,"transform":{"type":"scalar"},"locs":[{"a":401,"b":410}]},{"name":"contentSha256","required":true,"transform":{"type":"scalar"},"locs":[{"a":433,"b":447}]},{"name":"ciphertext","required":false,"transform":{"type":"scalar"},"locs":[{"a":505,"b":515}]},{"name":"storageKey","required":false,"transform":{"type":"scalar"},"locs":[{"a":535,"b":545}]}],"statement":"SELECT document_id AS \"documentId!\", version_number AS \"versionNumber!\", byte_size AS \"byteSize!\", media_type AS \"mediaType!\",\n       file_name AS \"fileName\", content_sha256 AS \"contentSha256!\", created_at AS \"createdAt!\"\nFROM api.sp_add_vault_document_version(p_document_id => :documentId!, p_media_type => :mediaType!, p_file_name => :fileName,\n                                       p_byte_size => :byteSize!, p_content_sha256 => :contentSha256!,\n                                       p_ciphertext => :ciphertext, p_storage_key => :storageKey)"};

/**
 * Query generated from SQL:
 * ```
 * SELECT document_id AS "documentId!", version_number AS "versionNumber!", byte_size AS "byteSize!", media_type AS "mediaType!",
 *        file_name AS "fileName", content_sha256 AS "contentSha256!", created_at AS "createdAt!"
 * FROM api.sp_add_vault_document_version(p_document_id => :documentId!, p_media_type => :mediaType!, p_file_name => :fileName,
 *                                        p_byte_size => :byteSize!, p_content_sha256 => :contentSha256!,
 *                                        p_ciphertext => :ciphertext, p_storage_key => :storageKey)
 * ```
 */
export const addVaultDocumentVersion = new PreparedQuery<IAddVaultDocumentVersionParams,IAddVaultDocumentVersionResult>(addVaultDocumentVersionIR);


/** 'ReadVaultDocumentVersion' parameters type */
export interface IReadVaultDocumentVersionParams {
  documentId: string;
  versionNumber?: number | null | void;
}

/** 'ReadVaultDocumentVersion' return type */
export interface IReadVaultDocumentVersionResult {
  byteSize: number;
  ciphertext: Buffer | null;
  contentSha256: string;
  documentId: string;
  documentTitle: string;
  fileName: string | null;
  mediaType: string;
  storage: string;
  storageKey: string | null;
  versionNumber: number;
}

/** 'ReadVaultDocumentVersion' query type */
export interface IReadVaultDocumentVersionQuery {
  params: IReadVaultDocumentVersionParams;
  result: IReadVaultDocumentVersionResult;
}

const readVaultDocumentVersionIR: any = {"usedParamSet":{"documentId":true,"versionNumber":true},"params":[{"name":"documentId","required":true,"transform":{"type":"scalar"},"locs":[{"a":374,"b":385}]},{"name":"versionNumber","required":false,"transform":{"type":"scalar"},"locs":[{"a":408,"b":421}]}],"statement":"SELECT document_id AS \"documentId!\", version_number AS \"versionNumber!\", byte_size AS \"byteSize!\", media_type AS \"mediaType!\",\n       file_name AS \"fileName\", content_sha256 AS \"contentSha256!\", storage AS \"storage!\", ciphertext AS \"ciphertext\",\n       storage_key AS \"storageKey\", document_title AS \"documentTitle!\"\nFROM api.sp_read_vault_document_version(p_document_id => :documentId!, p_version_number => :versionNumber)"};

/**
 * Query generated from SQL:
 * ```
 * SELECT document_id AS "documentId!", version_number AS "versionNumber!", byte_size AS "byteSize!", media_type AS "mediaType!",
 *        file_name AS "fileName", content_sha256 AS "contentSha256!", storage AS "storage!", ciphertext AS "ciphertext",
 *        storage_key AS "storageKey", document_title AS "documentTitle!"
 * FROM api.sp_read_vault_document_version(p_document_id => :documentId!, p_version_number => :versionNumber)
 * ```
 */
export const readVaultDocumentVersion = new PreparedQuery<IReadVaultDocumentVersionParams,IReadVaultDocumentVersionResult>(readVaultDocumentVersionIR);


/** 'SetVaultDocumentSubjects' parameters type */
export interface ISetVaultDocumentSubjectsParams {
  documentId: string;
  subjects: Json;
}

/** 'SetVaultDocumentSubjects' return type */
export interface ISetVaultDocumentSubjectsResult {
  createdAt: Date;
  documentId: string;
  kind: string;
  latestVersion: number | null;
  myAccess: string;
  ownerPersonaId: string;
  reviewOn: string | null;
  shares: Json | null;
  signedOn: string | null;
  status: string;
  subjects: Json;
  title: string;
  updatedAt: Date;
  versions: Json;
}

/** 'SetVaultDocumentSubjects' query type */
export interface ISetVaultDocumentSubjectsQuery {
  params: ISetVaultDocumentSubjectsParams;
  result: ISetVaultDocumentSubjectsResult;
}

const setVaultDocumentSubjectsIR: any = {"usedParamSet":{"documentId":true,"subjects":true},"params":[{"name":"documentId","required":true,"transform":{"type":"scalar"},"locs":[{"a":447,"b":458}]},{"name":"subjects","required":true,"transform":{"type":"scalar"},"locs":[{"a":475,"b":484}]}],"statement":"SELECT document_id AS \"documentId!\", owner_persona_id AS \"ownerPersonaId!\", kind AS \"kind!\", title AS \"title!\",\n       status AS \"status!\", signed_on AS \"signedOn\", review_on AS \"reviewOn\", my_access AS \"myAccess!\",\n       latest_version AS \"latestVersion\", versions AS \"versions!\", subjects AS \"subjects!\", shares AS \"shares\",\n       created_at AS \"createdAt!\", updated_at AS \"updatedAt!\"\nFROM api.sp_set_vault_document_subjects(p_document_id => :documentId!, p_subjects => :subjects!)"};

/**
 * Query generated from SQL:
 * ```
 * SELECT document_id AS "documentId!", owner_persona_id AS "ownerPersonaId!", kind AS "kind!", title AS "title!",
 *        status AS "status!", signed_on AS "signedOn", review_on AS "reviewOn", my_access AS "myAccess!",
 *        latest_version AS "latestVersion", versions AS "versions!", subjects AS "subjects!", shares AS "shares",
 *        created_at AS "createdAt!", updated_at AS "updatedAt!"
 * FROM api.sp_set_vault_document_subjects(p_document_id => :documentId!, p_subjects => :subjects!)
 * ```
 */
export const setVaultDocumentSubjects = new PreparedQuery<ISetVaultDocumentSubjectsParams,ISetVaultDocumentSubjectsResult>(setVaultDocumentSubjectsIR);


/** 'SetVaultDocumentShares' parameters type */
export interface ISetVaultDocumentSharesParams {
  documentId: string;
  shares: Json;
}

/** 'SetVaultDocumentShares' return type */
export interface ISetVaultDocumentSharesResult {
  createdAt: Date;
  documentId: string;
  kind: string;
  latestVersion: number | null;
  myAccess: string;
  ownerPersonaId: string;
  reviewOn: string | null;
  shares: Json | null;
  signedOn: string | null;
  status: string;
  subjects: Json;
  title: string;
  updatedAt: Date;
  versions: Json;
}

/** 'SetVaultDocumentShares' query type */
export interface ISetVaultDocumentSharesQuery {
  params: ISetVaultDocumentSharesParams;
  result: ISetVaultDocumentSharesResult;
}

const setVaultDocumentSharesIR: any = {"usedParamSet":{"documentId":true,"shares":true},"params":[{"name":"documentId","required":true,"transform":{"type":"scalar"},"locs":[{"a":445,"b":456}]},{"name":"shares","required":true,"transform":{"type":"scalar"},"locs":[{"a":471,"b":478}]}],"statement":"SELECT document_id AS \"documentId!\", owner_persona_id AS \"ownerPersonaId!\", kind AS \"kind!\", title AS \"title!\",\n       status AS \"status!\", signed_on AS \"signedOn\", review_on AS \"reviewOn\", my_access AS \"myAccess!\",\n       latest_version AS \"latestVersion\", versions AS \"versions!\", subjects AS \"subjects!\", shares AS \"shares\",\n       created_at AS \"createdAt!\", updated_at AS \"updatedAt!\"\nFROM api.sp_set_vault_document_shares(p_document_id => :documentId!, p_shares => :shares!)"};

/**
 * Query generated from SQL:
 * ```
 * SELECT document_id AS "documentId!", owner_persona_id AS "ownerPersonaId!", kind AS "kind!", title AS "title!",
 *        status AS "status!", signed_on AS "signedOn", review_on AS "reviewOn", my_access AS "myAccess!",
 *        latest_version AS "latestVersion", versions AS "versions!", subjects AS "subjects!", shares AS "shares",
 *        created_at AS "createdAt!", updated_at AS "updatedAt!"
 * FROM api.sp_set_vault_document_shares(p_document_id => :documentId!, p_shares => :shares!)
 * ```
 */
export const setVaultDocumentShares = new PreparedQuery<ISetVaultDocumentSharesParams,ISetVaultDocumentSharesResult>(setVaultDocumentSharesIR);


