// `npm run eval`: accuracy of the default policy on Bitext, CLINC150 and BANKING77 (single
// messages as one-turn transcripts) and the shared scorer on the public scenarios.
// Options: --policy <file.yaml> to evaluate another policy; --split <train|val|test> (Bitext);
// --only classifier to print only the learned classifier's section (cross-validation included);
// --no-cv skips the corpus cross-validation (five trainings, the slow part) for a quick check.
// --no-heldout skips the blind sets in eval/heldout (see there).
import { readFileSync } from 'node:fs';
import { getDefaultPolicy, loadPolicy, type Policy } from '../src/core/policy/index.ts';
import { classifierReport } from './classifier-report.ts';
import { compareSentiment } from './compare-sentiment.ts';
import { loadBanking77, loadBitext, loadClinc, type EvalRow } from './datasets.ts';
import { handoffRate, perReason, runRows, topReasons, type RowOutcome } from './run-rows.ts';
import { formatContextCompleteness, measureContextCompleteness } from './context-completeness.ts';
import { runKbCalibration } from './kb-calibration.ts';
import { runKbHeldout } from './kb-heldout.ts';
import { formatLanguageDetection, measureLanguageDetection } from './language-detection.ts';
import { scoreHeldout } from './score-heldout.ts';
import { scoreScenarios } from './score-scenarios.ts';

