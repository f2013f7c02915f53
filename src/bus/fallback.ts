/**
 * The second path between the nodes of a cluster, for when Redis cannot be reached: small
 * messages through the database every node shares (PostgreSQL NOTIFY). A change travels as
 * a reference (conversation id and seq range) and is read back from the database, the
 * source of truth, so the message stays far below NOTIFY's 8000-byte payload limit; a
 * node's presence, which can be longer, goes in parts (presence-parts.ts).
 */
import type { PresenceMessage } from './cluster-presence.ts';
import type { ConversationChange, DependencyHealth } from './event-bus.ts';
import { parseJsonObjectText } from '../core/json/parse-json-object.ts';

export interface FallbackTransport {
  /** Sends one message to every node (this one included; receivers skip their own). */
  send(payload: string): Promise<void>;
  /** Sends several in one go: every node hears all of them, in order, or none. */
  sendAll(payloads: readonly string[]): Promise<void>;
  /** Starts hearing every node's messages. */
  listen(onPayload: (payload: string) => void): Promise<void>;
  /**
   * Whether this node hears the path (its listening connection is open), since when: while
   * it does not, no other node's presence or change reaches it here, and no reader's question.
   */
  health(): DependencyHealth;
  close(): Promise<void>;
}

/** Where a committed change can be read back: its conversation and seq range. */
export interface ChangeRef {
  readonly id: string;
  readonly fromSeq: number;
  readonly toSeq: number;
}

export type LoadChange = (ref: ChangeRef) => Promise<ConversationChange | undefined>;

export interface BusFallback {
  readonly transport: FallbackTransport;
  readonly loadChange: LoadChange;
}

/** NOTIFY refuses payloads of 8000 bytes or more; leave room for the envelope. */
export const FALLBACK_PAYLOAD_LIMIT = 7500;

export function changeRef(change: ConversationChange): ChangeRef {
  const last = change.conversation.lastSeq;
  return { id: change.conversation.id, fromSeq: last - change.events.length + 1, toSeq: last };
}

/**
 * A node's presence on the fallback path: every node of a cluster on PostgreSQL sends it each
 * heartbeat (redis-bus.ts), a server on PostgreSQL without Redis in answer to a reader
 * (store/pg-presence.ts), and `baton agents list` reads it there. Two kinds, so that no reader
 * of either version takes a part for the whole (docs/routing.md, "presence on the wire"):
 * - `presence`: the whole of a heartbeat, in one payload, as every version reads it. `beat`
 *   orders it among the sender's others; a reader from before parts ignores it.
 * - `presence-part` (`v` 2): one part of a heartbeat too long for one payload. A reader from
 *   before parts does not know the kind and never counts it as presence.
 */
export type FallbackPresence = FallbackWholePresence | FallbackPresencePart;

export type FallbackWholePresence = {
  readonly kind: 'presence';
  readonly beat?: number;
} & PresenceMessage;

export type FallbackPresencePart = {
  readonly kind: 'presence-part';
  readonly v: typeof PRESENCE_PARTS_VERSION;
  /** The sender's heartbeat; this is `part` of `parts` (from 0). */
  readonly beat: number;
  readonly part: number;
  readonly parts: number;
  /**
   * Whether the sender published the whole on Redis too: a node from before parts, its own
   * Redis up, then drops the part without a look (it has the whole from Redis).
   */
  readonly redis: boolean;
} & PresenceMessage;

/** The version of the parts' format; a reader takes no part of another version. */
export const PRESENCE_PARTS_VERSION = 2;

/** The presence message (whole or a part) in a fallback payload; undefined for anything else. */
export function presenceFromFallback(payload: string): FallbackPresence | undefined {
  const value = parseJsonObjectText(payload);
  if (!value) return undefined;
  const { kind, node, up, agents, customers, beat, part, parts } = value;
  if (typeof node !== 'string' || typeof up !== 'boolean') return undefined;
  if (!isIds(agents) || (customers !== undefined && !isIds(customers))) return undefined;
  const message = { node, up, agents, ...(customers !== undefined ? { customers } : {}) };
  if (kind === 'presence') {
    // Numbered like a part: the unversioned parts of a build before this format. Never whole.
    if (part !== undefined || parts !== undefined) return undefined;
    if (beat !== undefined && !Number.isSafeInteger(beat)) return undefined;
    return { kind, ...message, ...(beat !== undefined ? { beat: beat as number } : {}) };
  }
  if (kind !== 'presence-part' || value.v !== PRESENCE_PARTS_VERSION || !up) return undefined;
  if (!isCount(beat) || !isCount(part) || !isCount(parts) || part >= parts) return undefined;
  const redis = value.redis === true;
  return { kind, v: PRESENCE_PARTS_VERSION, beat, part, parts, redis, ...message };
}

function isCount(value: unknown): value is number {
  return Number.isSafeInteger(value) && (value as number) >= 0;
}

function isIds(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((id) => typeof id === 'string');
}
