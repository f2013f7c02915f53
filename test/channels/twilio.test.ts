// SMS through Twilio: signature vectors (Twilio's documented example and our own), webhook
// payloads from test/fixtures/channels/twilio (the SDKs' real ones run in test/conformance),
// STOP/START/HELP, status callbacks, and GSM-7 / UCS-2 segment arithmetic.
import { describe, expect, it } from 'vitest';
import { countSmsSegments, splitSms } from '../../src/channels/twilio/sms-segments.ts';
import { createTwilioAdapter } from '../../src/channels/twilio/twilio-adapter.ts';
import { validateTwilioSignature } from '../../src/channels/twilio/validate-twilio-signature.ts';
import { adapters, readJson, signedRequest, twilioFormBody } from './channel-fixtures.ts';

const sms = adapters.sms;
const form = (params: Record<string, string>) =>
  Buffer.from(new URLSearchParams(params).toString());
const inbound = (params: Record<string, string>) =>
  form({
    MessageSid: 'SM1',
    SmsSid: 'SM1',
    AccountSid: 'AC123',
    From: '+15552223333',
    To: '+15550001111',
    SmsStatus: 'received',
    NumMedia: '0',
    ...params,
  });

function eventsOf(body: Buffer): any[] {
  const result = sms.receive(signedRequest('sms', body));
  if (result.kind !== 'accepted') throw new Error(JSON.stringify(result));
  return result.events;
}

describe('X-Twilio-Signature vectors', () => {
  const vectors = readJson('twilio/signature-vectors.json').vectors as any[];
  it('has valid and invalid vectors, with form and JSON bodies', () => {
    expect(vectors.filter((v) => v.expectValid).length).toBeGreaterThanOrEqual(3);
    expect(vectors.filter((v) => !v.expectValid).length).toBeGreaterThanOrEqual(3);
    expect(vectors.some((v) => v.rawBody !== undefined)).toBe(true);
  });
  it.each(vectors)('$name → valid: $expectValid', (v) => {
    const input =
      v.rawBody !== undefined
        ? { authToken: v.authToken, signature: v.xTwilioSignature, url: v.url, rawBody: v.rawBody }
        : { authToken: v.authToken, signature: v.xTwilioSignature, url: v.url, params: v.params };
    expect(validateTwilioSignature(input)).toBe(v.expectValid);
  });
});

describe('Twilio Messaging webhooks in test/fixtures/channels/twilio', () => {
  it('inbound-sms.json: a text message', () => {
    expect(eventsOf(twilioFormBody('inbound-sms.json'))).toEqual([
      {
        type: 'message',
        channel: 'sms',
        threadId: '+14155550142:+12125550199',
        providerMessageId: 'SM2f1b8c1e5a9d4e7f8a0b1c2d3e4f5a6b',
        at: '2026-11-22T10:00:00.000Z',
        customer: { externalId: '+12125550199', phone: '+12125550199' },
        text: 'Where is my order 5521?',
      },
    ]);
  });
  it('inbound-mms.json: MMS media by reference', () => {
    expect(eventsOf(twilioFormBody('inbound-mms.json'))[0]).toMatchObject({
      text: 'Photo of the label',
      media: [
        {
          kind: 'image',
          ref: expect.stringMatching(/^https:\/\/api\.twilio\.com\/.*\/Media\/ME/),
          mimeType: 'image/jpeg',
        },
      ],
    });
  });
  it('verifies against the public URL including its query string', () => {
    const adapter = createTwilioAdapter({
      accountSid: 'AC1',
      authToken: '12345',
      publicBaseUrl: 'https://mycompany.com',
    });
    const vector = (readJson('twilio/signature-vectors.json').vectors as any[]).find(
      (v) => v.name === 'documented-example',
    );
    const body = form(vector.params);
    const request = {
      method: 'POST',
      url: '/myapp.php?foo=1&bar=2',
      headers: { 'x-twilio-signature': vector.xTwilioSignature },
      query: {},
      rawBody: body,
    };
    // The params are a voice call's, not a message's: signature passes, then the shape is refused.
    expect(adapter.receive(request)).toMatchObject({ status: 400, code: 'MALFORMED_PAYLOAD' });
    expect(adapter.receive({ ...request, url: '/myapp.php' })).toMatchObject({ status: 403 });
  });
});

describe('compliance keywords', () => {
  it.each([
    ['STOP', 'opt_out'],
    ['  stop. ', 'opt_out'],
    ['Unsubscribe', 'opt_out'],
    ['START', 'opt_in'],
    ['HELP', 'help'],
    ['info', 'help'],
  ])('%j → %s, with no customer message for the bot', (body, type) => {
    const events = eventsOf(inbound({ Body: body }));
    expect(events).toEqual([
      {
        type,
        channel: 'sms',
        threadId: '+15550001111:+15552223333',
        providerMessageId: 'SM1',
        at: '2026-11-22T10:00:00.000Z',
        keyword: expect.any(String),
      },
    ]);
  });
  it('honours OptOutType from Advanced Opt-Out (custom keywords)', () => {
    expect(eventsOf(inbound({ Body: 'ARRET', OptOutType: 'STOP' }))[0]).toMatchObject({
      type: 'opt_out',
      keyword: 'STOP',
    });
  });
  it('a sentence containing stop is an ordinary message', () => {
    expect(eventsOf(inbound({ Body: 'please stop the delivery' }))[0]).toMatchObject({
      type: 'message',
    });
  });
});

