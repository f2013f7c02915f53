// Whether a colleague can receive a named transfer or reassign (the server's rule: online,
// inbox open, room for one more — src/app/routing/agent-availability.ts), and if not, why,
// in the words the picker shows beside their name.

import type { TeamAgent } from './inbox-types.ts';

/** Null when they can take it, else the reason they cannot. */
export function whyUnavailable(a: TeamAgent): string | null {
  if (a.presence === 'away') return 'away';
  if (a.presence === 'offline') return 'offline';
  if (!a.connected) return 'inbox not open';
  if (a.load >= a.capacity) return `full (${a.load}/${a.capacity})`;
  return null;
}

/** The picker's line for one colleague: their load, or why they cannot take it. */
export function colleagueLabel(a: TeamAgent): string {
  const why = whyUnavailable(a);
  return why === null ? `${a.name} — ${a.load}/${a.capacity}` : `${a.name} — can't take it: ${why}`;
}
