// The queue follows the topic of the whole conversation, not only the last message: the
// deciding rule's fixed queue if it names one, else its own topic's queue (a refund request goes
// to billing), else the conversation's dominant topic, else the default queue.
import { classifierQueueScores, QUEUE_TOPIC } from './classifier-signals.ts';
import type { ConversationView } from './conversation-view.ts';
import type { SignalResult } from './decision-types.ts';
import type { Policy, PolicyRule } from './policy-schema.ts';

/**
 * Queue the whole conversation points to: lexicon topics (requests weigh double) plus the
 * classifier's topic reading of every customer turn (its probability, when above
 * thresholds.classifier_topic); later turns win ties.
 */
export function dominantTopicQueue(view: ConversationView, policy: Policy): string | undefined {
  const map = policy.queues.topics;
  const score = new Map<string, number>();
  const add = (topic: string | undefined, w: number) => {
    const queue = topic === undefined ? undefined : map[topic];
    if (queue !== undefined) score.set(queue, (score.get(queue) ?? 0) + w);
  };
  view.customerIdx.forEach((i, order) => {
    for (const hit of view.customer.get(i)?.topics ?? [])
      add(hit.topic, (hit.kind === 'request' ? 2 : 1) + order * 0.01);
  });
  for (const [queue, w] of classifierQueueScores(view, policy.thresholds.classifier_topic))
    add(QUEUE_TOPIC[queue], w);
  let best: string | undefined;
  let bestScore = 0;
  for (const [queue, s] of score) {
    if (s > bestScore) {
      best = queue;
      bestScore = s;
    }
  }
  return best;
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
