/**
 * Whether this node reaches Redis: both its connections (publishing and subscribed) ready.
 * node-redis reconnects by itself and resubscribes before it says `ready` again, so the
 * link is up exactly when pub/sub works both ways. Changes are reported, with since when.
 */
import type { RedisClientType } from '@redis/client';

export interface LinkState {
  readonly up: boolean;
  readonly since: Date;
}

type Client = Pick<RedisClientType, 'isReady' | 'on'>;

export class RedisLink {
  private state: LinkState = { up: true, since: new Date() };
  private readonly listeners = new Set<(state: LinkState) => void>();

  constructor(private readonly clients: readonly Client[]) {
    for (const client of clients) {
      for (const event of ['ready', 'error', 'reconnecting', 'end'] as const)
        client.on(event, () => this.check());
    }
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
    const up = this.clients.every((c) => c.isReady);
    if (up === this.state.up) return;
    this.state = { up, since: new Date() };
    for (const listener of this.listeners) listener(this.state);
  }
}
