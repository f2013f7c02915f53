// Public surface of the escalation policy engine.
export * from './decision-types.ts';
export { evaluatePolicy } from './evaluate-policy.ts';
export { loadPolicy, type LoadPolicyResult, type PolicyProblem } from './load-policy.ts';
export { getDefaultPolicy } from './default-policy.ts';
export { DEFAULT_POLICY_YAML } from './default-policy-yaml.ts';
export * from './policy-schema.ts';
export * from './replay-transcript.ts';
export * from './summarize-replay.ts';
export * from './score-labels.ts';
