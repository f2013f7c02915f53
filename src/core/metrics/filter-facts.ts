/**
 * The dashboard's filters. Channel and language apply to every conversation; a queue only
 * exists once a conversation is handed over, so a queue filter keeps handed-over conversations
 * of that queue (and the handoff rate within it is then 1 by definition).
 */
import type { ConversationFacts } from './conversation-facts.ts';

export interface FactsFilter {
  readonly queue?: string | undefined;
  readonly channel?: string | undefined;
  readonly language?: string | undefined;
}

export function filterFacts(
  facts: readonly ConversationFacts[],
  filter: FactsFilter,
): ConversationFacts[] {
  return facts.filter(
    (f) =>
      (filter.queue === undefined || f.queue === filter.queue) &&
      (filter.channel === undefined || f.channel === filter.channel) &&
      (filter.language === undefined || (f.language ?? 'unknown') === filter.language),
  );
}
