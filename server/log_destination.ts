// Where a running API's log lines go (server/main.ts): stdout, written in batches. pino's default
// stream hands each line to its own asynchronous write through libuv's thread pool, and on this
// 2-core machine that was 10% of the server's CPU at a thousand requests a second (one access line
// each; issue 14, docs/performance.md). Batched, the lines cost 1.5%. A batch is written when it
// reaches 4 KiB or every second, and at exit (pino flushes on `exit`); memory is bounded: past
// 16 MiB unwritten (stdout blocked), a line is dropped and counted (log_lines_dropped_total).
import pino from 'pino';

/** Bytes that wait before a write, at most (about fifteen access lines). */
export const LOG_BATCH_BYTES = 4096;
/** A batch shorter than LOG_BATCH_BYTES is written within this many milliseconds. */
export const LOG_FLUSH_MS = 1000;
/** Unwritten bytes past which a line is dropped rather than held (a blocked stdout). */
export const LOG_MAX_PENDING_BYTES = 16 * 1024 * 1024;

let dropped = 0;

/** Log lines dropped since the process started because LOG_MAX_PENDING_BYTES were waiting. */
export const droppedLogLines = () => dropped;

/** The batched destination on a file descriptor (stdout by default). */
export function logDestination(fd = 1) {
  const destination = pino.destination({
    dest: fd,
    sync: false,
    minLength: LOG_BATCH_BYTES,
    maxLength: LOG_MAX_PENDING_BYTES,
    periodicFlush: LOG_FLUSH_MS,
  });
  destination.on('drop', () => {
    dropped++;
  });
  return destination;
}
