/**
 * Offers waiting conversations to agents. Each pass reads a snapshot (queued conversations,
 * agents who are online with the inbox open, their load), asks the pure router, and records
 * each offer through the writer (which derives the timer that takes it back if the agent does
 * not answer in time). When every eligible agent let a conversation pass, a new round begins
 * (so it comes back to them after the others), and after `alertAfterRounds` rounds the
 * supervisor is alerted each round. Passes
 * run when something changes (a handoff, a decline, an agent coming online, a conversation
 * freeing capacity) and on an interval as a safety net; bursts are coalesced.
 */
import type { EventBus } from '../../bus/event-bus.ts';
import type { ConversationWriter } from '../conversations/conversation-writer.ts';
import type { AgentSnapshot } from '../../core/routing/agent-snapshot.ts';
import type { QueueConfig } from '../../core/routing/queue-config.ts';
import { eventOf } from '../../core/conversation/conversation-events.ts';
import { transition } from '../../core/conversation/transition.ts';
import { route } from '../../core/routing/route.ts';
import type { ConversationRecord } from '../../core/records.ts';
import type { Store } from '../../store/store.ts';

const TRIGGERS = new Set([
  'conversation.handed_over',
  'conversation.requeued',
  'conversation.transferred',
  'conversation.reassigned',
  'conversation.overflowed',
  'conversation.offer_declined',
  'conversation.offer_expired',
  'conversation.resolved',
  'conversation.returned_to_bot',
  'conversation.resumed',
]);

export interface RouterServiceDeps {
  readonly store: Store;
  /** Only to hear what changed; writes go through the writer. */
  readonly bus: EventBus;
  readonly writer: ConversationWriter;
  readonly clock: () => Date;
  readonly queues: readonly QueueConfig[];
  /** Offer rounds after which the supervisor is alerted (each further round too). */
  readonly alertAfterRounds: number;
  /** After the last agent let it pass, the next round waits this long (a decline is not
   * answered by the same offer at once). */
  readonly roundPauseMs: number;
  readonly isConnected: (agentId: string) => boolean;
  readonly intervalMs: number;
  readonly log: { error(obj: unknown, msg: string): void };
}

export class RouterService {
  private running: Promise<void> | null = null;
  private again = false;
  private readonly unsubscribe: () => void;
  private interval: NodeJS.Timeout | null = null;

  constructor(private readonly deps: RouterServiceDeps) {
    this.unsubscribe = deps.bus.subscribe(({ events }) => {
      if (events.some((e) => TRIGGERS.has(e.type))) this.kick();
    });
  }

  start(): void {
    this.interval ??= setInterval(() => this.kick(), this.deps.intervalMs);
  }

  async stop(): Promise<void> {
    this.unsubscribe();
    if (this.interval) clearInterval(this.interval);
    this.interval = null;
    await this.running;
  }

  /** Routes soon; a kick during a pass runs one more pass after it. */
  kick(): void {
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.pass()
      .then(() => undefined)
      .catch((error: unknown) => this.deps.log.error({ err: error }, 'routing pass failed'))
      .finally(() => {
        this.running = null;
        if (this.again) {
          this.again = false;
          this.kick();
        }
      });
  }

  /** One routing pass; resolves when its offers are recorded. */
  async pass(): Promise<number> {
    const { store, clock } = this.deps;
    const queued = await store.reads.listQueued();
    if (queued.length === 0) return 0;
    const load = await store.reads.loadByAgent();
    const agents: AgentSnapshot[] = (await store.agents.list())
      .filter((a) => a.presence === 'online' && this.deps.isConnected(a.id))
      .map((a) => ({
        id: a.id,
        name: a.name,
        skills: a.skills,
        languages: a.languages,
        presence: a.presence,
        capacity: a.maxConcurrent,
        load: load.get(a.id) ?? 0,
      }));
    if (agents.length === 0) return 0;
    const now = clock();
    const result = route(
      {
        queues: this.deps.queues,
        agents,
        conversations: queued.map((c) => ({
          id: c.id,
          queue: c.queue ?? 'general',
          priority: c.priority ?? 50,
          language: c.language ?? 'en',
          waitingSince: new Date(c.handedOverAt ?? c.createdAt),
          declinedBy: c.declinedBy,
        })),
      },
      now,
    );
    const names = new Map(agents.map((a) => [a.id, a.name]));
    const capacity = new Map(agents.map((a) => [a.id, a.capacity]));
    const byId = new Map(queued.map((c) => [c.id, c]));
    let made = 0;
    for (const offer of result.offers) {
      const c = byId.get(offer.conversationId);
      if (!c) continue;
      const offered = transition(
        { state: c.status, assigneeId: c.assigneeId, offeredTo: c.offeredTo, queue: c.queue },
        { type: 'offer', agentId: offer.agentId },
        now,
      );
      if (!offered.ok) continue;
      // Only from the state the decision was made on: a conversation moved meanwhile (a
      // supervisor reassigned it to a pull queue, a transfer, a bump) is decided again.
      const committed = await this.deps.writer.commit({
        conversationId: offer.conversationId,
        expectStatus: ['queued'],
        expectAssigneeId: null,
        expectLastSeq: c.lastSeq,
        // A claim made since the snapshot may have filled the agent: never exceed capacity.
        expectCapacity: { agentId: offer.agentId, max: capacity.get(offer.agentId) ?? 0 },
        changes: { status: offered.state.state, offeredTo: offered.state.offeredTo },
        events: [
          eventOf(
            offered.event.type,
            { type: 'system' },
            {
              agentId: offer.agentId,
              agentName: names.get(offer.agentId),
              // The same deadline the writer's offer timer takes from the policy.
              expiresAt: offerExpiry(this.deps.writer, c, now),
              viaFallback: offer.viaFallback,
            },
          ),
        ],
        now,
      });
      if (committed.ok) made++;
      else if (committed.reason === 'conflict') this.again = true;
    }
    for (const wait of result.waiting) {
      const c = byId.get(wait.conversationId);
      if (wait.reason !== 'ALL_ELIGIBLE_DECLINED' || !c || this.pausing(c, now)) continue;
      if (await this.newRound(c, now)) {
        this.again = true;
      }
    }
    return made;
  }

  /** Still within the pause after the last agent let it pass (the periodic pass retries). */
  private pausing(c: ConversationRecord, now: Date): boolean {
    const passed = c.lifecycle.lastPassedAt;
    return !!passed && now.getTime() - Date.parse(passed) < this.deps.roundPauseMs;
  }

  /** Every eligible agent let it pass: the next round offers it to them again, in order. */
  private async newRound(c: ConversationRecord, now: Date): Promise<boolean> {
    const round = c.lifecycle.offerRounds + 1;
    const committed = await this.deps.writer.commit({
      conversationId: c.id,
      expectStatus: ['queued'],
      expectLastSeq: c.lastSeq,
      changes: { declinedBy: [] },
      events: [
        {
          type: 'conversation.offer_round_completed',
          actor: { type: 'system' },
          data: { round, passedBy: c.declinedBy },
        },
        ...(round >= this.deps.alertAfterRounds
          ? [
              {
                type: 'conversation.supervisor_alerted' as const,
                actor: { type: 'system' as const },
                data: { reason: 'offers_unanswered' as const, rounds: round },
              },
            ]
          : []),
      ],
      now,
    });
    return committed.ok;
  }
}

function offerExpiry(
  writer: ConversationWriter,
  c: ConversationRecord | undefined,
  now: Date,
): string {
  return new Date(
    now.getTime() + writer.policy.offerSeconds(c?.queue ?? null) * 1000,
  ).toISOString();
}
