/**
 * Which agents have an inbox open on the servers, read from outside them (`baton agents
 * list`). The nodes announce their sockets on the presence channel every heartbeat
 * (redis-bus.ts), and answer at once a node they have not heard before: so the reader
 * announces itself with no sockets, listens for one heartbeat (every live node has spoken by
 * then), and says goodbye so the nodes forget it at once. The channel is Redis pub/sub, or
 * PostgreSQL NOTIFY (store/pg-presence.ts), where a cluster's nodes send their presence too
 * and a server without Redis answers the same way.
 */
import { randomUUID } from 'node:crypto';
import { createClient } from '@redis/client';
import { PresenceTable, type PresenceMessage } from './cluster-presence.ts';

/** Where the nodes' presence messages are heard and the reader's are sent. */
export interface PresenceChannel {
  /** Resolves once listening: what is sent after it is heard. */
  listen(onMessage: (message: PresenceMessage) => void): Promise<void>;
  send(message: PresenceMessage): Promise<void>;
  close(): Promise<void>;
}

/** No node spoke during the heartbeat: none runs, or none hears this channel now. */
export class NoServerAnswered extends Error {
  constructor() {
    super('no server answered within one heartbeat');
  }
}

/**
 * The ids of the agents with an inbox open on some node, heard during one heartbeat (the
 * servers' redis.heartbeatMs); rejects when the channel cannot be reached, and when no node
 * spoke (NoServerAnswered): silence cannot tell "nobody's inbox is open" from "the servers
 * did not hear the question" (their listener lost), so it is not read as everyone offline.
 */
export async function readClusterPresence(
  channel: PresenceChannel,
  heartbeatMs: number,
): Promise<ReadonlySet<string>> {
  const node = `cli-${randomUUID()}`;
  const table = new PresenceTable(heartbeatMs);
  const say = (up: boolean) => channel.send({ node, up, agents: [], customers: [] });
  let answered = false;
  try {
    await channel.listen((message) => {
      if (message.node === node) return;
      if (message.up) answered = true;
      table.hear(message);
    });
    await say(true);
    await new Promise((resolve) => setTimeout(resolve, heartbeatMs + 100));
    await say(false);
    if (!answered) throw new NoServerAnswered();
    return new Set(table.agentIds());
  } finally {
    await channel.close();
  }
}

export interface RedisPresenceChannelOptions {
  readonly url: string;
  /** The servers' channel prefix (redis.channelPrefix). */
  readonly prefix: string;
}

/** The presence channel on Redis pub/sub, as the nodes' Redis bus uses it. */
export function redisPresenceChannel(options: RedisPresenceChannelOptions): PresenceChannel {
  const name = `${options.prefix}:presence`;
  const publisher = createClient({ url: options.url, socket: { reconnectStrategy: false } });
  const subscriber = publisher.duplicate();
  // A lost connection rejects the pending command; the event itself must not crash the CLI.
  publisher.on('error', () => undefined);
  subscriber.on('error', () => undefined);
  return {
    async listen(onMessage) {
      await publisher.connect();
      await subscriber.connect();
      await subscriber.subscribe(name, (raw) => {
        const message = parseMessage(raw);
        if (message) onMessage(message);
      });
    },
    async send(message) {
      await publisher.publish(name, JSON.stringify(message));
    },
    async close() {
      await Promise.allSettled([
        subscriber.isOpen ? subscriber.close() : null,
        publisher.isOpen ? publisher.close() : null,
      ]);
    },
  };
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
