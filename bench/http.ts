// `npm run bench:http`: the API against the database's own limit, side by side in one run. The
// production server (node server/main.ts, logging at info to a file) on a throwaway embedded
// PostgreSQL with cognito-local for real tokens; a load generator drives GET
// /v1/personas/{id}/net-worth (personas with 14 and 1,000 assets) and POST
// /v1/assets/{id}/valuations (a random one of 1,000 assets), and pgbench runs the identical
// transaction as estate_api (BEGIN, the context statement, the procedure call, COMMIT; prepared).
// The two alternate, 3 repetitions of each case at 10 and 50 clients; the table gives the medians
// and the ratio API / pgbench (median of the repetitions).
//
// The load generator is wrk (C, one thread, like pgbench -j 1) when it is on the PATH, else
// autocannon (in this Node process): on a 2-core machine the generator shares the cores with the
// server and PostgreSQL, and autocannon used 3-5x wrk's CPU per request (7-9% of a core against
// 2-3%; pgbench's own client 6-9%; docs/performance.md). The run prints which one it used and the
// CPU each side's client took. Every answer must be a 2xx: the generator's own count and the
// server's access log.
//
//   --quick                one repetition of 5 s per case (CI)
//   --check FILE           exit 1 when a ratio is below half of FILE's (a gross regression only)
//   --save-baseline FILE   write this run's ratios to FILE
//   BENCH_SECONDS, BENCH_REPS, DATABASE_POOL_SIZE: override the durations, repetitions, pool size.
//   BENCH_WARMUP: unmeasured seconds of load before each API run (default 2; 0: none).
//   BENCH_START_WARMUP: unmeasured seconds of load on each case once the server is up (default 5).
//   BENCH_GENERATOR=wrk|autocannon: choose the load generator (default: wrk when found).
//   BENCH_VERBOSE=1: print each API run (rate, latency percentiles, CPU).
//   BENCH_LOG_LEVEL: the server's LOG_LEVEL (default info, as deployed; warn: no access lines).
//   DATABASE_POOL_MIN: the server's (default: all of its pool); the last lines measure a burst after
//   a quiet spell (5 times 12 s; 2 with --quick).
import { spawn, execFile } from 'node:child_process';
import { existsSync, openSync, readFileSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import autocannon from 'autocannon';
import pg from 'pg';
import { loginRoleUrl, OPERATOR_ROLE } from '../server/config.ts';
import { generateFieldKeys } from '../server/field_cipher.ts';
import {
  ensureAppClient,
  ensureUser,
  ensureUserPool,
  signIn,
  startCognitoLocal,
} from '../scripts/lib/cognito_local.ts';
import { freePort } from '../scripts/lib/embedded_postgres.ts';
import { migrate, projectRoot } from '../scripts/lib/migrate.ts';
import { buildScaleTenant, predictableAssetId } from '../scripts/lib/scale.ts';
import { createThrowawayDatabase } from '../scripts/lib/throwaway_database.ts';
import { percentile, trustUserPool } from './lib/harness.ts';
import { luaString, parseWrkReport, wrkScript } from './lib/wrk.ts';

const argv = process.argv.slice(2);
const QUICK = argv.includes('--quick');
const option = (name: string) => (argv.includes(name) ? argv[argv.indexOf(name) + 1] : undefined);
const CHECK = option('--check');
const SAVE = option('--save-baseline');
const SECONDS = Number(process.env.BENCH_SECONDS ?? (QUICK ? 5 : 10));
const REPS = Number(process.env.BENCH_REPS ?? (QUICK ? 1 : 3));
// Unmeasured seconds of load before each API run: after pgbench's run the server's pool has
// closed its idle connections (pg's 10 s idle timeout) and its first requests wait for new ones,
// a start-up that pgbench's tps leaves out ("without initial connection time").
const WARMUP = Number(process.env.BENCH_WARMUP ?? 2);
const START_WARMUP = Number(process.env.BENCH_START_WARMUP ?? 5);
/** The quiet spell before each burst of the last measurement: past pg's idleTimeoutMillis (10 s). */
const IDLE_MS = 12_000;
const CLIENTS = [10, 50];
const WRITE_ASSETS = 1_000;
const PASSWORD = 'Bench-Passw0rd!';

const onPath = (name: string) =>
  (process.env.PATH ?? '').split(path.delimiter).some((dir) => dir && existsSync(path.join(dir, name)));
const GENERATOR = process.env.BENCH_GENERATOR ?? (onPath('wrk') ? 'wrk' : 'autocannon');
if (GENERATOR !== 'wrk' && GENERATOR !== 'autocannon')
  throw new Error(`BENCH_GENERATOR: wrk or autocannon, not ${GENERATOR}`);
if (GENERATOR === 'wrk' && !onPath('wrk')) throw new Error('BENCH_GENERATOR=wrk but wrk is not on the PATH');

function pgbenchBinary() {
  for (const candidate of ['/usr/lib/postgresql/15/bin/pgbench', '/usr/lib/postgresql/17/bin/pgbench']) {
    if (existsSync(candidate)) return candidate;
  }
  return 'pgbench';
}

const literal = (value: string) => `'${value.replace(/'/g, "''")}'`;

/** The server's context statement (server/plugins/db.ts) with the request's values as literals. */
function contextStatement(tenantId: string, sub: string) {
  const values = [tenantId, 'user', sub, 'pgbench', '', '5000', '2000', '10000'].map(literal);
  const names = [
    'app.tenant_id',
    'app.actor_kind',
    'app.actor_id',
    'app.request_id',
    'app.verified_email',
    'statement_timeout',
    'lock_timeout',
    'idle_in_transaction_session_timeout',
  ];
  return `select ${names.map((name, i) => `set_config('${name}', ${values[i]}, true)`).join(', ')};`;
}

interface Case {
  label: string;
  /** autocannon's request (path, method, body), made per request. */
  request: () => { path: string; method: 'GET' | 'POST'; body?: string };
  /** wrk's Lua lines making the same request (wrk.path, or a `request` function). */
  lua: string;
  token: string;
  /** pgbench's script: the same transaction. */
  script: string;
}

interface Sample {
  rate: number;
  p99: number;
  /** CPU seconds of the client side: the load generator, or pgbench's client. */
  clientCpu: number;
  /** CPU seconds of the API server's process (API runs only). */
  serverCpu: number;
  /** The fraction of all the machine's cores busy during the run (anything on the machine). */
  busy: number;
  seconds: number;
  requests: number;
}

/** user + system CPU seconds of a process, from /proc (NaN elsewhere). */
function procCpu(pid: number) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100; // utime + stime, in USER_HZ
  } catch {
    return NaN;
  }
}

