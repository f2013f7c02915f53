/**
 * What the customer's stream and answers carry of each event (toCustomerEvent), and that the
 * widget's types are the same table's: a field kept for the customer is a field the widget may
 * read, and nothing else (web/shared/api-types.ts derives `CustomerEvent` from it).
 */
import { describe, expect, expectTypeOf, it } from 'vitest';
import {
  CUSTOMER_EVENT_FIELDS,
  toCustomerEvent,
} from '../../src/app/conversations/conversation-view.ts';
import type { StoredEvent } from '../../src/core/records.ts';
import type { BatonEvent, CustomerMessageData, MessageData } from '../../web/shared/api-types.ts';
import { handedOverData } from '../helpers/event-data.ts';

const base = { conversationId: 'c1', seq: 7, at: '2026-12-06T10:00:00.000Z' };

describe('toCustomerEvent', () => {
  it('keeps only the table’s fields of a message, and an agent by name only', () => {
    const event = {
      ...base,
      type: 'message.created',
      actor: { type: 'agent', id: 'a_sam', name: 'Sam' },
      data: {
        from: 'agent',
        text: 'Hello',
        agentName: 'Sam',
        confidence: 0.9,
        intent: 'greeting',
        band: { lowMinutes: 1, highMinutes: 5 },
        choices: [{ id: 'yes', label: 'Yes' }],
      },
    } satisfies StoredEvent;
    const seen = toCustomerEvent(event);
    expect(seen.actor).toEqual({ type: 'agent', name: 'Sam' });
    expect(seen.data).toEqual({
      from: 'agent',
      text: 'Hello',
      agentName: 'Sam',
      choices: [{ id: 'yes', label: 'Yes' }],
    });
    for (const key of Object.keys(seen.data))
      expect(CUSTOMER_EVENT_FIELDS['message.created']).toContain(key);
  });

  it('shows a handoff’s queue but not its decision, a note as an internal seq', () => {
    const handoff = toCustomerEvent({
      ...base,
      type: 'conversation.handed_over',
      actor: { type: 'system' },
      data: { ...handedOverData('billing') },
    });
    expect(handoff.data).toEqual({ queue: 'billing' });
    const note = toCustomerEvent({
      ...base,
      type: 'note.created',
      actor: { type: 'agent', id: 'a_sam', name: 'Sam' },
      data: { text: 'VIP', agentName: 'Sam' },
    });
    expect(note).toEqual({ ...base, type: 'internal', actor: { type: 'agent' }, data: {} });
  });

  it('gives other types empty data, keeping their seq', () => {
    const seen = toCustomerEvent({
      ...base,
      type: 'conversation.offered',
      actor: { type: 'system' },
      data: { agentId: 'a_sam', expiresAt: base.at },
    });
    expect(seen).toMatchObject({ seq: 7, type: 'conversation.offered', data: {} });
  });
});

describe('the web’s event types', () => {
  it('are the core’s: the inbox reads the stored event, the widget the redaction’s fields', () => {
    expectTypeOf<BatonEvent>().toEqualTypeOf<StoredEvent>();
    expectTypeOf<MessageData['from']>().toEqualTypeOf<StoredEvent['actor']['type']>();
    expectTypeOf<keyof CustomerMessageData>().toEqualTypeOf<
      (typeof CUSTOMER_EVENT_FIELDS)['message.created'][number]
    >();
  });
});
