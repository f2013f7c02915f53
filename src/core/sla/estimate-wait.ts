/**
 * Queue-length wait estimator. With every slot busy, the customer at position k moves up each
 * time a slot frees (rate slots / handle time) or someone ahead gives up (rate per waiting
 * customer). The wait is the sum of those k exponential steps; a Gamma with the same mean and
 * (widened) variance gives the band the customer sees, in whole minutes.
 */

export interface WaitEstimateInput {
  /** 1 = next to be served. */
  readonly position: number;
  /** Online agents who serve this queue. */
  readonly agentsServing: number;
  /** Conversations each agent handles at once (default 1). */
  readonly concurrency?: number;
  /** Rolling average handle time of one conversation. */
  readonly avgHandleMinutes: number;
  /** Slots free right now (default 0). */
  readonly freeSlots?: number;
  /** Rate at which one waiting customer gives up, per minute (default 0). */
  readonly abandonPerMinute?: number;
  /** Rate of new arrivals that will be served before this customer (higher priority), per minute. */
  readonly jumpAheadPerMinute?: number;
}

export interface WaitBand {
  /** Whole minutes; "about low–high minutes". */
  readonly lowMinutes: number;
  readonly highMinutes: number;
  /** Median wait (not rounded): the single best guess, used to judge the estimator. */
  readonly pointMinutes: number;
}

export interface WaitEstimatorOptions {
  /** Quantiles of the band (default 0.1 and 0.9). */
  readonly lowQuantile: number;
  readonly highQuantile: number;
  /** Variance multiplier for what the model leaves out (non-exponential handle times, staffing). */
  readonly dispersion: number;
}

export const DEFAULT_WAIT_ESTIMATOR: WaitEstimatorOptions = Object.freeze({
  lowQuantile: 0.1,
  highQuantile: 0.9,
  dispersion: 1.5,
});

/** The band, or null when nobody serves the queue (then no wait may be promised). */
export function estimateWait(
  input: WaitEstimateInput,
  options: WaitEstimatorOptions = DEFAULT_WAIT_ESTIMATOR,
): WaitBand | null {
  const slots = input.agentsServing * (input.concurrency ?? 1);
  if (!(slots > 0) || !(input.avgHandleMinutes > 0)) return null;
  const steps = Math.ceil(input.position - (input.freeSlots ?? 0));
  if (steps <= 0) return { lowMinutes: 0, highMinutes: 1, pointMinutes: 0 };
  const serve = slots / input.avgHandleMinutes;
  const leave = Math.max(0, input.abandonPerMinute ?? 0);
  const jump = Math.max(0, input.jumpAheadPerMinute ?? 0);
  let mean = 0;
  let variance = 0;
  // Step j: j people are still ahead, each of whom may give up.
  for (let j = 0; j < steps; j++) {
    // Arrivals that jump ahead slow the climb; never below a fifth of the service rate, so a
    // queue that grows ahead of the customer still gets a finite (if long) estimate.
    const rate = Math.max(serve / 5, serve - jump) + j * leave;
    mean += 1 / rate;
    variance += 1 / (rate * rate);
  }
  variance *= options.dispersion;
  const shape = (mean * mean) / variance;
  const scale = variance / mean;
  const q = (p: number) => gammaQuantile(shape, scale, p);
  const low = Math.floor(q(options.lowQuantile));
  const high = Math.max(low + 1, Math.ceil(q(options.highQuantile)));
  return { lowMinutes: low, highMinutes: high, pointMinutes: q(0.5) };
}

/** Wilson–Hilferty approximation of a Gamma quantile (good to a few % for shape ≥ 0.5). */
export function gammaQuantile(shape: number, scale: number, p: number): number {
  const z = normalQuantile(p);
  const c = 1 / (9 * shape);
  const cube = Math.max(0, 1 - c + z * Math.sqrt(c));
  return shape * scale * cube * cube * cube;
}

/** Acklam's rational approximation of the standard normal quantile. */
export function normalQuantile(p: number): number {
  const a = [
    -39.6968302866538, 220.946098424521, -275.928510446969, 138.357751867269, -30.6647980661472,
    2.50662827745924,
  ];
  const b = [
    -54.4760987982241, 161.585836858041, -155.698979859887, 66.8013118877197, -13.2806815528857,
  ];
  const c = [
    -0.00778489400243029, -0.322396458041136, -2.40075827716184, -2.54973253934373,
    4.37466414146497, 2.93816398269878,
  ];
  const d = [0.00778469570904146, 0.32246712907004, 2.445134137143, 3.75440866190742];
  const poly = (k: number[], x: number) => k.reduce((s, v) => s * x + v, 0);
  const lowTail = 0.02425;
  if (p <= 0) return -Infinity;
  if (p >= 1) return Infinity;
  if (p < lowTail) {
    const q = Math.sqrt(-2 * Math.log(p));
    return poly(c, q) / (poly(d, q) * q + 1);
  }
  if (p > 1 - lowTail) return -normalQuantile(1 - p);
  const q = p - 0.5;
  const r = q * q;
  return (poly(a, r) * q) / (poly(b, r) * r + 1);
}
