/**
 * Where a conversation overflows when its first-response SLA is breached: the first queue of
 * its current queue's fallback chain that it has not been in yet. Null when there is none
 * (`sales` and `general` have no fallback: the conversation keeps waiting where it is).
 */
import type { QueueConfig } from './queue-config.ts';

export function overflowTarget(
  queues: ReadonlyMap<string, QueueConfig>,
  current: string,
  visited: readonly string[],
): string | null {
  const queue = queues.get(current);
  if (queue === undefined) return null;
  for (const id of queue.fallback) {
    if (id !== current && queues.has(id) && !visited.includes(id)) return id;
  }
  return null;
}
