/**
 * The conversation state machine: a pure function from (snapshot, command, now) to the next
 * snapshot and the event to record, or to an error code. It never throws and never does IO;
 * the conversation service persists the result with a conditional update.
 */
import type { ErrorCode } from '../errors/error-codes.ts';
import {
  EVENT_TYPE_OF,
  type ConversationCommand,
  type EventTypeOf,
} from './conversation-command.ts';
import type { ConversationSnapshot } from './conversation-state.ts';

/** The next state and the event to record: its type follows from the command's (`EventTypeOf`). */
export type TransitionResult<C extends ConversationCommand = ConversationCommand> =
  | {
      readonly ok: true;
      readonly state: ConversationSnapshot;
      readonly event: { readonly type: EventTypeOf<C['type']>; readonly at: string };
    }
  | { readonly ok: false; readonly code: ErrorCode };

export function transition<C extends ConversationCommand>(
  current: ConversationSnapshot,
  command: C,
  now: Date,
): TransitionResult<C> {
  const next = nextSnapshot(current, command);
  if ('code' in next) return { ok: false, code: next.code };
  // `command.type` reads as the whole union of types here; indexed as `C['type']` it keeps C's.
  const type: EventTypeOf<C['type']> = EVENT_TYPE_OF[command.type as C['type']];
  return { ok: true, state: next, event: { type, at: now.toISOString() } };
}

type Next = ConversationSnapshot | { readonly code: ErrorCode };

const waiting = (queue: string | null): ConversationSnapshot => ({
  state: 'queued',
  assigneeId: null,
  offeredTo: null,
  queue,
});

function nextSnapshot(s: ConversationSnapshot, c: ConversationCommand): Next {
  if (s.state === 'resolved' || s.state === 'abandoned') return { code: 'CONVERSATION_CLOSED' };
  switch (c.type) {
    case 'hand_over':
      if (s.state !== 'bot' && s.state !== 'intake') return { code: 'INVALID_TRANSITION' };
      return waiting(c.queue);
    case 'start_intake':
      if (s.state !== 'bot') return { code: 'INVALID_TRANSITION' };
      return { ...s, state: 'intake', queue: c.queue };
    case 'offer':
      if (s.state !== 'queued') return { code: 'INVALID_TRANSITION' };
      return { ...s, state: 'offered', offeredTo: c.agentId };
    case 'decline_offer':
      if (s.state !== 'offered' || s.offeredTo !== c.agentId) return { code: 'INVALID_TRANSITION' };
      return waiting(s.queue);
    case 'expire_offer':
      if (s.state !== 'offered') return { code: 'INVALID_TRANSITION' };
      return waiting(s.queue);
    case 'claim':
      return claim(s, c.agentId);
    case 'transfer':
      if (s.state !== 'assigned') return { code: 'INVALID_TRANSITION' };
      if (s.assigneeId !== c.agentId) return { code: 'NOT_ASSIGNEE' };
      return waiting(c.toQueue);
    case 'transfer_to_agent':
      if (s.state !== 'assigned') return { code: 'INVALID_TRANSITION' };
      if (s.assigneeId !== c.agentId) return { code: 'NOT_ASSIGNEE' };
      if (c.toAgentId === c.agentId) return { code: 'VALIDATION_FAILED' };
      return { state: 'offered', assigneeId: null, offeredTo: c.toAgentId, queue: s.queue };
    case 'reassign':
      if (s.state === 'bot' || s.state === 'intake') return { code: 'INVALID_TRANSITION' };
      if ('toQueue' in c) return waiting(c.toQueue);
      if (s.state === 'assigned' && s.assigneeId === c.toAgentId) {
        return { code: 'INVALID_TRANSITION' };
      }
      return { state: 'assigned', assigneeId: c.toAgentId, offeredTo: null, queue: s.queue };
    case 'requeue':
      if (s.state !== 'assigned') return { code: 'INVALID_TRANSITION' };
      return waiting(s.queue);
    case 'release':
      if (s.state !== 'assigned' && s.state !== 'offered') return { code: 'INVALID_TRANSITION' };
      return waiting(s.queue);
    case 'return_to_bot':
      if (s.state !== 'assigned') return { code: 'INVALID_TRANSITION' };
      if (s.assigneeId !== c.agentId) return { code: 'NOT_ASSIGNEE' };
      return { state: 'bot', assigneeId: null, offeredTo: null, queue: s.queue };
    case 'defer':
      if (s.state !== 'queued') return { code: 'INVALID_TRANSITION' };
      return { ...s, state: 'deferred' };
    case 'resume_deferred':
      if (s.state !== 'deferred') return { code: 'INVALID_TRANSITION' };
      return waiting(s.queue);
    case 'abandon':
      if (s.state !== 'queued' && s.state !== 'offered' && s.state !== 'deferred') {
        return { code: 'INVALID_TRANSITION' };
      }
      return { state: 'abandoned', assigneeId: null, offeredTo: null, queue: s.queue };
    case 'resolve':
      // Only the owner resolves an assigned conversation; anyone with access may close the rest.
      if (s.state === 'assigned' && s.assigneeId !== c.agentId) return { code: 'NOT_ASSIGNEE' };
      return { state: 'resolved', assigneeId: s.assigneeId, offeredTo: null, queue: s.queue };
  }
}

function claim(s: ConversationSnapshot, agentId: string): Next {
  if (s.state === 'assigned') {
    return s.assigneeId === agentId ? { code: 'INVALID_TRANSITION' } : { code: 'ALREADY_CLAIMED' };
  }
  if (s.state === 'offered' && s.offeredTo !== agentId) return { code: 'ALREADY_CLAIMED' };
  // A deferred (after-hours) conversation may be taken early by someone on duty.
  if (s.state !== 'queued' && s.state !== 'offered' && s.state !== 'deferred') {
    return { code: 'INVALID_TRANSITION' };
  }
  return { state: 'assigned', assigneeId: agentId, offeredTo: null, queue: s.queue };
}
