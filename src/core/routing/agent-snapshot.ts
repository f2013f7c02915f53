/** What routing needs to know about an agent at one instant; the server builds it from the store. */

export type Presence = 'online' | 'away' | 'offline';

export interface AgentSnapshot {
  readonly id: string;
  readonly name: string;
  readonly skills: readonly string[];
  readonly languages: readonly string[];
  readonly presence: Presence;
  /** Maximum concurrent conversations (assigned plus offered). */
  readonly capacity: number;
  /** Conversations currently assigned to or offered to this agent. */
  readonly load: number;
}

/** Free slots of an agent; never negative, even on a snapshot that is over capacity. */
export function freeCapacity(agent: AgentSnapshot): number {
  return Math.max(0, agent.capacity - agent.load);
}
