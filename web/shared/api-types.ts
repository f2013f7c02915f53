// Wire types of the Baton HTTP + WebSocket API (docs/api.md), shared by the widget and
// the inbox. Type-only: importing this module adds nothing to either bundle.

import type { Static } from '@sinclair/typebox';
import type {
  Actor as ActorSchema,
  Conversation as ConversationSchema,
  CustomerConversation as CustomerConversationSchema,
  ErrorResponse,
  Event as EventSchema,
  Handoff as HandoffSchema,
} from '../../src/http/routes/schemas.ts';

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

export interface MessageData {
  from: Sender;
  text?: string;
  action?: 'request_human';
  clientMessageId?: string;
  agentName?: string;
  confidence?: number;
  intent?: string;
  article?: { id: string; title: string };
  /** Files the customer sent (a widget upload, a channel's media). */
  media?: Array<{ kind: string; ref: string; mimeType?: string; fileName?: string }>;
}

/** The server's event envelope, with each type's data spelled out for the UIs. */
type EventBase<T extends string, D> = Omit<Static<typeof EventSchema>, 'type' | 'data'> & {
  type: T;
  data: D;
};

export type BatonEvent =
  | EventBase<'conversation.created', { channel: string; customer: Conversation['customer'] }>
  | EventBase<'message.created', MessageData>
  | EventBase<
      'conversation.handed_over',
      { queue: string; priority: number; reasons: string[]; decision?: unknown }
    >
  | EventBase<'conversation.assigned', { agentId: string; agentName: string }>
  | EventBase<'conversation.resolved', { by: string; note?: string }>
  /** A read receipt: `by` has seen the other side's messages up to `upToSeq`. */
  | EventBase<'message.read', { upToSeq: number; by: 'customer' | 'agent' }>;

export interface Agent {
  id: string;
  email: string;
  name: string;
  /** Whether log-in asks for an authenticator app's code (GET /api/v1/me). */
  totpEnabled?: boolean;
}

/** Frames the server sends on either stream. */
export type ServerFrame =
  | { type: 'event'; event: BatonEvent }
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
