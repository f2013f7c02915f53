/**
 * No credential reaches the log: a real server at `info` level (every request logged) is
 * given each kind of token Baton issues — an agent's session, a customer's conversation
 * token — through a header, a socket's sub-protocol (what the web clients send), a socket
 * URL (`?token=`, older clients) and a media URL, and the whole log is then searched for
 * each of them. The demo password is not in it either.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { redactUrl } from '../../src/main/logging/log-options.ts';
import { api, login, startConversation } from '../helpers/api-client.ts';
import { openSocket } from '../helpers/socket-client.ts';
import { TEST_DATABASES } from '../helpers/databases.ts';
import { startTestServer, DEMO_PASSWORD, type TestServer } from '../helpers/test-server.ts';

describe.each(TEST_DATABASES)('secrets in the log ($name)', (database) => {
  const lines: string[] = [];
  let s: TestServer;
  beforeAll(async () => {
    if (database.skipReason) return;
    s = await startTestServer({
      engine: database.name,
      env: { LOG_LEVEL: 'info' },
      logStream: { write: (line: string) => void lines.push(line) },
    });
  });
  afterAll(async () => {
    await s?.close();
  });

  it.skipIf(database.skipReason)(
    'logs requests but never a token, a password or an authorization header',
    async () => {
      const agent = await login(s.baseUrl, s.demoAgent.email, s.demoAgent.password);
      const supervisor = await login(s.baseUrl, 'riley@example.com', DEMO_PASSWORD);
      const customer = await startConversation(s.baseUrl, { customer: { name: 'Ann' } });
      const agentSocket = await openSocket(`${s.wsUrl}/api/v1/agent/stream?token=${supervisor}`);
      const customerSocket = await openSocket(
        `${s.wsUrl}/api/v1/conversations/${customer.id}/stream?token=${customer.token}&since=0`,
      );
      // As the inbox and the widget connect: the token in the sub-protocol offer, not the URL.
      const sam = await login(s.baseUrl, 'sam@example.com', DEMO_PASSWORD);
      const second = await startConversation(s.baseUrl, { customer: { name: 'Bo' } });
      const inbox = await openSocket(`${s.wsUrl}/api/v1/agent/stream`, [
        'baton',
        `baton.token.${sam}`,
      ]);
      const widget = await openSocket(
        `${s.wsUrl}/api/v1/conversations/${second.id}/stream?since=0`,
        ['baton', `baton.token.${second.token}`],
      );
      for (const socket of [agentSocket, customerSocket, inbox, widget]) await socket.close();
      const media = await fetch(
        `${s.baseUrl}/api/v1/conversations/${customer.id}/media/photo-1?token=${agent}`,
      );
      expect(media.status).toBe(401);
      expect((await api(s.baseUrl, 'GET', '/api/v1/me', { token: agent })).status).toBe(200);
      await fetch(`${s.baseUrl}/api/v1/me?access_token=${agent}&Ticket=${customer.token}`);

      const log = lines.join('');
      // The requests were logged, with their paths: the check below is not vacuous.
      expect(log).toContain('/api/v1/agent/stream?token=[redacted]');
      expect(log).toContain(`/api/v1/conversations/${customer.id}/media/photo-1?token=[redacted]`);
      expect(log).toContain('since=0');
      expect(log).toContain(`/api/v1/conversations/${second.id}/stream?since=0`);
      expect(log).toContain('demo agent created: alex@example.com');
      for (const [what, secret] of Object.entries({
        agent,
        supervisor,
        sam,
        customer: customer.token,
        second: second.token,
        password: DEMO_PASSWORD,
      })) {
        expect(log.includes(secret), `${what} found in the log`).toBe(false);
      }
      expect(log).not.toMatch(/Bearer /i);
    },
  );

  it.skipIf(database.skipReason)('redacts credential-like query parameters only', () => {
    expect(redactUrl('/a?token=x&since=3')).toBe('/a?token=[redacted]&since=3');
    expect(redactUrl('/hook?hub.verify_token=v&hub.challenge=c')).toBe(
      '/hook?hub.verify_token=[redacted]&hub.challenge=c',
    );
    expect(redactUrl('/a?%74oken=x')).toBe('/a?%74oken=[redacted]');
    expect(redactUrl('/plain')).toBe('/plain');
  });
});
