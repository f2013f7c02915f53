/**
 * What the other nodes of a cluster report as connected to them, from their announcements
 * (over Redis, and over the fallback path while Redis is unreachable, so that an outage does
 * not make every agent on another node look offline). A node that stops announcing (crashed,
 * cut off from both paths) is forgotten after three heartbeats.
 */

export interface PresenceMessage {
  readonly node: string;
  /** False when the node is shutting down: forget it at once. */
  readonly up: boolean;
  readonly agents: readonly string[];
  /** Absent when the sender does not tell (a server answering a reader): keep the last heard. */
  readonly customers?: readonly string[];
}

interface NodePresence {
  readonly agents: ReadonlySet<string>;
  readonly customers: ReadonlySet<string>;
  readonly seenAt: number;
}

const MISSED_HEARTBEATS = 3;

export class PresenceTable {
  private readonly nodes = new Map<string, NodePresence>();

  constructor(private readonly heartbeatMs: number) {}

  /** Records a node's announcement; true when the node was not known (it just joined). */
  hear(message: PresenceMessage): boolean {
    if (!message.up) {
      this.nodes.delete(message.node);
      return false;
    }
    const known = this.nodes.get(message.node);
    this.nodes.set(message.node, {
      agents: new Set(message.agents),
      customers: message.customers ? new Set(message.customers) : (known?.customers ?? new Set()),
      seenAt: Date.now(),
    });
    return !known;
  }

  hasAgent(agentId: string): boolean {
    return this.live().some((n) => n.agents.has(agentId));
  }

  hasCustomer(conversationId: string): boolean {
    return this.live().some((n) => n.customers.has(conversationId));
  }

  agentIds(): ReadonlySet<string> {
    const ids = new Set<string>();
    for (const n of this.live()) for (const id of n.agents) ids.add(id);
    return ids;
  }

  private live(): NodePresence[] {
    const cutoff = Date.now() - this.heartbeatMs * MISSED_HEARTBEATS;
    const alive: NodePresence[] = [];
    for (const [id, presence] of this.nodes) {
      if (presence.seenAt < cutoff) this.nodes.delete(id);
      else alive.push(presence);
    }
    return alive;
  }
}
