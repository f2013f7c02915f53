/**
 * The event bus: committed changes are published here and fanned out to realtime clients.
 * It may drop messages (Redis pub/sub does); clients resume from the database by `seq`.
 */
import type { ConversationRecord, StoredEvent } from '../store/records.ts';

export interface ConversationChange {
  readonly conversation: ConversationRecord;
  readonly events: readonly StoredEvent[];
}

export type ChangeListener = (change: ConversationChange) => void;

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

export interface EventBus {
  publish(change: ConversationChange): void;
  subscribe(listener: ChangeListener, options?: SubscribeOptions): () => void;
  /** Present when Baton runs as several nodes (the Redis bus); absent on a single node. */
  readonly cluster?: ClusterPresence;
  close(): Promise<void>;
}
