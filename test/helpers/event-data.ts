/**
 * Whole event data for tests that commit events by hand: the store and the writer take each
 * type's data as its writers write it (src/core/conversation/event-data.ts), so a fixture
 * handoff carries a summary, a packet and a decision as a real one does.
 */
import type { EventData } from '../../src/core/conversation/conversation-events.ts';
import { buildHandoffPacket } from '../../src/core/handoff/build-handoff-packet.ts';

/** A handoff to `queue` for `reasons` (an explicit request by default), at `now`. */
export function handedOverData(
  queue: string,
  reasons: readonly string[] = ['explicit_request'],
  now = new Date('2026-03-02T10:00:00Z'),
): EventData<'conversation.handed_over'> {
  const decision = {
    reasons: reasons.map((code) => ({ code, strength: 1, evidence: { turn: 0 } })),
    queue,
    skills: [],
    priority: 50,
    priorityContributions: [],
    fields: {},
    policyVersion: 'test',
  };
  return {
    at: now.toISOString(),
    reasons,
    queue,
    priority: decision.priority,
    policyVersion: decision.policyVersion,
    fields: {},
    packet: buildHandoffPacket({
      conversationId: 'c-test',
      channel: 'web',
      language: 'en',
      customer: {},
      turns: [],
      decision,
      history: { previousConversations: 0, previousEscalations: 0 },
      now,
    }),
    decision: { reasons: decision.reasons, skills: [], priorityContributions: [] },
  };
}
