// Raw MIME from the SMTP listener → the same events as the inbound webhook: threading, the
// text part preferred, quoted history stripped, attachments by reference, robots ignored.
import { describe, expect, it } from 'vitest';
import { parseMimeEmail } from '../../src/channels/email/parse-mime-email.ts';
import { stripQuotedReply } from '../../src/channels/email/strip-quoted-reply.ts';

const NOW = new Date('2026-11-22T10:00:00Z');

function message(headers: string[], body: string, contentType = 'text/plain; charset=utf-8') {
  return Buffer.from(
    [
      'From: "Sarah Jones" <Sarah@Example.com>',
      'To: help@acme.test',
      'Subject: Order 1234',
      'Date: Sun, 22 Nov 2026 09:58:00 +0000',
      ...headers,
      'MIME-Version: 1.0',
      `Content-Type: ${contentType}`,
      '',
      body,
    ].join('\r\n'),
  );
}

async function eventOf(raw: Buffer) {
  const result = await parseMimeEmail(raw, NOW);
  if (result.kind !== 'message') throw new Error(JSON.stringify(result));
  return result.event;
}

describe('parseMimeEmail', () => {
  it('starts a thread at its own Message-ID, with the sender as the customer', async () => {
    const event = await eventOf(message(['Message-ID: <a1@mail.example.com>'], 'Where is it?'));
    expect(event).toEqual({
      type: 'message',
      channel: 'email',
      threadId: '<a1@mail.example.com>',
      providerMessageId: '<a1@mail.example.com>',
      at: '2026-11-22T09:58:00.000Z',
      customer: {
        externalId: 'sarah@example.com',
        email: 'sarah@example.com',
        name: 'Sarah Jones',
      },
      text: 'Where is it?',
      subject: 'Order 1234',
    });
  });

  it('joins the thread of the first References id, or In-Reply-To without References', async () => {
    const reply = await eventOf(
      message(
        [
          'Message-ID: <a3@mail.example.com>',
          'In-Reply-To: <b2@acme.test>',
          'References: <a1@mail.example.com>\r\n <b2@acme.test>',
        ],
        'Thanks',
      ),
    );
    expect(reply.threadId).toBe('<a1@mail.example.com>');
    expect(reply.references).toEqual(['<a1@mail.example.com>', '<b2@acme.test>']);
    expect(reply.replyToProviderMessageId).toBe('<b2@acme.test>');
    const bare = await eventOf(
      message(['Message-ID: <a4@mail.example.com>', 'In-Reply-To: <b2@acme.test>'], 'Hi'),
    );
    expect(bare.threadId).toBe('<b2@acme.test>');
  });

  it('derives a stable id from the bytes when there is no Message-ID', async () => {
    const raw = message([], 'No id here');
    const first = await eventOf(raw);
    expect(first.providerMessageId).toMatch(/^<[0-9a-f]{32}@no-message-id\.invalid>$/);
    expect((await eventOf(raw)).providerMessageId).toBe(first.providerMessageId);
  });

  it('prefers the text part, strips the quote, keeps attachments by reference', async () => {
    const raw = message(
      ['Message-ID: <m1@mail.example.com>'],
      [
        '--b1',
        'Content-Type: text/plain; charset=utf-8',
        '',
        'The box was damaged, photo attached.',
        '',
        'On Sun, 22 Nov 2026 at 09:00, Acme Support <help@acme.test> wrote:',
        '> How can we help?',
        '--b1',
        'Content-Type: text/html; charset=utf-8',
        '',
        '<p>The box was <b>damaged</b></p>',
        '--b1',
        'Content-Type: image/jpeg; name="box.jpg"',
        'Content-Disposition: attachment; filename="box.jpg"',
        'Content-Transfer-Encoding: base64',
        '',
        Buffer.from('not really a jpeg').toString('base64'),
        '--b1--',
      ].join('\r\n'),
      'multipart/mixed; boundary="b1"',
    );
    const event = await eventOf(raw);
    expect(event.text).toBe('The box was damaged, photo attached.');
    expect(event.media).toEqual([
      {
        kind: 'image',
        ref: 'mid:m1@mail.example.com/0',
        mimeType: 'image/jpeg',
        fileName: 'box.jpg',
        size: 17,
        content: new Uint8Array(Buffer.from('not really a jpeg')),
      },
    ]);
  });

  it('reduces HTML-only mail to text, never keeping markup', async () => {
    const event = await eventOf(
      message(
        ['Message-ID: <h1@mail.example.com>'],
        '<div>Hello &amp; thanks<br>Sarah<script>alert(1)</script></div><blockquote>old</blockquote>',
        'text/html; charset=utf-8',
      ),
    );
    expect(event.text).toBe('Hello & thanks\nSarah');
  });

  it('ignores auto-replies, list mail and bounces, and refuses mail without a sender', async () => {
    for (const header of [
      'Auto-Submitted: auto-replied',
      'Precedence: bulk',
      'X-Autoreply: yes',
      'Return-Path: <>',
    ]) {
      const result = await parseMimeEmail(message(['Message-ID: <r@x>', header], 'Away'), NOW);
      expect(result.kind).toBe('automatic');
    }
    const noSender = Buffer.from('To: help@acme.test\r\nSubject: x\r\n\r\nhello');
    expect((await parseMimeEmail(noSender, NOW)).kind).toBe('invalid');
  });
});

