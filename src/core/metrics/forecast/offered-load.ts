/**
 * The load each hour really carries when demand changes from hour to hour: conversations taken
 * at the end of a busy hour are still held in the next one. Staffing every hour for its own
 * arrivals alone (the "pointwise stationary" way) leaves the hour after a peak short; the
 * modified offered load (Jennings, Mandelbaum, Massey and Whitt, 1996) staffs each hour for the
 * conversations in progress as if nobody ever waited: m' = λ(t) − m / τ with τ the handle time.
 * With λ and τ constant within an hour m relaxes exponentially towards λτ, and the hour's load
 * is m's average over the hour. The week repeats, so the week is run until it closes on itself.
 */

export interface HourlyLoadInput {
  /** Arrivals per hour (0 when unknown). */
  readonly arrivalsPerHour: number;
  /** Mean handle time, seconds. */
  readonly handleSeconds: number;
}

const HOUR_SECONDS = 3600;
const WEEKS_TO_SETTLE = 3;

/** Average conversations in progress (erlangs) in each hour of a repeating week. */
export function modifiedOfferedLoad(hours: readonly HourlyLoadInput[]): number[] {
  const loads = new Array<number>(hours.length).fill(0);
  let inProgress = 0;
  for (let pass = 0; pass < WEEKS_TO_SETTLE; pass++) {
    for (const [i, h] of hours.entries()) {
      const tau = h.handleSeconds;
      const settled = (h.arrivalsPerHour / HOUR_SECONDS) * tau;
      const decay = Math.exp(-HOUR_SECONDS / tau);
      loads[i] = settled + (inProgress - settled) * (tau / HOUR_SECONDS) * (1 - decay);
      inProgress = settled + (inProgress - settled) * decay;
    }
  }
  return loads;
}
