/**
 * Inbound dedupe across conversations: a customer message that carries the provider's id
 * (`data.providerMessageId`, set by the channel inbound) claims (channel, id) in
 * `provider_messages` in the same transaction that stores it. A second copy, delivered
 * concurrently or after the conversation was resolved, violates the key and is reported as
 * a duplicate of the first, which is never stored twice (migrations/014).
 */
import type { Kysely } from 'kysely';
import type { NewEvent } from '../core/records.ts';
import type { Database, ProviderMessagesTable } from './schema.ts';

/** A conversation for this provider thread is already open (another copy made it). */
export class ThreadTakenError extends Error {
  constructor(
    readonly channel: string,
    readonly thread: string,
  ) {
    super(`An open conversation already exists for ${channel} thread ${thread}.`);
    this.name = 'ThreadTakenError';
  }
}

export function isUniqueViolation(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  // SQLite (better-sqlite3) and PostgreSQL (SQLSTATE unique_violation).
  return (
    code === 'SQLITE_CONSTRAINT_UNIQUE' ||
    code === 'SQLITE_CONSTRAINT_PRIMARYKEY' ||
    code === '23505'
  );
}

/** The rows the customer messages of a commit claim, in a conversation of this channel. */
export function providerMessageClaims(
  channel: string,
  conversationId: string,
  events: readonly NewEvent[],
  at: string,
): ProviderMessagesTable[] {
  return events.flatMap((e) => {
    // A customer's message from a channel carries the provider's id; no other event does.
    const id = e.type === 'message.created' ? e.data.providerMessageId : undefined;
    return e.actor.type === 'customer' && typeof id === 'string' && id !== ''
      ? [{ channel, provider_message_id: id, conversation_id: conversationId, created_at: at }]
      : [];
  });
}

/** The conversation that stored this provider message, if any did. */
export async function conversationOfProviderMessage(
  db: Kysely<Database>,
  channel: string,
  providerMessageId: string,
): Promise<string | undefined> {
  const row = await db
    .selectFrom('provider_messages')
    .select('conversation_id')
    .where('channel', '=', channel)
    .where('provider_message_id', '=', providerMessageId)
    .executeTakeFirst();
  return row?.conversation_id;
}
