/**
 * What arrives from a provider, into conversations: a message joins the open conversation
 * of its thread (or starts one), keyed by the provider's message id so a redelivered
 * webhook is stored and answered once; statuses and opt-outs update the conversation
 * without waking the bot. A status is stored as it comes, in any order and even for an id
 * Baton does not know (yet): the reply it names is found by reading (reply-receipts.ts).
 */
import type { ChannelEvent, MessageEvent } from '../../channels/index.ts';
import type { EnabledAdapters } from './create-adapters.ts';
import type { ConversationRecord, NewEvent, StoredEvent } from '../../core/records.ts';
import type { Store } from '../../store/store.ts';
import type { EventBus } from '../../bus/event-bus.ts';
import type { ConversationWriter } from '../conversations/conversation-writer.ts';
import type { ConversationService } from '../conversations/conversation-service.ts';
import {
  findAnsweredEmailConversation,
  findConversationOfSentEmail,
  findEmailConversation,
} from './email/find-email-conversation.ts';
import { parseRating } from '../../core/metrics/parse-rating.ts';
import { detectLanguage } from '../../core/signals/detect-language.ts';
import { csatThanksText } from '../conversations/customer-messages.ts';
import { isRedelivery, openOrStartThreadConversation } from './thread-conversation.ts';
import { answerButtonPress, isOfferedChoice } from './button-press.ts';
import {
  shouldAnswerUnsupported,
  UNSUPPORTED_REPLY_KIND,
  unsupportedReplyText,
} from './unsupported-reply.ts';
import { eventOf, messageCreated } from '../../core/conversation/conversation-events.ts';
import { isUnverifiedCustomer } from '../../core/customer/trusted-customer.ts';
import { botAppOf, receiveInStandbyThread } from './standby-thread.ts';

export interface ChannelInboundDeps {
  readonly store: Store;
  readonly bus: EventBus;
  /** Every conversation write (commit, then publish) goes through it. */
  readonly writer: ConversationWriter;
  readonly service: ConversationService;
  readonly clock: () => Date;
  /** Longer provider texts (an email) are cut to this, marked, rather than refused. */
  readonly messageMaxChars?: number;
  /** The channels' adapters, for their Handover Protocol settings (a bot app's id). */
  readonly adapters?: EnabledAdapters;
  /** Asks the timer loop for a pass now (a take of a thread was queued). */
  readonly kick?: () => void;
  /** A Telegram button's answer, or the policy on a standby message, failed (both stored). */
  readonly onError?: (error: unknown) => void;
}

const OPEN_STATES = ['bot', 'intake', 'queued', 'offered', 'assigned', 'deferred'] as const;
/** A survey answer counts within a day of the resolution; later it is a new conversation. */
const SURVEY_ANSWER_WINDOW_MS = 24 * 60 * 60 * 1000;

export class ChannelInbound {
  constructor(private readonly deps: ChannelInboundDeps) {}

