import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from './run-cli.ts';

const dir = mkdtempSync(join(tmpdir(), 'baton-policy-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('baton policy check', () => {
  it('accepts the shipped default policy', () => {
    const r = runCli(['policy', 'check', 'policies/default.yaml']);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/policies\/default\.yaml: ok \(version \S+, 11 rules\)/);
  });

  it('prints file:line:col for every problem and exits 1', () => {
    const file = join(dir, 'broken.yaml');
    writeFileSync(
      file,
      [
        'version: 2',
        'thresholds:',
        '  amount: -5',
        'rules:',
        '  - id: a',
        '    reason: explicit_request',
        '    when: { any: [telepathy] }',
        '',
      ].join('\n'),
    );
    const r = runCli(['policy', 'check', file]);
    expect(r.status).toBe(1);
    const lines = r.stderr.trim().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(
      new RegExp(`^${file}:3:11: expected number to be greater or equal to 0`),
    );
    expect(lines[1]).toMatch(
      new RegExp(`^${file}:7:19: must be one of human_request.* \\(got "telepathy"\\)`),
    );
  });

  it('prints the built-in default policy', () => {
    const r = runCli(['policy', 'default']);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^# Baton default escalation policy/);
  });
});
