// `npm run restore -- --to <timestamp> --pg-path <dir>`: point-in-time recovery with pgBackRest
// (docs/backup_and_recovery.md). Restores the newest backup taken before the moment into an empty
// (or, with --delta, a stopped) data directory and writes the recovery settings that replay the
// WAL archive up to that moment; PostgreSQL, started there, stops replaying at it and is promoted.
import { parseArgs } from 'node:util';
import { backrestRunFromEnv, DEFAULT_STANZA, parseRecoveryTarget, runBackrest } from './lib/pgbackrest.ts';

const USAGE = `Usage: npm run restore -- --to <timestamp|latest> --pg-path <dir> [--delta] [--set <backup label>]

  --to        the moment to restore, with its UTC offset ("2026-11-30 14:05:00+00",
              2026-11-30T14:05:00.250Z): the last transaction committed at or before it is the
              last one restored; "latest" replays the whole archive
  --pg-path   the data directory to restore into: empty or missing (a new cluster), or with --delta
              the stopped cluster itself (only the files that differ are rewritten)
  --set       a backup label (npm run backup -- info) instead of the newest before --to

Environment: PGBACKREST_CONFIG, PGBACKREST_STANZA (default ${DEFAULT_STANZA}), BACKUP_RUN_AS (as npm run backup).
Then start PostgreSQL on that directory: it replays the archive, stops at the moment and is promoted.
`;

function main(argv: string[]): number {
  const { values } = parseArgs({
    args: argv,
    options: {
      to: { type: 'string' },
      'pg-path': { type: 'string' },
      delta: { type: 'boolean' },
      set: { type: 'string' },
      help: { type: 'boolean' },
    },
  });
  if (values.help) {
    process.stdout.write(USAGE);
    return 0;
  }
  if (!values.to || !values['pg-path']) throw new Error(`--to and --pg-path are required\n${USAGE}`);
  const options = [`--pg1-path=${values['pg-path']}`];
  if (values.to !== 'latest') {
    options.push('--type=time', `--target=${parseRecoveryTarget(values.to)}`, '--target-action=promote');
  }
  if (values.delta) options.push('--delta');
  if (values.set) options.push(`--set=${values.set}`);
  runBackrest({ ...backrestRunFromEnv(), inherit: true }, 'restore', options);
  process.stdout.write(
    `restore: ${values['pg-path']} restored${values.to === 'latest' ? '' : ` to ${values.to}`}; start PostgreSQL on it to replay the archive\n`,
  );
  return 0;
}

try {
  process.exitCode = main(process.argv.slice(2));
} catch (error) {
  process.stderr.write(`restore: ${(error as Error).message}\n`);
  process.exitCode = 1;
}
