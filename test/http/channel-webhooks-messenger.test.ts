/** Messenger through the server: replies in the thread, and silence while another app owns it. */
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../helpers/test-server.ts';
import { until } from '../helpers/until.ts';
import { postMetaWebhook } from '../helpers/meta-webhook.ts';
import { api, login } from '../helpers/api-client.ts';

const SECRET = 'fb-app-secret';
const fixture = (name: string) =>
  readFileSync(new URL(`../fixtures/channels/messenger/${name}`, import.meta.url), 'utf8');
/** The page and the customer (page-scoped id) of every Messenger fixture. */
const PAGE = '104880000000001';
const PSID = '7310000000000042';

/**
 * A Baton with Messenger enabled against a stand-in Graph API that records every call; the
 * describe block that calls it gets the server started before its tests and closed after.
 */
function messengerWorld(options: { env?: Record<string, string>; clock?: () => Date } = {}) {
  const sent: Array<{ url: string; body: any }> = [];
  const provider = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      sent.push({ url: req.url ?? '', body: JSON.parse(body) });
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"message_id":"m.1"}');
    });
  });
  const world = {
    sent,
    s: undefined as unknown as TestServer,
    post: (raw: unknown) =>
      postMetaWebhook(
        `${world.s.baseUrl}/channels/messenger/webhook`,
        typeof raw === 'string' ? raw : JSON.stringify(raw),
        SECRET,
      ),
  };
  beforeAll(async () => {
    await new Promise<void>((r) => provider.listen(0, '127.0.0.1', () => r()));
    world.s = await startTestServer({
      ...(options.clock ? { clock: options.clock } : {}),
      env: {
        BATON_MESSENGER_APP_SECRET: SECRET,
        BATON_MESSENGER_VERIFY_TOKEN: 'v',
        BATON_MESSENGER_PAGE_ACCESS_TOKEN: 'page-token',
        BATON_MESSENGER_API_BASE_URL: `http://127.0.0.1:${(provider.address() as AddressInfo).port}`,
        BATON_TIMER_INTERVAL_MS: '50',
        ...options.env,
      },
    });
  });
  afterAll(async () => {
    await world.s?.close();
    provider.close();
  });
  return world;
}

describe('Messenger through the server', () => {
  const world = messengerWorld();
  const { sent, post } = world;

  it('answers in the thread, goes quiet when control is taken, and speaks again when it is passed back', async () => {
    const message = JSON.parse(fixture('text.json'));
    message.entry[0].messaging[0].message.text = 'How long does shipping take?';
    // Sent now: the recorded timestamp is days old, past Messenger's reply window.
    message.entry[0].messaging[0].timestamp = Date.now();
    expect((await post(JSON.stringify(message))).status).toBe(200);
    await until(() => (sent.length >= 2 ? true : undefined));
    expect(sent[1]!.body).toMatchObject({
      recipient: { id: PSID },
      message: { text: expect.stringMatching(/business days/) },
    });

    // Another app takes the thread: Baton must not reply from standby.
    const take = JSON.parse(fixture('take-thread-control.json'));
    expect((await post(JSON.stringify(take))).status).toBe(200);
    const conversation = await until(async () => {
      const c = await world.s.server.store.conversations.findOpenByThread(
        'messenger',
        `${PAGE}:${PSID}`,
      );
      return c?.channelState.standby ? c : undefined;
    });
    const before = sent.length;
    const again = structuredClone(message);
    again.entry[0].messaging[0].message.mid = 'm_BTN-text-2';
    again.entry[0].messaging[0].message.text = 'What payment methods do you take?';
    await post(JSON.stringify(again));
    const refused = await until(async () =>
      (await world.s.server.store.conversations.eventsSince(conversation.id, 0)).find(
        (e) => e.type === 'message.delivery' && e.data.status === 'failed',
      ),
    );
    expect(refused.data.error).toMatch(/standby/);
    expect(sent.length).toBe(before);

    const pass = JSON.parse(fixture('pass-thread-control.json'));
    await post(JSON.stringify(pass));
    await until(async () =>
      (await world.s.server.store.conversations.get(conversation.id))?.channelState.standby ===
      false
        ? true
        : undefined,
    );
  });
});

describe("Messenger's reply windows through the server", () => {
  let offsetMs = 0;
  const clock = () => new Date(Date.now() + offsetMs);
  const world = messengerWorld({ clock });
  const { sent, post } = world;

  it('sends a person’s reply as RESPONSE for 24 hours, with the HUMAN_AGENT tag for 7 days, then refuses it', async () => {
    const message = JSON.parse(fixture('text.json'));
    message.entry[0].messaging[0].message.text = 'I want to talk to a human please';
    message.entry[0].messaging[0].timestamp = clock().getTime();
    expect((await post(message)).status).toBe(200);
    const conversation = await until(async () => {
      const c = await world.s.server.store.conversations.findOpenByThread(
        'messenger',
        `${PAGE}:${PSID}`,
      );
      return c && c.status !== 'bot' ? c : undefined;
    });
    const reply = async (text: string) => {
      const token = await login(
        world.s.baseUrl,
        world.s.demoAgent.email,
        world.s.demoAgent.password,
      );
      const now = await world.s.server.store.conversations.get(conversation.id);
      if (now?.status !== 'assigned') {
        await api(world.s.baseUrl, 'POST', `/api/v1/conversations/${conversation.id}/claim`, {
          token,
        });
      }
      const posted = await api(
        world.s.baseUrl,
        'POST',
        `/api/v1/conversations/${conversation.id}/messages`,
        {
          token,
          body: { text },
        },
      );
      expect(posted.status).toBeLessThan(300);
    };

    await reply('Within the day');
    const first = await until(() => sent.find((r) => r.body.message?.text === 'Within the day'));
    expect(first.body).toMatchObject({ messaging_type: 'RESPONSE' });
    expect(first.body.tag).toBeUndefined();

    offsetMs += 30 * 3_600_000;
    await reply('A day and a bit later');
    const tagged = await until(() =>
      sent.find((r) => r.body.message?.text === 'A day and a bit later'),
    );
    expect(tagged.body).toMatchObject({ messaging_type: 'MESSAGE_TAG', tag: 'HUMAN_AGENT' });

    offsetMs += 7 * 24 * 3_600_000;
    await reply('A week too late');
    // The refusal of this reply (a timer's system message, due after the jump, may fail too).
    const refused = await until(async () => {
      const events = await world.s.server.store.conversations.eventsSince(conversation.id, 0);
      const late = events.find(
        (e) => e.type === 'message.created' && e.data.text === 'A week too late',
      );
      return events.find(
        (e) =>
          e.type === 'message.delivery' && e.data.status === 'failed' && e.data.seq === late?.seq,
      );
    });
    expect(refused.data.error).toMatch(/7 days/);
    expect(sent.some((r) => r.body.message?.text === 'A week too late')).toBe(false);
  });
});

