/** Read receipts' rules (core/conversation/read-marker.ts), on a conversation's events. */
import { describe, expect, it } from 'vitest';
import { decideRead, readMarkerOf } from '../../../src/core/conversation/read-marker.ts';
import type { StoredEvent } from '../../../src/core/records.ts';

const at = '2026-12-04T10:00:00.000Z';
const message = (seq: number, from: string) =>
  ({
    conversationId: 'c1',
    seq,
    at,
    type: 'message.created',
    actor: { type: from },
    data: { from, text: 'x' },
  }) as unknown as StoredEvent;
const read = (seq: number, by: 'customer' | 'agent', upToSeq: number) =>
  ({
    conversationId: 'c1',
    seq,
    at,
    type: 'message.read',
    actor: { type: by },
    data: { upToSeq, by },
  }) as unknown as StoredEvent;

describe('decideRead', () => {
  const events = [
    message(1, 'bot'),
    message(2, 'customer'),
    message(3, 'agent'),
    message(4, 'customer'),
  ];

  it('lands on the last message of the other side at or before the seq given', () => {
    expect(decideRead(events, 4, 'customer', 4)).toEqual({ kind: 'mark', upToSeq: 3 });
    expect(decideRead(events, 4, 'agent', 4)).toEqual({ kind: 'mark', upToSeq: 4 });
    expect(decideRead(events, 4, 'agent', 3)).toEqual({ kind: 'mark', upToSeq: 2 });
    expect(decideRead(events, 4, 'customer', 2)).toEqual({ kind: 'unchanged', upToSeq: 0 });
  });

  it('never goes back, never repeats, never passes the last seq', () => {
    const marked = [...events, read(5, 'agent', 4)];
    expect(readMarkerOf(marked, 'agent')).toBe(4);
    expect(readMarkerOf(marked, 'customer')).toBe(0);
    expect(decideRead(marked, 5, 'agent', 5)).toEqual({ kind: 'unchanged', upToSeq: 4 });
    expect(decideRead(marked, 5, 'agent', 2)).toEqual({ kind: 'unchanged', upToSeq: 4 });
    expect(decideRead(marked, 5, 'agent', 6)).toEqual({ kind: 'beyond_end' });
  });
});
