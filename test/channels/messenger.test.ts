// Messenger and Instagram specifics: the payloads in test/fixtures/channels/messenger (written
// from Meta's webhook reference; botbuilder's real ones run in test/conformance), the Handover Protocol
// (pass / take / request thread control, standby), echoes, receipts and the Send API shapes.
import { describe, expect, it } from 'vitest';
import { adapters, json, readData, signedRequest } from './channel-fixtures.ts';

const messenger = adapters.messenger;
const PAGE = '104880000000001';
const PSID = '7310000000000042';

function eventsOf(body: Buffer, name: 'messenger' | 'instagram' = 'messenger'): any[] {
  const result = adapters[name].receive(signedRequest(name, body));
  if (result.kind !== 'accepted') throw new Error(JSON.stringify(result));
  return result.events;
}

const envelope = (item: Record<string, unknown>) =>
  json({
    object: 'page',
    entry: [
      {
        id: 'page-1',
        time: 1700000000000,
        messaging: [
          {
            sender: { id: 'psid-1' },
            recipient: { id: 'page-1' },
            timestamp: 1700000001000,
            ...item,
          },
        ],
      },
    ],
  });

describe('payloads in test/fixtures/channels/messenger', () => {
  it('text.json: a text message', () => {
    expect(eventsOf(readData('messenger/text.json'))).toEqual([
      {
        type: 'message',
        channel: 'messenger',
        threadId: `${PAGE}:${PSID}`,
        at: '2026-11-22T09:58:00.000Z', // the message's timestamp, not the entry's time
        providerMessageId: 'm_BTN-text-1',
        customer: { externalId: PSID },
        text: 'Where is my parcel?',
      },
    ]);
  });

  it('postback.json: a postback is a customer turn with the button payload', () => {
    const [event] = eventsOf(readData('messenger/postback.json'));
    expect(event).toMatchObject({
      type: 'message',
      providerMessageId: 'm_BTN-postback-1',
      text: 'Talk to a person',
      interactive: { id: 'TALK_TO_AGENT', title: 'Talk to a person' },
    });
  });

  it('standby.json: a standby item is a standby event, never a customer turn', () => {
    expect(eventsOf(readData('messenger/standby.json'))).toEqual([
      {
        type: 'thread_control',
        channel: 'messenger',
        threadId: `${PAGE}:${PSID}`,
        action: 'standby',
        at: '2026-11-22T09:58:00.000Z',
        message: { providerMessageId: 'm_BTN-standby-1', text: 'Are you still there?' },
      },
    ]);
  });

  it.each([
    ['pass-thread-control.json', 'pass', '5555666677778888', 'customer asked for a person'],
    ['take-thread-control.json', 'take', '5555666677778888', 'agent closed the case'],
    [
      'request-thread-control.json',
      'request',
      '1111222233334444',
      'the support inbox asks for the thread',
    ],
  ])('%s: thread_control %s', (file, action, appId, metadata) => {
    const events = eventsOf(readData(`messenger/${file}`));
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      type: 'thread_control',
      action,
      threadId: `${PAGE}:${PSID}`,
      appId,
      metadata,
    });
  });
});

