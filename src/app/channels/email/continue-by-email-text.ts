/**
 * The first email of a web chat continued by email: the customer may read it hours later,
 * on another device, so it says which conversation it continues and that replying works.
 */
const introEn = (started: string, preview: string) =>
  `This continues the chat you started with us on ${started}${preview}. Reply to this email to answer; your reply reaches the same conversation.`;

const INTRO: Record<string, (started: string, preview: string) => string> = {
  en: introEn,
  es: (started, preview) =>
    `Esto continúa el chat que inició con nosotros el ${started}${preview}. Responda a este correo para contestar; su respuesta llega a la misma conversación.`,
  de: (started, preview) =>
    `Dies setzt den Chat fort, den Sie am ${started} mit uns begonnen haben${preview}. Antworten Sie einfach auf diese E-Mail; Ihre Antwort landet in derselben Unterhaltung.`,
  fr: (started, preview) =>
    `Ce message poursuit la conversation commencée avec nous le ${started}${preview}. Répondez à cet e-mail : votre réponse arrive dans la même conversation.`,
  pt: (started, preview) =>
    `Isto continua o chat que você iniciou conosco em ${started}${preview}. Responda a este e-mail; sua resposta chega à mesma conversa.`,
};

const subjectEn = (team: string) => `Your conversation with ${team}`;

const SUBJECT: Record<string, (team: string) => string> = {
  en: subjectEn,
  es: (team) => `Su conversación con ${team}`,
  de: (team) => `Ihre Unterhaltung mit ${team}`,
  fr: (team) => `Votre conversation avec ${team}`,
  pt: (team) => `Sua conversa com ${team}`,
};

export function continueByEmailSubject(team: string, language: string | null): string {
  return (SUBJECT[baseLanguage(language)] ?? subjectEn)(team);
}

/** `startedAt` is the conversation's creation time; `firstWords` the customer's first message. */
export function continueByEmailIntro(
  startedAt: string,
  firstWords: string | undefined,
  language: string | null,
): string {
  const started = `${startedAt.slice(0, 10)} ${startedAt.slice(11, 16)} UTC`;
  const words = firstWords?.trim().replace(/\s+/g, ' ');
  const preview = words ? ` ("${words.length > 80 ? `${words.slice(0, 79)}…` : words}")` : '';
  return (INTRO[baseLanguage(language)] ?? introEn)(started, preview);
}

function baseLanguage(language: string | null): string {
  return (language ?? 'en').slice(0, 2).toLowerCase();
}
