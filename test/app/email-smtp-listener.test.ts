/**
 * The SMTP listener on its own, on a real socket: AUTH when configured, recipients by
 * address or @domain, and the reply codes that keep a sending server's message safe (250
 * only once stored, 451 to retry, 550 for a message that will never be taken).
 */
import nodemailer from 'nodemailer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  acceptsRecipient,
  startSmtpListener,
  type DeliverOutcome,
  type SmtpListener,
} from '../../src/app/channels/email/smtp-listener.ts';

const raw = (id: string) =>
  `From: sarah@customer.test\r\nTo: help@support.acme.test\r\nMessage-ID: <${id}>\r\nSubject: hi\r\n\r\nHello`;

describe('SMTP listener with AUTH', () => {
  const delivered: string[] = [];
  let next: () => Promise<DeliverOutcome> = async () => ({ kind: 'stored' });
  let listener: SmtpListener;
  const silent = { warn: () => undefined, error: () => undefined };
  beforeAll(async () => {
    listener = await startSmtpListener({
      host: '127.0.0.1',
      port: 0,
      acceptFor: 'help@acme.test, @support.acme.test',
      maxBytes: 4096,
      authUsername: 'relay',
      authPassword: 'relay-password',
      log: silent,
      deliver: async (message) => {
        delivered.push(message.toString());
        return next();
      },
    });
  });
  afterAll(() => listener?.close());

  const client = (auth?: { user: string; pass: string }) =>
    nodemailer.createTransport({
      host: '127.0.0.1',
      port: listener.port,
      secure: false,
      ignoreTLS: true,
      ...(auth ? { auth } : {}),
    });
  const send = (id: string, auth?: { user: string; pass: string }) =>
    client(auth).sendMail({
      envelope: { from: 'sarah@customer.test', to: ['help@support.acme.test'] },
      raw: raw(id),
    });

  it('refuses mail without AUTH or with the wrong password', async () => {
    await expect(send('a@x')).rejects.toMatchObject({ responseCode: 530 });
    await expect(send('b@x', { user: 'relay', pass: 'wrong-password' })).rejects.toMatchObject({
      responseCode: 535,
    });
    expect(delivered).toEqual([]);
  });

  it('answers 250 once delivered, 451 when storing fails, 550 for an unreadable message', async () => {
    const auth = { user: 'relay', pass: 'relay-password' };
    expect((await send('c@x', auth)).response).toMatch(/^250/);
    expect(delivered.at(-1)).toContain('Message-ID: <c@x>');
    next = async () => {
      throw new Error('database down');
    };
    await expect(send('d@x', auth)).rejects.toMatchObject({ responseCode: 451 });
    next = async () => ({ kind: 'invalid', reason: 'no From address' });
    await expect(send('e@x', auth)).rejects.toMatchObject({ responseCode: 550 });
    next = async () => ({ kind: 'stored' });
  });
});

describe('acceptsRecipient', () => {
  it('matches whole addresses and @domains, case-insensitively, nothing else', () => {
    const accept = 'help@acme.test, @support.acme.test';
    expect(acceptsRecipient(accept, 'Help@ACME.test')).toBe(true);
    expect(acceptsRecipient(accept, 'anyone@support.acme.test')).toBe(true);
    expect(acceptsRecipient(accept, 'help@acme.test.evil.test')).toBe(false);
    expect(acceptsRecipient(accept, 'x@notsupport.acme.test')).toBe(false);
    expect(acceptsRecipient(accept, 'other@acme.test')).toBe(false);
  });
});
