// The shared corpus (../shared beside the clone: real provider payloads and the public
// escalation scenarios) is not part of the repository; see corpus-presence.ts for when its
// suite runs, skips or fails. Readers for its files, in their upstream formats.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, it } from 'vitest';
import { corpusMissingReason, corpusPaths } from './corpus-presence.ts';

const SHARED_DIR = fileURLToPath(new URL('../../../shared/', import.meta.url));
export const {
  channelsDir: CHANNELS_DIR,
  scenariosFile: SCENARIOS_FILE,
  scorerFile: SCORER_FILE,
} = corpusPaths(SHARED_DIR);

const missingReason = corpusMissingReason(SHARED_DIR, process.env.CI === 'true');
if (missingReason) console.warn(`[skip] conformance suite: ${missingReason}`);

/**
 * `describe` when the corpus is here. Without it the body is not even collected (it reads
 * the corpus), and one skipped test carries the reason.
 */
export function describeShared(name: string, body: () => void): void {
  if (missingReason === null) describe(name, body);
  else describe.skip(name, () => it.skip(missingReason, () => undefined));
}

export function readShared(relativePath: string): Buffer {
  return readFileSync(`${CHANNELS_DIR}${relativePath}`);
}

export function readSharedJson(relativePath: string): any {
  return JSON.parse(readShared(relativePath).toString('utf8'));
}

/** pywa files hold `{ "<example>": <webhook body> }`; each body is one POST. */
export function pywaExamples(file: string): Record<string, Buffer> {
  const examples = readSharedJson(`whatsapp/${file}`) as Record<string, unknown>;
  return Object.fromEntries(
    Object.entries(examples).map(([name, body]) => [name, Buffer.from(JSON.stringify(body))]),
  );
}

/** tgbot files wrap updates in a getUpdates mock; a webhook POST body is one `Update`. */
export function tgbotUpdates(file: string): Buffer[] {
  return (readSharedJson(`telegram/${file}`).rep_body.result as unknown[]).map((u) =>
    Buffer.from(JSON.stringify(u)),
  );
}

/**
 * botbuilder's Twilio fixtures are the webhook parameters as JSON, with To/From still
 * percent-encoded as on the wire; build the form body Twilio would have sent.
 */
export function botbuilderTwilioForm(file: string): Buffer {
  const params = readSharedJson(`twilio/${file}`) as Record<string, string | number>;
  const pairs = Object.entries(params).map(([key, value]) => {
    const text = String(value);
    return `${key}=${/%[0-9A-F]{2}/i.test(text) ? text : encodeURIComponent(text)}`;
  });
  return Buffer.from(pairs.join('&'));
}
