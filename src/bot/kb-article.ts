// A knowledge-base article: YAML front matter plus a short Markdown answer. Parsing is pure
// (text in, article or problems out) so the loader can report every bad file at once.
import { parse as parseYaml } from 'yaml';
import { readTranslations } from './kb-translations.ts';
import type { KbTranslation } from './kb-translations.ts';

export type { KbTranslation } from './kb-translations.ts';

/** One FAQ article of the bot's knowledge base. */
export interface KbArticle {
  /** Stable id (kebab-case), referenced by events and evaluation files. */
  id: string;
  title: string;
  tags: string[];
  /** Example phrasings of the question; indexed with a high boost. */
  questions: string[];
  /** The answer shown to the customer (Markdown, a few sentences). */
  body: string;
  /** The language of title, tags, questions and body (absent: English). */
  language?: string;
  /** The same article in other languages, by primary language tag ("es", "de" …). */
  translations?: Readonly<Record<string, KbTranslation>>;
}

export type ParseKbArticleResult =
  { ok: true; article: KbArticle } | { ok: false; problems: string[] };

const FRONT_MATTER = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?([\s\S]*)$/;
const ARTICLE_ID = /^[a-z0-9][a-z0-9-]*$/;
const LANGUAGE_TAG = /^[a-z]{2,3}$/;

/** Parses one article file's text; expected problems are returned, never thrown. */
export function parseKbArticle(source: string): ParseKbArticleResult {
  const match = FRONT_MATTER.exec(source.replace(/^\uFEFF/, ''));
  if (!match) {
    return { ok: false, problems: ['missing front matter (the file must start with a --- block)'] };
  }
  let meta: unknown;
  try {
    meta = parseYaml(match[1] ?? '');
  } catch (error) {
    return { ok: false, problems: [`front matter is not valid YAML: ${(error as Error).message}`] };
  }
  return articleFrom(meta, match[2] ?? '', 'the answer text after the front matter');
}

/**
 * Parses a YAML article (`*.yaml`, `*.yml`): the same fields as the front matter, with the
 * answer in `body`. Handy when articles are exported from another system.
 */
export function parseKbArticleYaml(source: string): ParseKbArticleResult {
  let meta: unknown;
  try {
    meta = parseYaml(source.replace(/^\uFEFF/, ''));
  } catch (error) {
    return { ok: false, problems: [`not valid YAML: ${(error as Error).message}`] };
  }
  const body = (meta as Record<string, unknown> | null)?.body;
  return articleFrom(meta, typeof body === 'string' ? body : '', '`body`');
}

function articleFrom(meta: unknown, rawBody: string, bodyName: string): ParseKbArticleResult {
  if (typeof meta !== 'object' || meta === null || Array.isArray(meta)) {
    return { ok: false, problems: ['the article must be a YAML mapping'] };
  }
  const fields = meta as Record<string, unknown>;
  const problems: string[] = [];
  const id = fields.id;
  if (typeof id !== 'string' || !ARTICLE_ID.test(id)) {
    problems.push('id: required, lower-case letters, digits and dashes');
  }
  const title = fields.title;
  if (typeof title !== 'string' || title.trim() === '') problems.push('title: required text');
  const tags = stringList(fields.tags, 'tags', true, problems);
  const questions = stringList(fields.questions, 'questions', false, problems);
  const body = rawBody.trim();
  if (body === '') problems.push(`body: ${bodyName} is empty`);
  const language = fields.language;
  if (language !== undefined && (typeof language !== 'string' || !LANGUAGE_TAG.test(language))) {
    problems.push('language: a lower-case primary language tag such as en, es or pt');
  }
  const mainLanguage = typeof language === 'string' ? language : 'en';
  const translations = readTranslations(fields.translations, mainLanguage, problems, (v, p) =>
    stringList(v, p, false, problems),
  );
  if (problems.length > 0) return { ok: false, problems };
  return {
    ok: true,
    article: {
      id: id as string,
      title: (title as string).trim(),
      tags,
      questions,
      body,
      ...(language !== undefined ? { language: mainLanguage } : {}),
      ...(translations !== undefined ? { translations } : {}),
    },
  };
}

function stringList(value: unknown, path: string, required: boolean, problems: string[]): string[] {
  if (value === undefined || value === null) {
    if (required) problems.push(`${path}: required list of text (may be empty: [])`);
    return [];
  }
  if (!Array.isArray(value) || value.some((item) => typeof item !== 'string')) {
    problems.push(`${path}: must be a list of text`);
    return [];
  }
  return value.map((item: string) => item.trim()).filter((item) => item !== '');
}
