// Any message up to the API's limit is decided at the usual pace, not only the shapes in
// long-messages.test.ts. A pattern that backtracks or looks around over the whole message at
// every position (a topic rule once did, and a 4,000-character message took over a minute) is
// met here: messages are built from what these patterns match and stumble on — the
// lexicons' own words in five languages, accented letters, punctuation, digits, amounts, runs of
// one character and repeated phrases — so a pattern that is slow on some text meets it. Seeded,
// so a failure replays. The decisions run in a worker thread the test ends when one message is
// not decided within a bound far above the usual pace (milliseconds): a slow pattern holds its
// thread and could not otherwise be stopped (the rule from before 44954a1 failed this way).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const LIMIT = 4000; // the API's default `limits.messageMaxChars`
const SEED = 44954;
const RUNS = 100;
// A message is decided in milliseconds; the bound is for a loaded CI machine. A pattern that is
// slow on long text takes minutes on one message.
const MESSAGE_BOUND_MS = 20_000;

const SIGNALS = join(import.meta.dirname, '../../../src/core/signals');
const LEXICON_FILES = [
  'topic-lexicon.ts',
  'human-request-lexicon.ts',
  'frustration-lexicon.ts',
  'person-request-vocabulary.ts',
  'person-request-grammar.ts',
  'hypothetical.ts',
  'bot-turn-flags.ts',
  'detect-yes.ts',
];

/** The words the lexicons are written in, read from their source so new words join in. */
const LEXICON_WORDS = [
  ...new Set(
    LEXICON_FILES.flatMap(
      (f) => readFileSync(join(SIGNALS, f), 'utf8').match(/[a-zà-ÿ][a-zà-ÿ'-]+/gi) ?? [],
    ),
  ),
];

const PHRASES = [
  'I want to talk to a human',
  'can I speak to a real person please',
  'my order never arrived',
  'please cancel the payment',
  'I was charged twice',
  "I don't recognise this transaction",
  'quiero hablar con una persona',
  'me cobraron dos veces',
  'mi pedido nunca llegó',
  'ich möchte mit einem Mitarbeiter sprechen',
  'meine Bestellung ist nicht angekommen',
  'je veux parler à un conseiller',
  "ma commande n'est jamais arrivée",
  'quero falar com um atendente',
  'meu pedido não chegou',
  'this is ridiculous!!!',
];

const AMOUNTS = ['$1,234.56', '1.234,56 €', 'R$ 10,00', '£5', 'USD 100', '€ 99,-', '12345', '3x'];
const CHARS = [...'éèêëàâäçñãõôöüûïîßœæ', ...' .,;:!?\'"-()/\n\t', ...'aeiosxz0123456789$€£'];

/** Messages of at most `max` characters, many of them near it. */
function messages(max: number): fc.Arbitrary<string> {
  const fragment = fc.oneof(
    { arbitrary: fc.constantFrom(...LEXICON_WORDS), weight: 4 },
    { arbitrary: fc.constantFrom(...PHRASES), weight: 2 },
    { arbitrary: fc.constantFrom(...AMOUNTS), weight: 1 },
    { arbitrary: fc.constantFrom(...CHARS), weight: 3 },
    // A run of one character: the shape that found the look-behind.
    {
      arbitrary: fc
        .tuple(fc.constantFrom(...CHARS, 'a', 'é'), fc.integer({ min: 2, max }))
        .map(([c, n]) => c.repeat(n)),
      weight: 1,
    },
  );
  const freeText = fc
    .array(fc.tuple(fragment, fc.constantFrom(' ', ' ', '', ', ', '. ')), {
      maxLength: Math.ceil(max / 7),
      size: 'max',
    })
    .map((parts) => parts.flat().join('').slice(0, max));
  // A few fragments repeated up to a length: one long sentence of the same words.
  const repeatedText = fc
    .tuple(
      fc.array(fragment, { minLength: 1, maxLength: 12 }),
      fc.integer({ min: Math.ceil(max / 2), max }),
    )
    .map(([parts, length]) => {
      const unit = `${parts.join(' ')} `;
      return unit.repeat(Math.ceil(length / unit.length)).slice(0, length);
    });
  return fc.oneof(freeText, repeatedText).filter((t) => t.trim().length > 0);
}

/** The worker's decision on one message, or an error once the bound has passed (worker ended). */
function decider(worker: Worker) {
  return (text: string) =>
    new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => {
        worker.off('message', resolve);
        void worker.terminate();
        reject(new Error(`no decision within ${MESSAGE_BOUND_MS} ms on ${text.length} characters`));
      }, MESSAGE_BOUND_MS);
      worker.once('message', (action: string) => {
        clearTimeout(timer);
        resolve(action);
      });
      worker.postMessage(text);
    });
}

describe('any message up to the length limit', () => {
  let worker: Worker;
  beforeAll(async () => {
    worker = new Worker(new URL('./decide-in-worker.mjs', import.meta.url));
    await new Promise((resolve, reject) => {
      worker.once('message', resolve);
      worker.once('error', reject);
    });
  }, 60_000);
  afterAll(() => worker?.terminate());

  it('is decided', async () => {
    const decide = decider(worker);
    await fc.assert(
      fc.asyncProperty(messages(LIMIT), async (text) => {
        expect(['continue', 'intake', 'handoff']).toContain(await decide(text));
      }),
      // The worker is gone after a message past the bound: no shrinking on a dead worker.
      { seed: SEED, numRuns: RUNS, endOnFailure: true },
    );
  }, 120_000);
});
