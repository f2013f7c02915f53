// Messenger and Instagram specifics: every botbuilder payload, the Handover Protocol
// (pass / take / request thread control, standby), echoes, receipts and the Send API shapes.
import { describe, expect, it } from 'vitest';
import { adapters, json, readData, signedRequest } from './channel-fixtures.ts';

const messenger = adapters.messenger;

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

describe('botbuilder payloads', () => {
  it('Payload.json: a text message', () => {
    expect(eventsOf(readData('messenger/botbuilder-Payload.json'))).toEqual([
      {
        type: 'message',
        channel: 'messenger',
        threadId: '0:0',
        at: new Date(2222222).toISOString(),
        providerMessageId: 'AAAA-BBBB-CCCC',
        customer: { externalId: '0' },
        text: 'text',
      },
    ]);
  });

  it('PayloadWithPostBack.json: a postback is a customer turn with the button payload', () => {
    const [event] = eventsOf(readData('messenger/botbuilder-PayloadWithPostBack.json'));
    expect(event).toMatchObject({
      type: 'message',
      providerMessageId: 'm_1457764197618:41d102a3e1ae206a38',
      text: 'title',
      interactive: { id: 'USER_DEFINED_PAYLOAD', title: 'title' },
    });
  });

  it('PayloadWithStandby.json: standby items become standby events, never customer turns', () => {
    const events = eventsOf(readData('messenger/botbuilder-PayloadWithStandby.json'));
    expect(events.filter((e) => e.type === 'message')).toHaveLength(1); // the `messaging` item
    const standby = events.filter((e) => e.type === 'thread_control');
    expect(standby).toEqual([
      {
        type: 'thread_control',
        channel: 'messenger',
        threadId: 'page1:user1',
        action: 'standby',
        at: new Date(1458692752478).toISOString(),
      },
      {
        type: 'thread_control',
        channel: 'messenger',
        threadId: 'page1:user2',
        action: 'standby',
        at: new Date(1458692752478).toISOString(),
      },
    ]);
  });

  it.each([
    ['PayloadWithPassThreadControl.json', 'pass', 'Pass thread control'],
    ['PayloadWithTakeThreadControl.json', 'take', 'Take thread control from a secondary receiver'],
    ['PayloadWithRequestThreadControl.json', 'request', undefined],
  ])('%s: thread_control %s', (file, action, metadata) => {
    const events = eventsOf(readData(`messenger/botbuilder-${file}`));
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      type: 'thread_control',
      action,
      threadId: 'fakeId:fakeId',
      appId: '1234567890',
    });
    expect(events[0].metadata).toBe(metadata);
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
    const body = json({
      ...JSON.parse(readData('messenger/botbuilder-Payload.json').toString()),
      object: 'instagram',
    });
    expect(eventsOf(body, 'instagram')[0]).toMatchObject({
      channel: 'instagram',
      providerMessageId: 'AAAA-BBBB-CCCC',
    });
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
