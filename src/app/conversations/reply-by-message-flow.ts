/**
 * "Continue by message": the customer may leave and is not counted abandoned. Channels that
 * reach the customer later (WhatsApp, SMS, Telegram, email) are simply answered in their
 * thread; on web and API an email address is asked for (a known one is reused) and set as
 * `channelState.replyByEmail`, where the email channel sends the agent's answer.
 */
import { CHANNELS_THAT_REACH_LATER } from '../../core/sla/expectation-message.ts';
import { readEmail, readPhone } from './field-answer.ts';
import { withCollected } from './queue-fields.ts';
import type { FlowContext, Reply } from './waiting-room.ts';

const MAX_RETRIES = 1;

export class ReplyByMessageFlow {
  /** `canEmail`: Baton can send email; without it, the answer is promised here only. */
  constructor(private readonly canEmail: boolean) {}

  start(ctx: FlowContext): Reply[] {
    const { conversation } = ctx;
    if (
      !this.canEmail ||
      conversation.externalThread ||
      CHANNELS_THAT_REACH_LATER.includes(conversation.channel)
    ) {
      return [confirm(ctx, null)];
    }
    const known = knownEmail(ctx);
    if (known) return [confirm(ctx, known)];
    return [{ key: 'message_ask_email', prompt: { kind: 'reply_email' } }];
  }

  /**
   * After hours on a channel that cannot reach the customer later, the closed message asked
   * for an email address or a phone number: an email becomes `replyByEmail`, a phone number
   * a collected field the agent sees.
   */
  contact(ctx: FlowContext): Reply[] {
    const { conversation } = ctx;
    // Without outbound email only a phone number was asked for (ask_phone).
    const email = this.canEmail ? readEmail(ctx.answer.text) : null;
    const phone = email ? null : readPhone(ctx.answer.text);
    if (email) {
      return [{ ...confirm(ctx, email), key: 'contact_saved_email', expectStatus: ['deferred'] }];
    }
    if (phone) {
      return [
        {
          key: 'contact_saved_phone',
          params: { phone },
          expectStatus: ['deferred'],
          changes: conversation.handoff
            ? { handoff: withCollected(conversation.handoff, { phone }) }
            : {},
        },
      ];
    }
    const attempt = Number(ctx.prompt.data.attempt ?? 0);
    if (attempt >= MAX_RETRIES) return [];
    return [
      {
        key: this.canEmail ? 'contact_bad' : 'callback_bad_phone',
        expectStatus: ['deferred'],
        prompt: { kind: 'contact', data: { attempt: attempt + 1 } },
      },
    ];
  }

  email(ctx: FlowContext): Reply[] {
    const email = readEmail(ctx.answer.text);
    if (email) return [confirm(ctx, email)];
    const attempt = Number(ctx.prompt.data.attempt ?? 0);
    if (attempt >= MAX_RETRIES) return [];
    return [
      { key: 'message_bad_email', prompt: { kind: 'reply_email', data: { attempt: attempt + 1 } } },
    ];
  }
}

function confirm(ctx: FlowContext, email: string | null): Reply {
  const { conversation } = ctx;
  const replyBy = email ? `email to ${email} (and this conversation)` : 'this conversation';
  const handoff = conversation.handoff
    ? { ...withCollected(conversation.handoff, { reply_by: replyBy }), continueByMessage: true }
    : null;
  return {
    key: email ? 'message_confirmed_email' : 'message_confirmed_here',
    ...(email ? { params: { email } } : {}),
    expectStatus: ['queued', 'offered', 'deferred'],
    changes: {
      ...(handoff ? { handoff } : {}),
      ...(email ? { channelState: { ...conversation.channelState, replyByEmail: email } } : {}),
    },
    events: [
      {
        type: 'conversation.continue_by_message',
        actor: { type: 'customer' },
        data: { email, channel: conversation.channel },
      },
    ],
    // They may leave now: the inactivity check must not mark them abandoned.
    lifecycle: { customerAwaySince: null },
  };
}

function knownEmail(ctx: FlowContext): string | null {
  const fields = (ctx.conversation.handoff?.fields ?? {}) as Record<string, unknown>;
  for (const c of [ctx.conversation.customer.email, fields.email]) {
    if (typeof c === 'string' && readEmail(c)) return c.trim();
  }
  return null;
}
