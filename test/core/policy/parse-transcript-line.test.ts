// The transcript parser lives in src/core/transcript; its tests sit with the policy tests that
// consume it.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseTranscriptLine, turnTimes } from '../../../src/core/transcript/index.ts';

const good = {
  format: 'baton.transcript/1',
  id: 'c-001',
  channel: 'web',
  customer: { id: 'C-1', tier: 'premium', favourite_colour: 'teal' },
  turns: [
    { from: 'customer', text: 'hi' },
    { from: 'customer', action: 'request_human' },
  ],
  expect: { handoff: true },
};

describe('parseTranscriptLine', () => {
  it('accepts a valid transcript and keeps unknown keys', () => {
    const r = parseTranscriptLine(JSON.stringify(good), 7);
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.transcript.customer?.favourite_colour).toBe('teal');
  });

  it.each([
    ['not json', 'invalid JSON'],
    ['[1,2]', 'must be a JSON object'],
    [JSON.stringify({ ...good, format: 'other/1' }), 'Expected'],
    [JSON.stringify({ ...good, channel: 'fax' }), 'must be one of web'],
    [JSON.stringify({ ...good, turns: [{ from: 'customer' }] }), 'either `text` or `action`'],
    [
      JSON.stringify({ ...good, turns: [{ from: 'customer', text: 'x', at: 'yesterday' }] }),
      'ISO 8601',
    ],
  ])('rejects %j with a message and the line number', (line, message) => {
    const r = parseTranscriptLine(line, 42);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.line).toBe(42);
      expect(r.error.message).toContain(message);
    }
  });

  it('never throws, whatever the line', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.json()), (line) => {
        expect(() => parseTranscriptLine(line, 1)).not.toThrow();
      }),
    );
  });
});

describe('turnTimes', () => {
  it('uses `at` when present and 20 s steps otherwise', () => {
    const t0 = Date.parse('2026-03-02T10:32:00Z');
    expect(
      turnTimes(
        [
          { from: 'customer', text: 'a' },
          { from: 'bot', text: 'b' },
          { from: 'customer', text: 'c', at: '2026-03-02T10:40:00Z' },
        ],
        '2026-03-02T10:32:00Z',
      ),
    ).toEqual([t0, t0 + 20_000, Date.parse('2026-03-02T10:40:00Z')]);
  });
});
