// The bot-only survey's timer on its own: the pure lifecycle fold and `timersFor`, and the
// sample (a hash of the conversation id: stable, and the configured share of ids).
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { ConversationState } from '../../../src/core/conversation/conversation-state.ts';
import {
  advanceLifecycle,
  EMPTY_LIFECYCLE,
  type Lifecycle,
  type LifecycleEvent,
} from '../../../src/core/conversation/lifecycle.ts';
import { timersFor, type TimerPolicy } from '../../../src/core/conversation/timers-for.ts';
import { inCsatSample } from '../../../src/core/metrics/csat-sample.ts';
import { parseEnvValue } from '../../../src/config/env-overrides.ts';
import { timerPolicy } from '../../../src/app/conversations/timer-policy.ts';

const policy = (sampled: boolean): TimerPolicy => ({
  slaSeconds: () => 300,
  offerSeconds: () => 30,
  replyDeadline: { nudgeSeconds: 120, alertSeconds: 240, requeueSeconds: 420 },
  abandonAfterSeconds: 300,
  botSurvey: { quietSeconds: 60, sampled: () => sampled },
});
const T0 = Date.parse('2026-12-01T09:00:00Z');
const customer = (text = 'How long does shipping take?'): LifecycleEvent => ({
  type: 'message.created',
  actor: { type: 'customer' },
  data: { from: 'customer', text },
});
const bot = (intent = 'answer'): LifecycleEvent => ({
  type: 'message.created',
  actor: { type: 'bot' },
  data: { from: 'bot', intent },
});
const survey: LifecycleEvent = {
  type: 'message.created',
  actor: { type: 'system' },
  data: { from: 'system', kind: 'csat_request' },
};

/** Folds commits (status, events) one second apart, as the writer does. */
function fold(steps: ReadonlyArray<[ConversationState, LifecycleEvent[]]>): Lifecycle {
  return steps.reduce(
    (l, [status, events], i) => advanceLifecycle(l, status, events, new Date(T0 + i * 1000)),
    EMPTY_LIFECYCLE,
  );
}
const surveyTimers = (status: ConversationState, lifecycle: Lifecycle, sampled = true) =>
  timersFor({ id: 'c1', status, queue: null, offeredTo: null, lifecycle }, policy(sampled)).filter(
    (t) => t.kind === 'bot_survey.due',
  );

describe('the bot-only survey timer', () => {
  it('is due the quiet period after the bot answered, or at once after a goodbye or thanks', () => {
    const answered = fold([
      ['bot', [bot('greeting')]],
      ['bot', [customer()]],
      ['bot', [bot()]],
    ]);
    expect(surveyTimers('bot', answered).map((t) => t.dueAt.toISOString())).toEqual([
      new Date(T0 + 2000 + 60_000).toISOString(),
    ]);
    const goodbye = fold([
      ['bot', [customer('thanks, bye')]],
      ['bot', [bot('goodbye')]],
    ]);
    expect(surveyTimers('bot', goodbye).map((t) => t.dueAt.toISOString())).toEqual([
      new Date(T0 + 1000).toISOString(),
    ]);
    const thanks = fold([
      ['bot', [customer('thank you!')]],
      ['bot', [bot('thanks')]],
    ]);
    expect(surveyTimers('bot', thanks).map((t) => t.dueAt.toISOString())).toEqual([
      new Date(T0 + 1000).toISOString(),
    ]);
  });

  it('is not armed before the customer spoke, while they have the word, or outside the sample', () => {
    expect(surveyTimers('bot', fold([['bot', [bot('greeting')]]]))).toEqual([]);
    const asking = fold([
      ['bot', [customer()]],
      ['bot', [bot()]],
      ['bot', [customer()]],
    ]);
    expect(surveyTimers('bot', asking)).toEqual([]);
    expect(
      surveyTimers(
        'bot',
        fold([
          ['bot', [customer()]],
          ['bot', [bot()]],
        ]),
        false,
      ),
    ).toEqual([]);
  });

  it('is never armed once asked or rated, nor after the conversation left the bot', () => {
    const asked = fold([
      ['bot', [customer()]],
      ['bot', [bot(), survey]],
      ['bot', [customer()]],
    ]);
    expect(surveyTimers('bot', advanceLifecycle(asked, 'bot', [bot()], new Date(T0)))).toEqual([]);
    const rated = fold([
      ['bot', [{ type: 'csat.submitted', actor: { type: 'customer' }, data: { rating: 4 } }]],
      ['bot', [customer()]],
      ['bot', [bot()]],
    ]);
    expect(surveyTimers('bot', rated)).toEqual([]);
    const returned = fold([
      ['bot', [customer()]],
      ['queued', []],
      ['assigned', []],
      ['bot', [customer()]],
      ['bot', [bot()]],
    ]);
    expect(surveyTimers('bot', returned)).toEqual([]);
    const intake = fold([
      ['bot', [customer()]],
      ['bot', [bot()]],
      ['intake', [bot('intake')]],
    ]);
    expect(surveyTimers('intake', intake)).toEqual([]);
  });
});

describe('inCsatSample', () => {
  it('decides by the id alone, and takes about the configured share of ids', () => {
    const ids = Array.from({ length: 4000 }, () => randomUUID());
    const share = ids.filter((id) => inCsatSample(id, 0.2)).length / ids.length;
    expect(share).toBeGreaterThan(0.17);
    expect(share).toBeLessThan(0.23);
    for (const id of ids.slice(0, 50)) {
      expect(inCsatSample(id, 0.2)).toBe(inCsatSample(id, 0.2));
      expect(inCsatSample(id, 0)).toBe(false);
      expect(inCsatSample(id, 1)).toBe(true);
    }
  });

  it('reads BATON_CSAT_BOT_ONLY_SAMPLE as a number, and leaves junk for validation to report', () => {
    expect(parseEnvValue('0.25', 'number')).toBe(0.25);
    expect(parseEnvValue('1', 'number')).toBe(1);
    expect(parseEnvValue('a fifth', 'number')).toBe('a fifth');
  });
});

describe('the configured survey policy', () => {
  const configured = (botOnlySample: number) =>
    timerPolicy(
      {
        abandonAfterSeconds: 300,
        deadEnds: { replyNudgeSeconds: 120, replyAlertSeconds: 240, replyRequeueSeconds: 420 },
      },
      () => 300_000,
      () => undefined,
      { botOnlySample, botQuietSeconds: 60 },
    );

  it('asks every text channel at 1, nobody at 0, and never a phone call', () => {
    const answered = fold([
      ['bot', [customer()]],
      ['bot', [bot()]],
    ]);
    const kinds = (channel: string, rate: number) =>
      timersFor(
        { id: 'c1', channel, status: 'bot', queue: null, offeredTo: null, lifecycle: answered },
        configured(rate),
      ).map((t) => t.kind);
    expect(kinds('web', 1)).toEqual(['bot_survey.due']);
    expect(kinds('telegram', 1)).toEqual(['bot_survey.due']);
    expect(kinds('voice', 1)).toEqual([]);
    expect(kinds('web', 0)).toEqual([]);
  });
});
