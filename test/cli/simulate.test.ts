import { describe, expect, it } from 'vitest';
import { runCli } from './run-cli.ts';

describe('baton simulate', () => {
  it('prints the estimator against the naive predictor as JSON, the same for the same seed', () => {
    const r = runCli(['simulate', '--hours', '24', '--seed', '1', '--json']);
    expect(r.status).toBe(0);
    // Not a terminal: no progress bar on stderr, and nothing but the report on stdout.
    expect(r.stderr).toBe('');
    const report = JSON.parse(r.stdout) as any;
    expect(report).toMatchObject({ hours: 24, seed: 1 });
    expect(report.estimator.samples).toBeGreaterThan(100);
    expect(report.estimator.coverage).toBeGreaterThanOrEqual(0.85);
    expect(report.estimator.medianAbsRelError).toBeLessThan(report.naive.medianAbsRelError);
    const again = runCli(['simulate', '--hours', '24', '--seed', '1', '--json']);
    expect(JSON.parse(again.stdout)).toEqual(report);
  });

  it('prints a readable table without --json', () => {
    const r = runCli(['simulate', '--hours', '12', '--seed', '2']);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/queue-length estimator/);
    expect(r.stdout).toMatch(/naive \(last 20 waits\)/);
  });

  it('rejects bad options with exit code 2', () => {
    const r = runCli(['simulate', '--hours', '-3']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/--hours/);
  });
});
