/**
 * Adapts the escalation engine to the service's EscalationJudge port.
 * BRIDGE: until src/core/policy lands, only the explicit human request is judged here.
 */
import { detectHumanRequest } from '../../core/signals/detect-human-request.ts';
import type {
  EscalationDecision,
  EscalationJudge,
  TranscriptView,
} from '../conversations/ports.ts';

export function createPolicyJudge(): EscalationJudge {
  return {
    decide(conversation: TranscriptView): EscalationDecision {
      const last = [...conversation.turns].reverse().find((t) => t.from === 'customer');
      const request = last ? detectHumanRequest(last) : null;
      const handoff = request?.strength === 'strong';
      return {
        action: handoff ? 'handoff' : 'continue',
        reasons: handoff ? ['explicit_request'] : [],
        queue: 'general',
        priority: 50,
        policyVersion: 'bridge',
        fields: {},
        explanation: { request },
      };
    },
  };
}
