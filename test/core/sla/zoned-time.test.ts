/**
 * Wall-clock times to instants (src/core/sla/zoned-time.ts) across both daylight-saving
 * changes, in zones east and west of UTC and in one whose clocks move by 30 minutes, read as
 * Temporal's `'compatible'` disambiguation reads them: a repeated time is its earlier instant,
 * a skipped one moves forward by the jump.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  firstInstantAtOrAfter,
  localTime,
  zonedTimeToUtc,
} from '../../../src/core/sla/zoned-time.ts';

const wall = (date: string, hhmm: string) => {
  const [year = 0, month = 0, day = 0] = date.split('-').map(Number);
  const [hours = 0, minutes = 0] = hhmm.split(':').map(Number);
  return { year, month, day, minutes: hours * 60 + minutes };
};
const iso = (d: Date) => d.toISOString().replace('.000', '');

/**
 * Each zone's changes in 2026: the skipped time and where it lands (the jump's length
 * later), the repeated time and its two instants (summer time first).
 */
const CHANGES = [
  {
    zone: 'Europe/Berlin',
    // 29 March: 02:00 CET → 03:00 CEST (01:00 UTC).
    skipped: { date: '2026-03-29', time: '02:30', at: '2026-03-29T01:30:00Z', shows: '03:30' },
    jump: '2026-03-29T01:00:00Z',
    // 25 October: 03:00 CEST → 02:00 CET (01:00 UTC).
    repeated: {
      date: '2026-10-25',
      time: '02:30',
      earlier: '2026-10-25T00:30:00Z',
      later: '2026-10-25T01:30:00Z',
    },
  },
  {
    zone: 'America/New_York',
    // 8 March: 02:00 EST → 03:00 EDT (07:00 UTC).
    skipped: { date: '2026-03-08', time: '02:30', at: '2026-03-08T07:30:00Z', shows: '03:30' },
    jump: '2026-03-08T07:00:00Z',
    // 1 November: 02:00 EDT → 01:00 EST (06:00 UTC).
    repeated: {
      date: '2026-11-01',
      time: '01:30',
      earlier: '2026-11-01T05:30:00Z',
      later: '2026-11-01T06:30:00Z',
    },
  },
  {
    zone: 'Australia/Lord_Howe',
    // 4 October: 02:00 +10:30 → 02:30 +11 (15:30 UTC the day before): 30 minutes skipped.
    skipped: { date: '2026-10-04', time: '02:15', at: '2026-10-03T15:45:00Z', shows: '02:45' },
    jump: '2026-10-03T15:30:00Z',
    // 5 April: 02:00 +11 → 01:30 +10:30 (15:00 UTC the day before): 30 minutes repeated.
    repeated: {
      date: '2026-04-05',
      time: '01:45',
      earlier: '2026-04-04T14:45:00Z',
      later: '2026-04-04T15:15:00Z',
    },
  },
] as const;

const hhmm = (d: Date, zone: string) => {
  const t = localTime(d, zone);
  return `${String(t.hour).padStart(2, '0')}:${String(t.minute).padStart(2, '0')}`;
};

describe('zonedTimeToUtc', () => {
  it('round-trips with localTime', () => {
    const at = zonedTimeToUtc({ year: 2026, month: 10, day: 25, minutes: 9 * 60 }, 'Europe/Berlin');
    expect(at.toISOString()).toBe('2026-10-25T08:00:00.000Z');
    expect(localTime(at, 'Europe/Berlin')).toMatchObject({ hour: 9, minute: 0, weekday: 0 });
  });

  for (const { zone, skipped, repeated } of CHANGES) {
    it(`moves a time the spring change skips forward by the jump (${zone})`, () => {
      const at = zonedTimeToUtc(wall(skipped.date, skipped.time), zone);
      expect(iso(at)).toBe(skipped.at);
      expect(hhmm(at, zone)).toBe(skipped.shows);
    });

    it(`reads a time the autumn change repeats as its earlier instant (${zone})`, () => {
      const at = zonedTimeToUtc(wall(repeated.date, repeated.time), zone);
      expect(iso(at)).toBe(repeated.earlier);
      // Both instants show the time; the later one is the jump's length on.
      expect(hhmm(new Date(repeated.later), zone)).toBe(repeated.time);
      expect(hhmm(at, zone)).toBe(repeated.time);
    });
  }

  it('is the earliest instant that shows a wall time, for any instant of 2026', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...CHANGES.map((c) => c.zone), 'Asia/Kolkata', 'UTC'),
        fc.integer({ min: 0, max: 365 * 24 * 60 - 1 }),
        (zone, minute) => {
          const instant = new Date(Date.UTC(2026, 0, 1) + minute * 60_000);
          const t = localTime(instant, zone);
          const back = zonedTimeToUtc(
            { year: t.year, month: t.month, day: t.day, minutes: t.hour * 60 + t.minute },
            zone,
          );
          const shown = localTime(back, zone);
          return (
            back.getTime() <= instant.getTime() &&
            [shown.day, shown.hour, shown.minute].join() === [t.day, t.hour, t.minute].join()
          );
        },
      ),
      // The first 02:30 of Berlin's autumn change, which a later 02:30 follows.
      { numRuns: 500, examples: [['Europe/Berlin', 427_710]] },
    );
  });
});

describe('firstInstantAtOrAfter', () => {
  for (const { zone, skipped, jump, repeated } of CHANGES) {
    it(`is the jump itself for a skipped time, the earlier instant for a repeated one (${zone})`, () => {
      const first = firstInstantAtOrAfter(wall(skipped.date, skipped.time), zone);
      expect(iso(first)).toBe(jump);
      // A second before, the clocks still showed a time before the skipped one.
      expect(hhmm(new Date(first.getTime() - 1000), zone) < skipped.time).toBe(true);
      expect(iso(firstInstantAtOrAfter(wall(repeated.date, repeated.time), zone))).toBe(
        repeated.earlier,
      );
    });
  }
});
