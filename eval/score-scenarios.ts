// Replays ../shared/scenarios/public.jsonl with the real CLI and runs the shared scorer on it,
// exactly as a reviewer would, and returns the scorer's output.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export function scoreScenarios(
  scenarios = '../shared/scenarios/public.jsonl',
  policyFile?: string,
): string {
  const dir = mkdtempSync(join(tmpdir(), 'baton-eval-'));
  try {
    const out = execFileSync(
      process.execPath,
      [
        'bin/baton.mjs',
        'replay',
        scenarios,
        '--json',
        ...(policyFile ? ['--policy', policyFile] : []),
      ],
      {
        encoding: 'utf8',
        maxBuffer: 64 * 1024 * 1024,
      },
    );
    const file = join(dir, 'replay.jsonl');
    writeFileSync(file, out);
    const scored = spawnSync(process.execPath, ['../shared/scenarios/score.mjs', scenarios, file], {
      encoding: 'utf8',
    });
    return `${scored.stdout}${scored.stderr}`;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
