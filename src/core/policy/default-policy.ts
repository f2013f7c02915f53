// The built-in default policy, parsed once on first use.
import { DEFAULT_POLICY_YAML } from './default-policy-yaml.ts';
import { loadPolicy } from './load-policy.ts';
import type { Policy } from './policy-schema.ts';

let cached: Policy | undefined;

/** The parsed, frozen built-in default policy (policies/default.yaml). */
export function getDefaultPolicy(): Policy {
  if (cached) return cached;
  const result = loadPolicy(DEFAULT_POLICY_YAML, 'builtin:default');
  if (!result.ok) {
    // Unreachable unless the shipped file is broken; a test loads it on every run.
    throw new Error(`built-in default policy is invalid: ${JSON.stringify(result.errors)}`);
  }
  cached = result.policy;
  return cached;
}
