// The corpus cross-validation of `npm run eval` (5 folds by group, rules + classifiers at the
// shipped thresholds) for other training options, so a head can be compared with the shipped
// one on the eval's own method without a full eval run (issue 12: linear heads vs MLP). Usage:
//   node bin/run-ts.mjs eval/cross-validate-options.ts [--hidden-units 32] [--dim 262144]
//     [--epochs 12] [--learning-rate 0.2] [--seed-runs 5] [--corpus training/corpus]
//     [--policy file.yaml] [--also-without <text>]
// --policy scores with another policy's thresholds (a re-pick); --also-without repeats the tables
// for the rows whose corpus file name does not contain <text> (e.g. `issue12-r8`), so a round that
// adds rows can be compared with the figures before it on the same rows. The per-head threshold
// grid (precision/recall at 0.5–0.9, as `npm run eval` prints it) closes the output. --repick
// then sets each head's threshold to the grid's pick (lowest with precision ≥ 0.9; a head with no
// pick keeps its threshold), re-scores every fold's rows with that fold's model under it, prints
// the same tables again and writes the re-picked thresholds as a policy file (--repick <file>).
import { readFileSync, writeFileSync } from 'node:fs';
import { useModel } from '../src/core/classify/load-model.ts';
import { DEFAULT_POLICY_YAML } from '../src/core/policy/default-policy-yaml.ts';
import { getDefaultPolicy, loadPolicy, type Policy } from '../src/core/policy/index.ts';
import { loadCorpus, type LabelledText } from '../training/corpus.ts';
import { publicTraining } from '../training/public-data.ts';
import type { ModelOptions } from '../training/train-model.ts';
import {
  gridPicks,
  perLanguage,
  perReasonRecall,
  THRESHOLD_KEY,
  thresholdGrid,
  type PolicyRow,
} from './classifier-tables.ts';
import { crossValidate, outcome, type HeldOut } from './cross-validate.ts';

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

function option(name: string): string | undefined {
  const at = process.argv.indexOf(name);
  return at >= 0 ? process.argv[at + 1] : undefined;
}

function policyOption(): Policy {
  const file = option('--policy');
  if (!file) return getDefaultPolicy();
  const loaded = loadPolicy(readFileSync(file, 'utf8'), file);
  if (!loaded.ok) throw new Error(`${file}: ${loaded.errors.map((e) => e.message).join('; ')}`);
  return loaded.policy;
}

const started = Date.now();
const corpus = loadCorpus(option('--corpus') ?? 'training/corpus').rows;
const policy = policyOption();
const repickFile = option('--repick');
const folds: Array<{ model: Parameters<typeof useModel>[0]; rows: readonly LabelledText[] }> = [];
const cv = crossValidate(corpus, publicTraining(), policy, 5, options, true, (model, rows) => {
  if (repickFile) folds.push({ model, rows });
});
const tables = (held: readonly HeldOut[], title: string) => {
  const rows: PolicyRow[] = held.map((h) => ({
    lang: h.row.lang,
    labels: h.row.labels,
    ...h.combined,
  }));
  console.log(`${title}: ${held.length} held-out rows`);
  console.log(perLanguage(rows, 'rules + classifiers'));
  console.log(perReasonRecall(rows));
};
console.log(`options ${JSON.stringify(options)}`);
tables(cv, 'all corpus rows');
const without = option('--also-without');
if (without) {
  tables(
    cv.filter((h) => !h.row.source.includes(without)),
    `rows not from files named *${without}*`,
  );
}
const scored = cv.map((h) => ({ ...h.row, scores: h.scores }));
console.log(thresholdGrid(scored));
if (repickFile) {
  const thresholds = { ...policy.thresholds };
  const picked: string[] = [];
  for (const [label, pick] of Object.entries(gridPicks(scored))) {
    if (pick === null) continue;
    const key = THRESHOLD_KEY[label as keyof typeof THRESHOLD_KEY];
    (thresholds as Record<string, unknown>)[key] = pick;
    picked.push(`${key}: ${pick}`);
  }
  const repicked = { ...policy, thresholds };
  const byRow = new Map<LabelledText, HeldOut['combined']>();
  for (const fold of folds) {
    useModel(fold.model);
    for (const row of fold.rows) byRow.set(row, outcome(row.text, repicked));
  }
  useModel(undefined);
  const again = cv.map((h) => ({ ...h, combined: byRow.get(h.row)! }));
  console.log(`re-picked thresholds: ${picked.join(', ')}`);
  tables(again, 'all corpus rows, re-picked thresholds');
  if (without) {
    tables(
      again.filter((h) => !h.row.source.includes(without)),
      `rows not from files named *${without}*, re-picked thresholds`,
    );
  }
  // The policy file it came from (or the default one) with those thresholds' values replaced.
  let yaml = option('--policy') ? readFileSync(option('--policy')!, 'utf8') : DEFAULT_POLICY_YAML;
  for (const line of picked) {
    const [key, value] = line.split(': ');
    yaml = yaml.replace(new RegExp(`^(\\s*${key}:\\s*)[0-9.]+`, 'm'), `$1${value}`);
  }
  writeFileSync(repickFile, yaml);
  console.log(`wrote ${repickFile}`);
}
console.log(`${((Date.now() - started) / 1000).toFixed(0)} s`);
