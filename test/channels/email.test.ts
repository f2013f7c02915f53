// Email specifics: the inbound JSON shape (Postmark's), threading by Message-ID /
// In-Reply-To / References, delivery records, and the nodemailer message for a reply.
import { describe, expect, it } from 'vitest';
import { adapters, json, signedRequest } from './channel-fixtures.ts';
import { inboundEmail } from './synthetic-payloads.ts';

const email = adapters.email;
const headers = (list: Array<[string, string]>) => list.map(([Name, Value]) => ({ Name, Value }));

function eventsOf(body: Record<string, unknown>): any[] {
  const result = email.receive(signedRequest('email', json(body)));
  if (result.kind !== 'accepted') throw new Error(JSON.stringify(result));
  return result.events;
}

describe('threading', () => {
  it('a new email starts a thread at its own Message-ID', () => {
    expect(eventsOf(inboundEmail())[0]).toEqual({
      type: 'message',
      channel: 'email',
      threadId: '<CAF=first@mail.example.com>',
      providerMessageId: '<CAF=first@mail.example.com>',
      at: '2026-11-22T09:58:00.000Z',
      customer: {
        externalId: 'sarah@example.com',
        email: 'sarah@example.com',
        name: 'Sarah Jones',
      },
      text: 'Hello, my order 1234 has not arrived.\n\nSarah',
      subject: 'Order 1234 has not arrived',
    });
  });

  it('a reply joins the thread of the first References id and lists every related id', () => {
    const [event] = eventsOf(
      inboundEmail({
        Headers: headers([
          ['Message-ID', '<third@mail.example.com>'],
          ['In-Reply-To', '<reply-1@acme.test>'],
          ['References', '<CAF=first@mail.example.com>\r\n <reply-1@acme.test>'],
        ]),
        StrippedTextReply: 'Still nothing, sorry.',
      }),
    );
    expect(event).toMatchObject({
      threadId: '<CAF=first@mail.example.com>',
      providerMessageId: '<third@mail.example.com>',
      references: ['<CAF=first@mail.example.com>', '<reply-1@acme.test>'],
      replyToProviderMessageId: '<reply-1@acme.test>',
      text: 'Still nothing, sorry.',
    });
  });

  it('falls back to In-Reply-To when a client drops References', () => {
    const [event] = eventsOf(
      inboundEmail({
        Headers: headers([
          ['Message-ID', '<x@m>'],
          ['In-Reply-To', '<reply-1@acme.test>'],
        ]),
      }),
    );
    expect(event).toMatchObject({
      threadId: '<reply-1@acme.test>',
      references: ['<reply-1@acme.test>'],
    });
  });

  it('keeps attachments by a reference unique to the message, with their bytes', () => {
    const [event] = eventsOf(
      inboundEmail({
        Attachments: [
          {
            Name: 'receipt.pdf',
            Content: 'JVBERi0=',
            ContentType: 'application/pdf',
            ContentLength: 5,
            ContentID: '',
          },
          {
            Name: 'photo.jpg',
            Content: '/9j/',
            ContentType: 'image/jpeg',
            ContentLength: 3,
            ContentID: '<img1@mail>',
          },
        ],
      }),
    );
    expect(event.media).toEqual([
      {
        kind: 'document',
        ref: 'mid:CAF=first@mail.example.com/0',
        mimeType: 'application/pdf',
        fileName: 'receipt.pdf',
        size: 5,
        content: new Uint8Array(Buffer.from('%PDF-')),
      },
      {
        kind: 'image',
        ref: 'mid:CAF=first@mail.example.com/1',
        mimeType: 'image/jpeg',
        fileName: 'photo.jpg',
        size: 3,
        content: new Uint8Array(Buffer.from('/9j/', 'base64')),
      },
    ]);
  });
});

describe('delivery records', () => {
  it.each([
    [
      { RecordType: 'Delivery', MessageID: '<r@acme.test>', DeliveredAt: '2026-11-22T10:00:00Z' },
      'delivered',
    ],
    [{ RecordType: 'Open', MessageID: 'r@acme.test', ReceivedAt: '2026-11-22T10:01:00Z' }, 'read'],
    [{ RecordType: 'Bounce', MessageID: '<r@acme.test>', Description: 'Mailbox full' }, 'failed'],
    [
      {
        RecordType: 'SpamComplaint',
        MessageID: '<r@acme.test>',
        Description: 'The subscriber explicitly marked this email as spam.',
      },
      'failed',
    ],
  ])('%j → %s', (record, status) => {
    expect(eventsOf(record)).toEqual([
      expect.objectContaining({ type: 'status', status, providerMessageId: '<r@acme.test>' }),
    ]);
  });
});

describe('reply as a nodemailer message', () => {
  it('references the whole thread, answers the latest message, keeps one Re:', () => {
    const [mail] = email.formatReply('<CAF=first@mail.example.com>', {
      text: 'It ships today.',
      to: 'sarah@example.com',
      subject: 'Re: Order 1234 has not arrived',
      references: ['<CAF=first@mail.example.com>', '<reply-1@acme.test>'],
      replyToProviderMessageId: '<third@mail.example.com>',
      messageId: '<reply-2@acme.test>',
    });
    expect(mail).toEqual({
      from: 'Acme Support <support@acme.test>',
      to: 'sarah@example.com',
      subject: 'Re: Order 1234 has not arrived',
      text: 'It ships today.',
      messageId: '<reply-2@acme.test>',
      inReplyTo: '<third@mail.example.com>',
      references: [
        '<CAF=first@mail.example.com>',
        '<reply-1@acme.test>',
        '<third@mail.example.com>',
      ],
    });
  });

  it('generates a Message-ID on the support domain', () => {
    const [mail] = email.formatReply('<a@b>', { text: 'x', to: 'c@d', subject: 's' });
    expect(mail!.messageId).toMatch(/^<[0-9a-f-]{36}@acme\.test>$/);
  });
});
