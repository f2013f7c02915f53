// Thirteenth round (issue 12): a fallback turn ("Sorry, I didn't get that") is one failed attempt,
// and a customer who then turns to "someone" asks for a person. Before, the fallback read as out of
// scope and handed over at the customer's next message, whatever it said.
import { describe, expect, it } from 'vitest';
import { computeSignals } from '../../../src/core/policy/compute-signals.ts';
import { viewConversation } from '../../../src/core/policy/conversation-view.ts';
import {
  evaluatePolicy,
  getDefaultPolicy,
  type SignalName,
} from '../../../src/core/policy/index.ts';
import type { Turn } from '../../../src/core/transcript/index.ts';
import { bot, conversation, customer } from './helpers.ts';

const policy = getDefaultPolicy();
// The learned head already reads many of these messages on their own; the rules are judged
// without it, so that what they find does not depend on the model of the day.
const rulesOnly = { ...policy.thresholds, classifier_explicit_request: 1 };
const decide = (turns: Turn[]) => evaluatePolicy(conversation(turns), policy);
const fires = (turns: Turn[], name: SignalName) =>
  computeSignals(viewConversation(conversation(turns)), rulesOnly).get(name)?.fired;

const FALLBACK: Record<string, string> = {
  en: "Sorry, I didn't get that.",
  es: 'Perdona, no te he entendido.',
  de: 'Entschuldigung, das habe ich nicht verstanden.',
  fr: "Désolé, je n'ai pas compris.",
  pt: 'Desculpe, não entendi.',
};
const fallback = (lang: string) => bot(FALLBACK[lang]!, undefined, 'fallback');

describe('a fallback turn is one failed attempt, not out of scope', () => {
  it('stays with the bot after one fallback and a customer who rephrases', () => {
    const turns = [
      customer('my parcel tracking shows nothing since monday'),
      fallback('en'),
      customer('the tracking number has not updated since monday, where is the parcel?'),
    ];
    expect(fires(turns, 'out_of_scope_persist')).toBe(false);
    expect(decide(turns).action).not.toBe('handoff');
  });

  it('hands over for repeated failure after two fallbacks in a row', () => {
    const turns = [
      customer('my parcel tracking shows nothing since monday'),
      fallback('en'),
      customer('the tracking number has not updated since monday'),
      fallback('en'),
      customer('parcel, tracking, not moving'),
    ];
    const d = decide(turns);
    expect(d.action).toBe('handoff');
    expect(d.reasons.map((r) => r.code)).toContain('repeated_failure');
  });
});

describe('a weak request for a person right after a failed bot answer hands over', () => {
  it.each([
    ['en', 'is there anyone who could look at this?'],
    ['en', 'can someone check this for me?'],
    ['es', '¿alguien me puede ayudar con esto?'],
    ['es', '¿puede alguien revisarlo, por favor?'],
    ['de', 'kann mir jemand helfen?'],
    ['de', 'kann sich das jemand anschauen?'],
    ['fr', "quelqu'un peut regarder ?"],
    ['fr', "quelqu'un pourrait m'aider ?"],
    ['pt', 'alguém pode ver isso?'],
    ['pt', 'alguém pode me ajudar?'],
    ['en', 'anyone else?'],
    ['es', '¿otra persona?'],
    ['de', 'jemand anders bitte'],
    ['fr', "quelqu'un d'autre ?"],
    ['pt', 'alguém mais?'],
  ])('%s: "%s"', (lang, text) => {
    const turns = [customer('the app shows an error when I pay'), fallback(lang), customer(text)];
    expect(fires(turns, 'human_request')).toBe(true);
    const d = decide(turns);
    expect(d.action).toBe('handoff');
    expect(d.reasons.map((r) => r.code)).toContain('explicit_request');
  });

  it.each([
    ['a low-confidence answer', bot('You can pay by card or PayPal.', 0.2)],
    ['an out-of-scope answer', bot("Sorry, I can't help with that.", undefined, 'out_of_scope')],
    ['a clarification', bot('Do you mean the app or the website?', undefined, 'clarify')],
    ['a bot error', bot('Something went wrong.', undefined, 'error')],
  ])('after %s too', (_name, failed) => {
    const turns = [
      customer('the app shows an error when I pay'),
      failed,
      customer("quelqu'un peut regarder ?"),
    ];
    expect(fires(turns, 'human_request')).toBe(true);
  });
});

describe('the same words after a good answer, and the person as topic, do not', () => {
  it.each(["quelqu'un peut regarder ?", 'alguém pode ver isso?', 'kann mir jemand helfen?'])(
    '"%s" after a confident answer',
    (text) => {
      const turns = [
        customer('the app shows an error when I pay'),
        bot('Please update the app to the latest version and try again.', 0.9, 'payment_error'),
        customer(text),
      ];
      expect(fires(turns, 'human_request')).toBe(false);
    },
  );

  it.each([
    'my colleague said you could help with the invoice?',
    'mi asesor me dijo que me podían ayudar con esto',
    'no need to pass me to anyone, can you just help?',
    'pas besoin de me passer quelqu’un, vous pouvez m’aider ?',
    'não precisa me passar pra ninguém, pode ajudar?',
    'can anyone see my balance?',
    'kann jemand anderes meine Karte benutzen?',
  ])('"%s" after a fallback', (text) => {
    const turns = [customer('the app shows an error when I pay'), fallback('en'), customer(text)];
    expect(fires(turns, 'human_request')).toBe(false);
  });
});
