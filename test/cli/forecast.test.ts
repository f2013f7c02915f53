/**
 * `baton forecast` as an operator runs it (a child process on a real SQLite file): handoffs
 * made through a server on a fixed clock, then the week grid, the CSV, the JSON and bad options.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, login, startConversation } from '../helpers/api-client.ts';
import { startTestServer, type TestServer } from '../helpers/test-server.ts';

function forecastCli(args: string[], databaseUrl: string) {
  const r = spawnSync(process.execPath, ['bin/baton.mjs', 'forecast', ...args], {
    encoding: 'utf8',
    env: { ...process.env, DATABASE_URL: databaseUrl, FORCE_COLOR: '0' },
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

// Fresh Node processes loading the TypeScript CLI take seconds each on a busy machine.
describe('baton forecast', { timeout: 120_000 }, () => {
  const db = path.join(mkdtempSync(path.join(os.tmpdir(), 'baton-forecast-')), 'baton.db');
  const monday = ['--from', '2026-03-02T00:00:00Z', '--to', '2026-03-03T00:00:00Z'];
  let s: TestServer;
  const base = Date.parse('2026-03-02T10:00:00.000Z'); // a Monday
  let offsetMinutes = 0;
  beforeAll(async () => {
    s = await startTestServer({
      database: { url: db },
      clock: () => new Date(base + offsetMinutes * 60_000),
    });
    const agent = await login(s.baseUrl, s.demoAgent.email, s.demoAgent.password);
    // Four handoffs between 10:00 and 11:00, each taken at once and held 15 minutes.
    for (const start of [0, 15, 30, 45]) {
      offsetMinutes = start;
      const c = await startConversation(s.baseUrl);
      await api(s.baseUrl, 'POST', `/api/v1/conversations/${c.id}/messages`, {
        token: c.token,
        body: { action: 'request_human' },
      });
      await api(s.baseUrl, 'POST', `/api/v1/conversations/${c.id}/claim`, { token: agent });
      offsetMinutes = start + 15;
      await api(s.baseUrl, 'POST', `/api/v1/conversations/${c.id}/resolve`, {
        token: agent,
        body: { resolved: true, botCouldHaveHandled: false },
      });
    }
  });
  afterAll(async () => {
    await s?.close();
  });

  it('prints the week grid of agents needed, with the target and the model', () => {
    const r = forecastCli(
      [...monday, '--target', '0.8', '--within', '60', '--concurrency', '1'],
      db,
    );
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('4 conversations read');
    expect(r.stdout).toContain('Target: 80 % answered within 60 s. Erlang C');
    expect(r.stdout).toContain('handle time 15.0 min; 1 conversation per agent (as asked)');
    const rows = r.stdout.split('\n');
    expect(rows.find((l) => l.startsWith('hour'))).toMatch(
      /^hour\s+Mon\s+Tue\s+Wed\s+Thu\s+Fri\s+Sat\s+Sun$/,
    );
    // 4 an hour × 15 min is 1 erlang once settled, but the hour starts empty: 0.75 on average
    // (the modified offered load). Erlang C: 1 agent answers 26 % within 60 s, 2 answer 81 %;
    // the one agent at work is fewer than needed: "*".
    const ten = rows.find((l) => l.startsWith('10:00'))!.split(/\s+/);
    expect(ten.slice(1)).toEqual(['2*', '-', '-', '-', '-', '-', '-']);
    expect(rows.find((l) => l.startsWith('09:00'))!.split(/\s+/)[1]).toBe('0');
  });

  it('takes a laxer target: fewer agents', () => {
    const r = forecastCli(
      [...monday, '--target', '0.2', '--within', '60', '--concurrency', '1'],
      db,
    );
    const ten = r.stdout
      .split('\n')
      .find((l) => l.startsWith('10:00'))!
      .split(/\s+/);
    expect(ten[1]).toBe('1');
  });

  it('prints the CSV and the JSON report that the API serves', async () => {
    const csv = forecastCli([...monday, '--csv', '--concurrency', '1'], db);
    const rows = csv.stdout.trimEnd().split('\r\n');
    expect(rows).toHaveLength(169);
    expect(rows[11]).toMatch(/^10,Mon,10,4,900,/);
    const json = JSON.parse(forecastCli([...monday, '--json', '--concurrency', '1'], db).stdout);
    const supervisor = await login(s.baseUrl, 'riley@example.com', s.demoAgent.password);
    const fromApi = await api(
      s.baseUrl,
      'GET',
      '/api/v1/analytics/forecast?from=2026-03-02T00:00:00Z&to=2026-03-03T00:00:00Z&concurrency=1',
      { token: supervisor },
    );
    expect(json.forecast).toEqual(fromApi.body.forecast);
    expect(json.forecast.hours[10].agentsNeeded).toBe(2);
  });

  it('rejects bad options with exit code 2', () => {
    for (const [args, message] of [
      [['--target', '80'], /--target/],
      [['--within', '-1'], /--within/],
      [['--concurrency', '0'], /--concurrency/],
      [['--from', 'yesterday'], /--from/],
      [['--from', '2026-03-03T00:00:00Z', '--to', '2026-03-02T00:00:00Z'], /before --to/],
    ] as const) {
      const r = forecastCli([...args], db);
      expect(r.status).toBe(2);
      expect(r.stderr).toMatch(message);
    }
  });
});
