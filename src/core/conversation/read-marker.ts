/**
 * Read receipts (`message.read`): how far each side has seen the other's messages. Pure, so
 * the rules are testable: a marker lands on a message of the other side (never on a receipt,
 * so two open screens cannot answer each other's receipts forever), never goes back, never
 * passes the last seq, and the same marker twice is no new event.
 */
import type { StoredEvent } from '../records.ts';
import type { EventActorType } from './conversation-events.ts';

export type ReadBy = 'customer' | 'agent';

/** Whose messages each side reads: the customer reads the agents', the agents the customer's. */
const READS: Readonly<Record<ReadBy, EventActorType>> = { customer: 'agent', agent: 'customer' };

export type ReadDecision =
  | { readonly kind: 'mark'; readonly upToSeq: number }
  | { readonly kind: 'unchanged'; readonly upToSeq: number }
  | { readonly kind: 'beyond_end' };

/** The marker `by` holds now: the highest `upToSeq` of their receipts, 0 before any. */
export function readMarkerOf(events: readonly StoredEvent[], by: ReadBy): number {
  let marker = 0;
  for (const e of events) {
    if (e.type === 'message.read' && e.data.by === by) marker = Math.max(marker, e.data.upToSeq);
  }
  return marker;
}

/**
 * What `by` saying "seen up to `upToSeq`" changes: the marker moves to the last message of the
 * other side at or before it, if that is past the marker held; otherwise nothing changes.
 */
export function decideRead(
  events: readonly StoredEvent[],
  lastSeq: number,
  by: ReadBy,
  upToSeq: number,
): ReadDecision {
  if (upToSeq > lastSeq) return { kind: 'beyond_end' };
  let target = 0;
  for (const e of events) {
    if (e.seq <= upToSeq && e.type === 'message.created' && e.data.from === READS[by])
      target = Math.max(target, e.seq);
  }
  const held = readMarkerOf(events, by);
  return target > held ? { kind: 'mark', upToSeq: target } : { kind: 'unchanged', upToSeq: held };
}
