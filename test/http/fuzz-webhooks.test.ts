/**
 * The channel webhooks bad-input.test.ts does not fuzz (SMS, voice, the email inbound-parse
 * webhook, the open API channel), each correctly signed or authenticated, so that random
 * input reaches the parser and the flow behind it: no answer may be a 5xx. Values are random
 * text or shaped like the provider's documented fields.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { standardWebhookSignature } from '../../src/channels/api/standard-webhooks.ts';
import { computeTwilioSignature } from '../../src/channels/index.ts';
import {
  startSmsTelegramServer,
  TWILIO_PUBLIC_BASE_URL,
  type SmsTelegramServer,
} from '../helpers/sms-telegram-server.ts';
import { freePort } from '../helpers/cluster/free-port.ts';
import { TEST_DATABASES } from '../helpers/databases.ts';
import { anyText } from '../helpers/fuzz-values.ts';
import { startTestServer, type TestServer } from '../helpers/test-server.ts';
import { startVoiceServer, type VoiceServer } from '../helpers/voice-server.ts';

const RUNS = 60;
const API_SECRET = `whsec_${Buffer.from('fuzz-api-channel-secret-32-bytes').toString('base64')}`;

const text = fc.oneof(
  anyText,
  fc.constantFrom('', '0', '-1', '99999999999', '+15550001111', 'whatsapp:+1', '1e309', 'NaN'),
);
/** Twilio-style form fields: the documented names with random values, plus strangers. */
const twilioForm = (names: readonly string[]) =>
  fc
    .tuple(
      fc.record(Object.fromEntries(names.map((n) => [n, text])), { requiredKeys: [] }),
      fc.dictionary(fc.string({ minLength: 1, maxLength: 8 }), text, { maxKeys: 3 }),
    )
    .map(([known, extra]) => ({ ...extra, ...known }) as Record<string, string>);

function expectNoServerError(status: number, what: string): void {
  expect(status, what).toBeLessThan(500);
}

describe.each(TEST_DATABASES)(
  'SMS and voice webhooks, fuzzed with valid signatures ($name)',
  (database) => {
    let sms: SmsTelegramServer;
    let voice: VoiceServer;
    beforeAll(async () => {
      if (database.skipReason) return;
      sms = await startSmsTelegramServer({ engine: database.name });
      voice = await startVoiceServer({ engine: database.name, clock: () => new Date() });
    });
    afterAll(async () => {
      await sms?.close();
      await voice?.close();
    });

    it.skipIf(database.skipReason)(
      `SMS: ${RUNS} signed forms, no 5xx`,
      async () => {
        const path = '/channels/sms/webhook';
        const fields = ['MessageSid', 'AccountSid', 'From', 'To', 'Body', 'NumMedia', 'MediaUrl0'];
        await fc.assert(
          fc.asyncProperty(
            twilioForm([...fields, 'MediaContentType0', 'OptOutType']),
            async (p) => {
              const response = await fetch(`${sms.server.baseUrl}${path}`, {
                method: 'POST',
                headers: {
                  'content-type': 'application/x-www-form-urlencoded',
                  'x-twilio-signature': computeTwilioSignature(
                    'twilio-token',
                    `${TWILIO_PUBLIC_BASE_URL}${path}`,
                    p,
                  ),
                },
                body: new URLSearchParams(p).toString(),
              });
              expectNoServerError(
                response.status,
                `sms ${JSON.stringify(p)} ${await response.text()}`,
              );
            },
          ),
          { numRuns: RUNS },
        );
      },
      120_000,
    );

    it.skipIf(database.skipReason)(
      `voice: ${RUNS} signed forms to every step, no 5xx`,
      async () => {
        const steps = fc.constantFrom(
          'incoming',
          'gather',
          'wait',
          'callback-choice',
          'hold-music',
          'left-queue',
          'agent',
          'connecting',
          'recorded',
          'voicemail',
          'nowhere',
        );
        const fields = ['CallSid', 'AccountSid', 'From', 'To', 'CallStatus', 'SpeechResult'];
        const extra = [
          'Confidence',
          'Digits',
          'QueueResult',
          'TranscriptionText',
          'TranscriptionStatus',
        ];
        await fc.assert(
          fc.asyncProperty(
            steps,
            twilioForm([...fields, ...extra]),
            fc.option(text.map((v) => new URLSearchParams({ conversation: v }).toString())),
            async (step, p, query) => {
              const r = await voice.post(step, p, query ? { query } : {});
              expectNoServerError(r.status, `voice ${step} ${JSON.stringify(p)} ${r.text}`);
            },
          ),
          { numRuns: RUNS },
        );
      },
      120_000,
    );
  },
);

