/**
 * A signed-in person's own account security, over a real server on both engines: changing the
 * password (the current one needed; the other sessions end and their sockets close at once),
 * the sessions list (never a token) and revoking one session, by its owner or by an admin;
 * each change in the audit log. Wrong current passwords count toward the log-in lockout.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, login } from '../helpers/api-client.ts';
import { TEST_DATABASES } from '../helpers/databases.ts';
import { openSocket, type TestSocket } from '../helpers/socket-client.ts';
import { startTestServer, type TestServer } from '../helpers/test-server.ts';
import { until } from '../helpers/until.ts';

describe.each(TEST_DATABASES)('account security ($name)', (database) => {
  let s: TestServer;
  let admin: string;
  // The server's clock runs this far ahead of the real one: moved on to test "last seen".
  let ahead = 0;
  const password = () => s.demoAgent.password;
  const audit = async (query: string) =>
    (await api(s.baseUrl, 'GET', `/api/v1/team/audit${query}`, { token: admin })).body.entries;
  const inbox = (token: string) =>
    openSocket(`${s.wsUrl}/api/v1/agent/stream`, ['baton', `baton.token.${token}`]);
  const closeCode = (socket: TestSocket) => {
    let code: number | undefined;
    socket.ws.once('close', (c) => (code = c));
    return () => code;
  };
  /** Logs in with a user agent of our choosing. */
  const loginAs = async (email: string, userAgent: string, pass = password()) => {
    const r = await fetch(`${s.baseUrl}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'user-agent': userAgent },
      body: JSON.stringify({ email, password: pass }),
    });
    expect(r.status).toBe(200);
    return ((await r.json()) as { token: string }).token;
  };

  beforeAll(async () => {
    if (database.skipReason) return;
    s = await startTestServer({
      engine: database.name,
      clock: () => new Date(Date.now() + ahead),
    });
    admin = await login(s.baseUrl, 'morgan@example.com', password());
  });
  afterAll(async () => {
    await s?.close();
  });

  it.skipIf(database.skipReason)(
    'changes the password with the current one and ends every other session at once',
    async () => {
      const here = await login(s.baseUrl, 'sam@example.com', password());
      const elsewhere = await login(s.baseUrl, 'sam@example.com', password());
      const socket = await inbox(elsewhere);
      const code = closeCode(socket);
      const change = (body: unknown) =>
        api(s.baseUrl, 'POST', '/api/v1/me/password', { token: here, body });
      const next = 'correct-horse-battery-staple';

      const wrong = await change({ currentPassword: 'not-my-password', newPassword: next });
      expect([wrong.status, wrong.body.error.code]).toEqual([403, 'WRONG_PASSWORD']);
      const short = await change({ currentPassword: password(), newPassword: 'short' });
      expect([short.status, short.body.error.code]).toEqual([400, 'VALIDATION_FAILED']);
      const same = await change({ currentPassword: password(), newPassword: password() });
      expect(same.status).toBe(400);
      expect((await api(s.baseUrl, 'GET', '/api/v1/me', { token: elsewhere })).status).toBe(200);

      const done = await change({ currentPassword: password(), newPassword: next });
      expect([done.status, done.body]).toEqual([200, { endedSessions: 1 }]);
      // The periodic session check runs every 30 s: closing within 10 s is the change's doing.
      expect(await until(code, 10_000)).toBe(4401);
      expect((await api(s.baseUrl, 'GET', '/api/v1/me', { token: elsewhere })).status).toBe(401);
      expect((await api(s.baseUrl, 'GET', '/api/v1/me', { token: here })).status).toBe(200);

      const old = await api(s.baseUrl, 'POST', '/api/v1/auth/login', {
        body: { email: 'sam@example.com', password: password() },
      });
      expect(old.status).toBe(401);
      await loginAs('sam@example.com', 'test', next);

      const entries = await audit('?action=session.&limit=20');
      const sam = entries.find((e: any) => e.action === 'session.password_changed');
      expect(sam).toMatchObject({
        actor: { name: 'Sam' },
        agent: { name: 'Sam' },
        changes: { endedSessions: 1 },
        ip: '127.0.0.1',
      });
      const failed = entries.filter((e: any) => e.action === 'session.password_change_failed');
      expect(failed.map((e: any) => e.changes)).toEqual([{ locked: false }]);
      const text = JSON.stringify(entries);
      expect(text).not.toContain(next);
      expect(text).not.toContain('not-my-password');
    },
  );

  it.skipIf(database.skipReason)(
    'lists my sessions without tokens and ends one, closing its socket at once',
    async () => {
      const laptop = await loginAs('alex@example.com', 'Laptop Browser/1.0');
      const phone = await loginAs('alex@example.com', 'Phone Browser/2.0');
      const mine = async (token: string) =>
        (await api(s.baseUrl, 'GET', '/api/v1/me/sessions', { token })).body.sessions as any[];

      const listed = await mine(laptop);
      const laptopRow = listed.find((x) => x.userAgent === 'Laptop Browser/1.0');
      const phoneRow = listed.find((x) => x.userAgent === 'Phone Browser/2.0');
      expect(laptopRow).toMatchObject({ current: true, ip: '127.0.0.1' });
      expect(laptopRow.id).toMatch(/^s_[0-9a-f]{24}$/);
      expect(laptopRow.lastSeenAt).toBe(laptopRow.createdAt);
      expect(phoneRow).toMatchObject({ current: false });
      expect(listed.filter((x) => x.current)).toHaveLength(1);
      const text = JSON.stringify(listed);
      for (const token of [laptop, phone]) expect(text).not.toContain(token);
      // Sam's sessions are not Alex's.
      const samsToken = await loginAs('sam@example.com', 'Sam', 'correct-horse-battery-staple');
      const sams = await mine(samsToken);
      expect(sams.map((x) => x.id)).not.toContain(laptopRow.id);

      // A use more than a minute later is recorded.
      ahead += 2 * 60_000;
      const later = (await mine(laptop)).find((x) => x.id === laptopRow.id);
      expect(Date.parse(later.lastSeenAt)).toBeGreaterThan(Date.parse(laptopRow.createdAt));

      const socket = await inbox(phone);
      const code = closeCode(socket);
      const other = await api(s.baseUrl, 'DELETE', `/api/v1/me/sessions/${sams[0].id}`, {
        token: laptop,
      });
      expect([other.status, other.body.error.code]).toEqual([404, 'SESSION_NOT_FOUND']);
      const out = await api(s.baseUrl, 'DELETE', `/api/v1/me/sessions/${phoneRow.id}`, {
        token: laptop,
      });
      expect(out.status).toBe(204);
      expect(await until(code, 10_000)).toBe(4401);
      expect((await api(s.baseUrl, 'GET', '/api/v1/me', { token: phone })).status).toBe(401);
      expect((await api(s.baseUrl, 'GET', '/api/v1/me', { token: samsToken })).status).toBe(200);
      expect((await mine(laptop)).map((x) => x.id)).not.toContain(phoneRow.id);

      const [row] = await audit('?action=session.revoked&limit=1');
      expect(row).toMatchObject({
        actor: { name: 'Alex' },
        agent: { name: 'Alex' },
        changes: { sessionId: phoneRow.id },
        ip: '127.0.0.1',
      });
    },
  );

  it.skipIf(database.skipReason)(
    "lets admins, and only admins, list and end a member's sessions",
    async () => {
      const alex = await loginAs('alex@example.com', 'Kiosk/3.0');
      const me = (await api(s.baseUrl, 'GET', '/api/v1/me', { token: alex })).body.agent;
      const path = `/api/v1/team/agents/${me.id}/sessions`;
      const riley = await login(s.baseUrl, 'riley@example.com', password());
      for (const token of [alex, riley]) {
        expect((await api(s.baseUrl, 'GET', path, { token })).status).toBe(403);
      }
      const listed = (await api(s.baseUrl, 'GET', path, { token: admin })).body.sessions as any[];
      const kiosk = listed.find((x) => x.userAgent === 'Kiosk/3.0');
      expect(kiosk).toMatchObject({ current: false });
      expect((await api(s.baseUrl, 'DELETE', `${path}/${kiosk.id}`, { token: riley })).status).toBe(
        403,
      );
      expect(
        (await api(s.baseUrl, 'GET', '/api/v1/team/agents/a_nobody/sessions', { token: admin }))
          .status,
      ).toBe(404);

      const socket = await inbox(alex);
      const code = closeCode(socket);
      const out = await api(s.baseUrl, 'DELETE', `${path}/${kiosk.id}`, { token: admin });
      expect(out.status).toBe(204);
      expect(await until(code, 10_000)).toBe(4401);
      expect((await api(s.baseUrl, 'GET', '/api/v1/me', { token: alex })).status).toBe(401);

      const [row] = await audit('?action=session.revoked&limit=1');
      expect(row).toMatchObject({
        actor: { name: 'Morgan' },
        agent: { id: me.id },
        changes: { sessionId: kiosk.id },
      });
    },
  );

  it.skipIf(database.skipReason)(
    'counts wrong current passwords toward the log-in lockout, so a stolen session buys no guesses',
    async () => {
      const alex = await login(s.baseUrl, 'alex@example.com', password());
      const change = (currentPassword: string) =>
        api(s.baseUrl, 'POST', '/api/v1/me/password', {
          token: alex,
          body: { currentPassword, newPassword: 'correct-horse-battery-staple' },
        });
      // The default: 5 attempts in 15 minutes (test/config/load-config.test.ts).
      for (let i = 0; i < 5; i++) {
        const wrong = await change(`guess-number-${i}`);
        expect([wrong.status, wrong.body.error.code]).toEqual([403, 'WRONG_PASSWORD']);
      }
      const locked = await change(password());
      expect([locked.status, locked.body.error.code]).toEqual([429, 'LOGIN_LOCKED']);
      const signIn = await api(s.baseUrl, 'POST', '/api/v1/auth/login', {
        body: { email: 'alex@example.com', password: password() },
      });
      expect([signIn.status, signIn.body.error.code]).toEqual([429, 'LOGIN_LOCKED']);
      const [last] = await audit('?action=session.password_change_failed&limit=1');
      expect(last).toMatchObject({ agent: { name: 'Alex' }, changes: { locked: true } });
    },
  );
});
