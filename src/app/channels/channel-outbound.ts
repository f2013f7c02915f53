/**
 * What goes back to a provider: every bot, agent or system message in a channel
 * conversation is queued as a `channel.send` timer (an outbox in the database) and sent
 * into the same thread through the provider's API. A network error or 5xx is retried when
 * the timer's lease lapses; a 4xx, an opted-out customer or a closed WhatsApp window is
 * recorded as a failed delivery the agent can see. Nothing is sent from standby.
 */
import type {
  ApiAdapter,
  ChannelAdapter,
  MessengerReply,
  WhatsAppAdapter,
  WhatsAppTemplate,
} from '../../channels/index.ts';
import { lastCustomerMessageAt, whatsAppWindow } from './whatsapp-window-check.ts';
import { metaSendMode, type MetaSendMode } from '../../channels/messenger/messaging-window.ts';
import type { EventBus } from '../../bus/event-bus.ts';
import type { ConversationWriter } from '../conversations/conversation-writer.ts';
import type { ConversationRecord, StoredEvent, TimerRecord } from '../../core/records.ts';
import type { Store } from '../../store/store.ts';
import type { EnabledAdapters } from './create-adapters.ts';
import { replyChoicesOf } from './reply-choices.ts';
import { sendToProvider } from './provider-call.ts';
import { sentMessageId } from '../../channels/index.ts';

export const SEND_TIMER = 'channel.send';
const MAX_ATTEMPTS = 5;
const OUTBOUND_FROM = new Set(['bot', 'agent', 'system']);

export interface ChannelOutboundDeps {
  readonly store: Store;
  readonly bus: EventBus;
  /** Every conversation write (commit, then publish) goes through it. */
  readonly writer: ConversationWriter;
  readonly adapters: EnabledAdapters;
  readonly clock: () => Date;
  /** Asks the timer loop to run now, so replies do not wait for the next interval. */
  readonly kick: () => void;
  readonly onError: (error: unknown) => void;
  readonly fetch?: typeof fetch;
}

/** Queues a send for each outbound message committed in a channel conversation. */
export function queueOutboundMessages(deps: ChannelOutboundDeps): () => void {
  return deps.bus.subscribe(({ conversation, events }) => {
    if (!conversation.externalThread || !deps.adapters.has(conversation.channel)) return;
    const outbound = events.filter(
      (e) =>
        e.type === 'message.created' &&
        OUTBOUND_FROM.has(e.data.from) &&
        // The bot app's own words, echoed to Baton in standby: already in the thread.
        e.data.botAppId === undefined,
    );
    if (outbound.length === 0) return;
    const now = deps.clock();
    Promise.all(
      outbound.map((e) =>
        deps.store.timers.schedule(
          conversation.id,
          { kind: SEND_TIMER, dueAt: now, data: { seq: e.seq } },
          now,
        ),
      ),
    ).then(deps.kick, deps.onError);
  });
}

