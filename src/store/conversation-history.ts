/**
 * The inbox's history: conversations by status, queue, channel and last activity, by what the
 * customer is called or left (name, email, phone) and by the words anyone wrote in them, newest
 * first, a page at a time; and
 * one person's conversations across channels. Who may see what is decided in src/app
 * (conversation-history.ts) and arrives here as a scope.
 */
import { sql, type Expression, type ExpressionBuilder, type Kysely, type SqlBool } from 'kysely';
import type { CustomerIdentity } from '../core/customer/customer-identity.ts';
import type { ConversationRecord } from '../core/records.ts';
import { WAITING_STATES } from '../core/conversation/conversation-state.ts';
import { partOfLine, visibleTo, type VisibleTo } from './agent-visibility.ts';
import { findCustomerConversations } from './customer-conversations.ts';
import { catchUpMessageSearch, conversationsWithWords, searchWords } from './message-search.ts';
import type { SyncSqlite } from './statement-cache.ts';
import type { DatabaseEngine } from './open-database.ts';
import { toConversation } from './row-mapping.ts';
import type { Database } from './schema.ts';

export type HistoryStatusFilter = 'active' | 'waiting' | 'resolved' | 'all';

export type { VisibleTo } from './agent-visibility.ts';

export interface HistoryQuery {
  readonly status: HistoryStatusFilter;
  /** Only what this agent may open (src/app/conversations/conversation-scope.ts); null for everything. */
  readonly visibleTo: VisibleTo | null;
  /** Only conversations assigned to this agent now or when they ended. */
  readonly assignee: string | null;
  /** Free text: the customer's name, email or phone, or any message's text. */
  readonly text: string | null;
  /** Only conversations in this queue now (or when they ended); null or absent for any. */
  readonly queue?: string | null;
  /** Only conversations on this channel; null or absent for any. */
  readonly channel?: string | null;
  /** Last activity (`updated_at`) at or after this ISO instant; null or absent for no bound. */
  readonly activeFrom?: string | null;
  /** Last activity before this ISO instant; null or absent for no bound. */
  readonly activeBefore?: string | null;
  /** Only among these conversations (one person's); null for any. */
  readonly ids: readonly string[] | null;
  /** The last row of the previous page. */
  readonly after: { readonly updatedAt: string; readonly id: string } | null;
  readonly limit: number;
}

const ACTIVE = ['queued', 'offered', 'deferred', 'assigned'];

type Builder = ExpressionBuilder<Database, 'conversations'>;

