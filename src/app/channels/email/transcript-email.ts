/**
 * "Email me this conversation": the customer asks the widget for a plain-text copy of what
 * they saw. The request is queued in the outbox (an `email.transcript` timer, as replies are
 * `email.send` timers), so a mail server that is down is tried again; the timer's data holds
 * the address until it is sent, then forgets it, and nothing else holds it (not the
 * conversation, not an event). The
 * copy has the messages the customer was shown up to the request: never internal notes
 * (`note.created`), never the handoff packet, which are other event types.
 */
import { BatonError } from '../../../core/errors/baton-error.ts';
import { customerText } from '../../../core/i18n/customer-text.ts';
import { isDeliverableEmail } from '../../../core/customer/customer-identity.ts';
import type { ConversationRecord, StoredEvent, TimerRecord } from '../../../core/records.ts';
import type { Store } from '../../../store/store.ts';
import type { TranscriptLimits } from '../../limits/transcript-limits.ts';
import { continueByEmailSubject, startedLabel } from './continue-by-email-text.ts';
import { retriesSend } from './email-outbound.ts';

export const TRANSCRIPT_TIMER = 'email.transcript';

export interface TranscriptRequestDeps {
  readonly store: Store;
  readonly limits: TranscriptLimits;
  readonly clock: () => Date;
  /** Whether an outbound SMTP relay is configured: without one nothing is offered. */
  readonly available: boolean;
}

/** The HTTP side: checks, counts and queues one transcript. */
export class TranscriptRequests {
  constructor(private readonly deps: TranscriptRequestDeps) {}

  get available(): boolean {
    return this.deps.available;
  }

  async request(conversation: ConversationRecord, address: string): Promise<void> {
    if (!this.deps.available) throw new BatonError('TRANSCRIPT_UNAVAILABLE');
    const to = address.trim();
    if (!isDeliverableEmail(to))
      throw new BatonError('VALIDATION_FAILED', '`email` is not an email address.');
    const taken = await this.deps.limits.take(conversation.id, to);
    if (!taken.ok)
      throw new BatonError('RATE_LIMITED', 'Too many copies of this conversation requested.', {
        retryAfterMs: taken.retryAfterMs,
      });
    const now = this.deps.clock();
    await this.deps.store.timers.schedule(
      conversation.id,
      { kind: TRANSCRIPT_TIMER, dueAt: now, data: { to, upToSeq: conversation.lastSeq } },
      now,
    );
  }
}

export interface TranscriptSendDeps {
  readonly store: Store;
  /** nodemailer's `sendMail`; rejects with `responseCode` on SMTP errors. */
  readonly send: (message: {
    from: string;
    to: string;
    subject: string;
    text: string;
    headers: Record<string, string>;
  }) => Promise<unknown>;
  readonly from: string;
  readonly teamName: string;
  readonly botName: string;
  /**
   * A copy given up (refused, or failing past the retries): no event holds the address, so
   * the operator's log is where it shows.
   */
  readonly onGiveUp: (conversationId: string, error: unknown) => void;
}

/** The timer handler: writes the copy and sends it; transient failures are retried. */
export function handleTranscriptSend(deps: TranscriptSendDeps) {
  return async (timer: TimerRecord): Promise<void> => {
    const to = typeof timer.data.to === 'string' ? timer.data.to : '';
    const upToSeq = Number(timer.data.upToSeq);
    const conversation = await deps.store.conversations.get(timer.conversationId);
    if (!conversation || !to) return; // erased meanwhile
    const events = await deps.store.conversations.eventsSince(conversation.id, 0, 100_000);
    const text = transcriptText(
      conversation,
      events.filter((e) => e.seq <= upToSeq),
      deps.botName,
    );
    try {
      await deps.send({
        from: deps.from,
        to,
        subject: continueByEmailSubject(deps.teamName, conversation.language),
        text,
        // Sent because the customer asked, not a reply anyone should auto-answer.
        headers: { 'Auto-Submitted': 'auto-generated' },
      });
    } catch (error) {
      if (retriesSend(error, timer.attempts)) throw error;
      // A refused address is the customer's typo: nothing to retry.
      deps.onGiveUp(conversation.id, error);
    }
    // Sent (or given up): the address has served its one purpose and is not kept.
    await deps.store.timers.forgetData(timer.id);
  };
}

/** The copy: one line per message the customer was shown, in order, as plain text. */
export function transcriptText(
  conversation: ConversationRecord,
  events: readonly StoredEvent[],
  botName: string,
): string {
  const language = conversation.language;
  const started = startedLabel(conversation.createdAt);
  const lines = [customerText('email_transcript_intro', language, { started }), ''];
  for (const event of events) {
    if (event.type !== 'message.created') continue;
    const data = event.data;
    const media = Array.isArray(data.media)
      ? (data.media as { fileName?: unknown; mimeType?: unknown }[]).map(
          (m) => `📎 ${String(m.fileName ?? m.mimeType ?? '')}`,
        )
      : [];
    const body = [typeof data.text === 'string' ? data.text : '', ...media]
      .filter((part) => part !== '')
      .join('\n');
    if (!body) continue;
    const time = event.at.slice(11, 16);
    lines.push(`[${time}] ${speaker(data, language, botName)}: ${body}`);
  }
  return `${lines.join('\n')}\n`;
}

function speaker(
  data: Readonly<Record<string, unknown>>,
  language: string | null,
  botName: string,
): string {
  if (data.from === 'customer') return customerText('transcript_you', language, {});
  if (data.from === 'agent' && typeof data.agentName === 'string' && data.agentName)
    return data.agentName;
  if (data.from === 'bot') return `${botName} (${customerText('transcript_bot', language, {})})`;
  return botName;
}