const BOT_APP = '263902037430900';

type MessengerWorld = ReturnType<typeof messengerWorld>;

/** The bot app hears the customer (Baton in standby), then passes the thread to Baton. */
async function passedToBaton(world: MessengerWorld) {
  const { sent, post } = world;
  const store = world.s.server.store;
  const standby = JSON.parse(fixture('standby.json'));
  standby.entry[0].standby[0].timestamp = Date.now();
  standby.entry[0].standby[0].message.text = 'My card was charged twice for one order';
  expect((await post(standby)).status).toBe(200);
  const conversation = await until(() =>
    store.conversations.findOpenByThread('messenger', `${PAGE}:${PSID}`),
  );
  const heard = await until(async () =>
    (await store.conversations.eventsSince(conversation.id, 0)).find(
      (e) => e.type === 'message.created' && e.data.from === 'customer',
    ),
  );
  expect(heard.data).toMatchObject({
    text: 'My card was charged twice for one order',
    standby: true,
  });
  // The bot app owns the thread: Baton neither greets nor answers.
  await new Promise((r) => setTimeout(r, 300));
  expect(sent).toHaveLength(0);
  expect((await store.conversations.get(conversation.id))?.status).toBe('bot');

  const pass = JSON.parse(fixture('pass-thread-control.json'));
  pass.entry[0].messaging[0].timestamp = Date.now();
  expect((await post(pass)).status).toBe(200);
  const handedOver = await until(async () => {
    const c = await store.conversations.get(conversation.id);
    return c && c.status !== 'bot' ? c : undefined;
  });
  expect(handedOver.channelState.standby).toBe(false);
  expect(handedOver.handoff?.reasons).toContain('out_of_scope');
  // The customer hears from Baton now, in the thread.
  await until(() => sent.find((r) => r.url.endsWith('/messages')));
  return handedOver;
}

/** An agent claims the conversation, then `action` (resolve, return-to-bot) gives it up. */
async function claimAndLeave(
  world: MessengerWorld,
  id: string,
  action: 'resolve' | 'return-to-bot',
) {
  const { s } = world;
  const token = await login(s.baseUrl, s.demoAgent.email, s.demoAgent.password);
  await api(s.baseUrl, 'POST', `/api/v1/conversations/${id}/claim`, { token });
  const body = action === 'resolve' ? { resolved: true } : {};
  const left = await api(s.baseUrl, 'POST', `/api/v1/conversations/${id}/${action}`, {
    token,
    body,
  });
  expect(left.status).toBe(200);
}

/** Baton passes the thread back to the bot app, goes into standby, and sends nothing after. */
async function expectPassedBack(world: MessengerWorld, id: string) {
  const { sent } = world;
  const store = world.s.server.store;
  const passedBack = await until(() => sent.find((r) => r.url.endsWith('/pass_thread_control')));
  expect(passedBack.url).toContain(`/${PAGE}/pass_thread_control`);
  expect(passedBack.body).toMatchObject({ recipient: { id: PSID }, target_app_id: BOT_APP });
  const after = await until(async () => {
    const c = await store.conversations.get(id);
    return c?.channelState.standby === true ? c : undefined;
  });
  const events = await store.conversations.eventsSince(after.id, 0);
  expect(
    events.find((e) => e.type === 'channel.thread_control' && e.data.action === 'passed'),
  ).toBeTruthy();
  // Nothing went out after the pass.
  const passIndex = sent.indexOf(passedBack);
  expect(sent.slice(passIndex + 1).filter((r) => r.url.endsWith('/messages'))).toHaveLength(0);
}

const BOT_APP_ENV = { BATON_MESSENGER_BOT_APP_ID: BOT_APP, BATON_TIMER_LEASE_MS: '1000' };

describe('Messenger Handover Protocol with a bot app that owns the thread', () => {
  const world = messengerWorld({ env: BOT_APP_ENV });

  it('keeps what the customer told the bot, takes over on a pass, and passes the thread back on resolve', async () => {
    const conversation = await passedToBaton(world);
    await claimAndLeave(world, conversation.id, 'resolve');
    await expectPassedBack(world, conversation.id);
  });
});

describe('Messenger Handover Protocol: a return to the bot', () => {
  const world = messengerWorld({ env: BOT_APP_ENV });

  it('passes the thread back to the bot app when the agent returns the conversation to the bot', async () => {
    const conversation = await passedToBaton(world);
    await claimAndLeave(world, conversation.id, 'return-to-bot');
    await expectPassedBack(world, conversation.id);
  });
});
