/**
 * The agent's side of a handed-over call. When the agent Baton rang (voice-agent-call.ts)
 * answers, Twilio fetches `agent`: they hear the handoff summary (who, why, what they want),
 * then `<Dial><Queue>` bridges them to the caller waiting in that caller's own queue. Before
 * the bridge Twilio fetches `connecting` for the caller, who hears which person is joining.
 * (Twilio plays `<Queue url>` to the queued caller, never to the agent, so the summary is in
 * the agent's own TwiML and not there.)
 */
import { renderTwiml, twilioLanguage } from '../../../channels/index.ts';
import type { HandoffPacket } from '../../../core/handoff/handoff-packet.ts';
import { customerText } from '../../../core/i18n/customer-text.ts';
import type { ConversationRecord } from '../../../core/records.ts';
import type { VoiceCallsDeps } from './voice-calls.ts';
import { voiceUrl } from './voice-urls.ts';

/** The agent hears English: agent-facing words are not in the customer catalogues. */
const AGENT_LANGUAGE = 'en-US';

export class VoiceAgentLeg {
  constructor(private readonly deps: VoiceCallsDeps) {}

  async answered(conversationId: string | undefined): Promise<string> {
    const conversation = conversationId
      ? await this.deps.store.conversations.get(conversationId)
      : undefined;
    const voice = conversation?.channelState.voice;
    if (!conversation || !voice?.twilioQueue || !voice.onHold) {
      return renderTwiml([
        { verb: 'Say', text: 'The caller is no longer on hold.', language: AGENT_LANGUAGE },
        { verb: 'Hangup' },
      ]);
    }
    return renderTwiml([
      { verb: 'Say', text: handoffWhisper(conversation), language: AGENT_LANGUAGE },
      {
        verb: 'DialQueue',
        queue: voice.twilioQueue,
        whisperUrl: voiceUrl(this.deps.config.publicBaseUrl, 'connecting', {
          conversation: conversation.id,
        }),
      },
    ]);
  }

  /** Played to the caller just before the bridge: who is joining. */
  async connecting(conversationId: string | undefined, callSid: string): Promise<string> {
    const conversation = conversationId
      ? await this.deps.store.conversations.get(conversationId)
      : undefined;
    // Only the caller of this conversation is told; anything else hears nothing.
    if (!conversation || conversation.externalThread !== callSid) return renderTwiml([]);
    const agent = conversation.assigneeId
      ? await this.deps.store.agents.get(conversation.assigneeId)
      : undefined;
    const language = conversation.language;
    const team = this.deps.service.waitingSettings.teamName(conversation.queue, language);
    const text = customerText('agent_joined', language, {
      agent: agent?.name ?? team,
      team,
    });
    return renderTwiml([
      { verb: 'Say', text, language: twilioLanguage(language, this.deps.config.language) },
    ]);
  }
}

/** Who is calling, as the agent is told: the caller's name, else their number. */
export function callerLabel(conversation: Pick<ConversationRecord, 'customer'>): string {
  const customer = conversation.customer;
  return (
    (typeof customer.name === 'string' && customer.name) ||
    (typeof customer.phone === 'string' && customer.phone) ||
    'an unknown number'
  );
}

/** What the agent hears before the bridge: the caller, why the bot stepped aside, their goal. */
export function handoffWhisper(conversation: ConversationRecord): string {
  const packet = conversation.handoff?.packet as HandoffPacket | undefined;
  const name = callerLabel(conversation);
  const reasons = (conversation.handoff?.reasons ?? []).map((r) => r.replaceAll('_', ' '));
  const parts = [`Handed-over call from ${name}.`];
  if (reasons.length > 0) parts.push(`Reason: ${reasons.join(', ')}.`);
  const goal = packet?.summary.goal;
  if (goal) parts.push(`Goal: ${goal.replace(/[.\s]+$/, '')}.`);
  parts.push('Connecting you now.');
  return parts.join(' ');
}
