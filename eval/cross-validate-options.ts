// The corpus cross-validation of `npm run eval` (5 folds by group, rules + classifiers at the
// shipped thresholds) for other training options, so a head can be compared with the shipped
// one on the eval's own method without a full eval run (issue 12: linear heads vs MLP). Usage:
//   node bin/run-ts.mjs eval/cross-validate-options.ts [--hidden-units 32] [--dim 262144]
//     [--epochs 12] [--learning-rate 0.2] [--seed-runs 5]
import { getDefaultPolicy } from '../src/core/policy/index.ts';
import { loadCorpus } from '../training/corpus.ts';
import { publicTraining } from '../training/public-data.ts';
import type { ModelOptions } from '../training/train-model.ts';
import { perLanguage, perReasonRecall, type PolicyRow } from './classifier-tables.ts';
import { crossValidate } from './cross-validate.ts';

const options: Partial<ModelOptions> = {};
const flags = {
  '--hidden-units': 'hiddenUnits',
  '--dim': 'dim',
  '--epochs': 'epochs',
  '--learning-rate': 'learningRate',
  '--seed-runs': 'seedRuns',
} as const;
for (const [flag, key] of Object.entries(flags)) {
  const at = process.argv.indexOf(flag);
  if (at >= 0) options[key] = Number(process.argv[at + 1]);
}

const started = Date.now();
const corpus = loadCorpus('training/corpus').rows;
const cv = crossValidate(corpus, publicTraining(), getDefaultPolicy(), 5, options);
const rows: PolicyRow[] = cv.map((h) => ({
  lang: h.row.lang,
  labels: h.row.labels,
  ...h.combined,
}));
console.log(`options ${JSON.stringify(options)}; ${cv.length} held-out rows`);
console.log(perLanguage(rows, 'rules + classifiers'));
console.log(perReasonRecall(rows));
console.log(`${((Date.now() - started) / 1000).toFixed(0)} s`);
