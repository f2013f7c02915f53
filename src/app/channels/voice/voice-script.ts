/**
 * What the caller hears next, from the conversation's state: the bot's words and another
 * `<Gather>` while the bot is in charge; the wait message and `<Enqueue>` once handed over;
 * after hours the follow-up time, the offer of a voicemail and `<Record>`. On hold, the
 * estimate is told again from the same figures as every channel's (place in line, agents
 * connected, measured handle time): nothing is promised when nobody is there. When that wait
 * is long, the callback is offered at the handoff and on hold (voice-callback.ts).
 */
import {
  renderTwiml,
  twilioLanguage,
  type SayVerb,
  type TwimlVerb,
} from '../../../channels/index.ts';
import { messageEvent } from '../../../core/conversation/conversation-events.ts';
import { customerText } from '../../../core/i18n/customer-text.ts';
import type { ConversationRecord } from '../../../core/records.ts';
import { handoffMessage, isLongQueue } from '../../conversations/customer-messages.ts';
import { teamAvailability } from '../../conversations/team-availability.ts';
import { VoiceCallback } from './voice-callback.ts';
import type { VoiceCallsDeps } from './voice-calls.ts';
import { voiceUrl, type VoiceStep } from './voice-urls.ts';

/** Twilio's queue names are at most 64 characters; a CallSid is 34. */
const QUEUE_NAME_MAX = 64;
/** How long the caller hears hold silence between two estimates. */
const HOLD_PAUSE_SECONDS = 30;
const ON_HOLD = new Set(['queued', 'offered', 'assigned']);

export class VoiceScript {
  private readonly callback: VoiceCallback;

  constructor(private readonly deps: VoiceCallsDeps) {
    this.callback = new VoiceCallback(deps);
  }

  /** After the greeting or the bot's turn: listen again, hold, voicemail, or goodbye. */
  async next(conversation: ConversationRecord, spoken: readonly string[]): Promise<string> {
    const say = this.sayer(conversation);
    const said = spoken.map(say);
    if (conversation.status === 'bot' || conversation.status === 'intake') {
      return renderTwiml([this.listen(conversation, said)]);
    }
    if (ON_HOLD.has(conversation.status)) {
      const queue = await this.putOnHold(conversation);
      // A long wait: the callback is offered before the hold (silence goes on to it).
      const { long } = await this.estimate(conversation);
      const offer = long ? this.callback.offer(conversation, [], 'enqueue') : null;
      return renderTwiml([...said, ...(offer ? [offer] : []), this.enqueue(queue)]);
    }
    if (conversation.status === 'deferred') {
      const language = conversation.language;
      return renderTwiml([
        ...said,
        say(customerText('voice_voicemail_offer', language, {})),
        {
          verb: 'Record',
          action: this.url('recorded'),
          transcribeCallback: this.url('voicemail'),
          maxLengthSeconds: this.deps.config.voicemailMaxSeconds,
        },
        { verb: 'Hangup' },
      ]);
    }
    return renderTwiml([...said, { verb: 'Hangup' }]);
  }

  /** Twilio heard nothing: ask again. */
  notHeard(conversation: ConversationRecord): string {
    const text = customerText('voice_not_heard', conversation.language, {});
    return renderTwiml([this.listen(conversation, [this.sayer(conversation)(text)])]);
  }

  /**
   * The hold loop (`waitUrl`): a pause, then the estimate as it stands now (with the callback
   * offer when the wait is long), and again. The pause comes first because the caller has just
   * heard the estimate when the hold begins.
   */
  async onHold(conversation: ConversationRecord | undefined): Promise<string> {
    const verbs: TwimlVerb[] = [{ verb: 'Pause', seconds: HOLD_PAUSE_SECONDS }];
    if (conversation && (conversation.status === 'queued' || conversation.status === 'offered')) {
      const { text, long } = await this.estimate(conversation);
      const estimate = this.sayer(conversation)(text);
      const offer = long ? this.callback.offer(conversation, [estimate], 'hold') : null;
      verbs.push(offer ?? estimate);
    }
    verbs.push({ verb: 'Redirect', url: this.url('wait') });
    return renderTwiml(verbs);
  }

  /** The callback is promised: say what, and end the call (the conversation stays in line). */
  callbackConfirmed(conversation: ConversationRecord | undefined, text: string): string {
    const language = twilioLanguage(conversation?.language ?? null, this.deps.config.language);
    return renderTwiml([{ verb: 'Say', text, language }, { verb: 'Hangup' }]);
  }

  /** The caller did not choose the callback offered before the hold: on hold now. */
  putBackOnHold(conversation: ConversationRecord | undefined): string {
    const queue = conversation?.channelState.voice?.twilioQueue;
    return renderTwiml(queue ? [this.enqueue(queue)] : [{ verb: 'Hangup' }]);
  }

