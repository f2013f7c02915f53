/**
 * `auth.requireTotp` (BATON_REQUIRE_TOTP) over a real server on both engines: an account
 * without two-factor logs in to a session that can only set it up (and log out) — every other
 * route and the inbox socket answer 403 TOTP_ENROLMENT_REQUIRED — and once two-factor is on,
 * the same session is a full one and the next log-in needs a code.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, startConversation } from '../helpers/api-client.ts';
import { TEST_DATABASES } from '../helpers/databases.ts';
import { refusedStatus, tokenProtocols } from '../helpers/socket-client.ts';
import { startTestServer, type TestServer } from '../helpers/test-server.ts';
import { codeAt, enrol, tryLogin } from '../helpers/two-factor.ts';

describe.each(TEST_DATABASES)('two-factor required ($name)', (database) => {
  let s: TestServer;
  let ahead = 0;
  const now = () => new Date(Date.now() + ahead);
  const password = () => s.demoAgent.password;

  beforeAll(async () => {
    if (database.skipReason) return;
    s = await startTestServer({
      engine: database.name,
      clock: now,
      env: { BATON_REQUIRE_TOTP: 'true' },
    });
  });
  afterAll(async () => {
    await s?.close();
  });

  it.skipIf(database.skipReason)(
    'gives an account without two-factor a session that can only set it up',
    async () => {
      const first = await tryLogin(s.baseUrl, { email: 'alex@example.com', password: password() });
      expect(first.status).toBe(200);
      expect(first.body.totpEnrolmentRequired).toBe(true);
      const token = first.body.token as string;
      const alex = first.body.agent.id as string;
      const [signedIn] = (
        await s.server.store.teamAudit.page({
          limit: 1,
          agentId: alex,
          action: 'session.logged_in',
        })
      ).entries;
      expect(signedIn?.changes).toEqual({ enrolmentOnly: true });
      const refused = async (method: string, path: string, body?: unknown) => {
        const r = await api(s.baseUrl, method, path, { token, body });
        return [r.status, r.body?.error?.code];
      };
      const enrolment = [403, 'TOTP_ENROLMENT_REQUIRED'];
      expect(await refused('GET', '/api/v1/me')).toEqual(enrolment);
      expect(await refused('GET', '/api/v1/inbox')).toEqual(enrolment);
      expect(await refused('GET', '/api/v1/me/sessions')).toEqual(enrolment);
      expect(
        await refused('POST', '/api/v1/me/password', {
          currentPassword: password(),
          newPassword: 'correct-horse-battery-staple',
        }),
      ).toEqual(enrolment);
      const c = await startConversation(s.baseUrl);
      expect(await refused('GET', `/api/v1/conversations/${c.id}`)).toEqual(enrolment);
      expect(await refusedStatus(`${s.wsUrl}/api/v1/agent/stream`, tokenProtocols(token))).toBe(
        403,
      );

      const { secret } = await enrol(s.baseUrl, token, password(), now());
      // The same session is a full one now.
      const me = await api(s.baseUrl, 'GET', '/api/v1/me', { token });
      expect([me.status, me.body.agent.totpEnabled]).toEqual([200, true]);

      ahead += 30_000;
      const noCode = await tryLogin(s.baseUrl, { email: 'alex@example.com', password: password() });
      expect(noCode.body.error.code).toBe('TOTP_REQUIRED');
      const full = await tryLogin(s.baseUrl, {
        email: 'alex@example.com',
        password: password(),
        totpCode: codeAt(secret, now()),
      });
      expect(full.status).toBe(200);
      expect(full.body.totpEnrolmentRequired).toBeUndefined();
      expect(
        (await api(s.baseUrl, 'GET', '/api/v1/inbox', { token: full.body.token })).status,
      ).toBe(200);
    },
  );

  it.skipIf(database.skipReason)('lets a session that must enrol log out', async () => {
    const r = await tryLogin(s.baseUrl, { email: 'sam@example.com', password: password() });
    expect(r.body.totpEnrolmentRequired).toBe(true);
    const token = r.body.token as string;
    expect((await api(s.baseUrl, 'POST', '/api/v1/auth/logout', { token })).status).toBe(204);
    const after = await api(s.baseUrl, 'POST', '/api/v1/me/totp/setup', {
      token,
      body: { password: password() },
    });
    expect([after.status, after.body.error.code]).toEqual([401, 'UNAUTHENTICATED']);
  });
});
