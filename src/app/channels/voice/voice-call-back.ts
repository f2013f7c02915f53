/**
 * "Call back" in the inbox: the agent who has a voice conversation (or a callback request the
 * customer left) asks Baton to call the customer. Baton records "Calling back …" and queues the
 * call as a timer (the outbox, like the agent's ring in voice-agent-call.ts): Calls.json with
 * To = the customer, From = the Twilio number, Url = the TwiML that bridges them to the agent's
 * own line (voice-call-back-leg.ts), and a status callback; a network error, 429 or 5xx is
 * tried again when the lease lapses, after checking that the earlier attempt did not create the
 * call after all (earlier-call-lookup.ts). One call back at a time per conversation.
 */
import { formatAgentCall, parseCallSid } from '../../../channels/index.ts';
import { BatonError } from '../../../core/errors/baton-error.ts';
import type { EventData } from '../../../core/conversation/conversation-events.ts';
import type {
  AgentRecord,
  ConversationRecord,
  StoredEvent,
  TimerRecord,
} from '../../../core/records.ts';
import type { Store } from '../../../store/store.ts';
import type { ConversationWriter } from '../../conversations/conversation-writer.ts';
import { sendToProvider } from '../provider-call.ts';
import { callsElsewhere, findEarlierCall } from './earlier-call-lookup.ts';
import { agentVoiceLine } from './voice-browser-client.ts';
import type { VoiceConfig } from './voice-config.ts';
import { voiceUrl } from './voice-urls.ts';

export const VOICE_CALL_BACK_TIMER = 'voice.call_back';
const MAX_ATTEMPTS = 5;
/** Twilio's final call statuses: after one of them another call back may start. */
const FINAL_STATUSES = new Set(['completed', 'busy', 'failed', 'no-answer', 'canceled']);
/** A call back never heard of again (no status callback reached Baton) stops blocking after this. */
const STALE_MS = 15 * 60_000;
/** A number Twilio can dial, as calls and callback requests store it (E.164). */
const E164 = /^\+[1-9]\d{6,14}$/;

export interface VoiceCallBackDeps {
  readonly config: VoiceConfig | undefined;
  readonly store: Store;
  readonly writer: ConversationWriter;
  readonly clock: () => Date;
  /** Asks the timer loop to run now, so the call starts without waiting for a tick. */
  readonly kick: () => void;
  readonly fetch?: typeof fetch;
}

type CallBackData = EventData<'channel.voice_call'>;

export class VoiceCallBack {
  constructor(private readonly deps: VoiceCallBackDeps) {}

  /**
   * Records "Calling back …" and queues the call. `agent` is the one who talks: the assignee,
   * or a supervisor. Refusals are BatonErrors (the route maps them to 4xx).
   */
  async request(conversation: ConversationRecord, agent: AgentRecord): Promise<StoredEvent[]> {
    const config = this.deps.config;
    if (!config)
      throw new BatonError('CHANNEL_NOT_ENABLED', 'The voice channel is not configured.');
    const supervisor = agent.role === 'supervisor' || agent.role === 'admin';
    if (!supervisor && conversation.assigneeId !== agent.id)
      throw new BatonError('NOT_ASSIGNEE', 'Only the assigned agent or a supervisor calls back.');
    const events = await this.deps.store.conversations.eventsSince(conversation.id, 0);
    const to = numberToCall(conversation, events);
    if (!to) throw new BatonError('NO_PHONE_NUMBER');
    const from = config.callerId ?? conversation.channelState.voice?.calledNumber;
    if (!from)
      throw new BatonError(
        'CHANNEL_NOT_ENABLED',
        'No Twilio number to call from: set channels.voice.callerId.',
      );
    if (agentVoiceLine(config, agent).kind === 'none')
      throw new BatonError(
        'VOICE_NO_LINE',
        'Calls cannot reach you: set your phone number in your account (Calls) first.',
      );
    const now = this.deps.clock();
    if (callBackUnderWay(events, now)) throw new BatonError('CALL_BACK_IN_PROGRESS');
    const result = await this.deps.writer.commit({
      conversationId: conversation.id,
      events: [
        {
          type: 'channel.voice_call',
          actor: { type: 'agent', id: agent.id, name: agent.name },
          data: { action: 'call_back_requested', agentId: agent.id, to },
        },
      ],
      now,
    });
    if (!result.ok) throw new BatonError('CONVERSATION_NOT_FOUND');
    const seq = result.events[0]?.seq ?? 0;
    await this.deps.store.timers.schedule(
      conversation.id,
      { kind: VOICE_CALL_BACK_TIMER, dueAt: now, data: { agentId: agent.id, to, from, seq } },
      now,
    );
    this.deps.kick();
    return result.events;
  }
}

