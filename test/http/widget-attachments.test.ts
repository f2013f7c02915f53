/**
 * Files from the web widget, on both engines: POST /api/v1/conversations/:id/attachments
 * (src/http/routes/post-attachment.ts) takes one file from the conversation's customer,
 * reads its type from the bytes, keeps it, and stores a customer message with the same
 * `media` entry channel messages carry; an agent of the conversation opens it through
 * GET …/media/:ref, nobody else does. Too large is 413, a type not allowed 415, and
 * neither stores anything; past the conversation's message rate it is 429. The server runs
 * with BATON_ATTACHMENT_MAX_BYTES=4096 and 8 customer messages an hour per conversation.
 *
 * Demo agents: Alex serves general and billing, Sam general and technical.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, login, startConversation } from '../helpers/api-client.ts';
import { TEST_DATABASES } from '../helpers/databases.ts';
import { startTestServer, type TestServer } from '../helpers/test-server.ts';

/** A 1×1 PNG. */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);
const MAX_BYTES = 4096;
const MESSAGES_PER_HOUR = 8;

describe.each(TEST_DATABASES)('files from the widget on $name', (database) => {
  let s: TestServer;
  let alex: string;
  let sam: string;
  let customer: { id: string; token: string };

  const upload = async (
    conversationId: string,
    token: string | undefined,
    file: { bytes: Uint8Array; name: string; type: string },
    clientMessageId?: string,
  ) => {
    const form = new FormData();
    if (clientMessageId) form.append('clientMessageId', clientMessageId);
    form.append('file', new Blob([file.bytes], { type: file.type }), file.name);
    const response = await fetch(
      `${s.baseUrl}/api/v1/conversations/${conversationId}/attachments`,
      {
        method: 'POST',
        headers: token ? { authorization: `Bearer ${token}` } : {},
        body: form,
      },
    );
    return { status: response.status, body: (await response.json()) as any };
  };
  const events = async (id: string, token: string) =>
    (await api(s.baseUrl, 'GET', `/api/v1/conversations/${id}/events?since=0`, { token })).body
      .events as Array<{ type: string; data: any }>;
  const media = (id: string, ref: string, token?: string) =>
    fetch(`${s.baseUrl}/api/v1/conversations/${id}/media/${encodeURIComponent(ref)}`, {
      headers: token ? { authorization: `Bearer ${token}` } : {},
    });

  beforeAll(async () => {
    if (database.skipReason) return;
    s = await startTestServer({
      engine: database.name,
      env: {
        BATON_ATTACHMENT_MAX_BYTES: String(MAX_BYTES),
        // A window no test outlasts: the rate test counts messages, never the clock.
        BATON_CONVERSATION_MESSAGES: String(MESSAGES_PER_HOUR),
        BATON_CONVERSATION_MESSAGES_SECONDS: '3600',
      },
    });
    alex = await login(s.baseUrl, 'alex@example.com', s.demoAgent.password);
    sam = await login(s.baseUrl, 'sam@example.com', s.demoAgent.password);
    customer = await startConversation(s.baseUrl, { customer: { name: 'Kim' } });
    await api(s.baseUrl, 'POST', `/api/v1/conversations/${customer.id}/messages`, {
      token: customer.token,
      body: { text: 'I want to talk to a human about a refund on my invoice' },
    });
    const read = await api(s.baseUrl, 'GET', `/api/v1/conversations/${customer.id}`, {
      token: alex,
    });
    expect(read.body.conversation.queue).toBe('billing');
  });
  afterAll(async () => {
    await s?.close();
  });

  it.skipIf(database.skipReason)(
    'stores the image as a customer message the agent sees and opens; nobody else opens it',
    async () => {
      const sent = await upload(
        customer.id,
        customer.token,
        { bytes: PNG, name: '<img src=x onerror=alert(1)>.png', type: 'image/png' },
        'cid-upload-1',
      );
      expect(sent.status).toBe(201);
      const message = sent.body.events[0];
      expect(message.data).toMatchObject({
        from: 'customer',
        text: '[image]',
        clientMessageId: 'cid-upload-1',
        media: [
          {
            kind: 'image',
            mimeType: 'image/png',
            fileName: '<img src=x onerror=alert(1)>.png',
            size: PNG.byteLength,
          },
        ],
      });
      const ref = message.data.media[0].ref as string;

      // The agent's transcript carries it in the same shape as a channel's media.
      const seen = (await events(customer.id, alex)).find(
        (e) => e.type === 'message.created' && e.data.clientMessageId === 'cid-upload-1',
      );
      expect(seen?.data.media).toEqual(message.data.media);

      const opened = await media(customer.id, ref, alex);
      expect(opened.status).toBe(200);
      expect(opened.headers.get('content-type')).toBe('image/png');
      expect(opened.headers.get('x-content-type-options')).toBe('nosniff');
      expect(Buffer.from(await opened.arrayBuffer()).equals(PNG)).toBe(true);

      // Sam is not in billing: out of scope, as an unknown conversation.
      const outOfScope = await media(customer.id, ref, sam);
      expect(outOfScope.status).toBe(404);
      expect((await media(customer.id, ref)).status).toBe(401);
      expect((await media(customer.id, ref, customer.token)).status).toBe(401);

      // Sent again under the same id (a retry): one message, one file.
      const again = await upload(
        customer.id,
        customer.token,
        { bytes: PNG, name: 'receipt.png', type: 'image/png' },
        'cid-upload-1',
      );
      expect(again.status).toBe(200);
      expect(again.body.duplicate).toBe(true);
      expect(await s.server.store.mediaFiles.listFor(customer.id)).toHaveLength(1);
    },
  );

  it.skipIf(database.skipReason)('takes a text file as text/plain, a document', async () => {
    const sent = await upload(customer.id, customer.token, {
      bytes: Buffer.from('order 1234\nplease refund\n'),
      name: 'notes.txt',
      type: 'text/plain',
    });
    expect(sent.status).toBe(201);
    expect(sent.body.events[0].data.media[0]).toMatchObject({
      kind: 'document',
      mimeType: 'text/plain',
      fileName: 'notes.txt',
    });
  });

  it.skipIf(database.skipReason)(
    'refuses a file over the limit (413) and one whose bytes are not an allowed type (415), storing nothing',
    async () => {
      const before = await events(customer.id, customer.token);
      const files = await s.server.store.mediaFiles.listFor(customer.id);

      const big = Buffer.concat([PNG, Buffer.alloc(MAX_BYTES)]);
      const tooBig = await upload(customer.id, customer.token, {
        bytes: big,
        name: 'big.png',
        type: 'image/png',
      });
      expect(tooBig.status).toBe(413);
      expect(tooBig.body.error.code).toBe('FILE_TOO_LARGE');

      // A Windows program named and declared as a PNG.
      const program = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(300, 0x90)]);
      const disguised = await upload(customer.id, customer.token, {
        bytes: program,
        name: 'photo.png',
        type: 'image/png',
      });
      expect(disguised.status).toBe(415);
      expect(disguised.body.error.code).toBe('FILE_TYPE_NOT_ALLOWED');

      expect(await events(customer.id, customer.token)).toHaveLength(before.length);
      expect(await s.server.store.mediaFiles.listFor(customer.id)).toHaveLength(files.length);
    },
  );

  it.skipIf(database.skipReason)(
    'checks the token as POST …/messages does: 401 without, 403 with another, 404 unknown',
    async () => {
      const other = await startConversation(s.baseUrl);
      const file = { bytes: PNG, name: 'a.png', type: 'image/png' };
      const none = await upload(customer.id, undefined, file);
      expect(none.status).toBe(401);
      expect(none.body.error.code).toBe('UNAUTHENTICATED');
      const wrong = await upload(customer.id, other.token, file);
      expect(wrong.status).toBe(403);
      expect(wrong.body.error.code).toBe('FORBIDDEN');
      const unknown = await upload('c_nope', customer.token, file);
      expect(unknown.status).toBe(404);
      expect(unknown.body.error.code).toBe('CONVERSATION_NOT_FOUND');
      // An agent sends no files here.
      const asAgent = await upload(customer.id, alex, file);
      expect(asAgent.status).toBe(403);
      expect(await s.server.store.mediaFiles.listFor(other.id)).toHaveLength(0);
    },
  );

  it.skipIf(database.skipReason)(
    "counts against the conversation's message rate: past it 429, nothing stored",
    async () => {
      const c = await startConversation(s.baseUrl);
      const text = (n: number) => ({
        bytes: Buffer.from(`note ${n}`),
        name: `n${n}.txt`,
        type: 'text/plain',
      });
      for (let n = 1; n <= MESSAGES_PER_HOUR; n++) {
        expect((await upload(c.id, c.token, text(n))).status).toBe(201);
      }
      const refused = await upload(c.id, c.token, text(99));
      expect(refused.status).toBe(429);
      expect(refused.body.error.code).toBe('RATE_LIMITED');
      expect(await s.server.store.mediaFiles.listFor(c.id)).toHaveLength(MESSAGES_PER_HOUR);
    },
  );
});
