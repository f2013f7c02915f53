// One choice, rendered by each adapter as its channel allows: WhatsApp reply buttons (≤3) or
// a list (4–10), Messenger/Instagram quick replies, Telegram inline keyboards, numbered text
// with the words to type for SMS and email; and each provider's typing indicator.
import { describe, expect, it } from 'vitest';
import type { ReplyChoices } from '../../src/channels/index.ts';
import { adapters } from './channel-fixtures.ts';

const waiting: ReplyChoices = {
  options: [
    { id: 'wait', label: 'Keep waiting' },
    { id: 'callback', label: 'Call me back' },
    { id: 'message', label: 'Continue by message' },
  ],
  typeHint: 'Reply with the number:',
  menuLabel: 'Choose',
};
const slots: ReplyChoices = {
  options: [
    { id: 'slot:2026-03-10T16:30:00.000Z', label: 'Today 17:30' },
    { id: 'slot:2026-03-11T08:00:00.000Z', label: 'Tomorrow 9:00' },
    { id: 'slot:2026-03-11T08:30:00.000Z', label: 'Tomorrow 9:30' },
    { id: 'later', label: 'Donner des détails d’abord, s’il vous plaît' },
  ],
  typeHint: 'Reply with the number:',
  menuLabel: 'Choose a time for us, please',
};
const question = 'You can keep waiting, ask for a callback, or carry on by message.';
const bodyOf = (r: { body: string }) => JSON.parse(r.body);

describe('WhatsApp', () => {
  const thread = '106540352242922:15551234567';
  it('three options or fewer: interactive reply buttons, ids as given, titles of 20 characters', () => {
    const requests = adapters.whatsapp.formatReply(thread, {
      text: question,
      choices: {
        ...waiting,
        options: [
          ...waiting.options.slice(0, 2),
          { id: 'message', label: 'Continue by message, please' },
        ],
      },
    });
    expect(requests).toHaveLength(1);
    expect(requests[0]!.url).toBe('http://graph.test/v23.0/106540352242922/messages');
    expect(bodyOf(requests[0]!)).toEqual({
      messaging_product: 'whatsapp',
      recipient_type: 'individual',
      to: '15551234567',
      type: 'interactive',
      interactive: {
        type: 'button',
        body: { text: question },
        action: {
          buttons: [
            { type: 'reply', reply: { id: 'wait', title: 'Keep waiting' } },
            { type: 'reply', reply: { id: 'callback', title: 'Call me back' } },
            { type: 'reply', reply: { id: 'message', title: 'Continue by message…' } },
          ],
        },
      },
    });
  });

  it('four to ten options: an interactive list whose button is the menu label', () => {
    const [request] = adapters.whatsapp.formatReply(thread, { text: 'When?', choices: slots });
    expect(bodyOf(request!).interactive).toEqual({
      type: 'list',
      body: { text: 'When?' },
      action: {
        button: 'Choose a time for u…',
        sections: [
          {
            rows: [
              { id: 'slot:2026-03-10T16:30:00.000Z', title: 'Today 17:30' },
              { id: 'slot:2026-03-11T08:00:00.000Z', title: 'Tomorrow 9:00' },
              { id: 'slot:2026-03-11T08:30:00.000Z', title: 'Tomorrow 9:30' },
              {
                id: 'later',
                title: 'Donner des détails d’ab…',
                description: 'Donner des détails d’abord, s’il vous plaît',
              },
            ],
          },
        ],
      },
    });
  });

  it('more than ten options: numbered text with the words to type', () => {
    const options = Array.from({ length: 11 }, (_, i) => ({ id: `o${i}`, label: `Option ${i}` }));
    const [request] = adapters.whatsapp.formatReply(thread, {
      text: 'Pick one.',
      choices: { ...waiting, options },
    });
    expect(bodyOf(request!).text.body).toBe(
      `Pick one.\n\nReply with the number:\n${options.map((o, i) => `${i + 1}) ${o.label}`).join('\n')}`,
    );
  });

  it('a body over 1,024 characters goes first as text; the buttons carry the rest', () => {
    const long = `${'a'.repeat(1000)} ${'b'.repeat(100)}`;
    const requests = adapters.whatsapp.formatReply(thread, { text: long, choices: waiting });
    expect(requests.map((r) => bodyOf(r).type)).toEqual(['text', 'interactive']);
    expect(bodyOf(requests[0]!).text.body).toBe('a'.repeat(1000));
    expect(bodyOf(requests[1]!).interactive.body.text).toBe('b'.repeat(100));
  });

  it('typing: marks the customer’s last message read with the typing indicator', () => {
    const request = adapters.whatsapp.formatTyping!(thread, {
      lastCustomerMessageId: 'wamid.HBgLMTY1MDM4Nzk0MzkVAgARGBJDQjZCMzlEQUE4OTJBMTE4RTUA',
    });
    expect(request!.url).toBe('http://graph.test/v23.0/106540352242922/messages');
    expect(bodyOf(request!)).toEqual({
      messaging_product: 'whatsapp',
      status: 'read',
      message_id: 'wamid.HBgLMTY1MDM4Nzk0MzkVAgARGBJDQjZCMzlEQUE4OTJBMTE4RTUA',
      typing_indicator: { type: 'text' },
    });
    expect(adapters.whatsapp.formatTyping!(thread, {})).toBeNull();
  });
});

