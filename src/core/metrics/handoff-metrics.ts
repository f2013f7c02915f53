/**
 * The numbers a support lead tunes the system by, all derived from the event log: handoff
 * rate and reasons, time to human, wait, abandonment, misroutes, repeat rate, resolution after
 * handoff, and what the bot could have handled. Durations are seconds.
 */
import type { ConversationFacts } from './conversation-facts.ts';
import { percentile } from './percentile.ts';
import { recontacts } from './recontacts.ts';

export interface Distribution {
  readonly count: number;
  readonly p50: number | null;
  readonly p90: number | null;
}

export interface HandoffMetrics {
  readonly conversations: number;
  readonly handoffs: number;
  readonly handoffRate: number | null;
  readonly byReason: Readonly<Record<string, number>>;
  readonly byQueue: Readonly<Record<string, number>>;
  readonly byChannel: Readonly<Record<string, number>>;
  readonly byLanguage: Readonly<Record<string, number>>;
  /** Handoffs per hour of day (UTC), index 0..23. */
  readonly byHour: readonly number[];
  /** Handoff → first human reply. */
  readonly timeToHumanSeconds: Distribution;
  /** Handoff → an agent took it. */
  readonly waitSeconds: Distribution;
  readonly abandoned: number;
  readonly abandonmentRate: number | null;
  readonly misroutes: number;
  readonly misrouteRate: number | null;
  /** Moved by a supervisor; moved to a fallback queue after an SLA breach. */
  readonly reassignments: number;
  readonly overflows: number;
  /** Share of agent messages on which the repeat guard warned. */
  readonly repeatRate: number | null;
  readonly repeatOverrides: number;
  readonly resolvedAfterHandoff: number;
  /** Of handed-over conversations resolved with an outcome, the share marked resolved. */
  readonly resolutionRate: number | null;
  readonly slaBreaches: number;
  /**
   * Of handed-over conversations that were resolved, how many customers came back with a new
   * conversation within 7 days of the resolution (same customer id or email).
   */
  readonly recontacts: {
    readonly resolved: number;
    readonly withinWindow: number;
    readonly rate: number | null;
  };
  /** CSAT (1–5) for conversations the bot closed alone and for handed-over ones, side by side. */
  readonly csat: {
    readonly botOnly: { readonly count: number; readonly average: number | null };
    readonly handedOver: { readonly count: number; readonly average: number | null };
  };
  /** Mean handoff quality score, 0..1 (see handoffQuality). */
  readonly handoffQuality: number | null;
  readonly improvementItems: ReadonlyArray<{
    readonly conversationId: string;
    readonly reasons: readonly string[];
    readonly queue: string | null;
    readonly channel: string;
    readonly resolvedAt: string | null;
    readonly note?: string;
  }>;
}

const seconds = (from: string, to: string) => (Date.parse(to) - Date.parse(from)) / 1000;
const ratio = (n: number, d: number) => (d === 0 ? null : n / d);

function distribution(values: readonly number[]): Distribution {
  return { count: values.length, p50: percentile(values, 50), p90: percentile(values, 90) };
}

function countBy(
  facts: readonly ConversationFacts[],
  key: (f: ConversationFacts) => readonly string[],
) {
  const counts: Record<string, number> = {};
  for (const f of facts) for (const k of key(f)) counts[k] = (counts[k] ?? 0) + 1;
  return counts;
}

function mean(values: readonly number[]): number | null {
  return values.length === 0 ? null : values.reduce((a, b) => a + b, 0) / values.length;
}

function average(values: readonly number[]) {
  return { count: values.length, average: mean(values) };
}

/** The first-response target the wait score is measured against. */
export const QUALITY_WAIT_TARGET_SECONDS = 300;

/**
 * Handoff quality, the seed formula's weights: context completeness 0.3, wait 0.2,
 * resolution 0.3, satisfaction 0.2. Context is 1 minus the share of agent messages on which
 * the repeat guard warned (the agent had to ask for something known); wait is 1 within the
 * target and falls linearly to 0 at four times it; resolution is the resolve form's answer;
 * satisfaction is (CSAT − 1) / 4. Parts not known yet are left out and the weights of the
 * others scaled up; null when nothing is known.
 */
