/**
 * Which conversations an agent may act on, as SQL: one expression for the history's reads
 * (conversation-history.ts) and for the conditional UPDATE of a commit
 * (conversation-writes.ts), so a conversation moved out of an agent's scope between their
 * check and their write is not written (the rule itself: src/app/conversations/conversation-scope.ts).
 */
import type { Expression, ExpressionBuilder, SqlBool } from 'kysely';
import { WAITING_STATES } from '../core/conversation/conversation-state.ts';
import type { Database } from './schema.ts';

/** An agent and the queues they are a member of. */
export interface VisibleTo {
  readonly agentId: string;
  readonly queues: readonly string[];
  /** Also every conversation handed over to a person, in any queue (`inbox.agentsSee: all`). */
  readonly everyHandedOver?: boolean;
}

type Builder = ExpressionBuilder<Database, 'conversations'>;

/**
 * What an agent may open: their part of the line (`partOfLine`) and every conversation they
 * took part in (claimed, wrote in, transferred away); with `everyHandedOver`, also every
 * conversation that reached a person, but never one only the bot has had.
 */
export function visibleTo(eb: Builder, scope: VisibleTo): Expression<SqlBool> {
  return eb.or([
    ...(scope.everyHandedOver ? [eb('conversations.handed_over_at', 'is not', null)] : []),
    partOfLine(eb, scope),
    eb.exists(
      eb
        .selectFrom('events')
        .select('events.seq')
        .whereRef('events.conversation_id', '=', 'conversations.id')
        .where('events.actor_type', '=', 'agent')
        .where('events.actor_id', '=', scope.agentId),
    ),
  ]);
}

/**
 * The agent's part of the line now, which their inbox shows: what waits in a queue they are
 * a member of, and what is offered or assigned to them.
 */
export function partOfLine(eb: Builder, { agentId, queues }: VisibleTo): Expression<SqlBool> {
  const waiting =
    queues.length > 0
      ? [
          eb.and([
            eb('conversations.status', 'in', [...WAITING_STATES]),
            eb('conversations.queue', 'in', [...queues]),
          ]),
        ]
      : [];
  return eb.or([
    ...waiting,
    eb('conversations.offered_to', '=', agentId),
    eb('conversations.assignee_id', '=', agentId),
  ]);
}
