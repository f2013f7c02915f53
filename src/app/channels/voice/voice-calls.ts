/**
 * Phone calls through Twilio Voice, as a conversation like any other: the call (its CallSid)
 * is the thread, the caller's number the identity, each thing they say (Twilio's speech
 * transcript) a customer message that goes through the same policy and bot as text. Twilio
 * waits for an answer, so unlike the text channels the bot's turn is awaited and what it said
 * is spoken back (`<Say>`) in the same response; a handoff puts the caller on hold
 * (`<Enqueue>`), after hours they may leave a voicemail (`<Record>`).
 */
import {
  readTwilioForm,
  type InboundRequest,
  type InboundResult,
} from '../../../channels/index.ts';
import { reject } from '../../../channels/reject.ts';
import type { ConversationRecord, StoredEvent } from '../../../core/records.ts';
import { customerText } from '../../../core/i18n/customer-text.ts';
import type { Store } from '../../../store/store.ts';
import type { ConversationService } from '../../conversations/conversation-service.ts';
import type { ConversationWriter } from '../../conversations/conversation-writer.ts';
import type { PresencePort } from '../../conversations/ports.ts';
import { openOrStartThreadConversation } from '../thread-conversation.ts';
import { VoiceAgentLeg } from './voice-agent-leg.ts';
import { VoiceCallback } from './voice-callback.ts';
import { VoiceCallBackLeg } from './voice-call-back-leg.ts';
import type { VoiceConfig } from './voice-config.ts';
import { VoiceScript } from './voice-script.ts';
import type { VoiceStep } from './voice-urls.ts';

export interface VoiceCallsDeps {
  readonly config: VoiceConfig;
  readonly store: Store;
  readonly writer: ConversationWriter;
  readonly service: ConversationService;
  readonly presence: Pick<PresencePort, 'isConnected'>;
  readonly clock: () => Date;
  readonly messageMaxChars: number;
}

/** TwiML for Twilio, or the refusal (bad signature, missing parameters) with its status. */
export type VoiceAnswer = { readonly kind: 'twiml'; readonly body: string } | InboundResult;

const E164 = /^\+[1-9]\d{6,14}$/;

export class VoiceCalls {
  private readonly script: VoiceScript;
  private readonly agentLeg: VoiceAgentLeg;
  private readonly callback: VoiceCallback;
  private readonly callBack: VoiceCallBackLeg;

  constructor(private readonly deps: VoiceCallsDeps) {
    this.script = new VoiceScript(deps);
    this.agentLeg = new VoiceAgentLeg(deps);
    this.callback = new VoiceCallback(deps);
    this.callBack = new VoiceCallBackLeg(deps);
  }

  /** Verifies the signature first (403 when it does not match), then answers the step. */
  async handle(step: VoiceStep, request: InboundRequest): Promise<VoiceAnswer> {
    const form = readTwilioForm(request, this.deps.config);
    if (!form.ok) return form.rejected;
    const params = form.params;
    const callSid = params.CallSid;
    if (!callSid) return reject('MALFORMED_PAYLOAD', 'Expected a CallSid parameter.');
    const twiml = (body: string): VoiceAnswer => ({ kind: 'twiml', body });
    switch (step) {
      case 'incoming':
        return this.incoming(params);
      case 'gather':
        return this.gather(params);
      case 'wait':
        return twiml(await this.script.onHold(await this.latest(callSid)));
      case 'callback-choice':
        return twiml(await this.callbackChoice(callSid, params, request.query.then));
      case 'left-queue':
        return twiml(await this.script.leftQueue(await this.latest(callSid), params.QueueResult));
      case 'recorded':
        return twiml(this.script.voicemailSaved(await this.latest(callSid)));
      case 'voicemail':
        return twiml(await this.script.voicemail(await this.latest(callSid), params));
      case 'agent':
        return twiml(await this.agentLeg.answered(request.query.conversation));
      case 'connecting':
        return twiml(await this.agentLeg.connecting(request.query.conversation, callSid));
      case 'call-back':
        return twiml(
          await this.callBack.answered(request.query.conversation, request.query.agent, params),
        );
      case 'call-back-status': {
        const id = request.query.conversation;
        const conversation = id ? await this.deps.store.conversations.get(id) : undefined;
        return twiml(await this.callBack.status(conversation, params));
      }
    }
  }

