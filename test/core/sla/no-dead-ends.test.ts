// Drives the real conversation state machine with random commands and, after every step,
// re-arms timers the way the server does (`nextTimers`) and checks the invariant.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { ConversationCommand } from '../../../src/core/conversation/conversation-command.ts';
import type { ConversationSnapshot } from '../../../src/core/conversation/conversation-state.ts';
import { transition } from '../../../src/core/conversation/transition.ts';
import { defaultQueueMap } from '../../../src/core/routing/default-queues.ts';
import { DEFAULT_CALENDARS } from '../../../src/core/sla/business-calendar.ts';
import { findDeadEnds } from '../../../src/core/sla/find-dead-ends.ts';
import { nextOpening } from '../../../src/core/sla/is-open.ts';
import { nextTimers, type TimerConversation } from '../../../src/core/sla/next-timers.ts';

const queues = defaultQueueMap();
const calendars = new Map(DEFAULT_CALENDARS.map((c) => [c.id, c]));
const QUEUE_IDS = [...queues.keys()];

const commandArb: fc.Arbitrary<ConversationCommand> = fc.oneof(
  fc.constantFrom(...QUEUE_IDS).map((queue) => ({ type: 'hand_over', queue }) as const),
  fc.constantFrom('a1', 'a2').map((agentId) => ({ type: 'offer', agentId }) as const),
  fc.constantFrom('a1', 'a2').map((agentId) => ({ type: 'decline_offer', agentId }) as const),
  fc.constant({ type: 'expire_offer' } as const),
  fc.constantFrom('a1', 'a2').map((agentId) => ({ type: 'claim', agentId }) as const),
  fc
    .tuple(fc.constantFrom('a1', 'a2'), fc.constantFrom(...QUEUE_IDS))
    .map(([agentId, toQueue]) => ({ type: 'transfer', agentId, toQueue }) as const),
  fc.constant({ type: 'release', reason: 'agent_offline' } as const),
  fc.constant({ type: 'defer' } as const),
  fc.constant({ type: 'resume_deferred' } as const),
  fc.constant({ type: 'abandon' } as const),
  fc.constantFrom('a1', 'a2').map((agentId) => ({ type: 'resolve', agentId }) as const),
);

describe('no dead ends across the conversation state machine', () => {
  it('holds after every step of random scenarios', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(commandArb, fc.integer({ min: 1, max: 36_000 })), { maxLength: 30 }),
        (steps) => {
          let state: ConversationSnapshot = {
            state: 'bot',
            assigneeId: null,
            offeredTo: null,
            queue: null,
          };
          let now = new Date('2026-03-06T16:00:00Z'); // a Friday afternoon in Berlin
          let since: Date | null = null;
          for (const [command, seconds] of steps) {
            now = new Date(now.getTime() + seconds * 1000);
            const r = transition(state, command, now);
            if (!r.ok) continue;
            if (r.state.state !== state.state || r.state.queue !== state.queue) since = now;
            state = r.state;
            const queue = queues.get(state.queue ?? 'general')!;
            const conversation: TimerConversation = {
              id: 'c',
              state: state.state,
              waitingSince: since,
              slaStage: 0,
              offeredTo: state.offeredTo,
              offeredAt: state.state === 'offered' ? now : null,
              // Deferred: the follow-up is promised for the queue's next opening.
              followUpAt: nextOpening(calendars.get(queue.calendarId)!, now),
              lastCustomerMessageAt: now,
            };
            const timers = nextTimers(conversation, queue, now);
            const dead = findDeadEnds([{ id: 'c', state: state.state }], timers);
            if (dead.length > 0) return false;
            // Every timer is due no earlier than the state was entered.
            if (timers.some((t) => t.dueAt.getTime() < (since ?? now).getTime())) return false;
          }
          return true;
        },
      ),
      { numRuns: 300 },
    );
  });

  it('catches a waiting conversation whose timer was cancelled', () => {
    expect(
      findDeadEnds(
        [{ id: 'c', state: 'deferred' }],
        [{ conversationId: 'c', kind: 'follow_up_due', status: 'cancelled' }],
      ),
    ).toEqual([{ conversationId: 'c', state: 'deferred', missing: 'follow_up_due' }]);
  });
});
