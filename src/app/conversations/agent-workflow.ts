/**
 * What an agent does to a conversation besides writing: claim, transfer, hand back to the
 * bot, leave an internal note, resolve. Each is a state-machine command (or a note event)
 * recorded with who, when and why, and what the customer is told.
 */
import { BatonError } from '../../core/errors/baton-error.ts';
import type { AgentRecord, StoredEvent } from '../../core/records.ts';
import { messageCreated, systemMessage } from '../../core/conversation/conversation-events.ts';
import { applyCommand, type ApplyCommandDeps } from './apply-command.ts';
import { markRead } from './mark-read.ts';
import { avatarData } from '../team/agent-avatars.ts';
import { csatRequestMessage } from './csat-request.ts';
import {
  agentJoinedText,
  agentLeftText,
  resolvedText,
  returnedToBotText,
  transferredText,
} from './customer-messages.ts';
import { requireAvailableAgent, type IsConnected } from '../routing/agent-availability.ts';
import { transferredToAgentText } from '../routing/reassign-texts.ts';
import { queueCatalog, type QueueCatalog } from '../routing/queue-catalog.ts';
import { scopeRefusal, type WriteScope } from './scoped-write.ts';
import { waitingSettings, type WaitingSettings } from './waiting-settings.ts';

const agentActor = (agent: AgentRecord) => ({
  type: 'agent' as const,
  id: agent.id,
  name: agent.name,
});

export interface AgentWorkflowDeps extends ApplyCommandDeps {
  /** The queues in force, for team names; the built-in six by default. */
  readonly queues?: QueueCatalog;
  /** Per-queue template overrides (routing.queueMessages); none by default. */
  readonly settings?: WaitingSettings;
  /** Whether an agent has the inbox open: a transfer to a named agent needs them there. */
  readonly isConnected?: IsConnected;
  /** The scope each agent's write is held to, in its commit; none checked by default. */
  readonly writeScope?: WriteScope;
}

export class AgentWorkflow {
  private readonly queues: QueueCatalog;
  private readonly settings: WaitingSettings;

  constructor(private readonly deps: AgentWorkflowDeps) {
    this.queues = deps.queues ?? queueCatalog();
    this.settings = deps.settings ?? waitingSettings({}, this.queues);
  }

  private scopeOf(agent: AgentRecord) {
    return this.deps.writeScope?.(agent) ?? null;
  }

  /** Atomic with the agent's capacity: two claims at once cannot both exceed it. */
  claim(id: string, agent: AgentRecord) {
    return applyCommand(this.deps, id, {
      capacity: { agentId: agent.id, max: agent.maxConcurrent },
      command: { type: 'claim', agentId: agent.id },
      scope: this.scopeOf(agent),
      actor: agentActor(agent),
      data: { agentId: agent.id, agentName: agent.name, ...avatarData(agent) },
      extraEvents: (c) => [
        systemMessage(
          agentJoinedText(agent.name, this.queues.teamName(c.queue, c.language), c.language),
          'agent_joined',
        ),
      ],
    });
  }

  resolve(
    id: string,
    agent: AgentRecord,
    outcome: { note?: string; resolved?: boolean; botCouldHaveHandled?: boolean },
  ) {
    return applyCommand(this.deps, id, {
      command: { type: 'resolve', agentId: agent.id },
      scope: this.scopeOf(agent),
      actor: agentActor(agent),
      data: { by: agent.id, ...outcome },
      extraEvents: (c) => [
        systemMessage(resolvedText(c.language, this.settings.overrides(c.queue)), 'resolved'),
        // Every channel gets the survey (csat-request.ts says how each one answers it).
        csatRequestMessage(c, this.settings.overrides(c.queue)),
      ],
      extraChanges: () => ({ resolvedAt: this.deps.clock().toISOString() }),
    });
  }

