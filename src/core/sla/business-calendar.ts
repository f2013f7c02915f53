/**
 * Business-hours calendars: weekly opening hours in an IANA time zone, plus holidays. Hours are
 * local wall-clock times, so "9:00–17:00 Europe/Berlin" stays right across daylight saving.
 */

/** Local opening interval, "HH:MM" to "HH:MM" (close may be "24:00"); no overnight spans. */
export interface OpeningInterval {
  readonly open: string;
  readonly close: string;
}

/** 0 = Sunday … 6 = Saturday, as in `Date.prototype.getDay`. */
export type Weekday = 0 | 1 | 2 | 3 | 4 | 5 | 6;

export interface BusinessCalendar {
  readonly id: string;
  /** IANA zone, e.g. "Europe/Berlin". */
  readonly timeZone: string;
  readonly weekly: Readonly<Partial<Record<Weekday, readonly OpeningInterval[]>>>;
  /** Local dates ("YYYY-MM-DD") on which the team is closed all day. */
  readonly holidays?: readonly string[];
}

const WEEKDAYS: readonly Weekday[] = [1, 2, 3, 4, 5];
const ALL_DAYS: readonly Weekday[] = [0, 1, 2, 3, 4, 5, 6];

function every(days: readonly Weekday[], interval: OpeningInterval) {
  return Object.fromEntries(days.map((d) => [d, [interval]])) as BusinessCalendar['weekly'];
}

/** Monday to Friday, 9:00–18:00 in the given zone. */
export function officeHours(
  id: string,
  timeZone: string,
  holidays: string[] = [],
): BusinessCalendar {
  return { id, timeZone, weekly: every(WEEKDAYS, { open: '09:00', close: '18:00' }), holidays };
}

/** Open around the clock (trust & safety). */
export function alwaysOpen(id = 'always'): BusinessCalendar {
  return { id, timeZone: 'UTC', weekly: every(ALL_DAYS, { open: '00:00', close: '24:00' }) };
}

/** The calendars the default queues name: `business` (Europe/Berlin office hours), `always`. */
export const DEFAULT_CALENDARS: readonly BusinessCalendar[] = Object.freeze([
  officeHours('business', 'Europe/Berlin'),
  alwaysOpen('always'),
]);

/** "HH:MM" → minutes after local midnight; NaN when malformed. */
export function minutesOf(hhmm: string): number {
  const m = /^(\d{1,2}):(\d{2})$/.exec(hhmm);
  if (m === null) return Number.NaN;
  const h = Number(m[1]);
  const min = Number(m[2]);
  if (h > 24 || min > 59 || (h === 24 && min > 0)) return Number.NaN;
  return h * 60 + min;
}
