/**
 * Messenger's and Instagram's Handover Protocol when the customer asks the bot app that owns
 * the thread for a person: Baton's policy still reads the standby messages and, when it hands
 * over, takes the thread (primary receiver) or asks for it (secondary, the default, once while
 * outstanding); the bot's own echoed answers are its turns in the transcript. Against a
 * stand-in Graph API (docs/channels.md "Messenger").
 */
import { describe, expect, it } from 'vitest';
import { api, login } from '../helpers/api-client.ts';
import {
  type MessengerWorld,
  messengerWorld,
  PAGE,
  payload,
  PSID,
} from '../helpers/messenger-world.ts';
import { until } from '../helpers/until.ts';

const BOT_APP = '263902037430900';
const ENV = { BATON_MESSENGER_BOT_APP_ID: BOT_APP, BATON_TIMER_LEASE_MS: '1000' };

let mid = 0;
/** The customer writes to the bot app that owns the thread; Baton hears it in standby. */
async function standbyMessage(world: MessengerWorld, text: string) {
  const body = payload(world, 'standby.json');
  body.entry[0].standby[0].timestamp = Date.now();
  body.entry[0].standby[0].message.text = text;
  body.entry[0].standby[0].message.mid = `m_take-${++mid}`;
  expect((await world.post(body)).status).toBe(200);
  const store = world.s.server.store;
  return until(() =>
    store.conversations.findOpenByThread(world.channel, `${world.business}:${PSID}`),
  );
}

const handoverCalls = (world: MessengerWorld) =>
  world.sent.filter((r) => /\/(take|request)_thread_control$/.test(r.url));

/** A standby question the bot can answer: the policy keeps quiet, nothing is taken or sent. */
async function noPersonNeeded(world: MessengerWorld) {
  const conversation = await standbyMessage(world, 'What are your opening hours?');
  // The webhook is answered after the policy ran and any take was queued.
  const pending = await world.s.server.store.timers.pendingFor(conversation.id);
  expect(pending.filter((t) => t.kind === 'channel.take_thread')).toHaveLength(0);
  expect(world.sent).toHaveLength(0);
  expect((await world.s.server.store.conversations.get(conversation.id))?.status).toBe('bot');
  // Kept for the person who may take over later.
  const events = await world.s.server.store.conversations.eventsSince(conversation.id, 0);
  expect(events.find((e) => e.type === 'message.created')?.data).toMatchObject({
    from: 'customer',
    text: 'What are your opening hours?',
    standby: true,
  });
  return conversation;
}

async function postBotEcho(world: MessengerWorld, text: string, app = BOT_APP) {
  const body = payload(world, 'standby.json');
  const item = body.entry[0].standby[0];
  [item.sender, item.recipient] = [item.recipient, item.sender];
  item.timestamp = Date.now();
  item.message = { mid: `m_take-${++mid}`, is_echo: true, app_id: Number(app), text };
  expect((await world.post(body)).status).toBe(200);
}

/**
 * The bot app's own message, echoed to Baton in standby (`app_id` names the sender): kept as
 * the bot's turn, marked with that app, never the customer's words and never sent.
 */
async function botSaysInStandby(world: MessengerWorld, id: string, text: string, app = BOT_APP) {
  await postBotEcho(world, text, app);
  const store = world.s.server.store;
  const events = await store.conversations.eventsSince(id, 0);
  const kept = events.filter((e) => e.type === 'message.created' && e.data.text === text);
  const pending = await store.timers.pendingFor(id);
  expect(pending.filter((t) => t.kind === 'channel.take_thread')).toHaveLength(0);
  expect(pending.filter((t) => t.kind === 'channel.send')).toHaveLength(0);
  expect(handoverCalls(world)).toHaveLength(0);
  expect(world.sent).toHaveLength(0);
  return kept;
}

/** The bot's echo is its own turn; an echo from any other app (Baton's own sends) is not kept. */
async function botEchoesKept(world: MessengerWorld, id: string) {
  const kept = await botSaysInStandby(world, id, 'Do you want to talk to a human? Say "agent".');
  expect(kept).toHaveLength(1);
  expect(kept[0]).toMatchObject({
    actor: { type: 'bot' },
    data: { from: 'bot', standby: true, botAppId: BOT_APP },
  });
  expect(await botSaysInStandby(world, id, 'Sent by another app', '999000111')).toEqual([]);
}

