// WhatsApp Cloud API specifics: signature vectors, the verification handshake, every example
// in test/fixtures/channels/whatsapp (written from Meta's webhook reference), the 24-hour
// window and template sends. pywa's real payloads run in test/conformance.
import { describe, expect, it } from 'vitest';
import { verifyMetaSignature } from '../../src/channels/meta/verify-meta-signature.ts';
import { canSendFreeText } from '../../src/channels/whatsapp/whatsapp-window.ts';
import { adapters, readJson, signedRequest, whatsappExamples } from './channel-fixtures.ts';

const wa = adapters.whatsapp;
const thread = '555010778800:447700900123';

function eventsOf(file: string, example: string): any[] {
  const result = wa.receive(signedRequest('whatsapp', whatsappExamples(file)[example]!));
  if (result.kind !== 'accepted') throw new Error(`${file}/${example}: ${JSON.stringify(result)}`);
  return result.events;
}

describe('X-Hub-Signature-256', () => {
  it.each(readJson('whatsapp/signature-vectors.json').vectors as any[])('vector $name', (v) => {
    const request = {
      method: 'POST',
      url: '/',
      query: {},
      headers: { 'X-Hub-Signature-256': v.xHubSignature256 },
      rawBody: Buffer.from(v.rawBody),
    };
    expect(verifyMetaSignature(request, v.secret) === undefined).toBe(v.expectValid);
  });

  it('accepts upper-case hex (hex case carries no meaning)', () => {
    const body = whatsappExamples('messages.json').text!;
    const request = signedRequest('whatsapp', body);
    request.headers['x-hub-signature-256'] = request.headers[
      'x-hub-signature-256'
    ]!.toUpperCase().replace('SHA256=', 'sha256=');
    expect(wa.receive(request).kind).toBe('accepted');
  });
});

describe('hub.challenge handshake', () => {
  const get = (query: Record<string, string>) => ({
    method: 'GET',
    url: '/channels/whatsapp/webhook',
    headers: {},
    query,
    rawBody: Buffer.alloc(0),
  });
  it('echoes the challenge when the verify token matches', () => {
    expect(
      wa.receive(
        get({
          'hub.mode': 'subscribe',
          'hub.verify_token': 'verify-me',
          'hub.challenge': '1158201444',
        }),
      ),
    ).toEqual({ kind: 'challenge', status: 200, body: '1158201444' });
  });
  it('refuses a wrong verify token with 403', () => {
    expect(
      wa.receive(
        get({ 'hub.mode': 'subscribe', 'hub.verify_token': 'nope', 'hub.challenge': '1' }),
      ),
    ).toMatchObject({ status: 403, code: 'VERIFY_TOKEN_INVALID' });
  });
  it('refuses a GET that is not a subscription with 400', () => {
    expect(wa.receive(get({}))).toMatchObject({ status: 400 });
  });
});

/** What each example must become (the one event it yields). */
const EXPECTED: Record<string, Record<string, any>> = {
  'messages.json': {
    text: {
      type: 'message',
      threadId: thread,
      providerMessageId: 'wamid.BTN.in.text',
      text: 'Hi, my parcel has not arrived yet',
      at: '2026-11-22T09:58:00.000Z',
      customer: { externalId: '447700900123', name: 'Priya Shah', phone: '+447700900123' },
    },
    image: {
      type: 'message',
      media: [
        {
          kind: 'image',
          ref: '1480056093267814',
          mimeType: 'image/jpeg',
          caption: 'The box was crushed',
        },
      ],
    },
    video: {
      type: 'message',
      media: [{ kind: 'video', ref: '2301448790021155', caption: 'Unboxing it' }],
    },
    document: {
      type: 'message',
      media: [{ kind: 'document', fileName: 'invoice-5521.pdf', mimeType: 'application/pdf' }],
    },
    audio: { type: 'message', media: [{ kind: 'audio', mimeType: 'audio/mpeg' }] },
    voice: { type: 'message', media: [{ kind: 'audio', mimeType: 'audio/ogg; codecs=opus' }] },
    sticker: { type: 'message', media: [{ kind: 'sticker', mimeType: 'image/webp' }] },
    reaction: { type: 'reaction', targetProviderMessageId: 'wamid.BTN.out.1', emoji: '👍' },
    reaction_removed: { type: 'reaction', targetProviderMessageId: 'wamid.BTN.out.1' },
    location_pin: { type: 'message', media: [{ kind: 'location', ref: 'geo:51.50735,-0.12776' }] },
    location_named: {
      type: 'message',
      media: [{ kind: 'location', caption: 'Northwind depot, 12 Dock Road, London' }],
    },
    contacts: { type: 'message', text: 'Tom Reyes (+44 7700 900456)' },
    order: { type: 'message', unsupported: 'order' },
    unsupported: { type: 'message', unsupported: 'unsupported' },
    unsupported_poll: { type: 'message', unsupported: 'poll' },
    reply: {
      type: 'message',
      text: 'Yes, that order',
      replyToProviderMessageId: 'wamid.BTN.out.1',
    },
    forwarded: { type: 'message', text: 'Your order has shipped' },
    template_button: {
      type: 'message',
      text: 'Track my order',
      interactive: { id: 'TRACK_ORDER', title: 'Track my order' },
    },
    button_reply: {
      type: 'message',
      text: 'Talk to a person',
      interactive: { id: 'talk_to_agent', title: 'Talk to a person' },
    },
    list_reply: { type: 'message', interactive: { id: 'topic_billing', title: 'Billing' } },
    flow_reply: { type: 'message', unsupported: 'interactive.nfm_reply' },
    ad_referral: { type: 'message', text: 'Is this still on sale?' },
  },
  'statuses.json': {
    sent: {
      type: 'status',
      status: 'sent',
      providerMessageId: 'wamid.BTN.out.1',
      threadId: thread,
    },
    delivered: { type: 'status', status: 'delivered', at: '2026-11-22T09:58:22.000Z' },
    read: { type: 'status', status: 'read', at: '2026-11-22T09:59:20.000Z' },
    failed: {
      type: 'status',
      status: 'failed',
      providerMessageId: 'wamid.BTN.out.5',
      error: expect.stringMatching(/^Re-engagement message: More than 24 hours .* \(131047\)$/),
    },
  },
  'changes.json': {
    edit: {
      type: 'message_edited',
      threadId: thread,
      originalProviderMessageId: 'wamid.BTN.in.text',
      text: 'Hi, my parcel 5521 has not arrived yet',
    },
    revoke: {
      type: 'message_deleted',
      providerMessageId: 'wamid.BTN.in.revoke',
      originalProviderMessageId: 'wamid.BTN.in.reply',
    },
    number_change: {
      type: 'system',
      systemType: 'user_changed_number',
      newExternalId: '447700900789',
    },
    identity_change: {
      type: 'system',
      systemType: 'customer_identity_changed',
      text: 'User identity changed',
    },
  },
  'echoes.json': {
    text: {
      type: 'echo',
      action: 'message',
      threadId: thread,
      text: 'Sent from the phone: your refund is on its way',
    },
    revoke: { type: 'echo', action: 'delete', originalProviderMessageId: 'wamid.BTN.app.1' },
    edit: {
      type: 'echo',
      action: 'edit',
      text: 'Your refund was sent today',
      originalProviderMessageId: 'wamid.BTN.app.1',
    },
  },
};

