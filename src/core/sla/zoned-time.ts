/**
 * Wall-clock conversions for IANA zones with `Intl.DateTimeFormat` (pure JS, no date library).
 * Formatters are cached per zone because building one costs far more than using it.
 */

export interface LocalTime {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
  /** 0 = Sunday. */
  readonly weekday: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (f === undefined) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** The wall-clock time in `timeZone` at the instant `at`. */
export function localTime(at: Date, timeZone: string): LocalTime {
  const parts: Record<string, number> = {};
  for (const p of formatter(timeZone).formatToParts(at)) {
    if (p.type !== 'literal') parts[p.type] = Number(p.value);
  }
  const year = parts.year ?? 1970;
  const month = parts.month ?? 1;
  const day = parts.day ?? 1;
  const weekday = new Date(Date.UTC(year, month - 1, day)).getUTCDay();
  return {
    year,
    month,
    day,
    hour: parts.hour ?? 0,
    minute: parts.minute ?? 0,
    second: parts.second ?? 0,
    weekday,
  };
}

/** "YYYY-MM-DD" of a local time. */
export function localDate(t: Pick<LocalTime, 'year' | 'month' | 'day'>): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${t.year}-${pad(t.month)}-${pad(t.day)}`;
}

/** Zone offset (ms, local minus UTC) at the instant `at`. */
function offsetAt(at: Date, timeZone: string): number {
  const t = localTime(at, timeZone);
  const asUtc = Date.UTC(t.year, t.month - 1, t.day, t.hour, t.minute, t.second);
  return asUtc - Math.floor(at.getTime() / 1000) * 1000;
}

const DAY_MS = 86_400_000;

/** Milliseconds since the epoch had the wall-clock time been UTC (the offset not yet applied). */
function wallClockMs(local: { year: number; month: number; day: number; minutes: number }): number {
  return Date.UTC(local.year, local.month - 1, local.day, 0, local.minutes);
}

/**
 * The instant at which the wall clock in `timeZone` shows the given local time, as Temporal's
 * `'compatible'` disambiguation reads it: a time the clocks show twice (the autumn change)
 * is its earlier instant; a time they skip (the spring change) is moved forward by the
 * length of the jump, so 02:30 on a day the clocks go from 02:00 to 03:00 is 03:30.
 */
export function zonedTimeToUtc(
  local: { year: number; month: number; day: number; minutes: number },
  timeZone: string,
): Date {
  const wall = wallClockMs(local);
  // The offsets a day either side: no zone changes its clocks twice within two days.
  const before = offsetAt(new Date(wall - DAY_MS), timeZone);
  const after = offsetAt(new Date(wall + DAY_MS), timeZone);
  // Each offset gives a candidate; it is real when the zone has that offset at that instant.
  const real = [wall - before, wall - after].filter(
    (at, i) => offsetAt(new Date(at), timeZone) === (i === 0 ? before : after),
  );
  if (real.length > 0) return new Date(Math.min(...real));
  // Skipped: read with the offset before the jump, the wall time lands past it by as much.
  return new Date(wall - before);
}

/**
 * The first instant at which the wall clock in `timeZone` shows the given local time or a
 * later one that day: the time itself, or for a time the spring change skips, the instant
 * the clocks jump over it (a team that opens at 02:30 is open once the clocks show 03:00).
 */
export function firstInstantAtOrAfter(
  local: { year: number; month: number; day: number; minutes: number },
  timeZone: string,
): Date {
  const resolved = zonedTimeToUtc(local, timeZone).getTime();
  const t = localTime(new Date(resolved), timeZone);
  const shown = Date.UTC(t.year, t.month - 1, t.day, t.hour, t.minute, t.second);
  const skipped = shown - wallClockMs(local);
  if (skipped <= 0) return new Date(resolved);
  // The jump happened within `skipped` before `resolved`: find its second by halving, the
  // offset being the old one before it and the new one from it on.
  const offsetAfter = offsetAt(new Date(resolved), timeZone);
  let low = resolved - skipped; // still before the jump
  let high = resolved; // after it
  while (high - low > 1000) {
    const mid = low + Math.max(1000, Math.floor((high - low) / 2000) * 1000);
    if (offsetAt(new Date(mid), timeZone) === offsetAfter) high = mid;
    else low = mid;
  }
  return new Date(high);
}

/** Whether `timeZone` is an IANA zone this runtime knows (config is checked with it at load). */
export function isKnownTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
    return true;
  } catch {
    return false;
  }
}
