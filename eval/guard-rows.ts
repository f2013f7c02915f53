// The public guard figures of one trained model in ≈15 s, without cross-validation or the
// held-out sets: BANKING77 hand-over recall, Bitext must-not false handoffs, CLINC150 in-scope
// false handoffs, and the classifier scores that test/core/policy/classifier-signals.test.ts
// asserts as preconditions. For comparing corpus subsets between full `npm run eval` runs:
//   node bin/run-ts.mjs training/train.ts --corpus /tmp/c --out /tmp/m
//   node bin/run-ts.mjs eval/guard-rows.ts --model /tmp/m [-v]
// -v lists the rows behind each figure (public test splits only).
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { readModelFiles, useModel } from '../src/core/classify/load-model.ts';
import { getDefaultPolicy } from '../src/core/policy/index.ts';
import { analyzeCustomerTurn } from '../src/core/signals/analyze-turn.ts';
import { loadBanking77, loadBitext, loadClinc } from './datasets.ts';
import { BANKING77_HANDOVER } from './handover-figures.ts';
import { runRows, type RowOutcome } from './run-rows.ts';

const at = process.argv.indexOf('--model');
if (at >= 0) useModel(readModelFiles(pathToFileURL(`${resolve(process.argv[at + 1]!)}/`)));
const verbose = process.argv.includes('-v');
const policy = getDefaultPolicy();

const b77 = runRows(loadBanking77('test'), policy).filter((o) =>
  BANKING77_HANDOVER.includes(o.row.label),
);
const bitextMustNot = runRows(
  loadBitext().filter((r) => r.split === 'test'),
  policy,
).filter((o) => o.row.expected?.length === 0);
const clinc = runRows(loadClinc().inScope, policy);

const count = (xs: readonly RowOutcome[]) => `${xs.filter((o) => o.handoff).length}/${xs.length}`;
console.log(`BANKING77 hand-over recall ${count(b77)}`);
console.log(`Bitext must-not false handoffs ${count(bitextMustNot)}`);
console.log(`CLINC150 in-scope false handoffs ${count(clinc)}`);
if (verbose) {
  const line = (tag: string, o: RowOutcome) =>
    console.log(`  ${tag} ${o.row.label} [${o.row.tags}] ${o.reasons.join('+')} :: ${o.row.text}`);
  for (const o of b77.filter((o) => !o.handoff)) line('BANKING77 missed', o);
  for (const o of bitextMustNot.filter((o) => o.handoff)) line('Bitext handed over', o);
  for (const o of clinc.filter((o) => o.handoff)) line('CLINC150 handed over', o);
}

// The preconditions of classifier-signals.test.ts (security ≥ topic veto; topic ≥ 0.9).
const labels = (text: string) => analyzeCustomerTurn({ text }).classifier.labels;
const unknown = labels('I have no idea where this transaction came from?');
console.log(
  `security head on the unrecognised-transaction question ${unknown.security.toFixed(3)} (needs ≥ ${policy.thresholds.classifier_topic_veto}), topic ${unknown.topic_policy.toFixed(3)} (needs < ${policy.thresholds.classifier_topic_veto})`,
);
for (const text of [
  'quiero que me devuelvan el dinero del pedido',
  'Ich möchte meinen Vertrag kündigen',
  'je veux être remboursé, le colis est arrivé vide',
  'quero cancelar a minha assinatura',
])
  console.log(
    `topic head ${labels(text).topic_policy.toFixed(3)} (needs ≥ 0.9 with the rules) :: ${text}`,
  );
