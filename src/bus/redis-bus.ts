/**
 * The bus for several Baton nodes: Redis pub/sub. A change reaches this node's listeners at
 * once (as on a single node), and is published for the other nodes, whose realtime hubs fan
 * it out to their sockets. Pub/sub may drop messages while a connection is down; nothing is
 * lost by that, because clients resume from the database by `seq`.
 *
 * It also shares presence: each node announces which agents and customers have sockets open
 * on it, on change and as a heartbeat, so that routing and the honest wait message on any
 * node count an agent whose inbox is open on another. A node that stops announcing (crashed,
 * cut off) is forgotten after three heartbeats.
 */
import { randomUUID } from 'node:crypto';
import { createClient } from '@redis/client';
import type {
  ClusterPresence,
  ConversationChange,
  EventBus,
  LocalPresence,
  TypingSignal,
} from './event-bus.ts';
import { ListenerSet, SignalListenerSet } from './listener-set.ts';

export interface RedisBusOptions {
  readonly url: string;
  /** Channel names start with this, so that several Baton clusters can share one Redis. */
  readonly prefix: string;
  readonly onError: (error: unknown) => void;
  readonly heartbeatMs?: number;
  /** For tests; a random id otherwise. */
  readonly nodeId?: string;
}

interface ChangeMessage {
  readonly node: string;
  readonly change: ConversationChange;
}

interface SignalMessage {
  readonly node: string;
  readonly signal: TypingSignal;
}

interface PresenceMessage {
  readonly node: string;
  /** False when the node is shutting down: forget it at once. */
  readonly up: boolean;
  readonly agents: readonly string[];
  readonly customers: readonly string[];
}

interface NodePresence {
  readonly agents: ReadonlySet<string>;
  readonly customers: ReadonlySet<string>;
  readonly seenAt: number;
}

const DEFAULT_HEARTBEAT_MS = 5000;
const MISSED_HEARTBEATS = 3;
// Presence changes in bursts (a page load opens and closes sockets): send one message.
const ANNOUNCE_BATCH_MS = 50;

export async function createRedisBus(options: RedisBusOptions): Promise<EventBus> {
  const node = options.nodeId ?? randomUUID();
  const heartbeatMs = options.heartbeatMs ?? DEFAULT_HEARTBEAT_MS;
  const changesChannel = `${options.prefix}:changes`;
  const presenceChannel = `${options.prefix}:presence`;
  const signalsChannel = `${options.prefix}:signals`;
  const listeners = new ListenerSet();
  const signals = new SignalListenerSet();
  const nodes = new Map<string, NodePresence>();
  let local: LocalPresence = { agents: [], customers: [] };

  const publisher = createClient({ url: options.url });
  const subscriber = publisher.duplicate();
  // node-redis reconnects by itself; errors are reported, never thrown at the process.
  publisher.on('error', options.onError);
  subscriber.on('error', options.onError);
  await publisher.connect();
  try {
    await subscriber.connect();
  } catch (error) {
    await publisher.close();
    throw error;
  }

  const send = (channel: string, message: ChangeMessage | PresenceMessage | SignalMessage) => {
    publisher.publish(channel, JSON.stringify(message)).catch(options.onError);
  };
  const sendPresence = (up: boolean) =>
    send(presenceChannel, { node, up, agents: local.agents, customers: local.customers });

  await subscriber.subscribe(changesChannel, (raw) => {
    const message = parse<ChangeMessage>(raw, options.onError);
    if (message && message.node !== node) listeners.deliverRemote(message.change);
  });
  await subscriber.subscribe(signalsChannel, (raw) => {
    const message = parse<SignalMessage>(raw, options.onError);
    if (message && message.node !== node) signals.deliver(message.signal);
  });
  await subscriber.subscribe(presenceChannel, (raw) => {
    const message = parse<PresenceMessage>(raw, options.onError);
    if (!message || message.node === node) return;
    if (!message.up) {
      nodes.delete(message.node);
      return;
    }
    const isNew = !nodes.has(message.node);
    nodes.set(message.node, {
      agents: new Set(message.agents),
      customers: new Set(message.customers),
      seenAt: Date.now(),
    });
    // A node that just joined learns who is here without waiting for our heartbeat.
    if (isNew) sendPresence(true);
  });

  let batch: NodeJS.Timeout | null = null;
  const heartbeat = setInterval(() => sendPresence(true), heartbeatMs);
  heartbeat.unref();
  sendPresence(true);

  const live = (): NodePresence[] => {
    const cutoff = Date.now() - heartbeatMs * MISSED_HEARTBEATS;
    const alive: NodePresence[] = [];
    for (const [id, presence] of nodes) {
      if (presence.seenAt < cutoff) nodes.delete(id);
      else alive.push(presence);
    }
    return alive;
  };

  const cluster: ClusterPresence = {
    announce(next) {
      local = next;
      batch ??= setTimeout(() => {
        batch = null;
        sendPresence(true);
      }, ANNOUNCE_BATCH_MS);
    },
    hasAgent: (agentId) => live().some((n) => n.agents.has(agentId)),
    hasCustomer: (conversationId) => live().some((n) => n.customers.has(conversationId)),
    agentIds() {
      const ids = new Set<string>();
      for (const n of live()) for (const id of n.agents) ids.add(id);
      return ids;
    },
  };

  return {
    publish(change) {
      listeners.deliverLocal(change);
      send(changesChannel, { node, change });
    },
    subscribe: (listener, subscribeOptions) => listeners.add(listener, subscribeOptions),
    signal(signal) {
      signals.deliver(signal);
      send(signalsChannel, { node, signal });
    },
    onSignal: (listener) => signals.add(listener),
    cluster,
    async close() {
      clearInterval(heartbeat);
      if (batch) clearTimeout(batch);
      // Tell the others at once rather than letting them wait out three heartbeats.
      await publisher
        .publish(presenceChannel, JSON.stringify({ node, up: false, agents: [], customers: [] }))
        .catch(() => undefined);
      await Promise.allSettled([subscriber.close(), publisher.close()]);
    },
  };
}

function parse<T>(raw: string, onError: (error: unknown) => void): T | undefined {
  try {
    return JSON.parse(raw) as T;
  } catch (error) {
    onError(error);
    return undefined;
  }
}
