/**
 * The transfer and reassign picker says why a colleague cannot take a conversation (issue 15:
 * it listed "Sam — online" greyed out without a reason).
 */
import { describe, expect, it } from 'vitest';
import { colleagueLabel, whyUnavailable } from '../../web/inbox/colleague-availability.ts';
import type { TeamAgent } from '../../web/inbox/inbox-types.ts';

const sam = (over: Partial<TeamAgent>): TeamAgent => ({
  id: 'a_sam',
  email: 'sam@example.com',
  name: 'Sam',
  role: 'agent',
  skills: [],
  languages: [],
  totpEnabled: false,
  presence: 'online',
  capacity: 3,
  load: 1,
  connected: true,
  ...over,
});

describe('colleague availability in the picker', () => {
  it('offers an online colleague with the inbox open and room, with their load', () => {
    expect(whyUnavailable(sam({}))).toBeNull();
    expect(colleagueLabel(sam({}))).toBe('Sam — 1/3');
  });

  it('names the reason for each way a colleague cannot take it', () => {
    expect(colleagueLabel(sam({ presence: 'away' }))).toBe("Sam — can't take it: away");
    expect(colleagueLabel(sam({ presence: 'offline', connected: false }))).toBe(
      "Sam — can't take it: offline",
    );
    expect(colleagueLabel(sam({ connected: false }))).toBe("Sam — can't take it: inbox not open");
    expect(colleagueLabel(sam({ load: 3 }))).toBe("Sam — can't take it: full (3/3)");
  });
});
