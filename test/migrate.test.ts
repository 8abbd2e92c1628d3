// The migration runner: order, checksums, edited or missing migrations, re-applied procedures.
import { cp, mkdtemp, rm, writeFile, appendFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import t from 'tap';
import { migrate, projectRoot } from '../scripts/lib/migrate.ts';
import { withDatabase } from '../scripts/lib/throwaway_database.ts';

const server = process.env.TEST_SERVER_URL!;
const name = `${process.env.TEST_DATABASE_PREFIX}_migrate`;
const admin = new pg.Client({ connectionString: server });
await admin.connect();
await admin.query(`create database ${name}`);
const rootDir = await mkdtemp(path.join(os.tmpdir(), 'migrate-test-'));
t.teardown(async () => {
  await admin.query(`drop database if exists ${name} with (force)`);
  await admin.end();
  await rm(rootDir, { recursive: true, force: true });
});
await cp(path.join(projectRoot, 'db'), path.join(rootDir, 'db'), { recursive: true });
await cp(path.join(projectRoot, 'procedures'), path.join(rootDir, 'procedures'), { recursive: true });
const adminUrl = withDatabase(server, name);

t.test('a fresh database gets every migration and procedure file, a second run nothing', async (t) => {
  const first = await migrate({ adminUrl, rootDir });
  t.ok(first.appliedMigrations.length >= 3, 'all migrations applied');
  t.same(first.appliedMigrations, [...first.appliedMigrations].sort(), 'in order');
  t.ok(first.appliedProcedureFiles.includes('identity.sql'), 'procedure files applied');
  const second = await migrate({ adminUrl, rootDir });
  t.same(second, { appliedMigrations: [], appliedProcedureFiles: [] }, 'nothing is applied twice');
});

t.test('objects belong to the owner role', async (t) => {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  const { rows } = await client.query(
    `select distinct pg_get_userbyid(c.relowner) as owner from pg_class c join pg_namespace n on n.oid = c.relnamespace where n.nspname in ('app', 'audit')`,
  );
  await client.end();
  t.same(
    rows.map((r) => r.owner),
    ['estate_owner'],
  );
});

t.test('a changed procedure file is re-applied', async (t) => {
  await appendFile(path.join(rootDir, 'procedures', 'identity.sql'), '\n-- a harmless change\n');
  const result = await migrate({ adminUrl, rootDir });
  t.same(result.appliedProcedureFiles, ['identity.sql']);
});

t.test('a new migration is applied in its transaction; a failing one leaves no trace', async (t) => {
  await writeFile(
    path.join(rootDir, 'db', 'migrations', '0900_broken.sql'),
    'create table app.half_done (id int);\nselect 1/0;\n',
  );
  await t.rejects(
    migrate({ adminUrl, rootDir }),
    /migration 0900_broken.sql failed.*division by zero/,
    'the broken migration fails with its name and cause',
  );
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  const { rows } = await client.query(
    `select to_regclass('app.half_done') as t, (select count(*)::int from migrations.applied_migrations where filename = '0900_broken.sql') as n`,
  );
  await client.end();
  t.same(rows[0], { t: null, n: 0 }, 'neither its table nor its record exists');
  await writeFile(path.join(rootDir, 'db', 'migrations', '0900_broken.sql'), 'select 1;\n');
  t.same((await migrate({ adminUrl, rootDir })).appliedMigrations, ['0900_broken.sql'], 'fixed, it applies');
});

t.test('editing, deleting or back-dating an applied migration is an error', async (t) => {
  await appendFile(path.join(rootDir, 'db', 'migrations', '0001_platform.sql'), '\n-- edited\n');
  await t.rejects(migrate({ adminUrl, rootDir }), /0001_platform.sql was edited after it was applied/);
  await cp(
    path.join(projectRoot, 'db', 'migrations', '0001_platform.sql'),
    path.join(rootDir, 'db', 'migrations', '0001_platform.sql'),
  );
  await writeFile(path.join(rootDir, 'db', 'migrations', '0500_late.sql'), 'select 1;\n');
  await t.rejects(migrate({ adminUrl, rootDir }), /0500_late.sql sorts before the already applied 0900_broken.sql/);
  await rm(path.join(rootDir, 'db', 'migrations', '0500_late.sql'));
  await rm(path.join(rootDir, 'db', 'migrations', '0900_broken.sql'));
  await t.rejects(migrate({ adminUrl, rootDir }), /0900_broken.sql was applied but its file is gone/);
  await writeFile(path.join(rootDir, 'db', 'migrations', 'bad-name.sql'), 'select 1;\n');
  await t.rejects(migrate({ adminUrl, rootDir }), /must look like 0001_name.sql/);
});