describe('status callbacks', () => {
  const status = (MessageStatus: string, extra: Record<string, string> = {}) =>
    eventsOf(
      form({
        MessageSid: 'SM9',
        MessageStatus,
        SmsStatus: MessageStatus,
        From: '+15550001111',
        To: '+15552223333',
        AccountSid: 'AC123',
        ...extra,
      }),
    );
  it.each([
    ['sent', 'sent'],
    ['delivered', 'delivered'],
    ['read', 'read'],
    ['failed', 'failed'],
    ['undelivered', 'failed'],
  ])('%s → %s', (twilio, baton) => {
    expect(status(twilio)).toEqual([
      expect.objectContaining({
        type: 'status',
        status: baton,
        providerMessageId: 'SM9',
        threadId: '+15550001111:+15552223333',
      }),
    ]);
  });
  it('reports the error code of a failure', () =>
    expect(status('failed', { ErrorCode: '30007' })[0].error).toBe('Twilio error 30007'));
  it('ignores intermediate states', () => expect(status('queued')).toEqual([]));
});

describe('SMS segments', () => {
  it.each([
    ['', 'GSM-7', 0, 0],
    ['a'.repeat(160), 'GSM-7', 160, 1],
    ['a'.repeat(161), 'GSM-7', 161, 2],
    ['a'.repeat(306), 'GSM-7', 306, 2],
    ['a'.repeat(307), 'GSM-7', 307, 3],
    ['€'.repeat(80), 'GSM-7', 160, 1],
    ['€'.repeat(81), 'GSM-7', 162, 2],
    // 152 septets then a two-septet € that must not straddle: it opens segment 2.
    [`${'a'.repeat(152)}€${'a'.repeat(7)}`, 'GSM-7', 161, 2],
    [`${'a'.repeat(152)}€${'a'.repeat(152)}`, 'GSM-7', 306, 3],
    ['é'.repeat(160), 'GSM-7', 160, 1],
    ['ê'.repeat(70), 'UCS-2', 70, 1],
    ['ê'.repeat(71), 'UCS-2', 71, 2],
    ['ê'.repeat(134), 'UCS-2', 134, 2],
    ['ê'.repeat(135), 'UCS-2', 135, 3],
    ['😀'.repeat(35), 'UCS-2', 70, 1],
    // 66 units then a surrogate pair that must not straddle segments.
    [`${'ê'.repeat(66)}😀${'ê'.repeat(3)}`, 'UCS-2', 71, 2],
  ])('%#: %s units', (text, encoding, units, segments) => {
    expect(countSmsSegments(text)).toEqual({ encoding, units, segments });
  });

  it('splits long replies into bodies of at most N segments at word breaks', () => {
    const text = 'The parcel left our warehouse on Monday. '.repeat(60); // ~2,460 GSM-7 chars
    const bodies = splitSms(text, 2);
    for (const body of bodies) expect(countSmsSegments(body).segments).toBeLessThanOrEqual(2);
    expect(bodies.join(' ').replace(/\s+/g, ' ')).toBe(text.trim().replace(/\s+/g, ' '));
    expect(bodies.every((b) => !b.startsWith(' ') && !b.endsWith(' '))).toBe(true);
  });

  it('one emoji makes the whole reply UCS-2, and bodies never exceed 1,600 characters', () => {
    const bodies = splitSms(`🙂 ${'word '.repeat(800)}`, 10);
    for (const body of bodies) {
      expect(countSmsSegments(body).segments).toBeLessThanOrEqual(10);
      expect(body.length).toBeLessThanOrEqual(1600);
    }
  });

  it('formatReply: Messaging Service, status callback and API-key auth', () => {
    const adapter = createTwilioAdapter({
      accountSid: 'AC1',
      authToken: 't',
      apiKeySid: 'SK1',
      apiKeySecret: 's',
      publicBaseUrl: 'https://b.test',
      messagingServiceSid: 'MG1',
      statusCallbackUrl: 'https://b.test/channels/sms/webhook',
    });
    const [request] = adapter.formatReply('+15550001111:+15552223333', { text: 'hi' });
    expect(request!.headers.authorization).toBe(`Basic ${Buffer.from('SK1:s').toString('base64')}`);
    expect(Object.fromEntries(new URLSearchParams(request!.body))).toEqual({
      To: '+15552223333',
      Body: 'hi',
      MessagingServiceSid: 'MG1',
      StatusCallback: 'https://b.test/channels/sms/webhook',
    });
  });
});

describe('thread ids', () => {
  it('round-trip Twilio addresses that contain a colon', () => {
    const [event] = eventsOf(
      inbound({ From: 'whatsapp:+15552223333', To: 'whatsapp:+15550001111', Body: 'hi' }),
    );
    expect(event.threadId).toBe('whatsapp%3A+15550001111:whatsapp%3A+15552223333');
    const [request] = sms.formatReply(event.threadId, { text: 'hello' });
    expect(Object.fromEntries(new URLSearchParams(request!.body))).toMatchObject({
      To: 'whatsapp:+15552223333',
      From: 'whatsapp:+15550001111',
    });
  });
});
