/**
 * A supervisor (or admin) moves a waiting or assigned conversation: to a queue (it waits there,
 * SLA clock restarted) or straight to a named agent who is online with free capacity (assigned
 * at once: the supervisor's decision needs no accept). The state machine's `reassign` command,
 * recorded as `conversation.reassigned` with who and why; the customer is told who takes over.
 */
import { systemMessage } from '../../core/conversation/conversation-events.ts';
import { BatonError } from '../../core/errors/baton-error.ts';
import type { AgentRecord, ConversationRecord, StoredEvent } from '../../core/records.ts';
import { applyCommand, type ApplyCommandDeps } from '../conversations/apply-command.ts';
import { agentJoinedText, transferredText } from '../conversations/customer-messages.ts';
import { requireAvailableAgent, type IsConnected } from './agent-availability.ts';
import { avatarData } from '../team/agent-avatars.ts';
import type { QueueCatalog } from './queue-catalog.ts';

export interface ReassignDeps extends ApplyCommandDeps {
  readonly isConnected: IsConnected;
  readonly queues: QueueCatalog;
}

/** Exactly one of `queue` and `agentId`. */
export type ReassignTarget = { readonly queue: string } | { readonly agentId: string };

const MOVABLE = new Set(['queued', 'offered', 'deferred', 'assigned']);

export async function reassignConversation(
  deps: ReassignDeps,
  id: string,
  supervisor: AgentRecord,
  target: ReassignTarget,
  reason?: string,
): Promise<{ conversation: ConversationRecord; events: StoredEvent[] }> {
  const current = await deps.store.conversations.get(id);
  if (!current) throw new BatonError('CONVERSATION_NOT_FOUND', `No conversation has the id ${id}.`);
  if (current.status === 'resolved' || current.status === 'abandoned') {
    throw new BatonError('CONVERSATION_CLOSED');
  }
  if (!MOVABLE.has(current.status)) {
    throw new BatonError('INVALID_TRANSITION', 'Only waiting or assigned conversations move.');
  }
  const actor = { type: 'agent' as const, id: supervisor.id, name: supervisor.name };
  const recorded = (c: ConversationRecord) => ({
    by: supervisor.id,
    byName: supervisor.name,
    fromStatus: c.status,
    fromQueue: c.queue,
    fromAgentId: c.assigneeId ?? c.offeredTo,
    ...(reason ? { reason } : {}),
  });
  if ('queue' in target) {
    return applyCommand(deps, id, {
      command: { type: 'reassign', toQueue: target.queue },
      actor,
      data: (c) => ({ ...recorded(c), toQueue: target.queue }),
      extraEvents: (c) => [
        systemMessage(
          transferredText(deps.queues.teamName(target.queue, c.language), c.language),
          'transferred',
        ),
      ],
    });
  }
  if (current.status === 'assigned' && current.assigneeId === target.agentId) {
    throw new BatonError('INVALID_TRANSITION', 'That agent already has this conversation.');
  }
  const agent = await requireAvailableAgent(deps.store, deps.isConnected, target.agentId);
  return applyCommand(deps, id, {
    command: { type: 'reassign', toAgentId: agent.id },
    capacity: { agentId: agent.id, max: agent.maxConcurrent },
    actor,
    data: (c) => ({
      ...recorded(c),
      toQueue: c.queue,
      toAgentId: agent.id,
      toAgentName: agent.name,
    }),
    extraEvents: (c) => [
      // The wait ends here, as with a claim: metrics and webhooks see an assignment.
      {
        type: 'conversation.assigned',
        actor,
        data: { agentId: agent.id, agentName: agent.name, ...avatarData(agent), via: 'reassign' },
      },
      systemMessage(
        agentJoinedText(agent.name, deps.queues.teamName(c.queue, c.language), c.language),
        'agent_joined',
      ),
    ],
  });
}
