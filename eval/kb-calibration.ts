// Measures whether the answer engine's confidence means something: on held-out questions
// (eval/kb-questions.jsonl, written apart from the articles' own example questions), how
// often is the top article right in each confidence band, and how often are out-of-scope
// questions turned away? Also refits the confidence model on a separate calibration set:
// `node bin/run-ts.mjs eval/kb-calibration.ts --fit`.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  createAnswerEngine,
  loadKnowledgeBase,
  MIN_ANSWER_CONFIDENCE,
  SURE_CONFIDENCE,
} from '../src/bot/index.ts';
import type { AnswerEngine, ConfidenceModel, KbArticle } from '../src/bot/index.ts';
import { fitConfidenceModel } from '../src/bot/fit-confidence-model.ts';
import { articleTexts } from '../src/bot/kb-index.ts';
import {
  CALIBRATION_OUT_OF_SCOPE,
  CALIBRATION_OUT_OF_SCOPE_BY_LANGUAGE,
} from './kb-calibration-questions.ts';
import type { ConfidenceSample } from '../src/bot/fit-confidence-model.ts';

export const DEMO_KB_DIR = fileURLToPath(new URL('../kb/demo/', import.meta.url));
export const KB_QUESTIONS_FILE = fileURLToPath(new URL('./kb-questions.jsonl', import.meta.url));

/** One held-out question; `article: null` marks a question the knowledge base must not answer. */
export interface KbQuestion {
  q: string;
  article: string | null;
}

export interface BandStats {
  band: string;
  count: number;
  /** Questions whose top article is the expected one (out-of-scope ones never are). */
  correct: number;
  accuracy: number;
  meanConfidence: number;
}

export interface KbCalibrationStats {
  bands: BandStats[];
  inScope: {
    count: number;
    top1Correct: number;
    answered: number;
    answeredCorrect: number;
    /** Clarifying questions, and those whose two named topics include the right article. */
    clarified: number;
    clarifiedRight: number;
  };
  outOfScope: { count: number; rejected: number; rejectionRate: number };
  /** Mean squared error of confidence against "top article is right" (lower is better). */
  brierScore: number;
}

export async function readKbQuestions(file = KB_QUESTIONS_FILE): Promise<KbQuestion[]> {
  const lines = (await readFile(file, 'utf8')).split('\n').filter((line) => line.trim() !== '');
  return lines.map((line, i) => {
    const value = JSON.parse(line) as Partial<KbQuestion>;
    if (
      typeof value.q !== 'string' ||
      (value.article !== null && typeof value.article !== 'string')
    ) {
      throw new Error(`${file}:${i + 1}: expected {"q": string, "article": string | null}`);
    }
    return { q: value.q, article: value.article };
  });
}

/** Asks every question and sorts the outcomes into confidence bands. */
export function measureKbCalibration(
  engine: AnswerEngine,
  questions: readonly KbQuestion[],
): KbCalibrationStats {
  const bands = [
    { band: `>= ${SURE_CONFIDENCE}`, min: SURE_CONFIDENCE, max: Infinity },
    {
      band: `${MIN_ANSWER_CONFIDENCE}-${SURE_CONFIDENCE}`,
      min: MIN_ANSWER_CONFIDENCE,
      max: SURE_CONFIDENCE,
    },
    { band: `< ${MIN_ANSWER_CONFIDENCE}`, min: -Infinity, max: MIN_ANSWER_CONFIDENCE },
  ].map((band) => ({ ...band, count: 0, correct: 0, confidenceSum: 0 }));
  const inScope = {
    count: 0,
    top1Correct: 0,
    answered: 0,
    answeredCorrect: 0,
    clarified: 0,
    clarifiedRight: 0,
  };
  const outOfScope = { count: 0, rejected: 0 };
  let squaredError = 0;
  for (const question of questions) {
    const reply = engine.answer(question.q);
    const top = engine.rank(question.q).hits[0]?.article.id;
    const correct = question.article !== null && top === question.article;
    const band = bands.find((b) => reply.confidence >= b.min && reply.confidence < b.max);
    if (band) {
      band.count += 1;
      band.correct += correct ? 1 : 0;
      band.confidenceSum += reply.confidence;
    }
    squaredError += (reply.confidence - (correct ? 1 : 0)) ** 2;
    if (question.article === null) {
      outOfScope.count += 1;
      outOfScope.rejected += reply.kind === 'answer' ? 0 : 1;
    } else {
      inScope.count += 1;
      inScope.top1Correct += correct ? 1 : 0;
      inScope.answered += reply.kind === 'answer' ? 1 : 0;
      inScope.answeredCorrect +=
        reply.kind === 'answer' && reply.article?.id === question.article ? 1 : 0;
      if (reply.kind === 'clarify') {
        inScope.clarified += 1;
        inScope.clarifiedRight += reply.alternatives?.some((a) => a.id === question.article)
          ? 1
          : 0;
      }
    }
  }
  return {
    bands: bands.map(({ band, count, correct, confidenceSum }) => ({
      band,
      count,
      correct,
      accuracy: count === 0 ? 0 : correct / count,
      meanConfidence: count === 0 ? 0 : confidenceSum / count,
    })),
    inScope,
    outOfScope: {
      ...outOfScope,
      rejectionRate: outOfScope.count === 0 ? 0 : outOfScope.rejected / outOfScope.count,
    },
    brierScore: questions.length === 0 ? 0 : squaredError / questions.length,
  };
}

