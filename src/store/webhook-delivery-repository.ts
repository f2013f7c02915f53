/** The outgoing-webhook delivery log (one row per event sent, updated on each attempt). */
import type { Kysely } from 'kysely';
import type { Database, WebhookDeliveriesTable } from './schema.ts';

export interface WebhookDelivery {
  readonly id: string;
  readonly conversationId: string;
  readonly seq: number;
  readonly type: string;
  readonly url: string;
  readonly status: 'pending' | 'delivered' | 'failed';
  readonly attempts: number;
  readonly lastError: string | null;
  readonly createdAt: string;
  readonly updatedAt: string;
}

const toDelivery = (r: WebhookDeliveriesTable): WebhookDelivery => ({
  id: r.id,
  conversationId: r.conversation_id,
  seq: Number(r.seq),
  type: r.type,
  url: r.url,
  status: r.status as WebhookDelivery['status'],
  attempts: Number(r.attempts),
  lastError: r.last_error,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

export class WebhookDeliveryRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /** Records an attempt's outcome, creating the row on the first attempt. */
  async record(
    delivery: Omit<WebhookDelivery, 'createdAt' | 'updatedAt'>,
    now: Date,
  ): Promise<void> {
    const at = now.toISOString();
    const updated = await this.db
      .updateTable('webhook_deliveries')
      .set({
        status: delivery.status,
        attempts: delivery.attempts,
        last_error: delivery.lastError,
        updated_at: at,
      })
      .where('id', '=', delivery.id)
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) > 0) return;
    await this.db
      .insertInto('webhook_deliveries')
      .values({
        id: delivery.id,
        conversation_id: delivery.conversationId,
        seq: delivery.seq,
        type: delivery.type,
        url: delivery.url,
        status: delivery.status,
        attempts: delivery.attempts,
        last_error: delivery.lastError,
        created_at: at,
        updated_at: at,
      })
      .execute();
  }

  /** The deliveries about one conversation, oldest first (a person's export). */
  async listFor(conversationId: string): Promise<WebhookDelivery[]> {
    const rows = await this.db
      .selectFrom('webhook_deliveries')
      .selectAll()
      .where('conversation_id', '=', conversationId)
      .orderBy('created_at')
      .orderBy('id')
      .execute();
    return rows.map(toDelivery);
  }

  async recent(limit = 100): Promise<WebhookDelivery[]> {
    const rows = await this.db
      .selectFrom('webhook_deliveries')
      .selectAll()
      .orderBy('updated_at', 'desc')
      .limit(limit)
      .execute();
    return rows.map(toDelivery);
  }
}
