import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { estimateWait } from '../../../src/core/sla/estimate-wait.ts';
import { shouldUpdateEstimate } from '../../../src/core/sla/should-update-estimate.ts';

describe('estimateWait', () => {
  it('is null when nobody serves the queue', () => {
    expect(estimateWait({ position: 1, agentsServing: 0, avgHandleMinutes: 6 })).toBeNull();
  });

  it('is under a minute when a slot is free', () => {
    expect(
      estimateWait({ position: 1, agentsServing: 2, avgHandleMinutes: 6, freeSlots: 1 }),
    ).toEqual({ lowMinutes: 0, highMinutes: 1, pointMinutes: 0 });
  });

  it('centres on position × handle time / slots', () => {
    // 10th in line, 5 agents with 2 chats each, 8 minutes a chat: about 8 minutes.
    const band = estimateWait({
      position: 10,
      agentsServing: 5,
      concurrency: 2,
      avgHandleMinutes: 8,
    })!;
    expect(band.pointMinutes).toBeGreaterThan(7);
    expect(band.pointMinutes).toBeLessThan(8.5);
    expect(band.lowMinutes).toBeLessThan(band.pointMinutes);
    expect(band.highMinutes).toBeGreaterThan(band.pointMinutes);
  });

  it('shortens the wait when people ahead give up', () => {
    const base = { position: 20, agentsServing: 3, avgHandleMinutes: 6 };
    const patient = estimateWait(base)!;
    const leaving = estimateWait({ ...base, abandonPerMinute: 0.05 })!;
    expect(leaving.pointMinutes).toBeLessThan(patient.pointMinutes);
  });

  it('never shrinks as the position grows, and keeps low < high', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 200 }),
        fc.integer({ min: 1, max: 50 }),
        fc.double({ min: 0.5, max: 60, noNaN: true }),
        (position, agents, handle) => {
          const a = estimateWait({ position, agentsServing: agents, avgHandleMinutes: handle })!;
          const b = estimateWait({
            position: position + 1,
            agentsServing: agents,
            avgHandleMinutes: handle,
          })!;
          return a.lowMinutes < a.highMinutes && b.pointMinutes >= a.pointMinutes;
        },
      ),
    );
  });
});

describe('shouldUpdateEstimate', () => {
  const at = new Date('2026-03-02T10:00:00Z');
  const later = (s: number) => new Date(at.getTime() + s * 1000);
  const told = { band: { lowMinutes: 3, highMinutes: 5 }, at };

  it('tells the first estimate at once', () => {
    expect(shouldUpdateEstimate(null, { lowMinutes: 3, highMinutes: 5 }, at)).toBe(true);
  });

  it('never updates more than once a minute', () => {
    expect(shouldUpdateEstimate(told, { lowMinutes: 10, highMinutes: 14 }, later(59))).toBe(false);
    expect(shouldUpdateEstimate(told, { lowMinutes: 10, highMinutes: 14 }, later(60))).toBe(true);
  });

  it('ignores changes that are not meaningful', () => {
    expect(shouldUpdateEstimate(told, { lowMinutes: 3, highMinutes: 6 }, later(120))).toBe(false);
    expect(shouldUpdateEstimate(told, { lowMinutes: 2, highMinutes: 4 }, later(120))).toBe(true);
  });

  it('updates when the wait drops under a minute', () => {
    const near = { band: { lowMinutes: 1, highMinutes: 2 }, at };
    expect(shouldUpdateEstimate(near, { lowMinutes: 0, highMinutes: 1 }, later(61))).toBe(true);
  });
});
