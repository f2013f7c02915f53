/**
 * The measured handle time per queue, kept in memory: loaded once from the latest resolved
 * conversations, then updated from the bus whenever a person resolves or transfers one (only
 * that conversation's log is read). The wait estimate asks it at every handoff and update,
 * so it must be cheap; the configured `routing.averageHandleMinutes` is the prior until a
 * queue has enough samples.
 */
import type { EventBus } from '../../bus/event-bus.ts';
import {
  DEFAULT_ROLLING_HANDLE,
  handleSamples,
  rollingHandleMinutes,
  type HandleSample,
} from '../../core/sla/handle-times.ts';
import type { Store } from '../../store/store.ts';

const ENDS = new Set(['conversation.resolved', 'conversation.transferred']);

export class HandleTimeCache {
  private readonly samples = new Map<string, HandleSample[]>();
  private loading: Promise<void> | null = null;
  private readonly unsubscribe: () => void;

  constructor(
    private readonly store: Store,
    bus: EventBus,
    private readonly prior: number,
    private readonly onError: (error: unknown) => void,
  ) {
    this.unsubscribe = bus.subscribe((change) => {
      if (!change.events.some((e) => ENDS.has(e.type))) return;
      this.learn(change.conversation.id, change.conversation.queue).catch(onError);
    });
  }

  /** Rolling handle minutes of the queue (the prior with fewer than five samples). */
  async minutesFor(queue: string | null): Promise<number> {
    await this.load();
    return rollingHandleMinutes(this.samples.get(queue ?? '') ?? [], this.prior);
  }

  /** How many samples a queue has (for documentation and tests). */
  sampleCount(queue: string): number {
    return this.samples.get(queue)?.length ?? 0;
  }

  close(): void {
    this.unsubscribe();
  }

  private load(): Promise<void> {
    this.loading ??= this.store.reads
      .recentHandlingEvents()
      .then(({ events, queues }) => {
        for (const s of handleSamples(events, (id) => queues.get(id) ?? null)) this.add(s);
      })
      .catch((error: unknown) => {
        this.loading = null;
        this.onError(error);
      });
    return this.loading;
  }

  private async learn(conversationId: string, queue: string | null): Promise<void> {
    await this.load();
    const events = await this.store.conversations.eventsSince(conversationId, 0, 100_000);
    const all = handleSamples(events, () => queue);
    // Only the handling that just ended is new; earlier ones were learnt when they ended.
    const latest = all[all.length - 1];
    if (latest) this.add(latest);
  }

  private add(sample: HandleSample): void {
    const list = this.samples.get(sample.queue) ?? [];
    if (list.some((s) => s.endedAt === sample.endedAt && s.minutes === sample.minutes)) return;
    list.push(sample);
    list.sort((a, b) => (a.endedAt < b.endedAt ? -1 : 1));
    if (list.length > DEFAULT_ROLLING_HANDLE.window)
      list.splice(0, list.length - DEFAULT_ROLLING_HANDLE.window);
    this.samples.set(sample.queue, list);
  }
}
