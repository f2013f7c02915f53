/**
 * Runs a state-machine command against a stored conversation: decide with the pure
 * transition, then commit through the writer conditionally on the state it was decided from.
 * If another node or request moved the conversation in between, decide again once.
 */
import type {
  ConversationCommand,
  EventTypeOf,
} from '../../core/conversation/conversation-command.ts';
import type { ConversationSnapshot } from '../../core/conversation/conversation-state.ts';
import type { LifecyclePatch } from '../../core/conversation/lifecycle.ts';
import { eventOf, type EventData } from '../../core/conversation/conversation-events.ts';
import { transition } from '../../core/conversation/transition.ts';
import { BatonError } from '../../core/errors/baton-error.ts';
import type {
  ConversationChanges,
  ConversationRecord,
  NewEvent,
  StoredEvent,
  TimerChanges,
} from '../../core/records.ts';
import type { Store } from '../../store/store.ts';
import type { AgentScope } from './conversation-scope.ts';
import type { ConversationWriter } from './conversation-writer.ts';
import { scopeVerdict } from './scoped-write.ts';

export interface ApplyCommandDeps {
  readonly store: Store;
  readonly writer: ConversationWriter;
  readonly clock: () => Date;
}

/** A command and what to record with it; `data` is typed by the event the command records. */
export interface CommandRequest<C extends ConversationCommand = ConversationCommand> {
  readonly command: C;
  readonly actor: NewEvent['actor'];
  /** Data of the transition's own event (who, why). */
  readonly data: CommandData<C> | ((current: ConversationRecord) => CommandData<C>);
  /** Events recorded with it, e.g. the message the customer sees. */
  readonly extraEvents?: (current: ConversationRecord) => NewEvent[];
  /** Column changes besides the state machine's (never status, owner or queue). */
  readonly extraChanges?: (current: ConversationRecord) => ConversationChanges;
  /** Outbox timers only; lifecycle timers follow from the state. */
  readonly timers?: TimerChanges;
  readonly lifecycle?: LifecyclePatch;
  /** Adds this agent to the conversation's declined list for the current offer round. */
  readonly declineBy?: string;
  /** The agent who ends up holding it may not exceed this many conversations. */
  readonly capacity?: { readonly agentId: string; readonly max: number };
  /** An agent's command: written only while they may act on the conversation (scoped-write.ts). */
  readonly scope?: AgentScope;
}

type CommandData<C extends ConversationCommand> = EventData<EventTypeOf<C['type']>>;

export async function applyCommand<C extends ConversationCommand>(
  deps: ApplyCommandDeps,
  id: string,
  request: CommandRequest<C>,
): Promise<{ conversation: ConversationRecord; events: StoredEvent[] }> {
  for (let attempt = 0; ; attempt++) {
    const current = await deps.store.conversations.get(id);
    if (!current)
      throw new BatonError('CONVERSATION_NOT_FOUND', `No conversation has the id ${id}.`);
    const now = deps.clock();
    const result = transition(snapshotOf(current), request.command, now);
    if (!result.ok) throw new BatonError(result.code);
    const next = result.state;
    const committed = await deps.writer.commit({
      conversationId: id,
      expectStatus: [current.status],
      expectAssigneeId: current.assigneeId,
      // Decided for this offer: a decline or claim must not land on an offer made since to
      // someone else (the same state, another agent).
      expectOfferedTo: current.offeredTo,
      changes: {
        ...request.extraChanges?.(current),
        status: next.state,
        assigneeId: next.assigneeId,
        offeredTo: next.offeredTo,
        queue: next.queue,
        ...(request.declineBy
          ? { declinedBy: [...new Set([...current.declinedBy, request.declineBy])] }
          : {}),
      },
      events: [
        eventOf(
          result.event.type,
          request.actor,
          typeof request.data === 'function' ? request.data(current) : request.data,
        ),
        ...(request.extraEvents?.(current) ?? []),
      ],
      ...(request.timers ? { timers: request.timers } : {}),
      ...(request.lifecycle ? { lifecycle: request.lifecycle } : {}),
      ...(request.capacity ? { expectCapacity: request.capacity } : {}),
      ...(request.scope ? { expectVisibleTo: request.scope } : {}),
      now,
    });
    if (committed.ok) return { conversation: committed.conversation, events: committed.events };
    if (committed.reason === 'not_found') throw new BatonError('CONVERSATION_NOT_FOUND');
    // Out of the agent's scope now: said only when nothing but the scope changed since this
    // attempt's read. A colleague who claimed it meanwhile changed the state: decided again,
    // that is ALREADY_CLAIMED (or a 409 after the second try), never OUT_OF_SCOPE.
    if (sameState(current, committed.conversation)) {
      const verdict = await scopeVerdict(deps.store, id, request.scope, committed.conversation);
      if (verdict === 'out') throw new BatonError('OUT_OF_SCOPE');
      if (verdict === 'moved') {
        if (attempt >= 1)
          throw new BatonError('INVALID_TRANSITION', 'The conversation changed; try again.');
        continue; // decided again on the state a colleague left (ALREADY_CLAIMED, say)
      }
    }
    if (
      committed.reason === 'conflict' &&
      request.capacity &&
      sameState(current, committed.conversation)
    ) {
      throw new BatonError('AGENT_UNAVAILABLE', 'That agent has no free capacity.');
    }
    if (attempt >= 1)
      throw new BatonError('INVALID_TRANSITION', 'The conversation changed; try again.');
  }
}

const sameState = (a: ConversationRecord, b: ConversationRecord) =>
  a.status === b.status && a.assigneeId === b.assigneeId && a.offeredTo === b.offeredTo;

export function snapshotOf(c: ConversationRecord): ConversationSnapshot {
  return { state: c.status, assigneeId: c.assigneeId, offeredTo: c.offeredTo, queue: c.queue };
}
