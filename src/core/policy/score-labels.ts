/**
 * How a policy's replay compares with labels carried in the transcripts themselves — the
 * `expect` key of the shared scenarios, or the labels `baton export --labels` derives from
 * agents' outcomes. Decision accuracy first; timing, reasons and queue only where labelled.
 */
import type { ReplayResult } from './replay-transcript.ts';

export interface HandoffLabel {
  readonly handoff: boolean;
  /** [earliest, latest] customer-turn index, inclusive. */
  readonly at_turn?: readonly [number, number];
  readonly reasons_any?: readonly string[];
  readonly queue?: string;
}

export interface LabelScore {
  readonly labelled: number;
  readonly correct: number;
  /** Handed over although the label says the bot should have kept it. */
  readonly falseHandoffs: readonly string[];
  /** Kept by the bot although the label says a person was needed. */
  readonly missedHandoffs: readonly string[];
  /** Right decision, outside the labelled turn window. */
  readonly mistimed: readonly string[];
  readonly reasonChecked: number;
  readonly reasonRight: number;
  readonly queueChecked: number;
  readonly queueRight: number;
}

/** The `expect` key of a transcript line, if it is a usable label. */
export function readLabel(raw: unknown): HandoffLabel | null {
  if (raw === null || typeof raw !== 'object') return null;
  const e = raw as Record<string, unknown>;
  if (typeof e.handoff !== 'boolean') return null;
  const window =
    Array.isArray(e.at_turn) &&
    e.at_turn.length === 2 &&
    e.at_turn.every((n) => Number.isInteger(n))
      ? ([e.at_turn[0], e.at_turn[1]] as [number, number])
      : undefined;
  const reasons =
    Array.isArray(e.reasons_any) && e.reasons_any.every((r) => typeof r === 'string')
      ? (e.reasons_any as string[])
      : undefined;
  return {
    handoff: e.handoff,
    ...(window ? { at_turn: window } : {}),
    ...(reasons && reasons.length > 0 ? { reasons_any: reasons } : {}),
    ...(typeof e.queue === 'string' ? { queue: e.queue } : {}),
  };
}

export function scoreLabels(
  results: ReadonlyArray<{ readonly result: ReplayResult; readonly label: HandoffLabel }>,
): LabelScore {
  const falseHandoffs: string[] = [];
  const missedHandoffs: string[] = [];
  const mistimed: string[] = [];
  let correct = 0;
  let reasonChecked = 0;
  let reasonRight = 0;
  let queueChecked = 0;
  let queueRight = 0;
  for (const { result, label } of results) {
    const handoff = result.handoff;
    if (!label.handoff) {
      if (handoff) falseHandoffs.push(result.id);
      else correct++;
      continue;
    }
    if (!handoff) {
      missedHandoffs.push(result.id);
      continue;
    }
    const window = label.at_turn;
    if (window && (handoff.at_turn < window[0] || handoff.at_turn > window[1])) {
      mistimed.push(result.id);
    } else {
      correct++;
    }
    if (label.reasons_any) {
      reasonChecked++;
      if (handoff.reasons.some((r) => label.reasons_any?.includes(r))) reasonRight++;
    }
    if (label.queue) {
      queueChecked++;
      if (handoff.queue === label.queue) queueRight++;
    }
  }
  return {
    labelled: results.length,
    correct,
    falseHandoffs,
    missedHandoffs,
    mistimed,
    reasonChecked,
    reasonRight,
    queueChecked,
    queueRight,
  };
}

const share = (n: number, d: number) =>
  d === 0 ? '-' : `${((n / d) * 100).toFixed(1)}% (${n}/${d})`;
const some = (ids: readonly string[]) =>
  ids.length === 0 ? '' : `: ${ids.slice(0, 8).join(', ')}${ids.length > 8 ? ' …' : ''}`;

/** The block printed under the replay summary when the file carries labels. */
export function formatLabelScore(s: LabelScore, label = 'against the labels'): string {
  return [
    `${label}:`,
    `  labelled        ${s.labelled}`,
    `  right decision  ${share(s.correct, s.labelled)}`,
    `  false handoffs  ${s.falseHandoffs.length}${some(s.falseHandoffs)}`,
    `  missed handoffs ${s.missedHandoffs.length}${some(s.missedHandoffs)}`,
    `  outside window  ${s.mistimed.length}${some(s.mistimed)}`,
    `  reason right    ${share(s.reasonRight, s.reasonChecked)}`,
    `  queue right     ${share(s.queueRight, s.queueChecked)}`,
  ].join('\n');
}
