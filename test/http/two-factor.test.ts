/**
 * Two-factor log-in over a real server on both engines: setting it up (password needed),
 * confirming it with a code from the secret handed out, then a log-in that needs a code, takes
 * each code once and counts wrong ones toward the lockout; recovery codes work once; turning it
 * off needs the password and a code; an admin's reset. Turning it on or off signs the person's
 * other sessions out (their sockets closed at once), a reset all of them. Every step is in the
 * audit log, and the secret and codes never are.
 */
import { createHash } from 'node:crypto';
import { TOTP, URI } from 'otpauth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, login } from '../helpers/api-client.ts';
import { TEST_DATABASES } from '../helpers/databases.ts';
import { openSocket } from '../helpers/socket-client.ts';
import { startTestServer, type TestServer } from '../helpers/test-server.ts';
import { codeAt, enrol, tryLogin } from '../helpers/two-factor.ts';
import { until } from '../helpers/until.ts';

describe.each(TEST_DATABASES)('two-factor log-in ($name)', (database) => {
  let s: TestServer;
  let admin: string;
  // The server's clock stands still in the middle of a 30 s code step and moves only when a
  // test moves it on: a code one step behind stays one step behind however slow the machine
  // (on the real clock, a step could end between making such a code and the server checking it).
  const start = Math.floor(Date.now() / 30_000) * 30_000 + 15_000;
  let ahead = 0;
  const now = () => new Date(start + ahead);
  const nextStep = () => (ahead += 30_000);
  const audit = async (query: string) =>
    (await api(s.baseUrl, 'GET', `/api/v1/team/audit${query}`, { token: admin })).body.entries;
  let accounts = 0;
  /**
   * A fresh account, logged in: each test has its own, so lockouts do not meet, and its own
   * client address, so the per-address limit of 20 log-ins a minute does not either.
   */
  const account = async (name: string) => {
    const email = `${name}-${database.name}@acme.test`;
    const created = await api(s.baseUrl, 'POST', '/api/v1/team/agents', {
      token: admin,
      body: { email, name },
    });
    const password = created.body.password as string;
    const address = `10.0.0.${++accounts}`;
    const first = await tryLogin(s.baseUrl, { email, password }, address);
    expect(first.status).toBe(200);
    return {
      id: created.body.agent.id as string,
      email,
      password,
      address,
      token: first.body.token,
    };
  };
  const logIn = (a: { address: string }, body: Record<string, string>) =>
    tryLogin(s.baseUrl, body, a.address);
  const status = async (token: string) =>
    (await api(s.baseUrl, 'GET', '/api/v1/me', { token })).status;
  /** An open inbox on the session; answers its close code once it closes. */
  const inbox = async (token: string) => {
    const socket = await openSocket(`${s.wsUrl}/api/v1/agent/stream`, [
      'baton',
      `baton.token.${token}`,
    ]);
    let code: number | undefined;
    socket.ws.once('close', (c) => (code = c));
    return () => code;
  };

  beforeAll(async () => {
    if (database.skipReason) return;
    s = await startTestServer({
      engine: database.name,
      clock: now,
      env: { BATON_TRUST_PROXY: '127.0.0.1' },
    });
    admin = await login(s.baseUrl, 'morgan@example.com', s.demoAgent.password);
  });
  afterAll(async () => {
    await s?.close();
  });

  it.skipIf(database.skipReason)(
    'sets up with the password, confirms with a code, then a log-in needs a code taken once',
    async () => {
      const a = await account('dana');
      const setup = (password: string) =>
        api(s.baseUrl, 'POST', '/api/v1/me/totp/setup', { token: a.token, body: { password } });
      const wrong = await setup('not-my-password');
      expect([wrong.status, wrong.body.error.code]).toEqual([403, 'WRONG_PASSWORD']);
      const confirmEarly = await api(s.baseUrl, 'POST', '/api/v1/me/totp/confirm', {
        token: a.token,
        body: { code: '123456' },
      });
      expect([confirmEarly.status, confirmEarly.body.error.code]).toEqual([
        409,
        'TOTP_NOT_PENDING',
      ]);

      const started = await setup(a.password);
      expect(started.status).toBe(200);
      const { secret, uri } = started.body;
      expect(secret).toMatch(/^[A-Z2-7]{32}$/);
      // As an authenticator app reads it.
      const app = URI.parse(uri);
      expect(app).toBeInstanceOf(TOTP);
      expect(app).toMatchObject({
        issuer: 'Baton',
        label: a.email,
        algorithm: 'SHA1',
        digits: 6,
        period: 30,
      });
      expect(app.secret.base32).toBe(secret);
      // Pending: the log-in does not ask for a code yet.
      expect((await logIn(a, { email: a.email, password: a.password })).status).toBe(200);

      const confirm = (code: string) =>
        api(s.baseUrl, 'POST', '/api/v1/me/totp/confirm', { token: a.token, body: { code } });
      const bad = await confirm(codeAt(secret, new Date(now().getTime() - 120_000)));
      expect([bad.status, bad.body.error.code]).toEqual([403, 'WRONG_TOTP_CODE']);
      const confirmCode = codeAt(secret, now());
      const confirmed = await confirm(confirmCode);
      expect(confirmed.status).toBe(200);
      const codes = confirmed.body.recoveryCodes as string[];
      expect(codes).toHaveLength(10);
      expect(new Set(codes).size).toBe(10);
      const me = await api(s.baseUrl, 'GET', '/api/v1/me', { token: a.token });
      expect(me.body.agent.totpEnabled).toBe(true);
      expect((await setup(a.password)).body.error.code).toBe('TOTP_ALREADY_ENABLED');

      const noCode = await logIn(a, { email: a.email, password: a.password });
      expect([noCode.status, noCode.body.error.code]).toEqual([401, 'TOTP_REQUIRED']);
      expect(noCode.body.token).toBeUndefined();
      // The code that confirmed the setup is spent.
      const replayed = await logIn(a, {
        email: a.email,
        password: a.password,
        totpCode: confirmCode,
      });
      expect([replayed.status, replayed.body.error.code]).toEqual([401, 'TOTP_INVALID']);

      nextStep();
      const code = codeAt(secret, now());
      const wrongPassword = await logIn(a, {
        email: a.email,
        password: 'not-my-password',
        totpCode: code,
      });
      expect(wrongPassword.body.error.code).toBe('INVALID_CREDENTIALS');
      const ok = await logIn(a, {
        email: a.email,
        password: a.password,
        totpCode: code,
      });
      expect(ok.status).toBe(200);
      expect(ok.body.totpEnrolmentRequired).toBeUndefined();
      expect((await api(s.baseUrl, 'GET', '/api/v1/me', { token: ok.body.token })).status).toBe(
        200,
      );
      const again = await logIn(a, {
        email: a.email,
        password: a.password,
        totpCode: code,
      });
      expect([again.status, again.body.error.code]).toEqual([401, 'TOTP_INVALID']);
      // Two steps on: the code from two steps ago is out of the window, the one before is not.
      nextStep();
      nextStep();
      const stale = codeAt(secret, new Date(now().getTime() - 60_000));
      const old = await logIn(a, {
        email: a.email,
        password: a.password,
        totpCode: stale,
      });
      expect(old.body.error.code).toBe('TOTP_INVALID');
      // One step behind is still taken (a phone's clock a little slow).
      const slow = codeAt(secret, new Date(now().getTime() - 30_000));
      const behind = await logIn(a, {
        email: a.email,
        password: a.password,
        totpCode: slow,
      });
      expect(behind.status).toBe(200);

      const entries = await audit(`?agentId=${a.id}&action=totp.&limit=20`);
      expect(entries.map((e: any) => [e.action, e.changes]).reverse()).toEqual([
        ['totp.setup_started', {}],
        ['totp.check_failed', { during: 'confirm', wrong: 'code' }],
        ['totp.enabled', { recoveryCodes: 10, endedSessions: 1 }],
        ['totp.check_failed', { during: 'login', wrong: 'replayed' }],
        ['totp.check_failed', { during: 'login', wrong: 'replayed' }],
        ['totp.check_failed', { during: 'login', wrong: 'code' }],
      ]);
      const text = JSON.stringify(await audit('?limit=100'));
      for (const hidden of [secret, code, confirmCode, ...codes])
        expect(text).not.toContain(hidden);
    },
  );

  it.skipIf(database.skipReason)(
    'counts wrong codes, and right passwords without a code, toward the account lockout',
    async () => {
      const a = await account('kim');
      const { secret } = await enrol(s.baseUrl, a.token, a.password, now());
      nextStep();
      const withCode = (totpCode?: string) =>
        logIn(a, {
          email: a.email,
          password: a.password,
          ...(totpCode ? { totpCode } : {}),
        });
      // The limit is 5 attempts (limits.loginFailures): 3 wrong codes, 1 without, 1 wrong.
      for (const code of ['000000', '111111', '222222'])
        expect((await withCode(code)).body.error.code).toBe('TOTP_INVALID');
      expect((await withCode()).body.error.code).toBe('TOTP_REQUIRED');
      expect((await withCode('333333')).body.error.code).toBe('TOTP_INVALID');
      const locked = await withCode(codeAt(secret, now()));
      expect([locked.status, locked.body.error.code]).toEqual([429, 'LOGIN_LOCKED']);
    },
  );

  it.skipIf(database.skipReason)('takes each recovery code once, in any case', async () => {
    const a = await account('lee');
    const { recoveryCodes } = await enrol(s.baseUrl, a.token, a.password, now());
    const [first, second, third] = recoveryCodes as [string, string, string];
    // Stored only as SHA-256 hashes of the code as typed without case, dashes or spaces.
    const stored = await s.server.store.db
      .selectFrom('agent_recovery_codes')
      .select('code_hash')
      .where('agent_id', '=', a.id)
      .execute();
    const sha256 = (code: string) =>
      createHash('sha256').update(code.toLowerCase().replace(/[\s-]/g, '')).digest('hex');
    expect(stored.map((r) => r.code_hash).sort()).toEqual(
      (recoveryCodes as string[]).map(sha256).sort(),
    );
    const once = await logIn(a, {
      email: a.email,
      password: a.password,
      totpCode: first,
    });
    expect(once.status).toBe(200);
    const twice = await logIn(a, {
      email: a.email,
      password: a.password,
      totpCode: first,
    });
    expect([twice.status, twice.body.error.code]).toEqual([401, 'TOTP_INVALID']);
    const typed = second.toUpperCase().replaceAll('-', ' ');
    const loose = await logIn(a, {
      email: a.email,
      password: a.password,
      totpCode: typed,
    });
    expect(loose.status).toBe(200);
    const bare = await logIn(a, {
      email: a.email,
      password: a.password,
      totpCode: third.replaceAll('-', ''),
    });
    expect(bare.status).toBe(200);

    const entries = await audit(`?agentId=${a.id}&action=totp.&limit=4`);
    expect(entries.map((e: any) => [e.action, e.changes])).toEqual([
      ['totp.recovery_code_used', { during: 'login', recoveryCodesLeft: 7 }],
      ['totp.recovery_code_used', { during: 'login', recoveryCodesLeft: 8 }],
      ['totp.check_failed', { during: 'login', wrong: 'recovery_code' }],
      ['totp.recovery_code_used', { during: 'login', recoveryCodesLeft: 9 }],
    ]);
  });

  it.skipIf(database.skipReason)('turns off with the password and a current code', async () => {
    const a = await account('max');
    const off = (body: unknown) =>
      api(s.baseUrl, 'DELETE', '/api/v1/me/totp', { token: a.token, body });
    const notOn = await off({ password: a.password, code: '123456' });
    expect([notOn.status, notOn.body.error.code]).toEqual([409, 'TOTP_NOT_ENABLED']);
    const { secret } = await enrol(s.baseUrl, a.token, a.password, now());
    // The code of the step after now is taken too (a phone's clock a little fast).
    const code = codeAt(secret, new Date(now().getTime() + 30_000));
    const wrongPassword = await off({ password: 'not-my-password', code });
    expect([wrongPassword.status, wrongPassword.body.error.code]).toEqual([403, 'WRONG_PASSWORD']);
    const wrongCode = await off({ password: a.password, code: '000000' });
    expect([wrongCode.status, wrongCode.body.error.code]).toEqual([403, 'WRONG_TOTP_CODE']);
    expect((await off({ password: a.password, code })).status).toBe(204);

    const plain = await logIn(a, { email: a.email, password: a.password });
    expect(plain.status).toBe(200);
    expect(plain.body.agent.totpEnabled).toBe(false);
    const [row] = await audit(`?agentId=${a.id}&action=totp.disabled&limit=1`);
    expect(row).toMatchObject({ actor: { id: a.id }, ip: '127.0.0.1' });
  });

  it.skipIf(database.skipReason)(
    'signs my other sessions out when I turn it on or off; this one stays',
    async () => {
      const a = await account('ilse');
      const other = await logIn(a, { email: a.email, password: a.password });
      const closed = await inbox(other.body.token);
      const { secret } = await enrol(s.baseUrl, a.token, a.password, now());
      // The periodic session check runs every 30 s: closing within 10 s is the change's doing.
      expect(await until(closed, 10_000)).toBe(4401);
      expect(await status(other.body.token)).toBe(401);
      expect(await status(a.token)).toBe(200);
      const [on] = await audit(`?agentId=${a.id}&action=totp.enabled&limit=1`);
      expect(on.changes).toEqual({ recoveryCodes: 10, endedSessions: 1 });

      nextStep();
      const again = await logIn(a, {
        email: a.email,
        password: a.password,
        totpCode: codeAt(secret, now()),
      });
      expect(again.status).toBe(200);
      const closedAgain = await inbox(again.body.token);
      nextStep();
      const off = await api(s.baseUrl, 'DELETE', '/api/v1/me/totp', {
        token: a.token,
        body: { password: a.password, code: codeAt(secret, now()) },
      });
      expect(off.status).toBe(204);
      expect(await until(closedAgain, 10_000)).toBe(4401);
      expect(await status(again.body.token)).toBe(401);
      expect(await status(a.token)).toBe(200);
      const [offRow] = await audit(`?agentId=${a.id}&action=totp.disabled&limit=1`);
      expect(offRow.changes).toEqual({ endedSessions: 1 });
    },
  );

  it.skipIf(database.skipReason)(
    "lets admins, and only admins, reset a member's two-factor",
    async () => {
      const a = await account('noor');
      await enrol(s.baseUrl, a.token, a.password, now());
      const reset = (token: string, id = a.id) =>
        api(s.baseUrl, 'DELETE', `/api/v1/team/agents/${id}/totp`, { token });
      const riley = await login(s.baseUrl, 'riley@example.com', s.demoAgent.password);
      expect((await reset(riley)).status).toBe(403);
      expect((await reset(a.token)).status).toBe(403);
      expect((await reset(admin, 'a_nobody')).status).toBe(404);
      expect((await logIn(a, { email: a.email, password: a.password })).status).toBe(401);
      const closed = await inbox(a.token);
      expect((await reset(admin)).status).toBe(204);
      // Every session of theirs ends: the lost phone may hold one.
      expect(await until(closed, 10_000)).toBe(4401);
      expect(await status(a.token)).toBe(401);
      expect(await status(admin)).toBe(200);
      expect((await logIn(a, { email: a.email, password: a.password })).status).toBe(200);
      const [row] = await audit(`?agentId=${a.id}&action=totp.reset&limit=1`);
      expect(row).toMatchObject({
        actor: { name: 'Morgan' },
        changes: { wasEnabled: true, endedSessions: 1 },
      });
    },
  );
});
