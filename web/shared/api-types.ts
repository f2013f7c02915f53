// Wire types of the Baton HTTP + WebSocket API (docs/api.md), shared by the widget and
// the inbox. Type-only: importing this module adds nothing to either bundle.

import type { Static } from '@sinclair/typebox';
import type {
  Actor as ActorSchema,
  Conversation as ConversationSchema,
  CustomerConversation as CustomerConversationSchema,
  ErrorResponse,
  Handoff as HandoffSchema,
} from '../../src/http/routes/schemas.ts';
import type { Agent as AgentSchema } from '../../src/http/routes/auth-schemas.ts';
import type { CustomerEvent as CustomerEventOnTheWire } from '../../src/app/conversations/conversation-view.ts';
import type { StoredEvent } from '../../src/core/records.ts';

// The types below that the server describes come from its TypeBox schemas
// (src/http/routes/schemas.ts), so the two cannot drift apart; the rest is refined here.

/** A conversation as agents see it. */
export type Conversation = Static<typeof ConversationSchema>;
/** A conversation as its customer sees it (the widget). */
export type CustomerConversation = Static<typeof CustomerConversationSchema>;
export type ConversationStatus = Conversation['status'];
export type Handoff = Static<typeof HandoffSchema>;
export type Assignee = NonNullable<Conversation['assignee']>;
export type Actor = Static<typeof ActorSchema>;
export type Sender = Actor['type'];
export type ApiError = Static<typeof ErrorResponse>['error'];

/**
 * An event as agents receive it (the agent stream, the agent API): the store's record
 * (src/core/records.ts), its data typed by its type from the core's registry
 * (src/core/conversation/event-data.ts), other fields as `unknown` — so a change to an event's
 * data in the core fails the inbox's typecheck.
 */
export type BatonEvent = StoredEvent;
/** The data of an agent-side event of type `T`. */
export type EventDataOf<T extends BatonEvent['type']> = Extract<BatonEvent, { type: T }>['data'];
/** A message as agents receive it. */
export type MessageData = EventDataOf<'message.created'>;

/**
 * An event as its customer receives it (the customer stream, the widget's API answers): the
 * server's redaction (`toCustomerEvent`, src/app/conversations/conversation-view.ts) keeps a
 * few fields of a few types' data, drops the agent's id and turns a note into an `internal`
 * seq; its type is derived there from the same table the redaction reads.
 */
export type CustomerEvent = CustomerEventOnTheWire;
/** A message as the customer receives it: only the fields the redaction keeps. */
export type CustomerMessageData = Extract<CustomerEvent, { type: 'message.created' }>['data'];

/** An agent as the API shows them (src/http/routes/auth-schemas.ts). */
export type Agent = Static<typeof AgentSchema>;

/** Frames the server sends on either stream (`E`: the agent's events or the customer's). */
export type ServerFrame<E = BatonEvent> =
  | { type: 'event'; event: E }
  | { type: 'conversation'; conversation: Conversation }
  /** Agent stream: the conversation left this agent's scope (taken by another, moved to another queue). */
  | { type: 'conversation_removed'; conversationId: string }
  /** Agent stream: the agent's presence as routing counts on it (sent when the inbox opens). */
  | { type: 'presence'; presence: 'online' | 'away' | 'offline' }
  | { type: 'ack'; clientMessageId: string; seq: number; duplicate: boolean }
  | { type: 'error'; clientMessageId?: string; error: ApiError & { retryAfterMs?: number } }
  /** Someone on the other side is typing (customer stream: the agent; agent stream: the customer). */
  | {
      type: 'typing';
      by: 'agent' | 'customer';
      active: boolean;
      name?: string | null;
      conversationId?: string;
    };

/** Maximum message length; the server answers 413 above it, the UIs stop earlier. */
export const MAX_MESSAGE_LENGTH = 4000;
