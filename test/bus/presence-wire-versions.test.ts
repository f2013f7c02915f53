/**
 * Presence on the NOTIFY fallback across a rolling upgrade: a node or a `baton agents list`
 * from before parts (commit 8a0e866^) and one of today read each other's messages, and
 * neither takes a part of a heartbeat for the whole of it. The readers from before parts are
 * copied here as they were (their code is gone from src/): what they do is the test's
 * subject.
 */
import { describe, expect, it } from 'vitest';
import { FALLBACK_PAYLOAD_LIMIT, presenceFromFallback } from '../../src/bus/fallback.ts';
import { PresenceAssembler, presencePayloads } from '../../src/bus/presence-parts.ts';

/** 8a0e866^:src/bus/fallback.ts presenceFromFallback: the CLI's and the server's reader. */
function readerBeforeParts(payload: string) {
  let value: unknown;
  try {
    value = JSON.parse(payload);
  } catch {
    return undefined;
  }
  if (typeof value !== 'object' || value === null) return undefined;
  const { kind, node, up, agents } = value as Record<string, unknown>;
  if (kind !== 'presence' || typeof node !== 'string' || typeof up !== 'boolean') return undefined;
  if (!Array.isArray(agents) || !agents.every((id) => typeof id === 'string')) return undefined;
  return value as { node: string; up: boolean; agents: string[] };
}

/**
 * 8a0e866^:src/bus/redis-bus.ts, the fallback listener: what a cluster node from before
 * parts does with a payload from another node. `presence`: hearPresence(message), the
 * message taken as the node's whole presence; `dropped`: Redis carried it; `change`:
 * loadChange(message.ref) (a rejected promise, logged, when there is no ref).
 */
function nodeBeforeParts(raw: string, linkUp: boolean) {
  const message = JSON.parse(raw) as { kind: string; redis?: boolean; agents?: string[] };
  if (message.kind === 'presence') return { heard: 'presence', agents: message.agents };
  if (message.redis && linkUp) return { heard: 'dropped' };
  if (message.kind === 'signal' || message.kind === 'sessions') return { heard: message.kind };
  return { heard: 'change' };
}

const ids = (prefix: string, n: number) =>
  Array.from({ length: n }, (_, i) => `${prefix}_${String(i).padStart(30, '0')}`);

describe('presence on the wire, old and new readers', () => {
  it('a heartbeat that fits one NOTIFY is one message every version reads whole, ordered by its beat', () => {
    const message = { node: 'n1', up: true, agents: ids('agt', 20), customers: ids('conv', 20) };
    const payloads = presencePayloads(message, 7, true).payloads;
    expect(payloads).toHaveLength(1);
    const [payload] = payloads as [string];
    // The format from before parts, and the beat, which a reader from before parts ignores.
    expect(JSON.parse(payload)).toEqual({ kind: 'presence', ...message, beat: 7 });
    expect(readerBeforeParts(payload)).toMatchObject({ node: 'n1', agents: message.agents });
    expect(nodeBeforeParts(payload, true)).toEqual({ heard: 'presence', agents: message.agents });
    const assembler = new PresenceAssembler(60_000);
    const hear = (p: string) => assembler.add(presenceFromFallback(p)!);
    expect(hear(payload)).toEqual(message);
    // A longer heartbeat of an older beat, heard late, is not taken over it.
    const long = presencePayloads({ node: 'n1', up: true, agents: ids('agt', 600) }, 6).payloads;
    expect(long.map(hear)).not.toContainEqual(expect.anything());
  });

  it('a part of a longer heartbeat is never taken as presence by a reader from before parts', () => {
    const agents = ids('agt', 600);
    for (const redis of [true, false]) {
      const payloads = presencePayloads(
        { node: 'n1', up: true, agents, customers: [] },
        8,
        redis,
      ).payloads;
      expect(payloads.length).toBeGreaterThan(2);
      for (const payload of payloads) {
        expect(Buffer.byteLength(payload)).toBeLessThan(FALLBACK_PAYLOAD_LIMIT);
        expect(readerBeforeParts(payload)).toBeUndefined();
        // Its Redis up and the sender's too: dropped unread, as the whole came on Redis.
        expect(nodeBeforeParts(payload, true).heard).toBe(redis ? 'dropped' : 'change');
        expect(nodeBeforeParts(payload, false).heard).toBe('change');
      }
      // Today's reader puts them together.
      const assembler = new PresenceAssembler(60_000);
      const heard = payloads.map((p) => {
        const part = presenceFromFallback(p);
        return part && assembler.add(part);
      });
      expect(heard.at(-1)).toEqual({ node: 'n1', up: true, agents, customers: [] });
    }
  });

  it('reads the messages of a node from before parts whole, and of a later version none', () => {
    const assembler = new PresenceAssembler(60_000);
    // As 8a0e866^ sent them: a node's heartbeat, and a server's answer split over node ids.
    const old = [
      { kind: 'presence', node: 'old', up: true, agents: ['a1'], customers: ['c1'] },
      { kind: 'presence', node: 'srv/1', up: true, agents: ['a2'] },
    ];
    expect(old.map((m) => assembler.add(presenceFromFallback(JSON.stringify(m))!))).toEqual([
      { node: 'old', up: true, agents: ['a1'], customers: ['c1'] },
      { node: 'srv/1', up: true, agents: ['a2'] },
    ]);
    const part = { node: 'n2', up: true, agents: ['a3'], beat: 1, part: 0, parts: 2 };
    const refused = [
      // Parts numbered without a kind of their own (a build between the two): no whole.
      { kind: 'presence', ...part },
      { kind: 'presence-part', v: 3, redis: false, ...part },
      { kind: 'presence-part', redis: false, ...part },
      { kind: 'presence-part', v: 2, redis: false, ...part, part: 2 },
    ];
    for (const m of refused) expect(presenceFromFallback(JSON.stringify(m))).toBeUndefined();
  });
});
