/**
 * A Twilio Access Token with a Voice grant, as Twilio documents it: a JWT signed HS256 with an
 * API key's secret, header `cty: twilio-fpa;v=1`, issued by the API key for the account. The
 * Voice JS SDK in an agent's browser registers with it as `identity`, so Baton can ring
 * `client:<identity>`. Built with `jose` rather than the `twilio` package (agent-call-request.ts).
 */
import { SignJWT } from 'jose';

export interface VoiceAccessTokenOptions {
  readonly accountSid: string;
  readonly apiKeySid: string;
  readonly apiKeySecret: string;
  /** Who the browser registers as: what `client:<identity>` rings. */
  readonly identity: string;
  /** A TwiML App for outgoing calls from the browser; none: incoming only. */
  readonly twimlAppSid?: string | undefined;
  readonly now: Date;
  readonly ttlSeconds: number;
}

export interface VoiceAccessToken {
  readonly token: string;
  readonly identity: string;
  readonly expiresAt: string;
}

export async function signVoiceAccessToken(
  options: VoiceAccessTokenOptions,
): Promise<VoiceAccessToken> {
  const iat = Math.floor(options.now.getTime() / 1000);
  const exp = iat + options.ttlSeconds;
  const voice = {
    incoming: { allow: true },
    ...(options.twimlAppSid ? { outgoing: { application_sid: options.twimlAppSid } } : {}),
  };
  const token = await new SignJWT({ grants: { identity: options.identity, voice } })
    .setProtectedHeader({ typ: 'JWT', alg: 'HS256', cty: 'twilio-fpa;v=1' })
    .setJti(`${options.apiKeySid}-${iat}`)
    .setIssuer(options.apiKeySid)
    .setSubject(options.accountSid)
    .setIssuedAt(iat)
    .setNotBefore(iat)
    .setExpirationTime(exp)
    .sign(new TextEncoder().encode(options.apiKeySecret));
  return { token, identity: options.identity, expiresAt: new Date(exp * 1000).toISOString() };
}