function option(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

function policyFromArgs(): Policy {
  const file = option('--policy');
  if (!file) return getDefaultPolicy();
  const loaded = loadPolicy(readFileSync(file, 'utf8'), file);
  if (!loaded.ok) {
    for (const e of loaded.errors) console.error(`${file}:${e.line}:${e.column}: ${e.message}`);
    process.exit(2);
  }
  return loaded.policy;
}

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
const f2 = (x: number) => x.toFixed(2);

function printReasons(outcomes: readonly RowOutcome[]): void {
  console.log('  reason              precision  recall  F1     (tp/fp/fn)');
  for (const s of perReason(outcomes)) {
    console.log(
      `  ${s.reason.padEnd(20)}${f2(s.precision).padEnd(11)}${f2(s.recall).padEnd(8)}${f2(s.f1).padEnd(7)}(${s.tp}/${s.fp}/${s.fn})`,
    );
  }
}

function printRate(label: string, outcomes: readonly RowOutcome[]): void {
  const r = handoffRate(outcomes);
  console.log(
    `  ${label}: ${pct(r.rate)} (${r.handoffs}/${r.n}); top reasons: ${topReasons(outcomes)}`,
  );
}

function recall(outcomes: readonly RowOutcome[], reason: string): string {
  const hit = outcomes.filter((o) => o.handoff && o.reasons.includes(reason as never)).length;
  return `${f2(outcomes.length ? hit / outcomes.length : 0)} (${hit}/${outcomes.length})`;
}

function bitext(policy: Policy, split: string): void {
  const rows = loadBitext().filter((r) => r.split === split);
  const out = runRows(rows, policy);
  console.log(`\n## Bitext customer support (${split} split, ${rows.length} rows)`);
  printReasons(out);
  const human = out.filter((o) => o.row.label === 'contact_human_agent');
  const service = out.filter((o) => o.row.label === 'contact_customer_service');
  console.log(
    `  explicit-request recall, contact_human_agent: ${recall(human, 'explicit_request')}`,
  );
  console.log(
    `  explicit-request recall, contact_customer_service: ${recall(service, 'explicit_request')}`,
  );
  const mustNot = out.filter((o) => o.row.expected?.length === 0);
  printRate('false-handoff rate on must-not-escalate rows', mustNot);
  printRate(
    '  … without offensive (W) rows',
    mustNot.filter((o) => !o.row.tags.includes('W')),
  );
  const w = out.filter((o) => o.row.tags.includes('W'));
  console.log(
    `  negative_sentiment rate on offensive (W) rows: ${recall(w, 'negative_sentiment')}`,
  );
  const correct = out.filter(
    (o) => o.row.expected !== null && o.handoff === o.row.expected.length > 0,
  );
  const scored = out.filter((o) => o.row.expected !== null);
  console.log(
    `  decision accuracy: ${f2(correct.length / scored.length)} (${correct.length}/${scored.length})`,
  );
}

function clinc(policy: Policy): void {
  const { inScope, oos } = loadClinc();
  console.log(`\n## CLINC150 (test: ${inScope.length} in-scope, ${oos.length} oos_test)`);
  const ins = runRows(inScope, policy);
  printRate('false-handoff rate on in-scope rows (must not escalate)', ins);
  const byIntent = new Map<string, number>();
  for (const o of ins)
    if (o.handoff) byIntent.set(o.row.label, (byIntent.get(o.row.label) ?? 0) + 1);
  const worst = [...byIntent].sort((a, b) => b[1] - a[1]).slice(0, 6);
  console.log(
    `  in-scope intents handed over most: ${worst.map(([k, v]) => `${k} ${v}/30`).join(', ') || '-'}`,
  );
  printRate(
    'handoff rate on oos_test rows, one message (out_of_scope needs a failed bot turn)',
    runRows(oos, policy),
  );
  const byReason = new Map<string, number>();
  for (const o of ins)
    for (const r of o.handoff ? o.reasons : []) byReason.set(r, (byReason.get(r) ?? 0) + 1);
  const list = [...byReason].sort((a, b) => b[1] - a[1]).map(([k, v]) => `${k} ${v}`);
  console.log(
    `  reasons on in-scope handoffs (all false by this framing): ${list.join(', ') || '-'}`,
  );
}

function banking(policy: Policy): void {
  const rows: EvalRow[] = loadBanking77('test');
  const out = runRows(rows, policy);
  const sensitive = out.filter((o) => o.row.expected !== null);
  console.log(
    `\n## BANKING77 (test, ${rows.length} rows; ${sensitive.length} in sensitive labels)`,
  );
  printReasons(sensitive);
  const handed = sensitive.filter((o) => o.handoff).length;
  console.log(
    `  handoff recall on sensitive labels: ${f2(handed / sensitive.length)} (${handed}/${sensitive.length})`,
  );
  const labels = [...new Set(sensitive.map((o) => o.row.label))];
  for (const l of labels) {
    const xs = sensitive.filter((o) => o.row.label === l);
    console.log(`    ${l.padEnd(38)} ${xs.filter((o) => o.handoff).length}/${xs.length}`);
  }
  printRate(
    'handoff rate on the other labels (not scored)',
    out.filter((o) => o.row.expected === null),
  );
}

function sentiment(): void {
  const rows = loadBitext().filter((r) => r.split === 'train');
  console.log('\n## Sentiment libraries on Bitext train: offensive (W) vs calm rows');
  console.log('  library          ROC AUC  W flagged ≤-0.5  calm flagged ≤-0.5  ms/message');
  for (const c of compareSentiment(rows)) {
    console.log(
      `  ${c.library.padEnd(17)}${f2(c.auc).padEnd(9)}${pct(c.offensiveFlagged).padEnd(17)}${pct(c.calmFlagged).padEnd(20)}${c.msPerMessage.toFixed(3)}`,
    );
  }
}

const policy = policyFromArgs();
console.log(`# Baton escalation eval — policy ${policy.version}`);
const folds = process.argv.includes('--no-cv') ? 0 : 5;
if (option('--only') === 'classifier') {
  console.log(classifierReport(policy, folds));
  process.exit(0);
}
bitext(policy, option('--split') ?? 'test');
clinc(policy);
banking(policy);
sentiment();
console.log('\n## Learned classifier (models/escalation-classifier.*)');
console.log(classifierReport(policy, folds));
console.log('\n## Public scenarios (../shared/scenarios/public.jsonl, shared scorer)');
console.log(scoreScenarios().trimEnd());
// --no-heldout: for whoever is changing the engine, so the blind sets stay unseen by them.
if (!process.argv.includes('--no-heldout')) {
  console.log(
    '\n## Held-out conversations (eval/heldout, never trained or tuned on; shared scorer)',
  );
  console.log(scoreHeldout(option('--policy')));
}

console.log('\n## Handoff packet: context completeness on the public scenarios');
console.log(formatContextCompleteness(measureContextCompleteness()));

console.log('\n## Language of the customer (first customer message; undecided keeps the hint)');
console.log(formatLanguageDetection(measureLanguageDetection()));

console.log('\n## Bot answer engine: confidence calibration (eval/kb-questions.jsonl, held out)');
console.log((await runKbCalibration()).trimEnd());
console.log(
  `\n## Bot knowledge base in five languages (eval/kb-heldout.jsonl, held out)\n${(await runKbHeldout()).trimEnd()}`,
);
