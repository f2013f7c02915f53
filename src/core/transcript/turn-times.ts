// Turn timestamps: `at` when present, otherwise 20 s after the previous turn (the spec's rule),
// starting from `started_at` (or the epoch when nothing is known, so only differences matter).
import type { Turn } from './transcript-schema.ts';

export const DEFAULT_TURN_GAP_MS = 20_000;

/** Milliseconds since the epoch for each turn, filling gaps per the transcript spec. */
export function turnTimes(turns: readonly Turn[], startedAt?: string): number[] {
  const times: number[] = [];
  const start = startedAt === undefined ? Number.NaN : Date.parse(startedAt);
  let prev = Number.isFinite(start) ? start - DEFAULT_TURN_GAP_MS : Number.NaN;
  for (const turn of turns) {
    const at = turn.at === undefined ? Number.NaN : Date.parse(turn.at);
    let t: number;
    if (Number.isFinite(at)) t = at;
    else if (Number.isFinite(prev)) t = prev + DEFAULT_TURN_GAP_MS;
    else t = times.length * DEFAULT_TURN_GAP_MS;
    times.push(t);
    prev = t;
  }
  return times;
}