  /** Back to a queue, with a note for the next person; the packet stays with the conversation. */
  transfer(id: string, agent: AgentRecord, toQueue: string, note?: string) {
    return applyCommand(this.deps, id, {
      command: { type: 'transfer', agentId: agent.id, toQueue },
      scope: this.scopeOf(agent),
      actor: agentActor(agent),
      data: { by: agent.id, toQueue, ...(note ? { note } : {}) },
      extraEvents: (c) => [
        systemMessage(
          transferredText(
            this.queues.teamName(toQueue, c.language),
            c.language,
            this.settings.overrides(toQueue),
          ),
          'transferred',
        ),
      ],
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
    return applyCommand(this.deps, id, {
      command: { type: 'transfer_to_agent', agentId: agent.id, toAgentId: target.id },
      scope: this.scopeOf(agent),
      capacity: { agentId: target.id, max: target.maxConcurrent },
      actor: agentActor(agent),
      data: (current) => ({
        by: agent.id,
        toQueue: current.queue ?? 'general',
        toAgentId: target.id,
        toAgentName: target.name,
        ...(note ? { note } : {}),
      }),
      extraEvents: (c) => [
        {
          type: 'conversation.offered',
          actor: agentActor(agent),
          data: {
            agentId: target.id,
            agentName: target.name,
            expiresAt: new Date(
              this.deps.clock().getTime() + this.deps.writer.policy.offerSeconds(c.queue) * 1000,
            ).toISOString(),
            viaTransfer: true,
          },
        },
        systemMessage(transferredToAgentText(target.name, c.language), 'transferred'),
      ],
    });
  }

  /** The offered agent says no: back in the queue, never offered to them again. */
  declineOffer(id: string, agent: AgentRecord) {
    return applyCommand(this.deps, id, {
      command: { type: 'decline_offer', agentId: agent.id },
      scope: this.scopeOf(agent),
      actor: agentActor(agent),
      data: { agentId: agent.id },
      declineBy: agent.id,
    });
  }

  /**
   * The agent leaves (goes offline): their conversations go back to the queue with their
   * priority kept, and each customer is told. Returns how many were handed back.
   */
  async releaseAll(
    agent: AgentRecord,
    reason: 'agent_offline' | 'agent_disconnected' = 'agent_offline',
  ): Promise<number> {
    let released = 0;
    for (const conversation of await this.deps.store.reads.assignedTo(agent.id)) {
      try {
        await applyCommand(this.deps, conversation.id, {
          command: { type: 'release', reason },
          actor: reason === 'agent_offline' ? agentActor(agent) : { type: 'system' },
          data: { agentId: agent.id, reason },
          extraEvents: (c) =>
            c.status === 'assigned'
              ? [
                  systemMessage(
                    agentLeftText(
                      agent.name,
                      this.queues.teamName(c.queue, c.language),
                      c.language,
                    ),
                    'agent_left',
                  ),
                ]
              : [],
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
      scope: this.scopeOf(agent),
      actor: agentActor(agent),
      data: { by: agent.id },
      extraEvents: (c) => [
        messageCreated(
          { type: 'bot' },
          {
            text: returnedToBotText(agent.name, c.language, this.settings.overrides(c.queue)),
            kind: 'returned',
            extra: { intent: 'returned' },
          },
        ),
      ],
    });
  }

  /**
   * The agent's read receipt (a `read` frame on the inbox socket), held to their scope in its
   * commit like every other write of theirs. Whether a new receipt was stored.
   */
  markRead(id: string, agent: AgentRecord, upToSeq: number): Promise<boolean> {
    const scope = this.scopeOf(agent);
    return markRead(
      { writer: this.deps.writer, queries: this.deps.store.conversations },
      {
        conversationId: id,
        by: 'agent',
        actor: agentActor(agent),
        upToSeq,
        ...(scope
          ? { scope: { visibleTo: scope, refusal: () => scopeRefusal(this.deps.store, id, scope) } }
          : {}),
      },
    );
  }

  /**
   * A note for the team; the customer never sees its text. A supervisor's or admin's note
   * says so (`authorRole`), so the agent it is left for knows who is speaking.
   */
  async addNote(id: string, agent: AgentRecord, text: string): Promise<StoredEvent[]> {
    const authorRole = agent.role === 'agent' ? {} : { authorRole: agent.role };
    const scope = this.scopeOf(agent);
    const result = await this.deps.writer.commit({
      conversationId: id,
      ...(scope ? { expectVisibleTo: scope } : {}),
      events: [
        {
          type: 'note.created',
          actor: agentActor(agent),
          data: { text, agentName: agent.name, ...authorRole },
        },
      ],
    });
    if (!result.ok) {
      if (result.reason === 'not_found') throw new BatonError('CONVERSATION_NOT_FOUND');
      throw (
        (await scopeRefusal(this.deps.store, id, scope)) ?? new BatonError('INVALID_TRANSITION')
      );
    }
    return result.events;
  }
}