export class ConversationHistory {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly engine: DatabaseEngine,
    /** SQLite: to bring the search index up to date before a search (message-search.ts). */
    private readonly sqlite?: SyncSqlite,
  ) {}

  /** SQLite: indexes the messages stored since the last call; PostgreSQL: nothing to do. */
  catchUpSearch(): Promise<void> {
    return catchUpMessageSearch(this.sqlite);
  }

  /** One page, newest change first; one row more than `limit` tells that there is more. */
  async search(query: HistoryQuery): Promise<ConversationRecord[]> {
    let select = this.db.selectFrom('conversations').selectAll();
    if (query.status === 'active') select = select.where('status', 'in', ACTIVE);
    if (query.status === 'waiting') select = select.where('status', 'in', [...WAITING_STATES]);
    if (query.status === 'resolved') select = select.where('status', '=', 'resolved');
    if (query.queue) select = select.where('queue', '=', query.queue);
    if (query.channel) select = select.where('channel', '=', query.channel);
    // Timestamps are ISO-8601 text in both engines: compared as strings, in time order.
    if (query.activeFrom) select = select.where('updated_at', '>=', query.activeFrom);
    if (query.activeBefore) select = select.where('updated_at', '<', query.activeBefore);
    const { visibleTo: scope, assignee, after, ids } = query;
    // PostgreSQL's text cannot hold a NUL; it is no part of any word either.
    const text = query.text?.replaceAll('\u0000', '') ?? null;
    if (ids !== null) {
      if (ids.length === 0) return [];
      select = select.where('id', 'in', [...ids]);
    }
    if (scope !== null) select = select.where((eb) => visibleTo(eb, scope));
    if (assignee !== null) select = select.where('assignee_id', '=', assignee);
    if (text) {
      await this.catchUpSearch();
      select = select.where((eb) => this.matches(eb, text));
    }
    if (after) {
      select = select.where((eb) =>
        eb.or([
          eb('updated_at', '<', after.updatedAt),
          eb.and([eb('updated_at', '=', after.updatedAt), eb('id', '<', after.id)]),
        ]),
      );
    }
    const rows = await select
      .orderBy('updated_at', 'desc')
      .orderBy('id', 'desc')
      .limit(query.limit + 1)
      .execute();
    return rows.map(toConversation);
  }

  /**
   * The inbox: what waits (in the agent's scope: their queues, or offered to them) and what
   * the agent holds, highest priority first, then longest wait. `scope` null: every queue.
   */
  async inbox(
    agentId: string,
    scope: VisibleTo | null,
    limit = 200,
  ): Promise<ConversationRecord[]> {
    let select = this.db
      .selectFrom('conversations')
      .selectAll()
      .where((eb) =>
        eb.or([
          eb('status', 'in', [...WAITING_STATES]),
          eb.and([eb('status', '=', 'assigned'), eb('assignee_id', '=', agentId)]),
        ]),
      );
    if (scope !== null) select = select.where((eb) => partOfLine(eb, scope));
    const rows = await select
      .orderBy('priority', 'desc')
      .orderBy('handed_over_at', 'asc')
      .limit(limit)
      .execute();
    return rows.map(toConversation);
  }

  /** Whether the agent may open this conversation (the rule of `visible`). */
  async isVisible(conversationId: string, scope: VisibleTo): Promise<boolean> {
    const row = await this.db
      .selectFrom('conversations')
      .select('id')
      .where('id', '=', conversationId)
      .where((eb) => visibleTo(eb, scope))
      .executeTakeFirst();
    return row !== undefined;
  }

  /**
   * The conversation's owner state and whether it is in the agent's scope, read in one
   * statement, so the answer belongs to the state it names (scoped-write.ts).
   */
  async visibilityWithState(
    conversationId: string,
    scope: VisibleTo,
  ): Promise<
    | { status: string; assigneeId: string | null; offeredTo: string | null; visible: boolean }
    | undefined
  > {
    const row = await this.db
      .selectFrom('conversations')
      .select((eb) => [
        'status',
        'assignee_id',
        'offered_to',
        eb.case().when(visibleTo(eb, scope)).then(1).else(0).end().as('visible'),
      ])
      .where('id', '=', conversationId)
      .executeTakeFirst();
    if (!row) return undefined;
    return {
      status: row.status,
      assigneeId: row.assignee_id,
      offeredTo: row.offered_to,
      visible: Number(row.visible) === 1,
    };
  }

  /** The conversations of the person behind these identities (see customer-conversations.ts). */
  async ofCustomer(identities: readonly CustomerIdentity[]) {
    return findCustomerConversations(this.db, identities, 'verified');
  }

  /**
   * The text in the customer record (name, email, phone), or every word of it in one
   * message's text (message-search.ts: full-text, any order, the last word a prefix).
   */
  private matches(eb: Builder, text: string): Expression<SqlBool> {
    const pattern = `%${escapeLike(text.toLowerCase())}%`;
    const digits = text.replace(/\D/g, '');
    const words = searchWords(text);
    const alternatives: Expression<SqlBool>[] = [
      sql<SqlBool>`lower(conversations.customer) like ${pattern} escape '\\'`,
    ];
    if (words.length > 0) {
      alternatives.push(
        sql<SqlBool>`conversations.id in (${conversationsWithWords(this.engine, words)})`,
      );
    }
    // A phone number in another notation than the one stored: compare the digits alone.
    if (digits.length >= 6) {
      alternatives.push(
        sql<SqlBool>`replace(replace(replace(replace(replace(coalesce(conversations.customer, ''), ' ', ''), '-', ''), '(', ''), ')', ''), '.', '') like ${`%${digits}%`}`,
        sql<SqlBool>`coalesce(conversations.external_thread, '') like ${`%${digits}%`}`,
      );
    }
    return eb.or(alternatives);
  }
}

/** `%`, `_` and the escape character itself match literally. */
function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}