  /** A new call: its conversation (the greeting says it is an automated assistant), then listen. */
  private async incoming(params: Readonly<Record<string, string>>): Promise<VoiceAnswer> {
    const { CallSid: callSid = '', From: from, To: to } = params;
    if (!from || !to) return reject('MALFORMED_PAYLOAD', 'Expected From and To parameters.');
    let started: StoredEvent[] = [];
    const conversation = await openOrStartThreadConversation(
      () => this.deps.store.conversations.findOpenByThread('voice', callSid),
      async () => {
        const result = await this.deps.service.start({
          channel: 'voice',
          customer: { id: `voice:${from}`, ...(E164.test(from) ? { phone: from } : {}) },
          language: this.deps.config.language,
          externalThread: callSid,
        });
        started = result.events;
        return result.conversation;
      },
    );
    const current = conversation.channelState.voice
      ? conversation
      : await this.keepCalledNumber(conversation, to);
    // Twilio asked again for a call it already had: say again what was said last.
    const spoken = started.length > 0 ? botTexts(started) : await this.lastBotText(current);
    return { kind: 'twiml', body: await this.script.next(current, spoken) };
  }

  /** What the caller said (Twilio's transcript) is their message; the bot's turn is awaited. */
  private async gather(params: Readonly<Record<string, string>>): Promise<VoiceAnswer> {
    const callSid = params.CallSid ?? '';
    const conversation = await this.deps.store.conversations.findOpenByThread('voice', callSid);
    // No open conversation for this call (resolved meanwhile, or never seen): start afresh.
    if (!conversation) return this.incoming(params);
    const speech = limited((params.SpeechResult ?? '').trim(), this.deps.messageMaxChars);
    if (!speech) return { kind: 'twiml', body: this.script.notHeard(conversation) };
    const confidence = Number(params.Confidence);
    const posted = await this.deps.service.postCustomerMessage(conversation.id, {
      text: speech,
      extra: {
        spoken: true,
        ...(Number.isFinite(confidence) ? { speechConfidence: confidence } : {}),
      },
    });
    const now = await this.deps.service.get(conversation.id);
    return { kind: 'twiml', body: await this.script.next(now, botTexts(posted.events)) };
  }

  /** The answer to the callback offer: the confirmation and goodbye, else back to the hold. */
  private async callbackChoice(
    callSid: string,
    params: Readonly<Record<string, string>>,
    then: string | undefined,
  ): Promise<string> {
    const conversation = await this.latest(callSid);
    const confirmation = await this.callback.choose(conversation, params);
    if (confirmation !== null) return this.script.callbackConfirmed(conversation, confirmation);
    // Offered before `<Enqueue>`, the caller is not in the Twilio queue yet.
    if (then === 'enqueue') return this.script.putBackOnHold(conversation);
    return this.script.onHold(conversation);
  }

  private async latest(callSid: string): Promise<ConversationRecord | undefined> {
    return this.deps.store.conversations.findLatestByThread('voice', callSid);
  }

  private async keepCalledNumber(
    conversation: ConversationRecord,
    calledNumber: string,
  ): Promise<ConversationRecord> {
    const result = await this.deps.writer.commit({
      conversationId: conversation.id,
      changes: { channelState: { ...conversation.channelState, voice: { calledNumber } } },
      events: [],
      now: this.deps.clock(),
    });
    return result.ok ? result.conversation : conversation;
  }

  private async lastBotText(conversation: ConversationRecord): Promise<string[]> {
    const recent = await this.deps.store.conversations.eventsSince(
      conversation.id,
      Math.max(0, conversation.lastSeq - 50),
    );
    const last = botTexts(recent).at(-1);
    return last ? [last] : [customerText('voice_not_heard', conversation.language, {})];
  }
}

/** The texts the bot said among these events, in order. */
function botTexts(events: readonly StoredEvent[]): string[] {
  const texts: string[] = [];
  for (const e of events) {
    if (e.type === 'message.created' && e.data.from === 'bot' && e.data.text) {
      texts.push(e.data.text);
    }
  }
  return texts;
}

/** Cuts a long transcript to the message limit, marked, rather than refusing what was said. */
function limited(text: string, max: number): string {
  const chars = [...text];
  return chars.length <= max ? text : `${chars.slice(0, max - 4).join('')} […]`;
}
