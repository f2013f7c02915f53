/**
 * The queues in force: `routing.queues` from the config when the operator wrote them, else
 * the built-in six. Built once at boot; every part that needs a queue's team name, fallback
 * or calendar asks this rather than the defaults, so a configured queue works everywhere.
 */
import { DEFAULT_QUEUES } from '../../core/routing/default-queues.ts';
import type { QueueConfig } from '../../core/routing/queue-config.ts';
import { byLanguage, customerText } from '../../core/i18n/customer-text.ts';

export interface QueueCatalog {
  readonly list: readonly QueueConfig[];
  get(id: string | null): QueueConfig | undefined;
  has(id: string): boolean;
  /**
   * The team name customers hear ("Alex from Billing", "Alex, de Facturación"): the queue's
   * name in the customer's language when it has one, else its name; the id when unknown.
   */
  teamName(id: string | null, language?: string | null): string;
  /**
   * The one name staff screens show for a queue (inbox, supervisor view, analytics): its
   * configured `name`, the team name an English-speaking customer hears; the id when unknown.
   */
  displayName(id: string): string;
}

export function queueCatalog(queues: readonly QueueConfig[] = DEFAULT_QUEUES): QueueCatalog {
  const byId = new Map(queues.map((q) => [q.id, q]));
  const teamName: QueueCatalog['teamName'] = (id, language) => {
    if (id === null) return customerText('our_team', language, {});
    const queue = byId.get(id);
    if (!queue) return id;
    return byLanguage(queue.names, language) || queue.name;
  };
  return {
    list: queues,
    get: (id) => (id === null ? undefined : byId.get(id)),
    has: (id) => byId.has(id),
    // Staff see the name a customer is told when no language is asked for: one rule, not two.
    displayName: (id) => teamName(id),
    teamName,
  };
}
