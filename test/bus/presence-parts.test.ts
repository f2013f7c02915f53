/** A node's presence on the NOTIFY fallback in parts, and put back together. */
import { describe, expect, it } from 'vitest';
import { FALLBACK_PAYLOAD_LIMIT, presenceFromFallback } from '../../src/bus/fallback.ts';
import {
  PRESENCE_ID_MAX_LENGTH,
  PresenceAssembler,
  PresenceIdTooLong,
  presencePayloads,
} from '../../src/bus/presence-parts.ts';

const ids = (prefix: string, n: number) =>
  Array.from({ length: n }, (_, i) => `${prefix}_${String(i).padStart(30, '0')}`);
const parts = (payloads: string[]) =>
  payloads.map((p) => presenceFromFallback(p) ?? expect.unreachable(p));

describe('presence in parts', () => {
  it('cuts a heartbeat into parts under the NOTIFY limit, and puts them back together', () => {
    const agents = ids('agt', 500);
    // Multi-byte ids: the limit is in bytes, not characters.
    const customers = ids('conv_é', 500);
    const payloads = presencePayloads({ node: 'n1', up: true, agents, customers }, 1).payloads;
    expect(payloads.length).toBeGreaterThan(4);
    for (const p of payloads) expect(Buffer.byteLength(p)).toBeLessThan(FALLBACK_PAYLOAD_LIMIT);
    const assembler = new PresenceAssembler(60_000);
    const heard = parts(payloads)
      .reverse()
      .map((p) => assembler.add(p));
    expect(heard.slice(0, -1)).toEqual(heard.slice(0, -1).map(() => undefined));
    expect(heard.at(-1)).toEqual({ node: 'n1', up: true, agents, customers });
  });

  it('never takes a heartbeat with a part lost, nor one older than the last taken', () => {
    const assembler = new PresenceAssembler(60_000);
    const beat = (n: number, agents: string[]) =>
      parts(presencePayloads({ node: 'n1', up: true, agents, customers: [] }, n).payloads);
    const [first, second, third] = [beat(1, ids('a', 400)), beat(2, ids('b', 400)), beat(3, [])];
    expect(second.length).toBeGreaterThan(1);
    expect(first.map((p) => assembler.add(p)).at(-1)?.agents).toEqual(ids('a', 400));
    // Beat 2 lost its last part: nothing is taken, the next beat starts afresh.
    expect(second.slice(0, -1).map((p) => assembler.add(p))).not.toContainEqual(expect.anything());
    expect(third.map((p) => assembler.add(p)).at(-1)?.agents).toEqual([]);
    // Beat 2's last part, late: beat 2 is over.
    expect(assembler.add(second.at(-1) as (typeof second)[number])).toBeUndefined();
    expect(first.map((p) => assembler.add(p))).not.toContainEqual(expect.anything());
    // A goodbye stands alone.
    const [goodbye] = parts(presencePayloads({ node: 'n1', up: false, agents: [] }, 4).payloads);
    expect(assembler.add(goodbye as (typeof first)[number])).toEqual({
      node: 'n1',
      up: false,
      agents: [],
    });
  });

  it('leaves out an id longer than any Baton takes, says so, and sends the rest', () => {
    const agents = ids('agt', 300);
    const huge = 'x'.repeat(FALLBACK_PAYLOAD_LIMIT + 10);
    const { payloads, refused } = presencePayloads(
      { node: 'n1', up: true, agents: [...agents.slice(0, 150), huge, ...agents.slice(150)] },
      1,
    );
    expect(refused).toEqual([expect.any(PresenceIdTooLong)]);
    expect(refused[0]?.message).toMatch(
      new RegExp(
        `left out an id of ${huge.length} characters \\(at most ${PRESENCE_ID_MAX_LENGTH}\\)`,
      ),
    );
    for (const p of payloads) expect(Buffer.byteLength(p)).toBeLessThan(FALLBACK_PAYLOAD_LIMIT);
    const assembler = new PresenceAssembler(60_000);
    expect(
      parts(payloads)
        .map((p) => assembler.add(p))
        .at(-1)?.agents,
    ).toEqual(agents);
    // One of the longest ids Baton takes is sent.
    const longest = 'é'.repeat(PRESENCE_ID_MAX_LENGTH);
    const sent = presencePayloads({ node: 'n1', up: true, agents: [longest] }, 2);
    expect(sent.refused).toEqual([]);
    expect(parts(sent.payloads)[0]?.agents).toEqual([longest]);
  });
});
