// `npm run -s tenant:import -- --in <file>`: loads a tenant dump (npm run tenant:export) into
// DATABASE_URL (a superuser login; the database migrated to the dump's version), in one transaction.
import { createReadStream } from 'node:fs';
import { parseArgs } from 'node:util';
import { importTenant } from './lib/tenant_dump.ts';

const USAGE = `Usage: DATABASE_URL=<superuser url> npm run -s tenant:import -- [--in <file>]

Inserts the tenant's rows exactly as dumped (triggers and foreign-key checks off for the load) into a
database migrated to the same version; refuses a tenant whose id or slug is already there. Reads
stdin without --in. The API reading it needs the FIELD_ENCRYPTION_KEYS that encrypted the rows.
`;

try {
  const { values } = parseArgs({ options: { in: { type: 'string' }, help: { type: 'boolean' } } });
  if (values.help) {
    process.stdout.write(USAGE);
  } else {
    const adminUrl = process.env.DATABASE_URL;
    if (!adminUrl) throw new Error(`DATABASE_URL is required\n${USAGE}`);
    const { header, counts } = await importTenant(adminUrl, values.in ? createReadStream(values.in) : process.stdin);
    const total = Object.values(counts).reduce((sum, n) => sum + n, 0);
    process.stderr.write(`tenant:import: ${header.slug} (${header.tenantId}): ${total} rows inserted\n`);
  }
} catch (error) {
  process.stderr.write(`tenant:import: ${(error as Error).message}\n`);
  process.exitCode = 1;
}
