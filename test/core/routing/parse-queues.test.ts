import { describe, expect, it } from 'vitest';
import { DEFAULT_QUEUES } from '../../../src/core/routing/default-queues.ts';
import { parseQueues } from '../../../src/core/routing/parse-queues.ts';
import { DEFAULT_CALENDARS } from '../../../src/core/sla/business-calendar.ts';

const calendarIds = DEFAULT_CALENDARS.map((c) => c.id);

describe('parseQueues', () => {
  it('accepts the default queues, which follow the spec', () => {
    const r = parseQueues(structuredClone(DEFAULT_QUEUES), calendarIds);
    expect(r.ok).toBe(true);
    const byId = new Map(DEFAULT_QUEUES.map((q) => [q.id, q]));
    expect([...byId.keys()]).toEqual([
      'billing',
      'technical',
      'retention',
      'sales',
      'trust_safety',
      'general',
    ]);
    expect(byId.get('sales')!.fallback).toEqual([]);
    for (const q of DEFAULT_QUEUES) {
      if (q.id !== 'sales' && q.id !== 'general') expect(q.fallback).toEqual(['general']);
    }
  });

  it('fills defaults and reports every problem with its path', () => {
    const r = parseQueues(
      [
        {
          id: 'billing',
          name: 'Billing',
          languages: ['en'],
          fallback: ['billing', 'nope'],
          calendarId: 'mars',
          sla: { firstResponseSeconds: 300 },
          assignment: { type: 'pull' },
        },
      ],
      calendarIds,
    );
    expect(r).toEqual({
      ok: false,
      problems: [
        { path: '/0/fallback/0', message: 'a queue cannot fall back to itself' },
        { path: '/0/fallback/1', message: 'unknown queue "nope"' },
        { path: '/0/calendarId', message: 'unknown calendar "mars"' },
      ],
    });
  });

  it('rejects malformed entries', () => {
    const r = parseQueues([{ id: 'Bad Id', assignment: { type: 'offer', timeoutSeconds: 1 } }]);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems.map((p) => p.path)).toContain('/0/id');
  });
});
