/**
 * Presence is "online" only while an inbox of the agent's is open: nobody is shown, counted
 * or routed to as online who could not see an offer. What an agent chooses is kept as far as
 * it can be honest: "away" and "offline" hold with or without the inbox; "online" without
 * an inbox waits for one (opening the inbox makes an offline agent online).
 */
import type { Presence } from './agent-snapshot.ts';

/** The presence others are shown and counted by: never "online" without an open inbox. */
export function shownPresence(stored: Presence, inboxOpen: boolean): Presence {
  return stored === 'online' && !inboxOpen ? 'offline' : stored;
}

/**
 * The presence to store when an agent chooses `chosen`. Online without an open inbox is not
 * stored: an away agent becomes offline, so the inbox opening brings them online as they
 * asked; an "online" left by an inbox that has just closed stays until the grace ends, since
 * another node may already hold their reopened inbox (it is shown as offline meanwhile).
 */
export function presenceToStore(current: Presence, chosen: Presence, inboxOpen: boolean): Presence {
  if (chosen !== 'online' || inboxOpen) return chosen;
  return current === 'away' ? 'offline' : current;
}
