/**
 * Retention by age: with `privacy.retentionDays` set, conversations closed (resolved or
 * abandoned) longer ago than that are erased on a timer, as `baton erase --closed-before
 * <N>d --yes` would (without its VACUUM FULL: on PostgreSQL the tables wait for the
 * compaction window), and written to the audit log as `conversations.expired` by `retention`.
 * Several nodes may run it at once: erasing what is already gone changes nothing.
 */
import type { FastifyBaseLogger } from 'fastify';
import type { Store } from '../../store/store.ts';
import { carryOutErasure, planErasure, type CompactionScheduler } from './erasure-plan.ts';

const DAY_MS = 86_400_000;

export interface RetentionOptions {
  readonly store: Store;
  readonly retentionDays: number;
  readonly everyMs: number;
  readonly clock: () => Date;
  readonly log: FastifyBaseLogger;
  /** PostgreSQL: the erased tables wait for the compaction window. */
  readonly compaction?: CompactionScheduler;
}

/** One pass: erases what is past retention; returns how many conversations went. */
export async function expireConversations(
  store: Store,
  retentionDays: number,
  now: Date,
  compaction?: CompactionScheduler,
): Promise<number> {
  const target = { closedBefore: new Date(now.getTime() - retentionDays * DAY_MS) };
  const plan = await planErasure(store, target, false);
  if (plan.targets.length === 0) return 0;
  const audit = { actorId: 'retention', target, now, ...(compaction ? { compaction } : {}) };
  return (await carryOutErasure(store, plan, audit)).erased;
}

/** Starts the timer (first pass at once); the returned function stops it. */
export function startRetentionTimer(options: RetentionOptions): () => Promise<void> {
  let running: Promise<void> = Promise.resolve();
  const pass = () => {
    const { store, retentionDays, clock, compaction } = options;
    running = expireConversations(store, retentionDays, clock(), compaction).then(
      (erased) => {
        if (erased > 0) options.log.info(`retention: erased ${erased} closed conversation(s)`);
      },
      (error: unknown) => options.log.error({ err: error }, 'retention pass failed'),
    );
  };
  pass();
  const timer = setInterval(() => {
    void running.then(pass);
  }, options.everyMs);
  timer.unref();
  return async () => {
    clearInterval(timer);
    await running;
  };
}
