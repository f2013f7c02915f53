/** GET /api/v1/canned-responses: the composer's saved replies, from config, for agents only. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, login, startConversation } from '../helpers/api-client.ts';
import { startTestServer, type TestServer } from '../helpers/test-server.ts';
import { loadConfig } from '../../src/config/load-config.ts';

describe('canned responses', () => {
  let defaults: TestServer;
  let configured: TestServer;
  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'baton-canned-'));
    writeFileSync(
      join(dir, 'baton.config.yaml'),
      'inbox:\n  cannedResponses:\n    - title: Hello\n      text: "Hi {{customer.name}}!"\n',
    );
    defaults = await startTestServer();
    configured = await startTestServer({ env: { BATON_CONFIG: join(dir, 'baton.config.yaml') } });
  });
  afterAll(async () => {
    await defaults?.close();
    await configured?.close();
  });

  const cannedOf = async (s: TestServer) => {
    const token = await login(s.baseUrl, s.demoAgent.email, s.demoAgent.password);
    return api(s.baseUrl, 'GET', '/api/v1/canned-responses', { token });
  };

  it('serves the default set, with variables left for the inbox to fill', async () => {
    const r = await cannedOf(defaults);
    expect(r.status).toBe(200);
    expect(r.body.cannedResponses.length).toBeGreaterThanOrEqual(3);
    for (const c of r.body.cannedResponses) {
      expect(c).toEqual({ title: expect.any(String), text: expect.any(String) });
    }
    expect(JSON.stringify(r.body)).toContain('{{customer.name}}');
  });

  it('serves the configured set instead', async () => {
    const r = await cannedOf(configured);
    expect(r.body.cannedResponses).toEqual([{ title: 'Hello', text: 'Hi {{customer.name}}!' }]);
  });

  it('refuses customers and anonymous callers', async () => {
    expect((await api(defaults.baseUrl, 'GET', '/api/v1/canned-responses')).status).toBe(401);
    const c = await startConversation(defaults.baseUrl);
    const asCustomer = await api(defaults.baseUrl, 'GET', '/api/v1/canned-responses', {
      token: c.token,
    });
    expect(asCustomer.status).toBe(401);
  });

  it('refuses a config entry without text, naming its path', () => {
    const dir = mkdtempSync(join(tmpdir(), 'baton-canned-bad-'));
    writeFileSync(join(dir, 'baton.config.yaml'), 'inbox:\n  cannedResponses:\n    - title: x\n');
    const loaded = loadConfig({ cwd: dir, env: {} });
    expect(loaded.ok).toBe(false);
    if (!loaded.ok) expect(loaded.errors.join('\n')).toMatch(/inbox\.cannedResponses/);
  });
});
