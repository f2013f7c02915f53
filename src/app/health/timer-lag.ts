/**
 * How far the timer loop is behind: the age of the oldest timer that should have fired and
 * has not (0 when none). Shared by /readyz and /metrics; the database is shared by the nodes,
 * so every node reports the cluster's lag.
 */
import type { Store } from '../../store/store.ts';

export async function timerLagSeconds(store: Store, now: Date): Promise<number> {
  const oldest = await store.timers.oldestOverdue(now);
  return oldest ? Math.max(0, (now.getTime() - oldest.getTime()) / 1000) : 0;
}
