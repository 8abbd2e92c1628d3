// Token forging for attacker-side tests: cognito-local's signing key, a node:crypto-only
// JWS signer (RS256 / HS256 / none), realistic access-token claims and tampering helpers.
import { createHmac, createPrivateKey, createPublicKey, randomUUID, sign, type KeyObject } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';

const require = createRequire(import.meta.url);

let cachedKey: KeyObject | undefined;

// cognito-local's private signing key (kid "CognitoLocal"), from the installed package.
export function devSigningKey(): KeyObject {
  if (!cachedKey) {
    const pkgDir = path.dirname(require.resolve('cognito-local/package.json'));
    const file = path.join(pkgDir, 'lib', 'keys', 'cognitoLocal.private.json');
    const { pem } = JSON.parse(readFileSync(file, 'utf8')) as { pem: string };
    cachedKey = createPrivateKey(pem);
  }
  return cachedKey;
}

// PEM (SPKI) of the public half of devSigningKey(), e.g. as the "secret" of an HS256 key-confusion attack.
export function devPublicKeyPem(): string {
  return createPublicKey(devSigningKey()).export({ type: 'spki', format: 'pem' }).toString();
}

function b64url(data: string | Buffer): string {
  return Buffer.from(data).toString('base64url');
}

// Builds a compact JWS (header.payload.signature) for the payload; default RS256 with the dev key, kid "CognitoLocal".
export function signJwt(
  payload: Record<string, unknown>,
  opts: {
    kid?: string;
    alg?: 'RS256' | 'none' | 'HS256';
    hmacSecret?: string | Buffer;
    key?: KeyObject;
    header?: Record<string, unknown>;
  } = {},
): string {
  const alg = opts.alg ?? 'RS256';
  // opts.header is merged last: it can override alg/kid, or drop them with `undefined`.
  const header: Record<string, unknown> = { alg, kid: opts.kid ?? 'CognitoLocal', typ: 'JWT', ...opts.header };
  const signingInput = `${b64url(JSON.stringify(header))}.${b64url(JSON.stringify(payload))}`;
  let signature: string;
  switch (alg) {
    case 'none':
      signature = '';
      break;
    case 'HS256':
      if (opts.hmacSecret === undefined) throw new Error('signJwt: alg HS256 needs opts.hmacSecret');
      signature = createHmac('sha256', opts.hmacSecret).update(signingInput).digest('base64url');
      break;
    case 'RS256':
      signature = sign('sha256', Buffer.from(signingInput), opts.key ?? devSigningKey()).toString('base64url');
      break;
    default:
      throw new Error(`signJwt: unsupported alg ${String(alg)}`);
  }
  return `${signingInput}.${signature}`;
}

// Access-token claims shaped like cognito-local's (and real Cognito's) for the given issuer/client/user.
export function accessTokenClaims(opts: {
  issuer: string;
  clientId: string;
  sub: string;
  ttlSeconds?: number;
}): Record<string, unknown> {
  const now = Math.floor(Date.now() / 1000);
  return {
    auth_time: now,
    client_id: opts.clientId,
    event_id: randomUUID(),
    iat: now,
    jti: randomUUID(),
    scope: 'aws.cognito.signin.user.admin',
    sub: opts.sub,
    token_use: 'access',
    username: opts.sub,
    exp: now + (opts.ttlSeconds ?? 3600),
    iss: opts.issuer,
  };
}

function splitJwt(token: string): [string, string, string] {
  const parts = token.split('.');
  if (parts.length !== 3) throw new Error(`not a compact JWS (${parts.length} parts)`);
  return parts as [string, string, string];
}

// Decodes a JWT's payload without verifying anything.
export function decodePayload(token: string): Record<string, unknown> {
  const [, payload] = splitJwt(token);
  const decoded: unknown = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
  if (typeof decoded !== 'object' || decoded === null || Array.isArray(decoded)) {
    throw new Error('JWT payload is not a JSON object');
  }
  return decoded as Record<string, unknown>;
}

// Same header and signature, payload replaced by the original merged with patch (so the signature no longer matches).
export function tamperPayload(token: string, patch: Record<string, unknown>): string {
  const [header, , signature] = splitJwt(token);
  const payload = { ...decodePayload(token), ...patch };
  return `${header}.${b64url(JSON.stringify(payload))}.${signature}`;
}