describe('every WhatsApp example in test/fixtures/channels/whatsapp', () => {
  for (const [file, examples] of Object.entries(EXPECTED)) {
    it(`${file}: covers every example in the file`, () => {
      expect(Object.keys(examples).sort()).toEqual(Object.keys(whatsappExamples(file)).sort());
    });
    it.each(Object.entries(examples))(`${file}: %s`, (example, expected) => {
      const events = eventsOf(file, example);
      expect(events).toHaveLength(1);
      expect(events[0]).toMatchObject(expected);
      expect(events[0].channel).toBe('whatsapp');
    });
  }
});

it('reports a removed reaction without an emoji', () => {
  expect(eventsOf('messages.json', 'reaction_removed')[0]).not.toHaveProperty('emoji');
});

it('a forwarded message is not a reply to anything', () => {
  expect(eventsOf('messages.json', 'forwarded')[0]).not.toHaveProperty('replyToProviderMessageId');
});

describe('24-hour customer-service window', () => {
  const last = '2026-11-21T10:00:00.000Z';
  it('allows free text until 24 hours after the last customer message', () => {
    expect(canSendFreeText(last, new Date('2026-11-22T09:59:59.999Z'))).toEqual({
      ok: true,
      closesAt: '2026-11-22T10:00:00.000Z',
    });
    expect(wa.canSendFreeText(new Date(last), new Date('2026-11-21T10:00:00.000Z')).ok).toBe(true);
  });
  it('refuses free text at and after 24 hours, with a code the inbox can show', () => {
    expect(canSendFreeText(last, new Date('2026-11-22T10:00:00.000Z'))).toMatchObject({
      ok: false,
      code: 'WHATSAPP_WINDOW_CLOSED',
      closedAt: '2026-11-22T10:00:00.000Z',
    });
  });
  it('refuses when the customer never wrote', () => {
    expect(canSendFreeText(undefined, new Date())).toMatchObject({
      ok: false,
      code: 'WHATSAPP_WINDOW_CLOSED',
    });
  });
});

describe('outbound', () => {
  it('formats an approved template with body parameters', () => {
    const request = wa.formatTemplate(thread, {
      name: 'order_update',
      languageCode: 'en_US',
      bodyParameters: ['1234', 'shipped'],
    });
    expect(request.url).toBe('http://graph.test/v23.0/555010778800/messages');
    expect(request.headers.authorization).toBe('Bearer wa-token');
    expect(JSON.parse(request.body)).toEqual({
      messaging_product: 'whatsapp',
      recipient_type: 'individual',
      to: '447700900123',
      type: 'template',
      template: {
        name: 'order_update',
        language: { code: 'en_US' },
        components: [
          {
            type: 'body',
            parameters: [
              { type: 'text', text: '1234' },
              { type: 'text', text: 'shipped' },
            ],
          },
        ],
      },
    });
  });

  it('quotes the customer message on the first part and splits text over 4096 characters', () => {
    const text = `${'word '.repeat(1000)}\n\n${'more '.repeat(200)}`;
    const requests = wa.formatReply(thread, { text, replyToProviderMessageId: 'wamid.in' });
    expect(requests).toHaveLength(2);
    const bodies = requests.map((r) => JSON.parse(r.body));
    expect(bodies[0].context).toEqual({ message_id: 'wamid.in' });
    expect(bodies[1].context).toBeUndefined();
    for (const body of bodies) expect(body.text.body.length).toBeLessThanOrEqual(4096);
  });

  it('refuses a thread id it never produced', () => {
    expect(() => wa.formatReply('447700900123', { text: 'hi' })).toThrow(TypeError);
  });
});
