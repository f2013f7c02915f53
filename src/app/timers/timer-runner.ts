/**
 * The timer loop: every interval, claim the due timers and fire each with its handler. A
 * handler that throws leaves the claim to lapse, so the timer fires again later (at least
 * once); handlers are written to be idempotent for that reason.
 */
import { isLifecycleTimer } from '../../core/conversation/timer-kinds.ts';
import type { TimerRecord } from '../../core/records.ts';
import type { FiredTimer } from '../../store/fired-timer.ts';
import type { Store } from '../../store/store.ts';

export type TimerHandler = (timer: TimerRecord, now: Date) => Promise<void>;

export interface TimerRunnerOptions {
  readonly store: Store;
  readonly clock: () => Date;
  readonly intervalMs: number;
  readonly leaseMs: number;
  readonly handlers: Readonly<Record<string, TimerHandler>>;
  /**
   * After a lifecycle timer fired: make the conversation's timers match its state again
   * (the writer's reconcile), so a handler that found nothing to do leaves no dead end, and
   * complete the fired timer in that commit. Answers whether the commit was made.
   */
  readonly reconcile: (conversationId: string, fired: FiredTimer) => Promise<boolean>;
  readonly log: { warn(msg: string): void; error(obj: unknown, msg: string): void };
}

export class TimerRunner {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;

  constructor(private readonly options: TimerRunnerOptions) {}

  start(): void {
    this.timer ??= setInterval(() => void this.tick(), this.options.intervalMs);
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.running;
  }

  /** One pass; a pass still running is not overlapped. Returns how many timers fired. */
  tick(): Promise<void> {
    this.running ??= this.fireDue().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  private async fireDue(): Promise<void> {
    const { store, clock, leaseMs, handlers, log } = this.options;
    let due: TimerRecord[];
    try {
      due = await store.timers.claimDue(clock(), 100, leaseMs);
    } catch (error) {
      log.error({ err: error }, 'claiming timers failed');
      return;
    }
    for (const timer of due) {
      const handler = handlers[timer.kind];
      try {
        if (handler) await handler(timer, clock());
        else log.warn(`no handler for timer kind ${timer.kind}; dropping it`);
        // A lifecycle timer is done in its reconcile's transaction: a reconcile that fails
        // leaves it claimed, to fire again, and it costs no statement of its own.
        const fired = { id: timer.id, claimedBy: store.timers.owner };
        const done = isLifecycleTimer(timer.kind)
          ? await this.options.reconcile(timer.conversationId, fired)
          : false;
        if (!done) await store.timers.complete(timer.id, clock());
      } catch (error) {
        log.error(
          { err: error, timer: timer.id },
          `timer ${timer.kind} failed; it will fire again`,
        );
      }
    }
  }
}
