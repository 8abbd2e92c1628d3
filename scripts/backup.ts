// `npm run backup`: pgBackRest backups of the cluster (docs/backup_and_recovery.md). Runs
// `pgbackrest backup` for the stanza, prints what the repository then holds; subcommands write
// the documented configuration and pass the stanza's housekeeping commands through.
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { backrestConfig, backrestRunFromEnv, DEFAULT_STANZA, RETENTION_DAYS, runBackrest } from './lib/pgbackrest.ts';

const USAGE = `Usage:
  npm run backup [-- --type diff|full|incr]   a backup (default diff: a full one when the stanza has none yet)
  npm run backup -- stanza-create | check | info | expire
  npm run backup -- config --pg-path <dir> --repo-path <dir> [--pg-port <n>] [--pg-socket-path <dir>]
                   [--log-path <dir>] [--lock-path <dir>] [--retention-days ${RETENTION_DAYS}] [--out <file>]

Environment:
  PGBACKREST_CONFIG   pgBackRest's configuration file (default /etc/pgbackrest/pgbackrest.conf)
  PGBACKREST_STANZA   the stanza (default ${DEFAULT_STANZA})
  BACKUP_RUN_AS       run pgbackrest as this user (the cluster's owner, e.g. postgres) when run as root
`;

const PASS_THROUGH = new Set(['stanza-create', 'check', 'info', 'expire']);

function main(argv: string[]): number {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      type: { type: 'string', default: 'diff' },
      'pg-path': { type: 'string' },
      'pg-port': { type: 'string' },
      'pg-socket-path': { type: 'string' },
      'repo-path': { type: 'string' },
      'log-path': { type: 'string' },
      'lock-path': { type: 'string' },
      'retention-days': { type: 'string' },
      out: { type: 'string' },
      help: { type: 'boolean' },
    },
  });
  if (values.help) {
    process.stdout.write(USAGE);
    return 0;
  }
  const run = { ...backrestRunFromEnv(), inherit: true };
  const [command, ...rest] = positionals;
  if (rest.length) throw new Error(`unexpected arguments: ${rest.join(' ')}`);

  if (command === 'config') {
    if (!values['pg-path'] || !values['repo-path']) throw new Error('config needs --pg-path and --repo-path');
    const text = backrestConfig({
      stanza: run.stanza,
      pgPath: values['pg-path'],
      pgPort: values['pg-port'] ? Number(values['pg-port']) : undefined,
      pgSocketPath: values['pg-socket-path'],
      repoPath: values['repo-path'],
      logPath: values['log-path'],
      lockPath: values['lock-path'],
      retentionDays: values['retention-days'] ? Number(values['retention-days']) : undefined,
    });
    if (values.out) writeFileSync(values.out, text, { mode: 0o640 });
    else process.stdout.write(text);
    return 0;
  }
  if (command && PASS_THROUGH.has(command)) {
    runBackrest(run, command);
    return 0;
  }
  if (command) throw new Error(`unknown command ${command}\n${USAGE}`);
  if (!['full', 'diff', 'incr'].includes(values.type!)) throw new Error('--type must be full, diff or incr');
  runBackrest(run, 'backup', [`--type=${values.type}`]);
  runBackrest(run, 'info');
  return 0;
}

try {
  process.exitCode = main(process.argv.slice(2));
} catch (error) {
  process.stderr.write(`backup: ${(error as Error).message}\n`);
  process.exitCode = 1;
}
