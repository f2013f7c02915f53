/**
 * Presence follows the inbox socket. An agent is made online when their inbox opens (unless
 * they chose away), and when their last inbox socket has been gone for the grace period
 * (routing.deadEnds.ownerGoneSeconds) they are set offline and every conversation they hold
 * goes back to the queue, the customer told. After a node restart nobody is connected, so
 * the grace counts from the first sweep: nothing is kept by someone who is not there.
 */
import type { AgentRecord } from '../../core/records.ts';
import type { Presence } from '../../core/routing/agent-snapshot.ts';
import type { Store } from '../../store/store.ts';

export interface OwnerPresenceDeps {
  readonly store: Store;
  readonly clock: () => Date;
  readonly isConnected: (agentId: string) => boolean;
  readonly graceMs: number;
  /** Hands back what they hold (AgentWorkflow.releaseAll). */
  readonly release: (agent: AgentRecord) => Promise<number>;
}

export class OwnerPresence {
  /** Since when each holder has been seen without an inbox socket (this node's view). */
  private readonly goneSince = new Map<string, number>();

  constructor(private readonly deps: OwnerPresenceDeps) {}

  /**
   * The inbox opened: available, unless they said they are away. Returns the presence it
   * leaves (null for an unknown agent), so the inbox can show what routing counts on.
   */
  async connected(agentId: string): Promise<Presence | null> {
    this.goneSince.delete(agentId);
    const agent = await this.deps.store.agents.get(agentId);
    if (!agent) return null;
    if (agent.presence !== 'offline') return agent.presence;
    return (await this.deps.store.agents.setPresence(agentId, 'online'))?.presence ?? 'online';
  }

  /** One pass; returns how many conversations were handed back. */
  async sweep(): Promise<number> {
    const now = this.deps.clock().getTime();
    const held = await this.deps.store.reads.loadByAgent();
    let released = 0;
    for (const agent of await this.deps.store.agents.list()) {
      if (this.deps.isConnected(agent.id)) {
        this.goneSince.delete(agent.id);
        continue;
      }
      if (agent.presence === 'offline' && (held.get(agent.id) ?? 0) === 0) continue;
      const since = this.goneSince.get(agent.id) ?? now;
      this.goneSince.set(agent.id, since);
      if (now - since < this.deps.graceMs) continue;
      this.goneSince.delete(agent.id);
      const offline = (await this.deps.store.agents.setPresence(agent.id, 'offline')) ?? agent;
      released += await this.deps.release(offline);
    }
    return released;
  }
}
