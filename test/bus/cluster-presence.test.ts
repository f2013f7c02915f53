/** The other nodes' presence as heard over either path (Redis or the PostgreSQL fallback). */
import { describe, expect, it, vi } from 'vitest';
import { PresenceTable } from '../../src/bus/cluster-presence.ts';

describe('PresenceTable', () => {
  it('keeps the last customers heard when an announcement had to leave them out', () => {
    const table = new PresenceTable(1000);
    expect(table.hear({ node: 'n1', up: true, agents: ['a1'], customers: ['c1'] })).toBe(true);
    // Too long for one NOTIFY: only the agents came.
    expect(table.hear({ node: 'n1', up: true, agents: ['a2'] })).toBe(false);
    expect(table.hasAgent('a1')).toBe(false);
    expect(table.hasAgent('a2')).toBe(true);
    expect(table.hasCustomer('c1')).toBe(true);
  });

  it('forgets a node after three silent heartbeats, and at once when it says goodbye', () => {
    vi.useFakeTimers();
    try {
      const table = new PresenceTable(1000);
      table.hear({ node: 'n1', up: true, agents: ['a1'], customers: [] });
      table.hear({ node: 'n2', up: true, agents: ['a2'], customers: [] });
      vi.advanceTimersByTime(2500);
      table.hear({ node: 'n2', up: true, agents: ['a2'], customers: [] });
      vi.advanceTimersByTime(1000);
      expect([...table.agentIds()]).toEqual(['a2']);
      table.hear({ node: 'n2', up: false, agents: [], customers: [] });
      expect(table.hasAgent('a2')).toBe(false);
    } finally {
      vi.useRealTimers();
    }
  });
});
