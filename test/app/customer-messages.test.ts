/** What the customer hears at the handoff is honest, in their language, and says they won't repeat themselves. */
import { describe, expect, it } from 'vitest';
import { handoffText } from '../../src/app/conversations/customer-messages.ts';

const base = { queue: 'billing', position: 3, averageHandleMinutes: 6 };

describe('handoffText', () => {
  it('promises no wait when nobody is online', () => {
    const text = handoffText({ ...base, agentsOnline: 0, language: 'en' });
    expect(text).not.toMatch(/\d+–\d+ minutes/);
    expect(text).toMatch(/repeat yourself/);
  });

  it('gives the place in line and a wait band when agents are online', () => {
    const text = handoffText({ ...base, agentsOnline: 2, language: null, team: 'Billing' });
    expect(text).toMatch(/number 3/);
    expect(text).toMatch(/\d+–\d+ minutes/);
    expect(text).toMatch(/Billing/);
  });

  it('speaks the conversation’s language', () => {
    expect(handoffText({ ...base, agentsOnline: 0, language: 'es' })).toMatch(
      /no tendrá que repetir/,
    );
    expect(handoffText({ ...base, agentsOnline: 0, language: 'de-AT' })).toMatch(
      /nichts wiederholen/,
    );
  });
});
