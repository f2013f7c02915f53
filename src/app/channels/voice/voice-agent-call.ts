/**
 * When an agent accepts a handed-over call in the inbox, Baton rings their phone (or their
 * browser as `client:<identity>`: voice-browser-client.ts) through Twilio's REST API
 * (`Calls.json`) so they can be bridged to the caller on hold. The call is queued as a timer
 * (the outbox, like replies in channel-outbound.ts): a network error, 429 or 5xx is tried
 * again when the lease lapses, after checking that the earlier attempt did not create the call
 * after all (earlier-call-lookup.ts, as for the call back); the outcome (rung, with the call's
 * sid, refused, or why nobody was rung) is an event on the conversation the agent sees.
 */
import { formatAgentCall, parseCallSid } from '../../../channels/index.ts';
import type { EventBus } from '../../../bus/event-bus.ts';
import type { EventData } from '../../../core/conversation/conversation-events.ts';
import type { ConversationRecord, TimerRecord } from '../../../core/records.ts';
import type { Store } from '../../../store/store.ts';
import type { ConversationWriter } from '../../conversations/conversation-writer.ts';
import { sendToProvider } from '../provider-call.ts';
import { callsElsewhere, findEarlierCall } from './earlier-call-lookup.ts';
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
    const assigned = events.findLast((e) => e.type === 'conversation.assigned');
    if (!assigned) return;
    const now = deps.clock();
    // `seq`: the calls recorded after the assignment are this ring's (earlier-call-lookup.ts).
    const data = { agentId: conversation.assigneeId, seq: assigned.seq };
    deps.store.timers
      .schedule(conversation.id, { kind: VOICE_AGENT_CALL_TIMER, dueAt: now, data }, now)
      .then(deps.kick, deps.onError);
  });
}

export function handleAgentCall(deps: VoiceAgentCallDeps) {
  return async (timer: TimerRecord, now: Date): Promise<void> => {
    const conversation = await deps.store.conversations.get(timer.conversationId);
    const agentId = String(timer.data.agentId);
    // Timers queued before `seq` was kept count every recorded call as earlier.
    const seq = typeof timer.data.seq === 'number' ? timer.data.seq : Number.MAX_SAFE_INTEGER;
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
    const from = deps.config.callerId ?? voice.calledNumber;
    const events = await deps.store.conversations.eventsSince(conversation.id, 0);
    // Already rung (the lease lapsed after Twilio's answer was recorded): never ring twice.
    const rungSince = (e: (typeof events)[number]) =>
      e.seq > seq && e.type === 'channel.voice_call' && e.data.action === 'agent_called';
    if (events.some(rungSince)) return;
    // A retry: the last attempt may have reached Twilio without its answer reaching Baton.
    if (timer.attempts > 1) {
      const earlier = await findEarlierCall(
        deps.config,
        {
          step: 'agent_',
          to: line.to,
          from,
          requestedAt: new Date(timer.dueAt),
          seq,
          events,
          // The agent's other callers ring the same line: their calls are not this one's.
          ...(await callsElsewhere(deps.store, {
            step: 'agent_',
            timerKind: VOICE_AGENT_CALL_TIMER,
            conversationId: conversation.id,
            requestedAt: new Date(timer.dueAt),
            sameAddress: (other) => other.agentId === agentId,
          })),
        },
        deps.fetch,
      );
      if (earlier.kind === 'found') {
        const data = {
          agentId,
          to: line.to,
          callSid: earlier.callSid,
          foundOnRetry: true as const,
        };
        return record(deps, conversation, now, { action: 'agent_called', ...data }, agentId);
      }
      if (earlier.kind === 'unknown' || earlier.kind === 'ambiguous') {
        if (timer.attempts < MAX_ATTEMPTS) {
          throw new Error(
            earlier.kind === 'unknown'
              ? `Twilio's call list answered ${earlier.status}; retrying the agent call`
              : "another caller's ring to this agent is being placed; retrying the agent call",
          );
        }
        // Whether the call exists is unknown: failed, with the list's status.
        const status = earlier.kind === 'unknown' ? earlier.status : 0;
        const data = { agentId, to: line.to, status };
        return record(deps, conversation, now, { action: 'agent_call_failed', ...data });
      }
    }
    const request = formatAgentCall(deps.config, {
      to:
        line.kind === 'browser'
          ? clientWithParameters(line.to, {
              conversation: conversation.id,
              caller: callerLabel(conversation),
            })
          : line.to,
      from,
      url: voiceUrl(deps.config.publicBaseUrl, 'agent', { conversation: conversation.id }),
    });
    let status = 0;
    let body = '';
    try {
      ({ status, body } = await sendToProvider(request, deps.fetch));
    } catch (error) {
      if (timer.attempts < MAX_ATTEMPTS) throw error;
    }
    const retriable = status === 0 || status === 429 || status >= 500;
    if (retriable && timer.attempts < MAX_ATTEMPTS) {
      throw new Error(`Twilio answered ${status} to the agent call; retrying`);
    }
    const rung = status >= 200 && status < 300;
    const callSid = rung ? parseCallSid(body) : undefined;
    return record(
      deps,
      conversation,
      now,
      {
        action: rung ? 'agent_called' : 'agent_call_failed',
        agentId,
        to: line.to,
        ...(callSid ? { callSid } : {}),
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
