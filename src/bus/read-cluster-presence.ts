/**
 * Which agents have an inbox open on any node of a cluster, read from outside the servers
 * (`baton agents list`). The nodes announce their sockets on the presence channel every
 * heartbeat (redis-bus.ts), and answer at once a node they have not heard before: so the
 * reader announces itself with no sockets, listens for one heartbeat (every live node has
 * spoken by then), and says goodbye so the nodes forget it at once.
 */
import { randomUUID } from 'node:crypto';
import { createClient } from '@redis/client';
import { PresenceTable, type PresenceMessage } from './cluster-presence.ts';

export interface ReadClusterPresenceOptions {
  readonly url: string;
  /** The servers' channel prefix (redis.channelPrefix). */
  readonly prefix: string;
  /** The servers' heartbeat (redis.heartbeatMs): how long to listen. */
  readonly heartbeatMs: number;
}

/** The ids of the agents with an inbox open on some node; rejects when Redis is unreachable. */
export async function readClusterPresence(
  options: ReadClusterPresenceOptions,
): Promise<ReadonlySet<string>> {
  const channel = `${options.prefix}:presence`;
  const node = `cli-${randomUUID()}`;
  const table = new PresenceTable(options.heartbeatMs);
  const publisher = createClient({ url: options.url, socket: { reconnectStrategy: false } });
  const subscriber = publisher.duplicate();
  // A lost connection rejects the pending command; the event itself must not crash the CLI.
  publisher.on('error', () => undefined);
  subscriber.on('error', () => undefined);
  const say = (up: boolean) => {
    const message: PresenceMessage = { node, up, agents: [], customers: [] };
    return publisher.publish(channel, JSON.stringify(message));
  };
  try {
    await publisher.connect();
    await subscriber.connect();
    await subscriber.subscribe(channel, (raw) => {
      const message = parseMessage(raw);
      if (message && message.node !== node) table.hear(message);
    });
    await say(true);
    await new Promise((resolve) => setTimeout(resolve, options.heartbeatMs + 100));
    await say(false);
    return new Set(table.agentIds());
  } finally {
    await Promise.allSettled([
      subscriber.isOpen ? subscriber.close() : null,
      publisher.isOpen ? publisher.close() : null,
    ]);
  }
}

function parseMessage(raw: string): PresenceMessage | null {
  try {
    const value = JSON.parse(raw) as Partial<PresenceMessage> | null;
    return value && typeof value.node === 'string' && Array.isArray(value.agents)
      ? (value as PresenceMessage)
      : null;
  } catch {
    return null;
  }
}
