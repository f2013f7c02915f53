/**
 * Priority 1..100 from plain factors and a configurable formula. The default formula takes the
 * factors of the seed `calculatePriority` (base 50, tier, lifetime value, churn risk, negative
 * sentiment, long conversation, cancellation topic, many messages, time already waited). Every
 * addend is returned so the agent sees why a conversation is urgent.
 */

export interface PriorityFactors {
  readonly tier?: string;
  readonly lifetimeValue?: number;
  readonly atRiskOfChurn?: boolean;
  /** Mean customer sentiment, -1 (angry) .. 1 (happy). */
  readonly sentiment?: number;
  /** Seconds since the conversation started. */
  readonly conversationSeconds?: number;
  readonly topics?: readonly string[];
  /** Messages exchanged so far. */
  readonly messages?: number;
  /** Seconds already waited for a person (grows while queued). */
  readonly waitedSeconds?: number;
  /** Extra named contributions, e.g. the policy's firing rules (`rule:security`: 25). */
  readonly extra?: readonly PriorityContribution[];
}

export interface PriorityFormula {
  readonly base: number;
  readonly max: number;
  readonly tiers: Readonly<Record<string, number>>;
  readonly lifetimeValue: { readonly above: number; readonly add: number };
  readonly atRiskOfChurn: number;
  readonly negativeSentiment: { readonly below: number; readonly add: number };
  readonly longConversation: { readonly seconds: number; readonly add: number };
  readonly topics: Readonly<Record<string, number>>;
  readonly manyMessages: { readonly above: number; readonly add: number };
  readonly waited: { readonly seconds: number; readonly add: number };
}

export interface PriorityContribution {
  readonly source: string;
  readonly points: number;
}

export interface PriorityResult {
  /** 1..100 (or 1..formula.max when lower). */
  readonly priority: number;
  readonly contributions: readonly PriorityContribution[];
}

/** The seed formula's weights. */
export const DEFAULT_PRIORITY_FORMULA: PriorityFormula = Object.freeze({
  base: 50,
  max: 100,
  tiers: { premium: 20, enterprise: 20, business: 10 },
  lifetimeValue: { above: 5000, add: 15 },
  atRiskOfChurn: 25,
  negativeSentiment: { below: -0.5, add: 20 },
  longConversation: { seconds: 600, add: 10 },
  topics: { cancellation: 15 },
  manyMessages: { above: 10, add: 10 },
  waited: { seconds: 120, add: 15 },
});

/** Sums the formula's addends for `factors`; pure, never throws. */
export function computePriority(
  factors: PriorityFactors,
  formula: PriorityFormula = DEFAULT_PRIORITY_FORMULA,
): PriorityResult {
  const out: PriorityContribution[] = [{ source: 'base', points: formula.base }];
  const add = (source: string, points: number | undefined, when = true): void => {
    if (when && points !== undefined && points !== 0) out.push({ source, points });
  };
  if (factors.tier !== undefined) add(`tier:${factors.tier}`, formula.tiers[factors.tier]);
  const f = formula;
  add('lifetime_value', f.lifetimeValue.add, (factors.lifetimeValue ?? 0) > f.lifetimeValue.above);
  add('at_risk_of_churn', f.atRiskOfChurn, factors.atRiskOfChurn === true);
  const sentiment = factors.sentiment ?? 0;
  add('negative_sentiment', f.negativeSentiment.add, sentiment < f.negativeSentiment.below);
  const long = (factors.conversationSeconds ?? 0) > f.longConversation.seconds;
  add('long_conversation', f.longConversation.add, long);
  // A topic counts once however often it was mentioned.
  for (const topic of new Set(factors.topics ?? [])) add(`topic:${topic}`, f.topics[topic]);
  add('many_messages', f.manyMessages.add, (factors.messages ?? 0) > f.manyMessages.above);
  add('waited', f.waited.add, (factors.waitedSeconds ?? 0) > f.waited.seconds);
  for (const e of factors.extra ?? []) add(e.source, e.points);
  const total = out.reduce((s, c) => s + c.points, 0);
  const cap = Math.min(100, f.max);
  const priority = Math.max(1, Math.min(cap, Math.round(Number.isFinite(total) ? total : 1)));
  return { priority, contributions: out };
}
