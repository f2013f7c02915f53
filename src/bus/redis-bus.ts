/**
 * The bus for several Baton nodes: Redis pub/sub. A change reaches this node's listeners at
 * once (as on a single node), and is published for the other nodes, whose realtime hubs fan
 * it out to their sockets. Pub/sub may drop messages while a connection is down; nothing is
 * lost by that, because clients resume from the database by `seq`.
 *
 * It also shares presence: each node announces which agents and customers have sockets open
 * on it, on change and as a heartbeat, so that routing and the honest wait message on any
 * node count an agent whose inbox is open on another (see cluster-presence.ts).
 *
 * When Redis cannot be reached (see redis-link.ts), the nodes keep hearing each other over
 * the fallback path (fallback.ts, PostgreSQL NOTIFY): every change and presence heartbeat
 * is sent there too, and a node uses it whenever pub/sub would not carry the message (its
 * own link is down, or the sender's was). Each time the link goes down or comes back, the
 * bus asks the hub to resynchronise its sockets from the database (`onResync`), which
 * covers what was sent in the moment before anyone noticed.
 */
import { randomUUID } from 'node:crypto';
import { createClient } from '@redis/client';
import type {
  ConversationChange,
  DependencyHealth,
  EventBus,
  LocalPresence,
  SessionsEnded,
  TypingSignal,
} from './event-bus.ts';
import {
  changeRef,
  presenceFromFallback,
  type BusFallback,
  type ChangeRef,
  type FallbackPresence,
} from './fallback.ts';
import { PresenceTable, type PresenceMessage } from './cluster-presence.ts';
import { PresenceAssembler, presenceBeats, presencePayloads } from './presence-parts.ts';
import { ListenerSet, SignalListenerSet } from './listener-set.ts';
import { RedisLink } from './redis-link.ts';

export interface RedisBusOptions {
  readonly url: string;
  /** Channel names start with this, so that several Baton clusters can share one Redis. */
  readonly prefix: string;
  readonly onError: (error: unknown) => void;
  readonly heartbeatMs?: number;
  /** For tests; a random id otherwise. */
  readonly nodeId?: string;
  /** The path between the nodes while Redis is unreachable (absent: none). */
  readonly fallback?: BusFallback;
  /** Told when this node loses or regains Redis. */
  readonly onLinkChange?: (health: DependencyHealth) => void;
}

interface ChangeMessage {
  readonly node: string;
  readonly change: ConversationChange;
}

interface SignalMessage {
  readonly node: string;
  readonly signal: TypingSignal;
}

interface SessionsMessage {
  readonly node: string;
  readonly ended: SessionsEnded;
}

/** On the fallback path; `redis` says whether the sender also published it on Redis. */
type FallbackMessage =
  | {
      readonly kind: 'change';
      readonly node: string;
      readonly redis: boolean;
      readonly ref: ChangeRef;
    }
  | {
      readonly kind: 'signal';
      readonly node: string;
      readonly redis: boolean;
      readonly signal: TypingSignal;
    }
  | ({ readonly kind: 'sessions'; readonly redis: boolean } & SessionsMessage)
  | FallbackPresence;

const DEFAULT_HEARTBEAT_MS = 5000;
// Presence changes in bursts (a page load opens and closes sockets): send one message.
const ANNOUNCE_BATCH_MS = 50;

