/**
 * Runs a state-machine command against a stored conversation: decide with the pure
 * transition, then commit conditionally on the state it was decided from. If another node or
 * request moved the conversation in between, decide again once from the new state.
 */
import type { EventBus } from '../../bus/event-bus.ts';
import type { ConversationCommand } from '../../core/conversation/conversation-command.ts';
import type { ConversationSnapshot } from '../../core/conversation/conversation-state.ts';
import { transition } from '../../core/conversation/transition.ts';
import { BatonError } from '../../core/errors/baton-error.ts';
import type {
  ConversationChanges,
  ConversationRecord,
  NewEvent,
  StoredEvent,
  TimerChanges,
} from '../../store/records.ts';
import type { Store } from '../../store/store.ts';

export interface ApplyCommandDeps {
  readonly store: Store;
  readonly bus: EventBus;
  readonly clock: () => Date;
}

export interface CommandRequest {
  readonly command: ConversationCommand;
  readonly actor: NewEvent['actor'];
  /** Data of the transition's own event (who, why). */
  readonly data: Record<string, unknown>;
  /** Events recorded with it, e.g. the message the customer sees. */
  readonly extraEvents?: (current: ConversationRecord) => NewEvent[];
  readonly extraChanges?: ConversationChanges;
  /** Timers cancelled or scheduled atomically with the change. */
  readonly timers?: TimerChanges;
  /** Adds this agent to the conversation's declined list (never offered to them again). */
  readonly declineBy?: string;
}

export async function applyCommand(
  deps: ApplyCommandDeps,
  id: string,
  request: CommandRequest,
): Promise<{ conversation: ConversationRecord; events: StoredEvent[] }> {
  for (let attempt = 0; ; attempt++) {
    const current = await deps.store.conversations.get(id);
    if (!current)
      throw new BatonError('CONVERSATION_NOT_FOUND', `No conversation has the id ${id}.`);
    const now = deps.clock();
    const result = transition(snapshotOf(current), request.command, now);
    if (!result.ok) throw new BatonError(result.code);
    const next = result.state;
    const committed = await deps.store.conversations.commit({
      conversationId: id,
      expectStatus: [current.status],
      expectAssigneeId: current.assigneeId,
      changes: {
        status: next.state,
        assigneeId: next.assigneeId,
        offeredTo: next.offeredTo,
        queue: next.queue,
        ...(request.declineBy
          ? { declinedBy: [...new Set([...current.declinedBy, request.declineBy])] }
          : {}),
        ...request.extraChanges,
      },
      events: [
        { type: result.event.type, actor: request.actor, data: request.data },
        ...(request.extraEvents?.(current) ?? []),
      ],
      ...(request.timers ? { timers: request.timers } : {}),
      now,
    });
    if (committed.ok) {
      deps.bus.publish(committed);
      return { conversation: committed.conversation, events: committed.events };
    }
    if (committed.reason === 'not_found') throw new BatonError('CONVERSATION_NOT_FOUND');
    if (attempt >= 1)
      throw new BatonError('INVALID_TRANSITION', 'The conversation changed; try again.');
  }
}

export function snapshotOf(c: ConversationRecord): ConversationSnapshot {
  return { state: c.status, assigneeId: c.assigneeId, offeredTo: c.offeredTo, queue: c.queue };
}
