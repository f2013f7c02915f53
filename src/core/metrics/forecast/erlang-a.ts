/**
 * Erlang A (Palm's M/M/n+M): Poisson arrivals, exponential handle times, n servers, and
 * customers who give up after an exponential patience. Abandonment thins the line, so Erlang A
 * staffs fewer people than Erlang C for the same target, and (unlike Erlang C) it stays finite
 * when the load exceeds the servers.
 *
 * Computed from the birth–death chain rather than from the closed form with incomplete gamma
 * functions: the stationary distribution in log space (no factorial overflows), and the time an
 * arriving customer needs to reach a server by uniformisation, a sum of positive terms only (the
 * hypoexponential closed form alternates in sign and loses every digit for long lines).
 */
import { erlangCServiceLevel, erlangCWaitProbability, type QueueParameters } from './erlang-c.ts';

export interface ErlangAParameters extends QueueParameters {
  /** Mean seconds a customer waits before giving up; null when nobody was seen to give up (Erlang C). */
  readonly patienceSeconds: number | null;
}

export interface QueuePerformance {
  /** Share of arrivals answered within `withinSeconds` (those who give up count as not answered). */
  readonly serviceLevel: number;
  /** Share of arrivals who find every server busy. */
  readonly waitProbability: number;
  /** Share of arrivals who give up before a server takes them. */
  readonly abandonProbability: number;
}

/** States past the servers are kept while their weight is above e^-40 of the largest. */
const LOG_NEGLIGIBLE = -40;
const MAX_QUEUE_STATES = 200_000;

export function erlangA(p: ErlangAParameters): QueuePerformance {
  const lambda = p.arrivalRate;
  const mu = 1 / p.handleSeconds;
  const n = p.servers;
  if (lambda <= 0) return { serviceLevel: 1, waitProbability: 0, abandonProbability: 0 };
  const theta = p.patienceSeconds === null ? 0 : 1 / p.patienceSeconds;
  if (theta === 0) return erlangC(p);
  if (n === 0) return { serviceLevel: 0, waitProbability: 1, abandonProbability: 1 };

  const pi = stationary(lambda, mu, theta, n);
  let below = 0;
  for (let k = 0; k < n; k++) below += pi[k]!;
  let queued = 0;
  for (let k = n; k < pi.length; k++) queued += (k - n) * pi[k]!;
  const ahead = pi.slice(n);
  return {
    serviceLevel: below + servedWithin(ahead, n * mu, theta, p.withinSeconds),
    waitProbability: 1 - below,
    // Customers leave the line at rate θ each: abandonments per second over arrivals per second.
    abandonProbability: (theta * queued) / lambda,
  };
}

function erlangC(p: ErlangAParameters): QueuePerformance {
  const load = p.arrivalRate * p.handleSeconds;
  return {
    serviceLevel: erlangCServiceLevel(p),
    waitProbability: erlangCWaitProbability(load, p.servers),
    // Without patience nobody leaves; an overloaded line grows without bound instead.
    abandonProbability: 0,
  };
}

/** π_k, k = customers in the system (serving and waiting), normalised; truncated past the tail. */
function stationary(lambda: number, mu: number, theta: number, n: number): number[] {
  const logs: number[] = [0];
  const logLoad = Math.log(lambda / mu);
  for (let k = 1; k <= n; k++) logs.push(logs[k - 1]! + logLoad - Math.log(k));
  let peak = logs.reduce((m, l) => Math.max(m, l), -Infinity);
  for (let j = 1; j < MAX_QUEUE_STATES; j++) {
    const next = logs[n + j - 1]! + Math.log(lambda) - Math.log(n * mu + j * theta);
    logs.push(next);
    peak = Math.max(peak, next);
    const shrinking = lambda < n * mu + j * theta;
    if (shrinking && next - peak < LOG_NEGLIGIBLE) break;
  }
  const weights = logs.map((l) => Math.exp(l - peak));
  const total = weights.reduce((s, w) => s + w, 0);
  return weights.map((w) => w / total);
}

/**
 * P(answered within t) summed over the customers who arrive to a full team: `ahead[j]` is the
 * chance of arriving with j people already waiting. The tagged customer moves up one place at
 * rate nμ + iθ (a server frees, or one of the i ahead gives up) and leaves at rate θ; it is
 * answered on the move from place 0. Uniformised at rate Λ, after k jumps the answered share
 * is S_k (non-decreasing), and P(answered by t) = Σ_k Poisson(k; Λt) · S_k.
 */
function servedWithin(ahead: readonly number[], serviceRate: number, theta: number, t: number) {
  if (t <= 0 || ahead.length === 0) return 0;
  // Lines longer than any the chain visits with a share above 1e-15 are dropped.
  let places = ahead.length;
  let tail = 0;
  while (places > 1 && tail + ahead[places - 1]! < 1e-15) tail += ahead[--places]!;
  places = Math.min(places, reachablePlaces(serviceRate, theta, t));
  const rate = serviceRate + places * theta;
  const mean = rate * t;
  const jumps = Math.ceil(mean + 12 * Math.sqrt(mean) + 30);
  let v = ahead.slice(0, places);
  let answered = 0;
  // Poisson weights in log space: e^{-Λt} underflows for busy teams, its log does not.
  let logWeight = -mean;
  let head = Math.exp(logWeight);
  let result = 0;
  for (let k = 1; k <= jumps; k++) {
    const next = new Array<number>(places).fill(0);
    for (let i = 0; i < places; i++) {
      const mass = v[i]!;
      if (mass === 0) continue;
      const advance = (serviceRate + i * theta) / rate;
      if (i === 0) answered += mass * advance;
      else next[i - 1]! += mass * advance;
      next[i]! += mass * (1 - advance - theta / rate);
    }
    v = next;
    logWeight += Math.log(mean) - Math.log(k);
    const weight = Math.exp(logWeight);
    head += weight;
    result += weight * answered;
  }
  // Past the last jump S_k only grows, so S_jumps over the rest of the weight is a lower bound.
  return result + Math.max(0, 1 - head) * answered;
}

/**
 * A customer j places back needs j + 1 moves before t, and moves come at rate at most
 * nμ + jθ; past the place where that many moves lie 12 standard deviations beyond the mean,
 * nobody is answered in time. When patience is shorter than t the bound does not close
 * (Infinity): the line is then short anyway, since people leave it fast.
 */
function reachablePlaces(serviceRate: number, theta: number, t: number): number {
  if (theta * t >= 0.9) return Infinity;
  let places = serviceRate * t + 31;
  for (let i = 0; i < 200; i++) {
    const mean = (serviceRate + places * theta) * t;
    const next = Math.ceil(mean + 12 * Math.sqrt(mean) + 31);
    if (next <= places) break;
    places = next;
  }
  return Math.ceil(places);
}
