/**
 * The one writer of conversations: the only code that calls the store's conversation
 * `create`/`commit` and publishes conversation changes on the bus (a test holds this). Every
 * commit also advances the conversation's lifecycle (core/conversation/lifecycle.ts) and, in
 * the same transaction, makes the pending lifecycle timers exactly what `timersFor` says:
 * what is no longer due is cancelled, what is missing is scheduled. Committed, then published.
 */
import type { ConversationChange, EventBus } from '../../bus/event-bus.ts';
import { advanceLifecycle, type LifecyclePatch } from '../../core/conversation/lifecycle.ts';
import { isLifecycleTimer } from '../../core/conversation/timer-kinds.ts';
import {
  reconcileTimers,
  timersFor,
  type TimerPolicy,
} from '../../core/conversation/timers-for.ts';
import type {
  CommitInput,
  CommitResult,
  CreateConversationInput,
} from '../../store/conversation-repository.ts';
import type { FiredTimer } from '../../store/fired-timer.ts';
import type { DeriveLifecycle } from '../../store/lifecycle-derive.ts';
import type { ConversationRecord, StoredEvent } from '../../core/records.ts';
import type { Store } from '../../store/store.ts';

export interface ConversationWriterDeps {
  readonly store: Store;
  readonly bus: EventBus;
  readonly clock: () => Date;
  readonly policy: TimerPolicy;
  /** Told how long each store commit took (the commit-latency histogram). */
  readonly onCommitTimed?: (seconds: number) => void;
}

export interface WriteInput extends Omit<CommitInput, 'derive' | 'now'> {
  /** Defaults to the writer's clock. */
  readonly now?: Date;
  /** Clock changes no event carries (customer presence, a promised time, a follow-up). */
  readonly lifecycle?: LifecyclePatch;
}

export class ConversationWriter {
  constructor(private readonly deps: ConversationWriterDeps) {}

  get clock(): () => Date {
    return this.deps.clock;
  }

  get policy(): TimerPolicy {
    return this.deps.policy;
  }

  async create(
    input: CreateConversationInput,
  ): Promise<{ conversation: ConversationRecord; events: StoredEvent[] }> {
    const started = performance.now();
    const created = await this.deps.store.conversations.create(input);
    this.timed(started);
    this.announce(created);
    return created;
  }

  async commit(input: WriteInput): Promise<CommitResult> {
    const cancelled = input.timers?.cancel ?? [];
    const touched = [
      ...(input.timers?.schedule ?? []).map((t) => t.kind),
      ...(cancelled === 'all' ? ['all'] : cancelled),
    ].find((kind) => kind === 'all' || isLifecycleTimer(kind));
    if (touched) throw new Error(`lifecycle timers (${touched}) follow from the state alone`);
    const { lifecycle: patch, now: at, ...rest } = input;
    const now = at ?? this.deps.clock();
    const started = performance.now();
    const result = await this.deps.store.conversations.commit({
      ...rest,
      now,
      derive: this.derive(now, patch),
    });
    this.timed(started);
    if (result.ok) this.announce(result);
    return result;
  }

  /** Published once committed: at once, or at the end of the batch it was made in. */
  private announce(change: ConversationChange): void {
    this.deps.store.afterCommit(() => this.deps.bus.publish(change));
  }

  private timed(started: number): void {
    this.deps.onCommitTimed?.((performance.now() - started) / 1000);
  }

  /**
   * Runs `work`, whose commits go through this writer as always, in one store transaction
   * (Store.batch: one on PostgreSQL, none added on SQLite), for bulk writing such as
   * `baton demo-traffic`. Each commit still derives its lifecycle and timers in the
   * transaction, from the state as the batch's earlier commits left it, so the invariant holds
   * at every commit (the work's own queries join the batch and read its writes). The commits
   * are published only when the batch ends, in order: on PostgreSQL once it has committed, and
   * not at all if it rolls back, so no listener (sockets, routing, metrics) hears of a change
   * that was never stored. Another node reads the changes once the batch commits; a write that
   * fails rolls the whole batch back (on PostgreSQL).
   */
  batch<T>(work: () => Promise<T>): Promise<T> {
    return this.deps.store.batch(work);
  }

  /**
   * Makes the pending timers match the state after a timer fired, and completes that timer in
   * the same transaction (store/fired-timer.ts). False when there was nothing to commit to
   * (the conversation is gone): the timer is then still to complete.
   */
  async reconcile(conversationId: string, fired?: FiredTimer): Promise<boolean> {
    const result = await this.commit({ conversationId, events: [], completesTimer: fired });
    return result.ok;
  }

  private derive(now: Date, patch: LifecyclePatch | undefined): DeriveLifecycle {
    return (conversation, events, pending) => {
      const lifecycle = advanceLifecycle(
        conversation.lifecycle,
        conversation.status,
        events,
        now,
        patch,
      );
      // Only the fields timersFor reads: spreading the record would parse every lazy JSON
      // column (the handoff packet among them) on every message.
      const wanted = timersFor(
        {
          id: conversation.id,
          channel: conversation.channel,
          status: conversation.status,
          queue: conversation.queue,
          offeredTo: conversation.offeredTo,
          lifecycle,
        },
        this.deps.policy,
      );
      const { cancelIds, schedule } = reconcileTimers(pending, wanted);
      return {
        lifecycle,
        cancelIds,
        schedule: schedule.map((t) => ({ kind: t.kind, dueAt: t.dueAt, data: { ...t.data } })),
      };
    };
  }
}
