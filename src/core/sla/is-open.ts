/** Whether a queue's team is open at an instant, and when it opens next. */
import { minutesOf, type BusinessCalendar, type Weekday } from './business-calendar.ts';
import { firstInstantAtOrAfter, localDate, localTime } from './zoned-time.ts';

/** True when `now` falls inside an opening interval of a day that is not a holiday. */
export function isOpen(calendar: BusinessCalendar, now: Date): boolean {
  const t = localTime(now, calendar.timeZone);
  if (calendar.holidays?.includes(localDate(t)) === true) return false;
  const minute = t.hour * 60 + t.minute + t.second / 60;
  const intervals = calendar.weekly[t.weekday as Weekday] ?? [];
  return intervals.some((i) => minute >= minutesOf(i.open) && minute < minutesOf(i.close));
}

/** Days searched ahead; a calendar closed for longer than this is treated as never open. */
const HORIZON_DAYS = 400;

/**
 * `now` when open, else the next instant the calendar opens, or null when it never opens
 * within a year (an empty calendar): callers must then not promise a time.
 */
export function nextOpening(calendar: BusinessCalendar, now: Date): Date | null {
  if (isOpen(calendar, now)) return now;
  const today = localTime(now, calendar.timeZone);
  for (let d = 0; d <= HORIZON_DAYS; d++) {
    // Walk local calendar dates; Date.UTC normalises day overflow into the next month.
    const date = new Date(Date.UTC(today.year, today.month - 1, today.day + d));
    const ymd = {
      year: date.getUTCFullYear(),
      month: date.getUTCMonth() + 1,
      day: date.getUTCDate(),
    };
    if (calendar.holidays?.includes(localDate(ymd)) === true) continue;
    const intervals = [...(calendar.weekly[date.getUTCDay() as Weekday] ?? [])].sort(
      (a, b) => minutesOf(a.open) - minutesOf(b.open),
    );
    for (const i of intervals) {
      // An opening time the spring change skips opens when the clocks jump past it.
      const open = firstInstantAtOrAfter({ ...ymd, minutes: minutesOf(i.open) }, calendar.timeZone);
      if (open.getTime() > now.getTime() && isOpen(calendar, open)) return open;
    }
  }
  return null;
}
