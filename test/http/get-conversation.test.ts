/**
 * GET /api/v1/conversations/:id answers with one of two schemas (src/http/routes/schemas.ts):
 * agents the full view, the customer the reduced one. Both must come through the serializer
 * whole: a field the schema lost would vanish from the answer without an error.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, login, startConversation } from '../helpers/api-client.ts';
import { startTestServer, type TestServer } from '../helpers/test-server.ts';

describe('GET /api/v1/conversations/:id', () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer({ engine: 'sqlite' });
  });
  afterAll(async () => {
    await s?.close();
  });

  it('gives the agent the full view and the customer the reduced one', async () => {
    const c = await startConversation(s.baseUrl, {
      customer: { name: 'Sarah', email: 'sarah@example.com', plan: 'gold' },
    });
    await api(s.baseUrl, 'POST', `/api/v1/conversations/${c.id}/messages`, {
      token: c.token,
      body: { text: 'I want to talk to a human' },
    });
    const agentToken = await login(s.baseUrl, s.demoAgent.email, s.demoAgent.password);
    const path = `/api/v1/conversations/${c.id}`;

    const forAgent = (await api(s.baseUrl, 'GET', path, { token: agentToken })).body.conversation;
    expect(forAgent).toMatchObject({
      id: c.id,
      status: 'queued',
      queue: 'general',
      assignee: null,
      customer: { name: 'Sarah', email: 'sarah@example.com', plan: 'gold' },
      handoff: { queue: 'general', reasons: expect.arrayContaining(['explicit_request']) },
    });
    expect(typeof forAgent.handoff.policyVersion).toBe('string');
    expect(forAgent).toHaveProperty('updatedAt');
    expect(forAgent).toHaveProperty('preview');

    const forCustomer = (await api(s.baseUrl, 'GET', path, { token: c.token })).body.conversation;
    expect(Object.keys(forCustomer).sort()).toEqual(
      ['channel', 'createdAt', 'id', 'language', 'lastSeq', 'status'].sort(),
    );
    expect(forCustomer.status).toBe('queued');
  });
});
