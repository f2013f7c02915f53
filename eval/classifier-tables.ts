// Tables for the classifier: per-head confusion matrix at the policy's threshold and a
// calibration table (predicted probability bins against the observed rate), and the policy's
// recall / false-handoff rate per language and per reason.
import {
  CLASSIFIER_LABELS,
  CLASSIFIER_QUEUES,
  type ClassifierLabel,
  type ModelScores,
} from '../src/core/classify/model.ts';
import type { PolicyThresholds, ReasonCode } from '../src/core/policy/index.ts';

export interface ScoredRow {
  labels: readonly string[] | null;
  queue: string | null | undefined;
  scores: ModelScores;
}

export const THRESHOLD_KEY: Record<ClassifierLabel, keyof PolicyThresholds> = {
  explicit_request: 'classifier_explicit_request',
  security: 'classifier_security',
  approval_required: 'classifier_approval',
  high_value: 'classifier_high_value',
  topic_policy: 'classifier_topic_policy',
  negative_sentiment: 'classifier_frustration',
};

const f2 = (x: number) => (Number.isFinite(x) ? x.toFixed(2) : '-');

/** One line per head: threshold, TP/FP/FN/TN, precision, recall. */
export function confusionTable(rows: readonly ScoredRow[], t: PolicyThresholds): string {
  const lines = ['  head                threshold  TP    FP    FN    TN     precision  recall'];
  for (const label of CLASSIFIER_LABELS) {
    const th = t[THRESHOLD_KEY[label]] as number;
    let tp = 0;
    let fp = 0;
    let fn = 0;
    let tn = 0;
    for (const r of rows) {
      if (r.labels === null) continue;
      const gold = r.labels.includes(label);
      const pred = r.scores.labels[label] >= th;
      if (gold && pred) tp++;
      else if (pred) fp++;
      else if (gold) fn++;
      else tn++;
    }
    lines.push(
      `  ${label.padEnd(20)}${String(th).padEnd(11)}${String(tp).padEnd(6)}${String(fp).padEnd(6)}${String(fn).padEnd(6)}${String(tn).padEnd(7)}${f2(tp / (tp + fp)).padEnd(11)}${f2(tp / (tp + fn))}`,
    );
  }
  return lines.join('\n');
}

/** Queue head: gold queue (rows) against the most probable queue (columns). */
export function queueConfusion(rows: readonly ScoredRow[]): string {
  const qs = CLASSIFIER_QUEUES;
  const m = qs.map(() => qs.map(() => 0));
  let right = 0;
  let n = 0;
  for (const r of rows) {
    if (!r.queue) continue;
    const gold = qs.indexOf(r.queue as (typeof qs)[number]);
    let best = 0;
    qs.forEach((q, i) => {
      if (r.scores.queues[q] > r.scores.queues[qs[best]!]) best = i;
    });
    m[gold]![best]!++;
    n++;
    if (gold === best) right++;
  }
  const head = `  gold \\ predicted ${qs.map((q) => q.slice(0, 8).padStart(9)).join('')}`;
  const body = qs.map(
    (q, i) => `  ${q.padEnd(18)}${m[i]!.map((v) => String(v).padStart(9)).join('')}`,
  );
  return [`  queue accuracy (argmax): ${f2(right / n)} (${right}/${n})`, head, ...body].join('\n');
}

/** Calibration of every head: rows per probability decile, mean probability, observed rate. */
export function calibrationTable(rows: readonly ScoredRow[]): string {
  const lines = ['  head                bin        n      mean p  observed'];
  for (const label of CLASSIFIER_LABELS) {
    const bins = Array.from({ length: 5 }, () => ({ n: 0, p: 0, pos: 0 }));
    for (const r of rows) {
      if (r.labels === null) continue;
      const p = r.scores.labels[label];
      const b = bins[Math.min(4, Math.floor(p * 5))]!;
      b.n++;
      b.p += p;
      if (r.labels.includes(label)) b.pos++;
    }
    bins.forEach((b, i) => {
      if (b.n === 0) return;
      lines.push(
        `  ${(i === 0 ? label : '').padEnd(20)}${`${(i / 5).toFixed(1)}–${((i + 1) / 5).toFixed(1)}`.padEnd(11)}${String(b.n).padEnd(7)}${f2(b.p / b.n).padEnd(8)}${f2(b.pos / b.n)}`,
      );
    });
  }
  return lines.join('\n');
}

