/**
 * Whether this node reaches Redis: both its connections (publishing and subscribed) ready,
 * and each answered a PING within the last three heartbeats. node-redis reconnects by
 * itself and resubscribes before it says `ready` again, so the link is up exactly when
 * pub/sub works both ways; the PING catches a connection that hangs without closing (a
 * network that drops packets), which node-redis would otherwise call ready for minutes.
 * Changes are reported, with since when.
 */
import type { RedisClientType } from '@redis/client';

export interface LinkState {
  readonly up: boolean;
  readonly since: Date;
}

type Client = Pick<RedisClientType, 'isReady' | 'on'>;

const MISSED_PINGS = 3;

export class RedisLink {
  private state: LinkState = { up: true, since: new Date() };
  private readonly listeners = new Set<(state: LinkState) => void>();
  private readonly lastPong: number[];
  private readonly timer: NodeJS.Timeout;

  /** The clients must send a PING every `heartbeatMs` (node-redis `pingInterval`). */
  constructor(
    private readonly clients: readonly Client[],
    private readonly heartbeatMs: number,
  ) {
    this.lastPong = clients.map(() => Date.now());
    clients.forEach((client, i) => {
      for (const event of ['ready', 'error', 'reconnecting', 'end'] as const)
        client.on(event, () => {
          // A fresh connection gets its full allowance of heartbeats.
          if (event === 'ready') this.lastPong[i] = Date.now();
          this.check();
        });
      client.on('ping-interval', () => {
        this.lastPong[i] = Date.now();
        this.check();
      });
    });
    this.timer = setInterval(() => this.check(), heartbeatMs);
    this.timer.unref();
    this.check();
  }

  get current(): LinkState {
    return this.state;
  }

  onChange(listener: (state: LinkState) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Also called after every failed command: a dead socket is not always noticed at once. */
  check(): void {
    const cutoff = Date.now() - this.heartbeatMs * MISSED_PINGS;
    const up = this.clients.every((c, i) => c.isReady && (this.lastPong[i] ?? 0) >= cutoff);
    if (up === this.state.up) return;
    this.state = { up, since: new Date() };
    for (const listener of this.listeners) listener(this.state);
  }

  close(): void {
    clearInterval(this.timer);
    this.listeners.clear();
  }
}
