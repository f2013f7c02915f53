/**
 * The writer's batch (writer.batch → Store.batch, store/postgres-batch.ts) on PostgreSQL: its
 * commits go through the writer as always and see one another, but nothing is stored for
 * anyone else until the batch ends, and a batch that fails stores nothing of itself.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ConversationWriter } from '../../src/app/conversations/conversation-writer.ts';
import { createInProcessBus } from '../../src/bus/in-process-bus.ts';
import { eventOf, messageCreated } from '../../src/core/conversation/conversation-events.ts';
import { timersFor } from '../../src/core/conversation/timers-for.ts';
import { createStore, type Store } from '../../src/store/store.ts';
import { TEST_DATABASES, type OpenedTestStore } from '../helpers/databases.ts';
import { POLICY } from './simulation/sim-world.ts';

const postgres = TEST_DATABASES.find((d) => d.name === 'postgres')!;
const NOW = new Date('2026-12-01T10:00:00Z');

describe.skipIf(postgres.skipReason)('a batch of the conversation writer on PostgreSQL', () => {
  let opened: OpenedTestStore;
  /** The same database through a store of its own: what another node would read. */
  let elsewhere: Store;
  let writer: ConversationWriter;
  beforeEach(async () => {
    opened = await postgres.open();
    elsewhere = createStore({
      url: opened.url,
      ...(opened.schema ? { schema: opened.schema } : {}),
    });
    writer = new ConversationWriter({
      store: opened.store,
      bus: createInProcessBus(),
      clock: () => NOW,
      policy: POLICY,
    });
  });
  afterEach(async () => {
    await elsewhere.close();
    await opened.cleanup();
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

  it('stores its commits together when it ends, each with the timers its state needs', async () => {
    await writer.batch(async () => {
      await start('c_one');
      await say('c_one', 'hello');
      await start('c_two');
      // Inside the batch its writes are read back; outside it nothing is there yet.
      expect((await opened.store.conversations.get('c_one'))?.lastSeq).toBe(2);
      expect(await elsewhere.conversations.get('c_one')).toBeUndefined();
    });
    const one = await elsewhere.conversations.get('c_one');
    expect(one?.lastSeq).toBe(2);
    expect(await elsewhere.conversations.get('c_two')).toBeDefined();
    const pending = (await elsewhere.timers.pendingFor('c_one')).map((t) => t.kind).sort();
    expect(pending).toEqual(
      timersFor(one!, POLICY)
        .map((t) => t.kind)
        .sort(),
    );
  });

  it('stores nothing of itself when its work throws', async () => {
    await start('c_before');
    await expect(
      writer.batch(async () => {
        await start('c_lost');
        await say('c_before', 'lost too');
        throw new Error('the work gave up');
      }),
    ).rejects.toThrow('the work gave up');
    expect(await elsewhere.conversations.get('c_lost')).toBeUndefined();
    expect((await elsewhere.conversations.get('c_before'))?.lastSeq).toBe(1);
  });

  it('stores nothing of itself when one of its writes fails, even if the work goes on', async () => {
    await expect(
      writer.batch(async () => {
        await start('c_first');
        await say('c_first', 'once', 'm1');
        // The same client message id again: the unique index refuses it, which aborts the
        // batch's transaction on the server.
        await say('c_first', 'twice', 'm1').catch(() => undefined);
      }),
    ).rejects.toThrow(/the batch was rolled back, nothing of it is stored/);
    expect(await elsewhere.conversations.get('c_first')).toBeUndefined();
  });
});
