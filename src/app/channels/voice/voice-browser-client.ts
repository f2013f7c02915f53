/**
 * Where an agent takes handed-over calls: on the phone `channels.voice.agentPhones` gives them,
 * else in the browser when `channels.voice.browserClient` is configured (the Twilio Voice SDK
 * registers as the agent's identity, and Baton rings `client:<identity>`), else nowhere. A
 * browser agent gets a short-lived Access Token for that identity, never another one.
 */
import {
  clientParameters,
  signVoiceAccessToken,
  type VoiceAccessToken,
} from '../../../channels/index.ts';
import type { AgentRecord } from '../../../core/records.ts';
import type { VoiceConfig } from './voice-config.ts';

/** An hour, as Twilio's own helpers default to; the SDK asks for a new one before it lapses. */
export const VOICE_TOKEN_TTL_SECONDS = 3600;

export type AgentVoiceLine =
  | { readonly kind: 'phone'; readonly to: string }
  | { readonly kind: 'browser'; readonly to: string; readonly identity: string }
  | { readonly kind: 'none' };

/** The identity a browser agent registers as: their Baton id (`a_…`: letters, digits, `_`). */
export function voiceClientIdentity(agent: Pick<AgentRecord, 'id'>): string {
  return agent.id;
}

/** An agent's profile choice of the browser (agent-voice-lines.ts); any other value is E.164. */
export const BROWSER_LINE = 'browser';

/**
 * The agent's own choice first (their number, or the browser); without one, the phone the
 * configuration gives them, else the browser when the browser client is on.
 */
export function agentVoiceLine(
  config: VoiceConfig | undefined,
  agent: Pick<AgentRecord, 'id' | 'email' | 'voiceLine'>,
): AgentVoiceLine {
  const chosen = agent.voiceLine;
  if (chosen && chosen !== BROWSER_LINE) return { kind: 'phone', to: chosen };
  const phone = chosen === BROWSER_LINE ? undefined : config?.agentPhones[agent.email];
  if (phone) return { kind: 'phone', to: phone };
  if (!config?.browserClient) return { kind: 'none' };
  const identity = voiceClientIdentity(agent);
  return { kind: 'browser', to: `client:${identity}`, identity };
}

/**
 * `client:<identity>` with custom parameters, as Twilio documents for a Client callee of
 * Calls.json: in the query of `To`, read by the Voice SDK as `call.customParameters`.
 */
export function clientWithParameters(
  client: string,
  parameters: Readonly<Record<string, string>>,
): string {
  return `${client}?${new URLSearchParams(clientParameters(parameters)).toString()}`;
}

export type VoiceTokenResult =
  | { readonly ok: true; readonly token: VoiceAccessToken }
  | {
      readonly ok: false;
      readonly code: 'VOICE_BROWSER_OFF' | 'VOICE_AGENT_ON_PHONE';
    };

/** The caller's own Access Token; a value, not a throw, when they take calls elsewhere. */
export async function issueVoiceToken(
  config: VoiceConfig | undefined,
  agent: Pick<AgentRecord, 'id' | 'email' | 'voiceLine'>,
  now: Date,
): Promise<VoiceTokenResult> {
  const browser = config?.browserClient;
  if (!config || !browser) return { ok: false, code: 'VOICE_BROWSER_OFF' };
  const line = agentVoiceLine(config, agent);
  if (line.kind !== 'browser') return { ok: false, code: 'VOICE_AGENT_ON_PHONE' };
  const token = await signVoiceAccessToken({
    accountSid: config.accountSid,
    apiKeySid: browser.apiKeySid,
    apiKeySecret: browser.apiKeySecret,
    twimlAppSid: browser.twimlAppSid,
    identity: line.identity,
    now,
    ttlSeconds: VOICE_TOKEN_TTL_SECONDS,
  });
  return { ok: true, token };
}
