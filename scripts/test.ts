// `npm test`: runs the tap suite against a real PostgreSQL (DATABASE_URL's server, or an embedded
// one in a temporary folder) and a real cognito-local. It migrates one template database; each
// test file clones its own database from it. Ends with the line "N passed, N failed".
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { startCognitoLocal } from './lib/cognito_local.ts';
import { startEmbeddedPostgres } from './lib/embedded_postgres.ts';
import { migrate, projectRoot } from './lib/migrate.ts';
import { withDatabase } from './lib/throwaway_database.ts';

const runId = randomBytes(4).toString('hex');
const scratch = await mkdtemp(path.join(os.tmpdir(), 'estate-test-'));
const cleanups: Array<() => Promise<void>> = [];
const say = (message: string) => process.stderr.write(`[test] ${message}\n`);

async function run(): Promise<number> {
  let serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) {
    const server = await startEmbeddedPostgres({
      dataDir: path.join(scratch, 'pg'),
      superuserPassword: 'test',
      persistent: false,
    });
    cleanups.push(() => server.stop());
    serverUrl = server.adminUrl;
  }
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  const { rows } = await admin.query<{ server_version: string }>('show server_version');
  say(`PostgreSQL ${rows[0].server_version} (${process.env.DATABASE_URL ? 'DATABASE_URL' : 'embedded'})`);
  const prefix = `estate_test_${runId}`;
  const template = `${prefix}_template`;
  await admin.query(`create database ${template}`);
  cleanups.push(async () => {
    const { rows: leftovers } = await admin.query<{ datname: string }>(
      'select datname from pg_database where datname like $1',
      [`${prefix}%`],
    );
    for (const { datname } of leftovers) await admin.query(`drop database if exists ${datname} with (force)`);
    await admin.end();
  });
  const passwords = { api: 'estate-api-test', support: 'estate-support-test', operator: 'estate-operator-test' };
  await migrate({ adminUrl: withDatabase(serverUrl, template), rolePasswords: passwords });

  const cognito = await startCognitoLocal({ dataDir: path.join(scratch, 'cognito') });
  cleanups.push(() => cognito.stop());

  const tap = spawn(path.join(projectRoot, 'node_modules', '.bin', 'tap'), process.argv.slice(2), {
    cwd: projectRoot,
    stdio: ['ignore', 'pipe', 'inherit'],
    env: {
      ...process.env,
      TEST_SERVER_URL: serverUrl,
      TEST_DATABASE_PREFIX: prefix,
      TEST_TEMPLATE_DATABASE: template,
      TEST_API_PASSWORD: passwords.api,
      TEST_SUPPORT_PASSWORD: passwords.support,
      TEST_OPERATOR_PASSWORD: passwords.operator,
      TEST_COGNITO_ENDPOINT: cognito.endpoint,
    },
  });
  let tail = '';
  tap.stdout.on('data', (chunk: Buffer) => {
    process.stdout.write(chunk);
    tail = (tail + chunk.toString()).slice(-4000);
  });
  const exitCode: number = await new Promise((resolve) => tap.on('close', (code) => resolve(code ?? 1)));
  const summary = /# \{ total: (\d+)(?:, pass: (\d+))?(?:, fail: (\d+))?/.exec(tail);
  const total = Number(summary?.[1] ?? 0);
  const passed = Number(summary?.[2] ?? 0);
  const failed = summary ? Math.max(Number(summary[3] ?? 0), exitCode === 0 ? 0 : 1) : 1;
  process.stdout.write(`\n${passed} passed, ${failed} failed\n`);
  if (!total) say('tap ran no test');
  return exitCode === 0 && total > 0 ? 0 : 1;
}

let code = 1;
try {
  code = await run();
} catch (error) {
  say(`could not run the suite: ${(error as Error).stack ?? error}`);
} finally {
  for (const cleanup of cleanups.reverse()) await cleanup().catch((error) => say(`cleanup failed: ${error}`));
  await rm(scratch, { recursive: true, force: true });
}
process.exit(code);
