/**
 * The SMS channel's sending options (docs/channels.md, "SMS (Twilio)"), set by environment
 * variables, change what Twilio receives: an API key signs the REST call in place of the
 * Account SID and auth token (the Account SID stays in the URL), a Messaging Service replaces
 * `From`, and `maxSegmentsPerMessage` splits a reply into more messages. Through the real
 * server, against a stand-in for Twilio's API, on both engines.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { computeTwilioSignature } from '../../src/channels/index.ts';
import { api, login } from '../helpers/api-client.ts';
import { TEST_DATABASES } from '../helpers/databases.ts';
import { startTestServer, type TestServer } from '../helpers/test-server.ts';
import { until } from '../helpers/until.ts';

const TOKEN = 'twilio-token';
const PUBLIC = 'https://baton.example.com';
const ACCOUNT = 'AC123';
const KEY_SID = `SK${'a1'.repeat(16)}`;
const KEY_SECRET = 'key-secret';
const SERVICE = `MG${'b2'.repeat(16)}`;
const BATON_NUMBER = '+15559998888';
const CUSTOMER = '+15550001111';

describe.each(TEST_DATABASES)('SMS sending options on $name', (database) => {
  let s: TestServer;
  /** Every message Baton asked the stand-in Twilio to send. */
  const sent: Array<{ url: string; authorization: string; form: Record<string, string> }> = [];
  const twilioApi = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      const form = Object.fromEntries(new URLSearchParams(body));
      sent.push({ url: req.url ?? '', authorization: req.headers.authorization ?? '', form });
      res.writeHead(201, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ sid: `SM${sent.length}`, status: 'queued' }));
    });
  });

  const inbound = (params: Record<string, string>) =>
    fetch(`${s.baseUrl}/channels/sms/webhook`, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        'x-twilio-signature': computeTwilioSignature(
          TOKEN,
          `${PUBLIC}/channels/sms/webhook`,
          params,
        ),
      },
      body: new URLSearchParams(params).toString(),
    });

  beforeAll(async () => {
    if (database.skipReason) return;
    await new Promise<void>((r) => twilioApi.listen(0, '127.0.0.1', () => r()));
    s = await startTestServer({
      engine: database.name,
      env: {
        BATON_TWILIO_ACCOUNT_SID: ACCOUNT,
        BATON_TWILIO_AUTH_TOKEN: TOKEN,
        BATON_TWILIO_PUBLIC_BASE_URL: PUBLIC,
        BATON_TWILIO_API_BASE_URL: `http://127.0.0.1:${(twilioApi.address() as AddressInfo).port}`,
        BATON_TWILIO_API_KEY_SID: KEY_SID,
        BATON_TWILIO_API_KEY_SECRET: KEY_SECRET,
        BATON_TWILIO_MESSAGING_SERVICE_SID: SERVICE,
        BATON_TWILIO_MAX_SEGMENTS_PER_MESSAGE: '1',
        BATON_TIMER_INTERVAL_MS: '50',
      },
    });
  });
  afterAll(async () => {
    await s?.close();
    twilioApi.close();
  });

  it.skipIf(database.skipReason)(
    'sends with the API key, from the Messaging Service, in messages of at most the segments set',
    async () => {
      const asked = await inbound({
        MessageSid: `SMopt${database.name}`,
        SmsSid: `SMopt${database.name}`,
        AccountSid: ACCOUNT,
        From: CUSTOMER,
        To: BATON_NUMBER,
        Body: 'I want to talk to a human',
        NumMedia: '0',
      });
      expect(asked.status).toBe(200);
      const store = s.server.store;
      const conversation = await until(async () => {
        const c = await store.conversations.findOpenByThread('sms', `${BATON_NUMBER}:${CUSTOMER}`);
        return c && ['queued', 'offered'].includes(c.status) ? c : undefined;
      }, 30_000);
      const agent = await login(s.baseUrl, s.demoAgent.email, s.demoAgent.password);
      const claim = await api(s.baseUrl, 'POST', `/api/v1/conversations/${conversation.id}/claim`, {
        token: agent,
      });
      expect(claim.status).toBe(200);
      // 300 GSM-7 characters: two segments' worth, so two messages of one segment each.
      const text = `Alex here. ${'Your parcel is on its way. '.repeat(11)}`.trim();
      expect(text.length).toBeGreaterThan(160);
      const posted = await api(
        s.baseUrl,
        'POST',
        `/api/v1/conversations/${conversation.id}/messages`,
        { token: agent, body: { text } },
      );
      expect(posted.status).toBe(201);
      const parts = await until(() => {
        const found = sent.filter((r) => text.includes(r.form.Body ?? '\u0000'));
        return found.length >= 2 ? found : undefined;
      });
      expect(parts).toHaveLength(2);
      expect(parts.map((p) => p.form.Body).join(' ')).toBe(text);
      for (const part of parts) {
        expect(part.form.Body!.length).toBeLessThanOrEqual(160);
        expect(part.url).toBe(`/2010-04-01/Accounts/${ACCOUNT}/Messages.json`);
        expect(part.authorization).toBe(
          `Basic ${Buffer.from(`${KEY_SID}:${KEY_SECRET}`).toString('base64')}`,
        );
        expect(part.form).toMatchObject({ To: CUSTOMER, MessagingServiceSid: SERVICE });
        expect(part.form.From).toBeUndefined();
      }
    },
    40_000,
  );
});
