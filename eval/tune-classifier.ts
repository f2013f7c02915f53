// Chooses the classifier thresholds by cross-validation on our corpus, and compares training
// options. For each head: precision and recall of the held-out scores at a grid of thresholds,
// and the lowest threshold whose cross-validated precision reaches the target.
// Run: node bin/run-ts.mjs eval/tune-classifier.ts [--precision 0.9] [--corpus-weight 4]
//      [--max-positive-weight 2] [--epochs 6] [--l2 1e-6] [--dim 262144] [--dump rows.jsonl]
//      [--corpus training/corpus] [--policy file.yaml] [--by-text]
// --by-text folds by the text alone, as before groups existed (twins split across folds).
import { CLASSIFIER_LABELS, type ClassifierLabel } from '../src/core/classify/model.ts';
import { readFileSync, writeFileSync } from 'node:fs';
import { getDefaultPolicy, loadPolicy } from '../src/core/policy/index.ts';
import { loadCorpus } from '../training/corpus.ts';
import { publicTraining } from '../training/public-data.ts';
import type { ModelOptions } from '../training/train-model.ts';
import {
  perLanguage,
  perReasonRecall,
  THRESHOLD_KEY,
  type PolicyRow,
} from './classifier-tables.ts';
import { crossValidate, type HeldOut } from './cross-validate.ts';

function option(name: string): number | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? Number(process.argv[i + 1]) : undefined;
}

const GRID = [0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9];
/** Thresholds are never chosen below this: whole conversations pay for every early handoff. */
const LOWEST = 0.5;

function precisionRecall(cv: readonly HeldOut[], label: ClassifierLabel, t: number) {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const h of cv) {
    if (h.row.labels === null) continue;
    const gold = h.row.labels.includes(label);
    const pred = h.scores.labels[label] >= t;
    if (gold && pred) tp++;
    else if (pred) fp++;
    else if (gold) fn++;
  }
  return { precision: tp / (tp + fp || 1), recall: tp / (tp + fn || 1) };
}

const target = option('--precision') ?? 0.9;
const options: Partial<ModelOptions> = {};
const cw = option('--corpus-weight');
if (cw !== undefined) options.corpusWeight = cw;
const mpw = option('--max-positive-weight');
if (mpw !== undefined) options.maxPositiveWeight = mpw;
const epochs = option('--epochs');
if (epochs !== undefined) options.epochs = epochs;
const dim = option('--dim');
if (dim !== undefined) options.dim = dim;
const l2 = option('--l2');
if (l2 !== undefined) options.l2 = l2;

const policyAt = process.argv.indexOf('--policy');
const loaded =
  policyAt >= 0 ? loadPolicy(readFileSync(process.argv[policyAt + 1]!, 'utf8')) : undefined;
if (loaded && !loaded.ok) throw new Error(`bad policy: ${JSON.stringify(loaded.errors)}`);
const policy = loaded?.ok ? loaded.policy : getDefaultPolicy();
const corpusAt = process.argv.indexOf('--corpus');
const corpus = loadCorpus(corpusAt >= 0 ? process.argv[corpusAt + 1]! : 'training/corpus').rows;
const grouped = !process.argv.includes('--by-text');
const cv = crossValidate(corpus, publicTraining(), policy, 5, options, grouped);
console.log(
  `options ${JSON.stringify(options)}; folds by ${grouped ? 'group' : 'text'}; ${cv.length} held-out rows; target precision ${target}`,
);
const f2 = (x: number) => x.toFixed(2);
for (const label of CLASSIFIER_LABELS) {
  const cells = GRID.map((t) => {
    const pr = precisionRecall(cv, label, t);
    return `${t}:${f2(pr.precision)}/${f2(pr.recall)}`;
  });
  const chosen = GRID.find((t) => t >= LOWEST && precisionRecall(cv, label, t).precision >= target);
  console.log(
    `${label.padEnd(19)} ${THRESHOLD_KEY[label]} → ${chosen ?? 'none'}\n  ${cells.join(' ')}`,
  );
}
const rows: PolicyRow[] = cv.map((h) => ({
  lang: h.row.lang,
  labels: h.row.labels,
  ...h.combined,
}));
console.log(perLanguage(rows, 'rules + classifiers (current policy thresholds)'));
console.log(perReasonRecall(rows));

const dumpAt = process.argv.indexOf('--dump');
if (dumpAt >= 0) {
  const lines = cv.map((h) =>
    JSON.stringify({
      text: h.row.text,
      lang: h.row.lang,
      labels: h.row.labels,
      kind: h.row.kind,
      scores: h.scores.labels,
      combined: h.combined.reasons,
    }),
  );
  writeFileSync(process.argv[dumpAt + 1]!, `${lines.join('\n')}\n`);
}
