// The public escalation scenarios (../shared/scenarios/public.jsonl) replayed by the real
// `baton replay --json` and scored by the shared scorer itself (score.mjs), which exits 1
// when a metric falls under its floor. The floors are the scorer's documented defaults,
// stated here so that a change to them is a change to this file.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { runCli } from '../cli/run-cli.ts';
import { describeShared, SCENARIOS_FILE, SCORER_FILE } from './shared-corpus.ts';

const FLOORS = {
  MIN_DECISION_ACC: '0.9',
  MIN_EXPLICIT_RECALL: '1.0',
  MIN_QUEUE_ACC: '0.85',
  MIN_FIELD_ACC: '0.9',
};

const dir = mkdtempSync(join(tmpdir(), 'baton-conformance-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describeShared('conformance: the public scenarios, replayed and scored by score.mjs', () => {
  it('gives every scenario an output line and passes the scorer’s floors', () => {
    const scenarios = readFileSync(SCENARIOS_FILE, 'utf8')
      .split('\n')
      .filter((l) => l.trim() !== '');
    const replay = runCli(['replay', SCENARIOS_FILE, '--json']);
    expect(replay.status, replay.stderr).toBe(0);
    const out = join(dir, 'public-replay.jsonl');
    writeFileSync(out, replay.stdout);

    const score = spawnSync(process.execPath, [SCORER_FILE, SCENARIOS_FILE, out], {
      encoding: 'utf8',
      env: { ...process.env, ...FLOORS },
    });
    expect(score.stdout).toContain(
      `outputs matched: ${scenarios.length}, missing: 0, unknown ids: 0`,
    );
    expect(score.stdout).toMatch(/explicit-request recall: 1\.00/);
    expect(score.status, score.stdout).toBe(0);
  }, 60_000);
});
