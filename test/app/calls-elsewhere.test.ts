/**
 * callsElsewhere, what the call lookup learns from the other conversations that called the same
 * address (on both engines, real store): the calls they recorded, and whether one of them is
 * still being placed (its timer fired and nothing is recorded yet), when Twilio's list cannot
 * say whose a listed call is. Requests to another address do not count, nor this conversation.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { callsElsewhere } from '../../src/app/channels/voice/earlier-call-lookup.ts';
import { VOICE_CALL_BACK_TIMER } from '../../src/app/channels/voice/voice-call-back.ts';
import { TEST_DATABASES, type OpenedTestStore } from '../helpers/databases.ts';

const NOW = new Date('2026-11-25T12:00:00Z');
const CUSTOMER = '+15550108888';
const FROM = '+15559990000';
const SID = `CA${'1'.repeat(32)}`;

describe.each(TEST_DATABASES)('callsElsewhere ($name)', (database) => {
  let opened: OpenedTestStore;
  beforeEach(async () => {
    opened = await database.open();
  });
  afterEach(async () => {
    await opened?.cleanup();
  });

  /** A conversation whose agent asked for a call back to `to`: its request and its timer. */
  async function callBackRequested(id: string, to: string) {
    const store = opened.store;
    await store.conversations.create({
      id,
      channel: 'voice',
      customer: { phone: to },
      language: 'en',
      tokenHash: 'h',
      events: [
        { type: 'conversation.created', actor: { type: 'system' }, data: { channel: 'voice' } },
      ],
      now: NOW,
    });
    const data = { action: 'call_back_requested', agentId: 'a1', to } as const;
    const requested = await store.conversations.commit({
      conversationId: id,
      events: [{ type: 'channel.voice_call', actor: { type: 'system' }, data }],
      now: NOW,
    });
    const seq = requested.ok ? requested.events[0]!.seq : 0;
    const timer = { agentId: 'a1', to, from: FROM, seq };
    await store.timers.schedule(id, { kind: VOICE_CALL_BACK_TIMER, dueAt: NOW, data: timer }, NOW);
  }

  const query = {
    step: 'call_back_',
    timerKind: VOICE_CALL_BACK_TIMER,
    conversationId: 'c_this',
    requestedAt: NOW,
    sameAddress: (other: Readonly<Record<string, unknown>>) =>
      other.to === CUSTOMER && other.from === FROM,
  } as const;

  it('reads the calls of the others to the same address, and whether one is being placed', async () => {
    const store = opened.store;
    await callBackRequested('c_this', CUSTOMER);
    await callBackRequested('c_same', CUSTOMER);
    await callBackRequested('c_other', '+15550107777');
    // Not fired yet: nothing can be in Twilio's list.
    expect(await callsElsewhere(store, query)).toEqual({
      recordedElsewhere: new Set(),
      inFlightElsewhere: false,
    });
    // Fired (its answer not yet known): the same number's request is being placed.
    expect(await store.timers.claimDue(NOW, 10, 30_000)).toHaveLength(3);
    expect(await callsElsewhere(store, query)).toEqual({
      recordedElsewhere: new Set(),
      inFlightElsewhere: true,
    });
    // Its outcome recorded: its call is known and no longer in flight.
    await store.conversations.commit({
      conversationId: 'c_same',
      events: [
        {
          type: 'channel.voice_call',
          actor: { type: 'system' },
          data: { action: 'call_back_placed', agentId: 'a1', to: CUSTOMER, callSid: SID },
        },
      ],
      now: NOW,
    });
    expect(await callsElsewhere(store, query)).toEqual({
      recordedElsewhere: new Set([SID]),
      inFlightElsewhere: false,
    });
  });
});
