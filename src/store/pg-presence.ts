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
import { PresenceTable } from '../bus/cluster-presence.ts';
import type { EventBus } from '../bus/event-bus.ts';
import {
  FALLBACK_PAYLOAD_LIMIT,
  presenceFromFallback,
  type FallbackPresence,
} from '../bus/fallback.ts';
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
  return {
    listen: (onMessage) =>
      transport.listen((payload) => {
        const message = presenceFromFallback(payload);
        if (message) onMessage(message);
      }),
    send: (message) => transport.send(JSON.stringify({ kind: 'presence', ...message })),
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
  let agents: readonly string[] = [];
  const say = (message: FallbackPresence) =>
    transport.send(JSON.stringify(message)).catch(options.onError);
  const answer = () => {
    // Customers are no reader's business; agents beyond one NOTIFY's size go in parts, each
    // under a node id of its own, so that the reader adds them up.
    for (const [i, part] of parts(agents).entries())
      void say({ kind: 'presence', node: i === 0 ? node : `${node}/${i}`, up: true, agents: part });
  };
  try {
    await transport.listen((payload) => {
      const message = presenceFromFallback(payload);
      if (!message || message.node.startsWith(node)) return;
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
    cluster: {
      announce(local) {
        agents = local.agents;
      },
      hasAgent: () => false,
      hasCustomer: () => false,
      agentIds: () => new Set(),
    },
    async close() {
      await say({ kind: 'presence', node, up: false, agents: [] });
      await transport.close();
      await bus.close();
    },
  };
}

/** The agent ids in lists whose presence message stays under the NOTIFY payload limit. */
function parts(ids: readonly string[]): (readonly string[])[] {
  const envelope = JSON.stringify({
    kind: 'presence',
    node: `${randomUUID()}/000`,
    up: true,
    agents: [],
  }).length;
  const result: string[][] = [[]];
  let size = envelope;
  for (const id of ids) {
    const cost = JSON.stringify(id).length + 1;
    if (size + cost > FALLBACK_PAYLOAD_LIMIT && (result.at(-1)?.length ?? 0) > 0) {
      result.push([]);
      size = envelope;
    }
    result.at(-1)?.push(id);
    size += cost;
  }
  return result;
}
