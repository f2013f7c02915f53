/** Two-factor log-in for tests: codes made with `otpauth` from the secret the server handed out. */
import { Secret, TOTP } from 'otpauth';
import { api } from './api-client.ts';

/** The 6-digit code an authenticator app shows at `at`. */
export const codeAt = (secret: string, at: Date): string =>
  TOTP.generate({ secret: Secret.fromBase32(secret), timestamp: at.getTime() });

/** Sets up and confirms two-factor for the session's account; the secret and recovery codes. */
export async function enrol(
  baseUrl: string,
  token: string,
  password: string,
  now: Date,
): Promise<{ secret: string; recoveryCodes: string[] }> {
  const setup = await api(baseUrl, 'POST', '/api/v1/me/totp/setup', { token, body: { password } });
  if (setup.status !== 200) throw new Error(`setup: ${setup.status} ${JSON.stringify(setup.body)}`);
  const secret = setup.body.secret as string;
  const confirm = await api(baseUrl, 'POST', '/api/v1/me/totp/confirm', {
    token,
    body: { code: codeAt(secret, now) },
  });
  if (confirm.status !== 200)
    throw new Error(`confirm: ${confirm.status} ${JSON.stringify(confirm.body)}`);
  return { secret, recoveryCodes: confirm.body.recoveryCodes as string[] };
}

/**
 * A log-in's answer, whatever it is. `from` is the client address the request says it comes
 * from (X-Forwarded-For; the server must trust 127.0.0.1 as its proxy): a test that logs in
 * many times gives each account its own, so the per-address rate limit stays out of its way.
 */
export async function tryLogin(
  baseUrl: string,
  body: Record<string, string>,
  from?: string,
): Promise<{ status: number; body: any }> {
  const response = await fetch(`${baseUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(from ? { 'x-forwarded-for': from } : {}),
    },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: await response.json() };
}
