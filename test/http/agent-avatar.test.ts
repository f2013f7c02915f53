/**
 * An agent's profile picture through the running server, on both engines: the upload reads the
 * type from the bytes (a PNG passes, text and SVG do not, more than 512 kB is 413), the picture
 * is served by Baton with its own type and nosniff, its address changes with the picture, and
 * the customer's `conversation.assigned` event names it when the agent takes the conversation.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, login, startConversation } from '../helpers/api-client.ts';
import { TEST_DATABASES } from '../helpers/databases.ts';
import { startTestServer, type TestServer } from '../helpers/test-server.ts';

/** A 1×1 PNG. */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);

describe.each(TEST_DATABASES)('agent avatars on $name', (database) => {
  let s: TestServer;
  let alex: string;
  beforeAll(async () => {
    if (database.skipReason) return;
    s = await startTestServer({ engine: database.name });
    alex = await login(s.baseUrl, s.demoAgent.email, s.demoAgent.password);
  });
  afterAll(async () => {
    await s?.close();
  });

  async function upload(content: Buffer, name = 'me.png', type = 'image/png') {
    const form = new FormData();
    form.append('file', new Blob([content], { type }), name);
    const response = await fetch(`${s.baseUrl}/api/v1/me/avatar`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${alex}` },
      body: form,
    });
    return { status: response.status, body: (await response.json()) as any };
  }

  it.skipIf(database.skipReason !== null)(
    'keeps a picture, refuses what is not one, and serves it at an address that names it',
    async () => {
      const text = await upload(Buffer.from('plain words'));
      expect(text.status).toBe(415);
      expect(text.body.error.code).toBe('FILE_TYPE_NOT_ALLOWED');
      const svg = await upload(
        Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'),
        'me.svg',
        'image/svg+xml',
      );
      expect(svg.status).toBe(415);
      const huge = await upload(Buffer.concat([PNG, Buffer.alloc(600 * 1024)]));
      expect(huge.status).toBe(413);
      expect(huge.body.error.code).toBe('FILE_TOO_LARGE');
      expect(
        (await api(s.baseUrl, 'GET', '/api/v1/me', { token: alex })).body.agent.avatarUrl,
      ).toBe(undefined);

      const saved = await upload(PNG);
      expect(saved.status).toBe(200);
      expect(saved.body.avatarUrl).toMatch(/^\/api\/v1\/agents\/[^/]+\/avatar\?v=[0-9a-f]+$/);
      const me = await api(s.baseUrl, 'GET', '/api/v1/me', { token: alex });
      expect(me.body.agent.avatarUrl).toBe(saved.body.avatarUrl);
      const served = await fetch(`${s.baseUrl}${saved.body.avatarUrl}`);
      expect(served.status).toBe(200);
      expect(served.headers.get('content-type')).toBe('image/png');
      expect(served.headers.get('x-content-type-options')).toBe('nosniff');
      expect(served.headers.get('cross-origin-resource-policy')).toBe('cross-origin');
      expect(Buffer.from(await served.arrayBuffer()).equals(PNG)).toBe(true);

      // The customer learns where the picture is when Alex joins.
      const c = await startConversation(s.baseUrl);
      await api(s.baseUrl, 'POST', `/api/v1/conversations/${c.id}/messages`, {
        token: c.token,
        body: { text: 'I want to talk to a human' },
      });
      const claim = await api(s.baseUrl, 'POST', `/api/v1/conversations/${c.id}/claim`, {
        token: alex,
        body: {},
      });
      expect(claim.status).toBe(200);
      const events = await api(s.baseUrl, 'GET', `/api/v1/conversations/${c.id}/events`, {
        token: c.token,
      });
      const assigned = (events.body.events as any[]).find(
        (e) => e.type === 'conversation.assigned',
      );
      expect(assigned.data).toEqual({ agentName: 'Alex', agentAvatar: saved.body.avatarUrl });

      // Removed: no address, and the old one answers 404.
      const removed = await api(s.baseUrl, 'DELETE', '/api/v1/me/avatar', { token: alex });
      expect(removed.status).toBe(204);
      expect((await fetch(`${s.baseUrl}${saved.body.avatarUrl}`)).status).toBe(404);
      expect(
        (await api(s.baseUrl, 'GET', '/api/v1/me', { token: alex })).body.agent.avatarUrl,
      ).toBe(undefined);
      // Without a session, no upload.
      const anonymous = await fetch(`${s.baseUrl}/api/v1/me/avatar`, {
        method: 'PUT',
        body: new FormData(),
      });
      expect(anonymous.status).toBe(401);
    },
  );
});
