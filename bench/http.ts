// `npm run bench:http`: the API against the database's own limit, side by side in one run. The
// production server (node server/main.ts, logging at info to a file) on a throwaway embedded
// PostgreSQL with cognito-local for real tokens; autocannon drives GET /v1/personas/{id}/net-worth
// (personas with 14 and 1,000 assets) and POST /v1/assets/{id}/valuations (a random one of 1,000
// assets), and pgbench runs the identical transaction as estate_api (BEGIN, the context statement,
// the procedure call, COMMIT; prepared). The two alternate, 3 repetitions of each case at 10 and
// 50 clients; the table gives the medians and the ratio API / pgbench (median of the repetitions).
//
//   --quick                one repetition of 5 s per case (CI)
//   --check FILE           exit 1 when a ratio is below half of FILE's (a gross regression only)
//   --save-baseline FILE   write this run's ratios to FILE
//   BENCH_SECONDS, BENCH_REPS, DATABASE_POOL_SIZE: override the durations, repetitions, pool size.
import { spawn, execFile } from 'node:child_process';
import { existsSync, openSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import autocannon from 'autocannon';
import pg from 'pg';
import { registerAppClient, registerIdentityProvider } from '../generated/tenancy.queries.ts';
import { loginRoleUrl, OPERATOR_ROLE } from '../server/config.ts';
import { generateFieldKeys } from '../server/field_cipher.ts';
import { asSupport } from '../server/plugins/db.ts';
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
import { percentile } from './lib/harness.ts';

const argv = process.argv.slice(2);
const QUICK = argv.includes('--quick');
const option = (name: string) => (argv.includes(name) ? argv[argv.indexOf(name) + 1] : undefined);
const CHECK = option('--check');
const SAVE = option('--save-baseline');
const SECONDS = Number(process.env.BENCH_SECONDS ?? (QUICK ? 5 : 10));
const REPS = Number(process.env.BENCH_REPS ?? (QUICK ? 1 : 3));
const CLIENTS = [10, 50];
const WRITE_ASSETS = 1_000;
const PASSWORD = 'Bench-Passw0rd!';

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
  token: string;
  /** pgbench's script: the same transaction. */
  script: string;
}

interface Sample {
  rate: number;
  p99: number;
}

async function runApi(port: number, c: Case, clients: number): Promise<Sample> {
  const result = await autocannon({
    url: `http://127.0.0.1:${port}`,
    connections: clients,
    duration: SECONDS,
    headers: { authorization: `Bearer ${c.token}`, 'content-type': 'application/json' },
    requests: [{ setupRequest: (request) => ({ ...request, ...c.request() }) }],
  });
  if (result.non2xx || result.errors || result.timeouts) {
    throw new Error(
      `${c.label}: ${result.non2xx} non-2xx answers, ${result.errors} errors, ${result.timeouts} timeouts`,
    );
  }
  return { rate: result.requests.total / result.duration, p99: result.latency.p99 };
}

async function runPgbench(url: string, scratch: string, c: Case, clients: number, n: number): Promise<Sample> {
  const dir = path.join(scratch, `pgbench-${n}`);
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir);
  const script = path.join(dir, 'script.sql');
  await writeFile(script, c.script);
  const u = new URL(url);
  const { stdout } = await promisify(execFile)(
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
  return { rate: Number(tps[1]), p99: latencies.length ? percentile(latencies, 99) : NaN };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor((values.length - 1) / 2)];

const scratch = await mkdtemp(path.join(os.tmpdir(), 'estate-bench-http-'));
const db = await createThrowawayDatabase('estate_bench_http');
const cognito = await startCognitoLocal({ dataDir: path.join(scratch, 'cognito') });
const admin = new pg.Client({ connectionString: db.url });
let server: ReturnType<typeof spawn> | undefined;
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
  await asSupport(support, 'bench', async (c) => {
    const [provider] = await registerIdentityProvider.run(
      {
        tenantId: tenant.tenantId,
        kind: 'development',
        userPoolId: pool.userPoolId,
        issuer: pool.issuer,
        region: null,
      },
      c,
    );
    await registerAppClient.run(
      { tenantId: tenant.tenantId, providerId: provider.providerId, clientId, name: 'app' },
      c,
    );
  });
  await support.end();
  await admin.query('analyze');
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
    LOG_LEVEL: 'info',
    DATABASE_API_URL: apiUrl,
    IDENTITY_PROVIDER: 'cognito-local',
    FIELD_ENCRYPTION_KEYS: generateFieldKeys('bench'),
    NODE_ENV: 'production',
    // One user at thousands of requests a second is what a benchmark is and what production's
    // rate limits refuse (429), and a loaded machine must not shed it (503): both off here.
    RATE_LIMIT_PER_TENANT: '0',
    RATE_LIMIT_PER_USER: '0',
    MAX_EVENT_LOOP_DELAY_MS: '0',
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
    script: [
      'BEGIN;',
      contextStatement(tenant.tenantId, persona.userSub),
      netWorthCall(persona.personaId),
      'COMMIT;',
    ].join('\n'),
  });
  const writeCase: Case = {
    label: `POST valuations, 1 of ${WRITE_ASSETS.toLocaleString('en-US')} assets`,
    token: tokens[1],
    request: () => ({
      method: 'POST',
      path: `/v1/assets/${predictableAssetId(1, 1 + Math.floor(Math.random() * WRITE_ASSETS))}/valuations`,
      body: JSON.stringify({ amount: '1234.56', valuedOn: today, source: 'manual' }),
    }),
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
      `API and pgbench (-M prepared -j 1) alternating; server pool ${process.env.DATABASE_POOL_SIZE ?? 'default'}`,
  );
  let n = 0;
  const results: Array<{ c: Case; clients: number; api: Sample[]; pgbench: Sample[] }> = [];
  for (const c of cases) for (const clients of CLIENTS) results.push({ c, clients, api: [], pgbench: [] });
  for (let rep = 0; rep < REPS; rep++) {
    for (const row of results) {
      // Which goes first alternates between repetitions.
      const api = () => runApi(port, row.c, row.clients).then((s) => row.api.push(s));
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
  console.log(`\nserver log: ${requests} lines at info`);

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
