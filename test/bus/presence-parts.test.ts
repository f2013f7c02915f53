/** A node's presence on the NOTIFY fallback in parts, and put back together. */
import { describe, expect, it } from 'vitest';
import { FALLBACK_PAYLOAD_LIMIT, presenceFromFallback } from '../../src/bus/fallback.ts';
import { PresenceAssembler, presencePayloads } from '../../src/bus/presence-parts.ts';

const ids = (prefix: string, n: number) =>
  Array.from({ length: n }, (_, i) => `${prefix}_${String(i).padStart(30, '0')}`);
const parts = (payloads: string[]) =>
  payloads.map((p) => presenceFromFallback(p) ?? expect.unreachable(p));

describe('presence in parts', () => {
  it('cuts a heartbeat into parts under the NOTIFY limit, and puts them back together', () => {
    const agents = ids('agt', 500);
    // Multi-byte ids: the limit is in bytes, not characters.
    const customers = ids('conv_é', 500);
    const payloads = presencePayloads({ node: 'n1', up: true, agents, customers }, 1);
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
      parts(presencePayloads({ node: 'n1', up: true, agents, customers: [] }, n));
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
    const [goodbye] = parts(presencePayloads({ node: 'n1', up: false, agents: [] }, 4));
    expect(assembler.add(goodbye as (typeof first)[number])).toEqual({
      node: 'n1',
      up: false,
      agents: [],
    });
  });
});
