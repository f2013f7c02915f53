/** The pure parts of the waiting room: choices, callback times, handle times, templates. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { officeHours, type BusinessCalendar } from '../../../src/core/sla/business-calendar.ts';
import { callbackSlots, parseCallbackTime } from '../../../src/core/sla/callback-slots.ts';
import { matchChoice } from '../../../src/core/sla/choices.ts';
import { withNumberedChoices } from '../../../src/channels/choice-text.ts';
import { handleSamples, rollingHandleMinutes } from '../../../src/core/sla/handle-times.ts';
import {
  CUSTOMER_CATALOGUES,
  CUSTOMER_LANGUAGES,
  customerText,
  type CustomerKey,
} from '../../../src/core/i18n/customer-text.ts';
import { lastBandTold } from '../../../src/app/timers/estimate-updates.ts';
import type { StoredEvent } from '../../../src/core/records.ts';

const choices = [
  { id: 'wait', label: 'Keep waiting' },
  { id: 'callback', label: 'Call me back' },
  { id: 'message', label: 'Continue by message' },
];

describe('matchChoice', () => {
  it('reads a number, a label or an id, whatever the case and trailing punctuation', () => {
    expect(matchChoice('2', choices)?.id).toBe('callback');
    expect(matchChoice(' 3) ', choices)?.id).toBe('message');
    expect(matchChoice('option 1', choices)?.id).toBe('wait');
    expect(matchChoice('call me back!', choices)?.id).toBe('callback');
    expect(matchChoice('MESSAGE', choices)?.id).toBe('message');
  });
  it('writes the choices out as numbers where no buttons show, and reads them back', () => {
    const hint = 'Reply with the number:';
    const sms = withNumberedChoices('Pick one.', {
      options: choices,
      typeHint: hint,
      menuLabel: '',
    });
    expect(sms).toBe(
      'Pick one.\n\nReply with the number:\n1) Keep waiting\n2) Call me back\n3) Continue by message',
    );
    expect(matchChoice('2', choices)?.label).toBe('Call me back');
    // Without the line that says what to type (the survey says it), nothing is added.
    expect(withNumberedChoices('Rate 1 to 5.', { options: choices, menuLabel: '' })).toBe(
      'Rate 1 to 5.',
    );
  });
  it('leaves anything else alone', () => {
    expect(matchChoice('4', choices)).toBeNull();
    expect(matchChoice('0', choices)).toBeNull();
    expect(matchChoice('I will call you back later', choices)).toBeNull();
    expect(matchChoice('', choices)).toBeNull();
  });
});

describe('callback times', () => {
  const berlin = officeHours('business', 'Europe/Berlin');
  // Tuesday 10 March 2026, 16:50 in Berlin (CET, UTC+1).
  const now = new Date('2026-03-10T15:50:00Z');

  it('offers the next half hours within business hours, skipping the night', () => {
    expect(callbackSlots(berlin, now).map((d) => d.toISOString())).toEqual([
      '2026-03-10T16:30:00.000Z', // 17:30 Berlin
      '2026-03-11T08:00:00.000Z', // 9:00 the next morning
      '2026-03-11T08:30:00.000Z',
      '2026-03-11T09:00:00.000Z',
    ]);
  });

  it('reads a typed time in the team zone as its next occurrence', () => {
    expect(parseCallbackTime('at 17:30', berlin, now)).toEqual({
      ok: true,
      at: new Date('2026-03-10T16:30:00Z'),
    });
    // 9:15 has passed today: tomorrow.
    expect(parseCallbackTime('9.15 please', berlin, now)).toEqual({
      ok: true,
      at: new Date('2026-03-11T08:15:00Z'),
    });
    expect(parseCallbackTime('10am', berlin, now)).toEqual({
      ok: true,
      at: new Date('2026-03-11T09:00:00Z'),
    });
    expect(parseCallbackTime('3pm', berlin, now)).toEqual({
      ok: true,
      at: new Date('2026-03-11T14:00:00Z'),
    });
  });

  it('moves a typed time the spring change skips forward by the jump, as Temporal does', () => {
    // New York, 8 March 2026: 02:00 EST becomes 03:00 EDT (07:00 UTC); "2:30am" is 03:30.
    const allNight: BusinessCalendar = {
      id: 'night',
      timeZone: 'America/New_York',
      weekly: { 0: [{ open: '00:00', close: '24:00' }] },
    };
    expect(parseCallbackTime('2:30am', allNight, new Date('2026-03-08T05:00:00Z'))).toEqual({
      ok: true,
      at: new Date('2026-03-08T07:30:00Z'),
    });
  });

  it('refuses what it cannot read or cannot promise', () => {
    expect(parseCallbackTime('whenever', berlin, now)).toEqual({ ok: false, reason: 'unreadable' });
    expect(parseCallbackTime('2', berlin, now)).toEqual({ ok: false, reason: 'unreadable' });
    expect(parseCallbackTime('at 20:00', berlin, now)).toEqual({ ok: false, reason: 'closed' });
  });

  it('never offers a slot outside business hours or in the past (any moment of the year)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 365 * 24 * 60 }), (minutes) => {
        const at = new Date(Date.UTC(2026, 0, 1) + minutes * 60_000);
        const slots = callbackSlots(berlin, at);
        expect(slots).toHaveLength(4);
        for (const slot of slots) {
          expect(slot.getTime()).toBeGreaterThanOrEqual(at.getTime() + 15 * 60_000);
          const local = new Intl.DateTimeFormat('en-GB', {
            timeZone: 'Europe/Berlin',
            hour: '2-digit',
            minute: '2-digit',
            weekday: 'short',
            hourCycle: 'h23',
          }).format(slot);
          expect(local).toMatch(/^(Mon|Tue|Wed|Thu|Fri) (09|1[0-7]):(00|30)$/);
        }
      }),
      { numRuns: 200 },
    );
  });
});

describe('measured handle times', () => {
  const at = (minute: number) => new Date(Date.UTC(2026, 2, 10, 9, minute)).toISOString();
  const ev = (id: string, seq: number, type: string, minute: number, data = {}) => ({
    conversationId: id,
    seq,
    type,
    at: at(minute),
    data,
  });

  it('pairs each assignment with the resolve or transfer that ended it, in its queue', () => {
    const samples = handleSamples(
      [
        ev('a', 1, 'conversation.handed_over', 0, { queue: 'billing' }),
        ev('a', 2, 'conversation.assigned', 2),
        ev('a', 3, 'conversation.transferred', 9, { toQueue: 'technical' }),
        ev('a', 4, 'conversation.assigned', 10),
        ev('a', 5, 'conversation.resolved', 14),
        // The log window starts mid-way: the stored queue stands in.
        ev('b', 7, 'conversation.assigned', 20),
        ev('b', 8, 'conversation.resolved', 25),
        // Never assigned: no sample.
        ev('c', 3, 'conversation.resolved', 30),
      ],
      (id) => (id === 'b' ? 'sales' : null),
    );
    expect(samples).toEqual([
      { queue: 'billing', endedAt: at(9), minutes: 7 },
      { queue: 'technical', endedAt: at(14), minutes: 4 },
      { queue: 'sales', endedAt: at(25), minutes: 5 },
    ]);
  });

  it('uses the prior below five samples, then the mean of the latest fifty', () => {
    const sample = (i: number, minutes: number) => ({
      queue: 'billing',
      endedAt: new Date(Date.UTC(2026, 0, 1, 0, i)).toISOString(),
      minutes,
    });
    expect(
      rollingHandleMinutes(
        [1, 2, 3, 4].map((m, i) => sample(i, m)),
        6,
      ),
    ).toBe(6);
    expect(
      rollingHandleMinutes(
        [2, 4, 6, 8, 10].map((m, i) => sample(i, m)),
        6,
      ),
    ).toBe(6);
    expect(
      rollingHandleMinutes(
        [1, 1, 1, 1, 1].map((m, i) => sample(i, m)),
        6,
      ),
    ).toBe(1);
    // 100 old one-minute chats, then 50 recent ten-minute ones: only the recent count.
    const many = [
      ...Array.from({ length: 100 }, (_, i) => sample(i, 1)),
      ...Array.from({ length: 50 }, (_, i) => sample(200 + i, 10)),
    ];
    expect(rollingHandleMinutes(many, 6)).toBe(10);
  });
});

/** The waiting room's own words (choices, callback, continue by message, updates). */
const WAITING_ROOM_KEYS = (Object.keys(CUSTOMER_CATALOGUES.en) as CustomerKey[]).filter((key) =>
  /^(choice|callback|message|contact|estimate|wait_kept|explicit|connect|details)/.test(key),
);

