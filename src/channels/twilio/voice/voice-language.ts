/**
 * The language Twilio speaks and listens in for a conversation's language tag. `<Say>` and
 * `<Gather>` want a region (`en-US`, `pt-BR`); a bare language gets the usual one.
 */
const REGION_OF: Readonly<Record<string, string>> = {
  en: 'en-US',
  es: 'es-ES',
  de: 'de-DE',
  fr: 'fr-FR',
  pt: 'pt-BR',
  it: 'it-IT',
  nl: 'nl-NL',
};

export function twilioLanguage(language: string | null, fallback: string): string {
  const tag = language ?? fallback;
  if (/^[a-z]{2}-[A-Z]{2}$/.test(tag)) return tag;
  return REGION_OF[tag.slice(0, 2).toLowerCase()] ?? fallback;
}
