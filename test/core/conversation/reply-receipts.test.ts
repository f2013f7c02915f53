/** The fold the inbox reads its "Delivered" / "Seen" / "Not delivered" labels from (pure). */
import { describe, expect, it } from 'vitest';
import { replyReceipts, type ReceiptEvent } from '../../../src/core/conversation/reply-receipts.ts';
import { sentMessageId } from '../../../src/channels/index.ts';

let seq = 0;
const at = (minute: number) => `2026-12-06T10:${String(minute).padStart(2, '0')}:00.000Z`;
const event = (type: string, data: unknown, minute = 0): ReceiptEvent => ({
  seq: ++seq,
  type,
  at: at(minute),
  data,
});

function conversation() {
  seq = 0;
  const customer = event('message.created', { from: 'customer', text: 'hi' });
  const reply = event('message.created', { from: 'agent', text: 'hello' });
  const sent = event(
    'message.delivery',
    { seq: reply.seq, status: 'sent', providerMessageIds: ['p1'] },
    1,
  );
  return { events: [customer, reply, sent], reply };
}

describe('replyReceipts', () => {
  it('ties a status to its reply in any order, and never takes "read" back', () => {
    const { events, reply } = conversation();
    const early = event('message.status', { providerMessageId: 'p1', status: 'delivered' });
    expect(replyReceipts([early, ...events])).toMatchObject({ seen: 0, delivered: reply.seq });
    const read = event('message.status', { providerMessageId: 'p1', status: 'read' });
    const again = event('message.status', { providerMessageId: 'p1', status: 'delivered' });
    expect(replyReceipts([...events, read, again, again])).toMatchObject({
      seen: reply.seq,
      delivered: 0,
    });
  });

  it('keeps an unknown id out of every label, and says why a reply failed', () => {
    const { events, reply } = conversation();
    const stranger = event('message.status', { providerMessageId: 'p9', status: 'read' });
    const failed = event('message.status', {
      providerMessageId: 'p1',
      status: 'failed',
      error: 'Twilio error 30003: Unreachable destination handset',
    });
    const result = replyReceipts([...events, stranger, failed]);
    expect(result.seen).toBe(0);
    expect([...result.failed]).toEqual([
      [reply.seq, 'Twilio error 30003: Unreachable destination handset'],
    ]);
  });

  it("reads a watermark as every reply sent up to it, and only the agents' replies", () => {
    const { events, reply } = conversation();
    const bot = event('message.created', { from: 'bot', text: 'auto' });
    const botSent = event(
      'message.delivery',
      { seq: bot.seq, status: 'sent', providerMessageIds: ['b'] },
      1,
    );
    const later = event('message.created', { from: 'agent', text: 'later' });
    const laterSent = event(
      'message.delivery',
      { seq: later.seq, status: 'sent', providerMessageIds: ['p2'] },
      5,
    );
    const mark = event('message.status', { status: 'read', readUpTo: at(2) });
    expect(replyReceipts([...events, bot, botSent, later, laterSent, mark]).seen).toBe(reply.seq);
  });

  it("ties an email's statuses to the Message-ID its delivery names", () => {
    seq = 0;
    const reply = event('message.created', { from: 'agent', text: 'hello' });
    const id = `<baton.c_1.${reply.seq}.0123456789abcdef0123@acme.test>`;
    const sent = event('message.delivery', {
      seq: reply.seq,
      status: 'sent',
      channel: 'email',
      providerMessageId: id,
    });
    const delivered = event('message.status', { providerMessageId: id, status: 'delivered' });
    expect(replyReceipts([reply, sent, delivered]).delivered).toBe(reply.seq);
    const bounced = event('message.status', {
      providerMessageId: id,
      status: 'failed',
      error: 'smtp; 550 5.1.1 User unknown',
    });
    expect([...replyReceipts([bounced, reply, sent]).failed]).toEqual([
      [reply.seq, 'smtp; 550 5.1.1 User unknown'],
    ]);
  });
});

describe('sentMessageId', () => {
  it("reads each provider's send answer", () => {
    expect(sentMessageId('whatsapp', '{"messages":[{"id":"wamid.X"}]}')).toBe('wamid.X');
    expect(sentMessageId('messenger', '{"recipient_id":"1","message_id":"m_1"}')).toBe('m_1');
    expect(sentMessageId('instagram', '{"message_id":"m_2"}')).toBe('m_2');
    expect(sentMessageId('telegram', '{"ok":true,"result":{"message_id":42}}')).toBe('42');
    expect(sentMessageId('sms', '{"sid":"SM1","status":"queued"}')).toBe('SM1');
    expect(sentMessageId('sms', 'not json')).toBeUndefined();
    expect(sentMessageId('api', '{"sid":"x"}')).toBeUndefined();
  });
});
