// Turns text into search terms, the same way for articles and questions, per language:
// lower-case words, stop words dropped, a stemmer ("shipped"/"shipping" → "ship",
// "envíos"/"envío" → "envi"), accents folded ("envio" meets "envío"), and a few
// synonyms ("parcel" finds "package").
import { stemmer as stemGerman } from '@orama/stemmers/german';
import { stemmer as stemSpanish } from '@orama/stemmers/spanish';
import { stemmer as stemFrench } from '@orama/stemmers/french';
import { stemmer as stemPortuguese } from '@orama/stemmers/portuguese';
import { foldAccents, isKbLanguage } from './kb-language.ts';
import type { KbLanguage } from './kb-language.ts';
import { isStopWord } from './stop-words.ts';

const WORD_SPLIT = /[^\p{L}\p{N}']+/u;
// French and Italian elision: "l'étiquette" → "étiquette", "j'ai" → "ai".
const ELISION = /(^|[^\p{L}])(qu|[cdjlmnst])['’](?=\p{L})/giu;

// Canonical forms (after stemming and folding) for words customers use interchangeably.
const SYNONYMS: Record<KbLanguage, Record<string, string>> = {
  en: {
    parcel: 'package',
    packag: 'package',
    box: 'package',
    post: 'ship',
    // The small stemmer leaves "delivery" and "deliver(ed)" apart.
    delivery: 'deliver',
    deliveri: 'deliver',
    shipment: 'ship',
    postag: 'ship',
    price: 'cost',
    fee: 'cost',
    telephon: 'phone',
    mail: 'email',
    'e-mail': 'email',
    log: 'login',
    logon: 'login',
    signin: 'login',
    signup: 'regist',
    regist: 'regist',
    register: 'regist',
    registr: 'regist',
    abroad: 'international',
    oversea: 'international',
    worldwid: 'international',
    coupon: 'coupon',
    reimburs: 'refund',
    faulti: 'defect',
    fault: 'defect',
  },
  es: { correo: 'email', mail: 'email', 'e-mail': 'email', clav: 'contrasen' },
  de: { mail: 'email', 'e-mail': 'email', kennwort: 'passwort' },
  fr: { mail: 'email', 'e-mail': 'email', courriel: 'email' },
  pt: { mail: 'email', 'e-mail': 'email' },
};

const STEMMERS: Record<Exclude<KbLanguage, 'en'>, (word: string) => string> = {
  es: stemSpanish,
  de: stemGerman,
  fr: stemFrench,
  pt: stemPortuguese,
};

/** Splits text into raw lower-case words (apostrophes removed: "don't" → "dont"). */
export function tokenize(text: string): string[] {
  const cached = TOKENS.get(text);
  if (cached !== undefined) return cached;
  if (TOKENS.size >= CACHE_LIMIT) TOKENS.clear();
  const words = splitWords(text);
  TOKENS.set(text, words);
  return words;
}

const TOKENS = new Map<string, string[]>();

function splitWords(text: string): string[] {
  return text
    .toLowerCase()
    .replace(ELISION, '$1')
    .split(WORD_SPLIT)
    .map((word) => word.replace(/['’]s$/, '').replace(/['’]/g, ''))
    .filter((word) => word !== '');
}

/**
 * Normalises one word into a search term of `language`, or null for a stop word. A
 * language without a stemmer (not one of the five) is only lower-cased and folded.
 */
export function normalizeTerm(word: string, language: string = 'en'): string | null {
  // Stemming is the costly part of building an index; the same words recur in every
  // rebuild (a reload, the calibration's hundreds of indexes), so results are kept.
  let cache = CACHE.get(language);
  if (cache === undefined || cache.size >= CACHE_LIMIT) {
    cache = new Map();
    CACHE.set(language, cache);
  }
  const cached = cache.get(word);
  if (cached !== undefined) return cached;
  const term = normalizeUncached(word, language);
  cache.set(word, term);
  return term;
}

const CACHE = new Map<string, Map<string, string | null>>();
const CACHE_LIMIT = 100_000;

function normalizeUncached(word: string, language: string): string | null {
  const lower = word.toLowerCase();
  const folded = foldAccents(lower);
  if (!isKbLanguage(language)) return folded;
  if (isStopWord(folded, language)) return null;
  const stemmed = foldAccents(language === 'en' ? stemEnglish(lower) : stemOther(lower, language));
  const synonyms = SYNONYMS[language];
  return synonyms[folded] ?? synonyms[stemmed] ?? stemmed;
}

/** The distinct search terms of a text, in order of first appearance. */
export function toTerms(text: string, language: string = 'en'): string[] {
  const terms: string[] = [];
  for (const word of tokenize(text)) {
    const term = normalizeTerm(word, language);
    if (term !== null && !terms.includes(term)) terms.push(term);
  }
  return terms;
}

function stemOther(word: string, language: Exclude<KbLanguage, 'en'>): string {
  return /\d/.test(word) ? word : STEMMERS[language](word);
}

// English keeps a deliberately small stemmer: the knowledge base is short FAQ prose, and
// over-eager stemming (Porter's) merges words like "order" and "orderly" that we want apart.
function stemEnglish(word: string): string {
  if (word.length <= 3 || /\d/.test(word)) return word;
  let w = word;
  if (w.endsWith('ies') && w.length > 4) w = `${w.slice(0, -3)}y`;
  else if (/(ss|us|is)$/.test(w)) return w;
  else if (/(ches|shes|xes|sses|zes)$/.test(w)) w = w.slice(0, -2);
  else if (w.endsWith('s')) w = w.slice(0, -1);
  if (w.endsWith('ation') && w.length > 7) w = undouble(w.slice(0, -5));
  else if (w.endsWith('ing') && w.length > 5) w = undouble(w.slice(0, -3));
  else if (w.endsWith('ed') && w.length > 4) w = undouble(w.slice(0, -2));
  else if (w.endsWith('ly') && w.length > 5) w = w.slice(0, -2);
  if (w.endsWith('e') && w.length > 3) w = w.slice(0, -1);
  return w;
}

// "shipp" → "ship", "cancell" → "cancel", but "dress" keeps its double s.
function undouble(w: string): string {
  return /([bdfgklmnprt])\1$/.test(w) ? w.slice(0, -1) : w;
}
