// The WAL checkpoint worker (wal-checkpointer.ts starts it): its own connection to the
// database file copies the write-ahead log back into the file, off the writer's turn.
// Plain JavaScript so that it runs in a worker thread under tsx, vitest and plain Node alike.
import { Buffer } from 'node:buffer';
import { closeSync, openSync, readSync } from 'node:fs';
import { endianness } from 'node:os';
import { clearTimeout, setTimeout } from 'node:timers';
import { parentPort, workerData } from 'node:worker_threads';
import SqliteDatabase from 'better-sqlite3';

const { file, pages, pollMs } = workerData;
/** The WAL-index header's format number (https://sqlite.org/walformat.html). */
const WAL_INDEX_VERSION = 3007000;
const db = new SqliteDatabase(file, { fileMustExist: true });
// A checkpoint that meets a busy lock gives up at once and is tried again at the next poll.
db.pragma('busy_timeout = 0');
const header = Buffer.alloc(136);
const u32 = (offset) =>
  endianness() === 'LE' ? header.readUInt32LE(offset) : header.readUInt32BE(offset);
let shm;
let timer;

/**
 * The log's length and how much of it is already copied, from the -shm file's header
 * (mxFrame at byte 16, nBackfill at byte 96, native byte order): one 136-byte read, where
 * asking SQLite would mean running a checkpoint. Null when it cannot be read yet.
 */
function walState() {
  try {
    shm ??= openSync(`${file}-shm`, 'r');
    if (readSync(shm, header, 0, header.length, 0) < header.length) return null;
  } catch {
    return null;
  }
  if (u32(0) !== WAL_INDEX_VERSION) throw new Error(`unknown WAL-index version ${u32(0)}`);
  return { frames: u32(16), copied: u32(96) };
}

function tick() {
  const state = walState();
  if (state && state.frames >= pages && state.copied < state.frames) {
    const [result] = db.pragma('wal_checkpoint(PASSIVE)');
    parentPort.postMessage({ type: 'checkpointed', ...result });
    // The writer starts the log again from its beginning only when every frame is copied, at
    // its next transaction; frames committed during this checkpoint are copied right away.
    timer = setTimeout(tick, 0);
    return;
  }
  timer = setTimeout(tick, pollMs);
}

parentPort.on('message', (message) => {
  if (message !== 'close') return;
  clearTimeout(timer);
  if (shm !== undefined) closeSync(shm);
  db.close();
  parentPort.close();
});

tick();
