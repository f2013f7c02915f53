// Human-request signal: does this customer turn ask for a person? The widget button
// (`action: request_human`) is always a strong request. Text is matched against the lexicon
// after removing false friends ("travel agent", "human resources") and fixing near-miss typos
// of the person words ("agnet", "humna"); a negation in the same clause cancels the match.
import { fixTypos } from './fix-typos.ts';
import {
  FALSE_FRIENDS,
  IDENTITY_QUESTION,
  NEGATION,
  NOT_A_NEGATION,
  STANDALONE_FILLERS,
  STANDALONE_PERSONS,
  STRONG_REQUEST_PATTERNS,
  WEAK_REQUEST_PATTERNS,
} from './human-request-lexicon.ts';
import { HYPOTHETICAL, isHypotheticalBefore } from './hypothetical.ts';
import { normalizeText, wordTokens } from './normalize-text.ts';
import { matchPersonRequest } from './person-request-grammar.ts';

export interface HumanRequest {
  /** `strong` hands over at once; `weak` ("hello??", "are you a bot?") only when repeated. */
  strength: 'strong' | 'weak';
  /** The words (or the action) that matched. */
  matched: string;
  language?: string;
}

export interface HumanRequestInput {
  text?: string;
  action?: string;
}

function scrub(normalized: string): string {
  let out = normalized;
  for (const re of FALSE_FRIENDS) out = out.replace(re, ' _ ');
  return out;
}

/** The clause before `index`: text after the last sentence break or contrast word. */
function clauseBefore(text: string, index: number): string {
  const before = text.slice(0, index);
  const parts = before.split(/[.;!?,]|\b(?:but|mais|pero|aber|mas|just)\b/);
  return (parts[parts.length - 1] ?? '').split(' ').slice(-7).join(' ');
}

function isNegated(text: string, index: number): boolean {
  // The match's first word belongs to its clause: "no quiero hablar con un asesor" negates
  // "quiero", which starts the match.
  const clause = `${clauseBefore(text, index)}${text.slice(index).split(' ')[0] ?? ''}`;
  if (isHypotheticalBefore(text, index)) return true;
  return NEGATION.test(clause) && !NOT_A_NEGATION.test(clause);
}

function isStandaloneRequest(text: string): string | null {
  const tokens = wordTokens(text);
  if (tokens.length === 0 || tokens.length > 6) return null;
  const person = tokens.find((t) => STANDALONE_PERSONS.has(t));
  if (!person) return null;
  const ok = tokens.every((t) => STANDALONE_FILLERS.has(t) || STANDALONE_PERSONS.has(t));
  return ok ? tokens.join(' ') : null;
}

/** Detects a request for a human in one customer turn (text or button action). */
export function detectHumanRequest(turn: HumanRequestInput): HumanRequest | null {
  if (turn.action === 'request_human') return { strength: 'strong', matched: 'request_human' };
  if (turn.text === undefined || turn.text.trim() === '') return null;
  const full = scrub(fixTypos(normalizeText(turn.text)));
  const identity = full.match(IDENTITY_QUESTION);
  const text = identity ? full.replace(IDENTITY_QUESTION, ' _ ') : full;
  const standalone = isStandaloneRequest(text);
  if (standalone !== null) return { strength: 'strong', matched: standalone };
  for (const { lang, re } of STRONG_REQUEST_PATTERNS) {
    const m = re.exec(text);
    if (m && !isNegated(text, m.index)) {
      return { strength: 'strong', matched: m[0].trim(), language: lang };
    }
  }
  // The grammar of person × frame × action (tenth round) reads what the listed phrasings miss.
  const asked = HYPOTHETICAL.test(text) ? null : matchPersonRequest(text);
  if (asked !== null) return { strength: 'strong', matched: asked };
  if (identity) return { strength: 'weak', matched: identity[0].trim() };
  for (const re of WEAK_REQUEST_PATTERNS) {
    const m = re.exec(text);
    if (m && !isNegated(text, m.index)) return { strength: 'weak', matched: m[0].trim() };
  }
  return null;
}
