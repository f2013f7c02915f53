/**
 * One open conversation per provider thread and one stored copy per provider message, on
 * every engine (migrations/021): the keys themselves, a store that had duplicates before
 * them, and a message redelivered after its conversation was resolved.
 */
import { describe, expect, it } from 'vitest';
import { createMigrator } from '../../src/store/migrate.ts';
import { ThreadTakenError } from '../../src/store/provider-messages.ts';
import type { NewEvent } from '../../src/core/records.ts';
import { TEST_DATABASES, useFreshStore } from '../helpers/databases.ts';

const at = (minute: number) => new Date(Date.UTC(2026, 10, 22, 10, minute));
const fromCustomer = (providerMessageId: string): NewEvent => ({
  type: 'message.created',
  actor: { type: 'customer' },
  data: { from: 'customer', text: 'hi', providerMessageId },
  clientMessageId: `whatsapp:${providerMessageId}`,
});

describe.each(TEST_DATABASES)('channel threads on $name', (database) => {
  const fresh = useFreshStore(database);

  const start = (id: string, minute: number, thread = '15550001111') =>
    fresh.store.conversations.create({
      id,
      channel: 'whatsapp',
      externalThread: thread,
      customer: { id: `whatsapp:${thread}` },
      language: null,
      tokenHash: 'h',
      events: [
        { type: 'conversation.created', actor: { type: 'customer' }, data: { channel: 'web' } },
      ],
      now: at(minute),
    });
  const resolve = (id: string) =>
    fresh.store.conversations.commit({
      conversationId: id,
      changes: { status: 'resolved', resolvedAt: at(30).toISOString() },
      events: [{ type: 'conversation.resolved', actor: { type: 'system' }, data: { by: 'a1' } }],
      now: at(30),
    });

  it('lets one of several concurrent starts in a thread open a conversation', async () => {
    const tries = await Promise.allSettled(Array.from({ length: 6 }, (_, i) => start(`c${i}`, 1)));
    expect(tries.filter((t) => t.status === 'fulfilled')).toHaveLength(1);
    for (const t of tries)
      if (t.status === 'rejected') expect(t.reason).toBeInstanceOf(ThreadTakenError);
    // Another thread, and the same thread once its conversation is closed, start freely.
    await start('other', 2, '15559990000');
    const open = await fresh.store.conversations.findOpenByThread('whatsapp', '15550001111');
    expect((await resolve(open!.id)).ok).toBe(true);
    await start('again', 3);
  });

  it('knows a message redelivered after its conversation was resolved', async () => {
    await start('first', 1);
    expect(
      (
        await fresh.store.conversations.commit({
          conversationId: 'first',
          events: [fromCustomer('wamid.A')],
          now: at(2),
        })
      ).ok,
    ).toBe(true);
    await resolve('first');
    await start('second', 40);
    const again = await fresh.store.conversations.commit({
      conversationId: 'second',
      events: [fromCustomer('wamid.A')],
      now: at(41),
    });
    expect(again).toMatchObject({ ok: false, reason: 'duplicate', conversation: { id: 'first' } });
    if (!again.ok && again.reason === 'duplicate')
      expect(again.events.map((e) => e.seq)).toEqual([2]);
    expect((await fresh.store.conversations.get('second'))?.lastSeq).toBe(1);
    // The key is per channel: the same id from another provider is another message.
    expect(
      await fresh.store.conversations.conversationOfProviderMessage('telegram', 'wamid.A'),
    ).toBeUndefined();
  });

  it('migrates a store with duplicate open conversations: the newest stays, the others are resolved', async () => {
    const migrator = await createMigrator(fresh.store.db, fresh.store.engine);
    // Back to before 021 (and whatever came after it).
    const down = await migrator.migrateTo('020-conversation-lifecycle');
    expect(down.error).toBeUndefined();
    expect(down.results?.at(-1)?.migrationName).toBe('021-unique-channel-threads');
    // What the race made before the index: three open conversations in one thread, each
    // with the same provider message, and a timer on the oldest.
    // Written as the code before it did: the event row, without the provider-message key.
    for (const [id, minute] of [
      ['old', 1],
      ['mid', 2],
      ['new', 3],
    ] as const) {
      await start(id, minute);
      await fresh.store.db
        .insertInto('events')
        .values({
          conversation_id: id,
          seq: 2,
          type: 'message.created',
          actor_type: 'customer',
          actor_id: null,
          actor_name: null,
          data: JSON.stringify({ from: 'customer', text: 'hi', providerMessageId: 'wamid.X' }),
          client_message_id: 'whatsapp:wamid.X',
          created_at: at(minute).toISOString(),
        })
        .execute();
      await fresh.store.db
        .updateTable('conversations')
        .set({ last_seq: 2 })
        .where('id', '=', id)
        .execute();
    }
    await fresh.store.timers.schedule('old', { kind: 'sla_breach', dueAt: at(50) }, at(1));
    expect(await fresh.store.timers.pendingFor('old')).toHaveLength(1);
    await start('elsewhere', 4, '15559990000');

    const up = await migrator.migrateToLatest();
    expect(up.error).toBeUndefined();
    const conversations = fresh.store.conversations;
    expect((await conversations.findOpenByThread('whatsapp', '15550001111'))?.id).toBe('new');
    expect((await conversations.get('elsewhere'))?.status).toBe('bot');
    for (const id of ['old', 'mid']) {
      const c = await conversations.get(id);
      expect(c?.status).toBe('resolved');
      const [closed] = await conversations.eventsSince(id, c!.lastSeq - 1);
      expect(closed).toMatchObject({
        type: 'conversation.resolved',
        actor: { type: 'system' },
        data: { reason: 'duplicate_thread', from: 'bot', keptConversationId: 'new' },
      });
    }
    expect(await fresh.store.timers.pendingFor('old')).toEqual([]);
    // The provider message is known once, and the index now holds.
    expect(await conversations.conversationOfProviderMessage('whatsapp', 'wamid.X')).toBeDefined();
    await expect(start('late', 5)).rejects.toBeInstanceOf(ThreadTakenError);
  });
});
