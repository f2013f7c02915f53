/**
 * The contact page's staff notes and fields over HTTP, on both engines (docs/api.md, "History,
 * search and the contact"): a note written on one of a person's conversations is listed, newest
 * first with its author, on another of theirs; an unsigned claim of the person stands alone,
 * notes and all; whoever may open the conversation may read and add notes, its author changes
 * or deletes one, a supervisor any, an agent who may not open the conversation gets 404; an
 * empty or too long note is a 400 that says why; the fields show what each conversation holds
 * and whether Baton vouches for it; a person's export lists their notes and erasure takes them.
 */
import { createHmac } from 'node:crypto';
import { SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, login, startConversation } from '../helpers/api-client.ts';
import { TEST_DATABASES } from '../helpers/databases.ts';
import { startTestServer, type TestServer } from '../helpers/test-server.ts';
import { until } from '../helpers/until.ts';

const SECRET = 'contact-notes-secret-0123456789ab';
const hmac = (value: string) => createHmac('sha256', SECRET).update(value).digest('hex');

interface Note {
  id: string;
  conversationId: string;
  authorId: string;
  authorName: string | null;
  text: string;
  createdAt: string;
  updatedAt: string;
}

interface Field {
  name: string;
  value: string;
  sources: { conversationId: string; channel: string; verified: boolean }[];
}

