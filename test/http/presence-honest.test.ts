/**
 * "Online" is stored, shown and counted only while an inbox of the agent's is open: setting
 * it through the API without one leaves them offline (in the answer, the store, the team
 * lists, the supervisor overview and routing); the inbox opening makes them online; closing
 * it, past the grace, offline. Through the running server, with real sockets, on both engines.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, login, startConversation } from '../helpers/api-client.ts';
import { configFile } from '../helpers/config-file.ts';
import { TEST_DATABASES } from '../helpers/databases.ts';
import { openSocket, tokenProtocols } from '../helpers/socket-client.ts';
import { startTestServer, type TestServer } from '../helpers/test-server.ts';
import { until } from '../helpers/until.ts';

describe.each(TEST_DATABASES)('presence follows the open inbox on $name', (database) => {
  let s: TestServer;
  let offsetMs = 0;
  beforeAll(async () => {
    if (database.skipReason) return;
    s = await startTestServer({
      engine: database.name,
      clock: () => new Date(Date.now() + offsetMs),
      // The owner check runs every pass; the grace stays the default 60 s.
      env: { BATON_CONFIG: configFile('routing:\n  passIntervalMs: 200\n') },
    });
  });
  afterAll(async () => {
    await s?.close();
  });

  const stored = async (email: string) => (await s.server.store.agents.findByEmail(email))!;
  const listed = async (token: string, email: string) =>
    (await api(s.baseUrl, 'GET', '/api/v1/agents', { token })).body.agents.find(
      (a: { email: string }) => a.email === email,
    );
  const setPresence = (token: string, presence: string) =>
    api(s.baseUrl, 'PUT', '/api/v1/me/presence', { token, body: { presence } });
  const inbox = (token: string) =>
    openSocket(`${s.wsUrl}/api/v1/agent/stream`, tokenProtocols(token));
  let waiting = '';

  it.skipIf(database.skipReason)(
    'online without an open inbox is neither stored, shown nor counted',
    async () => {
      const token = await login(s.baseUrl, 'sam@example.com', s.demoAgent.password);
      const answer = await setPresence(token, 'online');
      expect(answer.status).toBe(200);
      expect(answer.body).toMatchObject({
        agent: { presence: 'offline' },
        released: 0,
        inboxOpen: false,
      });
      expect((await stored('sam@example.com')).presence).toBe('offline');
      expect((await api(s.baseUrl, 'GET', '/api/v1/me', { token })).body.agent.presence).toBe(
        'offline',
      );
      expect(await listed(token, 'sam@example.com')).toMatchObject({
        presence: 'offline',
        connected: false,
      });

      const riley = await login(s.baseUrl, 'riley@example.com', s.demoAgent.password);
      const team = await api(s.baseUrl, 'GET', '/api/v1/team/agents', { token: riley });
      expect(team.body.agents.find((a: any) => a.email === 'sam@example.com')).toMatchObject({
        presence: 'offline',
        connected: false,
      });
      // A customer asking for a person is told the truth, and Sam is offered nothing.
      const c = await startConversation(s.baseUrl);
      waiting = c.id;
      const asked = await api(s.baseUrl, 'POST', `/api/v1/conversations/${c.id}/messages`, {
        token: c.token,
        body: { action: 'request_human' },
      });
      const said = asked.body.events.find((e: any) => e.data.kind === 'handoff');
      expect(said.data.text).toMatch(/Nobody/);
      const overview = await api(s.baseUrl, 'GET', '/api/v1/supervisor/overview', {
        token: riley,
      });
      expect(overview.body.agents.find((a: any) => a.name === 'Sam')).toMatchObject({
        presence: 'offline',
        connected: false,
      });
      for (const queue of overview.body.queues) expect(queue.agentsOnline).toBe(0);
      await new Promise((r) => setTimeout(r, 500)); // two routing passes
      expect((await s.server.store.conversations.get(c.id))!.status).toBe('queued');
    },
  );

  it.skipIf(database.skipReason)(
    'the inbox opening makes them online, and closing it, past the grace, offline',
    async () => {
      const token = await login(s.baseUrl, 'sam@example.com', s.demoAgent.password);
      const socket = await inbox(token);
      expect(await socket.waitFor((f) => f.type === 'presence')).toEqual({
        type: 'presence',
        presence: 'online',
      });
      expect((await stored('sam@example.com')).presence).toBe('online');
      expect(await listed(token, 'sam@example.com')).toMatchObject({
        presence: 'online',
        connected: true,
      });
      // Now routing counts on Sam: the customer who was waiting is offered to him.
      const offered = await until(async () => {
        const c = await s.server.store.conversations.get(waiting);
        return c?.status === 'offered' ? c : undefined;
      });
      expect(offered.offeredTo).toBe((await stored('sam@example.com')).id);
      // Choosing online with the inbox open is stored as such.
      const again = await setPresence(token, 'online');
      expect(again.body).toMatchObject({ agent: { presence: 'online' }, inboxOpen: true });

      await socket.close();
      // Within the grace nothing is handed back, but nobody is shown Sam as online.
      const closed = await until(async () => {
        const sam = await listed(token, 'sam@example.com');
        return sam.connected ? undefined : sam;
      });
      expect(closed.presence).toBe('offline');
      // The owner check notes the inbox gone (a few passes), then the grace runs out.
      await new Promise((r) => setTimeout(r, 800));
      expect((await s.server.store.conversations.get(waiting))!.status).not.toBe('queued');
      offsetMs += 61_000;
      await until(async () =>
        (await stored('sam@example.com')).presence === 'offline' ? true : undefined,
      );
      expect(await listed(token, 'sam@example.com')).toMatchObject({
        presence: 'offline',
        connected: false,
      });
      // …and the offer Sam held goes back to the queue (set offline first, then handed back).
      await until(async () =>
        (await s.server.store.conversations.get(waiting))!.status === 'queued' ? true : undefined,
      );
    },
  );

  it.skipIf(database.skipReason)(
    'online chosen while away without an inbox is kept for when the inbox opens',
    async () => {
      const token = await login(s.baseUrl, 'alex@example.com', s.demoAgent.password);
      const away = await setPresence(token, 'away');
      expect(away.body).toMatchObject({ agent: { presence: 'away' }, inboxOpen: false });
      const online = await setPresence(token, 'online');
      expect(online.body).toMatchObject({ agent: { presence: 'offline' }, inboxOpen: false });
      expect((await stored('alex@example.com')).presence).toBe('offline');
      const socket = await inbox(token);
      expect(await socket.waitFor((f) => f.type === 'presence')).toEqual({
        type: 'presence',
        presence: 'online',
      });
      expect((await stored('alex@example.com')).presence).toBe('online');
      await socket.close();
    },
  );
});
