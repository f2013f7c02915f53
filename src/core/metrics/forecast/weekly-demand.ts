/**
 * What the event history says about demand, per hour of the week (UTC, Monday 00:00 = hour 0):
 * how many conversations were handed over to people, how long people held them, and how many
 * agents were at work. Customers' patience is measured once for the whole range (there are too
 * few abandonments per hour to measure it hour by hour).
 */
import { conversationFacts, type ConversationLog } from '../conversation-facts.ts';

export const HOURS_PER_WEEK = 168;
const HOUR_MS = 3_600_000;
/**
 * An hour's handle time leans on the range's mean as if it had this many samples of it: an hour
 * with few conversations gets about the range's mean, a busy one its own. (Raw means of 100
 * exponential samples still miss by 10 % either way, enough to staff one agent short.)
 */
export const HANDLE_PRIOR_SAMPLES = 50;

export interface HourOfWeekDemand {
  /** 0 = Monday 00:00–01:00 UTC … 167 = Sunday 23:00–24:00. */
  readonly hourOfWeek: number;
  /** How many times this hour occurred in the range. */
  readonly occurrences: number;
  readonly handoffs: number;
  /** Handoffs per occurrence of this hour; null if the range never covered it. */
  readonly arrivalsPerHour: number | null;
  /**
   * Seconds from an agent taking a conversation to its resolution, of those handed over in this
   * hour, blended with the range's mean (HANDLE_PRIOR_SAMPLES).
   */
  readonly handleSeconds: number | null;
  readonly handleSamples: number;
  /** Distinct agents who did something (a message, a claim, a resolution) per occurrence. */
  readonly agentsAtWork: number | null;
}

export interface WeeklyDemand {
  readonly hours: readonly HourOfWeekDemand[];
  /** The range's mean handle time, seconds; null when no handed-over conversation was resolved. */
  readonly handleSeconds: number | null;
  readonly handleSamples: number;
  /**
   * Mean patience, seconds: total seconds customers spent waiting (until taken or until they
   * gave up) over the number who gave up, the maximum-likelihood estimate for exponential
   * patience. Null when nobody gave up: patience was not measured.
   */
  readonly patienceSeconds: number | null;
  readonly abandonments: number;
}

/** Hour of the week of an instant, UTC, Monday first. */
export function hourOfWeek(ms: number): number {
  const d = new Date(ms);
  return ((d.getUTCDay() + 6) % 7) * 24 + d.getUTCHours();
}

const seconds = (from: string, to: string) => (Date.parse(to) - Date.parse(from)) / 1000;

export function weeklyDemand(
  logs: readonly ConversationLog[],
  range: { readonly from: Date; readonly to: Date },
): WeeklyDemand {
  const occurrences = new Array<number>(HOURS_PER_WEEK).fill(0);
  // Only whole hours count: a partial hour at either end would look like a quiet one.
  const first = Math.ceil(range.from.getTime() / HOUR_MS) * HOUR_MS;
  const end = Math.floor(range.to.getTime() / HOUR_MS) * HOUR_MS;
  for (let h = first; h < end; h += HOUR_MS) occurrences[hourOfWeek(h)]!++;
  const inRange = (at: string) => {
    const ms = Date.parse(at);
    return ms >= first && ms < end;
  };

  const handoffs = new Array<number>(HOURS_PER_WEEK).fill(0);
  const handles: number[][] = Array.from({ length: HOURS_PER_WEEK }, () => []);
  const agentsByHour = new Map<number, Set<string>>();
  let waited = 0;
  let abandonments = 0;
  for (const log of logs) {
    for (const e of log.events) {
      if (e.actor.type !== 'agent' || e.actor.id === undefined || !inRange(e.at)) continue;
      const hour = Math.floor(Date.parse(e.at) / HOUR_MS);
      const seen = agentsByHour.get(hour) ?? new Set<string>();
      seen.add(e.actor.id);
      agentsByHour.set(hour, seen);
    }
    const f = conversationFacts(log);
    if (f.handedOverAt === null || !inRange(f.handedOverAt)) continue;
    const slot = hourOfWeek(Date.parse(f.handedOverAt));
    handoffs[slot]!++;
    if (f.assignedAt !== null && f.resolvedAt !== null)
      handles[slot]!.push(seconds(f.assignedAt, f.resolvedAt));
    const gaveUp =
      f.abandonedAt !== null && (f.assignedAt === null || f.abandonedAt < f.assignedAt);
    if (gaveUp) {
      abandonments++;
      waited += seconds(f.handedOverAt, f.abandonedAt!);
    } else if (f.assignedAt !== null) waited += seconds(f.handedOverAt, f.assignedAt);
  }

  const atWork = new Array<number>(HOURS_PER_WEEK).fill(0);
  for (const [hour, agents] of agentsByHour) atWork[hourOfWeek(hour * HOUR_MS)]! += agents.size;
  const all = handles.flat();
  const overall = all.length === 0 ? null : mean(all);
  return {
    hours: occurrences.map((times, h) => {
      const samples = handles[h]!;
      return {
        hourOfWeek: h,
        occurrences: times,
        handoffs: handoffs[h]!,
        arrivalsPerHour: times === 0 ? null : handoffs[h]! / times,
        handleSeconds:
          overall === null || times === 0
            ? null
            : (sum(samples) + HANDLE_PRIOR_SAMPLES * overall) /
              (samples.length + HANDLE_PRIOR_SAMPLES),
        handleSamples: samples.length,
        agentsAtWork: times === 0 ? null : atWork[h]! / times,
      };
    }),
    handleSeconds: overall,
    handleSamples: all.length,
    patienceSeconds: abandonments === 0 ? null : waited / abandonments,
    abandonments,
  };
}

const sum = (values: readonly number[]) => values.reduce((s, v) => s + v, 0);
const mean = (values: readonly number[]) => sum(values) / values.length;
