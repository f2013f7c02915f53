import type { ConversationEventType } from './conversation-events.ts';

/** Everything that can be asked of a conversation's state machine. */
export type ConversationCommand =
  | { readonly type: 'hand_over'; readonly queue: string }
  | { readonly type: 'start_intake'; readonly queue: string }
  | { readonly type: 'offer'; readonly agentId: string }
  | { readonly type: 'decline_offer'; readonly agentId: string }
  | { readonly type: 'expire_offer' }
  | { readonly type: 'claim'; readonly agentId: string }
  | { readonly type: 'transfer'; readonly agentId: string; readonly toQueue: string }
  /** To a named colleague: reserved for them as an offer they accept by claiming. */
  | { readonly type: 'transfer_to_agent'; readonly agentId: string; readonly toAgentId: string }
  /** A supervisor moves a waiting or assigned conversation to a queue or straight to an agent. */
  | { readonly type: 'reassign'; readonly toQueue: string }
  | { readonly type: 'reassign'; readonly toAgentId: string }
  /** The owner stayed silent past the reply deadline (or left): back to the queue. */
  | { readonly type: 'requeue'; readonly reason: 'agent_silent' | 'agent_disconnected' }
  | {
      readonly type: 'release';
      readonly reason: 'agent_offline' | 'agent_disconnected' | 'supervisor';
    }
  | { readonly type: 'return_to_bot'; readonly agentId: string }
  | { readonly type: 'defer' }
  | { readonly type: 'resume_deferred' }
  | { readonly type: 'abandon' }
  | { readonly type: 'resolve'; readonly agentId: string | null };

export type ConversationCommandType = ConversationCommand['type'];

/** The event type each successful command records in the conversation's log. */
export const EVENT_TYPE_OF = {
  hand_over: 'conversation.handed_over',
  start_intake: 'conversation.intake_started',
  offer: 'conversation.offered',
  decline_offer: 'conversation.offer_declined',
  expire_offer: 'conversation.offer_expired',
  claim: 'conversation.assigned',
  transfer: 'conversation.transferred',
  transfer_to_agent: 'conversation.transferred',
  reassign: 'conversation.reassigned',
  requeue: 'conversation.requeued',
  release: 'conversation.requeued',
  return_to_bot: 'conversation.returned_to_bot',
  defer: 'conversation.deferred',
  resume_deferred: 'conversation.resumed',
  abandon: 'conversation.abandoned',
  resolve: 'conversation.resolved',
} as const satisfies Record<ConversationCommandType, ConversationEventType>;

/** The event type a command of type `C` records (its data is `EventData<EventTypeOf<C>>`). */
export type EventTypeOf<C extends ConversationCommandType> = (typeof EVENT_TYPE_OF)[C];
