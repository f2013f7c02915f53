/**
 * SQLite's write-ahead log is checkpointed every 10,000 pages, not SQLite's default 1,000
 * (open-database.ts; a worker thread runs it, see sqlite-wal-checkpointer.test.ts): a hot page
 * is then copied back into the database once for many commits.
 */
import { statSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { TEST_DATABASES, type OpenedTestStore } from '../helpers/databases.ts';

const PAGE = 4096;
/** A WAL frame: a 24-byte header and one page. */
const FRAME = 24 + PAGE;

describe('the SQLite write-ahead log', () => {
  let opened: OpenedTestStore | undefined;
  afterEach(async () => {
    await opened?.cleanup();
  });

  it('grows past 1,000 pages before a checkpoint empties it', async () => {
    opened = await TEST_DATABASES.find((d) => d.name === 'sqlite')!.open();
    const { store, url } = opened;
    const now = new Date('2026-12-06T10:00:00.000Z');
    await store.conversations.create({
      id: 'c1',
      channel: 'web',
      customer: { name: 'Sarah' },
      language: 'en',
      tokenHash: 'h',
      events: [],
      now,
    });
    const walFrames = () => Math.floor(statSync(`${url}-wal`).size / FRAME);
    // One commit at a time: each writes the row's page, the events' and their indexes' pages.
    for (let i = 0; walFrames() < 1500 && i < 2000; i++) {
      const result = await store.conversations.commit({
        conversationId: 'c1',
        events: [
          {
            type: 'message.created',
            actor: { type: 'customer' },
            data: { from: 'customer', text: `message ${i}` },
            clientMessageId: `m${i}`,
          },
        ],
        now,
      });
      expect(result.ok).toBe(true);
    }
    // SQLite's default would have checkpointed at 1,000 frames and started the log again
    // from its beginning, so the file would stay near 1,000 frames long.
    expect(walFrames()).toBeGreaterThanOrEqual(1500);
  });
});
