/**
 * Erasure on every engine: a conversation goes with everything stored about it (events,
 * timers, webhook log), the selectors find exactly what they name, and others stay.
 */
import { describe, expect, it } from 'vitest';
import { TEST_DATABASES, useFreshStore } from '../helpers/databases.ts';

const t0 = new Date('2026-01-10T10:00:00.000Z');
const later = new Date('2026-06-10T10:00:00.000Z');

describe.each(TEST_DATABASES)('erasure on $name', (database) => {
  const fresh = useFreshStore(database);

  async function conversation(
    id: string,
    customer: Record<string, unknown>,
    options: { channel?: string; thread?: string; closeAt?: Date } = {},
  ) {
    const store = fresh.store;
    await store.conversations.create({
      id,
      channel: options.channel ?? 'web',
      ...(options.thread ? { externalThread: options.thread } : {}),
      customer,
      language: 'en',
      tokenHash: `h-${id}`,
      events: [
        { type: 'conversation.created', actor: { type: 'system' }, data: { channel: 'web' } },
      ],
      now: t0,
    });
    await store.conversations.commit({
      conversationId: id,
      events: [
        {
          type: 'message.created',
          actor: { type: 'customer' },
          data: { from: 'customer', text: 'hi' },
        },
      ],
      timers: { schedule: [{ kind: 'sla', dueAt: later }] },
      now: t0,
    });
    await store.webhooks.record(
      {
        id: `evt_${id}`,
        conversationId: id,
        seq: 2,
        type: 'message.created',
        url: 'http://hook.test',
        status: 'delivered',
        attempts: 1,
        lastError: null,
      },
      t0,
    );
    if (options.closeAt) {
      await store.conversations.commit({
        conversationId: id,
        changes: { status: 'resolved', resolvedAt: options.closeAt.toISOString() },
        events: [{ type: 'conversation.resolved', actor: { type: 'system' }, data: { by: 'a1' } }],
        now: options.closeAt,
      });
    }
  }

  const count = async (table: 'events' | 'timers' | 'webhook_deliveries', id: string) =>
    (
      await fresh.store.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll().as('n'))
        .where('conversation_id', '=', id)
        .executeTakeFirstOrThrow()
    ).n;

  it('erases a conversation with its events, timers and webhook log, and nothing else', async () => {
    await conversation('c1', { id: 'cust-1', name: 'Sarah' });
    await conversation('c2', { id: 'cust-2', name: 'Marc' });
    const found = await fresh.store.erasure.find({ customerKey: 'id:cust-1' });
    expect(found.map((c) => c.id)).toEqual(['c1']);
    expect((await fresh.store.erasure.erase(['c1'])).erased).toBe(1);
    expect(await fresh.store.conversations.get('c1')).toBeUndefined();
    for (const table of ['events', 'timers', 'webhook_deliveries'] as const) {
      expect(Number(await count(table, 'c1')), table).toBe(0);
      expect(Number(await count(table, 'c2')), table).toBeGreaterThan(0);
    }
    expect(await fresh.store.conversations.get('c2')).toBeDefined();
  });

  it('finds by email, by channel thread, and closed before a date', async () => {
    await conversation('e1', { email: 'Sarah@Example.com' });
    await conversation('w1', {}, { channel: 'whatsapp', thread: '447700900123' });
    await conversation('old', { id: 'x' }, { closeAt: new Date('2026-02-01T00:00:00Z') });
    await conversation('new', { id: 'y' }, { closeAt: new Date('2026-05-01T00:00:00Z') });
    await conversation('open', { id: 'z' });
    const ids = async (selector: Parameters<typeof fresh.store.erasure.find>[0]) =>
      (await fresh.store.erasure.find(selector)).map((c) => c.id);
    expect(await ids({ customerKey: 'email:sarah@example.com' })).toEqual(['e1']);
    expect(await ids({ channel: 'whatsapp', externalThread: '447700900123' })).toEqual(['w1']);
    expect(await ids({ channel: 'sms', externalThread: '447700900123' })).toEqual([]);
    expect(await ids({ closedBefore: new Date('2026-03-01T00:00:00Z') })).toEqual(['old']);
  });
});
