/**
 * "Press 1 to be called back": the voice form of the long-queue callback. When the wait is
 * long by the rule every channel uses (`isLongQueue`), a caller whose number came with the
 * call is offered a callback instead of staying on the line. Chosen, the request is stored as
 * chat stores it (`callback.requested`, the packet's `callback` field), but for "as soon as
 * someone is free" rather than a half-hour slot: the caller is already in line while the team
 * is open, so the conversation keeps its place, and the agent who takes it calls back instead
 * of being rung to a bridge (voice-agent-call.ts). The caller hears what was promised, then
 * the call ends; leaving the Twilio queue does not abandon the conversation.
 */
import { twilioLanguage, type GatherChoiceVerb, type SayVerb } from '../../../channels/index.ts';
import { messageEvent } from '../../../core/conversation/conversation-events.ts';
import { customerText } from '../../../core/i18n/customer-text.ts';
import type { ConversationRecord } from '../../../core/records.ts';
import { NEGATION } from '../../../core/signals/human-request-lexicon.ts';
import { withCollected } from '../../conversations/queue-fields.ts';
import type { VoiceCallsDeps } from './voice-calls.ts';
import { voiceUrl } from './voice-urls.ts';

/** What Twilio does when the caller does not choose the callback: put them on hold, or keep them there. */
export type AfterChoice = 'enqueue' | 'hold';

const CALLBACK_KEY = '1';
const WAITING = new Set(['queued', 'offered']);

export class VoiceCallback {
  constructor(private readonly deps: VoiceCallsDeps) {}

  /** The offer around `prompt` (the estimate), or null when there is no number to call back. */
  offer(
    conversation: ConversationRecord,
    prompt: readonly SayVerb[],
    after: AfterChoice,
  ): GatherChoiceVerb | null {
    if (!callableNumber(conversation) || conversation.channelState.voice?.callbackTo) return null;
    const language = twilioLanguage(conversation.language, this.deps.config.language);
    const word = this.text(conversation, 'voice_callback_word');
    const offer = this.text(conversation, 'voice_callback_offer', { word });
    return {
      verb: 'GatherChoice',
      action: voiceUrl(this.deps.config.publicBaseUrl, 'callback-choice', { then: after }),
      language,
      hints: word,
      prompt: [...prompt, { verb: 'Say', text: offer, language }],
    };
  }

  /**
   * The caller's answer to the offer. The confirmation to say when they chose the callback
   * (stored now, or already stored: Twilio may post the same answer twice), else null.
   */
  async choose(
    conversation: ConversationRecord | undefined,
    params: Readonly<Record<string, string>>,
  ): Promise<string | null> {
    if (!conversation || !this.chose(conversation, params)) return null;
    const phone = callableNumber(conversation);
    if (!phone) return null;
    const confirmation = this.text(conversation, 'voice_callback_confirmed', {
      digits: [...phone.slice(-4)].join(' '),
    });
    if (conversation.channelState.voice?.callbackTo) return confirmation;
    // A person is about to join (assigned meanwhile): nothing to promise, they stay on hold.
    if (!WAITING.has(conversation.status) || !conversation.handoff) return null;
    const forAgent = `call back ${phone} as soon as someone is free (the caller hung up)`;
    const voice = conversation.channelState.voice ?? { calledNumber: '' };
    const result = await this.deps.writer.commit({
      conversationId: conversation.id,
      expectStatus: ['queued', 'offered'],
      changes: {
        handoff: withCollected(conversation.handoff, { callback: forAgent, phone }),
        channelState: {
          ...conversation.channelState,
          voice: { ...voice, onHold: false, callbackTo: phone },
        },
      },
      events: [
        {
          type: 'callback.requested',
          actor: { type: 'customer' },
          data: { phone, at: null, asSoonAsFree: true, via: 'voice' },
          // One request per call, however often Twilio posts the answer.
          clientMessageId: `voice:callback:${conversation.externalThread ?? conversation.id}`,
        },
        messageEvent({ type: 'bot' }, { text: confirmation, kind: 'callback_confirmed' }),
      ],
      now: this.deps.clock(),
    });
    if (result.ok || result.reason === 'duplicate') return confirmation;
    return null;
  }

  /** The key, or the choice's word in the call's language (or "callback" / "call back"). */
  private chose(conversation: ConversationRecord, params: Readonly<Record<string, string>>) {
    if (params.Digits !== undefined && params.Digits !== '') return params.Digits === CALLBACK_KEY;
    const heard = params.SpeechResult ?? '';
    const said = normalised(heard);
    if (!said) return false;
    // "Don't call me back", "no callback": a negation anywhere makes it no choice; the hold
    // loop asks again, so a caller who meant yes can still press 1.
    if (NEGATION.test(withoutAccents(heard)) || /^no\b/.test(said)) return false;
    const word = normalised(this.text(conversation, 'voice_callback_word'));
    return ` ${said} `.includes(` ${word} `) || /\bcall ?back\b/.test(said);
  }

  private text(
    conversation: ConversationRecord,
    key: 'voice_callback_word' | 'voice_callback_offer' | 'voice_callback_confirmed',
    params: Record<string, string> = {},
  ): string {
    const { waitingSettings } = this.deps.service;
    const language = conversation.language;
    const team = waitingSettings.teamName(conversation.queue, language);
    return customerText(
      key,
      language,
      { team, word: '', digits: '', ...params },
      waitingSettings.overrides(conversation.queue),
    );
  }
}

/** The caller's number when it can be called back (E.164, as it came in `From`). */
function callableNumber(conversation: ConversationRecord): string | null {
  const phone = conversation.customer.phone;
  return typeof phone === 'string' && /^\+[1-9]\d{6,14}$/.test(phone) ? phone : null;
}

function normalised(text: string): string {
  return withoutAccents(text)
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** Lower case without accents, the apostrophes kept (the negation lexicon reads "don't"). */
function withoutAccents(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/’/g, "'");
}
