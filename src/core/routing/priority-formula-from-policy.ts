/**
 * Maps the policy file's `priority:` section onto the router's `PriorityFormula`, so one set of
 * weights serves both the handoff decision and the re-computation while a conversation waits.
 * The policy has no "time already waited" factor (nothing has been waited at the handoff), so
 * that one comes from the router's defaults unless given.
 */
import type { PolicyPriority } from '../policy/policy-schema.ts';
import { DEFAULT_PRIORITY_FORMULA, type PriorityFormula } from './compute-priority.ts';

export function priorityFormulaFromPolicy(
  p: PolicyPriority,
  waited: PriorityFormula['waited'] = DEFAULT_PRIORITY_FORMULA.waited,
): PriorityFormula {
  return {
    base: p.base,
    max: p.max,
    tiers: p.tiers,
    lifetimeValue: { above: p.lifetime_value.above, add: p.lifetime_value.add },
    atRiskOfChurn: p.at_risk_of_churn,
    negativeSentiment: { below: p.negative_sentiment.below, add: p.negative_sentiment.add },
    longConversation: { seconds: p.long_session.minutes * 60, add: p.long_session.add },
    topics: p.topics,
    manyMessages: { above: p.many_messages.above, add: p.many_messages.add },
    waited,
  };
}
