// A logical dump of ONE tenant (`npm run tenant:export` / `npm run tenant:import`): every row of
// every table with a tenant_id column that belongs to the tenant, read in one snapshot, plus the
// shared reference data (tables without tenant_id: plans, categories, exchange rates), one row a
// line as PostgreSQL's own JSON (numbers, dates and bytes exact: Node never parses a row).
// Imported into a database migrated to the same version, as a superuser, with triggers and
// foreign-key checks off (session_replication_role = replica) so that the rows come back exactly
// as they were; reference rows the target already has are kept.
import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import pg from 'pg';

export const DUMP_FORMAT = 'estate-vault-tenant/1';
const BATCH = 1000;
// Schemas holding the application's data (migrations' own bookkeeping is not tenant data).
const DATA_SCHEMAS = ['app', 'audit'];
// The audit log's hash chains and seals are this database's evidence over its own rows, not data to
// carry (docs/audit.md); an imported audit row takes the importer's transaction id (its column
// default), so the target's next seal chains it like any late row.
const NOT_CARRIED = new Set(['audit.audit_chain_links', 'audit.audit_seals']);
const NOT_WRITTEN: Record<string, string[]> = { 'audit.audit_log': ['txid'] };

export interface DumpHeader {
  format: string;
  tenantId: string;
  slug: string;
  exportedAt: string;
  /** The last migration applied to the source: the target must be at the same one. */
  lastMigration: string;
  tables: string[];
  referenceTables: string[];
}

interface TableInfo {
  name: string;
  tenantScoped: boolean;
  /** Columns written on import: not generated, not GENERATED ALWAYS identities (the target numbers those). */
  columns: string[];
  primaryKey: string[];
}

async function dataTables(client: pg.ClientBase): Promise<TableInfo[]> {
  const { rows } = await client.query<{
    name: string;
    tenant_scoped: boolean;
    columns: string[];
    primary_key: string[];
  }>(
    `select format('%I.%I', n.nspname, c.relname) as name,
            exists (select 1 from pg_attribute a where a.attrelid = c.oid and a.attname = 'tenant_id'
                      and not a.attisdropped) as tenant_scoped,
            array(select quote_ident(a.attname) from pg_attribute a
                   where a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped
                     and a.attgenerated = '' and a.attidentity <> 'a'
                   order by a.attnum) as columns,
            array(select quote_ident(a.attname) from pg_index i
                    join pg_attribute a on a.attrelid = c.oid and a.attnum = any(i.indkey)
                   where i.indrelid = c.oid and i.indisprimary order by a.attnum) as primary_key
       from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = any($1) and c.relkind in ('r', 'p') and not c.relispartition
      order by 1`,
    [DATA_SCHEMAS],
  );
  return rows
    .filter((row) => !NOT_CARRIED.has(row.name))
    .map((row) => ({
      name: row.name,
      tenantScoped: row.tenant_scoped,
      columns: row.columns.filter((column) => !NOT_WRITTEN[row.name]?.includes(column)),
      primaryKey: row.primary_key,
    }));
}

async function lastMigration(client: pg.ClientBase): Promise<string> {
  const { rows } = await client.query<{ filename: string }>(
    'select filename from migrations.applied_migrations order by filename desc limit 1',
  );
  if (!rows.length) throw new Error('the database has no migrations applied');
  return rows[0].filename;
}

/** Writes the tenant's dump (header line, then `<table>\t<row as JSON>` lines) to out; returns row counts. */
export async function exportTenant(adminUrl: string, slug: string, out: Writable): Promise<Record<string, number>> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  const write = (text: string) =>
    new Promise<void>((resolve, reject) =>
      out.write(text) ? resolve() : out.once('drain', resolve).once('error', reject),
    );
  const counts: Record<string, number> = {};
  try {
    // One snapshot for every table: the dump is the tenant as at one moment.
    await client.query('begin isolation level repeatable read read only');
    const { rows } = await client.query<{ tenant_id: string }>('select tenant_id from app.tenants where slug = $1', [
      slug,
    ]);
    if (!rows.length) throw new Error(`no tenant with the slug ${slug}`);
    const tenantId = rows[0].tenant_id;
    const tables = await dataTables(client);
    const header: DumpHeader = {
      format: DUMP_FORMAT,
      tenantId,
      slug,
      exportedAt: new Date().toISOString(),
      lastMigration: await lastMigration(client),
      tables: tables.filter((t) => t.tenantScoped).map((t) => t.name),
      referenceTables: tables.filter((t) => !t.tenantScoped).map((t) => t.name),
    };
    await write(`${JSON.stringify(header)}\n`);
    for (const table of tables) {
      await client.query(
        `declare dump_rows no scroll cursor for select to_jsonb(t)::text as row from ${table.name} t${
          table.tenantScoped ? ' where t.tenant_id = $1' : ''
        }`,
        table.tenantScoped ? [tenantId] : [],
      );
      counts[table.name] = 0;
      for (;;) {
        const batch = await client.query<{ row: string }>(`fetch ${BATCH} from dump_rows`);
        if (!batch.rows.length) break;
        await write(batch.rows.map((r) => `${table.name}\t${r.row}\n`).join(''));
        counts[table.name] += batch.rows.length;
      }
      await client.query('close dump_rows');
    }
    await client.query('commit');
  } finally {
    await client.end();
  }
  return counts;
}

