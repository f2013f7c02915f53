// Telegram specifics: every tgbot update, private/group/supergroup chats, forum topics,
// callback queries with answerCallbackQuery, and sendMessage formatting.
import { describe, expect, it } from 'vitest';
import { adapters, json, signedRequest, telegramUpdates } from './channel-fixtures.ts';

const tg = adapters.telegram;

function eventsOf(body: Buffer): any[] {
  const result = tg.receive(signedRequest('telegram', body));
  if (result.kind !== 'accepted') throw new Error(JSON.stringify(result));
  return result.events;
}

describe('tgbot-get-updates-message.EXCERPT.json', () => {
  const updates = telegramUpdates('tgbot-get-updates-message.EXCERPT.json');
  const expected = [
    {
      threadId: '1',
      providerMessageId: '1:1',
      text: 'Test',
      customer: { externalId: '1', name: 'John' },
      at: '1970-01-01T00:00:00.000Z',
    },
    { threadId: '1', text: 'text', customer: { externalId: '1', name: 'User' } },
    { text: 'test' },
    { media: [{ kind: 'image', ref: 'photo-id', caption: 'test photo caption' }] },
    { media: [{ kind: 'audio', ref: 'voice-id' }] },
    { text: 'User (+79001231212)' },
    { text: 'test', customer: { externalId: 'chat:1', name: 'Group' } },
  ];
  it('has the seven updates the SOURCE.md lists', () =>
    expect(updates).toHaveLength(expected.length));
  it.each(expected.map((e, i) => [i, e] as const))('update #%i', (i, e) => {
    const events = eventsOf(updates[i]!);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ type: 'message', channel: 'telegram', ...e });
  });
});

describe('tgbot-get-updates-callback-query.json', () => {
  const updates = telegramUpdates('tgbot-get-updates-callback-query.json');
  it('a callback query without a message is answered in the user’s private chat', () => {
    expect(eventsOf(updates[0]!)[0]).toMatchObject({
      type: 'message',
      threadId: '1',
      providerMessageId: 'callback:query-id',
      interactive: { id: '', callbackQueryId: 'query-id' },
    });
  });
  it.each([1, 2])('callback query #%i carries its data and id', (i) => {
    expect(eventsOf(updates[i]!)[0]).toMatchObject({
      threadId: '1',
      text: 'query-data',
      interactive: { id: 'query-data', title: 'query-data', callbackQueryId: 'query-id' },
      customer: { externalId: '1', name: 'John' },
    });
  });
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
