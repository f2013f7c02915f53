/**
 * The log sentry every test server carries (test/helpers/log-sentry.ts): what it counts as a
 * secret, that it reads the real request log (so a clean result means something), and that
 * a server whose log held one fails its `close()`, so the test file that started it fails;
 * and that a secret is noted whichever way the tests received it (a socket frame too).
 */
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { api, login, startConversation } from '../helpers/api-client.ts';
import { LogSentry, tokenLeads } from '../helpers/log-sentry.ts';
import { unnotedFetch } from '../helpers/noting-fetch.ts';
import { startWithOidc } from '../helpers/oidc-sign-in.ts';
import { startOidcStandIn } from '../helpers/oidc-stand-in.ts';
import { openSocket, tokenProtocols } from '../helpers/socket-client.ts';
import { startTestServer } from '../helpers/test-server.ts';
import { codeAt, enrol, tryLogin } from '../helpers/two-factor.ts';

describe('log sentry', () => {
  it('finds tokens, the password and customer emails, not redacted values or the team', () => {
    const sentry = new LogSentry('baton-demo');
    const lines = [
      '{"url":"/api/v1/agent/stream?token=[redacted]&since=3"}',
      '{"msg":"demo agent created: alex@example.com"}',
      '{"msg":"password baton-demo-other is not the demo one"}',
      '{"url":"/api/v1/conversations/c_1/stream?since=0&token=Zm9vYmFyYmF6cXV4"}',
      '{"headers":{"authorization":"Bearer Zm9vYmFyYmF6cXV4MTIzNDU2"}}',
      '{"headers":{"sec-websocket-protocol":"baton, baton.token.Zm9vYmFyYmF6"}}',
      '{"msg":"the demo password is baton-demo"}',
      '{"msg":"mail from Kim.Lee@Customer.test accepted"}',
    ];
    for (const line of lines) sentry.stream.write(line);
    const found = sentry.check(['alex@example.com']);
    expect(found.map((f) => f.kind)).toEqual([
      'token',
      'token',
      'token',
      'password',
      'customer_email',
    ]);
    expect(found[4]?.excerpt).toContain('Kim.Lee@Customer.test');
  });

  it('reads every request of a running server and passes a clean one', async () => {
    const s = await startTestServer();
    const agent = await login(s.baseUrl, s.demoAgent.email, s.demoAgent.password);
    const c = await startConversation(s.baseUrl, {
      customer: { name: 'Kim', email: 'kim.lee@customer.test' },
    });
    await api(s.baseUrl, 'POST', `/api/v1/conversations/${c.id}/messages`, {
      token: c.token,
      body: { text: 'Write to me at kim.lee@customer.test please' },
    });
    await fetch(`${s.baseUrl}/api/v1/conversations/${c.id}/media/m1?token=${agent}`);
    const before = s.logSentry.lines;
    expect((await api(s.baseUrl, 'GET', '/api/v1/me', { token: agent })).status).toBe(200);
    // Each request is logged (received and answered): the scan reads what could leak.
    expect(s.logSentry.lines).toBeGreaterThanOrEqual(before + 2);
    await expect(s.close()).resolves.toBeUndefined();
  });

  it('finds a token it issued by its value, under any key, and not another value', async () => {
    const s = await startTestServer();
    const agent = await login(s.baseUrl, s.demoAgent.email, s.demoAgent.password);
    const c = await startConversation(s.baseUrl, { customer: { name: 'Kim' } });
    // Neither a query parameter, a Bearer credential nor a sub-protocol: only the value tells.
    s.logSentry.stream.write(`{"msg":"socket opened","conversationToken":"${c.token}"}\n`);
    s.logSentry.stream.write(`{"msg":"touched ${agent}."}\n`);
    // A run as long as a token that is none the server issued is not a finding.
    s.logSentry.stream.write(`{"etag":"${'A'.repeat(43)}"}\n`);
    const closed = s.close();
    await expect(closed).rejects.toThrow(/token: .*conversationToken/);
    await expect(closed).rejects.toThrow(/token: .*touched/);
    await expect(closed).rejects.not.toThrow(/etag/);
  });

  it("finds a secret the API client was answered under any secret's key, not only token", async () => {
    const s = await startTestServer();
    const agent = await login(s.baseUrl, s.demoAgent.email, s.demoAgent.password);
    const setup = await api(s.baseUrl, 'POST', '/api/v1/me/totp/setup', {
      token: agent,
      body: { password: s.demoAgent.password },
    });
    // The authenticator app's secret (base32, 32 characters): a credential, named `secret`.
    expect(setup.body.secret).toMatch(/^[A-Z2-7]{32}$/);
    s.logSentry.stream.write(`{"msg":"two-factor set up","seed":"${setup.body.secret}"}\n`);
    await expect(s.close()).rejects.toThrow(/token: .*two-factor set up/);
  });

  it('finds a secret a socket frame carried, which no HTTP answer the tests read held', async () => {
    const s = await startTestServer();
    const agent = await login(s.baseUrl, s.demoAgent.email, s.demoAgent.password);
    const inbox = await openSocket(`${s.wsUrl}/api/v1/agent/stream`, tokenProtocols(agent));
    // No frame of today's server carries a credential (src/http/realtime), so a value under a
    // secret's key rides in the customer's fields, in the agent's `conversation` frame, as a
    // resume or media ticket would. Started and handed over with the fetch that notes
    // nothing (neither the API client nor the test files' noting fetch), so that only the
    // test socket client sees the ticket.
    const ticket = randomBytes(24).toString('base64url');
    const post = (path: string, body: unknown, token?: string) =>
      unnotedFetch()(`${s.baseUrl}${path}`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(token ? { authorization: `Bearer ${token}` } : {}),
        },
        body: JSON.stringify(body),
      });
    const started = await post('/api/v1/conversations', {
      customer: { name: 'Kim', resumeTicket: ticket },
    });
    expect(started.status).toBe(201);
    const c = (await started.json()) as { conversation: { id: string }; token: string };
    const asked = await post(
      `/api/v1/conversations/${c.conversation.id}/messages`,
      { action: 'request_human' },
      c.token,
    );
    expect(asked.status).toBeLessThan(300);
    const frame = await inbox.waitFor(
      (f) => f.type === 'conversation' && f.conversation.id === c.conversation.id,
    );
    expect(frame.conversation.customer.resumeTicket).toBe(ticket);
    await inbox.close();
    s.logSentry.stream.write(`{"msg":"stream resumed","id":"${ticket}"}\n`);
    await expect(s.close()).rejects.toThrow(/token: .*stream resumed/);
  });

  it("finds a secret a test's own fetch was answered, not only the API client's", async () => {
    const s = await startTestServer();
    // The global fetch, as a test file calls it: no API client noted these answers.
    const started = await fetch(`${s.baseUrl}/api/v1/conversations`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ customer: { name: 'Kim' } }),
    });
    expect(started.status).toBe(201);
    const { token } = (await started.json()) as { token: string };
    s.logSentry.stream.write(`{"msg":"conversation opened","c":"${token}"}\n`);
    await expect(s.close()).rejects.toThrow(/token: .*conversation opened/);
  });

  it("finds a secret a redirect's Location carried: the sign-in's state and nonce", async () => {
    const provider = await startOidcStandIn();
    const s = await startWithOidc('sqlite', provider);
    try {
      // Not followed, as the sign-in browser does not: the test sees Baton's redirect.
      const begun = await fetch(`${s.baseUrl}/auth/oidc/login`, { redirect: 'manual' });
      expect(begun.status).toBe(302);
      const sent = new URL(begun.headers.get('location') ?? '');
      const state = sent.searchParams.get('state') ?? '';
      const nonce = sent.searchParams.get('nonce') ?? '';
      expect(state.length).toBeGreaterThanOrEqual(16);
      s.logSentry.stream.write(`{"msg":"sign-in begun","flow":"${state}"}\n`);
      s.logSentry.stream.write(`{"msg":"sign-in checked","n":"${nonce.toUpperCase()}"}\n`);
      const refused = await s.close().then(
        () => 'closed without a finding',
        (error: Error) => error.message,
      );
      expect(refused).toMatch(/token: .*sign-in begun/);
      expect(refused).toMatch(/token: .*sign-in checked/);
    } finally {
      await provider.close();
    }
  });

  it('finds an issued token by its first 12 characters, and a JWT by its signature', () => {
    const token = 'Qm9vYmFyYmF6cXV4MTIzNDU2Nzg5MGFiY2RlZmdoaWprbG0';
    const jwt = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJhZ2VudCJ9.c2lnbmF0dXJlLW9mLXRoZS10b2tlbg';
    const sentry = new LogSentry('baton-demo');
    sentry.stream.write(`{"msg":"cut","id":"${token.slice(0, 12)}…"}`);
    // Another JWT's header and claims alike are not this one.
    sentry.stream.write(
      '{"msg":"other","jwt":"eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJhZ2VudCJ9.b3RoZXI"}',
    );
    expect(tokenLeads(jwt)).toEqual(['c2lnbmF0dXJl']);
    expect(sentry.check([], [token, jwt]).map((f) => f.excerpt)).toEqual([
      expect.stringContaining('"cut"'),
    ]);
    sentry.stream.write(`{"msg":"signed","sig":"${jwt.split('.')[2]?.slice(0, 12)}"}`);
    expect(sentry.check([], [jwt])).toHaveLength(1);
  });

  it('finds a recovery code however it is re-cased or regrouped, and not another code', () => {
    const code = 'k7q2-m3xd-4hfa';
    const spellings = ['k7q2-m3xd-4hfa', 'K7Q2 M3XD 4HFA', 'k7q2m3xd4hfa', 'K7Q2_M3XD_4HFA'];
    for (const spelt of spellings) {
      const sentry = new LogSentry('baton-demo');
      sentry.stream.write(`{"msg":"two-factor","body":{"totpCode":"${spelt}"}}`);
      expect(sentry.check([], [code]).map((f) => f.excerpt)).toEqual([
        expect.stringContaining(spelt),
      ]);
    }
    const sentry = new LogSentry('baton-demo');
    sentry.stream.write('{"msg":"two-factor","body":{"totpCode":"k7q2-m3xe-4hfa"}}');
    expect(sentry.check([], [code])).toEqual([]);
  });

  it('finds a recovery code the API answered, typed back into the log in capitals', async () => {
    const s = await startTestServer();
    const agent = await login(s.baseUrl, s.demoAgent.email, s.demoAgent.password);
    const { recoveryCodes } = await enrol(s.baseUrl, agent, s.demoAgent.password, new Date());
    // 12 base32 characters in three groups: shorter than any other secret the API answers.
    expect(recoveryCodes[0]).toMatch(/^[a-z2-7]{4}-[a-z2-7]{4}-[a-z2-7]{4}$/);
    const typed = (recoveryCodes[3] ?? '').toUpperCase().replaceAll('-', ' ');
    s.logSentry.stream.write(`{"msg":"log-in with a recovery code","totpCode":"${typed}"}\n`);
    await expect(s.close()).rejects.toThrow(/token: .*log-in with a recovery code/);
  });

  it('reads a server that never logs a recovery code or the TOTP secret it was sent', async () => {
    const s = await startTestServer();
    const email = s.demoAgent.email;
    const password = s.demoAgent.password;
    const agent = await login(s.baseUrl, email, password);
    const { secret, recoveryCodes } = await enrol(s.baseUrl, agent, password, new Date());
    const [first = '', second = '', third = ''] = recoveryCodes;
    const before = s.logSentry.lines;
    // A code as given, one re-typed, one wrong, an app code, and a body that does not parse.
    expect((await tryLogin(s.baseUrl, { email, password, totpCode: first })).status).toBe(200);
    const typed = second.toUpperCase().replaceAll('-', ' ');
    expect((await tryLogin(s.baseUrl, { email, password, totpCode: typed })).status).toBe(200);
    expect((await tryLogin(s.baseUrl, { email, password, totpCode: first })).status).toBe(401);
    // The next step's code: the confirming one's step is taken, and one step ahead is allowed.
    const app = codeAt(secret, new Date(Date.now() + 30_000));
    expect((await tryLogin(s.baseUrl, { email, password, totpCode: app })).status).toBe(200);
    const broken = await api(s.baseUrl, 'POST', '/api/v1/auth/login', {
      rawBody: `{"email":"${email}","password":"${password}","totpCode":"${third}"`,
    });
    expect(broken.status).toBe(400);
    const off = await api(s.baseUrl, 'DELETE', '/api/v1/me/totp', {
      token: agent,
      body: { password, code: third, secret },
    });
    expect(off.status).toBe(400);
    expect(s.logSentry.lines).toBeGreaterThanOrEqual(before + 10);
    await expect(s.close()).resolves.toBeUndefined();
  });

  it("fails the server's close() when its log held a secret", async () => {
    const s = await startTestServer();
    s.logSentry.stream.write('{"msg":"customer kim.lee@customer.test wrote"}\n');
    await expect(s.close()).rejects.toThrow(/customer_email: .*kim\.lee@customer\.test/);
  });
});
