/** The small arithmetic the benches share: percentiles, medians, memory per socket. */

/** The nearest-rank percentile (p in 0–100) of `values`; NaN when there are none. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length)));
  return sorted[rank - 1] ?? Number.NaN;
}

export function median(values: readonly number[]): number {
  return percentile(values, 50);
}

export function round2(value: number): number {
  return Math.round(value * 100) / 100;
}

/**
 * What one open socket costs in resident memory: the growth of the process's RSS from no
 * sockets to `sockets` of them, shared out. RSS is all the process holds (heap not yet
 * collected included), so it is an upper bound on what the sockets themselves keep alive.
 */
export function bytesPerSocket(rssAtZero: number, rssAtN: number, sockets: number): number {
  if (!Number.isFinite(rssAtZero) || !Number.isFinite(rssAtN) || sockets <= 0) return Number.NaN;
  return (rssAtN - rssAtZero) / sockets;
}
