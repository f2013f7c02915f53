/**
 * Media by reference, on both engines: a WhatsApp image and document and a Telegram file
 * are stored as references (never fetched at webhook time) and an agent opens them through
 * Baton, which fetches from the provider (a local stand-in) with the channel's credentials.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { computeTwilioSignature } from '../../src/channels/index.ts';
import { login } from '../helpers/api-client.ts';
import { TEST_DATABASES } from '../helpers/databases.ts';
import { startTestServer, type TestServer } from '../helpers/test-server.ts';
import { until } from '../helpers/until.ts';
import { postMetaWebhook } from '../helpers/meta-webhook.ts';
import { firstMessage, WA_THREAD, whatsappExample } from '../helpers/whatsapp-payloads.ts';

const SECRET = 'wa-app-secret';
const THREAD = WA_THREAD;
const PUBLIC = 'https://baton.example.com';
const IMAGE = '1480056093267814';
const DOCUMENT = '901234567812345';

function wa(kind: string, id: string): string {
  const payload = whatsappExample('messages', kind);
  firstMessage(payload).id = id;
  return JSON.stringify(payload);
}

describe.each(TEST_DATABASES)('media by reference on $name', (database) => {
  const requests: Array<{ url: string; auth: string | undefined }> = [];
  let base = '';
  const provider = createServer((req, res) => {
    const url = req.url ?? '';
    requests.push({ url, auth: req.headers.authorization });
    const json = (body: unknown) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    if (url === `/v23.0/${IMAGE}`) return json({ url: `${base}/wa-files/${IMAGE}` });
    if (url === `/v23.0/${DOCUMENT}`) return json({ url: `${base}/wa-files/doc` });
    if (url === `/wa-files/${IMAGE}`) {
      res.writeHead(200, { 'content-type': 'image/jpeg' });
      return res.end(Buffer.from('JPEG-BYTES'));
    }
    if (url === '/wa-files/doc') {
      res.writeHead(200, { 'content-type': 'text/html' }); // what a hostile file could claim
      return res.end('<script>alert(1)</script>');
    }
    if (url.startsWith('/bot123:abc/getFile?file_id=tg-doc'))
      return json({ ok: true, result: { file_path: 'documents/file_7.pdf' } });
    if (url === '/file/bot123:abc/documents/file_7.pdf') {
      res.writeHead(200, { 'content-type': 'application/octet-stream' });
      return res.end(Buffer.from('%PDF-1.7'));
    }
    if (url === '/2010-04-01/Accounts/AC123/Messages/MM1/Media/ME1') {
      // Twilio redirects media to its storage, on another origin.
      res.writeHead(307, { location: `${storage}/media/ME1` });
      return res.end();
    }
    if (url.startsWith('/bot123:abc/getFile')) {
      res.writeHead(400, { 'content-type': 'application/json' }); // Telegram: wrong file_id
      return res.end(JSON.stringify({ ok: false, description: 'Bad Request: invalid file_id' }));
    }
    if (url.startsWith('/bot123:abc/')) return json({ ok: true, result: { message_id: 1 } });
    if (url.includes('/messages')) return json({ messages: [{ id: 'wamid.out' }] });
    res.writeHead(404).end();
  });
  // The storage Twilio redirects to: another origin, which must not see the credentials.
  const stored: Array<string | undefined> = [];
  const storageServer = createServer((req, res) => {
    stored.push(req.headers.authorization);
    res.writeHead(200, { 'content-type': 'image/png' });
    res.end(Buffer.from('PNG'));
  });
  let storage = '';
  let s: TestServer;
  let agent: string;
  const postWa = (raw: string) =>
    postMetaWebhook(`${s.baseUrl}/channels/whatsapp/webhook`, raw, SECRET);
  const open = (conversationId: string, ref: string, token = agent) =>
    fetch(`${s.baseUrl}/api/v1/conversations/${conversationId}/media/${encodeURIComponent(ref)}`, {
      headers: { authorization: `Bearer ${token}` },
    });

  beforeAll(async () => {
    if (database.skipReason) return;
    await new Promise<void>((r) => provider.listen(0, '127.0.0.1', () => r()));
    base = `http://127.0.0.1:${(provider.address() as AddressInfo).port}`;
    await new Promise<void>((r) => storageServer.listen(0, 'localhost', () => r()));
    storage = `http://localhost:${(storageServer.address() as AddressInfo).port}`;
    s = await startTestServer({
      engine: database.name,
      env: {
        BATON_WHATSAPP_APP_SECRET: SECRET,
        BATON_WHATSAPP_VERIFY_TOKEN: 'verify-me',
        BATON_WHATSAPP_ACCESS_TOKEN: 'wa-token',
        BATON_WHATSAPP_API_BASE_URL: base,
        BATON_TELEGRAM_BOT_TOKEN: '123:abc',
        BATON_TELEGRAM_SECRET_TOKEN: 'tg-secret_1',
        BATON_TELEGRAM_API_BASE_URL: base,
        BATON_TWILIO_ACCOUNT_SID: 'AC123',
        BATON_TWILIO_AUTH_TOKEN: 'twilio-token',
        BATON_TWILIO_PUBLIC_BASE_URL: PUBLIC,
        BATON_TWILIO_API_BASE_URL: base,
        BATON_TIMER_INTERVAL_MS: '50',
      },
    });
    // A supervisor: these conversations may still be with the bot, which agents cannot open
    // (test/http/conversation-scope.test.ts).
    agent = await login(s.baseUrl, 'riley@example.com', s.demoAgent.password);
  });
  afterAll(async () => {
    await s?.close();
    provider.close();
    storageServer.close();
  });

  it.skipIf(database.skipReason)(
    'stores WhatsApp media as references and fetches them for agents only',
    async () => {
      expect((await postWa(wa('image', 'wamid.m1'))).status).toBe(200);
      expect((await postWa(wa('document', 'wamid.m2'))).status).toBe(200);
      expect((await postWa(wa('location_named', 'wamid.m3'))).status).toBe(200);
      const conversation = await until(() =>
        s.server.store.conversations.findOpenByThread('whatsapp', THREAD),
      );
      const events = await until(async () => {
        const all = await s.server.store.conversations.eventsSince(conversation.id, 0);
        const customer = all.filter((e) => e.data.from === 'customer');
        return customer.length === 3 ? customer : undefined;
      });
      expect(events.map((e) => e.data.media)).toEqual([
        [{ kind: 'image', ref: IMAGE, mimeType: 'image/jpeg', caption: 'The box was crushed' }],
        [
          {
            kind: 'document',
            ref: DOCUMENT,
            mimeType: 'application/pdf',
            caption: 'My invoice',
            fileName: 'invoice-5521.pdf',
          },
        ],
        [expect.objectContaining({ kind: 'location', ref: expect.stringMatching(/^geo:/) })],
      ]);
      // Nothing was fetched at webhook time.
      expect(requests.filter((r) => r.url.includes(IMAGE))).toEqual([]);

      const image = await open(conversation.id, IMAGE);
      expect(image.status).toBe(200);
      expect(image.headers.get('content-type')).toBe('image/jpeg');
      expect(image.headers.get('content-disposition')).toBe('inline');
      expect(image.headers.get('x-content-type-options')).toBe('nosniff');
      expect(Buffer.from(await image.arrayBuffer()).toString()).toBe('JPEG-BYTES');
      expect(requests.filter((r) => r.url.includes(IMAGE)).map((r) => r.auth)).toEqual([
        'Bearer wa-token',
        'Bearer wa-token',
      ]);

      // The stored type wins over what the file claims, and it is a download, never a page.
      const doc = await open(conversation.id, DOCUMENT);
      expect(doc.status).toBe(200);
      expect(doc.headers.get('content-type')).toBe('application/pdf');
      expect(doc.headers.get('content-disposition')).toBe(
        'attachment; filename="invoice-5521.pdf"',
      );
      expect(doc.headers.get('content-security-policy')).toMatch(/sandbox/);

      const location = events[2]!.data.media as Array<{ ref: string }>;
      expect((await open(conversation.id, location[0]!.ref)).status).toBe(404);
      const other = await open(conversation.id, '999999'); // not in this conversation
      expect(other.status).toBe(404);
      expect(((await other.json()) as any).error.code).toBe('MEDIA_NOT_FOUND');
      expect((await open(conversation.id, IMAGE, 'not-a-token')).status).toBe(401);
    },
    20_000,
  );

  it.skipIf(database.skipReason)(
    'fetches a Telegram file through getFile; a provider failure is a 502',
    async () => {
      const update = (id: number, fileId: string) => ({
        update_id: id,
        message: {
          message_id: id,
          date: 1,
          chat: { id: 31, type: 'private' },
          from: { id: 31, first_name: 'Ana' },
          document: { file_id: fileId, file_name: 'invoice.pdf', file_size: 8 },
        },
      });
      for (const [id, fileId] of [
        [1, 'tg-doc'],
        [2, 'tg-gone'],
      ] as const) {
        const r = await fetch(`${s.baseUrl}/channels/telegram/webhook`, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            'x-telegram-bot-api-secret-token': 'tg-secret_1',
          },
          body: JSON.stringify(update(id, fileId)),
        });
        expect(r.status).toBe(200);
      }
      const conversation = await s.server.store.conversations.findOpenByThread('telegram', '31');
      const file = await open(conversation!.id, 'tg-doc');
      expect(file.status).toBe(200);
      expect(file.headers.get('content-disposition')).toBe('attachment; filename="invoice.pdf"');
      expect(Buffer.from(await file.arrayBuffer()).toString()).toBe('%PDF-1.7');
      const gone = await open(conversation!.id, 'tg-gone');
      expect(gone.status).toBe(502);
      expect(((await gone.json()) as any).error.code).toBe('MEDIA_UNAVAILABLE');
    },
  );

  it.skipIf(database.skipReason)(
    'fetches Twilio media with the account credentials, and nothing from elsewhere',
    async () => {
      const mms = (sid: string, mediaUrl: string) => {
        const params = {
          MessageSid: sid,
          AccountSid: 'AC123',
          From: '+15550002222',
          To: '+15559998888',
          Body: '',
          NumMedia: '1',
          MediaUrl0: mediaUrl,
          MediaContentType0: 'image/png',
        };
        return fetch(`${s.baseUrl}/channels/sms/webhook`, {
          method: 'POST',
          headers: {
            'content-type': 'application/x-www-form-urlencoded',
            'x-twilio-signature': computeTwilioSignature(
              'twilio-token',
              `${PUBLIC}/channels/sms/webhook`,
              params,
            ),
          },
          body: new URLSearchParams(params).toString(),
        });
      };
      const twilioUrl = `${base}/2010-04-01/Accounts/AC123/Messages/MM1/Media/ME1`;
      expect((await mms('MM1', twilioUrl)).status).toBe(200);
      expect((await mms('MM2', `${storage}/elsewhere`)).status).toBe(200);
      const conversation = await until(() =>
        s.server.store.conversations.findOpenByThread('sms', '+15559998888:+15550002222'),
      );
      const image = await open(conversation.id, twilioUrl);
      expect(image.status).toBe(200);
      expect(Buffer.from(await image.arrayBuffer()).toString()).toBe('PNG');
      const basic = `Basic ${Buffer.from('AC123:twilio-token').toString('base64')}`;
      expect(requests.find((r) => r.url.endsWith('/Media/ME1'))?.auth).toBe(basic);
      expect(stored).toEqual([undefined]); // the credentials stayed with Twilio
      const foreign = await open(conversation.id, `${storage}/elsewhere`);
      expect(foreign.status).toBe(404);
      expect(stored).toHaveLength(1); // never fetched
    },
  );
});