describe.each(TEST_DATABASES)(
  'email and open API webhooks, fuzzed with valid credentials ($name)',
  (database) => {
    let s: TestServer;
    beforeAll(async () => {
      if (database.skipReason) return;
      s = await startTestServer({
        engine: database.name,
        env: {
          BATON_EMAIL_FROM: 'Acme Support <support@acme.test>',
          BATON_EMAIL_WEBHOOK_USERNAME: 'postmark',
          BATON_EMAIL_WEBHOOK_PASSWORD: 'inbound-secret',
          BATON_API_CHANNEL_SECRET: API_SECRET,
          // Replies go nowhere (a closed port): the fuzz is about what comes in.
          BATON_API_CHANNEL_WEBHOOK_URL: `http://127.0.0.1:${await freePort()}/baton`,
          // Each reply's failed delivery is logged as an error; that is expected here.
          LOG_LEVEL: 'fatal',
          BATON_RATE_LIMIT_PER_MINUTE: '1000000',
          BATON_CONVERSATION_MESSAGES: '1000000',
        },
      });
    });
    afterAll(async () => {
      await s?.close();
    });

    const json = fc.jsonValue({ maxDepth: 3 });
    const address = fc.record(
      { Email: fc.oneof(text, fc.emailAddress()), Name: text },
      { requiredKeys: [] },
    );

    it.skipIf(database.skipReason)(
      `email inbound-parse: ${RUNS} Postmark-shaped bodies, no 5xx`,
      async () => {
        const complete = fc.record({
          FromFull: fc.record({ Email: fc.emailAddress(), Name: text }),
          To: fc.constant('support@acme.test'),
          Subject: text,
          MessageID: text,
          TextBody: text,
          Headers: fc.array(fc.record({ Name: text, Value: text }), { maxLength: 3 }),
        });
        const body = fc.oneof(
          json,
          complete,
          complete,
          fc.record(
            {
              FromFull: fc.oneof(address, json),
              From: text,
              To: text,
              Subject: text,
              MessageID: text,
              TextBody: text,
              HtmlBody: text,
              StrippedTextReply: text,
              Headers: fc.oneof(
                fc.array(fc.record({ Name: text, Value: text }), { maxLength: 3 }),
                json,
              ),
              Attachments: fc.oneof(
                fc.array(
                  fc.record(
                    { Name: text, Content: text, ContentType: text, ContentLength: fc.integer() },
                    { requiredKeys: [] },
                  ),
                  { maxLength: 2 },
                ),
                json,
              ),
            },
            { requiredKeys: [] },
          ),
        );
        await fc.assert(
          fc.asyncProperty(body, async (b) => {
            const response = await fetch(`${s.baseUrl}/channels/email/webhook`, {
              method: 'POST',
              headers: {
                'content-type': 'application/json',
                authorization: `Basic ${Buffer.from('postmark:inbound-secret').toString('base64')}`,
              },
              body: JSON.stringify(b),
            });
            expectNoServerError(
              response.status,
              `email ${JSON.stringify(b)} ${await response.text()}`,
            );
          }),
          { numRuns: RUNS },
        );
      },
      120_000,
    );

    it.skipIf(database.skipReason)(
      `open API channel: ${RUNS} signed bodies, no 5xx`,
      async () => {
        const valid = fc.record({
          type: fc.constant('message.received'),
          timestamp: fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
          data: fc.record({
            id: fc.string({ minLength: 1, maxLength: 20 }),
            threadId: fc.string({ minLength: 1, maxLength: 20 }),
            customer: fc.record({ id: text, name: text }, { requiredKeys: [] }),
            text,
          }),
        });
        const body = fc.oneof(
          { weight: 1, arbitrary: json },
          { weight: 3, arbitrary: valid },
          {
            weight: 3,
            arbitrary: fc.record(
              {
                type: fc.oneof(text, fc.constant('message.received')),
                timestamp: fc.oneof(
                  text,
                  fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
                ),
                data: fc.oneof(
                  json,
                  fc.record(
                    {
                      id: text,
                      threadId: text,
                      customer: fc.oneof(
                        json,
                        fc.record({ id: text, name: text, email: text }, { requiredKeys: [] }),
                      ),
                      text,
                    },
                    { requiredKeys: [] },
                  ),
                ),
              },
              { requiredKeys: [] },
            ),
          },
        );
        let n = 0;
        await fc.assert(
          fc.asyncProperty(body, async (b) => {
            const raw = JSON.stringify(b);
            const id = `msg_fuzz_${n++}`;
            const timestamp = Math.floor(Date.now() / 1000);
            const response = await fetch(`${s.baseUrl}/channels/api/webhook`, {
              method: 'POST',
              headers: {
                'content-type': 'application/json',
                'webhook-id': id,
                'webhook-timestamp': String(timestamp),
                'webhook-signature': standardWebhookSignature(API_SECRET, id, timestamp, raw),
              },
              body: raw,
            });
            expectNoServerError(response.status, `api ${raw} ${await response.text()}`);
          }),
          { numRuns: RUNS },
        );
      },
      120_000,
    );
  },
);
