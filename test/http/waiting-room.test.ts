/**
 * The waiting room through the real server, on both engines: the long-queue choices (keep
 * waiting, callback, continue by message), "Connect now" / "Share details first" on an
 * explicit request, stale and unknown choices, and wait-estimate updates.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, login, startConversation } from '../helpers/api-client.ts';
import { TEST_DATABASES } from '../helpers/databases.ts';
import { openSocket, type TestSocket, tokenProtocols } from '../helpers/socket-client.ts';
import { startTestServer, type TestServer } from '../helpers/test-server.ts';
import { until } from '../helpers/until.ts';

// Billing's long-queue threshold is one minute here, so any real wait is a long one; one of
// its templates is the queue's own.
const configFile = path.join(mkdtempSync(path.join(os.tmpdir(), 'baton-waiting-')), 'baton.yaml');
writeFileSync(
  configFile,
  [
    'routing:',
    '  longQueueMinutes:',
    '    billing: 1',
    '    sales: 1',
    '  queueMessages:',
    '    billing:',
    "      en: { wait_kept: 'Thanks for waiting: {team} keeps your place.' }",
  ].join('\n'),
);

type Conv = { id: string; token: string };

/**
 * Baton can send email (an outbound relay; nothing listens on port 9, and no test here waits
 * for a mail): only then do the texts ask for an address and promise an answer by email
 * (test/http/no-email-promise.test.ts has the same flows without it).
 */
const MAIL_ENV = {
  BATON_EMAIL_FROM: 'Acme Support <help@acme.test>',
  BATON_EMAIL_SMTP_URL: 'smtp://127.0.0.1:9',
};

