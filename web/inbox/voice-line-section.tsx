// "Calls" in the account dialog: where handed-over calls ring for you (your own number, this
// browser, or the team's default), read from and saved to /api/v1/me/voice-line. Shown only
// when the server has the voice channel; the number is checked by the server (E.164).

import { useEffect, useState } from 'preact/hooks';
import { ApiRequestError } from '../shared/http.ts';
import { chooseVoiceLine, fetchVoiceLine, type VoiceLine, type VoiceLineChoice } from './api.ts';

type Failed = (error: unknown, fallback: string) => string;

export interface VoiceLineSectionProps {
  token: string;
  failed: Failed;
  /** The line changed: the inbox asks again whether calls ring in this browser. */
  onChanged?: () => void;
}

function describe(line: VoiceLine): string {
  const whose = line.chosen === 'default' ? ' (the team default)' : '';
  switch (line.line) {
    case 'phone':
      return `Calls ring on ${line.phone ?? 'your phone'}${whose}.`;
    case 'browser':
      return `Calls ring in this browser${whose}.`;
    case 'none':
      return 'No phone is set for you: calls cannot reach you.';
  }
}

export function VoiceLineSection({ token, failed, onChanged }: VoiceLineSectionProps) {
  const [line, setLine] = useState<VoiceLine | null>(null);
  const [hidden, setHidden] = useState(false);
  const [kind, setKind] = useState<VoiceLineChoice['line']>('default');
  const [phone, setPhone] = useState('');
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);

  const show = (next: VoiceLine) => {
    setLine(next);
    setKind(next.chosen === 'default' ? 'default' : next.line === 'phone' ? 'phone' : 'browser');
    if (next.chosen === 'profile' && next.phone) setPhone(next.phone);
  };
  useEffect(() => {
    fetchVoiceLine(token).then(show, (e: unknown) => {
      // No voice channel on this server: nothing to choose.
      if (e instanceof ApiRequestError && e.code === 'CHANNEL_NOT_ENABLED') setHidden(true);
      else setMessage({ ok: false, text: failed(e, 'Could not read where calls ring.') });
    });
  }, [token]);
  if (hidden) return null;

  const submit = (e: Event) => {
    e.preventDefault();
    const choice: VoiceLineChoice =
      kind === 'phone'
        ? { line: 'phone', phone }
        : kind === 'browser'
          ? { line: 'browser' }
          : { line: 'default' };
    setBusy(true);
    setMessage(null);
    chooseVoiceLine(token, choice)
      .then((next) => {
        show(next);
        setMessage({ ok: true, text: `Saved. ${describe(next)}` });
        onChanged?.();
      })
      .catch((error: unknown) =>
        setMessage({ ok: false, text: failed(error, 'Could not save where calls ring.') }),
      )
      .finally(() => setBusy(false));
  };
  return (
    <form class="account-section" onSubmit={submit} aria-labelledby="calls-title">
      <h3 id="calls-title">Calls</h3>
      {line && <p class="muted">{describe(line)}</p>}
      <fieldset class="voice-line-choices">
        <legend>Ring me</legend>
        <label>
          <input
            type="radio"
            name="voice-line"
            checked={kind === 'phone'}
            onChange={() => setKind('phone')}
          />
          On my phone
        </label>
        {kind === 'phone' && (
          <label>
            Phone number, with country code
            <input
              type="tel"
              autoComplete="tel"
              required
              placeholder="+44 20 7946 0958"
              value={phone}
              onInput={(e) => setPhone(e.currentTarget.value)}
            />
          </label>
        )}
        {line?.browserAvailable && (
          <label>
            <input
              type="radio"
              name="voice-line"
              checked={kind === 'browser'}
              onChange={() => setKind('browser')}
            />
            In this browser
          </label>
        )}
        <label>
          <input
            type="radio"
            name="voice-line"
            checked={kind === 'default'}
            onChange={() => setKind('default')}
          />
          The team default
        </label>
      </fieldset>
      {message && (
        <p
          class={message.ok ? 'account-ok' : 'account-error'}
          role={message.ok ? 'status' : 'alert'}
        >
          {message.text}
        </p>
      )}
      <button type="submit" class="button button--primary" disabled={busy || line === null}>
        Save
      </button>
    </form>
  );
}
