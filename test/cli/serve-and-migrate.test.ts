/** The `baton` command as a user runs it: a real child process. */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { createStore } from '../../src/store/store.ts';
import { storedHandoffMetrics } from '../helpers/stored-metrics.ts';

const run = promisify(execFile);
const baton = path.resolve('bin/baton.mjs');

async function batonCli(args: string[], env: Record<string, string>, cwd: string) {
  try {
    const { stdout, stderr } = await run(process.execPath, [baton, ...args], {
      cwd,
      env: { ...process.env, ...env },
      // Generous: two of these runs share one test, and CI runs it beside 300 other files on 2 cores.
      timeout: 60_000,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe('baton CLI', () => {
  it('demo-traffic fills a fresh instance with conversations worth analysing, the same for the same seed', async () => {
    const run = async () => {
      const cwd = mkdtempSync(path.join(os.tmpdir(), 'baton-cli-'));
      const r = await batonCli(
        ['demo-traffic', '--days', '2', '--per-day', '30', '--seed', '7'],
        {
          BATON_DATA_DIR: path.join(cwd, 'data'),
          BATON_KB_DIR: path.resolve('kb/demo'),
          DATABASE_URL: '',
        },
        cwd,
      );
      expect(r.code).toBe(0);
      const store = createStore({ url: path.join(cwd, 'data', 'baton.db') });
      const metrics = await storedHandoffMetrics(store, new Date(Date.now() + 60_000));
      expect(await store.timers.deadEnds()).toEqual([]);
      await store.close();
      return { stdout: r.stdout, metrics };
    };
    const first = await run();
    expect(first.stdout).toMatch(/simulated \d+ conversations over 2 days: \d+ handed over/);
    expect(first.metrics.conversations).toBeGreaterThan(40);
    expect(first.metrics.handoffs).toBeGreaterThan(5);
    expect(first.metrics.timeToHumanSeconds.count).toBeGreaterThan(0);
    expect(first.metrics.csat.botOnly.count + first.metrics.csat.handedOver.count).toBeGreaterThan(
      0,
    );
    expect(Object.keys(first.metrics.byReason).length).toBeGreaterThan(2);
    const second = await run();
    expect(second.metrics.handoffs).toBe(first.metrics.handoffs);
    expect(second.metrics.byReason).toEqual(first.metrics.byReason);
  }, 150_000);

  it('exports stored conversations as transcripts that replay', async () => {
    const cwd = mkdtempSync(path.join(os.tmpdir(), 'baton-cli-'));
    const db = path.join(cwd, 'data', 'baton.db');
    const store = createStore({ url: db });
    await store.migrate();
    const at = (s: number) => new Date(Date.UTC(2026, 10, 22, 10, 0, s));
    await store.conversations.create({
      id: 'c_export',
      channel: 'web',
      customer: { name: 'Sarah' },
      language: 'en',
      tokenHash: 'h',
      events: [
        {
          type: 'message.created',
          actor: { type: 'bot' },
          data: { from: 'bot', text: 'Hi, I am a bot.' },
        },
      ],
      now: at(0),
    });
    await store.conversations.commit({
      conversationId: 'c_export',
      events: [
        {
          type: 'message.created',
          actor: { type: 'customer' },
          data: { from: 'customer', text: 'I want to talk to a human' },
        },
      ],
      now: at(5),
    });
    await store.close();
    const out = path.join(cwd, 'export.jsonl');
    const exported = await batonCli(['export', '--out', out], { DATABASE_URL: db }, cwd);
    expect(exported.stderr).toContain('exported 1 conversation');
    const line = JSON.parse(readFileSync(out, 'utf8').trim());
    expect(line).toMatchObject({
      format: 'baton.transcript/1',
      id: 'c_export',
      channel: 'web',
      customer: { name: 'Sarah' },
      turns: [
        { from: 'bot', text: 'Hi, I am a bot.' },
        { from: 'customer', text: 'I want to talk to a human', at: '2026-11-22T10:00:05.000Z' },
      ],
    });
    const replayed = await batonCli(['replay', out, '--json'], {}, cwd);
    expect(JSON.parse(replayed.stdout.trim()).handoff).toMatchObject({
      at_turn: 1,
      reasons: ['explicit_request'],
    });
  });

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
