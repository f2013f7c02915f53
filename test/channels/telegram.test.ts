// Telegram specifics: every update in test/fixtures/channels/telegram (tgbot's real ones run
// in test/conformance), private/group/supergroup chats, forum topics,
// callback queries with answerCallbackQuery, and sendMessage formatting.
import { describe, expect, it } from 'vitest';
import { adapters, json, signedRequest, telegramUpdates } from './channel-fixtures.ts';

const tg = adapters.telegram;

function eventsOf(body: Buffer): any[] {
  const result = tg.receive(signedRequest('telegram', body));
  if (result.kind !== 'accepted') throw new Error(JSON.stringify(result));
  return result.events;
}

describe('updates in test/fixtures/channels/telegram/updates.json', () => {
  const updates = telegramUpdates();
  const lena = { externalId: '48213307', name: 'Lena Vogel', language: 'de' };
  const expected: Record<string, Record<string, unknown>> = {
    private_text: {
      type: 'message',
      threadId: '48213307',
      providerMessageId: '48213307:17',
      text: 'Hallo, wo ist meine Bestellung?',
      customer: lena,
      at: '2026-11-22T09:58:00.000Z',
    },
    reply: { text: 'Die mit der Nummer 5521', replyToProviderMessageId: '48213307:18' },
    photo: {
      media: [{ kind: 'image', ref: 'AgACAgQAAxkBAAIBs-large', caption: 'Karton beschädigt' }],
    },
    voice: { media: [{ kind: 'audio', ref: 'AwACAgQAAxkBAAIBt-voice', mimeType: 'audio/ogg' }] },
    document: {
      media: [{ kind: 'document', fileName: 'rechnung.pdf', mimeType: 'application/pdf' }],
    },
    contact: { text: 'Lena Vogel (+4915112345678)' },
    venue: {
      media: [{ kind: 'location', ref: 'geo:52.520008,13.404954', caption: 'Packstation 112' }],
    },
    group_text: {
      threadId: '-4012345678',
      providerMessageId: '-4012345678:301',
      customer: lena,
    },
    anonymous_admin: {
      threadId: '-1009876543210',
      customer: { externalId: 'chat:-1009876543210', name: 'Northwind wholesale' },
    },
    edited: {
      type: 'message_edited',
      originalProviderMessageId: '48213307:17',
      text: 'Hallo, wo ist meine Bestellung 5521?',
      at: '2026-11-22T10:03:00.000Z',
    },
    callback_query: {
      threadId: '48213307',
      providerMessageId: 'callback:2071138470521099201',
      text: 'Mit einer Person sprechen',
      interactive: {
        id: 'agent',
        title: 'Mit einer Person sprechen',
        callbackQueryId: '2071138470521099201',
      },
      customer: lena,
    },
    inline_callback_query: {
      threadId: '48213307',
      text: 'track',
      interactive: { id: 'track', title: 'track', callbackQueryId: '2071138470521099202' },
    },
  };
  it('covers every update in the file', () =>
    expect(Object.keys(expected).sort()).toEqual(Object.keys(updates).sort()));
  it.each(Object.entries(expected))('%s', (name, e) => {
    const events = eventsOf(updates[name]!);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ type: 'message', channel: 'telegram', ...e });
  });
  it('keeps the largest photo size, not the first', () => {
    expect(eventsOf(updates.photo!)[0].media[0].ref).not.toBe('AgACAgQAAxkBAAIBs-small');
  });
});

describe('callback queries', () => {
  it('names the pressed button by its label when the keyboard is in the update', () => {
    const update = {
      update_id: 9,
      callback_query: {
        id: 'q9',
        from: { id: 5, first_name: 'Ann', is_bot: false },
        chat_instance: 'c',
        data: 'agent',
        message: {
          message_id: 3,
          date: 1,
          chat: { id: 5, type: 'private' },
          text: 'Need more help?',
          reply_markup: {
            inline_keyboard: [[{ text: 'Talk to a person', callback_data: 'agent' }]],
          },
        },
      },
    };
    expect(eventsOf(json(update))[0]).toMatchObject({
      text: 'Talk to a person',
      interactive: { id: 'agent', title: 'Talk to a person' },
    });
  });
});

