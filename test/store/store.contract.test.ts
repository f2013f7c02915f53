/** One contract for the store, run on every engine. */
import { beforeEach, describe, expect, it } from 'vitest';
import { EMPTY_LIFECYCLE } from '../../src/core/conversation/lifecycle.ts';
import type { HandoffSummary, NewEvent } from '../../src/core/records.ts';
import type { PendingTimer } from '../../src/store/lifecycle-derive.ts';
import { TEST_DATABASES, useFreshStore } from '../helpers/databases.ts';

const now = new Date('2026-11-22T10:00:00.000Z');
const customerMessage = (text: string, clientMessageId?: string): NewEvent => ({
  type: 'message.created',
  actor: { type: 'customer' },
  data: { from: 'customer', text },
  ...(clientMessageId ? { clientMessageId } : {}),
});

describe.each(TEST_DATABASES)('store on $name', (database) => {
  const fresh = useFreshStore(database);
  beforeEach(async () => {
    await fresh.store.agents.create({
      id: 'a1',
      email: 'Alex@Example.com',
      name: 'Alex',
      passwordHash: 'x',
      role: 'agent',
      skills: ['billing'],
      now,
    });
    await fresh.store.agents.create({
      id: 'a2',
      email: 'sam@example.com',
      name: 'Sam',
      passwordHash: 'x',
      role: 'agent',
      skills: [],
      now,
    });
  });

  async function newConversation(id = 'c1') {
    return fresh.store.conversations.create({
      id,
      channel: 'web',
      customer: { name: 'Sarah' },
      language: 'en',
      tokenHash: 'h',
      events: [
        { type: 'conversation.created', actor: { type: 'system' }, data: { channel: 'web' } },
      ],
      now,
    });
  }

  it('numbers events 1, 2, 3 … per conversation without gaps', async () => {
    const { conversation, events } = await newConversation();
    expect(conversation.lastSeq).toBe(1);
    expect(events.map((e) => e.seq)).toEqual([1]);
    const r = await fresh.store.conversations.commit({
      conversationId: 'c1',
      events: [customerMessage('hi'), customerMessage('there')],
      now,
    });
    expect(r.ok && r.events.map((e) => e.seq)).toEqual([2, 3]);
    const other = await newConversation('c2');
    expect(other.events[0]?.seq).toBe(1);
    const all = await fresh.store.conversations.eventsSince('c1', 0);
    expect(all.map((e) => [e.seq, e.data.text ?? null])).toEqual([
      [1, null],
      [2, 'hi'],
      [3, 'there'],
    ]);
    expect((await fresh.store.conversations.eventsSince('c1', 2)).map((e) => e.seq)).toEqual([3]);
  });

  it('stores a client message id once and reports the duplicate', async () => {
    await newConversation();
    const first = await fresh.store.conversations.commit({
      conversationId: 'c1',
      events: [customerMessage('hello', 'm-1')],
      now,
    });
    expect(first.ok).toBe(true);
    const again = await fresh.store.conversations.commit({
      conversationId: 'c1',
      events: [customerMessage('hello', 'm-1')],
      now,
    });
    expect(again.ok).toBe(false);
    expect(!again.ok && again.reason).toBe('duplicate');
    if (!again.ok && again.reason === 'duplicate') expect(again.events[0]?.seq).toBe(2);
    const all = await fresh.store.conversations.eventsSince('c1', 0);
    expect(all).toHaveLength(2);
    expect((await fresh.store.conversations.get('c1'))?.lastSeq).toBe(2);
  });

  it('stores one of many concurrent retries of the same message', async () => {
    await newConversation();
    const results = await Promise.all(
      Array.from({ length: 10 }, () =>
        fresh.store.conversations.commit({
          conversationId: 'c1',
          events: [customerMessage('once', 'm-9')],
          now,
        }),
      ),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok && r.reason === 'duplicate')).toHaveLength(9);
    const all = await fresh.store.conversations.eventsSince('c1', 0);
    expect(all.map((e) => e.seq)).toEqual([1, 2]);
  });

  it('fails a write alone: the others committed at the same moment are kept', async () => {
    await newConversation('c1');
    await newConversation('c2');
    const seen = await fresh.store.conversations.commit({
      conversationId: 'c1',
      events: [customerMessage('first', 'm-1')],
      now,
    });
    expect(seen.ok).toBe(true);
    // Submitted in one turn: on SQLite one group commit, where the reused id's write throws.
    const commit = (conversationId: string, text: string, clientMessageId: string) =>
      fresh.store.conversations.commit({
        conversationId,
        events: [customerMessage(text, clientMessageId)],
        now,
      });
    const results = await Promise.all([
      commit('c1', 'second', 'm-2'),
      commit('c2', 'other', 'm-3'),
      commit('c1', 'first', 'm-1'),
      commit('c2', 'more', 'm-4'),
    ]);
    expect(results.map((r) => (r.ok ? 'ok' : r.reason))).toEqual(['ok', 'ok', 'duplicate', 'ok']);
    // PostgreSQL runs them side by side, so their order within a conversation is not fixed.
    const stored = async (id: string) => {
      const events = await fresh.store.conversations.eventsSince(id, 1);
      return { seqs: events.map((e) => e.seq), texts: events.map((e) => e.data.text).sort() };
    };
    expect(await stored('c1')).toEqual({ seqs: [2, 3], texts: ['first', 'second'] });
    expect(await stored('c2')).toEqual({ seqs: [2, 3], texts: ['more', 'other'] });
    expect((await fresh.store.conversations.get('c1'))?.lastSeq).toBe(3);
    expect((await fresh.store.conversations.get('c2'))?.lastSeq).toBe(3);
  });

  it('applies a commit only when the expected state holds', async () => {
    await newConversation();
    const wrong = await fresh.store.conversations.commit({
      conversationId: 'c1',
      expectStatus: ['queued'],
      changes: { status: 'assigned', assigneeId: 'a1' },
      events: [
        {
          type: 'conversation.assigned',
          actor: { type: 'agent', id: 'a1' },
          data: { agentId: 'a1', agentName: 'Ada' },
        },
      ],
      now,
    });
    expect(!wrong.ok && wrong.reason).toBe('conflict');
    const missing = await fresh.store.conversations.commit({
      conversationId: 'nope',
      events: [],
      now,
    });
    expect(!missing.ok && missing.reason).toBe('not_found');
    expect((await fresh.store.conversations.get('c1'))?.lastSeq).toBe(1);
  });

  it('returns the conversation as stored, and derives from its pending lifecycle timers only', async () => {
    await fresh.store.conversations.create({
      id: 'c1',
      channel: 'whatsapp',
      externalThread: '+15550001111',
      customer: { name: 'Sarah', email: 'sarah@example.com', verified: true },
      language: 'en',
      tokenHash: 'h',
      channelState: { replyByEmail: 'sarah@example.com' },
      events: [],
      now,
    });
    const dueAt = new Date('2026-11-22T10:02:00.000Z');
    await fresh.store.conversations.commit({
      conversationId: 'c1',
      changes: {
        status: 'assigned',
        queue: 'billing',
        priority: 70,
        assigneeId: 'a1',
        offeredTo: 'a2',
        handoff: { reasons: ['explicit_request'] } as unknown as HandoffSummary,
        preview: 'Where is my order?',
        handedOverAt: now.toISOString(),
        resolvedAt: now.toISOString(),
        declinedBy: ['a2'],
      },
      events: [customerMessage('Where is my order?', 'm1')],
      timers: {
        schedule: [
          { kind: 'agent.reply_due', dueAt, data: { stage: 1 } },
          // An outbox timer of the same conversation: not the derive step's business.
          { kind: 'channel.send', dueAt, data: { seq: 2 } },
        ],
      },
      now,
    });
    const seen: { pending: readonly PendingTimer[]; lastSeq: number }[] = [];
    const lifecycle = { ...EMPTY_LIFECYCLE, status: 'assigned' as const, replyStage: 1 };
    const result = await fresh.store.conversations.commit({
      conversationId: 'c1',
      expectStatus: ['assigned'],
      events: [customerMessage('Hello?', 'm2')],
      derive: (conversation, _events, pending) => {
        seen.push({ pending, lastSeq: conversation.lastSeq });
        return { lifecycle, cancelIds: [], schedule: [] };
      },
      now,
    });
    expect(seen).toEqual([
      {
        pending: [
          {
            id: expect.any(String),
            kind: 'agent.reply_due',
            dueAt: dueAt.toISOString(),
            data: { stage: 1 },
          },
        ],
        lastSeq: 2,
      },
    ]);
    if (!result.ok) throw new Error(`commit refused: ${result.reason}`);
    const stored = await fresh.store.conversations.get('c1');
    expect(JSON.parse(JSON.stringify(result.conversation))).toEqual(
      JSON.parse(JSON.stringify(stored)),
    );
    expect(result.conversation).toMatchObject({
      channel: 'whatsapp',
      externalThread: '+15550001111',
      queue: 'billing',
      priority: 70,
      assigneeId: 'a1',
      offeredTo: 'a2',
      preview: 'Where is my order?',
      declinedBy: ['a2'],
      channelState: { replyByEmail: 'sarah@example.com' },
      handoff: { reasons: ['explicit_request'] },
      lifecycle,
      lastSeq: 2,
    });
  });

  it('lets exactly one of many concurrent claims win', async () => {
    await newConversation();
    await fresh.store.conversations.commit({
      conversationId: 'c1',
      changes: {
        status: 'queued',
        queue: 'general',
        priority: 50,
        handedOverAt: now.toISOString(),
      },
      events: [],
      now,
    });
    const claims = Array.from({ length: 50 }, (_, i) =>
      fresh.store.conversations.commit({
        conversationId: 'c1',
        expectStatus: ['queued'],
        changes: { status: 'assigned', assigneeId: i % 2 ? 'a1' : 'a2' },
        events: [
          {
            type: 'conversation.assigned',
            actor: { type: 'agent', id: `a${i}` },
            data: { agentId: `a${i}`, agentName: 'Ada' },
          },
        ],
        now,
      }),
    );
    const results = await Promise.all(claims);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    const events = await fresh.store.conversations.eventsSince('c1', 0);
    expect(events.filter((e) => e.type === 'conversation.assigned')).toHaveLength(1);
  });

  it('lists the inbox: waiting ones and the agent’s own, by priority then wait', async () => {
    for (const [id, status, priority, assignee, at] of [
      ['low', 'queued', 40, null, '2026-11-22T09:00:00Z'],
      ['high', 'queued', 90, null, '2026-11-22T09:30:00Z'],
      ['high-older', 'queued', 90, null, '2026-11-22T09:10:00Z'],
      ['mine', 'assigned', 50, 'a1', '2026-11-22T09:00:00Z'],
      ['theirs', 'assigned', 99, 'a2', '2026-11-22T09:00:00Z'],
      ['bot', 'bot', null, null, null],
    ] as const) {
      await newConversation(id);
      await fresh.store.conversations.commit({
        conversationId: id,
        changes: { status, priority, assigneeId: assignee, handedOverAt: at },
        events: [],
        now,
      });
    }
    const inbox = await fresh.store.conversations.listInbox({ agentId: 'a1' });
    expect(inbox.map((c) => c.id)).toEqual(['high-older', 'high', 'mine', 'low']);
  });

  it('counts what each agent holds: assigned to them or offered to them, nothing closed', async () => {
    const held = [
      ['c1', { status: 'assigned', assigneeId: 'a1' }],
      ['c2', { status: 'offered', offeredTo: 'a1' }],
      ['c3', { status: 'offered', offeredTo: 'a2' }],
      ['c4', { status: 'resolved', assigneeId: 'a2' }],
      ['c5', { status: 'queued' }],
    ] as const;
    for (const [id, changes] of held) {
      await newConversation(id);
      await fresh.store.conversations.commit({ conversationId: id, changes, events: [], now });
    }
    expect(Object.fromEntries(await fresh.store.reads.loadByAgent())).toEqual({ a1: 2, a2: 1 });
  });

  it('finds agents by email case-insensitively and by live session only', async () => {
    expect((await fresh.store.agents.findByEmail('alex@example.com'))?.id).toBe('a1');
    await fresh.store.agents.createSession('t1', 'a1', now, new Date(now.getTime() + 60_000));
    expect((await fresh.store.agents.findBySession('t1', now))?.name).toBe('Alex');
    expect(
      await fresh.store.agents.findBySession('t1', new Date(now.getTime() + 61_000)),
    ).toBeUndefined();
    await fresh.store.agents.deleteSession('t1');
    expect(await fresh.store.agents.findBySession('t1', now)).toBeUndefined();
    expect(await fresh.store.agents.count()).toBe(2);
  });
});
