// Sign-in screen of the inbox and the dashboard (same accounts, same session). Errors from
// the server (wrong password, rate limit) are shown as they come, next to the form, and
// announced to screen readers.

import { useEffect, useState } from 'preact/hooks';
import { ApiRequestError } from '../shared/http.ts';
import { authMethods, login, type AuthMethods } from './api.ts';
import type { AgentSession } from './session.ts';

export interface LoginViewProps {
  /** The heading: which app this signs in to. */
  title?: string;
  notice: string | null;
  onLogin: (session: AgentSession) => void;
}

export function LoginView({ title = 'Sign in to the inbox', notice, onLogin }: LoginViewProps) {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
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
      onLogin(await login(email.trim(), password));
    } catch (failure) {
      setError(
        failure instanceof ApiRequestError && failure.status === 401
          ? 'Wrong email or password.'
          : failure instanceof Error
            ? failure.message
            : 'Could not sign in.',
      );
      setBusy(false);
    }
  };

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
