/**
 * The audit log of agents' and admins' actions over a real server, on both engines: log-ins,
 * failed log-ins and log-outs; claim, reply (HTTP and socket), note, transfer, reassign,
 * resolve; policy and knowledge-base reloads — each with who, when and from which address;
 * read by page and filter, exported as CSV; a log-out closes that session's inbox socket at
 * once and leaves the agent's other sessions open.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, login, startConversation } from '../helpers/api-client.ts';
import { TEST_DATABASES } from '../helpers/databases.ts';
import { openSocket, tokenProtocols } from '../helpers/socket-client.ts';
import { startTestServer, type TestServer } from '../helpers/test-server.ts';
import { until } from '../helpers/until.ts';

describe.each(TEST_DATABASES)('audit log ($name)', (database) => {
  let s: TestServer;
  let admin: string;
  const password = () => s.demoAgent.password;
  const audit = async (query: string, token = admin) =>
    (await api(s.baseUrl, 'GET', `/api/v1/team/audit${query}`, { token })).body;

  beforeAll(async () => {
    if (database.skipReason) return;
    s = await startTestServer({ engine: database.name });
    admin = await login(s.baseUrl, 'morgan@example.com', password());
  });
  afterAll(async () => {
    await s?.close();
  });

  it.skipIf(database.skipReason)(
    'records log-ins, failures and log-outs with the address, never a password',
    async () => {
      const wrong = 'Wrong-Horse-Battery-9';
      const tries = [
        { email: 'alex@example.com', password: wrong },
        { email: 'nobody@example.com', password: wrong },
        { email: 'my secret words', password: wrong },
      ];
      for (const body of tries) {
        const r = await api(s.baseUrl, 'POST', '/api/v1/auth/login', { body });
        expect(r.status).toBe(401);
      }
      const token = await login(s.baseUrl, 'alex@example.com', password());
      const out = await api(s.baseUrl, 'POST', '/api/v1/auth/logout', { token });
      expect(out.status).toBe(204);

      const { entries } = await audit('?action=session.&limit=100');
      const alexId = entries.find(
        (e: any) => e.action === 'session.logged_in' && e.agent.name === 'Alex',
      )?.agent.id;
      expect(alexId).toBeTruthy();
      const latest = entries.slice(0, 5).map((e: any) => [e.action, e.agent.id, e.changes]);
      expect(latest).toEqual([
        ['session.logged_out', alexId, {}],
        ['session.logged_in', alexId, {}],
        ['session.login_failed', '', { email: '(not an address)', locked: false }],
        ['session.login_failed', '', { email: 'nobody@example.com', locked: false }],
        ['session.login_failed', alexId, { locked: false }],
      ]);
      for (const e of entries.slice(0, 5)) expect(e.ip).toBe('127.0.0.1');
      const text = JSON.stringify(entries);
      expect(text).not.toContain(wrong);
      expect(text).not.toContain(password());
    },
  );

  it.skipIf(database.skipReason)(
    'records the work done on a conversation, over HTTP and the socket, without its text',
    async () => {
      const agent = await login(s.baseUrl, 'alex@example.com', password());
      const supervisor = await login(s.baseUrl, 'riley@example.com', password());
      const post = (path: string, token: string, body: unknown = {}) =>
        api(s.baseUrl, 'POST', `/api/v1/conversations/${c.id}/${path}`, { token, body });
      const c = await startConversation(s.baseUrl, { customer: { name: 'Ana' } });
      await api(s.baseUrl, 'POST', `/api/v1/conversations/${c.id}/messages`, {
        token: c.token,
        body: { text: 'I want to talk to a human about my invoice' },
      });
      expect((await post('claim', agent)).status).toBe(200);
      const secret = 'Your card ending 4242 is blocked';
      expect((await post('messages', agent, { text: secret })).status).toBe(201);
      // The same reply sent again (a retry) is one action, not two.
      const retried = { text: 'Checking now', clientMessageId: 'cm-audit-1' };
      expect((await post('messages', agent, retried)).status).toBe(201);
      expect((await post('messages', agent, retried)).status).toBe(200);
      // The same id for other text is refused in words, stored and audited nowhere.
      const reused = await post('messages', agent, { ...retried, text: 'Refund sent' });
      expect([reused.status, reused.body.error.code]).toEqual([409, 'CLIENT_MESSAGE_ID_REUSED']);

      const inbox = await openSocket(`${s.wsUrl}/api/v1/agent/stream`, tokenProtocols(agent));
      inbox.send({
        type: 'message',
        conversationId: c.id,
        text: 'by socket',
        clientMessageId: 'cm-2',
      });
      await inbox.waitFor((f) => f.type === 'ack' && f.clientMessageId === 'cm-2');
      await inbox.close();

      expect((await post('notes', agent, { text: 'VIP' })).status).toBe(200);
      expect((await post('transfer', agent, { queue: 'technical' })).status).toBe(200);
      const reassigned = await api(
        s.baseUrl,
        'POST',
        `/api/v1/supervisor/conversations/${c.id}/reassign`,
        { token: supervisor, body: { queue: 'billing', reason: 'billing question after all' } },
      );
      expect(reassigned.status).toBe(200);
      expect((await post('claim', agent)).status).toBe(200);
      expect((await post('resolve', agent, { resolved: true })).status).toBe(200);

      const work = await until(async () => {
        const { entries } = await audit('?action=conversation.&limit=100');
        const mine = entries.filter((e: any) => e.changes.conversationId === c.id);
        return mine.length >= 9 ? mine : undefined;
      });
      expect(work.map((e: any) => [e.action, e.actor.name]).reverse()).toEqual([
        ['conversation.claimed', 'Alex'],
        ['conversation.replied', 'Alex'],
        ['conversation.replied', 'Alex'],
        ['conversation.replied', 'Alex'],
        ['conversation.noted', 'Alex'],
        ['conversation.transferred', 'Alex'],
        ['conversation.reassigned', 'Riley'],
        ['conversation.claimed', 'Alex'],
        ['conversation.resolved', 'Alex'],
      ]);
      expect(work.find((e: any) => e.action === 'conversation.transferred').changes).toEqual({
        conversationId: c.id,
        toQueue: 'technical',
      });
      expect(work.every((e: any) => e.ip === '127.0.0.1')).toBe(true);
      const text = JSON.stringify(work);
      expect(text).not.toContain(secret);
      expect(text).not.toContain('VIP');
      const events = await api(s.baseUrl, 'GET', `/api/v1/conversations/${c.id}/events`, {
        token: agent,
      });
      expect(JSON.stringify(events.body.events)).not.toContain('Refund sent');
    },
  );

  it.skipIf(database.skipReason)('records policy and knowledge-base reloads', async () => {
    const supervisor = await login(s.baseUrl, 'riley@example.com', password());
    expect(
      (await api(s.baseUrl, 'POST', '/api/v1/policy/reload', { token: supervisor })).status,
    ).toBe(200);
    expect((await api(s.baseUrl, 'POST', '/api/v1/kb/reload', { token: supervisor })).status).toBe(
      200,
    );
    const [kb] = (await audit('?action=knowledge_base.reloaded')).entries;
    const [policy] = (await audit('?action=policy.reloaded')).entries;
    expect(policy).toMatchObject({ actor: { name: 'Riley' }, changes: { ok: true, problems: [] } });
    expect(policy.changes.version).toEqual(expect.any(String));
    expect(kb).toMatchObject({ actor: { name: 'Riley' }, changes: { ok: true, problems: [] } });
  });

  it.skipIf(database.skipReason)(
    'exports the log as CSV with the same filters; agents may not read it',
    async () => {
      const csv = await fetch(`${s.baseUrl}/api/v1/team/audit.csv?action=session.`, {
        headers: { authorization: `Bearer ${admin}` },
      });
      expect(csv.status).toBe(200);
      expect(csv.headers.get('content-type')).toMatch(/^text\/csv/);
      expect(csv.headers.get('content-disposition')).toMatch(/attachment; filename="baton-audit-/);
      const lines = (await csv.text()).trimEnd().split('\r\n');
      expect(lines[0]).toBe('id,at,action,actor_id,actor_name,agent_id,agent_name,ip,details');
      const actions = lines.slice(1).map((l) => l.split(',')[2]);
      expect(actions.length).toBeGreaterThan(3);
      expect(new Set(actions)).toEqual(
        new Set(['session.logged_in', 'session.logged_out', 'session.login_failed']),
      );
      const agent = await login(s.baseUrl, 'sam@example.com', password());
      expect((await api(s.baseUrl, 'GET', '/api/v1/team/audit', { token: agent })).status).toBe(
        403,
      );
      const refused = await fetch(`${s.baseUrl}/api/v1/team/audit.csv`, {
        headers: { authorization: `Bearer ${agent}` },
      });
      expect(refused.status).toBe(403);
      const bad = await api(s.baseUrl, 'GET', '/api/v1/team/audit?action=%25', { token: admin });
      expect(bad.status).toBe(400);
    },
  );

  it.skipIf(database.skipReason)(
    'a log-out closes that session’s inbox socket at once, not the agent’s other sessions',
    async () => {
      const first = await login(s.baseUrl, 'sam@example.com', password());
      const second = await login(s.baseUrl, 'sam@example.com', password());
      const ended = await openSocket(`${s.wsUrl}/api/v1/agent/stream`, tokenProtocols(first));
      const kept = await openSocket(`${s.wsUrl}/api/v1/agent/stream`, tokenProtocols(second));
      let code: number | undefined;
      ended.ws.once('close', (c) => (code = c));
      const out = await api(s.baseUrl, 'POST', '/api/v1/auth/logout', { token: first });
      expect(out.status).toBe(204);
      // The periodic session check runs every 30 s: closing within 10 s is the log-out's doing.
      expect(await until(() => code, 10_000)).toBe(4401);
      expect(kept.ws.readyState).toBe(kept.ws.OPEN);
      expect((await api(s.baseUrl, 'GET', '/api/v1/me', { token: second })).status).toBe(200);
      await kept.close();
    },
  );
});
