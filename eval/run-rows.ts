// Runs single-message rows through the policy as one-turn transcripts and scores them.
import type { Policy, ReasonCode } from '../src/core/policy/index.ts';
import { evaluatePolicy } from '../src/core/policy/index.ts';
import type { EvalRow } from './datasets.ts';

export interface RowOutcome {
  row: EvalRow;
  handoff: boolean;
  reasons: ReasonCode[];
}

/** One customer turn per row; a handoff is any non-`continue` decision at that turn. */
export function runRows(rows: readonly EvalRow[], policy: Policy): RowOutcome[] {
  return rows.map((row) => {
    const d = evaluatePolicy(
      { channel: 'web', turns: [{ from: 'customer', text: row.text }] },
      policy,
    );
    return { row, handoff: d.action !== 'continue', reasons: d.reasons.map((r) => r.code) };
  });
}

export interface ReasonScore {
  reason: string;
  tp: number;
  fp: number;
  fn: number;
  precision: number;
  recall: number;
  f1: number;
}

const ratio = (a: number, b: number) => (b === 0 ? 0 : a / b);

/** Per-reason precision/recall/F1 over scored rows ("any of the handoff's reasons" semantics). */
export function perReason(outcomes: readonly RowOutcome[]): ReasonScore[] {
  const scored = outcomes.filter((o) => o.row.expected !== null);
  const reasons = new Set<string>();
  for (const o of scored) {
    for (const r of o.row.expected ?? []) reasons.add(r);
    for (const r of o.reasons) reasons.add(r);
  }
  return [...reasons].sort().map((reason) => {
    let tp = 0;
    let fp = 0;
    let fn = 0;
    for (const o of scored) {
      const gold = (o.row.expected ?? []).includes(reason as ReasonCode);
      const pred = o.handoff && o.reasons.includes(reason as ReasonCode);
      if (gold && pred) tp++;
      else if (pred) fp++;
      else if (gold) fn++;
    }
    const precision = ratio(tp, tp + fp);
    const recall = ratio(tp, tp + fn);
    return {
      reason,
      tp,
      fp,
      fn,
      precision,
      recall,
      f1: ratio(2 * precision * recall, precision + recall),
    };
  });
}

/** Share of rows that were handed over. */
export function handoffRate(outcomes: readonly RowOutcome[]): {
  n: number;
  handoffs: number;
  rate: number;
} {
  const handoffs = outcomes.filter((o) => o.handoff).length;
  return { n: outcomes.length, handoffs, rate: ratio(handoffs, outcomes.length) };
}

/** Counts of the first (strongest) reason among handed-over rows, most common first. */
export function topReasons(outcomes: readonly RowOutcome[], limit = 6): string {
  const counts = new Map<string, number>();
  for (const o of outcomes)
    if (o.handoff) counts.set(o.reasons[0] ?? '?', (counts.get(o.reasons[0] ?? '?') ?? 0) + 1);
  return (
    [...counts]
      .sort((a, b) => b[1] - a[1])
      .slice(0, limit)
      .map(([k, v]) => `${k} ${v}`)
      .join(', ') || '-'
  );
}
