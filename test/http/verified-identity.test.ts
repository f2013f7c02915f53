/**
 * Verified customer identity over HTTP (docs/security.md#verified-customer-identity): the
 * host site signs a visitor with `userHash` or `identityToken`; unsigned claims are stored as
 * unverified, never joined to a known customer's history and never raise priority.
 */
import { createHmac } from 'node:crypto';
import { SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, login, startConversation } from '../helpers/api-client.ts';
import { TEST_DATABASES } from '../helpers/databases.ts';
import { startTestServer, type TestServer } from '../helpers/test-server.ts';

const SECRET = 'identity-secret-0123456789abcdef';
const hmac = (value: string, secret = SECRET) =>
  createHmac('sha256', secret).update(value).digest('hex');

async function identityToken(
  claims: Record<string, unknown>,
  options: { secret?: string; expiresInSeconds?: number } = {},
): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT(claims)
    .setProtectedHeader({ alg: 'HS256' })
    .setIssuedAt(now)
    .setExpirationTime(now + (options.expiresInSeconds ?? 300))
    .sign(new TextEncoder().encode(options.secret ?? SECRET));
}

const create = (url: string, body: unknown) => api(url, 'POST', '/api/v1/conversations', { body });

describe.each(TEST_DATABASES)(
  'verified customer identity, identity.secret set ($name)',
  (database) => {
    let s: TestServer;
    let agent: string;
    beforeAll(async () => {
      if (database.skipReason) return;
      s = await startTestServer({ engine: database.name, env: { BATON_IDENTITY_SECRET: SECRET } });
      // A supervisor reads every conversation, whatever its queue or phase (an agent only their
      // scope's: test/http/conversation-scope.test.ts).
      agent = await login(s.baseUrl, 'riley@example.com', s.demoAgent.password);
    });
    afterAll(async () => {
      await s?.close();
    });

    /** Asks for a person and returns the handoff packet the agent reads. */
    async function handOver(c: { id: string; token: string }) {
      await api(s.baseUrl, 'POST', `/api/v1/conversations/${c.id}/messages`, {
        token: c.token,
        body: { text: 'I want to talk to a human' },
      });
      const r = await api(s.baseUrl, 'GET', `/api/v1/conversations/${c.id}/packet`, {
        token: agent,
      });
      expect(r.status).toBe(200);
      return r.body.packet;
    }
    const customerOf = async (id: string) =>
      (await api(s.baseUrl, 'GET', `/api/v1/conversations/${id}`, { token: agent })).body
        .conversation.customer;

    it.skipIf(database.skipReason)(
      'accepts a valid userHash of the id and marks the customer verified',
      async () => {
        const c = await startConversation(s.baseUrl, {
          customer: { id: 'u-100', name: 'Ada' },
          userHash: hmac('u-100'),
        });
        expect(await customerOf(c.id)).toMatchObject({
          id: 'u-100',
          verified: true,
          verifiedBy: 'user_hash',
        });
        expect((await handOver(c)).customer).toMatchObject({ id: 'u-100', verified: true });
      },
    );

    it.skipIf(database.skipReason)('signs the email when there is no id', async () => {
      const r = await create(s.baseUrl, {
        customer: { email: 'mail-only@example.com' },
        userHash: hmac('mail-only@example.com'),
      });
      expect(r.status).toBe(201);
    });

    it.skipIf(database.skipReason)(
      'refuses a wrong userHash with 401 IDENTITY_INVALID (never a silent downgrade)',
      async () => {
        for (const userHash of [hmac('u-100', 'another-secret-0123456789'), hmac('u-101'), 'zz']) {
          const r = await create(s.baseUrl, { customer: { id: 'u-100' }, userHash });
          expect(r.status).toBe(401);
          expect(r.body.error.code).toBe('IDENTITY_INVALID');
        }
      },
    );

    it.skipIf(database.skipReason)(
      'accepts a valid identityToken: its claims are the customer and count for priority',
      async () => {
        const token = await identityToken({
          sub: 'u-200',
          email: 'vip@example.com',
          name: 'Vera',
          tier: 'enterprise',
          lifetime_value: 90_000,
          at_risk_of_churn: true,
        });
        const c = await startConversation(s.baseUrl, {
          // Nothing the browser sends beside a token is kept.
          customer: { id: 'someone-else', tier: 'free' },
          identityToken: token,
        });
        expect(await customerOf(c.id)).toEqual({
          id: 'u-200',
          email: 'vip@example.com',
          name: 'Vera',
          tier: 'enterprise',
          lifetime_value: 90_000,
          at_risk_of_churn: true,
          verified: true,
          verifiedBy: 'identity_token',
        });
        const packet = await handOver(c);
        const sources = packet.priority.contributions.map((x: { source: string }) => x.source);
        expect(sources).toEqual(
          expect.arrayContaining(['tier:enterprise', 'lifetime_value', 'at_risk_of_churn']),
        );
        expect(packet.customer).toMatchObject({ tier: 'enterprise', verified: true });
      },
    );

    it.skipIf(database.skipReason)(
      'refuses an identityToken expired, signed with another key or algorithm, without exp or subject',
      async () => {
        const expired = await identityToken({ sub: 'u-300' }, { expiresInSeconds: -120 });
        const wrongKey = await identityToken(
          { sub: 'u-300' },
          { secret: 'not-the-identity-secret-0123' },
        );
        const noExp = await new SignJWT({ sub: 'u-300' })
          .setProtectedHeader({ alg: 'HS256' })
          .sign(new TextEncoder().encode(SECRET));
        const hs512 = await new SignJWT({ sub: 'u-300' })
          .setProtectedHeader({ alg: 'HS512' })
          .setExpirationTime('5m')
          .sign(new TextEncoder().encode(SECRET));
        const nobody = await identityToken({ name: 'No One' });
        for (const [token, reason] of [
          [hs512, /not a valid HS256 JWT/],
          [nobody, /needs sub or email/],
          [expired, /expired/],
          [wrongKey, /not signed with this secret/],
          [noExp, /exp/],
          ['not.a.jwt', /not a valid/],
        ] as const) {
          const r = await create(s.baseUrl, { identityToken: token });
          expect(r.status).toBe(401);
          expect(r.body.error.code).toBe('IDENTITY_INVALID');
          expect(r.body.error.message).toMatch(reason);
        }
      },
    );

    it.skipIf(database.skipReason)(
      'tolerates a few seconds of clock difference on exp',
      async () => {
        const justExpired = await identityToken({ sub: 'u-301' }, { expiresInSeconds: -5 });
        expect((await create(s.baseUrl, { identityToken: justExpired })).status).toBe(201);
      },
    );

    it.skipIf(database.skipReason)(
      'stores unsigned claims as unverified, whatever the browser says about itself',
      async () => {
        const c = await startConversation(s.baseUrl, {
          customer: { id: 'u-400', verified: true, verifiedBy: 'identity_token' },
        });
        expect(await customerOf(c.id)).toEqual({ id: 'u-400', verified: false });
      },
    );

    it.skipIf(database.skipReason)(
      'never joins unsigned claims to the history of a verified customer with the same email',
      async () => {
        const email = 'nora@example.com';
        const first = await startConversation(s.baseUrl, {
          customer: { email, name: 'Nora' },
          userHash: hmac(email),
        });
        await handOver(first);

        const impostor = await startConversation(s.baseUrl, { customer: { email, name: 'Nora' } });
        const seen = await handOver(impostor);
        expect(seen.customer).toMatchObject({
          email,
          verified: false,
          previousConversations: 0,
          previousEscalations: 0,
        });

        // The same person, signed, does see their history (so the zero above is the rule).
        const again = await startConversation(s.baseUrl, {
          customer: { email },
          userHash: hmac(email),
        });
        expect((await handOver(again)).customer).toMatchObject({
          verified: true,
          previousConversations: 1,
          previousEscalations: 1,
        });
      },
    );

    it.skipIf(database.skipReason)(
      'does not let unsigned tier, lifetime value or churn risk change priority',
      async () => {
        const plain = await handOver(await startConversation(s.baseUrl, { customer: {} }));
        const claims = {
          tier: 'enterprise',
          lifetime_value: 1_000_000,
          at_risk_of_churn: true,
          previous_escalations: 9,
        };
        const unsigned = await handOver(
          await startConversation(s.baseUrl, { customer: { id: 'u-500', ...claims } }),
        );
        expect(unsigned.priority).toEqual(plain.priority);
        // Shown to the agent, marked unverified, but no part of the priority.
        expect(unsigned.customer).toMatchObject({
          tier: 'enterprise',
          verified: false,
          previousEscalations: 0,
        });
        // A userHash signs the id alone: claims beside it are dropped, not trusted.
        const hashed = await handOver(
          await startConversation(s.baseUrl, {
            customer: { id: 'u-501', ...claims },
            userHash: hmac('u-501'),
          }),
        );
        expect(hashed.priority).toEqual(plain.priority);
        expect(hashed.customer.tier).toBeUndefined();
      },
    );
  },
);

