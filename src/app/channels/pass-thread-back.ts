/**
 * Messenger's Handover Protocol, Baton's half: when a conversation that another bot app
 * passed to Baton returns to the bot or is resolved, Baton passes the thread back to that app
 * (`pass_thread_control`), through the outbox like a reply, so a failed call is retried and
 * never lost. Once passed, Baton is in standby for the thread and says nothing there.
 */
import type { TimerRecord } from '../../core/records.ts';
import { SEND_TIMER, type ChannelOutboundDeps } from './channel-outbound.ts';
import { callThreadControl, handoverAdapter } from './thread-control-call.ts';

export const PASS_BACK_TIMER = 'channel.pass_thread_back';
/** How long a pass waits while Baton's last messages in the thread are still going out. */
const AFTER_LAST_SEND_MS = 1000;
const BACK_TO_THE_BOT = new Set(['conversation.returned_to_bot', 'conversation.resolved']);

/** The same outbox as replies (channel-outbound.ts). */
export type PassThreadBackDeps = ChannelOutboundDeps;

/** Queues a pass back for each conversation of a handover channel that leaves the people. */
export function queuePassThreadBack(deps: PassThreadBackDeps): () => void {
  return deps.bus.subscribe(({ conversation, events }) => {
    if (!conversation.externalThread || !handoverAdapter(deps.adapters, conversation.channel)) {
      return;
    }
    if (!events.some((e) => BACK_TO_THE_BOT.has(e.type))) return;
    const now = deps.clock();
    deps.store.timers
      .schedule(conversation.id, { kind: PASS_BACK_TIMER, dueAt: now, data: {} }, now)
      .then(deps.kick, deps.onError);
  });
}

export function handlePassThreadBack(deps: PassThreadBackDeps) {
  const send = deps.fetch ?? fetch;
  return async (timer: TimerRecord, now: Date): Promise<void> => {
    const conversation = await deps.store.conversations.get(timer.conversationId);
    const adapter = conversation && handoverAdapter(deps.adapters, conversation.channel);
    if (!conversation?.externalThread || !adapter?.botAppId) return;
    // Already in standby: the bot app took the thread back itself.
    if (conversation.channelState.standby === true) return;
    // Baton's last words in the thread (the resolve or return notice) go out first: once the
    // thread is passed, nothing more may be sent there.
    const sending = (await deps.store.timers.pendingFor(conversation.id)).some(
      (t) => t.kind === SEND_TIMER && t.id !== timer.id,
    );
    if (sending) {
      // Not a failure: try again shortly, after them.
      await deps.store.timers.schedule(
        conversation.id,
        { kind: PASS_BACK_TIMER, dueAt: new Date(now.getTime() + AFTER_LAST_SEND_MS), data: {} },
        now,
      );
      return;
    }
    const request = adapter.formatPassThreadControl(
      conversation.externalThread,
      adapter.botAppId,
      JSON.stringify({
        from: 'baton',
        conversationId: conversation.id,
        status: conversation.status,
      }),
    );
    const status = await callThreadControl(send, request, timer, 'pass_thread_control');
    const passed = status >= 200 && status < 300;
    await deps.writer.commit({
      conversationId: conversation.id,
      events: [
        {
          type: 'channel.thread_control',
          actor: { type: 'system' },
          data: passed
            ? { action: 'passed', appId: adapter.botAppId }
            : { action: 'pass_failed', appId: adapter.botAppId, status },
        },
      ],
      ...(passed
        ? { changes: { channelState: { ...conversation.channelState, standby: true } } }
        : {}),
      now,
    });
  };
}
