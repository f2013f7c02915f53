/**
 * A wait band that agrees with what is happening. Free slots count only while the queue is
 * really being served: when someone in it has already waited longer than the band's upper
 * end (or a promise made to them has passed), the free slots are not taking work, so the band
 * is computed without them, and its upper end is never below the longest wait seen. This is
 * what keeps "under a minute" from standing beside "longest wait 29 min".
 */
import { estimateWait, type WaitBand, type WaitEstimateInput } from './estimate-wait.ts';

export function credibleWait(
  input: WaitEstimateInput,
  /** The longest current wait in the queue (or the customer's own, past a broken promise). */
  longestWaitMinutes: number | null,
): WaitBand | null {
  const band = estimateWait(input);
  if (band === null || longestWaitMinutes === null || longestWaitMinutes <= band.highMinutes) {
    return band;
  }
  const unserved = estimateWait({ ...input, freeSlots: 0 });
  if (unserved === null) return null;
  const high = Math.max(unserved.highMinutes, Math.ceil(longestWaitMinutes));
  return { ...unserved, highMinutes: high };
}

/** Who is there to serve a queue now (the app's team availability, by shape). */
export interface ServingTeam {
  readonly online: number;
  readonly freeSlots: number;
  readonly concurrency: number;
}

/**
 * The band to tell one waiting customer: their place, the team there now, and their own wait
 * so far (since they started waiting, or were handed over) as the longest wait seen.
 */
export function waitingCustomerBand(
  conversation: {
    readonly lifecycle: { readonly waitingSince: string | null };
    readonly handedOverAt: string | null;
  },
  position: number,
  team: ServingTeam,
  avgHandleMinutes: number,
  now: Date,
): WaitBand | null {
  const since = conversation.lifecycle.waitingSince ?? conversation.handedOverAt;
  return credibleWait(
    {
      position,
      agentsServing: team.online,
      concurrency: team.concurrency,
      freeSlots: team.freeSlots,
      avgHandleMinutes,
    },
    since ? (now.getTime() - Date.parse(since)) / 60_000 : null,
  );
}
