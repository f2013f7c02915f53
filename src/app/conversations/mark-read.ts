/**
 * Stores a read receipt from either socket (docs/api.md, "Read receipts"): `message.read`
 * with `{ upToSeq, by }`, committed through the writer only when the marker moves
 * (core/conversation/read-marker.ts decides), so the stream relays it to the other side and a
 * reload shows the same. The caller has checked who may mark this conversation; an agent's
 * receipt also carries their scope into its commit, since a receipt is an event of theirs and
 * would let them open the conversation ever after (agent-visibility.ts: "took part").
 */
import { eventOf, type MessageActor } from '../../core/conversation/conversation-events.ts';
import { decideRead, type ReadBy } from '../../core/conversation/read-marker.ts';
import { BatonError } from '../../core/errors/baton-error.ts';
import type { VisibleTo } from '../../store/agent-visibility.ts';
import type { ConversationQueries } from './conversation-queries.ts';
import type { ConversationWriter } from './conversation-writer.ts';

export interface MarkReadDeps {
  readonly writer: ConversationWriter;
  readonly queries: Pick<ConversationQueries, 'get' | 'eventsSince'>;
}

export interface MarkReadInput {
  readonly conversationId: string;
  readonly by: ReadBy;
  readonly actor: MessageActor;
  readonly upToSeq: number;
  /**
   * An agent's receipt: written only while they may act on the conversation, and `refusal`
   * says why a refused commit was refused (OUT_OF_SCOPE, scoped-write.ts) or undefined.
   */
  readonly scope?: {
    readonly visibleTo: VisibleTo;
    readonly refusal: () => Promise<BatonError | undefined>;
  };
}

/**
 * A commit that met another write in between reads again, this many times at most; past it
 * nothing is stored (a busy conversation), and the next receipt of its screen tries again.
 */
const ATTEMPTS = 3;

/** Whether this call stored a new receipt (false: the marker was there already). */
export async function markRead(deps: MarkReadDeps, input: MarkReadInput): Promise<boolean> {
  for (let attempt = 1; attempt <= ATTEMPTS; attempt++) {
    const conversation = await deps.queries.get(input.conversationId);
    if (!conversation) throw new BatonError('CONVERSATION_NOT_FOUND');
    const events = await deps.queries.eventsSince(conversation.id, 0, 100_000);
    const decision = decideRead(events, conversation.lastSeq, input.by, input.upToSeq);
    if (decision.kind === 'beyond_end')
      throw new BatonError(
        'VALIDATION_FAILED',
        `upToSeq ${input.upToSeq} is past the conversation's last seq (${conversation.lastSeq}).`,
      );
    if (decision.kind === 'unchanged') return false;
    // On condition that nothing was added since the read: two tabs marking at once store one.
    const result = await deps.writer.commit({
      conversationId: conversation.id,
      expectLastSeq: conversation.lastSeq,
      ...(input.scope ? { expectVisibleTo: input.scope.visibleTo } : {}),
      events: [eventOf('message.read', input.actor, { upToSeq: decision.upToSeq, by: input.by })],
    });
    if (result.ok) return true;
    if (result.reason === 'not_found') throw new BatonError('CONVERSATION_NOT_FOUND');
    const refusal = await input.scope?.refusal();
    if (refusal) throw refusal;
  }
  return false;
}
