/**
 * What the team's outcomes say the escalation policy should have done with a conversation,
 * as a replay label (`expect`). This is how outcomes feed back into policy tuning: export
 * last month with labels, replay a candidate policy, and read its accuracy on real traffic.
 *
 * Only outcomes that say something are turned into labels:
 * - an explicit request for a person was right to honour, always;
 * - handed over, and the agent said at resolve the bot could have handled it: no handoff;
 * - handed over, and the agent said it could not: a handoff, to the queue it was resolved
 *   in (after any transfer, which is where it belonged), for the reasons it had;
 * - kept by the bot and rated 4 or 5 by the customer: no handoff.
 * Everything else stays unlabelled rather than guessed.
 */
import type { HandoffLabel } from '../../core/policy/index.ts';
import type { ConversationRecord, StoredEvent } from '../../core/records.ts';

export function labelFromOutcome(
  conversation: ConversationRecord,
  events: readonly StoredEvent[],
): HandoffLabel | null {
  const resolved = events.findLast((e) => e.type === 'conversation.resolved');
  const rating = events.findLast((e) => e.type === 'csat.submitted')?.data.rating;
  const reasons = conversation.handoff?.reasons ?? [];
  if (conversation.handoff) {
    if (reasons.includes('explicit_request'))
      return { handoff: true, reasons_any: ['explicit_request'] };
    const couldHave = resolved?.data.botCouldHaveHandled;
    if (couldHave === true) return { handoff: false };
    if (couldHave === false) {
      return {
        handoff: true,
        ...(reasons.length > 0 ? { reasons_any: reasons } : {}),
        ...(conversation.queue ? { queue: conversation.queue } : {}),
      };
    }
    return null;
  }
  if (typeof rating === 'number' && rating >= 4) return { handoff: false };
  return null;
}
