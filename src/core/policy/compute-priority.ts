// Priority (0..max): a base, each firing rule's contribution, and customer and conversation
// factors from the policy's `priority` section. Every addend is listed so agents see why.
import type { ConversationView } from './conversation-view.ts';
import type { PriorityContribution } from './decision-types.ts';
import type { MatchedRule } from './evaluate-policy.ts';
import type { Policy } from './policy-schema.ts';

export function computePriority(
  view: ConversationView,
  policy: Policy,
  matched: readonly MatchedRule[],
): { priority: number; contributions: PriorityContribution[] } {
  const p = policy.priority;
  const out: PriorityContribution[] = [{ source: 'base', points: p.base }];
  const add = (source: string, points: number) => {
    if (points !== 0) out.push({ source, points });
  };
  for (const m of matched) add(`rule:${m.rule.id}`, m.rule.priority);
  const customer = view.input.customer;
  const tier = customer?.tier;
  if (tier !== undefined) add(`tier:${tier}`, p.tiers[tier] ?? 0);
  if ((customer?.lifetime_value ?? 0) > p.lifetime_value.above)
    add('lifetime_value', p.lifetime_value.add);
  if (customer?.at_risk_of_churn === true) add('at_risk_of_churn', p.at_risk_of_churn);
  const sentiments = view.customerIdx.map((i) => view.customer.get(i)?.sentiment ?? 0);
  const mean = sentiments.length ? sentiments.reduce((s, x) => s + x, 0) / sentiments.length : 0;
  if (mean < p.negative_sentiment.below) add('negative_sentiment', p.negative_sentiment.add);
  const c = view.current;
  const first = view.times[view.customerIdx[0] ?? 0] ?? 0;
  const minutes = ((view.input.now?.getTime() ?? view.times[c] ?? first) - first) / 60_000;
  if (minutes > p.long_session.minutes) add('long_session', p.long_session.add);
  if (view.input.turns.length > p.many_messages.above) add('many_messages', p.many_messages.add);
  const topics = new Set(matched.map((m) => m.signal.topic).filter((t) => t !== undefined));
  for (const t of topics) add(`topic:${t}`, p.topics[t] ?? 0);
  const total = out.reduce((s, x) => s + x.points, 0);
  return { priority: Math.max(0, Math.min(p.max, Math.round(total))), contributions: out };
}
