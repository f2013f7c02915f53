/**
 * The customer of an assigned conversation waits on the agent past a rung of the reply
 * deadline (routing.deadEnds): first the agent is nudged, then the supervisor is alerted,
 * then the conversation goes back to the queue with raised priority and the customer is told
 * their place as it is now. Each rung is an event, so the writer derives the next timer.
 */
import { systemMessage } from '../../core/conversation/conversation-events.ts';
import { bumpPriority, type PriorityBump } from '../../core/routing/bump-priority.ts';
import { customerText } from '../../core/i18n/customer-text.ts';
import type { ConversationRecord, TimerRecord } from '../../core/records.ts';
import { applyCommand, type ApplyCommandDeps } from '../conversations/apply-command.ts';

export interface ReplyDueDeps extends ApplyCommandDeps {
  readonly bump: PriorityBump;
  readonly teamName: (queue: string | null, language: string | null) => string;
  /** Called after a re-queue, so the router offers it at once. */
  readonly onRequeued?: () => void;
}

export function handleReplyDue(deps: ReplyDueDeps) {
  return async (timer: TimerRecord): Promise<void> => {
    const c = await deps.store.conversations.get(timer.conversationId);
    if (c?.status !== 'assigned' || c.lifecycle.awaitingAgentSince === null) return;
    const stage = c.lifecycle.replyStage;
    // A timer of an earlier rung that lost a race with a reply: the writer re-derived it.
    if (Number(timer.data.stage ?? 0) !== stage) return;
    const waitedSeconds = Math.round(
      (deps.clock().getTime() - Date.parse(c.lifecycle.awaitingAgentSince)) / 1000,
    );
    if (stage === 0 || stage === 1) {
      await deps.writer.commit({
        conversationId: c.id,
        expectStatus: ['assigned'],
        expectLastSeq: c.lastSeq,
        events: [
          stage === 0
            ? {
                type: 'conversation.agent_nudged',
                actor: { type: 'system' },
                data: { agentId: c.assigneeId, waitedSeconds },
              }
            : {
                type: 'conversation.supervisor_alerted',
                actor: { type: 'system' },
                data: { reason: 'agent_silent', agentId: c.assigneeId, waitedSeconds },
              },
        ],
      });
      return;
    }
    await requeueSilent(deps, c, waitedSeconds);
  };
}

async function requeueSilent(deps: ReplyDueDeps, c: ConversationRecord, waitedSeconds: number) {
  const priority = bumpPriority(c.priority ?? 50, deps.bump);
  const agentName = await agentNameOf(deps, c.assigneeId);
  const place = await deps.store.reads.placeInLine({ ...c, priority });
  try {
    await applyCommand(deps, c.id, {
      command: { type: 'requeue', reason: 'agent_silent' },
      actor: { type: 'system' },
      data: { reason: 'agent_silent', agentId: c.assigneeId, waitedSeconds, priority },
      extraChanges: () => ({ priority }),
      extraEvents: (current) => [
        systemMessage(
          customerText('agent_silent_requeued', current.language, {
            agent: agentName,
            team: deps.teamName(current.queue, current.language),
            position: place,
          }),
          'agent_silent_requeued',
        ),
      ],
    });
    deps.onRequeued?.();
  } catch {
    // Answered or moved at the last moment: nothing to take back.
  }
}

async function agentNameOf(deps: ReplyDueDeps, id: string | null): Promise<string> {
  const agent = id ? await deps.store.agents.get(id) : undefined;
  return agent?.name ?? 'The agent';
}
