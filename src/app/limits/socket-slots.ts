/**
 * How many sockets may be open at once per key (a conversation, a client address, an agent
 * session). Counted on this node: an open socket is a node's own resource, and a count that
 * lived in Redis would outlive a node that crashed.
 */
export class SocketSlots {
  private readonly open = new Map<string, number>();

  constructor(private readonly limitOf: (key: string) => number) {}

  /** Whether one more socket would fit under every key. */
  available(keys: readonly string[]): boolean {
    return keys.every((key) => (this.open.get(key) ?? 0) < this.limitOf(key));
  }

  /** Takes a slot under every key, or none when one is full; the result gives them back. */
  acquire(keys: readonly string[]): (() => void) | null {
    if (!this.available(keys)) return null;
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
}
