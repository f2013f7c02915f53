/**
 * What a signed visitor claims beside the signature links no one (docs/security.md#verified-
 * customer-identity), on a real server and both engines: Priya writes on WhatsApp (a signed
 * webhook); Mallory, logged in on the shop and signed with a `userHash` of her own id, claims
 * Priya's phone number and email. The agent's contact view of Mallory is her conversation
 * alone, with the claims listed as unverified, and Priya's is hers without Mallory's; an export
 * by Mallory's id holds none of Priya's. Priya signed with an identity token carrying her phone
 * number is joined to her WhatsApp conversation. An admin erasing or exporting Priya by email
 * still takes the conversation that only claimed it, but not Mallory's other conversation (the
 * claim's verified id is Mallory's, not Priya's): the dry run lists exactly what goes.
 */
import { createHmac } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, login, startConversation } from '../helpers/api-client.ts';
import { TEST_DATABASES } from '../helpers/databases.ts';
import { postMetaWebhook } from '../helpers/meta-webhook.ts';
import { DEMO_PASSWORD, startTestServer, type TestServer } from '../helpers/test-server.ts';
import { until } from '../helpers/until.ts';
import { firstMessage, WA_THREAD, whatsappExample } from '../helpers/whatsapp-payloads.ts';

const SECRET = 'claims-identity-secret-0123456789';
const WA_SECRET = 'claims-wa-app-secret';
/** Priya's number as the shop and Mallory write it; WhatsApp's wa_id is 447700900123. */
const PRIYA_PHONE = '+44 7700 900123';
const PRIYA_EMAIL = 'priya@example.com';

interface Contact {
  verified: boolean;
  identities: string[];
  claimed: string[];
  conversations: { id: string }[];
}

