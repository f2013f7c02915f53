// `npm run train`: trains the escalation classifier on the public datasets' training splits
// (../shared/data) and our corpus (training/corpus/*.jsonl) and writes
// models/escalation-classifier.{json,bin}. Seeded: the same inputs give the same bytes.
// Options: --out <dir> (default models/), --corpus <dir> (default training/corpus), --seed <n>
// (another base seed: how much a retrain alone moves the decisions; docs/escalation.md),
// --seed-runs <n> (runs averaged, seeds derived from the base seed; default 5, 1 = one run).
// For the MLP comparison (docs/escalation.md, seventh round): --hidden-units <n> (an MLP head,
// training/sparse-mlp.ts), --dim, --epochs, --learning-rate.
import { mkdirSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { encodeModel } from '../src/core/classify/model-file.ts';
import { MODEL_BASENAME } from '../src/core/classify/load-model.ts';
import { loadCorpus } from './corpus.ts';
import { publicTraining } from './public-data.ts';
import { DEFAULT_TRAIN_OPTIONS, trainModel } from './train-model.ts';

const option = (name: string, dflt: string) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? (process.argv[i + 1] ?? dflt) : dflt;
};
const out = option('--out', 'models');
const corpusDir = option('--corpus', 'training/corpus');
const seed = Number(option('--seed', String(DEFAULT_TRAIN_OPTIONS.seed)));
const hiddenUnits = Number(option('--hidden-units', '0'));
// An MLP's units can be permuted between runs, so its weights are not averaged: one run.
const seedRuns =
  hiddenUnits > 0 ? 1 : Number(option('--seed-runs', String(DEFAULT_TRAIN_OPTIONS.seedRuns)));
const dim = Number(option('--dim', String(DEFAULT_TRAIN_OPTIONS.dim)));
const epochs = Number(option('--epochs', String(DEFAULT_TRAIN_OPTIONS.epochs)));
const learningRate = Number(option('--learning-rate', String(DEFAULT_TRAIN_OPTIONS.learningRate)));
if (!Number.isInteger(seedRuns) || seedRuns < 1) {
  console.error(`--seed-runs: want a whole number ≥ 1, got ${seedRuns}`);
  process.exit(2);
}

const corpus = loadCorpus(corpusDir);
for (const p of corpus.problems)
  console.error(`${corpusDir}/${p.file}:${p.line}: skipped: ${p.message}`);
const publicRows = publicTraining();
const texts = [...publicRows, ...corpus.rows];
const started = Date.now();
const model = trainModel(texts, { seed, seedRuns, hiddenUnits, dim, epochs, learningRate });
const bySource = new Map<string, number>();
for (const t of texts) {
  const s = t.source
    .split(':')
    .slice(0, 2)
    .join(':')
    .replace(/^(bitext|banking77|clinc150):.*/, '$1');
  bySource.set(s, (bySource.get(s) ?? 0) + 1);
}
const corpusHash = createHash('sha256');
for (const t of corpus.rows)
  corpusHash.update(`${t.text}\u0000${JSON.stringify(t.labels)}\u0000${t.queue}\n`);
const { l2, maxPositiveWeight, corpusWeight } = DEFAULT_TRAIN_OPTIONS;
const { manifest, weights } = encodeModel(model, {
  rows: Object.fromEntries([...bySource].sort()),
  corpus_sha256: corpusHash.digest('hex'),
  options: {
    seed,
    seedRuns,
    epochs,
    learningRate,
    l2,
    maxPositiveWeight,
    dim,
    corpusWeight,
    ...(hiddenUnits > 0 && { hiddenUnits }),
  },
  features: 'accent-folded char 3-5-grams in word boundaries + word uni/bigrams, FNV-1a hashed',
});
mkdirSync(out, { recursive: true });
writeFileSync(`${out}/${MODEL_BASENAME}.json`, manifest);
writeFileSync(`${out}/${MODEL_BASENAME}.bin`, weights);
console.log(
  `trained on ${texts.length} rows, ${seedRuns} seed run${seedRuns === 1 ? '' : 's'} averaged (${corpus.rows.length} from the corpus, ${corpus.problems.length} lines skipped) in ${((Date.now() - started) / 1000).toFixed(1)} s → ${out}/${MODEL_BASENAME}.{json,bin} (${(weights.length / 1e6).toFixed(1)} MB)`,
);
