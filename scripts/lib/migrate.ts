// The migration runner: forward-only numbered migrations, then the procedure files, each in its
// own transaction as the owner role, all under one advisory lock, recorded with checksums.
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { API_ROLE, OPERATOR_ROLE, SUPPORT_ROLE } from '../../server/config.ts';

export const OWNER_ROLE = 'estate_owner';

/** Where the SQL lives: `db/bootstrap.sql`, `db/migrations/NNNN_name.sql`, `procedures/*.sql`. */
export interface MigrationSources {
  rootDir: string;
}

export interface MigrateOptions extends Partial<MigrationSources> {
  /** An administrative login: superuser, or a role that may create roles and act as the owner. */
  adminUrl: string;
  /** Passwords to set on the login roles (needed where the server asks for passwords). */
  rolePasswords?: { api?: string; support?: string; operator?: string };
  log?: (message: string) => void;
}

export interface MigrateResult {
  appliedMigrations: string[];
  appliedProcedureFiles: string[];
}

export class MigrationError extends Error {}

const MIGRATION_NAME = /^\d{4}_[a-z0-9_]+\.sql$/;
// pg_advisory_lock key: "estate-vault migrate", fixed so that every runner of a database waits in line.
const LOCK_KEY = 7_318_205_117;

/** The folder of package.json, db/ and procedures/: two levels up from scripts/lib/, three from dist/scripts/lib/. */
export const projectRoot = (() => {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  while (!existsSync(path.join(dir, 'package.json')) && path.dirname(dir) !== dir) dir = path.dirname(dir);
  return dir;
})();

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

async function sqlFiles(dir: string): Promise<string[]> {
  const names = await readdir(dir).catch(() => [] as string[]);
  return names.filter((name) => name.endsWith('.sql')).sort();
}

async function inTransactionAsOwner(
  client: pg.Client,
  sql: string,
  record: () => Promise<unknown>,
  label: string,
  checkBodies = true,
) {
  await client.query('begin');
  try {
    await client.query(`set local role ${OWNER_ROLE}`);
    // Procedure files may call each other in any order of files, as pg_dump's output does.
    if (!checkBodies) await client.query('set local check_function_bodies = off');
    await client.query(sql);
    await client.query('reset role');
    await record();
    await client.query('commit');
  } catch (error) {
    await client.query('rollback');
    const pgError = error as pg.DatabaseError;
    const where = pgError.position ? ` at character ${pgError.position}` : '';
    throw new MigrationError(
      `${label} failed${where}: ${pgError.message}${pgError.where ? ` (${pgError.where})` : ''}`,
      {
        cause: error,
      },
    );
  }
}

/** Applies bootstrap, new migrations and changed procedure files; refuses edited or missing migrations. */
export async function migrate(options: MigrateOptions): Promise<MigrateResult> {
  const rootDir = options.rootDir ?? projectRoot;
  const log = options.log ?? (() => {});
  const client = new pg.Client({ connectionString: options.adminUrl });
  await client.connect();
  const result: MigrateResult = { appliedMigrations: [], appliedProcedureFiles: [] };
  try {
    await client.query('select pg_advisory_lock($1)', [LOCK_KEY]);
    await client.query(await readFile(path.join(rootDir, 'db', 'bootstrap.sql'), 'utf8'));
    for (const [role, password] of [
      [API_ROLE, options.rolePasswords?.api],
      [SUPPORT_ROLE, options.rolePasswords?.support],
      [OPERATOR_ROLE, options.rolePasswords?.operator],
    ] as const) {
      if (!password) continue;
      const { rows } = await client.query<{ sql: string }>(
        `select format('alter role %I password %L', $1::text, $2::text) as sql`,
        [role, password],
      );
      await client.query(rows[0].sql);
    }
    await client.query(`
      create schema if not exists migrations;
      revoke all on schema migrations from public;
      create table if not exists migrations.applied_migrations (
        filename text primary key, checksum text not null, applied_at timestamptz not null default now());
      create table if not exists migrations.applied_procedure_files (
        filename text primary key, checksum text not null, applied_at timestamptz not null default now());`);

    const applied = new Map(
      (
        await client.query<{ filename: string; checksum: string }>(
          'select filename, checksum from migrations.applied_migrations',
        )
      ).rows.map((row) => [row.filename, row.checksum]),
    );
    const migrationsDir = path.join(rootDir, 'db', 'migrations');
    const files = await sqlFiles(migrationsDir);
    const bad = files.filter((name) => !MIGRATION_NAME.test(name));
    if (bad.length) throw new MigrationError(`migration file names must look like 0001_name.sql: ${bad.join(', ')}`);

    for (const name of applied.keys()) {
      if (!files.includes(name)) throw new MigrationError(`migration ${name} was applied but its file is gone`);
    }
    const lastApplied = [...applied.keys()].sort().at(-1);
    for (const name of files) {
      const sql = await readFile(path.join(migrationsDir, name), 'utf8');
      const checksum = sha256(sql);
      const recorded = applied.get(name);
      if (recorded !== undefined) {
        if (recorded !== checksum) {
          throw new MigrationError(`migration ${name} was edited after it was applied: write a new migration instead`);
        }
        continue;
      }
      if (lastApplied && name < lastApplied) {
        throw new MigrationError(`migration ${name} sorts before the already applied ${lastApplied}: renumber it`);
      }
      log(`applying migration ${name}`);
      await inTransactionAsOwner(
        client,
        sql,
        () =>
          client.query('insert into migrations.applied_migrations (filename, checksum) values ($1, $2)', [
            name,
            checksum,
          ]),
        `migration ${name}`,
      );
      result.appliedMigrations.push(name);
    }

    const appliedProcedures = new Map(
      (
        await client.query<{ filename: string; checksum: string }>(
          'select filename, checksum from migrations.applied_procedure_files',
        )
      ).rows.map((row) => [row.filename, row.checksum]),
    );
    const proceduresDir = path.join(rootDir, 'procedures');
    for (const name of await sqlFiles(proceduresDir)) {
      const sql = await readFile(path.join(proceduresDir, name), 'utf8');
      const checksum = sha256(sql);
      if (appliedProcedures.get(name) === checksum) continue;
      log(`applying procedures ${name}`);
      await inTransactionAsOwner(
        client,
        sql,
        () =>
          client.query(
            `insert into migrations.applied_procedure_files (filename, checksum) values ($1, $2)
             on conflict (filename) do update set checksum = excluded.checksum, applied_at = now()`,
            [name, checksum],
          ),
        `procedures ${name}`,
        false,
      );
      result.appliedProcedureFiles.push(name);
    }

    if (files.length) {
      await inTransactionAsOwner(client, 'select audit.ensure_partitions()', async () => {}, 'audit partitions');
    }
  } finally {
    await client.query('select pg_advisory_unlock_all()').catch(() => {});
    await client.end();
  }
  return result;
}
