/**
 * What an agent does to a conversation besides writing: claim, transfer, hand back to the
 * bot, leave an internal note, resolve. Each is a state-machine command (or a note event)
 * recorded with who, when and why, and what the customer is told.
 */
import { BatonError } from '../../core/errors/baton-error.ts';
import type { AgentRecord, StoredEvent } from '../../store/records.ts';
import { OFFER_TIMER } from '../routing/router-service.ts';
import { slaTimer } from '../timers/sla-breach.ts';
import { applyCommand, type ApplyCommandDeps } from './apply-command.ts';
import {
  agentJoinedText,
  agentLeftText,
  CSAT_REQUEST_TEXT,
  resolvedText,
  returnedToBotText,
  transferredText,
} from './customer-messages.ts';
import { LIFECYCLE_TIMERS } from '../timers/lifecycle-timers.ts';

const agentActor = (agent: AgentRecord) => ({
  type: 'agent' as const,
  id: agent.id,
  name: agent.name,
});
const systemMessage = (text: string, kind: string) => ({
  type: 'message.created',
  actor: { type: 'system' as const },
  data: { from: 'system', text, kind },
});

export interface AgentWorkflowDeps extends ApplyCommandDeps {
  /** First-response target: a conversation back in a queue waits at most this long unalarmed. */
  readonly slaMs: number;
}

export class AgentWorkflow {
  constructor(private readonly deps: AgentWorkflowDeps) {}

  claim(id: string, agent: AgentRecord) {
    return applyCommand(this.deps, id, {
      command: { type: 'claim', agentId: agent.id },
      actor: agentActor(agent),
      data: { agentId: agent.id, agentName: agent.name },
      extraEvents: (c) => [
        systemMessage(agentJoinedText(agent.name, c.queue, c.language), 'agent_joined'),
      ],
      timers: { cancel: LIFECYCLE_TIMERS },
    });
  }

  resolve(
    id: string,
    agent: AgentRecord,
    outcome: { note?: string; resolved?: boolean; botCouldHaveHandled?: boolean },
  ) {
    return applyCommand(this.deps, id, {
      command: { type: 'resolve', agentId: agent.id },
      actor: agentActor(agent),
      data: { by: agent.id, ...outcome },
      extraEvents: (c) => [
        systemMessage(resolvedText(), 'resolved'),
        // Web and API customers can rate here; channel threads get no survey yet.
        ...(c.externalThread ? [] : [systemMessage(CSAT_REQUEST_TEXT, 'csat_request')]),
      ],
      extraChanges: { resolvedAt: this.deps.clock().toISOString() },
      timers: { cancel: LIFECYCLE_TIMERS },
    });
  }

  /** Back to a queue, with a note for the next person; the packet stays with the conversation. */
  transfer(id: string, agent: AgentRecord, toQueue: string, note?: string) {
    return applyCommand(this.deps, id, {
      command: { type: 'transfer', agentId: agent.id, toQueue },
      actor: agentActor(agent),
      data: { by: agent.id, toQueue, ...(note ? { note } : {}) },
      extraEvents: () => [systemMessage(transferredText(toQueue), 'transferred')],
      // Waiting again: the SLA clock restarts in the new queue.
      timers: {
        cancel: LIFECYCLE_TIMERS,
        schedule: [slaTimer(this.deps.clock(), this.deps.slaMs)],
      },
    });
  }

  /** The offered agent says no: back in the queue, never offered to them again. */
  declineOffer(id: string, agent: AgentRecord) {
    return applyCommand(this.deps, id, {
      command: { type: 'decline_offer', agentId: agent.id },
      actor: agentActor(agent),
      data: { agentId: agent.id },
      extraChanges: {},
      declineBy: agent.id,
      timers: { cancel: [OFFER_TIMER] },
    });
  }

  /**
   * The agent leaves (goes offline): their conversations go back to the queue with their
   * priority kept, and each customer is told. Returns how many were handed back.
   */
  async releaseAll(agent: AgentRecord): Promise<number> {
    let released = 0;
    for (const conversation of await this.deps.store.reads.assignedTo(agent.id)) {
      try {
        await applyCommand(this.deps, conversation.id, {
          command: { type: 'release', reason: 'agent_offline' },
          actor: agentActor(agent),
          data: { agentId: agent.id, reason: 'agent_offline' },
          extraEvents: (c) =>
            c.status === 'assigned'
              ? [systemMessage(agentLeftText(agent.name, c.queue, c.language), 'agent_left')]
              : [],
          timers: {
            cancel: LIFECYCLE_TIMERS,
            schedule: [slaTimer(this.deps.clock(), this.deps.slaMs)],
          },
        });
        released++;
      } catch {
        // Resolved or moved meanwhile: nothing to hand back.
      }
    }
    return released;
  }

  /** Only on purpose: the bot resumes with the context and does not greet again. */
  returnToBot(id: string, agent: AgentRecord) {
    return applyCommand(this.deps, id, {
      command: { type: 'return_to_bot', agentId: agent.id },
      actor: agentActor(agent),
      data: { by: agent.id },
      extraEvents: () => [
        {
          type: 'message.created',
          actor: { type: 'bot' as const },
          data: {
            from: 'bot',
            text: returnedToBotText(agent.name),
            kind: 'returned',
            intent: 'returned',
          },
        },
      ],
    });
  }

  /** A note for the team; the customer never sees its text. */
  async addNote(id: string, agent: AgentRecord, text: string): Promise<StoredEvent[]> {
    const result = await this.deps.store.conversations.commit({
      conversationId: id,
      events: [
        { type: 'note.created', actor: agentActor(agent), data: { text, agentName: agent.name } },
      ],
      now: this.deps.clock(),
    });
    if (!result.ok) {
      if (result.reason === 'not_found') throw new BatonError('CONVERSATION_NOT_FOUND');
      throw new BatonError('INVALID_TRANSITION');
    }
    this.deps.bus.publish(result);
    return result.events;
  }
}