/** The timer's work: one Calls.json request, its outcome recorded on the conversation. */
export function handleCallBack(deps: VoiceCallBackDeps) {
  return async (timer: TimerRecord, now: Date): Promise<void> => {
    const config = deps.config;
    const conversation = await deps.store.conversations.get(timer.conversationId);
    if (!config || !conversation) return;
    const { agentId, to, from, seq } = timer.data as {
      agentId: string;
      to: string;
      from: string;
      seq: number;
    };
    // Already placed (the lease lapsed after Twilio's answer was recorded): never call twice.
    const all = await deps.store.conversations.eventsSince(conversation.id, 0);
    const events = all.filter((e) => e.seq > seq);
    if (events.some((e) => isCallBack(e) && e.data.action === 'call_back_placed')) return;
    const agent = await deps.store.agents.get(agentId);
    const line = agent ? agentVoiceLine(config, agent) : ({ kind: 'none' } as const);
    const record = (data: CallBackData) =>
      deps.writer.commit({
        conversationId: conversation.id,
        events: [{ type: 'channel.voice_call', actor: { type: 'system' }, data }],
        now,
      });
    // A retry: the last attempt may have reached Twilio without its answer reaching Baton.
    if (line.kind !== 'none' && timer.attempts > 1) {
      const requestedAt = new Date(timer.dueAt);
      // Another conversation may call the same number (the same caller, twice): its calls are
      // not this one's, and while one is being placed the list cannot tell them apart.
      const elsewhere = await callsElsewhere(deps.store, {
        step: 'call_back_',
        timerKind: VOICE_CALL_BACK_TIMER,
        conversationId: conversation.id,
        requestedAt,
        sameAddress: (other) => other.to === to && other.from === from,
      });
      const earlier = await findEarlierCall(
        config,
        { step: 'call_back_', to, from, requestedAt, seq, events: all, ...elsewhere },
        deps.fetch,
      );
      if (earlier.kind === 'found') {
        await record({
          action: 'call_back_placed',
          agentId,
          to,
          callSid: earlier.callSid,
          foundOnRetry: true,
        });
        return;
      }
      if (earlier.kind === 'unknown' || earlier.kind === 'ambiguous') {
        if (timer.attempts < MAX_ATTEMPTS) {
          throw new Error(
            earlier.kind === 'unknown'
              ? `Twilio's call list answered ${earlier.status}; retrying the call back`
              : `another conversation's call to ${to} is being placed; retrying the call back`,
          );
        }
        // Whether the call exists is unknown: recorded as failed (with the list's status), so
        // the agent sees it and decides whether to press again.
        const status = earlier.kind === 'unknown' ? earlier.status : 0;
        await record({ action: 'call_back_failed', agentId, to, status });
        return;
      }
    }
    const base = config.publicBaseUrl;
    const request = formatAgentCall(config, {
      to,
      from,
      url: voiceUrl(base, 'call-back', { conversation: conversation.id, agent: agentId }),
      statusCallback: voiceUrl(base, 'call-back-status', { conversation: conversation.id }),
    });
    let answer = { status: 0, body: '' };
    if (line.kind !== 'none') {
      try {
        answer = await sendToProvider(request, deps.fetch);
      } catch (error) {
        if (timer.attempts < MAX_ATTEMPTS) throw error;
      }
      const retriable = answer.status === 0 || answer.status === 429 || answer.status >= 500;
      if (retriable && timer.attempts < MAX_ATTEMPTS) {
        throw new Error(`Twilio answered ${answer.status} to the call back; retrying`);
      }
    }
    const placed = answer.status >= 200 && answer.status < 300;
    const callSid = placed ? parseCallSid(answer.body) : undefined;
    const data: CallBackData = {
      action: placed ? 'call_back_placed' : 'call_back_failed',
      agentId,
      to,
      ...(callSid ? { callSid } : {}),
      ...(placed ? {} : { status: answer.status }),
    };
    await record(data);
  };
}

function isCallBack(
  event: StoredEvent,
): event is StoredEvent & { type: 'channel.voice_call'; data: CallBackData } {
  return (
    event.type === 'channel.voice_call' &&
    typeof event.data.action === 'string' &&
    event.data.action.startsWith('call_back_')
  );
}

/** Whether the last call back is still being placed or under way (and not stale). */
function callBackUnderWay(events: readonly StoredEvent[], now: Date): boolean {
  const last = events.findLast(isCallBack);
  if (!last || now.getTime() - Date.parse(last.at) > STALE_MS) return false;
  const data = last.data;
  if (data.action === 'call_back_failed') return false;
  if (data.action === 'call_back_status') return !FINAL_STATUSES.has(data.callStatus);
  return true;
}

/**
 * The number to call: the one the caller chose for their callback, else the caller's own
 * (E.164, as it came with the call), else the last one a callback request left.
 */
export function numberToCall(
  conversation: ConversationRecord,
  events: readonly StoredEvent[],
): string | null {
  const voice = conversation.channelState.voice;
  const requested = events.findLast((e) => e.type === 'callback.requested')?.data.phone;
  for (const candidate of [voice?.callbackTo, conversation.customer.phone, requested]) {
    if (typeof candidate !== 'string' || !candidate) continue;
    const number = candidate.replace(/[\s().-]/g, '');
    if (E164.test(number)) return number;
  }
  return null;
}