describe('Messenger and Instagram', () => {
  it('quick replies on the last part: payload = the option’s id, titles of 20 characters', () => {
    const requests = adapters.messenger.formatReply('1029384756:24680135792468', {
      text: question,
      choices: slots,
    });
    expect(requests).toHaveLength(1);
    expect(requests[0]!.url).toBe('http://graph.test/v23.0/1029384756/messages');
    expect(bodyOf(requests[0]!)).toEqual({
      recipient: { id: '24680135792468' },
      messaging_type: 'RESPONSE',
      message: {
        text: question,
        quick_replies: [
          { content_type: 'text', title: 'Today 17:30', payload: 'slot:2026-03-10T16:30:00.000Z' },
          {
            content_type: 'text',
            title: 'Tomorrow 9:00',
            payload: 'slot:2026-03-11T08:00:00.000Z',
          },
          {
            content_type: 'text',
            title: 'Tomorrow 9:30',
            payload: 'slot:2026-03-11T08:30:00.000Z',
          },
          { content_type: 'text', title: 'Donner des détails …', payload: 'later' },
        ],
      },
    });
  });

  it('more than 13 options: numbered text', () => {
    const options = Array.from({ length: 14 }, (_, i) => ({ id: `o${i}`, label: `O${i}` }));
    const [request] = adapters.instagram.formatReply('17841400000000000:9988', {
      text: 'Pick.',
      choices: { ...waiting, options },
    });
    expect(bodyOf(request!).message.quick_replies).toBeUndefined();
    expect(bodyOf(request!).message.text).toMatch(/^Pick\.\n\nReply with the number:\n1\) O0\n/);
  });

  it('typing: sender_action typing_on (Instagram to /me)', () => {
    const messenger = adapters.messenger.formatTyping!('1029384756:2468', {});
    expect(messenger!.url).toBe('http://graph.test/v23.0/1029384756/messages');
    expect(bodyOf(messenger!)).toEqual({ recipient: { id: '2468' }, sender_action: 'typing_on' });
    const instagram = adapters.instagram.formatTyping!('17841400000000000:9988', {});
    expect(instagram!.url).toBe('http://graph.test/v23.0/me/messages');
    expect(bodyOf(instagram!)).toEqual({ recipient: { id: '9988' }, sender_action: 'typing_on' });
  });
});

describe('Telegram', () => {
  it('an inline keyboard, one button a row, callback_data = the option’s id', () => {
    const [request] = adapters.telegram.formatReply('-1001234567890/42', {
      text: question,
      choices: waiting,
    });
    expect(request!.url).toBe('http://telegram.test/bot123:ABC/sendMessage');
    expect(bodyOf(request!)).toEqual({
      chat_id: -1001234567890,
      message_thread_id: 42,
      text: question,
      reply_markup: {
        inline_keyboard: [
          [{ text: 'Keep waiting', callback_data: 'wait' }],
          [{ text: 'Call me back', callback_data: 'callback' }],
          [{ text: 'Continue by message', callback_data: 'message' }],
        ],
      },
    });
  });

  it('an id longer than callback_data holds (64 bytes): numbered text instead', () => {
    const [request] = adapters.telegram.formatReply('4242', {
      text: 'Pick.',
      choices: { ...waiting, options: [{ id: 'x'.repeat(65), label: 'Long' }] },
    });
    expect(bodyOf(request!)).toEqual({
      chat_id: 4242,
      text: 'Pick.\n\nReply with the number:\n1) Long',
    });
  });

  it('typing: sendChatAction typing, in the topic', () => {
    const request = adapters.telegram.formatTyping!('-1001234567890/42', {});
    expect(request!.url).toBe('http://telegram.test/bot123:ABC/sendChatAction');
    expect(bodyOf(request!)).toEqual({
      chat_id: -1001234567890,
      message_thread_id: 42,
      action: 'typing',
    });
  });
});

describe('SMS and email: numbered text with the words to type, and no typing', () => {
  it('SMS', () => {
    const [request] = adapters.sms.formatReply('+15559998888:+15550001111', {
      text: question,
      choices: waiting,
    });
    expect(new URLSearchParams(request!.body).get('Body')).toBe(
      `${question}\n\nReply with the number:\n1) Keep waiting\n2) Call me back\n3) Continue by message`,
    );
    expect(adapters.sms.formatTyping).toBeUndefined();
  });

  it('email', () => {
    const [mail] = adapters.email.formatReply('<root@mail.example.com>', {
      text: question,
      choices: waiting,
      to: 'sarah@example.com',
      subject: 'Order 1234',
    });
    expect(mail!.text).toBe(
      `${question}\n\nReply with the number:\n1) Keep waiting\n2) Call me back\n3) Continue by message`,
    );
    expect(adapters.email.formatTyping).toBeUndefined();
  });

  it('a choice whose text already says what to type (the survey) adds nothing', () => {
    const rate = 'Rate us from 1 to 5. Reply with the number.';
    const stars = [1, 2, 3, 4, 5].map((n) => ({ id: String(n), label: '★'.repeat(n) }));
    const [request] = adapters.sms.formatReply('+15559998888:+15550001111', {
      text: rate,
      choices: { options: stars, menuLabel: 'Choose' },
    });
    expect(new URLSearchParams(request!.body).get('Body')).toBe(rate);
  });
});
