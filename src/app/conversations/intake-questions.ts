/**
 * Intake: before a handoff that is not an explicit request, the bot may ask for what the
 * team will need (at most two questions, each skippable), so the agent starts with it; the
 * same questions serve "Share details first" after an explicit request. Pure: given what
 * was asked and what is missing, the next question or "hand over now". In the five message
 * languages (English when the customer's is another).
 */
import { messageLanguage, type MessageLanguage } from '../../core/sla/message-templates.ts';

export const MAX_INTAKE_QUESTIONS = 2;

interface QuestionSet {
  readonly lead: string;
  readonly skip: string;
  /** For a field without its own question; {field} is its name with spaces. */
  readonly generic: string;
  readonly fields: Readonly<Record<string, string>>;
}

const QUESTIONS: Readonly<Record<MessageLanguage, QuestionSet>> = {
  en: {
    lead: 'To get you to the right person with everything they need:',
    skip: 'You can also say “skip”, and a person will take it from here.',
    generic: 'Could you tell me your {field}?',
    fields: {
      order_id: 'What is your order number?',
      email: 'What email address is on your account?',
      account_id: 'What is your account ID? It starts with ACC-.',
      amount: 'What amount is this about?',
      phone: 'What phone number can we reach you on?',
    },
  },
  es: {
    lead: 'Para pasarle a la persona adecuada con todo lo que necesita:',
    skip: 'También puede decir «omitir» y una persona seguirá desde aquí.',
    generic: '¿Podría indicarme su {field}?',
    fields: {
      order_id: '¿Cuál es su número de pedido?',
      email: '¿Qué correo electrónico tiene su cuenta?',
      account_id: '¿Cuál es su ID de cuenta? Empieza por ACC-.',
      amount: '¿De qué importe se trata?',
      phone: '¿En qué número de teléfono podemos localizarle?',
    },
  },
  de: {
    lead: 'Damit Sie mit allem Nötigen bei der richtigen Person landen:',
    skip: 'Sie können auch „überspringen“ sagen, dann übernimmt eine Person.',
    generic: 'Können Sie mir Ihre Angabe zu „{field}“ nennen?',
    fields: {
      order_id: 'Wie lautet Ihre Bestellnummer?',
      email: 'Welche E-Mail-Adresse ist in Ihrem Konto hinterlegt?',
      account_id: 'Wie lautet Ihre Kontonummer? Sie beginnt mit ACC-.',
      amount: 'Um welchen Betrag geht es?',
      phone: 'Unter welcher Telefonnummer erreichen wir Sie?',
    },
  },
  fr: {
    lead: 'Pour vous orienter vers la bonne personne avec tout ce qu’il lui faut :',
    skip: 'Vous pouvez aussi dire « passer », et une personne prendra le relais.',
    generic: 'Pouvez-vous m’indiquer votre {field} ?',
    fields: {
      order_id: 'Quel est votre numéro de commande ?',
      email: 'Quelle adresse e-mail est associée à votre compte ?',
      account_id: 'Quel est votre identifiant de compte ? Il commence par ACC-.',
      amount: 'De quel montant s’agit-il ?',
      phone: 'À quel numéro de téléphone pouvons-nous vous joindre ?',
    },
  },
  pt: {
    lead: 'Para encaminhar você à pessoa certa com tudo o que ela precisa:',
    skip: 'Você também pode dizer “pular”, e uma pessoa continua daqui.',
    generic: 'Pode me informar seu {field}?',
    fields: {
      order_id: 'Qual é o número do seu pedido?',
      email: 'Qual e-mail está na sua conta?',
      account_id: 'Qual é o ID da sua conta? Começa com ACC-.',
      amount: 'De que valor se trata?',
      phone: 'Em que número de telefone podemos falar com você?',
    },
  },
};

export function intakeQuestion(field: string, language = 'en'): string {
  const set = QUESTIONS[messageLanguage(language)];
  const question = set.fields[field] ?? set.generic.replace('{field}', field.replaceAll('_', ' '));
  return `${set.lead} ${question} ${set.skip}`;
}

/** The next field to ask for, or null when intake is over (enough asked, or nothing missing). */
export function nextIntakeField(
  missing: readonly string[],
  asked: readonly string[],
): string | null {
  if (asked.length >= MAX_INTAKE_QUESTIONS) return null;
  return missing.find((f) => !asked.includes(f)) ?? null;
}
