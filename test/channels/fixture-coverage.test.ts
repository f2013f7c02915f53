// Every payload file in ../shared/data/channels goes through its adapter (or, for signature
// vector files, its verifier). A new file there fails this test until it is routed here.
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { verifyMetaSignature } from '../../src/channels/meta/verify-meta-signature.ts';
import { validateTwilioSignature } from '../../src/channels/twilio/validate-twilio-signature.ts';
import {
  adapters,
  DATA_DIR,
  readData,
  readJson,
  signedRequest,
  telegramUpdates,
  twilioFormBody,
  whatsappExamples,
  type AdapterName,
} from './channel-fixtures.ts';

/** Not a channel webhook: Bot Framework's `handoff.status` value belongs to the external-bot connector (src/bot). */
const NOT_A_CHANNEL = ['botframework/handoff-status-value.failed.json'];

function accept(name: AdapterName, body: Buffer): number {
  const result = adapters[name].receive(signedRequest(name, body));
  expect(result.kind, `${name}: ${JSON.stringify(result)}`).toBe('accepted');
  const count = result.kind === 'accepted' ? result.events.length : 0;
  expect(count, 'every fixture payload yields at least one event').toBeGreaterThan(0);
  return count;
}

/** How each file is run; returns the number of payloads (or vectors) that went through. */
function route(file: string): number {
  const [folder = '', name = ''] = file.split('/');
  if (file === 'whatsapp/x-hub-signature-256-vectors.json') {
    const vectors = readJson(file).vectors as any[];
    for (const v of vectors) {
      const request = {
        method: 'POST',
        url: '/',
        query: {},
        headers: { 'x-hub-signature-256': v.xHubSignature256 },
        rawBody: Buffer.from(v.rawBody),
      };
      expect(verifyMetaSignature(request, v.secret) === undefined).toBe(v.expectValid);
    }
    return vectors.length;
  }
  if (file === 'twilio/signature-vectors.json') {
    const vectors = readJson(file).vectors as any[];
    for (const v of vectors) {
      const input = {
        authToken: v.authToken,
        signature: v.xTwilioSignature,
        url: v.url,
        ...(v.rawBody !== undefined ? { rawBody: v.rawBody } : { params: v.params }),
      };
      expect(validateTwilioSignature(input), v.name).toBe(v.expectValid);
    }
    return vectors.length;
  }
  switch (folder) {
    case 'whatsapp':
      return Object.values(whatsappExamples(name)).filter((body) => accept('whatsapp', body) > 0)
        .length;
    case 'messenger':
      return accept('messenger', readData(file)) > 0 ? 1 : 0;
    case 'telegram':
      return telegramUpdates(name).filter((body) => accept('telegram', body) > 0).length;
    case 'twilio':
      return accept('sms', twilioFormBody(name)) > 0 ? 1 : 0;
    default:
      throw new Error(`No adapter routes ${file}`);
  }
}

const files = (readdirSync(DATA_DIR, { recursive: true }) as string[])
  .map((f) => f.split('\\').join('/'))
  .filter((f) => f.endsWith('.json'))
  .sort();

describe('every payload file in ../shared/data/channels', () => {
  it('finds the files', () => expect(files.length).toBeGreaterThanOrEqual(20));

  it.each(files.filter((f) => !NOT_A_CHANNEL.includes(f)))(
    '%s goes through its adapter',
    (file) => {
      expect(route(file)).toBeGreaterThan(0);
    },
  );

  it('leaves out only the files that are not channel payloads', () => {
    expect(files.filter((f) => NOT_A_CHANNEL.includes(f))).toEqual(NOT_A_CHANNEL);
  });
});
