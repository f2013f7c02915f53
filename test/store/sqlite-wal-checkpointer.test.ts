/**
 * SQLite's WAL is checkpointed by a worker thread, not in the writer's turn
 * (wal-checkpointer.ts); with the worker gone, the writer's automatic checkpoint keeps the log
 * bounded. Small thresholds here (300 pages) so that a few hundred commits pass them.
 */
import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdtempSync, openSync, readSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { createStore, type Store } from '../../src/store/store.ts';

const PAGE = 4096;
/** A WAL frame: a 24-byte header and one page. */
const FRAME = 24 + PAGE;
const PAGES = 300;
const HARD_LIMIT = 3000;

/** The log's length and its frames already copied, from the -shm file's WAL-index header. */
function walState(file: string): { frames: number; copied: number } {
  const fd = openSync(`${file}-shm`, 'r');
  try {
    const header = Buffer.alloc(136);
    readSync(fd, header, 0, 136, 0);
    const u32 = (at: number) =>
      os.endianness() === 'LE' ? header.readUInt32LE(at) : header.readUInt32BE(at);
    return { frames: u32(16), copied: u32(96) };
  } finally {
    closeSync(fd);
  }
}

const walFileFrames = (file: string) => Math.floor(statSync(`${file}-wal`).size / FRAME);

async function autocheckpoint(store: Store): Promise<number> {
  const { rows } = await sql<{
    wal_autocheckpoint: number;
  }>`pragma wal_autocheckpoint`.execute(store.db);
  return rows[0]!.wal_autocheckpoint;
}

describe('the SQLite WAL checkpoint worker', () => {
  let dir: string;
  let file: string;
  let store: Store | undefined;
  const stopped: string[] = [];
  let seq = 0;

  async function open(): Promise<Store> {
    dir = mkdtempSync(path.join(os.tmpdir(), 'baton-wal-'));
    file = path.join(dir, 'baton.db');
    store = createStore({
      url: file,
      walCheckpoint: {
        pages: PAGES,
        hardLimitPages: HARD_LIMIT,
        onStopped: (reason) => stopped.push(reason),
      },
    });
    const migrated = await store.migrate();
    if (migrated.error) throw migrated.error;
    await store.conversations.create({
      id: 'c1',
      channel: 'web',
      customer: { name: 'Sarah' },
      language: 'en',
      tokenHash: 'h',
      events: [],
      now: new Date('2026-12-07T05:00:00.000Z'),
    });
    return store;
  }

  /** One customer line, committed alone: the row's, the events' and their indexes' pages. */
  async function commitOne(s: Store): Promise<void> {
    seq++;
    const result = await s.conversations.commit({
      conversationId: 'c1',
      events: [
        {
          type: 'message.created',
          actor: { type: 'customer' },
          data: { from: 'customer', text: `message ${seq}` },
          clientMessageId: `m${seq}`,
        },
      ],
      now: new Date('2026-12-07T05:00:00.000Z'),
    });
    expect(result.ok).toBe(true);
  }

  afterEach(async () => {
    await store?.close();
    store = undefined;
    stopped.length = 0;
    rmSync(dir, { recursive: true, force: true });
  });

  it('copies the log back once it passes the threshold, while the writer does not checkpoint', async () => {
    const s = await open();
    expect(await autocheckpoint(s)).toBe(HARD_LIMIT);
    // Three times: the log passes the threshold, the worker copies every frame back, and the
    // writer's next commit starts the log again from its beginning.
    for (let cycle = 0; cycle < 3; cycle++) {
      for (let i = 0; walState(file).frames < PAGES && i < 2000; i++) await commitOne(s);
      const { frames } = walState(file);
      expect(frames).toBeGreaterThanOrEqual(PAGES);
      expect(frames).toBeLessThan(HARD_LIMIT);
      await expect
        .poll(() => walState(file).copied, { timeout: 15_000, interval: 20 })
        .toBe(walState(file).frames);
      await commitOne(s);
      expect(walState(file).frames).toBeLessThan(PAGES);
    }
    expect(s.walCheckpointer?.checkpoints).toBeGreaterThanOrEqual(3);
    // Over 900 pages written, the file never grew much past one threshold's worth.
    expect(walFileFrames(file)).toBeLessThan(2 * PAGES);
    expect(stopped).toEqual([]);
  });

  it('keeps the log bounded when the worker dies: the writer checkpoints itself, said once', async () => {
    const s = await open();
    await s.walCheckpointer!.kill();
    expect(s.walCheckpointer!.running).toBe(false);
    expect(stopped).toHaveLength(1);
    expect(stopped[0]).toMatch(
      /WAL checkpoint worker stopped .*the writer checkpoints every 300 pages/,
    );
    expect(await autocheckpoint(s)).toBe(PAGES);
    let restarts = 0;
    for (let i = 0, last = 0; restarts < 3 && i < 5000; i++) {
      await commitOne(s);
      const { frames } = walState(file);
      if (frames < last) restarts++;
      last = frames;
    }
    expect(restarts).toBe(3);
    expect(walFileFrames(file)).toBeLessThan(2 * PAGES);
    expect(stopped).toHaveLength(1);
  });

  it('ends the worker and its connection when the store closes', async () => {
    const s = await open();
    for (let i = 0; i < 50; i++) await commitOne(s);
    await s.close();
    store = undefined;
    // Its thread has exited (the worker is unref'd as well, so a store never holds a process).
    expect(s.walCheckpointer?.running).toBe(false);
    // The last connection to close copies the log back and removes it: neither is left open.
    expect(existsSync(`${file}-wal`)).toBe(false);
    expect(stopped).toEqual([]);
  });

  it('lets a command await close() and then end by itself (baton migrate)', () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'baton-wal-'));
    file = path.join(dir, 'baton.db');
    // The command opens a store, migrates, awaits close() and has nothing else to keep it
    // alive: a worker let go of while it closes ended it there (exit code 13).
    const run = spawnSync(process.execPath, ['bin/baton.mjs', 'migrate'], {
      encoding: 'utf8',
      env: { ...process.env, DATABASE_URL: file, FORCE_COLOR: '0' },
    });
    expect(run.stderr).not.toMatch(/unsettled top-level await/);
    expect(run.stdout).toContain('applied 001-initial');
    expect(run.status).toBe(0);
    expect(existsSync(`${file}-wal`)).toBe(false);
  });
});
