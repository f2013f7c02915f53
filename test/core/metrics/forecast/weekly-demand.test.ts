/** Demand per hour of the week from hand-made event histories. */
import { describe, expect, it } from 'vitest';
import type { ConversationLog, LoggedEvent } from '../../../../src/core/metrics/index.ts';
import {
  hourOfWeek,
  HANDLE_PRIOR_SAMPLES,
  weeklyDemand,
} from '../../../../src/core/metrics/forecast/index.ts';

const ev = (type: string, at: string, agent?: string): LoggedEvent => ({
  type,
  at,
  actor: agent ? { type: 'agent', id: agent } : { type: 'system' },
  data: type === 'message.created' ? { from: agent ? 'agent' : 'customer' } : {},
});
const log = (id: string, events: LoggedEvent[]): ConversationLog => ({
  id,
  channel: 'web',
  language: 'en',
  events,
});

// Two weeks from Monday 2026-11-02 00:00 UTC.
const range = { from: new Date('2026-11-02T00:00:00Z'), to: new Date('2026-11-16T00:00:00Z') };
const MON_10 = 10;

describe('weeklyDemand', () => {
  it('numbers the hours of the week from Monday 00:00 UTC', () => {
    expect(hourOfWeek(Date.parse('2026-11-02T00:30:00Z'))).toBe(0); // a Monday
    expect(hourOfWeek(Date.parse('2026-11-08T23:59:00Z'))).toBe(167); // Sunday
    expect(hourOfWeek(Date.parse('2026-11-04T13:00:00Z'))).toBe(2 * 24 + 13);
  });

  it('counts handoffs per occurrence of the hour, handle times, patience and agents at work', () => {
    const logs = [
      // Monday 10:xx, week 1: waited 60 s, handled 600 s by ana.
      log('a', [
        ev('conversation.created', '2026-11-02T09:58:00Z'),
        ev('conversation.handed_over', '2026-11-02T10:00:00Z'),
        ev('conversation.assigned', '2026-11-02T10:01:00Z', 'ana'),
        ev('message.created', '2026-11-02T10:02:00Z', 'ana'),
        ev('conversation.resolved', '2026-11-02T10:11:00Z', 'ana'),
      ]),
      // Monday 10:xx, week 1: gave up after 240 s.
      log('b', [
        ev('conversation.handed_over', '2026-11-02T10:20:00Z'),
        ev('conversation.abandoned', '2026-11-02T10:24:00Z'),
      ]),
      // Monday 10:xx, week 2: waited 120 s, handled 1200 s by bo, ana wrote a note too.
      log('c', [
        ev('conversation.handed_over', '2026-11-09T10:30:00Z'),
        ev('conversation.assigned', '2026-11-09T10:32:00Z', 'bo'),
        ev('note.created', '2026-11-09T10:40:00Z', 'ana'),
        ev('conversation.resolved', '2026-11-09T10:52:00Z', 'bo'),
      ]),
      // A bot-only conversation: no handoff, not counted.
      log('d', [ev('conversation.created', '2026-11-02T10:05:00Z')]),
      // Handed over before the range: not counted.
      log('e', [ev('conversation.handed_over', '2026-11-01T23:00:00Z')]),
    ];
    const d = weeklyDemand(logs, range);
    const monday10 = d.hours[MON_10]!;
    expect(monday10).toMatchObject({ occurrences: 2, handoffs: 3, arrivalsPerHour: 1.5 });
    // Its two samples (600 and 1200 s) blended with the range's mean, the same 900 s.
    expect(monday10.handleSamples).toBe(2);
    expect(monday10.handleSeconds).toBe(900);
    expect(d.handleSeconds).toBe(900);
    // ana (week 1) + ana and bo (week 2), over two Mondays at 10.
    expect(monday10.agentsAtWork).toBe(1.5);
    // Tuesday was never in the range: no data at all, not the range's means.
    expect(
      weeklyDemand(logs, { from: range.from, to: new Date('2026-11-03T00:00:00Z') }).hours[24],
    ).toMatchObject({ occurrences: 0, handleSeconds: null, agentsAtWork: null });
    expect(d.hours[MON_10 + 1]).toMatchObject({ handoffs: 0, arrivalsPerHour: 0, agentsAtWork: 0 });
    // Waiting: 60 + 240 + 120 s, one gave up: patience 420 s.
    expect(d.abandonments).toBe(1);
    expect(d.patienceSeconds).toBe(420);
  });

  it('blends an hour’s own handle times with the range’s mean, by their number', () => {
    const logs = Array.from({ length: 10 }, (_, i) =>
      log(`m${i}`, [
        ev('conversation.handed_over', `2026-11-03T08:0${i % 10}:00Z`),
        ev('conversation.assigned', `2026-11-03T08:1${i % 10}:00Z`, 'ana'),
        ev('conversation.resolved', `2026-11-03T08:3${i % 10}:00Z`, 'ana'),
      ]),
    );
    logs.push(
      log('other', [
        ev('conversation.handed_over', '2026-11-05T08:00:00Z'),
        ev('conversation.assigned', '2026-11-05T08:00:00Z', 'ana'),
        ev('conversation.resolved', '2026-11-05T09:00:00Z', 'ana'),
      ]),
    );
    const d = weeklyDemand(logs, range);
    const overall = (10 * 1200 + 3600) / 11;
    expect(d.handleSeconds).toBeCloseTo(overall, 6);
    const blend = (own: number[]) =>
      (own.reduce((s, v) => s + v, 0) + HANDLE_PRIOR_SAMPLES * overall) /
      (own.length + HANDLE_PRIOR_SAMPLES);
    expect(d.hours[24 + 8]!.handleSeconds).toBeCloseTo(blend(Array(10).fill(1200)), 6);
    expect(d.hours[3 * 24 + 8]!.handleSeconds).toBeCloseTo(blend([3600]), 6);
    // An hour with no samples of its own: the range's mean.
    expect(d.hours[8]!.handleSeconds).toBeCloseTo(overall, 6);
  });

  it('says "not measured" rather than zero: no patience without abandonments, null for hours never seen', () => {
    const oneDay = { from: new Date('2026-11-02T00:00:00Z'), to: new Date('2026-11-03T00:00:00Z') };
    const d = weeklyDemand(
      [log('a', [ev('conversation.handed_over', '2026-11-02T10:00:00Z')])],
      oneDay,
    );
    expect(d.patienceSeconds).toBeNull();
    expect(d.handleSeconds).toBeNull();
    expect(d.hours[MON_10]).toMatchObject({ arrivalsPerHour: 1, handleSeconds: null });
    expect(d.hours[24]).toMatchObject({
      occurrences: 0,
      arrivalsPerHour: null,
      agentsAtWork: null,
    });
  });

  it('counts whole hours only, so a range ending mid-hour does not show a quiet hour', () => {
    const d = weeklyDemand([log('a', [ev('conversation.handed_over', '2026-11-02T10:10:00Z')])], {
      from: new Date('2026-11-02T09:30:00Z'),
      to: new Date('2026-11-02T10:45:00Z'),
    });
    expect(d.hours[9]!.occurrences).toBe(0);
    expect(d.hours[MON_10]!.occurrences).toBe(0);
    expect(d.hours[MON_10]!.handoffs).toBe(0);
  });
});
