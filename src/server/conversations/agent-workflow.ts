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
  csatRequestText,
  resolvedText,
  returnedToBotText,
  transferredText,
} from './customer-messages.ts';
import { LIFECYCLE_TIMERS } from '../timers/lifecycle-timers.ts';
import { requireAvailableAgent, type IsConnected } from '../routing/agent-availability.ts';
import type { SlaMsFor } from '../routing/queue-sla.ts';
import { transferredToAgentText } from '../routing/reassign-texts.ts';
import { queueCatalog, type QueueCatalog } from '../routing/queue-catalog.ts';
import { waitingSettings, type WaitingSettings } from './waiting-settings.ts';

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
  /** The queues in force, for team names; the built-in six by default. */
  readonly queues?: QueueCatalog;
  /** Per-queue template overrides (routing.queueMessages); none by default. */
  readonly settings?: WaitingSettings;
  /** Per-queue target (falls back to `slaMs`'s setting); used where the queue is known. */
  readonly slaMsFor?: SlaMsFor;
  /** Whether an agent has the inbox open: a transfer to a named agent needs them there. */
  readonly isConnected?: IsConnected;
}

/** How long a colleague has to accept a conversation transferred to them by name. */
const NAMED_OFFER_SECONDS = 60;

export class AgentWorkflow {
  private readonly queues: QueueCatalog;
  private readonly settings: WaitingSettings;

  constructor(private readonly deps: AgentWorkflowDeps) {
    this.queues = deps.queues ?? queueCatalog();
    this.settings = deps.settings ?? waitingSettings({}, this.queues);
  }

  claim(id: string, agent: AgentRecord) {
    return applyCommand(this.deps, id, {
      command: { type: 'claim', agentId: agent.id },
      actor: agentActor(agent),
      data: { agentId: agent.id, agentName: agent.name },
      extraEvents: (c) => [
        systemMessage(
          agentJoinedText(agent.name, this.queues.teamName(c.queue), c.language),
          'agent_joined',
        ),
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
        systemMessage(resolvedText(c.language, this.settings.overrides(c.queue)), 'resolved'),
        // Every channel gets the survey: the widget shows stars, other channels answer with
        // a number (channel-inbound.ts reads it as the rating).
        systemMessage(
          csatRequestText(c.language, c.externalThread !== null, this.settings.overrides(c.queue)),
          'csat_request',
        ),
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
      extraEvents: (c) => [
        systemMessage(
          transferredText(
            this.queues.teamName(toQueue),
            c.language,
            this.settings.overrides(toQueue),
          ),
          'transferred',
        ),
      ],
      // Waiting again: the SLA clock restarts in the new queue.
      timers: {
        cancel: LIFECYCLE_TIMERS,
        schedule: [slaTimer(this.deps.clock(), this.slaMsFor(toQueue))],
      },
    });
  }

  /**
   * To a named colleague, with a note: offered to them (they accept by claiming) if they are
   * online with the inbox open and free capacity, else AGENT_UNAVAILABLE and nothing changes.
   * The queue stays, so the misroute rule counts it as a transfer but not a bounce back. On
   * decline or silence it waits in the queue like any other conversation (the SLA re-armed).
   */
  async transferToAgent(id: string, agent: AgentRecord, toAgentId: string, note?: string) {
    if (toAgentId === agent.id) {
      throw new BatonError('VALIDATION_FAILED', 'You cannot transfer a conversation to yourself.');
    }
    const target = await requireAvailableAgent(
      this.deps.store,
      this.deps.isConnected ?? (() => true),
      toAgentId,
    );
    const current = await this.deps.store.conversations.get(id);
    if (!current)
      throw new BatonError('CONVERSATION_NOT_FOUND', `No conversation has the id ${id}.`);
    const queue = current.queue ?? 'general';
    const now = this.deps.clock();
    const expiresAt = new Date(now.getTime() + NAMED_OFFER_SECONDS * 1000);
    return applyCommand(this.deps, id, {
      command: { type: 'transfer', agentId: agent.id, toQueue: queue },
      actor: agentActor(agent),
      data: {
        by: agent.id,
        toQueue: queue,
        toAgentId: target.id,
        toAgentName: target.name,
        ...(note ? { note } : {}),
      },
      extraEvents: () => [
        {
          type: 'conversation.offered',
          actor: agentActor(agent),
          data: {
            agentId: target.id,
            agentName: target.name,
            expiresAt: expiresAt.toISOString(),
            viaTransfer: true,
          },
        },
        systemMessage(transferredToAgentText(target.name), 'transferred'),
      ],
      // The transition puts it back in the queue; a named transfer reserves it for the colleague.
      extraChanges: { status: 'offered', offeredTo: target.id },
      timers: {
        cancel: LIFECYCLE_TIMERS,
        schedule: [
          slaTimer(now, this.slaMsFor(queue)),
          { kind: OFFER_TIMER, dueAt: expiresAt, data: { agentId: target.id } },
        ],
      },
    });
  }

  private slaMsFor(queue: string | null): number {
    return this.deps.slaMsFor?.(queue) ?? this.deps.slaMs;
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
              ? [
                  systemMessage(
                    agentLeftText(agent.name, this.queues.teamName(c.queue), c.language),
                    'agent_left',
                  ),
                ]
              : [],
          timers: {
            cancel: LIFECYCLE_TIMERS,
            schedule: [slaTimer(this.deps.clock(), this.slaMsFor(conversation.queue))],
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
      extraEvents: (c) => [
        {
          type: 'message.created',
          actor: { type: 'bot' as const },
          data: {
            from: 'bot',
            text: returnedToBotText(agent.name, c.language, this.settings.overrides(c.queue)),
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
