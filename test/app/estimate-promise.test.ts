/**
 * A wait-estimate update and a promise that has passed (issue 13). The periodic update carries
 * a band, and a band told is the new promise (lifecycle.ts `promisedBy`): said before the
 * promise passes, it is an honest correction. Said after, it would replace the passed promise
 * with "Update: …" and no word that we said a person would reply by now; the promise's own
 * check (promise.due) says that instead. And once it has, the next pass does not repeat the
 * same news as an update at once. Driven step by step on a real SQLite store with a fake clock:
 * the update pass runs first at each step, the order that hid the broken promise.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConversationWriter } from '../../src/app/conversations/conversation-writer.ts';
import { teamAvailability } from '../../src/app/conversations/team-availability.ts';
import { waitingSettings } from '../../src/app/conversations/waiting-settings.ts';
import { queueCatalog } from '../../src/app/routing/queue-catalog.ts';
import { EstimateUpdates } from '../../src/app/timers/estimate-updates.ts';
import { handlePromiseDue } from '../../src/app/timers/promise-due.ts';
import { createInProcessBus } from '../../src/bus/in-process-bus.ts';
import { eventOf, messageCreated } from '../../src/core/conversation/conversation-events.ts';
import { transition } from '../../src/core/conversation/transition.ts';
import { DEFAULT_QUEUES } from '../../src/core/routing/default-queues.ts';
import { TEST_DATABASES, type OpenedTestStore } from '../helpers/databases.ts';
import { POLICY } from './simulation/sim-world.ts';

const sqlite = TEST_DATABASES.find((d) => d.name === 'sqlite')!;
const START = new Date('2026-12-01T10:00:00Z');
const minutes = (n: number) => n * 60_000;

describe('a wait-estimate update and a passed promise', () => {
  let db: OpenedTestStore;
  let nowMs = START.getTime();
  const clock = () => new Date(nowMs);
  let writer: ConversationWriter;
  let updates: EstimateUpdates;
  let promiseDue: ReturnType<typeof handlePromiseDue>;
  const id = 'c_estimate_promise';

  beforeAll(async () => {
    db = await sqlite.open();
    const { store } = db;
    writer = new ConversationWriter({ store, bus: createInProcessBus(), clock, policy: POLICY });
    const queues = queueCatalog(DEFAULT_QUEUES);
    const settings = waitingSettings({}, queues);
    // One agent online and connected, serving one conversation at a time and busy with none:
    // routing does not run here, so the conversation stays queued.
    const agent = await store.agents.create({
      id: 'a_estimate',
      email: 'estimate@example.com',
      name: 'Estimate',
      passwordHash: 'x',
      role: 'agent',
      skills: [],
      maxConcurrent: 1,
      now: START,
    });
    await store.agents.setPresence(agent.id, 'online');
    const presence = { isConnected: () => true };
    updates = new EstimateUpdates({
      store,
      bus: createInProcessBus(),
      writer,
      clock,
      presence,
      settings,
      handleTimes: { minutesFor: () => Promise.resolve(2) },
      onError: (error) => {
        throw error;
      },
    });
    promiseDue = handlePromiseDue({
      store,
      writer,
      clock,
      settings,
      team: () => teamAvailability(store, presence),
      handleMinutes: () => Promise.resolve(2),
    });
    await writer.create({
      id,
      channel: 'web',
      customer: {},
      language: 'en',
      tokenHash: 'hash',
      now: START,
      events: [eventOf('conversation.created', { type: 'customer' }, { channel: 'web' })],
    });
    const handedOver = transition(
      { state: 'bot', assigneeId: null, offeredTo: null, queue: null },
      { type: 'hand_over', queue: 'general' },
      START,
    );
    if (!handedOver.ok) throw new Error(handedOver.code);
    // Told at the handoff: number 1, a person within two minutes.
    await writer.commit({
      conversationId: id,
      expectStatus: ['bot'],
      changes: {
        status: handedOver.state.state,
        queue: 'general',
        handedOverAt: START.toISOString(),
      },
      events: [
        { type: handedOver.event.type, actor: { type: 'bot' }, data: {} } as never,
        messageCreated(
          { type: 'bot' },
          {
            text: 'You are number 1 …',
            kind: 'handoff',
            extra: { intent: 'waiting', position: 1, band: { lowMinutes: 1, highMinutes: 2 } },
          },
        ),
      ],
    });
  });
  afterAll(() => db?.cleanup());

  const botKinds = async () =>
    (await db.store.conversations.eventsSince(id, 0))
      .filter((e) => e.type === 'message.created' && e.actor.type === 'bot')
      .map((e) => e.data.kind);
  /** What a node does at a step: the update pass, then the promise's check if it is due. */
  const step = async () => {
    await updates.pass();
    const timer = (await db.store.timers.pendingFor(id)).find((t) => t.kind === 'promise.due');
    if (timer && Date.parse(timer.dueAt) <= nowMs) await promiseDue(timer);
  };

  it('says the promise passed, not a plain update, and does not repeat it as one', async () => {
    const promisedBy = (await db.store.conversations.get(id))!.lifecycle.promisedBy;
    expect(promisedBy).toBe(new Date(START.getTime() + minutes(2)).toISOString());

    // Before it passes, the pass corrects the band (it moved: 0–5 minutes now), an honest new
    // promise, and remembers what it told.
    nowMs = START.getTime() + minutes(1.5);
    await step();
    expect(await botKinds()).toEqual(['handoff', 'estimate_update']);
    const corrected = (await db.store.conversations.get(id))!.lifecycle.promisedBy!;
    expect(Date.parse(corrected)).toBeGreaterThan(nowMs);

    // That one passes too, a minute and more after the update: the update pass runs first.
    nowMs = Date.parse(corrected) + minutes(1);
    await step();
    expect(await botKinds()).toEqual(['handoff', 'estimate_update', 'promise_broken']);
    // The apology's band is the new promise, later than now.
    const after = (await db.store.conversations.get(id))!;
    expect(Date.parse(after.lifecycle.promisedBy!)).toBeGreaterThan(nowMs);

    // Seconds later, the next pass: the customer was just told; nothing new to say.
    nowMs += 5_000;
    await step();
    expect(await botKinds()).toEqual(['handoff', 'estimate_update', 'promise_broken']);
  });
});
