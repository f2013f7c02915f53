/**
 * A binary min-heap of agent slots ordered by load (then load ratio, then snapshot order), used
 * lazily by `route`: entries may be stale after another queue took the agent, and are re-checked
 * when popped. That keeps one routing decision O(log agents) instead of a scan of every agent.
 */

export interface AgentEntry {
  readonly index: number;
  readonly load: number;
  readonly capacity: number;
}

function before(a: AgentEntry, b: AgentEntry): boolean {
  if (a.load !== b.load) return a.load < b.load;
  // Equal loads: the agent with more room left is the better fit.
  const ra = a.load / a.capacity;
  const rb = b.load / b.capacity;
  if (ra !== rb) return ra < rb;
  return a.index < b.index;
}

export class AgentHeap {
  private readonly items: AgentEntry[] = [];

  get size(): number {
    return this.items.length;
  }

  push(entry: AgentEntry): void {
    const items = this.items;
    items.push(entry);
    let i = items.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!before(items[i]!, items[parent]!)) break;
      [items[i], items[parent]] = [items[parent]!, items[i]!];
      i = parent;
    }
  }

  pop(): AgentEntry | undefined {
    const items = this.items;
    const top = items[0];
    const last = items.pop();
    if (items.length === 0 || last === undefined) return top;
    items[0] = last;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let best = i;
      if (l < items.length && before(items[l]!, items[best]!)) best = l;
      if (r < items.length && before(items[r]!, items[best]!)) best = r;
      if (best === i) break;
      [items[i], items[best]] = [items[best]!, items[i]!];
      i = best;
    }
    return top;
  }
}
