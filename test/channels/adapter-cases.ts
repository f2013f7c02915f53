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
      body: whatsappExamples('messages.json').text!,
      providerMessageId: 'wamid.BTN.in.text',
      threadId: '555010778800:447700900123',
    },
    status: {
      body: whatsappExamples('statuses.json').delivered!,
      providerMessageId: 'wamid.BTN.out.1',
    },
    malformed: [
      badJson,
      json({ object: 'page', entry: [] }),
      json({ object: 'whatsapp_business_account', entry: [{ changes: 'x' }] }),
      json([1, 2]),
    ],
    reply: { text: 'Hello from an agent' },
    checkReply(outbound, threadId) {
      expect(threadId).toBe('555010778800:447700900123');
      expect(outbound[0].url).toBe('http://graph.test/v23.0/555010778800/messages');
      expect(jsonBody(outbound[0])).toEqual({
        messaging_product: 'whatsapp',
        recipient_type: 'individual',
        to: '447700900123',
        type: 'text',
        text: { body: 'Hello from an agent', preview_url: false },
      });
    },
  },
  {
    name: 'messenger',
    message: {
      body: readData('messenger/text.json'),
      providerMessageId: 'm_BTN-text-1',
      threadId: '104880000000001:7310000000000042',
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
      expect(outbound[0].url).toBe('http://graph.test/v23.0/104880000000001/messages');
      expect(jsonBody(outbound[0])).toEqual({
        recipient: { id: '7310000000000042' },
        messaging_type: 'RESPONSE',
        message: { text: 'Hello from an agent' },
      });
    },
  },
  {
    name: 'instagram',
    message: {
      body: readData('messenger/instagram-text.json'),
      providerMessageId: 'aWdfZAG1faXRlbToxOklHTWVzc2FnZAUlEOjE3ODQx',
      threadId: '17841400000000001:6510000000000077',
    },
    status: { body: instagramDelivery, providerMessageId: 'm_sent-by-baton' },
    malformed: [badJson, readData('messenger/text.json'), json({})],
    reply: { text: 'Hello from an agent' },
    checkReply(outbound) {
      expect(outbound[0].url).toBe('http://graph.test/v23.0/me/messages');
      expect(jsonBody(outbound[0]).recipient).toEqual({ id: '6510000000000077' });
    },
  },
  {
    name: 'telegram',
    message: {
      body: telegramUpdates().private_text!,
      providerMessageId: '48213307:17',
      threadId: '48213307',
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
      expect(jsonBody(outbound[0])).toEqual({ chat_id: 48213307, text: 'Hello from an agent' });
    },
  },
  {
    name: 'sms',
    message: {
      body: twilioFormBody('inbound-sms.json'),
      providerMessageId: 'SM2f1b8c1e5a9d4e7f8a0b1c2d3e4f5a6b',
      threadId: '+14155550142:+12125550199',
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
        To: '+12125550199',
        From: '+14155550142',
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