/** Busy and total jiffies of all the cores, from /proc/stat. */
function machineCpu() {
  try {
    const [, ...times] = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/);
    const values = times.map(Number);
    const total = values.reduce((a, b) => a + b, 0);
    return { busy: total - values[3] - values[4], total };
  } catch {
    return { busy: NaN, total: NaN };
  }
}

/** Runs a command through sh, which prints the CPU its waited-for child used (cutime + cstime). */
async function runMeasured(file: string, args: string[], options: { env?: NodeJS.ProcessEnv; cwd?: string }) {
  const { stdout, stderr } = await promisify(execFile)(
    'sh',
    ['-c', '"$@"; status=$?; echo "@@cpu $(cut -d " " -f 16,17 /proc/$$/stat)" >&2; exit $status', 'sh', file, ...args],
    { ...options, maxBuffer: 64 * 1024 * 1024 },
  );
  const cpu = /@@cpu (\d+) (\d+)/.exec(stderr);
  return { stdout, cpu: cpu ? (Number(cpu[1]) + Number(cpu[2])) / 100 : NaN };
}

/** Measures fn's run: the machine's busy fraction and the server's CPU. */
async function measured<T>(serverPid: number, fn: () => Promise<T>) {
  const machine = machineCpu();
  const server = procCpu(serverPid);
  const result = await fn();
  const after = machineCpu();
  return {
    result,
    busy: (after.busy - machine.busy) / (after.total - machine.total),
    serverCpu: procCpu(serverPid) - server,
  };
}