export interface PolicyRow {
  lang: string;
  labels: readonly string[] | null;
  handoff: boolean;
  reasons: readonly ReasonCode[];
}

/** Per language: recall of rows that must hand over (with one of their reasons) and false handoffs. */
export function perLanguage(rows: readonly PolicyRow[], label: string): string {
  const langs = [...new Set(rows.map((r) => r.lang))].sort();
  const lines = [
    `  ${label}: lang   must-hand-over recall   right reason   false handoffs (keep rows)`,
  ];
  for (const lang of ['all', ...langs]) {
    const xs = rows.filter((r) => r.labels !== null && (lang === 'all' || r.lang === lang));
    const pos = xs.filter((r) => r.labels!.length > 0);
    const neg = xs.filter((r) => r.labels!.length === 0);
    const hit = pos.filter((r) => r.handoff).length;
    const why = pos.filter((r) => r.reasons.some((c) => r.labels!.includes(c))).length;
    const fa = neg.filter((r) => r.handoff).length;
    lines.push(
      `    ${lang.padEnd(8)}${`${f2(hit / pos.length)} (${hit}/${pos.length})`.padEnd(24)}${`${f2(why / pos.length)}`.padEnd(15)}${f2(fa / neg.length)} (${fa}/${neg.length})`,
    );
  }
  return lines.join('\n');
}

/** Per reason: recall of rows carrying the label (handoff with that reason). */
export function perReasonRecall(rows: readonly PolicyRow[]): string {
  const lines = ['    reason              recall'];
  for (const label of CLASSIFIER_LABELS) {
    const xs = rows.filter((r) => r.labels?.includes(label));
    const hit = xs.filter((r) => r.handoff && r.reasons.includes(label)).length;
    lines.push(`    ${label.padEnd(20)}${f2(hit / xs.length)} (${hit}/${xs.length})`);
  }
  return lines.join('\n');
}

const GRID = [0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9];

function gridCells(rows: readonly ScoredRow[], label: ClassifierLabel) {
  return GRID.map((t) => {
    let tp = 0;
    let fp = 0;
    let fn = 0;
    for (const r of rows) {
      if (r.labels === null) continue;
      const gold = r.labels.includes(label);
      const pred = r.scores.labels[label] >= t;
      if (gold && pred) tp++;
      else if (pred) fp++;
      else if (gold) fn++;
    }
    return { t, precision: tp / (tp + fp || 1), recall: tp / (tp + fn || 1) };
  });
}

/** Per head, the lowest grid threshold whose cross-validated precision reaches `target` (null: none). */
export function gridPicks(
  rows: readonly ScoredRow[],
  target = 0.9,
): Record<ClassifierLabel, number | null> {
  const picks = {} as Record<ClassifierLabel, number | null>;
  for (const label of CLASSIFIER_LABELS) {
    picks[label] = gridCells(rows, label).find((c) => c.precision >= target)?.t ?? null;
  }
  return picks;
}

/**
 * Per head: cross-validated precision/recall at thresholds 0.5–0.9 and the lowest one whose
 * precision reaches `target` (the rule eval/tune-classifier.ts picks thresholds by), so a
 * re-pick can be read off the eval's own run.
 */
export function thresholdGrid(rows: readonly ScoredRow[], target = 0.9): string {
  const lines = [`  threshold grid (precision/recall; pick = lowest with precision ≥ ${target})`];
  const picks = gridPicks(rows, target);
  for (const label of CLASSIFIER_LABELS) {
    const cells = gridCells(rows, label);
    lines.push(
      `  ${label.padEnd(19)} pick ${String(picks[label] ?? 'none').padEnd(5)} ${cells.map((c) => `${c.t}:${f2(c.precision)}/${f2(c.recall)}`).join(' ')}`,
    );
  }
  return lines.join('\n');
}
