// Every payload file in test/fixtures/channels goes through its adapter, signed as the
// provider signs it. A new file there fails this test until it is routed here, so no
// fixture sits unused. (The signature vector files are run by whatsapp and twilio tests.)
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  adapters,
  FIXTURES_DIR,
  namedBodies,
  readData,
  signedRequest,
  twilioFormBody,
  type AdapterName,
} from './channel-fixtures.ts';

const VECTOR_FILES = ['twilio/signature-vectors.json', 'whatsapp/signature-vectors.json'];

function accept(name: AdapterName, body: Buffer): void {
  const result = adapters[name].receive(signedRequest(name, body));
  expect(result.kind, `${name}: ${JSON.stringify(result)}`).toBe('accepted');
  expect(result.kind === 'accepted' ? result.events.length : 0).toBeGreaterThan(0);
}

/** The request bodies in `file`, each with the adapter that receives it. */
function bodiesOf(file: string): [AdapterName, Buffer][] {
  const [folder = '', name = ''] = file.split('/');
  switch (folder) {
    case 'whatsapp':
      return Object.values(namedBodies(file)).map((body) => ['whatsapp', body]);
    case 'messenger':
      return [[name.startsWith('instagram-') ? 'instagram' : 'messenger', readData(file)]];
    case 'telegram':
      return Object.values(namedBodies(file)).map((body) => ['telegram', body]);
    case 'twilio':
      return [['sms', twilioFormBody(name)]];
    default:
      throw new Error(`No adapter routes ${file}`);
  }
}

const files = (readdirSync(FIXTURES_DIR, { recursive: true }) as string[])
  .map((f) => f.split('\\').join('/'))
  .filter((f) => f.endsWith('.json') && !VECTOR_FILES.includes(f))
  .sort();

describe('every payload file in test/fixtures/channels', () => {
  it('finds the files', () => expect(files.length).toBeGreaterThanOrEqual(12));

  it.each(files)('%s goes through its adapter', (file) => {
    const bodies = bodiesOf(file);
    expect(bodies.length).toBeGreaterThan(0);
    for (const [name, body] of bodies) accept(name, body);
  });
});
