import { describe, expect, it } from 'vitest';
import {
  compareReplays,
  getDefaultPolicy,
  replayTranscript,
  summarizeReplay,
} from '../../../src/core/policy/index.ts';
import type { Transcript } from '../../../src/core/transcript/index.ts';

const policy = getDefaultPolicy();

const transcript = (turns: Transcript['turns']): Transcript => ({
  format: 'baton.transcript/1',
  id: 't-1',
  channel: 'web',
  turns,
});

describe('replayTranscript', () => {
  it('decides at every customer turn and stops at the first handoff', () => {
    const r = replayTranscript(
      transcript([
        { from: 'customer', text: 'I need help with my order' },
        { from: 'bot', text: "What's your order number?", confidence: 0.91 },
        { from: 'customer', text: '#12345' },
        { from: 'customer', action: 'request_human' },
        { from: 'customer', text: 'hello?' },
      ]),
      policy,
    );
    expect(r.handoff).toMatchObject({
      at_turn: 3,
      reasons: ['explicit_request'],
      queue: 'general',
    });
    expect(r.fields).toEqual({ order_id: '12345' });
    expect(r.decisions).toEqual([
      { turn: 0, action: 'continue' },
      { turn: 2, action: 'continue' },
      { turn: 3, action: 'handoff', reasons: ['explicit_request'] },
    ]);
  });

  it('judges a bot that failed at the next customer turn, or at the last one when none follows', () => {
    const failed = (after: Transcript['turns']) =>
      replayTranscript(
        transcript([
          { from: 'customer', text: 'What time does the Main Street store open on Sunday?' },
          { from: 'bot', text: '', intent: 'error', confidence: 0 },
          ...after,
        ]),
        policy,
      );
    const asked = failed([{ from: 'customer', text: 'hello?' }]);
    expect(asked.handoff).toMatchObject({ at_turn: 2, reasons: ['bot_error'] });
    expect(asked.decisions[0]).toEqual({ turn: 0, action: 'continue' });
    expect(failed([]).handoff).toMatchObject({ at_turn: 0, reasons: ['bot_error'] });
  });

  it('returns handoff null and the fields of the whole conversation when the bot keeps it', () => {
    const r = replayTranscript(
      transcript([
        { from: 'customer', text: 'Where is order 77120? It went to li.wei@example.org' },
        { from: 'bot', text: 'Out for delivery today.', confidence: 0.93 },
        { from: 'customer', text: 'Thank you!' },
      ]),
      policy,
    );
    expect(r.handoff).toBeNull();
    expect(r.fields).toEqual({ order_id: '77120', email: 'li.wei@example.org' });
    expect(r.decisions).toHaveLength(2);
  });

  it('summarises and compares results', () => {
    const a = replayTranscript(transcript([{ from: 'customer', text: 'agent' }]), policy);
    const b = replayTranscript(transcript([{ from: 'customer', text: 'hi' }]), policy);
    const s = summarizeReplay([a, b], 1);
    expect(s).toMatchObject({ conversations: 2, handoffs: 1, handoffRate: 0.5, badLines: 1 });
    expect(s.reasons).toEqual({ explicit_request: 1 });
    expect(compareReplays([a, b], [a, a])).toHaveLength(1);
  });
});
