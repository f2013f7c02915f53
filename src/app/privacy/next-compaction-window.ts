/**
 * When the compaction window next opens: `privacy.compactAt` (`HH:MM`) on the wall clock of
 * `privacy.compactTimeZone` (an IANA zone, UTC by default), so "03:30 Europe/Berlin" stays
 * 03:30 in Berlin across daylight saving. The zone arithmetic is the business hours' own
 * (core/sla/zoned-time.ts): a time the spring change skips (02:30 on that day in most of
 * Europe and America) moves forward by the jump (03:30), and a time the autumn change shows
 * twice opens at its first.
 */
import { localTime, zonedTimeToUtc } from '../../core/sla/zoned-time.ts';

/** The first `compactAt` in `timeZone` strictly after `now`. */
export function nextCompactionWindow(now: Date, compactAt: string, timeZone = 'UTC'): Date {
  const [hours = 0, minutes = 0] = compactAt.split(':').map(Number);
  const today = localTime(now, timeZone);
  for (let days = 0; days <= 2; days += 1) {
    // Date.UTC rolls the day over the month's end; only the calendar date is read from it.
    const day = new Date(Date.UTC(today.year, today.month - 1, today.day + days));
    const at = zonedTimeToUtc(
      {
        year: day.getUTCFullYear(),
        month: day.getUTCMonth() + 1,
        day: day.getUTCDate(),
        minutes: hours * 60 + minutes,
      },
      timeZone,
    );
    if (at.getTime() > now.getTime()) return at;
  }
  // Unreachable: the local date two days on is always later than now.
  throw new Error(`no compaction window after ${now.toISOString()}`);
}
