/**
 * Erlang C (M/M/n, customers who never give up): the textbook staffing formula, in its
 * numerically stable form (Erlang B by recursion, never a^n / n!, which overflows past n ≈ 170).
 * Baton staffs with Erlang A (erlang-a.ts); Erlang C is its limit as patience grows without
 * bound and is kept as the reference the tests check Erlang A against.
 */

/** Erlang B: the share of arrivals blocked with `servers` servers and `load` erlangs offered. */
export function erlangB(load: number, servers: number): number {
  let b = 1;
  for (let k = 1; k <= servers; k++) b = (load * b) / (k + load * b);
  return b;
}

/** Erlang C: the chance an arrival has to wait (1 when the load is at or above capacity). */
export function erlangCWaitProbability(load: number, servers: number): number {
  if (load >= servers) return 1;
  const b = erlangB(load, servers);
  return (servers * b) / (servers - load * (1 - b));
}

export interface QueueParameters {
  /** Arrivals per second. */
  readonly arrivalRate: number;
  /** Mean handle time, seconds. */
  readonly handleSeconds: number;
  readonly servers: number;
  /** The service-level threshold: answered within this many seconds. */
  readonly withinSeconds: number;
}

/** Erlang C service level: P(wait ≤ t) = 1 − C · e^{−(nμ − λ)t}; 0 when overloaded. */
export function erlangCServiceLevel(p: QueueParameters): number {
  const load = p.arrivalRate * p.handleSeconds;
  if (load >= p.servers) return 0;
  const c = erlangCWaitProbability(load, p.servers);
  return 1 - c * Math.exp(-((p.servers - load) / p.handleSeconds) * p.withinSeconds);
}
