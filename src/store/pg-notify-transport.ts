/**
 * The bus's fallback path on PostgreSQL (see bus/fallback.ts): NOTIFY to send, one LISTEN
 * connection to hear. NOTIFY is delivered only once the sender's statement committed, in
 * order, to every listener of the database; channels are database-wide, so the channel name
 * carries the cluster's prefix. The listening connection reconnects by itself.
 */
import { createHash } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import pg from 'pg';
import type { DependencyHealth } from '../bus/event-bus.ts';
import type { ChangeRef, FallbackTransport, LoadChange } from '../bus/fallback.ts';
import type { ConversationRepository } from './conversation-repository.ts';
import type { Database } from './schema.ts';

export interface PgNotifyOptions {
  readonly url: string;
  readonly db: Kysely<Database>;
  /** The cluster's channel prefix (the Redis one): nodes of other clusters do not hear it. */
  readonly prefix: string;
  readonly onError: (error: unknown) => void;
  /** The name its health goes by; `postgres-notify` (NOTIFY_DEPENDENCY) unless given. */
  readonly dependency?: string;
}

const RECONNECT_MS = 1000;

/** The name health and metrics give the listening connection (`/healthz` dependencies). */
export const NOTIFY_DEPENDENCY = 'postgres-notify';

/** A channel name PostgreSQL takes as an identifier (at most 63 bytes). */
export function notifyChannel(prefix: string): string {
  return `baton_${createHash('sha256').update(prefix).digest('hex').slice(0, 32)}`;
}

export function createPgNotifyTransport(options: PgNotifyOptions): FallbackTransport {
  const channel = notifyChannel(options.prefix);
  const dependency = options.dependency ?? NOTIFY_DEPENDENCY;
  let client: pg.Client | null = null;
  let closed = false;
  let retry: NodeJS.Timeout | null = null;
  // Down until the first LISTEN answers; down again from the moment it is lost.
  let hearing: DependencyHealth = { dependency, up: false, since: new Date() };
  const setHearing = (up: boolean) => {
    if (hearing.up !== up) hearing = { dependency, up, since: new Date() };
  };

  const scheduleReconnect = (onPayload: (payload: string) => void) => {
    if (closed || retry) return;
    retry = setTimeout(() => {
      retry = null;
      connect(onPayload).catch((error: unknown) => {
        options.onError(error);
        scheduleReconnect(onPayload);
      });
    }, RECONNECT_MS);
  };

  const connect = async (onPayload: (payload: string) => void): Promise<void> => {
    const next = new pg.Client({ connectionString: options.url });
    next.on('notification', (n) => {
      if (n.channel === channel && n.payload !== undefined) onPayload(n.payload);
    });
    try {
      await next.connect();
      await next.query(`listen ${channel}`);
    } catch (error) {
      await next.end().catch(() => undefined);
      throw error;
    }
    // A connection lost later (PostgreSQL restarted) is replaced, not given up on.
    next.on('error', (error) => {
      options.onError(error);
      if (client === next) {
        client = null;
        setHearing(false);
      }
      void next.end().catch(() => undefined);
      scheduleReconnect(onPayload);
    });
    if (closed) await next.end();
    else {
      client = next;
      setHearing(true);
    }
  };

  return {
    async send(payload) {
      await sql`select pg_notify(${channel}, ${payload})`.execute(options.db);
    },
    async sendAll(payloads) {
      // One statement, one transaction: delivered together at its commit, in array order.
      await sql`select pg_notify(${channel}, p) from unnest(${[...payloads]}::text[]) as p`.execute(
        options.db,
      );
    },
    listen: (onPayload) => connect(onPayload),
    health: () => hearing,
    async close() {
      closed = true;
      if (retry) clearTimeout(retry);
      await client?.end().catch(() => undefined);
    },
  };
}

/** Reads a change back from the log by its reference: the conversation as it is now. */
export function loadChangeFrom(conversations: ConversationRepository): LoadChange {
  return async (ref: ChangeRef) => {
    const conversation = await conversations.get(ref.id);
    if (!conversation) return undefined;
    const count = Math.max(0, ref.toSeq - ref.fromSeq + 1);
    const events = count > 0 ? await conversations.eventsSince(ref.id, ref.fromSeq - 1, count) : [];
    return { conversation, events };
  };
}
