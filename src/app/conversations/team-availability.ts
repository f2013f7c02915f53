/**
 * Who can take work now, for the wait estimate: agents whose presence is online and whose
 * inbox is open, their free capacity, and how many conversations each handles at once.
 */
import type { Store } from '../../store/store.ts';
import type { PresencePort } from './ports.ts';

export interface TeamAvailability {
  readonly online: number;
  readonly freeSlots: number;
  readonly concurrency: number;
}

export async function teamAvailability(
  store: Store,
  presence: Pick<PresencePort, 'isConnected'>,
): Promise<TeamAvailability> {
  const agents = (await store.agents.list()).filter(
    (a) => a.presence === 'online' && presence.isConnected(a.id),
  );
  if (agents.length === 0) return { online: 0, freeSlots: 0, concurrency: 1 };
  const load = await store.reads.loadByAgent();
  const freeSlots = agents.reduce(
    (n, a) => n + Math.max(0, a.maxConcurrent - (load.get(a.id) ?? 0)),
    0,
  );
  const concurrency = agents.reduce((n, a) => n + a.maxConcurrent, 0) / agents.length;
  return { online: agents.length, freeSlots, concurrency };
}
