/**
 * Recontact within 7 days: a handed-over conversation was resolved, and the same customer (same
 * id or email) started a new conversation within the 7 days after. A resolved conversation
 * takes no more messages, so a customer who "reopens" always does it this way.
 */
import type { ConversationFacts } from './conversation-facts.ts';

export const RECONTACT_WINDOW_MS = 7 * 86_400_000;

export function recontacts(
  handed: readonly ConversationFacts[],
  context: readonly ConversationFacts[],
): { resolved: number; withinWindow: number; rate: number | null } {
  const startsByCustomer = new Map<string, number[]>();
  for (const f of context) {
    if (f.customerKey === null || f.startedAt === null) continue;
    const list = startsByCustomer.get(f.customerKey) ?? [];
    list.push(Date.parse(f.startedAt));
    startsByCustomer.set(f.customerKey, list);
  }
  const resolved = handed.filter((f) => f.resolvedAt !== null);
  const withinWindow = resolved.filter((f) => recontacted(f, startsByCustomer)).length;
  return {
    resolved: resolved.length,
    withinWindow,
    rate: resolved.length === 0 ? null : withinWindow / resolved.length,
  };
}

/** True when this resolved conversation's customer came back within the window. */
export function recontacted(
  f: ConversationFacts,
  startsByCustomer: ReadonlyMap<string, readonly number[]>,
): boolean {
  if (f.customerKey === null || f.resolvedAt === null) return false;
  const end = Date.parse(f.resolvedAt);
  return (startsByCustomer.get(f.customerKey) ?? []).some(
    (t) => t > end && t - end <= RECONTACT_WINDOW_MS,
  );
}
