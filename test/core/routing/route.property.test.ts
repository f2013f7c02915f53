// Properties of `route` over random snapshots: capacity, presence, uniqueness, declines, order.
import { describe, it } from 'vitest';
import fc from 'fast-check';
import type { AgentSnapshot } from '../../../src/core/routing/agent-snapshot.ts';
import { DEFAULT_QUEUES } from '../../../src/core/routing/default-queues.ts';
import { compareWaiting, route } from '../../../src/core/routing/route.ts';
import type { WaitingConversation } from '../../../src/core/routing/routing-snapshot.ts';
import { NOW } from './fixtures.ts';

const QUEUE_IDS = DEFAULT_QUEUES.map((q) => q.id);
const LANGS = ['en', 'de', 'es'];

const agentArb = (id: number): fc.Arbitrary<AgentSnapshot> =>
  fc.record({
    id: fc.constant(`a${id}`),
    name: fc.constant(`A${id}`),
    skills: fc.subarray([...QUEUE_IDS, 'security']),
    languages: fc.subarray(LANGS, { minLength: 1 }),
    presence: fc.constantFrom('online', 'online', 'away', 'offline'),
    capacity: fc.integer({ min: 1, max: 3 }),
    load: fc.integer({ min: 0, max: 4 }),
  });

const snapshotArb = fc
  .tuple(fc.integer({ min: 0, max: 12 }), fc.integer({ min: 0, max: 40 }))
  .chain(([nAgents, nConvs]) =>
    fc.record({
      agents: fc.tuple(...Array.from({ length: nAgents }, (_, i) => agentArb(i))),
      conversations: fc.tuple(
        ...Array.from({ length: nConvs }, (_, i) =>
          fc.record({
            id: fc.constant(`c${i}`),
            queue: fc.constantFrom(...QUEUE_IDS),
            priority: fc.integer({ min: 1, max: 100 }),
            language: fc.constantFrom(...LANGS),
            skills: fc.subarray(['security']),
            waitingSince: fc
              .integer({ min: 0, max: 3600 })
              .map((s) => new Date(NOW.getTime() - s * 1000)),
            declinedBy: fc.subarray(Array.from({ length: nAgents }, (_, j) => `a${j}`)),
            overflow: fc.boolean(),
          }),
        ),
      ),
    }),
  );

/** Could `a` serve `c` in its own queue (the router's eligibility, restated)? */
function fitsOwnQueue(a: AgentSnapshot, c: WaitingConversation): boolean {
  const q = DEFAULT_QUEUES.find((x) => x.id === c.queue)!;
  const lang = q.languages.includes(c.language) ? c.language : q.languages[0]!;
  const skills = [...q.requiredSkills, ...(c.skills ?? [])];
  return (
    a.presence === 'online' &&
    a.languages.includes(lang) &&
    skills.every((s) => a.skills.includes(s)) &&
    !(c.declinedBy ?? []).includes(a.id)
  );
}

describe('route properties', () => {
  it('respects capacity, presence, declines and decides each conversation once', () => {
    fc.assert(
      fc.property(snapshotArb, ({ agents, conversations }) => {
        const r = route({ queues: DEFAULT_QUEUES, agents, conversations }, NOW);
        const byId = new Map(agents.map((a) => [a.id, a]));
        const added = new Map<string, number>();
        const seen = new Set<string>();
        for (const o of r.offers) {
          const a = byId.get(o.agentId)!;
          const c = conversations.find((x) => x.id === o.conversationId)!;
          if (a.presence !== 'online') return false;
          if ((c.declinedBy ?? []).includes(a.id)) return false;
          if (c.queue === 'sales' && o.queue !== 'sales') return false;
          if (seen.has(o.conversationId)) return false;
          seen.add(o.conversationId);
          added.set(a.id, (added.get(a.id) ?? 0) + 1);
        }
        for (const [id, n] of added) {
          const a = byId.get(id)!;
          if (a.load + n > a.capacity) return false;
        }
        for (const w of r.waiting) {
          if (seen.has(w.conversationId)) return false;
          seen.add(w.conversationId);
        }
        return seen.size === conversations.length;
      }),
      { numRuns: 300 },
    );
  });

  it('never skips a higher-priority conversation for a lower one the same agent fits', () => {
    fc.assert(
      fc.property(snapshotArb, ({ agents, conversations }) => {
        const r = route({ queues: DEFAULT_QUEUES, agents, conversations }, NOW);
        const byId = new Map(agents.map((a) => [a.id, a]));
        const left = conversations.filter((c) =>
          r.waiting.some((w) => w.conversationId === c.id && w.reason !== 'PULL_MODE'),
        );
        for (const o of r.offers) {
          const lower = conversations.find((c) => c.id === o.conversationId)!;
          const a = byId.get(o.agentId)!;
          for (const higher of left) {
            if (compareWaiting(higher, lower) < 0 && fitsOwnQueue(a, higher)) return false;
          }
        }
        return true;
      }),
      { numRuns: 300 },
    );
  });
});
