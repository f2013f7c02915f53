// Number formatting for the dashboard: the same figure the API returns, rounded for people.

export const NO_DATA = '—';

export function percent(value: number | null): string {
  return value === null ? NO_DATA : `${(value * 100).toFixed(1)} %`;
}

/** 45 s, 3 min 20 s, 1 h 5 min. */
export function duration(seconds: number | null): string {
  if (seconds === null) return NO_DATA;
  const s = Math.round(seconds);
  if (s < 60) return `${s} s`;
  if (s < 3600) return `${Math.floor(s / 60)} min${s % 60 ? ` ${s % 60} s` : ''}`;
  const m = Math.round(s / 60);
  return `${Math.floor(m / 60)} h${m % 60 ? ` ${m % 60} min` : ''}`;
}

export function decimal(value: number | null, digits = 2): string {
  return value === null ? NO_DATA : value.toFixed(digits);
}

export function band(wait: { lowMinutes: number; highMinutes: number } | null): string {
  if (wait === null) return 'nobody online';
  if (wait.highMinutes <= 1) return 'under a minute';
  return `${wait.lowMinutes}–${wait.highMinutes} min`;
}

/** yyyy-mm-dd of a date in UTC, for date inputs. */
export function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}
