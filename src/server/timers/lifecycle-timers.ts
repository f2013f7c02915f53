/**
 * The timers that move a waiting conversation on. A change of state cancels these, and
 * only these: outbox timers (channel sends, outgoing webhooks) must still deliver what was
 * already said, even when the conversation is resolved a moment later.
 */
export const LIFECYCLE_TIMERS: readonly string[] = [
  'sla.first_response',
  'offer.expire',
  'customer.inactivity',
  'follow_up.due',
];