describe.each(TEST_DATABASES)(
  'verified customer identity in export and erasure ($name)',
  (database) => {
    let s: TestServer;
    beforeAll(async () => {
      if (database.skipReason) return;
      s = await startTestServer({ engine: database.name, env: { BATON_IDENTITY_SECRET: SECRET } });
    });
    afterAll(async () => {
      await s?.close();
    });

    it.skipIf(database.skipReason)(
      'finds an unverified conversation by what it claims but follows none of its identities',
      async () => {
        const signed = await startConversation(s.baseUrl, {
          customer: { id: 'u-900', email: 'owner@example.com' },
          userHash: hmac('u-900'),
        });
        const claimed = await startConversation(s.baseUrl, {
          customer: { id: 'u-900', email: 'mallory@example.com' },
        });
        const admin = await login(s.baseUrl, 'morgan@example.com', s.demoAgent.password);
        const exported = async (who: string) =>
          (
            await api(
              s.baseUrl,
              'GET',
              `/api/v1/customers/export?customer=${encodeURIComponent(who)}`,
              {
                token: admin,
              },
            )
          ).body.conversations.map((c: { id: string }) => c.id);
        // Mallory's address finds her conversation, not the signed customer's through its id.
        expect(await exported('mallory@example.com')).toEqual([claimed.id]);
        // The id finds the signed conversation and the one that claimed the id (it is data
        // stored under that id, so erasure removes it too).
        expect(await exported('u-900')).toEqual([signed.id, claimed.id]);
        // The email beside a `userHash` is only claimed (the hash signs the id): it finds the
        // signed conversation but does not lead on to its id, which may be someone else's.
        expect(await exported('owner@example.com')).toEqual([signed.id]);
      },
    );
  },
);

