import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_POLICY_YAML,
  getDefaultPolicy,
  loadPolicy,
  REASON_CODES,
} from '../../../src/core/policy/index.ts';

const minimal = (rules: string) => `version: t1\nrules:\n${rules}`;

describe('loadPolicy', () => {
  it('ships policies/default.yaml as the built-in default, byte for byte', () => {
    expect(DEFAULT_POLICY_YAML).toBe(readFileSync('policies/default.yaml', 'utf8'));
  });

  it('loads the default policy with the spec thresholds', () => {
    const p = getDefaultPolicy();
    expect(p.thresholds).toMatchObject({
      low_confidence: 0.4,
      low_confidence_turns: 2,
      same_question: 3,
      clarifications: 2,
      topic_switches: 4,
      session_minutes: 10,
      amount: 500,
      unanswered_repeats: 2,
    });
    expect(new Set(p.rules.map((r) => r.reason))).toEqual(new Set(REASON_CODES));
  });

  it('rejects an unanswered_repeats that is not a whole number of at least 1', () => {
    for (const bad of ['0', '1.5', 'twice']) {
      const r = loadPolicy(
        `version: t1\nthresholds:\n  unanswered_repeats: ${bad}\nrules:\n  - id: ask\n    reason: explicit_request\n    when: { any: [human_request] }\n`,
      );
      expect(r.ok).toBe(false);
      if (r.ok) return;
      expect(r.errors.map((e) => `${e.line}:${e.column} ${e.path}`)).toEqual([
        '3:23 /thresholds/unanswered_repeats',
      ]);
    }
  });

  it('fills defaults for every omitted section and freezes the result', () => {
    const r = loadPolicy(
      minimal('  - id: ask\n    reason: explicit_request\n    when: { any: [human_request] }\n'),
    );
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.policy.thresholds.amount).toBe(500);
    expect(r.policy.queues.default).toBe('general');
    expect(r.policy.rules[0]?.action).toBe('handoff');
    expect(Object.isFrozen(r.policy.rules[0])).toBe(true);
  });

  it('points at the line and column of an unknown signal', () => {
    const text = minimal(
      '  - id: ask\n    reason: explicit_request\n    when: { any: [human_request, mind_reading] }\n',
    );
    const r = loadPolicy(text, 'p.yaml');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.source).toBe('p.yaml');
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0]).toMatchObject({ line: 5, column: 34, path: '/rules/0/when/any/1' });
    expect(r.errors[0]?.message).toMatch(/must be one of .*human_request/);
  });

  it('reports a wrong type, an unknown key and a missing key together', () => {
    const text = [
      'version: t1',
      'thresholds:',
      '  amount: lots',
      '  colour: blue',
      'rules:',
      '  - id: ask',
      '    when: { any: [human_request] }',
      '',
    ].join('\n');
    const r = loadPolicy(text);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const at = r.errors.map((e) => `${e.line}:${e.column} ${e.path}`);
    expect(at).toContain('3:11 /thresholds/amount');
    expect(at).toContain('4:3 /thresholds/colour');
    expect(at).toContain('6:5 /rules/0/reason');
    expect(r.errors.find((e) => e.path === '/rules/0/reason')?.message).toBe(
      'missing required key "reason"',
    );
  });

  it('reports YAML syntax errors with their position', () => {
    const r = loadPolicy('version: 1\nrules: [\n');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors[0]).toMatchObject({ line: 1, column: 1 });
    expect(r.errors[0]?.message).toMatch(/flow sequence/i);
  });

  it('rejects duplicate rule ids, unknown collect fields and bad field regexes', () => {
    const text = [
      'version: t1',
      'fields:',
      '  ticket: { pattern: "TCK-(\\\\d+" }',
      'rules:',
      '  - { id: a, reason: explicit_request, when: { any: [human_request] }, collect: [shoe_size] }',
      '  - { id: a, reason: security, when: { any: [security] } }',
      '',
    ].join('\n');
    const r = loadPolicy(text);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const messages = r.errors.map((e) => e.message).join('\n');
    expect(messages).toMatch(/invalid regular expression/);
    expect(messages).toMatch(/unknown field "shoe_size"/);
    expect(messages).toMatch(/duplicate rule id "a"/);
  });

  it('takes a recommended-actions table, and points at a bad reason in it', () => {
    const rule = '  - id: ask\n    reason: explicit_request\n    when: { any: [human_request] }\n';
    const good = loadPolicy(
      minimal(rule) +
        'recommendedActions:\n  - when: { topics: [refund] }\n    actions: [Check the order]\n',
    );
    expect(good.ok && good.policy.recommendedActions).toEqual([
      { when: { topics: ['refund'] }, actions: ['Check the order'] },
    ]);
    const bad = loadPolicy(
      minimal(rule) +
        'recommendedActions:\n  - when: { reasons: [refund_please] }\n    actions: [Check]\n',
      'p.yaml',
    );
    expect(bad.ok).toBe(false);
    if (bad.ok) return;
    expect(bad.errors[0]).toMatchObject({ line: 7, path: '/recommendedActions/0/when/reasons/0' });
  });

  it('refuses a document that is not a mapping', () => {
    const r = loadPolicy('- just\n- a list\n');
    expect(r.ok).toBe(false);
  });
});