  /** Twilio says the caller left the hold (bridged and done, hung up, or an error). */
  async leftQueue(
    conversation: ConversationRecord | undefined,
    result: string | undefined,
  ): Promise<string> {
    if (conversation?.channelState.voice?.onHold) {
      await this.deps.writer.commit({
        conversationId: conversation.id,
        changes: {
          channelState: {
            ...conversation.channelState,
            voice: { ...conversation.channelState.voice, onHold: false },
          },
        },
        events: [
          {
            type: 'channel.voice_call',
            actor: { type: 'system' },
            data: { action: 'left_hold', queueResult: result ?? null },
          },
        ],
        now: this.deps.clock(),
      });
    }
    return renderTwiml([{ verb: 'Hangup' }]);
  }

  voicemailSaved(conversation: ConversationRecord | undefined): string {
    const language = conversation?.language ?? this.deps.config.language;
    const text = customerText('voice_voicemail_saved', language, {});
    return renderTwiml([
      { verb: 'Say', text, language: twilioLanguage(language, this.deps.config.language) },
      { verb: 'Hangup' },
    ]);
  }

  /**
   * Twilio's transcription of the voicemail: the customer's request, kept in the deferred
   * conversation with the follow-up time it was promised.
   */
  async voicemail(
    conversation: ConversationRecord | undefined,
    params: Readonly<Record<string, string>>,
  ): Promise<string> {
    if (!conversation) return renderTwiml([]);
    const transcribed =
      params.TranscriptionStatus === 'failed' ? undefined : params.TranscriptionText?.trim();
    const text = transcribed || '[voicemail: no transcription]';
    const followUpAt = await this.promisedFollowUp(conversation);
    const recording = params.RecordingSid ?? params.RecordingUrl ?? params.CallSid ?? '';
    const clientMessageId = `voice:voicemail:${recording}`;
    await this.deps.writer.commit({
      conversationId: conversation.id,
      changes: { preview: text.slice(0, 140) },
      events: [
        messageEvent(
          { type: 'customer' },
          {
            from: 'customer',
            text,
            kind: 'voicemail',
            clientMessageId,
            followUpAt,
            ...(params.RecordingUrl ? { recordingUrl: params.RecordingUrl } : {}),
          },
          clientMessageId,
        ),
      ],
      now: this.deps.clock(),
    });
    return renderTwiml([]);
  }

  private listen(conversation: ConversationRecord, prompt: TwimlVerb[]): TwimlVerb {
    return {
      verb: 'Gather',
      action: this.url('gather'),
      language: twilioLanguage(conversation.language, this.deps.config.language),
      prompt: prompt.filter((v) => v.verb === 'Say'),
    };
  }

  /** The caller's own Twilio queue (named after Baton's), so the agent gets exactly them. */
  private async putOnHold(conversation: ConversationRecord): Promise<string> {
    const state = conversation.channelState.voice ?? { calledNumber: '' };
    const callSid = conversation.externalThread ?? conversation.id;
    const prefix = (conversation.queue ?? 'general').slice(0, QUEUE_NAME_MAX - callSid.length - 1);
    const twilioQueue = `${prefix}-${callSid}`;
    await this.deps.writer.commit({
      conversationId: conversation.id,
      changes: {
        channelState: {
          ...conversation.channelState,
          voice: { ...state, twilioQueue, onHold: true },
        },
      },
      events: [
        {
          type: 'channel.voice_call',
          actor: { type: 'system' },
          data: { action: 'on_hold', twilioQueue },
        },
      ],
      now: this.deps.clock(),
    });
    return twilioQueue;
  }

  /**
   * The wait as the other channels compute it, and whether it is long by their rule. The text
   * never names the written options (carry on by message); a call offers its own callback.
   */
  private async estimate(
    conversation: ConversationRecord,
  ): Promise<{ text: string; long: boolean }> {
    const { store, service, presence } = this.deps;
    const settings = service.waitingSettings;
    const queue = conversation.queue ?? 'general';
    const team = await teamAvailability(store, presence);
    const message = handoffMessage({
      queue,
      position: await store.reads.placeInLine(conversation),
      agentsOnline: team.online,
      freeSlots: team.freeSlots,
      concurrency: team.concurrency,
      language: conversation.language,
      averageHandleMinutes: await service.handleTimes.minutesFor(queue),
      longQueueMinutes: Number.POSITIVE_INFINITY,
      team: settings.teamName(queue, conversation.language),
      overrides: settings.overrides(queue),
    });
    return {
      text: message.text,
      long: isLongQueue(message.band, settings.longQueueMinutes(queue)),
    };
  }

  private enqueue(queue: string): TwimlVerb {
    return { verb: 'Enqueue', queue, waitUrl: this.url('wait'), action: this.url('left-queue') };
  }

  private async promisedFollowUp(conversation: ConversationRecord): Promise<string | null> {
    const events = await this.deps.store.conversations.eventsSince(conversation.id, 0);
    const deferred = events.findLast((e) => e.type === 'conversation.deferred');
    const at = deferred?.data.followUpAt;
    return typeof at === 'string' ? at : null;
  }

  private sayer(conversation: ConversationRecord) {
    const language = twilioLanguage(conversation.language, this.deps.config.language);
    return (text: string): SayVerb => ({ verb: 'Say', text, language });
  }

  private url(step: VoiceStep): string {
    return voiceUrl(this.deps.config.publicBaseUrl, step);
  }
}
