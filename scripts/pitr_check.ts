// `npm run pitr:check` (one of .ci/run's checks): point-in-time recovery with pgBackRest, end to
// end, through `npm run backup` and `npm run restore`. On a PostgreSQL 15 cluster made here from
// Debian's binaries (initdb in a temporary folder, its own port, WAL archived by pgbackrest
// archive-push to a local repository) it migrates, writes through the API (real cognito-local
// tokens), takes a full backup, writes more, notes the moment and the API's answers, writes more
// again, restores that moment into a NEW cluster and expects the API on it to give byte-identical
// answers and none of the later writes. As root, PostgreSQL and pgbackrest run as `postgres`.
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { chmod, chown, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { buildApp } from '../server/app.ts';
import { API_ROLE, loginRoleUrl, OPERATOR_ROLE } from '../server/config.ts';
import { createFieldCipher, generateFieldKeys } from '../server/field_cipher.ts';
import { asSupport } from '../server/plugins/db.ts';
import { createTenant, registerAppClient, registerIdentityProvider } from '../generated/tenancy.queries.ts';
import { ensureAppClient, ensureUser, ensureUserPool, signIn, startCognitoLocal } from './lib/cognito_local.ts';
import { freePort } from './lib/embedded_postgres.ts';
import { migrate, projectRoot } from './lib/migrate.ts';
import { archiveCommand, backrestConfig, DEFAULT_STANZA } from './lib/pgbackrest.ts';
import { withDatabase } from './lib/throwaway_database.ts';

const PG_BIN = process.env.PG15_BIN ?? '/usr/lib/postgresql/15/bin';
const STANZA = DEFAULT_STANZA;

const started = Date.now();
const say = (message: string) =>
  process.stderr.write(`[pitr:check ${((Date.now() - started) / 1000).toFixed(1)}s] ${message}\n`);
const cleanups: Array<() => Promise<void>> = [];

/** As root, PostgreSQL and pgbackrest run as `postgres` (PostgreSQL refuses root); else as the current user. */
const pgUser = process.getuid?.() === 0 ? 'postgres' : undefined;

function osUser(name: string): { uid: number; gid: number } {
  const id = (flag: string) => {
    const result = spawnSync('id', [flag, name], { encoding: 'utf8' });
    if (result.status !== 0) throw new Error(`running as root needs the user ${name} (PostgreSQL refuses root)`);
    return Number(result.stdout.trim());
  };
  return { uid: id('-u'), gid: id('-g') };
}

/** Runs a command (as the cluster's user when root) to its end; throws with its output when it fails. */
function run(command: string, args: string[], options: { cwd: string; env?: NodeJS.ProcessEnv; asPg?: boolean }) {
  const argv = options.asPg && pgUser ? ['runuser', '-u', pgUser, '--', command, ...args] : [command, ...args];
  const result = spawnSync(argv[0], argv.slice(1), {
    cwd: options.cwd,
    env: options.env ?? process.env,
    encoding: 'utf8',
  });
  if (result.status !== 0) {
    throw new Error(
      `${command} ${args.join(' ')} failed (exit ${result.status ?? result.signal ?? result.error?.message}):\n${result.stdout}${result.stderr}`,
    );
  }
  return result.stdout;
}

/** `npm run backup` / `npm run restore` themselves, as an operator runs them (under tsx, from this checkout). */
async function npmScript(script: string, args: string[], env: NodeJS.ProcessEnv) {
  const file = path.join('scripts', `${script.replace(':', '_')}.ts`);
  const child = spawn(process.execPath, ['--import', 'tsx', file, ...args], {
    cwd: projectRoot,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk));
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  if (code !== 0) throw new Error(`npm run ${script} -- ${args.join(' ')} failed (exit ${code}):\n${output}`);
  return output;
}

interface Cluster {
  dataDir: string;
  port: number;
  adminUrl: string;
  stop(mode?: 'fast' | 'immediate'): Promise<void>;
}

async function startCluster(
  work: string,
  dataDir: string,
  superuserPassword: string,
  extra: string[] = [],
): Promise<Cluster> {
  const port = await freePort();
  const logFile = path.join(work, `${path.basename(dataDir)}.log`);
  // Command-line settings win over postgresql.conf and the restored postgresql.auto.conf.
  const options = [`-p ${port}`, ...extra].join(' ');
  try {
    run(path.join(PG_BIN, 'pg_ctl'), ['-D', dataDir, '-l', logFile, '-o', options, '-w', '-t', '60', 'start'], {
      cwd: work,
      asPg: true,
    });
  } catch (error) {
    const log = await readFile(logFile, 'utf8').catch(() => '(no log)');
    throw new Error(`${(error as Error).message}\n--- ${logFile} ---\n${log.split('\n').slice(-30).join('\n')}`, {
      cause: error,
    });
  }
  let stopped = false;
  const stop = async (mode: 'fast' | 'immediate' = 'fast') => {
    if (stopped) return;
    stopped = true;
    run(path.join(PG_BIN, 'pg_ctl'), ['-D', dataDir, '-m', mode, '-w', 'stop'], { cwd: work, asPg: true });
  };
  cleanups.push(() => stop('immediate'));
  return {
    dataDir,
    port,
    adminUrl: `postgres://postgres:${encodeURIComponent(superuserPassword)}@127.0.0.1:${port}/estate`,
    stop,
  };
}

type App = Awaited<ReturnType<typeof buildApp>>;

async function call(app: App, token: string, method: 'GET' | 'POST', url: string, payload?: object) {
  const res = await app.inject({ method, url, headers: { authorization: `Bearer ${token}` }, payload });
  const expected = method === 'POST' ? [200, 201] : [200];
  if (!expected.includes(res.statusCode)) throw new Error(`${method} ${url} answered ${res.statusCode}: ${res.body}`);
  return res;
}

async function check(): Promise<void> {
  for (const binary of ['initdb', 'pg_ctl', 'postgres']) {
    if (!existsSync(path.join(PG_BIN, binary))) throw new Error(`${path.join(PG_BIN, binary)} is missing (PG15_BIN)`);
  }
  if (spawnSync('pgbackrest', ['version']).status !== 0) {
    throw new Error('pgbackrest is not installed (Debian: apt-get install pgbackrest; .ci/run installs it)');
  }

  // The work folder: clusters, the repository, logs, locks, sockets, owned by the cluster's user.
  const work = await mkdtemp(path.join(os.tmpdir(), 'estate-pitr-'));
  // PITR_KEEP=1 leaves the folder (clusters stopped) to look into after a failure.
  cleanups.push(async () => {
    if (process.env.PITR_KEEP) say(`kept ${work}`);
    else await rm(work, { recursive: true, force: true });
  });
  const dirs = {
    primary: path.join(work, 'primary'),
    restored: path.join(work, 'restored'),
    repo: path.join(work, 'repo'),
    log: path.join(work, 'log'),
    lock: path.join(work, 'lock'),
    socket: path.join(work, 'socket'),
  };
  for (const dir of Object.values(dirs)) await mkdir(dir, { mode: 0o700 });
  const config = path.join(work, 'pgbackrest.conf');
  const superuserPassword = randomBytes(12).toString('base64url');
  await writeFile(path.join(work, 'pwfile'), `${superuserPassword}\n`, { mode: 0o600 });
  if (pgUser) {
    const { uid, gid } = osUser(pgUser);
    for (const entry of [work, ...Object.values(dirs), path.join(work, 'pwfile')]) await chown(entry, uid, gid);
  }
  await chmod(work, 0o700);

  say(`initdb ${dirs.primary}${pgUser ? ` (as ${pgUser})` : ''}`);
  run(
    path.join(PG_BIN, 'initdb'),
    [
      '-D',
      dirs.primary,
      '-U',
      'postgres',
      '--pwfile',
      path.join(work, 'pwfile'),
      '--auth-local=trust',
      '--auth-host=scram-sha-256',
      '-E',
      'UTF8',
      '--locale=C.UTF-8',
    ],
    { cwd: work, asPg: true },
  );
  // The cluster's settings for archiving, as docs/backup_and_recovery.md has them.
  const settings = [
    "listen_addresses = '127.0.0.1'",
    `unix_socket_directories = '${dirs.socket}'`,
    'wal_level = replica',
    'archive_mode = on',
    `archive_command = '${archiveCommand(STANZA, config)}'`,
    'max_wal_senders = 3',
    'fsync = off',
  ];
  await appendAs(path.join(dirs.primary, 'postgresql.conf'), `\n# estate-vault pitr:check\n${settings.join('\n')}\n`);
  const primary = await startCluster(work, dirs.primary, superuserPassword);
  say(`primary PostgreSQL 15 on 127.0.0.1:${primary.port}`);

  // The repository's configuration, written by `npm run backup -- config` as documented.
  await writeFile(
    config,
    backrestConfig({
      stanza: STANZA,
      pgPath: dirs.primary,
      pgPort: primary.port,
      pgSocketPath: dirs.socket,
      repoPath: dirs.repo,
      logPath: dirs.log,
      lockPath: dirs.lock,
    }),
    { mode: 0o644 },
  );
  const backupEnv: NodeJS.ProcessEnv = {
    ...process.env,
    PGBACKREST_CONFIG: config,
    PGBACKREST_STANZA: STANZA,
    ...(pgUser ? { BACKUP_RUN_AS: pgUser } : {}),
  };
  await npmScript('backup', ['stanza-create'], backupEnv);
  await npmScript('backup', ['check'], backupEnv);
  say('stanza created, WAL archiving checked');

  const server = new pg.Client({ connectionString: withDatabase(primary.adminUrl, 'postgres') });
  await server.connect();
  await server.query('create database estate');
  await server.end();
  const apiPassword = randomBytes(12).toString('base64url');
  const operatorPassword = randomBytes(12).toString('base64url');
  const migrated = await migrate({
    adminUrl: primary.adminUrl,
    rolePasswords: { api: apiPassword, operator: operatorPassword },
  });
  say(
    `migrated: ${migrated.appliedMigrations.length} migrations, ${migrated.appliedProcedureFiles.length} procedure files`,
  );

  // A tenant whose users sign in at cognito-local, registered as operators do.
  const cognito = await startCognitoLocal({ dataDir: path.join(work, 'cognito') });
  cleanups.push(() => cognito.stop());
  const support = new pg.Pool({
    connectionString: loginRoleUrl(primary.adminUrl, OPERATOR_ROLE, operatorPassword),
    max: 1,
  });
  const makeTenant = async (slug: string) => {
    const pool = await ensureUserPool(cognito.endpoint, `${slug}-users`);
    const { clientId } = await ensureAppClient(cognito.endpoint, pool.userPoolId, `${slug}-app`);
    await asSupport(support, 'pitr-check', async (db) => {
      const [tenant] = await createTenant.run({ slug, name: `${slug} partner`, branding: {}, settings: {} }, db);
      const [provider] = await registerIdentityProvider.run(
        {
          tenantId: tenant.tenantId,
          kind: 'development',
          userPoolId: pool.userPoolId,
          issuer: pool.issuer,
          region: null,
        },
        db,
      );
      await registerAppClient.run(
        { tenantId: tenant.tenantId, providerId: provider.providerId, clientId, name: 'app' },
        db,
      );
    });
    return { slug, userPoolId: pool.userPoolId, clientId };
  };
  const suffix = randomBytes(3).toString('hex');
  const home = await makeTenant(`pitr-${suffix}`);
  // Another tenant in the same database: the one-tenant dump must leave it out.
  const other = await makeTenant(`other-${suffix}`);
  await support.end();

  const fieldEncryptionKeys = generateFieldKeys('pitr');
  const startApi = async (adminUrl: string) => {
    const app = await buildApp({
      databaseApiUrl: loginRoleUrl(adminUrl, API_ROLE, apiPassword),
      allowDevelopmentIssuers: true,
      poolSize: 4,
      authReloadIntervalMs: 0,
      fieldEncryptionKeys,
    });
    await app.ready();
    let closed = false;
    const close = app.close.bind(app);
    cleanups.push(async () => {
      if (!closed) await close();
    });
    return Object.assign(app, {
      stop: async () => {
        closed = true;
        await close();
      },
    });
  };
  const signUp = async (app: App, firstName: string, tenant = home) => {
    const email = `${firstName.toLowerCase()}-${randomBytes(3).toString('hex')}@example.com`;
    const password = `Pw-${randomBytes(6).toString('hex')}!`;
    await ensureUser(cognito.endpoint, tenant.userPoolId, email, password);
    const tokens = await signIn({
      endpoint: cognito.endpoint,
      userPoolId: tenant.userPoolId,
      clientId: tenant.clientId,
      username: email,
      password,
    });
    const res = await call(app, tokens.accessToken, 'POST', '/v1/registrations', {
      idToken: tokens.idToken,
      firstName,
      lastName: 'Recovery',
    });
    return { token: tokens.accessToken, personaId: res.json().personaId as string };
  };
  const newAsset = async (app: App, token: string, owner: string, name: string, value: string, identifier: string) =>
    (
      await call(app, token, 'POST', '/v1/assets', {
        assetType: 'bank_account',
        categoryCode: 'checking',
        name,
        currency: 'USD',
        ownerPersonaId: owner,
        initialValue: value,
        valuedOn: '2026-01-31',
        identifier,
        details: { institutionName: 'Harbor Bank', accountKind: 'checking' },
      })
    ).json().assetId as string;

  let app = await startApi(primary.adminUrl);
  say('API on the primary');

  // Before the backup: two users, a circle, a dependent persona, assets with encrypted identifiers.
  const ann = await signUp(app, 'Ann');
  const ben = await signUp(app, 'Ben');
  const ffcId = (await call(app, ann.token, 'POST', '/v1/ffcs', { name: 'Recovery family' })).json().ffcId as string;
  const kid = (await call(app, ann.token, 'POST', '/v1/personas', { firstName: 'Kit', lastName: 'Recovery' })).json()
    .personaId as string;
  const checking = await newAsset(app, ann.token, ann.personaId, 'Everyday checking', '12345.67', '0012-3456-7890');
  await newAsset(app, ben.token, ben.personaId, 'Ben savings', '500.10', 'SAV-0099');
  const oli = await signUp(app, 'Oli', other);
  await newAsset(app, oli.token, oli.personaId, 'Other tenant checking', '42.00', 'OTH-1234');
  say('written before the backup: 2 tenants, 3 users, 1 circle, 1 persona, 3 assets');

  say('npm run backup -- --type full');
  await npmScript('backup', ['--type', 'full'], backupEnv);
  // pgBackRest picks the backup for a time target by its stop time in whole seconds, strictly
  // before the target: a moment in the backup's last second would find none.
  await new Promise((resolve) => setTimeout(resolve, 1_100));

  // After the backup: only the WAL archive holds these.
  const savings = await newAsset(app, ann.token, ann.personaId, 'Rainy-day savings', '2500.00', 'SAV-4455-6677');
  await call(app, ann.token, 'POST', `/v1/assets/${checking}/valuations`, {
    amount: '13000.00',
    valuedOn: '2026-02-28',
  });
  await call(app, ann.token, 'POST', '/v1/personas', { firstName: 'Lou', lastName: 'Recovery' });
  say('written after the backup: 1 asset, 1 valuation, 1 persona');

  // The moment to restore: every write above committed before it; the answers the API gives then.
  const reads: Array<[string, string]> = [
    [ann.token, '/v1/me'],
    [ann.token, '/v1/personas'],
    [ann.token, `/v1/personas/${kid}`],
    [ann.token, '/v1/assets?limit=50'],
    [ann.token, `/v1/assets/${checking}`],
    [ann.token, `/v1/assets/${savings}`],
    [ann.token, `/v1/assets/${checking}/valuations?limit=10`],
    [ann.token, `/v1/personas/${ann.personaId}/net-worth?asOf=2026-03-01&currency=USD`],
    [ann.token, `/v1/ffcs/${ffcId}`],
    [ann.token, '/v1/ffcs'],
    [ann.token, '/v1/usage'],
    [ben.token, '/v1/me'],
    [ben.token, '/v1/assets?limit=50'],
    [oli.token, '/v1/me'],
    [oli.token, '/v1/assets?limit=50'],
  ];
  const snapshot = async (on: App, include: (token: string) => boolean = () => true) => {
    const bodies: string[] = [];
    for (const [token, url] of reads) bodies.push(include(token) ? (await call(on, token, 'GET', url)).body : '');
    return bodies;
  };
  const before = await snapshot(app);
  const clock = new pg.Client({ connectionString: primary.adminUrl });
  await clock.connect();
  const moment = (
    await clock.query<{ at: string }>(
      `select to_char(clock_timestamp() at time zone 'UTC', 'YYYY-MM-DD HH24:MI:SS.US') || '+00' as at`,
    )
  ).rows[0].at;
  const again = await snapshot(app);
  if (again.join('\n') !== before.join('\n')) throw new Error('the API answers changed without writes: not comparable');
  say(`the moment: ${moment} (${reads.length} answers noted)`);
  await new Promise((resolve) => setTimeout(resolve, 200));

  // After the moment: none of this may be in the restored cluster.
  const late = await newAsset(app, ann.token, ann.personaId, 'Too late', '1.00', 'LATE-0001');
  await call(app, ann.token, 'POST', `/v1/assets/${checking}/valuations`, {
    amount: '99999.99',
    valuedOn: '2026-03-31',
  });
  const after = await snapshot(app);
  if (after.join('\n') === before.join('\n'))
    throw new Error('the writes after the moment changed no answer: the check would prove nothing');
  // The WAL holding them reaches the archive (pgbackrest check switches the segment and waits for it).
  await clock.query('select pg_switch_wal()');
  await clock.end();
  await npmScript('backup', ['check'], backupEnv);
  await app.stop();
  await primary.stop('immediate');
  say('written after the moment: 1 asset, 1 valuation; WAL archived; primary stopped (immediate)');

  say(`npm run restore -- --to "${moment}" --pg-path ${dirs.restored}`);
  await npmScript('restore', ['--to', moment, '--pg-path', dirs.restored], backupEnv);
  const restored = await startCluster(work, dirs.restored, superuserPassword, ['-c archive_mode=off']);
  const admin = new pg.Client({ connectionString: restored.adminUrl });
  await admin.connect();
  const deadline = Date.now() + 60_000;
  while ((await admin.query<{ r: boolean }>('select pg_is_in_recovery() as r')).rows[0].r) {
    if (Date.now() > deadline) throw new Error('the restored cluster was still recovering after 60 s');
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  const lateRows = (await admin.query('select count(*)::int as n from app.assets where id = $1', [late])).rows[0].n;
  say(`restored cluster on 127.0.0.1:${restored.port}: recovered to the moment and promoted`);
  // The account number comes back only with the deployment's FIELD_ENCRYPTION_KEYS.
  const sealed = (
    await admin.query<{ c: Buffer }>('select identifier_ciphertext as c from app.assets where id = $1', [checking])
  ).rows[0].c;
  await admin.end();
  if (createFieldCipher(fieldEncryptionKeys).decrypt(sealed) !== '0012-3456-7890') {
    throw new Error('the restored account number does not decrypt to the one written');
  }
  let readableWithoutKeys = true;
  try {
    createFieldCipher(generateFieldKeys('pitr')).decrypt(sealed);
  } catch {
    readableWithoutKeys = false;
  }
  if (readableWithoutKeys) throw new Error('the restored account number decrypted with another key');
  say('restored account number: decrypts with the kept FIELD_ENCRYPTION_KEYS, not with another key of the same id');

  app = await startApi(restored.adminUrl);
  const restoredAnswers = await snapshot(app);
  const differing = reads.filter((_, i) => restoredAnswers[i] !== before[i]).map(([, url]) => url);
  if (differing.length) {
    const i = reads.findIndex(([, url]) => url === differing[0]);
    throw new Error(
      `${differing.length} answer(s) differ after the restore: ${differing.join(', ')}\nat the moment: ${before[i]}\nrestored:      ${restoredAnswers[i]}`,
    );
  }
  const bytes = before.reduce((sum, body) => sum + Buffer.byteLength(body), 0);
  say(`${reads.length} answers byte-identical to the moment's (${bytes} bytes)`);
  const gone = await app.inject({
    method: 'GET',
    url: `/v1/assets/${late}`,
    headers: { authorization: `Bearer ${ann.token}` },
  });
  if (gone.statusCode !== 404 || lateRows !== 0) {
    throw new Error(`the asset written after the moment is there (GET ${gone.statusCode}, ${lateRows} row)`);
  }
  say('the writes after the moment are absent (asset 404, valuation history as at the moment)');
  await app.stop();

  // One tenant alone: dumped from the restored cluster, loaded into a new database, the same answers.
  const dump = path.join(work, 'tenant.dump');
  const exported = await npmScript('tenant:export', ['--tenant', home.slug, '--out', dump], {
    ...process.env,
    DATABASE_URL: restored.adminUrl,
  });
  const single = withDatabase(restored.adminUrl, 'estate_tenant');
  const serverOfRestored = new pg.Client({ connectionString: withDatabase(restored.adminUrl, 'postgres') });
  await serverOfRestored.connect();
  await serverOfRestored.query('create database estate_tenant');
  await serverOfRestored.end();
  await migrate({ adminUrl: single });
  const imported = await npmScript('tenant:import', ['--in', dump], { ...process.env, DATABASE_URL: single });
  say(`${exported.trim().split('\n').at(-1)}; ${imported.trim().split('\n').at(-1)}`);
  const loaded = new pg.Client({ connectionString: single });
  await loaded.connect();
  const tenantsThere = (await loaded.query<{ slug: string }>('select slug from app.tenants')).rows.map((r) => r.slug);
  const strays = (
    await loaded.query<{ n: number }>(
      `select (select count(*) from app.assets where tenant_id <> all(select tenant_id from app.tenants))
            + (select count(*) from app.users where tenant_id <> all(select tenant_id from app.tenants))::int as n`,
    )
  ).rows[0].n;
  await loaded.end();
  if (tenantsThere.join() !== home.slug || Number(strays) !== 0) {
    throw new Error(`the one-tenant import holds tenants ${tenantsThere.join(', ')} and ${strays} stray rows`);
  }
  const twice = await npmScript('tenant:import', ['--in', dump], { ...process.env, DATABASE_URL: single }).then(
    () => 'accepted',
    (error: Error) => error.message,
  );
  if (!twice.includes('already in this database')) throw new Error(`importing the tenant twice: ${twice}`);
  say(`only ${home.slug} in the new database (not ${other.slug}); a second import refused`);
  app = await startApi(single);
  const tenantAnswers = await snapshot(app, (token) => token !== oli.token);
  const homeReads = reads.map(([token]) => token !== oli.token);
  const differ = reads.filter((_, i) => homeReads[i] && tenantAnswers[i] !== before[i]).map(([, url]) => url);
  if (differ.length) {
    const i = reads.findIndex(([, url]) => url === differ[0]);
    throw new Error(
      `${differ.length} answer(s) differ after the tenant's import: ${differ.join(', ')}\nat the moment: ${before[i]}\nimported:      ${tenantAnswers[i]}`,
    );
  }
  const otherMe = await app.inject({ method: 'GET', url: '/v1/me', headers: { authorization: `Bearer ${oli.token}` } });
  if (otherMe.statusCode === 200) throw new Error("the other tenant's user is known in the one-tenant database");
  say(
    `the tenant alone, imported into a new database: its ${homeReads.filter(Boolean).length} answers byte-identical, the other tenant's user refused (${otherMe.statusCode})`,
  );
  await app.stop();
  await restored.stop('fast');
}

/** Appends to a file the cluster's user owns (root writes it and gives it back). */
async function appendAs(file: string, text: string) {
  await writeFile(file, (await readFile(file, 'utf8')) + text);
  if (pgUser) {
    const { uid, gid } = osUser(pgUser);
    await chown(file, uid, gid);
  }
}

let code = 1;
try {
  await check();
  code = 0;
} catch (error) {
  say(`FAILED: ${(error as Error).message}`);
} finally {
  for (const cleanup of cleanups.reverse()) await cleanup().catch((error) => say(`cleanup failed: ${error}`));
}
say(code === 0 ? 'ok' : 'failed');
process.exit(code);
