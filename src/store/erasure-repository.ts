/**
 * Erasing conversations for good: a customer's request to be forgotten, or a retention
 * period. Everything stored about a conversation goes in one transaction — its events,
 * timers (the channel outbox), webhook delivery log and stored files with the conversation
 * row — so nothing half-erased stays; the messages' words leave the full-text index in the
 * same transaction (migration 025's triggers). Then, on SQLite, the bytes leave the database
 * files too: it runs with `secure_delete` (open-database.ts), so deleted cells are zeroed, the
 * full-text index is merged into one segment (FTS5 keeps a word as a page boundary in
 * `message_search_idx` after its last row is gone), and the WAL, which still holds the old
 * pages, is checkpointed and truncated. PostgreSQL vacuums the tables so the dead rows are
 * pruned, and rebuilds the message index (GIN keeps a word as a key after its last row goes);
 * a plain VACUUM frees the rows' space without overwriting it, so there the bytes stay in the
 * files until reused (docs/security.md says so; VACUUM FULL, which locks, is left to the
 * operator).
 */
import { sql, type Kysely } from 'kysely';
import type { ConversationState } from '../core/conversation/conversation-state.ts';
import { identitiesOfReference } from '../core/customer/customer-identity.ts';
import { findCustomerConversations, type CustomerMatch } from './customer-conversations.ts';
import { catchUpMessageSearch } from './message-search.ts';
import type { DatabaseEngine } from './open-database.ts';
import type { SyncSqlite } from './statement-cache.ts';
import type { Database } from './schema.ts';

export interface ErasureSelector {
  /** `id:<customer id>` or `email:<address>` (see customerKeyOf). */
  readonly customerKey?: string;
  readonly channel?: string;
  /** The provider's thread id (a phone number, a Telegram chat id …), with `channel`. */
  readonly externalThread?: string;
  readonly conversationId?: string;
  /** Closed (resolved or abandoned) and last changed before this time. */
  readonly closedBefore?: Date;
}

export interface ErasureCandidate {
  readonly id: string;
  readonly status: ConversationState;
  readonly channel: string;
  readonly updatedAt: string;
}

const CLOSED: readonly ConversationState[] = ['resolved', 'abandoned'];
// Bound each DELETE's IN list (SQLite allows 32,766 parameters; keep far below).
const CHUNK = 500;
/** Every table that holds rows of a conversation, children first. */
const CONVERSATION_TABLES = [
  'events',
  'timers',
  'webhook_deliveries',
  'media_files',
  'provider_messages',
] as const;

export interface WipeResult {
  /** SQLite: the WAL was checkpointed to empty (false while another reader held it). */
  readonly walTruncated?: boolean;
}

export class ErasureRepository {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly engine: DatabaseEngine,
    /** SQLite: the pending messages go into the search index before it is rewritten. */
    private readonly sqlite?: SyncSqlite,
  ) {}

  /** Every conversation of the person an id, email, phone number or channel thread names. */
  findCustomer(reference: string): Promise<CustomerMatch> {
    return findCustomerConversations(this.db, identitiesOfReference(reference));
  }

  async find(selector: ErasureSelector): Promise<ErasureCandidate[]> {
    let query = this.db
      .selectFrom('conversations')
      .select(['id', 'status', 'channel', 'updated_at']);
    if (selector.customerKey !== undefined)
      query = query.where('customer_key', '=', selector.customerKey);
    if (selector.channel !== undefined) query = query.where('channel', '=', selector.channel);
    if (selector.externalThread !== undefined)
      query = query.where('external_thread', '=', selector.externalThread);
    if (selector.conversationId !== undefined)
      query = query.where('id', '=', selector.conversationId);
    if (selector.closedBefore !== undefined) {
      query = query
        .where('status', 'in', [...CLOSED])
        .where('updated_at', '<', selector.closedBefore.toISOString());
    }
    const rows = await query.orderBy('created_at').execute();
    return rows.map((r) => ({
      id: r.id,
      status: r.status as ConversationState,
      channel: r.channel,
      updatedAt: r.updated_at,
    }));
  }

  /** Deletes the conversations and everything stored with them; returns how many went. */
  async erase(ids: readonly string[]): Promise<number> {
    let erased = 0;
    for (let i = 0; i < ids.length; i += CHUNK) {
      const chunk = ids.slice(i, i + CHUNK);
      erased += await this.db.transaction().execute(async (trx) => {
        for (const table of CONVERSATION_TABLES) {
          await trx.deleteFrom(table).where('conversation_id', 'in', chunk).execute();
        }
        const result = await trx
          .deleteFrom('conversations')
          .where('id', 'in', chunk)
          .executeTakeFirst();
        return Number(result.numDeletedRows);
      });
    }
    return erased;
  }

  /**
   * Makes deleted rows unrecoverable from SQLite's files: after `erase`, before telling
   * anyone the data is gone. SQLite: the deleted cells are already zeroed (secure_delete); the
   * WAL, which still holds the old pages, is checkpointed into the main file and truncated.
   * `vacuum` also rebuilds the file, which clears what deletes made before secure_delete was
   * on left in free pages; it locks out writers while it runs, so the CLI asks for it and the
   * server does not. Both: the full-text index is rewritten without the erased words (a
   * cost that grows with the number of messages). PostgreSQL: VACUUM the tables erasure
   * touches, pruning the dead rows (their space is freed, not overwritten); the index is
   * rebuilt CONCURRENTLY, so writes go on.
   */
  async wipe(options: { vacuum?: boolean } = {}): Promise<WipeResult> {
    if (this.engine === 'postgres') {
      await sql`vacuum ${sql.join(ERASED_TABLES.map((t) => sql.table(t)))}`.execute(this.db);
      await sql`reindex index concurrently events_message_search_idx`.execute(this.db);
      return {};
    }
    // Indexed first, so the rewrite (and a VACUUM) leaves nothing waiting on old rowids.
    await catchUpMessageSearch(this.sqlite);
    await sql`insert into message_search (message_search) values ('optimize')`.execute(this.db);
    await this.checkpoint();
    if (!options.vacuum) return { walTruncated: await this.checkpoint() };
    await sql`vacuum`.execute(this.db);
    return { walTruncated: await this.checkpoint() };
  }

  private async checkpoint(): Promise<boolean> {
    // Readers on other connections (a running server) can hold the WAL for a moment.
    for (let attempt = 0; attempt < 20; attempt++) {
      const { rows } = await sql<{
        busy: number;
      }>`pragma wal_checkpoint(TRUNCATE)`.execute(this.db);
      if (rows[0]?.busy === 0) return true;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    return false;
  }
}

const ERASED_TABLES = ['conversations', ...CONVERSATION_TABLES] as const;
