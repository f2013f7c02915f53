/**
 * The compaction window's next opening (src/app/privacy/next-compaction-window.ts): `HH:MM` on
 * the wall clock of `privacy.compactTimeZone`, so it stays 03:30 in Berlin as the clocks change.
 */
import { describe, expect, it } from 'vitest';
import { nextCompactionWindow } from '../../../src/app/privacy/next-compaction-window.ts';
import { localTime } from '../../../src/core/sla/zoned-time.ts';

const HOUR_MS = 3_600_000;
const at = (iso: string) => new Date(iso);

describe('nextCompactionWindow', () => {
  it('is UTC when no zone is given, today or tomorrow', () => {
    expect(nextCompactionWindow(at('2026-12-07T01:00:00Z'), '03:30')).toEqual(
      at('2026-12-07T03:30:00Z'),
    );
    expect(nextCompactionWindow(at('2026-12-07T03:30:00Z'), '03:30')).toEqual(
      at('2026-12-08T03:30:00Z'),
    );
  });

  it('keeps 03:30 Europe/Berlin across the spring change (CET to CEST)', () => {
    const zone = 'Europe/Berlin';
    // 2027-03-28: the clocks go from 02:00 to 03:00 local (01:00 UTC).
    expect(nextCompactionWindow(at('2027-03-26T12:00:00Z'), '03:30', zone)).toEqual(
      at('2027-03-27T02:30:00Z'),
    );
    expect(nextCompactionWindow(at('2027-03-27T12:00:00Z'), '03:30', zone)).toEqual(
      at('2027-03-28T01:30:00Z'),
    );
    expect(nextCompactionWindow(at('2027-03-28T01:30:00Z'), '03:30', zone)).toEqual(
      at('2027-03-29T01:30:00Z'),
    );
  });

  it('keeps 03:30 Europe/Berlin across the autumn change, a 25-hour day', () => {
    const zone = 'Europe/Berlin';
    // 2026-10-25: the clocks go back from 03:00 to 02:00 local (01:00 UTC).
    const before = nextCompactionWindow(at('2026-10-23T12:00:00Z'), '03:30', zone);
    const across = nextCompactionWindow(before, '03:30', zone);
    expect(before).toEqual(at('2026-10-24T01:30:00Z'));
    expect(across).toEqual(at('2026-10-25T02:30:00Z'));
    expect(across.getTime() - before.getTime()).toBe(25 * HOUR_MS);
  });

  it('opens at the local time every day of a month with a change in it', () => {
    const zone = 'America/New_York';
    let window = at('2027-03-01T00:00:00Z');
    for (let day = 0; day < 31; day += 1) {
      window = nextCompactionWindow(window, '04:15', zone);
      const local = localTime(window, zone);
      expect([local.hour, local.minute, local.second]).toEqual([4, 15, 0]);
    }
  });

  it("takes the zone's date, not UTC's, for today", () => {
    // 21:00 UTC is 02:30 the next day in Kolkata (UTC+05:30): 03:30 there is an hour away.
    expect(nextCompactionWindow(at('2026-12-07T21:00:00Z'), '03:30', 'Asia/Kolkata')).toEqual(
      at('2026-12-07T22:00:00Z'),
    );
  });

  it('moves a time the spring change skips forward by the jump: 02:30 opens at 03:30', () => {
    // 2027-03-14, New York: 02:00 local becomes 03:00 (07:00 UTC); 02:30 never shows, and
    // the window opens an hour of wall clock later, 03:30 EDT, 07:30 UTC (as Temporal's
    // 'compatible' reads a skipped time).
    expect(nextCompactionWindow(at('2027-03-13T12:00:00Z'), '02:30', 'America/New_York')).toEqual(
      at('2027-03-14T07:30:00Z'),
    );
  });

  it('opens at the first of the two 02:30s of the autumn change, once that day', () => {
    // 2026-10-25, Berlin: 03:00 CEST becomes 02:00 CET; 02:30 is 00:30 UTC, then 01:30 UTC.
    const zone = 'Europe/Berlin';
    const first = nextCompactionWindow(at('2026-10-24T12:00:00Z'), '02:30', zone);
    expect(first).toEqual(at('2026-10-25T00:30:00Z'));
    expect(nextCompactionWindow(first, '02:30', zone)).toEqual(at('2026-10-26T01:30:00Z'));
  });
});
