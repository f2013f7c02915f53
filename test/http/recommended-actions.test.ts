/** The policy's own "recommended next steps" table reaches the agent's handoff packet. */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, login, startConversation } from '../helpers/api-client.ts';
import { startTestServer, type TestServer } from '../helpers/test-server.ts';

const TABLE = `
recommendedActions:
  - when: { topics: [refund] }
    actions: [Open the order in Shopify, Refund through the payment provider]
  - when: { reasons: [explicit_request] }
    actions: [Say hello by name]
`;

describe('recommended actions from the policy', () => {
  let s: TestServer;
  beforeAll(async () => {
    const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'baton-actions-')), 'p.yaml');
    writeFileSync(file, readFileSync('policies/default.yaml', 'utf8') + TABLE);
    s = await startTestServer({ env: { BATON_POLICY_FILE: file } });
  });
  afterAll(async () => {
    await s?.close();
  });

  it('replaces the built-in table', async () => {
    const c = await startConversation(s.baseUrl);
    await api(s.baseUrl, 'POST', `/api/v1/conversations/${c.id}/messages`, {
      token: c.token,
      body: { text: 'I want a refund for order 12345, it arrived broken' },
    });
    const agent = await login(s.baseUrl, s.demoAgent.email, s.demoAgent.password);
    const packet = (
      await api(s.baseUrl, 'GET', `/api/v1/conversations/${c.id}/packet`, { token: agent })
    ).body.packet;
    expect(packet.intent.topic).toBe('refund');
    expect(packet.recommendedActions).toEqual([
      'Open the order in Shopify',
      'Refund through the payment provider',
    ]);
  });
});
