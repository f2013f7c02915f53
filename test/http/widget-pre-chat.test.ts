/**
 * The widget's pre-chat form over HTTP, on both engines (docs/web.md, "Pre-chat form"): the
 * form is served with the widget's settings, a missing or malformed answer is refused with
 * PRE_CHAT_INVALID naming the field, the answers are stored as the customer's unverified
 * claims, the other fields reach the handoff packet, and a signed visitor is not asked (nor
 * overwritten) for what the signature says.
 */
import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, login } from '../helpers/api-client.ts';
import { TEST_DATABASES } from '../helpers/databases.ts';
import { startTestServer, type TestServer } from '../helpers/test-server.ts';

const SECRET = 'identity-secret-0123456789abcdef';
const FORM = {
  fields: [
    { key: 'name', required: true },
    { key: 'email', required: true },
    { key: 'phone', required: false },
    { key: 'order_id', required: false },
    { key: 'account', required: false, label: { en: 'Account number', es: 'Número de cuenta' } },
  ],
};

describe.each(TEST_DATABASES)('pre-chat form on $name', (database) => {
  let s: TestServer;
  let supervisor: string;
  const create = (body: unknown) => api(s.baseUrl, 'POST', '/api/v1/conversations', { body });

  beforeAll(async () => {
    if (database.skipReason) return;
    s = await startTestServer({
      engine: database.name,
      env: { BATON_WIDGET_PRECHAT_FORM: JSON.stringify(FORM), BATON_IDENTITY_SECRET: SECRET },
    });
    supervisor = await login(s.baseUrl, 'riley@example.com', s.demoAgent.password);
  });
  afterAll(async () => {
    await s?.close();
  });

  it.skipIf(database.skipReason)('serves the form with the widget settings', async () => {
    const en = await api(s.baseUrl, 'GET', '/api/v1/widget/settings?language=en');
    expect(en.status).toBe(200);
    expect(en.body).toEqual({
      preChatForm: {
        fields: [
          { key: 'name', type: 'text', required: true },
          { key: 'email', type: 'email', required: true },
          { key: 'phone', type: 'tel', required: false },
          { key: 'order_id', type: 'text', required: false },
          { key: 'account', type: 'text', required: false, label: 'Account number' },
        ],
      },
      // No SMTP relay configured: the widget offers no emailed copy.
      transcriptByEmail: false,
    });
    const es = await api(s.baseUrl, 'GET', '/api/v1/widget/settings?language=es-MX');
    expect(es.body.preChatForm.fields.at(-1).label).toBe('Número de cuenta');
  });

  it.skipIf(database.skipReason)(
    'refuses a missing required answer and a malformed email or phone, naming the field',
    async () => {
      const missing = await create({ preChat: { email: 'ana@example.test' } });
      expect(missing.status).toBe(400);
      expect(missing.body.error.code).toBe('PRE_CHAT_INVALID');
      expect(missing.body.error.fields).toEqual([{ key: 'name', problem: 'required' }]);
      const blank = await create({ preChat: { name: '   ', email: 'ana@example.test' } });
      expect(blank.body.error.fields).toEqual([{ key: 'name', problem: 'required' }]);
      const malformed = await create({
        preChat: { name: 'Ana', email: 'ana-at-example', phone: 'call me' },
      });
      expect(malformed.status).toBe(400);
      expect(malformed.body.error.fields).toEqual([
        { key: 'email', problem: 'invalid_email' },
        { key: 'phone', problem: 'invalid_phone' },
      ]);
      const none = await create({});
      expect(none.body.error.fields.map((f: { key: string }) => f.key)).toEqual(['name', 'email']);
    },
  );

  it.skipIf(database.skipReason)(
    'stores the answers as unverified claims and puts the other fields in the packet',
    async () => {
      const r = await create({
        customer: { id: 'cust_9001' },
        preChat: {
          name: 'Ana Lima',
          email: 'ana@example.test',
          phone: '+44 7700 900123',
          order_id: 'A-77120',
          account: 'ACC-55',
        },
      });
      expect(r.status).toBe(201);
      const { id } = r.body.conversation;
      const stored = await s.server.store.conversations.get(id);
      expect(stored?.customer).toMatchObject({
        id: 'cust_9001',
        name: 'Ana Lima',
        email: 'ana@example.test',
        phone: '+44 7700 900123',
        verified: false,
      });
      await api(s.baseUrl, 'POST', `/api/v1/conversations/${id}/messages`, {
        token: r.body.token,
        body: { action: 'request_human' },
      });
      const packet = await api(s.baseUrl, 'GET', `/api/v1/conversations/${id}/packet`, {
        token: supervisor,
      });
      expect(packet.status).toBe(200);
      expect(packet.body.packet.fields).toMatchObject({ order_id: 'A-77120', account: 'ACC-55' });
      // An unverified claim joins no one's history, as any browser's word.
      const contact = await api(s.baseUrl, 'GET', `/api/v1/conversations/${id}/contact`, {
        token: supervisor,
      });
      expect(contact.body.verified).toBe(false);
    },
  );

  it.skipIf(database.skipReason)(
    "skips what a signed visitor's identity says, and never overwrites it",
    async () => {
      const customer = { id: 'cust_signed', name: 'Ana Signed', email: 'signed@example.test' };
      const r = await create({
        customer,
        userHash: createHmac('sha256', SECRET).update(customer.id).digest('hex'),
        preChat: { name: 'Mallory', order_id: 'B-1' },
      });
      expect(r.status).toBe(201);
      const stored = await s.server.store.conversations.get(r.body.conversation.id);
      expect(stored?.customer).toMatchObject({ ...customer, verified: true });
      expect(stored?.channelState.preChatFields).toEqual({ order_id: 'B-1' });
    },
  );

  it.skipIf(database.skipReason)('does not ask an API client, which is shown no form', async () => {
    const r = await create({ channel: 'api', customer: { name: 'Script' } });
    expect(r.status).toBe(201);
  });
});

describe('pre-chat form off (the default)', () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer();
  });
  afterAll(async () => {
    await s?.close();
  });

  it('serves no form and starts a chat without answers', async () => {
    const settings = await api(s.baseUrl, 'GET', '/api/v1/widget/settings');
    expect(settings.body).toEqual({ preChatForm: null, transcriptByEmail: false });
    expect((await api(s.baseUrl, 'POST', '/api/v1/conversations', { body: {} })).status).toBe(201);
  });
});
