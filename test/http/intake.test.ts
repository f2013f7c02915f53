/** Intake: up to two skippable questions before a non-explicit handoff; never against the customer's wish. */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, login, startConversation } from '../helpers/api-client.ts';
import { startTestServer, type TestServer } from '../helpers/test-server.ts';

// The default policy, with intake before sensitive-topic handoffs (order id, then email).
const policy = readFileSync('policies/default.yaml', 'utf8').replace(
  /( {2}- id: sensitive-topic[\s\S]*?)collect: \[order_id, account_id, amount\]/,
  '$1action: intake\n    collect: [order_id, email]',
);

describe('intake', () => {
  let s: TestServer;
  beforeAll(async () => {
    expect(policy).toContain('action: intake');
    const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'baton-intake-')), 'policy.yaml');
    writeFileSync(file, policy);
    s = await startTestServer({ env: { BATON_POLICY_FILE: file } });
  });
  afterAll(async () => {
    await s?.close();
  });
  const say = async (c: { id: string; token: string }, text: string) =>
    (
      await api(s.baseUrl, 'POST', `/api/v1/conversations/${c.id}/messages`, {
        token: c.token,
        body: { text },
      })
    ).body.events as any[];

  it('asks for what is missing, reuses what was said, accepts a skip, then hands over with it', async () => {
    const c = await startConversation(s.baseUrl);
    const first = await say(c, 'I want a refund, the blender I got is broken');
    expect(first.map((e) => e.type)).toContain('conversation.intake_started');
    expect(first.at(-1).data.text).toMatch(/order number/);

    const second = await say(c, 'sure, it is order 55031');
    expect(second.at(-1).data.text).toMatch(/email address/);

    const third = await say(c, 'skip');
    expect(third.map((e) => e.type)).toContain('conversation.handed_over');
    const agent = await login(s.baseUrl, s.demoAgent.email, s.demoAgent.password);
    const packet = (
      await api(s.baseUrl, 'GET', `/api/v1/conversations/${c.id}/packet`, { token: agent })
    ).body.packet;
    expect(packet.fields.order_id).toBe('55031');
    expect(packet.queue).toBe('billing');
    expect(packet.reasons[0].code).toBe('topic_policy');
  });

  it('does not ask for what the customer already said', async () => {
    const c = await startConversation(s.baseUrl);
    const first = await say(c, 'I want a refund for order 77120, the mug arrived cracked');
    expect(first.at(-1).data.text).toMatch(/email address/);
    expect(first.at(-1).data.text).not.toMatch(/order number/);
  });

  it('hands over at once when the customer asks for a person during intake', async () => {
    const c = await startConversation(s.baseUrl);
    await say(c, 'I want a refund, the blender I got is broken');
    const asked = await say(c, 'no, just get me a real person please');
    expect(asked.map((e) => e.type)).toContain('conversation.handed_over');
    expect((await s.server.store.conversations.get(c.id))?.handoff?.reasons[0]).toBe(
      'explicit_request',
    );
  });
});
