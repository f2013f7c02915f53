/**
 * The fewest servers that meet a service-level target under Erlang A. The service level grows
 * with every server added, so a doubling search then a bisection find it in a few evaluations.
 */
import { erlangA, type ErlangAParameters, type QueuePerformance } from './erlang-a.ts';

export interface ServiceTarget {
  /** Share of customers to answer within `withinSeconds`, e.g. 0.8. */
  readonly share: number;
  readonly withinSeconds: number;
}

export interface Staffing {
  readonly servers: number;
  readonly performance: QueuePerformance;
}

const MAX_SERVERS = 100_000;

export function serversNeeded(
  demand: Omit<ErlangAParameters, 'servers' | 'withinSeconds'>,
  target: ServiceTarget,
): Staffing {
  const at = (servers: number) =>
    erlangA({ ...demand, servers, withinSeconds: target.withinSeconds });
  const meets = (servers: number) => at(servers).serviceLevel >= target.share;
  if (meets(0)) return { servers: 0, performance: at(0) };
  let low = 0; // fails
  let high = Math.max(1, Math.ceil(demand.arrivalRate * demand.handleSeconds));
  while (!meets(high)) {
    low = high;
    high *= 2;
    if (high > MAX_SERVERS) throw new RangeError(`more than ${MAX_SERVERS} servers needed`);
  }
  while (high - low > 1) {
    const mid = Math.floor((low + high) / 2);
    if (meets(mid)) high = mid;
    else low = mid;
  }
  return { servers: high, performance: at(high) };
}
