/**
 * Which business-hours calendar a queue follows: the configured team hours (or around the
 * clock when none are configured), except queues whose default is `always` (trust & safety:
 * security incidents do not wait for office hours).
 */
import { defaultQueueMap } from '../../core/routing/default-queues.ts';
import {
  alwaysOpen,
  type BusinessCalendar,
  type Weekday,
} from '../../core/sla/business-calendar.ts';
import type { ResolvedConfig } from '../config/load-config.ts';

const DAY_INDEX: Readonly<Record<string, Weekday>> = {
  sun: 0,
  mon: 1,
  tue: 2,
  wed: 3,
  thu: 4,
  fri: 5,
  sat: 6,
};

export type CalendarFor = (queue: string) => BusinessCalendar;

export function teamCalendars(config: ResolvedConfig): CalendarFor {
  const hours = config.routing.businessHours;
  const team: BusinessCalendar = hours
    ? {
        id: 'team',
        timeZone: hours.timeZone,
        weekly: Object.fromEntries(
          Object.entries(hours.days).map(([day, intervals]) => [DAY_INDEX[day], intervals]),
        ),
        holidays: hours.holidays,
      }
    : alwaysOpen('team');
  const always = alwaysOpen();
  const queues = defaultQueueMap();
  return (queue) => (queues.get(queue)?.calendarId === 'always' ? always : team);
}
