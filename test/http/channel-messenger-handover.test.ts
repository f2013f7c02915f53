/**
 * Messenger's and Instagram's Handover Protocol through the server, with a bot app of your own
 * owning the thread: Baton keeps the standby messages, takes over on the bot's pass, and
 * passes the thread back on resolve or return to the bot (docs/channels.md "Messenger").
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

/** The bot app hears the customer (Baton in standby), then passes the thread to Baton. */
async function passedToBaton(world: MessengerWorld) {
  const { sent, post } = world;
  const store = world.s.server.store;
  const standby = payload(world, 'standby.json');
  standby.entry[0].standby[0].timestamp = Date.now();
  standby.entry[0].standby[0].message.text = 'My card was charged twice for one order';
  expect((await post(standby)).status).toBe(200);
  const conversation = await until(() =>
    store.conversations.findOpenByThread(world.channel, `${world.business}:${PSID}`),
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
  // The bot app owns the thread: Baton neither greets nor answers (a double charge goes to a
  // person, so it may ask for the thread: channel-messenger-take-thread.test.ts).
  await new Promise((r) => setTimeout(r, 300));
  expect(sent.filter((r) => !r.url.endsWith('/request_thread_control'))).toHaveLength(0);
  expect((await store.conversations.get(conversation.id))?.status).toBe('bot');

  const pass = payload(world, 'pass-thread-control.json');
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
  // Messenger names the page; Instagram's calls go to /me (the token names the account).
  const owner = world.channel === 'instagram' ? 'me' : PAGE;
  expect(passedBack.url).toContain(`/${owner}/pass_thread_control`);
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

describe('Instagram Handover Protocol with a bot app that owns the thread', () => {
  const world = messengerWorld({ instagramBotAppId: BOT_APP, env: BOT_APP_ENV });

  it('keeps the standby messages, takes over on a pass, and passes the thread back on resolve', async () => {
    const conversation = await passedToBaton(world);
    await claimAndLeave(world, conversation.id, 'resolve');
    await expectPassedBack(world, conversation.id);
  });
});
