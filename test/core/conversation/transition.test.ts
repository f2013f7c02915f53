/** The conversation state machine: examples, then properties over random event sequences. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ConversationCommand } from '../../../src/core/conversation/conversation-command.ts';
import {
  CONVERSATION_STATES,
  type ConversationSnapshot,
} from '../../../src/core/conversation/conversation-state.ts';
import { transition } from '../../../src/core/conversation/transition.ts';

const now = new Date('2026-11-22T10:00:00Z');
const start: ConversationSnapshot = {
  state: 'bot',
  assigneeId: null,
  offeredTo: null,
  queue: null,
};

function run(commands: ConversationCommand[], from = start) {
  let s = from;
  for (const c of commands) {
    const r = transition(s, c, now);
    if (!r.ok) return { state: s, error: r.code };
    s = r.state;
  }
  return { state: s, error: null };
}

describe('transition', () => {
  it('walks the main path bot → queued → assigned → resolved and names each event', () => {
    const steps: ConversationCommand[] = [
      { type: 'hand_over', queue: 'billing' },
      { type: 'claim', agentId: 'a1' },
      { type: 'resolve', agentId: 'a1' },
    ];
    let s = start;
    const types: string[] = [];
    for (const c of steps) {
      const r = transition(s, c, now);
      if (!r.ok) throw new Error(r.code);
      types.push(r.event.type);
      expect(r.event.at).toBe(now.toISOString());
      s = r.state;
    }
    expect(types).toEqual([
      'conversation.handed_over',
      'conversation.assigned',
      'conversation.resolved',
    ]);
    expect(s).toEqual({ state: 'resolved', assigneeId: 'a1', offeredTo: null, queue: 'billing' });
  });

  it('lets only one agent own a conversation', () => {
    const claimed = run([
      { type: 'hand_over', queue: 'general' },
      { type: 'claim', agentId: 'a1' },
    ]);
    const r = transition(claimed.state, { type: 'claim', agentId: 'a2' }, now);
    expect(r).toEqual({ ok: false, code: 'ALREADY_CLAIMED' });
    expect(transition(claimed.state, { type: 'resolve', agentId: 'a2' }, now)).toEqual({
      ok: false,
      code: 'NOT_ASSIGNEE',
    });
    expect(transition(claimed.state, { type: 'return_to_bot', agentId: 'a2' }, now)).toEqual({
      ok: false,
      code: 'NOT_ASSIGNEE',
    });
  });

  it('reserves an offered conversation for the agent it was offered to', () => {
    const offered = run([
      { type: 'hand_over', queue: 'general' },
      { type: 'offer', agentId: 'a1' },
    ]).state;
    expect(transition(offered, { type: 'claim', agentId: 'a2' }, now)).toEqual({
      ok: false,
      code: 'ALREADY_CLAIMED',
    });
    const accepted = transition(offered, { type: 'claim', agentId: 'a1' }, now);
    expect(accepted.ok && accepted.state.state).toBe('assigned');
    const expired = transition(offered, { type: 'expire_offer' }, now);
    expect(expired.ok && expired.state).toEqual({
      state: 'queued',
      assigneeId: null,
      offeredTo: null,
      queue: 'general',
    });
  });

  it('keeps the queue on transfer and return, and refuses everything once closed', () => {
    const assigned = run([
      { type: 'hand_over', queue: 'billing' },
      { type: 'claim', agentId: 'a1' },
    ]).state;
    const moved = transition(
      assigned,
      { type: 'transfer', agentId: 'a1', toQueue: 'technical' },
      now,
    );
    expect(moved.ok && moved.state).toEqual({
      state: 'queued',
      assigneeId: null,
      offeredTo: null,
      queue: 'technical',
    });
    const back = transition(assigned, { type: 'return_to_bot', agentId: 'a1' }, now);
    expect(back.ok && back.state.state).toBe('bot');
    const abandoned = run([{ type: 'hand_over', queue: 'general' }, { type: 'abandon' }]).state;
    expect(abandoned.state).toBe('abandoned');
    expect(transition(abandoned, { type: 'claim', agentId: 'a1' }, now)).toEqual({
      ok: false,
      code: 'CONVERSATION_CLOSED',
    });
  });

  it('does not hand over twice', () => {
    const queued = run([{ type: 'hand_over', queue: 'general' }]).state;
    expect(transition(queued, { type: 'hand_over', queue: 'billing' }, now)).toEqual({
      ok: false,
      code: 'INVALID_TRANSITION',
    });
  });
});

const agentIds = fc.constantFrom('a1', 'a2', 'a3');
const queues = fc.constantFrom('general', 'billing', 'sales');
const command: fc.Arbitrary<ConversationCommand> = fc.oneof(
  queues.map((queue) => ({ type: 'hand_over' as const, queue })),
  queues.map((queue) => ({ type: 'start_intake' as const, queue })),
  agentIds.map((agentId) => ({ type: 'offer' as const, agentId })),
  agentIds.map((agentId) => ({ type: 'decline_offer' as const, agentId })),
  fc.constant({ type: 'expire_offer' as const }),
  agentIds.map((agentId) => ({ type: 'claim' as const, agentId })),
  fc
    .tuple(agentIds, queues)
    .map(([agentId, toQueue]) => ({ type: 'transfer' as const, agentId, toQueue })),
  fc.constant({ type: 'release' as const, reason: 'agent_offline' as const }),
  agentIds.map((agentId) => ({ type: 'return_to_bot' as const, agentId })),
  fc.constant({ type: 'defer' as const }),
  fc.constant({ type: 'resume_deferred' as const }),
  fc.constant({ type: 'abandon' as const }),
  fc.option(agentIds, { nil: null }).map((agentId) => ({ type: 'resolve' as const, agentId })),
);

function isValid(s: ConversationSnapshot): boolean {
  if (!CONVERSATION_STATES.includes(s.state)) return false;
  if (s.state === 'assigned' && s.assigneeId === null) return false;
  if (s.state !== 'assigned' && s.state !== 'resolved' && s.assigneeId !== null) return false;
  if ((s.state === 'offered') !== (s.offeredTo !== null)) return false;
  if (['queued', 'offered', 'assigned', 'deferred'].includes(s.state) && s.queue === null)
    return false;
  return true;
}

describe('transition properties', () => {
  it('never reaches an invalid state, whatever the sequence of commands', () => {
    fc.assert(
      fc.property(fc.array(command, { maxLength: 40 }), (commands) => {
        let s = start;
        for (const c of commands) {
          const r = transition(s, c, now);
          if (r.ok) s = r.state;
          expect(isValid(s)).toBe(true);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('never loses or silently changes the owner of an assigned conversation', () => {
    fc.assert(
      fc.property(fc.array(command, { maxLength: 40 }), (commands) => {
        let s = start;
        for (const c of commands) {
          const r = transition(s, c, now);
          if (!r.ok) continue;
          if (s.state === 'assigned') {
            const owner = s.assigneeId as string;
            // Only the owner's own action, or an explicit release, ends ownership…
            const byOwner = 'agentId' in c && c.agentId === owner;
            expect(byOwner || c.type === 'release').toBe(true);
            // …and nobody else becomes the owner in one step.
            if (r.state.state === 'assigned') expect(r.state.assigneeId).toBe(owner);
          }
          s = r.state;
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('refuses every command once resolved or abandoned', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('resolved' as const, 'abandoned' as const),
        command,
        (state, c) => {
          const r = transition(
            { state, assigneeId: null, offeredTo: null, queue: 'general' },
            c,
            now,
          );
          expect(r).toEqual({ ok: false, code: 'CONVERSATION_CLOSED' });
        },
      ),
    );
  });
});
