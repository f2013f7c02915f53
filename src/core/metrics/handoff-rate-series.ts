/**
 * Handoff rate over time: the conversations started in each hour (short ranges) or UTC day
 * (longer ones) of the range, and the share of them handed to a person. Buckets with no
 * conversations have a null rate, so a chart shows a gap rather than a false zero.
 */
import type { ConversationFacts } from './conversation-facts.ts';

export type BucketSize = 'hour' | 'day';

export interface RateBucket {
  /** Start of the bucket (ISO, UTC). */
  readonly start: string;
  readonly conversations: number;
  readonly handoffs: number;
  readonly rate: number | null;
}

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

/** Hours up to two days, days beyond: at most 48 hourly points, readable on a chart. */
export function bucketSizeFor(from: Date, to: Date): BucketSize {
  return to.getTime() - from.getTime() <= 2 * DAY_MS ? 'hour' : 'day';
}

export function handoffRateSeries(
  facts: readonly ConversationFacts[],
  from: Date,
  to: Date,
  size: BucketSize = bucketSizeFor(from, to),
): RateBucket[] {
  const step = size === 'hour' ? HOUR_MS : DAY_MS;
  const first = Math.floor(from.getTime() / step) * step;
  const count = Math.max(1, Math.ceil((to.getTime() - first) / step));
  const conversations = new Array<number>(count).fill(0);
  const handoffs = new Array<number>(count).fill(0);
  for (const f of facts) {
    if (f.startedAt === null) continue;
    const i = Math.floor((Date.parse(f.startedAt) - first) / step);
    if (i < 0 || i >= count) continue;
    conversations[i]! += 1;
    if (f.handedOverAt !== null) handoffs[i]! += 1;
  }
  return conversations.map((n, i) => ({
    start: new Date(first + i * step).toISOString(),
    conversations: n,
    handoffs: handoffs[i]!,
    rate: n === 0 ? null : handoffs[i]! / n,
  }));
}
