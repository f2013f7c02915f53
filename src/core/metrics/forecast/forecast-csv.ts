/** The staffing forecast as CSV, one row per hour of the week (the same quoting as the other exports). */
import { csvCell } from '../csv-export.ts';
import type { StaffingForecast } from './staffing-forecast.ts';

export const FORECAST_COLUMNS = [
  'hour_of_week',
  'day',
  'hour_utc',
  'arrivals_per_hour',
  'handle_seconds',
  'offered_load',
  'agents_needed',
  'agents_at_work',
  'predicted_service_level',
  'predicted_abandon_rate',
] as const;

export const DAY_NAMES = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'] as const;

export function forecastCsv(forecast: StaffingForecast): string {
  const rows = forecast.hours.map((h) => [
    h.hourOfWeek,
    DAY_NAMES[h.day],
    h.hour,
    h.arrivalsPerHour,
    h.handleSeconds,
    h.offeredLoad,
    h.agentsNeeded,
    h.agentsAtWork,
    h.serviceLevel,
    h.abandonRate,
  ]);
  return [FORECAST_COLUMNS, ...rows].map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';
}
