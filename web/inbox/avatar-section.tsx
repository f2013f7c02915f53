// The profile picture in the account dialog: the picture customers see in the widget's
// header while you have their conversation (your initial when there is none). The server reads
// the type from the file's bytes and refuses anything but a PNG, JPEG, WebP or GIF image.

import { useEffect, useState } from 'preact/hooks';
import { fetchMe, removeAvatar, uploadAvatar } from './api.ts';

type Failed = (error: unknown, fallback: string) => string;

export function AvatarSection({ token, failed }: { token: string; failed: Failed }) {
  const [avatarUrl, setAvatarUrl] = useState<string | null>(null);
  const [name, setName] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  useEffect(() => {
    fetchMe(token)
      .then(({ agent }) => {
        setAvatarUrl(agent.avatarUrl ?? null);
        setName(agent.name);
      })
      .catch((e: unknown) => setError(failed(e, 'Could not read your account.')));
  }, [token]);

  const run = (work: () => Promise<void>, fallback: string) => {
    setBusy(true);
    setError(null);
    setDone(null);
    work()
      .catch((failure: unknown) => setError(failed(failure, fallback)))
      .finally(() => setBusy(false));
  };
  const upload = (e: Event) => {
    e.preventDefault();
    if (!file) {
      setError('Choose a picture first.');
      return;
    }
    run(async () => {
      const answer = await uploadAvatar(token, file);
      setAvatarUrl(answer.avatarUrl);
      setDone('Picture saved: customers see it when you join their chat.');
    }, 'Could not save the picture.');
  };
  const remove = () =>
    run(async () => {
      await removeAvatar(token);
      setAvatarUrl(null);
      setDone('Picture removed: customers see your initial.');
    }, 'Could not remove the picture.');

  return (
    <section class="account-section avatar-section" aria-labelledby="avatar-title">
      <h3 id="avatar-title">Profile picture</h3>
      <div class="avatar-row">
        {avatarUrl ? (
          <img
            class="avatar-preview"
            src={avatarUrl}
            alt={`Your picture${name ? `, ${name}` : ''}`}
          />
        ) : (
          <span class="avatar-preview avatar-preview--initial" aria-hidden="true">
            {name.slice(0, 1).toUpperCase()}
          </span>
        )}
        <p class="muted">
          {avatarUrl
            ? 'Customers see this picture in the chat header while you have their conversation.'
            : 'None: customers see your initial. A PNG, JPEG, WebP or GIF image up to 512 kB.'}
        </p>
      </div>
      <form class="account-section" onSubmit={upload}>
        <label for="avatar-file">Choose a picture</label>
        <input
          id="avatar-file"
          type="file"
          accept="image/png,image/jpeg,image/webp,image/gif"
          onChange={(e) => setFile(e.currentTarget.files?.[0] ?? null)}
        />
        {error && (
          <p class="form-error" role="alert">
            {error}
          </p>
        )}
        {done && (
          <p class="account-ok" role="status">
            {done}
          </p>
        )}
        <div class="avatar-buttons">
          <button type="submit" class="button button--primary" disabled={busy}>
            Upload picture
          </button>
          {avatarUrl && (
            <button type="button" class="button" disabled={busy} onClick={remove}>
              Remove picture
            </button>
          )}
        </div>
      </form>
    </section>
  );
}
