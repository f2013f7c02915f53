/**
 * When an agent accepts a handed-over call in the inbox, Baton rings their phone (or their
 * browser as `client:<identity>`: voice-browser-client.ts) through Twilio's REST API
 * (`Calls.json`) so they can be bridged to the caller on hold. The call is queued as a timer
 * (the outbox, like replies in channel-outbound.ts): a network error, 429 or 5xx is tried
 * again when the lease lapses; the outcome (rung, refused, or why nobody was rung) is an
 * event on the conversation the agent sees.
 */
import { formatAgentCall } from '../../../channels/index.ts';
import type { EventBus } from '../../../bus/event-bus.ts';
import type { EventData } from '../../../core/conversation/conversation-events.ts';
import type { ConversationRecord, TimerRecord } from '../../../core/records.ts';
import type { Store } from '../../../store/store.ts';
import type { ConversationWriter } from '../../conversations/conversation-writer.ts';
import { callProvider } from '../provider-call.ts';
import { callerLabel } from './voice-agent-leg.ts';
import { agentVoiceLine, clientWithParameters } from './voice-browser-client.ts';
import type { VoiceConfig } from './voice-config.ts';
import { voiceUrl } from './voice-urls.ts';

export const VOICE_AGENT_CALL_TIMER = 'voice.call_agent';
const MAX_ATTEMPTS = 5;

export interface VoiceAgentCallDeps {
  readonly config: VoiceConfig;
  readonly store: Store;
  readonly bus: EventBus;
  readonly writer: ConversationWriter;
  readonly clock: () => Date;
  /** Asks the timer loop to run now, so the agent's phone rings without waiting for a tick. */
  readonly kick: () => void;
  readonly onError: (error: unknown) => void;
  readonly fetch?: typeof fetch;
}

/** Queues a call to the agent each time a caller on hold is assigned to one. */
export function queueAgentCalls(deps: VoiceAgentCallDeps): () => void {
  return deps.bus.subscribe(({ conversation, events }) => {
    if (conversation.channel !== 'voice' || !conversation.assigneeId) return;
    if (!events.some((e) => e.type === 'conversation.assigned')) return;
    const now = deps.clock();
    deps.store.timers
      .schedule(
        conversation.id,
        { kind: VOICE_AGENT_CALL_TIMER, dueAt: now, data: { agentId: conversation.assigneeId } },
        now,
      )
      .then(deps.kick, deps.onError);
  });
}

export function handleAgentCall(deps: VoiceAgentCallDeps) {
  return async (timer: TimerRecord, now: Date): Promise<void> => {
    const conversation = await deps.store.conversations.get(timer.conversationId);
    const agentId = String(timer.data.agentId);
    // Someone else has it now (a transfer, a release): their own assignment rings them.
    if (conversation?.status !== 'assigned' || conversation.assigneeId !== agentId) return;
    const voice = conversation.channelState.voice;
    // The caller chose a callback and hung up: the agent calls them back, nobody is bridged.
    if (voice?.callbackTo) {
      return record(deps, conversation, now, {
        action: 'agent_not_called',
        agentId,
        reason: `the caller asked to be called back at ${voice.callbackTo}`,
        callbackTo: voice.callbackTo,
      });
    }
    if (!voice?.onHold)
      return record(deps, conversation, now, {
        action: 'agent_not_called',
        reason: 'the caller is no longer on hold',
      });
    const agent = await deps.store.agents.get(agentId);
    // Their phone, else their browser (the Voice SDK registered as `client:<identity>`).
    const line = agent ? agentVoiceLine(deps.config, agent) : ({ kind: 'none' } as const);
    if (line.kind === 'none') {
      return record(deps, conversation, now, {
        action: 'agent_not_called',
        agentId,
        reason:
          'no phone number is set for this agent (their profile or channels.voice.agentPhones) and the browser client is off',
      });
    }
    const request = formatAgentCall(deps.config, {
      to:
        line.kind === 'browser'
          ? clientWithParameters(line.to, {
              conversation: conversation.id,
              caller: callerLabel(conversation),
            })
          : line.to,
      from: deps.config.callerId ?? voice.calledNumber,
      url: voiceUrl(deps.config.publicBaseUrl, 'agent', { conversation: conversation.id }),
    });
    let status = 0;
    try {
      status = await callProvider(request, deps.fetch);
    } catch (error) {
      if (timer.attempts < MAX_ATTEMPTS) throw error;
    }
    const retriable = status === 0 || status === 429 || status >= 500;
    if (retriable && timer.attempts < MAX_ATTEMPTS) {
      throw new Error(`Twilio answered ${status} to the agent call; retrying`);
    }
    const rung = status >= 200 && status < 300;
    return record(
      deps,
      conversation,
      now,
      {
        action: rung ? 'agent_called' : 'agent_call_failed',
        agentId,
        to: line.to,
        ...(rung ? {} : { status }),
      },
      rung ? agentId : undefined,
    );
  };
}

/**
 * The outcome on the conversation. The call state names the agent rung (for their inbox), and
 * no one after a failed or skipped call, so an earlier agent's mark does not linger.
 */
async function record(
  deps: VoiceAgentCallDeps,
  conversation: ConversationRecord,
  now: Date,
  data: EventData<'channel.voice_call'>,
  rungAgentId?: string,
): Promise<void> {
  // Read again: the caller may have left hold while Twilio was being asked.
  const current = await deps.store.conversations.get(conversation.id);
  const voice = current?.channelState.voice;
  const { rungAgentId: _previous, ...rest } = voice ?? { calledNumber: '' };
  const changed = current && voice && voice.rungAgentId !== rungAgentId;
  await deps.writer.commit({
    conversationId: conversation.id,
    events: [{ type: 'channel.voice_call', actor: { type: 'system' }, data }],
    ...(changed
      ? {
          changes: {
            channelState: {
              ...current.channelState,
              voice: rungAgentId ? { ...rest, rungAgentId } : rest,
            },
          },
        }
      : {}),
    now,
  });
}
