// evaluatePolicy: the escalation decision for a conversation at its latest customer turn, with
// the reasons (strongest first, with evidence), the queue, the priority and its addends, the
// fields collected, and a trace of every rule. Pure and total: it never throws on any text.
import { chooseQueue } from './choose-queue.ts';
import { collectFields } from './collect-fields.ts';
import { computePriority } from './compute-priority.ts';
import { computeSignals } from './compute-signals.ts';
import { viewConversation } from './conversation-view.ts';
import type { Decision, PolicyInput, Reason, SignalResult, TraceEntry } from './decision-types.ts';
import { matchRule } from './match-rule.ts';
import type { Policy, PolicyRule } from './policy-schema.ts';

export interface MatchedRule {
  rule: PolicyRule;
  signal: SignalResult;
}

/** Decides whether to continue with the bot, run intake, or hand over now. */
export function evaluatePolicy(input: PolicyInput, policy: Policy): Decision {
  const view = viewConversation(input);
  const signals = computeSignals(view, policy.thresholds);
  const trace: TraceEntry[] = [];
  const matched: MatchedRule[] = [];
  for (const rule of policy.rules) {
    const m = matchRule(rule, signals, input);
    trace.push(m.trace);
    if (m.signal) matched.push({ rule, signal: m.signal });
  }
  // Explicit requests always win; then by rule strength scaled by how clearly the signal holds.
  const rank = (m: MatchedRule) =>
    (m.rule.reason === 'explicit_request' ? 10 : 0) +
    m.rule.strength * (0.5 + m.signal.strength / 2);
  matched.sort((a, b) => rank(b) - rank(a));
  const reasons: Reason[] = [];
  for (const m of matched) {
    if (reasons.some((r) => r.code === m.rule.reason)) continue;
    reasons.push({
      code: m.rule.reason,
      rule: m.rule.id,
      strength: Math.round(rank(m) * 1000) / 1000 - (m.rule.reason === 'explicit_request' ? 10 : 0),
      evidence: m.signal.evidence ?? { turn: view.current },
    });
  }
  const fields = collectFields(view, policy);
  const top = matched[0];
  const { priority, contributions } = computePriority(view, policy, matched);
  if (!top) {
    return {
      action: 'continue',
      reasons,
      queue: null,
      skills: [],
      priority,
      priorityContributions: contributions,
      fields,
      missingFields: [],
      trace,
      policyVersion: policy.version,
    };
  }
  const missingFields = top.rule.collect.filter((f) => fields[f] === undefined);
  const explicit = top.rule.reason === 'explicit_request';
  const action =
    !explicit && top.rule.action === 'intake' && missingFields.length > 0 ? 'intake' : 'handoff';
  const skills = [...new Set(matched.flatMap((m) => m.rule.skills))];
  return {
    action,
    reasons,
    queue: chooseQueue(view, policy, top.rule, top.signal),
    skills,
    priority,
    priorityContributions: contributions,
    fields,
    missingFields,
    trace,
    policyVersion: policy.version,
  };
}