function dsn(action: string, originalId: string): Buffer {
  return Buffer.from(
    [
      'From: Mail Delivery System <MAILER-DAEMON@mx.customer.test>',
      'To: help@acme.test',
      'Subject: Undelivered Mail Returned to Sender',
      'Message-ID: <dsn-1@mx.customer.test>',
      'Auto-Submitted: auto-replied',
      'MIME-Version: 1.0',
      'Content-Type: multipart/report; report-type=delivery-status; boundary="B"',
      '',
      '--B',
      'Content-Type: text/plain',
      '',
      'I could not deliver your message.',
      '--B',
      'Content-Type: message/delivery-status',
      '',
      'Reporting-MTA: dns; mx.customer.test',
      '',
      'Final-Recipient: rfc822; nobody@customer.test',
      `Action: ${action}`,
      'Status: 5.1.1',
      'Diagnostic-Code: smtp; 550 5.1.1 User unknown',
      '--B',
      'Content-Type: text/rfc822-headers',
      '',
      'From: Acme Support <help@acme.test>',
      `Message-ID: ${originalId}`,
      '--B--',
    ].join('\r\n'),
  );
}

describe('delivery status notifications', () => {
  it('a failed delivery report is a failed status of the original message', async () => {
    expect(await parseMimeEmail(dsn('failed', '<baton.c_1.5.x@acme.test>'), NOW)).toEqual({
      kind: 'status',
      event: {
        type: 'status',
        channel: 'email',
        providerMessageId: '<baton.c_1.5.x@acme.test>',
        status: 'failed',
        at: NOW.toISOString(),
        error: 'smtp; 550 5.1.1 User unknown',
      },
    });
  });

  it.each(['delayed', 'relayed', 'delivered'])(
    'a %s report is automatic mail, not a failure',
    async (action) => {
      expect((await parseMimeEmail(dsn(action, '<x@acme.test>'), NOW)).kind).toBe('automatic');
    },
  );
});

describe('stripQuotedReply', () => {
  it.each([
    ['en', 'On Mon, 23 Nov 2026 at 10:00, Acme <help@acme.test> wrote:'],
    ['es', 'El lun, 23 nov 2026 a las 10:00, Acme (<help@acme.test>) escribió:'],
    ['de', 'Am Mo., 23. Nov. 2026 um 10:00 Uhr schrieb Acme <help@acme.test>:'],
    ['fr', 'Le lun. 23 nov. 2026 à 10:00, Acme <help@acme.test> a écrit :'],
    ['pt', 'Em seg., 23 de nov. de 2026 às 10:00, Acme <help@acme.test> escreveu:'],
  ])('cuts at the %s attribution line', (_language, attribution) => {
    expect(stripQuotedReply(`Yes, please.\n\n${attribution}\n> Shall we refund?`)).toBe(
      'Yes, please.',
    );
  });

  it('cuts Outlook header blocks, wrapped Gmail attributions and signatures', () => {
    expect(
      stripQuotedReply('Fine.\r\n\r\nFrom: Acme <help@acme.test>\r\nSent: Monday\r\n\r\nOld'),
    ).toBe('Fine.');
    expect(
      stripQuotedReply(
        'Fine.\n\nOn Mon, 23 Nov 2026 at 10:00, Acme Support\n<help@acme.test> wrote:\n> x',
      ),
    ).toBe('Fine.');
    expect(stripQuotedReply('Fine.\n-- \nSarah, sent from my phone')).toBe('Fine.');
  });

  it('keeps a "From:" line that is not a header block, and never returns nothing', () => {
    expect(stripQuotedReply('From: Berlin, with love')).toBe('From: Berlin, with love');
    expect(stripQuotedReply('> only a quote')).toBe('> only a quote');
  });
});
