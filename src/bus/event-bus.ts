/**
 * The event bus: committed changes are published here and fanned out to realtime clients.
 * It may drop messages (Redis pub/sub does); clients resume from the database by `seq`.
 */
import type { ConversationRecord, StoredEvent } from '../core/records.ts';

export interface ConversationChange {
  readonly conversation: ConversationRecord;
  readonly events: readonly StoredEvent[];
}

export type ChangeListener = (change: ConversationChange) => void;

/**
 * Someone is typing in a conversation. Never stored: it only matters while it is true, so
 * a lost signal costs nothing (the indicator expires on its own).
 */
export interface TypingSignal {
  readonly conversationId: string;
  readonly by: 'agent' | 'customer';
  /** The agent's name (customers see "Alex is typing…"); null for the customer. */
  readonly name: string | null;
  /** False when they stopped (sent, cleared the draft). */
  readonly active: boolean;
}

export type SignalListener = (signal: TypingSignal) => void;

/**
 * Agent sessions that just ended (logout, disabled account, password reset): every node
 * closes the inbox sockets opened with them at once, rather than on its next session check.
 */
export interface SessionsEnded {
  readonly agentId: string;
  /** The one session that ended (its token's hash); absent: every session of the agent. */
  readonly sessionHash?: string;
  readonly reason: string;
}

export type SessionsEndedListener = (ended: SessionsEnded) => void;

export interface SubscribeOptions {
  /**
   * Also hear changes committed on the other nodes of a cluster. For realtime fan-out only:
   * side effects (channel sends, outgoing webhooks, metrics, summaries) must stay with the
   * node that committed the change, so that they happen once. Default: this node's only.
   */
  readonly allNodes?: boolean;
}

/** Who has sockets open on this node; shared with the others so that any node can route. */
export interface LocalPresence {
  readonly agents: readonly string[];
  /** Conversations with a customer socket open. */
  readonly customers: readonly string[];
}

/** What the other nodes of a cluster report as connected to them. */
export interface ClusterPresence {
  /** Tells the other nodes who is connected here; call on every change (it is batched). */
  announce(local: LocalPresence): void;
  hasAgent(agentId: string): boolean;
  hasCustomer(conversationId: string): boolean;
  agentIds(): ReadonlySet<string>;
}

/** A dependency the bus needs (Redis in a cluster): up, or down since when. */
export interface DependencyHealth {
  readonly dependency: string;
  readonly up: boolean;
  /** When it last went down or came back. */
  readonly since: Date;
}

export interface EventBus {
  publish(change: ConversationChange): void;
  subscribe(listener: ChangeListener, options?: SubscribeOptions): () => void;
  /** Sends a typing signal to the sockets of every node (no storage, no side effects). */
  signal(signal: TypingSignal): void;
  onSignal(listener: SignalListener): () => void;
  /** Tells every node (this one included) that agent sessions ended. */
  endSessions(ended: SessionsEnded): void;
  onSessionsEnded(listener: SessionsEndedListener): () => void;
  /**
   * Called when the bus may have missed changes (it lost or regained its link to the other
   * nodes): realtime clients should read what they missed from the database.
   */
  onResync?(listener: () => void): () => void;
  /** The dependencies the bus relies on; absent on a single node (it needs none). */
  readonly health?: () => readonly DependencyHealth[];
  /**
   * Present when Baton runs as several nodes (the Redis bus), and on PostgreSQL without Redis,
   * where it only answers `baton agents list` (store/pg-presence.ts: it hears no other node);
   * absent on SQLite without Redis.
   */
  readonly cluster?: ClusterPresence;
  close(): Promise<void>;
}