describe('chats and updates', () => {
  it('forum topics are their own threads, and replies go back into the topic', () => {
    const update = {
      update_id: 3,
      message: {
        message_id: 7,
        message_thread_id: 42,
        is_topic_message: true,
        date: 1,
        chat: { id: -1001, type: 'supergroup', title: 'Help' },
        from: { id: 9, first_name: 'Bo', is_bot: false },
        text: 'hi',
      },
    };
    const [event] = eventsOf(json(update));
    expect(event).toMatchObject({ threadId: '-1001/42', providerMessageId: '-1001:7' });
    const [request] = tg.formatReply(event.threadId, {
      text: 'hello',
      replyToProviderMessageId: event.providerMessageId,
    });
    expect(JSON.parse(request!.body)).toEqual({
      chat_id: -1001,
      message_thread_id: 42,
      text: 'hello',
      reply_parameters: { message_id: 7, allow_sending_without_reply: true },
    });
  });

  it('an edit is a message_edited event pointing at the original', () => {
    const update = {
      update_id: 4,
      edited_message: {
        message_id: 7,
        date: 1,
        edit_date: 2,
        chat: { id: 5, type: 'private' },
        from: { id: 5, first_name: 'Ann', is_bot: false },
        text: 'fixed typo',
      },
    };
    expect(eventsOf(json(update))[0]).toMatchObject({
      type: 'message_edited',
      providerMessageId: '5:7:edit:2',
      originalProviderMessageId: '5:7',
      text: 'fixed typo',
    });
  });

  it('polls are unsupported by name; service messages and other update kinds are ignored', () => {
    const base = {
      message_id: 1,
      date: 1,
      chat: { id: 5, type: 'private' },
      from: { id: 5, first_name: 'Ann', is_bot: false },
    };
    expect(
      eventsOf(json({ update_id: 5, message: { ...base, poll: { id: 'p' } } }))[0],
    ).toMatchObject({ unsupported: 'poll' });
    expect(eventsOf(json({ update_id: 6, message: { ...base, new_chat_title: 'x' } }))).toEqual([]);
    expect(eventsOf(json({ update_id: 7, my_chat_member: {} }))).toEqual([]);
  });
});

describe('Bot API calls', () => {
  it('media keeps the file id, type, name and size by reference; the language is kept', () => {
    const [event] = eventsOf(
      json({
        update_id: 900,
        message: {
          message_id: 5,
          date: 1,
          chat: { id: 9, type: 'private' },
          from: { id: 9, first_name: 'Ana', language_code: 'pt-br' },
          document: {
            file_id: 'doc-1',
            file_name: 'receipt.pdf',
            mime_type: 'application/pdf',
            file_size: 52_311,
          },
          caption: 'my receipt',
        },
      }),
    );
    expect(event.customer).toEqual({ externalId: '9', name: 'Ana', language: 'pt-br' });
    expect(event.media).toEqual([
      {
        kind: 'document',
        ref: 'doc-1',
        mimeType: 'application/pdf',
        fileName: 'receipt.pdf',
        size: 52_311,
        caption: 'my receipt',
      },
    ]);
  });

  it('answerCallbackQuery', () => {
    const request = tg.answerCallbackQuery('query-id', { text: 'Connecting you…' });
    expect(request.url).toBe('http://telegram.test/bot123:ABC/answerCallbackQuery');
    expect(JSON.parse(request.body)).toEqual({
      callback_query_id: 'query-id',
      text: 'Connecting you…',
    });
  });

  it('sendMessage has no parse_mode, so agent text is never read as markup, and splits at 4096', () => {
    const requests = tg.formatReply('1', { text: `*not bold* ${'a'.repeat(5000)}` });
    expect(requests).toHaveLength(2);
    for (const r of requests) {
      expect(JSON.parse(r.body)).not.toHaveProperty('parse_mode');
      expect(JSON.parse(r.body).text.length).toBeLessThanOrEqual(4096);
    }
  });

  it('compares the secret token whatever its length', () => {
    const request = signedRequest('telegram', json({ update_id: 1 }));
    request.headers['x-telegram-bot-api-secret-token'] = 'x';
    expect(tg.receive(request)).toMatchObject({ status: 403 });
  });
});
