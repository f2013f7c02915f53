// The "Account" dialog: your profile picture (avatar-section.tsx), change your password (the
// current one is needed; your other sessions end), two-factor sign-in (two-factor-section.tsx),
// where calls ring for you (voice-line-section.tsx), and see where you are signed
// in, with a Revoke button for each other session. Every value from the server (address,
// user agent) is rendered as text.

import { useEffect, useRef, useState } from 'preact/hooks';
import { ApiRequestError } from '../shared/http.ts';
import { changePassword, fetchSessions, revokeSession, type AccountSession } from './api.ts';
import { dayAndTime } from './format.ts';
import { AvatarSection } from './avatar-section.tsx';
import { TwoFactorSection } from './two-factor-section.tsx';
import { VoiceLineSection } from './voice-line-section.tsx';
import { AudioDeviceSection } from './audio-device-section.tsx';
import type { AudioLike } from './audio-devices.ts';

/** The server's rule (src/app/auth/account-rules.ts), checked here first for a plain message. */
const MIN_PASSWORD_LENGTH = 10;

export interface AccountPanelProps {
  token: string;
  onClose: () => void;
  onUnauthorized: () => void;
  /** Where calls ring for the agent changed. */
  onVoiceLineChanged?: () => void;
  /** The Voice SDK's audio helper when calls ring in this browser (microphone and speaker). */
  callAudio?: AudioLike | null;
}

export function AccountPanel({
  token,
  onClose,
  onUnauthorized,
  onVoiceLineChanged,
  callAudio = null,
}: AccountPanelProps) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const failed = (error: unknown, fallback: string): string => {
    if (error instanceof ApiRequestError && error.status === 401) onUnauthorized();
    return error instanceof Error ? error.message : fallback;
  };
  return (
    <div class="overlay" onClick={onClose}>
      <div
        class="account-panel"
        role="dialog"
        aria-modal="true"
        aria-labelledby="account-title"
        onClick={(e) => e.stopPropagation()}
        onKeyDown={(e) => {
          if (e.key === 'Escape') {
            e.preventDefault();
            onClose();
          }
        }}
      >
        <h2 id="account-title" tabIndex={-1} ref={heading}>
          Your account
        </h2>
        <AvatarSection token={token} failed={failed} />
        <PasswordForm token={token} failed={failed} />
        <TwoFactorSection token={token} failed={failed} />
        <VoiceLineSection token={token} failed={failed} onChanged={onVoiceLineChanged} />
        <AudioDeviceSection audio={callAudio} />
        <SessionList token={token} failed={failed} />
        <button type="button" class="button" onClick={onClose}>
          Close
        </button>
      </div>
    </div>
  );
}

type Failed = (error: unknown, fallback: string) => string;

function PasswordForm({ token, failed }: { token: string; failed: Failed }) {
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [again, setAgain] = useState('');
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const submit = (e: Event) => {
    e.preventDefault();
    if (next.length < MIN_PASSWORD_LENGTH)
      return setMessage({
        ok: false,
        text: `The new password needs at least ${MIN_PASSWORD_LENGTH} characters.`,
      });
    if (next !== again)
      return setMessage({ ok: false, text: 'The two new passwords are not the same.' });
    setBusy(true);
    setMessage(null);
    changePassword(token, current, next)
      .then(({ endedSessions }) => {
        setCurrent('');
        setNext('');
        setAgain('');
        setMessage({
          ok: true,
          text:
            endedSessions > 0
              ? `Password changed. ${endedSessions} other session(s) were signed out.`
              : 'Password changed.',
        });
      })
      .catch((error: unknown) =>
        setMessage({ ok: false, text: failed(error, 'Could not change the password.') }),
      )
      .finally(() => setBusy(false));
  };
  return (
    <form class="account-section" onSubmit={submit} aria-labelledby="password-title">
      <h3 id="password-title">Change password</h3>
      <label>
        Current password
        <input
          type="password"
          autoComplete="current-password"
          required
          value={current}
          onInput={(e) => setCurrent(e.currentTarget.value)}
        />
      </label>
      <label>
        New password
        <input
          type="password"
          autoComplete="new-password"
          required
          value={next}
          onInput={(e) => setNext(e.currentTarget.value)}
        />
      </label>
      <label>
        New password again
        <input
          type="password"
          autoComplete="new-password"
          required
          value={again}
          onInput={(e) => setAgain(e.currentTarget.value)}
        />
      </label>
      <p class="muted">
        At least {MIN_PASSWORD_LENGTH} characters. Your other sessions are signed out.
      </p>
      {message && (
        <p
          class={message.ok ? 'account-ok' : 'account-error'}
          role={message.ok ? 'status' : 'alert'}
        >
          {message.text}
        </p>
      )}
      <button type="submit" class="button button--primary" disabled={busy}>
        Change password
      </button>
    </form>
  );
}

function SessionList({ token, failed }: { token: string; failed: Failed }) {
  const [sessions, setSessions] = useState<AccountSession[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const load = () =>
    fetchSessions(token)
      .then(({ sessions: list }) => {
        setSessions(list);
        setError(null);
      })
      .catch((e: unknown) => setError(failed(e, 'Could not load your sessions.')));
  useEffect(() => {
    void load();
  }, [token]);
  const revoke = (id: string) =>
    revokeSession(token, id)
      .then(load)
      .catch((e: unknown) => setError(failed(e, 'Could not end that session.')));
  return (
    <section class="account-section" aria-labelledby="sessions-title">
      <h3 id="sessions-title">Where you are signed in</h3>
      {error && (
        <p class="account-error" role="alert">
          {error}
        </p>
      )}
      {sessions === null ? (
        <p class="muted">Loading…</p>
      ) : (
        <ul class="session-list">
          {sessions.map((s) => (
            <li key={s.id} class="session-item" data-session={s.id}>
              <div>
                <strong>{s.userAgent ?? 'Unknown browser'}</strong>
                {s.current && <span class="session-current"> (this session)</span>}
                <div class="muted">
                  {s.ip ?? 'unknown address'} · signed in {dayAndTime(s.createdAt)}
                  {s.lastSeenAt && ` · last seen ${dayAndTime(s.lastSeenAt)}`}
                </div>
              </div>
              {!s.current && (
                <button
                  type="button"
                  class="button"
                  aria-label={`Revoke the session from ${s.userAgent ?? 'an unknown browser'}`}
                  onClick={() => void revoke(s.id)}
                >
                  Revoke
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
