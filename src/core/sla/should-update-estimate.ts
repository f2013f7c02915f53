/**
 * When to tell a waiting customer a new estimate: only when it changed meaningfully (the band
 * moved by at least a minute and a fifth, or crossed "under a minute"), and never more than
 * once a minute, so the thread is not flooded with near-identical messages.
 */
import type { WaitBand } from './estimate-wait.ts';

export interface ToldEstimate {
  readonly band: Pick<WaitBand, 'lowMinutes' | 'highMinutes'>;
  readonly at: Date;
}

export const MIN_UPDATE_INTERVAL_MS = 60_000;
const MIN_SHIFT_MINUTES = 1;
const MIN_SHIFT_SHARE = 0.2;

export function shouldUpdateEstimate(
  last: ToldEstimate | null,
  next: Pick<WaitBand, 'lowMinutes' | 'highMinutes'>,
  now: Date,
): boolean {
  if (last === null) return true;
  if (now.getTime() - last.at.getTime() < MIN_UPDATE_INTERVAL_MS) return false;
  const underMinute = (b: Pick<WaitBand, 'highMinutes'>) => b.highMinutes <= 1;
  if (underMinute(last.band) !== underMinute(next)) return true;
  const mid = (b: Pick<WaitBand, 'lowMinutes' | 'highMinutes'>) =>
    (b.lowMinutes + b.highMinutes) / 2;
  const shift = Math.abs(mid(next) - mid(last.band));
  return shift >= MIN_SHIFT_MINUTES && shift >= MIN_SHIFT_SHARE * mid(last.band);
}
