// The production log's destination (server/log_destination.ts): lines are held until 4 KiB or a
// second has passed, none is lost at exit, and a backlog past its bound drops whole lines, counted.
import t, { type Test } from 'tap';
import { execFile } from 'node:child_process';
import { openSync, readFileSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import pino from 'pino';
import {
  droppedLogLines,
  LOG_BATCH_BYTES,
  LOG_FLUSH_MS,
  LOG_MAX_PENDING_BYTES,
  logDestination,
} from '../server/log_destination.ts';

const projectRoot = path.resolve(import.meta.dirname, '..');
const scratch = await mkdtemp(path.join(os.tmpdir(), 'estate-log-destination-'));
const linesOf = (file: string) => readFileSync(file, 'utf8').split('\n').filter(Boolean);

/** A pino logger on the production destination, writing to a new file of the scratch folder. */
function loggerTo(t: Test, name: string) {
  const file = path.join(scratch, name);
  const destination = logDestination(openSync(file, 'a'));
  // destroy() closes the descriptor too.
  t.teardown(() => destination.destroy());
  return { file, destination, log: pino({ level: 'info' }, destination) };
}

t.test('a short line waits for the batch, then is written within the flush interval', async (t) => {
  const { file, log } = loggerTo(t, 'interval.log');
  log.info({ status: 200 }, 'request');
  await new Promise((resolve) => setTimeout(resolve, 50));
  t.same(linesOf(file), [], 'not written at once: it waits for others');
  const start = performance.now();
  while (linesOf(file).length === 0 && performance.now() - start < LOG_FLUSH_MS * 5)
    await new Promise((resolve) => setTimeout(resolve, 50));
  const [line] = linesOf(file);
  t.match(JSON.parse(line), { msg: 'request', status: 200 }, 'written by the periodic flush');
});

t.test('a full batch is written without waiting for the interval', async (t) => {
  const { file, log } = loggerTo(t, 'batch.log');
  const padding = 'x'.repeat(200);
  const count = Math.ceil(LOG_BATCH_BYTES / padding.length) + 1;
  for (let i = 0; i < count; i++) log.info({ i, padding }, 'request');
  const start = performance.now();
  while (linesOf(file).length === 0 && performance.now() - start < LOG_FLUSH_MS / 2)
    await new Promise((resolve) => setTimeout(resolve, 10));
  t.ok(linesOf(file).length > 0, `written within ${Math.round(performance.now() - start)} ms`);
  t.ok(performance.now() - start < LOG_FLUSH_MS / 2, 'before the periodic flush');
});

t.test('the lines still held when the process exits are written', async (t) => {
  const file = path.join(scratch, 'exit.log');
  const script = `
    import { openSync } from 'node:fs';
    import pino from 'pino';
    import { logDestination } from './server/log_destination.ts';
    const log = pino({ level: 'info' }, logDestination(openSync(${JSON.stringify(file)}, 'a')));
    for (let i = 0; i < 3; i++) log.info({ i }, 'request');
    log.error('closing');
    process.exit(1);
  `;
  const failed = await promisify(execFile)(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
    cwd: projectRoot,
  }).catch((error: { code?: number }) => error);
  t.equal((failed as { code?: number }).code, 1, 'the process exited 1 at once');
  t.same(
    linesOf(file).map((line) => (JSON.parse(line) as { msg: string }).msg),
    ['request', 'request', 'request', 'closing'],
    'every line, in order',
  );
});

t.test('past the bound of unwritten bytes, whole lines are dropped and counted', async (t) => {
  const { file, destination, log } = loggerTo(t, 'backlog.log');
  const padding = 'y'.repeat(64 * 1024);
  // All in one tick: the first write is still in flight, so everything after it waits in memory.
  const count = Math.ceil(LOG_MAX_PENDING_BYTES / padding.length) + 20;
  const before = droppedLogLines();
  for (let i = 0; i < count; i++) log.info({ i, padding }, 'request');
  const dropped = droppedLogLines() - before;
  t.ok(dropped > 0, `${dropped} of ${count} lines dropped`);
  await new Promise<void>((resolve) => destination.flush(() => resolve()));
  const written = linesOf(file);
  t.equal(written.length, count - dropped, 'every other line written');
  t.ok(
    written.every((line) => (JSON.parse(line) as { padding: string }).padding === padding),
    'each of them whole',
  );
});
