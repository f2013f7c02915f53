import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { CONVERSATION_STATES } from '../../../src/core/conversation/conversation-state.ts';
import { defaultQueueMap } from '../../../src/core/routing/default-queues.ts';
import { findDeadEnds } from '../../../src/core/sla/find-dead-ends.ts';
import { nextTimers, type TimerConversation } from '../../../src/core/sla/next-timers.ts';

const queues = defaultQueueMap();
const billing = queues.get('billing')!; // 300 s target, falls back to general
const sales = queues.get('sales')!; // no fallback
const now = new Date('2026-03-02T10:00:00Z');
const at = (s: number) => new Date(now.getTime() + s * 1000);

const conv = (over: Partial<TimerConversation> = {}): TimerConversation => ({
  id: 'c1',
  state: 'queued',
  waitingSince: now,
  slaStage: 0,
  offeredTo: null,
  offeredAt: null,
  followUpAt: null,
  lastCustomerMessageAt: null,
  ...over,
});

describe('nextTimers', () => {
  it('climbs the SLA ladder: bump, overflow, alert, then an alert per target', () => {
    const rung = (slaStage: number, queue = billing) =>
      nextTimers(conv({ slaStage }), queue, now).find((t) => t.kind === 'sla_breach');
    expect(rung(0)).toMatchObject({ action: 'priority_bump', dueAt: at(300) });
    expect(rung(1)).toMatchObject({ action: 'overflow', dueAt: at(450) });
    expect(rung(2)).toMatchObject({ action: 'supervisor_alert', dueAt: at(600) });
    expect(rung(3)).toMatchObject({ action: 'supervisor_alert', dueAt: at(900) });
    expect(rung(1, sales)).toMatchObject({ action: 'supervisor_alert', dueAt: at(450) });
  });

  it('times out an offer and keeps the promised follow-up', () => {
    expect(
      nextTimers(conv({ state: 'offered', offeredTo: 'a1', offeredAt: now }), billing, now),
    ).toEqual([{ conversationId: 'c1', kind: 'offer_timeout', agentId: 'a1', dueAt: at(30) }]);
    const promised = at(3600 * 14);
    expect(nextTimers(conv({ state: 'deferred', followUpAt: promised }), billing, now)).toEqual([
      { conversationId: 'c1', kind: 'follow_up_due', dueAt: promised },
    ]);
  });

  it('checks on a silent customer', () => {
    const timers = nextTimers(
      conv({ state: 'assigned', lastCustomerMessageAt: now }),
      billing,
      now,
    );
    expect(timers).toEqual([
      { conversationId: 'c1', kind: 'customer_inactivity', dueAt: at(1800) },
    ]);
  });

  it('leaves no dead end for any state and history', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...CONVERSATION_STATES),
        fc.nat(6),
        fc.constantFrom(...queues.values()),
        fc.option(fc.integer({ min: -1e6, max: 1e6 }).map(at)),
        (state, slaStage, queue, maybe) => {
          const c = conv({
            state,
            slaStage,
            followUpAt: maybe,
            offeredAt: maybe,
            waitingSince: maybe,
          });
          const timers = nextTimers(c, queue, now);
          return findDeadEnds([c], timers).length === 0;
        },
      ),
    );
  });
});

describe('findDeadEnds', () => {
  it('lists waiting conversations without the timer that moves them on', () => {
    const conversations = [
      { id: 'q', state: 'queued' },
      { id: 'o', state: 'offered' },
      { id: 'd', state: 'deferred' },
      { id: 'a', state: 'assigned' },
      { id: 'ok', state: 'queued' },
    ] as const;
    const timers = [
      { conversationId: 'q', kind: 'customer_inactivity' },
      { conversationId: 'o', kind: 'offer_timeout', status: 'fired' },
      { conversationId: 'ok', kind: 'sla_breach' },
    ] as const;
    expect(findDeadEnds(conversations, timers)).toEqual([
      { conversationId: 'q', state: 'queued', missing: 'sla_breach' },
      { conversationId: 'o', state: 'offered', missing: 'offer_timeout' },
      { conversationId: 'd', state: 'deferred', missing: 'follow_up_due' },
    ]);
  });
});
