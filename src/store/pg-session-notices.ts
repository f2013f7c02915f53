/**
 * Ended sessions on PostgreSQL without Redis. `baton agents` (disable, reset-totp, a new
 * password) ends an agent's sessions in the database and then says so with NOTIFY; each
 * server LISTENs and closes the agent's open inbox sockets at once, as the Redis bus's
 * sessions channel does on a cluster. Without it a server would notice only at its next
 * session check (`auth.sessionCheckMs`). NOTIFY reaches every connection to the same
 * database; the channel is named by the cluster's prefix (`BATON_REDIS_PREFIX`). The listening
 * connection is a health dependency of its own (SESSION_NOTICES_DEPENDENCY): while it is lost
 * an ended session's socket stays open until its session check, so /healthz says degraded; it
 * reconnects by itself (pg-notify-transport.ts).
 */
import type { Kysely } from 'kysely';
import type { EventBus, SessionsEnded } from '../bus/event-bus.ts';
import { parseJsonObjectText } from '../core/json/parse-json-object.ts';
import { createPgNotifyTransport } from './pg-notify-transport.ts';
import type { Database } from './schema.ts';

export interface PgSessionNoticeOptions {
  readonly url: string;
  readonly db: Kysely<Database>;
  /** The cluster's channel prefix: servers of another cluster on the database do not hear. */
  readonly prefix: string;
  readonly onError: (error: unknown) => void;
}

/** The name /healthz gives the sessions' listening connection. */
export const SESSION_NOTICES_DEPENDENCY = 'postgres-session-notices';

const transportFor = (options: PgSessionNoticeOptions) =>
  createPgNotifyTransport({
    ...options,
    prefix: `${options.prefix}:sessions`,
    dependency: SESSION_NOTICES_DEPENDENCY,
  });

/** Tells every server on the database that sessions ended (after the change committed). */
export async function notifySessionsEnded(
  options: PgSessionNoticeOptions,
  ended: SessionsEnded,
): Promise<void> {
  await transportFor(options).send(JSON.stringify(ended));
}

/** The bus, also hearing the ended sessions others NOTIFY; closing it stops listening. */
export async function withPgSessionNotices(
  bus: EventBus,
  options: PgSessionNoticeOptions,
): Promise<EventBus> {
  const transport = transportFor(options);
  await transport.listen((payload) => {
    const ended = sessionsEndedFrom(payload);
    if (ended) bus.endSessions(ended);
    else options.onError(new Error('an ended-sessions notice that is not one was ignored'));
  });
  return {
    ...bus,
    // While this listener is lost, no ended session reaches this server's open sockets.
    health: () => [...(bus.health?.() ?? []), transport.health()],
    async close() {
      await transport.close();
      await bus.close();
    },
  };
}

function sessionsEndedFrom(payload: string): SessionsEnded | undefined {
  const value = parseJsonObjectText(payload);
  if (!value) return undefined;
  const { agentId, sessionHash, reason } = value;
  if (typeof agentId !== 'string' || typeof reason !== 'string') return undefined;
  if (sessionHash !== undefined && typeof sessionHash !== 'string') return undefined;
  return { agentId, reason, ...(sessionHash ? { sessionHash } : {}) };
}
