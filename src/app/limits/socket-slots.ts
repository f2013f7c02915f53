/**
 * How many sockets may be open at once per key (a conversation, a client address, an agent
 * session), counted on this node. With Redis the nodes of a cluster add their counts up
 * (shared-socket-slots.ts); this count stays each node's own record of its open sockets.
 */

/** Gives back the places a socket took; calling it again does nothing. */
export type ReleaseSlots = () => void;

/** What an upgrade asks of a socket limit: places under every key, or none. */
export interface SocketLimit {
  /** Takes a place under every key, or none when one is full (`null`). */
  reserve(keys: readonly string[]): Promise<ReleaseSlots | null>;
  /** Stops any background work and gives back this node's places where they are shared. */
  close(): Promise<void>;
}

export class SocketSlots implements SocketLimit {
  private readonly open = new Map<string, number>();

  constructor(readonly limitOf: (key: string) => number) {}

  /** Whether one more socket would fit under every key. */
  available(keys: readonly string[]): boolean {
    return keys.every((key) => (this.open.get(key) ?? 0) < this.limitOf(key));
  }

  /** Takes a slot under every key, or none when one is full; the result gives them back. */
  acquire(keys: readonly string[]): ReleaseSlots | null {
    return this.available(keys) ? this.take(keys) : null;
  }

  /** Takes a slot under every key without looking (another count decided already). */
  take(keys: readonly string[]): ReleaseSlots {
    for (const key of keys) this.open.set(key, (this.open.get(key) ?? 0) + 1);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      for (const key of keys) {
        const left = (this.open.get(key) ?? 1) - 1;
        if (left > 0) this.open.set(key, left);
        else this.open.delete(key);
      }
    };
  }

  /** The open sockets per key, as `key, count, key, count…`. */
  entries(): string[] {
    return [...this.open].flatMap(([key, count]) => [key, String(count)]);
  }

  reserve(keys: readonly string[]): Promise<ReleaseSlots | null> {
    return Promise.resolve(this.acquire(keys));
  }

  close(): Promise<void> {
    return Promise.resolve();
  }
}
