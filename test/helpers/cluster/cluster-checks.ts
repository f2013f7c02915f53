/**
 * What the cluster tests count in the store (PostgreSQL, read directly): messages per
 * clientMessageId, and each socket's view against the stored messages.
 */
import pg from 'pg';
import { REDIS_SKIP_REASON } from '../redis.ts';
import { HAPROXY_BIN } from './haproxy.ts';
import { postgresBinDir } from './private-postgres.ts';
import type { ResilientSocket } from './resilient-socket.ts';
import { existsSync } from 'node:fs';

/** Why the cluster tests cannot run here, or null. Under CI=true a missing part is a failure. */
export function clusterSkipReason(): string | null {
  const reason = !existsSync(HAPROXY_BIN)
    ? `no HAProxy at ${HAPROXY_BIN} (apt-get install haproxy)`
    : !postgresBinDir()
      ? 'no PostgreSQL server binaries under /usr/lib/postgresql (apt-get install postgresql)'
      : REDIS_SKIP_REASON;
  if (reason && process.env.CI === 'true') throw new Error(`${reason} (CI=true: nothing may skip)`);
  if (reason) console.warn(`[skip] cluster: ${reason}`);
  return reason;
}

export async function query<T = any>(url: string, text: string, values: unknown[] = []) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(text, values)).rows as T[];
  } finally {
    await client.end();
  }
}

/** How many times each clientMessageId is stored as a message. */
export async function storedMessageCounts(url: string, ids: readonly string[]) {
  const rows = await query<{ id: string; n: string }>(
    url,
    `select client_message_id as id, count(*) as n from events
     where type = 'message.created' and client_message_id = any($1) group by client_message_id`,
    [ids],
  );
  return new Map(rows.map((r) => [r.id, Number(r.n)]));
}

/** The stored messages' seqs per conversation. */
export async function messageSeqs(url: string, conversationIds: readonly string[]) {
  const rows = await query<{ conversation_id: string; seq: number }>(
    url,
    `select conversation_id, seq from events
     where type = 'message.created' and conversation_id = any($1) order by seq`,
    [conversationIds],
  );
  const seqs = new Map<string, number[]>();
  for (const r of rows)
    seqs.set(r.conversation_id, [...(seqs.get(r.conversation_id) ?? []), Number(r.seq)]);
  return seqs;
}

/**
 * A socket's view of a conversation against the store: seqs it got twice (duplicates), out
 * of order, and stored messages it never got (lost).
 */
export function socketView(socket: ResilientSocket, conversationId: string, stored: number[]) {
  const seen = socket.seqs.get(conversationId) ?? [];
  const duplicates = seen.length - new Set(seen).size;
  const outOfOrder = seen.filter((s, i) => i > 0 && s <= (seen[i - 1] ?? 0)).length;
  const have = new Set(seen);
  const missing = stored.filter((s) => !have.has(s)).length;
  return { duplicates, outOfOrder, missing };
}
