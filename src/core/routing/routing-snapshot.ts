/** The input and output of `route`: one instant's queues, waiting conversations and agents. */
import type { AgentSnapshot } from './agent-snapshot.ts';
import type { QueueConfig } from './queue-config.ts';

export interface WaitingConversation {
  readonly id: string;
  readonly queue: string;
  /** 1..100, from `computePriority`. */
  readonly priority: number;
  readonly language: string;
  /** Skills this conversation needs beyond its queue's (e.g. `security`); dropped on fallback. */
  readonly skills?: readonly string[];
  readonly waitingSince: Date;
  /** Agents who declined or let an offer of this conversation expire: never offered again. */
  readonly declinedBy?: readonly string[];
  /** Set once the SLA is breached: fallback queues may take it although its own team is busy. */
  readonly overflow?: boolean;
}

/**
 * Conversations in `queued` state only; an `offered` conversation is already reserved and is
 * counted in its agent's `load`.
 */
export interface RoutingSnapshot {
  readonly queues: readonly QueueConfig[];
  readonly conversations: readonly WaitingConversation[];
  readonly agents: readonly AgentSnapshot[];
}

export interface RoutingOffer {
  readonly conversationId: string;
  readonly agentId: string;
  /** The queue whose team serves it: its own, or a fallback. */
  readonly queue: string;
  readonly viaFallback: boolean;
  readonly expiresAt: Date;
}

export type WaitReason =
  'UNKNOWN_QUEUE' | 'PULL_MODE' | 'NO_AGENT_ONLINE' | 'AGENTS_BUSY' | 'ALL_ELIGIBLE_DECLINED';

export interface RoutingWait {
  readonly conversationId: string;
  readonly reason: WaitReason;
  /** The queue it waits in (a fallback when its own has nobody online), when known. */
  readonly queue?: string;
}

export interface RoutingResult {
  /** Offers to make, in decision order (priority, then wait). */
  readonly offers: readonly RoutingOffer[];
  /** Conversations left waiting, and why. */
  readonly waiting: readonly RoutingWait[];
}
