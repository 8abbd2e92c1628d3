// `npm run migrate`: applies db/ and procedures/ to DATABASE_URL (an administrative login);
// sets the login roles' passwords when DATABASE_API_PASSWORD / DATABASE_SUPPORT_PASSWORD /
// DATABASE_OPERATOR_PASSWORD are given.
import { migrate } from './lib/migrate.ts';

const adminUrl = process.env.DATABASE_URL;
if (!adminUrl) {
  process.stderr.write('migrate: set DATABASE_URL to an administrative login of the target database\n');
  process.exit(1);
}
try {
  const result = await migrate({
    adminUrl,
    rolePasswords: {
      api: process.env.DATABASE_API_PASSWORD,
      support: process.env.DATABASE_SUPPORT_PASSWORD,
      operator: process.env.DATABASE_OPERATOR_PASSWORD,
    },
    log: (message) => process.stdout.write(`${message}\n`),
  });
  process.stdout.write(
    `migrate: ${result.appliedMigrations.length} migration(s) and ${result.appliedProcedureFiles.length} procedure file(s) applied\n`,
  );
} catch (error) {
  process.stderr.write(`migrate: ${(error as Error).message}\n`);
  process.exit(1);
}
