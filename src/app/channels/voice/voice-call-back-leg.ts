/**
 * Twilio's side of a call back (voice-call-back.ts). When the customer answers, Twilio fetches
 * `call-back`: a short greeting in the conversation's language (who is calling and why, and
 * whom they are being connected to: the customer-text catalogue's `voice_call_back_greeting`),
 * then a `<Dial>` to the agent who asked, on their own line (their phone, or their browser as a
 * `<Client>` with the conversation as a custom parameter, so Accept opens it).
 * The call's progress comes to `call-back-status` and is recorded on the conversation, once
 * per status, however often Twilio posts it. Both are signed requests (voice-calls.ts).
 */
import { renderTwiml, twilioLanguage } from '../../../channels/index.ts';
import { customerText } from '../../../core/i18n/customer-text.ts';
import type { ConversationRecord } from '../../../core/records.ts';
import { callerLabel } from './voice-agent-leg.ts';
import { agentVoiceLine } from './voice-browser-client.ts';
import type { VoiceCallsDeps } from './voice-calls.ts';

export class VoiceCallBackLeg {
  constructor(private readonly deps: VoiceCallsDeps) {}

  /** The customer answered: greet them, then ring the agent's line, showing the Twilio number. */
  async answered(
    conversationId: string | undefined,
    agentId: string | undefined,
    params: Readonly<Record<string, string>>,
  ): Promise<string> {
    const { store, config } = this.deps;
    const conversation = conversationId ? await store.conversations.get(conversationId) : undefined;
    const agent = agentId ? await store.agents.get(agentId) : undefined;
    const line = agent ? agentVoiceLine(config, agent) : ({ kind: 'none' } as const);
    if (!conversation || !agent || line.kind === 'none') return renderTwiml([{ verb: 'Hangup' }]);
    const callerId = config.callerId ?? params.From ?? '';
    const language = conversation.language;
    const company =
      config.companyName ??
      this.deps.service.waitingSettings.teamName(conversation.queue, language);
    const greeting = customerText('voice_call_back_greeting', language, {
      company,
      agent: agent.name,
    });
    return renderTwiml([
      { verb: 'Say', text: greeting, language: twilioLanguage(language, config.language) },
      {
        verb: 'DialLine',
        callerId,
        line:
          line.kind === 'phone'
            ? { kind: 'phone', to: line.to }
            : {
                kind: 'browser',
                identity: line.identity,
                parameters: { conversation: conversation.id, caller: callerLabel(conversation) },
              },
      },
    ]);
  }

  /** Twilio's status callback: the call's progress, as a system event on the conversation. */
  async status(
    conversation: ConversationRecord | undefined,
    params: Readonly<Record<string, string>>,
  ): Promise<string> {
    const callSid = params.CallSid ?? '';
    const callStatus = params.CallStatus ?? '';
    if (!conversation || !/^[a-z-]{1,20}$/.test(callStatus)) return renderTwiml([]);
    const duration = Number(params.CallDuration);
    await this.deps.writer.commit({
      conversationId: conversation.id,
      events: [
        {
          type: 'channel.voice_call',
          actor: { type: 'system' },
          data: {
            action: 'call_back_status',
            callSid,
            callStatus,
            ...(params.CallDuration && Number.isFinite(duration) ? { duration } : {}),
          },
          // Once per call and status: Twilio retries a callback it thinks failed.
          clientMessageId: `voice:call-back:${callSid}:${callStatus}`,
        },
      ],
      now: this.deps.clock(),
    });
    return renderTwiml([]);
  }
}
