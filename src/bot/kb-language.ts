// Languages of the knowledge base: the five the bot is written for (stemmed, with stop
// words and phrases), how a conversation's language tag maps to one, and accent folding.

/** The languages the bot searches with a stemmer and answers in its own words. */
export const KB_LANGUAGES = ['en', 'es', 'de', 'fr', 'pt'] as const;
export type KbLanguage = (typeof KB_LANGUAGES)[number];

/** The language an article is written in when its front matter does not say. */
export const DEFAULT_ARTICLE_LANGUAGE = 'en';

const PRIMARY_TAG = /^[a-z]{2,3}$/;

/**
 * The primary language of a tag ("pt-BR" → "pt", "es_MX" → "es", "DE" → "de"), or null
 * when there is none: region variants share one article body.
 */
export function primaryLanguage(tag: string | null | undefined): string | null {
  if (typeof tag !== 'string') return null;
  const primary = tag.trim().toLowerCase().split(/[-_]/)[0] ?? '';
  return PRIMARY_TAG.test(primary) ? primary : null;
}

export function isKbLanguage(language: string | null): language is KbLanguage {
  return (KB_LANGUAGES as readonly (string | null)[]).includes(language);
}

/** "envío" → "envio", "größe" → "große": customers often type without accents. */
export function foldAccents(text: string): string {
  return text.normalize('NFD').replace(/\p{M}+/gu, '');
}
