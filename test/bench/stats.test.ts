/** The benches' arithmetic: nearest-rank percentiles and the memory one socket costs. */
import { describe, expect, it } from 'vitest';
import { bytesPerSocket, median, percentile } from '../../bench/stats.ts';

describe('percentile', () => {
  it('takes the nearest rank, whatever the order of the values', () => {
    const values = [5, 1, 4, 2, 3, 10, 9, 8, 7, 6];
    expect(percentile(values, 50)).toBe(5);
    expect(percentile(values, 90)).toBe(9);
    expect(percentile(values, 99)).toBe(10);
    expect(percentile(values, 100)).toBe(10);
    expect(percentile(values, 0)).toBe(1);
    expect(median([3, 1, 2])).toBe(2);
  });

  it('is NaN with no values', () => {
    expect(percentile([], 50)).toBeNaN();
  });
});

describe('bytesPerSocket', () => {
  it('shares the growth of the resident memory out over the sockets', () => {
    expect(bytesPerSocket(100_000_000, 160_000_000, 20_000)).toBe(3000);
    // A process that shrank (a collection between the readings) reads as negative, not hidden.
    expect(bytesPerSocket(100_000_000, 99_000_000, 1000)).toBe(-1000);
  });

  it('is NaN without sockets or without a reading', () => {
    expect(bytesPerSocket(1, 2, 0)).toBeNaN();
    expect(bytesPerSocket(Number.NaN, 2, 10)).toBeNaN();
  });
});
