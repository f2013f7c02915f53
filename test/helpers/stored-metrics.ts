/**
 * The handoff metrics of what a store holds, computed as the dashboards compute them: each
 * conversation's facts from its log, then the metrics over them (src/core/metrics). For tests
 * that fill a store (`baton demo-traffic`) and check the analytics it gives.
 */
import { computeHandoffMetrics, conversationFacts } from '../../src/core/metrics/index.ts';
import type { Store } from '../../src/store/store.ts';

/** The metrics of every conversation the store logged from the epoch to `until`. */
export async function storedHandoffMetrics(store: Store, until: Date) {
  const logs = await store.reads.logsBetween(new Date(0), until);
  return computeHandoffMetrics(
    logs.map(({ conversation, events }) =>
      conversationFacts({
        id: conversation.id,
        channel: conversation.channel,
        language: conversation.language,
        events,
      }),
    ),
  );
}
