// The agent's realtime connection: one socket for the whole inbox. It carries
// `conversation` frames for the queue and, for each subscribed conversation, its events.
// On every (re)connect it subscribes again from the last seq each subscriber has, so a
// dropped connection costs nothing but a short delay.

import type { Static } from '@sinclair/typebox';
import type { AgentFrameSchema } from '../../src/http/realtime/socket-frame-schemas.ts';
import type { BatonEvent, Conversation } from '../shared/api-types.ts';
import { wsUrl } from '../shared/http.ts';
import { ReconnectingSocket } from '../shared/reconnecting-socket.ts';
import type { SocketState } from '../shared/reconnecting-socket.ts';
import type { Presence } from './inbox-types.ts';

export interface Subscriber {
  /** Seq the subscriber has seen up to (resume point). */
  since: () => number;
  onEvent: (event: BatonEvent) => void;
  /** The customer is typing (or stopped). */
  onTyping?: (active: boolean) => void;
}

export interface AgentStreamHandlers {
  onConversation: (conversation: Conversation) => void;
  /** The conversation left this agent's scope: it leaves the inbox. */
  onConversationRemoved: (conversationId: string) => void;
  /** The agent's presence as routing counts on it (the inbox opened, another tab changed it). */
  onPresence: (presence: Presence) => void;
  onState: (state: SocketState, failedAttempts: number) => void;
  /** The server ended the session (logged out elsewhere, account disabled, password reset). */
  onSessionEnded: () => void;
}

/** What an agent's socket may send (src/http/realtime/socket-frame-schemas.ts). */
type AgentFrame = Static<typeof AgentFrameSchema>;

export class AgentStream {
  readonly #socket: ReconnectingSocket<BatonEvent, AgentFrame>;
  readonly #subscribers = new Map<string, Subscriber>();

  constructor(token: string, handlers: AgentStreamHandlers) {
    this.#socket = new ReconnectingSocket<BatonEvent, AgentFrame>({
      url: () => wsUrl(location.origin, '/api/v1/agent/stream', {}),
      token: () => token,
      onFrame: (frame) => {
        switch (frame.type) {
          case 'conversation':
            handlers.onConversation(frame.conversation);
            break;
          case 'conversation_removed':
            handlers.onConversationRemoved(frame.conversationId);
            break;
          case 'presence':
            handlers.onPresence(frame.presence);
            break;
          case 'event':
            this.#subscribers.get(frame.event.conversationId)?.onEvent(frame.event);
            break;
          case 'typing':
            if (frame.conversationId)
              this.#subscribers.get(frame.conversationId)?.onTyping?.(frame.active);
            break;
          case 'ack':
          case 'error':
            break; // replies go over HTTP, whose answers carry their own errors
        }
      },
      onState: (state, failures) => {
        if (state === 'open') {
          for (const [id, subscriber] of this.#subscribers) this.#subscribe(id, subscriber);
        }
        handlers.onState(state, failures);
      },
      onSessionEnded: () => handlers.onSessionEnded(),
    });
    this.#socket.start();
  }

  /** Receives the conversation's events after `since()`, then live; returns the unsubscribe. */
  subscribe(conversationId: string, subscriber: Subscriber): () => void {
    this.#subscribers.set(conversationId, subscriber);
    this.#subscribe(conversationId, subscriber);
    return () => {
      if (this.#subscribers.get(conversationId) !== subscriber) return;
      this.#subscribers.delete(conversationId);
      this.#socket.send({ type: 'unsubscribe', conversationId });
    };
  }

  /** Tells the customer this agent is typing or stopped; dropped when offline (only a hint). */
  typing(conversationId: string, active: boolean): void {
    this.#socket.send({ type: 'typing', conversationId, active });
  }

  /** Marks the customer's messages up to `upToSeq` read; false when offline (sent later). */
  read(conversationId: string, upToSeq: number): boolean {
    return this.#socket.send({ type: 'read', conversationId, upToSeq });
  }

  close(): void {
    this.#socket.stop();
  }

  #subscribe(conversationId: string, subscriber: Subscriber): void {
    this.#socket.send({ type: 'subscribe', conversationId, since: subscriber.since() });
  }
}
