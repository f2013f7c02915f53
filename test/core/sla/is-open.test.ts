import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  alwaysOpen,
  officeHours,
  type BusinessCalendar,
} from '../../../src/core/sla/business-calendar.ts';
import { isOpen, nextOpening } from '../../../src/core/sla/is-open.ts';

const berlin = officeHours('business', 'Europe/Berlin', ['2026-12-25']);

describe('isOpen', () => {
  it('follows local wall-clock hours in the zone', () => {
    // Monday 2 March 2026: Berlin is UTC+1.
    expect(isOpen(berlin, new Date('2026-03-02T07:59:00Z'))).toBe(false);
    expect(isOpen(berlin, new Date('2026-03-02T08:00:00Z'))).toBe(true);
    expect(isOpen(berlin, new Date('2026-03-02T16:59:59Z'))).toBe(true);
    expect(isOpen(berlin, new Date('2026-03-02T17:00:00Z'))).toBe(false);
    // Saturday.
    expect(isOpen(berlin, new Date('2026-03-07T10:00:00Z'))).toBe(false);
  });

  it('keeps 9:00 local across daylight saving (UTC+2 in summer)', () => {
    expect(isOpen(berlin, new Date('2026-07-06T07:00:00Z'))).toBe(true);
    expect(isOpen(berlin, new Date('2026-07-06T06:59:00Z'))).toBe(false);
  });

  it('is closed on holidays', () => {
    expect(isOpen(berlin, new Date('2026-12-25T10:00:00Z'))).toBe(false);
  });

  it('is always open around the clock', () => {
    expect(isOpen(alwaysOpen(), new Date('2026-03-08T23:59:59Z'))).toBe(true);
  });
});

describe('nextOpening', () => {
  it('is now when open', () => {
    const now = new Date('2026-03-02T10:00:00Z');
    expect(nextOpening(berlin, now)).toEqual(now);
  });

  it('is the next morning at 9:00 local, skipping weekends and holidays', () => {
    expect(nextOpening(berlin, new Date('2026-03-02T19:00:00Z'))).toEqual(
      new Date('2026-03-03T08:00:00Z'),
    );
    expect(nextOpening(berlin, new Date('2026-03-06T18:00:00Z'))).toEqual(
      new Date('2026-03-09T08:00:00Z'),
    );
    expect(nextOpening(berlin, new Date('2026-12-24T18:00:00Z'))).toEqual(
      new Date('2026-12-28T08:00:00Z'),
    );
  });

  it('crosses the spring-forward night correctly', () => {
    // Berlin moves to UTC+2 on Sunday 29 March 2026; Monday opens at 07:00 UTC.
    expect(nextOpening(berlin, new Date('2026-03-27T18:00:00Z'))).toEqual(
      new Date('2026-03-30T07:00:00Z'),
    );
  });

  it('opens when the clocks jump past an opening time the spring change skips', () => {
    // Sundays from 02:30 in New York; on 8 March 2026 the clocks go from 02:00 to 03:00
    // (07:00 UTC): the team is open from 03:00, not that day skipped nor at 03:30.
    const night: BusinessCalendar = {
      id: 'night',
      timeZone: 'America/New_York',
      weekly: { 0: [{ open: '02:30', close: '10:00' }] },
    };
    const opens = nextOpening(night, new Date('2026-03-07T23:00:00Z'));
    expect(opens).toEqual(new Date('2026-03-08T07:00:00Z'));
    expect(isOpen(night, new Date('2026-03-08T06:59:59Z'))).toBe(false);
  });

  it('opens at the first of the two 02:30s of the autumn change (Europe/Berlin)', () => {
    // 25 October 2026: 03:00 CEST becomes 02:00 CET; 02:30 is 00:30 UTC, then 01:30 UTC.
    const night: BusinessCalendar = {
      id: 'night',
      timeZone: 'Europe/Berlin',
      weekly: { 0: [{ open: '02:30', close: '10:00' }] },
    };
    expect(nextOpening(night, new Date('2026-10-24T20:00:00Z'))).toEqual(
      new Date('2026-10-25T00:30:00Z'),
    );
  });

  it('is null for a calendar that never opens', () => {
    const never: BusinessCalendar = { id: 'never', timeZone: 'UTC', weekly: {} };
    expect(nextOpening(never, new Date('2026-03-02T10:00:00Z'))).toBeNull();
  });

  it('always returns an open instant no earlier than now', () => {
    const zones = ['Europe/Berlin', 'America/New_York', 'Asia/Kolkata', 'Australia/Sydney'];
    fc.assert(
      fc.property(
        fc.constantFrom(...zones),
        fc.integer({ min: 0, max: 400 * 24 * 60 }),
        (zone, minutes) => {
          const cal = officeHours('x', zone);
          const now = new Date(Date.UTC(2026, 0, 1) + minutes * 60_000);
          const next = nextOpening(cal, now);
          return next !== null && next.getTime() >= now.getTime() && isOpen(cal, next);
        },
      ),
      { numRuns: 200 },
    );
  });
});
