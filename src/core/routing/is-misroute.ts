/**
 * The misroute rule: a transfer back to a queue the conversation already came from, or any
 * second transfer, means the first routing (or the first transfer) was wrong.
 */

export interface RoutingHistory {
  /** The queue the handoff chose. */
  readonly initialQueue: string;
  /** Transfers in order; a transfer to an agent keeps that agent's queue as `toQueue`. */
  readonly transfers: readonly { readonly toQueue: string; readonly toAgentId?: string }[];
}

export type MisrouteReason = 'TRANSFER_BACK' | 'SECOND_TRANSFER';

/** Why the history counts as a misroute, or null when it does not. */
export function misrouteReason(history: RoutingHistory): MisrouteReason | null {
  const visited = new Set([history.initialQueue]);
  let current = history.initialQueue;
  for (const [i, t] of history.transfers.entries()) {
    // Handing to a named colleague in the same queue is a transfer, not a bounce back.
    const toColleague = t.toAgentId !== undefined && t.toQueue === current;
    if (!toColleague && visited.has(t.toQueue)) return 'TRANSFER_BACK';
    if (i >= 1) return 'SECOND_TRANSFER';
    visited.add(t.toQueue);
    current = t.toQueue;
  }
  return null;
}

/** True when the conversation was transferred back to a queue it came from, or twice. */
export function isMisroute(history: RoutingHistory): boolean {
  return misrouteReason(history) !== null;
}
