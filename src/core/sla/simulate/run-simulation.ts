/**
 * A discrete-event simulation of one queue: Poisson arrivals by hour of day, log-normal handle
 * times, staffing by hour, customers who give up, and business hours (arrivals while closed are
 * captured and re-enter at the opening; customers still waiting at closing are deferred). Each
 * customer who has to wait gets the estimator's band and the naive prediction; both are judged
 * against the wait that followed. Pure: the seed decides everything.
 */
import { estimateWait } from '../estimate-wait.ts';
import { isOpen } from '../is-open.ts';
import { localTime } from '../zoned-time.ts';
import { EventQueue } from './event-queue.ts';
import { createRng } from './prng.ts';
import {
  naivePrediction,
  scorePredictions,
  type Prediction,
  type PredictionScore,
} from './score-predictions.ts';
import { DEFAULT_SIMULATION, type SimulationOptions } from './simulation-options.ts';

export interface SimulationReport {
  readonly hours: number;
  readonly seed: number;
  readonly arrivals: number;
  readonly served: number;
  readonly abandoned: number;
  /** Arrivals while closed, captured and re-queued at the opening. */
  readonly capturedWhileClosed: number;
  /** Customers still waiting when the team closed (deferred to the next opening). */
  readonly deferredAtClose: number;
  readonly medianWaitMinutes: number;
  readonly estimator: PredictionScore;
  readonly naive: PredictionScore;
}

interface Customer {
  readonly id: number;
  readonly high: boolean;
  enteredAt: number;
  /** Times it entered the queue; a patience timer from an earlier entry is void. */
  entries: number;
  state: 'waiting' | 'served' | 'abandoned' | 'deferred';
  predictions?: { estimator: Prediction; naive: Prediction };
}

type Ev =
  | { readonly type: 'arrival' }
  | { readonly type: 'tick' }
  | { readonly type: 'complete'; readonly agent: number; readonly handle: number }
  | { readonly type: 'abandon'; readonly customer: Customer; readonly entry: number };

const TICK_MINUTES = 15;
/** Prior for the abandonment rate until the run has seen some waiting. */
const PRIOR_WAIT_MINUTES = 30;
/** Window over which the rate of high-priority arrivals (who go ahead) is measured. */
const JUMP_WINDOW_MINUTES = 60;

