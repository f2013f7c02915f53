// How well each head's probabilities are calibrated on the public test splits (Bitext test,
// BANKING77 test, CLINC150 test and oos_test, mapped to labels and queues by the training
// tables): mean probability against the share of positives, Brier score and log loss, per head
// and per model. For checking that averaging seed runs (or another head) keeps the scale the
// thresholds were set on. Raw single-message scores, no policy. Usage:
//   node bin/run-ts.mjs eval/head-calibration.ts /tmp/model-a [/tmp/model-b …]
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { readModelFiles } from '../src/core/classify/load-model.ts';
import { featurize } from '../src/core/classify/featurize.ts';
import { scoreVector } from '../src/core/classify/model.ts';
import { BANKING77, BITEXT, CLINC150, DEFAULT_MAPPING } from '../training/label-tables.ts';
import { targets } from '../training/train-model.ts';
import type { LabelledText } from '../training/corpus.ts';
import { loadBanking77, loadBitext, loadClinc } from './datasets.ts';

const labelled = (
  rows: ReadonlyArray<{ text: string; label: string }>,
  table: typeof BITEXT,
): LabelledText[] =>
  rows.map((r) => {
    const map = table[r.label] ?? DEFAULT_MAPPING;
    return {
      text: r.text.replace(/\{\{[^}]*\}\}/g, '12345'),
      labels: map.labels,
      queue: map.queue,
      source: 'test',
      lang: 'en',
      kind: '',
    };
  });

const clinc = loadClinc();
const rows = [
  ...labelled(
    loadBitext().filter((r) => r.split === 'test' && !r.tags.includes('W')),
    BITEXT,
  ),
  ...labelled(loadBanking77('test'), BANKING77),
  ...labelled([...clinc.inScope, ...clinc.oos], CLINC150),
];

for (const dir of process.argv.slice(2)) {
  const model = readModelFiles(pathToFileURL(`${resolve(dir)}/`));
  const h = model.heads.length;
  const n = new Float64Array(h);
  const pos = new Float64Array(h);
  const sumP = new Float64Array(h);
  const brier = new Float64Array(h);
  const logLoss = new Float64Array(h);
  for (const row of rows) {
    const p = scoreVector(model, featurize(row.text, model.dim));
    const y = targets(row);
    for (let k = 0; k < h; k++) {
      if (Number.isNaN(y[k]!)) continue;
      const pk = Math.min(1 - 1e-7, Math.max(1e-7, p[k]!));
      n[k]!++;
      pos[k]! += y[k]!;
      sumP[k]! += pk;
      brier[k]! += (pk - y[k]!) ** 2;
      logLoss[k]! -= y[k] === 1 ? Math.log(pk) : Math.log(1 - pk);
    }
  }
  console.log(`# ${dir} (${rows.length} rows)`);
  console.log('  head                     positives  mean p   Brier    log loss');
  for (let k = 0; k < h; k++) {
    if (pos[k] === 0) continue;
    console.log(
      `  ${model.heads[k]!.padEnd(25)}${(pos[k]! / n[k]!).toFixed(4).padEnd(11)}${(sumP[k]! / n[k]!).toFixed(4).padEnd(9)}${(brier[k]! / n[k]!).toFixed(4).padEnd(9)}${(logLoss[k]! / n[k]!).toFixed(4)}`,
    );
  }
}
