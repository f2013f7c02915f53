/**
 * The team API through the real server, on both engines: who may do what, validation shared
 * with `baton agents`, duplicate emails, the last admin, disabling (sessions end, open
 * conversations go back to their queue with the customer told), password resets, and the
 * audit log with its pages.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, login, startConversation } from '../helpers/api-client.ts';
import { TEST_DATABASES } from '../helpers/databases.ts';
import { openSocket, type TestSocket, tokenProtocols } from '../helpers/socket-client.ts';
import { startTestServer, type TestServer } from '../helpers/test-server.ts';

/** The close code the server ends the socket with. */
const closeCode = (socket: TestSocket) =>
  new Promise<number>((resolve) => socket.ws.once('close', (code) => resolve(code)));

describe.each(TEST_DATABASES)('team management API ($name)', (database) => {
  let s: TestServer;
  let admin: string;
  let supervisor: string;
  let agent: string;
  const sockets: TestSocket[] = [];
  beforeAll(async () => {
    if (database.skipReason) return;
    s = await startTestServer({ engine: database.name });
    admin = await login(s.baseUrl, 'morgan@example.com', s.demoAgent.password);
    supervisor = await login(s.baseUrl, 'riley@example.com', s.demoAgent.password);
    agent = await login(s.baseUrl, 'sam@example.com', s.demoAgent.password);
  });
  afterAll(async () => {
    for (const socket of sockets) await socket.close();
    await s?.close();
  });

  const call = (method: string, path: string, token: string, body?: unknown) =>
    api(s.baseUrl, method, `/api/v1/team${path}`, { token, ...(body ? { body } : {}) });
  const idOf = async (email: string) =>
    (await s.server.store.agents.findByEmail(email, { includeDisabled: true }))!.id;
  // Account changes: the log also holds log-ins and conversation work (test/http/audit-log.test.ts).
  const audit = async (query = '') =>
    (await call('GET', `/audit${query}${query ? '&' : '?'}action=agent.`, admin)).body;

  it.skipIf(database.skipReason)(
    'refuses agents everything and supervisors admin work',
    async () => {
      const alexId = await idOf('alex@example.com');
      const attempts: Array<[string, string, unknown?]> = [
        ['GET', '/agents'],
        ['POST', '/agents', { email: 'x@acme.test', name: 'X' }],
        ['PATCH', `/agents/${alexId}`, { maxConcurrent: 4 }],
        ['POST', `/agents/${alexId}/disable`],
        ['POST', `/agents/${alexId}/enable`],
        ['POST', `/agents/${alexId}/reset-password`],
        ['GET', '/audit'],
      ];
      for (const [method, path, body] of attempts) {
        const r = await call(method, path, agent, body);
        expect([path, r.status, r.body.error.code]).toEqual([path, 403, 'FORBIDDEN']);
      }
      for (const [method, path, body] of attempts.filter(([m]) => m === 'POST')) {
        const r = await call(method, path, supervisor, body);
        expect([path, r.status]).toEqual([path, 403]);
      }
      const role = await call('PATCH', `/agents/${alexId}`, supervisor, { role: 'supervisor' });
      expect(role.status).toBe(403);
      expect((await call('GET', '/agents', 'not-a-token')).status).toBe(401);
      // Nothing changed, nothing audited.
      expect(await s.server.store.agents.get(alexId)).toMatchObject({
        role: 'agent',
        maxConcurrent: 3,
        disabledAt: null,
      });
      expect((await audit()).entries).toEqual([]);
    },
  );

  it.skipIf(database.skipReason)(
    'creates an account with a password shown once; refuses bad input and duplicates',
    async () => {
      const created = await call('POST', '/agents', admin, {
        email: 'Dana@Acme.test',
        name: ' Dana ',
        role: 'supervisor',
        skills: ['billing', 'general'],
        languages: ['en', 'de'],
        maxConcurrent: 5,
      });
      expect(created.status).toBe(201);
      expect(created.body.agent).toMatchObject({
        email: 'dana@acme.test',
        name: 'Dana',
        role: 'supervisor',
        skills: ['billing', 'general'],
        languages: ['en', 'de'],
        maxConcurrent: 5,
        load: 0,
        disabledAt: null,
      });
      const password = created.body.password as string;
      expect(password.length).toBeGreaterThanOrEqual(16);
      const stored = await s.server.store.agents.findByEmail('dana@acme.test');
      expect(stored!.passwordHash).toMatch(/^scrypt\$/);
      expect(stored!.passwordHash).not.toContain(password);
      const dana = await login(s.baseUrl, 'dana@acme.test', password);
      expect((await api(s.baseUrl, 'GET', '/api/v1/me', { token: dana })).body.agent.name).toBe(
        'Dana',
      );

      const duplicate = await call('POST', '/agents', admin, {
        email: 'DANA@acme.test',
        name: 'D',
      });
      expect([duplicate.status, duplicate.body.error.code]).toEqual([409, 'EMAIL_TAKEN']);

      // The same rules as `baton agents`.
      const bad = [
        { email: 'not-an-email', name: 'N' },
        { email: 'n@acme.test', name: '   ' },
        { email: 'n@acme.test', name: 'N', skills: ['Billing'] },
        { email: 'n@acme.test', name: 'N', skills: [] },
        { email: 'n@acme.test', name: 'N', languages: ['en', 'en'] },
        { email: 'n@acme.test', name: 'N', maxConcurrent: 0 },
        { email: 'n@acme.test', name: 'N', maxConcurrent: 51 },
        { email: 'n@acme.test', name: 'N', role: 'owner' },
        { email: 'n@acme.test', name: 'N', password: 'chosen-by-me' },
      ];
      for (const body of bad) {
        const r = await call('POST', '/agents', admin, body);
        expect([body, r.status, r.body.error.code]).toEqual([body, 400, 'VALIDATION_FAILED']);
      }
      expect(await s.server.store.agents.findByEmail('n@acme.test')).toBeUndefined();

      const { entries } = await audit();
      expect(entries).toHaveLength(1);
      expect(entries[0]).toMatchObject({
        action: 'agent.created',
        actor: { name: 'Morgan' },
        agent: { name: 'Dana' },
        changes: { email: 'dana@acme.test', role: 'supervisor', maxConcurrent: 5 },
      });
      expect(JSON.stringify(entries)).not.toContain(password);
    },
  );

  it.skipIf(database.skipReason)(
    'supervisors edit skills and capacity, admins roles; the last admin stays',
    async () => {
      const alexId = await idOf('alex@example.com');
      const edited = await call('PATCH', `/agents/${alexId}`, supervisor, {
        skills: ['general', 'billing', 'retention'],
        languages: ['en', 'es'],
        maxConcurrent: 4,
      });
      expect(edited.status).toBe(200);
      expect(edited.body).toMatchObject({
        agent: {
          skills: ['general', 'billing', 'retention'],
          languages: ['en', 'es'],
          maxConcurrent: 4,
        },
        note: null,
      });
      expect((await call('PATCH', `/agents/${alexId}`, supervisor, {})).status).toBe(400);
      expect(
        (await call('PATCH', `/agents/${alexId}`, supervisor, { email: 'a@b.c' })).status,
      ).toBe(400);
      const unknown = await call('PATCH', '/agents/a_nobody', supervisor, { maxConcurrent: 2 });
      expect([unknown.status, unknown.body.error.code]).toEqual([404, 'AGENT_NOT_FOUND']);

      const promoted = await call('PATCH', `/agents/${alexId}`, admin, { role: 'supervisor' });
      expect(promoted.body.agent.role).toBe('supervisor');
      const morganId = await idOf('morgan@example.com');
      const last = await call('PATCH', `/agents/${morganId}`, admin, { role: 'supervisor' });
      expect([last.status, last.body.error.code]).toEqual([409, 'LAST_ADMIN']);
      expect((await s.server.store.agents.get(morganId))!.role).toBe('admin');

      // With a second admin, Morgan may step down (and then may no longer change roles).
      await call('PATCH', `/agents/${alexId}`, admin, { role: 'admin' });
      const down = await call('PATCH', `/agents/${morganId}`, admin, { role: 'supervisor' });
      expect(down.body.agent.role).toBe('supervisor');
      expect((await call('PATCH', `/agents/${alexId}`, admin, { role: 'agent' })).status).toBe(403);
      const alex = await login(s.baseUrl, 'alex@example.com', s.demoAgent.password);
      await api(s.baseUrl, 'PATCH', `/api/v1/team/agents/${morganId}`, {
        token: alex,
        body: { role: 'admin' },
      });
      await api(s.baseUrl, 'PATCH', `/api/v1/team/agents/${alexId}`, {
        token: alex,
        body: { role: 'agent' },
      });
      expect((await s.server.store.agents.get(alexId))!.role).toBe('agent');

      const updates = (await audit('?agentId=' + alexId)).entries;
      expect(updates[0]).toMatchObject({
        action: 'agent.updated',
        actor: { name: 'Alex' },
        changes: { role: { from: 'admin', to: 'agent' } },
      });
      expect(updates.at(-1)).toMatchObject({
        actor: { name: 'Riley' },
        changes: {
          skills: { from: ['general', 'billing'], to: ['general', 'billing', 'retention'] },
          maxConcurrent: { from: 3, to: 4 },
        },
      });
    },
  );

  it.skipIf(database.skipReason)(
    'disabling hands open conversations back with the customer told; capacity below load is noted',
    async () => {
      const alexId = await idOf('alex@example.com');
      const alex = await login(s.baseUrl, 'alex@example.com', s.demoAgent.password);
      const alexSocket = await openSocket(`${s.wsUrl}/api/v1/agent/stream`, tokenProtocols(alex));
      sockets.push(alexSocket);
      const alexSocketClosed = closeCode(alexSocket);
      const held: string[] = [];
      for (const text of ['I want to talk to a human', 'Can I speak to a person please']) {
        const c = await startConversation(s.baseUrl, { customer: { name: 'Ola' } });
        await api(s.baseUrl, 'POST', `/api/v1/conversations/${c.id}/messages`, {
          token: c.token,
          body: { text },
        });
        const claimed = await api(s.baseUrl, 'POST', `/api/v1/conversations/${c.id}/claim`, {
          token: alex,
        });
        // Claimed from the queue, or accepted if the router offered it to Alex first.
        expect(claimed.status).toBe(200);
        held.push(c.id);
      }
      const assigned = await s.server.store.reads.assignedTo(alexId);
      expect(assigned.map((c) => c.id).sort()).toEqual([...held].sort());
      const priorities = new Map(assigned.map((c) => [c.id, c.priority]));

      const lowered = await call('PATCH', `/agents/${alexId}`, supervisor, { maxConcurrent: 1 });
      expect(lowered.status).toBe(200);
      expect(lowered.body.agent).toMatchObject({ maxConcurrent: 1, load: 2 });
      expect(lowered.body.note).toMatch(/holds 2 conversations.*they keep them/);
      expect(await s.server.store.reads.assignedTo(alexId)).toHaveLength(2);

      const morganId = await idOf('morgan@example.com');
      const self = await call('POST', `/agents/${morganId}/disable`, admin);
      expect([self.status, self.body.error.code]).toEqual([409, 'CANNOT_DISABLE_SELF']);

      const disabled = await call('POST', `/agents/${alexId}/disable`, admin);
      expect(disabled.status).toBe(200);
      expect(disabled.body).toMatchObject({ released: 2, agent: { presence: 'offline', load: 0 } });
      expect(disabled.body.agent.disabledAt).not.toBeNull();
      // The open inbox socket is closed with "session ended": it hears nothing more.
      expect(await alexSocketClosed).toBe(4401);
      for (const id of held) {
        const c = (await s.server.store.conversations.get(id))!;
        expect(c).toMatchObject({
          status: 'queued',
          assigneeId: null,
          priority: priorities.get(id),
        });
        const events = await s.server.store.conversations.eventsSince(id, 0);
        const told = events.filter((e) => e.data.kind === 'agent_left');
        expect(told).toHaveLength(1);
        expect(told[0]!.data.from).toBe('system');
      }
      // The session ended and the password no longer works.
      expect((await api(s.baseUrl, 'GET', '/api/v1/me', { token: alex })).status).toBe(401);
      const relog = await api(s.baseUrl, 'POST', '/api/v1/auth/login', {
        body: { email: 'alex@example.com', password: s.demoAgent.password },
      });
      expect(relog.status).toBe(401);
      const listed = (await call('GET', '/agents', supervisor)).body.agents;
      expect(listed.find((a: any) => a.id === alexId).disabledAt).not.toBeNull();

      const enabled = await call('POST', `/agents/${alexId}/enable`, admin);
      expect(enabled.body.agent.disabledAt).toBeNull();
      await login(s.baseUrl, 'alex@example.com', s.demoAgent.password);

      const unknown = await call('POST', '/agents/a_nobody/disable', admin);
      expect([unknown.status, unknown.body.error.code]).toEqual([404, 'AGENT_NOT_FOUND']);

      const actions = (await audit(`?agentId=${alexId}&limit=3`)).entries.map((e: any) => e.action);
      expect(actions).toEqual(['agent.enabled', 'agent.disabled', 'agent.updated']);
      expect((await audit(`?agentId=${alexId}&limit=2`)).entries[1].changes).toEqual({
        released: 2,
      });
    },
  );

  it.skipIf(database.skipReason)(
    'resets a password: the old one and every session stop working',
    async () => {
      const samId = await idOf('sam@example.com');
      const sam = await login(s.baseUrl, 'sam@example.com', s.demoAgent.password);
      const samSocket = await openSocket(`${s.wsUrl}/api/v1/agent/stream`, tokenProtocols(sam));
      sockets.push(samSocket);
      const samSocketClosed = closeCode(samSocket);
      const reset = await call('POST', `/agents/${samId}/reset-password`, admin);
      expect(reset.status).toBe(200);
      const password = reset.body.password as string;
      expect(password.length).toBeGreaterThanOrEqual(16);
      expect(await samSocketClosed).toBe(4401);
      expect((await api(s.baseUrl, 'GET', '/api/v1/me', { token: sam })).status).toBe(401);
      expect((await api(s.baseUrl, 'GET', '/api/v1/me', { token: agent })).status).toBe(401);
      const old = await api(s.baseUrl, 'POST', '/api/v1/auth/login', {
        body: { email: 'sam@example.com', password: s.demoAgent.password },
      });
      expect(old.status).toBe(401);
      await login(s.baseUrl, 'sam@example.com', password);
      const [entry] = (await audit(`?agentId=${samId}`)).entries;
      expect(entry).toMatchObject({ action: 'agent.password_reset', changes: {} });
      expect(JSON.stringify(entry)).not.toContain(password);
      const missing = await call('POST', '/agents/a_nobody/reset-password', admin);
      expect(missing.status).toBe(404);
    },
  );

  it.skipIf(database.skipReason)('pages the audit log newest first', async () => {
    const all = (await audit('?limit=100')).entries;
    expect(all.length).toBeGreaterThan(4);
    const seen: string[] = [];
    let before: string | null = null;
    do {
      const page: any = await audit(`?limit=3${before ? `&before=${before}` : ''}`);
      expect(page.entries.length).toBeLessThanOrEqual(3);
      seen.push(...page.entries.map((e: any) => e.id));
      before = page.next;
    } while (before);
    expect(seen).toEqual(all.map((e: any) => e.id));
    const times = all.map((e: any) => e.at);
    expect([...times].sort().reverse()).toEqual(times);
    expect((await call('GET', '/audit?limit=0', admin)).status).toBe(400);
  });
});
