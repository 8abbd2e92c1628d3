// `npm run -s tenant:export -- --tenant <slug> [--out <file>]`: a logical dump of one tenant
// (scripts/lib/tenant_dump.ts; docs/backup_and_recovery.md) from DATABASE_URL (an administrative login).
import { createWriteStream } from 'node:fs';
import { finished } from 'node:stream/promises';
import { parseArgs } from 'node:util';
import { exportTenant } from './lib/tenant_dump.ts';

const USAGE = `Usage: DATABASE_URL=<admin url> npm run -s tenant:export -- --tenant <slug> [--out <file>]

Writes every row of the tenant (and the shared reference data) as one snapshot, one row a line;
to stdout without --out. The file holds account numbers only as ciphertext: keep it with the
FIELD_ENCRYPTION_KEYS of the deployment, like the backups.
`;

try {
  const { values } = parseArgs({
    options: { tenant: { type: 'string' }, out: { type: 'string' }, help: { type: 'boolean' } },
  });
  if (values.help) {
    process.stdout.write(USAGE);
  } else {
    const adminUrl = process.env.DATABASE_URL;
    if (!adminUrl || !values.tenant) throw new Error(`DATABASE_URL and --tenant are required\n${USAGE}`);
    const out = values.out ? createWriteStream(values.out, { mode: 0o600 }) : process.stdout;
    const counts = await exportTenant(adminUrl, values.tenant, out);
    if (values.out) {
      out.end();
      await finished(out);
    }
    const total = Object.values(counts).reduce((sum, n) => sum + n, 0);
    process.stderr.write(`tenant:export: ${values.tenant}: ${total} rows of ${Object.keys(counts).length} tables\n`);
  }
} catch (error) {
  process.stderr.write(`tenant:export: ${(error as Error).message}\n`);
  process.exitCode = 1;
}
