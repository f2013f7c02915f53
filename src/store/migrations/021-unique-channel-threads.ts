/**
 * One open conversation per provider thread, and each provider message stored once per
 * channel, on both engines and however many nodes receive the same webhook at once.
 *
 * - A partial unique index on (channel, external_thread) over open conversations: the
 *   second of two concurrent "new thread" webhooks fails to create a conversation and joins
 *   the first one's (see app/channels/thread-conversation.ts).
 * - `provider_messages`: (channel, provider message id) → the conversation that stored it,
 *   written in the same transaction as the message, whatever the conversation's state, so a
 *   message redelivered after its conversation was resolved is known as a duplicate.
 *
 * Threads that already have several open conversations (made before this index) keep the
 * newest open one, where their new messages already went (the thread look-up takes the
 * newest); the older ones are resolved by the system with a `conversation.resolved` event
 * saying why and which conversation was kept, and their timers are cancelled.
 */
import { sql, type Kysely } from 'kysely';

interface Tables {
  conversations: {
    id: string;
    channel: string;
    status: string;
    external_thread: string | null;
    last_seq: number;
    created_at: string;
    updated_at: string;
    resolved_at: string | null;
    offered_to: string | null;
  };
  events: {
    conversation_id: string;
    seq: number;
    type: string;
    actor_type: string;
    actor_id: string | null;
    actor_name: string | null;
    data: string;
    client_message_id: string | null;
    created_at: string;
  };
  timers: { conversation_id: string; status: string };
  provider_messages: {
    channel: string;
    provider_message_id: string;
    conversation_id: string;
    created_at: string;
  };
}

const CLOSED = ['resolved', 'abandoned'];
const PAGE = 1000;

export async function up(unknownDb: Kysely<unknown>): Promise<void> {
  const db = unknownDb as Kysely<Tables>;
  await db.schema
    .createTable('provider_messages')
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('provider_message_id', 'text', (c) => c.notNull())
    .addColumn('conversation_id', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('provider_messages_pk', ['channel', 'provider_message_id'])
    .execute();
  await resolveDuplicateThreads(db, new Date().toISOString());
  // Same syntax on SQLite and PostgreSQL: a partial unique index.
  await sql`create unique index conversations_open_thread_idx
    on conversations (channel, external_thread)
    where external_thread is not null and status not in ('resolved', 'abandoned')`.execute(db);
  await backfillProviderMessages(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('conversations_open_thread_idx').execute();
  await db.schema.dropTable('provider_messages').execute();
}

async function resolveDuplicateThreads(db: Kysely<Tables>, at: string): Promise<void> {
  const threads = await db
    .selectFrom('conversations')
    .select(['channel', 'external_thread'])
    .where('external_thread', 'is not', null)
    .where('status', 'not in', CLOSED)
    .groupBy(['channel', 'external_thread'])
    .having((eb) => eb.fn.countAll(), '>', 1)
    .execute();
  for (const thread of threads) {
    const open = await db
      .selectFrom('conversations')
      .select(['id', 'status', 'last_seq'])
      .where('channel', '=', thread.channel)
      .where('external_thread', '=', thread.external_thread)
      .where('status', 'not in', CLOSED)
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .execute();
    const [kept, ...older] = open;
    if (!kept) continue;
    // Kysely runs a migration in one transaction where the engine allows it (PostgreSQL).
    for (const c of older) await resolveAsDuplicate(db, c, kept.id, at);
  }
}

async function resolveAsDuplicate(
  db: Kysely<Tables>,
  c: { id: string; status: string; last_seq: number },
  keptConversationId: string,
  at: string,
): Promise<void> {
  const seq = Number(c.last_seq) + 1;
  await db
    .updateTable('conversations')
    .set({ status: 'resolved', resolved_at: at, updated_at: at, offered_to: null, last_seq: seq })
    .where('id', '=', c.id)
    .execute();
  await db
    .insertInto('events')
    .values({
      conversation_id: c.id,
      seq,
      type: 'conversation.resolved',
      actor_type: 'system',
      actor_id: null,
      actor_name: null,
      data: JSON.stringify({ reason: 'duplicate_thread', from: c.status, keptConversationId }),
      client_message_id: null,
      created_at: at,
    })
    .execute();
  await db
    .updateTable('timers')
    .set({ status: 'cancelled' })
    .where('conversation_id', '=', c.id)
    .where('status', 'in', ['pending', 'claimed'])
    .execute();
}

/**
 * The provider ids of the customer messages stored so far; a message the old race stored in
 * several conversations is keyed to one of them.
 */
async function backfillProviderMessages(db: Kysely<Tables>): Promise<void> {
  let after: { id: string; seq: number } | null = null;
  for (;;) {
    let query = db
      .selectFrom('events')
      .innerJoin('conversations', 'conversations.id', 'events.conversation_id')
      .select(['events.conversation_id', 'events.seq', 'events.data', 'events.created_at'])
      .select('conversations.channel')
      .where('events.type', '=', 'message.created')
      .where('events.actor_type', '=', 'customer')
      .where('events.client_message_id', 'is not', null);
    if (after) {
      const { id, seq } = after;
      query = query.where((eb) =>
        eb.or([
          eb('events.conversation_id', '>', id),
          eb.and([eb('events.conversation_id', '=', id), eb('events.seq', '>', seq)]),
        ]),
      );
    }
    const rows = await query
      .orderBy('events.conversation_id')
      .orderBy('events.seq')
      .limit(PAGE)
      .execute();
    const claims = rows.flatMap((r) => {
      const id = providerMessageIdOf(r.data);
      return id
        ? [
            {
              channel: r.channel,
              provider_message_id: id,
              conversation_id: r.conversation_id,
              created_at: r.created_at,
            },
          ]
        : [];
    });
    for (const claim of claims) {
      await db
        .insertInto('provider_messages')
        .values(claim)
        .onConflict((oc) => oc.columns(['channel', 'provider_message_id']).doNothing())
        .execute();
    }
    const last = rows.at(-1);
    if (!last || rows.length < PAGE) return;
    after = { id: last.conversation_id, seq: Number(last.seq) };
  }
}

function providerMessageIdOf(data: string): string | undefined {
  try {
    const parsed = JSON.parse(data) as { providerMessageId?: unknown };
    return typeof parsed.providerMessageId === 'string' ? parsed.providerMessageId : undefined;
  } catch {
    return undefined;
  }
}