describe.each(TEST_DATABASES)(
  'verified customer identity, identity.require on ($name)',
  (database) => {
    let s: TestServer;
    beforeAll(async () => {
      if (database.skipReason) return;
      s = await startTestServer({
        engine: database.name,
        env: { BATON_IDENTITY_SECRET: SECRET, BATON_IDENTITY_REQUIRE: 'true' },
      });
    });
    afterAll(async () => {
      await s?.close();
    });

    it.skipIf(database.skipReason)(
      'refuses unsigned visitors with 401 IDENTITY_REQUIRED and accepts signed ones',
      async () => {
        for (const body of [{}, { customer: { id: 'u-600', name: 'Una' } }]) {
          const r = await create(s.baseUrl, body);
          expect(r.status).toBe(401);
          expect(r.body.error.code).toBe('IDENTITY_REQUIRED');
        }
        const signed = await create(s.baseUrl, {
          customer: { id: 'u-600' },
          userHash: hmac('u-600'),
        });
        expect(signed.status).toBe(201);
        const token = await identityToken({ sub: 'u-601', email: 'una@example.com' });
        const byToken = await create(s.baseUrl, { identityToken: token });
        expect(byToken.status).toBe(201);
        // Only the two signed visitors were stored, each verified.
        const supervisor = await login(s.baseUrl, 'riley@example.com', s.demoAgent.password);
        for (const [c, id] of [
          [signed, 'u-600'],
          [byToken, 'u-601'],
        ] as const) {
          const read = await api(
            s.baseUrl,
            'GET',
            `/api/v1/conversations/${c.body.conversation.id}`,
            {
              token: supervisor,
            },
          );
          expect(read.body.conversation.customer).toMatchObject({ id, verified: true });
        }
      },
    );
  },
);
