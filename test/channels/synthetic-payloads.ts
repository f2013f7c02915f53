// Payloads built in code from each provider's documented shape, for the tests that vary
// them: Messenger/Instagram delivery receipts, Twilio status callbacks, inbound email
// (Postmark's inbound JSON) and the open API channel.
import { json } from './channel-fixtures.ts';

export const messengerDelivery = json({
  object: 'page',
  entry: [
    {
      id: 'page-1',
      time: 1700000000000,
      messaging: [
        {
          sender: { id: 'psid-1' },
          recipient: { id: 'page-1' },
          timestamp: 1700000000000,
          delivery: { mids: ['m_sent-by-baton'], watermark: 1700000000000 },
        },
      ],
    },
  ],
});

export const instagramDelivery = json({
  ...JSON.parse(messengerDelivery.toString()),
  object: 'instagram',
});

export const twilioStatus = Buffer.from(
  new URLSearchParams({
    MessageSid: 'SM-sent-by-baton',
    SmsSid: 'SM-sent-by-baton',
    MessageStatus: 'undelivered',
    SmsStatus: 'undelivered',
    ErrorCode: '30003',
    AccountSid: 'AC123',
    From: '+15550001111',
    To: '+15552223333',
    ApiVersion: '2010-04-01',
  }).toString(),
);

export function inboundEmail(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    FromName: 'Sarah Jones',
    MessageStream: 'inbound',
    From: 'sarah@example.com',
    FromFull: { Email: 'Sarah@Example.com', Name: 'Sarah Jones', MailboxHash: '' },
    To: 'support@acme.test',
    ToFull: [{ Email: 'support@acme.test', Name: '', MailboxHash: '' }],
    Subject: 'Order 1234 has not arrived',
    MessageID: '22c74902-a0c1-4511-804f-341342852c90',
    Date: 'Sun, 22 Nov 2026 09:58:00 +0000',
    MailboxHash: '',
    TextBody: 'Hello, my order 1234 has not arrived.\n\nSarah',
    HtmlBody: '<p>Hello, my order 1234 has not arrived.</p>',
    StrippedTextReply: '',
    Tag: '',
    Headers: [
      { Name: 'Message-ID', Value: '<CAF=first@mail.example.com>' },
      { Name: 'MIME-Version', Value: '1.0' },
    ],
    Attachments: [],
    ...overrides,
  };
}

export const emailBounce = json({
  RecordType: 'Bounce',
  MessageID: '<reply-1@acme.test>',
  Type: 'HardBounce',
  Description:
    'The server was unable to deliver your message (ex: unknown user, mailbox not found).',
  BouncedAt: '2026-11-22T09:59:00Z',
});

export function apiMessage(overrides: Record<string, unknown> = {}): Buffer {
  return json({
    type: 'message.received',
    timestamp: '2026-11-22T09:59:30.000Z',
    data: {
      id: 'kiosk-msg-1',
      threadId: 'kiosk-42',
      customer: { id: 'visitor-7', name: 'Sam' },
      text: 'The kiosk ate my card',
      ...overrides,
    },
  });
}

export const apiStatus = json({
  type: 'message.status',
  timestamp: '2026-11-22T09:59:40.000Z',
  data: { messageId: 'm_1', status: 'read', threadId: 'kiosk-42' },
});
