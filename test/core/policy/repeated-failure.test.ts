// When a struggling bot hands over (../shared/spec/transcripts.md): repeated failure needs two
// failed bot answers or a third ask, while out_of_scope needs one refusal and a customer who
// persists.
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
const decide = (turns: Turn[]) => evaluatePolicy(conversation(turns), policy);
const codes = (turns: Turn[]) => decide(turns).reasons.map((r) => r.code);
const fires = (turns: Turn[], name: SignalName) =>
  computeSignals(viewConversation(conversation(turns)), policy.thresholds).get(name)?.fired;

describe('an out-of-scope answer and a customer who persists still hand over at once', () => {
  it.each([
    ['en intent', 'Can you book me a table at a restaurant tonight?', 'Sorry.', 'out_of_scope'],
    ['en wording', 'Can you book me a table tonight?', "Sorry, I can't help with that.", undefined],
    ['es intent', '¿Me recomiendas un buen restaurante?', 'Lo siento, eso no.', 'out_of_scope'],
    ['de intent', 'Können Sie mir ein Restaurant empfehlen?', 'Das geht leider nicht.', 'oos'],
    [
      'none + refusal wording',
      'Can you book a taxi?',
      "I'm afraid I can't help with that.",
      'none',
    ],
  ])('%s', (_name, ask, reply, intent) => {
    const d = decide([customer(ask), bot(reply, undefined, intent), customer('and why not?')]);
    expect(d.action).toBe('handoff');
    expect(d.reasons.map((r) => r.code)).toContain('out_of_scope');
  });
});

describe('unanswered_repeat waits for the third ask', () => {
  // [ask, off-point answer, re-ask, another off-point answer, third ask]
  const cases: Array<[string, string, string, string, string, string]> = [
    [
      'en',
      'can I move my dentist appointment from Tuesday to Friday?',
      'Our clinic offers check-ups, cleaning and whitening.',
      'I asked whether my Tuesday appointment can move to Friday',
      'We are open Monday to Saturday from 8:00.',
      'my appointment: Tuesday to Friday, possible?',
    ],
    [
      'es',
      '¿puedo cambiar mi cita del martes al viernes?',
      'Nuestra clínica ofrece revisiones, limpiezas y blanqueamientos.',
      'te pregunto si mi cita del martes se puede cambiar al viernes',
      'Abrimos de lunes a sábado desde las 8:00.',
      'cambiar cita martes viernes, ¿se puede?',
    ],
    [
      'de',
      'Kann ich meinen Termin von Dienstag auf Freitag verschieben?',
      'Unsere Praxis bietet Kontrollen, Reinigungen und Bleaching an.',
      'Ich wollte wissen, ob ich meinen Termin von Dienstag auf Freitag verschieben kann',
      'Wir haben Montag bis Samstag ab 8:00 geöffnet.',
      'Termin Dienstag auf Freitag verschieben, geht das?',
    ],
  ];

  it.each(cases)('%s: one off-point answer and a re-ask stay with the bot', (_l, q, a1, r1) => {
    const turns = [customer(q), bot(a1, 0.8), customer(r1)];
    expect(decide(turns).action).toBe('continue');
    expect(fires(turns, 'unanswered_repeat')).toBe(false);
  });

  it.each(cases)('%s: two off-point answers and a third ask hand over', (_l, q, a1, r1, a2, r2) => {
    const turns = [customer(q), bot(a1, 0.8), customer(r1), bot(a2, 0.8), customer(r2)];
    expect(codes(turns)).toContain('repeated_failure');
    expect(fires(turns, 'unanswered_repeat')).toBe(true);
  });
});
