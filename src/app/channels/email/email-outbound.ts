/**
 * Outbound email: the bot's and agents' messages in an email conversation, and agents'
 * messages in a web chat the customer continued by email (`channelState.replyByEmail`), are
 * queued as `email.send` timers (the outbox in the database) and sent through SMTP in the
 * same thread. Network errors and 4xx SMTP replies are retried when the timer's lease lapses;
 * a 5xx reply (no such mailbox) is a failed delivery the agent sees. The Message-ID is
 * derived from the message, so a retry sends the same id and bounces find the message.
 */
import type { EmailAdapter, MailMessage } from '../../../channels/index.ts';
import type { EventBus } from '../../../bus/event-bus.ts';
import type { ConversationWriter } from '../../conversations/conversation-writer.ts';
import type { ConversationRecord, StoredEvent, TimerRecord } from '../../../core/records.ts';
import type { Store } from '../../../store/store.ts';
import { continueByEmailIntro, continueByEmailSubject } from './continue-by-email-text.ts';
import { batonMessageId } from './email-message-ids.ts';
import { planEmailThread } from './email-thread.ts';
import { replyChoicesOf } from '../reply-choices.ts';

export const EMAIL_TIMER = 'email.send';
const MAX_ATTEMPTS = 6;

/**
 * Whether a failed SMTP send is tried again: a 5xx is the receiving server's final answer;
 * anything else (a 4xx, a network error) may pass later, up to MAX_ATTEMPTS. Replies and
 * emailed transcripts follow the same rule.
 */
export function retriesSend(error: unknown, attempts: number): boolean {
  const code = Number((error as { responseCode?: unknown }).responseCode);
  const permanent = code >= 500 && code < 600;
  return !permanent && attempts < MAX_ATTEMPTS;
}

export interface EmailOutboundDeps {
  readonly store: Store;
  readonly bus: EventBus;
  /** Every conversation write (commit, then publish) goes through it. */
  readonly writer: ConversationWriter;
  readonly adapter: EmailAdapter;
  /** Sends one message (nodemailer's `sendMail`); rejects with `responseCode` on SMTP errors. */
  readonly send: (message: MailMessage) => Promise<unknown>;
  /** The team's name in subjects ("Your conversation with Acme Support"). */
  readonly teamName: string;
  readonly clock: () => Date;
  readonly kick: () => void;
  readonly onError: (error: unknown) => void;
}

/** Whether this committed message goes out by email. */
export function sendsByEmail(conversation: ConversationRecord, event: StoredEvent): boolean {
  if (event.type !== 'message.created') return false;
  const from = event.data.from;
  if (conversation.channel === 'email') {
    // The greeting would be a robot email nobody asked for; system notices stay in the inbox,
    // except the survey after resolution, which the customer answers by replying.
    return (
      conversation.externalThread !== null &&
      (from === 'agent' ||
        (from === 'bot' && event.data.kind !== 'greeting') ||
        (from === 'system' && event.data.kind === 'csat_request'))
    );
  }
  return Boolean(conversation.channelState.replyByEmail) && from === 'agent';
}

export function queueOutboundEmails(deps: EmailOutboundDeps): () => void {
  return deps.bus.subscribe(({ conversation, events }) => {
    const due = events.filter((e) => sendsByEmail(conversation, e));
    if (due.length === 0) return;
    const now = deps.clock();
    Promise.all(
      due.map((e) =>
        deps.store.timers.schedule(
          conversation.id,
          { kind: EMAIL_TIMER, dueAt: now, data: { seq: e.seq } },
          now,
        ),
      ),
    ).then(deps.kick, deps.onError);
  });
}

export function handleEmailSend(deps: EmailOutboundDeps) {
  return async (timer: TimerRecord, now: Date): Promise<void> => {
    const seq = Number(timer.data.seq);
    const conversation = await deps.store.conversations.get(timer.conversationId);
    const message = await deps.store.conversations.event(timer.conversationId, seq);
    if (!conversation || !message) return;
    const events = await deps.store.conversations.eventsSince(conversation.id, 0, 100_000);
    if (events.some((e) => isEmailDelivery(e) && e.data.seq === seq && e.data.status === 'sent'))
      return; // sent before the timer was marked done (a crash in between)
    const plan = planEmailThread(
      conversation,
      events.filter((e) => e.seq < seq),
      continueByEmailSubject(deps.teamName, conversation.language),
    );
    if (!plan) return record(deps, conversation, seq, 'failed', now, 'no email address on file');
    const messageId = batonMessageId(conversation, seq, deps.adapter.messageIdDomain);
    // Options the message offers are written out with the words to type (email-adapter.ts).
    const choices = replyChoicesOf(message, conversation.language);
    const [mail] = deps.adapter.formatReply(plan.root ?? messageId, {
      text: bodyOf(conversation, events, message, plan.continuesChat),
      to: plan.to,
      subject: plan.subject,
      references: plan.references,
      messageId,
      ...(plan.inReplyTo ? { replyToProviderMessageId: plan.inReplyTo } : {}),
      ...(plan.root ? {} : { startsThread: true }),
      automatic: message.data.from !== 'agent',
      ...(choices ? { choices } : {}),
    });
    if (!mail) return;
    try {
      await deps.send(mail);
    } catch (error) {
      if (retriesSend(error, timer.attempts)) throw error;
      const reason = (error as Error).message || 'the mail server refused the message';
      return record(deps, conversation, seq, 'failed', now, reason, messageId);
    }
    return record(deps, conversation, seq, 'sent', now, undefined, messageId);
  };
}

function bodyOf(
  conversation: ConversationRecord,
  events: readonly StoredEvent[],
  message: StoredEvent,
  continuesChat: boolean,
): string {
  const text = String(message.data.text ?? '');
  const agentName = typeof message.data.agentName === 'string' ? message.data.agentName : '';
  const signed = agentName ? `${text}\n\n— ${agentName}` : text;
  if (!continuesChat) return signed;
  const firstWords = events.find((e) => e.type === 'message.created' && e.data.from === 'customer')
    ?.data.text;
  const intro = continueByEmailIntro(
    conversation.createdAt,
    typeof firstWords === 'string' ? firstWords : undefined,
    conversation.language,
  );
  return `${intro}\n\n${signed}`;
}

function isEmailDelivery(event: StoredEvent): boolean {
  return event.type === 'message.delivery' && event.data.channel === 'email';
}

async function record(
  deps: EmailOutboundDeps,
  conversation: ConversationRecord,
  seq: number,
  status: 'sent' | 'failed',
  now: Date,
  error?: string,
  providerMessageId?: string,
): Promise<void> {
  const data = {
    seq,
    status,
    channel: 'email' as const,
    ...(providerMessageId ? { providerMessageId } : {}),
    ...(error ? { error } : {}),
  };
  await deps.writer.commit({
    conversationId: conversation.id,
    events: [{ type: 'message.delivery', actor: { type: 'system' }, data }],
    now,
  });
}