export function runSimulation(
  overrides: Partial<SimulationOptions> = {},
  onProgress?: (doneMinutes: number, totalMinutes: number) => void,
): SimulationReport {
  const o: SimulationOptions = { ...DEFAULT_SIMULATION, ...overrides };
  const rng = createRng(o.seed);
  const total = o.hours * 60;
  const events = new EventQueue<Ev>();
  const instant = (t: number) => new Date(o.start.getTime() + t * 60_000);
  const maxRate = Math.max(...o.arrivalsPerHour) / 60;
  const rateAt = (t: number) =>
    (o.arrivalsPerHour[localTime(instant(t), o.calendar.timeZone).hour] ?? 0) / 60;

  const agents = Array.from({ length: Math.max(1, ...o.staffing) }, () => ({
    active: 0,
    online: false,
  }));
  const waiting: Customer[] = [];
  const deferred: Customer[] = [];
  const recentWaits: number[] = [];
  const handles: number[] = [];
  const judged: { estimator: Prediction; naive: Prediction; actualMinutes: number }[] = [];
  const allWaits: number[] = [];
  let open = false;
  let nextId = 0;
  let arrivals = 0;
  let abandoned = 0;
  let captured = 0;
  let deferredAtClose = 0;
  let waitedMinutes = 0;
  const highArrivals: number[] = [];

  const online = () => agents.filter((a) => a.online).length;
  const avgHandle = () =>
    handles.length < 5 ? o.handleMinutes.mean : handles.reduce((s, h) => s + h, 0) / handles.length;

  const dispatch = (t: number): void => {
    while (waiting.length > 0) {
      let best = -1;
      agents.forEach((a, i) => {
        if (a.online && a.active < o.concurrency && (best < 0 || a.active < agents[best]!.active))
          best = i;
      });
      if (best < 0) return;
      const c = waiting.shift()!;
      c.state = 'served';
      const wait = t - c.enteredAt;
      waitedMinutes += wait;
      allWaits.push(wait);
      recentWaits.push(wait);
      if (recentWaits.length > o.naiveWindow) recentWaits.shift();
      if (c.predictions !== undefined) judged.push({ ...c.predictions, actualMinutes: wait });
      agents[best]!.active++;
      const handle = rng.logNormal(o.handleMinutes.mean, o.handleMinutes.cv);
      events.push(t + handle, { type: 'complete', agent: best, handle });
    }
  };

  const jumpRate = (t: number): number => {
    while (highArrivals.length > 0 && highArrivals[0]! < t - JUMP_WINDOW_MINUTES)
      highArrivals.shift();
    return highArrivals.length / JUMP_WINDOW_MINUTES;
  };

  const enter = (c: Customer, t: number): void => {
    c.enteredAt = t;
    c.entries++;
    c.state = 'waiting';
    // Priority first, then arrival order: what the router does.
    let i = waiting.length;
    while (i > 0 && c.high && !waiting[i - 1]!.high) i--;
    waiting.splice(i, 0, c);
    const free = agents.reduce(
      (s, a) => s + (a.online ? Math.max(0, o.concurrency - a.active) : 0),
      0,
    );
    if (free === 0) {
      const band = estimateWait({
        position: i + 1,
        agentsServing: online(),
        concurrency: o.concurrency,
        avgHandleMinutes: avgHandle(),
        abandonPerMinute: (abandoned + 1) / (waitedMinutes + PRIOR_WAIT_MINUTES),
        jumpAheadPerMinute: c.high ? 0 : jumpRate(t),
      });
      if (band !== null) c.predictions = { estimator: band, naive: naivePrediction(recentWaits) };
    }
    events.push(t + rng.exponential(o.patienceMinutes), {
      type: 'abandon',
      customer: c,
      entry: c.entries,
    });
    dispatch(t);
  };

  const staff = (t: number): void => {
    const hour = localTime(instant(t), o.calendar.timeZone).hour;
    const target = open ? (o.staffing[hour] ?? 0) : 0;
    let diff = target - online();
    // Agents leaving finish what they have; the least busy leave first.
    const order = agents.map((_, i) => i).sort((a, b) => agents[a]!.active - agents[b]!.active);
    for (const i of order) {
      const a = agents[i]!;
      if (diff > 0 && !a.online) {
        a.online = true;
        diff--;
      } else if (diff < 0 && a.online) {
        a.online = false;
        diff++;
      }
    }
  };

  const tick = (t: number): void => {
    const nowOpen = isOpen(o.calendar, instant(t));
    if (open && !nowOpen) {
      for (const c of waiting.splice(0)) {
        c.state = 'deferred';
        c.predictions = undefined;
        deferredAtClose++;
        deferred.push(c);
      }
    }
    const opening = !open && nowOpen;
    open = nowOpen;
    staff(t);
    if (opening) for (const c of deferred.splice(0)) enter(c, t);
    dispatch(t);
    onProgress?.(Math.min(t, total), total);
  };

  const scheduleArrival = (from: number): void => {
    // Thinning: candidates at the peak rate, kept with probability rate(t) / peak.
    for (let t = from; t < total;) {
      t += rng.exponential(1 / maxRate);
      if (rng.next() * maxRate < rateAt(t)) return events.push(t, { type: 'arrival' });
    }
  };

  if (maxRate > 0) scheduleArrival(0);
  for (let t = 0; t < total; t += TICK_MINUTES) events.push(t, { type: 'tick' });

  for (let ev = events.pop(); ev !== undefined && ev.at < total; ev = events.pop()) {
    const t = ev.at;
    const e = ev.payload;
    switch (e.type) {
      case 'tick':
        tick(t);
        break;
      case 'arrival': {
        arrivals++;
        const c: Customer = {
          id: nextId++,
          high: rng.next() < o.highPriorityShare,
          enteredAt: t,
          entries: 0,
          state: 'waiting',
        };
        if (open) {
          if (c.high) highArrivals.push(t);
          enter(c, t);
        } else {
          c.state = 'deferred';
          captured++;
          deferred.push(c);
        }
        scheduleArrival(t);
        break;
      }
      case 'complete': {
        agents[e.agent]!.active--;
        handles.push(e.handle);
        if (handles.length > o.handleWindow) handles.shift();
        dispatch(t);
        break;
      }
      case 'abandon': {
        const c = e.customer;
        if (c.state !== 'waiting' || c.entries !== e.entry) break;
        waiting.splice(waiting.indexOf(c), 1);
        c.state = 'abandoned';
        abandoned++;
        waitedMinutes += t - c.enteredAt;
        break;
      }
    }
  }
  onProgress?.(total, total);

  const sortedWaits = [...allWaits].sort((a, b) => a - b);
  return {
    hours: o.hours,
    seed: o.seed,
    arrivals,
    served: allWaits.length,
    abandoned,
    capturedWhileClosed: captured,
    deferredAtClose,
    medianWaitMinutes: sortedWaits[sortedWaits.length >> 1] ?? 0,
    estimator: scorePredictions(
      judged.map((j) => ({ prediction: j.estimator, actualMinutes: j.actualMinutes })),
    ),
    naive: scorePredictions(
      judged.map((j) => ({ prediction: j.naive, actualMinutes: j.actualMinutes })),
    ),
  };
}
