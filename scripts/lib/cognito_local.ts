// Development identity provider: runs cognito-local as a child process and provisions
// the user pool, app client and users the API needs. Also signs users in (against
// cognito-local or real Cognito) and fetches an issuer's JWKS.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { freePort } from './embedded_postgres.ts';
import {
  AdminCreateUserCommand,
  AdminGetUserCommand,
  AdminSetUserPasswordCommand,
  CognitoIdentityProviderClient,
  CreateUserPoolClientCommand,
  CreateUserPoolCommand,
  ListUserPoolClientsCommand,
  ListUserPoolsCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import {
  AuthenticationDetails,
  CognitoUser,
  CognitoUserPool,
  type CognitoUserSession,
} from 'amazon-cognito-identity-js';

const require = createRequire(import.meta.url);

const STARTUP_TIMEOUT_MS = 20_000;
const STOP_GRACE_MS = 3_000;
const OUTPUT_TAIL_LINES = 40;

// Absolute path of cognito-local's CLI entry (lib/bin/start.js), independent of the cwd.
function cognitoLocalEntry(): string {
  const pkgJson = require.resolve('cognito-local/package.json');
  return path.join(path.dirname(pkgJson), 'lib', 'bin', 'start.js');
}

// Preloaded into the child: it exits when the IPC channel to the parent closes, which
// happens however the parent dies (including SIGKILL, where no 'exit' handler runs).
const ORPHAN_GUARD = "data:text/javascript,process.on('disconnect',()=>process.exit(0));";

// eslint-disable-next-line no-control-regex
const ANSI = /\u001b\[[0-9;]*[A-Za-z]/g;

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function hostForUrl(host: string): string {
  return host.includes(':') && !host.startsWith('[') ? `[${host}]` : host;
}

function trimSlash(url: string): string {
  return url.replace(/\/+$/, '');
}

class StartupError extends Error {
  constructor(
    message: string,
    readonly addressInUse: boolean,
  ) {
    super(message);
    this.name = 'CognitoLocalStartupError';
  }
}

async function startOnce(opts: {
  dataDir: string;
  host: string;
  port: number;
  log?: (line: string) => void;
}): Promise<{ endpoint: string; stop(): Promise<void> }> {
  const { dataDir, host, port, log } = opts;
  // cognito-local derives the token issuer from HOST and PORT ("http://HOST:PORT/<poolId>"),
  // so the endpoint must be spelled with exactly the same host for iss to match it.
  const endpoint = `http://${hostForUrl(host)}:${port}`;
  const tail: string[] = [];
  const onLine = (raw: string): void => {
    const line = raw.replace(ANSI, '').trimEnd();
    if (!line) return;
    tail.push(line);
    if (tail.length > OUTPUT_TAIL_LINES) tail.shift();
    log?.(line);
  };

  const child: ChildProcess = spawn(process.execPath, ['--import', ORPHAN_GUARD, cognitoLocalEntry()], {
    cwd: dataDir,
    // cognito-local still bundles AWS SDK v2, which prints an end-of-support notice at load.
    env: { ...process.env, PORT: String(port), HOST: host, AWS_SDK_JS_SUPPRESS_MAINTENANCE_MODE_MESSAGE: '1' },
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  // Do not let the child (or its pipes / IPC channel) keep the parent's event loop alive.
  child.unref();
  child.channel?.unref();

  for (const stream of [child.stdout, child.stderr]) {
    if (!stream) continue;
    let buf = '';
    stream.setEncoding('utf8');
    stream.on('data', (chunk: string) => {
      buf += chunk;
      let nl: number;
      while ((nl = buf.indexOf('\n')) >= 0) {
        onLine(buf.slice(0, nl));
        buf = buf.slice(nl + 1);
      }
    });
    stream.on('end', () => {
      if (buf) onLine(buf);
      buf = '';
    });
    (stream as unknown as { unref?: () => void }).unref?.();
  }

  let exitInfo: { code: number | null; signal: NodeJS.Signals | null } | undefined;
  const exited = new Promise<void>((resolve) => {
    child.once('exit', (code, signal) => {
      exitInfo = { code, signal };
      resolve();
    });
    child.once('error', (err) => {
      onLine(`spawn error: ${err.message}`);
      exitInfo ??= { code: null, signal: null };
      resolve();
    });
  });

  const killOnParentExit = (): void => {
    if (!exitInfo) child.kill('SIGKILL');
  };
  process.on('exit', killOnParentExit);

  const stop = async (): Promise<void> => {
    process.off('exit', killOnParentExit);
    if (exitInfo) return;
    child.kill('SIGTERM');
    const timer = setTimeout(() => {
      if (!exitInfo) child.kill('SIGKILL');
    }, STOP_GRACE_MS);
    await exited;
    clearTimeout(timer);
  };

  const output = (): string =>
    tail.length ? `\n--- cognito-local output (last ${tail.length} lines) ---\n${tail.join('\n')}` : ' (no output)';

  // Wait until the HTTP server answers.
  const deadline = Date.now() + STARTUP_TIMEOUT_MS;
  for (;;) {
    if (exitInfo) {
      process.off('exit', killOnParentExit);
      const how = exitInfo.signal ? `signal ${exitInfo.signal}` : `code ${exitInfo.code}`;
      throw new StartupError(
        `cognito-local exited during startup (${how}) on ${endpoint}, dataDir ${dataDir}${output()}`,
        tail.some((l) => l.includes('EADDRINUSE')),
      );
    }
    try {
      const res = await fetch(`${endpoint}/health`, { signal: AbortSignal.timeout(1_000) });
      await res.arrayBuffer();
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await stop();
      throw new StartupError(
        `cognito-local did not answer on ${endpoint}/health within ${STARTUP_TIMEOUT_MS / 1000}s (dataDir ${dataDir})${output()}`,
        false,
      );
    }
    await sleep(100);
  }

  return { endpoint, stop };
}

// Starts cognito-local (state under <dataDir>/.cognito) and resolves once it answers HTTP.
export async function startCognitoLocal(opts: {
  dataDir: string;
  host?: string;
  port?: number;
  log?: (line: string) => void;
}): Promise<{ endpoint: string; stop(): Promise<void> }> {
  const host = opts.host ?? '127.0.0.1';
  const dataDir = path.resolve(opts.dataDir);
  mkdirSync(dataDir, { recursive: true });
  const pickPort = !opts.port;
  // A picked port can be grabbed by someone else before the child binds it: retry then.
  for (let attempt = 1; ; attempt++) {
    let port: number;
    try {
      port = pickPort ? await freePort(host) : (opts.port as number);
    } catch (err) {
      throw new Error(`cannot pick a free port on host ${host} for cognito-local: ${(err as Error).message}`, {
        cause: err,
      });
    }
    try {
      return await startOnce({ dataDir, host, port, log: opts.log });
    } catch (err) {
      if (pickPort && attempt < 3 && err instanceof StartupError && err.addressInUse) continue;
      throw err;
    }
  }
}

// Admin SDK client for a cognito-local endpoint (region "local", dummy credentials).
export function cognitoAdmin(endpoint: string): CognitoIdentityProviderClient {
  return new CognitoIdentityProviderClient({
    endpoint,
    region: 'local',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
}

async function withAdmin<T>(endpoint: string, fn: (c: CognitoIdentityProviderClient) => Promise<T>): Promise<T> {
  const client = cognitoAdmin(endpoint);
  try {
    return await fn(client);
  } finally {
    client.destroy();
  }
}

// Finds the user pool called poolName or creates it; issuer is the exact `iss` of its tokens.
export async function ensureUserPool(
  endpoint: string,
  poolName: string,
): Promise<{ userPoolId: string; issuer: string }> {
  const userPoolId = await withAdmin(endpoint, async (c) => {
    let nextToken: string | undefined;
    do {
      const page = await c.send(new ListUserPoolsCommand({ MaxResults: 60, NextToken: nextToken }));
      const found = page.UserPools?.find((p) => p.Name === poolName);
      if (found?.Id) return found.Id;
      nextToken = page.NextToken;
    } while (nextToken);
    const created = await c.send(
      new CreateUserPoolCommand({
        PoolName: poolName,
        UsernameAttributes: ['email'],
        AutoVerifiedAttributes: ['email'],
      }),
    );
    const id = created.UserPool?.Id;
    if (!id) throw new Error(`CreateUserPool(${poolName}) returned no pool id`);
    return id;
  });
  // cognito-local signs with iss = `${IssuerDomain}/${poolId}`, IssuerDomain = `http://${HOST}:${PORT}`;
  // startCognitoLocal builds the endpoint from the same HOST and PORT, so this is exact.
  return { userPoolId, issuer: `${trimSlash(endpoint)}/${userPoolId}` };
}

// Finds the app client called clientName in the pool or creates it (no secret, USER_PASSWORD_AUTH allowed).
export async function ensureAppClient(
  endpoint: string,
  userPoolId: string,
  clientName: string,
): Promise<{ clientId: string }> {
  return withAdmin(endpoint, async (c) => {
    let nextToken: string | undefined;
    do {
      const page = await c.send(
        new ListUserPoolClientsCommand({ UserPoolId: userPoolId, MaxResults: 60, NextToken: nextToken }),
      );
      const found = page.UserPoolClients?.find((x) => x.ClientName === clientName);
      if (found?.ClientId) return { clientId: found.ClientId };
      nextToken = page.NextToken;
    } while (nextToken);
    const created = await c.send(
      new CreateUserPoolClientCommand({
        UserPoolId: userPoolId,
        ClientName: clientName,
        GenerateSecret: false,
        ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
      }),
    );
    const clientId = created.UserPoolClient?.ClientId;
    if (!clientId) throw new Error(`CreateUserPoolClient(${clientName}) returned no client id`);
    return { clientId };
  });
}

function errorName(err: unknown): string | undefined {
  return typeof err === 'object' && err !== null && 'name' in err ? String((err as { name: unknown }).name) : undefined;
}

// Creates the user (email as username, verified unless told otherwise, no welcome message) if missing and
// sets a permanent password. An unverified user has no email_verified attribute: cognito-local reads
// any value of it, even "false", as verified.
export async function ensureUser(
  endpoint: string,
  userPoolId: string,
  email: string,
  password: string,
  options: { emailVerified?: boolean } = {},
): Promise<{ sub: string; username: string }> {
  return withAdmin(endpoint, async (c) => {
    try {
      await c.send(new AdminGetUserCommand({ UserPoolId: userPoolId, Username: email }));
    } catch (err) {
      if (errorName(err) !== 'UserNotFoundException') throw err;
      await c.send(
        new AdminCreateUserCommand({
          UserPoolId: userPoolId,
          Username: email,
          TemporaryPassword: password,
          MessageAction: 'SUPPRESS',
          UserAttributes: [
            { Name: 'email', Value: email },
            ...(options.emailVerified === false ? [] : [{ Name: 'email_verified', Value: 'true' }]),
          ],
        }),
      );
    }
    await c.send(
      new AdminSetUserPasswordCommand({ UserPoolId: userPoolId, Username: email, Password: password, Permanent: true }),
    );
    const user = await c.send(new AdminGetUserCommand({ UserPoolId: userPoolId, Username: email }));
    const sub = user.UserAttributes?.find((a) => a.Name === 'sub')?.Value;
    if (!sub || !user.Username) throw new Error(`user ${email} in ${userPoolId} has no sub attribute`);
    return { sub, username: user.Username };
  });
}

// Signs a user in with USER_PASSWORD_AUTH; endpoint undefined = real Cognito in the pool's region.
export async function signIn(opts: {
  endpoint?: string;
  userPoolId: string;
  clientId: string;
  username: string;
  password: string;
}): Promise<{ accessToken: string; idToken: string; refreshToken: string }> {
  const where = opts.endpoint ? `${opts.endpoint} (pool ${opts.userPoolId})` : `Cognito pool ${opts.userPoolId}`;
  const fail = (why: string): Error => new Error(`sign-in of ${opts.username} at ${where} failed: ${why}`);
  const pool = new CognitoUserPool({
    UserPoolId: opts.userPoolId,
    ClientId: opts.clientId,
    ...(opts.endpoint ? { endpoint: trimSlash(opts.endpoint) + '/' } : {}),
  });
  const user = new CognitoUser({ Username: opts.username, Pool: pool });
  user.setAuthenticationFlowType('USER_PASSWORD_AUTH');
  const details = new AuthenticationDetails({ Username: opts.username, Password: opts.password });
  const session = await new Promise<CognitoUserSession>((resolve, reject) => {
    user.authenticateUser(details, {
      onSuccess: (s) => resolve(s),
      onFailure: (err: unknown) => {
        const e = err as { code?: string; name?: string; message?: string } | undefined;
        const code = e?.code ?? e?.name ?? 'Error';
        const hint =
          code === 'NetworkError'
            ? opts.endpoint
              ? ` (is cognito-local running at ${opts.endpoint}?)`
              : ' (cannot reach the Cognito endpoint of the pool region)'
            : '';
        reject(fail(`${code}: ${e?.message ?? String(err)}${hint}`));
      },
      newPasswordRequired: () => reject(fail('the user must set a new password (status FORCE_CHANGE_PASSWORD)')),
      mfaRequired: () => reject(fail('SMS MFA challenge is not supported here')),
      totpRequired: () => reject(fail('TOTP MFA challenge is not supported here')),
      selectMFAType: () => reject(fail('MFA selection challenge is not supported here')),
      mfaSetup: () => reject(fail('MFA setup challenge is not supported here')),
      customChallenge: () => reject(fail('custom auth challenge is not supported here')),
    });
  });
  return {
    accessToken: session.getAccessToken().getJwtToken(),
    idToken: session.getIdToken().getJwtToken(),
    refreshToken: session.getRefreshToken().getToken(),
  };
}

// Downloads `${issuer}/.well-known/jwks.json` (for verifier.cacheJwks with http issuers).
export async function fetchJwks(issuer: string): Promise<{ keys: unknown[] }> {
  const url = `${trimSlash(issuer)}/.well-known/jwks.json`;
  let res: Response;
  try {
    res = await fetch(url, { signal: AbortSignal.timeout(10_000) });
  } catch (err) {
    throw new Error(`fetching JWKS from ${url} failed: ${(err as Error).message}`, { cause: err });
  }
  const body = await res.text();
  if (res.status !== 200) {
    throw new Error(`fetching JWKS from ${url} failed: HTTP ${res.status} ${body.slice(0, 200)}`);
  }
  let jwks: unknown;
  try {
    jwks = JSON.parse(body);
  } catch {
    throw new Error(`JWKS at ${url} is not JSON: ${body.slice(0, 200)}`);
  }
  if (typeof jwks !== 'object' || jwks === null || !Array.isArray((jwks as { keys?: unknown }).keys)) {
    throw new Error(`JWKS at ${url} has no "keys" array`);
  }
  return jwks as { keys: unknown[] };
}
