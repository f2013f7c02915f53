/**
 * The forecast end to end: a seeded four-week history from a known weekly pattern goes through
 * weeklyDemand and staffingForecast; then a seeded simulation of the same queue, staffed hour by
 * hour as forecast, must meet the target within 5 points.
 */
import { describe, expect, it } from 'vitest';
import type { ConversationLog, LoggedEvent } from '../../../../src/core/metrics/index.ts';
import {
  DEFAULT_TARGET,
  forecastCsv,
  simulateQueue,
  staffingForecast,
  weeklyDemand,
  type StaffingForecast,
  type WeeklyDemand,
} from '../../../../src/core/metrics/forecast/index.ts';
import { createRng } from '../../../../src/core/sla/simulate/prng.ts';

const HANDLE = 600;
const PATIENCE = 400;
const CONCURRENCY = 2;
/** Handoffs an hour: weekdays 08–20 UTC with a late-morning peak, quieter weekends, no nights. */
const pattern = Array.from({ length: 168 }, (_, h) => {
  const day = Math.floor(h / 24);
  const hour = h % 24;
  if (hour < 8 || hour >= 20) return 0;
  const peak = hour >= 10 && hour < 13 ? 30 : 14;
  return day >= 5 ? peak / 3 : peak;
});

const START = Date.parse('2026-11-02T00:00:00Z'); // a Monday
const WEEKS = 4;
const at = (ms: number) => new Date(ms).toISOString();

/** Each customer has a patience and a wait they would have had; the shorter one happens. */
function history(seed: number): ConversationLog[] {
  const rng = createRng(seed);
  const logs: ConversationLog[] = [];
  for (let h = 0; h < WEEKS * 168; h++) {
    const rate = pattern[h % 168]!;
    if (rate === 0) continue;
    for (let t = rng.exponential(3600 / rate); t < 3600; t += rng.exponential(3600 / rate)) {
      const handedOver = START + h * 3_600_000 + t * 1000;
      const patience = rng.exponential(PATIENCE) * 1000;
      const wait = rng.exponential(45) * 1000;
      const events: LoggedEvent[] = [
        {
          type: 'conversation.handed_over',
          at: at(handedOver),
          actor: { type: 'system' },
          data: {},
        },
      ];
      if (patience < wait) {
        events.push({
          type: 'conversation.abandoned',
          at: at(handedOver + patience),
          actor: { type: 'system' },
          data: {},
        });
      } else {
        const agent = { type: 'agent', id: `agent-${logs.length % 7}` };
        const taken = handedOver + wait;
        events.push(
          { type: 'conversation.assigned', at: at(taken), actor: agent, data: {} },
          {
            type: 'conversation.resolved',
            at: at(taken + rng.exponential(HANDLE) * 1000),
            actor: agent,
            data: {},
          },
        );
      }
      logs.push({ id: `c${logs.length}`, channel: 'web', language: 'en', events });
    }
  }
  return logs;
}

