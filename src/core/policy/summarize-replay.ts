// Summaries and readable tables of replay results (`baton replay` without --json), and the
// differences between two policies' results (`--compare`). Pure string building, no IO.
import type { ReplayResult } from './replay-transcript.ts';

export interface ReplaySummary {
  conversations: number;
  handoffs: number;
  handoffRate: number;
  reasons: Record<string, number>;
  queues: Record<string, number>;
  badLines: number;
}

export interface ReplayChange {
  id: string;
  base: string;
  compare: string;
}

const bump = (m: Record<string, number>, k: string) => {
  m[k] = (m[k] ?? 0) + 1;
};

/** Counts over replay results; the first reason of each handoff is its main one. */
export function summarizeReplay(results: readonly ReplayResult[], badLines: number): ReplaySummary {
  const reasons: Record<string, number> = {};
  const queues: Record<string, number> = {};
  let handoffs = 0;
  for (const r of results) {
    if (!r.handoff) continue;
    handoffs++;
    for (const code of r.handoff.reasons) bump(reasons, code);
    bump(queues, r.handoff.queue);
  }
  const n = results.length;
  return {
    conversations: n,
    handoffs,
    handoffRate: n ? handoffs / n : 0,
    reasons,
    queues,
    badLines,
  };
}

/** One-line outcome of a result: "handoff@3 billing [explicit_request]" or "bot keeps it". */
export function describeOutcome(r: ReplayResult): string {
  if (!r.handoff) return 'no handoff';
  return `handoff at turn ${r.handoff.at_turn} → ${r.handoff.queue} [${r.handoff.reasons.join(', ')}]`;
}

function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => (r[c] ?? '').length)));
  return rows
    .map((r) =>
      r
        .map((cell, c) => cell.padEnd(widths[c]!))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}

/** A table with one row per conversation. */
export function formatReplayTable(results: readonly ReplayResult[]): string {
  const rows = [['id', 'handoff', 'turn', 'queue', 'priority', 'reasons']];
  for (const r of results) {
    const h = r.handoff;
    rows.push(
      h
        ? [r.id, 'yes', String(h.at_turn), h.queue, String(h.priority), h.reasons.join(', ')]
        : [r.id, 'no', '-', '-', '-', '-'],
    );
  }
  return table(rows);
}

function counts(m: Record<string, number>): string {
  const entries = Object.entries(m).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  return entries.length ? entries.map(([k, v]) => `${k} ${v}`).join(', ') : '-';
}

/** The summary block printed under the table. */
export function formatReplaySummary(s: ReplaySummary, label = 'summary'): string {
  return [
    `${label}:`,
    `  conversations  ${s.conversations}`,
    `  handoffs       ${s.handoffs}`,
    `  handoff rate   ${(s.handoffRate * 100).toFixed(1)}%`,
    `  reasons        ${counts(s.reasons)}`,
    `  queues         ${counts(s.queues)}`,
    `  bad lines      ${s.badLines}`,
  ].join('\n');
}

/** Conversations whose outcome (handoff or not, turn, queue, reasons) differs. */
export function compareReplays(
  base: readonly ReplayResult[],
  other: readonly ReplayResult[],
): ReplayChange[] {
  const changes: ReplayChange[] = [];
  base.forEach((b, i) => {
    const o = other[i];
    if (!o) return;
    const x = describeOutcome(b);
    const y = describeOutcome(o);
    if (x !== y) changes.push({ id: b.id, base: x, compare: y });
  });
  return changes;
}

/** The `--compare` table. */
export function formatComparison(
  changes: readonly ReplayChange[],
  baseName: string,
  otherName: string,
): string {
  if (changes.length === 0) return 'no conversation changes its outcome';
  return table([['id', baseName, otherName], ...changes.map((c) => [c.id, c.base, c.compare])]);
}
