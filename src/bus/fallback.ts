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
 * A node's presence on the fallback path, or one part of it (presence-parts.ts): every node
 * of a cluster on PostgreSQL sends it each heartbeat (redis-bus.ts), a server on PostgreSQL
 * without Redis in answer to a reader (store/pg-presence.ts), and `baton agents list` reads
 * it there.
 */
export type FallbackPresence = { readonly kind: 'presence' } & PresenceMessage & {
    /** The sender's heartbeat, `part` of `parts` (from 0); absent: the whole of it. */
    readonly beat?: number;
    readonly part?: number;
    readonly parts?: number;
  };

/** The presence message (or part) in a fallback payload; undefined for anything else. */
export function presenceFromFallback(payload: string): FallbackPresence | undefined {
  const value = parseJsonObjectText(payload);
  if (!value) return undefined;
  const { kind, node, up, agents, customers, beat, part, parts } = value;
  if (kind !== 'presence' || typeof node !== 'string' || typeof up !== 'boolean') return undefined;
  if (!isIds(agents) || (customers !== undefined && !isIds(customers))) return undefined;
  const numbered = [beat, part, parts].filter((n) => n !== undefined);
  if (numbered.length !== 0 && (numbered.length !== 3 || !numbered.every(Number.isSafeInteger)))
    return undefined;
  return value as unknown as FallbackPresence;
}

function isIds(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((id) => typeof id === 'string');
}