  async handle(channel: string, event: ChannelEvent): Promise<void> {
    switch (event.type) {
      case 'message':
        try {
          return await this.message(channel, event);
        } finally {
          const query = event.interactive?.callbackQueryId;
          if (query) {
            answerButtonPress(this.deps.adapters, channel, query).catch((error: unknown) =>
              this.deps.onError?.(error),
            );
          }
        }
      case 'status': {
        // Email delivery records name only the Message-ID Baton sent, which names the conversation.
        const sentIn =
          !event.threadId && channel === 'email'
            ? await findConversationOfSentEmail(this.deps.store, event.providerMessageId)
            : undefined;
        const thread = event.threadId ?? (sentIn ? { conversationId: sentIn.id } : undefined);
        if (!thread) return;
        return this.record(channel, thread, {
          type: 'message.status',
          data: {
            providerMessageId: event.providerMessageId,
            status: event.status,
            ...(event.error ? { error: event.error } : {}),
          },
        });
      }
      case 'opt_out':
      case 'opt_in':
        return this.record(
          channel,
          event.threadId,
          { type: `channel.${event.type}`, data: { keyword: event.keyword } },
          { optedOut: event.type === 'opt_out' },
        );
      case 'thread_control':
        // Handover protocol: pass_thread_control reaches the app that now owns the thread (us),
        // take_thread_control the app it was taken from (us), and standby events the apps that
        // do not own it. Baton must not reply while another app owns the thread.
        if (event.action === 'request') return;
        if (botAppOf(this.deps.adapters, channel)) {
          const heard = { ...event, action: event.action };
          return receiveInStandbyThread(
            { ...this.deps, limited: (t) => this.limited(t) },
            channel,
            heard,
          );
        }
        return this.record(
          channel,
          event.threadId,
          {
            type: 'channel.thread_control',
            data: { action: event.action, appId: event.appId ?? null },
          },
          { standby: event.action !== 'pass' },
        );
      case 'reaction':
        // Shown to the agent on the message it reacts to; never a turn for the bot.
        return this.record(channel, event.threadId, {
          type: 'channel.reaction',
          data: {
            providerMessageId: event.providerMessageId,
            targetProviderMessageId: event.targetProviderMessageId,
            emoji: event.emoji ?? null,
          },
        });
      case 'read_watermark':
        // Messenger/Instagram name a time, not a message: every reply sent up to it is read.
        return this.record(channel, event.threadId, {
          type: 'message.status',
          data: { status: 'read', readUpTo: event.watermark },
        });
      case 'help':
      case 'message_edited':
      case 'message_deleted':
      case 'system':
      case 'echo':
        // Not acted on yet; the provider's own handling (HELP auto-reply) stands.
        return;
    }
  }

  private async message(channel: string, event: MessageEvent): Promise<void> {
    // Stored before (maybe in a conversation resolved since): a redelivery, dropped.
    if (await isRedelivery(this.deps.store, channel, event)) return;
    const text = this.limited(textOf(event));
    if (await this.surveyAnswer(channel, event, text)) return;
    const conversation = await this.conversationFor(channel, event);
    // `providerAt`: when the customer sent it; a redelivery can arrive much later (the window).
    const extra: Record<string, unknown> = {
      providerMessageId: event.providerMessageId,
      providerAt: event.at,
    };
    // Inline bytes (email attachments) are stored apart; the message keeps the reference.
    if (event.media?.length)
      extra.media = event.media.map(({ content: _bytes, ...media }) => media);
    if (event.interactive) extra.interactive = event.interactive;
    if (event.unsupported) extra.unsupported = event.unsupported;
    if (channel === 'email') {
      // What a reply needs to stay in the thread (see email/email-thread.ts), and whether
      // the sender is who the From line says (shown to the agent on the message).
      extra.email = {
        subject: event.subject ?? '',
        references: event.references ?? [],
        ...(event.authenticity ? { authenticity: event.authenticity } : {}),
      };
    }
    const clientMessageId = `${channel}:${event.providerMessageId}`;
    await this.keepFiles(conversation.id, event);
    if (event.unsupported && !event.text?.trim()) {
      return this.unsupported(conversation, { text, clientMessageId, extra }, event);
    }
    // A pressed button that names one of Baton's choices is that choice, as in the widget.
    const choice = event.interactive?.id;
    const chosen = choice && (await isOfferedChoice(this.deps.store, conversation.id, choice));
    await this.deps.service.postCustomerMessage(
      conversation.id,
      chosen
        ? { text, action: 'choose', choice, clientMessageId, extra }
        : { text, clientMessageId, extra },
      { botInBackground: true },
    );
  }

  /**
   * A message Baton cannot open: stored as what it was, for the agent, and answered with one
   * polite request to describe it, in the same commit, without a bot turn on "[poll message]".
   */
  private async unsupported(
    conversation: ConversationRecord,
    message: { text: string; clientMessageId: string; extra: Record<string, unknown> },
    event: MessageEvent,
  ): Promise<void> {
    const { store, writer, clock } = this.deps;
    const recent = await store.conversations.eventsSince(
      conversation.id,
      Math.max(0, conversation.lastSeq - 200),
      200,
    );
    const answer = shouldAnswerUnsupported(conversation, recent);
    const customerEvent = messageCreated(
      { type: 'customer' },
      {
        text: message.text,
        extra: { clientMessageId: message.clientMessageId, ...message.extra },
      },
      message.clientMessageId,
    );
    const reply = messageCreated(
      { type: 'bot' },
      {
        text: unsupportedReplyText(conversation.language ?? event.customer.language),
        kind: UNSUPPORTED_REPLY_KIND,
      },
    );
    const commit = (withReply: boolean) =>
      writer.commit({
        conversationId: conversation.id,
        expectStatus: withReply ? ['bot', 'intake'] : OPEN_STATES,
        changes: { preview: message.text.slice(0, 140) },
        events: withReply ? [customerEvent, reply] : [customerEvent],
        now: clock(),
      });
    let result = await commit(answer);
    // A person took the conversation in between: store the message, and the bot stays silent.
    if (!result.ok && result.reason === 'conflict' && answer) result = await commit(false);
  }

