/**
 * Erasing conversations for good: a customer's request to be forgotten, or a retention
 * period. Everything stored about a conversation goes in one transaction — its events,
 * timers (the channel outbox), webhook delivery log, stored files and staff's notes with the
 * conversation row — so nothing half-erased stays; the messages' words leave the full-text index in the
 * same transaction (migration 025's triggers). Then, on SQLite, the bytes leave the database
 * files too: it runs with `secure_delete` (open-database.ts), so deleted cells are zeroed, the
 * full-text index is merged into one segment (FTS5 keeps a word as a page boundary in
 * `message_search_idx` after its last row is gone), and the WAL, which still holds the old
 * pages, is checkpointed and truncated. On PostgreSQL, with `vacuum` (the CLI), the tables
 * are rewritten with VACUUM FULL, their indexes with them, so the bytes leave the table and
 * index files, then a CHECKPOINT is asked for; without it (the server) a plain VACUUM prunes
 * the dead rows without overwriting their space and the message index is rebuilt
 * CONCURRENTLY (GIN keeps a word as a key after its last row goes), so the bytes stay in the
 * files until the compaction window rewrites the tables (app/privacy/compaction-window.ts,
 * docs/security.md).
 */
import { sql, type Kysely } from 'kysely';
import type { ConversationState } from '../core/conversation/conversation-state.ts';
import { identitiesOfReference } from '../core/customer/customer-identity.ts';
import { findCustomerConversations, type CustomerMatch } from './customer-conversations.ts';
import { checkpointPostgres } from './compaction-repository.ts';
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
  'contact_notes',
] as const;

/** Every table erasure deletes from: the ones VACUUM FULL may rewrite. */
export const ERASED_TABLES = ['conversations', ...CONVERSATION_TABLES] as const;
export type ErasedTable = (typeof ERASED_TABLES)[number];

export interface ErasedRows {
  readonly erased: number;
  /** The tables rows were deleted from, in ERASED_TABLES order. */
  readonly tables: readonly ErasedTable[];
}

export interface WipeResult {
  /** SQLite: the WAL was checkpointed to empty (false while another reader held it). */
  readonly walTruncated?: boolean;
  /** PostgreSQL with `vacuum`: the tables VACUUM FULL rewrote (a new file each). */
  readonly rewrittenTables?: readonly string[];
  /** PostgreSQL with `vacuum`: tables VACUUM FULL skipped (it only warns when not the owner). */
  readonly notRewrittenTables?: readonly string[];
  /** PostgreSQL with `vacuum`: CHECKPOINT ran (false: the role may not; superuser or pg_checkpoint). */
  readonly checkpointed?: boolean;
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
    // Claims find a conversation (it holds the person's address) but are never followed.
    return findCustomerConversations(this.db, identitiesOfReference(reference), 'claims');
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

  /**
   * Deletes the conversations and everything stored with them (the staff's notes written
   * from them among it), and the notes kept under `contactKeys` (a person's erasure: every
   * note about them); returns how many conversations went and the tables that lost rows
   * (what PostgreSQL's compaction window must rewrite).
   */
  async erase(ids: readonly string[], contactKeys: readonly string[] = []): Promise<ErasedRows> {
    let erased = 0;
    const touched = new Set<ErasedTable>();
    for (let i = 0; i < contactKeys.length; i += CHUNK) {
      const gone = await this.db
        .deleteFrom('contact_notes')
        .where('contact_key', 'in', contactKeys.slice(i, i + CHUNK))
        .executeTakeFirst();
      if (Number(gone.numDeletedRows) > 0) touched.add('contact_notes');
    }
    for (let i = 0; i < ids.length; i += CHUNK) {
      const chunk = ids.slice(i, i + CHUNK);
      erased += await this.db.transaction().execute(async (trx) => {
        for (const table of CONVERSATION_TABLES) {
          const gone = await trx
            .deleteFrom(table)
            .where('conversation_id', 'in', chunk)
            .executeTakeFirst();
          if (Number(gone.numDeletedRows) > 0) touched.add(table);
        }
        const result = await trx
          .deleteFrom('conversations')
          .where('id', 'in', chunk)
          .executeTakeFirst();
        if (Number(result.numDeletedRows) > 0) touched.add('conversations');
        return Number(result.numDeletedRows);
      });
    }
    return { erased, tables: ERASED_TABLES.filter((t) => touched.has(t)) };
  }

  /**
   * Makes deleted rows unrecoverable from the database files: after `erase`, before telling
   * anyone the data is gone. SQLite: the deleted cells are already zeroed (secure_delete); the
   * WAL, which still holds the old pages, is checkpointed into the main file and truncated.
   * `vacuum` also rebuilds the file, which clears what deletes made before secure_delete was
   * on left in free pages; it locks out writers while it runs, so the CLI asks for it and the
   * server does not. Both: the full-text index is rewritten without the erased words (a
   * cost that grows with the number of messages). PostgreSQL: with `vacuum`, VACUUM FULL
   * rewrites each table erasure touches and its indexes into new files (an ACCESS EXCLUSIVE
   * lock per table while it does), then CHECKPOINT, if the role may, flushes the rewrite and
   * lets the server recycle WAL segments holding the old pages. Without it, a plain VACUUM
   * prunes the dead rows (their space is freed, not overwritten) and the message index is
   * rebuilt CONCURRENTLY, so writes go on.
   */
  async wipe(options: { vacuum?: boolean } = {}): Promise<WipeResult> {
    if (this.engine === 'postgres') {
      if (options.vacuum) return this.rewritePostgres();
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

  private async rewritePostgres(): Promise<WipeResult> {
    const before = await this.fileNodes();
    // One statement per table: each is locked only while it is rewritten. The rewrite rebuilds
    // the table's indexes too, the message search index among them.
    for (const table of ERASED_TABLES) await sql`vacuum full ${sql.table(table)}`.execute(this.db);
    // VACUUM FULL skips a table the role does not own with a warning only; a new file is proof.
    const after = await this.fileNodes();
    const rewritten = ERASED_TABLES.filter((t) => after.get(t) !== before.get(t));
    return {
      rewrittenTables: rewritten,
      notRewrittenTables: ERASED_TABLES.filter((t) => !rewritten.includes(t)),
      checkpointed: await checkpointPostgres(this.db),
    };
  }

  private async fileNodes(): Promise<Map<string, string>> {
    const nodes = new Map<string, string>();
    for (const table of ERASED_TABLES) {
      const { rows } = await sql<{
        node: string;
      }>`select pg_relation_filenode(${table}::regclass)::text as node`.execute(this.db);
      nodes.set(table, rows[0]?.node ?? '');
    }
    return nodes;
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
