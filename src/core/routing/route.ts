/**
 * The router: a pure function of a snapshot. Conversations are decided in priority order, then
 * by how long they have waited; each gets the least-loaded online agent with free capacity who
 * holds the queue's skills and speaks the language. When nobody eligible is online for its
 * queue (or its SLA is breached), the queue's fallback chain is tried; `sales` has none.
 */
import { AgentHeap } from './agent-heap.ts';
import type { AgentSnapshot } from './agent-snapshot.ts';
import type { QueueConfig } from './queue-config.ts';
import type {
  RoutingOffer,
  RoutingResult,
  RoutingSnapshot,
  RoutingWait,
  WaitingConversation,
} from './routing-snapshot.ts';

interface Pool {
  readonly queue: QueueConfig;
  readonly heap: AgentHeap;
  readonly online: number;
}

/** Decision order: higher priority first, then longer wait, then id for a stable result. */
export function compareWaiting(a: WaitingConversation, b: WaitingConversation): number {
  return (
    b.priority - a.priority ||
    a.waitingSince.getTime() - b.waitingSince.getTime() ||
    (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  );
}

const NONE: readonly string[] = [];

/** `compareWaiting` order; keys live in typed arrays so the sort compares numbers, not objects. */
function decisionOrder(conversations: readonly WaitingConversation[]): WaitingConversation[] {
  const n = conversations.length;
  const priority = new Float64Array(n);
  const since = new Float64Array(n);
  const order = new Uint32Array(n);
  for (let i = 0; i < n; i++) {
    const c = conversations[i]!;
    priority[i] = c.priority;
    since[i] = c.waitingSince.getTime();
    order[i] = i;
  }
  order.sort((a, b) => {
    const d = priority[b]! - priority[a]! || since[a]! - since[b]!;
    if (d !== 0) return d;
    const ia = conversations[a]!.id;
    const ib = conversations[b]!.id;
    return ia < ib ? -1 : ia > ib ? 1 : 0;
  });
  return Array.from(order, (i) => conversations[i]!);
}

/** The language a queue serves a conversation in: the customer's, or the queue's first. */
function servedLanguage(queue: QueueConfig, language: string): string {
  return queue.languages.includes(language) ? language : (queue.languages[0] ?? language);
}

/**
 * Decides every queued conversation of the snapshot: an offer (offer-mode queues) or the
 * reason it waits. Never mutates the snapshot; `now` only dates the offers' expiry.
 */
export function route(snapshot: RoutingSnapshot, now: Date): RoutingResult {
  const queues = new Map(snapshot.queues.map((q) => [q.id, q]));
  const agents = snapshot.agents;
  const loads = agents.map((a) => a.load);
  const pools = new Map<string, Pool>();

  const pool = (queue: QueueConfig, language: string, extra: readonly string[]): Pool => {
    const lang = servedLanguage(queue, language);
    // Most conversations need only their queue's skills: keep that key cheap.
    const skills =
      extra.length === 0
        ? queue.requiredSkills
        : [...new Set([...queue.requiredSkills, ...extra])].sort();
    const key =
      extra.length === 0
        ? `${queue.id}\u0000${lang}`
        : `${queue.id}\u0000${lang}\u0000${skills.join('\u0000')}`;
    let found = pools.get(key);
    if (found === undefined) {
      found = buildPool(queue, lang, skills, agents, loads);
      pools.set(key, found);
    }
    return found;
  };

  const offers: RoutingOffer[] = [];
  const waiting: RoutingWait[] = [];
  for (const c of decisionOrder(snapshot.conversations)) {
    const own = queues.get(c.queue);
    if (own === undefined) {
      waiting.push({ conversationId: c.id, reason: 'UNKNOWN_QUEUE' });
      continue;
    }
    const primary = pool(own, c.language, c.skills ?? []);
    const targets: Pool[] = primary.online > 0 ? [primary] : [];
    if (primary.online === 0 || c.overflow === true) {
      for (const id of own.fallback) {
        const q = queues.get(id);
        if (q === undefined || q.id === own.id) continue;
        const p = pool(q, c.language, []);
        if (p.online > 0) targets.push(p);
      }
    }
    if (targets.length === 0) {
      waiting.push({ conversationId: c.id, reason: 'NO_AGENT_ONLINE', queue: own.id });
      continue;
    }
    const declined = c.declinedBy ?? NONE;
    let skippedForDecline = false;
    let decided = false;
    for (const target of targets) {
      const mode = target.queue.assignment;
      if (mode.type === 'pull') {
        waiting.push({ conversationId: c.id, reason: 'PULL_MODE', queue: target.queue.id });
        decided = true;
        break;
      }
      const taken = take(target.heap, agents, loads, declined);
      skippedForDecline ||= taken.skippedForDecline;
      if (taken.index === undefined) continue;
      offers.push({
        conversationId: c.id,
        agentId: agents[taken.index]!.id,
        queue: target.queue.id,
        viaFallback: target.queue.id !== own.id,
        expiresAt: new Date(now.getTime() + mode.timeoutSeconds * 1000),
      });
      decided = true;
      break;
    }
    if (!decided) {
      const reason = skippedForDecline ? 'ALL_ELIGIBLE_DECLINED' : 'AGENTS_BUSY';
      waiting.push({ conversationId: c.id, reason, queue: targets[0]!.queue.id });
    }
  }
  return { offers, waiting };
}

function buildPool(
  queue: QueueConfig,
  language: string,
  skills: readonly string[],
  agents: readonly AgentSnapshot[],
  loads: readonly number[],
): Pool {
  const heap = new AgentHeap();
  let online = 0;
  agents.forEach((a, index) => {
    if (a.presence !== 'online' || !a.languages.includes(language)) return;
    if (!skills.every((s) => a.skills.includes(s))) return;
    online++;
    const load = loads[index]!;
    if (load < a.capacity) heap.push({ index, load, capacity: a.capacity });
  });
  return { queue, heap, online };
}

/** Pops the best free agent not in `declined`; updates `loads`. */
function take(
  heap: AgentHeap,
  agents: readonly AgentSnapshot[],
  loads: number[],
  declined: readonly string[],
): { index: number | undefined; skippedForDecline: boolean } {
  const skipped: { index: number; load: number; capacity: number }[] = [];
  let chosen: number | undefined;
  for (let e = heap.pop(); e !== undefined; e = heap.pop()) {
    const load = loads[e.index]!;
    // Full agents never get freer within one routing pass: drop them for good.
    if (load >= e.capacity) continue;
    // Stale entry (another queue's pool took this agent): re-queue at the current load.
    if (load !== e.load) {
      heap.push({ ...e, load });
      continue;
    }
    if (declined.length > 0 && declined.includes(agents[e.index]!.id)) {
      skipped.push(e);
      continue;
    }
    chosen = e.index;
    break;
  }
  for (const e of skipped) heap.push(e);
  if (chosen !== undefined) {
    const load = ++loads[chosen]!;
    const capacity = agents[chosen]!.capacity;
    if (load < capacity) heap.push({ index: chosen, load, capacity });
  }
  return { index: chosen, skippedForDecline: skipped.length > 0 };
}
