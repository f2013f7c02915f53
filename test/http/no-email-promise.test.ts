/**
 * Without outbound email (no `channels.email.smtpUrl`) Baton promises none: after hours a
 * web visitor is asked for a phone number, not an email address, even when their address
 * is known, and an address given anyway is not taken as a way to answer them.
 * (test/http/waiting-room.test.ts has the same flows with outbound email.)
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, startConversation } from '../helpers/api-client.ts';
import { startTestServer, type TestServer } from '../helpers/test-server.ts';

describe('after hours on web chat without outbound email', () => {
  let s: TestServer;
  beforeAll(async () => {
    const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'baton-no-mail-')), 'baton.yaml');
    writeFileSync(
      file,
      [
        'routing:',
        '  businessHours:',
        '    timeZone: Europe/Berlin',
        '    days:',
        "      mon: [{ open: '09:00', close: '18:00' }]",
      ].join('\n'),
    );
    // A Sunday: the team is closed until Monday 9:00.
    s = await startTestServer({
      engine: 'sqlite',
      clock: () => new Date('2026-03-08T12:00:00Z'),
      env: { BATON_CONFIG: file },
    });
  });
  afterAll(async () => {
    await s?.close();
  });
  const post = (c: { id: string; token: string }, body: unknown) =>
    api(s.baseUrl, 'POST', `/api/v1/conversations/${c.id}/messages`, { token: c.token, body });

  it('asks for a phone number, never promises an answer by email', async () => {
    const c = await startConversation(s.baseUrl, { customer: { email: 'known@example.org' } });
    const closed = await post(c, { text: 'I want to talk to a human about a refund' });
    const said = closed.body.events.at(-1).data.text as string;
    expect(said).toMatch(/please leave your phone number/);
    expect(said).not.toMatch(/email/i);

    const mail = await post(c, { text: 'write to me at sam.k@example.org' });
    const answer = mail.body.events.at(-1).data.text as string;
    expect(answer).toMatch(/does not look like a phone number/);
    expect(answer).not.toMatch(/by email/);
    const stored = (await s.server.store.conversations.get(c.id))!;
    expect(stored.channelState.replyByEmail).toBeUndefined();

    const phone = await post(c, { text: '+49 151 23456789' });
    expect(phone.body.events.at(-1).data.text).toMatch(/call \+4915123456789/);
  });
});
