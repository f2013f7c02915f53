// Shared by the channel tests: the repository's own payload files (test/fixtures/channels,
// written from each provider's documented webhook format), one configured adapter per
// channel (fixed clock, test secrets), and request builders that sign like the provider
// does — or sign wrongly, or not at all. Real third-party payloads run in test/conformance.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { InboundRequest } from '../../src/channels/channel-adapter.ts';
import { createApiAdapter } from '../../src/channels/api/api-adapter.ts';
import { signStandardWebhook } from '../../src/channels/api/standard-webhooks.ts';
import { createEmailAdapter } from '../../src/channels/email/email-adapter.ts';
import { createMessengerAdapter } from '../../src/channels/messenger/messenger-adapter.ts';
import { signMetaBody } from '../../src/channels/meta/verify-meta-signature.ts';
import { createTelegramAdapter } from '../../src/channels/telegram/telegram-adapter.ts';
import { createTwilioAdapter } from '../../src/channels/twilio/twilio-adapter.ts';
import {
  computeTwilioSignature,
  type TwilioParams,
} from '../../src/channels/twilio/validate-twilio-signature.ts';
import { createWhatsAppAdapter } from '../../src/channels/whatsapp/whatsapp-adapter.ts';

export const FIXTURES_DIR = fileURLToPath(new URL('../fixtures/channels/', import.meta.url));
export const NOW = new Date('2026-11-22T10:00:00.000Z');
const clock = () => NOW;

export function readData(relativePath: string): Buffer {
  return readFileSync(`${FIXTURES_DIR}${relativePath}`);
}

export function readJson(relativePath: string): any {
  return JSON.parse(readData(relativePath).toString('utf8'));
}

/** A file of named examples, `{ "<example>": <webhook body> }`; each body is one POST. */
export function namedBodies(relativePath: string): Record<string, Buffer> {
  const examples = readJson(relativePath) as Record<string, unknown>;
  return Object.fromEntries(
    Object.entries(examples).map(([name, body]) => [name, Buffer.from(JSON.stringify(body))]),
  );
}

export function whatsappExamples(file: string): Record<string, Buffer> {
  return namedBodies(`whatsapp/${file}`);
}

/** Each example in telegram/updates.json is one `Update`, the body of one webhook POST. */
export function telegramUpdates(): Record<string, Buffer> {
  return namedBodies('telegram/updates.json');
}

/** Twilio fixtures are the webhook parameters as JSON; the POST body is their form encoding. */
export function twilioFormBody(file: string): Buffer {
  return Buffer.from(new URLSearchParams(readJson(`twilio/${file}`)).toString());
}

export const SECRETS = {
  meta: 'meta-app-secret',
  telegram: 'telegram-secret_token-1',
  twilio: 'twilio-auth-token',
  email: { username: 'postmark', password: 'inbound-pass' },
  api: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
};

export const adapters = {
  whatsapp: createWhatsAppAdapter({
    appSecret: SECRETS.meta,
    verifyToken: 'verify-me',
    accessToken: 'wa-token',
    apiBaseUrl: 'http://graph.test',
    clock,
  }),
  messenger: createMessengerAdapter({
    channel: 'messenger',
    appSecret: SECRETS.meta,
    verifyToken: 'verify-me',
    pageAccessToken: 'page-token',
    apiBaseUrl: 'http://graph.test',
    clock,
  }),
  instagram: createMessengerAdapter({
    channel: 'instagram',
    appSecret: SECRETS.meta,
    verifyToken: 'verify-me',
    pageAccessToken: 'page-token',
    apiBaseUrl: 'http://graph.test',
    clock,
  }),
  telegram: createTelegramAdapter({
    botToken: '123:ABC',
    secretToken: SECRETS.telegram,
    apiBaseUrl: 'http://telegram.test',
    clock,
  }),
  sms: createTwilioAdapter({
    accountSid: 'AC123',
    authToken: SECRETS.twilio,
    publicBaseUrl: 'https://baton.example.com',
    apiBaseUrl: 'http://twilio.test',
    clock,
  }),
  email: createEmailAdapter({
    webhookUsername: SECRETS.email.username,
    webhookPassword: SECRETS.email.password,
    from: 'Acme Support <support@acme.test>',
    clock,
  }),
  api: createApiAdapter({
    secret: SECRETS.api,
    webhookUrl: 'http://integration.test/hooks',
    clock,
  }),
};

export type AdapterName = keyof typeof adapters;
export type Signing = 'good' | 'bad' | 'none';

function post(
  path: string,
  rawBody: Buffer,
  headers: Record<string, string | undefined>,
): InboundRequest {
  return {
    method: 'POST',
    url: path,
    headers: { 'content-type': 'application/json', ...headers },
    query: {},
    rawBody,
  };
}

/** A webhook request for `name` carrying `rawBody`, signed as the provider would (or not). */
export function signedRequest(
  name: AdapterName,
  rawBody: Buffer,
  signing: Signing = 'good',
): InboundRequest {
  const path = `/channels/${name}/webhook`;
  const none = signing === 'none';
  const bad = signing === 'bad';
  switch (name) {
    case 'whatsapp':
    case 'messenger':
    case 'instagram':
      return post(path, rawBody, {
        'x-hub-signature-256': none
          ? undefined
          : signMetaBody(bad ? 'wrong' : SECRETS.meta, rawBody),
      });
    case 'telegram':
      return post(path, rawBody, {
        'x-telegram-bot-api-secret-token': none
          ? undefined
          : bad
            ? 'wrong-token'
            : SECRETS.telegram,
      });
    case 'sms': {
      const form = new URLSearchParams(rawBody.toString('utf8'));
      const params: TwilioParams = {};
      for (const key of new Set(form.keys())) {
        const values = form.getAll(key);
        params[key] = values.length === 1 ? (values[0] ?? '') : values;
      }
      const signature = computeTwilioSignature(
        bad ? 'wrong' : SECRETS.twilio,
        `https://baton.example.com${path}`,
        params,
      );
      return {
        method: 'POST',
        url: path,
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          'x-twilio-signature': none ? undefined : signature,
        },
        query: {},
        rawBody,
      };
    }
    case 'email': {
      const { username, password } = SECRETS.email;
      const credentials = Buffer.from(`${username}:${bad ? 'guess' : password}`).toString('base64');
      return post(path, rawBody, { authorization: none ? undefined : `Basic ${credentials}` });
    }
    case 'api': {
      const headers = signStandardWebhook(
        bad ? 'whsec_d3Jvbmcgc2VjcmV0' : SECRETS.api,
        'msg_test',
        NOW,
        rawBody.toString('utf8'),
      );
      return post(path, rawBody, none ? {} : { ...headers });
    }
  }
}

export function json(value: unknown): Buffer {
  return Buffer.from(JSON.stringify(value));
}
