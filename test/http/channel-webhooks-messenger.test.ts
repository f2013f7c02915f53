/** Messenger through the server: replies in the thread, and silence while another app owns it. */
import { describe, expect, it } from 'vitest';
import { api, login } from '../helpers/api-client.ts';
import { fixture, messengerWorld, PAGE, PSID } from '../helpers/messenger-world.ts';
import { until } from '../helpers/until.ts';

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
