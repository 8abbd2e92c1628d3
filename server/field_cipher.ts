// Field-level encryption of identifiers (account and policy numbers) and of vault files: AES-256-GCM
// in the API with keys from the environment, so the database (and any dump of it) holds only ciphertext.
// FIELD_ENCRYPTION_KEYS = "keyId:base64Key[,olderKeyId:base64Key...]": the first encrypts, all decrypt.
// One format for both: [1][key id length][key id][12-byte IV][16-byte tag][body], the key id
// authenticated (AAD), followed for bytes by the caller's context (a vault file's tenant and document).
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

const VERSION = 1;

export interface FieldCipher {
  encrypt(plaintext: string): Buffer;
  decrypt(ciphertext: Buffer): string;
  /** Bytes (a vault file), bound to `context`: the ciphertext opens only with the same context. */
  encryptBytes(plaintext: Buffer, context?: string): Buffer;
  /** Throws on a tampered ciphertext, an unknown key or another context. */
  decryptBytes(ciphertext: Buffer, context?: string): Buffer;
}

/** Parses the key list; throws a clear message on a malformed one. */
export function createFieldCipher(keyList: string): FieldCipher {
  const keys = new Map<string, Buffer>();
  const entries = keyList
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
  for (const entry of entries) {
    const [id, material] = entry.split(':');
    const key = Buffer.from(material ?? '', 'base64');
    if (!/^[A-Za-z0-9_-]{1,32}$/.test(id ?? '') || key.length !== 32) {
      throw new Error('FIELD_ENCRYPTION_KEYS must be "keyId:base64-of-32-bytes[,keyId:...]"');
    }
    keys.set(id, key);
  }
  if (!entries.length) throw new Error('FIELD_ENCRYPTION_KEYS is empty');
  const [activeId, activeKey] = [...keys][0];
  const aad = (id: string, context: string) => Buffer.from(context ? `${id}\n${context}` : id);
  const seal = (plaintext: Buffer, context: string) => {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', activeKey, iv);
    cipher.setAAD(aad(activeId, context));
    const body = Buffer.concat([cipher.update(plaintext), cipher.final()]);
    const id = Buffer.from(activeId);
    return Buffer.concat([Buffer.from([VERSION, id.length]), id, iv, cipher.getAuthTag(), body]);
  };
  const open = (ciphertext: Buffer, context: string) => {
    if (ciphertext.length < 31 || ciphertext[0] !== VERSION) throw new Error('unknown ciphertext version');
    const idLength = ciphertext[1];
    const id = ciphertext.subarray(2, 2 + idLength).toString();
    const key = keys.get(id);
    if (!key) throw new Error(`no key ${id} to decrypt with`);
    const iv = ciphertext.subarray(2 + idLength, 14 + idLength);
    const tag = ciphertext.subarray(14 + idLength, 30 + idLength);
    const decipher = createDecipheriv('aes-256-gcm', key, iv);
    decipher.setAAD(aad(id, context));
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(ciphertext.subarray(30 + idLength)), decipher.final()]);
  };
  return {
    encrypt: (plaintext) => seal(Buffer.from(plaintext, 'utf8'), ''),
    decrypt: (ciphertext) => open(ciphertext, '').toString('utf8'),
    encryptBytes: (plaintext, context = '') => seal(plaintext, context),
    decryptBytes: (ciphertext, context = '') => open(ciphertext, context),
  };
}

/** A fresh key list with one key, for development stacks and tests. */
export function generateFieldKeys(id = `k${Date.now().toString(36)}`): string {
  return `${id}:${randomBytes(32).toString('base64')}`;
}

/** The last four letters or digits of an identifier, the only part ever shown. */
export function lastFour(identifier: string): string {
  return identifier.replace(/[^0-9A-Za-z]/g, '').slice(-4);
}
