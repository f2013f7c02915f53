// Wire types of the Baton HTTP + WebSocket API (docs/api.md), shared by the widget and
// the inbox. Type-only: importing this module adds nothing to either bundle.

export type Sender = 'customer' | 'bot' | 'agent' | 'system';

export type ConversationStatus =
  'bot' | 'intake' | 'queued' | 'offered' | 'assigned' | 'deferred' | 'resolved' | 'abandoned';

export interface Handoff {
  at: string;
  reasons: string[];
  queue: string;
  priority: number;
  policyVersion?: string;
}

export interface Assignee {
  id: string;
  /** Not always sent; the `conversation.assigned` event carries the name. */
  name?: string;
}

export interface Conversation {
  id: string;
  channel: string;
  status: ConversationStatus;
  queue: string | null;
  priority: number | null;
  language: string | null;
  customer: { name?: string; email?: string; id?: string } | null;
  assignee: Assignee | null;
  handoff: Handoff | null;
  lastSeq: number;
  createdAt: string;
  updatedAt: string;
  handedOverAt?: string | null;
  preview?: string | null;
}

export interface Actor {
  type: Sender;
  id?: string;
  name?: string;
}

export interface MessageData {
  from: Sender;
  text?: string;
  action?: 'request_human';
  clientMessageId?: string;
  agentName?: string;
  confidence?: number;
  intent?: string;
  article?: { id: string; title: string };
}

interface EventBase<T extends string, D> {
  conversationId: string;
  seq: number;
  type: T;
  at: string;
  actor: Actor;
  data: D;
}

export type BatonEvent =
  | EventBase<'conversation.created', { channel: string; customer: Conversation['customer'] }>
  | EventBase<'message.created', MessageData>
  | EventBase<
      'conversation.handed_over',
      { queue: string; priority: number; reasons: string[]; decision?: unknown }
    >
  | EventBase<'conversation.assigned', { agentId: string; agentName: string }>
  | EventBase<'conversation.resolved', { by: string; note?: string }>;

export interface Agent {
  id: string;
  email: string;
  name: string;
}

export interface ApiError {
  code: string;
  message: string;
}

/** Frames the server sends on either stream. */
export type ServerFrame =
  | { type: 'event'; event: BatonEvent }
  | { type: 'conversation'; conversation: Conversation }
  | { type: 'ack'; clientMessageId: string; seq: number; duplicate: boolean }
  | { type: 'error'; clientMessageId?: string; error: ApiError }
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