async function runAutocannon(port: number, c: Case, clients: number, seconds: number) {
  const cpu = process.cpuUsage();
  const result = await autocannon({
    url: `http://127.0.0.1:${port}`,
    connections: clients,
    duration: seconds,
    headers: { authorization: `Bearer ${c.token}`, 'content-type': 'application/json' },
    requests: [{ setupRequest: (request) => ({ ...request, ...c.request() }) }],
  });
  const used = process.cpuUsage(cpu);
  if (result.non2xx || result.errors || result.timeouts) {
    throw new Error(
      `${c.label}: ${result.non2xx} non-2xx answers, ${result.errors} errors, ${result.timeouts} timeouts`,
    );
  }
  return {
    requests: result.requests.total,
    seconds: result.duration,
    latency: [result.latency.p50, result.latency.p90, result.latency.p99, result.latency.max],
    p99: result.latency.p99,
    clientCpu: (used.user + used.system) / 1e6,
  };
}

async function runWrk(port: number, scratch: string, c: Case, clients: number, n: number, seconds: number) {
  const script = path.join(scratch, `wrk-${n}.lua`);
  await writeFile(script, wrkScript({ token: c.token, lua: c.lua }));
  // One thread, as pgbench runs -j 1; the timeout is autocannon's (wrk's default of 2 s would
  // count a slow answer at 50 clients as an error).
  const args = ['-t', '1', '-c', String(clients), '-d', `${seconds}s`, '--timeout', '10s', '--latency', '-s', script];
  const { stdout, cpu } = await runMeasured('wrk', [...args, `http://127.0.0.1:${port}`], {});
  const report = parseWrkReport(stdout);
  const { connect, read, write, timeout, status } = report.errors;
  // wrk counts an answer of 400 or more as a status error ("Non-2xx or 3xx responses"); a 1xx or
  // 3xx would show in the server's access log, checked at the end of the run.
  if (connect || read || write || timeout || status) {
    throw new Error(
      `${c.label}: ${status} non-2xx answers, ${connect + read + write} socket errors, ${timeout} timeouts\n${stdout}`,
    );
  }
  return {
    requests: report.requests,
    seconds: report.seconds,
    latency: [report.p50, report.p90, report.p99, report.max],
    p99: report.p99,
    clientCpu: cpu,
  };
}

async function runApi(
  port: number,
  server: { pid: number; logFile: string },
  scratch: string,
  c: Case,
  clients: number,
  n: number,
) {
  const serverPid = server.pid;
  const generate = (seconds: number) =>
    GENERATOR === 'wrk' ? runWrk(port, scratch, c, clients, n, seconds) : runAutocannon(port, c, clients, seconds);
  if (WARMUP > 0) await generate(WARMUP);
  const logStart = process.env.BENCH_VERBOSE ? (await readFile(server.logFile)).length : 0;
  const run = await measured(serverPid, () => generate(SECONDS));
  const r = run.result;
  if (process.env.BENCH_VERBOSE) {
    const [p50, p90, p99, max] = r.latency.map((ms) => ms.toFixed(0));
    // The server's own view (its access lines' ms: from reading the request to the answer).
    const ms = (await readFile(server.logFile))
      .subarray(logStart)
      .toString()
      .split('\n')
      .filter((line) => line.includes('"msg":"request"'))
      .map((line) => (JSON.parse(line) as { ms: number }).ms)
      .sort((a, b) => a - b);
    const inServer = [50, 90, 99].map((p) => percentile(ms, p)?.toFixed(0)).join(' / ');
    console.log(
      `${c.label} @${clients}: ${(r.requests / r.seconds).toFixed(0)} req/s, ms p50 ${p50} p90 ${p90} p99 ${p99} max ${max} ` +
        `(in the server p50 / p90 / p99 ${inServer}); ${GENERATOR} CPU ${r.clientCpu.toFixed(2)} s, ` +
        `server CPU ${run.serverCpu.toFixed(2)} s; load ${os.loadavg()[0].toFixed(1)}`,
    );
  }
  return {
    rate: r.requests / r.seconds,
    p99: r.p99,
    clientCpu: r.clientCpu,
    serverCpu: run.serverCpu,
    busy: run.busy,
    seconds: r.seconds,
    requests: r.requests,
  } satisfies Sample;
}

