// `npm run smoke:prod`: proves that the production build runs on plain Node with production
// dependencies only. It builds dist/, copies it with db/, procedures/ and the package files to a
// temporary folder, installs only the production dependencies there (`npm ci --omit=dev`),
// migrates a throwaway database with the copy's dist/scripts/migrate.js, starts the copy's
// dist/server/main.js against it, checks that /health/ready answers 200 and an unauthenticated
// /v1/me 401, and stops it with SIGTERM, expecting a clean exit. The database: an embedded
// PostgreSQL of this checkout, or DATABASE_URL's server when set.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { API_ROLE, loginRoleUrl } from '../server/config.ts';
import { generateFieldKeys } from '../server/field_cipher.ts';
import { freePort, startEmbeddedPostgres } from './lib/embedded_postgres.ts';
import { projectRoot } from './lib/migrate.ts';
import { withDatabase } from './lib/throwaway_database.ts';

// Development tools that must not be in the production install.
const DEV_ONLY = [
  'tsx',
  'typescript',
  'tap',
  'embedded-postgres',
  'cognito-local',
  '@aws-sdk/client-cognito-identity-provider',
  'amazon-cognito-identity-js',
];

const started = Date.now();
const say = (message: string) =>
  process.stderr.write(`[smoke:prod ${((Date.now() - started) / 1000).toFixed(1)}s] ${message}\n`);
const cleanups: Array<() => Promise<void>> = [];

/** Runs a command to its end; throws with its output when it fails. */
function run(command: string, args: string[], options: { cwd: string; env?: NodeJS.ProcessEnv }) {
  const result = spawnSync(command, args, { cwd: options.cwd, env: options.env ?? process.env, encoding: 'utf8' });
  if (result.status !== 0) {
    throw new Error(
      `${command} ${args.join(' ')} failed (exit ${result.status ?? result.signal}):\n${result.stdout}${result.stderr}`,
    );
  }
  return result.stdout;
}

/** The environment of a production process: nothing inherited but PATH (no tsx loader, no DATABASE_URL). */
const productionEnv = (vars: Record<string, string>): NodeJS.ProcessEnv => ({
  PATH: process.env.PATH,
  NODE_ENV: 'production',
  ...vars,
});

async function smoke(): Promise<void> {
  say('npm run build');
  run('npm', ['run', '-s', 'build'], { cwd: projectRoot });

  const copy = await mkdtemp(path.join(os.tmpdir(), 'estate-prod-'));
  cleanups.push(() => rm(copy, { recursive: true, force: true }));
  for (const entry of ['package.json', 'package-lock.json', 'dist', 'db', 'procedures']) {
    await cp(path.join(projectRoot, entry), path.join(copy, entry), { recursive: true });
  }
  say(`npm ci --omit=dev in ${copy}`);
  run('npm', ['ci', '--omit=dev', '--no-audit', '--no-fund', '--prefer-offline'], { cwd: copy });
  const present = DEV_ONLY.filter((name) => existsSync(path.join(copy, 'node_modules', name)));
  if (present.length) throw new Error(`development packages in the production install: ${present.join(', ')}`);

  let serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) {
    const server = await startEmbeddedPostgres({
      dataDir: path.join(copy, '.pg'),
      superuserPassword: 'smoke',
      persistent: false,
    });
    cleanups.push(() => server.stop());
    serverUrl = server.adminUrl;
  }
  const database = `estate_smoke_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`create database ${database}`);
  cleanups.push(async () => {
    await admin.query(`drop database if exists ${database} with (force)`);
    await admin.end();
  });
  const adminUrl = withDatabase(serverUrl, database);
  const apiPassword = randomBytes(12).toString('base64url');

  say('node dist/scripts/migrate.js');
  run('node', ['dist/scripts/migrate.js'], {
    cwd: copy,
    env: productionEnv({ DATABASE_URL: adminUrl, DATABASE_API_PASSWORD: apiPassword }),
  });
  // The operator CLI loads all its modules before it reads its arguments: --help proves they resolve.
  run('node', ['dist/scripts/operator.js', '--help'], { cwd: copy, env: productionEnv({}) });

  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  say(`node dist/server/main.js on ${base}`);
  const api = spawn('node', ['dist/server/main.js'], {
    cwd: copy,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: productionEnv({
      HOST: '127.0.0.1',
      PORT: String(port),
      DATABASE_API_URL: loginRoleUrl(adminUrl, API_ROLE, apiPassword),
      FIELD_ENCRYPTION_KEYS: generateFieldKeys('smoke'),
      STRIPE_WEBHOOK_SECRET: `whsec_${randomBytes(24).toString('base64url')}`,
    }),
  });
  let output = '';
  api.stdout!.on('data', (chunk: Buffer) => (output += chunk));
  api.stderr!.on('data', (chunk: Buffer) => (output += chunk));
  const exited = new Promise<number | string>((resolve) =>
    api.on('exit', (code, signal) => resolve(code ?? signal ?? 'unknown')),
  );
  cleanups.push(() => stopIfRunning(api));
  try {
    await waitUntilLive(base, exited);
    // Readiness may answer 503 while the instance is busy (load shedding on a loaded machine, as
    // once here right after the test suites): polled as an orchestrator's readiness probe is, every
    // second (its Retry-After) for up to 30 s, until it answers 200.
    for (let attempt = 1; ; attempt++) {
      const ready = await fetch(`${base}/health/ready`);
      if (ready.status === 200) break;
      const body = await ready.text();
      if (ready.status !== 503 || attempt === 30)
        throw new Error(`/health/ready answered ${ready.status} (attempt ${attempt}): ${body}`);
      say(`/health/ready answered 503 (${body.includes('server_busy') ? 'server_busy' : 'not ready'}); again in 1 s`);
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }
    const me = await fetch(`${base}/v1/me`);
    const type = me.headers.get('content-type') ?? '';
    if (me.status !== 401 || !type.startsWith('application/problem+json')) {
      throw new Error(`unauthenticated /v1/me answered ${me.status} (${type}): ${await me.text()}`);
    }
    say('/health/ready 200, unauthenticated /v1/me 401');

    api.kill('SIGTERM');
    const code = await Promise.race([
      exited,
      new Promise((resolve) => setTimeout(() => resolve('no exit within 10 s'), 10_000)),
    ]);
    if (code !== 0) throw new Error(`after SIGTERM the API ended with ${code}`);
    say('SIGTERM: clean exit 0');
  } catch (error) {
    process.stderr.write(`--- dist/server/main.js output ---\n${output}\n---\n`);
    throw error;
  }
}

async function waitUntilLive(base: string, exited: Promise<number | string>) {
  let gone: number | string | undefined;
  void exited.then((code) => (gone = code));
  const deadline = Date.now() + 20_000;
  for (;;) {
    if (gone !== undefined) throw new Error(`the API exited before it listened (${gone})`);
    const live = await fetch(`${base}/health/live`).catch(() => null);
    if (live?.ok) return;
    if (Date.now() > deadline) throw new Error('the API did not answer /health/live within 20 s');
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

async function stopIfRunning(child: ChildProcess) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill('SIGKILL');
  await new Promise((resolve) => child.once('exit', resolve));
}

let code = 1;
try {
  await smoke();
  code = 0;
} catch (error) {
  say(`FAILED: ${(error as Error).message}`);
} finally {
  for (const cleanup of cleanups.reverse()) await cleanup().catch((error) => say(`cleanup failed: ${error}`));
}
say(code === 0 ? 'ok' : 'failed');
process.exit(code);
