// The learned classifier's section of `npm run eval`: figures only on data training never saw
// (5-fold cross-validation on our corpus; the public datasets' test splits), rules alone
// against rules + classifiers, per language and per reason, confusion and calibration tables.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getModel } from '../src/core/classify/load-model.ts';
import { scoreText } from '../src/core/classify/model.ts';
import type { Policy } from '../src/core/policy/index.ts';
import { loadCorpus } from '../training/corpus.ts';
import { BANKING77, CLINC150, DEFAULT_MAPPING } from '../training/label-tables.ts';
import { bitextMapping, publicTraining } from '../training/public-data.ts';
import {
  calibrationTable,
  confusionTable,
  perLanguage,
  perReasonRecall,
  queueConfusion,
  thresholdGrid,
  type PolicyRow,
  type ScoredRow,
} from './classifier-tables.ts';
import { crossValidate, lexiconOnly } from './cross-validate.ts';
import { loadBanking77, loadBitext, loadClinc } from './datasets.ts';
import { formatHandover, handoverFigures } from './handover-figures.ts';
import { scoreScenarios } from './score-scenarios.ts';

/** The public test splits scored by the shipped model, labelled through training's tables. */
function publicHeldOut(): ScoredRow[] {
  const model = getModel();
  const rows = [
    ...loadBitext()
      .filter((r) => r.split === 'test')
      .map((r) => ({ text: r.text, map: bitextMapping(r.label, r.tags) })),
    ...loadBanking77('test').map((r) => ({
      text: r.text,
      map: BANKING77[r.label] ?? DEFAULT_MAPPING,
    })),
    ...loadClinc().inScope.map((r) => ({
      text: r.text,
      map: CLINC150[r.label] ?? DEFAULT_MAPPING,
    })),
  ];
  return rows.map(({ text, map }) => ({
    labels: map.labels,
    queue: map.queue,
    scores: scoreText(model, text),
  }));
}

/** The shared scorer's last line on the public scenarios with the classifiers switched off. */
function publicScenariosRulesAlone(): string {
  const dir = mkdtempSync(join(tmpdir(), 'baton-rules-'));
  try {
    const file = join(dir, 'rules-alone.yaml');
    const yaml = readFileSync('policies/default.yaml', 'utf8').replace(
      /^(\s+classifier_\w+:) [0-9.]+/gm,
      (_m, key: string) => `${key} ${key.includes('classifier_veto') ? 0 : 1}`,
    );
    writeFileSync(file, yaml);
    return scoreScenarios(undefined, file).trim().split('\n').at(-1) ?? '';
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export function classifierReport(policy: Policy, folds = 5): string {
  const out: string[] = [];
  out.push(`Public scenarios, rules alone: ${publicScenariosRulesAlone()}`);
  const corpus = loadCorpus('training/corpus');
  out.push(
    `Corpus: ${corpus.rows.length} rows (${corpus.problems.length} malformed lines skipped); languages: ${[...new Set(corpus.rows.map((r) => r.lang))].sort().join(', ')}`,
  );
  out.push('\n### Hand-over targets on the public test splits (shipped model)');
  out.push('rules + classifiers (default policy):');
  out.push(formatHandover(handoverFigures(policy)));
  out.push('rules alone (classifier thresholds above 1):');
  out.push(formatHandover(handoverFigures(lexiconOnly(policy))));

  const pub = publicHeldOut();
  out.push(
    '\n### Classifier heads on the public test splits (Bitext test, BANKING77 test, CLINC150 test)',
  );
  out.push(confusionTable(pub, policy.thresholds));
  out.push(queueConfusion(pub));
  out.push(calibrationTable(pub));

  if (folds > 1 && corpus.rows.length >= folds * 2) {
    const cv = crossValidate(corpus.rows, publicTraining(), policy, folds);
    const scored: ScoredRow[] = cv.map((h) => ({
      labels: h.row.labels,
      queue: h.row.queue,
      scores: h.scores,
    }));
    const asPolicy = (pick: 'combined' | 'lexicon'): PolicyRow[] =>
      cv.map((h) => ({ lang: h.row.lang, labels: h.row.labels, ...h[pick] }));
    out.push(
      `\n### Our corpus, ${folds}-fold cross-validation, translations kept in one fold (${cv.length} held-out rows)`,
    );
    out.push(perLanguage(asPolicy('combined'), 'rules + classifiers'));
    out.push(perReasonRecall(asPolicy('combined')));
    out.push(perLanguage(asPolicy('lexicon'), 'rules alone'));
    out.push(perReasonRecall(asPolicy('lexicon')));
    const classifierOnly: PolicyRow[] = cv.map((h) => {
      const reasons = Object.entries(h.scores.labels)
        .filter(([label, p]) => p >= 0.5 && label !== '')
        .map(([label]) => label) as PolicyRow['reasons'][number][];
      return { lang: h.row.lang, labels: h.row.labels, handoff: reasons.length > 0, reasons };
    });
    out.push(perLanguage(classifierOnly, 'classifier alone (every head at 0.5)'));
    const withQueue = cv.filter((h) => h.row.queue && h.row.labels?.length && h.combined.handoff);
    const queueRight = withQueue.filter((h) => h.combined.queue === h.row.queue).length;
    out.push(
      `  queue of correct handoffs, rules + classifiers: ${(queueRight / (withQueue.length || 1)).toFixed(2)} (${queueRight}/${withQueue.length})`,
    );
    out.push(confusionTable(scored, policy.thresholds));
    out.push(thresholdGrid(scored));
    out.push(queueConfusion(scored));
    out.push(calibrationTable(scored));
  } else {
    out.push('\n(no cross-validation: --no-cv, or the corpus is too small)');
  }
  return out.join('\n');
}
