// Knowledge-base retrieval in five languages, measured on eval/kb-heldout.jsonl: customer
// paraphrases (colloquial, misspelt, indirect) written before the articles' multilingual
// questions and keywords, and never tuned on. Reports top-1 accuracy per language, and how
// often out-of-scope questions (the file's own, plus CLINC150 `oos_test` lines when
// ../shared/data/clinc150 is present) get a confident wrong answer.
// Run alone: `node bin/run-ts.mjs eval/kb-heldout.ts`.
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createAnswerEngine, loadKnowledgeBase, SURE_CONFIDENCE } from '../src/bot/index.ts';
import type { AnswerEngine } from '../src/bot/index.ts';
import { DEMO_KB_DIR } from './kb-calibration.ts';

export const KB_HELDOUT_FILE = fileURLToPath(new URL('./kb-heldout.jsonl', import.meta.url));
const CLINC_FILE = fileURLToPath(
  new URL('../../shared/data/clinc150/data_full.json', import.meta.url),
);
const CLINC_OOS_LINES = 200;

/** One held-out question in a language; `article: null` is out of scope. */
export interface HeldoutQuestion {
  lang: string;
  q: string;
  article: string | null;
}

export interface LanguageScore {
  lang: string;
  count: number;
  /** Top-ranked article is the expected one. */
  top1: number;
  /** Answered (confidence ≥ 0.4) with the expected article. */
  answeredRight: number;
  /** Answered with another article. */
  answeredWrong: number;
}

export interface OutOfScopeScore {
  source: string;
  count: number;
  /** Answered with an article at all (confidence ≥ 0.4). */
  answered: number;
  /** Answered at "sure" confidence (≥ 0.7): the confident wrong answers. */
  confident: number;
}

export async function readHeldout(file = KB_HELDOUT_FILE): Promise<HeldoutQuestion[]> {
  const lines = (await readFile(file, 'utf8')).split('\n').filter((line) => line.trim() !== '');
  return lines.map((line, i) => {
    const value = JSON.parse(line) as Partial<HeldoutQuestion>;
    if (typeof value.q !== 'string' || typeof value.lang !== 'string') {
      throw new Error(`${file}:${i + 1}: expected {"lang", "q", "article": string | null}`);
    }
    return { lang: value.lang, q: value.q, article: value.article ?? null };
  });
}

/** CLINC150's out-of-scope test lines (English), or [] when the data set is absent. */
export async function readClincOutOfScope(limit = CLINC_OOS_LINES): Promise<string[]> {
  if (!existsSync(CLINC_FILE)) return [];
  const data = JSON.parse(await readFile(CLINC_FILE, 'utf8')) as { oos_test?: [string][] };
  return (data.oos_test ?? []).slice(0, limit).map(([text]) => text);
}

/**
 * Scores each question with its language given as the conversation's (`hinted`), or with
 * none, so the engine must read the language from the words alone.
 */
export function scoreHeldout(
  engine: AnswerEngine,
  questions: readonly HeldoutQuestion[],
  hinted: boolean,
): { languages: LanguageScore[]; outOfScope: OutOfScopeScore } {
  const byLang = new Map<string, LanguageScore>();
  const outOfScope: OutOfScopeScore = { source: 'held-out', count: 0, answered: 0, confident: 0 };
  for (const question of questions) {
    const language = hinted ? question.lang : null;
    const reply = engine.answer(question.q, language);
    if (question.article === null) {
      countOutOfScope(
        outOfScope,
        reply.kind === 'answer' && reply.intent === 'faq',
        reply.confidence,
      );
      continue;
    }
    const score = byLang.get(question.lang) ?? {
      lang: question.lang,
      count: 0,
      top1: 0,
      answeredRight: 0,
      answeredWrong: 0,
    };
    byLang.set(question.lang, score);
    score.count += 1;
    if (engine.rank(question.q, 1, language).hits[0]?.article.id === question.article)
      score.top1 += 1;
    if (reply.kind === 'answer' && reply.article) {
      if (reply.article.id === question.article) score.answeredRight += 1;
      else score.answeredWrong += 1;
    }
  }
  return { languages: [...byLang.values()], outOfScope };
}

export function scoreOutOfScope(engine: AnswerEngine, lines: readonly string[], source: string) {
  const score: OutOfScopeScore = { source, count: 0, answered: 0, confident: 0 };
  for (const line of lines) {
    const reply = engine.answer(line, 'en');
    countOutOfScope(score, reply.kind === 'answer' && reply.intent === 'faq', reply.confidence);
  }
  return score;
}

function countOutOfScope(score: OutOfScopeScore, answered: boolean, confidence: number): void {
  score.count += 1;
  if (answered) score.answered += 1;
  if (answered && confidence >= SURE_CONFIDENCE) score.confident += 1;
}

/** The printable report for `npm run eval`. */
export async function runKbHeldout(): Promise<string> {
  const engine = createAnswerEngine(await loadKnowledgeBase(DEMO_KB_DIR));
  const questions = await readHeldout();
  const pct = (n: number, d: number): string =>
    d === 0 ? '   -  ' : `${((100 * n) / d).toFixed(1)} %`;
  const lines = [`Knowledge base in five languages (demo KB, ${questions.length} held-out lines)`];
  for (const hinted of [true, false]) {
    const { languages, outOfScope } = scoreHeldout(engine, questions, hinted);
    lines.push(
      hinted
        ? '  with the conversation language given:'
        : '  with no language given (read from the words):',
      '  lang  questions  top-1     answered right  answered wrong',
      ...languages.map(
        (s) =>
          `  ${s.lang.padEnd(4)}  ${String(s.count).padStart(9)}  ${pct(s.top1, s.count).padStart(7)}  ${pct(s.answeredRight, s.count).padStart(14)}  ${pct(s.answeredWrong, s.count).padStart(14)}`,
      ),
      formatOutOfScope(outOfScope, pct),
    );
  }
  const clinc = await readClincOutOfScope();
  if (clinc.length > 0)
    lines.push(formatOutOfScope(scoreOutOfScope(engine, clinc, 'CLINC150 oos_test'), pct));
  else
    lines.push('  CLINC150 not found at ../shared/data/clinc150: its out-of-scope lines skipped');
  return lines.join('\n');
}

function formatOutOfScope(s: OutOfScopeScore, pct: (n: number, d: number) => string): string {
  return `  out of scope (${s.source}, ${s.count}): answered ${pct(s.answered, s.count)}, confident wrong (≥ ${SURE_CONFIDENCE}) ${pct(s.confident, s.count)}`;
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  console.log(await runKbHeldout());
}
