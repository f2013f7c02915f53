/** The policy in force: loaded from a file, reloaded without a restart, bad versions refused. */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, login, startConversation } from '../helpers/api-client.ts';
import { startTestServer, type TestServer } from '../helpers/test-server.ts';

const original = readFileSync('policies/default.yaml', 'utf8');

describe('policy reload', () => {
  let s: TestServer;
  let file: string;
  beforeAll(async () => {
    file = path.join(mkdtempSync(path.join(os.tmpdir(), 'baton-policy-')), 'policy.yaml');
    writeFileSync(file, original.replace(/^version: .*$/m, 'version: "test-1"'));
    s = await startTestServer({ env: { BATON_POLICY_FILE: file } });
  });
  afterAll(async () => {
    await s?.close();
  });

  it('reloads a new version, refuses a broken one with its line, and keeps deciding', async () => {
    const supervisor = await login(s.baseUrl, 'riley@example.com', s.demoAgent.password);
    const agent = await login(s.baseUrl, s.demoAgent.email, s.demoAgent.password);
    expect((await api(s.baseUrl, 'GET', '/api/v1/policy', { token: agent })).body.version).toBe(
      'test-1',
    );

    writeFileSync(file, original.replace(/^version: .*$/m, 'version: "test-2"'));
    const reloaded = await api(s.baseUrl, 'POST', '/api/v1/policy/reload', { token: supervisor });
    expect(reloaded.body).toEqual({ ok: true, version: 'test-2', problems: [] });

    writeFileSync(file, 'version: "broken"\nrules:\n  - name: 12\n    oops: [\n');
    const refused = await api(s.baseUrl, 'POST', '/api/v1/policy/reload', { token: supervisor });
    expect(refused.body.ok).toBe(false);
    expect(refused.body.version).toBe('test-2');
    expect(refused.body.problems[0]).toMatch(/policy\.yaml:\d+:\d+: /);
    const status = await api(s.baseUrl, 'GET', '/api/v1/policy', { token: agent });
    expect(status.body.lastRejected.problems.length).toBeGreaterThan(0);

    const c = await startConversation(s.baseUrl);
    const r = await api(s.baseUrl, 'POST', `/api/v1/conversations/${c.id}/messages`, {
      token: c.token,
      body: { text: 'get me a real person pls' },
    });
    expect(r.body.events.map((e: any) => e.type)).toContain('conversation.handed_over');
    const inbox = await api(s.baseUrl, 'GET', '/api/v1/inbox', { token: agent });
    expect(inbox.body.conversations.find((x: any) => x.id === c.id).handoff.policyVersion).toBe(
      'test-2',
    );

    const forbidden = await api(s.baseUrl, 'POST', '/api/v1/policy/reload', { token: agent });
    expect(forbidden.status).toBe(403);
  });

  it('does not start on an invalid policy, and says why', async () => {
    const bad = path.join(mkdtempSync(path.join(os.tmpdir(), 'baton-policy-')), 'bad.yaml');
    writeFileSync(bad, 'version: 1\nrules: nope\n');
    await expect(startTestServer({ env: { BATON_POLICY_FILE: bad } })).rejects.toThrow(
      /escalation policy is invalid[\s\S]*bad\.yaml:\d+:\d+/,
    );
  });
});
