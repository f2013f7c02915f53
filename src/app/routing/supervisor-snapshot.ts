/**
 * Reads what the supervisor overview needs (open conversations, agents, SLA breaches: today's,
 * and every one of a conversation still open) and hands it to the pure `supervisorOverview`.
 * Two small queries plus the agent list; the breach events are looked up only among
 * conversations that changed today or are still open.
 */
import {
  startOfUtcDay,
  supervisorOverview,
  type SupervisorOverview,
} from '../../core/routing/supervisor-overview.ts';
import { shownPresence } from '../../core/routing/agent-presence.ts';
import type { QueueConfig } from '../../core/routing/queue-config.ts';
import type { Store } from '../../store/store.ts';
import type { IsConnected } from './agent-availability.ts';

const OPEN = ['queued', 'offered', 'deferred', 'assigned'];

export interface SupervisorSnapshotDeps {
  readonly store: Store;
  readonly queues: readonly QueueConfig[];
  readonly isConnected: IsConnected;
  /** Measured per queue where there are enough samples (HandleTimeCache), else the prior. */
  readonly avgHandleMinutes: (queue: string) => Promise<number>;
}

/**
 * The SLA breach events the overview counts: today's, for the queues' counts, and every one of
 * a conversation still open, for its alert (one that breached before midnight and again after
 * has breached twice). Both kinds belong to conversations changed today or still open, so the
 * events are looked up by those conversations' ids (the events' primary key) rather than
 * filtered out of every event stored.
 */
export function breachesToShow(db: Store['db'], since: string) {
  return db
    .selectFrom('events')
    .select(['conversation_id', 'data', 'created_at'])
    .where('type', '=', 'conversation.sla_breached')
    .where('conversation_id', 'in', (eb) =>
      eb
        .selectFrom('conversations')
        .select('id')
        .where((c) => c.or([c('updated_at', '>=', since), c('status', 'in', OPEN)])),
    )
    .where((eb) =>
      eb.or([
        eb('created_at', '>=', since),
        eb(
          'conversation_id',
          'in',
          eb.selectFrom('conversations').select('id').where('status', 'in', OPEN),
        ),
      ]),
    );
}

export async function loadSupervisorOverview(
  deps: SupervisorSnapshotDeps,
  now: Date,
): Promise<SupervisorOverview> {
  const { db } = deps.store;
  const since = startOfUtcDay(now).toISOString();
  const handleMinutes = new Map<string, number>();
  for (const q of deps.queues) handleMinutes.set(q.id, await deps.avgHandleMinutes(q.id));
  const rows = await db
    .selectFrom('conversations')
    .select([
      'id',
      'status',
      'queue',
      'priority',
      'handed_over_at',
      'customer',
      'assignee_id',
      'offered_to',
    ])
    .where('status', 'in', OPEN)
    .orderBy('handed_over_at')
    .limit(5000)
    .execute();
  const breachRows = await breachesToShow(db, since).execute();
  const agents = await deps.store.agents.list();
  return supervisorOverview({
    queues: deps.queues,
    open: rows.map((r) => ({
      id: r.id,
      status: r.status,
      queue: r.queue,
      priority: r.priority === null ? null : Number(r.priority),
      waitingSince: r.handed_over_at,
      customerName: customerName(r.customer),
      assigneeId: r.assignee_id,
      offeredTo: r.offered_to,
    })),
    agents: agents.map((a) => {
      const connected = deps.isConnected(a.id);
      return {
        id: a.id,
        name: a.name,
        role: a.role,
        presence: shownPresence(a.presence, connected),
        connected,
        skills: a.skills,
        maxConcurrent: a.maxConcurrent,
      };
    }),
    breaches: breachRows.map((r) => ({
      conversationId: r.conversation_id,
      queue: queueOf(r.data),
      at: r.created_at,
    })),
    avgHandleMinutes: (queue) => handleMinutes.get(queue) ?? 0,
    now,
  });
}

function customerName(json: string): string | null {
  try {
    const name = (JSON.parse(json) as { name?: unknown }).name;
    return typeof name === 'string' ? name : null;
  } catch {
    return null;
  }
}

function queueOf(json: string): string | null {
  try {
    const queue = (JSON.parse(json) as { queue?: unknown }).queue;
    return typeof queue === 'string' ? queue : null;
  } catch {
    return null;
  }
}
