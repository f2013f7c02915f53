/**
 * "Call me back": the phone number (a known one is reused), then a time (the next half-hour
 * slots within the team's hours as choices, or typed: "at 15:30"). Confirmed, the request is
 * stored (`callback.requested`), the conversation is deferred with a follow-up timer at that
 * time (it re-enters the queue then, priority kept), and the agent's packet says whom to call
 * when.
 */
import { eventOf } from '../../core/conversation/conversation-events.ts';
import { transition } from '../../core/conversation/transition.ts';
import { callbackSlots, parseCallbackTime } from '../../core/sla/callback-slots.ts';
import { formatFollowUp, zoneAbbreviation } from '../../core/sla/format-follow-up.ts';
import { customerLanguage } from '../../core/i18n/customer-text.ts';
import type { CalendarFor } from '../routing/team-calendar.ts';
import { snapshotOf } from './apply-command.ts';
import { readPhone } from './field-answer.ts';
import { withCollected } from './queue-fields.ts';
import type { FlowContext, Reply } from './waiting-room.ts';

const SLOT_PREFIX = 'at:';
/** A customer who twice writes something that is not an answer is not asked a third time. */
const MAX_RETRIES = 1;

export class CallbackFlow {
  constructor(private readonly calendarFor: CalendarFor) {}

  start(ctx: FlowContext): Reply[] {
    const known = knownPhone(ctx);
    if (known) return [this.askTime(ctx, known, 'callback_ask_time', 0)];
    return [{ key: 'callback_ask_phone', prompt: { kind: 'callback_phone' } }];
  }

  phone(ctx: FlowContext): Reply[] {
    const phone = readPhone(ctx.answer.text);
    if (phone) return [this.askTime(ctx, phone, 'callback_ask_time', 0)];
    const attempt = Number(ctx.prompt.data.attempt ?? 0);
    if (attempt >= MAX_RETRIES) return [];
    return [
      {
        key: 'callback_bad_phone',
        prompt: { kind: 'callback_phone', data: { attempt: attempt + 1 } },
      },
    ];
  }

  time(ctx: FlowContext): Reply[] {
    const phone = String(ctx.prompt.data.phone ?? '');
    const calendar = this.calendarFor(ctx.conversation.queue ?? 'general');
    let at: Date | null = null;
    if (ctx.answer.choice?.startsWith(SLOT_PREFIX)) {
      const chosen = new Date(ctx.answer.choice.slice(SLOT_PREFIX.length));
      if (!Number.isNaN(chosen.getTime())) at = chosen;
    } else {
      const parsed = parseCallbackTime(ctx.answer.text, calendar, ctx.now);
      if (parsed.ok) at = parsed.at;
    }
    if (at === null) {
      const attempt = Number(ctx.prompt.data.attempt ?? 0);
      if (attempt >= MAX_RETRIES) return [];
      return [this.askTime(ctx, phone, 'callback_bad_time', attempt + 1)];
    }
    return [this.confirm(ctx, phone, at)];
  }

  private askTime(
    ctx: FlowContext,
    phone: string,
    key: 'callback_ask_time' | 'callback_bad_time',
    attempt: number,
  ): Reply {
    const calendar = this.calendarFor(ctx.conversation.queue ?? 'general');
    const lang = customerLanguage(ctx.language);
    const choices = callbackSlots(calendar, ctx.now).map((slot) => ({
      id: `${SLOT_PREFIX}${slot.toISOString()}`,
      label: formatFollowUp(slot, ctx.now, calendar.timeZone, lang),
    }));
    return {
      key,
      params: { phone, zone: zoneAbbreviation(calendar.timeZone, ctx.now, lang) },
      prompt: { kind: 'callback_time', data: { phone, attempt } },
      choices,
    };
  }

  private confirm(ctx: FlowContext, phone: string, at: Date): Reply {
    const { conversation, now } = ctx;
    const calendar = this.calendarFor(conversation.queue ?? 'general');
    const deferred = transition(snapshotOf(conversation), { type: 'defer' }, now);
    // Offered to an agent this very moment: a person is about to join, so nothing is deferred.
    if (!deferred.ok) return { key: 'choice_expired' };
    const when = formatFollowUp(at, now, calendar.timeZone, customerLanguage(ctx.language));
    const forAgent = `call back ${phone} ${formatFollowUp(at, now, calendar.timeZone, 'en')}`;
    return {
      key: 'callback_confirmed',
      params: { phone, when },
      expectStatus: ['queued'],
      changes: {
        status: deferred.state.state,
        ...(conversation.handoff
          ? { handoff: withCollected(conversation.handoff, { callback: forAgent, phone }) }
          : {}),
      },
      events: [
        {
          type: 'callback.requested',
          actor: { type: 'customer' },
          data: { phone, at: at.toISOString(), timeZone: calendar.timeZone },
        },
        eventOf(
          deferred.event.type,
          { type: 'system' },
          { reason: 'callback', followUpAt: at.toISOString(), timeZone: calendar.timeZone },
        ),
      ],
      // The writer derives the follow-up timer from the promise.
      lifecycle: { followUp: { at: at.toISOString(), reason: 'callback', phone } },
    };
  }
}

function knownPhone(ctx: FlowContext): string | null {
  const fields = (ctx.conversation.handoff?.fields ?? {}) as Record<string, unknown>;
  const candidates = [ctx.conversation.customer.phone, fields.phone];
  for (const c of candidates) if (typeof c === 'string' && c.trim() !== '') return c.trim();
  return null;
}
