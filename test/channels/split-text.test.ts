// Splitting long replies (WhatsApp, Messenger, Telegram, SMS) must never lose text, exceed
// the provider's limit, or cut an emoji in half — for any input.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { splitText } from '../../src/channels/split-text.ts';
import { countSmsSegments, splitSms } from '../../src/channels/twilio/sms-segments.ts';

const squash = (s: string) => s.replace(/\s+/g, '');
const text = fc
  .array(
    fc.oneof(
      fc.constantFrom(' ', '\n', '. ', '😀', '€', 'é', 'ж'),
      fc.string({ minLength: 1, maxLength: 12 }),
    ),
    { maxLength: 400 },
  )
  .map((a) => a.join(''));
const brokenSurrogate = (s: string) => /[\uD800-\uDBFF]$/.test(s) || /^[\uDC00-\uDFFF]/.test(s);

describe('splitText', () => {
  it('keeps every non-space character, respects the limit, never splits a surrogate pair', () => {
    fc.assert(
      fc.property(text, fc.integer({ min: 2, max: 300 }), (input, max) => {
        const parts = splitText(input, max);
        expect(squash(parts.join(''))).toBe(squash(input));
        for (const part of parts) {
          expect(part.length).toBeLessThanOrEqual(max);
          if (parts.length > 1) expect(part.trim()).not.toBe('');
          expect(brokenSurrogate(part)).toBe(false);
        }
      }),
    );
  });
});

describe('splitSms', () => {
  it('keeps every non-space character and fits each body in the segment budget', () => {
    fc.assert(
      fc.property(text, fc.integer({ min: 1, max: 4 }), (input, maxSegments) => {
        const bodies = splitSms(input, maxSegments);
        expect(squash(bodies.join(''))).toBe(squash(input));
        for (const body of bodies) {
          if (bodies.length > 1) expect(body.trim()).not.toBe('');
          expect(countSmsSegments(body).segments).toBeLessThanOrEqual(maxSegments);
          expect(brokenSurrogate(body)).toBe(false);
        }
      }),
    );
  });
});
