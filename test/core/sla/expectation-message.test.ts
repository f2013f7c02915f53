import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  expectationMessage,
  type ExpectationSituation,
} from '../../../src/core/sla/expectation-message.ts';
import { formatFollowUp } from '../../../src/core/sla/format-follow-up.ts';
import {
  CUSTOMER_CATALOGUES,
  CUSTOMER_LANGUAGES,
  customerLanguage,
} from '../../../src/core/i18n/customer-text.ts';

const waiting = (over: Partial<Extract<ExpectationSituation, { kind: 'waiting' }>> = {}) =>
  ({
    kind: 'waiting',
    team: 'Billing',
    agentsOnline: 3,
    position: 4,
    band: { lowMinutes: 3, highMinutes: 5, pointMinutes: 4 },
    longQueueMinutes: 15,
    ...over,
  }) as const;

const now = new Date('2026-03-02T19:30:00Z'); // Monday evening in Berlin

describe('expectationMessage', () => {
  it('gives position and band when agents are online', () => {
    expect(expectationMessage(waiting(), 'en')).toBe(
      'You are number 4 in the queue for Billing. The estimated wait is about 3–5 minutes, and a person will reply right here.',
    );
    expect(expectationMessage(waiting(), 'es')).toContain('unos 3–5 minutos');
    expect(expectationMessage(waiting(), 'de-AT')).toContain('etwa 3–5 Minuten');
  });

  it('offers keep waiting, a callback or a reply by message on a long queue', () => {
    const text = expectationMessage(
      waiting({ band: { lowMinutes: 14, highMinutes: 22, pointMinutes: 18 } }),
      'en',
    );
    expect(text).toMatch(/keep waiting/);
    expect(text).toMatch(/callback at a time/);
    expect(text).toMatch(/answer here, in this conversation/);
  });

  it('never promises help when nobody is online', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...CUSTOMER_LANGUAGES),
        fc.integer({ min: 1, max: 50 }),
        fc.integer({ min: 0, max: 30 }),
        (lang, position, low) => {
          const text = expectationMessage(
            waiting({
              agentsOnline: 0,
              position,
              band: { lowMinutes: low, highMinutes: low + 2, pointMinutes: low + 1 },
            }),
            lang,
          );
          return text === CUSTOMER_CATALOGUES[lang].no_agents.replace('{team}', 'Billing');
        },
      ),
    );
    expect(expectationMessage(waiting({ band: null }), 'en')).toMatch(/cannot promise a time/);
  });

  it('names the follow-up time in the language and zone, and asks for contact on web chat', () => {
    const closed = {
      kind: 'closed',
      team: 'Billing',
      now,
      followUpAt: new Date('2026-03-03T08:00:00Z'),
      timeZone: 'Europe/Berlin',
      canReachLater: false,
    } as const;
    expect(expectationMessage(closed, 'en')).toBe(
      'The Billing team is closed right now. Your request is saved, and a person will follow up tomorrow at 9:00 CET. So that we can reach you then, please leave your email address or phone number.',
    );
    expect(expectationMessage({ ...closed, canReachLater: true }, 'de')).toBe(
      'Das Team Billing ist gerade nicht besetzt. Ihre Anfrage ist gespeichert, und eine Person meldet sich morgen um 9:00 MEZ.',
    );
    expect(expectationMessage({ ...closed, followUpAt: null }, 'fr')).not.toMatch(/\d:\d\d/);
  });

  it('announces the agent who joined', () => {
    expect(
      expectationMessage({ kind: 'agent_joined', team: 'Billing', agentName: 'Alex' }, 'en'),
    ).toBe('Alex from Billing has joined the conversation and can see everything so far.');
  });

  it('takes per-queue overrides and falls back to defaults for the rest', () => {
    const overrides = { en: { agent_joined: '{agent} is here to help.' } };
    const joined = { kind: 'agent_joined', team: 'Billing', agentName: 'Alex' } as const;
    expect(expectationMessage(joined, 'en', overrides)).toBe('Alex is here to help.');
    expect(expectationMessage(joined, 'pt', overrides)).toContain('Alex, de Billing');
  });

  it('has every template in every language with its placeholders filled', () => {
    for (const lang of CUSTOMER_LANGUAGES) {
      const texts = [
        expectationMessage(waiting(), lang),
        expectationMessage(
          waiting({ band: { lowMinutes: 0, highMinutes: 1, pointMinutes: 0 } }),
          lang,
        ),
        expectationMessage(
          waiting({ band: { lowMinutes: 20, highMinutes: 30, pointMinutes: 25 } }),
          lang,
        ),
        expectationMessage({ kind: 'agent_left', team: 'Billing', agentName: 'Alex' }, lang),
      ];
      for (const t of texts) expect(t).not.toMatch(/\{\w+\}/);
    }
  });

  it('falls back to English for unsupported languages', () => {
    expect(customerLanguage('ja')).toBe('en');
    expect(customerLanguage('pt-BR')).toBe('pt-BR');
    expect(customerLanguage('pt')).toBe('pt-BR');
    expect(customerLanguage('pt-PT')).toBe('pt-PT');
    expect(customerLanguage('es-MX')).toBe('es');
  });
});

describe('formatFollowUp', () => {
  it('says today, tomorrow, a weekday or a date', () => {
    const morning = new Date('2026-03-02T06:00:00Z');
    expect(formatFollowUp(new Date('2026-03-02T08:00:00Z'), morning, 'Europe/Berlin', 'en')).toBe(
      'today at 9:00 CET',
    );
    expect(formatFollowUp(new Date('2026-03-06T14:00:00Z'), now, 'America/New_York', 'es')).toBe(
      'el viernes a las 9:00 EST',
    );
    expect(formatFollowUp(new Date('2026-03-06T08:00:00Z'), now, 'Europe/Paris', 'fr')).toBe(
      'vendredi à 9:00 CET',
    );
    expect(
      formatFollowUp(new Date('2026-03-26T12:00:00Z'), now, 'America/Sao_Paulo', 'pt-BR'),
    ).toBe('em 26 de março às 9:00 BRT');
  });
});
