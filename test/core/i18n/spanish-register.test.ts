/**
 * Spanish is spoken in one register, "usted", in every text a customer reads: the waiting,
 * waiting-room, workflow and dead-end templates, intake questions, overflow, the bot's own
 * phrases, the email that continues a chat, and the widget. (The issue found "tú" and
 * "usted" in one handoff message.)
 */
import { describe, expect, it } from 'vitest';
import {
  continueByEmailIntro,
  continueByEmailSubject,
} from '../../../src/app/channels/email/continue-by-email-text.ts';
import { intakeQuestion } from '../../../src/app/conversations/intake-questions.ts';
import { overflowText } from '../../../src/app/routing/overflow-text.ts';
import { phrasesFor } from '../../../src/bot/bot-phrases.ts';
import { WIDGET_DE } from '../../../src/core/i18n/widget-de.ts';
import { WIDGET_ES } from '../../../src/core/i18n/widget-es.ts';
import { WIDGET_FR } from '../../../src/core/i18n/widget-fr.ts';
import { DEFAULT_TEMPLATES } from '../../../src/core/sla/message-templates.ts';

/** Words that only "tú" uses: pronouns, verb forms and clitics that appear in our texts. */
const TU =
  /(?<!\p{L})(tú|tu|tus|te|ti|contigo|eres|estás|puedes|quieres|tienes|tendrás|podrás|conservas|sigues|prefieras|tengas|quedes|hazme|déjanos|escríbelo|revísalo|elige|escribe|pulsa|responde|valora|incluye|iniciaste|(?:ayudar|responder|pasar|llamar|contactar|localizar|haber|prometer)te)(?!\p{L})/iu;

function spanishTexts(): [string, string][] {
  const phrases = phrasesFor('es');
  return [
    ...Object.entries(DEFAULT_TEMPLATES.es).map(([k, v]): [string, string] => [`sla.${k}`, v]),
    ...Object.entries(WIDGET_ES).map(([k, v]): [string, string] => [`widget.${k}`, v]),
    ...['order_id', 'email', 'account_id', 'amount', 'phone', 'other_field'].map(
      (field): [string, string] => [`intake.${field}`, intakeQuestion(field, 'es')],
    ),
    ['overflow', overflowText('Ventas', 'Soporte', 2, 'es')],
    ['bot.hedge', phrases.hedge],
    ['bot.clarify', phrases.clarify('envíos', 'devoluciones')],
    ['bot.noAnswer', phrases.noAnswer],
    ['bot.emptyQuestion', phrases.emptyQuestion],
    ...Object.entries(phrases.smallTalk).map(([k, v]): [string, string] => [`bot.${k}`, v]),
    ['email.intro', continueByEmailIntro('2026-12-03T10:00:00Z', 'hola', 'es')],
    ['email.subject', continueByEmailSubject('Soporte', 'es')],
  ];
}

describe('Spanish register', () => {
  it('uses "usted" everywhere, never "tú"', () => {
    const tu = spanishTexts()
      .filter(([, text]) => TU.test(text))
      .map(([key, text]) => `${key}: ${text.match(TU)?.[0]}`);
    expect(tu).toEqual([]);
  });
});

describe('German and French register', () => {
  const DU = /(?<!\p{L})(du|dich|dir|dein|deine|deinen|deiner|kannst|möchtest|bist)(?!\p{L})/iu;
  const TU_FR = /(?<!\p{L})(tu|te|toi|ton|ta|tes|t’|peux|veux|es)(?!\p{L})/iu;

  it('German says "Sie", never "du"', () => {
    const texts = [...Object.values(DEFAULT_TEMPLATES.de), ...Object.values(WIDGET_DE)];
    expect(texts.filter((t) => DU.test(t))).toEqual([]);
  });

  it('French says "vous", never "tu"', () => {
    const texts = [...Object.values(DEFAULT_TEMPLATES.fr), ...Object.values(WIDGET_FR)];
    expect(texts.filter((t) => TU_FR.test(t))).toEqual([]);
  });
});
