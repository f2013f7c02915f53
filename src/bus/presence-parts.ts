/**
 * A node's presence on the fallback path (PostgreSQL NOTIFY, under 8000 bytes a payload),
 * however many agents and customers it has. A heartbeat that fits one payload goes whole, in
 * the format every version reads (`presence`); a longer one is cut into parts under the
 * limit (`presence-part`, fallback.ts), numbered `part` of `parts` under one `beat` (the
 * sender's heartbeat count, which only grows); the receiver takes a node's presence only
 * once every part of one beat came. A heartbeat missing a part is never taken: the node's
 * last complete one stays in force until the next complete one (or until it is forgotten,
 * three heartbeats after it). Used by the cluster's nodes (redis-bus.ts) and by the presence
 * answers and reader of a server without Redis (store/pg-presence.ts).
 */
import type { PresenceMessage } from './cluster-presence.ts';
import {
  FALLBACK_PAYLOAD_LIMIT,
  PRESENCE_PARTS_VERSION,
  type FallbackPresence,
  type FallbackPresencePart,
  type FallbackWholePresence,
} from './fallback.ts';

interface PartIds {
  agents: string[];
  customers: string[];
}

/**
 * The longest id a heartbeat carries over NOTIFY: every route takes an agent or conversation
 * id of at most 100 characters (src/http/routes/schemas.ts), and Baton's own are ~34. Any
 * longer one is no id of Baton's; left out, it cannot make a part NOTIFY refuses, which would
 * lose the whole heartbeat (every part goes in one transaction).
 */
export const PRESENCE_ID_MAX_LENGTH = 100;

/** An id left out of a NOTIFY heartbeat: longer than any id Baton takes. */
export class PresenceIdTooLong extends Error {
  constructor(readonly id: string) {
    super(
      `presence over NOTIFY: left out an id of ${id.length} characters (at most ${PRESENCE_ID_MAX_LENGTH}), starting ${JSON.stringify(id.slice(0, 20))}`,
    );
  }
}

export interface PresencePayloads {
  /** Each under the NOTIFY limit; send them together. */
  readonly payloads: string[];
  /** Ids left out (too long): report them. */
  readonly refused: readonly PresenceIdTooLong[];
}

/**
 * The payloads of one heartbeat.
 * @param redis whether the sender also published the whole on Redis (told to the parts).
 */
export function presencePayloads(
  full: PresenceMessage,
  beat: number,
  redis = false,
): PresencePayloads {
  const refused: PresenceIdTooLong[] = [];
  const fitting = (list: readonly string[]) =>
    list.filter((id) => {
      if (id.length <= PRESENCE_ID_MAX_LENGTH) return true;
      refused.push(new PresenceIdTooLong(id));
      return false;
    });
  const message: PresenceMessage = {
    ...full,
    agents: fitting(full.agents),
    ...(full.customers ? { customers: fitting(full.customers) } : {}),
  };
  return { payloads: payloadsOf(message, beat, redis), refused };
}

function payloadsOf(message: PresenceMessage, beat: number, redis: boolean): string[] {
  const { node, up, customers } = message;
  const whole = JSON.stringify({
    kind: 'presence',
    ...message,
    beat,
  } satisfies FallbackWholePresence);
  // A goodbye is always short; so is every heartbeat of a node with few sockets.
  if (!up || Buffer.byteLength(whole) < FALLBACK_PAYLOAD_LIMIT) return [whole];
  // The numbers at their longest: the envelope's size bounds every part's.
  const envelope = byteLength({
    kind: 'presence-part',
    v: PRESENCE_PARTS_VERSION,
    node,
    up,
    beat: Number.MAX_SAFE_INTEGER,
    part: Number.MAX_SAFE_INTEGER,
    parts: Number.MAX_SAFE_INTEGER,
    redis: false,
    agents: [],
    customers: [],
  });
  let current: PartIds = { agents: [], customers: [] };
  const parts = [current];
  let size = envelope;
  const add = (list: keyof PartIds, id: string) => {
    const cost = byteLength(id) + 1;
    // Every id fits a part (PRESENCE_ID_MAX_LENGTH); an empty part takes one whatever it costs.
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
      kind: 'presence-part',
      v: PRESENCE_PARTS_VERSION,
      node,
      up,
      beat,
      part: i,
      parts: parts.length,
      redis,
      agents: part.agents,
      // Absent stays absent: the receiver keeps the customers it heard last.
      ...(customers ? { customers: part.customers } : {}),
    } satisfies FallbackPresencePart),
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
  readonly received: Map<number, FallbackPresencePart>;
  readonly at: number;
}

/** Puts each node's heartbeats back together from their parts. */
export class PresenceAssembler {
  private readonly pending = new Map<string, Pending>();
  /** The last beat taken per node: an older one heard late is not taken over it. */
  private readonly taken = new Map<string, { beat: number; at: number }>();

  /** @param forgetMs how long a silent node's state is kept (three heartbeats). */
  constructor(private readonly forgetMs: number) {}

  /** The node's whole presence once this message completes its heartbeat; else undefined. */
  add(message: FallbackPresence): PresenceMessage | undefined {
    this.forgetSilent();
    const { node } = message;
    if (message.kind === 'presence') {
      // A goodbye, or an unnumbered whole (a reader's, a node's from before beats), stands
      // alone; a numbered whole is ordered among the node's parts.
      if (!message.up || message.beat === undefined) {
        this.pending.delete(node);
        if (!message.up) this.taken.delete(node);
        return presenceOf(message);
      }
      if (!this.isNewest(node, message.beat)) return undefined;
      this.pending.delete(node);
      this.taken.set(node, { beat: message.beat, at: Date.now() });
      return presenceOf(message);
    }
    const { beat } = message;
    if (!this.isNewest(node, beat)) return undefined;
    let pending = this.pending.get(node);
    // A newer beat: the one pending lost a part and will never be complete.
    if (!pending || beat > pending.beat) {
      pending = { beat, parts: message.parts, received: new Map(), at: Date.now() };
      this.pending.set(node, pending);
    }
    // A part numbered past the count its beat started with is no part of that beat.
    if (message.parts !== pending.parts) return undefined;
    pending.received.set(message.part, message);
    if (pending.received.size < pending.parts) return undefined;
    this.pending.delete(node);
    this.taken.set(node, { beat, at: Date.now() });
    const ordered = [...pending.received.entries()].sort(([a], [b]) => a - b).map(([, p]) => p);
    return whole(node, ordered);
  }

  /** Not older than the beat taken last nor than the one pending. */
  private isNewest(node: string, beat: number): boolean {
    if (beat <= (this.taken.get(node)?.beat ?? -Infinity)) return false;
    return beat >= (this.pending.get(node)?.beat ?? -Infinity);
  }

  private forgetSilent(): void {
    const cutoff = Date.now() - this.forgetMs;
    for (const [node, p] of this.pending) if (p.at < cutoff) this.pending.delete(node);
    for (const [node, t] of this.taken) if (t.at < cutoff) this.taken.delete(node);
  }
}

function presenceOf(message: FallbackWholePresence): PresenceMessage {
  const { node, up, agents, customers } = message;
  return customers ? { node, up, agents, customers } : { node, up, agents };
}

function whole(node: string, parts: readonly FallbackPresencePart[]): PresenceMessage {
  const agents = parts.flatMap((p) => p.agents);
  const told = parts.every((p) => p.customers !== undefined);
  return told
    ? { node, up: true, agents, customers: parts.flatMap((p) => p.customers ?? []) }
    : { node, up: true, agents };
}

function byteLength(value: unknown): number {
  return Buffer.byteLength(JSON.stringify(value));
}