export function handleChannelSend(deps: ChannelOutboundDeps) {
  const send = deps.fetch ?? fetch;
  return async (timer: TimerRecord, now: Date): Promise<void> => {
    const conversation = await deps.store.conversations.get(timer.conversationId);
    const seq = Number(timer.data.seq);
    const message = await deps.store.conversations.event(timer.conversationId, seq);
    const adapter = conversation && deps.adapters.get(conversation.channel);
    if (!conversation?.externalThread || !message || !adapter) return;
    const meta = isMetaChannel(adapter.channel)
      ? await metaWindow(deps, conversation.id, message, now)
      : undefined;
    const refusal =
      (await refuse(deps, conversation, adapter, message, now)) ??
      (meta?.kind === 'closed' ? meta.message : null);
    if (refusal) return delivery(deps, conversation, seq, 'failed', refusal, now);
    const template = templateOf(message);
    const text = String(message.data.text ?? '');
    // The options the message offers, for the adapter to render natively (reply-choices.ts).
    const choices = replyChoicesOf(message, conversation.language);
    const offered = choices ? { choices } : {};
    const requests =
      template && adapter.channel === 'whatsapp'
        ? [(adapter as WhatsAppAdapter).formatTemplate(conversation.externalThread, template)]
        : adapter.channel === 'api'
          ? // The open API says who wrote the message, under an id that stays the same on
            // every retry (the receiver dedupes on it).
            (adapter as ApiAdapter).formatReply(conversation.externalThread, {
              text,
              messageId: `${conversation.id}.${seq}`,
              from: senderOf(message),
              ...(message.actor.name ? { agentName: message.actor.name } : {}),
            })
          : meta
            ? // A person's reply after Messenger's 24 hours goes with the HUMAN_AGENT tag.
              adapter.formatReply(conversation.externalThread, {
                text,
                ...offered,
                humanAgent: meta.kind === 'human_agent',
              } as MessengerReply)
            : adapter.formatReply(conversation.externalThread, { text, ...offered });
    // The provider's id of each part sent: its delivery and read statuses name only that.
    const providerMessageIds: string[] = [];
    for (const request of requests) {
      let status: number;
      let body = '';
      try {
        ({ status, body } = await sendToProvider(request, send));
      } catch (error) {
        status = 0;
        if (timer.attempts < MAX_ATTEMPTS) throw error;
      }
      if (status >= 200 && status < 300) {
        const id = sentMessageId(adapter.channel, body);
        if (id) providerMessageIds.push(id);
        continue;
      }
      // Retry what may pass later (network, 429, 5xx); a 4xx will not.
      const retriable = status === 0 || status === 429 || status >= 500;
      if (retriable && timer.attempts < MAX_ATTEMPTS)
        throw new Error(`provider answered ${status}; retrying`);
      return delivery(
        deps,
        conversation,
        seq,
        'failed',
        `the provider refused the message (HTTP ${status})`,
        now,
      );
    }
    return delivery(deps, conversation, seq, 'sent', undefined, now, providerMessageIds);
  };
}

async function refuse(
  deps: ChannelOutboundDeps,
  conversation: ConversationRecord,
  adapter: ChannelAdapter,
  message: StoredEvent,
  now: Date,
): Promise<string | null> {
  if (conversation.channelState.optedOut)
    return 'the customer opted out (STOP); nothing may be sent';
  if (conversation.channelState.standby) return 'another app has the thread (standby)';
  // Templates are what WhatsApp allows outside the window; free text is checked again here
  // because time passes between the post (checked in the route) and the send.
  if (adapter.channel === 'whatsapp' && message.data.from === 'agent' && !templateOf(message)) {
    const events = await deps.store.conversations.eventsSince(conversation.id, 0, 100_000);
    const window = whatsAppWindow(events, now);
    if (!window.ok)
      return `${window.code}: the 24-hour window is closed; send an approved template instead`;
  }
  return null;
}

/** The template an agent sent (send-whatsapp-template.ts), in the Cloud API adapter's terms. */
function templateOf(message: StoredEvent): WhatsAppTemplate | undefined {
  const template = message.data.template as
    { name?: unknown; language?: unknown; parameters?: unknown } | undefined;
  if (typeof template?.name !== 'string' || typeof template.language !== 'string') return undefined;
  const parameters = Array.isArray(template.parameters) ? template.parameters.map(String) : [];
  return {
    name: template.name,
    languageCode: template.language,
    ...(parameters.length > 0 ? { bodyParameters: parameters } : {}),
  };
}

async function delivery(
  deps: ChannelOutboundDeps,
  conversation: ConversationRecord,
  seq: number,
  status: 'sent' | 'failed',
  error: string | undefined,
  now: Date,
  providerMessageIds: readonly string[] = [],
): Promise<void> {
  await deps.writer.commit({
    conversationId: conversation.id,
    events: [
      {
        type: 'message.delivery',
        actor: { type: 'system' },
        data: {
          seq,
          status,
          ...(error ? { error } : {}),
          ...(providerMessageIds.length > 0 ? { providerMessageIds } : {}),
        },
      },
    ],
    now,
  });
}

function senderOf(message: StoredEvent): 'agent' | 'bot' | 'system' {
  const from = message.data.from;
  return from === 'bot' || from === 'system' ? from : 'agent';
}

const isMetaChannel = (channel: string) => channel === 'messenger' || channel === 'instagram';

/** How Messenger and Instagram let this message go now (messaging-window.ts). */
async function metaWindow(
  deps: ChannelOutboundDeps,
  conversationId: string,
  message: StoredEvent,
  now: Date,
): Promise<MetaSendMode> {
  const events = await deps.store.conversations.eventsSince(conversationId, 0, 100_000);
  return metaSendMode(lastCustomerMessageAt(events), now, message.data.from === 'agent');
}