/** Reads a dump and inserts it in one transaction; refuses another schema version or a tenant already there. */
export async function importTenant(
  adminUrl: string,
  input: Readable,
): Promise<{ header: DumpHeader; counts: Record<string, number> }> {
  const lines = createInterface({ input, crlfDelay: Infinity })[Symbol.asyncIterator]();
  const first = await lines.next();
  if (first.done) throw new Error('the dump is empty');
  const header = JSON.parse(first.value) as DumpHeader;
  if (header.format !== DUMP_FORMAT) throw new Error(`not a tenant dump of format ${DUMP_FORMAT}`);

  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  const counts: Record<string, number> = {};
  try {
    await client.query('begin');
    const target = await lastMigration(client);
    if (target !== header.lastMigration) {
      throw new Error(
        `the dump was taken at migration ${header.lastMigration}, this database is at ${target}: migrate both to the same version`,
      );
    }
    const clash = await client.query('select 1 from app.tenants where tenant_id = $1 or slug = $2', [
      header.tenantId,
      header.slug,
    ]);
    if (clash.rowCount) throw new Error(`tenant ${header.slug} (${header.tenantId}) is already in this database`);
    // The rows come back as they were: no triggers (audit, limits, updated_at), no deferred FK checks.
    await client.query('set local session_replication_role = replica');
    const tables = new Map((await dataTables(client)).map((t) => [t.name, t]));
    // Reference rows carry ids made by each database's migrations (plans): a database without
    // tenants takes the dump's reference data instead of its own; one with tenants must have the
    // same rows (it is the dump's own database, or a restore of it).
    const empty = !(await client.query('select 1 from app.tenants limit 1')).rowCount;
    if (empty) {
      const reference = [...tables.values()].filter((t) => !t.tenantScoped && header.referenceTables.includes(t.name));
      // (delete, not truncate: tenant tables refer to them, empty here, unchecked in replica mode)
      for (const table of reference) await client.query(`delete from ${table.name}`);
    }
    const flush = async (name: string, rows: string[]) => {
      const table = tables.get(name);
      if (!table) throw new Error(`the dump has rows of ${name}, which this database does not have`);
      const columns = table.columns.join(', ');
      const conflict = table.tenantScoped ? '' : ' on conflict do nothing';
      const json = `[${rows.join(',')}]`;
      const result = await client.query(
        `insert into ${name} (${columns}) select ${columns} from jsonb_populate_recordset(null::${name}, $1::jsonb)${conflict}`,
        [json],
      );
      counts[name] = (counts[name] ?? 0) + (result.rowCount ?? 0);
      if (!table.tenantScoped && table.primaryKey.length) {
        const key = table.primaryKey.join(', ');
        const missing = await client.query(
          `select 1 from jsonb_populate_recordset(null::${name}, $1::jsonb) d
            where (${key.replace(/([^, ]+)/g, 'd.$1')}) not in (select ${key} from ${name}) limit 1`,
          [json],
        );
        if (missing.rowCount) {
          throw new Error(
            `${name} here differs from the dump's (rows under other keys): import into a database without tenants, or into the dump's own`,
          );
        }
      }
    };
    let current = '';
    let pending: string[] = [];
    for (let next = await lines.next(); !next.done; next = await lines.next()) {
      const line = next.value;
      if (!line) continue;
      const tab = line.indexOf('\t');
      const name = line.slice(0, tab);
      if (name !== current || pending.length >= BATCH) {
        if (pending.length) await flush(current, pending);
        current = name;
        pending = [];
      }
      pending.push(line.slice(tab + 1));
    }
    if (pending.length) await flush(current, pending);
    await client.query('commit');
  } catch (error) {
    await client.query('rollback').catch(() => {});
    throw error;
  } finally {
    await client.end();
  }
  return { header, counts };
}
