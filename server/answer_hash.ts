// Security-question answers (issue 11): normalised, then hashed with scrypt and a per-answer salt
// before any procedure sees them, and compared in constant time. The database keeps only
// `scrypt$<log2 N>$<r>$<p>$<salt>$<hash>` (base64url), never an answer (docs/credentials.md).
import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

/** N = 2^15, r = 8, p = 1: 32 MiB and some 50-100 ms a hash here, off the event loop (libuv's pool). */
const LOG2_N = 15;
const R = 8;
const P = 1;
const KEY_LENGTH = 32;
const SALT_LENGTH = 16;

function derive(answer: string, salt: Buffer, log2N: number, r: number, p: number): Promise<Buffer> {
  const N = 2 ** log2N;
  // maxmem above 128 * N * r (Node's default of 32 MiB is exactly the need of N = 2^15, r = 8).
  const options: ScryptOptions = { N, r, p, maxmem: 256 * N * r };
  return new Promise((resolve, reject) =>
    scrypt(answer, salt, KEY_LENGTH, options, (error, key) => (error ? reject(error) : resolve(key))),
  );
}

/** The form of an answer that is hashed: Unicode-compatible (NFKC), trimmed, inner runs of space
 *  made one, case-folded: "  Rex " and "rex" are the same answer. */
export function normaliseAnswer(answer: string): string {
  return answer.normalize('NFKC').trim().replace(/\s+/gu, ' ').toLowerCase();
}

/** A stored hash of an answer: scrypt with a fresh salt, parameters in the string so they may grow. */
export async function hashAnswer(answer: string): Promise<string> {
  const salt = randomBytes(SALT_LENGTH);
  const key = await derive(normaliseAnswer(answer), salt, LOG2_N, R, P);
  return ['scrypt', LOG2_N, R, P, salt.toString('base64url'), key.toString('base64url')].join('$');
}

/** Whether the answer matches a stored hash; constant time in the comparison. A malformed hash
 *  (or parameters out of bounds) never matches. */
export async function answerMatches(answer: string, stored: string): Promise<boolean> {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return false;
  const [log2N, r, p] = parts.slice(1, 4).map(Number);
  if (!(log2N >= 10 && log2N <= 20 && r >= 1 && r <= 16 && p >= 1 && p <= 4)) return false;
  const salt = Buffer.from(parts[4], 'base64url');
  const expected = Buffer.from(parts[5], 'base64url');
  if (expected.length !== KEY_LENGTH) return false;
  const key = await derive(normaliseAnswer(answer), salt, log2N, r, p);
  return timingSafeEqual(key, expected);
}
