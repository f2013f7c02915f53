// Every payload file in ../shared/data/channels (real payloads from provider SDKs and
// libraries) goes through its adapter, signed as the provider signs it, and every signature
// vector through its verifier. A new file there fails this test until it is routed here.
import { readdirSync } from 'node:fs';
import { expect, it } from 'vitest';
import { verifyMetaSignature } from '../../src/channels/meta/verify-meta-signature.ts';
import { validateTwilioSignature } from '../../src/channels/twilio/validate-twilio-signature.ts';
import { adapters, signedRequest, type AdapterName } from '../channels/channel-fixtures.ts';
import {
  botbuilderTwilioForm,
  CHANNELS_DIR,
  describeShared,
  pywaExamples,
  readShared,
  readSharedJson,
  tgbotUpdates,
} from './shared-corpus.ts';

/** Not a channel webhook: Bot Framework's `handoff.status` value belongs to the external-bot connector (src/bot). */
const NOT_A_CHANNEL = ['botframework/handoff-status-value.failed.json'];

function accept(name: AdapterName, body: Buffer): number {
  const result = adapters[name].receive(signedRequest(name, body));
  expect(result.kind, `${name}: ${JSON.stringify(result)}`).toBe('accepted');
  const count = result.kind === 'accepted' ? result.events.length : 0;
  expect(count, 'every payload yields at least one event').toBeGreaterThan(0);
  return count;
}

function checkMetaVectors(file: string): number {
  const vectors = readSharedJson(file).vectors as any[];
  for (const v of vectors) {
    const request = {
      method: 'POST',
      url: '/',
      query: {},
      headers: { 'x-hub-signature-256': v.xHubSignature256 },
      rawBody: Buffer.from(v.rawBody),
    };
    expect(verifyMetaSignature(request, v.secret) === undefined, v.name).toBe(v.expectValid);
  }
  return vectors.length;
}

function checkTwilioVectors(file: string): number {
  const vectors = readSharedJson(file).vectors as any[];
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

/** How each file is run; returns the number of payloads (or vectors) that went through. */
function route(file: string): number {
  const [folder = '', name = ''] = file.split('/');
  if (file === 'whatsapp/x-hub-signature-256-vectors.json') return checkMetaVectors(file);
  if (file === 'twilio/signature-vectors.json') return checkTwilioVectors(file);
  switch (folder) {
    case 'whatsapp':
      return Object.values(pywaExamples(name)).filter((body) => accept('whatsapp', body) > 0)
        .length;
    case 'messenger':
      return accept('messenger', readShared(file)) > 0 ? 1 : 0;
    case 'telegram':
      return tgbotUpdates(name).filter((body) => accept('telegram', body) > 0).length;
    case 'twilio':
      return accept('sms', botbuilderTwilioForm(name)) > 0 ? 1 : 0;
    default:
      throw new Error(`No adapter routes ${file}`);
  }
}

describeShared('conformance: every payload file in ../shared/data/channels', () => {
  const files = (readdirSync(CHANNELS_DIR, { recursive: true }) as string[])
    .map((f) => f.split('\\').join('/'))
    .filter((f) => f.endsWith('.json'))
    .sort();

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
