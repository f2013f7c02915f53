// Sign-in for the dashboard: the inbox's login call and session, with the dashboard's title.

import { useState } from 'preact/hooks';
import { ApiRequestError } from '../shared/http.ts';
import { login } from '../inbox/api.ts';
import type { AgentSession } from '../inbox/session.ts';

export function DashboardLogin(props: {
  notice: string | null;
  onLogin: (session: AgentSession) => void;
}) {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      props.onLogin(await login(email.trim(), password));
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
      <form class="login-card" onSubmit={(e) => void submit(e)}>
        <h1>Sign in to the dashboard</h1>
        {props.notice && <p class="notice">{props.notice}</p>}
        <label>
          Email
          <input
            type="email"
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
      </form>
    </main>
  );
}
