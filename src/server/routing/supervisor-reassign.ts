/**
 * A supervisor (or admin) moves a waiting or assigned conversation: to a queue (it waits there,
 * SLA clock restarted) or straight to a named agent who is online with free capacity (assigned
 * at once: the supervisor's decision needs no accept). Recorded as `conversation.reassigned`
 * with who and why; the customer is told who takes over. The previous agent loses it.
 */
import type { EventBus } from '../../bus/event-bus.ts';
import { BatonError } from '../../core/errors/baton-error.ts';
import type {
  AgentRecord,
  ConversationRecord,
  NewEvent,
  StoredEvent,
} from '../../store/records.ts';
import type { Store } from '../../store/store.ts';
import { agentJoinedText, transferredText } from '../conversations/customer-messages.ts';
import { LIFECYCLE_TIMERS } from '../timers/lifecycle-timers.ts';
import { slaTimer } from '../timers/sla-breach.ts';
import { requireAvailableAgent, type IsConnected } from './agent-availability.ts';
import type { SlaMsFor } from './queue-sla.ts';
import type { QueueCatalog } from './queue-catalog.ts';

export interface ReassignDeps {
  readonly store: Store;
  readonly bus: EventBus;
  readonly clock: () => Date;
  readonly slaMsFor: SlaMsFor;
  readonly isConnected: IsConnected;
  readonly queues: QueueCatalog;
}

/** Exactly one of `queue` and `agentId`. */
export type ReassignTarget = { readonly queue: string } | { readonly agentId: string };

const MOVABLE = new Set(['queued', 'offered', 'deferred', 'assigned']);

const systemMessage = (text: string, kind: string): NewEvent => ({
  type: 'message.created',
  actor: { type: 'system' },
  data: { from: 'system', text, kind },
});

export async function reassignConversation(
  deps: ReassignDeps,
  id: string,
  supervisor: AgentRecord,
  target: ReassignTarget,
  reason?: string,
): Promise<{ conversation: ConversationRecord; events: StoredEvent[] }> {
  // The router may offer it meanwhile: decide once more from the new state before giving up.
  for (let attempt = 0; ; attempt++) {
    const done = await reassignOnce(deps, id, supervisor, target, reason);
    if (done) return done;
    if (attempt >= 1)
      throw new BatonError('INVALID_TRANSITION', 'The conversation changed meanwhile; try again.');
  }
}

async function reassignOnce(
  deps: ReassignDeps,
  id: string,
  supervisor: AgentRecord,
  target: ReassignTarget,
  reason?: string,
): Promise<{ conversation: ConversationRecord; events: StoredEvent[] } | null> {
  const current = await deps.store.conversations.get(id);
  if (!current) throw new BatonError('CONVERSATION_NOT_FOUND', `No conversation has the id ${id}.`);
  if (current.status === 'resolved' || current.status === 'abandoned') {
    throw new BatonError('CONVERSATION_CLOSED');
  }
  if (!MOVABLE.has(current.status)) {
    throw new BatonError('INVALID_TRANSITION', 'Only waiting or assigned conversations move.');
  }
  const now = deps.clock();
  const actor = { type: 'agent' as const, id: supervisor.id, name: supervisor.name };
  const recorded = {
    by: supervisor.id,
    byName: supervisor.name,
    fromStatus: current.status,
    fromQueue: current.queue,
    fromAgentId: current.assigneeId ?? current.offeredTo,
    ...(reason ? { reason } : {}),
  };
  let input;
  if ('agentId' in target) {
    if (current.status === 'assigned' && current.assigneeId === target.agentId) {
      throw new BatonError('INVALID_TRANSITION', 'That agent already has this conversation.');
    }
    const agent = await requireAvailableAgent(deps.store, deps.isConnected, target.agentId);
    input = {
      changes: { status: 'assigned' as const, assigneeId: agent.id, offeredTo: null },
      events: [
        {
          type: 'conversation.reassigned',
          actor,
          data: {
            ...recorded,
            toQueue: current.queue,
            toAgentId: agent.id,
            toAgentName: agent.name,
          },
        },
        // The wait ends here, as with a claim: metrics and webhooks see an assignment.
        {
          type: 'conversation.assigned',
          actor,
          data: { agentId: agent.id, agentName: agent.name, via: 'reassign' },
        },
        systemMessage(
          agentJoinedText(agent.name, deps.queues.teamName(current.queue), current.language),
          'agent_joined',
        ),
      ],
      timers: { cancel: LIFECYCLE_TIMERS },
    };
  } else {
    input = {
      changes: {
        status: 'queued' as const,
        queue: target.queue,
        assigneeId: null,
        offeredTo: null,
      },
      events: [
        { type: 'conversation.reassigned', actor, data: { ...recorded, toQueue: target.queue } },
        systemMessage(
          transferredText(deps.queues.teamName(target.queue), current.language),
          'transferred',
        ),
      ],
      timers: { cancel: LIFECYCLE_TIMERS, schedule: [slaTimer(now, deps.slaMsFor(target.queue))] },
    };
  }
  const result = await deps.store.conversations.commit({
    conversationId: id,
    expectStatus: [current.status],
    expectAssigneeId: current.assigneeId,
    ...input,
    now,
  });
  if (!result.ok) {
    if (result.reason === 'not_found') throw new BatonError('CONVERSATION_NOT_FOUND');
    return null;
  }
  deps.bus.publish(result);
  return { conversation: result.conversation, events: result.events };
}