/** What the agent fetches: both sides of the standby talk, in the order they were said. */
async function agentSeesBothSides(world: MessengerWorld, id: string) {
  const { s } = world;
  const token = await login(s.baseUrl, s.demoAgent.email, s.demoAgent.password);
  const fetched = await api(s.baseUrl, 'GET', `/api/v1/conversations/${id}/events`, { token });
  expect(fetched.status).toBe(200);
  const said = (fetched.body.events as Array<{ type: string; data: any }>)
    .filter((e) => e.type === 'message.created' && e.data.standby === true)
    .map((e) => [e.data.from, e.data.text]);
  expect(said).toEqual([
    ['customer', 'What are your opening hours?'],
    ['bot', 'Do you want to talk to a human? Say "agent".'],
    ['customer', 'I want to talk to a human please'],
  ]);
  // The bot's words are already in the thread: never sent, not even tried (the agent's reply,
  // queued after them, has gone out).
  const echo = fetched.body.events.find((e: any) => e.data.botAppId === BOT_APP);
  const tried = fetched.body.events.filter(
    (e: any) => e.type === 'message.delivery' && e.data.seq === echo.seq,
  );
  expect(tried).toEqual([]);
  expect(world.sent.filter((r) => r.body.message?.text === echo.data.text)).toEqual([]);
}

/** An agent claims the handed-over conversation and replies; the reply goes out in the thread. */
async function agentReplies(world: MessengerWorld, id: string) {
  const { s } = world;
  const token = await login(s.baseUrl, s.demoAgent.email, s.demoAgent.password);
  expect(
    (await api(s.baseUrl, 'POST', `/api/v1/conversations/${id}/claim`, { token })).status,
  ).toBe(200);
  const text = 'Hello, I am a person. How can I help?';
  const posted = await api(s.baseUrl, 'POST', `/api/v1/conversations/${id}/messages`, {
    token,
    body: { text },
  });
  expect(posted.status).toBeLessThan(300);
  const reply = await until(() =>
    world.sent.find((r) => r.url.endsWith('/messages') && r.body.message?.text === text),
  );
  expect(reply.body.recipient).toEqual({ id: PSID });
}

/** Primary receiver: the person request is taken from the bot and handed over. */
async function takesAndHandsOver(world: MessengerWorld) {
  const store = world.s.server.store;
  const conversation = await noPersonNeeded(world);
  await botEchoesKept(world, conversation.id);
  await standbyMessage(world, 'I want to talk to a human please');
  const take = await until(() => handoverCalls(world)[0]);
  const owner = world.channel === 'instagram' ? 'me' : PAGE;
  expect(take.url).toContain(`/${owner}/take_thread_control`);
  expect(take.body).toEqual({ recipient: { id: PSID }, metadata: 'explicit_request' });
  const handedOver = await until(async () => {
    const c = await store.conversations.get(conversation.id);
    return c && c.status !== 'bot' ? c : undefined;
  });
  expect(handedOver.channelState.standby).toBe(false);
  expect(handedOver.handoff?.reasons[0]).toBe('explicit_request');
  const events = await store.conversations.eventsSince(conversation.id, 0);
  expect(
    events.find((e) => e.type === 'channel.thread_control' && e.data.action === 'took'),
  ).toMatchObject({ data: { reason: 'explicit_request', appId: BOT_APP } });
  await agentReplies(world, conversation.id);
  await agentSeesBothSides(world, conversation.id);
  // One take: the agent's reply did not take the thread again.
  expect(handoverCalls(world)).toHaveLength(1);
}

describe('Messenger standby: Baton as primary receiver takes the thread for a person', () => {
  const world = messengerWorld({ env: { ...ENV, BATON_MESSENGER_HANDOVER_ROLE: 'primary' } });

  it('takes the thread with the reason, hands over, and the agent replies in the thread', async () => {
    await takesAndHandsOver(world);
  });
});

describe('Instagram standby: Baton as primary receiver takes the thread for a person', () => {
  const world = messengerWorld({
    instagramBotAppId: BOT_APP,
    env: { ...ENV, BATON_INSTAGRAM_HANDOVER_ROLE: 'primary' },
  });

  it('takes the thread with the reason, hands over, and the agent replies in the thread', async () => {
    await takesAndHandsOver(world);
  });
});

describe('Messenger standby: Baton as secondary receiver (the default) asks for the thread', () => {
  const world = messengerWorld({ env: ENV });

  it('requests the thread with the reason, and hands over when the bot passes it', async () => {
    const store = world.s.server.store;
    const conversation = await noPersonNeeded(world);
    await standbyMessage(world, 'I want to talk to a human please');
    const request = await until(() => handoverCalls(world)[0]);
    expect(request.url).toContain(`/${PAGE}/request_thread_control`);
    expect(request.body).toEqual({ recipient: { id: PSID }, metadata: 'explicit_request' });
    await until(async () =>
      (await store.conversations.eventsSince(conversation.id, 0)).find(
        (e) => e.type === 'channel.thread_control' && e.data.action === 'requested',
      ),
    );
    // Only the primary receiver can give the thread: Baton stays in standby until it does.
    const asked = await store.conversations.get(conversation.id);
    expect(asked?.status).toBe('bot');
    expect(asked?.channelState.standby).toBe(true);
    expect(world.sent.filter((r) => r.url.endsWith('/messages'))).toHaveLength(0);

    const pass = payload(world, 'pass-thread-control.json');
    pass.entry[0].messaging[0].timestamp = Date.now();
    pass.entry[0].messaging[0].pass_thread_control.metadata = 'explicit_request';
    expect((await world.post(pass)).status).toBe(200);
    const handedOver = await until(async () => {
      const c = await store.conversations.get(conversation.id);
      return c && c.status !== 'bot' ? c : undefined;
    });
    expect(handedOver.handoff?.reasons[0]).toBe('explicit_request');
    await agentReplies(world, conversation.id);
    expect(handoverCalls(world)).toHaveLength(1);
  });
});

