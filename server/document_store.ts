// Where a vault file's ciphertext lives (docs/vault.md). The API seals every file with the field
// keys before storing it (server/field_cipher.ts), bound to its tenant and document, and checks
// the plaintext's SHA-256 after opening it. The store only moves ciphertext: the PostgreSQL store
// keeps it in the version row, through the upload's one procedure call; an object store would put
// it under a key first and keep only the key in the row (the columns hold either).
import { createHash } from 'node:crypto';
import type { FieldCipher } from './field_cipher.ts';
import { HttpProblem } from './plugins/errors.ts';

/** The largest vault file, in bytes of plaintext: the upload route's body limit and app.vault_max_file_bytes(). */
export const VAULT_MAX_FILE_BYTES = 10 * 1024 * 1024;

/** Where one document's versions belong (the object key's prefix, the ciphertext's bound context). */
export interface DocumentPlace {
  tenantId: string;
  documentId: string;
}

/** A stored version as the read procedure returns it. */
export interface StoredVersion {
  storage: string;
  ciphertext: Buffer | null;
  storageKey: string | null;
}

export interface DocumentStore {
  /** Stores the ciphertext; answers what the version row keeps: the ciphertext itself, or a key. */
  put(place: DocumentPlace, ciphertext: Buffer): Promise<{ ciphertext: Buffer | null; storageKey: string | null }>;
  /** The ciphertext of a stored version. */
  get(place: DocumentPlace, stored: StoredVersion): Promise<Buffer>;
}

/** The PostgreSQL store: the ciphertext travels in the procedure call and lives in the version row. */
export const databaseDocumentStore: DocumentStore = {
  async put(_place, ciphertext) {
    return { ciphertext, storageKey: null };
  },
  async get(_place, stored) {
    if (stored.storage !== 'database' || !stored.ciphertext) {
      throw new HttpProblem(503, 'document_store_unavailable', 'this file is kept in a store this API does not reach');
    }
    return stored.ciphertext;
  },
};

/** The context a file's ciphertext is bound to: moved to another tenant or document, it does not open. */
const contextOf = (place: DocumentPlace) => `vault:${place.tenantId}:${place.documentId}`;

/** A file sealed for storage: its plaintext's size and SHA-256, and its ciphertext. */
export function sealFile(cipher: FieldCipher, place: DocumentPlace, content: Buffer) {
  return {
    byteSize: content.length,
    sha256: createHash('sha256').update(content).digest(),
    ciphertext: cipher.encryptBytes(content, contextOf(place)),
  };
}

/**
 * A stored file opened and checked: the ciphertext must authenticate under a known key and this
 * document's context, and the plaintext must have the stored size and SHA-256. Anything else is
 * refused (and nothing of it is sent).
 */
export function openFile(
  cipher: FieldCipher,
  place: DocumentPlace,
  ciphertext: Buffer,
  expected: { byteSize: number; contentSha256: string },
): Buffer {
  let content: Buffer;
  try {
    content = cipher.decryptBytes(ciphertext, contextOf(place));
  } catch {
    throw new HttpProblem(
      500,
      'document_unreadable',
      'the stored file does not decrypt with the keys of this API (tampered, or sealed with a key it lacks): nothing was sent',
    );
  }
  const sha256 = createHash('sha256').update(content).digest('hex');
  if (content.length !== expected.byteSize || sha256 !== expected.contentSha256) {
    throw new HttpProblem(
      500,
      'document_hash_mismatch',
      'the stored file does not match its recorded size and SHA-256: nothing was sent',
    );
  }
  return content;
}