export function handoffQuality(f: ConversationFacts): number | null {
  const parts: Array<[number, number]> = [];
  if (f.agentMessages > 0) parts.push([0.3, 1 - Math.min(1, f.repeatWarnings / f.agentMessages)]);
  if (f.handedOverAt && f.assignedAt) {
    const waited = seconds(f.handedOverAt, f.assignedAt);
    const over =
      Math.max(0, waited - QUALITY_WAIT_TARGET_SECONDS) / (3 * QUALITY_WAIT_TARGET_SECONDS);
    parts.push([0.2, Math.max(0, 1 - over)]);
  }
  if (f.outcome?.resolved !== undefined) parts.push([0.3, f.outcome.resolved ? 1 : 0]);
  if (f.csat !== null) parts.push([0.2, (f.csat - 1) / 4]);
  const weight = parts.reduce((n, [w]) => n + w, 0);
  return weight === 0 ? null : parts.reduce((n, [w, v]) => n + w * v, 0) / weight;
}

/**
 * `context` is every conversation known (usually the range plus the 7 days after it), so that a
 * customer who came back after the range still counts as a recontact; it defaults to `all`.
 */
export function computeHandoffMetrics(
  all: readonly ConversationFacts[],
  context: readonly ConversationFacts[] = all,
): HandoffMetrics {
  const handed = all.filter((f) => f.handedOverAt !== null);
  const byHour = Array.from({ length: 24 }, () => 0);
  for (const f of handed) byHour[new Date(f.handedOverAt as string).getUTCHours()]! += 1;
  const timeToHuman = handed.flatMap((f) =>
    f.firstHumanReplyAt ? [seconds(f.handedOverAt as string, f.firstHumanReplyAt)] : [],
  );
  const wait = handed.flatMap((f) =>
    f.assignedAt ? [seconds(f.handedOverAt as string, f.assignedAt)] : [],
  );
  const abandoned = handed.filter((f) => f.abandonedAt !== null).length;
  const misroutes = handed.filter((f) => f.misrouted).length;
  const agentMessages = handed.reduce((n, f) => n + f.agentMessages, 0);
  const withOutcome = handed.filter((f) => f.outcome?.resolved !== undefined);
  return {
    conversations: all.length,
    handoffs: handed.length,
    handoffRate: ratio(handed.length, all.length),
    byReason: countBy(handed, (f) => f.reasons.slice(0, 1)),
    byQueue: countBy(handed, (f) => (f.queue ? [f.queue] : [])),
    byChannel: countBy(handed, (f) => [f.channel]),
    byLanguage: countBy(handed, (f) => [f.language ?? 'unknown']),
    byHour,
    timeToHumanSeconds: distribution(timeToHuman),
    waitSeconds: distribution(wait),
    abandoned,
    abandonmentRate: ratio(abandoned, handed.length),
    misroutes,
    misrouteRate: ratio(misroutes, handed.length),
    repeatRate: ratio(
      handed.reduce((n, f) => n + f.repeatWarnings, 0),
      agentMessages,
    ),
    repeatOverrides: handed.reduce((n, f) => n + f.repeatOverrides, 0),
    resolvedAfterHandoff: handed.filter((f) => f.resolvedAt !== null).length,
    resolutionRate: ratio(
      withOutcome.filter((f) => f.outcome?.resolved === true).length,
      withOutcome.length,
    ),
    reassignments: handed.reduce((n, f) => n + f.reassignments, 0),
    overflows: handed.reduce((n, f) => n + f.overflows, 0),
    slaBreaches: handed.reduce((n, f) => n + f.slaBreaches, 0),
    recontacts: recontacts(handed, context),
    csat: {
      botOnly: average(
        all
          .filter((f) => f.handedOverAt === null)
          .flatMap((f) => (f.csat === null ? [] : [f.csat])),
      ),
      handedOver: average(handed.flatMap((f) => (f.csat === null ? [] : [f.csat]))),
    },
    handoffQuality: mean(
      handed.flatMap((f) => {
        const q = handoffQuality(f);
        return q === null ? [] : [q];
      }),
    ),
    improvementItems: handed
      .filter((f) => f.outcome?.botCouldHaveHandled === true)
      .map((f) => ({
        conversationId: f.id,
        reasons: f.reasons,
        queue: f.queue,
        channel: f.channel,
        resolvedAt: f.resolvedAt,
        ...(f.outcome?.note ? { note: f.outcome.note } : {}),
      })),
  };
}
