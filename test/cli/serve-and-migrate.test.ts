/** The `baton` command as a user runs it: a real child process. */
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const baton = path.resolve('bin/baton.mjs');

async function batonCli(args: string[], env: Record<string, string>, cwd: string) {
  try {
    const { stdout, stderr } = await run(process.execPath, [baton, ...args], {
      cwd,
      env: { ...process.env, ...env },
      timeout: 30_000,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe('baton CLI', () => {
  it('migrate creates the SQLite database, then reports it up to date', async () => {
    const cwd = mkdtempSync(path.join(os.tmpdir(), 'baton-cli-'));
    const first = await batonCli(['migrate'], { BATON_DATA_DIR: path.join(cwd, 'data') }, cwd);
    expect(first.code).toBe(0);
    expect(first.stdout).toContain('applied 001-initial');
    const second = await batonCli(['migrate'], { BATON_DATA_DIR: path.join(cwd, 'data') }, cwd);
    expect(second.stdout).toContain('the sqlite database is up to date');
  });

  it('serve refuses a bad configuration and lists every problem', async () => {
    const cwd = mkdtempSync(path.join(os.tmpdir(), 'baton-cli-'));
    writeFileSync(path.join(cwd, 'baton.config.yaml'), 'server:\n  port: -1\nunknownKey: true\n');
    const r = await batonCli(['serve'], { PORT: '', LOG_LEVEL: 'nope' }, cwd);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('the configuration is invalid');
    expect(r.stderr).toMatch(/baton\.config\.yaml:2:\d+: server\.port/);
    expect(r.stderr).toMatch(/unknownKey/);
    expect(r.stderr).toMatch(/LOG_LEVEL \(env\)/);
  });
});
