/** How outbound email is threaded, and Baton's Message-IDs: pure rules, no server. */
import { describe, expect, it } from 'vitest';
import {
  batonMessageId,
  isBatonMessageIdOf,
  parseBatonMessageId,
} from '../../src/app/channels/email/email-message-ids.ts';
import { planEmailThread } from '../../src/app/channels/email/email-thread.ts';
import { EMPTY_LIFECYCLE } from '../../src/core/conversation/lifecycle.ts';
import type { ConversationRecord, StoredEvent } from '../../src/core/records.ts';

function conversation(overrides: Partial<ConversationRecord>): ConversationRecord {
  return {
    id: 'c_1',
    channel: 'email',
    status: 'assigned',
    queue: 'general',
    priority: 50,
    assigneeId: 'a_1',
    offeredTo: null,
    language: null,
    customer: { email: 'sarah@customer.test' },
    tokenHash: 'hash-1',
    lastSeq: 10,
    handoff: null,
    preview: null,
    createdAt: '2026-11-22T09:00:00.000Z',
    updatedAt: '2026-11-22T09:00:00.000Z',
    handedOverAt: null,
    resolvedAt: null,
    externalThread: '<root@customer.test>',
    channelState: {},
    declinedBy: [],
    lifecycle: EMPTY_LIFECYCLE,
    ...overrides,
  };
}

let seq = 0;
function event(type: StoredEvent['type'], data: Record<string, unknown>): StoredEvent {
  seq += 1;
  return {
    conversationId: 'c_1',
    seq,
    type,
    at: '',
    actor: { type: 'system' },
    data,
  } as StoredEvent;
}

describe('planEmailThread', () => {
  it('answers the latest email of an email thread, under the first subject', () => {
    const events = [
      event('message.created', {
        from: 'customer',
        providerMessageId: '<root@customer.test>',
        email: { subject: 'Order 1234', references: [] },
      }),
      event('message.delivery', {
        channel: 'email',
        status: 'sent',
        providerMessageId: '<baton.c_1.3.x@acme.test>',
      }),
      event('message.created', {
        from: 'customer',
        providerMessageId: '<two@customer.test>',
        email: { subject: 'Re: Order 1234', references: ['<baton.c_1.3.x@acme.test>'] },
      }),
    ];
    expect(planEmailThread(conversation({}), events, 'fallback')).toEqual({
      to: 'sarah@customer.test',
      subject: 'Order 1234',
      root: '<root@customer.test>',
      inReplyTo: '<two@customer.test>',
      references: ['<root@customer.test>', '<baton.c_1.3.x@acme.test>', '<two@customer.test>'],
      continuesChat: false,
    });
  });

  it('starts a web chat’s email thread once, then replies in it', () => {
    const web = conversation({
      channel: 'web',
      externalThread: null,
      channelState: { replyByEmail: 'sam@customer.test' },
    });
    expect(planEmailThread(web, [], 'Your conversation with Acme')).toEqual({
      to: 'sam@customer.test',
      subject: 'Your conversation with Acme',
      references: [],
      continuesChat: true,
    });
    const sent = event('message.delivery', {
      channel: 'email',
      status: 'sent',
      providerMessageId: '<baton.c_1.7.y@acme.test>',
    });
    expect(planEmailThread(web, [sent], 'Your conversation with Acme')).toMatchObject({
      root: '<baton.c_1.7.y@acme.test>',
      inReplyTo: '<baton.c_1.7.y@acme.test>',
      continuesChat: false,
    });
    // A failed send did not start anything.
    const failed = event('message.delivery', { channel: 'email', status: 'failed' });
    expect(planEmailThread(web, [failed], 'S')?.continuesChat).toBe(true);
  });

  it('has nowhere to send without an address', () => {
    expect(planEmailThread(conversation({ customer: {} }), [], 'S')).toBeUndefined();
    expect(planEmailThread(conversation({ channel: 'web' }), [], 'S')).toBeUndefined();
  });
});

describe('Baton Message-IDs', () => {
  const c = { id: 'c_abc', tokenHash: 'secret-hash' };
  it('name their conversation and verify only with its key', () => {
    const id = batonMessageId(c, 12, 'acme.test');
    expect(id).toMatch(/^<baton\.c_abc\.12\.[0-9a-f]{20}@acme\.test>$/);
    expect(batonMessageId(c, 12, 'acme.test')).toBe(id); // the same on a retry
    expect(parseBatonMessageId(id)).toEqual({ conversationId: 'c_abc', seq: 12 });
    expect(isBatonMessageIdOf(c, id)).toBe(true);
    expect(isBatonMessageIdOf({ ...c, tokenHash: 'other' }, id)).toBe(false);
    expect(isBatonMessageIdOf(c, id.replace('.12.', '.13.'))).toBe(false);
    expect(parseBatonMessageId('<first@customer.test>')).toBeUndefined();
  });
});
