// Does one rule hold? Signals (`any` / `all`) plus conditions on channel, language and the
// customer record. Returns the trace entry and the signal that made it pass.
import type { Customer } from '../transcript/transcript-schema.ts';
import type { SignalMap } from './compute-signals.ts';
import type { PolicyInput, SignalResult, TraceEntry } from './decision-types.ts';
import type { PolicyRule } from './policy-schema.ts';

export interface RuleMatch {
  trace: TraceEntry;
  /** The strongest firing signal, when the rule passed. */
  signal?: SignalResult;
}

function customerProblems(rule: PolicyRule, customer: Customer | undefined): string[] {
  const want = rule.when.customer;
  if (!want) return [];
  const c = customer ?? {};
  const problems: string[] = [];
  if (want.tier && !want.tier.includes(c.tier ?? '')) problems.push(`tier ${c.tier ?? '(none)'}`);
  if (want.min_lifetime_value !== undefined && (c.lifetime_value ?? 0) < want.min_lifetime_value) {
    problems.push(`lifetime_value ${c.lifetime_value ?? 0}`);
  }
  if (
    want.at_risk_of_churn !== undefined &&
    (c.at_risk_of_churn ?? false) !== want.at_risk_of_churn
  ) {
    problems.push(`at_risk_of_churn ${String(c.at_risk_of_churn ?? false)}`);
  }
  if (
    want.min_previous_escalations !== undefined &&
    (c.previous_escalations ?? 0) < want.min_previous_escalations
  ) {
    problems.push(`previous_escalations ${c.previous_escalations ?? 0}`);
  }
  return problems;
}

function expected(rule: PolicyRule): string {
  const w = rule.when;
  const parts: string[] = [];
  if (w.any) parts.push(`any of [${w.any.join(', ')}]`);
  if (w.all) parts.push(`all of [${w.all.join(', ')}]`);
  if (w.channel) parts.push(`channel in [${w.channel.join(', ')}]`);
  if (w.language) parts.push(`language in [${w.language.join(', ')}]`);
  if (w.customer) parts.push(`customer ${JSON.stringify(w.customer)}`);
  return parts.join('; ');
}

/** Evaluates `rule` against the computed signals and the conversation's context. */
export function matchRule(rule: PolicyRule, signals: SignalMap, input: PolicyInput): RuleMatch {
  const exp = expected(rule);
  if (!rule.enabled)
    return { trace: { rule: rule.id, expected: exp, actual: 'rule disabled', passed: false } };
  const anyFired = (rule.when.any ?? []).map((n) => signals.get(n)).filter((s) => s?.fired);
  const allSignals = (rule.when.all ?? []).map((n) => signals.get(n));
  const problems: string[] = [];
  if (rule.when.any && anyFired.length === 0) {
    problems.push(
      rule.when.any.map((n) => `${n}: ${signals.get(n)?.actual ?? 'unknown'}`).join('; '),
    );
  }
  for (const s of allSignals) if (s && !s.fired) problems.push(`${s.name}: ${s.actual}`);
  if (rule.when.channel && !rule.when.channel.includes(input.channel))
    problems.push(`channel ${input.channel}`);
  if (rule.when.language && !rule.when.language.includes(input.language ?? '')) {
    problems.push(`language ${input.language ?? '(none)'}`);
  }
  problems.push(...customerProblems(rule, input.customer));
  const firing = [...anyFired, ...allSignals.filter((s) => s?.fired)] as SignalResult[];
  firing.sort((x, y) => y.strength - x.strength);
  const passed = problems.length === 0 && firing.length > 0;
  const actual = passed
    ? firing.map((s) => `${s.name}: ${s.actual}`).join('; ')
    : problems.join('; ');
  return passed
    ? { trace: { rule: rule.id, expected: exp, actual, passed }, signal: firing[0]! }
    : { trace: { rule: rule.id, expected: exp, actual, passed } };
}
