// Sign-in screen of the inbox and the dashboard (same accounts, same session). Errors from
// the server (wrong password, rate limit) are shown as they come, next to the form, and
// announced to screen readers. An account with two-factor sign-in is asked for its code when
// the server says TOTP_REQUIRED; one that must first set it up (auth.requireTotp) gets the
// setup before the app.

import { useEffect, useState } from 'preact/hooks';
import { ApiRequestError } from '../shared/http.ts';
import { authMethods, login, type AuthMethods } from './api.ts';
import type { AgentSession } from './session.ts';
import { TwoFactorSection } from './two-factor-section.tsx';

export interface LoginViewProps {
  /** The heading: which app this signs in to. */
  title?: string;
  notice: string | null;
  onLogin: (session: AgentSession) => void;
}

export function LoginView({ title = 'Sign in to the inbox', notice, onLogin }: LoginViewProps) {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  // Shown once the server asks for a second factor.
  const [askCode, setAskCode] = useState(false);
  const [code, setCode] = useState('');
  const [enrolling, setEnrolling] = useState<AgentSession | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // Until the server says otherwise, the password form (every server had one before).
  const [methods, setMethods] = useState<AuthMethods>({ password: true, oidc: null });

  useEffect(() => {
    authMethods().then(setMethods, () => undefined);
  }, []);

  const submit = async (event: Event): Promise<void> => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const answer = await login(email.trim(), password, askCode ? code.trim() : undefined);
      const session = { token: answer.token, agent: answer.agent };
      if (answer.totpEnrolmentRequired) {
        setEnrolling(session);
        return;
      }
      onLogin(session);
    } catch (failure) {
      const errorCode = failure instanceof ApiRequestError ? failure.code : null;
      if (errorCode === 'TOTP_REQUIRED') setAskCode(true);
      setError(
        errorCode === 'TOTP_REQUIRED'
          ? null
          : errorCode === 'TOTP_INVALID'
            ? 'That code is wrong or already used.'
            : failure instanceof ApiRequestError && failure.status === 401
              ? 'Wrong email or password.'
              : failure instanceof Error
                ? failure.message
                : 'Could not sign in.',
      );
      setBusy(false);
    }
  };

  if (enrolling)
    return (
      <main class="login">
        <div class="login-card">
          <h1>Set up two-factor sign-in</h1>
          <p class="login-notice">
            This server requires a code from an authenticator app at every sign-in.
          </p>
          <TwoFactorSection
            token={enrolling.token}
            enabled={false}
            failed={(failure, fallback) => (failure instanceof Error ? failure.message : fallback)}
            onEnabled={() =>
              onLogin({ ...enrolling, agent: { ...enrolling.agent, totpEnabled: true } })
            }
          />
        </div>
      </main>
    );

  return (
    <main class="login">
      <form class="login-card" onSubmit={(event) => void submit(event)}>
        <div class="login-brand">
          <span class="logo" aria-hidden="true">
            B
          </span>
          Baton
        </div>
        <h1>{title}</h1>
        {notice && <p class="login-notice">{notice}</p>}
        {methods.oidc && (
          <a class="button button--primary login-provider" href={methods.oidc.url}>
            Sign in with {methods.oidc.name}
          </a>
        )}
        {methods.password && (
          <>
            <label>
              Email
              <input
                type="email"
                name="email"
                autocomplete="username"
                required
                value={email}
                onInput={(e) => setEmail(e.currentTarget.value)}
              />
            </label>
            <label>
              Password
              <input
                type="password"
                name="password"
                autocomplete="current-password"
                required
                value={password}
                onInput={(e) => setPassword(e.currentTarget.value)}
              />
            </label>
            {askCode && (
              <label>
                Code from your authenticator app
                <input
                  type="text"
                  name="totpCode"
                  inputMode="numeric"
                  autocomplete="one-time-code"
                  required
                  value={code}
                  onInput={(e) => setCode(e.currentTarget.value)}
                />
                <span class="login-hint">Or one of your recovery codes.</span>
              </label>
            )}
            <p class="form-error" role="alert">
              {error}
            </p>
            <button class="button button--primary" type="submit" disabled={busy}>
              {busy ? 'Signing in…' : 'Sign in'}
            </button>
          </>
        )}
      </form>
    </main>
  );
}
