// Two-factor sign-in in the account dialog, and on its own when the server requires it before
// anything else: set up (password → the secret and the otpauth:// URI as text, to type or
// paste into an authenticator app), confirm with a first code, then the recovery codes, shown
// once; or, when it is on, turn it off with the password and a code.

import { useEffect, useState } from 'preact/hooks';
import { confirmTotp, disableTotp, fetchMe, startTotpSetup } from './api.ts';

type Failed = (error: unknown, fallback: string) => string;

type Step =
  | { kind: 'loading' }
  | { kind: 'off' }
  | { kind: 'pending'; secret: string; uri: string }
  | { kind: 'codes'; recoveryCodes: string[] }
  | { kind: 'on' };

export interface TwoFactorSectionProps {
  token: string;
  failed: Failed;
  /** Known already (the enrolment screen: off); otherwise read from GET /api/v1/me. */
  enabled?: boolean;
  /** Called once the recovery codes have been seen. */
  onEnabled?: () => void;
}

export function TwoFactorSection({ token, failed, enabled, onEnabled }: TwoFactorSectionProps) {
  const [step, setStep] = useState<Step>(
    enabled === undefined ? { kind: 'loading' } : { kind: enabled ? 'on' : 'off' },
  );
  const [password, setPassword] = useState('');
  const [code, setCode] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (enabled !== undefined) return;
    fetchMe(token)
      .then(({ agent }) => setStep({ kind: agent.totpEnabled ? 'on' : 'off' }))
      .catch((e: unknown) => setError(failed(e, 'Could not read your account.')));
  }, [token]);

  const run = (work: () => Promise<void>, fallback: string) => (e: Event) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    work()
      .catch((failure: unknown) => setError(failed(failure, fallback)))
      .finally(() => setBusy(false));
  };
  const start = run(async () => {
    const { secret, uri } = await startTotpSetup(token, password);
    setPassword('');
    setStep({ kind: 'pending', secret, uri });
  }, 'Could not start the setup.');
  const confirm = run(async () => {
    const { recoveryCodes } = await confirmTotp(token, code.trim());
    setCode('');
    setStep({ kind: 'codes', recoveryCodes });
  }, 'Could not turn two-factor sign-in on.');
  const turnOff = run(async () => {
    await disableTotp(token, password, code.trim());
    setPassword('');
    setCode('');
    setStep({ kind: 'off' });
  }, 'Could not turn two-factor sign-in off.');

  const passwordField = (
    <label>
      Your password
      <input
        type="password"
        autoComplete="current-password"
        required
        value={password}
        onInput={(e) => setPassword(e.currentTarget.value)}
      />
    </label>
  );
  const codeField = (label: string) => (
    <label>
      {label}
      <input
        type="text"
        inputMode="numeric"
        autoComplete="one-time-code"
        required
        value={code}
        onInput={(e) => setCode(e.currentTarget.value)}
      />
    </label>
  );
  const errorLine = error && (
    <p class="account-error" role="alert">
      {error}
    </p>
  );

  return (
    <section class="account-section two-factor" aria-labelledby="two-factor-title">
      <h3 id="two-factor-title">Two-factor sign-in</h3>
      {step.kind === 'loading' && <p class="muted">Loading…</p>}
      {step.kind === 'off' && (
        <form class="account-section" onSubmit={start}>
          <p class="muted">
            Off. With it on, signing in also needs a code from an authenticator app.
          </p>
          {passwordField}
          {errorLine}
          <button type="submit" class="button button--primary" disabled={busy}>
            Set up two-factor sign-in
          </button>
        </form>
      )}
      {step.kind === 'pending' && (
        <form class="account-section" onSubmit={confirm}>
          <p>Add this key to your authenticator app, then enter the code it shows.</p>
          <p>
            Key: <code class="totp-secret">{step.secret}</code>
          </p>
          <p class="muted">
            Or paste this link into the app: <code class="totp-uri">{step.uri}</code>
          </p>
          {codeField('Code from the app')}
          {errorLine}
          <button type="submit" class="button button--primary" disabled={busy}>
            Turn on
          </button>
        </form>
      )}
      {step.kind === 'codes' && (
        <div class="account-section">
          <p class="account-ok" role="status">
            Two-factor sign-in is on.
          </p>
          <p>
            Recovery codes: each signs you in once without the app. They are shown only now; keep
            them somewhere safe.
          </p>
          <ul class="recovery-codes">
            {step.recoveryCodes.map((c) => (
              <li key={c}>
                <code>{c}</code>
              </li>
            ))}
          </ul>
          <button
            type="button"
            class="button button--primary"
            onClick={() => {
              setStep({ kind: 'on' });
              onEnabled?.();
            }}
          >
            I have saved them
          </button>
        </div>
      )}
      {step.kind === 'on' && (
        <form class="account-section" onSubmit={turnOff}>
          <p class="muted">On: signing in needs a code from your authenticator app.</p>
          {passwordField}
          {codeField('Code from the app (or a recovery code)')}
          {errorLine}
          <button type="submit" class="button" disabled={busy}>
            Turn off two-factor sign-in
          </button>
        </form>
      )}
    </section>
  );
}
