// Honest figures for our own corpus: k-fold cross-validation. Each fold's model is trained on
// the public training splits plus the other folds, then scores the held-out fold, both as
// raw classifier probabilities and as one-turn transcripts through the whole policy.
import { createHash } from 'node:crypto';
import { useModel } from '../src/core/classify/load-model.ts';
import { scoreText, type ModelScores } from '../src/core/classify/model.ts';
import { evaluatePolicy, type Policy, type ReasonCode } from '../src/core/policy/index.ts';
import type { LabelledText } from '../training/corpus.ts';
import { isContextOnly, trainModel, type ModelOptions } from '../training/train-model.ts';

export interface HeldOut {
  row: LabelledText;
  scores: ModelScores;
  /** Policy outcome with the fold's model, and with the classifiers switched off. */
  combined: { handoff: boolean; reasons: ReasonCode[]; queue: string | null };
  lexicon: { handoff: boolean; reasons: ReasonCode[]; queue: string | null };
}

export const foldOf = (key: string, k: number) =>
  createHash('sha1').update(key, 'utf8').digest().readUInt32BE(0) % k;

/**
 * A row's fold follows its group (translations and regional variants of one row share one,
 * see training/assign-groups.ts), else its text: twins never sit on both sides of a fold.
 */
export const foldKey = (row: Pick<LabelledText, 'text' | 'group'>, grouped = true) =>
  grouped && row.group !== undefined ? `group:${row.group}` : row.text;

/** The policy with every classifier threshold at 1 (classifiers off): rules alone. */
export function lexiconOnly(policy: Policy): Policy {
  const t = { ...policy.thresholds };
  for (const key of Object.keys(t) as Array<keyof typeof t>) {
    if (key.startsWith('classifier_')) (t as Record<string, unknown>)[key] = 1;
  }
  // 0 = no decoy veto: the rules' own hits all stand.
  (t as Record<string, unknown>).classifier_veto = 0;
  (t as Record<string, unknown>).classifier_topic_veto = 0;
  return { ...policy, thresholds: t };
}

export function outcome(text: string, policy: Policy): HeldOut['combined'] {
  const d = evaluatePolicy({ channel: 'web', turns: [{ from: 'customer', text }] }, policy);
  return {
    handoff: d.action !== 'continue',
    reasons: d.reasons.map((r) => r.code),
    queue: d.queue,
  };
}

/**
 * Cross-validated scores and outcomes of every corpus row (`k` folds by hash of the row's
 * group, or of its text; `grouped: false` folds by text alone, the old, flattering way).
 */
export function crossValidate(
  corpus: readonly LabelledText[],
  publicRows: readonly LabelledText[],
  policy: Policy,
  k = 5,
  options: Partial<ModelOptions> = {},
  grouped = true,
  /** Called with each fold's model and its held-out rows (e.g. to re-score them at other thresholds). */
  onFold?: (model: ReturnType<typeof trainModel>, rows: readonly LabelledText[]) => void,
): HeldOut[] {
  const out: HeldOut[] = [];
  const lexPolicy = lexiconOnly(policy);
  const foldOfRow = (r: LabelledText) => foldOf(foldKey(r, grouped), k);
  for (let fold = 0; fold < k; fold++) {
    const test = corpus.filter((r) => foldOfRow(r) === fold);
    if (test.length === 0) continue;
    const train = corpus.filter((r) => foldOfRow(r) !== fold);
    const model = trainModel([...publicRows, ...train], options);
    useModel(model);
    onFold?.(
      model,
      test.filter((r) => !isContextOnly(r)),
    );
    for (const row of test.filter((r) => !isContextOnly(r))) {
      out.push({
        row,
        scores: scoreText(model, row.text),
        combined: outcome(row.text, policy),
        lexicon: outcome(row.text, lexPolicy),
      });
    }
  }
  useModel(undefined);
  return out;
}
