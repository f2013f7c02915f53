/**
 * Outcomes back into policy tuning: conversations handled through the API are exported with
 * labels derived from agents' outcomes and CSAT, and `baton replay` scores a policy against
 * them. Real server, real database, the real command.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, login, startConversation } from '../helpers/api-client.ts';
import { startTestServer, type TestServer } from '../helpers/test-server.ts';

function baton(args: string[], databaseUrl: string) {
  const r = spawnSync(process.execPath, ['bin/baton.mjs', ...args], {
    encoding: 'utf8',
    env: { ...process.env, DATABASE_URL: databaseUrl, FORCE_COLOR: '0' },
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('outcomes as replay labels', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'baton-labels-'));
  const db = path.join(dir, 'baton.db');
  let s: TestServer;
  let agent: string;
  beforeAll(async () => {
    s = await startTestServer({ database: { url: db } });
    // A supervisor: the conversations land in queues (retention) no demo agent is a member
    // of, so they are in no agent's scope.
    agent = await login(s.baseUrl, 'riley@example.com', s.demoAgent.password);
  });
  afterAll(async () => {
    await s?.close();
  });

  async function conversation(texts: string[]) {
    const c = await startConversation(s.baseUrl, { customer: { name: 'Sarah' } });
    for (const text of texts) {
      await api(s.baseUrl, 'POST', `/api/v1/conversations/${c.id}/messages`, {
        token: c.token,
        body: { text },
      });
    }
    return c;
  }
  const act = (id: string, action: string, body: unknown = {}) =>
    api(s.baseUrl, 'POST', `/api/v1/conversations/${id}/${action}`, { token: agent, body });

  it('labels what the outcomes say, and replay scores a policy against the labels', async () => {
    const explicit = await conversation(['I want to talk to a human']);
    await act(explicit.id, 'claim');
    await act(explicit.id, 'resolve', { resolved: true, botCouldHaveHandled: true });

    const needless = await conversation(['I want a refund for order 12345']);
    await act(needless.id, 'claim');
    await act(needless.id, 'resolve', { resolved: true, botCouldHaveHandled: true });

    const needed = await conversation(['I want to cancel my subscription, it is too expensive']);
    await act(needed.id, 'claim');
    await act(needed.id, 'resolve', { resolved: true, botCouldHaveHandled: false });

    const happy = await conversation(['How long does shipping take?']);
    await api(s.baseUrl, 'POST', `/api/v1/conversations/${happy.id}/csat`, {
      token: happy.token,
      body: { rating: 5 },
    });
    const unlabelled = await conversation(['What payment methods do you accept?']);

    const file = path.join(dir, 'labelled.jsonl');
    const exported = baton(['export', '--labels', '-o', file], db);
    expect(exported.stderr).toMatch(/exported 5 conversations, 4 labelled from outcomes/);
    const lines = readFileSync(file, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    const expectOf = (id: string) => lines.find((l) => l.id === id)?.expect;
    expect(expectOf(explicit.id)).toEqual({ handoff: true, reasons_any: ['explicit_request'] });
    expect(expectOf(needless.id)).toEqual({ handoff: false });
    expect(expectOf(needed.id)).toMatchObject({ handoff: true, queue: 'retention' });
    expect(expectOf(happy.id)).toEqual({ handoff: false });
    expect(expectOf(unlabelled.id)).toBeUndefined();

    // The default policy handed the refund over; the agent said the bot could have kept it.
    const replayed = baton(['replay', file], db);
    expect(replayed.status).toBe(0);
    expect(replayed.stdout).toMatch(/labelled\s+4/);
    expect(replayed.stdout).toMatch(/right decision\s+75\.0% \(3\/4\)/);
    expect(replayed.stdout).toMatch(new RegExp(`false handoffs\\s+1: ${needless.id}`));
    expect(replayed.stdout).toMatch(/queue right\s+100\.0% \(1\/1\)/);
  });
});
