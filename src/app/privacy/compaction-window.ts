/**
 * PostgreSQL's compaction window (docs/security.md). An erasure by the server (the admin API,
 * retention) deletes the rows and runs a plain VACUUM, which frees their space without
 * overwriting it, so the erased bytes stay in the table files. The tables it deleted from are
 * recorded as pending, durably; at the daily window (`privacy.compactAt`, in `privacy.compactTimeZone`, UTC by default) one node of the
 * cluster rewrites them with VACUUM FULL under a `lock_timeout` and then asks for a
 * CHECKPOINT. A table whose lock was not had in time waits for the next window; every run is
 * written to the audit log. Admins can run it at once (`POST /api/v1/privacy/compact`).
 * SQLite has nothing to compact: the server's erasure already removes the bytes.
 */
import { ERASED_TABLES } from '../../store/erasure-repository.ts';
import type { PendingCompaction } from '../../store/compaction-repository.ts';
import { checkpointPostgres } from '../../store/compaction-repository.ts';
import type { Store } from '../../store/store.ts';
import { nextCompactionWindow } from './next-compaction-window.ts';

/** How long a node holds the tables it compacts; a node that dies leaves them to others then. */
const LEASE_MS = 30 * 60_000;

export interface CompactionWindowOptions {
  readonly store: Store;
  /** `HH:MM` on the wall clock of `compactTimeZone`. */
  readonly compactAt: string;
  /** IANA zone of `compactAt`; UTC when not given. */
  readonly compactTimeZone?: string;
  readonly lockTimeoutMs: number;
  readonly clock: () => Date;
  readonly log: {
    info(msg: string): void;
    warn(msg: string): void;
    error(obj: unknown, msg: string): void;
  };
}

export interface CompactionOutcome {
  /** Rewritten by VACUUM FULL: the erased bytes left their files. */
  readonly compacted: readonly string[];
  /** Their lock was not had within lock_timeout: retried at the next window. */
  readonly lockTimedOut: readonly string[];
  /** Not rewritten (the role does not own them, or the rewrite failed): retried too. */
  readonly notCompacted: readonly string[];
  /** CHECKPOINT after the rewrite: false when the role may not; null when nothing was rewritten. */
  readonly checkpointed: boolean | null;
  /** What still waits, and for when. */
  readonly pending: readonly PendingCompaction[];
}

export class CompactionWindow {
  constructor(private readonly options: CompactionWindowOptions) {}

  /**
   * After the server erased rows from `tables`: on PostgreSQL they wait for the next window,
   * and the answer is when their bytes leave the files; null on SQLite (already gone).
   */
  async defer(tables: readonly string[]): Promise<Date | null> {
    const { store, clock } = this.options;
    if (store.engine !== 'postgres' || tables.length === 0) return null;
    const now = clock();
    return store.compaction.record(tables, now, this.nextWindow(now));
  }

  /** The first window after `now`. */
  nextWindow(now: Date): Date {
    const { compactAt, compactTimeZone } = this.options;
    return nextCompactionWindow(now, compactAt, compactTimeZone);
  }

  pending(): Promise<PendingCompaction[]> {
    return this.options.store.compaction.pending();
  }

  /**
   * Rewrites the pending tables whose window has come (`dueOnly`), or all of them (an admin's
   * "now"), which this node could claim; audited as `privacy.compacted` when any were.
   */
  async run(actorId: string, dueOnly: boolean): Promise<CompactionOutcome> {
    const { store, clock, lockTimeoutMs, log } = this.options;
    const claimed =
      store.engine === 'postgres' ? await store.compaction.claim(clock(), LEASE_MS, dueOnly) : [];
    const compacted: string[] = [];
    const lockTimedOut: string[] = [];
    const notCompacted: string[] = [];
    for (const { table } of claimed) {
      const startedAt = clock();
      const next = this.nextWindow(startedAt);
      if (!(ERASED_TABLES as readonly string[]).includes(table)) {
        // Only erasure names tables here; anything else is left alone, and said.
        notCompacted.push(table);
        await store.compaction.postpone(table, next, 'unknown table');
        continue;
      }
      try {
        const result = await store.compaction.compact(table, lockTimeoutMs);
        if (result === 'rewritten') {
          compacted.push(table);
          await store.compaction.settle(table, startedAt, next);
        } else {
          (result === 'lock-timeout' ? lockTimedOut : notCompacted).push(table);
          await store.compaction.postpone(table, next, result);
        }
      } catch (error) {
        log.error({ err: error }, `compaction: VACUUM FULL ${table} failed`);
        notCompacted.push(table);
        await store.compaction.postpone(table, next, 'failed');
      }
    }
    const checkpointed = compacted.length > 0 ? await checkpointPostgres(store.db) : null;
    const outcome = {
      compacted,
      lockTimedOut,
      notCompacted,
      checkpointed,
      pending: await store.compaction.pending(),
    };
    if (claimed.length > 0) await this.report(actorId, outcome);
    return outcome;
  }

  private async report(actorId: string, outcome: CompactionOutcome): Promise<void> {
    const { store, clock, log } = this.options;
    const nextWindow = outcome.pending.map((p) => p.dueAt).sort()[0] ?? null;
    await store.teamAudit.record({
      at: clock(),
      actorId,
      agentId: '',
      action: 'privacy.compacted',
      changes: {
        compacted: outcome.compacted,
        lockTimedOut: outcome.lockTimedOut,
        notCompacted: outcome.notCompacted,
        checkpointed: outcome.checkpointed,
        nextWindow,
      },
    });
    if (outcome.compacted.length > 0)
      log.info(`compaction: VACUUM FULL rewrote ${outcome.compacted.join(', ')}`);
    const left = [...outcome.lockTimedOut, ...outcome.notCompacted];
    if (left.length > 0) {
      log.warn(
        `compaction: not rewritten: ${left.join(', ')}` +
          (outcome.lockTimedOut.length > 0
            ? ` (lock_timeout on ${outcome.lockTimedOut.join(', ')})`
            : '') +
          `; retried at the next window, ${nextWindow ?? 'none'}`,
      );
    }
  }

  /** Checks every `everyMs` whether a window has come (first check at once); returns the stop. */
  start(everyMs: number): () => Promise<void> {
    let running: Promise<void> = Promise.resolve();
    const pass = () => {
      running = this.run('compaction', true).then(
        () => undefined,
        (error: unknown) => this.options.log.error({ err: error }, 'compaction pass failed'),
      );
    };
    if (this.options.store.engine !== 'postgres') return () => Promise.resolve();
    pass();
    const timer = setInterval(() => {
      void running.then(pass);
    }, everyMs);
    timer.unref();
    return async () => {
      clearInterval(timer);
      await running;
    };
  }
}
