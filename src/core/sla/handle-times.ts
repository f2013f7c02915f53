/**
 * Rolling handle time per queue, measured from the event log: how long a person held a
 * conversation, from `conversation.assigned` to `conversation.resolved` or
 * `conversation.transferred`. The wait estimate uses the mean of the last samples; with too
 * few of them the configured prior stands in, so one quick first chat does not promise
 * everyone a one-minute wait.
 */

export interface HandleTimeEvent {
  readonly conversationId: string;
  readonly seq: number;
  readonly type: string;
  readonly at: string;
  readonly data: Readonly<Record<string, unknown>>;
}

export interface HandleSample {
  readonly queue: string;
  /** When the handling ended (ISO), for keeping the latest samples. */
  readonly endedAt: string;
  readonly minutes: number;
}

export interface RollingHandleOptions {
  /** Samples averaged (the most recent ones). */
  readonly window: number;
  /** Below this many samples the prior is used. */
  readonly minSamples: number;
}

export const DEFAULT_ROLLING_HANDLE: RollingHandleOptions = Object.freeze({
  window: 50,
  minSamples: 5,
});

/**
 * Pairs each assignment with the resolve or transfer that ended it, per conversation, in
 * seq order. The queue is the one the conversation was in while it was handled; events
 * carry it (`handed_over.queue`, `transferred.toQueue`, `overflowed.toQueue`), and
 * `queueOf` supplies the conversation's stored queue when the log window starts mid-way.
 */
export function handleSamples(
  events: readonly HandleTimeEvent[],
  queueOf: (conversationId: string) => string | null,
): HandleSample[] {
  const byConversation = new Map<string, HandleTimeEvent[]>();
  for (const e of events) {
    const list = byConversation.get(e.conversationId) ?? [];
    list.push(e);
    byConversation.set(e.conversationId, list);
  }
  const samples: HandleSample[] = [];
  for (const [id, list] of byConversation) {
    list.sort((a, b) => a.seq - b.seq);
    let queue: string | null = null;
    let assignedAt: number | null = null;
    let assignedQueue: string | null = null;
    for (const e of list) {
      const to = typeof e.data.toQueue === 'string' ? e.data.toQueue : null;
      const ended = e.type === 'conversation.resolved' || e.type === 'conversation.transferred';
      if (ended && assignedAt !== null) {
        const minutes = (Date.parse(e.at) - assignedAt) / 60_000;
        const q = assignedQueue ?? queueOf(id);
        if (q !== null && Number.isFinite(minutes) && minutes >= 0) {
          samples.push({ queue: q, endedAt: e.at, minutes });
        }
        assignedAt = null;
      }
      if (e.type === 'conversation.handed_over' && typeof e.data.queue === 'string') {
        queue = e.data.queue;
      } else if (to !== null) {
        queue = to;
      }
      if (e.type === 'conversation.assigned') {
        assignedAt = Date.parse(e.at);
        assignedQueue = queue;
      }
    }
  }
  return samples;
}

/** Mean of the latest `window` samples, or the prior when fewer than `minSamples`. */
export function rollingHandleMinutes(
  samples: readonly HandleSample[],
  prior: number,
  options: RollingHandleOptions = DEFAULT_ROLLING_HANDLE,
): number {
  if (samples.length < options.minSamples) return prior;
  const latest = [...samples]
    .sort((a, b) => (a.endedAt < b.endedAt ? 1 : a.endedAt > b.endedAt ? -1 : 0))
    .slice(0, options.window);
  const mean = latest.reduce((sum, s) => sum + s.minutes, 0) / latest.length;
  // A queue of sub-second test chats must not promise "no wait": never below six seconds.
  return Math.max(0.1, mean);
}

/** Rolling handle minutes for every queue that has samples. */
export function handleMinutesByQueue(
  samples: readonly HandleSample[],
  prior: number,
  options: RollingHandleOptions = DEFAULT_ROLLING_HANDLE,
): Map<string, number> {
  const byQueue = new Map<string, HandleSample[]>();
  for (const s of samples) byQueue.set(s.queue, [...(byQueue.get(s.queue) ?? []), s]);
  const out = new Map<string, number>();
  for (const [queue, list] of byQueue) out.set(queue, rollingHandleMinutes(list, prior, options));
  return out;
}