  /** Stores the files that came with the message (before it is visible to anyone). */
  private async keepFiles(conversationId: string, event: MessageEvent): Promise<void> {
    for (const media of event.media ?? []) {
      if (!media.content) continue;
      await this.deps.store.mediaFiles.put(
        conversationId,
        media.ref,
        {
          mimeType: media.mimeType ?? 'application/octet-stream',
          fileName: media.fileName,
          content: media.content,
        },
        this.deps.clock(),
      );
    }
  }

  /**
   * A rating sent in reply to the survey ("5", "4/5 quick and kind"), after resolution or in a
   * bot-only conversation that was asked (app/timers/bot-survey.ts): kept as the conversation's
   * CSAT with a thank-you in the same thread, instead of starting a new conversation or going
   * to the bot. Anything else, a second rating, or a reply days later is handled as usual.
   */
  private async surveyAnswer(channel: string, event: MessageEvent, text: string) {
    // Cheap test first: most messages are not ratings, and need no look-up of the thread.
    // A pressed rating button carries the rating as its id (customer-messages.ts csatChoices).
    const answer = event.interactive?.id ?? event.text;
    const parsed = answer ? parseRating(answer) : null;
    if (!parsed) return false;
    // Another write between the read and the commit (most often the survey's own delivery
    // record, stored just after the provider took it) is not the bot speaking again: read the
    // conversation again and decide again, rather than hand the rating to the bot.
    for (let attempt = 0; attempt < 3; attempt++) {
      const outcome = await this.rating(channel, event, text, parsed);
      if (outcome !== 'conflict') return outcome;
    }
    return false;
  }

  /** One try at storing a survey answer: true (stored, or stored before), false, or conflict. */
  private async rating(
    channel: string,
    event: MessageEvent,
    text: string,
    parsed: NonNullable<ReturnType<typeof parseRating>>,
  ): Promise<boolean | 'conflict'> {
    const { store, writer, clock } = this.deps;
    const latest =
      channel === 'email'
        ? await findAnsweredEmailConversation(store, event, admittedBy(event))
        : await store.conversations.findLatestByThread(channel, event.threadId);
    if (latest?.status !== 'resolved' && latest?.status !== 'bot') return false;
    const recent = await store.conversations.eventsSince(
      latest.id,
      Math.max(0, latest.lastSeq - 10),
    );
    const clientMessageId = `${channel}:${event.providerMessageId}`;
    // The provider delivered this answer again: it was stored and thanked already.
    if (recent.some((e) => e.data.clientMessageId === clientMessageId)) return true;
    const askedAt = surveyAskedAt(latest, recent);
    if (!askedAt || clock().getTime() - Date.parse(askedAt) > SURVEY_ANSWER_WINDOW_MS) return false;
    if (recent.some((e) => e.type === 'csat.submitted')) return false;
    const result = await writer.commit({
      conversationId: latest.id,
      // With the bot, only while the survey is still the last word (see surveyAskedAt).
      ...(latest.status === 'bot'
        ? { expectStatus: ['bot'] as const, expectLastSeq: latest.lastSeq }
        : {}),
      events: [
        messageCreated(
          { type: 'customer' },
          {
            text,
            kind: 'csat_answer',
            extra: {
              clientMessageId,
              providerMessageId: event.providerMessageId,
              providerAt: event.at,
            },
          },
          clientMessageId,
        ),
        {
          type: 'csat.submitted',
          actor: { type: 'customer' },
          data: { ...parsed, via: channel },
          clientMessageId: 'csat',
        },
        messageCreated(
          { type: 'bot' },
          { text: csatThanksText(latest.language), kind: 'csat_thanks' },
        ),
      ],
      now: clock(),
    });
    if (!result.ok && result.reason === 'conflict') return 'conflict';
    // A redelivery of the same answer is a duplicate: stored once, answered once.
    return result.ok || result.reason === 'duplicate';
  }

