import { describe, expect, it } from 'vitest';
import { evaluatePolicy, getDefaultPolicy } from '../../../src/core/policy/index.ts';
import { detectHumanRequest } from '../../../src/core/signals/detect-human-request.ts';
import { matchPersonRequest } from '../../../src/core/signals/person-request-grammar.ts';
import { normalizeText } from '../../../src/core/signals/normalize-text.ts';

// Phrases made up for these tests from the grammar's classes (person × frame × action), none of
// them taken from a corpus or a held-out set.
const SHORT = [
  ['en', 'a rep pls'],
  ['es', 'un asesor porfa'],
  ['pt', 'queria uma atendente'],
  ['de', 'eine Beraterin bitte'],
  ['fr', 'une conseillère svp'],
  ['de', 'jemand Echtes hier?'],
];

const INDIRECT = [
  ['en', 'Would one of your advisers be able to go over my contract with me?'],
  ['en', 'I would rather have a colleague of yours handle this'],
  ['es', 'Me gustaría que una asesora revise mi reclamación'],
  ['es', '¿Podrían atenderme alguien del equipo hoy?'],
  ['pt', 'Teria como alguém da equipe cuidar do meu pedido?'],
  ['pt', 'Preferia que uma pessoa olhasse isso, dá pra me passar pra alguém?'],
  ['de', 'Könnte sich bitte jemand aus Ihrem Team um meine Reklamation kümmern?'],
  ['de', 'Können Sie mich bitte mit einer Kollegin verbinden?'],
  ['fr', "J'aimerais qu'une conseillère reprenne ma réclamation"],
  ['fr', 'Pourriez-vous me mettre en relation avec quelqu’un de votre équipe ?'],
  ['en', 'does anyone actually read these messages?'],
];

// A person declined: neither the grammar nor the classifier alone may hand over.
const DECLINES = [
  'Not looking for a person, only the opening hours.',
  'no necesito ningún asesor, gracias',
  'não quero atendente, só o boleto',
  'Ich brauche keine Beraterin, nur die Rechnung.',
  'je ne veux parler à personne, envoyez le lien',
];

const DECOYS = [
  ...DECLINES,
  'Can a person under 18 open an account?',
  'Se pueden transferir los puntos a otra persona?',
  'How many advisers work in your branch?',
  'I am an agent for an insurance firm, can I get your logo?',
  'Are you a human? And what time do you close?',
  'The person’s address on the parcel is wrong',
  'Would a person be able to see this chat later?',
  'Our human resources team needs the invoices',
  'If I ever wanted someone to call me, how would that work?',
];

const strong = (text: string) => detectHumanRequest({ text })?.strength === 'strong';

describe('person-request grammar (tenth round)', () => {
  it.each(SHORT)('reads the short request in %s: %j', (_lang, text) => {
    expect(matchPersonRequest(normalizeText(text))).not.toBeNull();
    expect(strong(text)).toBe(true);
  });

  it.each(INDIRECT)('reads the indirect request in %s: %j', (_lang, text) => {
    expect(strong(text)).toBe(true);
  });

  it.each(DECOYS)('does not read %j as a request', (text) => {
    expect(strong(text)).toBe(false);
  });

  it('hands over at once, for explicit_request, on a short or indirect request', () => {
    for (const [, text] of [...SHORT, ...INDIRECT]) {
      const d = evaluatePolicy(
        { channel: 'web', turns: [{ from: 'customer', text: text ?? '' }] },
        getDefaultPolicy(),
      );
      expect({ text, action: d.action, reason: d.reasons[0]?.code }).toEqual({
        text,
        action: 'handoff',
        reason: 'explicit_request',
      });
    }
  });

  it('does not hand over for explicit_request when a person is declined', () => {
    for (const text of DECLINES) {
      const d = evaluatePolicy(
        { channel: 'web', turns: [{ from: 'customer', text }] },
        getDefaultPolicy(),
      );
      expect({ text, explicit: d.reasons.some((r) => r.code === 'explicit_request') }).toEqual({
        text,
        explicit: false,
      });
    }
  });
});
