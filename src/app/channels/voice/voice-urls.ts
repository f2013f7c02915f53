/** The public URLs Twilio calls back on for a phone call (routes in http/routes/voice-routes.ts). */
export const VOICE_STEPS = [
  'incoming',
  'gather',
  'wait',
  'callback-choice',
  'left-queue',
  'recorded',
  'voicemail',
  'agent',
  'connecting',
  'call-back',
  'call-back-status',
] as const;

export type VoiceStep = (typeof VOICE_STEPS)[number];

export function voiceUrl(
  publicBaseUrl: string,
  step: VoiceStep,
  query: Readonly<Record<string, string>> = {},
): string {
  const search = new URLSearchParams(query).toString();
  return `${publicBaseUrl.replace(/\/+$/, '')}/channels/voice/${step}${search ? `?${search}` : ''}`;
}
