/**
 * Erasing conversations for good: a customer's request to be forgotten, or a retention
 * period. Everything stored about a conversation goes in one transaction — its events,
 * timers and webhook delivery log with the conversation row — so nothing half-erased stays.
 */
import type { Kysely } from 'kysely';
import type { ConversationState } from '../core/conversation/conversation-state.ts';
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

export class ErasureRepository {
  constructor(private readonly db: Kysely<Database>) {}

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
}
