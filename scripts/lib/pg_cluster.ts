// PostgreSQL clusters made from a directory of server binaries (Debian's /usr/lib/postgresql/15/bin,
// or PG15_BIN): initdb, start and stop on a free port, and a streaming replica by pg_basebackup -R.
// As root, the binaries run as `postgres` (PostgreSQL refuses root). test/replica.test.ts uses it.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { appendFile, chown, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { freePort } from './embedded_postgres.ts';

export const PG_BIN = process.env.PG15_BIN ?? '/usr/lib/postgresql/15/bin';
const pgUser = process.getuid?.() === 0 ? 'postgres' : undefined;

/** The binaries missing from binDir (empty: all there). */
export function missingBinaries(binDir = PG_BIN, names = ['initdb', 'pg_ctl', 'postgres', 'pg_basebackup']) {
  return names.filter((name) => !existsSync(path.join(binDir, name)));
}

/** Runs a binary (as `postgres` when root) to its end; throws with its output when it fails. */
function run(binary: string, args: string[], env: NodeJS.ProcessEnv = process.env) {
  const command = path.join(PG_BIN, binary);
  const argv = pgUser ? ['runuser', '-u', pgUser, '--', command, ...args] : [command, ...args];
  const result = spawnSync(argv[0], argv.slice(1), { env, encoding: 'utf8' });
  if (result.status !== 0) {
    throw new Error(
      `${binary} ${args.join(' ')} failed (exit ${result.status ?? result.signal}):\n${result.stdout}${result.stderr}`,
    );
  }
  return result.stdout;
}

/** Gives a folder (or file) to the cluster's user when running as root. */
export async function ownForPostgres(entry: string) {
  if (!pgUser) return;
  const id = (flag: string) => Number(spawnSync('id', [flag, pgUser], { encoding: 'utf8' }).stdout.trim());
  await chown(entry, id('-u'), id('-g'));
}

export interface Cluster {
  dataDir: string;
  port: number;
  /** Superuser URL of the `postgres` database. */
  adminUrl: string;
  start(): Promise<void>;
  stop(mode?: 'fast' | 'immediate'): Promise<void>;
}

function cluster(work: string, dataDir: string, port: number, password: string): Cluster {
  const logFile = `${dataDir}.log`;
  let running = false;
  return {
    dataDir,
    port,
    adminUrl: `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/postgres`,
    async start() {
      try {
        run('pg_ctl', ['-D', dataDir, '-l', logFile, '-o', `-p ${port}`, '-w', '-t', '60', 'start']);
      } catch (error) {
        const log = await readFile(logFile, 'utf8').catch(() => '(no log)');
        throw new Error(`${(error as Error).message}\n${log.split('\n').slice(-20).join('\n')}`, { cause: error });
      }
      running = true;
    },
    async stop(mode = 'fast') {
      if (!running) return;
      running = false;
      run('pg_ctl', ['-D', dataDir, '-m', mode, '-w', 'stop']);
    },
  };
}

/** A new cluster in work/name (work must belong to the cluster's user), set up as a primary that
 *  streams to replicas, started on a free loopback port. */
export async function startPrimary(work: string, name: string, password: string): Promise<Cluster> {
  const dataDir = path.join(work, name);
  const pwfile = path.join(work, `${name}.pw`);
  await writeFile(pwfile, `${password}\n`, { mode: 0o600 });
  await ownForPostgres(pwfile);
  run('initdb', [
    '-D',
    dataDir,
    '-U',
    'postgres',
    '--pwfile',
    pwfile,
    '--auth-local=trust',
    '--auth-host=scram-sha-256',
    '-E',
    'UTF8',
    '--locale=C.UTF-8',
  ]);
  // initdb's pg_hba.conf lets `host replication all 127.0.0.1/32` in with a password.
  await appendFile(
    path.join(dataDir, 'postgresql.conf'),
    [
      '',
      "listen_addresses = '127.0.0.1'",
      `unix_socket_directories = '${work}'`,
      'wal_level = replica',
      'max_wal_senders = 5',
      'max_connections = 60',
      'fsync = off',
      '',
    ].join('\n'),
  );
  const primary = cluster(work, dataDir, await freePort(), password);
  await primary.start();
  return primary;
}

/** A hot standby of `primary` in work/name: `pg_basebackup -R -X stream` (standby.signal and
 *  primary_conninfo written by it), started on a free port. */
export async function startReplica(work: string, name: string, primary: Cluster, password: string): Promise<Cluster> {
  const dataDir = path.join(work, name);
  run(
    'pg_basebackup',
    [
      '-h',
      '127.0.0.1',
      '-p',
      String(primary.port),
      '-U',
      'postgres',
      '-D',
      dataDir,
      '-R',
      '-X',
      'stream',
      '-c',
      'fast',
    ],
    { ...process.env, PGPASSWORD: password },
  );
  const replica = cluster(work, dataDir, await freePort(), password);
  await replica.start();
  return replica;
}
