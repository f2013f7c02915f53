/**
 * Presence through PostgreSQL NOTIFY, for `baton agents list` without Redis. The channel is
 * the one a cluster's nodes fall back to when Redis is unreachable (pg-notify-transport.ts),
 * where each sends its presence every heartbeat and answers at once a node it has not heard
 * before (redis-bus.ts). A server on PostgreSQL without Redis LISTENs there too and answers
 * the same way, with the agents whose inbox socket is open on it; it sends no heartbeat and
 * counts no other server's sockets (without Redis, Baton is one node).
 */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { PresenceTable, type PresenceMessage } from '../bus/cluster-presence.ts';
import type { EventBus } from '../bus/event-bus.ts';
import { presenceFromFallback } from '../bus/fallback.ts';
import { PresenceAssembler, presenceBeats, presencePayloads } from '../bus/presence-parts.ts';
import type { PresenceChannel } from '../bus/read-cluster-presence.ts';
import { createPgNotifyTransport } from './pg-notify-transport.ts';
import type { Database } from './schema.ts';

export interface PgPresenceOptions {
  readonly url: string;
  readonly db: Kysely<Database>;
  /** The cluster's channel prefix (`BATON_REDIS_PREFIX`). */
  readonly prefix: string;
  readonly onError: (error: unknown) => void;
}

/** The presence channel over NOTIFY, for a reader (read-cluster-presence.ts). */
export function pgPresenceChannel(options: PgPresenceOptions): PresenceChannel {
  const transport = createPgNotifyTransport(options);
  const nextBeat = presenceBeats();
  return {
    listen(onMessage) {
      // The nodes' heartbeats come in parts (presence-parts.ts); a reader listens for one
      // heartbeat, and a node silent longer than three is forgotten by then anyway.
      const parts = new PresenceAssembler(Number.MAX_SAFE_INTEGER);
      return transport.listen((payload) => {
        const part = presenceFromFallback(payload);
        const whole = part && parts.add(part);
        if (whole) onMessage(whole);
      });
    },
    send: (message) => transport.sendAll(presencePayloads(message, nextBeat()).payloads),
    close: () => transport.close(),
  };
}

export interface PgPresenceAnswerOptions extends PgPresenceOptions {
  /** How long a silent reader is remembered (three of them), as the nodes do. */
  readonly heartbeatMs: number;
}

/**
 * The bus, also answering the presence readers on NOTIFY with this server's open inboxes
 * (the hub tells it through `cluster.announce`); closing it stops listening.
 */
export async function withPgPresenceAnswers(
  bus: EventBus,
  options: PgPresenceAnswerOptions,
): Promise<EventBus> {
  const node = randomUUID();
  const transport = createPgNotifyTransport(options);
  const heard = new PresenceTable(options.heartbeatMs);
  const parts = new PresenceAssembler(options.heartbeatMs * 3);
  const nextBeat = presenceBeats();
  let agents: readonly string[] = [];
  const say = (message: PresenceMessage) => {
    const { payloads, refused } = presencePayloads(message, nextBeat());
    for (const error of refused) options.onError(error);
    return transport.sendAll(payloads).catch(options.onError);
  };
  // Customers are no reader's business; agents beyond one NOTIFY's size go in parts.
  const answer = () => void say({ node, up: true, agents });
  try {
    await transport.listen((payload) => {
      const part = presenceFromFallback(payload);
      const message = part && part.node !== node ? parts.add(part) : undefined;
      if (!message) return;
      // Forgets readers that never said goodbye (killed), as the nodes do.
      heard.agentIds();
      if (heard.hear(message)) answer();
    });
  } catch (error) {
    // The bus is this wrapper's to close: a failed start leaves no listener behind.
    await bus.close();
    throw error;
  }
  return {
    ...bus,
    // While this listener is lost, no reader's question reaches this server.
    health: () => [...(bus.health?.() ?? []), transport.health()],
    cluster: {
      announce(local) {
        agents = local.agents;
      },
      hasAgent: () => false,
      hasCustomer: () => false,
      agentIds: () => new Set(),
    },
    async close() {
      await say({ node, up: false, agents: [] });
      await transport.close();
      await bus.close();
    },
  };
}
