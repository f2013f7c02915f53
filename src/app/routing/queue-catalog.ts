/**
 * The queues in force: `routing.queues` from the config when the operator wrote them, else
 * the built-in six. Built once at boot; every part that needs a queue's team name, fallback
 * or calendar asks this rather than the defaults, so a configured queue works everywhere.
 */
import { DEFAULT_QUEUES } from '../../core/routing/default-queues.ts';
import type { QueueConfig } from '../../core/routing/queue-config.ts';

export interface QueueCatalog {
  readonly list: readonly QueueConfig[];
  get(id: string | null): QueueConfig | undefined;
  has(id: string): boolean;
  /** The team name customers hear ("Alex from Billing"); the id when the queue is unknown. */
  teamName(id: string | null): string;
}

export function queueCatalog(queues: readonly QueueConfig[] = DEFAULT_QUEUES): QueueCatalog {
  const byId = new Map(queues.map((q) => [q.id, q]));
  return {
    list: queues,
    get: (id) => (id === null ? undefined : byId.get(id)),
    has: (id) => byId.has(id),
    teamName: (id) => (id === null ? 'our team' : (byId.get(id)?.name ?? id)),
  };
}