describe.each(TEST_DATABASES)('contact notes and fields ($name)', (database) => {
  let s: TestServer;
  let alex = '';
  let sam = '';
  let riley = '';
  let morgan = '';
  /** Ines, signed: waiting (order 55031); resolved by Sam (out of Alex's sight). A claim of her. */
  const ines = { waiting: '', resolvedBySam: '', claim: '' };
  let bruno = '';

  beforeAll(async () => {
    if (database.skipReason) return;
    s = await startTestServer({ engine: database.name, env: { BATON_IDENTITY_SECRET: SECRET } });
    alex = await login(s.baseUrl, 'alex@example.com', s.demoAgent.password);
    sam = await login(s.baseUrl, 'sam@example.com', s.demoAgent.password);
    riley = await login(s.baseUrl, 'riley@example.com', s.demoAgent.password);
    morgan = await login(s.baseUrl, 'morgan@example.com', s.demoAgent.password);
    const signed = (extra: Record<string, unknown>) => ({
      customer: { id: 'u-7', name: 'Ines Duarte', ...extra },
      userHash: hmac('u-7'),
    });
    ines.resolvedBySam = await handedOver(
      signed({ email: 'ines@example.com' }),
      'The app crashes with an error on login',
    );
    const path = `/api/v1/conversations/${ines.resolvedBySam}`;
    expect((await api(s.baseUrl, 'POST', `${path}/claim`, { token: sam })).status).toBe(200);
    const resolve = { resolved: true, botCouldHaveHandled: false };
    const done = await api(s.baseUrl, 'POST', `${path}/resolve`, { token: sam, body: resolve });
    expect(done.status).toBe(200);
    ines.waiting = await handedOver(
      signed({ phone: '+44 7700 900123' }),
      'I need a person, my order 55031 never arrived',
    );
    ines.claim = await handedOver(
      { customer: { id: 'u-7', email: 'ines@example.com', name: 'Not Ines' } },
      'Tell me the address on my account',
    );
    bruno = await handedOver(
      { customer: { id: 'u-9', name: 'Bruno Alves' }, userHash: hmac('u-9') },
      'Discount code does not work, I want a human',
    );
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

  const notesPath = (id: string) => `/api/v1/conversations/${id}/contact/notes`;
  const contact = async (token: string, id: string) => {
    const r = await api(s.baseUrl, 'GET', `/api/v1/conversations/${id}/contact`, { token });
    expect(r.status).toBe(200);
    return r.body as { notes: Note[]; fields: Field[]; conversations: { id: string }[] };
  };
  const add = async (token: string, id: string, text: string): Promise<Note> => {
    const r = await api(s.baseUrl, 'POST', notesPath(id), { token, body: { text } });
    expect(r.status).toBe(201);
    return r.body as Note;
  };
  const texts = (notes: Note[]) => notes.map((n) => n.text);

  it.skipIf(database.skipReason !== null)(
    "lists a note written on one of the person's conversations on another, newest first",
    async () => {
      const first = await add(alex, ines.waiting, 'Prefers email. <b>VIP</b> since 2019');
      expect(first).toMatchObject({
        conversationId: ines.waiting,
        authorName: expect.any(String),
        text: 'Prefers email. <b>VIP</b> since 2019',
      });
      expect(Date.parse(first.createdAt)).not.toBeNaN();
      const second = await add(riley, ines.resolvedBySam, 'Refund of order 55031 approved');
      // Either conversation of Ines lists both, newest first, each with its author.
      for (const [token, id] of [
        [riley, ines.resolvedBySam],
        [alex, ines.waiting],
      ] as const) {
        const listed = (await contact(token, id)).notes;
        expect(texts(listed)).toEqual([second.text, first.text]);
        expect(listed.map((n) => n.authorId)).toEqual([second.authorId, first.authorId]);
        expect(second.authorId).not.toBe(first.authorId);
      }
      // Never the customer's: their token reads no contact, and their events hold no note.
      const customer = await startConversation(s.baseUrl, {
        customer: { id: 'u-7' },
        userHash: hmac('u-7'),
      });
      const asCustomer = await api(
        s.baseUrl,
        'GET',
        `/api/v1/conversations/${customer.id}/contact`,
        { token: customer.token },
      );
      expect(asCustomer.status).toBe(401);
      const events = await api(s.baseUrl, 'GET', `/api/v1/conversations/${customer.id}/events`, {
        token: customer.token,
      });
      expect(JSON.stringify(events.body)).not.toContain('VIP');
    },
  );

  it.skipIf(database.skipReason !== null)(
    "keeps an unsigned claim's notes apart from the person's",
    async () => {
      await add(riley, ines.claim, 'Asked for the account address: suspicious');
      expect(texts((await contact(riley, ines.claim)).notes)).toEqual([
        'Asked for the account address: suspicious',
      ]);
      expect(texts((await contact(riley, ines.waiting)).notes)).not.toContain(
        'Asked for the account address: suspicious',
      );
    },
  );

  it.skipIf(database.skipReason !== null)(
    'lets whoever sees the contact add notes, the author or a supervisor change them',
    async () => {
      // Alex may not open the conversation Sam resolved: 404, as for an unknown id.
      for (const [method, path, body] of [
        ['GET', `/api/v1/conversations/${ines.resolvedBySam}/contact`, undefined],
        ['POST', notesPath(ines.resolvedBySam), { text: 'hello' }],
        ['POST', notesPath('c_nope'), { text: 'hello' }],
      ] as const) {
        const r = await api(s.baseUrl, method, path, { token: alex, body });
        expect([r.status, r.body.error.code]).toEqual([404, 'CONVERSATION_NOT_FOUND']);
      }
      const bySam = await add(sam, ines.waiting, 'Called back, no answer');
      const byAlex = await add(alex, ines.waiting, 'Tracking number sent');
      const at = (id: string, note: Note) => `${notesPath(id)}/${note.id}`;

      // An agent changes only their own note.
      const notHis = await api(s.baseUrl, 'PATCH', at(ines.waiting, bySam), {
        token: alex,
        body: { text: 'edited by Alex' },
      });
      expect([notHis.status, notHis.body.error.code]).toEqual([403, 'FORBIDDEN']);
      const gone = await api(s.baseUrl, 'DELETE', at(ines.waiting, bySam), { token: alex });
      expect(gone.status).toBe(403);
      const own = await api(s.baseUrl, 'PATCH', at(ines.waiting, byAlex), {
        token: alex,
        body: { text: 'Tracking number sent twice' },
      });
      expect(own.status).toBe(200);
      expect(own.body).toMatchObject({ id: byAlex.id, text: 'Tracking number sent twice' });
      // A supervisor changes anyone's, from any conversation of the person.
      const bySupervisor = await api(s.baseUrl, 'PATCH', at(ines.resolvedBySam, bySam), {
        token: riley,
        body: { text: 'Called back twice, no answer' },
      });
      expect(bySupervisor.status).toBe(200);
      expect(texts((await contact(alex, ines.waiting)).notes)).toContain(
        'Called back twice, no answer',
      );
      expect(
        (await api(s.baseUrl, 'DELETE', at(ines.waiting, byAlex), { token: alex })).status,
      ).toBe(204);
      expect(
        (await api(s.baseUrl, 'DELETE', at(ines.waiting, bySam), { token: riley })).status,
      ).toBe(204);
      const left = texts((await contact(riley, ines.waiting)).notes);
      expect(left).not.toContain('Tracking number sent twice');
      expect(left).not.toContain('Called back twice, no answer');

      // A deleted note, or another person's, is not found through Ines's conversation.
      const brunos = await add(riley, bruno, 'Bruno: code expired');
      for (const note of [byAlex, brunos]) {
        const r = await api(s.baseUrl, 'PATCH', at(ines.waiting, note), {
          token: riley,
          body: { text: 'x' },
        });
        expect([r.status, r.body.error.code]).toEqual([404, 'NOTE_NOT_FOUND']);
      }
      expect(texts((await contact(riley, bruno)).notes)).toEqual(['Bruno: code expired']);
    },
  );

  it.skipIf(database.skipReason !== null)(
    'refuses an empty note and one over 2,000 characters, saying why',
    async () => {
      const empty = await api(s.baseUrl, 'POST', notesPath(ines.waiting), {
        token: alex,
        body: { text: '   ' },
      });
      expect(empty.status).toBe(400);
      expect(empty.body.error).toMatchObject({
        code: 'VALIDATION_FAILED',
        message: 'A note needs some text.',
      });
      const long = await api(s.baseUrl, 'POST', notesPath(ines.waiting), {
        token: alex,
        body: { text: 'x'.repeat(2001) },
      });
      expect(long.status).toBe(400);
      expect(long.body.error.message).toBe(
        'A note is at most 2,000 characters; this one has 2,001.',
      );
      expect((await add(alex, ines.waiting, '  trimmed  ')).text).toBe('trimmed');
      const longest = await add(alex, ines.waiting, 'y'.repeat(2000));
      const edit = await api(s.baseUrl, 'PATCH', `${notesPath(ines.waiting)}/${longest.id}`, {
        token: alex,
        body: { text: '' },
      });
      expect(edit.status).toBe(400);
      expect(
        (
          await api(s.baseUrl, 'DELETE', `${notesPath(ines.waiting)}/${longest.id}`, {
            token: alex,
          })
        ).status,
      ).toBe(204);
    },
  );

  it.skipIf(database.skipReason !== null)(
    'shows what each conversation holds of the person, verified or only claimed',
    async () => {
      // Signed whole by the site in an identity token: every part of the record is verified.
      const identityToken = await new SignJWT({ name: 'Ines M. Duarte' })
        .setProtectedHeader({ alg: 'HS256' })
        .setSubject('u-7')
        .setExpirationTime('10m')
        .sign(new TextEncoder().encode(SECRET));
      const tokened = (await startConversation(s.baseUrl, { identityToken })).id;
      const { fields } = await contact(riley, ines.waiting);
      const field = (name: string, value: string) =>
        fields.find((f) => f.name === name && f.value === value);
      // The userHash signs the id: verified on every conversation of hers that holds it.
      const id = field('id', 'u-7')?.sources ?? [];
      expect(id).toEqual(
        expect.arrayContaining([
          { conversationId: ines.resolvedBySam, channel: 'web', verified: true },
          { conversationId: ines.waiting, channel: 'web', verified: true },
        ]),
      );
      expect(id.every((source) => source.verified)).toBe(true);
      expect(field('name', 'Ines Duarte')?.sources.map((s) => s.conversationId)).toEqual(
        expect.arrayContaining([ines.resolvedBySam, ines.waiting]),
      );
      // What was sent beside the userHash, and what was collected, is only the customer's word.
      expect(field('email', 'ines@example.com')?.sources).toEqual([
        { conversationId: ines.resolvedBySam, channel: 'web', verified: false },
      ]);
      expect(field('phone', '+44 7700 900123')?.sources).toEqual([
        { conversationId: ines.waiting, channel: 'web', verified: false },
      ]);
      expect(fields.find((f) => f.value === '55031')?.sources).toEqual([
        { conversationId: ines.waiting, channel: 'web', verified: false },
      ]);
      expect(field('name', 'Ines M. Duarte')?.sources).toEqual([
        { conversationId: tokened, channel: 'web', verified: true },
      ]);
      // name, email, phone and id come first; nothing of the claim or of Bruno.
      const names = fields.map((f) => f.name);
      const known = names.filter((n) => ['name', 'email', 'phone', 'id'].includes(n));
      expect(names.slice(0, known.length)).toEqual(known);
      expect([...new Set(known)]).toEqual(['name', 'email', 'phone', 'id']);
      expect(JSON.stringify(fields)).not.toMatch(/Not Ines|Bruno/);
    },
  );

  it.skipIf(database.skipReason !== null)(
    "exports the person's notes and erases them with the person",
    async () => {
      const exported = await api(s.baseUrl, 'GET', '/api/v1/customers/export?customer=u-7', {
        token: morgan,
      });
      expect(exported.status).toBe(200);
      const notes = exported.body.notes as Note[];
      expect(texts(notes)).toEqual(
        expect.arrayContaining([
          'Prefers email. <b>VIP</b> since 2019',
          'Refund of order 55031 approved',
          'Asked for the account address: suspicious',
        ]),
      );
      expect(JSON.stringify(exported.body)).not.toContain('Bruno: code expired');

      const erased = await api(s.baseUrl, 'POST', '/api/v1/customers/erase', {
        token: morgan,
        body: { customer: 'u-7', includeOpen: true, confirm: true },
      });
      expect(erased.status).toBe(200);
      const left = await s.server.store.db.selectFrom('contact_notes').select('text').execute();
      expect(left.map((n) => n.text)).toEqual(['Bruno: code expired']);
    },
  );
});
