// The queue follows the topic of the whole conversation, not only the last message: the
// deciding rule's fixed queue if it names one, else its own topic's queue (a refund request goes
// to billing), else the conversation's dominant topic, else the default queue.
import type { ConversationView } from './conversation-view.ts';
import type { SignalResult } from './decision-types.ts';
import type { Policy, PolicyRule } from './policy-schema.ts';

/** Topic whose queue the whole conversation points to (requests weigh double, later turns win ties). */
export function dominantTopicQueue(view: ConversationView, policy: Policy): string | undefined {
  const map = policy.queues.topics;
  const score = new Map<string, number>();
  view.customerIdx.forEach((i, order) => {
    for (const hit of view.customer.get(i)?.topics ?? []) {
      if (map[hit.topic] === undefined) continue;
      const w = (hit.kind === 'request' ? 2 : 1) + order * 0.01;
      score.set(hit.topic, (score.get(hit.topic) ?? 0) + w);
    }
  });
  let best: string | undefined;
  let bestScore = 0;
  for (const [topic, s] of score) {
    if (s > bestScore) {
      best = topic;
      bestScore = s;
    }
  }
  return best === undefined ? undefined : map[best];
}

/** Picks the queue for a handoff decided by `rule` because of `signal`. */
export function chooseQueue(
  view: ConversationView,
  policy: Policy,
  rule: PolicyRule,
  signal: SignalResult | undefined,
): string {
  if (rule.queue !== undefined) return rule.queue;
  const own = signal?.topic === undefined ? undefined : policy.queues.topics[signal.topic];
  return own ?? dominantTopicQueue(view, policy) ?? policy.queues.default;
}