async function runPgbench(url: string, scratch: string, c: Case, clients: number, n: number): Promise<Sample> {
  const machine = machineCpu();
  const dir = path.join(scratch, `pgbench-${n}`);
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir);
  const script = path.join(dir, 'script.sql');
  await writeFile(script, c.script);
  const u = new URL(url);
  const { stdout, cpu } = await runMeasured(
    pgbenchBinary(),
    [
      '-n',
      '-M',
      'prepared',
      '-c',
      String(clients),
      '-j',
      '1',
      '-T',
      String(SECONDS),
      '-f',
      script,
      '-l',
      '--log-prefix',
      path.join(dir, 'tx'),
      '-h',
      u.hostname,
      '-p',
      u.port || '5432',
      '-U',
      decodeURIComponent(u.username),
      u.pathname.slice(1),
    ],
    { env: { ...process.env, PGPASSWORD: decodeURIComponent(u.password) }, cwd: dir },
  );
  const after = machineCpu();
  // A run that processed nothing (a busy machine: 50 connections opened slower than the duration)
  // prints no tps: counted as 0 (the ratio is then left out of the median).
  const tps = /tps = ([\d.]+)/.exec(stdout) ?? (/actually processed: 0\b/.test(stdout) ? ['', '0'] : null);
  const failed = /number of failed transactions: (\d+)/.exec(stdout);
  if (!tps) throw new Error(`pgbench printed no tps:\n${stdout}`);
  if (failed && Number(failed[1]) > 0) throw new Error(`${c.label}: pgbench had ${failed[1]} failed transactions`);
  const latencies: number[] = [];
  for (const file of await readdir(dir)) {
    if (!file.startsWith('tx')) continue;
    for (const line of (await readFile(path.join(dir, file), 'utf8')).split('\n')) {
      const fields = line.split(' ');
      if (fields.length >= 3) latencies.push(Number(fields[2]) / 1000);
    }
  }
  latencies.sort((a, b) => a - b);
  return {
    rate: Number(tps[1]),
    p99: latencies.length ? percentile(latencies, 99) : NaN,
    clientCpu: cpu,
    serverCpu: NaN,
    busy: (after.busy - machine.busy) / (after.total - machine.total),
    seconds: SECONDS,
    requests: latencies.length,
  };
}

/** The server's access lines whose status is not a 2xx, counted by status and problem code. */
async function answersNot2xx(logFile: string) {
  const counts: Record<string, number> = {};
  for (const line of (await readFile(logFile, 'utf8')).split('\n')) {
    if (!line.includes('"msg":"request"')) continue;
    const entry = JSON.parse(line) as { status?: number; url?: string; code?: string };
    if (entry.url?.startsWith('/health/')) continue; // the wait for the server to be ready
    if (entry.status && entry.status >= 200 && entry.status <= 299) continue;
    const key = `${entry.status}${entry.code ? ` ${entry.code}` : ''}`;
    counts[key] = (counts[key] ?? 0) + 1;
  }
  return counts;
}

const loadAverage = () =>
  os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor((values.length - 1) / 2)];

