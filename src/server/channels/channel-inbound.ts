/**
 * What arrives from a provider, into conversations: a message joins the open conversation
 * of its thread (or starts one), keyed by the provider's message id so a redelivered
 * webhook is stored and answered once; statuses and opt-outs update the conversation
 * without waking the bot.
 */
import type { ChannelEvent, MessageEvent } from '../../channels/index.ts';
import type { ConversationRecord, NewEvent } from '../../store/records.ts';
import type { Store } from '../../store/store.ts';
import type { EventBus } from '../../bus/event-bus.ts';
import type { ConversationService } from '../conversations/conversation-service.ts';

export interface ChannelInboundDeps {
  readonly store: Store;
  readonly bus: EventBus;
  readonly service: ConversationService;
  readonly clock: () => Date;
}

export class ChannelInbound {
  constructor(private readonly deps: ChannelInboundDeps) {}

  async handle(channel: string, event: ChannelEvent): Promise<void> {
    switch (event.type) {
      case 'message':
        return this.message(channel, event);
      case 'status':
        if (!event.threadId) return;
        return this.record(channel, event.threadId, {
          type: 'message.status',
          data: {
            providerMessageId: event.providerMessageId,
            status: event.status,
            ...(event.error ? { error: event.error } : {}),
          },
        });
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
        return this.record(
          channel,
          event.threadId,
          {
            type: 'channel.thread_control',
            data: { action: event.action, appId: event.appId ?? null },
          },
          { standby: event.action !== 'pass' },
        );
      case 'help':
      case 'message_edited':
      case 'message_deleted':
      case 'reaction':
      case 'read_watermark':
      case 'system':
      case 'echo':
        // Not acted on yet; the provider's own handling (HELP auto-reply) stands.
        return;
    }
  }

  private async message(channel: string, event: MessageEvent): Promise<void> {
    const conversation = await this.conversationFor(channel, event);
    const text = textOf(event);
    const extra: Record<string, unknown> = { providerMessageId: event.providerMessageId };
    if (event.media?.length) extra.media = event.media;
    if (event.interactive) extra.interactive = event.interactive;
    if (event.unsupported) extra.unsupported = event.unsupported;
    await this.deps.service.postCustomerMessage(
      conversation.id,
      { text, clientMessageId: `${channel}:${event.providerMessageId}`, extra },
      { botInBackground: true },
    );
  }

  private async conversationFor(channel: string, event: MessageEvent): Promise<ConversationRecord> {
    const open = await this.deps.store.conversations.findOpenByThread(channel, event.threadId);
    if (open) return open;
    const customer: Record<string, unknown> = { id: `${channel}:${event.customer.externalId}` };
    if (event.customer.name) customer.name = event.customer.name;
    if (event.customer.phone) customer.phone = event.customer.phone;
    if (event.customer.email) customer.email = event.customer.email;
    const started = await this.deps.service.start({
      channel,
      customer,
      language: null,
      externalThread: event.threadId,
    });
    return started.conversation;
  }

  private async record(
    channel: string,
    thread: string,
    event: Pick<NewEvent, 'type' | 'data'>,
    channelState?: { optedOut?: boolean; standby?: boolean },
  ): Promise<void> {
    const conversation = await this.deps.store.conversations.findLatestByThread(channel, thread);
    if (!conversation) return;
    const result = await this.deps.store.conversations.commit({
      conversationId: conversation.id,
      events: [{ ...event, actor: { type: 'system' } }],
      ...(channelState
        ? { changes: { channelState: { ...conversation.channelState, ...channelState } } }
        : {}),
      now: this.deps.clock(),
    });
    if (result.ok) this.deps.bus.publish(result);
  }
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