/** The printable report for `npm run eval`. */
export async function runKbCalibration(): Promise<string> {
  const engine = createAnswerEngine(await loadKnowledgeBase(DEMO_KB_DIR));
  const questions = await readKbQuestions();
  const stats = measureKbCalibration(engine, questions);
  const pct = (value: number): string => `${(value * 100).toFixed(1)} %`;
  const lines = [
    `Answer engine calibration (demo KB, ${questions.length} held-out questions)`,
    '  confidence  questions  top article right  accuracy  mean confidence',
    ...stats.bands.map(
      (b) =>
        `  ${b.band.padEnd(10)}  ${String(b.count).padStart(9)}  ${String(b.correct).padStart(17)}  ${pct(b.accuracy).padStart(8)}  ${b.meanConfidence.toFixed(2).padStart(15)}`,
    ),
    `  in scope: ${stats.inScope.count}, top article right ${pct(stats.inScope.top1Correct / stats.inScope.count)}, answered ${stats.inScope.answered} (right ${stats.inScope.answeredCorrect}), clarified ${stats.inScope.clarified} (right topic named ${stats.inScope.clarifiedRight})`,
    `  out of scope: ${stats.outOfScope.count}, turned away (clarify or no answer) ${pct(stats.outOfScope.rejectionRate)}`,
    `  Brier score: ${stats.brierScore.toFixed(3)}`,
  ];
  return lines.join('\n');
}

const OUT_OF_SCOPE_SHARE = 0.35;

/** One calibration question: an article's own example, asked with itself left out. */
export interface LeaveOneOutResult {
  language: string;
  features: ConfidenceSample['features'];
  correct: boolean;
}

/**
 * Each article's example questions in every language it has, each asked (in that
 * language) with that one question removed from the index, so the engine cannot match it
 * word for word. Also the development set for changes to the search: `--dev` prints it.
 */
export function leaveOneOutResults(kb: readonly KbArticle[]): LeaveOneOutResult[] {
  const results: LeaveOneOutResult[] = [];
  for (const article of kb) {
    for (const text of articleTexts(article)) {
      for (const question of text.questions) {
        const without = kb.map((a) => (a.id === article.id ? withoutQuestion(a, question) : a));
        const ranking = createAnswerEngine(without).rank(question, 5, text.language);
        const correct = ranking.hits[0]?.article.id === article.id;
        results.push({ language: text.language, features: ranking.features, correct });
      }
    }
  }
  return results;
}

function withoutQuestion(article: KbArticle, question: string): KbArticle {
  const drop = (questions: string[]): string[] => questions.filter((q) => q !== question);
  const translations = Object.fromEntries(
    Object.entries(article.translations ?? {}).map(([l, t]) => [
      l,
      { ...t, questions: drop(t.questions) },
    ]),
  );
  return { ...article, questions: drop(article.questions), translations };
}

/**
 * Fits the confidence model on a calibration set kept apart from the evaluation files:
 * the leave-one-out questions above plus out-of-scope questions in each language.
 */
export async function fitKbConfidence(articles?: KbArticle[]): Promise<ConfidenceModel> {
  const kb = articles ?? (await loadKnowledgeBase(DEMO_KB_DIR));
  const inScope: ConfidenceSample[] = leaveOneOutResults(kb).map(({ features, correct }) => ({
    features,
    correct,
  }));
  const engine = createAnswerEngine(kb);
  const outOfScope: ConfidenceSample[] = [
    ...CALIBRATION_OUT_OF_SCOPE.map((question) => ({ question, language: 'en' })),
    ...Object.entries(CALIBRATION_OUT_OF_SCOPE_BY_LANGUAGE).flatMap(([language, questions]) =>
      questions.map((question) => ({ question, language })),
    ),
  ].map(({ question, language }) => ({
    features: engine.rank(question, 5, language).features,
    correct: false,
  }));
  // Five languages of example questions outnumber the out-of-scope ones about six to one;
  // weighted, the out-of-scope questions keep the share they had in the English-only set
  // (about a third), so that the model does not learn "almost everything is in scope".
  const weight =
    (OUT_OF_SCOPE_SHARE * inScope.length) / ((1 - OUT_OF_SCOPE_SHARE) * outOfScope.length);
  return fitConfidenceModel([...inScope, ...outOfScope.map((s) => ({ ...s, weight }))]);
}

function devReport(results: readonly LeaveOneOutResult[]): string {
  const languages = [...new Set(results.map((r) => r.language))];
  return languages
    .map((language) => {
      const mine = results.filter((r) => r.language === language);
      const right = mine.filter((r) => r.correct).length;
      return `  ${language}: leave-one-out top-1 ${right}/${mine.length}`;
    })
    .join('\n');
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  if (process.argv.includes('--fit')) console.log(JSON.stringify(await fitKbConfidence()));
  if (process.argv.includes('--dev')) {
    console.log(devReport(leaveOneOutResults(await loadKnowledgeBase(DEMO_KB_DIR))));
  }
  console.log(await runKbCalibration());
}
