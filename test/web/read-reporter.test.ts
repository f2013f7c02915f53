/**
 * The widget's read receipts (web/widget/read-reporter.ts): sent only while the customer can
 * see the chat, once per newer agent message, again after an offline try, and not for what a
 * receipt replayed after a reload already covers.
 */
import { describe, expect, it } from 'vitest';
import type { CustomerEvent } from '../../web/shared/api-types.ts';
import { ReadReporter } from '../../web/widget/read-reporter.ts';

const message = (seq: number, from: 'agent' | 'customer' | 'bot'): CustomerEvent =>
  ({
    conversationId: 'c1',
    seq,
    at: '',
    actor: { type: from },
    type: 'message.created',
    data: { from, text: 'x' },
  }) as CustomerEvent;
const receipt = (seq: number, upToSeq: number): CustomerEvent =>
  ({
    conversationId: 'c1',
    seq,
    at: '',
    actor: { type: 'customer' },
    type: 'message.read',
    data: { upToSeq, by: 'customer' },
  }) as CustomerEvent;

describe('ReadReporter', () => {
  it('sends while visible, once per newer agent message, and retries what went offline', () => {
    const sent: number[] = [];
    let online = true;
    const reads = new ReadReporter((upToSeq) => {
      if (online) sent.push(upToSeq);
      return online;
    });
    reads.seen(message(1, 'bot'));
    reads.seen(message(2, 'customer'));
    reads.report(true);
    expect(sent).toEqual([]); // nothing of an agent's yet
    reads.seen(message(3, 'agent'));
    reads.report(false);
    expect(sent).toEqual([]); // hidden or closed
    reads.report(true);
    reads.report(true);
    reads.seen(message(4, 'customer'));
    reads.report(true);
    expect(sent).toEqual([3]);
    online = false;
    reads.seen(message(5, 'agent'));
    reads.report(true);
    online = true;
    reads.report(true);
    expect(sent).toEqual([3, 5]);
  });

  it('takes a replayed receipt as sent, and starts afresh after a reset', () => {
    const sent: number[] = [];
    const reads = new ReadReporter((upToSeq) => sent.push(upToSeq) > 0);
    reads.seen(message(3, 'agent'));
    reads.seen(receipt(4, 3));
    reads.report(true);
    expect(sent).toEqual([]);
    reads.reset();
    reads.seen(message(2, 'agent'));
    reads.report(true);
    expect(sent).toEqual([2]);
  });
});