export async function createRedisBus(options: RedisBusOptions): Promise<EventBus> {
  const node = options.nodeId ?? randomUUID();
  const heartbeatMs = options.heartbeatMs ?? DEFAULT_HEARTBEAT_MS;
  const changesChannel = `${options.prefix}:changes`;
  const presenceChannel = `${options.prefix}:presence`;
  const signalsChannel = `${options.prefix}:signals`;
  const sessionsChannel = `${options.prefix}:sessions`;
  const listeners = new ListenerSet();
  const signals = new SignalListenerSet();
  const sessions = new SignalListenerSet<SessionsEnded>();
  const resyncs = new Set<() => void>();
  const presence = new PresenceTable(heartbeatMs);
  const nextBeat = presenceBeats();
  const fallback = options.fallback;
  let local: LocalPresence = { agents: [], customers: [] };

  // A PING per heartbeat on each connection notices one that hangs without closing.
  const publisher = createClient({ url: options.url, pingInterval: heartbeatMs });
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
  const link = new RedisLink([publisher, subscriber], heartbeatMs);

  const sendFallback = (message: FallbackMessage) => {
    fallback?.transport.send(JSON.stringify(message)).catch(options.onError);
  };
  const send = (
    channel: string,
    message: ChangeMessage | PresenceMessage | SignalMessage | SessionsMessage,
  ) => {
    // While the link is down, node-redis would queue commands without bound: skip them.
    if (!link.current.up) return false;
    publisher.publish(channel, JSON.stringify(message)).catch((error: unknown) => {
      link.check();
      options.onError(error);
    });
    return true;
  };
  const sendPresence = (up: boolean) => {
    const message: PresenceMessage = { node, up, agents: local.agents, customers: local.customers };
    const redis = send(presenceChannel, message);
    if (!fallback) return;
    // More than one NOTIFY holds goes in parts, heard together (presence-parts.ts).
    const { payloads, refused } = presencePayloads(message, nextBeat(), redis);
    for (const error of refused) options.onError(error);
    fallback.transport.sendAll(payloads).catch(options.onError);
  };
  const hearPresence = (message: PresenceMessage) => {
    if (message.node === node) return;
    // A node that just joined learns who is here without waiting for our heartbeat.
    if (presence.hear(message)) sendPresence(true);
  };

  await subscriber.subscribe(changesChannel, (raw) => {
    const message = parse<ChangeMessage>(raw, options.onError);
    if (message && message.node !== node) listeners.deliverRemote(message.change);
  });
  await subscriber.subscribe(signalsChannel, (raw) => {
    const message = parse<SignalMessage>(raw, options.onError);
    if (message && message.node !== node) signals.deliver(message.signal);
  });
  await subscriber.subscribe(sessionsChannel, (raw) => {
    const message = parse<SessionsMessage>(raw, options.onError);
    if (message && message.node !== node) sessions.deliver(message.ended);
  });
  await subscriber.subscribe(presenceChannel, (raw) => {
    const message = parse<PresenceMessage>(raw, options.onError);
    if (message) hearPresence(message);
  });

  if (fallback) {
    const parts = new PresenceAssembler(heartbeatMs * 3);
    await fallback.transport.listen((raw) => {
      const message = parse<FallbackMessage>(raw, options.onError);
      if (!message || message.node === node) return;
      if (message.kind === 'presence' || message.kind === 'presence-part') {
        const part = presenceFromFallback(raw);
        const whole = part && parts.add(part);
        if (whole) hearPresence(whole);
        return;
      }
      // Pub/sub carried it (or will): only what it could not carry is taken from here.
      if (message.redis && link.current.up) return;
      if (message.kind === 'signal') return signals.deliver(message.signal);
      if (message.kind === 'sessions') return sessions.deliver(message.ended);
      // A kind of a later version is not a change: nothing to read back.
      if (message.kind !== 'change') return;
      fallback
        .loadChange(message.ref)
        .then((change) => change && listeners.deliverRemote(change), options.onError);
    });
  }

  let closing = false;
  link.onChange((state) => {
    // Closing the connections at shutdown is no outage.
    if (closing) return;
    options.onLinkChange?.({ dependency: 'redis', up: state.up, since: state.since });
    if (state.up) sendPresence(true);
    for (const resync of resyncs) resync();
  });

  let batch: NodeJS.Timeout | null = null;
  const heartbeat = setInterval(() => sendPresence(true), heartbeatMs);
  heartbeat.unref();
  sendPresence(true);

  return {
    publish(change) {
      listeners.deliverLocal(change);
      const redis = send(changesChannel, { node, change });
      sendFallback({ kind: 'change', node, redis, ref: changeRef(change) });
    },
    subscribe: (listener, subscribeOptions) => listeners.add(listener, subscribeOptions),
    signal(signal) {
      signals.deliver(signal);
      // Typing is worth losing rather than a NOTIFY per keystroke burst: only when needed.
      if (!send(signalsChannel, { node, signal })) {
        sendFallback({ kind: 'signal', node, redis: false, signal });
      }
    },
    onSignal: (listener) => signals.add(listener),
    endSessions(ended) {
      sessions.deliver(ended);
      const redis = send(sessionsChannel, { node, ended });
      // Rare and it matters (a session someone ended must not keep listening): when Redis
      // could not take it, the fallback path carries it.
      if (!redis) sendFallback({ kind: 'sessions', node, redis, ended });
    },
    onSessionsEnded: (listener) => sessions.add(listener),
    onResync(listener) {
      resyncs.add(listener);
      return () => resyncs.delete(listener);
    },
    health: () => {
      const state = link.current;
      const redis: DependencyHealth = { dependency: 'redis', up: state.up, since: state.since };
      // The fallback's listener too: with both down, this node hears no other one.
      return fallback ? [redis, fallback.transport.health()] : [redis];
    },
    cluster: {
      announce(next) {
        local = next;
        batch ??= setTimeout(() => {
          batch = null;
          sendPresence(true);
        }, ANNOUNCE_BATCH_MS);
      },
      hasAgent: (agentId) => presence.hasAgent(agentId),
      hasCustomer: (conversationId) => presence.hasCustomer(conversationId),
      agentIds: () => presence.agentIds(),
    },
    async close() {
      closing = true;
      clearInterval(heartbeat);
      link.close();
      if (batch) clearTimeout(batch);
      // Tell the others at once rather than letting them wait out three heartbeats.
      const goodbye: PresenceMessage = { node, up: false, agents: [], customers: [] };
      await Promise.allSettled([
        link.current.up ? publisher.publish(presenceChannel, JSON.stringify(goodbye)) : null,
        fallback?.transport.sendAll(presencePayloads(goodbye, nextBeat()).payloads),
      ]);
      // Redis unreachable: close() would wait for answers to commands already sent (a ping)
      // that can never come, and the node would hang on its way down; drop them instead.
      if (link.current.up) await Promise.allSettled([subscriber.close(), publisher.close()]);
      else for (const client of [subscriber, publisher]) client.destroy();
      await fallback?.transport.close();
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

/**
 * Tells every node of a cluster that an agent's sessions ended, from outside the cluster
 * (the `baton agents` command): one message on the sessions channel, as a node's
 * `endSessions` sends it, so each node closes the agent's inbox sockets at once.
 */
export async function publishSessionsEnded(
  options: Pick<RedisBusOptions, 'url' | 'prefix'>,
  ended: SessionsEnded,
): Promise<void> {
  const client = createClient({ url: options.url, socket: { reconnectStrategy: false } });
  await client.connect();
  try {
    const message: SessionsMessage = { node: `cli-${randomUUID()}`, ended };
    await client.publish(`${options.prefix}:sessions`, JSON.stringify(message));
  } finally {
    await client.close();
  }
}
