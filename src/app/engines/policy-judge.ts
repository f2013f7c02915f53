/**
 * Adapts the escalation engine (src/core/policy) to the service's EscalationJudge port. The
 * policy comes from a PolicySource, so a reload takes effect on the next message.
 */
import type { Decision } from '../../core/policy/index.ts';
import { evaluatePolicy } from '../../core/policy/index.ts';
import type { Channel } from '../../core/transcript/index.ts';
import type {
  EscalationDecision,
  EscalationJudge,
  TranscriptView,
} from '../conversations/ports.ts';
import type { PolicySource } from './policy-source.ts';

export function createPolicyJudge(source: PolicySource): EscalationJudge {
  return {
    decide(conversation: TranscriptView, now: Date): EscalationDecision {
      const decision = evaluatePolicy(
        {
          channel: conversation.channel as Channel,
          ...(conversation.language ? { language: conversation.language } : {}),
          customer: conversation.customer,
          turns: conversation.turns,
          startedAt: conversation.startedAt,
          now,
        },
        source.current(),
      );
      const actionRules = source.current().recommendedActions;
      return { ...toEscalationDecision(decision), ...(actionRules ? { actionRules } : {}) };
    },
  };
}

function toEscalationDecision(d: Decision): EscalationDecision {
  return {
    action: d.action,
    reasons: d.reasons.map((r) => r.code),
    queue: d.queue ?? 'general',
    priority: d.priority,
    policyVersion: d.policyVersion,
    fields: d.fields,
    detail: {
      reasons: d.reasons,
      skills: d.skills,
      priorityContributions: d.priorityContributions,
      missingFields: d.missingFields,
      trace: d.trace,
    },
  };
}
