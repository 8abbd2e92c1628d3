// A migrated database that lives only as long as a command: on DATABASE_URL's server when set,
// else on an embedded PostgreSQL in a temporary folder.
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { startEmbeddedPostgres } from './embedded_postgres.ts';
import { migrate } from './migrate.ts';

export interface ThrowawayDatabase {
  /** Superuser URL of the throwaway database. */
  url: string;
  dispose(): Promise<void>;
}

export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

/** Creates (and later drops) a migrated database named `<prefix>_<random>`. */
export async function createThrowawayDatabase(
  prefix: string,
  serverUrl = process.env.DATABASE_URL,
): Promise<ThrowawayDatabase> {
  let stopServer = async () => {};
  let adminUrl = serverUrl;
  if (!adminUrl) {
    const dir = await mkdtemp(path.join(os.tmpdir(), `${prefix}-pg-`));
    const server = await startEmbeddedPostgres({
      dataDir: path.join(dir, 'data'),
      superuserPassword: 'throwaway',
      persistent: false,
    });
    adminUrl = server.adminUrl;
    stopServer = async () => {
      await server.stop();
      await rm(dir, { recursive: true, force: true });
    };
  }
  const database = `${prefix}_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`create database ${database}`);
  } finally {
    await admin.end();
  }
  const url = withDatabase(adminUrl, database);
  await migrate({ adminUrl: url });
  return {
    url,
    async dispose() {
      const client = new pg.Client({ connectionString: adminUrl });
      await client.connect();
      try {
        await client.query(`drop database if exists ${database} with (force)`);
      } finally {
        await client.end();
      }
      await stopServer();
    },
  };
}
