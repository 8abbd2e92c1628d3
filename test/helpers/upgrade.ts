// Upgrade tests: a database of its own migrated up to, not including, one migration, with no
// procedure files (today's need the later migrations), so that old data can be written directly
// by the superuser before the migration under test is applied.
import { cp, mkdir, mkdtemp, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { Test } from 'tap';
import { migrate, projectRoot } from '../../scripts/lib/migrate.ts';
import { withDatabase } from '../../scripts/lib/throwaway_database.ts';

export async function databaseBefore(t: Test, migration: string, label: string) {
  const server = process.env.TEST_SERVER_URL!;
  const name = `${process.env.TEST_DATABASE_PREFIX}_${label}_upgrade`;
  const bootstrap = new pg.Client({ connectionString: server });
  await bootstrap.connect();
  await bootstrap.query(`create database ${name}`);
  const rootDir = await mkdtemp(path.join(os.tmpdir(), `migrate-${label}-`));
  const adminUrl = withDatabase(server, name);
  const admin = new pg.Client({ connectionString: adminUrl });
  t.teardown(async () => {
    await admin.end().catch(() => {});
    await bootstrap.query(`drop database if exists ${name} with (force)`);
    await bootstrap.end();
    await rm(rootDir, { recursive: true, force: true });
  });
  const migrations = path.join(rootDir, 'db', 'migrations');
  await cp(path.join(projectRoot, 'db'), path.join(rootDir, 'db'), { recursive: true });
  await mkdir(path.join(rootDir, 'procedures'));
  const later = (await readdir(migrations)).filter((file) => file >= migration);
  for (const file of later) await rm(path.join(migrations, file));
  await migrate({ adminUrl, rootDir, rolePasswords: { api: process.env.TEST_API_PASSWORD } });
  await admin.connect();
  return {
    admin,
    adminUrl,
    /** Applies the migration under test alone. */
    applyMigration: async () => {
      await cp(path.join(projectRoot, 'db', 'migrations', migration), path.join(migrations, migration));
      return migrate({ adminUrl, rootDir });
    },
    /** Applies every later migration and all procedure files: the database as today's code has it. */
    applyEverything: async () => {
      for (const file of later) await cp(path.join(projectRoot, 'db', 'migrations', file), path.join(migrations, file));
      await cp(path.join(projectRoot, 'procedures'), path.join(rootDir, 'procedures'), { recursive: true });
      return migrate({ adminUrl, rootDir });
    },
  };
}