describe('staffingForecast', () => {
  const range = { from: new Date(START), to: new Date(START + WEEKS * 7 * 86_400_000) };
  const demand = weeklyDemand(history(3), range);
  const forecast = staffingForecast(demand, { target: DEFAULT_TARGET, concurrency: CONCURRENCY });

  it('measures the demand the history was made from', () => {
    expect(demand.patienceSeconds).toBeGreaterThan(PATIENCE * 0.85);
    expect(demand.patienceSeconds).toBeLessThan(PATIENCE * 1.15);
    expect(demand.handleSeconds).toBeGreaterThan(HANDLE * 0.95);
    expect(demand.handleSeconds).toBeLessThan(HANDLE * 1.05);
    const peak = demand.hours[10]!.arrivalsPerHour!;
    expect(peak).toBeGreaterThan(30 * 0.7);
    expect(peak).toBeLessThan(30 * 1.3);
    expect(forecast.model).toBe('erlang-a');
  });

  it('staffs nights at zero, the peak most, and a quiet weekend less than a weekday', () => {
    expect(forecast.hours[3]!.agentsNeeded).toBe(0);
    const monday = (hour: number) => forecast.hours[hour]!.agentsNeeded!;
    expect(monday(11)).toBeGreaterThan(monday(9));
    expect(forecast.hours[5 * 24 + 11]!.agentsNeeded!).toBeLessThan(monday(11));
    for (const h of forecast.hours)
      if (h.agentsNeeded! > 0) expect(h.serviceLevel!).toBeGreaterThanOrEqual(0.8);
  });

  const simulateStaffed = (staffed: StaffingForecast, weeks: number) =>
    simulateQueue({
      hours: staffed.hours.map((h, i) => ({
        arrivalsPerHour: pattern[i]!,
        servers: h.agentsNeeded! * CONCURRENCY,
      })),
      repeat: weeks,
      handleSeconds: HANDLE,
      patienceSeconds: PATIENCE,
      withinSeconds: DEFAULT_TARGET.withinSeconds,
      seed: 5,
    });

  it('meets the target over the week in a simulation staffed as forecast from the history', () => {
    const sim = simulateStaffed(forecast, 12);
    expect(sim.arrivals).toBeGreaterThan(12_000);
    expect(sim.serviceLevel).toBeGreaterThanOrEqual(DEFAULT_TARGET.share - 0.05);
    // The model's own prediction, weighted by arrivals, is what the simulation saw.
    let predicted = 0;
    for (const [i, h] of forecast.hours.entries()) predicted += pattern[i]! * h.serviceLevel!;
    predicted /= pattern.reduce((s, r) => s + r, 0);
    console.info(
      `forecast check: simulated ${sim.serviceLevel.toFixed(3)}, predicted ${predicted.toFixed(3)}, ${sim.arrivals} arrivals`,
    );
    expect(Math.abs(sim.serviceLevel - predicted)).toBeLessThan(0.05);
  });

  it('meets the target within 5 points in every busy hour when the demand is measured exactly', () => {
    // Four weeks of history leave an hour's handle time ±10 % off by chance (one agent short at
    // a peak); with the demand known exactly, what remains is the model and hour-to-hour change
    // (the hour after the peak holds the peak's conversations: the modified offered load).
    // A hundred simulated weeks, so that one hour's figure is not itself a coin toss.
    const exact: WeeklyDemand = {
      ...demand,
      handleSeconds: HANDLE,
      patienceSeconds: PATIENCE,
      hours: demand.hours.map((h, i) => ({
        ...h,
        arrivalsPerHour: pattern[i]!,
        handleSeconds: HANDLE,
      })),
    };
    const sim = simulateStaffed(
      staffingForecast(exact, { target: DEFAULT_TARGET, concurrency: CONCURRENCY }),
      100,
    );
    let busyHours = 0;
    for (const hour of sim.byHour) {
      if (hour.arrivals < 80) continue;
      busyHours++;
      expect(hour.answeredWithin / hour.arrivals).toBeGreaterThanOrEqual(
        DEFAULT_TARGET.share - 0.05,
      );
    }
    expect(busyHours).toBeGreaterThan(60);
  });

  it('understaffed by one agent at the peak, the simulation misses the target there', () => {
    const peak = forecast.hours[11]!;
    const sim = simulateQueue({
      hours: [{ arrivalsPerHour: pattern[11]!, servers: (peak.agentsNeeded! - 1) * CONCURRENCY }],
      repeat: 400,
      handleSeconds: HANDLE,
      patienceSeconds: PATIENCE,
      withinSeconds: DEFAULT_TARGET.withinSeconds,
      seed: 9,
    });
    expect(sim.serviceLevel).toBeLessThan(DEFAULT_TARGET.share);
  });

  it('exports one CSV row per hour of the week, empty cells where there is no data', () => {
    const csv = forecastCsv(forecast).split('\r\n');
    expect(csv[0]).toBe(
      'hour_of_week,day,hour_utc,arrivals_per_hour,handle_seconds,offered_load,agents_needed,agents_at_work,predicted_service_level,predicted_abandon_rate',
    );
    expect(csv).toHaveLength(168 + 2);
    expect(csv[1]!.startsWith('0,Mon,0,0,')).toBe(true);
    const empty = staffingForecast(
      weeklyDemand([], { from: new Date(START), to: new Date(START) }),
      {
        target: DEFAULT_TARGET,
        concurrency: 1,
      },
    );
    expect(forecastCsv(empty).split('\r\n')[1]).toBe('0,Mon,0,,,,,,,');
  });
});
