// The timers' rule on its own: random command sequences through the real state machine and
// lifecycle fold; after every step the state's timers include one that moves it on, and
// applying `reconcileTimers` to what was pending yields exactly `timersFor`.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ConversationCommand } from '../../../src/core/conversation/conversation-command.ts';
import type { ConversationSnapshot } from '../../../src/core/conversation/conversation-state.ts';
import { advanceLifecycle, EMPTY_LIFECYCLE } from '../../../src/core/conversation/lifecycle.ts';
import {
  reconcileTimers,
  timersFor,
  type DueTimer,
  type TimerPolicy,
} from '../../../src/core/conversation/timers-for.ts';
import { transition } from '../../../src/core/conversation/transition.ts';
import { eventOf, messageCreated } from '../../../src/core/conversation/conversation-events.ts';
import { bumpPriority } from '../../../src/core/routing/bump-priority.ts';
import { credibleWait } from '../../../src/core/sla/credible-wait.ts';
import { COMMAND_EVENT_DATA } from '../../helpers/event-data.ts';

const policy: TimerPolicy = {
  slaSeconds: () => 300,
  offerSeconds: () => 30,
  replyDeadline: { nudgeSeconds: 120, alertSeconds: 240, requeueSeconds: 420 },
  abandonAfterSeconds: 300,
};
const agent = fc.constantFrom('a1', 'a2');
const command: fc.Arbitrary<ConversationCommand> = fc.oneof(
  fc.constant({ type: 'hand_over', queue: 'billing' } as const),
  agent.map((agentId) => ({ type: 'offer', agentId }) as const),
  agent.map((agentId) => ({ type: 'decline_offer', agentId }) as const),
  fc.constant({ type: 'expire_offer' } as const),
  agent.map((agentId) => ({ type: 'claim', agentId }) as const),
  agent.map((agentId) => ({ type: 'transfer', agentId, toQueue: 'general' }) as const),
  agent.map((agentId) => ({ type: 'transfer_to_agent', agentId, toAgentId: 'a3' }) as const),
  fc.constant({ type: 'reassign', toQueue: 'technical' } as const),
  agent.map((toAgentId) => ({ type: 'reassign', toAgentId }) as const),
  fc.constant({ type: 'requeue', reason: 'agent_silent' } as const),
  fc.constant({ type: 'release', reason: 'agent_offline' } as const),
  fc.constant({ type: 'defer' } as const),
  fc.constant({ type: 'resume_deferred' } as const),
  fc.constant({ type: 'abandon' } as const),
  agent.map((agentId) => ({ type: 'resolve', agentId }) as const),
);
const MOVES_ON = {
  queued: 'sla.first_response',
  offered: 'offer.expire',
  deferred: 'follow_up.due',
};

describe('timersFor', () => {
  it('always gives a waiting or deferred conversation a timer that moves it on', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(command, fc.nat(600), fc.boolean()), { maxLength: 40 }),
        (steps) => {
          let s: ConversationSnapshot = {
            state: 'bot',
            assigneeId: null,
            offeredTo: null,
            queue: null,
          };
          let lifecycle = EMPTY_LIFECYCLE;
          let pending: (DueTimer & { id: string })[] = [];
          let now = Date.parse('2026-12-01T09:00:00Z');
          let n = 0;
          for (const [c, seconds, customerWrites] of steps) {
            now += seconds * 1000;
            const r = transition(s, c, new Date(now));
            if (!r.ok) continue;
            s = r.state;
            const events = [
              eventOf(r.event.type, { type: 'system' }, COMMAND_EVENT_DATA[r.event.type]),
              ...(customerWrites ? [messageCreated({ type: 'customer' }, { text: 'hello?' })] : []),
            ];
            const patch =
              s.state === 'deferred'
                ? {
                    followUp: {
                      at: new Date(now + 3_600_000).toISOString(),
                      reason: 'team_open' as const,
                    },
                  }
                : {};
            lifecycle = advanceLifecycle(lifecycle, s.state, events, new Date(now), patch);
            const state = { status: s.state, queue: s.queue, offeredTo: s.offeredTo, lifecycle };
            const wanted = timersFor(state, policy);
            const moving = MOVES_ON[s.state as keyof typeof MOVES_ON];
            if (moving) expect(wanted.map((t) => t.kind)).toContain(moving);
            if (s.state === 'assigned' && customerWrites)
              expect(wanted.map((t) => t.kind)).toContain('agent.reply_due');
            const { cancelIds, schedule } = reconcileTimers(pending, wanted);
            pending = [
              ...pending.filter((p) => !cancelIds.includes(p.id)),
              ...schedule.map((t) => ({ ...t, id: `t${n++}` })),
            ];
            expect(pending.map((t) => t.kind).sort()).toEqual(wanted.map((t) => t.kind).sort());
          }
        },
      ),
      { seed: 1203, numRuns: 300 },
    );
  });
});

describe('bumpPriority', () => {
  it('never passes the ceiling, never lowers, and never swaps two priorities', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 100 }), fc.integer({ min: 1, max: 100 }), (a, b) => {
        const bump = { step: 15, ceiling: 90 };
        const [x, y] = [bumpPriority(a, bump), bumpPriority(b, bump)];
        expect(x).toBeGreaterThanOrEqual(a);
        if (a < 90) expect(x).toBeLessThanOrEqual(90);
        if (a <= b) expect(x).toBeLessThanOrEqual(y);
      }),
      { seed: 1203 },
    );
    let p = 10;
    for (let i = 0; i < 50; i++) p = bumpPriority(p, { step: 15, ceiling: 90 });
    expect(p).toBe(90);
  });
});

describe('credibleWait', () => {
  it('never quotes less than the longest wait when free slots leave people waiting', () => {
    const input = {
      position: 2,
      agentsServing: 2,
      concurrency: 3,
      avgHandleMinutes: 6,
      freeSlots: 5,
    };
    expect(credibleWait(input, null)).toMatchObject({ lowMinutes: 0, highMinutes: 1 });
    expect(credibleWait(input, 29)!.highMinutes).toBeGreaterThanOrEqual(29);
  });
});
