// The Messenger, Telegram and Twilio payloads of ../shared/data/channels (botbuilder's
// Messenger and Twilio fixtures, tgbot's updates, the Twilio SDKs' signature vectors) through
// the real adapters and verifier: what each becomes.
import { expect, it } from 'vitest';
import { createTwilioAdapter } from '../../src/channels/twilio/twilio-adapter.ts';
import { validateTwilioSignature } from '../../src/channels/twilio/validate-twilio-signature.ts';
import { adapters, signedRequest, type AdapterName } from '../channels/channel-fixtures.ts';
import {
  botbuilderTwilioForm,
  describeShared,
  readShared,
  readSharedJson,
  tgbotUpdates,
} from './shared-corpus.ts';

function eventsOf(name: AdapterName, body: Buffer): any[] {
  const result = adapters[name].receive(signedRequest(name, body));
  if (result.kind !== 'accepted') throw new Error(JSON.stringify(result));
  return result.events;
}
const form = (params: Record<string, string>) =>
  Buffer.from(new URLSearchParams(params).toString());

describeShared('conformance: botbuilder Messenger payloads', () => {
  it('Payload.json: a text message', () => {
    expect(eventsOf('messenger', readShared('messenger/botbuilder-Payload.json'))).toEqual([
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
    const [event] = eventsOf(
      'messenger',
      readShared('messenger/botbuilder-PayloadWithPostBack.json'),
    );
    expect(event).toMatchObject({
      type: 'message',
      providerMessageId: 'm_1457764197618:41d102a3e1ae206a38',
      text: 'title',
      interactive: { id: 'USER_DEFINED_PAYLOAD', title: 'title' },
    });
  });

  it('PayloadWithStandby.json: standby items become standby events, never customer turns', () => {
    const events = eventsOf(
      'messenger',
      readShared('messenger/botbuilder-PayloadWithStandby.json'),
    );
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
    const events = eventsOf('messenger', readShared(`messenger/botbuilder-${file}`));
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

describeShared('conformance: tgbot-get-updates-message.EXCERPT.json', () => {
  const updates = tgbotUpdates('tgbot-get-updates-message.EXCERPT.json');
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
    const events = eventsOf('telegram', updates[i]!);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ type: 'message', channel: 'telegram', ...e });
  });
});

describeShared('conformance: tgbot-get-updates-callback-query.json', () => {
  const updates = tgbotUpdates('tgbot-get-updates-callback-query.json');
  it('a callback query without a message is answered in the user’s private chat', () => {
    expect(eventsOf('telegram', updates[0]!)[0]).toMatchObject({
      type: 'message',
      threadId: '1',
      providerMessageId: 'callback:query-id',
      interactive: { id: '', callbackQueryId: 'query-id' },
    });
  });
  it.each([1, 2])('callback query #%i carries its data and id', (i) => {
    expect(eventsOf('telegram', updates[i]!)[0]).toMatchObject({
      threadId: '1',
      text: 'query-data',
      interactive: { id: 'query-data', title: 'query-data', callbackQueryId: 'query-id' },
      customer: { externalId: '1', name: 'John' },
    });
  });
});

describeShared("conformance: the SDKs' X-Twilio-Signature vectors", () => {
  const vectors = readSharedJson('twilio/signature-vectors.json').vectors as any[];
  it('has all 25 vectors', () => expect(vectors).toHaveLength(25));
  it.each(vectors)('$name → valid: $expectValid', (v) => {
    const input =
      v.rawBody !== undefined
        ? { authToken: v.authToken, signature: v.xTwilioSignature, url: v.url, rawBody: v.rawBody }
        : { authToken: v.authToken, signature: v.xTwilioSignature, url: v.url, params: v.params };
    expect(validateTwilioSignature(input)).toBe(v.expectValid);
  });
  it('refuses a JSON body whose hash differs from bodySHA256', () => {
    const v = vectors.find((x) => x.name === 'json-body-with-bodySHA256');
    expect(
      validateTwilioSignature({
        authToken: v.authToken,
        signature: v.xTwilioSignature,
        url: v.url,
        rawBody: `${v.rawBody} `,
      }),
    ).toBe(false);
  });
});

describeShared('conformance: botbuilder Twilio webhook payloads', () => {
  it('DictionaryPayload.json: a text message', () => {
    expect(eventsOf('sms', botbuilderTwilioForm('botbuilder-DictionaryPayload.json'))).toEqual([
      {
        type: 'message',
        channel: 'sms',
        threadId: '+1111:+2222',
        providerMessageId: '3333',
        at: '2026-11-22T10:00:00.000Z',
        customer: { externalId: '+2222', phone: '+2222' },
        text: 'Hello',
      },
    ]);
  });
  it('DictionaryMediaPayload.json: MMS media by reference', () => {
    expect(
      eventsOf('sms', botbuilderTwilioForm('botbuilder-DictionaryMediaPayload.json'))[0],
    ).toMatchObject({
      text: 'Hello',
      media: [{ kind: 'document', ref: 'www.contoso.com', mimeType: 'json' }],
    });
  });
  it('verifies against the public URL including its query string', () => {
    const adapter = createTwilioAdapter({
      accountSid: 'AC1',
      authToken: '12345',
      publicBaseUrl: 'https://mycompany.com',
    });
    const vector = (readSharedJson('twilio/signature-vectors.json').vectors as any[])[0];
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
