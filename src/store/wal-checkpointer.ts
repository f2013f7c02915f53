/**
 * SQLite's WAL checkpoint off the writer's turn. With `wal_autocheckpoint`, the commit that
 * takes the log past its limit copies up to that many pages back into the database file
 * before the writer goes on: at 10,000 pages, the message path's p99 (docs/bench.md). Here a
 * worker thread with its own connection runs `wal_checkpoint(PASSIVE)` once the log is
 * `pages` long, while the writer keeps writing; the writer's own automatic checkpoint stays
 * as a far backstop at `hardLimitPages`, should the worker fall behind.
 *
 * The worker polls (every `pollMs`, one 136-byte read of the -shm file) rather than being
 * told by the writer after each commit: the writer knows the log's length no better, and a
 * message per commit would cost the writer's turn what the poll costs the worker's.
 *
 * If the worker dies, the writer checkpoints automatically again every `pages` pages (as
 * before the worker) and `onStopped` is called, once.
 */
import { Worker } from 'node:worker_threads';
import type SqliteDatabase from 'better-sqlite3';

export interface WalCheckpointerOptions {
  /** The worker checkpoints once the log is this many pages long (default 10,000). */
  readonly pages?: number;
  /** The writer's own automatic checkpoint, a backstop (default 4 × `pages`). */
  readonly hardLimitPages?: number;
  /** How often the worker looks at the log's length (default 50 ms). */
  readonly pollMs?: number;
  /** The worker stopped on its own: the writer checkpoints automatically again. */
  readonly onStopped?: (reason: string) => void;
}

export interface WalCheckpointer {
  /** Checkpoints the worker has run. */
  readonly checkpoints: number;
  /** False once the worker has stopped (closed, or died and the writer took over). */
  readonly running: boolean;
  /** Ends the worker and its connection; resolves once its thread has exited. */
  close(): Promise<void>;
  /** Ends the worker abruptly, as a crash would: the fallback then applies. */
  kill(): Promise<void>;
}

const DEFAULT_PAGES = 10_000;

export function startWalCheckpointer(
  writer: SqliteDatabase.Database,
  file: string,
  options: WalCheckpointerOptions = {},
): WalCheckpointer {
  const pages = options.pages ?? DEFAULT_PAGES;
  writer.pragma(`wal_autocheckpoint = ${options.hardLimitPages ?? 4 * pages}`);
  const worker = new Worker(new URL('./wal-checkpoint-worker.mjs', import.meta.url), {
    workerData: { file, pages, pollMs: options.pollMs ?? 50 },
  });
  // A CLI command that forgets to close its store still exits.
  worker.unref();
  let checkpoints = 0;
  let running = true;
  let closing = false;
  let failure: Error | undefined;
  const exited = new Promise<void>((resolve) => {
    worker.once('exit', (code) => {
      running = false;
      if (!closing || failure) {
        if (writer.open) writer.pragma(`wal_autocheckpoint = ${pages}`);
        options.onStopped?.(
          `WAL checkpoint worker stopped (${failure?.message ?? `exit code ${code}`}); ` +
            `the writer checkpoints every ${pages} pages itself`,
        );
      }
      resolve();
    });
  });
  worker.on('error', (error) => {
    failure = error;
  });
  worker.on('message', (message: { type?: string }) => {
    if (message.type === 'checkpointed') checkpoints++;
  });
  return {
    get checkpoints() {
      return checkpoints;
    },
    get running() {
      return running;
    },
    async close() {
      closing = true;
      // Held while it closes: an unref'd worker alone would let the process end under an
      // `await close()` (Node's exit code 13, an unsettled top-level await).
      worker.ref();
      if (running) worker.postMessage('close');
      await exited;
    },
    async kill() {
      worker.ref();
      await worker.terminate();
      await exited;
    },
  };
}
