/**
 * Which business-hours calendar a queue follows: its `calendarId` among `business` (the
 * configured `routing.businessHours`, or around the clock when none are configured),
 * `always` (trust & safety: security incidents do not wait for office hours) and the
 * operator's `routing.calendars`. The config loader has checked that every id exists.
 */
import type { QueueCatalog } from './queue-catalog.ts';
import {
  alwaysOpen,
  type BusinessCalendar,
  type Weekday,
} from '../../core/sla/business-calendar.ts';
import type { ResolvedConfig } from '../../config/load-config.ts';

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

type CalendarConfig = NonNullable<ResolvedConfig['routing']['businessHours']>;

function calendar(id: string, hours: CalendarConfig): BusinessCalendar {
  return {
    id,
    timeZone: hours.timeZone,
    weekly: Object.fromEntries(
      Object.entries(hours.days).map(([day, intervals]) => [DAY_INDEX[day], intervals]),
    ),
    holidays: hours.holidays ?? [],
  };
}

export function teamCalendars(config: ResolvedConfig, queues: QueueCatalog): CalendarFor {
  const hours = config.routing.businessHours;
  const business = hours ? calendar('team', hours) : alwaysOpen('team');
  const calendars = new Map<string, BusinessCalendar>([
    ['business', business],
    ['always', alwaysOpen()],
  ]);
  for (const [id, custom] of Object.entries(config.routing.calendars ?? {}))
    calendars.set(id, calendar(id, custom));
  return (queue) => calendars.get(queues.get(queue)?.calendarId ?? 'business') ?? business;
}
