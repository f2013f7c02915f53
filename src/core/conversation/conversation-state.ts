/**
 * Conversation states and the snapshot the state machine works on. See ARCHITECTURE.md:
 * bot → intake → queued → offered → assigned → resolved, plus deferred and abandoned.
 */
export const CONVERSATION_STATES = [
  'bot',
  'intake',
  'queued',
  'offered',
  'assigned',
  'deferred',
  'resolved',
  'abandoned',
] as const;

export type ConversationState = (typeof CONVERSATION_STATES)[number];

/** States in which a person, not the bot, is responsible: the bot stays silent. */
export const HUMAN_STATES: readonly ConversationState[] = [
  'queued',
  'offered',
  'assigned',
  'deferred',
];

/** States that take no further messages. */
export const CLOSED_STATES: readonly ConversationState[] = ['resolved', 'abandoned'];

/** States in which the customer waits for a person: in a queue, offered, or deferred. */
export const WAITING_STATES: readonly ConversationState[] = ['queued', 'offered', 'deferred'];

export interface ConversationSnapshot {
  readonly state: ConversationState;
  /**
   * The agent who owns the conversation: set whenever `state` is `assigned`, null while
   * waiting or with the bot, and kept on `resolved` as the record of who handled it.
   */
  readonly assigneeId: string | null;
  /** The agent the conversation is reserved for; set exactly when `state` is `offered`. */
  readonly offeredTo: string | null;
  readonly queue: string | null;
}

export type Actor =
  | { readonly type: 'customer' }
  | { readonly type: 'bot' }
  | { readonly type: 'agent'; readonly id: string; readonly name?: string }
  | { readonly type: 'system' };

export function isClosed(state: ConversationState): boolean {
  return CLOSED_STATES.includes(state);
}

export function isWaiting(state: ConversationState): boolean {
  return WAITING_STATES.includes(state);
}

export function isWithHuman(state: ConversationState): boolean {
  return HUMAN_STATES.includes(state);
}
