// Customers paste long texts (the API takes 4,000 characters a message). A pattern that looks
// back or ahead over the whole sentence at every position turns such a message into minutes of
// work on the event loop (a lexicon rule did, once: a 4,000-character message took over a
// minute and stalled the server). These are decided like short ones, at the test's usual
// timeout.
import { describe, expect, it } from 'vitest';
import { evaluatePolicy, getDefaultPolicy } from '../../../src/core/policy/index.ts';
import { conversation, customer } from './helpers.ts';

const policy = getDefaultPolicy();
const LIMIT = 4000;

const filler = (unit: string) => unit.repeat(Math.ceil(LIMIT / unit.length)).slice(0, LIMIT);

describe('a message at the length limit', () => {
  it.each([
    ['one repeated letter with an accent', filler('é')],
    ['one repeated letter', filler('a')],
    ['one letter and a space', filler('x ')],
    [
      'a sentence with no full stop',
      filler('my parcel is late and the tracking page says nothing '),
    ],
  ])('is decided without a handoff: %s', (_, text) => {
    expect(text).toHaveLength(LIMIT);
    const d = evaluatePolicy(conversation([customer(text)]), policy);
    expect(d.action).toBe('continue');
  });

  it('still finds a request for a person at its end', () => {
    const ask = ' Can I talk to a human please?';
    const text = filler('My parcel is late and the tracking page says nothing. ').slice(
      0,
      LIMIT - ask.length,
    );
    const d = evaluatePolicy(conversation([customer(text + ask)]), policy);
    expect(d.action).toBe('handoff');
    expect(d.reasons[0]?.code).toBe('explicit_request');
  });

  it('still finds a payment to stop for goods that never came, told far apart in one sentence', () => {
    const middle = filler('and it was meant to be a gift for my sister ').slice(0, 1500);
    const d = evaluatePolicy(
      conversation([customer(`My order never arrived ${middle} so please cancel the payment`)]),
      policy,
    );
    expect(d.reasons.map((r) => r.code)).toContain('topic_policy');
  });
});