describe.each(TEST_DATABASES)('the waiting room ($name)', (db) => {
  let s: TestServer;
  let now = new Date('2026-03-10T10:00:00Z');
  const sockets: TestSocket[] = [];
  let sam = '';

  beforeAll(async () => {
    s = await startTestServer({
      engine: db.name,
      clock: () => now,
      env: { BATON_CONFIG: configFile, BATON_TIMER_INTERVAL_MS: '50', ...MAIL_ENV },
    });
    // Sam is online, serves one conversation at a time and is busy with one: billing
    // conversations wait (Sam is no billing agent, and busy in the fallback queue).
    sam = await login(s.baseUrl, 'sam@example.com', s.demoAgent.password);
    sockets.push(await openSocket(`${s.wsUrl}/api/v1/agent/stream`, tokenProtocols(sam)));
    const me = (await api(s.baseUrl, 'GET', '/api/v1/me', { token: sam })).body.agent;
    await s.server.store.agents.update(me.id, { maxConcurrent: 1 });
    await api(s.baseUrl, 'PUT', '/api/v1/me/presence', {
      token: sam,
      body: { presence: 'online' },
    });
    const decoy = await handOff('I want to talk to a human');
    await until(async () => ((await get(decoy.id)).status === 'offered' ? true : undefined));
    const claimed = await api(s.baseUrl, 'POST', `/api/v1/conversations/${decoy.id}/claim`, {
      token: sam,
    });
    expect(claimed.status).toBe(200);
  }, 30_000);
  afterAll(async () => {
    for (const socket of sockets) await socket.close();
    await s?.close();
  });

  const get = async (id: string) => (await s.server.store.conversations.get(id))!;
  const events = (id: string) => s.server.store.conversations.eventsSince(id, 0);
  const post = (c: Conv, body: unknown) =>
    api(s.baseUrl, 'POST', `/api/v1/conversations/${c.id}/messages`, { token: c.token, body });
  const botSays = async (c: Conv) =>
    (await events(c.id)).filter((e) => e.type === 'message.created' && e.actor.type === 'bot');
  async function handOff(text: string, body: unknown = {}): Promise<Conv> {
    const c = await startConversation(s.baseUrl, body);
    const r = await post(c, { text });
    expect(r.status).toBe(201);
    return c;
  }

  it('tells a new estimate when the place changes, at most once a minute, never after a claim', async () => {
    const ahead = await handOff('I want to talk to a human about a refund for my order');
    const c = await handOff('I need a person about a refund for my order please');
    const place = (await botSays(ahead)).at(-1)!.data.position as number;
    expect(place).toBe(1);
    const first = (await botSays(c)).at(-1)!;
    expect(first.data).toMatchObject({ kind: 'handoff', position: place + 1 });
    // The one ahead is closed (by a supervisor: billing is out of Sam's scope): the customer
    // moves up, but within the minute nothing is said.
    const riley = await login(s.baseUrl, 'riley@example.com', s.demoAgent.password);
    const closed = await api(s.baseUrl, 'POST', `/api/v1/conversations/${ahead.id}/resolve`, {
      token: riley,
    });
    expect(closed.status).toBe(200);
    now = new Date(now.getTime() + 20_000);
    await new Promise((r) => setTimeout(r, 1500));
    expect((await botSays(c)).filter((e) => e.data.kind === 'estimate_update')).toEqual([]);

    now = new Date(now.getTime() + 60_000);
    const update = await until(async () =>
      (await botSays(c)).find((e) => e.data.kind === 'estimate_update'),
    );
    expect(update.data.text).toMatch(
      new RegExp(`^Update: you are now number ${place} in the queue for Billing`),
    );

    // Once a person has it, the bot says nothing more.
    const taken = await api(s.baseUrl, 'POST', `/api/v1/conversations/${c.id}/claim`, {
      token: riley,
    });
    expect(taken.status).toBe(200);
    const after = (await get(c.id)).lastSeq;
    now = new Date(now.getTime() + 10 * 60_000);
    await new Promise((r) => setTimeout(r, 1500));
    const later = (await events(c.id)).filter((e) => e.seq > after && e.actor.type === 'bot');
    expect(later).toEqual([]);
  });

  it('offers the waiting options in a later update when the wait turns long', async () => {
    const presence = (value: string) =>
      api(s.baseUrl, 'PUT', '/api/v1/me/presence', { token: sam, body: { presence: value } });
    await presence('away');
    const c = await handOff('Can I talk to your sales team? I want to talk to a human');
    expect((await get(c.id)).queue).toBe('sales');
    // Nobody online: no wait promised, no options.
    const first = (await botSays(c)).at(-1)!;
    expect(first.data).toMatchObject({ kind: 'handoff', band: null });
    expect(first.data.choices).toBeUndefined();
    await presence('online');
    now = new Date(now.getTime() + 61_000);
    const update = await until(async () =>
      (await botSays(c)).find((e) => e.data.kind === 'estimate_update'),
    );
    expect(update.data).toMatchObject({ prompt: 'long_queue' });
    expect((update.data.choices as { id: string }[]).map((x) => x.id)).toEqual([
      'wait',
      'callback',
      'message',
    ]);
    expect(update.data.text).toMatch(/You can keep waiting, ask for a callback/);
    const chosen = await post(c, { action: 'choose', choice: 'wait' });
    expect(chosen.body.events[1].data.kind).toBe('wait_kept');
  });

  it('offers the long-queue choices as buttons and refuses a choice never offered', async () => {
    const c = await handOff('I want to talk to a human about a refund for my order');
    expect((await get(c.id)).queue).toBe('billing');
    const handoff = (await botSays(c)).at(-1)!;
    expect(handoff.data).toMatchObject({ kind: 'handoff', prompt: 'long_queue' });
    expect(handoff.data.choices).toEqual([
      { id: 'wait', label: 'Keep waiting' },
      { id: 'callback', label: 'Call me back' },
      { id: 'message', label: 'Continue by message' },
    ]);
    // The customer sees the buttons (and nothing internal such as the band).
    const seen = await api(s.baseUrl, 'GET', `/api/v1/conversations/${c.id}/events?since=0`, {
      token: c.token,
    });
    const shown = seen.body.events.find((e: any) => e.seq === handoff.seq);
    expect(shown.data.choices).toHaveLength(3);
    expect(shown.data.band).toBeUndefined();

    const before = (await get(c.id)).lastSeq;
    const unknown = await post(c, { action: 'choose', choice: 'teleport' });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.code).toBe('VALIDATION_FAILED');
    expect((await get(c.id)).lastSeq).toBe(before);

    // Typing the label works like the button; the place is kept.
    const kept = await post(c, { text: 'keep waiting' });
    expect(kept.status).toBe(201);
    expect(kept.body.events[0].data).toMatchObject({ from: 'customer', choice: 'wait' });
    // The queue's own wording from the config (routing.queueMessages).
    expect(kept.body.events[1].data.text).toBe('Thanks for waiting: Billing keeps your place.');
    expect((await get(c.id)).status).toBe('queued');

    // The customer socket takes the same answer as a frame; an unknown one is an error frame.
    const socket = await openSocket(
      `${s.wsUrl}/api/v1/conversations/${c.id}/stream`,
      tokenProtocols(c.token),
    );
    try {
      socket.send({ type: 'action', action: 'choose', choice: 'teleport', clientMessageId: 'w1' });
      const refused = await socket.waitFor((f) => f.type === 'error');
      expect(refused.error.code).toBe('VALIDATION_FAILED');
      socket.send({ type: 'action', action: 'choose', choice: 'wait', clientMessageId: 'w2' });
      const ack = await socket.waitFor((f) => f.type === 'ack' && f.clientMessageId === 'w2');
      const chosen = await socket.waitFor((f) => f.type === 'event' && f.event.seq === ack.seq);
      // The earlier "keep waiting" answered the prompt: this press no longer applies.
      expect(chosen.event.data).toMatchObject({ text: 'Keep waiting', choice: 'wait' });
      const honest = await socket.waitFor((f) => f.type === 'event' && f.event.seq === ack.seq + 1);
      expect(honest.event.data.text).toMatch(/no longer open/);
    } finally {
      await socket.close();
    }
  });

  it('books a callback: phone, then a time; deferred with a follow-up timer that re-queues it', async () => {
    const c = await handOff('I want to talk to a human about a refund for my order');
    const priority = (await get(c.id)).priority;
    const asked = await post(c, { action: 'choose', choice: 'callback' });
    expect(asked.body.events[0].data).toMatchObject({ text: 'Call me back', choice: 'callback' });
    expect(asked.body.events[1].data.text).toMatch(/Which phone number/);

    const phone = await post(c, { text: 'it is +44 7700 900123' });
    const timeQuestion = phone.body.events[1].data;
    expect(timeQuestion.text).toMatch(/When should we call \+447700900123/);
    // Half-hour slots ahead (the team is open around the clock in this config).
    expect(timeQuestion.choices.map((x: any) => x.id)).toEqual([
      'at:2026-03-10T10:30:00.000Z',
      'at:2026-03-10T11:00:00.000Z',
      'at:2026-03-10T11:30:00.000Z',
      'at:2026-03-10T12:00:00.000Z',
    ]);

    const booked = await post(c, { text: 'at 15:30 please' });
    expect(booked.status).toBe(201);
    expect(booked.body.events.at(-1).data.text).toMatch(/will call \+447700900123 today at 15:30/);
    const stored = await get(c.id);
    expect(stored.status).toBe('deferred');
    expect(stored.priority).toBe(priority);
    expect(stored.handoff?.fields).toMatchObject({
      callback: expect.stringContaining('call back +447700900123 today at 15:30'),
      phone: '+447700900123',
    });
    expect((stored.handoff?.packet as any).fields.callback).toMatch(/\+447700900123/);
    const requested = (await events(c.id)).find((e) => e.type === 'callback.requested');
    expect(requested?.data).toMatchObject({
      phone: '+447700900123',
      at: '2026-03-10T15:30:00.000Z',
    });
    const timers = await s.server.store.timers.pendingFor(c.id);
    expect(timers.map((t) => [t.kind, t.dueAt])).toEqual([
      ['follow_up.due', '2026-03-10T15:30:00.000Z'],
    ]);
    expect(await s.server.store.timers.deadEnds()).toEqual([]);

    now = new Date('2026-03-10T15:30:05Z');
    const due = await until(async () =>
      (await botSays(c)).find((e) => e.data.kind === 'callback_due'),
    );
    expect(due.data.text).toMatch(/a person from Billing will call \+447700900123 shortly/);
    const back = await get(c.id);
    // Waiting again; an agent still online from an earlier test may already be offered it.
    expect(['queued', 'offered']).toContain(back.status);
    expect(back.priority).toBe(priority);
    expect((await s.server.store.timers.pendingFor(c.id)).map((t) => t.kind)).toContain(
      'sla.first_response',
    );
  });

  it('continues by message: asks a web customer for an email, sets replyByEmail, never abandons', async () => {
    const c = await handOff('I want to talk to a human about a refund for my order');
    const chosen = await post(c, { text: '3' });
    expect(chosen.body.events[0].data.choice).toBe('message');
    expect(chosen.body.events[1].data.text).toMatch(/leave your email address/);
    const wrong = await post(c, { text: 'not sure' });
    expect(wrong.body.events[1].data.text).toMatch(/does not look like an email/);
    const given = await post(c, { text: 'jo@example.com' });
    expect(given.body.events.at(-1).data.text).toMatch(/by email to jo@example.com/);
    const stored = await get(c.id);
    expect(stored.channelState.replyByEmail).toBe('jo@example.com');
    expect(stored.handoff?.continueByMessage).toBe(true);
    expect(stored.status).toBe('queued');
    // Closing the chat arms no inactivity check: they were told they could leave.
    const socket = await openSocket(
      `${s.wsUrl}/api/v1/conversations/${c.id}/stream`,
      tokenProtocols(c.token),
    );
    await socket.close();
    await new Promise((r) => setTimeout(r, 300));
    expect((await s.server.store.timers.pendingFor(c.id)).map((t) => t.kind)).not.toContain(
      'customer.inactivity',
    );
  });

  it('reuses a known email at once', async () => {
    const c = await handOff('I want to talk to a human about a refund for my order', {
      customer: { email: 'known@example.com' },
    });
    const chosen = await post(c, { action: 'choose', choice: 'message' });
    expect(chosen.body.events.at(-1).data.text).toMatch(/by email to known@example.com/);
    expect((await get(c.id)).channelState.replyByEmail).toBe('known@example.com');
  });
});

