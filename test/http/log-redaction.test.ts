/**
 * No credential reaches the log: a real server at `info` level (every request logged) issues
 * real tokens — agents' sessions, customers' conversation tokens — and they are then used the
 * ways clients use them: the Authorization header on reads, writes, an upload and a media
 * download; a socket's sub-protocol (what the web clients send), with frames; `?token=` on
 * HTTP routes and on socket upgrades (refused: TOKEN_IN_URL);
 * wrong and ended tokens; log-out. The whole log is then searched for each token's value and
 * for its first 12 characters (a cut token is still a lead): none may be there. Nor the demo
 * password.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { redactUrl } from '../../src/main/logging/log-options.ts';
import { api, login, startConversation } from '../helpers/api-client.ts';
import { openSocket, refusedStatus } from '../helpers/socket-client.ts';
import { TEST_DATABASES } from '../helpers/databases.ts';
import { startTestServer, DEMO_PASSWORD, type TestServer } from '../helpers/test-server.ts';

/** A 1×1 PNG. */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

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
    'logs requests but never a token, nor its prefix, a password or an authorization header',
    async () => {
      const alex = await login(s.baseUrl, s.demoAgent.email, s.demoAgent.password);
      const riley = await login(s.baseUrl, 'riley@example.com', DEMO_PASSWORD);
      const sam = await login(s.baseUrl, 'sam@example.com', DEMO_PASSWORD);
      const ann = await startConversation(s.baseUrl, { customer: { name: 'Ann' } });
      const bo = await startConversation(s.baseUrl, { customer: { name: 'Bo' } });
      expect(
        (
          await api(s.baseUrl, 'POST', '/api/v1/auth/login', {
            body: { email: 'sam@example.com', password: 'not-the-password' },
          })
        ).status,
      ).toBe(401);

      // The customer over HTTP: a message, the events, a file.
      const said = await api(s.baseUrl, 'POST', `/api/v1/conversations/${ann.id}/messages`, {
        token: ann.token,
        body: { text: 'I want to talk to a human about my invoice' },
      });
      expect(said.status).toBeLessThan(300);
      const events = await api(s.baseUrl, 'GET', `/api/v1/conversations/${ann.id}/events`, {
        token: ann.token,
      });
      expect(events.status).toBe(200);
      const form = new FormData();
      form.append('file', new Blob([PNG], { type: 'image/png' }), 'receipt.png');
      const upload = await fetch(`${s.baseUrl}/api/v1/conversations/${ann.id}/attachments`, {
        method: 'POST',
        headers: { authorization: `Bearer ${ann.token}` },
        body: form,
      });
      expect(upload.status).toBe(201);
      const ref = ((await upload.json()) as any).events[0].data.media[0].ref as string;

      // Agents over HTTP: their account, the conversation, its file.
      expect((await api(s.baseUrl, 'GET', '/api/v1/me', { token: alex })).status).toBe(200);
      const read = await api(s.baseUrl, 'GET', `/api/v1/conversations/${ann.id}`, {
        token: riley,
      });
      expect(read.status).toBe(200);
      const media = `/api/v1/conversations/${ann.id}/media/${encodeURIComponent(ref)}`;
      const file = await fetch(`${s.baseUrl}${media}`, {
        headers: { authorization: `Bearer ${riley}` },
      });
      expect(file.status).toBe(200);
      // Tokens in HTTP URLs are refused, and the refusals are logged too.
      expect((await fetch(`${s.baseUrl}${media}?token=${riley}`)).status).toBe(401);
      expect((await fetch(`${s.baseUrl}/api/v1/me?token=${alex}`)).status).toBe(401);
      await fetch(`${s.baseUrl}/api/v1/me?access_token=${alex}&Ticket=${ann.token}`);
      // A wrong token, and another conversation's.
      expect((await api(s.baseUrl, 'GET', '/api/v1/me', { token: `${alex}x` })).status).toBe(401);
      expect(
        (await api(s.baseUrl, 'GET', `/api/v1/conversations/${ann.id}/events`, { token: bo.token }))
          .status,
      ).toBe(403);

      // Sockets: in the sub-protocol as the inbox and the widget connect; in the URL, refused.
      const inbox = await openSocket(`${s.wsUrl}/api/v1/agent/stream`, [
        'baton',
        `baton.token.${riley}`,
      ]);
      expect(await refusedStatus(`${s.wsUrl}/api/v1/agent/stream?token=${sam}`)).toBe(401);
      const widget = await openSocket(`${s.wsUrl}/api/v1/conversations/${bo.id}/stream?since=0`, [
        'baton',
        `baton.token.${bo.token}`,
      ]);
      expect(
        await refusedStatus(
          `${s.wsUrl}/api/v1/conversations/${ann.id}/stream?token=${ann.token}&since=0`,
        ),
      ).toBe(401);
      widget.send({ type: 'message', text: 'hello from the widget', clientMessageId: 'w1' });
      expect(await widget.waitFor((f) => f.type === 'ack')).toMatchObject({
        clientMessageId: 'w1',
      });
      inbox.send({ type: 'subscribe', conversationId: ann.id, since: 0 });
      for (const socket of [inbox, widget]) await socket.close();

      // Log-out, then the ended token once more.
      expect((await api(s.baseUrl, 'POST', '/api/v1/auth/logout', { token: sam })).status).toBe(
        204,
      );
      expect((await api(s.baseUrl, 'GET', '/api/v1/me', { token: sam })).status).toBe(401);

      const log = lines.join('');
      // The requests were logged, with their paths: the search below is not vacuous.
      expect(log).toContain('/api/v1/agent/stream?token=[redacted]');
      expect(log).toContain(`/api/v1/conversations/${ann.id}/stream?token=[redacted]&since=0`);
      expect(log).toContain(`${media}?token=[redacted]`);
      expect(log).toContain(`/api/v1/conversations/${ann.id}/attachments`);
      expect(log).toContain(`/api/v1/conversations/${bo.id}/stream?since=0`);
      expect(log).toContain('/api/v1/auth/logout');
      expect(log).toContain('/api/v1/me?token=[redacted]');
      expect(log).toContain('demo agent created: alex@example.com');
      const tokens = { alex, riley, sam, ann: ann.token, bo: bo.token };
      for (const [who, token] of Object.entries(tokens)) {
        expect(token).toHaveLength(43);
        expect(log.includes(token), `${who}'s token found in the log`).toBe(false);
        const prefix = token.slice(0, 12);
        expect(log.includes(prefix), `the start of ${who}'s token found in the log`).toBe(false);
      }
      expect(log.includes(DEMO_PASSWORD), 'the demo password found in the log').toBe(false);
      expect(log.includes('not-the-password'), 'a tried password found in the log').toBe(false);
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
    // The provider's way back to Baton: its state, as much as its code (a substring elsewhere).
    expect(redactUrl('/auth/oidc/callback?code=c&state=s&iss=i')).toBe(
      '/auth/oidc/callback?code=[redacted]&state=[redacted]&iss=i',
    );
    expect(redactUrl('/a?nonce=n&statement=3')).toBe('/a?nonce=[redacted]&statement=3');
  });
});