describe('other messaging events', () => {
  it('carries the customer message inside a standby item when Meta includes it', () => {
    const body = json({
      object: 'page',
      entry: [
        {
          id: 'page-1',
          time: 1,
          standby: [
            {
              sender: { id: 'psid-1' },
              recipient: { id: 'page-1' },
              timestamp: 1700000001000,
              message: { mid: 'm_standby', text: 'anyone?' },
            },
          ],
        },
      ],
    });
    expect(eventsOf(body)).toEqual([
      {
        type: 'thread_control',
        channel: 'messenger',
        threadId: 'page-1:psid-1',
        action: 'standby',
        at: new Date(1700000001000).toISOString(),
        message: { providerMessageId: 'm_standby', text: 'anyone?' },
      },
    ]);
  });

  it('an echo of the page’s own message is an echo in the customer’s thread', () => {
    const body = json({
      object: 'page',
      entry: [
        {
          id: 'page-1',
          time: 1,
          messaging: [
            {
              sender: { id: 'page-1' },
              recipient: { id: 'psid-1' },
              timestamp: 1,
              message: {
                mid: 'm_echo',
                is_echo: true,
                app_id: 1,
                text: 'sent from the Page inbox',
              },
            },
          ],
        },
      ],
    });
    expect(eventsOf(body)[0]).toMatchObject({
      type: 'echo',
      threadId: 'page-1:psid-1',
      providerMessageId: 'm_echo',
      text: 'sent from the Page inbox',
    });
  });

  it('quick replies, attachments and replies-to', () => {
    const [event] = eventsOf(
      envelope({
        message: {
          mid: 'm_1',
          text: 'Yes',
          quick_reply: { payload: 'CONFIRM' },
          reply_to: { mid: 'm_0' },
          attachments: [
            { type: 'image', payload: { url: 'https://cdn.test/a.jpg' } },
            { type: 'file', payload: { url: 'https://cdn.test/b.pdf' } },
          ],
        },
      }),
    );
    expect(event).toMatchObject({
      interactive: { id: 'CONFIRM', title: 'Yes' },
      replyToProviderMessageId: 'm_0',
      media: [
        { kind: 'image', ref: 'https://cdn.test/a.jpg' },
        { kind: 'document', ref: 'https://cdn.test/b.pdf' },
      ],
    });
  });

  it('attachments Baton has no kind for, without text, are unsupported by their type', () => {
    const [share] = eventsOf(
      envelope({
        message: {
          mid: 'm_2',
          attachments: [{ type: 'ig_reel', payload: { url: 'https://x/r' } }],
        },
      }),
    );
    expect(share).toMatchObject({ unsupported: 'attachment.ig_reel' });
    expect(share.media).toEqual([{ kind: 'other', ref: 'https://x/r' }]);
    const [sticker] = eventsOf(
      envelope({
        message: {
          mid: 'm_3',
          attachments: [{ type: 'image', payload: { url: 'https://x/s.png', sticker_id: 369 } }],
        },
      }),
    );
    expect(sticker.unsupported).toBeUndefined();
    expect(sticker.media).toEqual([{ kind: 'sticker', ref: 'https://x/s.png' }]);
    const [withText] = eventsOf(
      envelope({
        message: { mid: 'm_4', text: 'look', attachments: [{ type: 'fallback', payload: {} }] },
      }),
    );
    expect(withText.unsupported).toBeUndefined();
  });

  it('read receipts are a watermark, reactions name their target', () => {
    expect(eventsOf(envelope({ read: { watermark: 1700000000500 } }))[0]).toMatchObject({
      type: 'read_watermark',
      watermark: new Date(1700000000500).toISOString(),
    });
    expect(
      eventsOf(
        envelope({ reaction: { mid: 'm_9', action: 'react', emoji: '👍', reaction: 'like' } }),
      )[0],
    ).toMatchObject({ type: 'reaction', targetProviderMessageId: 'm_9', emoji: '👍' });
  });

  it('a postback without mid gets an id that is stable across redeliveries', () => {
    const body = envelope({ postback: { title: 'Talk to a person', payload: 'HUMAN' } });
    expect(eventsOf(body)[0].providerMessageId).toBe('postback:psid-1:1700000001000:HUMAN');
    expect(eventsOf(body)[0].providerMessageId).toBe(eventsOf(body)[0].providerMessageId);
  });

  it('Instagram accepts only object "instagram"', () => {
    const body = readData('messenger/instagram-text.json');
    expect(eventsOf(body, 'instagram')[0]).toMatchObject({
      channel: 'instagram',
      threadId: '17841400000000001:6510000000000077',
      providerMessageId: 'aWdfZAG1faXRlbToxOklHTWVzc2FnZAUlEOjE3ODQx',
      text: 'Do you ship to Ireland?',
    });
    expect(messenger.receive(signedRequest('messenger', body))).toMatchObject({ status: 400 });
  });
});

describe('Send API and Handover Protocol calls', () => {
  it('a human agent reply uses the HUMAN_AGENT tag (7-day window)', () => {
    const [request] = messenger.formatReply('page-1:psid-1', {
      text: 'Hi, Dana here',
      humanAgent: true,
    });
    expect(request!.url).toBe('http://graph.test/v23.0/page-1/messages');
    expect(request!.headers.authorization).toBe('Bearer page-token');
    expect(JSON.parse(request!.body)).toEqual({
      recipient: { id: 'psid-1' },
      messaging_type: 'MESSAGE_TAG',
      tag: 'HUMAN_AGENT',
      message: { text: 'Hi, Dana here' },
    });
  });

  it('an Instagram human agent reply carries the HUMAN_AGENT tag too, to /me', () => {
    const [request] = adapters.instagram.formatReply('17841400000000000:9988', {
      text: 'Hi, Dana here',
      humanAgent: true,
    });
    expect(request!.url).toBe('http://graph.test/v23.0/me/messages');
    expect(JSON.parse(request!.body)).toEqual({
      recipient: { id: '9988' },
      messaging_type: 'MESSAGE_TAG',
      tag: 'HUMAN_AGENT',
      message: { text: 'Hi, Dana here' },
    });
  });

  it('splits at 2,000 characters on Messenger and 1,000 on Instagram', () => {
    const text = 'x '.repeat(1500);
    expect(messenger.formatReply('p:u', { text })).toHaveLength(2);
    expect(adapters.instagram.formatReply('p:u', { text })).toHaveLength(3);
  });

  it('pass, take and request thread control', () => {
    const pass = messenger.formatPassThreadControl(
      'page-1:psid-1',
      '263902037430900',
      'to the inbox',
    );
    expect(pass.url).toBe('http://graph.test/v23.0/page-1/pass_thread_control');
    expect(JSON.parse(pass.body)).toEqual({
      recipient: { id: 'psid-1' },
      target_app_id: '263902037430900',
      metadata: 'to the inbox',
    });
    expect(messenger.formatTakeThreadControl('page-1:psid-1').url).toBe(
      'http://graph.test/v23.0/page-1/take_thread_control',
    );
    expect(
      JSON.parse(messenger.formatRequestThreadControl('page-1:psid-1', 'agent wants it').body),
    ).toEqual({ recipient: { id: 'psid-1' }, metadata: 'agent wants it' });
  });

  it('answers the hub.challenge handshake', () => {
    const result = messenger.receive({
      method: 'GET',
      url: '/',
      headers: {},
      rawBody: Buffer.alloc(0),
      query: { 'hub.mode': 'subscribe', 'hub.verify_token': 'verify-me', 'hub.challenge': 'abc' },
    });
    expect(result).toEqual({ kind: 'challenge', status: 200, body: 'abc' });
  });
});
