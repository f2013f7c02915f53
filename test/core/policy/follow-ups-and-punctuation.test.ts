// Thirteenth round: short follow-ups ("and in Italy?") are new questions, not the same one asked a
// third time; a calm "??" or "???" after an answer and a shouted thanks stay with the bot.
import { describe, expect, it } from 'vitest';
import { computeSignals } from '../../../src/core/policy/compute-signals.ts';
import { viewConversation } from '../../../src/core/policy/conversation-view.ts';
import { evaluatePolicy, getDefaultPolicy } from '../../../src/core/policy/index.ts';
import { detectClosing } from '../../../src/core/signals/detect-closing.ts';
import type { Turn } from '../../../src/core/transcript/index.ts';
import { bot, conversation, customer } from './helpers.ts';

const policy = getDefaultPolicy();
const decide = (turns: Turn[]) => evaluatePolicy(conversation(turns), policy);
const repeated = (turns: Turn[]) =>
  computeSignals(viewConversation(conversation(turns)), policy.thresholds).get('repeated_question');

describe('short follow-ups are not the same question asked again', () => {
  it.each([
    [
      'en',
      'What were my data roaming charges in France?',
      'and roaming charges in Italy?',
      'and roaming charges in Spain?',
    ],
    [
      'es',
      '¿Cuánto pagué de roaming de datos en Francia?',
      '¿y el roaming de datos en Italia?',
      '¿y el roaming de datos en Portugal?',
    ],
    [
      'de',
      'Wie viel habe ich für Datenroaming in Frankreich bezahlt?',
      'und wie viel in Italien?',
      'und wie viel in Portugal?',
    ],
    [
      'pt',
      'Quanto paguei de roaming de dados na Argentina?',
      'e de roaming de dados no Chile?',
      'e de roaming de dados no Uruguai?',
    ],
  ])('%s', (_l, q, f1, f2) => {
    // The bot answers on point, naming what was asked.
    const turns = [
      customer(q),
      bot(`${q.replace(/[?¿]/g, '')}: 12.40.`, 0.9),
      customer(f1),
      bot(`${f1.replace(/[?¿]/g, '')}: 8.10.`, 0.9),
      customer(f2),
    ];
    expect(repeated(turns)?.fired).toBe(false);
    expect(decide(turns).action).toBe('continue');
  });

  it('the same question asked a third time in other words still hands over', () => {
    const turns = [
      customer('How do I reset my password?'),
      bot('You can manage your profile in Settings.', 0.9),
      customer("I still can't reset my password"),
      bot('Our app is available on iOS and Android.', 0.9),
      customer('reset password how??'),
    ];
    expect(repeated(turns)?.fired).toBe(true);
    expect(decide(turns).reasons.map((r) => r.code)).toContain('repeated_failure');
  });
});

describe('calm punctuation and happy shouting stay with the bot', () => {
  const ask = customer('Where can I find my order number?');
  const answer = bot(
    "It's in your confirmation email, the one with the subject 'Your order'.",
    0.9,
  );
  it.each(['??', '???'])('"%s" alone after an answer', (nudge) => {
    expect(decide([ask, answer, customer(nudge)]).action).toBe('continue');
    expect(decide([customer(nudge)]).action).toBe('continue');
  });

  it.each([
    'WOW THANK YOU!!',
    'WOW VIELEN DANK!!',
    'WOW MERCI BEAUCOUP !!',
    'NOSSA MUITO OBRIGADO!!',
  ])('"%s" after the bot did it', (thanks) => {
    const turns = [
      customer('Can you resend my ticket?'),
      bot('Done! I resent it.', 0.9),
      customer(thanks),
    ];
    expect(decide(turns).action).toBe('continue');
  });
});

describe('German thanks close the exchange', () => {
  it.each([
    'Vielen Dank!',
    'besten Dank',
    'herzlichen Dank, das war es',
    'Dankeschön',
    'tausend Dank',
  ])('%s', (text) => {
    expect(detectClosing(text)).toBe(true);
  });
});