describe('Messenger standby: one request for the thread while it is outstanding', () => {
  const world = messengerWorld({ env: ENV });

  /** A standby message that needs a person; `requests` calls made in all after it. */
  async function asksForPerson(text: string, requests: number) {
    const store = world.s.server.store;
    const conversation = await standbyMessage(world, text);
    if (requests > handoverCalls(world).length) {
      await until(() => handoverCalls(world)[requests - 1]);
      await until(async () =>
        (await store.conversations.eventsSince(conversation.id, 0)).findLast(
          (e) => e.type === 'channel.thread_control' && e.data.action !== 'standby',
        )?.data.action === 'requested'
          ? true
          : undefined,
      );
    }
    // The webhook is answered after the policy ran and any request was queued.
    const pending = await store.timers.pendingFor(conversation.id);
    expect(pending.filter((t) => t.kind === 'channel.take_thread')).toHaveLength(0);
    expect(handoverCalls(world)).toHaveLength(requests);
    return conversation;
  }

  it('asks once, and anew only after the thread went back to the bot', async () => {
    const store = world.s.server.store;
    const conversation = await asksForPerson('I want to talk to a human please', 1);
    await asksForPerson('Hello? A human please', 1);
    await asksForPerson('I said I want a real person!', 1);

    // The bot passes the thread; the agent returns the conversation to the bot (passed back).
    const pass = payload(world, 'pass-thread-control.json');
    pass.entry[0].messaging[0].timestamp = Date.now();
    expect((await world.post(pass)).status).toBe(200);
    await until(async () => {
      const c = await store.conversations.get(conversation.id);
      return c && c.status !== 'bot' ? c : undefined;
    });
    const { s } = world;
    const token = await login(s.baseUrl, s.demoAgent.email, s.demoAgent.password);
    const path = `/api/v1/conversations/${conversation.id}`;
    expect((await api(s.baseUrl, 'POST', `${path}/claim`, { token })).status).toBe(200);
    expect(
      (await api(s.baseUrl, 'POST', `${path}/return-to-bot`, { token, body: {} })).status,
    ).toBe(200);
    await until(() => world.sent.find((r) => r.url.endsWith('/pass_thread_control')));
    await until(async () => {
      const c = await store.conversations.get(conversation.id);
      return c?.status === 'bot' && c.channelState.standby === true ? c : undefined;
    });

    // A new handoff is due with the bot: one new request, then none again.
    const again = await asksForPerson('Still need a person, please', 2);
    expect(again.id).toBe(conversation.id);
    expect(handoverCalls(world)[1]?.url).toContain('/request_thread_control');
    await asksForPerson('A person please!', 2);
  });
});

describe("Messenger standby: the policy reads the bot app's answers too", () => {
  const world = messengerWorld({ env: ENV });

  it('asks for the thread when the customer asks a third time after answers beside the point', async () => {
    // The bot's words alone (a broadcast may reach thousands) start no conversation.
    await postBotEcho(world, 'Our summer sale starts today!');
    const thread = `${world.business}:${PSID}`;
    expect(await world.s.server.store.conversations.findOpenByThread('messenger', thread)).toBe(
      undefined,
    );
    const question = 'How do I reset the password of my router?';
    const conversation = await standbyMessage(world, question);
    expect(await botSaysInStandby(world, conversation.id, 'Our shop opens at nine.')).toHaveLength(
      1,
    );
    await standbyMessage(world, 'How can I reset my router password?');
    // One answer beside the point and a re-ask stay with the bot (the spec's third ask).
    expect(handoverCalls(world)).toEqual([]);
    expect(
      await botSaysInStandby(world, conversation.id, 'Our shop is closed on Sundays.'),
    ).toHaveLength(1);
    await standbyMessage(world, 'Please: how do I reset the password of my router?');
    const request = await until(() => handoverCalls(world)[0]);
    expect(request.body).toEqual({ recipient: { id: PSID }, metadata: 'repeated_failure' });
  });
});
