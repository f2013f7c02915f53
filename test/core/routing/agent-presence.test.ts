import { describe, expect, it } from 'vitest';
import { presenceToStore, shownPresence } from '../../../src/core/routing/agent-presence.ts';
import type { Presence } from '../../../src/core/routing/agent-snapshot.ts';

const ALL: readonly Presence[] = ['online', 'away', 'offline'];

describe('agent presence', () => {
  it('is never shown online without an open inbox, and otherwise as stored', () => {
    for (const stored of ALL) {
      expect(shownPresence(stored, true)).toBe(stored);
      expect(shownPresence(stored, false)).toBe(stored === 'online' ? 'offline' : stored);
    }
  });

  it('stores a choice as made, except online without an open inbox', () => {
    for (const current of ALL)
      for (const chosen of ALL) {
        const next = presenceToStore(current, chosen, true);
        expect(next).toBe(chosen);
        if (chosen !== 'online') expect(presenceToStore(current, chosen, false)).toBe(chosen);
      }
    // Offline waits for the inbox (which makes them online); an away agent becomes offline
    // so that it does; an online left by a closing inbox is the grace's business.
    expect(presenceToStore('offline', 'online', false)).toBe('offline');
    expect(presenceToStore('away', 'online', false)).toBe('offline');
    expect(presenceToStore('online', 'online', false)).toBe('online');
  });
});
