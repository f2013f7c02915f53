/** What `runSimulation` simulates: one queue's day, its traffic, staff and customers' patience. */
import { officeHours, type BusinessCalendar } from '../business-calendar.ts';

export interface SimulationOptions {
  readonly hours: number;
  readonly seed: number;
  /** Instant the simulation starts (default: a Monday, 00:00 in Berlin). */
  readonly start: Date;
  readonly calendar: BusinessCalendar;
  /** Arrivals per hour by local hour 0..23 (arrivals while closed are captured for the opening). */
  readonly arrivalsPerHour: readonly number[];
  /** Agents online by local hour 0..23 while open. */
  readonly staffing: readonly number[];
  /** Conversations each agent handles at once. */
  readonly concurrency: number;
  readonly handleMinutes: { readonly mean: number; readonly cv: number };
  /** Mean minutes a customer waits before giving up. */
  readonly patienceMinutes: number;
  /** Share of conversations with a high priority (they go ahead of the queue). */
  readonly highPriorityShare: number;
  /** How many recent waits the naive predictor averages. */
  readonly naiveWindow: number;
  /** How many recent handle times the estimator averages. */
  readonly handleWindow: number;
}

const hourly = (open: number[], closed = 0): number[] =>
  Array.from({ length: 24 }, (_, h) => (h >= 9 && h < 18 ? (open[h - 9] ?? closed) : closed));

export const DEFAULT_SIMULATION: SimulationOptions = Object.freeze({
  hours: 24,
  seed: 1,
  start: new Date('2026-03-02T00:00:00+01:00'),
  calendar: officeHours('business', 'Europe/Berlin'),
  // A morning peak above what the team can take, a lull at lunch, a second peak.
  arrivalsPerHour: hourly([70, 95, 100, 80, 60, 85, 95, 75, 50], 8),
  staffing: hourly([5, 6, 7, 6, 5, 6, 6, 5, 4]),
  concurrency: 2,
  handleMinutes: { mean: 8, cv: 0.7 },
  patienceMinutes: 20,
  highPriorityShare: 0.15,
  naiveWindow: 20,
  handleWindow: 50,
});