describe.each(TEST_DATABASES)('an explicit request ($name)', (db) => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer({ engine: db.name });
  });
  afterAll(async () => {
    await s?.close();
  });
  const get = async (id: string) => (await s.server.store.conversations.get(id))!;
  const post = (c: Conv, body: unknown) =>
    api(s.baseUrl, 'POST', `/api/v1/conversations/${c.id}/messages`, { token: c.token, body });

  it('hands over at once, offers to share details, and adds them while the place is kept', async () => {
    const c = await startConversation(s.baseUrl);
    const r = await post(c, { text: 'I want to talk to a human about a refund' });
    const conversation = await get(c.id);
    expect(conversation.status).toBe('queued');
    const handedOverAt = conversation.handedOverAt;
    const handoff = r.body.events.at(-1);
    expect(handoff.data.text).toMatch(/share a few details first/);
    expect(handoff.data.choices.map((x: any) => x.id)).toEqual(['connect_now', 'share_details']);

    const first = await post(c, { action: 'choose', choice: 'share_details' });
    expect(first.body.events[0].data.text).toBe('Share details first');
    expect(first.body.events[1].data.text).toMatch(/order number/);
    expect(first.body.events[1].data.choices).toEqual([{ id: 'skip', label: 'Skip' }]);
    const second = await post(c, { text: 'A-778812' });
    expect(second.body.events.map((e: any) => e.type)).toEqual([
      'message.created',
      'handoff.fields_added',
      'message.created',
    ]);
    expect(second.body.events.at(-1).data.text).toMatch(/email address/);
    const done = await post(c, { action: 'choose', choice: 'skip' });
    expect(done.body.events.at(-1).data.text).toMatch(/Billing will see this/);

    const after = await get(c.id);
    expect(after.status).toBe('queued');
    expect(after.handedOverAt).toBe(handedOverAt);
    expect(after.handoff?.fields).toMatchObject({ order_id: 'A-778812' });
    expect(after.handoff?.fields).not.toHaveProperty('email');
    expect((after.handoff?.packet as any).fields.order_id).toBe('A-778812');
  });

  it('asks nothing already said, and after a claim answers a late choice honestly, never as the bot', async () => {
    const c = await startConversation(s.baseUrl, { customer: { email: 'pat@example.com' } });
    const r = await post(c, { text: 'I want to talk to a human about a refund for order 44120' });
    // Order id said, email known: nothing missing, so no choice to share details.
    expect(r.body.events.at(-1).data.choices).toBeUndefined();

    const d = await startConversation(s.baseUrl, { customer: { email: 'pat@example.com' } });
    await post(d, { text: 'I want to talk to a human about a refund' });
    const agent = await login(s.baseUrl, s.demoAgent.email, s.demoAgent.password);
    expect(
      (await api(s.baseUrl, 'POST', `/api/v1/conversations/${d.id}/claim`, { token: agent }))
        .status,
    ).toBe(200);
    const late = await post(d, { action: 'choose', choice: 'share_details' });
    expect(late.status).toBe(201);
    expect(late.body.events[0].data).toMatchObject({ choice: 'share_details' });
    const notice = late.body.events[1];
    expect(notice.actor.type).toBe('system');
    expect(notice.data.text).toMatch(/no longer applies: Alex is already with you/);
    const typed = await post(d, { text: '2' });
    expect(typed.body.events).toHaveLength(1);
    const all = await s.server.store.conversations.eventsSince(d.id, 0);
    const claimedAt = all.find((e) => e.type === 'conversation.assigned')!.seq;
    expect(all.filter((e) => e.seq > claimedAt && e.actor.type === 'bot')).toEqual([]);
  });
});

