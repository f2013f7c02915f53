/**
 * The Rasa engine through the running server, against a stand-in speaking Rasa's REST
 * channel: texts become bot messages, buttons Baton's choices (pressed, or typed by number,
 * they go back to Rasa as their payload), a `custom` handoff payload hands over with its
 * reason and summary in the packet, and an error status or a timeout hands over with
 * `bot_error`.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, login, startConversation } from '../helpers/api-client.ts';
import {
  startRasaStandIn,
  type RasaStandIn,
  type RasaStandInReply,
} from '../helpers/rasa-stand-in.ts';
import { freePort } from '../helpers/cluster/free-port.ts';
import { startTestServer, type TestServer } from '../helpers/test-server.ts';

const SIZES = [
  { title: 'Small', payload: '/choose_size{"size":"S"}' },
  { title: 'Large', payload: '/choose_size{"size":"L"}' },
];

let answer: (message: string) => RasaStandInReply = () => ({ messages: [{ text: 'Hello!' }] });
let rasa: RasaStandIn;
let s: TestServer;

beforeAll(async () => {
  rasa = await startRasaStandIn((body) => answer(body.message));
  s = await startTestServer({
    env: {
      BATON_BOT_ENGINE: 'rasa',
      BATON_RASA_URL: `${rasa.url}/`,
      BATON_RASA_TOKEN: 'rasa-secret',
      BATON_RASA_TIMEOUT_MS: '400',
      BATON_RASA_HANDOFF_PAYLOAD: '/human_handoff',
      BATON_RATE_LIMIT_PER_MINUTE: '1000',
    },
  });
});
afterAll(async () => {
  await s?.close();
  rasa?.close();
});

async function say(c: { id: string; token: string }, body: Record<string, unknown>) {
  const r = await api(s.baseUrl, 'POST', `/api/v1/conversations/${c.id}/messages`, {
    token: c.token,
    body,
  });
  expect(r.status).toBe(201);
  return r.body.events as any[];
}

const botMessages = (events: any[]) => events.filter((e) => e.data.from === 'bot');

async function packetOf(id: string) {
  const supervisor = await login(s.baseUrl, 'riley@example.com', s.demoAgent.password);
  const r = await api(s.baseUrl, 'GET', `/api/v1/conversations/${id}/packet`, {
    token: supervisor,
  });
  expect(r.status).toBe(200);
  return r.body.packet;
}

describe('Rasa engine (REST channel)', () => {
  it("sends { sender, message } to the REST channel and relays Rasa's texts", async () => {
    answer = () => ({ messages: [{ text: 'Hi there!' }, { text: 'How can I help?' }] });
    const c = await startConversation(s.baseUrl);
    const events = await say(c, { text: 'hello' });
    expect(botMessages(events).map((e) => e.data.text)).toEqual(['Hi there!', 'How can I help?']);
    const sent = rasa.requests.at(-1) ?? expect.fail('Rasa got no request');
    expect(sent.method).toBe('POST');
    expect(sent.url).toBe('/webhooks/rest/webhook');
    expect(sent.auth).toBe('Bearer rasa-secret');
    expect(sent.body).toEqual({ sender: c.id, message: 'hello' });
  });

  it("offers Rasa's buttons as choices; a press or a typed number sends the payload", async () => {
    answer = (message) =>
      message.startsWith('/choose_size')
        ? { messages: [{ text: `Noted: ${message}` }] }
        : { messages: [{ text: 'Which size?', buttons: SIZES }] };
    const c = await startConversation(s.baseUrl);
    const asked = botMessages(await say(c, { text: 'I want a shirt' }));
    expect(asked).toHaveLength(1);
    const choices = asked[0].data.choices as { id: string; label: string }[];
    expect(choices.map((o) => o.label)).toEqual(['Small', 'Large']);

    // The customer's view of the message carries the choices too (the widget's buttons).
    const seen = await api(s.baseUrl, 'GET', `/api/v1/conversations/${c.id}/events`, {
      token: c.token,
    });
    const shown = (seen.body.events as any[]).find((e) => e.seq === asked[0].seq);
    expect(shown.data.choices).toEqual(choices);

    const pressed = await say(c, { action: 'choose', choice: choices[1]?.id });
    expect(pressed[0].data).toMatchObject({ from: 'customer', text: 'Large' });
    expect(rasa.requests.at(-1)?.body.message).toBe('/choose_size{"size":"L"}');
    expect(botMessages(pressed)[0].data.text).toBe('Noted: /choose_size{"size":"L"}');

    // Where buttons are written out as "1) Small", the number means the button too.
    await say(c, { text: 'and another shirt' });
    await say(c, { text: '1' });
    expect(rasa.requests.at(-1)?.body.message).toBe('/choose_size{"size":"S"}');

    // An id nobody offered is refused, as for any choice.
    const unknown = await api(s.baseUrl, 'POST', `/api/v1/conversations/${c.id}/messages`, {
      token: c.token,
      body: { action: 'choose', choice: 'bot_0000000000000000' },
    });
    expect(unknown.status).toBe(400);
  });

  it('hands over on the custom handoff payload, with its reason and summary in the packet', async () => {
    answer = () => ({
      messages: [
        { text: 'Let me get a colleague.' },
        {
          custom: {
            handoff: true,
            reason: 'topic_policy',
            summary: 'Customer wants a refund for order 4417',
          },
        },
      ],
    });
    const c = await startConversation(s.baseUrl);
    const events = await say(c, { text: 'my order is broken' });
    expect(events.map((e) => e.type)).toContain('conversation.handed_over');
    const packet = await packetOf(c.id);
    expect(packet.reasons[0].code).toBe('topic_policy');
    expect(packet.reasons[0].evidence.text).toContain('Customer wants a refund for order 4417');
  });

  it('hands over when the configured handoff payload is pressed, without asking Rasa', async () => {
    answer = () => ({
      messages: [
        {
          text: 'Anything else?',
          buttons: [{ title: 'Talk to a person', payload: '/human_handoff' }],
        },
      ],
    });
    const c = await startConversation(s.baseUrl);
    const asked = botMessages(await say(c, { text: 'hello' }));
    const before = rasa.requests.length;
    const events = await say(c, { action: 'choose', choice: asked[0].data.choices[0].id });
    expect(events.map((e) => e.type)).toContain('conversation.handed_over');
    expect(rasa.requests.length).toBe(before);
    expect((await packetOf(c.id)).reasons[0].code).toBe('explicit_request');
  });

  it('sends an image that comes without text as its address', async () => {
    answer = () => ({ messages: [{ image: 'https://cdn.example.test/size-chart.png' }] });
    const c = await startConversation(s.baseUrl);
    const events = await say(c, { text: 'do you have a size chart?' });
    expect(botMessages(events).map((e) => e.data.text)).toEqual([
      'https://cdn.example.test/size-chart.png',
    ]);
  });

  it('records a handoff reason that is not a reason code as out_of_scope, the word beside it', async () => {
    answer = () => ({ messages: [{ custom: { handoff: true, reason: 'vip_customer' } }] });
    const c = await startConversation(s.baseUrl);
    const events = await say(c, { text: 'where is my parcel' });
    expect(events.map((e) => e.type)).toContain('conversation.handed_over');
    const [first] = (await packetOf(c.id)).reasons;
    expect(first.code).toBe('out_of_scope');
    expect(first.evidence.text).toContain('vip_customer');
  });

  it('never asks Rasa about an explicit request for a person: the policy hands over first', async () => {
    answer = () => ({ messages: [{ text: 'Rasa should not have been asked' }] });
    const c = await startConversation(s.baseUrl);
    const before = rasa.requests.length;
    const events = await say(c, { text: 'I want to talk to a human' });
    expect(events.map((e) => e.type)).toContain('conversation.handed_over');
    expect(rasa.requests.length).toBe(before);
    expect((await packetOf(c.id)).reasons.map((r: any) => r.code)).toContain('explicit_request');
  });

  it('hands over with bot_error when Rasa answers 500, times out, says nothing, or answers no list', async () => {
    for (const failing of [
      { status: 500 },
      { delayMs: 2000, messages: [{ text: 'too late' }] },
      { messages: [] },
      { raw: { text: 'an object, not the REST channel’s list' } },
    ] satisfies RasaStandInReply[]) {
      answer = () => failing;
      const c = await startConversation(s.baseUrl);
      const events = await say(c, { text: 'hello?' });
      expect(events.map((e) => e.type)).toContain('conversation.handed_over');
      expect(botMessages(events).map((e) => e.data.text)).not.toContain('too late');
      expect((await packetOf(c.id)).reasons.map((r: any) => r.code)).toEqual(['bot_error']);
    }
  });

  it('hands over with bot_error when Rasa cannot be reached at all', async () => {
    const down = await startTestServer({
      env: { BATON_BOT_ENGINE: 'rasa', BATON_RASA_URL: `http://127.0.0.1:${await freePort()}/` },
    });
    try {
      const c = await startConversation(down.baseUrl);
      const r = await api(down.baseUrl, 'POST', `/api/v1/conversations/${c.id}/messages`, {
        token: c.token,
        body: { text: 'hello?' },
      });
      expect((r.body.events as any[]).map((e) => e.type)).toContain('conversation.handed_over');
      const handedOver = await down.server.store.conversations.get(c.id);
      expect(handedOver?.handoff?.reasons).toEqual(['bot_error']);
    } finally {
      await down.close();
    }
  });

  it('refuses the engine at start without a URL, saying what is missing', async () => {
    await expect(startTestServer({ env: { BATON_BOT_ENGINE: 'rasa' } })).rejects.toThrow(
      /bot\.rasa/,
    );
  });
});