describe('waiting-room texts', () => {
  it('are translated in every language, not English copies, and overridable', () => {
    expect(WAITING_ROOM_KEYS.length).toBeGreaterThan(25);
    for (const lang of CUSTOMER_LANGUAGES) {
      if (lang === 'en') continue;
      for (const key of WAITING_ROOM_KEYS) {
        expect(CUSTOMER_CATALOGUES[lang][key], `${lang}.${key}`).not.toBe(
          CUSTOMER_CATALOGUES.en[key],
        );
      }
    }
    expect(customerText('choice_callback', 'pt-BR', {})).toBe('Ligar para mim');
    expect(customerText('choice_callback', 'pt-PT', {})).toBe('Liguem-me');
    expect(
      customerText(
        'wait_kept',
        'de',
        { team: 'Billing' },
        { de: { wait_kept: 'Bleiben Sie dran, {team}.' } },
      ),
    ).toBe('Bleiben Sie dran, Billing.');
  });
});

describe('lastBandTold', () => {
  const msg = (seq: number, data: Record<string, unknown>, actor = 'bot'): StoredEvent =>
    ({
      conversationId: 'c',
      seq,
      type: 'message.created' as const,
      at: new Date(Date.UTC(2026, 2, 10, 9, seq)).toISOString(),
      actor: { type: actor as 'bot' },
      data: { from: actor, ...data },
    }) as StoredEvent;
  it('finds the latest band the customer was told, surviving a restart through the log', () => {
    expect(lastBandTold([msg(1, { band: null })])).toBeNull();
    expect(
      lastBandTold([
        msg(1, { kind: 'handoff', band: { lowMinutes: 3, highMinutes: 9 } }),
        msg(2, { kind: 'estimate_update', band: { lowMinutes: 1, highMinutes: 4 } }),
        msg(3, { text: 'hi' }, 'customer'),
      ]),
    ).toEqual({
      band: { lowMinutes: 1, highMinutes: 4 },
      at: new Date(Date.UTC(2026, 2, 10, 9, 2)),
    });
  });
});
