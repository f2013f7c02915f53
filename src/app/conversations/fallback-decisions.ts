/**
 * Decisions the service makes when the bot cannot be asked or asks for a person itself:
 * never silence, always a handoff with a reason the team can count.
 */
import { isReasonCode } from '../../core/policy/policy-schema.ts';
import type { EscalationDecision } from './ports.ts';

/**
 * The bot itself asked for a person. Its reason is kept if it is one of the policy's reason
 * codes; anything else is recorded as out_of_scope with the bot's words as evidence.
 */
export function botRequestedDecision(
  decision: EscalationDecision,
  handoff: { reason: string; note?: string },
): EscalationDecision {
  const code = isReasonCode(handoff.reason) ? handoff.reason : 'out_of_scope';
  const text = handoff.note ? `${handoff.reason}: ${handoff.note}` : handoff.reason;
  return {
    ...decision,
    action: 'handoff',
    reasons: [code, ...decision.reasons.filter((r) => r !== code)],
    detail: {
      ...decision.detail,
      reasons: [
        { code, strength: 1, evidence: { turn: -1, text: `the bot asked for a person (${text})` } },
        ...decision.detail.reasons,
      ],
    },
  };
}

export function botErrorDecision(why: string): EscalationDecision {
  return {
    action: 'handoff',
    reasons: ['bot_error'],
    queue: 'general',
    priority: 60,
    policyVersion: 'builtin',
    fields: {},
    detail: {
      reasons: [{ code: 'bot_error', strength: 1, evidence: { turn: -1, text: why } }],
      skills: [],
      priorityContributions: [{ source: 'bot error', points: 60 }],
      missingFields: [],
      trace: [],
    },
  };
}
