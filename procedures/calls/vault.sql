/* Typed calls of the vault procedures: one annotated query per procedure. */

/* @name createVaultDocument */
SELECT document_id AS "documentId!", owner_persona_id AS "ownerPersonaId!", kind AS "kind!", title AS "title!",
       status AS "status!", signed_on AS "signedOn", review_on AS "reviewOn", my_access AS "myAccess!",
       latest_version AS "latestVersion", versions AS "versions!", subjects AS "subjects!", shares AS "shares",
       created_at AS "createdAt!", updated_at AS "updatedAt!"
FROM api.sp_create_vault_document(p_owner_persona_id => :ownerPersonaId!, p_kind => :kind!, p_title => :title!,
                              p_review_on => :reviewOn);

/* @name listVaultDocuments */
SELECT document_id AS "documentId!", owner_persona_id AS "ownerPersonaId!", kind AS "kind!", title AS "title!",
       status AS "status!", signed_on AS "signedOn", review_on AS "reviewOn", my_access AS "myAccess!",
       latest_version AS "latestVersion", versions AS "versions!", subjects AS "subjects!", shares AS "shares",
       created_at AS "createdAt!", updated_at AS "updatedAt!"
FROM api.sp_list_vault_documents(p_persona_id => :personaId, p_limit => :limit!, p_offset => :offset!);

/* @name getVaultDocument */
SELECT document_id AS "documentId!", owner_persona_id AS "ownerPersonaId!", kind AS "kind!", title AS "title!",
       status AS "status!", signed_on AS "signedOn", review_on AS "reviewOn", my_access AS "myAccess!",
       latest_version AS "latestVersion", versions AS "versions!", subjects AS "subjects!", shares AS "shares",
       created_at AS "createdAt!", updated_at AS "updatedAt!"
FROM api.sp_get_vault_document(p_document_id => :documentId!);

/* @name updateVaultDocument */
SELECT document_id AS "documentId!", owner_persona_id AS "ownerPersonaId!", kind AS "kind!", title AS "title!",
       status AS "status!", signed_on AS "signedOn", review_on AS "reviewOn", my_access AS "myAccess!",
       latest_version AS "latestVersion", versions AS "versions!", subjects AS "subjects!", shares AS "shares",
       created_at AS "createdAt!", updated_at AS "updatedAt!"
FROM api.sp_update_vault_document(p_document_id => :documentId!, p_title => :title, p_review_on => :reviewOn,
                              p_status => :status, p_signed_on => :signedOn);

/* @name deleteVaultDocument */
SELECT document_id AS "documentId!" FROM api.sp_delete_vault_document(p_document_id => :documentId!);

/* @name addVaultDocumentVersion */
SELECT document_id AS "documentId!", version_number AS "versionNumber!", byte_size AS "byteSize!", media_type AS "mediaType!",
       file_name AS "fileName", content_sha256 AS "contentSha256!", created_at AS "createdAt!"
FROM api.sp_add_vault_document_version(p_document_id => :documentId!, p_media_type => :mediaType!, p_file_name => :fileName,
                                       p_byte_size => :byteSize!, p_content_sha256 => :contentSha256!,
                                       p_ciphertext => :ciphertext, p_storage_key => :storageKey);

/* @name readVaultDocumentVersion */
SELECT document_id AS "documentId!", version_number AS "versionNumber!", byte_size AS "byteSize!", media_type AS "mediaType!",
       file_name AS "fileName", content_sha256 AS "contentSha256!", storage AS "storage!", ciphertext AS "ciphertext",
       storage_key AS "storageKey", document_title AS "documentTitle!"
FROM api.sp_read_vault_document_version(p_document_id => :documentId!, p_version_number => :versionNumber);

/* @name setVaultDocumentSubjects */
SELECT document_id AS "documentId!", owner_persona_id AS "ownerPersonaId!", kind AS "kind!", title AS "title!",
       status AS "status!", signed_on AS "signedOn", review_on AS "reviewOn", my_access AS "myAccess!",
       latest_version AS "latestVersion", versions AS "versions!", subjects AS "subjects!", shares AS "shares",
       created_at AS "createdAt!", updated_at AS "updatedAt!"
FROM api.sp_set_vault_document_subjects(p_document_id => :documentId!, p_subjects => :subjects!);

/* @name setVaultDocumentShares */
SELECT document_id AS "documentId!", owner_persona_id AS "ownerPersonaId!", kind AS "kind!", title AS "title!",
       status AS "status!", signed_on AS "signedOn", review_on AS "reviewOn", my_access AS "myAccess!",
       latest_version AS "latestVersion", versions AS "versions!", subjects AS "subjects!", shares AS "shares",
       created_at AS "createdAt!", updated_at AS "updatedAt!"
FROM api.sp_set_vault_document_shares(p_document_id => :documentId!, p_shares => :shares!);