describe.each(TEST_DATABASES)('after hours on web chat ($name)', (db) => {
  let s: TestServer;
  beforeAll(async () => {
    const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'baton-closed-')), 'baton.yaml');
    writeFileSync(
      file,
      [
        'routing:',
        '  businessHours:',
        '    timeZone: Europe/Berlin',
        '    days:',
        "      mon: [{ open: '09:00', close: '18:00' }]",
      ].join('\n'),
    );
    // A Sunday: the team is closed until Monday 9:00.
    s = await startTestServer({
      engine: db.name,
      clock: () => new Date('2026-03-08T12:00:00Z'),
      env: { BATON_CONFIG: file, ...MAIL_ENV },
    });
  });
  afterAll(async () => {
    await s?.close();
  });
  const post = (c: Conv, body: unknown) =>
    api(s.baseUrl, 'POST', `/api/v1/conversations/${c.id}/messages`, { token: c.token, body });

  it('reads the reply to "leave your email address or phone number" as the contact', async () => {
    const c = await startConversation(s.baseUrl);
    const closed = await post(c, { text: 'I want to talk to a human about a refund' });
    expect(closed.body.events.at(-1).data.text).toMatch(/leave your email address or phone/);
    const wrong = await post(c, { text: 'tomorrow maybe' });
    expect(wrong.body.events.at(-1).data.text).toMatch(/does not look like an email address/);
    const given = await post(c, { text: 'write to me at sam.k@example.org' });
    expect(given.body.events.at(-1).data.text).toMatch(/by email to sam.k@example.org/);
    const stored = (await s.server.store.conversations.get(c.id))!;
    expect(stored.status).toBe('deferred');
    expect(stored.channelState.replyByEmail).toBe('sam.k@example.org');

    const d = await startConversation(s.baseUrl);
    await post(d, { text: 'I want to talk to a human about a refund' });
    const phone = await post(d, { text: '+49 151 23456789' });
    expect(phone.body.events.at(-1).data.text).toMatch(/call \+4915123456789/);
    expect((await s.server.store.conversations.get(d.id))!.handoff?.fields).toMatchObject({
      phone: '+4915123456789',
    });
  });
});
