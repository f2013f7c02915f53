/**
 * The no-dead-ends invariant as a pure check: every conversation in `queued`, `offered` or
 * `deferred` has a pending timer of the kind that moves it on. Tests run it after every scenario.
 */
import type { ConversationState } from '../conversation/conversation-state.ts';
import { MOVING_TIMER, type TimerKind } from './timers.ts';

export interface DeadEnd {
  readonly conversationId: string;
  readonly state: 'queued' | 'offered' | 'deferred';
  /** The timer kind that should be pending. */
  readonly missing: TimerKind;
}

export function findDeadEnds(
  conversations: readonly { readonly id: string; readonly state: ConversationState }[],
  timers: readonly {
    readonly conversationId: string;
    readonly kind: TimerKind;
    readonly status?: 'pending' | 'fired' | 'cancelled';
  }[],
): DeadEnd[] {
  const pending = new Set(
    timers
      .filter((t) => t.status === undefined || t.status === 'pending')
      .map((t) => `${t.conversationId}\u0000${t.kind}`),
  );
  const out: DeadEnd[] = [];
  for (const c of conversations) {
    if (c.state !== 'queued' && c.state !== 'offered' && c.state !== 'deferred') continue;
    const missing = MOVING_TIMER[c.state];
    if (!pending.has(`${c.id}\u0000${missing}`))
      out.push({ conversationId: c.id, state: c.state, missing });
  }
  return out;
}
