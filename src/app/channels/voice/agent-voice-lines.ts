/**
 * Each agent's choice, in their profile, of where handed-over calls ring: a phone number of
 * their own (validated and stored in E.164), this browser, or the configuration's rule. The
 * ringing (voice-agent-call.ts) and the Access Token (voice-browser-client.ts) read it through
 * `agentVoiceLine`; every change is in the audit log as `agent.updated`.
 */
import { parsePhoneNumberFromString } from 'libphonenumber-js';
import { BatonError } from '../../../core/errors/baton-error.ts';
import type { AgentRecord } from '../../../core/records.ts';
import type { Store } from '../../../store/store.ts';
import type { AuditTrail } from '../../audit/audit-trail.ts';
import { agentVoiceLine, BROWSER_LINE } from './voice-browser-client.ts';
import type { VoiceConfig } from './voice-config.ts';

/** What an agent may choose: their phone, this browser, or the team's configured rule. */
export type VoiceLineChoice =
  | { readonly line: 'phone'; readonly phone: string }
  | { readonly line: 'browser' }
  | { readonly line: 'default' };

/** Where calls ring for the agent now, and whether that is their own choice. */
export interface VoiceLineView {
  readonly line: 'phone' | 'browser' | 'none';
  /** The number rung (E.164) when `line` is `phone`. */
  readonly phone: string | null;
  /** `profile`: the agent chose it; `default`: the configuration's rule. */
  readonly chosen: 'profile' | 'default';
  /** Whether `browser` may be chosen (channels.voice.browserClient is configured). */
  readonly browserAvailable: boolean;
}

export interface AgentVoiceLinesOptions {
  readonly store: Store;
  readonly config: VoiceConfig | undefined;
  readonly audit: AuditTrail;
}

/** An E.164 number from what the agent typed (international form, `+` first), or null. */
export function e164(input: string): string | null {
  const parsed = parsePhoneNumberFromString(input.trim());
  return parsed?.isValid() ? parsed.number : null;
}

export class AgentVoiceLines {
  constructor(private readonly options: AgentVoiceLinesOptions) {}

  view(agent: AgentRecord): VoiceLineView {
    const config = this.voice();
    const line = agentVoiceLine(config, agent);
    return {
      line: line.kind,
      phone: line.kind === 'phone' ? line.to : null,
      chosen: agent.voiceLine === null ? 'default' : 'profile',
      browserAvailable: config.browserClient !== undefined,
    };
  }

  async choose(agent: AgentRecord, choice: VoiceLineChoice, ip: string | null) {
    const config = this.voice();
    let voiceLine: string | null = null;
    if (choice.line === 'phone') {
      voiceLine = e164(choice.phone);
      if (!voiceLine)
        throw new BatonError(
          'VALIDATION_FAILED',
          'Give the phone number in international form, with its country code (e.g. +44 20 7946 0958).',
        );
    } else if (choice.line === 'browser') {
      if (!config.browserClient) throw new BatonError('VOICE_BROWSER_OFF');
      voiceLine = BROWSER_LINE;
    }
    if (voiceLine === agent.voiceLine) return this.view(agent);
    const updated = (await this.options.store.agents.update(agent.id, { voiceLine })) ?? agent;
    await this.options.audit.profile(
      agent,
      { voiceLine: { from: agent.voiceLine, to: voiceLine } },
      ip,
    );
    return this.view(updated);
  }

  private voice(): VoiceConfig {
    const config = this.options.config;
    if (!config)
      throw new BatonError('CHANNEL_NOT_ENABLED', 'The voice channel is not configured.');
    return config;
  }
}
