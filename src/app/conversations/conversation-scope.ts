/**
 * Which conversations an agent may open: one rule for the history, the inbox, a single read
 * over HTTP and the inbox socket. Supervisors and admins see every conversation; an agent
 * sees what is offered or assigned to them, what they took part in, and what waits in a
 * queue they are a member of (they have every skill the queue requires); with
 * `inbox.agentsSee: all` they may also read every conversation handed over to a person. The store applies
 * the rule in SQL (conversation-history.ts); `announcedTo` is its part that a conversation
 * record alone can answer, for the inbox socket's live updates.
 */
import type { AgentRecord, ConversationRecord } from '../../core/records.ts';
import type { QueueCatalog } from '../routing/queue-catalog.ts';

/**
 * An agent's view: their id, the queues they are a member of, and whether they may also read
 * every conversation handed over to a person; null sees everything.
 */
export type AgentScope = {
  readonly agentId: string;
  readonly queues: readonly string[];
  readonly everyHandedOver: boolean;
} | null;

/**
 * `inbox.agentsSee`: what agents may read beyond their part of the line. `their_queues`: what
 * waits in their queues, is theirs or they took part in; `all`: also every conversation handed
 * over to a person, in any queue (read only: writes keep to `their_queues`). Neither opens a
 * conversation only the bot has had.
 */
export type AgentsSee = 'their_queues' | 'all';

export const WAITING_STATUSES: readonly string[] = ['queued', 'offered', 'deferred'];

export function scopeOf(
  agent: AgentRecord,
  queues: QueueCatalog,
  agentsSee: AgentsSee = 'their_queues',
): AgentScope {
  if (agent.role === 'supervisor' || agent.role === 'admin') return null;
  const member = queues.list
    .filter((q) => q.requiredSkills.every((skill) => agent.skills.includes(skill)))
    .map((q) => q.id);
  return { agentId: agent.id, queues: member, everyHandedOver: agentsSee === 'all' };
}

/**
 * Whether the inbox announces this conversation to the agent: the record-only part of the
 * rule (offered or assigned to them, or waiting in one of their queues). What they took
 * part in earlier they can still open, but it is not news for their inbox.
 */
export function announcedTo(scope: AgentScope, c: ConversationRecord): boolean {
  if (scope === null) return true;
  if (c.assigneeId === scope.agentId || c.offeredTo === scope.agentId) return true;
  return WAITING_STATUSES.includes(c.status) && c.queue !== null && scope.queues.includes(c.queue);
}
