/**
 * Spanish is spoken in one register, "usted", in every text a customer reads: the whole
 * customer catalogue (greetings, waiting, waiting room, workflow, dead ends, intake, overflow,
 * the bot's own phrases, the email that continues a chat) as the call sites render it, and
 * the widget. (The issue found "tú" and
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
import { CUSTOMER_DE } from '../../../src/core/i18n/customer-de.ts';
import { CUSTOMER_ES } from '../../../src/core/i18n/customer-es.ts';
import { CUSTOMER_FR } from '../../../src/core/i18n/customer-fr.ts';
import { unsupportedReplyText } from '../../../src/app/channels/unsupported-reply.ts';
import { greetingText } from '../../../src/app/conversations/customer-messages.ts';

/** Words that only "tú" uses: pronouns, verb forms and clitics that appear in our texts. */
const TU =
  /(?<!\p{L})(tú|tu|tus|te|ti|contigo|eres|estás|puedes|quieres|tienes|tendrás|podrás|conservas|sigues|prefieras|tengas|quedes|hazme|déjanos|escríbelo|revísalo|elige|escribe|pulsa|responde|valora|incluye|iniciaste|(?:ayudar|responder|pasar|llamar|contactar|localizar|haber|prometer)te)(?!\p{L})/iu;

function spanishTexts(): [string, string][] {
  const phrases = phrasesFor('es');
  return [
    ...Object.entries(CUSTOMER_ES).map(([k, v]): [string, string] => [`customer.${k}`, v]),
    ...['web', 'sms', 'telegram'].map((ch): [string, string] => [
      `greeting.${ch}`,
      greetingText('Nia', ch, 'es'),
    ]),
    ['unsupported', unsupportedReplyText('es-MX')],
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
  // "je (ne) peux" is the bot speaking of itself; "tu peux" would be the customer.
  const TU_FR =
    /(?<!\p{L})(tu|te|toi|ton|ta|tes|t’|es)(?!\p{L})|(?<!\bje (?:ne )?)(?<!\p{L})(peux|veux)(?!\p{L})/iu;

  it('German says "Sie", never "du"', () => {
    const texts = [...Object.values(CUSTOMER_DE), ...Object.values(WIDGET_DE)];
    expect(texts.filter((t) => DU.test(t))).toEqual([]);
  });

  it('French says "vous", never "tu"', () => {
    const texts = [...Object.values(CUSTOMER_FR), ...Object.values(WIDGET_FR)];
    expect(texts.filter((t) => TU_FR.test(t))).toEqual([]);
  });
});
