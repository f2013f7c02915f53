/**
 * Whole event data for tests that commit events by hand: the store and the writer take each
 * type's data as its writers write it (src/core/conversation/event-data.ts), so a fixture
 * handoff carries a summary, a packet and a decision as a real one does.
 */
import type {
  ConversationCommandType,
  EventTypeOf,
} from '../../src/core/conversation/conversation-command.ts';
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

/** Some data of each event a state-machine command records, for tests that fold them. */
export const COMMAND_EVENT_DATA: {
  readonly [T in EventTypeOf<ConversationCommandType>]: EventData<T>;
} = {
  'conversation.handed_over': handedOverData('billing'),
  'conversation.intake_started': {
    reasons: ['missing_fields'],
    queue: 'billing',
    missingFields: ['order_id'],
    decision: {},
  },
  'conversation.offered': { agentId: 'a1', expiresAt: '2026-03-02T10:00:30.000Z' },
  'conversation.offer_declined': { agentId: 'a1' },
  'conversation.offer_expired': { agentId: 'a1' },
  'conversation.assigned': { agentId: 'a1', agentName: 'Ada' },
  'conversation.transferred': { by: 'a1', toQueue: 'general' },
  'conversation.reassigned': {
    by: 's1',
    byName: 'Sam',
    fromStatus: 'queued',
    fromQueue: 'billing',
    fromAgentId: null,
    toQueue: 'technical',
  },
  'conversation.requeued': { reason: 'agent_silent', agentId: 'a1' },
  'conversation.returned_to_bot': { by: 'a1' },
  'conversation.deferred': { followUpAt: null, timeZone: 'UTC' },
  'conversation.resumed': { reason: 'team_open' },
  'conversation.abandoned': { reason: 'customer_left', waitedSeconds: null },
  'conversation.resolved': { by: 'a1' },
};