const scratch = await mkdtemp(path.join(os.tmpdir(), 'estate-bench-http-'));
const db = await createThrowawayDatabase('estate_bench_http');
const cognito = await startCognitoLocal({ dataDir: path.join(scratch, 'cognito') });
const admin = new pg.Client({ connectionString: db.url });
let server: ReturnType<typeof spawn> | undefined;
// A bench stopped by a signal (embedded-postgres's exit hook then exits the process) skips
// `finally`: the server it started must not stay up after it.
process.on('exit', () => {
  if (server && server.exitCode === null && server.signalCode === null) server.kill('SIGKILL');
});
let failed = false;
try {
  await admin.connect();
  const passwords = { api: 'bench-api', support: 'bench-support', operator: 'bench-operator' };
  await migrate({ adminUrl: db.url, rolePasswords: passwords });
  const apiUrl = loginRoleUrl(db.url, 'estate_api', passwords.api);
  // The operators' login: registering a provider without a staff identity is an operator's act.
  const support = new pg.Pool({ connectionString: loginRoleUrl(db.url, OPERATOR_ROLE, passwords.operator), max: 1 });
  // A failure before support.end() reaches `finally`, which stops the server: the idle client's
  // 57P01 must not crash the process and hide the failure that got us there.
  support.on('error', () => {});

  // Two users of one tenant, their personas holding 14 and 1,000 assets, signed in through cognito-local.
  const pool = await ensureUserPool(cognito.endpoint, 'bench-http');
  const { clientId } = await ensureAppClient(cognito.endpoint, pool.userPoolId, 'bench-app');
  const emails = ['small@example.com', 'large@example.com'];
  const subs: string[] = [];
  for (const email of emails) subs.push((await ensureUser(cognito.endpoint, pool.userPoolId, email, PASSWORD)).sub);
  const tenant = await buildScaleTenant(admin, 'bench-http', [14, WRITE_ASSETS], {
    userSubs: subs,
    predictableAssetIds: true,
  });
  await trustUserPool(support, tenant.tenantId, pool, clientId);
  await support.end();
  await admin.query('vacuum analyze');
  const tokens: string[] = [];
  for (const email of emails) {
    const { accessToken } = await signIn({
      endpoint: cognito.endpoint,
      userPoolId: pool.userPoolId,
      clientId,
      username: email,
      password: PASSWORD,
    });
    tokens.push(accessToken);
  }

  // The production entry point, as deployed: logs at info to a file.
  const port = await freePort();
  const logFile = path.join(scratch, 'server.log');
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    HOST: '127.0.0.1',
    PORT: String(port),
    LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? 'info',
    DATABASE_API_URL: apiUrl,
    IDENTITY_PROVIDER: 'cognito-local',
    FIELD_ENCRYPTION_KEYS: generateFieldKeys('bench'),
    NODE_ENV: 'production',
    // One user at thousands of requests a second is what a benchmark is and what production's
    // rate limits refuse (429), and a loaded machine must not shed it (503): both off here, the
    // shedding on event loop delay and on requests waiting for a pool connection alike.
    RATE_LIMIT_PER_TENANT: '0',
    RATE_LIMIT_PER_USER: '0',
    MAX_EVENT_LOOP_DELAY_MS: '0',
    MAX_POOL_WAITING: '0',
    // Nor fail a request fast (503 database_unavailable) after 1 s waiting for one of the pool's
    // connections: at 50 clients on a busy machine the pool's queue passes 1 s now and then (pgbench's
    // p99 there is 1.5-2.3 s), and pgbench's clients wait as long as it takes. 10 s: the generators' timeout.
    DATABASE_CONNECT_TIMEOUT_MS: '10000',
  };
  delete env.DATABASE_URL;
  // BENCH_NODE_ARGS: extra node flags for the server (e.g. --cpu-prof --cpu-prof-dir=/tmp/prof).
  const nodeArgs = process.env.BENCH_NODE_ARGS?.split(' ').filter(Boolean) ?? [];
  server = spawn(process.execPath, [...nodeArgs, '--import', 'tsx', path.join(projectRoot, 'server/main.ts')], {
    env,
    cwd: projectRoot,
    stdio: ['ignore', openSync(logFile, 'a'), 'inherit'],
  });
  const deadline = Date.now() + 30_000;
  for (;;) {
    const ready = await fetch(`http://127.0.0.1:${port}/health/ready`).catch(() => undefined);
    if (ready?.ok) break;
    if (Date.now() > deadline || server.exitCode !== null) throw new Error('the server did not start');
    await new Promise((resolve) => setTimeout(resolve, 200));
  }

  const today = new Date().toISOString().slice(0, 10);
  const [small, large] = tenant.personas;
  const netWorthCall = (personaId: string) =>
    `SELECT persona_id AS "personaId!", as_of AS "asOf!", currency AS "currency!", total_assets AS "totalAssets!",\n` +
    `       total_liabilities AS "totalLiabilities!", net_worth AS "netWorth!", asset_count AS "assetCount!"\n` +
    `FROM api.sp_calculate_net_worth(p_persona_id => '${personaId}', p_as_of => '${today}', p_currency => 'USD');`;
  const netWorthCase = (persona: typeof small, index: number): Case => ({
    label: `GET net-worth, ${persona.assetCount.toLocaleString('en-US')} assets`,
    token: tokens[index],
    request: () => ({ method: 'GET', path: `/v1/personas/${persona.personaId}/net-worth?currency=USD` }),
    lua: `wrk.path = ${luaString(`/v1/personas/${persona.personaId}/net-worth?currency=USD`)}`,
    script: [
      'BEGIN;',
      contextStatement(tenant.tenantId, persona.userSub),
      netWorthCall(persona.personaId),
      'COMMIT;',
    ].join('\n'),
  });
  const valuation = JSON.stringify({ amount: '1234.56', valuedOn: today, source: 'manual' });
  // wrk makes persona 1's n-th asset id as predictableAssetId does: a prefix and n on 12 digits.
  const assetPrefix = predictableAssetId(1, 0).slice(0, -12);
  if (predictableAssetId(1, 987) !== `${assetPrefix}000000000987`) throw new Error('predictableAssetId changed');
  const writeCase: Case = {
    label: `POST valuations, 1 of ${WRITE_ASSETS.toLocaleString('en-US')} assets`,
    token: tokens[1],
    request: () => ({
      method: 'POST',
      path: `/v1/assets/${predictableAssetId(1, 1 + Math.floor(Math.random() * WRITE_ASSETS))}/valuations`,
      body: valuation,
    }),
    lua: [
      `local body = ${luaString(valuation)}`,
      `function request()`,
      `  local path = string.format("/v1/assets/%s%012d/valuations", ${luaString(assetPrefix)}, math.random(1, ${WRITE_ASSETS}))`,
      `  return wrk.format("POST", path, nil, body)`,
      `end`,
    ].join('\n'),
    script: [
      `\\set n random(1, ${WRITE_ASSETS})`,
      'BEGIN;',
      contextStatement(tenant.tenantId, large.userSub),
      `SELECT valuation_id AS "valuationId!", asset_id AS "assetId!", valued_on AS "valuedOn!", amount AS "amount!",\n` +
        `       currency AS "currency!", source AS "source!"\n` +
        `FROM api.sp_update_asset_value(p_asset_id => ('00000001-0000-4000-8000-' || lpad(:n::text, 12, '0'))::uuid,\n` +
        `  p_amount => 1234.56, p_valued_on => '${today}', p_source => 'manual', p_currency => null);`,
      'COMMIT;',
    ].join('\n'),
  };
  const cases = [netWorthCase(small, 0), netWorthCase(large, 1), writeCase];

  // Each answer checked once before measuring.
  for (const c of cases) {
    const r = c.request();
    const res = await fetch(`http://127.0.0.1:${port}${r.path}`, {
      method: r.method,
      body: r.body,
      headers: { authorization: `Bearer ${c.token}`, 'content-type': 'application/json' },
    });
    if (!res.ok) throw new Error(`${c.label}: ${res.status} ${await res.text()}`);
  }

  const { rows } = await admin.query<{ server_version: string }>('show server_version');
  console.log(
    `PostgreSQL ${rows[0].server_version}, Node ${process.version}, ${os.cpus().length} CPUs; ${REPS} repetition(s) of ${SECONDS} s per case, ` +
      `API (after ${WARMUP} s unmeasured; the server warmed ${START_WARMUP} s per case first) and pgbench (-M prepared -j 1) alternating; server pool ${process.env.DATABASE_POOL_SIZE ?? 'default'}`,
  );
  console.log(
    `load generator: ${GENERATOR === 'wrk' ? 'wrk (-t 1, Lua script)' : 'autocannon (in the bench process)'}; ` +
      `load average before the runs ${loadAverage()}`,
  );
  let n = 0;
  // The server process starts cold: V8 compiles the request path as it gets hot, and in a quick
  // run the first case measured used twice the server CPU per request of the others (2.11 ms
  // against ~1.1). A production server is warm for nearly all its life: each case is loaded for
  // BENCH_START_WARMUP seconds (default 5) before the first measured run, unmeasured.
  for (const c of cases) {
    if (START_WARMUP <= 0) break;
    await (GENERATOR === 'wrk'
      ? runWrk(port, scratch, c, 10, n++, START_WARMUP)
      : runAutocannon(port, c, 10, START_WARMUP));
  }
  const results: Array<{ c: Case; clients: number; api: Sample[]; pgbench: Sample[] }> = [];
  for (const c of cases) for (const clients of CLIENTS) results.push({ c, clients, api: [], pgbench: [] });
  for (let rep = 0; rep < REPS; rep++) {
    for (const row of results) {
      // Which goes first alternates between repetitions.
      const api = () =>
        runApi(port, { pid: server!.pid!, logFile }, scratch, row.c, row.clients, n++).then(
          (s) => row.api.push(s),
          async (error: Error) => {
            // Which answers they were, from the server's access log.
            error.message += `; the server's answers not 2xx so far: ${JSON.stringify(await answersNot2xx(logFile))}`;
            throw error;
          },
        );
      const bench = () => runPgbench(apiUrl, scratch, row.c, row.clients, n++).then((s) => row.pgbench.push(s));
      if (rep % 2 === 0) {
        await api();
        await bench();
      } else {
        await bench();
        await api();
      }
    }
  }

  const requests = (await readFile(logFile, 'utf8')).split('\n').filter(Boolean).length;
  const ratios: Record<string, number> = {};
  console.log('');
  console.log('| case | clients | API req/s | pgbench tps | API / pgbench (median) | API p99 ms | pgbench p99 ms |');
  console.log('|---|---:|---:|---:|---:|---:|---:|');
  for (const row of results) {
    const ratio =
      median(row.api.flatMap((a, i) => (row.pgbench[i].rate > 0 ? [a.rate / row.pgbench[i].rate] : []))) ?? NaN;
    ratios[`${row.c.label} @${row.clients}`] = Number(ratio.toFixed(2));
    console.log(
      `| ${row.c.label} | ${row.clients} | ${median(row.api.map((s) => s.rate)).toFixed(0)} | ${median(row.pgbench.map((s) => s.rate)).toFixed(0)} | ${ratio.toFixed(2)} | ${median(row.api.map((s) => s.p99)).toFixed(0)} | ${median(row.pgbench.map((s) => s.p99)).toFixed(0)} |`,
    );
  }
  // The client side's CPU (the load generator, pgbench's client) as a share of one core, the server's
  // CPU per request, and how busy the whole machine was (other work on it included).
  const pct = (samples: Sample[], f: (s: Sample) => number) => (median(samples.map(f)) * 100).toFixed(0);
  console.log(
    `\n| case | clients | ${GENERATOR} CPU, % of a core | pgbench client CPU, % of a core | ${GENERATOR} CPU µs / request | server CPU ms / request | machine busy %, API / pgbench runs |`,
  );
  console.log('|---|---:|---:|---:|---:|---:|---:|');
  for (const row of results) {
    console.log(
      `| ${row.c.label} | ${row.clients} | ${pct(row.api, (s) => s.clientCpu / s.seconds)} | ${pct(row.pgbench, (s) => s.clientCpu / s.seconds)} | ` +
        `${median(row.api.map((s) => (s.clientCpu / s.requests) * 1e6)).toFixed(0)} | ${median(row.api.map((s) => (s.serverCpu / s.requests) * 1e3)).toFixed(2)} | ` +
        `${pct(row.api, (s) => s.busy)} / ${pct(row.pgbench, (s) => s.busy)} |`,
    );
  }
  console.log(`load average after the runs ${loadAverage()}`);

  // After a quiet spell: longer than pg's idle timeout (10 s), so that a pool keeping no connections
  // (DATABASE_POOL_MIN=0) has closed them; then 10 requests at once. The latency of the slowest, and
  // how many of the server's connections were open just before.
  const quiet = QUICK ? 2 : 5;
  const bursts: Array<{ open: number; slowest: number }> = [];
  for (let i = 0; i < quiet; i++) {
    await new Promise((resolve) => setTimeout(resolve, IDLE_MS));
    const { rows: open } = await admin.query<{ n: number }>(
      `select count(*)::int as n from pg_stat_activity where application_name = 'estate-api'`,
    );
    const c = cases[0];
    const times = await Promise.all(
      Array.from({ length: 10 }, async () => {
        const started = process.hrtime.bigint();
        const res = await fetch(`http://127.0.0.1:${port}${c.request().path}`, {
          headers: { authorization: `Bearer ${c.token}` },
        });
        await res.arrayBuffer();
        if (!res.ok) throw new Error(`after a quiet spell: ${res.status}`);
        return Number(process.hrtime.bigint() - started) / 1e6;
      }),
    );
    bursts.push({ open: open[0].n, slowest: Math.max(...times) });
  }
  console.log(
    `\nafter ${IDLE_MS / 1000} s without requests, 10 at once (${cases[0].label}), ${quiet} times: slowest answer ` +
      `${bursts.map((b) => b.slowest.toFixed(0)).join(' / ')} ms; the server's connections open before: ` +
      `${bursts.map((b) => b.open).join(' / ')} (DATABASE_POOL_MIN ${process.env.DATABASE_POOL_MIN ?? 'default'})`,
  );

  // Every answer a 2xx, from the server's side too (wrk counts only the answers of 400 or more).
  const notOk = await answersNot2xx(logFile);
  const count = Object.values(notOk).reduce((a, b) => a + b, 0);
  console.log(
    `\nserver log: ${requests} lines at ${process.env.BENCH_LOG_LEVEL ?? 'info'}, ${count} answers not 2xx ${JSON.stringify(notOk)}`,
  );
  if (count) {
    failed = true;
    console.log(`bench:http: ${count} answers were not 2xx`);
  }

  if (SAVE) {
    await writeFile(SAVE, JSON.stringify(ratios, null, 2) + '\n');
    console.log(`ratios written to ${SAVE}`);
  }
  if (CHECK) {
    const baseline = JSON.parse(await readFile(CHECK, 'utf8')) as Record<string, number>;
    for (const [key, base] of Object.entries(baseline)) {
      const now = ratios[key];
      if (now === undefined) continue;
      if (now < base / 2) {
        failed = true;
        console.log(`REGRESSION: ${key}: ratio ${now} is below half of the baseline's ${base}`);
      }
    }
    console.log(failed ? 'bench:http: gross regression' : `bench:http: no ratio below half of ${CHECK}'s`);
  }
} finally {
  if (server && server.exitCode === null) {
    const exited = new Promise((resolve) => server!.once('exit', resolve));
    server.kill('SIGTERM');
    await exited;
  }
  await admin.end().catch(() => undefined);
  await db.dispose();
  await cognito.stop();
  await rm(scratch, { recursive: true, force: true });
}
process.exit(failed ? 1 : 0);
