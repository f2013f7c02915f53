/**
 * The history's filters over HTTP, on both engines: by queue, by channel and by last activity
 * (`from` at or after, `to` before), the "queued" view (waiting in a queue), each within what
 * the caller may see (an agent filtering by a colleague's queue finds none of the colleague's
 * conversations), paging that neither repeats nor skips under a filter, and a 400
 * VALIDATION_FAILED naming the problem for an unknown queue or channel or a bad range.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, login, startConversation } from '../helpers/api-client.ts';
import { TEST_DATABASES } from '../helpers/databases.ts';
import { startTestServer, type TestServer } from '../helpers/test-server.ts';
import { until } from '../helpers/until.ts';

/** A day long past, when the parcel conversation last changed (set below). */
const JANUARY_10 = '2026-01-10T12:00:00.000Z';

describe.each(TEST_DATABASES)('history filters ($name)', (database) => {
  let s: TestServer;
  let alex: string;
  let sam: string;
  let riley: string;
  /** parcel: general, Alex's, web, January; crash: technical, Sam's, email; waiting: general. */
  const ids = { parcel: '', crash: '', waiting: '' };

  beforeAll(async () => {
    if (database.skipReason) return;
    s = await startTestServer({ engine: database.name });
    alex = await login(s.baseUrl, 'alex@example.com', s.demoAgent.password);
    sam = await login(s.baseUrl, 'sam@example.com', s.demoAgent.password);
    riley = await login(s.baseUrl, 'riley@example.com', s.demoAgent.password);
    ids.parcel = await handedOver('Ines', 'My parcel 4471 is lost');
    await handle(alex, ids.parcel);
    ids.crash = await handedOver('Bruno', 'The app crashes with an error on login');
    await handle(sam, ids.crash);
    ids.waiting = await handedOver('Carla', 'Still nothing');
    // Another channel and another day than the widget's today, written where they are kept.
    const { db } = s.server.store;
    await db
      .updateTable('conversations')
      .set({ channel: 'email' })
      .where('id', '=', ids.crash)
      .execute();
    await db
      .updateTable('conversations')
      .set({ updated_at: JANUARY_10 })
      .where('id', '=', ids.parcel)
      .execute();
  }, 60_000);

  afterAll(async () => {
    await s?.close();
  });

  async function handedOver(name: string, text: string): Promise<string> {
    const c = await startConversation(s.baseUrl, { customer: { name } });
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

  async function handle(token: string, id: string): Promise<void> {
    const path = `/api/v1/conversations/${id}`;
    expect((await api(s.baseUrl, 'POST', `${path}/claim`, { token })).status).toBe(200);
    const resolve = { resolved: true, botCouldHaveHandled: false };
    const resolved = await api(s.baseUrl, 'POST', `${path}/resolve`, { token, body: resolve });
    expect(resolved.status).toBe(200);
  }

  const list = async (token: string, query: string) => {
    const r = await api(s.baseUrl, 'GET', `/api/v1/conversations?${query}`, { token });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    return r.body as { conversations: { id: string }[]; nextCursor: string | null };
  };
  const found = async (token: string, query: string) =>
    (await list(token, query)).conversations.map((c) => c.id).sort();
  const sorted = (...values: string[]) => [...values].sort();

  it.skipIf(database.skipReason !== null)(
    "filters by queue, within what the caller may see, and lists a queue's waiting line",
    async () => {
      expect((await s.server.store.conversations.get(ids.crash))?.queue).toBe('technical');
      expect((await s.server.store.conversations.get(ids.waiting))?.queue).toBe('general');
      expect(await found(riley, 'queue=technical')).toEqual([ids.crash]);
      expect(await found(riley, 'queue=general')).toEqual(sorted(ids.parcel, ids.waiting));
      expect(await found(riley, 'queue=billing')).toEqual([]);
      // Alex took no part in Sam's technical conversation: the filter does not reveal it.
      expect(await found(alex, 'queue=technical')).toEqual([]);
      expect(await found(sam, 'queue=technical')).toEqual([ids.crash]);
      // The queued view: waiting for a person, in a queue (here, the general one).
      expect(await found(riley, 'view=queued')).toEqual([ids.waiting]);
      expect(await found(alex, 'view=queued&queue=general')).toEqual([ids.waiting]);
      expect(await found(riley, 'view=queued&queue=technical')).toEqual([]);
      expect(await found(riley, 'view=resolved&queue=general')).toEqual([ids.parcel]);
    },
  );

  it.skipIf(database.skipReason !== null)(
    'filters by channel and by last activity, alone and with the text search',
    async () => {
      expect(await found(riley, 'channel=email')).toEqual([ids.crash]);
      expect(await found(riley, 'channel=web')).toEqual(sorted(ids.parcel, ids.waiting));
      expect(await found(alex, 'channel=email')).toEqual([]);
      expect(await found(riley, 'channel=whatsapp')).toEqual([]);

      const january = `from=${'2026-01-10T00:00:00Z'}&to=${'2026-01-11T00:00:00.000Z'}`;
      expect(await found(riley, january)).toEqual([ids.parcel]);
      expect(await found(alex, january)).toEqual([ids.parcel]);
      expect(await found(sam, january)).toEqual([]);
      // `from` includes its instant, `to` excludes its own.
      expect(await found(riley, `from=${JANUARY_10}`)).toEqual(
        sorted(ids.parcel, ids.crash, ids.waiting),
      );
      expect(await found(riley, `to=${JANUARY_10}`)).toEqual([]);
      expect(await found(riley, 'from=2026-01-11T00:00:00Z')).toEqual(
        sorted(ids.crash, ids.waiting),
      );
      expect(await found(riley, `q=parcel&${january}&channel=web&queue=general`)).toEqual([
        ids.parcel,
      ]);
      expect(await found(riley, `q=parcel&from=2026-01-11T00:00:00Z`)).toEqual([]);
    },
  );

  it.skipIf(database.skipReason !== null)(
    'pages a filtered list newest first without repeats or gaps',
    async () => {
      const everything = (await list(riley, 'queue=general&limit=100')).conversations.map(
        (c) => c.id,
      );
      expect(everything).toEqual([ids.waiting, ids.parcel]);
      const paged: string[] = [];
      let cursor: string | null = null;
      let pages = 0;
      do {
        const more: string = cursor ? `&cursor=${encodeURIComponent(cursor)}` : '';
        const page = await list(riley, `queue=general&limit=1${more}`);
        paged.push(...page.conversations.map((c) => c.id));
        cursor = page.nextCursor;
        pages += 1;
      } while (cursor !== null && pages < 10);
      expect(paged).toEqual(everything);
      expect(pages).toBe(2);
    },
  );

  it.skipIf(database.skipReason !== null)(
    'refuses an unknown queue or channel and a bad range with VALIDATION_FAILED',
    async () => {
      const refused = async (query: string, message: RegExp) => {
        const r = await api(s.baseUrl, 'GET', `/api/v1/conversations?${query}`, { token: riley });
        expect(r.status, query).toBe(400);
        expect(r.body.error.code).toBe('VALIDATION_FAILED');
        expect(r.body.error.message).toMatch(message);
      };
      await refused('queue=platinum', /Unknown queue "platinum".*general/);
      await refused('channel=fax', /Unknown channel "fax".*whatsapp/);
      await refused('from=yesterday', /from/);
      await refused('to=2026-13-45T00:00:00Z', /to/);
      await refused('from=2026-01-11T00:00:00Z&to=2026-01-10T00:00:00Z', /`from` must be before/);
      // The same for an agent: the catalog is not theirs to probe either way.
      const r = await api(s.baseUrl, 'GET', '/api/v1/conversations?queue=platinum', {
        token: alex,
      });
      expect(r.status).toBe(400);
      expect((await api(s.baseUrl, 'GET', '/api/v1/conversations?queue=general')).status).toBe(401);
    },
  );
});
