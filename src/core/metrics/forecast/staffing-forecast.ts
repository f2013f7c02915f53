/**
 * The staffing forecast: for each hour of the week, the agents needed to answer the target share
 * of handed-over customers within the target time, by Erlang A over the measured demand.
 * An agent holds up to `concurrency` conversations at once, so each agent is that many
 * servers; handle times are measured as people held conversations, side by side. Each hour is
 * staffed for its modified offered load (offered-load.ts): the work it receives plus what the
 * hour before left in progress.
 */
import { serversNeeded, type ServiceTarget } from './servers-needed.ts';
import { erlangA } from './erlang-a.ts';
import { modifiedOfferedLoad } from './offered-load.ts';
import type { WeeklyDemand } from './weekly-demand.ts';

export interface ForecastOptions {
  readonly target: ServiceTarget;
  /** Conversations one agent holds at once (servers per agent), at least 1. */
  readonly concurrency: number;
}

export const DEFAULT_TARGET: ServiceTarget = Object.freeze({ share: 0.8, withinSeconds: 60 });

export interface ForecastHour {
  readonly hourOfWeek: number;
  /** 0 = Monday … 6 = Sunday. */
  readonly day: number;
  /** UTC hour of the day, 0–23. */
  readonly hour: number;
  readonly arrivalsPerHour: number | null;
  readonly handleSeconds: number | null;
  /** Null where there is no data to forecast from (the hour never observed, or no handle time). */
  readonly agentsNeeded: number | null;
  /** Agents seen at work in this hour on average (from the event log); null if never observed. */
  readonly agentsAtWork: number | null;
  /** Conversations in progress on average (erlangs), the previous hour's carry-over included. */
  readonly offeredLoad: number | null;
  /** Erlang A's predicted service level with `agentsNeeded` agents. */
  readonly serviceLevel: number | null;
  readonly abandonRate: number | null;
}

export interface StaffingForecast {
  readonly target: ServiceTarget;
  readonly concurrency: number;
  /** `erlang-a` when patience was measured, `erlang-c` (nobody leaves) when nobody gave up. */
  readonly model: 'erlang-a' | 'erlang-c';
  readonly patienceSeconds: number | null;
  readonly handleSeconds: number | null;
  readonly hours: readonly ForecastHour[];
}

export function staffingForecast(demand: WeeklyDemand, options: ForecastOptions): StaffingForecast {
  const concurrency = Math.max(1, Math.floor(options.concurrency));
  const fallbackHandle = demand.handleSeconds ?? 1;
  const loads = modifiedOfferedLoad(
    demand.hours.map((h) => ({
      arrivalsPerHour: h.arrivalsPerHour ?? 0,
      handleSeconds: h.handleSeconds ?? fallbackHandle,
    })),
  );
  return {
    target: options.target,
    concurrency,
    model: demand.patienceSeconds === null ? 'erlang-c' : 'erlang-a',
    patienceSeconds: demand.patienceSeconds,
    handleSeconds: demand.handleSeconds,
    hours: demand.hours.map((h) => {
      const base = {
        hourOfWeek: h.hourOfWeek,
        day: Math.floor(h.hourOfWeek / 24),
        hour: h.hourOfWeek % 24,
        arrivalsPerHour: h.arrivalsPerHour,
        handleSeconds: h.handleSeconds,
        agentsAtWork: h.agentsAtWork,
      };
      if (h.arrivalsPerHour === null || (h.arrivalsPerHour > 0 && h.handleSeconds === null))
        return {
          ...base,
          offeredLoad: null,
          agentsNeeded: null,
          serviceLevel: null,
          abandonRate: null,
        };
      // Nobody arrives: nobody to answer (whoever still holds a conversation finishes it).
      if (h.arrivalsPerHour === 0)
        return {
          ...base,
          offeredLoad: loads[h.hourOfWeek]!,
          agentsNeeded: 0,
          serviceLevel: null,
          abandonRate: null,
        };
      const handleSeconds = h.handleSeconds ?? fallbackHandle;
      const offeredLoad = loads[h.hourOfWeek]!;
      // Erlang A at the arrival rate that would carry this load by itself.
      const queue = {
        arrivalRate: offeredLoad / handleSeconds,
        handleSeconds,
        patienceSeconds: demand.patienceSeconds,
      };
      const { servers } = serversNeeded(queue, options.target);
      const agents = Math.ceil(servers / concurrency);
      // Whole agents bring all their places, so the level reached is at agents × concurrency.
      const reached = erlangA({
        ...queue,
        servers: agents * concurrency,
        withinSeconds: options.target.withinSeconds,
      });
      return {
        ...base,
        offeredLoad,
        agentsNeeded: agents,
        serviceLevel: reached.serviceLevel,
        abandonRate: reached.abandonProbability,
      };
    }),
  };
}
