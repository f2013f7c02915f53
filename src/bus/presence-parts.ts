/**
 * A node's presence on the fallback path (PostgreSQL NOTIFY, under 8000 bytes a payload) in
 * parts, however many agents and customers it has. Each heartbeat is cut into parts under
 * the limit, numbered `part` of `parts` under one `beat` (the sender's heartbeat count, which
 * only grows); the receiver takes a node's presence only once every part of one beat came.
 * A heartbeat missing a part is never taken: the node's last complete one stays in force
 * until the next complete one (or until it is forgotten, three heartbeats after it).
 * Used by the cluster's nodes (redis-bus.ts) and by the presence answers and reader of a
 * server without Redis (store/pg-presence.ts).
 */
import type { PresenceMessage } from './cluster-presence.ts';
import { FALLBACK_PAYLOAD_LIMIT, type FallbackPresence } from './fallback.ts';

interface PartIds {
  agents: string[];
  customers: string[];
}

/** The payloads of one heartbeat, each under the NOTIFY limit; send them together. */
export function presencePayloads(message: PresenceMessage, beat: number): string[] {
  const { node, up, customers } = message;
  // The numbers at their longest: the envelope's size bounds every part's.
  const envelope = byteLength({
    kind: 'presence',
    node,
    up,
    beat: Number.MAX_SAFE_INTEGER,
    part: Number.MAX_SAFE_INTEGER,
    parts: Number.MAX_SAFE_INTEGER,
    agents: [],
    customers: [],
  });
  let current: PartIds = { agents: [], customers: [] };
  const parts = [current];
  let size = envelope;
  const add = (list: keyof PartIds, id: string) => {
    const cost = byteLength(id) + 1;
    // A part takes one id at least, even one too long to fit (NOTIFY will refuse it).
    if (size + cost > FALLBACK_PAYLOAD_LIMIT && current.agents.length + current.customers.length) {
      current = { agents: [], customers: [] };
      parts.push(current);
      size = envelope;
    }
    current[list].push(id);
    size += cost;
  };
  for (const id of message.agents) add('agents', id);
  for (const id of customers ?? []) add('customers', id);
  return parts.map((part, i) =>
    JSON.stringify({
      kind: 'presence',
      node,
      up,
      beat,
      part: i,
      parts: parts.length,
      agents: part.agents,
      // Absent stays absent: the receiver keeps the customers it heard last.
      ...(customers ? { customers: part.customers } : {}),
    } satisfies FallbackPresence),
  );
}

/** A sender's beat numbers: growing, also across restarts of a node under one id. */
export function presenceBeats(): () => number {
  let last = 0;
  return () => (last = Math.max(Date.now(), last + 1));
}

interface Pending {
  readonly beat: number;
  readonly parts: number;
  readonly received: Map<number, FallbackPresence>;
  readonly at: number;
}

/** Puts each node's heartbeats back together from their parts. */
export class PresenceAssembler {
  private readonly pending = new Map<string, Pending>();
  /** The last beat taken per node: an older one heard late is not taken over it. */
  private readonly taken = new Map<string, { beat: number; at: number }>();

  /** @param forgetMs how long a silent node's state is kept (three heartbeats). */
  constructor(private readonly forgetMs: number) {}

  /** The node's whole presence once this part completes its heartbeat; else undefined. */
  add(part: FallbackPresence): PresenceMessage | undefined {
    this.forgetSilent();
    const { node } = part;
    // A goodbye stands alone; a message without parts (a reader's, an older node's) too.
    if (!part.up || part.beat === undefined || part.part === undefined || !part.parts) {
      this.pending.delete(node);
      if (!part.up) this.taken.delete(node);
      return whole(part.node, part.up, [part]);
    }
    const { beat } = part;
    if (beat <= (this.taken.get(node)?.beat ?? -Infinity)) return undefined;
    let pending = this.pending.get(node);
    if (pending && beat < pending.beat) return undefined;
    // A newer beat: the one pending lost a part and will never be complete.
    if (!pending || beat > pending.beat) {
      pending = { beat, parts: part.parts, received: new Map(), at: Date.now() };
      this.pending.set(node, pending);
    }
    pending.received.set(part.part, part);
    if (pending.received.size < pending.parts) return undefined;
    this.pending.delete(node);
    this.taken.set(node, { beat, at: Date.now() });
    const ordered = [...pending.received.entries()].sort(([a], [b]) => a - b).map(([, p]) => p);
    return whole(node, true, ordered);
  }

  private forgetSilent(): void {
    const cutoff = Date.now() - this.forgetMs;
    for (const [node, p] of this.pending) if (p.at < cutoff) this.pending.delete(node);
    for (const [node, t] of this.taken) if (t.at < cutoff) this.taken.delete(node);
  }
}

function whole(node: string, up: boolean, parts: readonly FallbackPresence[]): PresenceMessage {
  const agents = parts.flatMap((p) => p.agents);
  const told = parts.every((p) => p.customers !== undefined);
  return told
    ? { node, up, agents, customers: parts.flatMap((p) => p.customers ?? []) }
    : { node, up, agents };
}

function byteLength(value: unknown): number {
  return Buffer.byteLength(JSON.stringify(value));
}
