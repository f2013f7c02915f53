/**
 * The one vocabulary of conversation timers. Lifecycle timers are derived from a
 * conversation's state by `timersFor` and kept in step by the conversation writer on every
 * commit; nobody schedules or cancels them by hand. Outbox timers (a channel send, an
 * outgoing webhook) deliver what was already said and are scheduled by their senders.
 */
export const LIFECYCLE_TIMER_KINDS = [
  'offer.expire',
  'sla.first_response',
  'agent.reply_due',
  'follow_up.due',
  'customer.inactivity',
  'promise.due',
  'bot_survey.due',
] as const;

export type LifecycleTimerKind = (typeof LIFECYCLE_TIMER_KINDS)[number];

export const OFFER_TIMER = 'offer.expire' satisfies LifecycleTimerKind;
export const SLA_TIMER = 'sla.first_response' satisfies LifecycleTimerKind;
export const REPLY_DUE_TIMER = 'agent.reply_due' satisfies LifecycleTimerKind;
export const FOLLOW_UP_TIMER = 'follow_up.due' satisfies LifecycleTimerKind;
export const INACTIVITY_TIMER = 'customer.inactivity' satisfies LifecycleTimerKind;
export const PROMISE_TIMER = 'promise.due' satisfies LifecycleTimerKind;
export const BOT_SURVEY_TIMER = 'bot_survey.due' satisfies LifecycleTimerKind;

export function isLifecycleTimer(kind: string): kind is LifecycleTimerKind {
  return (LIFECYCLE_TIMER_KINDS as readonly string[]).includes(kind);
}
