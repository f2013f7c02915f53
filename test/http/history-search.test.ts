/**
 * History, search and the contact view over HTTP, on both engines: views by status, search by
 * the customer's name, email, phone and the words of a message (full-text: any order, the last
 * word a prefix, quotes and operators as text, an erased person not found), pages that neither repeat nor
 * skip, an agent who sees only the waiting line and what they took part in while supervisors
 * see everything, and a contact that joins a person's signed conversations but never an
 * unsigned claim of the same id and email.
 */
import { createHmac } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, login, startConversation } from '../helpers/api-client.ts';
import { TEST_DATABASES } from '../helpers/databases.ts';
import { startTestServer, type TestServer } from '../helpers/test-server.ts';
import { until } from '../helpers/until.ts';

const SECRET = 'history-secret-0123456789abcdef';
const hmac = (value: string) => createHmac('sha256', SECRET).update(value).digest('hex');

interface Listed {
  id: string;
  status: string;
}

describe.each(TEST_DATABASES)('history, search and contact ($name)', (database) => {
  let s: TestServer;
  let alex: string;
  let sam: string;
  let riley: string;
  /** Ines, signed: resolved by Alex; waiting; resolved by Sam. An unsigned claim of her. */
  const ines = { resolvedByAlex: '', waiting: '', resolvedBySam: '', claim: '' };
  let bruno = '';

  beforeAll(async () => {
    if (database.skipReason) return;
    s = await startTestServer({
      engine: database.name,
      env: { BATON_IDENTITY_SECRET: SECRET },
    });
    alex = await login(s.baseUrl, 'alex@example.com', s.demoAgent.password);
    sam = await login(s.baseUrl, 'sam@example.com', s.demoAgent.password);
    riley = await login(s.baseUrl, 'riley@example.com', s.demoAgent.password);

    const signedInes = {
      customer: { id: 'u-7', email: 'ines@example.com', name: 'Ines Duarte' },
      userHash: hmac('u-7'),
    };
    ines.resolvedByAlex = await handedOver(signedInes, 'My parcel 4471 is lost');
    await handle(alex, ines.resolvedByAlex, 'Looking at parcel 4471 right now');
    // Technical, one of Sam's queues: an agent claims only from their own (their scope).
    ines.resolvedBySam = await handedOver(signedInes, 'The app crashes with an error on login');
    await handle(sam, ines.resolvedBySam, 'I am sending a fix for that error');
    ines.waiting = await handedOver(
      {
        customer: { id: 'u-7', name: 'Ines Duarte', phone: '+44 7700 900123' },
        userHash: hmac('u-7'),
      },
      'Still nothing',
    );
    // Someone who says they are Ines (same id and email), without the site's signature.
    ines.claim = await handedOver(
      { customer: { id: 'u-7', email: 'ines@example.com', name: 'Not Ines' } },
      'Tell me the address on my account',
    );
    bruno = await handedOver(
      { customer: { id: 'u-9', name: 'Bruno Alves' }, userHash: hmac('u-9') },
      'Discount code 100% off does not work',
    );
    await handle(sam, bruno, 'Let me check that code');
  }, 60_000);

  afterAll(async () => {
    await s?.close();
  });

  async function handedOver(body: unknown, text: string): Promise<string> {
    const c = await startConversation(s.baseUrl, body);
    for (const line of [text, 'I want to talk to a human']) {
      await api(s.baseUrl, 'POST', `/api/v1/conversations/${c.id}/messages`, {
        token: c.token,
        body: { text: line },
      });
    }
    await until(async () =>
      (await s.server.store.conversations.get(c.id))?.status === 'queued' ? true : undefined,
    );
    return c.id;
  }

  /** Claimed, answered and resolved by this agent. */
  async function handle(token: string, id: string, reply: string): Promise<void> {
    const path = `/api/v1/conversations/${id}`;
    expect((await api(s.baseUrl, 'POST', `${path}/claim`, { token })).status).toBe(200);
    const sent = await api(s.baseUrl, 'POST', `${path}/messages`, { token, body: { text: reply } });
    expect(sent.status).toBeLessThan(300);
    const resolve = { resolved: true, botCouldHaveHandled: false };
    expect((await api(s.baseUrl, 'POST', `${path}/resolve`, { token, body: resolve })).status).toBe(
      200,
    );
  }

  const list = async (token: string, query: string) => {
    const r = await api(s.baseUrl, 'GET', `/api/v1/conversations?${query}`, { token });
    expect(r.status).toBe(200);
    return r.body as { conversations: Listed[]; nextCursor: string | null };
  };
  const ids = async (token: string, query: string) =>
    (await list(token, query)).conversations.map((c) => c.id).sort();
  const sorted = (...values: string[]) => [...values].sort();

  it.skipIf(database.skipReason !== null)(
    'lists by view: an agent sees the line and their own, a supervisor everything',
    async () => {
      // Riley (supervisor) sees every resolved conversation; Alex only the one he handled.
      expect(await ids(riley, 'view=resolved')).toEqual(
        sorted(ines.resolvedByAlex, ines.resolvedBySam, bruno),
      );
      expect(await ids(alex, 'view=resolved')).toEqual([ines.resolvedByAlex]);
      expect(await ids(sam, 'view=resolved')).toEqual(sorted(ines.resolvedBySam, bruno));
      // Active: the waiting line, which every agent's inbox shows anyway.
      expect(await ids(alex, 'view=active')).toEqual(sorted(ines.waiting, ines.claim));
      expect(await ids(alex, 'view=mine')).toEqual([ines.resolvedByAlex]);
      expect(await ids(riley, 'view=all')).toEqual(
        sorted(ines.resolvedByAlex, ines.resolvedBySam, ines.waiting, ines.claim, bruno),
      );
      const all = await list(riley, 'view=all');
      expect(all.conversations.every((c) => typeof c.status === 'string')).toBe(true);
    },
  );

  it.skipIf(database.skipReason !== null)(
    "searches the customer's name, email and phone and the messages' text",
    async () => {
      expect(await ids(riley, 'q=duarte')).toEqual(
        sorted(ines.resolvedByAlex, ines.resolvedBySam, ines.waiting),
      );
      expect(await ids(riley, 'q=INES%40example.com')).toEqual(
        sorted(ines.resolvedByAlex, ines.resolvedBySam, ines.claim),
      );
      // The phone in another notation than the one stored.
      expect(await ids(riley, `q=${encodeURIComponent('(7700) 900-123')}`)).toEqual([ines.waiting]);
      // A customer's words and an agent's.
      expect(await ids(riley, 'q=parcel%204471')).toEqual([ines.resolvedByAlex]);
      expect(await ids(riley, 'q=sending%20a%20fix')).toEqual([ines.resolvedBySam]);
      // Scoped like the views: Sam's conversation is not Alex's to find.
      expect(await ids(alex, 'q=sending%20a%20fix')).toEqual([]);
      expect(await ids(alex, 'q=parcel&view=resolved')).toEqual([ines.resolvedByAlex]);
      // `%` and `_` are text, not wildcards; alone they are no word, so only the customer
      // fields are searched for them (no customer is called `%`).
      expect(await ids(riley, `q=${encodeURIComponent('100%')}`)).toEqual([bruno]);
      expect(await ids(riley, `q=${encodeURIComponent('%')}`)).toEqual([]);
    },
  );

  it.skipIf(database.skipReason !== null)(
    "searches the messages' words in any order, the last one a prefix, operators as text",
    async () => {
      const q = (text: string) => `q=${encodeURIComponent(text)}`;
      // Words out of order, and a word form through the prefix ("crash" → "crashes").
      expect(await ids(riley, q('lost parcel'))).toEqual([ines.resolvedByAlex]);
      expect(await ids(riley, q('LOGIN crash'))).toEqual([ines.resolvedBySam]);
      expect(await ids(riley, q('discou'))).toEqual([bruno]);
      // Only the last word is a prefix.
      expect(await ids(riley, q('discou code'))).toEqual([]);
      // Quotes and query operators: never an error, and taken as words.
      for (const text of ['"', '*', '-', 'NEAR', 'OR', '" OR "', 'NEAR(parcel lost)', '\\', "'"]) {
        const r = await api(s.baseUrl, 'GET', `/api/v1/conversations?${q(text)}`, { token: riley });
        expect(r.status, text).toBe(200);
      }
      expect(await ids(riley, q('parcel OR crashes'))).toEqual([]);
      expect(await ids(riley, q('"parcel" -lost'))).toEqual([ines.resolvedByAlex]);
      expect(await ids(riley, q('NEAR(parcel lost)'))).toEqual([]);
      // The words every handover wrote: a search pages like a view, within the agent's scope.
      const everything = (await list(riley, `${q('human talk')}&limit=100`)).conversations;
      expect(everything.map((c) => c.id).sort()).toEqual(
        sorted(ines.resolvedByAlex, ines.resolvedBySam, ines.waiting, ines.claim, bruno),
      );
      const paged: string[] = [];
      let cursor: string | null = null;
      let pages = 0;
      do {
        const more: string = cursor ? `&cursor=${encodeURIComponent(cursor)}` : '';
        const page = await list(riley, `${q('human talk')}&limit=2${more}`);
        paged.push(...page.conversations.map((c) => c.id));
        cursor = page.nextCursor;
        pages += 1;
      } while (cursor !== null && pages < 10);
      expect(pages).toBe(3);
      expect(paged).toEqual(everything.map((c) => c.id));
      expect(await ids(alex, q('human talk'))).toEqual(
        sorted(ines.resolvedByAlex, ines.waiting, ines.claim),
      );
    },
  );

  it.skipIf(database.skipReason !== null)(
    'pages newest first without repeats or gaps, and refuses a cursor it did not give',
    async () => {
      const everything = (await list(riley, 'view=all&limit=100')).conversations.map((c) => c.id);
      const paged: string[] = [];
      let cursor: string | null = null;
      let pages = 0;
      do {
        const query = `view=all&limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
        const page = await list(riley, query);
        expect(page.conversations.length).toBeLessThanOrEqual(2);
        paged.push(...page.conversations.map((c) => c.id));
        cursor = page.nextCursor;
        pages += 1;
      } while (cursor !== null && pages < 10);
      expect(pages).toBe(3);
      expect(paged).toEqual(everything);

      const bad = await api(s.baseUrl, 'GET', '/api/v1/conversations?cursor=nonsense', {
        token: riley,
      });
      expect(bad.status).toBe(400);
      expect(bad.body.error.code).toBe('VALIDATION_FAILED');
      const view = await api(s.baseUrl, 'GET', '/api/v1/conversations?view=deleted', {
        token: riley,
      });
      expect(view.status).toBe(400);
      expect((await api(s.baseUrl, 'GET', '/api/v1/conversations')).status).toBe(401);
    },
  );

  it.skipIf(database.skipReason !== null)(
    "joins a person's signed conversations across channels, never an unsigned claim",
    async () => {
      const contact = async (token: string, id: string) => {
        const r = await api(s.baseUrl, 'GET', `/api/v1/conversations/${id}/contact`, { token });
        expect(r.status).toBe(200);
        return r.body as {
          verified: boolean;
          identities: string[];
          claimed: string[];
          conversations: Listed[];
        };
      };
      const seen = await contact(riley, ines.resolvedByAlex);
      expect(seen.verified).toBe(true);
      expect(seen.conversations.map((c) => c.id).sort()).toEqual(
        sorted(ines.resolvedByAlex, ines.resolvedBySam, ines.waiting),
      );
      // The userHash signs the id: the email and phone sent beside it are shown, never followed.
      expect(seen.identities).toEqual(['id:u-7']);
      expect(seen.claimed).toEqual(['email:ines@example.com']);
      // Alex sees the person's conversations he may see: not the one Sam handled.
      expect(
        (await contact(alex, ines.resolvedByAlex)).conversations.map((c) => c.id).sort(),
      ).toEqual(sorted(ines.resolvedByAlex, ines.waiting));
      // The unsigned claim stands alone.
      const claim = await contact(riley, ines.claim);
      expect(claim).toMatchObject({ verified: false, identities: [] });
      expect(claim.conversations.map((c) => c.id)).toEqual([ines.claim]);

      const missing = await api(s.baseUrl, 'GET', '/api/v1/conversations/c_nope/contact', {
        token: riley,
      });
      expect(missing.status).toBe(404);
      expect(missing.body.error.code).toBe('CONVERSATION_NOT_FOUND');
    },
  );

  it.skipIf(database.skipReason !== null)(
    "finds an erased person's conversation no more",
    async () => {
      const gone = await handedOver(
        { customer: { id: 'u-13', email: 'zoe@example.com', name: 'Zoe' }, userHash: hmac('u-13') },
        'My zanzibarite order never shipped',
      );
      expect(await ids(riley, 'q=zanzibarite')).toEqual([gone]);
      const morgan = await login(s.baseUrl, 'morgan@example.com', s.demoAgent.password);
      const erased = await api(s.baseUrl, 'POST', '/api/v1/customers/erase', {
        token: morgan,
        body: { customer: 'zoe@example.com', includeOpen: true, confirm: true },
      });
      expect(erased.body).toMatchObject({ erased: 1 });
      expect(await ids(riley, 'q=zanzibarite')).toEqual([]);
      expect(await ids(riley, 'q=zanzib')).toEqual([]);
      expect(await ids(riley, `q=${encodeURIComponent('order shipped')}`)).toEqual([]);
    },
  );

  it.skipIf(database.skipReason !== null)(
    'indexes new messages in the background, without waiting for a search',
    async () => {
      const id = await handedOver(
        { customer: { id: 'u-14', name: 'Kai' }, userHash: hmac('u-14') },
        'My quetzalcoatlite lamp flickers',
      );
      const { db } = s.server.store;
      if (database.name === 'sqlite') {
        // Off the message path (migration 026): the server's batch, every 5 s, takes it in.
        const indexed = async () =>
          (
            await sql<{ n: number }>`select count(*) as n from message_search
              where message_search match 'quetzalcoatlite'`.execute(db)
          ).rows[0]?.n === 1
            ? true
            : undefined;
        expect(await until(indexed, 15_000)).toBe(true);
        const waiting = await sql<{
          n: number;
        }>`select count(*) as n from message_search_pending`.execute(db);
        expect(waiting.rows[0]?.n).toBe(0);
      }
      expect(await ids(riley, 'q=quetzalcoatlite')).toEqual([id]);
    },
  );
});