describe.each(TEST_DATABASES)('claims beside a signature link no one ($name)', (database) => {
  let s: TestServer;
  let riley = '';
  let admin = '';
  const ids = { whatsapp: '', mallory: '', malloryOwn: '', priyaWeb: '' };
  // Stands in for the Graph API: takes Baton's sends.
  const provider = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ messages: [{ id: `wamid.out${Date.now()}` }] }));
    });
  });

  beforeAll(async () => {
    if (database.skipReason) return;
    await new Promise<void>((r) => provider.listen(0, '127.0.0.1', () => r()));
    s = await startTestServer({
      engine: database.name,
      env: {
        BATON_IDENTITY_SECRET: SECRET,
        BATON_WHATSAPP_APP_SECRET: WA_SECRET,
        BATON_WHATSAPP_VERIFY_TOKEN: 'verify-me',
        BATON_WHATSAPP_ACCESS_TOKEN: 'wa-token',
        BATON_WHATSAPP_API_BASE_URL: `http://127.0.0.1:${(provider.address() as AddressInfo).port}`,
      },
    });
    riley = await login(s.baseUrl, 'riley@example.com', DEMO_PASSWORD);
    admin = await login(s.baseUrl, 'morgan@example.com', DEMO_PASSWORD);

    const payload = whatsappExample('messages', 'text');
    Object.assign(firstMessage(payload), { id: 'wamid.p1', text: { body: 'Where is order 77?' } });
    const sent = await postMetaWebhook(
      `${s.baseUrl}/channels/whatsapp/webhook`,
      JSON.stringify(payload),
      WA_SECRET,
    );
    expect(sent.status).toBe(200);
    ids.whatsapp = (
      await until(() => s.server.store.conversations.findOpenByThread('whatsapp', WA_THREAD))
    ).id;

    // Mallory's own id, signed; Priya's phone number and email are only her word.
    ids.mallory = (
      await startConversation(s.baseUrl, {
        customer: { id: 'u-mallory', name: 'Mallory', phone: PRIYA_PHONE, email: PRIYA_EMAIL },
        userHash: createHmac('sha256', SECRET).update('u-mallory').digest('hex'),
      })
    ).id;
    // Mallory again, signed, naming no one: her own conversation.
    ids.malloryOwn = (
      await startConversation(s.baseUrl, {
        customer: { id: 'u-mallory', name: 'Mallory' },
        userHash: createHmac('sha256', SECRET).update('u-mallory').digest('hex'),
      })
    ).id;
    // Priya on the shop, her phone number and email inside the signed token.
    const identityToken = await new SignJWT({
      name: 'Priya',
      email: PRIYA_EMAIL,
      phone: PRIYA_PHONE,
    })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('u-priya')
      .setExpirationTime('10m')
      .sign(new TextEncoder().encode(SECRET));
    ids.priyaWeb = (await startConversation(s.baseUrl, { identityToken })).id;
  }, 60_000);

  afterAll(async () => {
    await s?.close();
    provider.close();
  });

  const contact = async (id: string): Promise<Contact> => {
    const r = await api(s.baseUrl, 'GET', `/api/v1/conversations/${id}/contact`, { token: riley });
    expect(r.status).toBe(200);
    return r.body as Contact;
  };
  const idsOf = (list: { id: string }[]) => list.map((c) => c.id).sort();

  it.skipIf(database.skipReason)(
    "shows the signed visitor's claimed phone and email as unverified and joins no one by them",
    async () => {
      const mallory = await contact(ids.mallory);
      expect(mallory.verified).toBe(true);
      expect(idsOf(mallory.conversations)).toEqual([ids.mallory, ids.malloryOwn].sort());
      expect(mallory.identities).toEqual(['id:u-mallory']);
      expect(mallory.claimed.sort()).toEqual([`email:${PRIYA_EMAIL}`, 'phone:+447700900123']);

      // Priya's WhatsApp contact: her signed web chat (the token's phone), never Mallory's.
      const priya = await contact(ids.whatsapp);
      expect(idsOf(priya.conversations)).toEqual([ids.priyaWeb, ids.whatsapp].sort());
      expect(priya.claimed).toEqual([]);
      const web = await contact(ids.priyaWeb);
      expect(idsOf(web.conversations)).toEqual([ids.priyaWeb, ids.whatsapp].sort());
      expect(web.identities).toEqual(expect.arrayContaining(['id:u-priya', 'phone:+447700900123']));
    },
  );

  it.skipIf(database.skipReason)(
    "exports Mallory without Priya's conversations; erasing Priya by email takes the claim, not Mallory's own",
    async () => {
      const exported = await api(s.baseUrl, 'GET', '/api/v1/customers/export?customer=u-mallory', {
        token: admin,
      });
      expect(exported.status).toBe(200);
      expect(idsOf(exported.body.conversations)).toEqual([ids.mallory, ids.malloryOwn].sort());
      const priyas = [ids.whatsapp, ids.mallory, ids.priyaWeb].sort();
      const priyaExport = await api(
        s.baseUrl,
        'GET',
        `/api/v1/customers/export?customer=${encodeURIComponent(PRIYA_EMAIL)}`,
        { token: admin },
      );
      expect(priyaExport.status).toBe(200);
      expect(idsOf(priyaExport.body.conversations)).toEqual(priyas);

      const body = { customer: PRIYA_EMAIL, includeOpen: true };
      const dry = await api(s.baseUrl, 'POST', '/api/v1/customers/erase', { token: admin, body });
      expect(dry.status).toBe(200);
      expect(idsOf(dry.body.conversations)).toEqual(priyas);
      const done = await api(s.baseUrl, 'POST', '/api/v1/customers/erase', {
        token: admin,
        body: { ...body, confirm: true },
      });
      expect(done.body).toMatchObject({ dryRun: false, erased: 3 });
      for (const id of priyas) expect(await s.server.store.conversations.get(id)).toBeUndefined();
      expect(await s.server.store.conversations.get(ids.malloryOwn)).toBeDefined();
    },
  );
});
