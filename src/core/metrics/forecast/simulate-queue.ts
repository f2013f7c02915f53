/**
 * A seeded discrete-event simulation of M/M/n+M hour by hour: Poisson arrivals at each hour's
 * rate, exponential handle times, exponential patience, first come first served, and the number
 * of servers changing on the hour (a server that goes off duty finishes what it holds). It is
 * the check on the forecast: staff each hour as forecast, count who was answered in time.
 * (`baton simulate`'s queue, src/core/sla/simulate, models business hours, priorities and
 * log-normal handle times for the wait estimate, and does not report a service level.)
 */
import { EventQueue } from '../../sla/simulate/event-queue.ts';
import { createRng } from '../../sla/simulate/prng.ts';

export interface SimulatedHour {
  readonly arrivalsPerHour: number;
  readonly servers: number;
}

export interface QueueSimulationOptions {
  /** The hours to simulate, in order (repeated `repeat` times). */
  readonly hours: readonly SimulatedHour[];
  readonly repeat: number;
  readonly handleSeconds: number;
  /** Mean patience, seconds; null: nobody gives up. */
  readonly patienceSeconds: number | null;
  readonly withinSeconds: number;
  readonly seed: number;
}

export interface QueueSimulationResult {
  readonly arrivals: number;
  readonly answeredWithin: number;
  readonly abandoned: number;
  /** Answered within the threshold / arrivals (those who gave up count as not answered). */
  readonly serviceLevel: number;
  /** The same per simulated hour position (index into `hours`), over every repetition. */
  readonly byHour: ReadonlyArray<{ readonly arrivals: number; readonly answeredWithin: number }>;
}

interface Customer {
  readonly arrivedAt: number;
  readonly slot: number;
  gone: boolean;
}

type Ev =
  | { readonly type: 'hour'; readonly index: number }
  | { readonly type: 'arrival'; readonly slot: number }
  | { readonly type: 'complete' }
  | { readonly type: 'abandon'; readonly customer: Customer };

export function simulateQueue(o: QueueSimulationOptions): QueueSimulationResult {
  const rng = createRng(o.seed);
  const events = new EventQueue<Ev>();
  const line: Customer[] = [];
  let head = 0;
  let busy = 0;
  let servers = 0;
  let arrivals = 0;
  let answeredWithin = 0;
  let abandoned = 0;
  const byHour = o.hours.map(() => ({ arrivals: 0, answeredWithin: 0 }));
  const total = o.hours.length * o.repeat;

  const serve = (now: number) => {
    while (busy < servers && head < line.length) {
      const c = line[head++]!;
      if (c.gone) continue;
      c.gone = true;
      busy++;
      if (now - c.arrivedAt <= o.withinSeconds) {
        answeredWithin++;
        byHour[c.slot]!.answeredWithin++;
      }
      events.push(now + rng.exponential(o.handleSeconds), { type: 'complete' });
    }
    // Drop the served and gone from the front now and then, so the array stays short.
    if (head > 1024 && head * 2 > line.length) {
      line.splice(0, head);
      head = 0;
    }
  };

  events.push(0, { type: 'hour', index: 0 });
  for (let e = events.pop(); e !== undefined; e = events.pop()) {
    const now = e.at;
    const ev = e.payload;
    switch (ev.type) {
      case 'hour': {
        const slot = ev.index % o.hours.length;
        const hour = o.hours[slot]!;
        servers = hour.servers;
        // Poisson arrivals within this hour; the process is memoryless, so it restarts cleanly.
        if (hour.arrivalsPerHour > 0) {
          for (let t = now + rng.exponential(3600 / hour.arrivalsPerHour); t < now + 3600;) {
            events.push(t, { type: 'arrival', slot });
            t += rng.exponential(3600 / hour.arrivalsPerHour);
          }
        }
        if (ev.index + 1 < total) events.push(now + 3600, { type: 'hour', index: ev.index + 1 });
        serve(now);
        break;
      }
      case 'arrival': {
        arrivals++;
        byHour[ev.slot]!.arrivals++;
        const customer: Customer = { arrivedAt: now, slot: ev.slot, gone: false };
        line.push(customer);
        if (o.patienceSeconds !== null)
          events.push(now + rng.exponential(o.patienceSeconds), { type: 'abandon', customer });
        serve(now);
        break;
      }
      case 'complete':
        busy--;
        serve(now);
        break;
      case 'abandon':
        if (!ev.customer.gone) {
          ev.customer.gone = true;
          abandoned++;
        }
        break;
    }
  }
  return {
    arrivals,
    answeredWithin,
    abandoned,
    serviceLevel: arrivals === 0 ? 1 : answeredWithin / arrivals,
    byHour,
  };
}