  /** Cuts a provider text to the message limit, saying so, instead of losing the message. */
  private limited(text: string): string {
    const max = this.deps.messageMaxChars;
    const chars = [...text];
    if (!max || chars.length <= max) return text;
    const marker = ' […]';
    return chars.slice(0, max - marker.length).join('') + marker;
  }

  private conversationFor(channel: string, event: MessageEvent): Promise<ConversationRecord> {
    return openOrStartThreadConversation(
      () =>
        channel === 'email'
          ? findEmailConversation(this.deps.store, event, admittedBy(event))
          : this.deps.store.conversations.findOpenByThread(channel, event.threadId),
      () => this.startThread(channel, event),
    );
  }

  private async startThread(channel: string, event: MessageEvent): Promise<ConversationRecord> {
    const customer: Record<string, unknown> = { id: `${channel}:${event.customer.externalId}` };
    if (event.customer.name) customer.name = event.customer.name;
    if (event.customer.phone) customer.phone = event.customer.phone;
    if (event.customer.email) customer.email = event.customer.email;
    const unverified = event.authenticity?.verified === false;
    // Mail whose From line SPF, DKIM and DMARC do not vouch for is only a claim: it links to
    // no one (trusted-customer.ts), and starts its own thread so it cannot take over another's.
    if (unverified) customer.verified = false;
    // Known before the greeting, so the greeting is in it: the customer's own first words
    // when they say it clearly, else the channel's hint (Telegram's language_code).
    const language = (event.text && detectLanguage(event.text)) || event.customer.language || null;
    const started = await this.deps.service.start({
      channel,
      customer,
      language,
      externalThread: unverified ? event.providerMessageId : event.threadId,
    });
    return started.conversation;
  }

  private async record(
    channel: string,
    thread: string | { conversationId: string },
    event: Pick<NewEvent, 'type' | 'data'>,
    channelState?: { optedOut?: boolean; standby?: boolean },
  ): Promise<void> {
    const conversations = this.deps.store.conversations;
    const conversation =
      typeof thread === 'string'
        ? await conversations.findLatestByThread(channel, thread)
        : await conversations.get(thread.conversationId);
    if (!conversation) return;
    await this.deps.writer.commit({
      conversationId: conversation.id,
      events: [eventOf(event.type, { type: 'system' }, event.data)],
      ...(channelState
        ? { changes: { channelState: { ...conversation.channelState, ...channelState } } }
        : {}),
      now: this.deps.clock(),
    });
  }
}

/**
 * Which existing conversations an email may join: mail that failed the sender checks joins
 * only conversations that are themselves unverified, never a known customer's.
 */
function admittedBy(event: MessageEvent): (conversation: ConversationRecord) => boolean {
  if (event.authenticity?.verified !== false) return () => true;
  return (conversation) => isUnverifiedCustomer(conversation.customer);
}

/** The customer turn's text: what they wrote, the button they pressed, or what they sent. */
function textOf(event: MessageEvent): string {
  if (event.text?.trim()) return event.text;
  if (event.interactive) return event.interactive.title;
  const caption = event.media?.find((m) => m.caption)?.caption;
  if (caption) return caption;
  if (event.media?.length) return `[${event.media.map((m) => m.kind).join(', ')}]`;
  return `[${event.unsupported ?? 'unsupported'} message]`;
}

/**
 * When the survey this number answers was asked: after a resolution, the resolution (the
 * survey came with it); in a bot-only conversation, the survey itself, and only while it is
 * the last message, since a number written after the bot spoke again answers the bot.
 */
function surveyAskedAt(
  conversation: ConversationRecord,
  recent: readonly StoredEvent[],
): string | null {
  if (conversation.status === 'resolved') {
    const asked = recent.some((e) => e.data.kind === 'csat_request');
    return asked ? conversation.resolvedAt : null;
  }
  const last = recent.findLast((e) => e.type === 'message.created');
  return last?.data.kind === 'csat_request' ? last.at : null;
}
