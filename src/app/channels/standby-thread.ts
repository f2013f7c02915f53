/**
 * Messenger's Handover Protocol as it reaches Baton, with a bot app configured: what the
 * customer tells the bot while Baton is in standby, and the bot's answers, are kept, without a
 * word from Baton's own bot, so the person who takes over has the transcript; a pass to Baton is
 * a handoff; and the policy listens in standby, asking for the thread when a person is due
 * (take-thread-control.ts).
 */
import type { ThreadControlEvent } from '../../channels/index.ts';
import { splitThreadId } from '../../channels/thread-id.ts';
import { messageCreated } from '../../core/conversation/conversation-events.ts';
import type { NewEvent } from '../../core/records.ts';
import type { Store } from '../../store/store.ts';
import type { ConversationService } from '../conversations/conversation-service.ts';
import type { ConversationWriter } from '../conversations/conversation-writer.ts';
import type { EnabledAdapters } from './create-adapters.ts';
import { queueTakeThreadIfWanted } from './take-thread-control.ts';
import { openOrStartThreadConversation } from './thread-conversation.ts';

export interface StandbyThreadDeps {
  readonly store: Store;
  readonly writer: ConversationWriter;
  readonly service: ConversationService;
  readonly clock: () => Date;
  readonly adapters?: EnabledAdapters;
  readonly kick?: () => void;
  readonly onError?: (error: unknown) => void;
  /** Cuts a provider text to the message limit, saying so. */
  readonly limited: (text: string) => string;
}

/** The bot app sharing this channel's threads with Baton, if one is configured. */
export function botAppOf(adapters: EnabledAdapters | undefined, channel: string) {
  const adapter = adapters?.get(channel) as { botAppId?: string } | undefined;
  return adapter?.botAppId;
}

export async function receiveInStandbyThread(
  deps: StandbyThreadDeps,
  channel: string,
  // A request for the thread is not acted on (the inbound handler drops it before).
  event: ThreadControlEvent & { readonly action: 'pass' | 'take' | 'standby' },
): Promise<void> {
  const open = () => deps.store.conversations.findOpenByThread(channel, event.threadId);
  const heard = heardInStandby(deps, channel, event);
  const customerSpoke = heard.some((e) => e.actor.type === 'customer');
  // Only a customer's words or a pass start a conversation; a take, a bare standby notice
  // (a read, a delivery) or the bot app's own message (a broadcast may reach thousands)
  // matters only to one that is open.
  if (!customerSpoke && event.action !== 'pass') {
    const found = await open();
    if (!found) return;
    if (found.channelState.standby === true && heard.length === 0) return;
  }
  const conversation = await openOrStartThreadConversation(open, async () => {
    const { customerId } = splitThreadId(event.threadId);
    const started = await deps.service.start({
      channel,
      customer: { id: `${channel}:${customerId}` },
      language: null,
      externalThread: event.threadId,
      greet: false,
    });
    return started.conversation;
  });
  const standby = event.action !== 'pass';
  const stored = await deps.writer.commit({
    conversationId: conversation.id,
    events: [
      {
        type: 'channel.thread_control',
        actor: { type: 'system' },
        data: { action: event.action, appId: event.appId ?? null },
      },
      ...heard,
    ],
    changes: { channelState: { ...conversation.channelState, standby } },
    now: deps.clock(),
  });
  if (event.action === 'pass') {
    await deps.service.botPassedControl(conversation.id, event.metadata);
  } else if (stored.ok && customerSpoke && event.action === 'standby') {
    // Stored first, so a failing policy cannot lose the customer's words.
    await queueTakeThreadIfWanted(deps, conversation.id).catch((error: unknown) =>
      deps.onError?.(error),
    );
  }
}

/**
 * A standby message as the transcript keeps it: the customer's words, or the bot app's own
 * answer (its echo) as a bot message marked with that app, which is never sent anywhere.
 * Other echoes (Baton's own sends, recorded when sent; the Page inbox) are not kept.
 */
function heardInStandby(
  deps: StandbyThreadDeps,
  channel: string,
  event: ThreadControlEvent,
): NewEvent[] {
  const message = event.message;
  if (!message) return [];
  const botAppId = message.echo ? botAppOf(deps.adapters, channel) : undefined;
  if (message.echo && (!botAppId || message.appId !== botAppId)) return [];
  const clientMessageId = `${channel}:${message.providerMessageId}`;
  const extra = {
    clientMessageId,
    providerMessageId: message.providerMessageId,
    providerAt: event.at,
    standby: true,
    ...(botAppId ? { botAppId } : {}),
  };
  return [
    messageCreated(
      botAppId ? { type: 'bot' } : { type: 'customer' },
      { text: deps.limited(message.text ?? '[message]'), extra },
      clientMessageId,
    ),
  ];
}
