/**
 * An agent's write carries their scope into the store's commit (agent-visibility.ts), so
 * the scope is checked in the same conditional UPDATE as the write. When such a commit is
 * refused, this tells whether the scope was why: OUT_OF_SCOPE, rather than a conflict.
 */
import { BatonError } from '../../core/errors/baton-error.ts';
import type { AgentRecord, ConversationRecord } from '../../core/records.ts';
import type { VisibleTo } from '../../store/agent-visibility.ts';
import type { Store } from '../../store/store.ts';
import type { AgentScope } from './conversation-scope.ts';

/** The scope an agent's writes are held to (null: supervisors and admins, no check). */
export type WriteScope = (agent: AgentRecord) => AgentScope;

/** OUT_OF_SCOPE when the agent may no longer act on the conversation; else undefined. */
export async function scopeRefusal(
  store: Store,
  conversationId: string,
  scope: VisibleTo | null | undefined,
): Promise<BatonError | undefined> {
  if (!scope) return undefined;
  if (await store.history.isVisible(conversationId, scope)) return undefined;
  return new BatonError('OUT_OF_SCOPE');
}

/**
 * Why a commit that carried the agent's scope was refused, judged against the state that
 * commit saw (`seen`): `out` when the conversation, still in that state, is out of the
 * agent's scope; `moved` when its state has changed since (a colleague claimed it between
 * the refusal and this read: a conflict to decide again, not the scope — an agent never
 * sees what a colleague holds, so a plain visibility read would call that OUT_OF_SCOPE);
 * `in` otherwise. One statement reads the state and the visibility together.
 */
export async function scopeVerdict(
  store: Store,
  conversationId: string,
  scope: VisibleTo | null | undefined,
  seen: Pick<ConversationRecord, 'status' | 'assigneeId' | 'offeredTo'>,
): Promise<'in' | 'out' | 'moved'> {
  if (!scope) return 'in';
  const now = await store.history.visibilityWithState(conversationId, scope);
  if (
    !now ||
    now.status !== seen.status ||
    now.assigneeId !== seen.assigneeId ||
    now.offeredTo !== seen.offeredTo
  )
    return 'moved';
  return now.visible ? 'in' : 'out';
}
