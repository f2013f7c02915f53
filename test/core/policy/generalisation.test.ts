// Hand-written conversations that are not in ../shared/scenarios (fixtures/generalisation.jsonl,
// same `expect` format), replayed with the default policy and judged like the shared scorer:
// handoff inside the window, one of the expected reasons, the expected queue and fields.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { getDefaultPolicy, replayTranscript } from '../../../src/core/policy/index.ts';
import { parseTranscriptLine } from '../../../src/core/transcript/index.ts';

interface Expect {
  handoff: boolean;
  at_turn?: [number, number];
  reasons_any?: string[];
  queue?: string;
  fields?: Record<string, unknown>;
}

const lines = readFileSync(new URL('./fixtures/generalisation.jsonl', import.meta.url), 'utf8')
  .split('\n')
  .filter((l) => l.trim() !== '');
const policy = getDefaultPolicy();

describe('default policy on conversations outside the public scenarios', () => {
  it.each(lines.map((l, i) => [(JSON.parse(l) as { id: string }).id, l, i + 1] as const))(
    '%s',
    (_id, line, lineNo) => {
      const parsed = parseTranscriptLine(line, lineNo);
      if (!parsed.ok) throw new Error(parsed.error.message);
      const want = parsed.transcript.expect as Expect;
      const got = replayTranscript(parsed.transcript, policy);
      if (!want.handoff) {
        expect(got.handoff).toBeNull();
      } else {
        expect(got.handoff).not.toBeNull();
        const [lo, hi] = want.at_turn ?? [0, Infinity];
        expect(got.handoff!.at_turn).toBeGreaterThanOrEqual(lo);
        expect(got.handoff!.at_turn).toBeLessThanOrEqual(hi);
        expect(got.handoff!.reasons.some((r) => want.reasons_any?.includes(r))).toBe(true);
        if (want.queue) expect(got.handoff!.queue).toBe(want.queue);
      }
      expect(got.fields).toMatchObject(want.fields ?? {});
    },
  );
});
