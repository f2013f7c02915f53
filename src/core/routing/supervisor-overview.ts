/**
 * What a supervisor watches, computed from one snapshot: per queue the waiting count, the
 * longest wait, the wait a new arrival would be quoted (the customer's own estimator, so the
 * supervisor sees what customers are told), SLA breaches today and who serves it; per agent
 * presence, load and conversations; and the alerts: conversations whose SLA is breached and
 * that nobody has picked up yet. Pure: the server supplies the rows and `now`.
 */
import { credibleWait } from '../sla/credible-wait.ts';
import type { QueueConfig } from './queue-config.ts';

export interface OverviewConversation {
  readonly id: string;
  readonly status: string;
  readonly queue: string | null;
  readonly priority: number | null;
  /** When it started waiting for a person (the handoff). */
  readonly waitingSince: string | null;
  readonly customerName: string | null;
  readonly assigneeId: string | null;
  readonly offeredTo: string | null;
}

export interface OverviewAgent {
  readonly id: string;
  readonly name: string;
  readonly role: string;
  readonly presence: string;
  /** The inbox is open: only then is an online agent really there. */
  readonly connected: boolean;
  readonly skills: readonly string[];
  readonly maxConcurrent: number;
}

export interface OverviewInput {
  readonly queues: readonly QueueConfig[];
  /** Conversations in queued, offered, deferred or assigned state. */
  readonly open: readonly OverviewConversation[];
  readonly agents: readonly OverviewAgent[];
  /**
   * SLA breach events as (conversation, queue, at): today's (the queues' counts) and every one
   * of a conversation still open (its alert counts them all, across midnight).
   */
  readonly breaches: ReadonlyArray<{ conversationId: string; queue: string | null; at: string }>;
  /** Each queue's handle time (measured, or the configured prior). */
  readonly avgHandleMinutes: (queue: string) => number;
  readonly now: Date;
}

export interface QueueOverview {
  readonly id: string;
  readonly name: string;
  readonly waiting: number;
  readonly offered: number;
  readonly deferred: number;
  readonly longestWaitSeconds: number | null;
  /** The band a customer joining now is told; null when nobody serving it is online. */
  readonly estimatedWait: { readonly lowMinutes: number; readonly highMinutes: number } | null;
  readonly slaBreachesToday: number;
  readonly agentsOnline: number;
}

export interface AgentOverview {
  readonly id: string;
  readonly name: string;
  readonly role: string;
  readonly presence: string;
  readonly connected: boolean;
  readonly load: number;
  readonly maxConcurrent: number;
  readonly conversations: ReadonlyArray<{
    readonly id: string;
    readonly status: string;
    readonly queue: string | null;
    readonly customerName: string | null;
  }>;
}

export interface SlaAlert {
  readonly conversationId: string;
  readonly queue: string | null;
  readonly status: string;
  readonly priority: number | null;
  readonly customerName: string | null;
  readonly waitedSeconds: number | null;
  readonly breaches: number;
  readonly lastBreachAt: string;
}

export interface SupervisorOverview {
  readonly at: string;
  readonly queues: readonly QueueOverview[];
  readonly agents: readonly AgentOverview[];
  readonly alerts: readonly SlaAlert[];
}

const WAITING = new Set(['queued', 'offered']);

/** Midnight UTC of `now`'s day: "today" for the queues' breach counts. */
export function startOfUtcDay(now: Date): Date {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
}

const secondsSince = (iso: string | null, now: Date) =>
  iso === null ? null : Math.max(0, Math.round((now.getTime() - Date.parse(iso)) / 1000));

export function supervisorOverview(input: OverviewInput): SupervisorOverview {
  const { now } = input;
  const holding = new Map<string, OverviewConversation[]>();
  for (const c of input.open) {
    const holder =
      c.status === 'assigned' ? c.assigneeId : c.status === 'offered' ? c.offeredTo : null;
    if (holder) holding.set(holder, [...(holding.get(holder) ?? []), c]);
  }
  const agents: AgentOverview[] = input.agents.map((a) => {
    const held = holding.get(a.id) ?? [];
    return {
      id: a.id,
      name: a.name,
      role: a.role,
      presence: a.presence,
      connected: a.connected,
      load: held.length,
      maxConcurrent: a.maxConcurrent,
      conversations: held.map((c) => ({
        id: c.id,
        status: c.status,
        queue: c.queue,
        customerName: c.customerName,
      })),
    };
  });
  const queues = input.queues.map((q) => queueOverview(q, input, agents));
  const breachesOf = new Map<string, { count: number; last: string }>();
  for (const b of input.breaches) {
    const seen = breachesOf.get(b.conversationId);
    breachesOf.set(b.conversationId, {
      count: (seen?.count ?? 0) + 1,
      last: seen && seen.last > b.at ? seen.last : b.at,
    });
  }
  const alerts: SlaAlert[] = input.open
    .filter((c) => WAITING.has(c.status) && breachesOf.has(c.id))
    .map((c) => ({
      conversationId: c.id,
      queue: c.queue,
      status: c.status,
      priority: c.priority,
      customerName: c.customerName,
      waitedSeconds: secondsSince(c.waitingSince, now),
      breaches: breachesOf.get(c.id)!.count,
      lastBreachAt: breachesOf.get(c.id)!.last,
    }))
    .sort((a, b) => (b.waitedSeconds ?? 0) - (a.waitedSeconds ?? 0));
  return { at: now.toISOString(), queues, agents, alerts };
}

function queueOverview(
  q: QueueConfig,
  input: OverviewInput,
  agents: readonly AgentOverview[],
): QueueOverview {
  const inQueue = input.open.filter((c) => c.queue === q.id);
  const waiting = inQueue.filter((c) => WAITING.has(c.status));
  const serving = input.agents.filter(
    (a) =>
      a.presence === 'online' && a.connected && q.requiredSkills.every((s) => a.skills.includes(s)),
  );
  const byId = new Map(agents.map((a) => [a.id, a]));
  const slots = serving.reduce((n, a) => n + a.maxConcurrent, 0);
  const free = serving.reduce(
    (n, a) => n + Math.max(0, a.maxConcurrent - (byId.get(a.id)?.load ?? 0)),
    0,
  );
  const waits = waiting.flatMap((c) => {
    const s = secondsSince(c.waitingSince, input.now);
    return s === null ? [] : [s];
  });
  const longestWaitSeconds = waits.length === 0 ? null : Math.max(...waits);
  // Consistent with the longest wait: free slots that leave people waiting are not counted.
  const band =
    serving.length === 0
      ? null
      : credibleWait(
          {
            position: waiting.filter((c) => c.status === 'queued').length + 1,
            agentsServing: serving.length,
            concurrency: slots / serving.length,
            avgHandleMinutes: input.avgHandleMinutes(q.id),
            freeSlots: free,
          },
          longestWaitSeconds === null ? null : longestWaitSeconds / 60,
        );
  return {
    id: q.id,
    name: q.name,
    waiting: waiting.length,
    offered: waiting.filter((c) => c.status === 'offered').length,
    deferred: inQueue.filter((c) => c.status === 'deferred').length,
    longestWaitSeconds,
    estimatedWait: band && { lowMinutes: band.lowMinutes, highMinutes: band.highMinutes },
    slaBreachesToday: input.breaches.filter(
      (b) => b.queue === q.id && b.at >= startOfUtcDay(input.now).toISOString(),
    ).length,
    agentsOnline: serving.length,
  };
}
