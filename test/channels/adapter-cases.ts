// The table the contract suite runs: for every adapter, a real customer message, a status
// payload where the provider has one, malformed bodies, and how a reply names the thread.
import { expect } from 'vitest';
import {
  adapters,
  json,
  readData,
  telegramUpdates,
  twilioFormBody,
  whatsappExamples,
  type AdapterName,
} from './channel-fixtures.ts';
import {
  apiMessage,
  apiStatus,
  emailBounce,
  inboundEmail,
  instagramDelivery,
  instagramMessage,
  messengerDelivery,
  twilioStatus,
} from './synthetic-payloads.ts';

export interface AdapterCase {
  name: AdapterName;
  message: { body: Buffer; providerMessageId: string; threadId: string };
  /** Telegram's Bot API reports no delivery statuses, so it has none. */
  status?: { body: Buffer; providerMessageId: string };
  /** Bodies that are signed correctly but are not this provider's payload. */
  malformed: Buffer[];
  reply: Record<string, unknown> & { text: string };
  /** Asserts the formatted reply goes to `threadId` in the provider's documented shape. */
  checkReply(outbound: any[], threadId: string): void;
}

const badJson = Buffer.from('{"object": "page", "entry": [');
const jsonBody = (request: any) => JSON.parse(request.body);

export const ADAPTER_CASES: AdapterCase[] = [
  {
    name: 'whatsapp',
    message: {
      body: whatsappExamples('pywa-updates-message.json').text!,
      providerMessageId: 'wamid.xyzxyz',
      threadId: '1122334455667:972987654321',
    },
    status: {
      body: whatsappExamples('pywa-updates-message_status.json').delivered!,
      providerMessageId: 'wamid.xyzxyz',
    },
    malformed: [
      badJson,
      json({ object: 'page', entry: [] }),
      json({ object: 'whatsapp_business_account', entry: [{ changes: 'x' }] }),
      json([1, 2]),
    ],
    reply: { text: 'Hello from an agent' },
    checkReply(outbound, threadId) {
      expect(threadId).toBe('1122334455667:972987654321');
      expect(outbound[0].url).toBe('http://graph.test/v23.0/1122334455667/messages');
      expect(jsonBody(outbound[0])).toEqual({
        messaging_product: 'whatsapp',
        recipient_type: 'individual',
        to: '972987654321',
        type: 'text',
        text: { body: 'Hello from an agent', preview_url: false },
      });
    },
  },
  {
    name: 'messenger',
    message: {
      body: readData('messenger/botbuilder-Payload.json'),
      providerMessageId: 'AAAA-BBBB-CCCC',
      threadId: '0:0',
    },
    status: { body: messengerDelivery, providerMessageId: 'm_sent-by-baton' },
    malformed: [
      badJson,
      json({ object: 'instagram', entry: [] }),
      json({ object: 'page', entry: [{ messaging: [] }] }),
      json('page'),
    ],
    reply: { text: 'Hello from an agent' },
    checkReply(outbound) {
      expect(outbound[0].url).toBe('http://graph.test/v23.0/0/messages');
      expect(jsonBody(outbound[0])).toEqual({
        recipient: { id: '0' },
        messaging_type: 'RESPONSE',
        message: { text: 'Hello from an agent' },
      });
    },
  },
  {
    name: 'instagram',
    message: { body: instagramMessage(), providerMessageId: 'AAAA-BBBB-CCCC', threadId: '0:0' },
    status: { body: instagramDelivery, providerMessageId: 'm_sent-by-baton' },
    malformed: [badJson, readData('messenger/botbuilder-Payload.json'), json({})],
    reply: { text: 'Hello from an agent' },
    checkReply(outbound) {
      expect(outbound[0].url).toBe('http://graph.test/v23.0/me/messages');
      expect(jsonBody(outbound[0]).recipient).toEqual({ id: '0' });
    },
  },
  {
    name: 'telegram',
    message: {
      body: telegramUpdates('tgbot-get-updates-message.EXCERPT.json')[0]!,
      providerMessageId: '1:1',
      threadId: '1',
    },
    malformed: [
      badJson,
      json({ message: { text: 'no update_id' } }),
      json({ update_id: '1' }),
      json(null),
    ],
    reply: { text: 'Hello from an agent' },
    checkReply(outbound) {
      expect(outbound[0].url).toBe('http://telegram.test/bot123:ABC/sendMessage');
      expect(jsonBody(outbound[0])).toEqual({ chat_id: 1, text: 'Hello from an agent' });
    },
  },
  {
    name: 'sms',
    message: {
      body: twilioFormBody('botbuilder-DictionaryPayload.json'),
      providerMessageId: '3333',
      threadId: '+1111:+2222',
    },
    status: { body: twilioStatus, providerMessageId: 'SM-sent-by-baton' },
    malformed: [
      Buffer.from('not a form'),
      Buffer.from('Body=hi&From=%2B2222'),
      Buffer.from('{"MessageSid":"1"}'),
    ],
    reply: { text: 'Hello from an agent' },
    checkReply(outbound) {
      expect(outbound[0].url).toBe('http://twilio.test/2010-04-01/Accounts/AC123/Messages.json');
      expect(outbound[0].headers['content-type']).toBe('application/x-www-form-urlencoded');
      const form = new URLSearchParams(outbound[0].body);
      expect(Object.fromEntries(form)).toEqual({
        To: '+2222',
        From: '+1111',
        Body: 'Hello from an agent',
      });
    },
  },
  {
    name: 'email',
    message: {
      body: json(inboundEmail()),
      providerMessageId: '<CAF=first@mail.example.com>',
      threadId: '<CAF=first@mail.example.com>',
    },
    status: { body: emailBounce, providerMessageId: '<reply-1@acme.test>' },
    malformed: [
      badJson,
      json({ From: 'not-an-address' }),
      json({ RecordType: 'Bounce' }),
      json(['x']),
    ],
    reply: {
      text: 'Hello from an agent',
      to: 'sarah@example.com',
      subject: 'Order 1234 has not arrived',
    },
    checkReply(outbound, threadId) {
      expect(outbound[0]).toMatchObject({
        to: 'sarah@example.com',
        subject: 'Re: Order 1234 has not arrived',
        inReplyTo: threadId,
        references: [threadId],
        text: 'Hello from an agent',
      });
    },
  },
  {
    name: 'api',
    message: { body: apiMessage(), providerMessageId: 'kiosk-msg-1', threadId: 'kiosk-42' },
    status: { body: apiStatus, providerMessageId: 'm_1' },
    malformed: [
      badJson,
      json({ type: 'message.received', data: { id: 'x' } }),
      json({ type: 'conversation.resolved', data: {} }),
    ],
    reply: { text: 'Hello from an agent', messageId: 'm_1' },
    checkReply(outbound, threadId) {
      expect(outbound[0].url).toBe('http://integration.test/hooks');
      expect(outbound[0].headers['webhook-id']).toBe('msg_m_1');
      expect(jsonBody(outbound[0])).toMatchObject({
        type: 'message.created',
        data: { threadId, message: { id: 'm_1', text: 'Hello from an agent' } },
      });
    },
  },
];

export function adapterOf(name: AdapterName) {
  return adapters[name];
}
