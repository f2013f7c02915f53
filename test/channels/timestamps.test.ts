/** Provider timestamps no Date can hold (found by the webhook fuzz) fall back instead of throwing. */
import { describe, expect, it } from 'vitest';
import { isoTime, unixSecondsToIso } from '../../src/channels/parse-json-object.ts';

describe('provider timestamps', () => {
  const now = new Date('2026-01-10T10:00:00.000Z');
  it('are read when they are dates and fall back when they are not', () => {
    expect(isoTime(0, 'x')).toBe('1970-01-01T00:00:00.000Z');
    expect(isoTime(1e20, 'fallback')).toBe('fallback');
    expect(isoTime(-1e20, 'fallback')).toBe('fallback');
    expect(isoTime(Number.NaN, 'fallback')).toBe('fallback');
    expect(unixSecondsToIso('1767000000', now)).toBe('2025-12-29T09:20:00.000Z');
    expect(unixSecondsToIso(9e15, now)).toBe(now.toISOString());
    expect(unixSecondsToIso(undefined, now)).toBe(now.toISOString());
  });
});
