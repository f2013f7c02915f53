/**
 * Messenger's Handover Protocol, the other way: the customer tells the bot app that owns the
 * thread something the policy hands over for (asks for a person, is angry …) while Baton is in
 * standby. As the Page's primary receiver Baton takes the thread (`take_thread_control`) and
 * hands over at once; as a secondary receiver it may only ask the primary for it
 * (`request_thread_control`), and hands over when the thread is passed to it. Through the
 * outbox like a reply, so a failed call is retried; the metadata is the policy's reason code.
 */
import type { TimerRecord } from '../../core/records.ts';
import type { ConversationService } from '../conversations/conversation-service.ts';
import type { ChannelOutboundDeps } from './channel-outbound.ts';
import { callThreadControl, handoverAdapter } from './thread-control-call.ts';

export const TAKE_THREAD_TIMER = 'channel.take_thread';

export interface TakeThreadControlDeps extends ChannelOutboundDeps {
  readonly service: Pick<ConversationService, 'tookThreadFromBot'>;
}

export function handleTakeThreadControl(deps: TakeThreadControlDeps) {
  const send = deps.fetch ?? fetch;
  return async (timer: TimerRecord, now: Date): Promise<void> => {
    const conversation = await deps.store.conversations.get(timer.conversationId);
    const adapter = conversation && handoverAdapter(deps.adapters, conversation.channel);
    const reason = typeof timer.data.reason === 'string' ? timer.data.reason : 'out_of_scope';
    if (!conversation?.externalThread || !adapter) return;
    // Already Baton's (the bot passed it meanwhile), or no longer the bot's conversation.
    if (conversation.channelState.standby !== true || conversation.status !== 'bot') return;
    const take = adapter.handoverRole === 'primary';
    const request = take
      ? adapter.formatTakeThreadControl(conversation.externalThread, reason)
      : adapter.formatRequestThreadControl(conversation.externalThread, reason);
    const edge = take ? 'take_thread_control' : 'request_thread_control';
    const status = await callThreadControl(send, request, timer, edge);
    const done = status >= 200 && status < 300;
    const action = take ? (done ? 'took' : 'take_failed') : done ? 'requested' : 'request_failed';
    await deps.writer.commit({
      conversationId: conversation.id,
      events: [
        {
          type: 'channel.thread_control',
          actor: { type: 'system' },
          data: { action, appId: adapter.botAppId ?? null, reason, ...(done ? {} : { status }) },
        },
      ],
      // Taken: Baton owns the thread and may speak in it again.
      ...(take && done
        ? { changes: { channelState: { ...conversation.channelState, standby: false } } }
        : {}),
      now,
    });
    if (take && done) await deps.service.tookThreadFromBot(conversation.id, reason);
  };
}

export interface QueueTakeThreadDeps {
  readonly store: TakeThreadControlDeps['store'];
  readonly service: Pick<ConversationService, 'standbyHandoffReason'>;
  readonly clock: () => Date;
  readonly kick?: () => void;
}

/**
 * Runs the policy on a conversation whose thread the bot app owns, after a customer's standby
 * message; queues one take (or request) when it decides a handoff.
 */
export async function queueTakeThreadIfWanted(
  deps: QueueTakeThreadDeps,
  conversationId: string,
): Promise<void> {
  const reason = await deps.service.standbyHandoffReason(conversationId);
  if (!reason) return;
  const pending = await deps.store.timers.pendingFor(conversationId);
  if (pending.some((t) => t.kind === TAKE_THREAD_TIMER)) return;
  if (await requestOutstanding(deps, conversationId)) return;
  const now = deps.clock();
  await deps.store.timers.schedule(
    conversationId,
    { kind: TAKE_THREAD_TIMER, dueAt: now, data: { reason } },
    now,
  );
  deps.kick?.();
}

/**
 * Whether Baton asked for the thread and nothing has moved it since: the last thread-control
 * action other than a standby message's is Baton's `requested`. The bot app answers one
 * request; asking again on every message would only repeat it. A pass, a take or Baton's
 * pass back ends it, so a handoff due after the thread went back to the bot asks anew.
 */
async function requestOutstanding(
  deps: QueueTakeThreadDeps,
  conversationId: string,
): Promise<boolean> {
  const events = await deps.store.conversations.eventsSince(conversationId, 0, 100_000);
  const last = events.findLast(
    (e) => e.type === 'channel.thread_control' && e.data.action !== 'standby',
  );
  return last?.data.action === 'requested';
}
