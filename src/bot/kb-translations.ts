// The `translations:` block of an article: the same article in other languages, each with
// its own title and body, and its own questions and tags for the search to find it by.
// An article without a language falls back to its main text (English unless `language:`).

/** One article in one more language. */
export interface KbTranslation {
  title: string;
  /** Keywords and synonyms in this language (optional). */
  tags: string[];
  /** How customers ask it in this language (optional). */
  questions: string[];
  body: string;
}

const LANGUAGE_TAG = /^[a-z]{2,3}$/;

type ListReader = (value: unknown, path: string) => string[];

/** The translations of an article, or undefined when it has none; problems are appended. */
export function readTranslations(
  value: unknown,
  mainLanguage: string,
  problems: string[],
  readList: ListReader,
): Record<string, KbTranslation> | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'object' || Array.isArray(value)) {
    problems.push('translations: a mapping from language (es, de, fr, pt …) to title and body');
    return undefined;
  }
  const translations: Record<string, KbTranslation> = {};
  for (const [language, entry] of Object.entries(value as Record<string, unknown>)) {
    const path = `translations.${language}`;
    if (!LANGUAGE_TAG.test(language)) {
      problems.push(`${path}: the key must be a lower-case primary language tag such as es`);
      continue;
    }
    if (language === mainLanguage) {
      problems.push(`${path}: the article's own language is not a translation`);
      continue;
    }
    if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) {
      problems.push(`${path}: a mapping with title and body`);
      continue;
    }
    const fields = entry as Record<string, unknown>;
    const title = typeof fields.title === 'string' ? fields.title.trim() : '';
    const body = typeof fields.body === 'string' ? fields.body.trim() : '';
    if (title === '') problems.push(`${path}.title: required text`);
    if (body === '') problems.push(`${path}.body: required text`);
    const tags = readList(fields.tags, `${path}.tags`);
    const questions = readList(fields.questions, `${path}.questions`);
    translations[language] = { title, tags, questions, body };
  }
  return translations;
}
