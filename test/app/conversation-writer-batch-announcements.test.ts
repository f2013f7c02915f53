/**
 * What the writer announces in a batch (writer.batch → Store.batch, store/batch-announcements.ts)
 * on both engines: listeners of the bus hear nothing until the batch ends, then every change in
 * the order it was made; on PostgreSQL a batch that rolls back announces nothing (nothing of it
 * is stored), while on SQLite, whose commits are stored as they go, a failed batch announces
 * what it stored.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ConversationWriter } from '../../src/app/conversations/conversation-writer.ts';
import { createInProcessBus } from '../../src/bus/in-process-bus.ts';
import { eventOf, messageCreated } from '../../src/core/conversation/conversation-events.ts';
import { TEST_DATABASES, type OpenedTestStore } from '../helpers/databases.ts';
import { POLICY } from './simulation/sim-world.ts';

const NOW = new Date('2026-12-01T10:00:00Z');

describe.each(TEST_DATABASES)('what a batch of the writer announces on $name', (database) => {
  let opened: OpenedTestStore;
  let writer: ConversationWriter;
  /** What a listener of the bus heard: `conversation#seq event type`. */
  let heard: string[];
  beforeEach(async () => {
    if (database.skipReason) return;
    opened = await database.open();
    const bus = createInProcessBus();
    heard = [];
    bus.subscribe(({ conversation, events }) => {
      for (const e of events) heard.push(`${conversation.id}#${e.seq} ${e.type}`);
    });
    writer = new ConversationWriter({ store: opened.store, bus, clock: () => NOW, policy: POLICY });
  });
  afterEach(async () => {
    if (!database.skipReason) await opened.cleanup();
  });

  const start = (id: string) =>
    writer.create({
      id,
      channel: 'web',
      customer: {},
      language: 'en',
      tokenHash: `hash_${id}`,
      now: NOW,
      events: [eventOf('conversation.created', { type: 'customer' }, { channel: 'web' })],
    });
  const say = (id: string, text: string, clientMessageId?: string) =>
    writer.commit({
      conversationId: id,
      events: [messageCreated({ type: 'customer' }, { text }, clientMessageId)],
    });

  it.skipIf(database.skipReason)(
    'announces nothing until the batch ends, then every change in order',
    async () => {
      await writer.batch(async () => {
        await start('c_one');
        // A batch inside the batch is part of it: its end is not the batch's.
        await writer.batch(async () => {
          await say('c_one', 'hello');
        });
        await start('c_two');
        await say('c_one', 'still there?');
        expect(heard).toEqual([]);
      });
      expect(heard).toEqual([
        'c_one#1 conversation.created',
        'c_one#2 message.created',
        'c_two#1 conversation.created',
        'c_one#3 message.created',
      ]);
      // Outside a batch, a commit is announced as soon as it is stored.
      await say('c_two', 'hi');
      expect(heard.at(-1)).toBe('c_two#2 message.created');
    },
  );

  it.skipIf(database.skipReason)(
    database.name === 'postgres'
      ? 'announces nothing of a batch whose work throws (it is rolled back)'
      : 'announces what a batch whose work throws stored, at its end (SQLite keeps it)',
    async () => {
      await start('c_before');
      heard = [];
      await expect(
        writer.batch(async () => {
          await start('c_lost');
          await say('c_before', 'lost too');
          expect(heard).toEqual([]);
          throw new Error('the work gave up');
        }),
      ).rejects.toThrow('the work gave up');
      const stored = await opened.store.conversations.get('c_lost');
      if (database.name === 'postgres') {
        expect(stored).toBeUndefined();
        expect(heard).toEqual([]);
      } else {
        expect(stored).toBeDefined();
        expect(heard).toEqual(['c_lost#1 conversation.created', 'c_before#2 message.created']);
      }
    },
  );

  // SQLite stores a write or refuses it alone: only PostgreSQL's batch fails with one of them.
  if (database.name === 'postgres')
    it.skipIf(database.skipReason)(
      'announces nothing of a batch one of whose writes failed, even if the work went on',
      async () => {
        await expect(
          writer.batch(async () => {
            await start('c_first');
            await say('c_first', 'once', 'm1');
            // The same client message id again: the unique index refuses it and aborts the
            // batch's transaction on the server.
            await say('c_first', 'twice', 'm1').catch(() => undefined);
          }),
        ).rejects.toThrow(/the batch was rolled back, nothing of it is stored/);
        expect(heard).toEqual([]);
      },
    );
});
